"""Stamp a classified PDF with its recipient's name on every page, so each exported copy is traceable."""

from __future__ import annotations

import io
import math

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ecabinet.errors import DomainError

GREY = Color(0.45, 0.45, 0.45)
ALPHA = 0.18


def _font() -> str:
    """A face with Vietnamese letters when the document fonts are installed; Helvetica otherwise."""
    try:
        from ecabinet.pdf.fonts import register_fonts

        return register_fonts().bold
    except Exception:  # fonts missing: still stamp, in a base font (names without marks stay readable)
        return "Helvetica-Bold"


def _overlay(text: str, width: float, height: float, font: str) -> bytes:
    out = io.BytesIO()
    c = Canvas(out, pagesize=(width, height), invariant=True)
    diagonal = math.hypot(width, height)
    size = min(48.0, 0.8 * diagonal / max(stringWidth(text, font, 1), 1))
    c.setFillColor(GREY)
    c.setFillAlpha(ALPHA)
    c.translate(width / 2, height / 2)
    c.rotate(math.degrees(math.atan2(height, width)))
    c.setFont(font, size)
    c.drawCentredString(0, -size / 3, text)
    c.showPage()
    c.save()
    return out.getvalue()


def watermark_pdf(data: bytes, text: str) -> bytes:
    """`data` with `text` across every page, light enough to read through."""
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DomainError("sync_watermark_failed", reason="the PDF is password-protected")
        writer = PdfWriter(clone_from=reader)
        font = _font()
        overlays: dict[tuple[float, float], object] = {}
        for page in writer.pages:
            box = page.cropbox
            width, height = float(box.width), float(box.height)
            key = (round(width, 1), round(height, 1))
            if key not in overlays:
                overlays[key] = PdfReader(io.BytesIO(_overlay(text, width, height, font))).pages[0]
            stamp = overlays[key]
            page.merge_translated_page(stamp, float(box.left), float(box.bottom))  # type: ignore[arg-type]
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except DomainError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DomainError("sync_watermark_failed", reason=str(exc)[:200]) from exc
