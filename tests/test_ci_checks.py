"""`.ci/run` checks the types (mypy), the linter's rules (ruff) and the import layers (lint-imports) after the
README's test command, and a check that fails fails the run (issue 21, item 6)."""
from __future__ import annotations

import subprocess
from pathlib import Path

from tests.conftest import ROOT

TESTS = "sh .ci/setup test && .venv/bin/python -m pytest -q"
CHECKS = (".venv/bin/python -m mypy", ".venv/bin/python -m ruff check desktop tests", ".venv/bin/lint-imports")


def ci_lines() -> list[str]:
    """The commands of .ci/run, one a line as written (comments and blank lines left out)."""
    lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def test_ci_checks_types_style_and_layers_after_the_tests() -> None:
    lines = ci_lines()
    assert lines.index(TESTS) < lines.index(CHECKS[0]) < lines.index(CHECKS[1]) < lines.index(CHECKS[2])


def test_a_failing_check_stops_ci_with_an_error(tmp_path: Path) -> None:
    """The checks as .ci/run runs them (its shell options, its check lines), with stand-ins for the tools: the type
    check finds errors, so the run fails there and the next check is not run."""
    lines = ci_lines()
    options = next(line for line in lines if line.startswith("set -"))
    venv = tmp_path / ".venv" / "bin"
    venv.mkdir(parents=True)
    (venv / "python").write_text('#!/bin/sh\necho "$*" >> ran\n[ "$2" != mypy ]\n', encoding="utf-8")
    (venv / "lint-imports").write_text("#!/bin/sh\necho lint-imports >> ran\n", encoding="utf-8")
    for tool in venv.iterdir():
        tool.chmod(0o755)
    script = tmp_path / "checks"
    script.write_text("\n".join([options, *CHECKS]) + "\n", encoding="utf-8")
    done = subprocess.run(["bash", str(script)], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    assert (tmp_path / "ran").read_text(encoding="utf-8").splitlines() == ["-m mypy"]
