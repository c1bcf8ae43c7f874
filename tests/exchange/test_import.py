"""Importing Excel and Word: one Chinese line per bad row, and nothing overwritten or half-written."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from openpyxl import Workbook

from peixun.cli import main
from peixun.quiz.bank import read_bank

LESSON = "01-juese-renzhi/01-diwei-zuoyong"
HEADER = [
    "题型",
    "题干",
    "选项A",
    "选项B",
    "选项C",
    "选项D",
    "答案",
    "解析",
    "难度",
    "出处",
    "题号",
]
GOOD = [
    [
        "单选题",
        "党支部是党与群众联系的什么？",
        "桥梁与纽带",
        "战斗堡垒",
        "第一责任人",
        "",
        "A",
        "原文。",
        1,
        f"{LESSON}#zhibu-diwei",
        "q-qiaoliang",
    ],
    [
        "判断题",
        "党支部是整个党的组织基础。",
        "",
        "",
        "",
        "",
        "正确",
        "原文。",
        2,
        "zhibu-diwei",
        "q-jichu",
    ],
    [
        "填空题",
        "书记是一班人的“____”。",
        "",
        "",
        "",
        "",
        "班长/“班长”",
        "原文。",
        "",
        "guanjian-zuoyong",
        "",
    ],
    [
        "多选题",
        "书记是（多选）：",
        "第一责任人",
        "组织者",
        "家长",
        "",
        "AB",
        "原文。",
        3,
        "guanjian-zuoyong",
        "q-shenfen",
    ],
]
BAD = [
    ["单选题", "选哪个？", "甲", "乙", "丙", "", "AB", "原文。", 1, "zhibu-diwei", "q-two"],
    ["问答题", "为什么？", "", "", "", "", "因为", "原文。", 1, "zhibu-diwei", "q-why"],
    ["判断题", "对吗？", "", "", "", "", "正确", "", 1, "zhibu-diwei", "q-noexpl"],
    ["单选题", "选哪个？", "甲", "乙", "丙", "", "E", "原文。", 1, "zhibu-diwei", "q-e"],
    ["判断题", "对吗？", "", "", "", "", "正确", "原文。", 1, "meiyou-zhe-jie", "q-nosection"],
]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "题库"
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@pytest.fixture
def out(project: Path) -> Path:
    """The lesson's bank, removed so that an import may write it."""
    path = project / "quizzes" / f"{LESSON}.yml"
    path.unlink()
    return path


def _run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str]:
    code = main(["banks", "import", *(str(a) for a in args)])
    return code, capsys.readouterr().out


def test_good_sheet_becomes_a_bank(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(project / "题目.xlsx", GOOD)
    code, said = _run(capsys, source, "--out", out)
    assert code == 0, said
    bank = read_bank(out, "x").bank
    assert [q.type for q in bank.questions] == ["single", "truefalse", "fill", "multiple"]
    assert bank.questions[2].blanks == [["班长", "“班长”"]]
    assert bank.questions[2].id.startswith("q-")  # derived: the row had no 题号
    assert bank.questions[0].source == "zhibu-diwei"
    assert "党支部是党与群众联系的什么？" in out.read_text(encoding="utf-8")  # Chinese unescaped


def test_bad_rows_name_file_sheet_row_and_column(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(project / "题目.xlsx", GOOD + BAD)
    code, said = _run(capsys, source, "--out", out)
    assert code == 1
    assert not out.exists()  # nothing written unless everything is valid
    lines = said.splitlines()
    where = "题目.xlsx 工作表“题库”"
    assert any(
        f"{where} 第 6 行：列“选项与答案”：单选题应恰有一个选项是正确答案（写在“答案”列），现在有 2 个；若有多个正确答案，请改为题型“多选题”"
        in line
        for line in lines
    )
    assert any(f"{where} 第 7 行：列“题型”：题型“问答题”不认识" in line for line in lines)
    assert any(f"{where} 第 8 行：列“解析”：" in line for line in lines)
    assert any(f"{where} 第 9 行：列“答案”：答案“E”应由选项字母 ABC" in line for line in lines)
    assert any(
        f"{where} 第 10 行：列“出处”：" in line and "meiyou-zhe-jie" in line for line in lines
    )
    assert "5 道题有问题，未写入任何内容" in said


def test_partial_writes_the_valid_ones_and_lists_the_rest(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(project / "题目.xlsx", GOOD + BAD)
    code, said = _run(capsys, source, "--out", out, "--partial")
    assert code == 1  # something was left out: say so to scripts too
    assert len(read_bank(out, "x").bank.questions) == len(GOOD)
    assert "已写入 4 道题" in said and "另有 5 道题有问题未写入" in said
    assert "第 7 行：列“题型”" in said


def test_existing_bank_is_kept_without_force(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(project / "题目.xlsx", GOOD)
    out = project / "quizzes/01-juese-renzhi/01-diwei-zuoyong.yml"
    before = out.read_bytes()
    code, said = _run(capsys, source, "--out", out)
    assert code == 1 and "题库已存在，未覆盖" in said and "--force" in said
    assert out.read_bytes() == before
    code, said = _run(capsys, source, "--out", out, "--force")
    assert code == 0, said
    assert len(read_bank(out, "x").bank.questions) == len(GOOD)


def test_unknown_column_is_refused(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["题型", "题干", "答案", "分值"])
    sheet.append(["判断题", "对吗？", "正确", 2])
    book.save(project / "x.xlsx")
    code, said = _run(capsys, project / "x.xlsx", "--out", out)
    assert code == 1
    assert "第 1 行：不认识的列“分值”" in said


def test_word_paper_is_read(project: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paper = docx.Document()
    for text in (
        "第一章自测题",
        "一、单选题",
        "1. 党支部是党与群众联系的什么？（ ）",
        "A. 桥梁与纽带",
        "B. 战斗堡垒",
        "C. 第一责任人",
        "答案：A",
        "解析：原文。",
        "出处：zhibu-diwei",
        "二、判断题",
        "2. 党支部是整个党的组织基础。（ ）",
        "答案：错误",
        "解析：原文。",
        "出处：zhibu-diwei",
        "3. 党支部是战斗堡垒。",
        "答案：对不对",
        "解析：原文。",
        "出处：zhibu-diwei",
    ):
        paper.add_paragraph(text)
    paper.save(str(project / "试卷.docx"))
    code, said = _run(capsys, project / "试卷.docx", "--out", out, "--partial")
    assert "试卷.docx 第 15 段：列“答案”：判断题的答案应为“正确”或“错误”，现在是“对不对”" in said
    questions = read_bank(out, "x").bank.questions
    assert [q.stem for q in questions] == [
        "党支部是党与群众联系的什么？",
        "党支部是整个党的组织基础。",
    ]
    assert questions[1].answer is False
    assert code == 1


def test_word_without_numbered_questions_says_how(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paper = docx.Document()
    paper.add_paragraph("党支部是什么？", style="List Number")  # Word's own numbering
    paper.add_paragraph("答案：正确")
    paper.save(str(project / "自动编号.docx"))
    code, said = _run(capsys, project / "自动编号.docx", "--out", out)
    assert code == 1 and not out.exists()
    assert "没有找到题目。文中用了 Word 自动编号" in said


def test_other_exam_systems_column_names(
    project: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["试题类型", "题目", "A选项", "选项 B", "选项C", "正确答案", "答案解析", "出处"])
    sheet.append(
        [
            "单选题",
            "党支部是什么？",
            "桥梁与纽带",
            "战斗堡垒",
            "第一责任人",
            "A",
            "原文。",
            "zhibu-diwei",
        ]
    )
    book.save(project / "别的系统.xlsx")
    paper = docx.Document()
    for text in ("1. 对吗？（ ）", "【参考答案】正确", "【答案解析】原文。", "出处：zhibu-diwei"):
        paper.add_paragraph(text)
    paper.save(str(project / "别的试卷.docx"))
    code, said = _run(capsys, project / "别的系统.xlsx", "--out", out)
    assert code == 0, said
    (q,) = read_bank(out, "x").bank.questions
    assert (q.stem, q.options and q.options[0].correct, q.explanation) == (
        "党支部是什么？",
        True,
        "原文。",
    )
    code, said = _run(capsys, project / "别的试卷.docx", "--out", out, "--force")
    assert code == 0, said
    (q,) = read_bank(out, "x").bank.questions
    assert (q.type, q.answer, q.explanation) == ("truefalse", True, "原文。")


def test_whole_course_back_into_the_quizzes_folder(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Export the course, import the sheet into quizzes/: every bank is the same bank again.

    The sheet lists options in the order the site shows them, so an imported bank may list
    them in another order than the bank did: what a learner sees and answers is the same.
    """
    quizzes = project / "quizzes"

    def banks() -> dict[Path, list[object]]:
        found = {p: read_bank(p, p.name).bank for p in sorted(quizzes.rglob("*.yml"))}
        return {
            p: [
                q.model_copy(update={"options": sorted(q.options, key=lambda o: o.text)})
                if q.options
                else q
                for q in bank.questions
            ]
            + [bank.generated]
            for p, bank in found.items()
        }

    before = banks()
    sheet = project / "全部.xlsx"
    assert (
        main(
            ["banks", "export", "--project", str(project), "--format", "xlsx", "--out", str(sheet)]
        )
        == 0
    )
    capsys.readouterr()
    code, said = _run(capsys, sheet, "--out", quizzes)
    assert code == 1 and said.count("题库已存在，未覆盖") == len(before)
    code, said = _run(capsys, sheet, "--out", quizzes, "--force")
    assert code == 0, said
    assert said.count("已写入") == len(before)
    assert banks() == before


def test_quizzes_folder_needs_the_lesson_in_each_source(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _xlsx(project / "题目.xlsx", GOOD)
    code, said = _run(capsys, source, "--out", project / "quizzes", "--force")
    assert code == 1
    assert (
        "第 3 行：列“出处”：写入整个 quizzes 文件夹时，出处须写成“章文件夹/课文件名#小节id”" in said
    )
    assert "未写入任何内容" in said
