"""Read marks and private notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import reading as R
from ecabinet.agenda import sessions as S
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.errors import InvalidInput, NotFound, PermissionDenied
from ecabinet.model import AuditEvent, Classification, SessionKind
from tests.conftest import Cast


def _setup(db: Database, cast: Cast) -> tuple[S.DocumentInfo, S.DocumentInfo, S.SessionSummary]:
    sha = db.blobs.put(b"%PDF-1.4 a")
    with db.write(cast.officer) as s:
        created = S.create_session(
            s, cast.officer, "P", SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=9)
        )
        item = I.add_item(s, cast.officer, created.id, "Nội dung")
        doc = D.add_document(s, cast.officer, item.id, "Tờ trình", sha, "a.pdf", 10, 5)
        secret = D.add_document(
            s, cast.officer, item.id, "Mật", sha, "b.pdf", 10, 5, classification=Classification.CONFIDENTIAL
        )
        D.set_distribution(s, cast.officer, secret.id, [cast.pm.member_id])
        S.publish_session(s, cast.officer, created.id)
    return doc, secret, created


def test_read_marks_and_what_is_new(db: Database, cast: Cast) -> None:
    doc, _secret, created = _setup(db, cast)
    with db.read() as s:
        assert R.read_states(s, cast.minister, created.id)[doc.id].read is False
    with db.write(cast.minister) as s:
        assert R.mark_read(s, cast.minister, doc.id) is True
        assert R.mark_read(s, cast.minister, doc.id) is False
    with db.read() as s:
        assert R.read_states(s, cast.minister, created.id)[doc.id].read is True
        who = {r.name: r.read_at for r in R.readers(s, cast.officer, doc.id)}
    assert who[cast.minister.name] is not None and who[cast.pm.name] is None
    with db.write(cast.officer) as s:
        D.replace_document(
            s, cast.officer, doc.id, None, db.blobs.put(b"%PDF-1.4 b"), "a2.pdf", 10, 6, "Bản mới"
        )
    with db.read() as s:
        state = R.read_states(s, cast.minister, created.id)[doc.id]
        assert not state.read and state.read_earlier_version
        with pytest.raises(PermissionDenied):
            R.readers(s, cast.minister, doc.id)


def test_hidden_documents_cannot_be_opened_or_marked(db: Database, cast: Cast) -> None:
    _doc, secret, created = _setup(db, cast)
    with db.read() as s:
        assert secret.id not in R.read_states(s, cast.minister, created.id)
        with pytest.raises(NotFound):
            R.open_document(s, cast.minister, secret.id)
        assert R.open_document(s, cast.pm, secret.id).page_count == 5
    with pytest.raises(NotFound), db.write(cast.minister) as s:
        R.mark_read(s, cast.minister, secret.id)


def test_private_notes_are_private_and_not_audited(db: Database, cast: Cast) -> None:
    doc, _secret, _created = _setup(db, cast)
    version = doc.version_id
    assert version is not None
    with db.write(cast.minister) as s:
        R.save_note(s, cast.minister, version, 2, "Hỏi lại Bộ Tài chính về số liệu")
        R.save_note(s, cast.minister, version, 2, "Hỏi lại Bộ Tài chính về số liệu quý III")
    with db.write(cast.pm) as s:
        R.save_note(s, cast.pm, version, 2, "Ghi chú của Thủ tướng")
    with db.read() as s:
        assert [n.text for n in R.notes(s, cast.minister, version)] == [
            "Hỏi lại Bộ Tài chính về số liệu quý III"
        ]
        assert [n.text for n in R.notes(s, cast.pm, version)] == ["Ghi chú của Thủ tướng"]
        assert not s.execute(select(AuditEvent).where(AuditEvent.entity == "private_notes")).first()
        assert verify_chain(s) == []
    with pytest.raises(InvalidInput), db.write(cast.minister) as s:
        R.save_note(s, cast.minister, version, 99, "x")
    with db.write(cast.minister) as s:
        assert R.save_note(s, cast.minister, version, 2, "  ") is None
    with db.read() as s:
        assert R.notes(s, cast.minister, version) == []
