"""Officials' titles: where a title starts and ends, and what it resolves to.

A title is written before the name it belongs to (市委副书记、市长何平), in a
chain split at 、 or 兼, or, for a few high offices, after it (习近平总书记).
It ends in a *head* (书记, 市长, 主任: ``data/titles.tsv``) and starts after a
mark or a word that may precede it (在, 陪同, 会见: ``data/name_context.tsv``).

A title resolves to a jurisdiction: a place it names (天津市委书记 → 天津市), a
country (德国外长 → 德国), 中国 for central offices (国务院, 全国政协,
总书记, and China's offices abroad: 驻德国大使), or, for a level word (市长,
县委书记), the release's place or the division above it at that level. All
matching is on the simplified view of the
text (see :mod:`govkg.extract.chars`).

:func:`parse_title` reads a title once: the office it names without its
place (市长, 市委书记), the office's level, whether it is national (the
national titles of ``data/names.tsv``) and the place it names as a canonical
key (:func:`~govkg.extract.places.place_prefix`: the most local of a run of
places, 上海市黄浦区委 → 黄浦区; or the foreign country whose office it is,
:func:`country_of`). :func:`resolve` reads a title's place and
nationality from it and decides only what needs the release: the place a
bare level word names (:func:`~govkg.extract.places.lift` from the
release's place). Extraction keeps the reading on each ``Holding.office``;
identity reads it and parses no title itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from govkg.extract.chars import bracket_groups, simplified
from govkg.extract.data import load_table, load_words
from govkg.extract.names import HAN, context_words, ends_with, is_chinese_name
from govkg.extract.places import (
    LEVEL_WORDS,
    NATIONAL,
    ORGAN_AFTER_PLACE,
    countries,
    gazetteer,
    level_word,
    lift,
    lineage,
    place_key,
    place_object,
    place_prefix,
    scan_names,
)
from govkg.extract.places import find_places as _find_places
from govkg.extract.records import Office

MAX_TITLE = 40
_ORDINAL = re.compile(r"第\d{1,3}届")


@lru_cache(maxsize=8192)
def find_places(text: str) -> tuple[tuple[int, int, str], ...]:
    """The gazetteer places a title names (cached: titles repeat)."""
    return tuple(_find_places(text))


# Words that start with a level word but name no Chinese level: a market (市场监管局局长),
# a foreign state's governor (州督).
_NO_LEVEL = ("市场", "州督")
# Words a title may start with before its level word (原市长, 常务副县长).
_MODIFIERS = re.compile(r"^(?:原|前|时任|代理|代|常务|第一|副|专职|兼)*")
# The Youth League's committee of a level (团省委书记, 团市委副书记): an office of that level.
_LEAGUE = re.compile(f"团[{LEVEL_WORDS}]委")
# Words that make an office a former one (原市长, 时任县委书记).
_FORMER_WORDS = ("原", "前", "时任")
_FORMER = re.compile(f"^(?:{'|'.join(_FORMER_WORDS)})*")
# The head of a democratic party's committee (致公党区委主委, 民盟市委副主委): its 委 is that
# party's committee, not the Communist Party's.
_OTHER_PARTY_HEADS = ("主委",)
_GROUPS = re.compile(r"^(.*?(?:领导小组|工作组|指挥部|工作专班|专班|委员会))")


@cache
def heads() -> tuple[str, ...]:
    """Title heads, longest first."""
    return tuple(sorted((row[0] for row in load_table("titles.tsv")), key=len, reverse=True))


@cache
def heads_after_name() -> tuple[str, ...]:
    return tuple(h for h in heads() if dict(load_table("titles.tsv"))[h] == "yes")


@cache
def head_pattern() -> re.Pattern:
    """A pattern for title heads, longest first."""
    return re.compile("|".join(map(re.escape, heads())))


def is_title(chunk: str) -> bool:
    """Whether a chunk of text reads as a title: it ends in a head and is no group word.

    >>> is_title("市委副书记"), is_title("市领导"), is_title("常务副县长"), is_title("增长")
    (True, False, True, False)
    >>> is_title("委常委"), is_title("委员")
    (False, True)
    """
    if not chunk or len(chunk) > MAX_TITLE or not chunk.endswith(heads()):
        return False
    if not all(HAN.match(c) or c in "()（）·-" or c.isdigit() for c in chunk):
        return False
    if chunk[0] == "委" and not chunk.startswith("委员"):
        return False  # 委 is the committee of the place before it (县委常委): cut from it, no title
    if chunk == "代表":
        return False  # 代表 alone is "on behalf of" (甲代表施工方发言); a deputy is of a body (人大代表)
    return chunk not in context_words("group")


def title_start(text: str, end: int, floor: int = 0) -> int:
    """Where a title that ends at ``end`` starts: after a mark or a word before titles.

    >>> text = "在市委副书记、市长何平陪同下"
    >>> text[title_start(text, 9) : 9], text[title_start(text, 6) : 6]
    ('市长', '市委副书记')
    """
    context_words("before")
    i = end
    lowest = max(floor, end - MAX_TITLE)
    while i > lowest:
        c = text[i - 1]
        if c.isdigit():
            # 第24届冬奥会工作领导小组: an ordinal inside a title
            m = _ORDINAL.search(text, max(0, i - 8), i + 1)
            if m and m.end() == i + 1:
                i = m.start()
                continue
            break
        if not ("\u4e00" <= c <= "\u9fff" or c in "()（）"):  # HAN, compared, not matched
            break
        if i < end and text.startswith("兼", i - 1):
            break
        if i < end - 1 and _named_taker(text, i):
            break  # 甲任理事会主任，乙、丙任副主任: the post 甲 takes; neither 甲 nor 任 opens it
        if (
            i < end - 1
            and ends_with("before", text, i)
            and not _kept(text, i)
            and not _sectors_joined(text, i)
            and not _inside_place(text, i)
        ):
            # a word such as 在 or 会见 may also be part of the title (会见 is
            # not, 在 never is): stop unless the rest is too short to be one, or is a head
            # after the last character of its organ's name (纪念馆馆长, 慰问团团长: 馆长 alone
            # follows 馆, the word before ends in the organ's name)
            if not _organ_tail(text, i, end):
                break
        i -= 1
    if i < end and text[i] in "日号月年后" and i > 0 and text[i - 1].isdigit():
        i += 1  # 1月25日市长何平: the date is no part of the title, nor a generation (75后市长甲)
        if text.startswith("前", i) and text[i - 1] != "后" and is_title(text[i + 1 : end]):
            i += 1  # 40年前某国总统甲访华: a time ago, not a former holder (前总统)
    i = _after_aside(text, i, end)
    if (i == 0 or not HAN.match(text[i - 1])) and (opener := _opener(text, i, end)):
        i += len(opener)  # 据县农业局局长甲介绍: the preposition opening the clause is no part of the title
    elif text.startswith("应", i) and _invited_by(text, i, end):
        i += 1  # 应法国总统甲邀请, 应中共中央政治局委员甲邀请: "at the invitation of" (应县 keeps 应)
    elif (
        text.startswith("以", i) and is_title(text[i + 1 : end]) and not country_pattern().match(text, i, end)
    ):
        i += 1  # 以某市委书记甲为团长, 以总书记甲为团长的代表团: "with" before a title (以色列 keeps 以)
    counted = _COUNTED.match(text, i, end)
    if counted:
        i = counted.end()  # 一段某县县委书记甲在一线…的视频: a count is no part of the title
    named = text.rfind("代表", i, end - 2)
    if named != -1 and _starts_a_title(text[named + 2 : end]):
        i = named + 2  # 客商代表佛山市某公司董事长: whom the person stands for, then the title
    cut = text.rfind("的", i, end)
    if cut != -1 and (
        _starts_a_title(text[cut + 1 : end])
        or (_COMING.match(text, i, cut) and is_title(text[cut + 1 : end]))
        or (_EVENT_ATTENDED.search(text, i, cut) and is_title(text[cut + 1 : end]))
    ):
        # 新当选的上海市市长, 周年活动的马尔代夫总统: the title starts after 的
        # when what follows opens with a level, place or country of its own, or when what
        # comes before tells why the holder came (来某市进行经贸考察的某党中常委)
        return cut + 1
    return i


def _invited_by(text: str, i: int, end: int) -> bool:
    """Whether the 应 at ``i`` is "at the invitation of" before the title that runs to ``end``:
    a country's title, a national one, or one that opens with a level or a place of its own,
    where no place of the gazetteer starts at 应 (应县, of which 应县县长 is a title).

    >>> t = "应中共中央政治局委员"
    >>> _invited_by(t, 0, len(t)), _invited_by("应法国总统", 0, 5), _invited_by("应县县长", 0, 4)
    (True, True, False)
    """
    if country_pattern().match(text, i + 1, end):
        return True
    places = find_places(text[i:end])
    if places and places[0][0] == 0:
        return False
    rest = text[i + 1 : end]
    return _starts_a_title(rest) or (is_title(rest) and parse_title(rest).national)


def _named_taker(text: str, i: int) -> bool:
    """Whether ``text[:i]`` ends in a name and the verb 任 after it, the name at the start of
    its clause or list item (甲任某会主任, 、乙任副主任): the title that follows is the post the
    name takes. Not 任 inside a title (主任委员: 主 is no name), nor a name inside a longer word.

    >>> _named_taker("，罗某坚任理事会主任", 5), _named_taker("、庞静任副主任", 4)
    (True, True)
    >>> _named_taker("常委会副主任委员", 6), _named_taker("会上罗某坚任主任", 6)
    (False, False)
    >>> _named_taker("，罗某坚改任常务副主任", 6), _named_taker("、庞静均兼任副主任", 6)
    (True, True)
    >>> _named_taker("原某办主任罗某坚改任常务副主任", 10)  # a titled name takes the post too
    True
    """
    verb = _TAKES_POST.search(text, max(0, i - 4), i)
    if verb is None or verb.end() != i:
        return False
    for n in (3, 2):
        k = verb.start() - n
        if k < 0 or not is_chinese_name(text[k : verb.start()]):
            continue
        if k == 0 or not HAN.match(text[k - 1]) or text[k - 1] == "、" or text.endswith(heads(), 0, k):
            return True
    return False


# The verb after a name that gives it the post which follows (甲任, 乙改任, 丙、丁均兼任).
_TAKES_POST = re.compile(r"均?(?:改|调|升|转|兼|担|出)?任")


def _organ_tail(text: str, i: int, end: int) -> bool:
    """Whether what runs from ``i`` to ``end`` is a title after the last character of an organ's
    name, the character its head opens with (馆馆长, 团副团长, 组组长, 局局长): no title alone.

    >>> _organ_tail("烈士纪念馆馆长", 4, 7), _organ_tail("纪念馆副馆长", 2, 6), _organ_tail("在市长", 1, 3)
    (True, True, False)
    """
    if end - i < 3 or text[i] not in _head_initials():
        return False
    head = next((h for h in heads() if text.endswith(h, i + 1, end)), None)
    return (
        head is not None
        and head[0] == text[i]
        and _DEPUTY.fullmatch(text, i + 1, end - len(head)) is not None
    )


# What may stand between an organ's name and its head: a deputy's words (副, 常务副, 执行).
_DEPUTY = re.compile(r"(?:常务|第一|执行)?副?")


@cache
def _head_initials() -> frozenset[str]:
    return frozenset(h[0] for h in heads())


def _after_aside(text: str, i: int, end: int) -> int:
    """Where a title starts once an aside in brackets before it is left out: a byline
    (本报讯（记者甲）县委书记乙, (记者甲 乙)市长丙) or any other. A title may hold brackets
    (某某（集团）公司董事长) but never opens with them, nor holds a closing one alone, nor a
    byline or a space in them.

    >>> t = "电（记者张三）市委书记"
    >>> t[_after_aside(t, 0, len(t)) :]
    '市委书记'
    >>> t = "李四)市长"
    >>> t[_after_aside(t, 0, len(t)) :]
    '市长'
    >>> t = "本报讯(记者张三)县委书记"
    >>> t[_after_aside(t, 0, len(t)) :]
    '县委书记'
    >>> t = "某某（集团）公司董事长"
    >>> t[_after_aside(t, 0, len(t)) :]
    '某某（集团）公司董事长'
    """
    for opened, closed in bracket_groups(text, i, end):
        # a closing bracket whose opening one lies before the title, an aside that opens it, a byline
        if opened is None or opened == i or _byline_aside(text[opened + 1 : closed]):
            i = closed + 1
    return i


def _byline_aside(aside: str) -> bool:
    """Whether the words in brackets are a byline's (记者张三, 通讯员 李四): a byline word of two
    characters or more, or a space, which no title's brackets hold.

    >>> _byline_aside("记者张三"), _byline_aside("张三 李四"), _byline_aside("集团")
    (True, True, False)
    """
    return any(c.isspace() for c in aside) or any(w in aside for w in context_words("byline") if len(w) > 1)


def _opener(text: str, i: int, end: int) -> str | None:
    """A preposition at ``i`` that governs the title after it (据县农业局局长…, 按县长…;
    ``name_context.tsv``: opens), if what follows it to ``end`` is a title.

    >>> _opener("据县农业局局长", 0, 7), _opener("县按摩医院院长", 0, 7)
    ('据', None)
    """
    for word in context_words("opens"):
        if text.startswith(word, i) and is_title(text[i + len(word) : end]):
            return word
    return None


# A count before a title (一段…县委书记甲…的视频, 一位…): no part of it; not 一级巡视员.
_COUNTED = re.compile(r"[一两几][段位名个则条篇张]")
# What tells why a title's holder came (来某市进行考察的, 应邀出席论坛的, 访华的, 访港的).
_COMING = re.compile(r"(?:前来|来|到|赴|应邀|访)")
# …or the event the holder came to, which ends the clause before 的 (出席某馆开馆仪式的某会秘书长).
_EVENT_ATTENDED = re.compile(r"(?:仪式|典礼|活动|大会|会议|论坛|开幕式)$")


def _starts_a_title(chunk: str) -> bool:
    if not chunk or not is_title(chunk):
        return False
    if level_of_title(chunk) and chunk[0] not in "副常代原前":
        return True
    places = find_places(chunk)
    country = country_in(chunk)
    return bool((places and places[0][0] == 0) or (country and chunk.startswith(country)))


def _inside_place(text: str, i: int) -> bool:
    """Whether a place of the gazetteer runs across ``i``: the word before it is part of the
    place's name (同 in 大同市, 向 in 向阳区), not a word before titles.

    >>> _inside_place("大同市市长", 2), _inside_place("会见市长", 2)
    (True, False)

    A 和 after a title, or a title and its name, joins it to the next (部长和县委办主任, 副县长甲和
    县长乙), though 和县 is a county too:

    >>> _inside_place("部长和县委办主任", 3), _inside_place("副县长王小明和县长", 7)
    (False, False)
    >>> _inside_place("和县县长", 1)
    True
    """
    lo = max(0, i - 6)
    joins = text[i - 1 : i] == "和" and _after_title(text, i - 1)  # 部长和…, 副县长甲和…
    places = scan_names(text[lo : i + 6])
    return any(lo + a < i < lo + b and not (joins and lo + a == i - 1) for a, b, _ in places)


def _after_title(text: str, i: int) -> bool:
    """Whether ``text[:i]`` ends with a title's head, or a title's head and a name (副县长甲).

    >>> _after_title("组织部部长", 5), _after_title("副县长王小明", 6), _after_title("安徽省", 3)
    (True, True, False)
    """
    if text.endswith(heads(), 0, i):
        return True
    return any(is_chinese_name(text[i - n : i]) and text.endswith(heads(), 0, i - n) for n in (2, 3))


def _kept(text: str, i: int) -> bool:
    """Whether the word before ``i`` belongs to a longer word that titles contain
    (和 in 共和国, 有 in 有限公司)."""
    for word in context_words("keep"):
        lo = max(0, i - len(word))
        at = text.find(word, lo, i + len(word))
        if at != -1 and at < i <= at + len(word):
            return True
    return False


def _sectors_joined(text: str, i: int) -> bool:
    """Whether ``text[i - 1]`` is a 和 (与, 及) between two sectors of an organ's name
    (人力资源和社会保障局局长, 商务及经济发展局局长), not between two titles; or
    ``text[:i]`` ends with the sector after such a 和, itself a word before titles (学习 in
    文史和学习委员会主任).

    >>> _sectors_joined("住房和城乡建设局局长", 3), _sectors_joined("市长和副市长", 3)
    (True, False)
    >>> _sectors_joined("文史和学习委员会主任", 5), _sectors_joined("会上学习委员会文件", 4)
    (True, False)
    >>> _sectors_joined("商务及经济发展局局长", 3), _sectors_joined("局长及副局长", 3)
    (True, False)
    """
    sectors = load_words("sectors.tsv")
    if text[i - 1 : i] not in ("和", "与", "及"):
        return any(
            text[i - n : i] in sectors and _sectors_joined(text, i - n) for n in (2, 3, 4) if i - n > 0
        )
    before = any(text[max(0, i - 1 - n) : i - 1] in sectors for n in (2, 3, 4))
    after = any(text[i : i + n] in sectors for n in (2, 3, 4))
    return before and after


# Where a chain of titles splits: 兼 and spaces.
_CHAIN_MARKS = re.compile(r"兼|\s+")


def split_chain(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The titles of a chain ``text[start:end]``, split at 兼 and spaces.

    >>> text = "区长兼经开区党工委书记"
    >>> [text[s:e] for s, e in split_chain(text, 0, len(text))]
    ['区长', '经开区党工委书记']
    """
    parts = []
    s = start
    for m in _CHAIN_MARKS.finditer(text, start, end):
        parts.append((s, m.start()))
        s = m.end()
    parts.append((s, end))
    return [(a, b) for a, b in parts if b > a]


@cache
def country_pattern() -> re.Pattern:
    """A pattern for the countries, longest first."""
    return re.compile("|".join(map(re.escape, countries())))


@lru_cache(maxsize=8192)
def country_of(title: str) -> tuple[str, bool]:
    """The foreign country whose office a title names, and whether it names one it is posted to.

    A country after 驻 is where an office sits, not whose it is: 德国驻华大使 is
    Germany's, 中华人民共和国驻德国大使 (or 驻德国大使 alone) is China's.

    >>> country_of("德国外长"), country_of("德国驻华大使"), country_of("驻德国大使")
    (('德国', False), ('德国', False), ('', True))
    """
    owner, posted = "", False
    for match in country_pattern().finditer(title):
        if title.endswith("驻", 0, match.start()):
            posted = True
        elif not owner:
            owner = match.group()
    return owner, posted


@lru_cache(maxsize=8192)
def country_in(title: str) -> str:
    """The foreign country a title names (德国外长 → 德国), or ''."""
    for name in countries():
        if name in title:
            return name
    return ""


def level_of_title(title: str) -> str | None:
    """The level of the office a title names: the level word it starts with, or its head names.

    The one rule for a title's level: :func:`parse_title` reads it into ``Office.level``
    (from the office, the title without its place), and :func:`resolve` reads that.
    Modifiers come first (常务副县长 → 县); 市场 is no level (市场监管局局长), nor a foreign
    state's 州督.

    >>> level_of_title("市委副书记"), level_of_title("常务副县长"), level_of_title("组织委员")
    ('市', '县', None)
    >>> level_of_title("政府副县长"), level_of_title("原区委副主委"), level_of_title("市场监管局局长")
    ('县', '区', None)
    >>> level_of_title("团省委书记"), level_of_title("团市委副书记"), level_of_title("团长")
    ('省', '市', None)
    >>> level_of_title("州长"), level_of_title("州督")
    ('州', None)
    >>> level_of_title("自治区党委常委"), level_of_title("自治区主席"), level_of_title("自治县县长")
    ('省', '省', '县')
    """
    rest = title[_MODIFIERS.match(title).end() :]
    if _LEAGUE.match(rest):
        return rest[1]
    if (autonomous := _AUTONOMOUS.match(rest)) and len(rest) > autonomous.end():
        return _AUTONOMOUS_LEVELS[autonomous.group(1)]  # 自治区党委常委: a province's
    if rest[:1] in LEVEL_WORDS and len(rest) > 1 and not rest.startswith(_NO_LEVEL):
        return rest[0]
    m = re.search(rf"([{LEVEL_WORDS}])长$", title)
    if m and (m.start() == 0 or title[m.start() - 1] in "副代理务原前府"):
        return m.group(1)
    return None


# An autonomous division's level word and the level it is of (自治区 a province's, 自治州 a
# prefecture's, 自治县 and 自治旗 a county's).
_AUTONOMOUS = re.compile(r"自治(区|州|县|旗)")
_AUTONOMOUS_LEVELS = {"区": "省", "州": "州", "县": "县", "旗": "旗"}


@dataclass(frozen=True)
class Resolution:
    """What a title resolves to."""

    jurisdiction: str | None
    national: bool = False
    explicit: bool = False  # the title itself tells the place (by name or level)


def place_at_level(level: str, home: str | None, text_places: Iterable[str] = ()) -> str | None:
    """The place at a level word seen from a release's place.

    The division at or above the home place at that level (:func:`~govkg.extract.places.lift`,
    the one rule for it); else the one place of that level the release names.

    >>> place_at_level("市", "巴中市"), place_at_level("省", "巴中市"), place_at_level("县", "巴中市")
    ('巴中市', '四川省', None)
    """
    if home:
        found = lift(place_key(home) or home, level)
        if found:
            return found
    named = {p for p in text_places if p.endswith(level) and p != home}
    if home and len(named) == 1 and level not in ("省",):
        return named.pop()
    return None


def resolve(title: str, home: str | None, text_places: Iterable[str] = ()) -> Resolution:
    """The jurisdiction of a title (simplified), seen from a release's place ``home``.

    >>> resolve("市长", "巴中市"), resolve("省委书记", "巴中市").jurisdiction
    (Resolution(jurisdiction='巴中市', national=False, explicit=True), '四川省')
    >>> resolve("德国外长", "中国").jurisdiction, resolve("国务院总理", None).jurisdiction
    ('德国', '中国')
    """
    office = parse_title(title)
    if office.national or office.place == NATIONAL:  # a central office, held now or before
        return Resolution(NATIONAL, national=True, explicit=True)
    if office.place:
        return Resolution(office.place, explicit=True)
    if office.elsewhere:  # 新华社某分社社长: no office of the release's place
        return Resolution(None, explicit=True)
    if home and not office.level and _of_another_place(_company_home(office.office), home):
        # 佛山某某电器有限公司董事长 at a county's signing: the officer of a company of another
        # place holds no office of the release's place (日照某某集团 in 日照市's is its own)
        return Resolution(None, explicit=True)
    # a former office (原市长) has no level of its own, but its level word still tells its place
    level = office.level or level_of_title(office.office)
    if level:
        return Resolution(place_at_level(level, home, text_places), explicit=True)
    # the release's place by its key, as a level title gets it (南皮縣 is 南皮县)
    return Resolution((place_key(home) or home) if home else None)


def place_from_chain(before: Office, office: Office) -> str | None:
    """The place a title that names none takes from the title just before it in one chain.

    A chain names its place once: in 汉中市委副书记、市长 the 市长 is 汉中市's, whatever
    the release's own place. Only a place of the title's own level is taken (四川省委
    常委、市委书记: the 市委书记 is no province's), and only a place the title before
    named, not a national or a foreign office's.

    >>> place_from_chain(parse_title("汉中市委副书记"), parse_title("市长"))
    '汉中市'
    >>> place_from_chain(parse_title("四川省委常委"), parse_title("市委书记")) is None
    True
    """
    if office.place or not office.level or not before.place or before.national:
        return None
    return before.place if level_word(before.place) == office.level else None


def shared_title(first: str, title: str) -> str | None:
    """The title a bare office in a list of holders takes from the list's first title.

    A list names its body once: in 区人大常委会主任甲，副主任乙、丙 the 副主任 is the
    区人大常委会's, and in 某报社社长甲、副社长乙 the 副社长 the 报社's. A title that
    names no place, level or body of its own (副主任, 副社长, 副局长) and ends as the
    title before it ends, but for its modifiers (副, 常务), takes that title's body; any
    other title (副市长 has its level; 委员 is no 主任) takes nothing.

    >>> shared_title("区人大常委会主任", "副主任"), shared_title("某报社社长", "副社长")
    ('区人大常委会副主任', '某报社副社长')
    >>> shared_title("团省委书记", "副书记"), shared_title("市公安局副局长", "副局长")
    ('团省委副书记', '市公安局副局长')
    >>> shared_title("主任", "副主任"), shared_title("市长", "副市长")
    (None, None)
    >>> shared_title("区人大常委会主任", "委员") is None
    True
    """
    if not _bare(title):
        return None
    head = title[_MODIFIERS.match(title).end() :]
    if not head or not first.endswith(head):
        return None
    body = first[: len(first) - len(head)]
    body = body[: len(body) - len(_TRAILING_MODIFIERS.search(body).group())]
    if not body or _MODIFIERS.fullmatch(body) or not is_title(first):
        return None
    return body + title


def _bare(title: str) -> bool:
    """Whether a title names no place, level or body of its own, nor a post held before (副主任,
    局长, 院长; not 副市长, 县长, 原局长): what the title before it may lend it."""
    office = parse_title(title)
    return not (office.level or office.place or office.national or office.elsewhere or _former(title))


def chained_title(before: str, title: str) -> str | None:
    """The title after a party group's post in one holder's chain, with the body the group is of.

    A party group or committee sits inside an organ (县财政局党组, 某医院党委), and the post
    written after its secretary's is that organ's: 县财政局党组书记、局长 is the 县财政局's
    局长, 县人大常委会党组副书记、副主任 the 县人大常委会's 副主任. Only a bare title
    (:func:`_bare`) takes it: 市政府党组成员、副市长 has its level already.

    >>> chained_title("县财政局党组书记", "局长"), chained_title("县人大常委会党组副书记", "副主任")
    ('县财政局局长', '县人大常委会副主任')
    >>> chained_title("某医院党委书记", "院长"), chained_title("市政府党组成员", "副市长")
    ('某医院院长', None)
    >>> chained_title("县委副书记", "县长"), chained_title("党组书记", "局长")
    (None, None)
    """
    party = _PARTY_GROUP_POST.fullmatch(before)
    if not party or not _bare(title):
        return None
    return party.group(1) + title


def lent_organ(organ: str, title: str) -> str | None:
    """The organ a bare title after another in one holder's chain takes from it: a committee's
    secretary-general (全国政协副主席兼秘书长) or the head of a party committee's department
    (市委副书记、统战部部长) is of the committee the title before named; no other title is.

    >>> lent_organ("中国人民政治协商会议全国委员会", "秘书长")
    '中国人民政治协商会议全国委员会'
    >>> lent_organ("中共巴中市委员会", "统战部部长"), lent_organ("中共巴中市委员会", "宣传部长")
    ('中共巴中市委员会', '中共巴中市委员会')
    >>> lent_organ("巴中市人民政府", "统战部部长"), lent_organ("中共巴中市委员会", "开发区党工委书记")
    (None, None)
    """
    if _SECRETARY_GENERAL.fullmatch(title) and organ.endswith("委员会"):
        return organ
    if _PARTY_DEPARTMENT_HEAD.fullmatch(title) and organ.startswith("中共") and organ.endswith("委员会"):
        return organ
    return None


# A committee's secretary-general (秘书长, 副秘书长), and a party committee's department head.
_SECRETARY_GENERAL = re.compile(r"(?:常务)?副?秘书长")
_PARTY_DEPARTMENT_HEAD = re.compile(r"(?:统战|宣传|组织)部?(?:常务)?副?部长")


# A post in an organ's party group or committee, and the organ (县财政局|党组书记).
_PARTY_GROUP_POST = re.compile(r"(.+?)(?:党组|党委)(?:副书记|书记|成员)")


# Modifiers an office ends its body with before its head (区人大常委会|常务副|主任).
_TRAILING_MODIFIERS = re.compile(r"(?:常务|第一|副|专职)*$")


@cache
def _organs() -> tuple[tuple[str, str, str], ...]:
    """``data/organs.tsv``: (pattern, organization, key); no key for a title that names an organ."""
    return tuple((row[0], row[1], row[2] if len(row) > 2 else "") for row in load_table("organs.tsv"))


@lru_cache(maxsize=8192)  # a pure function of a title and a place, asked for each holding
def organization(title: str, jurisdiction: str | None) -> str | None:
    """The organ a title names, in full, where the title and its place tell it.

    An organ of a place needs a local place: a level title resolved to the
    country names none (市委副书记 in national news is no 中共中国委员会), and the
    organ's word must be followed by an office of it (委员 alone is a member of
    an unnamed body, not of 委). 主委 heads a democratic party's committee, not
    the Communist Party's.

    >>> organization("市委副书记", "巴中市"), organization("市政府秘书长", "巴中市")
    ('中共巴中市委员会', '巴中市人民政府')
    >>> organization("国务院总理", "中国"), organization("副主任", "巴中市")
    ('中华人民共和国国务院', None)
    >>> organization("市委副书记", "中国"), organization("委员", "巴中市"), organization("区委主委", "长宁区")
    (None, None, None)
    >>> organization("原中共中央顾问委员会委员", "中国")
    '中共中央顾问委员会'
    """
    group = _GROUPS.match(title)
    if group and len(group.group(1)) > 4:
        name = group.group(1)
        name = name[_FORMER.match(name).end() :]  # 原中共中央顾问委员会委员: the body itself
        level = level_of_title(name)
        if level and jurisdiction and name.startswith(level):
            return jurisdiction + name[1:] if jurisdiction != NATIONAL else None
        return name
    rest = title[_MODIFIERS.match(title).end() :]
    bare = rest
    named = find_places(rest)
    if named and named[0][0] == 0:
        rest = rest[named[0][1] :]
    elif rest[:1] in LEVEL_WORDS:
        rest = rest[1:]
    local = bool(jurisdiction) and jurisdiction != NATIONAL
    if local and bare.startswith(_PARTY_COMMITTEE) and not _calls_its_committee_so(jurisdiction):
        return None  # 集团党委书记、董事长甲，党委副书记、行长乙: the company's, not 中共某区委员会
    for pattern, full, _ in _organs():
        if "{place}" not in full:
            if pattern in title:
                return full
            continue
        if not local:
            continue
        if pattern.endswith("长") and len(pattern) == 2:
            if re.search(rf"{pattern}$", title) and level_of_title(title) == pattern[0]:
                return full.format(place=jurisdiction)
            continue
        if rest.startswith(pattern) and _office_of_organ(rest[len(pattern) :], full):
            return full.format(place=jurisdiction)
    return None


# A party committee named by no place nor level word: a town's own (镇党委), or a body's.
_PARTY_COMMITTEE = "党委"


def _calls_its_committee_so(jurisdiction: str) -> bool:
    """Whether a place's party committee is called 党委 alone in its own releases: a town's
    (镇党委, 乡党委) or an autonomous region's (自治区党委); a county's, city's, district's or
    province's is its 县委, 市委, 区委, 省委, and a bare 党委 there is some bureau's, school's or
    company's (市公安局党委委员, 银行党委副书记).

    >>> _calls_its_committee_so("杨行镇"), _calls_its_committee_so("广西壮族自治区")
    (True, True)
    >>> _calls_its_committee_so("长寿区"), _calls_its_committee_so("巴中市")
    (False, False)
    """
    return jurisdiction.endswith(("镇", "乡", "自治区"))


def _office_of_organ(office: str, organ: str) -> bool:
    """Whether ``office`` (what follows an organ's word in a title) is an office of that organ.

    >>> _office_of_organ("副书记", "中共{place}委员会"), _office_of_organ("员", "中共{place}委员会")
    (True, False)
    >>> _office_of_organ("副主委", "中共{place}委员会"), _office_of_organ("秘书长", "{place}人民政府")
    (False, True)
    """
    if not office.endswith(heads()):
        return False
    return not (organ.startswith("中共") and office.endswith(_OTHER_PARTY_HEADS))


# ---------------------------------------------------------------- a title read as an office

_SPECIAL_REGIONS = frozenset({"香港特别行政区", "澳门特别行政区", "台湾省"})
# The special administrative regions by their short names (香港, 澳门), opening a title with or
# without 特区 / 特区政府 (not 香港特别行政区, a place's full name, read as any other).
_REGIONS = {"香港": "香港特别行政区", "澳门": "澳门特别行政区"}
_REGION_OPENS = re.compile(r"(?P<region>香港|澳门)(?!特别行政区)(?:特区)?(?:政府)?")
# One holder per jurisdiction at a time: the post alone is strong evidence.
_CHIEF_OFFICE = re.compile(rf"^[{LEVEL_WORDS}](?:委书记|长|人大常委会主任|政协主席)$")
# The party's name before a local organ (中共日照市委), not before its centre (中共中央).
PARTY_PREFIX = re.compile(r"^(?:中国共产党|中共)(?!中央)")


@cache
def names_words(kind: str) -> tuple[str, ...]:
    """The words of one kind in ``data/names.tsv`` (national titles, leaders, confusable pairs...)."""
    return tuple(row[1] for row in load_table("names.tsv") if row[0] == kind)


@cache
def _national_aliases() -> dict[str, str]:
    return {row[1]: row[2] for row in load_table("names.tsv") if row[0] == "national-alias" and len(row) > 2}


def _normal_office(office: str) -> str:
    # 市政府副市长, and 政府县长 cut short of its level: the head alone
    office = re.sub(
        rf"^(?:([{LEVEL_WORDS}])(?:人民)?|人民)?政府((?:常务)?副?(?(1)\1|[{LEVEL_WORDS}])长)$", r"\2", office
    )
    office = re.sub(rf"^代(?:理)?(?=[{LEVEL_WORDS}]长$)", "", office)
    return office


# The term of a body an office was held in, before its name (十一届全国政协副主席, 第十二届…).
_TERM = re.compile(r"第?[一二三四五六七八九十]{1,3}届")


@lru_cache(maxsize=1 << 13)  # a title as written: a worker meets new ones with every release
def parse_title(title: str) -> Office:
    """Read a title as written: the office, its level, and a place it names (canonical).

    Extraction reads each title once and keeps the result on its
    :class:`~govkg.extract.records.Holding`; identity reads those fields.

    >>> parse_title("日照市委书记")  # doctest: +NORMALIZE_WHITESPACE
    Office(title='日照市委书记', office='市委书记', level='市', place='日照市', national=False, chief=True,
           elsewhere=False)
    >>> o = parse_title("石台县人民政府副县长"); o.office, o.level, o.place
    ('副县长', '县', '石台县')
    >>> o = parse_title("常务副区长"); o.office, o.level, o.place
    ('常务副区长', '区', None)
    >>> o = parse_title("总理"); o.office, o.place, o.national
    ('国务院总理', '中国', True)
    >>> parse_title("德国外长").place, parse_title("中华人民共和国驻德国大使").national
    ('德国', True)
    >>> parse_title("中华人民共和国香港特别行政区行政长官").place
    '香港特别行政区'
    >>> parse_title("十一届全国政协副主席").place, parse_title("团中央统战部部长").national
    ('中国', True)
    >>> parse_title("中国外交部副部长").place, parse_title("中国银行某分行行长").place
    ('中国', None)
    """
    text = PARTY_PREFIX.sub("", simplified(title))
    # 中国外交部副部长, 中国国务委员: the country's short name before a national office is
    # the country's office, as the office alone is; 中国政府某事务特别代表 too, whatever
    # country the office deals with (not 中国银行某分行行长: a branch's)
    state = next((w for w in names_words("national-state") if text.startswith(w)), "")
    rest = text[len(state) :]
    if state and rest.startswith("政府"):
        return Office(title, text, None, NATIONAL, True)
    if state and (rest.startswith(names_words("national-prefix")) or rest in names_words("national-title")):
        return replace(parse_title(rest), title=title)
    # a foreign country's office is that country's (德国外长: 德国); China's office in
    # a country (驻德国大使) is national
    country, posted = country_of(text)
    if country:
        return Office(title, text, None, country)
    region = _REGION_OPENS.match(text)
    if region and region.end() < len(text) and is_title(text[region.end() :]):
        # 香港特区政府驻沪办主任, 澳门经济财政司司长: an office of the special region, wherever
        # the release is (the region's own full name, 香港特别行政区…, is read as a place below)
        return replace(parse_title(text[region.end() :]), title=title, place=_REGIONS[region["region"]])
    # 原国务院副总理, 前总理: a former national office is the country's too, but a post
    # held before, not now: no national post, no level (identity.post_of makes no post)
    former = _former(text)
    bare = text[len(former) :]
    if (term := _TERM.match(bare)) and bare[term.end() :].startswith(names_words("national-prefix")):
        # 十一届全国政协副主席: the country's office in a term named, mostly one past: as for 原,
        # the country's, but no post held now
        return Office(title, text, None, NATIONAL)
    state = next((w for w in names_words("national-prefix") if bare.startswith(w)), "")
    if not posted and state and place_prefix(bare[len(state) :])[0]:
        # 中华人民共和国香港特别行政区行政长官: the office of the place named after the state's name
        return replace(parse_title(former + bare[len(state) :]), title=title)
    if posted or bare.startswith(names_words("national-prefix")) or bare in names_words("national-title"):
        if former:
            return Office(title, former + _national_aliases().get(bare, bare), None, NATIONAL)
        office = _national_aliases().get(text, text)
        return Office(title, office, None, NATIONAL, True, bool(_CHIEF_OFFICE.match(office)))
    # the place may follow a modifier (原日照市委书记), which the office keeps (原市委书记)
    place, rest = place_prefix(text)
    modifiers = "" if place else _MODIFIERS.match(text).group()
    if modifiers:
        place, rest = place_prefix(text[len(modifiers) :])
    town = _TOWN_AFTER_PLACE.match(rest) if place else None
    if town and is_title(rest[town.end() :]):
        # 某县某镇镇长: the office is the town's, named within its county, not the county's
        # (keyed as written after the county's key: a town's name may be a short name of another
        # place of the gazetteer, 城关镇 of 城关区)
        place, rest = place + town.group(), rest[town.end() :]
    office = rest if place else text
    if place and rest:
        word = level_word(place)
        if (
            word
            and place not in _SPECIAL_REGIONS
            and not rest.startswith((word, "副", "常务", "代"))
            and ORGAN_AFTER_PLACE.match(rest)
        ):
            office = word + rest
    office = _normal_office(modifiers + office if place else office)
    # the level of the office; a place's own for a head after it (中山市中级人民法院副院长)
    level = level_of_title(office) or (level_word(place) if place and office.endswith("长") else None)
    if place and level and level_word(place) != level:
        place = lift(place, level) or place
    if former or office.startswith(_FORMER_WORDS):
        # 原区委副主委, 原日照市委书记: the place is still told, but the post is no longer
        # held: no level, so no post (identity.post_of) and no chief office
        return Office(title, office, None, place)
    if not place and not level and _elsewhere(office):
        return Office(title, office, None, None, elsewhere=True)
    return Office(title, office, level, place, chief=bool(_CHIEF_OFFICE.match(office)))


def _of_another_place(place: str | None, home: str) -> bool:
    """Whether ``place`` is neither the release's place ``home`` nor a division above or below it.

    >>> _of_another_place("佛山市", "通江县"), _of_another_place("四川省", "通江县")
    (True, False)
    >>> _of_another_place("巴中市", "通江县"), _of_another_place(None, "通江县")
    (False, False)
    """
    if not place:
        return False
    here, there = place_object(place_key(home) or home), place_object(place)
    if here is None or there is None:
        return False
    return there not in lineage(here) and here not in lineage(there)


# A company's or a group's name in a title (某某电器有限公司董事长, 某某集团总经理).
_COMPANY_IN_TITLE = re.compile(r"[\u4e00-\u9fff]{2,24}?(?:公司|集团)")


def _company_home(office: str) -> str | None:
    """The province or prefecture whose short name opens a company's name in a title, canonical:
    the place the company is of (佛山某某电器有限公司董事长: 佛山市; 广东某某集团总经理:
    广东省), which :func:`resolve` weighs against the release's place.

    Only the short name of one province or one prefecture: a county's short name is often a
    brand too (兴业集团, 长安公司), and a short name two places share tells no place.

    >>> _company_home("佛山华锐电器有限公司董事长"), _company_home("广东华锐集团总经理")
    ('佛山市', '广东省')
    >>> _company_home("兴业集团董事长"), _company_home("华锐电器有限公司董事长")
    (None, None)
    >>> _company_home("佛山市委书记") is None
    True
    """
    if not _COMPANY_IN_TITLE.match(office):
        return None
    for cut in (3, 2):
        places = gazetteer().get(office[:cut], [])
        if len({p.code for p in places}) != 1:
            continue
        place = places[0]
        if place.short == office[:cut] and place.level in ("province", "prefecture"):
            return place_key(place.name)
    return None


# A town, township or street named after its county in a title (某县某镇党委书记, 某区某街道党工委
# 书记): a name of no organ's character before the town's level word.
_TOWN_AFTER_PLACE = re.compile(
    r"(?:(?![局委办厅处院所会部司科股队乡镇街])[\u4e00-\u9fff]){1,5}?(?:镇|乡|街道|苏木)"
)


def _elsewhere(office: str) -> bool:
    """Whether an office without a place or a level is a body's of its own (``data/names.tsv``).

    >>> _elsewhere("新华社某分社社长"), _elsewhere("国际某联合会主席"), _elsewhere("某某局国际合作处处长")
    (True, True, False)
    """
    return office.startswith(names_words("elsewhere-start")) or any(
        w in office for w in names_words("elsewhere")
    )


def _former(text: str) -> str:
    """The word that makes a title a former office (原市长, 时任县委书记), or ''.

    前 opens place names too (前进区区长): a place at the title's start is no 前.

    >>> _former("原市长"), _former("时任县委书记"), _former("前进区区长"), _former("市长")
    ('原', '时任', '', '')
    """
    word = _FORMER.match(text).group()
    if word and place_prefix(text)[0] is None:
        return word
    return ""


# ---------------------------------------------------------------- organs.tsv read backwards


@cache
def organ_keys() -> dict[str, str]:
    """The key of each organ of a place, by the word a title writes after the place.

    ``data/organs.tsv`` read backwards: :func:`organization` reads a title's
    word to the organ's full name; identity reads any name of the organ to its key.

    >>> organ_keys()["委"], organ_keys()["政府"], organ_keys()["人大常委会"]
    ('中共{place}委', '{place}人民政府', '{place}人大常委会')
    """
    keys: dict[str, str] = {}
    for pattern, full, key in _organs():
        if key and "{place}" in full:
            keys.setdefault(pattern, key)
    return keys


@cache
def organ_keys_of_no_place() -> dict[str, str]:
    """The key of each organ of no place, by both names ``data/organs.tsv`` gives it.

    >>> organ_keys_of_no_place()["中共中央"], organ_keys_of_no_place()["中国人民政治协商会议全国委员会"]
    ('中国共产党中央委员会', '全国政协')
    """
    keys: dict[str, str] = {}
    for pattern, full, key in _organs():
        if key and "{place}" not in full:
            keys.setdefault(pattern, key)
            keys.setdefault(full, key)
    return keys


@cache
def organ_full_forms() -> tuple[tuple[str, str, str], ...]:
    """Each full name of an organ of a place as (before the place, after it, the word a title
    writes), longest first; the party's name before the place is read by ``PARTY_PREFIX``.

    >>> organ_full_forms()[0]
    ('中国人民政治协商会议', '委员会', '政协')
    """
    forms: dict[tuple[str, str], str] = {}
    for pattern, full, key in _organs():
        if key and "{place}" in full:
            before, after = full.split("{place}")
            forms.setdefault((PARTY_PREFIX.sub("", before), after), pattern)
    return tuple(sorted(((b, a, p) for (b, a), p in forms.items()), key=lambda form: -len(form[0] + form[1])))


@cache
def party_organ_words() -> tuple[str, ...]:
    """The words a title writes for the party's organs of a place (委, 纪委, 党委): keys with 中共."""
    return tuple(pattern for pattern, key in organ_keys().items() if key.startswith("中共"))
