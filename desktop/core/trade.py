"""What the trade panel plots, worked out from the records (no Qt): one value per full year for each
measure, partial periods apart, the other sources' figures apart, and the targets with the growth
they need.

Values are USD million, seen from Kazakhstan (exports = Kazakhstan's exports to the partner).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from desktop.core.records import Target, TradeFigure

MEASURES = ("turnover", "exports", "imports")
_FIELD = {"turnover": "turnover_usd_m", "exports": "exports_usd_m", "imports": "imports_usd_m"}
STATISTICS = ("kazakh", "partner", "other", "unknown")
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
    """A partner's trade, ready to draw, in one statistics source's figures: ``lines`` (full years of
    ``statistics``, the preferred figure where that source has several), ``partials`` (its part-year
    periods, never joined to the lines) and ``others`` (every other figure: the partner's own statistics,
    other sources, values another source disagrees with), drawn as markers and never borrowed into a line.
    A year that source has no figure for is a gap."""

    partner: str
    lines: dict[str, list[TradePoint]]
    partials: dict[str, list[TradePoint]]
    others: dict[str, list[TradePoint]]
    statistics: str = "kazakh"

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


def trade_plot(partner: str, figures: list[TradeFigure], statistics: str = "kazakh") -> TradePlot:
    """Sort a partner's figures into the lines of one statistics source (Kazakhstan's by default), its
    partial periods, and the others, for each measure."""
    lines: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    partials: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    others: dict[str, list[TradePoint]] = {m: [] for m in MEASURES}
    own = [f for f in figures if f.statistics == statistics]
    by_year: dict[int, list[TradeFigure]] = {}
    for f in own:
        if f.period == "FY":
            by_year.setdefault(f.year, []).append(f)
    chosen = {id(_preferred(year_figures)) for year_figures in by_year.values()}
    for f in figures:
        drawn_as = None
        if f.statistics == statistics:
            if f.period == "FY":
                # (a year's only figure of this source stays on its line even where a conflict prefers
                # another source's value: the line is this source's statistics)
                drawn_as = lines if id(f) in chosen else others
            elif f.is_preferred is not False:
                drawn_as = partials
        for measure in MEASURES:
            value = getattr(f, _FIELD[measure])
            if value is not None:
                (drawn_as if drawn_as is not None else others)[measure].append(_point(measure, f, value))
    for series in (lines, partials, others):
        for measure in MEASURES:
            series[measure].sort(key=lambda p: (p.year, p.months, p.record_id))
    # a measure missing from a year's figure is not filled in from another figure: the line has a gap there
    return TradePlot(partner, lines, partials, others, statistics)


def _preferred(figures: list[TradeFigure]) -> TradeFigure:
    """The figure a year's line takes among one statistics source's full-year figures."""
    return min(figures, key=lambda f: ({True: 0, None: 1, False: 2}[f.is_preferred], f.id))


def _point(measure: str, f: TradeFigure, value: float) -> TradePoint:
    return TradePoint(measure, f.year, f.period, float(value), f.statistics, f.qualifier, f.id, f.is_preferred)


@dataclass(frozen=True)
class TargetLine:
    """A target as drawn.

    A **level** is a horizontal line at its value from the year it was stated. An **increase** runs from its
    base year's figure to that figure plus the amount; a **multiple** from its base year's figure to that
    figure times the multiplier; neither can be drawn when its base year is not stated or has no figure (the
    list beside the chart says so). Every target stops at its horizon (or, without one, runs to the end of
    the chart); once the horizon has passed it says whether it was met, by the figure of that year. A target
    with a future horizon shows the growth a year it needs from the latest full year of the same statistics.
    """

    target: Target
    measure: str
    value: float | None  # the value to reach, USD million; None when it cannot be worked out
    start_year: int | None  # where the line starts: the base year (increase, multiple), else the year stated
    horizon_year: int | None
    growth: float | None  # e.g. 0.125 for +12.5% a year; None without a future horizon or a base
    base: TradePoint | None  # the latest full year the growth is measured from
    horizon_passed: bool
    kind: str = "level"
    base_point: TradePoint | None = None  # the base year's figure (increase, multiple)
    outcome: TradePoint | None = None  # the horizon year's figure, once the horizon has passed
    met: bool | None = None  # horizon passed: reached, missed, or None (no figure for that year)
    base_inferred: bool = False  # an increase "over current trade" with no base year stated: ours, the last
    # full year before the statement (always said so where shown)

    @property
    def emphasised(self) -> bool:
        """The preferred member of a conflict, or a target no other contradicts; never an estimate."""
        return self.target.is_preferred is not False and not self.target.estimate

    @property
    def estimate(self) -> bool:
        return bool(self.target.estimate)

    @property
    def start_value(self) -> float | None:
        """The line's value where it starts: the base year's figure, or the level itself."""
        return self.base_point.value if self.base_point is not None else self.value

    @property
    def drawable(self) -> bool:
        return self.value is not None and self.start_value is not None


def target_lines(targets: list[Target], plot: TradePlot) -> list[TargetLine]:
    """Each target worked out against the plotted lines (``plot``: one statistics source's full years)."""
    out = []
    for t in targets:
        measure = _TARGET_METRIC.get(t.metric, "turnover")
        full_years = {p.year: p for p in plot.lines.get(measure, [])}
        stated = int(t.stated_on[:4]) if t.stated_on and t.stated_on[:4].isdigit() else None
        kind = t.kind if t.kind in ("level", "increase", "multiple") else "level"
        base_point = full_years.get(t.base_year) if t.base_year is not None and kind != "level" else None
        inferred = False
        if kind == "increase" and t.base_year is None and stated is not None:
            # "raise exports by $1 bn": over the trade of the day, i.e. the last full year before it was said
            earlier = [p for year, p in full_years.items() if year < stated]
            if earlier:
                base_point, inferred = max(earlier, key=lambda p: p.year), True
        value: float | None = None
        if kind == "level":
            value = t.value_usd_m
        elif kind == "increase" and base_point is not None and t.value_usd_m is not None:
            value = base_point.value + t.value_usd_m
        elif kind == "multiple" and base_point is not None and t.multiplier is not None:
            value = base_point.value * t.multiplier
        start = base_point.year if base_point is not None else stated
        latest = plot.latest_full_year(measure)
        growth, passed, outcome, met = None, False, None, None
        if t.horizon_year is not None and latest is not None:
            if t.horizon_year > latest.year:
                if value is not None and latest.value > 0:
                    growth = needed_growth(latest.value, value, t.horizon_year - latest.year)
            else:
                passed = True
                outcome = full_years.get(t.horizon_year)
                if outcome is not None and value is not None:
                    met = outcome.value >= value
        out.append(TargetLine(t, measure, value, start, t.horizon_year, growth, latest, passed, kind, base_point,
                              outcome, met, inferred))
    return out


def needed_growth(current: float, target: float, years: int) -> float:
    """The compound annual growth that takes ``current`` to ``target`` in ``years`` years."""
    if current <= 0 or years <= 0:
        raise ValueError("growth needs a positive base and at least one year")
    return math.pow(target / current, 1.0 / years) - 1.0
