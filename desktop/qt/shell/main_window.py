"""The main window: actions from the declared table, the partner selector, the sidebar (partner
overview and events), the views, and a status bar with the database file and record counts.

Views exist only once they are built: there are no placeholder pages. Every view reads and writes
the one :class:`SelectionState`; the window never passes data from one view to another.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from desktop import APP_NAME, __version__
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_view import AgreementsView
from desktop.qt.i18n import Translator, current_language
from desktop.qt.lazyqt import VERTICAL
from desktop.qt.search.search_worker import SearchService
from desktop.qt.shell.actions import ActionSet
from desktop.qt.shell.crash import contained
from desktop.qt.shell.integrity import IntegrityCheck
from desktop.qt.shell.selection import SelectionState
from desktop.qt.shell.settings import Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.core.edits import Changes
    from desktop.qt.agreements.events_view import EventsView
    from desktop.qt.agreements.partner_overview import PartnerOverview
    from desktop.qt.editing.editing import EditController
    from desktop.qt.map.map_view import CorridorMapView
    from desktop.qt.search.find_view import FindBox
    from desktop.qt.trade.trade_view import TradeView

    View = AgreementsView | CorridorMapView | TradeView

VIEWS = ("agreements", "map", "trade")  # all but the first are built when first shown: the map loads its
# basemap then, and the trade view imports pyqtgraph then, not at start


class MainWindow(QMainWindow):
    completed = Signal()  # the sidebar is filled (it fills after the first paint)
    _overview: PartnerOverview | None = None  # set before __init__ runs: event() may come first
    find_box: FindBox | None = None  # the toolbar's Find field, added when the window completes
    search: SearchService  # (set in __init__: event() may come before it, see there)

    def __init__(self, repo: Repository, selection: SelectionState, search: SearchService,
                 translator: Translator | None = None, settings: Settings | None = None,
                 notice: str | None = None):
        super().__init__()
        self.setObjectName("mainWindow")
        self.repo = repo
        self.selection = selection
        self.search = search
        self.translator = translator
        self.settings = settings
        self.notice = notice

        self.action_table = ActionSet(self, available=lambda spec: spec.argument not in {"map", "trade"} - set(VIEWS))
        self.partner_label = QLabel(self)
        self.partner_combo = QComboBox(self)
        self.partner_combo.setObjectName("partnerSelector")
        self.partner_combo.setMinimumContentsLength(18)
        self.partner_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self._partners = repo.partners()
        self.partner_combo.activated.connect(self._partner_chosen)
        self.action_table.toolbar.addSeparator()
        self.action_table.toolbar.addWidget(self.partner_label)
        self.action_table.toolbar.addWidget(self.partner_combo)
        selection.partner_selected.connect(self._show_partner)

        # The sidebar's partner overview and events list are built on the event-loop turn after the
        # first paint (or when first asked for): the window is on screen and takes input sooner.
        self._events: EventsView | None = None
        # (parent as a keyword: telling QSplitter(parent) from QSplitter(orientation) builds Qt's enums)
        self.sidebar = QSplitter(parent=self)
        self.sidebar.setProperty("orientation", VERTICAL)  # (a number: see lazyqt)
        self.sidebar.setObjectName("sidebarSplitter")

        # the agreements view starts searching in complete(): the search thread's Python work would
        # compete with the first paint for the GIL
        self._agreements = AgreementsView(repo, selection, search, self, start_now=False)
        self.views: dict[str, View] = {"agreements": self._agreements}  # built
        self.stack = QStackedWidget(self)
        for view in self.views.values():
            self.stack.addWidget(view)
        self.splitter = QSplitter(parent=self)  # horizontal
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([330, 1070])
        # a banner above everything when the database cannot be written (editing is off then)
        self.banner = QLabel(self)
        self.banner.setObjectName("readonlyBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; color: #5c4400; padding: 6px; "
                                  "border-bottom: 1px solid #e0c36a;")
        self.banner.setVisible(bool(repo.db.readonly))
        self.banner.linkActivated.connect(self._banner_link)  # the choices when the file was changed under it
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._editing: EditController | None = None
        self.agreements.edit_requested.connect(self._edit_agreement)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addWidget(self.status_label, 1)
        self._counts: dict[str, int] | None = None
        self.resize(1400, 900)
        self._retranslate()
        self._update_edit_actions()
        self._restore()
        search.records_counted.connect(self._records_counted)  # counted by the worker, from complete()
        search.failed.connect(self._search_failed)  # (queued: the worker's errors arrive on this thread)
        search.crashed.connect(self._worker_crashed)
        self.integrity = IntegrityCheck(repo.db.path, self)
        self.integrity.finished.connect(self._integrity_checked)
        self.integrity.crashed.connect(self._worker_crashed)
        self.integrity.unreadable.connect(self._integrity_unreadable)
        for signal in (selection.agreement_selected, selection.event_selected, selection.node_selected,
                       selection.corridor_selected, selection.partner_selected):
            signal.connect(self._update_edit_actions)  # Edit, Delete and History act on what is selected

    # ------------------------------------------------------------------ the sidebar, after the first paint

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        search: SearchService | None = getattr(self, "search", None)  # None until __init__ has set it
        if kind == QEvent.Type.UpdateRequest and search is not None:
            # The window repaints its widgets now: the search worker pauses meanwhile (see painting()).
            with search.painting():
                return super().event(event)
        if self._overview is None and kind == QEvent.Type.Paint:
            QTimer.singleShot(0, self, self.complete)
        return super().event(event)

    def is_complete(self) -> bool:
        return self._overview is not None

    def complete(self) -> None:
        """What the first frame leaves out, once: the first search and the record counts, the icons, the
        sidebar (partner overview and events list) and the views' detail panes; emits ``completed``."""
        if self._overview is not None:
            return
        from desktop.qt.agreements.events_view import EventsView
        from desktop.qt.agreements.partner_overview import PartnerOverview

        for view in self.views.values():
            view.complete()
        self.search.count_records()
        self.action_table.add_icons()
        from desktop.qt.search.find_view import FindBox  # (its panel, worker and find.py wait for the first keystroke)

        self.find_box = FindBox(self)
        QTimer.singleShot(1500, self.find_box, self.find_box.prepare)  # idle by then: the panel, the worker
        self.action_table.toolbar.addSeparator()
        self.action_table.toolbar.addWidget(self.find_box)
        self._overview = PartnerOverview(self.repo, self.selection, self.sidebar)
        self._events = EventsView(self.repo, self.selection, self.sidebar)
        self.sidebar.addWidget(self._overview)
        self.sidebar.addWidget(self._events)
        saved = self.settings.splitter("sidebar") if self.settings is not None else None
        if saved is None or not self.sidebar.restoreState(saved):
            self.sidebar.setSizes([420, 480])
        from PySide6.QtGui import QGuiApplication

        # the database file is checked whenever the application comes back to the front (connected only now:
        # the signal's argument would build Qt's enums during the first frame)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._application_state_changed)
        self.completed.emit()

    @property
    def overview(self) -> PartnerOverview:
        self.complete()
        return self._overview  # type: ignore[return-value]

    @property
    def events(self) -> EventsView:
        self.complete()
        return self._events  # type: ignore[return-value]

    def start_integrity_check(self) -> None:
        """Check every page of the database file in the background (the app calls it after start)."""
        self.integrity.start()

    def _integrity_checked(self, problem: str | None) -> None:
        if problem is None:
            return
        message = self.tr("The database file {path} is damaged ({problem}). Make a copy of it before "
                          "changing anything, and restore a backup.").format(path=self.repo.db.path, problem=problem)
        self.statusBar().showMessage(message)
        from desktop.qt.plaintext import message_box  # not on the start path

        message_box(self, APP_NAME, message)

    def _integrity_unreadable(self, reason: str) -> None:
        self.statusBar().showMessage(self.tr("The database file could not be checked: {reason}").format(reason=reason))

    # ------------------------------------------------------------------ views

    @property
    def agreements(self) -> AgreementsView:
        return self._agreements

    def current_view(self) -> str:
        return next(name for name, view in self.views.items() if view is self.stack.currentWidget())

    def view(self, name: str) -> View | None:
        """A view by name, built on first use; None if this version has no such view."""
        if name not in VIEWS:
            return None
        if name not in self.views:
            view: CorridorMapView | TradeView
            if name == "map":
                from desktop.qt.map.map_view import CorridorMapView

                view = CorridorMapView(self.repo, self.selection, self.stack)
            else:
                from desktop.qt.trade.trade_view import TradeView

                view = TradeView(self.repo, self.selection, self.stack)
            if self.settings is not None:
                view.restore_state(self.settings)
            self.views[name] = view
            self.stack.addWidget(view)
        return self.views[name]

    @property
    def map(self):
        return self.view("map")

    @property
    def trade(self):
        return self.view("trade")

    def show_view(self, name: str) -> None:
        view = self.view(name)
        if view is None:
            return
        self.stack.setCurrentWidget(view)
        self.action_table[f"view_{name}"].setChecked(True)
        self._update_edit_actions()  # what Edit and Delete act on depends on the view

    def focus_search(self) -> None:
        """Ctrl+F: the Find box, which finds any record (the agreements table keeps its own filter)."""
        self.complete()
        if self.find_box is not None:  # (complete() adds it)
            self.find_box.focus()

    def clear_filters(self) -> None:
        self.agreements.clear_filters()

    # ------------------------------------------------------------------ editing

    @property
    def editing(self) -> EditController:
        """The edit controller (built on first use: editing is not on the start path)."""
        if self._editing is None:
            from desktop.qt.editing.editing import EditController

            self._editing = EditController(self.repo, self)
            self._editing.run_long = self._run_long
            self._editing.changed.connect(self._records_changed)
            self._editing.history_changed.connect(self._update_edit_actions)
            self._editing.file_state_changed.connect(self._file_state_changed)
            self._editing.switching.connect(self.search.let_go)  # its connection to the old file closes first
            self._editing.switching.connect(self._find_box_let_go)
            self._editing.switched.connect(self._database_switched)
        return self._editing

    def _find_box_let_go(self) -> None:
        """Before a switch to another file: the Find box's connection to the old one closes."""
        if self.find_box is not None:
            self.find_box.let_go()

    def _update_edit_actions(self) -> None:
        from desktop.qt.shell.actions import translate

        history = self._editing.history if self._editing is not None else None
        readonly = bool(self.repo.db.readonly) or (self._editing is not None and self._editing.editing_off)
        undo, redo = self.action_table["undo"], self.action_table["redo"]
        can_undo = history is not None and history.can_undo()
        can_redo = history is not None and history.can_redo()
        undo.setEnabled(can_undo and not readonly)
        redo.setEnabled(can_redo and not readonly)
        base_undo, base_redo = translate("&Undo"), translate("&Redo")
        undo.setText(f"{base_undo}: {history.undo_label()}" if history is not None and can_undo else base_undo)
        redo.setText(f"{base_redo}: {history.redo_label()}" if history is not None and can_redo else base_redo)
        selected = self.selected_record() is not None
        self.action_table["new_agreement"].setEnabled(not readonly)
        for key in ("edit_selected", "delete_selected"):
            self.action_table[key].setEnabled(not readonly and selected)
        self.action_table["history_selected"].setEnabled(selected)

    # ------------------------------------------------------------------ the database file deleted, moved or replaced

    def check_database_file(self) -> bool:
        """Before work on the database file: True when it is still the file this window opened. Else the user
        is told what happened and chooses what to do (again, when they put it off before)."""
        return self.editing.check_file()

    def _application_state_changed(self, state) -> None:
        """Back at the front: a file found deleted, moved or replaced meanwhile is reported (once)."""
        from desktop.qt.lazyqt import Qt

        if state == Qt.ApplicationState.ApplicationActive:
            self.editing.check_file(ask_again=False)

    def _file_state_changed(self) -> None:
        """Editing goes off with a banner naming what happened and the choices, or on again."""
        from desktop.qt.lazyqt import Qt

        changed = self._editing is not None and self._editing.file_changed is not None
        self.banner.setTextFormat(Qt.TextFormat.RichText if changed else Qt.TextFormat.AutoText)
        self._retranslate()  # the banner's text, the window's title, the actions
        self.banner.setVisible(changed or bool(self.repo.db.readonly))

    def _banner_link(self, link: str) -> None:
        if self._editing is None:
            return
        from desktop.qt.editing.editing import REOPEN, SAVE

        if link == SAVE:
            self._editing.save_to_new_file()
        elif link == REOPEN:
            self._editing.reopen()

    def _database_switched(self, _kept_history: bool) -> None:
        """The window works on another file now (the controller kept or cleared the undo history): every view
        reads everything again."""
        self.search.reopen(self.repo.db.path)  # (it let go of the old file at `switching`)
        if self.find_box is not None:
            self.find_box.reopen(self.repo.db.path)
        self.integrity.path = self.repo.db.path
        self.integrity.start()  # the file was opened without its page check
        from desktop.core.edits import Changes

        self._partners = self.repo.partners()
        self._records_changed(Changes.everything())
        self._retranslate()  # the title and the status bar name the file
        self.statusBar().showMessage(self.tr("Now working on {path}.").format(path=self.repo.db.path), 8000)

    def undo(self) -> None:
        changes = self.editing.undo()
        if changes is not None:
            self.statusBar().showMessage(self.tr("Undone."), 4000)

    def redo(self) -> None:
        changes = self.editing.redo()
        if changes is not None:
            self.statusBar().showMessage(self.tr("Redone."), 4000)

    def selected_record(self) -> tuple[str, int] | None:
        """The record the Edit menu acts on: what is selected in the current view, else the event (the
        sidebar shows it), else the partner (the toolbar shows it); never something no view shows."""
        s, view = self.selection, self.current_view()
        if view == "agreements" and s.agreement is not None:
            return "agreement", s.agreement
        if view == "map" and s.node is not None:
            return "node", s.node
        if view == "map" and s.corridor is not None:
            return "corridor", s.corridor
        if s.current_event is not None:
            return "event", s.current_event
        if s.partner:
            partner = self.repo.partner(s.partner)
            if partner is not None:
                return "partner", partner.id
        return None

    def _nothing_selected(self) -> None:
        self.statusBar().showMessage(self.tr("Select an agreement, event, node, corridor or partner first."), 5000)

    def new_agreement(self) -> None:
        if not self.editing.may_edit():
            return
        from desktop.core.edits import Kind
        from desktop.qt.editing.record_form import RecordForm

        initial: dict[str, object] = {}
        if self.selection.partner:
            initial["partners"] = [self.selection.partner]
        if self.selection.current_event is not None:
            initial["event_id"] = self.selection.current_event
        form = RecordForm("agreement", self.editing, None, initial, self)
        if form.exec() and form.applied is not None:
            new_id = next(iter(form.applied.ids.get(Kind.AGREEMENT, frozenset())), None)
            if new_id is not None:
                self.selection.select_agreement(new_id)

    def edit_selected(self) -> None:
        target = self.selected_record()
        if target is None:
            self._nothing_selected()
            return
        if not self.editing.may_edit():
            return
        from desktop.qt.editing.record_form import RecordForm

        RecordForm(target[0], self.editing, target[1], None, self).exec()

    def _edit_agreement(self, agreement_id: int) -> None:
        """A double-clicked row: its form, unless editing is off."""
        if not self.editing.may_edit():
            return
        from desktop.qt.editing.record_form import RecordForm

        RecordForm("agreement", self.editing, agreement_id, None, self).exec()

    def delete_selected(self) -> None:
        target = self.selected_record()
        if target is None:
            self._nothing_selected()
            return
        from desktop.qt.editing.record_form import kind_names

        kind, record_id = target
        if self.editing.delete(kind, record_id, self.tr("Delete {kind}").format(kind=kind_names()[kind])) is not None:
            self.statusBar().showMessage(self.tr("Deleted. Ctrl+Z brings it back."), 6000)

    def history_selected(self) -> None:
        target = self.selected_record()
        if target is None:
            self._nothing_selected()
            return
        from desktop.qt.editing.record_browser import HistoryDialog

        HistoryDialog(self.editing, target[0], target[1], self).exec()

    def show_records(self) -> None:
        from desktop.qt.editing.record_browser import RecordBrowser

        kind = {"map": "node", "trade": "trade"}.get(self.current_view(), "agreement")
        RecordBrowser(self.editing, kind, self.selection.partner, self).exec()

    def _records_changed(self, changes: Changes) -> None:
        """After an edit, undo or redo: every view shows the stored state."""
        s = self.selection
        if s.agreement is not None and self.repo.agreement_exists(s.agreement) is False:
            s.select_agreement(None)
        if s.current_event is not None and self.repo.event(s.current_event) is None:
            s.select_event(None)
        if s.node is not None and self.repo.node(s.node) is None:
            s.select_node(None)
        if s.corridor is not None and self.repo.corridor(s.corridor) is None:
            s.select_corridor(None)
        from desktop.core.edits import Kind

        if changes.touches(Kind.PARTNER):
            self._partners = self.repo.partners()
            self._fill_partners()
        self.statusBar().showMessage(self.tr("Saved to {file}. Ctrl+Z undoes it while this window is open.").format(
            file=self.repo.db.path.name), 6000)
        for view in self.views.values():
            view.records_changed(changes)
        if self._overview is not None:
            self._overview.records_changed(changes)
        if self._events is not None:
            self._events.records_changed(changes)
        if self.find_box is not None:
            self.find_box.records_changed()
        self.search.count_records()

    # ------------------------------------------------------------------ files in and out

    def show_export(self) -> None:
        if not self.check_database_file():
            return
        from desktop.qt.transfer.transfer import ExportDialog

        ExportDialog(self).exec()

    def show_factsheet(self) -> None:
        from desktop.qt.factsheet.factsheet_dialog import FactSheetDialog

        FactSheetDialog(self).exec()

    def show_import(self) -> None:
        if self.repo.db.readonly:
            self.statusBar().showMessage(self.tr("This database is read-only: nothing can be imported."), 6000)
            return
        if not self.check_database_file():
            return
        from desktop.qt.transfer.transfer import ImportDialog

        ImportDialog(self).exec()

    def _run_long(self, text: str, work: Callable[[Callable[[int, int], bool]], object]) -> object:
        """Long work of the edit controller (an import's undo or redo) behind a progress dialog with Cancel."""
        from desktop.qt.transfer.transfer import run_job

        return run_job(self, text, work, self.tr("Cancel"))

    def show_sync(self) -> None:
        if not self.check_database_file():
            return
        from desktop.qt.sync.dialog import SyncDialog

        SyncDialog(self).exec()

    def show_sync_state(self, report: object) -> None:
        """After a sync: a reader's account is named in the status bar for as long as the window is open (its changes
        stay on the laptop), and the sync's outcome is said in one line."""
        from PySide6.QtWidgets import QLabel

        read_only = bool(getattr(report, "read_only", False))
        label = self.findChild(QLabel, "syncReadOnly")
        if read_only and label is None:
            label = QLabel(self)
            label.setObjectName("syncReadOnly")
            self.statusBar().addPermanentWidget(label)
        if label is not None:
            label.setText(self.tr("Team server: read only") if read_only else "")
            label.setToolTip(self.tr("Your server account may read the team's records but not change them: your "
                                     "changes stay on this laptop.") if read_only else "")
            label.setVisible(read_only)
        self.statusBar().showMessage(self.tr("Synced with the team server."), 6000)

    def show_import_template(self) -> None:
        from desktop.qt.transfer.template_dialog import TemplateDialog

        TemplateDialog(self).exec()

    def backup_database(self) -> None:
        import datetime as _dt

        from PySide6.QtWidgets import QFileDialog

        from desktop.core.errors import AtlasError
        from desktop.data.backup import backup_database
        from desktop.qt.plaintext import message_box
        from desktop.qt.transfer.transfer import run_job

        if not self.check_database_file():  # the copy is read from the file at the path
            return
        name = f"atlas-backup-{_dt.date.today().isoformat()}.sqlite"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Back up the database"), name,
                                              self.tr("Databases (*.sqlite)"))
        if not path:
            return
        from desktop.data.database import open_database

        source = self.repo.db.path

        def work(progress):
            db = open_database(source, readonly=True, check=False)
            try:
                return backup_database(db, Path(path), progress=progress)
            finally:
                db.close()

        try:
            run_job(self, self.tr("Backing up…"), work, self.tr("Cancel"))
        except (AtlasError, OSError) as exc:
            message_box(self, self.tr("Back up the database"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to {path} and checked.").format(path=path), 8000)

    def restore_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from desktop.core.errors import AtlasError
        from desktop.data.backup import check_backup
        from desktop.qt.plaintext import message_box

        if self.repo.db.readonly:
            self.statusBar().showMessage(self.tr("This database is read-only: it cannot be restored here."), 6000)
            return
        if not self.check_database_file():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), "",
                                              self.tr("Databases (*.sqlite);;All files (*)"))
        if not path:
            return
        problem = check_backup(Path(path))
        if problem is not None:
            message_box(self, self.tr("Restore from a backup"), problem)
            return
        if not message_box(self, self.tr("Restore from a backup"), self.tr(
            "Replace every record with those of {file}? Changes made since that backup are lost, and the edits "
            "of this session can no longer be undone.").format(file=path), question=True):
            return
        self._forget_matches()
        try:  # the controller backs up, replaces the records, clears the undo history and tells every view
            if not self.editing.restore(Path(path)):
                return  # the file was found replaced meanwhile: nothing written, the user was asked
        except (AtlasError, OSError) as exc:
            message_box(self, self.tr("Restore from a backup"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Restored."), 6000)

    def restored(self) -> None:
        """After the records were replaced on this window's connection (a restore): no undo across it, and every
        view reads everything again (the edit controller's restored())."""
        self._forget_matches()
        self.editing.restored()
        self.statusBar().showMessage(self.tr("Restored."), 6000)

    def _forget_matches(self) -> None:
        """This connection's own writes do not change PRAGMA data_version: drop the search matches it remembers."""
        search = getattr(self.repo, "agreements", None)
        if search is not None and hasattr(search, "_last_match"):
            search._last_match = None

    def select_all_partners(self) -> None:
        self.selection.select_partner(None)

    # ------------------------------------------------------------------ partner selector

    def _fill_partners(self) -> None:
        lang = current_language()
        self.partner_combo.blockSignals(True)
        self.partner_combo.clear()
        self.partner_combo.addItem(self.tr("All partners"), None)
        for partner in self._partners:
            self.partner_combo.addItem(partner.name(lang), partner.iso3)
        self.partner_combo.blockSignals(False)
        self._show_partner(self.selection.partner)

    def _partner_chosen(self, index: int) -> None:
        self.selection.select_partner(self.partner_combo.itemData(index))

    def _show_partner(self, iso3: str | None) -> None:
        index = self.partner_combo.findData(iso3) if iso3 else 0
        self.partner_combo.setCurrentIndex(max(index, 0))

    # ------------------------------------------------------------------ language

    def set_language(self, lang: str) -> None:
        if self.translator is not None:
            self.translator.set_language(lang)
        if self.settings is not None:
            self.settings.set_language(lang)
        self.action_table[f"lang_{lang}"].setChecked(True)

    @contained
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("{app} — {file}").format(app=APP_NAME, file=self.repo.db.path.name))
        self.action_table.retranslate()
        if self._editing is not None or hasattr(self, "banner"):
            self._update_edit_actions()
        self.banner.setText(self.tr("Read-only: this database file or its folder cannot be written, so editing "
                                    "is off. {reason}").format(reason=self.notice or ""))
        if self._editing is not None and self._editing.file_changed is not None:
            self.banner.setText(self._editing.banner_text())  # (rich text: see _file_state_changed)
        self.partner_label.setText(self.tr("Partner:") + " ")
        self._fill_partners()
        lang = current_language()
        if f"lang_{lang}" in self.action_table.actions:
            self.action_table[f"lang_{lang}"].setChecked(True)
        self._show_counts()

    # ------------------------------------------------------------------ status bar

    def _search_failed(self, generation: int, message: str) -> None:
        """The search worker could not read the database (the agreements view says so in its count too)."""
        if generation == -1 or self.search.is_current(generation):
            self.statusBar().showMessage(self.tr("The database file {file} could not be read: {error}").format(
                file=self.repo.db.path.name, error=message))

    def _worker_crashed(self, exc: BaseException) -> None:
        """A bug on a worker thread (the search, the page check): logged, and reported here, on the GUI
        thread."""
        from desktop.qt.shell.crash import report_exception

        report_exception(exc)

    def _records_counted(self, counts: dict) -> None:
        self._counts = counts
        self._show_counts()

    def _show_counts(self) -> None:
        if self._counts is None:
            self.status_label.setText(str(self.repo.db.path))
        else:
            loc = self.locale()
            numbers = {k: loc.toString(v) for k, v in self._counts.items()}
            # counted as the table and the events list count them; other sources' versions said apart
            for key in ("agreements", "events"):
                other = self._counts.get(f"{key}_other", 0)
                numbers[f"{key}_more"] = " " + self.tr("(+{n} other sources' versions)").format(
                    n=loc.toString(other)) if other else ""
            self.status_label.setText(self.tr(
                "{path} · {agreements} agreements{agreements_more} · {events} events{events_more} · "
                "{partners} partners · {sources} sources").format(path=self.repo.db.path, **numbers))
        messages = []
        if self.repo.db.readonly:
            messages.append(self.tr("Read-only: changes cannot be saved."))
        if self.notice:
            messages.append(self.notice)
        # (the banner above the views says it; a status-bar message shown before the window is would leave
        # the counts label visible beneath it, the two texts drawn over each other)
        self.status_label.setToolTip("\n".join(messages))

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About {app}").format(app=APP_NAME), self.tr(
            "<b>{app}</b> {version}<br>An offline reference on Kazakhstan's agreements, trade and transport "
            "corridors with its partners.<br>It never connects to the network.<br><br>Database: {path}").format(
                app=APP_NAME, version=__version__, path=self.repo.db.path))

    # ------------------------------------------------------------------ state kept between sessions

    def _restore(self) -> None:
        if self.settings is None:
            self.show_view("agreements")
            return
        geometry = self.settings.geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.window_state()
        if state is not None:
            self.restoreState(state)
        saved = self.settings.splitter("main")
        if saved is not None:
            self.splitter.restoreState(saved)
        for view in self.views.values():
            view.restore_state(self.settings)
        last = self.settings.last_view()
        self.show_view(last if last in VIEWS else "agreements")

    def save_state(self) -> None:
        if self.settings is None:
            return
        self.settings.set_geometry(self.saveGeometry(), self.saveState())
        self.settings.set_splitter("main", self.splitter.saveState())
        if self.is_complete():
            self.settings.set_splitter("sidebar", self.sidebar.saveState())
        for view in self.views.values():
            view.save_state(self.settings)
        self.settings.set_last_view(self.current_view())
        self.settings.sync()

    @contained
    def closeEvent(self, event: QCloseEvent) -> None:
        if self._editing is not None and not self._editing.may_close():  # an unsaved kept edit: the user stays
            event.ignore()
            return
        self.save_state()
        self.search.shutdown()
        if self.find_box is not None:
            self.find_box.shutdown()
        super().closeEvent(event)
