"""Dates, times and numbers shown the way the current language writes them (through QLocale)."""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDateTime, QLocale


def to_local(moment: datetime) -> QDateTime:
    """An aware datetime (the database keeps UTC) as a QDateTime in the computer's time zone."""
    return QDateTime.fromMSecsSinceEpoch(int(moment.timestamp() * 1000))


def _short_date_format(locale: QLocale) -> str:
    """The locale's short date with two-digit day and month and a four-digit year: "03/12/2026".

    Ten years of sessions in one list: "3/12/26" is too easy to misread.
    """
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    fmt = re.sub(r"(?<!d)d(?!d)", "dd", fmt)
    fmt = re.sub(r"(?<!M)M(?!M)", "MM", fmt)
    return re.sub(r"(?<!y)yy(?!y)", "yyyy", fmt)


def short_datetime(moment: datetime | None) -> str:
    """For lists: "24/11/2026 08:00"."""
    if moment is None:
        return ""
    locale = QLocale()
    local = to_local(moment)
    time_format = locale.timeFormat(QLocale.FormatType.ShortFormat)
    return locale.toString(local, f"{_short_date_format(locale)} {time_format}")


def long_date(moment: datetime) -> str:
    """For headings: "Thứ Ba, 24 tháng 11, 2026"."""
    return QLocale().toString(to_local(moment).date(), QLocale.FormatType.LongFormat)


def short_time(moment: datetime | None) -> str:
    if moment is None:
        return ""
    return QLocale().toString(to_local(moment).time(), QLocale.FormatType.ShortFormat)


def number(value: int) -> str:
    return QLocale().toString(value)
