"""The data API over the bundled data: filters, sorting, paging, series, places, sources."""
from __future__ import annotations

import pytest

from desktop.data.agreements import SORT_KEYS, AgreementQuery


def test_filters_narrow_and_combine(repo):
    s = repo.agreements
    everything = s.count(AgreementQuery())
    tur = s.count(AgreementQuery(partners=("TUR",)))
    assert 0 < tur < everything
    both = s.count(AgreementQuery(partners=("TUR", "AZE")))
    assert both >= tur
    memoranda = s.count(AgreementQuery(doc_types=("memorandum",)))
    assert 0 < memoranda < everything
    rows = s.rows(s.all_ids(AgreementQuery(sectors=("energy",), year_from=2023, year_to=2024)))
    assert rows and all("energy" in r.sectors and "2023" <= r.date_signed[:4] <= "2024" for r in rows)
    unknown_level = s.rows(s.all_ids(AgreementQuery(levels=("",))))
    assert unknown_level and all(r.level is None for r in unknown_level)


def test_event_filter_matches_the_event(repo):
    event = next(e for e in repo.events("TKM") if e.agreement_count > 1)
    ids = repo.agreements.all_ids(AgreementQuery(event_id=event.id, include_alternatives=True))
    assert len(ids) == event.agreement_count
    assert all(r.event_id == event.id for r in repo.agreements.rows(ids))


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [True, False])
def test_every_sort_pages_completely_without_repeats(repo, sort, descending):
    q = AgreementQuery(sort=sort, descending=descending, include_alternatives=True)
    paged = repo.agreements.all_ids(q, chunk=7)
    assert len(paged) == len(set(paged)) == repo.agreements.count(q)
    assert paged == repo.agreements.page(q, None, 10_000).ids


def test_date_sort_is_newest_first_with_unknown_dates_last(repo):
    rows = repo.agreements.rows(repo.agreements.page(AgreementQuery(include_alternatives=True), None, 10_000).ids)
    dates = [r.date_signed or "" for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert dates[-1] == "" or all(dates)


def test_alternatives_are_hidden_unless_asked(repo):
    hidden = repo.agreements.count(AgreementQuery())
    shown = repo.agreements.count(AgreementQuery(include_alternatives=True))
    assert shown > hidden
    alt_ids = set(repo.agreements.all_ids(AgreementQuery(include_alternatives=True))) - set(
        repo.agreements.all_ids(AgreementQuery()))
    assert all(r.is_alternative for r in repo.agreements.rows(sorted(alt_ids)))


def test_text_plus_filters_count_agrees_with_pages(repo):
    for q in [AgreementQuery(text="agreement", partners=("AZE",)),
              AgreementQuery(text="соглашение", year_from=2020),
              AgreementQuery(text="transport", sort="relevance"),
              AgreementQuery(text="package", include_alternatives=True)]:
        assert len(repo.agreements.all_ids(q, chunk=3)) == repo.agreements.count(q)


def test_events_by_partner_newest_first_with_agreement_counts(repo):
    events = repo.events("AZE")
    assert events and all("AZE" in e.partners for e in events)
    dates = [e.date_start or "" for e in events]
    assert dates == sorted(dates, reverse=True)
    assert any(e.agreement_count > 0 for e in events)


def test_trade_series_and_conflicting_figures(repo):
    series = repo.trade_series("AZE")
    assert series and all(t.partner == "AZE" for t in series)
    years = [t.year for t in series]
    assert years == sorted(years)
    fy2023 = [t for t in series if t.year == 2023 and t.period == "FY"]
    assert {t.turnover_usd_m for t in fy2023} >= {529.4, 598.47}
    preferred = [t for t in fy2023 if t.is_preferred]
    assert len(preferred) == 1 and preferred[0].turnover_usd_m == 529.4 and preferred[0].statistics == "kazakh"
    assert any(t.period != "FY" for t in series), "partial periods are kept as such"
    assert len(repo.trade_series("AZE", include_alternatives=False)) < len(series)


def test_corridor_nodes_segments_and_facts(repo):
    corridor = repo.corridor_by_uid("kz_tm_ir_north_south")
    segments = repo.segments(corridor.id)
    assert segments and all(s.corridor_id == corridor.id for s in segments)
    node_ids = {n.id for n in repo.nodes(corridor.id)}
    assert node_ids == {s.from_node_id for s in segments} | {s.to_node_id for s in segments}
    assert repo.facts(corridor_id=repo.corridor_by_uid("titr_middle_corridor").id)


def test_sources_and_labels(repo):
    visit = next(e for e in repo.events("TUR") if e.date_start == "2025-07-28")
    sources = repo.sources_of("event", visit.id)
    assert sources and all(s.url or s.title for s in sources)
    labels = repo.labels("doc_types")
    assert labels["treaty"][1]  # Russian label present
    with pytest.raises(ValueError):
        repo.labels("users; DROP TABLE agreements")
    with pytest.raises(ValueError):
        repo.sources_of("nonsense", 1)


def test_records_linked_to_places(repo):
    titr = repo.corridor_by_uid("titr_middle_corridor")
    ids = repo.record_ids_at("agreement", corridor_id=titr.id)
    assert ids
    q = AgreementQuery(corridor_id=titr.id, include_alternatives=True)
    assert sorted(repo.agreements.all_ids(q)) == ids


def test_mechanisms_of_partners(repo):
    assert any("Strategic" in m.name_en for m in repo.mechanisms("TUR"))
    assert any("Supreme" in m.name_en for m in repo.mechanisms("AZE"))
