"""What browser tests and benchmarks share: a folder served on 127.0.0.1 and Debian's Chromium."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Playwright, Route

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Let pages opened from file:// load the site's own scripts, as a desktop browser does.
    "--allow-file-access-from-files",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """``folder`` served over HTTP on 127.0.0.1 on a free port; yields the base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Playwright) -> Browser:
    """Debian's Chromium, headless, with the flags a root user on a build machine needs."""
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


def instant_navigation_here(page: Page, site_url: str) -> None:
    """Let Material's instant navigation take this test server's links.

    It takes over only links the sitemap lists, and the built sitemap names ``site_url``'s
    port from mkdocs.yml (:8000), not the test server's."""
    port = site_url.rstrip("/").rsplit(":", 1)[1]

    def rewrite(route: Route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(":8000/", f":{port}/"))

    page.route("**/sitemap.xml", rewrite)
