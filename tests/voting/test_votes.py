"""Votes in a session: who may vote, once, in the room; results by the rule; annulment and replacement."""

from __future__ import annotations

from collections import Counter
from itertools import count

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from ecabinet.agenda import sessions as S
from ecabinet.audit import audit_trail, verify_chain
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import AttendanceStatus, Role, VoteCast, VoteChoice, VoteState
from ecabinet.services import members as M
from ecabinet.services.actor import Actor, load_actor
from ecabinet.voting import votes as V
from ecabinet.voting.rules import majority_rule, tally_votes
from ecabinet.voting.session_rules import set_session_rules
from tests.conftest import Cast
from tests.voting.conftest import Room, at, make_room

FOR, AGAINST, ABSTAIN = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN


def _open(
    room: Room, minute: float = 5, secret: bool = False, by: Actor | None = None, **kw: object
) -> V.VoteInfo:
    by = by or room.cast.officer
    with room.db.write(by) as s:
        return V.open_vote(
            s, by, room.item_id, "Thông qua dự thảo Nghị định", secret=secret, now=at(minute), **kw
        )  # type: ignore[arg-type]


def _cast(
    room: Room,
    vote: V.VoteInfo,
    member: Actor,
    choice: VoteChoice,
    by: Actor | None = None,
    minute: float = 6,
) -> V.CastReceipt:
    by = by or member
    with room.db.write(by) as s:
        return V.cast_vote(s, by, vote.id, choice, member_id=member.member_id, now=at(minute))


def _close(room: Room, vote: V.VoteInfo, minute: float = 9) -> V.VoteInfo:
    with room.db.write(room.cast.officer) as s:
        return V.close_vote(s, room.cast.officer, vote.id, now=at(minute))


def _all_present(room: Room) -> None:
    room.arrive(*room.voters, minute=0)


def test_named_vote_end_to_end_and_ties(room: Room) -> None:
    c = room.cast
    _all_present(room)
    vote = _open(room)
    assert vote.state is VoteState.OPEN and vote.eligible_count == 3 and vote.counts == V.Tally(0, 0, 0)
    _cast(room, vote, c.pm, FOR)
    _cast(room, vote, c.minister, FOR, by=c.officer)  # recorded by the secretariat on the minister's behalf
    _cast(room, vote, c.other_minister, AGAINST)
    closed = _close(room, vote)
    assert closed.state is VoteState.CLOSED and closed.counts == V.Tally(2, 1, 0)
    assert closed.decision is not None and closed.passed is True
    assert closed.decision.text("vi") == "Thông qua: 2 tán thành / 3 thành viên (cần quá nửa tổng số: 2)"
    assert closed.quorum is not None and closed.quorum.met
    by_name = {x.name: x for x in closed.casts}
    assert by_name[c.minister.name].recorded_by == c.officer.name and by_name[c.pm.name].recorded_by == ""
    assert by_name[c.other_minister.name].choice is AGAINST
    with room.db.read() as s:
        events = [e for e in audit_trail(s, "votes", str(vote.id)) if e.action == "vote_closed"]
        assert verify_chain(s) == []
    assert len(events) == 1 and '"counts":{"abstain":0,"against":1,"for":2}' in events[0].change
    # a tie follows the Prime Minister's side; when he abstains, the threshold decides
    for minute, (pm_choice, passed) in enumerate([(FOR, True), (AGAINST, False), (ABSTAIN, False)], start=10):
        vote = _open(room, minute=minute)
        other = {FOR: AGAINST, AGAINST: FOR, ABSTAIN: FOR}[pm_choice]
        _cast(room, vote, c.pm, pm_choice, minute=minute + 0.1)
        _cast(room, vote, c.minister, other, minute=minute + 0.1)
        third = AGAINST if pm_choice is ABSTAIN else ABSTAIN  # always one for, one against
        _cast(room, vote, c.other_minister, third, minute=minute + 0.1)
        closed = _close(room, vote, minute=minute + 0.2)
        assert closed.decision is not None and closed.decision.tie
        assert closed.passed is passed
        assert closed.decision.decided_by_tie_break is (pm_choice is not ABSTAIN)


def test_who_may_vote(db: Database, cast: Cast) -> None:
    room = make_room(db, cast, extra=1)
    c, late = cast, room.extra[0]
    room.arrive(c.pm, c.minister, c.other_minister, c.guest, minute=0)
    room.mark(late, AttendanceStatus.REPRESENTED, 0, deputy_name="Thứ trưởng Phó")
    vote = _open(room, minute=5)
    assert vote.eligible_count == 3
    refusals: list[tuple[Actor, Actor, type[DomainError], str]] = [
        (c.guest, c.guest, PermissionDenied, "no voting right"),  # a guest never votes
        (late, late, PermissionDenied, "deputy"),  # nor a represented member
        (late, c.officer, PermissionDenied, "deputy"),  # not even recorded by the secretariat
        (c.pm, c.minister, PermissionDenied, "may not"),  # no vote for another member
    ]
    for member, actor, error, text in refusals:
        with pytest.raises(error, match=text), room.db.write(actor) as s:
            V.cast_vote(s, actor, vote.id, FOR, member_id=member.member_id, now=at(5.5))
    room.leave(c.other_minister, minute=6)  # leaves before casting
    room.arrive(late, minute=7)  # arrives (in person now) after the vote opened
    with pytest.raises(PermissionDenied, match="not in the room"):
        _cast(room, vote, c.other_minister, FOR, minute=8)
    with pytest.raises(PermissionDenied, match="arrived after"):
        _cast(room, vote, late, FOR, minute=8)
    _cast(room, vote, c.pm, FOR, minute=8)
    _cast(room, vote, c.minister, FOR, by=c.officer, minute=8)
    with pytest.raises(InvalidState, match="already voted"):
        _cast(room, vote, c.pm, AGAINST, minute=8.5)  # no second vote
    with pytest.raises(InvalidState, match="already voted"):
        _cast(room, vote, c.pm, FOR, by=c.officer, minute=8.5)
    closed = _close(room, vote)
    assert closed.counts == V.Tally(2, 0, 0) and closed.passed is False  # 2 of 4 is not more than half
    assert closed.decision is not None and closed.decision.threshold == 3
    with pytest.raises(InvalidState, match="takes no more votes"):
        _cast(room, vote, late, FOR, minute=9.5)  # none after close
    with room.db.read() as s:
        voted = set(s.execute(select(VoteCast.member_id)).scalars())
    assert voted == {c.pm.member_id, c.minister.member_id}
    assert _open(room, minute=20).eligible_count == 3  # the next vote counts who is in the room then


def test_opening_a_vote_needs_a_running_session_a_quorum_and_the_right(db: Database, cast: Cast) -> None:
    """…and the session's own rules apply (named before it starts)."""
    room = make_room(db, cast, start=False)
    with db.write(cast.officer) as s:  # a tie follows the chair: here the minister, by delegation
        set_session_rules(s, cast.officer, room.session_id, None, "more_than_half_of_all_chair_decides")
        S.update_session(s, cast.officer, room.session_id, None, chair_id=cast.minister.member_id)
    room.arrive(cast.pm, cast.minister, minute=0)
    with pytest.raises(InvalidState, match="in progress"):
        _open(room)
    with db.write(cast.officer) as s:
        S.start_session(s, cast.officer, room.session_id)
    with pytest.raises(PermissionDenied):
        _open(room, by=cast.other_minister)
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        V.open_vote(s, cast.officer, room.item_id, "  ", now=at(5))
    room.leave(cast.minister, minute=3)
    with pytest.raises(InvalidState) as err:
        _open(room)
    assert "có mặt 1/3 thành viên, cần 2" in err.value.message("vi")
    room.arrive(cast.minister, minute=4)
    vote = _open(room)
    with pytest.raises(InvalidState, match="still open"):
        _open(room)
    _close(room, vote)
    room.arrive(cast.other_minister, minute=10)
    vote = _open(room, by=cast.minister, minute=11)  # the chair opens the vote
    _cast(room, vote, cast.pm, AGAINST, minute=12)
    _cast(room, vote, cast.minister, FOR, minute=12)
    _cast(room, vote, cast.other_minister, ABSTAIN, minute=12)
    assert _close(room, vote, minute=13).passed is True
    with db.write(cast.officer) as s:
        S.close_session(s, cast.officer, room.session_id)
    with pytest.raises(InvalidState):
        _open(room, minute=30)


def test_a_correction_is_an_annulment_and_a_new_vote_seen_by_the_invited(room: Room) -> None:
    c = room.cast
    _all_present(room)
    first = _open(room)
    _cast(room, first, c.pm, FOR)
    closed = _close(room, first)
    with pytest.raises(InvalidState, match="annulled"):
        _open(room, minute=10, replaces_vote_id=first.id)  # only an annulled vote can be replaced
    with pytest.raises(InvalidInput), room.db.write(c.officer) as s:
        V.annul_vote(s, c.officer, first.id, " ")
    with room.db.write(c.officer) as s:
        annulled = V.annul_vote(s, c.officer, first.id, "Nhầm lẫn khi ghi nhận biểu quyết")
    assert annulled.state is VoteState.ANNULLED and annulled.decision == closed.decision  # the record stays
    with pytest.raises(InvalidState), room.db.write(c.officer) as s:
        V.annul_vote(s, c.officer, first.id, "lần nữa")
    second = _open(room, minute=10, replaces_vote_id=first.id)
    assert second.replaces_vote_id == first.id
    _close(room, second, minute=11)
    with room.db.write(c.officer) as s:
        V.annul_vote(s, c.officer, second.id, "Sai")
    with pytest.raises(InvalidState, match="already been replaced"):
        _open(room, minute=12, replaces_vote_id=first.id)
    with room.db.read() as s:
        listed = V.list_votes(s, c.minister, item_id=room.item_id)
        assert [v.id for v in listed] == [first.id, second.id]
        assert [v.id for v in V.list_votes(s, c.officer, session_id=room.session_id)] == [first.id, second.id]
        assert V.get_vote(s, c.guest, first.id).annul_reason  # an invited guest sees the votes
    with room.db.write(c.leader) as s:
        outsider = M.add_member(s, c.leader, "Người Ngoài", "Bộ trưởng", Role.MEMBER, None, True)
    with room.db.read() as s, pytest.raises(NotFound) as err:  # someone not invited does not
        V.get_vote(s, load_actor(s, outsider.id), first.id)
    assert "was not found" in err.value.message("en")


# --- properties against the database ---------------------------------------------------------------------

_minutes = count(100)


@pytest.fixture
def big_room(db: Database, cast: Cast) -> Room:
    room = make_room(db, cast, extra=3)
    _all_present(room)
    return room


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), secret=st.booleans())
def test_tallies_equal_casts_whatever_the_order(big_room: Room, data: st.DataObject, secret: bool) -> None:
    room = big_room
    choices = data.draw(
        st.lists(st.sampled_from(list(VoteChoice)), min_size=len(room.voters), max_size=len(room.voters))
    )
    voting = data.draw(st.lists(st.booleans(), min_size=len(room.voters), max_size=len(room.voters)))
    casts = [(m, ch) for m, ch, v in zip(room.voters, choices, voting, strict=True) if v]
    order = data.draw(st.permutations(casts))
    results = []
    for sequence in (order, list(reversed(order))):
        minute = next(_minutes)
        vote = _open(room, minute=minute, secret=secret)
        try:
            for member, choice in sequence:
                _cast(room, vote, member, choice, minute=minute + 0.5)
            if sequence:
                with pytest.raises(InvalidState):  # a second cast is refused and changes nothing
                    _cast(room, vote, sequence[0][0], sequence[0][1], minute=minute + 0.6)
            closed = _close(room, vote, minute=minute + 0.9)
        finally:  # a failing example must not leave its vote open for the next one
            with room.db.write(room.cast.officer) as s:
                if V.get_vote(s, room.cast.officer, vote.id).state is VoteState.OPEN:
                    V.annul_vote(s, room.cast.officer, vote.id, "test example failed")
        expected = Counter(ch for _m, ch in casts)
        assert closed.counts == V.Tally(expected[FOR], expected[AGAINST], expected[ABSTAIN])
        assert closed.participant_count == len(casts)
        pm_choice = next((ch for m, ch in casts if m == room.cast.pm), None)
        decision = majority_rule("more_than_half_of_all").evaluate(
            tally_votes(ch for _m, ch in casts),
            total_members=len(room.voters),
            present=len(room.voters),
            tie_breaker=None if secret else {FOR: True, AGAINST: False}.get(pm_choice) if pm_choice else None,
            secret=secret,
        )
        assert closed.decision == decision
        results.append(closed.decision)
    assert results[0] == results[1]
