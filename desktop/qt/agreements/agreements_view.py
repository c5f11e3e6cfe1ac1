"""The agreements view: search as you type, filters shown as chips, the lazy table, the detail pane.

Queries run on the search worker (``SearchService``); this view only posts them and shows answers
whose generation is still current, so typing never waits for SQLite.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QTimer, Signal
from PySide6.QtGui import QAction, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import query_terms
from desktop.data.agreements import AgreementQuery, Cursor
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import COLUMNS, AgreementsModel, format_partial_date
from desktop.qt.i18n import adopt_language, current_language
from desktop.qt.lazyqt import ALIGN_CENTER, VERTICAL, Qt
from desktop.qt.plaintext import plain_label
from desktop.qt.search.search_worker import SearchService
from desktop.qt.shell.chips import ChipBar
from desktop.qt.shell.crash import contained
from desktop.qt.shell.selection import SelectionState

if TYPE_CHECKING:
    from desktop.core.edits import Changes
    from desktop.qt.agreements.detail_pane import AgreementDetail

DEBOUNCE_MS = 150
COUNT_DELAY_MS = 25  # lets the new rows paint before the worker counts
COLUMN_WIDTHS = {"date": 112, "partner": 110, "doc_type": 115, "level": 95, "sectors": 120, "status": 85,
                 "event": 150, "count": 48}
# vocabulary table, the query field it fills, and whether "not recorded" can be chosen
FILTER_MENUS = (("doc_types", "doc_types", False), ("agreement_levels", "levels", True),
                ("sectors", "sectors", False), ("agreement_statuses", "statuses", False))


class AgreementsView(QWidget):
    results_shown = Signal()  # a search's rows and count are on screen
    edit_requested = Signal(int)  # a row was double-clicked: the window opens its form

    def __init__(self, repo: Repository, selection: SelectionState, search: SearchService,
                 parent: QWidget | None = None, *, start_now: bool = True):
        """With ``start_now`` the first search is posted on the next event-loop turn; without it, the
        owner calls :meth:`start` (the window does so after its first paint)."""
        super().__init__(parent)
        self.repo = repo
        self.selection = selection
        self.search = search
        self.lang = current_language()
        self._generation = 0
        self._counted = False
        self._sort = ("date", True)
        self._chosen: dict[str, set[str]] = {field: set() for _, field, _ in FILTER_MENUS}
        self._menus_current = False  # the filter menus are filled when opened (see _fill_menus_if_stale)
        self._labels = {vocab: repo.labels(vocab) for vocab, _, _ in FILTER_MENUS}
        self._last_total = 0
        self._all_total = 0
        self._other_versions = 0  # other sources' versions of agreements, set aside by the conflict groups
        self._swapped: tuple[int, int] | None = None  # the years the note names
        self._detail: AgreementDetail | None = None  # built by complete(), after the window's first paint
        self._split_state = None

        self._build_search_box()
        filter_row = self._build_filters()
        self._build_chips()
        self._build_table()
        self._build_layout(filter_row)
        self._connect()
        self._retranslate()
        if start_now:
            QTimer.singleShot(0, self, self.start)

    def _build_search_box(self) -> None:
        """The filter box over titles and summaries; what is typed runs after a short pause (the debounce)."""
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.installEventFilter(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)

    def _build_filters(self) -> QHBoxLayout:
        """The row below the search box: a menu button per vocabulary, the years from and to (with the note
        of a range given backwards), and "Clear filters"."""
        self.filter_buttons: dict[str, QToolButton] = {}
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        for _, field, _ in FILTER_MENUS:
            button = QToolButton(self)
            button.setObjectName(f"filter_{field}")
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            button.setMenu(QMenu(button))
            self.filter_buttons[field] = button
            filter_row.addWidget(button)
        self.years_label = QLabel(self)
        self.year_from = self._year_box("yearFrom")
        self.year_to = self._year_box("yearTo")
        self.years_dash = QLabel("–", self)
        self.years_note = QLabel(self)  # "Years swapped: 2020–2025", after a swap
        self.years_note.setObjectName("yearsNote")
        self.years_note.hide()
        filter_row.addSpacing(8)
        for w in (self.years_label, self.year_from, self.years_dash, self.year_to, self.years_note):
            filter_row.addWidget(w)
        filter_row.addStretch(1)
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFilters")
        filter_row.addWidget(self.clear_button)
        return filter_row

    def _build_chips(self) -> None:
        """The chips of the filters in force, and the count line ("12 of 73 agreements")."""
        self.chips = ChipBar(self)
        self.count_label = plain_label(QLabel(self))  # (plain: these two quote the search typed)
        self.count_label.setObjectName("countLabel")

    def _build_table(self) -> None:
        """The lazy table of agreements and, in its place when nothing matches, the reason why."""
        self.model = AgreementsModel(self.repo, self.lang, self, asynchronous=True)
        self.table = _Table(self.search, self)
        self.table.setObjectName("agreementsTable")
        # Until start(), the table shows the column titles from a plain Qt model: a Python model's
        # headerData takes a Qt.Orientation, which would build Qt's enums before the first paint.
        self._header_model: QStandardItemModel | None = QStandardItemModel(0, len(COLUMNS), self)
        self._header_model.setHorizontalHeaderLabels(list(self.model.header_texts()))
        self.table.setModel(self._header_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._size_columns()

        self.empty_label = plain_label(QLabel(self))
        self.empty_label.setObjectName("emptyLabel")
        self.empty_label.setProperty("alignment", ALIGN_CENTER)  # (a number: see lazyqt)
        self.empty_label.setWordWrap(True)
        self.empty_label.setMargin(24)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)

    def _build_layout(self, filter_row: QHBoxLayout) -> None:
        """The search, filters, chips, count and table in a column, above the detail pane (added by
        :meth:`complete`) in a vertical splitter: the table keeps the full width."""
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search_box)
        column.addLayout(filter_row)
        column.addWidget(self.chips)
        column.addWidget(self.count_label)
        column.addWidget(self.stack, 1)
        self.splitter = QSplitter(parent=self)
        self.splitter.setProperty("orientation", VERTICAL)
        self.splitter.setObjectName("agreementsSplitter")
        self.splitter.addWidget(left)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

    def _connect(self) -> None:
        """What the view's parts, the search worker and the shared selection tell the view."""
        self.search_box.textEdited.connect(self._text_edited)
        self.search_box.returnPressed.connect(self._run_now)
        self._debounce.timeout.connect(self._run_now)
        for button in self.filter_buttons.values():
            button.menu().aboutToShow.connect(self._fill_menus_if_stale)
        for box in (self.year_from, self.year_to):
            box.valueChanged.connect(lambda _: self._years_changed())
        self.clear_button.clicked.connect(self.clear_filters)
        self.chips.chip_removed.connect(self.remove_filter)
        self.model.more_requested.connect(self._more_requested)
        self.model.sort_requested.connect(self._sort_requested)
        self.table.doubleClicked.connect(lambda index: self.edit_requested.emit(self.model.id_at(index.row())))

        self.search.page_found.connect(self._page_found)
        self.search.more_found.connect(self._more_found)
        self.search.counted.connect(self._counted_result)
        self.search.failed.connect(self._failed)
        self.selection.on_focus_changed(self._run_now)
        self.selection.agreement_selected.connect(self._agreement_selected)

    def start(self) -> None:
        """Put the agreements model in the table and run the first search, once."""
        self._attach_model()
        if self._generation == 0:
            self._run_now()

    def _attach_model(self) -> None:
        if self._header_model is None:
            return
        self.table.setModel(self.model)
        self._header_model.deleteLater()
        self._header_model = None
        self._size_columns()
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index(self._sort[0]),
                                Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.sortIndicatorChanged.connect(self.model.sort)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        for i, column in enumerate(COLUMNS):
            if column == "title":
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.resizeSection(i, COLUMN_WIDTHS[column])

    # ------------------------------------------------------------------ building blocks

    def _year_range(self) -> tuple[int, int]:
        """The first and last year of signature (two index lookups, not a scan)."""
        if not hasattr(self, "_years"):
            first, last = self.repo.agreements.signature_years()
            self._years = (1991 if first is None else first, max(2026 if last is None else last, 2026))
        return self._years

    def _year_box(self, name: str) -> QSpinBox:
        first, last = self._year_range()
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(first - 1, last)
        box.setValue(box.minimum())
        box.setKeyboardTracking(False)
        return box

    def _menus_changed(self) -> None:
        """The filter menus show the current language and choices when next opened."""
        self._menus_current = False

    def _fill_menus_if_stale(self) -> None:
        if self._menus_current:
            return
        self._menus_current = True
        for vocab, field, unknown in FILTER_MENUS:
            menu = self.filter_buttons[field].menu()
            menu.clear()
            entries = [(code, names.pick(self.lang)) for code, names in self._labels[vocab].items()]
            if unknown:
                entries.append(("", self.tr("not recorded")))
            for code, text in entries:
                action = QAction(text, menu)
                action.setCheckable(True)
                action.setChecked(code in self._chosen[field])
                action.toggled.connect(lambda on, f=field, c=code: self._toggle(f, c, on))
                menu.addAction(action)

    def _menu_titles(self) -> dict[str, str]:
        return {"doc_types": self.tr("Type"), "levels": self.tr("Level"), "sectors": self.tr("Sector"),
                "statuses": self.tr("Status")}

    def _retranslate(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Filter agreements: titles and summaries in English, Russian or Kazakh"))
        titles = self._menu_titles()
        for field, button in self.filter_buttons.items():
            n = len(self._chosen[field])
            button.setText(titles[field] + (f" ({n})" if n else "") + " ▾")
            button.setToolTip(self.tr("Show only agreements with the chosen values"))
        self.years_label.setText(self.tr("Years:"))
        self._show_years_note()
        for box in (self.year_from, self.year_to):
            box.setSpecialValueText(self.tr("any"))
        self.clear_button.setText(self.tr("Clear filters"))
        if self._header_model is not None:
            self._header_model.setHorizontalHeaderLabels(list(self.model.header_texts()))
        self._menus_changed()
        self._show_chips()
        self._show_count()

    @contained
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            if adopt_language(self):
                self.model.set_language(self.lang)
                if self._sort[0] == "title":
                    self._run_now()
            self._retranslate()
            if self.stack.currentWidget() is self.empty_label:
                self.empty_label.setText(self._empty_reason())
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search_box.text():
                self.search_box.clear()
                self._run_now()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.table.setFocus()
                if self.model.rowCount() and not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ the query

    def query(self) -> AgreementQuery:
        year_from, year_to = self._chosen_years()
        return AgreementQuery(
            text=self.search_box.text().strip(),
            partners=(self.selection.partner,) if self.selection.partner else (),
            doc_types=tuple(sorted(self._chosen["doc_types"])),
            levels=tuple(sorted(self._chosen["levels"])),
            sectors=tuple(sorted(self._chosen["sectors"])),
            statuses=tuple(sorted(self._chosen["statuses"])),
            year_from=year_from, year_to=year_to,
            event_id=self.selection.current_event,
            corridor_id=self.selection.corridor, node_id=self.selection.node,
            sort=self._sort[0], descending=self._sort[1], lang=self.lang)

    def is_settled(self) -> bool:
        """True when the latest search's rows and count are on screen."""
        return not self._debounce.isActive() and self._counted and self.search.is_current(self._generation)

    def select_first(self) -> None:
        if self.model.rowCount():
            self._select_row(0)

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def set_search_text(self, text: str) -> None:
        self.search_box.setText(text)
        self._run_now()

    def reveal_agreement(self, agreement_id: int) -> str | None:
        """Select an agreement found elsewhere (the Find box). When the table's search or filters hide it,
        they are cleared first: returns what was cleared ("search" or "filters"), or None."""
        query = self.query()
        cleared = None
        if not self.repo.agreement_in(query, agreement_id):
            only_text = bool(query.text) and self.repo.agreement_in(query.with_(text=""), agreement_id)
            cleared = "search" if only_text else "filters"
            self.search_box.clear()
            if only_text:
                self._run_now()
            else:
                self.clear_filters()
        self.selection.select_agreement(agreement_id)
        return cleared

    def _text_edited(self, _text: str) -> None:
        self._debounce.start()

    def _filters_changed(self) -> None:
        self._show_chips()
        self._run_now()

    def _run_now(self) -> None:
        self._debounce.stop()
        self._counted = False
        self._generation = self.search.search(self.query(), self.model.texts)
        self._show_chips()
        self.count_label.setText(self.tr("Searching…"))

    def _toggle(self, field: str, code: str, on: bool) -> None:
        (self._chosen[field].add if on else self._chosen[field].discard)(code)
        self._retranslate_buttons()
        self._filters_changed()

    def _retranslate_buttons(self) -> None:
        titles = self._menu_titles()
        for field, button in self.filter_buttons.items():
            n = len(self._chosen[field])
            button.setText(titles[field] + (f" ({n})" if n else "") + " ▾")

    def remove_filter(self, key: str) -> None:
        """Remove one chip's filter: keys are 'partner', 'event', 'corridor', 'node', 'years' or 'field:code'."""
        if key == "partner":
            self.selection.select_partner(None)
        elif key == "event":
            self.selection.select_event(None)
        elif key == "corridor":
            self.selection.select_corridor(None)
        elif key == "node":
            self.selection.select_node(None)
        elif key == "years":
            self._set_years(None, None)
            self._filters_changed()
        elif ":" in key:
            field, code = key.split(":", 1)
            self._chosen[field].discard(code)
            self._menus_changed()
            self._retranslate_buttons()
            self._filters_changed()

    def clear_filters(self) -> None:
        for chosen in self._chosen.values():
            chosen.clear()
        self._set_years(None, None)
        self._menus_changed()
        self._retranslate_buttons()
        self.selection.select_event(None)
        self.selection.select_corridor(None)
        self.selection.select_node(None)
        self.selection.select_partner(None)
        self._filters_changed()

    def set_filter(self, field: str, codes: set[str]) -> None:
        """Choose the values of one vocabulary filter (doc_types, levels, sectors, statuses)."""
        self._chosen[field] = set(codes)
        self._menus_changed()
        self._retranslate_buttons()
        self._filters_changed()

    def _set_years(self, first: int | None, last: int | None) -> None:
        for box, value in ((self.year_from, first), (self.year_to, last)):
            box.blockSignals(True)
            box.setValue(box.minimum() if value is None else value)
            box.blockSignals(False)
        self._swapped = None
        self._show_years_note()

    def set_years(self, first: int | None, last: int | None) -> None:
        self._set_years(first, last)
        self._years_changed()

    def _chosen_years(self) -> tuple[int | None, int | None]:
        """The first and last year the boxes show (None: "any")."""
        first, last = (box.value() if box.value() != box.minimum() else None for box in (self.year_from, self.year_to))
        return first, last

    def _years_changed(self) -> None:
        """A range given backwards (from 2025 to 2020) would match nothing: the boxes are swapped, and the
        filter line says so until the years change again."""
        first, last = self._chosen_years()
        self._swapped = None
        if first is not None and last is not None and first > last:
            self._set_years(last, first)
            self._swapped = (last, first)
        self._show_years_note()
        self._filters_changed()

    def _show_years_note(self) -> None:
        if self._swapped is not None:
            first, last = self._swapped
            self.years_note.setText(self.tr("Years swapped: {first}–{last}").format(first=first, last=last))
        self.years_note.setVisible(self._swapped is not None)

    # ------------------------------------------------------------------ chips and messages

    def _chip_list(self) -> list[tuple[str, str]]:
        ru = self.lang == "ru"
        chips: list[tuple[str, str]] = []
        if self.selection.partner:
            partner = self.repo.partner(self.selection.partner)
            name = partner.name(self.lang) if partner else self.selection.partner
            chips.append(("partner", self.tr("Partner: {name}").format(name=name)))
        if self.selection.current_event is not None:
            event = self.repo.event(self.selection.current_event)
            if event is not None:
                title = (event.title_ru or event.title_en) if ru else (event.title_en or event.title_ru)
                when = format_partial_date(event.date_start, self.locale())
                text = f"{when} {title or ''}".strip()
                chips.append(("event", self.tr("Event: {title}").format(title=_shorten(text, 60))))
        if self.selection.corridor is not None:
            corridor = self.repo.corridor(self.selection.corridor)
            if corridor is not None:
                chips.append(("corridor", self.tr("Corridor: {name}").format(
                    name=_shorten(corridor.name(self.lang), 60))))
        if self.selection.node is not None:
            node = self.repo.node(self.selection.node)
            if node is not None:
                chips.append(("node", self.tr("Place: {name}").format(name=_shorten(node.name(self.lang), 60))))
        titles = self._menu_titles()
        vocab_of = {field: vocab for vocab, field, _ in FILTER_MENUS}
        for field in ("doc_types", "levels", "sectors", "statuses"):
            labels = self._labels[vocab_of[field]]
            for code in sorted(self._chosen[field]):
                names = labels.get(code)
                label = names.pick(self.lang) if names else self.tr("not recorded")
                chips.append((f"{field}:{code}", f"{titles[field]}: {label}"))
        q = self.query()
        if q.year_from is not None or q.year_to is not None:
            first = str(q.year_from) if q.year_from is not None else "…"
            last = str(q.year_to) if q.year_to is not None else "…"
            chips.append(("years", self.tr("Years: {first}–{last}").format(first=first, last=last)))
        return chips

    def _show_chips(self) -> None:
        chips = self._chip_list()
        self.chips.set_chips(chips, self.tr("Remove the filter “{filter}”"))
        self.clear_button.setEnabled(bool(chips))

    def _show_count(self) -> None:
        if not self._counted:
            return
        loc = self.locale()
        text = self.tr("{n} of {m} agreements").format(n=loc.toString(self._last_total),
                                                       m=loc.toString(self._all_total))
        other = self._other_versions
        if other and not self.query().include_alternatives:
            text += " " + self.tr("(+{n} other sources' versions)").format(n=loc.toString(other))
        self.count_label.setText(text)

    def _empty_reason(self) -> str:
        q = self.query()
        filters = len(self._chip_list())
        if q.text and not query_terms(q.text):
            return self.tr("The search “{text}” contains no words to look for. Type a word in English, "
                           "Russian or Kazakh.").format(text=q.text)
        if q.text and filters:
            return self.tr("No agreement matches “{text}” together with the %n filter(s) above. "
                           "Remove a filter (✕) or change the search.", "", filters).format(text=q.text)
        if q.text:
            return self.tr("No agreement has “{text}” in its titles or summaries. Word forms and the "
                           "beginnings of words are matched: try fewer or shorter words.").format(text=q.text)
        if filters:
            return self.tr("No agreement matches the %n filter(s) above. Remove a filter (✕) to see "
                           "more.", "", filters)
        return self.tr("The database holds no agreements yet.")

    # ------------------------------------------------------------------ answers from the worker

    def _page_found(self, generation: int, query: AgreementQuery, ids: list, next_cursor: Cursor | None,
                    sort: str, rows: list[Any] | None) -> None:
        if generation != self._generation:
            return
        self._attach_model()
        if query.lang != self.lang:  # the language changed while it ran: the rows are re-read
            rows = None
        self.model.set_result(query, ids, next_cursor, len(ids), rows)
        if next_cursor is not None:  # more than a page: count once this page is painted
            QTimer.singleShot(COUNT_DELAY_MS, self, lambda g=generation, q=query: self.search.count(g, q))
        self._keep_selection_if_found(query, ids, next_cursor)
        if ids:
            self.stack.setCurrentWidget(self.table)
            row = self.model.row_of(self.selection.agreement) if self.selection.agreement is not None else -1
            if row >= 0:
                self._select_row(row)
        else:
            self.empty_label.setText(self._empty_reason())
            self.stack.setCurrentWidget(self.empty_label)

    def _keep_selection_if_found(self, query: AgreementQuery, ids: list, next_cursor: Cursor | None) -> None:
        """New rows (a search, a filter, a partner): the selected agreement stays selected only if it is among
        them (also beyond the page loaded); else it is cleared, with the detail pane, and Edit and Delete
        have nothing hidden to act on."""
        selected = self.selection.agreement
        if selected is None or selected in ids:
            return
        if next_cursor is None or not self.repo.agreement_in(query, selected):
            self.selection.select_agreement(None)

    def _more_found(self, generation: int, ids: list, next_cursor: Cursor | None, rows: list) -> None:
        if generation == self._generation:
            self.model.append_page(ids, next_cursor, rows if self.model.lang == self.lang else None)

    def _counted_result(self, generation: int, total: int, all_total: int) -> None:
        if generation != self._generation:
            return
        self._counted = True
        self._last_total, self._all_total = total, all_total
        # (the conflict groups are a small table: one indexed count)
        self._other_versions = self.repo.other_versions("agreement")
        self.model.total = total
        self._show_count()
        self.results_shown.emit()

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self._counted = False
        self.count_label.setText(self.tr("The search failed: {message}").format(message=message))
        self.results_shown.emit()

    def _more_requested(self, query: AgreementQuery, cursor: Cursor) -> None:
        self.search.fetch_more(self._generation, query, cursor, self.model.texts)

    def _sort_requested(self, key: str, descending: bool) -> None:
        if (key, descending) != self._sort:
            self._sort = (key, descending)
            self._run_now()

    # ------------------------------------------------------------------ selection

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.selection.select_agreement(self.model.id_at(current.row()))

    def _agreement_selected(self, agreement_id: int | None) -> None:
        if agreement_id is None:
            self.table.clearSelection()
            return
        row = self.model.row_of(agreement_id)
        if row >= 0 and self.table.currentIndex().row() != row:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    # ------------------------------------------------------------------ state kept between sessions

    def save_state(self, settings) -> None:
        if self._detail is not None:
            settings.set_splitter("agreements", self.splitter.saveState())

    def restore_state(self, settings) -> None:
        self._split_state = settings.splitter("agreements")
        if self._detail is not None and self._split_state is not None:
            self.splitter.restoreState(self._split_state)

    def records_changed(self, changes: Changes) -> None:
        """After an edit, undo or redo: the search runs again (new and deleted rows, new words), the
        rows are read again, and the detail pane shows the stored record."""
        from desktop.core.edits import Kind  # (not on the start path: only an edit calls this)

        if changes.touches(Kind.AGREEMENT, Kind.EVENT, Kind.PARTNER, Kind.SOURCE, Kind.NODE, Kind.CORRIDOR):
            self.search.forget_counts()
            self.model.refresh_rows()
            self._run_now()
            if self._detail is not None:
                self._detail.show_agreement(self.selection.agreement)

    # ------------------------------------------------------------------ the detail pane, after the first paint

    def complete(self) -> None:
        """Start (if not yet) and build the detail pane below the table, once (the window calls it after
        its first paint)."""
        if self._detail is not None:
            return
        self.start()
        from desktop.qt.agreements.detail_pane import AgreementDetail

        self._detail = AgreementDetail(self.repo, self.selection, self)
        self.splitter.addWidget(self._detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        if self._split_state is None or not self.splitter.restoreState(self._split_state):
            self.splitter.setSizes([520, 330])

    @property
    def detail(self) -> AgreementDetail:
        self.complete()
        return self._detail  # type: ignore[return-value]


class _Table(QTableView):
    """The agreements table: while its rows paint, the search worker pauses (see SearchService.painting)."""

    def __init__(self, search: SearchService, parent: QWidget):
        super().__init__(parent)
        self._search = search

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            with self._search.painting():
                return super().viewportEvent(event)
        return super().viewportEvent(event)


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"

