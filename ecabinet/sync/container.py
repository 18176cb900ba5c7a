"""The .ecab container: a zip of stored entries — a signed manifest, the change records and the files they
need, each encrypted for the recipient — written in one pass and read back under strict limits.

Reading never trusts the zip: names are checked against a fixed pattern, declared sizes against the
limits, and entries are read straight from their local headers with a cap, so neither a lying header nor
a compressed bomb can make the reader allocate more than the limits allow. See FORMAT.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import struct
import uuid
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from ecabinet import __version__
from ecabinet.errors import DomainError, NotFound
from ecabinet.model.sync import ProfileRole
from ecabinet.security import crypto
from ecabinet.security.crypto import CryptoFailure, b64d, b64e
from ecabinet.security.keystore import Keyring
from ecabinet.sync.errors import PackageRefused

FORMAT = "ecabinet-package"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
RECORDS = "records.jsonl.z"
FILES = "files/"
_NAME = re.compile(r"\A(manifest\.json|manifest\.sig|records\.jsonl\.z|files/[0-9a-f]{64})\Z")
_LOCAL_HEADER = struct.Struct("<4s5H3I2H")
_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # entries carry no time: the manifest's `created` is the signed one
CHUNK = 1 << 20
MiB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What an import accepts at most; checked on declared sizes first, then while reading."""

    package_bytes: int = 16 * 1024 * MiB
    entry_bytes: int = 1024 * MiB
    total_bytes: int = 16 * 1024 * MiB
    entries: int = 250_000
    records_bytes: int = 512 * MiB  # the change records once decompressed
    manifest_bytes: int = 64 * MiB


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Entry:
    name: str
    kind: str  # "records" or "file"
    size: int  # bytes stored in the zip
    sha256: str  # of the stored bytes
    plain_size: int  # after decryption (and, for records, decompression)
    plain_sha256: str


@dataclass(frozen=True)
class Manifest:
    package_id: uuid.UUID
    created: datetime
    app_version: str
    sender_installation_id: uuid.UUID
    sender_key_id: str
    sender_role: ProfileRole
    sender_member_id: uuid.UUID | None
    recipient_installation_id: uuid.UUID
    recipient_key_id: str
    sequence: int
    ack: int
    ephemeral_public: bytes | None  # None: not encrypted
    record_count: int
    entries: tuple[Entry, ...]
    cipher: str = crypto.PACKAGE_CIPHER  # the entries' cipher (encryption.alg) when encrypted

    @property
    def encrypted(self) -> bool:
        return self.ephemeral_public is not None


def _sha(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_bytes(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def encode_records(records: Iterable[dict[str, Any]]) -> bytes:
    return b"".join(canonical_bytes(r) + b"\n" for r in records)


def signed_message(manifest_bytes: bytes) -> bytes:
    return crypto.PACKAGE_DOMAIN + b"\n" + manifest_bytes


def sign_manifest(keyring: Keyring, manifest_bytes: bytes) -> bytes:
    return b64e(keyring.sign(signed_message(manifest_bytes))).encode("ascii")


def _zipinfo(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_STORED
    info.external_attr = 0o600 << 16
    return info


def assemble(
    out: IO[bytes], manifest: dict[str, Any], entries: Iterable[tuple[str, bytes]], keyring: Keyring
) -> None:
    """Write the zip: the entries, then the manifest and its signature (by `keyring`'s current key)."""
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED, allowZip64=True) as zf:
        for name, data in entries:
            zf.writestr(_zipinfo(name), data)
        manifest_bytes = canonical_bytes(manifest)
        zf.writestr(_zipinfo(MANIFEST), manifest_bytes)
        zf.writestr(_zipinfo(SIGNATURE), sign_manifest(keyring, manifest_bytes))


@dataclass(frozen=True)
class Header:
    """Who sends what to whom: everything of the manifest that is not about the entries."""

    package_id: uuid.UUID
    created: datetime
    recipient_installation_id: uuid.UUID
    recipient_key_id: str
    sequence: int
    ack: int


class ExportCancelled(DomainError):
    """The user stopped the export while the package was being written; nothing of it was kept."""

    def __init__(self) -> None:
        super().__init__("sync_export_cancelled")


# A file to carry: in memory (a watermarked copy), or a file of the store, read when its turn comes.
Content = bytes | Path
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Written:
    """A package written: its manifest, and the size and SHA-256 of the whole file (taken as it was written)."""

    manifest: dict[str, Any]
    size: int
    sha256: str


_CENTRAL = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_END64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_LIMIT = (1 << 31) - 1  # zipfile's threshold for the ZIP64 fields
_COUNT_LIMIT = (1 << 16) - 1


_datasync = getattr(os, "fdatasync", os.fsync)  # Windows has only fsync


class _ZipStream:
    """A zip of stored entries written front to back: each entry's CRC and size are known before its header
    is made, so nothing is patched afterwards. The bytes are those zipfile writes for the same entries (a
    test compares them).

    The caller's thread lays the entries out; one thread writes them in order, another takes the file's
    SHA-256 over the same bytes, and, every `sync_every` bytes, a third flushes the file to disk — so the
    final fsync does not wait for the whole package, and no thread waits for the disk while there is
    hashing or encryption to do. `close()` waits for all three (after a failure, `close(cancel=True)`)."""

    def __init__(self, out: IO[bytes], sync_every: int = 0) -> None:
        self._out = out
        self._digest = hashlib.sha256()
        self._central: list[zipfile.ZipInfo] = []
        self._sync_every = sync_every
        self._unsynced = 0
        self._syncs: list[Future[None]] = []
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecab-write")
        self._hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecab-digest")
        self._syncer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="ecab-sync")
        self._queued: list[Future[None]] = []  # every write and hash, checked at the end
        self.offset = 0

    def _write(self, head: bytes, data: bytes | memoryview) -> None:
        self._out.write(head)
        self._out.write(data)
        self._unsynced += len(head) + len(data)
        if self._sync_every and self._unsynced >= self._sync_every:
            self._out.flush()
            self._syncs.append(self._syncer.submit(_datasync, self._out.fileno()))
            self._unsynced = 0

    def _hash(self, head: bytes, data: bytes | memoryview) -> None:
        self._digest.update(head)
        self._digest.update(data)

    def _emit(self, head: bytes, data: bytes | memoryview = b"") -> list[Future[None]]:
        """Queue `head` then `data` (kept unchanged until the futures returned are done)."""
        self.offset += len(head) + len(data)
        queued = [self._writer.submit(self._write, head, data), self._hasher.submit(self._hash, head, data)]
        self._queued += queued
        return queued

    def add(self, name: str, data: bytes | memoryview, crc: int) -> list[Future[None]]:
        info = _zipinfo(name)
        info.CRC = crc
        info.file_size = info.compress_size = len(data)
        info.header_offset = self.offset
        self._central.append(info)
        return self._emit(info.FileHeader(zip64=len(data) > _ZIP64_LIMIT), data)

    def finish(self) -> tuple[int, str]:
        """Write the central directory and its end records, wait until everything is written (and flushed,
        if asked); (the file's size, its SHA-256)."""
        start = self.offset
        directory = []
        for info in self._central:
            wide = [n for n in (info.file_size, info.compress_size) if info.file_size > _ZIP64_LIMIT]
            if info.header_offset > _ZIP64_LIMIT:
                wide.append(info.header_offset)
            extra = struct.pack(f"<HH{len(wide)}Q", 1, 8 * len(wide), *wide) if wide else b""
            version = 45 if wide else info.create_version
            size = 0xFFFFFFFF if info.file_size > _ZIP64_LIMIT else info.file_size
            name = info.filename.encode("ascii")  # the names are fixed ASCII forms
            directory.append(
                _CENTRAL.pack(
                    b"PK\x01\x02",
                    version,
                    info.create_system,
                    max(version, info.extract_version),
                    info.reserved,
                    info.flag_bits,
                    info.compress_type,
                    0,  # 00:00:00
                    (1 << 5) | 1,  # 1 January 1980
                    info.CRC,
                    size,
                    size,
                    len(name),
                    len(extra),
                    0,
                    0,
                    info.internal_attr,
                    info.external_attr,
                    0xFFFFFFFF if info.header_offset > _ZIP64_LIMIT else info.header_offset,
                )
                + name
                + extra
            )
        tail = b"".join(directory)
        end = start + len(tail)
        count, size, offset = len(self._central), end - start, start
        if count > _COUNT_LIMIT or offset > _ZIP64_LIMIT or size > _ZIP64_LIMIT:
            tail += _END64.pack(b"PK\x06\x06", 44, 45, 45, 0, 0, count, count, size, offset)
            tail += _END64_LOCATOR.pack(b"PK\x06\x07", 0, end, 1)
            count, size, offset = min(count, 0xFFFF), min(size, 0xFFFFFFFF), min(offset, 0xFFFFFFFF)
        tail += _END.pack(b"PK\x05\x06", 0, 0, count, count, size, offset, 0)
        self._emit(tail)
        self.close()
        return self.offset, self._digest.hexdigest()

    def close(self, cancel: bool = False) -> None:
        """Wait for the threads (dropping what is still queued when `cancel`); a write that failed raises."""
        self._writer.shutdown(cancel_futures=cancel)
        self._hasher.shutdown(cancel_futures=cancel)
        self._syncer.shutdown(cancel_futures=cancel)
        if not cancel:
            for future in [*self._queued, *self._syncs]:
                future.result()


@dataclass(frozen=True)
class _Source:
    """One entry to write: its content (`size` bytes) and what the manifest says of it."""

    name: str
    kind: str
    content: Content
    size: int
    expected_sha256: str | None  # checked before the entry is written (a file must match its name)
    plain_size: int
    plain_sha256: str


class _Slots:
    """Two reusable buffers: an entry is read (or encrypted) into one while the other is still in use."""

    def __init__(self) -> None:
        self._buffers = [bytearray(), bytearray()]
        self._users: list[list[Future[Any]]] = [[], []]

    def take(self, slot: int, size: int) -> memoryview:
        """A view of `size` bytes of buffer `slot`, once the work still using it has finished."""
        for user in self._users[slot]:
            user.result()
        self._users[slot].clear()
        if len(self._buffers[slot]) < size:
            self._buffers[slot] = bytearray(size)
        return memoryview(self._buffers[slot])[:size]

    def used_by(self, slot: int, future: Future[Any]) -> None:
        self._users[slot].append(future)


def _load(source: _Source, slots: _Slots, slot: int) -> tuple[bytes | memoryview, str | None]:
    """The entry's content in memory, and its SHA-256 when it has to be checked (in a worker thread:
    reading and hashing let go of the GIL, so they overlap with the encryption of the entry before)."""
    if isinstance(source.content, Path):
        view = slots.take(slot, source.size)
        try:
            with source.content.open("rb", buffering=0) as f:
                done = 0
                while done < source.size and (n := f.readinto(view[done:])):
                    done += n
                grown = f.read(1)
        except FileNotFoundError as exc:
            raise NotFound("blob_missing", sha256=source.expected_sha256 or source.name) from exc
        if done != source.size or grown:
            raise DomainError("blob_corrupt", sha256=source.expected_sha256 or source.name)
        data: bytes | memoryview = view
    else:
        data = source.content
    if source.expected_sha256 is None:
        return data, None
    return data, hashlib.sha256(data).hexdigest()


def _content_size(sha: str, content: Content) -> int:
    if isinstance(content, bytes):
        return len(content)
    try:
        return content.stat().st_size
    except FileNotFoundError as exc:
        raise NotFound("blob_missing", sha256=sha) from exc


def write_package(
    out: IO[bytes],
    header: Header,
    keyring: Keyring,
    records: list[dict[str, Any]],
    files: Sequence[tuple[str, Content]],
    recipient_enc_public: bytes | None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    sync_every: int = 0,
    cipher: str = crypto.PACKAGE_CIPHER,
) -> Written:
    """Write a whole package to `out`; encrypted for the recipient unless `recipient_enc_public` is None.

    `files` are (SHA-256, content); each is checked against its hash as it is read, so a damaged file of
    the store stops the export (`blob_corrupt`) instead of making a package every recipient refuses.
    `progress(done, total)` follows the bytes of the entries; `cancelled()` is asked before each entry, and
    when it says yes `ExportCancelled` is raised (the caller discards what was written). With `sync_every`,
    `out` (a real file) is flushed to disk each time that many more bytes were written. `cipher` names the
    entries' cipher (crypto.PACKAGE_CIPHERS); the default is what packages are written with.

    This thread encrypts (the AEAD holds the GIL); reading and checking the next file and hashing the
    encrypted bytes run on two worker threads, writing them and hashing the whole file on the zip stream's
    (all of these release the GIL). At most two entries are in memory at each stage."""
    sealer: crypto.EntrySealer | None = None
    encryption: dict[str, Any] | None = None
    if recipient_enc_public is not None:
        key, ephemeral = crypto.new_content_key(recipient_enc_public, header.package_id)
        sealer = crypto.EntrySealer(key, header.package_id, cipher)
        encryption = {"alg": cipher, "ephemeral_public": b64e(ephemeral)}
    overhead = 0 if sealer is None else crypto.ENTRY_OVERHEAD
    jsonl = encode_records(records)
    packed = zlib.compress(jsonl, 6)
    sources = [_Source(RECORDS, "records", packed, len(packed), None, len(jsonl), _sha(jsonl))]
    for sha, content in files:
        size = _content_size(sha, content)
        sources.append(_Source(FILES + sha, "file", content, size, sha, size, sha))
    total = sum(source.size + overhead for source in sources)
    listed: list[dict[str, Any]] = []
    zipped = _ZipStream(out, sync_every)
    plain, sealed = _Slots(), _Slots()
    done = 0
    hashes: list[Future[str]] = []
    # Two workers: one reads and checks the next entry, the other hashes the encrypted bytes of this one;
    # the zip stream writes and hashes the entries in order on threads of its own.
    workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ecab-hash")
    finished = False
    try:
        loading = workers.submit(_load, sources[0], plain, 0)
        for index, source in enumerate(sources):
            if cancelled is not None and cancelled():
                raise ExportCancelled()
            data, digest = loading.result()
            if digest is not None and digest != source.expected_sha256:
                raise DomainError("blob_corrupt", sha256=source.expected_sha256)
            if index + 1 < len(sources):
                loading = workers.submit(_load, sources[index + 1], plain, (index + 1) % 2)
            slot = index % 2
            if sealer is None:
                stored: bytes | memoryview = data
                slots = plain
            else:
                stored = sealed.take(slot, source.size + overhead)
                sealer.seal_into(source.name, data, stored)
                slots = sealed
            hashing = workers.submit(_sha, stored)  # read when the manifest is written
            slots.used_by(slot, hashing)
            hashes.append(hashing)
            crc = zlib.crc32(stored)
            listed.append(
                {
                    "name": source.name,
                    "kind": source.kind,
                    "size": len(stored),
                    "sha256": "",
                    "plain_size": source.plain_size,
                    "plain_sha256": source.plain_sha256,
                }
            )
            for writing in zipped.add(source.name, stored, crc):
                slots.used_by(slot, writing)
            done += len(stored)
            if progress is not None:
                progress(done, total)
        for entry, hashing in zip(listed, hashes, strict=True):
            entry["sha256"] = hashing.result()
        manifest = _manifest(header, keyring, encryption, records, listed)
        manifest_bytes = canonical_bytes(manifest)
        signature = sign_manifest(keyring, manifest_bytes)
        zipped.add(MANIFEST, manifest_bytes, zlib.crc32(manifest_bytes))
        zipped.add(SIGNATURE, signature, zlib.crc32(signature))
        size, digest = zipped.finish()
        finished = True
    finally:
        workers.shutdown(cancel_futures=True)
        if not finished:
            zipped.close(cancel=True)
    if progress is not None:
        progress(total, total)
    return Written(manifest, size, digest)


def _manifest(
    header: Header,
    keyring: Keyring,
    encryption: dict[str, Any] | None,
    records: list[dict[str, Any]],
    listed: list[dict[str, Any]],
) -> dict[str, Any]:
    current = keyring.current
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "package_id": str(header.package_id),
        "created": header.created.isoformat(),
        "app_version": __version__,
        "sender": {
            "installation_id": str(current.installation_id),
            "key_id": current.key_id,
            "role": current.role.value,
            "member_id": None if current.member_id is None else str(current.member_id),
        },
        "recipient": {
            "installation_id": str(header.recipient_installation_id),
            "key_id": header.recipient_key_id,
        },
        "sequence": header.sequence,
        "ack": header.ack,
        "encryption": encryption,
        "record_count": len(records),
        "entries": listed,
    }


def estimate_size(records_stored: int, file_sizes: Sequence[int], encrypted: bool) -> int:
    """The size of a package whose records compress to `records_stored` bytes and which carries files of
    these sizes: the entries, their zip headers and directory, and the manifest (its ids, hashes and keys
    have fixed lengths, so only the numbers are guessed)."""
    overhead = crypto.ENTRY_OVERHEAD if encrypted else 0
    digest = "0" * 64
    entries = [(RECORDS, "records", records_stored + overhead, len(str(records_stored * 4)))]
    entries += [(FILES + digest, "file", size + overhead, len(str(size))) for size in file_sizes]
    listed = [
        {
            "name": n,
            "kind": k,
            "size": size,
            "sha256": digest,
            "plain_size": 10 ** (w - 1),
            "plain_sha256": digest,
        }
        for n, k, size, w in entries
    ]
    sample = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "package_id": str(uuid.UUID(int=0)),
        "created": "2026-01-01T00:00:00.000000+00:00",
        "app_version": __version__,
        "sender": {
            "installation_id": str(uuid.UUID(int=0)),
            "key_id": digest,
            "role": "secretariat",
            "member_id": str(uuid.UUID(int=0)),
        },
        "recipient": {"installation_id": str(uuid.UUID(int=0)), "key_id": digest},
        "sequence": 1000,
        "ack": 1000,
        "encryption": {"alg": crypto.PACKAGE_CIPHER, "ephemeral_public": "A" * 44} if encrypted else None,
        "record_count": 100_000,
        "entries": listed,
    }
    manifest = len(canonical_bytes(sample))
    signature = 88  # 64 bytes in base64
    stored = [(name, size) for name, _k, size, _w in entries] + [(MANIFEST, manifest), (SIGNATURE, signature)]
    total = sum(30 + 46 + 2 * len(name) + size for name, size in stored) + _END.size
    if len(stored) > _COUNT_LIMIT or total > _ZIP64_LIMIT:
        total += _END64.size + _END64_LOCATOR.size + 12 * len(stored)  # the ZIP64 records and offsets
    return total


# --- reading ------------------------------------------------------------------------------------------------


def strict_json(data: bytes) -> Any:
    """JSON with no duplicate keys and no NaN/Infinity (a signed text must mean one thing)."""

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for k, v in items:
            if k in out:
                raise ValueError(f"duplicate key {k!r}")
            out[k] = v
        return out

    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not allowed")

    return json.loads(data.decode("utf-8"), object_pairs_hook=pairs, parse_constant=constant)


def _field(data: dict[str, Any], key: str, kind: type | tuple[type, ...]) -> Any:
    if key not in data:
        raise ValueError(f"{key} is missing")
    value = data[key]
    if isinstance(value, bool) and kind is int:
        raise ValueError(f"{key} has the wrong type")
    if not isinstance(value, kind):
        raise ValueError(f"{key} has the wrong type")
    return value


def _hex64(value: Any, what: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError(f"{what} is not a SHA-256")
    return value


def _uuid(value: Any, what: str) -> uuid.UUID:
    if not isinstance(value, str):
        raise ValueError(f"{what} is not an id")
    return uuid.UUID(value)


def _count(value: Any, what: str, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not minimum <= value <= 2**62:
        raise ValueError(f"{what} is not a valid number")
    return value


def parse_manifest(data: bytes) -> Manifest:
    """The manifest's fields, typed; the format version is checked before anything else."""
    try:
        raw = strict_json(data)
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise PackageRefused("sync_manifest_invalid", detail=str(exc)[:200]) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise PackageRefused("sync_not_a_package", detail="no e-Cabinet manifest")
    version = raw.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise PackageRefused("sync_format_newer", version=version, supported=FORMAT_VERSION)
    if isinstance(version, bool) or version != FORMAT_VERSION:
        raise PackageRefused("sync_format_unsupported", version=str(version)[:20])
    try:
        sender = _field(raw, "sender", dict)
        recipient = _field(raw, "recipient", dict)
        encryption = raw.get("encryption", "missing")
        if encryption == "missing":
            raise ValueError("encryption is missing")
        ephemeral: bytes | None = None
        cipher = crypto.PACKAGE_CIPHER
        if encryption is not None:
            if not isinstance(encryption, dict) or encryption.get("alg") not in crypto.PACKAGE_CIPHERS:
                raise ValueError("unknown encryption")
            cipher = encryption["alg"]
            ephemeral = b64d(encryption.get("ephemeral_public"), 32)
        entries = []
        for item in _field(raw, "entries", list):
            if not isinstance(item, dict):
                raise ValueError("an entry is not an object")
            kind = _field(item, "kind", str)
            if kind not in ("records", "file"):
                raise ValueError("unknown entry kind")
            entries.append(
                Entry(
                    name=_field(item, "name", str),
                    kind=kind,
                    size=_count(item.get("size"), "size"),
                    sha256=_hex64(item.get("sha256"), "sha256"),
                    plain_size=_count(item.get("plain_size"), "plain_size"),
                    plain_sha256=_hex64(item.get("plain_sha256"), "plain_sha256"),
                )
            )
        member = _field(sender, "member_id", (str, type(None)))
        created = datetime.fromisoformat(_field(raw, "created", str))
        if created.tzinfo is None:
            raise ValueError("created has no time zone")
        return Manifest(
            package_id=_uuid(raw.get("package_id"), "package_id"),
            created=created,
            app_version=str(_field(raw, "app_version", str))[:40],
            sender_installation_id=_uuid(sender.get("installation_id"), "sender"),
            sender_key_id=_hex64(sender.get("key_id"), "sender key"),
            sender_role=ProfileRole(_field(sender, "role", str)),
            sender_member_id=None if member is None else _uuid(member, "sender member"),
            recipient_installation_id=_uuid(recipient.get("installation_id"), "recipient"),
            recipient_key_id=_hex64(recipient.get("key_id"), "recipient key"),
            sequence=_count(raw.get("sequence"), "sequence", 1),
            ack=_count(raw.get("ack"), "ack"),
            ephemeral_public=ephemeral,
            record_count=_count(raw.get("record_count"), "record_count"),
            entries=tuple(entries),
            cipher=cipher,
        )
    except (ValueError, CryptoFailure, TypeError) as exc:
        raise PackageRefused("sync_manifest_invalid", detail=str(exc)[:200]) from exc


def _unsafe(name: str) -> bool:
    return (
        name.startswith(("/", "\\"))
        or "\\" in name
        or ":" in name
        or any(part in ("..", ".") for part in name.split("/"))
        or "\x00" in name
    )


class PackageReader:
    """An opened .ecab whose container passed the structural checks; entries are read on demand."""

    def __init__(self, path: Path, limits: Limits = DEFAULT_LIMITS) -> None:
        self.path = path
        self.limits = limits
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise PackageRefused("sync_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
        if size > limits.package_bytes:
            raise PackageRefused("sync_too_large", name=path.name, size=size, limit=limits.package_bytes)
        self._size = size
        self._file = path.open("rb")
        try:
            self._infos = self._check_directory()
            self.manifest_bytes = self._read(self._infos[MANIFEST], limits.manifest_bytes)
            self.signature_text = self._read(self._infos[SIGNATURE], 1024)
        except BaseException:
            self._file.close()
            raise

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> PackageReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def names(self) -> set[str]:
        return set(self._infos)

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        try:
            with zipfile.ZipFile(self._file) as zf:
                infos = zf.infolist()
        # zipfile's parser of a hostile directory fails in many ways (struct, Unicode, NotImplemented…):
        # every one of them means a damaged package.
        except Exception as exc:
            raise PackageRefused("sync_damaged", detail=str(exc)[:200] or type(exc).__name__) from exc
        if len(infos) > self.limits.entries:
            raise PackageRefused("sync_too_many_entries", count=len(infos), limit=self.limits.entries)
        found: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.orig_filename
            if _unsafe(name) or _unsafe(info.filename):
                raise PackageRefused("sync_unsafe_path", name=name[:120])
            if not _NAME.match(name):
                raise PackageRefused("sync_unexpected_entry", name=name[:120])
            if name in found:
                raise PackageRefused("sync_duplicate_entry", name=name)
            if info.file_size > self.limits.entry_bytes or info.compress_size > self.limits.entry_bytes:
                raise PackageRefused(
                    "sync_too_large",
                    name=name,
                    size=max(info.file_size, info.compress_size),
                    limit=self.limits.entry_bytes,
                )
            if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
                raise PackageRefused("sync_compressed_entry", name=name)
            if info.flag_bits & 0x1:
                raise PackageRefused("sync_compressed_entry", name=name)
            total += info.file_size
            if total > self.limits.total_bytes:
                raise PackageRefused(
                    "sync_too_large", name=self.path.name, size=total, limit=self.limits.total_bytes
                )
            found[name] = info
        for required in (MANIFEST, SIGNATURE):
            if required not in found:
                raise PackageRefused("sync_not_a_package", detail=f"{required} is missing")
        return found

    def _chunks(self, info: zipfile.ZipInfo, cap: int) -> Iterator[bytes]:
        """The stored bytes of an entry, straight from its local header; never more than `cap`."""
        if info.compress_size > cap:
            raise PackageRefused(
                "sync_too_large", name=info.orig_filename, size=info.compress_size, limit=cap
            )
        if not 0 <= info.header_offset <= self._size - _LOCAL_HEADER.size:
            raise PackageRefused("sync_damaged", detail=f"{info.orig_filename} lies outside the file")
        self._file.seek(info.header_offset)
        head = self._file.read(_LOCAL_HEADER.size)
        if len(head) != _LOCAL_HEADER.size:
            raise PackageRefused("sync_damaged", detail=f"{info.orig_filename} is cut off")
        magic, _v, flags, method, _t, _d, _crc, _cs, _us, name_len, extra_len = _LOCAL_HEADER.unpack(head)
        if magic != b"PK\x03\x04" or method != zipfile.ZIP_STORED or flags & 0x1:
            raise PackageRefused("sync_damaged", detail=f"{info.orig_filename} has a bad local header")
        local_name = self._file.read(name_len)
        if local_name.decode("utf-8", "replace") != info.orig_filename:
            raise PackageRefused("sync_damaged", detail=f"{info.orig_filename} is named differently inside")
        self._file.seek(extra_len, os.SEEK_CUR)
        remaining = info.compress_size
        while remaining:
            chunk = self._file.read(min(CHUNK, remaining))
            if not chunk:
                raise PackageRefused("sync_damaged", detail=f"{info.orig_filename} is cut off")
            remaining -= len(chunk)
            yield chunk

    def _read(self, info: zipfile.ZipInfo, cap: int) -> bytes:
        return b"".join(self._chunks(info, cap))

    def check_entries(self, manifest: Manifest) -> None:
        """The zip holds exactly the manifest's entries, and each one's bytes hash to what it lists."""
        listed = {e.name: e for e in manifest.entries}
        if len(listed) != len(manifest.entries):
            raise PackageRefused("sync_duplicate_entry", name="(manifest)")
        for name in self.names - {MANIFEST, SIGNATURE}:
            if name not in listed:
                raise PackageRefused("sync_unexpected_entry", name=name)
        records = [e for e in manifest.entries if e.kind == "records"]
        if len(records) != 1 or records[0].name != RECORDS:
            raise PackageRefused("sync_manifest_invalid", detail="exactly one records entry is needed")
        for entry in manifest.entries:
            if entry.kind == "file" and entry.name != FILES + entry.plain_sha256:
                raise PackageRefused("sync_manifest_invalid", detail=f"{entry.name} is not named by its hash")
            info = self._infos.get(entry.name)
            if info is None:
                raise PackageRefused("sync_missing_entry", name=entry.name)
            if info.file_size != entry.size:
                raise PackageRefused("sync_entry_hash", name=entry.name)
            digest = hashlib.sha256()
            for chunk in self._chunks(info, self.limits.entry_bytes):
                digest.update(chunk)
            if digest.hexdigest() != entry.sha256:
                raise PackageRefused("sync_entry_hash", name=entry.name)

    def _plain(self, manifest: Manifest, entry: Entry, key: bytes | None) -> bytes:
        data = self._read(self._infos[entry.name], self.limits.entry_bytes)
        if key is None:
            return data
        try:
            return crypto.decrypt_entry(key, manifest.package_id, entry.name, data, manifest.cipher)
        except CryptoFailure as exc:
            raise PackageRefused("sync_decrypt_failed", name=entry.name) from exc

    def records(self, manifest: Manifest, key: bytes | None) -> list[Any]:
        """The change records as parsed JSON values, one per line (decompressed under a cap)."""
        entry = next(e for e in manifest.entries if e.kind == "records")
        cap = min(entry.plain_size, self.limits.records_bytes)
        if entry.plain_size > self.limits.records_bytes:
            raise PackageRefused("sync_too_large", name=entry.name, size=entry.plain_size, limit=cap)
        inflater = zlib.decompressobj()
        try:
            jsonl = inflater.decompress(self._plain(manifest, entry, key), cap + 1)
        except zlib.error as exc:
            raise PackageRefused("sync_entry_hash", name=entry.name) from exc
        if len(jsonl) > cap or inflater.unconsumed_tail:
            raise PackageRefused("sync_too_large", name=entry.name, size=len(jsonl), limit=cap)
        if not inflater.eof or len(jsonl) != entry.plain_size or _sha(jsonl) != entry.plain_sha256:
            raise PackageRefused("sync_entry_hash", name=entry.name)
        lines = jsonl.split(b"\n")
        if lines[-1] != b"":
            raise PackageRefused("sync_record_invalid", line=len(lines), detail="the last line is not ended")
        out: list[Any] = []
        for number, line in enumerate(lines[:-1], 1):
            try:
                out.append(strict_json(line))
            except (ValueError, UnicodeDecodeError, RecursionError) as exc:
                raise PackageRefused("sync_record_invalid", line=number, detail="not valid JSON") from exc
        if len(out) != manifest.record_count:
            raise PackageRefused("sync_record_invalid", line=len(out), detail="the record count differs")
        return out

    def files(self, manifest: Manifest, key: bytes | None) -> Iterator[tuple[str, bytes]]:
        """(sha256, content) of each file entry, decrypted and checked against its name."""
        for entry in manifest.entries:
            if entry.kind != "file":
                continue
            data = self._plain(manifest, entry, key)
            if len(data) != entry.plain_size or _sha(data) != entry.plain_sha256:
                raise PackageRefused("sync_file_hash", name=entry.name)
            yield entry.plain_sha256, data

    def verify_signature(self, sign_public: bytes) -> None:
        try:
            signature = b64d(self.signature_text.decode("ascii", "replace").strip(), 64)
            crypto.verify(sign_public, signature, signed_message(self.manifest_bytes))
        except CryptoFailure as exc:
            raise PackageRefused("sync_bad_signature") from exc
