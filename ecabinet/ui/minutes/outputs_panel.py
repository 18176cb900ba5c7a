"""The printed outputs of a session, each with Print… and Save as PDF…: the minutes, the resolution, the
notice of conclusions, the attendance sheet, and the opinion summary or vote certificate chosen in a list.

The PDF is made in a worker; the print dialog and the file dialog are the only parts on the main thread.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QEvent, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QLabel, QPushButton, QWidget

from ecabinet.minutes.outputs import OutputKind, OutputTargets, PrintedOutput, produce
from ecabinet.storage.atomic import atomic_write
from ecabinet.ui.context import AppContext
from ecabinet.ui.minutes.printing import ask_printer, print_pdf

NAVY = "#1f3a60"
ORDER = (
    OutputKind.MINUTES,
    OutputKind.RESOLUTION,
    OutputKind.CONCLUSIONS,
    OutputKind.ATTENDANCE,
    OutputKind.BALLOT,
    OutputKind.VOTE,
)


def save_dialog(parent: QWidget | None, title: str, suggested: str) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, "PDF (*.pdf)")
    return path or None


class OutputsPanel(QWidget):
    printed = Signal(object, int)  # OutputKind, pages
    saved = Signal(object, str)  # OutputKind, path

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session_id: uuid.UUID | None = None
        # Injected for tests: the dialogs that choose a printer and a file.
        self.choose_printer: Callable[[QWidget | None, str], QPrinter | None] = ask_printer
        self.choose_path: Callable[[QWidget | None, str, str], str | None] = save_dialog
        self.labels: dict[OutputKind, QLabel] = {}
        self.print_buttons: dict[OutputKind, QPushButton] = {}
        self.save_buttons: dict[OutputKind, QPushButton] = {}
        self.targets: dict[OutputKind, QComboBox] = {
            OutputKind.BALLOT: QComboBox(),
            OutputKind.VOTE: QComboBox(),
        }
        self.heading = QLabel(objectName="sectionTitle")
        grid = QGridLayout(self)
        grid.addWidget(self.heading, 0, 0, 1, 4)
        for row, kind in enumerate(ORDER, 1):
            label = QLabel()
            self.labels[kind] = label
            grid.addWidget(label, row, 0)
            if kind in self.targets:
                label.setBuddy(self.targets[kind])
                grid.addWidget(self.targets[kind], row, 1)
            printer = QPushButton(qta.icon("mdi6.printer-outline", color=NAVY), "")
            saver = QPushButton(qta.icon("mdi6.file-pdf-box", color=NAVY), "")
            printer.clicked.connect(lambda _=False, k=kind: self.print_output(k))
            saver.clicked.connect(lambda _=False, k=kind: self.save_output(k))
            self.print_buttons[kind], self.save_buttons[kind] = printer, saver
            grid.addWidget(printer, row, 2)
            grid.addWidget(saver, row, 3)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(len(ORDER) + 1, 1)
        self.retranslate()
        self.set_session(None, None)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Printed outputs"))
        for kind, text in (
            (OutputKind.MINUTES, self.tr("Minutes")),
            (OutputKind.RESOLUTION, self.tr("Session resolution")),
            (OutputKind.CONCLUSIONS, self.tr("Notice of conclusions")),
            (OutputKind.ATTENDANCE, self.tr("Attendance sheet")),
            (OutputKind.BALLOT, self.tr("Opinion summary of a &ballot:")),
            (OutputKind.VOTE, self.tr("Result of a &vote:")),
        ):
            self.labels[kind].setText(text)
        for button in self.print_buttons.values():
            button.setText(self.tr("Print…"))
            button.setToolTip(self.tr("Choose a printer and print this document"))
        for button in self.save_buttons.values():
            button.setText(self.tr("Save as PDF…"))
            button.setToolTip(self.tr("Write this document to a PDF file"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_session(self, session_id: uuid.UUID | None, targets: OutputTargets | None) -> None:
        self.session_id = session_id
        for kind, combo in self.targets.items():
            combo.clear()
            rows = () if targets is None else targets.ballots if kind is OutputKind.BALLOT else targets.votes
            for ref, label in rows:
                combo.addItem(label, str(ref))
        for kind in ORDER:
            enabled = session_id is not None and (kind not in self.targets or self.targets[kind].count() > 0)
            self.print_buttons[kind].setEnabled(enabled)
            self.save_buttons[kind].setEnabled(enabled)

    def _ref(self, kind: OutputKind) -> uuid.UUID | None:
        if kind in self.targets:
            data = self.targets[kind].currentData()
            return uuid.UUID(data) if data else None
        return self.session_id

    def _produce(
        self, kind: OutputKind, then: Callable[[PrintedOutput], None], write_to: str | None = None
    ) -> None:
        actor, ref = self.context.actor, self._ref(kind)
        if actor is None or ref is None:
            return
        blobs = self.context.database.blobs

        def body(s: Any) -> PrintedOutput:
            out = produce(s, actor, blobs, kind, ref)
            if write_to is not None:
                atomic_write(Path(write_to), out.data)
            return out

        self.context.runner.query(body).success(then).run_in_background()

    def print_output(self, kind: OutputKind) -> None:
        def ready(out: PrintedOutput) -> None:
            printer = self.choose_printer(self.window(), out.title)
            if printer is not None:
                self.printed.emit(kind, print_pdf(out.data, printer))

        self._produce(kind, ready)

    def save_output(self, kind: OutputKind) -> None:
        """Ask where first (the name the document suggests), then make and write the PDF in the worker."""
        title = self.labels[kind].text().replace("&", "").rstrip(":")
        path = self.choose_path(self.window(), self.tr("Save as PDF"), f"{title}.pdf")
        if not path:
            return
        self._produce(kind, lambda _out: self.saved.emit(kind, path), write_to=path)
