"""Typed domain errors. Each has a code; its text exists in Vietnamese and English (see `messages`)."""

from __future__ import annotations

from typing import Any

from ecabinet.messages import render


class DomainError(Exception):
    """A refusal the user can understand: bad input, a missing permission, a wrong state."""

    exit_code = 2

    def __init__(self, code: str, **params: Any) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "vi") -> str:
        return render(self.code, lang, self.params)


class NotFound(DomainError):
    """The record does not exist, or the acting user may not know that it does."""


class PermissionDenied(DomainError):
    """The acting user may not do this."""


class InvalidState(DomainError):
    """The record is in a state where this action is not possible."""


class StaleEdit(DomainError):
    """The edit was based on a version that someone else has changed since."""


class InvalidInput(DomainError):
    """The input is malformed or out of range."""
