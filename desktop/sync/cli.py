"""The team-server commands: `server init`, `server conflicts`, and `sync` (with `--conflicts` and `--resolve`).

The connection string is libpq's: "host=db.example dbname=atlas user=aigerim sslmode=verify-full", a
postgresql:// URL, or "service=atlas" (a section of ~/.pg_service.conf). It is remembered in the database (without
any password) so that `sync` alone uses the last server. Passwords come from libpq's password file (~/.pgpass or
PGPASSFILE) or PGPASSWORD; at a terminal the command asks for one when the server wants it. Nothing here stores a
password.
"""
from __future__ import annotations

import getpass
import json
import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from desktop import paths
from desktop.core.errors import AtlasError
from desktop.data.database import Database
from desktop.data.syncstate import META_SERVER, RESOLUTIONS, LocalReplica, SyncStateError
from desktop.data.usercopy import open_user_database
from desktop.sync.engine import SyncCancelled, remember_server, resolve, sync
from desktop.sync.server import ServerError, TeamServer, init_server


def _password_if_asked(exc: ServerError, interactive: bool) -> str | None:
    if exc.code != "password" or not interactive:
        return None
    try:
        return getpass.getpass("Password for the team server: ") or None
    except (EOFError, KeyboardInterrupt):
        return None


def server_init_main(conninfo: str, curator: str | None, bundled: str | None, *, out: TextIO | None = None,
                     err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    source = Path(bundled) if bundled else paths.bundled_database()
    password = None
    for _attempt in range(2):
        try:
            report = init_server(conninfo, source, curator=curator, password=password)
            break
        except ServerError as exc:
            password = _password_if_asked(exc, sys.stdin.isatty() and password is None)
            if password is None:
                print(f"partnership-atlas: {exc}", file=err)
                return 2
    else:
        return 2
    what = "made" if report.created else "brought up to date"
    print(f"Team server {what}: schema atlas, roles atlas_reader, atlas_editor, atlas_curator.", file=out)
    if report.loaded:
        print(f"Loaded the bundled reference data: {report.loaded:,} records and vocabulary entries.", file=out)
    else:
        print("The server holds records already: the bundled reference data was not loaded again.", file=out)
    if report.curator:
        print(f"{report.curator} is a curator.", file=out)
    print("Grant the team's login roles one of the three roles, e.g. GRANT atlas_editor TO aigerim;", file=out)
    return 0


def server_conflicts_main(conninfo: str, close: int | None = None, *, out: TextIO | None = None,
                          err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        with TeamServer(conninfo) as server:
            server.check_schema()
            if close is not None:
                if not server.close_conflict(close, "settled on the server"):
                    print(f"partnership-atlas: conflict #{close} is not open, or was reported by someone else and "
                          "only a curator may settle it.", file=err)
                    return 2
                print(f"Conflict #{close} marked settled.", file=out)
                return 0
            rows = server.open_conflicts()
    except ServerError as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2
    if not rows:
        print("No open conflicts on the team server.", file=out)
    for cid, who, kind, uid, version, when in rows:
        print(f"#{cid}  {kind} {uid} (server version {version}): found by {who} on {when}", file=out)
    return 0


def _conninfo(db: Database, given: str | None) -> str:
    conninfo = given or db.meta(META_SERVER)
    if not conninfo:
        raise SyncStateError("No team server is set for this database: name it once with --server "
                             "(a libpq connection string, a postgresql:// URL or service=NAME).")
    return conninfo


def sync_main(conninfo: str | None, db_path: str | None, *, conflicts: bool = False, resolve_id: int | None = None,
              choice: str | None = None, fields: list[str] | None = None, as_json: bool = False,
              out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    try:
        opened = open_user_database(db_path)
    except (AtlasError, OSError, sqlite3.Error) as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2
    with opened.database as db:
        try:
            if conflicts:
                return _print_conflicts(db, as_json, out)
            if resolve_id is not None:
                return _resolve(db, conninfo, resolve_id, choice, fields or [], out)
            return _sync(db, conninfo, as_json, out, err)
        except (ServerError, SyncCancelled) as exc:
            done = exc.report
            print(f"partnership-atlas: {exc}" + (f" {done.done_before()}" if done is not None and (
                done.changed_here or done.sent_sets) else ""), file=err)
            return 2
        except SyncStateError as exc:
            print(f"partnership-atlas: {exc}", file=err)
            return 2
        except sqlite3.Error as exc:
            print(f"partnership-atlas: the database could not be written: {exc}; nothing of the interrupted step was "
                  "kept.", file=err)
            return 2


def _sync(db: Database, given: str | None, as_json: bool, out: TextIO, err: TextIO) -> int:
    if db.readonly:
        raise SyncStateError(f"{db.path} is open read-only: a sync writes into it.")
    conninfo = _conninfo(db, given)
    password = None
    for _attempt in range(2):
        try:
            report = sync(db, conninfo, password=password)
            break
        except ServerError as exc:
            password = _password_if_asked(exc, sys.stdin.isatty() and password is None)
            if password is None:
                raise
    else:
        return 2
    remember_server(db, conninfo)
    if as_json:
        json.dump({"received": len(report.pulled) + len(report.deleted), "sent_records": report.sent_records,
                   "sent_change_sets": report.sent_sets, "new_conflicts": len(report.conflicts),
                   "open_conflicts": report.open_conflicts, "held_back": report.held_back,
                   "read_only": report.read_only, "skipped": [list(s) for s in report.skipped],
                   "adjusted": [list(a) for a in report.adjusted],
                   "restored": [list(r) for r in report.restored]}, out)
        out.write("\n")
    else:
        print(report.summary(), file=out)
        for kind, uid, why in report.skipped[:20]:
            print(f"  not written here: {kind} {uid}: {why}", file=out)
        for kind, uid in report.restored[:20]:
            print(f"  deleted here, back as the server has it (records there need it): {kind} {uid}", file=out)
        for kind, uid in report.adjusted[:20]:
            print(f"  written on the server without its link to a record deleted there: {kind} {uid}", file=out)
        if report.open_conflicts:
            print("See them with `partnership-atlas sync --conflicts`; choose with `partnership-atlas sync --resolve N "
                  "--keep mine|theirs|both`.", file=out)
    return 0


def _print_conflicts(db: Database, as_json: bool, out: TextIO) -> int:
    conflicts = LocalReplica(db).open_conflicts()
    if as_json:
        json.dump([{"id": c.id, "kind": c.kind, "uid": c.uid, "server_version": c.server_version,
                    "server_by": c.server_by, "server_at": c.server_at, "fields": c.fields(),
                    "mine": c.local_doc, "theirs": c.server_doc} for c in conflicts], out, ensure_ascii=False)
        out.write("\n")
        return 0
    if not conflicts:
        print("No conflicts wait for your choice.", file=out)
    for c in conflicts:
        print(f"#{c.id}  {c.kind} {c.uid}: changed here and by {c.server_by or 'someone'} on the server "
              f"({c.server_at or 'time unknown'})", file=out)
        if c.local_doc is None:
            print("    here: deleted; on the server: changed", file=out)
        elif c.server_doc is None:
            print("    here: changed; on the server: deleted", file=out)
        for name in c.fields():
            mine = (c.local_doc or {}).get(name)
            theirs = (c.server_doc or {}).get(name)
            print(f"    {name}: here {json.dumps(mine, ensure_ascii=False)}; server "
                  f"{json.dumps(theirs, ensure_ascii=False)}", file=out)
    return 0


def _resolve(db: Database, given: str | None, conflict_id: int, choice: str | None, fields: list[str],
             out: TextIO) -> int:
    if db.readonly:
        raise SyncStateError(f"{db.path} is open read-only: settling a conflict writes into it.")
    picks: dict[str, str] = {}
    for item in fields:
        name, _, side = item.partition("=")
        if side not in ("mine", "theirs"):
            raise SyncStateError(f"--field takes NAME=mine or NAME=theirs, not “{item}”.")
        picks[name] = side
    chosen = choice or ("merged" if picks else None)
    if chosen not in RESOLUTIONS:
        raise SyncStateError(f"Say what to keep: --keep {'|'.join(r for r in RESOLUTIONS if r != 'merged')}, "
                             "or --field NAME=mine|theirs for each field.")
    assert chosen is not None
    conninfo = given or db.meta(META_SERVER)
    resolve(db, conninfo, conflict_id, chosen, picks)
    print(f"Conflict #{conflict_id} settled ({chosen}); the next sync sends the result.", file=out)
    return 0
