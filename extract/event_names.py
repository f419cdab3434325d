"""Names of events: the event's own name where the text gives one, else a short verb phrase.

A meeting, a ceremony or a signing has a name of its own (…工作推进会, …签约仪式);
a visit or a reception has none, and is named by the verb phrase that reports
it, without its subject and the subject's titles, its time or what closes the
clause around it:

- a visit: from the word that opens its verb phrase after the leader
  (到 / 在 / 赴 + place, 对 / 就 + topic, 率 / 带领 + the group) to the end of
  the clause, ``…调研时强调`` cut to ``…调研``;
- a reception: from the cue (会见…, 与…举行会谈) to the end of the clause; a
  guest's chain of titles (甲职务、乙职务X) is left out, the guest's name kept;
- a rite: what follows its light verb (应勇进行宪法宣誓: 宪法宣誓).

The words are data (``data/event_name_words.tsv``). Functions here work on the
simplified view of a sentence (``chars.view``) and return offsets into it, so a
name can be taken from the text as written.
"""

from __future__ import annotations

import re
from functools import cache

from govkg.extract.data import load_table, load_words

# Longest name a visit's verb phrase may have before it is no short phrase.
MAX_PHRASE = 45
_SPLIT_TITLE = re.compile(r"\s+|——|--|：|:|！|!|？|\?|｜|\|")


@cache
def _words(use: str) -> tuple[str, ...]:
    words = {word for word, kind in load_table("event_name_words.tsv") if kind == use}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _alternation(use: str) -> re.Pattern:
    return re.compile("|".join(map(re.escape, _words(use))))


@cache
def _inspect_verbs() -> re.Pattern:
    verbs = sorted(load_words("inspection_verbs.tsv"), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, verbs)))


@cache
def _opening() -> re.Pattern:
    """The first word of a visit's verb phrase: a start or place word, or the verb itself; not a
    verb that begins a noun of what is brought or sent (甲带着慰问品深入某村走访: 慰问品)."""
    words = sorted({*_words("start"), *_words("place")}, key=len, reverse=True)
    verbs = sorted(load_words("inspection_verbs.tsv"), key=len, reverse=True)
    return re.compile(
        "|".join(map(re.escape, words)) + "|(?:" + "|".join(map(re.escape, verbs)) + ")(?![品金信物款])"
    )


@cache
def _tail() -> re.Pattern:
    return re.compile(f"(?:{_alternation('tail').pattern})$")


def cut_tail(text: str, start: int, end: int) -> int:
    """Where a name ends once what closes its clause is cut (…调研时强调 → …调研).

    >>> text = "在四川调研时强调"
    >>> text[: cut_tail(text, 0, len(text))]
    '在四川调研'
    """
    end = len(text[start:end].rstrip()) + start
    match = _tail().search(text, start, end)
    if match and match.start() > start:
        return match.start()
    return end


def inspect_verb(text: str, start: int, end: int) -> int | None:
    """Where the first inspection verb of ``text[start:end]`` starts, if there is one.

    >>> inspect_verb("带领乙、丙到城关镇检查防汛工作", 0, 15)
    9
    """
    match = _inspect_verbs().search(text, start, end)
    return match.start() if match else None


def visit_start(text: str, subject_end: int, cue_end: int) -> int | None:
    """Where a visit's verb phrase starts after its subject, or None if nothing opens it.

    >>> text = "省长张三近日到城关镇检查防汛工作"
    >>> text[visit_start(text, 4, 13) :]
    '到城关镇检查防汛工作'
    """
    match = _opening().search(text, subject_end, cue_end)
    return match.start() if match else None


# A meeting's name that names no organ: 会议, 常务会议, 2023年第5次会议, 第12次常务会议.
_ORGANLESS = re.compile(
    r"(?:[0-9]{4}年度?)?(?:第[0-9一二三四五六七八九十百]{1,4}次)?(?:常务|全体|扩大|专题|主任|党组|常委)?会议"
)
_DAY = (
    r"(?:[0-9一二三四五六七八九十]{1,2}月)?(?:[0-9一二三四五六七八九十]{1,3}[日号]|今天|昨天)?"
    r"(?:上午|下午|晚上|晚|全天)?"
)


@cache
def _holder() -> re.Pattern:
    """An organ that holds a meeting, as the subject before the verb (某县人民政府3月9日召开); not a
    place where someone holds it (县长甲在县政府主持召开常务会议)."""
    return re.compile(
        rf"{_DAY}(?P<org>[^，,；;。：:\s0-9在]{{1,30}}?(?:{_alternation('holder').pattern})){_DAY}"
    )


def holder(text: str, start: int, at: int, name: str) -> tuple[int, int] | None:
    """The organ that holds a meeting named ``name`` by no organ of its own, where it stands
    alone before the verb at ``at`` in ``text[start:at]`` (a clause); None if there is none.

    >>> text = "中共中央政治局2月21日召开会议"
    >>> span = holder(text, 0, text.index("召开"), "会议")
    >>> text[span[0] : span[1]]
    '中共中央政治局'
    >>> holder("县长张三召开会议", 0, 4, "会议"), holder("县政府召开专题会", 0, 3, "专题会")
    (None, None)
    """
    if not _ORGANLESS.fullmatch(name):
        return None
    space = max(text.rfind(" ", start, at), text.rfind("\u3000", start, at))
    if space != -1:
        start = space + 1  # 新华社北京2月21日电 中共中央政治局…: the dateline before a space is no organ
    match = _holder().fullmatch(text, start, at)
    return match.span("org") if match else None


def rite_start(text: str, start: int, end: int) -> int:
    """Where a rite's name starts: after the last light verb before it (进行宪法宣誓).

    >>> text = "新当选的市长应勇进行宪法宣誓"
    >>> text[rite_start(text, 0, len(text)) :]
    '宪法宣誓'
    """
    last = start
    for match in _alternation("verb").finditer(text, start, end):
        if match.end() < end:
            last = match.end()
    return last


def without_perfect(text: str, cue_end: int, end: int) -> tuple[tuple[int, int], ...]:
    """The ranges of a name from the cue's end, without an aspect particle right after the cue.

    >>> text = "会见了某国大使"
    >>> [text[s:e] for s, e in without_perfect(text, 2, len(text))]
    ['某国大使']
    """
    match = _alternation("perfect").match(text, cue_end, end)
    return ((match.end() if match else cue_end, end),)


# Marks that come in pairs: a quote or a title's bracket, opening and closing.
_PAIRED = {"“": "”", "「": "」", "『": "』", "《": "》", "‘": "’", "〈": "〉"}


def without_unpaired_marks(name: str) -> str:
    """A name without an opening mark it starts with whose closing mark it lacks, nor a closing
    mark it ends with whose opening mark it lacks (召开“某会议”: the name ends before the mark).

    >>> without_unpaired_marks("「第8次县务会议"), without_unpaired_marks("“三农”工作会议")
    ('第8次县务会议', '“三农”工作会议')
    """
    closing = {close: open_ for open_, close in _PAIRED.items()}
    while name and name[0] in _PAIRED and _PAIRED[name[0]] not in name:
        name = name[1:]
    while name and name[-1] in closing and closing[name[-1]] not in name:
        name = name[:-1]
    return name


def is_weak_visit(name: str) -> bool:
    """Whether a visit's name says too little (实地督导, 的考察) or too much to name it.

    >>> is_weak_visit("实地督导"), is_weak_visit("到城关镇检查防汛工作"), is_weak_visit("在为期5天的考察")
    (True, False, True)
    """
    if len(name) > MAX_PHRASE:
        return True
    verb = _inspect_verbs().search(name)
    if verb is None:
        return True
    if name[: verb.start()].endswith("的"):
        return True
    rest = _inspect_verbs().sub("", name)
    rest = _alternation("adverb").sub("", rest)
    rest = re.sub(r"工作|情况|了|并|和|、|[\s，,。]", "", rest)
    return len(rest) < 2


def has_place(name: str) -> bool:
    """Whether a visit's name puts a place before its verb (到城关镇检查).

    >>> has_place("到城关镇检查防汛工作"), has_place("督导夜景亮化工作")
    (True, False)
    """
    verb = _inspect_verbs().search(name)
    if verb is None:
        return False
    place = _alternation("place").search(name, 0, verb.start())
    return place is not None and verb.start() - place.end() >= 1


def split_headline(title: str) -> list[str]:
    """A headline's segments: the parts between spaces, dashes and colons.

    >>> split_headline("赵乐际在天津调研时强调 忠实履行职责")
    ['赵乐际在天津调研时强调', '忠实履行职责']
    """
    return [segment for segment in _SPLIT_TITLE.split(title) if segment]


def headline_visit(title: str) -> str | None:
    """The phrase of a headline that reports a visit, cut like a name (…调研时强调 → …调研).

    >>> headline_visit("赵乐际在天津调研时强调 忠实履行职责")
    '赵乐际在天津调研'
    >>> headline_visit("新春送祝福 关怀暖人心——某区委开展新春慰问活动")
    '某区委开展新春慰问活动'
    """
    for segment in _SPLIT_TITLE.split(title):
        if _inspect_verbs().search(segment):
            phrase = segment[: cut_tail(segment, 0, len(segment))]
            if phrase and not is_weak_visit(phrase):
                return phrase
    return None
