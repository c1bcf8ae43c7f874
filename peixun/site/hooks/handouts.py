"""Chapter handout pages (learner and teacher editions); the chapter page links them."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel

from peixun.handouts.site_pages import handout_pages
from peixun.site.bridge import course_of, questions_of


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = handout_pages(config.site_name, course_of(config), questions_of(config))
    for path, markdown in pages.items():
        if files.get_file_from_path(path) is not None:
            raise PluginError(
                f"{config.docs_dir}/{path} 与自动生成的章节讲义同名。"
                "讲义由构建生成，请删除或改名这个文件。"
            )
        # Out of the navigation: handouts are reached from their chapter page.
        files.append(
            File.generated(config, path, content=markdown, inclusion=InclusionLevel.NOT_IN_NAV)
        )
    return files
