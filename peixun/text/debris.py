"""What web pages and PDFs leave in a text: notices, counters, pagination, watermarks, adverts.

One list, twice used: the importer removes each match from a raw document, and the content
check reports any left in a lesson (with the traces a removal can miss, :data:`TRACES`).
"""

from __future__ import annotations

import re

# Whole lines that belong to the website or the file-sharing platform, not to the article.
NOTICE_LINES: dict[str, re.Pattern[str]] = {
    "下载须知": re.compile(r"下载文档前|仅部分预览|如文档侵犯您的权益|请联系客服|不提供额外的编辑"),
    "分享平台说明": re.compile(r"由会员分享|可在线阅读.{0,20}更多相关"),
    # Each item a counter word with a colon or a number ("浏览量:304 | 发布时间:…", "点赞:").
    "浏览/点赞/收藏计数": re.compile(
        r"^(?:(?:浏览量|阅读量|浏览|阅读|点赞|收藏|评论|分享|转发|发布时间)"
        r"(?:[:：]\s*[\d\-:. ]*|\s*\d[\d\-:. ]*)\s*[|｜]?\s*)+$"
    ),
    "图片": re.compile(r"^(?:!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\s]*\)|<img\b[^>]*>)$"),
}
# Pieces inside lines.
INLINE: dict[str, re.Pattern[str]] = {
    "分页": re.compile(
        r"本文章共\d+页[,，]?\s*当前在第\d+页\s*(?:上一页)?\s*(?:\[\d+\])*\s*(?:下一页)?"
        r"|\[NextPage\]|\[page\]|第\d+页\s*/\s*共\d+页",
        re.IGNORECASE,
    ),
    "水印": re.compile(r"精品文档[,，]\s*助你起航[,，]\s*欢迎收藏关注和点赞[!！]?"),
    "图片链接": re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\s]*\)|<img\b[^>]*>"),
    "网站标签": re.compile(r"\[权威资料\]|[(（]精选多篇[)）]|【精品文档】|\[精品\]"),
    # SEO words planted mid-sentence by content farms (found in the seeds).
    "植入的广告词": re.compile(r"除尘滤布"),
}
# A sentence naming one of these is a vendor's advert.
VENDORS = re.compile(r"奥远")
# Words that betray debris in a finished lesson, though no pattern above took it whole
# (a counter with its number cut off, a link to a download site, a page count).
TRACES = re.compile(
    r"本文章共\d+页|\[NextPage\]|浏览量|浏览次数|阅读数|点赞|收藏|分享到|由会员分享|"
    r"精品文档|下载|淘文阁|taowenge|https?://|www\.|\.pdf|!\[[^\]]*\]\(|第\s*\d+\s*页|共\s*\d+\s*页"
)
DEBRIS_PATTERNS = (*NOTICE_LINES.values(), *INLINE.values(), VENDORS, TRACES)
# A lesson citing a source by its title quotes the title as written, site label and all:
# 《如何当好基层党支部书记（精选多篇）》 names the document an editor will look for.
TITLE = re.compile(r"《[^《》\n]*》")


def find_debris(text: str) -> str | None:
    """The first piece of debris in ``text`` (one line of a lesson), outside cited titles."""
    searched = TITLE.sub(lambda m: "《" + "〇" * (len(m[0]) - 2) + "》", text)
    for pattern in DEBRIS_PATTERNS:
        if match := pattern.search(searched):
            return text[match.start() : match.end()]
    return None
