"""File → Sync with Team Server…: which server, the sync itself behind a progress dialog with Cancel, and what it
did, in the interface language."""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.qt.shell.main_window import MainWindow
    from desktop.sync.engine import SyncReport
    from desktop.sync.server import ServerError

SERVER_KEY = "sync_server"  # the database's meta key holding the last server (desktop.data.syncstate.META_SERVER)


class SyncDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.setObjectName("syncDialog")
        self.setWindowTitle(self.tr("Sync with Team Server"))
        self.server = QLineEdit(self)
        self.server.setObjectName("syncServer")
        self.server.setText(window.repo.db.meta(SERVER_KEY) or "")
        self.server.setPlaceholderText("host=atlas.mfa.local dbname=atlas user=aigerim sslmode=verify-full")
        self.server.setMinimumWidth(520)
        hint = QLabel(self.tr(
            "A PostgreSQL connection string, a postgresql:// address or service=NAME. Passwords are read from your "
            "PostgreSQL password file (~/.pgpass) or asked for; Partnership Atlas never stores them."), self)
        hint.setWordWrap(True)
        self.result_label = QLabel(self)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("Team server:"), self.server)
        buttons = QDialogButtonBox(self)
        self.sync_button = QPushButton(self.tr("Sync"), self)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setDefault(True)
        self.conflicts_button = QPushButton(self)
        self.conflicts_button.setObjectName("syncConflicts")
        buttons.addButton(self.sync_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.conflicts_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.sync_button.clicked.connect(self.run_sync)
        self.conflicts_button.clicked.connect(self.show_conflicts)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.result_label)
        layout.addWidget(buttons)
        self.last_report: SyncReport | None = None
        self.update_conflicts()
        if window.repo.db.readonly:
            self.sync_button.setEnabled(False)
            self.result_label.setText(self.tr("This database is open read-only: a sync cannot write into it."))

    def update_conflicts(self) -> None:
        from desktop.data.syncstate import LocalReplica

        count = len(LocalReplica(self.window_.repo.db).open_conflicts())
        self.conflicts_button.setText(self.tr("Conflicts… (%n)", "", count))
        self.conflicts_button.setEnabled(count > 0)

    def run_sync(self) -> None:
        from desktop.core.errors import AtlasError
        from desktop.data.fileidentity import DatabaseFileChanged
        from desktop.qt.transfer.transfer import run_job
        from desktop.sync.engine import SyncCancelled
        from desktop.sync.server import ServerError

        conninfo = self.server.text().strip()
        if not conninfo:
            self.result_label.setText(self.tr("Name the team server first."))
            return
        password: str | None = None
        controller = self.window_.editing
        while True:
            try:
                report = controller.sync(conninfo, lambda work: run_job(
                    self, self.tr("Syncing with the team server…"), work, self.tr("Cancel")), password)
                break
            except ServerError as exc:
                if exc.code == "password" and password is None:
                    password = self.ask_password()
                    if password:
                        continue
                self.result_label.setText("\n".join(filter(None, (self.server_error(exc), self.before(exc)))))
                self.update_conflicts()
                self.adjustSize()
                return
            except SyncCancelled as exc:
                self.result_label.setText("\n".join(filter(None, (self.tr(
                    "The sync was cancelled. What was received or sent before stays done; the next sync goes on from "
                    "there."), self.before(exc)))))
                self.update_conflicts()
                self.adjustSize()
                return
            except DatabaseFileChanged:
                return  # the window has asked the user what to do
            except AtlasError as exc:
                self.result_label.setText(self.tr("The sync stopped: {reason}").format(reason=str(exc)))
                return
        self.last_report = report
        self.remember(conninfo)
        self.result_label.setText(self.summary(report))
        self.adjustSize()
        self.window_.show_sync_state(report)
        self.update_conflicts()

    def ask_password(self) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Team server password"), self.tr(
            "The team server asks for the password of this account. It is used for this sync only; to be asked no "
            "more, put it in your PostgreSQL password file (~/.pgpass)."), QLineEdit.EchoMode.Password)
        return text if ok and text else None

    def remember(self, conninfo: str) -> None:
        from desktop.sync.engine import remember_server

        try:
            remember_server(self.window_.repo.db, conninfo)
        except Exception:  # noqa: BLE001 - remembering the address is a convenience; the sync itself is done
            pass

    def server_error(self, exc: ServerError) -> str:
        words = {
            "unreachable": self.tr("The team server could not be reached. You can keep working: your changes stay "
                                   "here and go out at the next sync. ({detail})"),
            "password": self.tr("The team server refused the password, or needs one. ({detail})"),
            "not_initialised": self.tr("This database is not a Partnership Atlas team server yet: its administrator "
                                       "sets it up with `partnership-atlas server init`."),
            "newer_schema": self.tr("The team server was set up by a newer version of Partnership Atlas: update this "
                                    "program to sync with it."),
            "read_only": self.tr("Your server account may read the team's records but not change them."),
            "curator_only": self.tr("Only curators may change the vocabularies on the team server."),
            "interrupted": self.tr("The connection to the team server broke during the sync. The step it cut off "
                                   "was kept whole or not at all; sync again when the server is back."),
            "bad_address": self.tr("The team server's address is not a valid connection string. Write it as "
                                   "host=… dbname=… user=…, a postgresql:// address or service=NAME. ({detail})"),
        }
        template = words.get(exc.code, self.tr("The team server refused: {detail}"))
        return template.format(detail=exc.detail or str(exc))

    def before(self, exc: BaseException) -> str:
        """What a sync that stopped had done before (its report), or nothing when it had done nothing."""
        report = getattr(exc, "report", None)
        if report is None:
            return ""
        received = len(report.pulled) + len(report.deleted)
        if not received and not report.sent_records:
            return ""
        return self.tr("Before it stopped, the sync had received %n change(s)", "", received) + " " + self.tr(
            "and sent %n record(s).", "", report.sent_records)

    def summary(self, report: SyncReport) -> str:
        received = len(report.pulled) + len(report.deleted)
        lines = [self.tr("Received %n change(s) from the team.", "", received),
                 self.tr("Sent %n record(s).", "", report.sent_records)]
        if report.conflicts:
            lines.append(self.tr("%n record(s) were changed here and on the server: nothing was overwritten. Open "
                                 "Conflicts… to choose.", "", len(report.conflicts)))
        elif report.open_conflicts:
            lines.append(self.tr("%n conflict(s) wait for your choice.", "", report.open_conflicts))
        if report.held_back and not report.read_only:
            lines.append(self.tr("%n change set(s) wait until the conflicts are settled.", "", report.held_back))
        if report.vocabulary_refused:
            lines.append(self.tr("%n vocabulary change(s) stay here: only curators may send them.", "",
                                 report.vocabulary_refused))
        if report.skipped:
            lines.append(self.tr("%n record(s) from the server could not be written here.", "", len(report.skipped)))
        if report.restored:
            lines.append(self.tr("%n record(s) you deleted came back: records on the team server still need them.",
                                 "", len(report.restored)))
        if report.adjusted:
            lines.append(self.tr("%n record(s) you sent referred to records a teammate had just deleted: the server "
                                 "removed those links, as deleting them here would have.", "", len(report.adjusted)))
        if report.read_only:
            lines.append(self.tr("Your account ({user}) may only read: your own changes stay on this laptop.")
                         .format(user=report.user))
        if report.changed_here:
            lines.append(self.tr("Undo starts afresh after changes from the team."))
        return "\n".join(lines)

    def show_conflicts(self) -> None:
        from desktop.qt.sync.conflicts import ConflictsDialog

        ConflictsDialog(self.window_, self).exec()
        self.update_conflicts()
