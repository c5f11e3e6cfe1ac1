"""Export benchmark on the synthetic database (not collected by pytest).

    python -m tests.benchmarks.bench_export [--rows 100000] [--seed 1] [--runs 3] [--xlsx-runs 1]
        [--cache-dir /tmp/atlas-bench]

On the cached synthetic database of ``--rows`` agreements (generated first if missing, as
tests/benchmarks/bench_search.py does), opened read-only and warmed:

1. every agreement to CSV with ``desktop.export.writers.export_kind`` (batched SQL, formula
   neutralisation, temporary file, fsync, rename), against the yardstick: a plain dump of the same
   columns with one SQL query (group_concat for the link tables) written with ``csv.writer`` straight
   to the file (no neutralisation, no temporary file, no fsync). Runs interleaved; budget: the median of
   ours at most 2x the median of the plain dump;
2. for information: the same agreements to JSON and to XLSX with ``export_kind``.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import shlex
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from desktop.data.database import Database, open_database
from desktop.export.fileformat import COLUMNS
from desktop.export.writers import export_kind
from tests.benchmarks.bench_search import database_file, warm

RATIO_BUDGET = 2.0

# The yardstick: one statement, the same columns as COLUMNS["agreement"], link tables joined in SQL.
PLAIN_SQL = """
SELECT a.uid, a.title_en, a.title_ru, a.title_kk, a.date_signed, a.doc_type, a.level, a.status, a.doc_count,
       (SELECT e.uid FROM events e WHERE e.id = a.event_id), a.summary_en, a.summary_ru,
       (SELECT group_concat(v, '; ') FROM (SELECT p.iso3 AS v FROM agreement_partners ap
            JOIN partners p ON p.id = ap.partner_id WHERE ap.agreement_id = a.id ORDER BY ap.position)),
       (SELECT group_concat(v, '; ') FROM (SELECT s.sector AS v FROM agreement_sectors s
            WHERE s.agreement_id = a.id ORDER BY s.sector)),
       (SELECT group_concat(v, '; ') FROM (SELECT s.uid AS v FROM record_sources rs JOIN sources s
            ON s.id = rs.source_id WHERE rs.record_type = 'agreement' AND rs.record_id = a.id
            ORDER BY rs.position, rs.source_id))
FROM agreements a ORDER BY a.id
"""
HEADER = ("uid", "title_en", "title_ru", "title_kk", "date_signed", "doc_type", "level", "status", "doc_count",
          "event", "summary_en", "summary_ru", "partners", "sectors", "sources")


def say(line: str = "") -> None:
    print(line, flush=True)


def plain_dump(db: Database, path: Path) -> int:
    """The yardstick: one query, csv.writer, straight into the file."""
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        cursor = db.conn.execute(PLAIN_SQL)
        n = 0
        while batch := cursor.fetchmany(1000):
            writer.writerows(batch)
            n += len(batch)
    return n


def timed(fn) -> tuple[float, object]:
    t0 = time.perf_counter()
    result = fn()
    return time.perf_counter() - t0, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_export", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--xlsx-runs", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    args = ap.parse_args(argv)
    assert HEADER == COLUMNS["agreement"], "the yardstick must select the columns of the export"
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    path, _ = database_file(args.rows, args.seed, args.cache_dir)
    warm_s = warm(path)
    say(f"Database: {path} ({path.stat().st_size / 2**20:.0f} MiB, warmed in {warm_s:.1f} s); Python "
        f"{platform.python_version()}, SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs, load average "
        f"{os.getloadavg()[0]:.2f}")
    db = open_database(path, readonly=True, check=False)
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-export-"))
    try:
        ours_csv, plain = work / "ours.csv", work / "plain.csv"
        say(f"1. all agreements to CSV: export_kind vs a plain csv.writer dump, {args.runs} runs each, interleaved ...")
        ours_t, plain_t = [], []
        for i in range(args.runs):
            t, n_ours = timed(lambda: export_kind(db, "agreement", "csv", ours_csv))
            ours_t.append(t)
            t, n_plain = timed(lambda: plain_dump(db, plain))
            plain_t.append(t)
            size = ours_csv.stat().st_size / 2**20
            say(f"   run {i + 1}: ours {ours_t[-1]:.2f} s ({n_ours:,} rows, {size:.0f} MiB), "
                f"plain {plain_t[-1]:.2f} s ({n_plain:,} rows)")
            if n_ours != n_plain:
                raise RuntimeError(f"row counts differ: {n_ours} vs {n_plain}")
        say(f"2. all agreements to JSON ({args.runs} runs) and XLSX ({args.xlsx_runs} run(s)), for information ...")
        json_t = [timed(lambda: export_kind(db, "agreement", "json", work / "ours.json"))[0] for _ in range(args.runs)]
        xlsx_t = [timed(lambda: export_kind(db, "agreement", "xlsx", work / "ours.xlsx"))[0]
                  for _ in range(args.xlsx_runs)]
        sizes = {fmt: (work / f"ours.{fmt}").stat().st_size / 2**20 for fmt in ("json", "xlsx")}
    finally:
        db.close()
        shutil.rmtree(work, ignore_errors=True)

    ours_med, plain_med = statistics.median(ours_t), statistics.median(plain_t)
    ratio = ours_med / plain_med
    tag = f"{args.rows / 1000:g}k"
    rows = [
        ("1a", f"CSV, export_kind, {tag} agreements (median of {len(ours_t)})", f"{ours_med:.2f} s", "", ""),
        ("1b", f"CSV, plain csv.writer dump (median of {len(plain_t)})", f"{plain_med:.2f} s", "", ""),
        ("1", "ratio ours / plain", f"{ratio:.2f}x", f"<= {RATIO_BUDGET:g}x",
         "PASS" if ratio <= RATIO_BUDGET else "FAIL"),
        ("2a", f"JSON, export_kind (median of {len(json_t)}; {sizes['json']:.0f} MiB)",
         f"{statistics.median(json_t):.2f} s", "info", ""),
        ("2b", f"XLSX, export_kind (median of {len(xlsx_t)}; {sizes['xlsx']:.0f} MiB)",
         f"{statistics.median(xlsx_t):.2f} s", "info", ""),
    ]
    say()
    head = ("#", "figure", "value", "budget", "result")
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(5)]
    for r in [head, *rows]:
        say("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    return 0


if __name__ == "__main__":
    sys.exit(main())
