"""Positions before the session (and the items that can pass without debate); the queue of speakers."""

from __future__ import annotations

import pytest

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied
from ecabinet.model import SpeakingState, Stance
from ecabinet.voting import positions as P
from ecabinet.voting import speaking as K
from tests.conftest import Cast
from tests.voting.conftest import Room, at, make_room


def test_positions_and_items_without_debate(db: Database, cast: Cast) -> None:
    room = make_room(db, cast, start=False, publish=False)
    with db.write(cast.officer) as s:
        second = I.add_item(s, cast.officer, room.session_id, "Báo cáo tình hình kinh tế - xã hội")
        third = I.add_item(s, cast.officer, room.session_id, "Đề án chuyển đổi số")
        S.publish_session(s, cast.officer, room.session_id)
    with db.write(cast.minister) as s:
        P.set_position(s, cast.minister, room.item_id, Stance.OBJECT, "Chưa đánh giá tác động")
        P.set_position(s, cast.minister, second.id, Stance.NO_OBJECTION)
        P.set_position(s, cast.minister, third.id, Stance.WISH_TO_SPEAK, "Về kinh phí")
    with db.write(cast.pm) as s:
        P.set_position(s, cast.pm, second.id, Stance.NO_OBJECTION)
    with db.write(cast.minister) as s:  # a change of mind replaces the earlier stance
        P.set_position(s, cast.minister, third.id, Stance.NO_OBJECTION)
    with db.read() as s:
        overview = P.positions_overview(s, cast.pm, room.session_id)  # the chair's view
        assert [p.stance for p in P.my_positions(s, cast.minister, room.session_id)] == [
            Stance.OBJECT,
            Stance.NO_OBJECTION,
            Stance.NO_OBJECTION,
        ]
        strict = P.items_without_debate(s, cast.officer, room.session_id, require_all_answers=True)
        lenient = P.items_without_debate(s, cast.officer, room.session_id)
        with pytest.raises(PermissionDenied):
            P.positions_overview(s, cast.minister, room.session_id)
    first = overview[0]
    assert first.number == "1" and [o.note for o in first.objections] == ["Chưa đánh giá tác động"]
    assert not first.can_pass_without_debate
    assert set(overview[1].no_objection) == {cast.pm.name, cast.minister.name}
    assert overview[1].silent == (cast.other_minister.name,)
    # silence is consent by default; the strict reading needs everyone's "no objection"
    assert [i.item_id for i in lenient] == [second.id, third.id]
    assert strict == ()
    with db.write(cast.other_minister) as s:
        P.set_position(s, cast.other_minister, second.id, Stance.NO_OBJECTION)
    with db.read() as s:
        strict = P.items_without_debate(s, cast.officer, room.session_id, require_all_answers=True)
    assert [i.item_id for i in strict] == [second.id]
    with db.write(cast.minister) as s:
        P.withdraw_position(s, cast.minister, third.id)
    with pytest.raises(NotFound), db.write(cast.minister) as s:
        P.withdraw_position(s, cast.minister, third.id)
    for outsider in (cast.guest, cast.officer):  # only invited members state positions
        with pytest.raises(PermissionDenied), db.write(outsider) as s:
            P.set_position(s, outsider, room.item_id, Stance.OBJECT)
    with db.write(cast.officer) as s:
        S.start_session(s, cast.officer, room.session_id)
    with pytest.raises(InvalidState) as err, db.write(cast.minister) as s:
        P.set_position(s, cast.minister, room.item_id, Stance.NO_OBJECTION)  # the session has started
    assert "trước phiên họp" in err.value.message("vi")


def test_speaking_queue(room: Room) -> None:
    c = room.cast
    with room.db.write(c.minister) as s:
        a = K.request_to_speak(s, c.minister, room.item_id)
    with room.db.write(c.guest) as s:  # an invited guest may speak
        b = K.request_to_speak(s, c.guest, room.item_id)
    with room.db.write(c.officer) as s:  # the secretariat adds the PM
        p = K.request_to_speak(s, c.officer, room.item_id, member_id=c.pm.member_id)
    with pytest.raises(InvalidState, match="already in the queue"), room.db.write(c.minister) as s:
        K.request_to_speak(s, c.minister, room.item_id)
    with pytest.raises(PermissionDenied), room.db.write(c.minister) as s:
        K.request_to_speak(s, c.minister, room.item_id, member_id=c.other_minister.member_id)
    with pytest.raises(InvalidInput), room.db.write(c.officer) as s:
        K.reorder_queue(s, c.officer, room.item_id, [p.id, a.id])  # must list every waiting request
    with room.db.write(c.pm) as s:  # the chair reorders
        queue = K.reorder_queue(s, c.pm, room.item_id, [p.id, b.id, a.id])
    assert [e.id for e in queue] == [p.id, b.id, a.id]
    with room.db.write(c.officer) as s:
        K.start_speaking(s, c.officer, p.id, now=at(10))
    with pytest.raises(InvalidState, match="still speaking"), room.db.write(c.officer) as s:
        K.start_speaking(s, c.officer, b.id, now=at(11))
    with room.db.write(c.officer) as s:
        done = K.stop_speaking(s, c.officer, p.id, now=at(13.5))
        K.start_speaking(s, c.officer, b.id, now=at(14))
    assert done.state is SpeakingState.DONE and done.seconds_used == 210
    with room.db.write(c.minister) as s:
        K.withdraw_request(s, c.minister, a.id)
    with pytest.raises(InvalidState) as err, room.db.write(c.minister) as s:
        K.withdraw_request(s, c.minister, a.id)
    assert "đã rút" in err.value.message("vi")
    with room.db.read() as s:
        states = [(e.name, e.state) for e in K.speaking_queue(s, c.minister, room.item_id)]
    assert states == [
        (c.guest.name, SpeakingState.SPEAKING),
        (c.pm.name, SpeakingState.DONE),
        (c.minister.name, SpeakingState.WITHDRAWN),
    ]
