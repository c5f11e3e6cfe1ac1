"""Import benchmark (not collected by pytest).

    python -m tests.benchmarks.bench_import [--sizes 100000 300000]

For each size, a synthetic but valid trade-figures CSV (semicolon-separated, UTF-8 with a BOM, the columns of
fileformat.COLUMNS["trade"]: a uid per row, partners from the database, years 1991-2090, periods FY/H1/Q1/nM,
numbers written "1 234,5", a note with the row's number in English and Russian) is imported into a fresh copy of
db/atlas.sqlite, each step in a child process of its own:

1. read only: read_table (encoding, separator, one checking pass) and every row streamed, nothing kept;
2. rows written: the rows read and written into trade_figures as they are, one INSERT ... SELECT per 5,000 in one
   transaction, nothing checked, logged or cited: what the schema itself costs (its search-index triggers fold
   every word through desktop.core.text, a row at a time), the floor under any import;
3. rows written, indexed in bulk: the same, written as the import writes them (import_writer.Tables.insert: the
   index triggers stand aside and the batch's index rows and terms are written in bulk), the floor under the import;
4. the whole import: read, preview (match, validate, keys), build_change_set and apply_import (one transaction,
   logged, marked, citing the file).

Reported: seconds per step, rows per second, the child's peak resident memory (VmHWM), and the whole import
against the budgets of issue 21 (item 15), PASS or FAIL: at most 3x the time of the streaming read of the same
file, and at most 150 MB at its peak (the budget is set at 300,000 rows; smaller files are held to it too). Then
where the time goes: the read and the preview alone (every row read and checked, nothing written), and the whole
import against step 3, the floor under it.
"""
from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PERIODS = ("FY", "H1", "Q1", "3M", "6M", "9M", "11M")
TIME_BUDGET = 3.0  # the whole import, in multiples of the streaming read of the same file
MEMORY_BUDGET_MB = 150.0  # the whole import's peak resident memory
WRITE_BATCH = 5000


def say(line: str = "") -> None:
    print(line, flush=True)


def peak_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM; ru_maxrss where /proc is missing)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_csv(path: Path, rows: int, partners: list[str]) -> None:
    from desktop.export.fileformat import COLUMNS

    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        fh.write(";".join(COLUMNS["trade"]) + "\r\n")
        lines = []
        for i in range(rows):
            turnover = 1000 + (i * 7919) % 90_000
            exports = turnover * 6 // 10
            lines.append(f"bench_{i};{partners[i % len(partners)]};{1991 + i % 100};{PERIODS[i % len(PERIODS)]};"
                         f"{turnover // 1000} {turnover % 1000:03d},5;{exports // 1000}\u00a0{exports % 1000:03d},25;;"
                         f"{('kazakh', 'partner', 'other', 'unknown')[i % 4]};exact;Synthetic figure {i};"
                         f"Синтетическая запись {i};\r\n")
            if len(lines) == 10_000:
                fh.write("".join(lines))
                lines.clear()
        fh.write("".join(lines))


def child(mode: str, csv_path: str, db_path: str) -> None:
    """One measurement; prints a JSON line."""
    from desktop.data.database import open_database
    from desktop.export.importing import apply_import, build_change_set, match_columns, preview
    from desktop.export.readers import read_table

    out: dict[str, float | int | str] = {"mode": mode}
    t0 = time.perf_counter()
    table = read_table(csv_path)
    if mode == "read":
        n = sum(1 for _ in table.rows())
        out.update(rows=n, read=time.perf_counter() - t0)
    elif mode in ("write", "bulk"):
        db = open_database(db_path, check=False)
        out.update(rows=write_rows(db, table, bulk=mode == "bulk"), read=time.perf_counter() - t0)
        db.close()
    else:
        db = open_database(db_path, check=False)
        t1 = time.perf_counter()
        result = preview(db, "trade", table, match_columns("trade", table.columns))
        t2 = time.perf_counter()
        if result.rejected:
            raise SystemExit(f"rejected rows: {[str(r) for r in result.rejected[:5]]}")
        change_set = build_change_set(db, result, file_name=Path(csv_path).name)
        t3 = time.perf_counter()
        apply_import(db, change_set)
        t4 = time.perf_counter()
        added = db.conn.execute("SELECT count(*) FROM trade_figures WHERE uid LIKE 'bench_%'").fetchone()[0]
        db.close()
        out.update(rows=result.rows_read, added=added, read=t1 - t0, preview=t2 - t1, build=t3 - t2, apply=t4 - t3)
    out["total"] = time.perf_counter() - t0
    out["peak_mb"] = peak_mb()
    print(json.dumps(out), flush=True)


def write_rows(db, table, bulk: bool = False) -> int:
    """The file's rows written into trade_figures as they are (step 2): one INSERT ... SELECT per WRITE_BATCH rows
    staged in a temporary table, in one transaction; ``bulk``: by import_writer.Tables.insert, which indexes them in
    bulk (step 3). Returns the rows written."""
    from desktop.core.validation import parse_user_number

    conn = db.conn
    if bulk:
        return write_rows_bulk(db, table, parse_user_number)
    partner = dict(conn.execute("SELECT iso3, id FROM partners"))
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM trade_figures").fetchone()[0]
    conn.execute("CREATE TEMP TABLE bench_stage AS SELECT * FROM main.trade_figures WHERE 0")
    columns = ("id", "uid", "partner_id", "year", "period", "turnover_usd_m", "exports_usd_m", "imports_usd_m",
               "statistics", "qualifier", "note_en", "note_ru")
    insert = f"INSERT INTO temp.bench_stage ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    count, batch = 0, []
    with db.transaction():
        for _, cells in table.rows():
            number = [parse_user_number(c) if c else None for c in cells[4:7]]
            batch.append((next_id + count, cells[0], partner[cells[1]], int(cells[2]), cells[3], *number, *cells[7:11]))
            count += 1
            if len(batch) == WRITE_BATCH:
                flush_rows(conn, insert, batch)
        flush_rows(conn, insert, batch)
    return count


def write_rows_bulk(db, table, parse_user_number) -> int:
    from desktop.export.import_writer import Tables

    conn = db.conn
    partner = dict(conn.execute("SELECT iso3, id FROM partners"))
    next_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM trade_figures").fetchone()[0]
    columns = ("id", "uid", "partner_id", "year", "period", "turnover_usd_m", "exports_usd_m", "imports_usd_m",
               "statistics", "qualifier", "note_en", "note_ru")
    tables = Tables(db)
    count, batch = 0, []
    with db.transaction():
        for _, cells in table.rows():
            number = [parse_user_number(c) if c else None for c in cells[4:7]]
            batch.append(dict(zip(columns, (next_id + count, cells[0], partner[cells[1]], int(cells[2]), cells[3],
                                            *number, *cells[7:11]), strict=True)))
            count += 1
            if len(batch) == WRITE_BATCH:
                tables.insert("trade_figures", batch)
                batch.clear()
        tables.insert("trade_figures", batch)
        tables.drop_stages()
    return count


def flush_rows(conn, insert: str, batch: list[tuple]) -> None:
    conn.executemany(insert, batch)
    conn.execute("INSERT INTO main.trade_figures SELECT * FROM temp.bench_stage")
    conn.execute("DELETE FROM temp.bench_stage")
    batch.clear()


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_import", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100_000, 300_000])
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-import-"))
    bundled = ROOT / "db" / "atlas.sqlite"
    import sqlite3

    conn = sqlite3.connect(bundled.resolve().as_uri() + "?mode=ro", uri=True)
    partners = [r[0] for r in conn.execute("SELECT iso3 FROM partners ORDER BY iso3")]
    conn.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT), PARTNERSHIP_ATLAS_DATA_DIR=str(work / "data"),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(work / "config"))
    say(f"Database: a fresh copy of db/atlas.sqlite per run; {os.cpu_count()} CPUs; "
        f"load average {os.getloadavg()[0]:.2f}")
    results = []
    try:
        for size in args.sizes:
            csv_path = work / f"trade-{size}.csv"
            write_csv(csv_path, size, partners)
            say(f"{size:,} rows: {csv_path.stat().st_size / 2**20:.1f} MB of CSV ...")
            for mode in ("read", "write", "bulk", "full"):
                db = work / f"atlas-{size}-{mode}.sqlite"
                shutil.copyfile(bundled, db)
                proc = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_import", "--child", mode,
                                       str(csv_path), str(db)], cwd=ROOT, env=env, capture_output=True, text=True,
                                      timeout=3600)
                line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("{")), None)
                if proc.returncode or line is None:
                    raise RuntimeError(f"child failed:\n{proc.stdout}\n{proc.stderr}")
                data = json.loads(line)
                data["size"] = size
                results.append(data)
                db.unlink(missing_ok=True)
            csv_path.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    head = ("rows", "step", "read s", "preview s", "build s", "apply s", "total s", "x read", "rows/s", "peak MB")
    table = []
    read_time = {r["size"]: r["total"] for r in results if r["mode"] == "read"}
    for r in results:
        ratio = f"{r['total'] / read_time[r['size']]:.1f}"
        if r["mode"] == "read":
            table.append((f"{r['size']:,}", "read only (stream every row)", f"{r['read']:.2f}", "", "", "",
                          f"{r['total']:.2f}", ratio, f"{r['rows'] / r['total']:,.0f}", f"{r['peak_mb']:.0f}"))
        elif r["mode"] in ("write", "bulk"):
            step = "rows written as they are (floor)" if r["mode"] == "write" else "rows written, indexed in bulk"
            table.append((f"{r['size']:,}", step, "", "", "", "", f"{r['total']:.2f}",
                          ratio, f"{r['rows'] / r['total']:,.0f}", f"{r['peak_mb']:.0f}"))
        else:
            table.append((f"{r['size']:,}", "read + preview + apply", f"{r['read']:.2f}", f"{r['preview']:.2f}",
                          f"{r['build']:.2f}", f"{r['apply']:.2f}", f"{r['total']:.2f}", ratio,
                          f"{r['rows'] / r['total']:,.0f}", f"{r['peak_mb']:.0f}"))
    say()
    widths = [max(len(row[i]) for row in [head, *table]) for i in range(len(head))]
    for row in [head, *table]:
        say("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    say()
    say(f"Budgets (issue 21, item 15): the whole import at most {TIME_BUDGET:g}x the streaming read of the same "
        f"file, peak at most {MEMORY_BUDGET_MB:g} MB.")
    passed = True
    for r in results:
        if r["mode"] != "full":
            continue
        ratio, peak = r["total"] / read_time[r["size"]], r["peak_mb"]
        passed = passed and ratio <= TIME_BUDGET and peak <= MEMORY_BUDGET_MB
        say(f"{r['size']:,} rows: time {r['total']:.2f} s = {ratio:.1f}x the read ({read_time[r['size']]:.2f} s), "
            f"budget {TIME_BUDGET:g}x: {verdict(ratio <= TIME_BUDGET)}; peak {peak:.0f} MB, budget "
            f"{MEMORY_BUDGET_MB:g} MB: {verdict(peak <= MEMORY_BUDGET_MB)}")
        floor = next(f["total"] for f in results if f["mode"] == "bulk" and f["size"] == r["size"])
        checked = r["read"] + r["preview"]
        say(f"  where it goes: reading and checking every row, nothing written yet (read + preview) "
            f"{checked:.2f} s = {checked / read_time[r['size']]:.1f}x the read; the rows written with their search "
            f"index and nothing else (the floor) {floor:.2f} s = {floor / read_time[r['size']]:.1f}x the read; "
            f"the whole import = {r['total'] / floor:.1f}x that floor")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
