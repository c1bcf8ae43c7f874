"""``mkdocs serve`` keeps unchanged results from one rebuild to the next (peixun.memo).

MkDocs tells the command once per process (``on_startup``); every rebuild then starts with
``on_pre_build``, where results the previous build did not use are let go.
"""

from __future__ import annotations

from typing import Literal

from mkdocs.config.defaults import MkDocsConfig

from peixun import memo


def on_startup(command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
    memo.keep_results(command == "serve")


def on_pre_build(config: MkDocsConfig) -> None:
    memo.new_build()
