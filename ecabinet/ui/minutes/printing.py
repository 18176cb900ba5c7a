"""Printing a PDF: the system's print dialog, then each page rendered with QtPdf into the printer's painter."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

MAX_DPI = 300  # enough for text on paper; a 1200 dpi A4 page would be half a gigabyte of pixels


class PdfBytes:
    """A QPdfDocument over bytes in memory (the buffer must live as long as the document)."""

    def __init__(self, data: bytes) -> None:
        self.buffer = QBuffer()
        self.buffer.setData(QByteArray(data))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument()
        self.document.load(self.buffer)

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def close(self) -> None:
        self.document.close()
        self.buffer.close()


def print_pdf(data: bytes, printer: QPrinter) -> int:
    """Print every page (or the range chosen in the dialog) fitted to the paper; returns the pages printed."""
    pdf = PdfBytes(data)
    try:
        count = pdf.page_count
        first, last = 1, count
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = printer.fromPage(), min(printer.toPage() or count, count)
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        printed = 0
        try:
            dpi = min(printer.resolution(), MAX_DPI)
            for number in range(first - 1, last):
                if printed:
                    printer.newPage()
                points = pdf.document.pagePointSize(number)
                pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = pdf.document.render(number, pixels)
                area = painter.viewport()
                target = QSize(pixels).scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(QRect(area.x(), area.y(), target.width(), target.height()))
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(area)
                painter.setWindow(QRect(0, 0, area.width(), area.height()))
                printed += 1
        finally:
            painter.end()
        return printed
    finally:
        pdf.close()


def ask_printer(parent: QWidget | None, title: str) -> QPrinter | None:
    """The system's print dialog; the printer it set up, or None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(title)
    if dialog.exec() != QPrintDialog.DialogCode.Accepted:
        return None
    return printer
