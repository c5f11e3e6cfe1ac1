"""Text from the database shown as text, never rendered as HTML.

Qt renders a label's or a tooltip's text as rich text when ``Qt.mightBeRichText`` guesses that it is
HTML (a known tag such as ``<b>`` or ``<img>`` before the first line break, or ``&lt;``): a title
``<img src="file:///…">`` would then load a local file, ``<a href>`` would become a link, and
``&amp;`` would show as ``&``. So:

- a label that shows data is set to plain text (:func:`plain_label`);
- a label that is our own HTML (bold headings, small grey lines) escapes every data piece in it
  (:func:`escape`);
- a tooltip, which has no text format of its own, is always our own HTML, marked as such
  (:func:`rich_tooltip`, :func:`plain_tooltip`): marked, because an escaped text without a tag
  ("Tom &amp; Jerry") would otherwise be guessed plain and show its entities.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

PLAIN_TEXT = 0  # Qt::PlainText as a number: no enum of Qt's namespace is built for it (see lazyqt)


def escape(text: object) -> str:
    """A data text as HTML that shows it literally (for element content: quotes stay as they are). Written out
    rather than ``html.escape``: this module is on the start path, and ``html`` imports ``html.entities``."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain_label(label: QLabel) -> QLabel:
    """Make ``label`` show its text literally, whatever it looks like; returns it."""
    label.setProperty("textFormat", PLAIN_TEXT)
    return label


def rich_tooltip(markup: str) -> str:
    """A tooltip of our own HTML (every data piece in it escaped), marked so that Qt renders it as HTML
    even when it holds no tag; '' stays '' (no tooltip)."""
    return f"<qt>{markup}</qt>" if markup else ""


def plain_tooltip(text: str | None) -> str:
    """A tooltip that shows ``text`` (data, or a sentence quoting data) literally, line breaks kept."""
    return rich_tooltip(escape(text).replace("\n", "<br>")) if text else ""


def message_box(parent: QWidget | None, title: str, text: str, *, icon: str = "warning",
                question: bool = False) -> bool:
    """Show ``text`` (a sentence that may quote data, a path or a file's content) literally in a modal
    message box — Qt's static ``QMessageBox.warning`` and friends would render it as HTML when it looks
    like HTML. ``icon`` is "information", "warning" or "critical"; with ``question`` the box asks Yes/No
    (No by default) and the answer is returned; otherwise True once it is closed."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon({"information": QMessageBox.Icon.Information, "warning": QMessageBox.Icon.Warning,
                 "critical": QMessageBox.Icon.Critical, "question": QMessageBox.Icon.Question}[
        "question" if question else icon])
    box.setWindowTitle(title)
    box.setProperty("textFormat", PLAIN_TEXT)
    box.setText(text)
    if question:
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
    box.exec()
    return True
