"""Issue 16, item 16: a search that holds no word ("%", "_", a bare "AND", "*", a quote) finds nothing,
in the table (with the empty-state message), the events list and the command line."""
from __future__ import annotations

import io
import json

import pytest

from desktop.cli import search_command
from tests.test_agreements_view import settle, type_text, view  # noqa: F401  (the view fixture)

NO_WORDS = ["%", "_", "AND", "NOT", "*", '"']


@pytest.mark.parametrize("text", NO_WORDS)
def test_table_shows_the_empty_state_for_a_search_without_words(qtbot, view, text):  # noqa: F811
    type_text(view.search_box, text)
    settle(qtbot, view)
    assert view.model.rowCount() == 0
    assert view.stack.currentWidget() is view.empty_label
    assert "contains no words to look for" in view.empty_label.text()
    assert view.count_label.text().startswith("0 of ")


@pytest.mark.parametrize("text", NO_WORDS)
def test_events_search_without_words_finds_nothing(repo, text):
    assert repo.search_events(text) == []
    assert repo.search_events("   ")  # nothing typed lists every event


@pytest.mark.parametrize("text", ["%", "_", "AND"])
def test_command_line_search_without_words_finds_nothing(db_copy, text):
    out, err = io.StringIO(), io.StringIO()
    assert search_command(text, None, str(db_copy), True, 50, out, err) == 0
    assert json.loads(out.getvalue()) == []
