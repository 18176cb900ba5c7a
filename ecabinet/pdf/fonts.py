"""A serif font family with full Vietnamese coverage, registered once with reportlab.

Decree 30/2020/NĐ-CP asks for Times New Roman; where it is not installed we embed IBM Plex Serif from the
``fontpkg-ibm-plex-serif`` package instead. Fonts are embedded as TrueType subsets, so a PDF opens the same
on a laptop without either font.
"""

from __future__ import annotations

import functools
import os
import sys
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

__all__ = ["VIETNAMESE_LETTERS", "FontNotFoundError", "FontSet", "missing_glyphs", "register_fonts"]

# Face file names by style, lower-cased: Windows' short names, and the long ones msttcorefonts also installs.
_TIMES_FILES = {
    "regular": ("times.ttf", "times_new_roman.ttf", "timesnewroman.ttf"),
    "bold": ("timesbd.ttf", "times_new_roman_bold.ttf", "timesnewromanbold.ttf"),
    "italic": ("timesi.ttf", "times_new_roman_italic.ttf", "timesnewromanitalic.ttf"),
    "bold_italic": ("timesbi.ttf", "times_new_roman_bold_italic.ttf", "timesnewromanbolditalic.ttf"),
}
_PLEX_FILES = {
    "regular": "IBMPlexSerif-Regular.ttf",
    "bold": "IBMPlexSerif-Bold.ttf",
    "italic": "IBMPlexSerif-Italic.ttf",
    "bold_italic": "IBMPlexSerif-BoldItalic.ttf",
}
_STYLES = ("regular", "bold", "italic", "bold_italic")
_SUFFIX = {"regular": "", "bold": "-Bold", "italic": "-Italic", "bold_italic": "-BoldItalic"}

_lock = threading.Lock()


class FontNotFoundError(RuntimeError):
    """Neither Times New Roman nor the bundled IBM Plex Serif could be found."""


@dataclass(frozen=True)
class FontSet:
    """reportlab names of the four faces of one family, and which family it is."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    source: str  # "Times New Roman" or "IBM Plex Serif"

    @property
    def family(self) -> str:
        return self.regular


def _font_dirs() -> list[Path]:
    dirs = [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        Path.home() / ".fonts",
        Path.home() / ".local/share/fonts",
        Path("/Library/Fonts"),
        Path.home() / "Library/Fonts",
    ]
    windir = os.environ.get("WINDIR")
    if windir:
        dirs.append(Path(windir) / "Fonts")
    if sys.platform == "win32":
        dirs.append(Path("C:/Windows/Fonts"))
        local = os.environ.get("LOCALAPPDATA")
        if local:
            dirs.append(Path(local) / "Microsoft/Windows/Fonts")
    return dirs


def _find_times() -> dict[str, Path] | None:
    """The four Times New Roman faces from the first directory tree that has them all."""
    wanted = {name: style for style, names in _TIMES_FILES.items() for name in names}
    for root in _font_dirs():
        if not root.is_dir():
            continue
        found: dict[str, Path] = {}
        for path in sorted(root.rglob("*")):
            style = wanted.get(path.name.lower())
            if style is not None and style not in found and path.is_file():
                found[style] = path
        if len(found) == len(_STYLES):
            return found
    return None


def _plex_dir() -> Path:
    try:
        import fontpkg_ibm_plex_serif
    except ImportError as exc:  # pragma: no cover - it is a declared dependency
        raise FontNotFoundError("install fontpkg-ibm-plex-serif or Times New Roman") from exc
    return Path(fontpkg_ibm_plex_serif.__file__).resolve().parent / "files"


def _find_plex() -> dict[str, Path]:
    root = _plex_dir()
    found = {style: root / name for style, name in _PLEX_FILES.items()}
    missing = [str(p) for p in found.values() if not p.is_file()]
    if missing:
        raise FontNotFoundError(f"IBM Plex Serif faces missing: {', '.join(missing)}")
    return found


def _vietnamese_letters() -> str:
    """Every letter of the Vietnamese alphabet, both cases, with each of the five tone marks."""
    vowels = "aăâeêioôơuưy"
    tones = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
    letters = [unicodedata.normalize("NFC", v + t) for v in vowels for t in tones] + ["đ"]
    text = "".join(letters)
    return text + text.upper()


VIETNAMESE_LETTERS = _vietnamese_letters()


def _load(family: str, files: dict[str, Path]) -> dict[str, TTFont] | None:
    """TTFont objects for the four faces, or None when one of them cannot draw Vietnamese."""
    fonts: dict[str, TTFont] = {}
    for style in _STYLES:
        name = family + _SUFFIX[style]
        try:
            font = TTFont(name, str(files[style]))
        except Exception:  # a damaged or unsupported font file: use the fallback
            return None
        cmap = font.face.charToGlyph
        if any(ord(ch) not in cmap for ch in VIETNAMESE_LETTERS):
            # Old Times New Roman releases (msttcorefonts 2.x) lack the precomposed Vietnamese letters.
            return None
        fonts[style] = font
    return fonts


def _register(family: str, fonts: dict[str, TTFont], source: str) -> FontSet:
    names = {style: fonts[style].fontName for style in _STYLES}
    registered = set(pdfmetrics.getRegisteredFontNames())
    for style in _STYLES:
        if names[style] not in registered:
            pdfmetrics.registerFont(fonts[style])
    # Maps the family and each face name to (bold, italic), so <b> and <i> in Paragraphs pick the right face.
    pdfmetrics.registerFontFamily(
        family,
        normal=names["regular"],
        bold=names["bold"],
        italic=names["italic"],
        boldItalic=names["bold_italic"],
    )
    return FontSet(source=source, **names)


@functools.cache
def _register_once() -> FontSet:
    times_files = _find_times()
    times = _load("TimesNewRoman", times_files) if times_files is not None else None
    if times is not None:
        return _register("TimesNewRoman", times, "Times New Roman")
    plex = _load("IBMPlexSerif", _find_plex())
    if plex is None:
        raise FontNotFoundError("IBM Plex Serif could not be loaded or lacks Vietnamese letters")
    return _register("IBMPlexSerif", plex, "IBM Plex Serif")


def register_fonts() -> FontSet:
    """Register the document family with reportlab (once per process) and return its face names."""
    with _lock:
        return _register_once()


def missing_glyphs(text: str, font_name: str) -> set[str]:
    """Characters of ``text`` (whitespace aside) that the registered TrueType font ``font_name`` cannot draw.

    The text is checked in NFC, the form our PDFs are written in; a precomposed Vietnamese letter such as
    "ệ" must be in the font itself, since reportlab does not compose combining marks.
    """
    font = pdfmetrics.getFont(font_name)
    if not isinstance(font, TTFont):
        raise TypeError(f"{font_name!r} is not a TrueType font")
    cmap = font.face.charToGlyph
    return {ch for ch in unicodedata.normalize("NFC", text) if not ch.isspace() and ord(ch) not in cmap}
