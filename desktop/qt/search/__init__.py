"""Searching: the agreements table's search worker, and the Find box over every record with its own worker."""
