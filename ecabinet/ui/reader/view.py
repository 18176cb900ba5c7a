"""QPdfView in continuous mode that shows a page where asked and keeps the reader's place on zoom and resize.

QPdfView calls "current" the page under a line at 40 % of the view's height, and leaves the scroll position
alone when the zoom or the window size changes, so the reader would land elsewhere. This view remembers the
place (page, and how far down it) and puts it back; it computes page positions the way QPdfView lays them out
(pages under each other, `pageSpacing` apart, inside `documentMargins`).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

CURRENT_LINE = 0.4  # QPdfView's: the page under this fraction of the height is the current one
HIT_LINE = 0.3  # a found word is shown this far down the view


class PageView(QPdfView):
    """The page being read is `current_page()` (0-based; `page_changed` tells): the one asked for with
    `show_page` until the reader scrolls, else the one under QPdfView's line, or the first or last page when
    scrolled to the very top or bottom (small pages would otherwise never be current there)."""

    page_changed = Signal(int)
    resized = Signal()  # the fitted zoom may have changed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPageMode(QPdfView.PageMode.MultiPage)
        self._tops: tuple[tuple[object, ...], list[int]] | None = None
        self._place: tuple[int, float] | None = None  # (page, fraction of its height at the current line)
        self._restoring = False  # scrolling to put the place back: it is still the same place
        self._target: int | None = None  # the page asked for, until the reader scrolls away
        self._current = -1
        self.pageNavigator().currentPageChanged.connect(lambda _page: self._update_current())

    def current_page(self) -> int:
        return max(0, self._current)

    def reset(self) -> None:
        """A document was (re)loaded: nothing asked for, no place to keep."""
        self._target, self._place, self._current = None, None, -1
        self._update_current()

    def _update_current(self) -> None:
        page = self._target if self._target is not None else self._page_in_view()
        if page != self._current:
            self._current = page
            self.page_changed.emit(page)

    def _page_in_view(self) -> int:
        tops = self.page_tops()
        count = len(tops) - 1
        if count < 1:
            return 0
        bar = self.verticalScrollBar()
        if bar.value() <= bar.minimum():
            return 0
        if bar.value() >= bar.maximum() and tops[count - 1] >= bar.value():
            return count - 1
        line = bar.value() + self.viewport().height() * CURRENT_LINE
        return next((p for p in range(count) if tops[p + 1] > line), count - 1)

    # --- layout, as QPdfView computes it ----------------------------------------------------------------

    def _ready(self) -> QPdfDocument | None:
        document = self.document()
        if document is None or document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
            return None
        return document

    def _page_height(self, document: QPdfDocument, page: int, resolution: float) -> int:
        mode, margins, viewport = self.zoomMode(), self.documentMargins(), self.viewport().size()
        if mode == QPdfView.ZoomMode.Custom:
            return (document.pagePointSize(page) * resolution * self.zoomFactor()).toSize().height()
        size = (document.pagePointSize(page) * resolution).toSize()
        if size.width() <= 0:
            return 0
        if mode == QPdfView.ZoomMode.FitToWidth:
            return (size * ((viewport.width() - margins.left() - margins.right()) / size.width())).height()
        room = QSize(
            viewport.width() - margins.left() - margins.right(), viewport.height() - self.pageSpacing()
        )
        return size.scaled(room, Qt.AspectRatioMode.KeepAspectRatio).height()

    def page_tops(self) -> list[int]:
        """The y of each page's top, and (last) of the end of the document."""
        document = self._ready()
        if document is None:
            return [0]
        resolution = QGuiApplication.primaryScreen().logicalDotsPerInch() / 72.0
        key = (
            id(document),
            document.pageCount(),
            self.zoomMode(),
            self.zoomFactor(),
            self.viewport().size(),
            self.documentMargins(),
            self.pageSpacing(),
            resolution,
        )
        if self._tops is None or self._tops[0] != key:
            y = self.documentMargins().top()
            tops = []
            for page in range(document.pageCount()):
                tops.append(y)
                y += self._page_height(document, page, resolution) + self.pageSpacing()
            tops.append(y)
            self._tops = (key, tops)
        return self._tops[1]

    def scale(self, page: int) -> float:
        """Pixels per PDF point on `page` at the present zoom."""
        document = self._ready()
        tops = self.page_tops()
        if document is None or not 0 <= page < len(tops) - 1:
            return 1.0
        points = document.pagePointSize(page).height()
        return (tops[page + 1] - tops[page] - self.pageSpacing()) / points if points > 0 else 1.0

    # --- moving -----------------------------------------------------------------------------------------

    def show_page(self, page: int, y_points: float | None = None) -> None:
        """Scroll so that `page` (0-based) is the current one: its top at the top of the view, or, with
        `y_points`, that spot of the page (a found word) a little below the top."""
        tops = self.page_tops()
        if not 0 <= page < len(tops) - 1:
            return
        top, height = tops[page], tops[page + 1] - tops[page] - self.pageSpacing()
        line = int(self.viewport().height() * CURRENT_LINE)
        document = self._ready()
        points = document.pagePointSize(page).height() if document is not None else 0.0
        if y_points is not None and not 0 <= y_points <= points:
            y_points = None  # no place on the page (a /Fit bookmark, say): its top
        if y_points is None:
            value = top
        else:
            value = int(top + y_points * self.scale(page) - self.viewport().height() * HIT_LINE)
        # The current line must fall on the page, or QPdfView would call another page current.
        value = max(top - line + 2, min(value, top + height - line - 2))
        self._restoring = True
        try:
            self.verticalScrollBar().setValue(max(0, value))
        finally:
            self._restoring = False
        self._target = page
        self._remember(force=True)
        self._update_current()

    def _remember(self, force: bool = False) -> None:
        tops = self.page_tops()
        if len(tops) < 2 or (self._restoring and not force):
            return
        line = self.verticalScrollBar().value() + self.viewport().height() * CURRENT_LINE
        page = next((p for p in range(len(tops) - 1) if tops[p + 1] > line), len(tops) - 2)
        height = max(1, tops[page + 1] - tops[page])
        self._place = (page, (line - tops[page]) / height)

    def _restore(self) -> None:
        if self._place is None or self._ready() is None:
            return
        page, fraction = self._place
        tops = self.page_tops()
        if page >= len(tops) - 1:
            return
        line = tops[page] + fraction * (tops[page + 1] - tops[page])
        self._restoring = True
        try:
            self.verticalScrollBar().setValue(max(0, int(line - self.viewport().height() * CURRENT_LINE)))
        finally:
            self._restoring = False
        self._update_current()

    def set_zoom(self, mode: QPdfView.ZoomMode, factor: float | None = None) -> None:
        """Change the zoom and stay at the same place of the same page."""
        self._restoring = True
        try:
            if factor is not None:
                self.setZoomFactor(factor)
            self.setZoomMode(mode)
        finally:
            self._restoring = False
        self._restore()
        self.resized.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        if not self._restoring:
            self._target = None  # the reader scrolled: the page is the one in view now
            self._remember()
            self._update_current()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._restoring = True
        try:
            super().resizeEvent(event)
        finally:
            self._restoring = False
        self._restore()
        self.resized.emit()
