"""The two dialogs of a vote: putting a motion to the vote, and its result with the rule and the numbers."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import ItemInfo
from ecabinet.model import VoteChoice, VoteState
from ecabinet.ui import formatting
from ecabinet.ui.voting import labels
from ecabinet.ui.voting.charts import TallyChart
from ecabinet.ui.voting.common import GREEN, RED
from ecabinet.voting.rules import Tally, majority_rule
from ecabinet.voting.votes import VoteInfo


class OpenVoteDialog(QDialog):
    """Đưa ra biểu quyết: the motion's text and whether the vote is named or secret."""

    submitted = Signal(str, bool)  # motion, secret

    def __init__(
        self,
        item: ItemInfo,
        motion: str = "",
        secret: bool = False,
        replaces: VoteInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("openVoteDialog")
        self.item = item
        self.replaces_vote_id: uuid.UUID | None = replaces.id if replaces else None
        self._replaces = replaces
        self.item_label = QLabel(wordWrap=True)
        self.motion = QPlainTextEdit()
        self.motion.setTabChangesFocus(True)
        self.motion.setFixedHeight(self.fontMetrics().lineSpacing() * 5)
        self.motion.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self._default_motion = motion
        self.open_vote = QRadioButton()
        self.secret_vote = QRadioButton()
        self.kind = QButtonGroup(self)
        self.kind.addButton(self.open_vote)
        self.kind.addButton(self.secret_vote)
        (self.secret_vote if secret else self.open_vote).setChecked(True)
        self.note = QLabel(objectName="muted", wordWrap=True)
        self.captions = {"item": QLabel(), "motion": QLabel(), "kind": QLabel()}
        self.captions["motion"].setBuddy(self.motion)
        self.captions["kind"].setBuddy(self.open_vote)
        kinds = QVBoxLayout()
        kinds.addWidget(self.open_vote)
        kinds.addWidget(self.secret_vote)
        form = QFormLayout()
        form.addRow(self.captions["item"], self.item_label)
        form.addRow(self.captions["motion"], self.motion)
        form.addRow(self.captions["kind"], kinds)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setDefault(True)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.motion.setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Replacement vote") if self._replaces else self.tr("Open a vote"))
        self.captions["item"].setText(self.tr("Agenda item:"))
        self.captions["motion"].setText(self.tr("&Motion:"))
        self.captions["kind"].setText(self.tr("Kind:"))
        self.item_label.setText(f"{self.item.number}. {self.item.title}")
        if not self.motion.toPlainText():
            self.motion.setPlainText(
                self._default_motion or self.tr("Approve: {title}").format(title=self.item.title)
            )
        self.motion.setToolTip(self.tr("What the members vote For, Against or Abstain on"))
        self.open_vote.setText(self.tr("&Open vote: each member's choice is recorded"))
        self.secret_vote.setText(self.tr("&Secret vote: only who took part is recorded"))
        notes = [
            self.tr(
                "The members in the room with a voting right when the vote opens may vote; the quorum is "
                "checked now."
            )
        ]
        if self._replaces is not None:
            notes.append(
                self.tr("It replaces the annulled vote «{motion}» ({reason}).").format(
                    motion=self._replaces.motion, reason=self._replaces.annul_reason
                )
            )
        self.note.setText(" ".join(notes))
        self.ok.setText(self.tr("Open &the vote"))
        self.ok.setToolTip(self.tr("Put the motion to the vote (Enter in a field other than the motion)"))
        self.cancel.setText(self.tr("Cancel"))

    def secret(self) -> bool:
        return self.secret_vote.isChecked()

    @Slot()
    def _submit(self) -> None:
        self.submitted.emit(self.motion.toPlainText().strip(), self.secret())


class VoteResultDialog(QDialog):
    """Kết quả biểu quyết: the decision in the rule's own words, the threshold and every number behind it."""

    def __init__(self, vote: VoteInfo, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteResultDialog")
        self.vote = vote
        self.language = language
        self.motion = QLabel(wordWrap=True)
        self.motion.setStyleSheet("font-size: 12pt; font-weight: bold; color: #1f3a60;")
        self.facts = QLabel(objectName="muted", wordWrap=True)
        self.decision = QLabel(objectName="voteDecision", wordWrap=True)
        self.decision.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        form = QFormLayout()
        for name in ("rule", "threshold", "for", "against", "abstain", "not_voted", "eligible", "quorum"):
            value = QLabel(wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.rows[name] = (QLabel(), value)
            form.addRow(*self.rows[name])
        self.chart = TallyChart()
        self.buttons = QDialogButtonBox()
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.motion)
        layout.addWidget(self.facts)
        layout.addWidget(self.decision)
        layout.addLayout(form)
        layout.addWidget(self.chart, 1)
        layout.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        metrics = self.fontMetrics()
        self.setMinimumSize(metrics.averageCharWidth() * 100, metrics.height() * 38)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def text(self) -> str:
        """The decision as the service worded it, e.g. "Thông qua: 15 tán thành / 25 thành viên (…)"."""
        return self.decision.text()

    def retranslate(self) -> None:
        v, lang = self.vote, self.language
        self.setWindowTitle(self.tr("Vote result"))
        self.motion.setText(v.motion)
        facts = [f"{v.item_title}", labels.vote_kind(v.secret), labels.vote_state(v.state)]
        if v.closed_at is not None:
            facts.append(self.tr("closed at {time}").format(time=formatting.short_datetime(v.closed_at)))
        self.facts.setText(" · ".join(facts))
        captions = {
            "rule": self.tr("Rule:"),
            "threshold": self.tr("Needed to pass:"),
            "for": labels.vote_choice(VoteChoice.FOR) + ":",
            "against": labels.vote_choice(VoteChoice.AGAINST) + ":",
            "abstain": labels.vote_choice(VoteChoice.ABSTAIN) + ":",
            "not_voted": self.tr("Did not vote:"),
            "eligible": self.tr("Members in the room when the vote opened:"),
            "quorum": self.tr("Quorum:"),
        }
        for name, text in captions.items():
            self.rows[name][0].setText(text)
        d = v.decision
        counts = v.counts or Tally()
        if d is None:
            self.decision.setText(self.tr("No result: the vote was annulled before it closed."))
            self.decision.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {RED};")
        else:
            self.decision.setText(d.text(lang))
            colour = GREEN if d.passed else RED
            self.decision.setStyleSheet(f"font-size: 13pt; font-weight: bold; color: {colour};")
        rule = majority_rule(d.rule) if d else None
        self.rows["rule"][1].setText(f"{rule.describe(lang)} ({rule.name})" if rule else "—")
        self.rows["threshold"][1].setText(
            self.tr("{threshold} of a base of {base}").format(threshold=d.threshold, base=d.base_count)
            if d
            else "—"
        )
        self.rows["for"][1].setText(str(counts.yes))
        self.rows["against"][1].setText(str(counts.no))
        self.rows["abstain"][1].setText(str(counts.other))
        self.rows["not_voted"][1].setText(str(max(0, v.eligible_count - counts.total)))
        self.rows["eligible"][1].setText(str(v.eligible_count))
        self.rows["quorum"][1].setText(v.quorum.text(lang) if v.quorum else "—")
        if v.state is VoteState.ANNULLED and v.annul_reason:
            self.facts.setText(
                self.facts.text() + " · " + self.tr("annulled: {reason}").format(reason=v.annul_reason)
            )
        self.chart.set_names(*(labels.vote_choice(c) for c in VoteChoice))
        self.chart.set_tallies([v.motion[:40]], [counts], maximum=v.eligible_count)
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setToolTip(self.tr("Close the result (Esc)"))
