"""The built site as a whole: offline-safe references, the home page, clean build errors."""

from __future__ import annotations

import logging
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path

from peixun.assets import PAGE_ASSETS, page_assets, site_path
from tests.fixture import SOURCE_FILE
from tests.sitebuild import build, build_here

LOADING_TAGS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "source": "src"}


class _References(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        wanted = LOADING_TAGS.get(tag)
        for name, value in attrs:
            if name == wanted and value:
                self.urls.append(value)


def test_no_page_loads_anything_from_the_web(built_site: Path) -> None:
    outside = {}
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 3
    for html in pages:
        parser = _References()
        parser.feed(html.read_text(encoding="utf-8"))
        bad = [u for u in parser.urls if re.match(r"(https?:)?//", u)]
        if bad:
            outside[str(html.relative_to(built_site))] = bad
    assert outside == {}


def test_home_page_is_chinese_and_maps_the_chapters(fixture_site: Path) -> None:
    html = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh"' in html
    assert "示例课程" in html
    assert "px-course-map" in html
    assert "第一章 学习与练习" in html and "第二章 讨论与体会" in html
    assert "<!-- peixun:course-map -->" not in html
    assert "fonts.googleapis.com" not in html


def _write_lesson(project: Path, front_matter: str) -> Path:
    chapter = project / "docs" / "99-ceshi"
    chapter.mkdir(parents=True, exist_ok=True)
    (chapter / "index.md").write_text(
        "---\ntitle: 测试章\nsummary: 测试。\n---\n\n导语。\n", "utf-8"
    )
    lesson = chapter / "01-ceshi.md"
    lesson.write_text(f"---\n{front_matter}---\n\n## 学习目标 {{#mubiao}}\n\n- 一\n", "utf-8")
    return lesson


def _error_of(project: Path) -> str:
    """The one error a failed in-process build logged (MkDocs logs a BuildError, then aborts)."""
    result = build_here(project)
    assert not result.ok
    [error] = result.messages(logging.ERROR)
    return error


def test_lesson_without_title_stops_the_build_naming_the_file(fixture_project: Path) -> None:
    _write_lesson(fixture_project, f"sources:\n  - file: {SOURCE_FILE}\n    passage: 开篇\n")
    error = _error_of(fixture_project)
    assert "docs/99-ceshi/01-ceshi.md" in error
    assert "title" in error and "缺少必填字段" in error


def test_missing_source_file_is_named_with_its_line(fixture_project: Path) -> None:
    _write_lesson(
        fixture_project,
        "title: 测试\nid: ceshi\nsources:\n  - file: 不存在.txt\n    passage: 开篇\n",
    )
    error = _error_of(fixture_project)
    assert "docs/99-ceshi/01-ceshi.md 第 5 行" in error
    assert "“不存在.txt”在 sources/ 中不存在" in error


def test_front_matter_syntax_error_gives_line_not_traceback(fixture_project: Path) -> None:
    _write_lesson(fixture_project, "title: [未闭合\nsources: []\n")
    error = _error_of(fixture_project)
    assert "docs/99-ceshi/01-ceshi.md 第" in error
    assert "YAML 格式错误" in error


def test_a_content_error_ends_the_command_line_build_without_a_traceback(
    fixture_project: Path,
) -> None:
    _write_lesson(
        fixture_project,
        "title: 测试\nid: ceshi\nsources:\n  - file: 不存在.txt\n    passage: 开篇\n",
    )
    result = build(fixture_project)
    assert result.returncode != 0
    assert "“不存在.txt”在 sources/ 中不存在" in result.output
    assert "Aborted with a BuildError!" in result.output
    assert "Traceback" not in result.output


def test_the_fixture_course_builds_in_process_without_a_warning(fixture_project: Path) -> None:
    result = build_here(fixture_project)
    assert result.ok
    assert result.messages() == []
    assert (result.site / "01-diyi-zhang" / "01-xuexi-huanjie.html").is_file()


def test_content_problems_stop_even_a_quiet_build(fixture_project: Path) -> None:
    lesson = fixture_project / "docs" / "01-diyi-zhang" / "01-xuexi-huanjie.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("{#mubiao}", "", 1), encoding="utf-8")
    for strict in (False, True):
        result = build(fixture_project, strict=strict, quiet=True)
        assert result.returncode != 0
        assert "docs/01-diyi-zhang/01-xuexi-huanjie.md 第" in result.output
        assert "缺少 id" in result.output
        assert "Traceback" not in result.output
        assert not (result.site / "index.html").exists()


def test_text_files_have_identical_precompressed_copies(built_site: Path) -> None:
    import gzip

    lesson = built_site / "01-juese-renzhi" / "01-diwei-zuoyong.html"
    for path in (lesson, built_site / "assets" / "peixun" / "quiz" / "quiz.js"):
        packed = path.with_name(path.name + ".gz")
        assert gzip.decompress(packed.read_bytes()) == path.read_bytes()
        assert packed.stat().st_size < path.stat().st_size / 2
    # the split index is fetched over HTTP; the theme's index as a script is read only from a
    # folder (file://), where no .gz is sent (and it is now the config alone, below MIN_BYTES)
    assert (built_site / "search" / "peixun" / "meta.js.gz").is_file()
    assert (built_site / "search" / "peixun" / "pages" / "0.js.gz").is_file()
    assert not (built_site / "search" / "search_index.js.gz").exists()


def _loaded(html: Path) -> set[str]:
    """The site files a page's HTML loads, as site paths."""
    parser = _References()
    parser.feed(html.read_text(encoding="utf-8"))
    return {posixpath.normpath(posixpath.join(html.parent.as_posix(), u)) for u in parser.urls}


def test_page_only_files_are_named_by_their_pages_alone(built_site: Path) -> None:
    """演示, 学习计划, 学习档案, the exam… bring their files; a lesson brings none of them."""
    root = built_site.as_posix()
    path = {f: posixpath.join(root, site_path(f)) for e in PAGE_ASSETS for f in e.scripts}
    path |= {f: posixpath.join(root, site_path(f)) for e in PAGE_ASSETS for f in e.styles}
    lesson = _loaded(built_site / "01-juese-renzhi" / "01-diwei-zuoyong.html")
    assert not lesson & set(path.values())
    assert posixpath.join(root, site_path("quiz/quiz.js")) in lesson  # every page's files
    exam = _loaded(built_site / "zonghe-ceping.html")
    assert {path["exam/draw.js"], path["exam/exam.js"], path["exam/exam.css"]} <= exam
    plan = _loaded(built_site / "xuexi-jihua.html")
    assert {path["records/plan.js"], path["records/records.css"]} <= plan
    assert path["present/present.js"] not in plan


def test_a_marker_counts_on_a_tag_only_never_in_the_text() -> None:
    scripts, styles = page_assets('<p>&lt;div data-plan&gt;</p><div class="x" data-planned>')
    assert (scripts, styles) == ([], [])
    scripts, styles = page_assets('<div data-px-summary><div data-px-chart data-x="1">')
    assert scripts == ["record/record-exchange.js", "record/record-pages.js"]  # once each


def test_a_lesson_left_out_of_the_build_stops_its_handouts_naming_it(
    fixture_project: Path,
) -> None:
    # a handout prints the HTML of every lesson of its chapter: one the build does not
    # convert is never left out of it silently
    with (fixture_project / "mkdocs.yml").open("a", encoding="utf-8") as config:
        config.write("exclude_docs: |\n  01-diyi-zhang/02-*.md\n")
    result = build_here(fixture_project)
    assert not result.ok
    errors = "\n".join(result.messages(logging.ERROR))
    assert "讲义 handouts/01-diyi-zhang-student.md" in errors
    assert "01-diyi-zhang/02-lianxi-fangfa.md 的课文" in errors
    assert "exclude_docs" in errors and "Traceback" not in errors


def test_the_sitemap_lists_the_course_pages_but_not_the_views_of_their_own(
    built_site: Path,
) -> None:
    # Material's instant navigation downloads the sitemap on every first visit and takes over
    # only links it lists; handouts, 演示 and 学习记录 sheets load afresh, without the site's nav
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    listed = [
        re.sub(r"^https?://[^/]+/", "", u) for u in re.findall(r"<loc>([^<]*)</loc>", sitemap)
    ]
    assert "01-juese-renzhi/01-diwei-zuoyong.html" in listed
    assert any(u.endswith("xuexi-jihua.html") for u in listed)
    assert not [u for u in listed if re.search(r"(^|/)(handouts|present|records)/", u)]
    lesson = (built_site / "01-juese-renzhi" / "01-diwei-zuoyong.html").read_text(encoding="utf-8")
    assert 'class="md-nav' in lesson  # the course nav is rendered where it is shown
    view = (built_site / "present" / "01-juese-renzhi" / "01-diwei-zuoyong.html").read_text(
        encoding="utf-8"
    )
    assert 'data-md-type="navigation"' not in view
