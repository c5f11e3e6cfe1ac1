"""``partnership-atlas import KIND FILE [--dry-run] [--all-changes] [--db PATH]``: the preview printed, then applied.

The preview names each field that changes in each record to update, one line per field (``uid  column: "now" →
"after"``), the first MAX_CHANGES of them unless ``--all-changes``.

Exit status: 0 when applied (or a dry run without rejections); 1 when any row is rejected (then nothing is
applied); 2 when the file cannot be read, its columns are not recognised with certainty (there is no mapping
step on the command line), or the database cannot be used.
"""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path
from typing import TextIO

from desktop.core.errors import AtlasError
from desktop.data.database import Database
from desktop.data.usercopy import open_user_database
from desktop.export.comtrade import comtrade_table, is_comtrade
from desktop.export.fileformat import COLUMNS, file_column
from desktop.export.importing import (
    ColumnMatch,
    Preview,
    apply_import,
    build_change_set,
    match_columns,
    preview,
    read_import_table,
)
from desktop.export.readers import SheetChoiceNeeded, Table

MAX_SHOWN = 200
MAX_CHANGES = 200  # lines of changed fields printed without --all-changes
PROG = "partnership-atlas"


def import_main(kind: str, path: str, db_path: str | None = None, dry_run: bool = False,
                out: TextIO | None = None, err: TextIO | None = None, all_changes: bool = False) -> int:
    """Import FILE as records of KIND ("comtrade": a UN Comtrade download as trade figures). ``all_changes``: print
    every changed field of the records to update, not only the first MAX_CHANGES."""
    out = out or sys.stdout
    err = err or sys.stderr
    file = Path(path)
    try:
        table = read_import_table(file, kind)
        record_kind = kind
        if kind == "comtrade":
            table = comtrade_table(table, file.name)
            record_kind = "trade"
        match = match_columns(record_kind, table.columns)
    except SheetChoiceNeeded as exc:
        print(f"{PROG}: {exc}", file=err)
        print("  Save the sheet to import as a workbook of its own (or as CSV) and import that file, or use the "
              "import dialog of the application, which lets you choose the sheet.", file=err)
        return 2
    except AtlasError as exc:
        print(f"{PROG}: {exc}", file=err)
        return 2
    if not match.sure:
        _unsure(match, kind, table, err)
        return 2
    try:
        opened = open_user_database(db_path)
    except (AtlasError, sqlite3.Error) as exc:
        print(f"{PROG}: {exc}", file=err)
        return 2
    with opened.database as db:
        if db.readonly and not dry_run:
            print(f"{PROG}: {db.path} is open read-only; nothing can be imported into it.", file=err)
            return 2
        try:
            return _run(db, record_kind, table, match, file, dry_run, out, all_changes)
        except (AtlasError, sqlite3.Error) as exc:
            print(f"{PROG}: {exc}", file=err)
            return 2


def _unsure(match: ColumnMatch, kind: str, table: Table, err: TextIO) -> None:
    print(f"{PROG}: the columns of the file were not recognised with certainty, so nothing was imported.", file=err)
    if match.missing:
        print(f"  Missing: {', '.join(match.missing)}.", file=err)
    if match.loose:
        print(f"  Only guessed (rename them to the field names): "
              f"{', '.join(f'{c} -> {match.mapping[c]}' for c in match.loose)}.", file=err)
    if match.unmatched:
        print(f"  Not used: {', '.join(match.unmatched)}.", file=err)
    print(f"  Name the columns as an export does ({', '.join(COLUMNS[match.kind])}), or use the import dialog "
          "of the application, which lets you choose.", file=err)
    if kind == "trade" and is_comtrade(table):
        print("  This looks like a UN Comtrade download: import it with the kind \u201ccomtrade\u201d.", file=err)


def _run(db: Database, kind: str, table: Table, match: ColumnMatch, file: Path, dry_run: bool, out: TextIO,
         all_changes: bool = False) -> int:
    where = f" ({table.encoding}, separated by {_delimiter_name(table.delimiter)})" if table.delimiter else ""
    if table.sheet:
        where = f", sheet \u201c{table.sheet}\u201d"
    print(f"File: {file.name}{where}", file=out)
    print("Columns: " + ", ".join(f"{column} -> {name}" for column, name in match.mapping.items()), file=out)
    if match.unmatched:
        print("Not used: " + ", ".join(match.unmatched), file=out)
    result = preview(db, kind, table, match)
    c = result.counts()
    print(f"Rows read: {result.rows_read}", file=out)
    print(f"To add: {c['add']}  To update: {c['update']}  Unchanged: {c['unchanged']}  Rejected: {c['reject']}",
          file=out)
    for note in result.notes:
        print(f"Note: {note}", file=out)
    _print_changes(result, out, None if all_changes else MAX_CHANGES)
    for rejection in result.rejected[:MAX_SHOWN]:
        print(f"row {rejection.row}: {rejection.reason}", file=out)
    if len(result.rejected) > MAX_SHOWN:
        print(f"and {len(result.rejected) - MAX_SHOWN} more", file=out)
    if result.rejected:
        print("Nothing was imported: correct or remove the rejected rows and run the import again.", file=out)
        return 1
    if dry_run:
        print("Dry run: nothing was changed.", file=out)
        return 0
    if not result.add and not result.update:
        print("Nothing to import: every row matches a record as it is.", file=out)
        return 0
    change_set = build_change_set(db, result, file_name=file.name, label=f"Import {file.name}")
    apply_import(db, change_set)
    source = change_set.changes[0].after
    uid = source.uid if source is not None else "?"
    print(f"Imported: {c['add']} added, {c['update']} updated, in one change (logged as an import). "
          f"They cite the new source \u201c{uid}\u201d that stands for the file.", file=out)
    return 0


def _print_changes(result: Preview, out: TextIO, limit: int | None) -> None:
    """Each field that changes in the records to update, one line each: ``uid  column: "now" → "after"`` (the
    values quoted as JSON strings, so that a line break or a quote stays on the line), the first ``limit`` lines
    and how many more."""
    if not result.update:
        return
    print("Changes (record  column: now \u2192 after):", file=out)
    printed = more = 0
    for planned, (name, old, new) in result.changes():
        if limit is not None and printed >= limit:
            more += 1
            continue
        print(f"{planned.uid}  {file_column(name)}: {_quoted(old)} \u2192 {_quoted(new)}", file=out)
        printed += 1
    if more:
        print(f"and {more} more changed field(s) (--all-changes prints them all)", file=out)


def _quoted(value: str | None) -> str:
    return "(empty)" if value is None else json.dumps(value, ensure_ascii=False)


def _delimiter_name(delimiter: str | None) -> str:
    return {",": "commas", ";": "semicolons", "\t": "tabs"}.get(delimiter or "", repr(delimiter))
