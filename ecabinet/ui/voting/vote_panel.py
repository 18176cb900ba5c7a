"""Biểu quyết: the votes on the selected item — open one, record or cast votes, the live tally, close, annul."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import ItemInfo
from ecabinet.model import VoteChoice, VoteState
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import ID_ROLE
from ecabinet.ui.voting import clock, labels
from ecabinet.ui.voting.charts import TallyChart
from ecabinet.ui.voting.common import GREEN, RED, alive, fill_combo, fit_columns, icon, set_action, set_badge
from ecabinet.ui.voting.flow import FlowLayout
from ecabinet.ui.voting.models import V_NAME, VotersModel, voter_rows
from ecabinet.ui.voting.vote_dialogs import OpenVoteDialog, VoteResultDialog
from ecabinet.voting import votes as V
from ecabinet.voting.attendance import AttendanceEntry

CHOICES = (VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN)


class VotePanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.item: ItemInfo | None = None
        self.votes: list[V.VoteInfo] = []
        self.entries: list[AttendanceEntry] = []
        self.runs = False
        self._chosen_vote: uuid.UUID | None = None
        self.open_dialog: OpenVoteDialog | None = None
        self.result_dialog: VoteResultDialog | None = None

        self.history = QComboBox()
        self.history.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.history.setMinimumContentsLength(10)
        self.history_label = QLabel()
        self.history_label.setBuddy(self.history)
        self.motion = QLabel(wordWrap=True)
        self.motion.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3a60;")
        self.motion.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = QLabel(objectName="stateBadge")
        self.state = QLabel(objectName="stateBadge")
        self.facts = QLabel(objectName="muted", wordWrap=True)
        self.decision = QLabel(objectName="voteDecision", wordWrap=True)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tally = QLabel(objectName="voteTally", wordWrap=True)
        self.chart = TallyChart()

        self.voters_label = QLabel()
        self.voters = VotersModel(self)
        self.table = QTableView(objectName="votersTable")
        self.table.setModel(self.voters)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        fit_columns(self.table, V_NAME)
        self.voters_label.setBuddy(self.table)

        # The secretariat records a present member's vote: 1, 2, 3 on the selected row.
        self.record_actions: dict[VoteChoice, QAction] = {}
        record_row = FlowLayout()
        self.record_caption = QLabel()
        record_row.addWidget(self.record_caption)
        self.record_buttons: list[QToolButton] = []
        for n, choice in enumerate(CHOICES, 1):
            action = QAction(self)
            action.setShortcut(QKeySequence(str(n)))
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(lambda _=False, c=choice: self.record(c))
            self.table.addAction(action)
            self.record_actions[choice] = action
            button = QToolButton()
            button.setDefaultAction(action)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            record_row.addWidget(button)
            self.record_buttons.append(button)

        # A member casts their own vote.
        own_row = FlowLayout()
        self.own_caption = QLabel()
        own_row.addWidget(self.own_caption)
        self.cast_buttons: dict[VoteChoice, QPushButton] = {}
        for choice in CHOICES:
            button = QPushButton()
            button.clicked.connect(lambda _=False, c=choice: self.cast(c))
            own_row.addWidget(button)
            self.cast_buttons[choice] = button
        self.own_widgets = [self.own_caption, *self.cast_buttons.values()]

        self.open_action = QAction(icon("mdi6.vote-outline"), "", self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_F8))
        self.close_action = QAction(icon("mdi6.gavel"), "", self)
        self.close_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.annul_action = QAction(icon("mdi6.cancel"), "", self)
        self.annul_action.setShortcut(QKeySequence("Shift+F9"))
        self.result_action = QAction(icon("mdi6.chart-box-outline"), "", self)
        run_row = FlowLayout()
        self.run_buttons: dict[QAction, QToolButton] = {}
        for action in self.run_actions():
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            run_row.addWidget(button)
            self.run_buttons[action] = button

        history_row = QHBoxLayout()
        history_row.addWidget(self.history_label)
        history_row.addWidget(self.history, 1)
        badges = QHBoxLayout()
        badges.addWidget(self.kind)
        badges.addWidget(self.state)
        badges.addWidget(self.facts, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(run_row)
        layout.addLayout(history_row)
        layout.addWidget(self.motion)
        layout.addLayout(badges)
        layout.addWidget(self.decision)
        layout.addWidget(self.tally)
        layout.addLayout(own_row)
        # The tally beside the voters: both stay in view while votes come in.
        voters = QWidget()
        voters_layout = QVBoxLayout(voters)
        voters_layout.setContentsMargins(0, 0, 0, 0)
        voters_layout.addWidget(self.voters_label)
        voters_layout.addWidget(self.table, 1)
        voters_layout.addLayout(record_row)
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(self.chart)
        self.split.addWidget(voters)
        self.split.setChildrenCollapsible(False)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 1)
        self._sized = False
        layout.addWidget(self.split, 1)
        self.setTabOrder(self.history, self.cast_buttons[VoteChoice.FOR])
        self.setTabOrder(self.cast_buttons[VoteChoice.ABSTAIN], self.table)

        self.history.activated.connect(self._vote_chosen)
        self.open_action.triggered.connect(self.start_vote)
        self.close_action.triggered.connect(self.close_vote)
        self.annul_action.triggered.connect(self.annul_vote)
        self.result_action.triggered.connect(self.show_result)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:  # once laid out: a fair share for each side, whatever their size hints
            self._sized = True
            QTimer.singleShot(0, self, self._share_width)

    def _share_width(self) -> None:
        width = self.split.width()
        self.split.setSizes([width * 1 // 2, width - width * 1 // 2])

    def run_actions(self) -> list[QAction]:
        return [self.open_action, self.close_action, self.annul_action, self.result_action]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.history_label.setText(self.tr("Vote &history:"))
        self.history.setToolTip(self.tr("The votes on this item, latest last"))
        self.voters_label.setText(self.tr("&Members present with a vote:"))
        self.table.setToolTip(
            self.tr("Select a member and press 1 For, 2 Against, 3 Abstain to record their vote")
            if self.runs
            else self.tr("Who may vote and who has voted")
        )
        self.record_caption.setText(self.tr("Record:"))
        tips = {
            VoteChoice.FOR: self.tr("Record «For» for the selected member"),
            VoteChoice.AGAINST: self.tr("Record «Against» for the selected member"),
            VoteChoice.ABSTAIN: self.tr("Record «Abstain» for the selected member"),
        }
        for choice, action in self.record_actions.items():
            set_action(action, labels.vote_choice(choice), tips[choice])
        self.own_caption.setText(self.tr("Your vote:"))
        own = {
            VoteChoice.FOR: (self.tr("&For"), self.tr("Vote For the motion")),
            VoteChoice.AGAINST: (self.tr("A&gainst"), self.tr("Vote Against the motion")),
            VoteChoice.ABSTAIN: (self.tr("A&bstain"), self.tr("Abstain")),
        }
        for choice, (text, tip) in own.items():
            self.cast_buttons[choice].setText(text)
            self.cast_buttons[choice].setToolTip(tip)
        set_action(self.open_action, self.tr("&Open vote…"), self.tr("Put a motion on this item to the vote"))
        set_action(self.close_action, self.tr("&Close vote"), self.tr("Close the vote and show its result"))
        set_action(
            self.annul_action,
            self.tr("A&nnul…"),
            self.tr("Annul the vote with a reason, then open its replacement"),
        )
        set_action(self.result_action, self.tr("Show &result"), self.tr("The result of the closed vote"))
        self.chart.set_names(*(labels.vote_choice(c) for c in CHOICES))
        self._show()

    # --- what is shown --------------------------------------------------------------------------------------

    def show_votes(
        self,
        item: ItemInfo | None,
        votes: Sequence[V.VoteInfo],
        entries: Sequence[AttendanceEntry],
        runs: bool,
    ) -> None:
        if item is None or self.item is None or item.id != self.item.id:
            self._chosen_vote = None
        self.item, self.votes, self.entries, self.runs = item, list(votes), list(entries), runs
        self.retranslate()

    def current_vote(self) -> V.VoteInfo | None:
        """The vote chosen in the history; by default the open one, else the latest."""
        chosen = next((v for v in self.votes if v.id == self._chosen_vote), None)
        if chosen is not None:
            return chosen
        open_votes = [v for v in self.votes if v.state is VoteState.OPEN]
        return open_votes[0] if open_votes else self.votes[-1] if self.votes else None

    def _show(self) -> None:
        vote = self.current_vote()
        actor = self.context.actor
        entries = [
            (v.id, f"{formatting.short_time(v.opened_at)} · {v.motion} — {labels.vote_state(v.state)}")
            for v in self.votes
        ]
        fill_combo(self.history, entries, vote.id if vote else None)
        self.history.setEnabled(len(self.votes) > 1)

        is_open = vote is not None and vote.state is VoteState.OPEN
        self.open_action.setEnabled(self.runs and self.item is not None and not is_open)
        self.close_action.setEnabled(self.runs and is_open)
        self.annul_action.setEnabled(self.runs and vote is not None and vote.state is not VoteState.ANNULLED)
        self.result_action.setEnabled(vote is not None and vote.decision is not None)
        for action in (self.open_action, self.close_action, self.annul_action):
            action.setVisible(self.runs)
            self.run_buttons[action].setVisible(self.runs)
        for action in self.record_actions.values():
            action.setEnabled(self.runs and is_open)
            action.setVisible(self.runs)
        for widget in (self.record_caption, *self.record_buttons):
            widget.setVisible(self.runs)

        voter = actor is not None and actor.has_vote
        mine = (
            vote is not None and actor is not None and any(c.member_id == actor.member_id for c in vote.casts)
        )
        for widget in self.own_widgets:
            widget.setVisible(voter)
        for button in self.cast_buttons.values():
            button.setEnabled(voter and is_open and not mine)

        rows = voter_rows(self.entries, vote.casts if vote else (), lambda e: e.counts_for_quorum)
        current = self.table.currentIndex().data(ID_ROLE)
        self.voters.set_rows(rows if vote is not None else [])
        row = self.voters.row_of(current)
        if row < 0:
            row = next((n for n, r in enumerate(self.voters.rows()) if r.cast is None), 0)
        if self.voters.rowCount():
            self.table.setCurrentIndex(self.voters.index(row, V_NAME))

        if vote is None:
            self.motion.setText(
                self.tr("No vote on this item yet.") if self.item else self.tr("Choose an agenda item.")
            )
            for badge in (self.kind, self.state):
                set_badge(badge, "", "")
            self.facts.clear()
            self.decision.clear()
            self.tally.clear()
            self.chart.set_tallies([], [])
            self.chart.setVisible(False)
            self.own_caption.setText(self.tr("Your vote:"))
            return
        self.motion.setText(vote.motion)
        set_badge(self.kind, labels.vote_kind(vote.secret), "closed" if vote.secret else "published")
        badge = {VoteState.OPEN: "in_progress", VoteState.CLOSED: "closed", VoteState.ANNULLED: "draft"}
        set_badge(self.state, labels.vote_state(vote.state), badge[vote.state])
        facts = [
            self.tr("opened by {name} at {time}").format(
                name=vote.opened_by, time=formatting.short_time(vote.opened_at)
            )
        ]
        if vote.replaces_vote_id is not None:
            facts.append(self.tr("replaces an annulled vote"))
        if vote.state is VoteState.ANNULLED:
            facts.append(self.tr("annulled: {reason}").format(reason=vote.annul_reason))
        self.facts.setText(" · ".join(facts))
        lang = self.context.language
        if vote.decision is not None:
            colour = GREEN if vote.decision.passed else RED
            self.decision.setText(vote.decision.text(lang))
            self.decision.setStyleSheet(f"font-weight: bold; color: {colour};")
        else:
            self.decision.clear()
        self.decision.setVisible(vote.decision is not None)
        took_part = self.tr("{voted} of {eligible} members have voted").format(
            voted=vote.participant_count, eligible=vote.eligible_count
        )
        if vote.counts is None:
            if vote.state is VoteState.OPEN:
                self.tally.setText(
                    self.tr("Secret vote: the counts are shown once the vote is closed.")
                    + " "
                    + took_part
                    + "."
                )
            else:
                self.tally.setText(self.tr("The vote was annulled before it closed; it has no counts."))
            self.chart.set_tallies([], [])
            self.chart.setVisible(False)
        else:
            c = vote.counts
            parts = [
                f"{labels.vote_choice(ch)} {n}" for ch, n in zip(CHOICES, (c.yes, c.no, c.other), strict=True)
            ]
            self.tally.setText(" · ".join(parts) + " — " + took_part)
            self.chart.setVisible(True)
            self.chart.set_tallies([self.tr("Votes")], [c], maximum=vote.eligible_count)
        if mine:
            self.own_caption.setText(self.tr("You have voted."))
        elif is_open:
            self.own_caption.setText(self.tr("Your vote:"))
        else:
            self.own_caption.setText(self.tr("Your vote (the vote is not open):"))

    @Slot(int)
    def _vote_chosen(self, row: int) -> None:
        self._chosen_vote = self.history.itemData(row)
        self._show()

    # --- writes ------------------------------------------------------------------------------------------

    def _write(
        self, body: Callable[[Any], Any], done: Callable[[Any], None] | None = None, parent=None
    ) -> None:
        actor = self.context.actor
        if actor is None:
            return
        operation = self.context.runner.write(actor, body).failure(
            lambda exc: self.context.show_error(exc, parent or self)
        )
        if done is not None:
            operation.success(alive(self, done))
        operation.run_in_background()

    @Slot()
    def start_vote(self, motion: str = "", secret: bool = False, replaces: V.VoteInfo | None = None) -> None:
        if self.item is None or not self.runs:
            return
        dialog = OpenVoteDialog(self.item, motion, secret, replaces, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.submitted.connect(lambda text, is_secret: self._open(dialog, text, is_secret))
        dialog.finished.connect(lambda _r: setattr(self, "open_dialog", None))
        self.open_dialog = dialog
        dialog.open()

    def _open(self, dialog: OpenVoteDialog, motion: str, secret: bool) -> None:
        actor, item_id, replaces, now = self.context.actor, self.item.id, dialog.replaces_vote_id, clock.now()

        def opened(vote: V.VoteInfo) -> None:
            self._chosen_vote = vote.id
            dialog.accept()

        self._write(
            lambda s: V.open_vote(
                s, actor, item_id, motion, secret=secret, replaces_vote_id=replaces, now=now
            ),
            opened,
            dialog,
        )

    def cast(self, choice: VoteChoice) -> None:
        """The acting member's own vote: asked once more, as it cannot be changed."""
        vote, actor = self.current_vote(), self.context.actor
        if vote is None or actor is None:
            return
        if not self.context.prompts.confirm(
            self,
            self.tr("Cast your vote"),
            self.tr("Vote «{choice}» on «{motion}»? A vote cannot be changed.").format(
                choice=labels.vote_choice(choice), motion=vote.motion
            ),
        ):
            return
        vote_id, now = vote.id, clock.now()
        self._write(lambda s: V.cast_vote(s, actor, vote_id, choice, now=now))

    def record(self, choice: VoteChoice) -> None:
        """The secretariat records the selected member's vote (a secret one is not kept here either)."""
        vote, actor, index = self.current_vote(), self.context.actor, self.table.currentIndex()
        if vote is None or actor is None or not index.isValid():
            return
        member_id, vote_id, now = self.voters.row_data(index.row()).member_id, vote.id, clock.now()
        self._write(
            lambda s: V.cast_vote(s, actor, vote_id, choice, member_id=member_id, now=now), self._recorded
        )

    def _recorded(self, _receipt: V.CastReceipt) -> None:
        # The next member without a vote becomes current when the reload shows the new cast.
        self.table.setCurrentIndex(QModelIndex())

    @Slot()
    def close_vote(self) -> None:
        vote = self.current_vote()
        if vote is None or vote.state is not VoteState.OPEN:
            return
        if not self.context.prompts.confirm(
            self,
            self.tr("Close the vote"),
            self.tr("Close the vote on «{motion}»? {voted} of {eligible} members have voted.").format(
                motion=vote.motion, voted=vote.participant_count, eligible=vote.eligible_count
            ),
        ):
            return
        actor, vote_id, now = self.context.actor, vote.id, clock.now()
        self._write(lambda s: V.close_vote(s, actor, vote_id, now=now), self._show_result_of)

    @Slot()
    def annul_vote(self) -> None:
        vote = self.current_vote()
        if vote is None:
            return
        reason = self.context.prompts.ask_text(
            self,
            self.tr("Annul the vote"),
            self.tr("Why is the vote on «{motion}» annulled? A replacement vote can be opened next.").format(
                motion=vote.motion
            ),
        )
        if reason is None:
            return
        actor, vote_id, now = self.context.actor, vote.id, clock.now()
        self._write(lambda s: V.annul_vote(s, actor, vote_id, reason, now=now), self._annulled)

    def _annulled(self, vote: V.VoteInfo) -> None:
        self.start_vote(vote.motion, vote.secret, vote)

    @Slot()
    def show_result(self) -> None:
        vote = self.current_vote()
        if vote is not None and vote.decision is not None:
            self._show_result_of(vote)

    def _show_result_of(self, vote: V.VoteInfo) -> None:
        if self.result_dialog is not None:
            self.result_dialog.close()
        dialog = VoteResultDialog(vote, self.context.language, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "result_dialog", None))
        self.result_dialog = dialog
        dialog.open()
