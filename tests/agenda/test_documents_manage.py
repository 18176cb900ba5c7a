"""Managing a dossier after import: rename, classify, distribute, remove and restore a document."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import reading as R
from ecabinet.agenda import sessions as S
from ecabinet.agenda.sessions import DocumentInfo
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, InvalidState, NotFound, PermissionDenied, StaleEdit
from ecabinet.model import (
    AgendaItem,
    Classification,
    Distribution,
    Document,
    DocumentKind,
    DocumentVersion,
    ReadReceipt,
)
from ecabinet.search import index_pending, search
from ecabinet.services.actor import Actor
from tests.agenda.factory import new_item
from tests.agenda.pdfs import make_pdf
from tests.conftest import Cast


def _store(database: Database, text: str) -> tuple[str, int]:
    data = make_pdf([text])
    return database.blobs.put(data), len(data)


def _attach(
    database: Database,
    officer: Actor,
    item_id: uuid.UUID,
    title: str,
    text: str,
    classification: Classification = Classification.NORMAL,
) -> DocumentInfo:
    sha, size = _store(database, text)
    with database.write(officer) as s:
        return D.add_document(
            s, officer, item_id, title, sha, f"{title}.pdf", size, 1, classification=classification
        )


def _session_of(database: Database, officer: Actor, item_id: uuid.UUID) -> uuid.UUID:
    with database.read() as s:
        item = s.get(AgendaItem, item_id)
        assert item is not None
        return item.session_id


def _doc(
    database: Database, officer: Actor, item_id: uuid.UUID, document_id: uuid.UUID
) -> DocumentInfo | None:
    with database.read() as s:
        detail = S.get_session(s, officer, _session_of(database, officer, item_id))
    return next((d for i in detail.items for d in i.documents if d.id == document_id), None)


def _chain_holds(database: Database) -> None:
    with database.read() as s:
        assert verify_chain(s) == []


def test_rename_and_classify_a_document(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer)
    doc = _attach(db, cast.officer, item_id, "to_trinh_scan_03", "Tờ trình")
    with db.write(cast.officer) as s:
        renamed = D.update_document(
            s,
            cast.officer,
            doc.id,
            title="  Tờ trình về dự án Luật Đầu tư công  ",
            expected_version=doc.version,
        )
        assert renamed.title == "Tờ trình về dự án Luật Đầu tư công"
        changed = D.update_document(
            s, cast.officer, doc.id, kind=DocumentKind.SUBMISSION, classification=Classification.CONFIDENTIAL
        )
    assert (changed.kind, changed.classification, changed.title) == (
        DocumentKind.SUBMISSION,
        Classification.CONFIDENTIAL,
        "Tờ trình về dự án Luật Đầu tư công",
    )
    assert not changed.changed_since_published  # a draft: nothing to tell the members yet
    assert changed.sha256 == doc.sha256 and changed.version_number == 1  # the file is untouched
    shown = _doc(db, cast.officer, item_id, doc.id)
    assert shown is not None and shown.title == changed.title and shown.kind is DocumentKind.SUBMISSION

    with db.write(cast.officer) as s, pytest.raises(InvalidInput) as blank:
        D.update_document(s, cast.officer, doc.id, title="   ")
    assert blank.value.code == "field_required"
    with db.write(cast.officer) as s, pytest.raises(InvalidInput):
        D.update_document(s, cast.officer, doc.id, title="x" * 501)
    with db.write(cast.officer) as s, pytest.raises(StaleEdit):
        D.update_document(s, cast.officer, doc.id, title="Cũ", expected_version=doc.version)
    _chain_holds(db)


def test_after_publishing_a_change_is_flagged_for_the_members(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    doc = _attach(db, cast.officer, item_id, "Tờ trình", "Tờ trình")
    with db.write(cast.officer) as s:
        s.get(Document, doc.id).changed_since_published = False  # as if it had been there when published
    with db.write(cast.officer) as s:
        same = D.update_document(s, cast.officer, doc.id, title="Tờ trình")
    assert not same.changed_since_published  # nothing changed, nothing to tell
    with db.write(cast.officer) as s:
        assert D.update_document(s, cast.officer, doc.id, title="Tờ trình (sửa)").changed_since_published
    other = _attach(db, cast.officer, item_id, "Phụ lục", "Phụ lục")
    with db.write(cast.officer) as s:
        s.get(Document, other.id).changed_since_published = False
    with db.write(cast.officer) as s:
        D.set_distribution(s, cast.officer, other.id, [cast.pm.member_id])
    assert _doc(db, cast.officer, item_id, other.id).changed_since_published  # type: ignore[union-attr]


def test_a_started_session_refuses_every_change(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    doc = _attach(db, cast.officer, item_id, "Tờ trình", "Tờ trình")
    with db.write(cast.officer) as s:
        S.start_session(s, cast.officer, _session_of(db, cast.officer, item_id))
    for change in (
        lambda s: D.update_document(s, cast.officer, doc.id, title="Mới"),
        lambda s: D.set_distribution(s, cast.officer, doc.id, [cast.pm.member_id]),
        lambda s: D.remove_document(s, cast.officer, doc.id),
    ):
        with db.write(cast.officer) as s, pytest.raises(InvalidState) as refused:
            change(s)
        assert refused.value.code == "session_not_editable"
        assert "đang họp" in refused.value.message("vi")


def test_a_member_may_not_manage_a_dossier(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    doc = _attach(db, cast.officer, item_id, "Tờ trình", "Tờ trình")
    for change in (
        lambda s: D.update_document(s, cast.minister, doc.id, title="Của tôi"),
        lambda s: D.set_distribution(s, cast.minister, doc.id, [cast.minister.member_id]),
        lambda s: D.remove_document(s, cast.minister, doc.id),
        lambda s: D.document_recipients(s, cast.minister, doc.id),
    ):
        with db.write(cast.minister) as s, pytest.raises(PermissionDenied) as refused:
            change(s)
        assert "không có quyền chuẩn bị phiên họp" in refused.value.message("vi")
    assert _doc(db, cast.officer, item_id, doc.id).title == "Tờ trình"  # type: ignore[union-attr]


def test_distribution_decides_who_sees_a_classified_document(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    session_id = _session_of(db, cast.officer, item_id)
    doc = _attach(db, cast.officer, item_id, "Phụ lục ngân sách quốc phòng", "Ngân sách quốc phòng")
    index_pending(db)

    def sees(actor: Actor) -> tuple[bool, bool]:
        with db.read() as s:
            detail = S.get_session(s, actor, session_id)
            listed = any(d.id == doc.id for i in detail.items for d in i.documents)
            found = any(h.document_id == doc.id for h in search(s, actor, "quoc phong"))
        return listed, found

    assert sees(cast.minister) == (True, True)  # normal: every invited member
    with db.write(cast.officer) as s:
        D.update_document(s, cast.officer, doc.id, classification=Classification.SECRET)
        D.set_distribution(s, cast.officer, doc.id, [cast.other_minister.member_id])
        named = D.document_recipients(s, cast.officer, doc.id)
    assert [m.full_name for m in named] == ["Vũ Thị Hà"]
    index_pending(db)
    assert sees(cast.minister) == (False, False)
    assert sees(cast.other_minister) == (True, True)
    assert sees(cast.officer) == (True, True)
    with db.read() as s, pytest.raises(NotFound):  # not even its history: hidden and missing look alike
        D.document_history(s, cast.minister, doc.id)

    # Named again: now the minister, no longer the other one.
    with db.write(cast.officer) as s:
        D.set_distribution(s, cast.officer, doc.id, [cast.minister.member_id])
    assert sees(cast.minister) == (True, True)
    assert sees(cast.other_minister) == (False, False)
    with db.write(cast.officer) as s, pytest.raises(InvalidInput):
        D.set_distribution(s, cast.officer, doc.id, [uuid.uuid4()])
    _chain_holds(db)


def test_remove_and_restore_with_the_same_ids(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    first = _attach(db, cast.officer, item_id, "Tờ trình", "Tờ trình")
    doc = _attach(db, cast.officer, item_id, "Phụ lục mật", "Phụ lục v1", Classification.CONFIDENTIAL)
    last = _attach(db, cast.officer, item_id, "Báo cáo thẩm tra", "Báo cáo")
    sha2, size2 = _store(db, "Phụ lục v2")
    with db.write(cast.officer) as s:
        D.replace_document(s, cast.officer, doc.id, None, sha2, "phu-luc-2.pdf", size2, 1, "Sửa số liệu")
        D.set_distribution(s, cast.officer, doc.id, [cast.pm.member_id, cast.minister.member_id])
    with db.write(cast.pm) as s:
        assert R.mark_read(s, cast.pm, doc.id)
    with db.read() as s:
        history = D.document_history(s, cast.officer, doc.id)
        before = _doc(db, cast.officer, item_id, doc.id)
    assert before is not None

    with db.write(cast.officer) as s:
        snapshot = D.remove_document(s, cast.officer, doc.id, expected_version=before.version)
    assert (snapshot.id, snapshot.item_id, snapshot.title) == (doc.id, item_id, "Phụ lục mật")
    assert (len(snapshot.versions), len(snapshot.distribution), len(snapshot.receipts)) == (2, 2, 1)
    assert _doc(db, cast.officer, item_id, doc.id) is None
    with db.read() as s:
        assert (
            s.execute(
                select(func.count()).select_from(DocumentVersion).where(DocumentVersion.document_id == doc.id)
            ).scalar_one()
            == 0
        )
        assert s.execute(select(func.count()).select_from(Distribution)).scalar_one() == 0
        assert s.execute(select(func.count()).select_from(ReadReceipt)).scalar_one() == 0
        assert s.get(AgendaItem, item_id).changed_since_published  # type: ignore[union-attr]
    assert db.blobs.has(sha2) and db.blobs.has(doc.sha256)  # files are never deleted
    _chain_holds(db)

    # A document added meanwhile took the removed one's place: the restored one goes back before it.
    late = _attach(db, cast.officer, item_id, "Phụ lục bổ sung", "Bổ sung")
    with db.write(cast.officer) as s:
        restored = D.restore_document(s, cast.officer, snapshot)
    assert restored.id == doc.id and restored.version_id == before.version_id
    assert (restored.version_number, restored.sha256, restored.title) == (2, sha2, "Phụ lục mật")
    assert restored.version > before.version  # an edit based on a copy from before the removal is stale
    with db.read() as s:
        assert D.document_history(s, cast.officer, doc.id) == history
        assert {m.full_name for m in D.document_recipients(s, cast.officer, doc.id)} == {
            "Phạm Minh Thủ",
            "Hồ Đức Tài",
        }
        order = S.get_session(s, cast.officer, _session_of(db, cast.officer, item_id)).items[0].documents
        assert R.read_states(s, cast.pm, _session_of(db, cast.officer, item_id))[doc.id].read
    assert [d.id for d in order] == [first.id, doc.id, last.id, late.id]
    with db.write(cast.officer) as s, pytest.raises(InvalidState) as twice:
        D.restore_document(s, cast.officer, snapshot)
    assert twice.value.code == "document_exists"
    assert "đã có trong hồ sơ" in twice.value.message("vi")
    with db.write(cast.officer) as s, pytest.raises(StaleEdit):
        D.remove_document(s, cast.officer, doc.id, expected_version=before.version)
    _chain_holds(db)


def test_removal_keeps_a_file_another_document_shares(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer)
    other_item = new_item(db, cast.officer, session_title="Phiên họp chuyên đề")
    one = _attach(db, cast.officer, item_id, "Tờ trình", "Cùng một tệp")
    two = _attach(db, cast.officer, other_item, "Tờ trình (bản sao)", "Cùng một tệp")
    assert one.sha256 == two.sha256
    with db.write(cast.officer) as s:
        D.remove_document(s, cast.officer, one.id)
    assert db.blobs.has(two.sha256)
    with db.read() as s:
        assert s.get(Document, two.id) is not None
        assert db.blobs.read(two.sha256).startswith(b"%PDF")
    _chain_holds(db)


def test_a_document_a_ballot_asks_about_stays(db: Database, cast: Cast) -> None:
    from ecabinet.voting.ballots import create_ballot

    item_id = new_item(db, cast.officer)
    doc = _attach(db, cast.officer, item_id, "Dự thảo Nghị định", "Dự thảo")
    with db.write(cast.officer) as s:
        create_ballot(
            s,
            cast.officer,
            item_id,
            ["Đồng ý thông qua?"],
            datetime.now(UTC) + timedelta(days=3),
            document_ids=[doc.id],
        )
    with db.write(cast.officer) as s, pytest.raises(InvalidState) as refused:
        D.remove_document(s, cast.officer, doc.id)
    assert refused.value.code == "document_in_ballot"
    assert "phiếu lấy ý kiến" in refused.value.message("vi")
    assert _doc(db, cast.officer, item_id, doc.id) is not None


def test_removing_an_item_with_read_documents_keeps_the_audit_chain(db: Database, cast: Cast) -> None:
    item_id = new_item(db, cast.officer, publish=True)
    doc = _attach(db, cast.officer, item_id, "Tờ trình", "Tờ trình")
    with db.write(cast.pm) as s:
        R.mark_read(s, cast.pm, doc.id)
    with db.write(cast.officer) as s:
        snapshot = D.document_snapshot(s, cast.officer, doc.id)
        I.remove_item(s, cast.officer, item_id)
    _chain_holds(db)  # the reading receipt's removal is in the log too
    assert len(snapshot.receipts) == 1
