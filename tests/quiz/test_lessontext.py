"""Reading a lesson's sections and enumerations, the raw material of generated questions."""

from __future__ import annotations

from peixun.quiz.lessontext import enumerations, sections
from peixun.text.markdown import parse_markdown

BODY = """\
## 学习目标 {#mubiao}

- **能说出**：不出题。
- **能说明**：不出题。

## 四种意识 {#si-zhong-yishi}

### 具体内容

- **服务意识**：甘当服务员。

    缩进的续行不打断列表。

- **监督意识**：敢于监督。
- **协调意识**：善于协调。

正文段落结束列表。

- 没有粗体条目名
- **有粗体**：混合的列表不出题。

```
- **代码里**：不算。
- **代码里二**：不算。
```

## 本课要点 {#yaodian}

- **要点一**：不出题。
- **要点二**：不出题。
"""


def test_sections_in_order_with_plain_titles() -> None:
    assert sections(parse_markdown(BODY)) == {
        "mubiao": "学习目标",
        "si-zhong-yishi": "四种意识",
        "yaodian": "本课要点",
    }


def test_only_bold_named_lists_outside_fixed_sections_count() -> None:
    found = enumerations(parse_markdown(BODY))
    assert len(found) == 1
    assert found[0].section == "si-zhong-yishi"
    assert found[0].heading == "具体内容"  # the nearest heading names the list
    assert found[0].names == ("服务意识", "监督意识", "协调意识")
