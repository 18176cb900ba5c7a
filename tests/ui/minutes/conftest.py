"""The minutes page's tests use the closed demo-like session of tests/minutes (built once, copied per test)."""

from tests.minutes.conftest import sc, scenario_template  # noqa: F401
