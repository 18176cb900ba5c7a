"""The voting item models, checked by qtmodeltester on the demo with its session in progress."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ecabinet.model import AttendanceStatus, SpeakingState, VoteChoice
from ecabinet.ui.i18n import Translations
from ecabinet.ui.voting import clock
from ecabinet.ui.voting.models import (
    A_NOTE,
    A_STATUS,
    B_ANSWERS,
    B_STATE,
    PAGE_SIZE,
    V_CHOICE,
    AttendanceModel,
    BallotTableModel,
    SpeakersModel,
    VotersModel,
    voter_rows,
)
from ecabinet.voting import attendance as A
from ecabinet.voting import ballots as B
from ecabinet.voting import speaking as SP
from ecabinet.voting import votes as V
from tests.ui.voting.conftest import Live


def test_ballot_table_model_fetches_page_by_page(
    qtmodeltester: Any, live: Live, languages: Translations
) -> None:
    languages.apply("vi")
    with live.db.write(live.officer) as s:
        for n in range(3):
            B.create_ballot(
                s, live.officer, None, ["Đồng ý?"], clock.now() + timedelta(days=5 + n), title=f"Phiếu {n}"
            )
    with live.db.read() as s:
        rows = B.list_ballots(s, live.officer, limit=2)
        rest = B.list_ballots(s, live.officer, limit=PAGE_SIZE, offset=2)
    model = BallotTableModel()
    qtmodeltester.check(model)
    asked: list[tuple[int, int]] = []
    model.fetch_requested.connect(lambda offset, limit: asked.append((offset, limit)))
    model.set_page(rows, complete=False)
    if model.canFetchMore(QModelIndex()):  # the attached tester may have asked already, as a view would
        model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert asked == [(2, PAGE_SIZE)] and not model.canFetchMore(QModelIndex())  # one page at a time
    qtmodeltester.check(model)
    model.append_page(2, rest, complete=True)
    qtmodeltester.check(model)
    assert [model.row_data(r).title for r in range(3)] == ["Phiếu 2", "Phiếu 1", "Phiếu 0"]
    assert model.index(0, B_STATE).data() == "Dự thảo"
    assert model.index(0, B_ANSWERS).data() == ""  # not sent: nothing to count yet
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Phiếu lấy ý kiến"
    model.set_page([], complete=True)
    qtmodeltester.check(model)


def test_attendance_and_voters_models(qtmodeltester: Any, live: Live, languages: Translations) -> None:
    languages.apply("vi")
    live.mark_all_present(but=2)
    absent, represented = live.members[-2:]
    with live.db.write(live.officer) as s:
        A.record_attendance(s, live.officer, live.session_id, absent.member_id, AttendanceStatus.ABSENT, "Ốm")
        A.record_attendance(
            s,
            live.officer,
            live.session_id,
            represented.member_id,
            AttendanceStatus.REPRESENTED,
            deputy_name="Thứ trưởng Hà Văn Thay",
        )
        vote = V.open_vote(s, live.officer, _first_item(s, live), "Thông qua")
        V.cast_vote(s, live.officer, vote.id, VoteChoice.AGAINST, member_id=live.members[0].member_id)
    with live.db.read() as s:
        sheet = A.attendance_sheet(s, live.officer, live.session_id)
        vote = V.get_vote(s, live.officer, vote.id)
    model = AttendanceModel()
    qtmodeltester.check(model)
    model.set_rows(sheet.entries)
    qtmodeltester.check(model)
    row_of = {model.row_data(r).member_id: r for r in range(model.rowCount())}
    assert model.index(row_of[absent.member_id], A_NOTE).data() == "Ốm"
    assert model.index(row_of[represented.member_id], A_STATUS).data() == "Cử người dự thay"
    assert (
        model.index(row_of[represented.member_id], A_NOTE).data() == "Người dự thay: Thứ trưởng Hà Văn Thay"
    )
    assert model.index(0, A_STATUS).data(Qt.ItemDataRole.ToolTipRole) == "Có mặt: được tính vào túc số"

    voters = VotersModel()
    qtmodeltester.check(voters)
    voters.set_rows(voter_rows(sheet.entries, vote.casts, lambda e: e.counts_for_quorum))
    qtmodeltester.check(voters)
    assert voters.rowCount() == 23
    assert voters.index(0, V_CHOICE).data() == "Không tán thành"
    assert voters.index(1, V_CHOICE).data() == ""


def test_speakers_model_orders_only_the_waiting(
    qtmodeltester: Any, live: Live, languages: Translations
) -> None:
    languages.apply("vi")
    with live.db.write(live.officer) as s:
        item_id = _first_item(s, live)
        requests = [SP.request_to_speak(s, live.officer, item_id, m.member_id) for m in live.members[:4]]
        SP.start_speaking(s, live.officer, requests[0].id)
    with live.db.read() as s:
        queue = SP.speaking_queue(s, live.officer, item_id)
    model = SpeakersModel()
    qtmodeltester.check(model)
    model.set_rows(queue)
    qtmodeltester.check(model)
    assert [e.state for e in model.rows()] == [SpeakingState.SPEAKING] + [SpeakingState.WAITING] * 3
    assert [model.index(r, 0).data() for r in range(4)] == ["", "1", "2", "3"]
    assert not model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # the speaker stays put
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    w = [r.id for r in requests[1:]]
    assert model.order_after_move(w[0], -1) is None
    assert model.order_after_move(w[0], +1) == [w[1], w[0], w[2]]
    assert model.order_after_drop([w[2]], 1) == [w[2], w[0], w[1]]
    assert model.order_after_drop([w[0]], 4) == [w[1], w[2], w[0]]
    assert model.order_after_drop([w[0]], 1) is None  # dropped where it was
    assert model.order_after_drop([requests[0].id], 3) is None  # whoever speaks cannot be moved


def _first_item(s: Any, live: Live) -> Any:
    from ecabinet.agenda.sessions import get_session

    return get_session(s, live.officer, live.session_id).items[0].id
