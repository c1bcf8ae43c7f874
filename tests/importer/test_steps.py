"""One test group per pipeline step, on small inputs taken from the seeds' real damage."""

from __future__ import annotations

from peixun.importer.debris import (
    remove_inline_debris,
    remove_notice_lines,
    remove_page_breaks,
    remove_preview_lines,
)
from peixun.importer.header import extract_header
from peixun.importer.model import Kind, Line
from peixun.importer.mojibake import flag_rare_characters, repair_mojibake
from peixun.importer.rejoin import join_broken_lines, separate_paragraphs
from peixun.importer.simplify import simplify
from peixun.importer.split import split_articles
from peixun.importer.structure import to_markdown
from peixun.importer.suspects import find_suspects
from peixun.text.charset import to_simplified
from peixun.text.punctuation import normalize_punctuation

from .helpers import lines_of


def texts(lines: list[Line]) -> list[str]:
    return [line.text for line in lines]


# 2. mojibake


def test_known_mojibake_is_repaired_and_reported() -> None:
    result = repair_mojibake(lines_of("擺在“領導”的位臵上", "要旗臶鮮明"))
    assert texts(result.lines) == ["擺在“領導”的位置上", "要旗帜鮮明"]
    assert [(e.kind, e.line) for e in result.events] == [(Kind.REPAIRED, 1), (Kind.REPAIRED, 2)]
    assert "臵 → 置" in result.events[0].detail


def test_characters_outside_gb2312_are_flagged() -> None:
    result = flag_rare_characters(lines_of("党支部书记", "一个罕见字：㐀"))
    assert [(e.kind, e.line) for e in result.events] == [(Kind.FLAGGED, 2)]
    assert "㐀" in result.events[0].detail


# 3. Traditional → Simplified


def test_conversion_is_phrase_aware() -> None:
    assert (
        to_simplified("隨著改革的深入，本著實事求是，著眼長遠")
        == "随着改革的深入，本着实事求是，着眼长远"
    )
    assert to_simplified("智慧黨建的文件") == "智慧党建的文件"  # no regional word swaps
    result = simplify(lines_of("黨支部書記", "党支部书记"))
    assert texts(result.lines) == ["党支部书记", "党支部书记"]
    assert [e.line for e in result.events] == [1]


# 4. what is not text


def test_notice_lines_are_removed_and_listed() -> None:
    result = remove_notice_lines(
        lines_of(
            "浏览量:304 | 发布时间:2024-08-26",
            "同志们:",
            "- 1、下载文档前请自行甄别文档内容的完整性,平台不提供额外的编辑。",
            "点赞:",
            "收藏:",
            "![标题[权威资料]](https://img.example.com/a.png)",
        )
    )
    assert texts(result.lines) == ["同志们:"]
    assert [e.line for e in result.events] == [1, 3, 4, 5, 6]
    assert all(e.kind is Kind.REMOVED for e in result.events)


def test_page_numbers_at_page_starts_are_removed_and_pages_joined() -> None:
    page = "内容" * 60
    lines = lines_of(
        f"1、第一页{page}到这里断", f"2、开了，接着第二页{page}。", f"3、第三页{page}。"
    )
    result = remove_page_breaks(lines)
    assert texts(result.lines) == [
        f"第一页{page}到这里断开了，接着第二页{page}。",
        f"第三页{page}。",
    ]
    assert [e.text for e in result.events] == ["1、", "2、", "3、"]
    assert result.lines[0].number_at(len(page) + 8) == 2  # the joined text still knows its lines


def test_a_numbered_list_is_not_taken_for_pagination() -> None:
    items = lines_of(
        "1、要有较高的政治素质。", "2、要有较高的文化知识素质。", "3、要有较强的能力素质。"
    )
    assert texts(remove_page_breaks(items).lines) == texts(items)


def test_page_number_glued_to_a_word_is_removed_but_quantities_stay() -> None:
    result = remove_page_breaks(
        lines_of("因此，必须加强学习，确实打牢", "1开展党务工作的理论基础。")
    )
    assert texts(result.lines) == ["因此，必须加强学习，确实打牢开展党务工作的理论基础。"]
    kept = remove_page_breaks(lines_of("近年来支部共有党员", "10人，其中在岗8名。"))
    assert texts(kept.lines) == ["近年来支部共有党员", "10人，其中在岗8名。"]


def test_inline_debris_is_removed_with_its_line() -> None:
    result = remove_inline_debris(
        lines_of(
            "成为一句空话。本文章共2页,当前在第2页上一页[1][2]第二篇:如何当好",
            "[NextPage](1)、党支部书记要有正确的认识。",
            "要分精品文档,助你起航,欢迎收藏关注和点赞!层次采取灵活多样的形式",
            "善于化解各方矛盾,除尘滤布理顺关系",
            "“无处不在”。奥远智慧党建平台系统包括 10 大平台。从基础党务做起。",
        )
    )
    assert texts(result.lines) == [
        "成为一句空话。第二篇:如何当好",
        "(1)、党支部书记要有正确的认识。",
        "要分层次采取灵活多样的形式",
        "善于化解各方矛盾,理顺关系",
        "“无处不在”。从基础党务做起。",
    ]
    assert [e.detail for e in result.events] == ["分页", "分页", "水印", "植入的广告词", "厂商广告"]


def test_unknown_watermark_repeated_three_times_is_removed() -> None:
    mark = "更多资料欢迎下载收藏！"
    result = remove_inline_debris(lines_of(f"第一段。{mark}", f"第二段。{mark}", f"{mark}第三段。"))
    assert texts(result.lines) == ["第一段。", "第二段。", "第三段。"]


def test_truncated_preview_of_the_text_is_removed() -> None:
    result = remove_preview_lines(
        lines_of(
            "如何当好党支部书记党支部作为党的基层组织，是党与人民群众紧密联系的组...",
            "如何当好党支部书记",
            "党支部作为党的基层组织，是党与人民群众紧密联系的组带。",
        )
    )
    assert [line.number for line in result.lines] == [2, 3]


def test_header_fields_move_to_front_matter() -> None:
    result = extract_header(
        lines_of(
            "新形势下如何做好基层党支部书记发布时间:2023-02-01T06:09:12.170Z 来源:《中国科技信息》"
            "2022年9月18期作者:邱艳玲[导读] 党建工作是优良传统。",
            "邱艳玲北大荒集团黑龙江红五月农场有限公司黑龙江嫩江 161446摘要:党建工作是优良传统。",
            "关键词:做好;党支部书记;路径前言:随着国有企业改革的不断深入。",
        )
    )
    assert texts(result.lines) == [
        "新形势下如何做好基层党支部书记",
        "摘要:党建工作是优良传统。",
        "前言:随着国有企业改革的不断深入。",
    ]
    moved = {e.field: e.value for e in result.events if e.kind is Kind.MOVED}
    assert moved == {
        "date": "2023-02-01",
        "journal": "《中国科技信息》2022年9月18期",
        "author": "邱艳玲",
        "affiliation": "北大荒集团黑龙江红五月农场有限公司黑龙江嫩江",
        "keywords": "做好;党支部书记;路径",
    }


# 5. line breaks and glued paragraphs


def test_lines_broken_mid_sentence_are_joined() -> None:
    result = join_broken_lines(
        lines_of(
            "(二)是要强化监督意识。铁的纪律和有效的监督机制是赢得胜利的先决条件。支部书",
            "记要充分利用支部例会。",
            "一、强化四种意识",
            "(一)是要强化服务意识。",
        )
    )
    assert texts(result.lines) == [
        "(二)是要强化监督意识。铁的纪律和有效的监督机制是赢得胜利的先决条件。支部书记要充分利用支部例会。",
        "一、强化四种意识",
        "(一)是要强化服务意识。",
    ]


def test_a_title_before_a_blank_line_is_not_joined() -> None:
    result = join_broken_lines(
        lines_of(
            "只有通过不断学习，才能提高自己综合素养，才能在错综复杂的",
            "论如何当好基层党支部书记",
            "",
        )
    )
    assert len(result.lines) == 3


def test_glued_enumerated_paragraphs_are_parted() -> None:
    result = separate_paragraphs(
        lines_of(
            "我认为要认真做好以下几点工作:一、要树立做好工作的光荣感。",
            "二、基层党支部书记的素质要求1、要有较高的政治素质。",
            "在支部的内部，落实一、二、四、六决策制度，书记是第一责任人。",
            "推进智慧党建提升 1.如何运用“互联网+”提升基层智慧党建工作 将互联网广泛应用。"
            "2.什么是智慧党建 智慧党建平台是综合管理平台。",
        )
    )
    assert texts(result.lines) == [
        "我认为要认真做好以下几点工作:",
        "一、要树立做好工作的光荣感。",
        "二、基层党支部书记的素质要求",
        "1、要有较高的政治素质。",
        "在支部的内部，落实一、二、四、六决策制度，书记是第一责任人。",
        "推进智慧党建提升",
        "1.如何运用“互联网+”提升基层智慧党建工作",
        "将互联网广泛应用。",
        "2.什么是智慧党建",
        "智慧党建平台是综合管理平台。",
    ]


# 6. punctuation


def test_punctuation_follows_gb_t_15834_in_chinese_context_only() -> None:
    assert normalize_punctuation("如何当好,好吗?是的!注意:9:00到18:30开会") == (
        "如何当好，好吗？是的！注意：9:00到18:30开会"
    )
    assert (
        normalize_punctuation("共3,000元;(一)是要强化(试行)") == "共3,000元；（一）是要强化（试行）"
    )
    assert normalize_punctuation('他说"你好,世界"。') == "他说“你好，世界”。"
    assert normalize_punctuation("用心去修养---点滴养成") == "用心去修养——点滴养成"
    assert normalize_punctuation("必要”———这是") == "必要”——这是"
    assert normalize_punctuation("路线方针 政策") == "路线方针政策"
    assert normalize_punctuation("素质要求: 一是能人; 二是好人") == "素质要求：一是能人；二是好人"
    assert normalize_punctuation("拍拍肩...要因人而异") == "拍拍肩……要因人而异"
    assert normalize_punctuation("２０２２年") == "2022年"
    assert normalize_punctuation("不完整(括号和") == "不完整（括号和"


def test_punctuation_leaves_urls_code_and_english_alone() -> None:
    assert (
        normalize_punctuation("见 https://a.cn/x?a=1,b=2 网站") == "见 https://a.cn/x?a=1,b=2 网站"
    )
    assert normalize_punctuation("用 `a,b` 表示") == "用 `a,b` 表示"
    assert normalize_punctuation("(see a, b)") == "(see a, b)"
    assert normalize_punctuation("version 1.5 and 3.0") == "version 1.5 and 3.0"


def test_punctuation_closes_spaces_between_chinese_and_latin() -> None:
    # The content check's spacing rule (peixun.text.spacing), so imported drafts pass it.
    assert normalize_punctuation("版本 1.5 与 3.0") == "版本1.5与3.0"
    assert normalize_punctuation("网页和 PDF 带来") == "网页和PDF带来"


# 7. articles


def test_compilation_is_split_at_its_labels_with_own_titles() -> None:
    articles, events = split_articles(
        lines_of(
            "第一篇：如何当好党支部书记",
            "如何当好党支部书记",
            "正文一。",
            "第四篇：当好党支部书记",
            "党支部书记的领导艺术",
            "正文四。",
        )
    )
    assert [(a.title, a.label, texts(a.lines)) for a in articles] == [
        ("如何当好党支部书记", "第一篇：如何当好党支部书记", ["正文一。"]),
        ("党支部书记的领导艺术", "第四篇：当好党支部书记", ["正文四。"]),
    ]
    assert {e.kind for e in events} == {Kind.MOVED}


def test_title_blocks_and_doubled_titles_start_articles() -> None:
    articles, _ = split_articles(
        lines_of(
            "怎样当好一名基层党支部书记",
            "",
            "怎样当好一名基层党支部书记基层党支部的工作是基础。",
            "新形势下如何当好支部书记新形势下如何当好支部书记随着改革的深入。",
        )
    )
    assert [(a.title, texts(a.lines)) for a in articles] == [
        ("怎样当好一名基层党支部书记", ["基层党支部的工作是基础。"]),
        ("新形势下如何当好支部书记", ["随着改革的深入。"]),
    ]


def test_numbered_pieces_become_articles_but_numbered_sections_do_not() -> None:
    pieces = lines_of(
        "1.如何运用互联网",
        "正文。",
        "2.什么是智慧党建",
        "正文。",
        "3.如何加强党建",
        "一、加强学习",
        "正文。",
    )
    assert [a.title for a in split_articles(pieces)[0]] == [
        "如何运用互联网",
        "什么是智慧党建",
        "如何加强党建",
    ]
    sections = lines_of(
        "讲话",
        "1.好好学习",
        "正文。",
        "2.用心修养",
        "正文。",
        "3.到实践中去",
        "一、要点",
        "1.求实四问",
    )
    assert len(split_articles(sections)[0]) == 1


def test_speech_without_title_takes_its_stated_title() -> None:
    articles, events = split_articles(
        lines_of("同志们：", "我以“用实劲、出实招、求实效”为题跟大家交流。")
    )
    assert articles[0].title == "用实劲、出实招、求实效"
    assert any(e.kind is Kind.FLAGGED for e in events)


# 8. structure


def test_enumerators_become_headings_by_order_of_appearance() -> None:
    markdown = to_markdown(
        lines_of(
            "引言。",
            "一、强化四种意识",
            "（一）是要强化服务意识。作为基层党支部书记，要服务。",
            "（二）是要强化监督意识。",
            "二、提高五种能力",
        )
    )
    assert markdown == (
        "引言。\n\n## 一、强化四种意识\n\n### （一）是要强化服务意识\n\n"
        "作为基层党支部书记，要服务。\n\n"
        "### （二）是要强化监督意识\n\n## 二、提高五种能力\n"
    )


def test_points_become_lists() -> None:
    markdown = to_markdown(
        lines_of(
            "今天，我主要讲三个问题：一是把握角色；二是提高素质；三是学会方法。",
            "●树立全局的观念。放大看。",
            "●树立长远的观念。拉长看。",
        )
    )
    assert markdown == (
        "今天，我主要讲三个问题：\n\n- 一是把握角色；\n- 二是提高素质；\n- 三是学会方法。\n\n"
        "- 树立全局的观念。放大看。\n- 树立长远的观念。拉长看。\n"
    )


def test_html_in_text_is_escaped() -> None:
    assert to_markdown(lines_of("正文<script>alert(1)</script>。")) == (
        "正文&lt;script>alert(1)&lt;/script>。\n"
    )


# 9. suspects


def test_suspect_spots_are_flagged_with_their_line() -> None:
    result = find_suspects(
        lines_of(
            "又有带领`团结奋斗，直接影响到/保卫工作",
            "党支部书记的文化知识知识素质，增强对对改革的承受能力",
            "实实在在，认认真真",
            "“一言堂”议中心工作“开展。",
            "才可能抓具体。本",
            '他说"你好。',
        )
    )
    found = [(e.line, e.detail) for e in result.events]
    assert (1, "“`”处疑似删去了字") in found and (1, "“/”处疑似删去了字") in found
    assert (2, "重复的词") in found and (2, "重复的字") in found
    assert not [f for f in found if f[0] == 3]
    assert any(line == 4 and "不配对" in detail for line, detail in found)
    assert (5, "段尾孤字（句子可能断了）") in found
    assert (6, "半角引号未能配对：请改为“”") in found


def test_sequence_words_part_a_paragraph_only_as_a_whole_sequence() -> None:
    result = separate_paragraphs(
        lines_of(
            "要做好三件事。首先，学习。其次，实践。最后，总结。", "前面说过了。最后，基层要创新。"
        )
    )
    assert texts(result.lines) == [
        "要做好三件事。",
        "首先，学习。",
        "其次，实践。",
        "最后，总结。",
        "前面说过了。最后，基层要创新。",
    ]


def test_heading_levels_follow_nesting_even_under_a_glued_heading() -> None:
    glued = "二、素质要求所谓素质也就是指在工作过程中起作用的经过后天学习实践和修养形成的内在因素。"
    markdown = to_markdown(
        lines_of(
            "一、新形势", "首先，外部环境", "正文。", "1、政治素质", "正文。", glued, "1、文化素质"
        )
    )
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == [
        "## 一、新形势",
        "### 首先，外部环境",
        "#### 1、政治素质",
        "### 1、文化素质",
    ]
    assert f"\n\n{glued}\n\n" in markdown
