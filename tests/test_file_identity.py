"""A database file deleted, moved or replaced while it is open: no write lands in it or in the file now at
its path; the window says what happened, keeps the edit, and saves it to a new file or reopens the path."""
from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.editing import Editor
from desktop.data.fileidentity import DatabaseFileChanged, identity_of, what_changed
from desktop.data.repository import Repository
from desktop.qt.editing.editing import REOPEN, SAVE
from desktop.qt.editing.record_form import RecordForm

WHAT = {"delete": "deleted", "move": "moved", "replace": "replaced"}


def title_in(path: Path, agreement_id: int) -> str:
    """The stored title of an agreement in a file, read on a connection of its own."""
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT title_en FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0]
    finally:
        conn.close()


def change_log_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
    finally:
        conn.close()


def first_agreement(db) -> int:
    return db.conn.execute("SELECT id FROM agreements WHERE title_en IS NOT NULL ORDER BY id LIMIT 1").fetchone()[0]


def take_away(how: str, path: Path, built_db: Path, tmp_path: Path) -> Path | None:
    """Delete, move or replace the file at ``path``; returns where the moved file went."""
    if how == "delete":
        path.unlink()
        return None
    if how == "move":
        moved = tmp_path / "elsewhere" / "moved.sqlite"
        moved.parent.mkdir()
        path.rename(moved)
        return moved
    replacement = tmp_path / "replacement.sqlite"
    shutil.copyfile(built_db, replacement)
    os.replace(replacement, path)
    return None


# ---------------------------------------------------------------------- the data layer


@pytest.mark.parametrize("how", ["delete", "move", "replace"])
def test_a_write_after_the_file_went_raises_and_writes_nothing_anywhere(built_db, tmp_path, how):
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path)
    editor = Editor(db)
    agreement_id = first_agreement(db)
    original = title_in(path, agreement_id)
    change = editor.build_update("agreement", agreement_id, {"title_en": "Written after it went"})
    moved = take_away(how, path, built_db, tmp_path)

    with pytest.raises(DatabaseFileChanged) as caught:
        editor.apply(change)
    assert caught.value.what == WHAT[how]
    assert str(path) in str(caught.value) and "nothing was written" in str(caught.value)
    assert not db.conn.in_transaction
    # the file the connection still has open (deleted, moved or replaced) holds no trace of it
    assert db.conn.execute("SELECT title_en FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0] == original
    assert db.conn.execute("SELECT count(*) FROM change_log").fetchone()[0] == 0
    db.close()
    for file in (path, moved):
        if file is not None and file.exists():
            assert title_in(file, agreement_id) == original
            assert change_log_size(file) == 0


@pytest.mark.parametrize("how", ["move", "replace"])
def test_what_was_saved_before_stays_with_its_file_and_never_leaks_into_the_next(built_db, tmp_path, how):
    """SQLite leaves the -wal of a moved file at the old path when it closes; the next file put there would
    read it as its own. Closing lets go of it: the moved file is whole, the replacing file is itself."""
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path)
    editor = Editor(db)
    agreement_id = first_agreement(db)
    original = title_in(built_db, agreement_id)
    editor.apply(editor.build_update("agreement", agreement_id, {"title_en": "Saved before it went"}))
    moved = take_away(how, path, built_db, tmp_path)
    db.close()
    if how == "move":
        assert title_in(moved, agreement_id) == "Saved before it went"
    else:
        assert title_in(path, agreement_id) == original
        assert change_log_size(path) == 0


def test_what_changed_tells_deleted_moved_and_replaced_apart(built_db, tmp_path):
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path)
    try:
        assert db.identity == identity_of(path) and what_changed(path, db.identity) is None
        db.check_identity()  # the same file: no error
        path.rename(tmp_path / "renamed.sqlite")
        assert what_changed(path, db.identity) == "moved"
        (tmp_path / "renamed.sqlite").unlink()
        assert what_changed(path, db.identity) == "deleted"
        shutil.copyfile(built_db, path)
        assert what_changed(path, db.identity) == "replaced"
    finally:
        db.close()


# ---------------------------------------------------------------------- the window


@pytest.fixture
def opened(built_db, tmp_path):
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path)
    yield path, db
    db.close()


@pytest.fixture
def window(qtbot, opened, translator):
    w = build_window(Repository(opened[1]), translator=translator)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
    w.complete()
    w.messages, w.asked = [], []
    w.editing.show_message = w.messages.append
    w.choice = None  # "Not now" until a test chooses
    w.editing.ask_file_action = lambda text, can_reopen: w.asked.append((text, can_reopen)) or w.choice
    w.editing.confirm = lambda question, action: True  # (no modal question is left open; a test that asks sets its own)
    yield w
    w.search.shutdown()


def retitle(w, agreement_id: int, title: str) -> RecordForm:
    form = RecordForm("agreement", w.editing, agreement_id, None, w)
    form.widgets["title_en"].setText(title)
    return form


def settle(qtbot, w) -> None:
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)


def test_an_edit_after_the_file_was_replaced_is_kept_and_saved_to_a_new_file(qtbot, window, opened, built_db,
                                                                               tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    original = title_in(built_db, agreement_id)
    take_away("replace", path, built_db, tmp_path)

    form = retitle(window, agreement_id, "Kept while the file was away")
    assert not form.try_accept()  # not saved: the form stays open with its values
    assert form.widgets["title_en"].text() == "Kept while the file was away"
    assert len(window.asked) == 1
    text, can_reopen = window.asked[0]
    assert text.startswith(f"The database file {path} was replaced by another file while this window had it open.")
    assert "Your change “Edit agreement” was not saved; it is kept." in text and can_reopen
    assert "Saved to" not in window.statusBar().currentMessage()
    assert window.banner.isVisible() and "was replaced by another file" in window.banner.text()
    assert "Editing is off." in window.banner.text()
    for key in ("new_agreement", "edit_selected", "delete_selected", "undo"):
        assert not window.action_table[key].isEnabled(), key
    assert title_in(path, agreement_id) == original  # the file now at the path is untouched
    form.reject()

    saved = tmp_path / "saved.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.banner.linkActivated.emit(SAVE)  # the banner's "Save to a new file…"
    assert title_in(saved, agreement_id) == "Kept while the file was away"
    assert change_log_size(saved) == 1
    assert window.repo.db.path == saved and saved.name in window.windowTitle()
    assert not window.banner.isVisible() and window.action_table["new_agreement"].isEnabled()
    assert window.action_table["undo"].isEnabled() and "Edit agreement" in window.action_table["undo"].text()
    assert title_in(path, agreement_id) == original and change_log_size(path) == 0
    # the search follows the new file too
    window.agreements.set_search_text("Kept while the file")
    settle(qtbot, window)
    assert window.agreements.model.rowCount() == 1
    window.action_table["undo"].trigger()  # the undo history goes on in the new file
    assert title_in(saved, agreement_id) == original


def test_a_file_replaced_while_away_is_found_at_focus_in_and_can_be_reopened(qtbot, window, opened, built_db,
                                                                              tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    original = title_in(built_db, agreement_id)
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "Before"}))
    assert window.action_table["undo"].isEnabled()
    take_away("replace", path, built_db, tmp_path)

    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)  # back at the front
    assert len(window.asked) == 1 and "was replaced by another file" in window.asked[0][0]
    assert "was not saved" not in window.asked[0][0]  # no edit was on its way
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert len(window.asked) == 1  # told once; the banner stays
    assert window.banner.isVisible() and not window.action_table["undo"].isEnabled()

    # an edit made meanwhile is kept and offered in the reopened file; made on "Before", it does not fit there
    offers = []
    window.editing.confirm = lambda question, action: offers.append((question, action)) or True
    window.choice = REOPEN
    form = retitle(window, agreement_id, "Made while the file was away")
    assert not form.try_accept()
    assert offers == [(f"Apply your unsaved change “Edit agreement” to {path.name}?", "Apply")]
    assert window.messages[-1] == (f"Your unsaved change “Edit agreement” does not fit {path.name} (its records "
                                   "differ from those it was made on), so it was discarded.")
    assert window.repo.db.path == path and window.repo.db.identity == identity_of(path)
    assert title_in(path, agreement_id) == original and change_log_size(path) == 0
    assert not window.banner.isVisible() and window.action_table["new_agreement"].isEnabled()
    # what the window showed ("Before") was kept in a backup first; the undo history starts again
    backups = list((Path(os.environ["PARTNERSHIP_ATLAS_DATA_DIR"]) / "backups").glob("*before-reopen*.sqlite"))
    assert len(backups) == 1 and title_in(backups[0], agreement_id) == "Before"
    assert not window.action_table["undo"].isEnabled()
    # the form still holds the values: OK now applies them to the reopened file
    assert form.try_accept()
    assert title_in(path, agreement_id) == "Made while the file was away" and change_log_size(path) == 1


@pytest.mark.parametrize("accept", [True, False])
def test_a_kept_edit_is_offered_in_the_reopened_file(qtbot, window, opened, built_db, tmp_path, accept):
    path, db = opened
    agreement_id = first_agreement(db)
    original = title_in(built_db, agreement_id)
    take_away("replace", path, built_db, tmp_path)
    window.editing.confirm = lambda question, action: accept
    window.choice = REOPEN
    form = retitle(window, agreement_id, "Made while the file was away")
    assert form.try_accept() is accept
    if accept:  # the replacing file holds the same record as the old one: the change fits and is saved there
        assert title_in(path, agreement_id) == "Made while the file was away" and change_log_size(path) == 1
        assert window.action_table["undo"].isEnabled()
    else:
        assert window.messages == ["Your unsaved change “Edit agreement” was discarded."]
        assert title_in(path, agreement_id) == original and change_log_size(path) == 0
    assert window.editing.kept is None
    assert window.action_table["new_agreement"].isEnabled()  # editing is on again, in the reopened file


def test_a_deleted_file_cannot_be_reopened_and_can_be_saved_back_in_its_place(qtbot, window, opened, built_db,
                                                                              tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "Before"}))
    take_away("delete", path, built_db, tmp_path)
    window.show_export()  # reads the file at the path: the user chooses first
    assert len(window.asked) == 1
    text, can_reopen = window.asked[0]
    assert "was deleted while this window had it open" in text and not can_reopen
    assert "Reopen" not in window.banner.text()
    window.show_import()
    assert len(window.asked) == 2 and not path.exists()
    assert window.editing.reopen() is None and window.repo.db.path == path

    window.editing.choose_new_file = lambda: str(path)  # "Save to a new file…" where the deleted one was
    window.editing.save_to_new_file()
    assert title_in(path, agreement_id) == "Before"
    assert window.repo.db.identity == identity_of(path) and not window.banner.isVisible()
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "After"}))
    assert title_in(path, agreement_id) == "After" and not window.messages


def test_closing_the_window_with_a_kept_edit_asks_first(qtbot, window, opened, built_db, tmp_path):
    path, db = opened
    take_away("replace", path, built_db, tmp_path)
    assert not retitle(window, first_agreement(db), "Kept").try_accept()
    questions = []
    window.editing.confirm = lambda question, action: questions.append((question, action)) or False
    window.close()
    assert window.isVisible() and questions == [(
        "Your change “Edit agreement” was not saved: the database file changed while it was open. Close the "
        "window and lose the change?", "Close without saving")]
    window.editing.confirm = lambda question, action: True
    window.close()
    assert not window.isVisible()


# ---------------------------------------------------------------------- when the way out fails too


def foreign_copy(built_db: Path, tmp_path: Path) -> Path:
    """A sound copy of the database that another program has marked as its own (another application id)."""
    copy = tmp_path / "foreign.sqlite"
    shutil.copyfile(built_db, copy)
    conn = sqlite3.connect(copy)
    try:
        conn.execute("PRAGMA application_id = 7")
    finally:
        conn.close()
    return copy


def once(signal, slot) -> None:
    """Connect ``slot`` to ``signal`` for its next emission only."""
    def run(*args):
        signal.disconnect(run)
        slot(*args)

    signal.connect(run)


def shown_ids(w) -> set[int]:
    return {w.agreements.model.id_at(r) for r in range(w.agreements.model.rowCount())}


def search_for(qtbot, w, text: str) -> set[int]:
    w.agreements.set_search_text(text)
    settle(qtbot, w)
    return shown_ids(w)


def test_a_reopen_onto_another_programs_file_changes_nothing_and_the_search_stays_with_the_editor(
        qtbot, window, opened, built_db, tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "Quokkaland"}))
    os.replace(foreign_copy(built_db, tmp_path), path)
    window.choice = REOPEN
    window.editing.check_file()
    assert window.messages[-1].startswith(f"{path} could not be opened: ")
    assert "not a Partnership Atlas database" in window.messages[-1]
    assert window.messages[-1].endswith("The open database was left as it was.")
    # the window still works on what it showed, and the search reads that same file
    assert window.repo.partners() and window.editing.file_changed is not None
    assert window.repo.db.conn.execute("SELECT title_en FROM agreements WHERE id = ?",
                                       (agreement_id,)).fetchone()[0] == "Quokkaland"
    assert search_for(qtbot, window, "Quokkaland") == {agreement_id}
    assert window.banner.isVisible() and "Reopen" in window.banner.text()


def test_a_reopen_that_fails_after_the_old_file_was_let_go_reads_the_copy_and_says_so(
        qtbot, window, opened, built_db, tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "Quokkaland"}))
    take_away("replace", path, built_db, tmp_path)
    foreign = foreign_copy(built_db, tmp_path)
    # another program puts its own file at the path while the window lets go of the old one
    once(window.editing.switching, lambda _path: os.replace(foreign, path))
    window.choice = REOPEN
    window.editing.check_file()

    copy = window.repo.db.path
    assert copy.parent == Path(os.environ["PARTNERSHIP_ATLAS_DATA_DIR"]) / "backups" and window.repo.db.readonly
    assert window.messages[-1] == (
        f"{path} could not be opened: {path} is an SQLite file but not a Partnership Atlas database. It was left "
        f"unchanged. This window now shows what it showed before, read-only, from the copy {copy}. Choose “Save "
        "to a new file…” to go on editing.")
    # a working database, never a closed connection: the views, the editor and the search read the copy
    assert window.repo.agreement_by_uid(window.repo.agreements.rows([agreement_id])[0].uid).title_en == "Quokkaland"
    assert window.repo.counts()["agreements"] > 0
    assert search_for(qtbot, window, "Quokkaland") == {agreement_id}
    assert copy.name in window.windowTitle()
    assert window.banner.isVisible() and "Save to a new file" in window.banner.text()
    assert not window.action_table["new_agreement"].isEnabled()
    conn = sqlite3.connect(path)  # the other program's file was left as it was
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 7
    finally:
        conn.close()
    # and the way on: save what is shown to a new file, where editing is on again
    saved = tmp_path / "saved.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.banner.linkActivated.emit(SAVE)
    assert window.repo.db.path == saved and not window.repo.db.readonly
    assert title_in(saved, agreement_id) == "Quokkaland" and window.action_table["new_agreement"].isEnabled()


def test_a_restore_into_a_database_whose_file_was_replaced_writes_nothing(built_db, tmp_path):
    from desktop.data.backup import backup_database, restore_database

    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path)
    agreement_id = first_agreement(db)
    backup = backup_database(db, tmp_path / "backup.sqlite")
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", agreement_id, {"title_en": "After the backup"}))
    take_away("replace", path, built_db, tmp_path)
    replacing = path.read_bytes()

    with pytest.raises(DatabaseFileChanged) as caught:
        restore_database(db, backup)
    assert caught.value.what == "replaced"
    assert db.conn.execute("SELECT title_en FROM agreements WHERE id = ?", (agreement_id,)).fetchone()[0] == \
        "After the backup"
    db.close()
    assert path.read_bytes() == replacing and title_in(path, agreement_id) == title_in(built_db, agreement_id)


def test_a_restore_from_the_window_after_the_file_was_replaced_asks_and_writes_nothing(
        qtbot, window, opened, built_db, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.data.backup import backup_database
    from desktop.qt import plaintext

    path, db = opened
    agreement_id = first_agreement(db)
    backup = backup_database(db, tmp_path / "backup.sqlite")
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id,
                                                             {"title_en": "After the backup"}))
    replaced = {}

    def choose_backup(*_args, **_kwargs):  # the file is replaced while the user chooses the backup
        take_away("replace", path, built_db, tmp_path)
        replaced["bytes"] = path.read_bytes()
        return str(backup), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose_backup)
    monkeypatch.setattr(plaintext, "message_box", lambda *args, **kwargs: True)  # "Replace every record…?" Yes
    window.restore_database()
    assert len(window.asked) == 1 and "was replaced by another file" in window.asked[0][0]
    assert window.banner.isVisible() and window.editing.file_changed is not None
    assert window.repo.db.conn.execute("SELECT title_en FROM agreements WHERE id = ?",
                                       (agreement_id,)).fetchone()[0] == "After the backup"
    assert path.read_bytes() == replaced["bytes"]
    assert "Restored." not in window.statusBar().currentMessage()


def open_forms_while(qtbot, action) -> list:
    """The record forms that opened while ``action`` ran (each is closed at once)."""
    from PySide6.QtCore import QTimer

    opened_forms = []

    def close_forms():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, RecordForm) and widget.isVisible() and widget not in opened_forms:
                opened_forms.append(widget)
                widget.reject()

    timer = QTimer()
    timer.timeout.connect(close_forms)
    timer.start(20)
    try:
        action()
    finally:
        timer.stop()
    return opened_forms


def test_a_double_click_while_editing_is_off_opens_no_form(qtbot, window, opened, built_db, tmp_path):
    path, _db = opened
    take_away("replace", path, built_db, tmp_path)
    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)  # found at focus-in; "Not now"
    assert len(window.asked) == 1 and window.editing.editing_off
    table = window.agreements.table
    row = table.visualRect(window.agreements.model.index(0, 1)).center()

    def double_click():
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)  # (Qt's double-click follows a click)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=row)

    forms = open_forms_while(qtbot, double_click)
    assert forms == []
    assert len(window.asked) == 2  # asked again what to do; no form until editing is on
    assert open_forms_while(qtbot, window.edit_selected) == [] and open_forms_while(qtbot, window.new_agreement) == []


def test_a_second_edit_while_one_is_kept_is_refused_and_the_first_stays_kept(qtbot, window, opened, built_db,
                                                                             tmp_path):
    path, db = opened
    first, second = (r[0] for r in db.conn.execute(
        "SELECT id FROM agreements WHERE title_en IS NOT NULL ORDER BY id LIMIT 2"))
    take_away("replace", path, built_db, tmp_path)
    assert not retitle(window, first, "The first change").try_accept()
    assert window.editing.kept is not None and len(window.asked) == 1
    form = retitle(window, second, "The second change")
    assert not form.try_accept()
    assert window.messages[-1] == (
        "Your earlier change “Edit agreement” is kept until you choose what to do about the changed database "
        "file, and only one change can be kept: this change (“Edit agreement”) was not saved. Choose “Save to a "
        "new file…” or “Reopen” first, then make it again.")
    assert form.widgets["title_en"].text() == "The second change"  # the form stays open with its values
    assert "Your change “Edit agreement” is kept." in window.banner.text()
    saved = tmp_path / "saved.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.banner.linkActivated.emit(SAVE)
    assert title_in(saved, first) == "The first change"
    assert title_in(saved, second) == title_in(built_db, second)


def test_an_import_into_a_file_replaced_meanwhile_leaves_that_file_as_it_was(qtbot, window, opened, built_db,
                                                                            tmp_path):
    from desktop.qt.transfer.transfer import ImportDialog

    path, _db = opened
    csv_file = tmp_path / "trade.csv"
    csv_file.write_text("partner,year,period,turnover,statistics,qualifier\nTKM,2016,FY,1234.5,kazakh,exact\n",
                        encoding="utf-8")
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    assert dialog.load(str(csv_file)) and dialog.run_preview() and dialog.preview.add
    take_away("replace", path, built_db, tmp_path)
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)  # "Not now"
    # the import asks again: the user saves to a new file, where another program puts its own file at once
    saved, theirs = tmp_path / "saved.sqlite", tmp_path / "theirs.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.choice = SAVE
    shutil.copyfile(built_db, theirs)
    once(window.editing.switched, lambda _kept: (os.replace(theirs, saved), setattr(window, "choice", None)))
    their_bytes = Path(built_db).read_bytes()

    assert not dialog.apply()
    assert saved.read_bytes() == their_bytes  # not switched to WAL, marked or migrated by the import
    assert "was replaced by another file" in dialog.last_error
    assert len(window.asked) == 3 and window.editing.file_changed is not None  # asked again what to do


def test_after_save_to_a_new_file_the_page_check_runs_on_the_new_file(qtbot, window, opened, built_db, tmp_path):
    from desktop.data.database import quick_check

    path, db = opened
    with qtbot.waitSignal(window.integrity.finished, timeout=10_000) as first:
        window.start_integrity_check()
    assert first.args == [None]
    # the file at the path is replaced by a damaged one: a check of the path would find it
    damaged = tmp_path / "damaged.sqlite"
    data = bytearray(built_db.read_bytes())
    page = db.conn.execute("PRAGMA page_size").fetchone()[0]
    data[page * 3:page * 6] = b"\xa5" * (page * 3)
    damaged.write_bytes(bytes(data))
    assert quick_check(damaged) is not None
    os.replace(damaged, path)
    saved = tmp_path / "saved.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.editing.check_file()  # found replaced; "Not now"
    with qtbot.waitSignal(window.integrity.finished, timeout=10_000) as second:
        window.banner.linkActivated.emit(SAVE)
    assert window.integrity.path == saved and second.args == [None]
