"""Records of one kind in a list, with New, Edit, Delete and History; and the history of a record."""
from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from desktop.qt.collation import sorted_by_name
from desktop.qt.editing import EditController
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import plain_tooltip
from desktop.core.validation import FieldSpec
from desktop.qt.record_form import RecordForm, kind_names


class _FormWords:
    """The forms' field names (context RecordForm), for the history's column of fields."""

    @staticmethod
    def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate("RecordForm", text, disambiguation, n)


def field_name(name: str) -> str:
    return RecordForm.field_label(_FormWords(), FieldSpec(name, "text"))

# kind -> (SQL giving id and a one-line description, optional partner filter column)
LISTS = {
    "agreement": ("SELECT a.id, coalesce(a.date_signed, '?') || '  ' || coalesce(a.title_{l}, a.title_en, a.title_ru, "
                  "a.title_kk) FROM agreements a {w} ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC",
                  "a.id IN (SELECT agreement_id FROM agreement_partners ap JOIN partners p ON p.id = ap.partner_id "
                  "WHERE p.iso3 = ?)"),
    "event": ("SELECT e.id, coalesce(e.date_start, '?') || '  ' || coalesce(e.title_{l}, e.title_en, e.title_ru) "
              "FROM events e {w} ORDER BY coalesce(e.date_start, '') DESC, e.id DESC",
              "e.id IN (SELECT event_id FROM event_partners ep JOIN partners p ON p.id = ep.partner_id "
              "WHERE p.iso3 = ?)"),
    "trade": ("SELECT t.id, p.iso3 || '  ' || t.year || ' ' || t.period || '  ' || coalesce(t.turnover_usd_m, '—') "
              "|| ' / ' || coalesce(t.exports_usd_m, '—') || ' / ' || coalesce(t.imports_usd_m, '—') || '  (' || "
              "t.statistics || ')' FROM trade_figures t JOIN partners p ON p.id = t.partner_id {w} "
              "ORDER BY p.iso3, t.year DESC, t.period", "p.iso3 = ?"),
    "target": ("SELECT t.id, p.iso3 || '  ' || t.metric || '  ' || coalesce(t.value_usd_m, '×' || t.multiplier) || "
               "'  ' || coalesce(t.horizon_year, '—') || '  ' || coalesce(t.stated_on, '?') FROM targets t "
               "JOIN partners p ON p.id = t.partner_id {w} ORDER BY p.iso3, coalesce(t.stated_on, '') DESC",
               "p.iso3 = ?"),
    "fact": ("SELECT f.id, coalesce(p.iso3, '—') || '  ' || f.metric || ': ' || f.value || coalesce(' (' || f.as_of "
             "|| ')', '') FROM facts f LEFT JOIN partners p ON p.id = f.partner_id {w} ORDER BY f.metric, f.id",
             "p.iso3 = ?"),
    "source": ("SELECT s.id, coalesce(s.title, s.url) || '  — ' || coalesce(s.publisher, '?') || coalesce(', ' || "
               "s.published, '') FROM sources s {w} ORDER BY s.id DESC", None),
    "node": ("SELECT n.id, coalesce(n.name_{l}, n.name_en) || '  (' || n.country_iso3 || ', ' || n.kind || ')' "
             "FROM nodes n {w} ORDER BY n.name_en", "n.country_iso3 = ?"),
    "segment": ("SELECT s.id, coalesce(a.name_{l}, a.name_en) || ' – ' || coalesce(b.name_{l}, b.name_en) || '  (' || "
                "s.mode || ', ' || s.status || ')' FROM segments s JOIN nodes a ON a.id = s.from_node_id "
                "JOIN nodes b ON b.id = s.to_node_id {w} ORDER BY s.corridor_id, s.id", None),
    "corridor": ("SELECT c.id, coalesce(c.name_{l}, c.name_en) FROM corridors c {w} ORDER BY c.id", None),
    "partner": ("SELECT p.id, p.iso3 || '  ' || coalesce(p.name_{l}, p.name_en) FROM partners p {w} "
                "ORDER BY p.sort_order, p.id", "p.iso3 = ?"),
    "alias": ("SELECT a.id, a.name || '  (' || a.group_id || ', ' || coalesce(a.lang || ', ', '') || a.kind || ')' "
              "FROM aliases a {w} ORDER BY a.group_id, a.id", None),
}


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
        self.lang = current_language()
        self.setWindowTitle(self.tr("Records"))
        names = kind_names()  # the same words as the forms'
        self.kind_box = QComboBox(self, objectName="browserKind")
        for code, name in names.items():
            self.kind_box.addItem(name.capitalize(), code)
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(kind)))
        self.partner_box = QComboBox(self, objectName="browserPartner")
        self.partner_box.addItem(self.tr("All partners"), None)
        for p in self.repo.partners():
            self.partner_box.addItem(p.name(self.lang), p.iso3)
        self.partner_box.setCurrentIndex(max(0, self.partner_box.findData(partner)))
        self.filter = QLineEdit(self, objectName="browserFilter")
        self.filter.setPlaceholderText(self.tr("Filter"))
        self.filter.setClearButtonEnabled(True)
        self.table = QTableWidget(0, 1, self)
        self.table.setObjectName("browserTable")
        self.table.horizontalHeader().setVisible(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _: self.edit_selected())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._listed_kind: str | None = None
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, slot in (("new", self.tr("New…"), self.new_record), ("edit", self.tr("Edit…"), self.edit_selected),
                                ("delete", self.tr("Delete"), self.delete_selected),
                                ("history", self.tr("History…"), self.history_selected)):
            button = QPushButton(text, self, objectName=f"browser_{key}")
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
        self.filter.textChanged.connect(lambda _: self._apply_filter())
        controller.changed.connect(lambda _: self.reload())
        controller.file_state_changed.connect(self._update_buttons)
        self.reload()

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def reload(self) -> None:
        keep = self.selected_id() if self.kind == self._listed_kind else None  # (an id of another kind is not it)
        sql, partner_filter = LISTS[self.kind]
        partner = self.partner_box.currentData()
        where, params = "", []
        if partner and partner_filter:
            where, params = "WHERE " + partner_filter, [partner]
        self.partner_box.setEnabled(partner_filter is not None)
        rows = self.repo.db.conn.execute(sql.format(l="ru" if self.lang in ("ru", "kk") else "en", w=where),
                                         params).fetchall()
        if self.kind == "node":  # places by name, in the alphabet of the interface language
            rows = sorted_by_name(rows, lambda row: str(row[1]), self.lang)
        self.table.setRowCount(len(rows))
        for n, (record_id, text) in enumerate(rows):
            item = QTableWidgetItem(str(text))
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            self.table.setItem(n, 0, item)
        self._listed_kind = self.kind
        self.table.clearSelection()  # the rows are new: the selection stays only on the record it was on
        if keep is not None:
            self.select_id(keep)
        self._apply_filter()

    def _apply_filter(self) -> None:
        needle = self.filter.text().strip().casefold()
        for n in range(self.table.rowCount()):
            self.table.setRowHidden(n, bool(needle) and needle not in self.table.item(n, 0).text().casefold())
        rows = self.table.selectionModel().selectedRows()
        if rows and self.table.isRowHidden(rows[0].row()):
            self.table.clearSelection()  # a record filtered out of sight is not acted on
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
        return [self.table.item(n, 0).data(Qt.ItemDataRole.UserRole) for n in range(self.table.rowCount())]

    def select_id(self, record_id: int) -> None:
        for n in range(self.table.rowCount()):
            if self.table.item(n, 0).data(Qt.ItemDataRole.UserRole) == record_id:
                self.table.selectRow(n)
                return

    def selected_id(self) -> int | None:
        rows = [r for r in self.table.selectionModel().selectedRows() if not self.table.isRowHidden(r.row())]
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

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
        return [[self.table.item(r, c).text() for c in range(self.table.columnCount())]
                for r in range(self.table.rowCount())]


def _short(value: object, limit: int = 60) -> str:
    text = "—" if value is None else (json.dumps(value, ensure_ascii=False) if isinstance(value, list) else str(value))
    return text if len(text) <= limit else text[:limit - 1] + "…"
