"""This installation's profile and, once the passphrase has been given, its unlocked keys — one per app."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ecabinet.errors import DomainError
from ecabinet.model.sync import ProfileRole
from ecabinet.security import crypto, keystore
from ecabinet.security.keystore import Keyring, Profile
from ecabinet.sync.keys import check_installation
from ecabinet.ui.context import AppContext


class KeySession(QObject):
    """A child of the AppContext (found with `key_session(context)`), so every window and page shares it
    without the context having to know about sync. Dropping the keyring is what locking means."""

    changed = Signal()  # the profile was set up, its keys rotated or its settings changed
    lock_changed = Signal(bool)  # True: the keys were dropped (idle lock); False: unlocked again
    lock_requested = Signal()  # "lock now" from a page; the idle lock of the window acts on it

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.setObjectName("keySession")
        self.home = context.database.home
        self.installation_id = context.database.installation_id
        self.profile: Profile | None = None
        self.keyring: Keyring | None = None
        self.problem: DomainError | None = None  # a damaged key store, or keys of another installation
        # The cost of new keys' passphrase derivation; tests lower it, the app keeps the keystore's default.
        self.scrypt_n = crypto.SCRYPT_N
        self.reload()

    def reload(self) -> None:
        """Read the profile again (a small file; no passphrase needed)."""
        try:
            profile = keystore.load_profile(self.home)
            if profile is not None:
                check_installation(profile, self.installation_id)
        except DomainError as exc:
            self.problem, self.profile = exc, None
            return
        self.problem, self.profile = None, profile

    @property
    def role(self) -> ProfileRole | None:
        return None if self.profile is None else self.profile.role

    @property
    def is_member_laptop(self) -> bool:
        return self.role is ProfileRole.MEMBER

    @property
    def locked(self) -> bool:
        """A profile whose keys are not open (before login, or after the idle lock)."""
        return self.profile is not None and self.keyring is None

    def unlocked(self, keyring: Keyring, profile_changed: bool = False) -> None:
        """The passphrase opened the keys (at login, at the lock screen, after setup or rotation)."""
        self.keyring = keyring
        self.reload()
        self.lock_changed.emit(False)
        if profile_changed:
            self.changed.emit()

    def settings_changed(self, profile: Profile) -> None:
        self.profile = profile
        self.changed.emit()

    def lock(self) -> None:
        if self.keyring is None:
            return
        self.keyring = None
        self.lock_changed.emit(True)


def key_session(context: AppContext) -> KeySession:
    """The one KeySession of this context, made on first use."""
    found = context.findChild(KeySession, "keySession")
    return found if isinstance(found, KeySession) else KeySession(context)
