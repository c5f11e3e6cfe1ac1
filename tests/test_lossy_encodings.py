"""Issue 22, item 2: a file in an encoding that cannot hold every letter (cp1251) never writes its renderings
("Turkiye", "T?rkiye", "K?r?ad") over the stored text: such a field is unchanged, not an update; a change that
would only take letters away is flagged; a round trip through cp1251 leaves every Turkish, Azerbaijani and
Kazakh letter in the database."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from desktop.data.database import open_database
from desktop.data.repository import Repository
from desktop.export.importing import apply_import, build_change_set, match_columns, preview
from desktop.export.readers import read_table
from desktop.export.writers import run_export

NON_CP1251 = set("çğıöşüÇĞİÖŞÜəƏňŇžŽýÝäÄәғқңөұүһӘҒҚҢӨҰҮҺ")


@pytest.fixture
def db(built_db: Path, tmp_path: Path):
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    opened = open_database(path, check=False)
    yield opened
    opened.close()


def _letters_held(db) -> int:
    """How many letters cp1251 lacks are in the records' texts."""
    total = 0
    for table, columns in (("agreements", ("title_en", "title_ru", "title_kk", "title_kk_working", "summary_en")),
                           ("events", ("title_en", "title_ru", "summary_en", "place_en"))):
        for row in db.conn.execute(f"SELECT {', '.join(columns)} FROM {table}"):
            total += sum(ch in NON_CP1251 for text in row if text for ch in text)
    return total


def _preview(db, kind: str, path: Path):
    table = read_table(path)
    return table, preview(db, kind, table, match_columns(kind, table.columns))


@pytest.mark.parametrize("kind", ["agreement", "event"])
def test_the_apps_own_cp1251_export_imports_with_no_change(db, tmp_path: Path, kind: str):
    before = _letters_held(db)
    assert before > 50, "the data holds Turkish, Azerbaijani and Kazakh letters"
    target = tmp_path / f"{kind}.csv"
    run_export(db, kind, "csv", target, delimiter=";", encoding="cp1251", errors="replace")
    table, result = _preview(db, kind, target)
    assert table.encoding == "cp1251"
    assert len(result.update) == 0, [p.shown for p in result.update][:3]
    assert result.kept_as_stored, "the fields the encoding cannot hold are reported as kept"
    assert any("kept as stored" in note for note in result.notes)
    assert _letters_held(db) == before


def test_a_cp1251_file_with_question_marks_changes_nothing_but_the_edited_cell(db, tmp_path: Path):
    exported = tmp_path / "export.csv"
    run_export(db, "agreement", "csv", exported, delimiter=";", errors="replace", encoding="cp1251")
    # The stored texts with "?" for the letters cp1251 lacks (what LibreOffice writes), and one title edited.
    uid, title = db.conn.execute("SELECT uid, title_en FROM agreements WHERE title_en LIKE '%Türkiye%' "
                                 "ORDER BY id").fetchone()
    stored = {r[0]: r[1] for r in db.conn.execute("SELECT uid, title_en FROM agreements")}
    with exported.open(encoding="cp1251", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head = rows[0]
    for row in rows[1:]:
        row[head.index("title_en")] = (stored[row[head.index("uid")]] or "").encode("cp1251", "replace").decode(
            "cp1251")
        if row[head.index("uid")] == uid:
            row[head.index("summary_en")] = "An edited summary."
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    edited = tmp_path / "edited.csv"
    edited.write_bytes(out.getvalue().encode("cp1251", "replace"))
    _table, result = _preview(db, "agreement", edited)
    assert [(p.uid, p.changed) for p in result.update] == [(uid, ("summary_en",))]
    change_set = build_change_set(db, result, file_name=edited.name)
    apply_import(db, change_set)
    assert Repository(db).agreement_by_uid(uid).title_en == title, "Türkiye kept"


def test_a_change_that_only_removes_letters_is_flagged(db, tmp_path: Path):
    exported = tmp_path / "export.csv"
    run_export(db, "agreement", "csv", exported, delimiter=";", encoding="utf-8-sig")
    uid = db.conn.execute("SELECT uid FROM agreements WHERE title_en LIKE '%Türkiye%' ORDER BY id").fetchone()[0]
    with exported.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f, delimiter=";"))
    head = rows[0]
    for row in rows[1:]:
        if row[head.index("uid")] == uid:
            row[head.index("title_en")] = row[head.index("title_en")].replace("ü", "u")
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    edited = tmp_path / "edited.csv"
    edited.write_text(out.getvalue(), encoding="utf-8-sig")
    _table, result = _preview(db, "agreement", edited)
    assert [p.uid for p in result.update] == [uid], "UTF-8 holds every letter: the file's text is what it says"
    assert [(u, f) for u, f, _now, _after in result.only_removes_letters] == [(uid, "title_en")]
    assert any(note.startswith("Warning: 1 change(s) would only remove letters") for note in result.notes)


def test_the_import_dialog_says_what_it_kept_and_what_would_only_remove_letters(open_window, tmp_path: Path):
    from desktop.qt.transfer.transfer import ImportDialog

    window = open_window(complete=False)
    window.editing.show_message = lambda text: None
    target = tmp_path / "agreements.csv"
    run_export(window.repo.db, "agreement", "csv", target, delimiter=";", encoding="cp1251", errors="replace")
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreement"))
    assert dialog.load(str(target))
    assert dialog.run_preview()
    notes = [dialog.rejections.item(i).text() for i in range(dialog.rejections.count())]
    assert any(n.startswith("Kept as stored: ") and "encoding cannot hold" in n for n in notes), notes
    assert len(dialog.preview.update) == 0
