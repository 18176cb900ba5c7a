"""Voting and opinions in the GUI (issue #4): the Opinions page, the live session view, and their parts.

`open_live_view(context, session_id, parent=None)` opens the live view of one session in its own window,
for any screen that wants to offer it.
"""

from ecabinet.ui.voting.live import LivePage, LiveView, open_live_view
from ecabinet.ui.voting.opinions import OpinionsPage

__all__ = ["LivePage", "LiveView", "OpinionsPage", "open_live_view"]
