"""``banks import``: rows from Excel or Word checked, then written as banks, all or nothing.

``--out`` is one lesson's bank (every row goes there) or the ``quizzes`` folder itself (each
row goes to the lesson its 出处 names, so a whole-course export can come back in one go).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from peixun.course.model import Course, load_course
from peixun.errors import ContentError, ContentErrors
from peixun.exchange.docx import read_docx
from peixun.exchange.rows import Imported, PlacedRow, import_rows
from peixun.exchange.xlsx import read_xlsx
from peixun.exchange.yamlout import bank_yaml
from peixun.quiz.lessontext import section_ids

READERS: dict[str, Callable[[Path, str], list[PlacedRow]]] = {
    ".xlsx": read_xlsx,
    ".docx": read_docx,
}
QUIZZES = "quizzes"


def _root_and_lesson(out: Path) -> tuple[Path, str | None]:
    """The project folder, and the lesson slug (None when ``out`` is the quizzes folder)."""
    resolved = out.resolve()
    if resolved.name == QUIZZES and out.suffix == "":
        return resolved.parent, None
    quizzes = next((p for p in resolved.parents if p.name == QUIZZES), None)
    if quizzes is None or out.suffix != ".yml":
        message = "--out 应为题库路径 quizzes/<章文件夹>/<课文件名>.yml（与课文同路径同名），或 quizzes 文件夹本身。"
        raise ContentError(str(out), None, message)
    return quizzes.parent, resolved.relative_to(quizzes).with_suffix("").as_posix()


def _split(rows: list[PlacedRow]) -> tuple[dict[str, list[PlacedRow]], list[ContentError]]:
    """Rows by the lesson their 出处 names (``章/课#小节``)."""
    by_lesson: dict[str, list[PlacedRow]] = {}
    problems = []
    for placed in rows:
        lesson = (placed.row.get("出处") or "").strip().rpartition("#")[0]
        if lesson:
            by_lesson.setdefault(lesson, []).append(placed)
        else:
            message = "列“出处”：写入整个 quizzes 文件夹时，出处须写成“章文件夹/课文件名#小节id”。"
            problems.append(ContentError(placed.file, placed.line, message))
    return by_lesson, problems


def _sections(course: Course | None, lesson: str) -> list[str] | None:
    if course is None:
        return None
    page = course.lesson(f"{lesson}.md")
    if page is None:
        message = "找不到这篇课文：题库须与课文同路径同名，请先写好课文再导入题目。"
        raise ContentError(f"docs/{lesson}.md", None, message)
    return section_ids(page.markdown)


def import_file(source: Path, out: Path, *, partial: bool, force: bool) -> int:
    """Check every row, then write the banks; prints one line per problem. Exit status."""
    reader = READERS.get(source.suffix.lower())
    if reader is None or not source.is_file():
        print(f"{source}：{'找不到这个文件' if reader else '只能导入 .xlsx 或 .docx 文件'}。")
        return 2
    root, lesson = _root_and_lesson(out)
    rows = reader(source, str(source))
    by_lesson, problems = ({lesson: rows}, []) if lesson else _split(rows)
    targets = {slug: root / QUIZZES / f"{slug}.yml" for slug in by_lesson}
    kept = [path for path in targets.values() if path.exists()]
    if kept and not force:
        for path in kept:
            print(f"{path}：题库已存在，未覆盖。要替换它请加 --force（原文件会被新内容取代）。")
        return 1
    try:
        course: Course | None = load_course(root / "docs", root / "sources")
    except (ContentError, ContentErrors):
        course = None
        print("课程本身有问题，未能核对出处的小节 id：写入后请运行 python -m peixun check。")
    results: dict[str, Imported] = {}
    for slug, mine in by_lesson.items():
        results[slug] = import_rows(mine, slug, _sections(course, slug))
        problems.extend(results[slug].problems)
    rejected = (
        sum(r.rejected for r in results.values()) + len(rows) - sum(map(len, by_lesson.values()))
    )
    for problem in problems:
        print(problem)
    if problems and not partial:
        print(
            f"\n{rejected} 道题有问题，未写入任何内容。请修改后重新导入，或加 --partial 只写入无误的题。"
        )
        return 1
    written = {slug: r.questions for slug, r in results.items() if r.questions}
    if not written:
        print("没有可写入的题目。")
        return 1
    for slug, questions in written.items():
        targets[slug].parent.mkdir(parents=True, exist_ok=True)
        targets[slug].write_text(bank_yaml(questions), encoding="utf-8")
        print(f"已写入 {len(questions)} 道题到 {targets[slug]}。")
    if rejected:
        print(f"另有 {rejected} 道题有问题未写入（见上）。")
        return 1
    return 0
