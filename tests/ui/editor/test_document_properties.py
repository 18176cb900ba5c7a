"""A document's properties and its removal in the agenda editor: each an undoable command, saved at once."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.agenda.sessions import DocumentInfo
from ecabinet.audit import verify_chain
from ecabinet.model import Classification, DocumentKind, InviteRole, Role
from ecabinet.services.members import list_members
from ecabinet.ui.editor.document_dialog import DocumentDialog
from tests.ui.editor.conftest import Editing, pdf_bytes

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def dossier(editing: Editing) -> Editing:
    """The draft session with one item holding three documents (real files in the store)."""
    leader = editing.leader
    with editing.database.write(leader) as s:
        item = I.add_item(s, leader, editing.session_id, "Dự thảo Nghị định về quản lý nợ công")
        for title in ("Tờ trình", "scan_0042", "Báo cáo thẩm định"):
            data = pdf_bytes(title)
            sha = editing.database.blobs.put(data)
            D.add_document(s, leader, item.id, title, sha, f"{title}.pdf", len(data), 2)
    editing.page.view.reload()
    return editing


def documents(editing: Editing) -> list[DocumentInfo]:
    return [d for i in editing.detail().items for d in i.documents]


def document(editing: Editing, title: str) -> DocumentInfo:
    return next(d for d in documents(editing) if d.title == title)


def recipients(editing: Editing, document_id: uuid.UUID) -> set[str]:
    with editing.database.read() as s:
        return {m.full_name for m in D.document_recipients(s, editing.leader, document_id)}


def press(
    qtbot: Any, editing: Editing, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    editing.editor.tree.setFocus()
    qtbot.keyClick(editing.editor.tree, key, mods)


def select_document(editing: Editing, title: str) -> None:
    editor = editing.editor
    editor.tree.setCurrentIndex(editor.model.index_of(document(editing, title).id))


def test_the_properties_dialog_changes_the_document_and_undo_redo_restore_it(
    qtbot: Any, dossier: Editing
) -> None:
    editor = dossier.editor
    original = document(dossier, "scan_0042")
    select_document(dossier, "scan_0042")
    assert editor.properties_action.isEnabled() and not editor.edit_action.isEnabled()
    press(qtbot, dossier, Qt.Key.Key_F2)  # F2 on a document row: its properties, not the item's form
    dialog = editor.document_dialog
    assert dialog is not None and dialog.isVisible() and editor.item_dialog is None
    assert dialog.title.text() == "scan_0042"
    assert dialog.windowTitle() == "Thuộc tính tài liệu"

    dialog.title.setText("Phụ lục: phương án vay nợ")
    dialog.kind.setCurrentIndex(dialog.kind.findData(DocumentKind.ANNEX))
    dialog.classification.setCurrentIndex(dialog.classification.findData(Classification.CONFIDENTIAL))
    dialog.tick_all_members()
    dialog.entries[_member(dossier, "Vũ Thị Hà")].setCheckState(0, Qt.CheckState.Unchecked)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    changed = document(dossier, "Phụ lục: phương án vay nợ")
    assert changed.id == original.id
    assert (changed.kind, changed.classification) == (DocumentKind.ANNEX, Classification.CONFIDENTIAL)
    assert recipients(dossier, changed.id) == {"Phạm Minh Thủ", "Hồ Đức Tài"}
    assert editor.current_document().id == changed.id  # the edited document stays current
    assert editor.undo_action.text() == "Hoàn tác Sửa tài liệu «scan_0042»"

    press(qtbot, dossier, Qt.Key.Key_Z, CTRL)
    back = document(dossier, "scan_0042")
    assert (back.kind, back.classification) == (original.kind, Classification.NORMAL)
    assert recipients(dossier, back.id) == set()
    press(qtbot, dossier, Qt.Key.Key_Z, CTRL_SHIFT)
    again = document(dossier, "Phụ lục: phương án vay nợ")
    assert again.classification is Classification.CONFIDENTIAL
    assert recipients(dossier, again.id) == {"Phạm Minh Thủ", "Hồ Đức Tài"}
    with dossier.database.read() as s:
        assert verify_chain(s) == []

    # Saving an unchanged form adds nothing to the history.
    count = editor.stack.count()
    editor.properties_action.trigger()
    assert editor.document_dialog is not None
    editor.document_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert editor.stack.count() == count


def test_delete_removes_the_document_after_asking_and_undo_brings_it_back(
    qtbot: Any, dossier: Editing
) -> None:
    editor = dossier.editor
    stack = editor.stack
    assert stack is not None
    doc = document(dossier, "scan_0042")
    with dossier.database.write(dossier.leader) as s:
        D.update_document(s, dossier.leader, doc.id, classification=Classification.SECRET)
        D.set_distribution(s, dossier.leader, doc.id, [_member(dossier, "Hồ Đức Tài")])
    dossier.page.view.reload()

    # Declined: nothing happens.
    select_document(dossier, "scan_0042")
    dossier.prompts.answers = [False]
    press(qtbot, dossier, Qt.Key.Key_Delete)
    assert dossier.prompts.asked == ["Xóa tài liệu"]
    assert [d.title for d in documents(dossier)] == ["Tờ trình", "scan_0042", "Báo cáo thẩm định"]
    assert stack.count() == 0

    dossier.prompts.answers = [True]
    press(qtbot, dossier, Qt.Key.Key_Delete)
    assert [d.title for d in documents(dossier)] == ["Tờ trình", "Báo cáo thẩm định"]
    assert editor.current_document().title == "Báo cáo thẩm định"  # the next document becomes current
    assert dossier.database.blobs.has(doc.sha256)
    assert editor.undo_action.text() == "Hoàn tác Xóa tài liệu «scan_0042»"

    press(qtbot, dossier, Qt.Key.Key_Z, CTRL)
    assert [d.title for d in documents(dossier)] == ["Tờ trình", "scan_0042", "Báo cáo thẩm định"]
    restored = document(dossier, "scan_0042")
    assert (restored.id, restored.version_id, restored.classification) == (
        doc.id,
        doc.version_id,
        Classification.SECRET,
    )
    assert recipients(dossier, doc.id) == {"Hồ Đức Tài"}
    assert editor.current_document().id == doc.id
    press(qtbot, dossier, Qt.Key.Key_Z, CTRL_SHIFT)
    assert "scan_0042" not in [d.title for d in documents(dossier)]
    stack.undo()
    with dossier.database.read() as s:
        assert verify_chain(s) == []

    # Delete on an item row is still the item's removal.
    editor.tree.setCurrentIndex(editor.model.index_of(dossier.detail().items[0].id))
    assert editor.remove_action.isEnabled() and not editor.remove_document_action.isEnabled()
    dossier.prompts.answers = [True]
    press(qtbot, dossier, Qt.Key.Key_Delete)
    assert dossier.prompts.asked[-1] == "Xóa nội dung"
    assert dossier.detail().items == ()


def test_undoing_an_item_removal_brings_its_documents_back_whole(dossier: Editing) -> None:
    editor = dossier.editor
    doc = document(dossier, "scan_0042")
    with dossier.database.write(dossier.leader) as s:
        D.update_document(s, dossier.leader, doc.id, classification=Classification.CONFIDENTIAL)
        D.set_distribution(s, dossier.leader, doc.id, [_member(dossier, "Vũ Thị Hà")])
    dossier.page.view.reload()
    # A command about the document, then its item removed and brought back.
    select_document(dossier, "scan_0042")
    editor.properties_action.trigger()
    assert editor.document_dialog is not None
    editor.document_dialog.title.setText("Phụ lục")
    editor.document_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    editor.tree.setCurrentIndex(editor.model.index_of(dossier.detail().items[0].id))
    dossier.prompts.answers = [True]
    editor.remove_action.trigger()
    assert dossier.detail().items == ()
    stack = editor.stack
    assert stack is not None
    stack.undo()
    assert [d.id for d in documents(dossier)][1] == doc.id  # the same document, not a copy
    assert recipients(dossier, doc.id) == {"Vũ Thị Hà"}
    stack.undo()  # the rename, on the document as it came back
    assert document(dossier, "scan_0042").classification is Classification.CONFIDENTIAL
    with dossier.database.read() as s:
        assert verify_chain(s) == []


def test_the_dialog_groups_people_and_says_who_will_see_the_document(
    qtbot: Any, dossier: Editing, languages: Any
) -> None:
    languages.apply("en")
    with dossier.database.read() as s:
        people = list_members(s, {Role.MEMBER, Role.GUEST})
    doc = document(dossier, "Tờ trình")
    minister = _member(dossier, "Hồ Đức Tài")
    invited = {m.id: InviteRole.MEMBER for m in people if m.role is Role.MEMBER and m.id != minister}
    dialog = DocumentDialog(doc, people, {minister}, invited)
    qtbot.addWidget(dialog)
    groups = [dialog.people.topLevelItem(n) for n in range(dialog.people.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["Government members", "Invited guests"]
    assert [groups[0].child(n).text(0).split(" — ")[0] for n in range(groups[0].childCount())] == [
        m.full_name for m in people if m.role is Role.MEMBER
    ]
    assert dialog.entries[minister].text(0).endswith("(not invited)")
    assert groups[0].checkState(0) == Qt.CheckState.PartiallyChecked
    assert "A normal document goes to everyone invited" in dialog.hint.text()

    dialog.classification.setCurrentIndex(dialog.classification.findData(Classification.TOP_SECRET))
    assert "1 of them are not invited" in dialog.hint.text()
    dialog.no_one.click()
    assert dialog.recipients() == frozenset()
    assert "only the secretariat will see" in dialog.hint.text()
    dialog.all_members.click()
    guest = next(m.id for m in people if m.role is Role.GUEST)
    assert guest not in dialog.recipients()
    assert dialog.recipients() == {m.id for m in people if m.role is Role.MEMBER}
    assert groups[0].checkState(0) == Qt.CheckState.Checked
    groups[1].setCheckState(0, Qt.CheckState.Checked)  # a group's box ticks all of it
    assert guest in dialog.recipients()
    assert dialog.count.text() == f"{len(people)} of {len(people)} ticked"
    dialog.title.setText(" ")
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    before, after = dialog.changes()
    assert before == {"title": "Tờ trình", "classification": Classification.NORMAL}
    assert after == {"title": "", "classification": Classification.TOP_SECRET}


def test_document_actions_are_on_the_toolbar_and_gone_once_the_session_starts(dossier: Editing) -> None:
    editor = dossier.editor
    toolbar = editor.toolbar.actions()
    assert editor.properties_action in toolbar and editor.remove_document_action in toolbar
    assert editor.properties_action.text() == "Thuộc tính tài l&iệu…"
    with dossier.database.write(dossier.leader) as s:
        S.publish_session(s, dossier.leader, dossier.session_id)
        S.start_session(s, dossier.leader, dossier.session_id)
    dossier.page.view.reload()
    assert not editor.editable
    assert not editor.properties_action.isVisible() and not editor.remove_document_action.isVisible()
    select_document(dossier, "Tờ trình")
    editor.remove_document()  # even when called, a started session's dossier stays as it is
    assert len(documents(dossier)) == 3 and not dossier.prompts.asked


def _people(editing: Editing) -> list[Any]:
    with editing.database.read() as s:
        return list_members(s)


def _member(editing: Editing, name: str) -> uuid.UUID:
    return next(m.id for m in _people(editing) if m.full_name == name)
