"""Editing records: the controller through which every edit, undo and redo passes, the record forms, the
Records… browser with each record's history, and the lazy id lists they share."""
