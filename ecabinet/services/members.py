"""Organisations and people: the Government's bodies, its members, secretariat staff and guests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.errors import InvalidInput, InvalidState
from ecabinet.model import Member, Organisation, OrgKind, Role
from ecabinet.services.actor import Actor, Permission, bind, require


@dataclass(frozen=True)
class OrganisationInfo:
    id: uuid.UUID
    code: str
    name: str
    short_name: str
    kind: OrgKind


@dataclass(frozen=True)
class MemberInfo:
    id: uuid.UUID
    full_name: str
    title: str
    organisation: str  # the body's name, "" when none
    organisation_code: str
    role: Role
    has_vote: bool
    is_head_of_government: bool


def member_info(m: Member) -> MemberInfo:
    org = m.organisation
    return MemberInfo(
        m.id,
        m.full_name,
        m.title,
        org.name if org else "",
        org.code if org else "",
        m.role,
        m.has_vote,
        m.is_head_of_government,
    )


def list_organisations(session: Session) -> list[OrganisationInfo]:
    rows = session.execute(
        select(Organisation).order_by(Organisation.sort_order, Organisation.code)
    ).scalars()
    return [OrganisationInfo(o.id, o.code, o.name, o.short_name, o.kind) for o in rows]


def list_members(session: Session, roles: set[Role] | None = None) -> list[MemberInfo]:
    """The directory of active people, Government members first in protocol order."""
    query = select(Member).where(Member.active.is_(True)).order_by(Member.sort_order, Member.full_name)
    if roles:
        query = query.where(Member.role.in_(roles))
    return [member_info(m) for m in session.execute(query).scalars()]


def add_organisation(
    session: Session,
    actor: Actor | None,
    code: str,
    name: str,
    short_name: str,
    kind: OrgKind,
    sort_order: int = 0,
) -> OrganisationInfo:
    if actor is not None:
        require(session, actor, Permission.MANAGE_MEMBERS)
    elif session.execute(select(Member.id).limit(1)).first() is not None:
        raise InvalidState("already_bootstrapped")
    else:
        bind(session, None)
    if not code.strip() or not name.strip():
        raise InvalidInput("field_required", field="name")
    org = Organisation(
        code=code.strip(), name=name.strip(), short_name=short_name.strip(), kind=kind, sort_order=sort_order
    )
    session.add(org)
    session.flush()
    return OrganisationInfo(org.id, org.code, org.name, org.short_name, org.kind)


def add_member(
    session: Session,
    actor: Actor,
    full_name: str,
    title: str,
    role: Role,
    organisation_id: uuid.UUID | None = None,
    has_vote: bool = False,
    is_head_of_government: bool = False,
    sort_order: int = 0,
) -> MemberInfo:
    require(session, actor, Permission.MANAGE_MEMBERS)
    return _add_member(
        session, full_name, title, role, organisation_id, has_vote, is_head_of_government, sort_order
    )


def _add_member(
    session: Session,
    full_name: str,
    title: str,
    role: Role,
    organisation_id: uuid.UUID | None,
    has_vote: bool,
    is_head_of_government: bool,
    sort_order: int,
) -> MemberInfo:
    if not full_name.strip():
        raise InvalidInput("field_required", field="name")
    if has_vote and role is not Role.MEMBER:
        # DOMAIN.md: only Government members vote; guests and deputies never do.
        raise InvalidInput("field_invalid", field="has_vote", reason="only Government members vote")
    member = Member(
        full_name=full_name.strip(),
        title=title.strip(),
        role=role,
        organisation_id=organisation_id,
        has_vote=has_vote,
        is_head_of_government=is_head_of_government,
        sort_order=sort_order,
    )
    session.add(member)
    session.flush()
    return member_info(member)


def bootstrap_secretariat(
    session: Session, full_name: str, title: str = "Chuyên viên Văn phòng Chính phủ"
) -> MemberInfo:
    """Create the first secretariat officer of an empty database (nobody exists yet to authorise it)."""
    if session.execute(
        select(Member.id).where(Member.role.in_([Role.SECRETARIAT, Role.SECRETARIAT_LEADER]))
    ).first():
        raise InvalidState("already_bootstrapped")
    bind(session, None)
    return _add_member(session, full_name, title, Role.SECRETARIAT_LEADER, None, False, False, 1000)
