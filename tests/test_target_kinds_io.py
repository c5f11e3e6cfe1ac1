"""Issue 18, item 1: what a target is travels through export and import (CSV), and a wrong kind is refused
with a message, leaving the data as it was."""
from __future__ import annotations

import csv
from pathlib import Path

from desktop.__main__ import main
from desktop.data.database import open_database


def _target(db_path: Path, uid: str) -> tuple:
    db = open_database(db_path)
    try:
        return db.conn.execute("SELECT kind, base_year, estimate, stated_role, value_usd_m FROM targets WHERE uid = ?",
                               (uid,)).fetchone()
    finally:
        db.close()


def test_a_targets_kind_base_year_estimate_and_role_round_trip(db_copy: Path, tmp_path: Path, capsys):
    out = tmp_path / "targets.csv"
    assert main(["export", "target", "-o", str(out), "--db", str(db_copy)]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    assert {"kind", "base_year", "estimate", "stated_role"} <= set(rows[0])
    row = next(r for r in rows if r["uid"] == "tg_tur_20241112_15bn_erdogan")
    assert (row["kind"], row["estimate"]) == ("level", "0")
    row.update(kind="increase", value_usd_m="1000", base_year="2023", estimate="1", stated_role="expert")
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert main(["import", "target", str(out), "--db", str(db_copy)]) == 0
    assert _target(db_copy, "tg_tur_20241112_15bn_erdogan") == ("increase", 2023, 1, "expert", 1000.0)


def test_an_unknown_kind_is_refused_and_nothing_changes(db_copy: Path, tmp_path: Path, capsys):
    before = _target(db_copy, "tg_tur_20241112_15bn_erdogan")
    out = tmp_path / "targets.csv"
    assert main(["export", "target", "-o", str(out), "--db", str(db_copy)]) == 0
    with out.open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        if row["uid"] == "tg_tur_20241112_15bn_erdogan":
            row["kind"] = "doubling"
    with out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    main(["import", "target", str(out), "--db", str(db_copy)])
    said = capsys.readouterr()
    assert "kind" in (said.out + said.err)
    assert _target(db_copy, "tg_tur_20241112_15bn_erdogan") == before
