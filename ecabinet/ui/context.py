"""What every window and page is handed: the database, settings, task runner, prompts, and who is acting."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from ecabinet.db import Database
from ecabinet.services.actor import Actor
from ecabinet.ui.errors import describe
from ecabinet.ui.i18n import Translations
from ecabinet.ui.prompts import Prompts
from ecabinet.ui.settings import LANGUAGE, PROFILE, Settings
from ecabinet.ui.tasks import TaskRunner


class AppContext(QObject):
    """Injected rather than global, so a test builds one with a synchronous runner and scripted prompts."""

    actor_changed = Signal(object)  # the new Actor, or None
    data_changed = Signal(object)  # after a write: who started it (each screen decides whether to refresh)

    def __init__(
        self,
        database: Database,
        settings: Settings,
        runner: TaskRunner,
        prompts: Prompts,
        translations: Translations,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.settings = settings
        self.runner = runner
        self.prompts = prompts
        self.translations = translations
        self._actor: Actor | None = None
        runner.on_error = self.show_error
        runner.changed.connect(self.data_changed)

    @property
    def actor(self) -> Actor | None:
        return self._actor

    def set_actor(self, actor: Actor | None) -> None:
        if actor == self._actor:
            return
        self._actor = actor
        if actor is not None:
            self.settings.set(PROFILE, str(actor.member_id))
        self.actor_changed.emit(actor)

    @property
    def language(self) -> str:
        return self.translations.language

    def set_language(self, lang: str) -> None:
        """Switch the interface language now; every widget re-translates on the LanguageChange event."""
        self.settings.set(LANGUAGE, self.translations.apply(lang))

    def show_error(self, exc: Exception, parent: QWidget | None = None) -> None:
        text, details = describe(exc, self.language)
        self.prompts.error(parent or QApplication.activeWindow(), text, details)
