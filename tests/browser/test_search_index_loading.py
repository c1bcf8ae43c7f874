"""The search index is loaded only once the learner opens search (over HTTP and from a folder),
and so is the search worker over HTTP; search then works as before: keys /, s and Esc,
results, instant navigation."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import Page, expect

LESSON = "01-juese-renzhi/01-diwei-zuoyong.html"
# Material's index file (now its config alone) and the offline copy; peixun's split index
THEME_INDEX = ("search/search_index.json", "search/search_index.js")
SPLIT_INDEX = "/search/peixun/"
# peixun's search worker and the query rules and highlighting it loads, fetched when search opens
SEARCH_SCRIPT = re.compile(r"/assets/peixun/search/(worker|query|highlight)\.js$")
WORKER_SCRIPTS = 3
WU_GE_BIFANG = "08-wushixing-zuzhi/03-zhibu-jianshe-zhiliang.html#wu-ge-bifang"


def _index_requests(page: Page) -> list[str]:
    """Requests for any part of the search index made by ``page`` from now on (the list fills
    as they go; the worker's requests from a folder are the iframe's, so the page's too)."""
    found: list[str] = []

    def seen(url: str) -> None:
        path = url.split("?")[0]
        if path.endswith(THEME_INDEX) or SPLIT_INDEX in path:
            found.append(path)

    page.on("request", lambda request: seen(request.url))
    return found


def _theme_index(requests: list[str]) -> list[str]:
    return [url.rsplit("/", 2)[-2] + "/" + url.rsplit("/", 1)[-1] for url in requests
            if url.endswith(THEME_INDEX)]  # fmt: skip


def _worker_requests(page: Page) -> list[str]:
    """Requests for the search scripts (the worker, query.js, highlight.js) from now on."""
    found: list[str] = []
    page.on(
        "request",
        lambda request: (
            found.append(request.url) if SEARCH_SCRIPT.search(request.url.split("?")[0]) else None
        ),
    )
    return found


def _deployed_at(page: Page, site_url: str, built_site: Path) -> None:
    """Serve the sitemap as if the site ran at its ``site_url``: Material's instant navigation
    takes only links whose host and path (not port) the sitemap lists, and the test server's
    port is not the one in mkdocs.yml."""
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    built_for = re.search(r"<loc>(\S+?)index\.html</loc>", text)
    assert built_for is not None
    page.route(
        "**/sitemap.xml",
        lambda route: route.fulfill(
            content_type="application/xml", body=text.replace(built_for[1], site_url)
        ),
    )


def _search(page: Page, query: str) -> None:
    box = page.get_by_role("textbox", name="搜索")
    box.fill(query)
    box.press("End")  # Material reads the box on key up
    # Allow for a busy test machine.
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)


def test_a_lesson_opened_over_http_loads_no_index_until_search_is_opened(
    page: Page, site_url: str, built_site: Path
) -> None:
    _deployed_at(page, site_url, built_site)
    requests = _index_requests(page)
    workers = _worker_requests(page)
    page.goto(site_url + LESSON, wait_until="networkidle")
    page.wait_for_timeout(500)  # anything Material would load after start-up has been asked for
    expect(page.locator("article.md-content__inner")).to_be_visible()
    assert requests == []
    assert workers == [], "打开课文时不应下载搜索 worker"

    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
    _search(page, "五个必访")
    assert _theme_index(requests) == ["search/search_index.json"]
    assert requests.count(requests[-1]) == 1  # each part of the split index once
    assert any(url.endswith("/search/peixun/meta.js") for url in requests)
    assert len(workers) == WORKER_SCRIPTS

    page.keyboard.press("Escape")
    expect(page.locator("[data-md-toggle=search]")).not_to_be_checked()
    page.wait_for_timeout(
        100
    )  # Material debounces focus changes: a robot's Esc+s within 1 ms is one
    page.keyboard.press("s")
    expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
    expect(page.locator("[data-md-toggle=search]")).to_be_checked()
    expect(page.locator(".md-search-result__item").first).to_be_visible()

    # Enter opens the best result through instant navigation: same document, no reload.
    page.evaluate("() => { window.peixunSamePage = true }")
    page.get_by_role("textbox", name="搜索").press("Enter")
    page.wait_for_url("**/08-wushixing-zuzhi/03-zhibu-jianshe-zhiliang.html?h=*#wu-ge-bifang")
    expect(page.locator("h2#wu-ge-bifang")).to_be_visible()
    assert page.evaluate("() => window.peixunSamePage") is True
    page.wait_for_timeout(300)  # Material closes search 125 ms after each navigation
    page.keyboard.press("/")
    _search(page, "三会一课")
    assert _theme_index(requests) == ["search/search_index.json"], "换页后不应再次下载索引"
    assert len(requests) == len(set(requests)), "已经下载的索引部分不应再次下载"
    assert len(workers) == WORKER_SCRIPTS, "换页后不应再次下载搜索 worker"


def test_a_search_link_loads_the_index_at_once(page: Page, site_url: str) -> None:
    """?h= (a result opened in a new page) needs the index to highlight the words."""
    requests = _index_requests(page)
    page.goto(site_url + WU_GE_BIFANG.replace("#", "?h=%E5%BF%85%E8%AE%BF#"))
    expect(page.locator("article mark[data-md-highlight]").first).to_be_visible()
    assert _theme_index(requests) == ["search/search_index.json"]


def test_a_lesson_opened_from_a_folder_reads_no_index_until_search_is_opened(
    page: Page, built_site: Path
) -> None:
    requests = _index_requests(page)
    page.goto((built_site / LESSON).as_uri(), wait_until="load")
    page.wait_for_timeout(500)
    expect(page.locator("article.md-content__inner")).to_be_visible()
    assert requests == []
    assert page.evaluate("() => typeof window.__index") == "undefined"

    page.keyboard.press("/")
    expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
    _search(page, "五个必访")
    assert _theme_index(requests) == ["search/search_index.js"]
    assert any(url.endswith("/search/peixun/meta.js") for url in requests)
    page.keyboard.press("Escape")
    expect(page.locator("[data-md-toggle=search]")).not_to_be_checked()
    page.wait_for_timeout(
        100
    )  # Material debounces focus changes: a robot's Esc+s within 1 ms is one
    page.keyboard.press("s")
    expect(page.get_by_role("textbox", name="搜索")).to_be_focused()
    _search(page, "求实四问")
    # the list of the first query stays until the second's answer (its words' part of the index
    # is loaded first): Enter opens the best of what is shown
    expect(page.locator(".md-search-result__link[href*='02-qiushi-siwen']").first).to_be_visible()
    page.get_by_role("textbox", name="搜索").press("Enter")
    page.wait_for_url("**/05-gongzuo-fangfa/02-qiushi-siwen.html*")
    assert page.url.startswith("file://")


def test_a_search_link_opens_search_with_its_results(page: Page, site_url: str) -> None:
    """?q= (a link to a search) needs the worker and the index as the page opens."""
    requests = _index_requests(page)
    workers = _worker_requests(page)
    page.goto(site_url + LESSON + "?q=%E4%B8%89%E4%BC%9A%E4%B8%80%E8%AF%BE")  # 三会一课
    expect(page.locator("[data-md-toggle=search]")).to_be_checked()
    expect(page.get_by_role("textbox", name="搜索")).to_have_value("三会一课")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=20_000)
    assert _theme_index(requests) == ["search/search_index.json"]
    assert len(workers) == WORKER_SCRIPTS  # the worker and the two scripts it loads
