"""Events, their dates and places, who did what, what they implement.

The text is read clause by clause (a clause ends at ， ； 。 and the like) in
the simplified view of each sentence (``chars.view``), so the cue lexicons are
written once in simplified characters and every span still points into the
text as written:

- an event is reported by a happening cue (召开 …会议, 到 … 调研, 会见, 签约,
  …仪式, 任命, and acts of a named doer: 甲同乙通电话, 甲致信…:
  ``data/event_cues.tsv``); cues inside reported words (X强调，要
  …), in a clause that says what must be done (要, 必须) or that is called off
  (取消, 暂停) report nothing, unless the words tell of a finished act on a day
  they name (X表示，昨天乙同你举行了会谈), of one some time ago (不久前，…会晤在某地
  成功举行) or of one a named person did (X指出，乙主持…会议); a body that
  reports nothing in its own words falls back on its headline;
- mentions of one happening are one event: a later cue of the same type joins
  the event before it unless it names a different meeting, gives a different
  date, or has another leader; 分别会见 X 和 Y are two receptions, and so are a
  visit and the meeting it goes on to (到某部调研并主持召开座谈会);
- an event's date is the last date of its sentence before or inside the cue
  (or right after its name: …揭牌仪式17日上午在某市举行), resolved against the
  publication date (``dates.py``); a date that bounds a period (截至3月5日) or
  qualifies what is carried out (贯彻落实9月26日会议精神) dates nothing; a
  sentence that opens with 会议 / 会后 takes the date of the meeting told of, one
  that opens with 当天 / 随后 the last date given (当天 before any date: the day
  of the report; after a range of days, no known day), 次日 the day after it,
  and so does a part of a day said with no date (甲上午主持召开…); a date or
  range that opens a sentence dates the undated
  visit told of (近日在某地调研。12日至14日，…), and a day that opens a sentence
  telling of an arrival only (6月8日，甲一行来到某县。) the visit reported next;
  a meeting, ceremony or signing told of with no day of its own right after a
  visit or reception of one day (5月9日，甲来某市考察。乙主持召开座谈会) is on
  that day;
- roles come from role cues next to the persons' mentions
  (``data/role_cues.tsv``: 主持, 出席, 强调, 陪同, 会见, 任命 ...) and belong to
  the event the text is telling of at that point: the last event reported at or
  before the role's clause, if the role can be taken there (one leads a visit,
  chairs a meeting or a rite, hosts a reception): else the last event before it
  where it can, or none (a lead read after a meeting goes to the visit before it);
- what an event implements comes from ``directives.py``, for the sentences
  from its report on.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise
from operator import attrgetter

from govkg.extract import event_names
from govkg.extract.chars import View, bracket_groups, part_view, simplify, view, without_glosses
from govkg.extract.data import alternation, load_table, load_words
from govkg.extract.dates import (
    day_part_words,
    find_dates,
    first_date,
    parse_clock,
    release_clock,
    same_day,
    same_day_words,
    stated_month,
    stated_year,
)
from govkg.extract.directives import find_directives
from govkg.extract.names import NO_POST_AFTER_REN, without_lookalikes
from govkg.extract.records import Event, Participation, Person, Release, Sentence, Span
from govkg.extract.titles import heads, heads_after_name

# In reported words: a time some while ago (不久前，…), a happening done (…成功举行), and
# what may stand between a named doer and the cue (乙总书记主持…: titles, no place or verb).
_TIME_AGO = re.compile(r"不久前|前不久|日前|此前|前些天|前几天|刚刚|上周|上个月|上月")
_DONE = re.compile(r"成功举行|成功召开|胜利召开|隆重举行|隆重召开|顺利召开|圆满结束")
_DOER = re.compile(r"(?:(?!在|要|将|应|把|对|的)[^，,。；;：:]){0,6}")
# Someone arrives where a visit is told of next (6月8日，甲一行来到某县。), and who may:
# a named person, or a party (一行, 督导组); 来 only to the place of the release (一行来我市).
_ARRIVES = re.compile(
    r"(?:先后|专程|亲自)?(?:来到|到达|抵达|深入|莅临|前往|走进|赴|到(?!会)|来(?=[我本][省市州盟县区旗镇乡村]))"
)
_PARTY = re.compile(r"一行|[组团队]")
# A clause that opens with a group as its subject (调研组对…, 省委第三巡视组与…, 某省考察团一行…,
# 各慰问组…): a team named by its task, after who sends it; not 部队 or 检查组织 (no team).
_GROUP_SENDER = (
    r"(?:[^，,。；;：:\s的了在对向与和同到]{0,10}?"
    r"(?:[省市县区州盟旗镇乡国委局厅部办各]|第[一二三四五六七八九十]+|中央|联合))?"
)
_GROUP_OPENS = re.compile(
    r"\s*(?:随后|之后|会上|会后|会前|其间|同时)?"
    + _GROUP_SENDER
    + r"[^，,。；;：:\s的了在对向与和同到]{0,4}?"
    r"(?:调研|督导|检查|巡察|巡视|考察|代表|工作|专家|考核|督查|督察|验收|评估|暗访|指导|观摩|访问|宣讲"
    r"|调查|评审|慰问|帮扶|核查|审计|采访|参观|交流|经贸|招商)[组团队](?![长员织成建])(?:一行)?"
    # …or by no task, a party or a plural of no person (客人一行, 市人大常委会一行, 专家们), the
    # clause going on (not 同志们，… addressed), no verb before it (希望人大代表们…: whom one
    # speaks to); 他们 is who was named before.
    r"|\s*(?:随后|之后|会上|会后|会前|其间|同时)?"
    r"(?:(?!希望|要求|勉励|叮嘱|号召|鼓励|邀请|请|让|使|组织|带领|指导|帮助|看望|慰问|走访|询问|了解"
    r"|听取|教育|引导|动员|感谢|祝贺|欢迎|会见|陪同)"
    r"[^，,。；;：:\s的了在对向与和同到他她]){0,12}?"
    r"(?:一行|(?:代表|委员|专家|客人|嘉宾|学者|记者|企业家|同学|学员|干部|党员)们)"
    r"(?=[^，,。；;：:\s])"
)
# What every clause _GROUP_OPENS matches holds: a team (组, 团, 队), a party (一行) or a plural (们).
_GROUP_HINT = re.compile(r"[组团队们]|一行")
# What may stand between a visitor and the verb of a visit told with no place (甲一行看望慰问…).
# The group the list of visitors closes with is of them (甲、乙等区领导走访…), and they may go in
# parties (分两路走访…).
_DOER_TO_VISIT = re.compile(
    r"(?:同志)?(?:等[\u4e00-\u9fff]{0,8}?(?:领导|负责同志|负责人|同志))?(?:一行[，,]?)?"
    r"(?:还|也|又|再次|专程|亲自|一同|分别|先后|随机|突击|连夜|冒雨|冒雪|专门|分[两二三四五]路)*"
)
# …or told in the clause before it, as where the visitor went (甲来到某社区，看望慰问困难群众): the
# visitor, where he went (no other verb between), and the call opening the next clause.
# (…on behalf of whom, and how: 甲率队来到某医院，代表县四个班子亲切看望慰问…)
_AND_THEN = re.compile(
    r"\s*(?:[并还又也]|亲切|分别|逐一|先后|详细)*(?:代表[^，,；;。！？!?：:\s]{1,20}?)?(?:亲切|专程|一一|一同|详细)*"
)
_WENT_TO = re.compile(
    _DOER_TO_VISIT.pattern
    # …leading others there, or bringing something (甲率领有关部门赴某区，开展…检查; 甲带队来到某社区，
    # 看望…; 甲带着慰问品来到某村，走访…)
    + r"(?:(?:率领|带领|率|带着)[^，,；;。！？!?：:\s]{1,16}?|带队|率队)?"
    + r"(?:先后)?(?:来到|前往|深入到?|走进|赶赴|抵达|到达|赴|到(?!会))"
    r"(?P<place>[^，,；;。！？!?：:\s]{2,30})[，,]\s*(?:还|又|并|亲切|分别|逐一|先后|详细)*"
)
# A reception cue: what follows it in its clause is whom it receives.
_RECEIVES = re.compile(r"会见|接见|会晤")
# Who meets visitors at the door, a reception's cue or a welcome (公司董事长甲在门口迎接来调研的
# 各级领导, 甲接待了来考察的乙一行): the visit's verb after it is the visitors', not his; not a
# reception room or hall or a visiting day (接待室, 接待大厅, 接待日).
_MEETS_VISITORS = re.compile(rf"{_RECEIVES.pattern}|迎接|接待(?![室厅中站处日]|大厅)")
# A clause that frames what follows by a reception (在会见乙时，…).
_RECEIVING = re.compile(r"\s*在(?:会见|接见|会晤)[^，,；;。]+时")
# The colon of a clock time (上午9：30, 9:30) separates no clause.
_CLOCK_COLON = r"(?<=[0-9０-９])[：:](?=[0-9０-９])"
# A short quoted phrase (“高质发展,后发先至”) is part of its clause. (A run of characters that
# are neither marks nor “ is taken at once: the same clauses as one character a step, in half the time.)
_CLAUSE = re.compile(rf"(?:[^，,；;。！？!?：:“]+|“[^“”。]{{1,20}}”|{_CLOCK_COLON}|“)+")
# 并 before a happening verb, after a visit told of in the same clause, opens a report of
# its own (到某部调研并主持召开座谈会: a visit and a meeting).
_AND_DOES = re.compile(r"并(?=主持|召开|举行|出席|会见|会晤)")
_WHOLE = re.compile(r".+", re.S)
# A character of a cue's name or place: no clause punctuation.
_CHAR = rf"(?:“[^“”。\s]{{1,20}}”|{_CLOCK_COLON}|[^，,；;。！？!?：:\s])"
# …or, between a name and its verb, a space (某会议6 月 8 日召开).
_GAP_CHAR = rf"(?:{_CHAR}|\s)"
# Reported words: what follows X强调， in a sentence is speech, not a report.
# (X要求相关部门：一是…) counts too.
_SPEECH = re.compile(r"(?<!情况)(?:指出|强调|要求|表示|认为|希望|说)(?:[，,：:]|[^，,。；;：:]{1,12}[：:])")
# A clause that opens with a preposition has no speaker: 按照省委要求，… and 根据上级部署
# 要求，… name what is followed, and what comes after them is a report, not words.
_NO_SPEAKER = re.compile(r"\s*(?:按照|根据|依照|遵照|依据|对照|按|遵循|结合|围绕|针对|鉴于|为了|应)")
_CLAUSE_OPEN = re.compile(r"[^，,；;。！？!?：:]*$")
# A photo caption: 吴锦（右一）与…会谈, 图为….
_CAPTION = re.compile(r"[（(][左右中前后][一二三四五六]?[）)]|图为|上图|下图|左图|右图")
# A point of a speech or a plan: 一是…, 二是…, and one of what must be done, opening its clause
# (一要…；二要…, 二要…，通过实地调研…等形式宣传…); not 要 inside a word (统一要求, 第一要务).
_POINT = re.compile(r"[一二三四五六七八九十]是|(?<![^\s，,。；;：:])[一二三四五六七八九十]要")
# A wish for what others may do (希望…给予更大指导支持, 期待各位朋友来…考察) reports nothing;
# not 希望小学 or 希望工程, which are names.
_WISH = re.compile(r"希望(?!小学|中学|学校|工程|村|社区|之星|杯)|期待|期盼|盼望|憧憬")
# What is done again and again (多次在该院召开现场会, 每周一召开例会) is no one happening.
_HABIT = re.compile(r"多次|屡次|经常|定期|不定期|每年|每月|每周|每季度|每逢|历年|常年|长期")
# A count of meetings (八个座谈会, 12次专题会议, 十余场座谈会, 3期培训班) names no one meeting; 一次
# 专题会议 is one, and 第3次, 十二届五次全会 and 人大三次会议 are ordinals.
_NAME_LEAD = re.compile(
    r"\s*并?(?:随后|接着|紧接着)?(?:主持召开|组织召开|紧急召开|召开|举行|举办|主持|出席|参加|列席|收听收看|收看)?(?:了(?!解))?"
)
_COUNT = re.compile(
    r"(?<![第0-9一二三四五六七八九十])[0-9一二三四五六七八九十两几多]+个[^个]{0,4}$|^各[类种项级]|系列"
    r"|(?<![第届0-9一二三四五六七八九十])(?![一1][次场期])[0-9一二三四五六七八九十两几多]+[余多]?[次场期]"
    r"(?!会议|全会|大会|全体会议)[^次场期]{0,6}$"
)
_ELIDED = re.compile(r"\s*(?:并|还|也|再|同时)*(?:(?:对|就)[^，,。；;]{0,30})?$")
# A frame of who goes along (在乙陪同下), which a place group opened by 在 may take in, and the
# word of going after it (…陪同下到某县调研).
_UNDER = re.compile(r"(?:陪同|带领|率领|见证)下")
_GOES_TO = re.compile(r"到|赴|前往|来到|深入|走进|莅临")
# What a place group takes in before the verb (到城北镇实地察看, 到我市开展…检查, 到某地就…调研).
_PLACE_TAIL = re.compile(r"(?:(?:开展|进行|就).*|(?:实地|现场|专题)+)?$")
# A clause that says what must or should be done, or what is called off.
# What someone welcomes or thanks for is no report of it (对…一行到我市调研表示欢迎).
_WELCOME = re.compile(r"表示(?:热烈)?(?:欢迎|感谢|祝贺|慰问)")
# Nor is what someone is welcomed to come for (欢迎甲来华出席…开幕式), though what the clause
# tells of before the welcome is (会见并欢迎甲来某市考察); a welcome's rite or banquet is no welcome.
_WELCOMED_TO = re.compile(r"欢迎(?![仪宴晚酒词辞会])[^，,。；;]{0,15}?(?:来|到|赴)")
# Nor is what someone is invited to come for (邀请客商来某县考察); an invitation accepted is a
# visit made (应某市邀请，甲到某市考察; 应乙邀请甲到某市考察).
_INVITED_TO = re.compile(r"(?<!应)邀请(?![函书])[^，,。；;]{0,15}?(?:来|到|赴)")
_ACCEPTED = re.compile(r"应[^，,。；;]{0,12}$")
# Nor is what someone is thanked for (乙感谢某市派团参加某论坛, 感谢甲出席某年会): a part the other side
# took, told as thanks, not a happening the release reports.
_THANKED_FOR = re.compile(r"感谢[^，,。；;]{0,15}?(?:参加|出席|莅临|派团|来|到|赴)")
_MODAL = re.compile(
    r"(?<![主重需纪简提摘])要(?![求闻点素案件害职])|必须|务必|应当|需要|不得|禁止|严禁|取消|暂停|停办|推迟|延期"
    # 将 of what will be done, not of a general or soldiers (老将军, 将士), of 将近 or of a
    # county's name (将乐县)
    r"|(?<![大老武名主干猛])将(?![于乐军士领近帅])"
    # …and one that passes on what someone said (传达…的讲话精神).
    r"|传达|领学"
    # …and a meeting scheduled or decided on (定于6月9日召开, 会议决定明年1月召开…会议): to be held;
    # what is to be ensured (确保大会圆满召开) is a goal
    r"|定于|拟于|决定(?:于|在)?[^，,；;。]{0,16}?(?:召开|举行|举办)|确保|力争"
)


# The modal words of :data:`_MODAL` that schedule a happening (定于, 拟于, 决定…召开).
_SCHEDULED = re.compile(r"定于|拟于|决定")


# What someone asks, urges or charges others to do (甲要求各地召开会议, 督促各县区及时召开…):
# no report that it was done; a demand followed (按照省委要求召开…) is not one.
_ASKED = re.compile(r"(?:要求|责成|督促|敦促|号召|倡议)[^，,；;。：:]{0,12}$")
_FOLLOWED = re.compile(r"按照|根据|依照|遵照|依据|对照|落实|贯彻")


# What 将 announces when a happening follows it: the doer's own part in it (将主持召开, 将出席,
# 将到某县调研, 将在某地举行), not what 将 hands to others (将要求各地…) or puts somewhere (将…纳入).
_WILL_DO = re.compile(
    r"\s*(?:(?:主持|出席|参加|列席|召开|举行|举办|会见|会晤|会谈|签署|率团|带队|率队|到|赴|前往|来|在)"
    r"|(?:分别|先后|一同|共同|亲自)(?:主持|出席|参加|到|赴|前往|会见))"
)


@lru_cache(maxsize=1)
def _same_day() -> re.Pattern:
    """A sentence that goes on with the event before it: on its day (当天: a same-day word
    of dates, or a part of a day), before, in or after its meeting (会后) or talks (会谈前,
    在会见中), or later."""
    day = alternation([*same_day_words(), *day_part_words()])
    return re.compile(
        rf"\s*(?:({day})|(会后|会前|会上|会议|大会(?![期其]间)|在?{_GATHERING_NAMED}(?:开始)?[前后上](?=\s*[，,]))"
        r"|(在?(?:会见|会谈|会晤)(?:结束)?(?:[前后]|中|时))|在?随后|随即|紧接着|之后"
        r"|(?:在此|在这)?(?:其间|期间))"
    )


# A gathering named by its kind, as a sentence opens before, in or after it (颁奖典礼前，…;
# 签约仪式上，…; 开幕式后，…): the gathering told of, as 会前 / 会上 / 会后 is. Not one a clause
# qualifies (在随后举行的座谈会上: another, told of there).
_GATHERING_NAMED = (
    r"[^\s，,。；;：:的]{0,12}?(?:仪式|典礼|开幕式|闭幕式|开工式|晚会|大会|论坛|座谈会|推介会|发布会|"
    r"见面会|洽谈会|报告会)"
)


# The rest of a clause from where it is read (…16日率团抵达某市，: 率团抵达某市).
_CLAUSE_REST = re.compile(r"[^，,；;。！？!?：:]*")


# A doer named, then what tells that his act follows the one told of (甲随即…, 乙随后…).
_THEN = re.compile(r"[^，,。；;：:！？!?]{1,16}?(?P<then>随即|随后|紧接着)")


# Where the news told was learned (记者从…发布会获悉, 从…会议上了解到): a source.
_LEARNED_AT = re.compile(r"从[^，,。；;！？!?]{0,30}?会(?:议)?上?(?:获悉|了解到|得知)")


# 期间 / 其间: within the days told of, which are no one day after a range.
_WITHIN_THOSE_DAYS = re.compile(r"\s*(?:在此|在这)?(?:期间|其间)")


@lru_cache(maxsize=1)
def _during_visit() -> re.Pattern:
    """A sentence that opens within a visit or a gathering told of (调研期间，… ; 在调研中，… ;
    在某县考察期间，… ; 在出席论坛期间，…): like 期间 alone, the day told of; not a season or a
    campaign (春节期间, 疫情防控期间), which names no visit, nor an earlier one (在前期调研中)."""
    acts = alternation([*load_words("inspection_verbs.tsv"), *_TRIPS, "出席", "参加"])
    return re.compile(
        rf"\s*在?(?:(?!前期|此前|以往|日常|平时|去年|往年)[^，,。；;！？!?\s]){{0,10}}?(?P<act>{acts})"
        rf"[^，,。；;！？!?\s]{{0,8}}?(?:期间|其间|过程中|中|时)\s*[，,]"
    )


# A trip of days (访问期间，…): within it, the day of a visit told of, not of a reception or a
# meeting held on one of its days.
_TRIPS = ("访问", "出访", "访华", "来访")

# A gathering named by its kind, as a sentence opens within it (论坛期间，…; 在博览会举办期间，…).
_DURING_GATHERING = re.compile(
    r"\s*在?(?:本届|此次|这次)?(?P<name>[^\s，,。；;：:的]{0,12}?(?:论坛|博览会|交易会|洽谈会|大会|年会|峰会|展会|会议))(?:举办|召开|举行)?(?:期间|其间)\s*[，,]"
)


# A stay in a place (在某县期间，在湘期间，): within a visit told of, unless a time is named instead
# (在春节期间, 在汛期期间, 在疫情期间, 在假日期间).
_STAY = re.compile(
    r"\s*在(?:(?!节|期|疫|假|年|月|季|汛|日|时|间|此)[^，,。；;！？!?\s]){1,6}(?:期间|其间)\s*[，,]"
)


# …结束后: the last day of the happening told of (3月8日至11日…；考察结束后).
_AFTER_END = re.compile(r"\s*[^，,。；;]{0,8}结束后")
# A word between a date and a cue that says the happening was on some other, unstated day.
_NOT_THAT_DAY = re.compile(r"近日|日前|近期|前不久|不久前|此前|前些天|这几天|连日来|近来")


def _said_vaguely(text: str, at: int, dates: list) -> bool:
    """Whether the happening whose cue starts at ``at`` is said to be of some unstated day: a
    word such as 近日 stands before it with no date between (甲近日到某镇检查…; 近日，甲…).

    >>> from govkg.extract.dates import find_dates
    >>> text = "6月8日，全县召开会议。县长近日到某镇检查"
    >>> _said_vaguely(text, 16, list(find_dates(text, "2020-06-10"))), _said_vaguely(text, 9, [])
    (True, False)
    """
    said = [m.end() for m in _NOT_THAT_DAY.finditer(text, 0, at)]
    return bool(said) and not any(said[-1] <= d.span.start < at for d in dates)


# A time before a cue, with no day, that is not the day of a visit told of just before
# (9日，甲到某镇调研。去年，乙主持召开座谈会).
_ANOTHER_TIME = re.compile(rf"{_NOT_THAT_DAY.pattern}|{_TIME_AGO.pattern}|去年|前年|往年|以来")


# A time of day that opens a sentence (9时30分，…; 10时许，…; 14:30，…): like a part of a day said
# alone, it is the day told of, else the day of the report. 点 only after a figure and not
# before a noun (3点要求): a clock time is followed by the comma of the clause it opens.
_CLOCK = (
    r"(?:[0-9]{1,2}\s*[时点](?:\s*[0-9]{1,2}\s*分|半|整)?|[一二三四五六七八九十]{1,3}时(?:[一二三四五六七八九十]{1,3}分|半|整)?"
    r"|[0-9]{1,2}[:：][0-9]{2})(?:许|左右)?"
)
# …said with the part of the day it falls in (晚8点30分，…; 上午9时，…).
_CLOCK_OPENS = re.compile(rf"\s*(?:{alternation(day_part_words())}|晚|早)?{_CLOCK}\s*[，,]")
# A time of day said right after who acts and before the act (县长甲9时许到某县…, 甲下午3时
# 主持召开…): the day of the act, as a part of a day said there is; not a time a figure or a
# date owns (截至17时, 5日9时), nor one that ends a span (8时至19时).
_CLOCK_ACTS = re.compile(
    rf"(?<![0-9日号至到])(?<![一二三四五六七八九十]日){_CLOCK}"
    rf"(?={_WILL_DO.pattern}|\s*(?:深入|来到|走进|赶赴|赶到|率|带领|带队|率队|冒雨|连夜))"
)


@lru_cache(maxsize=1)
def _day_parts() -> re.Pattern:
    """A part of a day, after a date or alone (3日上午, 上午)."""
    return re.compile(alternation(day_part_words()))


@lru_cache(maxsize=1)
def _day_part_pattern() -> re.Pattern:
    """A part of a day that belongs to no date (甲上午主持召开…, 甲凌晨赶到…), not 每天上午 or
    5日上午: the same list of parts as a sentence that goes on with the day told of."""
    return re.compile(rf"(?<![日号天晚夜年月周每])(?:{_day_parts().pattern})")


# What may stand between an event's name and its date: …揭牌仪式17日上午在某市举行, …常务会议
# （6月9日）, as a headline or a list dates what it names.
_AFTER_NAME = re.compile(r"\s*(?:仪式|典礼|活动)?\s*(?:于|已于|[（(【［\[])?\s*")
# What follows a visit to a delegation that makes it a deliberation (…代表团，与代表们一起审议).
_DELIBERATES = re.compile(
    r"[，,]\s*(?:(?:与|同|和)[^，,。；;]{0,8}?一起|一同|共同)?(?P<verb>(?:分组)?(?:审议|讨论))"
)
# A date that qualifies what is carried out or cited, not the day of the happening
# told of: 贯彻落实9月26日中央政治局会议精神, 根据3月5日常委会部署, 3月5日印发的《通知》.
_CITED_BEFORE = re.compile(
    r"(?:贯彻|落实|学习|传达|根据|按照|依据|依照|遵照|对照|围绕|结合)[^，,；;。：:]{0,20}$"
)
_CITED_AFTER = re.compile(r"[^，,；;。：:]{0,8}?(?:印发|出台|发布|下发|公布|出版|作出|做出)的")


def _speech_from(text: str) -> int:
    """Where reported words begin in a sentence (after X强调，), or its end if it reports none.

    >>> _speech_from("张三强调，要召开会议。"), _speech_from("按照省委要求，张三主持召开会议。")
    (5, 16)
    """
    for speech in _SPEECH.finditer(text):
        opening = _CLAUSE_OPEN.search(text, 0, speech.start())
        if not _NO_SPEAKER.match(text, opening.start(), speech.start()):
            return speech.end()
    return len(text)


def _attributive(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` qualifies something cited, not a happening.

    >>> _attributive("为贯彻落实9月26日会议精神，近期到各地调研", 6, 11)
    True
    >>> _attributive("9月26日，为贯彻落实会议精神，到各地调研", 0, 5)
    False
    """
    return bool(_CITED_BEFORE.search(text, 0, start) or _CITED_AFTER.match(text, end))


# A sentence about a year long past (2010年，…): what it reports is another, older happening.
_PAST_YEAR = re.compile(
    r"(?<![0-9])((?:19|20)[0-9]{2})\s*年(?!\s*(?:[0-9一二三四五六七八九十]{1,2}\s*月|[度底初末]))"
)
# How far into a sentence (after its dateline) a date may start and still open it (28日上午，…).
_OPENS_WITH_DATE = 3
# What may stand before a date that opens a sentence: marks, and 在 / 于 (在28日上午，…); not a
# subject whose date it tells (某镇在11月20日的评比中…).
_BEFORE_OPENING = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z]*(?:在|于)?\s*")
# A date that qualifies a noun (11月20日的评比, 3日上午的会议) tells of what that names.
_QUALIFIES_NOUN = re.compile(r"\s*(?:上午|下午|中午|晚上|晚间|当天|当日)?\s*的")


def _opening_date(text: str, opens: int, dates: list):
    """The date that opens a sentence whose own words start at ``opens``, if one does.

    >>> from govkg.extract.dates import find_dates
    >>> [_opening_date(t, 0, list(find_dates(t, "2020-12-05"))) is not None
    ...  for t in ("21日至23日，甲深入…", "在3日上午，甲…", "某镇在11月20日的评比中获第一", "3日的会议上，…")]
    [True, True, False, False]
    """
    if not dates or dates[0].span.start > opens + _OPENS_WITH_DATE:
        return None
    first = dates[0]
    opens_it = _BEFORE_OPENING.fullmatch(text, opens, first.span.start)
    return first if opens_it and not _QUALIFIES_NOUN.match(text, first.span.end) else None


# The happenings a role can be taken in: one leads a visit or another happening (a tree
# planting...), chairs a meeting or a rite, hosts or is received at a reception.
_ROLE_FITS = {
    "lead": frozenset({"inspection", "other"}),
    "chair": frozenset({"meeting", "ceremony", "signing", "other"}),
    "host": frozenset({"reception"}),
    "guest": frozenset({"reception"}),
    # one goes along on a visit, a call or a rite, not to a meeting (…，并召开调研汇报会。乙陪同
    # 调研: 乙 went along on the visit told before the meeting)
    "accompany": frozenset({"inspection", "reception", "ceremony", "signing", "other"}),
}
# What a visit of one day may hold, told of in the next sentence with no day of its own.
_DURING_VISIT = frozenset({"meeting", "ceremony", "signing"})
# A dateline before the story: 央视网消息（新闻联播）：, 本网讯.
_DATELINE = re.compile(r"^[^，,。：:]{0,20}(?:消息|讯|訊|电|電)(?:[（(][^）)]{0,10}[）)])?[：:]?\s*")
# Happenings other than a meeting that 会后 / 会前 may refer to: a signing, a ceremony.
_GATHERINGS = ("signing", "ceremony")
# Background the visitors are told of a place they see (据介绍，该项目于11月20日开工建设; 该工程
# 去年3月举行了奠基仪式): a rite or a signing of the place's past, no happening of the officials
# the release reports. Told as hearsay (据介绍, 据了解), in a year before the report with no day
# (去年3月, 2018年), or of what was told of before (该项目, 此园区) with no rite named (开工建设,
# 揭牌运营) or in a month with no day (该项目今年3月举行了开工仪式); never what is announced
# (据介绍，…将于12日举行开幕式).
_HEARSAY = re.compile(r"\s*据(?:介绍|了解|悉|统计|调查)(?:到)?[，,\s]")
_TO_COME = re.compile(r"将|拟|即将|计划|预计|定于|准备")
_YEAR_BEFORE = re.compile(r"去年|前年|往年|(?<![0-9])((?:19|20)[0-9]{2})\s*年")
_TOLD_BEFORE = re.compile(
    r"\s*(?:该|此|这一?|上述)[\u4e00-\u9fff]{0,6}?"
    r"(?:项目|工程|园区|基地|中心|企业|公司|工厂|厂|站|馆|所|平台|学校|医院)"
)
_MONTH_ALONE = re.compile(
    r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月份?(?!\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号])"
)
_ACCOUNTS = ("inspection", "meeting", "reception")
_AROUND_MEETING = re.compile(r"会前|会后|会上|会间|会议期间")
_ANOTHER = re.compile(r"还|另外|另")
# What opens a sentence that tells of a meeting held after the one told of (会后，我县立即召开…).
_HELD_AFTER = re.compile(r"\s*(?:会后|会议结束后)[，,\s]*[^，,；;。]{0,12}")
# A count of happenings (连续两次召开…, 曾两次带队到…) after the days or years it lists
# (5月6日和12日, 2013年和2015年): one happening each.
# A sitting numbered with no 第 (二届市委召开108次常委会会议, 区政府召开45次常务会议): its place in
# the organ's count, no tally of meetings; unless the sentence tallies (召开了12次常委会会议, 今年以来，
# 召开…, 累计召开…).
_ORDINAL_SITTING = re.compile(r"[0-9一二三四五六七八九十百]+次(?:常委会|常务会议|主任会议|党组会议|全体会议)")
_TALLIED = re.compile(r"了\s*$|共|累计|先后|已|以来|今年|全年|期间|分别")
_TIMES = re.compile(
    r"(?:连续|先后|曾经?|共|又|再|分)?(?<![第十0-9])(?P<n>[两二三四五六七八九2-9])次(?!会议|全会|大会|代表|党代)"
)
_NUMERALS = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# A doer named in reported words, and the count of what they did (乙副市长连续两次召开…).
_DOER_COUNTED = re.compile(_DOER.pattern + "(?:" + _TIMES.pattern + ")?")
_LIST_JOIN = re.compile(r"\s*(?:和|与|及|以及|、|，和)\s*")
_YEARS = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}年(?:\s*(?:和|与|及|以及|、)\s*(?:19|20)[0-9]{2}年)+")
_DAY_LISTED = re.compile(r"[0-9]{1,2}日")
# A gathering told with no meeting named (某区组织学习了…精神, 开展集中研讨): what 会议 then
# refers to (区委书记甲主持会议).
_GATHERED = re.compile(r"(?:组织|举行|开展|进行)了?[^，,；;。]{0,12}?(?:学习|研讨)")
# A meeting word that qualifies a noun inside a name (出席某会议的全体委员…列席了会议).
_QUALIFIED_BY_MEETING = re.compile(r"(?:会议|大会|全会)的.")
_NAMED_MEETING = re.compile(r"会议?$|全会$|班$|会暨.+(?:仪式|典礼)$")
# A lecture given (甲作了…专题辅导报告), and what makes it part of a meeting told of: a sentence that
# opens with the meeting (会上, 会议邀请…).
_LECTURE = re.compile(r"报告$|党课$")
_AT_MEETING = re.compile(r"\s*(?:会上|会议|会间)")
# A sitting of a session, named by its place in it (第一次全体会议, 闭幕会议).
_SITTING_OF_SESSION = re.compile(
    r"(?:第[0-9一二三四五六七八九十]{1,3}次)?(?:全体|开幕|闭幕|预备)(?:会议|大会)"
)
_GENERIC_MEETING = re.compile(r"^(?:召开)?[\u4e00-\u9fff]{0,2}会议$|^会$|^大会$")
# …出席座谈会，并在会前会见了乙: the clause goes on with the subject before it, a time framed
# by the gathering (会前, 会后, 会间, 其间) between.
_CONNECTIVE = re.compile(
    r"^(?:[\s并且还又同时随后也再]|之后|然后|紧?接着)*(?:他|她)?[\s并且还又同时随后也再]*"
    r"(?:在?(?:会前|会后|会间|会议期间|其间)[\s还又也再]*)?"
)
# A clause that frames a time by what its subject did (甲在出席某博览会期间，会见了乙; 甲出席某论坛
# 之际，…): the clause after it goes on with that subject.
_TIME_FRAMED = re.compile(r"(?:期间|之际|间隙|(?<![同及暂临随适准按届])时)[，,]\s*$")
# …and one that frames it by attending a gathering, with no 在 (甲出席某博览会期间，…): the
# gathering is no event told of, so no one attends it here.
_ATTENDING_OPENS = re.compile(r"(?:出席|参加)[^，,。；;：:]{1,30}?(?:期间|之际|间隙)[，,]")
_PRONOUN_ANYWHERE = re.compile(r"他|她")
# A clause that opens with a pronoun for one person (次日，他又到某县检查…): who the story goes on with.
_HE_OPENS = re.compile(r"\s*[并且还又同时随后也再]*(?:他|她)(?![们人])")
_PRONOUN = re.compile(r"(?:他|她)(?:在[^，,。]{0,30}?[上中时])?[还也又再]?$")
_ADVERBIAL = re.compile(
    r"^(?:同志)?(?:一行)?(?:在[^，,。；]{0,16}?[上中时后])?(?:还|也|又|再次|进一步|最后|首先|同时|并|则|特别|专门)*$"
)
# 同 or 与 of whom a talk is held with; not 同 of 同志, 共同, 陪同, 同时 nor 与 of 与会.
_SAME = r"(?<![共相陪随一协会赞认])同(?![志时意比样步日期级类])|与(?!会)"
_WITH = re.compile(rf"{_SAME}|和")
_HOLDS_WITH = re.compile(_SAME)
# A clause that opens with whom a talk is held (，与企业座谈): it goes on with the subject before.
_TALK_OPENS = re.compile(r"\s*(?:并|还|又|随后)*(?:同|与)")
# What may stand before a call paid whose subject is elided (…带队，先后拜会某部).
_CALL_GOES_ON = re.compile(r"\s*(?:并|还|又|随后|先后|分别|专程|一同|共同)*")
# What may open a clause that goes on with the subject before it: nothing, or where (在某镇).
_PLACE_ONLY = r"\s*(?:并|还|又|随后|之后|然后|紧?接着)*(?:在[^，,。；;在]{1,20}?)?\s*"


@lru_cache(maxsize=1)
def _place_only() -> re.Pattern:
    """What may open a clause that goes on with the subject before it: a place, a day or a part
    of the day (甲上午到某镇调研，下午主持召开座谈会; …调研，并于9日下午主持召开座谈会)."""
    return re.compile(
        r"\s*(?:并|还|又|随后|之后|然后|紧?接着)*\s*(?:于)?"
        rf"(?:{_DAY_OF_MONTH})?\s*(?:{alternation(day_part_words())})?{_PLACE_ONLY}"
    )


# An organ or a place that holds a meeting, named as a clause's subject (开发区党工委召开, 县委召开,
# 全县召开, 县政府办公室召开).
_ORGAN_BEFORE = re.compile(
    r"(?:委|党组|政府|办公室|局|部|院|厅|署|办|区|县|市|州|盟|旗|镇|乡|街道|社区|村|中心|公司|集团)"
    r"(?:党组|班子)?(?:还|也|又|再次|专门|及时|连夜|随即|随后|当天|当日|同日)*\s*$"
)


# A day of the month said before what a clause goes on to (…调研，9日上午主持召开座谈会; 并于次日…).
_DAY_OF_MONTH = r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[日号]|当天|当日|次日|同日|翌日"


# A group that goes, named by no person (督查组一行先后来到…).
_GROUP_GOES = re.compile(r"一行")
# Who is led (甲带领乙、丙走访) does not lead.
_LED = re.compile(r"带领|率领|率")
# 他们是：…, 名单如下： a list of the names just appointed.
_LIST = re.compile(r"^\s*(?:他们|她们|名单|组成人员|人选)?(?:分别)?(?:是|为|如下)[：:]")
_AS = re.compile(r"(?:同志)?为")
# A decision that opens its clause before the name it names to a post (会议决定甲为…, 并决定乙代理…),
# and what follows that name.
_DECIDES = re.compile(r"(?:会议|常委会)?(?:并|同时|还)?决定")
_ACTS_AS = re.compile(r"(?:同志)?(?:为|代理)")
_AS_OR_OF = re.compile(r"为|的")
# …举行了成果丰硕的会谈 is a talk held, not one named.
# What follows a person whose speech is studied (甲调研某区讲话精神, 甲重要指示精神): he does
# nothing here; not 甲围绕学习讲话精神…, 甲在…讲话精神….
_SPEECH_OF = re.compile(
    r"(?:(?!贯彻|落实|围绕|按照|根据|传达|学习|领会|[在就对])[^的，,；;。]){0,12}?(?:讲话|指示|批示)精神"
)
_NOT_DOING = re.compile(
    # …的讲话 / …的党课 is someone else's unless the person gives it: 作了重要讲话, 讲了一堂生动的党课,
    # 上了一堂…的党课 (not 发表了: 在两会期间发表了一系列重要讲话 is a speech told of, given elsewhere)
    r"^(?:(?!做了|作了|进行了|举行了|[作做]重要|发表了?重要|讲了|上了|讲授了).)*(?:的|系列|重要)$"
    r"|听取|审议|收听|观看|学习|领会"
    # 围绕甲调研某地讲话精神发言: 甲 gave the speech studied, others speak now
    rf"|^{_SPEECH_OF.pattern}"
)
# What stands between who gives a report and 的报告 (cue where "given"): 作了题为《…》, 在会上作了一场精彩.
_GIVES = re.compile(r"[^，,；;。所]{0,20}?[作做]了?[^，,；;。所]{0,30}")
# What stands between a presenter and 推介 (甲作招商项目推介, 甲分别进行了…推介, 甲在会上作了…的推介,
# 甲为客商作推介).
_PRESENTS = re.compile(
    r"(?:同志)?(?:在[^，,；;。]{1,16}?[上中])?(?:分别|还|也|并|又|现场|依次|先后|共同|首先|重点)*"
    r"(?:(?:为|向)[^，,；;。]{1,12}?)?(?:作(?!为)|做(?!好)|进行)了?[^，,；;。作做]{0,30}"
)
# Whom something is done for or to, said before the name (为乙, 向某公司董事长乙).
_FOR_WHOM = re.compile(r"[为向给替帮]")
# What joins the names of a list (甲、乙; 甲和乙; 县委书记甲、市长乙): a mark, a word, titles.
_LISTED = re.compile(r"(?:同志)?[、和及与][^，,；;。、和及与]{0,16}")
# What opens a clause that goes on with its subject giving a speech or lecture (…，并作重要讲话;
# …，并为党员讲了一堂生动的): a connective, whom it is given to, the giving verb.
_GIVES_SPEECH = re.compile(
    r"[\s并且还又同时随后也再]*(?:为[^，,；;。]{1,12}?)?(?:作|做|发表|讲授|讲|上)了?[^，,；;。]{0,20}"
)
# What joins two cues of one subject: 出席并讲话, 主持会议并讲话.
_AND = re.compile(
    r"^[^，,；;。]{0,4}[并和及][^，,；;。]{0,8}$|^[^，,；;。]{0,40}并(?:作|做|发表)?了?(?:重要)?$|^$"
)
# What closes a clause of names only, besides a title or two (甲、乙等县四套班子领导，各乡镇主要
# 负责同志参加): a group word after 等; they do what the next clause says.
_GROUP_TAIL = re.compile(r"\s*等[^，,；;。]{0,12}?(?:领导|同志|负责人|成员|干部)\s*")
# What may stand between a speaker and 强调 / 表示 besides an adverbial: 对…进行再次, 对…
_ABOUT = re.compile(r"^(?:对|就)[^，,。；]{0,30}?(?:(?:进行|作|做)了?(?:再次|重点|专门)?)?$")


@lru_cache(maxsize=1)
def _address_title() -> re.Pattern:
    """A title said after a name as a form of address (甲书记强调, 乙副县长则指出, 丙常务副县
    长指出): a head that stands before a name in the usual order, a deputy's word or two before
    it. A head that follows a name in its formal order (习近平总书记, 某国总统) is not one: who
    is named so is cited more often than present (甲指出，习近平总书记强调…).

    >>> [bool(_address_title().match(gap)) for gap in ("副书记则", "主任", "总书记", "对乙主任")]
    [True, True, False, False]
    """
    formal = set(heads_after_name())
    address = sorted((h for h in heads() if h not in formal), key=len, reverse=True)
    return re.compile(f"(?:常务|第一|执行)?副?(?:{'|'.join(map(re.escape, address))})")


# What makes a person named after the speaker of a clause the one spoken to, not a second
# speaker: 甲向乙一行介绍了…, 甲代表市政府对乙一行表示欢迎, 甲感谢乙….
_THANKS = re.compile(r"感谢|祝贺")
_EXPRESSES = re.compile(r"表示|致以|表达|致")
_THANKS_ELIDED = re.compile(r"\s*(?:并|还|也|再|同时|首先|特别|衷心|诚挚)*\s*")
_SPOKEN_TO = re.compile(r"(?:对|向|给|感谢|祝贺)[^，,。；;：:]{0,20}$")
_GOES_ON = re.compile(r"\s*(?:以及|及|和|与|等)")
_CUT_BY_SEMICOLON = re.compile(r"[；;]\s*$")
# What closes a matter spoken on (甲关于某工作的汇报): a speech cue after it is of another speaker.
_MATTER_CLOSED = re.compile(r"的(?:说明|汇报|报告|发言|讲话)")
_EACH_OPENS = re.compile(r"\s*(?:还|又|也)?分别")
_NOT_HOST = re.compile(r"参加|出席|陪同|随同|一同")
# Who attends or goes along, listed after the words that say so (参加会议的有甲、乙; 陪同调研的有：
# 甲; 随同甲考察的还有乙、丙): the list takes the verb's role, but the guests of a reception
# (参加会见的嘉宾有：) are received; the words before it name the event told of (会见 of
# 参加会见的有 reports no reception), and one named in them (甲) is whom the list goes along with.
_THOSE_WHO = re.compile(
    r"(?P<verb>出席|参加|列席|陪同|随同|一同)[^，,；;。！？!?：:的]{0,20}?的"
    r"(?P<guests>嘉宾|外宾|外方嘉宾|客人|来宾)?(?:还)?有(?!关)\s*[：:]?"
)
# 随行 / 随同 qualifying a noun (随行人员, 随同的记者): no one goes along by it.
_ALONG_NOUN = re.compile(r"(?<=随行|随同)(?:的|人员|同志|干部|记者|官员|代表|领导)")
# A time framed by what someone attends (在出席某论坛期间，会见…): the frame reports no attending,
# and says nothing of who hosts what the clause goes on to.
# What makes a cue word part of a noun: 讲话精神 (what a speech said, studied later), 揭牌仪式
# (a rite's name: who speaks at it need not unveil), 颁发任命书仪式 (who chairs it hands over
# nothing), 发言人 (a post: who is named 新闻发言人 says nothing here).
_NOMINAL_CUE = re.compile(
    r"精神|(?<=揭牌|剪彩|颁奖|宣誓)(?:仪式|典礼)|(?<=颁发)[^，,。；;、]{1,8}?(?:仪式|典礼)|(?<=发言)人"
)
# What a biography says a person joined when they started work (参加工作, 参加革命工作): no meeting;
# 参加工作会议 is one.
_STARTED_WORK = re.compile(r"(?:革命)?工作(?=[，,。；;、）)\s]|$)")
# 工作 (work), whose 作 is no verb of giving a report or a summing up (工作报告, 工作总结).
_WORK = re.compile(r"工(?=作)")
_GIVES_WORK = re.compile(r"[作做]了?[^，,；;。作做]{0,12}$")
# A clause that says whose home or bedside a call is paid at (在困难群众甲、乙等家中，…): they are
# called on, and do nothing the next clause says.
_AT_HOME = re.compile(r"\s*在[^，,；;。]*?(?:家中|家里|家|住处|住所|病房|病床前|床前)(?:时|期间)?\s*")
# A clause that says on whose behalf the next one acts (受县委书记甲委托，乙主持…): 甲 does nothing.
_ON_BEHALF = re.compile(r"\s*受[^，,；;。]*(?:委托|指派|委派)\s*")
# Who attended, said of those the clause addresses or names (出席签约仪式的各位嘉宾, 参加会议的全体
# 同志): an attributive, no one attends by it.
_ATTENDED_BY = re.compile(
    r"(?:出席|参加|参会|列席|到会)[^，,；;。的]{0,30}的(?:各位|全体|广大|所有|各级)?[^，,；;。的有]{0,8}?"
    r"(?:嘉宾|来宾|领导|代表|朋友|同志|客人|客商|人员|企业家|专家|同学|干部|党员|群众)"
    # …not a gathering named by who meets (参加某支部的党员大会, 出席全省的领导干部会议)
    r"(?![^，,；;。]{0,6}?(?:会|仪式|活动|论坛|典礼|班))"
)
_ATTENDING_FRAME = re.compile(r"在(?:出席|参加)[^，,。；;：:]{1,30}?(?:期间|之际|时|间隙)")
# Receptions one after another or each on its own (先后会见甲和乙, 分别会见甲、乙): one each.
_SEPARATE = re.compile(r"分别|先后")
# Each of several leads a group of their own (甲、乙分别带队检查…).
# …or each goes on a visit of their own (甲、乙分别走访慰问…, 甲、乙分别到某镇调研): 分别 right
# before the visit's verb, or before where they went.
_EACH_LEADS = re.compile(
    r"分别(?:带队|率队|带领|率领|率|到|赴|前往|深入|(?=走访|看望|慰问|调研|检查|视察|考察|督导|督查|暗访))"
)
# The cues of those who go along with someone (乙、丙等一同看望慰问; 乙随同调研).
_ALONG = frozenset(("一同", "随同"))
# What joins a visit right before its verb (参加慰问活动, 随同调研; 一同看望慰问, ``along``: with
# one who leads it, if any).
_JOINS_VISIT = re.compile(r"(?:参加|参与|随同|陪同|(?P<along>一同|一起|共同))了?$")
# 与…座谈: a talk named by whom it is held with, no mention of another meeting.
_TALK_WITH = re.compile(r"(?:同|与|和)(?!他们|她们).+座谈")
# What says nothing of a meeting's subject (专题会议, 工作座谈会).
_BARE_SUBJECT = re.compile(r"^(?:召开)?(?:专题|工作|全体|有关|相关)$")
# A means, not a report: 通过座谈交流、实地察看等方式.
_MEANS = re.compile(r"^\s*(?:通过|采取|采用|以).{0,40}(?:等)?(?:方式|形式|办法)$")
# Whom 他们 stands for in 看望X，并与他们座谈: the object of the visit just told.
_THEM = re.compile(
    r"(?:看望|慰问|会见|接见|走访|问候)了?(?P<who>[^，,。；;并和与、]{2,20}?)[，,]?并?(?:同|与|和)(?:他们|她们)"
)
# What ends the day a sentence opens with: a part of the day, a time, the comma (5月4日下午，).
_WHEN_ENDS = re.compile(rf"(?:{alternation(day_part_words())})?(?:{_CLOCK})?\s*[，,]\s*")
# What may stand before the name that opens a sentence: titles (中央政法委书记), no verb of its own.
_TITLES_ONLY = re.compile(
    r"\s*(?:[^，,。；;：:在对向与和同由把被将让请主出参陪会到赴召举听]{0,8}(?:书记|委员|主任|主席|长|员|常委|理事|领导|官)[、\s]?){0,6}"
)
# A headline's 甲主持召开…会 / 甲…并主持召开座谈会: who chaired.
_HEADLINE_CHAIR = re.compile(r"[^，,\s]{0,16}?主持(?:召开|在)?[^，,\s]{0,30}?会")
# What joins a cue to a word of speech that follows it (…座谈时强调).
_WHILE = re.compile(r"(?:时|中|后|期间|之际)?(?:还|也|又|并)?")
# A rite named by its kind alone (主持仪式, 出席典礼, 参加签字仪式): whichever rite is told of, a
# signing's too, and no better name of it.
# The kind of a rite a name ends with (项目签约仪式: 签约仪式), as a meeting held with it names it
# (某推介会暨项目签约仪式).
_RITE_KIND = re.compile(r"[^\s]{0,2}(?:仪式|典礼)$")
# A gathering named as the one told of (这场…典礼, 本次大会), and an award given at a gathering
# (颁奖, 颁奖典礼, 颁发奖章) with no name of its own.
_THIS_ONE = re.compile(r"(?:在)?(?:这场|这次|本次|此次|本届|这个)")
_AWARD = re.compile(
    r"^(?:在)?(?:[^，,。；;]{0,30}?的)?(?:颁奖(?:典礼|仪式|活动)?|颁发了?[^，,。；;]{0,10}?(?:奖章|勋章))$"
)
_BARE_RITE = re.compile(r"^(?:签字|签约)?(?:仪式|典礼)$")
# The name of a rite of its own (…仪式, …典礼), not what is handed over (任命书).
_RITE = re.compile(r"(?:仪式|典礼|[幕工]式)$")
# A gathering that opens or closes, told as a clause of its own (某文化旅游节开幕, 某博览会在某市
# 开幕, 某运动会闭幕): the rite of that name (its 开幕式 / 闭幕式) is told of next.
_OPENS = re.compile(
    r"(?P<name>(?:(?!在|宣布|出席|参加|主持)[^，,；;。！？!?：:\s]){2,30}?)(?:在[^，,；;。！？!?：:]{1,20}?)?"
    r"(?:隆重|正式|成功|顺利|胜利)?(?P<rite>开幕|闭幕)"
)
# What is handed over in a rite is named with the verb (颁发任命书), its particle left out.
_HANDS_OVER = re.compile(r"(颁发|颁授)了?")
# The light verb of a talk held (举行了成果丰硕的会谈), up to the cue.
_HELD = re.compile(r"(举行|进行)了?[^，,；;。]{0,12}$")
# The means talks are held by (举行视频会晤, 视频会见, 通过视频连线会见): part of their name.
_MEDIUM = re.compile(r"(?:通过|以)?(?:视频连线|视频|电话|远程|线上)(?:方式)?$")
# Where a reception is held, said right before its cue (在人民大会堂会见, 在某宾馆亲切会见);
# 在人民大会堂同乙举行会谈; not whose company it is held in (在乙陪同下会见).
_FRAME_WORD = re.compile(r"(?:期间|之际|时|前|后|中|上)(?:分别|先后|集体|亲切|共同|一起|再次|又|还)*$")
_RECEIVED_AT = re.compile(
    r"在(?P<place>[^，,；;。在同与]{1,20}?)(?:(?<![陪共一协会赞认随])(?:同|与|和)[^，,；;。]{1,40}?(?:举行|进行)?了?)?"
    r"(?:分别|先后|集体|亲切|共同|一起|再次|又|还|视频)*$"
)
# A sentence's opening clause of a day and a place only (6月8日在北京，; 当地时间8日上午在某地，;
# 日前在北京，).
_OPENS_AT = re.compile(
    r"\s*(?:当地时间|北京时间)?(?:[0-9一二三四五六七八九十〇年月日号]|[上下中晚早]午?|晚上|当天|同日|日前|近日)*"
    r"\s*在(?P<place>[^，,；;。在同与]{1,20}?)\s*[，,]\s*"
)
# A pronoun for one person (任命他为…), not 他们; read where the words that only look like
# one are blanked out (names.without_lookalikes: 其他, 他人, 大沁他拉镇).
_HIM = re.compile(r"[他她](?!们)")
# A pronoun that stands for whom the words are addressed to.
_YOU = re.compile(r"[你您]们?")
# A tribute paid (敬献花圈) on a visit is part of the visit; a disaster is not.
_TRIBUTE = re.compile(r"献")
# Something shown, looked at before or after a gathering (开工仪式前，市县领导观看了项目展板;
# 会后，与会人员参观了…展览): a happening of the gathering's day, of its own; not after a visit
# (调研活动结束后，…: what the visitor is shown is part of the visit).
_VIEWING = re.compile(r"(?:观看|参观)(?!考察|调研)")
_GATHERING_FRAME = re.compile(
    r"\s*(?![^，,；;。]*(?:调研|考察|视察|检查|督导|走访))"
    r"(?:会前|会后|会议结束后|[^，,；;。！？!?]{1,20}?(?:仪式|典礼|开幕式|活动|大会|会议)(?:前|后|结束后))[，,\s]"
)
# What may stand between the comma after a frame and who opens the clause: his titles, no verb
# done to another nor a possessive (在慰问甲时，张主任了解了甲的生活: 甲 is whom the call is on).
_SUBJECT_GAP = re.compile(r"[，,]\s*[^，,。；;：:！!？?了的对向把给为]{0,20}")
_OF_WHOM = re.compile(r"\s*的")
# The verbs of a call on people (ANNOTATION.md's 走访, 慰问, and 看望, 探望)
_CALL = re.compile(r"走访|看望|慰问|探望")
# An activity named in a headline (某区委开展新春慰问活动): its name follows the light verb.
_CAMPAIGN = re.compile(r"(?:开展|举行|举办|组织|启动)了?((?:(?!开展|举行|举办|组织).)+活动)$")
# What joins two names of a list (甲、乙; 甲和乙), with the titles of the second (甲、副主任乙).
_LISTED = re.compile(r"[、和及与][^，,；;。！？!?：:\s、]{0,8}")
# Nominees named by their post to be (拟任副区长人选甲、乙), as an item of a list.
_NOMINEES = re.compile(r"拟任[^，,；;。！？!?：:]{0,30}?人选")
# Hosts who receive together (甲和乙共同会见…): no one of them is the other's guest.
_TOGETHER = re.compile(r"共同|一起|一同|联合")
_TOGETHER_TO = re.compile(r"(?:同志)?(?:共同|一起|一同|联合)?")
# The two sides of a reception: one who is received is not its host, nor the other way round.
_SIDES = {"host": "guest", "guest": "host"}
# A call paid (甲拜会乙, 甲拜访乙): the visitor is the subject, whom he calls on receives him.
_CALLS_ON = re.compile(r"拜会|拜访")
# An organ of government called on, one of a list (国家卫生健康委、应急管理部和工业和信息化部): a
# name that ends as an organ's does; 工业和信息化部 is one, as 工业 is none. Not a village's or a
# community's committee (村委, 居委会), a party branch, a firm, a bank, a school or a hospital.
_ORGAN_CALLED = re.compile(
    r"[^、，,；;。！？!?：:\s]{1,20}(?:(?<![支乐])部|(?<![村居])委|(?<!村民|居民)委员会|局|厅|办|署"
    r"|国务院|法院|检察院|政府|政协|人大常委会)"
)
_ORGANS_JOIN = re.compile(r"和|及|以及|与")
_LIST_ITEM = re.compile(r"[^、]+")
# What makes a reception cue a time frame (在会谈中, 会见时, 会谈结束后).
# The frame word is followed by a pause or by what is said in it, so 会见中信某公司… is no frame.
_FRAME = re.compile(r"(?:中|时|期间|之际|前|后|结束后?|上)(?=\s*[，,]|\s*(?:说|表示|指出|强调|谈到|介绍))")
# What brought a guest, said before the guest's country and titles (会见来华出席某峰会的某国
# 总统乙, 会见应邀访华的乙): no part of the reception's name.
_GUEST_CAME = re.compile(r"(?:来华|来京|访华|应邀|前来|专程|出席|参加)[^，,；;。！？!?：:]*的")
# A reception cue with nothing received or held with (参加了会见).
_BARE_CUE = re.compile(r"^(?:会见|接见|会晤|会谈)(?:时在座|时在场)?$")
# The rites of an appointment: its oath, its commission.
_OF_APPOINTMENT = re.compile(r"宣誓|任命书")
# What follows 任 after 同志 when no post is taken (甲同志任劳任怨, 任职期间, 任务繁重), in role cues
# as in persons' titles (names.NO_POST_AFTER_REN) and event_cues.tsv's notice of appointments.
_NO_POST_TAKEN = re.compile(f"[{NO_POST_AFTER_REN}]")
# 任命 that qualifies a noun (任命书, 被任命的人员, 新任命人员, 任命名单): no one is appointed by it.
_APPOINTED_NOUN = re.compile(r"任命(?:书|的|人员|干部|同志|名单)")
# A paper an appointment cue names (任命文件, 任免决定, 任职通知), or a list of posts a sitting
# deliberates (副秘书长任命名单(草案), 任命名单草案的说明), which appoints no one named.
_PAPER = re.compile(r"\s*(?:文件|决定|通知|命令|名单)")
# How well a name names an appointment: the sitting's item, as the text calls it (有关人事任免事项,
# 人事任免, 人事免职和任职事项), names all it does; an act (任命甲为…) one of them; a resignation
# accepted (辞去…职务的请求), a statement on the items (关于人事任免事项的说明) or a nominee's
# words (拟任人选作任前发言) only what goes with them.
_APPOINTMENT_ITEM = re.compile(
    r"(?:有关|相关|系列)?人事(?:任免|免职(?:和|及|与|、)任职|任职(?:和|及|与|、)免职)?(?:事项|决议|议案)?"
)
_OTHER_ITEMS = re.compile(r"其他|其它|还|另")
_APPOINTING = re.compile(r"(?:决定)?(?:任命|免去|免除|补选|选举|当选|提名)")
# A named sitting right before an appointment cue (…第三次会议任命了).
_SITTING = re.compile(r"(?:^|的)(?P<name>[^，,；;。的]{4,40}(?:会议|全会|大会))(?:还|又|也)?(?:决定)?$")


@dataclass
class _Draft:
    """An event being assembled from its cues."""

    type: str
    name: str
    sentence: int
    evidence: Span
    date: str | None
    place: str | None = None
    generic: bool = False
    leaders: frozenset[str] = frozenset()
    guests: frozenset[str] = frozenset()  # named right after a reception's cue (会见乙)
    sitting: str | None = None  # the sitting an appointment is made by (…第四次会议选举…)
    roles: list[Participation] = field(default_factory=list)
    implements: list[str] = field(default_factory=list)
    closed: bool = False  # its host and guest, or its lead, are known (分别会见, 分别带队)
    called: bool = False  # a call on an organ of a list, its host not yet named (先后拜会某部、某委)
    # The calls of the list (先后拜会某部、某委) this one is of, in order, and the organ it is on.
    round: list[_Draft] | None = None
    organ: str = ""
    until: str | None = None  # the last day of a happening dated by a range
    past: bool = False  # a happening of a year long past (2010年，…)
    said: tuple[int | None, int] | None = None  # (month, day) written but not resolved (no clock)
    calls: bool = False  # a call on people told as a frame (在走访…时): its own unless one was told
    in_words: bool = False  # told of in reported words (甲指出，乙主持…会议)
    # One happening a day of a list the text counts (3日和8日两次召开…): (date, as written).
    repeats: tuple[tuple[str | None, str], ...] = ()
    # The meetings listed after its own name by the same verb (主持召开甲会议和乙会议): one each,
    # with the same day and roles.
    listed: tuple[str, ...] = ()
    # Held before the meeting told of (会前，…召开见面会), which the story goes back to.
    aside: bool = False
    # Undated, in a sentence that goes on with a day told of (会后，…; 当天，…) before the body
    # gave any: the day the headline alone gives (6月8日某市召开常务会议) is its day too.
    follows: bool = False
    # A gathering told right after an undated visit (甲到某镇调研。甲主持召开座谈会): the visit,
    # whose day, if the headline alone gives it a day (6月8日，甲到某镇调研), is this one's too.
    after_visit: _Draft | None = None
    # The item of a roundup it is told in (_items): no later item tells more of it.
    item: int = 0


@lru_cache(maxsize=1)
def _event_cues() -> tuple[tuple[str, re.Pattern, tuple[re.Pattern, ...]], ...]:
    """The rows of ``event_cues.tsv``: type, compiled pattern, the words a clause needs (one
    pattern for each group of words, one word of each group needed)."""
    meet = alternation(load_words("meeting_heads.tsv"))
    inspect = alternation(load_words("inspection_verbs.tsv"))
    # 人民大会堂, 会议室, 会议中心, 会议大厦: places, not meetings; 视频会晤, 视频会见: receptions;
    # 会展, 会员, 会计: other words (举办活动扩大会展影响). 论坛开幕式: the opening, a ceremony.
    # 常委会 is a meeting where it is held (主持召开市委常委会, 在市委常委会上) and a body where
    # anything else follows (人大常委会主任, 常委会第五次会议, 常委会扩大会议, 常委会组织的…).
    standing = "(?:(?<!常委会)|(?=[上后前中时，,。；;、和及与并（(]|$))"
    # 县委常委（扩大）会: a sitting enlarged, said in brackets before its 会.
    building = "(?![堂室厅场所议晤谈见展员计]|中心|大厦|大楼)"
    meet = f"(?:{meet}|[（(]扩大[）)]会){building}(?!(?<=论坛)开幕式){standing}"
    # An inspection verb that heads a noun (巡察通告, 检查组; 慰问品, 慰问金: what a call brings)
    # or is a participle (被巡察村) reports no inspection.
    heads_noun = (
        "通告|公告|报告|组|办|室|员|结果|反馈|整改|意见|重要|讲话|时的|的|精神|等|品|金|信|电|款|物资"
    )
    inspect_verb = f"(?<!被)(?:{inspect})(?!{heads_noun})"
    cues = []
    for kind, pattern, needs in load_table("event_cues.tsv"):
        pattern = pattern.replace("{MEET}", meet).replace("{INSPECT}", inspect_verb)
        needs = needs.replace("{INSPECT}", "|".join(load_words("inspection_verbs.tsv")))
        groups = tuple(_words_pattern(group.split("|")) for group in needs.split("&"))
        pattern = pattern.replace("{GAP}", _GAP_CHAR).replace("{C}", _CHAR)
        cues.append((kind, re.compile(pattern), groups))
    return tuple(cues)


@lru_cache(maxsize=1)
def _listed_meeting() -> re.Pattern:
    """A meeting listed after the one a verb names (主持召开甲会议和乙会议, 出席甲会议、乙会议),
    the list running to the clause's end or 并 (:data:`_LIST_ENDS`): another meeting the same
    verb tells of, not what the first is about (甲会议和乙会议精神) nor a list of topics."""
    meet = alternation(load_words("meeting_heads.tsv"))
    topic = "传达|学习贯彻|研究|审议|听取|讨论|部署|贯彻|落实|精神|通过|上|期间"
    return re.compile(
        rf"\s*(?:和|及|以及|、)\s*(?P<name>(?:(?!{topic}|和|及|、){_CHAR}){{0,40}}?(?:{meet}))"
        r"(?=\s*(?:并|和|及|、|$))"
    )


# Where a list of meetings ends: the clause's end, or 并 (…会议并讲话).
_LIST_ENDS = re.compile(r"\s*(?:并|$)")


@lru_cache(maxsize=1)
def _role_cues() -> tuple[re.Pattern, dict[str, list[tuple[str, str]]]]:
    roles: dict[str, list[tuple[str, str]]] = {}
    for cue, role, where in load_table("role_cues.tsv"):
        roles.setdefault(cue, []).append((role, where))
    pattern = re.compile(alternation(roles))
    return pattern, roles


@lru_cache(maxsize=1)
def _meeting_heads() -> frozenset[str]:
    return load_words("meeting_heads.tsv")


@lru_cache(maxsize=1)
def _cue_needs() -> tuple[re.Pattern, dict[str, int], tuple[int, ...]]:
    """The needs of :func:`_event_cues` as bits, so that a clause is read once for all rows.

    Each group of words has a bit, each row the bits of its groups, each word the bits of
    the groups that hold it or a word it starts with (召开的 holds 召开). One scan takes the
    longest word at each offset: a clause holds the groups of the words it found, and a row
    is tried only where the clause holds all of its groups (as searching each group would
    say, once a group, about 25 searches a clause).
    """
    inspect = "|".join(load_words("inspection_verbs.tsv"))
    bits: dict[frozenset[str], int] = {}
    rows = []
    for _, _, needs in load_table("event_cues.tsv"):
        row = 0
        for group in needs.replace("{INSPECT}", inspect).split("&"):
            row |= bits.setdefault(frozenset(group.split("|")), 1 << len(bits))
        rows.append(row)
    words = {word for group in bits for word in group}
    held = {word: sum(bit for group, bit in bits.items() if word.startswith(tuple(group))) for word in words}
    # the characters a word starts with, first: a cheap test at each offset
    starts = re.escape("".join(sorted({word[0] for word in words})))
    return re.compile(f"(?=[{starts}])(?=({alternation(words)}))"), held, tuple(rows)


def _needs_held(words: str) -> int:
    """The bits of the groups of needed words (:func:`_cue_needs`) that ``words`` holds."""
    scan, bits, _ = _cue_needs()
    held = 0
    for match in scan.finditer(words):
        held |= bits[match.group(1)]
    return held


@lru_cache(maxsize=4096)  # clauses hold few sets of the needed words
def _cues_held(held: int) -> tuple[tuple[str, re.Pattern], ...]:
    """The rows of :func:`_event_cues` (type, pattern), in order, whose needed words a clause
    with the groups ``held`` (:func:`_needs_held`) holds: the only rows that may match it."""
    rows = zip(_event_cues(), _cue_needs()[2], strict=True)
    return tuple((kind, pattern) for (kind, pattern, _), needs in rows if held & needs == needs)


@lru_cache(maxsize=1)
def _hint() -> re.Pattern:
    """Words without one of which a clause cannot match any event cue (a cheap first test)."""
    return _words_pattern([needs[0].pattern for _, _, needs in _event_cues()], escape=False)


def _words_pattern(words, escape: bool = True) -> re.Pattern:
    words = map(re.escape, words) if escape else words
    return re.compile("|".join(sorted(set(words), key=len, reverse=True)))


@lru_cache(maxsize=1)
def _lead_after() -> re.Pattern:
    """What follows a person who goes somewhere to inspect: 一行先后来到, 深入, 检查; not one
    who receives the visitors (乙接待了考察团一行, 乙热情欢迎来某市考察的客人)."""
    inspect = alternation(load_words("inspection_verbs.tsv"))
    return re.compile(
        r"(?![家的对向])(?:同志)?(?:一行)?"
        r"(?:(?!陪同|参加|出席|一同|随同|接待|迎接|欢迎)(?:会同|[^，,；;。！？!?：:\s会])){0,12}?"
        r"(?:先后|亲自|专程|再次)?"
        rf"(?:到(?!会)|赴|深入|来到|前往|走进|莅临|抵达|到达|{inspect})"
    )


@lru_cache(maxsize=1)
def _other_act() -> re.Pattern:
    """What a visitor may go somewhere for besides a call: a meeting, a rite, an inspection."""
    acts = ["召开", "主持", "出席", "参加", "举行", "举办", "会见", "接见", "座谈", "签约", "签署"]
    return _words_pattern([*acts, *load_words("inspection_verbs.tsv")])


# What is studied, relayed or carried out right before a person named with his words, his
# titles between them (学习贯彻甲…讲话精神, 传达县委书记甲在…时的讲话, 宣读县长甲的批示).
_STUDIED = re.compile(
    r"(?:学习|贯彻|落实|传达|领会|践行|按照|遵照|根据|宣读)(?:贯彻|落实|传达|领会|学习)?"
    + _TITLES_ONLY.pattern
    + "$"
)
_WORDS_CITED = re.compile(r"[^，,；;。]{0,30}?(?:讲话|指示|批示|论述|要求|精神|思想)")
# A person named with what he said about something (甲关于督查工作的重要指示, 统一到甲关于…的
# 讲话精神上来): what is cited, not a doer.
_ABOUT_WHAT = re.compile(r"[^，,；;。关]{0,6}关于")


def _cited(text: str, clause: re.Match, mention) -> bool:
    """Whether a person is named, in this clause, with what he said about something.

    >>> text = "学习贯彻甲同志关于督查工作的重要指示"
    >>> _cited(text, re.match(".+", text), _Mention(4, 5, "甲"))
    True
    >>> text = "传达县委书记甲在听取巡察工作汇报时的讲话"
    >>> _cited(text, re.match(".+", text), _Mention(6, 7, "甲"))
    True
    """
    if _ABOUT_WHAT.match(text, mention.end, clause.end()):
        return True
    if _SPEECH_OF.match(text, mention.end, clause.end()):
        # 围绕甲调研某区讲话精神作交流发言: the one whose speech is studied goes nowhere now.
        return True
    # 学习贯彻甲总书记来某省考察重要讲话精神: whose words are carried out, not who goes;
    # 传达县委书记甲在听取巡察工作汇报时的讲话: whose speech is relayed, not who inspects.
    return _STUDIED.search(text, clause.start(), mention.start) is not None and bool(
        _WORDS_CITED.match(text, mention.end, clause.end())
    )


def _group_opens(text: str, clause: re.Match, inside: list) -> bool:
    """Whether a clause opens with a group as its subject, no person named before it nor as its
    head (督导组组长甲: 甲 is the subject).

    >>> text = "督导组对某县工作给予肯定"
    >>> _group_opens(text, re.match(".+", text), [])
    True
    >>> text = "督导组组长甲对某县工作给予肯定"
    >>> _group_opens(text, re.match(".+", text), [_Mention(5, 6, "甲")])
    False
    """
    if _GROUP_HINT.search(text, clause.start(), clause.end()) is None:
        return False  # most clauses: no word a group's name needs (a quick test before a slow pattern)
    group = _GROUP_OPENS.match(text, clause.start(), clause.end())
    if group is None or any(m.start < group.end() for m in inside):
        return False
    return not inside or not _TITLES_ONLY.fullmatch(text, group.end(), inside[0].start)


def _receives_visitor(text: str, start: int, end: int) -> bool:
    """Whether who stands at ``start`` receives a visitor named by his visit (会见了来某市考察的乙,
    在门口迎接来调研的乙).

    >>> _receives_visitor("甲在宾馆会见了来某市考察的乙", 1, 14), _receives_visitor("甲到某市考察", 1, 6)
    (True, False)
    >>> _receives_visitor("甲在门口迎接来调研的乙", 1, 11), _receives_visitor("甲到接待中心调研", 1, 8)
    (True, False)
    """
    verb = event_names.inspect_verb(text, start, end)
    return verb is not None and _MEETS_VISITORS.search(text, start, verb) is not None


def _inspection_cue(text: str, start: int, end: int) -> int | None:
    """Where an inspection cue starts in ``text[start:end]``, if there is one."""
    for kind, pattern in _cues_held(_needs_held(text[start:end])):
        if kind.startswith("inspection"):
            match = pattern.search(text, start, end)
            if match and not _one_organ_called(text, kind, match.group(), match.start(), end):
                return match.start()
    return None


def _one_organ_called(text: str, kind: str, cue: str, at: int, end: int) -> bool:
    """Whether the cue of one call (甲拜会某部, the row of kind ``inspection!``), at ``at``, is
    paid on one organ of government: no one who receives it is named, and it is no visit."""
    return (
        kind == "inspection!" and _CALLS_ON.match(cue) is not None and bool(_organs_called(text, at + 2, end))
    )


def _event_clauses(text: str) -> Iterator[re.Match]:
    """The clauses of a sentence as events are read: a visit and what it goes on to
    (到某部调研并主持召开座谈会) are two.

    >>> [c.group() for c in _event_clauses("甲到某部调研并主持召开座谈会，听取汇报")]
    ['甲到某部调研', '主持召开座谈会', '听取汇报']
    """
    for clause in _CLAUSE.finditer(text):
        joint = _AND_DOES.search(text, clause.start(), clause.end())
        if joint and _inspection_cue(text, clause.start(), joint.start()) is not None:
            yield _WHOLE.match(text, clause.start(), joint.start())
            yield _WHOLE.match(text, joint.end(), clause.end())
        else:
            yield clause


def _spoken_to(text: str, before: list[_Mention]) -> int:
    """Where the persons a speaker addresses begin among those named before a speech cue, 0
    if none: 乙 of 甲向乙介绍了…, 甲对乙一行表示欢迎 (someone named before them speaks).

    >>> text = "甲向乙、丙介绍了情况"
    >>> _spoken_to(text, [_Mention(0, 1, "甲"), _Mention(2, 3, "乙"), _Mention(4, 5, "丙")])
    1
    """
    for i, (m, after) in enumerate(pairwise(before), 1):
        if _SPOKEN_TO.search(text, m.end, after.start):
            return i
    return 0


# A person named after 代表 right after another (甲代表省委、省政府和乙书记向…致以慰问, 甲代表
# 乙发言): on whose behalf the first acts. The gap holds no pause, nor 向 / 对 / 给 / 为 (to whom).
_ON_BEHALF_OF = re.compile(r"\s*(?:特别|专门|专程)?代表[^，,；;。！？!?：:向对给为]{0,16}?")


def _without_principals(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """``mentions`` without the persons on whose behalf the one named before them acts.

    They take no part in what the sentence tells of: 甲代表市委和乙书记向大家致以问候 is 甲's
    greeting, not 乙's visit. 市人大代表乙 is a title (no person right before 代表).

    >>> text = "甲代表党中央和乙总书记向大家致以慰问"
    >>> [m.key for m in _without_principals(text, [_Mention(0, 1, "甲"), _Mention(7, 8, "乙")])]
    ['甲']
    >>> text = "甲与市人大代表乙座谈"
    >>> [m.key for m in _without_principals(text, [_Mention(0, 1, "甲"), _Mention(7, 8, "乙")])]
    ['甲', '乙']
    """
    kept: list[_Mention] = []
    for m in mentions:
        if kept and _ON_BEHALF_OF.fullmatch(text, kept[-1].end, m.start):
            continue
        kept.append(m)
    return kept


def _inside_title(text: str, at: int) -> bool:
    """Whether ``text[at]`` stands inside 《…》.

    >>> _inside_title("审议《关于召开大会的决定》", 5), _inside_title("召开大会", 2)
    (True, False)
    """
    return text.count("《", 0, at) > text.count("》", 0, at)


def _loosely_same(a: str, b: str) -> bool:
    if a in b or b in a:
        return True
    shared = sum(min(a.count(c), b.count(c)) for c in set(a))
    return shared / max(len(a), len(b)) >= 0.8


def _call_on_the_same(a: str, b: str) -> bool:
    """Whether two visits are calls on the same people (甲到驻地看望检查组; 乙看望检查组): one
    happening, whoever of the hosts pays it.

    >>> _call_on_the_same("到驻地看望检查组", "看望了检查组"), _call_on_the_same("看望检查组", "看望老党员")
    (True, False)
    """
    calls = _CALL.search(a), _CALL.search(b)
    if not all(calls):
        return False
    whom = [name[call.end() :].removeprefix("了") for name, call in zip((a, b), calls, strict=True)]
    return bool(whom[0] and whom[1]) and (whom[0] in whom[1] or whom[1] in whom[0])


# Who went along with a named visitor, as the clause (or clauses, 在甲，乙的陪同下) between him
# and a call (甲在乙的陪同下，看望…; 甲在乙、丙等陪同下，走访…).
_ACCOMPANIED = re.compile(_DOER_TO_VISIT.pattern + r"在[^；;。！？!?：:“”]{1,80}?陪同下\s*[，,]\s*")


def _accompanied_before(text: str, start: int, named: int, mentions: list[_Mention]) -> tuple[str, ...]:
    """The named visitor a call opening the clause at ``start`` (its name at ``named``) follows,
    with who went along with him between (甲在乙的陪同下，看望慰问…: 甲, who leads it); none else.

    >>> named = [_Mention(0, 1, "甲"), _Mention(2, 3, "乙")]
    >>> _accompanied_before("甲在乙的陪同下，看望慰问干警", 8, 8, named)
    ('甲',)
    >>> _accompanied_before("会议在乙的陪同下，看望慰问干警", 9, 9, [_Mention(3, 4, "乙")])
    ()
    """
    if not _AND_THEN.fullmatch(text, start, named):
        return ()
    return tuple(m.key for m in mentions if m.end < start and _ACCOMPANIED.fullmatch(text, m.end, start))


@dataclass(frozen=True)
class _Mention:
    start: int  # view offsets within the sentence
    end: int
    key: str


def _sentence_mentions(sentence: Sentence, v: View, spans: list[tuple[int, int, str]]) -> list[_Mention]:
    """The person mentions inside a sentence, in view offsets."""
    base, stop = sentence.span.start, sentence.span.end
    first = bisect_left(spans, (base, -1, ""))
    found = []
    for start, end, key in spans[first:]:
        if start >= stop:
            break
        if end > stop:
            continue
        i = bisect_left(v.origin, start - base)
        j = bisect_left(v.origin, end - base)
        found.append(_Mention(i, j, key))
    return found


_GOES_ALONG = re.compile(r"(?:陪同|随同|一同)(?!下)")
# A clause that names a party only (局长甲、站长乙一行，到某镇…): who goes where the next says.
_PARTY_CLAUSE = re.compile(
    r"[^，,；;。！？!?：:]*(?:一行|同志一行|等[^，,；;。！？!?：:]{0,12}?(?:领导|负责同志))\s*[，,]\s*$"
)


# A clause that ends by saying its subject leads a party (甲、乙带队，先后拜会…).
_LED_CLAUSE = re.compile(r"[^，,；;。！？!?：:]*(?:带队|率队|率团)\s*[，,]\s*$")


def _led_before(text: str, start: int, mentions: list[_Mention]) -> frozenset[str]:
    """The names of the leaders of a party, told in the sentence before ``start`` when the clause
    just before it says they lead (省委书记、省人大常委会主任甲，省长乙带队，先后拜会…), or none.

    >>> party = [_Mention(4, 5, "甲"), _Mention(6, 7, "乙")]
    >>> sorted(_led_before("11日，甲、乙带队，先后拜会某部", 10, party))
    ['乙', '甲']
    >>> sorted(_led_before("11日，甲、乙到北京，先后拜会某部", 10, party))
    []
    """
    if _clause_before(text, start, _LED_CLAUSE) is None:
        return frozenset()
    return frozenset(m.key for m in _starting(mentions, 0, start))


def _organs_called(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the organs a call is paid on, listed from ``start`` (甲先后拜会了某部、某委和
    某局: 某部, 某委, 某局), if the whole rest of the clause is such a list; else none.

    >>> text = "先后拜会了国家卫生健康委、工业和信息化部、国务院国资委和教育部"
    >>> [text[s:e] for s, e in _organs_called(text, 4, len(text))]
    ['国家卫生健康委', '工业和信息化部', '国务院国资委', '教育部']
    >>> _organs_called("先后拜会了某公司董事长张三", 4, 13)
    []
    >>> _organs_called("先后拜访了某村村委、某社区居委会", 4, 16)
    []
    """
    at = start + text.startswith("了", start)
    spans: list[tuple[int, int]] = []
    for item in _LIST_ITEM.finditer(text, at, end):
        if not _ORGAN_CALLED.fullmatch(item.group()):
            return []
        # 省交通运输厅和省水利厅: two organs joined; 工业和信息化部: one (工业 is none)
        joined = next(
            (
                j
                for j in _ORGANS_JOIN.finditer(item.group())
                if _ORGAN_CALLED.fullmatch(item.group(), 0, j.start())
                and _ORGAN_CALLED.fullmatch(item.group(), j.end())
            ),
            None,
        )
        if joined:
            spans += [
                (item.start(), item.start() + joined.start()),
                (item.start() + joined.end(), item.end()),
            ]
        else:
            spans.append(item.span())
    return spans


def _listed_before(text: str, start: int, mentions: list[_Mention]) -> tuple[str, ...]:
    """The names listed in the clauses right before ``start``, each clause a titled name and no
    more (县委书记甲，县委副书记、县长乙分别带队…: 甲), in the order written.

    >>> party = [_Mention(9, 10, "甲"), _Mention(19, 20, "乙")]
    >>> _listed_before("6月9日，县委书记甲，县委副书记、县长乙分别带队检查", 11, party)
    ('甲',)
    >>> _listed_before("6月9日，受县委书记甲委托，县长乙分别带队检查", 14, [_Mention(10, 11, "甲")])
    ()
    """
    keys: tuple[str, ...] = ()
    end = start
    while end > 0 and text[end - 1] in "，,":
        opens = _clause_opens(text, end - 1)
        listed = _starting(mentions, opens, end - 1)
        if not listed or listed[-1].end != len(text[: end - 1].rstrip()):
            break
        keys = (*(m.key for m in listed), *keys)
        end = opens
    return keys


def _goers_before(text: str, start: int, mentions: list[_Mention]) -> frozenset[str]:
    """The names of who went somewhere in the clause just before ``start``, the clause at
    ``start`` going on with what they did there (甲、乙来到某村，看望…), or none.

    >>> sorted(_goers_before("甲、乙来到某村，看望困难群众", 8, [_Mention(0, 1, "甲"), _Mention(2, 3, "乙")]))
    ['乙', '甲']
    >>> sorted(_goers_before("甲来到某村召开会议，看望困难群众", 10, [_Mention(0, 1, "甲")]))
    []
    """
    for listed, m, went in _goings_before(text, start, mentions):
        if _other_act().search(went.group("place")) is None:
            return frozenset(n.key for n in listed if n.end <= m.end)
    return frozenset()


def _goings_before(
    text: str, start: int, mentions: list[_Mention]
) -> Iterator[tuple[list[_Mention], _Mention, re.Match]]:
    """Each named visitor of the clause just before ``start`` who went somewhere, the rest of that
    clause running to ``start`` (:data:`_WENT_TO`): the clause's names, the visitor, the going.
    A going with no name of its own goes on from a party named in the clauses before it (甲，乙等
    县领导，先后深入某医院、某公司，看望…): those names, the last the visitor.

    >>> party = [_Mention(4, 5, "甲"), _Mention(8, 9, "乙")]
    >>> text = "县委书记甲，县长乙等县领导，先后深入某医院，看望职工"
    >>> listed, _, went = next(_goings_before(text, 22, party))
    >>> [m.key for m in listed], went["place"]
    (['甲', '乙'], '某医院')
    """
    opens = _clause_opens(text, start - 1)
    listed = _within(mentions, opens, start)
    for m in listed:
        if went := _WENT_TO.fullmatch(text, m.end, start):
            yield listed, m, went
    if not listed and (went := _WENT_TO.fullmatch(text, opens, start)):
        party = _party_named_before(text, opens, mentions)
        if party:
            yield party, party[-1], went


# A clause that names a party and no more: a name last, maybe closing the list (…等县四大班子领导,
# …一行).
_PARTY_NAMED = re.compile(r"(?:同志)?(?:等[^，,；;。！？!?：:\s]{0,16}?)?(?:一行)?\s*[，,]\s*")


def _party_named_before(text: str, end: int, mentions: list[_Mention]) -> list[_Mention]:
    """The names of the clauses that run to ``end`` naming a party and no more (县委书记甲，县长乙等
    县领导，), back to the first clause that does something else (近日，)."""
    party: list[_Mention] = []
    while end > 0:
        begin = _clause_opens(text, end - 1)
        inside = _within(mentions, begin, end)
        if not inside or not _PARTY_NAMED.fullmatch(text, inside[-1].end, end):
            break
        party = inside + party
        end = begin
    return party


def _clause_opens(text: str, end: int) -> int:
    """Where the clause that runs to ``end`` opens: after the last clause mark before ``end``."""
    return max(text.rfind(mark, 0, end) for mark in "，,；;。！？!?：:") + 1


def _party_before(text: str, start: int, mentions: list[_Mention]) -> frozenset[str]:
    """The names of a party named in the clause just before ``start`` (甲一行，到某镇…), or none.

    >>> party = [_Mention(3, 4, "甲"), _Mention(5, 6, "乙")]
    >>> sorted(_party_before("6日，甲、乙一行，到某镇推进工作", 9, party))
    ['乙', '甲']
    """
    opening = _clause_before(text, start, _PARTY_CLAUSE)
    if opening is None:
        return frozenset()
    return frozenset(m.key for m in _starting(mentions, opening, start))


def _clause_before(text: str, start: int, pattern: re.Pattern) -> int | None:
    """Where the clause just before ``start`` opens, if ``pattern`` matches it whole."""
    opening = _clause_opens(text, start - 1)
    return opening if pattern.fullmatch(text, opening, start) else None


def _starting(mentions: list[_Mention], lo: int, hi: int) -> list[_Mention]:
    """The mentions that start in ``[lo, hi)``, in order: a slice, since a sentence's are in order of
    their start (:func:`_sentence_mentions`). A pass over all of them for each clause or cue was
    quadratic in a long sentence (8,000 clauses of 县委书记甲会见乙: 38 s)."""
    start = attrgetter("start")
    return mentions[bisect_left(mentions, lo, key=start) : bisect_left(mentions, hi, key=start)]


def _within(mentions: list[_Mention], lo: int, hi: int) -> list[_Mention]:
    """The mentions inside ``[lo, hi)``: starting at ``lo`` or after, ending by ``hi``."""
    return [m for m in _starting(mentions, lo, hi + 1) if m.end <= hi]


class _Reader:
    """Reads one release's sentences in order, keeping what the text is telling of."""

    def __init__(self, release: Release, persons: tuple[Person, ...]) -> None:
        self.release = release
        self.clock = release_clock(release)
        # Without a clock, the one year the release states completes 8月14日.
        self.year = None if self.clock else stated_year(release.text)
        # 2007年5月政府大事记: the month of the bare days of its items (6日，…).
        self.month = stated_month(release.title or "", self.clock)
        self.spans = sorted((m.start, m.end, p.key) for p in persons for m in p.mentions)
        self.names = {p.key: p.name for p in persons}
        self.titles = {p.key: tuple(simplify(h.title) for h in p.holdings) for p in persons}
        self.drafts: list[_Draft] = []
        self.current: _Draft | None = None
        # Who last went along on a visit (乙陪同调研), and in which sentence: a clause with no
        # subject of its own does not go on with them past it, nor does 他, while they are the
        # subject the story goes on with (``after_companions``: no subject set since).
        self.companions: tuple[str, ...] = ()
        self.companions_at = -1
        self.last_subjects: tuple[str, ...] = ()
        # Who paid the call told of (甲带队拜会某部): the guests of the talks told of after it
        # (甲在会谈中说, …，与乙举行会谈), whoever they are held with hosts them.
        self.callers: tuple[str, ...] = ()
        # Who opened an earlier clause of the sentence being read (在某站，甲察看…，他指出: 甲).
        self.opener: str | None = None
        # Names of a list cut by a semicolon (甲，乙；丙、丁等会见时在座), and the sentence they
        # go on into: they do what the list's last clause says.
        self.carried: tuple[tuple[str, ...], int] = ((), -1)
        self.pending: list[Participation] = []
        # Where each pending participation and each event mention was read:
        # (sentence index, clause start in the view), so that a role goes to
        # the event the text is telling of at that point.
        self.positions: list[tuple[int, int]] = []
        # the gathering each pending participation's clause says it was told at (在座谈会上, 会上,
        # see :func:`_venue`), or None
        self.venues: list[str | None] = []
        self.venue_text = ""  # the sentence whose roles are being read, as viewed
        self.marks: list[tuple[tuple[int, int], _Draft]] = []
        self.where: tuple[int, int] = (0, 0)
        self.reading = Span(0, 0)  # the sentence being read
        self.last_date: str | None = None
        self.last_until: str | None = None  # the last day of a range that was the last date
        self.same_day: str | None = None  # the date a sentence that goes on takes
        self.goes_on = False  # the sentence goes on with a day told of, and the body gave none
        self.follows = False  # the event being told goes on so (_Draft.follows)
        self.during = False  # the sentence opens within a visit told of (调研期间，…)
        self.background = False  # the sentence told a rite or a signing as background
        self.part_of_day: tuple[int, str] | None = None  # 甲上午…: where, and its day
        self.written: list[Span] = []  # the spans of the dates written in the sentence read
        self.days_opened: dict[int, str] = {}  # the day a sentence opens with (1月8日上午，…), by its index
        # The item of a roundup each sentence is in, by its index (_items), and the one read.
        self.items: tuple[int, ...] = ()
        self.item = 0
        self.in_words = False  # the clause being read is reported words
        self.arrival: tuple[int, str] | None = None  # 6月8日，甲来到某县。: the sentence, its day
        # 5月9日，甲到某县考察。: the sentence, its day, the type of what was told of
        self.visit_day: tuple[int, str, str] | None = None
        # 甲到某镇考察。 with no day in its sentence: the sentence, its visit (_Draft.after_visit)
        self.undated_visit: tuple[int, _Draft] | None = None
        self.opened: tuple[int, str, str] | None = None  # 某节开幕: the sentence, name, 开幕 or 闭幕
        self.ranges_taken: set[Span] = set()  # ranges that dated an event of this sentence
        self.past = False  # the sentence tells of a year long past
        self.told_past = False  # it reported a happening of a year long past
        self.unresolved: list = []  # days written in the sentence that no clock resolves
        self.after_quote = False  # the sentence read follows a quotation alone (“…。”甲说)
        # 4月8日晚，某区组织学习了…。区委书记甲主持会议: the day (and last day of a range) a
        # sentence opened with before any event was told, no other date written since, and the
        # type of the happening it went on to tell with no one named (a visit, a gathering).
        self.day_before: tuple[str, str | None, str] | None = None

    # events -----------------------------------------------------------------

    def read_events(self, index: int, sentence: Sentence, v: View, mentions: list[_Mention]) -> None:
        text = v.text
        self.item = self.items[index] if index < len(self.items) else 0
        speech_from = _speech_from(text)
        # Dates that tell when (not bounds, not attributive): resolved, and days written that no
        # clock resolves (22日 in a release without a date), which still tell two happenings apart.
        dates: list = []
        self.unresolved = []
        anchor_range = self.last_until is not None
        # every date's span (what a date is read as does not move where it is written)
        self.written = written = []
        for d in find_dates(
            text,
            self.clock,
            year=self.year,
            month=self.month,
            anchor=self.last_date,
            anchor_range=anchor_range,
            subjects=frozenset(m.end for m in mentions),
        ):
            if any(m.start < d.span.end and d.span.start < m.end for m in mentions):
                continue  # 县长王小周一行: 周一 is part of a name, no day
            written.append(d.span)
            if not d.bound and not _attributive(text, d.span.start, d.span.end):
                (dates if d.iso else self.unresolved).append(d)
        dateline = _DATELINE.match(text)
        words_start = dateline.end() if dateline else 0  # where the sentence's own words start
        same_day = _same_day().match(text, words_start)
        if same_day is None:
            # 甲随即到某院与乙会晤: the doer named, then 随即 / 随后, goes on as a sentence that
            # opens with it does (随即，甲…).
            then = _THEN.match(text, words_start)
            if then and any(m.end == then.start("then") for m in mentions):
                same_day = _same_day().match(text, then.start("then"))
        self.same_day = None
        self.follows = False
        self.during = False
        self.background = False
        goes_on = True
        if same_day and (same_day.group(2) or same_day.group(3)):
            # 会议决定…: the day of the meeting told of; 会谈前…: of the talks; 会后 / 会前 /
            # 会上: of the last gathering told of, a meeting, a signing or a ceremony
            # (某项目签约仪式举行。会后，甲到某园区调研).
            kinds = ("reception",) if same_day.group(3) else ("meeting",)
            # (会议 and 大会 name a meeting only: 大会还举行了授旗仪式, of the meeting told of)
            kinds = (*kinds, *_GATHERINGS) if same_day.group(2) not in (None, "会议", "大会") else kinds
            self.same_day = self._last_day(kinds)
        elif same_day:
            # 当天 before any date is the day of the report.
            self.same_day = self.last_date or (self.clock if same_day.group(1) else None)
            if self.last_until:
                # 6月9日至11日，甲到某市调研。期间，…主持召开座谈会: some day of the range; and
                # so is 当天, 下午 or 随后 after it, which may be any of its days.
                self.same_day = None
        elif (during := _during_visit().match(text, words_start)) and self.drafts:
            # 6月5日，甲到某市调研。调研期间，甲会见了乙: the day of the happening told of last
            # (not of a date in between, 1948年7月1日，…成立), none after a range.
            last = self.drafts[-1]
            if during.group("act") in _TRIPS:
                # 6月8日，某国总理乙会见了来访的甲。访问期间，甲考察了某港口: a trip of days, whose
                # day is that of a visit told of, not of a reception in it.
                last = next((d for d in reversed(self.drafts) if d.type == "inspection"), None)
            self.same_day = None if last is None or last.until or last.past else last.date
            self.during = True
        elif _DURING_GATHERING.match(text, words_start) and self.drafts:
            # 6月8日，某论坛在某市开幕。论坛期间，甲会见了乙: the day of the gathering told of, when
            # it was told of one day (none after a range, 6月8日至10日，…).
            last = next((d for d in reversed(self.drafts) if d.type in ("meeting", *_GATHERINGS)), None)
            self.same_day = None if last is None or last.until or last.past else last.date
        elif _STAY.match(text, words_start) and self.drafts:
            # 6月5日，甲到某县调研。在某县期间，甲会见了乙: the day of a visit of one day.
            last = self.drafts[-1]
            visit = last.type == "inspection" and not (last.until or last.past)
            self.same_day = last.date if visit else None
        elif _AFTER_END.match(text, words_start) and self.drafts:
            last = self.drafts[-1]
            self.same_day = last.until or last.date
        else:
            goes_on = False
        self.goes_on = goes_on and self.same_day is None and not any(d.date for d in self.drafts)
        self.part_of_day = self._part_of_day(text, words_start, written)
        self.ranges_taken = set()
        self.past = self._tells_of_the_past(text)
        opening = _opening_date(text, words_start, dates)
        if opening is not None and opening.iso and not opening.until:
            self.days_opened[index] = opening.iso
        if (
            opening is not None
            and not opening.anchored
            and self.current is not None
            and self.current.type == "inspection"
            and self.current.date is None
            and not self.current.past
            and not self.past
            and self._recent(opening.iso)
            and (
                _ARRIVES.search(text, opening.span.end)
                or _inspection_cue(text, opening.span.end, len(text)) is not None
            )
        ):
            # 近日在某地调研。21日至23日，甲深入…，并主持召开座谈会: the days of the visit told
            # of, not of a meeting held some day within them; 16日，甲来到…: its first day. Only
            # a sentence that goes on with a visit: 近日，甲到某镇调研。3日，甲主持召开会议 tells
            # of a meeting on a day of its own.
            self.current.date, self.current.until = opening.iso, opening.until
            if opening.until:
                self.ranges_taken.add(opening.span)
        self.told_past = False
        before = len(self.drafts)
        current = self.current
        opens = None
        if "幕" in text:  # 开幕 / 闭幕: most sentences hold neither, and are not read clause by clause
            # (from where the sentence's own words start: 新华社某地9月9日电 某博览会9日在某地开幕)
            clauses = _CLAUSE.finditer(text)
            opens = next(
                (o for c in clauses if (o := _OPENS.fullmatch(text, max(c.start(), words_start), c.end()))),
                None,
            )
        # 某博览会9日在某市开幕: the day the gathering opens on, written after its name (no part of
        # it, nor is 近日 in 某博览会近日开幕)
        opened_on = None
        if opens:
            start, end = opens.span("name")
            opened_on = next((d for d in dates + self.unresolved if start < d.span.start < end), None)
            end = opened_on.span.start if opened_on else end
            vague = _NOT_THAT_DAY.search(text, start + 1, end)
            end = vague.start() if vague else end
            self.opened = (index, self._original(sentence, v, start, end), opens.group("rite"))
        cued = False  # a cue of the sentence tells of a happening (a new one or one told of)
        listing = _THOSE_WHO.search(text)
        for clause in _event_clauses(text):
            words = clause.group()
            if not _hint().search(words):
                continue
            self.in_words = clause.start() >= speech_from
            if (
                (_MODAL.search(words) and not self._announced(words, clause.end(), dates))
                or _WELCOME.search(words)
                or _MEANS.search(words)
                # a point of a speech or plan (二是…，深入推进…) runs to the end of its sentence
                or (_POINT.search(text, 0, clause.end()) and not self._point_done(text, clause, dates))
                or _WISH.search(text, 0, clause.end())
                or _HABIT.search(words)
                or _CAPTION.search(words)
            ):
                continue
            welcomed = _WELCOMED_TO.search(words) or _THANKED_FOR.search(words)
            if not welcomed and (invited := _INVITED_TO.search(words)):
                welcomed = None if _ACCEPTED.search(words, 0, invited.start()) else invited
            # cues share their words: the clause read once for all, and only the rows it may match tried
            for kind, pattern in _cues_held(_needs_held(words)):
                match = pattern.search(words)
                if match and welcomed and match.end() > welcomed.start():
                    match = None  # 欢迎甲来华出席…开幕式: what the guest is welcomed to come for
                asked = match and _ASKED.search(words, 0, match.start())
                if asked and not _FOLLOWED.search(words, 0, asked.start()):
                    match = None  # 甲要求各地召开会议: what others are asked to do
                if (
                    match
                    and listing
                    and self.current is not None
                    and listing.start() <= clause.start() + match.start() < listing.end()
                ):
                    match = None  # 参加会见的有甲: the reception told of, no other
                if match and _one_organ_called(
                    text, kind, match.group(), clause.start() + match.start(), clause.end()
                ):
                    match = None  # 甲拜会某部: one organ alone names no one who receives, no visit
                if match and _inside_title(text, clause.start() + match.start()):
                    # 《…关于召开…会议的决定》: a document's title reports nothing.
                    match = None
                receives = match and _RECEIVES.search(words, 0, match.start())
                if receives and kind.startswith("meeting"):
                    # 会见来华出席…峰会的某国总统: the meeting says who the guest is; the
                    # clause reports the reception.
                    match = None
                if (
                    match
                    and self.in_words
                    and not self._told_in_words(text, clause, clause.start() + match.start(), dates, mentions)
                ):
                    match = None
                if match:
                    cued = True
                    self._add(kind.rstrip("+"), match, clause, index, sentence, v, mentions, dates)
                    if kind == "meeting" and match.groupdict().get("name"):
                        self._list_meetings(words, match, clause, sentence, v)
                    if not kind.endswith("+"):
                        break
        before_it = same_day is not None and same_day.group(2) == "会前"
        asides = [d for d in self.drafts[before:] if d.type == "meeting"] if before_it else []
        if asides and current is not None and current.type == "meeting" and self.current is not current:
            # 会前，某组与某镇召开见面会: a meeting held before the one told of is an aside;
            # the story goes back to that meeting (会上，甲作动员讲话).
            for draft in asides:
                draft.aside = True
            self.marks.append(((index, len(text) + 1), current))
            self.current = current
        elif self.told_past and current is not None and self.current is not current:
            # The story goes on with what it told of before the years long past.
            self.marks.append(((index, len(text) + 1), current))
            self.current = current
        elif (
            len(self.drafts) == before
            and opening is not None
            and not opening.anchored
            and self.current is not None
            and self.current.date is None
            and self.current.item == self.item
            and not self.past
            and self._recent(opening.iso)
        ):
            # 28日上午，甲一到某市，即…: the day of the visit told of (not one that heads the
            # next item of a roundup: 甲到某地慰问…。\n3日\n乙…).
            self.current.date = opening.iso
        if self.drafts:
            self.day_before = None
        elif opening is not None and (told := self._day_before_told(text, opening)):
            self.day_before = (opening.iso, opening.until, told)
        elif any(d.span.start < speech_from for d in dates + self.unresolved):
            # another day told (not one in words said: 会议指出，明天起…): the day opened is no
            # longer the one told of
            self.day_before = None
        self.arrival = None
        if (
            len(self.drafts) == before
            and opening is not None
            and not opening.anchored
            and not opening.until
            and not self.past
            and self._recent(opening.iso)
        ):
            arrives = _ARRIVES.search(text, opening.span.end)
            who = arrives and (
                any(m.end <= arrives.start() for m in mentions) or _PARTY.search(text, 0, arrives.start())
            )
            if who:
                # 6月8日，甲一行来到某县。在某村，甲察看了…: the day of the visit the next
                # sentence tells of.
                self.arrival = (index, opening.iso)
        # 5月9日，甲到某县考察。: the day a sentence that names one gives its visit of one day;
        # 6月9日，某论坛在某市开幕。: the day of a gathering, which its rites share
        visits = (
            d
            for d in self.drafts[before:]
            if d.type in ("inspection", "reception", "meeting")
            and d.date
            and not (d.until or d.past or d.in_words)
            # 记者从昨日召开的新闻发布会获悉，…: a meeting news was learned at, no gathering
            # whose rites the story goes on with
            and not (d.type == "meeting" and _LEARNED_AT.search(text))
        )
        self.visit_day = next(((index, d.date, d.type) for d in visits), None) if dates else None
        undated = (
            d
            for d in self.drafts[before:]
            if d.type == "inspection" and d.date is None and not (d.until or d.past or d.in_words)
        )
        self.undated_visit = None if dates or self.unresolved else next(((index, d) for d in undated), None)
        gathered = opening if opening is not None else opened_on
        if (
            self.visit_day is None
            and opens
            and gathered is not None
            and gathered.iso
            and not (gathered.anchored or gathered.until or self.past)
            and self._recent(gathered.iso)
        ):
            # 6月8日，某文化旅游节开幕。甲出席开幕式 (某文化旅游节8日在某市开幕。…): a gathering of
            # one day, whose rite shares it.
            self.visit_day = (index, gathered.iso, "meeting")
        # 甲16日率团抵达某地: the day a named doer arrived, as one that opens the sentence is
        arrived = next(
            (
                d
                for d in dates
                if any(m.end == d.span.start for m in mentions)
                and _ARRIVES.search(_CLAUSE_REST.match(text, d.span.end).group())
            ),
            None,
        )
        if dates and (cued or opening is not None) and not self.background:
            # The day told of: a date of a happening the sentence tells, or one that opens it
            # (12月3日，某县迎来降雪。当天，…); not a date in what is said or reported of
            # something else (甲指出，某镇11月20日完成了改造任务。随后，甲主持召开座谈会).
            self.last_date, self.last_until = dates[-1].iso, dates[-1].until
        elif arrived is not None and not self.background:
            self.last_date, self.last_until = arrived.iso, arrived.until
        elif not dates and self.part_of_day:
            # 甲下午到某镇调研。随后，甲主持召开座谈会: the day a part of it gave what the
            # sentence told of is the day told of, as a date written would be.
            day = self.part_of_day[1]
            if any(d.date == day for d in self.drafts[before:]):
                self.last_date, self.last_until = day, None

    def _tell(self, draft: _Draft, index: int, clause: re.Match) -> None:
        """Take ``draft`` as a happening told of, the current one, where its clause starts."""
        draft.item = self.item
        self.drafts.append(draft)
        self.current = draft
        self.marks.append(((index, clause.start()), draft))
        if draft.type != "reception":
            self.callers = ()  # the story has gone on from the call
        draft.follows, self.follows = self.follows, False

    def _place_at(self, sentence, v: View, found: re.Match | None, framed: str) -> str | None:
        """The place a reception is held at, ``found``'s group ``place`` (of ``v``'s text), as the
        sentence writes it; None for no match, a place one goes to under another's lead (在乙陪同下),
        or ``framed`` (the match's words to test) ending in a frame (在会议期间, 在会上)."""
        if found is None or _UNDER.search(found["place"]) or _FRAME_WORD.search(framed):
            return None
        return self._original(sentence, v, found.start("place"), found.end("place")).strip() or None

    def _list_meetings(self, words: str, match: re.Match, clause: re.Match, sentence, v: View) -> None:
        """Give the event just told of the meetings listed after its name (主持召开甲会议和乙会议):
        the same verb tells of each, so each is a happening of its own, on the same day, with the
        same roles."""
        if not self.drafts or self.drafts[-1] is not self.current or self.current.type != "meeting":
            return
        listed = []
        at = match.end("name")
        while (more := _listed_meeting().match(words, at)) is not None:
            start, end = clause.start() + more.start("name"), clause.start() + more.end("name")
            listed.append(self._original(sentence, v, start, end).strip())
            at = more.end()
        if not _LIST_ENDS.match(words, at):
            return
        self.current.listed += tuple(name for name in listed if name not in self.current.listed)

    def _announced(self, words: str, end: int, dates: list) -> bool:
        """Whether a clause whose only modal words are 将 or a scheduling word (定于, 决定…召开)
        announces a happening for a day ahead.

        6月12日，甲将主持召开…; 明天上午，甲将出席…; 会议定于6月12日召开: a day after the
        publication date written before the clause ends makes it an announcement for a date,
        not a plan.
        """
        modals = _MODAL.finditer(words)
        if self.clock is None or not all(
            _SCHEDULED.match(m.group()) or (m.group() == "将" and _WILL_DO.match(words, m.end()))
            for m in modals
        ):
            return False
        return any(d.iso > self.clock and d.span.start < end for d in dates)

    def _last_day(self, kinds: tuple[str, ...]) -> str | None:
        """The day of the last happening of one of ``kinds`` told of with a day, if any."""
        told = next((d for d in reversed(self.drafts) if d.type in kinds and d.date), None)
        return told.date if told else None

    @staticmethod
    def _point_done(text: str, clause: re.Match, dates: list) -> bool:
        """Whether the point (一是…) a clause is in reports a happening: a day of its own before
        the clause ends and a finished act (了) after it (一是6月8日召开了防汛工作会议), as a
        summary of work done lists them; a point of what is to be done names no day."""
        opens = max(point.end() for point in _POINT.finditer(text, 0, clause.end()))
        day = next((d for d in dates if opens <= d.span.start < clause.end()), None)
        return day is not None and "了" in text[day.span.end : clause.end()]

    @staticmethod
    def _told_in_words(text: str, clause: re.Match, at: int, dates: list, mentions: list) -> bool:
        """Whether a cue at ``at`` in a clause of reported words tells of a happening.

        Words tell of one done on a day they name (甲表示，昨天乙同你举行了会谈: a day
        and a finished act, 了), some time ago (不久前，…会晤在某地成功举行), or by a
        named person (甲指出，乙主持中央政治局常委会会议，…). What the speaker wants
        done (要召开…) or this meeting (今天我们召开这次会议) is none.
        """
        day = next((d for d in dates if clause.start() <= d.span.start < at), None)
        if day is not None and "了" in text[day.span.end : clause.end()]:
            return True
        if _TIME_AGO.search(text, clause.start(), at) or _DONE.search(text, at, clause.end()):
            return True
        subject = _within(mentions, clause.start(), at)
        # 乙在…会议上强调: where the doer spoke, not a meeting the words report.
        doer = subject and not text.startswith("在", at)
        return bool(doer) and _DOER_COUNTED.fullmatch(text, subject[-1].end, at) is not None

    def _of_the_visit(self, sentence: int, mentions: list[_Mention]) -> bool:
        """Whether one of ``mentions`` leads a visit told in ``sentence``."""
        for draft in self.drafts:
            if draft.sentence == sentence and draft.type == "inspection":
                party = draft.leaders | {p.person for p in draft.roles if p.role == "lead"}
                if any(m.key in party for m in mentions):
                    return True
        return False

    def _part_of_day(self, text: str, opens: int = 0, written: list | None = None) -> tuple[int, str] | None:
        """A part of a day said with no date (甲上午主持召开…), or a time of day that opens the
        sentence at ``opens`` (9时30分，…): where, and the day it is.

        It is the day told of (the last date given), else the day of the report;
        not after 近日 and its kin, which name no day, nor after a date long before
        the report (2019年3月5日，…。甲上午…: which day is not said). ``written``: the spans of
        the dates written in ``text``, if they were read already.
        """
        day = self.last_date or self.clock
        if day is None or _NOT_THAT_DAY.search(text):
            return None
        if self.clock and self.last_date and not self._recent(self.last_date):
            return None
        if _CLOCK_OPENS.match(text, opens):
            return opens, day
        acts = _CLOCK_ACTS.search(text, opens)
        if acts:
            return acts.start(), day
        taken = written  # the dates' spans, read only for a sentence that names a part of a day
        for match in _day_part_pattern().finditer(text):
            if taken is None:
                taken = [d.span for d in find_dates(text, self.clock)]
            if not any(span.start <= match.start() <= span.end for span in taken):
                return match.start(), day
        return None

    def _background(self, text: str, clause: re.Match, dates: list, match: re.Match) -> bool:
        """Whether a rite or a signing is background told inside the account of a visit or a
        meeting (据介绍，该项目于11月20日开工建设), not a happening the release reports."""
        if not any(d.type in _ACCOUNTS for d in self.drafts) or _TO_COME.search(text, 0, clause.end()):
            return False
        if _HEARSAY.match(text):
            return True
        cue_end = clause.start() + match.end()
        year = _YEAR_BEFORE.search(text, clause.start(), cue_end)
        day = any(clause.start() <= d.span.start < cue_end and d.written for d in dates)
        if year and not day and (year.group(1) is None or self._year_before(int(year.group(1)))):
            return True
        if not _TOLD_BEFORE.match(text, clause.start()):
            return False
        # 该项目5月20日开工建设: a start with no rite; 该项目今年3月举行了开工仪式: one of a month
        # told with no day, long before the account's day
        return not _RITE.search(simplify(match.group())) or (
            not day and _MONTH_ALONE.search(text, clause.start(), cue_end) is not None
        )

    def _year_before(self, year: int) -> bool:
        """Whether a year is before the publication year (never without a clock)."""
        return self.clock is not None and year < int(self.clock[:4])

    def _tells_of_the_past(self, text: str) -> bool:
        """Whether a sentence is set in a year before the publication year (2010年，…)."""
        match = _PAST_YEAR.search(text)
        return match is not None and self._year_before(int(match.group(1)))

    def _long_ago(self, iso: str | None) -> bool:
        """Whether a date is more than a year before the publication date."""
        if iso is None or self.clock is None:
            return False
        return (parse_clock(self.clock) - parse_clock(iso)).days > 366

    def _of_the_sitting(self, kind: str, name: str) -> bool:
        """Whether an appointment, or the oath or commissions that go with one, belongs to the
        dated meeting the text is telling of (a sitting that appoints)."""
        told = self.current
        if told is None or told.type not in ("meeting", "appointment", "ceremony"):
            return False
        if told.date is None or told.past or (told.type != "meeting" and not self._sitting_dated()):
            return False
        return kind == "appointment" or (
            kind == "ceremony" and _OF_APPOINTMENT.search(simplify(name)) is not None
        )

    def _sitting_dated(self) -> bool:
        """Whether the text has told of a dated meeting (the sitting its appointments belong to)."""
        return any(d.type == "meeting" and d.date and not d.past for d in self.drafts)

    def _day_before_told(self, text: str, opening) -> str | None:
        """The type of the happening a sentence that told of no event goes on to tell after the
        day it opens with, with no one named (6月8日，某县领导分组到各乡镇，看望慰问…: a visit;
        4月8日晚，某区组织学习了…: a gathering), when that day (not counted from another, not of
        a year long past, a day and not a month, of the month before the report) is the day
        of what the release tells next; none for a day of something else (6月8日，全县新增病例3例).
        """
        if not (
            opening.iso is not None
            and len(opening.iso) == 10
            and not opening.anchored
            and not self.past
            and self._recent(opening.iso)
        ):
            return None
        if _inspection_cue(text, opening.span.end, len(text)) is not None:
            return "inspection"
        return "meeting" if _GATHERED.search(text, opening.span.end) else None

    def _recent(self, iso: str | None) -> bool:
        """Whether a date falls in the month before the publication date (never without one)."""
        if iso is None or self.clock is None:
            return False
        return 0 <= (parse_clock(self.clock) - parse_clock(iso)).days <= 31

    def _add(self, kind, match, clause, index, sentence, v, mentions, dates) -> None:
        refers = kind.endswith("=")  # 座谈会上，…: the meeting told of, if any
        # 甲同乙通电话, 甲致信…: an act that needs its doer named before its verb
        doer = kind.endswith("!")
        kind = kind.rstrip("=!")
        # 先后拜会某部、某委: a reception each organ; 先后拜访了某村村委、某社区居委会: one visit
        called = self._called_in_turn(v.text, clause, match, mentions)
        one_call = called is None and doer and _CALLS_ON.match(match.group()) is not None
        kind = called or kind
        doers: list[str] = []
        visitors: tuple[str, ...] = ()
        if doer:
            named = clause.start() + match.start("name")
            doers = [m.key for m in _within(mentions, clause.start(), named)]
            # 甲在乙的陪同下，看望…: the visitor named before who went along with him leads it
            visitors = (
                _accompanied_before(v.text, clause.start(), named, mentions)
                if not doers and kind == "inspection"
                else ()
            )
            went = (
                not doers
                and kind == "inspection"
                and (
                    bool(visitors)
                    or self._went_to(v.text, clause.start(), named, mentions)
                    # 甲、乙等区领导，分两路走访慰问…: the party named in the clause before
                    or (
                        _DOER_TO_VISIT.fullmatch(v.text, clause.start(), named) is not None
                        and bool(_party_before(v.text, clause.start(), mentions))
                    )
                )
            )
            if not doers and not went:
                return
            if went:
                doers = []  # the visitor went somewhere in the clause before: the roles' work
            elif kind == "inspection":
                # 县委书记甲看望慰问一线人员: the visitor right before the verb, who leads it (a
                # role cue's work), not a name further back (感谢甲对…看望慰问).
                last = max(m.end for m in _within(mentions, clause.start(), named))
                if not _DOER_TO_VISIT.fullmatch(v.text, last, named):
                    return
                doers = []
            if match.groupdict().get("with"):
                start, end = clause.start() + match.start("with"), clause.start() + match.end("with")
                doers += [m.key for m in _within(mentions, start, end)]
        if kind == "meeting" and _QUALIFIED_BY_MEETING.search(match.groupdict().get("name") or ""):
            # 出席某会议的全体委员列席了会议: a meeting that tells who people are, named across
            # them up to the next meeting word; the clause tells of no meeting by that name.
            return
        if kind == "appointment" and _NO_SPEAKER.match(clause.group()):
            # 根据县长提名，会议决定任命…: what an appointment follows, not one of its own
            return
        if kind == "appointment" and _PAPER.match(clause.group(), match.end()):
            # 宣读任命文件, 宣读省委任免决定: a paper read out or sent, no one named to a post by it
            return
        groups = match.groupdict()
        at = clause.start() + match.start()
        if kind.rstrip("?+") in _GATHERINGS and self._background(v.text, clause, dates, match):
            self.background = True  # nor is its date a day told of
            return
        name_view = (groups.get("name") or "").strip()
        # 会议 alone, or 与…座谈 (no name of its own): a mention of whichever meeting is told of.
        # 第一次全体会议, 闭幕会议: a sitting, named by its place in a session; after the session
        # told of, a part of it (甲主持第一次全体会议。乙主持闭幕会议).
        generic = kind == "meeting" and bool(
            _GENERIC_MEETING.match(name_view)
            or _SITTING_OF_SESSION.fullmatch(name_view)
            or not (_NAMED_MEETING.search(name_view) or _TALK_WITH.match(name_view))
            or refers
        )
        if kind == "meeting" and _LECTURE.search(name_view):
            # 会后，甲作了…专题辅导报告: a lecture of its own; in a sentence that tells of a meeting,
            # or opens with it (会上，…), a part of that meeting.
            told = any(d.sentence == index and d.type == "meeting" for d in self.drafts)
            generic = told or _AT_MEETING.match(v.text) is not None
        # 拟任副区长人选甲、乙 in a list of who attends: the nominees, named better by the
        # appointment that the sitting makes (任命甲、乙为副区长).
        generic = generic or (kind == "appointment" and _NOMINEES.match(v.text, at) is not None)
        deliberates = _DELIBERATES.match(v.text, clause.end()) if name_view.endswith("代表团") else None
        if name_view.endswith("代表团") and not deliberates:
            # 来到…第二代表团，与代表们一起审议…: a visit to a delegation is its deliberation
            # only when the sentence goes on to say so.
            return
        name = self._name(kind.rstrip("?+"), match, clause, sentence, v, mentions)
        if called == "inspection":
            # 先后拜访了某集团、某公司: named by the call and the places called on
            places = at + len(match.group()) + v.text.startswith("了", clause.start() + match.end())
            name = match.group() + self._original(sentence, v, places, clause.end())
        elif one_call:
            # 甲拜访了某集团: named by the call and the place, without the particle
            verb = clause.start() + match.start()
            places = verb + 2 + v.text.startswith("了", verb + 2)
            name = self._original(sentence, v, verb, verb + 2) + self._original(
                sentence, v, places, clause.end()
            )
        if deliberates:
            # …named as 参加甲代表团审议 names it: the delegation's deliberation, not the delegation.
            name += self._original(sentence, v, *deliberates.span("verb"))
        # 召开国务院常务会议 → 国务院常务会议 (matched on the simplified form, same length).
        name = name[_NAME_LEAD.match(simplify(name)).end() :] or name
        if name.startswith("的") and len(name) > 1:
            name = name[1:]  # 在召开的座谈会上: the meeting is 座谈会
        organ = event_names.holder(v.text, clause.start(), at, simplify(name)) if kind == "meeting" else None
        if organ is not None:
            # 中共中央政治局2月21日召开会议: the meeting is named with the organ that holds it.
            name = self._original(sentence, v, *organ) + name
        if simplify(name).startswith("在") and (
            (kind == "meeting" and _NAMED_MEETING.search(name_view))
            or (kind in ("ceremony", "signing") and len(name) > 2)
        ):
            # where the doer was is no part of the name: 主持在秘鲁中资企业座谈会时 (the meeting is
            # 秘鲁中资企业座谈会), 乙在开幕式上致辞 (the rite is 开幕式)
            name = name[1:]
        if kind == "ceremony" and simplify(name).startswith("为") and _RITE.search(simplify(name)):
            # 甲、乙共同为开幕式剪彩: the rite is 开幕式, what the ribbon is cut for (not 为某园揭牌,
            # named by what is unveiled)
            name = name[1:]
        opened = self.opened if self.opened and self.opened[0] in (index, index - 1) else None
        if kind == "ceremony" and opened and simplify(name) in (opened[2] + "式", opened[2] + "仪式"):
            # 某博览会在某市开幕，甲出席开幕式: the opening of that gathering.
            name = opened[1] + name
        place = None
        if groups.get("place"):
            place = self._original(
                sentence, v, clause.start() + match.start("place"), clause.start() + match.end("place")
            ).strip()
            place = place[: len(place) - len(_PLACE_TAIL.search(simplify(place)).group())]
            under = _UNDER.search(simplify(place))
            if under:
                # 在乙陪同下到某县调研: where he went, not whom he went with.
                went = _GOES_TO.search(simplify(place), under.end())
                place = place[went.end() :] if went else ""
            place = place if place and not place.endswith("的") else None
        if kind == "reception" and place is None:
            # 甲在人民大会堂会见乙: where the reception is held, right before its cue.
            held_at = _RECEIVED_AT.search(v.text, clause.start(), at)
            place = self._place_at(sentence, v, held_at, held_at.group() if held_at else "")
            if place is None:
                # 6月8日在北京，甲会见了乙; 当地时间8日上午在某地，…: where the sentence opens, its day
                # and place alone before the doer's clause.
                opening = _OPENS_AT.fullmatch(v.text, 0, clause.start())
                place = self._place_at(sentence, v, opening, opening["place"] if opening else "")
        if kind == "inspection" and place is None:
            # 甲一行到某镇，实地调研…; 在某镇，甲实地查看…: where the visitor went, or where the
            # sentence opens, in the clause right before the verb.
            place = self._went_before(sentence, v, clause, mentions)
        # The last date before the cue, or inside it (…会议11月14日在京召开), not one after it
        # (…13日晚，主持召开座谈会: 13日, not the days of the visit the sentence opened with);
        # …揭牌仪式17日上午在某市举行: the date right after the name.
        cue_end = clause.start() + match.end()
        dated = next((d for d in reversed(dates) if d.span.start < cue_end), None)
        dated = dated or next(
            (
                d
                for d in dates
                if cue_end <= d.span.start < clause.end()
                and _AFTER_NAME.fullmatch(v.text, cue_end, d.span.start)
            ),
            None,
        )
        if dated and _NOT_THAT_DAY.search(v.text, dated.span.end, at):
            # 新华社北京3月5日电 总理近日在…考察: the day of the dispatch, not of the visit.
            dated = None
        elif dated and dated.span.start >= at and _said_vaguely(v.text, at, dates):
            # 甲近日到某镇检查6月5日会议部署的工作: the happening's day is not told; a date in
            # what is done qualifies it.
            dated = None
        date, until = (dated.iso, dated.until) if dated else (None, None)
        after_visit = None
        if dated and dated.until:
            if dated.span in self.ranges_taken:
                # 6日至8日，甲…调研，并主持召开座谈会: the range dates the visit, not the
                # meeting held some day within it.
                date, until = None, None
            self.ranges_taken.add(dated.span)
        elif date is None and not self.past and not self.in_words:
            date = self.same_day
            arrived = self.arrival if self.arrival and self.arrival[0] == index - 1 else None
            if date is None and kind == "inspection" and arrived:
                date = arrived[1]
            if date is None and self.part_of_day and self.part_of_day[0] < cue_end:
                # 市长甲上午在市政府会见…, 甲在某县下午检查…: the day told of, else the day of
                # the report (a part of a day inside the cue, as a date there is).
                date = self.part_of_day[1]
            visited = self.visit_day if self.visit_day and self.visit_day[0] == index - 1 else None
            undated = (
                self.undated_visit if self.undated_visit and self.undated_visit[0] == index - 1 else None
            )
            after_visit = (
                undated[1]
                if date is None
                and undated
                and kind in _DURING_VISIT
                and not dates
                and not self.unresolved
                and not _ANOTHER_TIME.search(v.text, 0, at)
                else None
            )
            if (
                date is None
                and visited
                and kind in _DURING_VISIT
                and (visited[2] != "meeting" or kind in _GATHERINGS)
                and not dates
                and not self.unresolved
                and not _ANOTHER_TIME.search(v.text, 0, at)
            ):
                # 5月9日，甲率团来某市考察。乙主持召开座谈会: a meeting of the day's visit told
                # of just before (not of a visit of several days: 6日至8日，…; nor one set at
                # another time: 去年，…); a rite or a signing told of right after a gathering of
                # one day (6月9日，某论坛开幕。甲出席开幕式并致辞) is of that day too.
                date = visited[1]
            if date is None and self.day_before and not (self.drafts or dates or self.unresolved):
                # 4月8日晚，某区组织学习了…。区委书记甲主持会议: the first happening told, after a
                # sentence that opened with its day and told of nothing else; a range dates a visit
                # only (6日至8日，…领导分组走访…。甲一行到某村慰问…), not a meeting some day in it.
                day, last, told = self.day_before
                if kind == told and (kind == "inspection" or (generic and last is None)):
                    date, until = day, last
            if (
                date is None
                and visited
                and kind == "reception"
                and visited[2] == "inspection"
                and not v.text[: clause.start()].strip()  # (no frame before it: 春节期间，…)
                and not dates
                and not self.unresolved
                and not _ANOTHER_TIME.search(v.text, 0, at)
                and self._of_the_visit(index - 1, _within(mentions, clause.start(), clause.end()))
            ):
                # 6月8日，某集团董事长乙一行来某市考察。市委书记甲会见了乙一行: the reception of
                # the visitors of one day told of just before, or one they hold there, that day.
                date = visited[1]
        if self.past and not (dated and dated.span.start < clause.start() + match.start()):
            # 2010年，甲到某市考察: a happening of a year long past, its day unknown.
            date = None
        if kind == "other" and _VIEWING.match(name_view):
            # 开工仪式前，甲观看了项目展板: a viewing only in a gathering's frame (on a visit, what
            # the visitor is shown is part of the visit), on the gathering's day.
            if not _GATHERING_FRAME.match(v.text):
                return
            date = date or self._last_day(("meeting", *_GATHERINGS))
            if simplify(name).startswith(("观看了", "参观了")):
                name = name[:2] + name[3:]  # 观看了项目展板: the viewing, without the particle
        if kind == "other" and date is None:
            return
        past = self.past or self._long_ago(date)
        if (
            kind == "other"
            and not past
            and self.current is not None
            and self.current.type == "inspection"
            and _TRIBUTE.search(name_view or match.group())
        ):
            # 敬献花篮 on a visit is part of the visit.
            return
        if date is None and _AROUND_MEETING.search(clause.group(), 0, match.start()):
            # …并在会前会见了…: the day of the meeting told of.
            date = self._last_day(("meeting", *_GATHERINGS))
        if date is None and not (past or self.in_words) and self._of_the_sitting(kind, name):
            # 3月9日，县人大常委会召开第二十次会议。…经表决，决定任命甲为副县长: what the
            # sitting told of does (appointments, their oath and commissions) is on its day.
            date = self.current.date
        self.follows = date is None and self.goes_on and not (past or self.in_words)
        leaders = frozenset(
            m.key
            for m in _starting(mentions, clause.start(), at)
            # 乙在某县陪同调研: who goes along leads nothing
            if not (kind == "inspection" and _GOES_ALONG.search(v.text, m.end, clause.end()))
        )
        if not leaders and kind == "inspection":
            leaders = _party_before(v.text, clause.start(), mentions)
        # 甲来到某镇，看望…。乙来到某村，看望…: who went somewhere in the clause before leads
        # the visit told next (not the one told of before, led by another).
        goers = _goers_before(v.text, clause.start(), mentions) if kind == "inspection" else frozenset()
        leaders = leaders or goers
        guests = [m.key for m in _starting(mentions, max(at, clause.start()), clause.end())]
        if kind == "reception" and _SEPARATE.search(clause.group()) and len(guests) > 1:
            # 分别会见甲和乙, 先后会见…: one reception each, with its host and its guest.
            # 分别拜会甲和乙: the visitors before the cue are the guests of each.
            host, guest_role = ("guest", "host") if _CALLS_ON.match(match.group()) else ("host", "guest")
            for guest in guests:
                draft = _Draft(kind, name, index, sentence.span, date, place, leaders=leaders)
                draft.name = f"{name}（{guest}）"
                draft.roles = [Participation(key, host, sentence.span) for key in sorted(leaders)]
                draft.roles.append(Participation(guest, guest_role, sentence.span))
                draft.closed = True
                self._tell(draft, index, clause)
            return
        organs = (
            _organs_called(v.text, clause.start() + match.end(), clause.end()) if kind == "reception" else []
        )
        if len(organs) > 1 and not guests and _CALLS_ON.match(match.group()):
            # 甲先后拜会了某部、某委和某局: one reception each organ, the visitor its guest (甲、乙
            # 带队，先后拜会…: the leaders of the clause before).
            led = frozenset() if leaders else _led_before(v.text, clause.start(), mentions)
            callers = leaders or _party_before(v.text, clause.start(), mentions) or led
            cue = self._original(sentence, v, at, clause.start() + match.end())
            calls: list[_Draft] = []
            for start, end in organs:
                named = f"{cue}{self._original(sentence, v, start, end)}"
                draft = _Draft(kind, named, index, sentence.span, date, place, leaders=callers)
                draft.round, draft.organ = calls, v.text[start:end]
                calls.append(draft)
                draft.roles = [Participation(key, "guest", sentence.span) for key in sorted(callers)]
                # …and who the clause before says leads the party leads each call, as a role cue
                # gives one call
                draft.roles += [Participation(key, "lead", sentence.span) for key in sorted(led)]
                draft.closed = draft.called = True
                self._tell(draft, index, clause)
            return
        # (…分别会见了代表团: guests named by no name, one reception each host all the same; not
        # who take part in talks told of, 乙、丙分别参加会谈, with no one received after the cue)
        received = v.text[at + len(match.group()) : clause.end()].lstrip("了").strip()
        hosts = (
            _starting(mentions, clause.start(), at)
            if kind == "reception" and (len(guests) == 1 or (not guests and received))
            else []
        )
        if (
            len({m.key for m in hosts}) > 1
            and _SEPARATE.search(v.text, hosts[-1].end, at)
            and not _CALLS_ON.match(match.group())
        ):
            # 副部长乙、副主任丙分别会见了甲一行: one reception each host, as 分别会见甲和乙 is one
            # each guest.
            each = list(dict.fromkeys(m.key for m in hosts))
            called = [d for d in self.drafts if d.called and d.sentence in (index - 1, index)]
            if len(called) == len(each):
                # 甲先后拜会某部、某委，副部长乙、副主任丙分别会见了甲一行: the calls told, each
                # received by its host in turn.
                for draft, host in zip(called, each, strict=True):
                    draft.called = False
                    draft.roles.append(Participation(host, "host", sentence.span))
                    if guests and Participation(guests[0], "guest", draft.evidence) not in draft.roles:
                        draft.roles.append(Participation(guests[0], "guest", sentence.span))
                return
            for host in each:
                draft = _Draft(
                    kind, f"{name}（{self.names.get(host, host)}）", index, sentence.span, date, place
                )
                draft.leaders = frozenset({host})
                draft.roles = [Participation(host, "host", sentence.span)]
                draft.roles += [Participation(guest, "guest", sentence.span) for guest in guests]
                draft.closed = True
                self._tell(draft, index, clause)
            return
        each = (
            (
                *_listed_before(v.text, clause.start(), mentions),
                *(m.key for m in _starting(mentions, clause.start(), at)),
            )
            if kind == "inspection"
            and _EACH_LEADS.search(v.text, clause.start(), at + 2)
            and not _GOES_ALONG.search(v.text, clause.start(), at)
            else ()
        )
        if len(set(each)) > 1:
            # 甲、乙分别带队检查…: one inspection each, with its own lead (县委书记甲，县长乙分别带队…:
            # the names listed in the clauses before, one titled name a clause, too).
            for leader in dict.fromkeys(each):
                named = f"{name}（{leader}）"
                draft = _Draft(kind, named, index, sentence.span, date, place, leaders=frozenset({leader}))
                draft.roles = [Participation(leader, "lead", sentence.span)]
                draft.closed = True
                self._tell(draft, index, clause)
            return
        counted = None
        ordinal = _ORDINAL_SITTING.match(name_view) and not _TALLIED.search(
            v.text, 0, clause.start() + match.start("name")
        )
        if kind == "meeting" and _COUNT.search(name_view) and not ordinal:
            # 3日、4日，甲主持召开两次专题会议: one meeting each day listed, as 两次召开… is; a
            # count alone (召开了3次会议) tells of no one meeting.
            counted = _TIMES.search(
                v.text, clause.start() + match.start("name"), clause.start() + match.end("name")
            )
            if counted is None or not self._repeats(v.text, clause, counted.end(), dates):
                return
            name = name.replace(counted.group(), "", 1)
        # 参加会见 with no one received: it tells of a reception only if one was reported; 甲在
        # 会谈中说 tells of talks 甲 took part in.
        weak = kind.endswith("?") or (
            kind == "reception"
            and not guests
            and _BARE_CUE.match(simplify(without_glosses(name)))  # 會(huì)見 is a bare 會見
            and not (_FRAME.match(v.text, at + len(match.group())) and _within(mentions, clause.start(), at))
        )
        kind = kind.rstrip("?")
        draft = _Draft(kind, name[:60], index, sentence.span, date, place, generic, leaders)
        draft.after_visit = after_visit
        # 会议还任命了…: another appointment of the same sitting.
        another = kind == "appointment" and guests and _ANOTHER.search(clause.group(), 0, match.start())
        draft.until, draft.past, draft.in_words = until, past, self.in_words
        draft.calls = bool(groups.get("call"))
        # 调研期间，甲看望了某机关干部: a call told as a happening within the visit, of its own.
        own_call = kind == "inspection" and self.during and _CALL.search(match.group()) is not None
        draft.repeats = self._repeats(v.text, clause, counted.end() if counted else at, dates)
        if draft.repeats and date is None:
            draft.repeats = tuple((None, written) for _, written in draft.repeats)
        if kind == "reception":
            draft.guests = frozenset(guests)
        elif kind == "appointment":
            # (searched in the clause alone: its start is a ^ of the pattern)
            sitting = _SITTING.search(v.text[clause.start() : at])
            draft.sitting = sitting.group("name") if sitting else None
        if date is None:
            said = next((d for d in reversed(self.unresolved) if d.span.start < cue_end), None)
            draft.said = said and said.written
        draft.roles = [Participation(key, "attend", sentence.span) for key in dict.fromkeys(doers)]
        draft.roles += [Participation(key, "lead", sentence.span) for key in dict.fromkeys(visitors)]
        if draft.calls:
            # 在走访…时，甲与代表们交谈: who opens the clause after the frame makes the call.
            after = _starting(mentions, clause.end(), len(v.text))
            if (
                after
                and _SUBJECT_GAP.fullmatch(v.text, clause.end(), after[0].start)
                and not _OF_WHOM.match(v.text, after[0].end)
            ):
                draft.roles.append(Participation(after[0].key, "lead", sentence.span))
        # 同日，甲还主持召开了某专题会议: another meeting, unless it names the one told of.
        also = kind == "meeting" and not generic and _ANOTHER.search(clause.group(), 0, match.start())
        # 会后，我县立即召开会议: a meeting held after the one told of is another.
        after = (
            kind == "meeting"
            and _HELD_AFTER.fullmatch(v.text, 0, at)
            and match.group().startswith(("召开", "举行", "主持召开"))
        )
        # 6月8日，全县召开防汛会议。日前，甲主持召开专题会议: of another day than the one told of.
        elsewhen = date is None and _said_vaguely(v.text, at, dates)
        same = (
            None
            if another or past or after
            else self._same_as(draft, name_view, bool(also), weak, elsewhen, own_call)
        )
        if same is None and weak and not goers:
            # (甲深入某镇，调研…。乙一行来到某村，察看…: a visit of its own, led by who went)
            return
        if same is None:
            self._tell(draft, index, clause)
            self.told_past = self.told_past or past
            return
        if same.generic and not generic:
            same.name, same.generic = draft.name, False
        elif (
            kind == "ceremony"
            and _is_rite(draft.name)
            and not _is_rite(same.name)
            and not _BARE_RITE.match(simplify(draft.name))
        ):
            # 颁发任命书 … 举行了宪法宣誓仪式: the rite's own name.
            same.name = draft.name
        elif (
            kind == "appointment"
            and _names_appointment(draft.name) > _names_appointment(same.name)
            and not _OTHER_ITEMS.search(clause.group(), 0, match.start())
        ):
            # 接受甲辞去…职务的请求。…决定任命乙为…。会议表决通过了有关人事任免事项: named by the
            # act, and better by the sitting's item, not by the resignation told first; not by
            # items said to be others (会议还表决通过其他人事任免事项).
            same.name = draft.name
        same.date = same.date or date
        same.until = same.until or until
        same.place = same.place or place
        same.leaders = same.leaders or leaders
        same.roles.extend(p for p in draft.roles if p not in same.roles)
        self.current = same
        self.marks.append(((index, clause.start()), same))

    @staticmethod
    def _called_in_turn(text: str, clause: re.Match, match: re.Match, mentions: list[_Mention]) -> str | None:
        """What calls paid in turn on a list of places report, if ``match`` is such a call: a
        reception each when every place is an organ of government (先后拜会某部、某委); else one
        visit (先后拜访了某村村委、某社区居委会: an inspection, as 走访 is); None for any other cue
        or a list of persons (分别拜会甲、乙)."""
        at, end = clause.start() + match.start(), clause.start() + match.end()
        if not (
            _CALLS_ON.fullmatch(match.group())
            and _SEPARATE.match(text, at - 2, at)
            and "、" in text[end : clause.end()]
            and not _starting(mentions, end, clause.end())
        ):
            return None
        return "reception" if len(_organs_called(text, end, clause.end())) > 1 else "inspection"

    @staticmethod
    def _went_to(text: str, start: int, named: int, mentions: list[_Mention]) -> bool:
        """Whether a call opening the clause at ``start`` (its name at ``named``) follows a named
        visitor going somewhere in the clause before (甲来到某社区，看望慰问…).

        >>> _Reader._went_to("甲来到某社区，看望慰问困难群众", 7, 7, [_Mention(0, 1, "甲")])
        True
        >>> _Reader._went_to("甲来到某社区召开会议，看望慰问困难群众", 11, 11, [_Mention(0, 1, "甲")])
        False
        """
        if not _AND_THEN.fullmatch(text, start, named):
            return False
        going = next(_goings_before(text, start, mentions), None)
        # 甲来到某社区召开座谈会，…: he went there for something else the clause tells of.
        return going is not None and _other_act().search(going[2].group("place")) is None

    def _went_before(self, sentence, v: View, clause: re.Match, mentions: list[_Mention]) -> str | None:
        """Where a visit told with no place of its own went: the place a named visitor went to
        in the clause right before (甲一行到某镇，实地调研…), else the place alone that opens the
        sentence before it (6月8日在某镇，甲实地查看…); not a time (甲到任后，…; 在调研期间，…) nor
        a place gone to for something else (甲来到某镇召开座谈会，…)."""
        text = v.text
        if clause.start() == 0:
            return None
        for _, _, went in _goings_before(text, clause.start(), mentions):
            if _other_act().search(went["place"]) is None:
                return self._place_at(sentence, v, went, went["place"])
        opening = _OPENS_AT.fullmatch(text, 0, clause.start())
        return self._place_at(sentence, v, opening, opening["place"] if opening else "")

    def _name(self, kind, match, clause, sentence, v, mentions) -> str:
        """The event's name: its own (a name group of the cue), else a short verb phrase."""
        text = v.text
        at, cue_end = clause.start() + match.start(), clause.start() + match.end()
        if match.groupdict().get("name"):
            start, end = clause.start() + match.start("name"), clause.start() + match.end("name")
        else:
            start, end = clause.start(), clause.end()
        if kind == "meeting":
            # 3月4日某会议开幕, 5日上午某会议开幕: the day it opens on is no part of its name.
            day = next((d for d in self.written if d.start == start and d.end < end), None)
            if day is not None:
                part = _day_parts().match(text, day.end)
                start = part.end() if part and part.end() < end else day.end
        pieces: tuple[tuple[int, int], ...] = ((start, end),)
        before = _within(mentions, clause.start(), at)
        if kind == "inspection":
            end = event_names.cut_tail(text, start, clause.end())
            if before:
                # 省长甲近日到乙地检查…: the verb phrase after the leader.
                opening = event_names.visit_start(text, before[-1].end, cue_end)
                start = opening if opening is not None else start
            elif start == clause.start() and _HE_OPENS.match(text, start):
                # 次日，他又到某县检查…: the verb phrase after the pronoun.
                opening = event_names.visit_start(text, _HE_OPENS.match(text, start).end(), cue_end)
                start = opening if opening is not None else start
            elif start == clause.start():
                # 某办领导带领机关干部到某社区开展慰问活动, 督查组一行先后来到…: a group with no
                # name leads; the verb phrase after it and whom it takes along.
                party = _LED.search(text, start, cue_end) or _GROUP_GOES.search(text, start, cue_end)
                opening = event_names.visit_start(text, party.end(), cue_end) if party else None
                start = opening if opening is not None else start
            verb = event_names.inspect_verb(text, start, end)
            led = _within(mentions, start, verb) if verb is not None else []
            if led:
                # 带领乙、丙上门走访…: the visit's verb phrase, not whom the leader took along.
                opening = event_names.visit_start(text, led[-1].end, cue_end)
                start = opening if opening is not None else start
            named = _within(mentions, start, end) if match.groupdict().get("call") else []
            if named and named[0].start > start + 2:
                # 在走访联系市级人大代表甲和乙时: the call by whom it is on, not by their names.
                end = named[0].start
            pieces = ((start, end),)
            if verb is not None and start <= verb <= end:
                pieces = _visit_phrase(text, start, verb, end, self.written)
        elif kind == "reception":
            end = event_names.cut_tail(text, at, clause.end())
            # …，与乙举行会谈 (the subject elided): held with the first named.
            opens_with = _TALK_OPENS.match(text, clause.start())
            joint = _HOLDS_WITH.search(
                text, clause.start() if opens_with or not before else before[0].end, at
            )
            # 甲与乙举行会谈: the talks are named with whom they are held.
            # 甲与乙视频会见: so are talks of any cue held by a means (视频, 电话).
            start = (
                joint.start()
                if joint
                and (match.group().endswith(("会谈", "会晤")) or _MEDIUM.search(text, joint.end(), at))
                else at
            )
            cue_word_end = at + len(match.group())
            guests = _starting(mentions, cue_word_end, end)
            rest = event_names.without_perfect(text, cue_word_end, end)[0]
            if _FRAME.match(text, cue_word_end):
                # 在会谈中说, 会见时表示: the talks as a time frame, named by the cue alone.
                rest = (cue_word_end, cue_word_end)
            elif guests and "、" in text[rest[0] : guests[0].start]:
                # 会见某公司董事长、总经理X一行: the guest by name, without the chain of titles.
                rest = (guests[0].start, end)
            elif guests and (came := _GUEST_CAME.match(text, rest[0], guests[0].start)):
                # 会见来华出席某峰会的某国总统乙: the guest with country and titles, not why they came.
                rest = (came.end(), end)
            pieces = ((start, cue_word_end), rest) if start == at else ((start, end),)
            medium = _MEDIUM.search(text, clause.start(), at) if start == at else None
            if medium:
                # 视频会见乙, 通过视频连线会见乙: named with the means it is held by.
                pieces = ((medium.start(), cue_word_end), rest)
            # 同某人举行了成果丰硕的会谈: 举行会谈, without the particle and the praise; a cue
            # that has its light verb (举行会谈) needs none from before it (同来华进行…访问的).
            light = match.group().startswith(("举行", "进行"))
            held = _HELD.search(text, start, at) if start < at and not light else None
            if held:
                # …举行视频会晤: the means stays with the cue (视频会晤), the praise goes.
                medium = _MEDIUM.search(text, held.end(1), at)
                pieces = ((start, held.end(1)), (medium.start() if medium else at, end))
        elif kind == "appointment":
            end = event_names.cut_tail(text, at, clause.end())
            cue_word_end = at + len(match.group())
            pieces = ((at, cue_word_end), event_names.without_perfect(text, cue_word_end, end)[0])
            sitting = _SITTING.search(text[clause.start() : at])
            if sitting:
                # 刚刚闭幕的…会议任命了…: the appointment is named with the sitting that made it.
                pieces = ((clause.start() + sitting.start("name"), at), *pieces)
        elif kind in ("ceremony", "signing"):
            # 甲、乙及有关领导出席签约仪式: the rite after its light verb, not who attends it
            start = event_names.rite_start(text, start, end)
            performers = _within(mentions, start, end)
            if performers and performers[-1].end <= at + len(match.group()) - 2:
                # 市长甲和乙共同为某中心揭牌: the rite, not who performs it.
                start = _TOGETHER_TO.match(text, performers[-1].end).end()
            # 颁发了任命书: what is handed over, named with its verb, without the particle.
            verb = _HANDS_OVER.match(text, start, end)
            pieces = ((start, verb.end(1)), (verb.end(), end)) if verb else ((start, end),)
        name = "".join(self._original(sentence, v, s, e) for s, e in pieces if e > s)
        them = _THEM.search(text, 0, end) if kind == "meeting" else None
        if them and simplify(name).startswith(("与他们", "同他们", "和他们", "与她们", "同她们", "和她们")):
            # 看望纪检监察干部并与他们座谈: the talk is with 纪检监察干部.
            who = self._original(sentence, v, them.start("who"), them.end("who"))
            name = name[:1] + who + name[3:]
        him = _HIM.search(without_lookalikes(simplify(name))) if kind == "appointment" else None
        if him:
            # 会见甲，颁发任命他为…的国务院令: 他 is the guest received.
            guest = self._guest()
            if guest:
                name = name[: him.start()] + guest + name[him.end() :]
        you = _YOU.search(simplify(name)) if kind == "reception" else None
        if you:
            # 昨天甲同你举行了会谈 in words to a guest: 你 is that guest; 你们, the guest's side.
            guest = self._guest()
            if guest and you.group().endswith("们"):
                # …not where two were received (whom 你们 means is not said)
                guests = {p.person for p in self.current.roles if p.role == "guest"}
                guest = guest if len(guests) <= 1 else None
            if guest:
                name = name[: you.start()] + guest + name[you.end() :]
        return event_names.without_unpaired_marks(_after_unopened_bracket(name).strip())

    def _received(self) -> str | None:
        """The key of the one guest of the last reception told of before the current event."""
        for draft in reversed(self.drafts):
            if draft is self.current or draft.type != "reception":
                continue
            guests = {p.person for p in draft.roles if p.role == "guest"} or set(draft.guests)
            return guests.pop() if len(guests) == 1 else None
        return None

    def _guest(self) -> str | None:
        """The name of the guest of the reception told of, if any."""
        if self.current is None or self.current.type != "reception":
            return None
        guest = next((p.person for p in self.current.roles if p.role == "guest"), None)
        if guest is None and len(self.current.guests) == 1:
            # received in this very sentence (会见乙，颁发任命他为…): its roles are not given yet
            (guest,) = self.current.guests
        return self.names[guest] if guest is not None else None

    def _same_as(
        self,
        draft: _Draft,
        name_view: str,
        also: bool = False,
        weak: bool = False,
        elsewhen: bool = False,
        own_call: bool = False,
    ) -> _Draft | None:
        """The earlier event this cue reports again, if any (``also``: a meeting said to be
        another, 还…召开…, is the same only if it names the one told of; ``weak``: a bare cue that
        tells of an event only if one was reported, 参加会见; ``elsewhen``: a cue said of some
        unstated day, 日前…, is no event told of with its day; ``own_call``: a call told within a
        visit, 调研期间，甲看望了…, is no part of the visit)."""
        # 签约仪式在某地举行。乙主持仪式: a rite named by no more than its kind is the one told of,
        # a signing's too.
        kinds = {"ceremony", "signing"} if _BARE_RITE.match(simplify(draft.name)) else {draft.type}
        rite = _RITE_KIND.search(simplify(draft.name)) if draft.type in _GATHERINGS else None
        # 举行…颁奖大会。在这场…颁奖典礼上，…: a gathering told as this one, or an award given at
        # one held to give awards, is that one
        this = draft.type in ("meeting", "ceremony") and _THIS_ONE.match(simplify(draft.name))
        award = draft.type == "ceremony" and _AWARD.match(simplify(draft.name))
        for other in reversed(self.drafts):
            if other.item != self.item:
                continue  # 9日，甲会见乙。\n△丙会见丁: an item of a roundup tells of its own
            if (
                (this or (award and "颁奖" in simplify(other.name)))
                and other.type in ("meeting", "ceremony")
                and not other.past
                and other is not draft
            ):
                return other
            if (
                rite
                and other.type == "meeting"
                and not other.past
                and re.search(rf"暨.*{rite.group()}$", simplify(other.name))
            ):
                return other  # 某推介会暨项目签约仪式举行。在项目签约仪式上，…: the rite it was held with
            if other.type not in kinds or other.past or (elsewhen and other.date):
                continue
            if draft.date and other.date and other.date != draft.date:
                continue
            if draft.said and other.said and not same_day(draft.said, other.said):
                continue  # 22日，甲带队…检查。24日，乙带队…检查: two days, with no clock to read them
            if draft.type == "meeting":
                if (
                    other.aside
                    and other is not self.current
                    and (_GENERIC_MEETING.match(name_view) or not _loosely_same(draft.name, other.name))
                ):
                    continue  # 主持会议 after a meeting held 会前: the meeting the story went back to
                if _loosely_same(draft.name, other.name) or (not also and (draft.generic or other.generic)):
                    return other
                continue
            if draft.type == "inspection" and draft.leaders:
                # 团省委书记甲，副书记乙一行来我市考察。甲一行参观考察了…: its leaders are
                # those its roles name too, listed before the clause of its cue (甲一行到某镇，
                # 实地调研…: led by who went, though not named in the cue's clause).
                led = other.leaders | {p.person for p in other.roles if p.role == "lead"}
                # (calls on the same people by another host are one happening, unless made in
                # another place: 甲来到某镇，看望…。乙来到某村，看望…)
                elsewhere = draft.place and other.place and draft.place != other.place
                if (
                    led
                    and not draft.leaders & led
                    and (elsewhere or not _call_on_the_same(draft.name, other.name))
                ):
                    continue
            if (draft.calls or own_call) and not _CALL.search(other.name):
                continue  # 甲到某镇调研。在走访人大代表乙时，…: another visit
            if draft.type == "reception" and draft.guests:
                received = other.guests | {p.person for p in other.roles if p.role == "guest"}
                if received and not draft.guests & received:
                    continue  # 上午会见乙。下午会见丙: one reception for each guest
            if (
                draft.type == "reception"
                and draft.leaders
                and not (weak or draft.calls or _CALL.search(other.name))
            ):
                # (a bare cue, 乙、丙参加会见, names who took part, not hosts)
                hosts = other.leaders | {p.person for p in other.roles if p.role == "host"}
                if _BARE_CUE.match(simplify(without_glosses(draft.name))):
                    # 甲会见乙。乙在会见中介绍…: the talks told of as a time frame, whichever
                    # side speaks in them.
                    hosts |= other.guests | {p.person for p in other.roles if p.role == "guest"}
                if hosts and not draft.leaders & hosts:
                    continue  # 甲会见丙。甲表示，昨天乙同你举行了会谈: one reception for each host
            if draft.type == "appointment" and draft.sitting and other.sitting:
                if draft.sitting not in other.sitting and other.sitting not in draft.sitting:
                    continue  # 甲市…第四次会议选举乙为市长。丙市…会议选举丁为市长
            if draft.type == "other" and not _loosely_same(draft.name, other.name):
                continue  # a phone call and a letter of one day are two happenings
            return other
        return None

    def _repeats(
        self, text: str, clause: re.Match, at: int, dates: list
    ) -> tuple[tuple[str | None, str], ...]:
        """The days (or years) of a happening the text counts (5月6日和12日，甲连续两次召开…;
        2013年和2015年甲曾两次带队到…调研): one (date, as written) each, when the count before
        the cue, in its clause, is that of the list of days or years before it in the sentence."""
        times = _TIMES.search(text, clause.start(), at)
        if times is None:
            return ()
        n = times.group("n")
        count = int(n) if n.isdigit() else _NUMERALS[n]
        written = [
            d
            for d in sorted(dates + self.unresolved, key=attrgetter("span.start"))
            if d.span.end <= times.start()
        ]
        days: list[tuple[str | None, str]] = []
        if written:
            chain = [written[-1]]
            for d in reversed(written[:-1]):
                if not _LIST_JOIN.fullmatch(text, d.span.end, chain[0].span.start):
                    break
                chain.insert(0, d)
            for d in chain:
                listed = d.text.split("、") if d.until and "、" in d.text else [d.text]
                if len(listed) == 1:
                    days.append((d.iso, d.text))
                elif d.iso and all(_DAY_LISTED.fullmatch(day) for day in listed[1:]):
                    # 6月3日、5日: a list read as a range; its days as written.
                    days.append((d.iso, listed[0]))
                    days.extend((f"{d.iso[:8]}{int(day[:-1]):02d}", day) for day in listed[1:])
            if len(days) < 2:
                days = []
        years = list(_YEARS.finditer(text, 0, times.start()))
        if not days and years:
            days = [(None, year) for year in re.findall(r"(?:19|20)[0-9]{2}年", years[-1].group())]
        return tuple(days) if len(days) == count else ()

    @staticmethod
    def _original(sentence: Sentence, v: View, start: int, end: int) -> str:
        return sentence.text[v.start(start) : v.end(end)]

    # roles ------------------------------------------------------------------

    def _when_opens(self, text: str) -> int:
        """Where a sentence's words start after its dateline and the day it opens with and its
        comma (5月4日下午，), the dates written in it read already (``written``)."""
        dateline = _DATELINE.match(text)
        words = start = dateline.end() if dateline else 0
        for span in sorted(self.written, key=attrgetter("start")):
            if span.start != start:
                break
            start = span.end
        opens = _WHEN_ENDS.match(text, start) if start > words else None
        return opens.end() if opens else words

    def read_roles(self, index: int, sentence: Sentence, v: View, mentions: list[_Mention]) -> None:
        pattern, table = _role_cues()
        text = v.text
        self.venue_text = text
        carried, into = self.carried
        pending: list[str] = list(carried) if into == index else []
        self.carried = ((), -1)
        last_role: str | None = None
        self.where = (index, 0)
        self.reading = sentence.span
        if _LIST.match(text) and self.current is not None and self.current.type == "appointment":
            # 他们是：主任…，副主任…: the names of an appointment just reported.
            self._give(mentions, "appointed", sentence)
            return
        listing = _THOSE_WHO.search(text)
        those: list[_Mention] = []
        if listing is not None:
            # 随同甲调研的有乙、丙: the list is read apart; the clauses before it as they stand
            those = [m for m in mentions if m.start >= listing.end()]
            mentions = [m for m in mentions if m.start < listing.end()]
        if mentions and _TITLES_ONLY.fullmatch(text, self._when_opens(text), mentions[0].start):
            # A sentence that opens with a name, its titles before it, is about that person; so
            # is one that opens with when, then the name (5月4日下午，县长甲来到某镇，与…座谈).
            self.last_subjects = (mentions[0].key,)
        if self.after_quote:
            self._quoted_by(index, text, mentions, sentence)
        self.where = (index, 0)
        receiving = False
        self.opener = None
        for clause in _CLAUSE.finditer(text):
            self.where = (index, clause.start())
            inside = _starting(mentions, clause.start(), clause.end())
            if inside and _TITLES_ONLY.fullmatch(text, clause.start(), inside[0].start):
                self.opener = inside[0].key
            if _group_opens(text, clause, inside):
                # 调研组对某镇工作给予肯定，并提出了意见: the clause has a subject of its own, no
                # person; what it goes on to do is none of the persons named before.
                self.last_subjects = ()
                self.opener = None
            if receiving and inside and _TITLES_ONLY.fullmatch(text, clause.start(), inside[0].start):
                # 在会见乙时，甲表示…: who goes on to speak received 乙.
                self._give(inside[:1], "host", sentence)
            receiving = _RECEIVING.fullmatch(text, clause.start(), clause.end()) is not None
            # A cue word inside a meeting's name (座谈会, 汇报会) is no cue.
            cues = [
                c
                for c in pattern.finditer(text, clause.start(), clause.end())
                if not (text.startswith("会", c.end()) and c.group() + "会" in _meeting_heads())
                # 甲讲话精神, 甲…重要讲话精神: a speech given before, now studied; 在揭牌仪式上讲话:
                # 揭牌 names the rite, it is not what the speaker did
                and not _NOMINAL_CUE.match(text, c.end())
                # 1996年8月参加工作, 参加革命工作: a biography's start of work, no sitting attended
                and not (c.group() == "参加" and _STARTED_WORK.match(text, c.end()))
                and not _ALONG_NOUN.match(text, c.end())
                and not (listing and c.start() >= listing.start())
                and not _APPOINTED_NOUN.match(text, c.start())
                # 甲同志任劳任怨, 甲同志任职期间: 任 of no post taken
                and not (c.group().startswith("同志") and _NO_POST_TAKEN.match(text, c.end()))
                # 审议政府工作报告, 听取工作总结: 作 of 工作 gives no report, no summing up, unless
                # a giving verb comes before it (乙作了政府工作报告)
                and not (
                    c.start() > 0
                    and _WORK.match(text, c.start() - 1)
                    and not _GIVES_WORK.search(text, clause.start(), c.start() - 1)
                )
                and not self._held_at(text, clause, c, inside)
                and not _ATTENDING_FRAME.match(text, c.start() - 1)
                and not _ATTENDING_OPENS.match(text, c.start())
                # 向出席签约仪式的各位嘉宾表示欢迎: who attends describes whom one speaks to
                and not _ATTENDED_BY.match(text, c.start())
                # 甲欢迎乙来华出席…开幕式: what the guest is welcomed to come for, not done here
                and not _WELCOMED_TO.search(text, clause.start(), c.start())
            ]
            if not cues:
                if (
                    inside
                    and _DECIDES.fullmatch(text, clause.start(), inside[0].start)
                    and _ACTS_AS.match(text, inside[0].end)
                ):
                    # 决定甲为代理县长, 决定乙代理某市市长职务: a decision naming a person to a post,
                    # after a removal too (接受丙辞去县长职务的请求，决定甲为代理县长)
                    self._give(inside[:1], "appointed", sentence)
                elif inside and last_role in ("appointed", "removed") and _AS.match(text, inside[0].end):
                    # 任命甲为…，乙为…: the clause goes on with the appointment.
                    self._give(inside[:1], last_role, sentence)
                elif self._leads(text, clause, inside, sentence, pending):
                    pending = []
                elif (
                    inside
                    and (
                        clause.end() - inside[-1].end <= 4
                        or _GROUP_TAIL.fullmatch(text, inside[-1].end, clause.end())
                    )
                    and not _ON_BEHALF.fullmatch(text, clause.start(), clause.end())
                    and not _AT_HOME.fullmatch(text, clause.start(), clause.end())
                ):
                    # A clause of names only (县长何平，副县长…出席): they do what the next clause says.
                    pending.extend(m.key for m in inside)
                self._thanks(text, clause, inside)
                continue
            previous_end = clause.start()
            previous: tuple[str, ...] = ()
            accompanied: list[str] = []
            for cue in cues:
                # A role goes to the event told of where its cue stands (到某部调研并主持…).
                self.where = (index, cue.start())
                for role, where in table[cue.group()]:
                    held_with = cue.group() == "座谈" and _HOLDS_WITH.search(
                        text, clause.start(), cue.start()
                    )
                    if held_with:
                        # 甲与乙座谈: 甲 takes part in a talk held with others; no one chairs it.
                        role = "attend"
                    subjects = self._subjects(
                        text, clause, cue, where, inside, previous_end, previous, role, pending
                    )
                    if role == "guest" and where == "after" and not subjects:
                        subjects = _guest_runs_on(text, clause, cue, mentions)
                    if (
                        held_with
                        and subjects
                        and self.last_subjects
                        and not any(m.end <= held_with.start() for m in inside)
                    ):
                        # 甲带队拜会某省，与乙举行座谈: the clause's elided subject, 甲, talks too.
                        subjects = (
                            *self.last_subjects,
                            *(k for k in subjects if k not in self.last_subjects),
                        )
                    if _CALLS_ON.fullmatch(cue.group()) and role == "guest":
                        if (
                            not subjects
                            and self.last_subjects
                            and _CALL_GOES_ON.fullmatch(
                                text, previous_end if previous else clause.start(), cue.start()
                            )
                        ):
                            # 甲、乙带队，先后拜会某部: who the clause goes on with pays the call.
                            subjects = self.last_subjects
                        self.callers = subjects or self.callers
                    guests = ()
                    if subjects and cue.group() == "会谈" and self.callers:
                        # 甲拜会某部。甲在会谈中说…; …，与乙举行会谈: who paid the call is the
                        # guest of the talks, whom they are held with the host.
                        guests = tuple(k for k in subjects if k in self.callers)
                        if guests and role == "host":
                            self._give_keys(guests, "guest", sentence)
                            previous = self.last_subjects = subjects
                            subjects = tuple(k for k in subjects if k not in self.callers)
                    if not subjects and accompanied and where == "before" and not guests:
                        # 甲在乙陪同下会见丙: who is accompanied does what the clause goes on to
                        subjects = tuple(accompanied)
                    if not subjects and role == "chair" and self._organ_holds(text, clause, cue, inside):
                        # 甲到某区调研。某区党工委召开会议，传达甲…的讲话精神: an organ holds the
                        # meeting; what its clauses go on to do is no person's before it.
                        self.last_subjects = ()
                        self.opener = None
                    if subjects:
                        self._give_keys(subjects, role, sentence)
                        last_role = role
                        if where not in ("after", "within"):
                            previous = subjects
                            self.last_subjects = subjects
                            if role == "accompany" or (role == "attend" and cue.group() in _ALONG):
                                # 乙陪同; 乙、丙等一同看望慰问: who goes along, whom 他 after their
                                # sentence does not stand for
                                self.companions, self.companions_at = subjects, index
                                self.after_companions = True
                    if where == "within" and role == "accompany":
                        # 甲、乙秘书长在…的陪同下，深入某县调研: who is accompanied does what
                        # the next clause says.
                        opening = text.rfind("在", clause.start(), cue.start())
                        accompanied = [m.key for m in inside if m.end <= opening and m.key not in subjects]
                previous_end = cue.end()
            # Persons who lead an inspection this clause reports.
            self.where = (index, clause.start())
            led = self._leads(text, clause, inside, sentence, pending)
            listed = inside and clause.end() - inside[-1].end <= 4
            if not led and listed and _NOMINEES.match(text, clause.start()):
                # 区长甲，拟任副区长人选乙、丙，院长丁列席会议: nominees named in a list of
                # those who attend do what the list's last clause says, as the others do.
                pending.extend(m.key for m in inside)
                continue
            pending = [] if led else accompanied
            self._thanks(text, clause, inside)
        if pending and _CUT_BY_SEMICOLON.search(text):
            # 某部副部长甲，某局局长乙；省领导丙、丁等会见时在座: the list goes on after it.
            self.carried = (tuple(pending), index + 1)
        if those:
            self.where = (index, listing.start())
            role = table[listing.group("verb")][0][0]
            if listing.group("guests") and self.current is not None and self.current.type == "reception":
                role = "guest"  # 参加会见的嘉宾有：甲、乙: the visitors received
            self._give(those, role, sentence)

    @staticmethod
    def _organ_holds(text, clause, cue, inside) -> bool:
        """Whether the subject of a clause's 召开 / 主持 is an organ or a place, no person: named
        right before the cue (某区党工委召开, 县委召开, 全县召开), not a place or a day it is held
        on (在某镇召开, 下午召开: the subject before goes on).

        >>> text = "开发区党工委召开会议"
        >>> _Reader._organ_holds(text, re.match(".+", text), re.search("召开", text), [])
        True
        >>> text = "下午在某镇召开座谈会"
        >>> _Reader._organ_holds(text, re.match(".+", text), re.search("召开", text), [])
        False
        """
        if any(m.start < cue.start() for m in inside):
            return False
        gap = text[clause.start() : cue.start()]
        return _ORGAN_BEFORE.search(gap) is not None and not _place_only().fullmatch(gap)

    def _quoted_by(self, index: int, text: str, mentions: list[_Mention], sentence) -> None:
        """Who a sentence right after a quotation alone names as its subject said it (“…。”甲说;
        “…。”在某户家中，甲叮嘱老人): the words the release reports are his, whatever his verb.
        The subject opens the sentence or the clause after a frame of where or when (在某村，…;
        临走时，…), a verb of saying right after him (``said_verbs.tsv``); not one named inside the
        frame (在困难群众乙家中), whose words they are (甲的话让…) nor one who does anything else
        (“…。”乙陪同检查)."""
        frame = _QUOTE_FRAME.match(text)
        opens = frame.end() if frame else 0
        first = next((m for m in mentions if m.start >= opens), None)
        if (
            first is not None
            and _TITLES_ONLY.fullmatch(text, opens, first.start)
            and _said_verb().match(text, first.end)
        ):
            self.where = (index, opens)
            self._give_keys((first.key,), "speak", sentence)

    @property
    def last_subjects(self) -> tuple[str, ...]:
        """Who the story goes on with: the subject of the last clause that had one."""
        return self._last_subjects

    @last_subjects.setter
    def last_subjects(self, subjects: tuple[str, ...]) -> None:
        self._last_subjects = subjects
        self.after_companions = False  # a subject set anew: the companions' turn is over

    def _going_on(self, pronoun: bool = False) -> tuple[str, ...]:
        """Who a clause with no subject of its own goes on with: the subject before it, but not
        the companions of a visit past their sentence, nor through 他 in it (甲到某镇调研。乙陪
        同调研。他指出…: 甲), whom the lead of the visit stands for, else no one."""
        if not self.after_companions:  # 乙陪同。乙主持…: 乙 the subject again
            return self.last_subjects
        if not pronoun and self.where[0] == self.companions_at:
            return self.last_subjects  # 乙陪同调研，并介绍了情况: 乙 goes on
        for parts in (self.pending, *(d.roles for d in reversed(self.drafts))):
            leads = [p for p in parts if p.role == "lead" and p.person not in self.companions]
            if leads:
                return tuple(dict.fromkeys(p.person for p in leads if p.evidence == leads[-1].evidence))
        return ()

    def _him(self) -> tuple[str, ...]:
        """Who a bare 他 stands for: who opened a clause of the sentence before it, else who the
        story goes on with, never a companion (see ``_going_on``)."""
        if self.opener and not (self.opener in self.companions and self.after_companions):
            return (self.opener,)
        return self._going_on(pronoun=True)[:1]

    def _thanks(self, text, clause, inside) -> None:
        """Who a clause that thanks or congratulates someone goes on with: who thanks, named
        before the word and before whom they address, else no one named (乙感谢甲会见，表示…: 乙
        speaks; 外国专家感谢甲会见，表示…: not 甲); a clause whose subject is elided
        (…，并感谢甲…) goes on with the subject before."""
        thanks = _THANKS.search(text, clause.start(), clause.end())
        if thanks is None or _EXPRESSES.search(text, clause.start(), thanks.start()):
            # 对…表示感谢, 向大家表示衷心感谢: thanks said, the speaker the clause goes on with
            return
        before = [m for m in inside if m.end <= thanks.start()]
        if before:
            self.last_subjects = tuple(m.key for m in before[: _spoken_to(text, before) or len(before)])
        elif not _THANKS_ELIDED.fullmatch(text, clause.start(), thanks.start()):
            self.last_subjects = ()

    @staticmethod
    def _held_at(text: str, clause: re.Match, cue: re.Match, inside: list) -> bool:
        """Whether a 召开 cue only says where the doer was: 甲在6月9日召开的某会议上强调 (甲
        speaks at a meeting held that day, whoever chaired it), not 甲召开的会议 (甲 held it).
        """
        if not text.startswith("的", cue.end()):
            return False
        before = [m for m in inside if m.end <= cue.start()]
        start = before[-1].end if before else clause.start()
        return "在" in text[start : cue.start()]

    def _subjects(self, text, clause, cue, where, inside, previous_end, previous, role, pending):
        if where == "after":
            following = [m for m in inside if m.start >= cue.end()]
            if role in ("appointed", "removed"):
                # 任命甲、乙、丙三位同志为…; 免去甲的…职务: the names before 为 / 的.
                stop = _AS_OR_OF.search(text, cue.end(), clause.end())
                limit = stop.start() if stop else clause.end()
                named = [m for m in following if m.start < limit]
                return tuple(m.key for m in named or following[:1])
            if role == "guest":
                # 会见了甲同志亲属: the guests are the relatives, not the one they are kin of
                following = [m for m in following if not _KIN.match(text, m.end)]
            return tuple(m.key for m in following)
        if where == "heard":
            # 听取了甲关于…的汇报: who is heard reports (speaks); who hears does not.
            opening = text.rfind("听取", clause.start(), cue.start())
            if opening < 0:
                return ()
            return tuple(m.key for m in inside if opening < m.start and m.end <= cue.start())
        if where == "within":
            # 在甲的带领下, 在乙陪同下: the names between 在 and the cue.
            opening = text.rfind("在", clause.start(), cue.start())
            return tuple(m.key for m in inside if opening < m.start and m.end <= cue.start())
        # 习近平总书记在…上的重要讲话: a nominal, not what the person does here;
        # 甲听取…报告: the person hears what others say.
        before = [
            m
            for m in inside
            if previous_end <= m.start
            and m.end <= cue.start()
            and not _NOT_DOING.search(text[m.end : cue.start()])
            # 听取了关于接受甲辞职请求的决定的说明: whom the matter is about does not speak on it
            # (关于甲辞去某职务的辞呈: but resigns, as 辞去 says)
            and not (role == "speak" and "关于" in text[max(clause.start(), previous_end) : m.start])
        ]
        about = text.rfind("关于", clause.start(), cue.start()) if role == "speak" else -1
        if 0 <= about < previous_end and not _MATTER_CLOSED.search(text, about, previous_end):
            # 听取了甲关于提请任命乙为…的说明: a cue inside the matter (任命乙) is no end of who
            # speaks on it; 甲, named right before 关于, speaks, and 乙 does not.
            before = [m for m in inside if m.end <= about and not text[m.end : about].strip()][-1:]
        if where == "presented":
            # 甲、乙作招商项目推介, 甲在会上作了…推介: who gives it, a giving verb right after
            # them; every name of the list they close (not 向甲推介, 甲作为…).
            if not before or not _PRESENTS.fullmatch(text, before[-1].end, cue.start()):
                return ()
            opening = before[-2].end if len(before) > 1 else max(clause.start(), previous_end)
            if _FOR_WHOM.search(text, opening, before[-1].start):
                return ()  # 甲为乙作推介: 乙 is whom it is given for
            listed = [before[-1]]
            for m in reversed(before[:-1]):
                if not _LISTED.fullmatch(text, m.end, listed[0].start):
                    break
                listed.insert(0, m)
            return tuple(m.key for m in listed)
        if where == "given":
            # 甲作了题为《…》的报告, 甲在会上作了一场精彩的报告: who gives it, the giving verb
            # between them; not 学习甲的报告, 乙在会上的报告.
            if before and _GIVES.fullmatch(text, before[-1].end, cue.start()):
                return (before[-1].key,)
            return ()
        spoken_to = _spoken_to(text, before) if role == "speak" or where == "before" else 0
        if spoken_to:
            before = before[:spoken_to]
        if where == "subject":
            if before:
                gap = text[before[-1].end : cue.start()]
                # 甲书记强调, 乙副县长则指出: a title after the name addresses them, no more
                address = _address_title().match(gap)
                gaps = (gap, gap[address.end() :]) if address else (gap,)
                if spoken_to or any(_ADVERBIAL.match(g) or _ABOUT.match(g) for g in gaps):
                    return (before[-1].key,)
            if not before and previous and _WHILE.fullmatch(text, previous_end, cue.start()):
                # 甲在与乙座谈时强调: who spoke is who took part in the talk.
                return previous[:1]
            earlier = [m for m in inside if m.end <= previous_end]
            if not before and not previous and earlier:
                # 甲在座谈中表示: a cue word inside the adverbial (座谈) gave no one a role.
                gap = text[earlier[-1].end : cue.start()]
                if _ADVERBIAL.match(gap):
                    return (earlier[-1].key,)
            nominees = _NOMINEES.match(text, cue.start())
            if not before and nominees:
                # 拟任副区长人选甲、乙: the names the cue goes on to, not the subject before.
                return tuple(m.key for m in inside if m.start >= nominees.end())
            if not before and _PRONOUN.search(without_lookalikes(text[clause.start() : cue.start()])):
                # 他 is who opened a clause of the sentence before it, else who the story is about
                return self._him()
            if not before and _ELIDED.match(text[clause.start() : cue.start()]):
                # …调研，强调要…; …，并就…提出要求: the clause goes on with the subject before it,
                # every name of it (甲、乙实地查看了…，并…提出了要求: both spoke).
                return self._going_on()
            return ()
        if role == "accompany":
            # 在 X 陪同下: X accompanies; persons before 在 lead.
            opening = text.rfind("在", clause.start(), cue.start())
            if opening >= 0 and any(m.start > opening for m in before):
                before = [m for m in before if m.start > opening]
        if cue.group() == "座谈" and not _HOLDS_WITH.search(text, clause.start(), cue.start()):
            # 与…座谈: who holds it.
            return ()
        if role in ("host", "chair") and before:
            frame = _ATTENDING_FRAME.search(text, before[0].end, cue.start())
            if _NOT_HOST.search(text, frame.end() if frame else before[0].end, cue.start()):
                return ()
            if (
                role == "host"
                and cue.group() == "会谈"
                and self.callers
                and _TALK_OPENS.match(text, clause.start())
            ):
                # 甲拜会某部，与乙举行会谈: 甲, who paid the call, is its guest; 乙 hosts.
                self._give_keys(self.callers, "guest", None)
                return tuple(m.key for m in before)
            # X 与 Y 会见 / 会谈 / 座谈: X hosts, Y is the guest.
            joint = _WITH.search(text, before[0].end, cue.start())
            if joint and not _TOGETHER.search(text, joint.end(), cue.start()):
                guests = [m for m in before if m.start > joint.start()]
                if role == "host":
                    self._give_keys(tuple(m.key for m in guests), "guest", None)
                    received = self._received() if not guests and _YOU.match(text, joint.end()) else None
                    if received is not None:
                        # 昨天甲同你举行了会谈, in words to a guest: 你 is that guest.
                        self._give_keys((received,), "guest", None)
                before = [m for m in before if m.start < joint.start()]
        # 市长甲，某集团总经理乙分别讲话: each of the names listed, one titled name a clause, spoke.
        # 甲，乙，丙、丁，分别就有关议题作了说明: a clause that opens with 分别 goes on with every
        # name of the clauses of names before it.
        each = (
            "分别" in text[before[-1].end : cue.start()]
            if before
            else bool(pending) and _EACH_OPENS.match(text, clause.start()) is not None
        )
        continues = role != "speak" or _GOES_ON.match(text, clause.start()) or each
        if before:
            keys = tuple(m.key for m in before)
            if continues and pending:
                keys = tuple(pending) + keys
            return keys
        gap = text[previous_end : cue.start()] if previous else text[clause.start() : cue.start()]
        if previous and _AND.match(gap) and role not in ("host", "guest"):
            return previous
        if not previous and _CONNECTIVE.fullmatch(gap) and gap.strip():
            return self._him() if _HIM.search(without_lookalikes(gap)) else self._going_on()
        if not previous and role == "speak" and _GIVES_SPEECH.fullmatch(gap):
            # 甲出席会议，并作重要讲话; …，并讲授专题党课; …，并为党员讲了一堂党课: the clause
            # goes on with the subject before it, who gives the speech.
            return self.last_subjects[:1]
        if not previous and role == "attend" and cue.group() == "座谈" and _TALK_OPENS.match(gap):
            # 甲走进某企业，调研…，与企业座谈: who went takes part in the talk.
            return self.last_subjects[:1]
        if (
            not previous
            and not gap.strip()
            and role in ("host", "chair", "speak")
            and self.opener
            and _TIME_FRAMED.search(text, 0, clause.start())
        ):
            # 甲在出席某博览会期间，会见了乙: who opened the frame does what the clause says.
            return (self.opener,)
        if not previous and _place_only().fullmatch(gap) and role in ("chair", "speak"):
            # …，主持召开座谈会; …，在某镇召开了座谈会: the clause goes on with the subject before it.
            return self._him() if _HIM.search(without_lookalikes(gap)) else self._going_on()[:1]
        if continues and pending and not (previous and role in ("host", "guest")):
            # 甲，乙参加会见: the names before took part (参加); they receive no one.
            return tuple(pending)
        return ()

    def _leads(self, text, clause, inside, sentence, pending) -> bool:
        """Give the lead to who goes to inspect (甲到…调研, 甲先后来到…); whether anyone did."""
        if not inside and not pending:
            he = _HE_OPENS.match(text, clause.start())
            if (
                he
                and self.last_subjects
                and _inspection_cue(text, clause.start(), clause.end()) is not None
                and _lead_after().match(text, he.end(), clause.end())
            ):
                # 次日，他又到某县检查…: the one the story goes on with leads the visit.
                self._give_keys(self.last_subjects[:1], "lead", sentence)
                return True
            return False
        given = {p.person for p in self.pending if p.role in ("accompany", "lead", "attend")}
        if _HABIT.search(text, clause.start(), clause.end()):
            # 甲多次亲临某地考察: visits again and again are no one visit.
            return False
        # 甲关于督查工作的指示: a person named in what is cited.
        inside = [m for m in inside if not _cited(text, clause, m)]
        leaders = [m.key for m in inside if _lead_after().match(text, m.end, clause.end())]
        for m, after in reversed(list(pairwise(inside))):
            # 甲、乙一行来到…: a name listed before one who goes goes too, however long the names.
            if after.key in leaders and m.key not in leaders and _LISTED.fullmatch(text, m.end, after.start):
                leaders.insert(0, m.key)
        cue = _inspection_cue(text, clause.start(), clause.end())
        joined = _JOINS_VISIT.search(text, max(clause.start(), cue - 4), cue) if cue else None
        if joined and (
            not joined["along"]
            or (
                self.current is not None
                and self.current.type == "inspection"
                and any(p.role == "lead" and p.person not in pending for p in self.current.roles)
            )
        ):
            # 乙、丙参加慰问活动; 甲带队走访…。乙、丙等一同看望慰问: who joins a visit another leads
            # takes part in it (the cue before says how); he leads nothing.
            return False
        if cue is not None:
            # 甲对…一行到我市调研表示欢迎: 甲 speaks to the visitors, they lead.
            leaders += [
                m.key for m in inside if m.start < cue and m.key not in leaders and text[m.end] not in "对向"
            ]
            # 甲会见了来某市考察的乙: the visit says who the guest is; 甲 receives him.
            leaders = [
                m.key for m in inside if m.key in leaders and not _receives_visitor(text, m.end, clause.end())
            ]
        told = self.current
        elsewhere = told is not None and told.type != "inspection" and told.sentence == self.where[0]
        if cue is None and leaders and elsewhere:
            # 甲前往广场，向纪念碑敬献花圈: going somewhere for what the sentence reports is no visit.
            pending.extend(key for key in leaders if key not in pending)
            return False
        if cue is None and leaders and told is not None and told.type == "other" and told.roles:
            # 甲、乙参加义务植树活动。甲、乙等来到植树现场，…: going to where a happening told of
            # is held, with no visit's verb, is taking part in it; it leads nothing.
            taking_part = {p.person for p in told.roles}
            self._give_keys(tuple(key for key in leaders if key not in taking_part), "attend", sentence)
            return True
        led = _LED.search(text, clause.start(), clause.end())
        followers: list[str] = []
        if led:
            leaders = [m.key for m in inside if m.start < led.start() and m.key in leaders]
            if not text.startswith("下", led.end()):
                # 甲带领乙、丙走访…: who is led takes part.
                verb = event_names.inspect_verb(text, led.end(), clause.end())
                stop = verb if verb is not None else clause.end()
                followers = [m.key for m in inside if led.end() <= m.start < stop and m.key not in given]
        if followers and (leaders or any(m.start < led.start() for m in inside)):
            self._give_keys(tuple(key for key in followers if key not in leaders), "attend", sentence)
        if leaders:
            # who goes is the subject the sentence goes on with (…调研；…，主持召开座谈会), led
            # already or not
            self.last_subjects = tuple(leaders)
        leaders = [key for key in leaders if key not in given]
        # The names of a list clause just before (甲、乙一行，来到…检查) lead too, unless the
        # clause gave them a part already (甲，乙分别参加走访慰问: they take part, as 乙 does).
        pending = [key for key in pending if key not in given]
        if not leaders and (cue is None or not pending):
            return cue is not None
        keys = tuple(dict.fromkeys([*pending, *leaders]))
        self._give_keys(keys, "lead", sentence)
        self.last_subjects = keys
        return True

    def _give(self, mentions, role, sentence) -> None:
        self._give_keys(tuple(m.key for m in mentions), role, sentence)

    def _give_keys(self, keys, role, sentence) -> None:
        """Participations of the persons in ``keys``; the evidence is the sentence being read."""
        span = sentence.span if sentence is not None else self.reading
        venue = _venue(self.venue_text, self.where[1]) if role in _AT_VENUE else None
        for key in keys:
            self.pending.append(Participation(key, role, span))
            self.positions.append(self.where)
            self.venues.append(venue)

    def _gathering_of(self, signing: _Draft) -> _Draft | None:
        """The meeting or rite told of before a signing that is no rite of its own, on its day."""
        if _is_rite(signing.name):
            return None  # 签约仪式: the speeches are given at the rite itself
        before = self.drafts[: self.drafts.index(signing)]
        return next(
            (
                d
                for d in reversed(before)
                if d.type in ("meeting", "ceremony") and not d.past and d.date == signing.date
            ),
            None,
        )

    def _another_day(self, draft: _Draft, sentence: int) -> bool:
        """Whether a sentence opens with a day that the happening told before was not held on."""
        day = self.days_opened.get(sentence)
        if day is None or draft.date is None:
            return False
        return not (draft.date <= day <= (draft.until or draft.date))

    def _day_since(self, draft: _Draft, sentence: int) -> bool:
        """Whether a sentence after ``draft``'s, up to ``sentence``, opens with a day it was
        not held on (any day, for a happening told with none); not a day long past, told as
        background (1976年7月28日，某地发生地震)."""
        return any(
            draft.date is None or not (draft.date <= day <= (draft.until or draft.date))
            for at, day in self.days_opened.items()
            if draft.sentence < at <= sentence and not self._long_ago(day)
        )

    def assign(self) -> None:
        """Give the participations read so far to the event told of where each was read."""
        fallback = self.current or (self.drafts[0] if self.drafts else None)
        if fallback is None:
            return
        in_talks: list[tuple[Participation, tuple[int, int], list[_Draft]]] = []
        for part, where, venue in zip(self.pending, self.positions, self.venues, strict=True):
            told = next(((mark, draft) for mark, draft in reversed(self.marks) if mark <= where), None)
            if told is None or told[0][0] < where[0]:
                # 甲一行到某地，视察…: a role read before the first event its sentence
                # reports belongs to that event.
                # One told of in the words a role is read before is not that event.
                told = next(
                    (
                        (mark, draft)
                        for mark, draft in self.marks
                        if mark[0] == where[0] and not draft.in_words
                    ),
                    told,
                )
            target = told[1] if told else fallback
            if self.items and target.item != self.items[where[0]]:
                # 1日，甲到某镇慰问…。\n△乙在丙陪同下，看望…: an item of a roundup that tells
                # of no happening read is no part of one an item before it told of.
                continue
            if (told is None or told[0][0] < where[0]) and self._another_day(target, where[0]):
                # 1月9日，甲到某村走访。1月8日上午，乙深入到某镇，倾听民意: a day of its own, no part
                # of the happening told of before.
                continue
            if part.role == "speak" and target.in_words and target.sentence == where[0]:
                if all(mark > where for mark, draft in self.marks if draft is target):
                    # 甲表示，昨天我们召开了常务会议: the words tell of the meeting, they are not
                    # said at it.
                    continue
            if venue is not None and not _held_as(target, venue) and not (told and told[0][0] == where[0]):
                # 甲出席座谈会，并在会前会见了乙。丙在座谈会上强调…: what was said at the meeting
                # is of the meeting told of before, not of the reception told of last (one told of
                # in the sentence itself is held at it: 会上，甲进行了宪法宣誓).
                held = (d for mark, d in reversed(self.marks) if mark <= where and _held_as(d, venue))
                target = next(held, target)
            if target.closed and target.leaders and part.person not in target.leaders:
                # 甲、乙分别带队检查…。甲强调…。乙强调…: what one of them does or says is of the
                # happening they lead, not of the one told last.
                own = next(
                    (
                        d
                        for d in self.drafts
                        if d.closed and d.sentence == target.sentence and part.person in d.leaders
                    ),
                    None,
                )
                target = own or target
            fits = _ROLE_FITS.get(part.role)
            if fits and target.type not in fits:
                # 甲主持召开座谈会。…甲还来到某馆…: one leads a visit, not a meeting; 会前，甲会见
                # 乙。会议由丙主持: one chairs a meeting, not a reception. The role goes to the
                # happening of its kind told of before, if any.
                # …not one of a year long past told in between (2010年，甲到某市考察…。乙陪同考察),
                # nor one told before a day it was not held on opened a sentence (6日，甲来我市考察。
                # 9日，乙会见丙率领的代表团: 丙 leads no visit of the 6th).
                target = next(
                    (
                        draft
                        for mark, draft in reversed(self.marks)
                        if mark <= where
                        and draft.type in fits
                        and not draft.past
                        and draft.item == target.item
                        and not self._day_since(draft, where[0])
                    ),
                    None,
                )
                if target is None or any(
                    (p.person, p.role) == (part.person, part.role) for p in target.roles
                ):
                    continue
            if target.closed and part.role in ("host", "guest", "lead"):
                continue
            if part.role == "speak" and target.type == "signing" and where[0] > target.sentence:
                # 某推介会在某地举行。甲与乙签署…协议。丙致辞: a speech told after a signing
                # that is no rite of its own is given at the gathering the signing is part of.
                target = self._gathering_of(target) or target
            if part.role == "accompany" and any(
                p.person == part.person and p.role in ("host", "guest", "lead") for p in target.roles
            ):
                # 甲会见乙。当晚，甲陪同客人观看了演出: who receives the guests (or leads the
                # visit) goes along with them to what is no event; he does not accompany his own.
                continue
            if part.role in _SIDES and any(
                p.person == part.person and p.role == _SIDES[part.role] for p in target.roles
            ):
                # 甲拜会乙。甲在会谈中说…: the visitor of a call stays its guest; one takes
                # one side of a reception.
                continue
            if target.round and part.role == "attend":
                in_talks.append((part, where, target))  # 先后拜会某部、某委。乙参加会谈
                continue
            if part not in target.roles:
                target.roles.append(part)
        for part, draft in self._calls_attended(in_talks):
            if part not in draft.roles:
                draft.roles.append(part)
        self.taken()

    def _calls_attended(self, in_talks) -> Iterator[tuple[Participation, _Draft]]:
        """Which calls of a list (甲先后拜会某部、某委) those who take part in the talks told after
        it attend: the call on the organ a title of theirs names (某部副部长乙); else, names
        without titles as many as the calls, read together, the call of the same rank (乙、丙参加
        会谈: the lists told in the same order; 分别参加 says so of any names); else every call
        (省领导乙、丙参加会谈: the text says they took part in the talks, and not in which), but
        not when 分别 says each took part in some (乙、丙分别参加有关活动): the call told of, as
        for any role."""
        read_together: dict[tuple[int, int], tuple[_Draft, list[Participation]]] = {}
        for part, where, told in in_talks:
            read_together.setdefault(where, (told, []))[1].append(part)
        for (_, at), (told, parts) in read_together.items():
            calls = told.round or [told]
            each = _SEPARATE.fullmatch(self.venue_text, max(0, at - 2), at) is not None
            untitled = all(not self.titles.get(p.person) for p in parts)
            in_order = len(parts) == len(calls) and (each or untitled)
            for rank, part in enumerate(parts):
                titles = self.titles.get(part.person, ())
                named = [d for d in calls if any(simplify(d.organ) in title for title in titles)]
                if named:
                    yield from ((part, d) for d in named)
                elif in_order:
                    yield part, calls[rank]
                elif each:
                    yield part, told
                else:
                    yield from ((part, d) for d in calls)

    def taken(self) -> list[Participation]:
        """The participations read and not yet given, forgotten with where each was read."""
        pending = self.pending
        self.pending, self.positions, self.venues = [], [], []
        return pending


# What may open a sentence before the subject who said the quotation before it: where or when
# (在某村，甲说; 临走时，甲叮嘱…).
_QUOTE_FRAME = re.compile(
    r"\s*(?:(?:在|当)[^，,。；;：:“”]{1,24}|[^，,。；;：:“”]{1,12}(?:时|后|之际))\s*[，,]\s*"
)


@lru_cache(maxsize=1)
def _said_verb() -> re.Pattern:
    """A verb of saying right after the subject named after a quotation (甲说, 甲笑着说, 甲动情地
    表示, 甲在某村叮嘱…): ``said_verbs.tsv``, an adverbial of manner or of place before it."""
    return re.compile(
        r"(?:同志)?(?:[^，,。；;：:“”的]{1,6}地|笑着|在[^，,。；;：:“”]{1,16}?[上中里]|还|也|又|再次|深有感触地|动情地)*"
        rf"(?:{alternation(load_words('said_verbs.tsv'))})"
    )


def _after_quotation(sentences: tuple[Sentence, ...], index: int) -> bool:
    """Whether the sentence before ``index`` closes a quotation that is all its sentences hold,
    opening one (“要抓好防汛。”; “要抓好。要落实。”), with no one named before it as its speaker.

    >>> from govkg.extract.sentences import split_sentences
    >>> told = tuple(split_sentences("“要抓好防汛。要落实责任。”甲说。"))
    >>> _after_quotation(told, 2), _after_quotation(tuple(split_sentences("乙说：“要抓好。”甲说。")), 1)
    (True, False)
    """
    for back in range(index - 1, max(index - 6, -1), -1):
        said = sentences[back].text.strip()
        if back == index - 1 and not _CLOSES_QUOTE.search(said):
            return False
        opened = said.rfind("“")
        if opened >= 0:
            return opened == 0 and said.count("“") == 1
        if "”" in said[:-3]:
            return False
    return False


_CLOSES_QUOTE = re.compile(r"”[。！？!?…]*$")


# The roles a gathering's clause gives at it (乙在会上强调, 丙在开幕式上致辞, 会上，丁出席…).
_AT_VENUE = frozenset({"speak", "attend", "chair"})
# Where a clause says its doer was: at a gathering (在座谈会上, 在会上, 在开幕式上; 会上， opening
# the sentence); the gathering's noun, its own name (全市安全生产工作会议上) or a kind (会上).
_VENUE = re.compile(
    r"(?:^\s*|在)(?P<noun>[^，,；;。！？!?：:\s在的]{0,30}?(?:会议|会|论坛|开幕式|闭幕式|仪式|典礼))上(?!的)"
)
_CLAUSE_BREAK = re.compile(r"[，,；;。]")


def _venue(text: str, at: int) -> str | None:
    """The gathering a role read at ``at`` was told at: the noun of the last venue before it in
    its clause, or opening its sentence (:data:`_VENUE`); None for none.

    >>> _venue("乙在座谈会上强调，要压实责任", 6), _venue("会上，乙强调", 4), _venue("上午，乙强调", 4)
    ('座谈会', '会', None)
    >>> _venue("乙在会上通报了情况，丙强调", 11)  # another clause's venue is not this one's
    >>> _venue("乙在会上通报了情况，并强调", 11)  # a clause going on with its subject keeps it
    '会'
    """
    found = None
    for match in _VENUE.finditer(text, 0, at):
        breaks = _CLAUSE_BREAK.finditer(text, match.end(), at)
        if match.start() == 0 or all(_GOES_ON_SAME.match(text, b.end()) for b in breaks):
            found = match
    return None if found is None else simplify(found.group("noun"))


# A clause that goes on with the subject of the one before (…，并强调…; …，同时要求…).
_GOES_ON_SAME = re.compile(r"\s*(?:并|还|同时|也|又|再|进而)")


def _held_as(draft: _Draft, venue: str) -> bool:
    """Whether an event is the gathering a venue names: a meeting for 会 / 会议 (会上), else one
    whose name ends with the venue's noun (座谈会上: …座谈会; 在开幕式上: …开幕式)."""
    if venue in ("会", "会议"):
        return draft.type == "meeting"
    return draft.type in ("meeting", "ceremony", "signing") and simplify(draft.name).endswith(venue)


# Kin named by whose they are (甲同志亲属, 甲的夫人, 甲先生家属): not that person.
_KIN = re.compile(r"(?:同志|先生|女士|老人)?的?(?:亲属|家属|遗属|夫人|遗孀|子女|家人|后人|后代|亲友)")


# Commissions handed over (颁发任命书, 颁发了任命书), named by no rite of their own.
_COMMISSIONS = re.compile(r"(?:颁发|颁授)了?[^，,；;。]{0,10}?任命书")
_OATH = re.compile(r"宣誓")


def _commissions_at_the_sitting(drafts: list[_Draft], text: str) -> list[_Draft]:
    """The events without commissions handed over at a sitting, in the sentence that tells of
    its appointments, with no rite: 会议通过了人事任免决议，…，甲为两名同志颁发任命书 is part of
    the sitting (甲 attends the meeting), not a ceremony; told in a sentence of its own (甲向新
    任命人员颁发了任命书。), with an oath told (宪法宣誓) or a rite named (颁发任命书仪式) it is
    one, and with no sitting told of or nothing appointed, too."""
    sitting = next((d for d in drafts if d.type == "meeting"), None)
    if sitting is None or not any(d.type == "appointment" for d in drafts) or _OATH.search(simplify(text)):
        return drafts
    named = {p.person for d in drafts if d.type == "appointment" for p in d.roles}
    told = {d.sentence for d in drafts if d.type == "appointment"}
    kept = []
    for draft in drafts:
        if (
            draft.type == "ceremony"
            and draft.sentence in told
            and _COMMISSIONS.fullmatch(simplify(draft.name))
        ):
            # who hands them over attends the sitting; whom they are handed to is appointed
            sitting.roles.extend(p for p in draft.roles if p not in sitting.roles and p.person not in named)
            continue
        kept.append(draft)
    return kept


# What ends a title (某集团党委委员、副总裁): the guest's titles, when no name follows them in
# the clause of the reception.
_TITLE_ENDS = re.compile(r"(?:长|主任|主席|书记|总裁|经理|委员|大使|领事|代表|总监|董事|理事|参赞)\s*$")
# What may follow the guest named in the clause after: his party, and the sentence's end.
_GUEST_ENDS = re.compile(r"\s*(?:一行|等)?(?:[。；;！!]|$)")
_CLAUSE_MARK = re.compile(r"[，,。；;：:！？!?]")


def _guest_runs_on(text: str, clause: re.Match, cue: re.Match, mentions: list[_Mention]) -> tuple[str, ...]:
    """The guest of a reception whose titles run on past a comma to the name (会见某集团党委委员、
    副总裁，某公司董事长甲): the one name the clause after holds, titles alone before it and the
    sentence's end after it; none where the clause after tells of something else (会见某国大使，
    双方就…交换意见; …，某国总理乙陪同).
    """
    if not _TITLE_ENDS.search(text, cue.end(), clause.end()):
        return ()
    opens = clause.end() + 1
    after = [m for m in mentions if m.start >= opens]
    if not after or not _GUEST_ENDS.match(text, after[0].end):
        return ()
    between = text[opens : after[0].start]
    if not between or len(between) > 40 or _CLAUSE_MARK.search(between):
        return ()
    return (after[0].key,)


def _after_unopened_bracket(name: str) -> str:
    """A name without what comes before a bracket it never opened: the end of an aside such as
    a byline (新华社北京3月4日电（记者 甲）某委员会第一次会议4日闭幕) is no part of it.

    >>> _after_unopened_bracket("甲）某委员会第一次会议"), _after_unopened_bracket("某（扩大）会议")
    ('某委员会第一次会议', '某（扩大）会议')
    """
    cut = max((closed + 1 for opened, closed in bracket_groups(name) if opened is None), default=0)
    return name[cut:]


def _names_appointment(name: str) -> int:
    """How well ``name`` names an appointment: 2 the sitting's item, 1 an act, 0 what goes with one.

    >>> _names_appointment("有关人事任免事项"), _names_appointment("决定任命乙为副县长")
    (2, 1)
    >>> _names_appointment("辞去某县人民政府县长职务的决定"), _names_appointment("人事任免事项的说明")
    (0, 0)
    """
    name = simplify(name)
    if _APPOINTMENT_ITEM.fullmatch(name):
        return 2
    return 1 if _APPOINTING.match(name) else 0


def _is_rite(name: str) -> bool:
    """Whether a ceremony's name is a rite of its own (…仪式, 典禮), in either script."""
    return _RITE.search(simplify(name)) is not None


def _has_subject(name: str) -> bool:
    """Whether a meeting's name says what it is about before its meeting noun.

    >>> _has_subject("艾滋病防治工作座谈会"), _has_subject("座谈会"), _has_subject("专题会议")
    (True, False, False)
    """
    heads = [head for head in _meeting_heads() if name.endswith(head)]
    if not heads:
        return False
    subject = name[: len(name) - max(map(len, heads))]
    return len(subject) >= 2 and not _GENERIC_MEETING.match(name) and not _BARE_SUBJECT.match(subject)


# A headline's segment that is a date and nothing else, in brackets or not (…常务会议 （6月9日）).
_DATE_ONLY = re.compile(r"[（(【［\[]?(?P<date>[^（）()【】［］\[\]]+)[）)】］\]]?")


def _headline_drafts(release: Release) -> dict[str, _Draft]:
    """The first event of each type the headline reports, read segment by segment.

    A segment that is a date alone (…常务会议 2021年6月9日) dates what the others report
    with no day of their own.
    """
    found: dict[str, _Draft] = {}
    span = Span(0, 0)
    day = None
    for segment in event_names.split_headline(release.title or ""):
        only = _DATE_ONLY.fullmatch(segment)
        written = list(find_dates(only.group("date"), release_clock(release))) if only else []
        if len(written) == 1 and written[0].span == Span(0, len(only.group("date"))) and written[0].iso:
            day = day or written[0]
            continue
        reader = _Reader(release, ())
        reader.read_events(0, Sentence(span, segment), view(segment), [])
        for draft in reader.drafts:
            found.setdefault(draft.type, draft)
    for draft in found.values():
        if day is not None and draft.date is None and not (draft.past or draft.in_words):
            draft.date, draft.until = day.iso, day.until
    return found


# A line that is a caption: a short phrase with no punctuation of a clause (项目签约仪式).
_CAPTION_LINE = re.compile(r"[^，,。；;：:！？!?]{1,24}")


def _date_captions(drafts: list[_Draft], sentences: tuple[Sentence, ...]) -> None:
    """Date a rite or a signing named by a caption line alone (项目签约仪式) by the one day the
    release tells of.

    A caption names what a photo shows of the happening told of; it states no day. Where
    every dated happening of the release falls on one day (6月6日，某推介会举行…共同见证项目签约),
    that is the rite's day; where the release tells of several days, which one is not said.
    """
    days = {d.date for d in drafts if d.date and not (d.past or d.in_words)}
    ranged = any(d.until for d in drafts)
    if len(days) != 1 or ranged:
        return
    (day,) = days
    for draft in drafts:
        if (
            draft.type in ("signing", "ceremony")
            and draft.date is None
            and not (draft.past or draft.in_words)
            and _CAPTION_LINE.fullmatch(sentences[draft.sentence].text.strip())
        ):
            draft.date = day


def _headline_day(headline: dict[str, _Draft]) -> str | None:
    """The one day the headline gives its events, if it gives one (not a range: which of its
    days is not told; not two days)."""
    days = {(told.date, told.until) for told in headline.values() if told.date}
    return next(iter(days))[0] if len(days) == 1 and next(iter(days))[1] is None else None


def _date_from_headline(drafts: list[_Draft], headline: dict[str, _Draft], day: str | None) -> None:
    """Date the first event of each type as its headline does where the body gives no day.

    3月5日市长甲到某镇调研 over a body that says only 市长甲到某镇调研: the headline
    is text the reader has, read against the same clock. Not an event told of a
    year long past or in reported words. ``day``: the one day the headline gives
    (:func:`_headline_day`).
    """
    for kind, told in headline.items():
        first = next((d for d in drafts if d.type == kind), None)
        if first is not None and first.date is None and told.date and not (first.past or first.in_words):
            first.date, first.until = told.date, told.until
    # 6月8日市政府召开常务会议 over 市政府召开常务会议…。会后，甲到某县调研: the day the headline
    # gives is the day a sentence that goes on with it (会后, 当天, 随后) takes.
    if day is not None:
        for draft in drafts:
            if draft.follows and draft.date is None:
                draft.date = day
    # 6月8日，甲到某镇调研 over 甲到某镇调研。甲主持召开座谈会。: the meeting told right after the
    # visit the headline dates is of its day, as it would be had the body given the day.
    for draft in drafts:
        visit = draft.after_visit
        if draft.date is None and visit is not None and visit.date and not visit.until:
            draft.date = visit.date


def _name_from_headline(drafts: list[_Draft], release: Release, headline: dict[str, _Draft]) -> None:
    """Name the main visit or meeting as the headline does where the body names it poorly.

    A headline names the happening its release reports: the first visit takes
    the name of the activity the headline reports (开展新春慰问活动: 新春慰问活动), else
    the headline's phrase when the body's says too little (实地督导) or no place
    and the headline's does (在河北唐山市考察); the first meeting takes the
    headline's name when the body's is generic (会议) or a shortening of it, or
    when the body tells of a talk with others (与…座谈) that the headline calls
    by a name of its own (艾滋病防治工作座谈会).
    """
    visit = next((d for d in drafts if d.type == "inspection"), None)
    told = headline.get("inspection")
    if visit is not None and told is not None:
        body, head = simplify(visit.name), simplify(told.name)
        campaign = _CAMPAIGN.search(head)
        if campaign:
            # 某区委开展新春慰问活动: the activity's own name.
            visit.name = told.name[campaign.start(1) :]
        elif not event_names.is_weak_visit(head) and (
            event_names.is_weak_visit(body)
            or (not event_names.has_place(body) and event_names.has_place(head))
        ):
            visit.name = told.name
    meeting = next((d for d in drafts if d.type == "meeting"), None)
    told = headline.get("meeting")
    if meeting is not None and told is not None and not told.generic:
        body, head = simplify(meeting.name), simplify(told.name)
        if (
            meeting.generic
            or (len(head) > len(body) and not set(body) - set(head))
            or (_TALK_WITH.match(body) and _has_subject(head))
        ):
            meeting.name = told.name


# The head of a visiting delegation (某区经贸考察团团长): a delegation that visits, not a
# congress's (代表团) or an inspection team stationed somewhere (巡察组).
_DELEGATION_HEAD = re.compile(r"(?:考察|调研|参观|观摩|访问)团(?:副)?团长$")


def _delegation_heads_lead(drafts: list[_Draft], persons: tuple[Person, ...]) -> None:
    """The head of a visiting delegation leads its visit (the first the release reports),
    wherever the text names him (…考察团团长甲在座谈中表示)."""
    visit = next((d for d in drafts if d.type == "inspection" and not d.past), None)
    if visit is None:
        return
    for person in persons:
        head = next((h for h in person.holdings if _DELEGATION_HEAD.search(simplify(h.title))), None)
        if head is not None and not any((p.person, p.role) == (person.key, "lead") for p in visit.roles):
            # the evidence is the sentence that names him the delegation's head
            visit.roles.append(Participation(person.key, "lead", head.evidence))


def _chair_from_headline(drafts: list[_Draft], release: Release, persons: tuple[Person, ...]) -> None:
    """Who the headline says chaired (甲主持召开…座谈会) chairs the first meeting.

    A chair is not also an attendee of the meeting he chairs (甲在中南海与…座谈).
    """
    meeting = next((d for d in drafts if d.type == "meeting"), None)
    if meeting is None or not release.title:
        return
    title = simplify(release.title)
    for person in persons:
        at = title.find(simplify(person.name))
        if at < 0 or not _HEADLINE_CHAIR.match(title, at + len(person.name)):
            continue
        chair = Participation(person.key, "chair", meeting.evidence)
        meeting.roles = [p for p in meeting.roles if (p.person, p.role) != (person.key, "attend")]
        if not any((p.person, p.role) == (person.key, "chair") for p in meeting.roles):
            meeting.roles.append(chair)


def _visit_phrase(text: str, start: int, verb: int, end: int, written) -> tuple[tuple[int, int], ...]:
    """A visit's verb phrase ``text[start:end]`` (its verb at ``verb``) without the dates and
    parts of a day that open it or stand right before the verb: when, not what, the visit is
    (于本月3日深入某县检查… -> 深入某县检查…; 在今年6月到某县调研 -> 到某县调研; 在某镇3日上午调研
    -> 在某镇, 调研). ``written``: the spans of the dates written in ``text``.

    >>> text = "在某镇3日上午调研"
    >>> [text[s:e] for s, e in _visit_phrase(text, 0, 7, 9, [Span(3, 5)])]
    ['在某镇', '调研']
    >>> text = "于本月3日深入某县检查"
    >>> [text[s:e] for s, e in _visit_phrase(text, 0, 9, 11, [Span(1, 5)])]
    ['深入某县检查']
    """
    when = [(d.start, d.end) for d in written] + [m.span() for m in _day_parts().finditer(text, start, verb)]
    when = [(s, e) for s, e in when if start <= s and e <= verb]
    ends = {e: s for s, e in when}
    starts = dict(when)
    opens = start + (text[start : start + 1] in ("于", "在"))  # 于3日, 在今年6月; 在某镇 is kept
    head = opens
    while head in starts:
        head = starts[head]
    if head >= verb:
        return ((start, end),)  # dates and the verb alone (3日上午调研): kept as they are
    start = head if head > opens else start
    tail = verb
    while tail in ends and ends[tail] > start:
        tail = ends[tail]
    return ((start, tail), (verb, end)) if tail < verb else ((start, end),)


def _sentence_view(release: Release, body: View, sentence: Sentence) -> View:
    """The view of a sentence of the release's body, a part of the body's view ``body``."""
    start, end = sentence.span.start, sentence.span.end
    if end - start == len(sentence.text) and release.text.startswith(sentence.text, start):
        return part_view(body, release.text, start, end)
    return view(sentence.text)  # a sentence that is no part of the body (as some tests give)


# What marks the start of an item of a roundup (大事记, 工作动态) at the start of a line: a
# bullet (■ 12月28日，…; △副市长甲会见…), or a day (or month) alone on its line, heading the items
# of that day (3日\n市委书记甲…).
_ITEM_BULLET = re.compile(r"[ \t\u3000]*[■□●○◆◇▲△▼▽★☆►▶◎※]")
_DAY_HEADING = re.compile(
    r"\s*(?:(?:[0-9]{4}年)?[0-9]{1,2}月)?[0-9]{1,2}[日号](?:\s*[-—–~～至到]\s*[0-9]{1,2}[日号]?)?\s*"
    r"|\s*(?:[0-9]{4}年)?[0-9]{1,2}月份?\s*"
)


def _items(text: str, sentences: tuple[Sentence, ...]) -> tuple[int, ...]:
    r"""The item of a roundup each sentence is in: a count that goes up where a line opens with
    a bullet or is a day alone (:data:`_ITEM_BULLET`, :data:`_DAY_HEADING`). A release with no
    such mark is one item.

    >>> from govkg.extract.sentences import split_sentences
    >>> text = "9日，甲会见乙。丙陪同。\n△丁会见戊。\n3日\n己到某镇调研。"
    >>> _items(text, tuple(split_sentences(text)))
    (0, 0, 1, 2, 2)
    """
    items, item = [], 0
    for sentence in sentences:
        start = sentence.span.start
        line_start = start == 0 or text[start - 1] == "\n" or sentence.text[:1] == "\n"
        body = sentence.text.lstrip("\n")
        if line_start and (_ITEM_BULLET.match(body) or _DAY_HEADING.fullmatch(body)):
            item += 1
        items.append(item)
    return tuple(items)


def find_events(
    release: Release, sentences: tuple[Sentence, ...], persons: tuple[Person, ...]
) -> Iterator[Event]:
    """The events a release reports, with participants' roles and what they implement.

    >>> text = "1月25日，我市召开疫情防控工作电视电话会议，贯彻落实习近平总书记重要指示精神。"
    >>> from govkg.extract.sentences import split_sentences
    >>> release = Release(id="x", text=text, published="2020-01-26")
    >>> events = find_events(release, tuple(split_sentences(text)), ())
    >>> [(e.type, e.name, e.date, e.implements) for e in events]
    [('meeting', '疫情防控工作电视电话会议', '2020-01-25', ('习近平总书记重要指示精神',))]
    """
    reader = _Reader(release, persons)
    reader.items = _items(release.text, sentences)
    headlined = _headline_drafts(release) if release.title else {}
    # 6月8日某县召开常务会议 over a body that gives no day: 次日 and 当天 count from the headline's.
    headline_day = reader.last_date = _headline_day(headlined)
    orphans: list[tuple[int, Participation]] = []  # (the item read in, the role)
    directives: list[tuple[int, str]] = []
    run_start = 0  # where the sentence a part after a semicolon is cut from starts
    body = view(release.text)  # each sentence's view is a part of it (made once, by persons)
    for index, sentence in enumerate(sentences):
        v = _sentence_view(release, body, sentence)
        mentions = _without_principals(v.text, _sentence_mentions(sentence, v, reader.spans))
        reader.read_events(index, sentence, v, mentions)
        # …了解工作情况；在某机关考察，主持召开座谈会: a part after a semicolon goes on with
        # the subject of the sentence it is cut from, and a role read in it is stated by the
        # whole sentence (which names who takes it).
        goes_on = index > 0 and sentences[index - 1].text.rstrip().endswith(("；", ";"))
        run_start = run_start if goes_on else sentence.span.start
        if mentions or goes_on or _PRONOUN_ANYWHERE.search(without_lookalikes(v.text)):
            whole = Sentence(Span(run_start, sentence.span.end), sentence.text) if goes_on else sentence
            reader.after_quote = _after_quotation(sentences, index)
            reader.read_roles(index, whole, v, mentions)
            if reader.current is None:
                orphans.extend((reader.item, part) for part in reader.taken())
            else:
                reader.assign()
        for offset, phrase in find_directives(v.text):
            at = v.text.find(phrase, offset)
            directives.append((index, sentence.text[v.start(at) : v.end(at + len(phrase))]))
    if all(draft.in_words for draft in reader.drafts) and release.title and sentences:
        # A body that reports no happening in its own words (it opens with a quote,
        # say) is about what its headline reports; the evidence is the first sentence.
        # What the body's reported words tell of comes after it.
        told_in_words, reader.drafts = reader.drafts, []
        headline = Sentence(sentences[0].span, release.title)
        reader.in_words = False
        reader.read_events(0, headline, view(release.title), [])
        opening = first_date(sentences[0].text, reader.clock)
        for draft in reader.drafts:
            draft.roles.extend(part for _, part in orphans)
            draft.date = draft.date or opening
            orphans = []
        reader.drafts += told_in_words
    drafts = reader.drafts
    if not drafts:
        return
    if release.title:
        _date_from_headline(drafts, headlined, headline_day)
        _name_from_headline(drafts, release, headlined)
        _chair_from_headline(drafts, release, persons)
    _date_captions(drafts, sentences)
    _delegation_heads_lead(drafts, persons)
    drafts = _commissions_at_the_sitting(drafts, release.text)
    for item, part in orphans:
        # (of the first happening of its own item of a roundup: 1日\n甲在乙陪同下…。\n△丙到某镇调研)
        first = next((d for d in drafts if d.item == item), None)
        if first is not None and part not in first.roles:
            first.roles.append(part)
    for index, phrase in directives:
        # (not a meeting held before the one told of, past its own sentence)
        told = (d for d in reversed(drafts) if d.sentence <= index and not (d.aside and d.sentence < index))
        owner = next(told, drafts[0])
        if reader.items and owner.item != reader.items[index]:
            continue  # an item of a roundup that tells of no happening: what it carries out is its own
        if phrase not in owner.implements:
            owner.implements.append(phrase)
    # 5月6日和12日，甲连续两次召开…: one event a day, each with what was read of them.
    # 主持召开甲会议和乙会议: one event a meeting listed, each with what was read of them.
    happenings = [
        (replace(draft, date=day, name=f"{draft.name}（{written}）") if draft.repeats else draft)
        for draft in drafts
        for day, written in (draft.repeats or ((draft.date, ""),))
    ]
    happenings = [
        replace(draft, name=name) if name != draft.name else draft
        for draft in happenings
        for name in (draft.name, *draft.listed)
    ]
    for number, draft in enumerate(happenings):
        yield Event(
            key=f"e{number}",
            type=draft.type,
            name=draft.name,
            evidence=draft.evidence,
            date=draft.date,
            place=draft.place,
            participations=tuple(draft.roles),
            implements=tuple(draft.implements),
        )
