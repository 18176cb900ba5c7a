"""Full-text search: diacritics optional, snippets with the hit, current versions only, never another's dossier."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda.importer import import_files, replace_from_file
from ecabinet.audit import verify_chain
from ecabinet.db import Database
from ecabinet.model import (
    AgendaItem,
    AuditEvent,
    Classification,
    Document,
    DocumentVersion,
    SearchPage,
    SearchVersion,
)
from ecabinet.search import (
    HIT_END,
    HIT_START,
    IndexReport,
    IndexStatus,
    index_pending,
    index_status,
    reindex_all,
    search,
)
from ecabinet.services.actor import Actor
from tests.agenda.factory import new_item
from tests.agenda.pdfs import encrypted, make_pdf
from tests.conftest import TESTDATA, Cast, make_cast

PAGES = [
    "Tờ trình Chính phủ\nvề dự án Luật sửa đổi",
    "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định chi tiết Luật Đầu tư công.",
    "Phụ lục: danh mục dự án trọng điểm",
]


def _add(
    database: Database,
    officer: Actor,
    item_id: uuid.UUID,
    folder: Path,
    pages: list[str],
    title: str,
    classification: Classification = Classification.NORMAL,
    password: str | None = None,
    data: bytes | None = None,
) -> uuid.UUID:
    path = folder / f"{uuid.uuid4().hex}.pdf"
    path.write_bytes(data if data is not None else make_pdf(pages))
    report = import_files(
        database, officer, item_id, [path], titles=[title], classification=classification, password=password
    )
    doc = report.outcomes[0].document
    assert doc is not None, report.outcomes[0].refusal
    return doc.id


def _titles(database: Database, actor: Actor, query: str) -> list[str]:
    with database.read() as s:
        return [h.title for h in search(s, actor, query)]


def test_diacritic_insensitive_search_with_page_and_snippet(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    doc_id = _add(db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình dự án Luật")
    # import put the text in the index, in the unit of work that stored the file: nothing is left to do
    with db.read() as s:
        assert index_status(s) == IndexStatus(indexed=1, pending=0)
        assert s.execute(select(SearchVersion.pages)).scalar_one() == 3
    assert index_pending(db) == IndexReport()
    with db.read() as s:
        (hit,) = search(s, cast.officer, "nghi dinh")
        assert (hit.document_id, hit.page, hit.title) == (doc_id, 2, "Tờ trình dự án Luật")
        assert hit.item_title == "Dự thảo Nghị định về đầu tư công"
        assert hit.session_title == "Phiên họp Chính phủ thường kỳ tháng 11"
        assert hit.version_number == 1
        assert f"{HIT_START}Nghị{HIT_END} {HIT_START}định{HIT_END}" in hit.snippet
        assert ("Nghị", True) in hit.fragments

        for query in ("dau tu cong", "ĐẦU TƯ CÔNG", "Đầu tư công", "đầu tư công "):
            (hit,) = search(s, cast.officer, query)
            assert hit.page == 2
            assert "[[Đầu]] [[tư]] [[công]]" in hit.snippet, query
        assert [h.page for h in search(s, cast.officer, "phu luc trong diem")] == [3]
        assert search(s, cast.officer, "khong co tu nay") == []
        # as you type: the last word may be unfinished; a space after it means the whole word
        assert [h.page for h in search(s, cast.officer, "trong die")] == [3]
        assert search(s, cast.officer, "trong die ") == []
        assert search(s, cast.officer, "danh mu") == []  # too short to be taken as the start of a word
        # quoted words must stand together, in order
        assert [h.page for h in search(s, cast.officer, '"dau tu cong"')] == [2]
        assert search(s, cast.officer, '"cong dau tu"') == []

    # hits in titles come first
    _add(db, cast.officer, item_id, tmp_path, ["Nội dung không liên quan"], "Báo cáo thẩm tra ngân sách")
    _add(db, cast.officer, item_id, tmp_path, ["Dự toán ngân sách nhà nước năm 2027"], "Tờ trình")
    index_pending(db)
    with db.read() as s:
        hits = search(s, cast.officer, "ngan sach")
    assert [(h.title, h.page) for h in hits] == [("Báo cáo thẩm tra ngân sách", None), ("Tờ trình", 1)]
    assert hits[0].snippet == "Báo cáo thẩm tra [[ngân]] [[sách]]"


def test_a_member_never_sees_what_is_not_distributed_to_them(
    db: Database, cast: Cast, tmp_path: Path
) -> None:
    published = new_item(db, cast.officer, publish=True)
    open_doc = _add(db, cast.officer, published, tmp_path, ["Ngân sách: báo cáo chung"], "Báo cáo chung")
    secret_doc = _add(
        db,
        cast.officer,
        published,
        tmp_path,
        ["Ngân sách quốc phòng"],
        "Phụ lục mật",
        classification=Classification.CONFIDENTIAL,
    )
    with db.write(cast.officer) as s:
        D.set_distribution(s, cast.officer, secret_doc, [cast.other_minister.member_id])
    draft = new_item(db, cast.officer, session_title="Phiên họp chuyên đề (dự thảo)")
    _add(db, cast.officer, draft, tmp_path, ["Ngân sách dự thảo"], "Dự thảo chưa phát hành")
    index_pending(db)

    everything = {"Báo cáo chung", "Phụ lục mật", "Dự thảo chưa phát hành"}
    assert set(_titles(db, cast.officer, "ngan sach")) == everything
    assert set(_titles(db, cast.minister, "ngan sach")) == {"Báo cáo chung"}
    assert set(_titles(db, cast.other_minister, "ngan sach")) == {"Báo cáo chung", "Phụ lục mật"}
    assert _titles(db, cast.guest, "ngan sach") == []  # not invited
    # not by title either
    assert _titles(db, cast.minister, "phu luc mat") == []
    assert _titles(db, cast.minister, "du thao chua phat hanh") == []
    with db.read() as s:
        assert {h.document_id for h in search(s, cast.other_minister, "quoc phong")} == {secret_doc}
        assert open_doc not in {h.document_id for h in search(s, cast.minister, "quoc phong")}


def test_only_current_versions_are_searched(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    doc_id = _add(db, cast.officer, item_id, tmp_path, ["Phương án cũ về học phí"], "Đề án")
    index_pending(db)
    assert _titles(db, cast.officer, "phuong an cu") == ["Đề án"]
    new_file = tmp_path / "v2.pdf"
    new_file.write_bytes(make_pdf(["Phương án mới về học phí"]))
    replace_from_file(db, cast.officer, doc_id, new_file, "Tiếp thu ý kiến")
    assert _titles(db, cast.officer, "phuong an cu") == []  # the old version is out at once
    with db.read() as s:  # and the new one in: replacing indexes it, and drops the old version's text
        assert index_status(s).pending == 0
        assert s.execute(select(func.count()).select_from(SearchVersion)).scalar_one() == 1
    assert index_pending(db) == IndexReport()
    # a version that arrives otherwise (a sync package, say) waits for the next run, which also drops the
    # text of the version it replaced
    with db.write(cast.officer) as s:
        first = s.execute(
            select(DocumentVersion).where(DocumentVersion.document_id == doc_id, DocumentVersion.number == 1)
        ).scalar_one()
        D.replace_document(s, cast.officer, doc_id, None, first.sha256, "v3.pdf", first.size, 1, "Bản ba")
    with db.read() as s:
        assert index_status(s).pending == 1
    report = index_pending(db)
    assert (report.versions, report.removed) == (1, 1)
    assert _titles(db, cast.officer, "phuong an cu") == ["Đề án"]
    new_file.write_bytes(make_pdf(["Phương án mới về học phí, bản bốn"]))
    replace_from_file(db, cast.officer, doc_id, new_file, "Bản bốn")
    with db.read() as s:
        (hit,) = search(s, cast.officer, "phuong an moi")
        assert hit.version_number == 4
        assert index_status(s).pending == 0
        assert s.execute(select(func.count()).select_from(SearchVersion)).scalar_one() == 1


def test_renamed_document_is_found_by_its_new_title(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    doc_id = _add(db, cast.officer, item_id, tmp_path, ["Trang nội dung"], "Tên cũ")
    index_pending(db)
    with db.write(cast.officer) as s:
        s.get_one(Document, doc_id).title = "Báo cáo tổng hợp ý kiến"
    report = index_pending(db)
    assert (report.versions, report.pages) == (1, 0)  # only the title was indexed again
    assert _titles(db, cast.officer, "tong hop y kien") == ["Báo cáo tổng hợp ý kiến"]
    assert _titles(db, cast.officer, "ten cu") == []
    assert _titles(db, cast.officer, "trang noi dung") == ["Báo cáo tổng hợp ý kiến"]


def test_removed_documents_leave_the_index(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    _add(db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình")
    index_pending(db)
    with db.write(cast.officer) as s:
        I.remove_item(s, cast.officer, item_id)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(SearchPage)).scalar_one() == 0
        if db.is_sqlite:  # the trigger keeps the FTS5 table in step, also on cascading deletes
            assert s.execute(text("SELECT count(*) FROM search_fts")).scalar_one() == 0
        assert search(s, cast.officer, "nghi dinh") == []


def test_indexing_is_not_audited_and_keeps_the_chain(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    _add(db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình")
    with db.read() as s:
        events = s.execute(select(func.count()).select_from(AuditEvent)).scalar_one()
    index_pending(db)
    reindex_all(db)
    index_pending(db)
    with db.read() as s:
        assert s.execute(select(func.count()).select_from(AuditEvent)).scalar_one() == events
        assert verify_chain(s) == []
        assert s.execute(select(DocumentVersion.text_indexed)).scalars().all() == [False]
        assert [h.page for h in search(s, cast.officer, "nghi dinh")] == [2]


def test_progress_cancel_and_resume(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    for n in range(3):
        _add(sqlite_db, cast.officer, item_id, tmp_path, [f"Tài liệu số {n}"], f"Tài liệu {n}")
    reindex_all(sqlite_db)  # as after a change of scheme: every version waits again
    seen: list[tuple[int, int, str]] = []
    report = index_pending(
        sqlite_db, progress=lambda *a: seen.append(a), cancelled=lambda: len(seen) > 1, batch=1
    )
    assert report.cancelled and report.versions == 1
    assert seen[0][:2] == (0, 3)
    with sqlite_db.read() as s:
        assert index_status(s).pending == 2
    report = index_pending(sqlite_db)
    assert not report.cancelled and report.versions == 2
    with sqlite_db.read() as s:
        assert index_status(s) == index_status(s).__class__(indexed=3, pending=0)


def test_a_page_that_fails_extraction_does_not_keep_the_others_out(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ecabinet.pdf.text as pdf_text

    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    _add(sqlite_db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình")  # stored (import reads strictly)
    reindex_all(sqlite_db)
    original = pdf_text._page_text

    def flaky(document: object, page_index: int) -> str:
        if page_index == 1:
            raise KeyError("/Font")
        return original(document, page_index)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf_text, "_page_text", flaky)
    report = index_pending(sqlite_db)
    assert (report.pages, report.failed_pages) == (2, 1)
    with sqlite_db.read() as s:
        assert search(s, cast.officer, "nghi dinh") == []
        assert [h.page for h in search(s, cast.officer, "phu luc")] == [3]


def test_a_missing_file_is_recorded_not_retried(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    _add(sqlite_db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình thiếu tệp")
    reindex_all(sqlite_db)
    for blob in sqlite_db.blobs.root.rglob("*"):
        if blob.is_file():
            blob.unlink()
    report = index_pending(sqlite_db)
    assert report.failed_files == 1
    assert index_pending(sqlite_db).versions == 0
    with sqlite_db.read() as s:
        assert s.execute(select(SearchVersion.error)).scalar_one() == "blob_missing"
    assert _titles(sqlite_db, cast.officer, "thieu tep") == ["Tờ trình thiếu tệp"]


def test_decrypted_copy_is_searchable(sqlite_db: Database, tmp_path: Path) -> None:
    db, cast = sqlite_db, make_cast(sqlite_db)
    item_id = new_item(db, cast.officer)
    locked = encrypted(make_pdf(["Báo cáo tuyệt mật về an ninh mạng"]), "khóa")
    _add(db, cast.officer, item_id, tmp_path, [], "Báo cáo", password="khóa", data=locked)
    index_pending(db)
    with db.read() as s:
        (hit,) = search(s, cast.officer, "an ninh mang")
    assert "[[an]] [[ninh]] [[mạng]]" in hit.snippet


def test_testdata_google_doc_is_searchable(sqlite_db: Database) -> None:
    if not TESTDATA.is_dir():
        pytest.skip(f"shared/testdata not found: {TESTDATA}")
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    import_files(sqlite_db, cast.officer, item_id, [TESTDATA / "google-doc-document.pdf"])
    index_pending(sqlite_db)
    with sqlite_db.read() as s:
        (hit,) = search(s, cast.officer, "beautiful is better than ugly")
    assert hit.page == 1 and "[[Beautiful]]" in hit.snippet


NASTY = [
    '"',
    '""',
    'a"b',
    "*",
    "dau*",
    "AND",
    "OR NOT",
    "NEAR(a b)",
    "nghi AND OR dinh",
    "'",
    "\\",
    ":*",
    "& | ! <->",
    "(((",
    ")",
    "^dau",
    "-cong",
    "title:dau",
    "\x00",
    "😀 đầu",
    "a" * 500,
    "đ" * 70,
    " ".join(["tu"] * 40),
]


def test_special_characters_never_break_the_query(db: Database, cast: Cast, tmp_path: Path) -> None:
    item_id = new_item(db, cast.officer)
    _add(db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình and or not")
    index_pending(db)
    with db.read() as s:
        for query in NASTY:
            search(s, cast.officer, query)
            search(s, cast.minister, query)
        # operators of either syntax are words here
        assert [h.page for h in search(s, cast.officer, "AND")] == [None]
        assert [h.page for h in search(s, cast.officer, "OR NOT")] == [None]
        assert [h.page for h in search(s, cast.officer, "dau*")] == [2]
        assert [h.page for h in search(s, cast.officer, 'nghi "dinh')] == [2]


@pytest.fixture
def indexed(db: Database, cast: Cast, tmp_path: Path) -> tuple[Database, Cast]:
    item_id = new_item(db, cast.officer)
    _add(db, cast.officer, item_id, tmp_path, PAGES, "Tờ trình")
    index_pending(db)
    return db, cast


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=40))
def test_arbitrary_text_never_raises(indexed: tuple[Database, Cast], query: str) -> None:
    database, cast = indexed
    with database.read() as s:
        hits = search(s, cast.officer, query)
    assert all(h.snippet for h in hits)


def test_limit_and_many_hits(sqlite_db: Database, tmp_path: Path) -> None:
    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    _add(sqlite_db, cast.officer, item_id, tmp_path, [f"Trang {n}: kế hoạch" for n in range(30)], "Kế hoạch")
    index_pending(sqlite_db)
    with sqlite_db.read() as s:
        hits = search(s, cast.officer, "ke hoach", limit=10)
        assert len(hits) == 10 and hits[0].page is None
        assert len(search(s, cast.officer, "ke hoach")) == 31
        assert len(search(s, cast.officer, "ke hoach", limit=0)) == 1
        items = s.execute(select(func.count()).select_from(AgendaItem)).scalar_one()
    assert items == 1


def test_a_very_common_word_ranks_only_the_newest_candidates(
    sqlite_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ecabinet.search import service

    cast = make_cast(sqlite_db)
    item_id = new_item(sqlite_db, cast.officer)
    _add(sqlite_db, cast.officer, item_id, tmp_path, [f"Trang {n}: kế hoạch" for n in range(12)], "Kế hoạch")
    index_pending(sqlite_db)
    monkeypatch.setattr(service, "CANDIDATES", 5)
    with sqlite_db.read() as s:
        hits = search(s, cast.officer, "ke hoach")
    assert [h.page for h in hits][:1] == [None] and sorted(h.page or 0 for h in hits[1:]) == [
        8,
        9,
        10,
        11,
        12,
    ]
