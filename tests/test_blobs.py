"""The content-addressed file store."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecabinet.errors import DomainError, NotFound
from ecabinet.storage.blobs import BlobStore, sha256_bytes


@given(data=st.binary(max_size=4096))
@settings(max_examples=40, deadline=None)
def test_put_read_round_trip(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    store = BlobStore(tmp_path_factory.mktemp("blobs"))
    sha = store.put(data)
    assert sha == sha256_bytes(data)
    assert store.read(sha) == data
    assert store.put(data) == sha  # stored once


def test_put_file_and_no_temporary_leftovers(tmp_path: Path) -> None:
    source = tmp_path / "in.pdf"
    source.write_bytes(b"x" * 3_000_000)
    store = BlobStore(tmp_path / "store")
    sha = store.put_file(source)
    assert store.read(sha) == source.read_bytes()
    assert [p.name for p in store.path(sha).parent.iterdir()] == [sha[2:]]


def test_damaged_and_missing_blobs_are_reported(tmp_path: Path) -> None:
    store = BlobStore(tmp_path)
    sha = store.put(b"hello")
    store.path(sha).write_bytes(b"hellO")
    with pytest.raises(DomainError, match="damaged"):
        store.read(sha)
    with pytest.raises(NotFound):
        store.read("0" * 64)
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    store = BlobStore(tmp_path)

    def full_disk(*_a: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(DomainError, match="No space left"):
        store.put(b"data")
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []
