"""Build board book…: choose the reader and the file, build in the background with progress and Cancel, open it."""

from __future__ import annotations

import re
import uuid
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.agenda.sessions import SessionDetail, get_session
from ecabinet.bookbuild import BoardBookResult, build_board_book
from ecabinet.model import InviteRole
from ecabinet.services.actor import Actor, Permission
from ecabinet.ui.context import AppContext
from ecabinet.ui.reader import open_file
from ecabinet.ui.reader.options import BOOK_FOLDER

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def safe_file_name(name: str, limit: int = 150) -> str:
    """A file name every desktop accepts: no path separators or reserved characters, not too long."""
    cleaned = " ".join(_UNSAFE.sub("-", name).split()).strip(" .-")
    return cleaned[:limit].rstrip(" .-") or "board-book"


def reader_choices(detail: SessionDetail, actor: Actor) -> list[tuple[uuid.UUID, str, InviteRole | None]]:
    """Whose book may be built: the secretariat prints one for anyone invited; a member builds their own.

    (The service decides; this only offers what it would accept.)
    """
    if actor.can(Permission.MANAGE_SESSIONS):
        invited = [(member_id, name, role) for member_id, name, role in detail.invited]
        return sorted(invited, key=lambda row: row[2] is InviteRole.GUEST)  # members first, in their order
    return [(actor.member_id, actor.name, None)]


class BookBuildDialog(QDialog):
    def __init__(self, context: AppContext, session_id: uuid.UUID, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = context.actor
        self.session_id = session_id
        self.detail: SessionDetail | None = None
        self.book: BoardBookResult | None = None  # the last one built
        self._path_edited = False  # the user typed or chose a file: leave their name alone

        self.session_label = QLabel(objectName="sectionTitle", wordWrap=True)
        self.reader = QComboBox(objectName="bookReader")
        self.reader_label = QLabel()
        self.reader_label.setBuddy(self.reader)
        self.path = QLineEdit(objectName="bookPath")
        self.path_label = QLabel()
        self.path_label.setBuddy(self.path)
        self.browse = QPushButton()
        self.note = QLabel(objectName="muted", wordWrap=True)
        self.status = QLabel(objectName="bookStatus", wordWrap=True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox()
        self.build_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        # Enter builds, wherever the focus is: the other buttons never take the default role.
        self.build_button.setDefault(True)
        self.build_button.setEnabled(False)
        for button in (self.browse, self.close_button):
            button.setAutoDefault(False)

        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        form.addRow(self.reader_label, self.reader)
        form.addRow(self.path_label, path_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.session_label)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.reader, self.path)
        self.setTabOrder(self.path, self.browse)

        self.reader.currentIndexChanged.connect(self._reader_changed)
        self.path.textEdited.connect(self._path_typed)
        self.browse.clicked.connect(self.choose_file)
        self.buttons.accepted.connect(self.build)
        self.buttons.rejected.connect(self.reject)
        self.retranslate()
        self.resize(self.fontMetrics().averageCharWidth() * 110, self.sizeHint().height())
        self._load()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Build board book"))
        self.reader_label.setText(self.tr("&Reader:"))
        self.reader.setToolTip(
            self.tr(
                "Whose book: it holds the documents this person may see, classified ones marked with their name"
            )
        )
        self.path_label.setText(self.tr("&Save as:"))
        self.path.setToolTip(
            self.tr("The PDF file to write; an existing file is replaced only when you agree")
        )
        self.browse.setText(self.tr("&Browse…"))
        self.browse.setToolTip(self.tr("Choose the folder and file name"))
        self.note.setText(
            self.tr(
                "The board book has a cover, a table of contents and bookmarks; each copy is recorded in "
                "the audit log. Building runs in the background and can be cancelled."
            )
        )
        self.build_button.setText(self.tr("&Build"))
        self.build_button.setToolTip(self.tr("Build the board book now (Enter)"))
        self.close_button.setText(self.tr("&Close"))
        self.close_button.setToolTip(self.tr("Close without building (Esc)"))

    # --- choices ----------------------------------------------------------------------------------------

    def _load(self) -> None:
        actor = self.actor
        if actor is None:
            self.status.setText(self.tr("Choose a profile first."))
            return
        session_id = self.session_id
        self.context.runner.query(lambda s: get_session(s, actor, session_id)).success(self._loaded).failure(
            self._load_failed
        ).run_in_background()

    @Slot(object)
    def _loaded(self, detail: SessionDetail) -> None:
        assert self.actor is not None
        self.detail = detail
        self.session_label.setText(detail.summary.title)
        self.reader.blockSignals(True)
        self.reader.clear()
        for member_id, name, role in reader_choices(detail, self.actor):
            label = self.tr("{name} (invited guest)").format(name=name) if role is InviteRole.GUEST else name
            self.reader.addItem(label, str(member_id))  # a str: QComboBox.findData cannot compare UUIDs
        mine = self.reader.findData(str(self.actor.member_id))
        self.reader.setCurrentIndex(mine if mine >= 0 else 0)
        self.reader.blockSignals(False)
        self.build_button.setEnabled(self.reader.count() > 0)
        if not self.reader.count():
            self.status.setText(self.tr("Nobody is invited to this session yet."))
        self._reader_changed()
        self.reader.setFocus()

    def _load_failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self)
        self.reject()

    def reader_id(self) -> uuid.UUID | None:
        data = self.reader.currentData()
        return uuid.UUID(data) if data else None

    def _reader_name(self) -> str:
        reader = self.reader_id()
        if self.actor is not None and reader == self.actor.member_id:
            return self.actor.name
        return next((n for m, n, _r in (self.detail.invited if self.detail else ()) if m == reader), "")

    @Slot()
    def _reader_changed(self, *_: object) -> None:
        if self._path_edited or self.detail is None:
            return
        self.path.setText(str(self.default_folder() / self.default_name()))

    def default_folder(self) -> Path:
        saved = self.context.settings.get(BOOK_FOLDER)
        if saved and Path(saved).is_dir():
            return Path(saved)
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def default_name(self) -> str:
        title = self.detail.summary.title if self.detail else ""
        name = self.tr("Board book - {session} - {reader}").format(session=title, reader=self._reader_name())
        return safe_file_name(name) + ".pdf"

    @Slot(str)
    def _path_typed(self, _text: str) -> None:
        self._path_edited = True

    @Slot()
    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the board book as"), self.path.text(), self.tr("PDF files (*.pdf)")
        )
        if chosen:
            self.path.setText(chosen)
            self._path_edited = True

    def target(self) -> Path | None:
        text = self.path.text().strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")

    # --- building ---------------------------------------------------------------------------------------

    @Slot()
    def build(self) -> None:
        actor, reader_id, path = self.actor, self.reader_id(), self.target()
        if actor is None or reader_id is None:
            return
        if path is None:
            self.status.setText(self.tr("Type where to save the board book, or choose it with Browse."))
            self.path.setFocus()
            return
        if path.exists() and not self.context.prompts.confirm(
            self,
            self.tr("Replace the file?"),
            self.tr("{path} already exists. Replace it with the new board book?").format(path=path),
        ):
            return
        database, session_id = self.context.database, self.session_id
        self.build_button.setEnabled(False)
        self.status.setText(self.tr("Building…"))
        # On the read pool: the build reads for a long time and records the copy in one short unit of work of
        # its own; on the one-thread write pool it would hold every other save (notes, votes) back meanwhile.
        self.context.runner.operation(
            lambda p: build_board_book(
                database, actor, session_id, reader_id, path, progress=p.report, cancelled=p.cancelled
            )
        ).with_progress(
            self.tr("Building the board book for {name}…").format(name=self._reader_name()), self
        ).success(self._built).failure(self._failed).cancelled(self._stopped).run_in_background()

    @Slot(object)
    def _built(self, result: BoardBookResult) -> None:
        self.book = result
        self.build_button.setEnabled(True)
        self.context.settings.set(BOOK_FOLDER, str(result.path.parent))
        text = self.tr(
            "The board book for {name} is ready: {pages} pages, {documents} documents.\n{path}"
        ).format(
            name=result.reader_name,
            pages=result.page_count,
            documents=len(result.documents),
            path=result.path,
        )
        if result.without_file:
            text += "\n" + self.tr("Left out, as they have no file yet: {titles}.").format(
                titles="; ".join(result.without_file)
            )
        self.status.setText(text)
        if self.context.prompts.confirm(
            self, self.tr("Board book ready"), text + "\n\n" + self.tr("Open it in the reader now?")
        ):
            title = self.tr("Board book — {name}").format(name=result.reader_name)
            open_file(self.context, result.path, title, self.parentWidget())
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.build_button.setEnabled(True)
        self.status.setText("")
        self.context.show_error(exc, self)

    def _stopped(self) -> None:
        self.build_button.setEnabled(True)
        self.status.setText(self.tr("Stopped. No file was written."))


def show_bookbuild_dialog(
    context: AppContext, session_id: uuid.UUID, parent: QWidget | None = None
) -> BookBuildDialog:
    """The "Build board book…" dialog for a session, window-modal and not blocking; returned for tests."""
    dialog = BookBuildDialog(context, session_id, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
