"""Asking for the passphrase: at start (the login dialog) and after the idle lock (the lock screen's form)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.errors import DomainError
from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring
from ecabinet.ui.context import AppContext
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.session import KeySession, key_session

NAVY = "#1f3a60"
ERROR_STYLE = "color: #b3261e; font-weight: bold;"


class UnlockForm(QWidget):
    """Who this installation is, the passphrase, Unlock and Quit. The keys open in a worker (scrypt takes
    a moment); a wrong passphrase says so plainly and leaves the field ready for another try."""

    unlocked = Signal(object)  # the Keyring
    quit_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.keys: KeySession = key_session(context)
        self.member_name = ""
        self.busy = False
        self.icon = QLabel()
        self.icon.setPixmap(qta.icon("mdi6.lock-outline", color=NAVY).pixmap(48, 48))
        self.heading = QLabel(objectName="pageTitle")
        self.who = QLabel()
        self.field = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase")
        self.field_label = QLabel()
        self.field_label.setBuddy(self.field)
        self.message = QLabel(wordWrap=True, objectName="unlockMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        # Room for two lines, so that a message does not squeeze the rest of a dialog that does not grow.
        self.message.setMinimumHeight(self.message.fontMetrics().lineSpacing() * 3)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.unlock_button = QPushButton(objectName="unlockButton")
        self.unlock_button.setDefault(True)
        self.quit_button = QPushButton(objectName="quitButton")
        self.quit_button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.addWidget(self.heading)
        titles.addWidget(self.who)
        top.addLayout(titles, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addSpacing(self.fontMetrics().height() // 2)
        layout.addWidget(self.field_label)
        layout.addWidget(self.field)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setTabOrder(self.field, self.unlock_button)
        self.setTabOrder(self.unlock_button, self.quit_button)

        self.field.returnPressed.connect(self.unlock)
        self.unlock_button.clicked.connect(self.unlock)
        self.quit_button.clicked.connect(self.quit_requested)
        self.heading_text = ""
        self.retranslate()
        self._load_name()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.heading_text or self.tr("Unlock e-Cabinet"))
        self.field_label.setText(self.tr("&Passphrase:"))
        self.field.setToolTip(self.tr("The passphrase that protects this computer's keys"))
        self.unlock_button.setText(self.tr("&Unlock"))
        self.unlock_button.setToolTip(self.tr("Open the keys with this passphrase (Enter)"))
        self.quit_button.setText(self.tr("&Quit"))
        self.quit_button.setToolTip(self.tr("Close e-Cabinet without unlocking"))
        self._show_who()

    def set_heading(self, heading: str) -> None:
        self.heading_text = heading
        self.heading.setText(heading)

    def _show_who(self) -> None:
        profile = self.keys.profile
        if profile is None:
            self.who.setText("")
        elif profile.role is ProfileRole.SECRETARIAT:
            self.who.setText(self.tr("This computer: {kind}").format(kind=text.secretariat()))
        elif self.member_name:
            self.who.setText(self.tr("This computer: the laptop of {name}").format(name=self.member_name))
        else:
            self.who.setText(
                self.tr("This computer: a member's laptop that has not received its first package yet")
            )

    def _load_name(self) -> None:
        profile = self.keys.profile
        if profile is None or profile.member_id is None:
            return
        member_id = profile.member_id
        self.context.runner.query(lambda s: state.member_name(s, member_id)).success(
            self._name_loaded
        ).failure(lambda _exc: None).run_in_background()

    def _name_loaded(self, name: str) -> None:
        self.member_name = name
        self._show_who()

    def showEvent(self, event: QEvent) -> None:
        # Word-wrapped labels in nested layouts can squeeze the heading once the style enlarges its font.
        self.heading.setMinimumHeight(self.heading.sizeHint().height())
        super().showEvent(event)

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def reset(self) -> None:
        self.field.clear()
        self.message.clear()
        self.focus()

    @Slot()
    def unlock(self) -> None:
        if self.busy:
            return
        passphrase = self.field.text()
        if not passphrase:
            self.message.setText(self.tr("Type the passphrase first."))
            self.focus()
            return
        home = self.keys.home
        self._set_busy(True)
        self.message.setText("")
        self.context.runner.operation(lambda _progress: keystore.unlock(home, passphrase)).success(
            self._opened
        ).failure(self._refused).run_in_background()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.field.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        else:
            QGuiApplication.restoreOverrideCursor()

    def _opened(self, keyring: Keyring) -> None:
        self._set_busy(False)
        self.field.clear()
        self.keys.unlocked(keyring)
        self.unlocked.emit(keyring)

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        if not isinstance(exc, DomainError):
            self.context.show_error(exc, self)
            return
        if exc.code == "sync_wrong_passphrase":
            self.message.setText(self.tr("The passphrase is wrong. Try again."))
        else:
            self.message.setText(exc.message(self.context.language))
        self.field.selectAll()
        self.focus()


class LoginDialog(QDialog):
    """At start, when this installation has keys: nothing of the app shows until the passphrase opens them."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.form = UnlockForm(context, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 64)
        self.form.unlocked.connect(self.accept)
        self.form.quit_requested.connect(self.reject)
        self.retranslate()
        self.form.focus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("e-Cabinet — unlock"))

    def reject(self) -> None:
        if not self.form.busy:  # the keys are being opened: wait for the answer
            super().reject()


def ask_passphrase_at_start(context: AppContext) -> bool:
    """True when the app may go on: no profile (nothing to unlock), or the keys were opened."""
    keys = key_session(context)
    if keys.profile is None or keys.keyring is not None:
        return True
    dialog = LoginDialog(context)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted
