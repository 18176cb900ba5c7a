"""Phiên họp: create and edit sessions, invite people, and move a session through its lifecycle."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, Uuid, bindparam, func, select, type_coerce
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible, document_filter, session_filter
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied, StaleEdit
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Classification,
    Document,
    DocumentKind,
    DocumentVersion,
    Invitation,
    InviteRole,
    ItemKind,
    Member,
    Organisation,
    Role,
    SessionKind,
    SessionState,
    utcnow,
)
from ecabinet.services.actor import Actor, Permission, bind, require

# DOMAIN.md, Workflows: documents reach members at least 3 days before the session.
MIN_NOTICE = timedelta(days=3)

TRANSITIONS: dict[SessionState, tuple[SessionState, ...]] = {
    SessionState.DRAFT: (SessionState.PUBLISHED,),
    SessionState.PUBLISHED: (SessionState.IN_PROGRESS,),
    SessionState.IN_PROGRESS: (SessionState.CLOSED,),
    SessionState.CLOSED: (SessionState.MINUTES_APPROVED,),
    SessionState.MINUTES_APPROVED: (),
}
EDITABLE = (SessionState.DRAFT, SessionState.PUBLISHED)


@dataclass(frozen=True)
class SessionSummary:
    id: uuid.UUID
    kind: SessionKind
    title: str
    number: int | None
    starts_at: datetime
    planned_end_at: datetime | None
    place: str
    state: SessionState
    chair: str
    item_count: int
    document_count: int
    version: int


@dataclass(frozen=True)
class DocumentInfo:
    id: uuid.UUID
    item_id: uuid.UUID
    title: str
    kind: DocumentKind
    classification: Classification
    version_id: uuid.UUID | None
    version_number: int
    sha256: str
    filename: str
    page_count: int
    size: int
    changed_since_published: bool
    version: int


@dataclass(frozen=True)
class ItemInfo:
    id: uuid.UUID
    parent_id: uuid.UUID | None
    position: int
    number: str  # "3" or "3.1"
    title: str
    presenter: str
    presenter_org_id: uuid.UUID | None
    kind: ItemKind
    planned_minutes: int
    classification: Classification
    changed_since_published: bool
    version: int
    documents: tuple[DocumentInfo, ...] = ()


@dataclass(frozen=True)
class SessionDetail:
    summary: SessionSummary
    items: tuple[ItemInfo, ...]
    invited: tuple[tuple[uuid.UUID, str, InviteRole], ...] = field(default=())

    @property
    def planned_minutes(self) -> int:
        return sum(i.planned_minutes for i in self.items if i.parent_id is None)


@dataclass(frozen=True)
class TransitionResult:
    summary: SessionSummary
    warnings: tuple[str, ...] = ()


def _summaries(session: Session, actor: Actor, session_id: uuid.UUID | None = None) -> list[SessionSummary]:
    """Session rows with their chair and counts, filtered by visibility; one statement, correlated counts."""
    item_count = (
        select(func.count(AgendaItem.id)).where(AgendaItem.session_id == CabinetSession.id).scalar_subquery()
    )
    document_count = (
        select(func.count(Document.id))
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .where(AgendaItem.session_id == CabinetSession.id, document_filter(actor))
        .scalar_subquery()
    )
    c = CabinetSession
    query = (
        select(
            c.id,
            c.kind,
            c.title,
            c.number,
            c.starts_at,
            c.planned_end_at,
            c.place,
            c.state,
            Member.full_name,
            item_count,
            document_count,
            c.version,
        )
        .outerjoin(Member, Member.id == c.chair_id)
        .where(session_filter(actor))
        .order_by(c.starts_at.desc())
    )
    if session_id is not None:
        query = query.where(c.id == session_id)
    return [
        SessionSummary(i, k, t, n, st, end, pl, state, chair or "", items or 0, docs or 0, v)
        for i, k, t, n, st, end, pl, state, chair, items, docs, v in session.execute(query)
    ]


def list_sessions(session: Session, actor: Actor) -> list[SessionSummary]:
    """The sessions `actor` may see, newest first."""
    return _summaries(session, actor)


def session_summary(session: Session, actor: Actor, session_id: uuid.UUID) -> SessionSummary:
    """One session's summary; NotFound when it does not exist or `actor` may not see it."""
    rows = _summaries(session, actor, session_id)
    if not rows:
        raise NotFound("not_found", what="session", ref=str(session_id))
    return rows[0]


# --- one session's agenda: the hot path of opening a session (bench/bench_dossiers.py measures it) -------------
#
# get_session's statements are built once per viewer and run on the unit of work's connection, not through the
# ORM. Rows come back as the driver gives them and are converted here, once per value: ids by `_hex_uuid`
# (an item's id once, not again for each of its documents), enum values by dictionary, and the result objects
# are filled in one step rather than field by field. The summary's counts are those of the rows read rather
# than two more correlated subqueries. Opening a session of 60 items and 300 documents takes a third of the
# time the ORM queries took, for the same results.

_ITEM_KINDS = {k.value: k for k in ItemKind}
_DOCUMENT_KINDS = {k.value: k for k in DocumentKind}
_CLASSIFICATIONS = {c.value: c for c in Classification}
_INVITE_ROLES = {r.value: r for r in InviteRole}

_new_object = object.__new__


def _uuid_setter(name: str) -> Any:
    """How to set one of uuid.UUID's slots: its descriptor's __set__ (object.__setattr__ would look it up)."""
    setter = getattr(vars(uuid.UUID).get(name), "__set__", None)
    return setter or (lambda obj, value: object.__setattr__(obj, name, value))


_set_uuid_int = _uuid_setter("int")
_set_uuid_safety = _uuid_setter("is_safe")
_UNKNOWN_SAFETY = uuid.SafeUUID.unknown
_UUID_LIMIT = 1 << 128


def _raw(column: Any) -> Any:
    """`column` as the driver returns it: ids as 32 hex digits (SQLite) or UUIDs (PostgreSQL); enum values."""
    return type_coerce(column, String)


def _as_uuid(raw: Any) -> uuid.UUID:
    """A UUID from the driver's value: a UUID already (PostgreSQL) or 32 hex digits (SQLite)."""
    return raw if isinstance(raw, uuid.UUID) else _hex_uuid(raw)


def _hex_uuid(raw: str) -> uuid.UUID:
    """`uuid.UUID(raw)` for the 32 hex digits SQLAlchemy stores on SQLite, in a third of the time.

    It sets what `uuid.UUID.__init__` sets (`int`, `is_safe`) without parsing the other spellings that
    constructor accepts. A value of another length or out of range goes to `uuid.UUID` (which refuses it);
    one that is not a number raises ValueError, as `uuid.UUID` does. 600 ids are a quarter of get_session on
    a large agenda. `_FAST` turns this off on a Python whose UUID is built differently.
    """
    number = int(raw, 16)
    if not _FAST or len(raw) != 32 or not 0 <= number < _UUID_LIMIT:
        return uuid.UUID(raw)
    value = _new_object(uuid.UUID)
    _set_uuid_int(value, number)
    _set_uuid_safety(value, _UNKNOWN_SAFETY)
    return value


# A frozen dataclass's __init__ sets each field with object.__setattr__; filling the new instance's __dict__ in
# one step makes an equal object in half the time. `_FAST` checks on sample values that both give equal objects.


def _document_info(
    id_: uuid.UUID,
    item_id: uuid.UUID,
    title: str,
    kind: DocumentKind,
    classification: Classification,
    version_id: uuid.UUID | None,
    version_number: int,
    sha256: str,
    filename: str,
    page_count: int,
    size: int,
    changed_since_published: bool,
    version: int,
) -> DocumentInfo:
    if not _FAST:
        return DocumentInfo(
            id_,
            item_id,
            title,
            kind,
            classification,
            version_id,
            version_number,
            sha256,
            filename,
            page_count,
            size,
            changed_since_published,
            version,
        )
    obj: DocumentInfo = _new_object(DocumentInfo)
    obj.__dict__.update(
        {
            "id": id_,
            "item_id": item_id,
            "title": title,
            "kind": kind,
            "classification": classification,
            "version_id": version_id,
            "version_number": version_number,
            "sha256": sha256,
            "filename": filename,
            "page_count": page_count,
            "size": size,
            "changed_since_published": changed_since_published,
            "version": version,
        }
    )
    return obj


def _item_info(
    id_: uuid.UUID,
    parent_id: uuid.UUID | None,
    position: int,
    number: str,
    title: str,
    presenter: str,
    presenter_org_id: uuid.UUID | None,
    kind: ItemKind,
    planned_minutes: int,
    classification: Classification,
    changed_since_published: bool,
    version: int,
    documents: tuple[DocumentInfo, ...],
) -> ItemInfo:
    if not _FAST:
        return ItemInfo(
            id_,
            parent_id,
            position,
            number,
            title,
            presenter,
            presenter_org_id,
            kind,
            planned_minutes,
            classification,
            changed_since_published,
            version,
            documents,
        )
    obj: ItemInfo = _new_object(ItemInfo)
    obj.__dict__.update(
        {
            "id": id_,
            "parent_id": parent_id,
            "position": position,
            "number": number,
            "title": title,
            "presenter": presenter,
            "presenter_org_id": presenter_org_id,
            "kind": kind,
            "planned_minutes": planned_minutes,
            "classification": classification,
            "changed_since_published": changed_since_published,
            "version": version,
            "documents": documents,
        }
    )
    return obj


def _fast_paths_agree() -> bool:
    """Whether the shortcuts above make the same objects as the constructors, on this Python."""
    sample = uuid.uuid4()
    values: list[Any] = list(range(13))
    try:
        made = _hex_uuid(sample.hex)
        return (
            (made, hash(made), str(made)) == (sample, hash(sample), str(sample))
            and _document_info(*values) == DocumentInfo(*values)
            and _item_info(*values) == ItemInfo(*values)
            and vars(_item_info(*values)) == vars(ItemInfo(*values))
        )
    except Exception:
        return False


_FAST = True
_FAST = _fast_paths_agree()


@dataclass(frozen=True)
class _DetailQueries:
    session: Any
    items: Any
    documents: Any
    invited: Any


@functools.lru_cache(maxsize=64)
def _detail_queries(actor: Actor) -> _DetailQueries:
    """get_session's statements for `actor` (visibility is part of them); the session id is a parameter."""
    session_id = bindparam("session_id", type_=Uuid())
    c, a, d, v = CabinetSession, AgendaItem, Document, DocumentVersion
    head = (
        select(c.id, c.kind, c.title, c.number, c.starts_at, c.planned_end_at, c.place, c.state)
        .add_columns(Member.full_name, c.version)
        .outerjoin(Member, Member.id == c.chair_id)
        .where(c.id == session_id, session_filter(actor))
    )
    items = (
        select(
            _raw(a.id),
            _raw(a.parent_id),
            a.position,
            a.title,
            Organisation.short_name,
            _raw(a.presenter_org_id),
            _raw(a.kind),
            a.planned_minutes,
            _raw(a.classification),
            a.changed_since_published,
            a.version,
        )
        .outerjoin(Organisation, Organisation.id == a.presenter_org_id)
        .where(a.session_id == session_id)
        .order_by(a.position)
    )
    documents = (
        select(
            _raw(d.id),
            _raw(d.item_id),
            d.title,
            _raw(d.kind),
            _raw(d.classification),
            _raw(v.id),
            v.number,
            v.sha256,
            v.filename,
            v.page_count,
            v.size,
            d.changed_since_published,
            d.version,
        )
        .join(a, a.id == d.item_id)
        .outerjoin(v, v.id == d.current_version_id)
        .where(a.session_id == session_id, document_filter(actor))
        .order_by(d.position)
    )
    invited = (
        select(_raw(Invitation.member_id), Member.full_name, _raw(Invitation.role))
        .join(Member, Member.id == Invitation.member_id)
        .where(Invitation.session_id == session_id)
        .order_by(Invitation.role, Member.sort_order, Member.full_name)
    )
    return _DetailQueries(head, items, documents, invited)


def get_session(session: Session, actor: Actor, session_id: uuid.UUID) -> SessionDetail:
    """A session with its agenda (in order, sub-items after their parent) and the documents `actor` may see."""
    if session.autoflush:  # as an ORM query would: a writing unit of work reads its own changes
        session.flush()
    queries = _detail_queries(actor)
    conn = session.connection()
    params = {"session_id": session_id}
    head = conn.execute(queries.session, params).first()
    if head is None:  # the same answer whether it does not exist or is hidden
        raise NotFound("not_found", what="session", ref=str(session_id))
    item_rows = conn.execute(queries.items, params).all()
    doc_rows = conn.execute(queries.documents, params).all()
    invited_rows = conn.execute(queries.invited, params).all()
    to_uuid = _hex_uuid if conn.dialect.name == "sqlite" else _as_uuid

    item_ids = {row[0]: to_uuid(row[0]) for row in item_rows}  # raw id -> UUID, converted once
    docs: dict[Any, list[DocumentInfo]] = {raw: [] for raw in item_ids}
    kinds, classes, document_info = _DOCUMENT_KINDS, _CLASSIFICATIONS, _document_info
    for (
        raw_id,
        raw_item,
        title,
        kind,
        cls,
        ver_id,
        number,
        sha,
        filename,
        pages,
        size,
        changed,
        ver,
    ) in doc_rows:
        if ver_id is None:  # no current version (its file was removed)
            version_id, number, sha, filename, pages, size = None, 0, "", "", 0, 0
        else:
            version_id = to_uuid(ver_id)
        docs[raw_item].append(
            document_info(
                to_uuid(raw_id),
                item_ids[raw_item],
                title,
                kinds[kind],
                classes[cls],
                version_id,
                number,
                sha,
                filename,
                pages,
                size,
                changed,
                ver,
            )
        )
    orgs: dict[Any, uuid.UUID] = {}

    def info(r: Any, number: str) -> ItemInfo:
        raw_id, parent, position, title, presenter, org, kind, minutes, cls, changed, ver = r
        if org is not None and org not in orgs:
            orgs[org] = to_uuid(org)
        return _item_info(
            item_ids[raw_id],
            None if parent is None else item_ids[parent],
            position,
            number,
            title,
            presenter or "",
            None if org is None else orgs[org],
            _ITEM_KINDS[kind],
            minutes,
            classes[cls],
            changed,
            ver,
            tuple(docs[raw_id]),
        )

    children: dict[Any, list[Any]] = {}
    for item_row in item_rows:
        if item_row[1] is not None:
            children.setdefault(item_row[1], []).append(item_row)
    ordered: list[ItemInfo] = []
    top_rows = [r for r in item_rows if r[1] is None]
    for n, top in enumerate(top_rows, 1):
        ordered.append(info(top, str(n)))
        ordered.extend(info(sub, f"{n}.{m}") for m, sub in enumerate(children.get(top[0], ()), 1))
    sid, kind, title, number, starts_at, planned_end_at, place, state, chair, version = head
    summary = SessionSummary(
        sid,
        kind,
        title,
        number,
        starts_at,
        planned_end_at,
        place,
        state,
        chair or "",
        len(item_rows),
        len(doc_rows),
        version,
    )
    invited = tuple((to_uuid(m), name, _INVITE_ROLES[role]) for m, name, role in invited_rows)
    return SessionDetail(summary, tuple(ordered), invited)


def document_info(d: Document, v: DocumentVersion | None) -> DocumentInfo:
    return DocumentInfo(
        d.id,
        d.item_id,
        d.title,
        d.kind,
        d.classification,
        v.id if v else None,
        v.number if v else 0,
        v.sha256 if v else "",
        v.filename if v else "",
        v.page_count if v else 0,
        v.size if v else 0,
        d.changed_since_published,
        d.version,
    )


def item_info(item: AgendaItem, number: str, documents: Iterable[DocumentInfo] = ()) -> ItemInfo:
    return ItemInfo(
        item.id,
        item.parent_id,
        item.position,
        number,
        item.title,
        item.presenter.short_name if item.presenter else "",
        item.presenter_org_id,
        item.kind,
        item.planned_minutes,
        item.classification,
        item.changed_since_published,
        item.version,
        tuple(documents),
    )


def check_version(obj: CabinetSession | AgendaItem | Document, expected: int | None, what: str) -> None:
    """Refuse an edit made on a copy older than the row (optimistic locking)."""
    if expected is not None and obj.version != expected:
        raise StaleEdit("stale_edit", what=what, current=obj.version, expected=expected)


def create_session(
    session: Session,
    actor: Actor,
    title: str,
    kind: SessionKind,
    starts_at: datetime,
    place: str = "",
    chair_id: uuid.UUID | None = None,
    planned_end_at: datetime | None = None,
    number: int | None = None,
    invite_all_members: bool = True,
) -> SessionSummary:
    require(session, actor, Permission.MANAGE_SESSIONS)
    if not title.strip():
        raise InvalidInput("field_required", field="title")
    if starts_at.tzinfo is None:
        raise InvalidInput("field_invalid", field="start", reason="a time zone is needed")
    if planned_end_at is not None and planned_end_at <= starts_at:
        raise InvalidInput("field_invalid", field="start", reason="the end must come after the start")
    if chair_id is None:
        chair_id = session.execute(
            select(Member.id).where(Member.is_head_of_government.is_(True), Member.active.is_(True))
        ).scalar()
    row = CabinetSession(
        title=title.strip(),
        kind=kind,
        starts_at=starts_at,
        place=place.strip(),
        chair_id=chair_id,
        planned_end_at=planned_end_at,
        number=number,
    )
    session.add(row)
    session.flush()
    if invite_all_members:
        voters = session.execute(
            select(Member.id).where(Member.role == Role.MEMBER, Member.active.is_(True))
        ).scalars()
        for member_id in voters:
            session.add(Invitation(session_id=row.id, member_id=member_id, role=InviteRole.MEMBER))
        session.flush()
    return session_summary(session, actor, row.id)


def update_session(
    session: Session, actor: Actor, session_id: uuid.UUID, expected_version: int | None, **changes: object
) -> SessionSummary:
    """Edit title, kind, times, place, chair or number of a draft or published session."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    row = check_session_visible(session, actor, session_id)
    check_version(row, expected_version, "session")
    if row.state not in EDITABLE:
        raise InvalidState("session_not_editable", state=row.state.value)
    allowed = {"title", "kind", "starts_at", "planned_end_at", "place", "chair_id", "number"}
    for key, value in changes.items():
        if key not in allowed:
            raise InvalidInput("field_invalid", field=key, reason="not editable")
        if key == "title" and not str(value).strip():
            raise InvalidInput("field_required", field="title")
        setattr(row, key, value)
    session.flush()
    return session_summary(session, actor, row.id)


def set_invitation(
    session: Session, actor: Actor, session_id: uuid.UUID, member_id: uuid.UUID, role: InviteRole | None
) -> None:
    """Invite a member or guest (role), or withdraw the invitation (None)."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    row = check_session_visible(session, actor, session_id)
    if row.state not in EDITABLE:
        raise InvalidState("session_not_editable", state=row.state.value)
    member = session.get(Member, member_id)
    if member is None:
        raise InvalidInput("not_found", what="member", ref=str(member_id))
    if role is InviteRole.MEMBER and member.role is not Role.MEMBER:
        raise InvalidInput("field_invalid", field="role", reason="only Government members attend as members")
    existing = session.execute(
        select(Invitation).where(Invitation.session_id == session_id, Invitation.member_id == member_id)
    ).scalar()
    if role is None:
        if existing is not None:
            session.delete(existing)
    elif existing is None:
        session.add(Invitation(session_id=session_id, member_id=member_id, role=role))
    else:
        existing.role = role
    session.flush()


def _transition(
    session: Session, actor: Actor, session_id: uuid.UUID, target: SessionState, expected_version: int | None
) -> CabinetSession:
    row = check_session_visible(session, actor, session_id)
    check_version(row, expected_version, "session")
    if target not in TRANSITIONS[row.state]:
        raise InvalidState("session_transition", state=row.state.value, target=target.value)
    row.state = target
    return row


def publish_session(
    session: Session, actor: Actor, session_id: uuid.UUID, expected_version: int | None = None
) -> TransitionResult:
    """Phát hành: freeze the pack and send it to the invitees; later edits are flagged as changes."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    has_items = session.execute(
        select(AgendaItem.id).where(AgendaItem.session_id == session_id).limit(1)
    ).first()
    row = _transition(session, actor, session_id, SessionState.PUBLISHED, expected_version)
    if not has_items:
        raise InvalidState("publish_empty")
    now = utcnow()
    row.published_at = now
    session.flush()
    warnings = []
    if row.starts_at - now < MIN_NOTICE:
        warnings.append("late_publication")
    return TransitionResult(session_summary(session, actor, row.id), tuple(warnings))


def _may_run(session: Session, actor: Actor, row: CabinetSession) -> None:
    if actor.can(Permission.RUN_SESSION) or actor.member_id == row.chair_id:
        bind(session, actor)
        return
    raise PermissionDenied("permission_denied", actor=actor.name, action="run_session")


def start_session(
    session: Session, actor: Actor, session_id: uuid.UUID, expected_version: int | None = None
) -> TransitionResult:
    """Khai mạc: the session is in progress; attendance and votes are now possible."""
    _may_run(session, actor, check_session_visible(session, actor, session_id))
    row = _transition(session, actor, session_id, SessionState.IN_PROGRESS, expected_version)
    row.opened_at = utcnow()
    session.flush()
    return TransitionResult(session_summary(session, actor, row.id))


def close_session(
    session: Session, actor: Actor, session_id: uuid.UUID, expected_version: int | None = None
) -> TransitionResult:
    """Bế mạc: no more votes; the minutes can be drafted."""
    _may_run(session, actor, check_session_visible(session, actor, session_id))
    row = _transition(session, actor, session_id, SessionState.CLOSED, expected_version)
    row.closed_at = utcnow()
    session.flush()
    return TransitionResult(session_summary(session, actor, row.id))
