"""The one selection every view reads and writes: partner, event, corridor, node, agreement.

Views never call each other. A view that wants to focus something sets it here; every view that
cares listens to the signals (named in the past tense for what happened). Setting a value that is
already selected emits nothing, so views can echo a selection back without loops.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class SelectionState(QObject):
    partner_selected = Signal(object)  # ISO3 code, or None for all partners
    event_selected = Signal(object)  # event id, or None
    corridor_selected = Signal(object)  # corridor id, or None
    node_selected = Signal(object)  # node id, or None
    agreement_selected = Signal(object)  # agreement id, or None

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._partner: str | None = None
        self._event: int | None = None
        self._corridor: int | None = None
        self._node: int | None = None
        self._agreement: int | None = None

    @property
    def partner(self) -> str | None:
        return self._partner

    @property
    def current_event(self) -> int | None:
        """The event in focus (not ``event``: that is QObject's event handler)."""
        return self._event

    @property
    def corridor(self) -> int | None:
        return self._corridor

    @property
    def node(self) -> int | None:
        return self._node

    @property
    def agreement(self) -> int | None:
        return self._agreement

    def on_focus_changed(self, slot: Callable[[], object]) -> None:
        """Call ``slot`` whenever the partner, event, corridor or node changes (what the agreements table and the
        map show depends on all four)."""
        for changed in (self.partner_selected, self.event_selected, self.corridor_selected, self.node_selected):
            changed.connect(lambda _: slot())

    def select_partner(self, iso3: str | None) -> None:
        iso3 = iso3 or None
        if iso3 == self._partner:
            return
        self._partner = iso3
        self.partner_selected.emit(iso3)

    def select_event(self, event_id: int | None) -> None:
        if event_id == self._event:
            return
        self._event = event_id
        self.event_selected.emit(event_id)

    def select_corridor(self, corridor_id: int | None) -> None:
        if corridor_id == self._corridor:
            return
        self._corridor = corridor_id
        self.corridor_selected.emit(corridor_id)

    def select_node(self, node_id: int | None) -> None:
        if node_id == self._node:
            return
        self._node = node_id
        self.node_selected.emit(node_id)

    def select_agreement(self, agreement_id: int | None) -> None:
        if agreement_id == self._agreement:
            return
        self._agreement = agreement_id
        self.agreement_selected.emit(agreement_id)
