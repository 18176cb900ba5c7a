"""Search hits as text for people: the snippet as safe HTML with the hits in bold, and what to find in the file."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ecabinet.search import HIT_END, HIT_START


def fragments_of(snippet: str) -> tuple[tuple[str, bool], ...]:
    """A marked snippet ("… vốn [[đầu]] [[tư]] …") as (text, is_hit) pieces; an unclosed marker is text."""
    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        start = rest.find(HIT_START)
        end = rest.find(HIT_END, start + len(HIT_START)) if start >= 0 else -1
        if start < 0 or end < 0:
            pieces.append((rest, False))
            break
        if start:
            pieces.append((rest[:start], False))
        pieces.append((rest[start + len(HIT_START) : end], True))
        rest = rest[end + len(HIT_END) :]
    return tuple((text, hit) for text, hit in pieces if text)


def snippet_html(fragments: Iterable[tuple[str, bool]], tag: str = "b") -> str:
    """Every piece escaped; only the hits are wrapped, in <b> (or `tag`). Nothing from the document can
    become markup."""
    return "".join(
        f"<{tag}>{html.escape(text)}</{tag}>" if hit else html.escape(text) for text, hit in fragments
    )


def find_text(fragments: Iterable[tuple[str, bool]], fallback: str = "") -> str:
    """What to look for in the PDF itself: the longest run of hits standing next to each other, as written.

    The index ignores diacritics ("dau tu cong" finds "đầu tư công"); the PDF's own find does not, so the
    words as the document spells them are what find needs.
    """
    best: list[str] = []
    run: list[str] = []
    gap = ""
    for text, hit in fragments:
        if hit:
            if run and gap:
                run.append(" ")
            run.append(text)
            gap = ""
            if len("".join(run)) > len("".join(best)):
                best = list(run)
        elif text.strip() or not run:
            run, gap = [], ""
        else:
            gap = text
    return "".join(best).strip() or fallback.strip()
