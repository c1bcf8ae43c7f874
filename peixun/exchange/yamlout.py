"""Writing imported questions as a bank file that looks like the hand-written ones."""

from __future__ import annotations

from typing import Any

import yaml

from peixun.quiz.model import BankQuestion

# The key order of the course's banks.
_KEYS: tuple[str, ...] = ("id", "type", "stem", "options", "answer", "blanks", "items")
_KEYS += ("explanation", "source", "difficulty", "tags")


_SHORT = (
    40  # characters: an ordering's items up to this long fit on one line, as editors write them
)


class _Flow(list[str]):
    """A short list written on one line, as the banks write blanks and tags: ``[班长]``."""


class _Dumper(yaml.SafeDumper):
    """Indents list items under their key, as the banks do."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_Dumper.add_representer(
    _Flow, lambda d, v: d.represent_sequence("tag:yaml.org,2002:seq", v, flow_style=True)
)


def _plain(question: BankQuestion) -> dict[str, Any]:
    data = question.model_dump(exclude_defaults=True)
    data.pop("generated", None)
    if "blanks" in data:
        data["blanks"] = [_Flow(b) for b in data["blanks"]]
    if "items" in data and sum(len(i) for i in data["items"]) <= _SHORT:
        data["items"] = _Flow(data["items"])
    if "tags" in data:
        data["tags"] = _Flow(data["tags"])
    if "options" in data:
        data["options"] = [
            {k: o[k] for k in ("text", "correct", "feedback") if k in o} for o in data["options"]
        ]
    return {k: data[k] for k in _KEYS if k in data}


def bank_yaml(questions: list[BankQuestion]) -> str:
    """The bank file's text: ``questions:``, one blank line between questions."""
    text = yaml.dump(
        {"questions": [_plain(q) for q in questions]},
        Dumper=_Dumper,
        allow_unicode=True,
        sort_keys=False,
        width=1000,
        indent=2,
    )
    return text.replace("\n  - id: ", "\n\n  - id: ").replace(":\n\n  - id: ", ":\n  - id: ", 1)
