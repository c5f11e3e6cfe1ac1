"""Files are written whole or not at all (issue 16: items 3, 13 and 14).

- A process killed at every write call of a fact-sheet save and of a backup (``strace`` attached to it, with
  ``inject=SYSCALL:signal=KILL:when=N``) leaves the old file or the new one, never a part of one; what it left
  beside them is gone after the next start, or the next write to that folder.
- A fact sheet, or a map or chart saved as SVG or PNG, that does not fit on the disk is refused with a message,
  and the old file is kept.
- A restore whose final rename fails leaves the database and its ``-wal`` where they were; every partner's fact
  sheet (one PDF each) with one failing write or rename leaves all the old PDFs, or all new ones.
- Temporary files are removed only when their writer is gone: another window's write in progress is kept.
- A name over 255 bytes gives the same clear message in every command and window, never a traceback.
"""
from __future__ import annotations

import errno
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import paths
from desktop.core import atomic
from desktop.core.atomic import STALE_AFTER, remove_leftovers, write_bytes
from desktop.data.backup import backup_database
from desktop.data.database import open_database

ROOT = Path(__file__).resolve().parents[1]
STRACE = shutil.which("strace")
# Every call that writes, syncs, truncates, renames or removes a file ("?": not every architecture has each).
WRITE_CALLS = ("write", "pwrite64", "writev", "pwritev", "pwritev2", "fsync", "fdatasync", "ftruncate", "rename",
               "renameat", "renameat2", "unlink", "unlinkat")
LONG = "д" * 150  # 300 bytes in UTF-8: over the 255 a file name may have
TOO_LONG = "the name is too long"
MARK = "Written before the crash sweep"

# The process that saves: everything is loaded first ("ready"), the save starts when told (a line on stdin),
# so that the calls strace counts are those of the save itself.
CHILD = textwrap.dedent("""
    import sys
    from desktop.core.errors import AtlasError
    kind, db_path, target = sys.argv[1:4]
    if kind == "factsheet":
        from desktop.data.database import open_database
        from desktop.data.repository import Repository
        from desktop.export.factsheet import build_factsheet
        from desktop.qt.factsheet.factsheet_cli import _application
        db = open_database(db_path, readonly=True, check=False)
        repo = Repository(db)
        app = _application()
        from desktop.qt.factsheet.factsheet import make_map_view, render_factsheet
        view = make_map_view(repo)
        sheet = build_factsheet(repo, "TUR", "en", "2025-06-30")
        save = lambda: render_factsheet(sheet, target, map_view=view)
    else:
        from desktop.data.backup import backup_database
        from desktop.data.database import open_database
        db = open_database(db_path, check=False)
        save = lambda: backup_database(db, target)
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        result = save()
    except AtlasError as exc:
        print("failed:", exc, flush=True)
        sys.exit(2)
    print("done", result, flush=True)
""")


def _child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def save_under_strace(kind: str, db: Path, target: Path, inject: str | None = None,
                      log: Path | None = None) -> tuple[int, str]:
    """Start the saving process, attach strace to it (every thread), let it save; (exit status, its output).
    ``inject`` is an strace injection (e.g. ``pwrite64:signal=KILL:when=7``); ``log`` records the calls."""
    assert STRACE, "these tests need strace (apt-get install strace; .ci/run installs it)"
    child = subprocess.Popen([sys.executable, "-c", CHILD, kind, str(db), str(target)], cwd=ROOT, env=_child_env(),
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    tracer = None
    try:
        ready = child.stdout.readline()
        assert ready == "ready\n", ready + child.stderr.read()
        command = [STRACE, "-f", "-y", "-p", str(child.pid), "-o", str(log) if log else os.devnull,
                   "-e", "trace=" + ",".join(f"?{name}" for name in WRITE_CALLS)]
        if inject:
            command += ["-e", f"inject=?{inject}"]
        tracer = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        attached = tracer.stderr.readline()  # "strace: Process N attached [with M threads]"
        assert "attached" in attached, attached + tracer.stderr.read()
        child.stdin.write("go\n")
        child.stdin.flush()
        out, err = child.communicate(timeout=120)
        tracer.communicate(timeout=60)
        assert child.returncode in (0, 2, -9), err
        return child.returncode, out
    finally:
        for process in (child, tracer):
            if process is not None and process.poll() is None:
                process.kill()
                process.wait()


def calls_of_the_save(log: Path, pid: int | None = None) -> list[tuple[str, str]]:
    """(syscall, its line) for each call the saving process's main thread made, in order."""
    calls = []
    for line in log.read_text(errors="replace").splitlines():
        m = re.match(r"^(\d+)\s+(\w+)\(", line)
        if m and (pid is None or int(m.group(1)) == pid):
            calls.append((m.group(2), line))
    return calls


def kill_points(count: int) -> list[int]:
    """Which of ``count`` calls of one kind to kill at: all of few; of many, the first and last three and
    about ten between."""
    if count <= 16:
        return list(range(1, count + 1))
    between = range(4, count - 2, max(1, (count - 6) // 10))
    return sorted({1, 2, 3, *between, count - 2, count - 1, count})


def sweep(kind: str, db: Path, target: Path, restore_old, state_of, next_start) -> dict[str, int]:
    """Let the save complete once (strace recording its calls), then kill it at every write call of that run
    (sampled where there are hundreds of one kind); after each kill ``state_of(target)`` must say "old" or "new",
    and after ``next_start()`` nothing but the target may be left in its folder. Returns how often each state
    was found, and how often something was left over."""
    restore_old()
    log = target.parent.parent / f"{kind}-calls.log"
    code, out = save_under_strace(kind, db, target, log=log)
    assert code == 0 and out.startswith("done"), out
    assert state_of(target) == "new"
    first = int(re.match(r"^(\d+)\s", log.read_text()).group(1))
    calls = calls_of_the_save(log, first)
    check_durable_order(calls, target)
    counts: dict[str, int] = {}
    for name, _line in calls:
        counts[name] = counts.get(name, 0) + 1
    seen = {"old": 0, "new": 0, "left over": 0, "runs": 0, "killed": 0}
    for name, count in sorted(counts.items()):
        for n in kill_points(count):
            restore_old()
            code, out = save_under_strace(kind, db, target, f"{name}:signal=KILL:when={n}")
            state = state_of(target)
            assert state in ("old", "new"), (name, n, state)
            assert code == -9 or (code == 0 and state == "new"), (name, n, out)  # (Qt's wake-ups may vary)
            seen[state] += 1
            seen["runs"] += 1
            seen["killed"] += code == -9
            if sorted(p.name for p in target.parent.iterdir()) != [target.name]:
                seen["left over"] += 1
            next_start()
            assert sorted(p.name for p in target.parent.iterdir()) == [target.name], (name, n)
    assert seen["killed"] >= seen["runs"] - 2, seen
    return seen


def check_durable_order(calls: list[tuple[str, str]], target: Path) -> None:
    """The temporary file is synced before it is renamed over the target, and the folder after it."""
    lines = [line for _name, line in calls]
    renames = [i for i, (name, line) in enumerate(calls)
               if name.startswith("rename") and f'"{target}"' in line and ".tmp" in line]
    assert len(renames) == 1, lines
    at = renames[0]
    assert any(name in ("fsync", "fdatasync") and ".tmp>" in line and "-journal" not in line
               for name, line in calls[:at]), lines
    assert any(name == "fsync" and line.split("<", 1)[1].startswith(f"{target.parent}>")
               for name, line in calls[at + 1:]), lines


# ------------------------------------------------------------------------------------------- the sweeps


def test_a_fact_sheet_killed_at_every_write_is_the_old_pdf_or_the_new_one(built_db, tmp_path):
    folder = tmp_path / "sheets"
    folder.mkdir()
    target = folder / "factsheet-tur-en.pdf"
    old = b"%PDF-1.4\n% the fact sheet of last week\n%%EOF\n"

    def restore_old() -> None:
        target.write_bytes(old)

    def state_of(path: Path) -> str:
        data = path.read_bytes()
        if data == old:
            return "old"
        reader = PdfReader(str(path))
        assert data.rstrip().endswith(b"%%EOF") and len(reader.pages) >= 2
        assert "Türkiye" in reader.pages[0].extract_text() or "Turkey" in reader.pages[0].extract_text()
        return "new"

    def next_write() -> None:  # the next write to that folder: it first removes what killed writes left
        write_bytes(folder / "notes.txt", b"x")
        (folder / "notes.txt").unlink()

    seen = sweep("factsheet", built_db, target, restore_old, state_of, next_write)
    assert seen["old"] and seen["new"] and seen["left over"], seen

    # A full disk at the write of the PDF (the call fails with ENOSPC, as on a full disk): refused, old kept,
    # nothing left beside it even before the next write.
    calls = calls_of_the_save(folder.parent / "factsheet-calls.log")
    writes = [line for name, line in calls if name == "write"]
    into_pdf = [n for n, line in enumerate(writes, 1) if ".tmp>" in line]
    assert into_pdf, writes
    restore_old()
    code, out = save_under_strace("factsheet", built_db, target, f"write:error=ENOSPC:when={into_pdf[0]}")
    assert code == 2 and f"{target} could not be written: the disk is full." in out, out
    assert target.read_bytes() == old and sorted(folder.iterdir()) == [target]


def test_a_backup_killed_at_every_write_is_the_old_backup_or_the_new_one(db_copy, tmp_path):
    folder = paths.user_data_dir() / "backups"
    folder.mkdir(parents=True)
    target = folder / "atlas-backup.sqlite"
    db = open_database(db_copy)
    try:
        backup_database(db, tmp_path / "old.sqlite")  # the backup of last week
        with db.transaction() as conn:
            conn.execute("UPDATE agreements SET title_en = ? WHERE id = 1", (MARK,))
    finally:
        db.close()
    old = (tmp_path / "old.sqlite").read_bytes()

    def restore_old() -> None:
        target.write_bytes(old)

    def state_of(path: Path) -> str:
        if path.read_bytes() == old:
            return "old"
        check = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            assert check.execute("SELECT title_en FROM agreements WHERE id = 1").fetchone()[0] == MARK
        finally:
            check.close()
        return "new"

    def next_start() -> None:
        from desktop.app import remove_leftovers as at_start

        at_start()

    seen = sweep("backup", db_copy, target, restore_old, state_of, next_start)
    assert seen["old"] and seen["new"] and seen["left over"], seen


def test_a_fact_sheet_that_does_not_fit_on_the_disk_keeps_the_old_pdf(db_copy, tmp_path):
    """A file-size limit makes the PDF's write fail as a full disk does (EFBIG instead of ENOSPC): QPdfWriter
    ignored that and a truncated PDF replaced the old one, reported as written."""
    target = tmp_path / "out" / "tur.pdf"
    target.parent.mkdir()
    target.write_bytes(b"%PDF-1.4\n% the old sheet\n%%EOF\n")
    limited = textwrap.dedent(f"""
        import resource, runpy, signal, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))  # the sheet takes about 200 KB
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
        sys.argv = ["partnership-atlas", "factsheet", "--partner", "TUR", "--lang", "en", "-o", {str(target)!r},
                    "--db", {str(db_copy)!r}]
        runpy.run_module("desktop", run_name="__main__")
    """)
    result = subprocess.run([sys.executable, "-c", limited], cwd=ROOT, env=_child_env(), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr == (f"partnership-atlas: {target} could not be written: the file would be larger than this "
                             "disk or system allows. An existing file of that name was left unchanged.\n")
    assert target.read_bytes() == b"%PDF-1.4\n% the old sheet\n%%EOF\n"
    assert sorted(target.parent.iterdir()) == [target]


# The process that saves a picture of a view: the view is built first, then the file size is limited (a write
# past it fails as on a full disk, with EFBIG), then the picture is saved.
PICTURE_CHILD = textwrap.dedent("""
    import resource, signal, sys
    view_kind, fmt, db_path, target = sys.argv[1:5]
    from desktop.core.errors import AtlasError
    from desktop.data.database import open_database
    from desktop.data.repository import Repository
    from desktop.qt.factsheet.factsheet_cli import _application
    from desktop.qt.shell.selection import SelectionState
    app = _application()
    repo = Repository(open_database(db_path, readonly=True, check=False))
    selection = SelectionState()
    if view_kind == "map":
        from desktop.qt.map.map_view import CorridorMapView
        view = CorridorMapView(repo, selection)
    else:
        from desktop.qt.trade.trade_view import TradeView
        view = TradeView(repo, selection)
        selection.select_partner("AZE")
    view.resize(1100, 760)
    view.show()
    app.processEvents()
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))  # every picture of a view takes more
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing
    try:
        getattr(view, "export_" + fmt)(target)
    except AtlasError as exc:
        print("failed:", exc, flush=True)
        sys.exit(2)
    print("done", flush=True)
""")


@pytest.mark.parametrize("view_kind, fmt", [("map", "svg"), ("trade", "svg"), ("map", "png"), ("trade", "png")])
def test_a_picture_that_does_not_fit_on_the_disk_keeps_the_old_file(built_db, tmp_path, view_kind, fmt):
    """QSvgGenerator wrote straight to the temporary file and reported nothing when a write failed: a full disk
    replaced the old SVG with a truncated one, reported as saved."""
    target = tmp_path / "out" / f"{view_kind}.{fmt}"
    target.parent.mkdir()
    old = b"the picture of last week"
    target.write_bytes(old)
    result = subprocess.run([sys.executable, "-c", PICTURE_CHILD, view_kind, fmt, str(built_db), str(target)],
                            cwd=ROOT, env=_child_env(), capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == (f"failed: {target} could not be written: the file would be larger than this disk or "
                             "system allows. An existing file of that name was left unchanged.\n")
    assert target.read_bytes() == old
    assert sorted(target.parent.iterdir()) == [target]


# ------------------------------------------------------------------------------------------- a failing last step


def _database_with_a_wal(built_db: Path, target: Path) -> None:
    """``target`` and its ``-wal``, as a program that was killed leaves them: the last change (agreement 1's
    title set to MARK) is only in the -wal."""
    from desktop.data.database import connect

    source = target.with_name("source.sqlite")
    shutil.copyfile(built_db, source)
    conn = connect(source)  # the application's functions and pragmas (WAL), in autocommit mode
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE agreements SET title_en = ? WHERE id = 1", (MARK,))
        shutil.copyfile(source, target)  # copied while the connection is open: the -wal is not checkpointed
        shutil.copyfile(f"{source}-wal", f"{target}-wal")
    finally:
        conn.close()
    for path in (source, Path(f"{source}-wal"), Path(f"{source}-shm")):
        path.unlink(missing_ok=True)
    assert Path(f"{target}-wal").stat().st_size > 0


def _title_of_agreement_1(path: Path) -> str:
    from desktop.data.database import connect

    conn = connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return conn.execute("SELECT title_en FROM agreements WHERE id = 1").fetchone()[0]
    finally:
        conn.close()


def _failing(monkeypatch, call: str, fails) -> None:
    """``os.<call>`` raising EIO when ``fails(*args)`` says so, as a disk failing at that moment does."""
    real = getattr(os, call)

    def failing(*args, **kwargs):
        if fails(*args):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, call, failing)


@pytest.mark.parametrize("how", ["restore", "recover from the bundled data"])
def test_a_restore_whose_rename_fails_leaves_the_database_and_its_wal(built_db, tmp_path, monkeypatch, how):
    """The database was set aside (its -wal moved, its -shm and -journal deleted) before the restored copy was
    synced and renamed: when the rename failed, the database's last changes were no longer beside it."""
    from desktop.data.backup import BackupError, restore_file
    from desktop.data.recovery import BUNDLED, recover_from

    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "atlas.sqlite"
    _database_with_a_wal(built_db, target)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    backup = tmp_path / "backup.sqlite"
    shutil.copyfile(built_db, backup)

    def put_in_place() -> None:
        if how == "restore":
            restore_file(backup, target)
        else:
            recover_from(BUNDLED, target, built_db)

    with monkeypatch.context() as patch:
        _failing(patch, "replace", lambda src, dst, *_: Path(dst) == target and atomic.is_temporary(src))
        with pytest.raises(BackupError, match="Input/output error"):
            put_in_place()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before, "nothing moved, nothing left over"
    assert _title_of_agreement_1(target) == MARK, "the database opens with the change its -wal holds"

    _database_with_a_wal(built_db, target)  # (opening it checkpointed the -wal)
    put_in_place()  # the same without the failure: the restored copy in place, the old one kept with its -wal
    kept = [p for p in folder.iterdir() if p.name.startswith("atlas.replaced-") and p.suffix == ".sqlite"]
    assert len(kept) == 1 and Path(f"{kept[0]}-wal").exists()
    assert _title_of_agreement_1(kept[0]) == MARK
    assert _title_of_agreement_1(target) != MARK
    assert not Path(f"{target}-wal").exists() or Path(f"{target}-wal").stat().st_size == 0


def _fd_path(fd: int) -> str:
    return os.readlink(f"/proc/self/fd/{fd}")


@pytest.mark.parametrize("step", ["sync", "rename"])
def test_every_partners_fact_sheet_with_one_failing_step_leaves_all_old_pdfs(qapp, repo, tmp_path, monkeypatch,
                                                                              step):
    """Each sheet was synced and renamed as its block ended, the last first: when one failed, the sheets after
    it were new and the others old. Now all are synced before the first is renamed, and a failed rename puts
    back those renamed before it."""
    from desktop.qt.factsheet.factsheet import render_all, sheet_filename

    folder = tmp_path / "sheets"
    folder.mkdir()
    partners = [p.iso3 for p in repo.partners()]
    assert len(partners) >= 3
    old = {sheet_filename(iso3, "en"): f"%PDF-1.4\n% {iso3} of last week\n%%EOF\n".encode() for iso3 in partners}
    for name, data in old.items():
        (folder / name).write_bytes(data)
    first, second = folder / sheet_filename(partners[0], "en"), folder / sheet_filename(partners[1], "en")

    def render() -> list[Path]:
        return render_all(repo, "en", folder, False, as_of="2025-06-30", chart=False, map_inset=False)

    with monkeypatch.context() as patch:
        if step == "sync":  # the first sheet's temporary file cannot be synced
            _failing(patch, "fsync", lambda fd: os.path.basename(_fd_path(fd)).startswith(f".{first.name}.")
                     and atomic.is_temporary(_fd_path(fd)))
            failed = first
        else:  # the second sheet cannot be renamed into place
            _failing(patch, "replace", lambda src, dst, *_: Path(dst) == second and atomic.is_temporary(src))
            failed = second
        with pytest.raises(OSError) as raised:
            render()
    assert str(raised.value) == (f"{failed} could not be written: Input/output error. An existing file of that "
                                 "name was left unchanged.")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == old, "all the old sheets, nothing beside them"

    written = render()
    assert sorted(written) == sorted(folder / name for name in old)
    assert sorted(p.name for p in folder.iterdir()) == sorted(old)
    for path in written:
        data = path.read_bytes()
        assert data != old[path.name] and len(PdfReader(str(path)).pages) >= 1


# ------------------------------------------------------------------------------------------- leftovers


def _temporary(folder: Path, name: str, pid: int, host: str | None = None, tail: str = "") -> Path:
    path = folder / f".{name}.{host or atomic._host_tag()}-{pid}-0badc0de.tmp{tail}"
    path.write_bytes(b"half a file")
    return path


@pytest.fixture
def ended_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def running_pid():
    """Another process that runs until the test ends (it waits for its input to close)."""
    process = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    yield process.pid
    process.stdin.close()
    process.wait()


def test_only_the_leftovers_of_ended_writers_are_removed(tmp_path, ended_pid, running_pid):
    folder = tmp_path / "exports"
    folder.mkdir()
    dead = _temporary(folder, "agreements.csv", ended_pid)
    dead_journal = _temporary(folder, "atlas-backup.sqlite", ended_pid, tail="-journal")
    in_progress = _temporary(folder, "events.xlsx", running_pid)  # another window's export, still running
    mine = _temporary(folder, "map.png", os.getpid(), tail=".png")  # this process's own write in progress
    other_host = "ffff" if atomic._host_tag() != "ffff" else "fffe"
    elsewhere = _temporary(folder, "trade.csv", ended_pid, host=other_host)  # another computer's, recent
    forgotten = _temporary(folder, "old.json", running_pid, host=other_host)  # untouched for over an hour
    hour_ago = time.time() - STALE_AFTER - 60
    os.utime(forgotten, (hour_ago, hour_ago))
    users = [folder / ".notes.tmp", folder / "download.partial", folder / "agreements.csv"]
    for path in users:
        path.write_bytes(b"the user's own")
    os.utime(users[0], (hour_ago, hour_ago))

    removed = remove_leftovers(folder)

    assert sorted(removed) == sorted([dead, dead_journal, forgotten])
    assert sorted(folder.iterdir()) == sorted([in_progress, mine, elsewhere, *users])


def test_the_next_start_removes_what_killed_writes_left_in_the_user_folders(ended_pid, running_pid):
    from desktop.app import remove_leftovers as at_start

    data = paths.user_data_dir()
    backups = data / "backups"
    backups.mkdir(parents=True)
    (data / "atlas.sqlite").write_bytes(b"the user's database")
    left = [_temporary(data, "atlas.sqlite", ended_pid), _temporary(backups, "atlas-2025.sqlite", ended_pid),
            _temporary(backups, "atlas-2025.sqlite", ended_pid, tail="-journal")]
    assert all(path.exists() for path in left)
    # what earlier versions named theirs (no writer recorded): removed once an hour old
    earlier = [data / ".atlas.sqlite.0a1b2c3d.partial", backups / ".atlas-2024.sqlite.0a1b2c3d.partial-journal",
               data / "atlas.sqlite.partial"]
    hour_ago = time.time() - STALE_AFTER - 60
    for path in earlier:
        path.write_bytes(b"half a copy")
        os.utime(path, (hour_ago, hour_ago))
    recent_earlier = data / ".atlas.sqlite.4e5f6a7b.partial"
    recent_earlier.write_bytes(b"maybe an older version's copy in progress")
    in_progress = _temporary(backups, "atlas-2026.sqlite", running_pid)

    at_start()

    assert not any(path.exists() for path in left)
    assert sorted(data.iterdir()) == sorted([data / "atlas.sqlite", backups, recent_earlier])
    assert sorted(backups.iterdir()) == [in_progress]


def test_the_next_export_into_a_folder_removes_its_leftovers(repo, tmp_path, ended_pid):
    from desktop.export.writers import export_kind

    left = _temporary(tmp_path, "agreements.csv", ended_pid)
    export_kind(repo.db, "agreement", "csv", tmp_path / "agreements.csv")
    assert not left.exists() and (tmp_path / "agreements.csv").exists()


# ------------------------------------------------------------------------------------------- names over 255 bytes


def too_long(path: Path, done: str = "written") -> str:
    return (f"{path} could not be {done}: the name is too long (a file or folder name can have at most 255 bytes, "
            "about 120 Cyrillic or Kazakh letters). Choose a shorter name.")


@pytest.mark.parametrize("command", ["export", "export --db", "backup", "restore", "factsheet", "factsheet --all",
                                     "factsheet --combined", "search --db", "import --db"])
def test_an_over_long_name_gets_the_clear_message_in_every_command(qapp, db_copy, tmp_path, capsys, command):
    from desktop.__main__ import main

    db = str(db_copy)
    csv_file = tmp_path / "agreements.csv"
    assert main(["export", "agreement", "-o", str(csv_file), "--db", db]) == 0
    capsys.readouterr()
    before = db_copy.read_bytes()
    long = tmp_path / LONG
    argv, shown, done = {
        "export": (["export", "agreement", "-o", f"{long}.csv", "--db", db], f"{long}.csv", "written"),
        "export --db": (["export", "agreement", "-o", str(tmp_path / "x.csv"), "--db", f"{long}.sqlite"],
                        f"{long}.sqlite", "read"),
        "backup": (["backup", f"{long}.sqlite", "--db", db], f"{long}.sqlite", "written"),
        "restore": (["restore", f"{long}.sqlite", "--db", db], f"{long}.sqlite", "read"),
        "factsheet": (["factsheet", "--partner", "TUR", "-o", f"{long}.pdf", "--db", db], f"{long}.pdf", "written"),
        "factsheet --all": (["factsheet", "--all", "-o", str(long), "--db", db], str(long), "written"),
        "factsheet --combined": (["factsheet", "--all", "--combined", "-o", f"{long}.pdf", "--db", db], f"{long}.pdf",
                                 "written"),
        "search --db": (["search", "gas", "--db", f"{long}.sqlite"], f"{long}.sqlite", "read"),
        "import --db": (["import", "agreement", str(csv_file), "--db", f"{long}.sqlite"], f"{long}.sqlite", "read"),
    }[command]
    assert main(argv) == 2
    out, err = capsys.readouterr()
    assert out == "" and err == f"partnership-atlas: {too_long(Path(shown), done)}\n"
    assert db_copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(db_copy.name)) == ["agreements.csv"]


def test_an_over_long_name_in_the_save_dialogs_gets_the_same_message(qtbot, repo, translator, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.app import build_window
    from desktop.qt.factsheet.factsheet_dialog import FactSheetDialog
    from desktop.qt.shell.files import save_dialog, save_png
    from desktop.qt.transfer.transfer import ExportDialog

    window = build_window(repo, translator=translator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.agreements.is_settled, timeout=10_000)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    sheet, export = FactSheetDialog(window), ExportDialog(window)
    qtbot.addWidget(sheet)
    qtbot.addWidget(export)
    saves = [(".pdf", sheet.save_pdf_dialog), (f".{export.options()['fmt']}", export.export_dialog),
             (".png", lambda: save_dialog(window, "Save the map", "x.png", "PNG images (*.png)", "png",
                                          lambda path: save_png(path, QImage(4, 4, QImage.Format.Format_RGB32),
                                                                "the image could not be written"),
                                          "The map could not be saved to {path}: {error}"))]
    targets = []
    for suffix, save in saves:
        target = tmp_path / f"{LONG}{suffix}"
        targets.append(target)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, target=target: (str(target), ""))
        save()
    assert shown == [too_long(target) for target in targets]
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("atlas-copy")) == []
    window.search.shutdown()


def test_a_name_that_fits_is_written_though_its_temporary_name_would_not(qapp, repo, tmp_path):
    """A temporary file's name is the target's with more after it: it is shortened to fit in 255 bytes."""
    from desktop.export.factsheet import build_factsheet
    from desktop.export.writers import export_kind
    from desktop.qt.factsheet.factsheet import render_factsheet

    names = ["я" * 123 + ".csv", "я" * 121 + ".sqlite", "я" * 123 + ".pdf"]  # 250 bytes each
    folder = tmp_path / "out"
    folder.mkdir()
    export_kind(repo.db, "agreement", "csv", folder / names[0])
    backup_database(repo.db, folder / names[1])
    render_factsheet(build_factsheet(repo, "AZE", "en", "2025-06-30"), folder / names[2], map_inset=False)
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert len(PdfReader(str(folder / names[2])).pages) >= 1
