"""The MkDocs layer: the only package that imports MkDocs."""
