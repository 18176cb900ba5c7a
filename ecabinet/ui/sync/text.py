"""Words the sync screens share: key states, who a peer is, "3 days ago", sizes, change counts per table."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QLocale

from ecabinet.messages import word
from ecabinet.model.sync import ProfileRole
from ecabinet.ui import formatting

# Each text is spelt out with a literal context so that pyside6-lupdate finds it.


def key_status(status: str) -> str:
    return {
        "own": QCoreApplication.translate("SyncText", "This installation"),
        "trusted": QCoreApplication.translate("SyncText", "Trusted"),
        "untrusted": QCoreApplication.translate("SyncText", "Not confirmed yet"),
        "superseded": QCoreApplication.translate("SyncText", "Replaced by a newer key"),
        "revoked": QCoreApplication.translate("SyncText", "Revoked"),
        "none": QCoreApplication.translate("SyncText", "No key yet"),
    }.get(status, status)


def secretariat() -> str:
    return QCoreApplication.translate("SyncText", "Government Office (secretariat)")


def installation_kind(role: ProfileRole) -> str:
    return {
        ProfileRole.SECRETARIAT: QCoreApplication.translate("SyncText", "Government Office (server)"),
        ProfileRole.MEMBER: QCoreApplication.translate("SyncText", "Member's laptop"),
    }[role]


def peer_name(role: ProfileRole | None, name: str, fallback: str = "") -> str:
    """A peer as people call it: the secretariat, or the member's name."""
    if role is ProfileRole.SECRETARIAT:
        return secretariat()
    return name or fallback or QCoreApplication.translate("SyncText", "a member not in this directory")


def ago(moment: datetime | None, now: datetime | None = None) -> str:
    """'3 days ago' — how long since something happened, in the largest whole unit."""
    if moment is None:
        return QCoreApplication.translate("SyncText", "never")
    now = now or datetime.now(UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    seconds = max(0, int((now - moment).total_seconds()))
    if seconds < 60:
        return QCoreApplication.translate("SyncText", "just now")
    if seconds < 3600:
        return QCoreApplication.translate("SyncText", "%n minute(s) ago", None, seconds // 60)
    if seconds < 86400:
        return QCoreApplication.translate("SyncText", "%n hour(s) ago", None, seconds // 3600)
    return QCoreApplication.translate("SyncText", "%n day(s) ago", None, seconds // 86400)


def when(moment: datetime | None) -> str:
    """'24/11/2026 08:00 (3 days ago)'."""
    if moment is None:
        return QCoreApplication.translate("SyncText", "never")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return f"{formatting.short_datetime(moment)} ({ago(moment)})"


def size(n: int) -> str:
    """'2,8 MB' (the units people know, rather than MiB)."""
    return QLocale().formattedDataSize(n, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def table_name(table: str, lang: str) -> str:
    """A table as the messages name it ('tài liệu'), for the per-table change counts."""
    return word(f"table:{table}", lang).removeprefix("table:")


def tables(counts: tuple[tuple[str, int], ...], lang: str) -> str:
    return "; ".join(f"{table_name(t, lang)}: {formatting.number(n)}" for t, n in counts)


def utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
