"""The session-level fields of the minutes (form 1.9): number, subject, start, place, chair, secretary, end,
recipients — each saved when it is left; and the attendance as the records have it (read only)."""

from __future__ import annotations

import html
import uuid
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QEvent, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecabinet.minutes import service as MS
from ecabinet.minutes.draft import AttendanceLine, MinutesDraft
from ecabinet.services.members import MemberInfo
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext


def _to_utc(value: QDateTime) -> datetime:
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


class HeaderForm(QWidget):
    saved = Signal(object)  # MinutesHeader
    failed = Signal(object)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft: MinutesDraft | None = None
        self.version = 0
        self._busy = False
        self._pending: dict[str, object] = {}
        self._members: list[MemberInfo] = []
        self.number = QSpinBox(minimum=0, maximum=9999)
        self.subject = QLineEdit()
        self.place = QLineEdit()
        self.opened = QDateTimeEdit(calendarPopup=True)
        self.closed = QDateTimeEdit(calendarPopup=True)
        for edit in (self.opened, self.closed):
            edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.chair = QComboBox()
        self.secretary = QComboBox()
        self.recipients = QPlainTextEdit()
        self.recipients.setTabChangesFocus(True)
        self.recipients.setMaximumHeight(self.fontMetrics().lineSpacing() * 6)
        self.attendance = QTextBrowser()
        self.captions = {
            name: QLabel()
            for name in ("number", "subject", "opened", "place", "chair", "secretary", "closed", "recipients")
        }
        self.attendance_label = QLabel(objectName="sectionTitle")
        self.attendance_label.setBuddy(self.attendance)
        self._recipients_timer = QTimer(self, singleShot=True, interval=800)
        self._recipients_timer.timeout.connect(lambda: self._save(recipients=self.recipients.toPlainText()))

        form = QFormLayout()
        for name, widget in (
            ("number", self.number),
            ("subject", self.subject),
            ("opened", self.opened),
            ("place", self.place),
            ("chair", self.chair),
            ("secretary", self.secretary),
            ("closed", self.closed),
            ("recipients", self.recipients),
        ):
            self.captions[name].setBuddy(widget)
            form.addRow(self.captions[name], widget)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attendance_label)
        layout.addWidget(self.attendance, 1)

        self.number.editingFinished.connect(lambda: self._save(number=self.number.value() or None))
        self.subject.editingFinished.connect(lambda: self._save(subject=self.subject.text()))
        self.place.editingFinished.connect(lambda: self._save(place=self.place.text()))
        self.opened.editingFinished.connect(lambda: self._save(opened_at=_to_utc(self.opened.dateTime())))
        self.closed.editingFinished.connect(lambda: self._save(closed_at=_to_utc(self.closed.dateTime())))
        self.chair.activated.connect(lambda _i: self._save(chair_id=self._chosen(self.chair)))
        self.secretary.activated.connect(lambda _i: self._save(secretary_id=self._chosen(self.secretary)))
        self.recipients.textChanged.connect(self._recipients_changed)
        self.retranslate()

    def retranslate(self) -> None:
        for name, text in (
            ("number", self.tr("&Number:")),
            ("subject", self.tr("Subjec&t:")),
            ("opened", self.tr("&Started:")),
            ("place", self.tr("&Place:")),
            ("chair", self.tr("C&hair:")),
            ("secretary", self.tr("Sec&retary:")),
            ("closed", self.tr("&Ended:")),
            ("recipients", self.tr("Recip&ients:")),
        ):
            self.captions[name].setText(text)
        self.number.setSpecialValueText(self.tr("(the session's)"))
        self.recipients.setToolTip(self.tr("One per line; “Lưu: VT, Hồ sơ.” is always added last"))
        self.attendance_label.setText(self.tr("Attendance (from the attendance records)"))
        if self.draft is not None:
            self.attendance.setHtml(self._attendance_html(self.draft))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_members(self, members: list[MemberInfo]) -> None:
        self._members = members
        for combo in (self.chair, self.secretary):
            combo.clear()
            combo.addItem(self.tr("(none)"), None)
            for m in members:
                combo.addItem(f"{m.full_name} — {m.title}", str(m.id))  # strings: findData compares them

    def show_draft(self, draft: MinutesDraft, read_only: bool) -> None:
        self.draft = draft
        if not self._busy:
            self.version = draft.version
        widgets: list[Any] = [
            self.number,
            self.subject,
            self.place,
            self.opened,
            self.closed,
            self.chair,
            self.secretary,
            self.recipients,
        ]
        for w in widgets:
            w.blockSignals(True)
        self.number.setValue(draft.number or 0)
        self.subject.setText(draft.subject)
        self.place.setText(draft.place)
        if draft.opened_at:
            self.opened.setDateTime(formatting.to_local(draft.opened_at))
        if draft.closed_at:
            self.closed.setDateTime(formatting.to_local(draft.closed_at))
        self._choose(self.chair, draft.chair_id)
        self._choose(self.secretary, draft.secretary_id)
        self.recipients.setPlainText("\n".join(draft.recipients))
        for w in widgets:
            w.blockSignals(False)
        for w in widgets:
            if isinstance(w, (QLineEdit, QPlainTextEdit)):
                w.setReadOnly(read_only)
            else:
                w.setEnabled(not read_only)
        self.attendance.setHtml(self._attendance_html(draft))

    @staticmethod
    def _choose(combo: QComboBox, member_id: uuid.UUID | None) -> None:
        index = combo.findData(str(member_id)) if member_id else 0
        combo.setCurrentIndex(max(index, 0))

    @staticmethod
    def _chosen(combo: QComboBox) -> uuid.UUID | None:
        data = combo.currentData()
        return uuid.UUID(data) if data else None

    def _attendance_html(self, draft: MinutesDraft) -> str:
        a = draft.attendance
        e = html.escape

        def names(lines: tuple[AttendanceLine, ...], extra: Any = None) -> str:
            return "<br/>".join(e(f"{x.name}, {x.title}" + (extra(x) if extra else "")) for x in lines) or "—"

        present = self.tr("Present: %1 of %2 members")
        present = present.replace("%1", str(len(a.present))).replace("%2", str(a.total_members))
        absent, represented, guests = self.tr("Absent"), self.tr("Represented by a deputy"), self.tr("Guests")
        parts = [
            f"<p><b>{e(present)}</b><br/>{names(a.present)}</p>",
            f"<p><b>{e(absent)}</b><br/>{names(a.absent, lambda x: f' — {x.reason}' if x.reason else '')}</p>",
            f"<p><b>{e(represented)}</b><br/>{names(a.represented, lambda x: f' — {x.deputy_name}')}</p>",
            f"<p><b>{e(guests)}</b><br/>{names(a.guests)}</p>",
            f"<p><i>{e(a.quorum.text_vi)}</i></p>",
        ]
        return "".join(parts)

    # --- saving -----------------------------------------------------------------------------------------

    @Slot()
    def _recipients_changed(self) -> None:
        if not self.recipients.isReadOnly():
            self._recipients_timer.start()

    def flush(self) -> None:
        if self._recipients_timer.isActive():
            self._recipients_timer.stop()
            self._save(recipients=self.recipients.toPlainText())

    def _save(self, **changes: object) -> None:
        actor = self.context.actor
        if self.draft is None or actor is None or self.subject.isReadOnly():
            return
        if self._busy:  # one save at a time: a second one would carry a version that is about to change
            self._pending.update(changes)
            return
        self._busy = True
        session_id, version = self.draft.session_id, self.version

        def body(s: Any) -> MS.MinutesHeader:
            return MS.update_minutes(s, actor, session_id, version, **changes)

        self.context.runner.write(actor, body).success(self._saved).failure(self._failed).from_source(
            self
        ).run_in_background()

    def _saved(self, header: MS.MinutesHeader) -> None:
        self._busy = False
        self.version = header.version
        self.saved.emit(header)
        if self._pending:
            changes, self._pending = self._pending, {}
            self._save(**changes)

    def _failed(self, exc: Exception) -> None:
        self._busy = False
        self._pending = {}
        self.failed.emit(exc)
