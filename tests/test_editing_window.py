"""Editing from the window as a user does it: forms, errors next to fields, the Edit menu, undo and
redo with every view following, the history of a record, and read-only mode."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QPlainTextEdit

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.repository import Repository
from desktop.qt.editing.record_browser import HistoryDialog, RecordBrowser
from desktop.qt.editing.record_form import ChecklistField, RecordForm
from tests.conftest import ROOT


@pytest.fixture
def window(open_window):
    w = open_window()
    messages: list[str] = []
    w.editing.show_message = messages.append
    w.messages = messages
    return w


def settle(qtbot, w):
    qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)


def type_into(form: RecordForm, field: str, text: str) -> None:
    widget = form.widgets[field]
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        widget.setText(text)


def choose(form: RecordForm, field: str, data) -> None:
    combo = form.widgets[field]
    combo.setCurrentIndex(combo.findData(data))


def tick(form: RecordForm, field: str, values) -> None:
    widget = form.widgets[field]
    assert isinstance(widget, ChecklistField)
    widget.set_values(values)


def rows(w) -> list[str]:
    model = w.agreements.model
    return [model.data(model.index(r, 2)) for r in range(model.rowCount())]


def test_add_an_agreement_search_finds_it_undo_and_redo(qtbot, window, repo):
    form = RecordForm("agreement", window.editing, None, {"partners": ["TUR"]}, window)
    type_into(form, "title_en", "Memorandum on zanzibarite exchanges")
    type_into(form, "date_signed", "14.03.2025")
    choose(form, "doc_type", "memorandum")
    choose(form, "status", "signed")
    tick(form, "sectors", ["energy"])
    assert form.try_accept(), form.error_texts()
    new_id = next(iter(form.applied.ids["agreement"]))
    window.agreements.set_search_text("zanzibarite")
    settle(qtbot, window)
    assert rows(window) == ["Memorandum on zanzibarite exchanges"]
    assert window.agreements.model.data(window.agreements.model.index(0, 0)) == "14 Mar 2025"
    assert window.action_table["undo"].isEnabled() and "Add agreement" in window.action_table["undo"].text()

    window.action_table["undo"].trigger()
    settle(qtbot, window)
    assert rows(window) == [] and not repo.agreement_exists(new_id)
    assert window.action_table["redo"].isEnabled()
    window.action_table["redo"].trigger()
    settle(qtbot, window)
    assert rows(window) == ["Memorandum on zanzibarite exchanges"]
    entries = window.editing.editor.history("agreement", new_id)
    assert [e["action"] for e in entries] == ["redo", "undo", "insert"]


def test_each_invalid_value_is_refused_next_to_its_field(qtbot, window):
    form = RecordForm("agreement", window.editing, None, None, window)
    type_into(form, "title_en", "x" * 600)
    type_into(form, "date_signed", "31.02.2024")
    type_into(form, "doc_count", "two")
    type_into(form, "summary_en", "null\x00byte")
    assert not form.try_accept()
    errors = form.error_texts()
    assert errors["title_en"] == "Too long: 600 characters, at most 500."
    assert errors["date_signed"] == "There is no such day in the calendar: February 2024 has 29 days."
    assert errors["doc_count"].startswith("Not a number")
    assert "control characters" in errors["summary_en"]
    assert errors["doc_type"] == "Required." and errors["partners"] == "Required."
    assert not form.summary.isHidden() and form.applied is None

    node = RecordForm("node", window.editing, None, None, window)
    type_into(node, "name_en", "Somewhere")
    type_into(node, "country_iso3", "XXZ")
    type_into(node, "lat", "95")
    assert not node.try_accept()
    errors = node.error_texts()
    assert errors["country_iso3"] == "“XXZ” is not an ISO 3166 country code."
    assert errors["lat"].startswith("Must be between -90 and 90")
    type_into(node, "lat", "44.5")  # a latitude without a longitude
    assert not node.try_accept()
    assert any("both latitude and longitude" in text for text in node.error_texts().values())

    trade = RecordForm("trade", window.editing, None, {"partner_iso3": "TUR"}, window)
    type_into(trade, "year", "1850")
    type_into(trade, "turnover_usd_m", "-5")
    assert not trade.try_accept()
    errors = trade.error_texts()
    assert errors["year"].startswith("Must be between") and errors["turnover_usd_m"] == "Cannot be negative."


def test_errors_in_russian(qtbot, window, translator):
    translator.set_language("ru")
    form = RecordForm("agreement", window.editing, None, None, window)
    assert not form.try_accept()
    assert form.error_texts()["doc_type"] == "Обязательное поле."
    assert form.windowTitle() == "Новое соглашение" or "соглашение" in form.windowTitle()


def test_edit_selected_from_the_menu_and_the_detail_pane_follows(qtbot, window, repo):
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements WHERE title_en IS NOT NULL ORDER BY id LIMIT 1"
                                        ).fetchone()[0]
    window.selection.select_agreement(agreement_id)
    forms = []

    def open_form(self_form):  # the menu opens the form: change the title and press OK
        forms.append(self_form)
        type_into(self_form, "title_en", "Retitled by a test")
        assert self_form.try_accept()
        return 1

    original_exec = RecordForm.exec
    RecordForm.exec = open_form
    try:
        window.action_table["edit_selected"].trigger()
    finally:
        RecordForm.exec = original_exec
    assert forms and forms[0].kind == "agreement" and forms[0].record_id == agreement_id
    assert "Retitled by a test" in window.agreements.detail.title_texts()
    settle(qtbot, window)
    window.action_table["undo"].trigger()
    settle(qtbot, window)
    assert "Retitled by a test" not in window.agreements.detail.title_texts()


def test_deleting_an_event_asks_about_its_agreements(qtbot, window, repo):
    event_id, n = repo.db.conn.execute("SELECT event_id, count(*) FROM agreements WHERE event_id IS NOT NULL "
                                       "GROUP BY event_id ORDER BY 2 DESC LIMIT 1").fetchone()
    asked = []
    window.editing.ask_choice = lambda exc: asked.append((exc.reason, exc.count)) or "unlink"
    window.selection.select_event(event_id)
    total = repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    window.action_table["delete_selected"].trigger()
    assert asked == [("event_agreements", n)]
    assert repo.event(event_id) is None and window.selection.current_event is None
    assert event_id not in window.events.event_ids()
    assert repo.db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == total
    window.action_table["undo"].trigger()
    assert repo.event(event_id) is not None and event_id in window.events.event_ids()
    assert repo.db.conn.execute("SELECT count(*) FROM agreements WHERE event_id = ?", (event_id,)).fetchone()[0] == n


def test_a_node_on_segments_cannot_vanish_silently(qtbot, window, repo):
    node_id = repo.db.conn.execute("SELECT from_node_id FROM segments LIMIT 1").fetchone()[0]
    window.show_view("map")
    window.selection.select_node(node_id)
    window.action_table["delete_selected"].trigger()
    assert repo.node(node_id) is not None
    assert window.messages and "segment" in window.messages[-1]


def test_map_and_trade_follow_edits(qtbot, window, repo):
    window.show_view("map")
    before = len(window.map.node_items)
    form = RecordForm("node", window.editing, None, None, window)
    type_into(form, "name_en", "Testport")
    type_into(form, "country_iso3", "kaz")
    choose(form, "kind", "port")
    type_into(form, "lat", "44,5")
    type_into(form, "lon", "50.25")
    assert form.try_accept(), form.error_texts()
    assert len(window.map.node_items) == before + 1
    assert "Testport" in window.map.visible_labels() or any(
        label.text == "Testport" for label in window.map.label_items.values())
    window.action_table["undo"].trigger()
    assert len(window.map.node_items) == before

    window.show_view("trade")
    window.selection.select_partner("TKM")
    points = len(window.trade.plot_data.lines["turnover"])
    form = RecordForm("trade", window.editing, None, {"partner_iso3": "TKM"}, window)
    type_into(form, "year", "2015")
    type_into(form, "turnover_usd_m", "1 234,5")
    assert form.try_accept(), form.error_texts()
    assert len(window.trade.plot_data.lines["turnover"]) == points + 1
    assert any(p.year == 2015 and p.value == 1234.5 for p in window.trade.plot_data.lines["turnover"])


def test_history_dialog_and_record_browser(qtbot, window, repo):
    source_id = repo.db.conn.execute("SELECT id FROM sources ORDER BY id LIMIT 1").fetchone()[0]
    browser = RecordBrowser(window.editing, "source", None, window)
    qtbot.addWidget(browser)
    assert source_id in browser.ids()
    form = RecordForm("source", window.editing, source_id, None, window)
    type_into(form, "publisher", "Renamed publisher")
    assert form.try_accept(), form.error_texts()
    history = HistoryDialog(window.editing, "source", source_id, window)
    rows = history.rows()
    assert len(rows) == 1 and rows[0][2] == "changed" and rows[0][3] == "Publisher"
    assert "Renamed publisher" in rows[0][4] and rows[0][1]
    browser.kind_box.setCurrentIndex(browser.kind_box.findData("trade"))
    browser.partner_box.setCurrentIndex(browser.partner_box.findData("TUR"))
    assert len(browser.ids()) == repo.db.conn.execute(
        "SELECT count(*) FROM trade_figures t JOIN partners p ON p.id = t.partner_id "
        "WHERE p.iso3 = 'TUR'").fetchone()[0]


def test_a_failed_write_tells_the_user_and_changes_nothing(qtbot, window, repo, monkeypatch):
    import sqlite3

    def full(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(window.editing.editor, "_log", full)
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 1").fetchone()[0]
    before = repo.db.conn.execute("SELECT * FROM agreements WHERE id = ?", (agreement_id,)).fetchone()
    form = RecordForm("agreement", window.editing, agreement_id, None, window)
    type_into(form, "title_en", "Never stored")
    assert not form.try_accept()
    assert window.messages[-1] == "The disk is full or cannot be written. Nothing was changed."
    assert repo.db.conn.execute("SELECT * FROM agreements WHERE id = ?", (agreement_id,)).fetchone() == before
    assert not window.action_table["undo"].isEnabled()


# Opens the database given as its argument as the application does, shows the window offscreen and prints
# what it shows. Run as root, it first gives up root's power to read and write any file whatever its
# permissions (CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH, from its effective and permitted sets), so the
# database's permissions apply to it as to any user. (Running it as another user instead would not do: that
# user may not reach the interpreter, which pyenv keeps under /root.)
READ_ONLY_CHILD = r"""
import ctypes, json, os, sys

def give_up_file_permission_override():
    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Sets(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    libc = ctypes.CDLL(None, use_errno=True)
    header, sets = Header(0x20080522, 0), (Sets * 2)()  # _LINUX_CAPABILITY_VERSION_3: two 32-bit words
    if libc.capget(ctypes.byref(header), sets) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    kept = ~((1 << 1) | (1 << 2)) & 0xFFFFFFFF  # CAP_DAC_OVERRIDE = 1, CAP_DAC_READ_SEARCH = 2
    sets[0].effective &= kept
    sets[0].permitted &= kept
    sets[0].inheritable &= kept
    if libc.capset(ctypes.byref(header), sets) != 0:
        raise OSError(ctypes.get_errno(), "capset")

if os.geteuid() == 0:
    give_up_file_permission_override()

from PySide6.QtWidgets import QApplication

from desktop.app import build_window
from desktop.data.database import open_database
from desktop.data.repository import Repository

app = QApplication([])
db = open_database(sys.argv[1])
w = build_window(Repository(db))
w.show()
app.processEvents()
seen = {"readonly": db.readonly, "banner_visible": w.banner.isVisible(), "banner": w.banner.text(),
        "new_enabled": w.action_table["new_agreement"].isEnabled(),
        "delete_enabled": w.action_table["delete_selected"].isEnabled()}
w.search.shutdown()
db.close()
print(json.dumps(seen))
"""


def test_read_only_database_turns_editing_off_with_a_banner(built_db, tmp_path):
    """A database whose file and folder the user cannot write: a banner, editing off, the file untouched.
    The window runs in a child process that, as root, gives up root's override of file permissions."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        done = subprocess.run([sys.executable, "-c", READ_ONLY_CHILD, str(path)], cwd=ROOT, capture_output=True,
                              text=True, timeout=120, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        folder.chmod(stat.S_IRWXU)
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["readonly"] and seen["banner_visible"] and "Read-only" in seen["banner"], seen
    assert not seen["new_enabled"] and not seen["delete_enabled"], seen
    assert path.read_bytes() == before
    assert [p.name for p in folder.iterdir()] == ["atlas.sqlite"]


def test_read_only_flag_turns_editing_off_with_a_banner(qtbot, built_db, tmp_path, translator):
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    db = open_database(path, readonly=True)
    w = build_window(Repository(db), translator=translator)
    qtbot.addWidget(w)
    w.show()
    assert w.banner.isVisible() and "Read-only" in w.banner.text()
    assert not w.action_table["new_agreement"].isEnabled() and not w.action_table["edit_selected"].isEnabled()
    messages = []
    w.editing.show_message = messages.append
    form = RecordForm("corridor", w.editing, None, None, w)
    type_into(form, "name_en", "Not saved")
    assert not form.try_accept()
    assert messages and "read-only" in messages[-1]
    w.search.shutdown()


