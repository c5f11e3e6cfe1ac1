"""Start-up under a real X server (issue 21, item 12; not collected by pytest).

    python -m tests.benchmarks.bench_startup_x11 [--rows 100000] [--runs 9] [--cache-dir /tmp/atlas-bench]

Starts an Xvfb server (Debian's ``xvfb``) and, alternating, as whole processes on the same synthetic
database (bench_search's cache, made once if missing):

- ``bare``: a bare PySide6 QMainWindow (tests/benchmarks/bare_window.py), the yardstick;
- ``app``: Partnership Atlas as ``--db FILE`` starts it (tests/benchmarks/app_window.py);
- ``app-…``: the app without one of its start-up measures, to see whether each still pays: ``app-no-gc-pause``
  (the collector left running during the start, the pause of desktop.startup.prepare_start undone),
  ``app-no-early-imports``
  (the Qt-free modules imported after PySide6), ``app-eager-qt`` (PySide6's ``Qt`` namespace built before the
  window, as a plain ``from PySide6.QtCore import Qt`` would, instead of desktop.qt.lazyqt's lazy one);
- ``sqlitebrowser``: DB Browser for SQLite (Debian's ``sqlitebrowser``) opening the same file on its
  agreements table (``-t agreements``).

For each it reports the time from just before the process is spawned to the X server mapping its first
top-level window (an X MapNotify seen through libX11, the same for every program), and for the Qt programs
the first paint, and for the app its first page of rows with the count on screen (the marks its child
prints). Medians and p95 over ``--runs`` runs after one untimed run each.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent
QT_PROGRAMS = {
    "bare": ([sys.executable, str(HERE / "bare_window.py")], ""),
    "app": ([sys.executable, str(HERE / "app_window.py")], ""),
    "app-no-gc-pause": ([sys.executable, str(HERE / "app_window.py")], "gc_pause"),
    "app-no-early-imports": ([sys.executable, str(HERE / "app_window.py")], "early_imports"),
    "app-eager-qt": ([sys.executable, str(HERE / "app_window.py")], "lazy_qt"),
}
# X11 constants (X.h): the root window's SubstructureNotify events tell when a top-level window is mapped.
_SUBSTRUCTURE_NOTIFY_MASK = 1 << 19
_MAP_NOTIFY = 19


def say(line: str = "") -> None:
    print(line, flush=True)


def pct(samples: list[float], p: float) -> float:
    s = sorted(samples)
    return s[max(0, -(-int(p * len(s)) // 100) - 1)]


class MapWatcher:
    """The times at which the X server maps top-level windows (MapNotify on the root, override-redirect windows
    such as tooltips and menus left out), read through libX11 with ctypes."""

    def __init__(self, display: str):
        self.x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        self.x11.XConnectionNumber.argtypes = [ctypes.c_void_p]
        self.x11.XPending.argtypes = [ctypes.c_void_p]
        self.x11.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.dpy = self.x11.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError(f"cannot open the X display {display}")
        self.x11.XSelectInput(self.dpy, self.x11.XDefaultRootWindow(self.dpy), _SUBSTRUCTURE_NOTIFY_MASK)
        self.x11.XFlush(self.dpy)
        self.fd = self.x11.XConnectionNumber(self.dpy)
        self.event = ctypes.create_string_buffer(192)  # sizeof(XEvent) on 64-bit Linux

    def drain(self) -> None:
        while self.x11.XPending(self.dpy):
            self.x11.XNextEvent(self.dpy, self.event)

    def wait_for_map(self, deadline: float) -> float | None:
        """time.time() when the next top-level window is mapped, or None at the deadline."""
        while time.time() < deadline:
            while self.x11.XPending(self.dpy):
                self.x11.XNextEvent(self.dpy, self.event)
                kind = int.from_bytes(self.event.raw[0:4], "little")
                # XMapEvent: int type; unsigned long serial; Bool send_event; Display *display; Window event;
                # Window window; Bool override_redirect (at byte 48 on 64-bit Linux)
                override_redirect = int.from_bytes(self.event.raw[48:52], "little")
                if kind == _MAP_NOTIFY and not override_redirect:
                    return time.time()
            select.select([self.fd], [], [], 0.05)
        return None


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for number in range(77, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    else:
        raise RuntimeError("no free X display number")
    display = f":{number}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists():
        if time.time() > deadline or server.poll() is not None:
            raise RuntimeError("Xvfb did not start")
        time.sleep(0.02)
    return server, display


def run_once(kind: str, db: Path, env: dict[str, str], watcher: MapWatcher) -> dict[str, float]:
    """{"map": ms, "paint": ms, "settled": ms} since just before the spawn (the marks a program has)."""
    watcher.drain()
    if kind == "sqlitebrowser":
        command, without = ["sqlitebrowser", "-t", "agreements", str(db)], ""
    else:
        command, without = QT_PROGRAMS[kind]
        command = [*command, str(db)]
    child_env = {**env, "BENCH_WITHOUT": without}
    t0 = time.time()
    proc = subprocess.Popen(command, cwd=ROOT, env=child_env, text=True, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL)
    mapped = watcher.wait_for_map(t0 + 120)
    result: dict[str, float] = {}
    if mapped is not None:
        result["map"] = (mapped - t0) * 1e3
    if kind == "sqlitebrowser":
        time.sleep(0.5)  # let it draw before it is closed
        proc.terminate()
        proc.communicate(timeout=30)
    else:
        out, _ = proc.communicate(timeout=300)
        for fields in map(str.split, out.splitlines()):
            if fields and fields[0] == "mark" and fields[1] in ("paint", "settled"):
                result[fields[1]] = (float(fields[2]) - t0) * 1e3
    if "map" not in result:
        raise RuntimeError(f"{kind}: no window was mapped")
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp/atlas-bench"))
    ap.add_argument("--programs", default=",".join([*QT_PROGRAMS, "sqlitebrowser"]),
                    help="comma-separated: " + ", ".join([*QT_PROGRAMS, "sqlitebrowser"]))
    args = ap.parse_args(argv)
    programs = [p for p in args.programs.split(",") if p]
    missing = [tool for tool in ("Xvfb", "sqlitebrowser") if shutil.which(tool) is None]
    if missing:
        say(f"Missing: {', '.join(missing)} (apt-get install xvfb sqlitebrowser)")
        return 2
    from tests.benchmarks.bench_search import database_file, warm

    say("Command: " + shlex.join(getattr(sys, "orig_argv", [sys.executable] + sys.argv)))
    db, _ = database_file(args.rows, args.seed, args.cache_dir)
    warm(db)
    user = Path(tempfile.mkdtemp(prefix="atlas-bench-x11-"))
    server, display = start_xvfb()
    try:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display, "PYTHONPATH": str(ROOT),
               "XDG_DATA_HOME": str(user / "data"), "PARTNERSHIP_ATLAS_DATA_DIR": str(user / "data"),
               "XDG_CONFIG_HOME": str(user / "config"), "PARTNERSHIP_ATLAS_CONFIG_DIR": str(user / "config"),
               "HOME": str(user)}  # (DB Browser keeps its settings under HOME)
        watcher = MapWatcher(display)
        say(f"Database: {db} ({db.stat().st_size / 2**20:.0f} MiB); X server Xvfb {display}; {os.cpu_count()} "
            f"CPUs; load average {os.getloadavg()[0]:.2f}")
        for kind in programs:
            run_once(kind, db, env, watcher)  # untimed: .pyc files, page cache, fontconfig cache
        runs: dict[str, list[dict[str, float]]] = {kind: [] for kind in programs}
        for i in range(args.runs):
            for kind in programs[::1 if i % 2 == 0 else -1]:
                runs[kind].append(run_once(kind, db, env, watcher))
    finally:
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(user, ignore_errors=True)
    bare_map = statistics.median(r["map"] for r in runs["bare"]) if "bare" in runs else None
    say()
    say(f"{'program':<22} {'mapped (median / p95)':>22} {'first paint':>18} {'first rows':>18}  vs bare (mapped)")
    for kind in programs:
        cells = []
        for mark in ("map", "paint", "settled"):
            xs = [r[mark] for r in runs[kind] if mark in r]
            cells.append(f"{statistics.median(xs):.0f} / {pct(xs, 95):.0f} ms" if xs else "—")
        ratio = statistics.median(r["map"] for r in runs[kind]) / bare_map if bare_map else None
        say(f"{kind:<22} {cells[0]:>22} {cells[1]:>18} {cells[2]:>18}  {f'{ratio:.2f}x' if ratio else ''}")
    say(f"\nLoad average now {os.getloadavg()[0]:.2f}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
