"""Entry point: ``partnership-atlas`` / ``python -m desktop``.

    partnership-atlas [--db PATH]                      start the application
    partnership-atlas --screenshot FILE.png [--view agreements|map|trade] [--lang en|ru]
                      [--partner ISO3] [--search TEXT]  render the window offscreen and exit
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
    shot = parser.add_argument_group("screenshots")
    shot.add_argument("--screenshot", metavar="FILE.png", help="render the window offscreen at 1400×900, save it, exit")
    shot.add_argument("--view", choices=("agreements", "map", "trade"), default="agreements")
    shot.add_argument("--lang", choices=("en", "ru"))
    shot.add_argument("--partner", dest="shot_partner", metavar="ISO3")
    shot.add_argument("--search", dest="shot_search", metavar="TEXT")
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
    from desktop.app import Screenshot, run

    screenshot = None
    if args.screenshot:
        screenshot = Screenshot(args.screenshot, args.view, args.lang, args.shot_partner, args.shot_search)
    return run(db_path=args.db, screenshot=screenshot)


if __name__ == "__main__":
    sys.exit(main())
