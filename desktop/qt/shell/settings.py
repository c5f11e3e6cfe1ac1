"""Typed access to the user's settings, kept in an INI file in the per-user config folder."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop.paths import user_config_dir


class Settings:
    """Window geometry, splitter sizes, the last view, the interface language and the user's organisation."""

    def __init__(self) -> None:
        folder = user_config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self.qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def last_view(self) -> str | None:
        value = self.qsettings.value("window/view")
        return str(value) if value else None

    def language(self) -> str | None:
        value = self.qsettings.value("interface/language")
        return str(value) if value in ("en", "ru", "kk") else None

    def organisation(self) -> str:
        """The user's organisation, named as the author of the fact sheets' PDFs ("" when none is saved)."""
        value = self.qsettings.value("documents/organisation")
        return str(value).strip() if value else ""

    def set_organisation(self, name: str) -> None:
        self.qsettings.setValue("documents/organisation", name.strip())

    def set_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)

    def set_splitter(self, name: str, state: QByteArray) -> None:
        self.qsettings.setValue(f"splitters/{name}", state)

    def set_last_view(self, view: str) -> None:
        self.qsettings.setValue("window/view", view)

    def set_language(self, lang: str) -> None:
        self.qsettings.setValue("interface/language", lang)

    def sync(self) -> None:
        self.qsettings.sync()
