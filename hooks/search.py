"""MkDocs hook: search (being written)."""
