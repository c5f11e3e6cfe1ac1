"""The exports as pandas reads them (issue 22's acceptance: the library analysts' scripts are built on): the Russian-
Excel CSV with ``sep=';', decimal=','`` (UTF-8 and Windows-1251) and the workbook with ``read_excel``. Every number
column comes back as numbers equal to the stored values; a full date as that day, a partial date ("2025-04") as the
text it is.

One thing pandas does not do: its workbook reader (openpyxl, read-only) leaves the format's character escapes as they
are in the file, so the one stored text that must be escaped ("…_x2_to…": LibreOffice would read "_x2_" as the
character U+0002) reads "…_x005F_x2_to…" there, where Excel and LibreOffice show it as typed. The workbook tests
decode the escapes as ECMA-376 defines them before comparing (tests/test_xlsx_escapes.py checks the file itself)."""
from __future__ import annotations

import datetime as dt
import math
import re
from pathlib import Path

import pandas
import pytest
from pandas.api.types import is_numeric_dtype

from desktop.__main__ import main
from desktop.data.database import open_database
from desktop.data.editing import TABLES
from desktop.export.fileformat import COLUMNS, DATE_COLUMNS, NUMBER_COLUMNS

NUMBER_KINDS = [(kind, [c for c in COLUMNS[kind] if c in NUMBER_COLUMNS])
                for kind in ("trade", "target", "fact", "node", "segment")]


def export(capsys, db_copy: Path, kind: str, out: Path, *options: str) -> None:
    status = main(["export", kind, "-o", str(out), "--db", str(db_copy), *options])
    said = capsys.readouterr()
    assert status == 0, said.err


def stored(db_path: Path, kind: str, columns: list[str]) -> dict[str, dict[str, object]]:
    with open_database(db_path) as db:
        cur = db.conn.execute(f"SELECT uid, {', '.join(columns)} FROM {TABLES[kind]}")
        return {r[0]: dict(zip(columns, r[1:], strict=True)) for r in cur}


def ooxml_text(value: object) -> object:
    """Text with the workbook format's escapes decoded ("_x005F_" an underscore), as Excel and LibreOffice show it."""
    return re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), value) if isinstance(value, str) \
        else value


def same_numbers(frame: pandas.DataFrame, truth: dict[str, dict[str, object]], numbers: list[str]) -> None:
    assert set(frame["uid"]) == set(truth)
    for column in numbers:
        values = frame[column]
        if values.notna().any():
            assert is_numeric_dtype(values), f"{column} read as {values.dtype}: {values.dropna().head(3).tolist()}"
        for uid, value in zip(frame["uid"], values, strict=True):
            expected = truth[uid][column]
            if expected is None:
                assert value is None or (isinstance(value, float) and math.isnan(value)), (uid, column, value)
            else:
                assert float(value) == pytest.approx(float(expected)), (uid, column, value, expected)


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
@pytest.mark.parametrize(("kind", "numbers"), NUMBER_KINDS, ids=[k for k, _ in NUMBER_KINDS])
def test_pandas_reads_the_russian_excel_csv_numbers_as_numbers(db_copy, tmp_path, capsys, kind, numbers, encoding):
    out = tmp_path / f"{kind}-{encoding}.csv"
    options = ["--delimiter", ";"]
    if encoding == "cp1251":
        options += ["--encoding", "cp1251", "--encoding-errors", "replace"]
    export(capsys, db_copy, kind, out, *options)
    frame = pandas.read_csv(out, sep=";", decimal=",", encoding="utf-8-sig" if encoding == "utf-8" else "cp1251",
                            dtype={"uid": str})
    assert list(frame.columns) == list(COLUMNS[kind])
    same_numbers(frame, stored(db_copy, kind, numbers), numbers)


@pytest.mark.parametrize(("kind", "numbers"), NUMBER_KINDS, ids=[k for k, _ in NUMBER_KINDS])
def test_pandas_reads_the_workbook_numbers_as_numbers_and_dates_as_written(db_copy, tmp_path, capsys, kind, numbers):
    out = tmp_path / f"{kind}.xlsx"
    export(capsys, db_copy, kind, out)
    frame = pandas.read_excel(out, engine="openpyxl", dtype={"uid": str})
    frame["uid"] = frame["uid"].map(ooxml_text)
    assert list(frame.columns) == list(COLUMNS[kind])
    same_numbers(frame, stored(db_copy, kind, numbers), numbers)
    dates = [c for c in COLUMNS[kind] if c in DATE_COLUMNS]
    if dates:
        truth = stored(db_copy, kind, dates)
        for column in dates:
            for uid, value in zip(frame["uid"], frame[column], strict=True):
                assert as_written(value) == truth[uid][column], (uid, column, value)


def as_written(value: object) -> str | None:
    """A date cell as pandas gives it, in the stored form: a day for a timestamp, the text of a partial date."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        assert value.time() == dt.time(0), value
        return value.date().isoformat()
    assert isinstance(value, str), (value, type(value))
    return value


def test_pandas_reads_agreement_dates_as_days_and_partial_dates_as_text(db_copy, tmp_path, capsys):
    out = tmp_path / "agreements.xlsx"
    export(capsys, db_copy, "agreement", out)
    frame = pandas.read_excel(out, engine="openpyxl")
    truth = stored(db_copy, "agreement", ["date_signed"])
    read = {uid: as_written(d) for uid, d in zip(frame["uid"], frame["date_signed"], strict=True)}
    assert read == {uid: row["date_signed"] for uid, row in truth.items()}
    kinds = {type(d) for d in frame["date_signed"].dropna()}
    assert str in kinds and any(issubclass(k, dt.datetime) for k in kinds)  # "2025-04" stays a month, not a day
