"""What happens once the main window shows: set up a new installation, offer the demo, start the idle lock.

The order (app.py asks for the passphrase before any of this, when the installation has keys):
- no profile and an empty database: the setup wizard (secretariat's server / member's laptop / later);
- then, unless this is a member's laptop, the first start of an empty database (demo or first officer);
- a member's laptop gets its data from the Government Office's packages, never from the demo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMainWindow

from ecabinet.services.members import list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.first_start import FirstStart
from ecabinet.ui.sync.lock import IdleLock
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.setup import ProfileSetupWizard


class FirstSteps(QObject):
    """`finished` once the installation is ready to use (or the user put the setup off)."""

    finished = Signal()

    def __init__(
        self,
        context: AppContext,
        window: QMainWindow,
        demo_builder: Callable[..., Any] | None = None,
    ) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.demo_builder = demo_builder
        self.keys: KeySession = key_session(context)
        self.idle_lock = IdleLock(context, window)
        self.setup: ProfileSetupWizard | None = None
        self.first_start: FirstStart | None = None

    @Slot()
    def start(self) -> None:
        if self.keys.profile is not None:
            self._offer_first_start()
            return
        self.context.runner.query(lambda s: not list_members(s)).success(self._checked).run_in_background()

    def _checked(self, empty: bool) -> None:
        if not empty:  # an installation in use without keys (the demo): it can be set up from the Sync centre
            self._offer_first_start()
            return
        self.setup = ProfileSetupWizard(self.context, self.window)
        self.setup.finished.connect(self._set_up)
        self.setup.open()

    @Slot(int)
    def _set_up(self, _result: int) -> None:
        self._offer_first_start()

    def _offer_first_start(self) -> None:
        picker = getattr(self.window, "profile", None)
        if self.keys.is_member_laptop:
            if picker is not None:
                picker.reload()  # the laptop's member, once the first package has brought the directory
            self.finished.emit()
            return
        kwargs = {"demo_builder": self.demo_builder} if self.demo_builder else {}
        self.first_start = FirstStart(self.context, self.window, **kwargs)
        if picker is not None:
            self.first_start.finished.connect(picker.reload)
        self.first_start.finished.connect(lambda _people: self.finished.emit())
        self.first_start.start()
