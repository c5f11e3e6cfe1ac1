"""The seed build: deterministic, matches the committed database, refuses broken seeds."""
from __future__ import annotations

import csv
import io
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.data.build import SEED_COLUMNS, SeedError, build, seed_hash
from desktop.data.build import main as build_main
from tests.conftest import BUNDLED_DB, SEED_DIR


def _dump(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return list(conn.iterdump())


def test_build_is_deterministic(tmp_path: Path, built_db: Path):
    again = build(SEED_DIR, tmp_path / "again.sqlite")
    assert again.read_bytes() == built_db.read_bytes()


def test_committed_database_matches_the_seeds(built_db: Path):
    assert BUNDLED_DB.exists(), "db/atlas.sqlite is missing: run `python -m desktop.data.build`"
    with sqlite3.connect(BUNDLED_DB) as conn:
        recorded = conn.execute("SELECT value FROM meta WHERE key = 'seed_sha256'").fetchone()[0]
    assert recorded == seed_hash(SEED_DIR), "db/seed changed: rebuild with `python -m desktop.data.build`"
    assert _dump(BUNDLED_DB) == _dump(built_db)


def test_built_database_is_sound(built_db: Path):
    with sqlite3.connect(built_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        # every record but cities cites a source
        for kind, table in [("event", "events"), ("agreement", "agreements"), ("trade", "trade_figures"),
                            ("target", "targets"), ("fact", "facts"), ("segment", "segments"),
                            ("corridor", "corridors")]:
            orphans = conn.execute(
                f"SELECT count(*) FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM record_sources rs "
                "WHERE rs.record_type = ? AND rs.record_id = t.id)", (kind,)).fetchone()[0]
            assert orphans == 0, f"{table} without sources"
        assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == \
            conn.execute("SELECT count(*) FROM agreements_fts").fetchone()[0]


def _copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seed"
    shutil.copytree(SEED_DIR, target)
    return target


def _edit(seed: Path, name: str, row: int, column: str, value: str) -> None:
    """Set one cell (data row ``row``, 0-based) of a seed file."""
    path = seed / name
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    rows[row][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SEED_COLUMNS[name], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


BROKEN = [
    ("agreements.csv", 0, "partner_iso3", "XYZ",
     "agreements.csv, row 2, column partner_iso3: unknown partner code 'XYZ'"),
    ("partners.csv", 0, "iso3", "ZZZ", "partners.csv, row 2, column iso3: unknown partner code 'ZZZ' (not an ISO 3166"),
    ("segments.csv", 1, "to_node", "nowhere",
     "segments.csv, row 3, column to_node: refers to a missing node 'nowhere'"),
    ("events.csv", 2, "source_ids", "src_does_not_exist",
     "events.csv, row 4, column source_ids: missing source id 'src_does_not_exist'"),
    ("agreements.csv", 3, "date_signed", "2025-02-30",
     "agreements.csv, row 5, column date_signed: bad date '2025-02-30'"),
    ("agreements.csv", 3, "date_signed", "29.04.2025", "dates must be written as ISO ('2025-04-29')"),
    ("trade.csv", 0, "turnover_usd_m", "1 234,5", "trade.csv, row 2, column turnover_usd_m: bad number '1 234,5'"),
    ("trade.csv", 0, "exports_usd_m", "-5", "trade.csv, row 2, column exports_usd_m: -5 is below 0"),
    ("nodes.csv", 3, "lat", "123.4", "nodes.csv, row 5, column lat: 123.4 is above 90"),
    ("agreements.csv", 0, "doc_type", "letter", "unknown doc_type code 'letter'"),
    ("agreements.csv", 1, "event_id", "ev_never_happened", "refers to a missing event 'ev_never_happened'"),
    ("agreements.csv", 1, "id", "Bad Id!", "invalid id 'Bad Id!'"),
    ("trade.csv", 0, "period", "FY2024", "bad period 'FY2024'"),
    ("conflicts.csv", 1, "preferred", "1", "preferred members (needs exactly 1)"),
]


@pytest.mark.parametrize("name, row, column, value, message", BROKEN, ids=[b[4][:40] for b in BROKEN])
def test_broken_seed_is_refused_with_file_row_and_reason(tmp_path: Path, name, row, column, value, message):
    seed = _copy_seeds(tmp_path)
    _edit(seed, name, row, column, value)
    output = tmp_path / "out.sqlite"
    output.write_bytes(b"previous build")
    with pytest.raises(SeedError) as info:
        build(seed, output)
    assert message in str(info.value)
    assert output.read_bytes() == b"previous build", "a failed build must leave the old file alone"
    assert not list(tmp_path.glob("out.sqlite.*")), "no temporary file left behind"


def test_duplicate_id_and_malformed_csv(tmp_path: Path):
    seed = _copy_seeds(tmp_path)
    with (seed / "events.csv").open(encoding="utf-8") as f:
        first = next(csv.DictReader(f))["id"]
    _edit(seed, "events.csv", 1, "id", first)
    with (seed / "nodes.csv").open("a", encoding="utf-8") as fh:
        fh.write('broken_node,"Unterminated quote,Name,,KAZ,city,,,,,\n')
    with pytest.raises(SeedError) as info:
        build(seed, tmp_path / "out.sqlite")
    text = str(info.value)
    assert f"events.csv, row 3, column id: duplicate id '{first}'" in text
    assert "nodes.csv" in text and ("malformed CSV" in text or "fields" in text)


def test_wrong_header_and_missing_file(tmp_path: Path):
    seed = _copy_seeds(tmp_path)
    content = (seed / "targets.csv").read_text(encoding="utf-8").split("\n", 1)
    (seed / "targets.csv").write_text(content[0].replace("value_usd_m", "value") + "\n" + content[1], encoding="utf-8")
    (seed / "links.csv").unlink()
    with pytest.raises(SeedError) as info:
        build(seed, tmp_path / "out.sqlite")
    assert "targets.csv, row 1: header must be" in str(info.value)
    assert "links.csv: is missing" in str(info.value)


def test_build_command_reports_problems_and_exits_nonzero(tmp_path: Path, capsys):
    seed = _copy_seeds(tmp_path)
    _edit(seed, "agreements.csv", 0, "partner_iso3", "XYZ")
    code = build_main(["--seeds", str(seed), "--output", str(tmp_path / "x.sqlite")])
    assert code == 2
    assert "agreements.csv, row 2, column partner_iso3: unknown partner code 'XYZ'" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
