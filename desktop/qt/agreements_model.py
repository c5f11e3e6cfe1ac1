"""The agreements table model: holds the ordered ids a query returned and fetches rows lazily.

Ids arrive page by page (keyset cursors, through Qt's canFetchMore/fetchMore), row contents in
blocks of ROW_BLOCK ids with a small cache; sorting and filtering happen in SQL. The model never
loads the whole table.
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.dates import Precision, precision_of
from desktop.core.records import AgreementRow
from desktop.data.agreements import PAGE_SIZE, AgreementQuery, Cursor
from desktop.data.repository import Repository

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("date", "partner", "title", "doc_type", "level", "sectors", "status", "event", "count")
ROW_BLOCK = 100
CACHED_BLOCKS = 20
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def format_partial_date(iso: str | None, locale: QLocale) -> str:
    """A partial date at its precision in the locale: '2025', 'Apr 2025', '29 Apr 2025'."""
    if not iso:
        return ""
    precision = precision_of(iso)
    parts = [int(p) for p in iso.split("-")]
    if precision is Precision.YEAR:
        return str(parts[0])
    month = locale.monthName(parts[1], QLocale.FormatType.ShortFormat)
    if precision is Precision.MONTH:
        return f"{month} {parts[0]}"
    return f"{parts[2]} {month} {parts[0]}"


class AgreementsModel(QAbstractTableModel):
    def __init__(self, repo: Repository, lang: str = "en", parent=None):
        super().__init__(parent)
        self.repo = repo
        self.lang = lang
        self.locale = QLocale(QLocale.Language.Russian if lang == "ru" else QLocale.Language.English)
        self.query = AgreementQuery(lang=lang)
        self.total = 0
        self._ids: list[int] = []
        self._next: Cursor | None = None
        self._blocks: OrderedDict[int, dict[int, AgreementRow]] = OrderedDict()
        self._labels = {name: repo.labels(name) for name in
                        ("doc_types", "agreement_levels", "agreement_statuses", "sectors")}
        self._partner_names = {p.iso3: p.name(lang) for p in repo.partners()}

    # ------------------------------------------------------------------ query

    def set_query(self, query: AgreementQuery) -> None:
        """Run a query (first page and total) and show its result."""
        query = query.with_(lang=self.lang)
        result = self.repo.agreements.search(query, PAGE_SIZE)
        self.set_result(query, result.ids, result.next, result.total)

    def set_result(self, query: AgreementQuery, ids: list[int], next_cursor: Cursor | None, total: int) -> None:
        """Show a result computed elsewhere (e.g. by a search worker)."""
        self.beginResetModel()
        self.query = query
        self._ids = list(ids)
        self._next = next_cursor
        self.total = total
        self._blocks.clear()
        self.endResetModel()

    def id_at(self, row: int) -> int:
        return self._ids[row]

    # ------------------------------------------------------------------ lazy ids

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._next is None:
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

    def row_record(self, row: int) -> AgreementRow | None:
        block = row // ROW_BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            ids = self._ids[block * ROW_BLOCK:(block + 1) * ROW_BLOCK]
            cached = {r.id: r for r in self.repo.agreements.rows(ids, lang=self.lang)}
            self._blocks[block] = cached
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._ids[row])

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(COLUMNS):
            return None
        return (self.tr("Date"), self.tr("Partner"), self.tr("Title"), self.tr("Type"), self.tr("Level"),
                self.tr("Sectors"), self.tr("Status"), self.tr("Event"), self.tr("Documents"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids) or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self.row_record(index.row())
        if record is None:
            return None
        return self._display(record, COLUMNS[index.column()])

    def _label(self, vocabulary: str, code: str | None) -> str:
        if not code:
            return self.tr("unknown")
        en, ru = self._labels[vocabulary].get(code, (code, code))
        return ru if self.lang == "ru" else en

    def _title(self, r: AgreementRow) -> str:
        mine, other = (r.title_ru, r.title_en) if self.lang == "ru" else (r.title_en, r.title_ru)
        if mine:
            return mine
        if other:
            return self.tr("[{lang}] {title}").format(lang="EN" if self.lang == "ru" else "RU", title=other)
        return f"[KK] {r.title_kk}" if r.title_kk else ""

    def _display(self, r: AgreementRow, column: str) -> str:
        if column == "date":
            return format_partial_date(r.date_signed, self.locale) or self.tr("unknown")
        if column == "partner":
            return ", ".join(self._partner_names.get(p, p) for p in r.partners)
        if column == "title":
            return self._title(r)
        if column == "doc_type":
            return self._label("doc_types", r.doc_type)
        if column == "level":
            return self._label("agreement_levels", r.level)
        if column == "sectors":
            return ", ".join(self._label("sectors", s) for s in r.sectors)
        if column == "status":
            return self._label("agreement_statuses", r.status)
        if column == "event":
            return (r.event_title_ru or r.event_title_en if self.lang == "ru" else r.event_title_en or r.event_title_ru) or ""
        return str(r.doc_count)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        key = {"doc_type": "doc_type", "count": "count"}.get(COLUMNS[column], COLUMNS[column])
        self.set_query(self.query.with_(sort=key, descending=order == Qt.SortOrder.DescendingOrder))
