"""The minutes as the database knows them: facts pre-filled from the session, texts the secretary wrote.

`minutes_draft` gathers, for one session, everything form 1.9 asks for — times, place, chair, secretary,
attendance (present; absent and why; represented by whom; guests) and, per agenda item in order, the
presenter and documents, the positions stated before the session, opinion-ballot results, who spoke, each
vote with its rule and result — together with the secretary's discussion summary and the chair's conclusion.
The result is a frozen `MinutesDraft`: the one input of every printed output, so what is previewed is what
is approved. Its `fingerprint` changes whenever anything printed would change.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import PermissionDenied
from ecabinet.minutes.calendar import NOTICE_WORKING_DAYS, add_working_days, local_date, working_calendar
from ecabinet.model import (
    AgendaItem,
    AttendanceStatus,
    BallotState,
    CabinetSession,
    Classification,
    Conclusion,
    Document,
    InviteRole,
    ItemKind,
    Member,
    Minutes,
    MinutesItemText,
    MinutesState,
    MinutesVersion,
    OpinionBallot,
    Organisation,
    SessionKind,
    SessionState,
    SpeakingRequest,
    SpeakingState,
    VoteChoice,
    VoteState,
)
from ecabinet.services.actor import Actor, Permission
from ecabinet.voting.attendance import attendance_sheet
from ecabinet.voting.ballots import BallotReport, ballot_report
from ecabinet.voting.common import count_voters, item_numbers
from ecabinet.voting.positions import positions_overview
from ecabinet.voting.rules import QuorumResult, majority_rule, session_rules
from ecabinet.voting.votes import VoteInfo, list_votes

__all__ = [
    "AttendanceFacts",
    "AttendanceLine",
    "BallotFacts",
    "ItemMinutes",
    "MinutesDraft",
    "Person",
    "PositionFacts",
    "QuestionFacts",
    "VersionInfo",
    "VoteFacts",
    "ballot_facts",
    "default_recipients",
    "default_secretary",
    "minutes_draft",
    "vote_facts",
]

# "Nơi nhận" of the minutes when the secretary has not written one; the archive line always ends it.
ARCHIVE_LINE = "Lưu: VT, Hồ sơ."
DEFAULT_RECIPIENTS = (
    "Thủ tướng, các Phó Thủ tướng Chính phủ",
    "Các thành viên Chính phủ",
    "VPCP: BTCN, các PCN",
)


@dataclass(frozen=True)
class Person:
    name: str
    title: str

    def line(self) -> str:
        """ "Phạm Minh Thủ, Thủ tướng Chính phủ" """
        return f"{self.name}, {self.title}" if self.title else self.name


@dataclass(frozen=True)
class AttendanceLine:
    member_id: uuid.UUID
    name: str
    title: str
    status: AttendanceStatus | None  # None: never recorded
    reason: str
    deputy_name: str
    arrived_at: datetime | None
    left_at: datetime | None


@dataclass(frozen=True)
class AttendanceFacts:
    members: tuple[AttendanceLine, ...]  # every Government member invited, in protocol order
    present: tuple[AttendanceLine, ...]  # Government members present in person
    absent: tuple[AttendanceLine, ...]  # absent (with their reason), or never recorded
    represented: tuple[AttendanceLine, ...]  # absent, a deputy attended in their place
    guests: tuple[AttendanceLine, ...]  # invited guests recorded present
    total_members: int  # every member with a voting right (the base of the rules)
    quorum: QuorumResult  # members with a voting right recorded present, against the session's rule


@dataclass(frozen=True)
class PositionFacts:
    no_objection: int
    wish_to_speak: tuple[str, ...]
    objections: tuple[tuple[str, str], ...]  # (name, note)
    silent: int


@dataclass(frozen=True)
class QuestionFacts:
    number: int
    text: str
    agree: tuple[str, ...]
    disagree: tuple[str, ...]
    other: tuple[str, ...]
    no_answer: tuple[str, ...]
    comments: tuple[tuple[str, str, str], ...]  # (name, choice value, comment)
    result_text: str  # "Thông qua: 18 đồng ý / 27 thành viên (cần quá nửa tổng số: 14)"
    passed: bool


@dataclass(frozen=True)
class BallotFacts:
    id: uuid.UUID
    title: str
    state: BallotState
    deadline: datetime
    sent_at: datetime | None
    final: bool
    total_members: int
    recipient_count: int
    rule_text: str
    questions: tuple[QuestionFacts, ...]
    no_answer: tuple[str, ...]


@dataclass(frozen=True)
class VoteFacts:
    id: uuid.UUID
    motion: str
    secret: bool
    state: VoteState
    opened_at: datetime
    closed_at: datetime | None
    eligible: int  # members with a voting right in the room when it opened
    counts: tuple[int, int, int] | None  # for, against, abstain; None when never closed
    names_for: tuple[str, ...]  # open votes only
    names_against: tuple[str, ...]
    names_abstain: tuple[str, ...]
    not_voted: int
    rule_text: str  # "Tán thành: quá nửa tổng số; nếu ngang nhau, theo ý kiến của Thủ tướng"
    result_text: str  # "Thông qua: 15 tán thành / 27 thành viên (cần quá nửa tổng số: 14)"
    passed: bool | None
    quorum_text: str
    annul_reason: str
    replaces_vote_id: uuid.UUID | None


@dataclass(frozen=True)
class ItemMinutes:
    item_id: uuid.UUID
    parent_id: uuid.UUID | None
    number: str  # "3" or "3.1"
    title: str
    kind: ItemKind
    classification: Classification
    presenter: str  # the presenting body's full name
    documents: tuple[str, ...]
    positions: PositionFacts | None
    ballots: tuple[BallotFacts, ...]
    speakers: tuple[str, ...]  # who had the floor, in order
    votes: tuple[VoteFacts, ...]
    discussion: str  # rich text
    discussion_version: int  # 0: not written yet
    conclusion: str  # rich text
    conclusion_version: int
    needs_notice: bool  # included in the notice of conclusions


@dataclass(frozen=True)
class VersionInfo:
    id: uuid.UUID
    number: int
    sha256: str
    size: int
    page_count: int
    reason: str
    approved_at: datetime
    approved_by: str


@dataclass(frozen=True)
class MinutesDraft:
    session_id: uuid.UUID
    session_title: str
    session_kind: SessionKind
    session_state: SessionState
    minutes_state: MinutesState
    version: int  # of the minutes row; 0 while nothing was edited
    number: int | None
    subject: str
    place: str
    opened_at: datetime | None
    closed_at: datetime | None
    chair_id: uuid.UUID | None
    chair: Person | None
    secretary_id: uuid.UUID | None
    secretary: Person | None
    opening: str  # rich text
    closing: str  # rich text
    recipients: tuple[str, ...]  # without the archive line, which always ends the list
    correction_reason: str  # while a correction is open
    attendance: AttendanceFacts
    items: tuple[ItemMinutes, ...]
    classification: Classification  # the highest of the items'
    versions: tuple[VersionInfo, ...]  # approved versions, oldest first
    meeting_date: date  # in Hà Nội
    notice_due: date  # the notice of conclusions: within NOTICE_WORKING_DAYS working days
    fingerprint: str = ""

    @property
    def locked(self) -> bool:
        return self.minutes_state is MinutesState.APPROVED

    @property
    def next_version(self) -> int:
        return len(self.versions) + 1


# --- helpers ----------------------------------------------------------------------------------------------


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (uuid.UUID, datetime, date)):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


_NOT_PRINTED = ("versions", "fingerprint", "version", "minutes_state", "session_state", "notice_due")


def fingerprint(draft: MinutesDraft) -> str:
    """SHA-256 of everything the printed minutes show (not the bookkeeping around them)."""
    data = {k: v for k, v in _jsonable(draft).items() if k not in _NOT_PRINTED}
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def default_secretary(session: Session) -> Member | None:
    """Thư ký: the head of the Government Office (Bộ trưởng, Chủ nhiệm VPCP), found by body or by title."""
    query = (
        select(Member)
        .outerjoin(Organisation, Organisation.id == Member.organisation_id)
        .where(
            Member.active.is_(True),
            Member.has_vote.is_(True),
            or_(Organisation.code == "VPCP", Member.title.like("%Chủ nhiệm Văn phòng Chính phủ%")),
        )
        .order_by(Member.sort_order, Member.full_name)
        .limit(1)
    )
    return session.execute(query).scalar()


def default_recipients() -> tuple[str, ...]:
    return DEFAULT_RECIPIENTS


def _person(session: Session, member_id: uuid.UUID | None) -> Person | None:
    if member_id is None:
        return None
    member = session.get(Member, member_id)
    return Person(member.full_name, member.title) if member else None


def vote_facts(info: VoteInfo) -> VoteFacts:
    def names(choice: VoteChoice) -> tuple[str, ...]:
        return tuple(c.name for c in info.casts if c.choice is choice)

    d = info.decision
    counts = None if info.counts is None else (info.counts.yes, info.counts.no, info.counts.other)
    return VoteFacts(
        info.id,
        info.motion,
        info.secret,
        info.state,
        info.opened_at,
        info.closed_at,
        info.eligible_count,
        counts,
        () if info.secret else names(VoteChoice.FOR),
        () if info.secret else names(VoteChoice.AGAINST),
        () if info.secret else names(VoteChoice.ABSTAIN),
        max(0, info.eligible_count - info.participant_count),
        majority_rule(d.rule).describe("vi") if d else "",
        d.text_vi if d else "",
        d.passed if d else None,
        info.quorum.text_vi if info.quorum else "",
        info.annul_reason,
        info.replaces_vote_id,
    )


def ballot_facts(report: BallotReport, rule_name: str) -> BallotFacts:
    questions = tuple(
        QuestionFacts(
            q.question.number,
            q.question.text,
            q.agree,
            q.disagree,
            q.other,
            q.no_answer,
            tuple((a.name, a.choice.value, a.comment) for a in q.answers if a.comment),
            q.decision.text_vi,
            q.decision.passed,
        )
        for q in report.questions
    )
    b = report.ballot
    return BallotFacts(
        b.id,
        b.title,
        b.state,
        b.deadline,
        b.sent_at,
        report.final,
        report.total_members,
        report.recipient_count,
        majority_rule(rule_name).describe("vi").replace("Tán thành", "Đồng ý").replace("tán thành", "đồng ý"),
        questions,
        report.no_answer,
    )


def _attendance(session: Session, actor: Actor, row: CabinetSession, now: datetime | None) -> AttendanceFacts:
    sheet = attendance_sheet(session, actor, row.id, now)
    members, present, absent, represented, guests = [], [], [], [], []
    voters_present = 0
    for e in sheet.entries:
        line = AttendanceLine(
            e.member_id, e.name, e.title, e.status, e.reason, e.deputy_name, e.arrived_at, e.left_at
        )
        if e.invited_as is InviteRole.GUEST:
            if e.status is AttendanceStatus.PRESENT:
                guests.append(line)
            continue
        members.append(line)
        if e.status is AttendanceStatus.PRESENT:
            present.append(line)
            voters_present += 1 if e.has_vote else 0
        elif e.status is AttendanceStatus.REPRESENTED:
            represented.append(line)
        else:
            absent.append(line)
    quorum_rule, _majority = session_rules(row.kind, row.quorum_rule, row.majority_rule)
    total = count_voters(session)
    return AttendanceFacts(
        tuple(members),
        tuple(present),
        tuple(absent),
        tuple(represented),
        tuple(guests),
        total,
        quorum_rule.evaluate(total, voters_present),
    )


# --- the draft ----------------------------------------------------------------------------------------------


def check_may_draft(actor: Actor) -> None:
    """The secretariat keeps the minutes (DOMAIN.md): only it reads and edits the draft."""
    if not actor.can(Permission.MANAGE_SESSIONS):
        raise PermissionDenied("permission_denied", actor=actor.name, action="minutes_draft")


def minutes_draft(
    session: Session, actor: Actor, session_id: uuid.UUID, now: datetime | None = None
) -> MinutesDraft:
    """The minutes of a session as they stand: the facts from the database and the secretary's texts."""
    check_may_draft(actor)
    row = check_session_visible(session, actor, session_id)
    minutes = session.execute(select(Minutes).where(Minutes.session_id == session_id)).scalar()
    numbered = item_numbers(session, session_id)
    item_ids = [item.id for item, _n in numbered]

    documents: dict[uuid.UUID, list[str]] = {}
    for item_id, title in session.execute(
        select(Document.item_id, Document.title)
        .join(AgendaItem, AgendaItem.id == Document.item_id)
        .where(AgendaItem.session_id == session_id)
        .order_by(Document.item_id, Document.position)
    ):
        documents.setdefault(item_id, []).append(title)
    presenters: dict[uuid.UUID, str] = dict(
        session.execute(
            select(AgendaItem.id, Organisation.name)
            .join(Organisation, Organisation.id == AgendaItem.presenter_org_id)
            .where(AgendaItem.session_id == session_id)
        ).all()
    )
    speakers: dict[uuid.UUID, list[str]] = {}
    for item_id, name in session.execute(
        select(SpeakingRequest.item_id, Member.full_name)
        .join(Member, Member.id == SpeakingRequest.member_id)
        .where(
            SpeakingRequest.item_id.in_(item_ids),
            SpeakingRequest.state.in_([SpeakingState.DONE, SpeakingState.SPEAKING]),
        )
        .order_by(SpeakingRequest.position, SpeakingRequest.created_at)
    ):
        speakers.setdefault(item_id, []).append(name)
    texts = {
        t.item_id: t
        for t in session.execute(
            select(MinutesItemText).where(MinutesItemText.item_id.in_(item_ids))
        ).scalars()
    }
    conclusions = {
        c.item_id: c
        for c in session.execute(select(Conclusion).where(Conclusion.item_id.in_(item_ids))).scalars()
    }
    votes: dict[uuid.UUID, list[VoteFacts]] = {}
    for info in list_votes(session, actor, session_id=session_id):
        votes.setdefault(info.item_id, []).append(vote_facts(info))
    positions = {
        p.item_id: PositionFacts(
            len(p.no_objection),
            tuple(w.name for w in p.wish_to_speak),
            tuple((o.name, o.note) for o in p.objections),
            len(p.silent),
        )
        for p in positions_overview(session, actor, session_id)
    }
    ballots: dict[uuid.UUID, list[BallotFacts]] = {}
    for ballot in session.execute(
        select(OpinionBallot)
        .where(
            OpinionBallot.item_id.in_(item_ids),
            OpinionBallot.state.in_([BallotState.SENT, BallotState.CLOSED]),
        )
        .order_by(OpinionBallot.deadline, OpinionBallot.created_at)
    ).scalars():
        report = ballot_report(session, actor, ballot.id, now=now)
        assert ballot.item_id is not None
        ballots.setdefault(ballot.item_id, []).append(
            ballot_facts(report, ballot.majority_rule or "written_procedure")
        )

    items = []
    for item, number in numbered:
        text = texts.get(item.id)
        conclusion = conclusions.get(item.id)
        stated = positions.get(item.id)
        items.append(
            ItemMinutes(
                item.id,
                item.parent_id,
                number,
                item.title,
                item.kind,
                item.classification,
                presenters.get(item.id, ""),
                tuple(documents.get(item.id, ())),
                stated
                if stated and (stated.no_objection or stated.wish_to_speak or stated.objections)
                else None,
                tuple(ballots.get(item.id, ())),
                tuple(speakers.get(item.id, ())),
                tuple(votes.get(item.id, ())),
                text.discussion if text else "",
                text.version if text else 0,
                conclusion.text if conclusion else "",
                conclusion.version if conclusion else 0,
                conclusion.needs_notice if conclusion else True,
            )
        )
    order = list(Classification)
    classification = max((i.classification for i in items), key=order.index, default=Classification.NORMAL)

    versions: tuple[VersionInfo, ...] = ()
    if minutes is not None:
        versions = tuple(
            VersionInfo(v.id, v.number, v.sha256, v.size, v.page_count, v.reason, v.approved_at, name or "")
            for v, name in session.execute(
                select(MinutesVersion, Member.full_name)
                .outerjoin(Member, Member.id == MinutesVersion.approved_by_id)
                .where(MinutesVersion.minutes_id == minutes.id)
                .order_by(MinutesVersion.number)
            )
        )
    chair_id = (minutes.chair_id if minutes else None) or row.chair_id
    secretary_id = minutes.secretary_id if minutes else None
    if secretary_id is None:
        found = default_secretary(session)
        secretary_id = found.id if found else None
    opened_at = (minutes.opened_at if minutes else None) or row.opened_at or row.starts_at
    closed_at = (minutes.closed_at if minutes else None) or row.closed_at
    recipients = tuple(
        line.strip().removeprefix("- ").rstrip(";.").strip()
        for line in (minutes.recipients if minutes else "").splitlines()
        if line.strip()
    )
    recipients = tuple(r for r in recipients if r.removesuffix(".") != ARCHIVE_LINE.removesuffix("."))
    meeting_date = local_date(opened_at)
    draft = MinutesDraft(
        session_id=row.id,
        session_title=row.title,
        session_kind=row.kind,
        session_state=row.state,
        minutes_state=minutes.state if minutes else MinutesState.DRAFT,
        version=minutes.version if minutes else 0,
        number=(minutes.number if minutes and minutes.number is not None else row.number),
        subject=(minutes.subject if minutes and minutes.subject else row.title),
        place=(minutes.place if minutes and minutes.place else row.place),
        opened_at=opened_at,
        closed_at=closed_at,
        chair_id=chair_id,
        chair=_person(session, chair_id),
        secretary_id=secretary_id,
        secretary=_person(session, secretary_id),
        opening=minutes.opening if minutes else "",
        closing=minutes.closing if minutes else "",
        recipients=recipients or DEFAULT_RECIPIENTS,
        correction_reason=minutes.correction_reason if minutes else "",
        attendance=_attendance(session, actor, row, now),
        items=tuple(items),
        classification=classification,
        versions=versions,
        meeting_date=meeting_date,
        notice_due=add_working_days(meeting_date, NOTICE_WORKING_DAYS, working_calendar(session)),
    )
    return dataclasses.replace(draft, fingerprint=fingerprint(draft))
