"""The app side of bench_window's start-up race: ``desktop.app.start`` as ``partnership-atlas --db FILE``
runs it (``desktop.app.run`` calls ``desktop.startup.prepare_start`` first, then imports PySide6), then the time of the
window's first paint and of its first page of rows on screen."""
import gc
import os
import sys

from desktop.startup import prepare_start

# bench_startup_x11 runs the app without one of its start-up measures to see whether it still pays
# (BENCH_WITHOUT: gc_pause, early_imports or lazy_qt; empty: the app as it starts).
WITHOUT = os.environ.get("BENCH_WITHOUT", "")
if WITHOUT == "early_imports":
    gc.disable()  # the collector's pause kept, the Qt-free modules imported after PySide6
else:
    prepare_start()
if WITHOUT == "gc_pause":
    gc.enable()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.bare_window import FirstPaint, mark  # noqa: E402

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    if WITHOUT == "lazy_qt":
        from PySide6.QtCore import Qt

        Qt.AlignmentFlag  # noqa: B018 (builds the namespace's enums, as the first use of a plain import would)
    from desktop.app import start

    window, _ = start(app, sys.argv[1], "en", mark=mark)
    view, painted = window.agreements, []

    def settled():
        mark("settled", view.model.rowCount(), view.model.total)
        window.search.shutdown()
        os._exit(0)

    def maybe_settled():
        if painted and view.is_settled() and window.is_complete():
            QTimer.singleShot(0, settled)

    view.results_shown.connect(maybe_settled)
    window.completed.connect(maybe_settled)
    FirstPaint(window, lambda: (mark("paint", "pyqtgraph" in sys.modules), painted.append(1), maybe_settled()))
    window.show()
    mark("show")
    app.exec()
