"""The agenda editor driven by its actions, keys and drops; every edit checked in the database and undone."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox

from ecabinet.agenda import items as I
from ecabinet.agenda.documents import add_document
from ecabinet.agenda.sessions import get_session
from ecabinet.model import Classification, ItemKind, Role
from ecabinet.services.members import list_organisations
from ecabinet.ui import formatting
from ecabinet.ui.editor.agenda_editor import AgendaEditor
from ecabinet.ui.models.agenda import MINUTES, SCHEDULE
from ecabinet.ui.tasks import TaskRunner
from tests.ui.conftest import person
from tests.ui.editor.conftest import Editing, add_session

AGENDA = [
    ("Báo cáo tình hình kinh tế - xã hội tháng 11", 60),
    ("Dự thảo Nghị định về quản lý nợ công", 30),
    ("Đề nghị xây dựng Luật Đất đai (sửa đổi)", 45),
    ("Tình hình giải ngân vốn đầu tư công", 20),
    ("Báo cáo công tác phòng, chống thiên tai", 15),
    ("Dự thảo Nghị quyết về phát triển nhà ở xã hội", 25),
    ("Tờ trình về điều chỉnh quy hoạch điện VIII", 30),
    ("Các vấn đề khác", 10),
]


def add(editing: Editing, title: str, minutes: int = 15, sub: bool = False, **fields: Any) -> None:
    """Add an item the way a person does: the action, then the form."""
    editor = editing.editor
    (editor.add_sub_action if sub else editor.add_action).trigger()
    dialog = editor.item_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.title.setText(title)
    dialog.minutes.setValue(minutes)
    if "kind" in fields:
        dialog.kind.setCurrentIndex(dialog.kind.findData(fields["kind"]))
    if "classification" in fields:
        dialog.classification.setCurrentIndex(dialog.classification.findData(fields["classification"]))
    if "presenter" in fields:
        dialog.presenter.setCurrentIndex(dialog.presenter.findData(str(fields["presenter"])))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def build_agenda(editing: Editing) -> None:
    for title, minutes in AGENDA:
        add(editing, title, minutes)


def top_titles(editing: Editing) -> list[str]:
    return [i.title for i in editing.detail().items if i.parent_id is None]


def key(
    qtbot: Any,
    editor: AgendaEditor,
    k: Qt.Key,
    mods: Qt.KeyboardModifier = Qt.KeyboardModifier.ControlModifier,
) -> None:
    editor.tree.setFocus()
    qtbot.keyClick(editor.tree, k, mods)


def test_an_eight_item_agenda_is_built_by_the_editors_actions(editing: Editing) -> None:
    with editing.database.read() as s:
        finance = next(o for o in list_organisations(s) if o.code == "BTC")
    add(editing, AGENDA[0][0], 60, kind=ItemKind.INFORMATION, presenter=finance.id)
    for title, minutes in AGENDA[1:]:
        add(editing, title, minutes)
    # A sub-item under the current (last added) item, and one more item classified.
    editing.select(AGENDA[1][0])
    add(editing, "Ý kiến thẩm định của Bộ Tư pháp", 10, sub=True, classification=Classification.CONFIDENTIAL)

    detail = editing.detail()
    assert top_titles(editing) == [t for t, _ in AGENDA]
    first = detail.items[0]
    assert (first.kind, first.presenter, first.planned_minutes) == (ItemKind.INFORMATION, "Tài chính", 60)
    sub = next(i for i in detail.items if i.parent_id is not None)
    assert (sub.number, sub.classification) == ("2.1", Classification.CONFIDENTIAL)
    assert detail.planned_minutes == sum(m for _, m in AGENDA) == 235

    # The tree shows what the database has, the running clock and the planned end.
    view = editing.page.view
    model = view.model
    assert model.rowCount() == 8
    assert model.index(0, 0).data() == f"1. {AGENDA[0][0]}"
    assert model.index(7, MINUTES).data() == "10"
    assert model.index(0, SCHEDULE).data().count("–") == 1
    assert view.values["length"].text().startswith("235 phút (3 giờ 55 phút)")
    assert (
        view.values["time"]
        .text()
        .endswith(formatting.short_time(editing.detail().summary.starts_at + timedelta(minutes=235)))
    )
    # Eight adds and a sub-item: nine steps to undo, the last one named.
    stack = editing.editor.stack
    assert stack is not None and stack.count() == 9
    assert editing.editor.undo_action.text() == "Hoàn tác Thêm nội dung con «Ý kiến thẩm định của Bộ Tư pháp»"
    assert editing.editor.current_item().title == "Ý kiến thẩm định của Bộ Tư pháp"


def test_keyboard_moves_indents_and_outdents_and_each_step_undoes(qtbot: Any, editing: Editing) -> None:
    build_agenda(editing)
    editor = editing.editor
    names = [t for t, _ in AGENDA]

    editing.select(names[2])
    key(qtbot, editor, Qt.Key.Key_Down)
    assert top_titles(editing)[2:4] == [names[3], names[2]]
    assert editor.current_item().title == names[2]  # the moved item stays current
    key(qtbot, editor, Qt.Key.Key_Up)
    key(qtbot, editor, Qt.Key.Key_Up)
    assert top_titles(editing)[:3] == [names[0], names[2], names[1]]

    # Ctrl+Right: a sub-item of the item above; Ctrl+Left: back after its parent.
    key(qtbot, editor, Qt.Key.Key_Right)
    items = editing.detail().items
    moved = next(i for i in items if i.title == names[2])
    assert moved.parent_id == items[0].id and moved.number == "1.1"
    key(qtbot, editor, Qt.Key.Key_Left)
    assert top_titles(editing)[:3] == [names[0], names[2], names[1]]

    # Undo walks back through outdent, indent and the three moves; redo goes forward again.
    key(qtbot, editor, Qt.Key.Key_Z)
    assert next(i for i in editing.detail().items if i.title == names[2]).number == "1.1"
    for _ in range(4):
        key(qtbot, editor, Qt.Key.Key_Z)
    assert top_titles(editing) == names
    key(qtbot, editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert top_titles(editing)[2:4] == [names[3], names[2]]
    key(qtbot, editor, Qt.Key.Key_Y)
    assert top_titles(editing)[2:4] == [names[2], names[3]]

    # At the top, Ctrl+Up has nowhere to go.
    editing.select(names[0])
    assert not editor.up_action.isEnabled()
    before = editor.stack.count()
    key(qtbot, editor, Qt.Key.Key_Up)
    assert editor.stack.count() == before


def test_drag_and_drop_reorders_and_nests(editing: Editing) -> None:
    build_agenda(editing)
    editor = editing.editor
    model = editor.model
    names = [t for t, _ in AGENDA]

    def drag(title: str) -> Any:
        return model.mimeData([editor.model.index_of(_id(editing, title))])

    # Drop item 1 between items 4 and 5 (row 4 of the top level).
    assert model.dropMimeData(drag(names[0]), Qt.DropAction.MoveAction, 4, 0, QModelIndex())
    assert top_titles(editing)[:4] == [names[1], names[2], names[3], names[0]]
    # Drop on an item: it becomes that item's last sub-item.
    target = model.index_of(_id(editing, names[1]))
    assert model.canDropMimeData(drag(names[7]), Qt.DropAction.MoveAction, -1, 0, target)
    assert model.dropMimeData(drag(names[7]), Qt.DropAction.MoveAction, -1, 0, target)
    sub = next(i for i in editing.detail().items if i.title == names[7])
    assert sub.parent_id == _id(editing, names[1])
    # Dropping an item onto itself, or back where it is, asks for nothing.
    same = model.index_of(_id(editing, names[2]))
    assert not model.canDropMimeData(drag(names[2]), Qt.DropAction.MoveAction, -1, 0, same)
    assert not model.dropMimeData(drag(names[2]), Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    # moveRows, as a view's internal move would call it: the last top-level item to the front.
    last = model.rowCount() - 1
    assert model.moveRows(QModelIndex(), last, 1, QModelIndex(), 0)
    assert top_titles(editing)[0] == names[6]

    stack = editor.stack
    assert stack is not None
    stack.undo()
    stack.undo()
    stack.undo()
    assert top_titles(editing) == names


def test_undo_and_redo_of_add_edit_remove_against_the_database(editing: Editing, tmp_path: Any) -> None:
    build_agenda(editing)
    editor = editing.editor
    stack = editor.stack
    assert stack is not None
    names = [t for t, _ in AGENDA]

    # Edit: the form's changes only; undo puts the old values back.
    editing.select(names[3])
    editor.edit_action.trigger()
    dialog = editor.item_dialog
    assert dialog is not None and dialog.title.text() == names[3]
    dialog.minutes.setValue(35)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ItemKind.DECISION))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    edited = _item(editing, names[3])
    assert (edited.planned_minutes, edited.kind) == (35, ItemKind.DECISION)
    stack.undo()
    edited = _item(editing, names[3])
    assert (edited.planned_minutes, edited.kind) == (20, ItemKind.DISCUSSION)
    stack.redo()
    assert _item(editing, names[3]).planned_minutes == 35

    # Remove an item that has a sub-item and documents: confirmed, then undone with everything back.
    editing.select(names[4])
    add(editing, "Phương án ứng phó bão số 9", 5, sub=True)
    item = _item(editing, names[4])
    with editing.database.write(editing.leader) as s:
        add_document(
            s, editing.leader, item.id, "Báo cáo của Bộ Nông nghiệp", "ab" * 32, "bao-cao.pdf", 1200, 4
        )
    editor.reload_requested.emit()
    editing.select(names[4])
    editing.prompts.answers = [True]
    editor.remove_action.trigger()
    assert editing.prompts.asked == ["Xóa nội dung"]
    assert names[4] not in top_titles(editing)
    assert "Phương án ứng phó bão số 9" not in [i.title for i in editing.detail().items]
    assert editor.current_item().title == names[5]  # the next item becomes current
    stack.undo()
    detail = editing.detail()
    restored = _item(editing, names[4])
    assert top_titles(editing) == names
    assert [d.title for d in restored.documents] == ["Báo cáo của Bộ Nông nghiệp"]
    assert restored.documents[0].sha256 == "ab" * 32 and restored.documents[0].page_count == 4
    assert [i.title for i in detail.items if i.parent_id == restored.id] == ["Phương án ứng phó bão số 9"]
    assert editor.current_item().id == restored.id
    stack.redo()
    assert names[4] not in top_titles(editing)
    stack.undo()
    # Commands made before the removal still find the re-created rows (new ids): undo the sub-item's add.
    stack.undo()
    assert [i.title for i in editing.detail().items if i.parent_id is not None] == []
    stack.redo()
    assert "Phương án ứng phó bão số 9" in [i.title for i in editing.detail().items]

    # Add: undo removes it, redo brings it back where it was.
    before = stack.index()
    editing.select(names[0])
    add(editing, "Nội dung bổ sung", 5)
    assert top_titles(editing)[1] == "Nội dung bổ sung"
    assert stack.index() == stack.count() == before + 1  # a new edit drops what could be redone
    stack.undo()
    assert "Nội dung bổ sung" not in top_titles(editing)
    stack.redo()
    assert top_titles(editing)[1] == "Nội dung bổ sung"
    # Undo everything: an empty agenda, as the session began.
    while stack.canUndo():
        stack.undo()
    assert editing.detail().items == ()


def test_a_stale_edit_is_refused_plainly_and_the_agenda_reloads(editing: Editing) -> None:
    build_agenda(editing)
    editor = editing.editor
    stack = editor.stack
    assert stack is not None
    count = stack.count()
    editing.select(AGENDA[2][0])
    editor.edit_action.trigger()
    dialog = editor.item_dialog
    assert dialog is not None
    # Meanwhile another officer changes the same item.
    officer = person(editing.database, Role.SECRETARIAT)
    item = _item(editing, AGENDA[2][0])
    with editing.database.write(officer) as s:
        I.update_item(s, officer, item.id, item.version, planned_minutes=50)
    dialog.minutes.setValue(40)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert len(editing.prompts.errors) == 1
    assert "đã được người khác sửa" in editing.prompts.errors[0][0]
    assert _item(editing, AGENDA[2][0]).planned_minutes == 50
    assert stack.count() == count  # the refused edit is not in the history
    # The tree was loaded again: its copy now has the other officer's version.
    assert editor.current_item().version == _item(editing, AGENDA[2][0]).version
    assert editor.model.index_of(item.id).siblingAtColumn(MINUTES).data() == "50"


def test_the_service_decides_what_may_not_be_nested(editing: Editing) -> None:
    build_agenda(editing)
    editor = editing.editor
    editing.select(AGENDA[1][0])
    add(editing, "Nội dung con", 5, sub=True)
    # Indenting an item that has sub-items is refused by the service; the UI only shows the refusal.
    editing.select(AGENDA[1][0])
    editor.indent_action.trigger()
    assert editing.prompts.errors and "nội dung con thì không" in editing.prompts.errors[0][0]
    assert _item(editing, AGENDA[1][0]).parent_id is None


def _item(editing: Editing, title: str) -> Any:
    return next(i for i in editing.detail().items if i.title == title)


def _id(editing: Editing, title: str) -> Any:
    return _item(editing, title).id


class DeferredRunner(TaskRunner):
    """Holds each operation until `run_all()`: the worker's timing, made explicit."""

    def __init__(self, database: Any) -> None:
        super().__init__(database)
        self.jobs: list[Any] = []

    def _start(self, op: Any, job: Any) -> None:
        self._active.add(op)
        self.jobs.append(job)

    def run_all(self) -> None:
        while self.jobs:
            self.jobs.pop(0).run()


def test_with_a_worker_a_refused_edit_leaves_the_history_and_a_failed_undo_clears_it(
    qtbot: Any, cast_db: Any, show_page: Any, prompts: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    leader = person(cast_db, Role.SECRETARIAT_LEADER)
    session_id = add_session(cast_db, leader)
    with cast_db.write(leader) as s:
        for title, minutes in AGENDA[:3]:
            I.add_item(s, leader, session_id, title, planned_minutes=minutes)
    page = show_page(cast_db, leader)
    runner = DeferredRunner(cast_db)
    runner.on_error = page.context.show_error
    page.context.runner = runner
    page.open_session(session_id)
    runner.run_all()
    editor = page.view.agenda
    stack = editor.stack
    assert stack is not None and editor.model.rowCount() == 3

    # A move goes to the worker; while it is out, the actions wait.
    editor.tree.setCurrentIndex(editor.model.index(0, 0))
    editor.down_action.trigger()
    assert stack.count() == 1 and not editor.down_action.isEnabled()
    runner.run_all()
    titles = [i.title for i in get_session_items(cast_db, leader, session_id)]
    assert titles[:2] == [AGENDA[1][0], AGENDA[0][0]]
    assert editor.down_action.isEnabled()

    # An edit made on a copy that someone else changed meanwhile: refused in the worker, dropped from history.
    editor.tree.setCurrentIndex(editor.model.index(2, 0))
    item = editor.current_item()
    officer = person(cast_db, Role.SECRETARIAT)
    with cast_db.write(officer) as s:
        I.update_item(s, officer, item.id, item.version, planned_minutes=50)
    editor.edit_action.trigger()
    runner.run_all()  # the organisations for the form
    assert editor.item_dialog is not None
    editor.item_dialog.minutes.setValue(40)
    editor.item_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert stack.count() == 2
    runner.run_all()
    assert prompts.errors and "đã được người khác sửa" in prompts.errors[-1][0]
    assert (stack.count(), stack.index()) == (1, 1)  # the move is still there to undo

    # An undo that fails (the item is gone) leaves a history that no longer matches: it is cleared.
    with cast_db.write(officer) as s:
        I.remove_item(s, officer, _moved_id(cast_db, leader, session_id))
    stack.undo()
    runner.run_all()
    qtbot.waitUntil(lambda: stack.count() == 0, timeout=1000)
    assert len(prompts.errors) == 2


def get_session_items(database: Any, actor: Any, session_id: Any) -> Any:
    with database.read() as s:
        return [i for i in get_session(s, actor, session_id).items if i.parent_id is None]


def _moved_id(database: Any, actor: Any, session_id: Any) -> Any:
    """The item the first command moved (now second): undoing that move cannot work once it is removed."""
    return get_session_items(database, actor, session_id)[1].id


def test_enter_on_a_document_opens_the_reader(editing: Editing, monkeypatch: pytest.MonkeyPatch) -> None:
    reader = pytest.importorskip("ecabinet.ui.reader")
    opened: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        reader, "open_reader", lambda context, doc_id, page=1, parent=None: opened.append((doc_id, page))
    )
    detail = editing.detail()  # an empty session: add an item with a document through the services
    with editing.database.write(editing.leader) as s:
        added = I.add_item(s, editing.leader, detail.summary.id, "Nội dung có tài liệu")
        doc = add_document(s, editing.leader, added.id, "Tờ trình", "ef" * 32, "to-trinh.pdf", 10, 1)
    editing.page.view.reload()
    editor = editing.editor
    editor.tree.setCurrentIndex(editor.model.index_of(doc.id))
    editor.tree.setFocus()
    QTest.keyClick(editor.tree, Qt.Key.Key_Return)
    assert opened == [(doc.id, 1)]


def test_switching_language_retranslates_the_editor_and_keeps_the_history(
    qtbot: Any, editing: Editing, languages: Any
) -> None:
    add(editing, AGENDA[0][0], 60)
    editor = editing.editor
    assert editor.undo_action.text().startswith("Hoàn tác Thêm nội dung «")
    languages.apply("en")
    qtbot.waitUntil(lambda: editor.add_action.text() == "Add &item", timeout=1000)
    assert editor.undo_action.text().startswith("Undo Add item «")  # the history is translated too
    assert "Ctrl+Z" in editor.undo_action.toolTip()
    assert editor.toolbar.actions()[-1] is editor.redo_action
    editor.undo_action.trigger()
    assert editing.detail().items == ()
    assert editing.page.view.model.headerData(4, Qt.Orientation.Horizontal) == "Planned time"
