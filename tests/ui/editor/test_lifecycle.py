"""Publish, open and close a session from its view; what a member then sees: read-only, with marks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt, QUrl
from PySide6.QtWidgets import QDialogButtonBox

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.agenda.reading import mark_read
from ecabinet.db import Database
from ecabinet.model import Role, SessionState
from ecabinet.ui.models.agenda import MARK, Marker
from ecabinet.ui.pages.sessions import SessionsPage
from ecabinet.ui.session_view import SessionView
from tests.ui.conftest import FakePrompts, person
from tests.ui.editor.conftest import add_session, pdf_bytes, walk


def state_of(database: Database, view: SessionView) -> SessionState:
    leader = person(database, Role.SECRETARIAT_LEADER)
    assert view.detail is not None
    with database.read() as s:
        return S.get_session(s, leader, view.detail.summary.id).summary.state


def test_publishing_late_warns_then_the_session_is_opened_and_closed(
    qtbot: Any, cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    session_id = add_session(cast_db, leader, days=1)  # tomorrow: less than the 3 days' notice
    with cast_db.write(leader) as s:
        I.add_item(s, leader, session_id, "Báo cáo tình hình kinh tế - xã hội", planned_minutes=45)
    page = show_page(cast_db, leader)
    page.list.reload()
    page.open_session(session_id)
    view = page.view
    actions = view.session_actions
    assert view.session_bar.isVisible()
    assert (actions.publish.isEnabled(), actions.start.isEnabled(), actions.close.isEnabled()) == (
        True,
        False,
        False,
    )
    assert "Ctrl+Shift+P" in actions.publish.toolTip()

    # Declined: nothing happens.
    prompts.answers = [False]
    actions.publish.trigger()
    assert state_of(cast_db, view) is SessionState.DRAFT

    prompts.answers = [True]
    view.tree.setFocus()
    qtbot.keyClick(
        view.tree, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert prompts.asked[-1] == "Phát hành phiên họp"
    assert prompts.informed == ["Đã phát hành phiên họp, có cảnh báo"]
    assert state_of(cast_db, view) is SessionState.PUBLISHED
    # The state shows in the view and in the list.
    assert view.badge.text() == "Đã phát hành" and view.badge.property("state") == "published"
    assert "Đã phát hành" in [page.list.model.index(r, 3).data() for r in range(page.list.model.rowCount())]
    assert (actions.publish.isEnabled(), actions.start.isEnabled()) == (False, True)

    # A published agenda is still edited; each change is marked for the members.
    editor = view.agenda
    assert editor.editable
    editor.tree.setCurrentIndex(editor.model.index(0, 0))
    editor.edit_action.trigger()
    assert editor.item_dialog is not None
    editor.item_dialog.minutes.setValue(50)
    editor.item_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.model.index(0, MARK).data() == "Đã thay đổi"
    assert not editor.tree.isColumnHidden(MARK)
    assert view.banner.isVisible() and "đã thay đổi sau khi phát hành" in view.banner.text()

    prompts.answers = [True]
    actions.start.trigger()
    assert state_of(cast_db, view) is SessionState.IN_PROGRESS
    assert view.badge.text() == "Đang họp"
    # The agenda is fixed now: no editing, and the history is gone with it.
    assert not editor.editable and not editor.toolbar.isVisible()
    assert editor.stack is not None
    qtbot.waitUntil(lambda: editor.stack.count() == 0, timeout=1000)
    assert (actions.start.isEnabled(), actions.close.isEnabled()) == (False, True)

    prompts.answers = [True]
    actions.close.trigger()
    assert state_of(cast_db, view) is SessionState.CLOSED
    assert view.badge.text() == "Đã kết thúc"
    assert not any(a.isEnabled() for a in (actions.publish, actions.start, actions.close))


def test_publishing_in_time_gives_no_warning_and_an_empty_agenda_is_refused(
    cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    session_id = add_session(cast_db, leader, days=20)
    page = show_page(cast_db, leader)
    page.open_session(session_id)
    actions = page.view.session_actions
    prompts.answers = [True]
    actions.publish.trigger()
    assert prompts.errors and "chưa có nội dung" in prompts.errors[0][0]  # the service said no
    with cast_db.write(leader) as s:
        I.add_item(s, leader, session_id, "Nội dung duy nhất")
    page.view.reload()
    prompts.answers = [True]
    actions.publish.trigger()
    assert prompts.informed == []
    assert state_of(cast_db, page.view) is SessionState.PUBLISHED


def test_a_member_sees_the_agenda_read_only_with_new_and_changed_marks(
    qtbot: Any, cast_db: Database, show_page: Callable[..., SessionsPage], prompts: FakePrompts
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    minister = person(cast_db, Role.MEMBER, 1)
    session_id = add_session(cast_db, leader)
    first, second = (cast_db.blobs.put(pdf_bytes(t)) for t in ("Tờ trình", "Dự thảo"))
    with cast_db.write(leader) as s:
        item = I.add_item(s, leader, session_id, "Dự thảo Nghị định về quản lý nợ công", planned_minutes=30)
        read_doc = D.add_document(s, leader, item.id, "Tờ trình", first, "to-trinh.pdf", 900, 2)
        D.add_document(s, leader, item.id, "Dự thảo Nghị định", second, "du-thao.pdf", 900, 2)
        S.publish_session(s, leader, session_id)
    with cast_db.write(minister) as s:
        mark_read(s, minister, read_doc.id)
    with cast_db.write(leader) as s:  # a new version after the minister read it
        D.replace_document(
            s, leader, read_doc.id, None, second, "to-trinh-v2.pdf", 950, 2, "Cập nhật số liệu"
        )

    page = show_page(cast_db, minister)
    page.open_session(session_id)
    view, editor = page.view, page.view.agenda
    model = editor.model
    assert not editor.editable
    assert not editor.toolbar.isVisible() and not view.session_bar.isVisible()
    assert not any(a.isVisible() for a in [*editor.item_actions, editor.undo_action, editor.redo_action])
    assert not any(a.isVisible() for a in view.session_actions.actions)
    # The same tree, but nothing moves and nothing can be dropped.
    docs = {i.data(): i for i in walk(model) if model.document(i) is not None}
    item_index = model.index(0, 0)
    assert not model.flags(item_index) & Qt.ItemFlag.ItemIsDragEnabled
    files = QMimeData()
    files.setUrls([QUrl.fromLocalFile("/tmp/x.pdf")])
    assert not model.canDropMimeData(files, Qt.DropAction.CopyAction, -1, 0, item_index)
    assert not model.dropMimeData(files, Qt.DropAction.CopyAction, -1, 0, item_index)
    assert not model.moveRows(QModelIndex(), 0, 1, QModelIndex(), 1)
    view.tree.setCurrentIndex(item_index)
    for key in (Qt.Key.Key_Insert, Qt.Key.Key_Delete, Qt.Key.Key_F2):
        qtbot.keyClick(view.tree, key)
    assert editor.item_dialog is None and prompts.asked == []

    # New to the minister, and changed since they read it.
    assert docs["Dự thảo Nghị định"].data(Qt.ItemDataRole.UserRole + 10) is Marker.NEW
    assert docs["Dự thảo Nghị định"].siblingAtColumn(MARK).data() == "Mới"
    assert docs["Tờ trình"].siblingAtColumn(MARK).data() == "Đã thay đổi"
    assert view.banner.isVisible()
    assert view.banner.text() == "Dành cho bạn: 1 tài liệu mới, 1 tài liệu đã thay đổi sau khi bạn đọc."
    # Reading is open to members: the history of a document, and opening it.
    view.tree.setCurrentIndex(docs["Tờ trình"])
    assert editor.history_action.isEnabled() and editor.open_action.isEnabled()
    editor.history_action.trigger()
    history = editor.importer.history
    assert history is not None and history.model.rowCount() == 2
    assert history.model.index(1, 3).data() == "Cập nhật số liệu"
    assert history.model.index(0, 2).data() == "Lê Thị Lãnh Đạo"
