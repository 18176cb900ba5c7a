"""Biên bản and the printed outputs of a session (issue #5): draft, edit, approve and lock, correct, print.

Modules:

- `richtext`: the small, safe HTML subset the secretary's texts are stored in (printable by reportlab).
- `draft`: `minutes_draft(session, actor, session_id)` → `MinutesDraft`, the facts of the session pre-filled
  (attendance, positions, opinion ballots, speakers, votes with their rules) and the texts written so far.
- `service`: `update_minutes`, `set_discussion`, `set_conclusion` (optimistic versions; refused once
  approved), `approve_minutes` (renders, stores the PDF and its SHA-256, locks; the session becomes
  MINUTES_APPROVED), `start_correction` (a reason; the next approval is a new version), `minutes_versions`,
  `minutes_version_pdf` and `verify_minutes` (each approved PDF read back against its hash).
- `pdf`: `render_minutes(draft)` → PDF bytes, form 1.9 of Decree 30/2020/NĐ-CP.
- `reports`: the resolution, the notice of conclusions, the opinion summary, the attendance sheet and the
  vote result certificate, in the same style with the place-and-date line.
- `outputs`: every printed output by name (`produce`), for the CLI and the outputs panel.
- `calendar`: working days and the holiday list, for the notice's due date (5 working days).
- `layout`: the shared page form (letterhead, title, signatures, recipients, page numbers, marks).
"""
