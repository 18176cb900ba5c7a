"""Windows that come back where the user left them (Picard's PreserveGeometry, as a mixin)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from ecabinet.ui.settings import Option, Settings


class PreserveGeometry:
    """Mix into a QMainWindow: call `restore_geometry()` once built and `save_geometry()` when it closes."""

    geometry_option: Option[QByteArray]
    state_option: Option[QByteArray] | None = None

    def restore_geometry(self, settings: Settings) -> bool:
        window = self._window()
        restored = False
        geometry = settings.get(self.geometry_option)
        if not geometry.isEmpty():
            restored = window.restoreGeometry(geometry)
        if self.state_option is not None:
            state = settings.get(self.state_option)
            if not state.isEmpty():
                window.restoreState(state)
        return restored

    def save_geometry(self, settings: Settings) -> None:
        window = self._window()
        settings.set(self.geometry_option, window.saveGeometry())
        if self.state_option is not None:
            settings.set(self.state_option, window.saveState())
        settings.sync()

    def _window(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self
