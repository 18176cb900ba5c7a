"""What goes into one reader's board book: the session, its agenda, and the documents that reader may see."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.agenda.sessions import get_session
from ecabinet.errors import InvalidState, NotFound, PermissionDenied
from ecabinet.model import CabinetSession, Classification, DocumentKind, DocumentVersion, Member, SessionKind
from ecabinet.services.actor import Actor, Permission, load_actor

_LEVELS = tuple(Classification)


def stricter(a: Classification, b: Classification) -> Classification:
    """The more restricted of two classifications (Tuyệt mật > Tối mật > Mật > Thường)."""
    return a if _LEVELS.index(a) >= _LEVELS.index(b) else b


@dataclass(frozen=True)
class BookDocument:
    id: uuid.UUID
    version_id: uuid.UUID
    version_number: int
    title: str
    kind: DocumentKind
    # The stricter of the document's own level and its item's: a document on a classified item is classified.
    classification: Classification
    sha256: str
    filename: str
    # The file's outline as the import read it ([{"title", "page", "children"}], pages 0-based); None when
    # it was not recorded, and the file's own is read instead.
    outline: list[dict[str, Any]] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class BookItem:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    number: str  # "3" or "3.1"
    title: str
    presenter: str
    classification: Classification
    documents: tuple[BookDocument, ...]


@dataclass(frozen=True)
class BookPlan:
    """A snapshot taken in one read unit of work; building the PDF needs no database after it."""

    session_id: uuid.UUID
    session_title: str
    session_kind: SessionKind
    session_number: int | None
    starts_at: datetime
    place: str
    chair: str
    reader_id: uuid.UUID
    reader_name: str
    reader_title: str
    items: tuple[BookItem, ...]
    without_file: tuple[str, ...]  # titles of documents the reader may see that have no file yet

    @property
    def documents(self) -> list[BookDocument]:
        return [d for item in self.items for d in item.documents]


def plan_board_book(session: Session, actor: Actor, session_id: uuid.UUID, reader_id: uuid.UUID) -> BookPlan:
    """The content of `reader`'s board book, as `actor` asks for it.

    The reader decides the content (what the distribution lets them see); the actor must be the reader
    themself or the secretariat, who prints the books.
    """
    reader = load_actor(session, reader_id)
    if actor.member_id != reader.member_id and not actor.can(Permission.MANAGE_SESSIONS):
        raise PermissionDenied("bookbuild_not_allowed", actor=actor.name, reader=reader.name)
    try:
        detail = get_session(session, reader, session_id)
    except NotFound:
        # The secretariat sees every session: tell them why this reader gets none, rather than "not found".
        if actor.is_secretariat and session.get(CabinetSession, session_id) is not None:
            raise InvalidState("bookbuild_session_hidden", reader=reader.name) from None
        raise
    member = session.get(Member, reader.member_id)
    version_ids = [d.version_id for item in detail.items for d in item.documents if d.version_id is not None]
    rows = session.execute(
        select(DocumentVersion.id, DocumentVersion.outline).where(DocumentVersion.id.in_(version_ids))
    )
    outlines: dict[uuid.UUID, Any] = {version_id: outline for version_id, outline in rows}
    items: list[BookItem] = []
    without_file: list[str] = []
    for item in detail.items:
        documents: list[BookDocument] = []
        for doc in item.documents:
            if doc.version_id is None or not doc.sha256:
                without_file.append(doc.title)
                continue
            documents.append(
                BookDocument(
                    doc.id,
                    doc.version_id,
                    doc.version_number,
                    doc.title,
                    doc.kind,
                    stricter(doc.classification, item.classification),
                    doc.sha256,
                    doc.filename,
                    _outline(outlines.get(doc.version_id)),
                )
            )
        items.append(
            BookItem(
                item.id,
                item.parent_id,
                item.number,
                item.title,
                item.presenter,
                item.classification,
                tuple(documents),
            )
        )
    if not any(item.documents for item in items):
        raise InvalidState("bookbuild_empty", reader=reader.name)
    summary = detail.summary
    return BookPlan(
        summary.id,
        summary.title,
        summary.kind,
        summary.number,
        summary.starts_at,
        summary.place,
        summary.chair,
        reader.member_id,
        reader.name,
        member.title if member is not None else "",
        tuple(items),
        tuple(without_file),
    )


def _outline(stored: Any) -> list[dict[str, Any]] | None:
    """The stored outline when it has the shape `outline_of` writes, else None (read the file's own)."""

    def sound(nodes: Any) -> bool:
        return isinstance(nodes, list) and all(
            isinstance(n, dict)
            and isinstance(n.get("title"), str)
            and isinstance(n.get("page"), int)
            and sound(n.get("children", []))
            for n in nodes
        )

    return stored if sound(stored) else None
