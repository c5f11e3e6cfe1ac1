"""Fact sheet benchmark (not collected by pytest).

    python -m tests.benchmarks.bench_factsheet [--runs 10] [--cli-runs 5] [--partner TUR]

With a copy of the bundled database, offscreen, temporary user folders:
1. one fact sheet in this process (assembled from the database and printed to PDF, with the chart and the
   map inset; the map view reused as the application would): median of ``--runs`` after one warm-up
   (budget: < 150 ms);
2. one fact sheet from the command line, as a whole process (``python -m desktop factsheet ...`` when the
   entry point knows the command, else
   ``python -c "from desktop.qt.factsheet.factsheet_cli import factsheet_main; ..."``): median of ``--cli-runs``
   after one untimed (budget: < 1 s);
3. every partner's fact sheet, one PDF each, in one process (the map view built once; budget: < 3 s);
4. PDF/A-1b (the default) against a plain PDF 1.4: one sheet (median of ``--runs`` each, alternating) and every
   partner (median of 3 each), both times and their ratio (budget: PDF/A costs < 20% more, the condition for
   making it the default).
"""
from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONE_BUDGET_MS, CLI_BUDGET_MS, ALL_BUDGET_MS = 150.0, 1000.0, 3000.0
PDFA_BUDGET = 1.20  # PDF/A-1b's time over a plain PDF's
AS_OF = "2026-03-01"


def say(line: str = "") -> None:
    print(line, flush=True)


def cli_command(db: Path, out: Path, partner: str) -> list[str]:
    """The command that prints one sheet: the wired ``factsheet`` sub-command, or the function behind it."""
    probe = subprocess.run([sys.executable, "-m", "desktop", "factsheet", "--help"], cwd=ROOT, env=dict(os.environ),
                           capture_output=True, text=True, timeout=60)
    if probe.returncode == 0:
        return [sys.executable, "-m", "desktop", "factsheet", "--partner", partner, "--lang", "en", "-o", str(out),
                "--marking", "For official use", "--db", str(db)]
    code = ("import sys; from desktop.qt.factsheet.factsheet_cli import factsheet_main; "
            f"sys.exit(factsheet_main({partner!r}, 'en', {str(out)!r}, False, {str(db)!r}, 'For official use'))")
    return [sys.executable, "-c", code]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_factsheet",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cli-runs", type=int, default=5)
    ap.add_argument("--partner", default="TUR", help="the sheet timed in 1 and 2 (default TUR, the longest)")
    args = ap.parse_args(argv)
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-factsheet-"))
    db = work / "atlas.sqlite"
    shutil.copyfile(ROOT / "db" / "atlas.sqlite", db)
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                       "XDG_DATA_HOME": str(work / "data"), "PARTNERSHIP_ATLAS_DATA_DIR": str(work / "data"),
                       "XDG_CONFIG_HOME": str(work / "config"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(work / "config")})
    for folder in ("desktop", "tests"):  # an installed app runs from bytecode
        compileall.compile_dir(ROOT / folder, quiet=1)
    say(f"Database: a copy of db/atlas.sqlite; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")

    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from desktop.data.database import open_database
    from desktop.data.repository import Repository
    from desktop.export.factsheet import build_factsheet
    from desktop.qt.factsheet.factsheet import ensure_fonts, make_map_view, render_all, render_factsheet

    ensure_fonts()
    database = open_database(db)
    repo = Repository(database)

    say(f"1. one fact sheet ({args.partner}, EN, chart and map) in this process: {args.runs} runs "
        "after one warm-up ...")
    view = make_map_view(repo)
    pages = 0
    times = []
    for i in range(args.runs + 1):
        start = time.perf_counter()
        sheet = build_factsheet(repo, args.partner, "en", AS_OF, "For official use")
        pages = render_factsheet(sheet, work / "one.pdf", map_view=view)
        if i:
            times.append((time.perf_counter() - start) * 1e3)

    command = cli_command(db, work / "cli.pdf", args.partner)
    say(f"2. one fact sheet from the command line: {args.cli_runs} processes (after one untimed):")
    say("   " + shlex.join(command))
    cli = []
    for i in range(args.cli_runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)
        elapsed = (time.perf_counter() - start) * 1e3
        if done.returncode != 0:
            raise RuntimeError(f"the command failed:\n{done.stdout}\n{done.stderr}")
        if i:
            cli.append(elapsed)

    say(f"3. every partner ({len(repo.partners())}), one PDF each, in this process (map view built once) ...")
    start = time.perf_counter()
    files = render_all(repo, "en", work / "all", False, as_of=AS_OF)
    all_ms = (time.perf_counter() - start) * 1e3

    say("4. PDF/A-1b against a plain PDF 1.4, alternating: one sheet and every partner ...")
    one_by: dict[bool, list[float]] = {True: [], False: []}
    all_by: dict[bool, list[float]] = {True: [], False: []}
    for i in range(args.runs):
        for pdfa in (i % 2 == 0, i % 2 != 0):
            start = time.perf_counter()
            sheet = build_factsheet(repo, args.partner, "en", AS_OF, "For official use")
            render_factsheet(sheet, work / "pdfa.pdf", map_view=view, pdfa=pdfa)
            one_by[pdfa].append((time.perf_counter() - start) * 1e3)
    for i in range(3):
        for pdfa in (i % 2 == 0, i % 2 != 0):
            start = time.perf_counter()
            render_all(repo, "en", work / "all-pdfa", False, as_of=AS_OF, map_view=view, pdfa=pdfa)
            all_by[pdfa].append((time.perf_counter() - start) * 1e3)
    view.close()
    database.close()
    del app

    one_med, cli_med = statistics.median(times), statistics.median(cli)
    rows = [("1", f"one sheet in process, {pages} pages (median / max of {len(times)})",
             f"{one_med:.0f} / {max(times):.0f} ms", f"< {ONE_BUDGET_MS:g} ms",
             "PASS" if one_med < ONE_BUDGET_MS else "FAIL"),
            ("2", f"one sheet from the command line, whole process (median / max of {len(cli)})",
             f"{cli_med:.0f} / {max(cli):.0f} ms", f"< {CLI_BUDGET_MS:g} ms",
             "PASS" if cli_med < CLI_BUDGET_MS else "FAIL"),
            ("3", f"all {len(files)} partners, one PDF each, in process", f"{all_ms:.0f} ms",
             f"< {ALL_BUDGET_MS:g} ms", "PASS" if all_ms < ALL_BUDGET_MS else "FAIL")]
    for label, by in (("one sheet", one_by), ("all partners", all_by)):
        plain, archive = statistics.median(by[False]), statistics.median(by[True])
        rows.append(("4", f"{label}: PDF/A-1b / PDF 1.4 (medians of {len(by[True])})",
                     f"{archive:.0f} / {plain:.0f} ms = {archive / plain:.2f}", f"< {PDFA_BUDGET:.2f}",
                     "PASS" if archive / plain < PDFA_BUDGET else "FAIL"))
    say()
    header = ("#", "figure", "value", "budget", "result")
    widths = [max(len(r[i]) for r in rows + [header]) for i in range(5)]
    for r in [header, *rows]:
        say("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    shutil.rmtree(work, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
