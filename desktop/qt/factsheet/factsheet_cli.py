"""``partnership-atlas factsheet``: print fact sheets to PDF from the command line.

    factsheet --partner ISO3 --lang en|ru|kk -o FILE.pdf [--marking TEXT] [--letter] [--organisation NAME]
    factsheet --all --lang en|ru|kk -o FOLDER [--combined] [--marking TEXT] [--letter] [--organisation NAME]

The PDFs are PDF/A-1b, with the organisation (``--organisation``, else the one saved in the settings, else
"Partnership Atlas") as their author, a subject, keywords and the language of the sheet; a combined PDF has
one bookmark per partner.

Prints one line and returns 0; on an error the user can act on (unknown partner, a database that cannot be
opened, an output that cannot be written) prints ``partnership-atlas: <message>`` to stderr and returns 2.
"""
from __future__ import annotations

import datetime as _dt
import os
import sys
from pathlib import Path
from typing import TextIO

from desktop.core.atomic import file_error_message
from desktop.core.errors import AtlasError
from desktop.data.failures import StorageError, database_errors
from desktop.data.repository import Repository
from desktop.data.usercopy import open_user_database
from desktop.export.factsheet import LANGUAGES, build_factsheet


def _no_display() -> bool:
    """True on a Linux or BSD machine without an X11 or Wayland display."""
    if sys.platform.startswith(("win", "darwin", "cygwin")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _application():
    """The running QApplication, or a new one (offscreen when there is no display), with the bundled font."""
    if "QT_QPA_PLATFORM" not in os.environ and _no_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from desktop.qt.factsheet.factsheet import ensure_fonts

    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setFont(QFont(ensure_fonts(), 10))  # what desktop.app.register_fonts does
    else:
        ensure_fonts()
    return app


def _author(organisation: str | None) -> str | None:
    """The PDFs' author: ``organisation`` as given, else the organisation saved in the settings (None: the
    application's name)."""
    if organisation is not None and organisation.strip():
        return organisation.strip()
    from desktop.qt.shell.settings import Settings

    return Settings().organisation() or None


def factsheet_main(partner: str | None, lang: str, output: str, all_partners: bool, db_path: str | None = None,
                   marking: str | None = None, page_size: str = "A4", *, combined: bool = False,
                   as_of: str | None = None, organisation: str | None = None, out: TextIO | None = None,
                   err: TextIO | None = None) -> int:
    """Write one partner's fact sheet to the PDF ``output``, or (``all_partners``) every partner's: one PDF
    each in the folder ``output``, or one PDF ``output`` with ``combined``."""
    out = out or sys.stdout
    err = err or sys.stderr

    def fail(message: str) -> int:
        print(f"partnership-atlas: {message}", file=err)
        return 2

    if lang not in LANGUAGES:
        return fail(f"no fact sheet language {lang!r} (choose one of {', '.join(LANGUAGES)})")
    if page_size not in ("A4", "Letter"):
        return fail(f"unknown page size {page_size!r} (A4 or Letter)")
    if not all_partners and not (partner or "").strip():
        return fail("name a partner (--partner ISO3) or ask for all of them (--all)")
    target = Path(output)
    try:
        if all_partners and not combined and target.exists() and not target.is_dir():
            return fail(f"{target} is a file; --all writes one PDF per partner into a folder (or add --combined)")
        if (not all_partners or combined) and target.is_dir():
            return fail(f"{target} is a folder; give the name of the PDF file to write")
    except OSError as exc:  # a name too long, a file where a folder should be
        return fail(file_error_message(exc, target))
    when = as_of or _dt.date.today().isoformat()
    try:
        opened = open_user_database(db_path, reading=True)
    except AtlasError as exc:
        return fail(str(exc))
    except OSError as exc:  # the database's name too long, no permission
        return fail(file_error_message(exc, reading=True))
    try:
        with database_errors(), opened.database as db:  # SQLite's own errors leave as StorageError
            repo = Repository(db)
            _application()
            from desktop.qt.factsheet.factsheet import render_all, render_factsheet

            author = _author(organisation)
            if all_partners:
                paths = render_all(repo, lang, target, combined, as_of=when, marking=marking, page_size=page_size,
                                   author=author)
                if combined:
                    print(f"{target}: fact sheets of {len(repo.partners())} partners ({lang})", file=out)
                else:
                    print(f"{len(paths)} fact sheets ({lang}) written to {target}", file=out)
                return 0
            sheet = build_factsheet(repo, partner or "", lang, when, marking)
            pages = render_factsheet(sheet, target, page_size=page_size, repo=repo, author=author)
            print(f"{target}: fact sheet of {sheet.partner} ({lang}), {pages} page{'s' if pages != 1 else ''}",
                  file=out)
            return 0
    except StorageError as exc:
        return fail(f"the database could not be read: {exc}")
    except AtlasError as exc:
        return fail(str(exc))
    except OSError as exc:
        if exc.errno is None:  # the writer's own words
            return fail(f"{target} could not be written: {exc}")
        return fail(file_error_message(exc, target))
