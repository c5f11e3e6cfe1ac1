"""Issue 21, item 9: the seed build and the forms check a value by the same rule (desktop.core.validation.FIELDS):
what the form refuses, the build refuses, and the other way round."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from desktop.core.validation import ValidationContext, validate
from desktop.data.build import SEED_COLUMNS, SeedError, build
from desktop.data.build import default_seed_dir as seed_dir

# (seed file, column, form kind, field, a value both must refuse, a value both must take)
CASES = [
    ("targets.csv", "multiplier", "target", "multiplier", "500", "3"),
    ("targets.csv", "horizon_year", "target", "horizon_year", "2150", "2030"),
    ("targets.csv", "base_year", "target", "base_year", "1950", "2022"),
    ("trade.csv", "year", "trade", "year", "1950", "2001"),
    ("trade.csv", "turnover_usd_m", "trade", "turnover_usd_m", "20000000", "1200.5"),
    ("nodes.csv", "lat", "node", "lat", "95", "43.6"),
    ("segments.csv", "length_km", "segment", "length_km", "50000", "120"),
    ("agreements.csv", "doc_count", "agreement", "doc_count", "0", "2"),
    ("events.csv", "documents_signed", "event", "documents_signed", "-1", "4"),
]


def _edited_build(tmp_path: Path, name: str, column: str, value: str) -> str | None:
    """Build the seeds with one cell changed (the first row that has a value in ``column``, or the first row):
    None when the build takes it, else the problem the build reports for that cell."""
    seed = tmp_path / "seed"
    shutil.rmtree(seed, ignore_errors=True)
    shutil.copytree(seed_dir(), seed)
    path = seed / name
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    index = next((i for i, r in enumerate(rows) if r[column]), 0)
    rows[index][column] = value
    if name == "nodes.csv" and not rows[index]["lon"]:
        rows[index]["lon"] = "50"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SEED_COLUMNS[name], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")
    try:
        build(seed, tmp_path / "out.sqlite")
    except SeedError as exc:
        found = [str(p) for p in exc.problems if f"column {column}:" in str(p)]
        return found[0] if found else None
    finally:
        (tmp_path / "out.sqlite").unlink(missing_ok=True)
    return None


def _form_refuses(kind: str, field: str, value: str) -> bool:
    _clean, errors = validate(kind, {field: value}, ValidationContext(vocab={}, ids={}))
    return any(e.field == field for e in errors)


@pytest.mark.parametrize(("name", "column", "kind", "field", "refused", "taken"), CASES)
def test_the_build_and_the_form_refuse_and_take_the_same_values(tmp_path: Path, name: str, column: str, kind: str,
                                                                field: str, refused: str, taken: str):
    assert _form_refuses(kind, field, refused), "the form takes it"
    assert _edited_build(tmp_path, name, column, refused) is not None, "the build takes it"
    assert not _form_refuses(kind, field, taken), "the form refuses it"
    assert _edited_build(tmp_path, name, column, taken) is None, "the build refuses it"
