"""Điểm danh: the attendance sheet of a session, marked from the keyboard (P, A, R, L on the selected rows)."""

from __future__ import annotations

import uuid
from collections import Counter

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.model import AttendanceStatus
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import clock
from ecabinet.ui.voting.common import alive, fit_columns, icon, set_action
from ecabinet.ui.voting.flow import FlowLayout
from ecabinet.ui.voting.models import A_NAME, A_NOTE, AttendanceModel
from ecabinet.voting.attendance import AttendanceSheet, record_attendance, record_departure


class AttendancePanel(QWidget):
    """Marks go to the service with the current time; the sheet shown is always the service's answer."""

    marked = Signal()  # a mark was recorded (the live view reloads on data_changed anyway)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: uuid.UUID | None = None
        self.runs = False

        self.heading = QLabel(objectName="sectionTitle")
        self.model = AttendanceModel(self)
        self.table = QTableView(objectName="attendanceTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        fit_columns(self.table, A_NOTE)
        self.heading.setBuddy(self.table)

        self.present_action = QAction(icon("mdi6.account-check-outline"), "", self)
        self.present_action.setShortcut(QKeySequence(Qt.Key.Key_P))
        self.absent_action = QAction(icon("mdi6.account-remove-outline"), "", self)
        self.absent_action.setShortcut(QKeySequence(Qt.Key.Key_A))
        self.represented_action = QAction(icon("mdi6.account-tie-voice-outline"), "", self)
        self.represented_action.setShortcut(QKeySequence(Qt.Key.Key_R))
        self.left_action = QAction(icon("mdi6.account-arrow-left-outline"), "", self)
        self.left_action.setShortcut(QKeySequence(Qt.Key.Key_L))
        buttons = FlowLayout()
        self.buttons: list[QToolButton] = []
        for action in self.mark_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # letters: only on the sheet
            self.table.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys work on the sheet; Tab skips these
            buttons.addWidget(button)
            self.buttons.append(button)
        self.hint = QLabel(objectName="muted", wordWrap=True)
        self.counts = QLabel(objectName="muted", wordWrap=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addWidget(self.hint)
        self.present_action.triggered.connect(lambda: self.mark(AttendanceStatus.PRESENT))
        self.absent_action.triggered.connect(lambda: self.mark(AttendanceStatus.ABSENT))
        self.represented_action.triggered.connect(lambda: self.mark(AttendanceStatus.REPRESENTED))
        self.left_action.triggered.connect(self.mark_left)
        self.retranslate()
        self.set_runs(False)

    def mark_actions(self) -> list[QAction]:
        return [self.present_action, self.absent_action, self.represented_action, self.left_action]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("A&ttendance"))
        set_action(self.present_action, self.tr("Present"), self.tr("Mark present: arrived now"))
        set_action(self.absent_action, self.tr("Absent…"), self.tr("Mark absent, with the reason"))
        set_action(
            self.represented_action,
            self.tr("Represented…"),
            self.tr("A deputy attends in the member's place (does not vote or count for the quorum)"),
        )
        set_action(self.left_action, self.tr("Left"), self.tr("Left the room now"))
        self.table.setToolTip(
            self.tr(
                "P present · A absent · R represented by a deputy · L left the room (on the selected rows)"
            )
        )
        self.hint.setText(
            self.tr("Keys: P present · A absent · R represented · L left")
            if self.runs
            else self.tr("The secretariat and the chair keep the attendance.")
        )
        self.model.retranslate()

    def set_runs(self, runs: bool) -> None:
        """Whether the acting user keeps the attendance: the controls are shown only to them."""
        self.runs = runs
        for action in self.mark_actions():
            action.setEnabled(runs)
            action.setVisible(runs)
        for button in self.buttons:
            button.setVisible(runs)
        self.retranslate()

    def show_sheet(self, session_id: uuid.UUID | None, sheet: AttendanceSheet | None) -> None:
        changed = session_id != self.session_id
        self.session_id = session_id
        self.model.set_rows(sheet.entries if sheet else [])
        if (changed or not self.table.currentIndex().isValid()) and self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, A_NAME))
        entries = sheet.entries if sheet else ()
        tally = Counter(e.status for e in entries)
        in_room = sum(1 for e in entries if e.in_room)
        self.counts.setText(
            self.tr(
                "{invited} invited · {here} in the room · {absent} absent · {represented} represented · "
                "{unknown} not recorded"
            ).format(
                invited=len(entries),
                here=in_room,
                absent=tally[AttendanceStatus.ABSENT],
                represented=tally[AttendanceStatus.REPRESENTED],
                unknown=tally[None],
            )
        )

    # --- marking -----------------------------------------------------------------------------------------

    def _chosen(self) -> list[uuid.UUID]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.row_data(r).member_id for r in rows]

    def _names(self, members: list[uuid.UUID]) -> str:
        return ", ".join(self.model.row_data(self.model.row_of(m)).name for m in members)

    def mark(self, status: AttendanceStatus) -> None:
        members = self._chosen()
        actor, session_id = self.context.actor, self.session_id
        if not members or actor is None or session_id is None:
            return
        reason = deputy = ""
        if status is AttendanceStatus.ABSENT:
            answer = self.context.prompts.ask_text(
                self,
                self.tr("Absent"),
                self.tr("Reason for the absence of {names}:").format(names=self._names(members)),
            )
            if answer is None:
                return
            reason = answer
        elif status is AttendanceStatus.REPRESENTED:
            answer = self.context.prompts.ask_text(
                self,
                self.tr("Represented by a deputy"),
                self.tr("Full name and title of the deputy attending for {names}:").format(
                    names=self._names(members)
                ),
            )
            if answer is None:
                return
            deputy = answer
        now = clock.now()

        def body(s):
            return [
                record_attendance(s, actor, session_id, m, status, reason, deputy, now=now) for m in members
            ]

        self._write(body, len(members))

    @Slot()
    def mark_left(self) -> None:
        members = self._chosen()
        actor, session_id = self.context.actor, self.session_id
        if not members or actor is None or session_id is None:
            return
        now = clock.now()
        self._write(
            lambda s: [record_departure(s, actor, session_id, m, now=now) for m in members], len(members)
        )

    def _write(self, body, count: int) -> None:
        row = self.table.currentIndex().row()
        self.context.runner.write(self.context.actor, body).success(
            alive(self, lambda _entries: self._marked(row, count))
        ).failure(lambda exc: self.context.show_error(exc, self)).run_in_background()

    def _marked(self, row: int, count: int) -> None:
        # A roll call: after marking one person the next one is selected, so P P P … goes down the sheet.
        if count == 1 and 0 <= row < self.model.rowCount() - 1:
            self.table.setCurrentIndex(self.model.index(row + 1, A_NAME))
        self.marked.emit()
