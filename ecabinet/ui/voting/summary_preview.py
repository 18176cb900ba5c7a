"""Báo cáo tổng hợp ý kiến as it prints (issue #5's report): a preview, then print or save it as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QVBoxLayout, QWidget

from ecabinet.minutes.outputs import PrintedOutput
from ecabinet.storage.atomic import atomic_write
from ecabinet.ui.context import AppContext
from ecabinet.ui.minutes.printing import PdfBytes, ask_printer, print_pdf


class SummaryPreview(QDialog):
    """The PDF the report renderer made, in the built-in viewer, with Print and Save."""

    def __init__(self, context: AppContext, output: PrintedOutput, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryPreview")
        self.context = context
        self.output = output
        self.pdf = PdfBytes(output.data)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.pdf.document)
        self.buttons = QDialogButtonBox()
        self.print_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.print_button.setDefault(True)
        self.print_action = QAction(self)
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        for action in (self.print_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 100, metrics.height() * 48)
        self.print_button.clicked.connect(self.print_action.trigger)
        self.save_button.clicked.connect(self.save_action.trigger)
        self.print_action.triggered.connect(self.print_)
        self.save_action.triggered.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.finished.connect(lambda _r: self.pdf.close())
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print preview — {title}").format(title=self.output.title))
        self.print_button.setText(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print the summary (Ctrl+P)"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.save_button.setToolTip(self.tr("Save the summary as a PDF file (Ctrl+S)"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setToolTip(self.tr("Close the preview (Esc)"))

    @property
    def page_count(self) -> int:
        return self.pdf.page_count

    @Slot()
    def print_(self) -> None:
        printer = ask_printer(self, self.output.title)
        if printer is not None:
            print_pdf(self.output.data, printer)

    @Slot()
    def save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.output.filename, self.tr("PDF documents (*.pdf)")
        )
        if path:
            atomic_write(Path(path), self.output.data)  # a report of a few pages: no need for a worker
