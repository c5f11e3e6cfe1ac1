"""No English-only messages: an import's rejected rows, the start-recovery question and the report of a merge of
newer reference data are worded in the interface language (issue 20, item 1)."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.app import check_user_data, upgrade_error, upgrade_report
from desktop.core.validation import ERROR_CODES, FieldError
from desktop.data.database import open_database
from desktop.data.editing import Editor
from desktop.data.upgrade import UpgradeError, merge_bundled
from desktop.data.usercopy import open_user_database
from desktop.export.importing import CELL_CODES, REJECTION_CODES, Rejection
from desktop.qt.i18n import _tool, source_root
from desktop.qt.transfer.transfer import ImportDialog

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
# English words a Russian message must not hold (the quoted values and uids aside)
ENGLISH = re.compile(r"\b(row|rows|unknown|partner|is not|not a|record|records|merged|added|updated|required|"
                     r"only the first|expected|no source)\b", re.IGNORECASE)
FILE = ("title_en,date_signed,doc_type,partners\n"
        "A good one,2020-01-01,agreement,TUR\n"
        "Bad date,31.02.2026,agreement,TUR\n"
        "Unknown partner,2021-01-01,agreement,FRA\n")
EDITED = "ag_tur_2009_spa"  # changed by the user and by the newer bundle: kept with the user's changes


@pytest.fixture
def window(open_window):
    w = open_window(complete=False)
    w.editing.show_message = lambda text: None
    return w


def _without_quotes(text: str) -> str:
    """The words of a message, without the values it quotes (a uid, a code, a file's cell)."""
    return re.sub(r"«[^»]*»|“[^”]*”", "", text)


def _rejected(window, path: Path, kind: str = "agreement") -> list[str]:
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
    assert dialog.load(str(path))
    assert dialog.run_preview()
    return [dialog.rejections.item(i).text() for i in range(dialog.rejections.count())]


def test_the_import_dialog_gives_the_reasons_of_rejected_rows_in_russian(window, translator, tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    translator.set_language("ru")
    rows = _rejected(window, path)
    assert len(rows) == 2, rows
    date, partner = rows
    assert date.startswith("Строка 3: Дата подписания: «31.02.2026» — Такого дня нет в календаре"), date
    assert partner.startswith("Строка 4: Партнёры: В атласе нет партнёра с кодом «FRA»"), partner
    for text in rows:
        assert not ENGLISH.search(_without_quotes(text)), text


def test_the_same_file_gives_english_reasons_in_english(window, translator, tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text(FILE, encoding="utf-8")
    rows = _rejected(window, path)
    assert rows == ["Row 3: Date signed: “31.02.2026” — There is no such day in the calendar: February 2026 has 28 "
                    "days.",
                    "Row 4: Partners: No partner in the atlas has the code “FRA”."]


def test_rows_refused_as_duplicates_or_for_their_uid_or_sources_are_worded_in_russian(window, translator, tmp_path):
    path = tmp_path / "agreements.csv"
    path.write_text("uid,title_en,date_signed,doc_type,partners,sources\n"
                    ",Twice,2020-01-01,agreement,TUR,\n"
                    ",Twice,2020-01-01,agreement,TUR,\n"
                    "bad uid,Spaced,2020-01-02,agreement,TUR,\n"
                    ",Cited,2020-01-03,agreement,TUR,src_nowhere\n", encoding="utf-8")
    translator.set_language("ru")
    rows = _rejected(window, path)
    assert [row.split(":")[0] for row in rows] == ["Строка 3", "Строка 4", "Строка 5"], rows
    same, uid, source = rows
    assert "Та же запись, что в строке 2 (совпадают дата подписания и название)" in same
    assert "uid: «bad uid» содержит пробелы" in uid
    assert "Источники: Нет источника с uid src_nowhere" in source
    for text in rows:
        assert not ENGLISH.search(_without_quotes(text)), text


def test_every_rejection_and_cell_code_has_its_russian_words(window, translator):
    translator.set_language("ru")
    dialog = ImportDialog(window)
    params = {"value": "x", "reason": "r", "wanted": "number", "values": ["a"], "more": 2, "length": 90, "max": 80,
              "min": 0, "fields": ["title_en", "title_ru"], "start": "2020", "end": "2019", "detail": "d"}
    for code in (*ERROR_CODES, *CELL_CODES):
        text = dialog.field_error_text("agreement", FieldError("title_en", code, params), {})
        assert "Недопустимо" not in text and CYRILLIC.search(text), (code, text)  # not the unknown code's words
        assert not ENGLISH.search(_without_quotes(text)), (code, text)
    shown = {"fields": {"errors": (FieldError("year", "required", {}),)}, "row_width": {"cells": 3, "columns": 2},
             "same_uid": {"first": 2}, "same_key": {"first": 2}, "same_record": {"first": 2, "uid": "ag_x"},
             "ambiguous": {"count": 7, "uids": ["a", "b"], "more": True}}
    assert set(shown) == set(REJECTION_CODES) - {"reader"}  # the reader's reasons are its own (in English)
    for code, p in shown.items():
        text = dialog.reason_text("trade", Rejection(5, "English", code, p))
        assert CYRILLIC.search(text) and not ENGLISH.search(_without_quotes(text)), (code, text)


@pytest.fixture
def merged(built_db, tmp_path):
    """A merge of a newer bundle into a user's copy in which the user changed a record the bundle changes too."""
    opened = open_user_database(bundled=built_db, user_path=tmp_path / "user" / "atlas.sqlite")
    db = opened.database
    editor = Editor(db)
    record_id = db.conn.execute("SELECT id FROM agreements WHERE uid = ?", (EDITED,)).fetchone()[0]
    editor.apply(editor.build_update("agreement", record_id, {"title_en": "My own title"}))
    newer = tmp_path / "newer" / "atlas.sqlite"
    newer.parent.mkdir()
    shutil.copyfile(built_db, newer)
    bundle = open_database(newer)
    with bundle.transaction() as conn:
        conn.execute("UPDATE agreements SET title_en = 'The newer title' WHERE uid = ?", (EDITED,))
    bundle.close()
    report = merge_bundled(db, newer, backup_dir=tmp_path / "backups")
    yield report
    db.close()


def test_the_upgrade_report_is_worded_in_russian(merged, translator):
    assert [(c.kind, c.uid, c.fields) for c in merged.conflicts] == [("agreement", EDITED, ("title_en",))]
    translator.set_language("ru")
    text = upgrade_report(merged)
    assert text.splitlines() == [
        (f"Новые справочные данные объединены с вашей базой данных. Записей добавлено: {len(merged.added)}, "
         f"обновлено: {len(merged.updated)}."),
        "Записей, оставленных с вашими изменениями, хотя новые данные отличаются: 1.",
        f"соглашение {EDITED}: Название (англ.)"]
    assert not ENGLISH.search(text)


def test_the_upgrade_report_in_english(merged, translator):
    assert upgrade_report(merged).splitlines()[1:] == [
        "Records kept with your changes although the newer data differs: 1.", f"agreement {EDITED}: Title (English)"]


def test_a_merge_that_cannot_be_made_is_explained_in_russian(built_db, tmp_path, translator):
    copy = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, copy)
    db = open_database(copy, readonly=True)
    try:
        with pytest.raises(UpgradeError) as refused:
            merge_bundled(db, built_db, backup_dir=tmp_path / "backups")
    finally:
        db.close()
    translator.set_language("ru")
    assert upgrade_error(refused.value) == (f"{copy} открыта только для чтения: новые справочные данные нельзя "
                                            "с ней объединить.")


def _compiled(tmp_path: Path, context: str, texts: dict[str, str]) -> Path:
    """A .qm made with lrelease from a .ts holding ``texts`` (source -> translation) in ``context``."""
    from xml.sax.saxutils import escape

    messages = "".join(f"<message><source>{escape(s)}</source><translation>{escape(t)}</translation></message>"
                       for s, t in texts.items())
    ts = tmp_path / "start_xx.ts"
    ts.write_text(f'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="ru_RU">'
                  f"<context><name>{context}</name>{messages}</context></TS>", encoding="utf-8")
    qm = ts.with_suffix(".qm")
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


def test_the_start_recovery_question_goes_through_the_translation(qapp, built_db, tmp_path, monkeypatch):
    question = ("Your database was damaged ({problem}). It was moved aside as {moved}, not deleted. Continue with the "
                "newest good backup, or with the reference data shipped with the program?")
    qm = _compiled(tmp_path, "Start", {question: "База повреждена ({problem}), отложена как {moved}.",
                                       "Newest backup": "Последняя копия", "Reference data": "Справочные данные"})
    monkeypatch.setattr(paths, "bundled_database", lambda: built_db)
    open_user_database(None).database.close()  # the user's copy, then damaged
    path = paths.user_database()
    data = bytearray(path.read_bytes())
    data[4096:4096 * 6] = b"\xde\xad" * (4096 * 5 // 2)
    path.write_bytes(bytes(data))
    asked = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(
        (box.text(), [b.text() for b in box.buttons()])) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)  # the user cancels
    translator = QTranslator()
    assert translator.load(str(qm))
    QCoreApplication.installTranslator(translator)
    try:
        assert check_user_data(qapp) is None
    finally:
        QCoreApplication.removeTranslator(translator)
    (text, buttons), = asked
    moved = next(path.parent.glob("atlas.sqlite.damaged-*"))
    assert text.startswith("База повреждена (") and text.endswith(f"), отложена как {moved}.")
    assert "Справочные данные" in buttons and "Последняя копия" not in buttons  # (no backup to offer)


def test_lupdate_finds_the_start_texts(tmp_path):
    """The texts of desktop/app.py reach the .ts files (lupdate reads no text in parentheses)."""
    ts = tmp_path / "app.ts"
    subprocess.run([_tool("lupdate"), "-silent", "-locations", "none", str(source_root() / "desktop" / "app.py"),
                    "-ts", str(ts)], check=True, capture_output=True)
    found = set(re.findall(r"<source>(.*?)</source>", ts.read_text(encoding="utf-8"), re.DOTALL))
    for text in ("Your database {path} could not be read ({reason}). Nothing in it was changed or moved.",
                 "Your database was damaged ({problem}). It was moved aside as {moved}, not deleted.",
                 "Newer reference data was merged into your database.", "Newest backup", "Reference data"):
        assert any(source.startswith(text) for source in found), text
