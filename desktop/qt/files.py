"""Saving a view's picture or numbers: the save dialog, and the temporary-file-then-rename write that the
map and the trade panel share (a failure leaves the old file, and says so)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.core.atomic import file_error_message, replacing
from desktop.core.errors import AtlasError
from desktop.qt.plaintext import message_box


def write_through_temporary(target: str | os.PathLike[str], write: Callable[[Path], None], suffix: str = "") -> None:
    """``write(tmp)`` makes the file, through :func:`desktop.core.atomic.replacing` (``suffix`` keeps the
    extension last for writers that choose the format by it): renamed into place when it returns, removed
    and ``target`` left as it was when it raises."""
    with replacing(target, suffix=suffix) as tmp:
        write(tmp)


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
