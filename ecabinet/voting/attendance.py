"""Điểm danh: who is in the room, who is absent and why, who sent a deputy — and the live quorum.

One row per session and person. Present means arrived and not left: a vote asks who was in the room at the
moment it opened, so arrival and departure carry times. A member who leaves and comes back gets a new
arrival time (the earlier stay is kept in the audit log, which records every change of the row). A deputy
(người dự thay) attends and may speak but never counts towards the quorum and never votes; guests are
recorded too, for the minutes, and never count either.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import InvalidInput, InvalidState
from ecabinet.model import (
    Attendance,
    AttendanceStatus,
    CabinetSession,
    Invitation,
    InviteRole,
    Member,
    Role,
    SessionState,
)
from ecabinet.services.actor import Actor
from ecabinet.voting.common import clock, count_voters, invitation_role, is_voter, load_member, may_run
from ecabinet.voting.rules import QuorumResult, session_rules

OPEN_FOR_ATTENDANCE = (SessionState.PUBLISHED, SessionState.IN_PROGRESS)


@dataclass(frozen=True)
class AttendanceEntry:
    member_id: uuid.UUID
    name: str
    title: str
    invited_as: InviteRole
    has_vote: bool
    status: AttendanceStatus | None  # None: not yet recorded
    reason: str
    deputy_name: str
    arrived_at: datetime | None
    left_at: datetime | None
    in_room: bool  # at the sheet's moment
    counts_for_quorum: bool  # in the room in person, with a voting right


@dataclass(frozen=True)
class AttendanceSheet:
    session_id: uuid.UUID
    at: datetime
    entries: tuple[AttendanceEntry, ...]
    quorum: QuorumResult


def in_room(row: Attendance | None, at: datetime) -> bool:
    """Present in person at `at`: arrived by then and not yet left."""
    return (
        row is not None
        and row.status is AttendanceStatus.PRESENT
        and row.arrived_at is not None
        and row.arrived_at <= at
        and (row.left_at is None or row.left_at > at)
    )


def present_voters(session: Session, session_id: uuid.UUID, at: datetime) -> set[uuid.UUID]:
    """The members with a voting right who are in the room at `at` (deputies and guests never are)."""
    rows = session.execute(
        select(Attendance, Member)
        .join(Member, Member.id == Attendance.member_id)
        .where(Attendance.session_id == session_id)
    ).all()
    return {a.member_id for a, m in rows if is_voter(m) and in_room(a, at)}


def quorum_of(session: Session, row: CabinetSession, at: datetime) -> QuorumResult:
    rule, _majority = session_rules(row.kind, row.quorum_rule, row.majority_rule)
    return rule.evaluate(count_voters(session), len(present_voters(session, row.id, at)))


def _entry(member: Member, invited_as: InviteRole, row: Attendance | None, at: datetime) -> AttendanceEntry:
    here = in_room(row, at)
    return AttendanceEntry(
        member.id,
        member.full_name,
        member.title,
        invited_as,
        member.has_vote,
        row.status if row else None,
        row.reason if row else "",
        row.deputy_name if row else "",
        row.arrived_at if row else None,
        row.left_at if row else None,
        here,
        here and is_voter(member),
    )


def _row(session: Session, session_id: uuid.UUID, member_id: uuid.UUID) -> Attendance | None:
    return session.execute(
        select(Attendance).where(Attendance.session_id == session_id, Attendance.member_id == member_id)
    ).scalar()


def _open_sheet(
    session: Session, actor: Actor, session_id: uuid.UUID, member_id: uuid.UUID
) -> tuple[CabinetSession, Member, InviteRole]:
    row = check_session_visible(session, actor, session_id)
    may_run(session, actor, row)
    if row.state not in OPEN_FOR_ATTENDANCE:
        raise InvalidState("attendance_closed", state=row.state.value)
    member = load_member(session, member_id)
    invited_as = invitation_role(session, session_id, member_id)
    if invited_as is None:
        raise InvalidInput("not_invited", name=member.full_name)
    return row, member, invited_as


def record_attendance(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    member_id: uuid.UUID,
    status: AttendanceStatus,
    reason: str = "",
    deputy_name: str = "",
    now: datetime | None = None,
) -> AttendanceEntry:
    """Mark an invited person present (arrived now), absent (with a reason) or represented by a deputy.

    Marking present someone already in the room changes nothing; someone who had left arrives again.
    Absent and represented clear the times (a correction of a wrong "present" is kept by the audit log).
    """
    at = clock(now)
    _row_session, member, invited_as = _open_sheet(session, actor, session_id, member_id)
    if status is AttendanceStatus.REPRESENTED:
        if member.role is not Role.MEMBER:
            raise InvalidInput("represent_member_only", name=member.full_name)
        if not deputy_name.strip():
            raise InvalidInput("deputy_required", name=member.full_name)
    existing = _row(session, session_id, member_id)
    if existing is None:
        existing = Attendance(session_id=session_id, member_id=member_id, status=status)
        session.add(existing)
    if status is AttendanceStatus.PRESENT:
        if not in_room(existing, at):
            existing.status = status
            existing.arrived_at, existing.left_at = at, None
            existing.reason, existing.deputy_name = reason.strip(), ""
    else:
        existing.status = status
        existing.arrived_at = existing.left_at = None
        existing.reason = reason.strip()
        existing.deputy_name = deputy_name.strip() if status is AttendanceStatus.REPRESENTED else ""
    session.flush()
    return _entry(member, invited_as, existing, at)


def record_departure(
    session: Session, actor: Actor, session_id: uuid.UUID, member_id: uuid.UUID, now: datetime | None = None
) -> AttendanceEntry:
    """The person leaves the room now: from this moment they do not count for the quorum or vote."""
    at = clock(now)
    _row_session, member, invited_as = _open_sheet(session, actor, session_id, member_id)
    existing = _row(session, session_id, member_id)
    if existing is None or not in_room(existing, at):
        raise InvalidState("not_in_room", name=member.full_name)
    existing.left_at = at
    session.flush()
    return _entry(member, invited_as, existing, at)


def attendance_sheet(
    session: Session, actor: Actor, session_id: uuid.UUID, now: datetime | None = None
) -> AttendanceSheet:
    """Everyone invited, members first in protocol order, with their attendance and the quorum at `now`."""
    at = clock(now)
    row = check_session_visible(session, actor, session_id)
    rows = session.execute(
        select(Member, Invitation.role, Attendance)
        .join(Invitation, Invitation.member_id == Member.id)
        .outerjoin(
            Attendance, (Attendance.member_id == Member.id) & (Attendance.session_id == Invitation.session_id)
        )
        .where(Invitation.session_id == session_id)
        .order_by(
            case((Invitation.role == InviteRole.MEMBER, 0), else_=1), Member.sort_order, Member.full_name
        )
    ).all()
    entries = tuple(_entry(m, role, a, at) for m, role, a in rows)
    return AttendanceSheet(session_id, at, entries, quorum_of(session, row, at))


def quorum_status(
    session: Session, actor: Actor, session_id: uuid.UUID, now: datetime | None = None
) -> QuorumResult:
    """The live quorum: members with a voting right in the room now, against the session's rule."""
    at = clock(now)
    return quorum_of(session, check_session_visible(session, actor, session_id), at)
