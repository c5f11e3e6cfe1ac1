"""Everything that imports PySide6 or pyqtgraph: windows, views, Qt models, dialogs."""
