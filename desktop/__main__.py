"""Entry point: ``partnership-atlas`` / ``python -m desktop``.

    partnership-atlas [--db PATH]                      start the application
    partnership-atlas search TEXT [--partner ISO3] [--db PATH] [--json]
    partnership-atlas build-db [--seeds DIR] [-o FILE] build the bundled database from db/seed
"""
from __future__ import annotations

import argparse
import sys


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partnership-atlas",
                                     description="Offline reference on Kazakhstan's partnerships.")
    parser.add_argument("--db", metavar="PATH", help="open this database file instead of your own copy")
    sub = parser.add_subparsers(dest="command")
    search = sub.add_parser("search", help="print the agreements that match a search")
    search.add_argument("text", help="words to look for (English, Russian or Kazakh; word forms and prefixes match)")
    search.add_argument("--partner", metavar="ISO3", help="only this partner (e.g. TUR)")
    search.add_argument("--db", dest="sub_db", metavar="PATH", help="database file to search")
    search.add_argument("--json", action="store_true", help="print a JSON list of objects")
    search.add_argument("--limit", type=int, default=1000, help="at most this many (default 1000)")
    build = sub.add_parser("build-db", help="build the bundled database from the seed files")
    build.add_argument("--seeds", metavar="DIR")
    build.add_argument("-o", "--output", metavar="FILE")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "search":
        from desktop.cli import search_command

        return search_command(args.text, args.partner, args.sub_db or args.db, args.json, max(1, args.limit))
    if args.command == "build-db":
        from desktop.data.build import main as build_main

        build_args = []
        if args.seeds:
            build_args += ["--seeds", args.seeds]
        if args.output:
            build_args += ["--output", args.output]
        return build_main(build_args)
    from desktop.app import run

    return run(db_path=args.db)


if __name__ == "__main__":
    sys.exit(main())
