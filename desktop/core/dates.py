"""Partial dates: YYYY, YYYY-MM or YYYY-MM-DD, kept at the precision a source gives."""
from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from enum import StrEnum

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DOTTED_MONTH = re.compile(r"^(\d{1,2})\.(\d{4})$")

MIN_YEAR = 1800
MAX_YEAR = 2200


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class DateError(ValueError):
    """A text that is not a valid partial date."""


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")


class NotInCalendar(DateError):
    """A text written as a date whose day or month the calendar does not have (31.02.2026, 15.13.2026): the
    form was right, the date does not exist. ``days`` is the number of days of that month (None when the
    month itself does not exist), for a message that says so."""

    def __init__(self, text: str, year: int, month: int, day: int | None):
        self.text, self.year, self.month, self.day = text, year, month, day
        self.days = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else None
        super().__init__(f"{text} is not a date in the calendar: {calendar_reason(year, month)}")


def calendar_reason(year: int, month: int) -> str:
    """Why a day of ``month`` in ``year`` is not in the calendar, in English: "February 2026 has 28 days" ("a
    year has 12 months" when the month itself does not exist)."""
    if not 1 <= month <= 12:
        return "a year has 12 months"
    return f"{_MONTH_NAMES[month - 1]} {year} has {calendar.monthrange(year, month)[1]} days"


class YearOutOfRange(DateError):
    """A date whose year is outside the years the atlas takes (``minimum``..``maximum``)."""

    def __init__(self, text: str, year: int, minimum: int, maximum: int):
        self.text, self.year, self.minimum, self.maximum = text, year, minimum, maximum
        super().__init__(f"{text}: the year must be between {minimum} and {maximum}")


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

    def first_day(self) -> _dt.date:
        """The first calendar day the date covers (1 January of a year, the 1st of a month)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

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
        raise YearOutOfRange(s, year, MIN_YEAR, MAX_YEAR)
    if month_i is not None and not 1 <= month_i <= 12:
        raise NotInCalendar(s, year, month_i, day_i)
    if day_i is not None:
        try:
            _dt.date(year, month_i, day_i)  # type: ignore[arg-type]
        except ValueError as exc:
            raise NotInCalendar(s, year, month_i, day_i) from exc  # type: ignore[arg-type]
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
