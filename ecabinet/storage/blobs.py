"""Content-addressed file store: each file is kept once, under its SHA-256, in the home folder."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from ecabinet.errors import DomainError, NotFound
from ecabinet.storage.atomic import atomic_write

CHUNK = 1 << 20


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _read_chunks(path: Path) -> Iterator[bytes]:
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            yield chunk


class BlobStore:
    """Files under `root/ab/cdef…`; written to a temporary name and renamed, so a blob is whole or absent."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError(f"not a SHA-256 hex digest: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:]

    def has(self, sha256: str) -> bool:
        return self.path(sha256).exists()

    def put(self, data: bytes) -> str:
        """Store `data` (once) and return its SHA-256."""
        sha = sha256_bytes(data)
        target = self.path(sha)
        if not target.exists():
            try:
                atomic_write(target, data)
            except OSError as exc:
                raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
        return sha

    def put_file(self, source: Path) -> str:
        """Store a file from disk without holding it all in memory; returns its SHA-256."""
        sha = sha256_file(source)
        target = self.path(sha)
        if not target.exists():
            try:
                atomic_write(target, _read_chunks(source))
            except OSError as exc:
                raise DomainError("disk_write_failed", reason=exc.strerror or str(exc)) from exc
            if sha256_file(target) != sha:  # the source changed while it was copied
                os.unlink(target)
                raise DomainError("blob_corrupt", sha256=sha)
        return sha

    def read(self, sha256: str, verify: bool = True) -> bytes:
        try:
            data = self.path(sha256).read_bytes()
        except FileNotFoundError as exc:
            raise NotFound("blob_missing", sha256=sha256) from exc
        if verify and sha256_bytes(data) != sha256:
            raise DomainError("blob_corrupt", sha256=sha256)
        return data
