"""`partnership-atlas export`: the format follows the file's name unless --format says it (and a mismatch is
refused, nothing written); kinds may be plural; --delimiter reads comma, semicolon or tab."""
from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals and --help
        status = exc.code
    said = capsys.readouterr()
    return status, said.out, said.err


@pytest.mark.parametrize("name, check", [
    ("out.xlsx", lambda p: openpyxl.load_workbook(p, read_only=False).active.cell(1, 1).value == "uid"),
    ("OUT.XLSX", lambda p: zipfile.is_zipfile(p)),
    ("out.json", lambda p: isinstance(json.loads(p.read_text(encoding="utf-8")), list)),
    ("out.csv", lambda p: next(csv.reader(p.read_text(encoding="utf-8-sig").splitlines()))[0] == "uid"),
])
def test_without_format_the_extension_decides(db_copy: Path, tmp_path: Path, capsys, name, check):
    target = tmp_path / name
    status, out, err = run(capsys, "export", "agreement", "-o", str(target), "--db", str(db_copy))
    assert (status, err) == (0, "")
    assert out.startswith("Wrote 76 agreements to")
    assert check(target)


def test_geojson_by_its_extension(db_copy: Path, tmp_path: Path, capsys):
    target = tmp_path / "nodes.geojson"
    assert run(capsys, "export", "nodes", "-o", str(target), "--db", str(db_copy))[0] == 0
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "FeatureCollection"


@pytest.mark.parametrize("fmt, name", [("csv", "x.xlsx"), ("xlsx", "x.csv"), ("json", "x.geojson"),
                                       ("geojson", "x.json")])
def test_a_format_that_contradicts_the_name_is_refused(db_copy: Path, tmp_path: Path, capsys, fmt, name):
    status, out, err = run(capsys, "export", "node", "--format", fmt, "-o", str(tmp_path / name),
                           "--db", str(db_copy))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("partnership-atlas: ")
    assert f"--format {fmt} does not match the name {name}" in err
    assert not (tmp_path / name).exists()
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary file either


def test_an_unknown_extension_without_format_is_refused(db_copy: Path, tmp_path: Path, capsys):
    target = tmp_path / "agreements.txt"
    status, out, err = run(capsys, "export", "agreement", "-o", str(target), "--db", str(db_copy))
    assert status == 2 and out == "" and not target.exists()
    assert err == ("partnership-atlas: The name agreements.txt does not say which format to write: end it with "
                   ".csv, .xlsx, .json, .geojson, or give --format.\n")


def test_an_unknown_extension_with_format_is_written(db_copy: Path, tmp_path: Path, capsys):
    target = tmp_path / "agreements.txt"
    assert run(capsys, "export", "agreement", "--format", "csv", "-o", str(target), "--db", str(db_copy))[0] == 0
    assert next(csv.reader(target.read_text(encoding="utf-8-sig").splitlines()))[0] == "uid"


@pytest.mark.parametrize("typed, noun", [("agreements", "agreements"), ("events", "events"), ("facts", "facts"),
                                         ("sources", "sources"), ("aliases", "other names"),
                                         ("partners", "partners"), ("Agreement", "agreements")])
def test_kinds_may_be_plural(db_copy: Path, tmp_path: Path, capsys, typed, noun):
    status, out, err = run(capsys, "export", typed, "-o", str(tmp_path / "x.csv"), "--db", str(db_copy))
    assert (status, err) == (0, "")
    assert out.rstrip().endswith(f"{noun} to {tmp_path / 'x.csv'}.")


def test_an_unknown_kind_is_refused(db_copy: Path, tmp_path: Path, capsys):
    status, _out, err = run(capsys, "export", "treaties", "-o", str(tmp_path / "x.csv"), "--db", str(db_copy))
    assert status == 2 and "invalid choice: 'treaties'" in err and not (tmp_path / "x.csv").exists()


def test_import_takes_plural_kinds(db_copy: Path, tmp_path: Path, capsys):
    exported = tmp_path / "facts.csv"
    assert run(capsys, "export", "facts", "-o", str(exported), "--db", str(db_copy))[0] == 0
    status, out, err = run(capsys, "import", "facts", str(exported), "--dry-run", "--db", str(db_copy))
    assert (status, err) == (0, "")
    assert "Dry run: nothing was changed." in out


@pytest.mark.parametrize("typed, delimiter", [("comma", ","), ("semicolon", ";"), ("tab", "\t"), (";", ";"),
                                              (",", ",")])
def test_delimiters_by_name_and_as_before(db_copy: Path, tmp_path: Path, capsys, typed, delimiter):
    target = tmp_path / "t.csv"
    assert run(capsys, "export", "trade", "-o", str(target), "--delimiter", typed, "--db", str(db_copy))[0] == 0
    header = target.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.split(delimiter)[0] == "uid" and len(header.split(delimiter)) > 3


def test_help_names_the_delimiters_and_an_unknown_one_is_refused(db_copy: Path, tmp_path: Path, capsys):
    status, out, _err = run(capsys, "export", "--help")
    assert status == 0
    assert "--delimiter {comma,semicolon,tab}" in out and "{,,;,tab}" not in out
    status, _out, err = run(capsys, "export", "trade", "-o", str(tmp_path / "t.csv"), "--delimiter", "pipe",
                            "--db", str(db_copy))
    assert status == 2 and "unknown delimiter 'pipe' (choose from comma, semicolon, tab)" in err
