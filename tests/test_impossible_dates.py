"""A date written in a form the atlas takes but missing from the calendar (31.02.2026, 2025-04-31, 15.13.2026)
is refused saying that the day does not exist, not "Not a date: write … DD.MM.YYYY": in the form, in the import
(dialog and command line) and in the seed build's words."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLineEdit

from desktop.core.dates import NotInCalendar, parse_partial_date
from desktop.core.validation import ValidationContext, parse_user_date, validate
from desktop.export.cli_import import import_main
from desktop.qt.editing.record_form import RecordForm
from desktop.qt.transfer.transfer import ImportDialog

FILE = ("title_en,date_signed,doc_type,partners\n"
        "A good one,2020-01-01,agreement,TUR\n"
        "February,31.02.2026,agreement,TUR\n"
        "April,2025-04-31,agreement,TUR\n"
        "Month thirteen,15.13.2026,agreement,TUR\n"
        "Too late,01.01.2150,agreement,TUR\n"
        "Words,soon,agreement,TUR\n")


@pytest.mark.parametrize("text, reason", [
    ("31.02.2026", "February 2026 has 28 days"), ("29.02.2025", "February 2025 has 28 days"),
    ("2025-04-31", "April 2025 has 30 days"), ("31.4.2025", "April 2025 has 30 days"),
    ("15.13.2026", "a year has 12 months"), ("2026-00", "a year has 12 months"),
])
def test_the_parser_says_the_day_is_not_in_the_calendar(text, reason):
    with pytest.raises(NotInCalendar) as caught:
        parse_user_date(text)
    assert str(caught.value) == f"{text} is not a date in the calendar: {reason}"
    assert parse_partial_date("29.02.2024").iso() == "2024-02-29"  # a leap year's day is one


def test_validation_tells_the_form_which_month_and_how_many_days():
    _, errors = validate("agreement", {"title_en": "x", "date_signed": "31.02.2026", "doc_type": "agreement",
                                       "partners": ["TUR"]},
                         ValidationContext(vocab={"doc_types": {"agreement"}}, ids={"partner": {"TUR"}}))
    error = next(e for e in errors if e.field == "date_signed")
    assert error.code == "bad_date"
    assert error.params == {"value": "31.02.2026", "problem": "no_such_day", "year": 2026, "month": 2, "days": 28}


@pytest.fixture
def window(open_window):
    w = open_window(complete=False)
    w.editing.show_message = lambda text: None
    return w


def form_error(window, text: str) -> str:
    form = RecordForm("agreement", window.editing, None, None, window)
    widget = form.widgets["date_signed"]
    assert isinstance(widget, QLineEdit)
    widget.setText(text)
    assert not form.try_accept()
    return form.error_texts()["date_signed"]


def test_the_form_says_the_day_does_not_exist(window, translator):
    assert form_error(window, "31.02.2026") == "There is no such day in the calendar: February 2026 has 28 days."
    assert form_error(window, "15.13.2026") == "There is no such month in the calendar: a year has 12 months."
    assert form_error(window, "01.01.2150") == "The year must be between 1800 and 2100."
    assert form_error(window, "soon") == "Not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY."
    translator.set_language("ru")
    assert form_error(window, "31.02.2026") == ("Такого дня нет в календаре: последнее число февраля 2026 года — "
                                                "28.")
    translator.set_language("kk")
    assert form_error(window, "31.04.2025") == "Күнтізбеде мұндай күн жоқ: 2025 жылғы сәуір айында 30 күн бар."


def test_the_import_dialog_says_it_too(window, translator, tmp_path: Path):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreement"))
    assert dialog.load(str(path)) and dialog.run_preview()
    rows = [dialog.rejections.item(i).text() for i in range(dialog.rejections.count())]
    assert rows == [
        "Row 3: Date signed: “31.02.2026” — There is no such day in the calendar: February 2026 has 28 days.",
        "Row 4: Date signed: “2025-04-31” — There is no such day in the calendar: April 2025 has 30 days.",
        "Row 5: Date signed: “15.13.2026” — There is no such month in the calendar: a year has 12 months.",
        "Row 6: Date signed: “01.01.2150” — The year must be between 1800 and 2100.",
        "Row 7: Date signed: “soon” — Not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD.MM.YYYY."]


def test_the_command_line_import_says_it_too(db_copy: Path, tmp_path: Path):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert import_main("agreement", str(path), str(db_copy), True, out=out, err=err) == 1
    lines = [line for line in out.getvalue().splitlines() if line.startswith("row ")]
    assert lines == [
        "row 3: date_signed: “31.02.2026” is not a date in the calendar: February 2026 has 28 days",
        "row 4: date_signed: “2025-04-31” is not a date in the calendar: April 2025 has 30 days",
        "row 5: date_signed: “15.13.2026” is not a date in the calendar: a year has 12 months",
        "row 6: date_signed: “01.01.2150”: the year must be between 1800 and 2100",
        "row 7: date_signed: “soon” is not a date (write dd.mm.yyyy, yyyy-mm-dd, mm.yyyy or yyyy)"]


def test_the_seed_build_names_the_missing_day(tmp_path: Path):
    from desktop.data.build import SeedError, build
    from tests.test_seed_build import _copy_seeds, _edit

    seed = _copy_seeds(tmp_path)
    _edit(seed, "agreements.csv", 3, "date_signed", "2025-02-30")
    with pytest.raises(SeedError) as info:
        build(seed, tmp_path / "out.sqlite")
    assert "bad date '2025-02-30': 2025-02-30 is not a date in the calendar: February 2025 has 28 days" in \
        str(info.value)
