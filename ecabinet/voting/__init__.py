"""Voting and opinions (issue #4): rules, opinion ballots, positions, attendance, votes, speaking requests.

Modules, each a set of services taking (session, actor, …) that check permission and state, never commit,
take an optional `now` (a test clock) where time matters, and return frozen dataclasses:

- `rules`: quorum and majority rules as named objects (registry, defaults per session kind), integer
  arithmetic, results that state their numbers in Vietnamese and English. No database.
- `session_rules`: which rules a session uses; name others before it starts.
- `attendance`: present / absent / represented, arrivals and departures, the live quorum.
- `votes`: open, cast (in person or recorded by the secretariat), close, annul and replace; secret votes.
- `ballots`: opinion ballots from draft to summary; worklists of overdue and due-soon ballots.
- `positions`: stances before the session; the items that can pass without debate.
- `speaking`: the queue of speakers per item.
"""
