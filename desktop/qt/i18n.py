"""The interface language: Qt translators (.ts sources in resources/translations, .qm built).

English is the source language of every tr() string; Russian comes from ``atlas_ru.ts`` and Kazakh (Cyrillic,
the script in official use) from ``atlas_kk.ts``. The
current language is the default QLocale: widgets ask :func:`current_language` and re-read their
texts when Qt sends them a LanguageChange event (which installing a translator does).

    python -m desktop.qt.i18n          build the .qm files from the .ts sources (lrelease)
    python -m desktop.qt.i18n update   refresh the .ts sources from the code (lupdate)
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desktop.paths import resource, source_root

LANGUAGES = ("en", "ru", "kk")
TS_DIR = ("translations",)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate finds it by this name) and return it unchanged: it is
    translated where it is shown. PySide6's own does the same, but its stub says it returns ``object``."""
    return text


def _tool(name: str) -> str | None:
    """The Qt linguist tool shipped in the PySide6 wheel (lrelease, lupdate)."""
    import PySide6

    folder = Path(PySide6.__file__).parent
    for candidate in (folder / name, folder / f"{name}.exe", folder / "Qt" / "libexec" / name):
        if candidate.exists():
            return str(candidate)
    return shutil.which(f"pyside6-{name}")


def translations_dir() -> Path:
    return resource(*TS_DIR)


def build_translations(force: bool = False) -> list[Path]:
    """Compile every .ts into a .qm beside it (only stale ones unless ``force``)."""
    built = []
    tool = None
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not force and qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        tool = tool or _tool("lrelease")
        if tool is None:
            raise RuntimeError("lrelease was not found (it ships with PySide6)")
        import subprocess  # only when building: not on the start path

        subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


def update_sources() -> None:
    """Re-extract tr() strings from desktop/qt into the .ts files (keeps existing translations)."""
    tool = _tool("lupdate")
    if tool is None:
        raise RuntimeError("lupdate was not found (it ships with PySide6)")
    code = sorted(str(p) for p in (source_root() / "desktop" / "qt").rglob("*.py"))
    code.append(str(source_root() / "desktop" / "app.py"))  # the start's questions (QCoreApplication.translate)
    for lang in LANGUAGES:
        ts = translations_dir() / f"atlas_{lang}.ts"
        # English is the source language: its file only holds the plural forms of %n messages.
        extra = ["-pluralonly"] if lang == "en" else []
        import subprocess

        subprocess.run([tool, "-locations", "none", "-no-obsolete", *extra, *code, "-ts", str(ts)], check=True)


def system_language() -> str:
    """The system locale's language if we have it, else English."""
    name = QLocale.system().name()[:2]
    return name if name in LANGUAGES else "en"


def current_language() -> str:
    name = QLocale().name()[:2]
    return name if name in LANGUAGES else "en"


class ShowsLanguage(Protocol):
    lang: str  # the language a view shows its data in


def adopt_language(view: ShowsLanguage) -> bool:
    """Set ``view.lang`` to the interface language; True if that changed it. Qt sends a LanguageChange for every
    translator installed or removed, several for one switch: a view reads its own texts again on each, and its
    data only when this says the language changed."""
    lang = current_language()
    if lang == view.lang:
        return False
    view.lang = lang
    return True


def locale_for(lang: str) -> QLocale:
    if lang == "ru":
        return QLocale(QLocale.Language.Russian, QLocale.Country.Russia)
    if lang == "kk":
        return QLocale(QLocale.Language.Kazakh, QLocale.Country.Kazakhstan)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


class Translator:
    """Installs the application's and Qt's own translators for one language at a time."""

    def __init__(self, app: QCoreApplication):
        self.app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def set_language(self, lang: str) -> None:
        if lang not in LANGUAGES:
            lang = "en"
        previous, removed = self.language, bool(self._installed)
        for translator in self._installed:
            self.app.removeTranslator(translator)  # Qt posts LanguageChange for this
        self._installed.clear()
        QLocale.setDefault(locale_for(lang))
        self.language = lang
        # English too: its .qm holds the plural forms ("1 event", "2 events").
        qm = translations_dir() / f"atlas_{lang}.qm"
        if not qm.exists():
            import subprocess

            try:
                build_translations()
            except (OSError, RuntimeError, subprocess.CalledProcessError) as exc:
                print(f"translations could not be built: {exc}", file=sys.stderr)
        own = QTranslator(self.app)
        if own.load(str(qm)):
            self._installed.append(own)
        qt = QTranslator(self.app)
        if lang != "en" and qt.load(locale_for(lang), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            self._installed.append(qt)
        for translator in self._installed:
            self.app.installTranslator(translator)
        # Qt posts LanguageChange to the application, which posts it on to every window: deliver
        # both rounds now, so the texts have changed when this returns.
        from PySide6.QtCore import QEvent

        for _ in range(2):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        if not self._installed and not removed and lang != previous:
            # Nothing installed or removed means no LanguageChange from Qt: send it ourselves.
            from PySide6.QtCore import QEvent

            for widget in _top_level_widgets():
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))


def _top_level_widgets() -> list:
    from PySide6.QtWidgets import QApplication

    return list(QApplication.topLevelWidgets()) if isinstance(QCoreApplication.instance(), QApplication) else []


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] == "update":
        update_sources()
        return 0
    for qm in build_translations(force=True):
        print(f"built {qm}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
