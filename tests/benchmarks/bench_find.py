""""Find anything" benchmark on the synthetic database (not collected by pytest; issue 17, item 8).

    python -m tests.benchmarks.bench_find [--rows 100000] [--repeat 30] [--seed 1] [--cache-dir /tmp/atlas-bench]
        [--big | --build-big] [--big-rows 1000000] [--baseline FILE] [--cap 30] [--json FILE]

Uses bench_search's cached synthetic database (tests.synthetic at its defaults: at 100,000 agreements
100,000 events, 200,000 facts, 20,000 places and the other kinds in proportion), made once if missing,
read into the page cache first. ``--big`` adds the 1,000,000-agreement database if it is cached,
``--build-big`` builds it first when it is not (it takes long).

1. ``Finder.find(text, limit=5, count_cap=COUNT_CAP)``, the first grouped results as the Find box asks for
   them (the first hits of every kind and each kind's count, "10,000+" beyond the cap), for the queries of
   ``tests.synthetic.FIND_QUERIES``: a rare word, two words, a prefix, an alias (a former name), a transliterated
   name (Latin typed, Cyrillic stored), a Kazakh word form ("Қазақстанның", read as its base) and the most common
   word; median and p95 over ``--repeat`` warm runs, interleaved,
   beside the raw FTS5 query of the same meaning in the same run: for every kind's index
   ``SELECT rowid ... MATCH ? LIMIT 5`` and the count up to the same cap with the expression find
   builds (aliases and transliteration keys included). Budgets: p95 <= 30 ms (<= 50 ms for the most
   common word); at 1,000,000 agreements p95 <= 100 ms. Over a budget, the time of each kind alone and
   the statements with EXPLAIN QUERY PLAN are printed.
2. The index size: bytes of every kind's FTS5 tables (``dbstat``) per indexed row, against what the
   agreements' index cost per row before issue 17 (schema 2: the cached ``...-v1-s2-...`` database of
   the same size, or ``--baseline FILE``; without one, today's agreements_fts, and it says so).
   Budget: <= 1.6x that baseline.

Budgets are reported, never asserted: the exit code is 0 unless something raises.
"""
from __future__ import annotations

import argparse
import os
import platform
import sqlite3
import sys
import time
from contextlib import closing
from pathlib import Path

from desktop.data.database import Database, open_database
from desktop.data.find import COUNT_CAP, KINDS, Finder
from tests.benchmarks.bench_search import (
    Fn,
    database_file,
    diagnose,
    fmt,
    measure,
    print_diagnosis,
    say,
    warm,
    write_json,
)
from tests.synthetic import FIND_QUERIES, GENERATOR_VERSION, schema_fingerprint

QUERY_ORDER = ("rare", "two_words", "prefix", "alias", "translit", "kazakh", "common")
P95_BUDGET_MS = {"rare": 30.0, "two_words": 30.0, "prefix": 30.0, "alias": 30.0, "translit": 30.0, "kazakh": 30.0,
                 "common": 50.0}
BIG_P95_BUDGET_MS = 100.0
SIZE_BUDGET = 1.6
LIMIT = 5


# ------------------------------------------------------------------------------------------ timing

def raw_fts(db: Database, expression: str) -> tuple[int, int]:
    """The plain FTS5 yardstick: each kind's first LIMIT rowids and its count (hits, total)."""
    hits = total = 0
    for kind in KINDS:
        hits += len(db.conn.execute(f"SELECT rowid FROM {kind.fts} WHERE {kind.fts} MATCH ? LIMIT {LIMIT}",
                                    (expression,)).fetchall())
        total += db.conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM {kind.fts} WHERE {kind.fts} MATCH ? "
                                 f"LIMIT {COUNT_CAP + 1})", (expression,)).fetchone()[0]
    return hits, total


def bench_find(db: Database, repeat: int, cap_s: float, label: str, big: bool) -> dict[str, object]:
    finder = Finder(db)
    plans = {q: finder.plan(FIND_QUERIES[q]) for q in QUERY_ORDER}
    cases: dict[str, Fn] = {}
    for q in QUERY_ORDER:
        expr = plans[q].expression
        cases[f"{q}/find"] = lambda text=FIND_QUERIES[q]: finder.find(text, limit=LIMIT, count_cap=COUNT_CAP)
        cases[f"{q}/raw"] = lambda expr=expr: raw_fts(db, expr)  # type: ignore[arg-type]
    times = measure(db, cases, repeat, cap_s)
    say(f"Find anything, {label}: Finder.find(text, limit={LIMIT}, count_cap={COUNT_CAP:,}) [first hits of every "
        f"kind + per-kind counts up to the cap, as the Find box asks] vs raw FTS5 [per kind: first {LIMIT} rowids + "
        f"count MATCH up to the same cap, same expression]; interleaved; ms (matches: every match, counted apart)")
    say(f"  {'query':<9} {'text':<22} {'matches':>8} | {'runs':>4} {'find med':>9} {'p95':>8} | {'raw med':>8} "
        f"{'p95':>7} | {'budget':<14} | result | per kind")
    rows: dict[str, dict[str, object]] = {}
    for q in QUERY_ORDER:
        found, raw = times[f"{q}/find"], times[f"{q}/raw"]
        budget = BIG_P95_BUDGET_MS if big else P95_BUDGET_MS[q]
        capped = bool(found["capped"])
        ok = not capped and found["p95"] <= budget  # type: ignore[operator]
        result = finder.find(FIND_QUERIES[q], limit=LIMIT)
        per_kind = " ".join(f"{g.kind} {g.count:,}" for g in result.groups)
        rows[q] = {"text": FIND_QUERIES[q], "expression": plans[q].expression, "matches": result.total,
                   "counts": {g.kind: g.count for g in result.groups}, "find": found, "raw": raw,
                   "budget_p95_ms": budget, "pass": ok}
        say(f"  {q:<9} {FIND_QUERIES[q]:<22} {result.total:>8,} | {found['n']:>4} "
            f"{fmt(found['median'], capped):>9} {fmt(found['p95'], capped):>8} | "  # type: ignore[arg-type]
            f"{fmt(raw['median']):>8} {fmt(raw['p95']):>7} | {'p95 <= ' + format(budget, 'g') + ' ms':<14} | "  # type: ignore[arg-type]
            f"{'PASS' if ok else 'FAIL':<6} | {per_kind}")
    for q in (q for q in QUERY_ORDER if not rows[q]["pass"]):
        text = FIND_QUERIES[q]
        # The kinds it found (a kind alone that finds nothing would look for suggestions too).
        kinds = {k: (lambda k=k, text=text: finder.find(text, kinds=[k], limit=LIMIT))
                 for k in rows[q]["counts"]}  # type: ignore[union-attr]
        alone = measure(db, kinds, max(3, repeat // 5), cap_s)
        rows[q]["per_kind_ms"] = {k: s["median"] for k, s in alone.items()}
        say(f"  -- {q} {text!r} over budget; each kind that matched, alone (median ms): "
            + ", ".join(f"{k} {fmt(s['median'], bool(s['capped']))}" for k, s in alone.items()))  # type: ignore[arg-type]
        print_diagnosis(f"{q} {text!r}", diagnose(db, lambda text=text: finder.find(text, limit=LIMIT), cap_s))
    return rows


# ------------------------------------------------------------------------------------------ index size

def fts_bytes(conn: sqlite3.Connection) -> dict[str, int]:
    """Bytes of each FTS5 table's shadow tables (dbstat, or page counts when dbstat is missing)."""
    names = [k.fts for k in KINDS]
    out: dict[str, int] = {}
    try:
        sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall())
    except sqlite3.OperationalError:  # no dbstat in this SQLite build: the bytes the shadow tables' rows hold
        sizes = {}
        for fts in names:
            for shadow in ("data", "idx", "content", "docsize", "config"):
                table = f"{fts}_{shadow}"
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                if cols:
                    total = " + ".join(f"coalesce(length({c}), 0)" for c in cols)
                    sizes[table] = conn.execute(f"SELECT coalesce(sum({total}), 0) FROM {table}").fetchone()[0]
    for fts in names:
        out[fts] = sum(v for k, v in sizes.items() if k.startswith(f"{fts}_") and k[len(fts) + 1:] in
                       ("data", "idx", "content", "docsize", "config"))
    return out


def row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {k.fts: conn.execute(f"SELECT count(*) FROM {k.table}").fetchone()[0] for k in KINDS}


def baseline_file(rows: int, seed: int, cache_dir: Path, given: Path | None) -> Path | None:
    """The schema-2 synthetic database of the same size (made before issue 17), if there is one."""
    if given is not None:
        return given
    found = sorted(cache_dir.glob(f"synthetic-{rows}-seed{seed}-v1-s2-*.sqlite"))
    return found[0] if found else None


def bench_size(path: Path, baseline: Path | None) -> dict[str, object]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        size, counts = fts_bytes(conn), row_counts(conn)
    if baseline is not None and baseline.exists():
        with closing(sqlite3.connect(f"file:{baseline}?mode=ro", uri=True)) as conn:
            base_bytes = fts_bytes(conn)["agreements_fts"]
            base_rows = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
        base_label = f"agreements_fts at schema 2 ({baseline.name})"
    else:
        base_bytes, base_rows = size["agreements_fts"], counts["agreements_fts"]
        base_label = "today's agreements_fts (no schema-2 database found: NOT the pre-issue-17 figure)"
    base = base_bytes / max(1, base_rows)
    budget = SIZE_BUDGET * base
    say(f"Index size (dbstat): bytes of each kind's FTS5 tables per indexed row; baseline {base:,.0f} B/row = "
        f"{base_label}; budget <= {SIZE_BUDGET:g}x = {budget:,.0f} B/row")
    say(f"  {'index':<16} {'rows':>9} {'MiB':>8} {'B/row':>8} {'x base':>7} | result")
    out: dict[str, object] = {"baseline_bytes_per_row": base, "baseline": base_label, "kinds": {}}
    results: list[bool] = []
    for fts in size:
        n = counts[fts]
        per = size[fts] / n if n else 0.0
        ok = per <= budget
        if n:
            results.append(ok)
        out["kinds"][fts] = {"rows": n, "bytes": size[fts], "bytes_per_row": per, "pass": ok}  # type: ignore[index]
        say(f"  {fts:<16} {n:>9,} {size[fts] / 2**20:>8.1f} {per:>8,.0f} {per / base:>6.2f}x | "
            f"{'PASS' if ok else 'FAIL' if n else '-'}")
    all_bytes, all_rows = sum(size.values()), sum(counts.values())
    per_all = all_bytes / max(1, all_rows)
    out["all"] = {"rows": all_rows, "bytes": all_bytes, "bytes_per_row": per_all, "pass": per_all <= budget}
    say(f"  {'all kinds':<16} {all_rows:>9,} {all_bytes / 2**20:>8.1f} {per_all:>8,.0f} {per_all / base:>6.2f}x | "
        f"{'PASS' if per_all <= budget else 'FAIL'}")
    per_agreement = all_bytes / max(1, counts["agreements_fts"])
    out["all_per_agreement"] = per_agreement
    say(f"  (all indexes per agreement, informational: {per_agreement:,.0f} B = {per_agreement / base:.2f}x; "
        f"file {path.stat().st_size / 2**20:.0f} MiB)")
    out["pass"] = all(results) and per_all <= budget
    return out


# ------------------------------------------------------------------------------------------ driver

def cached_path(rows: int, seed: int, cache_dir: Path) -> Path:
    return cache_dir / f"synthetic-{rows}-seed{seed}-v{GENERATOR_VERSION}-{schema_fingerprint()}.sqlite"


def run_size(rows: int, seed: int, cache_dir: Path, repeat: int, cap_s: float, big: bool,
             baseline: Path | None) -> dict[str, object]:
    path, gen_s = database_file(rows, seed, cache_dir)
    warm_s = warm(path)
    label = f"{rows:,} agreements"
    say()
    say(f"== {label}: {path.name}, {path.stat().st_size / 2**20:.0f} MiB, "
        + (f"generated in {gen_s:.1f} s" if gen_s is not None else "reused from the cache")
        + f"; read into the page cache in {warm_s:.1f} s; load average {os.getloadavg()[0]:.2f} ==")
    result: dict[str, object] = {"rows": rows, "file": str(path), "generation_s": gen_s}
    db = open_database(path)
    try:
        result["find"] = bench_find(db, repeat, cap_s, label, big)
    finally:
        db.close()
    say()
    result["size"] = bench_size(path, baseline_file(rows, seed, cache_dir, baseline))
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_find", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--big-rows", type=int, default=1_000_000)
    ap.add_argument("--big", action="store_true", help="also the big database, if it is cached")
    ap.add_argument("--build-big", action="store_true", help="also the big database, built first if missing")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    ap.add_argument("--baseline", type=Path, help="a schema-2 database of the same size (the size baseline)")
    ap.add_argument("--cap", type=float, default=30.0, help="seconds after which a timed call is interrupted")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = ap.parse_args(argv)
    repeat = max(30, args.repeat)
    say(f"Partnership Atlas find benchmark: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}; repeat {repeat}, cap {args.cap:g} s")
    started = time.perf_counter()
    results: dict[str, object] = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                                  "repeat": repeat, "sizes": {}}
    sizes = [(args.rows, False)]
    if args.big or args.build_big:
        if args.build_big or cached_path(args.big_rows, args.seed, args.cache_dir).exists():
            sizes.append((args.big_rows, True))
        else:
            say(f"No cached {args.big_rows:,}-agreement database in {args.cache_dir}: --build-big builds it "
                "(about 15 minutes on two cores and more for the other kinds); skipped.")
    lines: list[tuple[str, bool]] = []
    for rows, big in sizes:
        res = run_size(rows, args.seed, args.cache_dir, repeat, args.cap, big, args.baseline)
        results["sizes"][str(rows)] = res  # type: ignore[index]
        tag = f"{rows / 1e6:g}M" if rows >= 1_000_000 else f"{rows / 1000:g}k"
        for q, r in res["find"].items():  # type: ignore[union-attr]
            f, raw = r["find"], r["raw"]
            lines.append(((f"[{tag}] {q:<9} find p95 <= {r['budget_p95_ms']:g} ms: p95 {fmt(f['p95'], f['capped'])} "
                           f"median {fmt(f['median'], f['capped'])} (raw FTS5 p95 {fmt(raw['p95'])} median "
                           f"{fmt(raw['median'])}) ms"), bool(r["pass"])))
        size = res["size"]
        lines.append(((f"[{tag}] index per row <= {SIZE_BUDGET:g}x baseline "
                       f"{size['baseline_bytes_per_row']:,.0f} B: all kinds "  # type: ignore[index]
                       f"{size['all']['bytes_per_row']:,.0f} B/row, every kind within"), bool(size["pass"])))  # type: ignore[index]
    say()
    say("Budgets")
    for text, ok in lines:
        say(f"  {'PASS' if ok else 'FAIL'}  {text}")
    say(f"Total time {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}.")
    results["budgets"] = [{"text": t, "pass": ok} for t, ok in lines]
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
