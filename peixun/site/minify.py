"""The shipped JS and CSS, minified as they reach the site; the package keeps them readable.

A learner on a phone downloads every script on every first visit; comments and indentation
are a third of the bytes even after gzip. Vendored files are shipped as their authors
published them, licence comments and all.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

VENDOR_FOLDER = "vendor"


def minified(source: Path, package_dir: Path) -> str | None:
    """The minified text of a shipped ``.js`` or ``.css`` file; ``None`` to copy it as it is.

    ``/*! … */`` comments are kept: that is where a file states its licence.
    """
    if VENDOR_FOLDER in source.relative_to(package_dir).parts:
        return None
    if source.suffix == ".js":
        return str(rjsmin.jsmin(source.read_text(encoding="utf-8"), keep_bang_comments=True))
    if source.suffix == ".css":
        return str(rcssmin.cssmin(source.read_text(encoding="utf-8"), keep_bang_comments=True))
    return None
