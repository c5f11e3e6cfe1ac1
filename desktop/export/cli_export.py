"""Command-line entry points: ``partnership-atlas export``, ``backup`` and ``restore`` (no Qt).

Each opens the database as the other commands do (the user's copy, or ``--db PATH``), prints a one-line
summary and returns 0; on an error the user can act on it prints ``partnership-atlas: <message>`` to stderr
and returns 2.
"""
from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from desktop import paths
from desktop.core.atomic import file_error, file_error_message
from desktop.core.errors import AtlasError
from desktop.data.backup import backup_database, restore_database, restore_file
from desktop.data.database import DamagedDatabaseError, Database, ForeignDatabaseError, NotADatabaseError
from desktop.data.usercopy import Opened, open_user_database
from desktop.export.writers import ExportError, UnencodableError, decimal_mark, run_export

# The format each file extension names (an export without --format takes its format from the file's name).
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".json": "json", ".geojson": "geojson"}

# How a count of records of a kind reads: (one, many).
NOUNS = {
    "agreement": ("agreement", "agreements"), "event": ("event", "events"),
    "trade": ("trade figure", "trade figures"), "target": ("target", "targets"), "fact": ("fact", "facts"),
    "node": ("node", "nodes"), "segment": ("segment", "segments"), "source": ("source", "sources"),
    "corridor": ("corridor", "corridors"), "partner": ("partner", "partners"),
    "alias": ("other name", "other names"),
}


def count_of(n: int, kind: str) -> str:
    """'1 agreement', '76 agreements', '3 trade figures'."""
    one, many = NOUNS.get(kind, (kind, kind + "s"))
    return f"{n:,} {one if n == 1 else many}"


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(1, round(size / 1024))} KB"


def _open(db_path: str | None, *, only_reads: bool = False) -> Opened:
    """:func:`open_user_database` (``only_reads``: for a command that only reads it, see ``reading`` there); a file
    error (a name too long) becomes a FileError that says so."""
    try:
        return open_user_database(db_path, reading=only_reads)
    except OSError as exc:
        raise file_error(exc, exc.filename or db_path or "The database", reading=True) from exc


def _run(db_path: str | Opened | None, work: Callable[[Database], str], out: TextIO | None,
         err: TextIO | None, *, reading: bool = False, only_reads: bool = False) -> int:
    """Open the database, ``work(db)``, print its line; an error the user can act on is printed as one line
    (a file error in the words of :func:`desktop.core.atomic.file_error_message`, ``reading`` when the
    command's file is read rather than written)."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        opened = db_path if isinstance(db_path, Opened) else _open(db_path, only_reads=only_reads)
        with opened.database as db:
            line = work(db)
    except AtlasError as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2
    except sqlite3.Error as exc:
        print(f"partnership-atlas: the database could not be read: {exc}", file=err)
        return 2
    except OSError as exc:
        print(f"partnership-atlas: {file_error_message(exc, reading=reading)}", file=err)
        return 2
    print(line, file=out)
    return 0


def format_for(fmt: str | None, output: str) -> str:
    """The format to write ``output`` in: ``--format`` when given, else the one its extension names.

    Refused (ExportError) when the two disagree (``--format csv -o x.xlsx`` would put CSV in a file that
    Excel then cannot open), or when neither says (no ``--format`` and an extension that names no format).
    """
    suffix = Path(output).suffix.lower()
    named = EXTENSIONS.get(suffix)
    known = ", ".join(EXTENSIONS)
    if fmt is None:
        if named is None:
            raise ExportError(f"The name {Path(output).name} does not say which format to write: end it with "
                              f"{known}, or give --format.")
        return named
    fmt = fmt.lower()
    if named is not None and named != fmt:
        raise ExportError(f"--format {fmt} does not match the name {Path(output).name}, which ends in {suffix} "
                          f"({named}): give the file a {fmt} name, or leave --format out.")
    return fmt


def export_main(kind: str, fmt: str | None, output: str, db_path: str | None = None, delimiter: str = ",",
                encoding: str = "utf-8-sig", partner: str | None = None, *, errors: str = "strict",
                decimal: str | None = None, include_unplaced: bool = False, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """``partnership-atlas export KIND [--format FMT] -o FILE``: e.g. "Wrote 76 agreements to out.csv".

    Without ``fmt`` the format is the one the file's extension names (see :func:`format_for`); without
    ``decimal`` a CSV file's decimal mark is the one that goes with ``delimiter`` (see
    :func:`desktop.export.writers.decimal_mark`)."""
    try:
        fmt = format_for(fmt, output)
        if fmt == "csv":
            decimal = decimal_mark(delimiter, decimal)
        if include_unplaced and fmt != "geojson":
            raise ExportError("--include-unplaced applies to GeoJSON only (the other formats write every record).")
    except ExportError as exc:  # before the database is opened: nothing is written
        print(f"partnership-atlas: {exc}", file=err or sys.stderr)
        return 2

    def work(db: Database) -> str:
        try:
            result = run_export(db, kind, fmt, output, partner=partner, delimiter=delimiter, encoding=encoding,
                                errors=errors, decimal=decimal, include_unplaced=include_unplaced)
        except UnencodableError as exc:
            raise UnencodableError(f"{exc} With --encoding-errors replace they are written as the nearest "
                                   "letters or “?”.") from exc
        line = f"Wrote {count_of(result.rows, kind)} to {output}"
        if include_unplaced and result.unplaced:
            line += f" ({count_of(result.unplaced, kind)} without coordinates as \"geometry\": null)"
        if result.left_out:
            line += f" ({count_of(result.left_out, kind)} without coordinates left out)"
        return line + "."
    return _run(db_path, work, out, err, only_reads=True)


def template_main(kind: str, fmt: str | None, output: str, db_path: str | None = None, lang: str = "en", *,
                  out: TextIO | None = None, err: TextIO | None = None) -> int:
    """``partnership-atlas export KIND --template -o FILE.xlsx [--lang en|ru|kk]``: an empty workbook to fill for
    an import (desktop.export.template), e.g. "Wrote the import template for agreements (17 columns) to t.xlsx"."""
    from desktop.export.template import check_template_kind, write_template

    try:
        check_template_kind(kind)
        if fmt is not None and fmt.lower() != "xlsx":
            raise ExportError(f"A template is an Excel workbook, not {fmt.upper()}: leave --format out or give "
                              "--format xlsx.")
        if Path(output).suffix.lower() != ".xlsx":
            raise ExportError(f"A template is an Excel workbook: give it a name ending in .xlsx, not "
                              f"{Path(output).name}.")
    except ExportError as exc:  # before the database is opened: nothing is written
        print(f"partnership-atlas: {exc}", file=err or sys.stderr)
        return 2

    def work(db: Database) -> str:
        columns = write_template(db, kind, output, lang)
        return f"Wrote the import template for {NOUNS[kind][1]} ({columns} columns) to {output}."
    return _run(db_path, work, out, err, only_reads=True)


def backup_main(output: str, db_path: str | None = None, *, out: TextIO | None = None,
                err: TextIO | None = None) -> int:
    """``partnership-atlas backup FILE``: a verified copy of the database."""
    def work(db: Database) -> str:
        target = backup_database(db, Path(output))
        return f"Backed up {db.path} to {target} ({_size(target)})."
    return _run(db_path, work, out, err, only_reads=True)


def restore_main(backup: str, db_path: str | None = None, *, out: TextIO | None = None,
                 err: TextIO | None = None) -> int:
    """``partnership-atlas restore FILE``: replace the database's contents with a backup.

    A database too damaged to open is not written into: it is moved aside and the backup put in its place.
    """
    out, err = out or sys.stdout, err or sys.stderr
    try:  # a backup that cannot even be opened (a name too long, no permission): the database is not touched
        with open(backup, "rb"):
            pass
    except OSError as exc:
        print(f"partnership-atlas: {file_error_message(exc, reading=True)}", file=err)
        return 2
    try:
        opened = _open(db_path)
    except ForeignDatabaseError as exc:  # another program's file: a wrong path, never ours to move or replace
        print(f"partnership-atlas: {exc} Nothing was restored.", file=err)
        return 2
    except (DamagedDatabaseError, NotADatabaseError):
        target = Path(db_path) if db_path is not None else paths.user_database()
        try:
            kept = restore_file(Path(backup), target)
        except AtlasError as exc:
            print(f"partnership-atlas: {exc}", file=err)
            return 2
        except OSError as exc:  # the backup could not be read (a name too long, no permission)
            print(f"partnership-atlas: {file_error_message(exc, reading=True)}", file=err)
            return 2
        print(f"{target} could not be opened, so it was moved to {kept}; restored {target} from {backup}.", file=out)
        return 0
    except AtlasError as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2

    def work(db: Database) -> str:
        restore_database(db, Path(backup))
        return f"Restored {db.path} from {backup}."
    return _run(opened, work, out, err, reading=True)
