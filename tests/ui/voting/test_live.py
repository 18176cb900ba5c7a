"""The live session view driven from the keyboard: attendance and quorum, a secret vote, speakers, roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ecabinet.model import AttendanceStatus, SpeakingState, VoteChoice, VoteState
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import LiveView, open_live_view
from ecabinet.ui.voting.models import A_STATUS
from ecabinet.voting import speaking as SP
from ecabinet.voting import votes as V
from tests.ui.conftest import FakePrompts, MakeContext
from tests.ui.voting.conftest import Clock, Live


def live_view(qtbot: Any, context: AppContext, live: Live) -> LiveView:
    view = open_live_view(context, live.session_id)
    qtbot.addWidget(view)
    with qtbot.waitActive(view):  # shortcuts reach the active window only
        view.activateWindow()
    return view


def press(
    qtbot: Any, widget: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, key, modifier)


def test_marking_everyone_present_by_keyboard_meets_the_quorum(
    qtbot: Any, make_context: MakeContext, live: Live
) -> None:
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = live_view(qtbot, context, live)
    assert view.windowTitle().startswith("Phiên họp trực tiếp — Phiên họp Chính phủ thường kỳ")
    assert view.quorum.text().startswith("<b>Chưa đủ túc số</b>")
    assert "0 có mặt / 25 thành viên (cần ít nhất hai phần ba tổng số: 17)" in view.quorum.text()

    table = view.attendance.table
    model = view.attendance.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, 0))
    for _ in range(model.rowCount()):  # a roll call: P marks the row and moves to the next one
        qtbot.keyClick(table, Qt.Key.Key_P)
    statuses = [model.index(r, A_STATUS).data() for r in range(model.rowCount())]
    assert statuses == ["Có mặt"] * model.rowCount()
    assert view.quorum.text().startswith("<b>Đủ túc số</b>")
    assert "Đủ số thành viên dự họp: 25 có mặt / 25 thành viên (cần ít nhất hai phần ba tổng số: 17)" in (
        view.quorum.text()
    )
    assert context.prompts.errors == []  # type: ignore[attr-defined]


def test_absent_represented_and_left_from_the_keyboard(
    qtbot: Any, make_context: MakeContext, prompts: FakePrompts, live: Live
) -> None:
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = live_view(qtbot, context, live)
    table, model = view.attendance.table, view.attendance.model
    table.setCurrentIndex(model.index(1, 0))
    prompts.answers = ["Công tác nước ngoài"]
    press(qtbot, table, Qt.Key.Key_A)
    table.setCurrentIndex(model.index(2, 0))
    prompts.answers = ["Thứ trưởng Nguyễn Văn Thay"]
    press(qtbot, table, Qt.Key.Key_R)
    table.setCurrentIndex(model.index(3, 0))
    press(qtbot, table, Qt.Key.Key_P)
    table.setCurrentIndex(model.index(3, 0))
    press(qtbot, table, Qt.Key.Key_L)
    rows = [model.row_data(r) for r in (1, 2, 3)]
    assert [r.status for r in rows] == [
        AttendanceStatus.ABSENT,
        AttendanceStatus.REPRESENTED,
        AttendanceStatus.PRESENT,
    ]
    assert rows[0].reason == "Công tác nước ngoài"
    assert model.index(2, 5).data() == "Người dự thay: Thứ trưởng Nguyễn Văn Thay"
    assert rows[2].left_at is not None and not rows[2].in_room
    assert model.index(3, A_STATUS).data() == "Đã ra về"
    # A guest cannot be represented: the service says no, and the refusal is shown.
    guest_row = next(r for r in range(model.rowCount()) if not model.row_data(r).has_vote)
    table.setCurrentIndex(model.index(guest_row, 0))
    prompts.answers = ["Ai đó"]
    press(qtbot, table, Qt.Key.Key_R)
    assert "Chỉ thành viên Chính phủ mới được cử người dự thay" in prompts.errors[-1][0]


def test_a_secret_vote_from_three_members_and_the_secretariat(
    qtbot: Any, make_context: MakeContext, prompts: FakePrompts, live: Live, test_clock: Clock
) -> None:
    live.mark_all_present()
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = live_view(qtbot, context, live)
    view.tabs.setCurrentWidget(view.votes)
    panel = view.votes
    assert panel.open_action.isEnabled()
    qtbot.keyClick(view.attendance.table, Qt.Key.Key_F8)  # F8 anywhere in the view
    dialog = panel.open_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.motion.setPlainText("Thông qua dự thảo Nghị quyết phiên họp")
    dialog.secret_vote.setChecked(True)
    dialog.ok.click()
    assert panel.open_dialog is None
    vote = panel.current_vote()
    assert vote is not None and vote.secret and vote.state is VoteState.OPEN and vote.eligible_count == 25

    test_clock.advance(seconds=30)
    for member, choice in zip(
        live.members[:3], (VoteChoice.FOR, VoteChoice.FOR, VoteChoice.AGAINST), strict=True
    ):
        context.set_actor(member)
        assert panel.cast_buttons[choice].isVisible() and panel.cast_buttons[choice].isEnabled()
        prompts.answers = [True]
        panel.cast_buttons[choice].click()
        assert not panel.cast_buttons[choice].isEnabled()  # once
        assert panel.own_caption.text() == "Bạn đã biểu quyết."
    # While the secret vote is open nobody sees counts: the service gives none, the chart is hidden.
    assert panel.current_vote().counts is None
    assert not panel.chart.isVisible()
    assert panel.tally.text().startswith("Biểu quyết kín: kết quả chỉ hiển thị khi kết thúc biểu quyết.")
    assert "3/25 thành viên đã biểu quyết" in panel.tally.text()

    context.set_actor(live.officer)
    table = panel.table
    first_without = next(r for r in range(panel.voters.rowCount()) if panel.voters.row_data(r).cast is None)
    table.setCurrentIndex(panel.voters.index(first_without, 0))
    choices = [Qt.Key.Key_1] * 12 + [Qt.Key.Key_2] * 5 + [Qt.Key.Key_3] * 5
    for key in choices:
        row = table.currentIndex().row()
        assert panel.voters.row_data(row).cast is None  # the next member without a vote comes up by itself
        press(qtbot, table, key)
    assert prompts.errors == []
    assert panel.current_vote().participant_count == 25
    assert {panel.voters.index(r, 2).data() for r in range(panel.voters.rowCount())} == {"(kín)"}

    prompts.answers = [True]
    qtbot.keyClick(table, Qt.Key.Key_F9)
    result = panel.result_dialog
    assert result is not None and result.isVisible()
    assert result.text() == "Thông qua: 14 tán thành / 25 thành viên (cần quá nửa tổng số: 13)"
    assert result.rows["rule"][1].text() == (
        "Tán thành: quá nửa tổng số; nếu ngang nhau, theo ý kiến của Thủ tướng (more_than_half_of_all)"
    )
    assert result.rows["threshold"][1].text() == "13 trên cơ sở 25"
    assert [result.rows[n][1].text() for n in ("for", "against", "abstain", "not_voted")] == [
        "14",
        "6",
        "5",
        "0",
    ]
    assert result.chart.values() == [(14, 6, 5)]
    assert panel.chart.values() == [(14, 6, 5)]
    result.close_button.click()
    assert panel.result_dialog is None


def test_a_named_vote_shows_a_live_tally_and_an_annulled_vote_is_replaced(
    qtbot: Any, make_context: MakeContext, prompts: FakePrompts, live: Live
) -> None:
    live.mark_all_present()
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = live_view(qtbot, context, live)
    item_id = view.item_id
    with live.db.write(live.officer) as s:
        vote = V.open_vote(s, live.officer, item_id, "Thông qua báo cáo")
    for member, choice in zip(live.members[:4], ("for", "for", "against", "abstain"), strict=True):
        with live.db.write(member) as s:
            V.cast_vote(s, member, vote.id, VoteChoice(choice))
    view.reload()  # as the two-second poll does
    panel = view.votes
    assert panel.chart.isVisible()
    assert panel.chart.values() == [(2, 1, 1)]
    assert panel.chart.categories() == ["Phiếu"]
    assert (
        panel.tally.text()
        == "Tán thành 2 · Không tán thành 1 · Không biểu quyết 1 — 4/25 thành viên đã biểu quyết"
    )
    assert panel.voters.index(0, 2).data() == "Tán thành"

    prompts.answers = ["Ghi nhận sai phiếu của một thành viên"]
    panel.annul_action.trigger()
    dialog = panel.open_dialog
    assert dialog is not None and dialog.windowTitle() == "Biểu quyết thay thế"
    assert dialog.motion.toPlainText() == "Thông qua báo cáo"
    dialog.ok.click()
    new = panel.current_vote()
    assert new.state is VoteState.OPEN and new.replaces_vote_id == vote.id
    assert [v.state for v in panel.votes] == [VoteState.ANNULLED, VoteState.OPEN]
    assert "thay thế một biểu quyết đã hủy" in panel.facts.text()


def test_a_member_sees_only_their_own_part(qtbot: Any, make_context: MakeContext, live: Live) -> None:
    live.mark_all_present()
    context = make_context(live.db)
    minister = live.members[5]  # not the chair
    context.set_actor(minister)
    view = live_view(qtbot, context, live)
    assert view.snapshot is not None and view.snapshot.runs is False
    hidden = [
        *view.attendance.buttons,
        view.votes.run_buttons[view.votes.open_action],
        view.votes.run_buttons[view.votes.close_action],
        view.votes.run_buttons[view.votes.annul_action],
        *view.votes.record_buttons,
        view.speakers.person,
        view.speakers.buttons[view.speakers.start_action],
        view.speakers.buttons[view.speakers.up_action],
    ]
    assert all(w.isHidden() for w in hidden)  # hidden, not just on another tab
    assert not view.attendance.present_action.isEnabled()
    qtbot.keyClick(view.attendance.table, Qt.Key.Key_P)  # nothing happens: the key is not theirs
    assert view.attendance.model.row_data(0).status is AttendanceStatus.PRESENT
    assert all(b.isVisible() for b in view.votes.cast_buttons.values())
    assert view.attendance.hint.text() == "Văn phòng Chính phủ và chủ tọa điểm danh."
    # They may ask to speak themselves (Insert).
    view.tabs.setCurrentWidget(view.speakers)
    press(qtbot, view.speakers.table, Qt.Key.Key_Insert)
    assert [e.name for e in view.speakers.model.rows()] == [minister.name]
    # The chair (the Prime Minister) runs the session without being secretariat.
    context.set_actor(live.members[0])
    assert view.snapshot.runs is True
    assert not any(w.isHidden() for w in hidden)
    assert all(not b.isHidden() for b in view.votes.cast_buttons.values())


def test_speakers_are_added_reordered_and_timed(
    qtbot: Any, make_context: MakeContext, live: Live, test_clock: Clock
) -> None:
    context = make_context(live.db)
    context.set_actor(live.officer)
    view = live_view(qtbot, context, live)
    view.tabs.setCurrentWidget(view.speakers)
    panel = view.speakers
    names = [m.name for m in live.members[3:6]]
    for name in names:
        panel.person.setCurrentIndex(panel.person.findText(name))
        press(qtbot, panel.person, Qt.Key.Key_Insert)
    assert [e.name for e in panel.model.rows()] == names
    assert [panel.model.index(r, 0).data() for r in range(3)] == ["1", "2", "3"]

    panel.table.setCurrentIndex(panel.model.index(0, 1))
    press(qtbot, panel.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [e.name for e in panel.model.rows()] == [names[1], names[0], names[2]]
    # A drop asks the service for the new order: the third dragged before the first.
    third = panel.model.row_data(2).id
    mime = panel.model.mimeData([panel.model.index(2, 0)])
    assert panel.model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, panel.model.index(-1, -1)) is False
    qtbot.waitUntil(lambda: panel.model.row_data(0).id == third)
    assert [e.name for e in panel.model.rows()] == [names[2], names[1], names[0]]

    panel.table.setCurrentIndex(panel.model.index(0, 1))
    qtbot.keyClick(panel.table, Qt.Key.Key_F6)
    speaking = panel.model.speaking()
    assert speaking is not None and speaking.name == names[2]
    test_clock.advance(minutes=2, seconds=5)
    panel.timer.timeout.emit()
    assert panel.now_speaking.text() == f"Đang phát biểu: {names[2]} — 2:05"
    assert panel.model.index(0, 3).data() == "2:05"
    qtbot.keyClick(panel.table, Qt.Key.Key_F7)
    done = next(e for e in panel.model.rows() if e.name == names[2])
    assert done.state is SpeakingState.DONE and done.seconds_used == 125
    assert panel.now_speaking.text() == "Không có ai đang phát biểu"
    with live.db.read() as s:
        assert [e.state for e in SP.speaking_queue(s, live.officer, view.item_id)][:2] == [
            SpeakingState.WAITING,
            SpeakingState.WAITING,
        ]


def test_the_page_chooses_the_session_in_progress(qtbot: Any, make_window: Any, live: Live) -> None:
    window = make_window(live.db, "vi")
    page = window.page("live")
    window.show_page(window.pages.index(page))
    QApplication.processEvents()
    view = page.view
    assert view.session_id == live.session_id
    assert view.session.currentText().endswith("Đang họp")
    assert page.title() == "Phiên họp trực tiếp"
