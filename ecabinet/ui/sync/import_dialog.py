"""Nhập gói: before import, what each package says about itself and what a dry run of it found; then what
happened to it — in plain words."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ecabinet.errors import DomainError
from ecabinet.model.sync import ProfileRole
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.services.actor import Actor
from ecabinet.sync.errors import PackageRefused
from ecabinet.sync.importer import ImportResult, import_package
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.lock import HIDE_WHEN_LOCKED
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.state import PackagePreview
from ecabinet.ui.sync.widgets import fit_to_window
from ecabinet.ui.tasks import Progress

APPLIED, ALREADY, REFUSED, FAILED, SKIPPED = "applied", "already", "refused", "failed", "skipped"
COLOURS = {APPLIED: "#1e6b3a", ALREADY: "#1f3a60", REFUSED: "#b3261e", FAILED: "#b3261e", SKIPPED: "#5b6475"}
NAVY = "#1f3a60"


@dataclass(frozen=True)
class ImportOutcome:
    path: Path
    kind: str  # applied / already / refused / failed / skipped
    result: ImportResult | None = None
    error: Exception | None = None


def preview_packages(
    database: Any,
    profile: Profile,
    paths: list[Path],
    keyring: Keyring | None = None,
    chosen: Actor | None = None,
    progress: Progress | None = None,
    labels: dict[Path, str] | None = None,
) -> list[PackagePreview]:
    """The worker: each manifest, oldest package of each sender first (the order they must be applied in);
    with the keys open, a dry run of each against this database as it is now. Cancel stops the dry runs
    between packages (those not tried show their manifest only)."""
    previews = [state.inspect_package(database, profile, p) for p in paths]
    previews.sort(key=lambda p: (p.refused is not None, str(p.sender_member_id), p.sequence))
    if keyring is None:
        return previews
    tried = []
    for number, preview in enumerate(previews):
        if progress is not None:
            if progress.cancelled():
                tried.append(preview)
                continue
            progress.report(number * 100 // len(previews), (labels or {}).get(preview.path, ""))
        tried.append(state.try_package(database, keyring, profile, chosen, preview))
    if progress is not None:
        progress.report(100)
    return tried


def import_packages(
    database: Any,
    keyring: Keyring,
    profile: Profile,
    chosen: Actor | None,
    paths: list[Path],
    progress: Progress,
    labels: list[str],
) -> list[ImportOutcome]:
    """The worker: each package checked whole and applied in its own unit of work, or refused. Cancel stops
    between packages (the import service itself cannot be interrupted; a refused one changes nothing)."""
    outcomes = []
    for number, path in enumerate(paths):
        if progress.cancelled():
            outcomes.append(ImportOutcome(path, SKIPPED))
            continue
        progress.report(number * 100 // len(paths), labels[number])
        with database.read() as s:
            actor = state.sync_actor(s, profile, chosen)  # a laptop's member once the first package arrived
        try:
            result = import_package(database, keyring, path, actor)
        except PackageRefused as refusal:
            outcomes.append(ImportOutcome(path, REFUSED, error=refusal))
        except DomainError as exc:
            outcomes.append(ImportOutcome(path, FAILED, error=exc))
        else:
            outcomes.append(ImportOutcome(path, ALREADY if result.already_applied else APPLIED, result))
    progress.report(100)
    return outcomes


def esc(value: object) -> str:
    return html.escape(str(value))


class ImportDialog(QDialog):
    """Opened with open() for the files chosen or dropped; Import runs on the write thread."""

    def __init__(self, context: AppContext, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty(HIDE_WHEN_LOCKED, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.context = context
        self.keys: KeySession = key_session(context)
        self.paths = list(paths)
        self.previews: list[PackagePreview] = []
        self.outcomes: list[ImportOutcome] = []
        self.busy = False
        self.icon = QLabel()
        self.icon.setPixmap(qta.icon("mdi6.tray-arrow-down", color=NAVY).pixmap(32, 32))
        self.heading = QLabel(objectName="sectionTitle")
        self.report = QTextBrowser(objectName="importReport")
        self.report.setOpenLinks(False)
        self.import_button = QPushButton(objectName="importButton")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.close_button = QPushButton(objectName="closeButton")
        self.close_button.setAutoDefault(False)
        self.buttons = QDialogButtonBox()
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.import_button.clicked.connect(self.run_import)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.report, 1)
        layout.addWidget(self.buttons)
        fit_to_window(self, 110, 32)
        self.retranslate()
        self.load_previews()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import sync packages"))
        self.heading.setText(self.tr("Import %n sync package(s)", "", len(self.paths)))
        self.import_button.setText(self.tr("&Import"))
        self.import_button.setToolTip(
            self.tr("Check each package whole, then apply it in one step or refuse it (Enter)")
        )
        self.close_button.setText(self.tr("&Close"))
        self._render()

    def reject(self) -> None:
        if not self.busy:
            super().reject()

    # --- before -------------------------------------------------------------------------------------------

    def load_previews(self) -> None:
        profile = self.keys.profile
        if profile is None:
            self._render()
            return
        database, paths, keyring, chosen = (
            self.context.database,
            self.paths,
            self.keys.keyring,
            self.context.actor,
        )
        labels = {
            p: self.tr("Trying {file}: every check, then its changes, undone…").format(file=p.name)
            for p in paths
        }
        self.busy = True
        # A dry run changes nothing, so it is a read for the runner (no "data changed" afterwards); it holds
        # SQLite's write lock while it tries, and the dialog is modal, so nothing of ours waits on it.
        self.context.runner.operation(
            lambda progress: preview_packages(database, profile, paths, keyring, chosen, progress, labels)
        ).with_progress(self.tr("Checking the packages…"), self).success(self._previewed).failure(
            self._failed
        ).run_in_background()

    def _previewed(self, previews: list[PackagePreview]) -> None:
        self.busy = False
        self.previews = previews
        self.import_button.setEnabled(bool(previews) and self.keys.keyring is not None)
        self._render()
        self.import_button.setFocus()

    def _failed(self, exc: Exception) -> None:
        self.busy = False
        self.import_button.setEnabled(False)
        self.context.show_error(exc, self)

    # --- import -------------------------------------------------------------------------------------------

    @Slot()
    def run_import(self) -> None:
        keyring, profile = self.keys.keyring, self.keys.profile
        if keyring is None or profile is None or self.busy or self.outcomes:
            return
        paths = [p.path for p in self.previews]
        labels = [self.tr("Checking and applying {file}…").format(file=p.name) for p in paths]
        database, chosen = self.context.database, self.context.actor
        self.busy = True
        self.import_button.setEnabled(False)
        self.context.runner.operation(
            lambda progress: import_packages(database, keyring, profile, chosen, paths, progress, labels),
            writes=True,
        ).with_progress(self.tr("Importing sync packages…"), self).success(self._imported).failure(
            self._failed
        ).from_source(self).run_in_background()

    def _imported(self, outcomes: list[ImportOutcome]) -> None:
        self.busy = False
        self.outcomes = outcomes
        self.import_button.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self._render()

    # --- the report ---------------------------------------------------------------------------------------

    def _render(self) -> None:
        if self.keys.profile is None:
            note = self.tr("This installation has no keys yet: set it up in the Sync centre first.")
            self.report.setHtml(f"<p>{esc(note)}</p>")
            return
        if not self.previews:
            reading = self.tr("Reading the packages…")
            self.report.setHtml(f"<p>{esc(reading)}</p>")
            return
        outcomes = {o.path: o for o in self.outcomes}
        parts = []
        if not self.outcomes:
            if any(p.trial is not None or p.trial_error is not None for p in self.previews):
                note = self.tr(
                    "Before import: what each package says about itself, and what a trial import found — every "
                    "check run and the changes tried, then undone. Nothing has changed yet; Import applies each "
                    "package whole or not at all."
                )
                if len(self.previews) > 1:
                    note += " " + self.tr(
                        "Each package was tried on its own, against this installation as it is now."
                    )
            else:
                note = self.tr(
                    "Before import: what each package says about itself. Nothing is decrypted or changed yet; "
                    "the import checks the signature and every part first, then applies the package whole or "
                    "not at all."
                )
            parts.append(f"<p>{esc(note)}</p>")
        for preview in self.previews:
            parts.append(f"<h3>{esc(preview.path.name)}</h3>")
            outcome = outcomes.get(preview.path)
            if outcome is not None:
                parts.append(self._after(outcome))
            parts.append(self._before(preview, outcome is not None))
        self.report.setHtml("".join(parts))

    def _before(self, p: PackagePreview, after: bool) -> str:
        lang = self.context.language
        title = self.tr("What the package says about itself:") if after else self.tr("Before import:")
        if p.refused is not None:
            return f"<p><b>{esc(title)}</b> {esc(describe(p.refused, lang)[0])}</p>"
        assert p.sender_role is not None and p.created is not None
        sender = text.peer_name(p.sender_role, p.sender_name, str(p.sender_member_id or ""))
        key_state = {
            state.TRUSTED: self.tr("key trusted here"),
            state.UNTRUSTED: self.tr("key not confirmed yet (Keys tab: compare and trust it)"),
            state.REVOKED: self.tr("key revoked here"),
            state.NONE: self.tr("key unknown here (import the sender's key file first)"),
            state.OWN: self.tr("this installation's own key: the package was made here"),
        }[p.sender_key_status]
        lines = [
            self.tr("Sender: {sender} — {key}").format(sender=sender, key=key_state),
            self.tr("Package {n}, made {date}; it confirms our package {ack}").format(
                n=p.sequence, date=text.when(p.created), ack=p.ack
            )
            if p.ack
            else self.tr("Package {n}, made {date}").format(n=p.sequence, date=text.when(p.created)),
            self.tr("{records} change records and {files} files, {size} in all ({encrypted})").format(
                records=formatting.number(p.record_count),
                files=formatting.number(p.file_count),
                size=text.size(p.size),
                encrypted=self.tr("encrypted") if p.encrypted else self.tr("not encrypted"),
            ),
        ]
        if p.last_applied_from_sender:
            lines.append(
                self.tr("The last package applied here from this sender: {n}").format(
                    n=p.last_applied_from_sender
                )
            )
        if not p.for_this_installation:
            lines.append(self.tr("It is addressed to another installation, not to this one."))
        if p.applied_at is not None:
            lines.append(
                self.tr("It was already applied here on {date}.").format(date=text.when(p.applied_at))
            )
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        manifest = f"<p><b>{esc(title)}</b></p><ul>{items}</ul>"
        return manifest if after else manifest + self._trial(p)

    def _trial(self, p: PackagePreview) -> str:
        """What the dry run found (before import only: afterwards the outcome itself is shown)."""
        lang = self.context.language
        title = self.tr("Trial import:")
        if p.trial_error is not None:
            colour = COLOURS[REFUSED]
            verdict = self.tr("it would be refused.")
            reason = describe(p.trial_error, lang)[0]
            return f'<p><b>{esc(title)}</b> <b style="color:{colour}">{esc(verdict)}</b> {esc(reason)}</p>'
        trial = p.trial
        if trial is None:
            return ""
        if trial.already_applied:
            again = self.tr("it was applied here before; importing it again changes nothing.")
            return f"<p><b>{esc(title)}</b> {esc(again)}</p>"
        lines = []
        if trial.changed:
            lines.append(
                self.tr(
                    "Every check passed. {added} would be added, {changed} changed, {removed} removed; "
                    "{unchanged} unchanged; {files} files."
                ).format(
                    added=formatting.number(trial.inserted),
                    changed=formatting.number(trial.updated),
                    removed=formatting.number(trial.deleted),
                    unchanged=formatting.number(trial.unchanged),
                    files=formatting.number(trial.files),
                )
            )
            lines.append(self.tr("Would change: {tables}.").format(tables=text.tables(trial.tables, lang)))
        elif trial.refused:
            lines.append(self.tr("Every check passed; nothing else would change."))
        else:
            lines.append(self.tr("Every check passed; nothing would change: every record is here already."))
        for refused in trial.refused:
            lines.append(
                self.tr("Would be recorded as refused: {reason}").format(reason=refused.message(lang))
            )
        sender = text.peer_name(trial.sender_role, trial.sender_name)
        for notice in trial.notices:
            sent_by = text.secretariat() if trial.sender_role is ProfileRole.SECRETARIAT else sender
            lines.append(
                self.tr("{sender} reports: {reason}").format(sender=sent_by, reason=notice.message(lang))
            )
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        return f"<p><b>{esc(title)}</b></p><ul>{items}</ul>"

    def _after(self, outcome: ImportOutcome) -> str:
        lang = self.context.language
        colour = COLOURS[outcome.kind]
        if outcome.kind == APPLIED:
            result = outcome.result
            assert result is not None
            headline = self.tr("Applied")
            sender = text.peer_name(result.sender_role, result.sender_name)
            body = self.tr(
                "Package {n} from {sender}: {added} added, {changed} changed, {removed} removed, "
                "{unchanged} unchanged, {files} files."
            ).format(
                n=result.sequence,
                sender=sender,
                added=formatting.number(result.inserted),
                changed=formatting.number(result.updated),
                removed=formatting.number(result.deleted),
                unchanged=formatting.number(result.unchanged),
                files=formatting.number(result.files),
            )
            extra = []
            if result.tables:
                extra.append(self.tr("Changed: {tables}.").format(tables=text.tables(result.tables, lang)))
            for refused in result.refused:
                extra.append(self.tr("Recorded as refused: {reason}").format(reason=refused.message(lang)))
            for notice in result.notices:
                sent_by = text.secretariat() if result.sender_role is ProfileRole.SECRETARIAT else sender
                extra.append(
                    self.tr("{sender} reports: {reason}").format(sender=sent_by, reason=notice.message(lang))
                )
            details = "".join(f"<li>{esc(line)}</li>" for line in extra)
            return f'<p><b style="color:{colour}">{esc(headline)}</b> — {esc(body)}</p>' + (
                f"<ul>{details}</ul>" if details else ""
            )
        if outcome.kind == ALREADY:
            result = outcome.result
            assert result is not None
            headline = self.tr("Already applied")
            body = self.tr("This package was applied here before, on {date}; nothing was changed.").format(
                date=text.when(result.applied_at)
            )
        elif outcome.kind == REFUSED:
            assert isinstance(outcome.error, DomainError)
            headline = self.tr("Refused")
            body = outcome.error.message(lang)  # its last words: "Nothing was changed."
        elif outcome.kind == FAILED:
            assert outcome.error is not None
            headline = self.tr("Not imported")
            body = describe(outcome.error, lang)[0] + " " + self.tr("Nothing was changed.")
        else:
            headline = self.tr("Not imported")
            body = self.tr("You stopped the import before this package.")
        return f'<p><b style="color:{colour}">{esc(headline)}</b> — {esc(body)}</p>'

    def summary(self) -> list[str]:
        """The outcome of each package, in the order they were imported (for tests and the status line)."""
        return [o.kind for o in self.outcomes]
