"""Opening database files without changing them (issue 16, items 10–12 and the data half of item 1).

A foreign, newer, damaged or empty file is looked at read-only and left byte for byte as it was, -wal/-shm
siblings included, by every path that opens one (search, backup, restore, the start). Atlas files carry
their own application id; a rollback journal left by a crash is rolled back, not called damage; a read that
fails for a passing reason is tried again and reported as an I/O error, never moved aside; a WAL database
that cannot be given its -wal/-shm files is read as an immutable snapshot; the self-test checks every page
and the full-text indexes.
"""
from __future__ import annotations

import dataclasses
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.__main__ import main
from desktop.app import check_user_data
from desktop.core.text import index_text
from desktop.data import database, migrations
from desktop.data.agreements import AgreementQuery
from desktop.data.database import (
    ForeignDatabaseError,
    NewerSchemaError,
    ReadOnlyDatabaseError,
    Retry,
    UnreadableDatabaseError,
    connect,
    create_database,
    examine,
    open_database,
)
from desktop.data.recovery import check_and_recover
from desktop.data.repository import Repository
from desktop.data.usercopy import open_user_database
from tests.conftest import BUNDLED_DB
from tests.test_backups import corrupt

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("foreign", "foreign-id", "foreign-wal", "newer", "damaged", "empty")


def _app_id(path: Path) -> int:
    return int.from_bytes(path.read_bytes()[68:72], "big")


def _make(kind: str, path: Path, built_db: Path) -> Path:
    """A file the program must refuse; but for "foreign-wal" (another program's file in WAL mode, closed: no
    -wal or -shm beside it) in rollback-journal mode (header bytes 18–19 are 1), so that a switch to WAL
    would show in its bytes."""
    if kind == "foreign":  # another program's file whose user_version looks like a later Atlas schema
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE songs (title TEXT)")
            conn.execute("INSERT INTO songs VALUES ('Kara Jorga')")
            conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 97}")
        conn.close()
    elif kind == "foreign-id":  # another program's id, with a table of the same name as ours
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE agreements (id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("CREATE TABLE meta (key TEXT, value TEXT)")
            conn.execute("PRAGMA user_version = 1")
            conn.execute("PRAGMA application_id = 1196444487")  # a GeoPackage's id ("GPKG")
        conn.close()
    elif kind == "foreign-wal":
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("CREATE TABLE songs (title TEXT)")
        conn.commit()
        conn.close()
        assert path.read_bytes()[18:20] == b"\x02\x02" and _files(path).keys() == {path.name}
        return path
    elif kind == "newer":
        shutil.copyfile(built_db, path)
        with sqlite3.connect(path) as conn:
            conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
        conn.close()
    elif kind == "damaged":
        shutil.copyfile(built_db, path)
        corrupt(path)
    else:
        path.write_bytes(b"")
    assert kind == "empty" or path.read_bytes()[18:20] == b"\x01\x01"
    return path


def _files(path: Path) -> dict[str, bytes]:
    """The file and every sibling of its name (-wal, -shm, -journal), with their bytes."""
    return {p.name: p.read_bytes() for p in sorted(path.parent.glob(path.name + "*"))}


MESSAGES = {"foreign": "not a Partnership Atlas database", "foreign-id": "not a Partnership Atlas database",
            "foreign-wal": "not a Partnership Atlas database", "newer": "newer version", "damaged": "damaged",
            "empty": "is empty"}


@pytest.fixture(params=KINDS)
def bad_file(request, built_db: Path, tmp_path: Path) -> tuple[str, Path]:
    folder = tmp_path / "bad"
    folder.mkdir()
    return request.param, _make(request.param, folder / f"{request.param}.sqlite", built_db)


# ---------------------------------------------------------------------------------- read-only paths (item 10)

def test_search_command_leaves_a_refused_file_as_it_was(bad_file, capsys):
    kind, path = bad_file
    before = _files(path)
    assert main(["search", "газ", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert MESSAGES[kind] in err and "left unchanged" in err and "Traceback" not in err
    if kind.startswith("foreign"):
        assert "newer" not in err, "another program's file is foreign, whatever its user_version"
    assert _files(path) == before


def test_backup_command_leaves_a_refused_file_as_it_was(bad_file, tmp_path: Path, capsys):
    kind, path = bad_file
    before = _files(path)
    out = tmp_path / "out.sqlite"
    assert main(["backup", str(out), "--db", str(path)]) == 2
    assert MESSAGES[kind] in capsys.readouterr().err
    assert _files(path) == before
    assert not out.exists()


def test_restore_command_checks_the_candidate_read_only(bad_file, db_copy: Path, capsys):
    kind, path = bad_file
    before, database = _files(path), _files(db_copy)
    assert main(["restore", str(path), "--db", str(db_copy)]) == 2
    err = capsys.readouterr().err
    assert "The backup cannot be restored" in err and "left unchanged" in err
    assert _files(path) == before, "the candidate was read, never written"
    conn = sqlite3.connect(db_copy)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert database.keys() == _files(db_copy).keys()


def test_restore_command_keeps_a_refused_database_byte_for_byte(bad_file, repo, tmp_path: Path, capsys):
    """Restoring over a file that cannot be opened moves it aside (a newer one or another program's file is
    refused where it is): either way its bytes are those it had, never a version switched to WAL first."""
    kind, path = bad_file
    backup = tmp_path / "good-backup.sqlite"
    assert main(["backup", str(backup), "--db", str(repo.db.path)]) == 0
    before = path.read_bytes()
    code = main(["restore", str(backup), "--db", str(path)])
    out = capsys.readouterr()
    if kind == "newer" or kind.startswith("foreign"):
        assert code == 2 and MESSAGES[kind] in out.err
        assert kind == "newer" or "Nothing was restored" in out.err
        assert path.read_bytes() == before
        assert not list(path.parent.glob(f"{path.stem}.replaced-*")), "another program's file is not moved"
        return
    assert code == 0, out.err
    kept = list(path.parent.glob(f"{path.stem}.replaced-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == before
    assert not Path(f"{kept[0]}-wal").exists()


def test_start_with_a_refused_user_database_leaves_it_as_it_was(bad_file, qapp, monkeypatch):
    """The start's check of the user's copy: damage (an empty file too) is moved aside unchanged and a
    choice offered; another program's file or a newer one is reported where it is."""
    kind, made = bad_file
    user = paths.user_database()
    user.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(made, user)
    before = user.read_bytes()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)  # the user closes the question
    if kind in ("damaged", "empty"):
        assert not check_user_data(qapp)
        assert asked and ("is empty" if kind == "empty" else "moved aside") in asked[0]
        moved = list(user.parent.glob("atlas.sqlite.damaged-*"))
        assert [p.read_bytes() for p in moved if not p.name.endswith(("-wal", "-shm"))] == [before]
        assert not any(p.name.endswith(("-wal", "-shm")) for p in moved)
    else:
        with pytest.raises((ForeignDatabaseError, NewerSchemaError), match=MESSAGES[kind]):
            check_user_data(qapp)
        assert not asked
        assert _files(user) == {"atlas.sqlite": before}


START = """
import sys
from PySide6.QtWidgets import QApplication
from desktop.app import start
from desktop.core.errors import AtlasError

app = QApplication([])
for path in sys.argv[1:]:
    try:
        start(app, path, "en", remember=False)
    except AtlasError as exc:
        print("REFUSED", exc)
    else:
        print("OPENED", path)
"""


def test_start_with_db_option_leaves_refused_files_as_they_were(built_db: Path, tmp_path: Path, user_folders):
    """``partnership-atlas --db FILE``: the start opens without the page check in the foreground, yet a file
    whose header would change is checked first, so a damaged one is refused before it is switched to WAL."""
    files = [_make(kind, tmp_path / f"{kind}.sqlite", built_db) for kind in KINDS]
    before = {f: _files(f) for f in files}
    env = dict(os.environ, PARTNERSHIP_ATLAS_DATA_DIR=str(user_folders["data"]),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(user_folders["config"]), XDG_CONFIG_HOME=str(user_folders["config"]),
               XDG_DATA_HOME=str(user_folders["data"]), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", START, *map(str, files)], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert len(lines) == len(KINDS) and all(line.startswith("REFUSED") for line in lines), lines
    for kind, line in zip(KINDS, lines, strict=True):
        assert MESSAGES[kind] in line
    assert {f: _files(f) for f in files} == before


# ---------------------------------------------------------------------------------- the application id

def test_new_built_and_bundled_databases_carry_the_application_id(tmp_path: Path, built_db: Path):
    db = create_database(tmp_path / "new.sqlite")
    db.close()
    for path in (tmp_path / "new.sqlite", built_db, BUNDLED_DB):
        assert _app_id(path) == migrations.APPLICATION_ID == 0x5041544C, path


def test_a_copy_made_before_the_application_id_opens_and_gets_it(built_db: Path, tmp_path: Path):
    """A user copy from an earlier version: our tables, application id 0, in WAL mode."""
    old = tmp_path / "old-copy.sqlite"
    shutil.copyfile(built_db, old)
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA application_id = 0")
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    assert _app_id(old) == 0
    before = old.read_bytes()
    ro = open_database(old, readonly=True, check=False)  # read, not work: the id is not written
    assert ro.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    ro.close()
    assert old.read_bytes() == before
    db = open_database(old, check=False)  # opened for work (the start path): the id is written
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    db.close()
    assert _app_id(old) == migrations.APPLICATION_ID


def test_another_programs_file_is_foreign_not_newer_and_an_empty_one_is_empty(built_db: Path, tmp_path: Path):
    foreign = _make("foreign", tmp_path / "foreign.sqlite", built_db)
    with pytest.raises(ForeignDatabaseError) as caught:
        open_database(foreign)
    assert "newer" not in str(caught.value) and "not a Partnership Atlas database" in str(caught.value)
    other_id = _make("foreign-id", tmp_path / "foreign-id.sqlite", built_db)
    with pytest.raises(ForeignDatabaseError):
        open_database(other_id)  # its "agreements" table and version 1 once made it look like ours
    empty = _make("empty", tmp_path / "empty.sqlite", built_db)
    with pytest.raises(Exception, match=r"is empty \(0 bytes\)"):
        open_database(empty)
    assert empty.read_bytes() == b""


def test_a_blank_sqlite_file_is_initialised_as_before(tmp_path: Path):
    blank = tmp_path / "blank.sqlite"
    conn = sqlite3.connect(blank)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")  # a valid header, nothing in the schema, user_version 0
    conn.close()
    db = open_database(blank)
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.LATEST_VERSION
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == 0
    db.close()
    assert _app_id(blank) == migrations.APPLICATION_ID


# ---------------------------------------------------------------------------------- a hot journal (item 12)

def _crashed_copy(built_db: Path, tmp_path: Path) -> tuple[Path, int, bytes]:
    """A rollback-journal database copied with its -journal in the middle of a transaction (the "crash"):
    the copy's main file already holds uncommitted pages. Returns (copy, committed count, committed bytes)."""
    original = tmp_path / "live.sqlite"
    shutil.copyfile(built_db, original)
    committed = original.read_bytes()
    conn = sqlite3.connect(original, isolation_level=None)
    conn.create_function("atlas_index_text", -1, index_text, deterministic=True)  # (the index triggers call it)
    count = conn.execute("SELECT count(*) FROM agreements").fetchone()[0]
    conn.execute("PRAGMA cache_size = 2")  # dirty pages spill into the main file before the commit
    conn.execute("BEGIN")
    conn.execute("DELETE FROM search_terms")
    conn.execute("UPDATE sources SET title = hex(randomblob(200))")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    copy = crashed / "atlas.sqlite"
    shutil.copyfile(original, copy)
    shutil.copyfile(f"{original}-journal", f"{copy}-journal")
    conn.execute("ROLLBACK")
    conn.close()
    assert copy.read_bytes() != committed, "the crash left uncommitted pages in the main file"
    return copy, count, committed


def test_a_hot_journal_is_rolled_back_at_start_not_called_damage(built_db: Path, tmp_path: Path):
    copy, count, committed = _crashed_copy(built_db, tmp_path)
    result = check_and_recover(copy, built_db, tmp_path / "backups")
    assert result.state == "ok" and result.moved_to is None
    assert not list(copy.parent.glob("*.damaged-*"))
    assert copy.read_bytes() == committed, "rolled back to the last committed state"
    assert not Path(f"{copy}-journal").exists()
    db = open_database(copy)
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == count
    assert db.conn.execute("SELECT count(*) FROM search_terms").fetchone()[0] > 0
    db.close()


def test_a_hot_journal_is_rolled_back_when_the_file_is_opened(built_db: Path, tmp_path: Path):
    copy, count, _ = _crashed_copy(built_db, tmp_path)
    db = open_database(copy, check=False)
    assert db.conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert db.conn.execute("SELECT count(*) FROM agreements").fetchone()[0] == count
    db.close()


def test_a_hot_journal_that_cannot_be_rolled_back_is_reported_not_damage(built_db, tmp_path, monkeypatch):
    """In a folder that cannot be written the journal cannot be undone: that is said, and nothing moves."""
    copy, _, _ = _crashed_copy(built_db, tmp_path)
    before = _files(copy)
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **kw: False if mode == os.W_OK and Path(p) in (
        copy, copy.parent) else real_access(p, mode, **kw))
    with pytest.raises(ReadOnlyDatabaseError, match="unfinished change"):
        check_and_recover(copy, built_db, tmp_path / "backups")
    with pytest.raises(ReadOnlyDatabaseError, match="copy both files to a writable folder"):
        open_database(copy, check=False)
    assert _files(copy) == before


# ---------------------------------------------------------------------------------- a transient read error

class _Locker:
    """Another connection holding an EXCLUSIVE lock on a rollback-journal database: every reader gets
    SQLITE_BUSY ("database is locked") until it lets go. A real passing failure of a read."""

    def __init__(self, path: Path):
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.conn.execute("BEGIN EXCLUSIVE")
        self.conn.execute("DELETE FROM search_terms")

    def release(self, *_args: object) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.release()
        self.conn.close()


@pytest.fixture
def locked_user_db(built_db: Path, tmp_path: Path):
    user = tmp_path / "user" / "atlas.sqlite"
    user.parent.mkdir()
    shutil.copyfile(built_db, user)
    locker = _Locker(user)
    yield user, locker
    locker.close()


def test_a_read_that_keeps_failing_is_an_io_error_and_never_moves_the_file(locked_user_db, built_db, tmp_path):
    user, _ = locked_user_db
    before = user.read_bytes()
    pauses: list[float] = []
    retry = Retry(attempts=3, pause_s=0.01, busy_ms=20, pause=pauses.append)
    with pytest.raises(UnreadableDatabaseError) as caught:
        check_and_recover(user, built_db, tmp_path / "backups", retry=retry)
    message = str(caught.value)
    assert "could not be read (database is locked)" in message and "after 3 tries" in message
    assert "left unchanged" in message
    assert pauses == [0.01, 0.01], "tried three times"
    assert user.read_bytes() == before
    assert not list(user.parent.glob("*.damaged-*")), "a passing read error is not damage"


def test_a_read_that_fails_once_is_tried_again(locked_user_db, built_db, tmp_path):
    user, locker = locked_user_db
    retry = Retry(attempts=3, pause_s=0.0, busy_ms=20, pause=locker.release)  # the lock goes while we wait
    result = check_and_recover(user, built_db, tmp_path / "backups", retry=retry)
    assert result.state == "ok" and result.moved_to is None
    info = examine(user, full=True, retry=retry)
    assert info.checked and info.version == migrations.LATEST_VERSION


def test_the_restore_command_never_moves_a_file_it_could_not_read(locked_user_db, tmp_path, capsys, monkeypatch):
    """The restore command moves aside a database too damaged to open; a locked one is only reported."""
    user, locker = locked_user_db
    before = user.read_bytes()
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(BUNDLED_DB, backup)
    monkeypatch.setattr(database, "RETRY", Retry(attempts=2, pause_s=0.0, busy_ms=20))  # seconds, not 15 s
    assert main(["restore", str(backup), "--db", str(user)]) == 2
    assert "could not be read (database is locked)" in capsys.readouterr().err
    assert not list(user.parent.glob("*.replaced-*"))
    locker.release()
    assert user.read_bytes() == before


def _as_any_user() -> list[str]:
    """A command prefix under which file permissions hold for the child as for any user: root reads every file
    (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) unless its process starts without those capabilities."""
    if os.geteuid() != 0:
        return []
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


EXAMINE = """
import sys
from desktop.data.database import Retry, UnreadableDatabaseError, examine

pauses = []
try:
    examine(sys.argv[1], retry=Retry(attempts=3, pause_s=0.01, busy_ms=20, pause=pauses.append))
except UnreadableDatabaseError as exc:
    print(len(pauses))
    print(exc)
"""


def test_a_file_that_may_not_be_read_is_reported_at_once_as_a_file_error(built_db: Path, tmp_path: Path):
    """No permission is no passing failure: no pause, no second try, and the words every file error has."""
    path = tmp_path / "atlas.sqlite"
    shutil.copyfile(built_db, path)
    before = path.read_bytes()
    path.chmod(0)
    try:
        result = subprocess.run([*_as_any_user(), sys.executable, "-c", EXAMINE, str(path)], cwd=ROOT,
                                capture_output=True, text=True, timeout=60)
    finally:
        path.chmod(0o644)
    assert result.returncode == 0, result.stderr[-3000:]
    pauses, message = result.stdout.split("\n", 1)
    assert pauses == "0", "tried once: trying again would not mend it"
    assert message.strip() == (f"{path} could not be read: permission denied (the folder may be read-only, or the "
                               "file open in another program).")
    assert path.read_bytes() == before and _files(path).keys() == {path.name}


@pytest.fixture
def quick_checks(monkeypatch) -> list[str]:
    """Every ``PRAGMA quick_check`` run on the connections desktop.data.database makes (its looks at a file and
    its working connections), as SQLite's trace hook reports them."""
    seen: list[str] = []

    def traced(make):
        def wrapper(*args, **kwargs):
            conn = make(*args, **kwargs)
            conn.set_trace_callback(lambda sql: seen.append(sql) if "quick_check" in sql.lower() else None)
            return conn
        return wrapper

    monkeypatch.setattr(database, "connect", traced(database.connect))
    monkeypatch.setattr(database, "connect_for_look", traced(database.connect_for_look))
    return seen


def _copy_before_the_application_id(built_db: Path, path: Path) -> Path:
    """A user copy made by a version before the application id: opening it for work writes the id."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(built_db, path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 0")
    conn.close()
    return path


def test_open_database_given_a_page_checked_look_checks_no_page_again(built_db, tmp_path, quick_checks):
    path = _copy_before_the_application_id(built_db, tmp_path / "atlas.sqlite")
    info = examine(path, full=True)
    assert info.checked and info.changes_on_open() and len(quick_checks) == 1
    db = open_database(path, check=False, info=info)
    assert len(quick_checks) == 1, "the look just made had checked every page"
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    db.close()
    unchecked = examine(path, full=False)
    db = open_database(path, info=unchecked)  # check=True: a look that did not check the pages is not enough
    db.close()
    assert len(quick_checks) == 2


def test_a_start_checks_the_pages_of_the_user_copy_once(qapp, built_db, quick_checks):
    """The first start after the application id came: check_user_data checks every page, and the start opens
    the file with that look (as run() passes it) instead of checking every page again."""
    user = _copy_before_the_application_id(built_db, paths.user_database())
    checked = check_user_data(qapp)
    assert checked is not None and checked.state == "ok"
    opened = open_user_database(None, check=False, info=checked.info)  # what start() opens it with
    try:
        assert len(quick_checks) == 1
        assert opened.database.conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    finally:
        opened.database.close()
    assert _app_id(user) == migrations.APPLICATION_ID


def test_a_start_on_a_locked_user_database_gives_up_after_a_short_retry(qapp, built_db, monkeypatch):
    """Locked by another program: the start tries twice, briefly (not 3 x 5 s before any window shows), and
    says that the file could not be read; it is not called damaged and stays where it is, as it was."""
    user = paths.user_database()
    user.parent.mkdir(parents=True)
    shutil.copyfile(built_db, user)
    before = user.read_bytes()
    retry = database.START_RETRY
    assert retry.attempts * retry.busy_ms / 1000 + (retry.attempts - 1) * retry.pause_s <= 1.5, "at most 1.5 s"
    pauses: list[float] = []
    monkeypatch.setattr(database, "START_RETRY", dataclasses.replace(retry, pause=pauses.append))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    locker = _Locker(user)
    try:
        assert check_user_data(qapp) is None
    finally:
        locker.close()
    assert len(pauses) == retry.attempts - 1 == 1, "two tries, with the start's short retry"
    assert len(shown) == 1
    assert shown[0] == (f"Your database {user} could not be read (database is locked). Nothing in it was changed "
                        "or moved. Close any other program that is using it, check that you may read the file and "
                        "that its disk or network drive is there, then start Partnership Atlas again.")
    assert user.read_bytes() == before
    assert sorted(p.name for p in user.parent.iterdir()) == ["atlas.sqlite"], "nothing moved aside"


# ---------------------------------------------------------------------------------- a read-only folder (item 1)

def _wal_database_without_its_wal(built_db: Path, tmp_path: Path) -> Path:
    """A WAL database whose -wal file can be neither opened nor made, as in a read-only folder or file
    system: the name is taken by a folder (root ignores permissions, so a chmod would not show it)."""
    path = tmp_path / "ro" / "atlas.sqlite"
    path.parent.mkdir()
    shutil.copyfile(built_db, path)
    db = open_database(path)
    db.close()
    assert path.read_bytes()[18:20] == b"\x02\x02"
    Path(f"{path}-wal").mkdir()
    with pytest.raises(sqlite3.OperationalError, match="unable to open"):
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM agreements").fetchone()
        finally:
            conn.close()
    return path


def test_a_readonly_connection_reads_a_wal_database_whose_wal_cannot_be_made(built_db: Path, tmp_path: Path):
    path = _wal_database_without_its_wal(built_db, tmp_path)
    before = path.read_bytes()
    conn = connect(path, readonly=True)  # what the search worker opens
    assert conn.execute("SELECT count(*) FROM agreements").fetchone()[0] > 0
    conn.close()
    db = open_database(path, readonly=True, check=False)
    result = Repository(db).agreements.search(AgreementQuery(text="газ"), limit=10)
    assert result.total > 0
    db.close()
    assert path.read_bytes() == before


# ---------------------------------------------------------------------------------- the self-test (item 11)

def _self_test(user_folders, db: Path) -> subprocess.CompletedProcess:
    env = os.environ.copy()
    env.pop("QT_QPA_PLATFORM", None)
    env.update(PARTNERSHIP_ATLAS_DATA_DIR=str(user_folders["data"]),
               PARTNERSHIP_ATLAS_CONFIG_DIR=str(user_folders["config"]),
               XDG_CONFIG_HOME=str(user_folders["config"]), XDG_DATA_HOME=str(user_folders["data"]))
    return subprocess.run([sys.executable, "-m", "desktop", "--self-test", "--db", str(db)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_self_test_of_a_corrupt_database_fails_at_its_page_check(user_folders, built_db: Path, tmp_path: Path):
    bad = tmp_path / "corrupt.sqlite"
    shutil.copyfile(built_db, bad)
    corrupt(bad)
    before = bad.read_bytes()
    result = _self_test(user_folders, bad)
    assert result.returncode == 1, result.stdout
    assert "self-test FAILED: database check: quick_check found damage" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert bad.read_bytes() == before


def test_self_test_of_a_broken_full_text_index_fails(user_folders, built_db: Path, tmp_path: Path):
    bad = tmp_path / "fts.sqlite"
    shutil.copyfile(built_db, bad)
    conn = sqlite3.connect(bad)
    conn.execute("UPDATE agreements_fts_content SET c0 = 'zzz' WHERE id = (SELECT min(id) FROM agreements)")
    conn.commit()
    assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok", "the pages are sound; the index is not"
    conn.close()
    result = _self_test(user_folders, bad)
    assert result.returncode == 1, result.stdout
    assert "self-test FAILED: database check: the full-text index agreements_fts failed its integrity-check" \
        in result.stderr, result.stderr
