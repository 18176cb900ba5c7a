"""The form for a session: kind, title, number, date and time, place, chair, invited members and guests.

Saving is one user action, one unit of work: create (or update) the session and set each changed
invitation. The services check everything; a refusal is shown and the form stays open.
"""

from __future__ import annotations

import itertools
import re
import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QLocale, Qt, QTime, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ecabinet.agenda.sessions import (
    SessionDetail,
    SessionSummary,
    create_session,
    set_invitation,
    update_session,
)
from ecabinet.model import InviteRole, Role, SessionKind
from ecabinet.services.actor import Actor
from ecabinet.services.members import MemberInfo
from ecabinet.ui import formatting, labels
from ecabinet.ui.context import AppContext

SESSION_FIELDS = ("title", "kind", "number", "starts_at", "place", "chair_id")


def _datetime_format(locale: QLocale) -> str:
    """The locale's short date and time, with two-digit day and month and a four-digit year (as in the lists)."""
    date = locale.dateFormat(QLocale.FormatType.ShortFormat)
    date = re.sub(r"(?<!d)d(?!d)", "dd", date)
    date = re.sub(r"(?<!M)M(?!M)", "MM", date)
    date = re.sub(r"(?<!y)yy(?!y)", "yyyy", date)
    return f"{date} {locale.timeFormat(QLocale.FormatType.ShortFormat)}"


def to_utc(moment: QDateTime) -> datetime:
    """A QDateTime as the services want it: an aware datetime (the database keeps UTC)."""
    return datetime.fromtimestamp(moment.toSecsSinceEpoch(), UTC)


def _create(
    s: Session, actor: Actor, values: dict[str, Any], invitations: dict[uuid.UUID, InviteRole | None]
) -> SessionSummary:
    summary = create_session(
        s,
        actor,
        values["title"],
        values["kind"],
        values["starts_at"],
        place=values["place"],
        chair_id=values["chair_id"],
        number=values["number"],
        invite_all_members=False,
    )
    for member_id, role in invitations.items():
        if role is not None:
            set_invitation(s, actor, summary.id, member_id, role)
    return summary


def _update(
    s: Session,
    actor: Actor,
    detail: SessionDetail,
    changes: dict[str, Any],
    invitations: dict[uuid.UUID, InviteRole | None],
) -> SessionSummary:
    summary = detail.summary
    if changes:
        summary = update_session(s, actor, summary.id, summary.version, **changes)
    for member_id, role in invitations.items():
        set_invitation(s, actor, summary.id, member_id, role)
    return summary


class SessionDialog(QDialog):
    """New session (`detail` None) or edit one; `saved` carries the session's id after the write."""

    saved = Signal(object)

    def __init__(
        self,
        context: AppContext,
        members: list[MemberInfo],
        detail: SessionDetail | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.context = context
        self.detail = detail
        voters = [m for m in members if m.role is Role.MEMBER]
        guests = [m for m in members if m.role is Role.GUEST]

        self.kind = QComboBox()
        for kind in SessionKind:
            self.kind.addItem(labels.session_kind(kind), kind)
        self.title = QLineEdit(maxLength=300, clearButtonEnabled=True)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)
        self.number = QSpinBox(minimum=0, maximum=9999)
        self.number.setSpecialValueText("—")
        self.starts = QDateTimeEdit(calendarPopup=True)
        self.place = QLineEdit(maxLength=200, clearButtonEnabled=True)
        self.chair = QComboBox()
        self.chair.addItem("—", None)
        for m in voters:
            self.chair.addItem(f"{m.full_name} — {m.title}", str(m.id))  # QVariant cannot compare UUIDs
        self.members = self._checklist(voters)
        self.guests = self._checklist(guests)
        self.all_members = QPushButton()
        self.no_members = QPushButton()
        self.invited_count = QLabel(objectName="muted")
        self.captions = {name: QLabel() for name in (*SESSION_FIELDS, "members", "guests")}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        fields = {
            "kind": self.kind,
            "title": self.title,
            "number": self.number,
            "starts_at": self.starts,
            "place": self.place,
            "chair_id": self.chair,
        }
        for name, widget in fields.items():
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)
        self.members_box = QGroupBox()
        box = QVBoxLayout(self.members_box)
        self.captions["members"].setBuddy(self.members)
        box.addWidget(self.captions["members"])
        box.addWidget(self.members, 1)
        row = QHBoxLayout()
        row.addWidget(self.all_members)
        row.addWidget(self.no_members)
        row.addStretch(1)
        row.addWidget(self.invited_count)
        box.addLayout(row)
        self.guests_box = QGroupBox()
        box = QVBoxLayout(self.guests_box)
        self.captions["guests"].setBuddy(self.guests)
        box.addWidget(self.captions["guests"])
        box.addWidget(self.guests, 1)
        lists = QHBoxLayout()
        lists.addWidget(self.members_box, 1)
        lists.addWidget(self.guests_box, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(self.buttons)
        order = [
            self.kind,
            self.title,
            self.number,
            self.starts,
            self.place,
            self.chair,
            self.members,
            self.all_members,
            self.no_members,
            self.guests,
            self.buttons,
        ]
        for first, second in itertools.pairwise(order):
            self.setTabOrder(first, second)

        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.all_members.clicked.connect(lambda: self._check_all(self.members, True))
        self.no_members.clicked.connect(lambda: self._check_all(self.members, False))
        self.members.itemChanged.connect(self._count_invited)
        self.title.textChanged.connect(self._title_changed)
        self._fill(detail, voters)
        self._initial = (self._session_values(), self._invitations())
        self.retranslate()
        self.resize(self.sizeHint().width(), int(self.sizeHint().height() * 1.2))
        self.title.setFocus()

    @staticmethod
    def _checklist(people: list[MemberInfo]) -> QListWidget:
        widget = QListWidget()
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setUniformItemSizes(True)
        for m in people:
            entry = QListWidgetItem(f"{m.full_name} — {m.title}")
            entry.setToolTip(f"{m.full_name}\n{m.title}")
            entry.setData(Qt.ItemDataRole.UserRole, m.id)
            entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            entry.setCheckState(Qt.CheckState.Unchecked)
            widget.addItem(entry)
        return widget

    def _fill(self, detail: SessionDetail | None, voters: list[MemberInfo]) -> None:
        if detail is None:
            self.kind.setCurrentIndex(self.kind.findData(SessionKind.REGULAR))
            start = QDateTime(QDate.currentDate().addDays(7), QTime(8, 0))
            self.starts.setDateTime(start)
            head = next((m.id for m in voters if m.is_head_of_government), None)
            self.chair.setCurrentIndex(max(self.chair.findData(str(head)), 0))
            self._check_all(self.members, True)  # a session invites all members unless told otherwise
            self._title_changed("")
            return
        s = detail.summary
        self.kind.setCurrentIndex(self.kind.findData(s.kind))
        self.title.setText(s.title)
        self.number.setValue(s.number or 0)
        self.starts.setDateTime(formatting.to_local(s.starts_at))
        self.place.setText(s.place)
        # The summary names the chair; the directory gives the id.
        chair = next((m.id for m in voters if m.full_name == s.chair), None)
        self.chair.setCurrentIndex(max(self.chair.findData(str(chair)), 0))
        invited = {member_id: role for member_id, _name, role in detail.invited}
        for widget, role in ((self.members, InviteRole.MEMBER), (self.guests, InviteRole.GUEST)):
            for row in range(widget.count()):
                entry = widget.item(row)
                on = invited.get(entry.data(Qt.ItemDataRole.UserRole)) is role
                entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New session") if self.detail is None else self.tr("Edit session"))
        texts = {
            "kind": (self.tr("&Kind:"), self.tr("Regular, thematic, extraordinary or standing members")),
            "title": (self.tr("&Title:"), self.tr("The session's title as it appears on every document")),
            "number": (self.tr("N&umber:"), self.tr("The minutes' number, if known (— for none)")),
            "starts_at": (self.tr("&Date and time:"), self.tr("When the session starts (local time)")),
            "place": (self.tr("&Place:"), self.tr("Where the session is held, or that it is online")),
            "chair_id": (self.tr("C&hair:"), self.tr("Who chairs: the Prime Minister or a deputy")),
        }
        widgets = {
            "kind": self.kind,
            "title": self.title,
            "number": self.number,
            "starts_at": self.starts,
            "place": self.place,
            "chair_id": self.chair,
        }
        for name, (caption, tip) in texts.items():
            self.captions[name].setText(caption)
            widgets[name].setToolTip(tip)
        self.starts.setDisplayFormat(_datetime_format(QLocale()))
        self.members_box.setTitle(self.tr("Government members"))
        self.guests_box.setTitle(self.tr("Invited guests"))
        self.captions["members"].setText(self.tr("Invited &members (Space ticks):"))
        self.captions["guests"].setText(self.tr("Invited &guests (they speak, never vote):"))
        self.members.setToolTip(self.tr("Members invited to attend and vote; Space ticks or unticks"))
        self.guests.setToolTip(self.tr("Guests invited to attend; Space ticks or unticks"))
        self.all_members.setText(self.tr("Invite &all"))
        self.all_members.setToolTip(self.tr("Tick every Government member"))
        self.no_members.setText(self.tr("&None"))
        self.no_members.setToolTip(self.tr("Untick every Government member"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self._count_invited()

    # --- values ----------------------------------------------------------------------------------------

    def _session_values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "kind": SessionKind(self.kind.currentData()),
            "number": self.number.value() or None,
            "starts_at": to_utc(self.starts.dateTime()),
            "place": self.place.text().strip(),
            "chair_id": uuid.UUID(self.chair.currentData()) if self.chair.currentData() else None,
        }

    def _invitations(self) -> dict[uuid.UUID, InviteRole | None]:
        chosen: dict[uuid.UUID, InviteRole | None] = {}
        for widget, role in ((self.members, InviteRole.MEMBER), (self.guests, InviteRole.GUEST)):
            for row in range(widget.count()):
                entry = widget.item(row)
                on = entry.checkState() == Qt.CheckState.Checked
                chosen[entry.data(Qt.ItemDataRole.UserRole)] = role if on else None
        return chosen

    def body(self) -> Any:
        """What saving does, as a unit-of-work body for the task runner."""
        actor = self.context.actor
        values, invitations = self._session_values(), self._invitations()
        if self.detail is None:
            return lambda s: _create(s, actor, values, invitations)
        before_values, before_invited = self._initial
        changes = {k: v for k, v in values.items() if before_values[k] != v}
        changed = {k: v for k, v in invitations.items() if before_invited.get(k) != v}
        detail = self.detail
        return lambda s: _update(s, actor, detail, changes, changed)

    # --- slots -----------------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save, then close; on a refusal the form stays open with what was typed."""
        self.context.runner.write(self.context.actor, self.body()).from_source(self).success(
            self._saved
        ).failure(self._failed).run_in_background()

    def _saved(self, summary: SessionSummary) -> None:
        self.saved.emit(summary.id)
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self)

    @Slot(str)
    def _title_changed(self, text: str) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(bool(text.strip()))

    @staticmethod
    def _check_all(widget: QListWidget, on: bool) -> None:
        for row in range(widget.count()):
            widget.item(row).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    @Slot()
    def _count_invited(self, *_: object) -> None:
        ticked = sum(
            self.members.item(r).checkState() == Qt.CheckState.Checked for r in range(self.members.count())
        )
        self.invited_count.setText(
            self.tr("{count} of {total} invited").format(count=ticked, total=self.members.count())
        )
