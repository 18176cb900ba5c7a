"""Working days for the deadline of the notice of conclusions: weekends and a holiday list (a setting).

DOMAIN.md, Rules: a written notice of the chair's conclusions goes out within 5 working days of the meeting
(Decision 45/2018/QĐ-TTg). Saturdays and Sundays are not working days, nor the holidays in the setting
`working_days.holidays`: entries "MM-DD" recur every year, entries "YYYY-MM-DD" are one day (Tết and the
Hùng Kings' day follow the lunar calendar, so the secretariat enters them each year). The default holds the
fixed-date public holidays of the Labour Code 2019, art. 112.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.orm import Session

from ecabinet.audit import record_event
from ecabinet.errors import InvalidInput
from ecabinet.model import Setting
from ecabinet.services.actor import Actor, Permission, require

__all__ = [
    "DEFAULT_HOLIDAYS",
    "HANOI",
    "HOLIDAYS_KEY",
    "NOTICE_WORKING_DAYS",
    "WorkingCalendar",
    "add_working_days",
    "local_date",
    "set_holidays",
    "working_calendar",
]

HANOI = timezone(timedelta(hours=7))  # Vietnam keeps one zone and no summer time
HOLIDAYS_KEY = "working_days.holidays"
DEFAULT_HOLIDAYS = ("01-01", "04-30", "05-01", "09-02")
NOTICE_WORKING_DAYS = 5  # Decision 45/2018/QĐ-TTg: the notice of conclusions within 5 working days

_RECURRING = re.compile(r"^(\d{2})-(\d{2})$")
_DATED = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def local_date(moment: datetime) -> date:
    """The calendar day of a moment in Hà Nội."""
    return moment.astimezone(HANOI).date()


def _check(entry: str) -> str:
    entry = entry.strip()
    try:
        if m := _RECURRING.match(entry):
            date(2024, int(m.group(1)), int(m.group(2)))  # a leap year, so 02-29 is allowed
            return entry
        if _DATED.match(entry):
            date.fromisoformat(entry)
            return entry
    except ValueError:
        pass
    raise InvalidInput("field_invalid", field="minutes_holiday", reason=entry)


@dataclass(frozen=True)
class WorkingCalendar:
    holidays: tuple[str, ...]  # "MM-DD" (every year) or "YYYY-MM-DD"

    def is_working_day(self, day: date) -> bool:
        if day.weekday() >= 5:
            return False
        return f"{day.month:02d}-{day.day:02d}" not in self.holidays and day.isoformat() not in self.holidays


def add_working_days(start: date, days: int, calendar: WorkingCalendar) -> date:
    """The `days`-th working day after `start` (the day of the meeting itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    current, left = start, days
    while left:
        current += timedelta(days=1)
        if calendar.is_working_day(current):
            left -= 1
    return current


def working_calendar(session: Session) -> WorkingCalendar:
    row = session.get(Setting, HOLIDAYS_KEY)
    if row is None:
        return WorkingCalendar(DEFAULT_HOLIDAYS)
    return WorkingCalendar(tuple(e for e in row.value.split(",") if e))


def set_holidays(session: Session, actor: Actor, entries: Iterable[str]) -> WorkingCalendar:
    """Replace the holiday list (the secretariat); each entry "MM-DD" or "YYYY-MM-DD"."""
    require(session, actor, Permission.MANAGE_SESSIONS)
    checked = sorted({_check(e) for e in entries if e.strip()})
    value = ",".join(checked)
    row = session.get(Setting, HOLIDAYS_KEY)
    if row is None:
        session.add(Setting(key=HOLIDAYS_KEY, value=value))
    else:
        row.value = value
    session.flush()
    # Settings are not entities: the change is logged as an event.
    record_event(session, "holidays_set", "settings", HOLIDAYS_KEY, {"holidays": checked})
    return WorkingCalendar(tuple(checked))
