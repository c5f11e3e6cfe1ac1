"""What a record may refer to, defined once for the forms, the import and the seed build (issue 21, item 9).

The vocabulary tables are the schema's (desktop.data.migrations.VOCABULARIES); a record's codes come from them and
from the metrics. :func:`validation_context` reads, from an open database, the codes and the ids a record may use:
the edit controller's forms and the import check records against it (desktop.core.validation.validate).
"""
from __future__ import annotations

from desktop.core.validation import ValidationContext
from desktop.data.database import Database
from desktop.data.editing import TABLES
from desktop.data.migrations import VOCABULARIES

# The tables a record's codes come from: the vocabularies and the metrics (a fact's or a target's measure).
CODE_TABLES: tuple[str, ...] = (*VOCABULARIES, "metrics")
# The kinds a record refers to by id (a partner by its ISO3 code).
_REFERENCED = ("event", "source", "node", "corridor")


def validation_context(db: Database) -> ValidationContext:
    """The codes of every code table and the ids of every kind a record may refer to, as they are now."""
    conn = db.conn
    vocab = {table: {row[0] for row in conn.execute(f"SELECT code FROM {table}")} for table in CODE_TABLES}
    ids: dict[str, set[object]] = {kind: {row[0] for row in conn.execute(f"SELECT id FROM {TABLES[kind]}")}
                                   for kind in _REFERENCED}
    ids["partner"] = {row[0] for row in conn.execute("SELECT iso3 FROM partners")}
    return ValidationContext(vocab=vocab, ids=ids)
