"""Search benchmark on synthetic databases (not collected by pytest).

    python -m tests.benchmarks.bench_search [--rows 100000] [--big-rows 1000000] [--repeat 30]
        [--cache-dir /tmp/atlas-bench] [--skip-big] [--seed 1] [--json FILE]

Builds the synthetic databases with ``tests.synthetic`` (in a child process, once: they are kept in
the cache folder, keyed by rows, seed and generator version), opens them with ``open_database`` and
warms the page cache. Then, per size:

* the four query kinds of ``tests.synthetic.QUERIES`` (rare word, two words, prefix, most common
  word), interleaved in one run: ``AgreementSearch.search(AgreementQuery(text=...), limit=200)`` (first
  page of ids + total, Python query folding included) against ``AgreementSearch.raw_fts`` (the plain
  FTS5 query of the same meaning: first 200 rowids + count). Budgets: ours within 2x the raw median
  for rare, two words and prefix; the most common word under 50 ms at p95;
* informational: the same words with a partner filter and with sort='title'; 50 pages deep through
  the ``next`` cursors (keyset paging should cost the same on page 50 as on page 1);
* for comparison, the naive query shapes shared/design/PERFORMANCE.md warns about (labelled NAIVE);
* at the big size: cancelling a long query through ``Database.interrupt`` from another thread (budget:
  the worker gets ``Cancelled`` within 50 ms of the call, max of 10).

Budgets are reported, never asserted: the exit code is 0 unless something raises. When a budget
fails, the statements the API ran are printed with their own times and EXPLAIN QUERY PLAN.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import resource
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from desktop.core.text import match_expression
from desktop.data.agreements import AgreementQuery, AgreementSearch, Cursor
from desktop.data.database import Cancelled, Database, open_database
from tests.synthetic import GENERATOR_VERSION, QUERIES

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("rare", "two_words", "prefix", "common")
RATIO_KINDS = ("rare", "two_words", "prefix")
RATIO_BUDGET = 2.0
COMMON_P95_BUDGET_MS = 50.0
INTERRUPT_BUDGET_MS = 50.0
INTERRUPT_DELAY_S = 0.100
LONG_QUERY_MS = 300.0
PARTNER = "CHN"
LIMIT = 200
DEEP_PAGES = 50


# ------------------------------------------------------------------------------------------ helpers

def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    s = sorted(samples)
    return s[max(0, -(-95 * len(s) // 100) - 1)]


def summary(samples: list[float]) -> dict[str, float]:
    return {"median": statistics.median(samples), "p95": p95(samples), "min": min(samples),
            "max": max(samples), "n": len(samples)}


def clock(fn: Callable[[], object]) -> float:
    t = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - t) / 1e6


def interleaved(cases: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """Time every case ``repeat`` times, in rotating (and alternately reversed) order."""
    names = list(cases)
    out: dict[str, list[float]] = {name: [] for name in names}
    gc.collect()
    for rep in range(repeat):
        k = rep % len(names)
        order = names[k:] + names[:k]
        if rep % 2:
            order.reverse()
        for name in order:
            out[name].append(clock(cases[name]))
    return out


def fmt(v: float | None) -> str:
    if v is None:
        return "-"
    return f"{v:.3f}" if v < 1 else f"{v:.2f}" if v < 100 else f"{v:.0f}"


def say(line: str = "") -> None:
    print(line, flush=True)


def database_file(rows: int, seed: int, cache_dir: Path) -> tuple[Path, float | None]:
    """The cached synthetic database for (rows, seed), generated first if missing."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"synthetic-{rows}-seed{seed}-v{GENERATOR_VERSION}.sqlite"
    if path.exists():
        return path, None
    tmp = path.with_name(path.stem + ".partial.sqlite")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    say(f"generating {rows:,} agreements (seed {seed}) into {path} ...")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "tests.synthetic", str(tmp), "--agreements", str(rows),
                    "--seed", str(seed), "--quiet"], cwd=ROOT, env=env, check=True)
    elapsed = time.perf_counter() - t0
    os.replace(tmp, path)
    say(f"generated in {elapsed:.1f} s")
    return path, elapsed


def warm(path: Path) -> float:
    """Read the whole file once so that it sits in the OS page cache; returns seconds."""
    t0 = time.perf_counter()
    with open(path, "rb") as fh:
        while fh.read(16 * 2**20):
            pass
    return time.perf_counter() - t0


def statements_of(db: Database, fn: Callable[[], object]) -> list[str]:
    """The SQL statements (parameters filled in) that ``fn`` runs on the connection."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        fn()
    finally:
        db.conn.set_trace_callback(None)
    return seen


def diagnose(db: Database, fn: Callable[[], object], repeat: int = 5) -> list[dict[str, object]]:
    """Each statement ``fn`` runs, its median time alone and its EXPLAIN QUERY PLAN."""
    out = []
    for sql in statements_of(db, fn):
        times = [clock(lambda: db.conn.execute(sql).fetchall()) for _ in range(repeat)]
        plan = [f"{'  ' * 0}{row[3]}" for row in db.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        out.append({"sql": sql, "median_ms": statistics.median(times), "plan": plan})
    return out


def print_diagnosis(title: str, diag: list[dict[str, object]]) -> None:
    say(f"  -- {title}: statements run by the API")
    for d in diag:
        say(f"     {fmt(d['median_ms'])} ms  {d['sql']}")
        for line in d["plan"]:  # type: ignore[union-attr]
            say(f"         plan: {line}")


# ------------------------------------------------------------------------------------------ sections

def bench_search(db: Database, repeat: int, label: str) -> dict[str, object]:
    search = AgreementSearch(db)
    matches = {kind: match_expression(QUERIES[kind]) for kind in KINDS}
    cases: dict[str, Callable[[], object]] = {}
    for kind in KINDS:
        q = AgreementQuery(text=QUERIES[kind])
        m = matches[kind]
        cases[f"{kind}/ours"] = lambda q=q: search.search(q, limit=LIMIT)
        cases[f"{kind}/raw"] = lambda m=m: search.raw_fts(m, LIMIT)
    for fn in cases.values():  # warm-up, untimed
        fn()
    times = interleaved(cases, repeat)
    rows = {}
    say(f"Search, {label}: AgreementSearch.search(text, limit={LIMIT}) [first page + total] vs raw FTS5 "
        f"[first {LIMIT} rowids + count(*) MATCH]; {repeat} interleaved runs; ms")
    say(f"  {'query':<10} {'text':<22} {'matches':>8} {'total':>8} | {'ours med':>8} {'p95':>7} | "
        f"{'raw med':>8} {'p95':>7} | {'ratio':>6} | {'budget':<22} | result")
    for kind in KINDS:
        ours, raw = summary(times[f"{kind}/ours"]), summary(times[f"{kind}/raw"])
        result = search.search(AgreementQuery(text=QUERIES[kind]), limit=LIMIT)
        n_raw = search.raw_fts(matches[kind], LIMIT)[1]
        ratio = ours["median"] / raw["median"] if raw["median"] else float("inf")
        if kind in RATIO_KINDS:
            budget = f"ours <= {RATIO_BUDGET:g}x raw (median)"
            ok = ratio <= RATIO_BUDGET
        else:
            budget = f"ours p95 < {COMMON_P95_BUDGET_MS:g} ms"
            ok = ours["p95"] < COMMON_P95_BUDGET_MS
        rows[kind] = {"text": QUERIES[kind], "match": matches[kind], "matches": n_raw, "total": result.total,
                      "sort_used": result.sort, "ours": ours, "raw": raw, "ratio": ratio, "budget": budget,
                      "pass": ok}
        say(f"  {kind:<10} {QUERIES[kind]:<22} {n_raw:>8,} {result.total:>8,} | {fmt(ours['median']):>8} "
            f"{fmt(ours['p95']):>7} | {fmt(raw['median']):>8} {fmt(raw['p95']):>7} | {ratio:>5.2f}x | "
            f"{budget:<22} | {'PASS' if ok else 'FAIL'}")
    failed = [k for k in KINDS if not rows[k]["pass"]]
    for kind in failed:
        q = AgreementQuery(text=QUERIES[kind])
        diag = diagnose(db, lambda q=q: search.search(q, limit=LIMIT))
        rows[kind]["diagnosis"] = diag
        print_diagnosis(f"{kind} ({QUERIES[kind]!r}) over budget", diag)
        raw_diag = diagnose(db, lambda m=matches[kind]: search.raw_fts(m, LIMIT))
        rows[kind]["raw_diagnosis"] = raw_diag
        print_diagnosis(f"{kind} raw yardstick", raw_diag)
    return rows


def bench_variants(db: Database, repeat: int) -> dict[str, object]:
    search = AgreementSearch(db)
    cases: dict[str, Callable[[], object]] = {}
    for kind in KINDS:
        for variant, q in (
            ("plain", AgreementQuery(text=QUERIES[kind])),
            (f"partner {PARTNER}", AgreementQuery(text=QUERIES[kind], partners=(PARTNER,))),
            ("sort=title", AgreementQuery(text=QUERIES[kind], sort="title")),
            (f"partner {PARTNER}, sort=title", AgreementQuery(text=QUERIES[kind], partners=(PARTNER,), sort="title")),
        ):
            cases[f"{kind}|{variant}"] = lambda q=q: search.search(q, limit=LIMIT)
    for fn in cases.values():
        fn()
    times = interleaved(cases, repeat)
    say(f"Variants (informational): search() with a partner filter and sort='title'; {repeat} interleaved runs; ms")
    say(f"  {'query':<10} {'variant':<26} {'total':>8} {'sort':>9} | {'median':>8} {'p95':>7}")
    out = {}
    for name, fn in cases.items():
        kind, variant = name.split("|")
        res = fn()
        s = summary(times[name])
        out[name] = {"total": res.total, "sort_used": res.sort, **s}  # type: ignore[union-attr]
        say(f"  {kind:<10} {variant:<26} {res.total:>8,} {res.sort:>9} | {fmt(s['median']):>8} "  # type: ignore[union-attr]
            f"{fmt(s['p95']):>7}")
    return out


def bench_deep(db: Database, repeat: int) -> dict[str, object]:
    """Follow ``next`` cursors DEEP_PAGES pages; times of pages 1, 10, 25 and 50."""
    search = AgreementSearch(db)
    marks = (1, 10, 25, DEEP_PAGES)
    queries = [(kind, AgreementQuery(text=QUERIES[kind])) for kind in KINDS]
    queries.append(("no text", AgreementQuery()))
    queries.append((f"common, {PARTNER}", AgreementQuery(text=QUERIES["common"], partners=(PARTNER,))))
    out = {}
    say(f"Keyset paging (informational): AgreementSearch.page(q, after=next) for {DEEP_PAGES} pages of {LIMIT}; "
        f"median of {repeat} walks; ms")
    say(f"  {'query':<16} {'pages':>6} | " + " ".join(f"{'p' + str(m):>8}" for m in marks) + f" | {'p50/p1':>7}")
    for name, q in queries:
        per_page: dict[int, list[float]] = {}
        reached = 0
        gc.collect()
        for _ in range(repeat):
            after: Cursor | None = None
            for page_no in range(1, DEEP_PAGES + 1):
                t = time.perf_counter_ns()
                page = search.page(q, after, LIMIT)
                per_page.setdefault(page_no, []).append((time.perf_counter_ns() - t) / 1e6)
                reached = max(reached, page_no)
                if page.next is None:
                    break
                after = page.next
        med = {m: statistics.median(per_page[m]) if m in per_page else None for m in marks}
        ratio = (med[DEEP_PAGES] / med[1]) if med.get(DEEP_PAGES) and med[1] else None
        out[name] = {"pages_reached": reached, "median_ms_by_page": med, "p50_over_p1": ratio}
        say(f"  {name:<16} {reached:>6} | " + " ".join(f"{fmt(med[m]):>8}" for m in marks)
            + f" | {(f'{ratio:.2f}x' if ratio else '-'):>7}")
    return out


def bench_naive(db: Database, repeat: int) -> dict[str, object]:
    """The shapes PERFORMANCE.md measured as slow, next to what the API does for the same request."""
    search = AgreementSearch(db)
    conn = db.conn
    common = QUERIES["common"]
    m = match_expression(common)
    deep_offset = (DEEP_PAGES - 1) * LIMIT
    naive_sql = {
        "NAIVE bm25-ranked first 200, common word":
            ("SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ? ORDER BY bm25(agreements_fts) LIMIT ?",
             (m, LIMIT)),
        "NAIVE JOIN + ORDER BY date, common word":
            ("SELECT a.id FROM agreements_fts f JOIN agreements a ON a.id = f.rowid WHERE agreements_fts MATCH ? "
             "ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ?", (m, LIMIT)),
        f"NAIVE JOIN + partner {PARTNER} + ORDER BY date, common word":
            ("SELECT a.id FROM agreements_fts f JOIN agreements a ON a.id = f.rowid "
             "JOIN agreement_partners ap ON ap.agreement_id = a.id JOIN partners p ON p.id = ap.partner_id "
             "WHERE agreements_fts MATCH ? AND p.iso3 = ? "
             "ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ?", (m, PARTNER, LIMIT)),
        f"NAIVE OFFSET {deep_offset} (page {DEEP_PAGES}), common word, by date":
            ("SELECT a.id FROM agreements a WHERE EXISTS (SELECT 1 FROM agreements_fts f WHERE agreements_fts "
             "MATCH ? AND f.rowid = a.id) ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ? OFFSET ?",
             (m, LIMIT, deep_offset)),
    }
    cases: dict[str, Callable[[], object]] = {
        name: (lambda sql=sql, params=params: conn.execute(sql, params).fetchall())
        for name, (sql, params) in naive_sql.items()
    }
    cases["API search(), common word"] = lambda: search.search(AgreementQuery(text=common), limit=LIMIT)
    cases[f"API search(), common word + partner {PARTNER}"] = lambda: search.search(
        AgreementQuery(text=common, partners=(PARTNER,)), limit=LIMIT)
    for fn in cases.values():
        fn()
    times = interleaved(cases, repeat)
    say(f"Naive query shapes (for comparison, NOT what the API runs); {repeat} interleaved runs; ms")
    out = {}
    for name in cases:
        s = summary(times[name])
        out[name] = s
        say(f"  {name:<58} median {fmt(s['median']):>8}  p95 {fmt(s['p95']):>8}")
    return out


def _interrupt_once(db: Database, fn: Callable[[], object], delay: float) -> dict[str, float | str | None]:
    box: dict[str, float | str] = {}
    running = threading.Event()

    def work() -> None:
        box["start"] = time.perf_counter()
        running.set()
        try:
            fn()
            box["finished"] = time.perf_counter()
        except Cancelled:
            box["cancelled"] = time.perf_counter()
        except BaseException as exc:  # reported, not raised in the thread
            box["error"] = repr(exc)

    worker = threading.Thread(target=work, name="bench-query")
    worker.start()
    running.wait()
    time.sleep(delay)
    t0 = time.perf_counter()
    db.interrupt()
    worker.join()
    if "cancelled" in box:
        return {"latency_ms": (box["cancelled"] - t0) * 1e3,  # type: ignore[operator]
                "ran_ms": (box["cancelled"] - box["start"]) * 1e3, "outcome": "cancelled"}  # type: ignore[operator]
    if "finished" in box:
        return {"latency_ms": None, "ran_ms": (box["finished"] - box["start"]) * 1e3,  # type: ignore[operator]
                "outcome": "finished before the interrupt took effect"}
    return {"latency_ms": None, "ran_ms": None, "outcome": f"error {box.get('error')}"}


def bench_interrupt(db: Database, trials: int = 10) -> dict[str, object]:
    search = AgreementSearch(db)
    common = QUERIES["common"]
    candidates: list[tuple[str, Callable[[], object]]] = [
        ("page(sort='partner'), all rows", lambda: search.page(AgreementQuery(sort="partner"), None, LIMIT)),
        ("count(common word, sectors transport+energy, status in_force+signed)",
         lambda: search.count(AgreementQuery(text=common, sectors=("transport", "energy"),
                                             statuses=("in_force", "signed")))),
        ("page(common word, sort='sectors')",
         lambda: search.page(AgreementQuery(text=common, sort="sectors"), None, LIMIT)),
    ]
    say(f"Cancelling (big size): worker thread runs the query, main thread calls db.interrupt() after "
        f"{INTERRUPT_DELAY_S * 1e3:.0f} ms; latency = interrupt() call -> worker has Cancelled")
    out: dict[str, object] = {"candidates": {}}
    primary = None
    for name, fn in candidates:
        gc.collect()
        ran = clock(fn)
        out["candidates"][name] = {"uninterrupted_ms": ran}  # type: ignore[index]
        say(f"  uninterrupted: {name:<68} {fmt(ran):>8} ms")
        if primary is None and ran >= LONG_QUERY_MS:
            primary = name
    out["primary"] = primary
    if primary is None:
        say(f"  no candidate query ran >= {LONG_QUERY_MS:.0f} ms: interrupt budget not measured")
        return out
    for name, fn in candidates:
        info = out["candidates"][name]  # type: ignore[index]
        if info["uninterrupted_ms"] < LONG_QUERY_MS:
            continue
        runs = [_interrupt_once(db, fn, INTERRUPT_DELAY_S) for _ in range(trials)]
        lat = [r["latency_ms"] for r in runs if r["latency_ms"] is not None]
        misses = [r["outcome"] for r in runs if r["latency_ms"] is None]
        info["trials"] = runs
        # Later in the query's life too (informational): at 50% and 90% of its uninterrupted time.
        sweep = {}
        for frac in (0.5, 0.9):
            delay = info["uninterrupted_ms"] * frac / 1e3
            rs = [_interrupt_once(db, fn, delay) for _ in range(3)]
            sweep[f"{frac:.0%}"] = rs
        info["sweep"] = sweep
        if lat:
            info["latency"] = summary(lat)
            ok = not misses and max(lat) < INTERRUPT_BUDGET_MS
        else:
            ok = False
        info["pass"] = ok
        tag = "budget" if name == primary else "informational"
        sweep_txt = "; ".join(
            f"at {k}: " + ", ".join(fmt(r["latency_ms"]) if r["latency_ms"] is not None else "missed" for r in rs)
            for k, rs in sweep.items())
        say(f"  {name} ({tag}): {len(lat)}/{trials} cancelled; latency median "
            f"{fmt(statistics.median(lat)) if lat else '-'} ms, max {fmt(max(lat)) if lat else '-'} ms "
            f"-> {'PASS' if ok else 'FAIL'} (max < {INTERRUPT_BUDGET_MS:g} ms)")
        say(f"      later interrupts (ms): {sweep_txt}")
        if misses:
            say(f"      not cancelled: {misses}")
    # The connection must still work after being interrupted.
    out["usable_after"] = search.count(AgreementQuery(text=QUERIES["rare"]))
    return out


# ------------------------------------------------------------------------------------------ driver

def run_size(rows: int, seed: int, cache_dir: Path, repeat: int, *, big: bool) -> dict[str, object]:
    path, gen_s = database_file(rows, seed, cache_dir)
    size_mib = path.stat().st_size / 2**20
    warm_s = warm(path)
    label = f"{rows:,} agreements"
    say()
    say(f"== {label}: {path.name}, {size_mib:.0f} MiB, "
        + (f"generated in {gen_s:.1f} s" if gen_s is not None else "reused from the cache")
        + f"; file read into the page cache in {warm_s:.1f} s ==")
    db = open_database(path)
    result: dict[str, object] = {"rows": rows, "seed": seed, "file": str(path), "size_mib": size_mib,
                                 "generation_s": gen_s}
    try:
        db.conn.execute("SELECT count(*) FROM agreements").fetchone()
        info_repeat = max(5, repeat // 3) if not big else max(3, repeat // 6)
        result["search"] = bench_search(db, repeat, label)
        say()
        result["variants"] = bench_variants(db, info_repeat)
        say()
        result["deep_paging"] = bench_deep(db, max(3, info_repeat // 2))
        say()
        result["naive"] = bench_naive(db, max(3, info_repeat // 2))
        if big:
            say()
            result["interrupt"] = bench_interrupt(db)
    finally:
        db.close()
    return result


def budget_lines(tag: str, res: dict[str, object]) -> list[tuple[str, bool]]:
    lines = []
    search = res["search"]  # type: ignore[index]
    for kind in KINDS:
        r = search[kind]  # type: ignore[index]
        if kind in RATIO_KINDS:
            text = (f"[{tag}] {kind:<9} ours within {RATIO_BUDGET:g}x raw (median): {fmt(r['ours']['median'])} ms vs "
                    f"{fmt(r['raw']['median'])} ms = {r['ratio']:.2f}x")
        else:
            text = (f"[{tag}] {kind:<9} most common word p95 < {COMMON_P95_BUDGET_MS:g} ms: "
                    f"{fmt(r['ours']['p95'])} ms (median {fmt(r['ours']['median'])})")
        lines.append((text, bool(r["pass"])))
    if "interrupt" in res:
        it = res["interrupt"]  # type: ignore[index]
        primary = it.get("primary")  # type: ignore[union-attr]
        if primary:
            info = it["candidates"][primary]  # type: ignore[index]
            lat = info.get("latency")
            text = (f"[{tag}] interrupt  worker cancelled < {INTERRUPT_BUDGET_MS:g} ms after interrupt() (max of 10): "
                    + (f"median {fmt(lat['median'])} ms, max {fmt(lat['max'])} ms" if lat else "not cancelled")
                    + f" [{primary}]")
            lines.append((text, bool(info.get("pass"))))
        else:
            lines.append((f"[{tag}] interrupt  no query ran >= {LONG_QUERY_MS:.0f} ms; not measured", False))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_search", description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--big-rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = ap.parse_args(argv)
    repeat = max(3, args.repeat)

    say(f"Partnership Atlas search benchmark — Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}")
    results: dict[str, object] = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                                  "cpus": os.cpu_count(), "repeat": repeat, "sizes": {}}
    sizes = [("small", args.rows, False)]
    if not args.skip_big:
        sizes.append(("big", args.big_rows, True))
    lines: list[tuple[str, bool]] = []
    for name, rows, big in sizes:
        res = run_size(rows, args.seed, args.cache_dir, repeat, big=big)
        results["sizes"][name] = res  # type: ignore[index]
        tag = f"{rows // 1_000_000}M" if rows >= 1_000_000 and rows % 1_000_000 == 0 else f"{rows // 1000}k"
        lines += budget_lines(tag, res)

    say()
    say("Budgets")
    for text, ok in lines:
        say(f"  {'PASS' if ok else 'FAIL'}  {text}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    say(f"Peak RSS: {peak:.0f} MiB (benchmark process)"
        + (f"; {peak_children:.0f} MiB (largest generator child)" if peak_children else ""))
    results["budgets"] = [{"text": t, "pass": ok} for t, ok in lines]
    results["peak_rss_mib"] = peak
    results["peak_rss_children_mib"] = peak_children
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
        say(f"JSON written to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
