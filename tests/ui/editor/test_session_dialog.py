"""Creating and editing a session through its form: details, chair, invited members and guests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox

from ecabinet.agenda import sessions as S
from ecabinet.agenda.sessions import get_session, list_sessions
from ecabinet.db import Database
from ecabinet.model import InviteRole, Role, SessionKind, SessionState
from ecabinet.ui import formatting
from ecabinet.ui.editor.session_dialog import SessionDialog
from ecabinet.ui.pages.sessions import SessionsPage
from tests.ui.conftest import FakePrompts, person
from tests.ui.editor.conftest import add_session

TITLE = "Phiên họp chuyên đề về xây dựng pháp luật tháng 12"


def tick(dialog_list: Any, name: str, on: bool) -> None:
    for row in range(dialog_list.count()):
        entry = dialog_list.item(row)
        if entry.text().startswith(name):
            entry.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(name)


def test_a_session_is_created_through_the_form_and_opens(
    qtbot: Any, cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    page = show_page(cast_db, leader)
    page.list.table.setFocus()
    assert page.list.new_action.isVisible() and page.list.new_button.isVisible()
    qtbot.keyClick(page.list.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = page.list.dialog
    assert isinstance(dialog, SessionDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Phiên họp mới"
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # no title yet
    # A new session invites every member, chaired by the head of government, unless changed.
    assert dialog.invited_count.text() == "Đã mời 3/3"
    assert dialog.chair.currentText().startswith("Phạm Minh Thủ")

    dialog.kind.setCurrentIndex(dialog.kind.findData(SessionKind.THEMATIC))
    qtbot.keyClicks(dialog.title, "x")  # QTest types Latin-1 only; the Vietnamese title is set as text
    assert save.isEnabled()
    dialog.title.setText(TITLE)
    dialog.number.setValue(12)
    start = QDateTime(QDate(2031, 12, 3), QTime(8, 30))
    dialog.starts.setDateTime(start)
    dialog.place.setText("Trụ sở Chính phủ, Hà Nội")
    tick(dialog.members, "Vũ Thị Hà", False)
    tick(dialog.guests, "Đỗ Khách Mời", True)
    assert dialog.invited_count.text() == "Đã mời 2/3"
    save.click()
    assert prompts.errors == []

    with cast_db.read() as s:
        created = next(x for x in list_sessions(s, leader) if x.title == TITLE)
        detail = get_session(s, leader, created.id)
    assert (created.kind, created.number, created.state) == (SessionKind.THEMATIC, 12, SessionState.DRAFT)
    assert formatting.to_local(created.starts_at) == start
    assert (created.place, created.chair) == ("Trụ sở Chính phủ, Hà Nội", "Phạm Minh Thủ")
    invited = {name: role for _id, name, role in detail.invited}
    assert invited == {
        "Phạm Minh Thủ": InviteRole.MEMBER,
        "Hồ Đức Tài": InviteRole.MEMBER,
        "Đỗ Khách Mời": InviteRole.GUEST,
    }
    # The new session opens at once, ready for its agenda.
    view = page.view
    assert page.stack.currentWidget() is view
    assert view.title.text() == TITLE and view.badge.text() == "Dự thảo"
    assert view.agenda.editable and view.agenda.hint.isVisible()
    assert "Insert" in view.agenda.hint.text()
    assert TITLE in [page.list.model.summary(r).title for r in range(page.list.model.rowCount())]


def test_a_session_is_edited_from_its_view_and_a_stale_copy_is_refused(
    qtbot: Any, cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    session_id = add_session(cast_db, leader)
    page = show_page(cast_db, leader)
    page.open_session(session_id)
    actions = page.view.session_actions
    assert actions.edit.isVisible() and actions.edit.isEnabled()
    page.view.tree.setFocus()
    qtbot.keyClick(
        page.view.tree, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = actions.dialog
    assert dialog is not None and dialog.windowTitle() == "Sửa phiên họp"
    assert dialog.title.text() == "Phiên họp thử" and dialog.place.text() == "Hà Nội"
    assert dialog.chair.currentText().startswith("Phạm Minh Thủ")
    dialog.place.setText("Phòng họp trực tuyến")
    tick(dialog.members, "Hồ Đức Tài", False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    with cast_db.read() as s:
        detail = get_session(s, leader, session_id)
    assert detail.summary.place == "Phòng họp trực tuyến"
    assert "Hồ Đức Tài" not in {name for _id, name, _role in detail.invited}
    assert page.view.values["place"].text() == "Phòng họp trực tuyến"  # shown again after the write

    # Someone else renames the session while the form is open: the save is refused, the form stays.
    page.view.session_actions.edit.trigger()
    dialog = actions.dialog
    assert dialog is not None
    officer = person(cast_db, Role.SECRETARIAT)
    with cast_db.write(officer) as s:
        S.update_session(s, officer, session_id, detail.summary.version, title="Tên mới")
    dialog.place.setText("Hội trường A")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert len(prompts.errors) == 1 and "đã được người khác sửa" in prompts.errors[0][0]
    assert dialog.isVisible()
    dialog.reject()


def test_members_are_offered_no_new_session(
    cast_db: Database, show_page: Callable[..., SessionsPage]
) -> None:
    minister = person(cast_db, Role.MEMBER, 1)
    page = show_page(cast_db, minister)
    assert not page.list.new_action.isVisible() and not page.list.new_action.isEnabled()
    assert not page.list.new_button.isVisible()
    page.list.new_session()
    assert page.list.dialog is None
