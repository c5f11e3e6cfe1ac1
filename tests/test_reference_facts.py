"""Facts from the founding articles are in the bundled data, with their sources and conflicts."""
from __future__ import annotations

import pytest

from desktop.data.agreements import AgreementQuery


def _sources(repo, kind, record_id):
    found = repo.sources_of(kind, record_id)
    assert found, f"{kind} {record_id} has no source"
    return found


def test_three_focus_partners_first(repo):
    partners = repo.partners()
    assert [p.iso3 for p in partners[:3]] == ["TUR", "AZE", "TKM"]
    assert {p.iso3 for p in partners if p.is_focus} == {"TUR", "AZE", "TKM"}
    tur = repo.partner("TUR")
    assert tur.name_ru == "Турция" and tur.name_kk


def test_july_2025_ankara_visit_18_documents_alternative_20(repo):
    visits = [e for e in repo.events("TUR", include_alternatives=True)
              if e.date_start == "2025-07-28" and e.kind.endswith("visit")]
    preferred = [e for e in visits if not e.is_alternative]
    assert len(preferred) == 1
    visit = preferred[0]
    assert visit.kind == "official_visit" and visit.documents_signed == 18 and visit.place_en.startswith("Ankara")
    assert any("politico.kz" in (s.url or "") for s in _sources(repo, "event", visit.id))
    alternatives = repo.alternatives("event", visit.id)
    assert alternatives[0].is_preferred and alternatives[0].record_id == visit.id
    others = [a for a in alternatives if not a.is_preferred]
    assert others and others[0].summary["documents_signed"] == 20 and others[0].summary["kind"] == "working_visit"
    assert all(a.reason_en for a in alternatives)
    # the alternative is hidden from the plain list but reachable
    assert visit.id in {e.id for e in repo.events("TUR")}
    assert others[0].record_id not in {e.id for e in repo.events("TUR")}


def test_turkiye_target_15bn_preferred_over_10bn(repo):
    targets = repo.targets("TUR")
    preferred = [t for t in targets if t.is_preferred]
    assert len(preferred) == 1 and preferred[0].value_usd_m == 15000
    alternatives = repo.alternatives("target", preferred[0].id)
    assert any(a.summary["value_usd_m"] == 10000 and not a.is_preferred for a in alternatives)
    assert _sources(repo, "target", preferred[0].id)


def test_kazakhstan_turkmenistan_1bn_target(repo):
    targets = [t for t in repo.targets("TKM") if t.value_usd_m == 1000 and t.metric == "trade_turnover"]
    assert targets
    assert any("kt.kz" in (s.url or "") for t in targets for s in repo.sources_of("target", t.id))


def _fact(repo, iso3, predicate):
    facts = [f for f in repo.facts(iso3) if predicate(f)]
    assert facts, "fact not found"
    for f in facts:
        _sources(repo, "fact", f.id)
    return facts


def test_kz_tm_ir_railway_1_5_mt_in_ten_months_2025(repo):
    facts = _fact(repo, "TKM", lambda f: f.value_num == 1.5 and (f.unit or "").lower().startswith("mt"))
    text = " ".join(f"{f.value} {f.note_en or ''} {f.note_ru or ''}" for f in facts)
    assert "14" in text, "the +14% growth is recorded with the 1.5 Mt figure"


def test_about_4000_turkish_companies(repo):
    facts = _fact(repo, "TUR", lambda f: f.value_num == 4000 and f.qualifier == "approx")
    assert any("companies" in (f.unit or "") or "compan" in f.metric for f in facts)


def test_12000_kazakh_students_in_turkiye(repo):
    _fact(repo, "TUR", lambda f: f.value_num == 12000 and "student" in f.metric)


def test_trans_caspian_route_and_caspian_ports(repo):
    titr = [c for c in repo.corridors() if "Trans-Caspian" in c.name_en]
    assert titr and titr[0].name_ru and _sources(repo, "corridor", titr[0].id)
    names = {n.name_en.split(" (")[0]: n for n in repo.nodes()}
    for port in ("Port of Aktau", "Port of Kuryk", "Turkmenbashi International Seaport"):
        node = names[port]
        assert node.kind == "port" and node.has_position
        assert repo.sources_of("node", node.id)
    titr_nodes = {n.uid for n in repo.nodes(titr[0].id)}
    assert {"port_aktau", "port_kuryk"} <= titr_nodes


def test_nodes_without_coordinates_stay_unknown(repo):
    bolashak = repo.node_by_uid("bolashak")
    assert bolashak is not None and bolashak.lat is None and bolashak.lon is None


def test_partial_dates_stay_partial(repo):
    rows = repo.agreements.rows(repo.agreements.all_ids(AgreementQuery(partners=("TUR",))))
    dates = {r.date_signed for r in rows}
    assert "1994" in dates and "2009-10" in dates


@pytest.mark.parametrize("word", ["соглашение", "visit", "Ankara", "Түркия"])
def test_real_data_is_searchable(repo, word):
    # Түркия (Kazakh) is not in titles: it must simply not fail; the others must find something
    result = repo.agreements.search(AgreementQuery(text=word)) if word != "visit" else None
    if word in ("соглашение",):
        assert result.total > 0
    if word == "visit":
        assert repo.search_events("visit")
