"""Biên bản: the secretariat picks a session, writes the minutes item by item, previews, approves, corrects,
and prints every output of the session.

Left, the parts of the minutes (the session's fields, then each agenda item, with a mark where no conclusion
is written yet); in the middle the selected part; on the right the preview and the outputs. Every edit is
saved at once (after a pause in typing) and can be undone in its editor. Approving asks for confirmation,
then the editors turn read only and the approved PDF's SHA-256 is shown; a correction (with its reason)
opens them again for the next version.
"""

from __future__ import annotations

import uuid
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import SessionSummary, list_sessions
from ecabinet.minutes import richtext
from ecabinet.minutes import service as MS
from ecabinet.minutes.draft import MinutesDraft, minutes_draft
from ecabinet.minutes.outputs import OutputKind, OutputTargets, output_targets, produce
from ecabinet.model import MinutesState, Role, SessionState
from ecabinet.services.actor import Permission
from ecabinet.services.members import list_members
from ecabinet.ui import labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.minutes.header_form import HeaderForm
from ecabinet.ui.minutes.item_panel import ItemPanel
from ecabinet.ui.minutes.outputs_panel import OutputsPanel
from ecabinet.ui.minutes.preview import Preview
from ecabinet.ui.registry import Page

NAVY = "#1f3a60"
WITH_MINUTES = (SessionState.IN_PROGRESS, SessionState.CLOSED, SessionState.MINUTES_APPROVED)
HEADER_ROW = -1  # the list row of the session's own fields


def _scrolling(widget: QWidget) -> QScrollArea:
    """A panel that scrolls rather than widen the window when it is narrow."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    return area


class MinutesPage(Page):
    page_id = "minutes"
    icon = "mdi6.file-document-edit-outline"
    order = 40

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.draft: MinutesDraft | None = None
        self._loaded = False

        self.heading = QLabel(objectName="pageTitle")
        self.session = QComboBox()
        self.session_label = QLabel()
        self.session_label.setBuddy(self.session)
        self.state = QLabel(objectName="stateBadge")
        self.due = QLabel(objectName="muted")
        self.hash = QLabel(objectName="muted", wordWrap=True)
        self.hash.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice = QLabel(wordWrap=True, objectName="muted")

        self.parts = QListWidget()
        self.parts.setMinimumWidth(self.fontMetrics().averageCharWidth() * 16)
        self.parts_label = QLabel(objectName="sectionTitle", wordWrap=True)
        self.parts_label.setBuddy(self.parts)
        self.header = HeaderForm(context, self)
        self.item_panel = ItemPanel(context, self)
        self.middle = QStackedWidget()
        self.middle.addWidget(_scrolling(self.header))
        self.middle.addWidget(self.item_panel)
        self.preview = Preview(self)
        self.outputs = OutputsPanel(context, self)
        self.side = QTabWidget()
        self.side.addTab(self.preview, "")
        self.side.addTab(_scrolling(self.outputs), "")

        self.preview_action = self._action("mdi6.file-eye-outline", "Ctrl+Shift+P", self.update_preview)
        self.approve_action = self._action("mdi6.check-decagram-outline", "Ctrl+Shift+A", self.approve)
        self.correct_action = self._action("mdi6.file-edit-outline", "Ctrl+Shift+E", self.correct)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toolbar.addActions([self.preview_action, self.approve_action, self.correct_action])

        self.session.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.session.setMinimumContentsLength(24)
        for label in (self.state, self.due):
            label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch(1)
        top.addWidget(self.session_label)
        top.addWidget(self.session, 2)
        status = QHBoxLayout()
        status.addWidget(self.toolbar)
        status.addWidget(self.state)
        status.addWidget(self.due, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.parts_label)
        left_layout.addWidget(self.parts)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.middle)
        split.addWidget(self.side)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 4)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.hash)
        layout.addWidget(self.notice)
        layout.addWidget(split, 1)

        self._connect_signals()
        self.retranslate()
        self._show_nothing()

    def _action(self, icon: str, keys: str, slot: Any) -> QAction:
        action = QAction(qta.icon(icon, color=NAVY), "", self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _connect_signals(self) -> None:
        self.session.activated.connect(self._session_chosen)
        self.parts.currentRowChanged.connect(self._part_chosen)
        self.item_panel.saved.connect(self._text_saved)
        self.item_panel.failed.connect(self._save_failed)
        self.header.saved.connect(lambda _h: self._mark_stale())
        self.header.failed.connect(self._save_failed)
        self.context.actor_changed.connect(self._actor_changed)
        self.context.data_changed.connect(self._data_changed)

    # --- texts ----------------------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("Minutes")

    def tooltip(self) -> str:
        return self.tr("Minutes of a session and its printed outputs")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Minutes"))
        self.session_label.setText(self.tr("&Session:"))
        self.parts_label.setText(self.tr("&Parts of the minutes"))
        self.side.setTabText(0, self.tr("Preview"))
        self.side.setTabText(1, self.tr("Print and save"))
        for action, text, tip in (
            (
                self.preview_action,
                self.tr("&Update preview"),
                self.tr("Render the minutes as they will print"),
            ),
            (
                self.approve_action,
                self.tr("&Approve…"),
                self.tr("Approve and lock the minutes (a secretariat leader)"),
            ),
            (
                self.correct_action,
                self.tr("&Correct…"),
                self.tr("Open approved minutes for a correction, with its reason"),
            ),
        ):
            action.setText(text)
            action.setToolTip(f"{tip} ({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        if self.draft is not None:
            self._show_draft(self.draft)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    # --- loading --------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Load the sessions that have minutes, then the chosen one's draft."""
        actor = self.context.actor
        self._loaded = True
        if actor is None or not actor.can(Permission.MANAGE_SESSIONS):
            self._show_nothing(self.tr("Only the secretariat keeps the minutes."))
            self.session.clear()
            return
        chosen = self.session.currentData()

        def body(s: Any) -> tuple[list[SessionSummary], list[Any]]:
            rows = [r for r in list_sessions(s, actor) if r.state in WITH_MINUTES]
            return rows, list_members(s, {Role.MEMBER})

        self.context.runner.query(body).success(
            lambda result: self._sessions_loaded(*result, chosen)
        ).run_in_background()

    def _sessions_loaded(
        self, rows: list[SessionSummary], people: list[Any], chosen: uuid.UUID | None
    ) -> None:
        self.header.set_members(people)
        self.session.clear()
        for r in rows:
            self.session.addItem(f"{r.title} — {labels.session_state(r.state)}", str(r.id))
        if not rows:
            self._show_nothing(
                self.tr("No session has begun yet: minutes are written from the opening of a session.")
            )
            return
        index = self.session.findData(chosen)
        self.session.setCurrentIndex(max(index, 0))
        self.open_session(uuid.UUID(self.session.currentData()))

    @Slot(object)
    def _actor_changed(self, _actor: object) -> None:
        self._show_nothing()
        self.session.clear()
        if self.isVisible():
            self.refresh()
        else:
            self._loaded = False  # loaded when the page is shown

    @Slot(int)
    def _session_chosen(self, _index: int) -> None:
        self.open_session(uuid.UUID(self.session.currentData()))

    def open_session(self, session_id: uuid.UUID) -> None:
        actor = self.context.actor
        if actor is None:
            return
        self.item_panel.flush()
        self.header.flush()

        def body(s: Any) -> tuple[MinutesDraft, OutputTargets]:
            return minutes_draft(s, actor, session_id), output_targets(s, actor, session_id)

        self.context.runner.query(body).success(
            lambda result: self._draft_loaded(*result)
        ).run_in_background()

    def _draft_loaded(self, draft: MinutesDraft, targets: OutputTargets) -> None:
        keep = self.parts.currentRow()
        same = self.draft is not None and self.draft.session_id == draft.session_id
        self.item_panel.forget()
        self.preview.clear()
        self._show_draft(draft)
        self.outputs.set_session(draft.session_id, targets)
        self.parts.setCurrentRow(keep if same and 0 <= keep < self.parts.count() else 0)
        self._part_chosen(self.parts.currentRow())

    def _show_nothing(self, text: str = "") -> None:
        self.draft = None
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
        self.parts.clear()
        self.preview.clear()
        self.outputs.set_session(None, None)
        for action in (self.preview_action, self.approve_action, self.correct_action):
            action.setEnabled(False)
        self.state.clear()
        self.due.clear()
        self.hash.clear()
        self.middle.setEnabled(False)

    def _show_draft(self, draft: MinutesDraft) -> None:
        self.draft = draft
        self.notice.hide()
        self.middle.setEnabled(True)
        row = self.parts.currentRow()
        self.parts.blockSignals(True)
        self.parts.clear()
        self.parts.addItem(
            QListWidgetItem(
                qta.icon("mdi6.card-text-outline", color=NAVY), self.tr("Session details and attendance")
            )
        )
        for item in draft.items:
            texts = self.item_panel.texts.get((item.item_id, "conclusion"))
            conclusion = texts[0] if texts else item.conclusion
            icon = "mdi6.check-circle-outline" if not richtext.is_empty(conclusion) else "mdi6.circle-outline"
            entry = QListWidgetItem(qta.icon(icon, color=NAVY), f"{item.number}. {item.title}")
            entry.setToolTip(item.title)
            self.parts.addItem(entry)
        self.parts.setCurrentRow(row)
        self.parts.blockSignals(False)
        self.state.setText(self._state_text(draft))
        due = QDate(draft.notice_due.year, draft.notice_due.month, draft.notice_due.day)
        self.due.setText(
            self.tr("Notice of conclusions due by %1").replace(
                "%1", QLocale().toString(due, QLocale.FormatType.ShortFormat)
            )
        )
        if draft.versions:
            last = draft.versions[-1]
            self.hash.setText(
                self.tr("Approved version %1 — SHA-256 %2")
                .replace("%1", str(last.number))
                .replace("%2", last.sha256)
            )
        else:
            self.hash.clear()
        actor = self.context.actor
        leader = actor is not None and actor.role is Role.SECRETARIAT_LEADER
        self.preview_action.setEnabled(True)
        self.approve_action.setEnabled(
            leader
            and not draft.locked
            and (draft.session_state is SessionState.CLOSED or draft.minutes_state is MinutesState.CORRECTING)
        )
        self.correct_action.setEnabled(draft.locked)
        self.header.show_draft(draft, read_only=draft.locked)
        self.item_panel.set_read_only(draft.locked)

    def _state_text(self, draft: MinutesDraft) -> str:
        if draft.minutes_state is MinutesState.APPROVED:
            return self.tr("Approved and locked")
        if draft.minutes_state is MinutesState.CORRECTING:
            return self.tr("Correction: %1").replace("%1", draft.correction_reason)
        return self.tr("Draft")

    @Slot(int)
    def _part_chosen(self, row: int) -> None:
        if self.draft is None or row < 0:
            return
        if row == 0:
            self.item_panel.flush()
            self.middle.setCurrentIndex(0)
            return
        self.header.flush()
        self.item_panel.show_item(self.draft.items[row - 1], read_only=self.draft.locked)
        self.middle.setCurrentWidget(self.item_panel)

    # --- after saves and other writes ---------------------------------------------------------------------

    @Slot(object)
    def _text_saved(self, result: MS.DiscussionText | MS.ConclusionText) -> None:
        self._mark_stale()
        if isinstance(result, MS.ConclusionText) and self.draft is not None:
            for row, item in enumerate(self.draft.items, 1):
                if item.item_id == result.item_id:
                    icon = (
                        "mdi6.check-circle-outline"
                        if not richtext.is_empty(result.text)
                        else "mdi6.circle-outline"
                    )
                    self.parts.item(row).setIcon(qta.icon(icon, color=NAVY))

    def _mark_stale(self) -> None:
        if self.preview.page_count:
            self.preview_action.setText(self.tr("&Update preview") + " •")

    @Slot(object)
    def _save_failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self)
        if self.draft is not None:
            self.open_session(self.draft.session_id)  # someone else changed it: show what is saved now

    @Slot(object)
    def _data_changed(self, source: object) -> None:
        if source in (self.item_panel, self.header, self) or not self.isVisible() or self.draft is None:
            return
        self.open_session(self.draft.session_id)

    # --- actions --------------------------------------------------------------------------------------

    @Slot()
    def update_preview(self) -> None:
        actor, draft = self.context.actor, self.draft
        if actor is None or draft is None:
            return
        self.item_panel.flush()
        self.header.flush()
        blobs = self.context.database.blobs
        session_id = draft.session_id

        def body(s: Any) -> bytes:
            return produce(s, actor, blobs, OutputKind.MINUTES, session_id).data

        self.context.runner.query(body).success(self._preview_ready).run_in_background()

    def _preview_ready(self, data: bytes) -> None:
        self.preview.show_pdf(data)
        self.preview_action.setText(self.tr("&Update preview"))
        self.side.setCurrentIndex(0)

    @Slot()
    def approve(self) -> None:
        actor, draft = self.context.actor, self.draft
        if actor is None or draft is None or not self.approve_action.isEnabled():
            return
        self.item_panel.flush()
        self.header.flush()
        session_id = draft.session_id

        def fetch(s: Any) -> MinutesDraft:
            return minutes_draft(s, actor, session_id)

        def ask(latest: MinutesDraft) -> None:
            missing = sum(1 for i in latest.items if richtext.is_empty(i.conclusion))
            text = self.tr(
                "Approve the minutes of «%1»? They will be locked; a later change needs a correction with its reason."
            ).replace("%1", latest.subject)
            if missing:
                text += "\n\n" + self.tr("%n item(s) have no conclusion.", "", missing)
            if not self.context.prompts.confirm(self, self.tr("Approve the minutes"), text):
                return
            blobs = self.context.database.blobs

            def body(s: Any) -> Any:
                return MS.approve_minutes(s, actor, blobs, session_id, latest.fingerprint)

            self.context.runner.write(actor, body).success(
                lambda _v: self.open_session(session_id)
            ).from_source(self).run_in_background()

        self.context.runner.query(fetch).success(ask).run_in_background()

    @Slot()
    def correct(self) -> None:
        actor, draft = self.context.actor, self.draft
        if actor is None or draft is None or not draft.locked:
            return
        reason = self.context.prompts.ask_text(
            self, self.tr("Correct the minutes"), self.tr("Why are the approved minutes corrected?")
        )
        if not reason:
            return
        session_id = draft.session_id

        def body(s: Any) -> Any:
            return MS.start_correction(s, actor, session_id, reason)

        self.context.runner.write(actor, body).success(lambda _h: self.open_session(session_id)).from_source(
            self
        ).run_in_background()
