"""Partial dates: YYYY, YYYY-MM or YYYY-MM-DD, kept at the precision a source gives."""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import Enum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DOTTED_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")

MIN_YEAR = 1800
MAX_YEAR = 2200


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateError(ValueError):
    """A text that is not a valid partial date."""


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def iso(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"

    def __str__(self) -> str:
        return self.iso()


def parse_partial_date(text: str) -> PartialDate:
    """Parse YYYY, YYYY-MM, YYYY-MM-DD, dd.mm.yyyy or mm.yyyy; raise DateError if invalid."""
    s = (text or "").strip()
    m = _ISO.match(s)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        month_i = int(month) if month else None
        day_i = int(day) if day else None
    elif (m := _DOTTED.match(s)) is not None:
        day_i, month_i, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    elif (m := _DOTTED_MONTH.match(s)) is not None:
        month_i, year, day_i = int(m.group(1)), int(m.group(2)), None
    else:
        raise DateError(f"not a date: {s!r} (expected YYYY, YYYY-MM, YYYY-MM-DD or dd.mm.yyyy)")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"year out of range: {year}")
    if month_i is not None and not 1 <= month_i <= 12:
        raise DateError(f"month out of range: {month_i}")
    if day_i is not None:
        try:
            _dt.date(year, month_i, day_i)  # type: ignore[arg-type]
        except ValueError as exc:
            raise DateError(f"no such day: {s!r}") from exc
    return PartialDate(year, month_i, day_i)


def normalise_date(text: str | None) -> str | None:
    """ISO text of a partial date, or None for an empty value; raise DateError if invalid."""
    if text is None or not str(text).strip():
        return None
    return parse_partial_date(str(text)).iso()


def precision_of(iso: str | None) -> Precision | None:
    if not iso:
        return None
    return parse_partial_date(iso).precision
