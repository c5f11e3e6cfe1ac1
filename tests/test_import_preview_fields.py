"""The import preview says what changes (issue 21, item 3): for each record to update, each field that changes with
its value now and after, in the window (a list of records and fields, the forms' field names, long values cut short
with the whole in the tooltip) and at the command line (``uid  column: "now" → "after"``, the first lines unless
``--all-changes``). A record whose every field is as it is counts as unchanged, not as an update."""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from desktop.data.database import open_database
from desktop.export import cli_import
from desktop.export.cli_import import import_main
from desktop.export.writers import export_kind

FIGURE = "tr_tur_2010_fy_kz_official"  # exports 1235 in the bundled data


def export_trade(db_path: Path, path: Path) -> list[dict[str, str]]:
    """Every trade figure as the exporter writes it (CSV, a uid per row), read back."""
    db = open_database(db_path)
    try:
        export_kind(db, "trade", "csv", path)
    finally:
        db.close()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8-sig")
    return path


def edited(db_path: Path, tmp_path: Path, uid: str, column: str, value: str) -> Path:
    """The exported trade figures with one cell changed."""
    rows = export_trade(db_path, tmp_path / "export.csv")
    [row] = [r for r in rows if r["uid"] == uid]
    row[column] = value
    return write_rows(tmp_path / "edited.csv", rows)


def dry_run(db_path: Path, path: Path, **kwargs) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    status = import_main("trade", str(path), str(db_path), dry_run=True, out=out, err=err, **kwargs)
    return status, out.getvalue()


def change_lines(out: str) -> list[str]:
    return [line for line in out.splitlines() if "\u2192" in line and not line.startswith("Changes")]


# --- the command line -----------------------------------------------------------------------------------------------

def test_one_cell_edited_is_exactly_one_change_of_that_record_at_the_command_line(db_copy, tmp_path):
    path = edited(db_copy, tmp_path, FIGURE, "exports_usd_m", "1300")
    status, out = dry_run(db_copy, path)
    assert status == 0
    count = len(export_trade(db_copy, tmp_path / "again.csv"))
    assert f"To add: 0  To update: 1  Unchanged: {count - 1}  Rejected: 0" in out
    assert change_lines(out) == [f'{FIGURE}  exports_usd_m: "1235" \u2192 "1300"']


def test_a_record_whose_every_field_is_as_it_is_is_unchanged_not_an_update(db_copy, tmp_path):
    rows = export_trade(db_copy, tmp_path / "export.csv")
    status, out = dry_run(db_copy, write_rows(tmp_path / "same.csv", rows))
    assert status == 0
    assert f"To add: 0  To update: 0  Unchanged: {len(rows)}  Rejected: 0" in out
    assert change_lines(out) == [] and "Changes" not in out


def test_an_emptied_cell_and_a_reference_are_shown_by_value_and_uid(db_copy, tmp_path):
    rows = export_trade(db_copy, tmp_path / "export.csv")
    [row] = [r for r in rows if r["uid"] == FIGURE]
    sources = row["sources"]
    assert sources  # a figure cites its sources by uid
    row["note_en"] = ""
    row["sources"] = sources + "; src_wikipedia_turkmenbashi"
    db = open_database(db_copy)
    try:
        old_note = db.conn.execute("SELECT note_en FROM trade_figures WHERE uid = ?", (FIGURE,)).fetchone()[0]
    finally:
        db.close()
    _, out = dry_run(db_copy, write_rows(tmp_path / "edited.csv", rows))
    assert change_lines(out) == [
        f'{FIGURE}  note_en: "{old_note}" \u2192 (empty)',
        f'{FIGURE}  sources: "{sources}" \u2192 "{sources}; src_wikipedia_turkmenbashi"']


def test_the_first_changes_are_printed_unless_all_are_asked_for(db_copy, tmp_path, monkeypatch):
    rows = export_trade(db_copy, tmp_path / "export.csv")
    for row in rows[:12]:
        row["note_ru"] = "Проверено"
    path = write_rows(tmp_path / "many.csv", rows)
    monkeypatch.setattr(cli_import, "MAX_CHANGES", 5)
    _, out = dry_run(db_copy, path)
    assert len(change_lines(out)) == 5
    assert "and 7 more changed field(s) (--all-changes prints them all)" in out


def test_all_changes_from_the_command(db_copy, tmp_path, monkeypatch, capsys):
    rows = export_trade(db_copy, tmp_path / "export.csv")
    for row in rows[:12]:
        row["note_ru"] = "Проверено"
    path = write_rows(tmp_path / "many.csv", rows)
    monkeypatch.setattr(cli_import, "MAX_CHANGES", 5)
    from desktop.__main__ import main

    assert main(["import", "trade", str(path), "--dry-run", "--all-changes", "--db", str(db_copy)]) == 0
    out = capsys.readouterr().out
    assert len(change_lines(out)) == 12 and "more changed field" not in out


# --- the window ------------------------------------------------------------------------------------------------------

@pytest.fixture
def dialog(open_window):
    from desktop.qt.transfer.transfer import ImportDialog

    window = open_window()
    window.editing.show_message = lambda text: None
    made = ImportDialog(window)
    made.kind.setCurrentIndex(made.kind.findData("trade"))
    return made


def tree(dialog) -> list[tuple[str, list[tuple[str, list[tuple[str, str, str]]]]]]:
    """The list of changes as shown: (group, [(record, [(field, now, after)])])."""
    out = []
    for g in range(dialog.changes.topLevelItemCount()):
        group = dialog.changes.topLevelItem(g)
        records = []
        for r in range(group.childCount()):
            record = group.child(r)
            fields = [(record.child(f).text(0), record.child(f).text(1), record.child(f).text(2))
                      for f in range(record.childCount())]
            records.append((record.text(0), fields))
        out.append((group.text(0), records))
    return out


def row_of(rows: list[dict[str, str]], uid: str) -> int:
    return next(n for n, r in enumerate(rows, start=2) if r["uid"] == uid)


def test_one_cell_edited_is_exactly_one_change_of_that_record_in_the_window(dialog, repo, tmp_path):
    path = edited(repo.db.path, tmp_path, FIGURE, "exports_usd_m", "1300")
    rows = export_trade(repo.db.path, tmp_path / "rows.csv")
    assert dialog.load(str(path)) and dialog.run_preview()
    assert tree(dialog) == [("To update: 1 record", [(f"{FIGURE} (row {row_of(rows, FIGURE)})",
                                                      [("Exports, USD million", "1235", "1300")])])]
    field = dialog.changes.topLevelItem(0).child(0).child(0)
    assert field.toolTip(2) == ""  # a short value is shown whole
    assert dialog.changes.topLevelItem(0).child(0).isExpanded()


def test_nothing_changed_shows_no_change_in_the_window(dialog, repo, tmp_path):
    rows = export_trade(repo.db.path, tmp_path / "export.csv")
    assert dialog.load(str(write_rows(tmp_path / "same.csv", rows))) and dialog.run_preview()
    assert tree(dialog) == []
    assert dialog.summary.text().startswith("To add: 0 · to update: 0 · unchanged:")
    assert not dialog.apply_button.isEnabled()


def test_a_long_value_is_cut_short_and_whole_in_its_tooltip(dialog, repo, tmp_path):
    note = "A note that runs on " + "and on " * 40 + "to its end."
    path = edited(repo.db.path, tmp_path, FIGURE, "note_en", note)
    assert dialog.load(str(path)) and dialog.run_preview()
    [(_, [(_, [(name, _, after)])])] = tree(dialog)
    assert name == "Note (English)"
    assert len(after) == 80 and after.endswith("\u2026") and note.startswith(after[:-1])
    assert note in dialog.changes.topLevelItem(0).child(0).child(0).toolTip(2)


def test_rows_to_add_are_listed_with_their_values_and_many_by_their_count(dialog, repo, tmp_path):
    from desktop.export.importing import DETAILED

    path = tmp_path / "new.csv"
    lines = ["uid,partner_iso3,year,period,turnover_usd_m,statistics,qualifier"]
    lines += [f"new_{n},TKM,{1991 + n % 100},{('FY', 'H1', 'Q1', '9M')[n // 100]},{n + 1},other,exact"
              for n in range(DETAILED + 30)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert dialog.load(str(path)) and dialog.run_preview()
    group = dialog.changes.topLevelItem(0)
    assert group.text(0) == f"To add: {DETAILED + 30} records"
    assert group.childCount() == DETAILED + 1 and group.child(DETAILED).text(0) == "and 30 more"
    first = group.child(0)
    assert first.text(0) == "new_0 (row 2)" and not first.isExpanded()
    assert ("Turnover, USD million", "\u2014", "1") in [(first.child(i).text(0), first.child(i).text(1),
                                                         first.child(i).text(2)) for i in range(first.childCount())]
