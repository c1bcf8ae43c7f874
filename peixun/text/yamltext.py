"""YAML loading that remembers the line of every key and item, for error messages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from peixun.errors import ContentError

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Locator = Callable[[tuple[str | int, ...]], int | None]


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
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else first_line
        column = f"第 {mark.column + 1} 列" if mark else ""
        problem = exc.problem or exc.context or "无法解析"
        raise ContentError(
            file, line, f"YAML 格式错误（{column}）：{problem}。请检查缩进、冒号和引号。"
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError(file, first_line, f"YAML 格式错误：{exc}") from None
    finally:
        loader.dispose()

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
