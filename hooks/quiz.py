"""MkDocs hook: quiz (being written)."""
