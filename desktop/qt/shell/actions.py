"""The window's actions, declared once: id, text, shortcut, icon, handler, and where they appear.

The views' own actions (the map's "Fit all", "Fit selection", zoom) are declared here too
(:data:`VIEW_ACTIONS`), so that every key sequence of the window is in one place and serves one action.

Menus and the toolbar are built from :data:`ACTIONS`; texts are translated when built and again
when the language changes. An icon name is a ``QStyle.StandardPixmap`` member; the icons are put on
after the window's first paint (:meth:`ActionSet.add_icons`: the style's Python side and its enums
cost a tenth of a bare window's start), and a name that does not exist fails then.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from desktop.qt.i18n import QT_TRANSLATE_NOOP
from desktop.qt.lazyqt import TOOL_BUTTON_TEXT_BESIDE_ICON, Qt

CONTEXT = "Actions"


class ActionSpec(NamedTuple):
    id: str
    text: str  # English source text (translated in context "Actions")
    menu: str  # id of the menu it belongs to
    handler: str  # name of the window method it calls
    shortcut: str | QKeySequence.StandardKey | None = None
    icon: str | None = None  # QStyle.StandardPixmap member name
    toolbar: bool = False
    checkable: bool = False
    group: str | None = None  # actions of a group exclude each other
    argument: str | None = None  # passed to the handler
    tip: str | None = None


MENUS = (
    ("file", QT_TRANSLATE_NOOP("Actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("Actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("Actions", "&View")),
    ("language", QT_TRANSLATE_NOOP("Actions", "&Language")),
    ("help", QT_TRANSLATE_NOOP("Actions", "&Help")),
)

ACTIONS = (
    ActionSpec("import", QT_TRANSLATE_NOOP("Actions", "&Import…"), "file", "show_import", "Ctrl+I",
               "SP_ArrowDown", tip=QT_TRANSLATE_NOOP("Actions", "Add or update records from a CSV, Excel, JSON or "
                                                             "UN Comtrade file (Ctrl+I)")),
    ActionSpec("export", QT_TRANSLATE_NOOP("Actions", "&Export…"), "file", "show_export", "Ctrl+Shift+S",
               "SP_DialogSaveButton", tip=QT_TRANSLATE_NOOP("Actions", "Save records as CSV, Excel, JSON or GeoJSON "
                                                                     "(Ctrl+Shift+S)")),
    ActionSpec("import_template", QT_TRANSLATE_NOOP("Actions", "Import &Template…"), "file", "show_import_template",
               tip=QT_TRANSLATE_NOOP("Actions", "Save an empty Excel workbook to fill for an import, with its "
                                                "columns described and lists of the values allowed")),
    ActionSpec("factsheet", QT_TRANSLATE_NOOP("Actions", "&Fact Sheet…"), "file", "show_factsheet", "Ctrl+P",
               "SP_FileDialogInfoView", toolbar=True, tip=QT_TRANSLATE_NOOP(
                   "Actions", "Print or save a partner's fact sheet in English or Russian (Ctrl+P)")),
    ActionSpec("sync", QT_TRANSLATE_NOOP("Actions", "S&ync with Team Server…"), "file", "show_sync", "Ctrl+Shift+Y",
               "SP_BrowserReload", tip=QT_TRANSLATE_NOOP("Actions", "Send your changes to the team server and receive "
                                                                  "the team's (Ctrl+Shift+Y)")),
    ActionSpec("backup", QT_TRANSLATE_NOOP("Actions", "&Back Up Database…"), "file", "backup_database"),
    ActionSpec("restore", QT_TRANSLATE_NOOP("Actions", "&Restore from Backup…"), "file", "restore_database"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "file", "close",
               QKeySequence.StandardKey.Quit, "SP_DialogCloseButton"),
    ActionSpec("undo", QT_TRANSLATE_NOOP("Actions", "&Undo"), "edit", "undo", "Ctrl+Z", "SP_ArrowBack"),
    ActionSpec("redo", QT_TRANSLATE_NOOP("Actions", "&Redo"), "edit", "redo", "Ctrl+Shift+Z", "SP_ArrowForward"),
    ActionSpec("new_agreement", QT_TRANSLATE_NOOP("Actions", "&New Agreement…"), "edit", "new_agreement", "Ctrl+N",
               "SP_FileIcon", tip=QT_TRANSLATE_NOOP("Actions", "Add an agreement (Ctrl+N)")),
    ActionSpec("edit_selected", QT_TRANSLATE_NOOP("Actions", "&Edit Selected…"), "edit", "edit_selected", "Ctrl+E",
               tip=QT_TRANSLATE_NOOP("Actions", "Change the selected agreement, event, node, corridor or partner")),
    ActionSpec("delete_selected", QT_TRANSLATE_NOOP("Actions", "&Delete Selected"), "edit", "delete_selected",
               "Ctrl+Del", tip=QT_TRANSLATE_NOOP("Actions", "Delete the selected record (Ctrl+Z brings it back)")),
    ActionSpec("history_selected", QT_TRANSLATE_NOOP("Actions", "&History of Selected…"), "edit",
               "history_selected", "Ctrl+H"),
    ActionSpec("records", QT_TRANSLATE_NOOP("Actions", "&Records…"), "edit", "show_records", "Ctrl+Shift+E",
               "SP_FileDialogListView", tip=QT_TRANSLATE_NOOP("Actions", "Add, change and delete records of any kind "
                                                                         "(Ctrl+Shift+E)")),
    ActionSpec("view_agreements", QT_TRANSLATE_NOOP("Actions", "&Agreements"), "view", "show_view", "Ctrl+1",
               "SP_FileDialogDetailedView", toolbar=True, checkable=True, group="views", argument="agreements",
               tip=QT_TRANSLATE_NOOP("Actions", "Agreements, visits and sources (Ctrl+1)")),
    ActionSpec("view_map", QT_TRANSLATE_NOOP("Actions", "&Corridor Map"), "view", "show_view", "Ctrl+2",
               "SP_DriveNetIcon", toolbar=True, checkable=True, group="views", argument="map",
               tip=QT_TRANSLATE_NOOP("Actions", "Transport corridors, ports and border crossings (Ctrl+2)")),
    ActionSpec("view_trade", QT_TRANSLATE_NOOP("Actions", "&Trade"), "view", "show_view", "Ctrl+3",
               "SP_FileDialogListView", toolbar=True, checkable=True, group="views", argument="trade",
               tip=QT_TRANSLATE_NOOP("Actions", "Trade turnover, exports, imports and targets (Ctrl+3)")),
    ActionSpec("find", QT_TRANSLATE_NOOP("Actions", "&Find…"), "view", "focus_search",
               QKeySequence.StandardKey.Find, "SP_FileDialogContentsView",  # (the toolbar has the Find box)
               tip=QT_TRANSLATE_NOOP("Actions", "Find any record: agreements, events, places, facts, trade, "
                                                "sources (Ctrl+F)")),
    ActionSpec("clear_filters", QT_TRANSLATE_NOOP("Actions", "&Clear Filters"), "view", "clear_filters",
               "Ctrl+Shift+X", "SP_DialogResetButton", toolbar=True,
               tip=QT_TRANSLATE_NOOP("Actions", "Remove every filter and show all agreements")),
    ActionSpec("all_partners", QT_TRANSLATE_NOOP("Actions", "All &Partners"), "view", "select_all_partners",
               "Ctrl+0", tip=QT_TRANSLATE_NOOP("Actions", "Show every partner (Ctrl+0)")),
    ActionSpec("lang_en", "English", "language", "set_language", checkable=True, group="languages", argument="en"),
    ActionSpec("lang_ru", "Русский", "language", "set_language", checkable=True, group="languages", argument="ru"),
    ActionSpec("lang_kk", "Қазақша", "language", "set_language", checkable=True, group="languages", argument="kk"),
    ActionSpec("about", QT_TRANSLATE_NOOP("Actions", "&About Partnership Atlas"), "help", "show_about",
               icon="SP_MessageBoxInformation"),
)


class ViewActionSpec(NamedTuple):
    """An action of one view (its own toolbar's buttons): it acts while the focus is in that view, so it
    is declared here beside the window's actions, and no key sequence serves two actions."""

    id: str
    view: str  # the view it belongs to ("map")
    handler: str  # name of the view's method it calls
    shortcuts: tuple[str, ...]  # the first one is the one named in the button's tooltip


VIEW_ACTIONS = (
    ViewActionSpec("fit_all", "map", "fit_all", ("Ctrl+Shift+A",)),
    ViewActionSpec("fit_selection", "map", "fit_selection", ("Ctrl+Shift+F",)),
    ViewActionSpec("zoom_in", "map", "zoom_in", ("+", "=")),  # "=" is "+" without Shift on most keyboards
    ViewActionSpec("zoom_out", "map", "zoom_out", ("-",)),
)


def add_view_actions(view: QWidget, name: str) -> dict[str, QAction]:
    """Build the actions :data:`VIEW_ACTIONS` declares for the view called ``name`` onto ``view``: their
    shortcuts act while the focus is in the view (or a widget inside it)."""
    built: dict[str, QAction] = {}
    for spec in VIEW_ACTIONS:
        if spec.view != name:
            continue
        action = QAction(view)
        action.setObjectName(f"{name}_action_{spec.id}")
        action.setShortcuts([QKeySequence(keys) for keys in spec.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        handler = getattr(view, spec.handler)  # a missing handler fails at once
        action.triggered.connect(lambda _checked=False, h=handler: h())
        view.addAction(action)
        built[spec.id] = action
    return built


def view_shortcut_text(action_id: str) -> str:
    """The first shortcut of a view's action as the user's platform writes it, for its button's tooltip."""
    spec = next(spec for spec in VIEW_ACTIONS if spec.id == action_id)
    return QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ActionSet(QObject):
    """The QActions built from the declared table for one window."""

    def __init__(self, window: QMainWindow, specs: tuple[ActionSpec, ...] = ACTIONS,
                 available: Callable[[ActionSpec], bool] = lambda spec: True):
        super().__init__(window)
        self.window = window
        self.specs = tuple(spec for spec in specs if available(spec))
        self.actions: dict[str, QAction] = {}
        self.menus = {}
        groups: dict[str, QActionGroup] = {}
        for menu_id, _ in MENUS:
            self.menus[menu_id] = window.menuBar().addMenu("")
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setProperty("toolButtonStyle", TOOL_BUTTON_TEXT_BESIDE_ICON)  # (a number: see lazyqt)
        window.addToolBar(self.toolbar)
        # until add_icons, a blank icon of the same size keeps the buttons where they will be
        blank = QPixmap(self.toolbar.iconSize())
        blank.fill(QColor(0, 0, 0, 0))
        blank_icon = QIcon(blank)
        for spec in self.specs:
            action = QAction(window)
            action.setObjectName(f"action_{spec.id}")
            if spec.shortcut is not None:
                # (setShortcut's overloads would build Qt's enums before the first paint: see lazyqt)
                action.setShortcuts([QKeySequence(spec.shortcut)])
            if spec.icon:
                action.setIcon(blank_icon)
            action.setCheckable(spec.checkable)
            if spec.group:
                groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
            handler = getattr(window, spec.handler)  # a missing handler fails at once
            if spec.argument is not None:
                action.triggered.connect(lambda _checked=False, h=handler, a=spec.argument: h(a))
            else:
                action.triggered.connect(lambda _checked=False, h=handler: h())
            self.menus[spec.menu].addAction(action)
            if spec.toolbar:
                self.toolbar.addAction(action)
            self.actions[spec.id] = action
        self.retranslate()

    def add_icons(self) -> None:
        """Give the actions their icons from the style (the window calls it after its first paint)."""
        from PySide6.QtWidgets import QStyle

        style = self.window.style()
        for spec in self.specs:
            if spec.icon:
                self.actions[spec.id].setIcon(style.standardIcon(getattr(QStyle.StandardPixmap, spec.icon)))

    def retranslate(self) -> None:
        for menu_id, text in MENUS:
            self.menus[menu_id].setTitle(translate(text))
        self.toolbar.setWindowTitle(translate(QT_TRANSLATE_NOOP("Actions", "Main toolbar")))
        for spec in self.specs:
            action = self.actions[spec.id]
            action.setText(translate(spec.text) if spec.menu != "language" else spec.text)
            tip = translate(spec.tip) if spec.tip else action.text().replace("&", "")
            action.setToolTip(tip)
            action.setStatusTip(tip)

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]
