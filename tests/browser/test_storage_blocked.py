"""A browser that blocks site storage: the site still works, with no uncaught errors."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, expect

BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {
    configurable: true,
    get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
  });
}
"""


def test_pages_work_when_storage_is_blocked(context: BrowserContext, site_url: str) -> None:
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    for path in ("index.html", "01-juese-renzhi/01-diwei-zuoyong.html", "zonghe-ceping.html"):
        page.goto(site_url + path)
        page.wait_for_load_state("load")
        expect(page.locator("html")).to_have_attribute("data-px-storage", "blocked")
        # The palette toggle is still there and switches the scheme.
        toggle = page.locator("label.md-header__button[for^='__palette']:visible").first
        expect(toggle).to_be_visible()
        before = page.locator("body").get_attribute("data-md-color-scheme")
        toggle.click()
        expect(page.locator("body")).not_to_have_attribute("data-md-color-scheme", before or "")
    assert errors == []


def test_the_learner_is_told_once_that_answers_will_not_be_kept(
    context: BrowserContext, site_url: str
) -> None:
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(site_url + "01-juese-renzhi/01-diwei-zuoyong.html")
    note = page.get_by_role("note").filter(has_text="不会保留")
    expect(note).to_have_count(1)
    expect(note).to_be_visible()
    # Answering still works, for this page's life.
    first = page.locator('[data-quiz] .px-quiz__q[data-type="single"]').first
    first.locator("input").first.check()
    first.get_by_role("button", name="提交").click()
    expect(first.locator(".px-quiz__feedback")).to_contain_text("回答")
    assert errors == []
