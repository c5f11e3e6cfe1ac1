"""What the trade panel plots, worked out from the records (no Qt): one value per full year for each
measure, partial periods apart, the other sources' figures apart, and the targets with the growth
they need.

Values are USD million, seen from Kazakhstan (exports = Kazakhstan's exports to the partner).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.records import Target, TradeFigure

MEASURES = ("turnover", "exports", "imports")
_FIELD = {"turnover": "turnover_usd_m", "exports": "exports_usd_m", "imports": "imports_usd_m"}
# Kazakhstan's own statistics first when a year has several figures and no preferred one is marked
_STATISTICS_ORDER = {"kazakh": 0, "partner": 1, "other": 2, "unknown": 3}
_TARGET_METRIC = {"trade_turnover": "turnover", "exports": "exports", "imports": "imports"}


@dataclass(frozen=True)
class TradePoint:
    """One plotted value: a figure's measure for its year and period."""

    measure: str
    year: int
    period: str  # "FY", "H1", "Q1", "9M", ...
    value: float  # USD million
    statistics: str  # kazakh, partner, other, unknown
    qualifier: str  # exact, approx, lower_bound, upper_bound
    record_id: int
    preferred: bool | None  # None: the figure is in no conflict

    @property
    def months(self) -> int:
        return period_months(self.period)


@dataclass(frozen=True)
class TradePlot:
    """A partner's trade, ready to draw: ``lines`` (full years, the preferred figure of each year),
    ``partials`` (part-year periods, never joined to the lines) and ``others`` (the figures of a
    year that are not the preferred one: another side's statistics, other sources)."""

    partner: str
    lines: dict[str, list[TradePoint]]
    partials: dict[str, list[TradePoint]]
    others: dict[str, list[TradePoint]]

    def years(self) -> list[int]:
        found = {p.year for series in (self.lines, self.partials, self.others) for pts in series.values() for p in pts}
        return sorted(found)

    def latest_full_year(self, measure: str = "turnover") -> TradePoint | None:
        points = self.lines.get(measure) or []
        return points[-1] if points else None

    def all_points(self) -> list[tuple[str, TradePoint]]:
        """Every plotted value with the layer it is drawn in ("line", "partial" or "other")."""
        out = []
        for layer, series in (("line", self.lines), ("partial", self.partials), ("other", self.others)):
            for measure in MEASURES:
                out += [(layer, p) for p in series.get(measure, [])]
        return out


def period_months(period: str) -> int:
    """How many months a period covers from January: FY 12, H1 6, Q1 3, 9M 9, ..."""
    if period == "FY":
        return 12
    if period == "H1":
        return 6
    if period == "Q1":
        return 3
    match = re.fullmatch(r"(\d{1,2})M", period)
    if match and 1 <= int(match.group(1)) <= 12:
        return int(match.group(1))
    raise ValueError(f"unknown period {period!r}")


def trade_plot(partner: str, figures: list[TradeFigure]) -> TradePlot:
    """Sort a partner's figures into lines, partials and others, for each measure."""
    lines: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    partials: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    others: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    full = [f for f in figures if f.period == "FY"]
    by_year: dict[int, list[TradeFigure]] = {}
    for f in full:
        by_year.setdefault(f.year, []).append(f)
    for year in sorted(by_year):
        chosen = _preferred(by_year[year])
        for f in by_year[year]:
            for measure in MEASURES:
                value = getattr(f, _FIELD[measure])
                if value is None:
                    continue
                point = _point(measure, f, value)
                (lines if f is chosen else others)[measure].append(point)
    for f in figures:
        if f.period == "FY" or f.is_preferred is False:
            if f.period != "FY":  # a part-year figure another source disagrees with: with the others
                for measure in MEASURES:
                    value = getattr(f, _FIELD[measure])
                    if value is not None:
                        others[measure].append(_point(measure, f, value))
            continue
        for measure in MEASURES:
            value = getattr(f, _FIELD[measure])
            if value is not None:
                partials[measure].append(_point(measure, f, value))
    # a measure missing from the preferred figure of a year is not filled in from another figure:
    # the line has a gap there, and the other figure stays among the others
    return TradePlot(partner, lines, partials, others)


def _preferred(figures: list[TradeFigure]) -> TradeFigure:
    marked = [f for f in figures if f.is_preferred is True]
    if marked:
        return marked[0]
    free = [f for f in figures if f.is_preferred is None] or figures
    return min(free, key=lambda f: (_STATISTICS_ORDER.get(f.statistics, 9), f.id))


def _point(measure: str, f: TradeFigure, value: float) -> TradePoint:
    return TradePoint(measure, f.year, f.period, float(value), f.statistics, f.qualifier, f.id, f.is_preferred)


@dataclass(frozen=True)
class TargetLine:
    """A target as drawn: its value from the year it was stated to its horizon (or, without one, to
    the end of the chart), and the growth a year it needs from the latest full year."""

    target: Target
    measure: str
    value: float | None  # USD million; None for a multiple of an unstated base ("double the trade")
    start_year: int | None
    horizon_year: int | None
    growth: float | None  # e.g. 0.125 for +12.5% a year; None without a horizon or a base
    base: TradePoint | None  # the latest full year the growth is measured from
    horizon_passed: bool

    @property
    def emphasised(self) -> bool:
        """The preferred member of a conflict, or a target no other contradicts."""
        return self.target.is_preferred is not False


def target_lines(targets: list[Target], plot: TradePlot) -> list[TargetLine]:
    out = []
    for t in targets:
        measure = _TARGET_METRIC.get(t.metric, "turnover")
        start = int(t.stated_on[:4]) if t.stated_on and t.stated_on[:4].isdigit() else None
        base = plot.latest_full_year(measure)
        growth, passed = None, False
        if t.value_usd_m is not None and t.horizon_year is not None and base is not None:
            if t.horizon_year > base.year and base.value > 0:
                growth = needed_growth(base.value, t.value_usd_m, t.horizon_year - base.year)
            else:
                passed = t.horizon_year <= base.year
        out.append(TargetLine(t, measure, t.value_usd_m, start, t.horizon_year, growth, base, passed))
    return out


def needed_growth(current: float, target: float, years: int) -> float:
    """The compound annual growth that takes ``current`` to ``target`` in ``years`` years."""
    if current <= 0 or years <= 0:
        raise ValueError("growth needs a positive base and at least one year")
    return (target / current) ** (1.0 / years) - 1.0
