"""Team-sync benchmark (not collected by pytest; needs Debian's `postgresql` package, and root or a user that may run
initdb: see tests/postgres.py).

    python -m tests.benchmarks.bench_sync [--synthetic FILE] [--laptops 20] [--changes 10000] [--keep]

A real PostgreSQL is started in a temporary folder; the team server is set up (`server init`) from a synthetic
database of 100,000 agreements (tests/synthetic.py; built into /tmp/atlas-sync-bench when missing, ~75 s, ~0.9 GB).
Then, each figure in the same run:

1. set-up: the server loaded, and a laptop's first sync against it (every record compared, none different);
2. 10,000 local changes pushed: one laptop retitles 10,000 agreements (one change set, as an import writes it) and
   syncs; 10,000 pulled: a second laptop syncs them in;
3. 20 laptops at once: copies of a synced laptop (each its own replica), each with 50 edits of its own agreements,
   start their sync together (one process each); reported: the wall time, records per second, the median and
   p95 of the syncs' durations, and the server's CPU time (the postmaster's own and its children's, backends
   included: /proc/PID/stat utime+stime+cutime+cstime) over that round.

At the end every laptop is compared with the server (documents' fingerprints): it must equal it.
"""
from __future__ import annotations

import argparse
import multiprocessing
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
CACHE = Path(tempfile.gettempdir()) / "atlas-sync-bench"
EDITS_EACH = 50


def say(line: str = "") -> None:
    print(line, flush=True)


def synthetic(path: Path | None) -> Path:
    if path is not None:
        return path
    target = CACHE / "syn100k.sqlite"
    if not target.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        say(f"building {target} (100,000 agreements) ...")
        subprocess.run([sys.executable, "-m", "tests.synthetic", str(target), "--agreements", "100000", "--events",
                        "2000", "--facts", "2000", "--nodes", "500", "--quiet"], cwd=ROOT, check=True)
    return target


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = sum(int(fields[i]) for i in (11, 12, 13, 14))  # utime, stime, cutime, cstime
    return ticks / os.sysconf("SC_CLK_TCK")


def server_cpu(data_dir: Path) -> float:
    """CPU seconds of the cluster: the postmaster with its reaped children, plus its live processes."""
    postmaster = int((data_dir / "postmaster.pid").read_text().split()[0])
    total = cpu_seconds(postmaster)
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                fields = stat.rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def copy_laptop(source: Path, target: Path) -> None:
    """A copy of a synced laptop as another laptop: the same data and sync state, its own replica id."""
    import sqlite3

    shutil.copyfile(source, target)
    conn = sqlite3.connect(target)
    conn.execute("DELETE FROM meta WHERE key = 'sync_replica'")
    conn.commit()
    conn.close()


def retitle(db_path: Path, ids: list[int], note: str) -> None:
    from desktop.data.database import open_database
    from desktop.data.editing import Editor

    with open_database(db_path, check=False) as db:
        editor = Editor(db)
        editor.apply(editor.build_update_many("agreement", {i: {"title_en": f"{note} {i}"} for i in ids},
                                              label=note))


def one_sync(args: tuple[str, str]) -> tuple[float, int, int, float]:
    """A child's sync: (seconds, records received, records sent, when it started)."""
    from desktop.data.database import open_database
    from desktop.sync.engine import sync

    db_path, conninfo = args
    start_at = time.time()
    t0 = time.perf_counter()
    with open_database(db_path, check=False) as db:
        report = sync(db, conninfo)
    return time.perf_counter() - t0, len(report.pulled) + len(report.deleted), report.sent_records, start_at


def timed_sync(db_path: Path, conninfo: str) -> tuple[float, int, int]:
    seconds, received, sent, _ = one_sync((str(db_path), conninfo))
    return seconds, received, sent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_sync", description=__doc__.split("\n\n")[0])
    ap.add_argument("--synthetic", type=Path, help="a synthetic database of 100,000 agreements (tests/synthetic.py)")
    ap.add_argument("--laptops", type=int, default=20)
    ap.add_argument("--changes", type=int, default=10_000)
    ap.add_argument("--keep", action="store_true", help="keep the work folder (printed)")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from desktop.data.database import open_database
    from desktop.data.documents import doc_sha
    from desktop.data.syncstate import all_documents
    from desktop.sync.server import TeamServer, init_server
    from tests.postgres import Cluster, pg_bin

    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    source = synthetic(args.synthetic)
    bin_dir = pg_bin()
    if bin_dir is None:
        raise SystemExit("PostgreSQL's initdb is missing: install Debian's `postgresql` package.")
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-sync-"))
    work.chmod(0o755)  # the cluster's own account must reach its folder inside
    cluster = Cluster(work / "pg", bin_dir, "postgres" if os.geteuid() == 0 else None)
    (work / "pg").mkdir()
    cluster.start()
    say(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}; PostgreSQL from {bin_dir}; work in {work}")
    try:
        name = cluster.new_database()
        admin = cluster.conninfo(name)
        t0 = time.perf_counter()
        loaded = init_server(admin, source).loaded
        say(f"server init: {loaded:,} records and vocabulary entries loaded in {time.perf_counter() - t0:.1f} s")
        cluster.grant_roles()
        editor = cluster.conninfo(name, "editor1")
        first = work / "laptop-0.sqlite"
        shutil.copyfile(source, first)
        with open_database(first) as db:  # migrated once here, not in the timings
            pass
        seconds, received, sent = timed_sync(first, editor)
        say(f"first sync of a laptop holding the same data: {seconds:.1f} s ({received} received, {sent} sent)")
        second = work / "laptop-1.sqlite"
        copy_laptop(first, second)

        import sqlite3

        conn = sqlite3.connect(first)
        ids = [r[0] for r in conn.execute("SELECT id FROM agreements ORDER BY id LIMIT ?", (args.changes,))]
        conn.close()
        retitle(first, ids, "Retitled for the benchmark")
        seconds, received, sent = timed_sync(first, editor)
        push_rate = sent / seconds
        say(f"push: {sent:,} changed records in {seconds:.2f} s = {push_rate:,.0f} records/s")
        seconds, received, sent = timed_sync(second, cluster.conninfo(name, "editor2"))
        pull_rate = received / seconds
        say(f"pull: {received:,} changed records in {seconds:.2f} s = {pull_rate:,.0f} records/s")

        laptops = []
        conn = sqlite3.connect(second)
        pool_ids = [r[0] for r in conn.execute("SELECT id FROM agreements ORDER BY id DESC LIMIT ?",
                                               (args.laptops * EDITS_EACH,))]
        conn.close()
        for n in range(args.laptops):
            path = work / f"laptop-{n + 2}.sqlite"
            copy_laptop(second, path)
            retitle(path, pool_ids[n * EDITS_EACH:(n + 1) * EDITS_EACH], f"Laptop {n + 2}")
            laptops.append(path)
        cpu_before = server_cpu(cluster.data)
        started = time.perf_counter()
        context = multiprocessing.get_context("spawn")
        with context.Pool(args.laptops) as pool:
            results = pool.map(one_sync, [(str(p), cluster.conninfo(name, "editor3")) for p in laptops])
        wall = time.perf_counter() - started
        cpu = server_cpu(cluster.data) - cpu_before
        durations = sorted(r[0] for r in results)
        moved = sum(r[1] + r[2] for r in results)
        p95 = durations[max(0, round(0.95 * len(durations)) - 1)]
        say(f"{args.laptops} laptops at once, {EDITS_EACH} edits each: wall {wall:.1f} s; {moved:,} records moved "
            f"(sent and received) = {moved / wall:,.0f} records/s; per sync median "
            f"{statistics.median(durations):.2f} s, "
            f"p95 {p95:.2f} s, max {durations[-1]:.2f} s; server CPU {cpu:.1f} s")
        # a last round: every laptop receives what the others sent, then all must equal the server
        for path in [first, second, *laptops]:
            timed_sync(path, editor)
        with TeamServer(admin) as server:
            held = {key: doc_sha(doc) for key, (_, doc) in server.records().items() if doc is not None}
        different = 0
        for path in [first, second, *laptops[:3]]:
            with open_database(path, check=False) as db:
                different += {(k, u): doc_sha(d) for k, u, d in all_documents(db.conn)} != held
        say(f"convergence: {'every laptop checked equals the server' if not different else f'{different} DIFFER'}")
        return 1 if different else 0
    finally:
        cluster.stop()
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
