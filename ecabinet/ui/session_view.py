"""One session: its heading (title, state, time, place, chair, planned length) and its agenda with documents."""

from __future__ import annotations

import uuid

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import SessionDetail, get_session
from ecabinet.errors import NotFound
from ecabinet.ui import formatting, labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.models.agenda import TITLE, AgendaModel


class SessionView(QWidget):
    back_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: SessionDetail | None = None
        self.model = AgendaModel(self)

        self.back_action = QAction(qta.icon("mdi6.arrow-left", color="#1f3a60"), "", self)
        self.back_action.setShortcuts([QKeySequence(Qt.Key.Key_Escape), QKeySequence.StandardKey.Back])
        self.back_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.back_action)
        self.back = QToolButton(objectName="backButton")
        self.back.setDefaultAction(self.back_action)
        self.back.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

        self.title = QLabel(objectName="sessionTitle", wordWrap=True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.badge = QLabel(objectName="stateBadge")
        self.kind = QLabel(objectName="muted")
        self.values = {name: QLabel(wordWrap=True) for name in ("time", "place", "chair", "length")}
        self.captions = {name: QLabel() for name in self.values}
        self.agenda_heading = QLabel(objectName="sectionTitle")
        self.tree = QTreeView(objectName="agendaTree")
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.agenda_heading.setBuddy(self.tree)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, value in self.values.items():
            form.addRow(self.captions[name], value)
        layout = QVBoxLayout(self)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(title_row)
        layout.addWidget(self.kind)
        layout.addLayout(form)
        layout.addWidget(self.agenda_heading)
        layout.addWidget(self.tree, 1)
        self.back_action.triggered.connect(self.back_requested)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_action.setText(self.tr("&Back to the sessions"))
        self.back_action.setToolTip(self.tr("Back to the list of sessions (Esc)"))
        self.agenda_heading.setText(self.tr("&Agenda and documents"))
        self.tree.setToolTip(self.tr("Items in order; each item's documents are listed under it"))
        captions = {
            "time": self.tr("Time:"),
            "place": self.tr("Place:"),
            "chair": self.tr("Chair:"),
            "length": self.tr("Planned length:"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.model.retranslate()
        self._show_header()

    def open(self, session_id: uuid.UUID) -> None:
        actor = self.context.actor
        if actor is None:
            return
        self.context.runner.query(lambda s: get_session(s, actor, session_id)).success(
            self.show_detail
        ).failure(self._failed).run_in_background()

    def reload(self) -> None:
        if self.detail is not None:
            self.open(self.detail.summary.id)

    def show_detail(self, detail: SessionDetail) -> None:
        self.detail = detail
        self.model.set_detail(detail)
        self.tree.expandAll()
        self._show_header()
        self.tree.setFocus()
        if self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, NotFound):  # gone, or no longer visible to this profile
            self.detail = None
            self.back_requested.emit()
        self.context.show_error(exc, self)

    def _show_header(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        self.title.setText(s.title)
        self.badge.setText(labels.session_state(s.state))
        self.badge.setProperty("state", s.state.value)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        number = self.tr("No. {number}").format(number=s.number) if s.number else ""
        self.kind.setText(" · ".join(p for p in (labels.session_kind(s.kind), number) if p))
        when = f"{formatting.long_date(s.starts_at)}, {formatting.short_time(s.starts_at)}"
        if s.planned_end_at is not None:
            when += f"–{formatting.short_time(s.planned_end_at)}"
        self.values["time"].setText(when)
        self.values["place"].setText(s.place or "—")
        self.values["chair"].setText(s.chair or "—")
        minutes = self.detail.planned_minutes
        length = self.tr("{minutes} minutes").format(minutes=formatting.number(minutes))
        if minutes >= 60:
            length += " " + self.tr("({hours} h {rest} min)").format(
                hours=minutes // 60, rest=f"{minutes % 60:02d}"
            )
        items = sum(1 for i in self.detail.items if i.parent_id is None)
        documents = sum(len(i.documents) for i in self.detail.items)
        self.values["length"].setText(
            length
            + " · "
            + self.tr("{items} items, {documents} documents").format(items=items, documents=documents)
        )
