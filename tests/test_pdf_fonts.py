"""The PDF font family: registration, face mapping for <b>/<i>, Vietnamese glyph coverage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ecabinet.pdf import fonts as F
from ecabinet.pdf.fonts import VIETNAMESE_LETTERS, FontSet, missing_glyphs, register_fonts


def test_register_fonts_is_cached_and_registers_four_truetype_faces() -> None:
    fonts = register_fonts()
    assert register_fonts() is fonts
    assert fonts.source in ("Times New Roman", "IBM Plex Serif")
    faces = [fonts.regular, fonts.bold, fonts.italic, fonts.bold_italic]
    assert len(set(faces)) == 4
    for name in faces:
        assert isinstance(pdfmetrics.getFont(name), TTFont)


def test_family_maps_bold_and_italic_to_the_right_faces() -> None:
    fonts = register_fonts()
    assert tt2ps(fonts.regular, 0, 0) == fonts.regular
    assert tt2ps(fonts.regular, 1, 0) == fonts.bold
    assert tt2ps(fonts.regular, 0, 1) == fonts.italic
    assert tt2ps(fonts.regular, 1, 1) == fonts.bold_italic


@pytest.mark.parametrize("face", ["regular", "bold", "italic", "bold_italic"])
def test_every_face_draws_every_vietnamese_letter(face: str) -> None:
    fonts = register_fonts()
    assert len(VIETNAMESE_LETTERS) == 2 * (12 * 6 + 1)  # 12 vowels x (no tone + 5 tones), plus đ; both cases
    assert missing_glyphs(VIETNAMESE_LETTERS, getattr(fonts, face)) == set()


def test_missing_glyphs_reports_what_the_font_lacks_and_ignores_whitespace() -> None:
    fonts = register_fonts()
    assert missing_glyphs("Chính phủ\t\n\u3000中文", fonts.regular) == {"中", "文"}
    # Decomposed input (e + combining marks) is checked as the precomposed letter it stands for.
    assert missing_glyphs("Vie\u0323\u0302t Nam", fonts.regular) == set()


def test_missing_glyphs_refuses_a_font_that_is_not_truetype() -> None:
    with pytest.raises(TypeError):
        missing_glyphs("abc", "Helvetica")


def _plex_file(style: str) -> Path:
    return F._plex_dir() / F._PLEX_FILES[style]


def test_times_new_roman_is_found_by_its_windows_file_names_in_any_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nested = tmp_path / "truetype" / "msttcorefonts"
    nested.mkdir(parents=True)
    for style, name in (("regular", "Times.TTF"), ("bold", "timesbd.ttf"), ("italic", "TIMESI.TTF")):
        shutil.copy(_plex_file(style), nested / name)
    monkeypatch.setattr(F, "_font_dirs", lambda: [tmp_path])
    assert F._find_times() is None  # three faces of four are not enough
    shutil.copy(_plex_file("bold_italic"), nested / "timesbi.ttf")
    found = F._find_times()
    assert found is not None
    assert {style: path.name for style, path in found.items()} == {
        "regular": "Times.TTF",
        "bold": "timesbd.ttf",
        "italic": "TIMESI.TTF",
        "bold_italic": "timesbi.ttf",
    }
    loaded = F._load("ProbeTimes", found)
    assert loaded is not None
    assert loaded["bold"].fontName == "ProbeTimes-Bold"


def test_a_font_without_vietnamese_letters_is_not_used(tmp_path: Path) -> None:
    # reportlab ships Vera, which has no "ệ": like an old Times New Roman, it must be passed over.
    import reportlab

    vera = Path(reportlab.__file__).parent / "fonts" / "Vera.ttf"
    if not vera.is_file():
        pytest.skip("reportlab's Vera.ttf is not installed")
    files = {style: vera for style in F._STYLES}
    assert F._load("ProbeVera", files) is None


def test_fontset_is_immutable() -> None:
    fonts = register_fonts()
    assert isinstance(fonts, FontSet)
    with pytest.raises(AttributeError):
        fonts.regular = "Helvetica"  # type: ignore[misc]
