"""The question-bank schema (``quizzes/<chapter>/<lesson>.yml``), declared once.

Shape rules live here; rules that need the lesson (does ``source`` exist?) or the whole
bank (duplicate ids) live in :mod:`peixun.quiz.bank`.
"""

from __future__ import annotations

import hashlib
import re
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
)

from peixun.text.schema import ID_PATTERN

QuestionType = Literal["single", "multiple", "truefalse", "fill", "order"]

TYPE_NAMES: dict[str, str] = {
    "single": "单选题",
    "multiple": "多选题",
    "truefalse": "判断题",
    "fill": "填空题",
    "order": "排序题",
}

# A blank in a fill-in stem: four (or more) underscores, as CONTRIBUTING.md says.
BLANK = re.compile(r"_{4,}")
QUESTION_ID = ID_PATTERN

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Text an editor writes: surrounding spaces are dropped, and it may not be empty."""

# Which answer field each type uses; the others must be absent.
_ANSWER_FIELDS: dict[str, str] = {
    "single": "options",
    "multiple": "options",
    "truefalse": "answer",
    "fill": "blanks",
    "order": "items",
}

_STRICT = ConfigDict(extra="forbid", coerce_numbers_to_str=True, frozen=True)


class Option(BaseModel):
    """One choice of a single- or multiple-choice question."""

    model_config = _STRICT
    text: Text
    correct: bool = False
    feedback: Text | None = None
    """Shown when the learner picks this option."""

    @property
    def key(self) -> str:
        """The option's name in saved answers and in the page: from its text, not its place,
        so that the shown order can be shuffled and the bank reordered without changing what
        a saved answer means."""
        return hashlib.sha1(self.text.encode("utf-8")).hexdigest()[:8]


def _type_of(info: ValidationInfo) -> str | None:
    kind = info.data.get("type")
    return kind if isinstance(kind, str) else None


def _check_belongs(value: object, info: ValidationInfo) -> str | None:
    """Return the question type when ``info.field_name`` is its answer field, else complain."""
    kind = _type_of(info)
    if kind is None:
        return None  # the type itself is wrong; that error is reported already
    wanted = _ANSWER_FIELDS[kind]
    if info.field_name != wanted:
        if value is not None:
            raise ValueError(f"{TYPE_NAMES[kind]}不用 {info.field_name}，答案写在 {wanted} 里")
        return None
    if value is None:
        raise ValueError(f"{TYPE_NAMES[kind]}缺少答案字段 {wanted}")
    return kind


class Question(BaseModel):
    """A self-check question. Hand-written in a bank, or generated from a lesson's lists."""

    model_config = _STRICT
    id: Annotated[str, StringConstraints(pattern=QUESTION_ID)]
    """Unique within its lesson and stable: saved progress is keyed by it."""
    type: QuestionType
    stem: Text
    options: list[Option] | None = Field(default=None, validate_default=True)
    """single/multiple: 3 to 5 options; single has exactly one correct, multiple two or more."""
    answer: bool | None = Field(default=None, validate_default=True)
    """truefalse: whether the stem is correct."""
    blanks: list[list[Text]] | None = Field(default=None, validate_default=True)
    """fill: per blank (``____`` in the stem) the accepted answers, the usual one first."""
    items: list[Text] | None = Field(default=None, validate_default=True)
    """order: 3 to 6 items in the correct order."""
    explanation: Text
    """Why the answer is right, in the lesson's words."""
    source: Annotated[str, StringConstraints(pattern=QUESTION_ID)]
    """The id of the lesson's ``##`` section that states the answer."""
    difficulty: Literal[1, 2, 3] | None = None
    tags: list[Text] = Field(default_factory=list)
    generated: bool = False
    """Set by the build for questions made from the lesson's lists."""
    former_id: str | None = None
    """Set by the build: the id a generated question had before ids became stable, under
    which a learner's saved answer may still be filed (quiz.js moves it once)."""

    @field_validator("options")
    @classmethod
    def _options(cls, value: list[Option] | None, info: ValidationInfo) -> list[Option] | None:
        kind = _check_belongs(value, info)
        if kind is None or value is None:
            return value
        if not 3 <= len(value) <= 5:
            raise ValueError(f"应有 3～5 个选项，现在是 {len(value)} 个")
        texts = [o.text for o in value]
        repeated = sorted({t for t in texts if texts.count(t) > 1})
        if repeated:
            raise ValueError(f"选项“{repeated[0]}”重复了")
        if len({o.key for o in value}) < len(value):  # two texts with one hash: ~1 in 10^9
            raise ValueError("有两个选项的内部编号碰巧相同，请稍改其中一个选项的措辞")
        right = sum(o.correct for o in value)
        if kind == "single" and right != 1:
            raise ValueError(
                f"单选题应恰有一个选项写 correct: true，现在有 {right} 个"
                + ("；若有多个正确答案，请改为 type: multiple" if right > 1 else "")
            )
        if kind == "multiple" and right < 2:
            raise ValueError(
                f"多选题应至少有两个选项写 correct: true，现在有 {right} 个"
                + ("；只有一个正确答案时请改为 type: single" if right == 1 else "")
            )
        return value

    @field_validator("answer", mode="before")
    @classmethod
    def _answer_of_its_type(cls, value: object, info: ValidationInfo) -> object:
        # Before the bool check: "answer: B" on a single-choice question is a misplaced
        # answer, not a true/false written wrong.
        kind = _type_of(info)
        if value is not None and kind in _ANSWER_FIELDS and kind != "truefalse":
            _check_belongs(value, info)
        if kind == "truefalse" and not isinstance(value, bool) and value is not None:
            raise ValueError("判断题的 answer 应为 true（说法正确）或 false（说法错误）")
        return value

    @field_validator("answer")
    @classmethod
    def _answer(cls, value: bool | None, info: ValidationInfo) -> bool | None:
        _check_belongs(value, info)
        return value

    @field_validator("blanks")
    @classmethod
    def _blanks(cls, value: list[list[str]] | None, info: ValidationInfo) -> list[list[str]] | None:
        kind = _check_belongs(value, info)
        if kind is None or value is None:
            return value
        if any(not accepted for accepted in value):
            raise ValueError("每个空至少写一个可接受的答案，如 - [班长]")
        stem = info.data.get("stem")
        if isinstance(stem, str):
            holes = len(BLANK.findall(stem))
            if holes == 0:
                raise ValueError("题干 stem 里没有空：每个空写作四个下划线 ____")
            if holes != len(value):
                raise ValueError(f"题干有 {holes} 个空（____），blanks 却给了 {len(value)} 组答案")
        return value

    @field_validator("items")
    @classmethod
    def _items(cls, value: list[str] | None, info: ValidationInfo) -> list[str] | None:
        kind = _check_belongs(value, info)
        if kind is None or value is None:
            return value
        if not 3 <= len(value) <= 6:
            raise ValueError(f"排序题应有 3～6 项，现在是 {len(value)} 项")
        repeated = sorted({t for t in value if value.count(t) > 1})
        if repeated:
            raise ValueError(f"排序项“{repeated[0]}”重复了，无法判断顺序")
        return value


class GeneratedSettings(BaseModel):
    """The bank's say over questions the build generates for its lesson."""

    model_config = _STRICT
    exclude: list[Annotated[str, StringConstraints(pattern=QUESTION_ID)]] = Field(
        default_factory=list
    )
    """Ids of generated questions to leave out."""


class BankQuestion(Question):
    """A question as written in a bank: only the build marks questions as generated."""

    @field_validator("generated")
    @classmethod
    def _written_by_hand(cls, value: bool) -> bool:
        if value:
            raise ValueError(
                "题库里的题不写 generated（构建自动标记自动题）；"
                "要关掉某道自动题，在题库顶层写 generated: {exclude: [题目id]}"
            )
        return value

    @field_validator("former_id")
    @classmethod
    def _not_written(cls, value: str | None) -> str | None:
        if value is not None:
            raise ValueError("题库里的题不写 former_id（由构建为自动题填写）")
        return value


class Bank(BaseModel):
    """A question bank: the hand-written questions of one lesson."""

    model_config = _STRICT
    questions: list[BankQuestion] = Field(default_factory=list)
    generated: GeneratedSettings = Field(default_factory=GeneratedSettings)
