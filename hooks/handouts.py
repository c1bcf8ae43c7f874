"""MkDocs hook: handouts (being written)."""
