"""The one error an import raises when it refuses a package: a message code saying why, in plain words."""

from __future__ import annotations

from typing import Any

from ecabinet.errors import DomainError


class PackageRefused(DomainError):
    """The package was refused before anything changed; `code` says which check failed."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code, **params)
