"""Build the bundled database from the reviewable seed files in ``db/seed/``.

    python -m desktop.data.build [--seeds db/seed] [--output db/atlas.sqlite]

The build is deterministic (same seeds, same SQLite: same file) and all-or-nothing: every problem
in the seeds is reported with its file, row and reason, and then nothing is written. The output is
written to a temporary file beside the target and renamed into place.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import io
import math
import os
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import pycountry
import sqlite_utils

from desktop.core.dates import DateError, normalise_date
from desktop.core.errors import AtlasError
from desktop.core.records import SOURCE_KINDS, RowValues
from desktop.core.routes import MAX_NAME, MAX_NOTE, MAX_ROUTE_POINTS, ROUTE_POINT_KINDS, RoutePoint, route_json
from desktop.core.validation import ALIAS_KINDS, FIELDS, FieldError, FieldSpec, ValidationContext, validate
from desktop.data import migrations
from desktop.data.aliases import COUNTRY_NAMES_SOURCE, country_names, folded_words
from desktop.data.database import connect

SEED_COLUMNS: dict[str, tuple[str, ...]] = {
    "vocab.csv": ("vocab", "code", "name_en", "name_ru", "name_kk", "sort_order"),
    "partners.csv": ("iso3", "name_en", "name_ru", "name_kk", "is_focus", "sort_order"),
    "sources.csv": ("id", "url", "title", "publisher", "published", "language", "kind", "taken_en"),
    "metrics.csv": ("code", "name_en", "name_ru", "name_kk", "unit_en", "unit_ru", "unit_kk"),
    "mechanisms.csv": ("id", "partner_iso3", "name_en", "name_ru", "name_kk", "established", "note_en", "note_ru",
                       "source_ids"),
    "events.csv": ("id", "kind", "date_start", "date_end", "partner_iso3", "place_en", "place_ru", "title_en",
                   "title_ru", "summary_en", "summary_ru", "documents_signed", "source_ids"),
    "agreements.csv": ("id", "event_id", "date_signed", "partner_iso3", "title_en", "title_ru", "title_kk",
                       "summary_en", "summary_ru", "doc_type", "level", "sectors", "status", "doc_count",
                       "title_ru_working", "title_kk_working", "source_ids"),
    "trade.csv": ("id", "partner_iso3", "year", "period", "turnover_usd_m", "exports_usd_m", "imports_usd_m",
                  "statistics", "qualifier", "note_en", "note_ru", "source_ids"),
    "targets.csv": ("id", "partner_iso3", "metric", "kind", "value_usd_m", "multiplier", "base_year", "estimate",
                    "horizon_year", "horizon_note_en", "horizon_note_ru", "stated_on", "stated_by_en", "stated_by_ru",
                    "stated_role", "note_en", "note_ru", "source_ids"),
    "corridors.csv": ("id", "name_en", "name_ru", "name_kk", "description_en", "description_ru", "description_kk",
                      "source_ids"),
    "facts.csv": ("id", "partner_iso3", "corridor_id", "metric", "value", "value_ru", "value_kk", "value_num",
                  "qualifier", "unit",
                  "as_of", "note_en", "note_ru", "source_ids"),
    "nodes.csv": ("id", "name_en", "name_ru", "name_kk", "country_iso3", "kind", "lat", "lon", "position_approx",
                  "position_from", "note_en", "note_ru", "source_ids"),
    "segments.csv": ("id", "corridor_id", "from_node", "to_node", "mode", "status", "length_km", "note_en",
                     "note_ru", "source_ids"),
    "routes.csv": ("segment_id", "seq", "lat", "lon", "kind", "name_en", "name_ru", "source_id", "note_en"),
    "projects.csv": ("id", "name_en", "name_ru", "partner_iso3", "corridor_id", "node_id", "status",
                     "description_en", "description_ru", "source_ids"),
    "links.csv": ("record_kind", "record_id", "place_kind", "place_id"),
    "conflicts.csv": ("group_id", "record_kind", "record_id", "preferred", "reason_en", "reason_ru"),
    "aliases.csv": ("id", "group_id", "name", "lang", "kind", "note_en", "source_ids"),
}
# Build order: each file may only refer to files before it.
SEED_ORDER = tuple(SEED_COLUMNS)

# vocab.csv names each vocabulary in the singular: "doc_type" fills the schema's table doc_types.
VOCAB_TABLES = {table[:-2] if table.endswith("ses") else table[:-1]: table for table in migrations.VOCABULARIES}
# Records without a source are allowed only here (general geographic knowledge).
SOURCELESS_NODE_KINDS = {"city"}

_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,79}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class SeedProblem:
    file: str
    row: int  # spreadsheet numbering: the header is row 1
    column: str
    reason: str

    def __str__(self) -> str:
        where = f"{self.file}, row {self.row}" if self.row else self.file
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.reason}"


class SeedError(AtlasError):
    """The seeds are broken; ``problems`` lists every problem found."""

    def __init__(self, problems: list[SeedProblem]):
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems[:200])
        more = f"\n  … and {len(problems) - 200} more" if len(problems) > 200 else ""
        super().__init__(f"The seed files have {len(problems)} problem(s):\n{lines}{more}")


@dataclass
class _Row:
    file: str
    number: int
    values: dict[str, str]


@dataclass
class _Context:
    problems: list[SeedProblem] = field(default_factory=list)
    ids: dict[str, dict[str, int]] = field(default_factory=dict)  # kind -> uid -> integer id
    vocab: dict[str, set[str]] = field(default_factory=dict)
    sources: dict[str, int] = field(default_factory=dict)
    partners: dict[str, int] = field(default_factory=dict)
    metrics: set[str] = field(default_factory=set)
    tables: dict[str, list[RowValues]] = field(default_factory=dict)
    record_sources: list[RowValues] = field(default_factory=list)

    def problem(self, row: _Row, column: str, reason: str) -> None:
        self.problems.append(SeedProblem(row.file, row.number, column, reason))

    def add(self, table: str, record: RowValues) -> None:
        self.tables.setdefault(table, []).append(record)

    def new_id(self, kind: str, row: _Row, uid: str) -> int | None:
        """Register a record's stable id; None (with a problem) if invalid or duplicate."""
        if not _ID.match(uid or ""):
            self.problem(row, "id", f"invalid id {uid!r} (lowercase letters, digits, _ . -, at most 80)")
            return None
        known = self.ids.setdefault(kind, {})
        if uid in known:
            self.problem(row, "id", f"duplicate id {uid!r}")
            return None
        known[uid] = len(known) + 1
        return known[uid]


# ---------------------------------------------------------------- reading and field parsing


def _read_csv(path: Path, columns: tuple[str, ...], ctx: _Context) -> list[_Row]:
    name = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        ctx.problems.append(SeedProblem(name, 0, "", f"cannot be read: {exc.strerror or exc}"))
        return []
    if raw.startswith(b"\xef\xbb\xbf"):
        ctx.problems.append(SeedProblem(name, 1, "", "starts with a byte-order mark; save as UTF-8 without BOM"))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        ctx.problems.append(SeedProblem(name, line, "", "is not valid UTF-8"))
        return []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        ctx.problems.append(SeedProblem(name, 1, "", "is empty (a header row is required)"))
        return []
    except csv.Error as exc:
        ctx.problems.append(SeedProblem(name, 1, "", f"malformed CSV: {exc}"))
        return []
    if tuple(header) != columns:
        ctx.problems.append(
            SeedProblem(name, 1, "", f"header must be {','.join(columns)} (found {','.join(header)})")
        )
        return []
    rows: list[_Row] = []
    number = 1
    try:
        for values in reader:
            number += 1
            if not values or values == [""]:
                continue
            row = _Row(name, number, {})
            if len(values) != len(columns):
                ctx.problem(row, "", f"has {len(values)} fields, expected {len(columns)}")
                continue
            bad = False
            for col, value in zip(columns, values, strict=True):
                if _CONTROL.search(value):
                    ctx.problem(row, col, "contains a control character")
                    bad = True
                row.values[col] = value.strip()
            if not bad:
                rows.append(row)
    except csv.Error as exc:
        ctx.problems.append(SeedProblem(name, number + 1, "", f"malformed CSV: {exc}"))
    return rows


def _text(row: _Row, col: str, ctx: _Context, *, required: bool = False, limit: int = 4000) -> str | None:
    value = row.values.get(col, "")
    if not value:
        if required:
            ctx.problem(row, col, "is required")
        return None
    if len(value) > limit:
        ctx.problem(row, col, f"is longer than {limit} characters")
    return value


def _date(row: _Row, col: str, ctx: _Context) -> str | None:
    value = row.values.get(col, "")
    try:
        iso = normalise_date(value)
    except DateError as exc:
        ctx.problem(row, col, f"bad date {value!r}: {exc}")
        return None
    if iso is not None and iso != value:
        ctx.problem(row, col, f"dates must be written as ISO ({iso!r}), not {value!r}")
    return iso


def _number(row: _Row, col: str, ctx: _Context, *, integer: bool = False, minimum: float | None = None,
            maximum: float | None = None, required: bool = False) -> float | int | None:
    value = row.values.get(col, "")
    if not value:
        if required:
            ctx.problem(row, col, "is required")
        return None
    try:
        number: float | int = int(value) if integer else float(value)
    except ValueError:
        ctx.problem(row, col, f"bad {'whole ' if integer else ''}number {value!r}")
        return None
    if isinstance(number, float) and not math.isfinite(number):
        ctx.problem(row, col, f"bad number {value!r}")
        return None
    if minimum is not None and number < minimum:
        ctx.problem(row, col, f"{value} is below {minimum:g}")
        return None
    if maximum is not None and number > maximum:
        ctx.problem(row, col, f"{value} is above {maximum:g}")
        return None
    return number


def _code(row: _Row, col: str, vocab: str, ctx: _Context, *, required: bool = True) -> str | None:
    value = row.values.get(col, "")
    if not value:
        if required:
            ctx.problem(row, col, "is required")
        return None
    if value not in ctx.vocab.get(vocab, set()):
        ctx.problem(row, col, f"unknown {vocab} code {value!r} (add it to vocab.csv)")
        return None
    return value


def _choice(row: _Row, col: str, choices: Iterable[str], ctx: _Context, default: str | None = None) -> str | None:
    value = row.values.get(col, "") or default
    allowed = tuple(choices)
    if value not in allowed:
        ctx.problem(row, col, f"{value!r} is not one of {', '.join(allowed)}")
        return None
    return value


def _spec(kind: str, field: str) -> FieldSpec:
    """The field's rule in the forms' table (desktop.core.validation.FIELDS): one table for the build, the
    forms and the import."""
    return next(spec for spec in FIELDS[kind] if spec.name == field)


def _field_number(row: _Row, kind: str, col: str, ctx: _Context, field: str | None = None) -> float | int | None:
    """A number checked by its field's rule (whole or not, its range, whether it is required)."""
    spec = _spec(kind, field or col)
    value = _number(row, col, ctx, integer=spec.type in ("int", "year"), minimum=spec.minimum, maximum=spec.maximum,
                    required=spec.required and spec.default is None)
    if value is not None and spec.min_exclusive and spec.minimum is not None and value <= spec.minimum:
        ctx.problem(row, col, f"{row.values[col]} is not above {spec.minimum:g}")
        return None
    return value


def _field_choice(row: _Row, kind: str, col: str, ctx: _Context, field: str | None = None) -> str | None:
    """One of its field's choices (the field's default when the cell is empty; empty where it is optional)."""
    spec = _spec(kind, field or col)
    default = spec.default if isinstance(spec.default, str) else None
    if not spec.required and default is None:  # optional: an empty cell is no value
        return _choice(row, col, ("", *spec.choices), ctx, "") or None
    return _choice(row, col, spec.choices, ctx, default)


def _field_text(row: _Row, kind: str, col: str, ctx: _Context, field: str | None = None) -> str | None:
    """A text within its field's length (and required when the field is)."""
    spec = _spec(kind, field or col)
    return _text(row, col, ctx, required=spec.required, limit=spec.max_length or 4000)


def _partners(row: _Row, col: str, ctx: _Context, *, required: bool = True) -> list[int]:
    value = row.values.get(col, "")
    if not value:
        if required:
            ctx.problem(row, col, "is required")
        return []
    out = []
    for code in value.split(";"):
        code = code.strip()
        if code not in ctx.partners:
            ctx.problem(row, col, f"unknown partner code {code!r} (not in partners.csv)")
            continue
        out.append(ctx.partners[code])
    return out


def _ref(row: _Row, col: str, kind: str, ctx: _Context, *, required: bool = False) -> int | None:
    value = row.values.get(col, "")
    if not value:
        if required:
            ctx.problem(row, col, "is required")
        return None
    found = ctx.ids.get(kind, {}).get(value)
    if found is None:
        ctx.problem(row, col, f"refers to a missing {kind} {value!r}")
    return found


def _sources(row: _Row, kind: str, record_id: int | None, ctx: _Context, *, required: bool = True) -> None:
    value = row.values.get("source_ids", "")
    ids = value.split()
    if not ids and required:
        ctx.problem(row, "source_ids", "every record needs at least one source")
    for position, sid in enumerate(ids):
        source = ctx.sources.get(sid)
        if source is None:
            ctx.problem(row, "source_ids", f"missing source id {sid!r} (not in sources.csv)")
        elif record_id is not None:
            ctx.record_sources.append(
                {"record_type": kind, "record_id": record_id, "source_id": source, "position": position}
            )


# ---------------------------------------------------------------- one handler per seed file


def _vocab(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        vocab = row.values["vocab"]
        table = VOCAB_TABLES.get(vocab)
        if table is None:
            ctx.problem(row, "vocab", f"unknown vocabulary {vocab!r} (one of {', '.join(VOCAB_TABLES)})")
            continue
        code = row.values["code"]
        if not re.match(r"^[a-z][a-z0-9_]{0,39}$", code):
            ctx.problem(row, "code", f"invalid code {code!r}")
            continue
        if code in ctx.vocab.setdefault(vocab, set()):
            ctx.problem(row, "code", f"duplicate {vocab} code {code!r}")
            continue
        ctx.vocab[vocab].add(code)
        ctx.add(table, {
            "code": code,
            "name_en": _text(row, "name_en", ctx, required=True),
            "name_ru": _text(row, "name_ru", ctx, required=True),
            "name_kk": _text(row, "name_kk", ctx),
            "sort_order": _number(row, "sort_order", ctx, integer=True) or 0,
        })


def _partners_file(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        iso3 = row.values["iso3"]
        if pycountry.countries.get(alpha_3=iso3) is None:
            ctx.problem(row, "iso3", f"unknown partner code {iso3!r} (not an ISO 3166 alpha-3 code)")
            continue
        pid = ctx.new_id("partner", row, iso3.lower())
        if pid is None:
            continue
        ctx.partners[iso3] = pid
        ctx.add("partners", {
            "id": pid, "uid": iso3.lower(), "iso3": iso3,
            "name_en": _text(row, "name_en", ctx, required=True),
            "name_ru": _text(row, "name_ru", ctx, required=True),
            "name_kk": _text(row, "name_kk", ctx),
            "is_focus": _choice(row, "is_focus", ("0", "1"), ctx, default="0") == "1",
            "sort_order": _number(row, "sort_order", ctx, integer=True) or 0,
        })


# A subdomain label that names a test, staging or CDN-origin server, not the public site ("test.", "imgtest.",
# "staging.", "stage2.", "dev.", "origin-web." …).
_TEST_LABEL = re.compile(r"test|staging|^(dev|stage|stg|uat|preprod|sandbox|origin)(\d+|-.*)?$")
# Second-level names under a country code that are not a site's own name ("com.tr", "gov.kz", "co.uk").
_SECOND_LEVEL = {"com", "net", "org", "gov", "edu", "co", "ac", "info", "biz"}
# Query (or fragment) keys added by share buttons, newsletters and ad clicks: they never select the page.
_TRACKING_KEY = re.compile(r"^(utm_.*|fbclid|gclid|dclid|gbraid|wbraid|yclid|msclkid|igshid|mc_cid|mc_eid|_ga|"
                           r"ref_src|share|shared|from_share|share_source|share_medium)$")


def address_problem(url: str) -> str | None:
    """Why ``url`` is not a clean public address of a page (None if it is): a scheme other than http(s), a test or
    staging host, an explicit port, a host ending in a dot, a tracking or share parameter, or a share-button
    artefact such as ``/viber:/forward`` in the path. The bundled sources must cite the page a reader can open."""
    if not re.match(r"^https?://\S+$", url):
        return f"not a web address (http or https): {url!r}"
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return f"not a web address: {url!r}"
    host = parts.hostname or ""
    if not host:
        return f"not a web address (no host): {url!r}"
    if port is not None or parts.netloc.endswith(":"):
        return f"has an explicit port ({parts.netloc}): give the site's public address without it"
    if host.endswith("."):
        return f"the host {host!r} ends with a dot: write it without the dot"
    labels = host.split(".")
    # Only the labels before the site's own name: "latest.com.tr" is a site, "test.latest.com.tr" is not.
    site = 3 if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL else 2
    for label in labels[:-site]:
        if _TEST_LABEL.search(label):
            return f"{host!r} is a test, staging or origin server, not the public site: cite the public page"
    for where, text in (("parameter", parts.query), ("fragment", parts.fragment)):
        for key, _value in parse_qsl(text, keep_blank_values=True):
            if _TRACKING_KEY.match(key.lower()):
                return f"has the tracking or share {where} {key!r}: remove it"
    if any(segment.endswith(":") for segment in parts.path.split("/")):
        return f"has a share-button artefact in its path ({parts.path!r}): cite the page itself"
    return None


def _sources_file(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        uid = row.values["id"]
        sid = ctx.new_id("source", row, uid)
        url = _text(row, "url", ctx)
        title = _text(row, "title", ctx)
        problem = address_problem(url) if url else None
        if problem:
            ctx.problem(row, "url", problem)
        if not url and not title:
            ctx.problem(row, "url", "a source needs a URL or a title")
        if sid is None:
            continue
        ctx.sources[uid] = sid
        ctx.add("sources", {
            "id": sid, "uid": uid, "url": url, "title": title,
            "publisher": _text(row, "publisher", ctx),
            "published": _date(row, "published", ctx),
            "language": _text(row, "language", ctx, limit=20),
            "kind": _choice(row, "kind", ("", *SOURCE_KINDS), ctx, "") or None,
            "taken_en": _text(row, "taken_en", ctx),
        })


def _metrics(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        code = row.values["code"]
        if not re.match(r"^[a-z0-9][a-z0-9_]{0,79}$", code) or code in ctx.metrics:
            ctx.problem(row, "code", f"invalid or duplicate metric code {code!r}")
            continue
        ctx.metrics.add(code)
        ctx.add("metrics", {
            "code": code,
            "name_en": _text(row, "name_en", ctx, required=True),
            "name_ru": _text(row, "name_ru", ctx, required=True),
            "name_kk": _text(row, "name_kk", ctx),
            "unit_en": _text(row, "unit_en", ctx),
            "unit_ru": _text(row, "unit_ru", ctx),
            "unit_kk": _text(row, "unit_kk", ctx),
        })


def _mechanisms(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        mid = ctx.new_id("mechanism", row, row.values["id"])
        partner = _partners(row, "partner_iso3", ctx)
        if len(partner) > 1:
            ctx.problem(row, "partner_iso3", "a mechanism belongs to one partner")
        record = {
            "id": mid, "uid": row.values["id"], "partner_id": partner[0] if partner else None,
            "name_en": _text(row, "name_en", ctx, required=True), "name_ru": _text(row, "name_ru", ctx),
            "name_kk": _text(row, "name_kk", ctx),
            "established": _date(row, "established", ctx),
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "mechanism", mid, ctx)
        if mid is not None:
            ctx.add("mechanisms", record)


def _events(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        eid = ctx.new_id("event", row, row.values["id"])
        partners = _partners(row, "partner_iso3", ctx)
        start, end = _date(row, "date_start", ctx), _date(row, "date_end", ctx)
        if start and end and end < start:
            ctx.problem(row, "date_end", "ends before it starts")
        title_en, title_ru = _text(row, "title_en", ctx), _text(row, "title_ru", ctx)
        if not title_en and not title_ru:
            ctx.problem(row, "title_en", "an event needs a title in at least one language")
        record = {
            "id": eid, "uid": row.values["id"], "kind": _code(row, "kind", "event_kind", ctx),
            "date_start": start, "date_end": end,
            "place_en": _text(row, "place_en", ctx), "place_ru": _text(row, "place_ru", ctx),
            "title_en": title_en, "title_ru": title_ru,
            "summary_en": _text(row, "summary_en", ctx), "summary_ru": _text(row, "summary_ru", ctx),
            "documents_signed": _field_number(row, "event", "documents_signed", ctx),
        }
        _sources(row, "event", eid, ctx)
        if eid is not None:
            ctx.add("events", record)
            for position, pid in enumerate(partners):
                ctx.add("event_partners", {"event_id": eid, "partner_id": pid, "position": position})


def _agreements(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        aid = ctx.new_id("agreement", row, row.values["id"])
        partners = _partners(row, "partner_iso3", ctx)
        titles = [_field_text(row, "agreement", c, ctx) for c in ("title_en", "title_ru", "title_kk")]
        if not any(titles):
            ctx.problem(row, "title_en", "an agreement needs a title in at least one language")
        sectors = [s for s in row.values["sectors"].split(";") if s.strip()]
        for sector in sectors:
            if sector not in ctx.vocab.get("sector", set()):
                ctx.problem(row, "sectors", f"unknown sector code {sector!r} (add it to vocab.csv)")
        record = {
            "id": aid, "uid": row.values["id"], "event_id": _ref(row, "event_id", "event", ctx),
            "date_signed": _date(row, "date_signed", ctx),
            "title_en": titles[0], "title_ru": titles[1], "title_kk": titles[2],
            "summary_en": _text(row, "summary_en", ctx), "summary_ru": _text(row, "summary_ru", ctx),
            "doc_type": _code(row, "doc_type", "doc_type", ctx),
            "level": _code(row, "level", "agreement_level", ctx, required=False),
            "status": _code(row, "status", "agreement_status", ctx),
            "doc_count": _field_number(row, "agreement", "doc_count", ctx) or 1,
            "title_ru_working": _field_text(row, "agreement", "title_ru_working", ctx),
            "title_kk_working": _field_text(row, "agreement", "title_kk_working", ctx),
        }
        if record["title_ru_working"] and titles[1]:
            ctx.problem(row, "title_ru_working", "a working translation only where no Russian title was published")
        if record["title_kk_working"] and titles[2]:
            ctx.problem(row, "title_kk_working", "a working translation only where no Kazakh title was published")
        _sources(row, "agreement", aid, ctx)
        if aid is not None:
            ctx.add("agreements", record)
            for position, pid in enumerate(partners):
                ctx.add("agreement_partners", {"agreement_id": aid, "partner_id": pid, "position": position})
            for sector in dict.fromkeys(sectors):
                ctx.add("agreement_sectors", {"agreement_id": aid, "sector": sector})


_PERIOD = re.compile(r"^(FY|H[12]|Q[1-4]|[1-9]M|1[01]M)$")


def _trade(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        tid = ctx.new_id("trade", row, row.values["id"])
        partner = _partners(row, "partner_iso3", ctx)
        if len(partner) > 1:
            ctx.problem(row, "partner_iso3", "a trade figure belongs to one partner")
        period = row.values["period"] or "FY"
        if not _PERIOD.match(period):
            ctx.problem(row, "period", f"bad period {period!r} (FY, H1, H2, Q1–Q4 or 1M–11M)")
        values = {c: _field_number(row, "trade", c, ctx) for c in ("turnover_usd_m", "exports_usd_m", "imports_usd_m")}
        if all(v is None for v in values.values()) and not any(row.values[c] for c in values):
            ctx.problem(row, "turnover_usd_m", "a trade figure needs turnover, exports or imports")
        record = {
            "id": tid, "uid": row.values["id"], "partner_id": partner[0] if partner else None,
            "year": _field_number(row, "trade", "year", ctx),
            "period": period, **values,
            "statistics": _choice(row, "statistics", _spec("trade", "statistics").choices, ctx, "unknown"),
            "qualifier": _choice(row, "qualifier", _spec("trade", "qualifier").choices, ctx, "exact"),
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "trade", tid, ctx)
        if tid is not None:
            ctx.add("trade_figures", record)


def _targets(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        tid = ctx.new_id("target", row, row.values["id"])
        partner = _partners(row, "partner_iso3", ctx)
        value = _field_number(row, "target", "value_usd_m", ctx)
        multiplier = _field_number(row, "target", "multiplier", ctx)
        if value is None and multiplier is None and not row.values["value_usd_m"] and not row.values["multiplier"]:
            ctx.problem(row, "value_usd_m", "a target needs a value or a multiplier")
        kind = _field_choice(row, "target", "kind", ctx)
        base_year = _field_number(row, "target", "base_year", ctx)
        if kind == "increase" and value is None:
            ctx.problem(row, "kind", "an increase needs value_usd_m (the amount; base_year where the source names it)")
        if kind == "multiple" and multiplier is None:
            ctx.problem(row, "kind", "a multiple needs a multiplier (and base_year, the year whose figure it "
                                     "multiplies, where the source names it)")
        if kind == "level" and value is None:
            ctx.problem(row, "kind", "a level needs value_usd_m")
        record = {
            "id": tid, "uid": row.values["id"], "partner_id": partner[0] if partner else None,
            "metric": _field_choice(row, "target", "metric", ctx),
            "kind": kind, "base_year": base_year,
            "estimate": 1 if _choice(row, "estimate", ("0", "1"), ctx, "0") == "1" else 0,
            "stated_role": _field_choice(row, "target", "stated_role", ctx),
            "value_usd_m": value, "multiplier": multiplier,
            "horizon_year": _field_number(row, "target", "horizon_year", ctx),
            "horizon_note_en": _text(row, "horizon_note_en", ctx),
            "horizon_note_ru": _text(row, "horizon_note_ru", ctx),
            "stated_on": _date(row, "stated_on", ctx),
            "stated_by_en": _text(row, "stated_by_en", ctx), "stated_by_ru": _text(row, "stated_by_ru", ctx),
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "target", tid, ctx)
        if tid is not None:
            ctx.add("targets", record)


def _corridors(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        cid = ctx.new_id("corridor", row, row.values["id"])
        record = {
            "id": cid, "uid": row.values["id"],
            "name_en": _text(row, "name_en", ctx, required=True), "name_ru": _text(row, "name_ru", ctx),
            "name_kk": _text(row, "name_kk", ctx),
            "description_en": _text(row, "description_en", ctx),
            "description_ru": _text(row, "description_ru", ctx),
            "description_kk": _text(row, "description_kk", ctx),
        }
        _sources(row, "corridor", cid, ctx)
        if cid is not None:
            ctx.add("corridors", record)


def _facts(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        fid = ctx.new_id("fact", row, row.values["id"])
        partner = _partners(row, "partner_iso3", ctx, required=False)
        metric = row.values["metric"]
        if metric not in ctx.metrics:
            ctx.problem(row, "metric", f"unknown metric {metric!r} (add it to metrics.csv)")
        record = {
            "id": fid, "uid": row.values["id"], "partner_id": partner[0] if partner else None,
            "corridor_id": _ref(row, "corridor_id", "corridor", ctx), "metric": metric,
            "value": _field_text(row, "fact", "value", ctx),
            "value_ru": _field_text(row, "fact", "value_ru", ctx),
            "value_kk": _field_text(row, "fact", "value_kk", ctx),
            "value_num": _field_number(row, "fact", "value_num", ctx),
            "qualifier": _choice(row, "qualifier", _spec("fact", "qualifier").choices, ctx, "exact"),
            "unit": _field_text(row, "fact", "unit", ctx), "as_of": _date(row, "as_of", ctx),
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "fact", fid, ctx)
        if fid is not None:
            ctx.add("facts", record)


def _nodes(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        nid = ctx.new_id("node", row, row.values["id"])
        country = row.values["country_iso3"]
        if pycountry.countries.get(alpha_3=country) is None:
            ctx.problem(row, "country_iso3", f"unknown country code {country!r} (not ISO 3166 alpha-3)")
        lat = _field_number(row, "node", "lat", ctx)
        lon = _field_number(row, "node", "lon", ctx)
        if (row.values["lat"] == "") != (row.values["lon"] == ""):
            ctx.problem(row, "lat", "give both latitude and longitude, or neither")
        kind = _code(row, "kind", "node_kind", ctx)
        approx = _choice(row, "position_approx", ("0", "1"), ctx, "0") == "1"
        origin = _field_text(row, "node", "position_from", ctx)
        if approx and lat is None:
            ctx.problem(row, "position_approx", "an approximate position needs lat and lon")
        if approx and not origin:
            ctx.problem(row, "position_from", "say where the approximate position was taken from")
        if origin and not approx:
            ctx.problem(row, "position_from",
                        "only an approximate position (position_approx = 1) says where it is from")
        record = {
            "id": nid, "uid": row.values["id"],
            "name_en": _text(row, "name_en", ctx, required=True), "name_ru": _text(row, "name_ru", ctx),
            "name_kk": _text(row, "name_kk", ctx), "country_iso3": country, "kind": kind,
            "lat": lat, "lon": lon, "position_approx": 1 if approx else 0, "position_from": origin,
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "node", nid, ctx, required=kind not in SOURCELESS_NODE_KINDS)
        if nid is not None:
            ctx.add("nodes", record)


def _segments(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        sid = ctx.new_id("segment", row, row.values["id"])
        start = _ref(row, "from_node", "node", ctx, required=True)
        end = _ref(row, "to_node", "node", ctx, required=True)
        if start is not None and start == end:
            ctx.problem(row, "to_node", "a segment cannot start and end at the same node")
        record = {
            "id": sid, "uid": row.values["id"],
            "corridor_id": _ref(row, "corridor_id", "corridor", ctx, required=True),
            "from_node_id": start, "to_node_id": end,
            "mode": _code(row, "mode", "transport_mode", ctx),
            "status": _code(row, "status", "segment_status", ctx),
            "length_km": _field_number(row, "segment", "length_km", ctx),
            "route": None,  # from routes.csv
            "note_en": _text(row, "note_en", ctx), "note_ru": _text(row, "note_ru", ctx),
        }
        _sources(row, "segment", sid, ctx)
        if sid is not None:
            ctx.add("segments", record)


def _routes(rows: list[_Row], ctx: _Context) -> None:
    """The points of each segment's route, in ``seq`` order, kept on the segment as its route text."""
    segments = {record["uid"]: record for record in ctx.tables.get("segments", [])}
    points: dict[str, list[tuple[int, RoutePoint]]] = {}
    for row in rows:
        uid = row.values["segment_id"]
        if uid not in segments:
            ctx.problem(row, "segment_id", f"unknown segment {uid!r}")
            continue
        seq = _number(row, "seq", ctx, integer=True, minimum=1, maximum=MAX_ROUTE_POINTS, required=True)
        lat = _number(row, "lat", ctx, minimum=-90, maximum=90, required=True)
        lon = _number(row, "lon", ctx, minimum=-180, maximum=180, required=True)
        kind = _choice(row, "kind", ROUTE_POINT_KINDS, ctx)
        source = row.values["source_id"] or None
        note = _text(row, "note_en", ctx, limit=MAX_NOTE)
        if source is not None and source not in ctx.sources:
            ctx.problem(row, "source_id", f"unknown source {source!r}")
        if kind == "via" and source is None:
            ctx.problem(row, "source_id", "a place the line passes needs the source that names it on this route")
        if kind == "waypoint" and source is not None:
            ctx.problem(row, "source_id",
                        "a waypoint is a drawing point of ours: it has no source (say why in note_en)")
        if kind == "waypoint" and not note:
            ctx.problem(row, "note_en", "say why the waypoint is there (e.g. keeps the sea leg on water)")
        if kind == "via" and not row.values["name_en"]:
            ctx.problem(row, "name_en", "name the place the line passes")
        if seq is None or lat is None or lon is None or kind is None:
            continue
        taken = points.setdefault(uid, [])
        if any(seq == other for other, _ in taken):
            ctx.problem(row, "seq", f"duplicate seq {seq} for segment {uid!r}")
            continue
        taken.append((int(seq), RoutePoint(lat=float(lat), lon=float(lon), kind=kind,
                                           name_en=_text(row, "name_en", ctx, limit=MAX_NAME),
                                           name_ru=_text(row, "name_ru", ctx, limit=MAX_NAME),
                                           source=source, note_en=note)))
    for uid, taken in points.items():
        segments[uid]["route"] = route_json([point for _, point in sorted(taken)])


def _projects(rows: list[_Row], ctx: _Context) -> None:
    for row in rows:
        pid = ctx.new_id("project", row, row.values["id"])
        partner = _partners(row, "partner_iso3", ctx, required=False)
        record = {
            "id": pid, "uid": row.values["id"],
            "name_en": _text(row, "name_en", ctx, required=True), "name_ru": _text(row, "name_ru", ctx),
            "partner_id": partner[0] if partner else None,
            "corridor_id": _ref(row, "corridor_id", "corridor", ctx),
            "node_id": _ref(row, "node_id", "node", ctx),
            "status": _code(row, "status", "project_status", ctx, required=False),
            "description_en": _text(row, "description_en", ctx),
            "description_ru": _text(row, "description_ru", ctx),
        }
        _sources(row, "project", pid, ctx)
        if pid is not None:
            ctx.add("projects", record)


_LINKABLE = ("agreement", "event", "project", "fact", "mechanism", "trade", "target")


def _links(rows: list[_Row], ctx: _Context) -> None:
    seen = set()
    for row in rows:
        kind = _choice(row, "record_kind", _LINKABLE, ctx)
        place_kind = _choice(row, "place_kind", ("corridor", "node"), ctx)
        if kind is None or place_kind is None:
            continue
        record_id = _ref(row, "record_id", kind, ctx, required=True)
        place_id = _ref(row, "place_id", place_kind, ctx, required=True)
        if record_id is None or place_id is None:
            continue
        key = (kind, record_id, place_kind, place_id)
        if key in seen:
            ctx.problem(row, "", "duplicate link")
            continue
        seen.add(key)
        ctx.add("record_places", {
            "record_type": kind, "record_id": record_id,
            "corridor_id": place_id if place_kind == "corridor" else None,
            "node_id": place_id if place_kind == "node" else None,
        })


def _source_strength(ctx: _Context) -> dict[tuple[str, int], int]:
    """Each record's strongest source, as its position in SOURCE_KINDS (0 = official primary, the strongest), by
    (record kind, record id), from the sources the earlier seed files cited; a record none of whose sources has a
    known kind is absent (it counts as weakest)."""
    kinds = {source["id"]: source["kind"] for source in ctx.tables.get("sources", [])}
    strongest: dict[tuple[str, int], int] = {}
    for link in ctx.record_sources:
        kind = kinds.get(link["source_id"])
        if kind in SOURCE_KINDS:
            key, rank = (link["record_type"], link["record_id"]), SOURCE_KINDS.index(kind)
            strongest[key] = min(rank, strongest.get(key, rank))
    return strongest


def _weaker_preference(members: list[tuple[_Row, str, int, bool]],
                             strength: dict[tuple[str, int], int]) -> str | None:
    """Why the preferred member of a conflict group rests on weaker sources than another member (None if it does
    not): such a preference needs a written reason, so that a reader sees why the weaker source was believed."""
    weakest = len(SOURCE_KINDS)
    preferred = [m for m in members if m[3]]
    if len(preferred) != 1:
        return None
    own = strength.get((preferred[0][1], preferred[0][2]), weakest)
    others = [(strength.get((kind, record_id), weakest), row.values["record_id"])
              for row, kind, record_id, is_preferred in members if not is_preferred]
    best, uid = min(others, default=(weakest, ""))
    if best >= own:
        return None
    own_kind = SOURCE_KINDS[own] if own < weakest else "no source of known kind"
    return (f"prefers a weaker source than {uid!r} (its best source is {SOURCE_KINDS[best]}, the preferred "
            f"record's {own_kind}): give the reason")


def _conflicts(rows: list[_Row], ctx: _Context) -> None:
    groups: dict[str, list[tuple[_Row, str, int, bool]]] = {}
    members_seen: dict[tuple[str, int], str] = {}
    for row in rows:
        group = row.values["group_id"]
        if not _ID.match(group):
            ctx.problem(row, "group_id", f"invalid group id {group!r}")
            continue
        kind = _choice(row, "record_kind", ("event", "agreement", "trade", "target", "fact"), ctx)
        preferred = _choice(row, "preferred", ("0", "1"), ctx)
        if kind is None or preferred is None:
            continue
        record_id = _ref(row, "record_id", kind, ctx, required=True)
        if record_id is None:
            continue
        if (kind, record_id) in members_seen:
            ctx.problem(row, "record_id", f"already in conflict group {members_seen[(kind, record_id)]!r}")
            continue
        members_seen[(kind, record_id)] = group
        groups.setdefault(group, []).append((row, kind, record_id, preferred == "1"))
    strength = _source_strength(ctx)
    for gid, (group, members) in enumerate(groups.items(), start=1):
        kinds = {m[1] for m in members}
        first = members[0][0]
        if len(kinds) > 1:
            ctx.problem(first, "record_kind", f"conflict group {group!r} mixes record kinds {sorted(kinds)}")
        preferred_count = sum(1 for m in members if m[3])
        if preferred_count != 1:
            ctx.problem(first, "preferred",
                        f"conflict group {group!r} has {preferred_count} preferred members (needs exactly 1)")
        if len(members) < 2:
            ctx.problem(first, "group_id", f"conflict group {group!r} has a single member")
        weaker = _weaker_preference(members, strength)
        ctx.add("conflict_groups", {"id": gid, "uid": group, "record_type": members[0][1]})
        for row, kind, record_id, is_preferred in members:
            if is_preferred and weaker and not row.values["reason_en"]:
                ctx.problem(row, "reason_en", weaker)
            ctx.add("conflict_members", {
                "group_id": gid, "record_type": kind, "record_id": record_id, "is_preferred": is_preferred,
                "reason_en": _text(row, "reason_en", ctx, required=not (is_preferred and weaker)),
                "reason_ru": _text(row, "reason_ru", ctx),
            })


# Alias fields (desktop.core.validation.FIELDS["alias"]) -> the seed column they are read from.
_ALIAS_COLUMNS = {"group_id": "group_id", "name": "name", "lang": "lang", "kind": "kind", "note_en": "note_en",
                  "sources": "source_ids"}


def _alias_problem(error: FieldError) -> str:
    """A refused alias value (the edit form's rules, desktop.core.validation) in the build's words."""
    p, value = error.params, error.params.get("value")
    if error.code == "required":
        return "is required"
    if error.code == "bad_identifier":
        return f"invalid group id {value!r} (lowercase letters, digits, _ . -, at most 80)"
    if error.code == "no_words":
        return f"{value!r} holds no word"
    if error.code == "sources_required":
        return "every record needs at least one source (a former name is a fact)"
    if error.code == "unknown_reference":
        return f"missing source id {value!r} (not in sources.csv)"
    if error.code == "unknown_code" and error.field == "lang":
        return f"bad language code {value!r} (an ISO 639-1 code, as ru, kk, en)"
    if error.code == "unknown_code":
        return f"{value!r} is not one of {', '.join(ALIAS_KINDS)}"
    if error.code == "too_long":
        return f"is longer than {p.get('max')} characters"
    if error.code == "control_chars":
        return "contains a control character"
    return f"is not valid ({error.code})"


def _aliases(rows: list[_Row], ctx: _Context) -> None:
    """The curated aliases, checked by the same rules as the edit form (desktop.core.validation), then the
    names of every country the data names (partners and nodes) from pycountry, merged into the groups
    ``country_<iso3>``: a name already in its group is not repeated."""
    seen: dict[str, set[tuple[str, ...]]] = {}  # group -> folded words of its names
    named: dict[str, set[str]] = {}  # group -> its names, case-folded
    rules = ValidationContext(vocab={}, ids={"source": set(ctx.sources)})
    for row in rows:
        aid = ctx.new_id("alias", row, row.values["id"])
        values: dict[str, object] = {name: row.values[column] for name, column in _ALIAS_COLUMNS.items()}
        values["sources"] = row.values["source_ids"].split()
        clean, errors = validate("alias", values, rules)
        for error in errors:
            ctx.problem(row, _ALIAS_COLUMNS[error.field], _alias_problem(error))
        group, name = str(clean["group_id"] or row.values["group_id"]), clean["name"]
        if isinstance(name, str) and name.casefold() in named.setdefault(group, set()):
            ctx.problem(row, "name", f"{name!r} is already in group {group!r}")
        if isinstance(name, str):
            named[group].add(name.casefold())
            seen.setdefault(group, set()).add(folded_words(name))
        if aid is None or errors:
            continue
        ctx.add("aliases", {"id": aid, "uid": row.values["id"], "group_id": group, "name": name,
                            "lang": clean["lang"], "kind": clean["kind"], "note_en": clean["note_en"]})
        cited = clean["sources"]
        if not isinstance(cited, tuple):
            raise TypeError("validate() gives the sources as a tuple")
        for position, uid in enumerate(cited):
            ctx.record_sources.append({"record_type": "alias", "record_id": aid, "source_id": ctx.sources[str(uid)],
                                       "position": position})
    node_countries = {n["country_iso3"] for n in ctx.tables.get("nodes", []) if n["country_iso3"]}
    countries = sorted(set(ctx.partners) | node_countries)
    source = ctx.sources.get(COUNTRY_NAMES_SOURCE)
    if countries and source is None:
        ctx.problems.append(SeedProblem("sources.csv", 0, "id", f"the source {COUNTRY_NAMES_SOURCE!r} of the country "
                                                                 "names taken from pycountry is missing"))
        return
    for iso3 in countries:
        group = f"country_{iso3.lower()}"
        for number, country in enumerate(country_names(iso3), start=1):
            words = folded_words(country.name)
            if not words or words in seen.setdefault(group, set()):
                continue
            seen[group].add(words)
            uid = f"{group}.{country.lang}.{number}"
            aid = ctx.new_id("alias", _Row("aliases.csv", 0, {}), uid)
            if aid is None:
                continue
            ctx.add("aliases", {"id": aid, "uid": uid, "group_id": group, "name": country.name, "lang": country.lang,
                                "kind": "name", "note_en": country.note_en})
            ctx.record_sources.append({"record_type": "alias", "record_id": aid, "source_id": source, "position": 0})


_HANDLERS: dict[str, Callable[[list[_Row], _Context], None]] = {
    "vocab.csv": _vocab, "partners.csv": _partners_file, "sources.csv": _sources_file,
    "metrics.csv": _metrics, "mechanisms.csv": _mechanisms, "events.csv": _events,
    "agreements.csv": _agreements, "trade.csv": _trade, "targets.csv": _targets,
    "corridors.csv": _corridors, "facts.csv": _facts, "nodes.csv": _nodes, "segments.csv": _segments,
    "routes.csv": _routes,
    "projects.csv": _projects, "links.csv": _links, "conflicts.csv": _conflicts, "aliases.csv": _aliases,
}
# Facts refer to corridors: read corridors before facts although the table order lists facts first.
_READ_ORDER = ("vocab.csv", "partners.csv", "sources.csv", "metrics.csv", "mechanisms.csv", "events.csv",
               "agreements.csv", "trade.csv", "targets.csv", "corridors.csv", "facts.csv", "nodes.csv",
               "segments.csv", "routes.csv", "projects.csv", "links.csv", "conflicts.csv", "aliases.csv")

# Insert order respects foreign keys.
_TABLE_ORDER = (
    *VOCAB_TABLES.values(), "partners", "sources", "metrics", "mechanisms", "events", "event_partners",
    "agreements", "agreement_partners", "agreement_sectors", "trade_figures", "targets", "corridors", "facts",
    "nodes", "segments", "projects", "aliases", "record_sources", "record_places", "conflict_groups",
    "conflict_members",
)


def seed_hash(seed_dir: Path) -> str:
    """SHA-256 over the seed files' names and bytes, in a fixed order."""
    digest = hashlib.sha256()
    for name in SEED_ORDER:
        path = seed_dir / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
    return digest.hexdigest()


def load_seeds(seed_dir: Path) -> _Context:
    """Read and check every seed file; raise SeedError listing all problems."""
    ctx = _Context()
    for name in _READ_ORDER:
        path = seed_dir / name
        if not path.exists():
            ctx.problems.append(SeedProblem(name, 0, "", f"is missing from {seed_dir}"))
            continue
        _HANDLERS[name](_read_csv(path, SEED_COLUMNS[name], ctx), ctx)
    if ctx.problems:
        raise SeedError(ctx.problems)
    return ctx


def build(seed_dir: str | os.PathLike[str], output: str | os.PathLike[str]) -> Path:
    """Build the database from the seeds into ``output`` (replaced only if the build succeeds)."""
    seed_dir, output = Path(seed_dir), Path(output)
    ctx = load_seeds(seed_dir)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".building")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
        if leftover.exists():
            leftover.unlink()
    conn = connect(tmp, wal=False)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        migrations.migrate(conn)
        db = sqlite_utils.Database(conn)
        conn.execute("BEGIN")
        for table in _TABLE_ORDER:
            rows = ctx.tables.get(table, [])
            if table == "record_sources":
                rows = ctx.record_sources
            if rows:
                db.table(table).insert_all(rows, batch_size=500)
        db.table("meta").insert_all([
            {"key": "seed_sha256", "value": seed_hash(seed_dir)},
            {"key": "schema_version", "value": str(migrations.LATEST_VERSION)},
            {"key": "kind", "value": "bundled"},
        ])
        if conn.in_transaction:
            conn.execute("COMMIT")
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise AtlasError(f"foreign key violations after the build: {problems[:10]}")
        conn.execute("INSERT INTO agreements_fts(agreements_fts) VALUES ('optimize')")
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('optimize')")
        conn.execute("VACUUM")
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise AtlasError("the built database failed its integrity check")
    except BaseException:
        conn.close()
        tmp.unlink(missing_ok=True)
        raise
    conn.close()
    os.replace(tmp, output)
    return output


def default_seed_dir() -> Path:
    from desktop.paths import source_root

    return source_root() / "db" / "seed"


def default_output() -> Path:
    from desktop.paths import source_root

    return source_root() / "db" / "atlas.sqlite"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.data.build", description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=None, help="folder of seed CSV files (default db/seed)")
    parser.add_argument("--output", "-o", type=Path, default=None, help="database to write (default db/atlas.sqlite)")
    args = parser.parse_args(argv)
    seeds = args.seeds or default_seed_dir()
    output = args.output or default_output()
    try:
        path = build(seeds, output)
    except SeedError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error, AtlasError) as exc:
        print(f"Build failed: {exc}", file=sys.stderr)
        return 1
    with sqlite3.connect(path) as conn:
        counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                  for t in ("partners", "events", "agreements", "trade_figures", "targets", "facts", "nodes",
                            "segments", "sources")}
    print(f"Built {path}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
