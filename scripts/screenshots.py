"""Screenshots of a lesson's submitted quiz at 360 px and 1366 px, light and dark.

    python scripts/screenshots.py [--site 网站文件夹] [--out 文件夹]

Builds the course unless ``--site`` names a built one, answers lesson 1's first single-choice
question wrongly (so the learner's own choice, 你的答案, and 正确答案 are both on screen), and
writes one PNG of that question per width and scheme. For reviewing the submitted state by
eye (issue #16); the files are not committed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.quizhelp import LESSON1, answer, ready  # noqa: E402
from tests.browsing import launch, serve  # noqa: E402
from tests.sitebuild import build_env  # noqa: E402

WIDTHS = (360, 1366)
SCHEMES = ("light", "dark")


def build(site: Path) -> None:
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)]
    subprocess.run(cmd, cwd=ROOT, env=build_env(), check=True)


def shoot(site: Path, out: Path) -> list[Path]:
    """The PNGs, one per width and scheme."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        for width in WIDTHS:
            for scheme in SCHEMES:
                context = browser.new_context(
                    locale="zh-CN",
                    viewport={"width": width, "height": 900},
                    color_scheme=scheme,  # type: ignore[arg-type]
                    reduced_motion="reduce",
                )
                page = context.new_page()
                page.goto(url + LESSON1)
                ready(page)
                question = page.locator('[data-question][data-type="single"]:visible').first
                answer(question, correct=False)
                page.wait_for_selector(".px-quiz__yours")
                path = out / f"lesson-submitted-{width}-{scheme}.png"
                question.screenshot(path=str(path))
                written.append(path)
                context.close()
        browser.close()
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--site", type=Path, help="已构建的网站（默认先构建到临时文件夹）")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "peixun-shots")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            build(site)
        for path in shoot(site, args.out):
            print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
