"""Every modal question the UI asks, behind one object that tests replace with scripted answers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from ecabinet.ui import errors


class Prompts:
    """The real dialogs. Widgets ask through `context.prompts`, never by opening message boxes themselves.

    Button texts are our own translations: Qt ships no Vietnamese for its standard buttons.
    """

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
        yes = box.addButton(QCoreApplication.translate("Prompts", "&Yes"), QMessageBox.ButtonRole.YesRole)
        box.addButton(QCoreApplication.translate("Prompts", "&No"), QMessageBox.ButtonRole.NoRole)
        box.setDefaultButton(yes)
        box.exec()
        return box.clickedButton() is yes

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """The text typed, stripped; None when cancelled or left empty."""
        dialog = QInputDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(label)
        dialog.setTextValue(text)
        dialog.setTextEchoMode(QLineEdit.EchoMode.Normal)
        dialog.setOkButtonText(QCoreApplication.translate("Prompts", "OK"))
        dialog.setCancelButtonText(QCoreApplication.translate("Prompts", "Cancel"))
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        return dialog.textValue().strip() or None

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.NoButton, parent
        )
        box.setDefaultButton(
            box.addButton(QCoreApplication.translate("Prompts", "&Close"), QMessageBox.ButtonRole.AcceptRole)
        )
        box.exec()

    def error(self, parent: QWidget | None, text: str, details: str = "") -> None:
        errors.show_error(parent, text, details)
