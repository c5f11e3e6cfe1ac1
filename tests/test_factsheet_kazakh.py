"""Issue 20, items 2 and 4: fact sheets in Kazakh. Dates and numbers as CLDR (Babel) writes them in each language;
every fixed word of the sheet, the chart and the map inset in Kazakh; data texts in Kazakh, else in Russian marked
"[RU]", else in English marked "[EN]", a working translation marked "ресми емес аударма"; `factsheet --lang kk` and
the dialog's "Қазақша"; the bundled font has every Kazakh letter; the longer Kazakh dates and headings still lay
out whole on their pages."""
from __future__ import annotations

import io
import math
import re
import string
from pathlib import Path

import pytest
from babel.dates import get_month_names
from pypdf import PdfReader
from PySide6.QtCore import QRectF

from desktop.core.trade import TradePoint
from desktop.data.agreements import AgreementQuery
from desktop.export.factsheet import (
    LANGUAGES,
    WORDS,
    build_factsheet,
    format_date,
    format_dates,
    format_number,
    money,
    period_label,
)
from desktop.qt.factsheet import factsheet as qt_factsheet
from desktop.qt.factsheet.factsheet import map_inset, render_factsheet
from desktop.qt.factsheet.factsheet_cli import factsheet_main

AS_OF = "2026-03-01"
KAZAKH_LETTERS = "ӘәҒғҚқҢңӨөҰұҮүҺһІі"
HEADINGS = ("relations", "key_figures", "mechanisms", "key_facts", "events", "agreements", "corridors", "sources")
KAZAKH_MONTHS = list(get_month_names("wide", "format", locale="kk").values())


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def spaced(text: str) -> str:
    """Every run of white space (CLDR's narrow no-break space in "2025 ж.", a no-break space) as one space."""
    return " ".join(text.split())


def pdf_text(path: Path) -> str:
    return squash("".join(page.extract_text() or "" for page in PdfReader(str(path)).pages))


def marked(text: str, whole: str) -> bool:
    """Whether ``text`` is printed followed by a "[RU]" or "[EN]" mark (in squashed PDF text)."""
    return any(squash(text) + mark in whole for mark in ("[RU]", "[EN]"))


def give_kazakh_texts(repo, iso3: str) -> dict[str, str]:
    """Kazakh texts for one record of each kind the sheet prints (where the seed has none yet), and one agreement
    with only a working Kazakh translation and one with no Kazakh title: what each should print as."""
    conn = repo.db.conn
    out = {}
    newest = repo.agreements.page(AgreementQuery(partners=(iso3,), sort="date", descending=True), limit=3).ids
    doc_type = conn.execute("SELECT doc_type FROM agreements WHERE id = ?", (newest[0],)).fetchone()[0]
    conn.execute("UPDATE doc_types SET name_kk = coalesce(name_kk, 'Құжат түрі') WHERE code = ?", (doc_type,))
    out["doc_type"] = conn.execute("SELECT name_kk FROM doc_types WHERE code = ?", (doc_type,)).fetchone()[0]
    conn.execute("UPDATE agreements SET title_kk = 'Ынтымақтастық туралы ресми келісім', title_kk_working = NULL "
                 "WHERE id = ?", (newest[0],))
    out["official"] = "Ынтымақтастық туралы ресми келісім"
    conn.execute("UPDATE agreements SET title_kk = NULL, title_kk_working = 'Жұмыс аудармасы: өзара түсіністік "
                 "туралы меморандум' WHERE id = ?", (newest[1],))
    out["working"] = "Жұмыс аудармасы: өзара түсіністік туралы меморандум (ресми емес аударма)"
    conn.execute("UPDATE agreements SET title_kk = NULL, title_kk_working = NULL, title_ru = 'Меморандум о "
                 "сотрудничестве в области связи' WHERE id = ?", (newest[2],))
    out["russian"] = "Меморандум о сотрудничестве в области связи [RU]"
    mechanism = repo.mechanisms(iso3)[0]
    conn.execute("UPDATE mechanisms SET name_kk = coalesce(name_kk, 'Үкіметаралық комиссия') WHERE id = ?",
                 (mechanism.id,))
    out["mechanism"] = conn.execute("SELECT name_kk FROM mechanisms WHERE id = ?", (mechanism.id,)).fetchone()[0]
    return out


# ---------------------------------------------------------------------- words, dates and numbers (no Qt)


def test_the_kazakh_words_are_every_english_word_with_the_same_placeholders():
    assert "kk" in LANGUAGES
    assert set(WORDS["kk"]) == set(WORDS["en"]) == set(WORDS["ru"])
    fields = string.Formatter()
    for key, english in WORDS["en"].items():
        kazakh = WORDS["kk"][key]
        assert kazakh.strip(), key
        assert {f for _, f, _, _ in fields.parse(kazakh) if f} == {f for _, f, _, _ in fields.parse(english) if f}, key
    assert WORDS["kk"]["unofficial"] == "{title} (ресми емес аударма)"
    # the headings are Kazakh (Cyrillic, with Kazakh letters among them), not Russian left in place
    cyrillic = re.compile("[а-яё" + KAZAKH_LETTERS + "]")
    assert all(WORDS["kk"][k] != WORDS["ru"][k] and cyrillic.search(WORDS["kk"][k]) for k in HEADINGS)
    assert any(set(KAZAKH_LETTERS) & set(WORDS["kk"][k]) for k in HEADINGS)


def test_dates_are_written_as_cldr_writes_them_in_each_language():
    # Kazakh: CLDR's order, the year first, full month names
    assert spaced(format_date("2025-04-29", "kk")) == "2025 ж. 29 сәуір"
    assert spaced(format_date("2025-05", "kk")) == "2025 ж. мамыр"
    assert spaced(format_dates("2025-07-28", "2025-07-29", "kk")) == "2025 ж. 28–29 шілде"
    assert spaced(format_dates("2025-04-30", "2025-05-02", "kk")) == "2025 ж. 30 сәуір – 2 мамыр"
    point = TradePoint("turnover", 2024, "4M", 1600.0, "kazakh", "exact", 1, None)
    assert spaced(period_label(point, "kk")) == "2024 ж. қаңтар – сәуір"
    for month, name in enumerate(KAZAKH_MONTHS, 1):
        assert name in format_date(f"2025-{month:02d}-01", "kk") and name in format_date(f"2025-{month:02d}", "kk")
    # Russian: the genitive in a day's date, the nominative in a month on its own
    assert format_date("2025-05-02", "ru") == "2 мая 2025" and format_date("2025-05", "ru") == "май 2025"
    assert format_date("2026-03-01", "ru") == "1 мар. 2026" and format_date("2026-03", "ru") == "март 2026"
    # English as the sheets have always printed it
    assert format_date("2025-05-02", "en") == "2 May 2025" and format_date("2025-05", "en") == "May 2025"
    assert format_dates("2025-07-28", "2025-07-29", "en") == "28–29 Jul 2025"
    assert format_dates("2025-04-30", "2025-05-02", "en") == "30 Apr 2025 – 2 May 2025"
    assert format_dates("2025-07-28", "2025-07-29", "ru") == "28–29 июл. 2025"


def test_numbers_and_sums_have_cldrs_separators_and_scale_words():
    assert format_number(1234567.5, "kk", 1) == "1\u00a0234\u00a0567,5"
    assert format_number(20000, "ru") == "20\u00a0000" and format_number(20000, "en") == "20,000"
    assert money(3400, "kk") == "$3,4\u00a0млрд" and money(640, "kk") == "$640\u00a0млн"
    assert money(5450, "kk") == money(5450, "ru") == "$5,5\u00a0млрд"  # rounded as the English "$5.5 bn"
    assert money(5450, "en") == "$5.5 bn" and money(15000, "en") == "$15 bn" and money(640, "en") == "$640 m"
    assert money(1234567, "kk") == "$1\u00a0234,6\u00a0млрд"


def test_kazakh_texts_else_russian_marked_else_english_marked(repo):
    kazakh = give_kazakh_texts(repo, "TUR")
    repo.db.conn.execute("UPDATE partners SET name_kk = NULL WHERE iso3 = 'GEO'")
    sheet = build_factsheet(repo, "TUR", "kk", AS_OF)
    partner = repo.partner("TUR")
    assert sheet.partner == partner.name_kk and "[" not in sheet.partner
    titles = [a.title for a in sheet.agreements]
    assert titles[:3] == [kazakh["official"], kazakh["working"], kazakh["russian"]]
    assert sheet.agreements[0].doc_type == kazakh["doc_type"]
    assert sheet.mechanisms[0].label == kazakh["mechanism"]
    # events have no Kazakh text: their titles are Russian, marked so
    assert sheet.events and all(e.title.endswith(" [RU]") for e in sheet.events)
    # a vocabulary label or a partner's name with no Kazakh text shows the Russian one, marked
    conn = repo.db.conn
    conn.execute("UPDATE doc_types SET name_kk = NULL")
    newest = repo.agreements.page(AgreementQuery(partners=("TUR",), sort="date", descending=True), limit=1).ids[0]
    russian = conn.execute("SELECT d.name_ru FROM agreements a JOIN doc_types d ON d.code = a.doc_type "
                           "WHERE a.id = ?", (newest,)).fetchone()[0]
    assert build_factsheet(repo, "TUR", "kk", AS_OF).agreements[0].doc_type == f"{russian} [RU]"
    assert build_factsheet(repo, "GEO", "kk", AS_OF).partner == f"{repo.partner('GEO').name_ru} [RU]"
    # an English-only title with no translation of ours is English, marked
    conn.execute("UPDATE agreements SET title_kk = NULL, title_kk_working = NULL, title_ru = NULL, "
                 "title_ru_working = NULL, title_en = 'Memorandum on digital cooperation' WHERE id = ?", (newest,))
    assert build_factsheet(repo, "TUR", "kk", AS_OF).agreements[0].title == "Memorandum on digital cooperation [EN]"
    # the Russian sheet has no Kazakh in it
    ru = build_factsheet(repo, "TUR", "ru", AS_OF)
    assert ru.partner == "Турция" and not any("ресми емес" in a.title for a in ru.agreements)


# ---------------------------------------------------------------------- the PDF


@pytest.mark.parametrize("iso3", ["TUR", "TKM"])
def test_the_kazakh_pdf_is_in_kazakh(qapp, repo, map_view, tmp_path, iso3):
    kazakh = give_kazakh_texts(repo, iso3)
    sheet = build_factsheet(repo, iso3, "kk", AS_OF, "Қызметтік пайдалану үшін")
    path = tmp_path / f"{iso3}-kk.pdf"
    pages = render_factsheet(sheet, path, map_view=map_view)
    whole = pdf_text(path)
    partner = repo.partner(iso3)
    assert partner.name_kk and squash(partner.name_kk) in whole and not marked(partner.name_kk, whole)
    assert any(name in whole for name in KAZAKH_MONTHS)
    assert squash(WORDS["kk"]["as_of"].format(date=format_date(AS_OF, "kk"))) in whole
    for key in HEADINGS:
        assert squash(WORDS["kk"][key]) in whole, key
    assert squash(WORDS["kk"]["page"].format(n=1, total=pages)) in whole
    # no mark beside a text that has a Kazakh version: the partner, titles, labels, mechanisms, corridors
    for text in (kazakh["official"], kazakh["doc_type"], kazakh["mechanism"]):
        assert squash(text) in whole and not marked(text, whole), text
    assert squash(kazakh["working"]) in whole and squash(kazakh["russian"]) in whole
    labels = {**repo.labels("doc_types"), **repo.labels("event_kinds")}
    for line in [*sheet.agreements, *sheet.events]:
        label = line.doc_type if hasattr(line, "doc_type") else line.kind
        if any(label == x.kk for x in labels.values() if x.kk):
            assert not marked(label, whole), label
    for corridor in repo.corridors():
        if corridor.name_kk and corridor.name_kk in sheet.corridors:
            assert not marked(corridor.name_kk, whole), corridor.name_kk
    # a sum in "млрд" or "млн", with CLDR's decimal comma where it has decimals
    assert re.search(r"\$\d+(,\d)?(млрд|млн)", whole)
    if iso3 == "TUR":
        assert re.search(r"\$\d+,\dмлрд", whole)
    assert not re.search(r"\$[\d.,]+(bn|m)\b", whole)


def test_the_kazakh_map_inset_speaks_kazakh(qapp, repo, map_view):
    inset = map_inset(map_view, "TUR", "kk")
    kazakh_words = set(WORDS["kk"].values())
    headings = [heading for heading, _entries in inset.sections]
    assert headings and all(h in kazakh_words for h in headings)
    for key, text in inset.legend:
        assert text.removeprefix("≈ ") in kazakh_words, key
    assert inset.scale_text.endswith(" км") and inset.credit.startswith("Карта негізі: ")


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_chart_speaks_the_sheets_language_and_no_text_covers_another(qapp, repo, lang):
    """Ticks in "млрд" / "млн" with CLDR's separators, the legend in the sheet's words, a part of a year in its
    months; the longer Kazakh labels ("2018 ж. қаңтар – тамыз") cover no tick value (one once hid the "0")."""
    seen = set()
    for partner in repo.partners():
        sheet = build_factsheet(repo, partner.iso3, lang, AS_OF)
        texts: list = []
        image = qt_factsheet.chart_image(sheet, texts=texts)
        if image is None:
            continue
        seen.update(text for text, _rect in texts)
        frame = QRectF(0, 0, image.width(), image.height())
        for n, (text, rect) in enumerate(texts):
            assert frame.contains(rect), (partner.iso3, text)
            for other, other_rect in texts[n + 1:]:
                assert not rect.intersects(other_rect), (partner.iso3, text, other)
    assert WORDS[lang]["chart_full_year"] in seen and WORDS[lang]["chart_partial"] in seen
    scale = {"kk": "млрд", "ru": "млрд", "en": "bn"}[lang]
    assert any(text.startswith("$") and text.endswith(scale) for text in seen)
    if lang == "kk":
        assert any(KAZAKH_MONTHS[0] in text for text in seen)  # "2024 ж. қаңтар – сәуір"
    if lang != "en":  # CLDR's group space, decimal comma and no-break space before the scale
        assert all(re.fullmatch(r"\$\d{1,3}(\u00a0\d{3})*(,\d+)?\u00a0(млрд|млн)", text)
                   for text in seen if text.startswith("$"))


def test_the_bundled_font_has_every_kazakh_letter(qapp):
    from PySide6.QtGui import QFontMetrics, QRawFont

    from desktop.paths import resource

    wanted = KAZAKH_LETTERS + "\u202f\u00a0–—≈№"
    for name in qt_factsheet.FONT_FILES:
        raw = QRawFont(str(resource("fonts", name)), 12)
        assert raw.isValid(), name
        assert [c for c in wanted if not raw.supportsCharacter(ord(c))] == [], name
    metrics = QFontMetrics(qt_factsheet._font(qt_factsheet.BODY_PT))
    assert [c for c in wanted if not metrics.inFontUcs4(ord(c))] == []


def test_kazakh_dates_keep_to_one_line_and_no_heading_runs_over_a_page(qapp, repo, map_view, tmp_path):
    """A Kazakh date ("2025 ж. 28–29 шілде") is longer than the date column of the English sheet: the column
    widens, and the date never breaks between its day and its month. A heading pushed to the foot of a page by
    the longer texts moves to the next page, whole (it once printed its top pixels under the last row)."""
    for page_size in ("A4", "Letter"):
        writer = qt_factsheet._writer(tmp_path / "layout.pdf", page_size, "t")
        page = qt_factsheet._Page(writer, True)
        for partner in repo.partners():
            sheet = build_factsheet(repo, partner.iso3, "kk", AS_OF, "Қызметтік пайдалану үшін")
            chart, inset = qt_factsheet._Renderer(chart=True, map_inset=True, map_view=map_view).images(sheet)
            doc = qt_factsheet._document(sheet, writer, page, chart, inset)
            layout = doc.documentLayout()
            for key, block in qt_factsheet._anchors(doc):
                rect = layout.blockBoundingRect(block)
                if key.startswith("h-"):
                    top, bottom = math.floor((rect.top() + 1) / page.body), math.floor((rect.bottom() - 1) / page.body)
                    assert top == bottom, (partner.iso3, page_size, key)
                elif key.startswith(("events-", "agreements-")):  # a line may end only after a range's dash
                    lines = [block.layout().lineAt(i) for i in range(block.layout().lineCount())]
                    ends = [block.text()[line.textStart():line.textStart() + line.textLength()].strip()
                            for line in lines[:-1]]
                    assert all(end.endswith(("–", "—")) for end in ends), (partner.iso3, key, block.text())
            assert qt_factsheet._first_bad_break(doc, page, frozenset()) is None, (partner.iso3, page_size)


# ---------------------------------------------------------------------- the command line and the dialog


def test_factsheet_lang_kk_on_the_command_line(qapp, db_copy, tmp_path):
    from desktop.__main__ import _parser

    args = _parser().parse_args(["factsheet", "--partner", "TKM", "--lang", "kk", "-o", str(tmp_path / "x.pdf")])
    assert args.sheet_lang == "kk"
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "tkm-kk.pdf"
    assert factsheet_main("tkm", "kk", str(target), False, str(db_copy), out=out, err=err, as_of=AS_OF) == 0
    assert err.getvalue() == "" and "Түрікменстан" in out.getvalue() and "(kk)" in out.getvalue()
    whole = pdf_text(target)
    assert squash("Түрікменстан") in whole and squash(WORDS["kk"]["key_facts"]) in whole
    err = io.StringIO()
    assert factsheet_main("tkm", "de", str(tmp_path / "de.pdf"), False, str(db_copy), out=io.StringIO(), err=err) == 2
    assert "en, ru, kk" in err.getvalue()


def test_the_dialog_offers_a_kazakh_sheet(qtbot, open_window, repo, tmp_path):
    from desktop.qt.factsheet.factsheet_dialog import FactSheetDialog

    window = open_window(size=None, complete=False)
    window.selection.select_partner("TUR")
    dialog = FactSheetDialog(window)
    qtbot.addWidget(dialog)
    index = dialog.lang.findData("kk")
    assert index >= 0 and dialog.lang.itemText(index) == "Қазақша"
    dialog.lang.setCurrentIndex(index)  # the sheet in Kazakh, the window in English
    out = tmp_path / "tur-kk.pdf"
    dialog.save_pdf(str(out))
    whole = pdf_text(out)
    assert squash(repo.partner("TUR").name_kk) in whole and squash(WORDS["kk"]["sheet"]) in whole
