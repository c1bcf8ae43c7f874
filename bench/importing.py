"""``python -m bench.importing``: time and peak memory of importing one long text (1, 5, 20 MB).

The input is made from the course's own ``sources/``: their paragraphs, in an order shuffled
by a seeded generator for each copy, under numbered article titles, until the size is
reached. So it repeats every passage many times, the worst case for the near-duplicate
search. Each import is a separate ``python -m peixun import`` process; ``os.wait4`` gives its
peak resident memory. The figures replace this benchmark's section of ``bench/results.md``
(kept by ``python -m bench``, being after ``## 分析与说明``).
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import MIB, build_env

SECTION = "### 大文件导入（`python -m bench.importing`）"
DEFAULT_SIZES = (1, 5, 20)


def long_text(sources: Path, size: int, seed: int = 1) -> str:
    """About ``size`` bytes of UTF-8 text made of the paragraphs of ``sources/*.txt``."""
    paragraphs = [
        line.strip()
        for path in sorted(sources.glob("*.txt"))
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
        if len(line.strip()) >= 20
    ]
    rng = random.Random(seed)
    parts: list[str] = []
    length, article = 0, 0
    while length < size:
        article += 1
        title = f"第{article}篇：{rng.choice(paragraphs)[:12]}"
        body = rng.sample(paragraphs, k=min(12, len(paragraphs)))
        piece = "\n".join([title, *body, ""])
        parts.append(piece)
        length += len(piece.encode("utf-8"))
    return "\n".join(parts)


@dataclass(frozen=True)
class Run:
    """One import: input size, wall seconds, peak memory, exit status, last output lines."""

    megabytes: int
    seconds: float
    peak: int  # bytes
    returncode: int
    tail: str
    cpu: float  # user + system seconds: steadier than wall time on a shared machine


def time_import(text_file: Path, out: Path) -> Run:
    """Import ``text_file`` into ``out`` in a fresh process."""
    cmd = [sys.executable, "-m", "peixun", "import", str(text_file), "--out", str(out)]
    with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, env=build_env(), stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        log.seek(0)
        tail = "\n".join(log.read().splitlines()[-3:])
    size = round(text_file.stat().st_size / MIB)
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    return Run(size, seconds, usage.ru_maxrss * 1024, code, tail, cpu)


def render(runs: list[Run]) -> str:
    """This benchmark's section of the results file."""
    rows = "\n".join(
        f"| {r.megabytes} MB | {r.seconds:.1f} | {r.cpu:.1f} | {r.peak / MIB:.0f} | {r.returncode} |"
        for r in runs
    )
    return (
        f"{SECTION}\n\n"
        f"{time.strftime('%Y-%m-%d')} 测量。输入由 `sources/` 的段落按随机顺序拼成（每个段落重复多次，"
        "是查找重复段落最吃力的情形），每次一个 `python -m peixun import` 进程。墙钟时间受同一台机器上"
        "其他进程的影响，CPU 时间（用户 + 系统）更稳定；峰值内存是导入进程的最大常驻内存。\n\n"
        "| 输入 | 墙钟（秒） | CPU（秒） | 峰值内存（MiB） | 退出码 |\n|---|---|---|---|---|\n"
        f"{rows}\n"
    )


def replace_section(results: Path, section: str) -> None:
    """Put ``section`` in place of this benchmark's earlier one, or at the end of the file."""
    text = results.read_text(encoding="utf-8") if results.is_file() else ""
    at = text.find(SECTION)
    if at < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        end = text.find("\n### ", at + len(SECTION))
        end = text.find("\n## ", at + len(SECTION)) if end < 0 else end
        text = text[:at] + section + (text[end:] if end >= 0 else "")
    results.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.importing", description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="MB")
    parser.add_argument("--sources", type=Path, default=Path("sources"))
    parser.add_argument("--output", type=Path, default=Path("bench/results.md"))
    args = parser.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            text_file = Path(tmp) / f"长文本-{size}MB.txt"
            text_file.write_text(long_text(args.sources, size * MIB), encoding="utf-8")
            run = time_import(text_file, Path(tmp) / f"out-{size}")
            print(
                f"{size} MB：墙钟 {run.seconds:.1f} 秒，CPU {run.cpu:.1f} 秒，"
                f"峰值内存 {run.peak / MIB:.0f} MiB",
                flush=True,
            )
            if run.returncode not in (0, 1):
                print(run.tail, file=sys.stderr)
            runs.append(run)
    replace_section(args.output, render(runs))
    print(f"已写入 {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
