"""Editing, approving, locking and correcting the minutes; the approved versions read back and hash-checked."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidInput, InvalidState, PermissionDenied, StaleEdit
from ecabinet.minutes import service as MS
from ecabinet.minutes.draft import minutes_draft
from ecabinet.minutes.outputs import OutputKind, produce
from ecabinet.model import Conclusion, MinutesState, MinutesVersion, SessionState
from tests.minutes.conftest import pdf_text, squash
from tests.minutes.scenario import Scenario, at, build_scenario


def approve(sc: Scenario, fingerprint: str | None = None) -> MS.VersionInfo:
    with sc.db.write(sc.leader) as s:
        return MS.approve_minutes(s, sc.leader, sc.db.blobs, sc.session_id, fingerprint, now=at(600))


def test_edits_are_saved_with_versions_and_refused_when_stale(sc: Scenario) -> None:
    with sc.db.read() as s:
        draft = minutes_draft(s, sc.officer, sc.session_id)
    item = draft.items[0]
    with sc.db.write(sc.officer) as s:
        saved = MS.set_conclusion(
            s, sc.officer, item.item_id, "<p>Mới <b>đậm</b></p>", item.conclusion_version
        )
    assert saved.text == "<p>Mới <b>đậm</b></p>" and saved.version == item.conclusion_version + 1
    with pytest.raises(StaleEdit), sc.db.write(sc.officer) as s:
        MS.set_conclusion(s, sc.officer, item.item_id, "<p>Cũ</p>", item.conclusion_version)
    # undo: saving the earlier text back on the new version
    with sc.db.write(sc.officer) as s:
        back = MS.set_conclusion(s, sc.officer, item.item_id, item.conclusion, saved.version)
    assert back.text == item.conclusion
    # a text never saved has version 0
    last = draft.items[-1]
    assert last.discussion_version == 0
    with sc.db.write(sc.officer) as s:
        first = MS.set_discussion(s, sc.officer, last.item_id, "Dòng một\nDòng hai", 0)
    assert first.version == 1 and first.text == "<p>Dòng một Dòng hai</p>"


def test_the_header_fields_fall_back_to_the_session(sc: Scenario) -> None:
    with sc.db.write(sc.officer) as s:
        header = MS.update_minutes(s, sc.officer, sc.session_id, place="Phòng họp số 1", number=21)
        assert header.place == "Phòng họp số 1"
        with pytest.raises(StaleEdit):
            MS.update_minutes(s, sc.officer, sc.session_id, header.version - 1, place="x")
    with sc.db.read() as s:
        draft = minutes_draft(s, sc.officer, sc.session_id)
    assert (draft.place, draft.number) == ("Phòng họp số 1", 21)
    with sc.db.write(sc.officer) as s:
        MS.update_minutes(s, sc.officer, sc.session_id, place="", number=None)
    with sc.db.read() as s:
        draft = minutes_draft(s, sc.officer, sc.session_id)
    assert draft.place.startswith("Trụ sở Chính phủ") and draft.number == 19
    for bad in (
        {"closed_at": at(-10)},
        {"opened_at": datetime(2026, 11, 5, 8, 0)},
        {"number": 0},
        {"state": "approved"},
    ):
        with pytest.raises(InvalidInput), sc.db.write(sc.officer) as s:
            MS.update_minutes(s, sc.officer, sc.session_id, **bad)


def test_only_the_secretariat_edits_and_only_a_leader_approves(sc: Scenario) -> None:
    with pytest.raises(PermissionDenied), sc.db.write(sc.pm) as s:
        MS.set_conclusion(s, sc.pm, sc.items[0], "<p>x</p>")
    with pytest.raises(PermissionDenied), sc.db.read() as s:
        minutes_draft(s, sc.members[3], sc.session_id)
    with pytest.raises(PermissionDenied), sc.db.write(sc.officer) as s:
        MS.approve_minutes(s, sc.officer, sc.db.blobs, sc.session_id)
    with pytest.raises(PermissionDenied), sc.db.write(sc.pm) as s:
        MS.approve_minutes(s, sc.pm, sc.db.blobs, sc.session_id)


def test_approval_stores_the_pdf_and_its_hash_and_moves_the_session(sc: Scenario) -> None:
    with sc.db.read() as s:
        draft = minutes_draft(s, sc.officer, sc.session_id)
    version = approve(sc, draft.fingerprint)
    data = sc.db.blobs.read(version.sha256)
    assert hashlib.sha256(data).hexdigest() == version.sha256 and version.number == 1
    assert version.size == len(data) and version.page_count >= 4
    assert "DỰ THẢO" not in pdf_text(data)  # the approved rendering carries no draft box
    with sc.db.read() as s:
        assert S.session_summary(s, sc.officer, sc.session_id).state is SessionState.MINUTES_APPROVED
        after = minutes_draft(s, sc.officer, sc.session_id)
        out = produce(s, sc.officer, sc.db.blobs, OutputKind.MINUTES, sc.session_id)
    assert after.locked and after.versions[0].sha256 == version.sha256
    assert out.data == data and out.approved_version == 1  # printing gives the locked bytes


def test_approval_needs_a_closed_session_and_an_unchanged_preview(db: Database) -> None:
    sc = build_scenario(db, close=False)
    with pytest.raises(InvalidState, match="closed"), sc.db.write(sc.leader) as s:
        MS.approve_minutes(s, sc.leader, sc.db.blobs, sc.session_id)
    with sc.db.write(sc.officer) as s:
        S.close_session(s, sc.officer, sc.session_id)
    with sc.db.read() as s:
        before = minutes_draft(s, sc.officer, sc.session_id).fingerprint
    with sc.db.write(sc.officer) as s:
        MS.set_discussion(s, sc.officer, sc.items[2], "<p>Thêm một ý.</p>")
    with pytest.raises(StaleEdit), sc.db.write(sc.leader) as s:
        MS.approve_minutes(s, sc.leader, sc.db.blobs, sc.session_id, before)
    assert approve(sc).number == 1


EDITS: dict[str, Callable[[Scenario], object]] = {
    "update_minutes": lambda sc: _write(
        sc, lambda s: MS.update_minutes(s, sc.officer, sc.session_id, place="X")
    ),
    "set_discussion": lambda sc: _write(
        sc, lambda s: MS.set_discussion(s, sc.officer, sc.items[0], "<p>x</p>")
    ),
    "set_conclusion": lambda sc: _write(
        sc, lambda s: MS.set_conclusion(s, sc.officer, sc.items[1], "<p>x</p>")
    ),
    "set_conclusion_notice": lambda sc: _write(
        sc, lambda s: MS.set_conclusion(s, sc.officer, sc.items[1], "", needs_notice=False)
    ),
    "approve_minutes": lambda sc: _write(
        sc, lambda s: MS.approve_minutes(s, sc.leader, sc.db.blobs, sc.session_id), sc.leader
    ),
}


def _write(sc: Scenario, body: Callable[..., object], actor: object = None) -> object:
    with sc.db.write(actor or sc.officer) as s:  # type: ignore[arg-type]
        return body(s)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_approved_minutes_refuse_every_edit(sc: Scenario, edit: str) -> None:
    approve(sc)
    with sc.db.read() as s:
        before = minutes_draft(s, sc.officer, sc.session_id)
    with pytest.raises(InvalidState, match="locked"):
        EDITS[edit](sc)
    with sc.db.read() as s:
        after = minutes_draft(s, sc.officer, sc.session_id)
        conclusions = [c.text for c in s.query(Conclusion).order_by(Conclusion.item_id)]
    assert after.fingerprint == before.fingerprint and len(after.versions) == 1
    assert all(conclusions)


def test_a_correction_is_a_new_version_and_the_old_one_stays_readable(sc: Scenario) -> None:
    first = approve(sc)
    with pytest.raises(InvalidInput), sc.db.write(sc.officer) as s:
        MS.start_correction(s, sc.officer, sc.session_id, "  ")
    with sc.db.write(sc.officer) as s:
        header = MS.start_correction(
            s, sc.officer, sc.session_id, "Sửa lỗi chính tả trong kết luận nội dung 2"
        )
    assert header.state is MinutesState.CORRECTING
    # Nothing changed yet: a new version would print the same bytes.
    with pytest.raises(InvalidState, match="version 1"), sc.db.write(sc.leader) as s:
        MS.approve_minutes(s, sc.leader, sc.db.blobs, sc.session_id)
    with sc.db.write(sc.officer) as s:
        MS.set_conclusion(
            s, sc.officer, sc.items[1], "<p>Chính phủ <b>thông qua</b> dự thảo Nghị định (đã sửa).</p>"
        )
    second = approve(sc)
    assert second.number == 2 and second.reason.startswith("Sửa lỗi chính tả")
    assert second.sha256 != first.sha256
    with sc.db.read() as s:
        versions = MS.minutes_versions(s, sc.officer, sc.session_id)
        old_info, old = MS.minutes_version_pdf(s, sc.officer, sc.db.blobs, sc.session_id, 1)
        new_info, new = MS.minutes_version_pdf(s, sc.officer, sc.db.blobs, sc.session_id)
        checks = MS.verify_minutes(s, sc.officer, sc.db.blobs, sc.session_id)
        session_state = S.session_summary(s, sc.officer, sc.session_id).state
    assert [v.number for v in versions] == [1, 2] and session_state is SessionState.MINUTES_APPROVED
    assert hashlib.sha256(old).hexdigest() == first.sha256 and old_info.number == 1
    assert hashlib.sha256(new).hexdigest() == second.sha256 and new_info.number == 2
    assert "(đã sửa)" not in squash(pdf_text(old))
    new_text = squash(pdf_text(new))
    assert "(đã sửa)" in new_text and "lý do đính chính: Sửa lỗi chính tả" in new_text
    assert all(c.ok for c in checks)
    with pytest.raises(InvalidState), sc.db.write(sc.officer) as s:
        MS.set_conclusion(s, sc.officer, sc.items[1], "<p>lần nữa</p>")


def test_a_damaged_approved_file_is_reported(sc: Scenario) -> None:
    version = approve(sc)
    path = sc.db.blobs.path(version.sha256)
    path.chmod(0o644)
    path.write_bytes(path.read_bytes() + b"%%EOF tampered\n")
    with sc.db.read() as s:
        checks = MS.verify_minutes(s, sc.officer, sc.db.blobs, sc.session_id)
        with pytest.raises(DomainError, match="damaged"):
            MS.minutes_version_pdf(s, sc.officer, sc.db.blobs, sc.session_id)
    assert [(c.ok, c.problem) for c in checks] == [(False, "blob_corrupt")]


def test_the_version_rows_and_the_audit_log_record_the_approval(sc: Scenario) -> None:
    from ecabinet.audit import verify_chain

    version = approve(sc)
    with sc.db.read() as s:
        row = s.get(MinutesVersion, version.id)
        assert row is not None and row.approved_by_id == sc.leader.member_id
        assert row.approved_at == at(600).astimezone(UTC)
        assert verify_chain(s) == []
