"""The agreements view and the sidebar beside it: the table and its Qt model, the detail pane of the selected
agreement, the partner's overview and the list of its events."""
