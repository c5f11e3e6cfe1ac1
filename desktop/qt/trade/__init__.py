"""The trade view: a partner's turnover, exports and imports by year against the targets announced (pyqtgraph)."""
