"""The trade panel: what is plotted equals the database, partial periods and targets apart, compare,
hover, axis, export, languages, and a 20,000-step pan and zoom run in a child process."""
from __future__ import annotations

import csv
import math
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from desktop.core.trade import needed_growth, period_months, target_lines, trade_plot

ROOT = Path(__file__).resolve().parents[1]


def line_points(item) -> list[tuple[int, float]]:
    xs, ys = item.getData()
    if xs is None:
        return []
    return [(int(x), float(y)) for x, y in zip(xs, ys, strict=True) if not math.isnan(y)]


def db_full_years(repo, iso3: str, column: str, statistics: str = "kazakh") -> list[tuple[int, float]]:
    """One statistics source's full-year value per year, straight from SQL: the figure a conflict group
    prefers, else one in no conflict, else the first; never another source's figure (issue 18)."""
    rows = repo.db.conn.execute(
        f"""SELECT t.year, t.{column}, t.id,
                   (SELECT cm.is_preferred FROM conflict_members cm WHERE cm.record_type = 'trade'
                    AND cm.record_id = t.id) AS pref
            FROM trade_figures t JOIN partners p ON p.id = t.partner_id
            WHERE p.iso3 = ? AND t.period = 'FY' AND t.statistics = ? ORDER BY t.year""", (iso3, statistics)).fetchall()
    by_year: dict[int, list] = {}
    for r in rows:
        by_year.setdefault(r[0], []).append(r)
    out = []
    rank = {1: 0, None: 1, 0: 2}
    for year, figures in sorted(by_year.items()):
        chosen = min(figures, key=lambda f: (rank[f[3]], f[2]))
        if chosen[1] is not None:
            out.append((year, float(chosen[1])))
    return out


@pytest.mark.parametrize("iso3", ["TUR", "AZE", "TKM"])
def test_plotted_points_equal_the_database_rows(trade, repo, selection, iso3):
    selection.select_partner(iso3)
    for measure, column in (("turnover", "turnover_usd_m"), ("exports", "exports_usd_m"),
                            ("imports", "imports_usd_m")):
        assert line_points(trade.lines[measure]) == db_full_years(repo, iso3, column), measure
    partial_rows = repo.db.conn.execute(
        "SELECT t.year, t.turnover_usd_m FROM trade_figures t JOIN partners p ON p.id = t.partner_id "
        "WHERE p.iso3 = ? AND t.period <> 'FY' AND t.statistics = 'kazakh' AND t.turnover_usd_m IS NOT NULL "
        "AND NOT EXISTS (SELECT 1 FROM "
        "conflict_members cm WHERE cm.record_type = 'trade' AND cm.record_id = t.id AND cm.is_preferred = 0)",
        (iso3,)).fetchall()
    xs, ys = trade.partial_items["turnover"].getData()
    assert sorted(float(y) for y in ys) == sorted(float(r[1]) for r in partial_rows)


def test_missing_years_are_gaps_not_interpolated(trade, repo, selection):
    selection.select_partner("TUR")
    xs, ys = trade.lines["turnover"].getData()
    years = {y for y, _ in db_full_years(repo, "TUR", "turnover_usd_m")}
    missing = [int(x) for x, y in zip(xs, ys, strict=True) if math.isnan(y)]
    assert missing, "Kazakhstan's statistics for Türkiye have years without a figure (2014-2016)"
    assert not set(missing) & years
    assert trade.lines["turnover"].opts["connect"] == "finite"


def test_a_partial_period_is_its_own_item_and_is_labelled(trade, repo, selection):
    selection.select_partner("TUR")
    partial_ids = {p.record_id for p in trade.plot_data.partials["turnover"]}
    assert partial_ids
    line_ids = {p.record_id for p in trade.plot_data.lines["turnover"]}
    assert not partial_ids & line_ids
    xs, _ = trade.partial_items["turnover"].getData()
    assert all(not float(x).is_integer() for x in xs)  # inside its year, off the full-year position
    labels = [label.full_text for label in trade.labels]
    assert "Jan–Jun 2021" in labels and "Jan–Apr 2024" in labels
    # a part of a year in another source's figures is a marker among the others, with no label of its own
    assert "Jan–Nov 2022" not in labels
    assert any(p.period == "11M" for p in trade.plot_data.others["turnover"])


def test_one_target_item_per_target_with_value_and_growth(trade, repo, selection):
    selection.select_partner("TUR")
    targets = repo.targets("TUR")
    drawable = [line for line in trade.targets if line.drawable]
    assert len(trade.target_items) == len(drawable) < len(targets) + 1
    assert sorted(i.line().y2() for i in trade.target_items) == sorted(line.value for line in drawable)
    with_value = [t for t in targets if t.value_usd_m is not None and t.kind == "level"]
    for item in trade.target_items:
        assert item.line().y2() == item.target_line.value
        if item.target_line.kind == "level":
            assert item.line().y1() == item.target_line.value
    values = {t.value_usd_m for t in with_value}
    assert {10000.0, 15000.0} <= values  # the two conflicting Türkiye targets are both drawn
    emphasised = {i.target_line.target.uid: i.pen().widthF() for i in trade.target_items}
    preferred = [t.uid for t in targets if t.is_preferred is True]
    others = [t.uid for t in targets if t.is_preferred is False]
    assert preferred and others
    assert all(emphasised[u] > emphasised[o] for u in preferred for o in others if o in emphasised)


def test_growth_needed_from_the_latest_full_year():
    assert needed_growth(1000.0, 2000.0, 5) == pytest.approx(2 ** 0.2 - 1)
    with pytest.raises(ValueError):
        needed_growth(0.0, 10.0, 3)
    assert period_months("H1") == 6 and period_months("9M") == 9 and period_months("FY") == 12


def test_growth_figure_of_a_target_with_a_horizon(trade, repo, selection):
    selection.select_partner("AZE")
    plot = trade.plot_data
    latest = plot.latest_full_year("turnover")
    future = [t for t in trade.targets if t.horizon_year and t.value and t.horizon_year > latest.year]
    passed = [t for t in trade.targets if t.horizon_year and t.value and t.horizon_year <= latest.year]
    for line in future:
        expected = (line.value / latest.value) ** (1 / (line.horizon_year - latest.year)) - 1
        assert line.growth == pytest.approx(expected)
        assert "a year from" in trade.growth_text(line)
    for line in passed:
        assert line.growth is None and line.horizon_passed
    assert passed, "$500 m by 2022 with Azerbaijan"
    assert "by 2022; missed (2022: $461.9 m)" in trade.targets_text.text()
    # "double by 2020 compared with 2017": Kazakhstan's statistics have no 2017 figure for Azerbaijan
    assert "×2 of 2017 (no figure for 2017)" in trade.targets_text.text()
    assert "×2 (base year not stated)" in trade.targets_text.text()


def test_the_shared_selection_replots(trade, repo, selection):
    selection.select_partner("TUR")
    tur = line_points(trade.lines["turnover"])
    selection.select_partner("AZE")
    aze = line_points(trade.lines["turnover"])
    assert tur != aze and aze == db_full_years(repo, "AZE", "turnover_usd_m")
    assert all(p.statistics == "kazakh" for p in trade.plot_data.lines["turnover"])
    assert "Azerbaijan" in trade.plot.getPlotItem().titleLabel.text
    selection.select_partner(None)  # all partners: each one's turnover, compared
    assert set(trade.compare_items) == set(repo.partners_with_trade())
    assert all(not line_points(item) for item in trade.lines.values())


def test_compare_partners_on_one_axis(trade, repo, selection):
    selection.select_partner("TUR")
    trade.set_compared("AZE", True)
    trade.set_compared("TKM", True)
    assert set(trade.compare_items) == {"AZE", "TKM"}
    assert line_points(trade.compare_items["AZE"]) == db_full_years(repo, "AZE", "turnover_usd_m")
    colours = {item.opts["pen"].color().name() for item in trade.compare_items.values()}
    assert len(colours) == 2
    checked = [trade.compare_list.item(i).data(0x0100) for i in range(trade.compare_list.count())
               if trade.compare_list.item(i).checkState().value == 2]
    assert sorted(checked) == ["AZE", "TKM"]
    trade.set_compared("AZE", False)
    assert set(trade.compare_items) == {"TKM"}


def test_other_sources_can_be_hidden_and_say_whose_they_are(trade, repo, selection):
    selection.select_partner("TUR")
    partner_item = trade.other_items["partner"]
    assert partner_item.isVisible() and len(partner_item.getData()[0]) > 0
    names = [label.text for _, label in trade.legend.items]
    assert "Türkiye's statistics" in names
    trade.others_box.setChecked(False)
    assert not partner_item.isVisible()
    assert all(r["layer"] != "other" for r in trade.plotted_rows())


def test_hover_shows_year_period_value_statistics_and_source(trade, repo, selection):
    selection.select_partner("TUR")
    point = trade.plot_data.lines["turnover"][-1]
    text = trade.hover_at(point.year, point.value)
    assert text is not None
    assert str(point.year) in text and trade._stats_label(point.statistics) in text
    assert trade.money(point.value).replace(",", "")[:3] in text.replace(",", "")
    source = repo.sources_of("trade", point.record_id)[0]
    assert (source.title or source.url)[:25] in text
    assert trade.cross_v.isVisible() and trade.cross_v.value() == point.year


def test_money_axis_has_no_si_prefix_and_follows_the_language(trade, selection, translator):
    selection.select_partner("TUR")
    axis = trade.money_axis
    assert axis.billions and trade.plot.getPlotItem().getAxis("left").labelText == "USD billion"
    assert axis.tickStrings([2000.0, 4000.0], 1, 2000) == ["2", "4"]
    assert axis.autoSIPrefix is False
    translator.set_language("ru")
    assert axis.tickStrings([2500.0], 1, 500) == ["2,5"]
    assert trade.plot.getPlotItem().getAxis("left").labelText == "млрд долл. США"
    translator.set_language("en")


def test_exported_csv_equals_the_plotted_numbers(trade, repo, selection, tmp_path):
    selection.select_partner("TUR")
    trade.set_compared("AZE", True)
    out = tmp_path / "trade.csv"
    trade.export_csv(out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    line = [(int(r["year"]), float(r["value_usd_m"])) for r in rows
            if r["partner"] == "TUR" and r["layer"] == "line" and r["measure"] == "turnover"]
    assert line == line_points(trade.lines["turnover"])
    partial = sorted(float(r["value_usd_m"]) for r in rows if r["layer"] == "partial" and r["measure"] == "turnover")
    assert partial == sorted(float(y) for y in trade.partial_items["turnover"].getData()[1])
    compare = [(int(r["year"]), float(r["value_usd_m"])) for r in rows if r["layer"] == "compare"]
    assert compare == line_points(trade.compare_items["AZE"])
    targets = sorted(float(r["value_usd_m"]) for r in rows if r["layer"] == "target")
    assert targets == sorted(i.target_line.value for i in trade.target_items)


def test_exported_png_and_svg_are_not_blank(trade, selection, tmp_path):
    from PySide6.QtGui import QImage

    selection.select_partner("AZE")
    trade.export_png(tmp_path / "t.png")
    trade.export_svg(tmp_path / "t.svg")
    image = QImage(str(tmp_path / "t.png"))
    assert image.width() >= 1000
    colours = {image.pixel(x, y) for x in range(0, image.width(), 11) for y in range(0, image.height(), 11)}
    assert len(colours) > 10
    svg = (tmp_path / "t.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "polyline" in svg or "<path" in svg
    assert not list(tmp_path.glob(".*.tmp*"))


def test_russian_texts(qtbot, repo, selection, translator):
    from desktop.qt.trade.trade_view import TradeView

    translator.set_language("ru")
    view = TradeView(repo, selection)
    qtbot.addWidget(view)
    selection.select_partner("TKM")
    assert view.others_box.text() == "Данные других источников"
    assert "Туркменистан" in view.plot.getPlotItem().titleLabel.text
    assert "млрд" in view.money(2500.0) or "млн" in view.money(640.0)
    translator.set_language("en")


def test_trade_core_keeps_a_measure_gap():
    from desktop.core.records import TradeFigure

    def fig(i, year, period, turnover, exports=None, stats="kazakh", pref=None):
        return TradeFigure(i, f"f{i}", "XXX", year, period, turnover, exports, None, stats, "exact", None, None, pref)

    plot = trade_plot("XXX", [fig(1, 2020, "FY", 100.0, 60.0), fig(2, 2021, "FY", 120.0),
                              fig(3, 2021, "FY", 130.0, 70.0, stats="partner"), fig(4, 2022, "H1", 70.0)])
    assert [(p.year, p.value) for p in plot.lines["turnover"]] == [(2020, 100.0), (2021, 120.0)]
    assert [(p.year, p.value) for p in plot.lines["exports"]] == [(2020, 60.0)]  # not taken from the other figure
    assert [(p.year, p.value, p.statistics) for p in plot.others["exports"]] == [(2021, 70.0, "partner")]
    assert [(p.year, p.period) for p in plot.partials["turnover"]] == [(2022, "H1")]
    assert target_lines([], plot) == []


def test_twenty_thousand_pans_and_zooms_in_one_process(tmp_path, built_db):
    """Guards the CPython 3.11 + PySide6 + pyqtgraph None-refcount abort and unbounded growth."""
    db = tmp_path / "atlas.sqlite"
    db.write_bytes(built_db.read_bytes())
    script = textwrap.dedent(f"""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop.data.database import open_database
        from desktop.data.repository import Repository
        from desktop.qt.shell.selection import SelectionState
        from desktop.qt.trade.trade_view import TradeView
        sel = SelectionState()
        view = TradeView(Repository(open_database({str(db)!r})), sel)
        view.resize(900, 600); view.show(); app.processEvents()
        sel.select_partner("TUR"); app.processEvents()
        box = view.plot.getPlotItem().getViewBox()
        def rss():
            with open("/proc/self/status") as fh:
                return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:"))
        marks = []
        for i in range(20000):
            if i % 2:
                box.translateBy(x=0.3 if i % 4 == 1 else -0.3, y=50 if i % 8 < 4 else -50)
            else:
                f = 0.9 if i % 4 == 0 else 1 / 0.9
                box.scaleBy((f, f))
            if i % 200 == 0:
                app.processEvents()
                view.plot.viewport().repaint()
            if i in (2000, 19999):
                marks.append(rss())
        print("rss", *marks, flush=True)
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    rss = next(line for line in done.stdout.splitlines() if line.startswith("rss"))
    early, late = (int(x) for x in rss.split()[1:])
    assert late - early < 30 * 1024, f"RSS grew {(late - early) / 1024:.0f} MiB over 18,000 range changes"
    assert np is not None
