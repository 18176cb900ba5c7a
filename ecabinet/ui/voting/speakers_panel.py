"""Đăng ký phát biểu: an item's queue of speakers — add, reorder (drag or Ctrl+Up/Down), give and end the floor."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.model import SpeakingState
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.voting import clock, labels
from ecabinet.ui.voting.common import fill_combo, fit_columns, icon, set_action
from ecabinet.ui.voting.flow import FlowLayout
from ecabinet.ui.voting.models import S_NAME, SpeakersModel
from ecabinet.voting import speaking as SP

TICK_MS = 1000


class SpeakersPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item_id: uuid.UUID | None = None
        self.runs = False

        self.now_speaking = QLabel(objectName="nowSpeaking")
        self.now_speaking.setStyleSheet("font-size: 13pt; font-weight: bold; color: #1f3a60;")
        self.model = SpeakersModel(self)
        self.table = QTableView(objectName="speakersTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setDragDropOverwriteMode(False)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.table.setDropIndicatorShown(True)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        fit_columns(self.table, S_NAME)
        self.queue_label = QLabel()
        self.queue_label.setBuddy(self.table)

        self.person = QComboBox()
        self.person.setMinimumContentsLength(10)
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person_label = QLabel()
        self.person_label.setBuddy(self.person)

        self.add_action = QAction(icon("mdi6.account-plus-outline"), "", self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.withdraw_action = QAction(icon("mdi6.hand-back-right-outline"), "", self)
        self.withdraw_action.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        self.withdraw_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.up_action = QAction(icon("mdi6.arrow-up"), "", self)
        self.up_action.setShortcut(QKeySequence("Ctrl+Up"))
        self.up_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.down_action = QAction(icon("mdi6.arrow-down"), "", self)
        self.down_action.setShortcut(QKeySequence("Ctrl+Down"))
        self.down_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.start_action = QAction(icon("mdi6.microphone-outline"), "", self)
        self.start_action.setShortcut(QKeySequence(Qt.Key.Key_F6))
        self.start_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.stop_action = QAction(icon("mdi6.microphone-off"), "", self)
        self.stop_action.setShortcut(QKeySequence(Qt.Key.Key_F7))
        self.stop_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.add_action)
        for action in (self.start_action, self.stop_action):
            self.addAction(action)
        for action in (self.up_action, self.down_action, self.withdraw_action, self.start_action):
            self.table.addAction(action)

        self.buttons: dict[QAction, QToolButton] = {}
        for action in self.all_actions():
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            self.buttons[action] = button
        add_row = QHBoxLayout()
        add_row.addWidget(self.person_label)
        add_row.addWidget(self.person, 1)
        add_row.addWidget(self.buttons[self.add_action])
        floor_row = FlowLayout()
        for action in (self.start_action, self.stop_action, self.up_action, self.down_action):
            floor_row.addWidget(self.buttons[action])
        floor_row.addWidget(self.buttons[self.withdraw_action])

        layout = QVBoxLayout(self)
        layout.addWidget(self.now_speaking)
        layout.addLayout(floor_row)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        self.setTabOrder(self.table, self.person)

        self.timer = QTimer(self, interval=TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.add_action.triggered.connect(self.add_request)
        self.withdraw_action.triggered.connect(self.withdraw)
        self.up_action.triggered.connect(lambda: self.move(-1))
        self.down_action.triggered.connect(lambda: self.move(+1))
        self.start_action.triggered.connect(self.start)
        self.stop_action.triggered.connect(self.stop)
        self.model.reorder_requested.connect(self.reorder)
        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        self.retranslate()
        self.set_runs(False)

    def all_actions(self) -> list[QAction]:
        return [
            self.add_action,
            self.withdraw_action,
            self.up_action,
            self.down_action,
            self.start_action,
            self.stop_action,
        ]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.queue_label.setText(self.tr("&Queue of speakers:"))
        self.table.setToolTip(
            self.tr(
                "Ctrl+Up / Ctrl+Down or drag to reorder the waiting; F6 gives the floor, F7 ends the turn"
            )
            if self.runs
            else self.tr("Who speaks now and who waits, in the chair's order")
        )
        self.person_label.setText(self.tr("&Person:"))
        self.person.setToolTip(self.tr("Someone invited to the session, to add to the queue"))
        if self.runs:
            set_action(
                self.add_action, self.tr("&Add to queue"), self.tr("Add the person chosen to the queue")
            )
        else:
            set_action(self.add_action, self.tr("&Ask to speak"), self.tr("Ask to speak on this item"))
        set_action(
            self.withdraw_action, self.tr("&Withdraw"), self.tr("Withdraw the selected waiting request")
        )
        set_action(self.up_action, self.tr("Move &up"), self.tr("Move the selected request up the queue"))
        set_action(
            self.down_action, self.tr("Move &down"), self.tr("Move the selected request down the queue")
        )
        set_action(
            self.start_action, self.tr("&Give the floor"), self.tr("The selected person starts speaking")
        )
        set_action(self.stop_action, self.tr("&End turn"), self.tr("Whoever speaks stops; the time is kept"))
        self.model.retranslate()
        self._tick()

    def set_runs(self, runs: bool) -> None:
        """Only the secretariat and the chair order the queue; anyone invited may ask to speak themselves."""
        self.runs = runs
        for action in (self.up_action, self.down_action, self.start_action, self.stop_action):
            action.setVisible(runs)
            self.buttons[action].setVisible(runs)
        for widget in (self.person, self.person_label):
            widget.setVisible(runs)
        mode = (
            QAbstractItemView.DragDropMode.InternalMove if runs else QAbstractItemView.DragDropMode.NoDragDrop
        )
        self.table.setDragDropMode(mode)
        self.retranslate()
        self._update_actions()

    def set_people(self, people: Sequence[tuple[uuid.UUID, str]]) -> None:
        """Who can be added: the people invited to the session."""
        fill_combo(self.person, people, self.person.currentData())

    def show_queue(self, item_id: uuid.UUID | None, entries: Sequence[SP.SpeakingEntry]) -> None:
        current = self.table.currentIndex().data(ID_ROLE)
        self.item_id = item_id
        self.model.set_rows(entries)
        row = self.model.row_of(current)
        if row < 0:
            waiting = self.model.waiting()
            row = self.model.row_of(waiting[0].id) if waiting else 0 if entries else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, S_NAME))
        self.setEnabled(item_id is not None)
        self._tick()
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._tick()

    def hideEvent(self, event: QHideEvent) -> None:
        self.timer.stop()
        super().hideEvent(event)

    @Slot()
    def _tick(self) -> None:
        """Once a second while someone speaks: their time, counted from when they were given the floor."""
        speaker = self.model.speaking()
        if speaker is None:
            self.timer.stop()
            self.now_speaking.setText(self.tr("No one is speaking"))
            return
        if self.isVisible() and not self.timer.isActive():
            self.timer.start()
        elapsed = speaker.seconds_used
        if speaker.started_at is not None:
            elapsed += int((clock.now() - speaker.started_at).total_seconds())
        self.now_speaking.setText(
            self.tr("Speaking: {name} — {time}").format(name=speaker.name, time=labels.duration(elapsed))
        )
        self.model.tick()

    def _selected(self) -> SP.SpeakingEntry | None:
        index = self.table.currentIndex()
        return self.model.row_data(index.row()) if index.isValid() else None

    @Slot()
    def _update_actions(self, *_: object) -> None:
        chosen = self._selected()
        waiting = chosen is not None and chosen.state is SpeakingState.WAITING
        self.withdraw_action.setEnabled(waiting)
        self.up_action.setEnabled(waiting and self.runs)
        self.down_action.setEnabled(waiting and self.runs)
        self.start_action.setEnabled(self.runs and bool(self.model.waiting()))
        self.stop_action.setEnabled(self.runs and self.model.speaking() is not None)
        self.add_action.setEnabled(self.item_id is not None)

    # --- writes ----------------------------------------------------------------------------------------------

    def _write(self, body: Callable[[Any], Any]) -> None:
        actor = self.context.actor
        if actor is None or self.item_id is None:
            return
        self.context.runner.write(actor, body).failure(
            lambda exc: self.context.show_error(exc, self)
        ).run_in_background()

    @Slot()
    def add_request(self) -> None:
        actor, item_id = self.context.actor, self.item_id
        if actor is None or item_id is None:
            return
        member_id = self.person.currentData() if self.runs else None
        if self.runs and member_id is None:
            return
        self._write(lambda s: SP.request_to_speak(s, actor, item_id, member_id))

    @Slot()
    def withdraw(self) -> None:
        actor, chosen = self.context.actor, self._selected()
        if chosen is not None:
            self._write(lambda s: SP.withdraw_request(s, actor, chosen.id))

    def move(self, step: int) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        order = self.model.order_after_move(chosen.id, step)
        if order is not None:
            self.reorder(order)

    @Slot(list)
    def reorder(self, order: list[uuid.UUID]) -> None:
        actor, item_id = self.context.actor, self.item_id
        self._write(lambda s: SP.reorder_queue(s, actor, item_id, order))

    @Slot()
    def start(self) -> None:
        actor = self.context.actor
        chosen = self._selected()
        if chosen is None or chosen.state is not SpeakingState.WAITING:
            waiting = self.model.waiting()
            chosen = waiting[0] if waiting else None
        if chosen is None:
            return
        now = clock.now()
        self._write(lambda s: SP.start_speaking(s, actor, chosen.id, now=now))

    @Slot()
    def stop(self) -> None:
        actor, speaker = self.context.actor, self.model.speaking()
        if speaker is None:
            return
        now = clock.now()
        self._write(lambda s: SP.stop_speaking(s, actor, speaker.id, now=now))
