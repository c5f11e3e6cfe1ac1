"""The measures the start takes for speed, all in one place (issue 21, item 12).

Each is here because it still pays under a real X server: ``python -m tests.benchmarks.bench_startup_x11``
starts the app with and without each one, beside a bare PySide6 window and DB Browser for SQLite, and the
figures are in the README. The others the start once had are left to the design: the window builds only what
its first frame shows (desktop/qt/shell/main_window.py completes the rest after the first paint), and the Qt enum
namespace is resolved on first use (desktop/qt/lazyqt.py, checked by tests/test_start_path.py).

- :func:`prepare_start` (before PySide6 is imported): the cyclic garbage collector pauses until the window has
  painted, and the Qt-free modules the start needs are imported while PySide6's import hook (which reads the
  source of every module imported after it, looking for ``__feature__``) is not installed yet.
- :func:`resume_collection` (once the window is complete): what the start made is set aside from collections
  (``gc.freeze``: tens of thousands of objects that live as long as the program) and the collector runs again,
  on the window's thread only (:class:`UiThreadCollector`). Left automatic, a collection can start in whichever
  thread allocates, the search worker's too, and there finalise a wrapper of a Qt object that lives on the
  window's thread: PySide6 then takes Qt's lock while holding the GIL, the window's thread holds Qt's lock and waits
  for the GIL, and both wait for ever (seen in a test run, under gdb). Not a speed measure: a correctness one that
  the pause makes cheap.
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
    import desktop.data.failures  # noqa: F401 (the search worker's errors, needed at the first search)
    import desktop.data.repository  # noqa: F401
    import desktop.data.usercopy  # noqa: F401


def resume_collection(owner: object | None = None) -> None:
    """After the start: what the start made is set aside from collections and the collector runs again; with an
    ``owner`` (the window, a QObject) on the window's thread only, by a :class:`UiThreadCollector` it owns."""
    if gc.isenabled():
        return
    gc.freeze()
    if owner is None:
        gc.enable()
    else:
        UiThreadCollector.start(owner)


class UiThreadCollector:
    """The cyclic garbage collector run by a timer of the window's thread instead of by allocations in any
    thread: the youngest generation every :attr:`EVERY_MS`, the middle one every tenth time, all every
    hundredth (Python's own ratio of 10 between generations, kept)."""

    EVERY_MS = 1000

    def __init__(self, owner: object) -> None:
        from PySide6.QtCore import QObject, QTimer

        if not isinstance(owner, QObject):
            raise TypeError("the collector's owner must be a QObject of the window's thread")
        self.ticks = 0
        self.timer = QTimer(owner)
        self.timer.setObjectName("uiThreadCollector")
        self.timer.timeout.connect(self.collect)
        self.timer.start(self.EVERY_MS)

    @classmethod
    def start(cls, owner: object) -> UiThreadCollector:
        collector = cls(owner)
        # kept alive by the owner (the timer is its child; the slot holds the collector)
        setattr(owner, "_ui_thread_collector", collector)  # noqa: B010 (an attribute the owner's class lacks)
        return collector

    def collect(self) -> None:
        self.ticks += 1
        gc.collect(2 if self.ticks % 100 == 0 else 1 if self.ticks % 10 == 0 else 0)


def share_the_interpreter() -> None:
    """Set the interpreter's thread switch interval to :data:`SWITCH_INTERVAL_S` (see there)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
