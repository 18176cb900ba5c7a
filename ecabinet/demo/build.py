"""`create_demo`: fill an empty database with a realistic Government, an upcoming and a past session."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import select

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.demo import government as G
from ecabinet.demo.dossiers import render_dossier
from ecabinet.errors import InvalidState
from ecabinet.model import (
    Classification,
    DocumentKind,
    InviteRole,
    ItemKind,
    Member,
    OrgKind,
    Role,
    SessionKind,
)
from ecabinet.pdf.inspect import pdf_facts
from ecabinet.search.index import index_pending
from ecabinet.services import members as M
from ecabinet.services.actor import load_actor

HANOI = timezone(timedelta(hours=7))
Progress = Callable[[int, str], None]


class Cancelled(Exception):
    """The user cancelled; nothing was written to the database."""


@dataclass(frozen=True)
class DemoResult:
    session_ids: tuple[uuid.UUID, ...]
    member_count: int
    document_count: int
    page_count: int


@dataclass(frozen=True)
class _Rendered:
    sha256: str
    size: int
    pages: int
    outline: list[Any]


def _session_dates(now: datetime) -> tuple[datetime, datetime]:
    """The next regular session a little over a week ahead, and last month's, both at 08:00 Hà Nội time."""
    upcoming = (now.astimezone(HANOI) + timedelta(days=9)).date()
    while upcoming.weekday() >= 5:
        upcoming += timedelta(days=1)
    past = upcoming - timedelta(days=30)
    while past.weekday() >= 5:
        past -= timedelta(days=1)
    at = time(8, 0, tzinfo=HANOI)
    return datetime.combine(upcoming, at).astimezone(UTC), datetime.combine(past, at).astimezone(UTC)


def _reviewed_month(session_start: datetime) -> str:
    """A regular session reviews the month before it (Decree 39/2022 art. 23: held by the 5th)."""
    reviewed = session_start.astimezone(HANOI).replace(day=1) - timedelta(days=1)
    return f"tháng {reviewed.month} năm {reviewed.year}"


def _walk(items: tuple[G.ItemSpec, ...]) -> list[G.ItemSpec]:
    out: list[G.ItemSpec] = []
    for item in items:
        out.append(item)
        out.extend(item.sub_items)
    return out


def create_demo(
    database: Database, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None
) -> DemoResult:
    """Build the demo in one transaction; dossier files are rendered first (most of the time), with progress."""
    report = progress or (lambda _p, _t: None)
    is_cancelled = cancelled or (lambda: False)
    with database.read() as s:
        if s.execute(select(Member.id).limit(1)).first():
            raise InvalidState("demo_exists")

    upcoming_at, past_at = _session_dates(datetime.now(UTC))
    sessions = (
        (
            f"Phiên họp Chính phủ thường kỳ {_reviewed_month(upcoming_at)}",
            upcoming_at,
            G.REGULAR_SESSION_ITEMS,
        ),
        (f"Phiên họp Chính phủ thường kỳ {_reviewed_month(past_at)}", past_at, G.PAST_SESSION_ITEMS),
    )
    jobs = [
        (title, item, doc)
        for title, _at, specs in sessions
        for item in _walk(specs)
        for doc in item.documents
    ]
    total_pages = sum(doc.pages for _t, _i, doc in jobs)
    rendered: dict[tuple[str, str, str], _Rendered] = {}
    done_pages = 0
    for n, (session_title, item, doc) in enumerate(jobs):
        if is_cancelled():
            raise Cancelled()
        report(int(85 * done_pages / total_pages), f"Tạo tài liệu {n + 1}/{len(jobs)}: {doc.title}")
        data = render_dossier(
            doc.kind,
            doc.title,
            G.org_by_code(item.presenter_code).name,
            doc.pages,
            session_title,
            seed=n,
            classification=item.classification,
        )
        pages, outline = pdf_facts(data)
        rendered[(session_title, item.title, doc.title)] = _Rendered(
            database.blobs.put(data), len(data), pages, outline
        )
        done_pages += doc.pages
    if is_cancelled():
        raise Cancelled()
    report(86, "Ghi dữ liệu vào cơ sở dữ liệu")

    with database.write(None) as s:
        orgs = {}
        for n, org in enumerate(G.ORGANISATIONS):
            orgs[org.code] = M.add_organisation(
                s, None, org.code, org.name, org.short_name, OrgKind(org.kind), n
            ).id
        leader_spec = next(p for p in G.SECRETARIAT if p.role == "secretariat_leader")
        leader_info = M.bootstrap_secretariat(s, leader_spec.full_name, leader_spec.title)
        leader = load_actor(s, leader_info.id)
        s.get(Member, leader.member_id).organisation_id = orgs[leader_spec.org_code]  # type: ignore[union-attr]
        ids: dict[str, uuid.UUID] = {leader_spec.full_name: leader.member_id}
        for n, person in enumerate(G.all_people()):
            if person is leader_spec:
                continue
            info = M.add_member(
                s,
                leader,
                person.full_name,
                person.title,
                Role(person.role),
                orgs.get(person.org_code),
                person.has_vote,
                person.is_head_of_government,
                sort_order=n,
            )
            ids[person.full_name] = info.id
        # Classified documents go to the head of government, the deputies and the defence and security ministers.
        cleared = [ids[p.full_name] for p in G.MEMBERS if p.org_code in (G.GOVERNMENT_CODE, "BQP", "BCA")]

        session_ids = []
        document_count = 0
        for number, (title, starts_at, specs) in enumerate(sessions, start=1):
            created = S.create_session(
                s,
                leader,
                title,
                SessionKind.REGULAR,
                starts_at,
                place="Trụ sở Chính phủ, Hà Nội",
                planned_end_at=starts_at + timedelta(hours=8),
                number=20 - number,
            )
            session_ids.append(created.id)
            for guest in G.GUESTS:
                S.set_invitation(s, leader, created.id, ids[guest.full_name], InviteRole.GUEST)
            for spec in specs:
                document_count += _add_item(s, leader, created.id, title, spec, None, orgs, rendered, cleared)
            S.publish_session(s, leader, created.id)
            if starts_at < datetime.now(UTC):
                S.start_session(s, leader, created.id)
                S.close_session(s, leader, created.id)
    # Index the dossiers so search works at once; the data is already committed, so a cancel here only
    # leaves some files for the next background indexing run.
    index_pending(
        database,
        progress=lambda done, total, _text: report(90 + (10 * done) // max(total, 1), "Lập chỉ mục tìm kiếm"),
        cancelled=is_cancelled,
    )
    report(100, "Đã tạo dữ liệu mẫu")
    return DemoResult(tuple(session_ids), len(ids), document_count, sum(r.pages for r in rendered.values()))


def _add_item(
    s: Any,
    actor: Any,
    session_id: uuid.UUID,
    session_title: str,
    spec: G.ItemSpec,
    parent_id: uuid.UUID | None,
    orgs: dict[str, uuid.UUID],
    rendered: dict[tuple[str, str, str], _Rendered],
    cleared: list[uuid.UUID],
) -> int:
    classification = Classification(spec.classification)
    item = I.add_item(
        s,
        actor,
        session_id,
        spec.title,
        ItemKind(spec.kind),
        spec.planned_minutes,
        orgs[spec.presenter_code],
        classification,
        parent_id=parent_id,
    )
    count = 0
    for doc in spec.documents:
        r = rendered[(session_title, spec.title, doc.title)]
        info = D.add_document(
            s,
            actor,
            item.id,
            doc.title,
            r.sha256,
            f"{doc.kind}-{r.sha256[:8]}.pdf",
            r.size,
            r.pages,
            DocumentKind(doc.kind),
            classification,
            r.outline,
            for_guests=doc.kind == "submission" and not classification.is_classified,
        )
        if classification.is_classified:
            D.set_distribution(s, actor, info.id, cleared)
        count += 1
    for sub in spec.sub_items:
        count += _add_item(s, actor, session_id, session_title, sub, item.id, orgs, rendered, cleared)
    return count
