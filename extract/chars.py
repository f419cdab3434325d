"""A matching view of a release's text: simplified characters, no pinyin artifacts.

Some pages are in traditional characters, some carry pinyin glosses that a
converter left behind (統(tǒng)戰(zhàn)部部長(zhǎng)). Rules and lexicons are written
once, in simplified characters, and run on a *view* of the text: each
character mapped 1:1 to its simplified form and the glosses dropped. The view
keeps, for each of its characters, the offset of that character in the text,
so every match maps back to a span of the text as written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from govkg.extract.data import load_table

# A pinyin gloss: a bracketed run of Latin letters with at least one tone mark,
# right after a Chinese character.
_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（] ?[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜń][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜń]* ?[)）]"
)


@cache
def _simplify_table() -> dict[int, str]:
    return {ord(trad): simp for trad, simp in load_table("t2s.tsv")}


@cache
def _traditional() -> re.Pattern:
    """Any character :func:`simplify` may replace: one quick scan of a text. re tests a class of
    characters outside the Basic Multilingual Plane one by one, so those stand in it as one range."""
    basic = "".join(re.escape(chr(c)) for c in sorted(_simplify_table()) if c <= 0xFFFF)
    return re.compile(f"[{basic}\U00010000-\U0010ffff]")


def without_glosses(text: str) -> str:
    """The text without the pinyin glosses some pages put after characters (會(huì)見 → 會見).

    >>> without_glosses("市長(zhǎng)會(huì)見了客人"), without_glosses("會見(1)")
    ('市長會見了客人', '會見(1)')
    """
    return _GLOSS.sub("", text) if "(" in text or "（" in text else text


def simplify(text: str) -> str:
    """The text with traditional characters replaced 1:1 by simplified ones, and any dot
    between two Han characters read as the middle dot of a foreign name (贾米尔.布达维,
    阿卜杜•卡里姆 and 阿卜杜・卡里姆 are written so on some sites, as 阿卜杜·卡里姆).

    A text without any (most are in simplified characters) is given back as
    it is, without a look-up for each of its characters.

    >>> simplify("市委書記、市長"), simplify("市委书记")
    ('市委书记、市长', '市委书记')
    >>> simplify("秘书长贾米尔.布达维会面"), simplify("第1.5条")
    ('秘书长贾米尔·布达维会面', '第1.5条')
    """
    if _NAME_DOT.search(text) is not None:
        text = _NAME_DOT.sub("·", text)
    if _traditional().search(text) is None:
        return text
    return text.translate(_simplify_table())


# A dot other than the middle dot between two Han characters: the middle dot of a foreign name
# as some sites write it (a full stop, a bullet, a katakana or a hyphenation point).
_NAME_DOT = re.compile(r"(?<=[\u4e00-\u9fff])[.．•・‧∙](?=[\u4e00-\u9fff])")


def simplified(text: str) -> str:
    """Text in simplified characters, NFKC, without white space: for keys, not for display.

    Unlike :func:`simplify`, lengths change: never use it where offsets matter.

    >>> simplified("營口市委書記 李強")
    '营口市委书记李强'
    """
    return re.sub(r"\s+", "", simplify(unicodedata.normalize("NFKC", text)))


@dataclass(frozen=True)
class View:
    """Simplified text without glosses, and where each of its characters came from."""

    text: str
    origin: Sequence[int]  # origin[i]: offset in the source text of text[i] (a range without glosses)
    size: int  # length of the source text

    def start(self, i: int) -> int:
        """Source offset of the view offset ``i`` as the start of a span."""
        return self.origin[i] if i < len(self.origin) else self.size

    def end(self, i: int, *, glosses: bool = False) -> int:
        """Source offset of the view offset ``i`` as the end of a span.

        With ``glosses`` the span takes in a gloss that follows its last
        character (部長(zhǎng) stays whole); without, it stops right after it.
        """
        if i <= 0:
            return 0
        if glosses:
            return self.start(i)
        return self.origin[i - 1] + 1


@lru_cache(maxsize=64)
def view(text: str) -> View:
    """The matching view of a text, made once per text (persons and documents read the same view
    of a release's body).

    >>> v = view("部長(zhǎng)慕建民")
    >>> v.text
    '部长慕建民'
    >>> text = "部長(zhǎng)慕建民"
    >>> text[v.start(0) : v.end(2, glosses=True)], text[v.start(2) : v.end(5)]
    ('部長(zhǎng)', '慕建民')
    """
    simple = simplify(text)
    if _GLOSS.search(simple) is None:  # most texts: the view is the simplified text, offset for offset
        return View(simple, range(len(simple)), len(text))
    chars: list[str] = []
    origin: list[int] = []
    last = 0
    for match in _GLOSS.finditer(simple):
        chars.append(simple[last : match.start()])
        origin.extend(range(last, match.start()))
        last = match.end()
    chars.append(simple[last:])
    origin.extend(range(last, len(simple)))
    return View("".join(chars), tuple(origin), len(text))


def part_view(whole: View, text: str, start: int, end: int) -> View:
    """The view of ``text[start:end]`` (as :func:`view` makes it), where ``whole`` is the view of
    ``text``: a slice of it when the text has no glosses, as most have (a sentence's view, made
    for each sentence of a release, without reading its characters again).

    It is the same view: :func:`simplify` replaces characters one for one, and a gloss in a
    part of a text is one of the whole (a gloss follows a Han character it glosses).

    >>> text = "市長何平出席。"
    >>> part_view(view(text), text, 2, 7) == view(text[2:7])
    True
    """
    if isinstance(whole.origin, range) and whole.size == len(text):
        return View(whole.text[start:end], range(end - start), end - start)
    return view(text[start:end])


def bracket_groups(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int | None, int]]:
    """The outermost groups in round brackets of ``text[start:end]``, in order: where each opens
    and where it closes; a closing bracket whose opening one lies before ``start`` opens at None.

    >>> list(bracket_groups("甲）某（扩大）会（乙"))
    [(None, 1), (3, 6)]
    """
    depth, opened = 0, start
    for j in range(start, len(text) if end is None else end):
        if text[j] in "(（":
            if not depth:
                opened = j
            depth += 1
        elif text[j] in ")）":
            if not depth:
                yield None, j
                continue
            depth -= 1
            if not depth:
                yield opened, j
