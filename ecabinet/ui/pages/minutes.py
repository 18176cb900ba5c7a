"""Biên bản: registers the minutes page; its code and its strings live in `ecabinet.ui.minutes`."""

from ecabinet.ui.minutes.page import MinutesPage
from ecabinet.ui.registry import register_page

register_page(MinutesPage)
