"""Choosing files and folders for packages and key files, behind one object that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found and Path(found).is_dir() else Path.home()


class FileChooser:
    """The real file dialogs. Widgets of the sync screens ask through their `files` attribute."""

    def open_packages(self, parent: QWidget | None, folder: Path) -> list[Path]:
        names, _ = QFileDialog.getOpenFileNames(
            parent,
            QCoreApplication.translate("FileChooser", "Import sync packages"),
            str(folder),
            QCoreApplication.translate("FileChooser", "e-Cabinet sync packages (*.ecab);;All files (*)"),
        )
        return [Path(n) for n in names]

    def choose_folder(self, parent: QWidget | None, folder: Path) -> Path | None:
        name = QFileDialog.getExistingDirectory(
            parent, QCoreApplication.translate("FileChooser", "Folder for the packages"), str(folder)
        )
        return Path(name) if name else None

    def open_key_file(self, parent: QWidget | None, folder: Path) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("FileChooser", "Import a key file"),
            str(folder),
            QCoreApplication.translate("FileChooser", "e-Cabinet key files (*.key *.json);;All files (*)"),
        )
        return Path(name) if name else None

    def save_key_file(self, parent: QWidget | None, suggested: Path) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("FileChooser", "Save this installation's key file"),
            str(suggested),
            QCoreApplication.translate("FileChooser", "e-Cabinet key files (*.key)"),
        )
        return Path(name) if name else None
