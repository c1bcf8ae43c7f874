"""学习档案, 支部汇总 and the home page's 继续学习 / 今日复习: the pages' HTML skeletons.

Every learner's value is filled in by record-pages.js from the browser's records, with
``textContent`` only; what is written here is the course's own text, escaped by markupsafe.
"""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import Markup

from peixun.course.model import Course
from peixun.course.settings import CourseSettings

MARKER = "<!-- peixun:record -->"
"""Written into the generated pages' Markdown; replaced by their HTML once rendered."""

UrlFor = Callable[[str], str]  # docs-relative source path -> URL relative to the current page

RECORD_TITLE = "学习档案"
SUMMARY_TITLE = "支部汇总"
DEVICE_NOTE = (
    "本档案由这台设备上的浏览器根据本机保存的学习记录生成。"
    "记录只保存在这台设备上，没有上传到任何服务器；换了设备或清除了浏览器数据，记录就不在了。"
)
NOJS = Markup('<p class="px-quiz__nojs">{}</p>').format(
    "本页需要浏览器启用 JavaScript（学习记录保存在本机浏览器中）。"
)


def _page(title: str, intro: str) -> str:
    return f"---\ntitle: {title}\nsearch:\n  exclude: true\n---\n\n{intro}\n\n{MARKER}\n"


def generated_pages(settings: CourseSettings) -> dict[str, str]:
    """docs-relative path -> Markdown of the pages this package adds."""
    names = settings.pages
    return {
        names.record: _page(
            RECORD_TITLE,
            "一份可以打印的个人学习记录：各章各课的完成情况、自测得分、测评成绩和学习时间。"
            "姓名和所在支部只保存在本机。",
        ),
        names.branch_summary: _page(
            SUMMARY_TITLE,
            "给支部书记用：把几位学员从“学习进度”页导出的学习记录文件一起打开，"
            "就能看到谁学完了哪些内容、测评成绩，以及大家答错最多的题目。"
            "文件只在这个浏览器里读取，不会上传。",
        ),
    }


def _field(name: str, label: str, limit: int, complete: str) -> Markup:
    return Markup(
        '<p class="px-dossier__field"><label for="px-learner-{name}">{label}</label>'
        '<input type="text" id="px-learner-{name}" name="{name}" maxlength="{limit}"'
        ' autocomplete="{complete}"></p>'
    ).format(name=name, label=label, limit=limit, complete=complete)


def record_html(course: Course, url_for: UrlFor) -> Markup:
    """学习档案: who, the facts, each chapter's lessons, the exam attempts, the device note."""
    chapters = Markup("")
    for chapter in course.chapters:
        rows = Markup("").join(
            Markup(
                '<tr data-lesson="{id}"><td>{title}</td><td data-cell="state">–</td>'
                '<td data-cell="score">–</td></tr>'
            ).format(id=lesson.meta.id, title=lesson.title)
            for lesson in chapter.lessons
        )
        chapters += Markup(
            '<table class="px-dossier__chapter" data-chapter="{id}"><caption>{title}'
            '<span class="px-dossier__sum" data-cell="chapter"></span></caption>'
            "<thead><tr><th>课文</th><th>学习情况</th><th>自测得分</th></tr></thead>"
            "<tbody>{rows}</tbody></table>"
        ).format(id=chapter.folder, title=chapter.title, rows=rows)
    return Markup(
        '<div class="px-record px-dossier" data-px-dossier data-search-exclude>{nojs}'
        '<form class="px-dossier__who" data-px-learner>'
        "<p>填写后自动保存在本机，打印时印在档案上。</p>"
        "{name}{branch}"
        '<p class="px-dossier__saved" role="status" data-px-saved></p></form>'
        '<p class="px-dossier__actions"><button type="button" class="md-button md-button--primary"'
        ' data-px-action="print">打印学习档案</button></p>'
        '<dl class="px-dossier__facts">'
        '<dt>学员</dt><dd data-fact="name">（未填写）</dd>'
        '<dt>所在支部</dt><dd data-fact="branch">（未填写）</dd>'
        '<dt>生成日期</dt><dd data-fact="date">–</dd>'
        '<dt>完成情况</dt><dd data-fact="lessons">–</dd>'
        '<dt>学习时间</dt><dd data-fact="hours">–</dd></dl>'
        '<h2 id="gezhang">各章学习情况</h2>{chapters}'
        '<h2 id="ceping">测评记录</h2>'
        '<table class="px-dossier__attempts" data-px-attempts><thead><tr><th>日期</th>'
        "<th>测评</th><th>得分</th><th>结果</th><th>用时</th></tr></thead><tbody></tbody></table>"
        '<p class="px-dossier__none" data-px-no-attempts hidden>还没有测评记录。</p>'
        '<p class="px-dossier__note"><strong>说明：</strong>{note}</p></div>'
    ).format(
        nojs=NOJS,
        name=_field("name", "姓名", 40, "name"),
        branch=_field("branch", "所在支部", 80, "organization"),
        chapters=chapters,
        note=DEVICE_NOTE,
    )


def summary_html() -> Markup:
    """支部汇总: the files, who finished what, exam scores, the questions most often wrong."""
    return Markup(
        '<div class="px-record px-summary" data-px-summary data-search-exclude>{nojs}'
        '<div class="px-summary__drop" data-px-drop>'
        '<p><label for="px-summary-files">选择学员导出的学习记录文件（可一次选多个）：</label></p>'
        '<p><input type="file" id="px-summary-files" multiple accept=".json,application/json"'
        " data-px-files></p><p>也可以把文件拖到这个方框里。</p></div>"
        '<div role="status"><ul class="px-summary__files" data-px-file-status></ul></div>'
        "<div data-px-summary-result hidden>"
        '<p class="px-dossier__actions"><button type="button" class="md-button md-button--primary"'
        ' data-px-action="print">打印支部汇总</button></p>'
        '<h2 id="wancheng">学员完成情况</h2>'
        '<div class="px-summary__scroll"><table class="px-summary__people" data-px-people>'
        "<thead><tr><th>学员</th><th>所在支部</th><th>读完课文</th><th>完成自测</th>"
        "<th>自测答对</th><th>综合测评</th><th>学习时间</th></tr></thead><tbody></tbody></table></div>"
        '<h2 id="gezhang">各章完成的人数</h2>'
        '<table class="px-summary__chapters" data-px-chapters><thead><tr><th>章</th>'
        "<th>读完并做完自测的人数</th></tr></thead><tbody></tbody></table>"
        '<h2 id="cuoti">答错最多的题</h2>'
        '<ol class="px-summary__wrong" data-px-wrong></ol>'
        "<p data-px-no-wrong hidden>这些记录里没有答错的题。</p></div></div>"
    ).format(nojs=NOJS)


def home_html() -> Markup:
    """继续学习 and 今日复习 on the home page, filled by record.js (hidden without it)."""
    return Markup(
        '<div class="px-next" data-px-next data-search-exclude hidden>'
        '<p class="px-next__item"><strong>继续学习：</strong><a data-px-continue href="#"></a></p>'
        '<p class="px-next__item"><strong>今日复习：</strong><a data-px-review href="#"></a></p>'
        "</div>"
    )
