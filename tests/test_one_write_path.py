"""One write path (issue 21, item 10): an edit, an import and a restore from a backup are written through the edit
controller (desktop/qt/editing/editing.py), which alone pushes, undoes and redoes its history and emits its signals."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

QT = Path(__file__).resolve().parent.parent / "desktop" / "qt"
HISTORY_STEPS = {"push", "undo", "redo"}
SIGNALS = {"changed", "history_changed", "file_state_changed", "switching", "switched"}


def _name(node: ast.expr) -> str:
    """The dotted text of an expression (``self._editing.history``); "?" for what is not a name or attribute."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_name(node.value)}.{node.attr}"
    return "?"


def writes_outside_the_controller(source: str) -> list[str]:
    """What a module does that only the edit controller may do: step a history (``….history.push(…)``, ``undo``,
    ``redo``), set a history (``….history = …``), or emit one of the controller's signals on another object
    (``….changed.emit(…)`` on anything but ``self``)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner, method = node.func.value, node.func.attr
            if method in HISTORY_STEPS and isinstance(owner, (ast.Attribute, ast.Name)) and \
                    _name(owner).split(".")[-1] in ("history", "_history"):
                found.append(f"line {node.lineno}: {_name(node.func)}()")
            if method == "emit" and isinstance(owner, ast.Attribute) and owner.attr in SIGNALS and \
                    _name(owner.value) != "self":
                found.append(f"line {node.lineno}: {_name(node.func)}()")
        if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "history":
                    found.append(f"line {node.lineno}: {_name(target)} = …")
    return sorted(found, key=lambda text: int(text.split()[1].rstrip(":")))


def test_no_module_but_the_controller_steps_its_history_or_emits_its_signals():
    offenders = {}
    for path in sorted(QT.rglob("*.py")):
        if path == QT / "editing" / "editing.py":
            continue
        found = writes_outside_the_controller(path.read_text(encoding="utf-8"))
        if found:
            offenders[str(path.relative_to(QT))] = found
    assert offenders == {}


def test_the_check_finds_what_it_looks_for():
    code = ("controller.history.push(stored)\ncontroller.history_changed.emit()\nself._editing.changed.emit(c)\n"
            "self._editing.history = History()\nself.changed.emit(c)\nself.history_list.push(1)\n")
    assert writes_outside_the_controller(code) == [
        "line 1: controller.history.push()", "line 2: controller.history_changed.emit()",
        "line 3: self._editing.changed.emit()", "line 4: self._editing.history = …"]


# --- through the window ----------------------------------------------------------------------------------------------

@pytest.fixture
def window(open_window):
    w = open_window()
    w.editing.show_message = lambda text: None
    return w


def test_an_import_is_one_undo_step_of_the_controller(qtbot, window, repo, tmp_path):
    from desktop.qt.transfer.transfer import ImportDialog

    path = tmp_path / "trade.csv"
    path.write_text("uid,partner_iso3,year,period,turnover_usd_m,statistics,qualifier\n"
                    "one_path_1,TKM,2016,FY,1234.5,kazakh,exact\none_path_2,TKM,2017,FY,99,kazakh,exact\n",
                    encoding="utf-8")
    count = "SELECT count(*) FROM trade_figures WHERE uid LIKE 'one_path_%'"
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trade"))
    assert dialog.load(str(path)) and dialog.run_preview()
    with qtbot.waitSignals([window.editing.changed, window.editing.history_changed], timeout=10_000):
        assert dialog.apply()
    history = window.editing.history
    assert len(history) == 1 and history.undo_label() == "Import trade.csv"
    assert repo.db.conn.execute(count).fetchone()[0] == 2
    with qtbot.waitSignal(window.editing.changed, timeout=10_000):
        window.action_table["undo"].trigger()
    assert repo.db.conn.execute(count).fetchone()[0] == 0 and history.redo_label() == "Import trade.csv"
    with qtbot.waitSignal(window.editing.changed, timeout=10_000):
        window.action_table["redo"].trigger()
    assert repo.db.conn.execute(count).fetchone()[0] == 2 and window.action_table["undo"].isEnabled()


def test_restore_from_the_menu_goes_through_the_controller(qtbot, window, repo, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from desktop.data.backup import backup_database
    from desktop.qt import plaintext

    copy = tmp_path / "backup.sqlite"
    backup_database(repo.db, copy)
    agreement_id = repo.db.conn.execute("SELECT id FROM agreements ORDER BY id LIMIT 1").fetchone()[0]
    window.editing.submit(window.editing.editor.build_delete("agreement", agreement_id))
    assert not repo.agreement_exists(agreement_id) and window.action_table["undo"].isEnabled()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(copy), ""))
    asked = []
    monkeypatch.setattr(plaintext, "message_box", lambda parent, title, text, **k: asked.append(text) or True)
    told = []
    window.editing.changed.connect(told.append)
    with qtbot.waitSignals([window.editing.changed, window.editing.history_changed], timeout=10_000):
        window.action_table["restore"].trigger()
    assert len(told) == 1 and told[0].touches("agreement") and told[0].touches("trade") and told[0].touches("partner")
    assert repo.agreement_exists(agreement_id)
    assert len(window.editing.history) == 0 and not window.action_table["undo"].isEnabled()  # no undo across a restore
    assert len(asked) == 1 and "Replace every record" in asked[0]
    assert window.statusBar().currentMessage() == "Restored."
