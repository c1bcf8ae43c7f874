"""Ask a built site's search the way a learner does, in a real browser (Playwright).

Two engines on the same pages:

- the site's own search: Material's search box, typed into and read back from its result list;
- Pagefind, through its JavaScript API (``pagefind/pagefind.js``) loaded in the same page.

Each answer is the list of result locations (``….html#id``, relative to the site), best
first (Material: by the score it shows on each result; Pagefind: pages in its order, parts by
matched words), and the time from the key press to the rendered list (Material) or to the
loaded result data (Pagefind).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

if TYPE_CHECKING:  # Playwright is a test and benchmark dependency, not a build one
    from playwright.sync_api import Page, Response


@dataclass(frozen=True)
class Answer:
    query: str
    ranked: list[str]  # result locations, best first, relative to the site root
    ms: float  # query time in the browser


Engine = Callable[[str], Answer]

# Watches Material's search box and result list: when a key is released in the box (Material
# sends the query to its worker on keyup) and when the result summary is rewritten (Material
# writes it once per result). Installed once per page.
_WATCH_MATERIAL = """() => {
  const input = document.querySelector("form[name=search] input[name=query]")
  const meta = document.querySelector(".md-search-result__meta")
  const watch = window.peixunSearchWatch = { sent: 0, done: 0, results: 0 }
  input.addEventListener("keyup", () => { watch.sent = performance.now() })
  new MutationObserver(() => { watch.done = performance.now(); watch.results++ })
    .observe(meta, { childList: true, characterData: true, subtree: true })
}"""

# Result links by Material's score, best first: the order Material ranks them in (the list
# shows them grouped by page; Enter opens the best). A page link whose score is 0 only heads
# the sections found in that page (Material adds it for grouping): it is not a result.
_READ_MATERIAL = """() => {
  const watch = window.peixunSearchWatch
  const links = []
  const list = document.querySelector(".md-search-result__list")
  for (const link of list.querySelectorAll("a.md-search-result__link")) {
    const score = parseFloat(link.querySelector("article").dataset.mdScore)
    if (score > 0) links.push({ href: link.href, score })
  }
  links.sort((a, b) => b.score - a.score)
  return { links: links.map(link => link.href), ms: watch.done - watch.sent }
}"""

_PAGEFIND = """async (query) => {
  window.peixunPagefind ||= await import(new URL("pagefind/pagefind.js", document.baseURI).href)
  const pagefind = window.peixunPagefind
  const start = performance.now()
  const search = await pagefind.search(query)
  const pages = await Promise.all(search.results.slice(0, 10).map(result => result.data()))
  const ms = performance.now() - start
  const links = []
  for (const page of pages) {
    // Within a page, the parts with the most matched words first (what Pagefind's own UI
    // uses to pick the sections it shows), as Material's sections are ranked by score.
    const subs = page.sub_results.length ? [...page.sub_results] : [page]
    subs.sort((a, b) => (b.locations || []).length - (a.locations || []).length)
    for (const sub of subs) links.push(new URL(sub.url, document.baseURI).href)
  }
  return { links, ms }
}"""


def site_location(url: str, base_url: str) -> str:
    """``http://host/site/a/b.html?h=x#id`` → ``a/b.html#id`` (``index.html`` for the root)."""
    parts = urlsplit(url)
    base_path = urlsplit(base_url).path
    path = parts.path.removeprefix(base_path) if parts.path.startswith(base_path) else parts.path
    path = unquote(path.lstrip("/"))
    if path == "" or path.endswith("/"):
        path += "index.html"
    fragment = unquote(parts.fragment)  # links carry Chinese ids percent-encoded
    return f"{path}#{fragment}" if fragment else path


def material_search(page: Page, base_url: str, timeout_ms: float = 10_000) -> Engine:
    """Type queries into Material's search box on the site's home page."""
    page.goto(urljoin(base_url, "index.html"))
    page.evaluate(_WATCH_MATERIAL)
    box = page.get_by_role("textbox", name="搜索")

    def ask(query: str) -> Answer:
        seen = page.evaluate("() => window.peixunSearchWatch.results")
        box.fill(query)
        box.press("End")  # Material reads the box on keyup
        page.wait_for_function(
            "n => window.peixunSearchWatch.results > n", arg=seen, timeout=timeout_ms
        )
        found = page.evaluate(_READ_MATERIAL)
        ranked = [site_location(link, base_url) for link in found["links"]]
        return Answer(query, ranked, float(found["ms"]))

    return ask


def pagefind_search(page: Page, base_url: str) -> Engine:
    """Query Pagefind's JavaScript API; the bundle must be in ``pagefind/`` under the site."""
    page.goto(urljoin(base_url, "index.html"))

    def ask(query: str) -> Answer:
        found = page.evaluate(_PAGEFIND, query)
        ranked = [site_location(link, base_url) for link in found["links"]]
        return Answer(query, ranked, float(found["ms"]))

    return ask


# Material's index file (.json over HTTP, .js, the offline plugin's copy, from a folder) and
# peixun's split index beside it
INDEX = ("search/search_index.js", "search/peixun/")
# the search worker's script (or its iframe's, from a folder): peixun's, or Material's (MaterialX)
WORKER = ("assets/peixun/search/worker.js", "assets/javascripts/workers/search.")

# The first search on a freshly opened page: when the box got focus (search opened), when the
# first key was released in it, and when the first result was drawn.
_WATCH_FIRST = """() => {
  const watch = window.peixunFirstSearch = { open: 0, key: 0, done: 0 }
  const input = document.querySelector("form[name=search] input[name=query]")
  input.addEventListener("focus", () => { watch.open ||= performance.now() })
  input.addEventListener("keyup", () => { watch.key ||= performance.now() })
  const list = document.querySelector(".md-search-result__list")
  new MutationObserver(() => {
    if (!watch.done && list.querySelector(".md-search-result__item")) watch.done = performance.now()
  }).observe(list, { childList: true, subtree: true })
}"""


# Where the first search's time goes: when the worker said it was ready (it has loaded what
# every query needs), when the first query reached it and when its first answer came back.
# Watches every worker made through window.Worker from the start (over HTTP search-lazy.js
# makes the real one when search is opened), and, once the page's scripts have run, any worker
# a message is posted to (from a folder, Worker is by then the iframe-worker polyfill's).
_WATCH_PHASES = """(() => {
  const phases = window.peixunSearchPhases = { ready: 0, query: 0, result: 0 }
  const watch = (worker) => {
    if (worker.peixunWatched) return
    worker.peixunWatched = true
    worker.addEventListener("message", (event) => {
      if (event.data && event.data.type === 1 && !phases.ready) phases.ready = performance.now()
      if (event.data && event.data.type === 3 && !phases.result) phases.result = performance.now()
    })
  }
  const Original = window.Worker
  const Watched = function (url, options) {
    const worker = new Original(url, options)
    watch(worker)
    return worker
  }
  Watched.prototype = Original.prototype
  window.Worker = Watched
  document.addEventListener("DOMContentLoaded", () => {
    const post = Worker.prototype.postMessage
    Worker.prototype.postMessage = function (message) {
      watch(this)
      if (message && message.type === 2 && !phases.query) phases.query = performance.now()
      return post.apply(this, arguments)
    }
  })
})()"""


@dataclass(frozen=True)
class FirstSearch:
    after_typing_ms: float  # from the key up of the query to the first result drawn
    after_opening_ms: float  # from the search box getting focus to the first result drawn
    index_loads_before: int  # requests for the index the page made before search was opened
    worker_loads_before: int  # requests for the search worker's script before search was opened
    loading_ms: float  # from opening search to the worker's READY (it loads what it needs)
    answering_ms: float  # from the first query sent to the worker's first answer
    drawing_ms: float  # from that answer to the first result drawn


def first_search(page: Page, url: str, query: str, timeout_ms: float = 60_000) -> FirstSearch:
    """Open ``url``, then open search with "/" and type ``query`` at once, as a learner who
    searches straight away: the index is loaded only now, so this is the slowest search."""
    index_loads: list[str] = []
    worker_loads: list[str] = []
    page.on(
        "request",
        lambda request: (
            index_loads.append(request.url) if any(i in request.url for i in INDEX) else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            worker_loads.append(request.url) if any(w in request.url for w in WORKER) else None
        ),
    )
    page.add_init_script(_WATCH_PHASES)
    page.goto(url, wait_until="networkidle")
    page.evaluate(_WATCH_FIRST)
    before, workers_before = len(index_loads), len(worker_loads)
    page.keyboard.press("/")
    box = page.get_by_role("textbox", name="搜索")
    box.fill(query)
    box.press("End")  # Material reads the box on keyup
    page.wait_for_function("() => window.peixunFirstSearch.done > 0", timeout=timeout_ms)
    watch = page.evaluate("() => window.peixunFirstSearch")
    phases = page.evaluate("() => window.peixunSearchPhases")
    return FirstSearch(
        after_typing_ms=float(watch["done"] - watch["key"]),
        after_opening_ms=float(watch["done"] - watch["open"]),
        index_loads_before=before,
        worker_loads_before=workers_before,
        loading_ms=float(phases["ready"] - watch["open"]),
        answering_ms=float(phases["result"] - phases["query"]),
        drawing_ms=float(watch["done"] - phases["result"]),
    )


@dataclass(frozen=True)
class SearchDownload:
    query: str
    bytes: int  # the index's parts, as served (uncompressed), and the theme's index file
    requests: int


def first_search_download(page: Page, url: str, query: str) -> SearchDownload:
    """What a learner's first search downloads of the index: open ``url``, open search, type
    ``query``, and count the index files fetched until the results are shown and the network
    is idle (a split index fetches the parts of the query's words and shown pages only)."""
    responses: list[Response] = []
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    responses.clear()  # a lesson fetches no index when it opens (tested elsewhere)
    page.keyboard.press("/")
    box = page.get_by_role("textbox", name="搜索")
    box.fill(query)
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for(timeout=60_000)
    page.wait_for_load_state("networkidle")
    index = [r for r in responses if any(part in r.url for part in INDEX)]  # .js also names .json
    return SearchDownload(query, sum(len(r.body()) for r in index), len(index))
