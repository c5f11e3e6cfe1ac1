"""Text folding, stemming and transliteration keys for full-text search.

Both the indexed text and the user's query go through the same path, one raw word at a time
(:func:`terms_of`):

- **folding** (:func:`fold_word`): case (Kazakh letters included), ё -> е, Latin diacritics of
  Turkish, Azerbaijani, Turkmen and other languages removed (Erdoğan -> erdogan, ə -> e), and
  Kazakh letters to their Russian counterparts (ә -> а, ғ -> г, қ -> к, ң -> н, ө -> о, ұ ү -> у,
  һ -> х, і -> и), so that "Қазақстан" and "Казакстан" typed on a Russian keyboard meet;
- a Snowball **stem** (Russian for Cyrillic words, English for Latin ones). Whether a word is
  Kazakh is decided on the word as written (before folding): Kazakh words are left unstemmed in the
  index. A typed word's possible **Kazakh bases** (:func:`kazakh_bases`: "Түркиямен" -> "туркия") are
  the word with Kazakh case, possessive, plural and derivation endings taken off, by the rules kept as
  data in ``resources/search/kazakh_endings.csv``; the data layer keeps the base the index knows as a
  word (``desktop.data.wordforms``). No maintained Kazakh stemmer exists on PyPI (Snowball has none;
  the morphological analysers need resources that are not packaged), hence this small rule table;
- a **transliteration key** (:func:`translit_key`): a coarse, script-independent key so that Latin
  and Cyrillic spellings of one name meet (Tokayev, Tokaev, Токаев, Тоқаев). It is made by
  ``anyascii`` (Cyrillic, Kazakh letters included, to Latin) and a small ordered table of rules kept
  as data in ``resources/search/translit_keys.csv``, and starts with :data:`KEY_PREFIX` so that it
  never equals a real word.

Numbers written with group separators are one number: "12 000", "12,000", "12 000" (no-break
space), "12 000" (narrow no-break space) and "12000" all become "12000", where every group after the
first is exactly three digits. A decimal part stays a word of its own: "1 234,5" is "1234" and "5"
(typed the same way, it finds itself).

A query never reaches FTS5 as user syntax: it is reduced to word tokens, and each becomes a quoted
prefix term, so quotes, `*`, `AND`, `-`, `:`, `(`, NUL and the like can never raise.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple, Protocol

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_KAZAKH_ONLY = frozenset("әғқңөұүһі")
# Kazakh letters to the Russian letters a Russian keyboard gives for them (lower case: after casefold).
_KAZAKH_TO_RUSSIAN = str.maketrans("әғқңөұүһі", "агкноуухи")
# Latin letters that NFKD does not take apart: Turkish dotless ı, Azerbaijani ə.
_LATIN_SPECIAL = str.maketrans({"ı": "i", "ə": "e"})
# A number written in groups of three digits: "12 000", "12,000", "1 000 000" (space, no-break space,
# narrow no-break space, thin space or comma between the groups).
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009,]\d{3})+(?!\d)")
_GROUP_SEPARATORS = re.compile(r"[ \u00a0\u202f\u2009,]")
# What every grouped number holds: a digit, a separator, a digit (a quick test that spares most texts the above).
_MAYBE_GROUPED = re.compile(r"\d[ \u00a0\u202f\u2009,]\d")
MAX_QUERY_TOKENS = 24
MAX_TOKEN_CHARS = 60
# Every transliteration key starts with this, so that a key is never taken for a real word (no word
# in the data begins with "zq"); letters only, so FTS5's unicode61 tokenizer keeps a key one token.
KEY_PREFIX = "zq"
# The index term that marks a record as linked to a country (an agreement with Türkiye, a port in
# Azerbaijan): the key prefix, a digit (no key holds one) and the ISO3 code in lower case: "zq0tur".
# A query that names a country (by any of its alias names) finds the records linked to it this way.
COUNTRY_TERM_PREFIX = KEY_PREFIX + "0"
# Words shorter than this (in letters) have no transliteration key: too many short words would meet.
KEY_MIN_LETTERS = 4
_KEY_MIN_BODY = 3
_TRANSLIT_TABLE = ("search", "translit_keys.csv")
_KAZAKH_ENDINGS_TABLE = ("search", "kazakh_endings.csv")
# The slots of Kazakh endings, from the end of a word inwards: Түркия|лар|ы|мен (plural, possessive, case).
KAZAKH_SLOTS = ("case", "possessive", "plural", "derivation")
# A Kazakh base keeps at least this many letters, one of them a vowel.
KAZAKH_BASE_MIN = 3
_VOWELS = frozenset("аәеёиіоөуұүыэюя")


class _Stemmer(Protocol):
    """What this module uses of a Snowball stemmer (snowballstemmer ships no types)."""

    def stemWord(self, word: str) -> str: ...


@cache
def _stemmer(language: str) -> _Stemmer:
    """Snowball's stemmer for a language, made when first needed (not on the window's start path)."""
    import snowballstemmer

    stemmer: _Stemmer = snowballstemmer.stemmer(language)
    return stemmer


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff" or "\u0500" <= ch <= "\u052f"


def _fold_once(word: str) -> str:
    folded = word.casefold().replace("ё", "е")
    if folded.isascii():
        return folded
    out = []
    for ch in folded:
        if _is_cyrillic(ch):
            out.append(ch)
        else:
            decomposed = unicodedata.normalize("NFKD", ch.translate(_LATIN_SPECIAL))
            # Only letters and digits stay: a compatibility form can decompose into signs (¼ -> 1⁄4).
            out.append("".join(c for c in decomposed if c.isalnum()))
    return "".join(out).casefold().replace("ё", "е").translate(_KAZAKH_TO_RUSSIAN)


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """Case-fold a single word token; ё -> е; strip diacritics from non-Cyrillic letters; Kazakh
    letters to Russian ones; only letters and digits are kept. Folding a folded word changes nothing."""
    folded = _fold_once(word)
    # A compatibility letter can decompose into one that folds again (ℌ -> H -> h): fold to a fixed point.
    for _ in range(3):
        again = _fold_once(folded)
        if again == folded:
            break
        folded = again
    return folded


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


def _is_kazakh(word: str) -> bool:
    """Whether a word as written holds a letter only Kazakh uses (then it is not stemmed)."""
    return not _KAZAKH_ONLY.isdisjoint(word.casefold())


class TranslitRule(NamedTuple):
    """One row of the transliteration-key table: a regular expression and what replaces it."""

    pattern: re.Pattern[str]
    replacement: str
    note: str


@lru_cache(maxsize=1)
def translit_rules() -> tuple[tuple[TranslitRule, ...], tuple[TranslitRule, ...]]:
    """The rules of resources/search/translit_keys.csv, loaded once, as two ordered groups: the rows
    whose pattern holds a non-ASCII letter apply to the word as written (Latin letters with
    diacritics), before transliteration; the others to the transliterated ASCII word."""
    import csv  # (not on the window's start path)

    from desktop.paths import resource

    before: list[TranslitRule] = []
    after: list[TranslitRule] = []
    with resource(*_TRANSLIT_TABLE).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            rule = TranslitRule(re.compile(row["pattern"]), row["replacement"], row["note"])
            (after if row["pattern"].isascii() else before).append(rule)
    return tuple(before), tuple(after)


_NOT_KEY_CHAR = re.compile(r"[^a-z]")


@lru_cache(maxsize=200_000)
def translit_key(word: str) -> str | None:
    """A coarse, script-independent key of one word, so that its Latin and Cyrillic spellings meet
    (Tokayev, Tokaev, Токаев, Тоқаев all give "zqtukaev"); None for a word of fewer than
    KEY_MIN_LETTERS letters, for a word with a digit, and for one that leaves too little.

    The word is case-folded, the table's pre-transliteration rules applied, the rest turned into
    ASCII by anyascii (Cyrillic and Kazakh letters included), then the table's ASCII rules applied
    in order. Keys are coarse on purpose and can join different words (see tests/test_fold_translit.py).
    """
    if not word.isalpha() or len(word) < KEY_MIN_LETTERS:
        return None
    from anyascii import anyascii

    before, after = translit_rules()
    text = word.casefold().replace("ё", "е")
    for rule in before:
        text = rule.pattern.sub(rule.replacement, text)
    text = _NOT_KEY_CHAR.sub("", anyascii(text).lower())
    for rule in after:
        text = rule.pattern.sub(rule.replacement, text)
    if len(text) < _KEY_MIN_BODY:
        return None
    return KEY_PREFIX + text


def country_term(iso3: str) -> str:
    """The index term of records linked to a country: "TUR" -> "zq0tur" (see COUNTRY_TERM_PREFIX)."""
    return COUNTRY_TERM_PREFIX + iso3.strip().lower()


def _join_grouped_numbers(text: str) -> str:
    """'12 000' and '12,000' -> '12000' (see the module's docstring)."""
    if _MAYBE_GROUPED.search(text) is None:
        return text
    return _GROUPED_NUMBER.sub(lambda m: _GROUP_SEPARATORS.sub("", m.group()), text)


def raw_words(text: str | None) -> list[str]:
    """The words of a text as written (composed to NFC, grouped numbers joined), not folded."""
    if not text:
        return []
    return _TOKEN.findall(_join_grouped_numbers(unicodedata.normalize("NFC", text)))


def tokens(text: str | None) -> list[str]:
    """Folded word tokens of a text (no stemming)."""
    return [fold_word(t) for t in raw_words(text)]


@lru_cache(maxsize=200_000)
def terms_of(word: str) -> tuple[str, ...]:
    """The index terms of one raw word: its folded form, its stem if different (none for a Kazakh
    word), its transliteration keys if it has any (:func:`word_keys`, a name's stem's key too); none
    for a word that folds to nothing."""
    folded = fold_word(word)
    if not folded:
        return ()
    terms = [folded]
    if not _is_kazakh(word):
        stem = stem_word(folded)
        if stem != folded:
            terms.append(stem)
    terms.extend(word_keys(word, names_only=True))
    return tuple(terms)


def word_keys(word: str, *, names_only: bool = False) -> tuple[str, ...]:
    """A raw word's transliteration keys: its own (:func:`translit_key`) and, for a Russian word whose
    ending the stemmer takes off, its stem's too, so that an inflected form meets the name in Latin
    letters ("Токаевым", "Токаева" -> also the key of "токаев", which "Tokayev" has). Empty when the
    word has no key. ``names_only`` (the index's side): the stem's key only for a word written with a
    capital, a name; other words meet their forms in their own script by prefix, and a stem key for
    every word would cost the index more than it finds."""
    key = translit_key(word)
    if key is None or _is_kazakh(word) or not any(_is_cyrillic(c) for c in word) or (
            names_only and not word[:1].isupper()):
        return () if key is None else (key,)
    stem_key = translit_key(stem_word(fold_word(word)))
    return (key,) if stem_key is None or stem_key == key else (key, stem_key)


def index_text(*texts: str | None) -> str:
    """The text stored in an FTS5 column: each word's terms (:func:`terms_of`), separated by spaces."""
    parts: list[str] = []
    for text in texts:
        for word in raw_words(text):
            if word.isdigit() and word.isascii():  # a number is its own only term (without filling terms_of's cache)
                parts.append(word)
            else:
                parts.extend(terms_of(word))
    return " ".join(parts)


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):  # (up to the shorter word)
        if x != y:
            break
        n += 1
    return a[:n]


_OPERATORS = frozenset({"AND", "OR", "NOT", "NEAR"})


class QueryWord(NamedTuple):
    """One word of a user query: ``text`` the word as typed, folded; ``prefix`` the prefix term that
    finds its forms (the common part of the word and its stem); ``key`` its transliteration key term,
    or None (and a Russian word's stem's key, see :func:`word_keys`); ``bases`` the word's possible
    Kazakh bases, shortest first (:func:`kazakh_bases`), for the data layer to choose from."""

    text: str
    prefix: str
    key: str | None
    stem_key: str | None = None  # a Russian word's stem's key, when it differs (see word_keys)
    bases: tuple[str, ...] = ()
    kazakh: bool = False  # written with a letter only Kazakh uses

    def as_base(self, base: str) -> QueryWord:
        """This word read as the Kazakh base ``base`` (one of :attr:`bases`): its forms are found by it."""
        keys = word_keys(base)
        return QueryWord(base, base, keys[0] if keys else None, keys[1] if len(keys) > 1 else None,
                         kazakh=self.kazakh)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for k in (self.key, self.stem_key) if k)


def query_words(text: str | None) -> list[QueryWord]:
    """The words of a user query (at most MAX_QUERY_TOKENS distinct prefixes, each bounded).

    FTS5 operator words typed in capitals (AND, OR, NOT, NEAR) are dropped: search always means
    "all of these words"; signs are not words.
    """
    words: list[QueryWord] = []
    seen: set[str] = set()
    for word in raw_words(text):
        if word in _OPERATORS:
            continue
        word = word[:MAX_TOKEN_CHARS]
        folded = fold_word(word)[:MAX_TOKEN_CHARS]
        if not folded:
            continue
        stem = folded if _is_kazakh(word) else stem_word(folded)
        prefix = _common_prefix(folded, stem) or folded
        if prefix in seen:
            continue
        seen.add(prefix)
        keys = word_keys(word)
        words.append(QueryWord(folded, prefix, keys[0] if keys else None, keys[1] if len(keys) > 1 else None,
                               kazakh_bases(word), _is_kazakh(word)))
        if len(words) >= MAX_QUERY_TOKENS:
            break
    return words


@lru_cache(maxsize=1)
def kazakh_endings() -> tuple[dict[str, tuple[str, ...]], dict[str, str]]:
    """The rules of resources/search/kazakh_endings.csv, loaded once: each slot's endings (folded, longest
    first) and the final-letter alternations (folded letter -> what it was: "г" -> "к")."""
    import csv  # (not on the window's start path)

    from desktop.paths import resource

    slots: dict[str, list[str]] = {slot: [] for slot in KAZAKH_SLOTS}
    alternations: dict[str, str] = {}
    with resource(*_KAZAKH_ENDINGS_TABLE).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            ending = fold_word(row["ending"])
            if row["slot"] == "alternation":
                alternations[ending] = fold_word(row["becomes"])
            else:
                slots[row["slot"]].append(ending)
    return {slot: tuple(sorted(set(e), key=len, reverse=True)) for slot, e in slots.items()}, alternations


def _base_ok(base: str) -> bool:
    return len(base) >= KAZAKH_BASE_MIN and not _VOWELS.isdisjoint(base)


@lru_cache(maxsize=20_000)
def kazakh_bases(word: str) -> tuple[str, ...]:
    """The folded bases a raw word may have under Kazakh endings, shortest first: "Түркиямен" ->
    ("туркия",), "келісімдерінің" -> ("келисим", "келисимдер", ...); none for a word that is not
    Cyrillic. A base ending in a voiced consonant also gives the base with the voiceless one it was
    ("ынтымақтастығы" -> also "ынтымактастык"). Every base is only a candidate: the data layer keeps
    one that the index holds as a word (desktop.data.wordforms)."""
    folded = fold_word(word)
    if not folded or not any(_is_cyrillic(c) for c in folded) or not folded.isalpha():
        return ()
    slots, alternations = kazakh_endings()
    found: set[str] = set()

    def strip(stem: str, first_slot: int) -> None:
        for i in range(first_slot, len(KAZAKH_SLOTS)):
            for ending in slots[KAZAKH_SLOTS[i]]:
                if stem.endswith(ending) and _base_ok(base := stem[:-len(ending)]):
                    found.add(base)
                    if base[-1] in alternations:
                        found.add(base[:-1] + alternations[base[-1]])
                    strip(base, i + 1)

    strip(folded, 0)
    found.discard(folded)
    return tuple(sorted(found, key=lambda b: (len(b), b)))


def query_terms(text: str | None) -> list[str]:
    """The prefix terms a user query stands for (at most MAX_QUERY_TOKENS, each bounded)."""
    return [w.prefix for w in query_words(text)]


def match_expression(text: str | None) -> str | None:
    """An FTS5 MATCH expression for a user query, or None when it holds no word at all.

    Terms contain only letters and digits, so quoting them is always safe.
    """
    terms = query_terms(text)
    if not terms:
        return None
    return " AND ".join(f'"{t}"*' for t in terms)
