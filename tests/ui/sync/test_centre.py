"""The Sync centre: export through the wizard on the secretariat, import by drop on the laptop (applied,
already applied, refused with nothing changed), the peers' state and the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWizard

from ecabinet.model.sync import ProfileRole
from ecabinet.ui.main_window import MainWindow
from ecabinet.ui.sync.centre import SyncPage
from ecabinet.ui.sync.export_wizard import ExportWizard
from ecabinet.ui.sync.import_dialog import ImportDialog
from ecabinet.ui.sync.models import HistoryModel, PeerTableModel
from ecabinet.ui.sync.session import key_session
from ecabinet.ui.sync.startup import FirstSteps
from ecabinet.ui.sync.state import package_file_name, slug
from tests.sync.conftest import dump
from tests.ui.conftest import FakePrompts, MakeContext
from tests.ui.sync.conftest import LAPTOP_PASSPHRASE, SEC_PASSPHRASE, FakeFiles, Pair, unlocked


def sync_page(qtbot: Any, context: Any) -> SyncPage:
    page = SyncPage(context)
    qtbot.addWidget(page)
    page.show()
    return page


def export_to_member(
    qtbot: Any, make_context: MakeContext, pair: Pair, folder: Path
) -> tuple[SyncPage, Path]:
    context = make_context(pair.sec, "vi")
    context.set_actor(pair.officer)
    unlocked(context, SEC_PASSPHRASE)
    page = sync_page(qtbot, context)
    row = page.peer_model.row_of(pair.member.member_id)
    assert row >= 0
    assert page.peer_model.index(row, PeerTableModel.KEY).data() == "Đã tin cậy"
    assert page.peer_model.index(row, PeerTableModel.SENT).data() == "—"
    page.peer_table.selectRow(page.peer_proxy.mapFromSource(page.peer_model.index(row, 0)).row())
    page.export_action.trigger()
    wizard = page.dialogs[-1]
    assert isinstance(wizard, ExportWizard)
    chosen = wizard.recipients.chosen()
    assert [p.member_id for p in chosen] == [pair.member.member_id], "the selected member, ticked"
    assert wizard.recipients.list.count() == len(page.peers)
    untrusted = [p for p in page.peers if not p.can_export]
    assert untrusted, "members without a trusted key are listed but cannot be ticked"
    wizard.next()
    wizard.folder.folder.setText(str(folder))
    expected = package_file_name(pair.member.name, 1, to_secretariat=False)
    assert wizard.folder.names.item(0).text() == expected == f"ecabinet-{slug(pair.member.name)}-1.ecab"
    assert wizard.button(QWizard.WizardButton.CommitButton).text() == "&Xuất gói"
    wizard.next()  # writes the package (inline with the test runner)
    batch = wizard.result_page.batch
    assert batch is not None and not batch.failures and len(batch.results) == 1
    result = batch.results[0]
    assert result.path == folder / expected and result.path.exists()
    assert result.upserts > 0 and result.files > 0 and result.encrypted
    assert wizard.result_page.table.item(0, 1).text() == expected
    assert "Đã ghi 1 gói" in wizard.result_page.status.text()
    wizard.accept()
    # The page shows the new state.
    row = page.peer_model.row_of(pair.member.member_id)
    assert page.peer_model.index(row, PeerTableModel.SENT).data() == "gói 1"
    assert page.history_model.index(0, HistoryModel.OUTCOME).data() == "Đã xuất"
    return page, result.path


def drop(page: SyncPage, paths: list[Path]) -> ImportDialog:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert enter.isAccepted(), ".ecab files are welcome"
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, event)
    dialog = page.dialogs[-1]
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    return dialog


def report(dialog: ImportDialog) -> str:
    return dialog.report.toPlainText()


def test_export_on_the_secretariat_and_import_by_drop_on_the_laptop(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path, prompts: FakePrompts
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    _sec_page, package = export_to_member(qtbot, make_context, pair, folder)

    laptop = make_context(pair.laptop, "vi")
    keys = unlocked(laptop, LAPTOP_PASSPHRASE)
    assert keys.is_member_laptop
    page = sync_page(qtbot, laptop)
    assert page.tabs.tabText(0) == "&Văn phòng Chính phủ"
    assert [p.role for p in page.peers] == [ProfileRole.SECRETARIAT]
    assert page.peer_model.index(0, PeerTableModel.RECEIVED).data() == "—"

    # A file that is not a package is not taken.
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(page, enter)
    assert not enter.isAccepted()

    dialog = drop(page, [package])
    before = report(dialog)
    assert "Trước khi nhập" in before
    assert "Người gửi: Văn phòng Chính phủ — khóa đã được tin cậy ở máy này" in before
    assert "Gói số 1, tạo lúc" in before and "có mã hóa" in before
    assert dialog.import_button.isEnabled() and dialog.import_button.isDefault()
    dialog.import_button.click()
    assert dialog.summary() == ["applied"]
    after = report(dialog)
    assert "Đã áp dụng — Gói số 1 từ Văn phòng Chính phủ" in after
    assert "thêm mới" in after and "Đã thay đổi: " in after
    dialog.close_button.click()
    assert page.peer_model.index(0, PeerTableModel.RECEIVED).data() == "gói 1"
    assert page.peer_model.index(0, PeerTableModel.LAST).data() == "vừa xong"
    assert "lần cuối nhận được vừa xong (gói 1)" in page.peer_summary.text()
    assert page.history_model.index(0, HistoryModel.OUTCOME).data() == "Đã áp dụng"
    assert laptop.actor is None, "no window here; the profile picker sets the member (see the next test)"

    # The same package again: already applied, nothing changes.
    unchanged = dump(pair.laptop)
    again = drop(page, [package])
    assert "đã được áp dụng ở máy này lúc" in report(again)
    again.import_button.click()
    assert again.summary() == ["already"]
    assert "Đã áp dụng trước đó — Gói này đã được áp dụng ở máy này lúc" in report(again)
    again.close_button.click()
    assert dump(pair.laptop) == unchanged

    # One byte changed in the middle of the file: refused, in Vietnamese, nothing changed.
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.ecab"
    tampered.write_bytes(bytes(data))
    bad = drop(page, [tampered])
    bad.import_button.click()
    assert bad.summary() == ["refused"]
    text = report(bad)
    assert "Bị từ chối — " in text
    assert "đã bị sửa đổi hoặc hư hỏng sau khi gói được ký" in text
    assert text.count("Không có gì thay đổi.") == 1
    assert dump(pair.laptop) == unchanged
    bad.close_button.click()
    refused = page.history_model.index(0, HistoryModel.OUTCOME)
    assert refused.data() == "Bị từ chối", "the refusal is in the history (from the audit log)"
    assert "Không có gì thay đổi" in page.history_model.index(0, HistoryModel.NOTE).data()
    assert prompts.errors == []


def test_the_laptop_acts_as_its_member_once_the_directory_arrives(
    qtbot: Any, make_context: MakeContext, make_window: Any, pair: Pair, tmp_path: Path
) -> None:
    _sec_page, package = export_to_member(qtbot, make_context, pair, tmp_path)
    window = make_window(pair.laptop, "vi")
    keys = unlocked(window.context, LAPTOP_PASSPHRASE)
    assert key_session(window.context) is keys
    assert not window.profile.isEnabled() and window.context.actor is None
    page = window.page("sync")
    assert isinstance(page, SyncPage)
    page.files = FakeFiles(packages=[package])  # type: ignore[assignment]
    page.import_action.trigger()  # the file dialog
    dialog = page.dialogs[-1]
    assert isinstance(dialog, ImportDialog)
    dialog.import_button.click()
    assert dialog.summary() == ["applied"]
    assert window.context.actor == pair.member, "the first package brought the directory"
    assert window.profile.count() == 2, "the member and the heading of their group, nobody else"
    assert window.profile.currentText() == pair.member.name
    window.profile.choose(pair.officer.member_id)
    assert window.context.actor == pair.member, "a laptop never acts as anyone else"
    fresh = MainWindow(window.context)  # the next start: app.py builds the window after the login
    qtbot.addWidget(fresh)
    FirstSteps(window.context, fresh).start()
    assert fresh.profile.currentText() == pair.member.name and not fresh.profile.isEnabled()

    # Its answer goes back: the wizard sends to the Government Office, named after the member.
    page.export_action.trigger()
    wizard = page.dialogs[-1]
    assert isinstance(wizard, ExportWizard)
    assert [p.role for p in wizard.recipients.chosen()] == [ProfileRole.SECRETARIAT]
    assert not wizard.recipients.all_button.isVisibleTo(wizard)
    wizard.next()
    wizard.folder.folder.setText(str(tmp_path))
    wizard.next()
    batch = wizard.result_page.batch
    assert batch is not None and [r.path.name for r in batch.results] == [
        f"ecabinet-{slug(pair.member.name)}-vpcp-1.ecab"
    ]


def test_no_profile_offers_the_setup(qtbot: Any, make_context: MakeContext, demo_db: Any) -> None:
    context = make_context(demo_db, "vi")
    page = sync_page(qtbot, context)
    assert page.setup_banner.isVisible()
    assert not page.export_action.isEnabled() and not page.import_action.isEnabled()
    assert page.identity.text() == "Máy này chưa được thiết lập để đồng bộ."
    wizard = page.open_setup()
    assert wizard.isVisible() and wizard.windowTitle() == "Thiết lập máy này"
    assert wizard.directory, "on a database with a directory the member is chosen from it"
    wizard.reject()


def test_the_models(
    qtmodeltester: Any, make_context: MakeContext, pair: Pair, tmp_path: Path, qtbot: Any
) -> None:
    page, _package = export_to_member(qtbot, make_context, pair, tmp_path)
    qtmodeltester.check(page.peer_model)
    qtmodeltester.check(page.history_model)
    qtmodeltester.check(page.key_manager.model)
