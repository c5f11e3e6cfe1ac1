"""Issue 18 on the trade panel: what each target is (level, increase, multiple, estimate; horizon met or
missed), one statistics source per line, labels that cross nothing, compare colours apart."""
from __future__ import annotations

import math
from itertools import pairwise

import pytest
from PySide6.QtCore import QPointF, Qt

from desktop.core.records import Target, TradeFigure
from desktop.core.trade import target_lines, trade_plot
from desktop.qt.shell.selection import SelectionState


def figure(year: int, turnover: float, statistics: str = "kazakh", period: str = "FY", id_: int | None = None,
           preferred: bool | None = None) -> TradeFigure:
    return TradeFigure(id_ or year * 10 + len(statistics), f"t{year}{statistics}{period}", "TUR", year, period,
                       turnover, None, None, statistics, "exact", None, None, is_preferred=preferred)


def target(kind: str = "level", value: float | None = None, multiplier: float | None = None,
           base_year: int | None = None, horizon: int | None = None, estimate: bool = False,
           stated: str = "2020-01-01") -> Target:
    return Target(1, "tg", "TUR", "trade_turnover", value, multiplier, horizon, None, None, stated, "X", None, None,
                  None, None, kind=kind, base_year=base_year, estimate=estimate)


SERIES = [figure(2019, 3000), figure(2020, 2000), figure(2021, 4000), figure(2022, 6000), figure(2023, 6000),
          figure(2019, 3900, "partner"), figure(2024, 7000, "partner"), figure(2024, 5000, "kazakh", "4M")]


# ------------------------------------------------------------------------------------------ statistics apart

def test_a_line_holds_one_statistics_source_and_never_borrows_another():
    plot = trade_plot("TUR", SERIES)
    assert [(p.year, p.value) for p in plot.lines["turnover"]] == [
        (2019, 3000), (2020, 2000), (2021, 4000), (2022, 6000), (2023, 6000)]
    # 2024 has only the partner's figure: a gap in Kazakhstan's line, the figure a marker
    assert {(p.year, p.statistics) for p in plot.others["turnover"]} == {(2019, "partner"), (2024, "partner")}
    assert [p.period for p in plot.partials["turnover"]] == ["4M"]
    partner = trade_plot("TUR", SERIES, "partner")
    assert [(p.year, p.value) for p in partner.lines["turnover"]] == [(2019, 3900), (2024, 7000)]
    assert partner.statistics == "partner"


def test_a_conflict_within_one_source_keeps_the_preferred_figure_on_the_line():
    series = [figure(2022, 460, id_=1, preferred=False), figure(2022, 470, id_=2, preferred=True)]
    plot = trade_plot("AZE", series)
    assert [p.value for p in plot.lines["turnover"]] == [470]
    assert [p.value for p in plot.others["turnover"]] == [460]


# ------------------------------------------------------------------------------------------ target kinds

def test_a_level_is_flat_and_needs_growth_to_a_future_horizon():
    [line] = target_lines([target("level", 12000, horizon=2026)], trade_plot("TUR", SERIES))
    assert line.start_value == line.value == 12000 and line.start_year == 2020
    assert line.growth == pytest.approx((12000 / 6000) ** (1 / 3) - 1)  # from 2023, the latest full year
    assert not line.horizon_passed


def test_an_increase_runs_from_its_base_years_figure_to_base_plus_amount():
    [line] = target_lines([target("increase", 1000, base_year=2021, horizon=2026)], trade_plot("TUR", SERIES))
    assert (line.start_year, line.start_value, line.value) == (2021, 4000, 5000)
    assert line.growth == pytest.approx((5000 / 6000) ** (1 / 3) - 1)


def test_a_multiple_runs_from_its_base_years_figure_to_that_figure_times_the_multiplier():
    [line] = target_lines([target("multiple", multiplier=2, base_year=2020, horizon=2022)], trade_plot("TUR", SERIES))
    assert (line.start_value, line.value) == (2000, 4000)
    assert line.horizon_passed and line.outcome.value == 6000 and line.met is True


def test_a_base_without_a_figure_or_not_stated_cannot_be_drawn():
    lines = target_lines([target("increase", 1000, base_year=2015), target("multiple", multiplier=2)],
                         trade_plot("TUR", SERIES))
    assert [line.drawable for line in lines] == [False, False]
    assert [line.value for line in lines] == [None, None]


def test_a_passed_horizon_says_met_missed_or_no_figure():
    plot = trade_plot("TUR", SERIES)
    met, missed, unknown = target_lines([target("level", 5000, horizon=2022), target("level", 7000, horizon=2023),
                                         target("level", 1000, horizon=2010)], plot)
    assert (met.met, missed.met, unknown.met) == (True, False, None)
    assert met.growth is None and missed.outcome.year == 2023 and unknown.outcome is None


def test_an_estimate_is_never_emphasised():
    [line] = target_lines([target("increase", 630, base_year=2022, estimate=True)], trade_plot("TUR", SERIES))
    assert line.estimate and not line.emphasised


# ------------------------------------------------------------------------------------------ the view

def _set_target(repo, uid: str, **values) -> None:
    columns = ", ".join(f"{k} = ?" for k in values)
    repo.db.conn.execute(f"UPDATE targets SET {columns} WHERE uid = ?", (*values.values(), uid))


def test_an_increase_is_drawn_from_its_base_with_both_numbers_in_its_label(trade, repo):
    _set_target(repo, "tg_tur_20241112_15bn_erdogan", kind="increase", value_usd_m=1000, base_year=2023,
                horizon_year=2030)
    trade.selection.select_partner("TUR")
    base = next(p for p in trade.plot_data.lines["turnover"] if p.year == 2023)
    [item] = [i for i in trade.target_items if i.target_line.target.uid == "tg_tur_20241112_15bn_erdogan"]
    line = item.line()
    assert (line.x1(), line.y1(), line.x2(), line.y2()) == (2023, base.value, 2030, base.value + 1000)
    text = trade.targets_text.text()
    assert f"+$1 bn over 2023 ({trade.money(base.value)} → {trade.money(base.value + 1000)})" in text
    assert "a year from" in text


def test_estimates_are_drawn_lighter_and_can_be_hidden(trade, repo):
    _set_target(repo, "tg_tur_20241112_15bn_erdogan", estimate=1, stated_role="expert")
    trade.selection.select_partner("TUR")
    [item] = [i for i in trade.target_items if i.target_line.target.uid == "tg_tur_20241112_15bn_erdogan"]
    assert item.pen().color().alpha() < 255 and item.pen().style() == Qt.PenStyle.DotLine
    assert "Estimate: $15 bn" in trade.targets_text.text() and "(expert)" in trade.targets_text.text()
    trade.estimates_box.setChecked(False)
    assert not [i for i in trade.target_items if i.target_line.estimate]
    assert all(r["record"] != "tg_tur_20241112_15bn_erdogan" for r in trade.plotted_rows() if r["layer"] == "target")


def test_a_target_stops_at_its_horizon(trade):
    trade.selection.select_partner("AZE")
    [item] = [i for i in trade.target_items if i.target_line.target.uid == "tg_aze_20220607_500m_qaztrade"]
    assert item.line().x2() == 2022.5  # stated in 2022 for 2022: a short line, not to the chart's end


def test_the_partners_statistics_can_be_shown_as_their_own_line(trade):
    trade.selection.select_partner("TUR")
    assert not len(trade.partner_lines["turnover"].getData()[0] if trade.partner_lines["turnover"].getData()[0]
                   is not None else [])
    assert "Lines: Kazakhstan's statistics" in trade.note.text()
    trade.partner_line_box.setChecked(True)
    xs, ys = trade.partner_lines["turnover"].getData()
    expected = [(p.year, p.value) for p in trade.partner_plot.lines["turnover"]]
    assert expected and [(int(x), float(y)) for x, y in zip(xs, ys, strict=True) if not math.isnan(y)] == expected
    assert all(p.statistics == "partner" for p in trade.partner_plot.lines["turnover"])
    assert "Dashed lines: Türkiye's statistics" in trade.note.text()
    # those figures are no longer also markers
    xs, ys = trade.other_items["partner"].getData()
    markers = {(float(x), float(y)) for x, y in zip(xs, ys, strict=True)}
    assert not {(float(p.year), p.value) for p in trade.partner_plot.lines["turnover"]} & markers


def test_compared_partners_take_colours_and_dashes_no_single_partner_series_uses(trade):
    from desktop.qt.trade.trade_view import MEASURE_COLOURS, TARGET_COLOUR

    trade.selection.select_partner("TUR")
    trade.set_compared_partners({"AZE", "TKM"})
    own = {c.name() for c in MEASURE_COLOURS.values()} | {TARGET_COLOUR.name()}
    for item in trade.compare_items.values():
        pen = item.opts["pen"]
        assert pen.color().name() not in own
        assert pen.style() != Qt.PenStyle.SolidLine


# ------------------------------------------------------------------------------------------ labels

def _samples(trade) -> list[QPointF]:
    """Points every few pixels along each plotted line and target, and each marker, in scene coordinates
    (worked out here, not with the view's own obstacle outline)."""
    box = trade.plot.getPlotItem().getViewBox()
    out: list[QPointF] = []

    def along(a: QPointF, b: QPointF) -> None:
        n = max(1, int(math.hypot(b.x() - a.x(), b.y() - a.y()) / 2))
        out.extend(QPointF(a.x() + (b.x() - a.x()) * i / n, a.y() + (b.y() - a.y()) * i / n) for i in range(n + 1))

    for item in (*trade.lines.values(), *trade.partner_lines.values(), *trade.compare_items.values()):
        xs, ys = item.getData()
        if xs is None:
            continue
        pts = [box.mapViewToScene(QPointF(float(x), float(y))) if not math.isnan(y) else None
               for x, y in zip(xs, ys, strict=True)]
        for a, b in pairwise(pts):
            if a is not None and b is not None:
                along(a, b)
        out.extend(p for p in pts if p is not None)
    for target_item in trade.target_items:
        along(box.mapViewToScene(target_item.line().p1()), box.mapViewToScene(target_item.line().p2()))
    for item in (*trade.partial_items.values(), *trade.other_items.values()):
        if item.isVisible():
            out.extend(box.mapViewToScene(spot.pos()) for spot in item.points())
    return out


@pytest.mark.parametrize("lang", ["en", "ru"])
@pytest.mark.parametrize("size", [(800, 500), (1600, 1000)])
def test_labels_cross_no_line_no_marker_no_label_and_no_edge(qtbot, repo, translator, lang, size):
    from desktop.qt.trade.trade_view import TradeView

    translator.set_language(lang)
    selection = SelectionState()
    trade = TradeView(repo, selection)
    qtbot.addWidget(trade)
    trade.resize(*size)
    trade.show()
    qtbot.waitExposed(trade)
    box = trade.plot.getPlotItem().getViewBox()
    for iso3 in ("TUR", "AZE", "TKM"):
        selection.select_partner(iso3)
        trade.place_labels()
        placed = trade.label_rects()
        assert placed, iso3
        area = box.sceneBoundingRect()
        samples = _samples(trade)
        for n, (label, rect) in enumerate(placed):
            assert area.contains(rect), (iso3, label.toPlainText() if hasattr(label, "toPlainText") else "")
            for _, other in placed[n + 1:]:
                assert not rect.intersects(other), (iso3, label.textItem.toPlainText())
            inside = [p for p in samples if rect.adjusted(1, 1, -1, -1).contains(p)]
            assert not inside, (iso3, label.textItem.toPlainText(), inside[:3])
        # a target is labelled on the chart; one that finds no room is still in the list beside it
        assert any(label.property("atlas_target") for label, _ in placed), iso3
        listed = trade.targets_text.text()
        for label in trade.labels:
            if not label.isVisible() and label.property("atlas_target"):
                assert label.short_text.split(" (")[0] in listed.replace("&nbsp;", " "), label.short_text
    translator.set_language("en")
