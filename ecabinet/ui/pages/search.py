"""Tìm kiếm: the Search page. It lives with the reader (`ecabinet/ui/reader/search_page.py`), whose translation
catalog holds its strings; this module only puts it in the sidebar."""

from ecabinet.ui.reader.search_page import SearchPage
from ecabinet.ui.registry import register_page

register_page(SearchPage)

__all__ = ["SearchPage"]
