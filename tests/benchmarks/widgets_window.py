"""A floor for bench_window's start-up race: the widget classes of the app's first frame (menus and
actions with icons and shortcuts, a toolbar with a combo box, splitters, a search field, filter buttons
with menus, spin boxes, a table view over an empty 9-column model, a status bar), built by hand with
no application code, no database and no translations. It shows what PySide6 alone costs for such a
window; the app's own code has what is left of the budget."""
import os
import sys

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tests.benchmarks.bare_window import FirstPaint, mark


class EmptyModel(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 0

    def columnCount(self, parent=QModelIndex()):
        return 9

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return f"Column {section}"
        return None


def build() -> QMainWindow:
    window = QMainWindow()
    window.resize(1400, 900)
    toolbar = window.addToolBar("main")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    icons = [QStyle.StandardPixmap.SP_DialogCloseButton, QStyle.StandardPixmap.SP_FileDialogDetailedView,
             QStyle.StandardPixmap.SP_FileDialogContentsView, QStyle.StandardPixmap.SP_DialogResetButton]
    for m, title in enumerate(("&File", "&View", "&Language", "&Help")):
        menu = window.menuBar().addMenu(title)
        for i in range(2):
            action = QAction(window.style().standardIcon(icons[(m + i) % 4]), f"Action {m}.{i}", window)
            action.setShortcut(f"Ctrl+{m * 2 + i}")
            menu.addAction(action)
            if i == 0:
                toolbar.addAction(action)
    toolbar.addSeparator()
    toolbar.addWidget(QLabel("Partner: "))
    combo = QComboBox()
    combo.addItem("All partners")
    toolbar.addWidget(combo)

    view = QWidget()
    column = QVBoxLayout(view)
    column.addWidget(QLineEdit(placeholderText="Search"))
    row = QHBoxLayout()
    for name in ("Type", "Level", "Sector", "Status"):
        button = QToolButton(text=name, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setMenu(QMenu(button))
        row.addWidget(button)
    for _ in range(2):
        box = QSpinBox()
        box.setRange(1990, 2026)
        row.addWidget(box)
    row.addStretch(1)
    column.addLayout(row)
    column.addWidget(QLabel("0 of 0 agreements"))
    table = QTableView()
    table.setModel(EmptyModel(table))
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(QLabel("No agreements"))
    column.addWidget(stack, 1)
    inner = QSplitter(Qt.Orientation.Vertical)
    inner.addWidget(view)
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(QSplitter(Qt.Orientation.Vertical))
    splitter.addWidget(inner)
    splitter.setSizes([330, 1070])
    window.setCentralWidget(splitter)
    window.statusBar().addWidget(QLabel("status"), 1)
    return window


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    window = build()
    FirstPaint(window, lambda: (mark("paint", "pyqtgraph" in sys.modules), os._exit(0)))
    window.show()
    app.exec()
