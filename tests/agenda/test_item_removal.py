"""An agenda item that members have taken part in, or that a ballot is about, cannot be removed: the
refusal names why, and nothing changes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecabinet.agenda import items as I
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.errors import InvalidState
from ecabinet.model import AgendaItem, Stance
from ecabinet.voting.ballots import create_ballot
from ecabinet.voting.positions import set_position
from tests.agenda.factory import new_item
from tests.conftest import Cast


def _still_there(db: Database, item_id: object) -> bool:
    with db.read() as s:
        return s.get(AgendaItem, item_id) is not None


def test_an_item_a_ballot_is_about_stays(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer)
    with db.write(cast.officer) as s:
        create_ballot(s, cast.officer, item_id, ["Đồng ý thông qua?"], datetime.now(UTC) + timedelta(days=3))
    with db.write(cast.officer) as s, pytest.raises(InvalidState) as refused:
        I.remove_item(s, cast.officer, item_id)
    assert refused.value.code == "item_in_ballot"
    assert "phiếu lấy ý kiến" in refused.value.message("vi")
    assert _still_there(db, item_id)


def test_an_item_with_a_members_position_stays(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    with db.write(cast.minister) as s:
        set_position(s, cast.minister, item_id, Stance.NO_OBJECTION, "Nhất trí")
    with db.write(cast.officer) as s, pytest.raises(InvalidState) as refused:
        I.remove_item(s, cast.officer, item_id)
    assert refused.value.code == "item_has_record"
    assert "cannot be removed" in refused.value.message("en")
    assert _still_there(db, item_id)
    with db.read() as s:
        assert verify_chain(s) == []


def test_an_item_nobody_took_part_in_goes(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    with db.write(cast.officer) as s:
        I.remove_item(s, cast.officer, item_id)
    assert not _still_there(db, item_id)
