"""A year range given backwards (from 2025 to 2020) once matched nothing, silently: the agreements view swaps
it, shows the swapped years in its boxes and says so in the filter line."""
from __future__ import annotations

import pytest


@pytest.fixture
def view(open_window):
    return open_window().agreements


def settle(qtbot, view) -> None:
    qtbot.waitUntil(view.is_settled, timeout=10_000)


def test_a_range_typed_backwards_is_swapped_where_the_user_sees_it(qtbot, view):
    view.year_from.setValue(2025)  # as the arrows or typing and Enter set it
    view.year_to.setValue(2020)
    settle(qtbot, view)
    assert (view.year_from.value(), view.year_to.value()) == (2020, 2025)
    assert view.years_note.isVisibleTo(view) and view.years_note.text() == "Years swapped: 2020–2025"
    assert "Years: 2020–2025" in view.chips.texts()
    assert view.model.rowCount() > 0
    q = view.query()
    assert (q.year_from, q.year_to) == (2020, 2025)
    # the next change that is in order takes the note away
    view.year_to.setValue(2024)
    settle(qtbot, view)
    assert not view.years_note.isVisibleTo(view)
    assert (view.year_from.value(), view.year_to.value()) == (2020, 2024)


def test_set_years_and_clearing_the_filter(qtbot, view):
    view.set_years(2024, 2019)
    settle(qtbot, view)
    assert (view.year_from.value(), view.year_to.value()) == (2019, 2024)
    assert view.years_note.text() == "Years swapped: 2019–2024" and view.years_note.isVisibleTo(view)
    view.remove_filter("years")
    settle(qtbot, view)
    assert not view.years_note.isVisibleTo(view)
    assert view.query().year_from is None and view.query().year_to is None
    view.set_years(2021, 2021)  # one year is a range in order
    settle(qtbot, view)
    assert not view.years_note.isVisibleTo(view)


def test_the_note_in_russian(view, translator):
    view.set_years(2025, 2020)
    translator.set_language("ru")
    assert view.years_note.text() == "Годы переставлены: 2020–2025"


def test_the_data_layer_reads_a_range_given_backwards_as_the_same_range(repo):
    from desktop.data.agreements import AgreementQuery, AgreementSearch

    search = AgreementSearch(repo.db)
    forwards = search.count(AgreementQuery(year_from=2018, year_to=2024))
    assert forwards > 0
    assert search.count(AgreementQuery(year_from=2024, year_to=2018)) == forwards
