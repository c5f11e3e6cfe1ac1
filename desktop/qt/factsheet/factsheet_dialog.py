"""File → Fact Sheet…: a partner's one-page brief in English, Russian or Kazakh (independent of the interface
language), with an optional marking line, on A4 or Letter: print preview, print, save as PDF, or every
partner at once (one PDF each, or one combined) with progress and cancel."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import AtlasError
from desktop.qt.i18n import current_language
from desktop.qt.plaintext import message_box
from desktop.qt.shell.files import error_text


class FactSheetDialog(QDialog):
    def __init__(self, window, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.repo = window.repo
        self.setObjectName("factSheetDialog")
        self.setWindowTitle(self.tr("Fact sheet"))
        lang = current_language()
        self.partner = QComboBox(self)
        self.partner.setObjectName("sheetPartner")
        for p in self.repo.partners():
            self.partner.addItem(p.name(lang), p.iso3)
        selected = window.selection.partner
        self.partner.setCurrentIndex(max(0, self.partner.findData(selected)))
        self.lang = QComboBox(self)
        self.lang.setObjectName("sheetLanguage")
        self.lang.addItem("English", "en")
        self.lang.addItem("Русский", "ru")
        self.lang.addItem("Қазақша", "kk")
        self.lang.setCurrentIndex(max(0, self.lang.findData(lang)))
        self.marking = QLineEdit(self)
        self.marking.setObjectName("sheetMarking")
        self.marking.setPlaceholderText(self.tr("for example: For official use"))
        self.letter = QCheckBox(self.tr("US Letter instead of A4"), self)
        self.letter.setObjectName("sheetLetter")
        self.organisation = QLineEdit(self)
        self.organisation.setObjectName("sheetOrganisation")
        self.organisation.setPlaceholderText("Partnership Atlas")  # the name of the application: not translated
        self.organisation.setToolTip(self.tr("Named as the author of the PDF files."))
        settings = getattr(window, "settings", None)
        if settings is not None:
            self.organisation.setText(settings.organisation())
        form = QFormLayout()
        form.addRow(self.tr("Partner:"), self.partner)
        form.addRow(self.tr("Language of the sheet:"), self.lang)
        form.addRow(self.tr("Marking line:"), self.marking)
        form.addRow("", self.letter)
        form.addRow(self.tr("Organisation:"), self.organisation)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons: dict[str, QPushButton] = {}
        for key, text, slot in (("preview", self.tr("Print Preview…"), self.preview),
                                ("print", self.tr("Print…"), self.print_sheet),
                                ("pdf", self.tr("Save as PDF…"), self.save_pdf_dialog),
                                ("all", self.tr("All Partners…"), self.all_partners_dialog)):
            button = buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
            button.setObjectName(f"sheet_{key}")
            button.clicked.connect(slot)
            self.buttons[key] = button
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._map_view = None

    # ------------------------------------------------------------------ what to print

    def options(self) -> dict:
        return {"iso3": self.partner.currentData(), "lang": self.lang.currentData(),
                "marking": self.marking.text().strip() or None,
                "page_size": "Letter" if self.letter.isChecked() else "A4",
                "author": self.organisation.text().strip() or None}

    def _remember_organisation(self) -> None:
        """Keep the organisation typed for the next PDFs (in the user's settings)."""
        settings = getattr(self.window_, "settings", None)
        if settings is not None:
            settings.set_organisation(self.organisation.text())

    def sheet(self):
        from desktop.export.factsheet import build_factsheet

        o = self.options()
        return build_factsheet(self.repo, o["iso3"], o["lang"], None, o["marking"])

    def map_view(self):
        """One offscreen map, reused for every sheet of this dialog (building it costs tens of ms)."""
        if self._map_view is None:
            from desktop.qt.factsheet.factsheet import make_map_view

            self._map_view = make_map_view(self.repo)
        return self._map_view

    # ------------------------------------------------------------------ outputs

    def save_pdf(self, path: str) -> int:
        from desktop.qt.factsheet.factsheet import render_factsheet

        o = self.options()
        self._remember_organisation()
        return render_factsheet(self.sheet(), path, page_size=o["page_size"], map_view=self.map_view(),
                                author=o["author"])

    def save_pdf_dialog(self) -> None:
        from desktop.qt.factsheet.factsheet import sheet_filename

        o = self.options()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the fact sheet"),
                                              sheet_filename(o["iso3"], o["lang"]), self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            pages = self.save_pdf(path)
        except (AtlasError, OSError) as exc:
            message_box(self, self.tr("Fact sheet"), error_text(
                exc, path, self.tr("The fact sheet could not be saved: {error}")))
            return
        self.window_.statusBar().showMessage(self.tr("Saved {path} (%n page(s)).", "", pages).format(path=path), 8000)

    def _printer(self):
        from PySide6.QtGui import QPageSize
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if self.letter.isChecked()
                                      else QPageSize.PageSizeId.A4))
        return printer

    def _paint(self, printer) -> None:
        from desktop.qt.factsheet.factsheet import print_factsheet

        try:
            print_factsheet(self.sheet(), printer, map_view=self.map_view())
        except (AtlasError, OSError) as exc:
            message_box(self, self.tr("Fact sheet"), str(exc))

    def preview(self) -> None:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(self._printer(), self)
        dialog.paintRequested.connect(self._paint)
        dialog.exec()

    def print_sheet(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog

        printer = self._printer()
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self._paint(printer)

    def all_partners(self, out: str, combined: bool) -> list[Path]:
        """Every partner's sheet with a progress dialog (Cancel leaves no file). Runs on the UI thread:
        the map inset is drawn by a widget."""
        from desktop.qt.factsheet.factsheet import render_all

        o = self.options()
        self._remember_organisation()
        dialog = QProgressDialog(self.tr("Writing the fact sheets…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)

        def progress(done: int, total: int) -> bool:
            dialog.setMaximum(total)
            dialog.setValue(done)
            QApplication.processEvents()
            return not dialog.wasCanceled()

        try:
            return render_all(self.repo, o["lang"], out, combined, progress, marking=o["marking"],
                              page_size=o["page_size"], map_view=self.map_view(), author=o["author"])
        finally:
            dialog.close()
            dialog.deleteLater()

    def all_partners_dialog(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("All partners"))
        box.setText(self.tr("One PDF for each partner in a folder, or all of them in one PDF?"))
        each = box.addButton(self.tr("One PDF each…"), QMessageBox.ButtonRole.AcceptRole)
        one = box.addButton(self.tr("One combined PDF…"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is each:
            out = QFileDialog.getExistingDirectory(self, self.tr("Folder for the fact sheets"))
            combined = False
        elif box.clickedButton() is one:
            out, _ = QFileDialog.getSaveFileName(self, self.tr("Save the fact sheets"),
                                                 f"factsheets-{self.options()['lang']}.pdf",
                                                 self.tr("PDF documents (*.pdf)"))
            combined = True
        else:
            return
        if not out:
            return
        try:
            written = self.all_partners(out, combined)
        except (AtlasError, OSError) as exc:
            message_box(self, self.tr("Fact sheet"), error_text(exc, out))
            return
        if written:
            self.window_.statusBar().showMessage(self.tr("Wrote %n file(s).", "", len(written)), 8000)

    def done(self, result: int) -> None:
        if self._map_view is not None:
            self._map_view.deleteLater()
            self._map_view = None
        super().done(result)
