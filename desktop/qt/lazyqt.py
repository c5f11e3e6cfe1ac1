"""``Qt``, the namespace of Qt's enums, resolved when first used rather than when imported.

PySide6 builds the Python enum classes of a class when that class is first touched: for the ``Qt``
namespace that is 94 enums, about a tenth of the time a bare window takes to paint. The modules of
the window's first frame (see ``tests/test_start_path.py``) import ``Qt`` from here, so it is built
after the first paint, when something needs it. Anything that hands Qt a value of a ``Qt::`` enum
before then (a ``Qt.Orientation`` argument, a model's ``headerData``) would build it too: the first
frame avoids those, and the test checks that it does.

Enum values the first frame needs as plain numbers are listed at the end; the test compares each
with PySide6's own.
"""
from __future__ import annotations

from typing import TYPE_CHECKING


class _LazyQt:
    """Stands in for ``PySide6.QtCore.Qt``: the first attribute read imports it."""

    __slots__ = ("__dict__",)

    def __getattr__(self, name: str):
        from PySide6.QtCore import Qt as real

        value = getattr(real, name)
        setattr(self, name, value)  # next time a plain attribute read
        return value

    def __repr__(self) -> str:
        return "<Qt namespace, resolved on first use>"


if TYPE_CHECKING:  # to a type checker it is what it stands for
    from PySide6.QtCore import Qt
else:
    Qt = _LazyQt()

# Qt::ItemDataRole
DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
TEXT_ALIGNMENT_ROLE = 7
USER_ROLE = 0x0100
# Qt::AlignmentFlag
ALIGN_RIGHT_VCENTER = 0x0002 | 0x0080
ALIGN_CENTER = 0x0004 | 0x0080
# Qt::Orientation
VERTICAL = 2
# Qt::ToolButtonStyle
TOOL_BUTTON_TEXT_BESIDE_ICON = 2
