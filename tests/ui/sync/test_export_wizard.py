"""The export wizard: what each package carries and its size before anything is written, byte progress while
writing, and Cancel — the package being written is not kept, those written before are listed."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sqlalchemy import select

from ecabinet.model import Role
from ecabinet.model.sync import ProfileRole, SyncPackage
from ecabinet.sync.exporter import plan_export
from ecabinet.ui.sync import text
from ecabinet.ui.sync.export_wizard import ExportWizard
from tests.sync.conftest import dump
from tests.ui.conftest import MakeContext, person
from tests.ui.sync.conftest import SEC_PASSPHRASE, Pair, exchange, init_profile, open_home, unlocked
from tests.ui.sync.test_centre import sync_page


def _wizard(qtbot: Any, make_context: MakeContext, pair: Pair, tick_all: bool = False) -> ExportWizard:
    context = make_context(pair.sec, "vi")
    context.set_actor(pair.officer)
    unlocked(context, SEC_PASSPHRASE)
    page = sync_page(qtbot, context)
    row = page.peer_model.row_of(pair.member.member_id)
    page.peer_table.selectRow(page.peer_proxy.mapFromSource(page.peer_model.index(row, 0)).row())
    page.export_action.trigger()
    wizard = page.dialogs[-1]
    assert isinstance(wizard, ExportWizard)
    if tick_all:
        wizard.recipients.all_button.click()
    return wizard


def test_the_plan_shows_what_goes_and_its_size_then_the_bytes_are_written(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path
) -> None:
    wizard = _wizard(qtbot, make_context, pair)
    wizard.next()
    folder_page = wizard.folder
    target = wizard.recipients.chosen()[0]
    assert target.installation_id is not None
    plan = plan_export(pair.sec, wizard.keys.profile, pair.officer, target.installation_id)  # type: ignore[arg-type]
    assert plan.count("documents") > 0 and plan.files > 0
    assert folder_page.plan.rowCount() == 1
    assert folder_page.plan.item(0, 0).text() == pair.member.name
    carries = folder_page.plan.item(0, 1).text()
    assert carries == folder_page.carries(plan)
    assert f"{plan.count('documents')} tài liệu" in carries and f"{plan.files} tệp" in carries
    assert f"{plan.count('sessions')} phiên họp" in carries
    assert folder_page.plan.item(0, 2).text() == text.size(plan.estimated_size)
    assert folder_page.total.text() == f"Tổng cộng: 1 gói, khoảng {text.size(plan.estimated_size)}."
    assert folder_page.isComplete()

    reports: list[tuple[int, int, int]] = []
    wizard.relay.written.connect(lambda n, done, total: reports.append((n, done, total)))
    folder_page.folder.setText(str(tmp_path))
    wizard.next()  # writes (inline with the test runner)
    batch = wizard.result_page.batch
    assert batch is not None and not batch.stopped and len(batch.results) == 1
    result = batch.results[0]
    assert (result.upserts, result.deletes, result.files) == (plan.upserts, plan.deletes, plan.files)
    assert abs(result.size - plan.estimated_size) < result.size // 20
    assert len(reports) == plan.files + 2, "after the records, after each file, and at the end"
    assert reports[-1][1] == reports[-1][2] > 0
    assert wizard.result_page.package_bar.value() == 1000 == wizard.result_page.overall_bar.value()
    assert not wizard.result_page.progress_box.isVisibleTo(wizard)
    assert "Đã ghi 1 gói" in wizard.result_page.status.text()


def test_cancel_drops_the_package_being_written_and_keeps_those_before(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path, sqlite_template: Path
) -> None:
    # A second member's laptop, so that one package is written before the user cancels.
    second = person(pair.sec, Role.MEMBER, 3)
    home = tmp_path / "laptop2"
    home.mkdir()
    shutil.copy(sqlite_template, home / "ecabinet.db")
    laptop2 = open_home(home)
    keys2 = init_profile(laptop2, ProfileRole.MEMBER, second.member_id, "second laptop passphrase", None)
    from ecabinet.security import keystore

    exchange(pair.sec, keystore.unlock(pair.sec.home, SEC_PASSPHRASE), pair.officer, laptop2, keys2)
    laptop2.close()

    wizard = _wizard(qtbot, make_context, pair, tick_all=True)
    targets = wizard.recipients.chosen()
    assert {t.member_id for t in targets} == {pair.member.member_id, second.member_id}
    wizard.next()
    assert wizard.folder.plan.rowCount() == 2 and "2 gói" in wizard.folder.total.text()
    out = tmp_path / "out"
    out.mkdir()
    wizard.folder.folder.setText(str(out))
    before = dump(pair.sec, with_audit=True)
    seen: list[tuple[int, int, int]] = []

    def written(number: int, done: int, total: int) -> None:
        seen.append((number, done, total))
        if number == 1:  # the second package has begun: the user presses Cancel
            wizard.result_page.cancel.click()
            assert wizard.result_page.status.text().startswith("Đang dừng")

    wizard.relay.written.connect(written)
    wizard.next()
    batch = wizard.result_page.batch
    assert batch is not None and batch.stopped and not batch.failures
    assert [r.recipient_member_id for r in batch.results] == [targets[0].member_id]
    assert batch.interrupted == targets[1]
    assert [n for n, _d, _t in seen if n == 1] == [1], "stopped at the next file"
    assert [p.name for p in out.iterdir()] == [batch.results[0].path.name], "no other file, no temporary"
    assert wizard.result_page.table.rowCount() == 1
    status = wizard.result_page.status.text()
    assert "Đã dừng" in status and f"Gói cho {targets[1].name} không được giữ lại." in status
    # Only the first package was recorded.
    with pair.sec.read() as s:
        sent = s.execute(select(SyncPackage.peer_installation_id)).scalars().all()
    assert sent == [targets[0].installation_id]
    after = dump(pair.sec, with_audit=True)
    assert after["sync_packages"] != before["sync_packages"]
    assert {k: v for k, v in after.items() if not k.startswith(("sync_", "audit_", "settings"))} == {
        k: v for k, v in before.items() if not k.startswith(("sync_", "audit_", "settings"))
    }
    wizard.accept()
