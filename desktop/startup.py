"""The measures the start takes for speed, all in one place (issue 21, item 12).

Each is here because it still pays under a real X server: ``python -m tests.benchmarks.bench_startup_x11``
starts the app with and without each one, beside a bare PySide6 window and DB Browser for SQLite, and the
figures are in the README. The others the start once had are left to the design: the window builds only what
its first frame shows (desktop/qt/main_window.py completes the rest after the first paint), and the Qt enum
namespace is resolved on first use (desktop/qt/lazyqt.py, checked by tests/test_start_path.py).

- :func:`prepare_start` (before PySide6 is imported): the cyclic garbage collector pauses until the window has
  painted, and the Qt-free modules the start needs are imported while PySide6's import hook (which reads the
  source of every module imported after it, looking for ``__feature__``) is not installed yet.
- :func:`resume_collection` (once the window is complete): what the start made is set aside from collections
  (``gc.freeze``: tens of thousands of objects that live as long as the program) and the collector runs again.
- :func:`share_the_interpreter`: the search worker's Python work competes with painting for the GIL.
"""
from __future__ import annotations

import gc
import sys

# How long a thread holding the GIL runs before it is asked to hand it over: 0.2 ms instead of Python's default of
# 5 ms, so that the window's thread waits at most about that long for the search worker's thread when it has a
# frame to paint (bench_window's typing stall measures it).
SWITCH_INTERVAL_S = 0.0002


def prepare_start() -> None:
    """The first steps of a start, before PySide6 is imported (see the module's notes)."""
    gc.disable()
    import desktop.data.repository  # noqa: F401
    import desktop.data.usercopy  # noqa: F401


def resume_collection() -> None:
    """After the start: what the start made is set aside from collections and the collector runs again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def share_the_interpreter() -> None:
    """Set the interpreter's thread switch interval to :data:`SWITCH_INTERVAL_S` (see there)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
