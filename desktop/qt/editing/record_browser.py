"""Records of one kind in a list, with New, Edit, Delete and History; and the history of a record.

The list is a lazy model over ids (desktop.qt.editing.record_lists): the kind, the partner and the filter text are
applied in SQL and the rows fetched in pages, so a kind of 100,000 records opens with its first page. The
filter matches as "find anything" does (desktop.data.lists says why). The order is SQL's too: places by name
with ``COLLATE NOCASE`` (Qt's collation, the alphabet of the interface language, needs every row in Python; the
forms keep it for their short lists, desktop.qt.editing.record_form)."""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.validation import FieldSpec
from desktop.data.lists import KINDS, ListQuery, RecordLists
from desktop.qt.editing.editing import EditController
from desktop.qt.editing.record_form import RecordForm, kind_names
from desktop.qt.editing.record_lists import IdListModel
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import plain_tooltip


class _FormWords:
    """The forms' field names (context RecordForm), for the history's column of fields."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("RecordForm", text, disambiguation, n)


def field_name(name: str) -> str:
    return RecordForm.field_label(_FormWords(), FieldSpec(name, "text"))


# owned link rows in the change log -> the form field they come from
LINK_FIELDS = {"agreement_partners.agreement_id": "partners", "event_partners.event_id": "partners",
               "agreement_sectors.agreement_id": "sectors", "record_sources.record_id": "sources",
               "partner_id": "partner_iso3"}


class RecordBrowser(QDialog):
    """Pick a kind (and a partner), see its records, and add, change, delete or look at their history."""

    def __init__(self, controller: EditController, kind: str = "agreement", partner: str | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("recordBrowser")
        self.controller = controller
        self.repo = controller.repo
        self.lists = RecordLists(self.repo.db)
        self.lang = current_language()
        self.setWindowTitle(self.tr("Records"))
        names = kind_names()  # the same words as the forms'
        self.kind_box = QComboBox(self)
        self.kind_box.setObjectName("browserKind")
        for code, name in names.items():
            self.kind_box.addItem(name.capitalize(), code)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.partner_box = QComboBox(self)
        self.partner_box.setObjectName("browserPartner")
        self.partner_box.addItem(self.tr("All partners"), None)
        for p in self.repo.partners():
            self.partner_box.addItem(p.name(self.lang), p.iso3)
        self.partner_box.setCurrentIndex(max(0, self.partner_box.findData(partner)))
        self.filter = QLineEdit(self)
        self.filter.setObjectName("browserFilter")
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.model = IdListModel(self.lists, self._query(), self)
        self.table = QTableView(self)
        self.table.setObjectName("browserTable")
        self.table.setModel(self.model)
        self.table.horizontalHeader().setVisible(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._listed_kind: str | None = self.kind
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("new", self.tr("New…"), self.new_record),
                                ("edit", self.tr("Edit…"), self.edit_selected),
                                ("delete", self.tr("Delete"), self.delete_selected),
                                ("history", self.tr("History…"), self.history_selected)):
            button = QPushButton(text, self)
            button.setObjectName(f"browser_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Kind:"), self))
        top.addWidget(self.kind_box)
        top.addWidget(QLabel(self.tr("Partner:"), self))
        top.addWidget(self.partner_box)
        top.addWidget(self.filter, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        self.resize(820, 560)
        self.kind_box.currentIndexChanged.connect(lambda _: self.reload())
        self.partner_box.currentIndexChanged.connect(lambda _: self.reload())
        self.filter.textChanged.connect(lambda _: self.reload())
        controller.changed.connect(lambda _: self.reload())
        controller.file_state_changed.connect(self._update_buttons)
        self.partner_box.setEnabled(KINDS[self.kind].partner is not None)
        self._update_buttons()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def _query(self) -> ListQuery:
        """The list asked for: the kind, its partner's records (where the kind has partners), the filter text."""
        partner = self.partner_box.currentData() if KINDS[self.kind].partner is not None else None
        return ListQuery(self.kind, self.filter.text(), partner, self.lang)

    def reload(self) -> None:
        """List the records again (another kind, partner or filter, or after an edit); the selected record stays
        selected while the list still holds it."""
        keep = self.selected_id() if self.kind == self._listed_kind else None  # (an id of another kind is not it)
        self.partner_box.setEnabled(KINDS[self.kind].partner is not None)
        self.model.set_query(self._query())
        self._listed_kind = self.kind
        if keep is not None:
            self.select_id(keep)
        self._update_buttons()

    def _update_buttons(self) -> None:
        """Edit, Delete and History act on the selected row: off while none is selected (or editing is off)."""
        selected = self.selected_id() is not None
        off = self.controller.editing_off
        self.buttons["new"].setEnabled(not off)
        self.buttons["edit"].setEnabled(selected and not off)
        self.buttons["delete"].setEnabled(selected and not off)
        self.buttons["history"].setEnabled(selected)

    def ids(self) -> list[int]:
        """Every id the list holds, in order (reads every page: for tests)."""
        self.model.fetch_all()
        return self.model.ids()

    def select_id(self, record_id: int) -> None:
        """Select a record's row (loading the pages up to it) if the list holds it."""
        row = self.model.reveal(record_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row))

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def new_record(self) -> None:
        initial = {}
        partner = self.partner_box.currentData()
        if partner and self.kind in ("trade", "target", "fact"):
            initial["partner_iso3"] = partner
        elif partner and self.kind in ("agreement", "event"):
            initial["partners"] = [partner]
        RecordForm(self.kind, self.controller, None, initial, self).exec()

    def edit_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and not self.controller.editing_off:
            RecordForm(self.kind, self.controller, record_id, None, self).exec()

    def delete_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            label = self.tr("Delete {kind}").format(kind=kind_names()[self.kind])
            self.controller.delete(self.kind, record_id, label)

    def history_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            HistoryDialog(self.controller, self.kind, record_id, self).exec()


class HistoryDialog(QDialog):
    """Who changed a record, when, which fields, before and after (undo and redo included)."""

    def __init__(self, controller: EditController, kind: str, record_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        entries = controller.editor.history(kind, record_id)
        self.table = QTableWidget(len(entries), 5, self)
        self.table.setObjectName("historyTable")
        self.table.setHorizontalHeaderLabels([self.tr("When (UTC)"), self.tr("Who"), self.tr("What"),
                                              self.tr("Fields"), self.tr("Before → after")])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        actions = {"insert": self.tr("added"), "update": self.tr("changed"), "delete": self.tr("deleted"),
                   "undo": self.tr("undone"), "redo": self.tr("redone"), "import": self.tr("imported"),
                   "merge": self.tr("merged")}
        for n, e in enumerate(entries):
            before = json.loads(e["before_json"]) if e["before_json"] else {}
            after = json.loads(e["after_json"]) if e["after_json"] else {}
            diffs, names = [], []
            for field in e["fields"]:
                old = before.get("row", {}).get(field, before.get("links", {}).get(field))
                new = after.get("row", {}).get(field, after.get("links", {}).get(field))
                name = field_name(LINK_FIELDS.get(field, field))
                names.append(name)
                diffs.append(f"{name}: {_short(old)} → {_short(new)}")
            for col, text in enumerate((e["changed_at"].replace("T", " ")[:19], e["user_name"],
                                        actions.get(e["action"], e["action"]), ", ".join(names),
                                        "; ".join(diffs))):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))  # values from the data
                self.table.setItem(n, col, item)
        self.table.verticalHeader().setVisible(False)
        self.table.resizeColumnsToContents()
        for col in range(4):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 220))
        empty = QLabel(self.tr("No change is recorded for this record: it is as the bundled data has it."), self)
        empty.setVisible(not entries)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        self.resize(900, 420)

    def rows(self) -> list[list[str]]:
        """The table's texts, row by row ('' for a cell with no item)."""
        return [[self._text(r, c) for c in range(self.table.columnCount())] for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""


def _short(value: object, limit: int = 60) -> str:
    text = "—" if value is None else (json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value))
    return text if len(text) <= limit else text[:limit - 1] + "…"
