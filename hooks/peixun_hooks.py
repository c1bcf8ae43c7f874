"""MkDocs 钩子：全部逻辑在 peixun 包中（peixun.site.hooks），升级 peixun 即升级本课程。"""

from peixun.site.hooks import *  # noqa: F403
