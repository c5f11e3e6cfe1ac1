"""The events list in the sidebar: visits, council meetings and summits of the selected partner.

Newest first. Each row says the date at its precision, the kind, the title, the place and the
documents signed (with the counts other sources give when an event is in a conflict group) and
the agreements the database links to it. Selecting a row selects the event; selecting it again,
Escape or "Show all events" clears the event.

The list is a lazy model over ids (desktop.qt.editing.record_lists): the events of every partner, 100,000 in a
large database, are listed in pages in SQL date order, and a row's event is read when it is first shown.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.edits import Changes, Kind
from desktop.core.records import Event, Label, pick, pick_marked
from desktop.data.lists import ListQuery, RecordLists
from desktop.data.repository import Repository
from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.editing.record_lists import IdListModel
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import plain_label, plain_tooltip
from desktop.qt.shell.crash import contained
from desktop.qt.shell.selection import SelectionState

LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # (heading, title, details) drawn by the delegate
PAD = 6
GAP = 2
LAYOUT_BATCH = 25  # rows of the events list laid out per turn of the event loop
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class _EventDelegate(QStyledItemDelegate):
    """Three wrapped lines per event: small heading, title, small details."""

    def __init__(self, view: QListView):
        super().__init__(view)
        self.view = view

    @staticmethod
    def _fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
        small = QFont(base)
        if base.pointSizeF() > 0:
            small.setPointSizeF(base.pointSizeF() * 0.88)
        title = QFont(base)
        title.setBold(True)
        return small, title, small

    def _heights(self, option: QStyleOptionViewItem, lines: tuple[str, ...], width: int) -> list[int]:
        return [QFontMetrics(font).boundingRect(QRect(0, 0, width, 100_000), _WRAP, text).height()
                for font, text in zip(self._fonts(option.font), lines, strict=True)]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        lines = index.data(LINES_ROLE)
        if not lines:
            return super().sizeHint(option, index)
        width = max(80, self.view.viewport().width() - 2 * PAD)
        heights = self._heights(option, lines, width)
        return QSize(width + 2 * PAD, sum(heights) + GAP * (len(heights) - 1) + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        lines = index.data(LINES_ROLE)
        if not lines:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        main = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        muted = main if selected else opt.palette.color(QPalette.ColorRole.PlaceholderText)
        rect = opt.rect.adjusted(PAD, PAD, -PAD, -PAD)
        heights = self._heights(opt, lines, rect.width())
        painter.save()
        y = rect.top()
        for font, color, text, height in zip(self._fonts(opt.font), (muted, main, muted), lines, heights, strict=True):
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRect(rect.left(), y, rect.width(), height), _WRAP, text)
            y += height + GAP
        painter.restore()


class EventsModel(IdListModel):
    """The events of a list query, one row each: the (heading, title, details) lines that ``describe`` makes of
    an event (and its summary as the tooltip), made when the row is first shown."""

    def __init__(self, repo: Repository, lists: RecordLists, query: ListQuery,
                 describe: Callable[[Event], tuple[tuple[str, str, str], str]], parent=None):
        self.repo, self.describe = repo, describe
        super().__init__(lists, query, parent)

    def fetch_rows(self, ids: list[int]) -> dict[int, object]:
        return {i: self.describe(event) for i, event in self.repo.events_by_id(ids).items()}

    def text(self, row: int) -> str:
        found = self.record(row)
        return "\n".join(found[0]) if found else ""  # type: ignore[index]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (LINES_ROLE, Qt.ItemDataRole.ToolTipRole) and index.isValid() \
                and 0 <= index.row() < self.rowCount():
            found = self.record(index.row())
            if found is None:
                return None
            lines: tuple[str, str, str] = found[0]  # type: ignore[index]
            tooltip: str = found[1]  # type: ignore[index]
            return lines if role == LINES_ROLE else tooltip or None
        return super().data(index, role)


class EventsView(QWidget):
    """The selected partner's events (all partners' when none is selected), newest first."""

    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.lists = RecordLists(repo.db)
        self.selection = selection
        self._syncing = False
        self._lang = current_language()
        self._conflicted: set[int] = set()
        self._names: dict[str, str] | None = None  # the partners' names, when every partner's events are listed
        self._kinds: dict[str, Label] = {}

        self.header = plain_label(QLabel(self, wordWrap=True))  # names from the data
        self.header.setObjectName("eventsHeader")
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.show_all = QPushButton(self)
        self.show_all.setObjectName("eventsShowAll")
        self.show_all.clicked.connect(self._clear_event)
        self.list = QListView(self)
        self.list.setObjectName("eventsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # the rows after the first screenful are laid out a batch per turn of the event loop, not all at once
        self.list.setLayoutMode(QListView.LayoutMode.Batched)
        self.list.setBatchSize(LAYOUT_BATCH)
        self.list.setItemDelegate(_EventDelegate(self.list))
        self.list.viewport().installEventFilter(self)
        self.empty = plain_label(QLabel(self, wordWrap=True))
        self.empty.setObjectName("eventsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFrameShape(QFrame.Shape.StyledPanel)

        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.show_all, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)

        selection.partner_selected.connect(self._partner_selected)
        selection.corridor_selected.connect(self._partner_selected)
        selection.node_selected.connect(self._partner_selected)
        selection.event_selected.connect(self._sync_from_selection)
        # the model last: the list lays its rows out once, when the first reload has set what they say
        self.model = EventsModel(repo, self.lists, self._query(), self._describe, self)
        self.list.setModel(self.model)
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._list_selection_changed())
        self._reload()

    # ------------------------------------------------------------------ accessors for tests

    def event_ids(self) -> list[int]:
        """The ids of the events listed so far (the list's pages loaded), in display order."""
        return self.model.ids()

    def item_texts(self) -> list[str]:
        return [self.model.text(row) for row in range(self.model.rowCount())]

    def selected_event_id(self) -> int | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def lists_event(self, event_id: int) -> bool:
        """Whether the list holds an event (or the event another source's version stands for), on any page."""
        return self.lists.contains(self.model.query, self.lists.preferred_id("event", event_id))

    # ------------------------------------------------------------------ events

    def records_changed(self, changes: Changes) -> None:
        """After an edit: the list shows the stored events and their counts."""
        if changes.touches(Kind.EVENT, Kind.AGREEMENT, Kind.PARTNER, Kind.SOURCE, Kind.NODE, Kind.CORRIDOR):
            self._partner_selected(None)

    @contained
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.selection.current_event is not None:
            self._clear_event()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press on the row of the selected event clears the event (a toggle)."""
        if (watched is self.list.viewport() and event.type() == QEvent.Type.MouseButtonPress
                and isinstance(event, QMouseEvent) and event.button() == Qt.MouseButton.LeftButton):
            index = self.list.indexAt(event.position().toPoint())
            current = self.selection.current_event
            if index.isValid() and current is not None \
                    and self.model.row_of(self.lists.preferred_id("event", current)) == index.row():
                self._clear_event()
                return True
        return super().eventFilter(watched, event)

    def _clear_event(self) -> None:
        self.selection.select_event(None)

    def _list_selection_changed(self) -> None:
        if self._syncing:
            return
        event_id = self.selected_event_id()
        if event_id is not None:
            self.selection.select_event(event_id)
        elif self.selection.current_event is not None and self.lists_event(self.selection.current_event):
            self.selection.select_event(None)

    def _sync_from_selection(self, event_id: object = None) -> None:
        """Select the row of the event chosen elsewhere (another source's version: the row of the event it stands
        for), loading the pages up to it; none when the list does not hold it."""
        row = self.model.reveal(self.lists.preferred_id("event", event_id)) if isinstance(event_id, int) else -1
        self._syncing = True
        try:
            if row < 0:
                self.list.clearSelection()
                self.list.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index(row)
                self.list.setCurrentIndex(index)
                self.list.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False
        self.show_all.setEnabled(self.selection.current_event is not None)

    # ------------------------------------------------------------------ building

    def _partner_selected(self, _value: object) -> None:
        """A partner, corridor or node was chosen: list its events."""
        self._reload()
        if self.selection.current_event is not None and not self.lists_event(self.selection.current_event):
            self.selection.select_event(None)  # the event is not one of the new partner's or place's

    def _place_name(self, lang: str) -> str | None:
        if self.selection.node is not None:
            node = self.repo.node(self.selection.node)
            return node.name(lang) if node else None
        if self.selection.corridor is not None:
            corridor = self.repo.corridor(self.selection.corridor)
            return corridor.name(lang) if corridor else None
        return None

    def _query(self) -> ListQuery:
        """The events listed: the selected partner's (every partner's when none), linked to the selected place,
        other sources' versions left out (they show in their preferred event's row)."""
        return ListQuery("event", partner=self.selection.partner, lang=current_language(),
                         corridor_id=self.selection.corridor, node_id=self.selection.node, preferred_only=True)

    def _reload(self, _iso3: object = None) -> None:
        lang = self._lang = current_language()
        iso3 = self.selection.partner
        partner = self.repo.partner(iso3) if iso3 else None
        partner_name = partner.name(lang) if partner else iso3
        place_name = self._place_name(lang)
        query = self._query()
        total = self.lists.count(query)
        self._conflicted = self.repo.conflicted_ids("event")
        self._kinds = self.repo.labels("event_kinds")
        self._names = {p.iso3: p.name(lang) for p in self.repo.partners()} if iso3 is None else None
        self.show_all.setText(self.tr("Show all events"))
        self.show_all.setToolTip(self.tr("Clear the selected event (Esc)"))
        loc = self.locale()
        if place_name and iso3:
            header = self.tr("Events of {partner} linked to {place}: {n}").format(
                partner=partner_name, place=place_name, n=loc.toString(total))
        elif place_name:
            header = self.tr("Events linked to {place}: {n}").format(place=place_name, n=loc.toString(total))
        elif iso3:
            header = self.tr("Events of {partner}: {n}").format(partner=partner_name, n=loc.toString(total))
        else:
            header = self.tr("Events of all partners: {n}").format(n=loc.toString(total))
        other = self.repo.other_versions("event", iso3) if not place_name else 0
        if other:
            header += " " + self.tr("(+{n} other sources' versions)").format(n=loc.toString(other))
        self.header.setText(header)
        if place_name:
            self.empty.setText(self.tr("No recorded event is linked to {place}.").format(place=place_name))
        else:
            self.empty.setText(self.tr("No events are recorded for {partner}.").format(partner=partner_name)
                               if iso3 else self.tr("No events are recorded."))
        self._syncing = True
        try:
            self.model.set_query(query)
        finally:
            self._syncing = False
        self.list.setVisible(total > 0)
        self.empty.setVisible(not total)
        self._sync_from_selection(self.selection.current_event)

    def _describe(self, event: Event) -> tuple[tuple[str, str, str], str]:
        """A row's lines and tooltip (the summary, plain text), in the language of the last reload."""
        lines = self._lines(event, self._alternatives(event), self._lang, self._kinds, self._names)
        summary = pick(self._lang, event.summary_en, event.summary_ru)
        return lines, plain_tooltip(summary) if summary else ""

    def _alternatives(self, event: Event) -> list:
        if event.id not in self._conflicted:
            return []
        alts = self.repo.alternatives("event", event.id)
        return [a for a in alts if a.record_id != event.id] if len(alts) >= 2 else []

    def _lines(self, event: Event, alternatives: list, lang: str, kinds: dict[str, Label],
               names: dict[str, str] | None) -> tuple[str, str, str]:
        others = [a.summary for a in alternatives]
        kind = self._kind(event.kind, kinds, lang)
        other_kinds = sorted({self._kind(s.get("kind"), kinds, lang) for s in others} - {kind})
        if other_kinds:
            kind = self.tr("{kind} (another source: {other})").format(kind=kind, other=", ".join(other_kinds))
        heading = [self._dates(event.date_start, event.date_end), kind]
        if names is not None and event.partners:
            heading.append(", ".join(names.get(p, p) for p in event.partners))
        title = self._text(event.title_en, event.title_ru, lang) or self.tr("untitled")
        place = self._text(event.place_en, event.place_ru, lang) or self.tr("place not recorded")
        counts = sorted({s.get("documents_signed") for s in others} - {event.documents_signed, None})
        details = [place, self._documents(event.documents_signed, counts), self._agreements(event.agreement_count)]
        return " · ".join(heading), title, " · ".join(details)

    def _kind(self, code: str | None, kinds: dict[str, Label], lang: str) -> str:
        if code is None:
            return self.tr("kind not recorded")
        return kinds[code].pick(lang) if code in kinds else code

    def _text(self, en: str | None, ru: str | None, lang: str) -> str:
        """A data text in the interface language, or the other language marked as such."""
        text, other = pick_marked(lang, en, ru)
        if text is None or other is None:
            return text or ""
        marker = {"en": self.tr("[EN]"), "ru": self.tr("[RU]")}.get(other, f"[{other.upper()}]")
        return self.tr("{text} {marker}").format(text=text, marker=marker)

    def _dates(self, start: str | None, end: str | None) -> str:
        if not start:
            return self.tr("date not recorded")
        locale = QLocale()
        first = format_partial_date(start, locale)
        if not end or end == start:
            return first
        last = format_partial_date(end, locale)
        if len(start) == len(end) == 10 and start[:7] == end[:7]:
            return self.tr("{start}–{end}").format(start=int(start[8:]), end=last)
        return self.tr("{start} – {end}").format(start=first, end=last)

    def _documents(self, n: int | None, others: list[int]) -> str:
        if n is None:
            text = self.tr("documents signed: not recorded")
        elif n == 1:
            text = self.tr("1 document signed")
        else:
            text = self.tr("{n} documents signed").format(n=n)
        if others:
            text = self.tr("{count} (another source: {other})").format(
                count=text, other=", ".join(str(o) for o in others))
        return text

    def _agreements(self, n: int) -> str:
        if n == 0:
            return self.tr("no agreements recorded")
        if n == 1:
            return self.tr("1 agreement recorded")
        return self.tr("{n} agreements recorded").format(n=n)
