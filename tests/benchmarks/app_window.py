"""The app side of bench_window's start-up race: ``desktop.app.start`` as ``partnership-atlas --db FILE``
runs it (``desktop.app.run`` calls ``prepare_start`` first, then imports PySide6), then the time of the
window's first paint and of its first page of rows on screen."""
import os
import sys

from desktop.app import prepare_start

prepare_start()

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tests.benchmarks.bare_window import FirstPaint, mark  # noqa: E402

if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
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
