"""Dossier import through the drop handler and the file dialog: passwords, the report, search; replacing."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl

from ecabinet.agenda import items as I
from ecabinet.search.index import index_status
from ecabinet.ui import tasks
from ecabinet.ui.editor.report import DETAILS, RESULT, Result
from tests.ui.editor.conftest import TESTDATA, Editing, Pdfs, walk

LIBRE_PASSWORD = TESTDATA / "libreoffice-writer-password.pdf"
ATTACHMENT = TESTDATA / "with-attachment.pdf"


def file_drop(*paths: Any) -> QMimeData:
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return data


def add_item(editing: Editing, title: str = "Dự thảo Nghị định về quản lý nợ công") -> Any:
    with editing.database.write(editing.leader) as s:
        item = I.add_item(s, editing.leader, editing.session_id, title, planned_minutes=30)
    editing.page.view.reload()
    return item


def results(editing: Editing) -> dict[str, tuple[Result, str]]:
    report = editing.editor.importer.report
    assert report is not None and report.isVisible()
    model = report.model
    return {
        model.row(r).filename: (model.row(r).result, model.index(r, DETAILS).data())
        for r in range(model.rowCount())
    }


def test_files_dropped_on_an_item_are_checked_and_reported_with_passwords_asked(
    editing: Editing, pdfs: Pdfs, tmp_path: Any
) -> None:
    item = add_item(editing)
    model = editing.editor.model
    target = model.index_of(item.id)
    paths = [pdfs.good, pdfs.damaged, pdfs.encrypted]
    answers = ["sai-mat-khau", pdfs.password]  # wrong first: asked again for the same file
    if LIBRE_PASSWORD.exists():
        paths.append(shutil.copy(LIBRE_PASSWORD, tmp_path / "Phu_luc_mat_khau.pdf"))
        answers.append("openpassword")
    if ATTACHMENT.exists():
        paths.append(shutil.copy(ATTACHMENT, tmp_path / "Bao_cao_co_dinh_kem.pdf"))
    editing.prompts.answers = list(answers)

    drop = file_drop(*paths)
    assert model.canDropMimeData(drop, Qt.DropAction.CopyAction, -1, 0, target)
    assert not model.canDropMimeData(drop, Qt.DropAction.CopyAction, 0, 0, model.index(0, 0).parent())
    assert model.dropMimeData(drop, Qt.DropAction.CopyAction, -1, 0, target)

    assert editing.prompts.asked == ["Cần mật khẩu"] * len(answers)
    found = results(editing)
    assert found["To_trinh_du_an.pdf"] == (Result.ADDED, "")
    refused, reason = found["Phu_luc_hong.pdf"]
    assert refused is Result.REFUSED and reason.startswith("Tệp PDF bị hỏng")
    assert found["Du_thao_mat.pdf"][0] is Result.WARNED  # stored as a decrypted copy, and told so
    assert "bản giải mã" in found["Du_thao_mat.pdf"][1]
    if LIBRE_PASSWORD.exists():
        assert found["Phu_luc_mat_khau.pdf"][0] is Result.WARNED
    if ATTACHMENT.exists():
        kind, details = found["Bao_cao_co_dinh_kem.pdf"]
        assert kind is Result.WARNED and "tệp đính kèm" in details
    report = editing.editor.importer.report
    assert report is not None
    stored = len(paths) - 1
    assert report.summary.text().startswith(
        f"«{item.title}»: đã thêm {stored}/{len(paths)} tệp. 1 tệp bị từ chối"
    )
    assert report.model.index(1, RESULT).data() == "Bị từ chối"

    # In the database and in the tree, under the item; and indexed for search in the background.
    documents = editing.detail().items[0].documents
    assert sorted(d.filename for d in documents) == sorted(p.name for p in paths if p != pdfs.damaged)
    titles = {i.data() for i in walk(model, model.index_of(item.id))}
    assert "To trinh du an" in titles and "Phu luc hong" not in titles
    assert not editing.editor.importer.indexing
    with editing.database.read() as s:
        status = index_status(s)
    assert status.pending == 0 and status.indexed == stored


def test_the_file_dialog_imports_and_a_stopped_import_names_what_was_left(
    editing: Editing, pdfs: Pdfs, monkeypatch: pytest.MonkeyPatch
) -> None:
    item = add_item(editing)
    editing.select(item.title)
    importer = editing.editor.importer
    importer.pick_files = lambda: [str(pdfs.good), str(pdfs.second)]
    # Cancel is pressed once the second file is being checked.
    original = tasks.Progress.report
    reports: list[int] = []

    def report_then_cancel(self: tasks.Progress, percent: int, text: str = "") -> None:
        original(self, percent, text)
        reports.append(percent)
        if len(reports) == 2:
            self.cancel()

    monkeypatch.setattr(tasks.Progress, "report", report_then_cancel)
    editing.editor.tree.setFocus()
    editing.editor.import_action.trigger()
    found = results(editing)
    assert found["To_trinh_du_an.pdf"][0] is Result.ADDED
    assert found["Bao_cao_tham_dinh.pdf"] == (Result.SKIPPED, "")
    assert [d.filename for d in editing.detail().items[0].documents] == ["To_trinh_du_an.pdf"]


def test_a_document_is_replaced_with_a_reason_and_its_history_shown(editing: Editing, pdfs: Pdfs) -> None:
    item = add_item(editing)
    editing.editor.import_dropped(item.id, [str(pdfs.good)])
    doc = editing.detail().items[0].documents[0]
    editor = editing.editor
    editor.tree.setCurrentIndex(editor.model.index_of(doc.id))
    assert editor.replace_action.isEnabled() and not editor.edit_action.isEnabled()

    # The same file again is refused by the importer; an encrypted one asks for its password.
    editor.importer.pick_file = lambda: str(pdfs.good)
    editing.prompts.answers = ["Cập nhật"]
    editor.replace_action.trigger()
    assert editing.prompts.errors and "giống hệt phiên bản hiện hành" in editing.prompts.errors[-1][0]

    editor.importer.pick_file = lambda: str(pdfs.encrypted)
    editing.prompts.answers = ["Bổ sung số liệu quý III", pdfs.password]
    editor.replace_action.trigger()
    assert editing.prompts.asked[-2:] == ["Thay thế tài liệu", "Cần mật khẩu"]
    assert editing.prompts.informed == ["Đã thay thế tài liệu, có cảnh báo"]  # the decrypted copy
    current = editing.detail().items[0].documents[0]
    assert (current.id, current.version_number, current.filename) == (doc.id, 2, "Du_thao_mat.pdf")

    editor.tree.setCurrentIndex(editor.model.index_of(doc.id))
    editor.history_action.trigger()
    history = editor.importer.history
    assert history is not None and history.isVisible()
    rows = [[history.model.index(r, c).data() for c in range(6)] for r in range(history.model.rowCount())]
    assert [r[0] for r in rows] == ["1", "2"]
    assert rows[0][3] == "Phiên bản đầu tiên" and rows[1][3] == "Bổ sung số liệu quý III"
    assert rows[1][2] == editing.leader.name and rows[1][4] == "Du_thao_mat.pdf"
    assert history.heading.text().endswith("2 phiên bản, phiên bản hiện hành ở cuối.")
