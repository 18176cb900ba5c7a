"""Cryptographic building blocks: passphrase sealing (scrypt + ChaCha20-Poly1305), fingerprints, and the
content key of a package (X25519 with an ephemeral key, HKDF-SHA256, then AES-256-GCM — or, in packages
written before, ChaCha20-Poly1305 — per entry)."""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import uuid

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM, ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

# scrypt cost (RFC 7914): N=2^17, r=8, p=1 takes ~0.3 s and 128 MiB, the OWASP minimum for scrypt.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
NONCE_BYTES = 12
TAG_BYTES = 16
ENTRY_OVERHEAD = NONCE_BYTES + TAG_BYTES  # an encrypted entry is this much longer than its content
# The entry ciphers a package may name (manifest `encryption.alg`); both use the same content key, 12-byte
# random nonces and 16-byte tags. Packages are written with AES-256-GCM (AES-NI makes it the fastest here,
# and the exporter encrypts a gigabyte of dossiers while it hashes and writes); ChaCha20-Poly1305, what the
# first packages used, is still read.
AES_GCM_CIPHER = "X25519-HKDF-SHA256-AES256GCM"
CHACHA_CIPHER = "X25519-HKDF-SHA256-ChaCha20Poly1305"
PACKAGE_CIPHER = AES_GCM_CIPHER  # what packages are written with
PACKAGE_CIPHERS: dict[str, type[AESGCM] | type[ChaCha20Poly1305]] = {
    AES_GCM_CIPHER: AESGCM,
    CHACHA_CIPHER: ChaCha20Poly1305,
}
KEY_DOMAIN = b"ecabinet-key-v1"
PACKAGE_DOMAIN = b"ecabinet-package-v1"


class CryptoFailure(Exception):
    """A seal could not be opened or a signature did not verify (the caller words the refusal)."""


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: object, length: int | None = None) -> bytes:
    """Strict base64 (no stray characters); `length`, when given, is the exact size expected."""
    if not isinstance(text, str):
        raise CryptoFailure("not base64 text")
    try:
        data = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise CryptoFailure("not base64 text") from exc
    if length is not None and len(data) != length:
        raise CryptoFailure(f"expected {length} bytes, found {len(data)}")
    return data


def derive_passphrase_key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def seal(key: bytes, plaintext: bytes, aad: bytes) -> tuple[bytes, bytes]:
    nonce = os.urandom(NONCE_BYTES)
    return nonce, ChaCha20Poly1305(key).encrypt(nonce, plaintext, aad)


def unseal(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    try:
        return ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise CryptoFailure("the seal does not open") from exc


def raw_public(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
    )


def key_id_of(sign_public: bytes, enc_public: bytes) -> str:
    """The fingerprint: SHA-256 of the public key material, as 64 hex digits."""
    return hashlib.sha256(KEY_DOMAIN + sign_public + enc_public).hexdigest()


def format_fingerprint(key_id: str) -> str:
    """'3F2A 9C01 …': sixteen groups of four, easy to read out over the phone."""
    digits = key_id.upper()
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def normalise_fingerprint(text: str) -> str:
    """What the user typed, as lower-case hex (spaces, dashes and colons ignored)."""
    return "".join(c for c in text.lower() if c not in " -:\t")


def verify(public: bytes, signature: bytes, message: bytes) -> None:
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError) as exc:
        raise CryptoFailure("the signature does not verify") from exc


def _content_key(shared: bytes, ephemeral: bytes, recipient: bytes, package_id: uuid.UUID) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral + recipient,
        info=PACKAGE_DOMAIN + b"|" + package_id.bytes,
    ).derive(shared)


def new_content_key(recipient_public: bytes, package_id: uuid.UUID) -> tuple[bytes, bytes]:
    """(content key, ephemeral public key): a fresh X25519 agreement with the recipient's key."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = raw_public(ephemeral.public_key())
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    return _content_key(shared, ephemeral_public, recipient_public, package_id), ephemeral_public


def open_content_key(private: X25519PrivateKey, ephemeral_public: bytes, package_id: uuid.UUID) -> bytes:
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:  # a low-order point gives an all-zero secret, which cryptography refuses
        raise CryptoFailure("bad ephemeral key") from exc
    return _content_key(shared, ephemeral_public, raw_public(private.public_key()), package_id)


def entry_aad(package_id: uuid.UUID, name: str) -> bytes:
    """Binds each encrypted entry to its package and its name, so entries cannot be swapped."""
    return PACKAGE_DOMAIN + b"|" + package_id.bytes + b"|" + name.encode("utf-8")


class EntrySealer:
    """Encrypts the entries of one package: each one nonce ‖ ciphertext ‖ tag, written into the caller's
    buffer (a gigabyte of dossiers is not copied once more per entry)."""

    def __init__(self, key: bytes, package_id: uuid.UUID, alg: str = PACKAGE_CIPHER) -> None:
        self._aead = PACKAGE_CIPHERS[alg](key)
        self._package_id = package_id

    def seal_into(self, name: str, plaintext: bytes | bytearray | memoryview, out: memoryview) -> None:
        """`out` is exactly len(plaintext) + ENTRY_OVERHEAD bytes long."""
        nonce = os.urandom(NONCE_BYTES)
        out[:NONCE_BYTES] = nonce
        self._aead.encrypt_into(nonce, plaintext, entry_aad(self._package_id, name), out[NONCE_BYTES:])


def encrypt_entry(
    key: bytes, package_id: uuid.UUID, name: str, plaintext: bytes, alg: str = PACKAGE_CIPHER
) -> bytes:
    out = bytearray(len(plaintext) + ENTRY_OVERHEAD)
    EntrySealer(key, package_id, alg).seal_into(name, plaintext, memoryview(out))
    return bytes(out)


def decrypt_entry(
    key: bytes, package_id: uuid.UUID, name: str, stored: bytes, alg: str = PACKAGE_CIPHER
) -> bytes:
    if len(stored) < ENTRY_OVERHEAD:
        raise CryptoFailure("entry too short")
    cipher = PACKAGE_CIPHERS.get(alg)
    if cipher is None:
        raise CryptoFailure(f"unknown cipher {alg[:60]}")
    view = memoryview(stored)
    try:
        return cipher(key).decrypt(view[:NONCE_BYTES], view[NONCE_BYTES:], entry_aad(package_id, name))
    except (InvalidTag, ValueError) as exc:
        raise CryptoFailure("the seal does not open") from exc
