"""Board books through the service: content per reader, order, outline, contents, stamps, cancel, audit."""

from __future__ import annotations

import hashlib
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.audit import verify_chain
from ecabinet.bookbuild import Cancelled, build_board_book
from ecabinet.db import Database
from ecabinet.errors import DomainError, InvalidState, NotFound, PermissionDenied
from ecabinet.model import AuditEvent, Classification, DocumentVersion, SessionKind
from ecabinet.pdf.fonts import register_fonts
from ecabinet.pdf.inspect import outline_of
from tests.bookbuild.conftest import (
    ANNEX,
    CONFIDENTIAL,
    GUESTS,
    LATEX,
    LATEX_DOC,
    PRINTED_AT,
    SECRET,
    SESSION_TITLE,
    SUBMISSION,
    Prepared,
    make_pdf,
    page_texts,
    prepare,
)

needs_latex = pytest.mark.skipif(
    not LATEX.exists(), reason=f"shared test data not found: {LATEX} (CI has ../shared beside the checkout)"
)


def _titles(nodes: list[dict[str, Any]]) -> list[Any]:
    """An outline as nested titles: a title, or (title, [children])."""
    return [(n["title"], _titles(n["children"])) if n["children"] else n["title"] for n in nodes]


def _build(p: Prepared, reader: Any, out: Path, actor: Any = None, **kw: Any) -> Any:
    return build_board_book(
        p.db, actor or p.cast.officer, p.session_id, reader.member_id, out, printed_at=PRINTED_AT, **kw
    )


@needs_latex
def test_book_has_cover_contents_documents_in_agenda_order_with_footers(
    prepared: Prepared, tmp_path: Path
) -> None:
    out = tmp_path / "book.pdf"
    result = _build(prepared, prepared.cast.minister, out)

    order = [SUBMISSION, LATEX_DOC, ANNEX, CONFIDENTIAL, GUESTS]
    assert [e.title for e in result.documents] == order
    assert [e.item_number for e in result.documents] == ["1", "1", "1.1", "2", "3"]
    # Cover, one page of contents, then the documents back to back.
    assert result.documents[0].first_page == 3
    for before, after in zip(result.documents, result.documents[1:], strict=False):
        assert after.first_page == before.first_page + before.page_count
    assert [e.page_count for e in result.documents] == [prepared.pages[t] for t in order]
    assert result.page_count == 2 + sum(prepared.pages[t] for t in order)

    data = out.read_bytes()
    assert hashlib.sha256(data).hexdigest() == result.sha256 and len(data) == result.size
    texts = page_texts(out)
    assert len(texts) == result.page_count
    label = f"{SESSION_TITLE} — trang"  # the title already says "Phiên họp": not twice
    for n, text in enumerate(texts, 1):
        assert f"{label} {n}/{result.page_count}" in text, f"page {n}"
    assert "Phiên họp Phiên họp" not in "".join(texts)

    # Each document's own pages follow its first page, in order.
    tokens = {SUBMISSION: "TOKEN-SUBMISSION", ANNEX: "TOKEN-ANNEX", CONFIDENTIAL: "TOKEN-CONFIDENTIAL"}
    for entry in result.documents:
        if entry.title in tokens:
            for k in range(entry.page_count):
                assert f"{tokens[entry.title]} p{k + 1}" in texts[entry.first_page - 1 + k]


def test_cover_and_contents_name_the_reader_and_the_pages(prepared: Prepared, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    result = _build(prepared, prepared.cast.minister, out)
    cover, contents = page_texts(out)[:2]
    assert "BỘ TÀI LIỆU" in cover and SESSION_TITLE in cover
    assert "Hồ Đức Tài" in cover and "Bộ trưởng Bộ Tài chính" in cover
    assert "MẬT" in cover  # the highest level in the book, stamped on the cover
    assert f"{result.page_count} trang" in cover
    assert "MỤC LỤC" in contents
    flat = re.sub(r"[\s.]+", " ", contents)
    for entry in result.documents:
        assert re.search(re.escape(entry.title) + r"( \(MẬT\))? " + str(entry.first_page) + r"\b", flat), (
            entry
        )
    assert "4 Các vấn đề khác (không có tài liệu) Không có tài liệu kèm theo" in flat
    # Every numbered line is a link to its page.
    reader = PdfReader(str(out))
    targets = sorted(
        reader.get_page_number(a.get_object()["/Dest"][0].get_object()) + 1
        for a in reader.pages[1]["/Annots"]
    )
    firsts = [e.first_page for e in result.documents]
    item_firsts = list({e.item_number: e.first_page for e in reversed(result.documents)}.values())
    assert targets == sorted(firsts + item_firsts)


@needs_latex
def test_outline_items_then_documents_then_their_own_outline(prepared: Prepared, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    result = _build(prepared, prepared.cast.minister, out)
    reader = PdfReader(str(out))
    outline = outline_of(reader)
    latex_titles = [n["title"] for n in outline_of(PdfReader(str(LATEX)))]
    assert _titles(outline) == [
        "Mục lục",
        (
            "1. Dự án Luật Đất đai (sửa đổi)",
            [
                (
                    SUBMISSION,
                    [
                        ("I. Sự cần thiết ban hành", ["1. Cơ sở chính trị", "2. Cơ sở thực tiễn"]),
                        "II. Nội dung chính",
                    ],
                ),
                (LATEX_DOC, latex_titles),
                ("1.1. Số liệu kèm theo", [ANNEX]),
            ],
        ),
        ("2. Báo cáo quốc phòng", ["Báo cáo tình hình quốc phòng (MẬT)"]),
        ("3. Vấn đề an ninh", [GUESTS]),
    ]
    # Destinations: items and documents at their first page; a document's own entries moved with it.
    first = {e.title: e.first_page - 1 for e in result.documents}
    land = outline[1]
    assert land["page"] == first[SUBMISSION]
    submission, latex, sub_item = land["children"]
    assert submission["page"] == first[SUBMISSION] and latex["page"] == first[LATEX_DOC]
    assert sub_item["page"] == first[ANNEX] == sub_item["children"][0]["page"]
    own = [(n["page"], [c["page"] for c in n["children"]]) for n in submission["children"]]
    start = first[SUBMISSION]
    assert own == [(start, [start, start + 1]), (start + 2, [])]
    original = [n["page"] for n in outline_of(PdfReader(str(LATEX)))]
    assert [n["page"] for n in latex["children"]] == [first[LATEX_DOC] + p for p in original]


def test_watermark_and_mark_only_on_classified_pages(prepared: Prepared, tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    result = _build(prepared, prepared.cast.minister, out)
    texts = page_texts(out)
    for entry in result.documents:
        for k in range(entry.page_count):
            text = texts[entry.first_page - 1 + k]
            if entry.classification.is_classified:
                assert entry.title == CONFIDENTIAL
                # The item is MẬT, so its document is too, though the document itself was left "normal".
                assert entry.classification is Classification.CONFIDENTIAL
                assert "Bản của: Hồ Đức Tài" in text and "Bộ trưởng Bộ Tài chính — 20/11/2026" in text
                assert re.search(r"(^|\n)MẬT(\n|$)", text)
            else:
                assert "Bản của" not in text and "Hồ Đức Tài" not in text and "MẬT" not in text


def test_each_reader_gets_only_what_was_distributed_to_them(prepared: Prepared, tmp_path: Path) -> None:
    cast = prepared.cast
    books = {
        "minister": _build(prepared, cast.minister, tmp_path / "m.pdf", actor=cast.minister),
        "other": _build(prepared, cast.other_minister, tmp_path / "o.pdf"),
        "guest": _build(prepared, cast.guest, tmp_path / "g.pdf"),
    }
    titles = {who: {e.title for e in book.documents} for who, book in books.items()}
    assert CONFIDENTIAL in titles["minister"] and SECRET not in titles["minister"]
    assert SECRET in titles["other"] and CONFIDENTIAL not in titles["other"]
    assert titles["guest"] == {GUESTS}
    for who, book in books.items():
        text = "".join(page_texts(book.path))
        for title, token in prepared.tokens.items():
            assert (token in text) == (title in titles[who]), (who, title)
    other = "".join(page_texts(books["other"].path))
    assert "Bản của: Vũ Thị Hà" in other and "TỐI MẬT" in other and "Hồ Đức Tài" not in other


def test_a_member_may_not_build_another_members_book(prepared: Prepared, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "book.pdf"
    out.write_bytes(b"an older copy")
    with pytest.raises(PermissionDenied) as err:
        _build(prepared, prepared.cast.other_minister, out, actor=prepared.cast.minister)
    assert err.value.code == "bookbuild_not_allowed"
    assert "Vũ Thị Hà" in err.value.message("vi") and "không được tạo bộ tài liệu" in err.value.message("vi")
    assert "may not compile the board book" in err.value.message("en")
    assert out.read_bytes() == b"an older copy"
    assert [p.name for p in folder.iterdir()] == ["book.pdf"]


def test_readers_who_cannot_see_the_session_or_any_document(sqlite_db: Database, tmp_path: Path) -> None:
    prepared = prepare(sqlite_db, with_latex=False)
    cast = prepared.cast
    with sqlite_db.write(cast.officer) as s:
        draft = S.create_session(s, cast.officer, "Phiên họp chuyên đề", SessionKind.THEMATIC, PRINTED_AT)
        item = I.add_item(s, cast.officer, draft.id, "Nội dung mật", classification=Classification.SECRET)
        data = make_pdf("X", [(595, 842)])
        D.add_document(s, cast.officer, item.id, "Mật", sqlite_db.blobs.put(data), "x.pdf", len(data), 1)
    out = tmp_path / "book.pdf"
    with pytest.raises(InvalidState) as err:  # the secretariat learns why
        build_board_book(sqlite_db, cast.officer, draft.id, cast.minister.member_id, out)
    assert err.value.code == "bookbuild_session_hidden"
    with pytest.raises(NotFound):  # the member learns nothing about a draft
        build_board_book(sqlite_db, cast.minister, draft.id, cast.minister.member_id, out)
    with sqlite_db.write(cast.officer) as s:
        S.publish_session(s, cast.officer, draft.id)
    with pytest.raises(InvalidState) as err:
        build_board_book(sqlite_db, cast.officer, draft.id, cast.minister.member_id, out)
    assert err.value.code == "bookbuild_empty" and "Hồ Đức Tài" in err.value.message("vi")
    assert not out.exists()


@pytest.mark.parametrize("stop_at", [0, 30, 40, 60, 90])
def test_cancel_leaves_no_file_and_records_nothing(prepared: Prepared, tmp_path: Path, stop_at: int) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "book.pdf"
    reached: list[int] = []
    with prepared.db.read() as s:
        events_before = s.execute(select(AuditEvent.seq)).scalars().all()
    with pytest.raises(Cancelled):
        _build(
            prepared,
            prepared.cast.minister,
            out,
            progress=lambda percent, _text: reached.append(percent),
            cancelled=lambda: bool(reached) and reached[-1] >= stop_at,
        )
    assert reached[-1] >= stop_at and 100 not in reached
    assert list(folder.iterdir()) == []  # neither the book nor its temporary file
    with prepared.db.read() as s:
        assert s.execute(select(AuditEvent.seq)).scalars().all() == events_before


def test_the_export_is_recorded_in_the_audit_chain(prepared: Prepared, tmp_path: Path) -> None:
    result = _build(prepared, prepared.cast.minister, tmp_path / "book.pdf")
    with prepared.db.read() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.action == "bookbuild")).scalar_one()
        assert verify_chain(s) == []
    assert event.entity == "sessions" and event.entity_id == str(prepared.session_id)
    assert event.actor_id == prepared.cast.officer.member_id
    details = json.loads(event.change)
    assert details["reader_id"] == str(prepared.cast.minister.member_id)
    assert details["reader"] == "Hồ Đức Tài"
    assert details["sha256"] == result.sha256 == hashlib.sha256(result.path.read_bytes()).hexdigest()
    assert details["pages"] == result.page_count
    assert details["versions"] == [str(e.version_id) for e in result.documents]


def test_our_fonts_are_embedded(prepared: Prepared, tmp_path: Path) -> None:
    result = _build(prepared, prepared.cast.minister, tmp_path / "book.pdf")
    reader = PdfReader(str(result.path))
    family = register_fonts().regular
    confidential = next(e for e in result.documents if e.title == CONFIDENTIAL)
    stamp = reader.pages[confidential.first_page - 1]["/Resources"]["/XObject"]["/EcabBookStamp"]
    sources = [reader.pages[0]["/Resources"], reader.pages[1]["/Resources"], stamp["/Resources"]]
    fonts = {}
    for resources in sources:
        for font in resources["/Font"].get_object().values():
            font = font.get_object()
            fonts[str(font["/BaseFont"])] = font
    assert fonts and all(family in name for name in fonts), list(fonts)
    for name, font in fonts.items():
        assert "/FontFile2" in font["/FontDescriptor"], f"{name} is not embedded"


@needs_latex
def test_links_of_each_copy_lead_into_that_copy(sqlite_db: Database, tmp_path: Path) -> None:
    """pdfLaTeX links use per-file names ("section.1"); two such files in one book keep their own targets."""
    prepared = prepare(sqlite_db, with_latex=False)
    cast = prepared.cast
    data = LATEX.read_bytes()
    with sqlite_db.write(cast.officer) as s:
        session = S.create_session(
            s, cast.officer, "Phiên họp bất thường", SessionKind.EXTRAORDINARY, PRINTED_AT
        )
        item = I.add_item(s, cast.officer, session.id, "Hai tài liệu pdfLaTeX")
        for title in ("Bản thứ nhất", "Bản thứ hai"):
            D.add_document(s, cast.officer, item.id, title, sqlite_db.blobs.put(data), "l.pdf", len(data), 4)
        S.publish_session(s, cast.officer, session.id)
    result = build_board_book(
        sqlite_db, cast.officer, session.id, cast.minister.member_id, tmp_path / "b.pdf"
    )
    reader = PdfReader(str(result.path))
    source = PdfReader(str(LATEX))
    for entry in result.documents:
        start = entry.first_page - 1
        for k in range(entry.page_count):
            got, want = [], []
            for annot, original in zip(
                reader.pages[start + k].get("/Annots", []), source.pages[k].get("/Annots", []), strict=True
            ):
                action = annot.get_object()["/A"]
                got.append(reader.get_page_number(action["/D"][0].get_object()))
                name = original.get_object()["/A"]["/D"]
                want.append(start + source.get_destination_page_number(source.named_destinations[name]))
            assert got == want, (entry.title, k)


@needs_latex
def test_the_outline_recorded_at_import_gives_the_same_bookmarks(prepared: Prepared, tmp_path: Path) -> None:
    """Import records each file's outline; the book uses it rather than parse the file's outline again."""
    before = _build(prepared, prepared.cast.minister, tmp_path / "a.pdf")
    with prepared.db.write(prepared.cast.officer) as s:
        for entry in before.documents:
            if entry.title in (SUBMISSION, LATEX_DOC):
                version = s.get(DocumentVersion, entry.version_id)
                assert version is not None and version.outline is None
                data = prepared.db.blobs.read(version.sha256)
                D.replace_document(
                    s,
                    prepared.cast.officer,
                    entry.document_id,
                    None,
                    version.sha256,
                    version.filename,
                    len(data),
                    entry.page_count,
                    "Ghi lại mục lục khi nhập",
                    outline=outline_of(PdfReader(io.BytesIO(data))),
                )
    after = _build(prepared, prepared.cast.minister, tmp_path / "b.pdf")
    assert [e.version_id for e in after.documents] != [e.version_id for e in before.documents]

    def bookmarks(path: Path) -> list[Any]:
        def walk(nodes: list[dict[str, Any]]) -> list[Any]:
            return [(n["title"], n["page"], walk(n["children"])) for n in nodes]

        return walk(outline_of(PdfReader(str(path))))

    assert bookmarks(after.path) == bookmarks(before.path)
    assert len(bookmarks(after.path)[1][2][0][2]) == 2  # the submission's own outline is there

    def latex_views(path: Path) -> set[str]:
        outline = PdfReader(str(path)).outline
        latex_children = outline[2][3]  # [Mục lục, item 1, [submission, [...], latex, [its own], …], …]
        return {str(d.typ) for d in latex_children if not isinstance(d, list)}

    assert latex_views(before.path) == {"/XYZ"}  # read from the file: its views kept
    assert latex_views(after.path) == {"/Fit"}  # from the record: the whole page


def _encrypted() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf("SECRET-TEXT", [(595, 842)]))))
    writer.encrypt("mật khẩu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [(_encrypted, "bookbuild_encrypted"), (lambda: b"%PDF-1.4\nnot really a PDF\n", "bookbuild_bad_pdf")],
)
def test_a_file_that_cannot_be_compiled_is_named(
    prepared: Prepared, tmp_path: Path, data: Any, code: str
) -> None:
    with prepared.db.write(prepared.cast.officer) as s:
        item = I.add_item(s, prepared.cast.officer, prepared.session_id, "Nội dung bổ sung")
        content = data()
        sha = prepared.db.blobs.put(content)
        D.add_document(s, prepared.cast.officer, item.id, "Tệp có vấn đề", sha, "x.pdf", len(content), 1)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(DomainError) as err:
        _build(prepared, prepared.cast.minister, folder / "book.pdf")
    assert err.value.code == code and "«Tệp có vấn đề»" in err.value.message("vi")
    assert list(folder.iterdir()) == []
