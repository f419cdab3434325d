import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.extract import events
from govkg.extract.data import load_table, load_words
from govkg.extract.dates import day_part_words, same_day_words
from govkg.extract.events import find_events
from govkg.extract.records import Holding, Person, Release, Span
from govkg.extract.sentences import split_sentences


def persons_in(text, *names):
    """Person records for names, with every mention, as the persons stage gives them."""
    found = []
    for name in names:
        spans, at = [], text.find(name)
        while at >= 0:
            spans.append(Span(at, at + len(name)))
            at = text.find(name, at + len(name))
        found.append(Person(name=name, key=name, mentions=tuple(spans)))
    return tuple(found)


def events_of(text, published="2020-06-10", names=()):
    release = Release(id="t", text=text, published=published)
    return list(find_events(release, tuple(split_sentences(text)), persons_in(text, *names)))


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("6月9日，全县召开安全生产工作推进会。", ["meeting"]),
        ("全区防汛工作调度会在区政府召开。", ["meeting"]),
        ("县长张三到城关镇检查防汛工作。", ["inspection"]),
        ("省长李四在北京会见来访的某国大使。", ["reception"]),
        ("两市举行合作项目签约仪式。", ["signing"]),
        ("两市举行合作框架协议签字仪式。", ["signing"]),  # a signing rite called 签字
        ("6月9日，按照省委要求召开专题会议，县长张三主持。", ["meeting"]),  # a demand followed
        ("6月9日，某县与某公司签约5个项目。", ["signing"]),  # signed here, not a tally
        ("新区产业园项目集中开工仪式举行。", ["ceremony"]),
        # a rite called 典礼, of any kind (开工典礼, 奠基典礼, 毕业典礼), as 颁奖典礼 was
        ("6月9日，某中学开工典礼由副县长张三主持。", ["ceremony"]),
        ("6月9日，某项目奠基典礼在某镇举行。", ["ceremony"]),
        # 同 of 同志 is no 同 of whom a talk is held with: …负责同志参加座谈 is no talk of its own
        ("6月9日，某市与某集团举行工作对接会。市直有关部门负责同志参加座谈。", ["meeting"]),
        ("6月9日，市长张三同某集团董事长李四一行座谈。", ["meeting"]),
        # a conference centre is where it is held, no meeting (…仪式在县会议中心举行)
        ("6月9日，某县项目集中签约仪式在县会议中心举行。", ["signing"]),
        ("6月9日，某区重点项目开工仪式在区会议大厦举行。", ["ceremony"]),
        ("6月9日，全市经济工作会议在市会议中心召开。", ["meeting"]),
        ("会议决定任命王五为副县长。", ["appointment"]),
        ("6月9日，县委召开常委会会议。会后，县领导到企业调研。", ["meeting", "inspection"]),
        # more kinds of 会: a party branch's review, a report of duties, a kick-off, a briefing
        ("6月9日，县委常委班子召开2019年度民主生活会。", ["meeting"]),
        ("6月9日，全县召开乡镇党委书记抓基层党建工作述职会。", ["meeting"]),
        ("6月9日，全市防汛工作启动会在市政府召开。", ["meeting"]),
        ("6月9日，市政府召开新闻通气会。", ["meeting"]),
        ("6月9日，县长张三到某镇探望受灾群众。", ["inspection"]),
        ("6月9日，县长张三带队到某工地踏勘选址。", ["inspection"]),
        ("6月9日，省政府副巡视员张三出席会议。", ["meeting"]),  # 巡视员 is a rank, no visit
        # 督察 (督查's near synonym), a spot check
        ("6月9日，县长张三深入某园区企业督察安全生产工作。", ["inspection"]),
        ("6月9日，市局督导组到我县抽查了某制管企业。", ["inspection"]),
        ("6月9日，县长张三带队到某镇暗查环境卫生整治情况。", ["inspection"]),
        ("6月9日，县长张三带队夜查城区消防安全。", ["inspection"]),  # a check by night
        # a river or forest chief's patrol
        ("6月9日，县级河长张三到某河巡河。", ["inspection"]),
        ("6月9日，县级林长张三到某林场巡林。", ["inspection"]),
        # posts taken away and given, voted on as one business of a sitting
        ("6月9日，县人大常委会举行第五次会议，表决通过了人事免职和任职事项。", ["meeting", "appointment"]),
        ("6月9日，区人大常委会举行会议，审议通过任职和免职事项。", ["meeting", "appointment"]),
        # a term of office is no appointment
        ("6月9日，县长张三在任职期间到某镇调研。", ["inspection"]),
        # 将 that tells of no future: a general, soldiers, a county's name, 将近
        ("6月9日，县长张三到干休所看望慰问老将军。", ["inspection"]),
        ("6月9日，县长张三到驻地部队慰问将士。", ["inspection"]),
        ("6月9日，将乐县县长张三到某镇检查防汛工作。", ["inspection"]),
        ("6月9日，县长张三将近中午到某镇检查防汛工作。", ["inspection"]),
        # a signing told by its parties and the verb alone, or as an event held
        ("6月9日，县政府与某公司在县行政中心签约。", ["signing"]),
        ("6月9日，某县与某公司就新能源项目正式签约。", ["signing"]),
        ("6月9日，某县与某公司举行战略合作签约活动。", ["signing"]),
        # a visit told by the work it goes to push on; not a time it is pushed on by
        ("6月9日，县长张三一行到某镇推进防汛工作。", ["inspection"]),
        ("6月9日，县长张三赴某市对接招商引资项目。", ["inspection"]),
        ("6月9日，县政府召开会议，研究到年底推进重点工作。", ["meeting"]),
        # more kinds of 会: a first meeting of an inspection team, a consultation, a hand-over
        ("6月9日，县委巡察组与某镇党委召开巡前见面沟通会。", ["meeting"]),
        ("6月9日，区政协召开专题协商会。", ["meeting"]),
        ("6月9日，两县召开项目衔接会。", ["meeting"]),
        # a gathering named before 举办, as before 召开 or 举行
        ("6月9日，全县防汛工作培训班在县委党校举办。", ["meeting"]),
        ("6月9日，某市招商推介会在省会成功举办。", ["meeting"]),
        ("某市发展论坛9日在某市举办，市长张三出席。", ["meeting"]),
    ],
)
def test_event_types(text, types):
    assert [e.type for e in events_of(text)] == types


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one meeting, or an ordinal in a meeting's name: no count
        ("6月9日，县委召开了一次专题会议。", "一次专题会议"),
        ("6月9日，县委召开一场座谈会。", "一场座谈会"),
        ("6月9日，县委召开第3次专题会议。", "第3次专题会议"),
        ("6月9日，市委召开十二届五次全会。", "十二届五次全会"),
        ("6月9日，十三届全国人大三次会议在北京开幕。", "十三届全国人大三次会议"),
        ("6月9日，县政协召开九届三次常委会议。", "九届三次常委会议"),
        ("6月9日，县委举办第二期培训班。", "第二期培训班"),
    ],
)
def test_one_meeting_of_a_number_is_no_count(text, name):
    assert [(e.type, e.name) for e in events_of(text)] == [("meeting", name)]


@pytest.mark.parametrize(
    "text",
    [
        "原则上取消庙会、灯会等大型公共活动。",  # called off
        "张三强调，要加强督导检查，确保措施落实。",  # reported words
        "各地要定期召开工作推进会。",  # what must be done
        "县长张三将到某镇检查防汛工作。",  # what will be done
        "书记张三要求相关部门：一是做好技术指导等各项工作。",  # points of a speech
        "会议学习了总书记在全国两会上的重要讲话。",  # a meeting named by a speech
        "他代表巡察组对某单位近年来在教学改革等方面取得的成效表示肯定。",  # 来 of 近年来: no team comes
        # …given there and told of, studied or carried out: no meeting reported
        "会议学习了总书记在庆祝某学会成立60周年大会上发表的重要讲话精神。",
        "会议传达了省长王二在全省防汛工作会议上所作的报告。",
        "会议学习了书记王二在全市组织工作会议上作的讲话。",
        "会前，召开了各界代表等八个座谈会。",  # a count of meetings
        "图为张三（右一）与客商会谈。",  # a photo caption
        "今年以来，我市共召开各类会议50余次。",  # meetings counted, none reported
        "6月9日，全县家庭医生签约服务覆盖率达到80%。",  # 签约 that heads a noun
        "县长张三要求各地召开会议，传达学习会议精神。",  # what others are asked to do
        "6月9日，县长张三督促各乡镇及时召开防汛调度会。",  # …urged to do
        "据了解，全县共签约33个项目，总投资100亿元。",  # a tally of signings
        "各级党组织书记要带头讲党课。",  # what must be done
        "会议要求，一是要召开专题会议，二是要开展督导检查。",  # points of what is to be done
        # …and points told by a numbered 要, to the end of their sentence
        "会议强调，一要巩固学习成果；二要结合履职活动，通过实地调研、座谈交流等形式宣传全会精神。",
        "二要紧密结合履职活动，通过实地调研、座谈交流等多种形式深入宣传全会精神。",
        "张三强调，一是要在6月20日前召开专题会议，二是要开展督导检查。",  # …with a day set
        "县长张三要求，要在年底前举办全县技能培训班。",  # a gathering to be held
        "某镇近年来累计举办各类论坛5场。",  # gatherings counted, none reported
        # a count before the meeting's noun: 次, 场 and 期 as 个
        "今年以来，某镇召开了12次专题会议。",
        "某镇先后召开3场座谈会，听取群众意见。",
        "县委召开了十余次专题会议。",
        "全县举办3期培训班。",
        # a goal (确保…召开) and a paper about holding a meeting
        "会议要求，要认真做好筹备工作，确保大会圆满顺利召开。",
        "会议审议了关于提请审议召开县十九届人大第三次会议决定（草案）的议案。",
        "会议研究了召开全县经济工作会议有关事宜。",
    ],
)
def test_no_event(text):
    assert events_of(text, names=("张三",)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 将 with a day after the report before it: a happening announced for that day
        ("6月12日，县长张三将主持召开全县防汛工作会议。", [("meeting", "2020-06-12")]),
        ("明天上午，县长张三将出席全县防汛工作会议。", [("meeting", "2020-06-11")]),
        ("下周一，县长张三将到某镇检查防汛工作。", [("inspection", "2020-06-15")]),
        ("明天，全县防汛工作会议将在县政府召开。", [("meeting", "2020-06-11")]),
        # a meeting scheduled (定于, 决定…召开) for a day ahead; not one decided on with no day
        ("全县防汛工作会议定于6月12日召开。", [("meeting", "2020-06-12")]),
        ("会议决定6月12日召开全县防汛工作会议。", [("meeting", "2020-06-12")]),
        ("会议决定下月召开全县防汛工作会议。", []),
        ("县政协主席会议决定明年1月召开县政协常委会第五次会议。", []),
        # …not without one, nor a day gone by, nor what 将 hands to others or puts somewhere
        ("县长张三将到某镇检查防汛工作。", []),
        ("6月8日，县长张三将到某镇检查防汛工作。", []),
        ("6月12日前，县长张三将到某镇检查防汛工作。", []),
        ("6月12日，县长张三将要求各镇召开防汛工作会议。", []),
        ("6月12日，县长张三将防汛检查工作列入考核。", []),
    ],
)
def test_a_happening_announced_for_a_day_ahead(text, expected):
    assert [(e.type, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，县长张三在全县防汛工作会议上发表讲话。",
        "6月9日，县长张三在全县防汛工作会议上作报告。",
        "6月9日，县长张三在全县防汛工作会议上强调，要压实责任。",
    ],
)
def test_a_meeting_someone_speaks_at_is_reported(text):
    # control: a meeting framed as where someone speaks now is still a happening
    assert [(e.type, e.name) for e in events_of(text, names=("张三",))] == [("meeting", "全县防汛工作会议")]


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，县长张三按照统一要求到某镇调研。",
        "6月9日，县长张三到某镇调研，了解统一要求的落实情况。",
    ],
)
def test_yao_inside_a_word_is_no_point_of_a_speech(text):
    # control: 一要 of 统一要求, 第一要务 opens no point; the visit is reported
    assert [e.type for e in events_of(text, names=("张三",))] == ["inspection"]


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，省督查组来我县开展督查。",
        "6月9日，市调研组近日来我县调研。",
        "6月9日，省巡视组进驻我县。",
    ],
)
def test_a_team_that_comes_is_a_visit(text):
    # control: a team that comes (来, 进驻) is a visit, whatever 来 of a time does
    assert [e.type for e in events_of(text)] == ["inspection"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who goes along goes on the visit, not to the meeting told after it
        (
            "6月9日，市长张三先后考察了市第一医院、市妇幼保健院，并在市卫健局召开调研汇报会。"
            "市政府秘书长李四、副秘书长王五陪同调研。",
            [
                ("inspection", {("张三", "lead"), ("李四", "accompany"), ("王五", "accompany")}),
                ("meeting", {("张三", "chair")}),
            ],
        ),
        # …the visit of now, not one of a year long past told in between
        (
            "6月9日，市长张三到某县考察，并主持召开座谈会。2010年，张三曾到某县考察工作。副市长李四陪同考察。",
            [
                ("inspection", {("张三", "lead"), ("李四", "accompany")}),
                ("meeting", {("张三", "chair")}),
                ("inspection", {("张三", "lead")}),
            ],
        ),
        # control: a reception's companion stays with it
        (
            "6月9日，市长张三会见了某集团董事长王大。副市长李四陪同会见。",
            [("reception", {("张三", "host"), ("王大", "guest"), ("李四", "accompany")})],
        ),
    ],
)
def test_who_goes_along_goes_on_a_visit_not_to_a_meeting(text, expected):
    found = events_of(text, names=("张三", "李四", "王五", "王大"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6月9日，县长张三来到县群众来访接待中心接待来访群众。张三强调，要做好信访工作。副县长李四参加接访。",
            [("other", "接待来访群众", {("张三", "attend"), ("张三", "speak"), ("李四", "attend")})],
        ),
        (
            "6月9日，县长张三在县信访局公开接待上访群众。",
            [("other", "公开接待上访群众", {("张三", "attend")})],
        ),
        ("6月9日，副县长李四在某镇接访群众。", [("other", "接访群众", {("李四", "attend")})]),
        # the centre named so, a campaign, what must be done, and petitioners received by no one named
        (
            "6月9日，县长张三到县群众来访接待中心检查工作。",
            [("inspection", "到县群众来访接待中心检查工作", {("张三", "lead")})],
        ),
        ("全县开展大接访群众活动。", []),
        ("县长张三强调，各级领导干部要定期接待来访群众。", []),
        ("6月9日，县信访局接待来访群众30余人次。", []),
    ],
)
def test_petitioners_received_by_a_named_official(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in found] == expected


def test_mentions_of_one_meeting_are_one_event():
    text = "6月9日，全县召开防汛工作会议。会议由张三主持。张三在会上强调，要压实责任。"
    assert [e.type for e in events_of(text, names=("张三",))] == ["meeting"]


def test_two_named_meetings_are_two_events():
    text = "6月9日，在全省防汛视频会议后，我县召开防汛工作推进会。"
    assert [e.type for e in events_of(text)] == ["meeting", "meeting"]


@pytest.mark.parametrize("word", ["分别", "先后"])
def test_separate_receptions(word):
    # each on its own or one after another: one reception each
    text = f"6月9日，省长李四{word}会见了甲国大使王大和乙国大使赵二。"
    events = events_of(text, names=("李四", "王大", "赵二"))
    assert [e.type for e in events] == ["reception", "reception"]
    assert [{(p.person, p.role) for p in e.participations} for e in events] == [
        {("李四", "host"), ("王大", "guest")},
        {("李四", "host"), ("赵二", "guest")},
    ]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # 会后 / 会前 after a signing or a ceremony: its day
        (
            "6月8日，两市举行合作项目签约仪式，市长李四出席。会后，李四到某园区调研。",
            ["2020-06-08", "2020-06-08"],
        ),
        (
            "6月8日，某产业园开工仪式举行，市长李四出席。会前，李四会见了客商代表王大。",
            ["2020-06-08", "2020-06-08"],
        ),
        ("6月8日，李四出席某项目揭牌仪式，并在会上会见了客商代表王大。", ["2020-06-08", "2020-06-08"]),
        # the last gathering told of, not an earlier meeting of another day
        (
            "6月9日，全县召开防汛工作会议。6月8日，某产业园开工仪式举行，市长李四出席。会后，李四到某园区调研。",
            ["2020-06-09", "2020-06-08", "2020-06-08"],
        ),
        # 会议 refers to a meeting only: after a ceremony it dates nothing
        ("6月8日，某产业园开工仪式举行。会议决定任命李四为副县长。", ["2020-06-08", None]),
        # a gathering named by its kind as the sentence opens (颁奖典礼前，…), as 会前 is
        (
            "6月8日晚，某市科技人才颁奖典礼举行，市长李四出席。颁奖典礼前，李四接见了获奖代表王大。",
            ["2020-06-08", "2020-06-08"],
        ),
        (
            "6月8日，某产业园开工仪式举行，市长李四出席。开工仪式后，李四会见了客商代表王大。",
            ["2020-06-08", "2020-06-08"],
        ),
        # 大会 opening a sentence is the meeting told of, as 会议 is, sentences after it
        (
            "6月8日，全市招商引资大会召开。市委书记李四要求，各地要抓好项目落地。大会还举行了授旗仪式。",
            ["2020-06-08", "2020-06-08"],
        ),
        # a word that names no gathering (社会上) frames nothing
        ("6月8日，某产业园开工仪式举行。社会上，李四会见了王大。", ["2020-06-08", None]),
        # the day a named doer arrived (甲16日率团抵达…) is the day told of, which 随即 goes on with
        (
            "市长李四6日率团抵达某市，展开为期五天的交流之旅。李四随即到某研究院与院长王大进行会晤。",
            ["2020-06-06"],
        ),
        # control: a date in what someone said tells no day
        ("李四指出，某镇6日完成了改造任务。随后，李四与王大进行会晤。", [None]),
        # a date right after the name that closes its clause is read too (no clause after it)
        ("市长李四6日，到某县调研。", ["2020-06-06"]),
        # 随即 / 随后 after the doer named: the day told of, as 随即，… is
        (
            "6月8日，市长李四率团抵达某市。李四随即到某研究院与院长王大进行会晤。",
            ["2020-06-08"],
        ),
    ],
)
def test_after_a_gathering_is_on_its_day(text, dates):
    assert [e.date for e in events_of(text, names=("李四", "王大"))] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # days joined by 和 and a count: one meeting a day, each chaired by the doer
        ("6月3日和8日，副市长李四连续两次召开园区联席会议。", ["2020-06-03", "2020-06-08"]),
        # a list the date grammar reads as a range (3日、5日), and a third day after it
        (
            "6月3日、5日和8日，副市长李四三次主持召开园区联席会议。",
            ["2020-06-03", "2020-06-05", "2020-06-08"],
        ),
        # told in someone's words: what a named doer did on the days named
        (
            "县长王大强调，6月3日和8日，李四副市长连续两次召开园区联席会议，推动明显加强。",
            ["2020-06-03", "2020-06-08"],
        ),
        # years alone: two happenings, their days unknown
        ("2013年和2015年，李四曾两次主持召开园区联席会议。", [None, None]),
        # a count with one day, or days with no count: one meeting
        ("6月9日，副市长李四连续两次召开园区联席会议。", ["2020-06-09"]),
        ("6月3日和8日，副市长李四召开园区联席会议。", ["2020-06-08"]),
        # an ordinal is no count (第二次会议)
        ("6月3日和5日，副市长李四主持召开园区第二次联席会议。", ["2020-06-05"]),
        # the count after the verb (召开两次…会议), as many as the days listed: one a day
        ("6月3日、4日，副市长李四先后主持召开两次园区联席会议。", ["2020-06-03", "2020-06-04"]),
        ("6月3日和8日，副市长李四召开了两次园区联席会议。", ["2020-06-03", "2020-06-08"]),
        # …and a count alone, or not as many as the days, tells of no one meeting (a tally)
        ("今年以来，副市长李四召开了5次园区联席会议。", []),
        ("6月9日，副市长李四召开了两次园区联席会议。", []),
        ("6月3日和8日，副市长李四召开了3次园区联席会议。", []),
    ],
)
def test_a_counted_happening_is_one_event_a_day(text, dates):
    events = events_of(text, names=("李四", "王大"))
    assert [e.date for e in events] == dates
    assert all(e.type == "meeting" for e in events)
    assert all(("李四", "chair") in {(p.person, p.role) for p in e.participations} for e in events)
    if len(events) > 1:
        # each its own name: the day as written after the meeting's
        assert len({e.name for e in events}) == len(events)
        assert all(e.name.startswith("园区联席会议（") for e in events)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("6月9日，全县召开防汛工作推进会。", "2020-06-10", "2020-06-09"),
        ("12月30日，全县召开防汛工作推进会。", "2021-01-03", "2020-12-30"),
        ("昨天，全县召开防汛工作推进会。", "2020-06-10", "2020-06-09"),
        ("6月9日，全县召开防汛工作推进会。", None, None),
        ("全县召开防汛工作推进会。", "2020-06-10", None),
        # a date in brackets after the name
        ("县政府召开第5次常务会议（6月9日），研究防汛工作。", "2020-06-10", "2020-06-09"),
        ("县政府召开第5次常务会议(2020年6月9日)", "2020-06-10", "2020-06-09"),
    ],
)
def test_event_date(text, published, date):
    assert events_of(text, published)[0].date == date


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # 当天 before any date is the day of the report
        ("当天，总理在利马主持召开中资企业座谈会。", "2015-05-26", "2015-05-26"),
        # without a publication date, the one year the release states completes the date
        ("8月14日，县人大常委会召开第三十一次会议，听取2015年上半年工作报告。", None, "2015-08-14"),
        ("8月14日，县人大常委会召开第三十一次会议，听取2014年和2015年工作报告。", None, None),
    ],
)
def test_event_date_from_context(text, published, date):
    assert events_of(text, published)[0].date == date


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a party committee's standing committee meets: 常委会 is the meeting where it is held
        ("6月9日，县委书记张三主持召开县委常委会，研究部署防汛工作。", ["县委常委会"]),
        ("在6月9日召开的市委常委会上，张三强调，要压实责任。", ["市委常委会"]),
        # and a body where a post, a sitting or a longer name follows
        ("6月9日，张三主持召开县委常委会扩大会议。", ["县委常委会扩大会议"]),
        ("6月9日，张三出席县人大常委会第五次会议。", ["县人大常委会第五次会议"]),
        ("6月9日，张三参加市人大常委会组织的视察活动。", []),
        ("6月9日，某市举行新任职干部集体谈话会，张三出席并讲话。", ["新任职干部集体谈话会"]),
    ],
)
def test_standing_committee_meetings(text, names):
    assert [e.name for e in events_of(text, names=("张三",)) if e.type == "meeting"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a government's standing meeting said short, an enlarged sitting in brackets
        ("6月9日，县长张三主持召开县政府常务会，研究有关事项。", ["县政府常务会"]),
        ("6月9日，县委书记张三主持召开县委常委（扩大）会，研究有关事项。", ["县委常委（扩大）会"]),
        ("6月9日，县委书记张三主持召开县委常委(扩大)会议。", ["县委常委(扩大)会议"]),
        ("6月9日，张三主持召开镇党委扩大会，传达有关精神。", ["镇党委扩大会"]),
        # controls: 会展, 会员 and 会计 after 大会 or 常务会 are other words
        ("6月9日，县里举办活动扩大会展影响。", []),
        ("6月9日，张三出席商会常务会员座谈。", []),
        ("6月9日，县长张三主持召开县政府常务会议。", ["县政府常务会议"]),
        # a conference centre is where something is held, no meeting
        ("6月9日，某县招商项目集中签约仪式在县会议中心举行，张三出席。", []),
    ],
)
def test_a_standing_or_enlarged_meeting_said_short(text, names):
    assert [e.name for e in events_of(text, names=("张三",)) if e.type == "meeting"] == names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # two meetings held as one (…会议暨…会议) are named whole
        ("6月9日，张三主持召开全县防汛工作会议暨安全生产工作会议。", "全县防汛工作会议暨安全生产工作会议"),
        (
            "6月9日，全县防汛抗旱工作会议暨安全生产委员会全体会议召开。",
            "全县防汛抗旱工作会议暨安全生产委员会全体会议",
        ),
    ],
)
def test_joint_meetings_are_named_whole(text, name):
    assert [e.name for e in events_of(text, names=("张三",))] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "6月9日，县长张三先后主持召开县政府常务会议和县政府党组会议。",
            ["县政府常务会议", "县政府党组会议"],
        ),
        ("6月9日，县长张三主持召开县政府常务会议、党组会议。", ["县政府常务会议", "党组会议"]),
        (
            "6月9日，张三先后出席全县经济工作会议、全县安全生产工作会议和全县防汛工作会议并讲话。",
            ["全县经济工作会议", "全县安全生产工作会议", "全县防汛工作会议"],
        ),
        # what a meeting studies or discusses is no meeting listed
        (
            "6月9日，县长张三主持召开县政府常务会议，传达学习全省经济工作会议和全省防汛工作会议精神。",
            ["县政府常务会议"],
        ),
        ("6月9日，县长张三主持召开专题会议，研究城市更新和防汛工作。", ["专题会议"]),
    ],
)
def test_meetings_listed_after_one_verb_are_one_event_each(text, names):
    events = events_of(text, names=("张三",))
    assert [e.name for e in events] == names
    # …on the same day, with the same roles
    assert {e.date for e in events} == {"2020-06-09"}
    assert len({e.participations for e in events}) == 1


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，副部长王大、副主任赵二分别会见了省长李四。",
        "6月9日，李四带队先后拜会某部、某委，副部长王大、副主任赵二分别会见了李四一行。",
    ],
)
def test_separate_receptions_by_several_hosts(text):
    # several hosts each on their own: one reception each host, as for several guests
    events = events_of(text, names=("李四", "王大", "赵二"))
    assert [e.type for e in events] == ["reception", "reception"]
    assert [{(p.person, p.role) for p in e.participations} for e in events] == [
        {("王大", "host"), ("李四", "guest")},
        {("赵二", "host"), ("李四", "guest")},
    ]


def test_hosts_together_hold_one_reception():
    text = "6月9日，副部长王大、副主任赵二会见了省长李四。"
    (event,) = events_of(text, names=("李四", "王大", "赵二"))
    assert {(p.person, p.role) for p in event.participations} == {
        ("王大", "host"),
        ("赵二", "host"),
        ("李四", "guest"),
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a session of a congress, a meeting about one: named to the last meeting noun of the phrase
        ("6月9日，张三出席市第十五届人民代表大会第五次会议并讲话。", ["市第十五届人民代表大会第五次会议"]),
        ("6月9日，张三主持召开全县人民代表大会筹备工作会议。", ["全县人民代表大会筹备工作会议"]),
        (
            "6月9日，张三主持召开中共某县第十三次代表大会各代表团召集人汇报会议。",
            ["中共某县第十三次代表大会各代表团召集人汇报会议"],
        ),
        # …not across a verb, a list or a clause's end
        ("6月9日，张三主持召开县委常委会会议，研究部署防汛工作。", ["县委常委会会议"]),
        ("6月9日，张三出席县委工作会议和全县经济工作会议。", ["县委工作会议", "全县经济工作会议"]),
        ("6月9日，张三出席县委全会，并在会上讲话。", ["县委全会"]),
    ],
)
def test_a_meeting_is_named_to_the_last_meeting_noun_of_its_phrase(text, names):
    assert [e.name for e in events_of(text, names=("张三",))] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # an organ that holds a meeting "all day", "today" or "yesterday" names it (召开会议)
        ("中共中央政治局常务委员会6月9日全天召开会议。张三主持会议。", ["中共中央政治局常务委员会会议"]),
        ("市委常委会今天全天召开会议，张三主持会议。", ["市委常委会会议"]),
        ("县政协党组昨天上午召开会议，张三主持会议。", ["县政协党组会议"]),
        # …after a dateline and its space
        ("新华社北京6月9日电 中共中央政治局6月9日召开会议。张三主持会议。", ["中共中央政治局会议"]),
        ("本报讯 县政府9日召开会议，张三主持会议。", ["县政府会议"]),
        # controls: a person who holds it is no organ, after a space or not
        ("县长张三全天召开会议。", ["会议"]),
        ("县长 张三召开会议。", ["会议"]),
    ],
)
def test_an_organ_that_holds_a_meeting_on_a_day_names_it(text, names):
    assert [e.name for e in events_of(text, names=("张三",))] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the end of a byline's aside before the name is no part of it
        (
            "中新社北京6月9日电 (记者 王五)某省政协十一届常务委员会第一次会议9日在北京闭幕。",
            ["某省政协十一届常务委员会第一次会议"],
        ),
        ("新华社北京6月9日电（记者 王五）某县第十届人民代表大会9日开幕。", ["某县第十届人民代表大会"]),
        # control: a bracket the name opens and closes stays
        ("6月9日，县委召开县委常委会（扩大）会议。", ["县委常委会（扩大）会议"]),
    ],
)
def test_a_name_starts_after_the_aside_a_byline_closes(text, names):
    assert [e.name for e in events_of(text)] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a congress by its short form, held or attended: a meeting of that day
        ("8日至9日，全市人代会召开。张三出席会议并讲话。", [("全市人代会", "2020-06-08")]),
        ("6月9日，市第十二次党代会开幕，张三作报告。", [("市第十二次党代会", "2020-06-09")]),
        ("6月9日，某公司召开职代会，张三出席并讲话。", [("职代会", "2020-06-09")]),
        ("6月9日，张三出席市第五次党代会并讲话。", [("市第五次党代会", "2020-06-09")]),
        # …not before another meeting word (what that meeting is about), nor as a frame
        (
            "6月9日，张三主持召开学习贯彻省十二次党代会精神座谈会。",
            [("学习贯彻省十二次党代会精神座谈会", "2020-06-09")],
        ),
        ("6月9日，张三出席县第十七届人代会第三次会议。", [("县第十七届人代会第三次会议", "2020-06-09")]),
        ("6月9日，张三首次在市人代会上发言。", []),
        ("6月9日，这是首次在市人代会上举行宪法宣誓仪式。", [("宪法宣誓仪式", "2020-06-09")]),
    ],
)
def test_a_congress_by_its_short_form(text, expected):
    assert [(e.name, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gathering that opens or closes, then its rite: the rite of that gathering, that day
        (
            "6月8日，2020某地文化旅游节开幕。张三出席开幕式并宣布开幕。",
            [("ceremony", "2020某地文化旅游节开幕式", "2020-06-08")],
        ),
        (
            "6月8日，第五届某博览会在某市开幕，张三出席开幕式并致辞。",
            [("ceremony", "第五届某博览会开幕式", "2020-06-08")],
        ),
        (
            "6月8日，某县第十届运动会闭幕。张三出席闭幕式并讲话。",
            [("ceremony", "某县第十届运动会闭幕式", "2020-06-08")],
        ),
        # a gathering that opens after a dispatch's dateline, its day a bare one; 开幕仪式 as 开幕式
        (
            "东湖网6月8日电（记者 王五 赵六）2020某地博览会8日在某会展中心开幕。张三出席开幕仪式。",
            [("ceremony", "2020某地博览会开幕仪式", "2020-06-08")],
        ),
        (
            "东湖网6月8日电 第五届某博览会在某市开幕，张三出席开幕式并致辞。",
            [("ceremony", "第五届某博览会开幕式", "2020-06-08")],
        ),
        # …a rite the ribbon is cut for (为开幕式剪彩): named by the rite
        (
            "6月8日，第五届某博览会在某市开幕，市长张三为开幕式剪彩。",
            [("ceremony", "第五届某博览会开幕式", "2020-06-08")],
        ),
        # …not another rite, nor one of another day
        ("6月8日，某节开幕。9日，张三出席闭幕式。", [("ceremony", "闭幕式", "2020-06-09")]),
        ("东湖网6月8日电 某节8日开幕。9日，张三出席闭幕式。", [("ceremony", "闭幕式", "2020-06-09")]),
        ("6月8日，会议要求做好火炬传递和开闭幕式各项工作。", []),  # 开闭幕式: both rites, a plan
    ],
)
def test_the_rite_of_a_gathering_that_opens(text, expected):
    assert [(e.type, e.name, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rite named by its kind alone (主持仪式) is the rite told of, a signing's too
        (
            "6月9日，某县项目集中签约仪式举行。县委书记张三出席。副县长李四主持仪式。",
            [("signing", {("张三", "attend"), ("李四", "chair")})],
        ),
        (
            "6月9日，某县重点项目集中开工仪式举行。县长张三出席。副县长李四主持典礼。",
            [("ceremony", {("张三", "attend"), ("李四", "chair")})],
        ),
        # …and so is a signing's rite named by its kind (签字仪式, 签约仪式), which keeps the
        # signing's own name
        (
            "6月9日，市政府与某集团签订投资合作协议。副市长张三出席。有关部门负责人李四参加签字仪式。",
            [("signing", {("张三", "attend"), ("李四", "attend")})],
        ),
        # controls: with no rite told of, or one of another day, it is a rite of its own
        (
            "6月9日，县长张三到某镇调研。下午，副县长李四主持仪式。",
            [("inspection", {("张三", "lead")}), ("ceremony", {("李四", "chair")})],
        ),
        (
            "6月8日，某县签约仪式举行。6月9日，副县长李四主持仪式。",
            [("signing", set()), ("ceremony", {("李四", "chair")})],
        ),
    ],
)
def test_a_rite_named_by_its_kind_alone_is_the_one_told_of(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the signing keeps its own name when its rite is told of by kind
        ("6月9日，市政府与某集团签订投资合作协议。李四参加签字仪式。", ["投资合作协议"]),
        # where the signing rite was is no part of its name
        ("6月9日，在某县项目签约仪式上，李四代表县政府签约。", ["某县项目签约仪式"]),
    ],
)
def test_signing_names(text, names):
    assert [e.name for e in events_of(text, names=("李四",))] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 同 of 同志 is no 同 of whom a talk is held with: 参加会谈 alone reports no reception
        ("6月9日，李四拜会某部。王五等有关领导同志参加会谈。", []),
        # talks said as a time frame (在会谈中说) are named by the cue alone, and told of by
        # who spoke in them
        ("6月9日，李四在某地同王五举行会谈。李四在会谈中说，双方合作良好。", ["同王五举行会谈"]),
        ("6月9日，李四拜会某部。李四在会谈中说，双方合作良好。", ["会谈"]),
        # …but a name that begins with a frame's character is the guest's (中信, 中国)
        ("6月9日，李四会见中信某公司总经理王五一行。", ["会见中信某公司总经理王五一行"]),
    ],
)
def test_reception_names(text, names):
    assert [e.name for e in events_of(text, names=("李四", "王五"))] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 他 in an appointment told with a reception is the guest received
        (
            "5月30日上午，李四在某地会见王五，颁发任命他为某特别行政区行政长官的国务院令。",
            ["会见王五", "任命王五为某特别行政区行政长官的国务院令"],
        ),
        # nominees in a list of who attends: the appointment is named by what the sitting does
        (
            "8月13日，区人大常委会召开会议。区人大主任李四主持会议，拟任副区长人选王五、赵六，"
            "区法院院长列席会议。会议任命王五、赵六为区人民政府副区长。",
            ["区人大常委会会议", "任命王五、赵六为区人民政府副区长"],
        ),
    ],
)
def test_appointment_names(text, names):
    assert [e.name for e in events_of(text, names=("李四", "王五", "赵六"))] == names


def test_a_hall_is_no_meeting():
    text = "委员长张三16日下午在人民大会堂与某国议长王大举行会谈。"
    events = events_of(text, names=("张三", "王大"))
    assert [e.type for e in events] == ["reception"]
    assert {(p.person, p.role) for p in events[0].participations} == {("张三", "host"), ("王大", "guest")}


@pytest.mark.parametrize("word", [*same_day_words(), *day_part_words()])
def test_a_sentence_on_the_same_day_takes_the_date_before(word):
    # 当天 and its kin (anchor_words.tsv, offset 0) and a part of a day (day_parts.tsv:
    # 上午, 凌晨) go on with the day just given
    text = f"6月9日，全县召开防汛工作推进会。{word}，县领导到水库检查。"
    assert [e.date for e in events_of(text)] == ["2020-06-09", "2020-06-09"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # 当天 right after who acts, with no date before: the day of the report
        ("县长张三当天下午到某镇检查防汛工作。", ["2020-06-10"]),
        ("县长张三当日主持召开防汛工作会议。", ["2020-06-10"]),
        # controls: the day of some thing not dated, and the day after none
        ("活动当天，县长张三到某镇检查防汛工作。", [None]),
        ("县长张三次日到某镇检查防汛工作。", [None]),
    ],
)
def test_the_same_day_said_after_who_acts(text, dates):
    assert [e.date for e in events_of(text, names=("张三",))] == dates


@pytest.mark.parametrize("word", day_part_words())
def test_a_part_of_a_day_with_no_date_is_the_day_of_the_report(word):
    # the same list of parts as above: 县长张三凌晨赶到… in a report of 2020-06-10
    assert [e.date for e in events_of(f"县长张三{word}赶到某镇检查防汛工作。", names=("张三",))] == [
        "2020-06-10"
    ]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a time of day that opens a sentence is a part of a day: the day of the report…
        ("9时30分，县长张三主持召开防汛工作会议。", ["2020-06-10"]),
        ("10时许，县长张三来到某镇检查防汛工作。", ["2020-06-10"]),
        ("九时三十分，县长张三主持召开防汛工作会议。", ["2020-06-10"]),
        ("14:30，县长张三主持召开防汛工作会议。", ["2020-06-10"]),
        # …with the part of the day it falls in
        ("晚8点30分，县长张三深入到各乡镇检查防汛工作。", ["2020-06-10"]),
        ("上午9时，县长张三主持召开防汛工作会议。", ["2020-06-10"]),
        # …or said after who acts, before the act
        ("县长张三9时许到某镇检查防汛工作。", ["2020-06-10"]),
        ("县长张三10时30分主持召开防汛工作会议。", ["2020-06-10"]),
        ("县长张三20时连夜赶到某镇检查防汛工作。", ["2020-06-10"]),
        # …or the day just told of
        ("6月8日，县长张三到某镇调研。14时，张三主持召开座谈会。", ["2020-06-08", "2020-06-08"]),
        # not a count of points, nor a time that only bounds a figure
        ("3点要求，县长张三主持召开防汛工作会议。", [None]),
        ("截至18时，全县共出动2万人次。县长张三主持召开防汛工作会议。", [None]),
        ("8时至19时全县降雨50毫米。县长张三主持召开防汛工作会议。", [None]),
        ("全县8时至19时降雨50毫米，县长张三主持召开防汛工作会议。", [None]),
    ],
)
def test_a_time_of_day_that_opens_a_sentence_is_a_part_of_a_day(text, dates):
    assert [e.date for e in events_of(text, names=("张三",))] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a rite named by a caption line alone takes the one day the release tells of
        (
            "6月6日，某县招商推介会在某市举行。县长张三出席会议并讲话。\n项目签约仪式\n",
            ["2020-06-06", "2020-06-06"],
        ),
        # …not where the release tells of two days, nor in a sentence of its own
        (
            "6月6日，某县招商推介会在某市举行。7日，县长张三到某镇调研。他指出，要抓好防汛。\n项目签约仪式\n",
            ["2020-06-06", "2020-06-07", None],
        ),
        (
            "6月6日，某县招商推介会在某市举行。县长张三出席会议并讲话。\n此外，某县还将举行项目签约仪式。\n",
            ["2020-06-06"],
        ),
    ],
)
def test_a_caption_line_takes_the_one_day_told_of(text, dates):
    assert [e.date for e in events_of(text, published="2020-06-09", names=("张三",))] == dates


@pytest.mark.parametrize(
    ("text", "talks"),
    [
        # 你 in words to the guest of a reception is that guest, at the talks the words tell of
        (
            "10日，总理李四会见甲国总统王五。李四表示，昨天主席赵六同你举行了会谈，双方达成共识。",
            {("赵六", "host"), ("王五", "guest")},
        ),
        (
            "10日，总理李四会见甲国总统王五。昨天主席赵六同您举行了会谈。",
            {("赵六", "host"), ("王五", "guest")},
        ),
        # …not where two were received (你们: whom is not said)
        (
            "10日，总理李四会见甲国总统王五和总理孙七。昨天主席赵六同你们举行了会谈。",
            {("赵六", "host")},
        ),
    ],
)
def test_you_in_words_to_a_guest_is_the_guest_of_the_talks(text, talks):
    events = events_of(text, names=("李四", "王五", "赵六", "孙七"))
    assert {(p.person, p.role) for p in events[-1].participations} == talks


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # 你们 in words to one guest: the guest's side, named by the guest
        ("10日，总理李四会见甲国总统王五。李四表示，昨天主席赵六同你们举行了会谈。", "同王五举行会谈"),
        ("10日，总理李四会见甲国总统王五。李四表示，昨天主席赵六同你举行了会谈。", "同王五举行会谈"),
        # …not where two were received (whom is not said): the pronoun stays
        ("10日，总理李四会见甲国总统王五和总理孙七。昨天主席赵六同你们举行了会谈。", "同你们举行会谈"),
    ],
)
def test_you_names_the_talks_by_the_guest(text, name):
    assert events_of(text, names=("李四", "王五", "赵六", "孙七"))[-1].name == name


def test_you_is_a_reference_that_keeps_the_guest_of_the_talks():
    # a role's evidence sentence must name its person or refer to them (pronouns.tsv): 你 does
    from govkg.extract.pipeline import extract

    text = "10日，总理李四会见甲国总统王五。李四表示，昨天主席赵六同你举行了会谈，双方达成共识。"
    found = extract(Release(id="t", text=text, published="2020-06-10"), tagger=False)
    names = {p.key: p.name for p in found.persons}
    talks = found.events[-1]
    assert ("王五", "guest") in {(names[p.person], p.role) for p in talks.participations}


@pytest.mark.parametrize(
    "sentence",
    [
        "调研组对某镇其他工作给予充分肯定，并提出了指导意见。",
        "督导组对他人的经验给予肯定，并强调要抓落实。",
    ],
)
def test_a_word_that_holds_a_pronouns_character_refers_to_no_one(sentence):
    # 其他 ("other"), 他人 ("others") hold 他 but stand for no one: the sentence after a visit's
    # companions, whose subject is a group, gives them no role
    from govkg.extract.pipeline import extract

    text = "部长张宏威到某镇调研。镇长蒋红艳陪同调研。" + sentence
    found = extract(Release(id="t", text=text, published="2020-06-10"), tagger=False)
    names = {p.key: p.name for p in found.persons}
    roles = {(names[p.person], p.role) for e in found.events for p in e.participations}
    assert roles == {("张宏威", "lead"), ("蒋红艳", "accompany")}


def test_date_carries_to_the_event_after_a_meeting():
    text = "6月9日，全县召开防汛工作推进会。会后，县领导到水库检查。"
    assert [e.date for e in events_of(text)] == ["2020-06-09", "2020-06-09"]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        (
            "全县召开防汛工作会议。副县长张三主持会议，县长李四出席并讲话。",
            ("张三", "李四"),
            {("张三", "chair"), ("李四", "attend"), ("李四", "speak")},
        ),
        ("全县召开防汛工作会议。李四指出，要压实责任。", ("李四",), {("李四", "speak")}),
        (
            "全县召开防汛工作会议。县长李四，副县长张三、王五参加会议。",
            ("李四", "张三", "王五"),
            {("李四", "attend"), ("张三", "attend"), ("王五", "attend")},
        ),
        (
            "县长李四到城关镇检查防汛工作，副县长张三陪同。",
            ("李四", "张三"),
            {("李四", "lead"), ("张三", "accompany")},
        ),
        ("省长李四在北京会见甲国大使王大。", ("李四", "王大"), {("李四", "host"), ("王大", "guest")}),
        (
            "会议决定任命张三为副县长，免去王五的副县长职务。",
            ("张三", "王五"),
            {("张三", "appointed"), ("王五", "removed")},
        ),
        # a list clause before the visit: they lead it
        (
            "市长张三、副市长李四一行，来到城关镇检查防汛工作，镇长王五陪同。",
            ("张三", "李四", "王五"),
            {("张三", "lead"), ("李四", "lead"), ("王五", "accompany")},
        ),
        # …but not when the visit's clause says they take part in it (分别参加走访慰问)
        (
            "县长张三走访慰问困难群众。县委常委、组织部部长李四，副县长王五分别参加走访慰问。",
            ("张三", "李四", "王五"),
            {("张三", "lead"), ("李四", "attend"), ("王五", "attend")},
        ),
        ("会议决定接受张三辞去县长职务。", ("张三",), {("张三", "removed")}),
        # a clause that does something is no list of names
        (
            "全市召开工作会议。市长张三安排稳增长工作，副市长李四参加会议。",
            ("张三", "李四"),
            {("李四", "attend")},
        ),
        (
            "省长王五会见了来访的董事长赵六一行。副省长钱七参加会见。",
            ("王五", "赵六", "钱七"),
            {("王五", "host"), ("赵六", "guest"), ("钱七", "attend")},
        ),
        (
            "全省电视电话会议召开。市长张三在分会场参加会议，并就我市工作提出要求。",
            ("张三",),
            {("张三", "attend"), ("张三", "speak")},
        ),
        ("新区项目集中开工仪式举行。市委书记张三宣布项目开工。", ("张三",), {("张三", "speak")}),
        # an address named by its kind (致欢迎辞, 致开幕词, 致答谢词) is spoken, as 致辞 is
        ("某县项目签约仪式举行。县长张三致欢迎辞。", ("张三",), {("张三", "speak")}),
        # what is told of (介绍项目情况, with or without 了) is spoken
        (
            "某县项目集中开工活动举行。县委书记张三宣布项目开工，副县长李四介绍项目建设情况。",
            ("张三", "李四"),
            {("张三", "speak"), ("李四", "speak")},
        ),
        ("第三届某论坛开幕。市长张三出席并致开幕词。", ("张三",), {("张三", "attend"), ("张三", "speak")}),
        ("某县项目签约仪式举行。某公司董事长张三致答谢词。", ("张三",), {("张三", "speak")}),
        (
            "新华社北京6月3日电 副总理李四3日在京出席全国防汛抗旱工作电视电话会议并讲话。",
            ("李四",),
            {("李四", "attend"), ("李四", "speak")},
        ),
        (
            "现将张三同志拟任职情况予以公示。张三，男，1975年5月出生，拟任县发改委主任。",
            ("张三",),
            {("张三", "appointed")},
        ),
        # who is led does not lead: they take part
        (
            "主委张三带领副主委李四、王五上门走访老同志。",
            ("张三", "李四", "王五"),
            {("张三", "lead"), ("李四", "attend"), ("王五", "attend")},
        ),
        # 在甲的带领下: who follows 带领下 is no one led by name
        ("检查组在组长张三的带领下，到城关镇检查防汛工作。", ("张三",), {("张三", "lead")}),
        # 在…陪同调研 is where one accompanies
        (
            "县长张三到城关镇调研。副书记李四在城关镇陪同调研。",
            ("张三", "李四"),
            {("张三", "lead"), ("李四", "accompany")},
        ),
        # welcoming a visit is not making one
        (
            "全市召开汇报会。会上，副市长张三对省调研组一行到我市调研表示欢迎。",
            ("张三",),
            {("张三", "speak")},
        ),
        # a list that goes on with 以及 speaks with the clause it joins
        (
            "全县召开会议。副县长张三、李四，以及县法院院长王五分别就防控工作提出意见和建议。",
            ("张三", "李四", "王五"),
            {("张三", "speak"), ("李四", "speak"), ("王五", "speak")},
        ),
        # views given (发表意见, 发表了意见建议) are words spoken; views heard (听取…发表的意见) are not
        (
            "全区召开座谈会。区长王五出席会议。副区长张三、李四就有关工作分别发表了意见建议。",
            ("王五", "张三", "李四"),
            {("王五", "attend"), ("张三", "speak"), ("李四", "speak")},
        ),
        ("全区召开座谈会。会上，张三发表意见。", ("张三",), {("张三", "speak")}),
        (
            "全区召开座谈会。区长王五主持会议，认真听取了大家发表的意见。",
            ("王五",),
            {("王五", "chair")},
        ),
        # a title after the name addresses the speaker (张三书记强调, 李四副县长则指出); a national
        # leader named in the formal order (习近平总书记强调) is cited, not speaking here
        (
            "全县召开会议。张三书记强调，要压实责任。李四副县长则指出，要抓好落实。",
            ("张三", "李四"),
            {("张三", "speak"), ("李四", "speak")},
        ),
        ("全县召开会议。张三常务副县长要求，要抓好落实。", ("张三",), {("张三", "speak")}),
        (
            "全县召开会议。王五指出，习近平总书记强调，要压实责任。",
            ("王五", "习近平"),
            {("王五", "speak")},
        ),
        ("全县召开会议。会上，张三对刘主任一行到我县调研表示欢迎。", ("张三",), {("张三", "speak")}),
        # a guiding lecture given (作了《…》专题指导报告) is words spoken; one studied is not
        (
            "全区召开中心组学习会。会上，张三作了《某区域发展新格局》专题指导报告。",
            ("张三",),
            {("张三", "speak")},
        ),
        ("全区召开中心组学习会。会议学习了张三的指导报告。", ("张三",), set()),
        ("全县召开会议。张三对来宾表示欢迎。", ("张三",), {("张三", "speak")}),
        ("全县召开会议。张三在会上做了三个方面的重点强调。", ("张三",), {("张三", "speak")}),
        # one subject, two cues: 出席并讲话; but 主持了颁发 is not 李四 attending
        ("副委员长李四主持了颁发任命书仪式。", ("李四",), {("李四", "chair")}),
        # a speech named is no speech given
        ("全县召开会议，学习总书记在全会上发表的重要讲话，县长李四主持。", ("李四",), {("李四", "chair")}),
        # 座谈会 is a meeting's name; 与…座谈 tells who holds it
        # 与…座谈: a talk held with others; he takes part, no one is said to chair it.
        ("总理李四在中南海与代表座谈。", ("李四",), {("李四", "attend")}),
        # …who went somewhere in the clause before holds it, the sentence opening with when or not
        ("县长李四来到某镇，与村民代表座谈。", ("李四",), {("李四", "attend")}),
        ("6月9日下午，县长李四来到某镇，与村民代表座谈。", ("李四",), {("李四", "attend")}),
        ("新华社北京6月9日电 县长李四来到某镇，与村民代表座谈。", ("李四",), {("李四", "attend")}),
        ("李四在与县乡干部座谈时强调，要真抓实干。", ("李四",), {("李四", "attend"), ("李四", "speak")}),
        ("县长李四在防汛工作座谈会上强调，要压实责任。", ("李四",), {("李四", "speak")}),
        # a talk held, praised before its noun, is still held by its subject
        (
            "10日，总理李四会见甲国总统王五。昨天主席赵六同你举行了富有成果的会谈。",
            ("李四", "王五", "赵六"),
            {("李四", "host"), ("王五", "guest"), ("赵六", "host")},
        ),
        # who is named with what he said about a visit (关于…) or visited again and again
        # (多次) leads no visit told of here
        (
            "9日，某县召开督查工作动员会。李四指出，要学习贯彻张三同志关于督查工作的重要指示。",
            ("李四", "张三"),
            {("李四", "speak")},
        ),
        (
            "9日，某合作区揭牌仪式在某市举行。李四出席。李四指出，张三同志多次亲临某市考察。",
            ("李四", "张三"),
            {("李四", "attend"), ("李四", "speak")},
        ),
        # the host of a reception is not the leader of the visit that names his guest
        (
            "9日下午，市长李四在某宾馆会见了来某市进行经贸考察洽谈的某公司董事长王五一行。",
            ("李四", "王五"),
            {("李四", "host"), ("王五", "guest")},
        ),
        # names before 参加会见 take part; they receive no one
        (
            "9日，市长李四会见王五一行。副市长张三、赵六，秘书长钱七参加会见。",
            ("李四", "王五", "张三", "赵六", "钱七"),
            {("李四", "host"), ("王五", "guest"), ("张三", "attend"), ("赵六", "attend"), ("钱七", "attend")},
        ),
        # 在会见乙时，甲表示: who goes on to speak received the guest
        (
            "在会见王五时，李四表示，双方合作良好。",
            ("李四", "王五"),
            {("李四", "host"), ("李四", "speak"), ("王五", "guest")},
        ),
        # 在…召开的会议上强调: the speaker at a meeting held that day, not who held it
        (
            "李四在6月9日召开的全市防汛工作会议上强调，要压实责任。",
            ("李四",),
            {("李四", "speak")},
        ),
        (
            "在6月9日召开的全县安全生产会议上，张三主持会议，李四讲话。",
            ("张三", "李四"),
            {("张三", "chair"), ("李四", "speak")},
        ),
        # 同 of 同志 is no 同 of whom talks are held with; hosts who receive together are hosts
        (
            "6月9日，李四与王五举行会谈。某部负责同志和有关领导同志参加会谈。",
            ("李四", "王五"),
            {("李四", "host"), ("王五", "guest")},
        ),
        ("6月9日，李四和王五共同会见某国客人。", ("李四", "王五"), {("李四", "host"), ("王五", "host")}),
        # a name listed before one who goes goes too, however long the names and titles
        (
            "1月25日，区委编办副主任张三、欧阳丽娜一行与社区工作人员来到某社区，逐户查看年货准备情况。",
            ("张三", "欧阳丽娜"),
            {("张三", "lead"), ("欧阳丽娜", "lead")},
        ),
        # nominees named by their post in a list of who attends: they attend, the chair is no
        # nominee
        (
            "8月13日，区人大常委会召开会议。区人大主任张三主持会议，区长李四，拟任副区长人选王五、赵六，"
            "区法院院长钱七列席会议。",
            ("张三", "李四", "王五", "赵六", "钱七"),
            {
                ("张三", "chair"),
                *{(name, "attend") for name in ("李四", "王五", "赵六", "钱七")},
                ("王五", "appointed"),
                ("赵六", "appointed"),
            },
        ),
        # whose words are carried out (学习贯彻甲…讲话精神) neither goes nor speaks
        (
            "6月9日，李四会见王五。李四在会谈中说，全省正在深入学习贯彻张三总书记来某省考察重要讲话精神。"
            "各部委负责同志对某省工作表示充分肯定。他们说，某省地位十分重要。表示将坚决贯彻张三总书记重要指示精神。",
            ("张三", "李四", "王五"),
            {("李四", "host"), ("李四", "speak"), ("王五", "guest")},
        ),
        (
            "6月9日，李四在某省调研。李四指出，某省认真贯彻张三总书记亲临考察指导时提出的“四个更大”重要要求。",
            ("张三", "李四"),
            {("李四", "lead"), ("李四", "speak")},
        ),
        # who holds the meeting is still its chair
        ("6月9日，李四召开全县防汛工作会议。", ("李四",), {("李四", "chair")}),
        # on whose behalf the chair acts (受甲委托) does nothing at the meeting
        (
            "6月9日上午，受县委书记张三委托，县长李四主持召开县委常委会会议。",
            ("张三", "李四"),
            {("李四", "chair")},
        ),
        (
            "6月9日，受市长张三指派，副市长李四出席全省安全生产工作会议并讲话。",
            ("张三", "李四"),
            {("李四", "attend"), ("李四", "speak")},
        ),
        # whose speech is studied (甲调研某区讲话精神) neither goes nor speaks; who speaks of it does
        (
            "6月9日，区政协召开主席会议，与会同志围绕市委书记王五调研我区讲话精神作了交流发言。"
            "区政协主席赵六主持会议。",
            ("王五", "赵六"),
            {("赵六", "chair")},
        ),
        (
            "6月9日，区政协召开主席会议，常委李四围绕贯彻市委书记王五重要讲话精神作了发言。",
            ("王五", "李四"),
            {("李四", "speak")},
        ),
        # 揭牌 in the rite's name (在揭牌仪式上讲话) is not what the speaker did there
        (
            "6月9日，某市产业园揭牌仪式举行。市长李四在揭牌仪式上讲话。",
            ("李四",),
            {("李四", "speak")},
        ),
        ("6月9日，市长李四为某产业园揭牌。", ("李四",), {("李四", "attend")}),
        # a talk held with someone in a clause with no subject: its elided subject talks too
        (
            "6月9日，市长张三带队拜会某省人民政府，与副省长李四举行座谈。",
            ("张三", "李四"),
            {("张三", "attend"), ("李四", "attend")},
        ),
        (
            "6月9日，市长张三带队到某省考察，并与副省长李四举行座谈。",
            ("张三", "李四"),
            {("张三", "lead"), ("张三", "attend"), ("李四", "attend")},
        ),
        # who hands over commissions attends their rite; 任命 that qualifies a noun appoints no one
        ("6月9日，县人大常委会主任李四向被任命的人员颁发了任命书。", ("李四",), {("李四", "attend")}),
        ("6月9日，县人大常委会主任李四向新任命人员颁发任命书。", ("李四",), {("李四", "attend")}),
        # 他 is who opened a clause of its sentence before it, not who was named last before
        (
            "6月9日，市委书记张三到防汛一线检查。市领导李四、王五一同察看。"
            "在市水文站，张三详细了解水位情况，他指出，要加强监测。",
            ("张三", "李四", "王五"),
            {("张三", "lead"), ("李四", "attend"), ("王五", "attend"), ("张三", "speak")},
        ),
        # 作 of 工作 (工作报告) gives no report: whom the clause goes on with says nothing
        ("6月9日，区长张三来到第二代表团，与代表们一起审议政府工作报告。", ("张三",), set()),
        ("6月9日，张三主持召开常务会议，与会人员听取了工作总结。", ("张三",), {("张三", "chair")}),
        # …while one who gives the work report speaks
        (
            "6月9日，张三主持召开常务会议，李四作了县政府工作报告。",
            ("张三", "李四"),
            {("张三", "chair"), ("李四", "speak")},
        ),
        (
            "6月9日，张三主持召开常务会议，李四作工作报告。",
            ("张三", "李四"),
            {("张三", "chair"), ("李四", "speak")},
        ),
        # who arrives where a visit is told of next leads it; not who arrives for a meeting
        ("昨天下午，水利部总工程师张三一行抵达我市，督导防汛工作。", ("张三",), {("张三", "lead")}),
        ("6月8日，国家主席张三抵达北京，出席某峰会。", ("张三",), {("张三", "attend")}),
        # a clause that goes on with its subject after a day said of it chairs (…，9日上午主持召开…)
        (
            "6月8日至10日，县长张三到某县调研，9日上午主持召开座谈会。",
            ("张三",),
            {("张三", "lead"), ("张三", "chair")},
        ),
        (
            "6月8日至10日，县长张三到某县调研，并于9日下午主持召开座谈会。",
            ("张三",),
            {("张三", "lead"), ("张三", "chair")},
        ),
        (
            "6月8日，县长张三到某县调研，当天下午在某镇召开座谈会。",
            ("张三",),
            {("张三", "lead"), ("张三", "chair")},
        ),
    ],
)
def test_roles(text, names, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=names) for p in e.participations}
    assert roles == expected


_GOES = "6月9日，市长张三到某县调研。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 随同 / 随行: who goes along with the visitor takes part in the visit (as 一同调研, 参加调研)
        (_GOES + "副市长李四随同调研。", {("李四", "attend")}),
        (_GOES + "副市长李四、秘书长王五随同考察。", {("李四", "attend"), ("王五", "attend")}),
        (_GOES + "副市长李四、秘书长王五随同。", {("李四", "attend"), ("王五", "attend")}),
        (_GOES + "副市长李四、秘书长王五随行。", {("李四", "attend"), ("王五", "attend")}),
        ("6月9日，市长张三到某县调研，副市长李四随同调研。", {("李四", "attend")}),
        ("6月9日，副市长李四随同市长张三到某县调研。", {("李四", "attend")}),
        (_GOES + "副市长李四、秘书长王五随同张三调研。", {("李四", "attend"), ("王五", "attend")}),
        # …listed after the words that say so, with or without whom they go with, and a colon
        (_GOES + "随同张三调研的有副市长李四、秘书长王五。", {("李四", "attend"), ("王五", "attend")}),
        (_GOES + "随同调研的还有副市长李四、秘书长王五。", {("李四", "attend"), ("王五", "attend")}),
        (_GOES + "一同调研的有副市长李四。", {("李四", "attend")}),
        (_GOES + "参加调研的有：副市长李四、秘书长王五。", {("李四", "attend"), ("王五", "attend")}),
        # controls: 陪同 accompanies, in every order
        (_GOES + "县委书记李四、县长王五陪同调研。", {("李四", "accompany"), ("王五", "accompany")}),
        (_GOES + "陪同张三调研的有县委书记李四、县长王五。", {("李四", "accompany"), ("王五", "accompany")}),
        (_GOES + "陪同调研的有：县委书记李四、县长王五。", {("李四", "accompany"), ("王五", "accompany")}),
        ("6月9日，县委书记李四陪同市长张三到某县调研。", {("李四", "accompany")}),
        (_GOES + "副市长李四随同调研，县长王五陪同。", {("李四", "attend"), ("王五", "accompany")}),
        # 随行 / 随同 qualifying a noun: no one goes along by it; the visitor speaks
        (_GOES + "张三叮嘱随行人员多听群众意见。", {("张三", "speak")}),
    ],
)
def test_who_goes_along_with_a_visit(text, expected):
    roles = {
        (p.person, p.role)
        for e in events_of(text, names=("张三", "李四", "王五"))
        for p in e.participations
        if (p.person, p.role) != ("张三", "lead")
    }
    assert roles == expected


_MET = "6月9日，市长张三会见了某集团董事长李四一行。"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (_MET + "副市长王五参加会见。", "attend"),
        (_MET + "副市长王五随同会见。", "attend"),
        (_MET + "副市长王五陪同会见。", "accompany"),
        # a list after 参加会见的有 takes part in the reception told of: no second reception
        (_MET + "参加会见的有副市长王五。", "attend"),
        (_MET + "随同会见的还有：副市长王五。", "attend"),
        (_MET + "陪同会见的有副市长王五。", "accompany"),
        # who sat in on it (会见时在座, 会谈时在场) takes part: no second reception he hosts
        (_MET + "副市长王五会见时在座。", "attend"),
        (_MET + "市委常委、副市长王五会谈时在场。", "attend"),
    ],
)
def test_who_takes_part_in_a_reception_told_of(text, role):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    roles = {(p.person, p.role) for p in event.participations}
    assert roles == {("张三", "host"), ("李四", "guest"), ("王五", role)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the guest's titles run on past a comma to the name: the guest all the same
        (
            "6月9日，市长张三会见某集团党委委员、副总裁，某公司董事长李四。",
            {("张三", "host"), ("李四", "guest")},
        ),
        (
            "6月9日，省长张三会见了某国驻华大使，某国际组织代表李四一行。",
            {("张三", "host"), ("李四", "guest")},
        ),
        # controls: the clause after tells of something else
        ("6月9日，省长张三会见了某国总统，某国总理李四陪同。", {("张三", "host"), ("李四", "accompany")}),
        ("6月9日，省长张三会见了某国驻华大使，李四等参加会见。", {("张三", "host"), ("李四", "attend")}),
    ],
)
def test_a_guest_named_after_a_comma_in_his_titles(text, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，市长张三主持召开会议。出席会议的有关部门负责人作了发言。",  # 有关: no list
        "6月9日，市长张三主持召开会议。参加会议的有200余人。",  # a count, no names
    ],
)
def test_those_who_attend_listed_without_names(text):
    (event,) = events_of(text, names=("张三",))
    assert {(p.person, p.role) for p in event.participations} == {("张三", "chair")}


_RECEIVED = "6月9日，省长张三会见了某国驻华大使李四一行。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who receives the guests goes along with them to what is no event: no companion of his own
        (_RECEIVED + "当晚，张三陪同客人观看了文艺演出。", {("张三", "host"), ("李四", "guest")}),
        ("6月9日，县长张三到某镇调研。张三陪同专家察看了项目现场。", {("张三", "lead")}),
        # controls: another official accompanies, before or after
        (_RECEIVED + "副省长王五陪同会见。", {("张三", "host"), ("李四", "guest"), ("王五", "accompany")}),
        (
            "6月9日，省长张三在副省长王五陪同下会见了某国驻华大使李四一行。",
            {("张三", "host"), ("李四", "guest"), ("王五", "accompany")},
        ),
    ],
)
def test_one_does_not_accompany_what_he_hosts_or_leads(text, expected):
    roles = {
        (p.person, p.role) for e in events_of(text, names=("张三", "李四", "王五")) for p in e.participations
    }
    assert roles == expected


_CALLER = "6月9日，县长张三先后"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calls in turn on organs of government: a reception each, the visitor its guest
        (_CALLER + "拜会了省发展改革委、省交通运输厅和省水利厅。", [("reception", "guest")] * 3),
        (_CALLER + "拜会了某市人民政府、某市政协。", [("reception", "guest")] * 2),
        (_CALLER + "拜会了省高级人民法院、省人民检察院。", [("reception", "guest")] * 2),
        # calls in turn on places that are no organs: one visit, as 走访 is, which he leads
        (_CALLER + "拜访了某村村委、某社区居委会，了解基层治理情况。", [("inspection", "lead")]),
        (_CALLER + "拜访了某村村委会、某村党支部和某社区居委会。", [("inspection", "lead")]),
        (_CALLER + "拜访了某某集团、某某科技公司，洽谈项目合作。", [("inspection", "lead")]),
        (_CALLER + "拜访了某某大学、某某职业技术学院。", [("inspection", "lead")]),
        (_CALLER + "拜访了某某医院、某某银行。", [("inspection", "lead")]),
        (_CALLER + "拜会了省交通运输厅、某某集团。", [("inspection", "lead")]),  # not all organs
        ("6月9日，县长张三分别拜访了某某集团、某某公司。", [("inspection", "lead")]),
        ("6月9日，县长张三、副县长李四带队，先后拜访了某某集团、某某公司。", [("inspection", "lead")]),
        (_CALLER + "走访了某某集团、某某科技公司。", [("inspection", "lead")]),
    ],
)
def test_calls_in_turn_on_organs_and_on_other_places(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [(e.type, next(p.role for p in e.participations if p.person == "张三")) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one call on a place that is no organ: one visit, which the caller leads
        (
            "6月9日，县长张三拜访了某某集团，洽谈项目合作。",
            [("inspection", "拜访某某集团", {("张三", "lead")})],
        ),
        ("6月9日，县长张三拜访某某大学。", [("inspection", "拜访某某大学", {("张三", "lead")})]),
        # controls: one organ alone names no one who receives; a call on a post is a reception
        ("6月9日，县长张三拜会了省发展改革委。", []),
        (
            "6月9日，县长张三拜访了某某集团董事长李四。",
            [("reception", "拜访某某集团董事长李四", {("张三", "guest"), ("李四", "host")})],
        ),
    ],
)
def test_one_call_on_a_place_that_is_no_organ(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in found] == expected


def test_a_visit_of_calls_is_named_by_the_places():
    (event,) = events_of(_CALLER + "拜访了某村村委、某社区居委会，了解基层治理情况。", names=("张三",))
    assert event.name == "拜访某村村委、某社区居委会"


_CALLS = "6月9日，省长张三带队，先后拜会国家发展改革委、交通运输部、水利部。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title that names the organ called on: that call
        (
            "6月9日，省长张三带队，先后拜会国家发展改革委、交通运输部。交通运输部副部长李二河、国家发展改革委副主任王晓东参加会谈。",
            [{"王晓东"}, {"李二河"}],
        ),
        # names without titles as many as the calls: the lists are told in the same order
        (_CALLS + "李二河、王晓东、赵三水等领导同志参加会谈。", [{"李二河"}, {"王晓东"}, {"赵三水"}]),
        # otherwise the text does not say which: every call
        (_CALLS + "李二河、王晓东参加会谈。", [{"李二河", "王晓东"}] * 3),
        (
            _CALLS + "副省长李二河、省政府秘书长王晓东、副秘书长赵三水参加会谈。",
            [{"李二河", "王晓东", "赵三水"}] * 3,
        ),
        # 分别 says each took part in the call of the same rank, titles or not…
        (
            _CALLS + "副部长李二河、副主任王晓东、副部长赵三水分别参加会谈。",
            [{"李二河"}, {"王晓东"}, {"赵三水"}],
        ),
        # …or in some, not which: the role goes to the call told of, as any role does
        (_CALLS + "省领导李二河、王晓东分别参加有关活动。", [set(), set(), {"李二河", "王晓东"}]),
    ],
)
def test_who_takes_part_in_the_talks_of_calls_in_turn(text, expected):
    from govkg.extract.pipeline import extract

    found = extract(Release(id="t", text=text, published="2020-06-10"), tagger=False)
    names = {p.key: p.name for p in found.persons}
    attends = [{names[p.person] for p in e.participations if p.role == "attend"} for e in found.events]
    assert [e.type for e in found.events] == ["reception"] * len(expected)
    assert attends == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a speaker welcomes, briefs or congratulates does not speak, nor is 他 after it
        (
            "6月9日，市长张三会见了某市副市长李四一行。张三代表市政府对李四一行表示欢迎。他说，两市交流密切。",
            {("张三", "host"), ("李四", "guest"), ("张三", "speak")},
        ),
        (
            "6月9日，某报社社长李四一行到我县调研。县长张三陪同调研。张三向李四一行介绍了县情，希望加强合作。",
            {("李四", "lead"), ("张三", "accompany"), ("张三", "speak")},
        ),
        (
            "6月9日，省长张三会见了甲国总统李四。张三首先祝贺李四履新，表示愿加强合作。",
            {("张三", "host"), ("李四", "guest"), ("张三", "speak")},
        ),
        (
            "6月9日，省长张三会见了甲国总统李四。李四感谢张三会见，表示愿加强合作。",
            {("张三", "host"), ("李四", "guest"), ("李四", "speak")},
        ),
        # who thanks is named by no person: what the clause goes on to say is no one's
        (
            "6月9日，省长张三会见了外国专家。专家们感谢张三会见，表示将继续努力。",
            {("张三", "host")},
        ),
        # controls: thanks said (表示感谢) keep the speaker; a list of speakers speaks
        (
            "6月9日，市长张三出席签约仪式并致辞。张三向各位嘉宾表示衷心感谢。他说，本市交通便利。",
            {("张三", "attend"), ("张三", "speak")},
        ),
        (
            "6月9日，县长张三到某镇调研，对干部们的付出表示感谢，并指出，要抓好落实。",
            {("张三", "lead"), ("张三", "speak")},
        ),
        (
            "6月9日，全县召开防汛工作会议。县长张三、副县长李四出席并讲话。",
            {("张三", "attend"), ("李四", "attend"), ("张三", "speak"), ("李四", "speak")},
        ),
        (
            "6月9日，省长张三会见了甲国总统李四。在会见李四时，张三表示，愿加强合作。",
            {("张三", "host"), ("李四", "guest"), ("张三", "speak")},
        ),
    ],
)
def test_whom_a_speaker_addresses_does_not_speak(text, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 他 after a companion's sentence is who leads the visit, never the companion
        (
            "6月9日，县长张三在某镇调研。副县长李四陪同调研。他指出，要抓好落实。",
            {("张三", "lead"), ("李四", "accompany"), ("张三", "speak")},
        ),
        (
            "6月9日，县长张三在某镇调研。副县长李四陪同调研。他详细了解了生产情况，并提出了要求。",
            {("张三", "lead"), ("李四", "accompany"), ("张三", "speak")},
        ),
        (
            "6月9日，县长张三到某镇调研，副县长李四陪同。随后他在镇上召开座谈会，强调要抓好落实。",
            {("张三", "lead"), ("李四", "accompany"), ("张三", "speak")},
        ),
        # no one named leads: 他 is no one
        (
            "6月9日，某部门组织人员到某镇调研，副县长李四陪同。他指出，要抓好落实。",
            {("李四", "accompany")},
        ),
        # controls: the companion's own clause goes on with him; so does 他 once he does more
        (
            "6月9日，县长张三到某镇调研，副县长李四陪同，并介绍了有关情况。",
            {("张三", "lead"), ("李四", "accompany"), ("李四", "speak")},
        ),
        (
            "6月9日，县长张三到某镇调研，副县长李四陪同。李四主持召开座谈会。他指出，要抓好落实。",
            {("张三", "lead"), ("李四", "accompany"), ("李四", "chair"), ("李四", "speak")},
        ),
    ],
)
def test_he_after_the_companions_is_who_leads_the_visit(text, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles == expected


@pytest.mark.parametrize(
    "place",
    ["乌兰他拉镇", "某某他本嘎查", "巴音他拉村"],
)
def test_a_pronouns_character_in_a_place_name_refers_to_no_one(place):
    # the sentence reads as it does with another character in the name: 他 there is no one
    from govkg.extract.pipeline import extract

    def roles(name):
        text = f"6月9日，县长张三到某镇调研。副县长李四陪同。详细了解了情况，并对{name}提出要求。"
        found = extract(Release(id="t", text=text, published="2020-06-10"), tagger=False)
        names = {p.key: p.name for p in found.persons}
        return {(names[p.person], p.role) for e in found.events for p in e.participations}

    assert roles(place) == roles(place.replace("他", "巴")) == {("张三", "lead"), ("李四", "accompany")}


@pytest.mark.parametrize(
    ("subject", "speaks"),
    [
        # a party or a plural of no person opens the clause: what it goes on to do is no one's
        ("客人一行", False),
        ("市人大常委会一行", False),
        ("专家们", False),
        ("某市党政代表团", False),
        # controls: persons named, or 他们 for them, go on
        ("他们", True),
        ("县长张三一行", True),
    ],
)
def test_a_party_of_no_person_hands_nothing_to_the_persons_before(subject, speaks):
    text = (
        f"6月9日，县长张三到某镇调研，副镇长李四陪同。{subject}对某镇工作给予肯定，并提出了意见，"
        "李四表示感谢。"
    )
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles - {("张三", "speak")} == {("张三", "lead"), ("李四", "accompany"), ("李四", "speak")}
    assert (("张三", "speak") in roles) == speaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom commissions are handed to takes no part by 颁发; who hands them over attends
        ("6月9日，县人大常委会主任张三向李四颁发了任命书。", {("张三", "attend")}),
        # who chairs the rite of handing them over hands over nothing himself
        ("6月9日，县人大常委会副主任李四主持颁发任命书仪式。", {("李四", "chair")}),
        # control: who attends that rite attends it
        ("6月9日，县人大常委会副主任李四出席颁发任命书仪式。", {("李四", "attend")}),
    ],
)
def test_commissions_handed_over(text, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who is named the leader or head of a visiting group leads the visit
        (
            "6月9日，由某办主任张三担任领队、某会会长李四担任团长的青年考察团一行，来我省开展交流考察活动。",
            {("张三", "lead"), ("李四", "lead")},
        ),
        ("6月9日，某市代表团来我县考察，某办主任张三担任团长。", {("张三", "lead")}),
        # control: named head of a group with no visit told of leads nothing
        ("6月9日，县长张三主持召开会议，会议决定由李四担任团长。", {("张三", "chair")}),
    ],
)
def test_the_head_of_a_visiting_group_leads_the_visit(text, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert roles == expected


def test_evidence_is_the_sentence():
    text = "前言。6月9日，全县召开防汛工作推进会，张三主持。"
    (event,) = events_of(text, names=("张三",))
    assert text[event.evidence.start : event.evidence.end] == "6月9日，全县召开防汛工作推进会，张三主持。"
    assert all(p.evidence == event.evidence for p in event.participations)


def test_implements_are_short_noun_phrases():
    text = "全县召开防汛工作会议，贯彻落实省委决策部署和市委工作要求，部署下步工作。"
    (event,) = events_of(text)
    assert event.implements == ("省委决策部署", "市委工作要求")


def test_traditional_text_keeps_its_characters():
    text = "全縣召開防汛工作會議，貫徹落實省委決策部署。"
    (event,) = events_of(text)
    assert (event.type, event.implements) == ("meeting", ("省委決策部署",))


def test_keys_are_unique():
    text = "全县召开防汛工作会议。会后，县长到水库检查。县长会见了客商。"
    keys = [e.key for e in events_of(text)]
    assert len(keys) == len(set(keys)) == 3


def test_the_headline_reports_what_the_body_only_quotes():
    text = "“我感到十分荣幸。”当选后，张三向代表们表示感谢。"
    release = Release(id="t", text=text, title="某区召开五届人大四次会议", published="2018-07-19")
    (event,) = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三"))
    assert (event.type, event.name) == ("meeting", "五届人大四次会议")
    assert text[event.evidence.start : event.evidence.end] == "“我感到十分荣幸。”"


def test_roles_go_to_the_event_told_of_in_their_clause():
    text = "5月13日，副总理张三赴某区调研，了解经济运行情况，13日晚，主持召开部分企业负责人座谈会。"
    events = events_of(text, "2013-05-15", names=("张三",))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == [
        ("inspection", {("张三", "lead")}),
        ("meeting", {("张三", "chair")}),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("8月14日，县人大常委会召开会议，回顾1948年的历史。", None),  # a year long past
        ("8月14日，县人大常委会召开会议，部署到2035年的规划。", None),  # a target
    ],
)
def test_years_that_are_not_the_release_year(text, date):
    assert events_of(text, None)[0].date == date


def test_a_meeting_to_be_convened_is_no_happening():
    text = "8月3日，县人大常委会召开第四次会议。会议听取了关于召开县人大二次会议有关事项的报告。"
    assert [e.type for e in events_of(text, "2022-08-07")] == ["meeting"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # 会议… tells of the meeting, on its day
        ("8月3日，县人大常委会召开第四次会议。会议决定任命张三为副县长。", ["2022-08-03", "2022-08-03"]),
        # …but without a meeting it gives no date
        ("8月3日，县长为新任命人员颁发任命书。刚刚闭幕的会议任命了张三为副县长。", ["2022-08-03", None]),
        # a dateline before 当天
        ("央视网消息（新闻联播）：当天，总理在利马主持召开中资企业座谈会。", ["2022-08-07"]),
    ],
)
def test_dates_of_sentences_that_go_on(text, dates):
    assert [e.date for e in events_of(text, "2022-08-07", names=("张三",))] == dates


_PIECES = [
    "6月9日",
    "昨天",
    "，",
    "。",
    "、",
    "张三",
    "李四",
    "县长",
    "召开",
    "防汛工作会议",
    "主持",
    "出席",
    "讲话",
    "指出",
    "到",
    "城关镇",
    "调研",
    "陪同",
    "会见",
    "签约仪式",
    "任命",
    "为",
    "副县长",
    "免去",
    "贯彻落实",
    "省委决策部署",
    "和",
    "会后",
    "随后",
    "他",
    "要",
    "\n",
    "會議",
    "召開",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from([None, "2020-06-10", "2021-01-02"]))
@settings(max_examples=200, deadline=None)
def test_invariants(pieces, published):
    text = "".join(pieces)
    sentences = tuple(split_sentences(text))
    release = Release(id="t", text=text, published=published)
    persons = persons_in(text, "张三", "李四")
    events = list(find_events(release, sentences, persons))
    spans = {s.span for s in sentences}
    keys = {p.key for p in persons}
    assert len({e.key for e in events}) == len(events)
    for event in events:
        assert event.evidence in spans
        assert event.type in {
            "meeting",
            "inspection",
            "reception",
            "signing",
            "ceremony",
            "appointment",
            "other",
        }
        assert event.date is None or len(event.date) == 10
        assert all(phrase and phrase in text for phrase in event.implements)
        for part in event.participations:
            assert part.person in keys
            assert part.evidence in spans


def test_a_date_after_the_cue_is_not_the_event_date():
    text = "近期，国务院领导同志分赴各地开展调研，贯彻9月26日中央政治局会议精神。"
    assert events_of(text, "2024-10-25")[0].date is None


def test_an_inspection_that_names_a_speech_is_no_inspection():
    assert events_of("全省上下正在深入学习贯彻总书记来青考察重要讲话精神。") == []


def test_a_closed_sitting_and_its_appointments():
    text = (
        "刚刚闭幕的县人大常委会第三次会议任命了县监察委员会组成人员。他们是：主任张三，委员李四。"
        "会议还任命了王五为副县长。"
    )
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [e.type for e in events] == ["meeting", "appointment", "appointment"]
    assert [{(p.person, p.role) for p in e.participations} for e in events[1:]] == [
        {("张三", "appointed"), ("李四", "appointed")},
        {("王五", "appointed")},
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "会议通报了近期工作：一是6月8日召开了防汛工作会议；二是6月9日召开了安全生产工作会议。",
            [("防汛工作会议", "2020-06-08"), ("安全生产工作会议", "2020-06-09")],
        ),
        (
            "一是6月8日，县长张三主持召开了防汛工作会议；二是要开展督导检查。",
            [("防汛工作会议", "2020-06-08")],
        ),
    ],
)
def test_a_point_that_reports_a_day_done(text, expected):
    # a summary of work done lists its happenings as points, each with its day and 了
    assert [(e.name, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，县委召开干部大会，县委副书记李四宣读了任命文件。",
        "6月9日，县委召开干部大会，县委副书记李四宣读了市委任免决定。",
        "6月9日，县委召开干部大会，县委副书记李四宣读了市委任免通知。",
    ],
)
def test_a_paper_read_out_appoints_no_one(text):
    # the paper names no one to a post: the meeting it is read at, and no appointment
    assert [e.type for e in events_of(text, names=("李四",))] == ["meeting"]


def test_an_appointment_decided_is_one():
    text = "6月9日，县人大常委会召开会议，会议决定任命张三为副县长。"
    assert [e.type for e in events_of(text, names=("张三",))] == ["meeting", "appointment"]


def test_another_appointment_needs_names():
    text = "会议决定任命张三为副县长。会议还表决通过其他人事任免事项。"
    assert [e.type for e in events_of(text, names=("张三",))] == ["appointment"]


# The data files events.py reads: every row well formed.
_TYPES = {"meeting", "inspection", "reception", "signing", "ceremony", "appointment", "other"}
_ROLES = {"chair", "attend", "speak", "lead", "accompany", "host", "guest", "appointed", "removed"}


def test_event_cue_rows():
    rows = load_table("event_cues.tsv")
    assert rows
    for kind, pattern, needs in rows:
        assert kind.rstrip("?+=!") in _TYPES
        assert needs and all(word for group in needs.split("&") for word in group.split("|"))
        assert "{" not in re.sub(r"\{(?:C|GAP|MEET|INSPECT)\}|\{\d+,\d+\}", "", pattern)


@pytest.mark.parametrize(
    "clause",
    [
        "全市安全生产工作会议在市政府召开",
        "某县经济工作会议隆重开幕",
        "某市第五次党代会胜利闭幕",
        "全省推进会在某市举行",
        "张三出席全省招商引资推介会",
        "李四主持召开县委常委会会议",
        "王五参加某区代表团审议",
        "某镇收听收看全国防汛工作视频会",
        "座谈会上，张三指出",
    ],
)
def test_event_cue_needs_hold_every_match(clause):
    # The needs are a first test only: a clause a row's pattern matches holds a word of each group.
    for _, pattern, needs in events._event_cues():
        if pattern.search(clause):
            assert all(need.search(clause) for need in needs), pattern.pattern[:40]


def test_role_cue_rows():
    rows = load_table("role_cues.tsv")
    assert len({(cue, role) for cue, role, _ in rows}) == len(rows)
    for cue, role, where in rows:
        assert (
            cue
            and role in _ROLES
            and where in {"before", "after", "subject", "within", "heard", "given", "presented"}
        )


@pytest.mark.parametrize(
    "name", ["meeting_heads.tsv", "inspection_verbs.tsv", "directive_heads.tsv", "said_verbs.tsv"]
)
def test_word_lists(name):
    words = load_words(name)
    assert words and all(re.fullmatch(r"[\u4e00-\u9fff]+", word) for word in words)


def test_a_place_without_the_adverb_before_the_verb():
    (event,) = events_of("县长张三先后到城南街道、城北镇实地察看防汛工作。", names=("张三",))
    assert event.place == "城南街道、城北镇"


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，全省安全生产工作会议在省政府隆重召开。",
        "6月9日，全省安全生产工作会议在省政府顺利召开。",
        "6月9日，某国领导人会晤在省政府成功举行。",
        "6月9日，全省安全生产工作会议在省政府召开。",
    ],
)
def test_a_meeting_held_somewhere_has_its_place_without_how_it_went(text):
    (event,) = events_of(text)
    assert (event.type, event.place) == ("meeting", "省政府")


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("9月19日，县委第一巡察组正式进驻城关镇开展巡察。", ["inspection"]),
        ("副市长张三对调研组的到来表示欢迎。", []),
        ("会议审议了《关于召开县人大二次会议的决定（草案）》。", []),
    ],
)
def test_more_event_types(text, types):
    assert [e.type for e in events_of(text, names=("张三",))] == types


def test_a_reception_before_the_meeting_is_on_its_day():
    text = "纪念座谈会今天在北京举行。刘某出席座谈会，并在会前会见了亲属代表。"
    assert [(e.type, e.date) for e in events_of(text, "2017-03-31")] == [
        ("meeting", "2017-03-31"),
        ("reception", "2017-03-31"),
    ]


def test_a_visit_to_see_how_a_plan_is_carried_out():
    text = "3月8日至11日，省发改委副主任张三一行来到我市，调研我市贯彻《沿海地区发展规划》的进展情况。"
    (event,) = events_of(text, "2012-09-11", names=("张三",))
    assert (event.type, event.date, event.implements) == (
        "inspection",
        "2012-03-08",
        ("《沿海地区发展规划》",),
    )


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # A visit: the verb phrase after the leader, without titles, time and 时强调.
        ("6月9日，省委书记张三近日在某县调研时强调，要抓好生产。", ("张三",), "在某县调研"),
        ("6月9日，县长张三率领检查组督导检查全县防汛工作。", ("张三",), "率领检查组督导检查全县防汛工作"),
        # A reception: the cue and the guest; a chain of the guest's titles left out.
        ("6月9日，省长李四在北京会见了甲国外长王五。", ("李四", "王五"), "会见甲国外长王五"),
        ("6月9日，市长李四会见某集团董事长、总经理王五一行。", ("李四", "王五"), "会见王五一行"),
        ("6月9日，委员长李四在京与甲国议长王五举行会谈。", ("李四", "王五"), "与甲国议长王五举行会谈"),
        # …and without what brought the guest (来华出席…的, 应邀访华的)
        ("6月9日，主席李四会见来华出席某论坛开幕式的甲国总统王五。", ("李四", "王五"), "会见甲国总统王五"),
        ("6月9日，总理李四会见应邀访华的甲国总理王五。", ("李四", "王五"), "会见甲国总理王五"),
        ("6月9日，主席李四会见出席某论坛的王五。", ("李四", "王五"), "会见王五"),
        # A talk held with others is named with them, not by them.
        ("6月9日，张三与企业负责人座谈。", ("张三",), "与企业负责人座谈"),
        # A rite: what follows its light verb.
        ("6月9日，新当选的县长张三进行宪法宣誓。", ("张三",), "宪法宣誓"),
        ("6月9日，主任张三向王五颁发任命书，并组织了向宪法宣誓仪式。", ("张三", "王五"), "向宪法宣誓仪式"),
        ("6月9日，主任張三向王五頒發任命書，並組織了向憲法宣誓儀式。", ("張三", "王五"), "向憲法宣誓儀式"),
        # What is handed over is named with its verb; the rite's own name wins, in any script.
        ("6月9日，主任张三向王五颁发了任命书。", ("张三", "王五"), "颁发任命书"),
        ("6月9日，主任张三向王五颁发任命书。会后，举行了宪法宣誓仪式。", ("张三", "王五"), "宪法宣誓仪式"),
        ("6月9日，主任張三向王五頒發任命書。會後，舉行了憲法宣誓儀式。", ("張三", "王五"), "憲法宣誓儀式"),
        # A talk held: 举行会谈, without the particle and the praise; 你 in words to a guest is the guest.
        (
            "10日，总理李四会见甲国总统王五。李四表示，两国友谊深厚。昨天主席赵六同你举行了富有成果的会谈。",
            ("李四", "王五", "赵六"),
            "同王五举行会谈",
        ),
        # An appointment: the cue and what it appoints, with the sitting that made it.
        (
            "刚刚闭幕的县人大常委会第五次会议任命了王五为副县长。",
            ("王五",),
            "县人大常委会第五次会议任命王五为副县长",
        ),
        # a signing rite after its light verb, not who attends it
        ("6月9日，张三、李四及有关领导出席签约仪式。", ("张三", "李四"), "签约仪式"),
        # …and a sitting that opens a clause after a date
        (
            "5日，县第十届人民代表大会第三次会议选举王五为县长。",
            ("王五",),
            "县第十届人民代表大会第三次会议选举王五为县长",
        ),
        # a meeting named in 在…座谈会上, not a talk 和…座谈 inside its name, nor 的 before it
        (
            "20日至22日，张三在某省检查工作。在省纪委和某县纪委座谈会上，张三指出，要抓好落实。",
            ("张三",),
            "省纪委和某县纪委座谈会",
        ),
        ("9日，张三到某县调研。在召开的座谈会上，李四表示欢迎。", ("张三", "李四"), "座谈会"),
        # a delegation joined in its deliberation: the deliberation, not the delegation
        ("6月9日，区长张三来到第二代表团，与代表们一起审议政府工作报告。", ("张三",), "第二代表团审议"),
        ("6月9日，区长张三来到第二代表团，分组讨论政府工作报告。", ("张三",), "第二代表团分组讨论"),
        # a visit's day and its part, said between the place and the verb, are no part of its name
        ("县委书记张三在某镇3日调研时强调，要抓好秋收。", ("张三",), "在某镇调研"),
        ("3月5日，县长张三在某乡上午调研脱贫攻坚工作。", ("张三",), "在某乡调研脱贫攻坚工作"),
        ("县长张三在某县3月5日至7日检查防汛工作。", ("张三",), "在某县检查防汛工作"),
        ("县长张三在某县5日下午检查防汛工作。", ("张三",), "在某县检查防汛工作"),
        # …and those that open it
        ("县长张三带队，于本月3日深入某县检查防汛工作。", ("张三",), "深入某县检查防汛工作"),
        ("县长张三一行，6月3日至4日深入某县检查防汛工作。", ("张三",), "深入某县检查防汛工作"),
        ("县长张三带队，3日上午到某县调研。", ("张三",), "到某县调研"),
        ("9日，县长张三在今年第二次到某县调研时强调，要抓好落实。", ("张三",), "在今年第二次到某县调研"),
        ("县长张三在6月3日到某县调研。", ("张三",), "到某县调研"),
        # …but a year inside what is inspected stays
        ("9日，县长张三到某县检查2023年度防汛工作。", ("张三",), "到某县检查2023年度防汛工作"),
        # a name held in quotes ends before the closing mark, and starts after the opening one
        ("9日，县政府召开“第8次主管会报暨第6次县务会议”。", (), "第8次主管会报暨第6次县务会议"),
        ("9日，县政府召开「第8次县务会议」。", (), "第8次县务会议"),
        # …a quote inside the name stays
        ("9日，县委召开“三农”工作会议。", (), "“三农”工作会议"),
    ],
)
def test_event_names(text, names, expected):
    assert expected in [e.name for e in events_of(text, names=names)]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # The body says too little of the visit; the headline names it.
        ("张三督导夜景亮化工作", "6月9日，区长张三带队实地督导。", "督导夜景亮化工作"),
        # The body gives no place; the headline does.
        ("张三在某县考察时强调 抓好生产", "6月9日，张三就产业发展进行调研考察。", "张三在某县考察"),
        # The body tells of a talk with a list of people; the headline names the meeting.
        (
            "张三主持召开防汛工作座谈会",
            "6月9日，县长张三与乡镇干部、水利专家、驻村队员和有关企业代表座谈。",
            "防汛工作座谈会",
        ),
        # The headline names the activity the visit is part of.
        (
            "新春送祝福——某区委开展新春慰问活动",
            "春节前夕，主委张三带领副主委李四上门走访了老同志。",
            "新春慰问活动",
        ),
        # The body's meeting name shortens the headline's.
        (
            "某市召开“稳增长,促发展”专题协商议政会",
            "3月30日，市政协召开专题议政会。",
            "“稳增长,促发展”专题协商议政会",
        ),
    ],
)
def test_event_names_from_headline(title, text, expected):
    release = Release(id="t", text=text, title=title, published="2020-06-10")
    events = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三"))
    assert [e.name for e in events] == [expected]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # the day only the headline gives dates what goes on with the event it reports
        (
            "6月8日县政府召开常务会议",
            "县政府召开常务会议，县长张三主持会议。会后，张三到某镇调研。",
            ["2020-06-08", "2020-06-08"],
        ),
        (
            "6月8日县政府召开常务会议",
            "县政府召开常务会议，县长张三主持会议。\n随后，张三会见了某公司董事长李四。",
            ["2020-06-08", "2020-06-08"],
        ),
        # …and a day counted from it (次日), or 当天 with no day in the body
        (
            "6月8日县政府召开常务会议",
            "县政府召开常务会议，县长张三主持会议。\n次日，张三会见了某公司董事长李四。",
            ["2020-06-08", "2020-06-09"],
        ),
        (
            "6月8日县政府召开常务会议",
            "县政府召开常务会议，县长张三主持会议。\n当天下午，张三会见了某公司董事长李四。",
            ["2020-06-08", "2020-06-08"],
        ),
        # …not what the body dates itself, nor after a range in the headline
        (
            "6月8日县政府召开常务会议",
            "6月7日，县政府召开常务会议，县长张三主持会议。会后，张三到某镇调研。",
            ["2020-06-07", "2020-06-07"],
        ),
        (
            "6月8日至9日县长张三到某镇调研",
            "县长张三到某镇调研。\n随后，张三主持召开座谈会。",
            ["2020-06-08", None],
        ),
        # …nor a sentence that does not go on with it
        (
            "6月8日县政府召开常务会议",
            "县政府召开常务会议，县长张三主持会议。\n张三还会见了某公司董事长李四。",
            ["2020-06-08", None],
        ),
    ],
)
def test_the_headline_day_dates_what_goes_on_with_it(title, text, expected):
    release = Release(id="t", text=text, title=title, published="2020-06-10")
    events = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三", "李四"))
    assert [e.date for e in events] == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # A range dates the visit; a meeting held some day within it is not knowable.
        (
            "6日至8日，张三在某区调研，并主持召开工作座谈会。",
            "2020-07-08",
            [("inspection", "2020-07-06"), ("meeting", None)],
        ),
        # …结束后: the last day of the range.
        (
            "3月8日至11日，张三一行到我市调研。调研结束后，市政府召开情况汇报会。",
            "2012-09-11",
            [("inspection", "2012-03-08"), ("meeting", "2012-03-11")],
        ),
        # A sentence opening with a day goes on with the undated visit told of.
        (
            "张三来到某市，就产业发展进行调研考察。28日上午，张三一到某市就前往工地。",
            "2016-07-28",
            [("inspection", "2016-07-28")],
        ),
        # 下午 at the head of a sentence: the day in context.
        (
            "28日上午，张三到某市调研。下午，张三主持召开座谈会。",
            "2016-07-29",
            [("inspection", "2016-07-28"), ("meeting", "2016-07-28")],
        ),
        # A part of a day said alone dates the visit by the day of the report, and what
        # follows it (随后, 当天, 次日) goes on from that day, as from a date written.
        (
            "张三下午到某镇调研。随后，张三主持召开座谈会。",
            "2016-07-28",
            [("inspection", "2016-07-28"), ("meeting", "2016-07-28")],
        ),
        (
            "上午，张三到某镇调研。次日，张三主持召开座谈会。",
            "2016-07-28",
            [("inspection", "2016-07-28"), ("meeting", "2016-07-29")],
        ),
        # A date in what is said, or in what a sentence reports of something else, is not
        # the day told of: 随后 and 当天 go on from the visit.
        (
            "3日，张三到某镇调研。张三指出，某镇11月20日完成了改造任务。随后，张三主持召开座谈会。",
            "2020-12-05",
            [("inspection", "2020-12-03"), ("meeting", "2020-12-03")],
        ),
        (
            "3日，张三到某镇调研。该镇今年11月20日启动了冬季供暖。当天下午，张三主持召开座谈会。",
            "2020-12-05",
            [("inspection", "2020-12-03"), ("meeting", "2020-12-03")],
        ),
        # …while a date that opens a sentence is, whatever the sentence tells.
        (
            "3日，张三到某镇调研。4日，某镇迎来入冬第一场降雪。当天，张三主持召开座谈会。",
            "2020-12-05",
            [("inspection", "2020-12-03"), ("meeting", "2020-12-04")],
        ),
        # …not after 近日, which names no day.
        (
            "张三近日下午到某镇调研。随后，张三主持召开座谈会。",
            "2016-07-28",
            [("inspection", None), ("meeting", None)],
        ),
        # A year long past: its own happening, of no known day; the story goes on after it.
        (
            "28日，张三到某市调研。2010年，张三到某市考察工作时提出目标。",
            "2016-07-28",
            [("inspection", "2016-07-28"), ("inspection", None)],
        ),
        # A range that opens the next sentence dates the visit told of 近日, not the
        # meeting held some day within it.
        (
            "副主席张三近日在某州调研。12日至14日，张三深入农村、学校，并主持召开座谈会。",
            "2021-05-15",
            [("inspection", "2021-05-12"), ("meeting", None)],
        ),
        # …and a day that opens it dates the visit by its first day.
        (
            "副主席张三近日在某州调研。12日上午，张三来到某县，主持召开座谈会。",
            "2021-05-15",
            [("inspection", "2021-05-12"), ("meeting", "2021-05-12")],
        ),
        # …not one that opens a sentence telling of another happening, with no visit in it
        (
            "副主席张三近日在某州调研。12日，张三主持召开全州防汛工作会议。",
            "2021-05-15",
            [("inspection", None), ("meeting", "2021-05-12")],
        ),
        # …but not a date that a subject stands before, or that qualifies a noun: of
        # something else than the visit.
        (
            "副主席张三近日在某州调研。某州在12日的评比中获得第一名。",
            "2021-05-15",
            [("inspection", None)],
        ),
        (
            "副主席张三近日在某州调研。12日的暴雨造成某县多处受灾。",
            "2021-05-15",
            [("inspection", None)],
        ),
        (
            "张三来到某市，就产业发展进行调研考察。某市于28日上午的签约中引进项目5个。",
            "2016-07-28",
            [("inspection", None)],
        ),
        # …while 在 or 于 before it still opens the sentence.
        (
            "副主席张三近日在某州调研。在12日上午，张三来到某县，主持召开座谈会。",
            "2021-05-15",
            [("inspection", "2021-05-12"), ("meeting", "2021-05-12")],
        ),
        # 此前 (before that) is some earlier day, not the day told of; 随后 is that day
        (
            "9日，县委召开常委会会议。此前，张三到某镇调研。",
            "2021-05-15",
            [("meeting", "2021-05-09"), ("inspection", None)],
        ),
        (
            "9日，县委召开常委会会议。随后，张三到某镇调研。",
            "2021-05-15",
            [("meeting", "2021-05-09"), ("inspection", "2021-05-09")],
        ),
        # …but not 当天, a day counted from whatever the text told last.
        (
            "副主席张三近日在某州调研。当天，某州召开座谈会。",
            "2021-05-15",
            [("inspection", None), ("meeting", "2021-05-15")],
        ),
        # The nearest date before the cue: 13日晚, not the days the sentence opened with.
        (
            "5月13日至14日，张三赴某区调研，了解经济运行情况，13日晚，主持召开企业负责人座谈会。",
            "2021-05-15",
            [("inspection", "2021-05-13"), ("meeting", "2021-05-13")],
        ),
        # A date right after the event's name: …揭牌仪式17日上午在某市举行.
        (
            "某合作区管理机构揭牌仪式17日上午在某市举行。",
            "2021-09-17",
            [("ceremony", "2021-09-17")],
        ),
        # A date of what is carried out is not the day of the visit.
        (
            "为贯彻落实9月26日中央会议精神，张三近期分赴各地开展调研。",
            "2021-10-25",
            [("inspection", None)],
        ),
        ("根据3月5日县委常委会部署，全县召开安全生产推进会。", "2021-03-20", [("meeting", None)]),
        # The bound of a period is no day of a happening.
        ("截至3月5日，各乡镇均召开了防汛工作会议。", "2021-03-20", [("meeting", None)]),
        # 次日: the day after the date just given.
        (
            "3月5日，全县召开防汛工作会议。次日，张三带队到水库检查防汛工作。",
            "2021-03-20",
            [("meeting", "2021-03-05"), ("inspection", "2021-03-06")],
        ),
        # 两天后 / 第三天: so many days after the date just given, not the day of the visit before.
        (
            "5月25日，张三到某镇调研。两天后，张三主持召开防汛工作会议。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", "2021-05-27")],
        ),
        (
            "5月25日，张三到某镇调研。第三天，张三主持召开防汛工作会议。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", "2021-05-27")],
        ),
        (
            "5月25日，張三到某鎮調研。兩天後，張三主持召開防汛工作會議。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", "2021-05-27")],
        ),
        # after a visit of several days, 当天 / 次日 / 下午 / 随后 may be of any of its days
        (
            "5月25日至27日，张三到某县调研。当天，张三主持召开防汛工作会议。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", None)],
        ),
        (
            "5月25日至27日，张三到某县调研。次日，张三主持召开防汛工作会议。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", None)],
        ),
        (
            "5月25日至27日，张三到某县调研。随后，张三主持召开防汛工作会议。",
            "2021-05-28",
            [("inspection", "2021-05-25"), ("meeting", None)],
        ),
        # …and counted from no date, no known day.
        ("两天后，张三主持召开防汛工作会议。", "2021-05-28", [("meeting", None)]),
        # 近日 between a date and the cue: the date is the dispatch's, not the visit's.
        ("新华社某地3月5日电 副主席张三近日在某省调研。", "2021-03-05", [("inspection", None)]),
        # A holiday said of one day.
        (
            "除夕夜，市委书记张三到市人民医院看望慰问值班医护人员。",
            "2021-02-12",
            [("inspection", "2021-02-11")],
        ),
        ("春节前夕，市委书记张三到社区走访慰问困难群众。", "2021-02-12", [("inspection", None)]),
        # Without a publication date, a date of another year does not date the visit told of.
        (
            "张三到某地调研。1948年7月1日，某报社在此成立。",
            None,
            [("inspection", None)],
        ),
    ],
)
def test_which_date_an_event_takes(text, published, expected):
    events = events_of(text, published=published, names=("张三",))
    assert [(e.type, e.date) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1976年7月28日凌晨，某市发生7.8级强烈地震。", [("other", "1976-07-28")]),
        # a disaster of long ago told on a visit is a happening of its own
        (
            "28日，张三到某市考察。1976年7月28日，某市发生强烈地震。",
            [("inspection", "2020-05-28"), ("other", "1976-07-28")],
        ),
        ("6日下午，某国总理前往广场，向人民英雄纪念碑敬献花圈。", [("other", "2020-06-06")]),
        ("要防止发生安全事故。", []),  # no happening
        ("某县发生地震。", []),  # no date: no dated happening
    ],
)
def test_other_events(text, expected):
    assert [(e.type, e.date) for e in events_of(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a phone call: who calls and whom the call is with take part
        (
            "8日，省长张三同某国总理李四通电话。张三表示，愿深化合作。",
            [("other", "同某国总理李四通电话", "2020-06-08", ["张三:attend", "李四:attend", "张三:speak"])],
        ),
        # a letter or message sent, a reply, an instruction written, an order signed: the doer takes part
        ("8日，张三致信祝贺某校百年。", [("other", "致信祝贺某校百年", "2020-06-08", ["张三:attend"])]),
        ("8日，张三向李四致贺电。", [("other", "向李四致贺电", "2020-06-08", ["张三:attend"])]),
        ("8日，张三给某村乡亲们回信。", [("other", "给某村乡亲们回信", "2020-06-08", ["张三:attend"])]),
        ("8日，张三复信某大学老教授。", [("other", "复信某大学老教授", "2020-06-08", ["张三:attend"])]),
        (
            "8日，张三对防汛工作作出重要批示。",
            [("other", "对防汛工作作出重要批示", "2020-06-08", ["张三:attend", "张三:speak"])],
        ),
        ("8日，张三签署第三号主席令。", [("other", "签署第三号主席令", "2020-06-08", ["张三:attend"])]),
        # a banquet given or attended, tree planting, an interview given, an article published
        (
            "8日，张三出席某国大使馆国庆招待会。",
            [("other", "某国大使馆国庆招待会", "2020-06-08", ["张三:attend"])],
        ),
        ("8日，张三宴请某国总理李四。", [("other", "宴请某国总理李四", "2020-06-08", ["张三:attend"])]),
        ("8日，张三参加首都义务植树活动。", [("other", "首都义务植树活动", "2020-06-08", ["张三:attend"])]),
        (
            "8日，张三接受某国媒体联合采访。",
            [("other", "接受某国媒体联合采访", "2020-06-08", ["张三:attend"])],
        ),
        (
            "8日，张三在某国报纸发表题为《友谊长存》的署名文章。",
            [("other", "在某国报纸发表题为《友谊长存》的署名文章", "2020-06-08", ["张三:attend"])],
        ),
        # a call and a letter of one day are two happenings
        (
            "8日，张三同李四通电话。当天，张三致信祝贺某大学建校百年。",
            [
                ("other", "同李四通电话", "2020-06-08", ["张三:attend", "李四:attend"]),
                ("other", "致信祝贺某大学建校百年", "2020-06-08", ["张三:attend"]),
            ],
        ),
    ],
)
def test_acts_of_a_named_doer_are_other_happenings(text, expected):
    events = events_of(text, names=("张三", "李四"))
    found = [(e.type, e.name, e.date, [f"{p.person}:{p.role}" for p in e.participations]) for e in events]
    assert found == expected


@pytest.mark.parametrize(
    "text",
    [
        "8日，会上宣读了张三致大会的贺信。",  # read out, not sent here
        "8日，李四收到张三的回信。",  # received
        "8日，会议传达学习了张三重要指示批示精神。",  # what is carried out
        "近日，张三对防汛工作作出重要批示。",  # no day
        "8日，市民致电12345热线反映问题。",  # a call to a hotline, no named doer
        "8日，某公司致信感谢。",  # no named doer
        "8日，张三要求各地要及时向上级致信报告。",  # what is to be done
        "8日，李四报道了张三接受采访的情况。",  # an interview told of
        "近日，张三接受记者采访。",  # no day
        "8日，张三说，要参加义务植树。",  # what is to be done
        "8日，张三出席宴会的讲话。",  # a speech at a banquet, told of
    ],
)
def test_no_act_of_a_named_doer(text):
    assert [e for e in events_of(text, names=("张三", "李四")) if e.type == "other"] == []


def test_a_visit_welcomed_is_no_new_visit():
    text = "3月8日，李四一行到我市调研。3月9日，张三对李四一行到我市调研表示欢迎。"
    events = events_of(text, published="2020-03-10", names=("张三", "李四"))
    assert [(e.type, e.date) for e in events] == [("inspection", "2020-03-08")]


def test_a_named_meeting_that_opens_a_clause_was_held():
    text = "座谈会上，张三致辞，对考察团的到来表示欢迎。"
    events = events_of(text, names=("张三",))
    assert [(e.type, e.name) for e in events] == [("meeting", "座谈会")]
    assert {(p.person, p.role) for p in events[0].participations} == {("张三", "speak")}


@pytest.mark.parametrize("text", ["会议上，张三讲话。", "学习总书记在全会上的重要讲话。"])
def test_no_meeting_from_a_bare_or_cited_meeting_noun(text):
    assert events_of(text, names=("张三",)) == []


def test_the_headline_says_who_chaired():
    text = "30日，总理张三在中南海与艾滋病防治工作者座谈。"
    release = Release(id="t", text=text, title="张三主持召开艾滋病防治工作座谈会", published="2012-11-30")
    events = list(find_events(release, tuple(split_sentences(text)), persons_in(text, "张三")))
    assert {(p.person, p.role) for e in events for p in e.participations} == {("张三", "chair")}


def test_a_sentence_opening_with_titles_and_a_name_is_about_that_person():
    text = "纪念某同志座谈会今天举行。中央政法委书记张三在座谈会上回顾了某同志的生平，并强调要学习他的品格。"
    roles = {(p.person, p.role) for e in events_of(text, names=("张三",)) for p in e.participations}
    assert roles == {("张三", "speak")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A means is no report: the visit is the clause that reports it.
        (
            "5月10日，张三先后到甲镇、乙镇，通过座谈交流、实地察看等方式，对当前重点工作进行调研指导。",
            [("inspection", "对当前重点工作进行调研指导")],
        ),
        # 指导等各项工作: a noun in a list, no visit.
        ("6月9日，全县召开动员会，要求做好技术指导等各项工作。", [("meeting", "动员会")]),
        # 他们 in a talk's name: whom the visit was to.
        (
            "6月9日，张三到某区调研，看望纪检监察干部并与他们座谈。",
            [("inspection", "到某区调研"), ("meeting", "与纪检监察干部座谈")],
        ),
    ],
)
def test_what_reports_and_names_a_happening(text, expected):
    assert [(e.type, e.name) for e in events_of(text, names=("张三",))] == expected


def test_a_talk_and_the_meeting_it_is_referred_to_by_are_one():
    text = "30日，张三在中南海与艾滋病防治工作者座谈。座谈会上，张三听取了大家的意见。"
    events = events_of(text, published="2012-11-30", names=("张三",))
    assert [(e.type, e.name) for e in events] == [("meeting", "与艾滋病防治工作者座谈")]


def test_a_talk_is_not_another_meeting_reported_later():
    text = "25日，张三到某省调研，与县乡干部座谈交流。在省纪委机关，张三召开座谈会。"
    events = events_of(text, published="2018-03-27", names=("张三",))
    assert [e.name for e in events if e.type == "meeting"] == ["与县乡干部座谈交流", "座谈会"]


@pytest.mark.parametrize(
    "tail",
    [
        "秘书长钱七和有关单位负责人参加座谈。",
        "秘书长钱七，以及有关部门和单位负责人出席座谈。",
    ],
)
def test_those_joined_by_and_attend_the_talk_told_of_not_one_of_their_own(tail):
    # 和 joins who attend (乙和有关单位负责人参加座谈); it names no one a talk is held with
    text = "9日，市长李四会见了来访的某公司董事长王五一行，双方就合作进行座谈交流。" + tail
    found = events_of(text, names=("李四", "王五", "钱七"))
    assert [e.type for e in found] == ["reception"]
    assert ("钱七", "attend") in {(p.person, p.role) for p in found[0].participations}


def test_a_talk_held_with_others_keeps_its_name_beside_one_attended():
    text = "9日，县长李四与返乡创业人员座谈。副县长钱七和有关单位负责人参加座谈。"
    found = events_of(text, names=("李四", "钱七"))
    assert [(e.type, e.name) for e in found] == [("meeting", "与返乡创业人员座谈")]
    assert {(p.person, p.role) for p in found[0].participations} == {("李四", "attend"), ("钱七", "attend")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who takes part goes to where the happening is held: no one leads it for going there
        (
            "12日，市长张三、副市长李四参加义务植树活动。张三、李四等市领导来到植树现场，挥锹铲土。",
            {("张三", "attend"), ("李四", "attend")},
        ),
        # …and one named only there takes part too; who leads others to it leads
        (
            "12日，市委书记张三带领市领导参加义务植树活动。张三、李四等来到植树现场，挥锹铲土。",
            {("张三", "lead"), ("李四", "attend")},
        ),
    ],
)
def test_going_to_where_a_happening_is_held_is_taking_part(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [e.type for e in found] == ["other"]
    assert {(p.person, p.role) for p in found[0].participations} == expected


def test_going_somewhere_after_a_happening_with_a_visits_verb_leads_the_visit():
    # control: a visit told after the happening is a visit of its own, led by who went
    text = "12日，市长张三参加义务植树活动。随后，张三来到某镇调研春耕生产。"
    found = events_of(text, names=("张三",))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in found] == [
        ("other", {("张三", "attend")}),
        ("inspection", {("张三", "lead")}),
    ]


@pytest.mark.parametrize(
    "receives",
    ["某市常务副市长李四、副市长王五接待了考察团一行。", "某市副市长王五热情接待了考察团一行。"],
)
def test_who_receives_a_visiting_party_does_not_lead_its_visit(receives):
    text = "10日，县委常委、常务副县长张三率队赴某市考察学习城市建设工作。" + receives
    found = events_of(text, names=("张三", "李四", "王五"))
    assert [e.type for e in found] == ["inspection"]
    assert {(p.person, p.role) for p in found[0].participations} == {("张三", "lead")}


@pytest.mark.parametrize(
    "joins",
    [
        "市人大常委会主任李四，市委常委王五，副市长赵六参加慰问活动。",
        "市人大常委会主任李四，市委常委王五，副市长赵六等一同看望慰问。",
    ],
)
def test_who_joins_a_visit_another_leads_takes_part_and_leads_nothing(joins):
    text = "29日下午，市委书记张三带队走访慰问了驻市部队。" + joins
    found = events_of(text, names=("张三", "李四", "王五", "赵六"))
    assert [e.type for e in found] == ["inspection"]
    assert {(p.person, p.role) for p in found[0].participations} == {
        ("张三", "lead"),
        ("李四", "attend"),
        ("王五", "attend"),
        ("赵六", "attend"),
    }


def test_he_after_those_who_went_along_is_who_led():
    text = (
        "29日下午，市委书记张三带队走访慰问了驻市部队。市人大常委会主任李四，副市长王五等一同看望慰问。"
        "走进军营，张三与官兵们亲切握手。他说，部队作出了积极贡献。"
    )
    found = events_of(text, names=("张三", "李四", "王五"))
    assert {p.person for p in found[0].participations if p.role == "speak"} == {"张三"}


@pytest.mark.parametrize(
    "text",
    [
        "29日上午，区委书记张三、区长李四等领导走访慰问了驻区部队。",
        "29日上午，区委书记张三、区长李四等四套班子领导分两路走访慰问了驻区部队官兵。",
        "29日上午，区委书记张三、区长李四等四套班子领导，分两路走访慰问了驻区部队官兵。",
        "29日上午，区委书记张三、区长李四一行，看望慰问了驻区部队官兵。",
    ],
)
def test_visitors_listed_with_their_group_word_lead_the_visit(text):
    # (and the same party named in a clause of its own: 甲、乙等区领导，分两路走访慰问…)
    found = events_of(text, names=("张三", "李四"))
    assert [(e.type, e.date) for e in found] == [("inspection", "2020-05-29")]
    assert {(p.person, p.role) for p in found[0].participations} == {("张三", "lead"), ("李四", "lead")}


def test_a_reception_glossed_in_pinyin_is_one_reception():
    # some pages put pinyin after characters (會(huì)見): 參加會(huì)見 is the reception told of
    text = "3日下午，市委書記張三會(huì)見了某公司董事長李四一行。市長王五參加會(huì)見。張三表示歡迎。"
    found = events_of(text, names=("張三", "李四", "王五"))
    assert [e.type for e in found] == ["reception"]
    assert {(p.person, p.role) for p in found[0].participations} == {
        ("張三", "host"),
        ("李四", "guest"),
        ("王五", "attend"),
        ("張三", "speak"),
    }


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the guests of a reception listed after the words that say so are received
        ("1日，市委书记张三会见友好城市大会嘉宾代表。参加会见的嘉宾有：某国某市市长李四，王五。", "guest"),
        ("1日，市长张三会见某国代表团。参加会见的外宾有李四、王五。", "guest"),
        # controls: those who attend it, and guests of a meeting
        ("1日，市长张三会见某国代表团。参加会见的有李四、王五。", "attend"),
        ("1日，全市经济工作会议召开。市长张三出席。出席会议的嘉宾有李四、王五。", "attend"),
    ],
)
def test_the_guests_listed_after_a_reception_are_received(text, role):
    found = events_of(text, names=("张三", "李四", "王五"))
    roles = {(p.person, p.role) for e in found for p in e.participations}
    assert {("李四", role), ("王五", role)} <= roles
    assert ("李四", "guest" if role == "attend" else "attend") not in roles


def test_a_leader_quoted_on_what_is_to_be_held_reports_no_event():
    text = "张三强调，要召开全县动员大会，部署下一步工作。"
    assert events_of(text, names=("张三",)) == []


@pytest.mark.parametrize(
    ("text", "names", "published", "expected"),
    [
        # whom a leader takes along is no part of the visit's name
        (
            "6月9日，主委张三带领副主委李四、王五上门走访了老同志。",
            ("张三", "李四", "王五"),
            "2020-06-10",
            [("inspection", "走访了老同志")],
        ),
        # 签约企业: a noun, no signing
        (
            "6月9日，新区项目集中开工仪式举行，开工、签约企业项目负责人参加活动。",
            (),
            "2020-06-10",
            [("ceremony", "新区项目集中开工仪式")],
        ),
        # a disaster told of on a visit is a happening of its own; a wreath laid is part of the visit
        (
            "28日，张三到某市考察。1976年7月28日凌晨，某市发生7.8级强烈地震。",
            ("张三",),
            "2016-07-29",
            [("inspection", "到某市考察"), ("other", "某市发生7.8级强烈地震")],
        ),
    ],
)
def test_what_a_sentence_reports(text, names, published, expected):
    assert [(e.type, e.name) for e in events_of(text, published, names)] == expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a cue word inside the adverbial (在座谈中) leaves the subject to the cue after it
        ("座谈会首先播放宣传片。团长张三在座谈中表示，双方合作良好。", ("张三",), [{("张三", "speak")}]),
        # who is accompanied (甲、乙在…的陪同下，) leads the visit the next clause tells of
        (
            "5月28日，省委书记张三、省委常委、李四秘书长在州委主要领导的陪同下，深入某县调研。",
            ("张三", "李四"),
            [{("张三", "lead"), ("李四", "lead")}],
        ),
        (
            "5月28日，张三在李四的陪同下，深入某县调研。",
            ("张三", "李四"),
            [{("张三", "lead"), ("李四", "accompany")}],
        ),
        # a clause with no subject goes on with every name of the subject before it
        (
            "7月28日，副区长张三、主任李四实地查看了某企业，并结合实际，对安全生产工作提出了要求。",
            ("张三", "李四"),
            [{("张三", "lead"), ("李四", "lead"), ("张三", "speak"), ("李四", "speak")}],
        ),
        # words reported by 叮嘱 / 勉励 / 致以: speech
        (
            "6月9日，张三到某村看望老党员，叮嘱大家保重身体。",
            ("张三",),
            [{("张三", "lead"), ("张三", "speak")}],
        ),
        (
            "6月9日，张三到某校调研，勉励同学们勤奋学习。",
            ("张三",),
            [{("张三", "lead"), ("张三", "speak")}],
        ),
        # who is heard reports (听取了乙关于…的汇报); who hears does not
        (
            "6月9日，张三到某港调研，听取了集团董事长李四关于港口发展情况的汇报。",
            ("张三", "李四"),
            [{("张三", "lead"), ("李四", "speak")}],
        ),
        (
            "6月9日，张三到某县调研，听取了县委书记李四、县长王五的工作汇报。",
            ("张三", "李四", "王五"),
            [{("张三", "lead"), ("李四", "speak"), ("王五", "speak")}],
        ),
        # 认为: reported words
        (
            "6月9日，张三视察了某市经济社会发展情况。他认为，某市发展势头良好。",
            ("张三",),
            [{("张三", "lead"), ("张三", "speak")}],
        ),
        # a clause that opens with where (在某镇召开了…) goes on with the subject; the lead
        # read before the sentence's first event belongs to that event
        (
            "6月9日，书记张三一行到某库区，视察库区开发情况，在某镇召开了学习座谈会。",
            ("张三",),
            [{("张三", "lead")}, {("张三", "chair")}],
        ),
        # going somewhere to lay a wreath is no visit: the visitor takes part in the tribute
        (
            "6日，委员长李四在北京会见某国总理王五。当日下午，王五前往某广场，向人民英雄纪念碑敬献花圈。",
            ("李四", "王五"),
            [{("李四", "host"), ("王五", "guest")}, {("王五", "attend")}],
        ),
        # one leads a visit, not a meeting: a walk told of after a meeting goes on with the
        # visit told of before it, else it leads nothing
        (
            "9日至10日，张三在某省调研。在某市，张三主持召开座谈会。张三还来到某纪念馆，缅怀革命先烈。",
            ("张三",),
            [{("张三", "lead")}, {("张三", "chair")}],
        ),
        (
            "9日，张三主持召开座谈会。会前，张三来到某纪念馆，缅怀革命先烈。",
            ("张三",),
            [{("张三", "chair")}],
        ),
        # one chairs a meeting, not the reception told of before it; a photo's caption hosts
        # nothing
        (
            "6日，某市产业投资推介会在某地举行。会前，张三会见了客商代表。推介会由副市长李四主持。",
            ("张三", "李四"),
            [{("李四", "chair")}, {("张三", "host")}],
        ),
        (
            "6日，某市产业投资推介会在某地举行。张三（右一）、李四（左一）会谈。",
            ("张三", "李四"),
            [set()],
        ),
        # 在座谈会上 while the text tells of a visit: the meeting held on it
        (
            "9日上午，副市长张三到某指挥部看望工作人员。在座谈会上，张三指出，要抓好落实。",
            ("张三",),
            [{("张三", "lead")}, {("张三", "speak")}],
        ),
        # a clause that opens with whom a talk is held goes on with who went
        (
            "9日，张三到某村调研，并与村干部座谈。",
            ("张三",),
            [{("张三", "lead")}, {("张三", "attend")}],
        ),
        # 他在…座谈交流时强调: the pronoun before a long adverbial is who spoke
        (
            "6月9日，张三到某省调研。他在某市与县乡干部座谈交流时强调，要抓好落实。",
            ("张三",),
            [{("张三", "lead")}, {("张三", "speak")}],
        ),
        # who takes the oath attends the oath's rite
        (
            "6月9日，县人大常委会举行会议。会上，先后举行了任命书和宪法宣誓仪式。张三和李四在国旗前宣誓。",
            ("张三", "李四"),
            [set(), {("张三", "attend"), ("李四", "attend")}],
        ),
        (
            "6月9日，县人大常委会举行会议。会上举行了宪法宣誓仪式，张三、李四进行了宪法宣誓。",
            ("张三", "李四"),
            [set(), {("张三", "attend"), ("李四", "attend")}],
        ),
    ],
)
def test_roles_of_each_event(text, names, expected):
    events = events_of(text, names=names)
    assert [{(p.person, p.role) for p in e.participations} for e in events] == expected


def test_joining_a_reception_that_was_never_reported_reports_none():
    text = "6月9日，区人大常委会召开第四十八次会议。区长张三、检察长李四等参加了会见。"
    events = events_of(text, names=("张三", "李四"))
    assert [e.type for e in events] == ["meeting"]
    assert {(p.person, p.role) for p in events[0].participations} == {("张三", "attend"), ("李四", "attend")}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # 按照…要求，: what is followed, no speaker; the clauses after it report
        ("按照省委要求，6月9日，县委召开常委会会议。", (), [("meeting", "2020-06-09")]),
        (
            "根据上级部署要求，9日上午，县长张三到某镇检查防汛工作。",
            ("张三",),
            [("inspection", "2020-06-09")],
        ),
        # a leader joins a delegation's deliberation at a session
        ("6月9日，张三参加某届人大一次会议甲代表团审议。", ("张三",), [("meeting", "2020-06-09")]),
        ("9日下午，张三参加他所在的乙代表团审议政府工作报告。", ("张三",), [("meeting", "2020-06-09")]),
        (
            "6月9日，区长张三来到区人代会第二代表团，与代表们一起审议政府工作报告。",
            ("张三",),
            [("meeting", "2020-06-09")],
        ),
        ("6月9日，张三参加某届政协一次会议甲界委员联组会。", ("张三",), [("meeting", "2020-06-09")]),
        # words tell of a finished happening on a day they name
        (
            "10日，李四会见某国总统王五。李四表示，昨天张三同你举行了会谈，达成了共识。",
            ("李四", "王五", "张三"),
            [("reception", "2020-06-10"), ("reception", "2020-06-09")],
        ),
        # a part of a day said with no date: the day of the report, or the day told of
        ("县委书记张三上午主持召开县委常委会会议。", ("张三",), [("meeting", "2020-06-10")]),
        ("县长张三凌晨赶到某镇检查防汛工作。", ("张三",), [("inspection", "2020-06-10")]),
        ("县长张三清晨到某镇检查防汛工作。", ("张三",), [("inspection", "2020-06-10")]),
        # a day word inside a name is no day (县长王小周一行: 周一 is no Monday)
        ("县长王小周一行到某县调研。", ("王小周",), [("inspection", None)]),
        ("县长王小周一行周二到某县调研。", ("王小周",), [("inspection", "2020-06-09")]),
        # …said between the place and the verb, as a date there is
        ("县长张三在某镇下午检查防汛工作。", ("张三",), [("inspection", "2020-06-10")]),
        (
            "6月8日，县委召开常委会会议。县长张三在某镇下午调研。",
            ("张三",),
            [("meeting", "2020-06-08"), ("inspection", "2020-06-08")],
        ),
        ("近日，县长张三在某镇下午调研。", ("张三",), [("inspection", None)]),
        (
            "6月8日，县委召开常委会会议。县长张三下午到某镇调研。",
            ("张三",),
            [("meeting", "2020-06-08"), ("inspection", "2020-06-08")],
        ),
        ("近日，县长张三下午到某镇调研。", ("张三",), [("inspection", None)]),
        (
            "2018年3月5日，某县召开会议。县长张三下午到某镇调研。",
            ("张三",),
            [("meeting", "2018-03-05"), ("inspection", None)],
        ),
        # 视频会晤 is a reception; a summit is a meeting
        ("9日，李四同某国总理王五举行视频会晤。", ("李四", "王五"), [("reception", "2020-06-09")]),
        ("9日，李四在某地出席甲乙两国峰会。", ("李四",), [("meeting", "2020-06-09")]),
        # a meeting named in whom a reception receives is no meeting of its own
        ("9日，李四会见来华出席某峰会的某国总统王五。", ("李四", "王五"), [("reception", "2020-06-09")]),
        # national news: a collective study session, a forum, a session that closes, a medal
        ("中共中央政治局9日下午就某问题进行第二十次集体学习。", (), [("meeting", "2020-06-09")]),
        ("国务院总理李四9日出席第三届某经贸论坛并致辞。", ("李四",), [("meeting", "2020-06-09")]),
        ("国家主席李四9日出席某论坛开幕式并发表主旨演讲。", ("李四",), [("ceremony", "2020-06-09")]),
        ("十三届全国人大常委会第十六次会议9日在北京闭幕。", (), [("meeting", "2020-06-09")]),
        ("国家主席李四9日向某国总统王五颁授友谊勋章。", ("李四", "王五"), [("ceremony", "2020-06-09")]),
        ("9日，县委理论学习中心组举行2020年第一次集体学习。", (), [("meeting", "2020-06-09")]),
        # a visit told with no place: the visitor right before 慰问
        ("9日，县委书记李四看望慰问一线防疫人员。", ("李四",), [("inspection", "2020-06-09")]),
        # …with an adverb of manner between the visitor and the verb
        ("9日，县长李四突击检查城区餐饮企业。", ("李四",), [("inspection", "2020-06-09")]),
        ("9日，县长李四专门看望了坚守一线的环卫工人。", ("李四",), [("inspection", "2020-06-09")]),
        ("9日，县长李四要求各部门突击检查城区餐饮企业。", ("李四",), []),
        ("9日，李四给一线防疫人员送去慰问信。", ("李四",), []),
        ("9日，某公司感谢李四对企业的关心，并向一线人员表示慰问。", ("李四",), []),
        # what a dated sitting does, in sentences of its own: its day
        (
            "9日，县人大常委会召开第二十次会议。会议听取了县政府工作报告。经表决，决定任命李四为副县长。",
            ("李四",),
            [("meeting", "2020-06-09"), ("appointment", "2020-06-09")],
        ),
        (
            "9日，县人大常委会召开第二十次会议，表决通过了人事任免案。王五向新任命人员颁发了任命书。",
            ("王五",),
            [("meeting", "2020-06-09"), ("appointment", "2020-06-09"), ("ceremony", "2020-06-09")],
        ),
        # a meeting, ceremony or signing told of right after a visit of one day, with no day of its
        # own: held during the visit, on its day...
        (
            "9日，县长李四到某镇调研。王五主持召开座谈会。",
            ("李四", "王五"),
            [("inspection", "2020-06-09"), ("meeting", "2020-06-09")],
        ),
        (
            "国家主席李四9日上午会见某国总统王五。副总理赵六出席签字仪式。",
            ("李四", "王五", "赵六"),
            [("reception", "2020-06-09"), ("signing", "2020-06-09")],
        ),
        # ...not during a visit of several days, not two sentences on, not a meeting the sentence
        # dates itself, not a visit told of in the past
        (
            "9日至10日，县长李四到某镇调研。王五主持召开座谈会。",
            ("李四", "王五"),
            [("inspection", "2020-06-09"), ("meeting", None)],
        ),
        (
            "9日，县长李四到某镇调研。某镇有耕地三万亩。王五主持召开座谈会。",
            ("李四", "王五"),
            [("inspection", "2020-06-09"), ("meeting", None)],
        ),
        (
            "9日，县长李四到某镇调研。7日，王五主持召开座谈会。",
            ("李四", "王五"),
            [("inspection", "2020-06-09"), ("meeting", "2020-06-07")],
        ),
        (
            "2015年5月9日，县长李四到某镇调研。王五主持召开座谈会。",
            ("李四", "王五"),
            [("inspection", "2015-05-09"), ("meeting", None)],
        ),
        # ...nor one the sentence sets at another time, with no day (去年, 上周, 前不久, 今年以来)
        *[
            (
                f"9日，县长李四到某镇调研。{when}，王五主持召开座谈会。",
                ("李四", "王五"),
                [("inspection", "2020-06-09"), ("meeting", None)],
            )
            for when in ("去年", "上周", "前不久", "今年以来")
        ],
        # what someone is welcomed to come for is not reported (欢迎…来华出席)
        (
            "国家主席李四9日会见某国总统王五。李四欢迎王五来某市参加某博览会开幕式。",
            ("李四", "王五"),
            [("reception", "2020-06-09")],
        ),
        # ...but a reception told of before the welcome is, and a welcome's rite is no welcome
        (
            "9日，县长李四在某宾馆会见并欢迎王五一行来我县考察。",
            ("李四", "王五"),
            [("reception", "2020-06-09")],
        ),
        (
            "9日，县长李四出席欢迎仪式后到某企业调研。",
            ("李四",),
            [("ceremony", "2020-06-09")],
        ),
        # a sitting long past dates its own appointments
        (
            "2018年3月5日，县人大常委会召开第二十次会议。会议决定任命李四为副县长。",
            ("李四",),
            [("meeting", "2018-03-05"), ("appointment", "2018-03-05")],
        ),
        # 根据县长提名: what the appointment follows, no appointment of its own
        (
            "9日，县人大常委会召开第二十次会议。根据县长提名，会议决定任命李四为县财政局局长。",
            ("李四",),
            [("meeting", "2020-06-09"), ("appointment", "2020-06-09")],
        ),
        # 还 before a named meeting: another one, unless it names the one told of
        (
            "9日下午，市政府召开常务会议。同日，市长李四还主持召开了某专题会议。",
            ("李四",),
            [("meeting", "2020-06-09"), ("meeting", "2020-06-09")],
        ),
        (
            "9日，全县召开防汛工作推进会。县长李四还出席了防汛工作推进会并讲话。",
            ("李四",),
            [("meeting", "2020-06-09")],
        ),
        # a meeting named with the day it was held: held on that day
        ("9日召开的全市防汛工作会议要求，各地要抓好防汛。", (), [("meeting", "2020-06-09")]),
        ("在9日召开的全市防汛工作会议上，市长李四强调，要抓好防汛。", ("李四",), [("meeting", "2020-06-09")]),
        # …not one carried out or cited
        ("会议传达学习了3月5日召开的中央政治局会议精神。", (), []),
        (
            "9日，县委召开常委会会议，研究落实5日召开的全省防汛工作会议的具体措施。",
            (),
            [("meeting", "2020-06-09")],
        ),
        # a meeting that qualifies a noun or frames a time is not reported by its verb (the banquet
        # is a happening of its own, no meeting)
        ("李四9日举行宴会，欢迎来华出席论坛的外方领导人。", ("李四",), [("other", "2020-06-09")]),
        (
            "9日至10日，在出席某论坛期间，李四来到某市考察。",
            ("李四",),
            [("inspection", "2020-06-09")],
        ),
        # before or after the talks: their day
        (
            "李四9日同某国总统王五举行会谈。会谈前，李四为王五举行欢迎仪式。",
            ("李四", "王五"),
            [("reception", "2020-06-09"), ("ceremony", "2020-06-09")],
        ),
        # abroad: the local day
        (
            "国家主席李四当地时间9日在某地同某国总统王五举行会谈。",
            ("李四", "王五"),
            [("reception", "2020-06-09")],
        ),
    ],
)
def test_events_on_unseen_grammar(text, names, expected):
    assert [(e.type, e.date) for e in events_of(text, names=names)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "张三强调，今天我们召开这次座谈会，就是要听取大家的意见。",  # this meeting, no report
        "张三强调，5月以来全市召开了各类会议30余次。",  # counted, no day of its own
        "6月9日，区长张三来到第二代表团驻地。",  # a visit to a delegation that deliberates nothing
        # a wish for what others may do
        "6月9日，希望国家部委一如既往关心我省，在政策、资金等方面给予更大指导支持。",
        "我们真诚地期待着各位朋友来我市参观考察、洽谈投资。",
        # what is done again and again
        "省市政法部门多次在该院召开现场会，介绍经验。",
        "县委每周一召开例会，研究部署工作。",
        # a point of a plan runs to the end of its sentence
        "二是紧盯政治责任，把握监督重点，深入推进政治巡察向基层延伸。",
        # 被巡察村: a participle, not a visit
        "6月9日，巡察组分别在镇政府及被巡察村村部设置意见箱。",
    ],
)
def test_no_event_on_unseen_grammar(text):
    assert events_of(text, names=("张三",)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # some time ago, a happening done
        (
            "9日，张三与某国议长王五举行会谈。张三说，不久前，甲乙两国领导人会晤在某地成功举行。",
            [("reception", "2020-06-09"), ("meeting", None)],
        ),
        # a named person did it
        (
            "9日，李四到某市调研。李四指出，张三书记主持召开常委会会议，研究部署了防汛工作。",
            [("inspection", "2020-06-09"), ("meeting", None)],
        ),
        # where the person spoke, or what was done to the person, is no happening told of
        (
            "9日，李四到某市调研。李四指出，张三书记在常委会会议上强调，要抓好防汛。",
            [("inspection", "2020-06-09")],
        ),
        (
            "9日，某县召开人大常委会会议。李四说，常委会通过对张三同志的任命，是对他的信任。",
            [("meeting", "2020-06-09")],
        ),
    ],
)
def test_happenings_told_of_in_reported_words(text, expected):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, e.date) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the words tell of the meeting: they are not said at it
        ("张三表示，昨天我们召开了常务会议。", set()),
        ("李四指出，6月8日张三主持召开了常务会议。", set()),
        # words said at the meeting told of before are
        ("6月8日，市政府召开常务会议。会上，张三表示，要抓好落实。", {"张三"}),
    ],
)
def test_who_tells_of_a_meeting_in_words_does_not_speak_at_it(text, speakers):
    (meeting,) = events_of(text, names=("张三", "李四"))
    assert {p.person for p in meeting.participations if p.role == "speak"} == speakers


@pytest.mark.parametrize(
    ("text", "published", "hosts"),
    [
        # one day, two hosts: the talks told of in the reception's words are another happening
        (
            "6月10日，总理李四会见某国总统王五。李四表示，昨天主席张三同你举行了会谈。",
            "2020-06-11",
            [{"李四"}, {"张三"}],
        ),
        (
            "6月9日，省委书记李四会见某国大使王五。当天，省长张三也会见了王五。",
            "2020-06-10",
            [{"李四"}, {"张三"}],
        ),
        # the same host again: the same reception
        ("6月9日，省长张三会见某集团董事长王五。张三在会见中表示，欢迎王五。", "2020-06-10", [{"张三"}]),
        # …and so is the guest who speaks in it (在会见中介绍): no reception the guest hosts
        ("6月9日，省长张三会见某集团董事长王五。王五在会见中介绍了集团情况。", "2020-06-10", [{"张三"}]),
        ("6月9日，省长张三会见某集团董事长王五。王五在会谈中表示，愿意投资。", "2020-06-10", [{"张三"}]),
        # …not someone neither side named, nor a guest who receives another
        ("6月9日，省长张三会见某国大使王五。当天，王五也会见了李四。", "2020-06-10", [{"张三"}, {"王五"}]),
        # who take part in it host nothing
        ("6月9日，省长张三会见某国大使王五。李四参加会见。", "2020-06-10", [{"张三"}]),
    ],
)
def test_receptions_of_one_day_by_other_hosts_are_other_happenings(text, published, hosts):
    events = events_of(text, published, names=("张三", "李四", "王五"))
    assert [{p.person for p in e.participations if p.role == "host"} for e in events] == hosts


def test_the_headline_comes_before_what_the_body_only_tells_of_in_words():
    text = "李四指出，张三主持召开常委会会议，研究部署防控工作。"
    release = Release(id="t", text=text, title="李四率工作组赴某省开展指导工作", published="2020-06-10")
    events = list(find_events(release, tuple(split_sentences(text)), persons_in(text, "张三", "李四")))
    assert [e.type for e in events] == ["inspection", "meeting"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6月8日，书记张三一行来到某县。在某村，张三察看了人居环境整治情况。",
            [("inspection", "2020-06-08")],
        ),
        ("6月8日，市督导组莅临我县。督导组深入企业检查了安全生产工作。", [("inspection", "2020-06-08")]),
        # 来 to the place of the release (来我市), not 来 of anything else (…以来)
        (
            "6月8日，省委书记张三一行来我市。张三一行首先来到某公司，调研复工复产情况。",
            [("inspection", "2020-06-08")],
        ),
        ("6月8日，张三来信说明情况。张三到某镇检查防控工作。", [("inspection", None)]),
        # the day of something else, or no day at all
        ("6月8日，全县新增病例3例。县长张三到某镇检查防控工作。", [("inspection", None)]),
        ("近日，书记张三一行来到某县。在某村，张三察看了人居环境整治情况。", [("inspection", None)]),
    ],
)
def test_an_arrival_dates_the_visit_told_of_next(text, expected):
    assert [(e.type, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit and the meeting it goes on to are two events, each with its own roles
        (
            "15日，张三到某部调研并主持召开座谈会，听取工作汇报。",
            [
                ("inspection", "2020-06-15", {("张三", "lead")}),
                ("meeting", "2020-06-15", {("张三", "chair")}),
            ],
        ),
        # 出席并主持: one meeting, named without the joining word
        (
            "15日，张三出席并主持召开座谈会。",
            [("meeting", "2020-06-15", {("张三", "attend"), ("张三", "chair")})],
        ),
    ],
)
def test_a_visit_and_what_it_goes_on_to(text, expected):
    events = events_of(text, published="2020-06-16", names=("张三",))
    assert [(e.type, e.date, {(p.person, p.role) for p in e.participations}) for e in events] == expected
    assert all(not e.name.startswith("并") for e in events)


def test_a_numbered_sitting_dates_a_release_without_a_clock():
    # no publication date, two years stated: the sitting's year completes 6月17日
    text = "6月17日，副区长张三主持召开区政府2022年第9次常务会议。会议研究了2021年计划执行情况。"
    events = events_of(text, published=None, names=("张三",))
    assert [(e.type, e.date) for e in events] == [("meeting", "2022-06-17")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # no publication date: 22日 and 24日 stay unresolved, yet are two days, two visits
        ("22日，市委书记张三带队前往一线，检查指导防汛工作。24日，市长李四带队开展防汛检查。", 2),
        ("3月22日，张三到某镇检查防汛工作。4月22日，李四带队到某镇开展防汛检查。", 2),
        # one written day (5日, 3月5日) may be one day: the visit told again
        ("3月5日，张三到某镇检查防汛工作。5日下午，张三一行来到某村检查防汛工作。", 1),
    ],
)
def test_unresolved_days_still_tell_happenings_apart(text, count):
    events = events_of(text, published=None, names=("张三", "李四"))
    assert len([e for e in events if e.type == "inspection"]) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one reception for each guest received on one day
        (
            "5日上午，张三会见了某公司董事长李四。当天下午，张三会见了某集团总经理王五。",
            [("reception", ["张三:host", "李四:guest"]), ("reception", ["张三:host", "王五:guest"])],
        ),
        # the reception told again (会见时, 参加会见) is the same one
        (
            "5日，张三会见了某公司董事长李四。会见时，张三表示欢迎。王五参加会见。",
            [("reception", ["张三:host", "李四:guest", "张三:speak", "王五:attend"])],
        ),
        # appointments made by two sittings on one day are two
        (
            "5日，甲市第四届人民代表大会第四次会议选举张三为市长。5日，乙市第三届人民代表大会第四次会议选举李四为市长。",
            [("appointment", ["张三:appointed"]), ("appointment", ["李四:appointed"])],
        ),
    ],
)
def test_happenings_of_one_day_told_apart(text, expected):
    events = events_of(text, published="2020-03-10", names=("张三", "李四", "王五"))
    assert [(e.type, [f"{p.person}:{p.role}" for p in e.participations]) for e in events] == expected


def test_a_school_named_hope_is_no_wish():
    events = events_of("6月9日，张三到某希望小学调研。", names=("张三",))
    assert [(e.type, e.date) for e in events] == [("inspection", "2020-06-09")]


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # the body gives no day, the headline does
        ("3月5日市长张三到某镇调研", "市长张三到某镇调研，察看春耕情况。", [("inspection", "2020-03-05")]),
        ("昨天市委召开常委会会议", "市委书记张三主持召开市委常委会会议。", [("meeting", "2020-03-09")]),
        # the body's own day wins
        ("3月5日市长张三到某镇调研", "4日，市长张三到某镇调研。", [("inspection", "2020-03-04")]),
        # a headline of another type dates nothing
        ("3月5日市委召开常委会会议", "市长张三到某镇调研。", [("inspection", None)]),
        # a segment of the headline that is a date alone dates what the others report
        (
            "市政府召开第5次常务会议 （2020年3月5日）",
            "市政府召开第5次常务会议。",
            [("meeting", "2020-03-05")],
        ),
        (
            "市长张三主持召开防汛调度会 2020-03-05",
            "市长张三主持召开防汛调度会。",
            [("meeting", "2020-03-05")],
        ),
        # a year alone is no day
        ("2020年 市长张三主持召开防汛调度会", "市长张三主持召开防汛调度会。", [("meeting", None)]),
    ],
)
def test_the_headline_dates_what_the_body_leaves_undated(title, text, expected):
    release = Release(id="t", text=text, published="2020-03-10", title=title)
    events = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三"))
    assert [(e.type, e.date) for e in events] == expected


@pytest.mark.parametrize(
    ("title", "lead"),
    [
        ("某区经贸考察团团长", True),  # the head of a visiting delegation leads its visit
        ("某区考察团副团长", True),
        ("县委第一巡察组组长", False),  # an inspection team stationed somewhere: no lead by title
        ("区人大代表团团长", False),  # a congress's delegation
    ],
)
def test_the_head_of_a_visiting_delegation_leads_its_visit(title, lead):
    text = f"6月9日，某代表团一行到我市考察。座谈会上，{title}张三表示，双方合作良好。"
    at = text.find("张三")
    sentence = next(s for s in split_sentences(text) if s.span.start <= at < s.span.end)
    holding = Holding(title=title, span=Span(at - len(title), at), evidence=sentence.span)
    person = Person(name="张三", key="张三", mentions=(Span(at, at + 2),), holdings=(holding,))
    release = Release(id="t", text=text, published="2020-06-10")
    events = list(find_events(release, tuple(split_sentences(text)), (person,)))
    visit = next(e for e in events if e.type == "inspection")
    assert (("张三", "lead") in {(p.person, p.role) for p in visit.participations}) is lead


@given(
    spans=st.lists(st.tuples(st.integers(0, 30), st.integers(0, 4)), max_size=12),
    lo=st.integers(0, 35),
    hi=st.integers(0, 35),
)
def test_the_mentions_of_a_range_are_those_a_pass_over_all_finds(spans, lo, hi):
    from govkg.extract.events import _Mention, _starting, _within

    mentions = [_Mention(start, start + length, str(n)) for n, (start, length) in enumerate(sorted(spans))]
    assert _starting(mentions, lo, hi) == [m for m in mentions if lo <= m.start < hi]
    assert _within(mentions, lo, hi) == [m for m in mentions if lo <= m.start and m.end <= hi]


@pytest.mark.parametrize("podium", ["宣誓台", "宣誓席"])
def test_an_oath_is_named_by_its_rite_not_by_its_podium(podium):
    text = f"10日，县人大常委会举行第五次会议，决定任命张三为副县长。随后，张三走到{podium}前进行宪法宣誓。"
    events = events_of(text, published="2020-10-12", names=("张三",))
    assert [(e.type, e.name) for e in events if e.type == "ceremony"] == [("ceremony", "宪法宣誓")]


def test_a_part_after_a_semicolon_goes_on_with_the_subject_of_its_sentence():
    # …了解工作情况；在某机关考察，主持召开座谈会: 张三 chairs, and the evidence of the chair is
    # the whole sentence, which names him
    text = (
        "28日至30日，张三在某省调研。在某市，张三前往某中心，了解工作情况；在某机关考察工作，主持召开座谈会。"
    )
    events = events_of(text, names=("张三",))
    meeting = next(e for e in events if e.type == "meeting")
    (chair,) = [p for p in meeting.participations if p.role == "chair"]
    assert chair.person == "张三"
    assert "张三" in text[chair.evidence.start : chair.evidence.end]
    assert text[chair.evidence.start : chair.evidence.end].endswith("主持召开座谈会。")


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.example.cn/news/2021/03/04/1.html", "2021-03-02"),  # the year of the page's day
        ("https://www.example.cn/news/2020/12/30/1.html", "2020-03-02"),  # not long after the page's day
        ("https://www.example.cn/news/123.html", None),  # no day in the address: no year to give
        (None, None),
    ],
)
def test_without_a_publication_date_the_page_address_dates_the_events(url, date):
    text = "3月2日，县长张三主持召开县政府常务会议。"
    release = Release(id="t", text=text, url=url)
    (event,) = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三"))
    assert event.date == date


def test_a_call_on_people_told_as_a_frame_is_a_visit_of_its_own():
    text = (
        "5月10日，县长张三到某镇对重点工作进行调研指导。"
        "在走访联系市级人大代表李四时，张三与人大代表们亲切交谈。"
    )
    events = events_of(text, published="2021-05-12", names=("张三", "李四"))
    assert [(e.type, e.name) for e in events] == [
        ("inspection", "到某镇对重点工作进行调研指导"),
        ("inspection", "走访联系市级人大代表"),  # the call by whom it is on, not their names
    ]
    assert [(p.person, p.role) for p in events[1].participations] == [("张三", "lead")]


def test_a_call_told_again_as_a_frame_is_the_call_told_before():
    text = "2月9日，县长张三到某村慰问老党员李四。在慰问老党员李四时，张三了解了他的生活情况。"
    events = events_of(text, published="2021-02-10", names=("张三", "李四"))
    assert [(e.type, e.name) for e in events] == [("inspection", "到某村慰问老党员李四")]


@pytest.mark.parametrize(
    "text",
    [
        # who the call is on, named again after the frame, does not lead it
        "2月9日，县长张三到某村慰问老党员李四。在慰问老党员李四时，张县长全面了解了李四的生活情况。",
        "2月9日，县长张三到某村慰问老党员李四。在慰问老党员李四时，张县长详细询问李四的身体情况。",
    ],
)
def test_whom_a_call_is_on_does_not_lead_it(text):
    events = events_of(text, published="2021-02-10", names=("张三", "李四"))
    assert [(e.type, e.name) for e in events] == [("inspection", "到某村慰问老党员李四")]
    assert {(p.person, p.role) for p in events[0].participations} == {("张三", "lead")}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # where the visitor went, then the call in the clause after it
        (
            "3月9日，副县长张三来到某社区，看望慰问困难群众。",
            ("张三",),
            ("看望慰问困难群众", {("张三", "lead")}),
        ),
        (
            "3月9日，县长张三前往某医院，慰问一线医护人员。",
            ("张三",),
            ("慰问一线医护人员", {("张三", "lead")}),
        ),
        # whom the call is on takes no part in it as a visitor
        (
            "3月9日，县长张三来到某村，慰问老党员李四。",
            ("张三", "李四"),
            ("慰问老党员李四", {("张三", "lead")}),
        ),
        (
            "3月9日，县长张三、副县长李四分别来到某镇和某乡，看望慰问基层干部。",
            ("张三", "李四"),
            ("看望慰问基层干部", {("张三", "lead"), ("李四", "lead")}),
        ),
        # …the call opening with how it was paid; the party named in a clause of its own
        (
            "3月9日，县长张三一行深入某镇，亲切看望慰问驻军官兵。",
            ("张三",),
            ("看望慰问驻军官兵", {("张三", "lead")}),
        ),
        (
            "3月9日，县长张三、副县长李四一行，深入某镇，看望慰问驻军官兵。",
            ("张三", "李四"),
            ("看望慰问驻军官兵", {("张三", "lead"), ("李四", "lead")}),
        ),
        # …who went there leading others
        (
            "3月9日，副县长张三带队来到某社区，看望慰问困难群众。",
            ("张三",),
            ("看望慰问困难群众", {("张三", "lead")}),
        ),
        # a check carried out (开展…检查), long as its kind may be, after where the visitor went
        (
            "3月9日，副市长张三率领市有关部门赴某区，开展节前安全生产检查。",
            ("张三",),
            ("开展节前安全生产检查", {("张三", "lead")}),
        ),
        (
            "3月9日，副市长张三赴某区，开展防汛工作督导检查。",
            ("张三",),
            ("开展防汛工作督导检查", {("张三", "lead")}),
        ),
        # …or right after who carries it out
        (
            "3月9日，副市长张三开展节前安全生产检查。",
            ("张三",),
            ("开展节前安全生产检查", {("张三", "lead")}),
        ),
    ],
)
def test_a_call_told_after_where_the_visitor_went(text, names, expected):
    (event,) = events_of(text, published="2021-03-10", names=names)
    assert (event.type, event.date) == ("inspection", "2021-03-09")
    assert (event.name, {(p.person, p.role) for p in event.participations}) == expected


@pytest.mark.parametrize(
    "text",
    [
        "3月9日，县长张三来到某社区召开座谈会，慰问困难群众。",  # another verb: the meeting, no call
        "3月9日，县长张三来到某社区，感谢群众的慰问。",  # the call is not the visitor's
        # a check called for is none carried out
        "3月9日，县长张三要求各地开展节前安全生产检查。",
        "3月9日，县长张三强调，要开展节前安全生产大检查。",
        "3月9日，县长张三率领有关部门赴某区召开座谈会，开展节前安全生产检查。",
    ],
)
def test_no_call_without_a_visitor_going_to_make_it(text):
    assert [e.type for e in events_of(text, published="2021-03-10", names=("张三",))] != ["inspection"]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("3月9日，市长张三为某产业园揭牌。", ("张三",), ("为某产业园揭牌", {("张三", "attend")})),
        (
            "3月9日，市长张三和副市长李四共同为某中心揭牌。",
            ("张三", "李四"),
            ("为某中心揭牌", {("张三", "attend"), ("李四", "attend")}),
        ),
        ("3月9日，市长张三为某项目剪彩。", ("张三",), ("为某项目剪彩", {("张三", "attend")})),
        ("3月9日，副省长张三为获奖代表颁奖。", ("张三",), ("为获奖代表颁奖", {("张三", "attend")})),
        # …also where the rite follows the name at once
        ("3月9日，新任命的县长张三宣誓就职。", ("张三",), ("宣誓", {("张三", "attend")})),
        (
            "3月9日，市长张三和副市长李四共同揭牌。",
            ("张三", "李四"),
            ("揭牌", {("张三", "attend"), ("李四", "attend")}),
        ),
        # the rite attended keeps its own name
        (
            "3月9日，市长张三出席某中心揭牌仪式并致辞。",
            ("张三",),
            ("某中心揭牌仪式", {("张三", "attend"), ("张三", "speak")}),
        ),
    ],
)
def test_a_rite_performed_is_named_without_who_performs_it(text, names, expected):
    (event,) = events_of(text, published="2021-03-10", names=names)
    assert (event.type, event.date) == ("ceremony", "2021-03-09")
    assert (event.name, {(p.person, p.role) for p in event.participations}) == expected


def test_a_visit_told_again_by_a_leader_listed_before_its_cue_is_one_visit():
    text = "近日，团省委书记张三，副书记李四一行来我市考察。张三一行先后参观考察了某影视城、某古城。"
    events = events_of(text, published="2021-03-10", names=("张三", "李四"))
    assert [(e.type, e.name) for e in events] == [("inspection", "来我市考察")]
    assert {(p.person, p.role) for p in events[0].participations} == {("张三", "lead"), ("李四", "lead")}


@pytest.mark.parametrize(
    "second",
    [
        "3月9日，县农业局局长王五、站长赵六一行，到某镇推进肉牛产业相关工作，实地查看了养殖场。",
        "3月9日，县农业局局长王五、站长赵六同志一行，到某村检查防汛物资储备情况。",
    ],
)
def test_a_party_named_in_a_clause_of_its_own_leads_a_visit_of_its_own(second):
    # the party's clause (甲、乙一行，到…) says who leads the visit the next clause tells of;
    # another party than the visit before's makes another visit, on the same day or not
    text = "3月9日，副县长张三一行到某镇实地调研防汛工作。镇长李四陪同。" + second + "副镇长孙七陪同。"
    events = events_of(text, published="2021-03-10", names=("张三", "李四", "王五", "赵六", "孙七"))
    assert [(e.type, e.date) for e in events] == [("inspection", "2021-03-09")] * 2
    assert [{(p.person, p.role) for p in e.participations} for e in events] == [
        {("张三", "lead"), ("李四", "accompany")},
        {("王五", "lead"), ("赵六", "lead"), ("孙七", "accompany")},
    ]


def test_who_goes_along_on_a_visit_makes_no_new_visit():
    text = "3月9日，副县长张三，局长王五，对全县防汛工作进行调研。副镇长李四在某镇陪同调研。"
    events = events_of(text, published="2021-03-10", names=("张三", "李四", "王五"))
    assert len(events) == 1
    assert ("李四", "accompany") in {(p.person, p.role) for p in events[0].participations}


def test_the_same_party_named_again_in_a_clause_of_its_own_makes_no_new_visit():
    text = "3月9日，副县长张三一行到某镇实地调研防汛工作。镇长李四陪同。随后，张三一行，到某村查看防汛物资。"
    events = events_of(text, published="2021-03-10", names=("张三", "李四"))
    assert [e.name for e in events] == ["到某镇实地调研防汛工作"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 会同: together with others, he goes and leads
        ("3月9日，副市长张三会同某局负责人检查食品安全工作。", {("张三", "lead")}),
        ("3月9日，副市长张三会同副县长李四到某镇检查防汛工作。", {("张三", "lead"), ("李四", "lead")}),
        # a call after what he went somewhere for, joined by 并
        ("3月9日，县委书记张三到某镇宣讲政策，并看望慰问基层干部。", {("张三", "lead")}),
    ],
)
def test_who_leads_a_visit_told_with_others_or_after_another_errand(text, expected):
    (event,) = events_of(text, published="2021-03-10", names=("张三", "李四"))
    assert event.type == "inspection"
    assert {(p.person, p.role) for p in event.participations} == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("3月9日，中共某市委员会召开会议，市委书记张三主持会议。", "中共某市委员会会议"),
        ("某市委常委会3月9日召开会议，研究部署春耕工作。", "某市委常委会会议"),
        ("3月9日，县委常委会召开2023年第5次会议，县委书记张三主持。", "县委常委会2023年第5次会议"),
        ("3月9日，县政府召开第12次常务会议，县长张三主持会议。", "县政府第12次常务会议"),
        ("3月9日，县十七届人大常委会举行第五次会议。", "县十七届人大常委会第五次会议"),
        # a meeting with a name of its own, or held by a person, keeps its name
        ("3月9日，县政府召开防汛工作会议。", "防汛工作会议"),
        ("3月9日，县长张三召开专题会议，研究部署防汛工作。", "专题会议"),
    ],
)
def test_a_meeting_named_by_no_organ_is_named_with_the_organ_that_holds_it(text, name):
    (event,) = events_of(text, published="2021-03-10", names=("张三",))
    assert (event.type, event.name, event.date) == ("meeting", name, "2021-03-09")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the day opens the clause that goes on with the subject before it
        ("3月9日上午，县长张三到某镇调研，下午主持召开座谈会。", {("张三", "chair")}),
        ("3月9日上午，县长张三到某镇调研，下午召开座谈会。", {("张三", "chair")}),
        (
            "3月9日上午，县长张三到某镇调研，下午在某乡主持召开座谈会并讲话。",
            {("张三", "chair"), ("张三", "speak")},
        ),
        # …unless the clause names who chairs
        ("3月9日，县长张三到某镇调研。下午，副县长李四主持召开座谈会。", {("李四", "chair")}),
    ],
)
def test_a_meeting_held_later_that_day_by_the_visitor(text, expected):
    inspection, meeting = events_of(text, published="2021-03-10", names=("张三", "李四"))
    assert (inspection.type, meeting.type, meeting.date) == ("inspection", "meeting", "2021-03-09")
    assert {(p.person, p.role) for p in meeting.participations} == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a group that no person names leads: the verb phrase after it and whom it takes along
        ("1月25日，区委编办领导带领机关党员干部到某社区开展节前慰问活动。", "到某社区开展节前慰问活动"),
        ("3月9日，市委组织部带领新任职干部到某纪念馆参观学习。", "到某纪念馆参观学习"),
        (
            "3月9日，督查组一行先后来到某镇检疫点、某村，详细了解疫情防控措施落实情况。",
            "来到某镇检疫点、某村",
        ),
    ],
)
def test_a_visit_led_by_a_group_is_named_without_the_group(text, name):
    (event,) = events_of(text, published="2021-03-10")
    assert (event.type, event.name) == ("inspection", name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call paid: the visitor is the subject, whom he calls on receives him
        (
            "6月9日，市长张三拜会了省委书记李四。",
            [("reception", {("张三", "guest"), ("李四", "host")})],
        ),
        (
            "6月9日，市长张三前往北京拜访某部部长李四，双方就深化合作进行交流。",
            [("reception", {("张三", "guest"), ("李四", "host")})],
        ),
        # talks told of after the call keep the visitor its guest
        (
            "6月9日，市长张三拜会省委书记李四。张三在会谈中说，希望加强合作。李四表示，欢迎来投资。",
            [("reception", {("张三", "guest"), ("张三", "speak"), ("李四", "host"), ("李四", "speak")})],
        ),
        # calls on two, each its own reception
        (
            "6月9日，市长张三分别拜会了某部部长李四和某局局长王五。",
            [
                ("reception", {("张三", "guest"), ("李四", "host")}),
                ("reception", {("张三", "guest"), ("王五", "host")}),
            ],
        ),
        # a call on people who hold no post is a visit
        ("6月9日，市长张三到某村拜访老党员李四。", [("inspection", {("张三", "lead")})]),
    ],
)
def test_a_call_paid_is_a_reception_of_the_visitor(text, expected):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # talks told of after a call on an office: the visitors are their guests
        (
            "6月9日，市长张三拜会某部。张三在会谈中说，希望支持。",
            [("reception", {("张三", "guest"), ("张三", "speak")})],
        ),
        # …those who lead the call too, its subject elided after 带队
        (
            "6月9日，市长张三、副市长李四带队，先后拜会某部、某委，汇报工作。张三、李四在会谈中说，感谢支持。",
            [
                ("reception", {("张三", "guest"), ("张三", "lead"), ("李四", "guest"), ("李四", "lead")}),
                (
                    "reception",
                    {
                        ("张三", "guest"),
                        ("张三", "lead"),
                        ("张三", "speak"),
                        ("李四", "guest"),
                        ("李四", "lead"),
                    },
                ),
            ],
        ),
        # talks held with whom they call on, the subject elided: the visitor is the guest, the other hosts
        (
            "6月9日，市长张三拜会某部，与部长王五举行会谈。",
            [("reception", {("张三", "guest"), ("王五", "host")})],
        ),
        (
            "6月9日，市长张三带队拜会某部，与部长王五会谈。",
            [("reception", {("张三", "guest"), ("王五", "host")})],
        ),
        # controls: talks with no call told of keep who holds them their host
        (
            "6月9日，市长张三与部长王五举行会谈。",
            [("reception", {("张三", "host"), ("王五", "guest")})],
        ),
        (
            "6月9日，市长张三在某地同部长王五举行会谈。张三在会谈中说，双方合作良好。",
            [("reception", {("张三", "host"), ("张三", "speak"), ("王五", "guest")})],
        ),
        # …and a reception whose host is named receives the visitor of the call
        (
            "6月9日，市长张三拜会某部，部长王五会见了张三一行。",
            [("reception", {("张三", "guest"), ("王五", "host")})],
        ),
    ],
)
def test_the_visitors_of_a_call_are_guests_of_its_talks(text, expected):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the witnesses named in its clause attend a signing of its own
        (
            "6月9日，市长张三和某公司董事长李四共同见证签约。",
            [("signing", {("张三", "attend"), ("李四", "attend")})],
        ),
        (
            "6月9日，市长张三主持召开座谈会。会后，张三和副市长李四见证了某项目签约仪式。",
            [("meeting", {("张三", "chair")}), ("signing", {("张三", "attend"), ("李四", "attend")})],
        ),
        ("6月9日，在市长张三的见证下，某县与某公司签署合作协议。", [("signing", {("张三", "attend")})]),
        # …said after those who attend a gathering, it is part of that gathering
        (
            "6月9日，全市招商引资推介会召开，市长张三主持。会上，李四、王五等参加活动，共同见证项目签约。",
            [("meeting", {("张三", "chair"), ("李四", "attend"), ("王五", "attend")})],
        ),
    ],
)
def test_a_witnessed_signing(text, expected):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # those who sign (甲代表县政府与某公司签订, 甲与乙签署) attend the signing
        (
            "6月9日，某县招商项目签约仪式在县城举行。副县长张三代表县政府与某公司签订投资协议。",
            [("signing", {("张三", "attend")})],
        ),
        (
            "6月9日，县长张三与某公司董事长王五签署合作协议。",
            [("signing", {("张三", "attend"), ("王五", "attend")})],
        ),
        # controls: one who asks others to sign, or a meeting that studies a signing, signs nothing
        (
            "6月9日，县长张三主持召开安全生产会议并要求企业签订安全承诺书。",
            [("meeting", {("张三", "chair")})],
        ),
        (
            "6月9日，县长张三在某企业调研时要求企业与员工签订劳动合同。",
            [("inspection", {("张三", "lead"), ("张三", "speak")})],
        ),
        (
            "6月9日，县长张三主持召开县政府常务会议，研究签署有关协议事项。",
            [("meeting", {("张三", "chair")})],
        ),
    ],
)
def test_those_who_sign_attend_the_signing(text, expected):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # who meets the visitors at the door or receives them leads no visit
        ("6月9日，市长张三到某公司调研。公司董事长王五在厂区门口迎接调研的市领导。", {"张三"}),
        ("6月9日，某集团董事长王五一行来我县考察，县长张三热情接待了来我县考察的王五一行。", {"王五"}),
        # controls: a reception hall or centre visited, and a visit about welcoming a check
        ("6月9日，县长张三到县政务服务中心接待大厅调研。", {"张三"}),
        ("6月9日，县长张三到县接待中心检查疫情防控工作。", {"张三"}),
        ("6月9日，县长张三带队到某镇调研迎接省级检查准备工作。", {"张三"}),
    ],
)
def test_who_meets_the_visitors_leads_no_visit(text, leads):
    (visit,) = events_of(text, names=("张三", "王五"))
    assert {p.person for p in visit.participations if p.role == "lead"} == leads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what someone is invited to come for is no visit the release reports
        ("今年以来，县领导多次外出招商，邀请企业负责人来某县考察，促成两个项目签约。", []),
        ("6月9日，县长张三邀请某集团董事长王五来某县考察。", []),
        # controls: an invitation accepted is a visit made, and a visit before an invitation stands
        ("6月9日，应某市邀请，县长张三到某市考察。", [("inspection", {("张三", "lead")})]),
        ("6月9日，应某集团邀请县长张三到某集团考察。", [("inspection", {("张三", "lead")})]),
        ("6月9日，县长张三到某企业调研，邀请专家来县授课。", [("inspection", {("张三", "lead")})]),
    ],
)
def test_what_someone_is_invited_to_come_for_is_no_visit(text, expected):
    events = events_of(text, names=("张三", "王五"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == expected


def test_a_witnessed_signing_is_named_without_the_witness_verb():
    text = "6月9日，张三和李四见证了某项目签约仪式。"
    assert [e.name for e in events_of(text, names=("张三", "李四"))] == ["某项目签约仪式"]


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，全县推进会召开。会议由县长李四主持，县委书记张三作重要讲话。",
        "6月9日，全县推进会召开。县委书记张三做重要讲话。",
        "6月9日，全县推进会召开。县委书记张三发表了重要讲话。",
    ],
)
def test_who_makes_an_important_speech_speaks(text):
    roles = {(p.person, p.role) for e in events_of(text, names=("张三", "李四")) for p in e.participations}
    assert ("张三", "speak") in roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit told by a pronoun that opens its clause: the one the story goes on with leads
        (
            "6月9日，市长张三到某镇调研。次日，他又到某县检查防汛工作。",
            [("到某镇调研", {("张三", "lead")}), ("到某县检查防汛工作", {("张三", "lead")})],
        ),
        (
            "6月9日，市长张三主持召开常务会议。会后，他来到某企业调研。",
            [("常务会议", {("张三", "chair")}), ("来到某企业调研", {("张三", "lead")})],
        ),
    ],
)
def test_a_visit_told_by_a_pronoun(text, expected):
    events = events_of(text, names=("张三",))
    assert [(e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # meetings that weigh a situation (会商会, 研判会) or push work (督办会)
        ("6月9日，市长张三主持召开防汛会商会。", [("meeting", "2020-06-09")]),
        ("6月9日，市长张三主持召开疫情形势研判会。", [("meeting", "2020-06-09")]),
        ("6月9日，全县重点工作督办会召开。", [("meeting", "2020-06-09")]),
        # 期间 after a range is some day of it, not its first
        (
            "6月5日至7日，省委书记张三到某市调研。期间，张三主持召开座谈会。",
            [("inspection", "2020-06-05"), ("meeting", None)],
        ),
        (
            "6月5日，省委书记张三到某市调研。期间，张三主持召开座谈会。",
            [("inspection", "2020-06-05"), ("meeting", "2020-06-05")],
        ),
        # a sentence that opens within the visit told of (调研期间，在调研中，在某镇考察时，) is of its
        # day, two sentences on too; not after a range, a season or an earlier visit
        (
            "6月5日，省委书记张三到某市调研。调研期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", "2020-06-05")],
        ),
        (
            "6月5日，省委书记张三到某市调研。张三来到某镇、某村。在调研中，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", "2020-06-05")],
        ),
        (
            "6月5日，省委书记张三到某市调研。张三来到某镇、某村。在某镇考察时，张三主持召开座谈会。",
            [("inspection", "2020-06-05"), ("meeting", "2020-06-05")],
        ),
        (
            "6月5日至7日，省委书记张三到某市调研。调研期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        (
            "6月5日，省委书记张三到某市调研。1948年7月1日，某分社成立。调研中，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", "2020-06-05")],
        ),
        (
            "6月5日，省委书记张三到某市调研。春节期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        (
            "6月5日，省委书记张三到某市调研。在前期调研中，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        # a stay in the place of a visit of one day (在某县期间，), and 在此期间 as 期间; not a time
        # named instead (在汛期期间), nor a stay after a range
        (
            "6月5日，省委书记张三到某市调研。在某市期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", "2020-06-05")],
        ),
        (
            "6月5日，省委书记张三到某市调研。在此期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", "2020-06-05")],
        ),
        (
            "6月5日，省委书记张三到某市调研。在汛期期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        (
            "6月5日至7日，省委书记张三到某市调研。在某市期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        (
            "6月5日至7日，省委书记张三到某市调研。在此期间，张三会见了某公司董事长李四。",
            [("inspection", "2020-06-05"), ("reception", None)],
        ),
        # 在随后召开的…上 is 随后: the day told of, and the meeting is named without it
        (
            "6月5日，省委书记张三到某市调研。张三来到某镇、某村。在随后召开的座谈会上，张三强调要压实责任。",
            [("inspection", "2020-06-05"), ("meeting", "2020-06-05")],
        ),
        # a rite or a signing told of right after a gathering of one day is of that day
        (
            "6月9日，第二届某某论坛在某市开幕。市长张三出席开幕式并致辞。",
            [("meeting", "2020-06-09"), ("ceremony", "2020-06-09")],
        ),
        (
            "6月9日，全市招商推介会召开。会上举行了项目集中签约仪式。",
            [("meeting", "2020-06-09"), ("signing", "2020-06-09")],
        ),
        # …not one set at another time
        (
            "6月9日，全市招商推介会召开。去年，某大桥开工仪式举行。",
            [("meeting", "2020-06-09"), ("ceremony", None)],
        ),
    ],
)
def test_dates_of_gatherings_and_what_they_hold(text, expected):
    assert [(e.type, e.date) for e in events_of(text, names=("张三",))] == expected


def test_a_meeting_held_next_is_named_without_next():
    found = events_of(
        "6月5日，省委书记张三到某市调研。张三来到某镇。在随后召开的座谈会上，张三强调要压实责任。",
        names=("张三",),
    )
    assert [e.name for e in found] == ["到某市调研", "座谈会"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lecture given is a meeting of its own, named by its kind, its giver speaks
        (
            "6月9日，县人大常委会召开第二十二次会议。会后，副主任张三作了关于“坚持正确监督”的专题辅导报告。",
            [("县人大常委会第二十二次会议", set()), ("专题辅导报告", {("张三", "speak")})],
        ),
        (
            "6月9日，县委书记张三为全县党员干部作专题党课辅导报告。",
            [("专题党课辅导报告", {("张三", "speak")})],
        ),
        # …but part of the meeting its sentence tells of, or opens with
        ("6月9日，全县防汛工作会议召开，县长李四作了形势报告。", [("全县防汛工作会议", {("李四", "speak")})]),
        (
            "6月9日，全县理论学习会召开。会上，市委党校教授张三作专题辅导报告。",
            [("全县理论学习会", {("张三", "speak")})],
        ),
        # a party lecture given (上党课, 讲授专题党课) likewise
        ("6月9日，县委书记张三到某镇为党员干部上党课。", [("党课", {("张三", "speak")})]),
        ("6月9日，县委书记张三以普通党员身份讲授专题党课。", [("专题党课", {("张三", "speak")})]),
        # …with words between the giving verb and the lecture (讲了一堂生动的, 上了一堂…的)
        ("6月9日，县委书记张三为党员干部讲了一堂生动的党课。", [("党课", {("张三", "speak")})]),
        ("6月9日，县委书记张三到某村为党员干部上了一堂生动的党课。", [("党课", {("张三", "speak")})]),
        # …in a clause that goes on with its subject: he attends and gives it
        (
            "6月9日，县委书记张三参加所在党支部主题党日活动，并讲授专题党课。",
            [("专题党课", {("张三", "attend"), ("张三", "speak")})],
        ),
        (
            "6月9日，县委书记张三参加所在党支部主题党日活动，并为党员讲了一堂党课。",
            [("党课", {("张三", "attend"), ("张三", "speak")})],
        ),
        (
            "6月9日，县委召开理论学习中心组学习会，县委书记张三讲授专题党课。",
            [("理论学习中心组学习会", {("张三", "speak")})],
        ),
    ],
)
def test_a_lecture_given(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech given in a clause that goes on with its subject, words between verb and speech
        (
            "6月9日，全县防汛工作会议召开，县长李四出席会议，并作重要讲话。",
            {("李四", "attend"), ("李四", "speak")},
        ),
        ("6月9日，县长李四出席全县防汛工作会议，并发表讲话。", {("李四", "attend"), ("李四", "speak")}),
        # a report given (作了题为《…》的报告, 作了一场…的报告): its giver speaks
        ("6月9日，全县防汛工作会议召开，县长李四作了题为《守住底线》的报告。", {("李四", "speak")}),
        ("6月9日，全县防汛工作会议召开，县长李四在会上作了一场精彩的报告。", {("李四", "speak")}),
        # …not one told of, given elsewhere, nor one studied
        (
            "6月9日，全县防汛工作会议召开，县长李四传达了张三在全省会议上的报告。",
            {("李四", "speak")},
        ),
        ("6月9日，全县防汛工作会议召开，会议学习了张三的报告。", set()),
        (
            "6月9日，全县防汛工作会议召开，会议强调，张三在全省会议期间发表了一系列重要讲话。",
            set(),
        ),
    ],
)
def test_a_speech_or_report_given(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [{(p.person, p.role) for p in e.participations} for e in events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party group's study session chaired or attended is a meeting, like a 学习会
        (
            "6月9日，县委书记张三主持县委理论学习中心组集体学习。",
            [("meeting", "县委理论学习中心组集体学习", {("张三", "chair")})],
        ),
        (
            "6月9日，县委书记张三主持县委理论学习中心组专题学习，县长李四参加。",
            [("meeting", "县委理论学习中心组专题学习", {("张三", "chair"), ("李四", "attend")})],
        ),
        # …or told by the group that holds it, as its subject
        (
            "6月9日，县委理论学习中心组举行专题学习，县委书记张三主持。",
            [("meeting", "县委理论学习中心组举行专题学习", {("张三", "chair")})],
        ),
        (
            "6月9日，县委理论学习中心组进行集中学习。县委书记张三主持并讲话。",
            [("meeting", "县委理论学习中心组进行集中学习", {("张三", "chair"), ("张三", "speak")})],
        ),
        # …not one whose words are studied, nor one to be held
        ("会议学习了张三在中央政治局第三十七次集体学习时的重要讲话。", []),
        ("6月9日，县委书记张三强调，要认真组织中心组学习。", []),
        ("6月9日，县委书记张三要求，县委理论学习中心组要进行专题学习。", []),
    ],
)
def test_a_study_session_chaired(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    "text",
    [
        "6月9日，张三与某国外长李四通话。",
        "6月9日，张三同某国外长李四视频通话。",
        "6月9日，张三同某国外长李四通了电话。",
    ],
)
def test_a_call_held_is_a_dated_happening_of_both(text):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == [
        ("other", {("张三", "attend"), ("李四", "attend")})
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a meeting is held names no organ that holds it
        ("6月9日，市长张三在市政府主持召开常务会议。", [("常务会议", {("张三", "chair")})]),
        # a time framed by what someone attends: he hosts what the clause goes on to, attends nothing
        (
            "6月9日，市长张三在出席某论坛期间会见了某公司董事长李四。",
            [("会见某公司董事长李四", {("张三", "host"), ("李四", "guest")})],
        ),
        (
            "6月9日，市长张三在参加某博览会之际会见了某公司董事长李四。",
            [("会见某公司董事长李四", {("张三", "host"), ("李四", "guest")})],
        ),
    ],
)
def test_where_and_while_are_no_organ_and_no_attending(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("6月9日，省委书记张三在市委书记李四、市长王五陪同下到某县调研。", "某县"),
        ("6月9日，省委书记张三在李四的带领下深入某镇检查防汛工作。", "某镇"),
        ("6月9日，省委书记张三在市长李四陪同下调研某县。", None),
        ("6月9日，省委书记张三在某县调研。", "某县"),
    ],
)
def test_the_place_of_a_visit_is_not_whom_one_goes_with(text, place):
    assert [e.place for e in events_of(text, names=("张三", "李四", "王五"))] == [place]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where the visitor went, in the clause before the verb
        ("6月9日，副县长张三一行到某镇，实地调研防汛工作。", "某镇"),
        ("6月9日，副县长张三先后来到某村、某企业，详细查看生产情况。", "某村、某企业"),
        ("昨天下午，水利部总工程师张三一行抵达我市，督导防汛工作。", "我市"),
        # where the sentence opens, a place alone
        ("6月9日在某镇，副县长张三实地查看了防汛物资储备情况。", "某镇"),
        # a time is no place, nor is where one went for something else
        ("6月9日，副县长张三到任后，实地调研防汛工作。", None),
        ("在调研期间，副县长张三实地查看了防汛工作。", None),
        ("6月9日，副县长张三来到某镇召开座谈会，实地查看防汛工作。", None),
        # the verb's own place stays
        ("6月9日在某镇，副县长张三先后来到某村、某企业调研。", "某村、某企业"),
    ],
)
def test_the_place_of_a_visit_said_in_the_clause_before_its_verb(text, place):
    assert [e.place for e in events_of(text, names=("张三",)) if e.type == "inspection"] == [place]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a visit told by its verb alone, right after the visitor: he leads it
        ("6月9日，县长张三走访了辖区重点企业。", ("张三",), [("inspection", [("张三", "lead")])]),
        ("6月9日，县长张三视察了某水库。", ("张三",), [("inspection", [("张三", "lead")])]),
        ("6月9日，县长张三调研了某园区建设。", ("张三",), [("inspection", [("张三", "lead")])]),
        (
            "6月9日，县长张三、副县长李四走访辖区重点企业，了解生产经营情况。",
            ("张三", "李四"),
            [("inspection", [("张三", "lead"), ("李四", "lead")])],
        ),
        # no visitor named before the verb, words that say what must be done, a visit's words cited
        ("6月9日，要走访辖区重点企业。", (), []),
        ("张三强调，要走访辖区重点企业。", ("张三",), []),
        (
            "6月9日，县长张三主持召开会议，围绕李四调研某县讲话精神作了发言。",
            ("张三", "李四"),
            [("meeting", None)],
        ),
    ],
)
def test_visit_told_by_its_verb(text, names, expected):
    found = events_of(text, names=names)
    assert [e.type for e in found] == [kind for kind, _ in expected]
    for event, (_, roles) in zip(found, expected, strict=True):
        if roles is not None:
            assert sorted((p.person, p.role) for p in event.participations) == roles


@pytest.mark.parametrize(
    ("text", "names", "place"),
    [
        # where a reception is held, said right before its cue
        ("6月9日，总理张三在人民大会堂会见某国外长李四。", ("张三", "李四"), "人民大会堂"),
        ("6月9日，省长张三在某宾馆亲切会见某公司董事长李四一行。", ("张三", "李四"), "某宾馆"),
        ("6月9日，主席张三在某厅同某国总统李四举行会谈。", ("张三", "李四"), "某厅"),
        (
            "6月9日，省长张三在省政府分别会见了某公司董事长李四和某集团总裁王五。",
            ("张三", "李四", "王五"),
            "省政府",
        ),
        # whose company it is held in, or a time it is held in, is no place
        ("6月9日，省长张三在副省长王五陪同下会见某公司董事长李四。", ("张三", "李四", "王五"), None),
        ("6月9日，省长张三在出席论坛期间会见某公司董事长李四。", ("张三", "李四"), None),
        # …or said by the sentence's opening clause, a day and a place alone
        ("6月9日在北京，总理张三会见了某国外长李四。", ("张三", "李四"), "北京"),
        ("6月9日上午在人民大会堂，总理张三会见了某国外长李四。", ("张三", "李四"), "人民大会堂"),
        ("当地时间6月9日在某市，总理张三会见了某国外长李四。", ("张三", "李四"), "某市"),
        ("日前在北京，总理张三会见了某国外长李四。", ("张三", "李四"), "北京"),
        # …not a frame of time or company
        ("6月9日在北京出席论坛期间，总理张三会见了某国外长李四。", ("张三", "李四"), None),
        ("6月9日在会上，总理张三会见了某国外长李四。", ("张三", "李四"), None),
        ("6月9日在副省长王五陪同下，省长张三会见了某公司董事长李四。", ("张三", "李四", "王五"), None),
    ],
)
def test_reception_place(text, names, place):
    assert {e.place for e in events_of(text, names=names) if e.type == "reception"} == {place}


@pytest.mark.parametrize(
    ("text", "names", "name"),
    [
        # talks held by a means are named with it
        ("6月9日，主席张三同某国总统李四举行视频会晤。", ("张三", "李四"), "同某国总统李四举行视频会晤"),
        ("6月9日，省长张三与某公司董事长李四视频会见。", ("张三", "李四"), "与某公司董事长李四视频会见"),
        (
            "6月9日，省长张三通过视频连线会见某公司董事长李四。",
            ("张三", "李四"),
            "通过视频连线会见某公司董事长李四",
        ),
        (
            "6月9日，省长张三以视频方式会见某公司董事长李四。",
            ("张三", "李四"),
            "以视频方式会见某公司董事长李四",
        ),
        # the praise still goes
        ("6月9日，主席张三同某国总统李四举行了富有成果的会谈。", ("张三", "李四"), "同某国总统李四举行会谈"),
    ],
)
def test_reception_named_with_its_means(text, names, name):
    (event,) = events_of(text, names=names)
    assert (event.type, event.name) == ("reception", name)
    assert sorted((p.person, p.role) for p in event.participations) == [("张三", "host"), ("李四", "guest")]


@pytest.mark.parametrize(
    ("text", "names", "leads"),
    [
        # each of several leads a group of their own: one inspection each
        ("6月9日，县委书记张三、县长李四分别带队检查安全生产工作。", ("张三", "李四"), [["张三"], ["李四"]]),
        (
            "6月9日，县委书记张三、县长李四分别率队到各乡镇督导防汛工作。",
            ("张三", "李四"),
            [["张三"], ["李四"]],
        ),
        # …each named in a clause of their own, titles and name
        (
            "6月9日，县委书记张三，县委副书记、县长李四分别带队开展节前安全生产检查。",
            ("张三", "李四"),
            [["张三"], ["李四"]],
        ),
        (
            "6月9日，县委书记张三，县长李四，副县长王五分别带队检查安全生产工作。",
            ("张三", "李四", "王五"),
            [["张三"], ["李四"], ["王五"]],
        ),
        # led together: one inspection, two leads
        ("6月9日，县委书记张三、县长李四带队检查安全生产工作。", ("张三", "李四"), [["张三", "李四"]]),
        # one who asked another to go is no leader
        ("6月9日，受县委书记张三委托，县长李四分别带队检查安全生产工作。", ("张三", "李四"), [["李四"]]),
    ],
)
def test_each_leads_an_inspection(text, names, leads):
    found = events_of(text, names=names)
    assert all(e.type == "inspection" for e in found)
    assert [sorted(p.person for p in e.participations if p.role == "lead") for e in found] == leads


def test_each_inspection_goes_on_with_its_own_lead():
    text = (
        "6月9日，县委书记张三，县委副书记、县长李四分别带队开展安全生产检查。"
        "张三一行先后来到某中学、某液化气站开展检查。李四带队先后到某医院、某景区等地开展检查。"
    )
    found = events_of(text, names=("张三", "李四"))
    assert [(e.place, {p.person for p in e.participations if p.role == "lead"}) for e in found] == [
        ("某中学、某液化气站", {"张三"}),
        ("某医院、某景区等地", {"李四"}),
    ]


@pytest.mark.parametrize(
    ("text", "speaks_at"),
    [
        # a speech told after a signing that is part of a gathering: given at the gathering
        (
            "6月9日，某县招商推介会在深圳举行。县长张三与某公司董事长王五签署合作协议，市长李四见证签约。"
            "县委书记赵六致辞。",
            "meeting",
        ),
        # a signing rite of its own hears its speeches; so does a signing told alone
        (
            "6月9日，某县与某公司签约仪式在县城举行。县长张三与某公司董事长王五签署合作协议。县委书记赵六致辞。",
            "signing",
        ),
        ("6月9日，县长张三与某公司董事长王五签署合作协议。县委书记赵六致辞。", "signing"),
    ],
)
def test_speech_after_a_signing_goes_to_its_gathering(text, speaks_at):
    found = events_of(text, names=("张三", "王五", "李四", "赵六"))
    assert [e.type for e in found if any(p.role == "speak" for p in e.participations)] == [speaks_at]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # what is said at a gathering (在座谈会上 / 在会上 / 会上，) goes to that gathering, not to
        # a reception told of after it; a clause going on with its subject (，并强调) keeps it
        (
            "6月9日，全市安全生产工作座谈会召开。市长张三出席座谈会，并在会前会见了企业代表。"
            "副市长李四在座谈会上强调，要压实责任。",
            ("张三", "李四"),
            [
                ("全市安全生产工作座谈会", [("张三", "attend"), ("李四", "speak")]),
                ("会见企业代表", [("张三", "host")]),
            ],
        ),
        (
            "6月9日，全市安全生产工作会议召开。市长张三出席会议，并在会前会见了企业代表。"
            "副市长李四在会上通报了有关情况，并强调要压实责任。",
            ("张三", "李四"),
            [
                ("全市安全生产工作会议", [("张三", "attend"), ("李四", "speak")]),
                ("会见企业代表", [("张三", "host")]),
            ],
        ),
        (
            "6月9日，全市安全生产工作会议召开。市长张三出席会议，并在会后会见了企业代表。"
            "会上，副市长李四强调，要压实责任。",
            ("张三", "李四"),
            [
                ("全市安全生产工作会议", [("张三", "attend"), ("李四", "speak")]),
                ("会见企业代表", [("张三", "host")]),
            ],
        ),
        # a rite told of in the sentence that says where it was held is that rite
        (
            "6月9日，区人大常委会召开第五次会议。会议决定任命李四为副区长。会上，李四进行了宪法宣誓。",
            ("李四",),
            None,
        ),
    ],
)
def test_roles_said_at_a_gathering(text, names, expected):
    found = events_of(text, names=names)
    if expected is None:  # the oath keeps who took it
        oath = next(e for e in found if "宣誓" in e.name)
        assert ("李四", "attend") in {(p.person, p.role) for p in oath.participations}
        return
    assert [e.name for e in found] == [name for name, _ in expected]
    for event, (_, roles) in zip(found, expected, strict=True):
        assert sorted((p.person, p.role) for p in event.participations) == roles


@pytest.mark.parametrize(
    "text",
    [
        # a group named by its visit (考察团, 调研组, 督导组) is no visit told by its verb: who
        # meets the group in a list of names does not lead the group's visit
        "6月12日，某考察团一行来湘开展交流考察活动。在湘期间，省委书记张三，省长李四与考察团成员座谈。",
        "6月12日，某调研组一行到我县开展调研。期间，县委书记张三，县长李四与调研组成员座谈。",
    ],
)
def test_group_named_by_its_visit_is_no_visit(text):
    found = events_of(text, names=("张三", "李四"))
    assert not [p for e in found for p in e.participations if p.role == "lead"]
    talk = next(e for e in found if e.type == "meeting")
    assert sorted((p.person, p.role) for p in talk.participations) == [("张三", "attend"), ("李四", "attend")]


@pytest.mark.parametrize(
    ("text", "guests"),
    [
        # kin named by whose they are: the guests are the relatives, not the one named
        ("6月9日，省委书记张三出席座谈会，并在会前会见了李四同志亲属。", []),
        ("6月9日，省委书记张三会见了李四的家属。", []),
        ("6月9日，省委书记张三会见了李四先生夫人一行。", []),
        ("6月9日，省委书记张三会见了某国大使李四。", ["李四"]),
    ],
)
def test_kin_of_a_named_person_are_the_guests(text, guests):
    found = events_of(text, names=("张三", "李四"))
    reception = next(e for e in found if e.type == "reception")
    assert ("张三", "host") in {(p.person, p.role) for p in reception.participations}
    assert [p.person for p in reception.participations if p.role == "guest"] == guests


def test_what_a_guest_is_welcomed_to_attend_is_not_attended_here():
    # 甲欢迎乙来华出席…开幕式: the welcome says what the guest came for; neither side attends
    # the reception told of
    text = "6月9日，市长张三会见了来访的某集团董事长李四。张三欢迎李四来我市出席投资洽谈会开幕式。"
    found = events_of(text, names=("张三", "李四"))
    reception = next(e for e in found if e.type == "reception")
    roles = sorted((p.person, p.role) for p in reception.participations)
    assert roles == [("张三", "host"), ("李四", "guest")]


@pytest.mark.parametrize(
    "text",
    [
        # who is accompanied (甲在乙陪同下) does what the clause goes on to: 甲 hosts
        "6月9日，省长张三在副省长李四陪同下会见了某国大使王五。",
        "6月9日，省长张三在副省长李四的陪同下会见了某国大使王五。",
        "6月9日，省长张三在省政府会见了某国大使王五，副省长李四陪同会见。",
    ],
)
def test_accompanied_host(text):
    found = events_of(text, names=("张三", "李四", "王五"))
    reception = next(e for e in found if e.type == "reception")
    roles = sorted((p.person, p.role) for p in reception.participations)
    assert roles == [("张三", "host"), ("李四", "accompany"), ("王五", "guest")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # where the speaker was is no part of the rite's name
        ("6月9日，副省长张三在开幕式上致辞。", "开幕式"),
        ("6月9日，副省长张三在某博览会开幕式上致辞。", "某博览会开幕式"),
    ],
)
def test_rite_named_without_where_its_speaker_was(text, name):
    found = events_of(text, names=("张三",))
    assert [(e.type, e.name) for e in found] == [("ceremony", name)]


_NEED_WORDS = sorted({w for _, _, needs in events._event_cues() for n in needs for w in n.pattern.split("|")})


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*_NEED_WORDS, "甲", "，", "了", "的"]), max_size=8).map("".join))
def test_a_clause_read_once_holds_the_groups_that_searching_each_would_find(words):
    rows = events._event_cues()
    searched = [(kind, pattern) for kind, pattern, needs in rows if all(n.search(words) for n in needs)]
    assert list(events._cues_held(events._needs_held(words))) == searched


@pytest.mark.parametrize("then", ["之后", "然后", "接着"])
def test_a_clause_opened_by_then_goes_on_with_the_subject_before(then):
    text = f"6月9日，县长张三到某镇调研，{then}主持召开座谈会。"
    events = events_of(text, names=("张三",))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in events] == [
        ("inspection", {("张三", "lead")}),
        ("meeting", {("张三", "chair")}),
    ]


@pytest.mark.parametrize(
    "frame",
    ["在出席某博览会期间", "出席某博览会期间", "出席某论坛之际", "在某市考察时"],
)
def test_who_opens_a_time_frame_does_what_the_clause_after_it_says(frame):
    # 甲在出席某博览会期间，会见了乙: 甲 receives 乙; attending the frame's gathering is no role here
    text = f"6月9日，县长张三{frame}，会见了某集团董事长李四。"
    events = events_of(text, names=("张三", "李四"))
    reception = next(e for e in events if e.type == "reception")
    assert {(p.person, p.role) for p in reception.participations} == {("张三", "host"), ("李四", "guest")}


# How releases date an event: one row a category of date language or of where the date stands
# against its event, in a release published on Friday 2021-05-28 unless a row says otherwise.
_FRIDAY = "2021-05-28"
_DATED = [
    # relative days, against the publication date; 近日 / 日前 name no day
    ("近日，县长张三到城关镇调研防汛工作。", _FRIDAY, None, [None]),
    ("日前，县长张三到城关镇调研防汛工作。", _FRIDAY, None, [None]),
    ("县长张三昨天到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-27"]),
    ("前天，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-26"]),
    ("今天上午，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-28"]),
    ("当天，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-28"]),
    ("县长张三昨（27）日到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-27"]),
    # days counted from the date just given
    (
        "5月25日，县长张三到城关镇调研。翌日，张三主持召开防汛工作会议。",
        _FRIDAY,
        None,
        ["2021-05-25", "2021-05-26"],
    ),
    (
        "5月25日，县长张三到城关镇调研。同日，张三主持召开防汛工作会议。",
        _FRIDAY,
        None,
        ["2021-05-25", "2021-05-25"],
    ),
    (
        "5月26日，县委召开常委会会议。此前一天，县长张三到城关镇调研。",
        _FRIDAY,
        None,
        ["2021-05-26", "2021-05-25"],
    ),
    # days of the week
    ("本周三，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-26"]),
    ("上周五，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-21"]),
    ("星期二上午，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-25"]),
    ("上週五，縣長張三到城關鎮調研防汛工作。", _FRIDAY, None, ["2021-05-21"]),
    # a day alone, a day of a month counted from the clock's
    ("27日上午，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-27"]),
    ("30日上午，全县召开防汛工作推进会。", "2021-06-02", None, ["2021-05-30"]),
    ("本月5日，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-05"]),
    ("二十七日上午，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-27"]),
    # across a year's end
    ("12月28日，全县召开防汛工作推进会。", "2021-01-04", None, ["2020-12-28"]),
    ("30日，全县召开冬季安全生产推进会。", "2021-01-02", None, ["2020-12-30"]),
    # ranges: the first day
    ("5月25日至27日，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-25"]),
    ("25日—27日，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-25"]),
    ("5月31日至6月2日，县长张三到城关镇调研防汛工作。", "2021-06-03", None, ["2021-05-31"]),
    # full dates, however written
    ("二〇二一年五月二十七日，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-27"]),
    ("2021.5.27，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-27"]),
    ("2021-05-27，全县召开防汛工作推进会。", _FRIDAY, None, ["2021-05-27"]),
    ("2021年5月27日，全县召开防汛工作推进会。", None, None, ["2021-05-27"]),
    # traditional characters
    ("5月27日，縣長張三到城關鎮調研防汛工作。", _FRIDAY, None, ["2021-05-27"]),
    # lunar days and holidays
    ("农历四月十六，县长张三到城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-27"]),
    ("端午节当天，县长张三到城关镇慰问一线职工。", "2021-06-15", None, ["2021-06-14"]),
    ("国庆节前夕，县长张三到城关镇看望慰问老党员。", "2020-10-02", None, [None]),
    # where the date stands: opening the sentence, after the doer, after the name, in the headline
    ("5月27日上午，县长张三主持召开防汛工作会议。", _FRIDAY, None, ["2021-05-27"]),
    ("县长张三27日在城关镇调研防汛工作。", _FRIDAY, None, ["2021-05-27"]),
    ("全县防汛工作会议27日上午在县政府召开。", _FRIDAY, None, ["2021-05-27"]),
    ("县长张三到城关镇调研防汛工作。", _FRIDAY, "张三27日到城关镇调研防汛工作", ["2021-05-27"]),
    # …in the sentence before
    ("27日，全县召开防汛工作会议。会上，县长张三作了讲话。", _FRIDAY, None, ["2021-05-27"]),
    ("27日，县长张三到城关镇调研。在某村，张三主持召开座谈会。", _FRIDAY, None, ["2021-05-27", "2021-05-27"]),
    (
        "27日上午，县长张三到城关镇调研。下午，张三主持召开防汛工作会议。",
        _FRIDAY,
        None,
        ["2021-05-27", "2021-05-27"],
    ),
    # dates that date no happening
    ("新华社北京5月27日电 国务院总理张三近日到某省考察。", _FRIDAY, None, [None]),
    ("为贯彻落实5月20日省委会议精神，县长张三近日到城关镇调研。", _FRIDAY, None, [None]),
    ("5月初，县长张三到城关镇调研防汛工作。", _FRIDAY, None, [None]),
]


@pytest.mark.parametrize(("text", "published", "title", "dates"), _DATED)
def test_how_releases_date_an_event(text, published, title, dates):
    release = Release(id="t", text=text, title=title, published=published)
    persons = persons_in(text, "张三", "張三")
    events = find_events(release, tuple(split_sentences(text)), persons)
    assert [e.date for e in events] == dates


_VISIT = "6月9日，县委书记陈小海到某镇调研。镇长刘志强陪同调研。"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause whose subject is a team (调研组, 督导组, 检查组, 考察团, 巡察组) goes on to
        # speak for that team: the companions named before it take no role from it, though a
        # place name holds 他
        (
            "部长周立新到某镇调研。镇长蒋红艳陪同调研。调研组对沙他拉镇统战工作给予充分肯定，并提出了指导意见。",
            {("周立新", "lead"), ("蒋红艳", "accompany")},
        ),
        (
            "6月9日，县长李明华陪同省调研组到某镇调研。调研组对他拉镇工作给予肯定，并提出了意见。",
            {("李明华", "accompany")},
        ),
        (
            "6月9日，市检查组到某镇检查。镇长刘志强陪同检查。检查组对他拉镇工作给予肯定，并提出了整改要求。",
            {("刘志强", "accompany")},
        ),
        (
            "6月9日，县委巡察组进驻某镇。镇党委书记赵德明陪同。巡察组对他拉镇工作给予肯定，并强调要支持配合巡察。",
            {("赵德明", "accompany")},
        ),
        # a speech relayed (传达, 宣读, 学习 its speaker's words): its speaker does nothing here
        (
            "7月13日，某镇工作动员会召开。会前，县委巡察组与某镇党委主要负责人召开巡前见面沟通会，"
            "传达县委书记陈小海在专题会听取巡察有关工作汇报时的讲话，通报了本轮巡察有关工作安排。",
            set(),
        ),
        (
            "6月9日，县委书记陈小海到某镇调研。调研中，陈小海传达了市委书记王大成在某县调研时的讲话精神。",
            {("陈小海", "lead"), ("陈小海", "speak")},
        ),
        ("6月9日，某镇召开党委会，传达县委书记陈小海的讲话，并部署了有关工作。", set()),
        ("6月9日，某镇召开党委会，宣读县长李明华的批示，并提出了要求。", set()),
        ("6月9日，某县召开常委会，学习县委书记陈小海在全市大会上的讲话精神。", set()),
        # controls: who chairs, leads or is named as the subject keeps his roles
        ("6月9日，县委书记陈小海主持召开常委会会议并讲话。", {("陈小海", "chair"), ("陈小海", "speak")}),
        ("6月9日，县长李明华到某镇调研，并提出要求。", {("李明华", "lead"), ("李明华", "speak")}),
        (
            "6月9日，县委书记陈小海带领调研组到某镇调研，并提出了指导意见。",
            {("陈小海", "lead"), ("陈小海", "speak")},
        ),
        (
            _VISIT + "陈小海对某镇工作给予充分肯定，并提出了指导意见。",
            {("陈小海", "lead"), ("陈小海", "speak"), ("刘志强", "accompany")},
        ),
        (
            "6月9日，县长李明华、副县长王建国陪同市长孙丽华到某镇调研。孙丽华对某镇工作给予肯定，并提出了要求。",
            {("孙丽华", "lead"), ("孙丽华", "speak"), ("李明华", "accompany"), ("王建国", "accompany")},
        ),
        (
            "6月9日，县委书记陈小海主持召开常委会，传达学习省委书记王大成的讲话精神，并强调要抓好落实。",
            {("陈小海", "chair"), ("陈小海", "speak")},
        ),
    ],
)
def test_a_clause_with_no_subject_of_its_own_goes_on_with_whose_subject(text, expected):
    from govkg.extract.pipeline import extract

    found = extract(Release(id="t", text=text, published="2020-06-10"), tagger=False)
    names = {p.key: p.name for p in found.persons}
    assert {(names[p.person], p.role) for e in found.events for p in e.participations} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a presentation given (作…推介, 作了…推介, 进行了…推介): the presenters speak, every name of
        # the list before the giving verb
        (
            "6月9日，全市招商推介会在某地举行。副市长张三主持，县委书记李四、市长王五作招商项目推介。",
            {("张三", "chair"), ("李四", "speak"), ("王五", "speak")},
        ),
        ("6月9日，全县招商推介会召开。张三在会上作了某园区的推介。", {("张三", "speak")}),
        ("6月9日，全县招商推介会召开。张三、李四分别作推介。", {("张三", "speak"), ("李四", "speak")}),
        ("6月9日，全县招商推介会召开。张三为客商作推介。", {("张三", "speak")}),
        # controls: whom it is given for, what is recommended to someone, no giving verb
        ("6月9日，全县招商推介会召开。张三和李四为王五作推介。", set()),
        ("6月9日，全县招商推介会召开。张三向客商推介某县资源。", set()),
        ("6月9日，全县招商推介会召开。张三与客商交流，李四推介某县资源。", set()),
    ],
)
def test_who_gives_a_presentation_speaks(text, expected):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    assert {(p.person, p.role) for p in event.participations} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 出席 / 参加 that describes whom one addresses or names is no one attending
        (
            "6月9日，全市签约仪式在某地举行。市委书记张三向出席签约仪式的各位嘉宾表示欢迎。",
            set(),
        ),
        (
            "6月9日，全市签约仪式在某地举行。张三代表市委对参加仪式的全体同志表示感谢。",
            set(),
        ),
        # controls: who attends, and who attends a gathering named with what it is
        ("6月9日，全市签约仪式在某地举行。李四出席签约仪式并致辞。", {("李四", "attend"), ("李四", "speak")}),
        ("6月9日，张三出席在某地举行的全市招商会议。", {("张三", "attend")}),
        ("6月9日，张三参加了某支部的党员大会。", {("张三", "attend")}),
    ],
)
def test_attending_that_describes_the_addressed_is_no_attendance(text, expected):
    (event,) = events_of(text, names=("张三", "李四"))
    assert {(p.person, p.role) for p in event.participations} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting held after the one told of (会后，…召开会议) is another, on its day, with
        # whom it names
        (
            "6月9日，我县组织收听收看全省防汛工作会议。县领导张三、李四参加收听收看。会后，我县立即召开会议，对防汛工作进行安排部署。",
            [("2020-06-09", {("张三", "attend"), ("李四", "attend")}), ("2020-06-09", set())],
        ),
        (
            "6月9日，全县防汛工作会议召开。会后，张三主持召开县委常委会会议，研究防汛工作。",
            [("2020-06-09", set()), ("2020-06-09", {("张三", "chair")})],
        ),
        # controls: what the meeting asks to be held later, and the meeting itself told again
        ("6月9日，全县防汛工作会议召开。会议要求，会后各乡镇要召开会议传达精神。", [("2020-06-09", set())]),
        (
            "6月9日，全县防汛工作会议召开。会上，张三主持会议并讲话。",
            [("2020-06-09", {("张三", "chair"), ("张三", "speak")})],
        ),
    ],
)
def test_a_meeting_held_after_a_meeting_is_another(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert all(e.type == "meeting" for e in events)
    assert [(e.date, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        # the subject named right after a quotation alone said it, whatever verb of saying
        ("6月9日，县长张三到某镇检查防汛工作，李四陪同。“这里的防汛物资很充足。”李四介绍说。", {"李四"}),
        ("6月9日，县长张三到某镇检查防汛工作。“要抓好。要落实。”张三叮嘱镇村干部。", {"张三"}),
        ("6月9日，县长张三到某镇检查防汛工作。“身体还这么好。”在困难群众王五家中，张三称赞老人。", {"张三"}),
        ("6月9日，县长张三到某镇检查防汛工作。“要抓好。”临走时，李四语重心长地叮嘱村干部。", {"李四"}),
        # not one who does something else, not one named in the frame, not whose words they are
        ("6月9日，县长张三到某镇检查防汛工作。“要抓好。要落实。”李四陪同检查。", set()),
        ("6月9日，县长张三到某镇检查防汛工作。“要抓好。”在王五家中，李四察看了房屋。", set()),
        ("6月9日，县长张三到某镇检查防汛工作。“要抓好。”张三的话让李四深受鼓舞。", set()),
        # a quotation with its speaker before it is his: the next sentence's subject said nothing
        ("6月9日，县长张三到某镇检查。王五说：“要抓好。要落实。”李四告诉记者，物资已到位。", {"王五"}),
    ],
)
def test_the_subject_named_after_a_quotation_alone_said_it(text, speaks):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    assert {p.person for p in event.participations if p.role == "speak"} == speaks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting held 会前 is an aside: 会上 and 主持会议 after it are of the meeting told of
        (
            "6月9日，某村工作动员会召开。会前，巡察组与镇党委召开见面沟通会。会上，张三作动员讲话，李四主持会议。",
            [("某村工作动员会", {("张三", "speak"), ("李四", "chair")}), ("见面沟通会", set())],
        ),
        # …while the aside named again is itself
        (
            "6月9日，某村工作动员会召开。会前，巡察组与镇党委召开见面会，张三主持见面会。见面会上，李四讲话。",
            [("某村工作动员会", set()), ("见面会", {("张三", "chair"), ("李四", "speak")})],
        ),
        # a meeting held 会后 is where the story goes on
        (
            "6月9日，某村工作动员会召开。会后，巡察组与镇党委召开见面会。会上，李四讲话。",
            [("某村工作动员会", set()), ("见面会", {("李四", "speak")})],
        ),
    ],
)
def test_a_meeting_held_before_the_one_told_of_is_an_aside(text, expected):
    events = events_of(text, names=("张三", "李四"))
    assert [(e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # each relative form, against the publication date 2020-06-10 (a Wednesday)
        ("昨天，县长张三到某镇检查防汛工作。", "2020-06-09"),
        ("前天，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("今天，县长张三到某镇检查防汛工作。", "2020-06-10"),
        ("今日，县长张三到某镇检查防汛工作。", "2020-06-10"),
        ("县长张三昨天下午主持召开防汛工作会议。", "2020-06-09"),
        ("昨晚，县长张三主持召开防汛工作会议。", "2020-06-09"),
        ("本周一，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("上周五，县长张三到某镇检查防汛工作。", "2020-06-05"),
        ("星期一上午，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("周一上午，县长张三主持召开防汛工作会议。", "2020-06-08"),
        ("周日，县长张三到某镇检查防汛工作。", "2020-06-07"),
        ("6月8日（星期一），县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("9日上午，县长张三到某镇检查防汛工作。", "2020-06-09"),
        ("8号上午，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("本月8日，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("上月28日，县长张三到某镇检查防汛工作。", "2020-05-28"),
        ("12月30日，县长张三到某镇检查防汛工作。", "2019-12-30"),
        ("6月8日至9日，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("6月8日—9日，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("今年6月8日，县长张三到某镇检查防汛工作。", "2020-06-08"),
        ("6月8日晚8时，县长张三主持召开防汛工作会议。", "2020-06-08"),
        ("当地时间6月8日，省长张三会见某国总统李四。", "2020-06-08"),
        ("元旦当天，县长张三到某镇看望慰问一线职工。", "2020-01-01"),
        ("国庆节当天，县长张三到某镇看望慰问一线职工。", "2019-10-01"),
        ("大年初一，县长张三到某镇看望慰问值班人员。", "2020-01-25"),
        ("除夕，县长张三到某镇看望慰问值班人员。", "2020-01-24"),
        ("正月初八，县长张三到某镇检查复工复产工作。", "2020-02-01"),
        ("端午节当天，县长张三到某镇看望慰问了一线职工。", "2019-06-07"),
        ("农历五月初五，县长张三到某镇看望慰问了一线职工。", "2019-06-07"),
        ("今年端午节，县长张三到某镇看望慰问一线职工。", "2020-06-25"),
        ("中秋节当天，县长张三到某镇看望慰问了一线职工。", "2019-09-13"),
        # …and what names no day
        ("春节前夕，县长张三到某镇看望慰问困难群众。", None),
        ("元旦前夕，县长张三到某镇看望慰问一线职工。", None),
        ("近日，县长张三到某镇检查防汛工作。", None),
        ("上周，县长张三到某镇检查防汛工作。", None),
        ("6月上旬，县长张三到某镇检查防汛工作。", None),
        # a meeting within a visit of a range of days: the day the text gives it, else none
        ("6月8日至10日，县长张三到某县调研。9日上午，张三主持召开座谈会。", "2020-06-09"),
        ("6月8日至10日，县长张三到某县调研，并于9日下午主持召开座谈会。", "2020-06-09"),
        ("6月8日至10日，县长张三到某县调研。期间，张三主持召开座谈会。", None),
    ],
)
def test_the_day_of_an_event_by_each_relative_form(text, day):
    events = events_of(text, published="2020-06-10", names=("张三", "李四"))
    assert events[-1].date == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a visit told by what the visitor learns where he went, in the clause after it
        (
            "6月8日，县长张三走进某企业生产车间，了解企业复工复产情况。",
            [("inspection", "了解企业复工复产情况", {("张三", "lead")})],
        ),
        (
            "6月8日，县长张三深入某镇田间地头，详细了解春耕生产情况。",
            [("inspection", "详细了解春耕生产情况", {("张三", "lead")})],
        ),
        # …or asks about there
        (
            "6月8日，县长张三来到某镇卫生院，详细询问疫情防控物资储备情况。",
            [("inspection", "详细询问疫情防控物资储备情况", {("张三", "lead")})],
        ),
        # …after a meeting, a visit of its own
        (
            "6月8日，县长张三主持召开防汛工作会议。会后，张三来到某村，详细了解防汛物资储备情况。",
            [
                ("meeting", "防汛工作会议", {("张三", "chair")}),
                ("inspection", "详细了解防汛物资储备情况", {("张三", "lead")}),
            ],
        ),
        # …within a visit told of, the same visit
        (
            "6月8日，县长张三到某镇检查防汛工作。张三来到某村，详细了解防汛物资储备情况。",
            [("inspection", "到某镇检查防汛工作", {("张三", "lead")})],
        ),
        # 了解 with no one going anywhere, or after a meeting held, reports no visit
        ("6月8日，县长张三主持召开会议，了解企业复工复产情况。", [("meeting", "会议", {("张三", "chair")})]),
        ("据了解，某县今年已投入防汛资金5000万元。", []),
        ("6月8日，县长张三主持召开会议，询问各镇防汛物资情况。", [("meeting", "会议", {("张三", "chair")})]),
    ],
)
def test_a_visit_told_by_what_the_visitor_learns_where_he_went(text, expected):
    events = events_of(text, names=("张三",))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


def _told(text, published="2020-06-10"):
    """(type, date, name) of each event of ``text``, a release published on ``published``."""
    return [(e.type, e.date, e.name) for e in events_of(text, published, names=("张三", "李四"))]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # the day a gathering opens on, written after its name, dates its rite told next
        (
            "第五届某博览会9日在某市开幕。副省长张三出席开幕式并致辞。",
            "2020-06-10",
            [("ceremony", "2020-06-09", "第五届某博览会开幕式")],
        ),
        (
            "某市第五届某文化节6月9日开幕。市长张三出席开幕式。",
            "2020-06-10",
            [("ceremony", "2020-06-09", "某市第五届某文化节开幕式")],
        ),
        (
            "第五届某文化旅游节6月8日上午在某市隆重开幕。市长张三出席开幕式并致辞。",
            "2020-06-10",
            [("ceremony", "2020-06-08", "第五届某文化旅游节开幕式")],
        ),
        # …as one written before it does
        (
            "6月8日，某文化旅游节开幕。市长张三出席开幕式。",
            "2020-06-10",
            [("ceremony", "2020-06-08", "某文化旅游节开幕式")],
        ),
        # without a clock the day is not known, and still no part of the name
        (
            "第五届某文化旅游节6月8日在某市开幕。市长张三出席开幕式。",
            None,
            [("ceremony", None, "第五届某文化旅游节开幕式")],
        ),
        # a gathering of several days, or of no day told, dates no rite
        (
            "某博览会6月8日至10日在某市开幕。市长张三出席开幕式。",
            "2020-06-10",
            [("ceremony", None, "某博览会开幕式")],
        ),
        (
            "某文化旅游节近日在某市开幕。市长张三出席开幕式。",
            "2020-06-10",
            [("ceremony", None, "某文化旅游节开幕式")],
        ),
    ],
)
def test_a_gathering_dated_after_its_name_dates_its_rite(text, published, expected):
    assert _told(text, published) == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # said of some unstated day (近日, 日前): a date in what is done qualifies it
        ("县长张三近日到城关镇检查6月5日全县防汛会议部署的工作落实情况。", [None]),
        ("日前，县长张三到城关镇检查6月5日全县防汛会议部署的工作。", [None]),
        # a date written between 近日 and the happening is its day
        ("近日，县长张三于6月8日到城关镇检查防汛工作。", ["2020-06-08"]),
        # a date of the happening with no such word
        ("县长张三6月8日到城关镇检查防汛工作。", ["2020-06-08"]),
    ],
)
def test_a_happening_said_of_no_day_takes_no_date_from_what_it_does(text, dates):
    assert [date for _, date, _ in _told(text)] == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a meeting said of some unstated day (日前) is not the dated one told of before
        ("6月8日，全县召开防汛会议。日前，县长张三主持召开专题会议。", ["2020-06-08", None]),
        ("6月8日，全县召开防汛会议。近日，县长张三主持召开防汛专题会议。", ["2020-06-08", None]),
        # …while the same meeting told again is one
        ("6月8日，全县召开防汛会议。县长张三主持会议。", ["2020-06-08"]),
        ("日前，县委召开常委会会议，县委书记张三主持会议。", [None]),
    ],
)
def test_a_happening_of_some_other_day_is_another(text, dates):
    assert [date for _, date, _ in _told(text)] == dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call told within a visit (调研期间，甲看望了…) is a visit of its own, on the visit's day
        (
            "6月8日，国务院副总理张三到某省调研。调研期间，张三看望了在某市的政协委员代表。",
            [
                ("inspection", "2020-06-08", "到某省调研"),
                ("inspection", "2020-06-08", "看望了在某市的政协委员代表"),
            ],
        ),
        (
            "6月8日，副省长张三到某市调研。调研期间，张三专程到某市人大常委会看望了机关工作人员。",
            [
                ("inspection", "2020-06-08", "到某市调研"),
                ("inspection", "2020-06-08", "到某市人大常委会看望了机关工作人员"),
            ],
        ),
        # …on no known day within a visit of several
        (
            "国务院副总理张三近日在某省调研。8日至9日，张三来到某市、某县调研。调研期间，张三看望了在某市的政协委员代表。",
            [
                ("inspection", "2020-06-08", "在某省调研"),
                ("inspection", None, "看望了在某市的政协委员代表"),
            ],
        ),
        # a call told as the visit goes on is part of it
        (
            "6月8日，副省长张三到某市调研。张三看望了在某市的政协委员代表。",
            [("inspection", "2020-06-08", "到某市调研")],
        ),
        # a call told alone is a visit
        (
            "6月8日，县长张三看望了在某医院住院的老党员。",
            [("inspection", "2020-06-08", "看望了在某医院住院的老党员")],
        ),
    ],
)
def test_a_call_told_within_a_visit_is_its_own(text, expected):
    assert _told(text) == expected


def test_calls_on_the_same_people_by_two_hosts_are_one():
    text = "6月8日，市委书记张三到驻地看望检查组。市长李四看望检查组。"
    (event,) = events_of(text, names=("张三", "李四"))
    assert {(p.person, p.role) for p in event.participations} == {("张三", "lead"), ("李四", "lead")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting held on a full date and hour written between its name and its verb
        (
            "全县防汛工作会议于2020年6月8日下午3时在县政府召开。",
            [("meeting", "2020-06-08", "全县防汛工作会议")],
        ),
        # …or on a date written with spaces
        ("全县防汛工作会议6 月 8 日召开。", [("meeting", "2020-06-08", "全县防汛工作会议")]),
        # what a meeting says (强调：…召开…) is no meeting held
        ("县委常委会会议强调：要尽快召开防汛会议。", []),
    ],
)
def test_a_meeting_held_on_a_day_written_after_its_name(text, expected):
    assert _told(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an appointment told first by the resignation it accepts is named by the appointment
        (
            "6月8日，县人大常委会举行第五次会议。会议表决通过了关于接受李四同志辞去某县人民政府县长职务的决定，"
            "决定任命张三同志为某县人民政府副县长、代理县长。",
            "决定任命张三同志为某县人民政府副县长、代理县长",
        ),
        (
            "6月8日，市人大常委会举行第九次会议。因工作需要，李四向市人大常委会提出辞去所任职务的请求。"
            "会议决定：接受李四辞去市长职务。会议表决通过，任命张三为市人民政府副市长。",
            "任命张三为市人民政府副市长",
        ),
        # …and better by the sitting's item, where the text names one
        (
            "6月8日，县人大常委会举行第五次会议。会议决定任命张三为县政府副县长。会议表决通过了有关人事任免事项。",
            "人事任免事项",
        ),
        # …and not by a statement on the items (关于人事任免事项的说明)
        (
            "6月8日，市人大常委会举行第九次会议。因工作需要，李四向市人大常委会提出辞去所任职务的请求。"
            "会上，组织部部长王五作关于人事任免事项的说明。会议表决通过，任命张三为市人民政府副市长。",
            "任命张三为市人民政府副市长",
        ),
        # controls: items said to be others name none of the appointment told of
        (
            "6月8日，县人大常委会举行第五次会议。会议决定任命张三为县政府副县长。会议还表决通过其他人事任免事项。",
            "决定任命张三为县政府副县长",
        ),
        # …nor does a resignation told after the act
        (
            "6月8日，县人大常委会举行第五次会议。会议决定任命张三为县政府副县长。会议决定接受李四辞去县长职务。",
            "决定任命张三为县政府副县长",
        ),
    ],
)
def test_an_appointment_is_named_by_the_act_or_the_sittings_item(text, expected):
    (appointment,) = [e for e in events_of(text, names=("张三", "李四")) if e.type == "appointment"]
    assert appointment.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # personnel matters studied to be put to a sitting are no appointment
        ("6月8日，县委召开常委会会议。会议研究了人事事项。", []),
        ("6月8日，县委召开常委会会议。会议研究了人事事项和县人大常委会会议有关事宜。", []),
    ],
)
def test_personnel_matters_not_passed_are_no_appointment(text, expected):
    assert [e.name for e in events_of(text) if e.type == "appointment"] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sitting (第一次全体会议, 闭幕会议) told after its session is part of it
        (
            "6月8日，省人大常委会第十四次会议在某市召开。张三主持第一次全体会议。李四主持闭幕会议。",
            [("meeting", "2020-06-08", "省人大常委会第十四次会议", {("张三", "chair"), ("李四", "chair")})],
        ),
        # …told alone, it is the meeting, named with the organ that holds it
        (
            "6月8日，县政府召开第一次全体会议。张三主持会议。",
            [("meeting", "2020-06-08", "县政府第一次全体会议", {("张三", "chair")})],
        ),
        # control: a sitting of another day is another meeting
        (
            "6月8日，县委召开常委会会议。6月9日，县人大常委会举行第一次全体会议，张三主持。",
            [
                ("meeting", "2020-06-08", "常委会会议", set()),
                ("meeting", "2020-06-09", "县人大常委会第一次全体会议", {("张三", "chair")}),
            ],
        ),
        # control: a government's plenary meeting named with its organ is a meeting of its own
        (
            "6月8日，县委召开常委会会议。同日，张三主持召开县政府第一次全体会议。",
            [
                ("meeting", "2020-06-08", "常委会会议", set()),
                ("meeting", "2020-06-08", "县政府第一次全体会议", {("张三", "chair")}),
            ],
        ),
    ],
)
def test_a_sitting_told_after_its_session_is_part_of_it(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [
        (e.type, e.date, e.name, {(p.person, p.role) for p in e.participations}) for e in found
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the colon of a clock time (9：30, 9:30) separates no clause: who opens it chairs
        (
            "县长张三6月8日上午9：30主持召开县政府常务会议。",
            [("meeting", "2020-06-08", "县政府常务会议", {("张三", "chair")})],
        ),
        (
            "县长张三6月8日上午9:30主持召开县政府常务会议。",
            [("meeting", "2020-06-08", "县政府常务会议", {("张三", "chair")})],
        ),
        # …and a meeting named before its day and hour keeps its name and day
        (
            "全县防汛工作会议于6月8日上午9：30在县政府召开。张三出席会议并讲话。",
            [("meeting", "2020-06-08", "全县防汛工作会议", {("张三", "attend"), ("张三", "speak")})],
        ),
        (
            "6月8日上午9：30，县政府召开常务会议，县长张三主持会议。",
            [("meeting", "2020-06-08", "县政府常务会议", {("张三", "chair")})],
        ),
        # control: a colon after words still closes what comes before it
        ("县委常委会会议强调：要在6月8日上午9：30召开防汛会议。", []),
    ],
)
def test_a_clock_time_with_a_colon_does_not_break_its_clause(text, expected):
    found = events_of(text, names=("张三",))
    assert [
        (e.type, e.date, e.name, {(p.person, p.role) for p in e.participations}) for e in found
    ] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a display looked at in a gathering's frame is a happening of its own, on its day
        (
            "6月8日，某项目开工仪式在某县举行。张三出席并讲话。开工仪式前，市县领导在某集团董事长李四的陪同下观看了项目展板。",
            [
                ("ceremony", "2020-06-08", "某项目开工仪式", {("张三", "attend"), ("张三", "speak")}),
                ("other", "2020-06-08", "观看项目展板", {("李四", "accompany")}),
            ],
        ),
        (
            "6月8日，全县招商推介会在某酒店举行。张三出席并讲话。会前，客商们参观了工农业经济发展成果展示。",
            [
                ("meeting", "2020-06-08", "全县招商推介会", {("张三", "attend"), ("张三", "speak")}),
                ("other", "2020-06-08", "参观工农业经济发展成果展示", set()),
            ],
        ),
        # controls: on a visit, what the visitor is shown is part of the visit
        (
            "6月8日，县长张三到某市调研，参观了某企业产品展览。",
            [("inspection", "2020-06-08", "到某市调研", {("张三", "lead")})],
        ),
        (
            "6月8日，县长张三到某市调研。调研期间，张三观看了某项目沙盘演示。",
            [("inspection", "2020-06-08", "到某市调研", {("张三", "lead")})],
        ),
        (
            "6月8日，县委召开常委会会议。6月9日，县长张三到某镇调研。调研活动结束后，张三参观了某企业产品展览。",
            [
                ("meeting", "2020-06-08", "常委会会议", set()),
                ("inspection", "2020-06-09", "到某镇调研", {("张三", "lead")}),
            ],
        ),
        # …with no gathering told of, it has no day, and is none
        ("会前，客商们参观了成果展示。", []),
    ],
)
def test_a_display_looked_at_around_a_gathering_is_a_happening(text, expected):
    found = events_of(text, names=("张三", "李四"))
    assert [
        (e.type, e.date, e.name, {(p.person, p.role) for p in e.participations}) for e in found
    ] == expected


def _told_under(text, title, published="2020-06-10"):
    """(type, date, name) of each event of ``text`` under the headline ``title``."""
    release = Release(id="t", text=text, title=title, published=published)
    found = find_events(release, tuple(split_sentences(text)), persons_in(text, "张三", "李四"))
    return [(e.type, e.date, e.name) for e in found]


@pytest.mark.parametrize(
    ("text", "title", "expected"),
    [
        # the day a headline gives an undated visit of one day is the meeting's told right after it
        (
            "县长张三到城关镇调研防汛工作。张三主持召开座谈会。",
            "6月8日，张三到城关镇调研",
            [("inspection", "2020-06-08", "到城关镇调研防汛工作"), ("meeting", "2020-06-08", "座谈会")],
        ),
        (
            "县长张三到城关镇调研防汛工作。张三主持召开座谈会。",
            "张三8日到城关镇调研",
            [("inspection", "2020-06-08", "到城关镇调研防汛工作"), ("meeting", "2020-06-08", "座谈会")],
        ),
        # controls: a headline of no day dates neither
        (
            "县长张三到城关镇调研防汛工作。张三主持召开座谈会。",
            "张三到城关镇调研",
            [("inspection", None, "到城关镇调研防汛工作"), ("meeting", None, "座谈会")],
        ),
        # …a meeting set at another time is not of the visit's day
        (
            "县长张三到城关镇调研防汛工作。去年，张三主持召开座谈会。",
            "6月8日，张三到城关镇调研",
            [("inspection", "2020-06-08", "到城关镇调研防汛工作"), ("meeting", None, "座谈会")],
        ),
        # …nor is one within a visit of several days
        (
            "县长张三到城关镇调研防汛工作。张三主持召开座谈会。",
            "6月7日至8日，张三到城关镇调研",
            [("inspection", "2020-06-07", "到城关镇调研防汛工作"), ("meeting", None, "座谈会")],
        ),
        # …nor one told after something else
        (
            "县长张三到城关镇调研防汛工作。李四来到某村看望群众。张三主持召开座谈会。",
            "6月8日，张三到城关镇调研",
            [
                ("inspection", "2020-06-08", "到城关镇调研防汛工作"),
                ("inspection", None, "来到某村看望群众"),
                ("meeting", None, "座谈会"),
            ],
        ),
    ],
)
def test_a_headline_dates_the_meeting_told_after_the_visit_it_dates(text, title, expected):
    assert _told_under(text, title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # commissions handed over at a sitting that appoints, with no rite told, are part of it
        (
            "8月14日，县人大常委会召开第三十一次会议。县人大常委会主任王五主持会议。"
            "会议还一致通过了新的人事任免决议，任命张三同志为政府副县长，李四为张三颁发任命书。",
            [
                ("meeting", "县人大常委会第三十一次会议", {("王五", "chair"), ("李四", "attend")}),
                ("appointment", "人事任免决议", {("张三", "appointed")}),
            ],
        ),
        # controls: with an oath told, the commissions and the oath are a ceremony
        (
            "8月14日，县人大常委会召开第三十一次会议。会议通过了人事任免决议，任命张三为副县长。"
            "李四向张三颁发了任命书，并组织新任命人员进行了宪法宣誓。",
            [
                ("meeting", "县人大常委会第三十一次会议", set()),
                ("appointment", "人事任免决议", {("张三", "appointed")}),
                ("ceremony", "颁发任命书", {("李四", "attend")}),
            ],
        ),
        # …so they are with a rite named
        (
            "8月14日，县人大常委会召开第三十一次会议。会议通过了人事任免决议，任命张三为副县长。李四主持颁发任命书仪式。",
            [
                ("meeting", "县人大常委会第三十一次会议", set()),
                ("appointment", "人事任免决议", {("张三", "appointed")}),
                ("ceremony", "颁发任命书仪式", {("李四", "chair")}),
            ],
        ),
        # …and with no sitting told of
        ("8月14日，市委书记李四向张三颁发任命书。", [("ceremony", "颁发任命书", {("李四", "attend")})]),
        # …and told in a sentence of its own
        (
            "8月14日，县人大常委会召开第三十一次会议。会议通过了人事任免决议，任命张三为副县长。李四向张三颁发了任命书。",
            [
                ("meeting", "县人大常委会第三十一次会议", set()),
                ("appointment", "人事任免决议", {("张三", "appointed")}),
                ("ceremony", "颁发任命书", {("李四", "attend")}),
            ],
        ),
    ],
)
def test_commissions_handed_over_at_a_sitting_with_no_rite_are_part_of_it(text, expected):
    found = events_of(text, names=("张三", "李四", "王五"))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what the visitors are told (据介绍, 据了解) of a place they see: background, and its
        # date is no day the meeting after the visit takes
        (
            "6月8日，县长张三到某镇调研重点项目建设。据介绍，该项目于5月20日开工建设。随后，张三主持召开座谈会。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设"), ("meeting", "2020-06-08", "座谈会")],
        ),
        (
            "6月8日，县长张三到某园区调研。据了解，该园区于5月20日举行了揭牌仪式。",
            [("inspection", "2020-06-08", "到某园区调研")],
        ),
        # a rite of a year before the report, with no day
        (
            "6月8日，县长张三到某镇调研重点项目建设。该项目去年3月举行奠基仪式，目前进展顺利。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设")],
        ),
        (
            "6月8日，县长张三到某镇调研重点项目建设。该项目2018年举行开工仪式，目前已完成投资3亿元。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设")],
        ),
        # a start of what was told of before, with no rite named
        (
            "6月8日，县长张三到某镇调研重点项目建设。该项目5月20日开工建设，总投资5亿元。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设")],
        ),
        # …or a rite of what was told of before in a month with no day
        (
            "6月8日，县长张三到某镇调研重点项目建设。该项目今年3月举行了开工仪式，目前进展顺利。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设")],
        ),
        # controls: a rite of what was told of before on a day written keeps its day
        (
            "6月8日，县长张三到某镇调研重点项目建设。该项目3月5日举行了开工仪式。",
            [("inspection", "2020-06-08", "到某镇调研重点项目建设"), ("ceremony", "2020-03-05", "开工仪式")],
        ),
        # controls: a rite the release reports, one the visitor attends, one announced
        (
            "6月8日，某县重点项目集中开工仪式在某镇举行。县长张三出席开工仪式并讲话。",
            [("ceremony", "2020-06-08", "某县重点项目集中开工仪式")],
        ),
        (
            "6月8日，县长张三到某镇调研。随后，张三出席了该项目开工仪式。",
            [("inspection", "2020-06-08", "到某镇调研"), ("ceremony", "2020-06-08", "该项目开工仪式")],
        ),
        (
            "6月8日，县长张三主持召开全县旅游工作会议。据悉，12日将举办某县旅游节开幕式。",
            [
                ("meeting", "2020-06-08", "全县旅游工作会议"),
                ("ceremony", "2020-06-12", "12日将举办某县旅游节开幕式"),
            ],
        ),
    ],
)
def test_a_rite_told_as_background_of_a_visit_is_no_event(text, expected):
    assert _told(text) == expected


def _received(text):
    """(name, date, roles) of each reception of ``text``."""
    found = events_of(text, names=("张三", "李四", "王五"))
    return [
        (e.name, e.date, sorted((p.person, p.role) for p in e.participations))
        for e in found
        if e.type == "reception"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # calls paid on several organs in turn: one reception each, the visitors its guests
        (
            "6月8日，县长张三先后拜会了省发展改革委、省交通运输厅和省水利厅。",
            [
                ("拜会省发展改革委", "2020-06-08", [("张三", "guest")]),
                ("拜会省交通运输厅", "2020-06-08", [("张三", "guest")]),
                ("拜会省水利厅", "2020-06-08", [("张三", "guest")]),
            ],
        ),
        (
            "6月8日，县长张三分别拜访了国家林业和草原局、国务院扶贫办。",
            [
                ("拜访国家林业和草原局", "2020-06-08", [("张三", "guest")]),
                ("拜访国务院扶贫办", "2020-06-08", [("张三", "guest")]),
            ],
        ),
        # the visitors named in the clause that says they lead the party
        (
            "6月8日，省委书记张三，省长李四带队，先后拜会了工业和信息化部、教育部。",
            [
                (
                    "拜会工业和信息化部",
                    "2020-06-08",
                    [("张三", "guest"), ("张三", "lead"), ("李四", "guest"), ("李四", "lead")],
                ),
                (
                    "拜会教育部",
                    "2020-06-08",
                    [("张三", "guest"), ("张三", "lead"), ("李四", "guest"), ("李四", "lead")],
                ),
            ],
        ),
        # controls: one organ alone names no one who receives; people called on, one each
        ("6月8日，县长张三拜会了省发展改革委，汇报衔接工作。", []),
        ("6月8日，县长张三先后拜会了省发展改革委，汇报衔接工作。", []),
        (
            "6月8日，县长张三先后拜会了某集团董事长李四和某公司总经理王五。",
            [
                (
                    "拜会某集团董事长李四和某公司总经理王五（李四）",
                    "2020-06-08",
                    [("张三", "guest"), ("李四", "host")],
                ),
                (
                    "拜会某集团董事长李四和某公司总经理王五（王五）",
                    "2020-06-08",
                    [("张三", "guest"), ("王五", "host")],
                ),
            ],
        ),
    ],
)
def test_calls_on_several_organs_in_turn_are_one_reception_each(text, expected):
    assert _received(text) == expected


_CLAUSE_PIECES = [
    "甲",
    "主持",
    "会议",
    "，",
    ",",
    "；",
    "。",
    "：",
    ":",
    "！",
    "？",
    "“",
    "”",
    "9",
    "30",
    "１",
    " ",
]


@given(st.lists(st.sampled_from(_CLAUSE_PIECES), max_size=30).map("".join))
def test_clauses_taken_by_runs_are_those_taken_one_character_a_step(text):
    # a quote of up to 20 characters and a clock's colon stay in their clause, as before
    step = re.compile(rf"(?:“[^“”。]{{1,20}}”|{events._CLOCK_COLON}|[^，,；;。！？!?：:])+")
    assert [m.span() for m in events._CLAUSE.finditer(text)] == [m.span() for m in step.finditer(text)]


@pytest.mark.parametrize(
    "text, opens",
    [
        ("调研组对某镇工作给予肯定", True),
        ("省委第三巡视组与某县干部座谈", True),
        ("客人一行参观了展厅", True),
        ("专家们认真听取汇报", True),
        ("甲对某镇工作给予肯定", False),
        ("会议强调要抓落实", False),
    ],
)
def test_a_clause_opens_with_a_group(text, opens):
    assert events._group_opens(text, re.match(".+", text), []) is opens


@given(
    st.lists(
        st.sampled_from(["调研", "组", "团", "队", "一行", "们", "专家", "省", "第三", "甲", "对", "，"]),
        max_size=8,
    ).map("".join)
)
def test_a_clause_a_group_opens_holds_what_the_quick_test_looks_for(text):
    if events._GROUP_OPENS.match(text):
        assert events._GROUP_HINT.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "甲上午主持召开会议。",
        "6月8日上午，甲主持召开会议。",
        "次日下午，甲到某镇调研。",
        "甲3日下午到某县，当天上午乙主持会议。",
    ],
)
def test_a_part_of_a_day_is_read_the_same_with_the_spans_of_the_dates_read_before(text):
    from govkg.extract.dates import find_dates

    reader = events._Reader(Release(id="x", text=text, published="2020-06-10"), ())
    reader.last_date = "2020-06-09"
    # where a date is written does not hang on what it is read as (the year, the last date)
    written = [d.span for d in find_dates(text, reader.clock, year=2019, anchor="2020-06-01")]
    assert reader._part_of_day(text, 0, written) == reader._part_of_day(text, 0)


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # an organ holds a meeting after a visit told in the sentence before: whose words it relays
        # did not speak at it, nor does the visitor go on as its subject
        (
            "6月9日上午，市委书记张三到开发区调研。当天下午，开发区党工委召开会议，传达张三调研时的讲话精神。",
            [{("张三", "lead")}, set()],
        ),
        (
            "6月9日上午，市委书记张三到开发区调研。当天下午，开发区召开党工委会议，传达省长李四调研时的讲话精神。",
            [{("张三", "lead")}, set()],
        ),
        (
            "6月9日上午，市委书记张三到某县调研。当天下午，县委召开常委会议，传达了有关精神。",
            [{("张三", "lead")}, set()],
        ),
        # controls: the visitor holds it himself, the day or the place opening the clause
        (
            "6月9日上午，市委书记张三到某县调研，下午主持召开座谈会，传达了有关精神。",
            [{("张三", "lead")}, {("张三", "chair"), ("张三", "speak")}],
        ),
        (
            "6月9日上午，市委书记张三到某县调研，随后在某镇召开座谈会，传达了有关精神。",
            [{("张三", "lead")}, {("张三", "chair"), ("张三", "speak")}],
        ),
    ],
)
def test_an_organ_that_holds_a_meeting_is_its_clauses_subject(text, roles):
    events = events_of(text, names=("张三", "李四"))
    assert [{(p.person, p.role) for p in e.participations} for e in events] == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # names closed by 等 and a group word, then more people by a group word alone: one subject
        (
            "6月9日，县委常委会会议召开。县长张三主持会议，县人大常委会主任李四、县政协主席王五等县四套班子领导，"
            "各乡镇主要负责同志参加。",
            {("张三", "chair"), ("李四", "attend"), ("王五", "attend")},
        ),
        # control: a clause of its own after the list (they did not all attend)
        (
            "6月9日，县委常委会会议召开。县长张三主持会议，县人大常委会主任李四、县政协主席王五等县四套班子领导"
            "高度重视此项工作，各乡镇主要负责同志参加。",
            {("张三", "chair")},
        ),
    ],
)
def test_a_list_closed_by_a_group_word_shares_the_verb_after_the_comma(text, roles):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    assert {(p.person, p.role) for p in event.participations} == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # who sits on the rostrum (在主席台就座) attends
        (
            "2月4日下午，县人大会议召开预备会议。县人大常委会副主任李四、王五在主席台就座。张三主持会议。",
            {("李四", "attend"), ("王五", "attend"), ("张三", "chair")},
        ),
        (
            "3月26日，县政协会议举行全体会议。县政协主席李四，副县长王五在主席台就坐。",
            {("李四", "attend"), ("王五", "attend")},
        ),
    ],
)
def test_who_sits_on_the_rostrum_attends(text, roles):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    assert {(p.person, p.role) for p in event.participations} == roles


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a gathering told as this one (这场, 本次), or an award given at one held to give awards,
        # is the one told of
        (
            "4月26日晚，某县举行第四届劳动模范颁奖大会。在这场以“因你而精彩”为主题的颁奖典礼上，县长张三讲话。",
            [("meeting", "第四届劳动模范颁奖大会", {("张三", "speak")})],
        ),
        (
            "4月26日晚，某县举行第四届劳动模范颁奖大会。在颁奖典礼上，县长张三讲话。",
            [("meeting", "第四届劳动模范颁奖大会", {("张三", "speak")})],
        ),
        # medals handed over at it (颁发了奖章), not medals attributed (…向他们颁发的奖章): no rite of
        # their own
        (
            "4月26日晚，某县举行劳动模范颁奖大会。劳模接受领导向他们颁发的奖章。县长张三为劳模颁发了奖章。",
            [("meeting", "劳动模范颁奖大会", {("张三", "attend")})],
        ),
        # control: an award given at a gathering of another kind is told of as well
        (
            "4月26日，某县召开全县经济工作会议。县长张三为先进单位颁奖。",
            [("meeting", "全县经济工作会议", set()), ("ceremony", "为先进单位颁奖", {("张三", "attend")})],
        ),
    ],
)
def test_a_gathering_told_as_this_one_is_the_one_told_of(text, expected):
    events = events_of(text, names=("张三",))
    assert [(e.type, e.name, {(p.person, p.role) for p in e.participations}) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # when or where a meeting is to be held, as a noun, holds no meeting
        (
            "6月9日，县人大常委会举行第二次会议，审议通过了关于县人大二次会议召开时间的决定。",
            ["县人大常委会第二次会议"],
        ),
        ("6月9日，县委召开常委会，研究全县工作会议召开地点等事宜。", ["常委会"]),
        # controls: a meeting held, its day after it
        ("全县工作会议召开。", ["全县工作会议"]),
    ],
)
def test_the_time_or_place_of_a_meeting_is_no_meeting_held(text, names):
    assert [e.name for e in events_of(text) if e.type == "meeting"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 举办 inside 选举办法 (an election's rules) holds no meeting
        (
            "6月9日，县人大常委会举行第二次会议。会议通过了大会日程，提出了大会选举办法（草案）。",
            ["县人大常委会第二次会议"],
        ),
        ("会议还提出了县十六届人大五次会议选举办法（草案），提请全体代表酝酿。", []),
        # controls: a meeting held (举办), and one 举行 after its name
        ("县委在会议中心举办全县乡村振兴培训班。", ["全县乡村振兴培训班"]),
        ("全县选举工作会议举行。", ["全县选举工作会议"]),
    ],
)
def test_an_election_s_rules_hold_no_meeting(text, names):
    assert [e.name for e in events_of(text) if e.type == "meeting"] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a meeting held runs to the last meeting noun before its day, place or verb
        ("县十三届人大一次会议新闻发布会3月2日在县政府新闻发布厅召开。", ["县十三届人大一次会议新闻发布会"]),
        ("县防汛工作会议电视电话会议6月9日召开。", ["县防汛工作会议电视电话会议"]),
        # controls: a meeting room in its place; one meeting of a name
        ("全县防汛工作会议在县政府三楼会议室召开。", ["全县防汛工作会议"]),
        ("全县防汛工作会议6月9日召开。", ["全县防汛工作会议"]),
    ],
)
def test_a_meeting_held_is_named_to_its_last_meeting_noun(text, names):
    assert [e.name for e in events_of(text) if e.type == "meeting"] == names


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # whose home a call is paid at is called on, and leads nothing
        (
            "1月9日上午，张三到某村走访群众。在困难群众李四、王五等家中，张三为他们送上慰问品。",
            [{("张三", "lead")}],
        ),
        (
            "1月9日上午，张三到某村走访群众。在老党员李四家里，张三详细询问了老人的身体状况。",
            [{("张三", "lead")}],
        ),
        # control: a clause of names alone does what the next one says
        ("1月9日上午，县长张三，副县长李四，到某村走访群众。", [{("张三", "lead"), ("李四", "lead")}]),
    ],
)
def test_whose_home_a_call_is_paid_at_leads_nothing(text, roles):
    events = events_of(text, names=("张三", "李四", "王五"))
    assert [{(p.person, p.role) for p in e.participations} for e in events] == roles


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # a sentence that opens with a day of its own, with no happening it tells of, is no part
        # of the one told before on another day
        (
            "1月9日上午，张三到某村走访群众。1月8日上午，赵六深入到某镇某村，倾听民意。",
            [{("张三", "lead")}],
        ),
        # controls: a day of the happening's range, the same day
        (
            "6月9日至11日，张三到某市调研。10日上午，赵六深入到某镇某村，倾听民意。",
            [{("张三", "lead"), ("赵六", "lead")}],
        ),
        (
            "1月9日上午，张三到某村走访群众。1月9日下午，赵六深入到某镇某村，倾听民意。",
            [{("张三", "lead"), ("赵六", "lead")}],
        ),
    ],
)
def test_a_sentence_of_another_day_is_no_part_of_the_happening_before(text, roles):
    events = events_of(text, names=("张三", "赵六"))
    assert [{(p.person, p.role) for p in e.participations} for e in events] == roles


@pytest.mark.parametrize(
    ("text", "events"),
    [
        # a notice of the party's appointments: 甲同志任…, 担任, 兼任, 挂任
        ("市委决定：张三同志任县委书记。", [("appointment", {("张三", "appointed")})]),
        (
            "县委决定：张三同志任县发展和改革局局长（试用期一年），免去李四同志的县发展和改革局局长职务。",
            [("appointment", {("张三", "appointed"), ("李四", "removed")})],
        ),
        ("县委决定：张三同志挂任某镇党委副书记。", [("appointment", {("张三", "appointed")})]),
        # controls: 任 of no post taken
        ("张三同志任劳任怨，任重道远。", []),
        (
            "6月3日，县委书记张三同志主持会议。张三同志任职期间做了大量工作。",
            [("meeting", {("张三", "chair")})],
        ),
    ],
)
def test_a_notice_of_appointments_by_tongzhi_ren(text, events):
    found = events_of(text, names=("张三", "李四"))
    assert [(e.type, {(p.person, p.role) for p in e.participations}) for e in found] == events


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        # a wire dispatch's dateline gives the day its 今天 and 昨天 are told on
        ("新华社北京3月5日电 国务院总理张三今天在人民大会堂会见了代表团。", "2023-03-06", "2023-03-05"),
        (
            "新华社北京3月5日电（记者李四）国务院总理张三今天上午主持召开国务院常务会议。",
            "2023-03-07",
            "2023-03-05",
        ),
        ("中新网3月5日电 张三昨天到某县调研。", "2023-03-06", "2023-03-04"),
        ("新华社北京12月31日电 张三今天到某县调研。", "2024-01-01", "2023-12-31"),
        # controls: a report of no dated dispatch, a dateline far from the page's day
        ("本报讯 张三昨天到某县调研。", "2023-03-07", "2023-03-06"),
        ("新华社北京1月5日电 张三今天到某县调研。", "2023-03-07", "2023-03-07"),
    ],
)
def test_a_dispatchs_dateline_is_the_day_of_its_today(text, published, date):
    assert [e.date for e in events_of(text, published, names=("张三",))] == [date]


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # a standing committee's decision naming an acting head is an appointment
        ("某县人大常委会召开会议。会议决定吴志成为代理县长。", ("吴志成",), {("吴志成", "appointed")}),
        (
            "某市人大常委会召开会议，决定赵立军代理某市人民政府市长职务。",
            ("赵立军",),
            {("赵立军", "appointed")},
        ),
        # after a resignation accepted, whom the decision names is appointed, not removed
        (
            "某市人大常委会召开会议，接受周海林辞去某市人民政府市长职务的请求，决定吴志成为代理市长。",
            ("周海林", "吴志成"),
            {("周海林", "removed"), ("吴志成", "appointed")},
        ),
        # a notice that a person no longer holds a post removes them from it
        (
            "中共中央决定：赵建国同志不再兼任某市委书记、常委、委员职务。",
            ("赵建国",),
            {("赵建国", "removed")},
        ),
        # controls: a decision to hold a meeting names no one; 决定 after a verb naming no post
        ("某县人大常委会召开会议。会议决定召开县十届人大三次会议。", (), set()),
    ],
)
def test_a_decision_naming_a_person_to_a_post_appoints_them(text, names, expected):
    found = events_of(text, names=names)
    roles = {(p.person, p.role) for e in found for p in e.participations}
    assert roles == expected
    if expected:
        assert any(e.type == "appointment" for e in found)


@pytest.mark.parametrize(
    "text",
    [
        "李红梅，女，1972年5月出生，1994年8月参加工作，现任某县副县长，拟任某县委常委。",
        "赵大勇，男，1960年生，1978年参加革命工作，现任某局局长，拟任某局党组书记。",
    ],
)
def test_a_biography_s_start_of_work_is_no_sitting_attended(text):
    name = text[:3]  # the biography's subject, a nominee
    roles = {(p.person, p.role) for e in events_of(text, names=(name,)) for p in e.participations}
    assert (name, "attend") not in roles


def test_a_meeting_on_work_is_still_attended():
    text = "3月1日，县长王小明参加全县工作会议。"
    roles = {(p.person, p.role) for e in events_of(text, names=("王小明",)) for p in e.participations}
    assert roles == {("王小明", "attend")}


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        # whom the matter heard is about does not speak on it
        (
            "某市人大常委会召开会议。会议听取了关于接受张立新同志辞职请求决定(草案)的说明。",
            ("张立新",),
            set(),
        ),
        # control: whom a resignation is about resigns
        (
            "某县人大常委会召开会议。会议表决通过了关于陈立、朱明两位同志辞去县人大常委会委员的辞呈。",
            ("陈立", "朱明"),
            {("陈立", "removed"), ("朱明", "removed")},
        ),
        # control: who gives the explanation on a matter speaks
        ("某市人大常委会召开会议。县长王大明作关于政府工作的说明。", ("王大明",), {("王大明", "speak")}),
    ],
)
def test_whom_a_matter_is_about_does_not_speak_on_it(text, names, expected):
    roles = {(p.person, p.role) for e in events_of(text, names=names) for p in e.participations}
    assert roles == expected


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # 分别讲话 after names listed one titled name a clause: each spoke
        ("6月9日，市政府与某集团签订投资合作协议。市长张三，某集团总经理李四分别讲话。", {"张三", "李四"}),
        (
            "6月9日，某县招商推介会举行。县长张三，某公司董事长李四，某协会会长王五分别致辞。",
            {"张三", "李四", "王五"},
        ),
        # …not without 分别, nor one who did something else in the clause before
        ("6月9日，市政府与某集团签订投资合作协议。市长张三，某集团总经理李四讲话。", {"李四"}),
        ("6月9日，市政府与某集团签订投资合作协议。市长张三主持，某集团总经理李四分别讲话。", {"李四"}),
    ],
)
def test_each_of_names_listed_before_speaks(text, speakers):
    (event,) = events_of(text, names=("张三", "李四", "王五"))
    assert {p.person for p in event.participations if p.role == "speak"} == speakers


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        # a visitor who brings something (带着慰问品): named, and the visit named from where he
        # went, not from what he brought
        (
            "6月9日，县长张三带着慰问品深入某村困难群众家中走访慰问。",
            "深入某村困难群众家中走访慰问",
            "某村困难群众家中",
        ),
        ("6月9日，县长张三带着慰问品来到某村，走访慰问困难群众。", "走访慰问困难群众", "某村"),
        ("6月9日，县长张三带着慰问金到某村看望困难群众。", "到某村看望困难群众", "某村"),
        # control: a place that begins as such a noun's second word does is still a place
        ("6月9日，县长张三到品牌企业调研。", "到品牌企业调研", "品牌企业"),
    ],
)
def test_a_visit_of_one_who_brings_something(text, name, place):
    (event,) = events_of(text, names=("张三",))
    assert (event.type, event.name, event.place) == ("inspection", name, place)
    assert {(p.person, p.role) for p in event.participations} == {("张三", "lead")}


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # visits told one after another, each after its own visitor went somewhere: one each
        (
            "6月9日，县委书记张三来到某镇，看望慰问困难群众。县长李四来到某村，看望慰问困难群众。",
            [{"张三"}, {"李四"}],
        ),
        (
            "6月9日，县委书记张三深入某镇，调研防汛工作。县长李四一行来到某村，察看安全生产情况。",
            [{"张三"}, {"李四"}],
        ),
        # controls: the same visitor going on, or a call on the same people in no other place
        (
            "6月9日，县委书记张三到某镇调研。张三一行来到某村，察看防汛工作。",
            [{"张三"}],
        ),
        ("6月9日，县委书记张三到驻地看望检查组。县长李四看望了检查组。", [{"张三", "李四"}]),
    ],
)
def test_visits_of_visitors_who_went_each_somewhere(text, leads):
    found = events_of(text, names=("张三", "李四"))
    assert [{p.person for p in e.participations if p.role == "lead"} for e in found] == leads


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sitting numbered with no 第: its place in the organ's count, a meeting of that day
        ("6月9日，三届县委召开56次常委会会议。县委书记张三主持会议。", [("56次常委会会议", "2020-06-09")]),
        ("6月9日，区政府召开45次常务会议，区长张三主持。", [("45次常务会议", "2020-06-09")]),
        # …not a tally of sittings
        ("今年以来，县委召开12次常委会会议，研究重大事项。", []),
        ("6月9日，县委召开了12次常委会会议。", []),
        ("6月9日，县委累计召开12次常委会会议。", []),
    ],
)
def test_a_sitting_numbered_without_its_ordinal_mark(text, expected):
    assert [(e.name, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # what is done in or after the talks told of (在会见中, 会见后, 会谈时) is of their day
        ("6月8日，省长张三会见某国某省省长王五一行。在会见中，双方签署了友好合作备忘录。", "2020-06-08"),
        ("6月8日，省长张三会见某国某省省长王五一行。会谈时，双方签署了友好合作备忘录。", "2020-06-08"),
        # control: a day of its own
        ("6月8日，省长张三会见某国某省省长王五一行。9日，双方签署了友好合作备忘录。", "2020-06-09"),
    ],
)
def test_a_signing_in_the_talks_told_of_is_of_their_day(text, day):
    assert [(e.type, e.date) for e in events_of(text, names=("张三", "王五"))] == [
        ("reception", "2020-06-08"),
        ("signing", day),
    ]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # a reception of the visitors of one day told just before, with no day of its own
        ("6月8日，某集团董事长王五一行来某市考察。市委书记张三会见了王五一行。", "2020-06-08"),
        # …or one the visitor holds there
        ("6月8日，市委书记张三到某县调研。张三会见了某集团董事长王五。", "2020-06-08"),
        # controls: a reception of someone else, or after a visit of several days
        ("6月8日，某集团董事长王五一行来某市考察。市委书记张三会见了某国大使李四。", None),
        ("6月8日至9日，某集团董事长王五一行来某市考察。市委书记张三会见了王五一行。", None),
    ],
)
def test_a_reception_of_the_visit_told_before_is_of_its_day(text, day):
    found = events_of(text, names=("张三", "王五", "李四"))
    assert [e.date for e in found if e.type == "reception"] == [day]


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # what someone is thanked for (感谢某市派团参加某论坛) is no happening reported
        ("6月9日，市长张三会见某国某市市长王五。王五感谢某市派团参加市长论坛。", ["reception"]),
        ("6月9日，市长张三会见某集团董事长王五。王五感谢张三出席集团年会。", ["reception"]),
        # control: a thanks said after what is reported does not undo it
        ("6月9日，市长张三出席某集团年会并致辞，感谢企业家们的支持。", ["meeting"]),
    ],
)
def test_what_someone_is_thanked_for_is_no_happening(text, types):
    assert [e.type for e in events_of(text, names=("张三", "王五"))] == types


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a meeting held with a rite (…推介会暨项目签约仪式) is one event, named whole, and the
        # rite told of again by its kind is that event
        (
            "6月9日，某县招商推介会暨项目签约仪式在某酒店举行。张三出席签约仪式。",
            [("meeting", "某县招商推介会暨项目签约仪式", "2020-06-09")],
        ),
        (
            "6月9日，某县招商推介会暨项目签约仪式在某酒店举行。在合作项目签约仪式上，张三致辞。",
            [("meeting", "某县招商推介会暨项目签约仪式", "2020-06-09")],
        ),
        # control: a rite held after the meeting, not with it, is its own
        (
            "6月9日，某县招商推介会在某酒店举行。张三出席并致辞。会后举行了项目签约仪式。",
            [("meeting", "某县招商推介会", "2020-06-09"), ("signing", "项目签约仪式", "2020-06-09")],
        ),
    ],
)
def test_a_meeting_held_with_a_rite(text, expected):
    assert [(e.type, e.name, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a press conference the news was learned at gives the rites told next no day
        (
            "记者从昨日召开的新闻发布会获悉，某论坛筹备就绪。论坛开幕式在某会展中心举办，省长李四主持开幕式。",
            ["2020-06-09", None],
        ),
        # control: a gathering told of as the sentence's own happening still dates its rite
        (
            "昨日，某文化节新闻发布会在某市召开。李四出席开幕式。",
            ["2020-06-09", "2020-06-09"],
        ),
    ],
)
def test_a_meeting_news_was_learned_at_dates_no_rite(text, dates):
    assert [e.date for e in events_of(text, names=("李四",))] == dates


def test_a_range_joined_by_a_full_width_minus_dates_by_its_first_day():
    # 6月8日－9日 was read as two dates, and the visit took the last: 6月9日
    events = events_of("6月8日－9日，市长李四到某县调研。", names=("李四",))
    assert [(e.type, e.date) for e in events] == [("inspection", "2020-06-08")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a trip of days (访问期间): the day of a visit told of, not of the reception in it
        ("6月8日，某国总理王大会见了来访的市长李四。访问期间，李四考察了某港口。", None),
        # control: within a visit of one day told of (调研期间), that day
        ("6月8日，市长李四到某县调研。调研期间，李四会见了王大。", "2020-06-08"),
        # a gathering told of one day (论坛期间): its day
        (
            "6月8日，某论坛在某市开幕，省长李四出席开幕式。论坛期间，李四会见了某集团董事长王大。",
            "2020-06-08",
        ),
        # control: one told of several days gives none of them
        ("6月8日至10日，某论坛在某市举行。论坛期间，李四会见了某集团董事长王大。", None),
        ("6月8日至10日，某代表大会在某市召开。大会期间，李四会见了王大。", None),
    ],
)
def test_within_a_trip_or_a_gathering(text, date):
    # the last happening told, the one within the trip or the gathering
    assert events_of(text, names=("李四", "王大"))[-1].date == date


def test_a_signing_rite_called_signature_is_the_signing_told_after_it():
    # …签字仪式 was a ceremony, and the signing told next an undated signing of its own
    text = "6月8日，两市合作框架协议签字仪式在某市举行，市长李四、市长王大出席。李四、王大签署合作框架协议。"
    events = events_of(text, names=("李四", "王大"))
    assert [(e.type, e.date) for e in events] == [("signing", "2020-06-08")]


@pytest.mark.parametrize(
    "text",
    [
        # a list of posts a sitting deliberates names no one: the sitting, no appointment
        "6月9日，县政协召开主席会议。会议审议了县政协副秘书长任命名单（草案）。",
        "6月9日，县政协召开主席会议。会议听取了张三关于专门委员会主任任命名单草案的说明。",
    ],
)
def test_a_list_of_posts_deliberated_appoints_no_one(text):
    found = events_of(text, names=("张三",))
    assert [e.type for e in found] == ["meeting"]


def test_who_explains_a_list_of_posts_speaks_at_the_sitting():
    text = "6月9日，县政协召开主席会议。会议听取了张三关于专门委员会主任任命名单草案的说明。"
    (meeting,) = events_of(text, names=("张三",))
    assert {(p.person, p.role) for p in meeting.participations} == {("张三", "speak")}


def test_an_appointment_named_with_its_names_is_still_one():
    # control: the names told, it is an appointment
    text = "6月9日，县人大常委会召开会议。会议决定任命张三为副县长。"
    assert [e.type for e in events_of(text, names=("张三",))] == ["meeting", "appointment"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # clauses of titled names, then 分别 with the cue: each of them spoke
        (
            "6月9日，县长赵一鸣主持召开县政府常务会议。县政府办公室主任钱二，县发改局局长孙三、"
            "县财政局局长李四，分别就有关议题作了说明和汇报。",
            {"钱二", "孙三", "李四"},
        ),
        (
            "6月9日，县长赵一鸣主持召开县政府常务会议。县发改局局长孙三，县财政局局长李四，分别作了说明。",
            {"孙三", "李四"},
        ),
        # control: without 分别 the clauses of names give no speech to any of them
        (
            "6月9日，县长赵一鸣主持召开县政府常务会议。县政府办公室主任钱二，县发改局局长孙三，就有关议题作了说明。",
            set(),
        ),
    ],
)
def test_clauses_of_names_then_each_speak(text, speakers):
    (meeting,) = events_of(text, names=("赵一鸣", "钱二", "孙三", "李四"))
    assert {p.person for p in meeting.participations if p.role == "speak"} == speakers


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        # 发言人 is a post: who is named to it says nothing here
        ("6月9日，县长赵一鸣主持召开县政府常务会议。会议确定县外事办副主任钱二为新闻发言人。", False),
        ("6月9日，县长赵一鸣主持召开县政府常务会议。县外事办副主任钱二在会上发言。", True),
    ],
)
def test_a_spokesman_named_does_not_speak(text, speaks):
    (meeting,) = events_of(text, names=("赵一鸣", "钱二"))
    assert (("钱二", "speak") in {(p.person, p.role) for p in meeting.participations}) is speaks


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        # on whose behalf a greeting is given: they take no part
        (
            "6月9日，省委书记赵一鸣到某县看望慰问受灾群众。赵一鸣代表省委、省政府和省长钱二向大家致以诚挚慰问。",
            {("赵一鸣", "lead")},
        ),
        (
            "6月9日，县委召开常委会会议，县委书记赵一鸣主持。县长孙三代表钱二发言。",
            {("赵一鸣", "chair"), ("孙三", "speak")},
        ),
        # control: a deputy to a congress (人大代表钱二) named with a title is a person met
        (
            "6月9日，县长赵一鸣到某镇走访，并与县人大代表钱二座谈。",
            {("赵一鸣", "lead"), ("赵一鸣", "attend"), ("钱二", "attend")},
        ),
    ],
)
def test_on_whose_behalf_one_acts_takes_no_part(text, roles):
    found = events_of(text, names=("赵一鸣", "钱二", "孙三"))
    assert {(p.person, p.role) for e in found for p in e.participations} == roles


def test_companions_who_go_along_or_join_a_talk_hold_no_talk_of_their_own():
    # 陪同考察或参加座谈: 同 of 陪同 is no 同 of whom a talk is held with
    text = "6月9日，省长赵一鸣到某市调研。市领导钱二、孙三陪同考察或参加座谈。"
    found = events_of(text, names=("赵一鸣", "钱二", "孙三"))
    assert [e.type for e in found] == ["inspection"]
    assert {(p.person, p.role) for p in found[0].participations} == {
        ("赵一鸣", "lead"),
        ("钱二", "accompany"),
        ("孙三", "accompany"),
    }


def test_a_talk_held_with_others_is_still_one():
    # control: 同企业负责人座谈 is a talk held with others
    text = "6月9日，省长赵一鸣到某市调研，并同企业负责人座谈。"
    assert [e.type for e in events_of(text, names=("赵一鸣",))] == ["inspection", "meeting"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6月9日，县委书记赵一鸣、县长钱二分别带队到某镇、某乡督导检查。赵一鸣强调，要压实责任。"
            "钱二强调，要抓好落实。",
            [{("赵一鸣", "lead"), ("赵一鸣", "speak")}, {("钱二", "lead"), ("钱二", "speak")}],
        ),
        (
            "6月9日，副市长赵一鸣、副市长钱二分别会见了某公司董事长孙三一行。赵一鸣表示，欢迎客人。"
            "钱二表示，愿加强合作。",
            [
                {("赵一鸣", "host"), ("孙三", "guest"), ("赵一鸣", "speak")},
                {("钱二", "host"), ("孙三", "guest"), ("钱二", "speak")},
            ],
        ),
        # control: one who leads none of them keeps to the one told last
        (
            "6月9日，县委书记赵一鸣，县长钱二分别带队到各乡镇检查防汛工作。副县长孙三陪同。",
            [{("赵一鸣", "lead")}, {("钱二", "lead"), ("孙三", "accompany")}],
        ),
    ],
)
def test_each_leader_speaks_at_what_they_lead(text, expected):
    found = events_of(text, names=("赵一鸣", "钱二", "孙三"))
    assert [{(p.person, p.role) for p in e.participations} for e in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the meeting a sitting prepares for is not held: who explains speaks at the sitting
        (
            "6月9日，县政协主席赵一鸣主持召开第十次主席会议，为召开县政协第三次全体会议作准备。"
            "县政协秘书长钱二，县政协副主席孙三，分别就有关议题作了说明。",
            [("第十次主席会议", {("赵一鸣", "chair"), ("钱二", "speak"), ("孙三", "speak")})],
        ),
        (
            "6月9日，县政协常委会议举行。这次常委会议主要是为召开县政协第三次全体会议作准备。县政协主席赵一鸣主持。",
            [("县政协常委会议", {("赵一鸣", "chair")})],
        ),
        # control: a meeting held is one
        (
            "6月9日，县政协主席赵一鸣主持召开第十次主席会议。",
            [("第十次主席会议", {("赵一鸣", "chair")})],
        ),
    ],
)
def test_a_meeting_prepared_for_is_not_held(text, expected):
    found = events_of(text, names=("赵一鸣", "钱二", "孙三"))
    assert [(e.name, {(p.person, p.role) for p in e.participations}) for e in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of titled names cut by a semicolon goes on after it: all of them take the role
        (
            "6月9日，省委书记赵一鸣会见了某公司董事长周九一行。某部副部长钱二，某局局长孙三；"
            "省领导李四、吴五，省政府秘书长郑六等会见时在座。",
            {("赵一鸣", "host"), ("周九", "guest")}
            | {(name, "attend") for name in ("钱二", "孙三", "李四", "吴五", "郑六")},
        ),
        (
            "6月9日，省委书记赵一鸣主持召开省委常委会会议。某部副部长钱二，某局局长孙三；省领导李四、吴五出席会议。",
            {("赵一鸣", "chair")} | {(name, "attend") for name in ("钱二", "孙三", "李四", "吴五")},
        ),
        # control: a part that ends with a role of its own hands nothing on
        (
            "6月9日，省委书记赵一鸣主持召开省委常委会会议。会议听取了钱二的汇报；省领导李四、吴五出席会议。",
            {("赵一鸣", "chair"), ("钱二", "speak"), ("李四", "attend"), ("吴五", "attend")},
        ),
    ],
)
def test_a_list_cut_by_a_semicolon_goes_on(text, expected):
    found = events_of(text, names=("赵一鸣", "周九", "钱二", "孙三", "李四", "吴五", "郑六"))
    assert {(p.person, p.role) for e in found for p in e.participations} == expected


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # 分别 right before the visit's verb, or before where each went: one visit each
        (
            "6月9日，市委常委赵一鸣，市人大常委会副主任钱二、孙三分别走访慰问困难群众。",
            [["赵一鸣"], ["钱二"], ["孙三"]],
        ),
        ("6月9日，县委书记赵一鸣、县长钱二分别到某镇、某乡调研防汛工作。", [["赵一鸣"], ["钱二"]]),
        # controls: one who goes along leads no visit of their own; 分别 of what they saw, or
        # of one leader's stops, splits nothing
        ("6月9日，县委书记赵一鸣在副县长钱二陪同下分别到某镇、某乡调研。", [["赵一鸣"]]),
        ("6月9日，县委书记赵一鸣、县长钱二到某镇调研，分别察看了两个项目。", [["赵一鸣", "钱二"]]),
        ("6月9日，县委书记赵一鸣分别到某镇、某乡调研。", [["赵一鸣"]]),
    ],
)
def test_each_goes_on_a_visit_of_their_own(text, leads):
    found = events_of(text, names=("赵一鸣", "钱二", "孙三"))
    assert [sorted(p.person for p in e.participations if p.role == "lead") for e in found] == leads


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the matter explained names a post and a person: who explains speaks, not whom it names
        (
            "6月9日，县人大常委会召开第十次会议。会议听取了县长钱二关于提请任命孙三为副县长的说明。",
            {"钱二"},
        ),
        (
            "6月9日，县人大常委会召开第十次会议。会议听取了县长钱二关于提请免去孙三副县长职务的说明。",
            {"钱二"},
        ),
        # control: a matter closed before the next speaker's cue leaves that speaker alone
        (
            "6月9日，县人大常委会召开第十次会议。会议听取了钱二关于有关工作的汇报和孙三的说明。",
            {"钱二", "孙三"},
        ),
    ],
)
def test_whose_post_a_matter_explained_names_does_not_speak(text, speakers):
    found = events_of(text, names=("钱二", "孙三"))
    assert {p.person for e in found for p in e.participations if p.role == "speak"} == speakers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who declares a session open names no meeting of its own: the one told of
        (
            "6月9日上午，某市第五届人民代表大会第一次会议在市会议中心隆重开幕。上午九时，张三宣布大会开幕。",
            [("meeting", "某市第五届人民代表大会第一次会议")],
        ),
        # …nor does 大会 alone, attended: the session told of
        (
            "某县政协第八届委员会第二次会议6月9日上午开幕。县委书记李四应邀出席大会。",
            [("meeting", "某县政协第八届委员会第二次会议")],
        ),
        # …nor a meeting that tells who the people who attend are
        (
            "6月9日，某市第五届人民代表大会第一次会议开幕。出席市政协五届一次会议的全体委员列席了会议。",
            [("meeting", "某市第五届人民代表大会第一次会议")],
        ),
        # control: declared open with its name, the session is named, without who declares it
        (
            "6月9日上午，张三宣布某市第五届人民代表大会第一次会议开幕。",
            [("meeting", "某市第五届人民代表大会第一次会议")],
        ),
    ],
)
def test_a_session_declared_open_or_attended_as_the_gathering_is_the_one_told_of(text, expected):
    assert [(e.type, e.name) for e in events_of(text, names=("张三", "李四"))] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the day a session opens on, written before its name, is no part of it
        (
            "6月12日某省政协十三届二次会议开幕，13日上午某省十四届人大二次会议开幕。",
            ["某省政协十三届二次会议", "某省十四届人大二次会议"],
        ),
    ],
)
def test_the_day_a_session_opens_on_is_no_part_of_its_name(text, names):
    assert [e.name for e in events_of(text, published="2020-06-10")] == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day that opened a gathering told with no meeting named dates the meeting 会议 refers to
        ("6月8日晚，某区组织学习了有关会议精神。区委书记张三主持会议并讲话。", [("meeting", "2020-06-08")]),
        # …and a range that opened a visit of a group with no name dates the visit told next
        (
            "6月5日至7日，某县四大班子领导分成8个小组，分别到各乡镇，看望慰问困难群众。县委书记张三一行先后到某敬老院走访慰问。",
            [("inspection", "2020-06-05")],
        ),
        # controls: the day of something else, or a meeting of its own name, is not the day
        ("6月8日，全县新增病例3例。县委书记张三主持会议并讲话。", [("meeting", None)]),
        ("6月8日晚，某区组织学习了有关会议精神。县委书记张三主持召开防汛工作会议。", [("meeting", None)]),
        # …nor is a range the day of a meeting held some day within it
        ("6月5日至7日，某区组织学习了有关会议精神。县委书记张三主持会议并讲话。", [("meeting", None)]),
        # …nor a day with another day written after it
        (
            "6月5日，某县领导分组到各乡镇，看望慰问困难群众。6月7日，全县新增病例3例。县委书记张三一行到某敬老院走访慰问。",
            [("inspection", None)],
        ),
    ],
)
def test_a_day_opening_a_happening_told_with_no_one_named_dates_the_first_event(text, expected):
    assert [(e.type, e.date) for e in events_of(text, names=("张三",))] == expected


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # a going with no subject of its own goes on from the party named in the clauses before it
        (
            "近日，县委书记张三，县委副书记、县长李四等县领导，先后深入某医院、某公司，看望慰问一线职工。",
            {"张三", "李四"},
        ),
        # …and a call made on behalf of others, after the going
        ("6月8日，县委书记张三率队深入到某医院、某环卫处，代表县四个班子亲切看望慰问一线职工。", {"张三"}),
    ],
)
def test_a_call_after_a_party_went_somewhere_is_a_visit_they_lead(text, leads):
    events = events_of(text, names=("张三", "李四"))
    assert [e.type for e in events] == ["inspection"]
    assert {p.person for p in events[0].participations if p.role == "lead"} == leads


@pytest.mark.parametrize(
    "text",
    [
        # controls: a party that did something else, or no one named, tells of no visit
        "近日，县委书记张三主持会议，先后深入某医院、某公司，看望慰问一线职工。",
        "近日，县领导先后深入某医院、某公司，看望慰问一线职工。",
    ],
)
def test_a_call_with_no_party_named_right_before_its_going_is_no_visit(text):
    assert [e.type for e in events_of(text, names=("张三",)) if e.type == "inspection"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # documents signed as 合作文件, and their rite, are one signing of that day
        (
            "某国和某邻国8日在某市签署三个合作文件。某国总理张三和来访的某邻国总理李四出席文件签署仪式。",
            [("signing", "2020-06-08")],
        ),
        # control: a tally of signings tells of no one happening
        ("今年以来，两国累计签署合作文件20余份。", []),
    ],
)
def test_cooperation_documents_signed_and_their_signing_rite_are_a_signing(text, expected):
    assert [(e.type, e.date) for e in events_of(text, names=("张三", "李四"))] == expected


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        # hosts who each receive guests named by no name: one reception each host, of the day
        ("6月9日，市长张三、副市长李四分别会见了某国代表团。", [{"张三"}, {"李四"}]),
        # control: received together, one reception
        ("6月9日，市长张三、副市长李四会见了某国代表团。", [{"张三", "李四"}]),
    ],
)
def test_hosts_who_each_receive_an_unnamed_party_hold_one_reception_each(text, hosts):
    events = events_of(text, names=("张三", "李四"))
    assert [e.date for e in events] == ["2020-06-09"] * len(hosts)
    assert [{p.person for p in e.participations if p.role == "host"} for e in events] == hosts


def _roles(event):
    return {(p.person, p.role) for p in event.participations}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bulleted item of a roundup is its own: the visit it tells of is no part of the one before
        (
            "1日，市长岳明川带领有关部门深入某工地看望慰问干部职工。\n"
            "△市委书记卢青松在市委常委庞立新的陪同下，在城区就文化设施建设进行调研。",
            [
                ("2020-06-01", {("岳明川", "lead")}),
                (None, {("卢青松", "lead"), ("庞立新", "accompany")}),
            ],
        ),
        # …and so is an item headed by a day alone on its line, whose day dates no item before it
        (
            "市长岳明川带领有关部门深入某工地看望慰问干部职工。\n3日\n"
            "市委书记卢青松在市委常委庞立新的陪同下，在城区就文化设施建设进行调研。",
            [
                (None, {("岳明川", "lead")}),
                (None, {("卢青松", "lead"), ("庞立新", "accompany")}),
            ],
        ),
        # control: the same sentences as one story, with no mark, tell of one visit
        (
            "1日，市长岳明川带领有关部门深入某工地看望慰问干部职工。"
            "市委书记卢青松在市委常委庞立新的陪同下，在城区就文化设施建设进行调研。",
            [("2020-06-01", {("岳明川", "lead"), ("卢青松", "lead"), ("庞立新", "accompany")})],
        ),
    ],
)
def test_an_item_of_a_roundup_tells_of_its_own_happening(text, expected):
    events = events_of(text, names=("岳明川", "卢青松", "庞立新"))
    assert [(e.date, _roles(e)) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an item that tells of no happening read gives its roles to none an item before told of
        (
            "1日，市长岳明川带领有关部门深入某工地看望慰问干部职工。\n"
            "△副市长庞立新参加某文艺汇演。市委常委卢青松陪同。",
            [{("岳明川", "lead")}],
        ),
        # control: with no mark, who goes along goes along on the visit told of
        (
            "1日，市长岳明川带领有关部门深入某工地看望慰问干部职工。市委常委卢青松陪同。",
            [{("岳明川", "lead"), ("卢青松", "accompany")}],
        ),
    ],
)
def test_roles_of_an_item_with_no_happening_go_to_no_earlier_item(text, expected):
    events = events_of(text, names=("岳明川", "卢青松", "庞立新"))
    assert [_roles(e) for e in events] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one who leads a delegation received on the 9th leads no visit told of on the 6th
        (
            "6日，某部副部长岳明川来我市考察文化遗产保护情况。\n"
            "9日，市长卢青松会见了某市市长庞立新率领的代表团一行。",
            [{("岳明川", "lead")}, {("卢青松", "host"), ("庞立新", "guest")}],
        ),
        # control: a visit of the same day still takes who goes along on it, told after a meeting
        (
            "6日，某部副部长岳明川来我市考察文化遗产保护情况。\n"
            "6日下午，市长卢青松主持召开座谈会。市委常委庞立新陪同。",
            [{("岳明川", "lead"), ("庞立新", "accompany")}, {("卢青松", "chair")}],
        ),
    ],
)
def test_a_role_goes_back_to_no_happening_of_another_day_opened_since(text, expected):
    events = events_of(text, names=("岳明川", "卢青松", "庞立新"))
    assert [_roles(e) for e in events] == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a roundup headed by its month: its items' bare days are of that month
        ("2019年11月县政府大事记", ["2019-11-06", "2019-11-12"]),
        # control: a headline with no month alone, the clock's month (10 days ahead at most)
        ("县政府大事记", ["2019-12-06", "2019-12-12"]),
    ],
)
def test_the_items_of_a_roundup_headed_by_its_month_are_of_that_month(title, expected):
    text = "6日，县长岳明川到青石镇调研。\n12日，县政府召开常务会议。"
    release = Release(id="t", text=text, published="2019-12-04", title=title)
    found = find_events(release, tuple(split_sentences(text)), persons_in(text, "岳明川"))
    assert [e.date for e in found] == expected


@pytest.mark.parametrize(
    ("text", "leads"),
    [
        # a call told after who went along with its named visitor: a visit he leads
        ("6月1日，市委书记卢青松在市委常委庞立新的陪同下，看望慰问了节日期间坚守岗位的干警。", [{"卢青松"}]),
        # …and after several who went along, their titles between commas
        (
            "6月1日，市委书记卢青松在市委常委、秘书长庞立新，副市长岳明川的陪同下，看望慰问了环卫工人。",
            [{"卢青松"}],
        ),
        # control: no one named before the frame, no visit (a group goes, or no one)
        ("6月1日，市领导在市委常委庞立新的陪同下，看望慰问了环卫工人。", []),
    ],
)
def test_a_call_after_who_went_along_with_its_named_visitor_is_his_visit(text, leads):
    events = [e for e in events_of(text, names=("卢青松", "庞立新", "岳明川")) if e.type == "inspection"]
    assert [{p.person for p in e.participations if p.role == "lead"} for e in events] == leads
    # who went along leads nothing
    assert all(p.role != "lead" for e in events for p in e.participations if p.person != "卢青松")
