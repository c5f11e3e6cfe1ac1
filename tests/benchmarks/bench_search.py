"""Search benchmark on synthetic databases (not collected by pytest).

    python -m tests.benchmarks.bench_search [--rows 100000] [--big-rows 1000000] [--repeat 30]
        [--cache-dir /tmp/atlas-bench] [--skip-big] [--seed 1] [--cap 30] [--json FILE]

Builds the synthetic databases with ``tests.synthetic`` (in a child process, once: they are kept in
the cache folder, keyed by rows, seed, generator version and a hash of the schema), opens them with
``open_database`` and warms the page cache. Then, per size:

* the four query kinds of ``tests.synthetic.QUERIES`` (rare word, two words, prefix, most common
  word), interleaved in one run: ``AgreementSearch.search(AgreementQuery(text=...), limit=200)`` (first
  page of ids + total, Python query folding included) against ``AgreementSearch.raw_fts`` (the plain
  FTS5 query of the same meaning: first 200 rowids + count). Budgets: ours within 2x the raw median
  for rare, two words and prefix; the most common word under 50 ms at p95;
* informational: the same words with a partner filter and with sort='title'; 50 pages deep through
  the ``next`` cursors (keyset paging should cost the same on page 50 as on page 1);
* for comparison, the naive query shapes shared/design/PERFORMANCE.md warns about (labelled NAIVE);
* at the big size: cancelling a long query through ``Database.interrupt`` from another thread (budget:
  the worker gets ``Cancelled`` within 50 ms of the call, max of 10), and the same search table.

Every timed call is capped (``--cap`` seconds, through ``Database.interrupt``); a case whose first run
takes over a second is timed 3 times instead of ``--repeat`` times, and a capped one once ("runs"
column; ">=" marks a capped time). Budgets are reported, never asserted: the exit code is 0 unless
something raises. When a budget fails, the statements the API ran are printed with their own time
and EXPLAIN QUERY PLAN.
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
from tests.synthetic import GENERATOR_VERSION, QUERIES, schema_fingerprint

ROOT = Path(__file__).resolve().parents[2]
KINDS = ("rare", "two_words", "prefix", "common")
RATIO_KINDS = ("rare", "two_words", "prefix")
RATIO_BUDGET = 2.0
COMMON_P95_BUDGET_MS = 50.0
INTERRUPT_BUDGET_MS = 50.0
INTERRUPT_DELAY_S = 0.100
INTERRUPT_TRIALS = 10
LONG_QUERY_MS = 300.0
SLOW_MS = 1000.0
SLOW_REPEAT = 3
PARTNER = "CHN"
LIMIT = 200
DEEP_PAGES = 50

Fn = Callable[[], object]


# ------------------------------------------------------------------------------------------ helpers

def say(line: str = "") -> None:
    print(line, flush=True)


def write_json(path: Path | None, results: dict[str, object]) -> None:
    """The results as JSON, when a file was asked for (``--json``)."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, ensure_ascii=False, default=str), encoding="utf-8")
    say(f"JSON written to {path}")


def p95(samples: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    s = sorted(samples)
    return s[max(0, -(-95 * len(s) // 100) - 1)]


def summary(samples: list[float], capped: bool = False) -> dict[str, object]:
    return {"median": statistics.median(samples), "p95": p95(samples), "min": min(samples), "max": max(samples),
            "n": len(samples), "capped": capped}


def fmt(v: float | None, capped: bool = False) -> str:
    if v is None:
        return "-"
    text = f"{v:.3f}" if v < 1 else f"{v:.2f}" if v < 100 else f"{v:.0f}"
    return (">=" + text) if capped else text


def run_capped(db: Database, fn: Fn, cap_s: float) -> tuple[float, bool]:
    """(milliseconds, finished): ``fn`` is interrupted through ``db.interrupt`` after ``cap_s``."""
    timer = threading.Timer(cap_s, db.interrupt)
    timer.daemon = True
    timer.start()
    t = time.perf_counter_ns()
    try:
        fn()
        done = True
    except Cancelled:
        done = False
    except sqlite3.OperationalError as exc:
        if "interrupt" not in str(exc):
            raise
        done = False
    finally:
        elapsed = (time.perf_counter_ns() - t) / 1e6
        timer.cancel()
    return elapsed, done


def measure(db: Database, cases: dict[str, Fn], repeat: int, cap_s: float) -> dict[str, dict[str, object]]:
    """Time the cases interleaved: rotating order, reversed every other round.

    A first, untimed run warms each case up; a case that took over SLOW_MS is timed SLOW_REPEAT times
    (its first run counting), one that hit the cap only that once.
    """
    samples: dict[str, list[float]] = {}
    reps: dict[str, int] = {}
    capped: dict[str, bool] = {}
    gc.collect()
    for name, fn in cases.items():
        ms, done = run_capped(db, fn, cap_s)
        capped[name] = not done
        if not done:
            samples[name], reps[name] = [ms], 0
        elif ms >= SLOW_MS:
            samples[name], reps[name] = [ms], SLOW_REPEAT - 1
        else:
            samples[name], reps[name] = [], repeat
    names = list(cases)
    for rnd in range(max(reps.values(), default=0)):
        k = rnd % len(names)
        order = names[k:] + names[:k]
        if rnd % 2:
            order.reverse()
        for name in order:
            if rnd >= reps[name]:
                continue
            ms, done = run_capped(db, cases[name], cap_s)
            samples[name].append(ms)
            if not done:
                capped[name] = True
                reps[name] = rnd + 1
    return {name: summary(samples[name], capped[name]) for name in names}


def database_file(rows: int, seed: int, cache_dir: Path) -> tuple[Path, float | None]:
    """The cached synthetic database for (rows, seed, generator, schema), generated first if missing."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"synthetic-{rows}-seed{seed}-v{GENERATOR_VERSION}-{schema_fingerprint()}.sqlite"
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


def _own_statement(sql: str) -> bool:
    """False for the statements FTS5 runs on its shadow tables (they show in the trace too)."""
    head = sql.lstrip()
    return not (head.startswith("--") or head.upper().startswith("PRAGMA") or "'main'." in sql)


def diagnose(db: Database, fn: Fn, cap_s: float) -> list[dict[str, object]]:
    """Each statement ``fn`` runs: its SQL (parameters inlined), its time alone, EXPLAIN QUERY PLAN."""
    seen: list[str] = []
    db.conn.set_trace_callback(seen.append)
    try:
        run_capped(db, fn, cap_s)
    finally:
        db.conn.set_trace_callback(None)
    out = []
    for sql in (s for s in seen if _own_statement(s)):
        ms, done = run_capped(db, lambda sql=sql: db.conn.execute(sql).fetchall(), cap_s)
        depth: dict[int, int] = {}
        plan = []
        for node, parent, _, detail in db.conn.execute("EXPLAIN QUERY PLAN " + sql):
            depth[node] = depth.get(parent, -1) + 1
            plan.append("  " * depth[node] + detail)
        out.append({"sql": sql, "ms": ms, "capped": not done, "plan": plan})
    return out


def print_diagnosis(title: str, diag: list[dict[str, object]]) -> None:
    say(f"  -- {title}: the statements it runs, each timed alone (ms), with EXPLAIN QUERY PLAN")
    for d in diag:
        say(f"     {fmt(d['ms'], d['capped']):>9}  {d['sql']}")  # type: ignore[arg-type]
        for line in d["plan"]:  # type: ignore[union-attr]
            say(f"                plan: {line}")


# ------------------------------------------------------------------------------------------ sections

def same_result_sql(db: Database, match: str) -> tuple[list[int], int]:
    """The plain SQL that returns exactly what search() returns: ids by date and the total."""
    where = ("agreements_fts MATCH ? AND NOT EXISTS (SELECT 1 FROM conflict_members cm WHERE "
             "cm.record_type = 'agreement' AND cm.record_id = a.id AND cm.is_preferred = 0)")
    ids = [r[0] for r in db.conn.execute(
        f"SELECT a.id FROM agreements_fts f JOIN agreements a ON a.id = f.rowid WHERE {where} "
        f"ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT {LIMIT}", (match,))]
    total = db.conn.execute(
        f"SELECT count(*) FROM agreements_fts f JOIN agreements a ON a.id = f.rowid WHERE {where}", (match,)
    ).fetchone()[0]
    return ids, total


def bench_search(db: Database, repeat: int, cap_s: float, label: str) -> dict[str, object]:
    search = AgreementSearch(db)
    matches = {kind: match_expression(QUERIES[kind]) for kind in KINDS}
    cases: dict[str, Fn] = {}
    for kind in KINDS:
        q = AgreementQuery(text=QUERIES[kind])
        m = matches[kind]
        cases[f"{kind}/ours"] = lambda q=q: search.search(q, limit=LIMIT)
        cases[f"{kind}/raw"] = lambda m=m: search.raw_fts(m, LIMIT)  # type: ignore[arg-type]
        cases[f"{kind}/same"] = lambda m=m: same_result_sql(db, m)  # type: ignore[arg-type]
    times = measure(db, cases, repeat, cap_s)
    say(f"Search, {label}: AgreementSearch.search(text, limit={LIMIT}) [first page + total] vs raw FTS5 "
        f"[first {LIMIT} rowids + count(*) MATCH]; interleaved; ms")
    say(f"  {'query':<10} {'text':<22} {'matches':>8} {'total':>8} | {'runs':>4} {'ours med':>9} {'p95':>9} | "
        f"{'raw med':>8} {'p95':>7} | {'ratio':>8} | {'budget':<24} | result")
    rows: dict[str, dict[str, object]] = {}
    for kind in KINDS:
        ours, raw = times[f"{kind}/ours"], times[f"{kind}/raw"]
        n_raw = search.raw_fts(matches[kind], LIMIT)[1]  # type: ignore[arg-type]
        ratio = ours["median"] / raw["median"] if raw["median"] else float("inf")  # type: ignore[operator]
        if kind in RATIO_KINDS:
            budget = f"ours <= {RATIO_BUDGET:g}x raw (median)"
            ok = ratio <= RATIO_BUDGET and not ours["capped"]
        else:
            budget = f"ours p95 < {COMMON_P95_BUDGET_MS:g} ms"
            ok = ours["p95"] < COMMON_P95_BUDGET_MS and not ours["capped"]  # type: ignore[operator]
        rows[kind] = {"text": QUERIES[kind], "match": matches[kind], "matches": n_raw, "ours": ours, "raw": raw,
                      "ratio": ratio, "budget": budget, "pass": ok}
        total = "-"
        if not ours["capped"]:
            result = search.search(AgreementQuery(text=QUERIES[kind]), limit=LIMIT)
            rows[kind]["total"], rows[kind]["sort_used"] = result.total, result.sort
            total = f"{result.total:,}"
        c = bool(ours["capped"])
        say(f"  {kind:<10} {QUERIES[kind]:<22} {n_raw:>8,} {total:>8} | {ours['n']:>4} "
            f"{fmt(ours['median'], c):>9} {fmt(ours['p95'], c):>9} | {fmt(raw['median']):>8} "  # type: ignore[arg-type]
            f"{fmt(raw['p95']):>7} | {(('>=' if c else '') + f'{ratio:.1f}x'):>8} | {budget:<24} | "
            f"{'PASS' if ok else 'FAIL'}")
    say(f"  Same result written plainly (join + ORDER BY date + alternatives excluded, LIMIT {LIMIT}, and its "
        "count; the ids and total equal search()'s):")
    for kind in KINDS:
        ours, same = times[f"{kind}/ours"], times[f"{kind}/same"]
        ratio = ours["median"] / same["median"] if same["median"] else float("inf")  # type: ignore[operator]
        rows[kind]["same_result"], rows[kind]["same_ratio"] = same, ratio
        say(f"  {kind:<10} plain SQL median {fmt(same['median'])} ms, p95 {fmt(same['p95'])} ms; "  # type: ignore[arg-type]
            f"search() is {ratio:.2f}x of it")
    for kind in (k for k in KINDS if not rows[k]["pass"]):
        q = AgreementQuery(text=QUERIES[kind])
        rows[kind]["diagnosis"] = diag = diagnose(db, lambda q=q: search.search(q, limit=LIMIT), cap_s)
        print_diagnosis(f"{kind} {QUERIES[kind]!r}: search() over budget", diag)
        rows[kind]["raw_diagnosis"] = raw_diag = diagnose(
            db, lambda m=matches[kind]: search.raw_fts(m, LIMIT), cap_s)  # type: ignore[arg-type]
        print_diagnosis(f"{kind} raw yardstick", raw_diag)
    return rows


def bench_variants(db: Database, repeat: int, cap_s: float) -> dict[str, object]:
    search = AgreementSearch(db)
    cases: dict[str, Fn] = {}
    for kind in KINDS:
        text = QUERIES[kind]
        for variant, q in (
            (f"partner {PARTNER}", AgreementQuery(text=text, partners=(PARTNER,))),
            ("sort=title", AgreementQuery(text=text, sort="title")),
            (f"partner {PARTNER}, sort=title", AgreementQuery(text=text, partners=(PARTNER,), sort="title")),
        ):
            cases[f"{kind}|{variant}"] = lambda q=q: search.search(q, limit=LIMIT)
    cases["(no text)|plain"] = lambda: search.search(AgreementQuery(), limit=LIMIT)
    cases[f"(no text)|partner {PARTNER}"] = lambda: search.search(AgreementQuery(partners=(PARTNER,)), limit=LIMIT)
    cases["(no text)|sort=title"] = lambda: search.search(AgreementQuery(sort="title"), limit=LIMIT)
    times = measure(db, cases, repeat, cap_s)
    say("Variants (informational): search() with a partner filter and sort='title'; interleaved; ms")
    say(f"  {'query':<10} {'variant':<26} | {'runs':>4} {'median':>9} {'p95':>9}")
    for name, s in times.items():
        kind, variant = name.split("|")
        c = bool(s["capped"])
        say(f"  {kind:<10} {variant:<26} | {s['n']:>4} {fmt(s['median'], c):>9} {fmt(s['p95'], c):>9}")  # type: ignore[arg-type]
    return times


def bench_deep(db: Database, repeat: int, cap_s: float) -> dict[str, object]:
    """Follow ``next`` cursors DEEP_PAGES pages; times of pages 1, 10, 25 and 50."""
    search = AgreementSearch(db)
    marks = (1, 10, 25, DEEP_PAGES)
    queries = [(kind, AgreementQuery(text=QUERIES[kind])) for kind in KINDS]
    queries.append(("(no text)", AgreementQuery()))
    queries.append((f"common, {PARTNER}", AgreementQuery(text=QUERIES["common"], partners=(PARTNER,))))
    queries.append(("(no text), title", AgreementQuery(sort="title")))
    out: dict[str, object] = {}
    say(f"Keyset paging (informational): AgreementSearch.page(q, after=next) for {DEEP_PAGES} pages of {LIMIT}, "
        f"median per page over the walks; a walk stops at the last page or after {cap_s:g} s; ms")
    say(f"  {'query':<18} {'walks':>5} {'pages':>5} | " + " ".join(f"{'page ' + str(m):>9}" for m in marks)
        + f" | {'p50/p1':>7}")
    for name, q in queries:
        per_page: dict[int, list[float]] = {}
        reached, walks, stopped = 0, 0, False
        gc.collect()
        while walks < repeat:
            walks += 1
            after: Cursor | None = None
            spent = 0.0
            for page_no in range(1, DEEP_PAGES + 1):
                box: dict[str, object] = {}

                def one(after: Cursor | None = after, box: dict[str, object] = box, q: AgreementQuery = q) -> None:
                    box["page"] = search.page(q, after, LIMIT)

                ms, done = run_capped(db, one, max(0.5, cap_s - spent / 1e3))
                spent += ms
                if not done:
                    stopped = True
                    break
                per_page.setdefault(page_no, []).append(ms)
                reached = max(reached, page_no)
                page = box["page"]
                if page.next is None:  # type: ignore[attr-defined]
                    break
                if spent > cap_s * 1e3:
                    stopped = True
                    break
                after = page.next  # type: ignore[attr-defined]
            if stopped or spent > 2000:
                break
        med = {m: (statistics.median(per_page[m]) if m in per_page else None) for m in marks}
        ratio = med[DEEP_PAGES] / med[1] if med[DEEP_PAGES] and med[1] else None
        out[name] = {"walks": walks, "pages_reached": reached, "stopped_by_cap": stopped,
                     "median_ms_by_page": med, "p50_over_p1": ratio}
        say(f"  {name:<18} {walks:>5} {reached:>5} | " + " ".join(f"{fmt(med[m]):>9}" for m in marks)
            + f" | {(f'{ratio:.2f}x' if ratio else '-'):>7}" + ("  (stopped by the cap)" if stopped else ""))
    return out


def bench_naive(db: Database, repeat: int, cap_s: float) -> dict[str, object]:
    """The shapes PERFORMANCE.md measured as slow, next to what the API does for the same request."""
    search = AgreementSearch(db)
    conn = db.conn
    common = QUERIES["common"]
    m = match_expression(common)
    deep_offset = (DEEP_PAGES - 1) * LIMIT
    naive_sql: dict[str, tuple[str, tuple[object, ...]]] = {
        "NAIVE bm25-ranked first 200, common word":
            ("SELECT rowid FROM agreements_fts WHERE agreements_fts MATCH ? ORDER BY bm25(agreements_fts) LIMIT ?",
             (m, LIMIT)),
        "NAIVE JOIN + ORDER BY date first 200, common word":
            ("SELECT a.id FROM agreements_fts f JOIN agreements a ON a.id = f.rowid WHERE agreements_fts MATCH ? "
             "ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ?", (m, LIMIT)),
        f"NAIVE JOIN + partner {PARTNER} + ORDER BY date, common word":
            ("SELECT a.id FROM agreements_fts f JOIN agreements a ON a.id = f.rowid "
             "JOIN agreement_partners ap ON ap.agreement_id = a.id JOIN partners p ON p.id = ap.partner_id "
             "WHERE agreements_fts MATCH ? AND p.iso3 = ? "
             "ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ?", (m, PARTNER, LIMIT)),
        f"NAIVE OFFSET {deep_offset} (page {DEEP_PAGES}) by date, common word":
            ("SELECT a.id FROM agreements a WHERE a.id IN (SELECT rowid FROM agreements_fts WHERE agreements_fts "
             "MATCH ?) ORDER BY coalesce(a.date_signed, '') DESC, a.id DESC LIMIT ? OFFSET ?",
             (m, LIMIT, deep_offset)),
    }
    cases: dict[str, Fn] = {
        name: (lambda sql=sql, params=params: conn.execute(sql, params).fetchall())
        for name, (sql, params) in naive_sql.items()
    }
    cases["API search(), common word"] = lambda: search.search(AgreementQuery(text=common), limit=LIMIT)
    cases[f"API search(), common word + partner {PARTNER}"] = lambda: search.search(
        AgreementQuery(text=common, partners=(PARTNER,)), limit=LIMIT)
    times = measure(db, cases, repeat, cap_s)
    say("Naive query shapes (for comparison; NOT what the API runs) next to the API; interleaved; ms")
    for name, s in times.items():
        c = bool(s["capped"])
        say(f"  {name:<62} runs {s['n']:>3}  median {fmt(s['median'], c):>9}  p95 {fmt(s['p95'], c):>9}")  # type: ignore[arg-type]
    return times


def _interrupt_once(db: Database, fn: Fn, delay: float) -> dict[str, object]:
    box: dict[str, object] = {}
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
    start = box["start"]
    if "cancelled" in box:
        return {"latency_ms": (box["cancelled"] - t0) * 1e3,  # type: ignore[operator]
                "ran_ms": (box["cancelled"] - start) * 1e3, "outcome": "cancelled"}  # type: ignore[operator]
    if "finished" in box:
        return {"latency_ms": None, "ran_ms": (box["finished"] - start) * 1e3,  # type: ignore[operator]
                "outcome": "finished (not cancelled)"}
    return {"latency_ms": None, "ran_ms": None, "outcome": f"error {box.get('error')}"}


def bench_interrupt(db: Database, cap_s: float) -> dict[str, object]:
    search = AgreementSearch(db)
    common = QUERIES["common"]
    candidates: list[tuple[str, Fn]] = [
        ("page(sort='partner'), all rows", lambda: search.page(AgreementQuery(sort="partner"), None, LIMIT)),
        ("page(sectors transport+energy, statuses in_force+signed, sort='partner')",
         lambda: search.page(AgreementQuery(sectors=("transport", "energy"), statuses=("in_force", "signed"),
                                            sort="partner"), None, LIMIT)),
        ("search(common word)", lambda: search.search(AgreementQuery(text=common), limit=LIMIT)),
        ("search(two words)", lambda: search.search(AgreementQuery(text=QUERIES["two_words"]), limit=LIMIT)),
    ]
    say(f"Cancelling: a worker thread runs the query, the main thread calls db.interrupt() after "
        f"{INTERRUPT_DELAY_S * 1e3:.0f} ms; latency = from the interrupt() call until the worker has Cancelled")
    out: dict[str, object] = {"candidates": {}, "primary": None}
    cands: dict[str, dict[str, object]] = out["candidates"]  # type: ignore[assignment]
    for name, fn in candidates:
        gc.collect()
        ran, done = run_capped(db, fn, cap_s)
        cands[name] = {"uninterrupted_ms": ran, "uninterrupted_capped": not done}
        say(f"  runs uninterrupted: {name:<80} {fmt(ran, not done):>9} ms")
        if out["primary"] is None and ran >= LONG_QUERY_MS:
            out["primary"] = name
    if out["primary"] is None:
        say(f"  no candidate query runs >= {LONG_QUERY_MS:.0f} ms: not measured")
        return out
    for name, fn in candidates:
        info = cands[name]
        if info["uninterrupted_ms"] < LONG_QUERY_MS:  # type: ignore[operator]
            continue
        runs = [_interrupt_once(db, fn, INTERRUPT_DELAY_S) for _ in range(INTERRUPT_TRIALS)]
        lat = [r["latency_ms"] for r in runs if r["latency_ms"] is not None]
        misses = [r["outcome"] for r in runs if r["latency_ms"] is None]
        info["trials"] = runs
        # Later in the query's life too (informational): at 50% and 90% of its uninterrupted time.
        sweep = {}
        for frac in (0.5, 0.9):
            delay = min(info["uninterrupted_ms"], cap_s * 1e3) * frac / 1e3  # type: ignore[operator]
            sweep[f"{frac:.0%}"] = [_interrupt_once(db, fn, delay) for _ in range(3)]
        info["sweep"] = sweep
        ok = bool(lat) and not misses and max(lat) < INTERRUPT_BUDGET_MS  # type: ignore[type-var]
        if lat:
            info["latency"] = summary(lat)  # type: ignore[arg-type]
        info["pass"] = ok
        tag = "BUDGET" if name == out["primary"] else "informational"
        say(f"  {name} [{tag}]: {len(lat)}/{INTERRUPT_TRIALS} cancelled; latency median "
            f"{fmt(statistics.median(lat)) if lat else '-'} ms, max {fmt(max(lat)) if lat else '-'} ms "  # type: ignore[type-var,arg-type]
            f"-> {'PASS' if ok else 'FAIL'} (max < {INTERRUPT_BUDGET_MS:g} ms)")
        say("      interrupted later (ms): " + "; ".join(
            f"at {k} of its time: " + ", ".join(
                fmt(r["latency_ms"]) if r["latency_ms"] is not None else r["outcome"] for r in rs)  # type: ignore[arg-type,misc]
            for k, rs in sweep.items()))
        if misses:
            say(f"      not cancelled: {misses}")
    # The connection still works after being interrupted.
    out["usable_after"] = search.count(AgreementQuery(text=QUERIES["rare"]))
    return out


# ------------------------------------------------------------------------------------------ driver

def run_size(rows: int, seed: int, cache_dir: Path, repeat: int, cap_s: float, *, big: bool) -> dict[str, object]:
    path, gen_s = database_file(rows, seed, cache_dir)
    size_mib = path.stat().st_size / 2**20
    warm_s = warm(path)
    label = f"{rows:,} agreements"
    say()
    say(f"== {label}: {path.name}, {size_mib:.0f} MiB, "
        + (f"generated in {gen_s:.1f} s" if gen_s is not None else "reused from the cache")
        + f"; file read into the page cache in {warm_s:.1f} s; load average {os.getloadavg()[0]:.2f} ==")
    db = open_database(path)
    result: dict[str, object] = {"rows": rows, "seed": seed, "file": str(path), "size_mib": size_mib,
                                 "generation_s": gen_s}
    try:
        db.conn.execute("SELECT count(*) FROM agreements").fetchone()
        info_repeat = max(5, repeat // 3) if not big else max(3, repeat // 6)
        result["search"] = bench_search(db, repeat, cap_s, label)
        say()
        if big:
            result["interrupt"] = bench_interrupt(db, cap_s)
            say()
        result["variants"] = bench_variants(db, info_repeat, cap_s)
        say()
        result["deep_paging"] = bench_deep(db, max(3, info_repeat // 2), cap_s)
        say()
        result["naive"] = bench_naive(db, max(3, info_repeat // 2), cap_s)
    finally:
        db.close()
    return result


def budget_lines(tag: str, res: dict[str, object]) -> list[tuple[str, bool]]:
    lines = []
    search: dict[str, dict[str, object]] = res["search"]  # type: ignore[assignment]
    for kind in KINDS:
        r = search[kind]
        ours, raw = r["ours"], r["raw"]
        c = bool(ours["capped"])  # type: ignore[index]
        if kind in RATIO_KINDS:
            text = (f"[{tag}] {kind:<9} search() within {RATIO_BUDGET:g}x raw FTS5 (median): "
                    f"{fmt(ours['median'], c)} ms vs {fmt(raw['median'])} ms = "  # type: ignore[index]
                    f"{'>=' if c else ''}{r['ratio']:.1f}x")
        else:
            text = (f"[{tag}] {kind:<9} most common word, search() p95 < {COMMON_P95_BUDGET_MS:g} ms: "
                    f"{fmt(ours['p95'], c)} ms (median {fmt(ours['median'], c)})")  # type: ignore[index]
        lines.append((text, bool(r["pass"])))
        if kind in RATIO_KINDS and "same_ratio" in r:
            same = r["same_result"]
            lines.append((f"[{tag}] {kind:<9} search() within {RATIO_BUDGET:g}x the plain SQL giving the same ids "
                          f"and total (median): {fmt(ours['median'], c)} ms vs {fmt(same['median'])} ms = "  # type: ignore[index]
                          f"{r['same_ratio']:.1f}x", r["same_ratio"] <= RATIO_BUDGET))
    if "interrupt" in res:
        it: dict[str, object] = res["interrupt"]  # type: ignore[assignment]
        primary = it.get("primary")
        if primary:
            info = it["candidates"][primary]  # type: ignore[index]
            lat = info.get("latency")
            text = (f"[{tag}] interrupt Cancelled < {INTERRUPT_BUDGET_MS:g} ms after interrupt() (max of "
                    f"{INTERRUPT_TRIALS}): "
                    + (f"median {fmt(lat['median'])} ms, max {fmt(lat['max'])} ms" if lat else "not cancelled")
                    + f" [{primary}]")
            lines.append((text, bool(info.get("pass"))))
        else:
            lines.append((f"[{tag}] interrupt no query ran >= {LONG_QUERY_MS:.0f} ms; not measured", False))
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_search",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--big-rows", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--cap", type=float, default=30.0, help="seconds after which a timed call is interrupted")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this file")
    args = ap.parse_args(argv)
    repeat = max(3, args.repeat)

    say(f"Partnership Atlas search benchmark: Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}; repeat {repeat}, cap {args.cap:g} s")
    results: dict[str, object] = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version,
                                  "cpus": os.cpu_count(), "repeat": repeat, "cap_s": args.cap, "sizes": {}}
    sizes = [("small", args.rows, False)]
    if not args.skip_big:
        sizes.append(("big", args.big_rows, True))
    lines: list[tuple[str, bool]] = []
    started = time.perf_counter()
    for name, rows, big in sizes:
        res = run_size(rows, args.seed, args.cache_dir, repeat, args.cap, big=big)
        results["sizes"][name] = res  # type: ignore[index]
        tag = f"{rows // 1_000_000}M" if rows >= 1_000_000 and rows % 1_000_000 == 0 else f"{rows / 1000:g}k"
        lines += budget_lines(tag, res)

    say()
    say("Budgets")
    for text, ok in lines:
        say(f"  {'PASS' if ok else 'FAIL'}  {text}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    generated = any(r.get("generation_s") is not None for r in results["sizes"].values())  # type: ignore[union-attr]
    say(f"Peak RSS: {peak:.0f} MiB (benchmark process)"
        + (f"; {peak_children:.0f} MiB (largest generator child process)" if generated else "")
        + f". Total time {time.perf_counter() - started:.0f} s; load average now {os.getloadavg()[0]:.2f}.")
    results["budgets"] = [{"text": t, "pass": ok} for t, ok in lines]
    results["peak_rss_mib"] = peak
    results["peak_rss_children_mib"] = peak_children
    write_json(args.json, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
