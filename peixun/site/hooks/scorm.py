"""The question table of the SCORM run-time (``peixun.scorm.table``) reaches the site."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from peixun.scorm.table import TABLE_PATH, question_table, table_script
from peixun.site.bridge import course_of, questions_of


def on_files(files: Files, config: MkDocsConfig) -> Files:
    table = question_table(course_of(config), questions_of(config))
    files.append(
        File.generated(
            config, TABLE_PATH, content=table_script(table), inclusion=InclusionLevel.NOT_IN_NAV
        )
    )
    return files
