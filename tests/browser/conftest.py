"""Browser fixtures: the built course served on 127.0.0.1 and Debian's Chromium via Playwright.

Every page a test opens is watched: a request to any host other than 127.0.0.1 (or a file://
URL) is blocked and fails the test, so "works offline" is checked by every browser test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.browsing import CHROMIUM, launch, serve

pytestmark = pytest.mark.browser


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built course served over HTTP on 127.0.0.1, on a free port."""
    with serve(built_site) as url:
        yield url


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
        chromium = launch(playwright)
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


@pytest.fixture
def no_script_errors(page: object) -> Iterator[None]:
    """Fails the test if any page it opened raised an uncaught error."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    found: list[str] = []
    page.on("pageerror", lambda exc: found.append(str(exc)))
    yield
    assert found == []
