"""How much weight a source's word carries, in the interface language (issue 18): shown next to every
citation (detail pane, tooltips, hover texts, the record form's choices)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def source_kind_labels() -> dict[str, str]:
    """desktop.core.records.SOURCE_KINDS -> its name in the UI language."""
    return {"official_primary": QCoreApplication.translate("SourceKinds", "official (primary)"),
            "official_secondary": QCoreApplication.translate("SourceKinds", "official (state news agency)"),
            "independent_media": QCoreApplication.translate("SourceKinds", "independent media"),
            "company": QCoreApplication.translate("SourceKinds", "company"),
            "aggregator": QCoreApplication.translate("SourceKinds", "aggregator or blog"),
            "encyclopedia": QCoreApplication.translate("SourceKinds", "encyclopedia")}


def source_kind(kind: str | None) -> str:
    """A source's kind in words; says so where it is not recorded."""
    return source_kind_labels().get(kind or "", QCoreApplication.translate("SourceKinds", "kind not recorded"))
