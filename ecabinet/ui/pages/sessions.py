"""Phiên họp: the sessions list, and one session's agenda when opened."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QStackedLayout, QWidget

from ecabinet.ui.context import AppContext
from ecabinet.ui.registry import Page, register_page
from ecabinet.ui.session_list import SessionList
from ecabinet.ui.session_view import SessionView


@register_page
class SessionsPage(Page):
    page_id = "sessions"
    icon = "mdi6.calendar-month-outline"
    order = 10

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.list = SessionList(context, self)
        self.view = SessionView(context, self)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.list)
        self.stack.addWidget(self.view)
        self.list.open_requested.connect(self.open_session)
        self.view.back_requested.connect(self.show_list)
        context.actor_changed.connect(self.show_list)
        context.data_changed.connect(self._data_changed)

    def title(self) -> str:
        return self.tr("Sessions")

    def tooltip(self) -> str:
        return self.tr("Government sessions: agendas and documents")

    def refresh(self) -> None:
        self.list.reload()
        if self.stack.currentWidget() is self.view:
            self.view.reload()

    @Slot(uuid.UUID)
    def open_session(self, session_id: uuid.UUID) -> None:
        self.view.open(session_id)
        self.stack.setCurrentWidget(self.view)

    @Slot()
    def show_list(self, *_: object) -> None:
        self.stack.setCurrentWidget(self.list)
        self.list.focus_table()

    @Slot(object)
    def _data_changed(self, source: object) -> None:
        # The agenda editor shows its own changes (and where the current row went); the rest is loaded again.
        if self.stack.currentWidget() is self.view and source is not self.view.agenda:
            self.view.reload()
