"""Khóa: this installation's keys (fingerprint to read out), the peers' keys and their trust."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QEvent, QItemSelection, QSortFilterProxyModel, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ecabinet.model.sync import ProfileRole
from ecabinet.security import keystore
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.storage.atomic import atomic_write
from ecabinet.sync import keys as K
from ecabinet.sync.keys import KeyInfo, ProfileInfo
from ecabinet.ui import formatting
from ecabinet.ui.context import AppContext
from ecabinet.ui.models import SORT_ROLE
from ecabinet.ui.sync import state, text
from ecabinet.ui.sync.dialogs import FingerprintCheckDialog, PassphraseDialog, RevokeDialog
from ecabinet.ui.sync.files import FileChooser, documents_folder
from ecabinet.ui.sync.models import KeyTableModel
from ecabinet.ui.sync.session import KeySession, key_session
from ecabinet.ui.sync.widgets import FingerprintView

NAVY = "#1f3a60"


def tool_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAutoRaise(False)
    return button


def page_action(widget: QWidget, icon: str, shortcut: str | None = None) -> QAction:
    """An action of a page: its shortcut works while the page is shown (a hidden page's actions are idle)."""
    action = QAction(qta.icon(icon, color=NAVY), "", widget)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    widget.addAction(action)
    return action


def set_action(action: QAction, label: str, tip: str) -> None:
    action.setText(label)
    shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
    action.setStatusTip(tip)


class KeyManager(QWidget):
    """Export our key file, import a peer's and trust it after comparing fingerprints, rotate, revoke."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyManager")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#keyManager { background: #ffffff; }")
        self.context = context
        self.keys: KeySession = key_session(context)
        self.files = FileChooser()
        self.info: ProfileInfo | None = None
        self.wanted_key: str | None = None  # to select once the list has it (after an import)

        self.own_heading = QLabel(objectName="sectionTitle")
        self.own_kind = QLabel(wordWrap=True)
        self.fingerprint_label = QLabel()
        self.fingerprint = FingerprintView("", 20)
        self.fingerprint_hint = QLabel(objectName="muted", wordWrap=True)
        self.export_action = page_action(self, "mdi6.file-export-outline", "Ctrl+Shift+E")
        self.rotate_action = page_action(self, "mdi6.key-change")
        self.passphrase_action = page_action(self, "mdi6.lock-reset")
        self.lock_action = page_action(self, "mdi6.lock-outline")
        self.idle = QSpinBox(objectName="idleMinutes", minimum=0, maximum=24 * 60)
        self.idle_label = QLabel()
        self.idle_label.setBuddy(self.idle)

        self.peers_heading = QLabel(objectName="sectionTitle")
        self.import_action = page_action(self, "mdi6.file-import-outline", "Ctrl+Shift+I")
        self.trust_action = page_action(self, "mdi6.shield-check-outline", "Ctrl+T")
        self.revoke_action = page_action(self, "mdi6.key-remove")
        self.model = KeyTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setSortLocaleAware(True)
        self.table = QTableView(objectName="keyTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KeyTableModel.NOTE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        self.empty = QLabel(objectName="muted", wordWrap=True)

        own_buttons = QHBoxLayout()
        for action in (self.export_action, self.rotate_action, self.passphrase_action, self.lock_action):
            own_buttons.addWidget(tool_button(action))
        own_buttons.addStretch(1)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_label)
        idle_row.addWidget(self.idle)
        idle_row.addStretch(1)
        peer_buttons = QHBoxLayout()
        for action in (self.import_action, self.trust_action, self.revoke_action):
            peer_buttons.addWidget(tool_button(action))
        peer_buttons.addStretch(1)
        # The fingerprint on the left, what to do with it on the right: the table below keeps its room.
        about = QVBoxLayout()
        about.addWidget(self.own_kind)
        about.addWidget(self.fingerprint_hint)
        about.addStretch(1)
        about.addLayout(own_buttons)
        about.addLayout(idle_row)
        fingerprint = QVBoxLayout()
        fingerprint.addWidget(self.fingerprint_label)
        fingerprint.addWidget(self.fingerprint)
        fingerprint.addStretch(1)
        own = QHBoxLayout()
        own.addLayout(fingerprint)
        own.addSpacing(self.fontMetrics().averageCharWidth() * 2)
        own.addLayout(about, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own_heading)
        layout.addLayout(own)
        layout.addWidget(self.peers_heading)
        layout.addLayout(peer_buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self._connect_signals()
        self.retranslate()
        self.reload()

    def _connect_signals(self) -> None:
        self.export_action.triggered.connect(self.export_key_file)
        self.rotate_action.triggered.connect(self.ask_rotate)
        self.passphrase_action.triggered.connect(self.ask_change_passphrase)
        self.lock_action.triggered.connect(self.keys.lock_requested)
        self.import_action.triggered.connect(self.import_key_file)
        self.trust_action.triggered.connect(self.ask_trust)
        self.revoke_action.triggered.connect(self.ask_revoke)
        self.idle.editingFinished.connect(self._idle_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.ask_trust())
        self.keys.changed.connect(self.reload)
        self.context.data_changed.connect(self.reload)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.own_heading.setText(self.tr("This installation's keys"))
        self.fingerprint_label.setText(self.tr("Fingerprint of this installation's key:"))
        self.fingerprint.setToolTip(self.tr("Read these 16 groups out to the other side by phone"))
        self.fingerprint_hint.setText(
            self.tr(
                "Give the key file to the other side (USB stick, e-mail) and read this fingerprint to them by "
                "phone: they trust the key only when every group matches."
            )
        )
        set_action(
            self.export_action,
            self.tr("&Export key file…"),
            self.tr("Save this installation's public key file"),
        )
        set_action(
            self.rotate_action,
            self.tr("Make &new keys…"),
            self.tr("Replace this installation's keys; the old ones sign the new ones"),
        )
        set_action(
            self.passphrase_action,
            self.tr("Change &passphrase…"),
            self.tr("Protect the keys with another passphrase"),
        )
        set_action(
            self.lock_action,
            self.tr("&Lock now"),
            self.tr("Lock e-Cabinet until the passphrase is typed again"),
        )
        self.lock_action.setToolTip(self.lock_action.toolTip() + " (Ctrl+L)")
        self.idle_label.setText(self.tr("Lock the screen after i&dle time:"))
        self.idle.setSuffix(self.tr(" min"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setToolTip(
            self.tr("Minutes without use before e-Cabinet locks and asks for the passphrase again (0: never)")
        )
        self.peers_heading.setText(self.tr("Keys of the other installations"))
        set_action(
            self.import_action,
            self.tr("&Import key file…"),
            self.tr("Read the key file of a member's laptop or of the secretariat"),
        )
        set_action(
            self.trust_action,
            self.tr("&Trust…"),
            self.tr("Compare the selected key's fingerprint with its owner by phone, then trust it"),
        )
        set_action(
            self.revoke_action,
            self.tr("Re&voke…"),
            self.tr("Refuse the selected key's packages from now on (a lost laptop)"),
        )
        self.table.setToolTip(self.tr("Enter or double-click: compare and trust the selected key"))
        self.model.retranslate()
        self._show_info()

    # --- loading ------------------------------------------------------------------------------------------

    @Slot()
    def reload(self, *_: object) -> None:
        profile = self.keys.profile
        if profile is None:
            self.info = None
            self.model.set_rows([])
            self._show_info()
            return

        def load(s: Any) -> tuple[ProfileInfo, list[KeyInfo]]:
            return K.profile_info(s, profile), K.list_keys(s, profile)

        self.context.runner.query(load).success(self._loaded).run_in_background()

    def _loaded(self, loaded: tuple[ProfileInfo, list[KeyInfo]]) -> None:
        info, known = loaded
        self.info = info
        current = self._selected()
        self.model.set_rows([k for k in known if k.installation_id != info.installation_id])
        self.select_key(self.wanted_key or (current.key_id if current else ""))
        self._show_info()

    def _show_info(self) -> None:
        info, profile = self.info, self.keys.profile
        has_profile = profile is not None
        for widget in (
            self.fingerprint_label,
            self.fingerprint,
            self.fingerprint_hint,
            self.idle_label,
            self.idle,
        ):
            widget.setVisible(has_profile)
        for action in (
            self.export_action,
            self.rotate_action,
            self.passphrase_action,
            self.lock_action,
            self.import_action,
        ):
            action.setEnabled(has_profile)
        if profile is None:
            self.own_kind.setText(
                self.tr("This installation has no keys yet: set it up first (the button above).")
            )
        else:
            self.fingerprint.set_fingerprint(profile.current.fingerprint)
            self.idle.blockSignals(True)
            self.idle.setValue(profile.idle_lock_minutes)
            self.idle.blockSignals(False)
            if profile.role is ProfileRole.SECRETARIAT:
                kind = text.installation_kind(profile.role)
            elif info is not None and info.member_name:
                kind = self.tr("Laptop of {name}").format(name=info.member_name)
            else:
                kind = self.tr("Laptop of member {id} (the directory arrives with the first package)").format(
                    id=profile.member_id
                )
            self.own_kind.setText(
                self.tr("{kind} · keys made on {date}").format(
                    kind=kind, date=formatting.short_datetime(text.utc(profile.current.created))
                )
            )
        if has_profile and not self.model.rowCount():
            self.empty.setText(
                self.tr("No key of another installation yet: import the key file of the secretariat.")
                if self.keys.is_member_laptop
                else self.tr("No key of a member's laptop yet: import the key files the laptops exported.")
            )
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self._selection_changed()

    def _selected(self) -> KeyInfo | None:
        index = self.table.currentIndex()
        if not index.isValid() or not self.table.selectionModel().hasSelection():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    @Slot()
    def _selection_changed(self, *_: QItemSelection) -> None:
        key = self._selected()
        self.trust_action.setEnabled(key is not None and key.status == "untrusted")
        self.revoke_action.setEnabled(key is not None and key.status != "revoked")

    def select_key(self, key_id: str) -> None:
        row = self.model.row_of(key_id)
        if row >= 0:
            self.table.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
            self.wanted_key = None
        else:
            self.wanted_key = key_id or None

    # --- actions --------------------------------------------------------------------------------------------

    def _write(self, body: Any, label: str | None = None) -> Any:
        """An operation that changes the database as the sync actor (see state.sync_actor)."""
        database, profile, chosen = self.context.database, self.keys.profile, self.context.actor
        op = self.context.runner.operation(
            lambda _progress: state.as_sync_actor(database, profile, chosen, body), writes=True
        )
        if label:
            op.with_progress(label, self, cancellable=False)
        return op.from_source(self)

    @Slot()
    def export_key_file(self) -> None:
        profile = self.keys.profile
        if profile is None:
            return
        if profile.role is ProfileRole.SECRETARIAT:
            name = "ecabinet-vpcp.key"
        else:
            owner = self.info.member_name if self.info else ""
            name = f"ecabinet-{state.slug(owner or 'thanh-vien')}.key"
        path = self.files.save_key_file(self, documents_folder() / name)
        if path is None:
            return
        document = (profile.current.document + "\n").encode("utf-8")
        self.context.runner.operation(lambda _p: atomic_write(path, document)).success(
            lambda _r: self._key_file_saved(path, profile)
        ).run_in_background()

    def _key_file_saved(self, path: Path, profile: Profile) -> None:
        self.context.prompts.inform(
            self,
            self.tr("Key file saved"),
            self.tr(
                "The key file is in {path}.\n\nGive it to the other side, then read them this fingerprint by "
                "phone:\n{fingerprint}"
            ).format(path=path, fingerprint=profile.current.fingerprint),
        )

    @Slot()
    def import_key_file(self) -> None:
        profile = self.keys.profile
        if profile is None:
            return
        path = self.files.open_key_file(self, documents_folder())
        if path is None:
            return
        self.import_key_from(path)

    def import_key_from(self, path: Path) -> None:
        profile = self.keys.profile
        assert profile is not None

        def body(s: Any, actor: Any) -> KeyInfo:
            with path.open("rb") as handle:
                data = handle.read(keystore.MAX_KEY_FILE + 1)
            return K.import_key(s, actor, profile, data)

        self._write(body).success(self._key_imported).run_in_background()

    def _key_imported(self, info: KeyInfo) -> None:
        self.select_key(info.key_id)
        if info.status == "untrusted":
            self.check_fingerprint(info)
        elif info.rotated_from and info.status == "trusted":
            self.context.prompts.inform(
                self,
                self.tr("New key trusted"),
                self.tr(
                    "This key of {who} replaces one you trusted, which signed it: it is trusted without a new "
                    "phone check."
                ).format(who=text.peer_name(info.role, info.member_name)),
            )
        else:
            self.context.prompts.inform(
                self,
                self.tr("Key already known"),
                self.tr("This key is already here ({status}).").format(status=text.key_status(info.status)),
            )

    @Slot()
    def ask_trust(self) -> None:
        key = self._selected()
        if key is not None and key.status == "untrusted":
            self.check_fingerprint(key)

    def check_fingerprint(self, info: KeyInfo) -> FingerprintCheckDialog:
        dialog = FingerprintCheckDialog(info, self)
        dialog.accepted.connect(lambda: self.trust(info))
        dialog.open()
        return dialog

    def trust(self, info: KeyInfo) -> None:
        """Called only once the user ticked that the fingerprint matched."""
        profile = self.keys.profile
        assert profile is not None
        self._write(lambda s, actor: K.trust_key(s, actor, profile, info.key_id)).success(
            self._trusted
        ).run_in_background()

    def _trusted(self, info: KeyInfo) -> None:
        self.select_key(info.key_id)

    @Slot()
    def ask_revoke(self) -> None:
        key = self._selected()
        if key is None or key.status == "revoked":
            return
        dialog = RevokeDialog(key, self)
        dialog.accepted.connect(lambda: self.revoke(key, dialog.reason_text))
        dialog.open()

    def revoke(self, info: KeyInfo, reason: str) -> None:
        profile = self.keys.profile
        assert profile is not None
        self._write(lambda s, actor: K.revoke_key(s, actor, profile, info.key_id, reason)).run_in_background()

    @Slot()
    def ask_rotate(self) -> None:
        dialog = PassphraseDialog(False, self)
        dialog.accepted.connect(lambda: self.rotate(dialog.passphrase))
        dialog.open()

    def rotate(self, passphrase: str) -> None:
        home = self.keys.home

        def body(s: Any, actor: Any) -> tuple[KeyInfo, Keyring]:
            _old, new = K.rotate_keys(s, actor, home, passphrase)
            return new, keystore.unlock(home, passphrase)

        self._write(body, self.tr("Making new keys…")).success(self._rotated).run_in_background()

    def _rotated(self, result: tuple[KeyInfo, Keyring]) -> None:
        new, keyring = result
        self.keys.unlocked(keyring, profile_changed=True)
        self.context.prompts.inform(
            self,
            self.tr("New keys made"),
            self.tr(
                "New fingerprint:\n{fingerprint}\n\nExport the key file again and import it on every other "
                "installation; they accept it without a new phone check."
            ).format(fingerprint=new.fingerprint),
        )

    @Slot()
    def ask_change_passphrase(self) -> None:
        dialog = PassphraseDialog(True, self)
        dialog.accepted.connect(lambda: self.change_passphrase(dialog.passphrase, dialog.new_passphrase))
        dialog.open()

    def change_passphrase(self, old: str, new: str) -> None:
        home = self.keys.home
        self.context.runner.operation(lambda _p: keystore.change_passphrase(home, old, new)).with_progress(
            self.tr("Changing the passphrase…"), self, cancellable=False
        ).success(
            lambda _r: self.context.prompts.inform(
                self,
                self.tr("Passphrase changed"),
                self.tr("From now on, unlock e-Cabinet with the new passphrase."),
            )
        ).run_in_background()

    @Slot()
    def _idle_changed(self) -> None:
        profile = self.keys.profile
        minutes = self.idle.value()
        if profile is None or minutes == profile.idle_lock_minutes:
            return
        home = self.keys.home
        self.context.runner.operation(lambda _p: keystore.set_idle_lock(home, minutes)).success(
            self.keys.settings_changed
        ).run_in_background()
