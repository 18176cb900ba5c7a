"""The board book's own drawing, in one reportlab pass: cover, contents, and the stamps of the document pages.

The stamp of a document page is its footer "Phiên họp … — trang x/y" and, on a classified document, the
boxed classification mark and the diagonal watermark with the reader's name, all upright in the page as
seen. The mark and watermark are the same on every page of one size and level, so each such pair is drawn
once, as a template page; `assemble` makes it a form XObject that every page of that size calls. Only the
footer differs from page to page: a few text operators per page, encoded for the same embedded font subset
through reportlab's interface for dynamic fonts (`splitString` / `getSubsetInternalName`). So the cost of
reportlab does not grow with the number of pages, and the font is embedded once.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from io import BytesIO

from reportlab.lib.colors import Color
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ecabinet.bookbuild.geometry import PageFrame
from ecabinet.bookbuild.plan import BookDocument, BookPlan, stricter
from ecabinet.model import Classification, SessionKind
from ecabinet.pdf.fonts import FontSet, register_fonts

# Decree 30/2020/NĐ-CP, Appendix I: A4, margins top 20, bottom 20, left 30, right 15 mm.
PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_W = PAGE_W - LEFT - RIGHT

FOOTER_SIZE = 9.0
FOOTER_Y = 7 * mm  # baseline above the bottom edge: below the margin content of most documents
STAMP_RED = Color(0.78, 0.05, 0.05)
WATERMARK_GREY = Color(0.45, 0.45, 0.45)
WATERMARK_ALPHA = 0.22

# (label, the words that show a title already says it)
KIND_LABELS = {
    SessionKind.REGULAR: ("Phiên họp thường kỳ", "thường kỳ"),
    SessionKind.THEMATIC: ("Phiên họp chuyên đề", "chuyên đề"),
    SessionKind.EXTRAORDINARY: ("Phiên họp bất thường", "bất thường"),
    SessionKind.STANDING: ("Họp Thường trực Chính phủ", "thường trực"),
}


@dataclass(frozen=True)
class DocumentPages:
    """One opened document, as the layout needs it: which it is and the frame of each of its pages."""

    document: BookDocument
    frames: tuple[PageFrame, ...]


@dataclass(frozen=True)
class TocLink:
    """A clickable line of the contents: on book page `page` (0-based), `rect` leads to page `target`."""

    page: int
    rect: tuple[float, float, float, float]
    target: int


WatermarkKey = tuple[float, float, Classification]  # upright width, height, level


@dataclass(frozen=True)
class PageStamp:
    """What goes over one document page: PDF operators drawing upright in its frame. They name the fonts
    of the front matter's font dictionary and, when `watermark` is set, /EcabWm: that template page."""

    content: bytes
    watermark: int | None  # the page of `Stamps.pdf` holding the mark and watermark to call; None: none


@dataclass(frozen=True)
class Stamps:
    pdf: bytes  # the front matter pages, then one template page per distinct (size, level) of watermark
    front_pages: int
    total_pages: int
    first_pages: tuple[int, ...]  # 0-based first book page of each document, in book order
    links: tuple[TocLink, ...]
    pages: tuple[PageStamp, ...]  # one per document page, in book order


def nfc(text: str) -> str:
    # reportlab draws code points one by one; a decomposed "ệ" would lose its marks.
    return unicodedata.normalize("NFC", text)


def footer_label(session_title: str) -> str:
    """ "Phiên họp <title>", without saying "Phiên họp" twice when the title already starts with it."""
    title = nfc(session_title.strip())
    return title if title.casefold().startswith("phiên họp") else f"Phiên họp {title}"


def vn_date(when: datetime) -> str:
    """Decree 30's date: a leading 0 for days under 10 and for months 1 and 2 only."""
    month = f"{when.month:02d}" if when.month <= 2 else str(when.month)
    return f"ngày {when.day:02d} tháng {month} năm {when.year}"


def short_date(when: datetime) -> str:
    return f"{when.day:02d}/{when.month:02d}/{when.year}"


# --- the stamps on every page ------------------------------------------------------------------------------


def fit_footer(fonts: FontSet, label: str, number: int, total: int, width: float) -> tuple[str, float]:
    """The footer's text and size for a page `width` wide: smaller for a long title, then shortened."""
    suffix = f" — trang {number}/{total}"
    room = width - 24 * mm
    size = FOOTER_SIZE
    while size > 6 and stringWidth(label + suffix, fonts.regular, size) > room:
        size -= 0.5
    text = label + suffix
    if stringWidth(text, fonts.regular, size) > room:  # a very long title on a narrow page: shorten it
        keep = label
        while keep and stringWidth(keep + "…" + suffix, fonts.regular, size) > room:
            keep = keep[:-1]
        text = keep.rstrip() + "…" + suffix
    return text, size


def draw_footer(c: Canvas, fonts: FontSet, label: str, number: int, total: int, width: float) -> None:
    text, size = fit_footer(fonts, label, number, total, width)
    c.setFillColorRGB(0, 0, 0)
    c.setFont(fonts.regular, size)
    c.drawCentredString(width / 2, FOOTER_Y, text)


class _FooterWriter:
    """Footer operators for pages drawn outside the canvas, in the canvas's own subsets of the font."""

    def __init__(self, c: Canvas, fonts: FontSet) -> None:
        self._doc = c._doc  # the document whose font subsets the text is encoded for
        self._fonts = fonts
        self._font = pdfmetrics.getFont(fonts.regular)

    def operators(self, label: str, number: int, total: int, width: float) -> bytes:
        text, size = fit_footer(self._fonts, label, number, total, width)
        x = (width - stringWidth(text, self._fonts.regular, size)) / 2
        parts = [f"BT 0 g {x:.2f} {FOOTER_Y:.2f} Td".encode()]
        for subset, chunk in self._font.splitString(text, self._doc):
            # A name like "/F2+0": a subset in the font dictionary that every page of the canvas shares.
            name = self._font.getSubsetInternalName(subset, self._doc)
            parts.append(f"{name} {size:g} Tf <{chunk.hex()}> Tj".encode())
        parts.append(b"ET\n")
        return b" ".join(parts)


def draw_boxed(
    c: Canvas, font: str, size: float, text: str, centre_x: float, baseline: float, color: Color
) -> None:
    """A stamp: `text` in a box with a white ground, so it reads over whatever lies beneath."""
    width = stringWidth(text, font, size)
    pad = size * 0.35
    c.saveState()
    c.setStrokeColor(color)
    c.setFillColorRGB(1, 1, 1)
    c.setLineWidth(1)
    c.rect(centre_x - width / 2 - pad, baseline - pad, width + 2 * pad, size + pad, stroke=1, fill=1)
    c.setFillColor(color)
    c.setFont(font, size)
    c.drawCentredString(centre_x, baseline + size * 0.12, text)
    c.restoreState()


def draw_mark(c: Canvas, fonts: FontSet, mark: str, width: float, height: float) -> None:
    """The classification mark, boxed, at the top right: clear of a document's own, which Decree 30 puts
    at the top left, under the number."""
    size = 12.0
    half = stringWidth(mark, fonts.bold, size) / 2 + size * 0.35
    right = min(RIGHT, width / 10)
    draw_boxed(c, fonts.bold, size, mark, width - right - half, height - 7 * mm - size, STAMP_RED)


def draw_watermark(c: Canvas, fonts: FontSet, line1: str, line2: str, width: float, height: float) -> None:
    """The reader's name across the page's diagonal, light enough to read the text through it."""
    diagonal = math.hypot(width, height)
    size1 = min(56.0, 0.72 * diagonal / max(stringWidth(line1, fonts.bold, 1), 1))
    size2 = min(size1 * 0.42, 0.72 * diagonal / max(stringWidth(line2, fonts.regular, 1), 1))
    c.saveState()
    c.setFillColor(WATERMARK_GREY)
    c.setFillAlpha(WATERMARK_ALPHA)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    c.setFont(fonts.bold, size1)
    c.drawCentredString(0, size2 * 0.3, line1)
    c.setFont(fonts.regular, size2)
    c.drawCentredString(0, -size2 * 1.6, line2)
    c.restoreState()


# --- the table of contents: laid out once to count its pages, then drawn with the page numbers ---------


@dataclass(frozen=True)
class _Row:
    lines: tuple[str, ...]
    font: str
    size: float
    indent: float
    target: int | None  # index into the book's documents whose first page this row shows; None: no number
    space_before: float

    @property
    def leading(self) -> float:
        return self.size * 1.32

    @property
    def height(self) -> float:
        return len(self.lines) * self.leading


_TOC_TITLE_SIZE = 14.0
_TOC_TOP_FIRST = PAGE_H - TOP - 52  # below the heading on the first contents page
_TOC_TOP = PAGE_H - TOP
_TOC_BOTTOM = BOTTOM
_NUMBER_ROOM = 16 * mm  # kept free at the right for the page number and some dots


def _toc_rows(plan: BookPlan, fonts: FontSet) -> list[_Row]:
    rows: list[_Row] = []
    index = 0
    for item in plan.items:
        sub = item.parent_id is not None
        indent = 8 * mm if sub else 0.0
        first = index if item.documents else None
        font = fonts.bold if not sub else fonts.bold_italic
        text = nfc(f"{item.number}. {item.title}")
        if item.classification.is_classified:
            text += f" ({item.classification.mark})"
        width = FRAME_W - indent
        rows.append(_Row(_wrap(text, font, 12, width), font, 12, indent, first, 9 if not sub else 5))
        if item.presenter:
            line = nfc(f"Cơ quan trình: {item.presenter}")
            rows.append(_Row(_wrap(line, fonts.italic, 10.5, width, 0), fonts.italic, 10.5, indent, None, 0))
        if not item.documents:
            rows.append(_Row(("Không có tài liệu kèm theo",), fonts.italic, 11, indent + 6 * mm, None, 1))
        for doc in item.documents:
            text = nfc(doc.title)
            if doc.classification.is_classified:
                text += f" ({doc.classification.mark})"
            doc_indent = indent + 6 * mm
            lines = _wrap(text, fonts.regular, 12, FRAME_W - doc_indent)
            rows.append(_Row(lines, fonts.regular, 12, doc_indent, index, 2))
            index += 1
    return rows


def _wrap(text: str, font: str, size: float, width: float, room: float = _NUMBER_ROOM) -> tuple[str, ...]:
    """Lines of at most `width`, the last one leaving `room` at the right for its dots and page number."""
    lines = simpleSplit(text, font, size, width) or [""]
    if room and stringWidth(lines[-1], font, size) > width - room:
        lines[-1:] = simpleSplit(lines[-1], font, size, width - room)
    return tuple(lines)


def _paginate(rows: list[_Row]) -> list[list[tuple[_Row, float]]]:
    """Rows per contents page, each with the baseline of its first line; a row is never split."""
    pages: list[list[tuple[_Row, float]]] = [[]]
    y = _TOC_TOP_FIRST
    for row in rows:
        gap = row.space_before if pages[-1] else 0.0
        if pages[-1] and y - gap - row.height < _TOC_BOTTOM:
            pages.append([])
            y, gap = _TOC_TOP, 0.0
        y -= gap
        pages[-1].append((row, y - row.size))
        y -= row.height
    return pages


def _draw_toc_page(
    c: Canvas,
    fonts: FontSet,
    placed: list[tuple[_Row, float]],
    first_pages: Sequence[int],
    book_page: int,
    links: list[TocLink],
    heading: str | None,
) -> None:
    if heading is not None:
        c.setFont(fonts.bold, _TOC_TITLE_SIZE)
        c.drawCentredString(LEFT + FRAME_W / 2, PAGE_H - TOP - _TOC_TITLE_SIZE, "MỤC LỤC")
        c.setFont(fonts.italic, 11)
        lines = simpleSplit(heading, fonts.italic, 11, FRAME_W)[:2]
        for n, line in enumerate(lines):
            c.drawCentredString(LEFT + FRAME_W / 2, PAGE_H - TOP - _TOC_TITLE_SIZE - 16 - 13 * n, line)
    right = LEFT + FRAME_W
    for row, baseline in placed:
        c.setFont(row.font, row.size)
        x = LEFT + row.indent
        for n, line in enumerate(row.lines):
            c.drawString(x, baseline - n * row.leading, line)
        if row.target is None:
            continue
        target = first_pages[row.target]
        number = str(target + 1)
        last_y = baseline - (len(row.lines) - 1) * row.leading
        c.drawRightString(right, last_y, number)
        _dot_leader(
            c,
            fonts.regular,
            row.size,
            x + stringWidth(row.lines[-1], row.font, row.size),
            right - stringWidth(number, row.font, row.size),
            last_y,
        )
        links.append(TocLink(book_page, (x, last_y - row.size * 0.3, right, baseline + row.size), target))


def _dot_leader(c: Canvas, font: str, size: float, start: float, end: float, y: float) -> None:
    step = size * 0.36
    first = math.ceil((start + step) / step) * step  # on a grid, so the dots line up from row to row
    count = int((end - step - first) / step) + 1
    if count < 2:
        return
    text = c.beginText(first, y)
    text.setFont(font, size)
    text.setCharSpace(step - stringWidth(".", font, size))
    text.textOut("." * count)
    text.setCharSpace(0)  # character spacing is text state: it would stretch every later line
    c.drawText(text)


# --- the cover ----------------------------------------------------------------------------------------------


def _centred_lines(
    c: Canvas, lines: Sequence[str], font: str, size: float, y: float, leading: float
) -> float:
    c.setFont(font, size)
    for line in lines:
        c.drawCentredString(LEFT + FRAME_W / 2, y, line)
        y -= leading
    return y


def _draw_cover(
    c: Canvas, fonts: FontSet, plan: BookPlan, documents: Sequence[DocumentPages], total: int, at: datetime
) -> None:
    top = PAGE_H - TOP
    # Top left: the issuing body, with a short rule; under it the highest classification in the book.
    left_w = 72 * mm
    left_c = LEFT + left_w / 2
    c.setFont(fonts.bold, 13)
    c.drawCentredString(left_c, top - 13, "CHÍNH PHỦ")
    c.setLineWidth(0.7)
    c.line(left_c - 12 * mm, top - 19, left_c + 12 * mm, top - 19)
    level = Classification.NORMAL
    for d in documents:
        level = stricter(level, d.document.classification)
    if level.is_classified:
        draw_boxed(c, fonts.bold, 13, level.mark, left_c, top - 48, STAMP_RED)
    # Top right: the national motto.
    right_c = LEFT + left_w + (FRAME_W - left_w) / 2
    motto = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    size = 12.0
    while size > 10 and stringWidth(motto, fonts.bold, size) > FRAME_W - left_w:
        size -= 0.5
    c.setFont(fonts.bold, size)
    c.drawCentredString(right_c, top - 12, motto)
    slogan = "Độc lập - Tự do - Hạnh phúc"
    c.setFont(fonts.bold, 13)
    c.drawCentredString(right_c, top - 28, slogan)
    half = stringWidth(slogan, fonts.bold, 13) / 2
    c.line(right_c - half, top - 33, right_c + half, top - 33)

    y = PAGE_H * 0.70
    y = _centred_lines(c, ["BỘ TÀI LIỆU"], fonts.bold, 22, y, 34)
    title = nfc(plan.session_title)
    y = _centred_lines(c, simpleSplit(title, fonts.bold, 16, FRAME_W - 20 * mm), fonts.bold, 16, y, 21)
    kind, says_it = KIND_LABELS.get(plan.session_kind, ("", ""))
    if kind and says_it not in title.casefold():
        y = _centred_lines(c, [f"({kind})"], fonts.italic, 12, y, 16)
    y -= 10
    starts = plan.starts_at.astimezone()
    facts = [f"Thời gian: {starts:%H} giờ {starts:%M}, {vn_date(starts)}"]
    if plan.place:
        facts.append(nfc(f"Địa điểm: {plan.place}"))
    if plan.chair:
        facts.append(nfc(f"Chủ tọa: {plan.chair}"))
    for fact in facts:
        y = _centred_lines(c, simpleSplit(fact, fonts.regular, 13, FRAME_W), fonts.regular, 13, y, 18)

    # The reader, in a frame: whose copy this is.
    y -= 26
    box_h = 70 if plan.reader_title else 52
    c.setLineWidth(1)
    c.rect(LEFT + 25 * mm, y - box_h + 16, FRAME_W - 50 * mm, box_h, stroke=1, fill=0)
    y = _centred_lines(c, ["BẢN CỦA"], fonts.bold, 11, y, 20)
    y = _centred_lines(c, [nfc(plan.reader_name)], fonts.bold, 16, y, 18)
    if plan.reader_title:
        y = _centred_lines(
            c,
            simpleSplit(nfc(plan.reader_title), fonts.italic, 12, FRAME_W - 56 * mm)[:1],
            fonts.italic,
            12,
            y,
            16,
        )

    y -= 34
    item_count = sum(1 for item in plan.items if item.parent_id is None)
    summary = f"Gồm {item_count} nội dung, {len(documents)} tài liệu, {total} trang."
    y = _centred_lines(c, [summary], fonts.regular, 12, y, 17)
    classified = sum(1 for d in documents if d.document.classification.is_classified)
    if classified:
        notice = (
            f"Có {classified} tài liệu mật: mỗi trang của các tài liệu này mang dấu độ mật "
            "và tên người nhận bộ tài liệu."
        )
        y = _centred_lines(
            c, simpleSplit(notice, fonts.italic, 11, FRAME_W - 20 * mm), fonts.italic, 11, y, 15
        )
    if plan.without_file:
        names = ", ".join(f"«{nfc(t)}»" for t in plan.without_file[:4])
        more = f" và {len(plan.without_file) - 4} tài liệu khác" if len(plan.without_file) > 4 else ""
        notice = f"Chưa có tệp, không có trong bộ tài liệu: {names}{more}."
        _centred_lines(
            c, simpleSplit(notice, fonts.italic, 10, FRAME_W - 20 * mm)[:3], fonts.italic, 10, y, 13
        )

    when = at.astimezone()
    c.setFont(fonts.italic, 11)
    c.drawCentredString(LEFT + FRAME_W / 2, BOTTOM + 8 * mm, f"Lập {vn_date(when)}, lúc {when:%H:%M}")


# --- all of it ------------------------------------------------------------------------------------------


def render_stamps(
    plan: BookPlan,
    documents: Sequence[DocumentPages],
    printed_at: datetime,
    check: Callable[[], None] = lambda: None,
) -> Stamps:
    """Draw the front matter and the watermark templates, and write each document page's stamp.

    `check` is called per document and may raise to stop.
    """
    fonts = register_fonts()
    rows = _toc_rows(plan, fonts)
    toc_pages = _paginate(rows)
    front = 1 + len(toc_pages)
    first_pages: list[int] = []
    page = front
    for d in documents:
        first_pages.append(page)
        page += len(d.frames)
    total = page
    label = footer_label(plan.session_title)
    reader_line = nfc(f"Bản của: {plan.reader_name}")
    stamp_when = printed_at.astimezone()
    detail_line = nfc(
        f"{plan.reader_title} — {short_date(stamp_when)} {stamp_when:%H:%M}"
        if plan.reader_title
        else f"{short_date(stamp_when)} {stamp_when:%H:%M}"
    )

    buffer = BytesIO()
    c = Canvas(buffer, pagesize=A4, invariant=True, pageCompression=1, initialFontName=fonts.regular)
    _draw_cover(c, fonts, plan, documents, total, printed_at)
    draw_footer(c, fonts, label, 1, total, PAGE_W)
    c.showPage()
    links: list[TocLink] = []
    for n, placed in enumerate(toc_pages):
        heading = nfc(plan.session_title) if n == 0 else None
        _draw_toc_page(c, fonts, placed, first_pages, 1 + n, links, heading)
        draw_footer(c, fonts, label, 2 + n, total, PAGE_W)
        c.showPage()

    footers = _FooterWriter(c, fonts)
    templates: dict[WatermarkKey, int] = {}
    stamps: list[PageStamp] = []
    number = front
    for d in documents:
        check()
        level = d.document.classification
        for f in d.frames:
            number += 1
            template = None
            if level.is_classified:
                key = (round(f.width, 2), round(f.height, 2), level)
                template = templates.get(key)
                if template is None:
                    template = templates[key] = front + len(templates)
                    c.setPageSize((f.width, f.height))
                    draw_watermark(c, fonts, reader_line, detail_line, f.width, f.height)
                    draw_mark(c, fonts, level.mark, f.width, f.height)
                    c.showPage()
            content = footers.operators(label, number, total, f.width)
            stamps.append(PageStamp(b"/EcabWm Do\n" + content if template is not None else content, template))
    c.save()  # after the footers: the font subsets are written with every letter they use
    return Stamps(buffer.getvalue(), front, total, tuple(first_pages), tuple(links), tuple(stamps))
