"""Pure Python: record types, dates, text folding, validation, errors. No Qt, no SQLite."""
