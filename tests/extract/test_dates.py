import re
from datetime import date, timedelta
from itertools import pairwise

import pytest

from govkg.extract import Release
from govkg.extract.data import load_table
from govkg.extract.dates import (
    cn_number,
    find_dates,
    first_date,
    release_clock,
    resolve_day,
    resolve_month_day,
    same_day_words,
    stated_month,
    stated_year,
)


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # absolute dates keep their year, with or without a clock
        ("2019年7月6日上午，县里召开对接会", "2020-01-01", "2019-07-06"),
        ("2015年8月14日召开", None, "2015-08-14"),
        ("二〇二〇年一月二十五日", None, "2020-01-25"),
        ("2020 年 1 月 25 日", None, "2020-01-25"),
        # month and day resolved against the publication date
        ("1月25日，我市召开会议", "2020-01-26", "2020-01-25"),
        ("9月23日，省长到四县区调研", "2019-10-15", "2019-09-23"),
        ("3月8日至11日，省沿海办来我市调研", "2012-09-11", "2012-03-08"),
        # across the year boundary, both ways
        ("12月30日，全县召开大会", "2021-01-03", "2020-12-30"),
        ("2月5日将召开推进会", "2021-01-20", "2021-02-05"),
        ("1月2日召开", "2020-12-30", "2021-01-02"),
        # a bare day: this month, or the month before
        ("25日上午，市长主持召开会议", "2020-01-26", "2020-01-25"),
        ("30日，全县召开大会", "2021-01-03", "2020-12-30"),
        ("31日召开", "2021-03-02", "2021-01-31"),
        # relative words
        ("昨天下午，市长到企业检查", "2020-03-01", "2020-02-29"),
        ("今天上午召开", "2020-01-26", "2020-01-26"),
        ("央视网消息：22日，总理在上海主持召开座谈会", "2021-11-22", "2021-11-22"),
        ("去年12月30日召开", "2021-06-01", "2020-12-30"),
        ("今年1月5日召开", "2021-06-01", "2021-01-05"),
        ("前晚，县长主持召开调度会", "2021-06-10", "2021-06-08"),
        ("明晚将召开调度会", "2021-06-10", "2021-06-11"),
        # ranges give their first day
        ("12号到14号举办", "2020-05-20", "2020-05-12"),
        ("11月25-26日召开", "2020-12-01", "2020-11-25"),
        ("12—14日召开", "2020-05-20", "2020-05-12"),
        ("3月30日至4月2日举办", "2020-04-05", "2020-03-30"),
        # 元月 is January; 廿 and 卅 are twenty and thirty
        ("元月8日，全区召开推进会", "2021-01-10", "2021-01-08"),
        ("廿三日上午召开", "2021-01-24", "2021-01-23"),
        # a bare day in Chinese numerals
        ("二十五日，省长到某县调研", "2021-01-26", "2021-01-25"),
        ("十八日召开", "2021-03-20", "2021-03-18"),
        # a day from 一 to 十 with the part of the day it names
        ("九日上午，县长到某镇调研", "2021-03-20", "2021-03-09"),
        ("十日下午召开", "2021-03-20", "2021-03-10"),
        # a day of a month counted from the clock's
        ("本月12日，县里召开会议", "2021-03-20", "2021-03-12"),
        ("上月28日召开", "2021-03-05", "2021-02-28"),
        ("上个月30日召开", "2021-01-05", "2020-12-30"),
        ("下月3日将召开", "2021-12-20", "2022-01-03"),
        # a day counted from the clock before any other date: 当天 is the day of the report
        ("当天下午，市长到企业调研", "2021-03-20", "2021-03-20"),
        # a bare day with the hour after it
        ("9日17时许，县长主持召开调度会", "2021-06-10", "2021-06-09"),
        ("9日8时30分，县长主持召开调度会", "2021-06-10", "2021-06-09"),
        ("9日20:00，县长主持召开调度会", "2021-06-10", "2021-06-09"),
        # a date written in figures
        ("2021-06-09，县长主持召开调度会", "2021-06-10", "2021-06-09"),
        ("2021/6/9，县长主持召开调度会", None, "2021-06-09"),
        ("2021.06.09，县长主持召开调度会", "2021-06-10", "2021-06-09"),
    ],
)
def test_first_date(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize(
    ("text", "isos"),
    [
        # 当天 after a word is that word's day: unknown before any date…
        ("小年当天，县长到某村慰问", [None]),
        ("活动当天，县长到某村慰问", [None]),
        # …the day just given after one
        ("2月3日，某节开幕。开幕当天，县长到场", ["2021-02-03", "2021-02-03"]),
        # alone, or after a preposition, before any date: the day of the report
        ("当天，县长到某村慰问", ["2021-02-05"]),
        ("县长在当天下午到某村慰问", ["2021-02-05"]),
    ],
)
def test_the_day_of_something_not_dated(text, isos):
    assert [d.iso for d in find_dates(text, "2021-02-05")] == isos


@pytest.mark.parametrize(
    "text",
    ["1月25日召开", "25日上午召开", "昨天到企业检查"],
)
def test_partial_dates_without_a_clock_stay_unresolved(text):
    assert [d.iso for d in find_dates(text, None)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "地铁1号线开通",
        "第5号公告",
        "县委5号文件",
        "24小时值班",
        "第十九届四中全会",
        "2号楼会议室",
        "1.5日工作量",
        "1、2号楼",
        "3-5号车间",
        # numbers after a day that are no hour, and figures that are no date
        "3号10栋",
        "版本2021.06.09.1",
        "1990-2060年",
        "2021-13-45",
        "腊月里",
    ],
)
def test_numbers_that_are_not_dates(text):
    assert list(find_dates(text, "2020-01-26")) == []


@pytest.mark.parametrize(
    ("text", "clock", "isos"),
    [
        # a day counted from the date just given, not from the clock
        ("3月5日，张三到某县调研；次日，到某镇检查", "2021-03-20", ["2021-03-05", "2021-03-06"]),
        ("9月2日在甲市考察，第二天上午到乙市", "2021-09-10", ["2021-09-02", "2021-09-03"]),
        ("4月1日举行仪式，前一天召开筹备会", "2021-04-05", ["2021-04-01", "2021-03-31"]),
        ("3月5日召开会议，同日下午开展检查", "2021-03-20", ["2021-03-05", "2021-03-05"]),
        ("3月5日召开会议，是日下午开展检查", "2021-03-20", ["2021-03-05", "2021-03-05"]),
        ("3月5日召开会议，这一天，县长到某镇检查", "2021-03-20", ["2021-03-05", "2021-03-05"]),
        # so many days after it (两天后, 3天之后), or the third of the days counted from it
        ("5月25日到某县调研，两天后召开座谈会", "2021-05-28", ["2021-05-25", "2021-05-27"]),
        ("5月20日到某县调研，3天之后召开座谈会", "2021-05-28", ["2021-05-20", "2021-05-23"]),
        ("5月20日到某县调研，十天后召开座谈会", "2021-05-28", ["2021-05-20", "2021-05-30"]),
        ("5月25日到某县调研，第三天召开座谈会", "2021-05-28", ["2021-05-25", "2021-05-27"]),
        # …but 3日后 is after the third of a month (a bound), and 前两天 no day
        ("5月25日到某县调研，3日后召开座谈会", "2021-05-28", ["2021-05-25", "2021-06-03"]),
        ("5月25日到某县调研，前两天召开座谈会", "2021-05-28", ["2021-05-25"]),
        # …with nothing given before, 次日 is no known day
        ("次日，张三到某镇检查", "2021-03-20", [None]),
        ("两天后，张三到某镇检查", "2021-03-20", [None]),
        ("第三天，张三到某镇检查", "2021-03-20", [None]),
        # ranges end in Chinese numerals too
        ("七月九日至十一日召开", "2021-07-20", ["2021-07-09"]),
    ],
)
def test_days_counted_from_the_text(text, clock, isos):
    assert [d.iso for d in find_dates(text, clock)] == isos


@pytest.mark.parametrize(
    "text",
    [
        # after a range, a day counted from "the day" may be counted from any of its days
        "3月5日至7日到某县调研，次日到某镇检查",
        "3月5日至7日到某县调研，当天下午召开座谈会",
        "5日—7日到某县调研，两天后召开座谈会",
    ],
)
def test_a_day_counted_after_a_range_is_no_known_day(text):
    assert [d.iso for d in find_dates(text, "2021-03-20")][1:] == [None]


def test_a_day_counted_after_a_day_that_follows_a_range():
    isos = [d.iso for d in find_dates("3月5日至7日到某县调研，9日到某镇，次日返回", "2021-03-20")]
    assert isos == ["2021-03-05", "2021-03-09", "2021-03-10"]


def test_a_day_counted_from_a_range_in_an_earlier_sentence():
    mentions = find_dates("次日上午，到某镇检查", "2021-03-20", anchor="2021-03-05", anchor_range=True)
    assert [d.iso for d in mentions] == [None]


def test_a_day_counted_from_an_earlier_sentence():
    mentions = find_dates("次日上午，到某镇检查", "2021-03-20", anchor="2021-03-05")
    assert [d.iso for d in mentions] == ["2021-03-06"]


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("截至3月5日，全市共排查隐患200处", True),
        ("截止到5日，已完成", True),
        ("3月5日以来，全县累计检查企业50家", True),
        ("自3月1日起施行", True),
        ("从本月1日开始，全面推行", True),
        ("3月10日前完成整改", True),
        ("到3月15日，完成全部任务", True),
        # the day of a happening
        ("3月5日，县长到某镇检查", False),
        ("3月5日前往某镇检查", False),  # 前往 goes to
        ("3月5日起，督导组进驻某县开展督导", False),  # no 自: the first day
        ("自3月5日至7日，督导组在某县督导", False),  # a range is a happening's span
        ("3月5日下午召开", False),
    ],
)
def test_bounds_of_a_period(text, bound):
    assert next(find_dates(text, "2021-03-20")).bound is bound


@pytest.mark.parametrize("text", ["二十日内完成整改", "一日三餐", "十日以内", "第十八日", "第十八天"])
def test_counts_of_days_are_no_dates(text):
    assert list(find_dates(text, "2021-03-20")) == []


def test_spans_are_offsets_into_the_text():
    text = "会议于1月25日上午召开，昨天结束"
    mentions = list(find_dates(text, "2020-01-26", offset=10))
    assert [text[m.span.start - 10 : m.span.end - 10] for m in mentions] == ["1月25日", "昨天"]
    assert [m.text for m in mentions] == ["1月25日", "昨天"]


@pytest.mark.parametrize(
    ("month", "day", "clock", "expected"),
    [
        (12, 30, date(2021, 1, 3), date(2020, 12, 30)),
        (2, 29, date(2021, 3, 1), date(2020, 2, 29)),
        (2, 30, date(2021, 3, 1), None),
        (1, 25, None, None),
    ],
)
def test_resolve_month_day(month, day, clock, expected):
    assert resolve_month_day(month, day, clock) == expected


@pytest.mark.parametrize(
    ("day", "clock", "expected"),
    [
        (25, date(2020, 1, 26), date(2020, 1, 25)),
        (28, date(2020, 1, 26), date(2020, 1, 28)),
        (30, date(2020, 3, 2), date(2020, 1, 30)),
        (0, date(2020, 3, 2), None),
    ],
)
def test_resolve_day(day, clock, expected):
    assert resolve_day(day, clock) == expected


@pytest.mark.parametrize(
    ("text", "value"), [("7", 7), ("十", 10), ("三十一", 31), ("二〇一九", 2019), ("甲", None)]
)
def test_cn_number(text, value):
    assert cn_number(text) == value


@pytest.mark.parametrize("name", ["date_words.tsv", "year_words.tsv", "month_words.tsv", "anchor_words.tsv"])
def test_date_word_tables_have_integer_offsets(name):
    rows = load_table(name)
    assert rows
    assert all(len(row) == 2 and int(row[1]) in range(-3, 4) for row in rows)


@pytest.mark.parametrize(
    ("text", "clock", "first", "last"),
    [
        ("3月8日至11日，省里来人调研", "2012-09-11", "2012-03-08", "2012-03-11"),
        ("25日至27日到某省调研", "2018-03-27", "2018-03-25", "2018-03-27"),
        ("3月30日至4月2日举办", "2020-04-05", "2020-03-30", "2020-04-02"),
        ("12月30日至1月2日举办", "2021-01-05", "2020-12-30", "2021-01-02"),
        # two days listed are one span
        ("9、10日，省督导组在某县督导", "2021-03-20", "2021-03-09", "2021-03-10"),
        ("3月9日、10日召开", "2021-03-20", "2021-03-09", "2021-03-10"),
        ("1月25日召开", "2020-01-26", "2020-01-25", None),
        # a range joined by a full-width minus or a horizontal bar, as Chinese copy writes it
        ("6月8日－9日，副市长到某县调研", "2020-06-10", "2020-06-08", "2020-06-09"),
        ("8－9日到某县调研", "2020-06-10", "2020-06-08", "2020-06-09"),
        ("6月8日―6月9日召开", "2020-06-10", "2020-06-08", "2020-06-09"),
    ],
)
def test_ranges_know_their_last_day(text, clock, first, last):
    mention = next(find_dates(text, clock))
    assert (mention.iso, mention.until) == (first, last)


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        ("周三，总理主持召开常务会议", "2024-05-31", "2024-05-29"),  # a Friday release
        ("星期一召开", "2024-05-31", "2024-05-27"),
        ("上周五召开", "2024-05-29", "2024-05-24"),
        ("下星期一召开", "2022-08-07", "2022-08-08"),
        # a bare day of the week later in the clock's week is the one just gone
        ("周日下午召开", "2020-03-10", "2020-03-08"),  # a Tuesday release
        ("本周日召开", "2020-03-10", "2020-03-15"),  # 本周: this week's, ahead or not
        ("上个星期五召开", "2020-03-10", "2020-03-06"),
        ("上上周五召开", "2020-03-10", "2020-02-28"),
        ("下个周一召开", "2020-03-10", "2020-03-16"),
    ],
)
def test_days_of_the_week(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize("text", ["建党一百周年", "周年纪念", "一周年"])
def test_anniversaries_are_no_weekdays(text):
    assert [d.iso for d in find_dates(text, "2021-07-01")] == []


def test_date_bound_sides():
    rows = load_table("date_bounds.tsv")
    assert rows
    assert {side for _, side in rows} == {"before", "after", "opens", "closes"}


def test_week_words_are_offsets():
    assert all(int(offset) in (-2, -1, 0, 1, 2) for _, offset in load_table("week_words.tsv"))


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2020年01月26日 15时22分", "2020-01-26T15:22"),
        ("发布时间：2021/12/3 21:04:59", "2021-12-03T21:04"),
        ("04.05.2017 15:55", "2017-05-04T15:55"),
        ("发布时间：2020-02-30", None),  # no calendar has it
    ],
)
def test_publication_dates_share_the_parser(line, iso):
    from govkg.extract.dates import find_datetime, parse_published

    assert find_datetime(line) == iso == parse_published(line)


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # lunar holidays, resolved against the publication date
        ("除夕夜，市委书记到医院看望值班医护人员", "2021-02-13", "2021-02-11"),
        ("大年初三上午，县长到工地检查复工情况", "2021-02-20", "2021-02-14"),
        ("正月初八，全市召开重点项目推进大会", "2021-02-25", "2021-02-19"),
        # the first lunar month past its tenth day; the last, counted from 腊八 (2021-01-20)
        ("正月十六上午，全市召开重点项目推进大会", "2021-03-01", "2021-02-27"),
        ("腊月二十八，县长到某村慰问困难群众", "2021-02-15", "2021-02-09"),
        ("农历腊月廿三，县长到某村慰问困难群众", "2021-02-15", "2021-02-04"),
        ("腊月初十上午，县长到某村慰问困难群众", "2021-02-15", "2021-01-22"),
        ("元宵节晚上，市长到街头检查安保工作", "2020-02-10", "2020-02-08"),
        ("今年春节，张三到某村慰问", "2021-03-01", "2021-02-12"),
        ("中秋节当天，县长到景区检查", "2020-10-03", "2020-10-01"),
        # fixed holidays
        ("国庆节上午，县长到景区检查", "2021-10-03", "2021-10-01"),
        ("去年国庆节当天召开", "2021-03-01", "2020-10-01"),
        ("元旦，市长到一线慰问", "2020-12-29", "2021-01-01"),
        # …called by its month and day in numerals
        ("五一当天，县长到景区检查安全生产", "2021-05-03", "2021-05-01"),
        ("七一上午，县委书记到某村看望老党员", "2021-07-02", "2021-07-01"),
        ("八一，市长到驻地部队慰问", "2021-08-03", "2021-08-01"),
        # a holiday that opens a clause with what kind of day it is
        ("在教师节这个特殊的日子里，县长到学校看望教师", "2021-09-12", "2021-09-10"),
        ("在端午节这一天，市长到一线慰问", "2021-06-15", "2021-06-14"),
    ],
)
def test_holidays_said_of_one_day(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # a holiday told of as done is the last one, not the one just ahead of the clock
        ("端午节当天，县长到敬老院看望了孤寡老人", "2021-06-05", "2020-06-25"),
        ("中秋节上午，市长已经到一线检查了节日安保", "2021-09-10", "2020-10-01"),
        ("元旦当天，市长到车站慰问了一线职工", "2020-12-29", "2020-01-01"),
        # nothing tells it done: the one ahead (an announcement)
        ("端午节当天，全县举办龙舟赛", "2021-06-05", "2021-06-14"),
        ("端午节当天，县长将到敬老院了解老人生活", "2021-06-05", "2021-06-14"),
    ],
)
def test_holidays_told_of_as_done_are_gone_by(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # a day of a lunar month other than 正月 and 腊月, from the table of the months' first days
        ("农历五月初五，县长到某村看望慰问老党员", "2020-06-30", "2020-06-25"),
        ("农历八月十五上午，市长到某社区慰问困难群众", "2020-10-10", "2020-10-01"),
        ("农历二月初二，县长到田间检查春耕", "2021-03-20", "2021-03-14"),
        # a leap month, and 冬月 (the eleventh)
        ("农历闰四月十七，县长主持召开常务会议", "2020-06-10", "2020-06-08"),
        ("农历冬月初八，县长到某村看望慰问", "2020-12-30", "2020-12-22"),
        ("农历十一月十五，县长到某村看望慰问", "2020-12-30", "2020-12-29"),
        # written 初X, a lunar day without 农历
        ("五月初五，县长到某村看望慰问老党员", "2020-06-30", "2020-06-25"),
        # a year in figures or a word names the lunar year
        ("2020年农历五月初五，县长到某村看望慰问", "2021-03-01", "2020-06-25"),
        ("去年农历八月十五，县长到某社区慰问", "2021-03-01", "2020-10-01"),
        # told of as done: the last one, not the one ahead
        ("农历五月初五，县长到敬老院看望了孤寡老人", "2021-06-05", "2020-06-25"),
    ],
)
def test_days_of_lunar_months(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # a holiday of a year written in figures or numerals
        ("2020年端午节，县长到某村看望慰问老党员", "2021-01-05", "2020-06-25"),
        ("2020年中秋节当天，市长到某社区慰问", "2021-03-01", "2020-10-01"),
        ("二〇二〇年国庆节上午，县长到景区检查", "2021-03-01", "2020-10-01"),
    ],
)
def test_holidays_of_a_written_year(text, clock, iso):
    assert first_date(text, clock) == iso


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # the year written before a holiday or a lunar day is part of the date's span
        ("据悉，2020年中秋节当天，市长到某社区慰问", "2020年中秋节"),
        ("据悉，二〇二〇 年 国庆节上午，县长到景区检查", "二〇二〇 年 国庆节"),
        ("据悉，2020年农历五月初五，县长到某村慰问", "2020年农历五月初五"),
        ("据悉，二〇二〇年五月初五，县长到某村慰问", "二〇二〇年五月初五"),
        # …not a year word's (每年), nor a number that is no year
        ("据悉，每年中秋节当天，市长到某社区慰问", "中秋节"),
        ("据悉，第120年中秋节当天，市长到某社区慰问", "中秋节"),
    ],
)
def test_the_span_of_a_holiday_takes_its_written_year(text, written):
    mention = next(find_dates(text, "2021-03-01"))
    assert (mention.text, text[mention.span.start : mention.span.end]) == (written, written)


@pytest.mark.parametrize(
    ("text", "clock", "iso"),
    [
        # a newspaper's day: 昨 / 今 / 前 with its day of the month in brackets
        ("昨（9）日上午，县长主持召开县政府常务会议", "2020-06-10", "2020-06-09"),
        ("今(10)日，县长到某村检查防汛工作", "2020-06-10", "2020-06-10"),
        ("昨（三十）日，县长主持召开常务会议", "2020-07-01", "2020-06-30"),
        ("前（8）日下午，县长主持召开常务会议", "2020-06-10", "2020-06-08"),
    ],
)
def test_days_a_newspaper_writes(text, clock, iso):
    assert first_date(text, clock) == iso
    assert [d.written for d in find_dates(text, clock)][:1] == [(None, int(iso[-2:]))]


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("五月十五，县长到某村看望慰问", "2020-06-30"),  # no 农历, no 初: maybe a day of ours
        ("农历四月三十，县长到某村看望慰问", "2021-06-30"),  # 2021's fourth month has 29 days
        ("今年农历十二月初八，县长到某村慰问", "2021-12-30"),  # of which lunar year?
        ("农历五月初五日，县长到某村看望慰问", "2020-06-30"),  # not a lunar day with 日
    ],
)
def test_lunar_days_not_known(text, clock):
    assert first_date(text, clock) is None


def test_lunar_month_table():
    rows = [
        (int(y), m, date.fromisoformat(first), int(days))
        for y, m, first, days in load_table("lunar_months.tsv")
    ]
    assert (rows[0][0], rows[-1][0]) == (1990, 2060)
    # the months follow one another without a gap, each of 29 or 30 days
    for (_, _, first, days), (_, _, following, _) in pairwise(rows):
        assert first + timedelta(days=days) == following
    assert all(days in (29, 30) for *_, days in rows)
    # the first month opens the year on 春节, as holiday_dates.tsv has it
    spring = {d for name, d in load_table("holiday_dates.tsv") if name == "春节"}
    assert {first.isoformat() for _, month, first, _ in rows if month == "1"} == spring


@pytest.mark.parametrize(
    "text",
    [
        "春节前夕，市领导走访慰问",
        "春节期间，全县开展检查",
        "迎国庆，全县开展大检查",
        "迎接国庆节这个重要节日，全县开展大检查",
        "春节期间这个特殊的日子里，全县开展检查",
        "中秋国庆双节期间",
        "清明上河图",
        "七一前夕，县委书记看望老党员",
        "县长到五一广场检查",
        "七一勋章获得者",
    ],
)
def test_holidays_that_name_no_day(text):
    assert first_date(text, "2021-10-05") is None


@pytest.mark.parametrize("word", same_day_words())
def test_every_same_day_word_says_a_holiday_is_the_day(word):
    # the words that count 0 days from the date given (anchor_words.tsv) are the
    # ones that make a holiday the day of a happening: one list for both
    assert first_date(f"中秋节{word}，县长到景区检查", "2020-10-03") == "2020-10-01"


def test_same_day_words_are_the_anchors_of_no_offset():
    assert set(same_day_words()) == {word for word, offset in load_table("anchor_words.tsv") if offset == "0"}
    assert {"当天", "当日"} <= set(same_day_words())


def test_holiday_tables_agree():
    from govkg.extract.dates import resolve_holiday

    lunar = {row[0] for row in load_table("holiday_dates.tsv")}
    for word, holiday in load_table("holiday_words.tsv"):
        assert holiday in lunar or re.fullmatch(r"[01][0-9]-[0-3][0-9]", holiday), word
    # once a lunar year, from 1990 to 2060 (腊八 may fall twice in a year of ours, or not at all)
    for holiday in lunar:
        days = sorted(date.fromisoformat(d) for name, d in load_table("holiday_dates.tsv") if name == holiday)
        assert (days[0].year, days[-1].year) == (1990, 2060), holiday
        assert all(320 <= (b - a).days <= 400 for a, b in pairwise(days)), holiday
    assert resolve_holiday("春节", None, 2024) == date(2024, 2, 10)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2015年上半年执行情况。8月14日召开。", 2015),  # the one year stated
        ("2019年和2020年的计划。", None),  # two years: neither is the text's own
        ("到2035年基本实现。", None),  # a target is no year of the text
        # several years, one of them a numbered sitting's: the sitting's is the text's own
        ("6月17日，区政府召开2022年第9次常务会议，研究2021年计划执行情况与2022年计划。", 2022),
        ("县人大常委会2019年第三次主任会议审议了2018年决算。", 2019),
        # two sittings of two years tell no one year
        ("2021年第2次会议和2022年第1次会议。", None),
        # a year as a period reviewed or planned is read after or before it: no year of the text
        ("6月12日，县委召开常委会会议，研究2021年度考核优秀人员。", None),
        ("听取2020年度工作汇报，部署2021年工作。", 2021),
        # …but a sitting numbered in its year (2022年度第3次) is of that year
        ("召开2022年度第3次主任会议，审议2021年度决算。", 2022),
    ],
)
def test_the_year_a_text_states(text, year):
    assert stated_year(text) == year


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("前天召开", "2020-03-08"),
        ("大前天召开", "2020-03-07"),  # three days before, not 前天
        ("大后天召开", "2020-03-13"),
    ],
)
def test_days_counted_from_the_clock(text, iso):
    assert first_date(text, "2020-03-10") == iso


@pytest.mark.parametrize(
    "text",
    [
        "3月5日（星期四）上午召开",
        "3月5日(周四)上午召开",
        "3月5日星期四上午召开",
        "2020年3月5日 星期四 召开",
        # …or before it
        "周四3月5日上午召开",
        "星期四，3月5日上午召开",
    ],
)
def test_a_day_of_the_week_beside_a_date_is_that_date(text):
    # in a release of two weeks later, 星期四 alone would be the Thursday before the clock
    assert [d.iso for d in find_dates(text, "2020-03-20")] == ["2020-03-05"]


def test_a_day_of_the_week_alone_is_still_a_date():
    assert [d.iso for d in find_dates("周四上午召开", "2020-03-20")] == ["2020-03-19"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("3月5日召开", (3, 5)),
        ("3月5日至7日调研", (3, 5)),
        ("9、10日，督导组在某县督导", (None, 9)),  # two days listed: the first
        ("二十五日上午", (None, 25)),
        ("本月8日", (None, 8)),
        ("昨天", None),  # a word, no day written
        ("星期三", None),
    ],
)
def test_a_date_carries_the_month_and_day_it_writes(text, written):
    # without a clock nothing resolves, yet the days written tell two happenings apart
    assert [d.written for d in find_dates(text, None)] == [written]


@pytest.mark.parametrize("text", ["县长王小三3月5日到某镇调研", "市委书记刘十一3月5日主持召开会议"])
def test_a_month_in_digits_after_a_name_that_ends_in_a_numeral(text):
    # a month in Chinese numerals may not follow another numeral (二〇二〇); one in digits may
    assert [d.iso for d in find_dates(text, "2020-03-20")] == ["2020-03-05"]


@pytest.mark.parametrize("year", ["今年", "2021年", "二〇二一年"])
def test_a_lunar_month_of_a_named_year_is_no_known_day(year):
    # 今年腊月 may belong to the lunar year begun in the clock's year or to the one ending in it
    assert [d.iso for d in find_dates(f"{year}腊月二十八，县长到某村慰问", "2021-12-30")] == [None]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # a day of the first lunar month of a written year: of that year's 春节, whatever the clock
        ("2020年正月初八，全市召开重点项目推进大会", "2020-02-01"),
        ("二〇二〇年正月十六上午，全市召开重点项目推进大会", "2020-02-09"),
        ("2020年大年初三上午，县长到工地检查复工情况", "2020-01-27"),
    ],
)
def test_a_day_of_the_first_lunar_month_of_a_written_year(text, iso):
    mentions = list(find_dates(text, "2021-06-20"))
    assert [(d.iso, d.span.start) for d in mentions] == [(iso, 0)]


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        # a dispatch's dateline is the day its 今天 is told on: 电 or 讯, the place before the day
        # or after it, simplified or traditional
        ("新华社北京9月12日电 国务院总理甲今天在某市考察。", "2015-09-12"),
        ("南山网9月12日讯 今天上午，某活动周开幕式举行。", "2015-09-12"),
        ("南山网9月12日北湖讯（记者 乙丙）今天上午，某活动周开幕式举行。", "2015-09-12"),
        ("南山網9月12日北湖訊 今天上午，某活動週開幕式舉行。", "2015-09-12"),
        ("北湖日报9月11日电 昨天，某县召开会议。", "2015-09-11"),
        # the day in Chinese numerals, as older dispatches write it
        ("新华社北京九月十二日电 国务院副总理甲今天会见了客人。", "2015-09-12"),
        ("某某社北湖九月十一日電 昨天，某縣召開會議。", "2015-09-11"),
        # …not a 讯 of no day, nor a day more than a week before the page
        ("本报讯 9月12日，某县召开会议。", "2015-09-13"),
        ("南山网8月12日讯 今天上午，某活动周开幕式举行。", "2015-09-13"),
        # …nor a day in the body's own words
        ("9月12日讯问了犯罪嫌疑人。", "2015-09-13"),
    ],
)
def test_a_datelines_day_is_the_clock(text, clock):
    assert release_clock(Release(id="t", text=text, published="2015-09-13")) == clock


@pytest.mark.parametrize(
    ("headline", "clock", "expected"),
    [
        # a roundup's month, given alone in its headline, the clock after it
        ("2019年11月县政府大事记", "2019-12-04", (2019, 11)),
        ("2019年11月份工作动态", "2019-12-04", (2019, 11)),
        ("2019年11月份工作动态", None, (2019, 11)),
        # controls: a day's date, a range of months, two months, a month after the clock
        ("2019年11月6日县长办公会召开", "2019-12-04", None),
        ("2019年9月至11月重点工作回顾", "2019-12-04", None),
        ("2019年10月和2019年11月大事记", "2019-12-04", None),
        ("2020年1月工作安排", "2019-12-04", None),
    ],
)
def test_stated_month_is_the_month_a_headline_gives_alone(headline, clock, expected):
    assert stated_month(headline, clock) == expected


@pytest.mark.parametrize(
    ("text", "month", "expected"),
    [
        # a bare day is read in the month the headline gives, not the clock's (a future day)
        ("6日，县长到某镇调研。二十八日，召开会议。", (2019, 11), ["2019-11-06", "2019-11-28"]),
        # control: with no month, the clock's month, 10 days ahead at most
        ("6日，县长到某镇调研。二十八日，召开会议。", None, ["2019-12-06", "2019-11-28"]),
        # control: a month and day written are read as written; 昨天 from the clock
        ("11月6日到某镇调研，昨天召开会议", (2019, 10), ["2019-11-06", "2019-12-03"]),
    ],
)
def test_a_bare_day_is_read_in_the_month_a_roundup_headline_gives(text, month, expected):
    assert [d.iso for d in find_dates(text, "2019-12-04", month=month)] == expected
