"""The service layer: plain Python called by the UI, the CLI and the tests.

Every function takes a SQLAlchemy `Session` (one unit of work, opened by the caller) and the acting user,
checks permission and state, changes the model (the audit hook records each change), never commits, and
returns immutable snapshots rather than live ORM objects.
"""
