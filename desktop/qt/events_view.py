"""The events list in the sidebar: visits, council meetings and summits of the selected partner.

Newest first. Each row says the date at its precision, the kind, the title, the place and the
documents signed (with the counts other sources give when an event is in a conflict group) and
the agreements the database links to it. Selecting a row selects the event; selecting it again,
Escape or "Show all events" clears the event.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import Event, Label, pick, pick_marked
from desktop.data.repository import Repository
from desktop.qt.agreements_model import format_partial_date
from desktop.qt.crash import contained
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import plain_label, plain_tooltip
from desktop.qt.selection import SelectionState

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # (heading, title, details) drawn by the delegate
EVENT_LIMIT = 300  # newest events listed; the header says when there are more
PAD = 6
GAP = 2
_WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignTop)


class _EventDelegate(QStyledItemDelegate):
    """Three wrapped lines per event: small heading, title, small details."""

    def __init__(self, view: QListWidget):
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
                for font, text in zip(self._fonts(option.font), lines)]

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
        for font, color, text, height in zip(self._fonts(opt.font), (muted, main, muted), lines, heights):
            painter.setFont(font)
            painter.setPen(color)
            painter.drawText(QRect(rect.left(), y, rect.width(), height), _WRAP, text)
            y += height + GAP
        painter.restore()


class EventsView(QWidget):
    """The selected partner's events (all partners' when none is selected), newest first."""

    def __init__(self, repo: Repository, selection: SelectionState, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.selection = selection
        self._rows: dict[int, int] = {}  # event id (alternatives too) -> row
        self._syncing = False

        self.header = plain_label(QLabel(self, objectName="eventsHeader", wordWrap=True))  # names from the data
        font = self.header.font()
        font.setBold(True)
        self.header.setFont(font)
        self.show_all = QPushButton(self, objectName="eventsShowAll")
        self.show_all.clicked.connect(self._clear_event)
        self.list = QListWidget(self, objectName="eventsList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setItemDelegate(_EventDelegate(self.list))
        self.list.itemSelectionChanged.connect(self._list_selection_changed)
        self.list.viewport().installEventFilter(self)
        self.empty = plain_label(QLabel(self, objectName="eventsEmpty", wordWrap=True))
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
        self._reload()

    # ------------------------------------------------------------------ accessors for tests

    def event_ids(self) -> list[int]:
        """The ids of the listed events in display order."""
        return [self.list.item(i).data(ID_ROLE) for i in range(self.list.count())]

    def item_texts(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def selected_event_id(self) -> int | None:
        items = self.list.selectedItems()
        return items[0].data(ID_ROLE) if items else None

    # ------------------------------------------------------------------ events

    def records_changed(self, changes) -> None:
        """After an edit: the list shows the stored events and their counts."""
        if changes.touches("event", "agreement", "partner", "source", "node", "corridor"):
            self._partner_selected(None)

    @contained
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange:
            self._reload()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.selection.event is not None:
            self._clear_event()
            event.accept()
            return
        super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A press on the row of the selected event clears the event (a toggle)."""
        if (watched is self.list.viewport() and event.type() == QEvent.Type.MouseButtonPress
                and event.button() == Qt.MouseButton.LeftButton):
            index = self.list.indexAt(event.position().toPoint())
            if index.isValid() and self.selection.event is not None \
                    and self._rows.get(self.selection.event) == index.row():
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
        elif self.selection.event in self._rows:
            self.selection.select_event(None)

    def _sync_from_selection(self, event_id: object = None) -> None:
        row = self._rows.get(event_id) if event_id is not None else None
        self._syncing = True
        try:
            if row is None:
                self.list.clearSelection()
                self.list.setCurrentItem(None)
            else:
                self.list.setCurrentRow(row)
                self.list.scrollToItem(self.list.item(row), QAbstractItemView.ScrollHint.EnsureVisible)
        finally:
            self._syncing = False
        self.show_all.setEnabled(self.selection.event is not None)

    # ------------------------------------------------------------------ building

    def _partner_selected(self, _value: object) -> None:
        """A partner, corridor or node was chosen: list its events."""
        self._reload()
        if self.selection.event is not None and self.selection.event not in self._rows:
            self.selection.select_event(None)  # the event is not one of the new partner's or place's

    def _place_name(self, lang: str) -> str | None:
        if self.selection.node is not None:
            node = self.repo.node(self.selection.node)
            return node.name(lang) if node else None
        if self.selection.corridor is not None:
            corridor = self.repo.corridor(self.selection.corridor)
            return corridor.name(lang) if corridor else None
        return None

    def _reload(self, _iso3: object = None) -> None:
        lang = current_language()
        iso3 = self.selection.partner
        partner = self.repo.partner(iso3) if iso3 else None
        partner_name = partner.name(lang) if partner else iso3
        place = {"corridor_id": self.selection.corridor, "node_id": self.selection.node}
        place_name = self._place_name(lang)
        events = self.repo.events(iso3, limit=EVENT_LIMIT, **place)
        total = self.repo.event_count(iso3, **place) if len(events) == EVENT_LIMIT else len(events)
        self._conflicted = self.repo.conflicted_ids("event")
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
        if total > len(events):
            header += " " + self.tr("(newest {shown} listed)").format(shown=loc.toString(len(events)))
        other = self.repo.other_versions("event", iso3) if not place_name else 0
        if other:
            header += " " + self.tr("(+{n} other sources' versions)").format(n=loc.toString(other))
        self.header.setText(header)
        if place_name:
            self.empty.setText(self.tr("No recorded event is linked to {place}.").format(place=place_name))
        else:
            self.empty.setText(self.tr("No events are recorded for {partner}.").format(partner=partner_name)
                               if iso3 else self.tr("No events are recorded."))
        kinds = self.repo.labels("event_kinds")
        names = {p.iso3: p.name(lang) for p in self.repo.partners()}
        self._syncing = True
        try:
            self.list.clear()
            self._rows = {}
            for row, event in enumerate(events):
                alternatives = self._alternatives(event)
                lines = self._lines(event, alternatives, lang, kinds, names if iso3 is None else None)
                item = QListWidgetItem("\n".join(lines))
                item.setData(ID_ROLE, event.id)
                item.setData(LINES_ROLE, lines)
                summary = pick(lang, event.summary_en, event.summary_ru)
                if summary:
                    item.setToolTip(plain_tooltip(summary))
                self.list.addItem(item)
                self._rows[event.id] = row
                for alt in alternatives:
                    self._rows.setdefault(alt.record_id, row)
        finally:
            self._syncing = False
        self.list.setVisible(bool(events))
        self.empty.setVisible(not events)
        self._sync_from_selection(self.selection.event)

    def _alternatives(self, event: Event) -> list:
        if event.id not in self._conflicted:
            return []
        alts = self.repo.alternatives("event", event.id)
        return [a for a in alts if a.record_id != event.id] if len(alts) >= 2 else []

    def _lines(self, event: Event, alternatives: list, lang: str, kinds: dict[str, tuple[str, str]],
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
