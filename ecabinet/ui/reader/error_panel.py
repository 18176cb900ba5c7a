"""Shown in the reader instead of the pages when a file cannot be shown: what happened, in plain words."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

RED = "#b3261e"


class ErrorPanel(QWidget):
    """Shown instead of the pages when the file cannot be shown: what happened, in plain words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = ""
        self.icon = QLabel()
        self.icon.setPixmap(qta.icon("mdi6.alert-circle-outline", color=RED).pixmap(48, 48))
        self.heading = QLabel(objectName="sectionTitle", wordWrap=True)
        self.text = QLabel(objectName="readerErrorText", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy = QPushButton()
        self.copy.clicked.connect(self._copy)
        box = QVBoxLayout()
        box.addStretch(1)
        box.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.heading)
        box.addWidget(self.text)
        box.addWidget(self.copy, 0, Qt.AlignmentFlag.AlignLeft)
        box.addStretch(2)
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(box, 3)
        outer.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("This document cannot be shown"))
        self.copy.setText(self.tr("&Copy details"))
        self.copy.setToolTip(self.tr("Copy the message and its details, to send to IT support"))

    def show_error(self, text: str, details: str = "") -> None:
        self.text.setText(text)
        self.details = details
        self.copy.setVisible(bool(details))

    @Slot()
    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.text.text()}\n\n{self.details}".strip())
