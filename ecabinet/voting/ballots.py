"""Phiếu lấy ý kiến thành viên Chính phủ: the written procedure, from the draft to the opinion summary.

A secretariat officer drafts a ballot on an item (or on its own): questions, the documents asked about (each
pinned to the version current when added, with its hash), the recipients (default: every member with a
voting right) and a deadline. It is submitted, approved by a secretariat leader other than its drafter — or
returned with a reason, edited and submitted again — then sent, then closed:

    draft → submitted → approved → sent → closed
                      ↘ returned → submitted …

Members see only sent (or closed) ballots addressed to them. Each answers each question Agree / Disagree /
Other opinion — a comment is required for the last two — and may change an answer until the deadline; after
it every answer is refused. The secretariat sees, at any time, who answered what and who has not
(`ballot_report`); the report is final once the deadline has passed or the ballot is closed. The result of
each question follows the ballot's majority rule ("written_procedure" by default: Agree from more than half
of ALL members with a voting right, a tie between Agree and Disagree following the head of government's
answer). Its base is the number of members with a voting right when the report is made; the totals at
closing are kept in the "ballot_closed" audit event.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session, aliased

from ecabinet.audit import record_event
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied, StaleEdit
from ecabinet.model import (
    AgendaItem,
    BallotDocument,
    BallotQuestion,
    BallotRecipient,
    BallotState,
    Classification,
    Distribution,
    Document,
    DocumentVersion,
    Member,
    OpinionAnswer,
    OpinionBallot,
    OpinionChoice,
    Role,
)
from ecabinet.services.actor import Actor, Permission, bind, require
from ecabinet.voting.common import clock, count_voters, head_of_government, load_item, voters_query, when
from ecabinet.voting.rules import (
    BALLOT_DEFAULT_RULE,
    BALLOT_WORDING,
    Decision,
    Tally,
    majority_rule,
    tally_answers,
)

TRANSITIONS: dict[BallotState, tuple[BallotState, ...]] = {
    BallotState.DRAFT: (BallotState.SUBMITTED,),
    BallotState.SUBMITTED: (BallotState.APPROVED, BallotState.RETURNED),
    BallotState.RETURNED: (BallotState.SUBMITTED,),
    BallotState.APPROVED: (BallotState.SENT,),
    BallotState.SENT: (BallotState.CLOSED,),
    BallotState.CLOSED: (),
}
EDITABLE = (BallotState.DRAFT, BallotState.RETURNED)
SEEN_BY_MEMBERS = (BallotState.SENT, BallotState.CLOSED)
# A sent ballot is "due soon" when its deadline is this close and answers are missing.
DUE_SOON = timedelta(hours=48)
MAX_QUESTIONS = 50


class BallotFlag(StrEnum):
    OVERDUE = "overdue"  # secretariat: past the deadline and not closed; member: past it without an answer
    DUE_SOON = "due_soon"  # the deadline is within DUE_SOON and answers are missing (the member's own)


@dataclass(frozen=True)
class BallotSummary:
    id: uuid.UUID
    item_id: uuid.UUID | None
    item_title: str
    title: str
    state: BallotState
    deadline: datetime
    sent_at: datetime | None
    closed_at: datetime | None
    question_count: int
    recipient_count: int
    answered_count: int  # recipients who have answered every question
    is_recipient: bool  # the acting user is asked
    answered_by_me: bool  # … and has answered every question
    flag: BallotFlag | None
    version: int


@dataclass(frozen=True)
class QuestionInfo:
    id: uuid.UUID
    number: int  # 1-based, as printed
    text: str


@dataclass(frozen=True)
class PinnedDocument:
    document_id: uuid.UUID
    title: str
    version_id: uuid.UUID
    version_number: int
    sha256: str
    filename: str
    page_count: int


@dataclass(frozen=True)
class AnswerInfo:
    question_id: uuid.UUID
    question_number: int
    member_id: uuid.UUID
    name: str
    choice: OpinionChoice
    comment: str
    answered_at: datetime
    recorded_by: str  # the officer who recorded it for the member; "" when the member answered


@dataclass(frozen=True)
class BallotDetail:
    summary: BallotSummary
    questions: tuple[QuestionInfo, ...]
    documents: tuple[PinnedDocument, ...]
    recipients: tuple[tuple[uuid.UUID, str], ...]  # shown to the secretariat only
    majority_rule: str
    drafted_by: str
    approved_by: str
    return_reason: str
    my_answers: tuple[AnswerInfo, ...]
    can_answer: bool  # the acting user may answer (or change an answer) now


@dataclass(frozen=True)
class QuestionReport:
    question: QuestionInfo
    tally: Tally  # yes = agree, no = disagree, other = other opinion
    agree: tuple[str, ...]
    disagree: tuple[str, ...]
    other: tuple[str, ...]
    no_answer: tuple[str, ...]
    answers: tuple[AnswerInfo, ...]  # every answer, in protocol order, with its comment
    decision: Decision


@dataclass(frozen=True)
class BallotReport:
    """Báo cáo tổng hợp ý kiến: counts, names per choice, comments, the result by the rule, who is silent."""

    ballot: BallotSummary
    at: datetime
    final: bool  # the deadline has passed or the ballot is closed: no answer can change any more
    total_members: int
    recipient_count: int
    questions: tuple[QuestionReport, ...]
    no_answer: tuple[str, ...]  # recipients who have not answered every question


# --- loading and listing ----------------------------------------------------------------------------------


def _load(session: Session, actor: Actor, ballot_id: uuid.UUID, lock: str | None = None) -> OpinionBallot:
    """A ballot `actor` may see: any for the secretariat; for others only a sent or closed one to them."""
    query = (
        select(OpinionBallot).where(OpinionBallot.id == ballot_id).execution_options(populate_existing=True)
    )
    if lock == "share":
        query = query.with_for_update(read=True)
    elif lock == "update":
        query = query.with_for_update()
    ballot = session.execute(query).scalar()
    if (
        ballot is not None
        and not actor.is_secretariat
        and (ballot.state not in SEEN_BY_MEMBERS or not _is_recipient(session, ballot.id, actor.member_id))
    ):
        ballot = None  # the same answer as for a ballot that does not exist: no existence leak
    if ballot is None:
        raise NotFound("not_found", what="ballot", ref=str(ballot_id))
    return ballot


def _is_recipient(session: Session, ballot_id: uuid.UUID, member_id: uuid.UUID) -> bool:
    return (
        session.execute(
            select(BallotRecipient.id).where(
                BallotRecipient.ballot_id == ballot_id, BallotRecipient.member_id == member_id
            )
        ).scalar()
        is not None
    )


def _flag(
    actor: Actor, state: BallotState, deadline: datetime, at: datetime, missing: int, mine_missing: bool
) -> BallotFlag | None:
    if state is not BallotState.SENT:
        return None
    if actor.is_secretariat:
        if at > deadline:
            return BallotFlag.OVERDUE
        return BallotFlag.DUE_SOON if missing and deadline - at <= DUE_SOON else None
    if not mine_missing:
        return None
    if at > deadline:
        return BallotFlag.OVERDUE
    return BallotFlag.DUE_SOON if deadline - at <= DUE_SOON else None


def _summaries(session: Session, actor: Actor, ids: Select[uuid.UUID], at: datetime) -> list[BallotSummary]:
    """Summaries of the ballots selected by `ids`, counted in a few grouped queries (not one per ballot)."""
    chosen = ids  # used as IN (subquery): never a list of ids, however many ballots
    questions = (
        select(BallotQuestion.ballot_id.label("ballot_id"), func.count().label("n"))
        .where(BallotQuestion.ballot_id.in_(chosen))
        .group_by(BallotQuestion.ballot_id)
        .subquery()
    )
    q_counts: dict[uuid.UUID, int] = {b: n for b, n in session.execute(select(questions)).all()}
    r_counts: dict[uuid.UUID, int] = {
        b: n
        for b, n in session.execute(
            select(BallotRecipient.ballot_id, func.count())
            .where(BallotRecipient.ballot_id.in_(chosen))
            .group_by(BallotRecipient.ballot_id)
        ).all()
    }
    # (ballot, member) pairs where the member has answered every question of the ballot
    per_member = (
        select(
            BallotQuestion.ballot_id.label("ballot_id"),
            OpinionAnswer.member_id.label("member_id"),
            func.count().label("n"),
        )
        .join(OpinionAnswer, OpinionAnswer.question_id == BallotQuestion.id)
        .where(BallotQuestion.ballot_id.in_(chosen))
        .group_by(BallotQuestion.ballot_id, OpinionAnswer.member_id)
        .subquery()
    )
    done = (
        select(per_member.c.ballot_id, per_member.c.member_id)
        .join(questions, questions.c.ballot_id == per_member.c.ballot_id)
        .where(per_member.c.n >= questions.c.n)
        .subquery()
    )
    complete: dict[uuid.UUID, int] = {
        b: n
        for b, n in session.execute(select(done.c.ballot_id, func.count()).group_by(done.c.ballot_id)).all()
    }
    mine = set(session.execute(select(done.c.ballot_id).where(done.c.member_id == actor.member_id)).scalars())
    asked = set(
        session.execute(
            select(BallotRecipient.ballot_id).where(
                BallotRecipient.ballot_id.in_(chosen), BallotRecipient.member_id == actor.member_id
            )
        ).scalars()
    )
    rows = session.execute(
        select(OpinionBallot, AgendaItem.title)
        .outerjoin(AgendaItem, AgendaItem.id == OpinionBallot.item_id)
        .where(OpinionBallot.id.in_(chosen))
        .order_by(OpinionBallot.deadline.desc(), OpinionBallot.created_at.desc())
    ).all()
    result = []
    for b, item_title in rows:
        recipients, answered = r_counts.get(b.id, 0), complete.get(b.id, 0)
        is_recipient = b.id in asked
        mine_missing = is_recipient and b.id not in mine
        result.append(
            BallotSummary(
                b.id,
                b.item_id,
                item_title or "",
                b.title,
                b.state,
                b.deadline,
                b.sent_at,
                b.closed_at,
                q_counts.get(b.id, 0),
                recipients,
                answered,
                is_recipient,
                is_recipient and b.id in mine,
                _flag(actor, b.state, b.deadline, at, recipients - answered, mine_missing),
                b.version,
            )
        )
    return result


def _summary(session: Session, actor: Actor, ballot_id: uuid.UUID, at: datetime) -> BallotSummary:
    return _summaries(session, actor, select(OpinionBallot.id).where(OpinionBallot.id == ballot_id), at)[0]


def list_ballots(
    session: Session,
    actor: Actor,
    *,
    now: datetime | None = None,
    flagged_only: bool = False,
    states: Sequence[BallotState] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[BallotSummary]:
    """The ballots `actor` may see, latest deadline first; `flagged_only`: overdue and due-soon ones, the
    most urgent first (the secretariat's and a member's worklists).

    Ten years hold some 8,000 ballots: a list view asks for pages (`limit`, `offset`), as its table model
    fetches more rows; all of them at once take about a second.
    """
    at = clock(now)
    ids = select(OpinionBallot.id)
    if not actor.is_secretariat:
        ids = ids.join(BallotRecipient, BallotRecipient.ballot_id == OpinionBallot.id).where(
            BallotRecipient.member_id == actor.member_id, OpinionBallot.state.in_(SEEN_BY_MEMBERS)
        )
    if states:
        ids = ids.where(OpinionBallot.state.in_(list(states)))
    if flagged_only:
        ids = ids.where(OpinionBallot.state == BallotState.SENT)
        rows = [s for s in _summaries(session, actor, ids, at) if s.flag is not None]
        return sorted(rows, key=lambda s: s.deadline)[offset : None if limit is None else offset + limit]
    if limit is not None:  # pick the page once, then count for its few ids only
        page = ids.order_by(OpinionBallot.deadline.desc(), OpinionBallot.created_at.desc())
        chosen = list(session.execute(page.limit(limit).offset(offset)).scalars())
        ids = select(OpinionBallot.id).where(OpinionBallot.id.in_(chosen))
    return _summaries(session, actor, ids, at)


def _questions(session: Session, ballot_id: uuid.UUID) -> tuple[QuestionInfo, ...]:
    rows = session.execute(
        select(BallotQuestion).where(BallotQuestion.ballot_id == ballot_id).order_by(BallotQuestion.position)
    ).scalars()
    return tuple(QuestionInfo(q.id, n, q.text) for n, q in enumerate(rows, 1))


def _recipients(session: Session, ballot_id: uuid.UUID) -> tuple[tuple[uuid.UUID, str], ...]:
    rows = session.execute(
        select(Member.id, Member.full_name)
        .join(BallotRecipient, BallotRecipient.member_id == Member.id)
        .where(BallotRecipient.ballot_id == ballot_id)
        .order_by(Member.sort_order, Member.full_name)
    ).all()
    return tuple((member_id, name) for member_id, name in rows)


def _answers(
    session: Session, questions: Sequence[QuestionInfo], member_id: uuid.UUID | None = None
) -> list[AnswerInfo]:
    numbers = {q.id: q.number for q in questions}
    if not numbers:
        return []
    recorder = aliased(Member)
    query = (
        select(OpinionAnswer, Member.full_name, recorder.full_name)
        .join(Member, Member.id == OpinionAnswer.member_id)
        .outerjoin(recorder, recorder.id == OpinionAnswer.recorded_by_id)
        .where(OpinionAnswer.question_id.in_(list(numbers)))
        .order_by(Member.sort_order, Member.full_name)
    )
    if member_id is not None:
        query = query.where(OpinionAnswer.member_id == member_id)
    return [
        AnswerInfo(
            a.question_id,
            numbers[a.question_id],
            a.member_id,
            name,
            a.choice,
            a.comment,
            a.answered_at,
            by or "",
        )
        for a, name, by in session.execute(query).all()
    ]


def _documents(session: Session, ballot_id: uuid.UUID) -> tuple[PinnedDocument, ...]:
    rows = session.execute(
        select(BallotDocument, DocumentVersion, Document)
        .join(DocumentVersion, DocumentVersion.id == BallotDocument.version_id)
        .join(Document, Document.id == DocumentVersion.document_id)
        .where(BallotDocument.ballot_id == ballot_id)
        .order_by(Document.position, Document.title)
    ).all()
    return tuple(
        PinnedDocument(d.id, d.title, v.id, v.number, bd.sha256, v.filename, v.page_count)
        for bd, v, d in rows
    )


def get_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotDetail:
    """A ballot with its questions and pinned documents; the acting member's own answers."""
    at = clock(now)
    ballot = _load(session, actor, ballot_id)
    summary = _summary(session, actor, ballot.id, at)
    questions = _questions(session, ballot.id)
    names = dict(
        session.execute(
            select(Member.id, Member.full_name).where(
                Member.id.in_([i for i in (ballot.drafted_by_id, ballot.approved_by_id) if i is not None])
            )
        ).all()
    )
    return BallotDetail(
        summary,
        questions,
        _documents(session, ballot.id),
        _recipients(session, ballot.id) if actor.is_secretariat else (),
        ballot.majority_rule or BALLOT_DEFAULT_RULE,
        names.get(ballot.drafted_by_id, "") if ballot.drafted_by_id else "",
        names.get(ballot.approved_by_id, "") if ballot.approved_by_id else "",
        ballot.return_reason,
        tuple(_answers(session, questions, actor.member_id)) if summary.is_recipient else (),
        summary.is_recipient and ballot.state is BallotState.SENT and at <= ballot.deadline,
    )


# --- drafting --------------------------------------------------------------------------------------------


def _check_deadline(deadline: datetime, at: datetime) -> datetime:
    if deadline.tzinfo is None:
        raise InvalidInput("field_invalid", field="ballot_deadline", reason="needs_time_zone")
    if deadline <= at:
        raise InvalidInput("deadline_past", deadline=when(deadline))
    return deadline


def _set_questions(session: Session, ballot: OpinionBallot, questions: Sequence[str]) -> None:
    texts = [q.strip() for q in questions]
    if not texts or any(not t for t in texts):
        raise InvalidInput("field_required", field="ballot_question")
    if len(texts) > MAX_QUESTIONS:
        raise InvalidInput("ballot_too_many_questions", limit=MAX_QUESTIONS)
    for old in session.execute(select(BallotQuestion).where(BallotQuestion.ballot_id == ballot.id)).scalars():
        session.delete(old)
    session.flush()
    session.add_all(BallotQuestion(ballot_id=ballot.id, position=n, text=t) for n, t in enumerate(texts))


def _set_recipients(session: Session, ballot: OpinionBallot, member_ids: Sequence[uuid.UUID] | None) -> None:
    if member_ids is None:
        wanted = list(session.execute(voters_query()).scalars())
    else:
        wanted = list(dict.fromkeys(member_ids))
        people = {m.id: m for m in session.execute(select(Member).where(Member.id.in_(wanted))).scalars()}
        for member_id in wanted:
            person = people.get(member_id)
            if person is None or not person.active:
                raise NotFound("not_found", what="member", ref=str(member_id))
            if person.role is not Role.MEMBER:
                raise InvalidInput("ballot_recipient_invalid", name=person.full_name)
    if not wanted:
        raise InvalidInput("ballot_no_recipients")
    existing = {
        r.member_id: r
        for r in session.execute(
            select(BallotRecipient).where(BallotRecipient.ballot_id == ballot.id)
        ).scalars()
    }
    for member_id, row in existing.items():
        if member_id not in wanted:
            session.delete(row)
    session.add_all(BallotRecipient(ballot_id=ballot.id, member_id=m) for m in wanted if m not in existing)


def _set_documents(
    session: Session, ballot: OpinionBallot, item: AgendaItem | None, document_ids: Sequence[uuid.UUID] | None
) -> None:
    """Pin each document to its current version and that version's hash (later versions do not change it)."""
    if document_ids is None:
        docs = (
            list(
                session.execute(
                    select(Document).where(Document.item_id == item.id).order_by(Document.position)
                ).scalars()
            )
            if item is not None
            else []
        )
    else:
        docs = []
        for document_id in dict.fromkeys(document_ids):
            doc = session.get(Document, document_id)
            if doc is None:
                raise NotFound("not_found", what="document", ref=str(document_id))
            if item is not None and doc.item_id != item.id:
                raise InvalidInput("ballot_document_other_item", document=doc.title)
            docs.append(doc)
    for old in session.execute(select(BallotDocument).where(BallotDocument.ballot_id == ballot.id)).scalars():
        session.delete(old)
    for doc in docs:
        if doc.current_version_id is None:
            continue
        version = session.get(DocumentVersion, doc.current_version_id)
        assert version is not None
        session.add(BallotDocument(ballot_id=ballot.id, version_id=version.id, sha256=version.sha256))


def _check_distribution(session: Session, ballot: OpinionBallot) -> None:
    """A classified document goes only to its named recipients: every recipient of the ballot must be one."""
    session.flush()
    recipients = set(
        session.execute(
            select(BallotRecipient.member_id).where(BallotRecipient.ballot_id == ballot.id)
        ).scalars()
    )
    rows = session.execute(
        select(Document, AgendaItem.classification)
        .join(DocumentVersion, DocumentVersion.document_id == Document.id)
        .join(BallotDocument, BallotDocument.version_id == DocumentVersion.id)
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .where(BallotDocument.ballot_id == ballot.id)
    ).all()
    for doc, item_classification in rows:
        if doc.classification is Classification.NORMAL and item_classification is Classification.NORMAL:
            continue
        named = set(
            session.execute(
                select(Distribution.member_id).where(Distribution.document_id == doc.id)
            ).scalars()
        )
        missing = len(recipients - named)
        if missing:
            raise InvalidInput("ballot_document_not_distributed", document=doc.title, count=missing)


def create_ballot(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID | None,
    questions: Sequence[str],
    deadline: datetime,
    *,
    title: str = "",
    recipient_ids: Sequence[uuid.UUID] | None = None,
    document_ids: Sequence[uuid.UUID] | None = None,
    majority_rule_name: str | None = None,
    now: datetime | None = None,
) -> BallotDetail:
    """Soạn phiếu: a draft ballot on an item (its title by default) or on its own (`item_id` None).

    Defaults: the item's documents with a file, pinned; every member with a voting right as recipient.
    """
    at = clock(now)
    require(session, actor, Permission.MANAGE_SESSIONS)
    item = load_item(session, actor, item_id)[0] if item_id is not None else None
    title = (title or (item.title if item else "")).strip()
    if not title:
        raise InvalidInput("field_required", field="title")
    if majority_rule_name is not None:
        majority_rule(majority_rule_name)
    ballot = OpinionBallot(
        item_id=item.id if item else None,
        title=title,
        state=BallotState.DRAFT,
        deadline=_check_deadline(deadline, at),
        drafted_by_id=actor.member_id,
        majority_rule=majority_rule_name,
    )
    session.add(ballot)
    session.flush()
    _set_questions(session, ballot, questions)
    _set_recipients(session, ballot, recipient_ids)
    _set_documents(session, ballot, item, document_ids)
    _check_distribution(session, ballot)
    return get_ballot(session, actor, ballot.id, now=at)


def update_ballot(
    session: Session,
    actor: Actor,
    ballot_id: uuid.UUID,
    expected_version: int | None = None,
    *,
    title: str | None = None,
    questions: Sequence[str] | None = None,
    deadline: datetime | None = None,
    recipient_ids: Sequence[uuid.UUID] | None = None,
    document_ids: Sequence[uuid.UUID] | None = None,
    majority_rule_name: str | None = None,
    now: datetime | None = None,
) -> BallotDetail:
    """Edit a draft or returned ballot; a field left None stays as it is (documents given are re-pinned)."""
    at = clock(now)
    require(session, actor, Permission.MANAGE_SESSIONS)
    ballot = _load(session, actor, ballot_id)
    if expected_version is not None and ballot.version != expected_version:
        raise StaleEdit("stale_edit", what="ballot", current=ballot.version, expected=expected_version)
    if ballot.state not in EDITABLE:
        raise InvalidState(
            "ballot_transition", state=f"ballot_{ballot.state.value}", target="ballot_action_edit"
        )
    if title is not None:
        if not title.strip():
            raise InvalidInput("field_required", field="title")
        ballot.title = title.strip()
    if deadline is not None:
        ballot.deadline = _check_deadline(deadline, at)
    if majority_rule_name is not None:
        ballot.majority_rule = majority_rule(majority_rule_name).name
    if questions is not None:
        _set_questions(session, ballot, questions)
    if recipient_ids is not None:
        _set_recipients(session, ballot, recipient_ids)
    if document_ids is not None:
        item = session.get(AgendaItem, ballot.item_id) if ballot.item_id else None
        _set_documents(session, ballot, item, document_ids)
    _check_distribution(session, ballot)
    return get_ballot(session, actor, ballot.id, now=at)


# --- the lifecycle -----------------------------------------------------------------------------------------


def _move(ballot: OpinionBallot, target: BallotState, action: str) -> None:
    if target not in TRANSITIONS[ballot.state]:
        raise InvalidState("ballot_transition", state=f"ballot_{ballot.state.value}", target=action)
    ballot.state = target


def submit_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotSummary:
    """Trình duyệt: the officer hands the draft (or the returned ballot, once edited) to a leader."""
    at = clock(now)
    require(session, actor, Permission.MANAGE_SESSIONS)
    ballot = _load(session, actor, ballot_id, lock="update")
    _move(ballot, BallotState.SUBMITTED, "ballot_action_submit")
    session.flush()
    return _summary(session, actor, ballot.id, at)


def approve_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotSummary:
    """Phê duyệt: a secretariat leader — not the one who drafted it — approves the ballot for sending."""
    at = clock(now)
    require(session, actor, Permission.APPROVE_BALLOTS)
    ballot = _load(session, actor, ballot_id, lock="update")
    if ballot.state is BallotState.SUBMITTED and ballot.drafted_by_id == actor.member_id:
        raise PermissionDenied("ballot_self_approval", name=actor.name)
    _move(ballot, BallotState.APPROVED, "ballot_action_approve")
    ballot.approved_by_id = actor.member_id
    ballot.return_reason = ""
    session.flush()
    return _summary(session, actor, ballot.id, at)


def return_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, reason: str, now: datetime | None = None
) -> BallotSummary:
    """Trả lại: the leader sends the ballot back to its drafter with a reason."""
    at = clock(now)
    require(session, actor, Permission.APPROVE_BALLOTS)
    ballot = _load(session, actor, ballot_id, lock="update")
    _move(ballot, BallotState.RETURNED, "ballot_action_return")
    if not reason.strip():
        raise InvalidInput("field_required", field="voting_reason")
    ballot.return_reason = reason.strip()
    session.flush()
    return _summary(session, actor, ballot.id, at)


def send_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotSummary:
    """Gửi phiếu: the approved ballot reaches its recipients; from now on they may answer until the deadline."""
    at = clock(now)
    require(session, actor, Permission.MANAGE_SESSIONS)
    ballot = _load(session, actor, ballot_id, lock="update")
    _move(ballot, BallotState.SENT, "ballot_action_send")
    if ballot.deadline <= at:
        raise InvalidState("deadline_past", deadline=when(ballot.deadline))
    _check_distribution(session, ballot)
    ballot.sent_at = at
    session.flush()
    return _summary(session, actor, ballot.id, at)


def close_ballot(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotSummary:
    """Kết thúc: after the deadline, or earlier once every recipient has answered every question.

    The report's totals at this moment are written to the audit log ("ballot_closed").
    """
    at = clock(now)
    require(session, actor, Permission.MANAGE_SESSIONS)
    ballot = _load(session, actor, ballot_id, lock="update")
    if ballot.state is not BallotState.SENT:
        raise InvalidState(
            "ballot_transition", state=f"ballot_{ballot.state.value}", target="ballot_action_close"
        )
    before = _summary(session, actor, ballot.id, at)
    missing = before.recipient_count - before.answered_count
    if at <= ballot.deadline and missing:
        raise InvalidState("ballot_not_due", deadline=when(ballot.deadline), missing=missing)
    report = ballot_report(session, actor, ballot.id, now=at)
    _move(ballot, BallotState.CLOSED, "ballot_action_close")
    ballot.closed_at = at
    session.flush()
    record_event(
        session,
        "ballot_closed",
        "opinion_ballots",
        str(ballot.id),
        {
            "total_members": report.total_members,
            "recipients": report.recipient_count,
            "no_answer": len(report.no_answer),
            "questions": [
                {
                    "number": q.question.number,
                    "agree": q.tally.yes,
                    "disagree": q.tally.no,
                    "other": q.tally.other,
                    "rule": q.decision.rule,
                    "threshold": q.decision.threshold,
                    "passed": q.decision.passed,
                }
                for q in report.questions
            ],
        },
    )
    return _summary(session, actor, ballot.id, at)


# --- answers and the summary ---------------------------------------------------------------------------


def answer_ballot(
    session: Session,
    actor: Actor,
    ballot_id: uuid.UUID,
    question_id: uuid.UUID,
    choice: OpinionChoice,
    comment: str = "",
    *,
    member_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> AnswerInfo:
    """A member answers one question — or changes the answer — until the deadline.

    The secretariat may record a member's answer on their behalf (a reply that came on paper):
    `member_id` names the member and the answer keeps who recorded it.
    """
    at = clock(now)
    choice = OpinionChoice(choice)
    member_id = actor.member_id if member_id is None else member_id
    if member_id == actor.member_id:
        bind(session, actor)
        recorded_by = None
    elif actor.can(Permission.MANAGE_SESSIONS):
        bind(session, actor)
        recorded_by = actor.member_id
    else:
        raise PermissionDenied("permission_denied", actor=actor.name, action="record_for_others")
    ballot = _load(session, actor, ballot_id, lock="share")
    if ballot.state is not BallotState.SENT:
        raise InvalidState("ballot_not_open", state=f"ballot_{ballot.state.value}")
    if at > ballot.deadline:
        raise InvalidState("ballot_deadline_passed", deadline=when(ballot.deadline))
    member = session.get(Member, member_id)
    if member is None or not _is_recipient(session, ballot.id, member_id):
        raise PermissionDenied("not_a_recipient", name=member.full_name if member else str(member_id))
    questions = _questions(session, ballot.id)
    question = next((q for q in questions if q.id == question_id), None)
    if question is None:
        raise NotFound("not_found", what="ballot_question", ref=str(question_id))
    comment = comment.strip()
    if choice is not OpinionChoice.AGREE and not comment:
        raise InvalidInput("comment_required", choice=f"choice_{choice.value}")
    answer = session.execute(
        select(OpinionAnswer).where(
            OpinionAnswer.question_id == question_id, OpinionAnswer.member_id == member_id
        )
    ).scalar()
    if answer is None:
        answer = OpinionAnswer(question_id=question_id, member_id=member_id, choice=choice)
        session.add(answer)
    answer.choice, answer.comment, answer.answered_at, answer.recorded_by_id = (
        choice,
        comment,
        at,
        recorded_by,
    )
    session.flush()
    return AnswerInfo(
        question_id,
        question.number,
        member_id,
        member.full_name,
        choice,
        comment,
        at,
        actor.name if recorded_by else "",
    )


def ballot_report(
    session: Session, actor: Actor, ballot_id: uuid.UUID, now: datetime | None = None
) -> BallotReport:
    """Báo cáo tổng hợp ý kiến, live until the deadline, final after it (secretariat only)."""
    at = clock(now)
    if not actor.is_secretariat:
        raise PermissionDenied("permission_denied", actor=actor.name, action="view_ballot_report")
    ballot = _load(session, actor, ballot_id)
    questions = _questions(session, ballot.id)
    recipients = _recipients(session, ballot.id)
    answers = _answers(session, questions)
    by_question: dict[uuid.UUID, dict[uuid.UUID, AnswerInfo]] = {q.id: {} for q in questions}
    for a in answers:
        by_question[a.question_id][a.member_id] = a
    rule = majority_rule(ballot.majority_rule or BALLOT_DEFAULT_RULE)
    total = count_voters(session)
    head = head_of_government(session)
    reports = []
    for q in questions:
        given = by_question[q.id]
        ordered = tuple(given[m] for m, _name in recipients if m in given)
        head_answer = given[head].choice if head is not None and head in given else None
        decision = rule.evaluate(
            tally_answers(a.choice for a in ordered),
            total_members=total,
            present=len(recipients),
            tie_breaker={OpinionChoice.AGREE: True, OpinionChoice.DISAGREE: False}.get(head_answer)
            if head_answer
            else None,
            wording=BALLOT_WORDING,
        )
        reports.append(
            QuestionReport(
                q,
                tally_answers(a.choice for a in ordered),
                tuple(a.name for a in ordered if a.choice is OpinionChoice.AGREE),
                tuple(a.name for a in ordered if a.choice is OpinionChoice.DISAGREE),
                tuple(a.name for a in ordered if a.choice is OpinionChoice.OTHER),
                tuple(name for m, name in recipients if m not in given),
                ordered,
                decision,
            )
        )
    silent = tuple(name for m, name in recipients if any(m not in by_question[q.id] for q in questions))
    return BallotReport(
        _summary(session, actor, ballot.id, at),
        at,
        ballot.state is BallotState.CLOSED or at > ballot.deadline,
        total,
        len(recipients),
        tuple(reports),
        silent,
    )
