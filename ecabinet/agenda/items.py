"""Nội dung: add, edit, move and remove agenda items and their sub-items."""

from __future__ import annotations

import uuid

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ecabinet.agenda.sessions import EDITABLE, ItemInfo, check_version, item_info
from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import InvalidInput, InvalidState, NotFound
from ecabinet.model import (
    AgendaItem,
    BallotDocument,
    CabinetSession,
    Classification,
    Conclusion,
    Distribution,
    Document,
    DocumentVersion,
    ItemKind,
    ItemPosition,
    MinutesItemText,
    OpinionBallot,
    ReadReceipt,
    SessionState,
    SpeakingRequest,
    Vote,
)
from ecabinet.services.actor import Actor, Permission, require

MAX_MINUTES = 600


def _editable_session(session: Session, actor: Actor, session_id: uuid.UUID) -> CabinetSession:
    require(session, actor, Permission.MANAGE_SESSIONS)
    row = check_session_visible(session, actor, session_id)
    if row.state not in EDITABLE:
        raise InvalidState("session_not_editable", state=row.state.value)
    return row


def _load_item(session: Session, actor: Actor, item_id: uuid.UUID) -> tuple[AgendaItem, CabinetSession]:
    require(session, actor, Permission.MANAGE_SESSIONS)
    item = session.get(AgendaItem, item_id)
    if item is None:
        raise NotFound("not_found", what="item", ref=str(item_id))
    return item, _editable_session(session, actor, item.session_id)


def _validate(title: str | None, minutes: int | None) -> None:
    if title is not None and not title.strip():
        raise InvalidInput("field_required", field="title")
    if minutes is not None and not 0 <= minutes <= MAX_MINUTES:
        raise InvalidInput("field_invalid", field="minutes", reason=f"between 0 and {MAX_MINUTES}")


def _siblings(session: Session, session_id: uuid.UUID, parent_id: uuid.UUID | None) -> list[AgendaItem]:
    query = select(AgendaItem).where(AgendaItem.session_id == session_id)
    query = query.where(
        AgendaItem.parent_id.is_(None) if parent_id is None else AgendaItem.parent_id == parent_id
    )
    return list(session.execute(query.order_by(AgendaItem.position)).scalars())


def _renumber(items: list[AgendaItem]) -> None:
    for n, item in enumerate(items):
        if item.position != n:
            item.position = n


def add_item(
    session: Session,
    actor: Actor,
    session_id: uuid.UUID,
    title: str,
    kind: ItemKind = ItemKind.DISCUSSION,
    planned_minutes: int = 15,
    presenter_org_id: uuid.UUID | None = None,
    classification: Classification = Classification.NORMAL,
    parent_id: uuid.UUID | None = None,
    position: int | None = None,
) -> ItemInfo:
    """Add an item at `position` among its siblings (default: last)."""
    row = _editable_session(session, actor, session_id)
    _validate(title, planned_minutes)
    if parent_id is not None:
        parent = session.get(AgendaItem, parent_id)
        if parent is None or parent.session_id != session_id:
            raise NotFound("not_found", what="item", ref=str(parent_id))
        if parent.parent_id is not None:
            raise InvalidInput("subitem_depth")
    siblings = _siblings(session, session_id, parent_id)
    item = AgendaItem(
        session_id=session_id,
        parent_id=parent_id,
        title=title.strip(),
        kind=kind,
        planned_minutes=planned_minutes,
        presenter_org_id=presenter_org_id,
        classification=classification,
        changed_since_published=row.state is SessionState.PUBLISHED,
    )
    index = len(siblings) if position is None else max(0, min(position, len(siblings)))
    siblings.insert(index, item)
    session.add(item)
    for n, sibling in enumerate(siblings):
        sibling.position = n
    session.flush()
    return item_info(item, "")


def update_item(
    session: Session, actor: Actor, item_id: uuid.UUID, expected_version: int | None, **changes: object
) -> ItemInfo:
    """Edit title, kind, planned minutes, presenter or classification of an item."""
    item, row = _load_item(session, actor, item_id)
    check_version(item, expected_version, "item")
    allowed = {"title", "kind", "planned_minutes", "presenter_org_id", "classification"}
    for key in changes:
        if key not in allowed:
            raise InvalidInput("field_invalid", field=key, reason="not editable")
    _validate(changes.get("title"), changes.get("planned_minutes"))  # type: ignore[arg-type]
    for key, value in changes.items():
        setattr(item, key, value.strip() if isinstance(value, str) else value)
    if row.state is SessionState.PUBLISHED:
        item.changed_since_published = True
    session.flush()
    return item_info(item, "")


def move_item(
    session: Session, actor: Actor, item_id: uuid.UUID, parent_id: uuid.UUID | None, position: int
) -> ItemInfo:
    """Move an item to `position` under `parent_id` (None: top level); an item with sub-items stays on top."""
    item, row = _load_item(session, actor, item_id)
    if parent_id is not None:
        parent = session.get(AgendaItem, parent_id)
        if parent is None or parent.session_id != item.session_id:
            raise NotFound("not_found", what="item", ref=str(parent_id))
        has_children = session.execute(
            select(AgendaItem.id).where(AgendaItem.parent_id == item.id).limit(1)
        ).first()
        if parent.parent_id is not None or has_children or parent.id == item.id:
            raise InvalidInput("subitem_depth")
    old = [s for s in _siblings(session, item.session_id, item.parent_id) if s.id != item.id]
    _renumber(old)
    new = old if parent_id == item.parent_id else _siblings(session, item.session_id, parent_id)
    new = [s for s in new if s.id != item.id]
    new.insert(max(0, min(position, len(new))), item)
    item.parent_id = parent_id
    _renumber(new)
    if row.state is SessionState.PUBLISHED:
        item.changed_since_published = True
    session.flush()
    return item_info(item, "")


def remove_item(
    session: Session, actor: Actor, item_id: uuid.UUID, expected_version: int | None = None
) -> None:
    """Remove an item with its sub-items and documents (each removal is in the audit log)."""
    item, _row = _load_item(session, actor, item_id)
    check_version(item, expected_version, "item")
    subs = list(session.execute(select(AgendaItem).where(AgendaItem.parent_id == item.id)).scalars())
    for victim in [*subs, item]:
        _check_nothing_hangs_on(session, victim)
    for victim in [*subs, item]:
        docs = list(session.execute(select(Document).where(Document.item_id == victim.id)).scalars())
        for doc in docs:
            delete_document_rows(session, doc)
        session.delete(victim)
    session.flush()
    _renumber([s for s in _siblings(session, item.session_id, item.parent_id) if s.id != item.id])
    session.flush()


def _check_nothing_hangs_on(session: Session, item: AgendaItem) -> None:
    """An item that a ballot asks about, or that members have taken part in (positions, speaking requests,
    votes, conclusions, minutes), stays: removing it would erase their record."""
    ballot = session.execute(
        select(OpinionBallot.title).where(OpinionBallot.item_id == item.id).limit(1)
    ).scalar()
    if ballot is not None:
        raise InvalidState("item_in_ballot", title=item.title, ballot=ballot)
    for model in (ItemPosition, SpeakingRequest, Vote, Conclusion, MinutesItemText):
        if session.execute(select(model.id).where(model.item_id == item.id).limit(1)).first() is not None:
            raise InvalidState("item_has_record", title=item.title)


def delete_document_rows(session: Session, doc: Document) -> None:
    """Delete a document and what hangs on it through the ORM, so every row removal is audited.

    Reading receipts are deleted here rather than by the database's cascade, which the audit log would not
    see. A document an opinion ballot asks about stays: the ballot is pinned to its version.
    """
    versions = list(
        session.execute(select(DocumentVersion).where(DocumentVersion.document_id == doc.id)).scalars()
    )
    pinned = session.execute(
        select(OpinionBallot.title)
        .join(BallotDocument, BallotDocument.ballot_id == OpinionBallot.id)
        .where(BallotDocument.version_id.in_([v.id for v in versions]))
        .limit(1)
    ).scalar()
    if pinned is not None:
        raise InvalidState("document_in_ballot", title=doc.title, ballot=pinned)
    doc.current_version_id = None
    session.flush()
    receipts = select(ReadReceipt).where(ReadReceipt.version_id.in_([v.id for v in versions]))
    for receipt in session.execute(receipts).scalars():
        session.delete(receipt)
    session.flush()  # children first: the ORM knows no relationship here to order the deletes by
    for dist in session.execute(select(Distribution).where(Distribution.document_id == doc.id)).scalars():
        session.delete(dist)
    for version in versions:
        session.delete(version)
    session.flush()
    session.delete(doc)


def total_minutes(session: Session, session_id: uuid.UUID) -> int:
    return session.execute(
        select(func.coalesce(func.sum(AgendaItem.planned_minutes), 0)).where(
            AgendaItem.session_id == session_id, AgendaItem.parent_id.is_(None)
        )
    ).scalar_one()
