"""The acting user and the permission mechanism."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.errors import InvalidInput, NotFound, PermissionDenied
from ecabinet.model import Member, Role


class Permission(StrEnum):
    MANAGE_SESSIONS = "manage_sessions"  # create, edit, publish sessions, agendas and dossiers
    MANAGE_MEMBERS = "manage_members"
    RUN_SESSION = "run_session"  # attendance, votes, speakers (the chair of that session may too)
    APPROVE_BALLOTS = "approve_ballots"
    VIEW_AUDIT = "view_audit"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.SECRETARIAT: frozenset(
        {Permission.MANAGE_SESSIONS, Permission.MANAGE_MEMBERS, Permission.RUN_SESSION, Permission.VIEW_AUDIT}
    ),
    Role.SECRETARIAT_LEADER: frozenset(Permission),
    Role.MEMBER: frozenset(),
    Role.GUEST: frozenset(),
}


@dataclass(frozen=True)
class Actor:
    """Who is acting. Built from the database (`load_actor`), so roles cannot be claimed by a caller."""

    member_id: uuid.UUID
    name: str
    role: Role
    has_vote: bool

    @property
    def is_secretariat(self) -> bool:
        return self.role in (Role.SECRETARIAT, Role.SECRETARIAT_LEADER)

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def load_actor(session: Session, member_id: uuid.UUID) -> Actor:
    member = session.get(Member, member_id)
    if member is None or not member.active:
        raise NotFound("not_found", what="member", ref=str(member_id))
    return Actor(member.id, member.full_name, member.role, member.has_vote)


def bind(session: Session, actor: Actor | None) -> None:
    """Tie a unit of work to one actor; the audit log records them for every change in it."""
    bound = session.info.get("actor", actor)
    if bound is not None and actor is not None and bound.member_id != actor.member_id:
        raise PermissionDenied("permission_denied", actor=actor.name, action="act for another user")
    session.info["actor"] = actor


def require(session: Session, actor: Actor, permission: Permission) -> None:
    """Refuse unless `actor` holds `permission`; binds the actor to the unit of work."""
    if not actor.can(permission):
        raise PermissionDenied("permission_denied", actor=actor.name, action=permission.value)
    bind(session, actor)


def parse_uuid(ref: str | uuid.UUID, what: str) -> uuid.UUID:
    if isinstance(ref, uuid.UUID):
        return ref
    try:
        return uuid.UUID(ref)
    except ValueError as exc:
        raise InvalidInput("not_found", what=what, ref=ref) from exc


def resolve_ref(session: Session, model: type, ref: str | uuid.UUID, what: str) -> uuid.UUID:
    """A full id, or an unambiguous prefix of one (as the CLI prints short ids)."""
    if isinstance(ref, uuid.UUID):
        return ref
    ref = ref.strip().lower()
    try:
        return uuid.UUID(ref)
    except ValueError:
        pass
    if len(ref) < 4 or any(c not in "0123456789abcdef-" for c in ref):
        raise NotFound("not_found", what=what, ref=ref)
    # Uuid columns are stored as 32 hex digits on SQLite and as uuid on PostgreSQL; compare on text.
    from sqlalchemy import String, cast, func

    column = model.id  # type: ignore[attr-defined]
    needle = ref.replace("-", "")
    text = func.replace(cast(column, String), "-", "")
    ids = session.execute(select(column).where(text.like(f"{needle}%")).limit(2)).scalars().all()
    if not ids:
        raise NotFound("not_found", what=what, ref=ref)
    if len(ids) > 1:
        raise InvalidInput("ambiguous", what=what, ref=ref)
    return ids[0]
