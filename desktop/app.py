"""Composition root: opens the database, builds the window, runs the event loop."""
from __future__ import annotations

import sys

from desktop import APP_ID, APP_NAME, __version__


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


def run(db_path: str | None = None, argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.core.errors import AtlasError
    from desktop.data.repository import Repository
    from desktop.data.usercopy import open_user_database
    from desktop.qt.main_window import MainWindow

    from desktop.paths import user_data_dir
    from desktop.qt.crash import install_excepthook

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    install_excepthook(user_data_dir() / "logs")
    register_fonts(app)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    try:
        opened = open_user_database(db_path)
    except AtlasError as exc:
        QMessageBox.critical(None, APP_NAME, str(exc))
        return 2
    window = MainWindow(Repository(opened.database), notice=opened.notice)
    window.show()
    try:
        return app.exec()
    finally:
        opened.database.close()
