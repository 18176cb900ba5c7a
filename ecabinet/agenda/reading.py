"""Reading: open a document's file, mark it read, keep private notes per page, see who has read what."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_document_visible, document_filter, session_filter
from ecabinet.errors import InvalidInput, NotFound, PermissionDenied
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Document,
    DocumentVersion,
    Invitation,
    Member,
    PrivateNote,
    ReadReceipt,
    utcnow,
)
from ecabinet.services.actor import Actor, Permission, bind, require

MAX_NOTE = 20_000


@dataclass(frozen=True)
class OpenedDocument:
    document_id: uuid.UUID
    version_id: uuid.UUID
    version_number: int
    title: str
    sha256: str
    page_count: int


@dataclass(frozen=True)
class Note:
    page: int
    text: str
    updated_at: datetime


@dataclass(frozen=True)
class ReadState:
    document_id: uuid.UUID
    version_id: uuid.UUID
    read: bool  # this version has been opened by the reader
    read_earlier_version: bool  # an earlier version was read: the document is new to them as "changed"


@dataclass(frozen=True)
class ReaderRow:
    member_id: uuid.UUID
    name: str
    read_at: datetime | None


def _current(session: Session, actor: Actor, document_id: uuid.UUID) -> tuple[Document, DocumentVersion]:
    doc = check_document_visible(session, actor, document_id)
    version = session.get(DocumentVersion, doc.current_version_id) if doc.current_version_id else None
    if version is None:
        raise NotFound("not_found", what="document", ref=str(document_id))
    return doc, version


def open_document(session: Session, actor: Actor, document_id: uuid.UUID) -> OpenedDocument:
    """What the reader needs to show the current version (the file itself comes from the file store)."""
    doc, version = _current(session, actor, document_id)
    return OpenedDocument(doc.id, version.id, version.number, doc.title, version.sha256, version.page_count)


def mark_read(session: Session, actor: Actor, document_id: uuid.UUID) -> bool:
    """Record that `actor` opened the current version; False when it was already recorded."""
    _doc, version = _current(session, actor, document_id)
    bind(session, actor)
    exists = session.execute(
        select(ReadReceipt.id).where(
            ReadReceipt.version_id == version.id, ReadReceipt.member_id == actor.member_id
        )
    ).first()
    if exists:
        return False
    session.add(ReadReceipt(version_id=version.id, member_id=actor.member_id, read_at=utcnow()))
    session.flush()
    return True


def read_states(session: Session, actor: Actor, session_id: uuid.UUID) -> dict[uuid.UUID, ReadState]:
    """For each document of a session that `actor` may see: read or not, by `actor` (what is new to me)."""
    mine_current = (
        select(func.count(ReadReceipt.id))
        .where(
            ReadReceipt.version_id == Document.current_version_id, ReadReceipt.member_id == actor.member_id
        )
        .scalar_subquery()
    )
    mine_any = (
        select(func.count(ReadReceipt.id))
        .join(DocumentVersion, DocumentVersion.id == ReadReceipt.version_id)
        .where(DocumentVersion.document_id == Document.id, ReadReceipt.member_id == actor.member_id)
        .scalar_subquery()
    )
    rows = session.execute(
        select(Document.id, Document.current_version_id, mine_current, mine_any)
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .join(CabinetSession, CabinetSession.id == AgendaItem.session_id)
        .where(AgendaItem.session_id == session_id, document_filter(actor), session_filter(actor))
        .where(Document.current_version_id.is_not(None))
    )
    return {d: ReadState(d, v, bool(cur), bool(any_) and not cur) for d, v, cur, any_ in rows}


def readers(session: Session, actor: Actor, document_id: uuid.UUID) -> list[ReaderRow]:
    """The secretariat's view: each invited member and when they opened the current version (None: not yet)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    doc, version = _current(session, actor, document_id)
    item = session.get(AgendaItem, doc.item_id)
    assert item is not None
    rows = session.execute(
        select(Member.id, Member.full_name, ReadReceipt.read_at)
        .join(Invitation, and_(Invitation.member_id == Member.id, Invitation.session_id == item.session_id))
        .outerjoin(
            ReadReceipt, and_(ReadReceipt.member_id == Member.id, ReadReceipt.version_id == version.id)
        )
        .order_by(Member.sort_order, Member.full_name)
    )
    return [ReaderRow(i, n, at) for i, n, at in rows]


def _own_version(session: Session, actor: Actor, version_id: uuid.UUID) -> DocumentVersion:
    version = session.get(DocumentVersion, version_id)
    if version is None:
        raise NotFound("not_found", what="document", ref=str(version_id))
    check_document_visible(session, actor, version.document_id)
    return version


def notes(session: Session, actor: Actor, version_id: uuid.UUID) -> list[Note]:
    """`actor`'s own notes on a document version, by page. Nobody else's notes are ever returned."""
    _own_version(session, actor, version_id)
    rows = session.execute(
        select(PrivateNote)
        .where(PrivateNote.member_id == actor.member_id, PrivateNote.version_id == version_id)
        .order_by(PrivateNote.page)
    ).scalars()
    return [Note(n.page, n.text, n.updated_at) for n in rows]


def save_note(session: Session, actor: Actor, version_id: uuid.UUID, page: int, text: str) -> Note | None:
    """Set `actor`'s note on a page (empty text removes it); saved at once, kept on this installation."""
    version = _own_version(session, actor, version_id)
    if not 1 <= page <= max(version.page_count, 1):
        raise InvalidInput("field_invalid", field="page", reason=f"between 1 and {version.page_count}")
    if len(text) > MAX_NOTE:
        raise InvalidInput("field_invalid", field="note", reason=f"at most {MAX_NOTE} characters")
    bind(session, actor)
    note = session.execute(
        select(PrivateNote).where(
            PrivateNote.member_id == actor.member_id,
            PrivateNote.version_id == version_id,
            PrivateNote.page == page,
        )
    ).scalar()
    if not text.strip():
        if note is not None:
            session.delete(note)
            session.flush()
        return None
    if note is None:
        note = PrivateNote(member_id=actor.member_id, version_id=version_id, page=page, text=text)
        session.add(note)
    else:
        if note.member_id != actor.member_id:  # pragma: no cover - the query above filters by member
            raise PermissionDenied("permission_denied", actor=actor.name, action="view_document")
        note.text = text
    session.flush()
    return Note(note.page, note.text, note.updated_at)
