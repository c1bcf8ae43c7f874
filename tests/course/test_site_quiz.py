"""The quiz in the built site: placement, generated pages, search index, bad banks."""

from __future__ import annotations

import json
import re
from pathlib import Path

from peixun.course.model import load_course
from peixun.search.split_index import indexed_documents
from tests.sitebuild import ROOT, build

LESSONS = ["01-juese-renzhi/01-diwei-zuoyong.html", "01-juese-renzhi/02-zhengzhi-juese.html"]


def _html(site: Path, path: str) -> str:
    return (site / path).read_text("utf-8")


def test_every_lesson_ends_with_its_quiz_after_the_sources(built_site: Path) -> None:
    for lesson in LESSONS:
        html = _html(built_site, lesson)
        assert html.count("data-quiz=") == 1, lesson
        ids = re.findall(r'<h2 id="([^"]+)"', html)
        assert ids[-2:] == ["laiyuan", "zice"], lesson
        assert '<h2 id="zice">自测' in html


def test_generated_pages_exist_with_their_titles(built_site: Path) -> None:
    pages = {
        "01-juese-renzhi/zhangjie-ceshi.html": "本章测验",
        "zonghe-ceping.html": "综合测评",
        "xuexi-jindu.html": "学习进度",
        "cuoti-ben.html": "错题本",
    }
    for path, title in pages.items():
        html = _html(built_site, path)
        assert f"<h1>{title}</h1>" in html, path
        assert "<!-- peixun:quiz -->" not in html


def test_chapter_page_links_to_its_test(built_site: Path) -> None:
    html = _html(built_site, "01-juese-renzhi/index.html")
    assert '<a href="zhangjie-ceshi.html">本章测验</a>' in html


def test_quiz_text_stays_out_of_the_search_index(built_site: Path) -> None:
    docs = indexed_documents(built_site)
    locations = [doc["location"] for doc in docs]
    for page in ("zhangjie-ceshi", "zonghe-ceping", "xuexi-jindu", "cuoti-ben"):
        assert not any(page in loc for loc in locations), page
    quiz_sections = [doc for doc in docs if doc["location"].endswith("#zice")]
    lessons = load_course(ROOT / "docs", ROOT / "sources").lessons()
    assert len(quiz_sections) == len(lessons)
    assert all(doc["text"] == "" for doc in quiz_sections)  # the heading only
    text = "".join(doc["text"] for doc in docs).replace("\u200b", "")
    assert "答案与解析" not in text
    assert "在行政管理方面起决定作用" not in text  # an option that appears only in a bank


def test_malformed_bank_stops_the_build_naming_file_and_line(project_copy: Path) -> None:
    bank = project_copy / "quizzes" / "01-juese-renzhi" / "01-diwei-zuoyong.yml"
    text = bank.read_text("utf-8").replace("source: zhibu-diwei", "source: meiyou", 1)
    bank.write_text(text, "utf-8")
    line = text.splitlines().index("    source: meiyou") + 1
    result = build(project_copy)
    assert result.returncode != 0
    assert f"quizzes/01-juese-renzhi/01-diwei-zuoyong.yml 第 {line} 行" in result.output
    assert "没有 id 为“meiyou”的 ## 小节" in result.output
    assert "Aborted with a BuildError!" in result.output
    assert "Traceback" not in result.output


def test_yaml_error_in_a_bank_stops_the_build(project_copy: Path) -> None:
    bank = project_copy / "quizzes" / "01-juese-renzhi" / "02-zhengzhi-juese.yml"
    bank.write_text("questions:\n\t- id: huai\n", "utf-8")  # a tab for indentation
    result = build(project_copy)
    assert result.returncode != 0
    assert "quizzes/01-juese-renzhi/02-zhengzhi-juese.yml 第 2 行" in result.output
    assert "YAML 格式错误" in result.output
    assert "Traceback" not in result.output


def test_every_page_hands_the_scripts_one_config(built_site: Path) -> None:
    from peixun.course.settings import CourseSettings
    from peixun.quiz.contract import CONFIG_ID
    from peixun.text.hanzi import HAN_RANGES

    pattern = re.compile(
        rf'<script type="application/json" id="{CONFIG_ID}">(.*?)</script>', re.DOTALL
    )
    pages = sorted(built_site.rglob("*.html"))
    assert pages
    for page in pages:
        head = _html(built_site, str(page.relative_to(built_site))).split("</head>", 1)[0]
        found = pattern.findall(head)
        assert len(found) == 1, page
    config = json.loads(found[0])
    namespace = CourseSettings().storage_namespace("党支部书记履职能力培训")
    assert config["storage"] == f"peixun:{namespace}:v2:"
    assert config["han"] == [[ord(a), ord(b)] for a, b in HAN_RANGES]


def test_questions_carry_lesson_id_and_where_older_builds_kept_their_answers(
    built_site: Path,
) -> None:
    html = _html(built_site, LESSONS[0])
    assert (
        'data-question="diwei-qiaoliang" data-type="single" data-lesson="diwei-zuoyong"'
        ' data-v1="01-juese-renzhi/01-diwei-zuoyong:diwei-qiaoliang"' in html
    )
    assert (
        'data-lesson="diwei-zuoyong" data-v1="01-juese-renzhi/01-diwei-zuoyong:'
        'auto-guanjian-zuoyong-1-paixu"' in html
    )
