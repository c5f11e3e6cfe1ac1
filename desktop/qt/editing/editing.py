"""The window's side of editing: applies change sets through desktop.data.editing, keeps the undo
history, tells the views what changed, and turns every failure into a message (the database and the
history then stay as they were).

This is the one write path of the window: a form's edit, a delete, an import (apply_import) and a restore from a
backup (restore) are written here, and only here is the history pushed, undone or redone and are ``changed`` and
``history_changed`` emitted (tests/test_one_write_path.py checks that no other module of desktop/qt does it).

A delete first asks, naming the record. When the database file turns out to be deleted, moved or
replaced (before a write, or when the window comes to the front), nothing is written: editing goes
off, the edit that was being saved is kept, and the user chooses "Save to a new file…" (a copy of what
the window shows, where the kept edit is then applied) or "Reopen" (the file now at the path).

Why the project keeps its own ``History`` (desktop.core.edits) rather than Qt's ``QUndoStack``:

- An undo step can fail, and must then leave everything where it was. Undoing writes the database, which can
  refuse: the record was changed elsewhere since (StaleEdit), the file was replaced under the window, the disk is
  full. ``History.undo(apply)`` moves an edit to the redo side only after ``apply`` succeeded; ``QUndoCommand.undo()``
  returns nothing, and ``QUndoStack`` moves its index whatever happened (a command can only make itself obsolete,
  which drops it), so a failed undo would leave the stack saying the edit is undone while the database still holds
  it.
- An edit is applied before it is recorded: ``Editor.apply`` writes it and returns it as stored (values read back, so
  that undo restores them exactly), and only that is pushed. ``QUndoStack.push()`` calls ``redo()`` itself, and an
  import is written on a worker thread, with its own connection and progress, before it can be recorded at all.
- The history is plain Python in ``core`` like the change sets it holds: the command line, the data layer's tests
  and an import's change set kept in the change log (desktop.export.import_writer) use it without Qt, as the
  layering asks (core and data never import Qt).
- What ``QUndoStack`` would add is not used here: ``QUndoView``, merging commands, macros, a clean index. The Edit
  menu's Undo and Redo texts come from ``undo_label()`` and ``redo_label()``; switching to a new file keeps or
  clears the history by replacing one object.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.edits import Changes, ChangeSet, History
from desktop.core.errors import AtlasError
from desktop.core.validation import ValidationContext
from desktop.data.editing import ChoiceNeeded, EditError, Editor, InUse, StaleEdit
from desktop.data.failures import BUSY, FULL, REFUSED, StorageError, database_errors
from desktop.data.fileidentity import DELETED, GONE, MOVED, REPLACED, DatabaseFileChanged
from desktop.data.queries import save_copy
from desktop.data.repository import ReopenFailed, Repository
from desktop.data.vocabularies import validation_context
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import PLAIN_TEXT, escape, message_box

if TYPE_CHECKING:
    from desktop.export.importing import Preview
    from desktop.sync.engine import SyncReport

SAVE, REOPEN = "save", "reopen"  # the choices offered when the database file changed
Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel
ImportWork = Callable[[Progress], tuple[ChangeSet, Changes]]


class EditController(QObject):
    """Edits, undo and redo for one window. ``changed`` carries a Changes after every applied edit,
    undo or redo; ``history_changed`` fires when what can be undone or redone changes."""

    changed = Signal(object)
    history_changed = Signal()
    file_state_changed = Signal()  # the database file was found changed, or the user chose what to do about it
    switching = Signal(object)  # the window's database moves to this file now: other readers let go of the old one
    # ...it did (repo.db.path; or, when that file could not be opened after all, a read-only copy of what was open):
    # other readers follow it; True when the undo history was kept (the file read now is a copy of the old)
    switched = Signal(bool)

    def __init__(self, repo: Repository, parent: QWidget | None = None):
        super().__init__(parent)
        self.repo = repo
        self.editor = Editor(repo.db)
        self.history = History()
        self.widget = parent
        self.last_message: str | None = None
        self.file_changed: DatabaseFileChanged | None = None  # set while editing is off for a changed file
        self.kept: ChangeSet | None = None  # the edit that could not be saved then, until the user chooses
        self._subject: str | None = None  # the record a delete asks about, named
        # how the user is told and asked (tests and scripts put their own in)
        self.show_message = self._message_box
        self.ask_choice = self._ask
        self.confirm = self._confirm  # (question, action word) -> True to go ahead
        self.ask_file_action = self._ask_file_action  # (message, can reopen) -> SAVE, REOPEN or None
        self.choose_new_file = self._choose_new_file  # () -> a path to write, or None
        # (text, work) -> what work(progress) returned: an import's undo or redo, which may write thousands of records,
        # runs through it off the window's thread behind a progress dialog with Cancel (the window sets it); None:
        # on this thread
        self.run_long: Callable[[str, Callable[[Progress], object]], object] | None = None

    @property
    def readonly(self) -> bool:
        return bool(self.repo.db.readonly)

    @property
    def editing_off(self) -> bool:
        """True while nothing can be saved: a read-only file, or a file changed under the window."""
        return self.readonly or self.file_changed is not None

    def context(self) -> ValidationContext:
        """What a form's values may refer to, as the database holds it now."""
        return validation_context(self.repo.db)

    # ------------------------------------------------------------------ applying

    def submit(self, change_set: ChangeSet, action: str = "edit") -> Changes | None:
        """Apply a new edit; on success it becomes the next undo step. None (and a message) on failure.

        While the database file is changed under the window, the edit is kept and the user asked where to save
        it; one edit is kept at a time: another one is refused with a message (the kept one stays)."""
        if self.file_changed is not None:  # asked again; the edit is applied where the user chooses
            if self.kept is not None and change_set != self.kept:
                self._warn(self.tr("Your earlier change “{kept}” is kept until you choose what to do about the "
                                   "changed database file, and only one change can be kept: this change "
                                   "(“{change}”) was not saved. Choose “Save to a new file…” or “Reopen” first, "
                                   "then make it again.").format(kept=self.kept.label, change=change_set.label))
                return None
            self.kept = change_set
            return self.resolve()
        if self.readonly:
            self._warn(self.tr("This database is open read-only: the change was not saved."))
            return None
        try:
            stored, changes = self._write(change_set, action)
        except DatabaseFileChanged as exc:
            self.kept = change_set
            self._noticed(exc)
            return self.resolve()
        except (EditError, StorageError, OSError) as exc:
            self._failed(exc)
            return None
        return self._applied(stored, changes)

    def _write(self, change_set: ChangeSet, action: str = "edit") -> tuple[ChangeSet, Changes]:
        """Write a change set into the window's database (History's ``apply``). A change set kept in the change log
        (an import's: desktop.export.import_writer.LoggedChangeSet) is read from there and written a batch at a
        time; any other through the editor. SQLite's failures leave as StorageError."""
        apply_to = getattr(change_set, "apply_to", None)
        with database_errors():
            if apply_to is not None and self.run_long is not None and not self.readonly:
                text = (self.tr("Undoing “{label}”…") if action == "undo" else
                        self.tr("Redoing “{label}”…")).format(label=change_set.label)
                done = self.run_long(text, lambda progress: self._write_logged(change_set, action, progress))
                return cast("tuple[ChangeSet, Changes]", done)
            if apply_to is not None:
                return apply_to(self.repo.db, action)
            return self.editor.apply(change_set, action)

    def _write_logged(self, change_set: ChangeSet, action: str, progress: Progress) -> tuple[ChangeSet, Changes]:
        """An import's undo or redo, off the window's thread (``run_long``): on a connection of its own to the
        window's file, only while that is still the file opened; Cancel (``progress`` False) writes nothing."""
        from desktop.data.database import open_database
        from desktop.data.fileidentity import check_file

        window_db = self.repo.db
        check_file(window_db.path, window_db.identity)
        db = open_database(window_db.path, check=False)
        try:
            if db.identity != window_db.identity:
                raise DatabaseFileChanged(window_db.path, REPLACED)
            with database_errors():
                result: tuple[ChangeSet, Changes] = change_set.apply_to(db, action, progress)  # type: ignore[attr-defined]
                return result
        finally:
            db.close()

    def _applied(self, stored: ChangeSet, changes: Changes) -> Changes:
        self.history.push(stored)
        self.history_changed.emit()
        self.changed.emit(changes)
        return changes

    def apply_import(self, preview: Preview, *, file_name: str, label: str,
                     run: Callable[[ImportWork], tuple[ChangeSet, Changes]]) -> Changes:
        """Apply a checked import (desktop.export.importing.Preview) as one edit and one undo step, citing the file
        as a new source. ``run(work)`` runs ``work(progress)`` off the window's thread (the import dialog's progress
        dialog with Cancel) and returns its result or raises its error. The work opens a connection of its own to the
        window's file (only when that is still the file opened), backs the database up, and writes the import in one
        transaction. When the file was found deleted, moved or replaced, nothing is written: editing goes off, the
        user is asked what to do, and DatabaseFileChanged is raised again for the caller to show; any other error
        (AtlasError: nothing was written) is the caller's to word."""
        from desktop.data.backups import automatic_backup, default_backup_dir
        from desktop.data.database import open_database
        from desktop.data.fileidentity import check_file
        from desktop.export.importing import apply_import, build_change_set

        window_db = self.repo.db
        db_path = window_db.path

        def work(progress: Progress) -> tuple[ChangeSet, Changes]:
            # opening may write the file (WAL, the application id, migrations): only the window's own file is opened
            check_file(db_path, window_db.identity)
            db = open_database(db_path, check=False)
            try:
                if db.identity != window_db.identity:  # replaced while it was being opened: nothing is written
                    raise DatabaseFileChanged(db_path, REPLACED)
                automatic_backup(db, default_backup_dir(), "import")  # a checked copy before every import
                return apply_import(db, build_change_set(db, preview, file_name=file_name, label=label), progress)
            finally:
                db.close()

        try:
            stored, changes = run(work)
        except DatabaseFileChanged as exc:  # editing goes off and the user chooses what to do, as after an edit
            self.file_found_changed(exc)
            raise
        return self._applied(stored, changes)

    def restore(self, backup: Path) -> bool:
        """Replace every record with those of a checked backup (what is replaced is backed up first). There is no
        undo across a restore: the history is cleared and every view reads everything again (restored). False when
        the database file was found deleted, moved or replaced (nothing written; the user is asked what to do);
        AtlasError or OSError (nothing replaced) is the caller's to show."""
        from desktop.data.backup import restore_database
        from desktop.data.backups import automatic_backup, default_backup_dir

        try:
            automatic_backup(self.repo.db, default_backup_dir(), "restore")  # what is replaced stays recoverable
            restore_database(self.repo.db, backup)
        except DatabaseFileChanged as exc:  # replaced while the user chose the backup: nothing was written
            self.file_found_changed(exc)
            return False
        self.restored()
        return True

    def sync(self, conninfo: str, run: Callable[[Callable[[Progress], object]], object],
             password: str | None = None) -> SyncReport:
        """Sync the window's database with the team server (desktop.sync.engine.sync). ``run(work)`` runs
        ``work(progress)`` off the window's thread behind a progress dialog with Cancel. The work opens a connection of
        its own to the window's file. When the pull wrote anything, the views read everything again and there is no
        undo across it (an undo would write over a teammate's change); ServerError, SyncCancelled and AtlasError are
        the caller's to word (what was done before stays done)."""
        from desktop.data.database import open_database
        from desktop.data.fileidentity import check_file
        from desktop.sync.engine import sync

        window_db = self.repo.db
        db_path = window_db.path

        def work(progress: Progress) -> SyncReport:
            check_file(db_path, window_db.identity)
            db = open_database(db_path, check=False)
            try:
                if db.identity != window_db.identity:
                    raise DatabaseFileChanged(db_path, REPLACED)
                return sync(db, conninfo, password=password,
                            progress=lambda stage, done, total: progress(done, total))
            finally:
                db.close()

        try:
            report = run(work)
        except DatabaseFileChanged as exc:
            self.file_found_changed(exc)
            raise
        except Exception as exc:
            before = getattr(exc, "report", None)  # a sync cut off after its pull wrote: the views follow, no undo
            if before is not None and before.changed_here:
                self.restored()
            raise
        done = cast("SyncReport", report)
        if done.changed_here:
            self.restored()
        return done

    def resolve_conflict(self, conflict_id: int, choice: str, fields: dict[str, str] | None = None) -> None:
        """Settle a sync conflict (desktop.data.syncstate.LocalReplica.resolve) in the window's database; the server,
        if one is set, hears of it too. No undo across it: what was written may be a teammate's record."""
        from desktop.sync.engine import resolve

        with database_errors():
            resolve(self.repo.db, self.repo.db.meta("sync_server"), conflict_id, choice, fields)
        self.restored()

    def restored(self) -> None:
        """Every record was replaced (a restore): no undo across it, and every kind changed."""
        self.history = History()
        self.history_changed.emit()
        self.changed.emit(Changes.everything())

    def undo(self) -> Changes | None:
        return self._step(self.history.undo) if self.history.can_undo() else None

    def redo(self) -> Changes | None:
        return self._step(self.history.redo) if self.history.can_redo() else None

    def _step(self, step) -> Changes | None:
        if self.readonly:
            self._warn(self.tr("This database is open read-only: nothing can be undone or redone."))
            return None
        if self.file_changed is not None:
            self.resolve()
            return None
        try:
            _, changes = step(self._write)
        except DatabaseFileChanged as exc:
            self._noticed(exc)
            self.resolve()
            return None
        except (EditError, StorageError, OSError) as exc:
            self._failed(exc)
            return None
        self.history_changed.emit()
        self.changed.emit(changes)
        return changes

    # ------------------------------------------------------------------ deleting, with the questions it needs

    def delete(self, kind: str, record_id: int, label: str) -> Changes | None:
        """Delete a record after asking, naming it (what becomes of the records that depend on it, when
        there are any; else whether to delete it at all)."""
        choice = None
        self._subject = self.delete_question(kind, record_id)
        try:
            change_set = self.editor.build_delete(kind, record_id, label=label)
        except InUse as exc:
            self._warn(self._not_deleted(kind, record_id) + " " + self._in_use_text(exc))
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
        if choice is None and not self.confirm(self._subject, self.tr("Delete")):
            return None
        return self.submit(change_set)

    def delete_question(self, kind: str, record_id: int) -> str:
        """The question a delete asks, naming the record: 'Delete the agreement “…” (2024-03-12)?'."""
        from desktop.qt.editing.record_form import kind_names  # (it imports this module)

        kind_name = kind_names()[kind]
        found = self.repo.record_label(kind, record_id, current_language())
        if found is None:
            return self.tr("Delete the {kind} with the number {id}?").format(kind=kind_name, id=record_id)
        title, date = _shorten(found[0]), found[1]
        if date:
            return self.tr("Delete the {kind} “{title}” ({date})?").format(kind=kind_name, title=title, date=date)
        return self.tr("Delete the {kind} “{title}”?").format(kind=kind_name, title=title)

    def _not_deleted(self, kind: str, record_id: int) -> str:
        found = self.repo.record_label(kind, record_id, current_language())
        return self.tr("“{title}” was not deleted.").format(title=_shorten(found[0]) if found else record_id)

    def _in_use_text(self, exc: InUse) -> str:
        if exc.reason == "node_segments":
            return self.tr("This node is an end of %n segment(s). Delete those segments or move their ends "
                           "to another node first.", "", exc.count)
        return self.tr("%n record(s) (agreements, events, trade figures, targets, facts or mechanisms) belong to "
                       "this partner. Delete them or give them another partner first.", "", exc.count)

    def _ask(self, exc: ChoiceNeeded) -> str | None:
        box = QMessageBox(self.widget)
        box.setProperty("textFormat", PLAIN_TEXT)  # the subject quotes a record's title
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Delete"))
        subject = f"{self._subject}\n\n" if self._subject else ""
        if exc.reason == "event_agreements":
            box.setText(subject + self.tr("%n agreement(s) were signed at this event. What should become of them?",
                                          "", exc.count))
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
        box.setText(subject + text)
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return "delete" if box.clickedButton() is delete else None

    def _confirm(self, question: str, action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Editing"), question, parent=self.widget)
        box.setProperty("textFormat", PLAIN_TEXT)  # the question quotes a record's title
        go = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is go

    # ------------------------------------------------------------------ the database file deleted, moved or replaced

    def check_file(self, *, ask_again: bool = True) -> bool:
        """Whether the database file is still the one this window works on: the one check, made before work on
        the file and when the window comes back to the front. When it is not, editing goes off and the user is
        asked what to do: when that is first found, and again at each later check with ``ask_again`` (before
        work, which waits for the choice). True once the window works on a file again. A read-only file is not
        checked: nothing is written to it."""
        if self.file_changed is None:
            if self.readonly:
                return True
            try:
                self.repo.db.check_identity()
            except DatabaseFileChanged as exc:
                self.file_found_changed(exc)
        elif ask_again:
            self.resolve()
        return self.file_changed is None

    def may_edit(self) -> bool:
        """Whether a form may open now (New, Edit, a double-click): not while editing is off. For a file changed
        under the window the user is asked what to do first; the form opens once editing is on again."""
        if self.file_changed is not None or not self.readonly:
            self.check_file()
        return not self.editing_off

    def file_found_changed(self, exc: DatabaseFileChanged) -> None:
        """The file was found changed (by the window at focus-in, or before file work): editing goes off and
        the user chooses what to do."""
        if self.file_changed is None:
            self._noticed(exc)
            self.resolve()

    def _noticed(self, exc: DatabaseFileChanged) -> None:
        self.file_changed = exc
        self.file_state_changed.emit()

    def resolve(self) -> Changes | None:
        """Ask what to do about the changed file and do it; returns what the kept edit changed when it was
        applied in the end (None when it was not, or nothing was chosen: editing then stays off)."""
        if self.file_changed is None:
            return None
        choice = self.ask_file_action(self.file_changed_text(), self.can_reopen())
        if choice == SAVE:
            return self.save_to_new_file()
        if choice == REOPEN:
            return self.reopen()
        return None

    def can_reopen(self) -> bool:
        """Whether there is another file at the path to reopen (not when it was deleted or moved)."""
        return self.file_changed is not None and self.file_changed.what == REPLACED

    def _what_happened(self) -> str:
        exc = self.file_changed
        path = str(exc.path) if exc is not None else ""
        return {
            DELETED: self.tr("The database file {path} was deleted while this window had it open."),
            MOVED: self.tr("The database file {path} was moved or renamed while this window had it open."),
            GONE: self.tr("The database file {path} was deleted or moved while this window had it open."),
            REPLACED: self.tr("The database file {path} was replaced by another file while this window had it "
                              "open."),
        }[exc.what if exc is not None else GONE].format(path=path)

    def file_changed_text(self) -> str:
        """The message the user is shown: what happened, what was kept and the choices."""
        parts = [self._what_happened(), self.tr("Nothing was written to either file. Editing is off until you "
                                                "choose what to do.")]
        if self.kept is not None:
            parts.append(self.tr("Your change “{change}” was not saved; it is kept.").format(change=self.kept.label))
        parts.append(self.tr("“Save to a new file…” writes everything this window shows to a file you choose, "
                             "then goes on working there (your kept change is saved there too)."
                             ) if self.kept is not None else
                     self.tr("“Save to a new file…” writes everything this window shows to a file you choose, "
                             "then goes on working there."))
        if self.can_reopen():
            parts.append(self.tr("“Reopen” opens the file now at {path} instead; what this window shows is kept in "
                                 "a backup first.").format(path=self.file_changed.path if self.file_changed else ""))
        return "\n\n".join(parts)

    def banner_text(self) -> str:
        """The banner above the window while the file is changed (rich text: the choices are links)."""
        links = [f'<a href="{SAVE}">{escape(self.tr("Save to a new file…"))}</a>']
        if self.can_reopen():
            links.append(f'<a href="{REOPEN}">{escape(self.tr("Reopen"))}</a>')
        kept = (" " + self.tr("Your change “{change}” is kept.").format(change=self.kept.label)
                if self.kept is not None else "")
        return (escape(self._what_happened() + " " + self.tr("Editing is off.") + kept) + " "
                + " · ".join(links))

    def save_to_new_file(self) -> Changes | None:
        """Write what the window shows (the open connection still reads the old file) to a new file through
        SQLite's backup API, work on that file from now on (undo included), and apply the kept edit there."""
        if self.file_changed is None:
            return None
        chosen = self.choose_new_file()
        if not chosen:
            return None
        target = Path(chosen)
        try:
            save_copy(self.repo.db, target)
        except (StorageError, OSError) as exc:
            self._warn(self.tr("The copy could not be written to {path} ({error}). Nothing was changed; choose "
                               "another place.").format(path=target, error=exc))
            return None
        if not self._switch_to(target, keep_history=True, fallback=target):
            return None
        return self._apply_kept(offer=False)

    def reopen(self) -> Changes | None:
        """Work on the file now at the path instead (what the window shows is backed up first); the kept edit
        is offered there, or discarded with a word."""
        if self.file_changed is None or not self.can_reopen():
            return None
        path = self.file_changed.path
        from desktop.data.backups import automatic_backup, default_backup_dir  # not on the start path

        try:
            with database_errors():
                copy = automatic_backup(self.repo.db, default_backup_dir(), "before reopen")
        except (AtlasError, OSError) as exc:
            self._warn(self.tr("What this window shows could not be backed up before reopening ({error}), so "
                               "nothing was changed. Save it to a new file instead.").format(error=exc))
            return None
        if not self._switch_to(path, keep_history=False, fallback=copy):
            return None
        return self._apply_kept(offer=True)

    def _switch_to(self, path: Path, *, keep_history: bool, fallback: Path) -> bool:
        """Work on the file at ``path`` (``fallback``: a copy of what the window shows, read if ``path`` cannot be
        opened after the old file was let go). True when the window works on ``path`` now."""
        try:  # the search worker closes its connection to the old file once the new one was found usable
            with database_errors():
                self.repo.reopen(path, fallback=fallback, letting_go=lambda: self.switching.emit(path))
        except ReopenFailed as exc:  # the window reads the copy now, read-only; the choice is still to be made
            self._switched(keep_history=True)
            self._warn(self.tr("{path} could not be opened: {error} This window now shows what it showed before, "
                               "read-only, from the copy {copy}. Choose “Save to a new file…” to go on editing."
                               ).format(path=path, error=exc.reason, copy=exc.fallback))
            return False
        except (AtlasError, OSError) as exc:
            self._warn(self.tr("{path} could not be opened: {error}").format(path=path, error=exc))
            return False
        self.file_changed = None
        self._switched(keep_history)
        return True

    def _switched(self, keep_history: bool) -> None:
        """The window's database reads another file now: the editor and the views follow it."""
        if not keep_history:
            self.history = History()
        self.editor = Editor(self.repo.db)
        self.switched.emit(keep_history)
        self.history_changed.emit()
        self.file_state_changed.emit()

    def _apply_kept(self, *, offer: bool) -> Changes | None:
        change_set, self.kept = self.kept, None
        if change_set is None:
            return None
        file = self.repo.db.path.name
        if offer and not self.confirm(self.tr("Apply your unsaved change “{change}” to {file}?").format(
                change=change_set.label, file=file), self.tr("Apply")):
            self._warn(self.tr("Your unsaved change “{change}” was discarded.").format(change=change_set.label))
            return None
        try:
            stored, changes = self._write(change_set)
        except StaleEdit:
            self._warn(self.tr("Your unsaved change “{change}” does not fit {file} (its records differ from those "
                               "it was made on), so it was discarded.").format(change=change_set.label, file=file))
            return None
        except (EditError, AtlasError, OSError) as exc:
            self._failed(exc)
            return None
        return self._applied(stored, changes)

    def may_close(self) -> bool:
        """Whether the window may close now: yes, unless an edit kept for a changed file would be lost and the
        user keeps the window open to save it."""
        if self.kept is None:
            return True
        return self.confirm(self.tr("Your change “{change}” was not saved: the database file changed while it was "
                                    "open. Close the window and lose the change?").format(change=self.kept.label),
                            self.tr("Close without saving"))

    def _ask_file_action(self, text: str, can_reopen: bool) -> str | None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The database file changed"), text, parent=self.widget)
        box.setProperty("textFormat", PLAIN_TEXT)  # the text quotes paths and the kept change
        save = box.addButton(self.tr("Save to a new file…"), QMessageBox.ButtonRole.AcceptRole)
        reopen = box.addButton(self.tr("Reopen"), QMessageBox.ButtonRole.AcceptRole) if can_reopen else None
        box.addButton(self.tr("Not now"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        return SAVE if clicked is save else (REOPEN if reopen is not None and clicked is reopen else None)

    def _choose_new_file(self) -> str | None:
        from PySide6.QtWidgets import QFileDialog

        old = self.repo.db.path
        start = old.with_name(f"{old.stem}-saved{old.suffix or '.sqlite'}")
        path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Save to a new file"), str(start),
                                              self.tr("Databases (*.sqlite)"))
        return path or None

    # ------------------------------------------------------------------ messages

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, StaleEdit):
            text = self.tr("The record was changed elsewhere since this edit was prepared, so nothing was "
                           "changed. Reopen it and try again.")
        elif isinstance(exc, StorageError) and exc.reason == BUSY:
            text = self.tr("The database is busy (another program is writing to it). Nothing was changed; "
                           "try again in a moment.")
        elif isinstance(exc, StorageError) and exc.reason == FULL:
            text = self.tr("The disk is full or cannot be written. Nothing was changed.")
        elif isinstance(exc, StorageError) and exc.reason == REFUSED:
            text = self.tr("The database refused the change ({error}). Nothing was changed.").format(error=exc)
        else:
            text = self.tr("The change could not be saved: {error}. Nothing was changed.").format(error=exc)
        self._warn(text)

    def _warn(self, text: str) -> None:
        self.last_message = text
        self.show_message(text)

    def _message_box(self, text: str) -> None:
        message_box(self.widget, self.tr("Editing"), text)


def _shorten(title: str, limit: int = 120) -> str:
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"
