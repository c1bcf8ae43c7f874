"""YAML loading that remembers the line of every key and item, for error messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from peixun.errors import ContentError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Locator = Callable[[tuple[str | int, ...]], int | None]


# PyYAML's reasons, said the way an editor understands them; anything else is quoted as is.
_PROBLEMS = (
    ("mapping values are not allowed", "这里不能再写“字段: 值”：上一行的值没写完，或缩进不对"),
    ("could not find expected ':'", "缺少冒号（应为“字段: 值”）"),
    ("did not find expected key", "缩进不对，或上一项没有写完"),
    ("did not find expected '-' indicator", "列表项的缩进不一致"),
    ("cannot start any token", "有不能出现在这里的字符（常见的是制表符 Tab：请改用空格缩进）"),
    ("found undefined alias", "用了未定义的“*”别名"),
    ("expected <document start>", "文件里有多余的内容（是否多写了“---”？）"),
)


def _syntax_error(exc: yaml.MarkedYAMLError, file: str, first_line: int) -> ContentError:
    """A Chinese message at the line where the problem starts.

    For an unclosed quote PyYAML reports the end of the file; the quote's own line is the
    one to fix, and it is in the context mark.
    """
    context = exc.context or ""
    if "quoted scalar" in context and exc.context_mark is not None:
        quote = exc.context_mark
        return ContentError(
            file,
            quote.line + first_line,
            f"第 {quote.column + 1} 列开始的引号没有闭合，请补上对应的结束引号。",
        )
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + first_line if mark else first_line
    column = f"，第 {mark.column + 1} 列" if mark else ""
    problem = exc.problem or context or "无法解析"
    said = next((zh for en, zh in _PROBLEMS if en in problem), problem)
    return ContentError(file, line, f"YAML 格式错误{column}：{said}。请检查缩进、冒号和引号。")


def _refuse_duplicate_keys(node: yaml.Node, file: str, first_line: int) -> None:
    """A key written twice in one mapping: PyYAML would silently keep the last."""
    pending, visited = [node], set()
    while pending:
        current = pending.pop()
        if id(current) in visited:  # an alias (``*name``) shares its anchor's node
            continue
        visited.add(id(current))
        if isinstance(current, yaml.MappingNode):
            seen: dict[object, int] = {}
            for key_node, value_node in current.value:
                if isinstance(key_node, yaml.ScalarNode):
                    line = key_node.start_mark.line + first_line
                    if key_node.value in seen:
                        raise ContentError(
                            file,
                            line,
                            f"字段“{key_node.value}”重复（第 {seen[key_node.value]} 行已写过）。"
                            "后写的会覆盖先写的，请合并为一处或删去一处。",
                        )
                    seen[key_node.value] = line
                pending.append(value_node)
        elif isinstance(current, yaml.SequenceNode):
            pending.extend(current.value)


def refuse_duplicate_keys(text: str, file: str) -> None:
    """Refuse a key written twice anywhere in ``text``, for YAML another program loads (MkDocs
    reads mkdocs.yml). Only composed, not constructed: whatever tags it holds (``!ENV``,
    ``!relative``, ``!!python/name:…``) need no constructor here."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, file, 1) from None
    except yaml.YAMLError as exc:
        raise ContentError(file, None, f"YAML 格式错误：{exc}") from None
    if node is not None:
        _refuse_duplicate_keys(node, file, 1)


def load_yaml(text: str, file: str, first_line: int = 1) -> tuple[Any, Locator]:
    """Parse ``text`` and return the data and a function giving the line of a path.

    ``first_line`` is the file line where ``text`` starts (front matter starts on line 2).
    A syntax error becomes a :class:`ContentError` naming the line and column.
    """
    # One pass with libyaml when present: the node tree gives lines, the data is built from it.
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, file, first_line) from None
    except yaml.YAMLError as exc:
        raise ContentError(file, first_line, f"YAML 格式错误：{exc}") from None
    finally:
        loader.dispose()
    if node is not None:
        _refuse_duplicate_keys(node, file, first_line)

    def locate(path: tuple[str | int, ...]) -> int | None:
        current = node
        best = current.start_mark.line if current is not None else None
        for key in path:
            if isinstance(current, yaml.MappingNode):
                found = None
                for key_node, value_node in current.value:
                    if key_node.value == key:
                        best = key_node.start_mark.line
                        found = value_node
                        break
                current = found
            elif isinstance(current, yaml.SequenceNode) and isinstance(key, int):
                if key < len(current.value):
                    current = current.value[key]
                    best = current.start_mark.line
                else:
                    current = None
            else:
                current = None
            if current is None:
                break
        return None if best is None else best + first_line

    return data, locate
