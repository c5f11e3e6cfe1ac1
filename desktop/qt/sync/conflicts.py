"""The sync's conflicts, for the user to settle: each record changed here and on the team server since the version
both had, field by field (this laptop's value, the server's with who changed it and when), and the choices: keep
mine, take the server's, keep both as a conflict group (mine preferred), or choose field by field."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.qt.editing.record_form import kind_names
from desktop.qt.plaintext import message_box

if TYPE_CHECKING:
    from desktop.data.syncstate import Conflict
    from desktop.qt.shell.main_window import MainWindow

MINE, THEIRS = "mine", "theirs"
# a document's fields that hold another record's uid: field -> that record's kind
_REFERENCE_KINDS = {"event_id": "event", "corridor_id": "corridor", "from_node_id": "node", "to_node_id": "node"}


def when(iso: str | None) -> str | None:
    """A server time ("2026-12-05T10:53:16+00:00") in the interface's words, in local time."""
    if not iso:
        return None
    moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
    if not moment.isValid():
        return iso
    return QLocale().toString(moment.toLocalTime(), QLocale.FormatType.ShortFormat)


def shown(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


class ConflictsDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Sync Conflicts"))
        self.resize(900, 520)
        self.list = QListWidget(self)
        self.list.setObjectName("conflictList")
        self.about = QLabel(self)
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("conflictFields")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        # long titles wrap rather than end in "…": rows fit their text at the columns' widths, as those change
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.keep_mine = QPushButton(self.tr("Keep Mine"), self)
        self.take_theirs = QPushButton(self.tr("Take the Server's"), self)
        self.keep_both = QPushButton(self.tr("Keep Both"), self)
        self.by_field = QPushButton(self.tr("Use the Choices Above"), self)
        self.keep_both.setToolTip(self.tr("Keep the server's record and this laptop's values as a second record, "
                                          "the two in a conflict group with this laptop's preferred"))
        for button, choice in ((self.keep_mine, MINE), (self.take_theirs, THEIRS), (self.keep_both, "both")):
            button.clicked.connect(lambda _=False, c=choice: self.settle(c))
        self.by_field.clicked.connect(lambda: self.settle("merged"))
        row = QHBoxLayout()
        for button in (self.keep_mine, self.take_theirs, self.keep_both, self.by_field):
            row.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.about)
        layout.addWidget(self.table, 2)
        layout.addLayout(row)
        layout.addWidget(close)
        self.conflicts: list[Conflict] = []
        self.list.currentRowChanged.connect(self.show_conflict)
        self.reload()

    def reload(self) -> None:
        from desktop.data.syncstate import LocalReplica

        self.conflicts = LocalReplica(self.window_.repo.db).open_conflicts()
        names = kind_names()
        self.list.clear()
        for c in self.conflicts:
            label = self.label(c)
            item = QListWidgetItem(self.tr("{kind} “{name}”: changed by {who}, {when}").format(
                kind=names.get(c.kind, c.kind).capitalize(), name=label, who=c.server_by or self.tr("someone"),
                when=when(c.server_at) or self.tr("time unknown")))
            self.list.addItem(item)
        if self.conflicts:
            self.list.setCurrentRow(0)
        else:
            self.show_conflict(-1)

    @staticmethod
    def label(conflict: Conflict) -> str:
        for doc in (conflict.local_doc, conflict.server_doc):
            for key in ("title_en", "title_ru", "name_en", "name_ru", "name", "note_en"):
                if doc and doc.get(key):
                    return str(doc[key])
        return conflict.uid

    def current(self) -> Conflict | None:
        row = self.list.currentRow()
        return self.conflicts[row] if 0 <= row < len(self.conflicts) else None

    def show_conflict(self, row: int) -> None:
        conflict = self.current()
        self.table.setRowCount(0)
        for button in (self.keep_mine, self.take_theirs, self.keep_both, self.by_field):
            button.setEnabled(conflict is not None)
        if conflict is None:
            self.about.setText(self.tr("No conflicts wait for your choice."))
            return
        self.table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("This laptop"), self.tr("Team server"),
                                              self.tr("Keep")])
        changed_by = self.tr("On the server: changed by {who}, {when}.").format(
            who=conflict.server_by or self.tr("someone"), when=when(conflict.server_at) or self.tr("time unknown"))
        both = conflict.local_doc is not None and conflict.server_doc is not None
        self.keep_both.setEnabled(both and conflict.kind not in ("source", "alias", "partner")
                                  and not conflict.kind.startswith("vocab:"))
        self.by_field.setEnabled(both)
        if conflict.local_doc is None:
            what = self.tr("You deleted this record here; on the server it was changed.")
        elif conflict.server_doc is None:
            what = self.tr("You changed this record here; on the server it was deleted.")
        else:
            what = self.tr("Changed here and on the server since the version both had. The sources cited are among the "
                           "fields. Nothing is overwritten until you choose.")
        self.about.setText(what + " " + changed_by)
        fields = conflict.fields()
        self.table.setRowCount(len(fields))
        for n, name in enumerate(fields):
            label = QTableWidgetItem(self.field_words(name))
            label.setData(Qt.ItemDataRole.UserRole, name)
            label.setToolTip(name)
            self.table.setItem(n, 0, label)
            for col, doc in ((1, conflict.local_doc), (2, conflict.server_doc)):
                value = (self.value_words(conflict.kind, name, (doc or {}).get(name)) if doc is not None
                         else self.tr("(deleted)"))
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(n, col, item)
            choice = QComboBox(self.table)
            choice.addItem(self.tr("Mine"), MINE)
            choice.addItem(self.tr("Server's"), THEIRS)
            self.table.setCellWidget(n, 3, choice)

    def field_words(self, name: str) -> str:
        """A document's field as the forms name it ("Title (English)"); the places and conflict groups, which no form
        edits, in words of their own."""
        from desktop.qt.editing.record_browser import field_name

        own = {"places": self.tr("Places"), "conflicts": self.tr("Conflict groups"), "partner_id": None,
               "event_id": None, "corridor_id": None}
        if own.get(name):
            return str(own[name])
        return field_name("partner_iso3" if name == "partner_id" else name)

    def value_words(self, kind: str, name: str, value: object) -> str:
        """A document's value as a reader knows it: a vocabulary code by its name in the interface language (with the
        code), partners by their names; other values as stored."""
        from desktop.core.validation import FIELDS
        from desktop.qt.i18n import current_language

        lang = current_language()
        spec = next((f for f in FIELDS.get(kind, ()) if f.name == name), None)
        if spec is not None and spec.type == "vocab" and spec.vocab and spec.vocab != "metrics" and \
                isinstance(value, str):
            label = self.window_.repo.labels(spec.vocab).get(value)
            return f"{label.pick(lang)} ({value})" if label is not None else value
        if name in ("partners", "partner_id"):
            names = {p.iso3.lower(): p.name(lang) for p in self.window_.repo.partners()}
            items = value if isinstance(value, list) else [value]
            return "; ".join(names.get(str(v).lower(), str(v)) for v in items if v is not None) or shown(None)
        kind_of = _REFERENCE_KINDS.get(name)
        if kind_of is not None and isinstance(value, str):
            return self.record_words(kind_of, value)
        if name == "sources" and isinstance(value, list):
            return "; ".join(self.record_words("source", str(v)) for v in value) or shown(None)
        if name == "places" and isinstance(value, list):
            return "; ".join(" / ".join(self.record_words(k, str(u)) for k, u in zip(("corridor", "node"), pair,
                                                                                       strict=True) if u is not None)
                             for pair in value if isinstance(pair, list) and len(pair) == 2) or shown(None)
        return shown(value)

    def record_words(self, kind: str, uid: str) -> str:
        """A record named by its uid, in words: its title or name (with its date when it has one) and the uid; the
        uid alone, marked, when this copy lacks the record (deleted here, or not received yet)."""
        from desktop.qt.i18n import current_language

        label = self.window_.repo.record_label_by_uid(kind, uid, current_language())
        if label is None or not label[0]:
            return self.tr("{uid} (not in this database)").format(uid=uid)
        name, date = label
        return f"{name}, {date} ({uid})" if date else f"{name} ({uid})"

    def field_choices(self) -> dict[str, str]:
        out = {}
        for n in range(self.table.rowCount()):
            name = self.table.item(n, 0)
            box = self.table.cellWidget(n, 3)
            if name is not None and isinstance(box, QComboBox):
                out[str(name.data(Qt.ItemDataRole.UserRole))] = str(box.currentData())
        return out

    def settle(self, choice: str) -> None:
        from desktop.core.errors import AtlasError
        from desktop.data.syncstate import SyncStateError

        conflict = self.current()
        if conflict is None:
            return
        try:
            self.window_.editing.resolve_conflict(conflict.id, choice,
                                                  self.field_choices() if choice == "merged" else None)
        except (SyncStateError, AtlasError) as exc:
            message_box(self, self.windowTitle(), self.tr("The choice could not be written: {reason}").format(
                reason=str(exc)))
            return
        self.window_.statusBar().showMessage(self.tr("Conflict settled; the next sync sends the result."), 6000)
        self.reload()
