"""README.md's two set-up commands work with any Python 3.12 or newer that the machine or pyenv provides,
not only where `python3.12` exists, and stop with a clear message on 3.11; `.ci/run` runs the README's test
command. `.ci/setup --python` is run under a PATH made of stand-ins for the machines a user may have."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

from tests.conftest import ROOT

SETUP = ROOT / ".ci" / "setup"
RECENT = os.path.realpath(sys.executable)  # the interpreter running the tests: 3.12 or newer


def readme_commands() -> dict[str, str]:
    """The indented commands under "Install and start the application:" and "Install and run the tests"."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    found = {}
    for key, lead in (("start", "Install and start the application"), ("tests", "Install and run the tests")):
        match = re.search(re.escape(lead) + r"[^\n]*:\n\n((?:    [^\n]*\n)+)", section)
        assert match, f"README.md has no command after {lead!r}"
        lines = [line.strip() for line in match.group(1).splitlines()]
        assert len(lines) == 1, lines
        found[key] = lines[0]
    return found


def which_python(folder: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """``sh .ci/setup --python`` with only ``folder`` on PATH."""
    return subprocess.run(["/bin/sh", str(SETUP), "--python"], capture_output=True, text=True, timeout=60,
                          env={"PATH": str(folder), **env})


def stub(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/sh\n" + body + "\n", encoding="utf-8")
    path.chmod(0o755)


def pythons_311(folder: Path) -> list[Path]:
    """A stand-in that answers as CPython 3.11 does, and every real 3.11 on this machine."""
    stub(folder, "python3.11-stub", 'echo "3.11.9"; exit 1')
    found = [folder / "python3.11-stub"]
    for path in (Path("/usr/bin/python3.11"), Path("/usr/local/bin/python3.11"),
                 *sorted(Path.home().glob(".pyenv/versions/3.11*/bin/python3.11"))):
        if path.is_file() and os.access(path, os.X_OK):
            done = subprocess.run([str(path), "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                                  capture_output=True, text=True, timeout=60)
            if done.stdout.strip() == "True":
                found.append(path)
    return found


def test_readme_commands_name_no_single_python_version() -> None:
    commands = readme_commands()
    assert commands["start"] == "sh .ci/setup && .venv/bin/partnership-atlas"
    assert commands["tests"] == "sh .ci/setup test && .venv/bin/python -m pytest -q"
    for command in commands.values():
        assert not re.search(r"python3\.\d+", command), command


def test_ci_runs_the_readme_test_command() -> None:
    lines = [line.strip() for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()]
    assert readme_commands()["tests"] in lines
    assert not [line for line in lines if re.match(r"python3\.\d+ ", line)]


def test_pip_refuses_python_older_than_3_12() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.12"


def test_python3_that_is_3_12_is_used_without_python3_12_on_path(tmp_path: Path) -> None:
    (tmp_path / "python3").symlink_to(RECENT)
    done = which_python(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "python3"
    assert done.stdout.split()[1] == ".".join(map(str, sys.version_info[:3]))


def test_a_machine_with_only_python3_13_uses_it(tmp_path: Path) -> None:
    (tmp_path / "python3.13").symlink_to(RECENT)  # the name is what the script looks for
    done = which_python(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "python3.13"


def test_a_pyenv_shim_of_a_version_not_selected_is_passed_over(tmp_path: Path) -> None:
    # pyenv's shim for a version that .python-version does not select says so and exits 127.
    stub(tmp_path, "python3", 'echo "pyenv: python3: command not found" >&2; exit 127')
    (tmp_path / "python3.12").symlink_to(RECENT)
    done = which_python(tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "python3.12"
    assert "pyenv" not in done.stdout + done.stderr


def test_python_3_11_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    tools = tmp_path / "tools"
    tools.mkdir()
    olds = pythons_311(tools)
    assert olds  # the stand-in at least
    for number, old in enumerate(olds):
        folder = tmp_path / f"machine{number}"
        folder.mkdir()
        (folder / "python3").symlink_to(old)
        done = which_python(folder)
        assert done.returncode == 1, (old, done.stdout)
        assert done.stdout == ""
        message = done.stderr.splitlines()
        assert message[0] == "Partnership Atlas needs Python 3.12 or newer.", (old, done.stderr)
        assert re.fullmatch(r"  python3: 3\.11\.\d+", message[2]), (old, done.stderr)
        assert "Traceback" not in done.stderr
        named = which_python(tmp_path / "empty", PYTHON=str(old))  # named with PYTHON=: refused as well
        assert named.returncode == 1 and named.stderr.startswith("Partnership Atlas needs Python 3.12 or newer.")


def test_no_python_at_all_is_said_plainly(tmp_path: Path) -> None:
    done = which_python(tmp_path)
    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == ["Partnership Atlas needs Python 3.12 or newer.",
                                            "None of python3 python3.14 python3.13 python3.12 is on PATH."]
