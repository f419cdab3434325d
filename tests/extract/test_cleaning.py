"""The cleaner: body once, boilerplate out, headline, date, source and editor kept."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govkg.extract.cleaning import clean, drop_rule, find_datetime, normalise
from govkg.extract.reading import RawDocument

BODY = [
    "3月2日，我县召开春耕生产工作会议，贯彻落实省市会议精神。县委书记李四主持会议并讲话。",
    "李四强调，要抓好春耕生产各项工作，确保粮食生产稳定。",
]
TITLE = "我县召开春耕生产工作会议"


def page(*lines: str) -> RawDocument:
    return RawDocument(id="t", text="\n".join(lines), path="t.txt", kind="text")


SCRAPED = page(
    "2022-07-26",  # the scrape date, above the headline
    "",
    TITLE,
    "  • 2022年03月03日 09时30分",
    "  • 来源: 某县人民政府网站",
    "  • 【字体:",
    *BODY,
    "    责任编辑: 王五",
    "    扫一扫在手机打开当前页",
    TITLE,
    "  • 2022年03月03日 09时30分",
    *BODY,  # the scraper repeated the whole body
    "主办单位:某县人民政府办公室",
    "  • 微信",
    "  • 微博",
    "    手机版 电脑版",
)


def test_repeated_body_is_kept_once():
    release = clean(SCRAPED)
    assert release.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "field,expected",
    [("title", TITLE), ("published", "2022-03-03T09:30"), ("source", "某县人民政府网站"), ("editor", "王五")],
)
def test_metadata_from_a_scraped_page(field, expected):
    assert getattr(clean(SCRAPED), field) == expected


def test_scrape_date_alone_is_not_the_publication_date():
    release = clean(page("2022-07-26", TITLE, *BODY))
    assert release.published is None
    assert release.title == TITLE


def test_event_date_in_body_is_not_the_publication_date():
    assert clean(page(*BODY)).published is None


def test_plain_editor_is_taken_but_not_a_video_editor():
    assert clean(page(*BODY, "编辑:赵六")).editor == "赵六"
    assert clean(page(*BODY, "(视频编辑:赵六 文字编辑:钱七)")).editor is None


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("新媒体编辑:赵六", None),  # another job's editor, as 视频编辑 is
        ("文字编辑:甲乙 新媒体编辑:丙丁 审核:戊己", None),
        ("来源:某某新闻网编辑:赵六", "赵六"),  # a field glued before a plain 编辑
        ("编辑: 赵六", "赵六"),
    ],
)
def test_only_a_plain_editor_is_the_editor(line, editor):
    assert clean(page(*BODY, line)).editor == editor


def test_responsible_editor_wins_over_plain_editor():
    assert clean(page(*BODY, "撰稿:甲乙 编辑:丙丁 责编:戊己 审核:庚辛")).editor == "戊己"


@pytest.mark.parametrize(
    "line,source",
    [
        ("发布时间:2018-07-19来源:某某新闻网编辑:郑某", "某某新闻网"),
        ("2017-08-14 20:29:04 [稿源:某某卫视] [作者:] [编辑:蒋某某]", "某某卫视"),
        ("时间:2021/12/3 21:04:59|本文来源:市人大常委会办公室 |作者:段某|点击数:", "市人大常委会办公室"),
        ("信息来源:", None),
    ],
)
def test_source_after_laiyuan(line, source):
    assert clean(page(TITLE, line, *BODY)).source == source


def test_a_headline_over_its_date_line_may_tell_the_story_in_other_words():
    # one word shared with the opening is enough right above the date line, not elsewhere
    lines = ("近日，县委书记王五看望慰问了困难群众，为他们送去慰问品。", "王五详细了解了他们的生活情况。")
    over = clean(page("春节前夕走访慰问，浓浓关怀最暖人心", "发布时间：2021-02-13", *lines))
    assert over.title == "春节前夕走访慰问，浓浓关怀最暖人心"
    assert over.published == "2021-02-13"
    apart = clean(page("春节前夕走访慰问，浓浓关怀最暖人心", "本站首页", "发布时间：2021-02-13", *lines))
    assert apart.title is None


def test_breadcrumbs_and_site_header_are_not_the_headline():
    release = clean(
        page(
            "某县互联网违法和不良信息举报受理方式",
            "举报电话:0000-1234567",
            "您的位置:",
            "首页 >> 本县头条",
            TITLE,
            "[ 作者:本站 | 发布时间:2021-12-22 | 浏览:2633次 ]",
            *BODY,
        )
    )
    assert release.title == TITLE
    assert release.published == "2021-12-22"


@pytest.mark.parametrize(
    "text,iso",
    [
        ("2020年01月26日 15时22分", "2020-01-26T15:22"),
        ("发布日期:2012-06-29", "2012-06-29"),
        ("2021/12/3 21:04:59", "2021-12-03T21:04"),
        ("04.05.2017 15:55", "2017-05-04T15:55"),
        ("2019年13月40日", None),
    ],
)
def test_find_datetime(text, iso):
    assert find_datetime(text) == iso


def test_full_width_digits_keep_offsets():
    assert len(normalise("２０２２年３月")) == len("２０２２年３月")


@given(
    st.lists(
        st.sampled_from([*BODY, "扫一扫在手机打开当前页", "", "  • 微信", "第三段，内容。"]), max_size=12
    )
)
def test_segments_map_body_back_to_the_original(lines):
    release = clean(page(*lines))
    for text_start, raw_start, length in release.segments:
        assert release.text[text_start : text_start + length] == release.raw[raw_start : raw_start + length]
    for offset, char in enumerate(release.text):
        raw = release.source_offset(offset)
        assert (raw is None and char == "\n") or release.raw[raw] == char


@pytest.mark.parametrize(
    "furniture",
    [
        ["  • 【字体:", "大", "中", "小", "】"],  # font-size widget
        ["扫一扫在手机打开当前页"],  # QR prompt
        ["主办单位:某县人民政府办公室", "运行维护单位:某某电信公司", "网站标识码:5100000001"],  # footer
        ["  • 微信", "  • 微博", "  • 客户端", "  • 头条号", "手机版 电脑版"],  # share row
        ["|", "|"],  # forum-table pipes
        ["您的位置:首页 >> 新闻中心 >> 本县要闻"],  # breadcrumbs
        ["[打印] [关闭]", "[责任编辑: ]"],  # print row and an empty editor
        ["版权所有:某县人民政府 备案号:蜀ICP备00000000号"],  # copyright line
        ["写留言", "阅读原文"],  # WeChat export
        # a reprinting site's notice, a comment box, a prompt to like: sentences of the page
        ["本文系本站转载，文章版权归原作者所有，转载目的在于传递更多信息，并不代表本站赞同其观点。"],
        ["以上文章仅代表作者个人观点，本网只是转载，如涉及版权问题，请联系我们。"],
        ["凡本报记者署名文字，版权均属某某晚报社所有。任何媒体未经授权不得转载。"],
        ["评论一下", "还没有评论，快来抢沙发吧！", "最热评论"],
        ["文章不错，点个赞再走呗！", "转载是一种动力 分享是一种美德"],
    ],
)
def test_furniture_is_dropped(furniture):
    release = clean(page(TITLE, *furniture, *BODY, *furniture))
    assert release.text == "\n".join(BODY)


def test_headline_and_body_on_one_line_are_split():
    release = clean(page(f"{TITLE} 2022-03-03 09:34 {BODY[0]}", BODY[1]))
    assert release.title == TITLE
    assert release.published == "2022-03-03T09:34"
    assert release.text.startswith("3月2日")


def test_photo_caption_is_not_the_headline():
    release = clean(page("(图为县委书记李四在田间察看苗情)", *BODY))
    assert release.title is None


def test_traditional_labels():
    release = clean(
        page(TITLE, "2024-05-30 08:17:56   來源:某某市人大常委會", *BODY, "總值班: 甲乙 編輯: 丙丁")
    )
    assert (release.source, release.editor, release.published) == (
        "某某市人大常委會",
        "丙丁",
        "2024-05-30T08:17",
    )


@pytest.mark.parametrize(
    ("lines", "published", "source"),
    [
        # 发表日期 / 发表于: a publication date as a forum, a blog or an old site labels it,
        # above the headline or below it
        (["发表日期:2011年7月26日 出处:某某日报 编辑:long", TITLE], "2011-07-26", "某某日报"),
        ([TITLE, "某网友 发表于 2024-2-20 10:17:51|来自: | 显示全部楼层"], "2024-02-20T10:17", None),
        # 发表于 with a colon, above the headline (a forum's thread)
        (["只看楼主 倒序阅读 0 发表于: 1998-04-27", TITLE], "1998-04-27", None),
        # a time in brackets after the date
        ([TITLE, "2011-03-18 (18:43) |"], "2011-03-18T18:43", None),
        # a reprint notice quotes the source to give; the page's own is none
        ([TITLE, "本网文章未经授权不得转载，已授权的须注明“来源:某某新闻网”。"], None, None),
        # a count glued to the source is no part of it
        ([TITLE, "2022-03-03 来源:某某融媒评论0"], "2022-03-03", "某某融媒"),
        ([TITLE, "2022-03-03 来源:某某日报阅读 12"], "2022-03-03", "某某日报"),
        # controls: a body sentence that tells when something was published dates no release
        ([TITLE], None, None),
    ],
)
def test_more_ways_of_labelling_the_date_and_the_source(lines, published, source):
    body = [*BODY, "该文章发表于2019年3月5日的某某杂志上。"] if not lines[1:] else BODY
    release = clean(page(*lines, *body))
    assert (release.published, release.source) == (published, source)


@pytest.mark.parametrize(
    ("line", "published"),
    [
        # a date line under the headline that names the outlets that carried the page
        ("2005年04月13日06:56 某川新闻网-某都日报", "2005-04-13T06:56"),
        ("2020-01-26 15:22 某某日报 | 某某客户端", "2020-01-26T15:22"),
        # control: a line that opens with a date and tells news is body, no date line
        ("2020年3月5日 某村成立合作社", None),
    ],
)
def test_a_date_line_that_names_its_outlets(line, published):
    assert clean(page(TITLE, line, *BODY)).published == published


def test_html_page_is_reduced_to_its_article():
    from govkg.extract.html import html_to_text

    markup = (
        "<html><head><title>无关</title></head><body><div class='nav'>首页 | 新闻 | 政务</div>"
        f"<div class='newst'>{TITLE}</div><div class='newsd'>发稿时间：2022/3/3</div>"
        f"<div id='content'><p>{BODY[0]}</p><p>{BODY[1]}</p></div>"
        "<div class='foot'>网站地图 | 联系我们 | 版权所有</div></body></html>"
    )
    page_text = html_to_text(markup)
    document = RawDocument(id="h", text=page_text.text, path="h.html", kind="html", title=page_text.title)
    release = clean(document)
    assert release.title == TITLE
    assert release.published == "2022-03-03"
    assert release.text == "\n".join(BODY)


def record(*paragraphs: str, title: str = "某某会见客人") -> RawDocument:
    from govkg.extract.html import fragment_to_text

    content = "".join(f"<p>\u3000\u3000{p}</p>\r\n" for p in paragraphs)
    return RawDocument(id="r", text=fragment_to_text(content), path="r.json", kind="record", title=title)


@pytest.mark.parametrize(
    "closing",
    ["甲乙、丙丁参加会见。", "戊己、庚辛陪同考察。", "甲乙参加。", "丙丁、戊己参加调研。"],
)
def test_a_record_keeps_its_short_closing_paragraph(closing):
    assert clean(record(*BODY, closing)).text.endswith(closing)


@pytest.mark.parametrize("closing", ["甲乙、丙丁参加会见。", "戊己陪同。"])
def test_a_page_keeps_the_short_sentence_that_closes_its_article(closing):
    release = clean(
        page(TITLE, "2022年03月03日 09时30分", *BODY, closing, "责任编辑: 王五", "扫一扫在手机打开当前页")
    )
    assert release.text == "\n".join([*BODY, closing])
    assert release.editor == "王五"


def test_a_credit_that_ends_a_paragraph_is_cut_off_it_not_the_paragraph():
    release = clean(record(*BODY, "丙丁说，双方愿意加强合作。(视频编辑：甲乙 文字编辑：戊己)"))
    assert release.text.endswith("丙丁说，双方愿意加强合作。")
    assert "编辑" not in release.text


@pytest.mark.parametrize(
    ("headline", "title"),
    [
        # markers before the headline, one or several
        (f"[图]【聚焦2024某县“两会”】{TITLE}", TITLE),
        (f"简讯 | {TITLE}", TITLE),
        # a page's <title>: the headline, then the site and its channels
        (f"{TITLE} —— 某某党媒云| 社区频道", TITLE),
        (f"{TITLE}_某某新闻网", TITLE),
        # controls: a headline's own second part stays
        ("春耕正当时——记我县春耕生产工作会议", "春耕正当时——记我县春耕生产工作会议"),
        (f"{TITLE} - 部署全县春耕生产", f"{TITLE} - 部署全县春耕生产"),
    ],
)
def test_the_headline_is_written_without_the_sites_markers(headline, title):
    assert clean(page(headline, "发布时间：2022-03-03", *BODY)).title == title


def test_a_photo_credit_glued_to_a_paragraph_longer_than_a_caption_is_cut_off_it():
    paragraph = "会议还听取了各乡镇的汇报。会议要求抓好落实。会议部署了下一阶段工作。"
    release = clean(page(TITLE, "发布时间：2022-03-03", *BODY, f"{paragraph} 记者 甲乙 摄"))
    assert release.text == "\n".join([*BODY, paragraph])
    # a caption of one sentence that a credit ends is dropped whole
    caption = "3月2日，县委书记李四在会上讲话。 某某社发 甲乙 摄"
    assert clean(page(TITLE, "发布时间：2022-03-03", caption, *BODY)).text == "\n".join(BODY)


def test_a_record_repeating_its_headline_drops_it_by_name():
    release = clean(record("[视频]某某会见客人", *BODY, title="[视频]某某会见客人"))
    assert release.text == "\n".join(BODY)


@pytest.mark.parametrize(
    "line,rule",
    [
        ("扫一扫在手机打开当前页", "qr-prompt"),
        ("您的位置:首页 >> 新闻中心", "breadcrumb-label"),
        ("(视频编辑：甲乙 文字编辑：丙丁)", "metadata"),
        ("(图为县委书记李四在田间察看苗情)", "caption"),
        # a paragraph that ends in a photo's credit, and a credit alone, are a photo's caption
        ("6月8日，副市长甲乙在某园区会见了客商丙丁。 某某社发 戊己 摄", "caption"),
        ("图为甲乙在项目工地督导。某某社记者丙丁摄", "caption"),
        ("记者 甲乙 通讯员 丙丁 摄", "caption"),
        # controls: a sentence of taking pictures, a sentence that ends with 摄 in a word
        ("村民们纷纷拿出手机拍摄。", None),
        ("他们请人现场拍摄", None),
        ("甲乙、丙丁参加会见。", None),
        ("肖某参加。", None),
    ],
)
def test_drop_rule_names_the_rule(line, rule):
    assert drop_rule(line) == rule


def _corpus() -> Path | None:
    """The shared release corpus: $GOVKG_CORPUS, else ``../shared/corpus`` beside the clone."""
    for candidate in (os.environ.get("GOVKG_CORPUS"), Path(__file__).parents[2].parent / "shared" / "corpus"):
        if candidate and (Path(candidate) / "releases").is_dir():
            return Path(candidate) / "releases"
    return None


def _source_paragraphs(path: Path) -> tuple[str | None, list[str]]:
    """A source file's headline and body paragraphs, read without the cleaner:
    a JSON record's ``content`` paragraphs, an HTML page's ``<p>`` text."""
    import json

    import lxml.html

    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        data = data[0] if isinstance(data, list) else data
        root = lxml.html.fragment_fromstring(data["content"], create_parent="div")
        title = data.get("title")
    else:
        root = lxml.html.document_fromstring(path.read_bytes())
        title = None
    paragraphs = [p.text_content() for p in root.iter("p")]
    return title, [p for p in paragraphs if p.strip()]


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", normalise(text))


def test_every_source_paragraph_is_kept_or_dropped_by_a_named_rule():
    """On the shared corpus: what the release leaves out of a JSON record's or an
    HTML page's paragraph is matched by a named rule, never lost silently."""
    releases = _corpus()
    if releases is None:
        pytest.skip("the shared corpus is not beside the clone (../shared/corpus) and $GOVKG_CORPUS is unset")
    from govkg.extract.reading import read_documents

    lost = []
    paths = sorted([*releases.glob("*.json"), *releases.glob("*.htm*")])
    for path in paths:
        title, paragraphs = _source_paragraphs(path)
        release = clean(read_documents(path)[0])
        kept = [_squeeze(line) for line in release.text.split("\n")]
        for paragraph in paragraphs:
            residue = _squeeze(paragraph)
            for line in kept:
                if line and line in residue:
                    residue = residue.replace(line, "", 1)
            if residue and drop_rule(residue, title) is None:
                lost.append((path.name, residue))
    assert paths
    assert lost == []


_CLOSING = re.compile(r"^[\u4e00-\u9fff、]{2,30}?(?:参加|陪同)[\u4e00-\u9fff]{0,6}。$")


def test_the_people_of_a_records_closing_paragraph_have_roles():
    """On the shared corpus: a news record that closes with its companions
    (刘鹤、王毅参加会见。) keeps that paragraph, and each person in it takes part
    in an event of the release."""
    releases = _corpus()
    if releases is None:
        pytest.skip("the shared corpus is not beside the clone (../shared/corpus) and $GOVKG_CORPUS is unset")
    from govkg.extract.pipeline import extract, read_releases

    checked, missing = 0, []
    for path in sorted(releases.glob("*.json")):
        _, paragraphs = _source_paragraphs(path)
        closing = _squeeze(paragraphs[-1]) if paragraphs else ""
        if not _CLOSING.match(closing):
            continue
        (release,), _ = read_releases(path)
        extraction = extract(release)
        assert release.text.endswith(closing), path.name
        named = [p.key for p in extraction.persons if p.name in closing]
        roles = {part.person for event in extraction.events for part in event.participations}
        missing += [(path.name, key) for key in named if key not in roles]
        checked += bool(named)
    assert checked
    assert missing == []


@pytest.mark.parametrize(
    "line,url",
    [
        (
            "本文链接：https://www.example.cn/news/2021/03/04/123.html",
            "https://www.example.cn/news/2021/03/04/123.html",
        ),
        (
            "原文地址: http://example.gov.cn/art/2021/3/4/art_9.html",
            "http://example.gov.cn/art/2021/3/4/art_9.html",
        ),
        (
            "[查看原文](https://tv.example.cn/2021/03/04/VIDE1.shtml)",
            "https://tv.example.cn/2021/03/04/VIDE1.shtml",
        ),
        ("更多信息请访问https://www.example.cn/more.html", None),  # an address, not the page's own
    ],
)
def test_the_page_address_a_scraped_copy_keeps_is_its_url(line, url):
    release = clean(page(TITLE, *BODY, line))
    assert release.url == url
    assert "http" not in release.text or url is None


@given(st.text(alphabet=st.sampled_from("巴中市龘一鿿〇、，。 a1\n\u4dff\ua000"), max_size=30))
def test_chinese_characters_are_counted_by_code_point(text):
    from govkg.extract.cleaning import _cjk_count

    assert _cjk_count(text) == sum("\u4e00" <= c <= "\u9fff" for c in text)


_HEADLINE_CHARS = st.sampled_from("巴中市召开会议工作部署 1，。")


@given(
    st.lists(st.text(alphabet=_HEADLINE_CHARS, max_size=12), min_size=1, max_size=4),
    st.text(alphabet=_HEADLINE_CHARS, max_size=420),
)
def test_the_headline_shares_most_bigrams_with_the_opening_400_characters(lines, body):
    # each line's bigrams found in the opening, counted as the set of the opening's bigrams would
    from govkg.extract.cleaning import _bigrams, _Line, _pick_title

    candidates = [_Line(10 * n, text) for n, text in enumerate(lines)]
    opening = _bigrams(body[:400])
    best, best_score = None, 0.0
    for rank, line in enumerate(reversed(candidates)):
        shared = len(_bigrams(line.text) & opening)
        if shared >= 2 and shared - 0.5 * rank > best_score:
            best, best_score = line, shared - 0.5 * rank
    assert _pick_title(candidates, body, None) == best


# A headline long enough to pass for running text (it lists names with 、), above its date line.
LONG_TITLE = "某市经贸考察团来我省考察 张三、李四、王五与赵六一行座谈交流"
VISIT = [
    "5月8日至9日，由某市市长赵六带队的某市经贸考察团一行来我省考察。",
    "其间，省委书记张三，省长李四，副省长王五与考察团成员座谈交流。",
]


@pytest.mark.parametrize(
    "field,expected",
    [("title", LONG_TITLE), ("published", "2021-05-09T10:12"), ("text", "\n".join(VISIT))],
)
def test_a_long_headline_over_its_date_line_is_the_headline_not_the_body(field, expected):
    release = clean(page(LONG_TITLE, "", "2021-05-09 10:12:30 [来源:某省电视台] [编辑:甲乙]", "", *VISIT))
    assert getattr(release, field) == expected


# Headlines that cry out or ask, short, above their date lines; and running text of the same
# marks, too long for a headline.
SIGNINGS = ["7月9日，某县第三季度招商项目集中签约仪式举行。县委书记张三出席签约仪式。"]


@pytest.mark.parametrize(
    "headline",
    ["总投资百亿元！某县十个项目集中签约", "某县招商项目集中签约?总投资百亿元", "某县十个项目集中签约！"],
)
def test_a_headline_with_an_exclamation_over_its_date_line_is_the_headline(headline):
    release = clean(page(headline, "发布时间:2021-07-10 11:17 点击次数:", "", *SIGNINGS))
    assert (release.title, release.published) == (headline, "2021-07-10T11:17")
    assert release.text == SIGNINGS[0]


@pytest.mark.parametrize(
    "opening",
    [
        "同志们！某县第三季度招商项目集中签约仪式今天举行，县委书记张三出席签约仪式并讲话，县长李四主持",
        "某县十个项目集中签约，总投资百亿元。",
    ],
)
def test_running_text_over_a_date_line_stays_body(opening):
    release = clean(page(opening, "发布时间:2021-07-10 11:17", "", *SIGNINGS))
    assert release.title != opening
    assert release.text.startswith(opening)


def test_a_first_body_line_with_no_date_line_under_it_stays_body():
    # running text that ends no sentence, with no date line after it: still the body
    opening = "某市经贸考察团来我省考察，张三、李四、王五与赵六一行座谈交流，共商合作事宜"
    release = clean(page(opening, *VISIT))
    assert release.title is None
    assert release.text.startswith(opening)
