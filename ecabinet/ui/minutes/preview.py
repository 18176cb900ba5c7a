"""The preview of the minutes: the PDF as it would print, in the built-in viewer, updated on demand."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QStackedLayout, QWidget

from ecabinet.ui.minutes.printing import PdfBytes


class Preview(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.empty = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter, objectName="muted")
        self.pdf: PdfBytes | None = None
        self.data = b""
        self.stack = QStackedLayout(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.view)
        self.retranslate()

    def retranslate(self) -> None:
        self.empty.setText(self.tr("Press “Update preview” to see the minutes as they will print."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def page_count(self) -> int:
        return self.pdf.page_count if self.pdf and self.data else 0

    def show_pdf(self, data: bytes) -> None:
        old = self.pdf
        self.data = data
        self.pdf = PdfBytes(data)
        self.view.setDocument(self.pdf.document)
        self.stack.setCurrentWidget(self.view)
        if old is not None:
            old.close()

    def clear(self) -> None:
        # The view keeps its document until the next one replaces it (QPdfView warns on a null document).
        self.data = b""
        self.stack.setCurrentWidget(self.empty)
