"""Dates and numbers in the Kazakh way (issue 20, item 2), from Qt's and CLDR's locale data."""
from __future__ import annotations

from desktop.qt.agreements.agreements_model import format_partial_date
from desktop.qt.i18n import locale_for


def test_dates_use_the_kazakh_month_names_of_qt():
    kk = locale_for("kk")
    assert format_partial_date("2025-03-05", kk) == "5 нау. 2025"  # Qt's short Kazakh month name
    assert format_partial_date("2024-04", kk).lower().startswith("сәу")
    assert kk.toString(1234567.5, "f", 1) == "1\u00a0234\u00a0567,5"  # thousands by a no-break space, decimal comma


def test_money_in_kazakh_and_russian_has_the_languages_words_and_a_decimal_comma(qtbot, repo, translator):
    from desktop.app import build_window

    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    trade = window.view("trade")
    for lang in ("kk", "ru"):
        window.action_table[f"lang_{lang}"].trigger()
        assert trade.money(3400.0) == "$3,4\u00a0млрд"  # as the fact sheets write it
        assert trade.money(640.0) == "$640\u00a0млн"
    window.action_table["lang_en"].trigger()
    assert trade.money(3400.0) == "$3.4 bn"
    window.search.shutdown()
