"""This installation's profile and key pairs, kept in the home folder with the private keys sealed under the
user's passphrase; signed public key files for peers; key rotation.

`keys/keystore.json` holds the profile (installation id, role, member id), the scrypt parameters and, for
each key pair (the last one is current; earlier ones stay to open packages still on their way), the signed
public key document and the sealed private keys. Nothing secret is written unsealed.
"""

from __future__ import annotations

import json
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from ecabinet.errors import DomainError, InvalidInput, InvalidState
from ecabinet.model.base import utcnow
from ecabinet.model.sync import ProfileRole
from ecabinet.security import crypto
from ecabinet.security.crypto import CryptoFailure, b64d, b64e
from ecabinet.storage.atomic import atomic_write

KEYSTORE = Path("keys") / "keystore.json"
KEYSTORE_TYPE = "ecabinet-keystore"
KEY_FILE_TYPE = "ecabinet-public-key"
FORMAT_VERSION = 1
MIN_PASSPHRASE = 10
IDLE_LOCK_MINUTES = 10  # the UI locks the keys after this long without input; 0 = never
MAX_KEY_FILE = 64 * 1024


@dataclass(frozen=True)
class PublicKey:
    """A signed public key document: who it belongs to and its two public keys."""

    key_id: str
    installation_id: uuid.UUID
    role: ProfileRole
    member_id: uuid.UUID | None
    sign_public: bytes
    enc_public: bytes
    created: datetime
    previous_key_id: str | None
    rotation_signature: bytes | None
    document: str  # the canonical JSON text, as written to key files

    @property
    def fingerprint(self) -> str:
        return crypto.format_fingerprint(self.key_id)


@dataclass(frozen=True)
class Profile:
    """What this installation is, without unlocking anything."""

    installation_id: uuid.UUID
    role: ProfileRole
    member_id: uuid.UUID | None
    created: datetime
    keys: tuple[PublicKey, ...]  # oldest first; the last is current
    idle_lock_minutes: int

    @property
    def current(self) -> PublicKey:
        return self.keys[-1]


class Keyring:
    """The unlocked private keys of this installation; drop it to lock (the UI does after the idle time)."""

    def __init__(
        self,
        profile: Profile,
        signing: dict[str, Ed25519PrivateKey],
        encryption: dict[str, X25519PrivateKey],
    ) -> None:
        self.profile = profile
        self._signing = signing
        self._encryption = encryption

    @property
    def current(self) -> PublicKey:
        return self.profile.current

    def sign(self, message: bytes) -> bytes:
        return self._signing[self.current.key_id].sign(message)

    def decryption_key(self, key_id: str) -> X25519PrivateKey | None:
        """The private encryption key for `key_id`, current or retired; None when it is not ours."""
        return self._encryption.get(key_id)

    def __repr__(self) -> str:  # never show key material in logs or tracebacks
        return f"<Keyring {self.profile.installation_id} unlocked>"


def keystore_path(home: Path) -> Path:
    return home / KEYSTORE


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _payload(doc: dict[str, Any]) -> bytes:
    body = {k: v for k, v in doc.items() if k not in ("signature", "rotation_signature")}
    return crypto.KEY_DOMAIN + b"\n" + _canonical(body).encode("utf-8")


def _key_document(
    installation_id: uuid.UUID,
    role: ProfileRole,
    member_id: uuid.UUID | None,
    sign: Ed25519PrivateKey,
    enc: X25519PrivateKey,
    previous: Ed25519PrivateKey | None,
    previous_key_id: str | None,
) -> dict[str, Any]:
    sign_public = crypto.raw_public(sign.public_key())
    enc_public = crypto.raw_public(enc.public_key())
    doc: dict[str, Any] = {
        "type": KEY_FILE_TYPE,
        "format_version": FORMAT_VERSION,
        "key_id": crypto.key_id_of(sign_public, enc_public),
        "installation_id": str(installation_id),
        "role": role.value,
        "member_id": None if member_id is None else str(member_id),
        "sign_public": b64e(sign_public),
        "enc_public": b64e(enc_public),
        "created": utcnow().isoformat(),
        "previous_key_id": previous_key_id,
    }
    payload = _payload(doc)
    doc["signature"] = b64e(sign.sign(payload))
    doc["rotation_signature"] = None if previous is None else b64e(previous.sign(payload))
    return doc


def _bad_key_file(detail: str) -> DomainError:
    return InvalidInput("sync_key_file_invalid", detail=detail)


def parse_key_document(data: dict[str, Any] | str | bytes) -> PublicKey:
    """Read a public key document and check its self-signature (a rotation signature is checked by the
    caller, who knows the previous key)."""
    if isinstance(data, (str, bytes)):
        if len(data) > MAX_KEY_FILE:
            raise _bad_key_file("the file is too large for a key file")
        try:
            data = json.loads(data)
        except (ValueError, UnicodeDecodeError) as exc:
            raise _bad_key_file("it is not JSON") from exc
    if not isinstance(data, dict) or data.get("type") != KEY_FILE_TYPE:
        raise _bad_key_file("it is not an e-Cabinet public key")
    if data.get("format_version") != FORMAT_VERSION:
        raise _bad_key_file(f"unsupported key format {data.get('format_version')!r}")
    try:
        sign_public = b64d(data["sign_public"], 32)
        enc_public = b64d(data["enc_public"], 32)
        key_id = crypto.key_id_of(sign_public, enc_public)
        if data["key_id"] != key_id:
            raise _bad_key_file("its fingerprint does not match its keys")
        crypto.verify(sign_public, b64d(data["signature"], 64), _payload(data))
        member = data["member_id"]
        previous = data["previous_key_id"]
        rotation = data["rotation_signature"]
        created = datetime.fromisoformat(data["created"])
        if created.tzinfo is None or not isinstance(previous, (str, type(None))):
            raise _bad_key_file("a field has the wrong type")
        return PublicKey(
            key_id=key_id,
            installation_id=uuid.UUID(data["installation_id"]),
            role=ProfileRole(data["role"]),
            member_id=None if member is None else uuid.UUID(member),
            sign_public=sign_public,
            enc_public=enc_public,
            created=created,
            previous_key_id=previous,
            rotation_signature=None if rotation is None else b64d(rotation, 64),
            document=_canonical(data),
        )
    except CryptoFailure as exc:
        raise _bad_key_file(f"its signature or keys are not valid ({exc})") from exc
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise _bad_key_file(f"a field is missing or malformed ({exc})") from exc


def verify_rotation(new: PublicKey, previous: PublicKey) -> bool:
    """True when `new` was signed by `previous` (the same installation rotating its keys)."""
    if new.previous_key_id != previous.key_id or new.rotation_signature is None:
        return False
    if (new.installation_id, new.role, new.member_id) != (
        previous.installation_id,
        previous.role,
        previous.member_id,
    ):
        return False
    try:
        crypto.verify(previous.sign_public, new.rotation_signature, _payload(json.loads(new.document)))
    except CryptoFailure:
        return False
    return True


# --- the keystore file ------------------------------------------------------------------------------------


def _read(home: Path) -> dict[str, Any] | None:
    path = keystore_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidState("sync_keystore_damaged", path=str(path)) from exc
    if not isinstance(data, dict) or data.get("type") != KEYSTORE_TYPE:
        raise InvalidState("sync_keystore_damaged", path=str(path))
    return data


def _write(home: Path, data: dict[str, Any]) -> None:
    path = keystore_path(home)
    atomic_write(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    if os.name == "posix":
        os.chmod(path, 0o600)


def _profile(data: dict[str, Any]) -> Profile:
    try:
        keys = tuple(parse_key_document(entry["document"]) for entry in data["keys"])
        member = data["member_id"]
        return Profile(
            installation_id=uuid.UUID(data["installation_id"]),
            role=ProfileRole(data["role"]),
            member_id=None if member is None else uuid.UUID(member),
            created=datetime.fromisoformat(data["created"]),
            keys=keys,
            idle_lock_minutes=int(data.get("settings", {}).get("idle_lock_minutes", IDLE_LOCK_MINUTES)),
        )
    except (KeyError, TypeError, ValueError, DomainError) as exc:
        raise InvalidState("sync_keystore_damaged", path="keystore.json") from exc


def load_profile(home: Path) -> Profile | None:
    """This installation's profile, or None before `profile init`; no passphrase needed."""
    data = _read(home)
    return None if data is None else _profile(data)


def _derive(data: dict[str, Any], passphrase: str) -> bytes:
    kdf = data["kdf"]
    return crypto.derive_passphrase_key(passphrase, b64d(kdf["salt"]), kdf["n"], kdf["r"], kdf["p"])


def _sealed(key: bytes, key_id: str, sign: Ed25519PrivateKey, enc: X25519PrivateKey) -> dict[str, str]:
    secret = _canonical(
        {"sign_private": b64e(crypto.raw_private(sign)), "enc_private": b64e(crypto.raw_private(enc))}
    ).encode()
    nonce, ciphertext = crypto.seal(key, secret, key_id.encode())
    return {"alg": "ChaCha20Poly1305", "nonce": b64e(nonce), "ciphertext": b64e(ciphertext)}


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInput("sync_weak_passphrase", minimum=MIN_PASSPHRASE)


def create_keystore(
    home: Path,
    installation_id: uuid.UUID,
    role: ProfileRole,
    member_id: uuid.UUID | None,
    passphrase: str,
    scrypt_n: int = crypto.SCRYPT_N,
) -> Profile:
    """Make the key pairs of a new profile and seal them under `passphrase`."""
    if _read(home) is not None:
        raise InvalidState("sync_profile_exists")
    if (role is ProfileRole.MEMBER) != (member_id is not None):
        raise InvalidInput("field_invalid", field="member", reason="a member laptop names its member")
    check_passphrase_strength(passphrase)
    data: dict[str, Any] = {
        "type": KEYSTORE_TYPE,
        "format_version": FORMAT_VERSION,
        "installation_id": str(installation_id),
        "role": role.value,
        "member_id": None if member_id is None else str(member_id),
        "created": utcnow().isoformat(),
        "kdf": {
            "name": "scrypt",
            "salt": b64e(os.urandom(16)),
            "n": scrypt_n,
            "r": crypto.SCRYPT_R,
            "p": crypto.SCRYPT_P,
        },
        "settings": {"idle_lock_minutes": IDLE_LOCK_MINUTES},
        "keys": [],
    }
    sign, enc = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    doc = _key_document(installation_id, role, member_id, sign, enc, None, None)
    data["keys"].append(
        {"document": doc, "sealed": _sealed(_derive(data, passphrase), doc["key_id"], sign, enc)}
    )
    _write(home, data)
    return _profile(data)


def _open_all(data: dict[str, Any], passphrase: str) -> tuple[dict[str, Any], dict[str, Any]]:
    key = _derive(data, passphrase)
    signing: dict[str, Any] = {}
    encryption: dict[str, Any] = {}
    for entry in data["keys"]:
        key_id = entry["document"]["key_id"]
        sealed = entry["sealed"]
        try:
            secret = json.loads(
                crypto.unseal(key, b64d(sealed["nonce"]), b64d(sealed["ciphertext"]), key_id.encode())
            )
        except CryptoFailure as exc:
            raise InvalidInput("sync_wrong_passphrase") from exc
        signing[key_id] = Ed25519PrivateKey.from_private_bytes(b64d(secret["sign_private"], 32))
        encryption[key_id] = X25519PrivateKey.from_private_bytes(b64d(secret["enc_private"], 32))
    return signing, encryption


def unlock(home: Path, passphrase: str) -> Keyring:
    """Open the private keys with the user's passphrase (wrong passphrase: a refusal, nothing changes)."""
    data = _read(home)
    if data is None:
        raise InvalidState("sync_no_profile")
    profile = _profile(data)
    signing, encryption = _open_all(data, passphrase)
    return Keyring(profile, signing, encryption)


def rotate_keystore(home: Path, passphrase: str) -> tuple[PublicKey, PublicKey]:
    """New key pairs, their document signed by the old signing key too; returns (old, new)."""
    data = _read(home)
    if data is None:
        raise InvalidState("sync_no_profile")
    profile = _profile(data)
    signing, _ = _open_all(data, passphrase)
    old = profile.current
    sign, enc = Ed25519PrivateKey.generate(), X25519PrivateKey.generate()
    doc = _key_document(
        profile.installation_id, profile.role, profile.member_id, sign, enc, signing[old.key_id], old.key_id
    )
    data["keys"].append(
        {"document": doc, "sealed": _sealed(_derive(data, passphrase), doc["key_id"], sign, enc)}
    )
    _write(home, data)
    return old, _profile(data).current


def change_passphrase(home: Path, old: str, new: str) -> None:
    """Reseal every private key under a new passphrase (and a new salt)."""
    data = _read(home)
    if data is None:
        raise InvalidState("sync_no_profile")
    check_passphrase_strength(new)
    signing, encryption = _open_all(data, old)
    data["kdf"]["salt"] = b64e(os.urandom(16))
    key = _derive(data, new)
    for entry in data["keys"]:
        key_id = entry["document"]["key_id"]
        entry["sealed"] = _sealed(key, key_id, signing[key_id], encryption[key_id])
    _write(home, data)


def set_idle_lock(home: Path, minutes: int) -> Profile:
    """How long the UI waits without input before it locks the keys again (0: never)."""
    data = _read(home)
    if data is None:
        raise InvalidState("sync_no_profile")
    if not 0 <= minutes <= 24 * 60:
        raise InvalidInput("field_invalid", field="idle_lock_minutes", reason="0 to 1440 minutes")
    data.setdefault("settings", {})["idle_lock_minutes"] = minutes
    _write(home, data)
    return _profile(data)
