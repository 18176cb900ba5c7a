"""Reading a PDF's text page by page with PDFium (pypdfium2): for the search index, and as the check at import
that every page can be read the way the reader (QtPdf, also PDFium) will read it.

PDFium is C: loading a page and its text takes 0.5 to 1 ms, about what `pdftotext` needs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pypdfium2 as pdfium

# PDFium may be called from one thread at a time only, even for different documents (pypdfium2's docs): an
# import and the background indexing may run side by side.
PDFIUM_LOCK = threading.Lock()

# What PDFium puts where a word was hyphenated at the end of a line (and for characters it cannot map):
# shown as the hyphen it was; either way not part of a word for the index. Replaced one by one: `translate`
# with a table costs 0.2 ms a page of Vietnamese (a lookup that fails for nearly every character).
_MARKERS = (("\x00", ""), ("\x02", "-"), ("\ufffe", "-"), ("\r\n", "\n"))


class TextCancelled(Exception):
    """`cancelled()` said so between two pages."""


class PageUnreadable(Exception):
    """PDFium could not load a page, or its text (raised only when reading strictly; else the page is counted)."""

    def __init__(self, number: int, reason: str) -> None:
        super().__init__(f"page {number}: {reason}")
        self.number = number


@dataclass(frozen=True)
class PdfText:
    pages: tuple[str, ...]  # every page's text, in page order ("" for a page without text or that failed)
    failed: int = 0  # pages whose text could not be read (only when not strict)


def read_text(data: bytes, cancelled: Callable[[], bool] | None = None, strict: bool = False) -> PdfText:
    """The text of every page of `data`, in content order (all of it, not only what lies in the page box).

    Raises ValueError when PDFium cannot open the file, `TextCancelled` when `cancelled()` returns true
    between pages, and — when `strict` — `PageUnreadable` for the first page PDFium cannot read (else such a
    page is counted in `failed` and the others are read).
    """
    import pypdfium2 as pdfium  # here: loading PDFium takes 50 ms, which the app's start need not wait for

    pages: list[str] = []
    failed = 0
    with PDFIUM_LOCK:
        try:
            # Files are stored decrypted; older ones may be encrypted with an empty open password, which
            # PDFium tries by itself.
            document = pdfium.PdfDocument(data)
        except Exception as exc:
            raise ValueError(" ".join(str(exc).split())[:150] or type(exc).__name__) from exc
        try:
            for index in range(len(document)):
                if cancelled is not None and cancelled():
                    raise TextCancelled
                try:
                    pages.append(_page_text(document, index))
                except Exception as exc:
                    if strict:
                        reason = " ".join(str(exc).split())[:150] or type(exc).__name__
                        raise PageUnreadable(index + 1, f"PDFium: {reason}") from exc
                    failed += 1
                    pages.append("")
        finally:
            document.close()
    return PdfText(tuple(pages), failed)


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    """The text of one page, in content order (all of it, not only what lies in the page box)."""
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    for marker, shown in _MARKERS:
        if marker in text:
            text = text.replace(marker, shown)
    return text
