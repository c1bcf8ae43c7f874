"""``slides --site``: the decks go beside the handouts and the chapter page links them."""

from __future__ import annotations

import shutil
from pathlib import Path

from lxml import html as lxml_html

from tests.slides.conftest import run_peixun


def _slides_paragraph(site: Path, folder: str) -> lxml_html.HtmlElement:
    page = lxml_html.fromstring((site / folder / "index.html").read_bytes())
    found = [p for p in page.find_class("px-handout__slides") if p.get("data-px-slides") == folder]
    assert len(found) == 1
    return found[0]


def test_the_built_site_links_no_deck_until_one_is_written(built_site: Path) -> None:
    paragraph = _slides_paragraph(built_site, "01-juese-renzhi")
    assert paragraph.get("hidden") is not None and paragraph.find(".//a") is None
    assert not list((built_site / "handouts").glob("*.pptx"))


def test_slides_site_writes_the_deck_and_links_it_from_the_chapter_page(
    built_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    for _ in range(2):  # running it again keeps one link
        result = run_peixun("slides", "--site", str(site), "--chapter", "01-juese-renzhi")
        assert result.returncode == 0, result.stderr
    paragraph = _slides_paragraph(site, "01-juese-renzhi")
    assert paragraph.get("hidden") is None
    link = paragraph.find(".//a")
    assert link is not None and "PowerPoint" in link.text_content()
    assert (site / "01-juese-renzhi" / link.get("href")).resolve() == (
        site / "handouts" / "01-juese-renzhi-slides.pptx"
    ).resolve()
    assert (site / "handouts" / "01-juese-renzhi-slides.pptx").is_file()
    # another chapter, whose deck was not written, still links nothing
    other = _slides_paragraph(site, "02-suzhi-yaoqiu")
    assert other.get("hidden") is not None and other.find(".//a") is None


def test_clear_messages_for_a_wrong_chapter_lesson_or_site(tmp_path: Path) -> None:
    result = run_peixun("slides", "--chapter", "99-meiyou", "--out", str(tmp_path))
    assert result.returncode == 1 and "找不到章节“99-meiyou”" in result.stderr
    assert "01-juese-renzhi" in result.stderr and "Traceback" not in result.stderr
    result = run_peixun("slides", "--lesson", "meiyou", "--out", str(tmp_path))
    assert result.returncode == 1 and "找不到" in result.stderr and "meiyou" in result.stderr
    result = run_peixun("slides", "--site", str(tmp_path / "nosite"))
    assert result.returncode == 1 and "不是已构建的网站" in result.stderr
    assert not list(tmp_path.glob("**/*.pptx"))
