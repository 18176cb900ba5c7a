"""Preferences and window state kept in QSettings, each option declared once with its type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

ORGANISATION = "ecabinet"
APPLICATION = "ecabinet"

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T

    def convert(self, raw: Any) -> T:
        """QSettings' INI backend hands back strings; bring the stored value back to the default's type."""
        kind = type(self.default)
        if raw is None or isinstance(raw, kind):
            return self.default if raw is None else raw
        if kind is bool:
            return str(raw).lower() in ("1", "true", "yes")  # type: ignore[return-value]
        if kind is QByteArray:
            return QByteArray(raw)  # type: ignore[return-value]
        try:
            return kind(raw)  # type: ignore[call-arg]
        except (TypeError, ValueError):
            return self.default


LANGUAGES = ("vi", "en")
LANGUAGE = Option("ui/language", "vi")
PROFILE = Option("profile/member_id", "")  # the last chosen profile, as a UUID string
MAIN_GEOMETRY = Option("window/main_geometry", QByteArray())
MAIN_STATE = Option("window/main_state", QByteArray())


class Settings(QObject):
    """Typed access to the user's QSettings; `changed` names the key of each option that was set."""

    changed = Signal(str)

    def __init__(self, store: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # INI everywhere: one readable file, and tests can move it with QSettings.setPath.
        self._store = store or QSettings(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION
        )

    def get(self, option: Option[T]) -> T:
        return option.convert(self._store.value(option.key))

    def set(self, option: Option[T], value: T) -> None:
        if self._store.contains(option.key) and self.get(option) == value:
            return
        self._store.setValue(option.key, value)
        self.changed.emit(option.key)

    def sync(self) -> None:
        self._store.sync()

    @property
    def file_name(self) -> str:
        return self._store.fileName()
