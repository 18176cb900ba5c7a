"""One session: its heading (title, state, time, place, chair, planned length and end), its lifecycle actions,
and its agenda with documents — an editor for the secretariat, read-only with new/changed marks for others."""

from __future__ import annotations

import uuid
from datetime import timedelta

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QToolBar, QToolButton, QVBoxLayout, QWidget

from ecabinet.agenda.reading import ReadState, read_states
from ecabinet.agenda.sessions import SessionDetail, get_session
from ecabinet.errors import NotFound
from ecabinet.model import SessionState
from ecabinet.ui import formatting, labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.agenda_editor import AgendaEditor
from ecabinet.ui.editor.lifecycle import SessionActions
from ecabinet.ui.models.agenda import Marker


class SessionView(QWidget):
    back_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.detail: SessionDetail | None = None

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
        self.captions = {name: QLabel(objectName="caption") for name in self.values}
        self.banner = QLabel(objectName="changeBanner", wordWrap=True)
        # The amber of a draft badge: something to look at, not an error. (Candidate for style.qss.)
        self.banner.setStyleSheet(
            "QLabel#changeBanner { background: #fff4e0; color: #8a5300; border-radius: 0.3em; padding: 0.4em 0.7em; }"
        )
        self.banner.hide()
        self.session_actions = SessionActions(context, self)
        self.session_bar = QToolBar(objectName="sessionToolBar")
        self.session_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.session_bar.addActions(self.session_actions.actions)
        self.agenda_heading = QLabel(objectName="sectionTitle")
        self.agenda = AgendaEditor(context, self)
        self.tree = self.agenda.tree
        self.model = self.agenda.model
        self.agenda_heading.setBuddy(self.tree)

        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignTop)
        facts = QGridLayout()
        facts.setHorizontalSpacing(self.fontMetrics().averageCharWidth() * 2)
        for n, name in enumerate(("time", "place", "chair", "length")):
            row, column = divmod(n, 2)
            facts.addWidget(self.captions[name], row, column * 2, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(self.values[name], row, column * 2 + 1, Qt.AlignmentFlag.AlignTop)
        facts.setColumnStretch(1, 3)
        facts.setColumnStretch(3, 2)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        top.addStretch(1)
        top.addWidget(self.session_bar)
        layout.addLayout(top)
        layout.addLayout(title_row)
        layout.addWidget(self.kind)
        layout.addLayout(facts)
        layout.addWidget(self.banner)
        layout.addWidget(self.agenda_heading)
        layout.addWidget(self.agenda, 1)
        self.setTabOrder(self.back, self.tree)
        self.back_action.triggered.connect(self.back_requested)
        self.agenda.reload_requested.connect(self.reload)
        self.session_actions.changed.connect(self.reload)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.back_action.setText(self.tr("&Back to the sessions"))
        self.back_action.setToolTip(self.tr("Back to the list of sessions (Esc)"))
        self.agenda_heading.setText(self.tr("&Agenda and documents"))
        captions = {
            "time": self.tr("Time:"),
            "place": self.tr("Place:"),
            "chair": self.tr("Chair:"),
            "length": self.tr("Planned length:"),
        }
        for name, text in captions.items():
            self.captions[name].setText(text)
        self.session_actions.retranslate()
        self.model.retranslate()
        self._show_header()

    # --- loading ---------------------------------------------------------------------------------------

    def open(self, session_id: uuid.UUID) -> None:
        actor = self.context.actor
        if actor is None:
            return

        def load(s: object) -> tuple[SessionDetail, dict[uuid.UUID, ReadState] | None]:
            detail = get_session(s, actor, session_id)  # type: ignore[arg-type]
            # What is new to a reader: only members and guests read; the secretariat sees changes instead.
            reads = None if actor.is_secretariat else read_states(s, actor, session_id)  # type: ignore[arg-type]
            return detail, reads

        first = self.detail is None or self.detail.summary.id != session_id
        self.context.runner.query(load).success(lambda found: self.show_detail(*found, focus=first)).failure(
            self._failed
        ).run_in_background()

    def reload(self) -> None:
        if self.detail is not None:
            self.open(self.detail.summary.id)

    def show_detail(
        self,
        detail: SessionDetail,
        reads: dict[uuid.UUID, ReadState] | None = None,
        focus: bool = True,
    ) -> None:
        self.detail = detail
        self.agenda.set_detail(detail, reads)
        self.session_actions.update_for(detail)
        self.session_bar.setVisible(any(a.isVisible() for a in self.session_actions.actions))
        self._show_header()
        if focus:
            self.tree.setFocus()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, NotFound):  # gone, or no longer visible to this profile
            self.detail = None
            self.back_requested.emit()
        self.context.show_error(exc, self)

    # --- the heading -----------------------------------------------------------------------------------

    def _show_header(self) -> None:
        if self.detail is None:
            return
        s = self.detail.summary
        self.title.setText(s.title)
        self.badge.setText(labels.session_state(s.state))
        self.badge.setToolTip(self.tr("The session's state"))
        self.badge.setProperty("state", s.state.value)
        self.badge.style().unpolish(self.badge)
        self.badge.style().polish(self.badge)
        number = self.tr("No. {number}").format(number=s.number) if s.number else ""
        self.kind.setText(" · ".join(p for p in (labels.session_kind(s.kind), number) if p))
        minutes = self.detail.planned_minutes
        end = s.starts_at + timedelta(minutes=minutes)  # the planned end: the start plus the agenda's total
        when = f"{formatting.long_date(s.starts_at)}, {formatting.short_time(s.starts_at)}–{formatting.short_time(end)}"
        if s.planned_end_at is not None and s.planned_end_at != end:
            when += " " + self.tr("(scheduled to end at {time})").format(
                time=formatting.short_time(s.planned_end_at)
            )
        self.values["time"].setText(when)
        self.values["time"].setToolTip(
            self.tr("The planned end is the start plus the items' planned minutes")
        )
        self.values["place"].setText(s.place or "—")
        self.values["chair"].setText(s.chair or "—")
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
        self.values["length"].setToolTip(
            self.tr("The sum of the items' planned minutes, counted from the start")
        )
        self._show_banner()

    def _show_banner(self) -> None:
        assert self.detail is not None
        reader = self.context.actor is not None and not self.context.actor.is_secretariat
        counts = self.model.marker_counts(documents_only=reader)
        new, changed = counts[Marker.NEW], counts[Marker.CHANGED]
        if reader:
            if new and changed:
                text = self.tr("For you: {new} new documents, {changed} changed since you read them.")
            elif new:
                text = self.tr("For you: {new} new documents.")
            elif changed:
                text = self.tr("For you: {changed} documents changed since you read them.")
            else:
                text = ""
            text = text.format(new=new, changed=changed)
        elif changed and self.detail.summary.state is SessionState.PUBLISHED:
            text = self.tr(
                "{count} items and documents changed since the session was published; the members see them "
                "marked as changed."
            ).format(count=changed)
        else:
            text = ""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))
