"""Entry point: ``partnership-atlas`` / ``python -m desktop``.

    partnership-atlas [--db PATH]                      start the application
    partnership-atlas --self-test                      check the installation offscreen and exit
    partnership-atlas --screenshot FILE.png [--view agreements|map|trade] [--lang en|ru|kk]
                      [--partner ISO3] [--search TEXT]  render the window offscreen and exit
    partnership-atlas search TEXT [--kind KIND ...] [--partner ISO3] [--variants] [--limit N] [--json] [--lang L]
                             [--db PATH]
                                                        every kind of record that matches, grouped by kind
    partnership-atlas build-db [--seeds DIR] [-o FILE] build the bundled database from db/seed
    partnership-atlas export KIND -o FILE [--format csv|xlsx|json|geojson] [--delimiter comma|semicolon|tab]
                      [--decimal comma|point] [--encoding cp1251 [--encoding-errors replace]]
                      [--partner ISO3] [--include-unplaced] [--db PATH]
    partnership-atlas export KIND --template -o FILE.xlsx [--lang en|ru|kk] [--db PATH]
                                                        an empty workbook to fill for an import of KIND
    partnership-atlas import KIND FILE [--dry-run] [--all-changes] [--db PATH]   (KIND may be "comtrade"; nodes
                      and segments also from GeoJSON)
    partnership-atlas factsheet --partner ISO3 --lang en|ru|kk -o FILE.pdf [--marking TEXT] [--letter]
                      [--organisation NAME] [--db PATH]     a PDF/A-1b fact sheet
    partnership-atlas factsheet --all --lang en|ru|kk -o FOLDER [--combined]   every partner (one PDF each, or one)
    partnership-atlas backup FILE [--db PATH]           a checked copy through SQLite's backup API
    partnership-atlas restore FILE [--db PATH]          replace the database with a checked backup
"""
from __future__ import annotations

import argparse
import os
import sys

# The record kinds "search --kind" takes (desktop.data.find.KIND_NAMES; not imported here, so that
# starting the application does not load the search module).
_KIND_NAMES = ("agreement", "event", "fact", "node", "corridor", "segment", "project", "trade", "target",
               "mechanism", "partner", "source")


def _kinds(value: str) -> list[str]:
    """``--kind`` values: one kind or several separated by commas."""
    kinds = [k.strip().lower() for k in value.split(",") if k.strip()]
    unknown = [k for k in kinds if k not in _KIND_NAMES]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(f"unknown kind {value!r} (choose from {', '.join(_KIND_NAMES)})")
    return kinds


def _singular(known: tuple[str, ...]):
    """An argparse ``type`` for a record kind typed singular or plural ("agreements", "aliases"): the singular
    when it is one of ``known``, else the value as typed (argparse then says which are known)."""
    def kind(value: str) -> str:
        value = value.strip().lower()
        for singular in (value, value.removesuffix("s"), value.removesuffix("es")):
            if singular in known:
                return singular
        return value
    return kind


# --delimiter: the names shown in --help, and the characters scripts have always been able to give.
_DELIMITERS = {"comma": ",", "semicolon": ";", "tab": "\t", ",": ",", ";": ";"}


def _delimiter(value: str) -> str:
    """``--delimiter`` comma, semicolon or tab (or the character itself): the character."""
    try:
        return _DELIMITERS[value.strip().lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"unknown delimiter {value!r} (choose from comma, semicolon, tab)") from None


# --decimal: the names shown in --help, and the characters themselves.
_DECIMALS = {"comma": ",", "point": ".", ",": ",", ".": "."}


def _decimal(value: str) -> str:
    """``--decimal`` comma or point (or the character itself): the character."""
    try:
        return _DECIMALS[value.strip().lower()]
    except KeyError:
        raise argparse.ArgumentTypeError(f"unknown decimal mark {value!r} (choose from comma, point)") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partnership-atlas",
                                     description="Offline reference on Kazakhstan's partnerships.")
    parser.add_argument("--db", metavar="PATH", help="open this database file instead of your own copy")
    parser.add_argument("--self-test", action="store_true",
                        help="check this installation offscreen (a copy of the bundled data) and exit: 0 if it works")
    shot = parser.add_argument_group("screenshots")
    shot.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen at 1400×900, save it, exit")
    shot.add_argument("--view", choices=("agreements", "map", "trade"), default="agreements")
    shot.add_argument("--lang", choices=("en", "ru", "kk"))
    shot.add_argument("--partner", dest="shot_partner", metavar="ISO3")
    shot.add_argument("--search", dest="shot_search", metavar="TEXT")
    sub = parser.add_subparsers(dest="command")
    search = sub.add_parser("search", help="find records of every kind that match a search, grouped by kind")
    search.add_argument("text", help="words to look for (English, Russian or Kazakh; word forms, prefixes, "
                                     "other scripts' spellings and other names match)")
    search.add_argument("--kind", dest="kinds", action="append", type=_kinds, metavar="KIND",
                        help=f"only this kind (repeat, or separate with commas): {', '.join(_KIND_NAMES)}")
    search.add_argument("--partner", metavar="ISO3", help="only this partner (e.g. TUR)")
    search.add_argument("--variants", action="store_true",
                        help="also print what the query was expanded to (word forms, keys, other names)")
    search.add_argument("--db", dest="sub_db", metavar="PATH", help="database file to search")
    search.add_argument("--json", action="store_true", help="print a JSON list of objects")
    search.add_argument("--limit", type=int, default=20, help="at most this many of each kind (default 20)")
    search.add_argument("--lang", dest="search_lang", choices=("en", "ru", "kk"), default="en",
                        help="the language of the labels and snippets printed, where a record has it (default en)")
    export = sub.add_parser("export", help="write records to a CSV, XLSX, JSON or GeoJSON file")
    export_kinds = ("agreement", "event", "trade", "target", "fact", "node", "segment", "source", "corridor",
                    "partner", "alias")
    export.add_argument("kind", type=_singular(export_kinds), choices=export_kinds,
                        help="the kind of records, singular or plural (agreement or agreements)")
    export.add_argument("--format", dest="fmt", choices=("csv", "xlsx", "json", "geojson"),
                        help="the file's format (default: the one its extension names: .csv, .xlsx, .json, .geojson)")
    export.add_argument("-o", "--output", dest="export_output", required=True, metavar="FILE")
    export.add_argument("--delimiter", default=",", type=_delimiter, metavar="{comma,semicolon,tab}",
                        help="what separates the fields of a CSV file (default comma)")
    export.add_argument("--decimal", type=_decimal, metavar="{comma,point}",
                        help="the decimal mark of numbers in a CSV file (default: comma with the semicolon "
                             "separator, as Excel expects with Russian settings; point otherwise)")
    export.add_argument("--encoding", default="utf-8-sig", choices=("utf-8-sig", "utf-8", "cp1251"))
    export.add_argument("--encoding-errors", default="strict", choices=("strict", "replace"),
                        help="replace: letters the encoding lacks are written as the nearest it has (for cp1251)")
    export.add_argument("--partner", dest="export_partner", metavar="ISO3")
    export.add_argument("--include-unplaced", action="store_true",
                        help="GeoJSON: also write the records without coordinates, as features with "
                             "\"geometry\": null (default: left out and counted)")
    export.add_argument("--template", action="store_true",
                        help="write an empty XLSX template to fill for an import of KIND instead: the header row, "
                             "each column described, and drop-down lists of the values allowed")
    export.add_argument("--lang", dest="export_lang", choices=("en", "ru", "kk"), default="en",
                        help="with --template: the language of the column descriptions (default en)")
    export.add_argument("--db", dest="sub_db", metavar="PATH")
    imp = sub.add_parser("import", help="add or update records from a file (prints the preview first)")
    import_kinds = ("agreement", "event", "trade", "target", "fact", "alias", "node", "segment", "comtrade")
    imp.add_argument("kind", type=_singular(import_kinds), choices=import_kinds,
                     help="the kind of records, singular or plural; comtrade: a UN Comtrade download")
    imp.add_argument("file")
    imp.add_argument("--dry-run", action="store_true", help="print the preview only; change nothing")
    imp.add_argument("--all-changes", action="store_true",
                     help="print every changed field of the records to update (default: the first 200)")
    imp.add_argument("--db", dest="sub_db", metavar="PATH")
    sheet = sub.add_parser("factsheet", help="write a partner's fact sheet (PDF, A4 or Letter)")
    who = sheet.add_mutually_exclusive_group(required=True)
    who.add_argument("--partner", dest="sheet_partner", metavar="ISO3")
    who.add_argument("--all", dest="sheet_all", action="store_true", help="every partner")
    sheet.add_argument("--lang", dest="sheet_lang", choices=("en", "ru", "kk"), default="en")
    sheet.add_argument("-o", "--output", dest="sheet_output", required=True, metavar="FILE.pdf|FOLDER")
    sheet.add_argument("--marking", metavar="TEXT", help='a line on every page, e.g. "For official use"')
    sheet.add_argument("--letter", action="store_true", help="US Letter instead of A4")
    sheet.add_argument("--combined", action="store_true",
                       help="with --all: one PDF, each partner from a new page, with a bookmark for each")
    sheet.add_argument("--organisation", metavar="NAME",
                       help="the PDF's author (default: the organisation saved in the settings, else the app's name)")
    sheet.add_argument("--db", dest="sub_db", metavar="PATH")
    backup = sub.add_parser("backup", help="write a checked copy of the database")
    backup.add_argument("file")
    backup.add_argument("--db", dest="sub_db", metavar="PATH")
    restore = sub.add_parser("restore", help="replace the database with a checked backup")
    restore.add_argument("file")
    restore.add_argument("--db", dest="sub_db", metavar="PATH")
    _sync_parsers(sub)
    build = sub.add_parser("build-db", help="build the bundled database from the seed files")
    build.add_argument("--seeds", metavar="DIR")
    build.add_argument("-o", "--output", metavar="FILE")
    return parser


def _sync_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    conn_help = ("the team server: a libpq connection string (\"host=… dbname=… user=…\"), a postgresql:// URL or "
                 "service=NAME; passwords come from ~/.pgpass, never from the command line")
    server = sub.add_parser("server", help="set up the team server (PostgreSQL)")
    server_sub = server.add_subparsers(dest="server_command", required=True)
    init = server_sub.add_parser("init", help="create or update the team server's schema, roles and reference data")
    init.add_argument("--url", required=True, metavar="CONNINFO", help=conn_help)
    init.add_argument("--curator", metavar="ROLE", help="an existing login role to make the first curator")
    init.add_argument("--bundled", metavar="FILE", help="the reference data to load (default: the bundled database)")
    conflicts = server_sub.add_parser("conflicts", help="list the conflicts the team's laptops found and left open")
    conflicts.add_argument("--url", required=True, metavar="CONNINFO", help=conn_help)
    conflicts.add_argument("--close", type=int, metavar="N",
                           help="mark conflict N settled (your own; a curator may settle anyone's)")
    sync = sub.add_parser("sync", help="sync this database with the team server (pull, push, pull)")
    sync.add_argument("--server", metavar="CONNINFO", help=conn_help + " (default: the last one used)")
    sync.add_argument("--conflicts", action="store_true", help="list the conflicts waiting for your choice")
    sync.add_argument("--resolve", type=int, metavar="N", help="settle conflict N (see --conflicts)")
    sync.add_argument("--keep", choices=("mine", "theirs", "both"),
                      help="with --resolve: this laptop's record, the server's, or both in a conflict group")
    sync.add_argument("--field", action="append", metavar="NAME=mine|theirs",
                      help="with --resolve: choose field by field (repeat)")
    sync.add_argument("--json", action="store_true", help="print the result as JSON")
    sync.add_argument("--db", dest="sub_db", metavar="PATH")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is not None:
        try:
            return _command(args)
        except BrokenPipeError:
            # The reader of the output went away (`... | head`): nothing more to say, and nothing to
            # say it to. Further writes (Python's own flush at exit) go nowhere.
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return 0
        except OSError as exc:  # a file error the command did not word itself: one line, never a traceback
            from desktop.core.atomic import file_error_message

            reading = args.command in ("search", "import", "restore")
            print(f"partnership-atlas: {file_error_message(exc, reading=reading)}", file=sys.stderr)
            return 2
    if args.self_test:
        from desktop.selftest import self_test

        return self_test(args.db)
    from desktop.app import Screenshot, run

    screenshot = None
    if args.screenshot:
        screenshot = Screenshot(args.screenshot, args.view, args.lang, args.shot_partner, args.shot_search)
    return run(db_path=args.db, screenshot=screenshot)


def _command(args: argparse.Namespace) -> int:
    """Run the subcommand ``args.command``; returns its exit status."""
    if args.command == "search":
        from desktop.cli import search_command

        kinds = [k for group in args.kinds or () for k in group]
        return search_command(args.text, args.partner, args.sub_db or args.db, args.json, max(1, args.limit),
                              kinds=kinds or None, variants=args.variants, lang=args.search_lang)
    if args.command == "export" and args.template:
        from desktop.export.cli_export import template_main

        return template_main(args.kind, args.fmt, args.export_output, args.sub_db or args.db, args.export_lang)
    if args.command == "export":
        from desktop.export.cli_export import export_main

        return export_main(args.kind, args.fmt, args.export_output, args.sub_db or args.db, args.delimiter,
                           args.encoding, args.export_partner, errors=args.encoding_errors, decimal=args.decimal,
                           include_unplaced=args.include_unplaced)
    if args.command == "import":
        from desktop.export.cli_import import import_main

        return import_main(args.kind, args.file, args.sub_db or args.db, args.dry_run, all_changes=args.all_changes)
    if args.command == "factsheet":
        from desktop.qt.factsheet.factsheet_cli import factsheet_main

        return factsheet_main(args.sheet_partner, args.sheet_lang, args.sheet_output, args.sheet_all,
                              args.sub_db or args.db, args.marking, "Letter" if args.letter else "A4",
                              combined=args.combined, organisation=args.organisation)
    if args.command == "backup":
        from desktop.export.cli_export import backup_main

        return backup_main(args.file, args.sub_db or args.db)
    if args.command == "restore":
        from desktop.export.cli_export import restore_main

        return restore_main(args.file, args.sub_db or args.db)
    if args.command == "server":
        from desktop.sync.cli import server_conflicts_main, server_init_main

        if args.server_command == "init":
            return server_init_main(args.url, args.curator, args.bundled)
        return server_conflicts_main(args.url, args.close)
    if args.command == "sync":
        from desktop.sync.cli import sync_main

        return sync_main(args.server, args.sub_db or args.db, conflicts=args.conflicts, resolve_id=args.resolve,
                         choice=args.keep, fields=args.field, as_json=args.json)
    if args.command == "build-db":
        from desktop.data.build import main as build_main

        build_args = []
        if args.seeds:
            build_args += ["--seeds", args.seeds]
        if args.output:
            build_args += ["--output", args.output]
        return build_main(build_args)
    raise ValueError(f"unknown command {args.command!r}")


if __name__ == "__main__":
    sys.exit(main())
