"""The areas of the app. A module in `ecabinet.ui.pages` that decorates its page with `@register_page` appears
in the sidebar; the main window knows no page by name."""

from __future__ import annotations

import importlib
import pkgutil
from typing import ClassVar

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from ecabinet.ui.context import AppContext

_PAGES: dict[str, type[Page]] = {}


class Page(QWidget):
    """One area in the sidebar. Subclasses set the class attributes and implement `title()` and `retranslate()`."""

    page_id: ClassVar[str]
    icon: ClassVar[str]  # a qtawesome name, e.g. "mdi6.calendar-month"
    order: ClassVar[int] = 100  # position in the sidebar, lowest first

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def title(self) -> str:
        """The translated name in the sidebar; every page overrides this."""
        return self.page_id

    def tooltip(self) -> str:
        return ""

    def retranslate(self) -> None:
        """Set every visible text again (called on QEvent.LanguageChange)."""

    def refresh(self) -> None:
        """Load the data again (F5)."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def register_page(cls: type[Page]) -> type[Page]:
    if cls.page_id in _PAGES and _PAGES[cls.page_id] is not cls:
        raise ValueError(f"two pages claim the id {cls.page_id!r}")
    _PAGES[cls.page_id] = cls
    return cls


def page_classes() -> list[type[Page]]:
    """Every registered page in sidebar order, after importing each module of `ecabinet.ui.pages`."""
    from ecabinet.ui import pages

    for module in pkgutil.iter_modules(pages.__path__):
        importlib.import_module(f"{pages.__name__}.{module.name}")
    return sorted(_PAGES.values(), key=lambda cls: (cls.order, cls.page_id))
