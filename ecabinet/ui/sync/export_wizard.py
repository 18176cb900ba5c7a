"""Xuất gói: choose the recipients, see what each package carries and its size, choose the folder, then write
one package each (in a worker) with byte progress and Cancel, and show what went."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecabinet.errors import DomainError
from ecabinet.model.sync import ProfileRole
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor
from ecabinet.sync.exporter import ExportCancelled, ExportPlan, ExportResult, export_package, plan_export
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.settings import Option
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.files import FileChooser, documents_folder
from ecabinet.ui.sync.lock import HIDE_WHEN_LOCKED
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.state import PeerState
from ecabinet.ui.sync.widgets import fit_to_window
from ecabinet.ui.tasks import Progress

EXPORT_FOLDER = Option("sync/export_folder", "")  # where the last packages were written

ID_ROLE = Qt.ItemDataRole.UserRole + 1

# What the worker reports while a package is written: (its number in the batch, bytes done, bytes in all).
BytesWritten = Callable[[int, int, int], None]


@dataclass
class ExportBatch:
    """What a run of the wizard wrote: a result per package, a failure per recipient that could not be
    written, and whether the user stopped it before the end (and whose package was then not kept)."""

    results: list[ExportResult] = field(default_factory=list)
    failures: list[tuple[PeerState, Exception]] = field(default_factory=list)
    stopped: bool = False
    interrupted: PeerState | None = None  # the package being written when the user cancelled


def plan_packages(
    database: Any, profile: Profile, chosen: Actor | None, targets: list[PeerState]
) -> list[ExportPlan | DomainError]:
    """The worker of the plan: what each package would carry (read-only), or why it cannot be planned."""
    with database.read() as s:
        actor = state.sync_actor(s, profile, chosen)
    plans: list[ExportPlan | DomainError] = []
    for target in targets:
        assert target.installation_id is not None
        try:
            plans.append(plan_export(database, profile, actor, target.installation_id))
        except DomainError as exc:
            plans.append(exc)
    return plans


def export_packages(
    database: Any,
    keyring: Keyring,
    profile: Profile,
    chosen: Actor | None,
    targets: list[PeerState],
    folder: Path,
    own_name: str,
    progress: Progress,
    written: BytesWritten | None = None,
) -> ExportBatch:
    """The worker: one package per target, each in its own unit of work. Cancel stops the package being
    written within one file (it is not kept, and uses no number); those written before stay."""
    batch = ExportBatch()
    for number, target in enumerate(targets):
        if progress.cancelled():
            batch.stopped = True
            break
        assert target.installation_id is not None
        try:
            with database.read() as s:
                actor = state.sync_actor(s, profile, chosen)
                sequence = state.next_sequence(s, profile, target.installation_id)
            to_secretariat = target.role is ProfileRole.SECRETARIAT
            name = state.package_file_name(
                own_name if to_secretariat else target.name, sequence, to_secretariat
            )
            batch.results.append(
                export_package(
                    database,
                    keyring,
                    actor,
                    target.installation_id,
                    folder / name,
                    progress=None if written is None else partial(written, number),
                    cancelled=progress.cancelled,
                )
            )
        except ExportCancelled:
            batch.stopped = True
            batch.interrupted = target
            break
        except DomainError as exc:
            batch.failures.append((target, exc))
    return batch


class _Relay(QObject):
    """Made on the main thread: the worker's byte counts arrive there as queued signals."""

    written = Signal(int, "qlonglong", "qlonglong")


class RecipientsPage(QWizardPage):
    """The secretariat ticks members (only those whose laptop key is trusted); a laptop sends to the
    secretariat, always."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.explanation = QLabel(wordWrap=True)
        self.list = QListWidget(objectName="recipients")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.all_button = QPushButton()
        self.none_button = QPushButton()
        self.all_button.setAutoDefault(False)
        self.none_button.setAutoDefault(False)
        self.count = QLabel(objectName="muted")
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.all_button.clicked.connect(lambda: self._tick_all(True))
        self.none_button.clicked.connect(lambda: self._tick_all(False))
        self.list.itemChanged.connect(self._changed)
        self._fill()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Who receives a package"))
        laptop = self.owner.keys.is_member_laptop
        self.setSubTitle(
            self.tr("A member's laptop sends its package to the Government Office.")
            if laptop
            else self.tr("One package per member: each carries only what that member may see.")
        )
        self.explanation.setText(
            self.tr(
                "The package carries your answers, positions, speaking requests and reading receipts that the "
                "secretariat has not confirmed yet."
            )
            if laptop
            else self.tr(
                "Tick the members whose laptops should receive a package. A member needs a trusted key first "
                "(Keys tab). Each package holds everything that member may see and their laptop has not "
                "confirmed yet, so a lost package loses nothing."
            )
        )
        self.all_button.setText(self.tr("Select &all"))
        self.all_button.setToolTip(self.tr("Tick every member who has a trusted key"))
        self.none_button.setText(self.tr("Select &none"))
        self.all_button.setVisible(not laptop)
        self.none_button.setVisible(not laptop)
        self._fill_texts()
        self._changed()

    def _fill(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        # Those who can receive a package first, each group in the directory's order.
        for peer in sorted(self.owner.peers, key=lambda p: not p.can_export):
            item = QListWidgetItem()
            item.setData(ID_ROLE, self.owner.peers.index(peer))
            if peer.can_export:
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                )
                ticked = self.owner.keys.is_member_laptop or peer.member_id in self.owner.preselected
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setForeground(QColor("#8a93a3"))  # the style sheet would keep it black
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._fill_texts()

    def _fill_texts(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            peer = self.owner.peers[item.data(ID_ROLE)]
            name = text.peer_name(peer.role, peer.name)
            if peer.can_export:
                detail = self.tr("next package: {n}").format(n=peer.next_sequence)
            else:
                detail = text.key_status(peer.key_status).lower()
            label = f"{name} — {peer.title}" if peer.title else name
            item.setText(f"{label}  ({detail})")
            item.setToolTip(
                peer.fingerprint and self.tr("Key: {fingerprint}").format(fingerprint=peer.fingerprint)
            )

    def _tick_all(self, ticked: bool) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def chosen(self) -> list[PeerState]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked and item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                out.append(self.owner.peers[item.data(ID_ROLE)])
        return out

    @Slot()
    def _changed(self, *_: object) -> None:
        ready = sum(1 for p in self.owner.peers if p.can_export)
        self.count.setText(
            self.tr("{chosen} of {ready} chosen").format(chosen=len(self.chosen()), ready=ready)
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return bool(self.chosen())


class FolderPage(QWizardPage):
    """Where the files go, and what each package will carry and its size (counted in a worker while the
    page is shown); Next writes them."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.plans: list[ExportPlan | DomainError] | None = None
        self._asked = 0  # which plan request is current (going Back and Next again asks anew)
        self.folder = QLineEdit(objectName="exportFolder")
        self.folder_label = QLabel()
        self.folder_label.setBuddy(self.folder)
        self.browse = QPushButton()
        self.browse.setAutoDefault(False)
        self.names_label = QLabel()
        self.names = QListWidget(objectName="fileNames")
        self.names.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plan_label = QLabel()
        self.plan = QTableWidget(0, 3, objectName="exportPlan")
        self.plan.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.plan.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.plan.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.plan.verticalHeader().hide()
        header = self.plan.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.total = QLabel(wordWrap=True, objectName="planTotal")
        self.what = QLabel(wordWrap=True, objectName="muted")
        row = QHBoxLayout()
        row.addWidget(self.folder_label)
        row.addWidget(self.folder, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.names_label)
        layout.addWidget(self.names)
        layout.addWidget(self.plan_label)
        layout.addWidget(self.plan, 1)
        layout.addWidget(self.total)
        layout.addWidget(self.what)
        self.setCommitPage(True)
        self.folder.textChanged.connect(self.completeChanged)
        self.browse.clicked.connect(self._browse)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Where the packages go, and what they carry"))
        self.setSubTitle(
            self.tr("A folder on this computer or a USB stick; the file names carry the package number.")
        )
        self.folder_label.setText(self.tr("&Folder:"))
        self.browse.setText(self.tr("&Choose…"))
        self.browse.setToolTip(self.tr("Choose the folder in a file dialog"))
        self.names_label.setText(self.tr("Files to write:"))
        self.plan_label.setText(self.tr("What each package carries:"))
        self.plan.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Carries"), self.tr("Size")])
        self.what.setText(
            self.tr(
                "Each package is signed with this installation's key and encrypted for its recipient. The sizes "
                "are close estimates: watermarked copies are stamped only when the packages are written."
            )
        )
        self._show_plans()

    def initializePage(self) -> None:
        if not self.folder.text():
            saved = self.owner.context.settings.get(EXPORT_FOLDER)
            self.folder.setText(saved or str(documents_folder()))
        self.names.clear()
        for peer in self.owner.recipients.chosen():
            to_secretariat = peer.role is ProfileRole.SECRETARIAT
            self.names.addItem(
                state.package_file_name(
                    self.owner.own_name if to_secretariat else peer.name, peer.next_sequence, to_secretariat
                )
            )
        self.owner.plan()

    def planning(self) -> int:
        """A new plan is being counted; the number to hand back with its result."""
        self._asked += 1
        self.plans = None
        self._show_plans()
        self.completeChanged.emit()
        return self._asked

    def show_plans(self, asked: int, plans: list[ExportPlan | DomainError]) -> None:
        if asked != self._asked:
            return  # the answer to a question no longer asked
        self.plans = plans
        self._show_plans()
        self.completeChanged.emit()

    def _show_plans(self) -> None:
        targets = self.owner.recipients.chosen()
        plans = self.plans
        self.plan.setRowCount(len(targets))
        lang = self.owner.context.language
        for row, peer in enumerate(targets):
            planned = plans[row] if plans is not None and row < len(plans) else None
            if planned is None:
                cells = [self.tr("Counting…"), ""]
            elif isinstance(planned, DomainError):
                cells = [describe(planned, lang)[0], ""]
            else:
                cells = [self.carries(planned), text.size(planned.estimated_size)]
            for column, value in enumerate([text.peer_name(peer.role, peer.name), *cells]):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.plan.setItem(row, column, item)
        if plans is None:
            self.total.setText(self.tr("Counting what each package carries…"))
            return
        ready = [p for p in plans if isinstance(p, ExportPlan)]
        self.total.setText(
            self.tr("In all: %n package(s), about {size}.", "", len(ready)).format(
                size=text.size(sum(p.estimated_size for p in ready))
            )
        )

    def carries(self, plan: ExportPlan) -> str:
        """'2 sessions, 14 documents, 5 ballots, 3 other changes, 14 files (3 watermarked)': what a package
        carries, in the words of the people who receive it."""
        sessions, documents = plan.count("sessions"), plan.count("documents")
        ballots, answers = plan.count("opinion_ballots"), plan.count("opinion_answers")
        others = plan.upserts + plan.deletes - sessions - documents - ballots - answers
        parts = []
        if sessions:
            parts.append(self.tr("%n session(s)", "", sessions))
        if documents:
            parts.append(self.tr("%n document(s)", "", documents))
        if ballots:
            parts.append(self.tr("%n ballot(s)", "", ballots))
        if answers:
            parts.append(self.tr("%n answer(s)", "", answers))
        if others:
            parts.append(self.tr("%n other change(s)", "", others))
        if plan.files:
            files = self.tr("%n file(s)", "", plan.files)
            if plan.watermarked:
                files += " " + self.tr("(%n watermarked)", "", plan.watermarked)
            parts.append(files)
        return ", ".join(parts) if parts else self.tr("nothing new (only the acknowledgement)")

    def _browse(self) -> None:
        chosen = self.owner.files.choose_folder(self, Path(self.folder.text() or documents_folder()))
        if chosen is not None:
            self.folder.setText(str(chosen))

    def isComplete(self) -> bool:
        return bool(self.folder.text().strip()) and self.plans is not None

    def validatePage(self) -> bool:
        folder = Path(self.folder.text().strip()).expanduser()
        if not folder.is_dir():
            self.owner.context.prompts.error(
                self, self.tr("The folder {folder} does not exist.").format(folder=folder)
            )
            return False
        self.owner.context.settings.set(EXPORT_FOLDER, str(folder))
        return True


class ResultPage(QWizardPage):
    """Writes the packages when shown — byte progress for the package being written and for all, and Cancel
    — then lists what each one carries."""

    def __init__(self, wizard: ExportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.batch: ExportBatch | None = None
        self.running = False
        self.stopping = False
        self.status = QLabel(wordWrap=True, objectName="exportStatus")
        self.current = QLabel(wordWrap=True, objectName="exportCurrent")
        self.package_bar = QProgressBar(objectName="packageProgress")
        self.overall_label = QLabel()
        self.overall_bar = QProgressBar(objectName="overallProgress")
        for bar in (self.package_bar, self.overall_bar):
            bar.setRange(0, 1000)
            bar.setTextVisible(False)
        self.cancel = QPushButton(objectName="cancelExport")
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self._cancel)
        self.table = QTableWidget(0, 6, objectName="exportResults")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.problems = QLabel(wordWrap=True, objectName="exportProblems")
        self.problems.setStyleSheet("color: #b3261e;")
        self.open_folder = QPushButton()
        self.open_folder.setAutoDefault(False)
        self.open_folder.setEnabled(False)
        self.open_folder.clicked.connect(self._open_folder)
        running = QVBoxLayout()
        running.addWidget(self.current)
        running.addWidget(self.package_bar)
        running.addWidget(self.overall_label)
        running.addWidget(self.overall_bar)
        stop = QHBoxLayout()
        stop.addStretch(1)
        stop.addWidget(self.cancel)
        running.addLayout(stop)
        self.progress_box = QWidget()
        self.progress_box.setLayout(running)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.open_folder)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.progress_box)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problems)
        layout.addLayout(row)
        self._written: tuple[int, int, int] = (0, 0, 0)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Packages written"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Recipient"),
                self.tr("File"),
                self.tr("Package"),
                self.tr("Records"),
                self.tr("Files"),
                self.tr("Size"),
            ]
        )
        self.cancel.setText(self.tr("&Cancel the export"))
        self.cancel.setToolTip(
            self.tr("Stop now: the package being written is not kept; those already written stay")
        )
        self.open_folder.setText(self.tr("&Open the folder"))
        self.open_folder.setToolTip(self.tr("Show the packages in the file manager"))
        self._show()

    def initializePage(self) -> None:
        self.owner.run_export()

    def isComplete(self) -> bool:
        return self.batch is not None and not self.running

    def started(self) -> None:
        self.batch = None
        self.running = True
        self.stopping = False
        self._written = (0, 0, 0)
        self._show()

    @Slot(int, "qlonglong", "qlonglong")
    def written(self, number: int, done: int, total: int) -> None:
        self._written = (number, done, total)
        self._show_progress()

    def _cancel(self) -> None:
        if self.running and not self.stopping:
            self.stopping = True
            self.owner.cancel_export()
            self._show()

    def show_batch(self, batch: ExportBatch) -> None:
        self.batch = batch
        self.running = False
        self._show()
        self.completeChanged.emit()

    def _show_progress(self) -> None:
        targets = self.owner.targets
        number, done, total = self._written
        if not targets or number >= len(targets):
            return
        who = text.peer_name(targets[number].role, targets[number].name)
        self.current.setText(
            self.tr("Package {n} of {count}, for {who}: {done} of {total}").format(
                n=number + 1,
                count=len(targets),
                who=who,
                done=text.size(done),
                total=text.size(total),
            )
        )
        self.package_bar.setValue(done * 1000 // total if total else 0)
        # All packages: those before this one count whole, at the size the plan gave them.
        sizes = self.owner.planned_sizes()
        before, this, everything = sum(sizes[:number]), sizes[number], sum(sizes)
        overall = before + (this * done // total if total else 0)
        self.overall_bar.setValue(overall * 1000 // everything if everything else 0)
        self.overall_label.setText(
            self.tr("All packages: about {done} of {total}").format(
                done=text.size(overall), total=text.size(everything)
            )
        )

    def _show(self) -> None:
        batch = self.batch
        self.progress_box.setVisible(self.running)
        self.cancel.setEnabled(self.running and not self.stopping)
        if batch is None:
            if self.stopping:
                self.status.setText(self.tr("Stopping: the package being written is not kept…"))
            else:
                self.status.setText(self.tr("Writing the packages…") if self.running else "")
            self._show_progress()
            return
        self.table.setRowCount(len(batch.results))
        for row, result in enumerate(batch.results):
            name = text.peer_name(
                ProfileRole.SECRETARIAT if result.recipient_member_id is None else ProfileRole.MEMBER,
                result.recipient_name,
            )
            records = self.tr("{upserts} sent, {deletes} withdrawn").format(
                upserts=formatting.number(result.upserts), deletes=formatting.number(result.deletes)
            )
            files = formatting.number(result.files)
            if result.watermarked:
                files = self.tr("{files} ({marked} watermarked)").format(
                    files=files, marked=formatting.number(result.watermarked)
                )
            cells = [name, result.path.name, str(result.sequence), records, files, text.size(result.size)]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(str(result.path) if column == 1 else value)
                self.table.setItem(row, column, item)
        written = len(batch.results)
        if batch.stopped:
            status = self.tr("Stopped: %n package(s) written before you cancelled.", "", written)
            if batch.interrupted is not None:
                status += " " + self.tr("The package for {who} was not kept.").format(
                    who=text.peer_name(batch.interrupted.role, batch.interrupted.name)
                )
        else:
            status = self.tr("%n package(s) written, signed and encrypted.", "", written)
        if written:
            status += " " + self.tr("Carry them to the recipients (USB stick, e-mail); each imports its own.")
        self.status.setText(status)
        lang = self.owner.context.language
        self.problems.setText(
            "\n".join(
                self.tr("{who}: {reason}").format(
                    who=text.peer_name(peer.role, peer.name), reason=describe(exc, lang)[0]
                )
                for peer, exc in batch.failures
            )
        )
        self.problems.setVisible(bool(batch.failures))
        self.open_folder.setEnabled(written > 0)

    def _open_folder(self) -> None:
        if self.batch and self.batch.results:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.batch.results[0].path.parent)))


class ExportWizard(QWizard):
    """Opened with open() from the Sync centre; the plan is counted on a reading thread, the export runs on
    the write thread, its progress and Cancel on the last page."""

    def __init__(
        self,
        context: AppContext,
        peers: list[PeerState],
        own_name: str = "",
        preselected: set[uuid.UUID | None] | None = None,
        files: FileChooser | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportWizard")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty(HIDE_WHEN_LOCKED, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.context = context
        self.keys: KeySession = key_session(context)
        self.files = files or FileChooser()
        self.peers = peers
        self.own_name = own_name
        self.preselected = preselected or set()
        self.targets: list[PeerState] = []  # those the export is writing for
        self._progress: Progress | None = None  # the running export's, for Cancel
        self.relay = _Relay(self)
        self.recipients = RecipientsPage(self)
        self.folder = FolderPage(self)
        self.result_page = ResultPage(self)
        for page in (self.recipients, self.folder, self.result_page):
            self.addPage(page)
        self.relay.written.connect(self.result_page.written)
        fit_to_window(self, 120, 36)
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in (self.recipients, self.folder, self.result_page):
                page.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Export sync packages"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Export"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))

    def plan(self) -> None:
        """Count what each chosen package would carry, on a reading thread."""
        profile = self.keys.profile
        targets = self.recipients.chosen()
        asked = self.folder.planning()
        if profile is None:
            self.folder.show_plans(asked, [])
            return
        database, chosen = self.context.database, self.context.actor
        self.context.runner.operation(
            lambda _progress: plan_packages(database, profile, chosen, targets)
        ).success(lambda plans: self.folder.show_plans(asked, plans)).failure(self._plan_failed).from_source(
            self
        ).run_in_background()

    def _plan_failed(self, exc: Exception) -> None:
        self.folder.show_plans(self.folder._asked, [])
        self.context.show_error(exc, self)

    def planned_sizes(self) -> list[int]:
        """The estimated size of each package being written (1 where none is known: counted equally)."""
        plans = self.folder.plans or []
        sizes = []
        for n in range(len(self.targets)):
            planned = plans[n] if n < len(plans) else None
            sizes.append(planned.estimated_size if isinstance(planned, ExportPlan) else 1)
        return sizes

    def run_export(self) -> None:
        keyring, profile = self.keys.keyring, self.keys.profile
        targets = self.recipients.chosen()
        folder = Path(self.folder.folder.text().strip()).expanduser()
        if keyring is None or profile is None:
            self.result_page.show_batch(ExportBatch(stopped=True))
            return
        self.targets = targets
        database, chosen, own_name = self.context.database, self.context.actor, self.own_name
        written = self.relay.written.emit
        operation = self.context.runner.operation(
            lambda progress: export_packages(
                database, keyring, profile, chosen, targets, folder, own_name, progress, written
            ),
            writes=True,
        )
        self._progress = operation.progress
        self.result_page.started()
        operation.success(self._finished).failure(self._failed).from_source(self).run_in_background()

    def cancel_export(self) -> None:
        if self._progress is not None:
            self._progress.cancel()

    def reject(self) -> None:
        if self.result_page.running:  # closing would leave the worker writing: stop it instead
            self.result_page._cancel()
            return
        super().reject()

    def _finished(self, batch: ExportBatch) -> None:
        self._progress = None
        self.result_page.show_batch(batch)

    def _failed(self, exc: Exception) -> None:
        self._progress = None
        self.result_page.show_batch(ExportBatch(stopped=True))
        self.context.show_error(exc, self)
