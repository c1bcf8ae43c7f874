"""Is a Simplified Chinese font installed? Without one WeasyPrint prints empty boxes, silently."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

# The families the PDF stylesheet names (Debian's fonts-noto-cjk), body face first.
CJK_FAMILIES = ("Noto Serif CJK SC", "Noto Sans CJK SC")

FamilyLister = Callable[[], set[str]]
"""Returns the font families installed on this machine (injectable for tests)."""

INSTALL_HINT = (
    "请先安装中文字体再重试：Debian/Ubuntu 运行 sudo apt-get install fonts-noto-cjk，"
    "其他系统请安装“思源黑体/思源宋体”（Noto Sans CJK SC / Noto Serif CJK SC）。"
)


def installed_families() -> set[str]:
    """Every family name fontconfig knows (what WeasyPrint will be able to use)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return set()  # no fontconfig tools: we cannot tell, so we do not pretend
    result = subprocess.run(
        [fc_list, "--format", "%{family}\n"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        check=False,
    )
    return {name.strip() for line in result.stdout.splitlines() for name in line.split(",")}


def missing_font_message(families: FamilyLister = installed_families) -> str | None:
    """A Chinese message when none of the CJK families is installed, else ``None``."""
    if any(family in families() for family in CJK_FAMILIES):
        return None
    wanted = "或".join(CJK_FAMILIES)
    return (
        f"找不到中文字体（需要 {wanted}）。没有中文字体，PDF 里的汉字会成为空白方框，"
        f"因此没有生成任何 PDF。\n{INSTALL_HINT}"
    )
