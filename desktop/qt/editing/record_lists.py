"""Lazy list models over the ids of a list query (desktop.data.lists), for the lists that can hold thousands of
rows: the record browser, the forms' long choosers and the events list.

Like the agreements table's model, they hold the ids shown so far: ids arrive page by page (keyset pages,
through Qt's canFetchMore/fetchMore), row contents in blocks of ROW_BLOCK ids with a small cache. Filtering
and ordering happen in SQL; no model ever loads the whole list unless asked to (:meth:`IdListModel.fetch_all`,
for tests and small lists).
"""
from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from desktop.data.lists import PAGE_SIZE, ListQuery, RecordLists
from desktop.qt.plaintext import plain_tooltip

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_BLOCK = 100
CACHED_BLOCKS = 20
_DISPLAY, _EDIT, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole


class IdListModel(QAbstractListModel):
    """The records of a :class:`ListQuery`, one row each, shown by their one-line labels."""

    def __init__(self, lists: RecordLists, query: ListQuery, parent=None):
        super().__init__(parent)
        self.lists = lists
        self.query = query
        self._ids: list[int] = []
        self._next: tuple | None = None
        self._blocks: OrderedDict[int, dict[int, object]] = OrderedDict()
        self._load_first_page()

    # ------------------------------------------------------------------ the query

    def set_query(self, query: ListQuery) -> None:
        """Show another list (or the same one afresh, after the records changed): its first page."""
        self.beginResetModel()
        self.query = query
        self._load_first_page()
        self.endResetModel()

    def refresh(self) -> None:
        """Read the list again (the records changed): from its first page, every cached row forgotten."""
        self.set_query(self.query)

    def _load_first_page(self) -> None:
        page = self.lists.page(self.query, None, PAGE_SIZE)
        self._ids, self._next = list(page.ids), page.next
        self._blocks.clear()

    def ids(self) -> list[int]:
        """The ids listed so far, in order."""
        return list(self._ids)

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, record_id: object) -> int:
        """The row of an id among those loaded so far, or -1."""
        try:
            return self._ids.index(record_id)  # type: ignore[arg-type]
        except ValueError:
            return -1

    def reveal(self, record_id: object) -> int:
        """The row of a record, loading the pages up to it when the list holds it further down; -1 when the list
        does not hold it."""
        row = self.row_of(record_id)
        if row >= 0 or self._next is None or not isinstance(record_id, int):
            return row
        position = self.lists.position(self.query, record_id)
        if position < 0:
            return -1
        self._append(self.lists.page(self.query, self._next, position - len(self._ids) + PAGE_SIZE))
        return self.row_of(record_id)

    def fetch_all(self) -> None:
        """Load every remaining page (for tests and small lists: a long list is never read whole)."""
        while self._next is not None:
            self._append(self.lists.page(self.query, self._next, 5000))

    # ------------------------------------------------------------------ lazy ids

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._next is not None

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid() or self._next is None:
            return
        self._append(self.lists.page(self.query, self._next, PAGE_SIZE))

    def _append(self, page) -> None:
        if not page.ids:
            self._next = None
            return
        first = len(self._ids)
        self.beginInsertRows(QModelIndex(), first, first + len(page.ids) - 1)
        self._ids.extend(page.ids)
        self._next = page.next
        self.endInsertRows()

    # ------------------------------------------------------------------ lazy rows

    def fetch_rows(self, ids: list[int]) -> dict[int, object]:
        """The contents of some rows by id (here their labels; subclasses fetch what they show)."""
        return dict(self.lists.labels(self.query.kind, ids, self.query.lang))

    def record(self, row: int) -> object | None:
        """The content of a row (fetched with its block of ROW_BLOCK rows), or None."""
        block = row // ROW_BLOCK
        cached = self._blocks.get(block)
        if cached is None:
            cached = self._blocks[block] = self.fetch_rows(self._ids[block * ROW_BLOCK:(block + 1) * ROW_BLOCK])
            while len(self._blocks) > CACHED_BLOCKS:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(block)
        return cached.get(self._ids[row])

    def text(self, row: int) -> str:
        """What a row shows."""
        found = self.record(row)
        return "" if found is None else str(found)

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def data(self, index: Index, role: int = _DISPLAY):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row = index.row()
        if role == ID_ROLE:
            return self._ids[row]
        if role in (_DISPLAY, _EDIT):
            return self.text(row)
        if role == _TOOLTIP:
            return plain_tooltip(self.text(row)) or None  # (labels are data: never rendered as HTML)
        return None


class CheckListModel(IdListModel):
    """A lazy list whose rows can be ticked; the ticks are kept by id, so they stay while the filter changes."""

    ticks_changed = Signal()

    def __init__(self, lists: RecordLists, query: ListQuery, parent=None):
        self.ticked: dict[int, None] = {}  # ids in the order they were given or ticked
        super().__init__(lists, query, parent)

    def set_ticked(self, ids) -> None:
        self.ticked = dict.fromkeys(int(i) for i in ids or ())
        if self._ids:
            self.dataChanged.emit(self.index(0), self.index(len(self._ids) - 1), [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def data(self, index: Index, role: int = _DISPLAY):
        if role == Qt.ItemDataRole.CheckStateRole and index.isValid() and 0 <= index.row() < len(self._ids):
            return (Qt.CheckState.Checked if self._ids[index.row()] in self.ticked
                    else Qt.CheckState.Unchecked)
        return super().data(index, role)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return False
        record_id = self._ids[index.row()]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.ticked.setdefault(record_id)
        else:
            self.ticked.pop(record_id, None)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.ticks_changed.emit()
        return True
