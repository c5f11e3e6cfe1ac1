"""Writing a file whole or not at all, and the one message for a file that could not be written or read.

Every file the application writes (exports, backups, restored and copied databases, fact sheets, pictures)
goes through :func:`replacing`: the content is written to a temporary file beside the target, flushed to the
disk, renamed over the target in one step, and the rename is flushed too (the folder is synced). A failure, a
cancel, a full disk or a killed process leaves the old file or the new one, never a part of one. Files that
belong together go through :func:`replacing_together`: all are written and synced before the first is renamed.
A file that is replaced but must be kept (a database) is set aside by an :class:`Aside` just before the rename.
One rule for permissions, whatever the writer (our own, SQLite, openpyxl, Qt): a new file gets what a plain
``open()`` gives, 0666 less the umask (the temporary file is made so, :func:`_start`); a replaced file keeps
its own, as ``open()`` keeps them.

The temporary file is named ``.<name>.<host>-<pid>-<token>.tmp`` (a writer that needs the extension last gets
it after ``.tmp``): ``<name>`` is the target's name, shortened when the whole, with SQLite's ``-journal`` after
it, would not fit in 255 bytes; ``<host>`` is four hex digits of this computer's name; ``<pid>`` the writing
process. A process killed midway leaves its temporary file behind (with SQLite's ``-journal`` beside a database
copy). :func:`remove_leftovers` removes those whose writer is gone; :func:`replacing` runs it on the target's
folder before every write, and the application on the user data folder at start. A temporary file whose writer
still runs (another window's export in progress) is never touched: only a file whose process has ended on this
computer, or that nobody has written to for :data:`STALE_AFTER` (a writer on another computer sharing the
folder, or a process number reused since), is removed.
"""
from __future__ import annotations

import datetime as _dt
import errno
import functools
import os
import re
import stat
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO, TypeGuard

from desktop.core.errors import AtlasError

NAME_MAX = 255  # bytes in one file or folder name (ext4, APFS, NTFS in UTF-16 units: UTF-8 bytes are never fewer)
STALE_AFTER = 3600.0  # seconds without a write after which a temporary file of an unknown writer is removed
COMPANIONS = ("-journal", "-wal", "-shm")  # what SQLite keeps beside a database file while writing it

_TEMPORARY = re.compile(r"^\.(?P<name>.*)\.(?P<host>[0-9a-f]{4})-(?P<pid>[0-9]+)-[0-9a-f]{8}\.tmp"
                        r"(?:\.[A-Za-z0-9]{1,10})?(?:-journal|-wal|-shm)?$", re.DOTALL)
# What earlier versions named their temporary files (no writer recorded: removed by age, and only in the
# application's own folders): ".NAME.TOKEN.tmp", ".NAME.TOKEN.partial", ".NAME.tmp[.png|.svg]", "atlas.sqlite.partial".
_EARLIER = re.compile(r"^(?:\..+\.(?:[a-z0-9_]{8}\.(?:tmp|partial)|tmp(?:\.png|\.svg)?)|atlas\.sqlite\.partial)"
                      r"(?:-journal|-wal|-shm)?$", re.DOTALL)


class FileError(AtlasError, OSError):
    """A file that could not be written or read; the message says why in a sentence for the user. It is an
    OSError too (``errno`` is the original one), so callers that handle file errors keep handling it."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        if code is not None:
            self.errno = code


def file_error_message(exc: OSError, path: str | os.PathLike[str] | None = None, *, reading: bool = False) -> str:
    """The sentence shown for a file error, the same in every command and window: what could not be done to
    which file, and why in plain words (a full disk, a name too long, no permission, a missing folder)."""
    if isinstance(exc, FileError):
        return str(exc)
    shown = Path(path) if path is not None else Path(exc.filename or "The file")
    done = "read" if reading else "written"
    kept = "" if reading else " An existing file of that name was left unchanged."
    code = exc.errno
    if code == errno.ENAMETOOLONG:
        return (f"{shown} could not be {done}: the name is too long (a file or folder name can have at most "
                f"{NAME_MAX} bytes, about 120 Cyrillic or Kazakh letters). Choose a shorter name.")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return f"{shown} could not be {done}: the disk is full.{kept}"
    if code == errno.EFBIG:
        return f"{shown} could not be {done}: the file would be larger than this disk or system allows.{kept}"
    if code == errno.EROFS:
        return f"{shown} could not be {done}: the disk is read-only.{kept}"
    if isinstance(exc, IsADirectoryError):
        return f"{shown} is a folder; choose a file name."
    if isinstance(exc, PermissionError):
        return (f"{shown} could not be {done}: permission denied (the folder may be read-only, or the file open "
                f"in another program).{kept}")
    if isinstance(exc, FileNotFoundError):
        if reading:
            return f"{shown} does not exist."
        return f"{shown} could not be written: the folder {shown.parent} does not exist."
    return f"{shown} could not be {done}: {exc.strerror or exc}.{kept}"


def file_error(exc: OSError, path: str | os.PathLike[str], *, reading: bool = False) -> FileError:
    """``exc`` as a :class:`FileError` with :func:`file_error_message`, keeping its errno."""
    if isinstance(exc, FileError):
        return exc
    return FileError(file_error_message(exc, path, reading=reading), exc.errno)


# --------------------------------------------------------------------------------------------- names


@functools.cache
def _host_tag() -> str:
    """Four hex digits of this computer's name: a temporary file from another computer sharing the folder is
    not judged by the process numbers of this one."""
    import platform

    return f"{zlib.crc32(platform.node().encode('utf-8', 'replace')) & 0xFFFF:04x}"


def temporary_name(target: str | os.PathLike[str], suffix: str = "") -> Path:
    """A new temporary file name beside ``target`` (see the module docstring) that fits in 255 bytes with
    SQLite's ``-journal`` after it."""
    target = Path(target)
    tail = f".{_host_tag()}-{os.getpid()}-{os.urandom(4).hex()}.tmp{suffix}"
    room = NAME_MAX - len(f".{tail}".encode()) - max(len(companion) for companion in COMPANIONS)
    name = target.name.encode()[:max(room, 0)].decode("utf-8", "ignore")
    return target.with_name(f".{name}{tail}")


def is_temporary(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is named as :func:`temporary_name` names temporary files (or their SQLite companions)."""
    return _TEMPORARY.match(Path(path).name) is not None


# --------------------------------------------------------------------------------------------- writing


def _fsync(path: Path) -> None:
    fd = os.open(path, (os.O_RDWR | getattr(os, "O_BINARY", 0)) if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; where a folder cannot be opened this is a no-op)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def discard(tmp: Path) -> None:
    """Remove a temporary file and what SQLite may have left beside it; what cannot be removed is left to
    :func:`remove_leftovers`."""
    for p in (tmp, *(Path(f"{tmp}{companion}") for companion in COMPANIONS)):
        with suppress(OSError):
            p.unlink(missing_ok=True)


def _existing_mode(target: Path) -> int | None:
    """The permissions of the file the write replaces (kept by the new one), or None when there is none.
    Raises OSError before anything is written when the name cannot be a file (a folder, a name too long)."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    return stat.S_IMODE(st.st_mode)


def _start(target: Path, suffix: str) -> tuple[Path, int | None]:
    """A new, empty temporary file beside ``target``, and the permissions of the file it will replace (None:
    there is none). A name that cannot be a file, or a folder that cannot be written, raises a
    :class:`FileError` before anything is written."""
    try:
        mode = _existing_mode(target)
        remove_leftovers(target.parent)
        tmp = temporary_name(target, suffix)
        os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666))
    except OSError as exc:
        raise file_error(exc, target) from exc
    return tmp, mode


def _ready(tmp: Path, mode: int | None) -> None:
    """The written temporary file synced to the disk, with the permissions of the file it replaces."""
    _fsync(tmp)
    if mode is not None:
        with suppress(OSError):
            os.chmod(tmp, mode)


def _of_the_system(exc: BaseException) -> TypeGuard[OSError]:
    """Whether ``exc`` is an error of the system (an errno) not yet put in the user's words."""
    return isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, FileError)


@contextmanager
def replacing(target: str | os.PathLike[str], *, suffix: str = "", aside: Aside | None = None) -> Iterator[Path]:
    """The one way files are written: yields a new, empty temporary file beside ``target`` for the block to
    write (by its path: SQLite, Qt and openpyxl open it themselves; ``suffix`` puts the extension last for
    writers that choose the format by it). When the block ends normally the file is synced to the disk and
    renamed over ``target`` (keeping an existing target's permissions); when it raises, the temporary file is
    removed and ``target`` is left as it was. An error of the system (an OSError with an errno, from the block
    too) becomes a :class:`FileError` with :func:`file_error_message`; other exceptions, and an OSError a
    writer raised with a message of its own, pass through unchanged.

    ``aside`` (an :class:`Aside` of ``target``) keeps the file being replaced under another name: it is set
    aside once the new file is written, checked and synced, immediately before the rename, and put back when
    the rename fails. A check of the written file belongs at the end of the block: it runs before both.
    """
    target = Path(target)
    tmp, mode = _start(target, suffix)
    try:
        yield tmp
        _ready(tmp, mode)
        if aside is not None:
            aside()
        os.replace(tmp, target)
    except BaseException as exc:
        if aside is not None:
            aside.undo()
        discard(tmp)
        if _of_the_system(exc):
            raise file_error(exc, target) from exc
        raise
    _fsync_folder(target.parent)


class _Together:
    """The files of one :func:`replacing_together`: their temporary files, synced all, then renamed all."""

    def __init__(self) -> None:
        self.pending: list[tuple[Path, Path, int | None]] = []  # (target, temporary file, permissions to keep)
        self.current: Path | None = None  # the target being written, synced or renamed: what an error is about

    def add(self, target: str | os.PathLike[str]) -> Path:
        target = Path(target)
        tmp, mode = _start(target, "")
        self.pending.append((target, tmp, mode))
        self.current = target
        return tmp

    def commit(self) -> None:
        """Sync every temporary file, then rename each over its target; a failed rename puts back the files
        already renamed (each old file has a second name until the last rename is done)."""
        for target, tmp, mode in self.pending:
            self.current = target
            _ready(tmp, mode)
        old = [_second_name(target) for target, _tmp, _mode in self.pending]
        renamed = 0
        try:
            for target, tmp, _mode in self.pending:
                self.current = target
                os.replace(tmp, target)
                renamed += 1
        except BaseException:
            for (target, _tmp, _mode), (existed, link) in zip(self.pending[:renamed], old[:renamed], strict=True):
                with suppress(OSError):
                    if link is not None:
                        os.replace(link, target)
                    elif not existed:
                        target.unlink()
            raise
        finally:
            for _existed, link in old:
                if link is not None:
                    with suppress(OSError):
                        link.unlink(missing_ok=True)

    def discard(self) -> None:
        for _target, tmp, _mode in self.pending:
            discard(tmp)


def _second_name(target: Path) -> tuple[bool, Path | None]:
    """Whether a file is at ``target``, and a second link to it under a temporary name (None: there is no
    file, or the disk has no hard links). A crash leaves the file under both names; the temporary one is a
    leftover that :func:`remove_leftovers` removes."""
    link = temporary_name(target)
    try:
        os.link(target, link)
    except FileNotFoundError:
        return False, None
    except OSError:
        return True, None
    return True, link


@contextmanager
def replacing_together() -> Iterator[Callable[[str | os.PathLike[str]], Path]]:
    """:func:`replacing` for files that belong together (every partner's fact sheet): yields ``add``, and
    ``add(target)`` returns a new, empty temporary file beside ``target`` for the block to write.

    When the block ends normally every temporary file is synced first, and only then are they renamed into
    place, one after another; when the block raises (an error, a cancel) or a sync fails, every temporary
    file is removed and no target is touched. Until the last rename is done, each file being replaced keeps a
    second name (where the disk has hard links): a rename that fails puts back the files already renamed, so
    the targets are the old files or the new ones, all of them. Errors are reported as :func:`replacing`
    reports them, for the file being written, synced or renamed.
    """
    together = _Together()
    try:
        yield together.add
        together.commit()
    except BaseException as exc:
        together.discard()
        if _of_the_system(exc) and together.current is not None:
            raise file_error(exc, together.current) from exc
        raise
    for folder in {target.parent for target, _tmp, _mode in together.pending}:
        _fsync_folder(folder)


@contextmanager
def replacing_file(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """:func:`replacing` for a writer that streams: yields the temporary file open for writing in binary."""
    with replacing(target) as tmp:
        fh = os.fdopen(os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0)), "wb")
        with fh:
            yield fh
            fh.flush()


def fill(tmp: Path, data: bytes) -> None:
    """``data`` as the whole content of the temporary file ``tmp`` (yielded by :func:`replacing`); the size on
    the disk is checked (a short write raises an OSError, and the target is kept)."""
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_TRUNC | getattr(os, "O_BINARY", 0)), "wb") as fh:
        fh.write(data)
        fh.flush()
        if os.fstat(fh.fileno()).st_size != len(data):
            raise OSError(errno.EIO, "the file on the disk came out shorter than what was written")


def write_bytes(target: str | os.PathLike[str], data: bytes) -> None:
    """``data`` as the whole content of ``target``, through :func:`replacing` and :func:`fill`."""
    with replacing(target) as tmp:
        fill(tmp, data)


# --------------------------------------------------------------------------------------------- setting aside


class Aside:
    """A file set aside under a new name in its folder, with the ``-wal``, ``-shm`` and ``-journal`` SQLite keeps
    beside a database (they belong to it: none is left to be replayed into a file that takes its name), and put
    back on request. Nothing is deleted.

    The new name is ``NAME.LABEL-YYYYmmdd-HHMMSS`` (``extension_last``: ``STEM.LABEL-YYYYmmdd-HHMMSS.EXT``, so
    that a kept database still opens as one), with ``-2``, ``-3``... after the time when that is taken. With
    ``link`` the new name is a second link to the file where the disk has hard links, so that the file keeps
    its own name too until another takes it (a crash in between leaves it there). Calling the object sets the
    file aside and returns the new name, also kept in ``path`` (None when there was no file); :meth:`undo`
    puts back what was moved. :func:`replacing` does both at the right moments when given one.
    """

    def __init__(self, original: str | os.PathLike[str], label: str = "damaged", *, link: bool = False,
                 extension_last: bool = False):
        self.original = Path(original)
        self.label = label
        self.link = link
        self.extension_last = extension_last
        self.path: Path | None = None
        self._moved: list[tuple[Path, Path]] = []  # (old name, new name) of each rename made, in order
        self._linked = False

    def _name(self, n: int, stamp: str) -> Path:
        tag = f"{self.label}-{stamp}" + (f"-{n}" if n > 1 else "")
        original = self.original
        if self.extension_last:
            return original.with_name(f"{original.stem}.{tag}{original.suffix}")
        return original.with_name(f"{original.name}.{tag}")

    def _free_name(self) -> Path:
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        n = 1
        while any(os.path.lexists(f"{self._name(n, stamp)}{companion}") for companion in ("", *COMPANIONS)):
            n += 1
        return self._name(n, stamp)

    def __call__(self) -> Path | None:
        if not os.path.lexists(self.original):
            return None
        kept = self._free_name()
        if self.link:
            try:
                os.link(self.original, kept)
                self._linked = True
            except OSError:  # a disk without hard links: the file is renamed
                pass
        if not self._linked:
            self._rename(self.original, kept)
        self.path = kept
        for companion in COMPANIONS:
            if os.path.lexists(f"{self.original}{companion}"):
                self._rename(Path(f"{self.original}{companion}"), Path(f"{kept}{companion}"))
        return kept

    def _rename(self, old: Path, new: Path) -> None:
        os.replace(old, new)
        self._moved.append((old, new))

    def undo(self) -> None:
        """Put back what was moved, the last first; what cannot be put back stays under its new name (never
        lost). The second link is removed only when everything is back."""
        back = True
        for old, new in reversed(self._moved):
            try:
                os.replace(new, old)
            except OSError:
                back = False
        if self._linked and self.path is not None and back:
            with suppress(OSError):
                self.path.unlink()
        self._moved.clear()
        self._linked = False
        self.path = None


def move_aside(path: str | os.PathLike[str], label: str = "damaged", *, link: bool = False,
               extension_last: bool = False) -> Path:
    """Set a file (and its SQLite companions) aside now, as :class:`Aside` describes; returns the new name.
    Raises OSError (FileNotFoundError when there is no file) with everything put back."""
    aside = Aside(path, label, link=link, extension_last=extension_last)
    try:
        kept = aside()
    except OSError:
        aside.undo()
        raise
    if kept is None:
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
    return kept


# --------------------------------------------------------------------------------------------- leftovers


def _running(pid: int) -> bool:
    """Whether the process ``pid`` still runs on this computer (True when that cannot be told)."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)  # signal 0: nothing is sent, only whether the process exists is checked
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _running_on_windows(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        # ERROR_ACCESS_DENIED (5): the process exists but is another user's; any other error: there is none
        error: int = ctypes.get_last_error()  # type: ignore[attr-defined]  # (typeshed: Windows only)
        return error == 5
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _left_over(name: str, modified: float, now: float, earlier: bool) -> bool:
    if (m := _TEMPORARY.match(name)) is not None:
        if now - modified > STALE_AFTER:
            return True
        return m["host"] == _host_tag() and not _running(int(m["pid"]))
    return earlier and _EARLIER.match(name) is not None and now - modified > STALE_AFTER


def remove_leftovers(folder: str | os.PathLike[str], *, earlier_versions: bool = False) -> list[Path]:
    """Remove the temporary files of writes that will never finish from ``folder``; returns those removed.

    A file named by :func:`temporary_name` is removed when its process has ended on this computer, or when it
    has not been written to for :data:`STALE_AFTER`; one of a process that still runs is kept (another
    window's write in progress). ``earlier_versions`` also removes, after :data:`STALE_AFTER`, what earlier
    versions of the application named their temporary files; only for the application's own folders, where no
    other program writes such names. Files that cannot be listed or removed are left as they are.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not entry.name.startswith(".") and not earlier_versions:
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            if not _left_over(entry.name, entry.stat(follow_symlinks=False).st_mtime, now, earlier_versions):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


__all__ = ["FileError", "file_error_message", "file_error", "replacing", "replacing_together", "replacing_file", "fill",
           "write_bytes", "Aside", "move_aside", "remove_leftovers", "temporary_name", "is_temporary", "discard",
           "STALE_AFTER"]
