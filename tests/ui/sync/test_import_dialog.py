"""The import dialog's "before" report: a dry run of each package, in plain words — what would be added and
changed, what would be recorded as refused (a late answer), or why the package would be refused — with
nothing changed by it; then the import itself, whose report replaces the trial's."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.model import OpinionChoice, Role, SessionKind
from ecabinet.security import keystore
from ecabinet.sync.exporter import export_package
from ecabinet.sync.importer import import_package
from ecabinet.ui.sync.import_dialog import ImportDialog, preview_packages
from ecabinet.voting import ballots as B
from tests.sync.conftest import audit_events, dump
from tests.ui.conftest import FakePrompts, MakeContext, person
from tests.ui.sync.conftest import LAPTOP_PASSPHRASE, SEC_PASSPHRASE, Pair, unlocked


def _files(home: Path) -> list[str]:
    return sorted(str(p.relative_to(home)) for p in (home / "files").rglob("*") if p.is_file())


def _to_laptop(pair: Pair, folder: Path) -> Path:
    package = folder / "to-member.ecab"
    sec_keys = keystore.unlock(pair.sec.home, SEC_PASSPHRASE)
    export_package(pair.sec, sec_keys, pair.officer, pair.laptop.installation_id, package)
    return package


def _open(qtbot: Any, context: Any, paths: list[Path]) -> ImportDialog:
    dialog = ImportDialog(context, paths)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_trial_import_shows_what_would_change_and_changes_nothing(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path, prompts: FakePrompts
) -> None:
    package = _to_laptop(pair, tmp_path)
    before, files = dump(pair.laptop, with_audit=True), _files(pair.laptop.home)
    context = make_context(pair.laptop, "vi")
    unlocked(context, LAPTOP_PASSPHRASE)

    dialog = _open(qtbot, context, [package])
    report = dialog.report.toPlainText()
    assert "Trước khi nhập: thông tin mỗi gói tự ghi về mình, và kết quả nhập thử" in report
    assert "Người gửi: Văn phòng Chính phủ — khóa đã được tin cậy ở máy này" in report
    assert "Nhập thử:" in report and "Mọi bước kiểm tra đều đạt. Sẽ có " in report
    assert "Sẽ thay đổi: " in report
    trial = dialog.previews[0].trial
    assert trial is not None and trial.dry_run and trial.inserted > 0
    assert f"Sẽ có {trial.inserted} thêm mới" in report
    assert dump(pair.laptop, with_audit=True) == before, "the trial changed nothing"
    assert _files(pair.laptop.home) == files, "nor left a file in the store"
    assert dialog.import_button.isEnabled()

    dialog.import_button.click()
    assert dialog.summary() == ["applied"]
    after = dialog.report.toPlainText()
    assert f"Đã áp dụng — Gói số 1 từ Văn phòng Chính phủ: {trial.inserted} thêm mới" in after
    assert "Nhập thử:" not in after, "once imported, the outcome speaks"
    assert _files(pair.laptop.home) != files
    assert prompts.errors == []


def _late_answer(pair: Pair, folder: Path) -> tuple[Path, str]:
    """The member answers a ballot on the laptop; the secretariat closes it before the answer arrives."""
    deadline = datetime.now(UTC) + timedelta(hours=2)
    officer, leader = person(pair.sec, Role.SECRETARIAT), pair.officer  # who drafts cannot approve
    with pair.sec.write(officer) as s:
        created = S.create_session(
            s, officer, "Phiên họp chuyên đề", SessionKind.THEMATIC, deadline + timedelta(days=3), "Hà Nội"
        )
        item = I.add_item(s, officer, created.id, "Dự thảo Nghị định về chuyển đổi số")
        S.publish_session(s, officer, created.id)
        ballot = B.create_ballot(
            s, officer, item.id, ["Đồng ý thông qua?"], deadline, recipient_ids=[pair.member.member_id]
        )
        B.submit_ballot(s, officer, ballot.summary.id)
    with pair.sec.write(leader) as s:
        B.approve_ballot(s, leader, ballot.summary.id)
        B.send_ballot(s, leader, ballot.summary.id)
    lap_keys = keystore.unlock(pair.laptop.home, LAPTOP_PASSPHRASE)
    import_package(pair.laptop, lap_keys, _to_laptop(pair, folder), None)
    with pair.laptop.write(pair.member) as s:
        B.answer_ballot(
            s, pair.member, ballot.summary.id, ballot.questions[0].id, OpinionChoice.DISAGREE, "Chưa rõ"
        )
    back = folder / "from-member.ecab"
    export_package(pair.laptop, lap_keys, pair.member, pair.sec.installation_id, back)
    with pair.sec.write(officer) as s:
        B.close_ballot(s, officer, ballot.summary.id, now=deadline + timedelta(minutes=1))
    return back, ballot.summary.title


def test_a_late_answer_is_named_before_import_in_plain_words(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path
) -> None:
    package, title = _late_answer(pair, tmp_path)
    before = dump(pair.sec, with_audit=True)
    context = make_context(pair.sec, "en")
    context.set_actor(pair.officer)
    unlocked(context, SEC_PASSPHRASE)

    dialog = _open(qtbot, context, [package])
    report = dialog.report.toPlainText()
    assert "Trial import:" in report
    assert f"Would be recorded as refused: The answer to «{title}» arrived after the deadline" in report
    assert dump(pair.sec, with_audit=True) == before

    dialog.import_button.click()
    assert dialog.summary() == ["applied"]
    after = dialog.report.toPlainText()
    assert f"Recorded as refused: The answer to «{title}» arrived after the deadline" in after
    assert "Would be recorded" not in after


def test_a_bad_package_is_refused_by_the_trial_with_its_reason_and_nothing_recorded(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path
) -> None:
    package = _to_laptop(pair, tmp_path)
    data = bytearray(package.read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered = tmp_path / "tampered.ecab"
    tampered.write_bytes(bytes(data))
    events = len(audit_events(pair.laptop))
    context = make_context(pair.laptop, "vi")
    unlocked(context, LAPTOP_PASSPHRASE)

    dialog = _open(qtbot, context, [tampered])
    report = dialog.report.toPlainText()
    assert "Nhập thử: gói sẽ bị từ chối. " in report
    assert "đã bị sửa đổi hoặc hư hỏng sau khi gói được ký" in report
    assert len(audit_events(pair.laptop)) == events, "a trial records no refusal"

    dialog.import_button.click()
    assert dialog.summary() == ["refused"]
    after = dialog.report.toPlainText()
    assert after.count("Không có gì thay đổi.") == 1
    assert [e.action for e in audit_events(pair.laptop)[events:]] == ["sync.refused"]


def test_locked_keys_show_the_manifest_only(
    qtbot: Any, make_context: MakeContext, pair: Pair, tmp_path: Path
) -> None:
    package = _to_laptop(pair, tmp_path)
    context = make_context(pair.laptop, "vi")
    dialog = _open(qtbot, context, [package])  # no passphrase given: nothing can be decrypted
    report = dialog.report.toPlainText()
    assert "Chưa có gì được giải mã hay thay đổi" in report and "Nhập thử" not in report
    assert dialog.previews[0].trial is None and not dialog.import_button.isEnabled()


class _Stopped:
    """A progress whose Cancel was pressed before the work began."""

    reports: list[tuple[int, str]]

    def __init__(self) -> None:
        self.reports = []

    def cancelled(self) -> bool:
        return True

    def report(self, percent: int, text: str = "") -> None:
        self.reports.append((percent, text))


def test_cancel_stops_the_trials_between_packages(qtbot: Any, pair: Pair, tmp_path: Path) -> None:
    """The worker alone (with `qtbot`, so the offscreen noise of the windows before it is not a failure)."""
    package = _to_laptop(pair, tmp_path)
    keys = keystore.unlock(pair.laptop.home, LAPTOP_PASSPHRASE)
    tried = preview_packages(pair.laptop, keys.profile, [package], keys, None)
    assert tried[0].trial is not None and tried[0].trial.package_id != uuid.UUID(int=0)
    stopped = preview_packages(pair.laptop, keys.profile, [package], keys, None, _Stopped())  # type: ignore[arg-type]
    assert stopped[0].trial is None and stopped[0].sequence == 1
