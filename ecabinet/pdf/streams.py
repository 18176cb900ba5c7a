"""Checking every page's content streams at import, at C speed for the filters almost every PDF uses.

A content stream whose compressed data is broken shows as a blank or half-drawn page in every reader: PDFium
(the reader's engine) and pypdf both decode what they can and carry on without a word. So Flate data must
inflate without an error, and its Adler-32 checksum must match. A stream that inflates cleanly but whose
checksum is wrong or missing, or that ends early, may be damaged or only carelessly written (viewers read
such files, so some producers never noticed): only for those, pypdf parses the decoded operators, as the
check before this one did for every page (3 ms a page in Python), and refuses the stream if they do not
parse. ASCII85 (reportlab's default; pypdf decodes it byte by byte in Python, 0.5 ms a page) is decoded here
on whole-number arithmetic. Other filters, or any decoding parameters, go to pypdf's own decoder and parser.
"""

from __future__ import annotations

import base64
import zlib
from typing import Any

from pypdf import PageObject
from pypdf.filters import ASCII85Decode
from pypdf.generic import ArrayObject, ContentStream, DecodedStreamObject, NullObject, StreamObject

# PDF white space (ISO 32000-1, 7.2.2), as pypdf's ASCII85 decoder skips it.
_WHITESPACE = b"\x00\t\n\x0c\r "
_A85_DIGITS = bytes(range(ord("!"), ord("u") + 1))
_A85_VALUES = bytes.maketrans(_A85_DIGITS, bytes(range(85)))
_FLATE = ("/FlateDecode", "/Fl")
_A85 = ("/ASCII85Decode", "/A85")
# A content stream inflating to more than this is not checked here; pypdf applies its own limit (75 MB).
_MAX_OUTPUT = 50_000_000


class StreamDamaged(ValueError):
    """A content stream's compressed data cannot be decoded."""


def check_page_contents(page: PageObject) -> None:
    """Decode each content stream of `page`; raise (`StreamDamaged`, or pypdf's errors) when one is broken."""
    contents = page.get("/Contents")
    if contents is None or isinstance(contents, NullObject):
        return
    resolved = contents.get_object()
    streams = resolved if isinstance(resolved, ArrayObject) else [resolved]
    for number, entry in enumerate(streams, 1):
        stream = entry.get_object()
        if isinstance(stream, StreamObject) and not isinstance(stream, DecodedStreamObject):
            try:
                if not decodes_soundly(stream):
                    _parse_operators(stream, page.pdf)
            except StreamDamaged as exc:
                where = f"content stream {number}" if len(streams) > 1 else "content stream"
                raise StreamDamaged(f"{where}: {exc}") from exc


def decodes_soundly(stream: StreamObject) -> bool:
    """True: `stream` decodes and its checksums match. False: it decodes, but whether it is whole only its
    operators can tell (another filter, a checksum wrong or missing, an early end). Raises `StreamDamaged`
    (or pypdf's errors) when it does not decode."""
    filters: Any = stream.get("/Filter")
    filters = filters.get_object() if filters is not None else ()
    if not isinstance(filters, ArrayObject):
        filters = (filters,)
    params = stream.get("/DecodeParms")
    if any(name not in _FLATE + _A85 for name in filters) or (
        params is not None and not isinstance(params.get_object(), NullObject)
    ):
        return False  # LZW, predictors and the like, rare in content streams
    data: bytes = stream._data  # the encoded bytes as stored (pypdf keeps them there)
    sound = True
    for name in filters:
        if not data:
            return sound
        if name in _A85:
            decoded = a85decode(data)
            data = decoded if decoded is not None else ASCII85Decode.decode(data)
        else:
            data, sound = inflate(data)
    return sound


def inflate(data: bytes) -> tuple[bytes, bool]:
    """(Flate data decoded, whether it ended with a matching checksum); `StreamDamaged` when it is broken."""
    if len(data) < 2 or (data[0] & 0x0F) != 8 or (data[0] << 8 | data[1]) % 31:
        raise StreamDamaged("the compressed data has no valid zlib header")
    decompressor = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate: the checksum is compared below
    try:
        out = decompressor.decompress(data[2:], _MAX_OUTPUT)
    except zlib.error as exc:
        raise StreamDamaged(f"the compressed data is broken ({exc})") from exc
    checksum = zlib.adler32(out).to_bytes(4, "big")
    return out, decompressor.eof and decompressor.unused_data[:4] == checksum


def _parse_operators(stream: StreamObject, pdf: Any) -> None:
    """pypdf's decoder (with its repairs) and parser on one stream; raises what they raise."""
    content = ContentStream(stream, pdf)
    content.forced_encoding = "bytes"  # the strings as bytes: the parse is the same, without decoding text
    _ = content.operations


def a85decode(data: bytes) -> bytes | None:
    """ASCII85 data decoded as pypdf does it (`base64.a85decode(adobe=True)`), or None when unsure.

    The whole groups are decoded at once: digit k of every group goes into the low byte of its own 8-byte
    lane of one big integer, and five multiply-adds give every group's value in its lane (a value never
    reaches 2**33, so lanes never carry into each other). The upper half of each lane must come out zero,
    else a group overflowed. None for anything unusual — a missing end marker, a stray character, a "z"
    inside a group, an overflow — so that pypdf's decoder gives the verdict.
    """
    data = data.strip(_WHITESPACE)
    if data.endswith(b">"):
        data = data[:-1].rstrip(_WHITESPACE) + b">"
    if not data.endswith(b"~>"):
        return None
    body = data[2:-2] if data.startswith(b"<~") else data[:-2]
    body = body.translate(None, _WHITESPACE)
    if body.translate(None, _A85_DIGITS + b"z"):
        return None
    if b"z" in body:  # four zero bytes, allowed only between groups
        parts = body.split(b"z")
        if any(len(part) % 5 for part in parts[:-1]):
            return None
        body = b"!!!!!".join(parts)
    whole = len(body) - len(body) % 5
    groups = whole // 5
    digits = body[:whole].translate(_A85_VALUES)
    lanes = bytearray(8 * groups)
    value = 0
    for k in range(5):
        lanes[7::8] = digits[k::5]
        value = value * 85 + int.from_bytes(lanes, "big")
    words = memoryview(value.to_bytes(8 * groups, "big")).cast("I")  # 4-byte units, bytes kept in order
    if words[0::2].tobytes().count(0) != 4 * groups:
        return None
    tail = body[whole:]
    try:
        end = base64.a85decode(tail) if tail else b""
    except ValueError:
        return None
    return words[1::2].tobytes() + end
