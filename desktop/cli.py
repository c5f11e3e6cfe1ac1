"""Command-line tools for scripts and checks (no Qt imported)."""
from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Sequence
from typing import TextIO

from desktop.core.atomic import file_error_message
from desktop.core.dates import precision_of
from desktop.core.errors import AtlasError
from desktop.data.find import Finder, FindResult, Hit, QueryPlan
from desktop.data.repository import Repository
from desktop.data.usercopy import open_user_database

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(iso: str | None) -> str:
    """A partial date at its precision: '2025', 'Apr 2025', '29 Apr 2025'; '' when unknown."""
    if not iso:
        return ""
    precision = precision_of(iso)
    year, month, day = (iso.split("-") + ["", ""])[:3]
    if precision is not None and precision.value == "day":
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if precision is not None and precision.value == "month":
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year


# What each kind is called in the text output, in the order the groups are printed.
KIND_TITLES = {
    "agreement": "Agreements", "event": "Events", "fact": "Facts", "node": "Places", "corridor": "Corridors",
    "segment": "Segments", "project": "Projects", "trade": "Trade figures", "target": "Targets",
    "mechanism": "Mechanisms", "partner": "Partners", "source": "Sources",
}


def search_command(text: str, partner: str | None, db_path: str | None, as_json: bool, limit: int,
                   out: TextIO | None = None, err: TextIO | None = None, *,
                   kinds: Sequence[str] | None = None, variants: bool = False, lang: str = "en") -> int:
    """``partnership-atlas search``: every kind of record that matches, grouped by kind."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        opened = open_user_database(db_path, reading=True)
    except AtlasError as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2
    except OSError as exc:  # a name too long, no permission
        print(f"partnership-atlas: {file_error_message(exc, reading=True)}", file=err)
        return 2
    try:
        return _search(opened, text, partner, as_json, limit, kinds, variants, out, err, lang)
    except sqlite3.Error as exc:
        print(f"partnership-atlas: the database could not be searched: {exc}", file=err)
        return 2


def _search(opened, text: str, partner: str | None, as_json: bool, limit: int, kinds: Sequence[str] | None,
            variants: bool, out: TextIO, err: TextIO, lang: str = "en") -> int:
    with opened.database as db:
        repo = Repository(db)
        code = None
        if partner:
            code = partner.strip().upper()
            if repo.partner(code) is None:
                known = ", ".join(p.iso3 for p in repo.partners())
                print(f"partnership-atlas: unknown partner {partner!r} (known: {known})", file=err)
                return 2
        result = Finder(db).find(text, kinds=kinds or None, partner=code, limit=limit, lang=lang)
        if variants:
            _print_plan(result.plan, out=err if as_json else out)
        if as_json:
            json.dump([_hit_json(h) for g in result.groups for h in g.hits], out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            _print_groups(result, text, out, lang)
    return 0


def _hit_json(hit: Hit) -> dict:
    return {
        "kind": hit.kind, "id": hit.uid, "label_en": hit.label_en, "label_ru": hit.label_ru,
        "label_kk": hit.label_kk, "partners": list(hit.partners), "date": hit.date, "preferred": hit.preferred,
        "matched_terms": list(hit.matched_terms),
    }


def _label(hit: Hit, lang: str = "en") -> str:
    """The hit's label in ``lang``, else in another language, marked with its code."""
    labels = {"en": hit.label_en, "ru": hit.label_ru, "kk": hit.label_kk}
    for code in (lang, *(c for c in ("en", "ru", "kk") if c != lang)):
        label = labels[code]
        if label:
            return label if code == lang else f"[{code}] {label}"
    return hit.uid


def _print_groups(result: FindResult, text: str, out: TextIO, lang: str = "en") -> None:
    if not result.groups:
        if result.plan.expression is None:
            print("The search holds no words to look for.", file=out)
            return
        print(f"Nothing found for {text.strip()!r}.", file=out)
        if result.suggestions:
            print(f"Did you mean: {', '.join(result.suggestions)}?", file=out)
        return
    print(" · ".join(f"{KIND_TITLES[g.kind]} {g.count}" for g in result.groups), file=out)
    for group in result.groups:
        print(f"\n{KIND_TITLES[group.kind]} ({len(group.hits)} of {group.count})", file=out)
        for hit in group.hits:
            other = "" if hit.preferred else "  [another source's value]"
            print(f"  {format_date(hit.date) or '':<12}  {'/'.join(hit.partners):<8}  {_label(hit, lang)}{other}",
                  file=out)
            if hit.snippet:
                print(f"  {'':<12}  {'':<8}  {hit.snippet}", file=out)


def _print_plan(plan: QueryPlan, out: TextIO) -> None:
    """What the query was expanded to: each word's folded form, prefix and key, and the alias groups."""
    if plan.expression is None:
        print("Query: no words to look for.", file=out)
        return
    for word in plan.words:
        key = f", key {' or '.join(word.keys)}" if word.keys else ""
        print(f"Word {word.text!r}: forms {word.prefix}*{key}", file=out)
    for alias in plan.aliases:
        others = "; ".join(" ".join(alt) for alt in alias.alternatives)
        print(f"Alias {' '.join(alias.words)!r}: also {others}", file=out)
        if alias.country:
            print(f"  and the records linked to {alias.country}", file=out)
    print(f"FTS5 query: {plan.expression}", file=out)
