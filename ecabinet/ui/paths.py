"""Where the UI's resources live: the stylesheet, translations and icons beside the package."""

from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
TRANSLATIONS = RESOURCES / "translations"
STYLESHEET = RESOURCES / "style.qss"
ICONS = RESOURCES / "icons"
