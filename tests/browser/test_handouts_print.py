"""Printing from Chromium (print media, A4): handouts and ordinary lesson pages print clean."""

from __future__ import annotations

import re
import subprocess

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

HANDOUTS = ("handouts/01-juese-renzhi-student.html", "handouts/01-juese-renzhi-teacher.html")
LESSON = "01-juese-renzhi/01-diwei-zuoyong.html"
# What a person would see of the site around the content if it printed.
CHROME_TEXT = ("跳转至", "搜索", "上一页", "下一页", "打印本讲义", "改看", "返回本章", "切换到")
CHROME = (
    ".md-header",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-footer",
    ".md-search",
)
A4_TEXT_WIDTH = 658  # CSS px: 210 mm minus the 2 × 18 mm side margins of print.css
# Each character that starts a line in the printed layout; closing punctuation may not
# (GB/T 15834 避头尾). Returns the offenders and how many line starts were looked at.
LINE_STARTS_JS = """() => {
  const forbidden = /[，。、；：？！”’）》]/;
  const root = document.querySelector(".md-content");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const bad = [];
  let starts = 0, lastTop = null, lastBlock = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const block = node.parentElement.closest("p, li, h1, h2, h3, h4");
    if (!block || !block.checkVisibility()) continue;
    for (let i = 0; i < node.length; i++) {
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || !node.data[i].trim()) continue;
      if (block === lastBlock && rect.top > lastTop + 4) {
        starts++;
        if (forbidden.test(node.data[i])) bad.push(block.textContent.slice(0, 40));
      }
      lastTop = rect.top;
      lastBlock = block;
    }
  }
  return {bad, starts};
}"""


def _print(page: Page, url: str) -> list[str]:
    """The page as Chromium prints it on A4: the text of each printed sheet (via poppler)."""
    page.goto(url)
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True, print_background=True)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True)
    assert b"(A4)" in info.stdout
    # pdftotext reads Chromium's CJK text faithfully (pypdf gives Kangxi radicals here);
    # -raw keeps drawing order, which the answer blanks would otherwise scramble.
    text = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return text.stdout.decode("utf-8").split("\f")[:-1]


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("path", HANDOUTS)
def test_handout_prints_without_site_chrome(page: Page, site_url: str, path: str) -> None:
    sheets = _print(page, site_url + path)
    assert len(sheets) > 3
    for sheet in sheets:
        for word in CHROME_TEXT:
            assert word not in sheet
    assert "第一章角色认知" in _flat(sheets[0])
    for selector in CHROME:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    expect(page.get_by_role("button", name="打印本讲义")).to_be_hidden()


@pytest.mark.parametrize("path", HANDOUTS)
def test_no_question_or_answer_is_split_across_pages(page: Page, site_url: str, path: str) -> None:
    sheets = [_flat(s) for s in _print(page, site_url + path)]
    blocks = page.locator(".px-handout-q, .px-handout-key")
    assert blocks.count() > 10
    assert blocks.first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    for text in blocks.all_inner_texts():
        # Every line of the block on one and the same sheet; poppler's drawing order may
        # put a line of the block after the next block, so lines are looked up one by one.
        lines = [_flat(line) for line in text.splitlines() if line.strip()]
        assert any(all(line in sheet for line in lines) for sheet in sheets), (
            f"split across pages: {text[:40]}"
        )


@pytest.mark.parametrize("path", [HANDOUTS[1], LESSON])
def test_print_never_starts_a_line_with_closing_punctuation(
    page: Page, site_url: str, path: str
) -> None:
    page.set_viewport_size({"width": A4_TEXT_WIDTH, "height": 1000})
    page.goto(site_url + path)
    page.emulate_media(media="print")
    body = page.locator(".md-typeset").first
    assert body.evaluate("e => getComputedStyle(e).lineBreak") == "strict"
    result = page.evaluate(LINE_STARTS_JS)
    assert result["starts"] > 20  # enough wrapped lines for the check to mean something
    assert result["bad"] == []


def test_handout_shows_print_and_edition_controls_on_screen(page: Page, site_url: str) -> None:
    page.goto(site_url + HANDOUTS[0])
    expect(page.get_by_role("button", name="打印本讲义")).to_be_visible()
    page.get_by_role("link", name="改看教师版").click()
    expect(page.locator("h2#daan")).to_have_text(re.compile("答案与解析"))


def test_chapter_page_leads_to_both_handouts(page: Page, site_url: str) -> None:
    page.goto(site_url + "01-juese-renzhi/index.html")
    page.get_by_role("link", name="学员版").click()
    expect(page).to_have_url(re.compile(r"handouts/01-juese-renzhi-student\.html$"))
    expect(page.locator(".px-handout-q").first).to_be_visible()
    expect(page.locator(".px-handout-key")).to_have_count(0)


def test_lesson_page_prints_clean(page: Page, site_url: str) -> None:
    sheets = _print(page, site_url + LESSON)
    text = "".join(sheets)
    for word in CHROME_TEXT:
        assert word not in text
    assert "党支部在党的建设中的地位" in text
    # the quiz prints as questions to tick, without its buttons, feedback or answers
    assert page.locator(".px-quiz__q").count() > 0
    assert "党支部作为党的基层组织，是党与人民群众紧密联系的什么" in _flat(text)
    for word in ("提交", "重做", "答案与解析", "回看原文"):
        assert word not in text
    for selector in CHROME:
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    # the quiz's buttons, inputs, feedback and answers stay on screen
    for selector in (".px-quiz button", ".px-quiz input", ".px-quiz__answer", ".px-quiz__feedback"):
        for element in page.locator(selector).all():
            expect(element).to_be_hidden()
    for n, sheet in enumerate(sheets, start=1):
        assert f"第{n}页/共{len(sheets)}页" in _flat(sheet)


def test_learner_sheet_leaves_room_under_each_discussion_question(
    page: Page, site_url: str
) -> None:
    page.goto(site_url + HANDOUTS[0])
    page.emulate_media(media="print")
    item = page.locator("#ke1-taolun + ol > li").first
    room = item.evaluate("e => parseFloat(getComputedStyle(e).paddingBottom)")
    assert room > 40
