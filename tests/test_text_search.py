"""Full-text search: word forms, ё/е, case (Kazakh letters included), prefixes, hostile input."""
from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.text import fold_word, index_text, match_expression
from desktop.data.agreements import AgreementQuery, AgreementSearch
from desktop.data.database import create_database

TITLES = {
    "ru_plural_gen": ("Пакет из 18 соглашений", None),
    "ru_plural_nom": ("Подписаны соглашения о транзите", None),
    "ru_visit_gen": ("Итоги официального визита в Анкару", None),
    "en_singular": (None, "Agreement on military cooperation"),
    "yo": ("Совместное заявление: ещё одна договорённость", None),
    "kazakh": ("ҚАЗАҚСТАН ӘЗІРБАЙЖАН ҒЫЛЫМ ҰЛТТЫҚ ҮКІМЕТ ҺӘМ ІСКЕР", None),
    "turkish": (None, "Meeting with Erdoğan in İstanbul"),
    "law": (None, "Law No. 54-III on ratification"),
    "transport": ("Транскаспийский маршрут и транспортные коридоры", None),
}


@pytest.fixture
def search(tmp_path: Path):
    db = create_database(tmp_path / "search.sqlite")
    c = db.conn
    c.execute("INSERT INTO doc_types VALUES ('agreement', 'Agreement', 'Соглашение', NULL, 0)")
    c.execute("INSERT INTO agreement_statuses VALUES ('signed', 'Signed', 'Подписано', NULL, 0)")
    for uid, (ru, en) in TITLES.items():
        c.execute("INSERT INTO agreements (uid, title_ru, title_en, doc_type, status) "
                  "VALUES (?, ?, ?, 'agreement', 'signed')", (uid, ru, en))
    yield AgreementSearch(db), db
    db.close()


def found(search, text: str) -> set[str]:
    s, db = search
    ids = s.page(AgreementQuery(text=text), limit=100).ids
    uids = {r[0] for r in db.conn.execute(
        f"SELECT uid FROM agreements WHERE id IN ({','.join(map(str, ids)) or '0'})")}
    assert s.count(AgreementQuery(text=text)) == len(uids)
    return uids


@pytest.mark.parametrize("query, expected", [
    ("соглашение", {"ru_plural_gen", "ru_plural_nom"}),
    ("Соглашений", {"ru_plural_gen", "ru_plural_nom"}),
    ("визит", {"ru_visit_gen"}),
    ("agreements", {"en_singular"}),
    ("AGREEMENT", {"en_singular"}),
    ("еще", {"yo"}),
    ("ещё", {"yo"}),
    ("договоренность", {"yo"}),
    ("қазақстан", {"kazakh"}),
    ("әзірбайжан ғылым ұлттық үкімет һәм іскер", {"kazakh"}),
    ("Erdogan istanbul", {"turkish"}),
    ("54-III", {"law"}),
    ("No. 54-III", {"law"}),
    ("транс", {"transport"}),
    ("тран", {"transport", "ru_plural_nom"}),
    ("соглаш транз", {"ru_plural_nom"}),
    ("military cooperation", {"en_singular"}),
    ("visa", set()),
])
def test_word_forms_case_prefix(search, query, expected):
    assert found(search, query) == expected


HOSTILE = [
    '"', '""', "'", "*", "**", "AND", "OR", "NOT", "NEAR", "-", "--визит", ":", "title:визит", "(", ")", "((",
    "соглашение AND", "AND соглашение", "\x00", "соглаш\x00ение", "", " ", "\t\n ", "^", "NEAR(a b)",
    "визит" * 2000, "а " * 5000, "\ud800", "🙂", "%_%", "' OR 1=1 --", "{col}", "a" * 10_000,
]


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_raises(search, text):
    s, _ = search
    q = AgreementQuery(text=text)
    result = s.search(q)
    assert result.total == s.count(q)
    assert len(result.ids) <= result.total or result.total == len(result.ids)


def test_empty_query_shows_everything(search):
    s, _ = search
    for text in ("", "   ", "\t\n "):
        assert s.count(AgreementQuery(text=text)) == len(TITLES)


@pytest.mark.parametrize("text", ["%", "_", "%_%", "AND", "NOT", "OR NOT", "*", "***", '"', "-", "'", ":"])
def test_a_query_without_words_finds_nothing(search, text):
    """Signs and operator words are not words: they match nothing (not every record)."""
    s, _ = search
    q = AgreementQuery(text=text)
    assert s.count(q) == 0
    assert s.page(q).ids == []


def test_kazakh_case_folding_covers_every_special_letter():
    # Issue 17: Kazakh letters fold to their Russian counterparts, so both spellings meet.
    upper, lower = "ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі"
    assert fold_word(upper) == fold_word(lower) == "агкноуухи"
    assert fold_word("ЁЖИК") == "ежик"


def test_index_text_keeps_word_and_stem():
    # Issue 17: the word's transliteration key follows its word and stem.
    assert index_text("соглашений").split() == ["соглашений", "соглашен", "zqsuklashen"]
    assert match_expression("соглашение") == '"соглашен"*'


def test_match_expression_is_bounded():
    expr = match_expression(" ".join(f"w{i}" for i in range(500)))
    assert expr.count("AND") == 23
    assert match_expression("AND OR NOT") is None


def test_a_key_joins_the_query_only_where_it_adds_agreements(tmp_path: Path):
    """Tokaev typed in Latin finds Токаев through its key; a word written one way everywhere ("cooperation")
    stays one exact term, so the table's fast paths (an exact count, cheap probes) still apply."""
    db = create_database(tmp_path / "keys.sqlite")
    c = db.conn
    c.execute("INSERT INTO doc_types VALUES ('agreement', 'Agreement', 'Соглашение', NULL, 0)")
    c.execute("INSERT INTO agreement_statuses VALUES ('signed', 'Signed', 'Подписано', NULL, 0)")
    for uid, ru, en in (("a", "Визит К.-Ж. Токаева", None), ("b", None, "Cooperation plan"),
                        ("c", None, "Cooperation in transport")):
        c.execute("INSERT INTO agreements (uid, title_ru, title_en, doc_type, status) VALUES (?, ?, ?, 'agreement', "
                  "'signed')", (uid, ru, en))
    search = AgreementSearch(db)
    assert search.count(AgreementQuery(text="Tokaev")) == 1
    assert "zq" in (search.expand("Tokaev").expr or "")
    cooperation = search.expand("cooperation")
    assert cooperation.exact and cooperation.expr == '"cooper"'
    assert search.count(AgreementQuery(text="cooperation")) == 2
    db.close()
