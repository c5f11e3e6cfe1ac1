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
from desktop.qt.editing import REOPEN, SAVE
from desktop.qt.record_form import RecordForm

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
        assert not window.actions[key].isEnabled(), key
    assert title_in(path, agreement_id) == original  # the file now at the path is untouched
    form.reject()

    saved = tmp_path / "saved.sqlite"
    window.editing.choose_new_file = lambda: str(saved)
    window.banner.linkActivated.emit(SAVE)  # the banner's "Save to a new file…"
    assert title_in(saved, agreement_id) == "Kept while the file was away"
    assert change_log_size(saved) == 1
    assert window.repo.db.path == saved and saved.name in window.windowTitle()
    assert not window.banner.isVisible() and window.actions["new_agreement"].isEnabled()
    assert window.actions["undo"].isEnabled() and "Edit agreement" in window.actions["undo"].text()
    assert title_in(path, agreement_id) == original and change_log_size(path) == 0
    # the search follows the new file too
    window.agreements.set_search_text("Kept while the file")
    settle(qtbot, window)
    assert window.agreements.model.rowCount() == 1
    window.actions["undo"].trigger()  # the undo history goes on in the new file
    assert title_in(saved, agreement_id) == original


def test_a_file_replaced_while_away_is_found_at_focus_in_and_can_be_reopened(qtbot, window, opened, built_db,
                                                                              tmp_path):
    path, db = opened
    agreement_id = first_agreement(db)
    original = title_in(built_db, agreement_id)
    window.editing.submit(window.editing.editor.build_update("agreement", agreement_id, {"title_en": "Before"}))
    assert window.actions["undo"].isEnabled()
    take_away("replace", path, built_db, tmp_path)

    app = QApplication.instance()
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)  # back at the front
    assert len(window.asked) == 1 and "was replaced by another file" in window.asked[0][0]
    assert "was not saved" not in window.asked[0][0]  # no edit was on its way
    app.applicationStateChanged.emit(Qt.ApplicationState.ApplicationActive)
    assert len(window.asked) == 1  # told once; the banner stays
    assert window.banner.isVisible() and not window.actions["undo"].isEnabled()

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
    assert not window.banner.isVisible() and window.actions["new_agreement"].isEnabled()
    # what the window showed ("Before") was kept in a backup first; the undo history starts again
    backups = list((Path(os.environ["PARTNERSHIP_ATLAS_DATA_DIR"]) / "backups").glob("*before-reopen*.sqlite"))
    assert len(backups) == 1 and title_in(backups[0], agreement_id) == "Before"
    assert not window.actions["undo"].isEnabled()
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
        assert window.actions["undo"].isEnabled()
    else:
        assert window.messages == ["Your unsaved change “Edit agreement” was discarded."]
        assert title_in(path, agreement_id) == original and change_log_size(path) == 0
    assert window.editing.kept is None
    assert window.actions["new_agreement"].isEnabled()  # editing is on again, in the reopened file


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
