"""Edit-form validation (desktop.core.validation): no database, no Qt."""
from __future__ import annotations

import datetime as dt
import math

import pytest

from desktop.core.validation import (
    ERROR_CODES,
    FIELDS,
    KINDS,
    TYPES,
    FieldError,
    FieldSpec,
    ValidationContext,
    is_iso3,
    parse_user_date,
    parse_user_number,
    validate,
)


def make_ctx() -> ValidationContext:
    return ValidationContext(
        vocab={
            "doc_types": {"agreement", "memorandum"},
            "agreement_levels": {"intergovernmental"},
            "agreement_statuses": {"unknown", "in_force"},
            "sectors": {"energy", "transport"},
            "event_kinds": {"state_visit"},
            "node_kinds": {"port", "city"},
            "transport_modes": {"rail", "sea"},
            "segment_statuses": {"operating"},
            "metrics": {"transit_volume"},
        },
        ids={"event": {1, 2}, "partner": {"TUR", "AZE"}, "source": {5, 6}, "node": {10, 11}, "corridor": {3}},
    )


CTX = make_ctx()

VALID: dict[str, dict[str, object]] = {
    "agreement": {
        "title_en": "  Agreement on trade ", "title_ru": "Соглашение о торговле", "date_signed": "12.05.2022",
        "doc_type": "agreement", "level": "intergovernmental", "status": "in_force", "doc_count": "1",
        "event_id": "1", "summary_en": "Line one.\nLine two.", "partners": ["TUR"], "sectors": ["energy"],
        "sources": ["5"],
    },
    "event": {
        "kind": "state_visit", "date_start": "2022-05-10", "date_end": "2022-05-12", "title_en": "State visit",
        "place_en": "Ankara", "documents_signed": "15", "partners": ["TUR", "AZE"], "sources": [5],
    },
    "trade": {
        "partner_iso3": "tur", "year": "2023", "period": "FY", "turnover_usd_m": "6 300,5", "statistics": "kazakh",
        "qualifier": "approx", "sources": [6],
    },
    "target": {
        "partner_iso3": "AZE", "metric": "trade_turnover", "value_usd_m": "1 000", "horizon_year": 2030,
        "stated_on": "2024-08", "stated_by_en": "President", "sources": [5],
    },
    "fact": {
        "corridor_id": "3", "metric": "transit_volume", "value": "~4000", "value_num": "4000", "qualifier": "approx",
        "unit": "TEU", "as_of": "2024",
    },
    "source": {
        "url": "https://www.akorda.kz/en/news", "title": "Press release", "publisher": "Akorda",
        "published": "01.03.2024", "language": "en", "taken_en": "Turnover reached $6.3 bn.",
    },
    "node": {
        "name_en": "Aktau", "name_ru": "Актау", "country_iso3": "kaz", "kind": "port", "lat": "43,65", "lon": "51.17",
    },
    "segment": {
        "corridor_id": 3, "from_node_id": "10", "to_node_id": "11", "mode": "sea", "status": "operating",
        "length_km": "480",
    },
    "corridor": {"name_en": "Middle Corridor", "name_ru": "Средний коридор", "description_en": "Trans-Caspian."},
    "partner": {"iso3": "tur", "name_en": "Türkiye", "name_ru": "Турция", "is_focus": "yes", "sort_order": "1"},
    "alias": {"group_id": "port_turkmenbashi", "name": "Krasnovodsk", "lang": "en", "kind": "former_name",
              "sources": [5]},
}


def run(kind: str, **changes: object) -> tuple[dict[str, object], list[FieldError]]:
    """Validate VALID[kind] with some fields changed."""
    return validate(kind, {**VALID[kind], **changes}, CTX)


def errors_of(errors: list[FieldError], field: str) -> list[str]:
    return [e.code for e in errors if e.field == field]


def only_error(kind: str, field: str, code: str, **changes: object) -> FieldError:
    """Assert that the changed record fails with exactly one error, ``code`` on ``field``; return it."""
    _, errors = run(kind, **changes)
    assert [(e.field, e.code) for e in errors] == [(field, code)], errors
    return errors[0]


def clean_value(kind: str, field: str, value: object) -> object:
    clean, errors = run(kind, **{field: value})
    assert errors == [], errors
    return clean[field]


# --- the field tables ---------------------------------------------------------------------------------------------

def test_every_kind_has_fields_of_known_types() -> None:
    assert set(FIELDS) == set(KINDS)
    for kind, specs in FIELDS.items():
        names = [s.name for s in specs]
        assert len(names) == len(set(names)), kind
        for spec in specs:
            assert spec.type in TYPES
            if spec.type in ("text", "longtext", "url"):
                assert spec.max_length, (kind, spec.name)
            if spec.type in ("int", "year", "money", "lat", "lon"):
                assert spec.minimum is not None and spec.maximum is not None, (kind, spec.name)


def test_field_spec_refuses_an_unknown_type() -> None:
    with pytest.raises(ValueError):
        FieldSpec("x", "colour")
    with pytest.raises(ValueError):
        FieldSpec("x", "ref", ref="planet")


def test_unknown_kind_raises() -> None:
    with pytest.raises(ValueError):
        validate("mechanism", {}, CTX)


# --- whole records ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("kind", KINDS)
def test_valid_record_of_each_kind_passes(kind: str) -> None:
    clean, errors = validate(kind, VALID[kind], CTX)
    assert errors == []
    assert list(clean) == [s.name for s in FIELDS[kind]]


def test_clean_values_are_normalised() -> None:
    clean, _ = validate("agreement", VALID["agreement"], CTX)
    assert clean["title_en"] == "Agreement on trade"
    assert clean["title_kk"] is None
    assert clean["date_signed"] == "2022-05-12"
    assert clean["doc_count"] == 1 and isinstance(clean["doc_count"], int)
    assert clean["event_id"] == 1
    assert clean["partners"] == ("TUR",) and clean["sectors"] == ("energy",) and clean["sources"] == (5,)
    trade, _ = validate("trade", VALID["trade"], CTX)
    assert trade["partner_iso3"] == "TUR" and trade["year"] == 2023 and trade["turnover_usd_m"] == 6300.5
    assert trade["exports_usd_m"] is None and trade["sources"] == (6,)
    node, _ = validate("node", VALID["node"], CTX)
    assert node["country_iso3"] == "KAZ" and node["lat"] == 43.65 and node["lon"] == 51.17
    assert node["sources"] == ()
    partner, _ = validate("partner", VALID["partner"], CTX)
    assert partner["iso3"] == "TUR" and partner["is_focus"] is True and partner["sort_order"] == 1


def test_unknown_keys_are_ignored() -> None:
    clean, errors = run("corridor", colour="red", id=99)
    assert errors == [] and "colour" not in clean and "id" not in clean


@pytest.mark.parametrize(("kind", "required"), [
    ("agreement", {"doc_type", "status", "doc_count", "partners"}),
    ("event", {"kind", "partners"}),
    ("trade", {"partner_iso3", "year", "period", "statistics", "qualifier"}),
    ("target", {"partner_iso3", "metric"}),
    ("fact", {"metric", "value", "qualifier"}),
    ("source", set()),
    ("node", {"name_en", "country_iso3", "kind"}),
    ("segment", {"corridor_id", "from_node_id", "to_node_id", "mode", "status"}),
    ("corridor", {"name_en"}),
    ("partner", {"iso3", "name_en", "name_ru", "is_focus", "sort_order"}),
])
def test_missing_values_are_required(kind: str, required: set[str]) -> None:
    clean, errors = validate(kind, {}, CTX)
    assert {e.field for e in errors if e.code == "required"} == required
    assert all(e.code in ("required", "one_required") for e in errors)
    defaults = {spec.name: spec.default for spec in FIELDS[kind] if spec.default is not None}
    assert all(v is None or v == () for name, v in clean.items() if name not in defaults)
    assert all(clean[name] == value for name, value in defaults.items())


def test_a_target_without_a_kind_is_a_level_and_no_estimate() -> None:
    clean, _ = validate("target", {}, CTX)
    assert clean["kind"] == "level" and clean["estimate"] is False
    clean, errors = validate("target", {"kind": "double"}, CTX)
    assert [e.code for e in errors if e.field == "kind"] == ["unknown_code"]


@pytest.mark.parametrize("empty", [None, "", "   ", "\u00a0\t", "\u200b"])
def test_empty_text_is_none_and_required(empty: object) -> None:
    error = only_error("corridor", "name_en", "required", name_en=empty)
    assert error.params == {}
    assert clean_value("corridor", "name_ru", empty) is None


# --- text ---------------------------------------------------------------------------------------------------------

def test_text_is_trimmed() -> None:
    assert clean_value("corridor", "name_en", "  Middle Corridor\u00a0\n") == "Middle Corridor"
    assert clean_value("corridor", "name_en", "\ufeffMiddle Corridor\u200b") == "Middle Corridor"
    assert clean_value("corridor", "description_en", "\n  Line one\n\tLine two  \n") == "Line one\n\tLine two"


def test_text_is_nfc_normalised() -> None:
    assert clean_value("partner", "name_en", "Tu\u0308rkiye") == "Türkiye"


@pytest.mark.parametrize("bad", ["a\x00b", "a\x07b", "a\x1bb", "a\x7fb", "a\x85b", "line\nbreak", "tab\there", "a\rb",
                                 "a\u2028b"])
def test_control_characters_in_single_line_text(bad: str) -> None:
    only_error("corridor", "name_en", "control_chars", name_en=bad)


@pytest.mark.parametrize("bad", ["a\x00b", "a\x0bb", "a\x0cb", "a\x1fb", "a\x9fb"])
def test_control_characters_in_longtext(bad: str) -> None:
    only_error("corridor", "description_en", "control_chars", description_en=bad)


def test_longtext_keeps_newlines_and_tabs_and_unifies_line_ends() -> None:
    assert clean_value("corridor", "description_en", "a\r\nb\rc\u2029d\te") == "a\nb\nc\nd\te"


@pytest.mark.parametrize(("field", "value"), [
    ("name_en", "\ud800"), ("name_en", "ab\udfffcd"), ("description_en", "text \udc00 more"),
])
def test_lone_surrogates_are_bad_text(field: str, value: str) -> None:
    only_error("corridor", field, "bad_text", **{field: value})


def test_non_text_objects_are_bad_text() -> None:
    only_error("corridor", "name_en", "bad_text", name_en=object())
    assert clean_value("fact", "value", 4000) == "4000"


def test_too_long_title() -> None:
    error = only_error("agreement", "title_en", "too_long", title_en="x" * 200_000)
    assert error.params == {"max": 500, "length": 200_000}
    assert clean_value("agreement", "title_en", "x" * 500) == "x" * 500
    assert only_error("agreement", "title_en", "too_long", title_en="y" * 501).params == {"max": 500, "length": 501}


def test_length_counts_after_trimming_and_in_characters() -> None:
    assert clean_value("fact", "unit", "  " + "ж" * 40 + "  ") == "ж" * 40
    assert only_error("fact", "unit", "too_long", unit="ж" * 41).params == {"max": 40, "length": 41}
    assert only_error("agreement", "summary_en", "too_long", summary_en="s" * 5001).params["max"] == 5000
    assert only_error("fact", "value", "too_long", value="v" * 2001).params["max"] == 2000


# --- numbers ------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("1234.5", 1234.5), ("1234,5", 1234.5), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1\u202f234,5", 1234.5),
    ("1,234.5", 1234.5), ("1 234.5", 1234.5), ("1,234,567", 1234567.0), ("1 234 567", 1234567.0),
    (" 42 ", 42.0), ("0", 0.0), ("0,125", 0.125), ("1234,567", 1234.567), ("-3,5", -3.5), ("\u22122", -2.0),
    ("+7", 7.0), (".5", 0.5), ("-0", 0.0),
])
def test_parse_user_number_accepts(text: str, expected: float) -> None:
    value = parse_user_number(text)
    assert value == expected and isinstance(value, float)
    assert math.copysign(1.0, value) == math.copysign(1.0, expected)


@pytest.mark.parametrize("text", [
    "1,2,3", "abc", "nan", "NaN", "inf", "-inf", "Infinity", "", "  ", "1e3", "1_000", "0x10", "1.2.3", "1 23",
    "1  234", "12 34,5", "1,23,456", "1.234,5", "1234.", "- 5", "5-", "1,234", "12,345", "１２", "٣", "1" * 400,
])
def test_parse_user_number_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_user_number(text)


def test_money_normalises_user_numbers() -> None:
    for text in ("1 234,5", "1\u00a0234,5", "1,234.5", "1234.5", "1234,5"):
        assert clean_value("trade", "exports_usd_m", text) == 1234.5
    assert clean_value("trade", "exports_usd_m", 12) == 12.0
    assert isinstance(clean_value("trade", "exports_usd_m", 12), float)


@pytest.mark.parametrize("bad", ["abc", "nan", "inf", "1,2,3", float("nan"), float("inf"), True, [1], "1,234"])
def test_bad_numbers(bad: object) -> None:
    only_error("trade", "turnover_usd_m", "bad_number", turnover_usd_m=bad)


def test_bad_number_quotes_the_value() -> None:
    assert only_error("trade", "turnover_usd_m", "bad_number", turnover_usd_m=" abc ").params == {"value": "abc"}


@pytest.mark.parametrize("bad", ["2.5", "1,5", 2.5])
def test_integers_refuse_fractions(bad: object) -> None:
    only_error("agreement", "doc_count", "not_integer", doc_count=bad)
    only_error("trade", "year", "not_integer", year=bad)


def test_integers_accept_whole_numbers() -> None:
    assert clean_value("agreement", "doc_count", "1 000") == 1000
    assert clean_value("agreement", "doc_count", 3.0) == 3
    assert isinstance(clean_value("agreement", "doc_count", 3.0), int)
    assert clean_value("event", "documents_signed", "0") == 0


@pytest.mark.parametrize(("kind", "field", "value", "low", "high"), [
    ("agreement", "doc_count", "0", 1, 1000),
    ("agreement", "doc_count", "1001", 1, 1000),
    ("event", "documents_signed", "-1", 0, 10_000),
    ("event", "documents_signed", "10001", 0, 10_000),
    ("trade", "year", "1990", 1991, 2100),
    ("trade", "year", "2101", 1991, 2100),
    ("target", "horizon_year", "1900", 1991, 2100),
    ("trade", "turnover_usd_m", "10 000 001", 0, 10_000_000),
    ("node", "lat", "90.5", -90, 90),
    ("node", "lon", "-180,5", -180, 180),
    ("partner", "sort_order", "-1", 0, 10_000),
    ("partner", "sort_order", "10001", 0, 10_000),
])
def test_out_of_range(kind: str, field: str, value: str, low: float, high: float) -> None:
    error = only_error(kind, field, "out_of_range", **{field: value})
    assert error.params == {"min": low, "max": high}


@pytest.mark.parametrize(("kind", "field", "high"), [
    ("target", "value_usd_m", 10_000_000), ("target", "multiplier", 100), ("segment", "length_km", 20_000),
])
def test_strictly_positive_fields_refuse_zero(kind: str, field: str, high: float) -> None:
    error = only_error(kind, field, "out_of_range", **{field: "0"})
    assert error.params == {"min": 0, "max": high, "min_exclusive": True}
    only_error(kind, field, "out_of_range", **{field: str(high + 1)})
    assert clean_value(kind, field, "0,5") == 0.5


def test_range_bounds_are_inclusive() -> None:
    assert clean_value("node", "lat", "-90") == -90.0
    assert clean_value("node", "lon", "180") == 180.0
    assert clean_value("trade", "year", 1991) == 1991
    assert clean_value("trade", "imports_usd_m", "10 000 000") == 10_000_000.0
    assert clean_value("trade", "imports_usd_m", "0") == 0.0
    assert clean_value("target", "multiplier", "100") == 100.0


@pytest.mark.parametrize(("kind", "field"), [
    ("trade", "turnover_usd_m"), ("trade", "exports_usd_m"), ("trade", "imports_usd_m"), ("target", "value_usd_m"),
])
def test_negative_money(kind: str, field: str) -> None:
    assert only_error(kind, field, "negative", **{field: "-1,5"}).params == {"value": "-1.5"}


def test_negative_zero_money_is_zero() -> None:
    value = clean_value("trade", "exports_usd_m", "-0")
    assert value == 0.0 and math.copysign(1.0, value) == 1.0


def test_free_float_accepts_any_finite_number() -> None:
    assert clean_value("fact", "value_num", "-1 234,5") == -1234.5
    only_error("fact", "value_num", "bad_number", value_num="inf")


# --- dates --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("2024", "2024"), ("2024-03", "2024-03"), ("2024-03-05", "2024-03-05"), ("05.03.2024", "2024-03-05"),
    ("5.3.2024", "2024-03-05"), ("03.2024", "2024-03"), ("3.2024", "2024-03"), (" 29.02.2024 ", "2024-02-29"),
    ("1800", "1800"), ("31.12.2100", "2100-12-31"),
])
def test_parse_user_date_accepts(text: str, expected: str) -> None:
    assert parse_user_date(text) == expected


@pytest.mark.parametrize("text", [
    "31.02.2024", "29.02.2023", "2024-02-30", "2024-13", "2024-00", "13.2024", "32.01.2024", "1799", "2101",
    "01.01.2101", "abc", "", "2024/03/05", "24", "2024-3-5", "２０２４", "05.03.24", "2024-03-05T10:00",
])
def test_parse_user_date_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_user_date(text)


def test_dates_are_normalised_in_records() -> None:
    assert clean_value("agreement", "date_signed", "12.05.2022") == "2022-05-12"
    assert clean_value("agreement", "date_signed", dt.date(2022, 5, 12)) == "2022-05-12"
    assert clean_value("agreement", "date_signed", 2022) == "2022"
    assert clean_value("source", "published", "4.2024") == "2024-04"


@pytest.mark.parametrize("bad", ["31.02.2024", "2024-02-30", "1799", "2101", "someday", dt.date(1700, 1, 1), 3.5])
def test_bad_dates(bad: object) -> None:
    error = only_error("agreement", "date_signed", "bad_date", date_signed=bad)
    assert "value" in error.params


def test_bad_date_quotes_the_value() -> None:
    error = only_error("target", "stated_on", "bad_date", stated_on="31.02.2024")
    assert error.params["value"] == "31.02.2024"


def test_end_before_start() -> None:
    error = only_error("event", "date_end", "end_before_start", date_start="10.05.2022", date_end="09.05.2022")
    assert error.params == {"start": "2022-05-10", "end": "2022-05-09"}
    assert run("event", date_start="2022-05-10", date_end="2022-05-10")[1] == []
    assert run("event", date_start=None, date_end="2022-05-10")[1] == []
    assert run("event", date_start="2022-05-10", date_end=None)[1] == []
    assert run("event", date_start="2022-05", date_end="2022-05-10")[1] == []
    # The schema compares the ISO texts, so an end less precise than the start's day is before it.
    only_error("event", "date_end", "end_before_start", date_start="2022-05-10", date_end="2022-05")


def test_end_before_start_is_not_reported_over_a_bad_date() -> None:
    only_error("event", "date_end", "bad_date", date_start="2022-05-10", date_end="31.02.2022")


# --- codes --------------------------------------------------------------------------------------------------------

def test_is_iso3() -> None:
    assert is_iso3("KAZ") and is_iso3("TUR") and is_iso3("AZE")
    for bad in ("XXZ", "kaz", "KA", "KAZA", "", "K1Z", "ＫＡＺ", None, 398):
        assert not is_iso3(bad)  # type: ignore[arg-type]


def test_iso3_fields() -> None:
    assert clean_value("node", "country_iso3", "KAZ") == "KAZ"
    assert clean_value("node", "country_iso3", " tur ") == "TUR"
    assert clean_value("partner", "iso3", "aze") == "AZE"
    error = only_error("node", "country_iso3", "unknown_iso3", country_iso3="XXZ")
    assert error.params == {"value": "XXZ"}
    only_error("partner", "iso3", "unknown_iso3", iso3="KZ")
    only_error("partner", "iso3", "unknown_iso3", iso3="SUN")  # historic, not in ISO 3166-1 any more
    only_error("partner", "iso3", "unknown_iso3", iso3=398)


def test_vocab_and_enum_codes() -> None:
    error = only_error("agreement", "doc_type", "unknown_code", doc_type="treaty")
    assert error.params == {"value": "treaty"}
    assert clean_value("agreement", "doc_type", " memorandum ") == "memorandum"
    only_error("agreement", "level", "unknown_code", level="cosmic")
    only_error("trade", "statistics", "unknown_code", statistics="official")
    only_error("trade", "qualifier", "unknown_code", qualifier="Exact")
    only_error("target", "metric", "unknown_code", metric="gdp")
    only_error("fact", "metric", "unknown_code", metric="trade_turnover")
    only_error("segment", "mode", "unknown_code", mode=3)


def test_vocab_missing_from_context_accepts_nothing() -> None:
    ctx = ValidationContext(vocab={}, ids=make_ctx().ids)
    _, errors = validate("agreement", VALID["agreement"], ctx)
    assert {(e.field, e.code) for e in errors} == {
        ("doc_type", "unknown_code"), ("level", "unknown_code"), ("status", "unknown_code"),
        ("sectors", "unknown_code")}


@pytest.mark.parametrize(("text", "expected"), [
    ("FY", "FY"), ("fy", "FY"), ("H1", "H1"), ("Q1", "Q1"), ("1M", "1M"), ("9m", "9M"), ("11M", "11M"),
])
def test_periods_accepted(text: str, expected: str) -> None:
    assert clean_value("trade", "period", text) == expected


@pytest.mark.parametrize("bad", ["12M", "0M", "13M", "H2", "Q4", "FY2024", "M", "9 M", 9])
def test_periods_refused(bad: object) -> None:
    only_error("trade", "period", "unknown_code", period=bad)


@pytest.mark.parametrize(("text", "expected"), [("en", "en"), ("RU", "ru"), (" kk ", "kk"), ("tk", "tk")])
def test_source_language(text: str, expected: str) -> None:
    assert clean_value("source", "language", text) == expected


@pytest.mark.parametrize("bad", ["xx", "eng", "en-GB", "e", "русский"])
def test_source_language_refused(bad: str) -> None:
    only_error("source", "language", "unknown_code", language=bad)


# --- references ---------------------------------------------------------------------------------------------------

def test_single_references() -> None:
    assert clean_value("agreement", "event_id", "2") == 2
    assert clean_value("agreement", "event_id", 2) == 2
    assert clean_value("agreement", "event_id", " 2 ") == 2
    assert clean_value("trade", "partner_iso3", " aze ") == "AZE"
    assert only_error("agreement", "event_id", "unknown_reference", event_id="99").params == {"value": "99"}
    only_error("agreement", "event_id", "unknown_reference", event_id="one")
    only_error("agreement", "event_id", "unknown_reference", event_id=True)
    only_error("agreement", "event_id", "unknown_reference", event_id="-1")
    assert only_error("trade", "partner_iso3", "unknown_reference", partner_iso3="arm").params == {"value": "ARM"}
    only_error("fact", "corridor_id", "unknown_reference", corridor_id="4")


def test_reference_lists_keep_order_and_drop_duplicates() -> None:
    assert clean_value("event", "partners", ["aze", "TUR", " tur ", "AZE"]) == ("AZE", "TUR")
    assert clean_value("agreement", "sources", ["6", 5, "5", 6.0]) == (6, 5)
    assert clean_value("agreement", "sectors", ["transport", " energy", "transport"]) == ("transport", "energy")
    assert clean_value("event", "partners", "TUR, aze") == ("TUR", "AZE")
    assert clean_value("event", "partners", ("TUR", "", None)) == ("TUR",)


def test_each_reference_is_checked() -> None:
    _, errors = run("agreement", partners=["TUR", "ARM", "GEO", "arm"], sources=["5", "7"], sectors=["energy", "x"])
    assert [(e.field, e.code, e.params) for e in errors] == [
        ("partners", "unknown_reference", {"value": "ARM"}),
        ("partners", "unknown_reference", {"value": "GEO"}),
        ("sectors", "unknown_code", {"value": "x"}),
        ("sources", "unknown_reference", {"value": "7"}),
    ]


@pytest.mark.parametrize("empty", [None, [], (), [""], "  "])
def test_partners_are_required(empty: object) -> None:
    only_error("agreement", "partners", "required", partners=empty)
    only_error("event", "partners", "required", partners=empty)
    assert clean_value("agreement", "sources", empty) == ()


def test_reference_kind_missing_from_context_accepts_nothing() -> None:
    ctx = ValidationContext(vocab=make_ctx().vocab, ids={})
    _, errors = validate("segment", VALID["segment"], ctx)
    assert [(e.field, e.code) for e in errors] == [
        ("corridor_id", "unknown_reference"), ("from_node_id", "unknown_reference"),
        ("to_node_id", "unknown_reference")]


def test_fact_may_name_a_partner_a_corridor_both_or_neither() -> None:
    for partner, corridor in (("TUR", None), (None, 3), ("TUR", 3), (None, None)):
        assert run("fact", partner_iso3=partner, corridor_id=corridor)[1] == []


# --- booleans and links -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("value", "expected"), [
    (True, True), (False, False), ("1", True), ("0", False), ("true", True), ("False", False), ("yes", True),
    (" NO ", False), (1, True), (0, False),
])
def test_bools(value: object, expected: bool) -> None:
    assert clean_value("partner", "is_focus", value) is expected


@pytest.mark.parametrize("bad", ["maybe", "2", 2, "y", 0.5])
def test_bad_bools(bad: object) -> None:
    only_error("partner", "is_focus", "bad_bool", is_focus=bad)


@pytest.mark.parametrize(("text", "expected"), [
    ("https://www.akorda.kz/en/news", "https://www.akorda.kz/en/news"),
    ("  http://example.com  ", "http://example.com"),
    ("HTTPS://Example.com/Path?q=1#x", "https://Example.com/Path?q=1#x"),
    ("https://мид.рф/путь", "https://мид.рф/путь"),
    ("http://example.com:8080/", "http://example.com:8080/"),
])
def test_urls_accepted(text: str, expected: str) -> None:
    assert clean_value("source", "url", text) == expected


@pytest.mark.parametrize("bad", [
    "ftp://example.com", "javascript:alert(1)", "file:///etc/passwd", "example.com", "//example.com", "https://",
    "https:///path", "https://exa mple.com", "https://example.com/a b", "https://example.com/a\u00a0b",
    "http://example.com:99999/", "http://[::1", "mailto:a@b.kz",
])
def test_urls_refused(bad: str) -> None:
    error = only_error("source", "url", "bad_url", url=bad)
    assert "value" in error.params


def test_url_length_and_control_characters() -> None:
    only_error("source", "url", "too_long", url="https://example.com/" + "a" * 2000)
    only_error("source", "url", "control_chars", url="https://example.com/\x00")


# --- rules across fields ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("kind", "group"), [
    ("agreement", ["title_en", "title_ru", "title_kk"]),
    ("event", ["title_en", "title_ru"]),
    ("trade", ["turnover_usd_m", "exports_usd_m", "imports_usd_m"]),
    ("target", ["value_usd_m", "multiplier"]),
    ("source", ["url", "title"]),
])
def test_one_required(kind: str, group: list[str]) -> None:
    _, errors = run(kind, **{name: "  " for name in group})
    assert [(e.field, e.code, e.params) for e in errors] == [(name, "one_required", {"fields": group})
                                                              for name in group]
    for name in group:  # any one of them is enough
        value = "https://example.com" if name == "url" else "5"
        assert run(kind, **{**{n: None for n in group}, name: value})[1] == []


def test_one_required_is_not_reported_over_a_bad_member() -> None:
    _, errors = run("trade", turnover_usd_m="abc", exports_usd_m=None, imports_usd_m=None)
    assert [(e.field, e.code) for e in errors] == [("turnover_usd_m", "bad_number")]


def test_lat_lon_pair() -> None:
    error = only_error("node", "lon", "lat_lon_pair", lat="43.6", lon=None)
    assert error.params == {"fields": ["lat", "lon"]}
    only_error("node", "lat", "lat_lon_pair", lat="", lon="51.2")
    clean, errors = run("node", lat=None, lon=None)
    assert errors == [] and clean["lat"] is None and clean["lon"] is None
    only_error("node", "lat", "out_of_range", lat="95", lon=None)  # not also lat_lon_pair


def test_same_nodes() -> None:
    error = only_error("segment", "to_node_id", "same_nodes", from_node_id="10", to_node_id=10)
    assert error.params == {"value": "10"}
    only_error("segment", "to_node_id", "unknown_reference", from_node_id="10", to_node_id="12")


def test_all_codes_are_listed() -> None:
    bad = {
        "agreement": {"title_en": "a\x00", "title_ru": "\ud800", "title_kk": "k" * 501, "date_signed": "x",
                      "doc_count": "1.5", "event_id": "9", "level": "zz", "sectors": ["zz"]},
        "event": {"date_start": "2024", "date_end": "2023", "documents_signed": "-5"},
        "trade": {"turnover_usd_m": "-1", "year": "x", "period": "H2"},
        "node": {"country_iso3": "XXZ", "lat": "1"},
        "segment": {"from_node_id": 10, "to_node_id": 10},
        "partner": {"is_focus": "maybe"},
        "source": {"url": "ftp://x"},
        "target": {"value_usd_m": None, "multiplier": None},
        "alias": {"group_id": "Port X", "name": "%%%", "kind": "former_name"},
    }
    more = [("segment", {"route": '[{"lat": 95, "lon": 50}]'}),
            ("node", {"position_approx": True}),
            ("node", {"position_approx": True, "lat": 43.2, "lon": 51.6})]
    seen = set()
    for kind, values in [*bad.items(), *more]:
        _, errors = validate(kind, values, CTX)
        seen |= {e.code for e in errors}
    assert seen == set(ERROR_CODES)
