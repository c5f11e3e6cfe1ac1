"""The command line: search with --json, --partner and --db; python -m desktop."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop.__main__ import main
from tests.conftest import ROOT


def test_search_json(db_copy: Path, capsys):
    assert main(["search", "соглашение", "--db", str(db_copy), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items
    for item in items:
        assert {"id", "date", "partner", "title_en", "title_ru"} <= item.keys()
        assert item["sources"]


def test_search_partner_filter(db_copy: Path, capsys):
    assert main(["search", "", "--partner", "tkm", "--db", str(db_copy), "--json"]) == 0
    items = json.loads(capsys.readouterr().out)
    assert items and all("TKM" in i["partner"] for i in items)


def test_search_text_output_counts(db_copy: Path, capsys):
    assert main(["--db", str(db_copy), "search", "Ankara"]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].endswith("agreement(s)")


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
