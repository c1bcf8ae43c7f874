"""Validate parsed data against a pydantic model, with Chinese messages that name the line."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from peixun.errors import ContentError, ContentErrors
from peixun.text.yamltext import Locator

Model = TypeVar("Model", bound=BaseModel)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
"""Every id an editor writes (course, lesson, section, question): lower-case pinyin, digits,
hyphens between words."""
ID_FORMAT = "只用小写拼音、数字和连字符，词与词之间用一个连字符（如 diwei-zuoyong）"

# pydantic's error types, said the way an editor understands them.
_MESSAGES = {
    "missing": "缺少必填字段",
    "extra_forbidden": "未知字段（是否拼错？）",
    "string_type": "应为文字",
    "string_too_short": "不能为空",
    "list_type": "应为列表（每项以“- ”开头）",
    "too_short": "项数太少",
    "too_long": "项数太多",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "literal_error": "取值不在允许范围内",
    "dict_type": "应为“字段: 值”的映射",
    "model_type": "应为“字段: 值”的映射",
    "less_than_equal": "数值太大",
    "greater_than_equal": "数值太小",
    "string_pattern_mismatch": "格式不对",
}


def field_path(loc: tuple[str | int, ...]) -> str:
    """Render a pydantic location as ``questions → 第 3 项 → stem`` (items counted from 1)."""
    return " → ".join(f"第 {p + 1} 项" if isinstance(p, int) else p for p in loc)


def _explain(error: ErrorDetails) -> str:
    kind = error["type"]
    if kind == "value_error":
        # Our own validators raise ValueError with a Chinese sentence.
        return str(error.get("ctx", {}).get("error", error["msg"]))
    base = _MESSAGES.get(kind, error["msg"])
    if kind == "string_pattern_mismatch":
        pattern = str(error.get("ctx", {}).get("pattern", ""))
        return f"{base}：{ID_FORMAT}" if pattern == ID_PATTERN else f"{base}（应符合 {pattern}）"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"{base}，可用：{expected}"
    return base


def validate(model: type[Model], data: object, file: str, locate: Locator) -> Model:
    """Return ``model`` built from ``data`` or raise every problem with its line."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = tuple(p for p in error["loc"] if isinstance(p, (str, int)))
            # Errors raised by a model validator carry no field; locate the object itself.
            line = locate(loc)
            name = field_path(loc)
            prefix = f"字段 {name}：" if name else ""
            errors.append(ContentError(file, line, prefix + _explain(error)))
        if len(errors) == 1:
            raise errors[0] from None
        raise ContentErrors(errors) from None
