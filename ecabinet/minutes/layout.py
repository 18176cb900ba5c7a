"""The printed form shared by the minutes and the other outputs (Decree 30/2020/NĐ-CP, Appendix I).

A4 portrait; margins top 20 mm, bottom 20 mm, left 30 mm, right 15 mm. Top left, the issuing body in bold
upper case over a short rule, the number and symbol under it, a boxed classification mark under that; top
right, the national motto and the slogan over a rule as long as the slogan, and — except on minutes (form
1.9) — the place and date in italics. The title centred in bold upper case, the subject under it; the body
13 pt serif, justified, first-line indent 1 cm, 6 pt between paragraphs. Page numbers centred at the top
from page 2. Signatures at the end, recipients ("Nơi nhận:") on the left.

Every string from the database goes through `esc` before it reaches a `Paragraph`; rich text arrives already
in the canonical subset of `richtext`, whose inline markup reportlab reads as it is. Every table style names
our font, so reportlab's Helvetica default never gets into a PDF unembedded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.doctemplate import BaseDocTemplate
from reportlab.platypus.flowables import HRFlowable

from ecabinet.minutes import richtext
from ecabinet.minutes.calendar import HANOI
from ecabinet.model import Classification
from ecabinet.pdf.fonts import FontSet, register_fonts

PAGE_W, PAGE_H = A4
LEFT, RIGHT, TOP, BOTTOM = 30 * mm, 15 * mm, 20 * mm, 20 * mm
FRAME_W = PAGE_W - LEFT - RIGHT
FRAME_H = PAGE_H - TOP - BOTTOM
BODY_SIZE = 13
LEADING = 17  # 1.3 lines: within Decree 30's single to 1.5
INDENT = 1 * cm
ISSUING_PLACE = "Hà Nội"
ARCHIVE = "Lưu: VT, Hồ sơ."


def esc(text: str) -> str:
    return escape(text or "")


def date_text(day: date) -> str:
    """ "ngày 05 tháng 11 năm 2026": a leading 0 for days under 10 and for months 1 and 2 (Decree 30)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_date(day: date, place: str = ISSUING_PLACE) -> str:
    return f"{place}, {date_text(day)}"


def local(moment: datetime) -> datetime:
    return moment.astimezone(HANOI)


def clock_text(moment: datetime) -> str:
    """ "08 giờ 00" in Hà Nội time."""
    t = local(moment)
    return f"{t.hour:02d} giờ {t.minute:02d}"


def moment_text(moment: datetime) -> str:
    """ "08 giờ 00, ngày 05 tháng 11 năm 2026" """
    return f"{clock_text(moment)}, {date_text(local(moment).date())}"


# --- styles -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    fonts: FontSet
    body: ParagraphStyle
    plain: ParagraphStyle  # justified, no indent (list continuation, table notes)
    heading: ParagraphStyle
    section: ParagraphStyle  # a heading over a table: no keep-with-next, which would move a long table whole
    subheading: ParagraphStyle
    label: ParagraphStyle
    italic: ParagraphStyle
    centre: ParagraphStyle
    doc_type: ParagraphStyle
    subject: ParagraphStyle
    signer: ParagraphStyle
    recipients_head: ParagraphStyle
    recipients: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_small: ParagraphStyle


@cache
def styles() -> Styles:
    fonts = register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=fonts.regular,
        fontSize=BODY_SIZE,
        leading=LEADING,
        alignment=TA_JUSTIFY,
        firstLineIndent=INDENT,
        spaceAfter=6,
        # Bullets are never drawn, but a style names their font: keep it ours.
        bulletFontName=fonts.regular,
    )
    heading = ParagraphStyle("heading", parent=body, fontName=fonts.bold, spaceBefore=6, keepWithNext=1)
    centre = ParagraphStyle("centre", parent=body, alignment=TA_CENTER, firstLineIndent=0)
    cell = ParagraphStyle(
        "cell", parent=body, fontSize=12, leading=14, firstLineIndent=0, alignment=TA_LEFT, spaceAfter=0
    )
    return Styles(
        fonts=fonts,
        body=body,
        plain=ParagraphStyle("plain", parent=body, firstLineIndent=0),
        heading=heading,
        section=ParagraphStyle("section", parent=heading, keepWithNext=0),
        subheading=ParagraphStyle("subheading", parent=heading, fontName=fonts.bold_italic, spaceBefore=2),
        label=ParagraphStyle("label", parent=body, fontName=fonts.bold_italic, spaceAfter=3, keepWithNext=1),
        italic=ParagraphStyle("italic", parent=body, fontName=fonts.italic),
        centre=centre,
        doc_type=ParagraphStyle(
            "doc_type", parent=centre, fontName=fonts.bold, fontSize=14, leading=18, spaceAfter=0
        ),
        subject=ParagraphStyle(
            "subject", parent=centre, fontName=fonts.bold, fontSize=14, leading=18, spaceAfter=0
        ),
        signer=ParagraphStyle("signer", parent=centre, fontName=fonts.bold, spaceAfter=0),
        recipients_head=ParagraphStyle(
            "recipients_head",
            parent=body,
            fontName=fonts.bold_italic,
            fontSize=12,
            leading=14,
            firstLineIndent=0,
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        recipients=ParagraphStyle(
            "recipients",
            parent=body,
            fontSize=11,
            leading=13,
            leftIndent=7,
            firstLineIndent=-7,  # a wrapped recipient hangs under its text, not under the dash
            alignment=TA_LEFT,
            spaceAfter=0,
        ),
        cell=cell,
        cell_head=ParagraphStyle("cell_head", parent=cell, fontName=fonts.bold, alignment=TA_CENTER),
        cell_centre=ParagraphStyle("cell_centre", parent=cell, alignment=TA_CENTER),
        cell_small=ParagraphStyle("cell_small", parent=cell, fontSize=11, leading=13),
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (escaped here)."""
    return Paragraph(esc(text), style)


def rich(html: str, st: Styles, style: ParagraphStyle | None = None) -> list[Flowable]:
    """Rich text (the canonical subset) as paragraphs: lists as "- " or "1. " lines, as Vietnamese texts do."""
    out: list[Flowable] = []
    number = 0
    for block in richtext.parse(html):
        markup = block.markup()
        if block.list_kind == "ol":
            number += 1
            markup = f"{number}. {markup}"
        else:
            number = 0
            if block.list_kind == "ul":
                markup = f"- {markup}"
        out.append(Paragraph(markup, style or st.body))
    return out


# --- the first-page header ------------------------------------------------------------------------------------


def _wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and stringWidth(f"{lines[-1]} {word}", font, size) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def boxed(canv: Canvas, font: str, size: float, text: str, centre_x: float, base_y: float) -> None:
    width = stringWidth(text, font, size) + 14
    canv.setFont(font, size)
    canv.drawCentredString(centre_x, base_y, text)
    canv.setLineWidth(1)
    canv.rect(centre_x - width / 2, base_y - 5, width, size + 9, stroke=1, fill=0)


MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN = "Độc lập - Tự do - Hạnh phúc"


class Letterhead(Flowable):
    """Issuing body and number on the left (a classification box under them), the motto on the right,
    and the place and date line under it when the form has one."""

    LEFT_W = 72 * mm
    RULE_GAP = 7  # rules sit this far under the baseline, clear of the dots under letters such as "Ự"

    def __init__(self, issuer: str, number: str, mark: str = "", dated: str | None = None) -> None:
        super().__init__()
        self._fonts = styles().fonts
        self._issuer_lines = _wrap_words(issuer.upper(), self._fonts.bold, 13, self.LEFT_W - 4)
        self._number = number
        self._mark = mark
        self._dated = dated
        issuer_bottom = 15 * len(self._issuer_lines) - 2 + self.RULE_GAP
        motto_bottom = 29 + self.RULE_GAP
        self._number_base = max(issuer_bottom, motto_bottom) + 22
        self._mark_top = self._number_base + 10
        self.height = self._mark_top + (26 if mark else 0) + 8

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width = availWidth
        return availWidth, self.height

    def draw(self) -> None:
        canv: Canvas = self.canv
        fonts = self._fonts
        top = self.height
        left_c = self.LEFT_W / 2
        right_c = self.LEFT_W + (self.width - self.LEFT_W) / 2
        canv.setFillColor(colors.black)
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(0.6)
        canv.setFont(fonts.bold, 13)
        y = top - 13
        for line in self._issuer_lines:
            canv.drawCentredString(left_c, y, line)
            y -= 15
        last = stringWidth(self._issuer_lines[-1], fonts.bold, 13)
        rule = max(last / 3, 18 * mm) if last > 24 * mm else last
        rule_y = y + 15 - self.RULE_GAP
        canv.line(left_c - rule / 2, rule_y, left_c + rule / 2, rule_y)
        canv.setFont(fonts.bold, 12)
        canv.drawCentredString(right_c, top - 13, MOTTO)
        canv.setFont(fonts.bold, 13)
        canv.drawCentredString(right_c, top - 29, SLOGAN)
        width = stringWidth(SLOGAN, fonts.bold, 13)
        slogan_rule = top - 29 - self.RULE_GAP
        canv.line(right_c - width / 2, slogan_rule, right_c + width / 2, slogan_rule)
        base = top - self._number_base
        canv.setFont(fonts.regular, 13)
        canv.drawCentredString(left_c, base, self._number)
        if self._dated:
            canv.setFont(fonts.italic, 13)
            canv.drawCentredString(right_c, base, self._dated)
        if self._mark:
            boxed(canv, fonts.bold, 13, self._mark, left_c, top - self._mark_top - 20)


def number_text(number: int | None, symbol: str) -> str:
    """ "Số: 12/BB-CP", or "Số:      /NQ-CP" with room to write the number by hand."""
    return f"Số: {number}/{symbol}" if number else f"Số:{' ' * 8}/{symbol}"


def title_block(doc_type: str, subject_lines: Sequence[str], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 6), para(doc_type, st.doc_type)]
    out += [para(line, st.subject) for line in subject_lines if line]
    out.append(HRFlowable(width="28%", thickness=0.6, color=colors.black, spaceBefore=6, spaceAfter=12))
    return out


# --- signatures and recipients --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signer:
    titles: tuple[str, ...]  # upper case lines: ("TM. CHÍNH PHỦ", "THỦ TƯỚNG")
    name: str


def _signer_cell(signer: Signer | None, st: Styles) -> list[Flowable]:
    if signer is None:
        return []
    cell: list[Flowable] = [para(t.upper(), st.signer) for t in signer.titles]
    cell += [Spacer(1, 66), para(signer.name, st.signer)]
    return cell


def signatures(left: Signer | None, right: Signer | None, st: Styles) -> Table:
    """Two signature blocks side by side (a single signer stands on the right)."""
    table = Table(
        [[_signer_cell(left, st), _signer_cell(right, st)]],
        colWidths=[FRAME_W * 0.46, FRAME_W * 0.54],
        style=TableStyle(
            [
                # Cells hold flowables, but the table still sets its cell font: keep it ours, not Helvetica.
                ("FONT", (0, 0), (-1, -1), st.fonts.regular, BODY_SIZE, LEADING),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
        spaceBefore=10,
        spaceAfter=10,
    )
    return table


def recipients(lines: Sequence[str], st: Styles, archive: str = ARCHIVE) -> list[Flowable]:
    """ "Nơi nhận:" and the recipients, each "- …;", ending with the archive line ("- Lưu: VT, Hồ sơ.")."""
    entries = [f"- {line.strip().rstrip(';.')};" for line in lines if line.strip()]
    entries.append(f"- {archive}")
    return [para("Nơi nhận:", st.recipients_head), *(para(e, st.recipients) for e in entries)]


def signature_with_recipients(
    left: Signer | None,
    right: Signer | None,
    recipient_lines: Sequence[str] | None,
    st: Styles,
    archive: str = ARCHIVE,
) -> list[Flowable]:
    """Decree 30's closing: with one signer, "Nơi nhận" sits left of the signature; with two, under them."""
    if left is None and recipient_lines is not None:
        table = Table(
            [[recipients(recipient_lines, st, archive), _signer_cell(right, st)]],
            colWidths=[FRAME_W * 0.46, FRAME_W * 0.54],
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), st.fonts.regular, BODY_SIZE, LEADING),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
            spaceBefore=10,
        )
        return [table]
    out: list[Flowable] = [signatures(left, right, st)]
    if recipient_lines is not None:
        out += recipients(recipient_lines, st, archive)
    return out


# --- grid tables ----------------------------------------------------------------------------------------------


def grid(
    rows: list[list[Any]],
    widths: Sequence[float],
    st: Styles,
    *,
    header_rows: int = 1,
    ruled_rows: int | None = None,
    size: float = 12,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table in our font, its header rows repeated on each page it runs over.

    `ruled_rows`: rule only the first rows across, the rest only between columns (a list of names)."""
    if ruled_rows is None or ruled_rows >= len(rows):
        lines: list[tuple[Any, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black)]
    else:
        lines = [
            ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
            ("INNERGRID", (0, 0), (-1, ruled_rows - 1), 0.5, colors.black),
            ("LINEBELOW", (0, ruled_rows - 1), (-1, ruled_rows - 1), 0.5, colors.black),
            ("LINEAFTER", (0, 0), (-2, -1), 0.5, colors.black),
            ("TOPPADDING", (0, ruled_rows), (-1, -1), 0),
            ("BOTTOMPADDING", (0, ruled_rows), (-1, -1), 1),
            ("VALIGN", (0, ruled_rows), (-1, -1), "TOP"),
        ]
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, spaceBefore=2, spaceAfter=8)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), st.fonts.regular, size, size + 2),
                ("FONT", (0, 0), (-1, header_rows - 1), st.fonts.bold, 12, 14),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("LEFTPADDING", (0, 0), (-1, -1), 4),
                ("RIGHTPADDING", (0, 0), (-1, -1), 4),
                *lines,
                *extra,
            ]
        )
    )
    return table


def cell_text(text: str, width: float, st: Styles, style: ParagraphStyle | None = None) -> Any:
    """A short text as a plain string (cheap), a Paragraph when it needs to wrap."""
    style = style or st.cell
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width - 9:
        return text
    return Paragraph(esc(text).replace("\n", "<br/>"), style)


# --- the document ---------------------------------------------------------------------------------------------


class _Document(BaseDocTemplate):
    def __init__(
        self, buffer: BytesIO, on_first: Callable[..., None], on_later: Callable[..., None], **kw: Any
    ):
        super().__init__(buffer, **kw)
        frame = Frame(LEFT, BOTTOM, FRAME_W, FRAME_H, 0, 0, 0, 0, id="body")
        self.addPageTemplates(
            [
                PageTemplate("first", [frame], onPage=on_first, autoNextPageTemplate="later"),
                PageTemplate("later", [frame], onPage=on_later),
            ]
        )
        self.pages = 0

    def afterPage(self) -> None:
        self.pages = self.page


def keep_ending(story: list[Flowable], last: int, ending: Sequence[Flowable]) -> None:
    """Keep the last `last` flowables of `story` on the page of the signatures that follow them."""
    tail = story[len(story) - last :] if last else []
    del story[len(story) - len(tail) :]
    story.append(KeepTogether([*tail, *ending]))


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    author: str,
    classification: Classification = Classification.NORMAL,
    draft: bool = False,
) -> tuple[bytes, int]:
    """Lay out `story` on A4 pages of the form; (PDF bytes, page count). The same story gives the same bytes."""
    st = styles()
    fonts = st.fonts
    mark = classification.mark

    def first_page(canv: Canvas, _doc: Any) -> None:
        if draft:
            canv.saveState()
            boxed(canv, fonts.bold, 12, "DỰ THẢO", PAGE_W - RIGHT - 16 * mm, PAGE_H - 12 * mm)
            canv.restoreState()

    def later_page(canv: Canvas, doc: Any) -> None:
        canv.saveState()
        canv.setFont(fonts.regular, BODY_SIZE)
        canv.drawCentredString(LEFT + FRAME_W / 2, PAGE_H - 13 * mm, str(doc.page))
        if mark:  # a classified document carries its mark on every page
            boxed(canv, fonts.bold, 12, mark, LEFT + 14 * mm, PAGE_H - 13 * mm)
        canv.restoreState()

    buffer = BytesIO()
    doc = _Document(
        buffer,
        first_page,
        later_page,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=author,
        subject=subject,
        creator="e-Cabinet",
        keywords=mark,
        invariant=True,
        lang="vi-VN",
        initialFontName=fonts.regular,
        initialFontSize=BODY_SIZE,
        initialLeading=LEADING,
    )
    doc.build(story)
    return buffer.getvalue(), doc.pages
