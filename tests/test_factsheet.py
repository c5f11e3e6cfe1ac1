"""The printed fact sheet: what it holds (in English and Russian), escaping, pages, headers and footers,
the embedded font, page sizes, printing all partners (combined, cancelled) and the command line."""
from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.data.agreements import AgreementQuery
from desktop.export.factsheet import (
    FactSheetError,
    build_factsheet,
    format_date,
    format_number,
    money,
    period_label,
    statistics_label,
)
from desktop.qt.factsheet.factsheet import chart_image, make_map_view, print_factsheet, render_all, render_factsheet
from desktop.qt.factsheet.factsheet_cli import factsheet_main

AS_OF = "2026-03-01"
MARKING = "For official use — ДСП"
HOSTILE = "<b>x</b> <img src=x> &amp;"


def squash(text: str) -> str:
    """Text without any white space (line breaks and word gaps differ between layout and extraction)."""
    return re.sub(r"\s+", "", text)


def pdf_pages(path: Path) -> list[str]:
    return [squash(page.extract_text() or "") for page in PdfReader(str(path)).pages]


def recent_titles(repo, iso3: str, lang: str, n: int = 3) -> list[str]:
    """The titles of a partner's most recent agreements, straight from the database, in ``lang``."""
    page = repo.agreements.page(AgreementQuery(partners=(iso3,), sort="date", descending=True), limit=n)
    out = []
    for row in repo.agreements.rows(page.ids):
        own, other = (row.title_ru, row.title_en) if lang == "ru" else (row.title_en, row.title_ru)
        if lang == "ru" and not own and row.title_ru_working:  # our working translation, marked as such
            out.append(f"{row.title_ru_working} (неофициальный перевод)")
            continue
        out.append(own or other or row.title_kk)
    return out


# ---------------------------------------------------------------------- the words (no Qt)


def test_dates_and_money_in_both_languages():
    assert format_date("2025-04-29", "en") == "29 Apr 2025"
    assert format_date("2025-04-29", "ru") == "29 апр. 2025"
    assert format_date("2025-04", "en") == "Apr 2025"
    assert format_date("2025-04", "ru") == "апр. 2025"
    assert format_date("2012-05", "ru") == "май 2012"
    assert format_date("2025", "ru") == "2025"
    assert format_date(None, "en") == ""
    # Russian as CLDR writes it: a no-break space keeps the number with its "млрд" / "млн"
    assert money(3400, "en") == "$3.4 bn" and money(3400, "ru") == "$3,4\u00a0млрд"
    assert money(640, "en") == "$640 m" and money(640, "ru") == "$640\u00a0млн"
    assert money(15000, "en") == "$15 bn"
    assert format_number(20000, "en") == "20,000" and format_number(20000, "ru") == "20\u00a0000"
    assert statistics_label("partner", "Türkiye", "en") == "Türkiye's statistics"
    assert statistics_label("kazakh", "Турция", "ru") == "статистика Казахстана"


def test_the_sheet_takes_the_preferred_figures(repo):
    sheet = build_factsheet(repo, "tur", "en", AS_OF, "  ")
    assert sheet.iso3 == "TUR" and sheet.partner == "Türkiye" and sheet.marking is None
    latest = sheet.plot.latest_full_year()
    assert sheet.trade.label == f"Trade turnover, {latest.year}"
    assert sheet.trade.value == money(latest.value, "en") == "$5.4 bn"
    # a headline figure with no official source behind it says "(media report)" (issue 18)
    kinds = {src.kind for src in repo.sources_of("trade", latest.record_id)}
    official = bool(kinds & {"official_primary", "official_secondary"})
    assert sheet.trade.detail == "Kazakhstan's statistics" + ("" if official else " (media report)")
    assert sheet.target.value == "$15 bn" and "1 Feb 2026" in sheet.target.detail
    assert len(sheet.events) <= 6 and len(sheet.facts) <= 6 and len(sheet.agreements) <= 12
    total = repo.agreements.count(AgreementQuery(partners=("TUR",)))
    assert sheet.agreements_more == total - len(sheet.agreements) > 0
    # every footnote points into the numbered list, which holds only the sources cited
    cited = {line.source for line in [sheet.level, sheet.diplomatic, sheet.trade, sheet.target, *sheet.facts,
                                      *sheet.events, *sheet.agreements, *sheet.mechanisms] if line and line.source}
    assert cited == {s.number for s in sheet.sources} == set(range(1, len(sheet.sources) + 1))
    ru = build_factsheet(repo, "TUR", "ru", AS_OF)
    assert ru.partner == "Турция" and ru.trade.value == "$5,4\u00a0млрд" and ru.target.value == "$15\u00a0млрд"
    # the level's worded value in its recorded Russian text, not the English one marked [EN] (issue 18)
    assert "[EN]" not in ru.level.value and re.search("[а-я]", ru.level.value)


def test_a_partner_without_records_says_so(repo):
    sheet = build_factsheet(repo, "CHN", "en", AS_OF)
    assert sheet.trade is None and sheet.target is None and not sheet.events and not sheet.agreements
    assert chart_image(sheet) is None
    with pytest.raises(FactSheetError, match="unknown partner"):
        build_factsheet(repo, "XXX", "en", AS_OF)
    with pytest.raises(FactSheetError):
        build_factsheet(repo, "TUR", "de", AS_OF)


# ---------------------------------------------------------------------- the PDF


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_partner_prints_with_its_figures_titles_and_sources(qapp, repo, map_view, tmp_path, lang):
    for partner in repo.partners():
        sheet = build_factsheet(repo, partner.iso3, lang, AS_OF, MARKING)
        path = tmp_path / f"{partner.iso3}-{lang}.pdf"
        pages = render_factsheet(sheet, path, map_view=map_view)
        assert path.exists() and not list(tmp_path.glob(".*.tmp"))
        texts = pdf_pages(path)
        assert len(texts) == pages >= 1, partner.iso3
        if partner.iso3 in ("TUR", "AZE", "TKM"):
            assert pages <= 3  # with chart and map
        whole = "".join(texts)
        assert squash(partner.name(lang)) in whole
        expected = [sheet.word("sources"), sheet.word("agreements")]
        if sheet.trade:
            expected += [sheet.trade.value, sheet.trade.detail]
        else:
            expected.append(sheet.word("not_recorded"))
        if sheet.target:
            expected.append(sheet.target.value)
        expected += recent_titles(repo, partner.iso3, lang)
        expected += [s.title for s in sheet.sources]
        for text in expected:
            assert squash(text) in whole, (partner.iso3, text)
        for n, text in enumerate(texts, 1):  # the header and footer of every page
            assert squash(MARKING) in text and squash(sheet.word("page", n=n, total=pages)) in text


def test_the_latest_figure_and_target_of_turkiye_in_russian(qapp, repo, map_view, tmp_path):
    sheet = build_factsheet(repo, "TUR", "ru", AS_OF)
    path = tmp_path / "tur.pdf"
    render_factsheet(sheet, path, map_view=map_view)
    whole = "".join(pdf_pages(path))
    for text in ("Турция", "$5,4 млрд", "$15 млрд", "статистика Казахстана", "Ключевые показатели",
                 "стр. 1 из", "по состоянию на 1 мар. 2026"):
        assert squash(text) in whole, text


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_no_row_is_split_across_pages_and_no_heading_ends_a_page(qapp, repo, map_view, tmp_path, lang):
    from desktop.qt.factsheet import factsheet as qt_factsheet

    for page_size in ("A4", "Letter"):
        writer = qt_factsheet._writer(tmp_path / "layout.pdf", page_size, "t")
        for partner in repo.partners():
            sheet = build_factsheet(repo, partner.iso3, lang, AS_OF, MARKING)
            page = qt_factsheet._Page(writer, True)
            chart, inset = qt_factsheet._Renderer(chart=True, map_inset=True, map_view=map_view).images(sheet)
            doc = qt_factsheet._document(sheet, writer, page, chart, inset)
            assert qt_factsheet._first_bad_break(doc, page, frozenset()) is None, (partner.iso3, page_size)


def test_hostile_text_prints_literally(qapp, repo, map_view, tmp_path):
    newest = repo.agreements.page(AgreementQuery(partners=("TUR",), sort="date", descending=True), limit=1).ids[0]
    repo.db.conn.execute("UPDATE agreements SET title_en = ? WHERE id = ?", (HOSTILE, newest))
    sheet = build_factsheet(repo, "TUR", "en", AS_OF, "<i>secret</i> & co")
    assert sheet.agreements[0].title == HOSTILE
    path = tmp_path / "hostile.pdf"
    render_factsheet(sheet, path, map_view=map_view)
    texts = pdf_pages(path)
    whole = "".join(texts)
    assert squash(HOSTILE) in whole
    assert all(squash("<i>secret</i> & co") in text for text in texts)


def test_the_bundled_font_is_embedded_and_letter_is_letter(qapp, repo, map_view, tmp_path):
    sheet = build_factsheet(repo, "AZE", "ru", AS_OF)
    path = tmp_path / "aze.pdf"
    render_factsheet(sheet, path, page_size="Letter", map_view=map_view)
    reader = PdfReader(str(path))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (612, 792)
        fonts = page["/Resources"]["/Font"]
        names = [str(fonts[key].get_object()["/BaseFont"]) for key in fonts]
        assert names and all("DejaVu" in name for name in names)
        for key in fonts:
            font = fonts[key].get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # the glyphs themselves, not a reference to a system font
    a4 = tmp_path / "aze-a4.pdf"
    render_factsheet(sheet, a4, map_view=map_view)
    page = PdfReader(str(a4)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    with pytest.raises(ValueError):
        render_factsheet(sheet, tmp_path / "x.pdf", page_size="A5", map_view=map_view)
    assert not (tmp_path / "x.pdf").exists()


def test_without_chart_and_map_the_sheet_is_shorter(qapp, repo, tmp_path):
    sheet = build_factsheet(repo, "TUR", "en", AS_OF)
    full = render_factsheet(sheet, tmp_path / "full.pdf", repo=repo)
    bare = render_factsheet(sheet, tmp_path / "bare.pdf", chart=False, map_inset=False)
    assert bare <= full
    assert (tmp_path / "bare.pdf").stat().st_size < (tmp_path / "full.pdf").stat().st_size


def test_an_unwritable_target_leaves_the_old_file(qapp, repo, map_view, tmp_path):
    sheet = build_factsheet(repo, "GEO", "en", AS_OF)
    with pytest.raises(OSError):
        render_factsheet(sheet, tmp_path / "missing" / "x.pdf", map_view=map_view)
    target = tmp_path / "old.pdf"
    target.write_bytes(b"old")
    render_factsheet(sheet, target, map_view=map_view)
    assert target.read_bytes().startswith(b"%PDF")


def test_print_factsheet_on_a_printer(qapp, repo, map_view, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    sheet = build_factsheet(repo, "TKM", "en", AS_OF, MARKING)
    pages = print_factsheet(sheet, printer, map_view=map_view)
    texts = pdf_pages(tmp_path / "printed.pdf")
    assert len(texts) == pages and squash("Turkmenistan") in texts[0] and squash(f"page 1 of {pages}") in texts[0]


def test_render_all_combined_and_separate(qapp, repo, tmp_path):
    one_by_one = {}
    view = make_map_view(repo)
    for partner in repo.partners():
        sheet = build_factsheet(repo, partner.iso3, "en", AS_OF)
        one_by_one[partner.iso3] = render_factsheet(sheet, tmp_path / f"single-{partner.iso3}.pdf", map_view=view)
    seen = []
    combined = render_all(repo, "en", tmp_path / "all.pdf", True, lambda done, total: seen.append((done, total)),
                          as_of=AS_OF, map_view=view)
    assert combined == [tmp_path / "all.pdf"]
    assert len(PdfReader(str(combined[0])).pages) == sum(one_by_one.values())
    assert seen[0] == (0, 7) and seen[-1] == (7, 7)
    folder = tmp_path / "each"
    files = render_all(repo, "ru", folder, False, as_of=AS_OF, map_view=view)
    assert sorted(p.name for p in files) == sorted(f"factsheet-{p.iso3.lower()}-ru.pdf" for p in repo.partners())
    assert sorted(folder.iterdir()) == sorted(files)
    view.close()


@pytest.mark.parametrize("combined", [True, False])
def test_cancelling_render_all_leaves_no_file(qapp, repo, tmp_path, combined):
    out = tmp_path / ("all.pdf" if combined else "each")
    result = render_all(repo, "en", out, combined, lambda done, total: done < 3, as_of=AS_OF)
    assert result == []
    assert not (tmp_path / "all.pdf").exists()
    left = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix in (".pdf", ".tmp")]
    assert left == []


# ---------------------------------------------------------------------- the command line


def test_command_line(qapp, db_copy, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "tur.pdf"
    assert factsheet_main("tur", "ru", str(target), False, str(db_copy), MARKING, "Letter", out=out, err=err) == 0
    assert out.getvalue().count("\n") == 1 and "Турция" in out.getvalue() and err.getvalue() == ""
    reader = PdfReader(str(target))
    assert float(reader.pages[0].mediabox.width) == 612
    assert squash(MARKING) in squash(reader.pages[0].extract_text())

    err = io.StringIO()
    assert factsheet_main("XXX", "en", str(tmp_path / "x.pdf"), False, str(db_copy), err=err, out=io.StringIO()) == 2
    assert "unknown partner" in err.getvalue() and not (tmp_path / "x.pdf").exists()
    err = io.StringIO()
    assert factsheet_main("TUR", "en", str(tmp_path / "no" / "x.pdf"), False, str(db_copy), err=err,
                          out=io.StringIO()) == 2
    assert "could not be written" in err.getvalue()
    err = io.StringIO()
    assert factsheet_main(None, "en", str(tmp_path / "x.pdf"), False, str(db_copy), err=err, out=io.StringIO()) == 2
    assert factsheet_main("TUR", "en", str(tmp_path / "x.pdf"), False, str(tmp_path / "none.sqlite"), err=err,
                          out=io.StringIO()) == 2

    out = io.StringIO()
    assert factsheet_main(None, "en", str(tmp_path / "all"), True, str(db_copy), out=out, err=io.StringIO()) == 0
    assert len(list((tmp_path / "all").glob("factsheet-*-en.pdf"))) == 7
    out = io.StringIO()
    assert factsheet_main(None, "en", str(tmp_path / "all.pdf"), True, str(db_copy), combined=True, out=out,
                          err=io.StringIO()) == 0
    assert (tmp_path / "all.pdf").exists() and out.getvalue().count("\n") == 1


def test_part_year_labels():
    from desktop.core.trade import TradePoint

    point = TradePoint("turnover", 2024, "4M", 1600.0, "kazakh", "exact", 1, None)
    assert period_label(point, "en") == "Jan–Apr 2024"
    assert period_label(point, "ru") == "янв.–апр. 2024"


def test_footnotes_say_each_sources_kind_and_headlines_prefer_official_sources(repo):
    """The footnote of a record is its strongest source; each footnote says its kind; a headline resting on an
    official source carries no "(media report)"."""
    sheet = build_factsheet(repo, "TUR", "en", AS_OF)
    assert all(ref.kind for ref in sheet.sources)
    assert {"independent media", "official (state news agency)"} & {ref.kind for ref in sheet.sources}
    latest = sheet.plot.latest_full_year()
    conn = repo.db.conn
    conn.execute("UPDATE sources SET kind = 'official_primary' WHERE id IN (SELECT source_id FROM record_sources "
                 "WHERE record_type = 'trade' AND record_id = ?)", (latest.record_id,))
    again = build_factsheet(repo, "TUR", "en", AS_OF)
    assert again.trade.detail == "Kazakhstan's statistics"
    ru = build_factsheet(repo, "TUR", "ru", AS_OF)
    assert "официальный (первоисточник)" in {ref.kind for ref in ru.sources}
