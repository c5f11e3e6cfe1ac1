"""Saving a view's picture or numbers: the save dialog, and the one way a picture or a PDF is written: made in
memory, checked to be whole, then written through a temporary file renamed into place (a failure, a full disk
included, leaves the old file, and says so)."""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.atomic import file_error_message, write_bytes
from desktop.core.errors import AtlasError
from desktop.qt.plaintext import message_box


@dataclass(frozen=True)
class Format:
    """How a whole file of one kind begins and ends: Qt's writers (QImage, QSvgGenerator, QPdfWriter) do not
    always report a failed or short write, so what they made is checked before it is written."""

    begins: bytes
    ends: bytes

    def whole(self, data: bytes) -> bool:
        """Whether ``data`` begins and ends as a whole file of this kind (whitespace after the end allowed)."""
        return data.startswith(self.begins) and data.rstrip().endswith(self.ends)


PNG = Format(b"\x89PNG\r\n\x1a\n", b"IEND\xaeB`\x82")  # the signature; the IEND chunk with its fixed CRC
SVG = Format(b"<?xml", b"</svg>")
PDF = Format(b"%PDF-", b"%%EOF")


def memory_device() -> QBuffer:
    """A buffer in memory, open for writing, for a Qt writer to make a file into."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    return buffer


def rendered(render: Callable[[QBuffer], bool], kind: Format, failure: str) -> bytes:
    """What ``render(device)`` writes into a buffer in memory, checked: ``render`` reports success and the
    bytes are a whole file of ``kind``. Raises OSError(``failure``) otherwise, before any file is touched."""
    buffer = memory_device()
    try:
        done = render(buffer)
        data = bytes(buffer.data().data())
    finally:
        buffer.close()
    if not done or not kind.whole(data):
        raise OSError(failure)
    return data


def save_rendered(target: str | os.PathLike[str], render: Callable[[QBuffer], bool], kind: Format,
                  failure: str) -> None:
    """Make a file in memory with ``render`` (see :func:`rendered`) and write it whole or not at all
    (:func:`desktop.core.atomic.write_bytes`: a temporary file, synced and renamed into place; an error of the
    system, a full disk included, raises a FileError that says why and the old file is kept)."""
    write_bytes(target, rendered(render, kind, failure))


def save_png(target: str | os.PathLike[str], image: QImage, failure: str) -> None:
    """``image`` as a PNG file, through :func:`save_rendered`."""
    # (PySide6's stub types the format as bytes; at run time it takes a str and refuses bytes)
    save_rendered(target, lambda device: image.save(device, "PNG"), PNG, failure)  # type: ignore[call-overload]


def save_svg(target: str | os.PathLike[str], size: QSize, title: str, paint: Callable[[QPainter], object],
             failure: str, description: str | None = None) -> None:
    """A drawing of ``size`` pixels that ``paint(painter)`` makes, as an SVG file (vector lines and text), through
    :func:`save_rendered`: the QSvgGenerator writes into memory (written to a file, it would not report a full
    disk). Without a ``description`` the file keeps Qt's own ("Generated with Qt")."""
    from PySide6.QtSvg import QSvgGenerator  # (loaded when a drawing is first saved)

    def draw(device: QIODevice) -> bool:
        generator = QSvgGenerator()
        generator.setOutputDevice(device)
        generator.setSize(size)
        generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
        generator.setTitle(title)
        if description is not None:
            generator.setDescription(description)
        painter = QPainter()
        if not painter.begin(generator):
            return False
        paint(painter)
        return painter.end()

    save_rendered(target, draw, SVG, failure)


def error_text(exc: Exception, path: str | os.PathLike[str] | None, failure: str = "{error}") -> str:
    """What a window shows for a failed write: an error of the system in the words every window and command
    use for it (:func:`desktop.core.atomic.file_error_message`: a full disk, a name too long, ...); anything
    else as ``failure`` with {path} and {error}."""
    if isinstance(exc, OSError) and exc.errno is not None:
        return file_error_message(exc, path)
    return failure.format(path=path, error=getattr(exc, "strerror", None) or str(exc))


def save_dialog(parent: QWidget, title: str, default_name: str, pattern: str, suffix: str,
                write: Callable[[str], object], failure: str) -> str | None:
    """Ask where to save, add the suffix if missing, write; ``failure`` (with {path} and {error}) is shown when
    the write fails, or the file error's own sentence (a full disk, a name too long...). Returns the path
    written, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default_name, pattern)
    if not path:
        return None
    if not path.lower().endswith(f".{suffix}"):
        path += f".{suffix}"
    try:
        write(path)
    except (OSError, AtlasError) as exc:
        message_box(parent, title, error_text(exc, path, failure))
        return None
    return path
