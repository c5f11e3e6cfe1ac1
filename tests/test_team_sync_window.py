"""File → Sync with Team Server… and the conflicts dialog, as a user uses them, against a real PostgreSQL."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from desktop.data.database import Database, open_database
from desktop.data.editing import Editor
from desktop.qt.sync.conflicts import ConflictsDialog
from desktop.qt.sync.dialog import SyncDialog
from desktop.sync.engine import sync


@pytest.fixture
def window(open_window):
    w = open_window()
    w.editing.show_message = lambda text: None
    return w


def other_laptop(built_db: Path, tmp_path: Path) -> Database:
    path = tmp_path / "other.sqlite"
    shutil.copyfile(built_db, path)
    return open_database(path)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)


def synced_dialog(qtbot, window, conninfo: str) -> SyncDialog:
    """The sync dialog, opened and run once against ``conninfo``."""
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText(conninfo)
    dialog.run_sync()
    return dialog


def retitle(db: Database, record_id: int, text: str) -> None:
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", record_id, {"title_en": text}))


def test_a_sync_from_the_menu_brings_the_teams_change_into_the_views(qtbot, window, repo, team, built_db, tmp_path):
    cluster, name = team
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements WHERE title_en IS NOT NULL ORDER BY id LIMIT 1"
                                        ).fetchone()[0]
    window.selection.select_agreement(agreement_id)
    retitle_here = Editor(repo.db)
    window.editing.submit(retitle_here.build_update("event", repo.db.conn.execute(
        "SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0], {"title_en": "An event retitled here"}))
    assert window.editing.history.can_undo()
    with other_laptop(built_db, tmp_path) as other:
        retitle(other, agreement_id, "Retitled by a teammate")
        sync(other, cluster.conninfo(name, "editor2"))
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.server.text() == ""  # no server named yet
    dialog.server.setText(cluster.conninfo(name, "editor1"))
    dialog.run_sync()
    text = dialog.result_label.text()
    assert "Received 1 change from the team." in text and "Sent 1 record." in text
    assert "Undo starts afresh" in text
    settle(qtbot, window)
    assert "Retitled by a teammate" in window.agreements.detail.title_texts()
    assert not window.editing.history.can_undo()  # no undo across a teammate's change
    assert not dialog.conflicts_button.isEnabled() and dialog.conflicts_button.text() == "Conflicts… (0)"
    again = SyncDialog(window)
    qtbot.addWidget(again)
    assert again.server.text() == cluster.conninfo(name, "editor1")  # remembered, without any password


def test_a_readers_window_says_it_may_only_read(qtbot, window, team):
    cluster, name = team
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText(cluster.conninfo(name, "reader1"))
    dialog.run_sync()
    assert "Your account (reader1) may only read" in dialog.result_label.text()
    from PySide6.QtWidgets import QLabel

    label = window.findChild(QLabel, "syncReadOnly")
    assert label is not None and label.isVisible() and label.text() == "Team server: read only"


def test_an_unreachable_server_is_said_plainly_and_work_goes_on(qtbot, window, tmp_path):
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText(f"host={tmp_path} dbname=atlas")
    dialog.run_sync()
    assert dialog.result_label.text().startswith("The team server could not be reached. You can keep working")


def test_settling_conflicts_in_the_window(qtbot, window, repo, team, built_db, tmp_path):
    cluster, name = team
    ids = [r[0] for r in repo.db.conn.execute("SELECT id FROM agreements ORDER BY uid LIMIT 2")]
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText(cluster.conninfo(name, "editor1"))
    dialog.run_sync()
    with other_laptop(built_db, tmp_path) as other:
        for record_id in ids:
            retitle(other, record_id, f"Teammate's title {record_id}")
        sync(other, cluster.conninfo(name, "editor2"))
    for record_id in ids:
        window.editing.submit(Editor(repo.db).build_update("agreement", record_id, {"title_en": f"Mine {record_id}"}))
    dialog.run_sync()
    assert "2 records were changed here and on the server: nothing was overwritten." in dialog.result_label.text()
    assert dialog.conflicts_button.isEnabled() and dialog.conflicts_button.text() == "Conflicts… (2)"
    conflicts = ConflictsDialog(window, dialog)
    qtbot.addWidget(conflicts)
    assert conflicts.list.count() == 2 and "changed by editor2" in conflicts.list.item(0).text()
    assert conflicts.table.rowCount() == 1 and conflicts.table.item(0, 0).text() == "Title (English)"
    assert conflicts.table.item(0, 1).text() == f"Mine {ids[0]}"
    assert conflicts.table.item(0, 2).text() == f"Teammate's title {ids[0]}"
    assert "On the server: changed by editor2" in conflicts.about.text()
    conflicts.take_theirs.click()
    assert conflicts.list.count() == 1
    conflicts.keep_mine.click()
    assert conflicts.list.count() == 0 and not conflicts.keep_mine.isEnabled()
    titles = dict(repo.db.conn.execute(f"SELECT id, title_en FROM agreements WHERE id IN ({ids[0]}, {ids[1]})"))
    assert titles == {ids[0]: f"Teammate's title {ids[0]}", ids[1]: f"Mine {ids[1]}"}
    dialog.run_sync()
    assert "Sent 1 record." in dialog.result_label.text()


def test_the_conflicts_dialog_names_codes_and_partners_in_words(qtbot, window, repo, team, built_db, tmp_path):
    cluster, name = team
    record_id = repo.db.conn.execute("SELECT id FROM agreements WHERE status = 'signed' ORDER BY uid LIMIT 1"
                                     ).fetchone()[0]
    dialog = synced_dialog(qtbot, window, cluster.conninfo(name, "editor1"))
    with other_laptop(built_db, tmp_path) as other:
        editor = Editor(other)
        editor.apply(editor.build_update("agreement", record_id, {"status": "in_force", "partners": ["TUR", "AZE"]}))
        sync(other, cluster.conninfo(name, "editor2"))
    window.editing.submit(Editor(repo.db).build_update("agreement", record_id, {"status": "expired"}))
    dialog.run_sync()
    conflicts = ConflictsDialog(window, dialog)
    qtbot.addWidget(conflicts)
    rows = {conflicts.table.item(n, 0).text(): (conflicts.table.item(n, 1).text(), conflicts.table.item(n, 2).text())
            for n in range(conflicts.table.rowCount())}
    assert rows["Status"] == ("Expired (expired)", "In force (in_force)")
    assert rows["Partners"][1] == "Türkiye; Azerbaijan"


def test_a_malformed_address_is_named_as_such(qtbot, window):
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText("host='unterminated dbname=atlas")
    dialog.run_sync()
    assert dialog.result_label.text().startswith("The team server's address is not a valid connection string.")


def test_a_sync_cut_off_after_its_pull_still_refreshes_the_views(qtbot, window, repo, team, built_db, tmp_path):
    """The pull wrote a teammate's change, then the push was cut off: the views show the change, undo cannot reach
    past it, and the dialog says what was done before the cut."""
    import psycopg

    cluster, name = team
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements WHERE title_en IS NOT NULL ORDER BY id LIMIT 1"
                                        ).fetchone()[0]
    window.selection.select_agreement(agreement_id)
    dialog = SyncDialog(window)
    qtbot.addWidget(dialog)
    dialog.server.setText(cluster.conninfo(name, "editor1"))
    dialog.run_sync()
    with other_laptop(built_db, tmp_path) as other:
        retitle(other, agreement_id, "Retitled before the cut")
        sync(other, cluster.conninfo(name, "editor2"))
    event = repo.db.conn.execute("SELECT id FROM events ORDER BY id LIMIT 1").fetchone()[0]
    window.editing.submit(Editor(repo.db).build_update("event", event, {"title_en": "Mine, to be sent"}))
    assert window.editing.history.can_undo()
    with psycopg.connect(cluster.conninfo(name), autocommit=True) as admin:
        # the push is refused half-way: the server lets the change sets' table be written no more
        admin.execute("REVOKE INSERT ON atlas.change_sets FROM atlas_editor")
        try:
            dialog.run_sync()
        finally:
            admin.execute("GRANT INSERT ON atlas.change_sets TO atlas_editor")
    text = dialog.result_label.text()
    settle(qtbot, window)
    assert "Retitled before the cut" in window.agreements.detail.title_texts()
    assert not window.editing.history.can_undo()
    assert text.startswith("Your server account may read the team's records but not change them.")
    assert "Before it stopped, the sync had received 1 change and sent 0 records." in text


def test_the_conflicts_dialog_names_events_sources_and_places_in_words(qtbot, window, repo, team, built_db, tmp_path):
    cluster, name = team
    conn = repo.db.conn
    record_id = conn.execute("SELECT id FROM agreements WHERE event_id IS NULL ORDER BY uid LIMIT 1").fetchone()[0]
    event_id, event_uid, event_title, held = conn.execute(
        "SELECT id, uid, title_en, date_start FROM events WHERE title_en IS NOT NULL ORDER BY uid LIMIT 1").fetchone()
    source_id, source_uid = conn.execute("SELECT id, uid FROM sources WHERE title IS NOT NULL ORDER BY uid LIMIT 1"
                                         ).fetchone()
    source_title = conn.execute("SELECT title FROM sources WHERE id = ?", (source_id,)).fetchone()[0]
    dialog = synced_dialog(qtbot, window, cluster.conninfo(name, "editor1"))
    with other_laptop(built_db, tmp_path) as other:
        editor = Editor(other)
        editor.apply(editor.build_update("agreement", record_id, {"event_id": event_id, "sources": [source_id]}))
        sync(other, cluster.conninfo(name, "editor2"))
    window.editing.submit(Editor(repo.db).build_update("agreement", record_id, {"title_en": "Retitled here"}))
    dialog.run_sync()
    conflicts = ConflictsDialog(window, dialog)
    qtbot.addWidget(conflicts)
    rows = {conflicts.table.item(n, 0).data(0x0100): (conflicts.table.item(n, 1).text(),
                                                      conflicts.table.item(n, 2).text())
            for n in range(conflicts.table.rowCount())}
    assert rows["event_id"] == ("—", f"{event_title}, {held} ({event_uid})")
    assert f"{source_title}" in rows["sources"][1] and f"({source_uid})" in rows["sources"][1]
    assert conflicts.record_words("event", "ev_never_made") == "ev_never_made (not in this database)"
    conflicts.resize(700, 500)
    conflicts.show()
    qtbot.waitExposed(conflicts)
    row = next(n for n in range(conflicts.table.rowCount()) if conflicts.table.item(n, 0).data(0x0100) == "event_id")
    line = conflicts.table.fontMetrics().height()
    assert conflicts.table.rowHeight(row) >= 3 * line  # a long title wraps onto more lines rather than ending in "…"
