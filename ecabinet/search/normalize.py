"""Diacritic-insensitive text for search: "Nghị định" and "nghi dinh" become the same tokens.

Index text and queries go through the same function, in Python, so SQLite and PostgreSQL match alike:
compatibility decomposition (NFKD: it also splits the "ﬁ" ligatures PDF text extraction often yields),
combining marks dropped, đ/Đ → d, lower case; tokens are runs of letters and digits, everything else
separates them. `spelling_pattern` goes the other way, for marking hits in the original text of a snippet.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

# Bump when the rules below change: versions indexed under an older scheme are indexed again.
SCHEME = 1

# Extremely long tokens (base64 blobs, hashes) are useless to search and bloat the index.
MAX_TOKEN = 64


@functools.cache
def fold_char(ch: str) -> str:
    """One character folded: "Ệ" → "e", "đ" → "d", "ﬁ" → "fi", a combining mark → ""."""
    if ch.isascii():
        return ch.lower()
    out = ch
    # Lower case and decomposition feed each other ("𝕬" decomposes to "A"; "İ" lowers to "i" + a mark):
    # repeat until nothing changes, so folding folded text changes nothing.
    for _ in range(4):
        decomposed = unicodedata.normalize("NFKD", out.lower())
        new = "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")
        if new == out:
            break
        out = new
    return out


class _Folding(dict[int, str]):
    """`fold_char` as a `str.translate` table, filled in as characters are met (translate runs in C).

    With `words_only`, whatever is not a letter or a digit after folding becomes a space, so that `split()`
    gives the runs of letters and digits — what the regex `[^\\W_]+` finds in the folded text — at C speed.
    """

    def __init__(self, words_only: bool) -> None:
        super().__init__()
        self.words_only = words_only

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        if self.words_only:
            folded = "".join(c if c.isalnum() else " " for c in folded)
        self[code] = folded
        return folded


_FOLD = _Folding(words_only=False)
_WORDS = _Folding(words_only=True)


def fold(text: str) -> str:
    """The folded form of `text`, character by character (same length relation as `fold_char`)."""
    return text.translate(_FOLD)


def tokens(text: str) -> list[str]:
    """The search tokens of `text`: "Nghị định 39/2022/NĐ-CP" → ["nghi", "dinh", "39", "2022", "nd", "cp"]."""
    words = text.translate(_WORDS).split()
    if words and max(map(len, words)) > MAX_TOKEN:  # rare: filter only then (the check runs in C)
        return [t for t in words if len(t) <= MAX_TOKEN]
    return words


def normalize(text: str) -> str:
    """Index form: the tokens separated by single spaces (the same for FTS5 and PostgreSQL's parser)."""
    return " ".join(tokens(text))


@functools.cache
def _spellings() -> dict[str, str]:
    """For each folded letter or digit, a regex class of the (precomposed) Latin characters that fold to it."""
    groups: dict[str, set[str]] = {}
    for cp in itertools.chain(range(0x30, 0x250), range(0x1E00, 0x1F00), range(0xFF10, 0xFF5B)):
        ch = chr(cp)
        folded = fold_char(ch)
        if len(folded) == 1 and folded.isalnum():
            groups.setdefault(folded, {folded}).add(ch)
    return {k: "[" + "".join(re.escape(c) for c in sorted(v)) + "]" for k, v in groups.items()}


def _both_cases(c: str) -> str:
    variants = sorted(v for v in {c, c.upper(), c.lower()} if len(v) == 1)
    return "[" + "".join(map(re.escape, variants)) + "]" if len(variants) > 1 else re.escape(c)


def spelling_pattern(token: str, prefix: bool = False) -> str:
    """A regex for the words of NFC text that fold to `token` ("dinh" matches "định", "ĐỊNH", …).

    With `prefix`, the words that start with such a spelling. Used to mark hits in snippets without folding
    whole pages in Python (stored page text is NFC, where every Vietnamese letter is one character).
    """
    classes = _spellings()
    letters = [classes.get(c) or _both_cases(c) for c in token]
    tail = "[^\\W_]*" if prefix else ""
    # The word-start check comes after the first letter, so that the regex starts with a character class
    # and `re` can skip quickly to the places where that letter occurs.
    return f"{letters[0]}(?<![^\\W_].){''.join(letters[1:])}{tail}(?![^\\W_])"
