"""The minutes page (issue #5): the editor, the preview, approval and corrections, printing and saving."""
