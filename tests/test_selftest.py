"""The self-test: it passes on the bundled data without writing the user's folders, and a failure is one
line naming its step."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CALL = "import sys; from desktop.selftest import self_test; sys.exit(self_test({arg}))"


def _run(user_folders, arg: str = "") -> subprocess.CompletedProcess:
    env = os.environ.copy()
    env.pop("QT_QPA_PLATFORM", None)  # the self-test sets it itself
    env.update(PARTNERSHIP_ATLAS_DATA_DIR=str(user_folders["data"]),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(user_folders["config"]),
               XDG_CONFIG_HOME=str(user_folders["config"]), XDG_DATA_HOME=str(user_folders["data"]))
    return subprocess.run([sys.executable, "-c", CALL.format(arg=arg)], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=180)


def test_self_test_passes_and_reports_each_step(user_folders):
    result = _run(user_folders)
    assert result.returncode == 0, result.stderr[-3000:]
    line = result.stdout.strip()
    assert re.fullmatch(r"self-test: database ok \(\d+ agreements\) · team-server driver ok \(psycopg [\d.]+ "
                        r"\(binary\), libpq \d+\.\d+\) · agreements view ok · map ok \(\d+ nodes\) · "
                        r"trade ok · fact sheet ok \(\d+ pages?\) · \d+\.\d s", line), line
    assert int(re.search(r"\((\d+) agreements\)", line).group(1)) > 0
    assert "FAILED" not in result.stderr and "Traceback" not in result.stderr
    # the user's data was not touched: no copy of the database made there
    assert not (user_folders["data"] / "atlas.sqlite").exists()


def test_self_test_of_a_text_file_fails_with_one_line(user_folders, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n" * 100)
    result = _run(user_folders, repr(str(text)))
    assert result.returncode == 1
    assert "self-test FAILED: database: " in result.stderr
    assert str(text) in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert text.read_text() == "not a database\n" * 100


def test_self_test_of_a_missing_file_fails(user_folders, tmp_path):
    result = _run(user_folders, repr(str(tmp_path / "absent.sqlite")))
    assert result.returncode == 1
    assert "self-test FAILED: database: no database file at" in result.stderr


BROKEN_PRINTER = """
import sys
from desktop.qt.factsheet import factsheet
def broken(*args, **kwargs):
    raise RuntimeError("the printer caught fire")
factsheet.render_factsheet = broken
from desktop.selftest import self_test
sys.exit(self_test())
"""


def test_a_failing_step_is_named_with_its_reason(user_folders):
    env = os.environ.copy()
    env.update(PARTNERSHIP_ATLAS_DATA_DIR=str(user_folders["data"]),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(user_folders["config"]), XDG_CONFIG_HOME=str(user_folders["config"]))
    result = subprocess.run([sys.executable, "-c", BROKEN_PRINTER], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=180)
    assert result.returncode == 1
    assert "self-test FAILED: fact sheet: RuntimeError: the printer caught fire" in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
