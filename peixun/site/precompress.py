"""Precompressed copies of the site's text files, for servers that send them as they are
(nginx ``gzip_static``, Caddy ``precompressed``): a phone on a county intranet gets a lesson
page in a fifth of the bytes without the server compressing anything."""

from __future__ import annotations

import gzip
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

TEXT_SUFFIXES = frozenset({".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map"})
MIN_BYTES = 1024  # below this the gzip header costs more than it saves
# Read only from a folder (file://), where no server sends a .gz: Material's offline plugin
# writes the index again as a script, which the theme loads only under file:// (over HTTP it
# asks for search_index.json). Under MaterialX that is the whole index, and its .gz would be
# 3 MiB of nothing at 1,000 lessons (with Material it is the config alone, below MIN_BYTES).
FOLDER_ONLY = frozenset({"search/search_index.js"})
# gzip's default: 2.6× faster than -9 on this site (0.15 s against 0.38 s) for 1.3 % more bytes.
LEVEL = 6
# zlib lets go of the GIL while it compresses: a few threads use the machine's cores.
THREADS = min(4, os.cpu_count() or 1)


def _compress(path: Path) -> bool:
    """Write ``<path>.gz`` if worth it; whether it was written."""
    data = path.read_bytes()
    if len(data) < MIN_BYTES:
        return False
    # mtime=0: the same site gives the same bytes, so a re-upload changes nothing.
    packed = gzip.compress(data, compresslevel=LEVEL, mtime=0)
    if len(packed) >= len(data):
        return False
    # write_bytes, like every other file of the site: mode 0644 under the usual umask,
    # readable by a web server that does not run as the builder.
    path.with_name(path.name + ".gz").write_bytes(packed)
    return True


def precompress(site: Path) -> int:
    """Write ``<file>.gz`` beside every text file of ``site`` worth it (none for the files
    only a folder reads, :data:`FOLDER_ONLY`); return how many."""
    paths = [
        p
        for p in sorted(site.rglob("*"))
        if p.suffix in TEXT_SUFFIXES
        and p.is_file()
        and p.relative_to(site).as_posix() not in FOLDER_ONLY
    ]
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return sum(pool.map(_compress, paths))
