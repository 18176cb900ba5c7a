"""Stamps stand upright where a reader looks for them, whatever the page's size, box origin and /Rotate.

Rendered with poppler's pdftoppm: the dark pixels of each document page must be the footer (a wide line,
centred at the bottom) and, on a classified document, also the boxed mark at the top right.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject
from reportlab.lib.pagesizes import A4, landscape, letter
from reportlab.pdfgen.canvas import Canvas

from ecabinet.agenda import documents as D
from ecabinet.agenda import items as I
from ecabinet.agenda import sessions as S
from ecabinet.bookbuild import build_board_book
from ecabinet.bookbuild.geometry import frame
from ecabinet.db import Database
from ecabinet.model import Classification, SessionKind
from tests.conftest import make_cast

# (media box, crop box or None, /Rotate): what real dossiers bring.
PAGES = [
    ((0, 0, *A4), None, 0),
    ((0, 0, *landscape(A4)), None, 0),
    ((0, 0, *letter), None, 0),
    ((0, 0, *A4), None, 90),
    ((0, 0, *A4), None, 180),
    ((0, 0, *A4), None, 270),
    ((100, 200, 100 + A4[0], 200 + A4[1]), (130, 240, 70 + A4[0], 160 + A4[1]), 90),
]


def _blank_pages() -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, invariant=True)
    for media, _crop, _rotate in PAGES:
        c.setPageSize((media[2] - media[0], media[3] - media[1]))
        c.showPage()
    c.save()
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(buffer.getvalue())))
    for page, (media, crop, rotate) in zip(writer.pages, PAGES, strict=True):
        page.mediabox = RectangleObject(media)
        if crop is not None:
            page.cropbox = RectangleObject(crop)
        if rotate:
            page.rotate(rotate)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class Grey:
    width: int
    height: int
    pixels: bytes

    def dark_box(self, threshold: int = 128) -> tuple[int, int, int, int] | None:
        xs, ys = [], []
        for y in range(self.height):
            row = self.pixels[y * self.width : (y + 1) * self.width]
            for x, value in enumerate(row):
                if value < threshold:
                    xs.append(x)
                    ys.append(y)
        return (min(xs), min(ys), max(xs), max(ys)) if xs else None

    def crop(self, x0: int, y0: int, x1: int, y1: int) -> Grey:
        rows = [self.pixels[y * self.width + x0 : y * self.width + x1] for y in range(y0, y1)]
        return Grey(x1 - x0, y1 - y0, b"".join(rows))


def _render(pdf: Path, page: int, folder: Path) -> Grey:
    prefix = folder / f"p{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-cropbox",
            "-r",
            "40",
            "-gray",
            "-f",
            str(page),
            "-l",
            str(page),
            str(pdf),
            str(prefix),
        ],
        check=True,
    )
    (image,) = folder.glob(f"p{page}-*.pgm")
    data = image.read_bytes()
    magic, width, height, _depth, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    return Grey(int(width), int(height), pixels)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) is not installed")
@pytest.mark.parametrize("classification", [Classification.NORMAL, Classification.TOP_SECRET])
def test_stamps_upright_on_every_page_geometry(
    sqlite_db: Database, tmp_path: Path, classification: Classification
) -> None:
    cast = make_cast(sqlite_db)
    data = _blank_pages()
    with sqlite_db.write(cast.officer) as s:
        session = S.create_session(
            s, cast.officer, "Phiên họp thường kỳ", SessionKind.REGULAR, datetime.now(UTC) + timedelta(days=9)
        )
        item = I.add_item(s, cast.officer, session.id, "Trang khổ khác nhau")
        doc = D.add_document(
            s,
            cast.officer,
            item.id,
            "Khổ giấy",
            sqlite_db.blobs.put(data),
            "k.pdf",
            len(data),
            len(PAGES),
            classification=classification,
        )
        D.set_distribution(s, cast.officer, doc.id, [cast.minister.member_id])
        S.publish_session(s, cast.officer, session.id)
    out = tmp_path / "book.pdf"
    result = build_board_book(sqlite_db, cast.officer, session.id, cast.minister.member_id, out)
    first = result.documents[0].first_page
    for k, (media, crop, rotate) in enumerate(PAGES):
        image = _render(out, first + k, tmp_path)
        box = crop or media
        upright = (box[2] - box[0], box[3] - box[1])[:: -1 if rotate in (90, 270) else 1]
        assert abs(image.width / image.height - upright[0] / upright[1]) < 0.02, k
        # The bottom strip holds the footer: a wide, low line in the middle.
        strip_top = int(image.height * 0.93)
        footer = image.crop(0, strip_top, image.width, image.height).dark_box()
        assert footer is not None, f"page {k}: no footer at the bottom"
        x0, y0, x1, y1 = footer
        assert x1 - x0 > 5 * (y1 - y0 + 1), f"page {k}: the footer is not a horizontal line: {footer}"
        assert abs((x0 + x1) / 2 - image.width / 2) < image.width * 0.03, f"page {k}: footer off centre"
        rest = image.crop(0, 0, image.width, strip_top).dark_box()
        if not classification.is_classified:
            assert rest is None, f"page {k}: marks on a normal page: {rest}"
            continue
        # The mark: at the top right, and nothing else dark (the watermark is light).
        assert rest is not None, f"page {k}: no classification mark"
        x0, y0, x1, y1 = rest
        assert x0 > image.width * 0.6 and y1 < image.height * 0.12, f"page {k}: mark misplaced: {rest}"


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_frame_maps_the_upright_corners_onto_the_box(rotate: int) -> None:
    box = (100.0, 200.0, 700.0, 1000.0)  # 600 x 800 at an offset
    f = frame(*box, rotate)
    a, b, c, d, e, g = f.matrix
    assert (f.width, f.height) == ((800.0, 600.0) if rotate in (90, 270) else (600.0, 800.0))

    def to_user(x: float, y: float) -> tuple[float, float]:
        return (a * x + c * y + e, b * x + d * y + g)

    # Where a viewer shows each corner of the box, for a page turned clockwise by `rotate`.
    x0, y0, x1, y1 = box
    bottom_left = {0: (x0, y0), 90: (x1, y0), 180: (x1, y1), 270: (x0, y1)}[rotate]
    top_right = {0: (x1, y1), 90: (x0, y1), 180: (x0, y0), 270: (x1, y0)}[rotate]
    assert to_user(0, 0) == bottom_left
    assert to_user(f.width, f.height) == top_right
