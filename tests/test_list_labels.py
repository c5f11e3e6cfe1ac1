"""The record lists name a place's kind, a segment's mode and status and a fact's measure as the forms do, in the
interface language, never by their codes."""
from __future__ import annotations

import pytest

from desktop.data.lists import RecordLists


@pytest.mark.parametrize(("lang", "words", "codes"), [
    ("kk", ("Шекара өткелі", "Порт"), ("border_crossing", "port")),
    ("ru", ("Пограничный переход", "Порт"), ("border_crossing", "port")),
    ("en", ("Border crossing", "Port"), ("border_crossing",)),
])
def test_a_place_is_listed_with_its_kind_in_words(repo, lang: str, words: tuple[str, ...], codes: tuple[str, ...]):
    lists = RecordLists(repo.db)
    ids = [r[0] for r in repo.db.conn.execute("SELECT id FROM nodes WHERE kind IN ('border_crossing', 'port')")]
    labels = " | ".join(lists.labels("node", ids, lang).values())
    assert all(w in labels for w in words), labels
    assert not any(f", {c})" in labels for c in codes), labels


def test_a_segment_and_a_fact_are_listed_in_words(repo):
    lists = RecordLists(repo.db)
    segment = repo.db.conn.execute("SELECT id FROM segments ORDER BY id").fetchone()[0]
    fact, metric = repo.db.conn.execute(
        "SELECT f.id, m.name_ru FROM facts f JOIN metrics m ON m.code = f.metric WHERE m.name_ru IS NOT NULL "
        "ORDER BY f.id").fetchone()
    assert not any(c.isascii() and c.isalpha() and c.islower() for c in
                   lists.labels("segment", [segment], "ru")[segment].split("(")[-1]), "mode and status in Russian"
    assert metric in lists.labels("fact", [fact], "ru")[fact]
