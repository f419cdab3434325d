"""Every date of a release: the publication date beside the article, and the dates in its text.

:func:`find_datetime` reads the date (and time) a page or record gives for its
publication (2020年01月26日 15时22分, 2020-01-26 15:22, 04.05.2017); that is
the clock. :func:`find_dates` reads the dates of the text: absolute, partial and
relative, resolved against the clock.

The clock is the release's publication date (``Release.published_date``). A
date that does not state its year (1月25日, 25日, 昨天) is resolved against it;
without a clock such a date stays unresolved (None). Nothing here reads the
system time.

Partial dates take the latest reading that is not far in the future of the
clock: releases report what happened and announce what is about to, so
``12月30日`` in a release of 2021-01-03 is 2020-12-30, ``3月8日`` in a release
of 2012-09-11 is 2012-03-08, and ``2月5日`` in a release of 2021-01-20 is
2021-02-05. A range (12号到14号, 3月12日至14日) is resolved to its first day.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

from govkg.extract.data import alternation, load_table
from govkg.extract.records import Release, Span
from govkg.extract.regex import quick_start

# How far ahead of the clock a partial date may fall and still be read in the
# clock's year (or month, for a bare day): announcements of coming events.
YEAR_LOOKAHEAD = timedelta(days=60)
MONTH_LOOKAHEAD = timedelta(days=10)

_CN_DIGITS = {"〇": 0, "零": 0, "○": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
# 廿 and 卅 are twenty and thirty (廿五日, 卅一日).
_CN_TENS = {"廿": 20, "卅": 30}
_CN = "〇零○一二三四五六七八九十廿卅"
_NUM = rf"[0-9]{{1,2}}|[{_CN}]{{1,3}}"
# 元月 is the first month.
_MONTH = rf"{_NUM}|元"
_YEAR = rf"[0-9]{{4}}|[{_CN}]{{4}}"
# A day of the month in Chinese numerals standing alone (二十五日, 十八日, 廿三日): not 一日
# or 十日 (一日三餐, 十日内), which are more often counts of days.
_CN_DAY = r"(?:[二三]十[一二三四五六七八九]?|十[一二三四五六七八九]|[廿卅][一二三四五六七八九]?)"
_DAY_MARK = "[日号號]"
# A day of a lunar month after its tenth (十六, 二十八, 廿三, 三十).
_LUNAR_DAY = "十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十"
# A count of days (两天后, 第三天): up to ninety-nine.
_COUNT = "[一二两三四五六七八九十]{1,3}"
# 3月5日至7日, 5—7日, 5－7日 (a full-width minus), and two days listed as one span: 9、10日.
_RANGE = r"\s*[-—–―‐‑－﹣~～〜至到、]\s*"
# The last day of a range: 至28日, 至二十八日.
_RANGE_END = rf"(?:(?P<m2>[0-9]{{1,2}}|[{_CN}]{{1,2}})\s*月\s*)?(?P<d2>{_NUM})\s*{_DAY_MARK}"


@dataclass(frozen=True)
class DateMention:
    """A date written in the text: its span and its ISO reading (None if unresolved).

    A range (3月8日至11日) reads as its first day; ``until`` is its last.
    ``bound`` marks a date that bounds a period (截至3月5日, 3月5日以来, 自1日起)
    rather than giving the day of a happening.  ``anchored`` marks a day
    counted from another date (次日, 当天) rather than written out.
    """

    span: Span
    text: str
    iso: str | None
    until: str | None = None
    bound: bool = False
    anchored: bool = False  # counted from another date (次日, 当天), not written out
    # The month (None if not written) and day the text writes (3月5日: (3, 5); 22日至24日:
    # (None, 22)); None for a word (昨天, 星期三). Without a clock a date stays unresolved,
    # yet two written days still tell two happenings apart.
    written: tuple[int | None, int] | None = None


def cn_number(text: str) -> int | None:
    """An Arabic or Chinese numeral of a date as an int.

    >>> cn_number("25"), cn_number("二十五"), cn_number("十二"), cn_number("二〇二〇"), cn_number("十")
    (25, 25, 12, 2020, 10)
    >>> cn_number("廿三"), cn_number("卅一"), cn_number("元")
    (23, 31, 1)
    """
    text = text.strip()
    if text.isdigit():
        return int(text)
    if text == "元":  # 元月
        return 1
    if text[:1] in _CN_TENS:
        units = _CN_DIGITS.get(text[1:], -100) if text[1:] else 0
        value = _CN_TENS[text[0]] + units
        return value if value > 0 else None
    if "十" in text:
        tens, _, units = text.partition("十")
        high = _CN_DIGITS.get(tens, -100) if tens else 1
        low = _CN_DIGITS.get(units, -100) if units else 0
        value = high * 10 + low
        return value if value > 0 else None
    digits = [_CN_DIGITS.get(c) for c in text]
    if not digits or None in digits:
        return None
    return int("".join(map(str, digits)))


@cache
def _offsets(table: str) -> dict[str, int]:
    """A table of words and the offset each stands for (days, weeks, months or years)."""
    return {word: int(offset) for word, offset in load_table(table)}


def same_day_words() -> tuple[str, ...]:
    """The words that name the very day just given (当天, 当日: offset 0 in ``anchor_words.tsv``).

    >>> same_day_words()[:3]
    ('当天', '当日', '同日')
    """
    return tuple(word for word, shift in _offsets("anchor_words.tsv").items() if shift == 0)


def day_part_words() -> tuple[str, ...]:
    """The parts of a day (``day_parts.tsv``): 上午, 下午, 凌晨 ...

    >>> day_part_words()[:3]
    ('上午', '下午', '中午')
    """
    return tuple(row[0] for row in load_table("day_parts.tsv"))


# What else makes a holiday the day of a happening: 除夕夜, 国庆节上午 (春节当天: a same-day
# word; or a part of a day).
_HOLIDAY_DAY = tuple("这天 这一天 那天 一早 之夜 夜".split())


@lru_cache(maxsize=1)
def _holiday_words() -> dict[str, str]:
    return dict(load_table("holiday_words.tsv"))


@lru_cache(maxsize=1)
def _holiday_dates() -> dict[str, tuple[date, ...]]:
    found: dict[str, list[date]] = {}
    for name, day in load_table("holiday_dates.tsv"):
        found.setdefault(name, []).append(date.fromisoformat(day))
    return {name: tuple(sorted(days)) for name, days in found.items()}


def resolve_holiday(
    word: str, clock: date | None, year: int | None = None, ahead: bool = True
) -> date | None:
    """The day a holiday (holiday_words.tsv) fell on: the latest not far after the clock.

    ``ahead=False``: the latest on or before the clock (a holiday told of as gone).

    With ``year`` (今年春节, 去年国庆节), the one in that year. Lunar holidays
    are read from holiday_dates.tsv (1990-2060).

    >>> resolve_holiday("春节", date(2020, 2, 3)), resolve_holiday("除夕", date(2021, 2, 20))
    (datetime.date(2020, 1, 25), datetime.date(2021, 2, 11))
    >>> resolve_holiday("国庆节", date(2021, 10, 3)), resolve_holiday("中秋节", None, 2020)
    (datetime.date(2021, 10, 1), datetime.date(2020, 10, 1))
    """
    holiday = _holiday_words().get(word)
    if holiday is None or (clock is None and year is None):
        return None
    lookahead = YEAR_LOOKAHEAD if ahead else timedelta(0)
    if holiday[:2].isdigit():
        month, day = int(holiday[:2]), int(holiday[3:])
        if year is not None:
            return _valid(year, month, day)
        if ahead:
            return resolve_month_day(month, day, clock)
        days = tuple(d for y in (clock.year - 1, clock.year) if (d := _valid(y, month, day)))
    else:
        days = _holiday_dates().get(holiday, ())
        if year is not None:
            return next((d for d in days if d.year == year), None)
    return next((d for d in reversed(days) if d <= clock + lookahead), None)


@lru_cache(maxsize=1)
def _lunar_months() -> dict[tuple[int, str], tuple[date, int]]:
    return {
        (int(year), month): (date.fromisoformat(first), int(days))
        for year, month, first, days in load_table("lunar_months.tsv")
    }


def resolve_lunar_day(
    month: str, day: int, clock: date | None, year: int | None = None, ahead: bool = True
) -> date | None:
    """A day of a lunar month (``"5"``, leap ``"闰4"``): the latest not far after the clock.

    ``ahead=False``: the latest on or before the clock. With ``year``, the one
    in that lunar year. The months are read from lunar_months.tsv (1990-2060);
    a day past the month's length (三十 of a month of 29 days) is no day.

    >>> resolve_lunar_day("5", 5, date(2020, 7, 1)), resolve_lunar_day("闰4", 17, None, 2020)
    (datetime.date(2020, 6, 25), datetime.date(2020, 6, 8))
    """
    if clock is None and year is None:
        return None
    lookahead = YEAR_LOOKAHEAD if ahead else timedelta(0)
    for lunar_year in (year,) if year is not None else (clock.year + 1, clock.year, clock.year - 1):
        found = _lunar_months().get((lunar_year, month))
        if found is None:
            continue
        first, days = found
        reading = first + timedelta(days=day - 1)
        if year is not None or reading <= clock + lookahead:
            return reading if 1 <= day <= days else None
    return None


@lru_cache(maxsize=1)
def _bound_patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """Words before and after a date that make it the bound of a period (date_bounds.tsv)."""
    sides: dict[str, list[str]] = {"before": [], "after": [], "opens": [], "closes": []}
    for word, side in load_table("date_bounds.tsv"):
        sides[side].append(word)
    # 3月5日前往, 前夕, 前来: verbs and words of their own, not 前 "before".
    return (
        re.compile(rf"(?:{alternation(sides['before'])})\s*$"),
        re.compile(rf"\s*(?:{alternation(sides['after'])})(?![往夕来去进行半])"),
        re.compile(rf"(?:{alternation(sides['opens'])})\s*$"),
        re.compile(rf"\s*(?:{alternation(sides['closes'])})"),
    )


_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    days = alternation(_offsets("date_words.tsv"))
    years = alternation(_offsets("year_words.tsv"))
    # a holiday's or a lunar day's year: a word (今年) or written (2020年, 二〇二〇年); a year
    # written before one said of one day or before a lunar day is read back from the match
    # (_year_before), as a pattern that tried it would try it at every figure of the text
    any_year = rf"{years}|(?:{_YEAR})\s*年\s*"
    weeks = alternation(_offsets("week_words.tsv"))
    months = alternation(_offsets("month_words.tsv"))
    anchored = alternation(_offsets("anchor_words.tsv"))
    holidays = alternation(_holiday_words())
    holiday_day = alternation([*same_day_words(), *day_part_words(), *_HOLIDAY_DAY])
    day_parts = alternation(day_part_words())
    return quick_start(
        # 2020年1月25日, 今年1月25日, 1月25日, 元月5日, with an optional range end (至28日).
        rf"(?:(?P<y>{_YEAR})\s*年\s*|(?P<ry>{years}))?"
        # A month in digits may follow a Chinese numeral (李小三6月8日, 周四6月8日); one in Chinese
        # numerals may not (二〇二〇 is no month).
        rf"(?P<m>(?<![0-9])[0-9]{{1,2}}|(?<![0-9{_CN}])(?:[{_CN}]{{1,3}}|元))\s*月\s*(?P<d>{_NUM})\s*(?:{_DAY_MARK}|(?={_RANGE}[0-9{_CN}]))"
        rf"(?:{_RANGE}{_RANGE_END})?"
        # 本月25日, 上个月30日: a day in a month counted from the clock's.
        rf"|(?P<rm>{months})\s*(?P<md>{_NUM})\s*{_DAY_MARK}"
        # A bare day in Arabic digits, not a number (第3号, 1号线, 5号文件).
        rf"|(?<![0-9第.月年])(?P<bd>[0-9]{{1,2}})\s*"
        rf"(?:{_DAY_MARK}(?:{_RANGE}(?P<bd2>[0-9]{{1,2}})\s*{_DAY_MARK})?|{_RANGE}(?P<bd3>[0-9]{{1,2}})\s*{_DAY_MARK})"
        # Nor one a number follows (3号10栋), unless it is the hour (9日17时许, 9日8:30).
        rf"(?!(?![0-9]{{1,2}}\s*[时点:：])[0-9线楼文令院馆台车机门码病字])"
        # 2021-06-09, 2021/6/9, 2021.6.9: a date written in figures, as forms and tables write it.
        rf"|(?<![0-9.])(?P<ny>(?:19|20)[0-9]{{2}})(?P<ns>[-/.])(?P<nm>[01]?[0-9])(?P=ns)(?P<nd>[0-3]?[0-9])"
        rf"(?![0-9]|\.[0-9])"
        # …or in Chinese numerals (二十五日), not a count of days (二十日内).
        # A day from 一 to 十 is a date only with the part of the day it names (九日上午), not
        # a count (一日三餐, 三日内).
        rf"|(?<![{_CN}第月年])(?P<cd>{_CN_DAY}|[一二三四五六七八九十](?=日\s*(?:{day_parts})))日(?![内以之前后左余多])"
        # 昨（9）日, 今（10）日上午: a newspaper's day, the word for it and its day of the month.
        rf"|[昨今前明]\s*[（(]\s*(?P<pd>[0-9]{{1,2}}|{_CN_DAY}|[一二三四五六七八九十])\s*[)）]\s*日"
        rf"|(?P<rel>{days})"
        # 次日, 当天: a day counted from the date the text has just given.
        rf"|(?P<anc>{anchored})"
        # 两天后, 3天之后, 第三天: so many days from the date the text has just given (第二天 is
        # the day after it, so 第三天 two days after). Not 3日后, which is after the third of a
        # month, nor 前两天, the days before, nor 第十八日, the count of a long campaign's days.
        rf"|(?<![0-9{_CN}前])(?:(?P<cnt>[0-9]{{1,2}})\s*天|(?P<cnt2>{_COUNT})\s*[天日])\s*(?:之后|以后|后)"
        rf"|第(?P<nth>[3-9]|[三四五六七八九])\s*天"
        # 除夕夜, 国庆节当天, 今年春节上午: a holiday said of one day; or one that opens a
        # clause (春节，…; 在教师节这个特殊的日子里，…); not 春节前夕, 春节期间, 迎国庆，.
        rf"|(?P<hy>{years})?(?P<hol>{holidays})(?=\s*(?:{holiday_day}))"
        rf"|(?<![^，,。；;：:\s在])(?P<hy2>{any_year})?(?P<hol2>{holidays})"
        rf"(?=\s*[，,]|(?:这个|这一)[^，,。；;]{{0,12}}?(?:节日|日子|天)里?\s*[，,])"
        # 正月初八, 大年初三, 正月十六: days of the first lunar month, counted from 春节; 腊月二十八,
        # 腊月初十: days of the last, counted from 腊八 (腊月初八), as the month's length is not
        # known.
        rf"|(?P<ly>{years})?(?:(?:正月|大年)初(?P<lx>[二三四五六七八九十])|正月(?P<lx2>{_LUNAR_DAY})"
        rf"|腊月(?P<lz>初[一二三四五六七八九十]|{_LUNAR_DAY}))"
        # 农历五月初五, 农历闰四月十七, 五月初五, 冬月初八: a day of another lunar month, read
        # from the table of the months' first days. Without 农历, only a day written 初X (五月十五
        # may be a day of ours written without 日).
        rf"|(?P<luy>{years})?(?:农历\s*(?P<lul>闰)?(?P<lum>十[一二]|[一二三四五六七八九十冬])月"
        rf"|(?<![0-9{_CN}])(?P<lul2>闰)?(?P<lum2>十[一二]|[二三四五六七八九十冬])月(?=初))"
        rf"(?P<lud>初[一二三四五六七八九十]|{_LUNAR_DAY})(?![日号])"
        # 星期三, 周三, 上周五: a day of the week, in the clock's week unless 上 / 下 shifts it.
        # Not one written before the date it is the day of (周四6月8日).
        rf"|(?P<wk>{weeks})?(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])(?![年岁])(?!\s*[，,]?\s*[0-9]{{1,2}}\s*月)"
    )


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def resolve_month_day(month: int, day: int, clock: date | None) -> date | None:
    """A month and day without a year: the latest reading not far after the clock.

    >>> resolve_month_day(12, 30, date(2021, 1, 3)), resolve_month_day(1, 25, date(2020, 1, 26))
    (datetime.date(2020, 12, 30), datetime.date(2020, 1, 25))
    """
    if clock is None:
        return None
    readings = [_valid(clock.year + k, month, day) for k in (1, 0, -1)]
    for reading in readings:
        if reading is not None and reading <= clock + YEAR_LOOKAHEAD:
            return reading
    return None


def resolve_day(day: int, clock: date | None) -> date | None:
    """A bare day of the month: in the clock's month, or the last month that has it.

    >>> resolve_day(25, date(2020, 1, 26)), resolve_day(30, date(2021, 1, 3))
    (datetime.date(2020, 1, 25), datetime.date(2020, 12, 30))
    """
    if clock is None or not 1 <= day <= 31:
        return None
    this_month = date(clock.year, clock.month, 1)
    previous_month = (this_month - timedelta(days=1)).replace(day=1)
    next_month = (this_month + timedelta(days=32)).replace(day=1)
    before_previous = (previous_month - timedelta(days=1)).replace(day=1)
    for first in (next_month, this_month, previous_month, before_previous):
        reading = _valid(first.year, first.month, day)
        if reading is not None and reading <= clock + MONTH_LOOKAHEAD:
            return reading
    return None


# The day in a page's address, as sites write it: …/2025/01/10/…, …/2020-01/26/…, …/202001/26/…,
# …/t20200126_123.html, …/20200126/….
_URL_DAY = re.compile(
    r"/((?:19|20)[0-9]{2})(?:/([01]?[0-9])/|-([01][0-9])/|([01][0-9])/)([0-3]?[0-9])(?=[/_.])"
    r"|/t?((?:19|20)[0-9]{2})([01][0-9])([0-3][0-9])(?=[/_.])"
)


def url_day(url: str | None) -> str | None:
    """The day a page's address gives (``YYYY-MM-DD``), or None.

    >>> url_day("https://tv.cctv.com/2025/01/10/VIDEabc.shtml"), url_day("http://x.gov.cn/art/2020/1/6/art_1.html")
    ('2025-01-10', '2020-01-06')
    >>> url_day("http://x.gov.cn/zwgk/202001/t20200126_123.html"), url_day("http://x.cn/2020-01/26/c_1.htm")
    ('2020-01-26', '2020-01-26')
    >>> url_day("http://x.cn/a/2020/13/45/1.html"), url_day("http://x.cn/news/123456.html"), url_day(None)
    (None, None, None)
    """
    for match in _URL_DAY.finditer(url or ""):
        numbers = [int(g) for g in match.groups() if g]
        day = _valid(*numbers)
        if day is not None:
            return day.isoformat()
    return None


def release_clock(release: Release) -> str | None:
    """The day a release's relative and partial dates are read against: its publication date,
    else the day its page's address gives (a scraped copy that lost its date line but kept its
    link). Neither is the other: the address's day is no publication date of the release. A
    wire dispatch's dateline (新华社北京3月5日电) gives the day its 今天 and 昨天 are told on,
    which may be before the page's day: that day, if it is the week before the clock.

    >>> page = "http://x.cn/2019/12/01/a.html"
    >>> dated, undated = Release("a", "", published="2020-01-26T15:22", url=page), Release("b", "", url=page)
    >>> release_clock(dated), release_clock(undated)
    ('2020-01-26', '2019-12-01')
    >>> release_clock(Release("c", "新华社北京1月25日电 国务院总理甲今天…", published="2020-01-26"))
    '2020-01-25'
    >>> release_clock(Release("d", "新华社北京四月二十六日电 副总理甲今天…", published="1998-04-27"))
    '1998-04-26'
    """
    clock = release.published_date or url_day(release.url)
    dispatch = _DISPATCH.match(release.text[:80])
    today = parse_clock(clock)
    if dispatch is None or today is None:
        return clock
    month, day_of_month = cn_number(dispatch["m"]), cn_number(dispatch["d"])
    if month is None or day_of_month is None:
        return clock
    for year in (today.year, today.year - 1):
        day = _valid(year, month, day_of_month)
        if day is not None and 0 <= (today - day).days <= 7:
            return day.isoformat()
    return clock


# A wire dispatch's dateline: an agency or a paper, where it was filed, the day, 电 or 讯 (新华社北京3月5日电,
# 中新网3月5日电, 人民网华盛顿3月4日电, 本报北京3月5日电, 某某网3月5日讯, 某某网3月5日某市讯; traditional
# forms too; the day in Chinese numerals, 新华社北京四月二十六日电), not 讯 of no day (本报讯).
_DISPATCH = re.compile(
    r"\s*[【\[]?[^\s，,。：:；;0-9]{1,16}?(?:社|网|網|报|報|台|臺)[^\s，,。：:；;0-9]{0,12}?"
    r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*日"
    r"(?:[^\s，,。：:；;0-9（(]{1,8}?)?\s*[电電讯訊]"
)


def parse_clock(published: str | None) -> date | None:
    """The clock from an ISO publication date or date-time; None without one."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def find_dates(
    text: str,
    clock: str | None,
    offset: int = 0,
    year: int | None = None,
    anchor: str | None = None,
    anchor_range: bool = False,
    subjects: frozenset[int] = frozenset(),
    month: tuple[int, int] | None = None,
) -> Iterator[DateMention]:
    """Every date written in ``text``, resolved against ``clock`` (an ISO date or None).

    Spans are shifted by ``offset``, so that a sentence's dates can be given
    spans in the release text. Without a clock, ``year`` (the one year a
    release states, see :func:`stated_year`) completes a month and day; bare
    days and relative words stay unresolved. A day counted from the date just
    given (次日, 当天: ``anchor_words.tsv``) is counted from the last date
    before it in ``text``, else from ``anchor`` (the last date of the text
    before); 当天 and its kin with neither are the day of the clock. After a range
    (5月5日至7日; ``anchor_range``: ``anchor`` is the first day of one) such a day is
    no known day: 当天 may be any of its days, 次日 the day after any. ``subjects``: where
    the names of who acts end in ``text``; 当天 right after one (县长甲当天下午到某镇…) is the
    day the doer acts, not some thing's day (活动当天), so the day of the clock too. ``month``:
    the year and month that a roundup's headline gives its items (2007年5月大事记, see
    :func:`stated_month`), in which a bare day (6日) is read, whatever the clock.

    >>> [d.iso for d in find_dates("1月25日上午召开，昨天部署，2019年7月6日到村", "2020-01-26")]
    ['2020-01-25', '2020-01-25', '2019-07-06']
    >>> [d.iso for d in find_dates("2月3日召开", None)]
    [None]
    >>> [d.iso for d in find_dates("3月5日到某县调研，次日到某镇", "2020-03-10")]
    ['2020-03-05', '2020-03-06']
    >>> [(d.iso, d.bound) for d in find_dates("截至本月25日，共召开会议3次", "2020-03-30")]
    [('2020-03-25', True)]
    >>> text = "县长王某当天下午到某镇"
    >>> [d.iso for d in find_dates(text, "2020-03-10")]
    [None]
    >>> [d.iso for d in find_dates(text, "2020-03-10", subjects=frozenset({4}))]
    ['2020-03-10']
    """
    today = parse_clock(clock)
    last, ranged = anchor, anchor_range and anchor is not None
    previous_end = -1
    for match in _pattern().finditer(text):
        qualifies = previous_end >= 0 and _QUALIFIES.fullmatch(text, previous_end, match.start())
        if match.group("wd") and qualifies:
            # 3月5日（星期四）: the day of the week of the date just written, no date of its own
            continue
        previous_end = match.end()
        start, written_year = match.start(), None
        lunar_day = match.group("lx") or match.group("lx2") or match.group("lz")
        if (
            (match.group("hol") and not match.group("hy"))
            or (match.group("lud") and not match.group("luy"))
            or (lunar_day and not match.group("ly"))
        ):
            # 2020年端午节当天, 二〇二〇年农历五月初五, 2020年正月初八: the year written before it
            # is part of it
            start = _year_before(text, start)
            written_year = text[start : match.start()] or None
        span = Span(start + offset, match.end() + offset)
        anchored = match.group("anc") or match.group("cnt") or match.group("cnt2") or match.group("nth")
        if anchored:
            shift = _counted(match)
            # 当天 alone before any date is the day of the report; 小年当天, 活动当天 the day of
            # something the text has not dated.
            of_something = _OF_SOMETHING.search(text, max(0, match.start() - 2), match.start())
            alone = shift == 0 and (match.start() in subjects or not of_something)
            base = last or (clock if alone else None)
            origin = None if ranged else parse_clock(base)
            reading = origin + timedelta(days=shift) if origin else None
            iso = reading.isoformat() if reading else None
        elif month and (match.group("bd") or match.group("cd")):
            reading = _valid(*month, cn_number(match.group("bd") or match.group("cd")) or 0)
            iso = reading.isoformat() if reading else None
        else:
            iso = _resolve(match, today, _tells_ahead(text, match.end()), written_year)
        if iso is None and today is None and year and match.group("m") and not match.group("y"):
            month, day = cn_number(match.group("m")), cn_number(match.group("d"))
            reading = _valid(year, month, day) if month and day else None
            iso = reading.isoformat() if reading else None
        until = _range_end(match, iso)
        bound = until is None and _is_bound(text, start, match.end())
        if iso:
            last, ranged = iso, until is not None
        yield DateMention(span, text[start : match.end()], iso, until, bound, bool(anchored), _written(match))


def _counted(match: re.Match) -> int:
    """The days a date counted from another (次日, 两天后, 第三天) lies after it.

    >>> [_counted(m) for m in _pattern().finditer("次日，两天后，3天之后，第三天，前一天")]
    [1, 2, 3, 2, -1]
    """
    if match.group("anc"):
        return _offsets("anchor_words.tsv")[match.group("anc")]
    if match.group("cnt") or match.group("cnt2"):
        return cn_number(match.group("cnt") or match.group("cnt2")) or 0
    return (cn_number(match.group("nth")) or 1) - 1


def _year_before(text: str, start: int) -> int:
    """Where a year written right before ``text[start:]`` starts (2020年, 二〇二〇 年), else ``start``.

    >>> _year_before("2020年端午节", 5), _year_before("二〇二〇 年 中秋节", 7), _year_before("每年春节", 2)
    (0, 0, 2)
    """
    at = start
    while at > 0 and text[at - 1].isspace():
        at -= 1
    if at == 0 or text[at - 1] != "年":
        return start
    at -= 1
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at - 4 if at >= 4 and _WRITTEN_YEAR.fullmatch(text, at - 4, at) else start


_WRITTEN_YEAR = re.compile(_YEAR)


def _written(match: re.Match) -> tuple[int | None, int] | None:
    """The month (if written) and day a date match writes, its first day for a range.

    >>> [d.written for d in find_dates("3月5日，22日至24日，二十五日，本月8日，昨天", None)]
    [(3, 5), (None, 22), (None, 25), (None, 8), None]
    """
    if match.group("m"):
        month, day = cn_number(match.group("m")), cn_number(match.group("d"))
    elif match.group("ny"):
        month, day = int(match.group("nm")), int(match.group("nd"))
    else:
        written = match.group("bd") or match.group("cd") or match.group("md") or match.group("pd")
        month, day = None, cn_number(written or "")
    return (month, day) if day else None


# A word right before 当天 whose day it is (小年当天, 开幕当天), not a preposition or adverb
# before it (在当天, 也当天).
_OF_SOMETHING = re.compile(r"(?![在于即就也都并是和])[\u4e00-\u9fff]\s*$")


# What stands between a date and the day of the week that qualifies it: 3月5日（星期四）, 5日，周四.
_QUALIFIES = re.compile(r"\s*[（(，,]?\s*")


def _is_bound(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` bounds a period (截至…, …以来, 自…起)."""
    before, after, opens, closes = _bound_patterns()
    head = text[max(0, start - 4) : start]
    return bool(
        before.search(head) or after.match(text, end) or (opens.search(head) and closes.match(text, end))
    )


def _range_end(match: re.Match, iso: str | None) -> str | None:
    """The last day of a range whose first day reads ``iso`` (3月30日至4月2日: 4月2日)."""
    if iso is None:
        return None
    first = date.fromisoformat(iso)
    last_day = cn_number(match.group("d2") or match.group("bd2") or match.group("bd3") or "")
    if last_day is None:
        return None
    month = cn_number(match.group("m2")) if match.group("m2") else first.month
    if month is None:
        return None
    year = first.year + (1 if month < first.month else 0)
    reading = _valid(year, month, last_day)
    if reading is not None and reading < first:
        # 30日至2日: the range runs into the next month.
        following = (first.replace(day=1) + timedelta(days=32)).replace(day=1)
        reading = _valid(following.year, following.month, last_day)
    return reading.isoformat() if reading and reading >= first else None


# A year the text states as its own, not a target (到2035年) or a year long past; nor a
# year as a period planned or reviewed (2021年度考核, 2022年度计划), which is read before or
# after it: that of a numbered sitting (2022年度第3次会议) is read from _SITTING_YEAR.
_YEAR_STATED = re.compile(r"(?<![0-9到至])((?:199|20[0-9])[0-9])\s*年(?!\s*度)")


# The year of a numbered sitting (2022年第9次常务会议, 2019年第三次主任会议): the year the
# sitting the text reports was held in.
_SITTING_YEAR = re.compile(
    r"(?<![0-9到至])((?:199|20[0-9])[0-9])\s*年\s*(?:度\s*)?第\s*[0-9一二三四五六七八九十]{1,3}\s*次"
)


def stated_year(text: str) -> int | None:
    """The one year a text states (2015年…), or None if it states none or several.

    Where it states several, the one year of the numbered sittings it names
    (2022年第9次常务会议) is the text's own: the plans and reports a sitting
    discusses name other years (2021年执行情况与2022年计划).

    >>> stated_year("2015年上半年执行情况，8月14日"), stated_year("2019年和2020年"), stated_year("到2035年")
    (2015, None, None)
    >>> stated_year("6月17日，召开区政府2022年第9次常务会议，研究2021年计划执行情况")
    2022

    A year as a period reviewed or planned (2021年度考核) is read after or before
    it: no year of the text.

    >>> stated_year("6月12日，县委召开常委会，研究2021年度考核人员"), stated_year("召开2022年度第3次会议")
    (None, 2022)
    """
    years = {int(y) for y in _YEAR_STATED.findall(text)}
    if len(years) != 1:
        years = {int(y) for y in _SITTING_YEAR.findall(text)}
    return years.pop() if len(years) == 1 else None


# A year and month a headline gives alone, no day after it (2007年5月政府大事记, 2021年3月工作动态):
# not one of a range (2021年3月至5月) nor a day's (2021年3月5日).
_MONTH_STATED = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*年\s*([0-9]{1,2})\s*月份?(?!\s*(?:[0-9一二三四五六七八九十廿卅]|[至到—–~～-]))"
)


def stated_month(headline: str, clock: str | None = None) -> tuple[int, int] | None:
    """The year and month a headline gives its items, when it gives one and no day (a roundup's:
    2007年5月政府大事记), not after the clock's month; None otherwise.

    >>> stated_month("2007年5月政府大事记", "2007-06-05"), stated_month("2007年5月8日市长办公会")
    ((2007, 5), None)
    >>> stated_month("2007年5月至6月工作回顾"), stated_month("2021年3月工作动态", "2021-02-20")
    (None, None)
    """
    found = {(int(y), int(m)) for y, m in _MONTH_STATED.findall(headline) if 1 <= int(m) <= 12}
    if len(found) != 1:
        return None
    (year, month), today = found.pop(), parse_clock(clock)
    if today is not None and (year, month) > (today.year, today.month):
        return None  # 2021年3月 over a report of February: plans, not what was done
    return year, month


# What tells that a sentence reports a happening done (…看望了, 已经…, 曾…): not 了解, 为了, 过程.
_DONE = re.compile(r"[^。；;！？!?\n]*?(?:(?<!为)了(?!解)|已经|(?<![不通经超])过(?![程年节去来渡])|曾)")


def _tells_ahead(text: str, end: int) -> bool:
    """Whether the sentence going on at ``end`` may tell of what is still to come.

    One that reports a happening done (端午节当天，…慰问了…) tells of a day gone by.
    """
    return _DONE.match(text, end) is None


def _resolve(
    match: re.Match, today: date | None, ahead: bool = True, written_year: str | None = None
) -> str | None:
    """The day a date match reads, as ISO; ``written_year`` is the year written before a holiday
    or a lunar day (2020年, see :func:`_year_before`), which the match does not hold."""
    groups = match.groupdict()
    if groups["lud"]:
        return _resolve_lunar(groups, today, ahead, written_year)
    reading: date | None = None
    holiday = groups["hol"] or groups["hol2"]
    shifted = groups["hy"] or groups["hy2"] or groups["ly"] or written_year
    year = _year_of(shifted, today) if shifted else None
    lunar_day = groups["lx"] or groups["lx2"] or groups["lz"]
    if holiday or lunar_day:
        if shifted and (year is None or groups["lz"]):
            # 今年腊月 may be the twelfth month of the lunar year that began in the clock's
            # year or of the one that ends in it: no known day.
            return None
        name = holiday or ("腊八" if groups["lz"] else "春节")
        reading = resolve_holiday(name, today, year)
        if reading is not None and year is None and not ahead and reading > today:
            # 端午节当天，甲到…看望了… in a report published before this year's 端午节 tells
            # of the last one: a clause that reports a happening done is of a day gone by.
            reading = resolve_holiday(name, today, ahead=False)
        if reading is not None and lunar_day:
            # 正月初八: the eighth day of the year that 春节 opens; 腊月二十八: twenty days after 腊八.
            first = 8 if groups["lz"] else 1
            reading += timedelta(days=cn_number(lunar_day.removeprefix("初")) - first)
    elif groups["rel"]:
        if today is not None:
            reading = today + timedelta(days=_offsets("date_words.tsv")[groups["rel"]])
    elif groups["wd"]:
        if today is not None:
            shift = _offsets("week_words.tsv")[groups["wk"]] if groups["wk"] else 0
            monday = today - timedelta(days=today.weekday())
            reading = monday + timedelta(days=7 * shift + _WEEKDAYS[groups["wd"]])
            if not groups["wk"] and reading > today:
                # 周日 in a Tuesday's report: the Sunday just gone, not the one ahead
                reading -= timedelta(days=7)
    elif groups["ny"]:
        reading = _valid(int(groups["ny"]), int(groups["nm"]), int(groups["nd"]))
    elif groups["bd"] or groups["cd"] or groups["pd"]:
        day = cn_number(groups["bd"] or groups["cd"] or groups["pd"])
        reading = resolve_day(day, today) if day else None
    elif groups["rm"]:
        day = cn_number(groups["md"])
        if today is not None and day:
            first = today.replace(day=1)
            shift = _offsets("month_words.tsv")[groups["rm"]]
            month_index = first.year * 12 + first.month - 1 + shift
            reading = _valid(month_index // 12, month_index % 12 + 1, day)
    else:
        month, day = cn_number(groups["m"]), cn_number(groups["d"])
        if month is None or day is None:
            return None
        if groups["y"]:
            year = cn_number(groups["y"])
            reading = _valid(year, month, day) if year else None
        elif groups["ry"]:
            if today is not None:
                reading = _valid(today.year + _offsets("year_words.tsv")[groups["ry"]], month, day)
        else:
            reading = resolve_month_day(month, day, today)
    return reading.isoformat() if reading else None


def _year_of(written: str, today: date | None) -> int | None:
    """The year a holiday's or a lunar day's year names: a word counted from the clock (今年, 去年:
    none without one), or a year in figures or numerals (2020年端午节当天), whatever the clock."""
    shift = _offsets("year_words.tsv").get(written)
    if shift is None:
        return cn_number(written.rstrip().removesuffix("年"))
    return today.year + shift if today is not None else None


def _resolve_lunar(
    groups: dict[str, str | None], today: date | None, ahead: bool, written_year: str | None = None
) -> str | None:
    """The day a lunar date match (农历五月初五, 今年农历八月十五) reads, as ISO."""
    written = groups["lum"] or groups["lum2"]
    month = 11 if written == "冬" else cn_number(written)
    year = None
    if groups["luy"] or written_year:
        year = _year_of(groups["luy"] or written_year, today)
        if year is None or month == 12:
            # 今年农历十二月 may be of the lunar year begun in that year or of the one ending in it
            return None
    leap = "闰" if groups["lul"] or groups["lul2"] else ""
    reading = resolve_lunar_day(
        f"{leap}{month}", cn_number(groups["lud"].removeprefix("初")), today, year, ahead
    )
    return reading.isoformat() if reading else None


def same_day(a: tuple[int | None, int], b: tuple[int | None, int]) -> bool:
    """Whether two written days (month or None, day) may be one day: 5日 and 3月5日 may.

    >>> same_day((None, 5), (3, 5)), same_day((None, 22), (None, 24)), same_day((3, 5), (4, 5))
    (True, False, False)
    """
    if a[1] != b[1]:
        return False
    return a[0] is None or b[0] is None or a[0] == b[0]


def first_date(text: str, clock: str | None) -> str | None:
    """The first resolvable date in ``text``, as ISO; None if there is none.

    >>> first_date("据悉，12号到14号将举办", "2020-05-10")
    '2020-05-12'
    """
    for mention in find_dates(text, clock):
        if mention.iso:
            return mention.iso
    return None


def impossible_dates(text: str) -> Iterator[DateMention]:
    """Dates written in ``text`` that no calendar has (2月30日, 2021年2月29日).

    Such a date is never resolved (see :func:`find_dates`); the reader is
    told about it instead.

    >>> [d.text for d in impossible_dates("2月30日召开，2月29日部署，2021年2月29日到村")]
    ['2月30日', '2021年2月29日']
    """
    for match in _pattern().finditer(text):
        if not match.group("m"):
            continue
        month, day = cn_number(match.group("m")), cn_number(match.group("d"))
        year = cn_number(match.group("y")) if match.group("y") else 2000  # a leap year
        if month and day and year and _valid(year, month, day) is None:
            yield DateMention(Span(match.start(), match.end()), match.group(), None)


# Publication dates and times as pages write them beside the article (one parser
# module for every date of a release: these give the clock that the dates above
# are resolved against).
# Date lines: 2020年01月26日 15时22分 / 2020-01-26 15:22:00 / 2021/12/3 21:04 / 04.05.2017 15:55
_DATETIME = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})(?!\d)\s*日?"
    r"(?:\s*(?:星期.|周.)?\s*(?P<p>[(（])?\s*(?P<H>\d{1,2})\s*[:时]\s*(?P<M>\d{1,2})(?!\d)(?(p)\s*[)）]))?"
)
_DATE_DMY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?!\d)"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?"
)


def _date_iso(match: re.Match) -> str | None:
    y, m, d = int(match["y"]), int(match["m"]), int(match["d"])
    if _valid(y, m, d) is None:  # 2020-02-30 is no date: never written as one
        return None
    iso = f"{y:04d}-{m:02d}-{d:02d}"
    if match["H"] is not None and int(match["H"]) < 24 and int(match["M"]) < 60:
        iso += f"T{int(match['H']):02d}:{int(match['M']):02d}"
    return iso


def find_datetime(line: str) -> str | None:
    """The first full date (and time) in a line, as ISO 8601.

    >>> find_datetime("2020年01月26日 15时22分"), find_datetime("时间:2021/12/3 21:04:59|")
    ('2020-01-26T15:22', '2021-12-03T21:04')
    >>> find_datetime("04.05.2017 15:55"), find_datetime("2009-03-18 (18:43) |")
    ('2017-05-04T15:55', '2009-03-18T18:43')
    """
    for pattern in (_DATETIME, _DATE_DMY):
        for match in pattern.finditer(line):
            iso = _date_iso(match)
            if iso:
                return iso
    return None


def parse_published(value: str | None) -> str | None:
    """A record's own date field to ISO 8601 (to the minute), or None.

    >>> parse_published("2012-07-23 19:17:47"), parse_published("1343041067")
    ('2012-07-23T19:17', None)
    """
    if not value:
        return None
    return find_datetime(value)


def datetime_match(line: str) -> re.Match | None:
    """Where a line holds something written like a full date (2020-02-30 too), if it does.

    >>> datetime_match("发布时间：2020-02-30").group(), datetime_match("来源：某市政府")
    ('2020-02-30', None)
    """
    return _DATETIME.search(line) or _DATE_DMY.search(line)
