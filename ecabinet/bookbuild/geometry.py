"""Where a PDF page is seen: its visible box and /Rotate, as a size and a matrix for drawing upright on it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4

Matrix = tuple[float, float, float, float, float, float]


@dataclass(frozen=True)
class PageFrame:
    """A page as the reader sees it: `width` x `height` upright, whatever its box origin and rotation.

    `matrix` maps that upright space (origin at the bottom left of the visible page) into the page's own user
    space, so a stamp drawn upright at (x, y) shows upright at (x, y) in every viewer.
    """

    width: float
    height: float
    matrix: Matrix


def frame(left: float, bottom: float, right: float, top: float, rotate: int) -> PageFrame:
    """The frame of a visible box [left bottom right top] shown turned clockwise by `rotate` degrees."""
    x0, x1 = sorted((float(left), float(right)))
    y0, y1 = sorted((float(bottom), float(top)))
    w, h = x1 - x0, y1 - y0
    if w <= 0 or h <= 0:  # a degenerate box: stamp as if A4, rather than refuse the document
        x0, y0, (w, h) = 0.0, 0.0, A4
        x1, y1 = w, h
    rotate %= 360
    # Turning the page clockwise by 90° puts its bottom-right corner at the viewer's bottom left, its right
    # edge along the viewer's bottom, and so on round.
    if rotate == 90:
        return PageFrame(h, w, (0.0, 1.0, -1.0, 0.0, x1, y0))
    if rotate == 180:
        return PageFrame(w, h, (-1.0, 0.0, 0.0, -1.0, x1, y1))
    if rotate == 270:
        return PageFrame(h, w, (0.0, -1.0, 1.0, 0.0, x0, y1))
    return PageFrame(w, h, (1.0, 0.0, 0.0, 1.0, x0, y0))


def frame_of(page: Any) -> PageFrame:
    """The frame of a pypdf page: its crop box (the part viewers show; the media box when it has none)."""
    box = page.cropbox
    rotate = page.rotation
    if not isinstance(rotate, int) or rotate % 90:  # /Rotate must be a multiple of 90; treat junk as none
        rotate = 0
    return frame(box.left, box.bottom, box.right, box.top, rotate)
