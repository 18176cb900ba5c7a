"""A member's answers to one ballot: per question Đồng ý / Không đồng ý / Ý kiến khác and a comment.

The service decides whether an answer is taken (the deadline, the comment required with the last two
choices); the form shows the same requirements beforehand so nobody is surprised, and shows the refusal if
it comes anyway.
"""

from __future__ import annotations

import html
import uuid

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.model import BallotState, OpinionChoice
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import clock, labels
from ecabinet.ui.voting.common import RED, plain_scroll, set_action, set_badge
from ecabinet.voting.ballots import AnswerInfo, BallotDetail, QuestionInfo, answer_ballot

CHOICES = (OpinionChoice.AGREE, OpinionChoice.DISAGREE, OpinionChoice.OTHER)


class QuestionBox(QGroupBox):
    """One question: three exclusive choices (arrow keys move between them) and a comment."""

    changed = Signal()

    def __init__(self, question: QuestionInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.text = QLabel(wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.group = QButtonGroup(self)
        self.radios = {choice: QRadioButton() for choice in CHOICES}
        row = QHBoxLayout()
        for n, radio in enumerate(self.radios.values()):
            self.group.addButton(radio, n)
            row.addWidget(radio)
        row.addStretch(1)
        self.comment_label = QLabel()
        self.comment = QPlainTextEdit()
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.comment_label.setBuddy(self.comment)
        self.required = QLabel(objectName="commentRequired")
        self.required.setStyleSheet(f"color: {RED}; font-weight: bold;")
        comment_row = QHBoxLayout()
        comment_row.addWidget(self.comment_label)
        comment_row.addStretch(1)
        comment_row.addWidget(self.required)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addLayout(comment_row)
        layout.addWidget(self.comment)
        self.group.idToggled.connect(self._toggled)
        self.comment.textChanged.connect(self._edited)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Question {number}").format(number=self.question.number))
        self.text.setText(self.question.text)
        for choice, radio in self.radios.items():
            radio.setText(labels.opinion_choice(choice))
            radio.setToolTip(self.tr("The arrow keys move between the three answers"))
        self.comment_label.setText(self.tr("Comment:"))
        self.comment.setToolTip(self.tr("Required with Disagree and Other opinion"))
        self._show_required()

    def choice(self) -> OpinionChoice | None:
        checked = self.group.checkedId()
        return CHOICES[checked] if checked >= 0 else None

    def set_answer(self, answer: AnswerInfo | None) -> None:
        self.group.blockSignals(True)
        self.comment.blockSignals(True)
        self.group.setExclusive(False)
        for radio in self.radios.values():
            radio.setChecked(False)
        self.group.setExclusive(True)
        if answer is not None:
            self.radios[answer.choice].setChecked(True)
        self.comment.setPlainText(answer.comment if answer else "")
        self.group.blockSignals(False)
        self.comment.blockSignals(False)
        self._show_required()

    def choose(self, choice: OpinionChoice) -> None:
        self.radios[choice].setChecked(True)

    def comment_needed(self) -> bool:
        """Shown beside the comment; the service enforces it (Ý kiến khác and Không đồng ý need a reason)."""
        choice = self.choice()
        return (
            choice is not None
            and choice is not OpinionChoice.AGREE
            and not self.comment.toPlainText().strip()
        )

    def _show_required(self) -> None:
        choice = self.choice()
        if choice is None or choice is OpinionChoice.AGREE:
            self.required.setText(self.tr("optional"))
            self.required.setStyleSheet("color: #5b6475;")
        else:
            self.required.setText(self.tr("required") if self.comment_needed() else self.tr("given"))
            self.required.setStyleSheet(
                f"color: {RED if self.comment_needed() else '#1e6b3a'}; font-weight: bold;"
            )

    @Slot(int, bool)
    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self._show_required()
            self.changed.emit()

    @Slot()
    def _edited(self) -> None:
        self._show_required()
        self.changed.emit()


class AnswerForm(QWidget):
    """The acting member's form for one sent ballot; `dirty` while there are changes not yet sent."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerForm")
        self.context = context
        self.detail: BallotDetail | None = None
        self.boxes: list[QuestionBox] = []
        self.dirty = False

        self.title = QLabel(objectName="sessionTitle", wordWrap=True)
        self.state = QLabel(objectName="stateBadge")
        self.flag = QLabel(objectName="stateBadge")
        self.facts = QLabel(objectName="muted", wordWrap=True)
        self.documents = QLabel(wordWrap=True)
        self.documents.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(objectName="answerMessage", wordWrap=True)
        self.questions = QWidget()
        self.questions_layout = QVBoxLayout(self.questions)
        self.questions_layout.setContentsMargins(0, 0, 0, 0)
        self.scroll = plain_scroll("answerQuestions", self.questions)
        self.send_action = QAction(self)
        self.send_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.send_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.send_action)
        self.send = QPushButton()
        self.send.setDefault(True)
        self.send.clicked.connect(self.send_action.trigger)
        self.revert = QPushButton()

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.flag, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.state, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.revert)
        buttons.addWidget(self.send)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        layout.addWidget(self.documents)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        self.send_action.triggered.connect(self.submit)
        self.revert.clicked.connect(self._revert)
        self.retranslate()
        self.show_ballot(None)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        set_action(
            self.send_action, self.tr("&Send answers"), self.tr("Send your answers to the secretariat")
        )
        self.send.setText(self.send_action.text())
        self.send.setToolTip(self.tr("Send your answers to the secretariat (Ctrl+Enter)"))
        self.revert.setText(self.tr("&Undo changes"))
        self.revert.setToolTip(self.tr("Show your answers as last sent"))
        for box in self.boxes:
            box.retranslate()
        if self.detail is not None:
            self._show_header(self.detail)

    # --- showing ---------------------------------------------------------------------------------------------

    def show_ballot(self, detail: BallotDetail | None, *, keep_edits: bool = False) -> None:
        """Show a ballot with the member's answers; `keep_edits` leaves unsent changes of the same ballot alone."""
        same = detail is not None and self.detail is not None and detail.summary.id == self.detail.summary.id
        self.detail = detail
        if same and keep_edits and self.dirty:
            self._show_header(detail)
            return
        while self.questions_layout.count():  # the boxes and the stretch after them
            taken = self.questions_layout.takeAt(0)
            if taken.widget() is not None:
                taken.widget().deleteLater()
        self.boxes = []
        if detail is None:
            self.title.setText(self.tr("Choose a ballot in the list"))
            for badge in (self.state, self.flag):
                set_badge(badge, "", "")
            self.facts.clear()
            self.documents.clear()
            self.message.clear()
            self.send_action.setEnabled(False)
            self.send.setEnabled(False)
            self.revert.setEnabled(False)
            return
        answers = {a.question_id: a for a in detail.my_answers}
        previous: QWidget = self.scroll
        for question in detail.questions:
            box = QuestionBox(question, self.questions)
            box.set_answer(answers.get(question.id))
            box.setEnabled(detail.can_answer)
            box.changed.connect(self._changed)
            self.questions_layout.addWidget(box)
            self.boxes.append(box)
            first = box.radios[CHOICES[0]]
            self.setTabOrder(previous, first)
            previous = box.comment
        self.questions_layout.addStretch(1)
        self.dirty = False
        self._show_header(detail)

    def _show_header(self, detail: BallotDetail) -> None:
        s = detail.summary
        self.title.setText(s.title)
        set_badge(
            self.state, labels.ballot_state(s.state), "published" if s.state is BallotState.SENT else "closed"
        )
        set_badge(self.flag, labels.ballot_flag(s.flag), "in_progress" if s.flag else "")
        facts = [self.tr("Deadline: {deadline}").format(deadline=formatting.short_datetime(s.deadline))]
        if s.item_title:
            facts.append(self.tr("Agenda item: {title}").format(title=s.item_title))
        self.facts.setText(" · ".join(facts))
        if detail.documents:
            docs = "".join(f"<li>{html.escape(d.title)}</li>" for d in detail.documents)
            heading = html.escape(self.tr("Documents:"))
            self.documents.setText(f"<b>{heading}</b><ul>{docs}</ul>")
        else:
            self.documents.clear()
        self.send_action.setEnabled(detail.can_answer)
        self.send.setEnabled(detail.can_answer)
        self.revert.setEnabled(detail.can_answer and self.dirty)
        self.message.setText(self._status(detail))
        self.message.setStyleSheet("" if detail.can_answer else f"color: {RED}; font-weight: bold;")

    def _status(self, detail: BallotDetail) -> str:
        s = detail.summary
        deadline = formatting.short_datetime(s.deadline)
        if s.state is BallotState.CLOSED:
            return self.tr("The ballot is closed: your answers are final.")
        if not detail.can_answer:
            if detail.my_answers:
                return self.tr("The deadline ({deadline}) has passed: your answers are final.").format(
                    deadline=deadline
                )
            return self.tr("The deadline ({deadline}) has passed without an answer from you.").format(
                deadline=deadline
            )
        if self.dirty:
            return self.tr("Changes not sent yet.")
        if s.answered_by_me:
            return self.tr("Answers sent. You can change them until {deadline}.").format(deadline=deadline)
        return self.tr("Please answer every question by {deadline}.").format(deadline=deadline)

    @Slot()
    def _changed(self) -> None:
        self.dirty = True
        if self.detail is not None:
            self._show_header(self.detail)

    @Slot()
    def _revert(self) -> None:
        self.dirty = False
        self.show_ballot(self.detail)

    # --- sending -----------------------------------------------------------------------------------------------

    def box(self, number: int) -> QuestionBox:
        return self.boxes[number - 1]

    @Slot()
    def submit(self) -> None:
        """Send every question that has a choice, in one unit of work: all are taken, or none."""
        actor, detail = self.context.actor, self.detail
        if actor is None or detail is None:
            return
        answers: list[tuple[uuid.UUID, OpinionChoice, str]] = [
            (box.question.id, choice, box.comment.toPlainText().strip())
            for box in self.boxes
            if (choice := box.choice()) is not None
        ]
        if not answers:
            self.context.prompts.inform(
                self, self.tr("Send answers"), self.tr("Choose an answer to at least one question first.")
            )
            return
        ballot_id, now = detail.summary.id, clock.now()

        def body(s):
            return [answer_ballot(s, actor, ballot_id, q, c, comment, now=now) for q, c, comment in answers]

        self.context.runner.write(actor, body).success(self._sent).failure(
            lambda exc: self.context.show_error(exc, self)
        ).run_in_background()

    def _sent(self, _answers: list[AnswerInfo]) -> None:
        self.dirty = False  # the reload that follows every write shows them as the service kept them
        self.message.setText(
            self.tr("Answers sent at {time}.").format(time=formatting.short_time(clock.now()))
        )
