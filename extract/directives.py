"""What an event is said to carry out: the objects of 贯彻落实, 落实, 学习传达.

An object is a short noun phrase as written (习近平总书记重要指示精神), cut
at the clause's end and at the last directive-like head noun (精神, 部署,
措施 ...: ``data/directive_heads.tsv``), and split at 和 / 及 where both
sides are directives of their own. A verb with no such object (抓好落实,
落实到位) gives nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from govkg.extract.data import load_words

# The verbs whose objects are directives, longest first; 好 / 了 may follow.
_VERBS = (
    r"深入贯彻落实|认真贯彻落实|贯彻落实|学习贯彻|学习传达|传达学习|传达贯彻|贯彻执行|学习领会|贯彻|落实|执行"
)
_LEAD = re.compile(
    r"^(?:好|了|到|在|的|上|各级|全面|坚决|认真|深入|切实|有力|扎实|不折不扣地?|到位|贯彻|落实|学习|领会|传达)+"
)
# Coordinators, the looser first: 甲和乙部署以及丙要求 is (甲和乙部署) and (丙要求).
_SPLITS = (re.compile(r"以及"), re.compile(r"和|及|与"))
_PREDICATE = re.compile(r"进行|作出|做出|开展|推动|确保|结合|为指导|为主线|为统领")
_FRONTED = re.compile(r"把(?P<object>[^，,。；;！？!?：:\s]{2,40}?)(?:贯彻落实|落实|贯彻)")
_QUOTED = re.compile(r"^“[^“”]+”$")
# A side that names its meeting by the bare noun points back to the meeting the other side names
# (…在某全会上的重要讲话和全会精神): the phrase is one, as with 其.
_BACK = re.compile(r"^(?:全会|会议|大会|会)精神$")


@lru_cache(maxsize=1)
def _heads() -> tuple[str, ...]:
    return tuple(sorted(load_words("directive_heads.tsv"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    return re.compile(rf"(?:{_VERBS})(?P<object>[^、，,。；;！？!?：:\s][^，,。；;！？!?：:\s]{{1,59}})")


@lru_cache(maxsize=1)
def _head_end() -> re.Pattern:
    # The last head noun of a phrase, followed only by a tail that is no noun of its own.
    heads = "|".join(map(re.escape, _heads()))
    return re.compile(rf"^(?P<phrase>.*(?:{heads}))(?P<tail>[^”’」』]*?)$")


def _trim(phrase: str) -> str | None:
    """The phrase cut at its last head noun, without leading adverbs; None if it has none."""
    phrase = _LEAD.sub("", phrase)
    # 落实…精神进行安排部署: the object ends where a new predicate begins.
    for cut in _PREDICATE.finditer(phrase):
        if phrase.count("《", 0, cut.start()) == phrase.count("》", 0, cut.start()):
            phrase = phrase[: cut.start()]
            break
    match = _head_end().match(phrase)
    if not match:
        # A quoted watchword is a directive of its own: 落实“三管三必须”.
        if phrase.startswith("“") and "”" in phrase:
            return phrase[: phrase.rindex("”") + 1]
        return None
    trimmed = match.group("phrase")
    # Keep a closing quote that belongs to a quoted head (“六保”任务 ends in 任务 already).
    if trimmed.count("“") > trimmed.count("”"):
        trimmed += "”"
    if trimmed.count("《") > trimmed.count("》"):
        trimmed += "》"
    return trimmed if len(trimmed) >= 3 else None


def _is_directive(phrase: str) -> bool:
    return bool(_head_end().match(phrase) or _QUOTED.match(phrase))


def _split(phrase: str, level: int = 0) -> list[str]:
    """Split at 以及, then at 和 / 及, where every side is a directive of its own."""
    if level == len(_SPLITS):
        return [phrase]
    parts = _SPLITS[level].split(phrase)
    # 八项规定及其实施细则精神: 其 points back, the phrase is one.
    if len(parts) < 2 or not all(
        _is_directive(part) and not part.startswith("其") and not _BACK.match(part) for part in parts
    ):
        return _split(phrase, level + 1)
    return [piece for part in parts if len(part) >= 3 for piece in _split(part, level + 1)]


def find_directives(text: str) -> Iterator[tuple[int, str]]:
    """The directives a text says are carried out: ``(offset, phrase)`` pairs.

    ``text`` is matched as given (callers pass a simplified view); the phrases
    are returned as they stand in it.

    >>> [p for _, p in find_directives("贯彻落实习近平总书记重要指示精神和李克强总理重要批示精神，部署工作")]
    ['习近平总书记重要指示精神', '李克强总理重要批示精神']
    >>> [p for _, p in find_directives("要坚决落实Ⅰ级响应各项防控措施，确保措施全面落地落实。")]
    ['Ⅰ级响应各项防控措施']
    >>> [p for _, p in find_directives("要把疫情防控各项措施落实落细")]
    ['疫情防控各项措施']
    """
    for match in _pattern().finditer(text):
        phrase = _trim(match.group("object"))
        if not phrase:
            continue
        for part in _split(phrase):
            yield match.start("object"), part
    # 把…落实到位: the object stands before the verb.
    for match in _FRONTED.finditer(text):
        phrase = _trim(match.group("object"))
        if phrase and phrase == _LEAD.sub("", match.group("object")):
            for part in _split(phrase):
                yield match.start("object"), part
