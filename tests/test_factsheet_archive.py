"""Fact sheets for document archives (issue 22, item 5): Author, Subject, Keywords and the language in the
PDF's metadata (as poppler's pdfinfo reads them, Cyrillic included), PDF/A-1b by default (the XMP's
pdfaid), a valid file (qpdf --check), one bookmark per partner in a combined PDF, and the printed text
unchanged by all of this (pdftotext)."""
from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.export.factsheet import build_factsheet
from desktop.qt.factsheet import factsheet as qt_factsheet
from desktop.qt.factsheet.factsheet import render_all, render_factsheet
from desktop.qt.factsheet.factsheet_cli import factsheet_main
from desktop.qt.factsheet.factsheet_dialog import FactSheetDialog
from desktop.qt.shell.settings import Settings

AS_OF = "2026-03-01"
MINISTRY = "Министерство иностранных дел Республики Казахстан"
SUBJECTS = {"en": "Fact sheet: Türkiye", "ru": "Справка: Турция", "kk": "Анықтама: Түркия"}


def pdfinfo(path: Path, *options: str) -> dict[str, str]:
    """pdfinfo's fields ("Author", "PDF version", ...) as it prints them in UTF-8."""
    done = subprocess.run(["pdfinfo", "-enc", "UTF-8", *options, str(path)], capture_output=True, check=True)
    fields = {}
    for line in done.stdout.decode("utf-8").splitlines():
        key, sep, value = line.partition(":")
        if sep and not key.startswith((" ", "<")):
            fields[key] = value.strip()
    return fields


def xmp(path: Path) -> str:
    return subprocess.run(["pdfinfo", "-meta", str(path)], capture_output=True, check=True).stdout.decode("utf-8")


def qpdf_check(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["qpdf", "--check", str(path)], capture_output=True, text=True)


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True).stdout.decode()


def catalog_lang(path: Path) -> str:
    with path.open("rb") as f:
        return str(PdfReader(f).trailer["/Root"]["/Lang"])


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_pdf_names_author_subject_keywords_and_language(qapp, repo, map_view, tmp_path, lang):
    sheet = build_factsheet(repo, "TUR", lang, AS_OF)
    out = tmp_path / f"tur-{lang}.pdf"
    render_factsheet(sheet, out, map_view=map_view, author=MINISTRY if lang != "en" else None)
    info = pdfinfo(out)
    assert info["Title"].startswith(sheet.partner)
    assert info["Author"] == (MINISTRY if lang != "en" else "Partnership Atlas")
    assert info["Subject"] == SUBJECTS[lang]
    assert info["Keywords"] == f"TUR, {sheet.partner}, {lang}, {AS_OF}"
    assert info["Creator"] == "Partnership Atlas" and info["Producer"].startswith("Qt ")
    assert catalog_lang(out) == lang
    meta = xmp(out)  # PDF/A: the XMP says what the information dictionary says
    assert f"<rdf:li>{lang}</rdf:li>" in meta and f">{SUBJECTS[lang]}</rdf:li>" in meta
    assert f'pdf:Keywords="TUR, {sheet.partner}, {lang}, {AS_OF}"' in meta
    check = qpdf_check(out)
    assert check.returncode == 0 and "No syntax or stream encoding errors" in check.stdout, check.stdout + check.stderr


def test_pdfa_1b_is_the_default_and_can_be_left_out(qapp, repo, map_view, tmp_path):
    sheet = build_factsheet(repo, "AZE", "ru", AS_OF)
    archive, plain = tmp_path / "archive.pdf", tmp_path / "plain.pdf"
    render_factsheet(sheet, archive, map_view=map_view)
    render_factsheet(sheet, plain, map_view=map_view, pdfa=False)
    assert pdfinfo(archive)["PDF version"] == "1.4" == pdfinfo(plain)["PDF version"]
    assert 'pdfaid:part="1"' in xmp(archive) and 'pdfaid:conformance="B"' in xmp(archive)
    assert "pdfaid:part" not in xmp(plain)
    assert pdfinfo(plain)["Subject"] == "Справка: Азербайджан"  # the metadata either way
    assert pdftotext(archive) == pdftotext(plain)
    assert qpdf_check(archive).returncode == 0 and qpdf_check(plain).returncode == 0


def test_the_metadata_leaves_the_printed_text_as_it_was(qapp, repo, map_view, tmp_path, monkeypatch):
    sheet = build_factsheet(repo, "TKM", "kk", AS_OF, "Қызмет бабында пайдалану үшін")
    after = tmp_path / "after.pdf"
    render_factsheet(sheet, after, map_view=map_view)
    added: list[tuple[bytes, bytes]] = []

    def kept(data: bytes, info: object) -> bytes:  # Qt's PDF as it came, and what the update would have made of it
        added.append((data, qt_factsheet_add(data, info)))
        return data

    qt_factsheet_add = qt_factsheet.add_archive_info
    monkeypatch.setattr(qt_factsheet, "add_archive_info", kept)
    before = tmp_path / "before.pdf"
    render_factsheet(sheet, before, map_view=map_view)
    assert "Subject" not in pdfinfo(before) and pdfinfo(after)["Subject"] == "Анықтама: Түрікменстан"
    assert pdftotext(after) == pdftotext(before) and "Түрікменстан" in pdftotext(after)
    qt_pdf, updated = added[0]
    assert updated.startswith(qt_pdf) and len(updated) > len(qt_pdf)  # Qt's bytes as they were, the update appended


def test_a_combined_pdf_has_one_bookmark_per_partner_at_its_first_page(qapp, repo, map_view, tmp_path):
    starts, pages = [], 0
    for partner in repo.partners():
        starts.append(pages)
        sheet = build_factsheet(repo, partner.iso3, "ru", AS_OF)
        pages += render_factsheet(sheet, tmp_path / f"{partner.iso3}.pdf", map_view=map_view)
    out = tmp_path / "all.pdf"
    render_all(repo, "ru", out, True, as_of=AS_OF, map_view=map_view, author=MINISTRY)
    with out.open("rb") as f:
        reader = PdfReader(f)
        marks = [(item.title, reader.get_destination_page_number(item)) for item in reader.outline]
        assert len(reader.pages) == pages
        assert str(reader.trailer["/Root"]["/PageMode"]) == "/UseOutlines"
    names = [build_factsheet(repo, p.iso3, "ru", AS_OF).partner for p in repo.partners()]
    assert marks == list(zip(names, starts, strict=True)) and len(marks) == 7
    info = pdfinfo(out)
    assert info["Author"] == MINISTRY and info["Subject"] == "Справки: " + ", ".join(names)
    assert all(p.iso3 in info["Keywords"] for p in repo.partners()) and "Турция" in info["Keywords"]
    assert qpdf_check(out).returncode == 0


def test_the_command_line_takes_the_organisation_from_the_option_or_the_settings(qapp, db_copy, tmp_path):
    quiet = {"out": io.StringIO(), "err": io.StringIO()}
    named = tmp_path / "named.pdf"
    assert factsheet_main("AZE", "kk", str(named), False, str(db_copy), as_of=AS_OF,
                          organisation="ҚР Сыртқы істер министрлігі", **quiet) == 0
    assert pdfinfo(named)["Author"] == "ҚР Сыртқы істер министрлігі"
    assert pdfinfo(named)["Keywords"] == f"AZE, Әзірбайжан, kk, {AS_OF}"
    default = tmp_path / "default.pdf"
    assert factsheet_main("AZE", "en", str(default), False, str(db_copy), as_of=AS_OF, **quiet) == 0
    assert pdfinfo(default)["Author"] == "Partnership Atlas"
    settings = Settings()
    settings.set_organisation(MINISTRY)
    settings.sync()
    saved = tmp_path / "saved.pdf"
    assert factsheet_main(None, "ru", str(saved), True, str(db_copy), combined=True, as_of=AS_OF, **quiet) == 0
    assert pdfinfo(saved)["Author"] == MINISTRY and len(PdfReader(saved).outline) == 7
    assert qpdf_check(saved).returncode == 0


def test_the_dialog_remembers_the_organisation_it_writes_as_author(qtbot, open_window, tmp_path):
    window = open_window(size=None, complete=False)
    window.settings = Settings()
    dialog = FactSheetDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.organisation.text() == "" and dialog.organisation.placeholderText() == "Partnership Atlas"
    dialog.organisation.setText("  " + MINISTRY + " ")
    out = tmp_path / "sheet.pdf"
    dialog.save_pdf(str(out))
    assert pdfinfo(out)["Author"] == MINISTRY
    assert Settings().organisation() == MINISTRY
    again = FactSheetDialog(window)
    qtbot.addWidget(again)
    assert again.organisation.text() == MINISTRY


def test_a_pdf_not_laid_out_as_qt_writes_it_is_refused_not_half_changed():
    from desktop.export.pdf_archive import ArchiveInfo, PdfStructureError, add_archive_info

    info = ArchiveInfo("Fact sheet: Türkiye", "TUR", "en")
    for data in (b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\nstartxref\n9\n%%EOF\n",
                 b"%PDF-1.4\nxref\n0 2\n0000000000 65535 f \ntrailer\n<< /Size 2 >>\nstartxref\n9\n%%EOF\n",
                 b"%PDF-1.5\n"):
        with pytest.raises(PdfStructureError):
            add_archive_info(data, info)
