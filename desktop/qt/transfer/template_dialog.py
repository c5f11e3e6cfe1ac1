"""File → Import Template…: an empty Excel workbook to fill for an import of one kind, with each column described
(in the language chosen) and drop-down lists of the values allowed (desktop.export.template, which the command
``partnership-atlas export KIND --template`` uses too)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from desktop.qt.editing.record_form import kind_names
from desktop.qt.i18n import current_language
from desktop.qt.shell.files import save_dialog

if TYPE_CHECKING:
    from desktop.qt.shell.main_window import MainWindow


class TemplateDialog(QDialog):
    """Which kind of records, in which language, then where to save the template."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None):
        super().__init__(parent or window)
        from desktop.export.fileformat import IMPORT_KINDS

        self.window_ = window
        self.setObjectName("templateDialog")
        self.setWindowTitle(self.tr("Import Template"))
        names = kind_names()
        self.kind = QComboBox(self)
        self.kind.setObjectName("templateKind")
        for kind in IMPORT_KINDS:
            self.kind.addItem(names[kind].capitalize(), kind)
        self.lang = QComboBox(self)
        self.lang.setObjectName("templateLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("Русский", "ru")
        self.lang.addItem("Қазақша", "kk")
        self.lang.setCurrentIndex(max(0, self.lang.findData(current_language())))
        intro = QLabel(self.tr("An empty Excel workbook to fill and import: the import's columns, what each holds, "
                               "and drop-down lists of the values allowed."), self)
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Records:"), self.kind)
        form.addRow(self.tr("Language of the descriptions:"), self.lang)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save = buttons.addButton(self.tr("Save…"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.save_dialog)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.written: Path | None = None

    def write_to(self, path: str) -> int:
        """Write the template of the chosen kind and language to ``path``; returns its columns."""
        from desktop.export.template import write_template

        columns = write_template(self.window_.repo.db, self.kind.currentData(), path, self.lang.currentData())
        self.written = Path(path)
        return columns

    def save_dialog(self) -> None:
        """Ask where to save (desktop.qt.shell.files.save_dialog: a failure is shown in the words of every window)."""
        kind = self.kind.currentData()
        path = save_dialog(self, self.tr("Import Template"), f"{kind}-template.xlsx", self.tr("Excel (*.xlsx)"),
                           "xlsx", self.write_to, self.tr("The template could not be written to {path}: {error}"))
        if path is None:
            return
        self.window_.statusBar().showMessage(self.tr("Wrote the import template to {path}.").format(path=path),
                                             8000)
        self.accept()
