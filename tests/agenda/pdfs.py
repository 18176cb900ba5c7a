"""PDFs made for the tests with reportlab (Vietnamese text in IBM Plex Serif) and pypdf (encryption, risks)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas


def _font() -> str:
    """A registered reportlab font that can draw Vietnamese."""
    try:
        from ecabinet.pdf.fonts import register_fonts
    except ImportError:  # written by another engineer; fall back to the packaged face directly
        from pathlib import Path

        import fontpkg_ibm_plex_serif
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        if "TestPlexSerif" not in pdfmetrics.getRegisteredFontNames():
            root = Path(fontpkg_ibm_plex_serif.__file__).resolve().parent / "files"
            pdfmetrics.registerFont(TTFont("TestPlexSerif", str(root / "IBMPlexSerif-Regular.ttf")))
        return "TestPlexSerif"
    return register_fonts().regular


def make_pdf(pages: Sequence[str] = ("Trang một",)) -> bytes:
    """A PDF with one page per text (lines split on newlines); the same text always gives the same bytes."""
    out = io.BytesIO()
    canvas = Canvas(out, invariant=1)
    font = _font()
    for text in pages:
        canvas.setFont(font, 12)
        y = 800
        for line in text.split("\n"):
            canvas.drawString(72, y, line)
            y -= 16
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _rewrite(data: bytes, change: object) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    change(writer)  # type: ignore[operator]
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def encrypted(data: bytes, password: str) -> bytes:
    return _rewrite(
        data,
        lambda w: w.encrypt(user_password=password, owner_password="owner-" + password, algorithm="AES-256"),
    )


def owner_only(data: bytes) -> bytes:
    """Encrypted with an empty open password (only permissions are restricted)."""
    return _rewrite(data, lambda w: w.encrypt(user_password="", owner_password="owner", algorithm="AES-128"))


def with_javascript(data: bytes) -> bytes:
    def add(writer: PdfWriter) -> None:
        action = DictionaryObject(
            {
                NameObject("/S"): NameObject("/JavaScript"),
                NameObject("/JS"): TextStringObject("app.alert(1);"),
            }
        )
        writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _rewrite(data, add)


def with_launch(data: bytes) -> bytes:
    def add(writer: PdfWriter) -> None:
        action = DictionaryObject(
            {NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")}
        )
        writer.root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return _rewrite(data, add)


def with_attachment(data: bytes, name: str = "payload.exe") -> bytes:
    return _rewrite(data, lambda w: w.add_attachment(name, b"MZ not really a program"))


def no_pages() -> bytes:
    out = io.BytesIO()
    PdfWriter().write(out)
    return out.getvalue()
