"""File → Fact Sheet… from the window: a partner's PDF in the language chosen for the sheet, and every
partner at once with cancel."""
from __future__ import annotations

import pypdf
import pytest

from desktop.qt.factsheet.factsheet_dialog import FactSheetDialog


@pytest.fixture
def window(open_window):
    return open_window(size=None, complete=False)


def test_the_sheet_follows_the_selected_partner_in_the_chosen_language(qtbot, window, tmp_path):
    window.selection.select_partner("AZE")
    dialog = FactSheetDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.partner.currentData() == "AZE" and dialog.lang.currentData() == "en"
    dialog.lang.setCurrentIndex(dialog.lang.findData("ru"))  # the sheet in Russian, the window in English
    dialog.marking.setText("Для служебного пользования")
    out = tmp_path / "aze.pdf"
    pages = dialog.save_pdf(str(out))
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) == pages >= 1
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    assert "Азербайджан" in text and "Для служебного пользования" in text
    assert window.action_table["factsheet"].shortcut().toString() == "Ctrl+P"


def test_all_partners_one_pdf_each_or_cancelled(qtbot, window, repo, tmp_path, monkeypatch):
    dialog = FactSheetDialog(window)
    qtbot.addWidget(dialog)
    written = dialog.all_partners(str(tmp_path / "sheets"), combined=False)
    assert len(written) == len(repo.partners()) and all(p.exists() for p in written)
    from PySide6.QtWidgets import QProgressDialog

    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda self: True)
    assert dialog.all_partners(str(tmp_path / "combined.pdf"), combined=True) == []
    assert not (tmp_path / "combined.pdf").exists()
