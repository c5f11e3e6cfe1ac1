"""Places come back from GIS (issue 22, item 4): nodes and segments import from GeoJSON (a node's Point gives its
lat and lon; a segment's line is drawn from its nodes, so its geometry is not imported) and from CSV or XLSX with
lat/lon, matched by uid, with the preview, validation and undo of the other kinds; the GeoJSON export is what GDAL
reads (Point or LineString, WGS 84, length_km a number) and, with ``--include-unplaced``, writes the records without
coordinates as features with "geometry": null. Files are checked with ogrinfo (GDAL) and LibreOffice, as users'
tools read them."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from desktop.__main__ import main
from desktop.core.edits import History
from desktop.data.database import open_database
from desktop.data.editing import Editor
from desktop.export.importing import apply_import, build_change_set, match_columns, preview, read_import_table
from desktop.export.readers import ImportFileError
from desktop.export.writers import run_export

NODE = "port_aktau"  # a bundled node with coordinates
SEGMENT = "sg_titr_khorgos_aktau"  # a bundled segment whose two ends are placed


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        status = main(list(argv))
    except SystemExit as exc:  # argparse's own refusals
        status = exc.code
    said = capsys.readouterr()
    return status, said.out, said.err


def ogrinfo(*args: str) -> str:
    return subprocess.run(["ogrinfo", "-ro", *args], check=True, capture_output=True, text=True, timeout=60).stdout


def places(db) -> list[tuple[object, ...]]:
    """Every node and segment as stored, with their sources: what an import must leave untouched when refused."""
    return [*db.conn.execute("SELECT * FROM nodes ORDER BY id"), *db.conn.execute("SELECT * FROM segments ORDER BY id"),
            *db.conn.execute("SELECT * FROM record_sources WHERE record_type IN ('node', 'segment') ORDER BY 1, 2, 3")]


def check(db, kind: str, path: Path):
    table = read_import_table(path, kind)
    return preview(db, kind, table, match_columns(kind, table.columns))


def changed_fields(result) -> list[tuple[str | None, str]]:
    return [(planned.uid, name) for planned, (name, _, _) in result.changes()]


@pytest.fixture
def db(db_copy: Path):
    database = open_database(db_copy)
    yield database
    database.close()


def test_gdal_reads_the_node_export_as_wgs84_points(db, tmp_path):
    out = tmp_path / "nodes.geojson"
    result = run_export(db, "node", "geojson", out)
    placed = db.conn.execute("SELECT count(*) FROM nodes WHERE lat IS NOT NULL").fetchone()[0]
    assert result.rows == placed and result.left_out == db.conn.execute("SELECT count(*) FROM nodes").fetchone()[0] \
        - placed
    summary = ogrinfo("-al", "-so", str(out))
    assert "Geometry: Point" in summary
    assert f"Feature Count: {placed}" in summary
    assert 'GEOGCRS["WGS 84"' in summary and 'ID["EPSG",4326]' in summary
    assert re.search(r"^lat: Real", summary, re.M) and re.search(r"^lon: Real", summary, re.M)
    assert "crs" not in json.loads(out.read_text(encoding="utf-8"))  # RFC 7946: WGS 84 goes without saying


def test_segment_lengths_are_numbers(db, tmp_path):
    out = tmp_path / "segments.geojson"
    run_export(db, "segment", "geojson", out)
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    lengths = [f["properties"]["length_km"] for f in features if f["properties"]["length_km"] is not None]
    assert lengths and all(isinstance(v, (int, float)) for v in lengths)
    summary = ogrinfo("-al", "-so", str(out))
    assert "Geometry: Line String" in summary and re.search(r"^length_km: Real", summary, re.M)


@pytest.mark.parametrize("kind", ["node", "segment"])
def test_an_unchanged_export_imports_with_no_change(db, tmp_path, kind, capsys):
    out = tmp_path / f"{kind}.geojson"
    written = run_export(db, kind, "geojson", out).rows
    assert check(db, kind, out).counts() == {"add": 0, "update": 0, "unchanged": written, "reject": 0}
    status, said, _ = run(capsys, "import", kind, str(out), "--dry-run", "--db", str(db.path))
    assert status == 0 and f"To add: 0  To update: 0  Unchanged: {written}  Rejected: 0" in said


def _move(path: Path, uid: str, lon: float, lat: float) -> None:
    """Move a feature as a GIS does: its geometry changes, its lat and lon properties stay as they were."""
    data = json.loads(path.read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["uid"] == uid)
    feature["geometry"]["coordinates"] = [lon, lat]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_node_moved_in_the_gis_changes_its_lat_and_lon_and_undo_restores_it(db, tmp_path):
    out = tmp_path / "nodes.geojson"
    run_export(db, "node", "geojson", out)
    before = places(db)
    _move(out, NODE, 51.2, 43.7)
    result = check(db, "node", out)
    assert result.counts()["update"] == 1 and result.counts()["add"] == 0 and result.counts()["reject"] == 0
    assert changed_fields(result) == [(NODE, "lat"), (NODE, "lon")]
    assert any("the Point is taken" in note and NODE in note for note in result.file_notes)
    stored, _ = apply_import(db, build_change_set(db, result, file_name=out.name))
    assert db.conn.execute("SELECT lon, lat FROM nodes WHERE uid = ?", (NODE,)).fetchone() == (51.2, 43.7)
    history = History()
    history.push(stored)
    history.undo(Editor(db).apply)
    assert places(db) == before


def test_a_feature_without_geometry_keeps_its_lat_and_lon_properties(db, tmp_path):
    out = tmp_path / "nodes.geojson"
    run_export(db, "node", "geojson", out, include_unplaced=True)
    data = json.loads(out.read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["uid"] == NODE)
    feature["geometry"] = None
    feature["properties"]["lat"] = 43.5
    out.write_text(json.dumps(data), encoding="utf-8")
    result = check(db, "node", out)
    assert changed_fields(result) == [(NODE, "lat")]


def test_a_node_csv_with_its_position_edited_changes_one_record(db, tmp_path, capsys):
    out = tmp_path / "nodes.csv"
    run_export(db, "node", "csv", out)
    text = out.read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    header = lines[0].split(",")
    row = next(i for i, line in enumerate(lines) if line.startswith(NODE + ","))
    cells = lines[row].split(",")
    cells[header.index("lat")] = "43.61"
    lines[row] = ",".join(cells)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    result = check(db, "node", out)
    assert result.counts()["update"] == 1 and changed_fields(result) == [(NODE, "lat")]
    status, said, _ = run(capsys, "import", "node", str(out), "--db", str(db.path))
    assert status == 0 and "1 updated" in said


def test_a_segment_line_moved_in_the_gis_imports_nothing_and_says_to_move_the_nodes(db, tmp_path):
    out = tmp_path / "segments.geojson"
    run_export(db, "segment", "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    feature = next(f for f in data["features"] if f["properties"]["uid"] == SEGMENT)
    feature["geometry"]["coordinates"][-1] = [51.3, 43.6]
    feature["properties"]["status"] = "planned"
    out.write_text(json.dumps(data), encoding="utf-8")
    result = check(db, "segment", out)
    assert changed_fields(result) == [(SEGMENT, "status")]  # its properties import, its geometry does not
    assert any("move the nodes" in note and SEGMENT in note for note in result.file_notes)


def _refused(db, capsys, path: Path, kind: str) -> ImportFileError:
    before = places(db)
    with pytest.raises(ImportFileError) as caught:
        read_import_table(path, kind)
    status, said, err = run(capsys, "import", kind, str(path), "--db", str(db.path))
    assert status == 2 and said == "" and err == f"partnership-atlas: {caught.value}\n"
    assert places(db) == before
    return caught.value


def test_files_that_are_not_wgs84_places_are_refused_and_nothing_changes(db, tmp_path, capsys):
    out = tmp_path / "nodes.geojson"
    run_export(db, "node", "geojson", out)
    data = json.loads(out.read_text(encoding="utf-8"))

    mercator = tmp_path / "mercator.geojson"
    mercator.write_text(json.dumps({**data, "crs": {"type": "name", "properties": {
        "name": "urn:ogc:def:crs:EPSG::3857"}}}), encoding="utf-8")
    error = _refused(db, capsys, mercator, "node")
    assert error.code == "geojson_crs" and "EPSG::3857" in str(error) and "WGS 84" in str(error)

    line = tmp_path / "line.geojson"
    data["features"][0]["geometry"] = {"type": "LineString", "coordinates": [[51.0, 43.0], [52.0, 44.0]]}
    line.write_text(json.dumps(data), encoding="utf-8")
    error = _refused(db, capsys, line, "node")
    assert error.code == "geojson_geometry" and str(error) == (
        "Feature 1 of line.geojson has a LineString geometry, but a node needs a Point.")

    swapped = tmp_path / "swapped.geojson"
    data["features"][0]["geometry"] = {"type": "Point", "coordinates": [43.0, 251.0]}
    swapped.write_text(json.dumps(data), encoding="utf-8")
    assert _refused(db, capsys, swapped, "node").code == "geojson_out_of_range"

    broken = tmp_path / "broken.geojson"
    broken.write_text(out.read_text(encoding="utf-8")[:-20], encoding="utf-8")
    assert _refused(db, capsys, broken, "node").code == "bad_json"

    table = tmp_path / "table.geojson"
    table.write_text(json.dumps([{"uid": NODE}]), encoding="utf-8")
    error = _refused(db, capsys, table, "node")
    assert error.code == "not_geojson" and "FeatureCollection" in str(error)

    # a crs that names WGS 84 (as GDAL wrote before RFC 7946) is taken
    named = tmp_path / "crs84.geojson"
    named.write_text(json.dumps({**json.loads(out.read_text(encoding="utf-8")), "crs": {
        "type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}}), encoding="utf-8")
    assert check(db, "node", named).counts()["update"] == 0


def test_include_unplaced_writes_features_with_null_geometry_that_gdal_reads(db, tmp_path, capsys):
    total = db.conn.execute("SELECT count(*) FROM nodes").fetchone()[0]
    unplaced = db.conn.execute("SELECT count(*) FROM nodes WHERE lat IS NULL").fetchone()[0]
    assert unplaced
    out = tmp_path / "nodes.geojson"
    status, said, _ = run(capsys, "export", "node", "--format", "geojson", "--include-unplaced", "-o", str(out),
                          "--db", str(db.path))
    assert status == 0 and said == (f"Wrote {total} nodes to {out} ({unplaced} nodes without coordinates as "
                                    "\"geometry\": null).\n")
    features = json.loads(out.read_text(encoding="utf-8"))["features"]
    nulls = [f for f in features if f["geometry"] is None]
    assert len(nulls) == unplaced and all(f["properties"]["name_en"] for f in nulls)
    assert f"Feature Count: {total}" in ogrinfo("-al", "-so", str(out))
    every = ogrinfo("-al", str(out))  # a feature without geometry has its fields and no POINT line
    assert every.count("OGRFeature(") == total and every.count("\n  POINT (") == total - unplaced
    assert check(db, "node", out).counts() == {"add": 0, "update": 0, "unchanged": total, "reject": 0}
    # by default they are left out and counted, as before
    status, said, _ = run(capsys, "export", "node", "-o", str(out), "--db", str(db.path))
    assert said == f"Wrote {total - unplaced} nodes to {out} ({unplaced} nodes without coordinates left out).\n"
    # the option is GeoJSON's only
    status, _, err = run(capsys, "export", "node", "--include-unplaced", "-o", str(tmp_path / "n.csv"), "--db",
                         str(db.path))
    assert status == 2 and "GeoJSON only" in err and not (tmp_path / "n.csv").exists()


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_node_and_segment_csv_round_trip_through_libreoffice(db, tmp_path):
    files = []
    for kind in ("node", "segment"):
        files.append(tmp_path / f"{kind}.csv")
        run_export(db, kind, "csv", files[-1])
    converted = tmp_path / "lo"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", str(converted),
                    *map(str, files)], check=True, capture_output=True, timeout=180)
    edits = {"node": (NODE, "lon", 51.25), "segment": (SEGMENT, "length_km", 3130)}
    for kind in ("node", "segment"):
        book = converted / f"{kind}.xlsx"
        count = db.conn.execute(f"SELECT count(*) FROM {kind}s").fetchone()[0]
        assert check(db, kind, book).counts() == {"add": 0, "update": 0, "unchanged": count, "reject": 0}
        uid, column, value = edits[kind]
        wb = openpyxl.load_workbook(book)
        ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == uid)
        row[header.index(column)].value = value
        wb.save(book)
        wb.close()
        result = check(db, kind, book)
        assert result.counts()["update"] == 1 and result.counts()["add"] == 0
        assert changed_fields(result) == [(uid, column)]


def test_the_window_offers_geojson_for_places_and_exports_unplaced_ones(qtbot, open_window, repo, tmp_path):
    from desktop.qt.transfer.transfer import ExportDialog, ImportDialog

    window = open_window()
    dialog = ImportDialog(window)
    dialog.kind.setCurrentIndex(dialog.kind.findData("agreement"))
    assert "*.geojson" not in dialog.file_filter()
    dialog.kind.setCurrentIndex(dialog.kind.findData("node"))
    assert "*.geojson" in dialog.file_filter()
    out = tmp_path / "nodes.geojson"
    export = ExportDialog(window)
    export.kind.setCurrentIndex(export.kind.findData("node"))
    export.scope_all.setChecked(True)
    export.format.setCurrentIndex(export.format.findData("geojson"))
    assert export.export_form.isRowVisible(export.unplaced)
    total = repo.db.conn.execute("SELECT count(*) FROM nodes").fetchone()[0]
    placed = repo.db.conn.execute("SELECT count(*) FROM nodes WHERE lat IS NOT NULL").fetchone()[0]
    assert export.export_to(str(out)) == placed
    export.unplaced.setChecked(True)
    assert export.export_to(str(out)) == total
    export.format.setCurrentIndex(export.format.findData("csv"))
    assert not export.export_form.isRowVisible(export.unplaced)
    export.close()
    # a node file whose first feature is a line is refused in the window's words
    data = json.loads(out.read_text(encoding="utf-8"))
    data["features"][0]["geometry"] = {"type": "LineString", "coordinates": [[51.0, 43.0], [52.0, 44.0]]}
    out.write_text(json.dumps(data), encoding="utf-8")
    dialog.load(str(out))
    assert dialog.last_error == "Feature 1 of nodes.geojson has a LineString geometry, but a node needs a Point."
    assert dialog.apply_button.isEnabled() is False
    dialog.close()
