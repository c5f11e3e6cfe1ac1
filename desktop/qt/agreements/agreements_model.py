"""The agreements table model: holds the ordered ids a query returned and fetches rows lazily.

Ids arrive page by page (keyset cursors, through Qt's canFetchMore/fetchMore), row contents in
blocks of ROW_BLOCK ids with a small cache; sorting and filtering happen in SQL. The model never
loads the whole table.
"""
from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Signal

from desktop.core.records import AgreementRow
from desktop.data.agreements import PAGE_SIZE, AgreementQuery, Cursor
from desktop.data.repository import Repository
from desktop.qt.i18n import locale_for
from desktop.qt.lazyqt import ALIGN_RIGHT_VCENTER, DISPLAY_ROLE, TEXT_ALIGNMENT_ROLE, TOOLTIP_ROLE, USER_ROLE, Qt
from desktop.qt.plaintext import plain_tooltip

Index = QModelIndex | QPersistentModelIndex
_Cached = list[Any]  # a row kept: [its AgreementRow, its display texts (made on its first paint) or None]

COLUMNS = ("date", "partner", "title", "doc_type", "level", "sectors", "status", "event", "count")
ROW_BLOCK = 100
CACHED_BLOCKS = 20
# plain numbers (data() runs for every cell painted, and Qt's enums are not built before the first paint)
_DISPLAY, _TOOLTIP, _ALIGN, _RIGHT = DISPLAY_ROLE, TOOLTIP_ROLE, TEXT_ALIGNMENT_ROLE, ALIGN_RIGHT_VCENTER
ID_ROLE = _ID = USER_ROLE + 1
_COUNT_COLUMN = COLUMNS.index("count")


def format_partial_date(iso: str | None, locale: QLocale) -> str:
    """A partial date at its precision in the locale: '2025', 'Apr 2025', '29 Apr 2025'."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]  # stored dates are normalised: YYYY, YYYY-MM or YYYY-MM-DD
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:  # the month on its own: "май 2012", not "мая 2012"
        return f"{locale.standaloneMonthName(parts[1], QLocale.FormatType.ShortFormat)} {parts[0]}"
    month = locale.monthName(parts[1], QLocale.FormatType.ShortFormat)
    return f"{parts[2]} {month} {parts[0]}"


class RowTexts:
    """The display texts of a row, one per column: a plain callable that holds everything it needs
    (language, labels, partner names, translated words), so the search worker can make them too."""

    def __init__(self, lang: str, labels: dict, partner_names: dict[str, str], unknown: str,
                 fallback: str, working: str = "≈ {title} (unofficial translation)"):
        self.lang = lang
        self.locale = locale_for(lang)
        self.labels = labels
        self.partner_names = partner_names
        self.unknown = unknown  # "unknown"
        self.fallback = fallback  # "[{lang}] {title}"
        # "≈ {title} (unofficial translation)": our working translation, marked at both ends (a narrow column
        # cuts the words at the end, never the "≈"; the cell's tooltip has them whole)
        self.working = working

    def __call__(self, r: AgreementRow) -> tuple[str, ...]:
        ru = self.lang in ("ru", "kk")  # a Kazakh reader is shown Russian where there is no Kazakh
        label = self._label
        return (format_partial_date(r.date_signed, self.locale) or self.unknown,
                ", ".join(self.partner_names.get(p, p) for p in r.partners),
                self._title(r, ru),
                label("doc_types", r.doc_type),
                label("agreement_levels", r.level),
                ", ".join(label("sectors", s) for s in r.sectors),
                label("agreement_statuses", r.status),
                (r.event_title_ru or r.event_title_en if ru else r.event_title_en or r.event_title_ru) or "",
                str(r.doc_count))

    def _label(self, vocabulary: str, code: str | None) -> str:
        if not code:
            return self.unknown
        label = self.labels[vocabulary].get(code)
        return label.pick(self.lang) if label else code

    def _title(self, r: AgreementRow, ru: bool) -> str:
        if self.lang == "kk":
            if r.title_kk:
                return r.title_kk
            if r.title_kk_working:
                return self.working.format(title=r.title_kk_working)
        mine, other = (r.title_ru, r.title_en) if ru else (r.title_en, r.title_ru)
        if mine:
            return mine if self.lang != "kk" else self.fallback.format(lang="RU", title=mine)
        if self.lang == "ru" and r.title_ru_working:
            return self.working.format(title=r.title_ru_working)
        if other:
            return self.fallback.format(lang="EN" if ru else "RU", title=other)
        return f"[KK] {r.title_kk}" if r.title_kk else ""


class AgreementsModel(QAbstractTableModel):
    """The table of agreements.

    By default it runs its queries itself (scripts, tests). With ``asynchronous=True`` it only asks:
    ``more_requested`` when the view scrolls near the end, ``sort_requested`` when a header is
    clicked; whoever runs the queries (a search worker) answers with :meth:`set_result` and
    :meth:`append_page`.
    """

    more_requested = Signal(object, object)  # query, cursor
    sort_requested = Signal(str, bool)  # sort key, descending

    def __init__(self, repo: Repository, lang: str = "en", parent=None, *, asynchronous: bool = False):
        super().__init__(parent)
        self.repo = repo
        self.asynchronous = asynchronous
        self.query = AgreementQuery(lang=lang)
        self.total = 0
        self._ids: list[int] = []
        self._next: Cursor | None = None
        self._pending = False
        self._blocks: OrderedDict[int, dict[int, _Cached]] = OrderedDict()
        self._labels = {name: repo.labels(name) for name in
                        ("doc_types", "agreement_levels", "agreement_statuses", "sectors")}
        self._partners = repo.partners()
        self._use_language(lang)

    def set_language(self, lang: str) -> None:
        """Show titles, labels and dates in another language (the rows stay where they are)."""
        self._use_language(lang)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def _use_language(self, lang: str) -> None:
        self.lang = lang
        self.locale = locale_for(lang)
        self._partner_names = {p.iso3: p.name(lang) for p in self._partners}
        self.texts = RowTexts(lang, self._labels, self._partner_names, self.tr("unknown"),
                              self.tr("[{lang}] {title}"), self.tr("≈ {title} (unofficial translation)"))
        self.query = self.query.with_(lang=lang)
        self._blocks.clear()

    def refresh_rows(self) -> None:
        """Forget cached rows (after the records changed) and repaint."""
        self._blocks.clear()
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # ------------------------------------------------------------------ query

    def set_query(self, query: AgreementQuery) -> None:
        """Run a query (first page and total) and show its result."""
        query = query.with_(lang=self.lang)
        result = self.repo.agreements.search(query, PAGE_SIZE)
        self.set_result(query, result.ids, result.next, result.total)

    def set_result(self, query: AgreementQuery, ids: list[int], next_cursor: Cursor | None, total: int,
                   rows: list[AgreementRow] | None = None) -> None:
        """Show a result computed elsewhere (e.g. by a search worker)."""
        self.beginResetModel()
        self.query = query
        self._ids = list(ids)
        self._next = next_cursor
        self._pending = False
        self.total = total
        self._blocks.clear()
        if rows:
            self.prime_rows(0, rows)
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, agreement_id: int) -> int:
        """The row of an id among those loaded so far, or -1."""
        try:
            return self._ids.index(agreement_id)
        except ValueError:
            return -1

    def loaded_count(self) -> int:
        return len(self._ids)

    def append_page(self, ids: list[int], next_cursor: Cursor | None, rows: list[AgreementRow] | None = None) -> None:
        """Add the next page of ids (the answer to ``more_requested``), with their rows if fetched."""
        self._pending = False
        if ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(ids) - 1)
            self._ids.extend(ids)
            if rows:
                self.prime_rows(first, rows)
            self._next = next_cursor
            self.endInsertRows()
        else:
            self._next = None

    # ------------------------------------------------------------------ lazy ids

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None and not self._pending

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._next is None or self._pending:
            return
        if self.asynchronous:
            self._pending = True
            self.more_requested.emit(self.query, self._next)
            return
        page = self.repo.agreements.page(self.query, self._next, PAGE_SIZE)
        if page.ids:
            first = len(self._ids)
            self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
            self._ids.extend(page.ids)
            self._next = page.next
            self.endInsertRows()
        else:
            self._next = None

    # ------------------------------------------------------------------ lazy rows

    def _block(self, row: int) -> dict[int, _Cached]:
        block = row // ROW_BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self._ids[block * ROW_BLOCK:(block + 1) * ROW_BLOCK]
            cached = self._cache_rows(block, self.repo.agreements.rows(ids, lang=self.lang))
        else:
            self._blocks.move_to_end(block)
        return cached

    def _cache_rows(self, block: int, rows: list[Any]) -> dict[int, _Cached]:
        """Keep a block's rows: records, or (record, display texts) pairs made by the search worker with
        this model's ``texts``; texts not made yet are made on the row's first paint and kept."""
        cached = {r.id: [r, None] for r in rows} if rows and isinstance(rows[0], AgreementRow) else \
            {r.id: [r, t] for r, t in rows}
        self._blocks[block] = cached
        while len(self._blocks) > CACHED_BLOCKS:
            self._blocks.popitem(last=False)
        return cached

    def prime_rows(self, first_row: int, rows: list) -> None:
        """Take rows fetched elsewhere (by the search worker) for the ids from ``first_row`` on: records,
        or (record, texts) pairs made with this model's ``texts``."""
        if first_row % ROW_BLOCK:
            return
        if rows and not isinstance(rows[0], AgreementRow) and getattr(rows, "made_by", None) is not self.texts:
            rows = [r for r, _ in rows]  # made for another language: made again on first paint
        for start in range(0, len(rows), ROW_BLOCK):
            chunk = rows[start:start + ROW_BLOCK]
            block = (first_row + start) // ROW_BLOCK
            if len(chunk) == len(self._ids[block * ROW_BLOCK:(block + 1) * ROW_BLOCK]):
                self._cache_rows(block, chunk)

    def row_record(self, row: int) -> AgreementRow | None:
        found = self._block(row).get(self._ids[row])
        return found[0] if found else None

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY_ROLE):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == _TOOLTIP and COLUMNS[section] == "count":
            return self.tr("Number of documents (a package holds several)")
        if role != _DISPLAY:
            return None
        return self.header_texts()[section]

    def header_texts(self) -> tuple[str, ...]:
        """The column titles in the current language."""
        return (self.tr("Date"), self.tr("Partner"), self.tr("Title"), self.tr("Type"), self.tr("Level"),
                self.tr("Sectors"), self.tr("Status"), self.tr("Event"), self.tr("Docs"))

    def data(self, index: Index, role: int = DISPLAY_ROLE):
        # Called for every role of every visible cell on each paint: the cheap exits come first.
        if role != _DISPLAY and role != _TOOLTIP and role != _ID and role != _ALIGN:
            return None
        row, column = index.row(), index.column()
        if not index.isValid() or not 0 <= row < len(self._ids) or not 0 <= column < len(COLUMNS):
            return None
        if role == _ID:
            return self._ids[row]
        if role == _ALIGN:
            return _RIGHT if column == _COUNT_COLUMN else None
        text = self._text(row, column)
        # the delegate paints the cell as plain text; a tooltip would be rendered as HTML if it looked like it
        return plain_tooltip(text) if role == _TOOLTIP and text else text

    def _text(self, row: int, column: int) -> str | None:
        found = self._block(row).get(self._ids[row])
        if found is None:
            return None
        texts = found[1]
        if texts is None:
            texts = found[1] = self.texts(found[0])
        return texts[column]

    def multiData(self, index: Index, span) -> None:
        """All the roles a delegate asks for, in one call per cell (instead of seven data() calls)."""
        row, column = index.row(), index.column()
        valid = index.isValid() and 0 <= row < len(self._ids) and 0 <= column < len(COLUMNS)
        text = self._text(row, column) if valid else None
        for item in span:
            role = item.role()
            if valid and role == _DISPLAY and text is not None:
                item.setData(text)
            elif valid and role == _TOOLTIP and text:
                item.setData(plain_tooltip(text))
            elif valid and role == _ALIGN and column == _COUNT_COLUMN:
                item.setData(_RIGHT)
            elif valid and role == _ID:
                item.setData(self._ids[row])
            else:
                item.clearData()

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:  # None: ascending
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column]
        descending = order is not None and order == Qt.SortOrder.DescendingOrder
        if self.asynchronous:
            self.sort_requested.emit(key, descending)
            return
        self.set_query(self.query.with_(sort=key, descending=descending))
