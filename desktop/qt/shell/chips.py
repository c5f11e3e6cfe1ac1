"""Removable filter chips in a row that wraps, and the flow layout they sit in."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QSizePolicy, QToolButton, QWidget

from desktop.qt.lazyqt import Qt
from desktop.qt.plaintext import plain_label, plain_tooltip


class FlowLayout(QLayout):
    """Lays its items out left to right and wraps to new lines (height follows the width)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()


class Chip(QWidget):
    removed = Signal(str)

    def __init__(self, key: str, text: str, tooltip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.key = key
        self.setObjectName("chip")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#chip { background: #e3ecf7; border: 1px solid #9db5d6; border-radius: 10px; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 1, 2, 1)
        layout.setSpacing(2)
        self.label = plain_label(QLabel(text, self))  # names and titles from the data
        self.label.setObjectName("chipText")
        layout.addWidget(self.label)
        self.button = QToolButton(self)
        self.button.setText("✕")
        self.button.setAutoRaise(True)
        self.button.setToolTip(plain_tooltip(tooltip))
        self.button.setAccessibleName(tooltip)
        self.button.clicked.connect(lambda: self.removed.emit(self.key))
        layout.addWidget(self.button)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self.label.text()


class ChipBar(QWidget):
    """The active filters, each a chip with a remove button."""

    chip_removed = Signal(str)  # the chip's key

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = FlowLayout(self)
        self._chips: list[Chip] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setVisible(False)  # no chips yet (and a hidden bar's layout is not asked for its directions,
        # which would build Qt's enums before the window's first paint: see lazyqt)

    def set_chips(self, chips: list[tuple[str, str]], remove_tooltip: str) -> None:
        """Replace the chips: (key, text) pairs in order."""
        for chip in self._chips:
            self._layout.removeWidget(chip)
            chip.deleteLater()
        self._chips = []
        for key, text in chips:
            chip = Chip(key, text, remove_tooltip.format(filter=text), self)
            chip.removed.connect(self.chip_removed)
            self._layout.addWidget(chip)
            self._chips.append(chip)
        self.setVisible(bool(chips))
        self.updateGeometry()

    def chips(self) -> list[Chip]:
        return list(self._chips)

    def texts(self) -> list[str]:
        return [c.text() for c in self._chips]
