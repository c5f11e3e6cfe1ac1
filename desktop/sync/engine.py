"""One sync of a laptop with the team server: pull, push, pull.

1. **Pull**: every record changed on the server since the last position the laptop applied is written here in one
   SQLite transaction (desktop.data.syncstate.LocalReplica.apply_pulled); a record changed here too is a conflict,
   kept for the user, never overwritten.
2. **Push**: the laptop's change sets since its last sync, oldest first, each in one server transaction, each record
   checked against the server version the laptop last saw. A change set touching a record in conflict waits (and
   so do the ones after it: they may build on it) until the user has chosen. A reader's account pushes nothing.
3. **Pull** again: what the push changed on the server beyond the records sent (a deletion's cascade), and what
   others pushed meanwhile.

A change set's id on the server is derived from the laptop's id and its change-log batch, so a push repeated after
a lost answer (the connection dropped, the laptop killed) is recognised and not written twice; a pull is one local
transaction, so a pull cut off leaves the laptop as it was. Either way the next sync resumes.
"""
from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.records import RowValues
from desktop.data.database import Database
from desktop.data.documents import TABLE_OF, RecordDocuments, delete_actions, doc_refs, doc_sha
from desktop.data.syncstate import META_SERVER, LocalReplica, PendingSet, PullResult, SyncStateError, set_meta
from desktop.sync.server import PushItem, Rights, ServerError, TeamServer, without_password

_NAMESPACE = uuid.UUID("5d1c3a3e-7d0b-4f51-9a55-6174c6173796")

# progress(stage, done, total): stage "pull" or "push"; total 0 when unknown. False cancels.
Progress = Callable[[str, int, int], bool]


class SyncCancelled(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.report: SyncReport | None = None  # what the sync had done before it was cancelled


@dataclass
class SyncReport:
    user: str = ""
    read_only: bool = False
    pulled: list[tuple[str, str]] = field(default_factory=list)  # (kind, uid) written here from the server
    deleted: list[tuple[str, str]] = field(default_factory=list)  # deleted here because deleted on the server
    sent_sets: int = 0  # change sets written on the server
    sent_records: int = 0
    conflicts: list[tuple[str, str]] = field(default_factory=list)  # found in this sync
    open_conflicts: int = 0  # waiting for the user after this sync
    held_back: int = 0  # change sets not sent: they wait for a conflict to be settled, or for rights
    vocabulary_refused: int = 0  # vocabulary changes that need a curator
    skipped: list[tuple[str, str, str]] = field(default_factory=list)  # could not be written here: (kind, uid, why)
    # sent, and written by the server without their references to records a teammate deleted meanwhile (kind, uid)
    adjusted: list[tuple[str, str]] = field(default_factory=list)
    # deleted here, and back as the server holds them: a teammate's records on the server need them (kind, uid)
    restored: list[tuple[str, str]] = field(default_factory=list)
    cancelled: bool = False

    @property
    def changed_here(self) -> bool:
        """Whether the pull wrote anything into this copy (the views refresh; undo cannot reach past it)."""
        return bool(self.pulled or self.deleted or self.restored)

    def summary(self) -> str:
        """What the sync did, in English (the window words it in the interface language)."""
        parts = [f"{len(self.pulled) + len(self.deleted)} change(s) received",
                 f"{self.sent_records} record(s) sent in {self.sent_sets} change set(s)"]
        if self.conflicts:
            parts.append(f"{len(self.conflicts)} new conflict(s)")
        if self.open_conflicts:
            parts.append(f"{self.open_conflicts} conflict(s) waiting for your choice")
        if self.held_back:
            parts.append(f"{self.held_back} change set(s) held back")
        if self.vocabulary_refused:
            parts.append(f"{self.vocabulary_refused} vocabulary change(s) kept here: only curators may send them")
        if self.skipped:
            parts.append(f"{len(self.skipped)} record(s) could not be written here")
        if self.restored:
            parts.append(f"{len(self.restored)} record(s) you deleted came back: records on the server still need them")
        if self.adjusted:
            parts.append(f"{len(self.adjusted)} record(s) sent lost a link to a record deleted on the server meanwhile")
        text = "Sync: " + ", ".join(parts) + "."
        if self.read_only:
            text += " This account may only read: nothing was sent."
        return text

    def done_before(self) -> str:
        """What a sync that stopped had done before it stopped, in English (that much stays done)."""
        return (f"Before it stopped, the sync had received {len(self.pulled) + len(self.deleted)} change(s) and sent "
                f"{self.sent_records} record(s) in {self.sent_sets} change set(s); those stay done.")


def change_set_id(replica: str, pending: PendingSet) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{replica}/{pending.batch_id}/{pending.last_log_id}"))


def _merge_pull(report: SyncReport, result: PullResult) -> None:
    written = {*result.applied, *result.deleted, *result.restored}
    report.skipped = [s for s in report.skipped if s[:2] not in written]  # (written by this later pull after all)
    report.pulled += result.applied
    report.deleted += result.deleted
    report.conflicts += result.conflicts
    report.skipped += result.skipped
    report.restored += result.restored


def sync(db: Database, conninfo: str, *, progress: Progress | None = None, password: str | None = None,
         server: TeamServer | None = None) -> SyncReport:
    """Sync ``db`` with the team server ``conninfo`` names (see the module notes); returns what was done.
    Raises :class:`ServerError` when the server cannot be reached or refuses outright, :class:`SyncCancelled` when
    ``progress`` returned False; what was done before stays done, and the exception's ``report`` says what it was."""
    own_server = server is None
    if server is None:
        server = TeamServer(conninfo, password=password)
    report = SyncReport()
    try:
        return _sync(db, server, progress, report)
    except (ServerError, SyncCancelled) as exc:
        exc.report = report  # what was done before stays done: the caller tells the user and refreshes the views
        raise
    finally:
        if own_server:
            server.close()


def _sync(db: Database, server: TeamServer, progress: Progress | None, report: SyncReport) -> SyncReport:
    replica = LocalReplica(db)
    server.check_schema()
    rights = server.rights()
    report.user, report.read_only = rights.user, not rights.can_push
    _pull(replica, server, rights, report, progress)
    if rights.can_push:
        _push(replica, server, rights, report, progress)
        _pull(replica, server, rights, report, progress)
        if report.restored and report.held_back:  # the deletion that held them back is undone: they can go now
            report.held_back = report.vocabulary_refused = 0
            _push(replica, server, rights, report, progress)
    else:  # (a change set with nothing left to send, such as a deletion undone by a pull, does not wait)
        docs = replica.documents()
        report.held_back = sum(1 for p in replica.pending_sets()
                               if not p.vocabulary and _items(p, replica.states(p.records, docs)))
    report.open_conflicts = len(replica.open_conflicts())
    return report


def _pull(replica: LocalReplica, server: TeamServer, rights: Rights, report: SyncReport,
          progress: Progress | None) -> None:
    own = frozenset(change_set_id(replica.replica_id, p) for p in replica.pending_sets())

    def step(done: int) -> bool:
        return progress is None or progress("pull", done, 0) is not False

    try:
        result = replica.apply_pulled(server.pull(replica.last_seq), own=own, progress=step)
    except SyncStateError as exc:
        if progress is not None and "cancelled" in str(exc):
            raise SyncCancelled(str(exc)) from exc
        raise
    _merge_pull(report, result)
    if result.conflicts and rights.can_push:
        found = {(c.kind, c.uid): c for c in replica.open_conflicts()}
        server.report_conflicts(replica.replica_id, [(k, u, found[(k, u)].server_version, found[(k, u)].local_doc)
                                                     for k, u in result.conflicts if (k, u) in found])


def _push(replica: LocalReplica, server: TeamServer, rights: Rights, report: SyncReport,
          progress: Progress | None) -> None:
    actions = delete_actions(replica.conn)
    conflicted = replica.conflicted()
    needed = {f"{TABLE_OF[kind]}:{uid}" for kind, uid in conflicted if kind in TABLE_OF}
    pending_sets = replica.pending_sets()
    docs = replica.documents()
    for n, pending in enumerate(pending_sets):
        if progress is not None and progress("push", n, len(pending_sets)) is False:
            raise SyncCancelled("The sync was cancelled; what was sent before stays sent.")
        if pending.vocabulary and not rights.is_curator:
            report.vocabulary_refused += len(pending.records)
            continue
        states = replica.states(pending.records, docs)
        if any(record in conflicted or _refers_to(record, states[record][0], needed) for record in pending.records):
            report.held_back = len(pending_sets) - n  # (one that needs a record in conflict waits for it too)
            return
        items = _items(pending, states)
        if not items:
            replica.mark_sent(pending, [])
            continue
        outcome = server.push(change_set_id(replica.replica_id, pending), replica.replica_id, pending.label, items,
                              actions)
        if outcome.refused:  # deletions the server's records still need: back here as the server holds them
            report.restored += replica.restore(outcome.refused, docs)
            items = _items(pending, replica.states(pending.records, docs))
            if not items:
                replica.mark_sent(pending, [])
                continue
            outcome = server.push(change_set_id(replica.replica_id, pending), replica.replica_id, pending.label,
                                  items, actions)
        restored = _restored_with(outcome.conflicts, items, replica, conflicted, docs)
        if restored:  # records it needs that the server deleted and this laptop keeps: they go with it
            items += restored
            outcome = server.push(change_set_id(replica.replica_id, pending), replica.replica_id, pending.label,
                                  items, actions)
        if outcome.conflicts:  # changed on the server since this laptop's pull: the next pull shows them
            report.held_back = len(pending_sets) - n
            return
        sent = {(i.kind, i.uid): doc_sha(i.doc) for i in items}
        # a record the server wrote otherwise than sent (a link to a record deleted there dropped) stays noted at the
        # version seen before: the pull that follows writes the server's version here
        replica.mark_sent(pending, [(k, u, v, sha) for k, u, v, sha in outcome.versions if sent.get((k, u), 0) == sha])
        if not outcome.repeated:  # (a repeated one reached the server at an earlier, cut-off sync)
            report.sent_sets += 1
            report.sent_records += len(items)
            report.adjusted += outcome.adjusted


def _items(pending: PendingSet, states: dict[tuple[str, str], tuple[RowValues | None, tuple[int, str | None] | None]]
           ) -> list[PushItem]:
    """What a change set has to send: its records as they are here, but those the server holds as they are."""
    items = []
    for kind, uid in pending.records:
        doc, known = states[(kind, uid)]
        if known is None and doc is None:
            continue  # made and deleted here: the server never had it
        if known is not None and known[1] == doc_sha(doc):
            continue  # as the server has it
        items.append(PushItem(kind, uid, known[0] if known else 0, doc))
    return items


def _restored_with(conflicts: list[tuple[str, str, int]], items: list[PushItem], replica: LocalReplica,
                   conflicted: set[tuple[str, str]], docs: RecordDocuments) -> list[PushItem]:
    """When every conflict of a refused push is a record the change set refers to, which the server has deleted and
    this laptop has chosen to keep (a conflict settled with "mine": sent in a later change set, over the server's
    deletion), those records as items to send with it; else none. (Change sets go in their order: the one that
    needs the record cannot wait for the later one that brings it back.)"""
    sent = {(i.kind, i.uid) for i in items}
    wanted = [(kind, uid, version) for kind, uid, version in conflicts if (kind, uid) not in sent]
    if not wanted or len(wanted) != len(conflicts):
        return []
    pending = replica.pending_records()
    out = []
    for kind, uid, version in wanted:
        if (kind, uid) in conflicted or (kind, uid) not in pending:
            return []
        doc, known = replica.states([(kind, uid)], docs)[(kind, uid)]
        if doc is None or known is None or known[0] != version:
            return []
        out.append(PushItem(kind, uid, version, doc))
    return out


def _refers_to(record: tuple[str, str], doc: RowValues | None, refs: set[str]) -> bool:
    """Whether a record's document here refers to any of ``refs`` ("table:uid")."""
    kind = record[0]
    return doc is not None and kind in TABLE_OF and bool(refs) and not refs.isdisjoint(doc_refs(TABLE_OF[kind], doc))


def remember_server(db: Database, conninfo: str) -> None:
    """Keep the server's connection string in the database (without any password), for the next sync."""
    stored = without_password(conninfo)
    if db.readonly or db.meta(META_SERVER) == stored:
        return
    with db.transaction() as conn:
        set_meta(conn, META_SERVER, stored)


def resolve(db: Database, conninfo: str | None, conflict_id: int, choice: str,
            fields: dict[str, str] | None = None, *, password: str | None = None) -> None:
    """Settle a conflict here (LocalReplica.resolve) and, when a server is named and reachable, mark it settled
    there too (the laptop's next sync sends the record chosen)."""
    replica = LocalReplica(db)
    conflict = replica.resolve(conflict_id, choice, fields)
    if conninfo is None:
        return
    try:
        with TeamServer(conninfo, password=password) as server:
            server.settle_conflicts(replica.replica_id, [(conflict.kind, conflict.uid, conflict.server_version,
                                                          choice)])
    except ServerError:
        pass  # settled here; the server's list catches up at the next report
