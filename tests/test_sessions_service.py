"""Sessions, agenda items and documents through the services: lifecycle, permissions, versions, audit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidInput, InvalidState, NotFound, PermissionDenied, StaleEdit
from ecabinet.model import Classification, InviteRole, SessionKind, SessionState
from tests.conftest import Cast

SOON = datetime.now(UTC) + timedelta(days=10)


def _session(db: Database, cast: Cast, title: str = "Phiên họp thường kỳ tháng 11") -> S.SessionSummary:
    with db.write(cast.officer) as s:
        return S.create_session(s, cast.officer, title, SessionKind.REGULAR, SOON, place="Hà Nội")


def test_create_session_invites_members_and_defaults_chair(db: Database, cast: Cast) -> None:
    created = _session(db, cast)
    with db.read() as s:
        detail = S.get_session(s, cast.officer, created.id)
    assert detail.summary.state is SessionState.DRAFT
    assert detail.summary.chair == cast.pm.name
    invited = {name for _id, name, role in detail.invited if role is InviteRole.MEMBER}
    assert invited == {cast.pm.name, cast.minister.name, cast.other_minister.name}


def test_members_cannot_prepare_sessions(db: Database, cast: Cast) -> None:
    with pytest.raises(PermissionDenied) as err, db.write(cast.minister) as s:
        S.create_session(s, cast.minister, "X", SessionKind.REGULAR, SOON)
    assert "không có quyền" in err.value.message("vi")
    assert "may not" in err.value.message("en")


def test_lifecycle_in_order_only(db: Database, cast: Cast) -> None:
    created = _session(db, cast)
    with pytest.raises(InvalidState, match="without agenda items"), db.write(cast.officer) as s:
        S.publish_session(s, cast.officer, created.id)
    with db.write(cast.officer) as s:
        I.add_item(s, cast.officer, created.id, "Nội dung 1")
    with pytest.raises(InvalidState), db.write(cast.officer) as s:
        S.close_session(s, cast.officer, created.id)
    with db.write(cast.officer) as s:
        result = S.publish_session(s, cast.officer, created.id)
    assert result.summary.state is SessionState.PUBLISHED and result.warnings == ()
    with pytest.raises(PermissionDenied), db.write(cast.minister) as s:
        S.start_session(s, cast.minister, created.id)
    with db.write(cast.pm) as s:  # the chair may open the session
        assert S.start_session(s, cast.pm, created.id).summary.state is SessionState.IN_PROGRESS
    with db.write(cast.officer) as s:
        assert S.close_session(s, cast.officer, created.id).summary.state is SessionState.CLOSED
    with pytest.raises(InvalidState), db.write(cast.officer) as s:
        I.add_item(s, cast.officer, created.id, "Quá muộn")


def test_late_publication_warns(db: Database, cast: Cast) -> None:
    with db.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "Bất thường", SessionKind.EXTRAORDINARY, datetime.now(UTC) + timedelta(days=1)
        )
        I.add_item(s, cast.officer, created.id, "Việc gấp")
        assert S.publish_session(s, cast.officer, created.id).warnings == ("late_publication",)


def test_stale_edit_is_refused(db: Database, cast: Cast) -> None:
    created = _session(db, cast)
    with db.write(cast.officer) as s:
        S.update_session(s, cast.officer, created.id, created.version, title="Tên mới")
    with pytest.raises(StaleEdit) as err, db.write(cast.leader) as s:
        S.update_session(s, cast.leader, created.id, created.version, place="Khác")
    assert "phiên bản" in err.value.message("vi")
    with db.read() as s:
        assert S.get_session(s, cast.officer, created.id).summary.title == "Tên mới"


def test_failed_unit_of_work_leaves_nothing(db: Database, cast: Cast) -> None:
    created = _session(db, cast)
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        I.add_item(s, cast.officer, created.id, "Hợp lệ")
        I.add_item(s, cast.officer, created.id, "   ")
    with db.read() as s:
        assert S.get_session(s, cast.officer, created.id).items == ()
        assert verify_chain(s) == []


def test_items_order_subitems_and_moves(db: Database, cast: Cast) -> None:
    created = _session(db, cast)
    with db.write(cast.officer) as s:
        a = I.add_item(s, cast.officer, created.id, "A", planned_minutes=30)
        b = I.add_item(s, cast.officer, created.id, "B", planned_minutes=20)
        c = I.add_item(s, cast.officer, created.id, "C", position=0)
        a1 = I.add_item(s, cast.officer, created.id, "A1", parent_id=a.id, planned_minutes=99)
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        I.add_item(s, cast.officer, created.id, "too deep", parent_id=a1.id)
    with db.read() as s:
        detail = S.get_session(s, cast.officer, created.id)
    assert [(i.number, i.title) for i in detail.items] == [("1", "C"), ("2", "A"), ("2.1", "A1"), ("3", "B")]
    assert detail.planned_minutes == 30 + 20 + 15
    with db.write(cast.officer) as s:
        I.move_item(s, cast.officer, b.id, None, 0)
        I.move_item(s, cast.officer, c.id, a.id, 0)
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        I.move_item(s, cast.officer, a.id, b.id, 0)  # an item with sub-items cannot become one
    with db.read() as s:
        detail = S.get_session(s, cast.officer, created.id)
    assert [(i.number, i.title) for i in detail.items] == [
        ("1", "B"),
        ("2", "A"),
        ("2.1", "C"),
        ("2.2", "A1"),
    ]
    with db.write(cast.officer) as s:
        I.remove_item(s, cast.officer, a.id)
    with db.read() as s:
        assert [i.title for i in S.get_session(s, cast.officer, created.id).items] == ["B"]
        assert verify_chain(s) == []


def _published_with_docs(db: Database, cast: Cast) -> tuple[S.SessionSummary, S.DocumentInfo, S.DocumentInfo]:
    created = _session(db, cast)
    sha = db.blobs.put(b"%PDF-1.4 normal")
    secret_sha = db.blobs.put(b"%PDF-1.4 secret")
    with db.write(cast.officer) as s:
        item = I.add_item(s, cast.officer, created.id, "Kinh tế - xã hội")
        normal = D.add_document(s, cast.officer, item.id, "Tờ trình", sha, "a.pdf", 15, 3)
        classified_item = I.add_item(
            s, cast.officer, created.id, "Quốc phòng", classification=Classification.CONFIDENTIAL
        )
        secret = D.add_document(
            s,
            cast.officer,
            classified_item.id,
            "Báo cáo mật",
            secret_sha,
            "b.pdf",
            15,
            2,
            classification=Classification.CONFIDENTIAL,
        )
        D.set_distribution(s, cast.officer, secret.id, [cast.pm.member_id])
        S.set_invitation(s, cast.officer, created.id, cast.guest.member_id, InviteRole.GUEST)
        S.publish_session(s, cast.officer, created.id)
    return created, normal, secret


def test_members_see_only_published_sessions_they_are_invited_to(db: Database, cast: Cast) -> None:
    draft = _session(db, cast, "Bản nháp")
    published, _n, _s = _published_with_docs(db, cast)
    with db.read() as s:
        assert {x.id for x in S.list_sessions(s, cast.officer)} == {draft.id, published.id}
        assert [x.id for x in S.list_sessions(s, cast.minister)] == [published.id]
        with pytest.raises(NotFound):
            S.get_session(s, cast.minister, draft.id)


def test_classified_documents_only_for_named_recipients(db: Database, cast: Cast) -> None:
    published, _normal, secret = _published_with_docs(db, cast)

    def visible(actor) -> set[str]:  # type: ignore[no-untyped-def]
        with db.read() as s:
            return {d.title for i in S.get_session(s, actor, published.id).items for d in i.documents}

    assert visible(cast.officer) == {"Tờ trình", "Báo cáo mật"}
    assert visible(cast.pm) == {"Tờ trình", "Báo cáo mật"}
    assert visible(cast.minister) == {"Tờ trình"}
    assert visible(cast.guest) == set()  # guests see only documents marked for guests
    with db.read() as s, pytest.raises(NotFound):
        D.document_history(s, cast.minister, secret.id)


def test_replacing_a_document_keeps_history_and_flags_change(db: Database, cast: Cast) -> None:
    _published, normal, _secret = _published_with_docs(db, cast)
    new_sha = db.blobs.put(b"%PDF-1.4 v2")
    with pytest.raises(InvalidInput), db.write(cast.officer) as s:
        D.replace_document(s, cast.officer, normal.id, normal.version, new_sha, "a2.pdf", 11, 4, reason=" ")
    with db.write(cast.officer) as s:
        replaced = D.replace_document(
            s, cast.officer, normal.id, None, new_sha, "a2.pdf", 11, 4, reason="Bộ Tài chính gửi bản cập nhật"
        )
    assert replaced.version_number == 2 and replaced.changed_since_published
    with db.read() as s:
        history = D.document_history(s, cast.officer, normal.id)
    assert [(v.number, v.reason) for v in history] == [(1, ""), (2, "Bộ Tài chính gửi bản cập nhật")]
    assert history[1].added_by_id == cast.officer.member_id


def test_every_error_has_both_languages() -> None:
    from ecabinet.messages import MESSAGES

    for code, (en, vi) in MESSAGES.items():
        assert en and vi and en != vi, code
        err = DomainError(
            code,
            what="session",
            ref="x",
            actor="A",
            action="manage_sessions",
            state="draft",
            target="closed",
            current=2,
            expected=1,
            field="title",
            reason="r",
            revision="9",
            sha256="0" * 64,
        )
        assert err.message("vi") and err.message("en")
