"""Errors the user can act on. Their message is meant to be shown as it is."""
from __future__ import annotations


class AtlasError(Exception):
    """Base class of errors with a message for the user (not bugs)."""
