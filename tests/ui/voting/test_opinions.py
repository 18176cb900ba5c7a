"""The Opinions page: a ballot from draft to its final summary, answered by members, with a test clock."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from PySide6.QtCore import Qt

from ecabinet.db import Database
from ecabinet.model import BallotState, OpinionChoice, Role
from ecabinet.services.actor import Actor
from ecabinet.ui.context import AppContext
from ecabinet.ui.voting import OpinionsPage, clock
from ecabinet.ui.voting.models import B_FLAG, B_STATE, DUE_SOON_BACKGROUND, OVERDUE_BACKGROUND
from ecabinet.voting import ballots as B
from tests.ui.conftest import FakePrompts, MakeContext, person
from tests.ui.voting.conftest import Clock, voting_members


def opinions_page(qtbot: Any, context: AppContext) -> OpinionsPage:
    page = OpinionsPage(context)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()
    return page


def state_shown(page: OpinionsPage) -> str:
    return page.model.index(page.table.currentIndex().row(), B_STATE).data()


def test_a_ballot_goes_from_draft_to_a_final_summary(
    qtbot: Any, make_context: MakeContext, prompts: FakePrompts, demo_db: Database, test_clock: Clock
) -> None:
    officer, leader = person(demo_db, Role.SECRETARIAT), person(demo_db, Role.SECRETARIAT_LEADER)
    members = voting_members(demo_db)
    context = make_context(demo_db)
    context.set_actor(officer)
    page = opinions_page(qtbot, context)
    assert page.model.rowCount() == 0

    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "Phiếu lấy ý kiến mới"
    ticked = [dialog.recipients.item(n) for n in range(dialog.recipients.count())]
    assert sum(i.checkState() == Qt.CheckState.Checked for i in ticked) == 25  # every voting member
    assert dialog.item.currentIndex() == 1 and dialog.documents.count() > 0
    dialog.questions.setPlainText(
        "Đồng ý thông qua dự thảo Nghị định?\n\nĐồng ý giao Bộ Tài chính chủ trì tổ chức thực hiện?"
    )
    dialog.save.click()
    assert page.dialog is None and prompts.errors == []
    assert state_shown(page) == "Dự thảo"
    panel = page.panel
    assert page.detail.currentWidget() is panel
    assert panel.approve_action.isVisible() is False  # an officer does not approve
    assert panel.buttons[panel.approve_action].isHidden()

    panel.submit_action.trigger()
    assert state_shown(page) == "Đã trình"
    context.set_actor(leader)
    assert state_shown(page) == "Đã trình"
    assert panel.approve_action.isEnabled() and panel.return_action.isEnabled()
    panel.approve_action.trigger()
    assert state_shown(page) == "Đã duyệt"
    prompts.answers = [True]
    panel.send_action.trigger()
    assert prompts.asked[-1] == "Gửi phiếu"
    assert state_shown(page) == "Đã gửi"
    ballot_id = page.current_ballot()
    assert panel.final.text().startswith("Tạm thời: đang nhận ý kiến đến")

    answers = {
        members[0]: [(OpinionChoice.AGREE, ""), (OpinionChoice.AGREE, "")],
        members[1]: [(OpinionChoice.DISAGREE, "Đề nghị làm rõ thẩm quyền"), (OpinionChoice.AGREE, "")],
        members[2]: [
            (OpinionChoice.OTHER, "Cần lấy thêm ý kiến địa phương"),
            (OpinionChoice.DISAGREE, "Giao Bộ Xây dựng"),
        ],
    }
    for member, choices in answers.items():
        context.set_actor(member)
        form = page.form
        assert page.detail.currentWidget() is form
        assert [page.model.row_data(r).id for r in range(page.model.rowCount())] == [ballot_id]
        assert form.send.isEnabled() and form.message.text().startswith("Đề nghị trả lời tất cả các câu hỏi")
        for n, (choice, _comment) in enumerate(choices, 1):
            form.box(n).choose(choice)
        if member is members[1]:
            # The form says the comment is required; the service refuses without one, and the refusal shows.
            assert form.box(1).required.text() == "bắt buộc"
            form.submit()
            assert prompts.errors[-1][0] == "Cần ghi rõ ý kiến khi chọn «Không đồng ý»."
        for n, (_choice, comment) in enumerate(choices, 1):
            form.box(n).comment.setPlainText(comment)
        assert form.dirty
        form.box(1).comment.setFocus()
        qtbot.keyClick(form.box(1).comment, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert not form.dirty
        assert form.message.text().startswith("Đã gửi ý kiến. Bạn có thể sửa đến")
        assert page.model.index(0, 4).data() == "Đã trả lời"
    assert len(prompts.errors) == 1

    context.set_actor(officer)
    assert panel.chart.values() == [(1, 1, 1), (2, 1, 0)]
    assert panel.chart.categories() == ["Câu 1", "Câu 2"]
    summary = panel.summary.toPlainText()
    assert "Không thông qua: 1 đồng ý / 25 thành viên (cần quá nửa tổng số: 13; " in summary  # a 1–1 tie
    assert "Không thông qua: 2 đồng ý / 25 thành viên (cần quá nửa tổng số: 13)" in summary
    assert f"Không đồng ý (1): {members[1].name}" in summary
    assert f"{members[2].name} (Ý kiến khác): Cần lấy thêm ý kiến địa phương" in summary
    assert "Thành viên chưa trả lời (22)" in summary
    assert page.model.index(0, 4).data() == "3/25"

    # A week and a day later: the deadline has passed.
    test_clock.advance(days=8)
    context.set_actor(members[0])
    form = page.form
    assert not form.send.isEnabled() and not form.box(1).isEnabled()
    assert form.message.text().startswith("Đã hết hạn trả lời (")
    assert form.message.text().endswith("): ý kiến của bạn là chính thức, không thể sửa nữa.")
    form.box(1).choose(OpinionChoice.DISAGREE)
    form.box(1).comment.setPlainText("Đổi ý")
    form.submit()  # even if the form were still open: the service refuses
    assert prompts.errors[-1][0].startswith("Đã hết thời hạn trả lời (")
    assert page.model.index(0, B_FLAG).data() == ""  # answered: nothing to flag for this member

    context.set_actor(members[5])  # did not answer
    assert page.model.index(0, B_FLAG).data() == "Quá hạn"
    assert page.form.message.text().endswith("mà bạn chưa gửi ý kiến.")

    context.set_actor(officer)
    assert panel.final.text() == "Chính thức: không còn ý kiến nào thay đổi được"
    assert page.model.index(0, B_FLAG).data() == "Quá hạn"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == OVERDUE_BACKGROUND
    prompts.answers = [True]
    panel.close_action.trigger()
    assert state_shown(page) == "Đã kết thúc"
    assert panel.chart.values() == [(1, 1, 1), (2, 1, 0)]

    # The printed summary (issue #5's report), previewed before printing.
    assert panel.print_action.isEnabled()
    panel.print_action.trigger()
    preview = panel.preview
    assert preview is not None and preview.isVisible() and preview.page_count >= 1
    assert preview.windowTitle() == "Xem trước bản in — Báo cáo tổng hợp ý kiến"
    assert preview.output.data.startswith(b"%PDF")
    preview.close_button.click()
    assert panel.preview is None


def draft(db: Database, actor: Actor, hours: float) -> B.BallotDetail:
    with db.write(actor) as s:
        return B.create_ballot(
            s, actor, None, ["Đồng ý với phương án?"], clock.now() + timedelta(hours=hours), title="Phiếu thử"
        )


def test_a_member_sees_only_sent_ballots_and_what_is_due_soon(
    qtbot: Any, make_context: MakeContext, demo_db: Database
) -> None:
    officer, leader = person(demo_db, Role.SECRETARIAT), person(demo_db, Role.SECRETARIAT_LEADER)
    member = voting_members(demo_db)[3]
    kept_draft = draft(demo_db, officer, 200)
    due = draft(demo_db, officer, 24)
    with demo_db.write(officer) as s:
        B.submit_ballot(s, officer, due.summary.id)
    with demo_db.write(leader) as s:
        B.approve_ballot(s, leader, due.summary.id)
    with demo_db.write(officer) as s:
        B.send_ballot(s, officer, due.summary.id)
    context = make_context(demo_db)
    context.set_actor(member)
    page = opinions_page(qtbot, context)
    assert [page.model.row_data(r).id for r in range(page.model.rowCount())] == [due.summary.id]
    assert page.model.index(0, B_FLAG).data() == "Sắp đến hạn"
    assert page.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color() == DUE_SOON_BACKGROUND
    assert (
        page.new_button.isHidden() and page.model.headerData(4, Qt.Orientation.Horizontal) == "Ý kiến của tôi"
    )
    assert kept_draft.summary.state is BallotState.DRAFT

    context.set_actor(officer)
    assert page.model.rowCount() == 2
    page.filter.setCurrentIndex(1)  # needing attention
    page.filter.activated.emit(1)
    assert [page.model.row_data(r).id for r in range(page.model.rowCount())] == [due.summary.id]


def test_a_leader_returns_a_ballot_and_cannot_approve_their_own(
    qtbot: Any, make_context: MakeContext, prompts: FakePrompts, demo_db: Database
) -> None:
    officer, leader = person(demo_db, Role.SECRETARIAT), person(demo_db, Role.SECRETARIAT_LEADER)
    mine = draft(demo_db, leader, 100)
    theirs = draft(demo_db, officer, 120)
    for ballot, who in ((mine, leader), (theirs, officer)):
        with demo_db.write(who) as s:
            B.submit_ballot(s, who, ballot.summary.id)
    context = make_context(demo_db)
    context.set_actor(leader)
    page = opinions_page(qtbot, context)
    assert page.select_ballot(mine.summary.id)
    page.panel.approve_action.trigger()
    assert prompts.errors[-1][0] == f"{leader.name} là người soạn phiếu này; cần một lãnh đạo khác phê duyệt."
    assert state_shown(page) == "Đã trình"

    assert page.select_ballot(theirs.summary.id)
    prompts.answers = ["Cần bổ sung tài liệu"]
    page.panel.return_action.trigger()
    assert state_shown(page) == "Bị trả lại"
    assert page.panel.values["returned"].text() == "Cần bổ sung tài liệu"

    context.set_actor(officer)
    page.select_ballot(theirs.summary.id)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = page.dialog
    assert dialog is not None and dialog.windowTitle() == "Sửa phiếu lấy ý kiến"
    assert dialog.questions.toPlainText() == "Đồng ý với phương án?"
    assert not dialog.item.isEnabled()
    dialog.questions.setPlainText("Đồng ý với phương án đã bổ sung?")
    dialog.save.click()
    assert page.dialog is None
    with demo_db.read() as s:
        detail = B.get_ballot(s, officer, theirs.summary.id)
    assert [q.text for q in detail.questions] == ["Đồng ý với phương án đã bổ sung?"]
    page.panel.submit_action.trigger()
    assert state_shown(page) == "Đã trình"
