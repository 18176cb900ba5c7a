"""Who may see what: sessions by invitation and state, documents by distribution and classification."""

from __future__ import annotations

import uuid

from sqlalchemy import Select, exists, or_, select
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


def visible_sessions(actor: Actor) -> Select[uuid.UUID]:
    """Ids of the sessions `actor` may see: all for the secretariat; invited and published for others."""
    query = select(CabinetSession.id)
    if actor.is_secretariat:
        return query
    invited = exists().where(
        Invitation.session_id == CabinetSession.id, Invitation.member_id == actor.member_id
    )
    return query.where(invited, CabinetSession.state != SessionState.DRAFT)


def visible_documents(actor: Actor) -> Select[uuid.UUID]:
    """Ids of the documents `actor` may see.

    Secretariat: all. Others: the session must be visible; a classified document (or one on a classified
    item) only when the actor is a named recipient; a normal one for invited members, and for invited guests
    only when it is marked for guests.
    """
    query = select(Document.id)
    if actor.is_secretariat:
        return query
    named = exists().where(Distribution.document_id == Document.id, Distribution.member_id == actor.member_id)
    invite = (
        select(Invitation.role)
        .where(Invitation.session_id == AgendaItem.session_id, Invitation.member_id == actor.member_id)
        .scalar_subquery()
    )
    normal = (Document.classification == Classification.NORMAL) & (
        AgendaItem.classification == Classification.NORMAL
    )
    return (
        query.join(AgendaItem, AgendaItem.id == Document.item_id)
        .where(AgendaItem.session_id.in_(visible_sessions(actor)))
        .where(
            or_(
                normal
                & ((invite == InviteRole.MEMBER) | ((invite == InviteRole.GUEST) & Document.for_guests)),
                ~normal & named,
            )
        )
    )


def check_session_visible(session: Session, actor: Actor, session_id: uuid.UUID) -> CabinetSession:
    row = session.execute(
        select(CabinetSession).where(
            CabinetSession.id == session_id, CabinetSession.id.in_(visible_sessions(actor))
        )
    ).scalar()
    if row is None:  # the same answer whether it does not exist or is hidden: no existence leak
        raise NotFound("not_found", what="session", ref=str(session_id))
    return row


def check_document_visible(session: Session, actor: Actor, document_id: uuid.UUID) -> Document:
    row = session.execute(
        select(Document).where(Document.id == document_id, Document.id.in_(visible_documents(actor)))
    ).scalar()
    if row is None:
        raise NotFound("not_found", what="document", ref=str(document_id))
    return row
