"""The app's one look: the Fusion style, our stylesheet, and the `icons:` prefix it uses for its images."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtWidgets import QApplication

from ecabinet.ui.paths import ICONS, STYLESHEET


def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8") if STYLESHEET.exists() else ""


def apply_style(app: QApplication) -> None:
    QDir.addSearchPath("icons", str(ICONS))  # the stylesheet says url(icons:chevron-down.svg)
    app.setStyle("Fusion")  # the same look on every desktop; the stylesheet adds the colours
    app.setStyleSheet(stylesheet())
