"""The window's side of editing: applies change sets through desktop.data.editing, keeps the undo
history, tells the views what changed, and turns every failure into a message (the database and the
history then stay as they were).
"""
from __future__ import annotations

import sqlite3

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.edits import Changes, ChangeSet, History
from desktop.core.validation import ValidationContext
from desktop.data.editing import TABLES, ChoiceNeeded, EditError, Editor, InUse, StaleEdit
from desktop.data.repository import Repository

VOCAB_TABLES = ("doc_types", "agreement_levels", "agreement_statuses", "sectors", "event_kinds", "node_kinds",
                "transport_modes", "segment_statuses", "project_statuses", "metrics")


class EditController(QObject):
    """Edits, undo and redo for one window. ``changed`` carries a Changes after every applied edit,
    undo or redo; ``history_changed`` fires when what can be undone or redone changes."""

    changed = Signal(object)
    history_changed = Signal()

    def __init__(self, repo: Repository, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.editor = Editor(repo.db)
        self.history = History()
        self.widget = parent
        self.last_message: str | None = None
        # how the user is told and asked (tests and scripts put their own in)
        self.show_message = self._message_box
        self.ask_choice = self._ask

    @property
    def readonly(self) -> bool:
        return bool(self.repo.db.readonly)

    def context(self) -> ValidationContext:
        conn = self.repo.db.conn
        vocab = {t: {r[0] for r in conn.execute(f"SELECT code FROM {t}")} for t in VOCAB_TABLES}
        ids = {kind: {r[0] for r in conn.execute(f"SELECT id FROM {table}")} for kind, table in TABLES.items()
               if kind in ("event", "source", "node", "corridor")}
        ids["partner"] = {r[0] for r in conn.execute("SELECT iso3 FROM partners")}
        return ValidationContext(vocab=vocab, ids=ids)

    # ------------------------------------------------------------------ applying

    def submit(self, change_set: ChangeSet, action: str = "edit") -> Changes | None:
        """Apply a new edit; on success it becomes the next undo step. None (and a message) on failure."""
        if self.readonly:
            self._warn(self.tr("This database is open read-only: the change was not saved."))
            return None
        try:
            stored, changes = self.editor.apply(change_set, action)
        except (EditError, sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return None
        self.history.push(stored)
        self.history_changed.emit()
        self.changed.emit(changes)
        return changes

    def undo(self) -> Changes | None:
        return self._step(self.history.undo) if self.history.can_undo() else None

    def redo(self) -> Changes | None:
        return self._step(self.history.redo) if self.history.can_redo() else None

    def _step(self, step) -> Changes | None:
        if self.readonly:
            self._warn(self.tr("This database is open read-only: nothing can be undone or redone."))
            return None
        try:
            _, changes = step(self.editor.apply)
        except (EditError, sqlite3.Error, OSError) as exc:
            self._failed(exc)
            return None
        self.history_changed.emit()
        self.changed.emit(changes)
        return changes

    # ------------------------------------------------------------------ deleting, with the questions it needs

    def delete(self, kind: str, record_id: int, label: str) -> Changes | None:
        """Delete a record, asking first when others depend on it."""
        choice = None
        try:
            change_set = self.editor.build_delete(kind, record_id, label=label)
        except InUse as exc:
            self._warn(self._in_use_text(exc))
            return None
        except ChoiceNeeded as exc:
            choice = self.ask_choice(exc)
            if choice is None:
                return None
            try:
                change_set = self.editor.build_delete(kind, record_id, choice=choice, label=label)
            except EditError as again:
                self._failed(again)
                return None
        except EditError as exc:
            self._failed(exc)
            return None
        return self.submit(change_set)

    def _in_use_text(self, exc: InUse) -> str:
        if exc.reason == "node_segments":
            return self.tr("This node is an end of %n segment(s). Delete those segments or move their ends "
                           "to another node first.", "", exc.count)
        return self.tr("%n record(s) (agreements, events, trade figures, targets, facts or mechanisms) belong to "
                       "this partner. Delete them or give them another partner first.", "", exc.count)

    def _ask(self, exc: ChoiceNeeded) -> str | None:
        box = QMessageBox(self.widget)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete"))
        if exc.reason == "event_agreements":
            box.setText(self.tr("%n agreement(s) were signed at this event. What should become of them?", "",
                                exc.count))
            keep = box.addButton(self.tr("Keep them, without the event"), QMessageBox.ButtonRole.AcceptRole)
            delete = box.addButton(self.tr("Delete them too"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.setDefaultButton(keep)
            box.exec()
            clicked = box.clickedButton()
            return "unlink" if clicked is keep else ("delete" if clicked is delete else None)
        text = (self.tr("%n record(s) cite this source. Delete the source and remove it from them?", "", exc.count)
                if exc.reason == "source_citations" else
                self.tr("The corridor has %n segment(s). Delete the corridor with its segments?", "", exc.count))
        box.setText(text)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return "delete" if box.clickedButton() is delete else None

    # ------------------------------------------------------------------ messages

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StaleEdit):
            text = self.tr("The record was changed elsewhere since this edit was prepared, so nothing was "
                           "changed. Reopen it and try again.")
        elif isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc).lower():
            text = self.tr("The database is busy (another program is writing to it). Nothing was changed; "
                           "try again in a moment.")
        elif isinstance(exc, sqlite3.OperationalError) and ("full" in str(exc).lower() or "disk" in str(exc).lower()):
            text = self.tr("The disk is full or cannot be written. Nothing was changed.")
        elif isinstance(exc, sqlite3.IntegrityError):
            text = self.tr("The database refused the change ({error}). Nothing was changed.").format(error=exc)
        else:
            text = self.tr("The change could not be saved: {error}. Nothing was changed.").format(error=exc)
        self._warn(text)

    def _warn(self, text: str) -> None:
        self.last_message = text
        self.show_message(text)

    def _message_box(self, text: str) -> None:
        QMessageBox.warning(self.widget, self.tr("Editing"), text)
