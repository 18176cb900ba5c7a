"""Dossier import in the background: add PDFs to an item, replace a document, index the new files.

An import runs in the worker with a progress dialog and Cancel (`ecabinet.agenda.importer` checks each file
and stores the sound ones, one unit of work per file). An encrypted file is refused first; the user is then
asked for its password and that one file is tried again. A report names every file and what became of it.
Afterwards the search index takes in the new files, silently, in the background.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QWidget

from ecabinet.agenda.documents import VersionInfo, document_history
from ecabinet.agenda.importer import (
    FileOutcome,
    ImportRefused,
    ImportReport,
    ReplaceResult,
    import_files,
    replace_from_file,
)
from ecabinet.agenda.sessions import DocumentInfo, ItemInfo
from ecabinet.search.index import IndexReport, index_pending
from ecabinet.services.members import list_members
from ecabinet.ui.context import AppContext
from ecabinet.ui.editor.history import DocumentHistoryDialog
from ecabinet.ui.editor.report import ImportReportDialog, report_rows
from ecabinet.ui.prompts import Prompts
from ecabinet.ui.tasks import Progress

# Refusals that a password can cure.
NEEDS_PASSWORD = ("pdf_encrypted", "pdf_wrong_password")


def ask_password(prompts: object, parent: QWidget | None, title: str, label: str) -> str | None:
    """The prompt service's password question when it has one; else a masked dialog of our own (the real
    service) or its plain text question (a scripted one in tests)."""
    method = getattr(prompts, "ask_password", None)
    if method is not None:
        return method(parent, title, label)
    if not isinstance(prompts, Prompts):
        return prompts.ask_text(parent, title, label)  # type: ignore[attr-defined]
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    dialog.setOkButtonText(QCoreApplication.translate("Prompts", "OK"))
    dialog.setCancelButtonText(QCoreApplication.translate("Prompts", "Cancel"))
    if dialog.exec() != QInputDialog.DialogCode.Accepted:
        return None
    return dialog.textValue() or None


@dataclass
class _Run:
    """One import into one item, while it goes on: its outcomes so far and the files still unanswered."""

    item: ItemInfo
    paths: list[str]
    outcomes: list[FileOutcome] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    asking: int = 0  # the next outcome to look at for a password


class DossierImporter(QObject):
    """Imports for the agenda editor; `owner` is the widget its dialogs belong to."""

    imported = Signal(object)  # the ImportReport of all files of one import, after the report is shown
    replaced = Signal(object)  # the new DocumentInfo
    indexed = Signal(object)  # IndexReport

    def __init__(self, context: AppContext, owner: QWidget) -> None:
        super().__init__(owner)
        self.context = context
        self.owner = owner
        self.report: ImportReportDialog | None = None
        self.history: DocumentHistoryDialog | None = None
        self.indexing = False
        self._last_folder = ""
        # Replaceable in tests: the file dialogs.
        self.pick_files: Callable[[], list[str]] = self._pick_files
        self.pick_file: Callable[[], str] = self._pick_file

    # --- adding files to an item -----------------------------------------------------------------------

    def choose_and_import(self, item: ItemInfo) -> None:
        paths = self.pick_files()
        if paths:
            self.import_paths(item, paths)

    def import_paths(self, item: ItemInfo, paths: list[str]) -> None:
        """Check and attach `paths` to `item` in the background; ask for passwords; show the report."""
        run = _Run(item, list(paths))
        self._import(run, run.paths, None, self._first_pass)

    def _import(
        self, run: _Run, paths: list[str], password: str | None, then: Callable[[_Run, ImportReport], None]
    ) -> None:
        actor, database = self.context.actor, self.context.database
        if actor is None:
            return
        step = self.tr("Checking «{name}» ({done} of {total})…")

        def body(p: Progress) -> ImportReport:
            def progress(done: int, total: int, name: str) -> None:
                text = step.format(name=name, done=done + 1, total=total) if name else ""
                p.report(done * 100 // max(total, 1), text)

            return import_files(
                database,
                actor,
                run.item.id,
                paths,
                password=password,
                progress=progress,
                cancelled=p.cancelled,
            )

        title = self.tr("Adding documents to «{title}»").format(title=_short(run.item.title))
        self.context.runner.operation(body, writes=True).with_progress(title, self.owner).from_source(
            self
        ).success(lambda report: then(run, report)).failure(self._failed).run_in_background()

    def _first_pass(self, run: _Run, report: ImportReport) -> None:
        run.outcomes = list(report.outcomes)
        done = {o.path for o in report.outcomes}
        run.skipped = [p for p in run.paths if str(Path(p)) not in done] if report.cancelled else []
        self._ask_next_password(run)

    def _ask_next_password(self, run: _Run) -> None:
        while run.asking < len(run.outcomes):
            outcome = run.outcomes[run.asking]
            if outcome.refusal is not None and outcome.refusal.code in NEEDS_PASSWORD:
                password = self._ask_password(outcome)
                if password:
                    self._import(run, [outcome.path], password, self._retried)
                    return
            run.asking += 1
        self._finish(run)

    def _ask_password(self, outcome: FileOutcome) -> str | None:
        assert outcome.refusal is not None
        if outcome.refusal.code == "pdf_wrong_password":
            label = self.tr(
                "That password does not open «{name}». Try again, or leave it empty to skip the file:"
            )
        else:
            label = self.tr(
                "«{name}» is encrypted. Enter its password to add it, or leave it empty to skip it:"
            )
        return ask_password(
            self.context.prompts, self.owner, self.tr("Password needed"), label.format(name=outcome.filename)
        )

    def _retried(self, run: _Run, report: ImportReport) -> None:
        if report.outcomes:
            run.outcomes[run.asking] = report.outcomes[0]
        else:  # stopped: the file stays refused as it was
            run.asking += 1
        self._ask_next_password(run)  # a wrong password asks again for the same file

    def _finish(self, run: _Run) -> None:
        lang = self.context.language
        self.report = ImportReportDialog(
            report_rows(run.outcomes, run.skipped, lang), run.item.title, self.owner
        )
        self.report.open()
        whole = ImportReport(tuple(run.outcomes), bool(run.skipped))
        if whole.stored:
            self.index_in_background()
        self.imported.emit(whole)

    def _failed(self, exc: Exception) -> None:
        self.context.show_error(exc, self.owner)

    # --- replacing a document --------------------------------------------------------------------------

    def replace(self, document: DocumentInfo) -> None:
        """A new version of `document` from a file, with the reason (kept in its history)."""
        path = self.pick_file()
        if not path:
            return
        reason = self.context.prompts.ask_text(
            self.owner,
            self.tr("Replace document"),
            self.tr("Why is «{title}» replaced? The reason is kept in its history:").format(
                title=_short(document.title)
            ),
        )
        if reason:
            self._replace(document, path, reason, None)

    def _replace(self, document: DocumentInfo, path: str, reason: str, password: str | None) -> None:
        actor, database = self.context.actor, self.context.database
        if actor is None:
            return

        def body(p: Progress) -> ReplaceResult:
            return replace_from_file(
                database,
                actor,
                document.id,
                path,
                reason,
                expected_version=document.version,
                password=password,
                cancelled=p.cancelled,
            )

        title = self.tr("Replacing «{title}»").format(title=_short(document.title))
        self.context.runner.operation(body, writes=True).with_progress(title, self.owner).from_source(
            self
        ).success(self._replaced).failure(
            lambda exc: self._replace_failed(document, path, reason, exc)
        ).run_in_background()

    def _replace_failed(self, document: DocumentInfo, path: str, reason: str, exc: Exception) -> None:
        if isinstance(exc, ImportRefused) and exc.code in NEEDS_PASSWORD:
            outcome = FileOutcome(path, Path(path).name, None, (), exc.notice)
            password = self._ask_password(outcome)
            if password:
                self._replace(document, path, reason, password)
            return
        self.context.show_error(exc, self.owner)

    def _replaced(self, result: ReplaceResult) -> None:
        if result.warnings:
            lang = self.context.language
            self.context.prompts.inform(
                self.owner,
                self.tr("Document replaced, with warnings"),
                "\n\n".join(w.text(lang) for w in result.warnings),
            )
        self.index_in_background()
        self.replaced.emit(result.document)

    # --- history and search ----------------------------------------------------------------------------

    def show_history(self, document: DocumentInfo) -> None:
        actor = self.context.actor
        if actor is None:
            return

        def load(s: object) -> tuple[list[VersionInfo], dict[uuid.UUID, str]]:
            versions = document_history(s, actor, document.id)  # type: ignore[arg-type]
            return versions, {m.id: m.full_name for m in list_members(s)}  # type: ignore[arg-type]

        self.context.runner.query(load).success(lambda found: self._show_history(document, *found)).failure(
            self._failed
        ).run_in_background()

    def _show_history(
        self, document: DocumentInfo, rows: list[VersionInfo], names: dict[uuid.UUID, str]
    ) -> None:
        self.history = DocumentHistoryDialog(document.title, rows, names, self.owner)
        self.history.open()

    def index_in_background(self) -> None:
        """Take the new files into the search index; a read-pool job, so agenda edits never wait for it."""
        database = self.context.database
        self.indexing = True
        self.context.runner.operation(
            lambda p: index_pending(database, cancelled=p.cancelled), writes=False
        ).success(self._indexed).failure(self._index_failed).run_in_background()

    def _indexed(self, report: IndexReport) -> None:
        self.indexing = False
        self.indexed.emit(report)

    def _index_failed(self, exc: Exception) -> None:
        self.indexing = False
        self.context.show_error(exc, self.owner)

    # --- file dialogs ----------------------------------------------------------------------------------

    def _filter(self) -> str:
        return self.tr("PDF documents (*.pdf *.PDF);;All files (*)")

    def _pick_files(self) -> list[str]:
        paths, _ = QFileDialog.getOpenFileNames(
            self.owner, self.tr("Add documents"), self._last_folder, self._filter()
        )
        if paths:
            self._last_folder = str(Path(paths[0]).parent)
        return paths

    def _pick_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(
            self.owner, self.tr("Choose the new version"), self._last_folder, self._filter()
        )
        if path:
            self._last_folder = str(Path(path).parent)
        return path


def _short(title: str, length: int = 60) -> str:
    return title if len(title) <= length else title[: length - 1] + "…"
