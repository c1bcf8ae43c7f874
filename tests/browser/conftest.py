"""Browser fixtures: the built course served on 127.0.0.1 and Debian's Chromium via Playwright.

Every page a test opens is watched: a request to any host other than 127.0.0.1 (or a file://
URL) is blocked and fails the test, so "works offline" is checked by every browser test.
"""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

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

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built course served over HTTP on 127.0.0.1, on a free port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium, headless. Missing under CI is a failure, never a skip."""
    if not CHROMIUM.exists():
        message = "Debian 的 chromium 未安装（apt-get install chromium）"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def outside_requests() -> list[str]:
    """URLs that pages tried to load from outside the site (filled by the ``page`` fixture)."""
    return []


@pytest.fixture
def context(browser: object, outside_requests: list[str]) -> Iterator[object]:
    """A fresh browser profile (empty localStorage) that blocks and records outside requests."""
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    ctx = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})

    def guard(route: Route) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in ("file", "data", "blob") or url.hostname == "127.0.0.1":
            route.continue_()
        else:
            outside_requests.append(route.request.url)
            route.abort()

    ctx.route("**/*", guard)
    yield ctx
    ctx.close()
    assert outside_requests == [], f"pages requested outside hosts: {outside_requests}"


@pytest.fixture
def page(context: object) -> Iterator[object]:
    from playwright.sync_api import BrowserContext

    assert isinstance(context, BrowserContext)
    pg = context.new_page()
    pg.set_default_timeout(10_000)
    yield pg
    pg.close()
