"""The secretariat's session editor: the session form, lifecycle steps, the agenda editor with undo, imports."""
