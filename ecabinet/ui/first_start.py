"""The first start on an empty database: offer the demo, or create the first secretariat officer.

Not on a member's laptop: its database fills from the Government Office's packages (see ui/sync/startup.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ecabinet.db import Database
from ecabinet.services.members import MemberInfo, bootstrap_secretariat, list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.settings import PROFILE
from ecabinet.ui.sync.session import key_session
from ecabinet.ui.tasks import Progress

# create_demo(database, progress=callable(int, str), cancelled=callable() -> bool) -> DemoResult
DemoBuilder = Callable[..., Any]


def build_demo(
    database: Database, progress: Callable[[int, str], None], cancelled: Callable[[], bool]
) -> Any:
    from ecabinet.demo.build import create_demo  # imported late: only the first start needs it

    return create_demo(database, progress=progress, cancelled=cancelled)


class FirstStart(QObject):
    """Runs once per empty database. `finished(True)` when the database has people in it afterwards."""

    finished = Signal(bool)

    def __init__(
        self,
        context: AppContext,
        parent_widget: QWidget | None = None,
        demo_builder: DemoBuilder = build_demo,
    ) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.parent_widget = parent_widget
        self.demo_builder = demo_builder

    def start(self) -> None:
        self.context.runner.query(lambda s: not list_members(s)).success(self._checked).run_in_background()

    def _checked(self, empty: bool) -> None:
        if not empty:
            self.finished.emit(True)
            return
        if key_session(self.context).is_member_laptop:
            self.finished.emit(False)  # no demo and no officer: the first package brings the directory
            return
        wants_demo = self.context.prompts.confirm(
            self.parent_widget,
            self.tr("Create demo data?"),
            self.tr(
                "This database is empty. e-Cabinet can fill it with demonstration data: the Government's members and "
                "secretariat staff (fictional names) and sessions with their agendas and documents.\n\n"
                "Choose No to start with an empty database; you will then be asked for the name of the first "
                "secretariat officer."
            ),
        )
        if wants_demo:
            self._build_demo()
        else:
            self._ask_officer()

    def _build_demo(self) -> None:
        database, builder = self.context.database, self.demo_builder

        def body(progress: Progress) -> Any:
            return builder(database, progress=progress.report, cancelled=progress.cancelled)

        self.context.runner.operation(body, writes=True).with_progress(
            self.tr("Creating demo data…"), self.parent_widget
        ).success(self._demo_built).cancelled(self.start).failure(self._failed).run_in_background()

    def _demo_built(self, _result: object) -> None:
        self.finished.emit(True)

    def _failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self.parent_widget)
        self.start()  # offer again: the failed attempt has been rolled back

    def _ask_officer(self) -> None:
        name = self.context.prompts.ask_text(
            self.parent_widget,
            self.tr("First secretariat officer"),
            self.tr("Full name of the first secretariat officer (Government Office):"),
        )
        if name is None:
            self.finished.emit(False)
            return
        self.context.runner.write(None, lambda s: bootstrap_secretariat(s, name)).success(
            self._officer_created
        ).failure(self._officer_failed).run_in_background()

    def _officer_created(self, officer: MemberInfo) -> None:
        # Remembered before the data-changed signal, so the profile picker chooses this person.
        self.context.settings.set(PROFILE, str(officer.id))
        self.finished.emit(True)

    def _officer_failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self.parent_widget)
        self.finished.emit(False)
