"""The one place where failures become text for people: domain errors in their language, the rest with details."""

from __future__ import annotations

import traceback

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ecabinet.errors import DomainError


def describe(exc: BaseException, lang: str) -> tuple[str, str]:
    """(text, details): a domain error's own message, or a plain sentence and the traceback for a bug."""
    if isinstance(exc, DomainError):
        params = ", ".join(f"{k}={v}" for k, v in exc.params.items())
        return exc.message(lang), f"{type(exc).__name__} [{exc.code}] {params}\n\n{exc.message('en')}"
    text = QCoreApplication.translate(
        "ErrorDisplay",
        "Something went wrong that e-Cabinet did not expect, and the action was not completed. "
        "Copy the details and send them to the secretariat's IT support.",
    )
    return text, "".join(traceback.format_exception(exc)).strip()


def show_error(parent: QWidget | None, text: str, details: str = "") -> None:
    """A warning with plain text, the details folded away, and a button that copies both."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ErrorDisplay", "e-Cabinet"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if details:
        box.setDetailedText(details)
    copy = box.addButton(
        QCoreApplication.translate("ErrorDisplay", "&Copy details"), QMessageBox.ButtonRole.ActionRole
    )
    copy.setToolTip(
        QCoreApplication.translate("ErrorDisplay", "Copy the message and its details to the clipboard")
    )
    close = box.addButton(
        QCoreApplication.translate("ErrorDisplay", "&Close"), QMessageBox.ButtonRole.RejectRole
    )
    box.setDefaultButton(close)
    box.setEscapeButton(close)
    box.exec()
    if box.clickedButton() is copy:
        QGuiApplication.clipboard().setText(f"{text}\n\n{details}".strip())
