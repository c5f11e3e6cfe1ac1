"""Trade panel benchmark (not collected by pytest).

    python -m tests.benchmarks.bench_trade [--cycles 30] [--cache-dir /tmp/atlas-bench]

Offscreen at 1100x700, temporary user folders:
1. switching partner: select a partner in the shared selection, the panel replots and the chart is
   rendered at once; medians over cycles through the partners, with the bundled data and with a
   synthetic database of 190 partners x 35 years (budget: median < 50 ms each);
2. ten partners compared: the chart with ten partners' turnover lines chosen at once, rendered
   (budget: median < 100 ms);
3. pyqtgraph stays out of start-up: in a child process the window starts (pyqtgraph not imported),
   then the trade view is shown for the first time; the import's own cost is measured apart.
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
SWITCH_BUDGET_MS, COMPARE_BUDGET_MS = 50.0, 100.0


def say(line: str = "") -> None:
    print(line, flush=True)


def synthetic_db(cache: Path) -> Path:
    """190 partners x 35 years of trade (and a few thousand agreements), made once and cached."""
    from tests.synthetic import generate

    path = cache / "synthetic-trade-190x35-seed7.sqlite"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial.sqlite")
        generate(partial, 3000, seed=7, n_partners=190, years=35)
        partial.replace(path)
    return path


def measure(db: Path, cycles: int) -> dict[str, list[float]]:
    from PySide6.QtWidgets import QApplication

    from desktop.data.database import open_database
    from desktop.data.repository import Repository
    from desktop.qt.shell.selection import SelectionState
    from desktop.qt.trade.trade_view import TradeView

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="atlas-bench-trade-db-"))
    copy = work / db.name
    shutil.copyfile(db, copy)
    repo = Repository(open_database(copy))
    selection = SelectionState()
    view = TradeView(repo, selection)
    view.resize(1100, 700)
    view.show()
    for _ in range(3):
        app.processEvents()
    partners = repo.partners_with_trade()
    switch = []
    for i in range(cycles):
        iso3 = partners[i % len(partners)] if len(partners) > 1 else partners[0]
        if iso3 == selection.partner:
            iso3 = partners[(i + 1) % len(partners)]
        t = time.perf_counter()
        selection.select_partner(iso3)
        view.plot.viewport().repaint()
        switch.append((time.perf_counter() - t) * 1e3)
    compare = []
    others = [p for p in partners if p != selection.partner]
    for i in range(max(5, cycles // 3)):
        view.set_compared_partners(set())
        app.processEvents()
        chosen = {others[(i * 3 + k) % len(others)] for k in range(10)} if len(others) >= 10 else set(others)
        t = time.perf_counter()
        view.set_compared_partners(chosen)
        view.plot.viewport().repaint()
        compare.append((time.perf_counter() - t) * 1e3)
    view.close()
    repo.db.close()
    shutil.rmtree(work, ignore_errors=True)
    return {"switch": switch, "compare": compare, "partners": [len(partners)]}


def import_child(db: str) -> None:
    """Start the window; report whether pyqtgraph is imported, then the first show of the trade view."""
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from desktop.app import start

    window, _ = start(app, db, "en", remember=False)
    window.resize(1400, 900)
    window.show()
    for _ in range(5):
        app.processEvents()
    before = "pyqtgraph" in sys.modules
    t = time.perf_counter()
    window.show_view("trade")
    window.trade.plot.viewport().repaint()
    first = (time.perf_counter() - t) * 1e3
    print("import", int(before), f"{first:.1f}", flush=True)
    window.search.shutdown()
    os._exit(0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_trade", description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=30)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    ap.add_argument("--import-child", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.import_child:
        import_child(args.import_child)
        return 0
    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    user = Path(tempfile.mkdtemp(prefix="atlas-bench-trade-"))
    os.environ.update({"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT),
                       "XDG_DATA_HOME": str(user / "data"), "PARTNERSHIP_ATLAS_DATA_DIR": str(user / "data"),
                       "XDG_CONFIG_HOME": str(user / "config"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(user / "config")})
    for folder in ("desktop", "tests"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    bundled = ROOT / "db" / "atlas.sqlite"
    say("making (or reusing) the synthetic 190 x 35 database ...")
    synthetic = synthetic_db(args.cache_dir)
    say(f"{os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")

    say("3. pyqtgraph and start-up, in child processes ...")
    copy = user / "atlas.sqlite"
    shutil.copyfile(bundled, copy)
    firsts, imported = [], []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-m", "tests.benchmarks.bench_trade", "--import-child", str(copy)],
                             cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)
        line = next((ln for ln in out.stdout.splitlines() if ln.startswith("import ")), None)
        if line is None:
            raise RuntimeError(f"child failed:\n{out.stdout}\n{out.stderr}")
        imported.append(line.split()[1] == "1")
        firsts.append(float(line.split()[2]))
    alone = []
    for _ in range(5):
        out = subprocess.run([sys.executable, "-c", "import time, PySide6.QtWidgets; t = time.perf_counter(); "
                              "import pyqtgraph; print((time.perf_counter() - t) * 1e3)"],
                             cwd=ROOT, env=dict(os.environ), capture_output=True, text=True, timeout=120)
        alone.append(float(out.stdout.strip()))

    say("1, 2. switching partner and comparing, in this process ...")
    bundled_figures = measure(bundled, args.cycles)
    synthetic_figures = measure(synthetic, args.cycles)

    med = statistics.median
    rows = [
        ("1a", f"switch partner, bundled data ({bundled_figures['partners'][0]} partners with trade)",
         f"{med(bundled_figures['switch']):.1f} / {max(bundled_figures['switch']):.1f} ms",
         f"median < {SWITCH_BUDGET_MS:g} ms", "PASS" if med(bundled_figures["switch"]) < SWITCH_BUDGET_MS else "FAIL"),
        ("1b", f"switch partner, synthetic ({synthetic_figures['partners'][0]} partners x 35 years)",
         f"{med(synthetic_figures['switch']):.1f} / {max(synthetic_figures['switch']):.1f} ms",
         f"median < {SWITCH_BUDGET_MS:g} ms",
         "PASS" if med(synthetic_figures["switch"]) < SWITCH_BUDGET_MS else "FAIL"),
        ("2", "ten partners compared, synthetic (median / max)",
         f"{med(synthetic_figures['compare']):.1f} / {max(synthetic_figures['compare']):.1f} ms",
         f"median < {COMPARE_BUDGET_MS:g} ms",
         "PASS" if med(synthetic_figures["compare"]) < COMPARE_BUDGET_MS else "FAIL"),
        ("3a", "pyqtgraph imported by the started window", f"{sum(imported)} of {len(imported)} runs", "never",
         "PASS" if not any(imported) else "FAIL"),
        ("3b", "first show of the trade view, pyqtgraph import included (median)", f"{med(firsts):.0f} ms",
         "information", ""),
        ("3c", "import pyqtgraph alone, after PySide6 (median)", f"{med(alone):.0f} ms", "information",
         "kept off the start path"),
    ]
    say()
    header = ("#", "figure", "value (median / max)", "budget", "result")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for r in [header, *rows]:
        say("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    shutil.rmtree(user, ignore_errors=True)
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
