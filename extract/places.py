"""Places: the gazetteer of administrative divisions, their canonical names, a release's jurisdiction.

This module owns every decision about a place name, per name and per release:

- the level words (``LEVEL_WORDS``: 省市县区州旗盟镇乡) and the organ words a
  place or level opens (``ORGAN_WORDS``: 委, 政府, 人大…) that titles, organs
  and identity read from here;
- the canonical name of a place (:func:`place_key`: 巴中 → 巴中市; a division renamed
  since the gazetteer was made, :func:`renamed`: 永年区 of 永年县), the division
  above it at a level (:func:`lift`), the place named at the start of a title or
  organ (:func:`place_prefix`);
- the jurisdiction a release speaks for (:func:`find_jurisdiction`): the place
  that 我市, 全县, 区委 refer to, its level from those self-references and its
  name from the headline, source and body, written in full (巴中市, not 巴中).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from govkg.extract.chars import simplified, simplify
from govkg.extract.data import load_table, load_words
from govkg.extract.names import is_chinese_name
from govkg.extract.records import Office, Release
from govkg.extract.regex import quick_start


@cache
def _self_references() -> dict[str, str]:
    """Level -> the words by which a release refers to itself at that level, as one alternation."""
    words: dict[str, list[str]] = {}
    for level, word in load_table("self_references.tsv"):
        words.setdefault(level, []).append(word)
    return {level: "|".join(map(re.escape, found)) for level, found in words.items()}


_TOWN = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)(镇|乡|街道|苏木)(?=[\u4e00-\u9fff,，、 ])")
_TOWN_AFTER = re.compile(r"(?:[县区市旗]|日|在|到|赴|于|入)([\u4e00-\u9fff]{2,3}?)(镇|乡|街道|苏木)")
# (日/月/年/号 right after a number ends a date, 在/从/起/至 open where or when: 9月27日至30日在全镇
# 范围内, 27日起在全镇)
_NOT_TOWN = re.compile(
    r"^(城|乡|各|全|本|我|该|村|集|小|重|街|城乡|各乡|乡镇|城镇|村镇|集镇|小城|日|月|年|号|在|从|起|至)"
)


@dataclass(frozen=True)
class Place:
    code: str
    name: str
    level: str  # province, prefecture, county

    @property
    def short(self) -> str:
        """The name without its level word: 巴中市 → 巴中, 西乌珠穆沁旗 → 西乌珠穆沁."""
        return shorten(self.name)


_SHORTEN = re.compile(
    r"(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|自治州|自治县|自治旗|地区|林区|新区|省|市|县|区|旗|盟|州)$"
)


def shorten(name: str) -> str:
    short = _SHORTEN.sub("", name)
    return short if len(short) >= 2 else name


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, list[Place]]:
    """Full names, short names (two characters or more) and conventional
    abbreviations (西乌旗, ``place_abbreviations.tsv``) to the places they name, and the names of
    divisions renamed since (``renamings.tsv``: 鄠邑区 of 户县) under the gazetteer's codes."""
    index: dict[str, list[Place]] = {}
    by_name: dict[str, Place] = {}
    for code, name, level in load_table("places.tsv"):
        place = Place(code, name, level)
        by_name.setdefault(name, place)
        index.setdefault(name, []).append(place)
        if place.short != name:
            index.setdefault(place.short, []).append(place)
    for abbreviation, name in load_table("place_abbreviations.tsv"):
        index.setdefault(abbreviation, []).append(by_name[name])
    codes = {place.code: place for places in index.values() for place in places}
    for name, code, _ in load_table("renamings.tsv"):
        # a division renamed since (鄠邑区, once 户县), under the gazetteer's code, as written; its
        # short name too, unless the gazetteer's own places have it (那曲市: 那曲 is 那曲地区's)
        place = Place(code, name, codes[code].level)
        index.setdefault(name, []).append(place)
        if place.short != name and place.short not in index:
            index[place.short] = [place]
    return index


# The level words of county-level divisions: a county made a district (撤县设区, 永年县 →
# 永年区) or a county-level city (撤县设市, 平泉县 → 平泉市), a city made a district.
_RENAMED_LEVELS = "区市县"


@lru_cache(maxsize=4096)
def renamed(name: str) -> tuple[Place, ...]:
    """The county-level divisions a name the gazetteer lacks stands for, renamed since it was made.

    The gazetteer (``places.tsv``) holds the names of about 2016: 永年 became a district
    that year, 平泉 a county-level city in 2017, and releases write 永年区, 平泉市. A stem
    and 区, 市 or 县 names the divisions whose name is that stem and another of these
    words, when every division the stem names is one: all of them, for the reader to tell
    apart by where the name is read (长宁市: 长宁区 and 长宁县), as namesakes are. Each keeps
    the gazetteer's code, so the divisions above it are known, under the name as written.

    No stem of one character, no stem that is an everyday word (``place_words.tsv``: 合作区),
    none that names a prefecture or a province too (那曲市), and no name that ends in a word
    for an area (``area_words.tsv``: 沂蒙山区, 江城市民, 大城市).

    >>> [(p.code, p.name) for p in renamed("永年区")], [p.code for p in renamed("长宁市")]
    ([('130429', '永年区')], ['310105', '511524'])
    >>> renamed("永年县"), renamed("合作区"), renamed("武夷山区"), renamed("高新区")
    ((), (), (), ())
    """
    stem, level = name[:-1], name[-1:]
    if len(stem) < 2 or level not in _RENAMED_LEVELS or name in gazetteer():
        return ()
    if stem in load_words("place_words.tsv") or stem[-1] + level in load_words("area_words.tsv"):
        return ()
    places = gazetteer().get(stem, ())
    if not all(p.level == "county" and p.name[:-1] == stem and p.name[-1] in _RENAMED_LEVELS for p in places):
        return ()
    return tuple(Place(p.code, name, p.level) for p in places)


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """The conventional abbreviations that end in their level word (西乌旗)."""
    return frozenset(row[0] for row in load_table("place_abbreviations.tsv"))


@lru_cache(maxsize=1)
def _prefix_index() -> dict[str, tuple[int, ...]]:
    """First two characters of every gazetteer name -> the name lengths, longest first."""
    index: dict[str, set[int]] = {}
    for name in gazetteer():
        if len(name) >= 2:
            index.setdefault(name[:2], set()).add(len(name))
    return {head: tuple(sorted(lengths, reverse=True)) for head, lengths in index.items()}


@lru_cache(maxsize=1)
def _prefix_pattern() -> re.Pattern:
    """Where a gazetteer name may start: a first character of a name before a second one (a
    superset of the places :func:`_prefix_index` holds, found in C)."""
    heads = _prefix_index()
    firsts = "".join(sorted({head[0] for head in heads}))
    seconds = "".join(sorted({head[1] for head in heads}))
    return re.compile(f"[{re.escape(firsts)}](?=[{re.escape(seconds)}])")


def scan_names(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in a text, leftmost-longest, not overlapping: (start, end, name).

    A dictionary scan over character pairs, from one place a name may start
    to the next (:func:`_prefix_pattern`): a few microseconds per hundred
    characters, where one regular expression of 3,000 names takes milliseconds.

    >>> scan_names("巴中市和巴州区")
    [(0, 3, '巴中市'), (4, 7, '巴州区')]
    >>> scan_names("上海长宁")
    [(0, 2, '上海'), (2, 4, '长宁')]
    """
    index, names, search = _prefix_index(), gazetteer(), _prefix_pattern().search
    found = []
    i = 0
    while (candidate := search(text, i)) is not None:
        i = candidate.start()
        for length in index.get(text[i : i + 2], ()):
            # (a slice past the end is shorter than the name: 上海长宁 ends with 长宁, not 长宁区)
            if len(name := text[i : i + length]) == length and name in names:
                found.append((i, i + length, name))
                i += length
                break
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Place]:
    by_code: dict[str, Place] = {}
    for places in gazetteer().values():
        for place in places:
            by_code.setdefault(place.code, place)  # the gazetteer's own name, not a renamed one
    return by_code


def place_by_code(code: str) -> Place | None:
    return _by_code().get(code)


def parent(place: Place) -> Place | None:
    """The division one level up: county → prefecture → province."""
    if place.level == "county":
        return place_by_code(place.code[:4] + "00") or place_by_code(place.code[:2] + "0000")
    if place.level == "prefecture":
        return place_by_code(place.code[:2] + "0000")
    return None


# ---------------------------------------------------------------- canonical names

NATIONAL = "中国"  # the jurisdiction of national offices and national news
# The level words of divisions, the words titles open with (市长, 县委书记), outermost first
# within a rank. Every rule on levels reads them from here.
LEVEL_WORDS = "省市县区州旗盟镇乡"
LEVEL_RANK = {"镇": 0, "乡": 0, "县": 1, "区": 1, "旗": 1, "市": 2, "州": 2, "盟": 2, "省": 3}
_COUNTRY = frozenset({"中国", "全国", "中华人民共和国", "国家"})
_GAZETTEER_RANK = {"county": 1, "prefecture": 2, "province": 3}
# The organs (and the head, 长) a level word or a place opens: 市委, 县政府, 川汇区人大, 区长.
# Every rule that asks whether a title or an organ's name goes on from a place or level reads them.
ORGAN_WORDS = ("委", "长", "人大", "政协", "政府", "纪委", "监委", "法院", "检察院", "党委")
# What may follow a place named at the start of a title: 日照市委书记, 川汇区人大常委会主任.
ORGAN_AFTER_PLACE = re.compile(
    rf"^(?:{'|'.join(ORGAN_WORDS)}|人民政府|人民法院|人民检察院|常委|副|常务|代|行政长官)"
)


def places_named(name: str) -> list[Place]:
    """The gazetteer's places of a name (full, short or abbreviated, or :func:`renamed` since)."""
    return list(gazetteer().get(name, ())) or list(renamed(name))


_parent = cache(parent)  # the gazetteer looks codes up one by one


@cache
def lineage(place: Place) -> tuple[Place, ...]:
    """The place and the divisions above it, nearest first."""
    chain = [place]
    while (up := _parent(chain[-1])) is not None and len(chain) < 4:
        chain.append(up)
    return tuple(chain)


def level_word(place: str | None) -> str | None:
    """The level word a jurisdiction's titles use: 市 for 巴中市 and 上海市, 省 for 广西壮族自治区.

    >>> level_word("巴中市"), level_word("内蒙古自治区"), level_word("中国"), level_word(None)
    ('市', '省', None, None)
    """
    if not place or place == NATIONAL:
        return None
    if place.endswith(("省", "自治区", "特别行政区")):
        return "省"
    return place[-1] if place[-1] in LEVEL_WORDS else None


@lru_cache(maxsize=1 << 14)  # a place name's text: a worker meets new ones with every release
def _split_chain(text: str) -> tuple[tuple[Place, ...], ...]:
    """A name such as 上海市黄浦区 or 安徽省池州市石台县 read as gazetteer names, outermost first."""
    if text in gazetteer() or renamed(text):
        return (tuple(places_named(text)),)
    for cut in range(len(text) - 2, 1, -1):
        head, tail = text[:cut], text[cut:]
        if head in gazetteer() and (rest := _split_chain(tail)):
            return (tuple(places_named(head)), *rest)
    return ()


def _pick(candidates: list[Place], inside: Iterable[Place]) -> list[Place]:
    """Of namesake places, those under (or equal to) one of ``inside``; all if none is."""
    codes = {p.code for p in inside}
    narrowed = [p for p in candidates if codes & {q.code for q in lineage(p)}]
    return narrowed or candidates


def _qualified(places: list[Place]) -> str | None:
    """The canonical name of the place a candidate list stands for, None when it is ambiguous."""
    names = {p.name for p in places}
    if len(names) != 1:
        return None
    name = names.pop()
    if len(places) == 1 and len(places_named(name)) > 1:
        up = _parent(places[0])  # a namesake county: 北京市朝阳区, not 朝阳区
        return f"{up.name}{name}" if up else name
    return name


@lru_cache(maxsize=65536)
def place_key(name: str | None, within: str | None = None) -> str | None:
    """Canonical name of a place: simplified, in full, without parents unless they tell namesakes apart.

    ``within`` is the jurisdiction the name is read in (a release's place), which
    tells a short or namesake name's place. Names not in the gazetteer come back
    simplified, as written; 中国 stands for the country.

    >>> place_key("巴中"), place_key("上海市黄浦区"), place_key("全国"), place_key("?")
    ('巴中市', '黄浦区', '中国', None)
    >>> place_key("朝阳区", within="长春市")
    '长春市朝阳区'
    """
    if not name:
        return None
    text = simplified(name)
    if not text or text in ("?", "？"):
        return None
    if text in _COUNTRY:
        return NATIONAL
    chain = _split_chain(text)
    if not chain:
        return text
    context: list[Place] = []
    for places in chain[:-1]:
        context.extend(places)
    if within and not context:
        context = [p for q in _split_chain(simplified(within))[-1:] for place in q for p in lineage(place)]
    candidates = _pick(list(chain[-1]), context) if context else list(chain[-1])
    return _qualified(candidates) or text


@lru_cache(maxsize=65536)
def place_object(key: str) -> Place | None:
    """The one gazetteer place a canonical name stands for; None when it is not one."""
    chain = _split_chain(key)
    if not chain:
        return None
    places = list(chain[-1])
    if len(chain) > 1:
        places = _pick(places, chain[-2])
    return places[0] if len({p.code for p in places}) == 1 else None


def place_rank(place: str | None) -> int:
    """How local a place is: 0 a town, 1 a county (武穴市 too), 2 a city, 3 a province, 4 the country."""
    if place == NATIONAL:
        return 4
    found = place_object(place) if place else None
    if found is not None:
        return _GAZETTEER_RANK.get(found.level, 9)
    return LEVEL_RANK.get(level_word(place) or "", 9)


def lift(place: str, level: str) -> str | None:
    """The division at or above ``place`` whose titles use the level word ``level``.

    >>> lift("川汇区", "市"), lift("川汇区", "省"), lift("巴中市", "区")
    ('周口市', '河南省', None)
    """
    if level_word(place) == level:
        return place
    found = place_object(place)
    # A namesake name (长宁: 长宁区, 长宁县) lifts where all its places agree.
    candidates = [found] if found is not None else places_named(place)
    above = {
        next((place_key(up.name) for up in lineage(p)[1:] if level_word(up.name) == level), None)
        for p in candidates
    }
    return above.pop() if len(above) == 1 else None


def place_prefix(text: str) -> tuple[str | None, str]:
    """A place named at the start of a title or organ, canonical, and the rest (日照市 + 委书记).

    The longest run of places wins, so the most local one is named (上海市黄浦区委
    → 黄浦区). The place must be followed by a level or organ word, so that
    北京大学 names no place, unless it is written in full, level word and all,
    in three characters or more (中山市监察委员会, 香港特别行政区第五任行政长官).

    >>> place_prefix("日照市委书记"), place_prefix("北京大学校长")
    (('日照市', '委书记'), (None, '北京大学校长'))
    >>> place_prefix("上海市黄浦区委书记"), place_prefix("中山市监察委员会副主任")
    (('黄浦区', '委书记'), ('中山市', '监察委员会副主任'))
    """
    for cut in range(min(len(text) - 1, 14), 1, -1):
        head, rest = text[:cut], text[cut:]
        if cut == 2 and rest == "长":
            continue  # 代县长 is an acting county head, not the head of 代县
        chain = _split_chain(head)
        if chain and _TOWN_AFTER_SHORT.match(rest) and not any(head.endswith(p.name) for p in chain[-1]):
            continue  # 某县城关镇: the gazetteer holds no town, so a short name before 镇 names one
        if chain and (rest[0] in LEVEL_WORDS or ORGAN_AFTER_PLACE.match(rest) or _in_full(head, chain[-1])):
            return place_key(head), rest
    return None, text


# 镇 or 乡 after a place's short name: a town named after it (城关 + 镇), not 乡村.
_TOWN_AFTER_SHORT = re.compile("[镇乡](?!村)")


def _in_full(head: str, places: tuple[Place, ...]) -> bool:
    """Whether ``head`` ends in a full name or an abbreviation (科左中旗) of three characters or more
    (of the gazetteer: a :func:`renamed` name is followed by an organ, 永年区委, not 永年市场监管局)."""
    names = {p.name for p in places if p.name in gazetteer()} | abbreviations()
    return any(len(name) >= 3 and head.endswith(name) for name in names)


# ---------------------------------------------------------------- a release's jurisdiction

_BOUNDARY = '^|(?<=[\\s,，。、；;：:（(“"由在和及与为是的])'


def _self_counts(text: str) -> Counter:
    """How often a text refers to itself at each level: 我市 / 全市 count three
    times, a bare organ word (市委, 县政府, not 巴中市委) once."""
    levels, strong, bare = _self_patterns()
    counts: Counter = Counter(dict.fromkeys(levels, 0))
    for _, level in strong.findall(text):
        counts[level] += 3
    for match in bare.finditer(text):
        counts[levels[int(match.lastgroup[1:])]] += 1
    return counts


def _strong_levels(text: str) -> set[str]:
    """The levels a text refers to itself by as 我X / 本X (我市, 本县; not 全市, not 市长)."""
    return {level for mark, level in _self_patterns()[1].findall(text) if mark != "全"}


@lru_cache(maxsize=1)
def _self_patterns() -> tuple[tuple[str, ...], re.Pattern, re.Pattern]:
    """The levels and what :func:`_self_counts` counts of all of them in one scan each:
    我市 / 全市 (group 2 the level), and a bare organ word (the group ``lN`` of level N).

    One scan finds what a scan for each level would: no level holds 我, 全 or 本, and no
    self-reference word a character of ``_BOUNDARY``, so no match starts inside another.
    """
    references = _self_references()
    levels = tuple(references)
    strong = re.compile(rf"([我全本])({'|'.join(map(re.escape, levels))})(?!长)")
    bare = "|".join(f"(?P<l{n}>(?:{_BOUNDARY})(?:{words}))" for n, words in enumerate(references.values()))
    return levels, strong, quick_start(bare)


def self_level(text: str) -> str | None:
    """The level a text refers to itself by, the most frequent self-reference (in simplified characters).

    >>> self_level("1月25日，我市召开会议，市委副书记、市长何平出席。"), self_level("全縣召開會議。")
    ('市', '县')
    """
    counts = _self_counts(simplify(text))
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer place names in a text: (start, end, full name), left to right.

    A short name (巴中) counts before an organ or level word, or where the
    caller accepts short names; a two-character full name (代县, 和县) only
    where it stands alone, not inside a word or before 长 (代县长 is a title).

    >>> [full for _, _, full in find_places("代县长张三到眉县调研，巴中市委书记")]
    ['眉县', '巴中市']
    """
    return [(s, e, full) for s, e, full, short in _matches(text) if not short]


@lru_cache(maxsize=256)  # a release's text and its sentences are asked of again and again
def _names_in(text: str) -> tuple[tuple[int, int, str], ...]:
    """:func:`scan_names` of ``text``, kept for :func:`_matches` and :func:`find_jurisdiction`."""
    return tuple(scan_names(text))


# What follows a short name that makes it a place: a level word or an organ (巴中市, 巴中市委).
_ORGAN_AFTER = re.compile(r"(市|县|区|旗|州|[省市县区]?委|[省市县区]?政府|人大|政协|代表团)")


@lru_cache(maxsize=256)  # a release's text and its sentences are asked of again and again
def _matches(text: str) -> tuple[tuple[int, int, str, bool], ...]:
    """Gazetteer names in ``text`` that read as places: (start, end, full name, whether a short name)."""
    found = []
    for start, end, name in _names_in(text):
        if start and _foreign_before(text, start):
            continue  # 美国旧金山市, 日本北海道: a foreign place's name holds a Chinese one
        full = gazetteer()[name][0].name
        after = text[end : end + 3]
        before = text[start - 1] if start else ""
        if name == full or name in abbreviations():
            if (
                len(name) == 2
                and (
                    after.startswith("长")
                    or (_CJK_CHAR.match(before) and before not in "在到赴于省市州")
                    # 和县乡人大代表, 市委和县委: 和 joins, and 县 begins a word (县乡, 县委, 县直)
                    or (name[0] in "和与及" and after[:1] in _LEVEL_WORD_GOES_ON)
                )
            ):
                continue
            found.append((start, end, full, False))
        elif after[:1] and after[0] in _RENAMED_LEVELS and not _NOT_A_LEVEL.match(text, end):
            # A level word the gazetteer's division does not have (scan_names took the name
            # with its own): a division renamed since (永年区委, of 永年县), as written; else
            # the short name begins a word (合作区, 大城市, 沂蒙山区) and names no place.
            if renamed(name + after[0]):
                found.append((start, end + 1, name + after[0], False))
        elif text.startswith(_CITIZENS, end) and not any(p.name.endswith("市") for p in gazetteer()[name]):
            continue  # 江城市民: the people of a city called 江城 (its byname), not of a district 江城区
        elif _ORGAN_AFTER.match(after) and not (
            # 技术创新和市场开拓: a short name held inside words on both sides, the one before
            # (创新) and the one its level word begins (市场, 区域), names no place; standing
            # free it still does (浦东市场监管局), and the people of a city keep theirs (江城市民).
            _NOT_A_LEVEL.match(text, end)
            and not text.startswith(_CITIZENS, end)
            and _CJK_CHAR.match(before)
            and before not in "在到赴于省市州"
        ):
            found.append((start, end, full, False))
        elif (
            name not in load_words("place_words.tsv")
            and _SHORT_CONTEXT.match(after)
            and not _REGION_AFTER.match(text, end)
        ):
            # A short name alone must read as a place: 推动五通桥经济, 符合南岸实际,
            # 立足成安，; not 广阳岛, 珠海山东商会, 路正阳同志.
            found.append((start, end, full, True))
    return tuple(found)


def _foreign_before(text: str, start: int) -> bool:
    """Whether a foreign country's name ends right before ``start``, or one character before it
    that is no word of its own (美国旧金山市: 金山 is part of 旧金山; 日本北海道: 北海 of 北海道),
    not 驻 or 在 (美国驻上海总领事, 德国友人在成都).

    >>> _foreign_before("会见美国旧金山市市长", 4), _foreign_before("美国驻上海总领事", 3)
    (True, False)
    >>> _foreign_before("中国北海市", 2), _foreign_before("市委书记访问上海", 6)
    (False, False)
    """
    for gap in (0, 1):
        if gap and (not _CJK_CHAR.match(text[start - 1]) or text[start - 1] in _OWN_WORDS):
            return False
        if text.endswith(countries(), 0, start - gap):
            return True
    return False


# One-character words between a country's name and a place's: 驻, 在, 到… (美国驻上海总领事).
_OWN_WORDS = frozenset("驻在到赴于和与及同访来去的对向至从经")


@cache
def countries() -> tuple[str, ...]:
    """The countries and international bodies by their Chinese short names (``countries.tsv``;
    China is none of them), longest first: a name is read whole before one it starts with."""
    return tuple(sorted(load_words("countries.tsv"), key=len, reverse=True))


# What goes on from 县 into a word of its own (县乡, 县区, 县市, 县直, 县级, 县委, 县域, 县城).
_LEVEL_WORD_GOES_ON = frozenset("乡区市直级委域城里内外")
# A place named beside the release's own (省、安庆市和我市三级人大代表): another place.
_BESIDE_OURS = re.compile(r"\s*(?:和|与|及|、)\s*(?:我|本)(?:省|市|县|区|旗|镇|乡)")


# A level word that begins another word: 永年区域 is a region, 永年市场 a market, and
# 义乌市民 the people of 义乌 (市), not of a renamed division (_CITIZENS: whose they are).
_NOT_A_LEVEL = re.compile(r"区[域间块别分]|市[场值面民]")
# The people of a city: after a short name they are a city's, and a county's or a district's
# short name before them is a city's byname (江城市民, 山城市民), not the district (江城区).
_CITIZENS = "市民"
_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_SHORT_CONTEXT = re.compile(
    r"([^\u4e00-\u9fff]|$|实际|经济|发展|人民|群众|的|代表团|籍|全|各|城市|是|在|与|和|地区|境内|考察|调研|港"
    r"|特色|高质量|未来|新闻|视窗|发布|融媒|日报|电视台|广播|网)"
)
# A region named after a place or two (双城经济圈, 某某城市群, 某某都市圈) is no division:
# a short name before one of these words is part of the region's name, not a place.
_REGION_AFTER = re.compile(r"(?:经济|城市|都市)(?:圈|带|群|走廊)")
# A guest received (会见了以甲市委书记乙为团长的甲市党政代表团, 会见甲市客人): a place named
# between the verb and the group in one clause is the visitors'.
_RECEIVED_BEFORE = re.compile(r"(?:会见|会晤|接见|宴请)了?[^。；;，,\n]{0,30}$")
_GUEST_AFTER = re.compile(r"[^。；;，,\n]{0,20}?(?:代表团|考察团|访问团|客人|一行|商务团|经贸团)")


def _received_guests(text: str, start: int, end: int) -> bool:
    """Whether the place at ``[start, end)`` is named in the guests a reception receives.

    >>> text = "甲会见了以丽江市委书记乙为团长的丽江市党政代表团一行"
    >>> _received_guests(text, 5, 8), _received_guests("丽江市委书记甲会见客人", 0, 3)
    (True, False)
    """
    return bool(_RECEIVED_BEFORE.search(text, max(0, start - 32), start)) and bool(
        _GUEST_AFTER.match(text, end)
    )


# The rest of a company's name after a place's short name that opens it (烟台某某管路有限公司).
_COMPANY = re.compile(r"[^。；;，,、：:\s“”]{0,24}?(?:公司|集团)")
# 营口市委书记李强带队来我市: a place named before 来我市 is the visitors'.
_VISITOR = re.compile(r"[^。；;，,]{0,24}(?:来|赴|到|莅临)(?:我|本)(?:省|市|县|区|旗|镇|乡)")
# 来 of coming, not the 来 that ends a time word (近年来, 以来, 历来, 向来), and what a visit
# does right after where it comes (来乙市考察, 来湘开展交流): _COMES and _host_abbreviation.
_COMING = r"(?<![年以历向从素本原未])来"
_VISIT_DOES = "考察|调研|参观|访问|视察|交流|洽谈|开展|检查|指导"
# …and so is one named before 来 / 莅临 and another place, or a short name and what a visit
# does (甲市市长率团来乙市考察, 甲市代表团来乙考察, 甲省考察团来湘开展交流); not 来 that ends
# a time word (甲市近年来积极开展…, 以来, 历来, 向来); 随后来乙市考察 is a coming.
_COMES = re.compile(
    rf"[^。；;，,]{{0,24}}?(?:{_COMING}|莅临)(?:(?P<short>[\u4e00-\u9fff]{{1,3}}?)"
    rf"(?={_VISIT_DOES}|督导|走访|慰问))?"
)
# What no town's name holds: 会议由镇党委书记甲主持 names no town 会议由镇; and how none ends:
# 与我镇商讨, 对本乡, 向该镇 speak of a town by a pronoun (我镇, 本乡, 该镇), not by its name.
_NOT_IN_TOWN = re.compile(r"[的了由被把是]|会议|召开|主持|[我本该各]$")


_TOWN_LEVELS = ("镇", "乡", "街道")


@cache
def province_abbreviations() -> dict[str, str]:
    """The provinces by their one-character abbreviations (湘 → 湖南省: ``province_abbreviations.tsv``)."""
    return dict(load_table("province_abbreviations.tsv"))


@cache
def _host_abbreviation() -> tuple[dict[str, str], re.Pattern]:
    """:func:`province_abbreviations`, and where a text names a province by its abbreviation as
    the place a visit comes to or stays in (来湘考察, 莅湘, 在湘期间)."""
    names = province_abbreviations()
    chars = "".join(sorted(names))
    pattern = re.compile(
        rf"(?:{_COMING}|莅|抵)([{chars}])"
        rf"(?={_VISIT_DOES}|出席|参加|投资|工作|期间|[，,。、 ])"
        rf"|在([{chars}])期间"
    )
    return names, pattern


def _host_by_abbreviation(text: str) -> str | None:
    """The one province a text names only by its one-character abbreviation, as the place
    a visit comes to (来湘考察, 在湘期间): the host's, whose release it is.

    >>> _host_by_abbreviation("某考察团来湘开展交流。在湘期间，考察团参观了…")
    '湖南省'
    >>> _host_by_abbreviation("某考察团来湘，随后赴粤考察。"), _host_by_abbreviation("赴京参加会议。")
    ('湖南省', None)
    >>> _host_by_abbreviation("来湘考察后来粤考察。") is None
    True
    """
    names, pattern = _host_abbreviation()
    found = {names[m.group(1) or m.group(2)] for m in pattern.finditer(text)}
    return found.pop() if len(found) == 1 else None


# A chief's title of a division: its party secretary or its head (市委书记, 县长), and the two
# characters after it, where the holder's name starts.
_CHIEF = r"([省市县区旗州盟]委书记|[省市县区旗州盟]长)([\u4e00-\u9fff]{2})"
# …written bare, right after a mark or a word that opens a list (，市委书记张三率…; 由市长李四…)
_BARE_CHIEF = re.compile(rf"(?:^|(?<=[，,。、；;：:\n由和与及]))(?<![原前任]){_CHIEF}")
# …and after a place's name, its level word written again or not (甲市市委书记, 甲市委书记)
_NAMED_CHIEF = re.compile(rf"[市县区旗州盟]?{_CHIEF}")


def _other_chiefs(text: str, matches: Iterable[tuple[int, int, str, bool]]) -> set[str]:
    """The places a text names as another's: a chief of the place is named with its name while
    another holder of the same office is named bare, as a release names its own
    (市委书记张三率团到乙市考察…乙市委书记李四会见: 乙市 is the host, not the release's).

    >>> text = "市委书记张三率团到宜宾市考察。宜宾市委书记李四会见。"
    >>> sorted(_other_chiefs(text, _matches(text)))
    ['宜宾市']
    >>> text = "市委书记张三主持。宜宾市委书记张三强调。"
    >>> sorted(_other_chiefs(text, _matches(text)))
    []
    >>> text = "市长王五出席。宜宾市长三角招商推介会举行。"
    >>> sorted(_other_chiefs(text, _matches(text)))
    []
    """
    bare: dict[str, set[str]] = {}
    for m in _BARE_CHIEF.finditer(text):
        if is_chinese_name(m.group(2)):
            bare.setdefault(m.group(1), set()).add(m.group(2))
    others = set()
    for start, end, full, _ in matches:
        # 宜宾市委书记: the name read in full takes the level word the office starts with
        m = _NAMED_CHIEF.match(text, end) or _NAMED_CHIEF.match(text, end - 1)
        if not m or text[start - 1 : start] in ("原", "前") or text.endswith("时任", 0, start):
            continue
        office, name = m.group(1), m.group(2)
        if not is_chinese_name(name):
            continue  # 甲市长三角地区: 长三角, no 市长 and a name
        if office[0] == level_word(full) and bare.get(office, {name}) - {name}:
            others.add(full)
    return others


# A delegation led to another place, after the name of the place it comes from and the title
# of its leader (甲县委书记张三率甲县党政考察团到乙县考察): 率 … 团 … 到.
_LEADS_A_DELEGATION = re.compile(
    r"[^。；;！!？?\n]{0,40}?(?:率领?|带领|带队)[^。；;，,]{0,16}?(?:代表团|考察团|学习团|访问团|调研组|考察组)"
    r"[^。；;，,]{0,3}?(?:到|赴|前往|莅临)"
)


def _visiting_leaders(text: str, matches: Iterable[tuple[int, int, str, bool]]) -> set[str]:
    """The places whose delegation the text says came, led by a chief named with the place
    (甲县委书记张三率甲县党政考察团到乙县考察), where leaders of the same level go with it
    named bare, as a host names its own (县领导李四、王五陪同考察): the visitors' places.

    >>> text = "5月3日，宝鸡市委书记张三率党政代表团到延安市考察。市领导李四、王五陪同考察。"
    >>> sorted(_visiting_leaders(text, _matches(text)))
    ['宝鸡市']
    >>> text = "5月3日，宝鸡市委书记张三率党政代表团到延安市考察。延安市领导李四陪同考察。"
    >>> sorted(_visiting_leaders(text, _matches(text)))
    []
    """
    found = set()
    for _, end, full, _ in matches:
        level = level_word(full)
        if not level or full in found:
            continue
        named = _NAMED_CHIEF.match(text, end) or _NAMED_CHIEF.match(text, end - 1)
        if not named or named.group(1)[0] != level or not _LEADS_A_DELEGATION.match(text, named.end()):
            continue
        if _hosts_going_with(level).search(text):
            found.add(full)
    return found


@lru_cache(maxsize=16)
def _hosts_going_with(level: str) -> re.Pattern:
    """Leaders of ``level`` named bare who go along with a delegation (县领导李四、王五陪同考察)."""
    chief = rf"(?:{level}领导|{level}委书记|{level}长)"
    return re.compile(rf"(?:^|(?<=[，,。；;、\n])){chief}[^。；;]{{0,40}}?陪同")


def _comes_to_another(text: str, end: int, full: str, starts: dict[int, str]) -> bool:
    """Whether the place named before ``end`` comes to another (甲市市长率团来乙市考察).

    ``starts``: where the gazetteer's names start in ``text``.

    >>> text = "宝鸡市长率团来延安考察，宝鸡市代表团来延考察，宝鸡市欢迎客商来宝考察"
    >>> starts = {0: "宝鸡", 7: "延安"}
    >>> [_comes_to_another(text, at, "宝鸡市", starts) for at in (3, 15, 27)]
    [True, True, False]
    """
    comes = _COMES.match(text, end)
    if comes is None:
        return False
    if short := comes.group("short"):
        # a short name begins a gazetteer name (来延考察, 来湘开展交流); 来基层调研, 来到某镇
        # 检查: the place's own people going about it
        return short in _name_heads() and short not in full
    return starts.get(comes.end(), full) not in full


@lru_cache(maxsize=1)
def _name_heads() -> frozenset[str]:
    """The first one to three characters of every gazetteer name: what a short name may be."""
    return frozenset(name[:size] for name in gazetteer() for size in (1, 2, 3) if size <= len(name))


def _level(name: str) -> str | None:
    """The self-reference level of a place's name (``self_references.tsv``): 街道, 苏木 as a 乡."""
    if name.endswith("街道"):
        return "街道"
    if name.endswith("苏木"):
        return "乡"
    return name[-1] if name[-1] in _self_references() else None


# What follows a division opening a headline when the division speaks (眉县领导督查…,
# 巴中市召开…): its leaders, organs, or a meeting it holds.
_HEADLINE_SPEAKER = re.compile(r"领导|[省市县区旗]?委|[省市县区旗]?政府|人大|政协|召开|举行")


def _headline_division(title: str, written: str, text: str) -> str | None:
    """The division a headline opens with, speaking (眉县领导督查某镇…), as written, when the
    body names no division at all: a release that never refers to itself by a level word.

    >>> _headline_division("眉县领导督查某镇工作", "眉县领导督查某镇工作", "督查组一行来到某镇。")
    '眉县'
    >>> _headline_division("眉县领导督查某镇工作", "眉县领导督查某镇工作", "督查组来到宝鸡市某镇。")
    """
    found = find_places(title)
    if not found or found[0][0] != 0 or find_places(text):
        return None
    _, end, _ = found[0]
    if not _HEADLINE_SPEAKER.match(title, end):
        return None
    return written[:end]


def find_jurisdiction(release: Release) -> str | None:
    """The jurisdiction a release speaks for, in full; 中国 for national news.

    Candidates are the places the headline, source, body (and, weakly, the
    page around it) name; each is weighed by how often the release refers to
    itself at that candidate's level (我市, 县委...).

    >>> from govkg.extract.records import Office, Release
    >>> find_jurisdiction(Release(id="x", title="巴中市召开会议", text="1月25日，我市召开会议。"))
    '巴中市'
    """
    if release.source and release.source.strip() in load_words("national_sources.tsv"):
        return "中国"
    title = simplify(release.title or "")
    text = simplify(release.text)
    counts = _self_counts(title + "\n" + text)
    strong = _strong_levels(title + text)
    strong_levels = [level for level in _self_references() if level in strong]
    if len(strong_levels) == 1:
        # One level the release calls 我X / 本X: candidates of other levels are visitors.
        counts = Counter({strong_levels[0]: counts[strong_levels[0]]})
    if not any(counts.values()):
        if re.search(
            r"总书记|国务院总理|国务院副总理|国务委员|中共中央|中央政治局|全国人大常委会|全国政协主席|全国政协副主席|国家主席|国家副主席|中央军委",
            text[:200] + title,
        ) or _central_officer().search(title + "\n" + text[:200]):
            return "中国"
        # No self-reference: a release that keeps naming one place is about it, unless it
        # names it as its guests' (某集团董事长甲会见来访的乙市市长丙一行): a company's release
        # about officials who called on it speaks for none of their places.
        guests = _guests_places(title + "\n" + text)
        named = Counter(full for _, _, full in find_places(title + "\n" + text) if full not in guests)
        if named:
            full, times = named.most_common(1)[0]
            if times >= 3 and times >= 0.6 * sum(named.values()):
                start = (title + "\n" + text).index(full)
                return ((release.title or "") + "\n" + release.text)[start : start + len(full)]
        return _headline_division(title, release.title or "", text)
    # The page around the article: a headline or breadcrumbs above the body
    # may name the place; the footer is the site's, not the article's.
    header = release.raw[: release.segments[0][1]] if release.segments else ""
    scores: Counter[str] = Counter()
    written: dict[str, str] = {}
    order: dict[str, int] = {}
    unfit: list[tuple[str, str, bool]] = []  # places named at a level the release never speaks as
    parts = (
        (3.0, title, release.title or ""),
        (2.0, simplify(release.source or ""), release.source or ""),
        (1.0, text, release.text),
        (0.5, simplify(header), header),
    )
    # a place whose chief is named with its name, another holder of the office bare: a host's
    others = _other_chiefs(text, _matches(text)) | _visiting_leaders(text, _matches(text))
    for weight, part, original in parts:
        names = []
        starts = {start: name for start, _, name in _names_in(part)}
        for start, end, full, short in _matches(part):
            if _named_as_guests(part, start, end, full, starts) or _BESIDE_OURS.match(part, end):
                continue
            if full in others:
                continue
            if short and _COMPANY.match(part, end):
                continue  # 甲乙公司, 甲乙集团: a short name that opens a company's name is the company's
            if part[start:end] in abbreviations():
                full = as_written = original[start:end]  # 西乌旗: as the release writes it
            else:
                as_written = original[start:end] + full[end - start :]
            names.append((full, as_written, 0.5 if short else 1))
        for pattern in (_TOWN, _TOWN_AFTER):
            for match in pattern.finditer(part):
                if not _NOT_TOWN.match(match.group(1)) and not _NOT_IN_TOWN.search(match.group(1)):
                    start, end = match.start(1), match.end(2)
                    names.append((match.group(1) + match.group(2), original[start:end], 1))
        for full, as_written, factor in names:
            level = _level(full)
            if level is None or not counts[level]:
                if level is not None:
                    unfit.append((full, as_written, factor < 1))
                continue
            scores[full] += weight * factor * (1 + counts[level] / 10)
            order.setdefault(full, len(order))
            if as_written and full not in written:
                written[full] = as_written
    if not scores:
        # 来湘考察, 在湘期间: a province the release names by its abbreviation only, at the
        # level it refers to itself
        host = _host_by_abbreviation(title + "\n" + text)
        return host if host and counts[_level(host)] else _renamed_home(unfit, counts)
    best = max(scores, key=lambda n: (scores[n], -order[n]))
    lifted = _listed_with_siblings(text, best)
    if lifted is not None and counts[_level(lifted)]:
        return lifted
    # 县委巡察组向徽城镇…反馈: a town is what a county's release speaks about,
    # unless the release refers to the town's level more than to any other;
    # the county it speaks for is not named, so no place is known.
    (dominant, most), level = counts.most_common(1)[0], _level(best)
    if level in _TOWN_LEVELS and level != dominant and most >= 3 * counts[level]:
        if not any(_level(n) == dominant for n in scores):
            return None
    return written.get(best, best)


def _guests_places(text: str) -> frozenset[str]:
    """The places a text names as its visitors' or its guests': named before 来我市 or 来乙市
    考察, or between a reception's verb and the group it receives (会见了来访的甲市市长乙一行).

    >>> sorted(_guests_places("某集团董事长甲会见了来访的宜宾市市长乙一行。宜宾市客人参观了展厅。"))
    ['宜宾市']
    >>> sorted(_guests_places("宜宾市市长乙到某公司调研。"))
    []
    """
    starts = {start: name for start, _, name in _names_in(text)}
    return frozenset(
        full for start, end, full, _ in _matches(text) if _named_as_guests(text, start, end, full, starts)
    )


def _named_as_guests(text: str, start: int, end: int, full: str, starts: dict[int, str]) -> bool:
    """Whether the place named at ``[start, end)`` is named as its visitors' or guests' (甲市客人,
    来乙市考察, 会见了来访的甲市市长乙一行); ``starts``: where :func:`scan_names` read names."""
    return bool(
        _VISITOR.match(text, end)
        or _comes_to_another(text, end, full, starts)
        or _received_guests(text, start, end)
    )


def _listed_with_siblings(text: str, best: str) -> str | None:
    """The prefecture whose county-level city ``best`` is named, every time, in a list with
    another division of that prefecture (深入某区、某市调研; 某县和某市): a list of places gone
    to, the prefecture's; no county-level city lists itself beside its neighbours. None for
    any other place.

    >>> _listed_with_siblings("市委书记甲深入袁州区、丰城市调研。", "丰城市")
    '宜春市'
    >>> _listed_with_siblings("市委书记甲深入丰城市调研，到袁州区考察。", "丰城市") is None
    True
    """
    places = places_named(best)
    if len(places) != 1 or places[0].level != "county":
        return None
    up = _parent(places[0])
    if up is None or up.level != "prefecture":
        return None
    found = find_places(text)
    listed = False
    for i, (start, end, full) in enumerate(found):
        if full != best:
            continue
        beside = []
        if i + 1 < len(found) and found[i + 1][0] == end + 1 and text[end] in _LIST_JOINS:
            beside.append(found[i + 1][2])
        if i and found[i - 1][1] == start - 1 and text[start - 1] in _LIST_JOINS:
            beside.append(found[i - 1][2])
        if not any(
            p.level == "county" and _parent(p) == up and p.name != best
            for name in beside
            for p in places_named(name)
        ):
            return None
        listed = True
    return up.name if listed else None


# What joins the items of a list of places (某区、某市; 某县和某市).
_LIST_JOINS = frozenset("、和及")


@cache
def _central_officer() -> re.Pattern:
    """A central ministry's or commission's officer named (外交部副部长, 商务部新闻发言人,
    国家发展改革委规划司司长, 中国外交部长): a release that names one at its head and
    never speaks as a place of its own (我市, 全县) is the ministry's news, the country's.

    The ministries and bureaus are the organs among the national prefixes of ``names.tsv``
    (外交部 … 海关总署); a commission or bureau named 国家… is one too. Only with an
    officer's post right after the organ or one of its departments: a ministry named
    alone (落实商务部部署) tells nothing of who speaks.

    >>> officer = _central_officer()
    >>> bool(officer.search("外交部副部长甲会见某国大使")), bool(officer.search("落实商务部部署"))
    (True, False)
    >>> bool(officer.search("国家发展改革委规划司司长甲带队赴某省调研"))
    True
    """
    organs = sorted(
        (
            row[1]
            for row in load_table("names.tsv")
            if row[0] == "national-prefix" and row[1][-1] in "部署局办"
        ),
        key=len,
        reverse=True,
    )
    organ = "|".join(map(re.escape, organs)) + r"|国家(?!级)[\u4e00-\u9fff]{2,8}?(?:委员会|委|局|署)"
    post = r"党组书记|党组成员|部长助理|副?部长|副?主任|副?局长|副?司长|副?署长|(?:新闻)?发言人|长"
    return re.compile(rf"(?:{organ})(?:[\u4e00-\u9fff]{{1,8}}?[司室厅])?(?:{post})")


def _renamed_home(unfit: list[tuple[str, str, bool]], counts: Counter) -> str | None:
    """The district a release of a district names only by the short name of a county or
    county-level city: that division, made a district since (:func:`renamed`), as written.

    A release that calls itself 区 (区委, 全区) and names no district, only 永年 (推动永年经济,
    the site's 永年网), speaks for 永年区: 永年县 became a district after the gazetteer was
    made. Only when every place it names (``unfit``: full name, as written, whether a short
    name) is that one county, by its short name, twice or more: a county named in full
    (永年县) is another, and a name told once may be a neighbour's. Not in a release of a
    county (districts are not made counties) or of a 市 (a prefecture names its counties).

    >>> counts = Counter({"区": 5, "市": 0})
    >>> _renamed_home([("永年县", "永年县", True), ("永年县", "永年县", True)], counts)
    '永年区'
    >>> _renamed_home([("永年县", "永年县", True)], counts) is None
    True
    >>> _renamed_home([("永年县", "永年县", True), ("永年县", "永年县", False)], counts) is None
    True
    """
    (level, most), *_ = counts.most_common(1)
    if level != "区" or not most or len(unfit) < 2 or not all(short for *_, short in unfit):
        return None
    if len({full for full, *_ in unfit}) != 1:
        return None
    full, as_written, _ = unfit[0]
    places = places_named(full)
    stem = shorten(full)
    found = renamed(stem + level)
    if not places or places[0].level != "county" or [p.code for p in found] != [places[0].code]:
        return None
    return as_written[: len(stem)] + level


def release_place(release: Release, offices: Iterable[Office]) -> str | None:
    """The jurisdiction of a release as a canonical key (the one identity starts from).

    :func:`find_jurisdiction` chose the place and wrote it as the release
    does (``Release.place``); this reads it with :func:`place_key`. A short
    name that several places share (长宁: 长宁区, 长宁县) is read as the one the
    release's titles name (``offices``, as :func:`~govkg.extract.titles.parse_title`
    read them), or else the one of the level the release speaks as.

    >>> from govkg.extract.titles import parse_title
    >>> release_place(Release(id="x", text="区长", place="长宁"), [parse_title("长宁区副区长")])
    '长宁区'
    >>> release_place(Release(id="x", text="我县召开会议。", place="长宁"), [])
    '长宁县'
    """
    where = place_key(release.place)
    if not where or where == NATIONAL or place_object(where) is not None:
        return where
    candidates = {p.name for p in places_named(where)}
    if len(candidates) < 2:
        return where
    named = {office.place for office in offices if office.place in candidates}
    if len(named) == 1:
        return named.pop()
    level = self_level((release.title or "") + "\n" + release.text)
    fitting = sorted(name for name in candidates if level_word(name) == level)
    return fitting[0] if len(fitting) == 1 else where


class PlacesNamed:
    """The places a text names, found once (:func:`find_places`), when first asked for.

    A release's finds serve both its readers: the places a bare level word may
    name (iterating gives the full names, sorted; see
    :func:`~govkg.extract.titles.place_at_level`) and the divisions identity reads
    (:attr:`divisions`, kept on ``Extraction.divisions``).

    >>> named = PlacesNamed("衡阳县委书记到长沙市调研，衡阳市领导陪同。")
    >>> list(named) == list(named.divisions)
    True
    """

    __slots__ = ("_divisions", "_names", "text")

    def __init__(self, text: str) -> None:
        self.text = text  # simplified
        self._names: tuple[str, ...] | None = None
        self._divisions: tuple[str, ...] | None = None

    def __iter__(self) -> Iterator[str]:
        if self._names is None:
            self._names = tuple(sorted({full for _, _, full in find_places(self.text)}))
        return iter(self._names)

    @property
    def divisions(self) -> tuple[str, ...]:
        """The divisions the text names in full, canonical, sorted (a town's release naming 衡阳县)."""
        if self._divisions is None:
            keys = (place_key(name) for name in self)
            self._divisions = tuple(sorted({key for key in keys if key and level_word(key)}))
        return self._divisions


def divisions_named(text: str) -> tuple[str, ...]:
    """The divisions a text names in full, canonical, sorted (a town's release naming 衡阳县).

    >>> divisions_named("衡阳县委书记到长沙市调研，衡阳市领导陪同。")
    ('衡阳县', '衡阳市', '长沙市')
    """
    return PlacesNamed(simplify(text)).divisions
