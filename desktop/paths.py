"""Where files live: the source tree or the frozen bundle, and the per-user folders.

Tests and scripts point the user folders elsewhere with the environment variables
PARTNERSHIP_ATLAS_DATA_DIR and PARTNERSHIP_ATLAS_CONFIG_DIR.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_ID

DATA_DIR_ENV = "PARTNERSHIP_ATLAS_DATA_DIR"
CONFIG_DIR_ENV = "PARTNERSHIP_ATLAS_CONFIG_DIR"
USER_DB_NAME = "atlas.sqlite"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def source_root() -> Path:
    """The project root in a source checkout, or the bundle folder when frozen."""
    if is_frozen():
        return Path(sys._MEIPASS)  # type: ignore[attr-defined]
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """A file under resources/; a name that does not exist fails at once."""
    path = source_root().joinpath("resources", *parts)
    if not path.exists():
        raise FileNotFoundError(f"missing resource: {path}")
    return path


def bundled_database() -> Path:
    """The read-only database shipped with the program."""
    return source_root() / "db" / "atlas.sqlite"


def user_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs  # (here: not needed when the folders are given)

    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False, roaming=False))


def user_config_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False, roaming=True))


def user_database() -> Path:
    return user_data_dir() / USER_DB_NAME
