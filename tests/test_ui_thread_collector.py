"""After the start, the cyclic garbage collector runs on the window's thread only (desktop.startup): a cycle made
anywhere is collected by the window's timer, and no other thread starts a collection (which could finalise a Qt
object's wrapper there and deadlock PySide6 against the GIL)."""
from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from desktop.startup import UiThreadCollector, resume_collection


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


@pytest.fixture
def collection_paused():
    was = gc.isenabled()
    gc.disable()
    yield
    gc.unfreeze()
    if was:
        gc.enable()


def test_a_cycle_is_collected_by_the_window_thread_timer(qtbot, collection_paused, monkeypatch):
    monkeypatch.setattr(UiThreadCollector, "EVERY_MS", 20)
    owner = QObject()
    resume_collection(owner)
    assert not gc.isenabled(), "allocations in any thread must not start a collection"
    collections: list[str] = []

    def note(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        def make_garbage() -> weakref.ref:
            a, b = _Node(), _Node()
            a.other, b.other = b, a
            return weakref.ref(a)

        made_here = make_garbage()
        made_in_a_thread: list[weakref.ref] = []
        worker = threading.Thread(target=lambda: made_in_a_thread.append(make_garbage()) or [object() for _ in
                                                                                           range(50_000)])
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: made_here() is None and made_in_a_thread[0]() is None, timeout=3000)
    finally:
        gc.callbacks.remove(note)
    assert collections and set(collections) == {threading.main_thread().name}


def test_without_an_owner_the_collector_runs_as_usual(collection_paused):
    resume_collection()
    assert gc.isenabled()
