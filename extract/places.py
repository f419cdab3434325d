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

from govkg.extract.data import load_table, load_words
from govkg.extract.records import Release

# Level suffixes and the words by which a release refers to its own level.
LEVELS = {
    "省": r"我省|全省|本省|省委|省政府|省人大|省政协",
    "市": r"我市|全市|本市|市委|市政府|市人大|市政协|市长",
    "县": r"我县|全县|本县|县委|县政府|县人大|县政协|县长|我縣|全縣|縣委|縣政府",
    "区": r"我区|全区|本区|区委|区政府|区人大|区政协|区长|我區|全區|區委|區政府",
    "旗": r"我旗|全旗|旗委|旗政府|旗人大|旗政协|旗长",
    "镇": r"我镇|全镇|镇党委|镇政府|镇人大|镇长|我鎮|全鎮|鎮黨委",
    "乡": r"我乡|全乡|乡党委|乡政府|乡长|我鄉|全鄉",
    "街道": r"街道党工委|街道办事处|全街道",
}
_SELF = {level: re.compile(words) for level, words in LEVELS.items()}
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
_TOWN = re.compile(
    r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{2,4}?)(镇|鎮|乡|鄉|街道|苏木)(?=[\u4e00-\u9fff,，、 ])"
)
_TOWN_AFTER = re.compile(r"(?:[县縣区區市旗]|日|在|到|赴|于)([\u4e00-\u9fff]{2,3}?)(镇|鎮|乡|鄉|街道|苏木)")
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
    """Full names and short names (two characters or more) to the places they name."""
    index: dict[str, list[Place]] = {}
    for code, name, level in load_table("places.tsv"):
        place = Place(code, name, level)
        index.setdefault(name, []).append(place)
        if place.short != name:
            index.setdefault(place.short, []).append(place)
    return index


@lru_cache(maxsize=1)
def _gazetteer_pattern() -> re.Pattern:
    names = sorted((n for n in gazetteer() if len(n) >= 2), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def place_by_code(code: str) -> Place | None:
    for places in gazetteer().values():
        for place in places:
            if place.code == code:
                return place
    return None


def parent(place: Place) -> Place | None:
    """The division one level up: county → prefecture → province."""
    if place.level == "county":
        return place_by_code(place.code[:4] + "00") or place_by_code(place.code[:2] + "0000")
    if place.level == "prefecture":
        return place_by_code(place.code[:2] + "0000")
    return None


def level_of(name: str) -> str | None:
    """The level word a place name ends in (市, 县, 镇...)."""
    for level, suffixes in _SUFFIX_OF.items():
        if any(name.endswith(s) for s in suffixes if len(s) == 1) or (
            name.endswith("街道") and level == "街道"
        ):
            return level
    return None


def self_level(text: str) -> str | None:
    """The level a text refers to itself by, the most frequent self-reference.

    >>> self_level("1月25日，我市召开会议，市委副书记、市长何平出席。")
    '市'
    """
    counts = Counter({level: len(pattern.findall(text)) for level, pattern in _SELF.items()})
    # 县委 inside 市委... no overlap; but 镇 releases also name 县委, so the
    # lowest level present with a real self-reference (我X / 全X) wins ties.
    strong = {level: len(re.findall(rf"(?:我|全|本){re.escape(level)}", text)) for level in LEVELS}
    for level in ("街道", "乡", "镇", "旗", "区", "县", "市", "省"):
        if strong[level]:
            return level
    best = counts.most_common(1)
    return best[0][0] if best and best[0][1] else None


def find_places(text: str) -> list[tuple[int, int, str]]:
    """Gazetteer place names in a text: (start, end, full name), left to right.

    A short name (巴中) counts only before an organ or level word, so that
    words that happen to be place names are not taken.
    """
    found = []
    for match in _gazetteer_pattern().finditer(text):
        name = match.group()
        places = gazetteer()[name]
        full = places[0].name
        if name == full:
            found.append((match.start(), match.end(), full))
        elif re.match(
            r"(市|县|区|旗|州|[省市县区]?委|[省市县区]?政府|人大|政协|代表团)",
            text[match.end() : match.end() + 3],
        ):
            found.append((match.start(), match.end(), full))
    return found


def find_jurisdiction(release: Release) -> str | None:
    """The jurisdiction a release speaks for, in full; 中国 for national news.

    >>> from govkg.extract.records import Release
    >>> find_jurisdiction(Release(id="x", title="巴中市召开会议", text="1月25日，我市召开会议。"))
    '巴中市'
    """
    if release.source and release.source.strip() in load_words("national_sources.tsv"):
        return "中国"
    title = release.title or ""
    text = release.text
    level = self_level(title + "\n" + text)
    if level is None:
        return None
    suffixes = _SUFFIX_OF[level]
    counts: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    for weight, part in ((3, title), (2, release.source or ""), (1, text)):
        names = []
        if level in ("镇", "乡", "街道"):
            for pattern in (_TOWN, _TOWN_AFTER):
                for match in pattern.finditer(part):
                    if not _NOT_TOWN.match(match.group(1)):
                        names.append(match.group(1) + match.group(2))
        else:
            names = [full for _, _, full in find_places(part) if full.endswith(tuple(suffixes))]
        for name in names:
            counts[name] += weight
            first_seen.setdefault(name, len(first_seen))
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first_seen[n]))
