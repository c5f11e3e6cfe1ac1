"""The yardstick of bench_window: a bare PySide6 QMainWindow process that prints the time of its first
paint and exits. ``FirstPaint`` is the probe both start-up programs use (the app's child imports it)."""
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def mark(name: str, *extra) -> None:
    """Print a line 'mark NAME TIME VmHWM_kB EXTRA...' for the parent process."""
    with open("/proc/self/status") as fh:
        hwm = next(line.split()[1] for line in fh if line.startswith("VmHWM:"))
    print("mark", name, repr(time.time()), hwm, *extra, flush=True)


class FirstPaint(QObject):
    """Calls ``then`` on the event-loop turn after the window's first Paint event (that frame is painted)."""

    def __init__(self, window, then):
        super().__init__(window)
        self.then = then
        window.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.then:
            QTimer.singleShot(0, self.then)
            self.then = None
        return False


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 900)
    FirstPaint(window, lambda: (mark("paint", "pyqtgraph" in sys.modules), os._exit(0)))
    window.show()
    app.exec()
