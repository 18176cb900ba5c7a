"""Working days for the notice of conclusions: weekends and the holiday list (a setting)."""

from __future__ import annotations

from datetime import date

import pytest

from ecabinet.db import Database
from ecabinet.errors import InvalidInput, PermissionDenied
from ecabinet.minutes.calendar import (
    DEFAULT_HOLIDAYS,
    WorkingCalendar,
    add_working_days,
    set_holidays,
    working_calendar,
)
from tests.conftest import Cast


def test_weekends_and_holidays_are_skipped() -> None:
    plain = WorkingCalendar(())
    assert add_working_days(date(2026, 11, 5), 5, plain) == date(2026, 11, 12)  # Thu → next Thu
    assert add_working_days(date(2026, 11, 6), 1, plain) == date(2026, 11, 9)  # Fri → Mon
    assert add_working_days(date(2026, 11, 7), 5, plain) == date(2026, 11, 13)  # a Saturday meeting
    with_holidays = WorkingCalendar(("09-02", "2026-09-01"))
    # Fri 28 Aug 2026: Mon 31 Aug, then Tue 1 and Wed 2 Sep are holidays
    assert add_working_days(date(2026, 8, 28), 5, with_holidays) == date(2026, 9, 8)
    assert add_working_days(date(2026, 8, 28), 0, with_holidays) == date(2026, 8, 28)


def test_the_holiday_list_is_a_setting(db: Database, cast: Cast) -> None:
    with db.read() as s:
        assert working_calendar(s).holidays == DEFAULT_HOLIDAYS
    with db.write(cast.officer) as s:
        calendar = set_holidays(s, cast.officer, ["2027-02-08", "01-01", " 04-30 ", "2027-02-08", ""])
    assert calendar.holidays == ("01-01", "04-30", "2027-02-08")
    with db.read() as s:
        assert working_calendar(s).holidays == ("01-01", "04-30", "2027-02-08")
    for bad in ("13-01", "2027-02-30", "tết", "1-1"):
        with pytest.raises(InvalidInput), db.write(cast.officer) as s:
            set_holidays(s, cast.officer, [bad])
    with pytest.raises(PermissionDenied), db.write(cast.minister) as s:
        set_holidays(s, cast.minister, [])
