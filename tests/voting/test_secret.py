"""Secret votes: who took part and the choices are stored with nothing that links them — shown from the tables."""

from __future__ import annotations

import json
import re

import pytest
from sqlalchemy import inspect, select, text

from ecabinet.db import Database
from ecabinet.errors import InvalidState
from ecabinet.model import AuditEvent, SecretTally, VoteCast, VoteChoice, VoteParticipation
from ecabinet.services.actor import Actor
from ecabinet.voting import votes as V
from tests.conftest import Cast
from tests.voting.conftest import Room, at, make_room

FOR, AGAINST, ABSTAIN = VoteChoice.FOR, VoteChoice.AGAINST, VoteChoice.ABSTAIN
IDS = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{4}-\d\d-\d\dT[\d:.+]+")


def _secret_vote(room: Room, minute: float, casts: list[tuple[Actor, VoteChoice]]) -> V.VoteInfo:
    with room.db.write(room.cast.officer) as s:
        vote = V.open_vote(
            s, room.cast.officer, room.item_id, "Bầu chọn phương án", secret=True, now=at(minute)
        )
    for n, (member, choice) in enumerate(casts):
        by = room.cast.officer if n % 2 else member  # half in person, half recorded by the secretariat
        with room.db.write(by) as s:
            receipt = V.cast_vote(s, by, vote.id, choice, member_id=member.member_id, now=at(minute + 1))
        assert receipt.choice is None  # the receipt does not repeat a secret choice
    return vote


def _tally_rows(db: Database, vote_id: object) -> list[tuple[str, int]]:
    with db.read() as s:
        rows = s.execute(
            select(SecretTally.choice, SecretTally.count).where(SecretTally.vote_id == vote_id)
        ).all()
    return sorted((c.value, n) for c, n in rows)


def _normalised_events(db: Database, after_seq: int, before_seq: int) -> list[tuple[str, str, object]]:
    """The audit events between two points, with ids and times blanked out."""
    with db.read() as s:
        events = s.execute(
            select(AuditEvent)
            .where(AuditEvent.seq > after_seq, AuditEvent.seq < before_seq)
            .order_by(AuditEvent.seq)
        ).scalars()
        return [(e.action, e.entity, IDS.sub("·", e.change)) for e in events]


def _last_seq(db: Database) -> int:
    with db.read() as s:
        return s.execute(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()).limit(1)).scalar_one()


def _close_and_check(room: Room, vote_id: object, minute: float = 50) -> V.VoteInfo:
    with room.db.write(room.cast.officer) as s:
        return V.close_vote(s, room.cast.officer, vote_id, now=at(minute))  # type: ignore[arg-type]


@pytest.fixture
def secret_room(db: Database, cast: Cast) -> Room:
    room = make_room(db, cast, extra=2)
    room.arrive(*room.voters, minute=0)
    return room


def test_secret_votes_store_nothing_that_links_a_member_to_a_choice(secret_room: Room) -> None:
    room = secret_room
    columns = {c["name"] for c in inspect(room.db.engine).get_columns("secret_tallies")}
    assert columns == {"vote_id", "choice", "count"}  # no id, no timestamp, no version, no member
    participation = {c["name"] for c in inspect(room.db.engine).get_columns("vote_participations")}
    assert not participation & {"choice", "count"}

    with room.db.write(room.cast.officer) as s:
        vote = V.open_vote(s, room.cast.officer, room.item_id, "Bầu chọn", secret=True, now=at(1))
    # all three counters exist from the start: no insert tells which choice came first
    assert _tally_rows(room.db, vote.id) == [("abstain", 0), ("against", 0), ("for", 0)]
    c = room.cast
    for member, choice in [
        (c.pm, FOR),
        (c.minister, AGAINST),
        (c.other_minister, FOR),
        (room.extra[0], ABSTAIN),
    ]:
        with room.db.write(member) as s:
            V.cast_vote(s, member, vote.id, choice, now=at(2))
    with room.db.read() as s:
        assert V.get_vote(s, c.officer, vote.id).counts is None  # no live count of an open secret vote
        assert s.execute(select(VoteCast).where(VoteCast.vote_id == vote.id)).first() is None
        assert (
            len(s.execute(select(VoteParticipation).where(VoteParticipation.vote_id == vote.id)).all()) == 4
        )
        events = list(s.execute(select(AuditEvent).order_by(AuditEvent.seq)).scalars())
    assert not [e for e in events if e.entity == "secret_tallies"]
    cast_events = [e for e in events if e.entity == "vote_participations"]
    assert len(cast_events) == 4 and all('"choice"' not in e.change for e in cast_events)
    closed = _close_and_check(room, vote.id)
    assert closed.counts == V.Tally(2, 1, 1)
    assert {x.choice for x in closed.casts} == {None} and len(closed.casts) == 4
    with room.db.read() as s:
        logged = [
            e
            for e in s.execute(select(AuditEvent)).scalars()
            if "for" in json.loads(e.change).get("counts", {})
        ]
    assert [e.action for e in logged] == ["vote_closed"]  # the totals, once, at closing

    # a secret tie cannot follow the Prime Minister: his side is unknown
    # (2–2 of 5 members: the tied sides reach the threshold of 3, so the tie-break would apply)
    extra, more = room.voters[3], room.voters[4]
    tie = _secret_vote(
        room,
        60,
        [(c.pm, FOR), (c.minister, AGAINST), (c.other_minister, FOR), (extra, AGAINST), (more, ABSTAIN)],
    )
    decided = _close_and_check(room, tie.id, 65)
    assert decided.decision is not None and decided.decision.tie and not decided.decision.decided_by_tie_break
    assert decided.passed is False and "secret" in decided.decision.text("en")

    # counters changed behind the app's back no longer match the participations: closing is refused
    tampered = _secret_vote(room, 70, [(c.pm, FOR)])
    with room.db.engine.begin() as conn:
        conn.execute(
            text("UPDATE secret_tallies SET count = count + 1 WHERE choice = 'against' AND vote_id = :v"),
            {"v": tampered.id if room.db.engine.dialect.name == "postgresql" else tampered.id.hex},
        )
    with pytest.raises(InvalidState, match="1 members took part but 2 choices"):
        _close_and_check(room, tampered.id, 75)


def test_swapping_who_chose_what_leaves_no_trace(secret_room: Room) -> None:
    """Two secret votes with the same people casting in the same order, but with their choices swapped,
    leave identical tally rows and identical audit events (up to ids and times): nothing stored tells them
    apart, so nothing stored can tell who chose what."""
    room = secret_room
    c = room.cast
    people = [c.pm, c.minister, c.other_minister, room.extra[0]]
    mark0 = _last_seq(room.db)
    first = _secret_vote(room, 10, list(zip(people, [FOR, AGAINST, ABSTAIN, FOR], strict=True)))
    mark1 = _last_seq(room.db)
    with room.db.write(c.officer) as s:
        V.annul_vote(s, c.officer, first.id, "thử nghiệm")  # makes room for the next vote without closing
    mark2 = _last_seq(room.db)
    second = _secret_vote(room, 20, list(zip(people, [AGAINST, FOR, FOR, ABSTAIN], strict=True)))
    mark3 = _last_seq(room.db)
    assert _tally_rows(room.db, first.id) == _tally_rows(room.db, second.id)
    assert (
        _normalised_events(room.db, mark0 + 1, mark1 + 1)[1:]
        == _normalised_events(room.db, mark2 + 1, mark3 + 1)[1:]
    )
    if room.db.engine.dialect.name == "postgresql":
        # every counter was rewritten by each cast: all three carry the last cast's transaction id
        with room.db.engine.connect() as conn:
            xmins = conn.execute(
                text("SELECT count(DISTINCT xmin::text) FROM secret_tallies WHERE vote_id = :v"),
                {"v": second.id},
            ).scalar_one()
        assert xmins == 1
