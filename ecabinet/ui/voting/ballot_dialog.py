"""Soạn phiếu lấy ý kiến: the form of a ballot (item, title, questions, documents, recipients, deadline).

The dialog only collects values; the Opinions page saves them (`submitted`) and closes it when the service
accepts them, so a refusal (a deadline in the past, a classified document) leaves the form as it was.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QEvent, QLocale, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import SessionDetail, get_session, list_sessions
from ecabinet.model import Role
from ecabinet.services.members import list_members
from ecabinet.ui import formatting
from ecabinet.ui import labels as core_labels
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import clock
from ecabinet.ui.voting.common import alive
from ecabinet.voting.ballots import BallotDetail
from ecabinet.voting.common import load_item

DEFAULT_DAYS = 7  # a week to answer, by default; the service only asks for a moment in the future
DEFAULT_HOUR = 17


@dataclass(frozen=True)
class BallotForm:
    """What the form holds, as the ballot services take it."""

    item_id: uuid.UUID | None
    title: str
    questions: tuple[str, ...]
    document_ids: tuple[uuid.UUID, ...]
    recipient_ids: tuple[uuid.UUID, ...]
    deadline: datetime


def deadline_format() -> str:
    """The lists' date and time format ("24/11/2026 17:00"), for the deadline field too."""
    locale = QLocale()
    return f"{formatting._short_date_format(locale)} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def default_deadline() -> QDateTime:
    """A week from now at 17:00, local time."""
    local = formatting.to_local(clock.now() + timedelta(days=DEFAULT_DAYS))
    return QDateTime(local.date(), QTime(DEFAULT_HOUR, 0))


class BallotDialog(QDialog):
    submitted = Signal(object)  # a BallotForm

    def __init__(
        self, context: AppContext, ballot: BallotDetail | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("ballotDialog")
        self.context = context
        self.ballot = ballot
        self._detail: SessionDetail | None = None

        self.session = QComboBox()
        self.item = QComboBox()
        self.title = QLineEdit(maxLength=500, clearButtonEnabled=True)
        self.title.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.questions = QPlainTextEdit()
        self.questions.setTabChangesFocus(True)
        self.questions.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.documents = QListWidget()
        self.documents.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        self.recipients = QListWidget()
        self.recipients.setMinimumHeight(self.fontMetrics().lineSpacing() * 8)
        self.all_voters = QPushButton()
        self.no_one = QPushButton()
        for button in (self.all_voters, self.no_one):
            button.setAutoDefault(False)  # Enter anywhere in the form saves
        self.deadline = QDateTimeEdit(calendarPopup=True)
        self.deadline.setDisplayFormat(deadline_format())
        self.deadline.setDateTime(default_deadline())
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setDefault(True)
        self.cancel = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)

        self.captions = {name: QLabel() for name in ("session", "item", "title", "questions", "documents")}
        self.captions |= {"recipients": QLabel(), "deadline": QLabel()}
        buddies = {
            "session": self.session,
            "item": self.item,
            "title": self.title,
            "questions": self.questions,
            "documents": self.documents,
            "recipients": self.recipients,
            "deadline": self.deadline,
        }
        for name, label in self.captions.items():
            label.setBuddy(buddies[name])
        picks = QHBoxLayout()
        picks.addWidget(self.all_voters)
        picks.addWidget(self.no_one)
        picks.addStretch(1)
        recipients = QVBoxLayout()
        recipients.addWidget(self.recipients)
        recipients.addLayout(picks)
        form = QFormLayout()
        form.addRow(self.captions["session"], self.session)
        form.addRow(self.captions["item"], self.item)
        form.addRow(self.captions["title"], self.title)
        form.addRow(self.captions["questions"], self.questions)
        form.addRow(self.captions["documents"], self.documents)
        form.addRow(self.captions["recipients"], recipients)
        form.addRow(self.captions["deadline"], self.deadline)
        self.hint = QLabel(objectName="muted", wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        for first, second in (
            (self.session, self.item),
            (self.item, self.title),
            (self.title, self.questions),
            (self.questions, self.documents),
            (self.documents, self.recipients),
            (self.recipients, self.all_voters),
            (self.all_voters, self.no_one),
            (self.no_one, self.deadline),
            (self.deadline, self.save),
        ):
            self.setTabOrder(first, second)

        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        self.session.currentIndexChanged.connect(self._session_chosen)
        self.item.currentIndexChanged.connect(self._item_chosen)
        self.all_voters.clicked.connect(lambda: self._check_recipients(voters_only=True))
        self.no_one.clicked.connect(lambda: self._check_recipients(voters_only=None))
        self.retranslate()
        self._load()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        editing = self.ballot is not None
        self.setWindowTitle(self.tr("Edit opinion ballot") if editing else self.tr("New opinion ballot"))
        texts = {
            "session": self.tr("&Session:"),
            "item": self.tr("Agenda &item:"),
            "title": self.tr("&Title:"),
            "questions": self.tr("&Questions:"),
            "documents": self.tr("&Documents:"),
            "recipients": self.tr("&Recipients:"),
            "deadline": self.tr("Dead&line:"),
        }
        for name, text in texts.items():
            self.captions[name].setText(text)
        self.session.setToolTip(self.tr("The session whose agenda item the ballot asks about"))
        self.item.setToolTip(self.tr("The agenda item asked about, or none for a ballot on its own"))
        self.title.setPlaceholderText(self.tr("The item's title when left empty"))
        self.questions.setPlaceholderText(self.tr("One question per line"))
        self.questions.setToolTip(self.tr("One question per line; each is answered Agree, Disagree or Other"))
        self.documents.setToolTip(
            self.tr("The documents asked about, pinned to their current version (Space)")
        )
        self.recipients.setToolTip(self.tr("Who is asked for an opinion (Space ticks or clears a name)"))
        self.all_voters.setText(self.tr("All &voting members"))
        self.all_voters.setToolTip(self.tr("Tick every Government member with a voting right"))
        self.no_one.setText(self.tr("Clear a&ll"))
        self.no_one.setToolTip(self.tr("Clear every name"))
        self.deadline.setToolTip(self.tr("Answers are taken until this moment; after it they are final"))
        self.hint.setText(
            self.tr("The ballot is saved as a draft; it is sent only after a secretariat leader approves it.")
        )
        self.save.setText(self.tr("&Save"))
        self.save.setToolTip(self.tr("Save the ballot (Enter)"))
        self.cancel.setText(self.tr("Cancel"))
        self.cancel.setToolTip(self.tr("Close without saving (Esc)"))

    # --- loading ------------------------------------------------------------------------------------------

    def _load(self) -> None:
        actor = self.context.actor
        if actor is None:
            return
        item_id = self.ballot.summary.item_id if self.ballot else None

        def body(s):
            session_id = load_item(s, actor, item_id)[0].session_id if item_id else None
            return list_sessions(s, actor), list_members(s, {Role.MEMBER}), session_id

        self.context.runner.query(body).success(alive(self, self._loaded)).run_in_background()

    def _loaded(self, result) -> None:
        sessions, members, session_id = result
        self.session.blockSignals(True)
        self.session.clear()
        self.session.addItem(self.tr("(no session)"), None)
        for s in sessions:
            self.session.addItem(f"{s.title} — {core_labels.session_state(s.state)}", s.id)
        self.session.blockSignals(False)
        chosen = set(r for r, _name in self.ballot.recipients) if self.ballot else None
        self.recipients.clear()
        for m in members:
            entry = QListWidgetItem(
                m.full_name if m.has_vote else self.tr("{name} (no vote)").format(name=m.full_name)
            )
            entry.setData(Qt.ItemDataRole.UserRole, m.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, m.has_vote)
            entry.setToolTip(", ".join(p for p in (m.title, m.organisation) if p))
            ticked = m.id in chosen if chosen is not None else m.has_vote
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.recipients.addItem(entry)
        if self.ballot is not None:
            b = self.ballot
            self.title.setText(b.summary.title)
            self.questions.setPlainText("\n".join(q.text for q in b.questions))
            self.deadline.setDateTime(formatting.to_local(b.summary.deadline))
            self.session.setEnabled(False)
            self.item.setEnabled(False)  # a ballot keeps its item; draft a new one for another
        self._select_session(session_id)

    def _select_session(self, session_id: uuid.UUID | None) -> None:
        rows = [n for n in range(self.session.count()) if self.session.itemData(n) == session_id]
        row = rows[0] if rows else 0
        if self.ballot is None and session_id is None and self.session.count() > 1:
            row = 1  # a new ballot is usually about the latest session's agenda
        if self.session.currentIndex() == row:
            self._session_chosen(row)
        else:
            self.session.setCurrentIndex(row)

    @Slot(int)
    def _session_chosen(self, row: int) -> None:
        session_id = self.session.itemData(row)
        actor = self.context.actor
        if session_id is None or actor is None:
            self._show_items(None)
            return
        self.context.runner.query(lambda s: get_session(s, actor, session_id)).success(
            alive(self, self._show_items)
        ).run_in_background()

    def _show_items(self, detail: SessionDetail | None) -> None:
        self._detail = detail
        wanted = self.ballot.summary.item_id if self.ballot else None
        self.item.blockSignals(True)
        self.item.clear()
        self.item.addItem(self.tr("(none: a ballot on its own)"), None)
        for item in detail.items if detail else ():
            indent = "    " if item.parent_id else ""
            self.item.addItem(f"{indent}{item.number}. {item.title}", item.id)
        if self.ballot is not None:
            rows = [n for n in range(self.item.count()) if self.item.itemData(n) == wanted]
            self.item.setCurrentIndex(rows[0] if rows else 0)
        else:
            self.item.setCurrentIndex(1 if self.item.count() > 1 else 0)
        self.item.blockSignals(False)
        self._item_chosen(self.item.currentIndex())

    @Slot(int)
    def _item_chosen(self, row: int) -> None:
        item_id = self.item.itemData(row)
        item = next((i for i in self._detail.items if i.id == item_id), None) if self._detail else None
        pinned = {d.document_id for d in self.ballot.documents} if self.ballot else None
        self.documents.clear()
        for doc in item.documents if item else ():
            if doc.version_id is None:
                continue  # nothing to pin yet
            entry = QListWidgetItem(doc.title)
            entry.setData(Qt.ItemDataRole.UserRole, doc.id)
            entry.setToolTip(f"{doc.filename} · {core_labels.classification(doc.classification)}")
            ticked = doc.id in pinned if pinned is not None else True
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            self.documents.addItem(entry)
        self.documents.setEnabled(item is not None)
        self.title.setPlaceholderText(item.title if item else self.tr("The ballot's title"))

    @Slot()
    def _check_recipients(self, voters_only: bool | None) -> None:
        for n in range(self.recipients.count()):
            entry = self.recipients.item(n)
            ticked = bool(voters_only) and bool(entry.data(Qt.ItemDataRole.UserRole + 1))
            entry.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    # --- the values ---------------------------------------------------------------------------------------

    @staticmethod
    def _ticked(widget: QListWidget) -> tuple[uuid.UUID, ...]:
        return tuple(
            widget.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(widget.count())
            if widget.item(n).checkState() == Qt.CheckState.Checked
        )

    def values(self) -> BallotForm:
        moment = self.deadline.dateTime().toMSecsSinceEpoch() / 1000
        return BallotForm(
            self.item.currentData(),
            self.title.text().strip(),
            tuple(line.strip() for line in self.questions.toPlainText().splitlines() if line.strip()),
            self._ticked(self.documents),
            self._ticked(self.recipients),
            datetime.fromtimestamp(moment, UTC),
        )

    @Slot()
    def _submit(self) -> None:
        self.submitted.emit(self.values())
