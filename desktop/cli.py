"""Command-line tools for scripts and checks (no Qt imported)."""
from __future__ import annotations

import json
import sqlite3
import sys
from typing import TextIO

from desktop.core.atomic import file_error_message
from desktop.core.dates import precision_of
from desktop.core.errors import AtlasError
from desktop.data.agreements import AgreementQuery
from desktop.data.repository import Repository
from desktop.data.usercopy import open_user_database

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(iso: str | None) -> str:
    """A partial date at its precision: '2025', 'Apr 2025', '29 Apr 2025'; '' when unknown."""
    if not iso:
        return ""
    precision = precision_of(iso)
    year, month, day = (iso.split("-") + [None, None])[:3]
    if precision is not None and precision.value == "day":
        return f"{int(day)} {_MONTHS[int(month) - 1]} {year}"
    if precision is not None and precision.value == "month":
        return f"{_MONTHS[int(month) - 1]} {year}"
    return year or ""


def search_command(text: str, partner: str | None, db_path: str | None, as_json: bool, limit: int,
                   out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        opened = open_user_database(db_path)
    except AtlasError as exc:
        print(f"partnership-atlas: {exc}", file=err)
        return 2
    except OSError as exc:  # a name too long, no permission
        print(f"partnership-atlas: {file_error_message(exc, reading=True)}", file=err)
        return 2
    try:
        return _search(opened, text, partner, as_json, limit, out, err)
    except sqlite3.Error as exc:
        print(f"partnership-atlas: the database could not be searched: {exc}", file=err)
        return 2


def _search(opened, text: str, partner: str | None, as_json: bool, limit: int, out: TextIO, err: TextIO) -> int:
    with opened.database as db:
        repo = Repository(db)
        partners = ()
        if partner:
            code = partner.strip().upper()
            if repo.partner(code) is None:
                known = ", ".join(p.iso3 for p in repo.partners())
                print(f"partnership-atlas: unknown partner {partner!r} (known: {known})", file=err)
                return 2
            partners = (code,)
        query = AgreementQuery(text=text, partners=partners)
        result = repo.agreements.search(query, limit=limit, with_rows=True)
        if as_json:
            items = [{
                "id": r.uid, "date": r.date_signed, "date_precision": precision_of(r.date_signed).value
                if r.date_signed else None, "partner": list(r.partners), "title_en": r.title_en,
                "title_ru": r.title_ru, "title_kk": r.title_kk, "doc_type": r.doc_type, "level": r.level,
                "sectors": list(r.sectors), "status": r.status, "doc_count": r.doc_count,
                "event_id": r.event_id, "sources": [s.url or s.title for s in repo.sources_of("agreement", r.id)],
            } for r in result.rows]
            json.dump(items, out, ensure_ascii=False, indent=2)
            out.write("\n")
        else:
            for r in result.rows:
                title = r.title_en or (f"[ru] {r.title_ru}" if r.title_ru else f"[kk] {r.title_kk}")
                count = f" ({r.doc_count} documents)" if r.doc_count > 1 else ""
                print(f"{format_date(r.date_signed) or 'date unknown':<12}  {'/'.join(r.partners):<8}  "
                      f"{title}{count}", file=out)
            shown = len(result.rows)
            print(f"{shown} of {result.total} agreement(s)", file=out)
    return 0
