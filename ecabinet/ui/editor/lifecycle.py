"""A session's lifecycle from the secretariat's side: edit its details, publish, start and close it.

Each step asks for confirmation, then calls one service; the service decides whether the step is allowed
(state, rights, version) and says so. Publishing returns warnings (late publication) that are shown after.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from ecabinet.agenda.sessions import (
    MIN_NOTICE,
    TRANSITIONS,
    SessionDetail,
    TransitionResult,
    close_session,
    publish_session,
    start_session,
)
from ecabinet.messages import render
from ecabinet.model import SessionState
from ecabinet.services.actor import Permission
from ecabinet.services.members import list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.session_dialog import SessionDialog

NAVY = "#1f3a60"


def set_action(action: QAction, text: str, tip: str) -> None:
    """Text, and a tooltip that names the shortcut."""
    action.setText(text)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)


class SessionActions(QObject):
    """The actions of the session heading; `owner` is the widget whose shortcuts they are."""

    changed = Signal()  # a step was taken (or refused): the session should be shown again

    def __init__(self, context: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.context = context
        self.owner = owner
        self.detail: SessionDetail | None = None
        self.dialog: SessionDialog | None = None

        def make(icon: str, keys: str) -> QAction:
            action = QAction(qta.icon(icon, color=NAVY), "", owner)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            owner.addAction(action)
            return action

        self.edit = make("mdi6.pencil-outline", "Ctrl+Shift+E")
        self.publish = make("mdi6.send-check-outline", "Ctrl+Shift+P")
        self.start = make("mdi6.play-circle-outline", "Ctrl+Shift+B")
        self.close = make("mdi6.stop-circle-outline", "Ctrl+Shift+K")
        self.actions = [self.edit, self.publish, self.start, self.close]
        self.edit.triggered.connect(self._edit)
        self.publish.triggered.connect(self._publish)
        self.start.triggered.connect(self._start)
        self.close.triggered.connect(self._close)
        self.retranslate()
        self.update_for(None)

    def retranslate(self) -> None:
        set_action(
            self.edit,
            self.tr("&Edit session…"),
            self.tr("Change the title, time, place, chair and invitations"),
        )
        set_action(
            self.publish,
            self.tr("&Publish…"),
            self.tr("Send the agenda and documents to the invited members; later changes are marked"),
        )
        set_action(
            self.start,
            self.tr("&Open session…"),
            self.tr("The session begins: attendance and votes are possible"),
        )
        set_action(
            self.close,
            self.tr("&Close session…"),
            self.tr("The session ends: no more votes; the minutes follow"),
        )

    def update_for(self, detail: SessionDetail | None) -> None:
        """Show the steps this user may take at all; enable those the session's state leads to."""
        self.detail = detail
        actor = self.context.actor
        manages = actor is not None and actor.can(Permission.MANAGE_SESSIONS)
        runs = actor is not None and actor.can(Permission.RUN_SESSION)
        state = detail.summary.state if detail else None
        following = TRANSITIONS.get(state, ()) if state else ()
        for action, visible, target in (
            (self.publish, manages, SessionState.PUBLISHED),
            (self.start, runs, SessionState.IN_PROGRESS),
            (self.close, runs, SessionState.CLOSED),
        ):
            action.setVisible(visible)
            action.setEnabled(visible and target in following)
        self.edit.setVisible(manages)
        self.edit.setEnabled(manages and detail is not None)

    # --- slots -----------------------------------------------------------------------------------------

    @Slot()
    def _edit(self) -> None:
        if self.detail is None:
            return
        self.context.runner.query(list_members).success(self._show_dialog).run_in_background()

    def _show_dialog(self, members: list) -> None:
        self.dialog = SessionDialog(self.context, members, self.detail, self.owner)
        self.dialog.saved.connect(lambda _id: self.changed.emit())
        self.dialog.open()

    @Slot()
    def _publish(self) -> None:
        self._step(
            self.tr("Publish the session"),
            self.tr(
                "Publish «{title}»? The invited members receive its agenda and documents; every later change "
                "is marked as changed since publishing."
            ),
            publish_session,
        )

    @Slot()
    def _start(self) -> None:
        self._step(
            self.tr("Open the session"),
            self.tr("Open «{title}» now? Attendance and votes become possible; the agenda is then fixed."),
            start_session,
        )

    @Slot()
    def _close(self) -> None:
        self._step(
            self.tr("Close the session"),
            self.tr("Close «{title}»? No more votes can be recorded; the minutes can then be drafted."),
            close_session,
        )

    def _step(self, title: str, question: str, service: Callable[..., TransitionResult]) -> None:
        actor, detail = self.context.actor, self.detail
        if actor is None or detail is None:
            return
        summary = detail.summary
        if not self.context.prompts.confirm(self.owner, title, question.format(title=summary.title)):
            return
        self.context.runner.write(
            actor, lambda s: service(s, actor, summary.id, summary.version)
        ).from_source(self).success(self._done).failure(self._failed).run_in_background()

    def _done(self, result: TransitionResult) -> None:
        for code in result.warnings:
            text = render(code, self.context.language, {"days": MIN_NOTICE.days})
            self.context.prompts.inform(self.owner, self.tr("Session published with a warning"), text)
        self.changed.emit()

    def _failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self.owner)
        self.changed.emit()  # a stale copy: show the session as it is now
