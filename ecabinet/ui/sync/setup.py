"""Thiết lập máy: this installation becomes the secretariat's or one member's laptop, with a passphrase and keys."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ecabinet.model import Role
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring
from ecabinet.services.members import MemberInfo, list_members
from ecabinet.sync import keys as K
from ecabinet.sync.keys import ProfileInfo
from ecabinet.ui.context import AppContext
from ecabinet.ui.errors import describe
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.lock import HIDE_WHEN_LOCKED
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.widgets import FingerprintView, PassphraseFields, fit_to_window

ROLE_PAGE, MEMBER_PAGE, PASSPHRASE_PAGE, CREATE_PAGE = range(4)
INDENT = "margin-left: 1.8em;"


class RolePage(QWizardPage):
    def __init__(self, wizard: ProfileSetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.secretariat = QRadioButton(objectName="roleSecretariat")
        self.member = QRadioButton(objectName="roleMember")
        self.group = QButtonGroup(self)
        self.group.addButton(self.secretariat)
        self.group.addButton(self.member)
        self.secretariat_text = QLabel(wordWrap=True, objectName="muted")
        self.member_text = QLabel(wordWrap=True, objectName="muted")
        for label in (self.secretariat_text, self.member_text):
            label.setStyleSheet(INDENT)
        self.later = QLabel(wordWrap=True, objectName="muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.secretariat)
        layout.addWidget(self.secretariat_text)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.member)
        layout.addWidget(self.member_text)
        layout.addStretch(1)
        layout.addWidget(self.later)
        self.group.buttonToggled.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("What is this computer for?"))
        self.setSubTitle(self.tr("Chosen once: it decides whom this installation exchanges packages with."))
        self.secretariat.setText(self.tr("&Government Office (server)"))
        self.secretariat_text.setText(
            self.tr(
                "The secretariat's installation: prepares sessions, agendas and ballots, writes a package for "
                "each member's laptop and receives their answers. Staff choose who they are in the toolbar."
            )
        )
        self.member.setText(self.tr("&Member's laptop"))
        self.member_text.setText(
            self.tr(
                "One Government member's laptop: reads the documents offline, answers ballots, states "
                "positions, and sends them back to the Government Office. It always acts as that member."
            )
        )
        self.later.setText(
            self.tr(
                "«Set up later» starts without keys (for a demonstration): nothing can be exported or imported "
                "until this installation is set up in the Sync centre."
            )
        )

    def isComplete(self) -> bool:
        return self.secretariat.isChecked() or self.member.isChecked()

    def nextId(self) -> int:
        return MEMBER_PAGE if self.member.isChecked() else PASSPHRASE_PAGE

    @property
    def role(self) -> ProfileRole:
        return ProfileRole.MEMBER if self.member.isChecked() else ProfileRole.SECRETARIAT


class MemberPage(QWizardPage):
    """Which member: from the directory when this database has one, else the id the secretariat gave."""

    def __init__(self, wizard: ProfileSetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.explanation = QLabel(wordWrap=True)
        self.combo = QComboBox(objectName="memberChoice")
        self.combo_label = QLabel()
        self.combo_label.setBuddy(self.combo)
        self.member_id = QLineEdit(objectName="memberId")
        self.member_id.setPlaceholderText("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx")
        self.id_label = QLabel()
        self.id_label.setBuddy(self.member_id)
        self.form = QFormLayout()
        self.form.addRow(self.combo_label, self.combo)
        self.form.addRow(self.id_label, self.member_id)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(self.form)
        layout.addStretch(1)
        self.combo.currentIndexChanged.connect(self.completeChanged)
        self.member_id.textChanged.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Whose laptop is this?"))
        self.setSubTitle(self.tr("The laptop always acts as this member; it cannot be changed later."))
        self.combo_label.setText(self.tr("&Member:"))
        self.id_label.setText(self.tr("Member &id:"))
        self.member_id.setToolTip(
            self.tr("The id the Government Office gives for this member (Sync → Members → Copy member id)")
        )
        self.explanation.setText(
            self.tr("Choose the member from the directory.")
            if self.owner.directory
            else self.tr(
                "This laptop's database is still empty: its directory arrives with the first package. Type the "
                "member id the Government Office gave you; the Government Office checks it against its "
                "directory when it imports this laptop's key."
            )
        )

    def initializePage(self) -> None:
        has_directory = bool(self.owner.directory)
        self.combo.clear()
        for person in self.owner.directory:
            label = f"{person.full_name} — {person.title}" if person.title else person.full_name
            self.combo.addItem(label, person.id)
        self.form.setRowVisible(self.combo, has_directory)
        self.form.setRowVisible(self.member_id, not has_directory)
        self.retranslate()
        (self.combo if has_directory else self.member_id).setFocus()

    def chosen(self) -> uuid.UUID | None:
        if self.owner.directory:
            value = self.combo.currentData()
            return value if isinstance(value, uuid.UUID) else None
        try:
            return uuid.UUID(self.member_id.text().strip())
        except ValueError:
            return None

    def isComplete(self) -> bool:
        return self.chosen() is not None

    def nextId(self) -> int:
        return PASSPHRASE_PAGE


class PassphrasePage(QWizardPage):
    def __init__(self, wizard: ProfileSetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.explanation = QLabel(wordWrap=True)
        self.fields = PassphraseFields()
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.fields)
        layout.addStretch(1)
        self.setCommitPage(True)
        self.fields.changed.connect(self.completeChanged)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("A passphrase for the keys"))
        self.setSubTitle(self.tr("Asked each time e-Cabinet starts, and after it locks itself."))
        self.explanation.setText(
            self.tr(
                "The keys that sign and open the packages are kept on this computer, sealed with this "
                "passphrase. Nobody can recover a forgotten passphrase: the keys would have to be made again "
                "and exchanged anew."
            )
        )

    def initializePage(self) -> None:
        self.fields.first.setFocus()

    def isComplete(self) -> bool:
        return self.fields.acceptable()

    def nextId(self) -> int:
        return CREATE_PAGE


class CreatePage(QWizardPage):
    """Makes the keys when shown (in a worker: deriving the passphrase key takes a moment)."""

    def __init__(self, wizard: ProfileSetupWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.info: ProfileInfo | None = None
        self.error = ""
        self.running = False
        self.status = QLabel(wordWrap=True, objectName="setupStatus")
        self.busy = QProgressBar(minimum=0, maximum=0, textVisible=False)
        self.fingerprint_label = QLabel()
        self.fingerprint = FingerprintView("", 20)
        self.next_steps = QLabel(wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.fingerprint_label)
        layout.addWidget(self.fingerprint, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.next_steps)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("This installation's keys"))
        self.fingerprint_label.setText(self.tr("Fingerprint of the new key:"))
        self._show()

    def initializePage(self) -> None:
        self.owner.create_profile()

    def isComplete(self) -> bool:
        return not self.running and (self.info is not None or bool(self.error))

    def started(self) -> None:
        self.running = True
        self._show()
        self.completeChanged.emit()

    def done(self, info: ProfileInfo | None, error: str = "") -> None:
        self.running, self.info, self.error = False, info, error
        self._show()
        self.completeChanged.emit()

    def _show(self) -> None:
        self.busy.setVisible(self.running)
        done = self.info is not None
        for widget in (self.fingerprint_label, self.fingerprint, self.next_steps):
            widget.setVisible(done)
        if self.running:
            self.status.setText(self.tr("Making the keys…"))
        elif self.error:
            self.status.setText(
                self.tr(
                    "The keys could not be made: {reason}\nNothing was set up; try again from the Sync centre."
                ).format(reason=self.error)
            )
        elif self.info is not None:
            info = self.info
            if info.role is ProfileRole.SECRETARIAT:
                who = text.secretariat()
            else:
                who = self.tr("the laptop of {name}").format(name=info.member_name or str(info.member_id))
            self.status.setText(self.tr("This installation is now {who}.").format(who=who))
            self.fingerprint.set_fingerprint(info.current.fingerprint)
            self.next_steps.setText(
                self.tr(
                    "Next, in Sync → Keys: export this installation's key file and give it to the "
                    "other side; import theirs; then compare the fingerprints by phone and trust them."
                )
            )


class ProfileSetupWizard(QWizard):
    """Opened with open(); `finished` tells the caller to go on (set up, or «later»)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileSetup")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty(HIDE_WHEN_LOCKED, True)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.context = context
        self.keys: KeySession = key_session(context)
        self.directory: list[MemberInfo] = []
        self.role_page = RolePage(self)
        self.member_page = MemberPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.create_page = CreatePage(self)
        self.setPage(ROLE_PAGE, self.role_page)
        self.setPage(MEMBER_PAGE, self.member_page)
        self.setPage(PASSPHRASE_PAGE, self.passphrase_page)
        self.setPage(CREATE_PAGE, self.create_page)
        self.setStartId(ROLE_PAGE)
        fit_to_window(self, 110, 34)
        self.currentIdChanged.connect(self._page_changed)
        self.retranslate()
        context.runner.query(lambda s: list_members(s, {Role.MEMBER, Role.GUEST})).success(
            self._directory_loaded
        ).run_in_background()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for page in (self.role_page, self.member_page, self.passphrase_page, self.create_page):
                page.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up this installation"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Make the keys"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self._page_changed(self.currentId())

    @Slot(int)
    def _page_changed(self, page_id: int) -> None:
        self.setButtonText(
            QWizard.WizardButton.CancelButton,
            self.tr("Set up &later") if page_id == ROLE_PAGE else self.tr("Cancel"),
        )

    def _directory_loaded(self, people: list[MemberInfo]) -> None:
        self.directory = people

    @property
    def succeeded(self) -> bool:
        return self.create_page.info is not None

    def create_profile(self) -> None:
        role = self.role_page.role
        member_id = self.member_page.chosen() if role is ProfileRole.MEMBER else None
        passphrase = self.passphrase_page.fields.passphrase
        self.passphrase_page.fields.clear()
        database, chosen, keys = self.context.database, self.context.actor, self.keys
        home, installation, cost = keys.home, database.installation_id, keys.scrypt_n

        def body(_progress: Any) -> tuple[ProfileInfo, Keyring]:
            with database.read() as s:
                actor = state.setup_actor(s, role, member_id, chosen)
            with database.write(actor) as s:
                info = K.init_profile(s, actor, home, installation, role, member_id, passphrase, cost)
            return info, keystore.unlock(home, passphrase)

        self.create_page.started()
        self.button(QWizard.WizardButton.CancelButton).setEnabled(False)
        self.context.runner.operation(body, writes=True).success(self._created).failure(
            self._failed
        ).from_source(self).run_in_background()

    def _created(self, result: tuple[ProfileInfo, Keyring]) -> None:
        info, keyring = result
        self.keys.unlocked(keyring, profile_changed=True)
        self.create_page.done(info)

    def _failed(self, exc: Exception) -> None:
        self.create_page.done(None, describe(exc, self.context.language)[0])
