"""How records look in files (CSV, XLSX, JSON): one row per record, the columns of :data:`COLUMNS`.

Shared by the exporters and the importers, so that an exported file imports back to the same records:

- ``uid`` first: the record's stable identity (an import updates the record with that uid);
- then the fields of the record's edit form (desktop.core.validation.FIELDS), except that a reference
  to another record is written as that record's uid, in a column named without ``_id``
  (``event_id`` -> ``event``, ``corridor_id`` -> ``corridor``, ``from_node_id`` -> ``from_node``);
- lists (partners as ISO3 codes, sectors as codes, sources as source uids) are joined with "; ";
- dates are ISO partial dates ("2025", "2025-04", "2025-04-29"); numbers are numbers.
"""
from __future__ import annotations

from desktop.core.validation import FIELDS

EXPORT_KINDS = ("agreement", "event", "trade", "target", "fact", "node", "segment", "source", "corridor", "partner",
                "alias")
IMPORT_KINDS = ("agreement", "event", "trade", "target", "fact", "alias", "node", "segment")
LIST_SEPARATOR = "; "
# a reference field of a form -> (file column, kind referenced)
REFERENCE_COLUMNS = {
    "event_id": ("event", "event"),
    "corridor_id": ("corridor", "corridor"),
    "from_node_id": ("from_node", "node"),
    "to_node_id": ("to_node", "node"),
}
LIST_FIELDS = {"partners": "partner", "sectors": None, "sources": "source"}  # field -> kind referenced by uid


def file_column(field: str) -> str:
    return REFERENCE_COLUMNS[field][0] if field in REFERENCE_COLUMNS else field


def form_field(column: str) -> str:
    """The form field a file column holds (the inverse of :func:`file_column`)."""
    for field, (name, _) in REFERENCE_COLUMNS.items():
        if name == column:
            return field
    return column


COLUMNS: dict[str, tuple[str, ...]] = {
    kind: ("uid", *(file_column(spec.name) for spec in FIELDS[kind])) for kind in EXPORT_KINDS
}

# columns whose values are dates (ISO partial) and numbers, for writers that type their cells
DATE_COLUMNS = {spec.name for specs in FIELDS.values() for spec in specs if spec.type == "date"}
NUMBER_COLUMNS = {spec.name for specs in FIELDS.values() for spec in specs
                  if spec.type in ("int", "money", "float", "year", "lat", "lon")}
