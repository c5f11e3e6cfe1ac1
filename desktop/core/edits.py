"""Edit objects: what an edit changes, record by record, with the state before and after, so that
applying the inverse undoes it exactly. The data layer applies them (desktop.data.editing); the
window keeps them in a :class:`History` for undo and redo.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from desktop.core.records import RowValues


@dataclass(frozen=True)
class Snapshot:
    """A record as stored: its main row and the rows that belong to it (partners, sectors, sources,
    places, conflict memberships ...), and the records that point at it through a column that a
    delete would set to NULL (restored on undo)."""

    kind: str
    row: RowValues
    links: dict[str, tuple[RowValues, ...]] = field(default_factory=dict)
    referrers: dict[str, tuple[int, ...]] = field(default_factory=dict)  # "table.column" -> ids

    @property
    def id(self) -> int:
        return int(self.row["id"])

    @property
    def uid(self) -> str:
        return str(self.row["uid"])


@dataclass(frozen=True)
class RecordChange:
    """One record created (before None), changed, or deleted (after None), with the user mark it
    carried before and carries after (None, "added", "changed" or "deleted")."""

    kind: str
    before: Snapshot | None
    after: Snapshot | None
    mark_before: str | None = None
    mark_after: str | None = None

    @property
    def action(self) -> str:
        if self.before is None:
            return "insert"
        if self.after is None:
            return "delete"
        return "update"

    def _latest(self) -> Snapshot:
        """The record as it is after the change, or as it was before a delete."""
        snapshot = self.after or self.before
        if snapshot is None:
            raise ValueError("a record change needs a state before or after it")
        return snapshot

    @property
    def record_id(self) -> int:
        return self._latest().id

    @property
    def uid(self) -> str:
        return self._latest().uid

    def fields(self) -> list[str]:
        """The columns and link tables that differ between before and after."""
        before = self.before.row if self.before else {}
        after = self.after.row if self.after else {}
        out = [k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k)]
        b_links = self.before.links if self.before else {}
        a_links = self.after.links if self.after else {}
        out += [k for k in sorted(set(b_links) | set(a_links)) if b_links.get(k, ()) != a_links.get(k, ())]
        return out

    def inverse(self) -> RecordChange:
        return RecordChange(self.kind, self.after, self.before, self.mark_after, self.mark_before)


@dataclass(frozen=True)
class ChangeSet:
    """One edit as the user sees it (one undo step): any number of record changes, applied in order
    in one transaction."""

    label: str
    changes: tuple[RecordChange, ...]

    def inverse(self) -> ChangeSet:
        return ChangeSet(self.label, tuple(c.inverse() for c in reversed(self.changes)))

    def kinds(self) -> set[str]:
        return {c.kind for c in self.changes}


class Kind(StrEnum):
    """The kinds of record an edit changes, as :class:`Changes` announces them to the views. Each member is its
    kind's word (``Kind.AGREEMENT == "agreement"``), the word the data layer's tables are keyed by."""

    AGREEMENT = "agreement"
    EVENT = "event"
    TRADE = "trade"
    TARGET = "target"
    FACT = "fact"
    SOURCE = "source"
    NODE = "node"
    SEGMENT = "segment"
    CORRIDOR = "corridor"
    PARTNER = "partner"
    ALIAS = "alias"


@dataclass(frozen=True)
class Changes:
    """What an applied edit changed, for the views to refresh: kind -> record ids (an empty set: any of them)."""

    ids: Mapping[Kind, frozenset[int]]

    def __post_init__(self) -> None:
        # the kinds as the enum, whichever way the maker wrote them (an unknown kind raises ValueError here)
        object.__setattr__(self, "ids", {Kind(kind): ids for kind, ids in self.ids.items()})

    @classmethod
    def everything(cls) -> Changes:
        """Every kind may have changed (a whole file restored, an import of many kinds, a reload)."""
        return cls({kind: frozenset() for kind in Kind})

    def touches(self, *kinds: Kind) -> bool:
        return any(k in self.ids for k in kinds)


class History:
    """Undo and redo of applied change sets. ``apply(change_set, action)`` writes one; when it
    raises, the history stays where it was (and the error goes to the caller)."""

    def __init__(self, limit: int = 500):
        self._done: list[ChangeSet] = []
        self._undone: list[ChangeSet] = []
        self.limit = limit

    def push(self, change_set: ChangeSet) -> None:
        """Record an edit that has just been applied (a new edit clears what could be redone)."""
        self._done.append(change_set)
        del self._done[:-self.limit]
        self._undone.clear()

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def undo_label(self) -> str | None:
        return self._done[-1].label if self._done else None

    def redo_label(self) -> str | None:
        return self._undone[-1].label if self._undone else None

    def undo(self, apply: Callable[[ChangeSet, str], object]) -> object:
        change_set = self._done[-1]
        result = apply(change_set.inverse(), "undo")  # raises: nothing moves
        self._undone.append(self._done.pop())
        return result

    def redo(self, apply: Callable[[ChangeSet, str], object]) -> object:
        change_set = self._undone[-1]
        result = apply(change_set, "redo")
        self._done.append(self._undone.pop())
        return result

    def __len__(self) -> int:
        return len(self._done)
