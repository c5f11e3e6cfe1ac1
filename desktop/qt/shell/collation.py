"""Names in the order of the interface language's alphabet, from Qt's collation (ICU's CLDR rules, shipped with
Qt): in Kazakh Ә comes after А, Ғ after Г, Қ after К, Ң after Н, Ө after О, Ұ and Ү after У, Һ after Х and І after
Ы; in Russian and English their own orders. Never a table of letters typed into code."""
from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cmp_to_key

from PySide6.QtCore import QCollator

from desktop.qt.i18n import current_language, locale_for


def collator(lang: str | None = None) -> QCollator:
    """A case-insensitive collator for ``lang`` (default: the interface language), digits compared as numbers."""
    result = QCollator(locale_for(lang or current_language()))
    result.setCaseSensitivity(result.caseSensitivity().CaseInsensitive)
    result.setNumericMode(True)
    return result


def sorted_by_name[T](items: Iterable[T], name: Callable[[T], str], lang: str | None = None) -> list[T]:
    """``items`` ordered by ``name(item)`` in the alphabet of ``lang`` (default: the interface language)."""
    compare = collator(lang).compare
    return sorted(items, key=lambda item: cmp_to_key(compare)(name(item) or ""))
