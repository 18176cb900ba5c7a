"""Read the facts of a PDF that the database keeps: page count and outline (bookmarks)."""

from __future__ import annotations

import io
from typing import Any

from pypdf import PdfReader


def outline_of(reader: PdfReader) -> list[dict[str, Any]]:
    """The outline as nested [{"title", "page", "children"}] (page is 0-based; -1 when it has none)."""

    def walk(entries: list[Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for entry in entries:
            if isinstance(entry, list):
                if out:
                    out[-1]["children"].extend(walk(entry))
                else:
                    out.extend(walk(entry))
                continue
            try:
                page = reader.get_destination_page_number(entry)
            except Exception:  # a broken destination is not worth refusing a document for
                page = -1
            out.append(
                {"title": str(entry.title or ""), "page": page if page is not None else -1, "children": []}
            )
        return out

    try:
        return walk(reader.outline)
    except Exception:
        return []


def pdf_facts(data: bytes) -> tuple[int, list[dict[str, Any]]]:
    """(page count, outline) of a PDF already known to be sound."""
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), outline_of(reader)
