"""A real PostgreSQL server for the team-sync tests, started by the tests themselves.

Debian's `postgresql` package provides initdb and pg_ctl (/usr/lib/postgresql/<version>/bin); `.ci/run` installs it.
The cluster lives in a temporary folder owned by the user that runs it (as root: the `postgres` account, through
`runuser -u postgres`, since PostgreSQL refuses to run as root), listens on a Unix socket in that folder only (no
TCP port), trusts local connections for the test roles (a password test sets up its own), and is stopped and
removed at the end. Each test gets a database of its own (:meth:`Cluster.new_database`).

Used as a pytest plugin (tests/conftest.py lists it): fixtures ``pg_cluster`` (session), ``team_db`` (a fresh,
empty database's connection string, superuser) and ``team`` (a team server set up from the built reference data,
with the test login roles granted); and the team-sync tests' shared helpers: :func:`laptop` (a laptop's copy of the
built data), :func:`server_row` and :func:`same_as_server`.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from desktop.data.database import Database

LOGIN_ROLES = {"reader1": "atlas_reader", "editor1": "atlas_editor", "editor2": "atlas_editor",
               "editor3": "atlas_editor", "curator1": "atlas_curator"}


def pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


class Cluster:
    def __init__(self, root: Path, bin_dir: Path, owner: str | None):
        self.root, self.bin, self.owner = root, bin_dir, owner
        self.data = root / "data"
        self.socket = root / "socket"
        self.superuser = owner or pwd.getpwuid(os.getuid()).pw_name
        self._n = 0
        # a Unix socket in the cluster's folder only (no TCP port); fsync off: a test cluster, thrown away after
        self.options = (f"-c listen_addresses='' -c unix_socket_directories='{self.socket}' -c fsync=off "
                        "-c max_connections=60 -c shared_buffers=64MB")

    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = list(args)
        if self.owner:
            cmd = ["runuser", "-u", self.owner, "--", *cmd]
        return subprocess.run(cmd, check=check, capture_output=True, text=True, timeout=120)

    def start(self) -> None:
        self.socket.mkdir()
        if self.owner:
            shutil.chown(self.root, self.owner)
            shutil.chown(self.socket, self.owner)
        self._run(str(self.bin / "initdb"), "-D", str(self.data), "-A", "trust", "-U", self.superuser,
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", self.options, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")
        self.sql("postgres", *(f"CREATE ROLE {name} LOGIN" for name in LOGIN_ROLES))

    def restart(self) -> None:
        """Stop the server at once (every connection cut, as a crash or a restart would) and start it again."""
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-o", self.options, "-l", str(self.root / "log"),
                  "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)

    def conninfo(self, dbname: str, user: str | None = None) -> str:
        return f"host={self.socket} dbname={dbname} user={user or self.superuser}"

    def sql(self, dbname: str, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.conninfo(dbname), autocommit=True) as conn:
            for statement in statements:
                conn.execute(statement)

    def new_database(self) -> str:
        self._n += 1
        name = f"team_{self._n}_{int(time.time() * 1000) % 100000}"
        self.sql("postgres", f"CREATE DATABASE {name}")
        return name

    def grant_roles(self) -> None:
        """Give the test login roles their group roles (after `server init` made the groups)."""
        self.sql("postgres", *(f"GRANT {group} TO {name}" for name, group in LOGIN_ROLES.items()))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bin_dir = pg_bin()
    if bin_dir is None:
        pytest.fail("PostgreSQL's initdb is missing: install Debian's `postgresql` package (.ci/run does).")
    owner = "postgres" if os.geteuid() == 0 else None
    root = Path(tempfile.mkdtemp(prefix="atlas-pg-"))
    cluster = Cluster(root, bin_dir, owner)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def team_db(pg_cluster: Cluster) -> str:
    """A fresh, empty database on the test cluster: its connection string (the superuser's)."""
    return pg_cluster.conninfo(pg_cluster.new_database())


@pytest.fixture
def team(pg_cluster: Cluster, built_db: Path) -> tuple[Cluster, str]:
    """A team server set up (`server init`) from the built reference data, the test login roles granted:
    (cluster, database name)."""
    from desktop.sync.server import init_server

    name = pg_cluster.new_database()
    init_server(pg_cluster.conninfo(name), built_db)
    pg_cluster.grant_roles()
    return pg_cluster, name


def laptop(built_db: Path, tmp_path: Path, name: str) -> Database:
    """A laptop: its own copy of the built reference data, opened for work."""
    from desktop.data.database import open_database

    path = tmp_path / f"{name}.sqlite"
    shutil.copyfile(built_db, path)
    return open_database(path)


def as_user(team: tuple[Cluster, str], user: str) -> str:
    """The connection string of the team server for one of the test login roles (editor1, reader1 …)."""
    cluster, name = team
    return cluster.conninfo(name, user)


def server_row(team: tuple[Cluster, str], kind: str, uid: str) -> tuple[int, dict | None] | None:
    """(version, document) of a record on the team server; None when the server never had it."""
    import psycopg

    cluster, name = team
    with psycopg.connect(cluster.conninfo(name)) as conn:
        row = conn.execute("SELECT version, doc FROM atlas.records WHERE kind = %s AND uid = %s",
                           (kind, uid)).fetchone()
    return None if row is None else (int(row[0]), row[1])


def same_as_server(team: tuple[Cluster, str], *dbs: Database) -> None:
    """Every laptop holds exactly the server's records (documents compared by fingerprint)."""
    from desktop.data.documents import doc_sha
    from desktop.data.syncstate import all_documents
    from desktop.sync.server import TeamServer

    cluster, name = team
    with TeamServer(cluster.conninfo(name)) as server:
        held = {key: doc_sha(doc) for key, (_, doc) in server.records().items() if doc is not None}
    for db in dbs:
        here = {(k, u): doc_sha(d) for k, u, d in all_documents(db.conn)}
        assert {k for k in here if here[k] != held.get(k)} == set(), "records that differ from the server's"
        assert set(held) - set(here) == set(), "records the server has and the laptop lacks"
