"""Keyboard focus: every stop of the Tab order shows a ring ≥ 2 px with ≥ 3:1 contrast against
the colour around it (WCAG 2.4.7, 1.4.11), light and dark; reduced motion stops our animations."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page

from tests.browser.test_accessibility import PAGES

pytestmark = pytest.mark.usefixtures("no_script_errors")

KINDS = ["home", "lesson", "lesson-answered", "exam-in-progress", "progress", "handout-student"]
MAX_STOPS = 400

# The focused element's ring: its outline (or, for a visually hidden input such as the palette
# toggle, the outline of the label that stands for it), and the colour behind that ring: the
# element's own background for a ring drawn inside it, else the first opaque ancestor's.
RING = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  window.pxStops = window.pxStops || new WeakSet();  // where Tab has been: a second visit ends the walk
  const again = window.pxStops.has(el);
  window.pxStops.add(el);
  const box = el.getBoundingClientRect();
  if ((box.width <= 1 || box.height <= 1) && el.labels && el.labels.length) {
    // Material's palette toggle shows the label after the input (the one for the next scheme)
    const next = el.nextElementSibling;
    el = next && next.tagName === "LABEL" ? next : el.labels[0];
  }
  const s = getComputedStyle(el);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const inside = parseFloat(s.outlineOffset) < 0;
  let back = [255, 255, 255];
  for (let n = inside ? el : el.parentElement; n; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { back = c.slice(0, 3); break; }
  }
  const ring = rgb(s.outlineColor).slice(0, 3);
  const [hi, lo] = [lum(ring), lum(back)].sort((a, b) => b - a);
  const shown = el.getBoundingClientRect();
  return {
    name: el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
      (typeof el.className === "string" && el.className ? "." + el.className.trim().split(/\\s+/)[0] : "") +
      (el.textContent ? " " + el.textContent.trim().slice(0, 12) : ""),
    style: s.outlineStyle, width: parseFloat(s.outlineWidth),
    ratio: (hi + 0.05) / (lo + 0.05), size: shown.width * shown.height,
    again,
  };
}"""


def tab_stops(page: Page) -> list[dict[str, Any]]:
    """Every element Tab reaches once, in order, from the top of the page (the skip link:
    after answering, Tab would otherwise go on from the last button pressed)."""
    page.evaluate("window.scrollTo(0, 0); document.querySelector('.md-skip, a[href]').focus()")
    stops: list[dict[str, Any]] = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        ring = page.evaluate(RING)
        if ring is None or ring["again"]:
            break
        stops.append(ring)
    return stops


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("kind", KINDS)
def test_every_tab_stop_has_a_ring_that_stands_out(
    page: Page, site_url: str, kind: str, scheme: str
) -> None:
    # Reduced motion, so that colours are read settled, not halfway through Material's fades.
    page.emulate_media(color_scheme=scheme, reduced_motion="reduce")  # type: ignore[arg-type]
    PAGES[kind](page, site_url)
    stops = tab_stops(page)
    names = " ".join(s["name"] for s in stops)
    assert "md-footer" in names or kind.startswith("handout"), names  # the whole page was walked
    assert len(stops) >= 10, stops  # the header, the navigation and the page's own controls
    faint = [
        f"{s['name']}：{s['style']} {s['width']}px，对比度 {s['ratio']:.2f}"
        for s in stops
        if s["size"] > 1 and (s["style"] == "none" or s["width"] < 2 or s["ratio"] < 3)
    ]
    assert faint == [], f"{kind}（{scheme}）焦点框看不清：\n" + "\n".join(faint)


def test_reduced_motion_stops_transitions_and_animations(page: Page, site_url: str) -> None:
    page.emulate_media(reduced_motion="reduce")
    PAGES["lesson-answered"](page, site_url)
    moving = page.evaluate(
        """() => [...document.querySelectorAll('*')].filter((el) => {
             const s = getComputedStyle(el);
             const long = (v) => v.split(',').some((t) => parseFloat(t) > 0.01);
             return long(s.transitionDuration) || (s.animationName !== 'none' && long(s.animationDuration));
           }).map((el) => el.tagName + '.' + el.className)"""
    )
    assert moving == []
    page.emulate_media(reduced_motion="no-preference")
    assert page.evaluate(
        "[...document.querySelectorAll('*')].some((el) => parseFloat(getComputedStyle(el).transitionDuration) > 0.01)"
    )
