"""``python -m bench``: build speed, scale, rebuild time, page weight and PDF time, in one run.

Run from the root of a source checkout. Results go to the screen and to ``bench/results.md``;
the hand-written notes at its end (from ``## 分析与说明`` on) are kept.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.builds import PLAIN_CONFIG, bench_project, compare, first_lesson_html, scale_point
from bench.common import BenchError
from bench.firstvisit import first_visit
from bench.pdf import time_handouts
from bench.profile import profile_build
from bench.report import Results, describe_machine, kept_notes, load_average, render
from bench.serve import serve_rebuilds
from bench.weight import page_weight
from peixun.course.model import load_course


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="快速版（约 1～2 分钟）：交替构建各 3 次，合成课程 N=20 与 N=100，不跑 N=1000",
    )
    parser.add_argument("--runs", type=int, help="交替构建的次数（默认 5，--quick 为 3）")
    parser.add_argument(
        "--lessons",
        type=int,
        nargs="+",
        help="合成课程的课数（默认 100 1000，--quick 为 20 100）",
    )
    parser.add_argument(
        "--profile",
        action="store_true",
        help="另用 pyinstrument 剖析一次最大的合成课程的构建，调用树写入结果文件旁",
    )
    parser.add_argument("--no-browser", action="store_true", help="页面体积不用浏览器测量")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("bench/results.md"),
        help="结果文件，默认 bench/results.md",
    )
    parser.add_argument(
        "--project", type=Path, default=Path("."), help="项目文件夹，默认当前文件夹"
    )
    return parser


def run(args: argparse.Namespace) -> int:
    source = args.project.resolve()
    if not (source / "mkdocs.yml").is_file():
        print(f"错误：{source} 中没有 mkdocs.yml，请在项目根目录运行。", file=sys.stderr)
        return 1
    runs = args.runs or (3 if args.quick else 5)
    sizes = sorted(args.lessons or ([20, 100] if args.quick else [100, 1000]))
    started = time.perf_counter()

    def say(text: str) -> None:
        elapsed = (time.perf_counter() - started) / 60
        print(f"[{elapsed:4.1f} 分] {text}", flush=True)

    results = Results(describe_machine(), quick=args.quick)
    try:
        with tempfile.TemporaryDirectory(prefix="peixun-bench-") as tmp:
            work = Path(tmp)
            project = bench_project(source, work / "course")
            say(f"1. 本项目与纯 mkdocs-material 交替构建，各 {runs} 次")
            results.comparison = compare(project, runs, say)
            say(f"   比值 {results.comparison.ratio():.2f}")
            say("2. 合成课程：" + "、".join(f"N={n}" for n in sizes))
            for n in sizes:
                results.scale.append(scale_point(source, work, n, say))
            say("3. mkdocs serve：修改题库与课文后的重建（各两次），纯 Material 作下限")
            lesson = load_course(project / "docs", project / "sources").lessons()[0]
            bank = sorted((project / "quizzes").rglob("*.yml"))[0]
            edits = [bank, project / "docs" / lesson.src_path] * 2
            results.rebuilds = serve_rebuilds(project, edits)
            plain_edits = [project / "docs" / lesson.src_path] * 2
            results.rebuilds += serve_rebuilds(project, plain_edits, config=PLAIN_CONFIG)
            for b in results.rebuilds:
                took = f"{b.seconds:.2f} 秒" if b.seconds is not None else "未触发重建"
                shown = f"，页面显示 {b.shown:.2f} 秒" if b.shown is not None else ""
                say(f"   {b.config} {b.what}：重建 {took}{shown}")
            say("4. 页面体积、元素数与布局偏移")
            site = project / "site-ours"
            results.weight = page_weight(site, project, not args.no_browser)
            results.visit = first_visit(site, first_lesson_html(site, project), not args.no_browser)
            say(f"   CLS {results.visit.cls}，元素最多 {results.visit.largest[:1]}")
            say("5. PDF 讲义")
            results.handouts = time_handouts(project, project / "site-ours")
            say("剖析本课程的一次构建（pyinstrument）")
            course_profile = args.output.resolve().parent / "profile-course.txt"
            top = profile_build(project, course_profile)
            results.profile_note = (
                f"本课程一次构建的 pyinstrument 调用树全文见 `{course_profile.name}`；开头部分："
                f"\n\n```\n{top.strip()}\n```"
            )
            if args.profile:
                say(f"剖析 N={sizes[-1]} 的构建（pyinstrument）")
                out = args.output.resolve().parent / f"profile-N{sizes[-1]}.txt"
                top = profile_build(work / f"synth-{sizes[-1]}", out)
                results.profile_note += (
                    f"\n\nN={sizes[-1]} 的调用树全文见 `{out.name}`；开头部分：\n\n```\n"
                    + top.strip()
                    + "\n```"
                )
    except BenchError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    results.minutes = (time.perf_counter() - started) / 60
    results.machine.append(("结束时负载", load_average()))
    report = render(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    notes = kept_notes(args.output)
    args.output.write_text(report + notes, encoding="utf-8")
    print()
    print(report)
    print(f"已写入 {args.output}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return run(build_parser().parse_args(argv))
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
