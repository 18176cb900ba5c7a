"""Đồng bộ: the Sync centre (its widgets and texts live in `ecabinet.ui.sync`)."""

from ecabinet.ui.registry import register_page
from ecabinet.ui.sync.centre import SyncPage

register_page(SyncPage)
