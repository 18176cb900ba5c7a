"""The editor's item models under qtmodeltester, the drop arithmetic, and the id map behind undo."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda.documents import VersionInfo
from ecabinet.agenda.importer import FileOutcome, Notice
from ecabinet.agenda.sessions import get_session
from ecabinet.db import Database
from ecabinet.model import Role
from ecabinet.ui.editor.agenda_model import ITEM_MIME, EditableAgendaModel
from ecabinet.ui.editor.commands import IdMap
from ecabinet.ui.editor.history import VersionTableModel
from ecabinet.ui.editor.report import ImportReportModel, Result, report_rows
from ecabinet.ui.i18n import Translations, catalog_names
from ecabinet.ui.paths import TRANSLATIONS
from tests.ui.conftest import person
from tests.ui.editor.conftest import add_session


def agenda(database: Database) -> Any:
    leader = person(database, Role.SECRETARIAT_LEADER)
    session_id = add_session(database, leader)
    with database.write(leader) as s:
        a = I.add_item(s, leader, session_id, "A", planned_minutes=30)
        I.add_item(s, leader, session_id, "A.1", parent_id=a.id, planned_minutes=10)
        I.add_item(s, leader, session_id, "B", planned_minutes=20)
        I.add_item(s, leader, session_id, "C", planned_minutes=25)
        D.add_document(s, leader, a.id, "Tờ trình", "cd" * 32, "to-trinh.pdf", 100, 3)
        return get_session(s, leader, session_id)


def test_the_editable_agenda_model(qtmodeltester: Any, cast_db: Database, languages: Translations) -> None:
    languages.apply("vi")
    detail = agenda(cast_db)
    model = EditableAgendaModel()
    model.set_editable(True)
    qtmodeltester.check(model)
    model.set_detail(detail)
    qtmodeltester.check(model)
    a, sub, _b, c = detail.items
    root = QModelIndex()
    a_index = model.index_of(a.id)
    assert model.rowCount(a_index) == 2  # the document, then the sub-item
    assert model.flags(a_index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(model.index(0, 0, a_index)) & Qt.ItemFlag.ItemIsDragEnabled  # a document
    mime = model.mimeData([model.index_of(c.id)])
    assert mime is not None and mime.hasFormat(ITEM_MIME)
    # Drop positions in the services' terms: (parent, position among the parent's items).
    assert model.move_target(c, 0, root) == (None, 0)
    assert model.move_target(a, 2, root) == (None, 1)  # down past B: B moves up into A's place
    assert model.move_target(a, 1, root) is None  # where it already is
    assert model.move_target(c, -1, a_index) == (a.id, 1)  # dropped on A: its last sub-item
    assert model.move_target(c, 1, a_index) == (a.id, 0)  # between A's document and its sub-item
    assert model.move_target(c, -1, model.index_of(sub.id)) is None  # no sub-sub-items
    assert model.file_target(-1, model.index(0, 0, a_index)) == a  # files on a document go to its item
    assert model.file_target(1, root) is None
    requested: list[tuple[Any, ...]] = []
    model.move_requested.connect(lambda *args: requested.append(args))
    assert model.moveRows(root, 2, 1, root, 0)
    assert requested == [(c.id, None, 0)]
    model.set_editable(False)
    assert not model.moveRows(root, 2, 1, root, 0)
    assert model.flags(root) == Qt.ItemFlag.NoItemFlags
    model.set_detail(None)
    qtmodeltester.check(model)


def test_the_report_and_history_models(qtmodeltester: Any, languages: Translations) -> None:
    languages.apply("vi")
    refusal = Notice("pdf_damaged", "The PDF file is damaged", "Tệp PDF bị hỏng")
    warning = Notice("pdf_has_forms", "The PDF has 2 form fields", "Tệp PDF có 2 trường biểu mẫu")
    outcomes = [
        FileOutcome("/x/a.pdf", "a.pdf", None, (), refusal),
        FileOutcome("/x/b.pdf", "b.pdf", object(), (warning,)),  # type: ignore[arg-type]
    ]
    rows = report_rows(outcomes, ["/x/c.pdf"], "vi")
    assert [r.result for r in rows] == [Result.REFUSED, Result.WARNED, Result.SKIPPED]
    report = ImportReportModel()
    qtmodeltester.check(report)
    report.set_rows(rows)
    qtmodeltester.check(report)
    assert report.index(0, 2).data() == "Tệp PDF bị hỏng"
    assert report.index(1, 1).data() == "Đã thêm, có cảnh báo"
    assert report_rows(outcomes, [], "en")[0].lines == ("The PDF file is damaged",)

    someone = uuid.uuid4()
    versions = [
        VersionInfo(
            uuid.uuid4(), 1, "ab" * 32, "v1.pdf", 10, 2, "", someone, datetime(2026, 11, 2, 8, tzinfo=UTC)
        ),
        VersionInfo(
            uuid.uuid4(),
            2,
            "cd" * 32,
            "v2.pdf",
            12,
            3,
            "Sửa số liệu",
            None,
            datetime(2026, 11, 3, tzinfo=UTC),
        ),
    ]
    history = VersionTableModel()
    qtmodeltester.check(history)
    history.set_rows(versions, {someone: "Lê Thị Lãnh Đạo"})
    qtmodeltester.check(history)
    assert [history.index(r, 2).data() for r in range(2)] == ["Lê Thị Lãnh Đạo", "—"]
    assert history.index(0, 3).data() == "Phiên bản đầu tiên"
    assert history.headerData(3, Qt.Orientation.Horizontal) == "Lý do"


def test_the_id_map_follows_re_created_rows() -> None:
    ids = IdMap()
    first, second, third = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    assert ids.resolve(first) == first and ids.optional(None) is None
    ids.replaced(first, second)  # removed and restored once
    ids.replaced(second, third)  # a command that knew the second id restores it again
    assert ids.resolve(first) == ids.resolve(second) == third
    ids.replaced(first, third)  # nothing new: no loop
    assert ids.resolve(third) == third


def test_the_editor_has_its_own_catalog(translations_dir: Path, languages: Translations) -> None:
    assert (TRANSLATIONS / "ecabinet-editor_vi.ts").exists()
    assert "ecabinet-editor_vi" in catalog_names("vi", translations_dir)
    languages.apply("vi")
    assert EditableAgendaModel().headerData(0, Qt.Orientation.Horizontal) == "Nội dung / tài liệu"
    assert ImportReportModel().headerData(1, Qt.Orientation.Horizontal) == "Kết quả"
