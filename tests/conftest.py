"""Test set-up: no display, and user folders that point into tmp_path, never the real ones."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop import paths  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "db" / "seed"
BUNDLED_DB = ROOT / "db" / "atlas.sqlite"

pytest_plugins = ["tests.postgres"]  # a real PostgreSQL for the team-sync tests (fixtures pg_cluster, team_db)


@pytest.fixture(autouse=True)
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Point the per-user data and settings folders at tmp_path for every test."""
    data = tmp_path / "user-data"
    config = tmp_path / "user-config"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    monkeypatch.setenv(paths.CONFIG_DIR_ENV, str(config))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    return {"data": data, "config": config}


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp):
    """The compiled translations, and English installed (its .qm holds the plural forms)."""
    from desktop.qt.i18n import Translator, build_translations

    build_translations()
    translator = Translator(qapp)
    translator.set_language("en")
    return translator


@pytest.fixture(autouse=True)
def delete_widgets_after_test():
    """Delete every top-level widget a test left behind (closed is not enough: an undeleted
    widget would still receive the next test's LanguageChange, with its database closed)."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    app = QCoreApplication.instance()
    if isinstance(app, QApplication):
        for widget in QApplication.topLevelWidgets():
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def translations():
    from desktop.qt.i18n import build_translations

    build_translations()


@pytest.fixture
def translator(qapp, translations):
    """The app's translator, in English; back to English after the test."""
    from PySide6.QtCore import QLocale

    from desktop.qt.i18n import Translator, locale_for

    t = Translator(qapp)
    t.set_language("en")
    yield t
    t.set_language("en")
    QLocale.setDefault(locale_for("en"))


@pytest.fixture(scope="session")
def built_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database freshly built from db/seed (shared by the session; do not write to it)."""
    from desktop.data.build import build

    return build(SEED_DIR, tmp_path_factory.mktemp("built") / "atlas.sqlite")


@pytest.fixture
def db_copy(built_db: Path, tmp_path: Path) -> Path:
    """A private copy of the built database that a test may open, change or break."""
    copy = tmp_path / "atlas-copy.sqlite"
    shutil.copyfile(built_db, copy)
    return copy


@pytest.fixture
def repo(built_db: Path, tmp_path: Path):
    """A Repository over a private writable copy of the freshly built database."""
    from desktop.data.database import open_database
    from desktop.data.repository import Repository

    copy = tmp_path / "atlas-copy.sqlite"
    shutil.copyfile(built_db, copy)
    db = open_database(copy)
    yield Repository(db)
    db.close()


@pytest.fixture
def open_window(qtbot, repo, translator):
    """Build the main window on ``repo`` as the application does, show it and wait for its first rows;
    ``complete=True`` also builds what the window builds after its first paint (sidebar, detail pane). The
    search thread is shut down after the test."""
    from desktop.app import build_window

    made = []

    def make(*, size: tuple[int, int] | None = (1300, 850), complete: bool = True):
        w = build_window(repo, translator=translator)
        qtbot.addWidget(w)
        if size is not None:
            w.resize(*size)
        w.show()
        qtbot.waitUntil(w.agreements.is_settled, timeout=10_000)
        if complete:
            w.complete()
        made.append(w)
        return w

    yield make
    for w in made:
        w.search.shutdown()


@pytest.fixture
def selection():
    """A selection of its own, for a view built alone."""
    from desktop.qt.shell.selection import SelectionState

    return SelectionState()


@pytest.fixture
def trade(qtbot, repo, selection):
    """The trade view alone over ``repo``, shown at 1100×700."""
    from desktop.qt.trade.trade_view import TradeView

    view = TradeView(repo, selection)
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def map_view(qapp, repo):
    """An offscreen corridor map for fact-sheet insets (desktop.qt.factsheet.factsheet.make_map_view) over ``repo``."""
    from desktop.qt.factsheet.factsheet import make_map_view

    view = make_map_view(repo)
    yield view
    view.close()
    view.deleteLater()
