"""A published session with documents of every kind a board book meets, made through the services."""

from __future__ import annotations

import io
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.db import Database
from ecabinet.model import Classification, InviteRole, SessionKind
from tests.conftest import TESTDATA, Cast, make_cast

SESSION_TITLE = "Phiên họp Chính phủ thường kỳ tháng 11 năm 2026"
LATEX = TESTDATA / "pdflatex-outline.pdf"
PRINTED_AT = datetime(2026, 11, 20, 2, 30, tzinfo=UTC)


def make_pdf(
    token: str,
    sizes: Sequence[tuple[float, float]],
    rotations: Sequence[int] = (),
    outline: Sequence[tuple[int, int, str]] = (),
) -> bytes:
    """A PDF whose page n (1-based) says "<token> p<n>"; `outline` is (page, level, title) in order."""
    buffer = io.BytesIO()
    c = Canvas(buffer, invariant=True)
    for n, size in enumerate(sizes, 1):
        c.setPageSize(size)
        c.setFont("Helvetica", 14)
        c.drawString(72, size[1] - 100, f"{token} p{n}")
        for k, (page, level, title) in enumerate(outline):
            if page == n:
                key = f"o{k}"
                c.bookmarkPage(key)
                c.addOutlineEntry(title, key, level=level)
        c.showPage()
    c.save()
    if not rotations:
        return buffer.getvalue()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page, angle in zip(writer.pages, rotations, strict=False):
        if angle:
            page.rotate(angle)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass
class Prepared:
    db: Database
    cast: Cast
    session_id: uuid.UUID
    pages: dict[str, int] = field(default_factory=dict)  # document title -> page count
    tokens: dict[str, str] = field(default_factory=dict)  # document title -> the text on its pages


# Titles of the documents, and what each one is.
SUBMISSION = "Tờ trình dự án Luật Đất đai (sửa đổi)"  # 3 pages with a nested outline
LATEX_DOC = "Tài liệu soạn bằng pdfLaTeX"  # pdflatex-outline.pdf, when the shared test data is there
ANNEX = "Phụ lục số liệu"  # landscape, Letter and rotated pages, on sub-item 1.1
CONFIDENTIAL = "Báo cáo tình hình quốc phòng"  # on a MẬT item, for the minister only
SECRET = "Tài liệu tối mật về an ninh"  # TỐI MẬT, for the other minister only
GUESTS = "Thông tin chung cho đại biểu"  # normal, also for guests

OUTLINE = (
    (1, 0, "I. Sự cần thiết ban hành"),
    (1, 1, "1. Cơ sở chính trị"),
    (2, 1, "2. Cơ sở thực tiễn"),
    (3, 0, "II. Nội dung chính"),
)


def prepare(database: Database, with_latex: bool = True) -> Prepared:
    cast = make_cast(database)
    prepared = Prepared(database, cast, uuid.uuid4())
    with database.write(cast.officer) as s:
        created = S.create_session(
            s,
            cast.officer,
            SESSION_TITLE,
            SessionKind.REGULAR,
            datetime.now(UTC) + timedelta(days=10),
            place="Trụ sở Chính phủ, Hà Nội",
        )
        prepared.session_id = created.id
        S.set_invitation(s, cast.officer, created.id, cast.guest.member_id, InviteRole.GUEST)
        land = I.add_item(s, cast.officer, created.id, "Dự án Luật Đất đai (sửa đổi)")
        annex_item = I.add_item(s, cast.officer, created.id, "Số liệu kèm theo", parent_id=land.id)
        defence = I.add_item(
            s, cast.officer, created.id, "Báo cáo quốc phòng", classification=Classification.CONFIDENTIAL
        )
        security = I.add_item(s, cast.officer, created.id, "Vấn đề an ninh")
        I.add_item(s, cast.officer, created.id, "Các vấn đề khác (không có tài liệu)")

        def add(item_id: uuid.UUID, title: str, data: bytes, **kw: Any) -> uuid.UUID:
            sha = database.blobs.put(data)
            pages = len(PdfReader(io.BytesIO(data)).pages)
            prepared.pages[title] = pages
            doc = D.add_document(s, cast.officer, item_id, title, sha, "f.pdf", len(data), pages, **kw)
            return doc.id

        token = prepared.tokens
        token[SUBMISSION], token[ANNEX] = "TOKEN-SUBMISSION", "TOKEN-ANNEX"
        token[CONFIDENTIAL], token[SECRET], token[GUESTS] = (
            "TOKEN-CONFIDENTIAL",
            "TOKEN-SECRET",
            "TOKEN-GUESTS",
        )
        add(land.id, SUBMISSION, make_pdf(token[SUBMISSION], [A4] * 3, outline=OUTLINE))
        if with_latex and LATEX.exists():
            add(land.id, LATEX_DOC, LATEX.read_bytes())
        add(
            annex_item.id,
            ANNEX,
            make_pdf(token[ANNEX], [landscape(A4), letter, A4, A4], rotations=(0, 0, 90, 270)),
        )
        confidential = add(defence.id, CONFIDENTIAL, make_pdf(token[CONFIDENTIAL], [A4] * 2))
        secret = add(
            security.id, SECRET, make_pdf(token[SECRET], [A4] * 2), classification=Classification.SECRET
        )
        add(security.id, GUESTS, make_pdf(token[GUESTS], [A4]), for_guests=True)
        D.set_distribution(s, cast.officer, confidential, [cast.minister.member_id])
        D.set_distribution(s, cast.officer, secret, [cast.other_minister.member_id])
        S.publish_session(s, cast.officer, created.id)
    return prepared


@pytest.fixture
def prepared(sqlite_db: Database) -> Prepared:
    return prepare(sqlite_db)


def page_texts(path: object) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]
