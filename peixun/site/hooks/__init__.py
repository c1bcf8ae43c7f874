"""Every MkDocs event peixun handles, combined in one place, in the order they must run.

A course's ``hooks/peixun_hooks.py`` imports this module's ``on_*`` names, so its
``mkdocs.yml`` lists one hook file whatever peixun adds later. Within one event the handlers
run in the order given here unless an ``event_priority`` says otherwise (assets' on_config
runs before Material's offline plugin; search weighs entries after Material's search plugin).
"""

from __future__ import annotations

from mkdocs.plugins import CombinedEvent

from peixun.site.hooks import (
    assets,
    course,
    drafts,
    handouts,
    meeting,
    quiz,
    rebuilds,
    record,
    scorm,
    search,
)

__all__ = [
    "on_config",
    "on_env",
    "on_files",
    "on_nav",
    "on_page_content",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_page",
    "on_post_template",
    "on_pre_build",
    "on_serve",
    "on_startup",
]

# rebuilds: mkdocs serve keeps unchanged question HTML and handouts between rebuilds
on_startup = CombinedEvent(drafts.on_startup, rebuilds.on_startup)
on_pre_build = rebuilds.on_pre_build  # each (re)build lets go of what the last one left unused
on_config = assets.on_config
on_env = CombinedEvent(assets.on_env, search.on_env)  # peixun_standalone; the search worker
# search reads the pages present before the handouts are added, as it always has.
# drafts refuse to be published before anything is generated from them.
# scorm writes the question table of the SCORM run-time once the questions are read (after quiz).
on_files = CombinedEvent(
    assets.on_files,
    course.on_files,
    drafts.on_files,
    quiz.on_files,
    scorm.on_files,
    record.on_files,  # after quiz: the course map links to the quiz pages
    search.on_files,
    handouts.on_files,
    meeting.on_files,  # 演示, 学习记录, 学习计划: after the handouts, out of search's term list
)
on_nav = course.on_nav
# meeting after course: the 学习记录 lines follow the handouts that course ends a chapter with
on_page_markdown = CombinedEvent(course.on_page_markdown, meeting.on_page_markdown)
# tooltips first (the banner gets none), then the quiz
# record after quiz: its pages and the home page's 继续学习 block are no quiz
# handouts after course: course keeps each lesson's HTML as converted, before its tooltips
on_page_content = CombinedEvent(
    course.on_page_content,
    handouts.on_page_content,
    quiz.on_page_content,
    record.on_page_content,
    meeting.on_page_content,
    drafts.on_page_content,
)
on_page_context = CombinedEvent(course.on_page_context, search.on_page_context)
on_post_build = CombinedEvent(search.on_post_build, assets.on_post_build)
# each its <head> element; assets: the files only that page uses (peixun.assets.PAGE_ASSETS)
# meeting before assets: the views it puts in name the files assets adds to <head>
# handouts first: their lessons' text goes in where the theme wrote the page's content
on_post_page = CombinedEvent(
    handouts.on_post_page,
    quiz.on_post_page,
    record.on_post_page,
    meeting.on_post_page,
    assets.on_post_page,
)
on_post_template = quiz.on_post_template
on_serve = quiz.on_serve
