"""Composition root: opens the database, builds the selection, the search worker and the window.

Nothing else builds these. ``run`` starts the application; ``run(..., screenshot=...)`` renders
the window offscreen in a given state, writes a PNG and exits.
"""
from __future__ import annotations

import os
import sys
import time
from typing import NamedTuple

from desktop import APP_ID, APP_NAME, __version__
from desktop.startup import prepare_start, resume_collection, share_the_interpreter

SCREENSHOT_SIZE = (1400, 900)


class Screenshot(NamedTuple):
    path: str
    view: str = "agreements"
    lang: str | None = None
    partner: str | None = None
    search: str | None = None


def register_fonts(app) -> None:
    """Register the bundled font and make it the application font (Cyrillic and Kazakh letters)."""
    from PySide6.QtGui import QFont, QFontDatabase

    from desktop.paths import resource

    families: list[str] = []
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id < 0:
            raise RuntimeError(f"the bundled font {name} could not be loaded")
        families += QFontDatabase.applicationFontFamilies(font_id)
    app.setFont(QFont(families[0], 10))


def build_window(repo, *, translator=None, settings=None, notice=None):
    """The main window over an open repository, with its selection and search worker."""
    share_the_interpreter()  # (desktop.startup: the search worker's thread hands the GIL over sooner)
    from desktop.qt.search.search_worker import SearchService
    from desktop.qt.shell.main_window import MainWindow
    from desktop.qt.shell.selection import SelectionState

    selection = SelectionState()
    search = SearchService(repo.db.path)
    window = MainWindow(repo, selection, search, translator=translator, settings=settings, notice=notice)
    selection.setParent(window)
    search.setParent(window)
    return window


def start(app, db_path: str | None = None, lang: str | None = None, remember: bool = True,
          mark=lambda step: None, readonly: bool = False, info=None):
    """Everything before the window is shown: application names, crash log, font, language, the user's
    database and the window. Returns (window, opened database); raises AtlasError when the database
    cannot be opened. With ``remember`` false (screenshots) the window neither restores nor saves the user's
    geometry, splitters and last view. ``mark(step)`` is called after each step (the start-up benchmark times them).
    ``info`` is the look :func:`check_user_data` took at the user's copy: the file is not looked at again."""
    try:
        return _start(app, db_path, lang, remember, mark, readonly, info)
    except BaseException:
        resume_collection()
        raise


def _start(app, db_path, lang, remember, mark, readonly, info):
    from desktop.data.repository import Repository
    from desktop.data.usercopy import open_user_database
    from desktop.paths import user_data_dir
    from desktop.qt.i18n import Translator, system_language
    from desktop.qt.shell.crash import install_excepthook
    from desktop.qt.shell.settings import Settings

    mark("imports")
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    install_excepthook(user_data_dir() / "logs")
    register_fonts(app)
    settings = Settings()
    translator = Translator(app)
    translator.set_language(lang or settings.language() or system_language())
    mark("fonts+translator")
    # The page check runs in the background, unless check_user_data has just made it (info).
    opened = open_user_database(db_path, check=False, readonly=readonly, info=info)
    repo = Repository(opened.database)
    mark("open_user_database")
    window = build_window(repo, translator=translator, settings=settings if remember else None,
                          notice=opened.notice)
    window.completed.connect(lambda: resume_collection(window))  # (desktop.startup: on the window's thread)
    mark("build_window")
    return window, opened


def check_user_data(app):
    """At start, for the user's own copy: a damaged database is moved aside (never deleted) and the
    user chooses the newest good backup or the bundled data. Returns the check's Recovery (its ``info``, the
    look at a sound file, is passed to :func:`start`), or None when the user gives up or the file could not be
    read: that is said at once (a short retry, see ``START_RETRY``), before any window is shown."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop import paths
    from desktop.data.backups import default_backup_dir
    from desktop.data.database import START_RETRY, UnreadableDatabaseError
    from desktop.data.recovery import BUNDLED, check_and_recover, recover_from
    from desktop.qt.plaintext import message_box

    try:
        recovery = check_and_recover(paths.user_database(), paths.bundled_database(), default_backup_dir(),
                                     retry=START_RETRY)
    except UnreadableDatabaseError as exc:
        # (no parentheses around a translated text: lupdate would not find it)
        message_box(None, APP_NAME, QCoreApplication.translate(
            "Start", "Your database {path} could not be read ({reason}). Nothing in it was changed or moved. "
                     "Close any other program that is using it, check that you may read the file and that its "
                     "disk or network drive is there, then start {app} again.").format(
            path=paths.user_database(), reason=exc.reason, app=APP_NAME), icon="critical")
        return None
    if recovery.state != "damaged":
        return recovery
    box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, QCoreApplication.translate(
        "Start", "Your database was damaged ({problem}). It was moved aside as {moved}, not deleted. "
                 "Continue with the newest good backup, or with the reference data shipped with the program?").format(
        problem=recovery.problem, moved=recovery.moved_to))
    box.setProperty("textFormat", 0)  # Qt::PlainText: the text quotes a path and SQLite's words
    accept = QMessageBox.ButtonRole.AcceptRole
    use_backup = box.addButton(QCoreApplication.translate("Start", "Newest backup"), accept) \
        if recovery.backup is not None else None
    use_bundled = box.addButton(QCoreApplication.translate("Start", "Reference data"), accept)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is None or clicked not in (use_backup, use_bundled):
        return None
    backup = recovery.backup if clicked is use_backup else None  # (the button is there only when there is one)
    recover_from(backup if backup is not None else BUNDLED, paths.user_database(), paths.bundled_database())
    return recovery  # no look at the file now in place (info None): start looks at it


def remove_leftovers() -> None:
    """What writes killed midway (a crash, a power cut, a killed process) left in the user data folder and its
    backup folder: temporary files whose process has ended (see :func:`desktop.core.atomic.remove_leftovers`;
    a write in progress in another window is left alone)."""
    from desktop import paths
    from desktop.core.atomic import remove_leftovers as remove
    from desktop.data.backups import default_backup_dir

    for folder in (paths.user_data_dir(), default_backup_dir()):
        remove(folder, earlier_versions=True)


UPGRADE_CONFLICTS_SHOWN = 20  # the records kept with the user's changes that the upgrade report names


def upgrade_report(report) -> str:
    """What merging newer reference data did (a MergeReport), in the interface language: how many records were
    added and updated, kept with the user's changes or could not be merged, and the first records kept with the
    user's changes, with the fields where the newer data differs."""
    from PySide6.QtCore import QCoreApplication

    lines = [QCoreApplication.translate(
        "Start", "Newer reference data was merged into your database. Records added: {added}, updated: "
                 "{updated}.").format(added=len(report.added), updated=len(report.updated))]
    if report.conflicts:
        lines.append(QCoreApplication.translate(
            "Start", "Records kept with your changes although the newer data differs: {count}.").format(
            count=len(report.conflicts)))
    if report.skipped:
        lines.append(QCoreApplication.translate("Start", "Records that could not be merged: {count}.").format(
            count=len(report.skipped)))
    for conflict in report.conflicts[:UPGRADE_CONFLICTS_SHOWN]:
        lines.append(f"{_record_kind(conflict.kind)} {conflict.uid}: "
                     + ", ".join(_merged_field(name) for name in conflict.fields))
    if len(report.conflicts) > UPGRADE_CONFLICTS_SHOWN:
        lines.append(QCoreApplication.translate("Start", "\u2026 and {count} more.").format(
            count=len(report.conflicts) - UPGRADE_CONFLICTS_SHOWN))
    return "\n".join(lines)


def _record_kind(kind: str) -> str:
    """A kind of record the merge compares (desktop.data.upgrade.KINDS), as the forms name it."""
    from PySide6.QtCore import QCoreApplication

    from desktop.qt.editing.record_form import kind_names

    names = {**kind_names(), "mechanism": QCoreApplication.translate("Start", "mechanism"),
             "project": QCoreApplication.translate("Start", "project")}
    return names.get(kind, kind)


def _merged_field(name: str) -> str:
    """A field the merge compares (a column, with references as uids, or a list of links), as the forms name it."""
    from PySide6.QtCore import QCoreApplication

    from desktop.qt.editing.record_browser import field_name

    names = {"partner_id": field_name("partner_iso3"), "node_id": QCoreApplication.translate("Start", "Node"),
             "places": QCoreApplication.translate("Start", "Places"),
             "conflicts": QCoreApplication.translate("Start", "Conflicting values")}
    return names.get(name) or field_name(name)


def upgrade_error(exc) -> str:
    """Why newer reference data could not be merged (an UpgradeError), in the interface language; the details
    quoted (SQLite's or the system's words) stay as they are."""
    from PySide6.QtCore import QCoreApplication

    code, p = getattr(exc, "code", None), getattr(exc, "params", {})
    messages = {
        "read_only": QCoreApplication.translate(
            "Start", "{path} is open read-only: the newer reference data cannot be merged into it."),
        "bundle_missing": QCoreApplication.translate(
            "Start", "The reference data shipped with the program ({path}) is missing: nothing was merged."),
        "backup_failed": QCoreApplication.translate(
            "Start", "Your database could not be backed up before merging the newer reference data, so nothing "
                     "was merged: {detail}"),
        "bundle_unreadable": QCoreApplication.translate(
            "Start", "The reference data shipped with the program ({path}) cannot be read ({detail}): nothing was "
                     "merged."),
        "merge_failed": QCoreApplication.translate(
            "Start", "The newer reference data could not be merged ({detail}). Your database was left as it was; "
                     "a backup is at {backup}."),
        "broken_references": QCoreApplication.translate(
            "Start", "Merging the newer reference data would leave broken references ({detail}): nothing was "
                     "changed."),
    }
    return messages[code].format(**p) if code in messages else str(exc)


def after_start(window, opened) -> None:
    """Once the window is up, for the user's own copy: merge a newer bundled database (a backup first;
    the user's changes stay and conflicts are listed), and a daily backup when the data changed."""
    from PySide6.QtCore import QTimer

    from desktop import paths
    from desktop.core.errors import AtlasError
    from desktop.data.backups import daily_backup_if_changed, default_backup_dir
    from desktop.data.upgrade import merge_bundled, needs_upgrade
    from desktop.qt.plaintext import message_box

    db = opened.database
    if not opened.created and needs_upgrade(db, paths.bundled_database()):
        try:
            report = merge_bundled(db, paths.bundled_database(), backup_dir=default_backup_dir())
        except AtlasError as exc:
            message_box(window, APP_NAME, upgrade_error(exc))
        else:
            window.restored()
            message_box(window, APP_NAME, upgrade_report(report), icon="information")

    def daily() -> None:
        try:
            daily_backup_if_changed(db, default_backup_dir())
        except (AtlasError, OSError) as exc:
            window.statusBar().showMessage(str(exc), 8000)

    if not db.readonly:
        QTimer.singleShot(5000, window, daily)


def run(db_path: str | None = None, argv: list[str] | None = None, screenshot: Screenshot | None = None) -> int:
    if screenshot is not None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    prepare_start()
    from PySide6.QtWidgets import QApplication

    from desktop.core.errors import AtlasError

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    if screenshot is not None:
        return _screenshot(app, db_path, screenshot)
    from desktop.qt.shell.instance import claim_database

    lock = claim_database(db_path)  # one window per database; a second one is read-only or not at all
    if lock is None:
        return 0
    try:
        checked = None
        if db_path is None and not lock.readonly:
            checked = check_user_data(app)
            if checked is None:
                lock.release()  # the user gave up: the next start must not find this window's claim
                return 2
        window, opened = start(app, db_path, readonly=lock.readonly, info=checked.info if checked else None)
    except AtlasError as exc:
        _fail(None, str(exc))
        lock.release()
        return 2
    try:
        window.show()
        from PySide6.QtCore import QTimer

        QTimer.singleShot(2000, window, window.start_integrity_check)
        QTimer.singleShot(1000, window, remove_leftovers)  # after the first paint: the start stays lean
        if db_path is None and not lock.readonly:
            after_start(window, opened)
        return app.exec()
    finally:
        opened.database.close()
        lock.release()


def _fail(screenshot: Screenshot | None, message: str) -> None:
    if screenshot is not None:
        print(f"partnership-atlas: {message}", file=sys.stderr)
        return
    from desktop.qt.plaintext import message_box

    message_box(None, APP_NAME, message, icon="critical")


def _screenshot(app, db_path: str | None, request: Screenshot) -> int:
    from PySide6.QtCore import QEventLoop

    from desktop.core.errors import AtlasError

    try:
        window, opened = start(app, db_path, request.lang, remember=False)
    except AtlasError as exc:
        _fail(request, str(exc))
        return 2
    repo = window.repo
    try:
        from desktop.qt.shell.main_window import VIEWS

        if request.view not in VIEWS:
            _fail(request, f"the {request.view} view is not part of this version")
            return 2
        if request.partner:
            if repo.partner(request.partner.upper()) is None:
                _fail(request, f"no partner with the code {request.partner!r}")
                return 2
            window.selection.select_partner(request.partner.upper())
        window.show_view(request.view)
        window.resize(*SCREENSHOT_SIZE)
        window.show()
        if request.view == "map":
            app.processEvents()
            if request.partner:
                window.map.fit_selection()
            else:
                window.map.fit_all()
        view = window.agreements
        if request.search:
            view.set_search_text(request.search)
        deadline = time.monotonic() + 30
        while not (view.is_settled() and window.is_complete()) and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
            time.sleep(0.005)
        if view.is_settled() and view.model.rowCount() and window.selection.agreement is None:
            view.select_first()
        for _ in range(5):
            app.processEvents()
        if not window.grab().save(request.path):
            _fail(request, f"could not write {request.path}")
            return 2
        print(request.path)
        return 0
    finally:
        window.search.shutdown()
        window.close()
        opened.database.close()
