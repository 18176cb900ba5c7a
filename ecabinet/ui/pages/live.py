"""Phiên họp trực tiếp: the live session page; it lives in `ecabinet.ui.voting` with its translations."""

from ecabinet.ui.registry import register_page
from ecabinet.ui.voting.live import LivePage

register_page(LivePage)
