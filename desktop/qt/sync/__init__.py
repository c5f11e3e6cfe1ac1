"""The window's side of the team sync: File → Sync with Team Server… (desktop.qt.sync.dialog) and the conflicts
to settle (desktop.qt.sync.conflicts). The work itself is desktop.sync's."""
