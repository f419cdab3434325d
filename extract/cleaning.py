"""Raw documents to releases: the article body, its metadata, boilerplate dropped.

Scraped pages hold far more than the article: a scrape date, breadcrumbs,
font-size widgets, share rows, footers, and often the whole body a second
time. The cleaner works line by line on the decoded text: it finds the
article's body lines, takes headline, publication date, source (来源) and
editor (责任编辑) from the lines around them, and keeps each body line once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from govkg.extract.data import load_table
from govkg.extract.dates import datetime_match, find_datetime, parse_published
from govkg.extract.places import find_jurisdiction
from govkg.extract.reading import RawDocument
from govkg.extract.records import Release
from govkg.extract.regex import quick_start

# A 1:1 translation table, so that offsets into the normalised text are
# offsets into the original: full-width digits, letters and space to ASCII;
# the odd spaces and carriage returns of scraped pages to plain ones.
_NORMALISE = {0x3000: " ", 0xA0: " ", 0x2002: " ", 0x2003: " ", 0x200B: " ", 0x09: " ", 0x0D: "\n"}
_NORMALISE.update({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})  # ０-９
_NORMALISE.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_NORMALISE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_NORMALISE.update({0xFEFF: " ", 0x2028: "\n", 0x2029: "\n"})
_NORMALISED = {chr(c): to if isinstance(to, str) else chr(to) for c, to in _NORMALISE.items()}
_TO_NORMALISE = re.compile("[" + "".join(re.escape(c) for c in sorted(_NORMALISED)) + "]")


def normalise(text: str) -> str:
    """Normalise without changing length (so offsets stay valid).

    The characters replaced are found by one scan (a text holds few): ``str.translate``
    looks each character of a Chinese text up in the table, a dozen times as slow.

    >>> normalise("２０２０年\\u3000１月")
    '2020年 1月'
    """
    return _TO_NORMALISE.sub(lambda found: _NORMALISED[found.group()], text)


_STRIP = " \t•·●■◆▪|｜>"
_NOT_CJK = re.compile(r"[^\u4e00-\u9fff]+")
_SENTENCE_END = re.compile(r"[。！？!?；;]|[。！？]”")
# What ends a sentence and no headline: a headline may hold ！ or ？, short (_CRY_WIDTH at most).
_HEADLINE_STOPS = re.compile(r"[。；;]|[！？!?]”")
_CRY_WIDTH = 40
_CLAUSE = re.compile(r"[，,、：:]")

_LABELS = (
    r"来源|來源|稿源|信息来源|信息來源|本文来源|文章来源|新闻来源|发布时间|發布時間|发布日期|發布日期|"
    r"发稿时间|更新时间|时间|時間|日期|作者|编辑|編輯|责编|責編|责任编辑|責任編輯|审核|審核|撰稿|"
    r"录入者|录入|发布者|浏览|浏览量|点击|点击数|阅读|阅读量|字体|字號|摄影|通讯员|记者|视频编辑|文字编辑|"
    r"图文|校对|审稿|签发|供稿|出处"
)
_LABEL = re.compile(rf"(?:{_LABELS})\s*[:：]")
# (not a label quoted, as a reprint notice quotes the one to give: 转载须注明“来源:某某网”)
_SOURCE = re.compile(r"(?<![“\"‘「'])(?:稿源|來源|来源|出处)\s*[:：]\s*(?P<v>[^\s|｜\]】\[【()（）]+)")
_EDITOR_RESP = re.compile(r"(?:责任编辑|責任編輯|责编|責編)\s*[:：]?\s*(?P<v>[\u4e00-\u9fff·]{2,8})")
# A plain 编辑, not another job's (视频编辑, 文字编辑, 图片编辑, 新媒体编辑); a field glued before it
# (来源:某某新闻网编辑:甲) leaves it plain.
_EDITOR_PLAIN = re.compile(
    r"(?<![视視頻频文字图片美术圖])(?<!新媒体)(?<!新媒體)(?:编辑|編輯)\s*[:：]\s*(?P<v>[\u4e00-\u9fff·]{2,8})"
)
_NAME_STOP = re.compile(
    r"(审核|審核|校对|审稿|签发|摄影|记者|作者|来源|來源|发布|编辑|責任|责任|录入|监制|通讯员)"
)


@dataclass(frozen=True)
class _Line:
    start: int  # offset of the stripped line in the raw text
    text: str


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    """The furniture patterns of ``boilerplate.tsv`` as one expression, a named group a rule."""
    rows = load_table("boilerplate.tsv")
    return quick_start("|".join(f"(?P<r{i}>{pattern})" for i, (_, pattern) in enumerate(rows)))


@lru_cache(maxsize=1)
def _boilerplate_names() -> tuple[str, ...]:
    return tuple(name for name, _ in load_table("boilerplate.tsv"))


def _lines(text: str) -> list[_Line]:
    lines, offset = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip(_STRIP)
        if stripped:
            lines.append(_Line(offset + raw.index(stripped), stripped))
        offset += len(raw) + 1
    return lines


@lru_cache(maxsize=4096)  # lines are classified several times over, and bodies repeat
def _furniture(line: str) -> str | None:
    """The name of the ``boilerplate.tsv`` rule that matches a line, or None."""
    match = _boilerplate().search(line)
    if match is None:
        return None
    return _boilerplate_names()[int(match.lastgroup[1:])]


def _is_boilerplate(line: str) -> bool:
    return _furniture(line) is not None


# Outlets named after a page's date (某某新闻网-某某日报, 某某晚报 | 某某客户端): each a name
# that ends as an outlet's does, with no verb or particle in it (某村成立合作社 is news).
_OUTLETS = re.compile(
    r"(?:[\s|｜/\-—·、]*(?:(?!召开|举行|成立|建成|开展|组建|挂牌|的|了)[\u4e00-\u9fff]){1,12}?"
    r"(?:网|網|报|報|台|臺|社|客户端|客戶端|新闻|新聞)){1,3}\s*"
)


@lru_cache(maxsize=4096)
def _is_meta(line: str) -> bool:
    """A line of labelled metadata (来源, 发布时间, 编辑...) or a bare date."""
    if len(line) > 120:
        return False
    labels = list(_LABEL.finditer(line))
    date = datetime_match(line)
    if labels and (
        labels[0].start() <= 6
        or len(labels) >= 2
        or date
        or len(line) <= 40
        or line.startswith(("[", "【", "(", "（"))
    ):
        if not _SENTENCE_END.search(line[labels[0].end() :]) or len(labels) >= 2:
            return True
    if date and _cjk_count(line[: date.start()] + line[date.end() :]) <= 4:
        return True
    if date and not line[: date.start()].strip() and _OUTLETS.fullmatch(line, date.end()):
        # 2005年04月13日06:56 某某新闻网-某某日报: the date and the outlets that carried it
        return True
    if re.match(r"^(发布|發布|来源|來源|稿源|作者|编辑|編輯|责任编辑|責任編輯)", line) and len(line) <= 60:
        return True
    return False


def _cjk_count(text: str) -> int:
    """How many Chinese characters (U+4E00 to U+9FFF) ``text`` holds: what is left when the
    others are taken out, not a list of them one by one.

    >>> _cjk_count("2020年1月 巴中市")
    5
    """
    return len(_NOT_CJK.sub("", text))


def _is_body(line: str) -> bool:
    """A line of running text: long enough, with sentence punctuation."""
    cjk = _cjk_count(line)
    if cjk < 10:
        return False
    if _SENTENCE_END.search(line):
        return True
    return cjk >= 30 and len(_CLAUSE.findall(line)) >= 2


def _editor(lines: list[str]) -> str | None:
    for pattern in (_EDITOR_RESP, _EDITOR_PLAIN):
        for line in lines:
            for match in pattern.finditer(line):
                name = _NAME_STOP.split(match["v"])[0]
                if 2 <= len(name) <= 5:
                    return name
    return None


def _source(lines: list[str]) -> str | None:
    for line in lines:
        for match in _SOURCE.finditer(line):
            value = _LABEL.split(match["v"])[0]
            value = re.split(
                r"(?:作者|编辑|編輯|(?:发布|發布)(?:时间|時間|日期)|浏览|点击|时间|時間|记者"
                # a count glued to it (来源:某融媒评论0, 来源:某报阅读12)
                r"|(?:评论|評論|阅读|閱讀|浏览|瀏覽|点击|點擊|点赞|點贊|收藏|分享)(?:\s*\d|$))",
                value,
            )[0]
            value = value.strip(" :：,，。")
            if len(value) >= 2 and not re.fullmatch(r"[\d\-/: ]+", value):
                return value
    return None


# A line that gives the address of the page itself: 本文链接：URL, 原文地址: URL, [查看原文](URL).
_PAGE_URL = re.compile(
    r"(?:本文|原文|本页|本頁)(?:链接|鏈接|地址|网址|網址)\s*[:：]?\s*[(（]?\s*(?P<a>https?://[^\s)）\]]+)"
    r"|\[\s*(?:查看|阅读|閱讀|点击查看|點擊查看)?原文\s*\]\(\s*(?P<b>https?://[^\s)]+)\)"
)


def _page_url(lines: list[_Line]) -> str | None:
    """The address of the page a scraped text was copied from, where a line gives it.

    >>> _page_url([_Line(0, "本文链接:https://x.cn/2020/11/05/1.html")])
    'https://x.cn/2020/11/05/1.html'
    >>> _page_url([_Line(0, "[查看原文](https://x.cn/2025/01/10/a.shtml)")])
    'https://x.cn/2025/01/10/a.shtml'
    >>> _page_url([_Line(0, "详见https://x.cn/a.html")]) is None  # some other page
    True
    """
    for line in lines:
        match = _PAGE_URL.search(line.text) if "http" in line.text else None
        if match:
            return match["a"] or match["b"]
    return None


def _bigrams(text: str) -> set[str]:
    # a comparison of code points, as _NOT_CJK's class does, without a call of re for each character
    return {text[i : i + 2] for i in range(len(text) - 1) if "\u4e00" <= text[i] <= "\u9fff"}


_CAPTION = re.compile(
    r"^[(（]?(图为|圖為|图:|图：|摄影)|[(（](左|右|中|左一|右一|左二|右二|从左至右)[)）]|[(（]摄影"
)
# A photo's credit (中新社发 甲乙 摄, 记者 甲乙 通讯员 丙丁 摄) that ends a line, after a sentence
# (set off by a space, or opened by 记者 / 发) or alone.
_CREDIT = (
    r"(?:(?:[\u4e00-\u9fff]{0,6}(?:记者|記者|发|發)|通讯员|通訊員)\s*)?[\u4e00-\u9fff·]{2,4}"
    r"(?:\s+(?:(?:通讯员|通訊員|记者|記者)\s*)?[\u4e00-\u9fff·]{2,4})*\s*(?:摄影|攝影|摄|攝)$"
)
_PHOTO_CREDIT = re.compile(
    r"(?:(?<=[。！？!?”])\s+|(?<=[。！？!?”])(?=[\u4e00-\u9fff]{0,6}(?:记者|記者|发|發))"
    r"|^(?=记者|記者|通讯员|通訊員|[\u4e00-\u9fff]{1,6}(?:记者|記者|发|發)))"
    rf"(?P<credit>{_CREDIT})"
)
# A caption tells a photo in a sentence or two; a paragraph of more that ends in a credit is
# article text with the credit glued on.
MAX_CAPTION_SENTENCES = 2


def _photo_credit(line: str) -> re.Match | None:
    """Where a photo's credit ends ``line``, if one does.

    >>> _photo_credit("6月8日，甲乙会见了丙丁。 某某社发 戊己 摄")["credit"]
    '某某社发 戊己 摄'
    >>> _photo_credit("村民们纷纷拿出手机拍摄。") is None
    True
    """
    return _PHOTO_CREDIT.search(line) if "摄" in line or "攝" in line else None


def _is_caption(line: str) -> bool:
    """A photo's caption: 图为… (or a figure's position, 左一), or a sentence or two that a
    photo's credit ends, or the credit alone."""
    if _CAPTION.match(line):
        return True
    credit = _photo_credit(line)
    return credit is not None and len(_SENTENCE_END.findall(line, 0, credit.start())) <= MAX_CAPTION_SENTENCES


_INLINE_TITLE = re.compile(
    r"^(?P<title>[^\s。，,；;！？!?]{6,80}?)\s+"
    r"(?P<meta>(?:19|20)\d{2}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+)?"
    r"(?P<rest>(?:\d{1,2}月|今天|昨天|日前|近日|本网讯|\d{1,2}日).*)$"
)


def _split_inline_title(lines: list[_Line]) -> list[_Line]:
    """Split a first line that runs headline, date and body together.

    Some scrapes put ``headline 2022-08-02 09:34 8月1日，……`` on one line.
    """
    for index, line in enumerate(lines):
        if _is_body(line.text):
            match = _INLINE_TITLE.match(line.text)
            if match and _cjk_count(match["title"]) >= 4:
                parts = [_Line(line.start, match["title"])]
                if match["meta"]:
                    parts.append(_Line(line.start + match.start("meta"), match["meta"].strip()))
                parts.append(_Line(line.start + match.start("rest"), match["rest"]))
                return lines[:index] + parts + lines[index + 1 :]
            return lines
    return lines


def _pick_title(
    candidates: list[_Line], body: str, first_meta: int | None, over_dates: frozenset[int] = frozenset()
) -> _Line | None:
    """The headline: the line before the body that shares most with its opening.

    A headline stands above the page's date and source lines; a line between
    those and the body is a subtitle or a photo caption. It shares two words
    (bigrams) with the opening at least, or one where it stands right above a
    date line (``over_dates``: the starts of such lines), as a headline that
    tells the story in other words does (春节前夕走访慰问，浓浓关怀暖人心 over
    its date, a story of 看望慰问).
    """
    # a line's bigram is one of the opening's where the opening holds it: a few searches of a short
    # text, not a set of the opening's every bigram (most pages have one or two candidates)
    opening = body[:400]
    if first_meta is not None and any(line.start < first_meta for line in candidates):
        candidates = [line for line in candidates if line.start < first_meta]
    best, best_score = None, 0.0
    for rank, line in enumerate(reversed(candidates)):
        shared = sum(bigram in opening for bigram in _bigrams(line.text))
        if shared < (1 if line.start in over_dates else 2):
            continue
        score = shared - 0.5 * rank
        if score > best_score:
            best, best_score = line, score
    return best


def _headline_over_its_date(lines: list[_Line], is_body: list[bool]) -> None:
    """Take back from the body a first line that is a long headline above its date line.

    A headline that lists names (甲、乙、丙与丁座谈) or runs two phrases together is long and
    holds clause marks, as running text does, but ends no sentence; the page's date line right
    under it (2017-08-14 20:29:04 [稿源:某台]) says it is the headline. Read as body, it told
    its event twice and hid the publication date. A headline may cry out or ask (总投资百亿！
    某县十个项目集中签约), short as headlines are; it ends no sentence with 。 or ；.
    """
    first = next((i for i, flag in enumerate(is_body) if flag), None)
    if first is None or first + 1 >= len(lines):
        return
    text = lines[first].text
    if _HEADLINE_STOPS.search(text) or (_SENTENCE_END.search(text) and len(text) > _CRY_WIDTH):
        return
    under = lines[first + 1].text
    if _is_meta(under) and find_datetime(under) and any(is_body[first + 2 :]):
        is_body[first] = False


def _is_title_candidate(text: str) -> bool:
    return (
        not _is_boilerplate(text)
        and not _is_meta(text)
        and not _CAPTION.search(text)
        and _cjk_count(text) >= 4
        and len(text) <= 100
        and not text.endswith(("。", ":", "："))
    )


_DATE_LABEL = re.compile(r"(发布|發布|发稿|發稿|更新|发表|發表)(时间|時間|日期)|^(时间|時間|日期)\s*[:：]")
_POSTED = re.compile(r"(?:发表|發表|发布|發布)(?:于|於)\s*[:：]?\s*(?:19|20)\d{2}\s*[年\-/.]")


def _published(document: RawDocument, lines: list[_Line], title_index: int, first: int) -> str | None:
    """Publication date: a record's own field, a labelled date line, or a date line
    below the headline; a bare date above the headline is the scrape date."""
    published = parse_published(document.published)
    if published is not None:
        return published
    labelled = [
        line.text
        for line in lines
        if _DATE_LABEL.search(line.text)
        # a forum's or a blog's line (某网友 发表于 2024-2-20 10:17): not a sentence of the body
        or (_POSTED.search(line.text) and not _SENTENCE_END.search(line.text))
    ]
    header_dates = [line.text for line in lines[title_index + 1 : first] if _is_meta(line.text)]
    if title_index < 0 and first > 1 and find_datetime(lines[0].text):
        header_dates = header_dates[1:]
    for text in labelled + header_dates:
        published = find_datetime(text)
        if published:
            return published
    # A dateline that opens the body: 北京时间2022年8月7日……
    if first < len(lines):
        match = re.match(r"^(北京时间|北京時間)\s*", lines[first].text)
        if match:
            return find_datetime(lines[first].text[: match.end() + 20])
    return None


_CREDIT_TAIL = re.compile(
    r"(?<=[。！？!?”])\s*(?P<credit>[(（][^()（）]*(?:编辑|編輯|记者|記者|审核|審核|来源|來源|摄影|撰稿|通讯员|作者)"
    r"[^()（）]*[)）])\s*$"
)


def _split_credits(lines: list[_Line]) -> list[_Line]:
    """Split a credit that ends a paragraph off it: ``……。(视频编辑：甲 文字编辑：乙)``,
    and a photo's credit that ends a paragraph longer than a caption (``……。 记者 甲 摄``).

    The paragraph is article text and the credit metadata; as one line, the
    labels made the whole paragraph metadata (or a caption, dropped whole).
    """
    out = []
    for line in lines:
        match = _CREDIT_TAIL.search(line.text)
        if match is None and not _is_caption(line.text):
            match = _photo_credit(line.text)
        if match and _cjk_count(line.text[: match.start()]) >= 2:
            out.append(_Line(line.start, line.text[: match.start()].rstrip()))
            out.append(_Line(line.start + match.start("credit"), match["credit"]))
        else:
            out.append(line)
    return out


def drop_rule(line: str, title: str | None = None) -> str | None:
    """The named rule by which the cleaner drops a line wherever it stands, or None.

    A ``boilerplate.tsv`` rule's name (page furniture), ``metadata`` (labelled
    date, source or credit lines), ``caption`` (photo captions), or ``headline``
    (the headline repeated in the body of a record). Lines around a page's
    article are dropped by their position too (see :func:`clean`); a news
    record's content is all article, so nothing of it is dropped but by these.

    >>> drop_rule("扫一扫在手机打开当前页"), drop_rule("(视频编辑：甲乙 文字编辑：丙丁)")
    ('qr-prompt', 'metadata')
    >>> drop_rule("刘鹤、王毅参加会见。") is None
    True
    """
    rule = _furniture(line)
    if rule is not None:
        return rule
    if _is_meta(line):
        return "metadata"
    if _is_caption(line):
        return "caption"
    if title is not None and re.sub(r"\s+", "", _clean_title(line)) == re.sub(r"\s+", "", title):
        return "headline"
    return None


def _is_closing_sentence(line: str) -> bool:
    """A short sentence that may close an article: ``肖捷参加。``, ``刘鹤、王毅陪同考察。``."""
    return (
        _cjk_count(line) >= 2
        and line.endswith(("。", "！", "？", "。”"))
        and not _LABEL.search(line)
        and drop_rule(line) is None
    )


def clean(document: RawDocument) -> Release:
    """A raw document to a release: body text once, headline, date, source, editor.

    Nothing of the article is dropped silently: a line is left out of the text
    because a named rule (:func:`drop_rule`) matches it, because it repeats an
    earlier line, or, on a page, because it stands outside the article (above
    its first body line, or below its last body line and the short sentences
    that close it). A news record's content is all article.
    """

    raw = normalise(document.text)
    lines = _split_credits(_split_inline_title(_lines(raw)))
    is_body = [
        _is_body(line.text) and not _is_meta(line.text) and not _is_boilerplate(line.text) for line in lines
    ]
    _headline_over_its_date(lines, is_body)
    body_index = [i for i, flag in enumerate(is_body) if flag]
    first = body_index[0] if body_index else 0
    last = body_index[-1] if body_index else len(lines) - 1
    if document.kind != "record":
        while last + 1 < len(lines) and _is_closing_sentence(lines[last + 1].text):
            last += 1

    header = lines[:first]
    candidates = [line for line in header if _is_title_candidate(line.text)]
    metas = [line.start for line in header if _is_meta(line.text) and find_datetime(line.text)]
    body_preview = "".join(lines[i].text for i in body_index[:3])
    title_line = None
    if document.kind != "record":
        dated = set(metas)
        over_dates = frozenset(line.start for line, under in pairwise(header) if under.start in dated)
        title_line = _pick_title(candidates, body_preview, metas[-1] if metas else None, over_dates)
    title_index = lines.index(title_line) if title_line else -1
    if document.title:
        title = _clean_title(document.title)
    else:
        title = _clean_title(title_line.text) if title_line else None

    seen: set[str] = set()
    if title_line:
        seen.add(re.sub(r"\s+", "", title_line.text))
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    position = 0
    keep = range(len(lines)) if document.kind == "record" else range(first, last + 1 if lines else 0)
    for index in keep:
        text = lines[index].text
        if drop_rule(text, title if document.kind == "record" else None) is not None:
            continue
        key = re.sub(r"\s+", "", text)
        if len(key) >= 6 and key in seen:
            continue
        seen.add(key)
        if parts:
            position += 1  # the "\n" between lines belongs to no segment
        segments.append((position, lines[index].start, len(text)))
        parts.append(text)
        position += len(text)
    text = "\n".join(parts)

    not_body = [line.text for line, flag in zip(lines, is_body, strict=True) if not flag]
    meta_lines = [t for t in not_body if _is_meta(t) or _is_boilerplate(t)]
    credit_lines = not_body + [line.text for line in lines[max(first, last - 2) : last + 1]]
    source = document.source or _source(meta_lines)
    editor = document.editor or _editor(credit_lines)
    release = Release(
        id=document.id,
        text=text,
        path=document.path,
        title=title,
        published=_published(document, lines, title_index, first),
        source=source,
        editor=editor,
        url=document.url or _page_url(lines),
        raw=raw,
        segments=tuple(segments),
    )
    return replace(release, place=find_jurisdiction(release))


# Markers a site puts before a headline: ``[视频]``, ``[图]【聚焦2012某县“两会”】`` (one or several
# bracketed, none a sentence), a column and a bar (``简讯 | ``, ``好消息｜``).
_TITLE_MARKERS = re.compile(
    r"^(?:[\[【](?:视频|图文|组图|图片|图|圖|直播|快讯|独家|[^\[\]【】。，,！？!?]{2,16})[\]】]\s*)+"
)
_TITLE_COLUMN = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*[|｜]\s*")
# What a page's <title> adds after the headline: the site, its channel, its slogan
# (…推进会 —— 某某党媒云| 社区融; …会议召开_某某新闻网).
_TITLE_SEPARATOR = re.compile(r"\s+(?:——|—|--|-|\||｜)\s*|\s*(?:_|\||｜)\s*")
_SITE_NAME = re.compile(r"(?:网|網|云|雲|客户端|客戶端|官网|首页|首頁|门户|門戶|频道|頻道|在线|在線)$")


def _without_site_name(title: str) -> str:
    """A headline without the site name a page's ``<title>`` puts after it.

    The tail cut off is short pieces (split at ``|``, ``-``, ``_``), one of which ends as a
    site's name does (网, 云, 客户端, 频道...); a dash with no space round it joins a headline's
    own second part (…——记某某, …——某县建成政务服务网), which stays.

    >>> _without_site_name("某街道召开推进会 —— 某某党媒云| 社区融-某某官网首页")
    '某街道召开推进会'
    >>> _without_site_name("某县召开全县经济工作会议_某某新闻网")
    '某县召开全县经济工作会议'
    >>> _without_site_name("扎根基层写青春——记某镇干部甲乙")
    '扎根基层写青春——记某镇干部甲乙'
    >>> _without_site_name("数字赋能——某县建成政务服务网")
    '数字赋能——某县建成政务服务网'
    """
    for separator in _TITLE_SEPARATOR.finditer(title):
        head, tail = title[: separator.start()], title[separator.end() :]
        pieces = [piece for piece in re.split(r"[|｜_\-—]+", tail) if piece.strip()]
        if (
            _cjk_count(head) >= 6
            and pieces
            and all(len(piece.strip()) <= 16 for piece in pieces)
            and any(_SITE_NAME.search(piece.strip()) for piece in pieces)
            and not _SENTENCE_END.search(tail)
        ):
            return head.strip()
    return title


def _clean_title(title: str) -> str:
    """A headline without site or column markers such as ``[视频]`` or ``【某县】``.

    >>> _clean_title("[视频]贾庆林会见澳大利亚客人"), _clean_title("### 会议召开")
    ('贾庆林会见澳大利亚客人', '会议召开')
    >>> _clean_title("[图]【聚焦某县“两会”】县政协会议开幕"), _clean_title("简讯 | 甲乙检查调研公园项目")
    ('县政协会议开幕', '甲乙检查调研公园项目')
    >>> _clean_title("某县县长检查工 某县县长检查工作")  # a scraper's truncated copy first
    '某县县长检查工作'
    """
    title = normalise(title).strip().lstrip("#*>").strip()
    for marker in (_TITLE_MARKERS, _TITLE_COLUMN):
        bare = marker.sub("", title, count=1)
        if _cjk_count(bare) >= 4:
            title = bare
    title = _without_site_name(re.sub(r"\s+", " ", title).strip())
    words = title.split(" ")
    if len(words) >= 2 and len(words[0]) >= 6 and words[1].startswith(words[0][:6]):
        title = " ".join(words[1:])
    return title
