"""Merging a newer bundled database into the user's copy: user edits kept, conflicts listed, new records in."""
from __future__ import annotations

import csv
import shutil
import sqlite3
from pathlib import Path

import pytest

from desktop.data.backup import check_backup
from desktop.data.build import build
from desktop.data.editing import Editor
from desktop.data.upgrade import UpgradeError, bundled_data_id, merge_bundled, needs_upgrade
from desktop.data.usercopy import open_user_database
from tests.conftest import SEED_DIR

EDITED_AG = "ag_tur_1994_friendship"   # edited by the user, changed in v2 too: conflict
EDITED_EV = "ev_2012-10-11_tur_hlscc1"  # edited by the user, changed in v2 too: conflict
EDITED_TR = "tr_tur_2010_fy_kz_official"  # edited by the user, not changed in v2: no conflict
UNTOUCHED_AG = "ag_tur_2009_spa"  # not touched by the user, changed in v2: takes the new value
NEW_AG = "ag_tur_2099_new_test_agreement"


def _rows(path: Path) -> tuple[list[str], list[dict]]:
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        return list(reader.fieldnames or []), list(reader)


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _change(seed: Path, name: str, uid: str, **values: str) -> None:
    header, rows = _rows(seed / name)
    hits = [r for r in rows if r["id"] == uid]
    assert hits, f"{uid} not in {name}"
    hits[0].update(values)
    _write(seed / name, header, rows)


def _uid_id(db, table: str, uid: str) -> int | None:
    row = db.conn.execute(f"SELECT id FROM {table} WHERE uid = ?", (uid,)).fetchone()
    return row[0] if row else None


def _value(db, table: str, uid: str, column: str):
    return db.conn.execute(f"SELECT {column} FROM {table} WHERE uid = ?", (uid,)).fetchone()[0]


def _dump(db) -> dict:
    tables = [r[0] for r in db.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name <> 'meta'")]
    return {t: sorted(map(repr, db.conn.execute(f"SELECT * FROM {t}").fetchall())) for t in tables}


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("bundles")
    v1 = build(SEED_DIR, root / "v1" / "atlas.sqlite")
    seed2 = root / "seed2"
    shutil.copytree(SEED_DIR, seed2)
    _change(seed2, "agreements.csv", EDITED_AG, title_en="Friendship agreement (title from v2)")
    _change(seed2, "events.csv", EDITED_EV, summary_en="Summary as v2 has it.")
    _change(seed2, "agreements.csv", UNTOUCHED_AG, summary_en="Summary corrected in v2.")
    _change(seed2, "agreements.csv", "ag_tur_1994_friendship", summary_ru="Сводка v2.")
    header, rows = _rows(seed2 / "agreements.csv")
    new = dict(rows[0])
    new.update(id=NEW_AG, title_en="A new agreement only v2 knows", title_ru="Новое соглашение", date_signed="2025")
    rows.append(new)
    _write(seed2 / "agreements.csv", header, rows)
    v2 = build(seed2, root / "v2" / "atlas.sqlite")
    return v1, v2


@pytest.fixture
def user_db(bundles, tmp_path: Path):
    v1, _ = bundles
    opened = open_user_database(bundled=v1, user_path=tmp_path / "user" / "atlas.sqlite")
    assert opened.created
    db = opened.database
    editor = Editor(db)
    for kind, table, uid, values in (
        ("agreement", "agreements", EDITED_AG, {"title_en": "My own title"}),
        ("event", "events", EDITED_EV, {"summary_en": "My own summary."}),
        ("trade", "trade_figures", EDITED_TR, {"note_en": "My note."}),
    ):
        editor.apply(editor.build_update(kind, _uid_id(db, table, uid), values))
    yield db
    db.close()


def _delete_one(db) -> str:
    """The user deletes an agreement that v2 also changes (here: untouched one is kept; pick another)."""
    uid = db.conn.execute("SELECT uid FROM agreements WHERE uid NOT IN (?, ?) AND uid NOT IN "
                          "(SELECT record_uid FROM record_marks) ORDER BY id LIMIT 1 OFFSET 5",
                          (EDITED_AG, UNTOUCHED_AG)).fetchone()[0]
    editor = Editor(db)
    editor.apply(editor.build_delete("agreement", _uid_id(db, "agreements", uid)))
    return uid


def test_merge_keeps_user_edits_brings_new_records_and_lists_conflicts(bundles, user_db, tmp_path: Path):
    v1, v2 = bundles
    db = user_db
    deleted = _delete_one(db)
    assert not needs_upgrade(db, v1)
    assert needs_upgrade(db, v2)
    old_untouched = _value(db, "agreements", UNTOUCHED_AG, "summary_en")

    report = merge_bundled(db, v2, backup_dir=tmp_path / "backups")

    # the user's values stay
    assert _value(db, "agreements", EDITED_AG, "title_en") == "My own title"
    assert _value(db, "events", EDITED_EV, "summary_en") == "My own summary."
    assert _value(db, "trade_figures", EDITED_TR, "note_en") == "My note."
    # the two records both sides changed are listed as conflicts, with both values
    conflicts = {(c.kind, c.uid): c for c in report.conflicts}
    assert set(conflicts) == {("agreement", EDITED_AG), ("event", EDITED_EV)}
    ag = conflicts[("agreement", EDITED_AG)]
    assert "title_en" in ag.fields
    assert ag.user_values["title_en"] == "My own title"
    assert ag.bundled_values["title_en"] == "Friendship agreement (title from v2)"
    ev = conflicts[("event", EDITED_EV)]
    assert ev.fields == ("summary_en",) and ev.bundled_values["summary_en"] == "Summary as v2 has it."
    # the new record arrives, with its partners, sectors and sources
    assert ("agreement", NEW_AG) in report.added
    new_id = _uid_id(db, "agreements", NEW_AG)
    assert new_id is not None
    assert _value(db, "agreements", NEW_AG, "title_en") == "A new agreement only v2 knows"
    assert db.conn.execute("SELECT count(*) FROM agreement_partners WHERE agreement_id = ?", (new_id,)).fetchone()[0]
    assert db.conn.execute("SELECT count(*) FROM record_sources WHERE record_type = 'agreement' AND record_id = ?",
                           (new_id,)).fetchone()[0]
    assert db.conn.execute("SELECT count(*) FROM agreements_fts WHERE agreements_fts MATCH 'only'").fetchone()[0] >= 1
    # an untouched record that v2 changed takes the new value
    assert old_untouched != "Summary corrected in v2."
    assert _value(db, "agreements", UNTOUCHED_AG, "summary_en") == "Summary corrected in v2."
    assert ("agreement", UNTOUCHED_AG) in report.updated
    # a record the user deleted does not come back
    assert _uid_id(db, "agreements", deleted) is None
    assert ("agreement", deleted) in report.kept_deleted
    # logged, marked as merged, backed up
    actions = {r[0] for r in db.conn.execute("SELECT DISTINCT action FROM change_log WHERE batch_id LIKE 'merge-%'")}
    assert actions == {"merge"}
    assert db.meta("bundled_data") == bundled_data_id(v2)
    assert report.backup is not None and report.backup.exists() and check_backup(report.backup) is None
    assert not needs_upgrade(db, v2)
    assert not needs_upgrade(db, v1), "an older bundle merged before is not merged again"
    assert db.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # a second run changes nothing
    before = _dump(db)
    again = merge_bundled(db, v2, backup_dir=tmp_path / "backups")
    assert not again.changed and not again.conflicts and not again.added and not again.updated
    assert _dump(db) == before


def test_conflict_base_survives_a_merge(bundles, user_db, tmp_path: Path):
    """After a merge, a bundle that did not change the user's edited record again raises no new conflict,
    and an edit made after the merge is compared with the merged values."""
    _, v2 = bundles
    db = user_db
    merge_bundled(db, v2, backup_dir=tmp_path / "b")
    editor = Editor(db)
    editor.apply(editor.build_update("agreement", _uid_id(db, "agreements", UNTOUCHED_AG), {"title_en": "Mine later"}))
    report = merge_bundled(db, v2, backup_dir=tmp_path / "b")
    assert report.conflicts == [] and not report.changed
    assert _value(db, "agreements", UNTOUCHED_AG, "title_en") == "Mine later"


def test_merge_failure_rolls_back(bundles, user_db, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    _, v2 = bundles
    db = user_db
    before = _dump(db)
    from desktop.data import upgrade

    def boom(*args, **kwargs):
        raise upgrade.sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(upgrade._Writer, "write_conflict_memberships", boom)
    with pytest.raises(UpgradeError, match="left as it was"):
        merge_bundled(db, v2, backup_dir=tmp_path / "b")
    assert _dump(db) == before
    assert needs_upgrade(db, v2)


def test_readonly_or_missing_bundle_is_a_clear_error(user_db, tmp_path: Path):
    with pytest.raises(UpgradeError, match="missing"):
        merge_bundled(user_db, tmp_path / "nope.sqlite", backup_dir=tmp_path / "b")
    assert not needs_upgrade(user_db, tmp_path / "nope.sqlite")


def test_a_copy_without_aliases_gets_the_bundles_with_their_sources(bundles, user_db, tmp_path: Path):
    """A user copy made before aliases existed (migrated: the table is empty) finds other names after the merge."""
    _, v2 = bundles
    from desktop.data.find import Finder

    user_db.conn.execute("DELETE FROM aliases")  # as a copy migrated from schema 2 has it
    def found() -> list[str]:
        return [h.uid for g in Finder(user_db).find("Krasnovodsk", kinds=["node"]).groups for h in g.hits]

    assert found() == []
    report = merge_bundled(user_db, v2, backup_dir=tmp_path / "backups")
    bundled = sqlite3.connect(v2)
    expected = bundled.execute("SELECT count(*) FROM aliases").fetchone()[0]
    cited = bundled.execute("SELECT count(*) FROM record_sources WHERE record_type = 'alias'").fetchone()[0]
    bundled.close()
    assert report.aliases_added == expected > 100
    assert user_db.conn.execute("SELECT count(*) FROM aliases").fetchone()[0] == expected
    assert user_db.conn.execute("SELECT count(*) FROM record_sources WHERE record_type = 'alias'").fetchone()[0] \
        == cited > 0
    assert found() == ["port_turkmenbashi"]
    again = merge_bundled(user_db, v2, backup_dir=tmp_path / "backups")
    assert again.aliases_added == 0
