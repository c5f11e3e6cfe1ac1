"""Kazakh word forms in a query: "Түркиямен" (with Türkiye) is searched as "Түркия" (issue 20).

:func:`desktop.core.text.kazakh_bases` lists the bases a typed word may have under Kazakh endings; this
module keeps the one the database knows as a word, so that only real bases are searched:

- a word written with a Kazakh letter ("Түркиямен", "Қазақстанның") is read as its shortest base that
  some record or alias holds as a whole word ("туркия", "казакстан"), or as typed when it has none;
- a word written without one (typed on a Russian keyboard: "Туркиямен", "Казахстанда", or a Russian
  word) is read so only when its own forms are in no record: a Russian word that the data holds keeps
  its Russian reading ("Ташкента" stays, "порты" stays).

The words are looked up in the terms the search keeps for every kind (``search_terms`` for agreements,
``find_terms`` for the others) and in the alias names' terms: a handful of indexed point lookups.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from desktop.core.text import QueryWord, query_words
from desktop.data.migrations import FIND_INDEX

# The kinds whose terms find_terms keeps (the agreements' are in search_terms).
_TERM_KINDS = ("event", *FIND_INDEX)
_KINDS = ", ".join(f"'{k}'" for k in _TERM_KINDS)


def _is_word(conn: sqlite3.Connection, term: str) -> bool:
    """Whether some record's index (or an alias name) holds ``term`` as a whole word."""
    row = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM search_terms WHERE term = :t AND docs > 0) "
        f"OR EXISTS (SELECT 1 FROM find_terms WHERE kind IN ({_KINDS}) AND term = :t) "
        "OR EXISTS (SELECT 1 FROM alias_terms WHERE term = :t)", {"t": term}).fetchone()
    return int(row[0]) == 1


def _begins_a_word(conn: sqlite3.Connection, prefix: str) -> bool:
    """Whether some record's index holds a word that begins with ``prefix``."""
    bounds = {"lo": prefix, "hi": prefix + "\U0010ffff"}
    if conn.execute("SELECT 1 FROM search_terms WHERE term >= :lo AND term < :hi AND docs > 0 LIMIT 1",
                    bounds).fetchone():
        return True
    return any(conn.execute("SELECT 1 FROM find_terms WHERE kind = :kind AND term >= :lo AND term < :hi LIMIT 1",
                            {**bounds, "kind": kind}).fetchone() for kind in _TERM_KINDS)


def read_word(conn: sqlite3.Connection, word: QueryWord) -> QueryWord:
    """The word as the search reads it: as its Kazakh base where the rules above say so, else as typed."""
    if not word.bases or (not word.kazakh and _begins_a_word(conn, word.prefix)):
        return word
    for base in word.bases:  # (shortest first)
        if _is_word(conn, base):
            return word.as_base(base)
    return word


def read_query(conn: sqlite3.Connection, text: str | None,
               words: Sequence[QueryWord] | None = None) -> list[QueryWord]:
    """The words of a query (``query_words(text)`` unless given), each read by :func:`read_word`."""
    return [read_word(conn, w) for w in (query_words(text) if words is None else words)]
