"""Ý kiến thành viên: the Opinions page; it lives in `ecabinet.ui.voting` with its translations."""

from ecabinet.ui.registry import register_page
from ecabinet.ui.voting.opinions import OpinionsPage

register_page(OpinionsPage)
