"""The rich text of the minutes: a small, safe HTML subset, stored canonical and printable by reportlab.

What is kept: paragraphs (`<p>`), bullet and numbered lists (`<ul>`/`<ol>` of `<li>`, one level), line breaks
(`<br/>`), and bold, italics and underline (`<b>`, `<i>`, `<u>`). Anything else is dropped — unknown tags
and every attribute (the text inside them stays), and the content of `<script>`, `<style>`, `<head>`. Qt's
`QTextEdit.toHtml()` marks bold and italics with `<span style="font-weight:700; font-style:italic">`; those
two style properties (and `text-decoration: underline`) are understood, every other style is ignored.

The canonical form is what the database stores: `<p>…</p>` and `<ul><li>…</li></ul>` at the top, inside
them the text escaped and the formats always nested in the order b, i, u. Its inline markup is exactly the
markup reportlab's `Paragraph` takes, so printing never feeds arbitrary HTML to reportlab.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser

__all__ = ["MAX_LENGTH", "Block", "from_plain", "is_empty", "parse", "sanitize", "to_plain"]

MAX_LENGTH = 200_000  # characters of markup; a discussion summary is a few thousand

_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table"}
_SKIP_TAGS = {"script", "style", "head", "title", "template", "object", "iframe", "noscript"}
_INLINE = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u", "ins": "u"}
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Run:
    text: str  # may hold "\n" for a line break
    bold: bool = False
    italic: bool = False
    underline: bool = False


@dataclass
class Block:
    """A paragraph (`list_kind` None) or one list item (`list_kind` "ul" or "ol")."""

    runs: list[Run] = field(default_factory=list)
    list_kind: str | None = None

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    def markup(self) -> str:
        """The inline markup of the block: escaped text in <b>, <i>, <u>, line breaks as <br/>."""
        out = []
        for run in _merge(self.runs):
            text = escape(run.text, quote=False).replace("\n", "<br/>")
            for tag, on in (("u", run.underline), ("i", run.italic), ("b", run.bold)):
                if on:
                    text = f"<{tag}>{text}</{tag}>"
            out.append(text)
        return "".join(out)


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        last = merged[-1] if merged else None
        if last and (last.bold, last.italic, last.underline) == (run.bold, run.italic, run.underline):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.underline)
        else:
            merged.append(run)
    return merged


def _style_formats(style: str) -> set[str]:
    formats = set()
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "font-weight" and (value in ("bold", "bolder") or (value.isdigit() and int(value) >= 600)):
            formats.add("b")
        elif name == "font-style" and value in ("italic", "oblique"):
            formats.add("i")
        elif name == "text-decoration" and "underline" in value:
            formats.add("u")
    return formats


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._current: Block | None = None
        self._inline: list[tuple[str, set[str]]] = []  # open inline tags and the formats each one adds
        self._lists: list[str] = []
        self._skip = 0

    # formats in force
    def _formats(self) -> set[str]:
        return set().union(*(f for _t, f in self._inline)) if self._inline else set()

    def _block(self) -> Block:
        if self._current is None:
            self._current = Block(list_kind=self._lists[-1] if self._lists else None)
            self.blocks.append(self._current)
        return self._current

    def _end_block(self) -> None:
        self._current = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in ("ul", "ol"):
            self._end_block()
            self._lists.append(tag)
        elif tag == "li":
            self._end_block()
            if not self._lists:
                self._lists.append("ul")  # a stray <li>: a bullet
            self._block()
        elif tag in _BLOCK_TAGS:
            self._end_block()
        elif tag == "br":
            self._block().runs.append(Run("\n"))
        else:
            formats = {_INLINE[tag]} if tag in _INLINE else set()
            style = dict(attrs).get("style") or ""
            formats |= _style_formats(style)
            self._inline.append((tag, formats))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br" and not self._skip:
            self._block().runs.append(Run("\n"))

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
            return
        if self._skip:
            return
        if tag in ("ul", "ol"):
            self._end_block()
            if tag in self._lists:
                del self._lists[len(self._lists) - 1 - self._lists[::-1].index(tag) :]
        elif tag == "li" or tag in _BLOCK_TAGS:
            self._end_block()
        else:
            for n in range(len(self._inline) - 1, -1, -1):  # close the innermost matching tag
                if self._inline[n][0] == tag:
                    del self._inline[n:]
                    break

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        text = _SPACE.sub(" ", data)
        if not text.strip() and self._current is None:
            return  # whitespace between blocks
        formats = self._formats()
        self._block().runs.append(Run(text, "b" in formats, "i" in formats, "u" in formats))


def _tidy(block: Block) -> Block:
    """Collapse spaces across runs, trim the ends of the block and of each line."""
    runs: list[Run] = []
    previous_space = True  # at the start: drop leading spaces
    for run in block.runs:
        text = unicodedata.normalize("NFC", run.text)
        text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
        text = text.replace("\t", " ")
        out: list[str] = []
        for ch in text:
            if ch == " ":
                if previous_space:
                    continue
                previous_space = True
            elif ch == "\n":
                if out and out[-1] == " ":
                    out.pop()
                elif not out and runs and runs[-1].text.endswith(" "):
                    last = runs[-1]
                    runs[-1] = Run(last.text[:-1], last.bold, last.italic, last.underline)
                previous_space = True
            else:
                previous_space = False
            out.append(ch)
        runs.append(Run("".join(out), run.bold, run.italic, run.underline))
    # trailing spaces and line breaks at the end of the block
    while runs and (not runs[-1].text or runs[-1].text[-1] in " \n"):
        last = runs[-1]
        stripped = last.text.rstrip(" \n")
        if stripped:
            runs[-1] = Run(stripped, last.bold, last.italic, last.underline)
            break
        runs.pop()
    return Block(_merge(runs), block.list_kind)


def parse(html: str) -> list[Block]:
    """The blocks of rich text (any HTML; unknown markup is dropped), empty blocks left out."""
    if not html:
        return []
    parser = _Parser()
    parser.feed(html)
    parser.close()
    blocks = [_tidy(b) for b in parser.blocks]
    return [b for b in blocks if b.text.strip()]


def _serialize(blocks: list[Block]) -> str:
    out: list[str] = []
    open_list: str | None = None
    for block in blocks:
        if block.list_kind != open_list:
            if open_list:
                out.append(f"</{open_list}>")
            if block.list_kind:
                out.append(f"<{block.list_kind}>")
            open_list = block.list_kind
        tag = "li" if block.list_kind else "p"
        out.append(f"<{tag}>{block.markup()}</{tag}>")
    if open_list:
        out.append(f"</{open_list}>")
    return "".join(out)


def sanitize(html: str) -> str:
    """The canonical, safe form of rich text; "" when it holds no text."""
    return _serialize(parse(html))


def from_plain(text: str) -> str:
    """Plain text as rich text: a paragraph per line; lines starting "- " or "* " make a bullet list."""
    blocks = []
    for line in unicodedata.normalize("NFC", text).splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if stripped[:2] in ("- ", "* ", "• "):
            blocks.append(Block([Run(stripped[2:].strip())], "ul"))
        else:
            blocks.append(Block([Run(stripped)]))
    return _serialize([_tidy(b) for b in blocks if b.text.strip()])


def to_plain(html: str) -> str:
    """Rich text as plain lines (lists with "- " or "1. "), for search, the CLI and tooltips."""
    lines = []
    number = 0
    for block in parse(html):
        if block.list_kind == "ol":
            number += 1
            lines.append(f"{number}. {block.text}")
            continue
        number = 0
        lines.append(f"- {block.text}" if block.list_kind == "ul" else block.text)
    return "\n".join(lines)


def is_empty(html: str) -> bool:
    return not parse(html)
