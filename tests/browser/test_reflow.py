"""Reflow (WCAG 1.4.10) at 320 CSS px and at 200% zoom: nothing cut off, no sideways scrolling.

200% zoom is emulated as a browser does it: zooming a 1280×800 window to 200% lays the page out
in a 640×400 CSS px viewport with two device pixels per CSS pixel, so media queries, rem sizes
and Material's breakpoints react exactly as for a learner pressing Ctrl + twice. The CSS
``zoom`` property would not do that (media queries do not see it), so it is not used.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.test_accessibility import PAGES

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "zoom200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}
KINDS = [
    "home",
    "chapter",
    "lesson",
    "lesson-answered",
    "chapter-test",
    "exam-in-progress",
    "exam-submitted",
    "progress",
    "glossary",
    "handout-student",
    "handout-teacher",
]

# Each element wider than the viewport, or clipping its own text, that is not inside a scroll
# container (tables sit in Material's .md-typeset__scrollwrap; code blocks scroll), not hidden
# (Material's drawer and search are moved off screen until opened) and not visually hidden
# on purpose (1 px clip for screen readers).
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const problems = [];
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  const inScroller = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up)) return true;
    }
    return false;
  };
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\\s+/).join(".") : "");
  for (const el of document.body.querySelectorAll("*")) {
    if (el.closest(".md-sidebar, .md-search, [hidden], .md-visually-hidden, .md-dialog, .md-tooltip, .md-tooltip2")) continue;
    const style = getComputedStyle(el);
    if (style.display === "none" || style.visibility === "hidden") continue;
    const box = el.getBoundingClientRect();
    if (box.width < 2 || box.height < 2) continue;  // visually hidden text for screen readers
    if (inScroller(el)) continue;
    if (box.right > width + 1 || box.left < -1) {
      problems.push(`${name(el)} 宽出视口：${Math.round(box.left)}–${Math.round(box.right)} / ${width}`);
    }
    const clips = ["hidden", "clip"].includes(style.overflowX);
    if (clips && el.scrollWidth > el.clientWidth + 1 && style.textOverflow !== "ellipsis" && el.textContent.trim()) {
      problems.push(`${name(el)} 裁掉了内容：${el.scrollWidth} > ${el.clientWidth}`);
    }
  }
  return problems;
}"""


@pytest.fixture(params=list(VIEWPORTS))
def small_page(request: pytest.FixtureRequest, browser: Browser) -> Iterator[Page]:
    ctx = browser.new_context(locale="zh-CN", **VIEWPORTS[request.param])  # type: ignore[arg-type]
    pg = ctx.new_page()
    pg.set_default_timeout(15_000)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    ctx.close()
    assert errors == []


@pytest.mark.parametrize("scheme", ["light"])
@pytest.mark.parametrize("kind", KINDS)
def test_nothing_is_cut_off_and_nothing_scrolls_sideways(
    small_page: Page, site_url: str, kind: str, scheme: str
) -> None:
    small_page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    PAGES[kind](small_page, site_url)
    width = small_page.evaluate("innerWidth")
    scroll = small_page.evaluate("document.scrollingElement.scrollWidth")
    problems = small_page.evaluate(OVERFLOW)
    assert scroll <= width and problems == [], (
        f"{kind}（{small_page.url}，视口 {width} px）：页面宽 {scroll} px\n" + "\n".join(problems)
    )


def test_the_check_sees_a_wide_element_but_not_a_wide_table_that_scrolls(
    small_page: Page, site_url: str
) -> None:
    PAGES["glossary"](small_page, site_url)
    small_page.evaluate(
        """() => {
          const wrap = document.createElement('div');
          wrap.className = 'md-typeset__scrollwrap';
          wrap.innerHTML = '<div class="md-typeset__table"><table><tr><td style="min-width:2000px">表</td></tr></table></div>';
          document.querySelector('article').append(wrap);
          const wide = document.createElement('p');
          wide.id = 'px-wide';
          wide.style.width = '2000px';
          wide.textContent = '太宽的段落';
          document.querySelector('article').append(wide);
        }"""
    )
    problems = small_page.evaluate(OVERFLOW)
    assert any(p.startswith("p#px-wide") for p in problems), problems
    assert not any("td" in p or "table" in p for p in problems), problems
