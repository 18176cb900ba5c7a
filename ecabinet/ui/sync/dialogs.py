"""The key manager's questions: does the fingerprint match, why revoke, which passphrase."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.sync.keys import KeyInfo
from ecabinet.ui import formatting
from ecabinet.ui.sync import text
from ecabinet.ui.sync.lock import HIDE_WHEN_LOCKED
from ecabinet.ui.sync.widgets import FingerprintView, PassphraseFields


class SheetDialog(QDialog):
    """A window-modal dialog opened with open(): the caller connects `accepted` and carries on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setProperty(HIDE_WHEN_LOCKED, True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.buttons = QDialogButtonBox()
        self.buttons.rejected.connect(self.reject)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Every subclass sets its texts here."""


def who(info: KeyInfo) -> str:
    return text.peer_name(info.role, info.member_name, str(info.member_id or ""))


class FingerprintCheckDialog(SheetDialog):
    """Trust only what was compared: the fingerprint large, and a tick that every group matched."""

    def __init__(self, info: KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fingerprintCheck")
        self.info = info
        self.heading = QLabel(objectName="sectionTitle")
        self.owner = QLabel(wordWrap=True)
        self.view = FingerprintView(info.fingerprint, 22)
        self.instructions = QLabel(wordWrap=True)
        self.matches = QCheckBox(objectName="fingerprintMatches")
        self.trust_button = QPushButton(objectName="trustButton")
        self.trust_button.setAutoDefault(False)
        self.trust_button.setEnabled(False)
        self.not_now = QPushButton(objectName="notNowButton")
        self.not_now.setDefault(True)  # Enter never trusts by accident
        self.buttons.addButton(self.trust_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.not_now, QDialogButtonBox.ButtonRole.RejectRole)
        self.trust_button.clicked.connect(self.accept)
        self.matches.toggled.connect(self.trust_button.setEnabled)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.owner)
        layout.addWidget(self.view, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.instructions)
        layout.addWidget(self.matches)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.matches, self.trust_button)
        self.retranslate()
        self.matches.setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Compare the key's fingerprint"))
        self.heading.setText(self.tr("Is this the key of {who}?").format(who=who(self.info)))
        self.owner.setText(
            self.tr("A key file of {kind} «{who}», made on {date}.").format(
                kind=text.installation_kind(self.info.role),
                who=who(self.info),
                date=formatting.short_datetime(text.utc(self.info.created)),
            )
        )
        self.instructions.setText(
            self.tr(
                "Call {who} on a number you already know and ask them to read out the fingerprint shown on "
                "their computer (Sync → Keys). Trust the key only if all 16 groups match: a file can be "
                "swapped on the way, a phone voice much less easily."
            ).format(who=who(self.info))
        )
        self.matches.setText(self.tr("I compared all 16 groups and every one &matches"))
        self.trust_button.setText(self.tr("&Trust this key"))
        self.trust_button.setToolTip(self.tr("Accept packages signed with this key from now on"))
        self.not_now.setText(self.tr("It does &not match / later"))
        self.not_now.setToolTip(self.tr("Keep the key untrusted: its packages are refused"))


class RevokeDialog(SheetDialog):
    """A reason is required: it stays with the key and in the audit log."""

    def __init__(self, info: KeyInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revokeDialog")
        self.info = info
        self.heading = QLabel(objectName="sectionTitle")
        self.fingerprint = QLabel(info.fingerprint, wordWrap=True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel(wordWrap=True)
        self.reason = QLineEdit(objectName="revokeReason")
        self.reason_label = QLabel()
        self.reason_label.setBuddy(self.reason)
        self.revoke_button = QPushButton(objectName="revokeButton")
        self.revoke_button.setEnabled(False)
        self.revoke_button.setAutoDefault(False)
        self.cancel_button = QPushButton()
        self.buttons.addButton(self.revoke_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.revoke_button.clicked.connect(self.accept)
        self.reason.textChanged.connect(lambda t: self.revoke_button.setEnabled(bool(t.strip())))
        self.reason.returnPressed.connect(self._enter)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.fingerprint)
        layout.addWidget(self.warning)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.retranslate()
        self.reason.setFocus()

    @property
    def reason_text(self) -> str:
        return self.reason.text().strip()

    @Slot()
    def _enter(self) -> None:
        if self.revoke_button.isEnabled():
            self.accept()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Revoke a key"))
        self.heading.setText(self.tr("Revoke the key of {who}").format(who=who(self.info)))
        self.warning.setText(
            self.tr(
                "From now on every package signed with this key is refused, and the key can never be trusted "
                "again. Do this when a laptop is lost or its passphrase became known."
            )
        )
        self.reason_label.setText(self.tr("&Reason:"))
        self.reason.setPlaceholderText(self.tr("e.g. laptop lost on 12/11/2026"))
        self.reason.setToolTip(self.tr("Kept with the key and in the audit log"))
        self.revoke_button.setText(self.tr("&Revoke the key"))
        self.cancel_button.setText(self.tr("Cancel"))


class PassphraseDialog(SheetDialog):
    """The current passphrase (to make new keys), and a new one typed twice when `change` is set."""

    def __init__(self, change: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.change = change
        self.explanation = QLabel(wordWrap=True)
        self.current = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="currentPassphrase")
        self.current_label = QLabel()
        self.current_label.setBuddy(self.current)
        self.new = PassphraseFields()
        self.new.setVisible(change)
        self.ok_button = QPushButton(objectName="okButton")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton()
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self.accept)
        self.current.textChanged.connect(self._update)
        self.new.changed.connect(self._update)
        form = QFormLayout()
        form.addRow(self.current_label, self.current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.new)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        self.retranslate()
        self._update()
        self.current.setFocus()

    @property
    def passphrase(self) -> str:
        return self.current.text()

    @property
    def new_passphrase(self) -> str:
        return self.new.passphrase

    @Slot()
    def _update(self, *_: object) -> None:
        ready = bool(self.current.text()) and (not self.change or self.new.acceptable())
        self.ok_button.setEnabled(ready)

    def retranslate(self) -> None:
        if self.change:
            self.setWindowTitle(self.tr("Change the passphrase"))
            self.explanation.setText(
                self.tr(
                    "The keys stay the same; only the passphrase that protects them changes. Nobody can recover "
                    "a forgotten passphrase."
                )
            )
            self.ok_button.setText(self.tr("&Change passphrase"))
        else:
            self.setWindowTitle(self.tr("Make new keys"))
            self.explanation.setText(
                self.tr(
                    "New keys are made and signed with the current ones, so the other installations accept them "
                    "without a new phone check once they import the new key file. Packages already on their way "
                    "can still be opened."
                )
            )
            self.ok_button.setText(self.tr("&Make new keys"))
        self.current_label.setText(self.tr("C&urrent passphrase:"))
        self.cancel_button.setText(self.tr("Cancel"))
