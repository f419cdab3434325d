"""Places: the gazetteer of administrative divisions, and a release's jurisdiction.

A release speaks for one jurisdiction: the place that 我市, 全县, 区委 refer
to. :func:`find_jurisdiction` tells its level from those self-references and
its name from the headline, source and body, written in full (巴中市, not 巴中).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from govkg.extract.chars import simplify as to_simplified
from govkg.extract.data import load_table, load_words
from govkg.extract.records import Release

# Level suffixes and the words by which a release refers to its own level.
LEVELS = {
    "省": r"我省|全省|本省|省委|省政府|省人大|省政协|省长",
    "市": r"我市|全市|本市|市委|市政府|市人大|市政协|市长",
    "县": r"我县|全县|本县|县委|县政府|县人大|县政协|县长|我縣|全縣|縣委|縣政府",
    "区": r"我区|全区|本区|区委|区政府|区人大|区政协|区长|我區|全區|區委|區政府",
    "旗": r"我旗|全旗|旗委|旗政府|旗人大|旗政协|旗长",
    "镇": r"我镇|全镇|镇党委|镇政府|镇人大|镇长|我鎮|全鎮|鎮黨委",
    "乡": r"我乡|全乡|乡党委|乡政府|乡长|我鄉|全鄉",
    "街道": r"街道党工委|街道办事处|全街道",
}
_SUFFIX_OF = {
    "县": "县縣",
    "区": "区區",
    "镇": "镇鎮",
    "乡": "乡鄉",
    "市": "市",
    "省": "省",
    "旗": "旗",
    "街道": "街道",
}
_TOWN = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)(镇|乡|街道|苏木)(?=[\u4e00-\u9fff,，、 ])")
_TOWN_AFTER = re.compile(r"(?:[县区市旗]|日|在|到|赴|于|入)([\u4e00-\u9fff]{2,3}?)(镇|乡|街道|苏木)")
_NOT_TOWN = re.compile(r"^(城|乡|各|全|本|我|该|村|集|小|重|街|城乡|各乡|乡镇|城镇|村镇|集镇|小城)")


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
    abbreviations (西乌旗, ``place_abbreviations.tsv``) to the places they name."""
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
    return index


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


def scan_names(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer names in a text, leftmost-longest, not overlapping: (start, end, name).

    A dictionary scan over character pairs: a few microseconds per hundred
    characters, where one regular expression of 3,000 names takes milliseconds.

    >>> scan_names("巴中市和巴州区")
    [(0, 3, '巴中市'), (4, 7, '巴州区')]
    """
    index, names = _prefix_index(), gazetteer()
    found = []
    i, n = 0, len(text) - 1
    while i < n:
        lengths = index.get(text[i : i + 2])
        if lengths:
            for length in lengths:
                if text[i : i + length] in names:
                    found.append((i, i + length, text[i : i + length]))
                    i += length
                    break
            else:
                i += 1
        else:
            i += 1
    return found


@lru_cache(maxsize=1)
def _by_code() -> dict[str, Place]:
    return {place.code: place for places in gazetteer().values() for place in places}


def place_by_code(code: str) -> Place | None:
    return _by_code().get(code)


def parent(place: Place) -> Place | None:
    """The division one level up: county → prefecture → province."""
    if place.level == "county":
        return place_by_code(place.code[:4] + "00") or place_by_code(place.code[:2] + "0000")
    if place.level == "prefecture":
        return place_by_code(place.code[:2] + "0000")
    return None


_BOUNDARY = '^|(?<=[\\s,，。、；;：:（(“"由在和及与为是的])'


def _self_counts(text: str) -> Counter:
    """How often a text refers to itself at each level: 我市 / 全市 count three
    times, a bare organ word (市委, 县政府, not 巴中市委) once."""
    counts: Counter = Counter()
    for level, words in LEVELS.items():
        strong = len(re.findall(rf"(?:我|全|本){re.escape(level)}(?!长)", text))
        bare = len(re.findall(rf"(?:{_BOUNDARY})(?:{words})", text))
        counts[level] = 3 * strong + bare
    return counts


def self_level(text: str) -> str | None:
    """The level a text refers to itself by, the most frequent self-reference.

    >>> self_level("1月25日，我市召开会议，市委副书记、市长何平出席。")
    '市'
    """
    counts = _self_counts(text)
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


def _matches(text: str) -> list[tuple[int, int, str, bool]]:
    found = []
    for start, end, name in scan_names(text):
        full = gazetteer()[name][0].name
        after = text[end : end + 3]
        before = text[start - 1] if start else ""
        if name == full or name in abbreviations():
            if len(name) == 2 and (
                after.startswith("长") or (_CJK_CHAR.match(before) and before not in "在到赴于省市州")
            ):
                continue
            found.append((start, end, full, False))
        elif re.match(r"(市|县|区|旗|州|[省市县区]?委|[省市县区]?政府|人大|政协|代表团)", after):
            found.append((start, end, full, False))
        elif name not in load_words("place_words.tsv") and _SHORT_CONTEXT.match(after):
            # A short name alone must read as a place: 推动五通桥经济, 符合南岸实际,
            # 立足成安，; not 广阳岛, 珠海山东商会, 路正阳同志.
            found.append((start, end, full, True))
    return found


_CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
_SHORT_CONTEXT = re.compile(
    r"([^\u4e00-\u9fff]|$|实际|经济|发展|人民|群众|的|代表团|籍|全|各|城市|是|在|与|和|地区|境内|考察|调研|港"
    r"|特色|高质量|未来|新闻|视窗|发布|融媒|日报|电视台|广播|网)"
)
# 营口市委书记李强带队来我市: a place named before 来我市 is the visitors'.
_VISITOR = re.compile(r"[^。；;，,]{0,24}(?:来|赴|到|莅临)(?:我|本)(?:省|市|县|区|旗|镇|乡)")


_TOWN_LEVELS = ("镇", "乡", "街道")


def _level(name: str) -> str | None:
    for level in ("街道", "省", "市", "县", "区", "旗", "镇", "乡"):
        if any(name.endswith(s) for s in _SUFFIX_OF[level]):
            return level
    if name.endswith("苏木"):
        return "乡"
    return None


def find_jurisdiction(release: Release) -> str | None:
    """The jurisdiction a release speaks for, in full; 中国 for national news.

    Candidates are the places the headline, source, body (and, weakly, the
    page around it) name; each is weighed by how often the release refers to
    itself at that candidate's level (我市, 县委...).

    >>> from govkg.extract.records import Release
    >>> find_jurisdiction(Release(id="x", title="巴中市召开会议", text="1月25日，我市召开会议。"))
    '巴中市'
    """
    if release.source and release.source.strip() in load_words("national_sources.tsv"):
        return "中国"
    title = to_simplified(release.title or "")
    text = to_simplified(release.text)
    counts = _self_counts(title + "\n" + text)
    strong_levels = [
        level for level in LEVELS if re.search(rf"(?:我|本){re.escape(level)}(?!长)", title + text)
    ]
    if len(strong_levels) == 1:
        # One level the release calls 我X / 本X: candidates of other levels are visitors.
        counts = Counter({strong_levels[0]: counts[strong_levels[0]]})
    if not any(counts.values()):
        if re.search(
            r"总书记|国务院总理|中共中央|中央政治局|全国人大常委会委员长|全国政协主席", text[:200] + title
        ):
            return "中国"
        # No self-reference: a release that keeps naming one place is about it.
        named = Counter(full for _, _, full in find_places(title + "\n" + text))
        if named:
            full, times = named.most_common(1)[0]
            if times >= 3 and times >= 0.6 * sum(named.values()):
                start = (title + "\n" + text).index(full)
                return ((release.title or "") + "\n" + release.text)[start : start + len(full)]
        return None
    # The page around the article: a headline or breadcrumbs above the body
    # may name the place; the footer is the site's, not the article's.
    header = release.raw[: release.segments[0][1]] if release.segments else ""
    scores: Counter[str] = Counter()
    written: dict[str, str] = {}
    order: dict[str, int] = {}
    parts = (
        (3.0, title, release.title or ""),
        (2.0, to_simplified(release.source or ""), release.source or ""),
        (1.0, text, release.text),
        (0.5, to_simplified(header), header),
    )
    for weight, part, original in parts:
        names = []
        for start, end, full, short in _matches(part):
            if _VISITOR.match(part, end):
                continue
            if part[start:end] in abbreviations():
                full = as_written = original[start:end]  # 西乌旗: as the release writes it
            else:
                as_written = original[start:end] + full[end - start :]
            names.append((full, as_written, 0.5 if short else 1))
        for pattern in (_TOWN, _TOWN_AFTER):
            for match in pattern.finditer(part):
                if not _NOT_TOWN.match(match.group(1)):
                    start, end = match.start(1), match.end(2)
                    names.append((match.group(1) + match.group(2), original[start:end], 1))
        for full, as_written, factor in names:
            level = _level(full)
            if level is None or not counts[level]:
                continue
            scores[full] += weight * factor * (1 + counts[level] / 10)
            order.setdefault(full, len(order))
            if as_written and full not in written:
                written[full] = as_written
    if not scores:
        return None
    best = max(scores, key=lambda n: (scores[n], -order[n]))
    # 县委巡察组向徽城镇…反馈: a town is what a county's release speaks about,
    # unless the release refers to the town's level more than to any other;
    # the county it speaks for is not named, so no place is known.
    (dominant, most), level = counts.most_common(1)[0], _level(best)
    if level in _TOWN_LEVELS and level != dominant and most >= 3 * counts[level]:
        if not any(_level(n) == dominant for n in scores):
            return None
    return written.get(best, best)
