"""Other names (aliases, issue 17) as a record kind like the others: added, changed and deleted through the
editor in one undoable, logged step that search sees at once, marked for later upgrades, checked by the same
rules in the form and in the seed build, listed in Records… with a form, and exported."""
from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from desktop.core.edits import History
from desktop.core.validation import ValidationContext, validate
from desktop.data.build import SeedError, build
from desktop.data.editing import Editor
from desktop.data.find import Finder
from desktop.data.upgrade import merge_bundled
from desktop.export.cli_export import export_main
from desktop.export.writers import export_kind
from tests.conftest import SEED_DIR

# A name no record or alias of the bundled data holds ("Krasnovodsk-2" is found through "Krasnovodsk" already).
NEW_NAME = "Gyzylsuw"


def found(db, text: str, kind: str = "node") -> list[str]:
    return [h.uid for g in Finder(db).find(text, kinds=[kind]).groups for h in g.hits]


def alias_id(db, uid: str) -> int:
    return db.conn.execute("SELECT id FROM aliases WHERE uid = ?", (uid,)).fetchone()[0]


def source_id(db, uid: str) -> int:
    return db.conn.execute("SELECT id FROM sources WHERE uid = ?", (uid,)).fetchone()[0]


def form_values(db, **values) -> dict:
    """Values as the form gives them, checked by the form's rules."""
    ctx = ValidationContext(vocab={}, ids={"source": {r[0] for r in db.conn.execute("SELECT id FROM sources")}})
    clean, errors = validate("alias", values, ctx)
    assert errors == [], errors
    return clean


@pytest.fixture
def db(repo):
    return repo.db


def test_an_added_name_is_found_at_once_and_undo_takes_it_away(db):
    editor, history = Editor(db), History()
    assert found(db, NEW_NAME) == []
    values = form_values(db, group_id="port_turkmenbashi", name=NEW_NAME, lang="tk", kind="former_name",
                         sources=[source_id(db, "src_wikipedia_turkmenbashi")])
    stored, changes = editor.apply(editor.build_create("alias", values, label="Add other name"))
    history.push(stored)
    new_id = next(iter(changes.ids["alias"]))
    assert found(db, NEW_NAME) == ["port_turkmenbashi"]
    assert found(db, "Krasnovodsk-2") == ["port_turkmenbashi"]
    uid = stored.changes[0].uid
    assert editor.mark("alias", uid) == "added"
    assert editor.values_of("alias", new_id)["sources"] == [source_id(db, "src_wikipedia_turkmenbashi")]

    history.undo(editor.apply)
    assert found(db, NEW_NAME) == []
    assert editor.mark("alias", uid) is None
    assert db.conn.execute("SELECT count(*) FROM alias_terms WHERE alias_id = ?", (new_id,)).fetchone() == (0,)
    history.redo(editor.apply)
    assert found(db, NEW_NAME) == ["port_turkmenbashi"]
    assert [e["action"] for e in editor.history("alias", new_id)] == ["redo", "undo", "insert"]


def test_a_bundled_name_changed_and_deleted_is_marked_logged_and_undone_exactly(db):
    editor, history = Editor(db), History()
    rid = alias_id(db, "al_tmb_krasnovodsk_en")
    before = editor.snapshot("alias", rid)
    values = form_values(db, **{**editor.values_of("alias", rid), "name": "Krasnowodsk"})
    stored, _ = editor.apply(editor.build_update("alias", rid, values))
    history.push(stored)
    assert editor.mark("alias", "al_tmb_krasnovodsk_en") == "changed"
    assert found(db, "Krasnowodsk") == ["port_turkmenbashi"]
    entry = editor.history("alias", rid)[0]
    assert entry["action"] == "update" and entry["fields"] == ["name"]

    stored, _ = editor.apply(editor.build_delete("alias", rid))
    history.push(stored)
    assert editor.mark("alias", "al_tmb_krasnovodsk_en") == "deleted"
    assert db.conn.execute("SELECT count(*) FROM record_sources WHERE record_type = 'alias' AND record_id = ?",
                           (rid,)).fetchone() == (0,)
    assert db.conn.execute("SELECT count(*) FROM alias_terms WHERE alias_id = ?", (rid,)).fetchone() == (0,)

    history.undo(editor.apply)
    history.undo(editor.apply)
    assert editor.snapshot("alias", rid) == before  # its source citation too
    assert editor.mark("alias", "al_tmb_krasnovodsk_en") is None
    assert [e["action"] for e in editor.history("alias", rid)] == ["undo", "undo", "delete", "update"]


# (values, field, code of the form, words of the build): the same rule refuses the same value in both
RULES = [
    ({"group_id": "", "name": "Somewhere", "kind": "name"}, "group_id", "required", "is required"),
    ({"group_id": "City X", "name": "Somewhere", "kind": "name"}, "group_id", "bad_identifier", "invalid group id"),
    ({"group_id": "city_x", "name": "%%%", "kind": "name"}, "name", "no_words", "holds no word"),
    ({"group_id": "city_x", "name": "Some\u2028where", "kind": "name"}, "name", "control_chars", "control character"),
    ({"group_id": "city_x", "name": "Somewhere", "lang": "zz", "kind": "name"}, "lang", "unknown_code",
     "bad language code 'zz'"),
    ({"group_id": "city_x", "name": "Somewhere", "kind": "nickname"}, "kind", "unknown_code", "'nickname' is not one"),
    ({"group_id": "city_x", "name": "Somewhere", "kind": "former_name"}, "sources", "sources_required",
     "at least one source"),
]


def test_the_form_and_the_seed_build_refuse_the_same_values(tmp_path: Path):
    ctx = ValidationContext(vocab={}, ids={"source": set()})
    for values, field, code, _ in RULES:
        _, errors = validate("alias", values, ctx)
        assert [(e.field, e.code) for e in errors] == [(field, code)], values
    seed = tmp_path / "seed"
    shutil.copytree(SEED_DIR, seed)
    with (seed / "aliases.csv").open("a", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        for n, (values, *_) in enumerate(RULES):
            writer.writerow([f"al_rule_{n}", values["group_id"], values["name"], values.get("lang", ""),
                             values["kind"], "", ""])
    with (SEED_DIR / "aliases.csv").open(encoding="utf-8") as f:
        first_row = sum(1 for _ in f) + 1
    with pytest.raises(SeedError) as caught:
        build(seed, tmp_path / "out.sqlite")
    problems = caught.value.problems
    for n, (_, field, _, words) in enumerate(RULES):
        column = "source_ids" if field == "sources" else field
        assert any(p.file == "aliases.csv" and p.row == first_row + n and p.column == column and words in p.reason
                   for p in problems), (n, [str(p) for p in problems if p.file == "aliases.csv"])
    assert not (tmp_path / "out.sqlite").exists()


def test_the_upgrade_merge_does_not_bring_back_a_deleted_name_nor_overwrite_a_changed_one(db, built_db: Path,
                                                                                       tmp_path: Path):
    editor = Editor(db)
    deleted, changed = alias_id(db, "al_tmb_krasnovodsk_en"), alias_id(db, "al_tmb_krasnovodsk_ru")
    editor.apply(editor.build_delete("alias", deleted))
    values = form_values(db, **{**editor.values_of("alias", changed), "name": "Красноводскъ"})
    editor.apply(editor.build_update("alias", changed, values))
    report = merge_bundled(db, built_db, backup_dir=tmp_path / "backups")
    assert ("alias", "al_tmb_krasnovodsk_en") in report.kept_deleted
    assert report.aliases_added == 0
    names = dict(db.conn.execute("SELECT uid, name FROM aliases WHERE group_id = 'port_turkmenbashi'").fetchall())
    assert "al_tmb_krasnovodsk_en" not in names
    assert names["al_tmb_krasnovodsk_ru"] == "Красноводскъ"
    # an alias the user lacks without having deleted it still comes
    db.conn.execute("DELETE FROM aliases WHERE uid = 'al_tmb_tk'")
    again = merge_bundled(db, built_db, backup_dir=tmp_path / "backups")
    assert again.aliases_added == 1
    assert db.conn.execute("SELECT name FROM aliases WHERE uid = 'al_tmb_tk'").fetchone() == ("Türkmenbaşy",)


def test_aliases_export_as_csv_and_from_the_command_line(db, tmp_path: Path, capsys):
    editor = Editor(db)
    values = form_values(db, group_id="port_turkmenbashi", name=NEW_NAME, lang="tk", kind="former_name",
                         note_en="Turkmen name before 1869", sources=[source_id(db, "src_wikipedia_turkmenbashi")])
    stored, _ = editor.apply(editor.build_create("alias", values))
    out = tmp_path / "aliases.csv"
    total = db.conn.execute("SELECT count(*) FROM aliases").fetchone()[0]
    assert export_kind(db, "alias", "csv", out) == total
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["uid", "group_id", "name", "lang", "kind", "note_en", "sources"]
    mine = [r for r in rows if r["name"] == NEW_NAME]
    assert mine == [{"uid": stored.changes[0].uid, "group_id": "port_turkmenbashi", "name": NEW_NAME, "lang": "tk",
                     "kind": "former_name", "note_en": "Turkmen name before 1869",
                     "sources": "src_wikipedia_turkmenbashi"}]
    path = db.path
    db.close()
    assert export_main("alias", "json", str(tmp_path / "aliases.json"), str(path)) == 0
    assert f"Wrote {total} other names to" in capsys.readouterr().out


def test_aliases_import_adds_updates_by_group_and_name_and_rejects_bad_rows(db, tmp_path: Path):
    from desktop.export.importing import apply_import, build_change_set, preview, read_import_table

    path = tmp_path / "names.csv"
    path.write_text("Group,Name,Language,Kind,Sources\n"
                    f"port_turkmenbashi,{NEW_NAME},tk,former_name,src_wikipedia_turkmenbashi\n"
                    "port_turkmenbashi,KRASNOVODSK,en,former_name,src_wikipedia_turkmenbashi\n"
                    "City X,Somewhere,en,name,\n", encoding="utf-8")
    result = preview(db, "alias", read_import_table(path, "alias"))
    assert [r.values["name"] for r in result.add] == [NEW_NAME]
    assert [r.uid for r in result.update] == ["al_tmb_krasnovodsk_en"]  # the same name in its group, any case
    assert [(r.row, r.reason.split(":")[0]) for r in result.rejected] == [(4, "group_id")]
    result.rejected.clear()
    apply_import(db, build_change_set(db, result, file_name=path.name))
    assert found(db, NEW_NAME) == ["port_turkmenbashi"]


# ---------------------------------------------------------------------------------------------- the window

def _when_modal(qtbot, act) -> None:
    """Run ``act(dialog)`` on the next modal dialog once it is shown (a dialog's exec() blocks the test)."""
    def check() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QDialog) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, check)
    QTimer.singleShot(0, check)


def test_records_other_names_new_then_the_find_box_finds_it(qtbot, open_window, repo):
    window = open_window()
    messages: list[str] = []
    window.editing.show_message = messages.append
    seen: dict[str, object] = {}

    def fill_form(form) -> None:
        seen["title"] = form.windowTitle()
        group = form.widgets["group_id"]
        seen["groups"] = [group.itemText(i) for i in range(group.count())]
        group.setCurrentIndex(group.findData("port_turkmenbashi"))
        form.widgets["name"].setText(NEW_NAME)
        form.widgets["lang"].setCurrentText("tk")
        kind = form.widgets["kind"]
        kind.setCurrentIndex(kind.findData("former_name"))
        assert not form.try_accept()  # a former name is a fact: it needs a source
        seen["error"] = form.error_texts()
        form.widgets["sources"].set_values([source_id(repo.db, "src_wikipedia_turkmenbashi")])
        seen["accepted"] = form.try_accept()

    def use_browser(browser) -> None:
        browser.kind_box.setCurrentIndex(browser.kind_box.findData("alias"))
        seen["kind"] = browser.kind_box.currentText()
        seen["before"] = len(browser.ids())
        _when_modal(qtbot, fill_form)
        browser.buttons["new"].click()  # the form's exec() returns once fill_form accepted it
        seen["after"] = len(browser.ids())
        browser.reject()

    _when_modal(qtbot, use_browser)
    window.action_table["records"].trigger()
    assert seen["kind"] == "Other name"
    assert seen["title"] == "New other name"
    assert "port_turkmenbashi — Turkmenbashi" in seen["groups"] and "country_tur — Türkiye" in seen["groups"]
    assert seen["error"] == {"sources": "A former name is a fact: cite at least one source."}
    assert seen["accepted"] is True and seen["after"] == seen["before"] + 1 and messages == []

    box = window.find_box

    def find_hits() -> list[tuple[str, str]]:
        earlier = box._answer
        box.set_query(NEW_NAME)
        qtbot.waitUntil(lambda: box.is_settled() and box._answer is not earlier, timeout=10_000)
        return [(r.payload.kind, r.payload.uid) for r in box.panel.model.rows if r.role == "hit"]

    assert ("node", "port_turkmenbashi") in find_hits()
    window.action_table["undo"].trigger()
    assert find_hits() == []


def test_the_form_refuses_a_name_its_group_has_and_a_bad_group_id(qtbot, open_window, repo):
    from desktop.qt.editing.record_form import RecordForm

    window = open_window(complete=False)
    form = RecordForm("alias", window.editing, None, None, window)
    qtbot.addWidget(form)
    form.widgets["group_id"].setEditText("port_turkmenbashi")
    form.widgets["name"].setText("KRASNOVODSK")
    form.widgets["kind"].setCurrentIndex(form.widgets["kind"].findData("spelling"))
    assert not form.try_accept()
    assert form.error_texts() == {"name": "This group has the name “Krasnovodsk” already."}
    form.widgets["group_id"].setEditText("Port Turkmenbashi")
    form.widgets["name"].setText("Krasnovodsk Bay")
    assert not form.try_accept()
    assert list(form.error_texts()) == ["group_id"]
    form.widgets["group_id"].setEditText("port_new.place-1")  # a new group
    assert form.try_accept(), form.error_texts()
    assert repo.db.conn.execute("SELECT group_id, kind FROM aliases WHERE name = 'Krasnovodsk Bay'").fetchone() \
        == ("port_new.place-1", "spelling")
