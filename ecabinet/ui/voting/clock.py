"""The voting screens' clock: every service call that takes `now=` gets it from here.

A test moves time past a ballot's deadline by monkeypatching `now`; callers therefore always write
`clock.now()`, never `from … import now`.
"""

from __future__ import annotations

from datetime import UTC, datetime


def now() -> datetime:
    """The current moment, aware, in UTC (as the services keep it)."""
    return datetime.now(UTC)
