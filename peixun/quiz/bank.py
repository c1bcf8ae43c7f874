"""Reading question banks and checking them against their lessons."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from peixun.errors import ContentError
from peixun.quiz.model import Bank
from peixun.text.schema import validate
from peixun.text.yamltext import Locator, load_yaml


@dataclass(frozen=True)
class LoadedBank:
    """A bank that passed the schema, with what is needed to point at its lines."""

    file: str  # as shown to editors, e.g. quizzes/01-juese-renzhi/01-diwei-zuoyong.yml
    bank: Bank
    locate: Locator


def read_bank(path: Path, file: str) -> LoadedBank:
    """Parse and validate one bank; raises ContentError(s) naming file, line and field."""
    try:
        text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        message = f"不是 UTF-8 编码的文本（{exc.reason}）。请另存为 UTF-8。"
        raise ContentError(file, None, message) from None
    data, locate = load_yaml(text, file)
    if data is None:
        message = "题库是空的。请在“questions:”下逐题写出本课的自测题（见 CONTRIBUTING.md），或删除这个文件。"
        raise ContentError(file, None, message)
    if not isinstance(data, dict):
        message = "题库应以“questions:”开头，下面逐题列出（见 CONTRIBUTING.md）。"
        raise ContentError(file, 1, message)
    return LoadedBank(file, validate(Bank, data, file, locate), locate)


def check_references(
    loaded: LoadedBank, lesson_file: str, sections: list[str], generated_ids: set[str]
) -> list[ContentError]:
    """Duplicate ids, ``source`` anchors missing from the lesson, unknown excluded ids."""
    errors: list[ContentError] = []
    first_line: dict[str, int | None] = {}
    for i, q in enumerate(loaded.bank.questions):
        line = loaded.locate(("questions", i, "id"))
        if q.id in first_line:
            errors.append(
                ContentError(
                    loaded.file,
                    line,
                    f"字段 questions → 第 {i + 1} 项 → id：题目 id“{q.id}”与第 "
                    f"{first_line[q.id]} 行的题目重复。每题的 id 在本课内必须唯一，请改用新的 id。",
                )
            )
        else:
            first_line[q.id] = line
        if q.source not in sections:
            available = "、".join(sections) or "（课文中没有带 id 的 ## 标题）"
            errors.append(
                ContentError(
                    loaded.file,
                    loaded.locate(("questions", i, "source")),
                    f"字段 questions → 第 {i + 1} 项 → source：课文 {lesson_file} 中没有 id 为"
                    f"“{q.source}”的 ## 小节。可用的 id：{available}。",
                )
            )
    for i, excluded in enumerate(loaded.bank.generated.exclude):
        if excluded not in generated_ids:
            available = "、".join(sorted(generated_ids)) or "（本课没有自动生成的题目）"
            errors.append(
                ContentError(
                    loaded.file,
                    loaded.locate(("generated", "exclude", i)),
                    f"字段 generated → exclude → 第 {i + 1} 项：没有 id 为“{excluded}”的"
                    f"自动生成题。本课的自动题：{available}。",
                )
            )
    return errors
