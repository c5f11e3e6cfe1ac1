"""The command line: search with --kind, --partner, --variants, --limit, --json and --db; python -m desktop."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main
from tests.conftest import ROOT


def test_search_json(db_copy: Path, capsys):
    """Issue 17: every kind, one object per record with its kind, labels, partners, date, preferred, matched terms."""
    assert main(["search", "Kuryk", "--db", str(db_copy), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert {"node", "fact", "corridor"} <= {i["kind"] for i in items}
    for item in items:
        assert set(item) == {"kind", "id", "label_en", "label_ru", "label_kk", "partners", "date", "preferred",
                             "matched_terms"}
        assert item["matched_terms"] and isinstance(item["preferred"], bool)
    node = next(i for i in items if i["id"] == "port_kuryk")
    assert node["partners"] == ["KAZ"] and node["label_kk"] and node["date"] is None


def test_search_partner_filter(db_copy: Path, capsys):
    assert main(["search", "Tokayev", "--partner", "tkm", "--db", str(db_copy), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and all("TKM" in i["partners"] for i in items if i["kind"] != "source")


def test_search_text_output_groups_by_kind_with_counts(db_copy: Path, capsys):
    assert main(["--db", str(db_copy), "search", "Ankara"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].startswith("Agreements ") and " · Events " in lines[0]
    assert any(line.startswith("Agreements (") and line.endswith(")") for line in lines)


def test_options_anywhere_and_kind_filter(db_copy: Path, capsys):
    assert main(["search", "--kind", "node", "--json", "Kuryk", "--db", str(db_copy), "--limit", "3"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert main(["search", "Kuryk", "--db", str(db_copy), "--json", "--kind", "node"]) == 0
    assert json.loads(capsys.readouterr().out) == first
    assert {i["kind"] for i in first} == {"node"}
    assert main(["search", "Kuryk", "--kind", "node,fact", "--kind", "corridor", "--db", str(db_copy), "--json"]) == 0
    assert {i["kind"] for i in json.loads(capsys.readouterr().out)} == {"node", "fact", "corridor"}
    with pytest.raises(SystemExit):
        main(["search", "Kuryk", "--kind", "planet", "--db", str(db_copy)])
    assert "unknown kind 'planet'" in capsys.readouterr().err


def test_limit_is_per_kind(db_copy: Path, capsys):
    assert main(["search", "Tokayev", "--limit", "1", "--db", str(db_copy), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    kinds = [i["kind"] for i in items]
    assert len(kinds) == len(set(kinds)) > 3


def test_variants_show_what_the_query_was_expanded_to(db_copy: Path, capsys):
    assert main(["search", "Курык", "--variants", "--db", str(db_copy)]) == 0
    out = capsys.readouterr().out
    assert "Word 'курык': forms курык*, key zq" in out and "FTS5 query:" in out
    assert main(["search", "Курык", "--variants", "--json", "--db", str(db_copy)]) == 0
    captured = capsys.readouterr()
    json.loads(captured.out)
    assert "FTS5 query:" in captured.err, "with --json the expansion goes to stderr, the JSON stays valid"


def test_nothing_found_offers_the_closest_words(db_copy: Path, capsys):
    assert main(["search", "Аштау", "--db", str(db_copy)]) == 0
    out = capsys.readouterr().out
    assert "Nothing found for 'Аштау'." in out and "Did you mean:" in out and "Актау" in out


def test_unknown_partner_and_bad_db_are_clear_errors(db_copy: Path, tmp_path: Path, capsys):
    assert main(["search", "x", "--partner", "XXX", "--db", str(db_copy)]) == 2
    assert "unknown partner 'XXX'" in capsys.readouterr().err
    junk = tmp_path / "junk.sqlite"
    junk.write_text("hello")
    assert main(["search", "x", "--db", str(junk)]) == 2
    err = capsys.readouterr().err
    assert "not a Partnership Atlas database" in err and "Traceback" not in err


def test_hostile_search_from_the_command_line(db_copy: Path, capsys):
    for text in ['"', "AND (", "\u0000x", "*" * 100]:
        assert main(["search", text, "--db", str(db_copy), "--json"]) == 0
        json.loads(capsys.readouterr().out)


def test_python_dash_m_desktop_search_uses_user_copy(tmp_path: Path, user_folders):
    env_run = subprocess.run(
        [sys.executable, "-m", "desktop", "search", "Turkmenistan", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ},
    )
    assert env_run.returncode == 0, env_run.stderr
    json.loads(env_run.stdout)
    assert (user_folders["data"] / "atlas.sqlite").exists(), "first start created the user copy"


def test_the_kind_choices_are_the_finders_kinds():
    from desktop.__main__ import _KIND_NAMES
    from desktop.data.find import KIND_NAMES

    assert _KIND_NAMES == KIND_NAMES


def test_output_cut_short_by_the_reader_is_no_error(db_copy: Path):
    """`partnership-atlas search Türkiye | head -1`: the reader closes the pipe early; no error message."""
    with subprocess.Popen([sys.executable, "-m", "desktop", "search", "Türkiye", "--limit", "1000", "--db",
                           str(db_copy)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as `head -1` does
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=120) == 0, err
    assert first.startswith(b"Agreements ") and err == ""


def test_search_prints_labels_and_snippets_in_the_language_asked(db_copy: Path, capsys):
    assert main(["search", "Türkiye", "--kind", "agreement", "--lang", "ru", "--db", str(db_copy)]) == 0
    out = capsys.readouterr().out
    assert "Договор о стратегическом партнерстве" in out and "«Турцию»" in out
    assert main(["--db", str(db_copy), "search", "Türkiye", "--kind", "agreement"]) == 0
    out = capsys.readouterr().out
    assert "«Турцию»" not in out and "«Türkiye»" in out
