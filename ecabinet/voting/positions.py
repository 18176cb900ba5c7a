"""Ý kiến trước phiên họp: each member's stance on each item before the session, and the chair's view.

A member invited to a published session states, per item: no objection, wish to speak, or object, with an
optional note; they may change or withdraw it until the session starts.

Which items can pass without debate: those on which no invited member objects and no one wishes to speak.
Silence counts as consent — the Estonian e-Cabinet practice this follows: a minister who wants a debate
says so, otherwise the item passes — and the overview lists the silent members, so the chair sees how much
of the consent is tacit. `require_all_answers=True` takes the strict reading instead: every invited member
must have stated "no objection".
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ecabinet.agenda.visibility import check_session_visible
from ecabinet.errors import InvalidState, NotFound, PermissionDenied
from ecabinet.model import (
    AgendaItem,
    CabinetSession,
    Invitation,
    InviteRole,
    ItemKind,
    ItemPosition,
    Member,
    Role,
    SessionState,
    Stance,
)
from ecabinet.services.actor import Actor, bind
from ecabinet.voting.common import check_runs, invitation_role, item_numbers, load_item

OPEN_FOR_POSITIONS = (SessionState.PUBLISHED,)


@dataclass(frozen=True)
class PositionInfo:
    item_id: uuid.UUID
    member_id: uuid.UUID
    name: str
    stance: Stance
    note: str
    stated_at: datetime
    version: int


@dataclass(frozen=True)
class ItemPositions:
    item_id: uuid.UUID
    number: str
    title: str
    kind: ItemKind
    no_objection: tuple[str, ...]
    wish_to_speak: tuple[PositionInfo, ...]
    objections: tuple[PositionInfo, ...]
    silent: tuple[str, ...]  # invited members who stated nothing
    can_pass_without_debate: bool


def _info(p: ItemPosition, name: str) -> PositionInfo:
    return PositionInfo(p.item_id, p.member_id, name, p.stance, p.note, p.updated_at, p.version)


def _own_item(session: Session, actor: Actor, item_id: uuid.UUID) -> tuple[AgendaItem, CabinetSession]:
    item, row = load_item(session, actor, item_id)
    if (
        actor.role is not Role.MEMBER
        or invitation_role(session, row.id, actor.member_id) is not InviteRole.MEMBER
    ):
        raise PermissionDenied("permission_denied", actor=actor.name, action="state_position")
    if row.state not in OPEN_FOR_POSITIONS:
        raise InvalidState("positions_closed", state=row.state.value)
    bind(session, actor)
    return item, row


def set_position(
    session: Session, actor: Actor, item_id: uuid.UUID, stance: Stance, note: str = ""
) -> PositionInfo:
    """The acting member's stance on an item (replacing any earlier one)."""
    item, _row = _own_item(session, actor, item_id)
    stance = Stance(stance)
    position = session.execute(
        select(ItemPosition).where(ItemPosition.item_id == item.id, ItemPosition.member_id == actor.member_id)
    ).scalar()
    if position is None:
        position = ItemPosition(item_id=item.id, member_id=actor.member_id, stance=stance)
        session.add(position)
    position.stance, position.note = stance, note.strip()
    session.flush()
    return _info(position, actor.name)


def withdraw_position(session: Session, actor: Actor, item_id: uuid.UUID) -> None:
    """Take back the acting member's stance on an item (they are silent on it again)."""
    item, _row = _own_item(session, actor, item_id)
    position = session.execute(
        select(ItemPosition).where(ItemPosition.item_id == item.id, ItemPosition.member_id == actor.member_id)
    ).scalar()
    if position is None:
        raise NotFound("not_found", what="voting_position", ref=str(item_id))
    session.delete(position)
    session.flush()


def my_positions(session: Session, actor: Actor, session_id: uuid.UUID) -> list[PositionInfo]:
    """The acting member's stances on the items of a session, in agenda order."""
    check_session_visible(session, actor, session_id)
    order = {item.id: n for n, (item, _number) in enumerate(item_numbers(session, session_id))}
    rows = session.execute(
        select(ItemPosition)
        .join(AgendaItem, AgendaItem.id == ItemPosition.item_id)
        .where(AgendaItem.session_id == session_id, ItemPosition.member_id == actor.member_id)
    ).scalars()
    return sorted((_info(p, actor.name) for p in rows), key=lambda p: order.get(p.item_id, 0))


def positions_overview(
    session: Session, actor: Actor, session_id: uuid.UUID, *, require_all_answers: bool = False
) -> tuple[ItemPositions, ...]:
    """The chair's view: per item, who has no objection, who wishes to speak, who objects, who is silent."""
    row = check_session_visible(session, actor, session_id)
    check_runs(actor, row)
    invited = session.execute(
        select(Member.id, Member.full_name)
        .join(Invitation, Invitation.member_id == Member.id)
        .where(
            Invitation.session_id == session_id,
            Invitation.role == InviteRole.MEMBER,
            Member.role == Role.MEMBER,
        )
        .order_by(Member.sort_order, Member.full_name)
    ).all()
    members: dict[uuid.UUID, str] = {m: name for m, name in invited}
    by_item: dict[uuid.UUID, dict[uuid.UUID, ItemPosition]] = {}
    for p in session.execute(
        select(ItemPosition)
        .join(AgendaItem, AgendaItem.id == ItemPosition.item_id)
        .where(AgendaItem.session_id == session_id)
    ).scalars():
        if p.member_id in members:
            by_item.setdefault(p.item_id, {})[p.member_id] = p
    result = []
    for item, number in item_numbers(session, session_id):
        stated = by_item.get(item.id, {})
        ordered = [(m, name, stated[m]) for m, name in members.items() if m in stated]
        speak = tuple(_info(p, n) for _m, n, p in ordered if p.stance is Stance.WISH_TO_SPEAK)
        objections = tuple(_info(p, n) for _m, n, p in ordered if p.stance is Stance.OBJECT)
        silent = tuple(name for m, name in members.items() if m not in stated)
        passes = not speak and not objections and not (require_all_answers and silent)
        result.append(
            ItemPositions(
                item.id,
                number,
                item.title,
                item.kind,
                tuple(n for _m, n, p in ordered if p.stance is Stance.NO_OBJECTION),
                speak,
                objections,
                silent,
                passes,
            )
        )
    return tuple(result)


def items_without_debate(
    session: Session, actor: Actor, session_id: uuid.UUID, *, require_all_answers: bool = False
) -> tuple[ItemPositions, ...]:
    """The items that can pass without debate (see the module's docstring for the rule)."""
    overview = positions_overview(session, actor, session_id, require_all_answers=require_all_answers)
    return tuple(i for i in overview if i.can_pass_without_debate)
