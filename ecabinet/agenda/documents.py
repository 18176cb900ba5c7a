"""Hồ sơ: attach a stored file to an item as a document, replace it (keeping history), distribute it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.items import _load_item
from ecabinet.agenda.sessions import DocumentInfo, check_version, document_info
from ecabinet.agenda.visibility import check_document_visible
from ecabinet.errors import InvalidInput
from ecabinet.model import (
    Classification,
    Distribution,
    Document,
    DocumentKind,
    DocumentVersion,
    Member,
    SessionState,
)
from ecabinet.services.actor import Actor, Permission, require


def add_document(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    title: str,
    sha256: str,
    filename: str,
    size: int,
    page_count: int,
    kind: DocumentKind = DocumentKind.OTHER,
    classification: Classification = Classification.NORMAL,
    outline: list[Any] | None = None,
    for_guests: bool = False,
) -> DocumentInfo:
    """Attach a file already in the file store (checked by the caller's import step) as a new document."""
    _item, row = _load_item(session, actor, item_id)
    if not title.strip():
        raise InvalidInput("field_required", field="title")
    position = session.execute(
        select(func.coalesce(func.max(Document.position) + 1, 0)).where(Document.item_id == item_id)
    ).scalar_one()
    doc = Document(
        item_id=item_id,
        title=title.strip(),
        kind=kind,
        position=position,
        classification=classification,
        for_guests=for_guests,
        changed_since_published=row.state is SessionState.PUBLISHED,
    )
    session.add(doc)
    session.flush()
    version = DocumentVersion(
        document_id=doc.id,
        number=1,
        sha256=sha256,
        filename=filename,
        size=size,
        page_count=page_count,
        outline=outline,
        added_by_id=actor.member_id,
    )
    session.add(version)
    session.flush()
    doc.current_version_id = version.id
    session.flush()
    return document_info(doc, version)


def replace_document(
    session: Session,
    actor: Actor,
    document_id: uuid.UUID,
    expected_version: int | None,
    sha256: str,
    filename: str,
    size: int,
    page_count: int,
    reason: str,
    outline: list[Any] | None = None,
) -> DocumentInfo:
    """A new version of a document; the earlier ones stay, with who replaced them, when and why."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    doc = check_document_visible(session, actor, document_id)
    _item, row = _load_item(session, actor, doc.item_id)
    check_version(doc, expected_version, "document")
    if not reason.strip():
        raise InvalidInput("field_required", field="reason")
    number = session.execute(
        select(func.max(DocumentVersion.number)).where(DocumentVersion.document_id == doc.id)
    ).scalar_one()
    version = DocumentVersion(
        document_id=doc.id,
        number=(number or 0) + 1,
        sha256=sha256,
        filename=filename,
        size=size,
        page_count=page_count,
        outline=outline,
        reason=reason.strip(),
        added_by_id=actor.member_id,
    )
    session.add(version)
    session.flush()
    doc.current_version_id = version.id
    if row.state is SessionState.PUBLISHED:
        doc.changed_since_published = True
    session.flush()
    return document_info(doc, version)


def set_distribution(
    session: Session, actor: Actor, document_id: uuid.UUID, member_ids: Iterable[uuid.UUID]
) -> None:
    """Name the recipients of a document (the only readers of a classified one)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    doc = check_document_visible(session, actor, document_id)
    wanted = set(member_ids)
    known = set(session.execute(select(Member.id).where(Member.id.in_(wanted))).scalars())
    if wanted - known:
        raise InvalidInput("not_found", what="member", ref=str(next(iter(wanted - known))))
    current = {
        d.member_id: d
        for d in session.execute(select(Distribution).where(Distribution.document_id == doc.id)).scalars()
    }
    for member_id, row in current.items():
        if member_id not in wanted:
            session.delete(row)
    for member_id in wanted - current.keys():
        session.add(Distribution(document_id=doc.id, member_id=member_id))
    session.flush()


@dataclass(frozen=True)
class VersionInfo:
    id: uuid.UUID
    number: int
    sha256: str
    filename: str
    size: int
    page_count: int
    reason: str
    added_by_id: uuid.UUID | None
    added_at: datetime


def document_history(session: Session, actor: Actor, document_id: uuid.UUID) -> list[VersionInfo]:
    """Every version of a document, oldest first: who added it, when, and why it replaced the one before."""
    check_document_visible(session, actor, document_id)
    rows = session.execute(
        select(DocumentVersion)
        .where(DocumentVersion.document_id == document_id)
        .order_by(DocumentVersion.number)
    ).scalars()
    return [
        VersionInfo(
            v.id, v.number, v.sha256, v.filename, v.size, v.page_count, v.reason, v.added_by_id, v.created_at
        )
        for v in rows
    ]
