"""Who may see what: sessions by invitation and state, documents by distribution and classification.

The rules are SQL conditions, so lists, details, counts and search all apply exactly the same ones, and the
database does the filtering (no per-row checks in Python). For the secretariat they are simply true.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, Select, and_, exists, or_, select, true
from sqlalchemy.orm import Session

from ecabinet.errors import NotFound
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Classification,
    Distribution,
    Document,
    Invitation,
    InviteRole,
    SessionState,
)
from ecabinet.services.actor import Actor


def session_filter(actor: Actor) -> ColumnElement[bool]:
    """A condition on `CabinetSession`: all for the secretariat; invited and not a draft for others."""
    if actor.is_secretariat:
        return true()
    invited = exists().where(
        Invitation.session_id == CabinetSession.id, Invitation.member_id == actor.member_id
    )
    return and_(invited, CabinetSession.state != SessionState.DRAFT)


def document_filter(actor: Actor) -> ColumnElement[bool]:
    """A condition on `Document` joined with its `AgendaItem` (the caller joins it).

    Secretariat: all. Others: the session must be visible; a classified document (or one on a classified
    item) only when the actor is a named recipient; a normal one for invited members, and for invited guests
    only when it is marked for guests.
    """
    if actor.is_secretariat:
        return true()
    role = (
        select(Invitation.role)
        .join(CabinetSession, CabinetSession.id == Invitation.session_id)
        .where(
            Invitation.session_id == AgendaItem.session_id,
            Invitation.member_id == actor.member_id,
            CabinetSession.state != SessionState.DRAFT,
        )
        .scalar_subquery()
    )
    named = exists().where(Distribution.document_id == Document.id, Distribution.member_id == actor.member_id)
    normal = and_(
        Document.classification == Classification.NORMAL, AgendaItem.classification == Classification.NORMAL
    )
    return or_(
        and_(normal, or_(role == InviteRole.MEMBER, and_(role == InviteRole.GUEST, Document.for_guests))),
        and_(~normal, role.is_not(None), named),
    )


def visible_sessions(actor: Actor) -> Select[uuid.UUID]:
    """Ids of the sessions `actor` may see (for `IN (…)` use where a join is awkward)."""
    return select(CabinetSession.id).where(session_filter(actor))


def visible_documents(actor: Actor) -> Select[uuid.UUID]:
    """Ids of the documents `actor` may see (for `IN (…)` use where a join is awkward)."""
    return (
        select(Document.id).join(AgendaItem, AgendaItem.id == Document.item_id).where(document_filter(actor))
    )


def check_session_visible(session: Session, actor: Actor, session_id: uuid.UUID) -> CabinetSession:
    row = session.execute(
        select(CabinetSession).where(CabinetSession.id == session_id, session_filter(actor))
    ).scalar()
    if row is None:  # the same answer whether it does not exist or is hidden: no existence leak
        raise NotFound("not_found", what="session", ref=str(session_id))
    return row


def check_document_visible(session: Session, actor: Actor, document_id: uuid.UUID) -> Document:
    row = session.execute(
        select(Document)
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .where(Document.id == document_id, document_filter(actor))
    ).scalar()
    if row is None:
        raise NotFound("not_found", what="document", ref=str(document_id))
    return row
