"""Every key sequence of the window serves one action: a sequence bound twice (Export… and the map's
"Fit selection" once shared Ctrl+Shift+S) is ambiguous where both apply, and then neither runs."""
from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from desktop.qt.shell.actions import ACTIONS, VIEW_ACTIONS

KEYS_IN_TIP = re.compile(r"\(((?:Ctrl|Shift|Alt|Meta)\+[\w+]+)\)$")  # "… (Ctrl+Shift+E)"


def every_action(window) -> list[QAction]:
    """Each QAction reachable in the window once every view, menu and context menu is built: the menus'
    and toolbar's actions, the views' own actions and the actions of their filter and layer menus."""
    window.view("map")
    window.view("trade")
    window.agreements._fill_menus_if_stale()  # (the filter menus are filled when first opened)
    found = set(window.findChildren(QAction))
    for menu_action in window.menuBar().actions():
        found.add(menu_action)
        found.update(menu_action.menu().actions())
    found.update(window.action_table.toolbar.actions())
    for view in window.views.values():
        found.update(view.actions())
    return list(found)


def sequences(action: QAction) -> list[str]:
    return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts() if not s.isEmpty()]


def name(action: QAction) -> str:
    return action.objectName() or action.text() or repr(action)


def test_no_two_actions_of_the_window_share_a_key_sequence(open_window):
    window = open_window()
    actions = every_action(window)
    assert len(actions) > 40  # menus, toolbar, the map's keys, the filter and layer menus
    owners: dict[str, list[str]] = defaultdict(list)
    for action in actions:
        for keys in sequences(action):
            owners[keys].append(name(action))
    shared = {keys: names for keys, names in owners.items() if len(names) > 1}
    assert not shared, f"key sequences bound to more than one action: {shared}"
    # the ones that clashed
    assert owners["Ctrl+Shift+S"] == ["action_export"]
    assert owners["Ctrl+Shift+F"] == ["map_action_fit_selection"]


def test_the_table_declares_each_sequence_once():
    declared = [QKeySequence(spec.shortcut).toString() for spec in ACTIONS if spec.shortcut is not None]
    declared += [QKeySequence(keys).toString() for spec in VIEW_ACTIONS for keys in spec.shortcuts]
    assert len(declared) == len(set(declared))


def test_tooltips_name_the_shortcuts_the_actions_have(open_window):
    window = open_window()
    window.view("map")
    for action in every_action(window):
        for keys in KEYS_IN_TIP.findall(action.toolTip()):
            assert keys in sequences(action), (name(action), action.toolTip())
    tips = {key: window.map.buttons[key].toolTip() for key in ("fit_all", "fit_selection", "zoom_in", "zoom_out")}
    assert tips["fit_all"] == "Show the whole region (Ctrl+Shift+A)"
    assert tips["fit_selection"] == "Show the selected node, corridor or partner (Ctrl+Shift+F)"
    assert tips["zoom_in"] == "Zoom in (+ or the mouse wheel)"


def test_with_the_map_focused_fit_selection_runs_by_its_keys(qtbot, open_window):
    window = open_window()
    window.show_view("map")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    view = window.map
    qtbot.waitUntil(lambda: view.canvas.viewport().width() > 100)
    view.fit_all()
    whole = view.canvas.transform().m11()
    window.selection.select_partner("AZE")
    view.fit_all()
    view.canvas.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus)
    qtbot.keyClick(view.canvas, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.canvas.transform().m11() > whole * 1.5  # zoomed onto Azerbaijan's places
    qtbot.keyClick(view.canvas, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.canvas.transform().m11() == whole


def test_the_readme_lists_the_shortcuts_the_window_has():
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert '"Fit selection" (Ctrl+Shift+A / Ctrl+Shift+F)' in readme.replace("\n  ", " ")
    assert "Export… (Ctrl+Shift+S)" in readme
