"""Editing, approving and correcting the minutes; reading the approved versions back, hash-checked.

Who does what (DOMAIN.md: the secretariat keeps the minutes; the chair and the secretary sign them):

- the secretariat (`Permission.MANAGE_SESSIONS`) edits the draft: the session-level fields of form 1.9, the
  discussion summary and the chair's conclusion of each item — from the moment the session is in progress;
- a secretariat leader (`Role.SECRETARIAT_LEADER`) approves, once the session is closed and the text has been
  signed: the app then renders the PDF, stores it in the file store, records its SHA-256 in a new
  `MinutesVersion` and moves the session to MINUTES_APPROVED. The chair signs on paper (or digitally) rather
  than in the app, so approving is the secretariat leader's act of locking what was signed;
- approved minutes are locked: every edit service refuses ("minutes_locked"). A correction is opened by the
  secretariat with a reason; it unlocks the texts, and the next approval adds version N+1 carrying that
  reason. Earlier versions stay in the file store, readable and checked against their hash.

Each edit compares the version the user's copy was based on (`expected_version`, 0 for a text never saved)
and returns the saved text with its new version, so an editor can save at once and undo by saving back.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from pypdf import PdfReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.sessions import TRANSITIONS
from ecabinet.agenda.visibility import check_session_visible
from ecabinet.audit import record_event
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied, StaleEdit
from ecabinet.minutes import richtext
from ecabinet.minutes.draft import VersionInfo, minutes_draft
from ecabinet.minutes.pdf import render_minutes
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Conclusion,
    Member,
    Minutes,
    MinutesItemText,
    MinutesState,
    MinutesVersion,
    Role,
    SessionState,
)
from ecabinet.services.actor import Actor, Permission, bind, require
from ecabinet.storage.blobs import BlobStore, sha256_bytes
from ecabinet.voting.common import clock

__all__ = [
    "ConclusionText",
    "DiscussionText",
    "MinutesHeader",
    "approve_minutes",
    "minutes_version_pdf",
    "minutes_versions",
    "set_conclusion",
    "set_discussion",
    "start_correction",
    "update_minutes",
    "verify_minutes",
]

# The session states in which minutes can be written: from the opening of the session on.
OPEN_FOR_MINUTES = (SessionState.IN_PROGRESS, SessionState.CLOSED, SessionState.MINUTES_APPROVED)
MAX_LINE = 300


@dataclass(frozen=True)
class MinutesHeader:
    session_id: uuid.UUID
    state: MinutesState
    version: int
    number: int | None
    subject: str
    place: str
    opened_at: datetime | None
    closed_at: datetime | None
    chair_id: uuid.UUID | None
    secretary_id: uuid.UUID | None
    opening: str
    closing: str
    recipients: str
    correction_reason: str


@dataclass(frozen=True)
class DiscussionText:
    item_id: uuid.UUID
    text: str  # canonical rich text
    version: int


@dataclass(frozen=True)
class ConclusionText:
    item_id: uuid.UUID
    text: str
    needs_notice: bool
    version: int


def _header(m: Minutes) -> MinutesHeader:
    return MinutesHeader(
        m.session_id,
        m.state,
        m.version,
        m.number,
        m.subject,
        m.place,
        m.opened_at,
        m.closed_at,
        m.chair_id,
        m.secretary_id,
        m.opening,
        m.closing,
        m.recipients,
        m.correction_reason,
    )


def _minutes(session: Session, session_id: uuid.UUID, create: bool) -> Minutes | None:
    row = session.execute(select(Minutes).where(Minutes.session_id == session_id)).scalar()
    if row is None and create:
        row = Minutes(session_id=session_id, state=MinutesState.DRAFT)
        session.add(row)
    return row


def _check_version(current: int, expected: int | None, what: str) -> None:
    if expected is not None and current != expected:
        raise StaleEdit("stale_edit", what=what, current=current, expected=expected)


def _check_editable(row: CabinetSession, minutes: Minutes | None) -> None:
    if minutes is not None and minutes.state is MinutesState.APPROVED:
        raise InvalidState("minutes_locked")
    if row.state not in OPEN_FOR_MINUTES:
        raise InvalidState("minutes_not_open", state=row.state.value)


def _editable_session(
    session: Session, actor: Actor, session_id: uuid.UUID, expected_version: int | None
) -> tuple[CabinetSession, Minutes]:
    require(session, actor, Permission.MANAGE_SESSIONS)
    row = check_session_visible(session, actor, session_id)
    existing = _minutes(session, session_id, create=False)
    _check_editable(row, existing)
    _check_version(existing.version if existing else 0, expected_version, "minutes_record")
    minutes = existing or _minutes(session, session_id, create=True)
    assert minutes is not None
    return row, minutes


def _editable_item(session: Session, actor: Actor, item_id: uuid.UUID) -> AgendaItem:
    require(session, actor, Permission.MANAGE_SESSIONS)
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("not_found", what="item", ref=str(item_id))
    row = check_session_visible(session, actor, item.session_id)
    _check_editable(row, _minutes(session, row.id, create=False))
    return item


def _rich(text: str, field: str) -> str:
    if len(text) > richtext.MAX_LENGTH:
        raise InvalidInput("minutes_text_too_long", field=field, limit=richtext.MAX_LENGTH)
    return richtext.sanitize(text)


_FIELDS = {
    "number",
    "subject",
    "place",
    "opened_at",
    "closed_at",
    "chair_id",
    "secretary_id",
    "opening",
    "closing",
    "recipients",
}


def update_minutes(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    expected_version: int | None = None,
    **changes: object,
) -> MinutesHeader:
    """Edit the session-level fields of the minutes. An empty text or None takes the session's value again.

    Fields: number, subject, place, opened_at, closed_at (aware datetimes), chair_id, secretary_id (members),
    opening, closing (rich text), recipients (one per line; "Lưu: VT, Hồ sơ." is always added last).
    """
    row, minutes = _editable_session(session, actor, session_id, expected_version)
    for key, value in changes.items():
        if key not in _FIELDS:
            raise InvalidInput("field_invalid", field=key, reason="minutes_not_a_field")
        if key in ("opening", "closing"):
            setattr(minutes, key, _rich(str(value or ""), f"minutes_{key}"))
        elif key in ("subject", "place"):
            text = " ".join(str(value or "").split())
            if len(text) > MAX_LINE:
                raise InvalidInput("minutes_text_too_long", field=f"minutes_{key}", limit=MAX_LINE)
            setattr(minutes, key, text)
        elif key == "recipients":
            lines = [" ".join(line.split()) for line in str(value or "").splitlines()]
            minutes.recipients = "\n".join(line for line in lines if line)
        elif key == "number":
            if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
                raise InvalidInput("field_invalid", field="minutes_number", reason="minutes_positive_number")
            minutes.number = value
        elif key in ("opened_at", "closed_at"):
            if value is not None and (not isinstance(value, datetime) or value.tzinfo is None):
                raise InvalidInput("field_invalid", field=f"minutes_{key}", reason="needs_time_zone")
            setattr(minutes, key, value)
        else:  # chair_id, secretary_id
            if value is not None:
                member = session.get(Member, value)
                if member is None or not member.active:
                    raise InvalidInput("not_found", what="member", ref=str(value))
            setattr(minutes, key, value)
    opened = minutes.opened_at or row.opened_at
    closed = minutes.closed_at or row.closed_at
    if opened is not None and closed is not None and closed <= opened:
        raise InvalidInput("minutes_times_order")
    session.flush()
    return _header(minutes)


def set_discussion(
    session: Session, actor: Actor, item_id: uuid.UUID, text: str, expected_version: int | None = None
) -> DiscussionText:
    """The secretary's summary of the discussion of an item (rich text; "" clears it)."""
    item = _editable_item(session, actor, item_id)
    row = session.execute(select(MinutesItemText).where(MinutesItemText.item_id == item.id)).scalar()
    _check_version(row.version if row else 0, expected_version, "minutes_discussion")
    clean = _rich(text, "minutes_discussion")
    if row is None:
        row = MinutesItemText(item_id=item.id, discussion=clean)
        session.add(row)
    elif row.discussion != clean:
        row.discussion = clean
    session.flush()
    return DiscussionText(item.id, row.discussion, row.version)


def set_conclusion(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    text: str,
    expected_version: int | None = None,
    needs_notice: bool | None = None,
) -> ConclusionText:
    """Kết luận của chủ tọa on an item, as the secretary records it (rich text; "" clears it).

    `needs_notice`: whether the notice of conclusions (thông báo kết luận) includes it (default: yes).
    """
    item = _editable_item(session, actor, item_id)
    row = session.execute(select(Conclusion).where(Conclusion.item_id == item.id)).scalar()
    _check_version(row.version if row else 0, expected_version, "minutes_conclusion")
    clean = _rich(text, "minutes_conclusion")
    if row is None:
        row = Conclusion(
            item_id=item.id, text=clean, needs_notice=True if needs_notice is None else needs_notice
        )
        session.add(row)
    else:
        if row.text != clean:
            row.text = clean
        if needs_notice is not None and row.needs_notice != needs_notice:
            row.needs_notice = needs_notice
    session.flush()
    return ConclusionText(item.id, row.text, row.needs_notice, row.version)


# --- approval and corrections ------------------------------------------------------------------------------


def check_may_approve(actor: Actor) -> None:
    if actor.role is not Role.SECRETARIAT_LEADER:
        raise PermissionDenied("permission_denied", actor=actor.name, action="approve_minutes")


def _version_info(v: MinutesVersion, approver: str) -> VersionInfo:
    return VersionInfo(v.id, v.number, v.sha256, v.size, v.page_count, v.reason, v.approved_at, approver)


def approve_minutes(
    session: Session,
    actor: Actor,
    blobs: BlobStore,
    session_id: uuid.UUID,
    expected_fingerprint: str | None = None,
    now: datetime | None = None,
) -> VersionInfo:
    """Duyệt biên bản: render the minutes, keep the PDF and its SHA-256, lock them.

    The first approval needs a closed session and moves it to MINUTES_APPROVED; a later one closes an open
    correction. `expected_fingerprint` (the draft's, as previewed) refuses the approval when anything printed
    has changed since ("minutes_changed").
    """
    at = clock(now)
    check_may_approve(actor)
    bind(session, actor)
    row = check_session_visible(session, actor, session_id)
    minutes = _minutes(session, session_id, create=True)
    assert minutes is not None
    session.flush()
    if minutes.state is MinutesState.APPROVED:
        raise InvalidState("minutes_locked")
    if minutes.state is MinutesState.DRAFT and row.state is not SessionState.CLOSED:
        raise InvalidState("minutes_session_not_closed", state=row.state.value)
    draft = minutes_draft(session, actor, session_id)
    if expected_fingerprint is not None and draft.fingerprint != expected_fingerprint:
        raise StaleEdit("minutes_changed")
    if draft.chair is None or draft.secretary is None:
        raise InvalidState("minutes_signers_missing")
    if draft.opened_at is None or draft.closed_at is None:
        raise InvalidState("minutes_times_missing")
    previous = draft.versions[-1] if draft.versions else None
    if previous is not None:
        # Printed without its correction note, would the new version be the previous one again?
        same = render_minutes(dataclasses.replace(draft, correction_reason=""), final=True)
        if sha256_bytes(same) == previous.sha256:
            raise InvalidState("minutes_unchanged", number=previous.number)
    data = render_minutes(draft, final=True)
    sha = blobs.put(data)  # before the row: a committed version never lacks its file
    version = MinutesVersion(
        minutes_id=minutes.id,
        number=draft.next_version,
        sha256=sha,
        size=len(data),
        page_count=len(PdfReader(BytesIO(data)).pages),
        reason=minutes.correction_reason,
        approved_at=at,
        approved_by_id=actor.member_id,
    )
    session.add(version)
    minutes.state = MinutesState.APPROVED
    minutes.correction_reason = ""
    if row.state is not SessionState.MINUTES_APPROVED:
        if SessionState.MINUTES_APPROVED not in TRANSITIONS[row.state]:
            raise InvalidState("session_transition", state=row.state.value, target="minutes_approved")
        row.state = SessionState.MINUTES_APPROVED
    session.flush()
    record_event(
        session,
        "minutes_approved",
        "minutes",
        str(minutes.id),
        {"number": version.number, "sha256": sha, "pages": version.page_count, "reason": version.reason},
    )
    return _version_info(version, actor.name)


def start_correction(
    session: Session, actor: Actor, session_id: uuid.UUID, reason: str, expected_version: int | None = None
) -> MinutesHeader:
    """Đính chính: unlock approved minutes for a correction; the next approval makes a new version with
    `reason`. The approved versions stay as they are."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    check_session_visible(session, actor, session_id)
    minutes = _minutes(session, session_id, create=False)
    if minutes is None or minutes.state is not MinutesState.APPROVED:
        raise InvalidState("minutes_not_approved")
    _check_version(minutes.version, expected_version, "minutes_record")
    if not reason.strip():
        raise InvalidInput("field_required", field="reason")
    minutes.state = MinutesState.CORRECTING
    minutes.correction_reason = " ".join(reason.split())
    session.flush()
    return _header(minutes)


# --- reading the approved versions -------------------------------------------------------------------------


def _minutes_visible(session: Session, actor: Actor, session_id: uuid.UUID) -> Minutes | None:
    """Approved versions are readable by whoever may see the session; drafts only by the secretariat."""
    check_session_visible(session, actor, session_id)
    return _minutes(session, session_id, create=False)


def minutes_versions(session: Session, actor: Actor, session_id: uuid.UUID) -> list[VersionInfo]:
    minutes = _minutes_visible(session, actor, session_id)
    if minutes is None:
        return []
    return [
        _version_info(v, name or "")
        for v, name in session.execute(
            select(MinutesVersion, Member.full_name)
            .outerjoin(Member, Member.id == MinutesVersion.approved_by_id)
            .where(MinutesVersion.minutes_id == minutes.id)
            .order_by(MinutesVersion.number)
        )
    ]


def minutes_version_pdf(
    session: Session, actor: Actor, blobs: BlobStore, session_id: uuid.UUID, number: int | None = None
) -> tuple[VersionInfo, bytes]:
    """An approved version's PDF (the latest when `number` is None), checked against its SHA-256."""
    versions = minutes_versions(session, actor, session_id)
    if not versions:
        raise NotFound("minutes_no_version")
    chosen = versions[-1] if number is None else next((v for v in versions if v.number == number), None)
    if chosen is None:
        raise NotFound("not_found", what="minutes_version", ref=str(number))
    return chosen, blobs.read(chosen.sha256, verify=True)  # blob_corrupt when the file no longer matches


@dataclass(frozen=True)
class VersionCheck:
    number: int
    sha256: str
    ok: bool
    problem: str  # "" or a message code: blob_missing, blob_corrupt


def verify_minutes(
    session: Session, actor: Actor, blobs: BlobStore, session_id: uuid.UUID
) -> list[VersionCheck]:
    """Each approved version's file, hashed again and compared with the hash recorded at approval."""
    from ecabinet.errors import DomainError

    checks = []
    for v in minutes_versions(session, actor, session_id):
        try:
            blobs.read(v.sha256, verify=True)
        except DomainError as exc:
            checks.append(VersionCheck(v.number, v.sha256, False, exc.code))
        else:
            checks.append(VersionCheck(v.number, v.sha256, True, ""))
    return checks


def count_versions(session: Session, session_id: uuid.UUID) -> int:
    return session.execute(
        select(func.count())
        .select_from(MinutesVersion)
        .join(Minutes, Minutes.id == MinutesVersion.minutes_id)
        .where(Minutes.session_id == session_id)
    ).scalar_one()
