"""Text folding and stemming for full-text search.

Both the indexed text and the user's query go through the same folding:
case folding (Kazakh letters included), ё -> е, Latin diacritics removed (Erdoğan -> erdogan),
and a Snowball stem (Russian for Cyrillic words, English for Latin ones; Kazakh-specific words are
left unstemmed). The index stores each word's folded form and, where different, its stem, so that
"соглашение" finds "соглашений" and "визита" finds "визит".

A query never reaches FTS5 as user syntax: it is reduced to word tokens, and each becomes a quoted
prefix term, so quotes, `*`, `AND`, `-`, `:`, `(`, NUL and the like can never raise.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_KAZAKH_ONLY = frozenset("әғқңөұүһі")
MAX_QUERY_TOKENS = 24
MAX_TOKEN_CHARS = 60


@lru_cache(maxsize=None)
def _stemmer(language: str):
    """Snowball's stemmer for a language, made when first needed (not on the window's start path)."""
    import snowballstemmer

    return snowballstemmer.stemmer(language)


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Case-fold a single word token; ё -> е; strip diacritics from non-Cyrillic letters."""
    folded = word.casefold().replace("ё", "е")
    if folded.isascii():
        return folded
    out = []
    for ch in folded:
        if _is_cyrillic(ch):
            out.append(ch)
        elif ch == "ı":  # Turkish dotless i
            out.append("i")
        else:
            decomposed = unicodedata.normalize("NFKD", ch)
            out.append("".join(c for c in decomposed if not unicodedata.combining(c)))
    return "".join(out)


@lru_cache(maxsize=200_000)
def stem_word(folded: str) -> str:
    """Snowball stem of an already folded word ('' stays '')."""
    if not folded or folded.isdigit():
        return folded
    if any(_is_cyrillic(c) for c in folded):
        if _KAZAKH_ONLY.intersection(folded):
            return folded
        return _stemmer("russian").stemWord(folded)
    return _stemmer("english").stemWord(folded)


def tokens(text: str | None) -> list[str]:
    """Folded word tokens of a text (no stemming)."""
    if not text:
        return []
    return [fold_word(t) for t in _TOKEN.findall(text)]


def index_text(*texts: str | None) -> str:
    """The text stored in an FTS5 column: each folded word, followed by its stem if different."""
    parts: list[str] = []
    for text in texts:
        for tok in tokens(text):
            parts.append(tok)
            stem = stem_word(tok)
            if stem != tok:
                parts.append(stem)
    return " ".join(parts)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return a[:n]


_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


def query_terms(text: str | None) -> list[str]:
    """The prefix terms a user query stands for (at most MAX_QUERY_TOKENS, each bounded).

    FTS5 operator words typed in capitals (AND, OR, NOT, NEAR) are dropped: search always means
    "all of these words".
    """
    terms: list[str] = []
    seen: set[str] = set()
    words = [w for w in _TOKEN.findall(text or "") if w not in _OPERATORS]
    for tok in (fold_word(w) for w in words):
        tok = tok[:MAX_TOKEN_CHARS]
        stem = stem_word(tok)
        term = _common_prefix(tok, stem) or tok
        if term not in seen:
            seen.add(term)
            terms.append(term)
        if len(terms) >= MAX_QUERY_TOKENS:
            break
    return terms


def match_expression(text: str | None) -> str | None:
    """An FTS5 MATCH expression for a user query, or None when it holds no word at all.

    Terms contain only letters and digits, so quoting them is always safe.
    """
    terms = query_terms(text)
    if not terms:
        return None
    return " AND ".join(f'"{t}"*' for t in terms)
