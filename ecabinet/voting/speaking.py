"""Đăng ký phát biểu: a queue of speakers per item, ordered by the chair, timed while they speak.

A member or guest invited to the session asks to speak on an item (the chair or the secretariat may add
anyone invited); they may withdraw while waiting. The chair or the secretariat reorders the waiting
requests, starts one (only one person speaks at a time in a session) and stops it; the time used is kept
in whole seconds.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import AgendaItem, CabinetSession, Member, SessionState, SpeakingRequest, SpeakingState
from ecabinet.services.actor import Actor, Permission, bind
from ecabinet.voting.common import clock, invitation_role, load_item, load_member, may_run

OPEN_FOR_REQUESTS = (SessionState.PUBLISHED, SessionState.IN_PROGRESS)
_ORDER = {
    SpeakingState.SPEAKING: 0,
    SpeakingState.WAITING: 1,
    SpeakingState.DONE: 2,
    SpeakingState.WITHDRAWN: 3,
}


@dataclass(frozen=True)
class SpeakingEntry:
    id: uuid.UUID
    item_id: uuid.UUID
    member_id: uuid.UUID
    name: str
    position: int
    state: SpeakingState
    started_at: datetime | None
    seconds_used: int
    version: int


def _entry(r: SpeakingRequest, name: str) -> SpeakingEntry:
    return SpeakingEntry(
        r.id, r.item_id, r.member_id, name, r.position, r.state, r.started_at, r.seconds_used, r.version
    )


def _load(
    session: Session, actor: Actor, request_id: uuid.UUID
) -> tuple[SpeakingRequest, AgendaItem, CabinetSession]:
    request = session.get(SpeakingRequest, request_id)
    if request is None:
        raise NotFound("not_found", what="speaking_request", ref=str(request_id))
    try:
        item, row = load_item(session, actor, request.item_id)
    except NotFound:
        raise NotFound("not_found", what="speaking_request", ref=str(request_id)) from None
    return request, item, row


def _state_error(request: SpeakingRequest, action: str) -> InvalidState:
    return InvalidState("speaking_state", state=f"speaking_{request.state.value}", action=action)


def _queue(session: Session, item_id: uuid.UUID) -> list[tuple[SpeakingRequest, str]]:
    rows = session.execute(
        select(SpeakingRequest, Member.full_name)
        .join(Member, Member.id == SpeakingRequest.member_id)
        .where(SpeakingRequest.item_id == item_id)
    ).all()
    return sorted(rows, key=lambda rn: (_ORDER[rn[0].state], rn[0].position, rn[0].created_at))


def speaking_queue(session: Session, actor: Actor, item_id: uuid.UUID) -> list[SpeakingEntry]:
    """The item's requests: who speaks now, then the waiting in order, then those done or withdrawn."""
    load_item(session, actor, item_id)
    return [_entry(r, name) for r, name in _queue(session, item_id)]


def request_to_speak(
    session: Session, actor: Actor, item_id: uuid.UUID, member_id: uuid.UUID | None = None
) -> SpeakingEntry:
    """Ask to speak on an item (at the end of its queue); the chair or secretariat may add someone else."""
    item, row = load_item(session, actor, item_id)
    member_id = actor.member_id if member_id is None else member_id
    if member_id == actor.member_id:
        bind(session, actor)
    else:
        may_run(session, actor, row)
    if row.state not in OPEN_FOR_REQUESTS:
        raise InvalidState("speaking_closed", state=row.state.value)
    member = load_member(session, member_id)
    if invitation_role(session, row.id, member_id) is None:
        raise InvalidInput("not_invited", name=member.full_name)
    queue = _queue(session, item.id)
    if any(
        r.member_id == member_id and r.state in (SpeakingState.WAITING, SpeakingState.SPEAKING)
        for r, _ in queue
    ):
        raise InvalidState("already_in_queue", name=member.full_name)
    request = SpeakingRequest(
        item_id=item.id,
        member_id=member_id,
        position=max((r.position for r, _ in queue), default=-1) + 1,
        state=SpeakingState.WAITING,
    )
    session.add(request)
    session.flush()
    return _entry(request, member.full_name)


def withdraw_request(session: Session, actor: Actor, request_id: uuid.UUID) -> SpeakingEntry:
    """The speaker (or the chair / secretariat) withdraws a waiting request."""
    request, _item, row = _load(session, actor, request_id)
    if request.member_id == actor.member_id:
        bind(session, actor)
    else:
        may_run(session, actor, row)
    if request.state is not SpeakingState.WAITING:
        raise _state_error(request, "speaking_action_withdraw")
    request.state = SpeakingState.WITHDRAWN
    session.flush()
    return _entry(request, load_member(session, request.member_id).full_name)


def reorder_queue(
    session: Session, actor: Actor, item_id: uuid.UUID, request_ids: Sequence[uuid.UUID]
) -> list[SpeakingEntry]:
    """The chair sets the order of the waiting requests; `request_ids` lists exactly those, in order."""
    _item, row = load_item(session, actor, item_id)
    may_run(session, actor, row)
    queue = _queue(session, item_id)
    waiting = {r.id: r for r, _ in queue if r.state is SpeakingState.WAITING}
    if len(request_ids) != len(waiting) or set(request_ids) != set(waiting):
        raise InvalidInput("queue_mismatch")
    others = [r for r, _ in queue if r.state is not SpeakingState.WAITING]
    for n, request in enumerate([*others, *(waiting[i] for i in request_ids)]):
        if request.position != n:
            request.position = n
    session.flush()
    return [_entry(r, name) for r, name in _queue(session, item_id)]


def start_speaking(
    session: Session, actor: Actor, request_id: uuid.UUID, now: datetime | None = None
) -> SpeakingEntry:
    """Give the floor: only while the session is in progress and no one else speaks in it."""
    at = clock(now)
    request, _item, row = _load(session, actor, request_id)
    may_run(session, actor, row)
    if row.state is not SessionState.IN_PROGRESS:
        raise InvalidState("session_not_in_progress", state=row.state.value)
    if request.state is not SpeakingState.WAITING:
        raise _state_error(request, "speaking_action_start")
    speaking = session.execute(
        select(Member.full_name)
        .join(SpeakingRequest, SpeakingRequest.member_id == Member.id)
        .join(AgendaItem, AgendaItem.id == SpeakingRequest.item_id)
        .where(AgendaItem.session_id == row.id, SpeakingRequest.state == SpeakingState.SPEAKING)
    ).scalar()
    if speaking is not None:
        raise InvalidState("someone_speaking", name=speaking)
    request.state, request.started_at = SpeakingState.SPEAKING, at
    session.flush()
    return _entry(request, load_member(session, request.member_id).full_name)


def stop_speaking(
    session: Session, actor: Actor, request_id: uuid.UUID, now: datetime | None = None
) -> SpeakingEntry:
    """End the turn and keep the time used, in whole seconds."""
    at = clock(now)
    request, _item, row = _load(session, actor, request_id)
    if not (actor.can(Permission.RUN_SESSION) or actor.member_id in (row.chair_id, request.member_id)):
        raise PermissionDenied("permission_denied", actor=actor.name, action="run_session")
    bind(session, actor)
    if request.state is not SpeakingState.SPEAKING or request.started_at is None:
        raise _state_error(request, "speaking_action_stop")
    request.state = SpeakingState.DONE
    request.seconds_used += max(0, (at - request.started_at) // timedelta(seconds=1))
    session.flush()
    return _entry(request, load_member(session, request.member_id).full_name)
