"""Saving a view's picture or numbers: the save dialog and the temporary-file-then-rename write that the
map and the trade panel share (a failure leaves the old file, and says so)."""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop.core.errors import AtlasError


def write_through_temporary(target: str | os.PathLike[str], write: Callable[[Path], None], suffix: str = "") -> None:
    """``write(tmp)`` makes a temporary file beside ``target`` (``suffix`` keeps its extension for writers that
    need it), then it is renamed into place; on any failure it is removed and ``target`` is left as it was."""
    target = Path(target)
    tmp = target.with_name(f".{target.name}.tmp{suffix}")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def save_dialog(parent: QWidget, title: str, default_name: str, pattern: str, suffix: str,
                write: Callable[[str], object], failure: str) -> str | None:
    """Ask where to save, add the suffix if missing, write; ``failure`` (with {path} and {error}) is shown when
    the write fails. Returns the path written, or None."""
    path, _ = QFileDialog.getSaveFileName(parent, title, default_name, pattern)
    if not path:
        return None
    if not path.lower().endswith(f".{suffix}"):
        path += f".{suffix}"
    try:
        write(path)
    except (OSError, AtlasError) as exc:
        QMessageBox.warning(parent, title, failure.format(path=path, error=getattr(exc, "strerror", None) or str(exc)))
        return None
    return path
