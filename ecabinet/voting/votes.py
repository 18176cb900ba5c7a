"""Biểu quyết: open a vote on an item, cast (in person or recorded by the secretariat), close, annul, replace.

Only while the session is in progress. The electorate is fixed when the vote opens: the members with a
voting right who are in the room at that moment (`eligible_count`). A member may cast while the vote is open
if they were in the room when it opened and still are; a member who arrives after it opened sits that vote
out, one who leaves can no longer cast. Each votes once, and a vote is never edited: a correction is an
annulment with a reason plus a new vote that names the one it replaces (`replaces_vote_id`).

Secret votes (DOMAIN.md, Security model: "who took part, and the choices, with no link between them"):

- who took part is a `VoteParticipation` row (an audited entity, with its time and who recorded it);
- the choices are three `SecretTally` counters per vote (for, against, abstain), all created with zero when
  the vote opens, so no row's existence or insertion order tells which choice came first. `SecretTally` is
  not an `Entity`: it has no id, timestamps or version, and its changes are never written to the audit log;
- a cast rewrites all three counters in one statement (the chosen one +1, the others +0). On PostgreSQL every
  row version carries the id of the transaction that wrote it (`xmin`); as all three rows are rewritten
  together, the live rows all carry the last caster's transaction id — which their participation row carries
  too — but say nothing about which counter moved;
- no `VoteCast` row is written, and the service never returns or logs the choice of a secret cast; the
  vote's result (written once, at closing) and the "vote_closed" audit event hold totals only;
- a tie cannot follow the Prime Minister's (or the chair's) side in a secret vote: that side is unknown, so
  the threshold alone decides and the result says so.

Residual risks — what this design cannot prevent, for whoever operates the database:

- someone who can read the tables while the vote is open — or who holds two backups or file copies taken
  between casts — can diff the counters and match the change with the participation that appeared in
  between (participations carry their time; the app itself shows no count of an open secret vote);
- old row versions: PostgreSQL keeps dead tuples (with `xmin`/`xmax`) until VACUUM, and page contents after
  that; the write-ahead log, its archive, replicas and logical decoding carry every change in commit order;
  SQLite's `-wal` file keeps each committed page image until a checkpoint overwrites it, and freed pages keep
  old bytes unless `secure_delete` is on. With those (superuser or file access), the sequence of counter
  values can be rebuilt and matched to the participations written in the same transaction. Run VACUUM on
  `secret_tallies` and checkpoint/rotate logs after a secret vote where that matters;
- statement logging (PostgreSQL `log_statement = 'mod'`/`'all'`, `auto_explain` with parameters, a client's
  SQL echo) records the increment's parameter next to the participation insert of the same session;
- a secretariat officer who records a secret vote on a member's behalf is told the choice; and a caller
  of `cast_vote` knows what it passed in — the UI must not log or keep it (the receipt leaves it out).

The tests (tests/voting/test_secret.py) check the tables: the tally's columns, the three rows from the
start, no `VoteCast`, no per-cast choice in the audit log, identical rows and events when two votes differ
only in who chose what, and on PostgreSQL a single `xmin` across a vote's counters.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.audit import record_event
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import (
    AgendaItem,
    Attendance,
    AttendanceStatus,
    CabinetSession,
    Member,
    SecretTally,
    SessionState,
    Vote,
    VoteCast,
    VoteChoice,
    VoteParticipation,
    VoteState,
)
from ecabinet.services.actor import Actor, Permission, bind
from ecabinet.voting.attendance import in_room, present_voters
from ecabinet.voting.common import (
    clock,
    count_voters,
    head_of_government,
    is_voter,
    load_item,
    load_member,
    may_run,
    member_name,
)
from ecabinet.voting.rules import (
    Decision,
    QuorumResult,
    RuleBase,
    Tally,
    TieBreak,
    session_rules,
    tally_votes,
)


@dataclass(frozen=True)
class CastInfo:
    member_id: uuid.UUID
    name: str
    choice: VoteChoice | None  # None in a secret vote: only the participation is known
    recorded_by: str  # the officer who recorded it on the member's behalf; "" when the member cast it
    at: datetime


@dataclass(frozen=True)
class CastReceipt:
    """What casting returns. For a secret vote it does not repeat the choice."""

    vote_id: uuid.UUID
    member_id: uuid.UUID
    name: str
    secret: bool
    choice: VoteChoice | None
    recorded_by_id: uuid.UUID | None
    at: datetime


@dataclass(frozen=True)
class VoteInfo:
    id: uuid.UUID
    item_id: uuid.UUID
    session_id: uuid.UUID
    item_title: str
    motion: str
    secret: bool
    state: VoteState
    opened_by: str
    opened_at: datetime
    closed_at: datetime | None
    eligible_count: int  # members with a voting right in the room when the vote opened
    participant_count: int
    counts: Tally | None  # for / against / abstain; None while a secret vote is open or if never closed
    decision: Decision | None  # the result by the rule, once closed (kept when annulled afterwards)
    quorum: QuorumResult | None  # the quorum when the vote opened, as recorded at closing
    casts: tuple[CastInfo, ...]  # named votes: who chose what; secret votes: who took part
    replaces_vote_id: uuid.UUID | None
    annul_reason: str
    version: int

    @property
    def passed(self) -> bool | None:
        return None if self.decision is None else self.decision.passed


def _load_vote(
    session: Session, actor: Actor, vote_id: uuid.UUID, lock: str | None = None
) -> tuple[Vote, AgendaItem, CabinetSession]:
    query = select(Vote).where(Vote.id == vote_id).execution_options(populate_existing=True)
    if (
        lock == "share"
    ):  # casts run side by side; closing waits for them (PostgreSQL; SQLite serialises writes)
        query = query.with_for_update(read=True)
    elif lock == "update":
        query = query.with_for_update()
    vote = session.execute(query).scalar()
    if vote is None:
        raise NotFound("not_found", what="vote", ref=str(vote_id))
    try:
        item, row = load_item(session, actor, vote.item_id)
    except NotFound:
        raise NotFound("not_found", what="vote", ref=str(vote_id)) from None
    return vote, item, row


def _decision(result: dict[str, Any] | None) -> Decision | None:
    if not result:
        return None
    counts = result["counts"]
    return Decision(
        result["rule"],
        RuleBase(result["base"]),
        result["base_count"],
        result["threshold"],
        counts["for"],
        counts["against"],
        counts["abstain"],
        result["passed"],
        result["tie"],
        result["decided_by_tie_break"],
        result["text"]["vi"],
        result["text"]["en"],
    )


def _quorum(result: dict[str, Any] | None) -> QuorumResult | None:
    q = (result or {}).get("quorum")
    if not q:
        return None
    return QuorumResult(
        q["rule"], q["total"], q["present"], q["needed"], q["met"], q["text"]["vi"], q["text"]["en"]
    )


def _open_tally(session: Session, vote: Vote) -> Tally:
    if vote.secret:
        counts = dict(
            session.execute(
                select(SecretTally.choice, SecretTally.count).where(SecretTally.vote_id == vote.id)
            ).all()
        )
        return Tally(
            counts.get(VoteChoice.FOR, 0),
            counts.get(VoteChoice.AGAINST, 0),
            counts.get(VoteChoice.ABSTAIN, 0),
        )
    return tally_votes(session.execute(select(VoteCast.choice).where(VoteCast.vote_id == vote.id)).scalars())


def _casts(session: Session, vote: Vote) -> tuple[CastInfo, ...]:
    recorder = aliased(Member)
    if vote.secret:
        secret_rows = session.execute(
            select(
                VoteParticipation.member_id,
                Member.full_name,
                recorder.full_name,
                VoteParticipation.created_at,
            )
            .join(Member, Member.id == VoteParticipation.member_id)
            .outerjoin(recorder, recorder.id == VoteParticipation.recorded_by_id)
            .where(VoteParticipation.vote_id == vote.id)
            .order_by(Member.sort_order, Member.full_name)
        ).all()
        return tuple(CastInfo(m, name, None, by or "", at) for m, name, by, at in secret_rows)
    rows = session.execute(
        select(VoteCast.member_id, Member.full_name, VoteCast.choice, recorder.full_name, VoteCast.created_at)
        .join(Member, Member.id == VoteCast.member_id)
        .outerjoin(recorder, recorder.id == VoteCast.recorded_by_id)
        .where(VoteCast.vote_id == vote.id)
        .order_by(Member.sort_order, Member.full_name)
    ).all()
    return tuple(CastInfo(m, name, choice, by or "", at) for m, name, choice, by, at in rows)


def vote_info(session: Session, vote: Vote, item: AgendaItem) -> VoteInfo:
    casts = _casts(session, vote)
    if vote.state is VoteState.OPEN:
        counts = None if vote.secret else _open_tally(session, vote)
    elif vote.result:
        c = vote.result["counts"]
        counts = Tally(c["for"], c["against"], c["abstain"])
    else:
        counts = None  # annulled while open: a partial count is never shown
    return VoteInfo(
        vote.id,
        item.id,
        item.session_id,
        item.title,
        vote.motion,
        vote.secret,
        vote.state,
        member_name(session, vote.opened_by_id),
        vote.opened_at,
        vote.closed_at,
        vote.eligible_count,
        len(casts),
        counts,
        _decision(vote.result),
        _quorum(vote.result),
        casts,
        vote.replaces_vote_id,
        vote.annul_reason,
        vote.version,
    )


def open_vote(
    session: Session,
    actor: Actor,
    item_id: uuid.UUID,
    motion: str,
    *,
    secret: bool = False,
    replaces_vote_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> VoteInfo:
    """The chair or the secretariat puts a motion to the vote, named (open) or secret.

    Refused unless the session is in progress, has its quorum now, and no other vote of it is open.
    """
    at = clock(now)
    item, row = load_item(session, actor, item_id)
    may_run(session, actor, row)
    if row.state is not SessionState.IN_PROGRESS:
        raise InvalidState("session_not_in_progress", state=row.state.value)
    if not motion.strip():
        raise InvalidInput("field_required", field="voting_motion")
    busy = session.execute(
        select(Vote.id)
        .join(AgendaItem, AgendaItem.id == Vote.item_id)
        .where(AgendaItem.session_id == row.id, Vote.state == VoteState.OPEN)
        .limit(1)
    ).scalar()
    if busy is not None:
        raise InvalidState("vote_already_open")
    if replaces_vote_id is not None:
        old = session.get(Vote, replaces_vote_id)
        if old is None or old.item_id != item.id or old.state is not VoteState.ANNULLED:
            raise InvalidState("vote_replace_invalid", ref=str(replaces_vote_id))
        taken = session.execute(select(Vote.id).where(Vote.replaces_vote_id == replaces_vote_id)).scalar()
        if taken is not None:
            raise InvalidState("vote_already_replaced", ref=str(replaces_vote_id))
    quorum_rule, _majority = session_rules(row.kind, row.quorum_rule, row.majority_rule)
    present = present_voters(session, row.id, at)
    quorum = quorum_rule.evaluate(count_voters(session), len(present))
    if not quorum.met:
        raise InvalidState("quorum_not_met", present=quorum.present, total=quorum.total, needed=quorum.needed)
    vote = Vote(
        item_id=item.id,
        motion=motion.strip(),
        secret=secret,
        state=VoteState.OPEN,
        opened_by_id=actor.member_id,
        opened_at=at,
        eligible_count=len(present),
        replaces_vote_id=replaces_vote_id,
    )
    session.add(vote)
    session.flush()
    if secret:
        # All counters exist from the start, in a fixed order, so that no insert reveals the first choice.
        session.add_all(SecretTally(vote_id=vote.id, choice=choice, count=0) for choice in VoteChoice)
        session.flush()
    return vote_info(session, vote, item)


def _check_voter(session: Session, vote: Vote, row: CabinetSession, member: Member, at: datetime) -> None:
    if not is_voter(member):
        raise PermissionDenied("no_voting_right", name=member.full_name)
    attendance = session.execute(
        select(Attendance).where(Attendance.session_id == row.id, Attendance.member_id == member.id)
    ).scalar()
    if attendance is not None and attendance.status is AttendanceStatus.REPRESENTED:
        raise PermissionDenied("voter_represented", name=member.full_name)
    if not in_room(attendance, at):
        raise PermissionDenied("voter_absent", name=member.full_name)
    assert attendance is not None and attendance.arrived_at is not None
    if attendance.arrived_at > vote.opened_at:
        raise PermissionDenied("voter_arrived_late", name=member.full_name)


def _flush_once(session: Session, member: Member) -> None:
    """Flush a cast; the unique constraint catches a double vote made at the same moment elsewhere."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise InvalidState("already_voted", name=member.full_name) from exc


def cast_vote(
    session: Session,
    actor: Actor,
    vote_id: uuid.UUID,
    choice: VoteChoice,
    *,
    member_id: uuid.UUID | None = None,
    now: datetime | None = None,
) -> CastReceipt:
    """A member votes from their own client (`member_id` None or their own), or the secretariat records
    the vote of a member on their behalf (`recorded_by_id` set). Once per member; never changed."""
    at = clock(now)
    choice = VoteChoice(choice)
    vote, _item, row = _load_vote(session, actor, vote_id, lock="share")
    member_id = actor.member_id if member_id is None else member_id
    if member_id == actor.member_id:
        bind(session, actor)
        recorded_by = None
    elif actor.can(Permission.RUN_SESSION):
        bind(session, actor)
        recorded_by = actor.member_id
    else:
        raise PermissionDenied("permission_denied", actor=actor.name, action="record_for_others")
    if vote.state is not VoteState.OPEN:
        raise InvalidState("vote_not_open", state=f"vote_{vote.state.value}")
    if row.state is not SessionState.IN_PROGRESS:
        raise InvalidState("session_not_in_progress", state=row.state.value)
    member = load_member(session, member_id)
    _check_voter(session, vote, row, member, at)
    model = VoteParticipation if vote.secret else VoteCast
    voted = session.execute(
        select(model.id).where(model.vote_id == vote.id, model.member_id == member.id)
    ).scalar()
    if voted is not None:
        raise InvalidState("already_voted", name=member.full_name)
    if vote.secret:
        session.add(VoteParticipation(vote_id=vote.id, member_id=member.id, recorded_by_id=recorded_by))
        _flush_once(session, member)
        # Rewrite every counter of the vote (the chosen +1, the others +0): see the module's docstring.
        session.execute(
            update(SecretTally)
            .where(SecretTally.vote_id == vote.id)
            .values(count=SecretTally.count + case((SecretTally.choice == choice, 1), else_=0))
            .execution_options(synchronize_session=False)
        )
        return CastReceipt(vote.id, member.id, member.full_name, True, None, recorded_by, at)
    session.add(VoteCast(vote_id=vote.id, member_id=member.id, choice=choice, recorded_by_id=recorded_by))
    _flush_once(session, member)
    return CastReceipt(vote.id, member.id, member.full_name, False, choice, recorded_by, at)


def _tie_breaker_side(session: Session, vote: Vote, row: CabinetSession, tie_break: TieBreak) -> bool | None:
    """True/False when the tie-breaker voted for/against in a named vote; None otherwise."""
    if vote.secret or tie_break is TieBreak.NONE:
        return None
    who = row.chair_id if tie_break is TieBreak.CHAIR else head_of_government(session)
    if who is None:
        return None
    choice = session.execute(
        select(VoteCast.choice).where(VoteCast.vote_id == vote.id, VoteCast.member_id == who)
    ).scalar()
    return {VoteChoice.FOR: True, VoteChoice.AGAINST: False}.get(choice) if choice else None


def close_vote(
    session: Session, actor: Actor, vote_id: uuid.UUID, *, now: datetime | None = None
) -> VoteInfo:
    """Close the vote: count, decide by the session's majority rule, store the result, log the totals."""
    at = clock(now)
    vote, item, row = _load_vote(session, actor, vote_id, lock="update")
    may_run(session, actor, row)
    if vote.state is not VoteState.OPEN:
        raise InvalidState("vote_transition", state=f"vote_{vote.state.value}", target="vote_action_close")
    tally = _open_tally(session, vote)
    if vote.secret:
        taken_part = session.execute(
            select(func.count()).select_from(VoteParticipation).where(VoteParticipation.vote_id == vote.id)
        ).scalar_one()
        if taken_part != tally.total:
            raise InvalidState("secret_tally_mismatch", participants=taken_part, counted=tally.total)
    quorum_rule, rule = session_rules(row.kind, row.quorum_rule, row.majority_rule)
    total = count_voters(session)
    decision = rule.evaluate(
        tally,
        total_members=total,
        present=vote.eligible_count,
        tie_breaker=_tie_breaker_side(session, vote, row, rule.tie_break),
        secret=vote.secret,
    )
    quorum = quorum_rule.evaluate(total, vote.eligible_count)
    counts = {"for": tally.yes, "against": tally.no, "abstain": tally.other}
    vote.result = {
        "counts": counts,
        "not_voted": max(0, vote.eligible_count - tally.total),
        "eligible": vote.eligible_count,
        "total_members": total,
        "secret": vote.secret,
        "rule": decision.rule,
        "base": decision.base.value,
        "base_count": decision.base_count,
        "threshold": decision.threshold,
        "passed": decision.passed,
        "tie": decision.tie,
        "decided_by_tie_break": decision.decided_by_tie_break,
        "text": {"vi": decision.text_vi, "en": decision.text_en},
        "quorum": quorum.as_json(),
    }
    vote.state = VoteState.CLOSED
    vote.closed_at = at
    session.flush()
    record_event(
        session,
        "vote_closed",
        "votes",
        str(vote.id),
        {
            "counts": counts,
            "eligible": vote.eligible_count,
            "rule": decision.rule,
            "threshold": decision.threshold,
            "passed": decision.passed,
            "secret": vote.secret,
        },
    )
    return vote_info(session, vote, item)


def annul_vote(
    session: Session, actor: Actor, vote_id: uuid.UUID, reason: str, *, now: datetime | None = None
) -> VoteInfo:
    """Hủy: a vote found wrong is annulled with a reason, never edited; a new vote may then replace it."""
    clock(now)
    vote, item, row = _load_vote(session, actor, vote_id, lock="update")
    may_run(session, actor, row)
    if row.state is SessionState.MINUTES_APPROVED:
        raise InvalidState("votes_locked")
    if vote.state is VoteState.ANNULLED:
        raise InvalidState("vote_transition", state=f"vote_{vote.state.value}", target="vote_action_annul")
    if not reason.strip():
        raise InvalidInput("field_required", field="voting_reason")
    vote.state = VoteState.ANNULLED
    vote.annul_reason = reason.strip()
    session.flush()
    return vote_info(session, vote, item)


def get_vote(session: Session, actor: Actor, vote_id: uuid.UUID) -> VoteInfo:
    """A vote of a session `actor` may see; the counts of a secret vote only once it is closed."""
    vote, item, _row = _load_vote(session, actor, vote_id)
    return vote_info(session, vote, item)


def list_votes(
    session: Session, actor: Actor, *, item_id: uuid.UUID | None = None, session_id: uuid.UUID | None = None
) -> list[VoteInfo]:
    """The votes of an item, or of a whole session, in the order they were opened."""
    if (item_id is None) == (session_id is None):
        raise InvalidInput("field_invalid", field="voting_scope", reason="item_or_session")
    if item_id is not None:
        items = [load_item(session, actor, item_id)[0]]
    elif session_id is not None:
        check_session_visible(session, actor, session_id)
        items = list(session.execute(select(AgendaItem).where(AgendaItem.session_id == session_id)).scalars())
    by_id = {i.id: i for i in items}
    votes = session.execute(
        select(Vote).where(Vote.item_id.in_(by_id)).order_by(Vote.opened_at, Vote.created_at)
    ).scalars()
    return [vote_info(session, v, by_id[v.item_id]) for v in votes]
