"""Hồ sơ: attach a stored file to an item as a document, replace it (keeping history), rename, classify and
distribute it, remove it and put it back.

Removal deletes the rows (each deletion is in the audit log) and never a file: files are content-addressed and
one may serve several versions. `remove_document` returns a `DocumentSnapshot` of every row it deleted, and
`restore_document` inserts them again with the same ids, so an undone removal is, for the audit log and for
sync, the same document coming back. Private notes on the document's versions are the readers' own: they are
neither read into the snapshot nor restored.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.items import _load_item, delete_document_rows
from ecabinet.agenda.sessions import DocumentInfo, check_version, document_info
from ecabinet.agenda.visibility import check_document_visible
from ecabinet.errors import InvalidInput, InvalidState
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Classification,
    Distribution,
    Document,
    DocumentKind,
    DocumentVersion,
    Entity,
    Member,
    ReadReceipt,
    SessionState,
)
from ecabinet.services.actor import Actor, Permission, require
from ecabinet.services.members import MemberInfo, member_info

MAX_TITLE = 500  # documents.title is String(500)


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


def _editable_document(
    session: Session, actor: Actor, document_id: uuid.UUID, expected_version: int | None = None
) -> tuple[Document, AgendaItem, CabinetSession]:
    """The document, its item and its session, when `actor` may change it now (as for the item's rows)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    doc = check_document_visible(session, actor, document_id)
    item, row = _load_item(session, actor, doc.item_id)
    check_version(doc, expected_version, "document")
    return doc, item, row


def _current_info(session: Session, doc: Document) -> DocumentInfo:
    version = session.get(DocumentVersion, doc.current_version_id) if doc.current_version_id else None
    return document_info(doc, version)


def update_document(
    session: Session,
    actor: Actor,
    document_id: uuid.UUID,
    *,
    title: str | None = None,
    kind: DocumentKind | None = None,
    classification: Classification | None = None,
    expected_version: int | None = None,
) -> DocumentInfo:
    """Rename a document, or change its kind or its classification (độ mật); None leaves a field as it is.

    After publishing, a change is flagged for the members, as a new version is.
    """
    doc, _item, row = _editable_document(session, actor, document_id, expected_version)
    changes: dict[str, Any] = {}
    if title is not None:
        if not title.strip():
            raise InvalidInput("field_required", field="title")
        if len(title.strip()) > MAX_TITLE:
            raise InvalidInput("field_invalid", field="title", reason=f"at most {MAX_TITLE} characters")
        changes["title"] = title.strip()
    if kind is not None:
        changes["kind"] = DocumentKind(kind)
    if classification is not None:
        changes["classification"] = Classification(classification)
    changed = False
    for key, value in changes.items():
        if getattr(doc, key) != value:
            setattr(doc, key, value)
            changed = True
    if changed and row.state is SessionState.PUBLISHED:
        doc.changed_since_published = True
    session.flush()
    return _current_info(session, doc)


def set_distribution(
    session: Session, actor: Actor, document_id: uuid.UUID, member_ids: Iterable[uuid.UUID]
) -> None:
    """Name the recipients of a document (the only readers of a classified one).

    As for every edit of the dossier, the session must still be a draft or published; after publishing, a
    changed list flags the document as changed.
    """
    doc, _item, row = _editable_document(session, actor, document_id)
    wanted = set(member_ids)
    known = set(session.execute(select(Member.id).where(Member.id.in_(wanted))).scalars())
    if wanted - known:
        raise InvalidInput("not_found", what="member", ref=str(next(iter(wanted - known))))
    current = {
        d.member_id: d
        for d in session.execute(select(Distribution).where(Distribution.document_id == doc.id)).scalars()
    }
    changed = False
    for member_id, dist in current.items():
        if member_id not in wanted:
            session.delete(dist)
            changed = True
    for member_id in wanted - current.keys():
        session.add(Distribution(document_id=doc.id, member_id=member_id))
        changed = True
    if changed and row.state is SessionState.PUBLISHED:
        doc.changed_since_published = True
    session.flush()


def document_recipients(session: Session, actor: Actor, document_id: uuid.UUID) -> list[MemberInfo]:
    """The people named in a document's distribution, in the directory's order (the secretariat's view)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    doc = check_document_visible(session, actor, document_id)
    rows = session.execute(
        select(Member)
        .join(Distribution, Distribution.member_id == Member.id)
        .where(Distribution.document_id == doc.id)
        .order_by(Member.sort_order, Member.full_name)
    ).scalars()
    return [member_info(m) for m in rows]


# --- removal and its undo -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DocumentSnapshot:
    """A document as it was when it was removed: each deleted row's column values, by attribute name.

    Plain values only (ids, texts, numbers, times, enums), so it can be held across units of work; read it,
    never change it.
    """

    id: uuid.UUID
    item_id: uuid.UUID
    title: str
    document: Mapping[str, Any]
    versions: tuple[Mapping[str, Any], ...]
    distribution: tuple[Mapping[str, Any], ...]
    receipts: tuple[Mapping[str, Any], ...]


def _values(obj: Entity) -> dict[str, Any]:
    return {attr.key: getattr(obj, attr.key) for attr in obj.__mapper__.column_attrs}


def _take_snapshot(session: Session, doc: Document) -> DocumentSnapshot:
    versions = list(
        session.execute(
            select(DocumentVersion)
            .where(DocumentVersion.document_id == doc.id)
            .order_by(DocumentVersion.number)
        ).scalars()
    )
    distribution = session.execute(
        select(Distribution).where(Distribution.document_id == doc.id).order_by(Distribution.id)
    ).scalars()
    receipts = session.execute(
        select(ReadReceipt)
        .where(ReadReceipt.version_id.in_([v.id for v in versions]))
        .order_by(ReadReceipt.id)
    ).scalars()
    return DocumentSnapshot(
        doc.id,
        doc.item_id,
        doc.title,
        _values(doc),
        tuple(_values(v) for v in versions),
        tuple(_values(d) for d in distribution),
        tuple(_values(r) for r in receipts),
    )


def document_snapshot(session: Session, actor: Actor, document_id: uuid.UUID) -> DocumentSnapshot:
    """What `remove_document` would return, without removing anything (for a caller that removes the
    document another way, with its item)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    return _take_snapshot(session, check_document_visible(session, actor, document_id))


def remove_document(
    session: Session, actor: Actor, document_id: uuid.UUID, expected_version: int | None = None
) -> DocumentSnapshot:
    """Remove a document imported by mistake: its versions, recipients and reading receipts go with it (each
    deletion audited); its files stay in the file store. Returns what `restore_document` needs to undo it.

    Refused while an opinion ballot asks about one of its versions. After publishing, the item is flagged as
    changed, since the members' copy of its dossier no longer holds.
    """
    doc, item, row = _editable_document(session, actor, document_id, expected_version)
    snapshot = _take_snapshot(session, doc)
    delete_document_rows(session, doc)
    if row.state is SessionState.PUBLISHED:
        item.changed_since_published = True
    session.flush()
    return snapshot


def restore_document(
    session: Session, actor: Actor, snapshot: DocumentSnapshot, item_id: uuid.UUID | None = None
) -> DocumentInfo:
    """Put a removed document back with the same ids: its versions, current version, recipients and reading
    receipts, at its place among the item's documents. `item_id`: where its item is now, when the item
    itself was removed and re-created meanwhile (default: the item it had)."""
    target = snapshot.item_id if item_id is None else item_id
    _item, row = _load_item(session, actor, target)
    if session.get(Document, snapshot.id) is not None:
        raise InvalidState("document_exists", title=snapshot.title)
    values = dict(snapshot.document, item_id=target, current_version_id=None)
    if row.state is SessionState.PUBLISHED:
        values["changed_since_published"] = True
    later = list(
        session.execute(
            select(Document)
            .where(Document.item_id == target, Document.position >= values["position"])
            .order_by(Document.position.desc())
        ).scalars()
    )
    if any(d.position == values["position"] for d in later):  # a document added since took its place
        for other in later:
            other.position += 1
    doc = Document(**values)
    session.add(doc)
    session.flush()
    session.add_all(DocumentVersion(**v) for v in snapshot.versions)
    session.flush()
    named = {r["member_id"] for r in (*snapshot.distribution, *snapshot.receipts)}
    people = set(session.execute(select(Member.id).where(Member.id.in_(named))).scalars())
    session.add_all(Distribution(**d) for d in snapshot.distribution if d["member_id"] in people)
    session.add_all(ReadReceipt(**r) for r in snapshot.receipts if r["member_id"] in people)
    doc.current_version_id = snapshot.document["current_version_id"]
    # An insert starts the optimistic-locking counter again; on the update, carry on from the removed row's,
    # so an edit based on a copy from before the removal is still seen to be stale.
    doc.version = snapshot.document["version"] + 1
    session.flush()
    return _current_info(session, doc)


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
