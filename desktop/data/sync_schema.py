"""Schema 14: the tables a laptop needs to sync with a team server (desktop.data.syncstate, desktop.sync)."""
from __future__ import annotations

import sqlite3


def migration_team_sync(conn: sqlite3.Connection) -> None:
    """Schema 14: what a laptop needs to sync with a team server.

    - ``change_log.action`` may be 'pull': a change that came from the team server (logged with the server's
      author and time, never sent back); SQLite cannot change a CHECK, so the log is copied into a new table;
    - ``sync_records``: for each record the laptop has seen on the server, the server's version of it and the
      fingerprint of its document then (a record whose document still has that fingerprint is unchanged here);
    - ``sync_conflicts``: records changed here and on the server since the version both had, each server
      version reported once, until the user chooses (``resolution``).
    """
    ex = conn.execute
    old = ex("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").fetchone()[0]
    new = old.replace("'import', 'merge')", "'import', 'merge', 'pull')")
    if new == old:
        raise sqlite3.DatabaseError("change_log is not as expected: the action 'pull' cannot be added")
    ex(new.replace("CREATE TABLE change_log", "CREATE TABLE change_log_new", 1))
    ex("INSERT INTO change_log_new SELECT * FROM change_log")
    ex("DROP TABLE change_log")
    ex("ALTER TABLE change_log_new RENAME TO change_log")
    ex("CREATE INDEX change_log_record ON change_log(record_type, record_id)")
    ex("CREATE INDEX change_log_batch ON change_log(batch_id)")
    ex(
        """CREATE TABLE sync_records (
            record_type TEXT NOT NULL,
            uid TEXT NOT NULL,
            version INTEGER NOT NULL CHECK (version >= 1),
            doc_sha TEXT,
            PRIMARY KEY (record_type, uid)
        ) WITHOUT ROWID"""
    )
    ex(
        """CREATE TABLE sync_conflicts (
            id INTEGER PRIMARY KEY,
            record_type TEXT NOT NULL,
            uid TEXT NOT NULL,
            server_version INTEGER NOT NULL,
            server_doc TEXT,
            server_by TEXT,
            server_at TEXT,
            local_doc TEXT,
            found_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT CHECK (resolution IN ('mine', 'theirs', 'merged', 'both', 'superseded')),
            UNIQUE (record_type, uid, server_version)
        )"""
    )
    ex("CREATE INDEX sync_conflicts_open ON sync_conflicts(record_type, uid) WHERE resolved_at IS NULL")
