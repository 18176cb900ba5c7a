"""What the voting services share: the test clock, who runs a session, who votes, items and their numbers."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import InvalidInput, NotFound, PermissionDenied
from ecabinet.model import AgendaItem, CabinetSession, Invitation, InviteRole, Member, Role, utcnow
from ecabinet.services.actor import Actor, Permission, bind


def clock(now: datetime | None) -> datetime:
    """The moment of a service call: `now` when a test (or an import replaying history) gives one."""
    if now is None:
        return utcnow()
    if now.tzinfo is None:
        raise InvalidInput("field_invalid", field="voting_time", reason="needs_time_zone")
    return now.astimezone(UTC)


def when(dt: datetime) -> str:
    """A moment as it appears inside a message: UTC, to the minute, with its zone named."""
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def check_runs(actor: Actor, row: CabinetSession) -> None:
    """The secretariat (RUN_SESSION) or the chair of this session runs it: attendance, votes, speakers."""
    if not (actor.can(Permission.RUN_SESSION) or actor.member_id == row.chair_id):
        raise PermissionDenied("permission_denied", actor=actor.name, action="run_session")


def may_run(session: Session, actor: Actor, row: CabinetSession) -> None:
    """`check_runs`, then tie the unit of work to `actor` (for a change)."""
    check_runs(actor, row)
    bind(session, actor)


def voters_query() -> Select[uuid.UUID]:
    """The members with a voting right: active Government members marked `has_vote`."""
    return select(Member.id).where(
        Member.role == Role.MEMBER, Member.has_vote.is_(True), Member.active.is_(True)
    )


def count_voters(session: Session) -> int:
    """Tổng số thành viên: the base of every "of all members" rule."""
    return session.execute(select(func.count()).select_from(voters_query().subquery())).scalar_one()


def is_voter(member: Member | None) -> bool:
    return member is not None and member.active and member.role is Role.MEMBER and member.has_vote


def head_of_government(session: Session) -> uuid.UUID | None:
    return session.execute(
        select(Member.id).where(Member.is_head_of_government.is_(True), Member.active.is_(True))
    ).scalar()


def load_item(session: Session, actor: Actor, item_id: uuid.UUID) -> tuple[AgendaItem, CabinetSession]:
    """An item and its session, if `actor` may see the session; the same NotFound otherwise."""
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("not_found", what="item", ref=str(item_id))
    try:
        row = check_session_visible(session, actor, item.session_id)
    except NotFound:
        raise NotFound("not_found", what="item", ref=str(item_id)) from None
    return item, row


def invitation_role(session: Session, session_id: uuid.UUID, member_id: uuid.UUID) -> InviteRole | None:
    return session.execute(
        select(Invitation.role).where(Invitation.session_id == session_id, Invitation.member_id == member_id)
    ).scalar()


def member_name(session: Session, member_id: uuid.UUID | None) -> str:
    if member_id is None:
        return ""
    member = session.get(Member, member_id)
    return member.full_name if member else str(member_id)


def load_member(session: Session, member_id: uuid.UUID) -> Member:
    member = session.get(Member, member_id)
    if member is None or not member.active:
        raise NotFound("not_found", what="member", ref=str(member_id))
    return member


def item_numbers(session: Session, session_id: uuid.UUID) -> list[tuple[AgendaItem, str]]:
    """The session's items in agenda order with their numbers ("3", "3.1"), as `get_session` shows them."""
    rows = list(
        session.execute(
            select(AgendaItem).where(AgendaItem.session_id == session_id).order_by(AgendaItem.position)
        ).scalars()
    )
    children: dict[uuid.UUID, list[AgendaItem]] = {}
    for r in rows:
        if r.parent_id is not None:
            children.setdefault(r.parent_id, []).append(r)
    ordered: list[tuple[AgendaItem, str]] = []
    for n, item in enumerate((r for r in rows if r.parent_id is None), 1):
        ordered.append((item, str(n)))
        ordered.extend((sub, f"{n}.{m}") for m, sub in enumerate(children.get(item.id, ()), 1))
    return ordered
