"""Regular expressions searched faster, matching exactly what they matched before.

Python's ``re`` skips ahead quickly only when a pattern starts with plain
characters; a pattern that opens with an optional group or a lookbehind
(``(?:(?P<y>…)年)?(?<![0-9])(?P<m>…)月…``, the dates' pattern) is tried in full at
every position of the text. :func:`quick_start` puts in front of it a
lookahead of the characters a match can begin with, computed from the
pattern itself, so that most positions fail on one character test. The
matches are the same: the lookahead consumes nothing and lets every position
a match can start at through.
"""

from __future__ import annotations

import re

try:  # CPython's own regex parser: re._parser from 3.11, sre_parse before
    from re import _parser as sre
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as sre

# What \s matches in a str pattern: the characters for which str.isspace() is true.
_SPACES = frozenset("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2028\u2029\u202f\u205f\u3000")
_SPACES |= frozenset(map(chr, range(0x2000, 0x200B)))
_SPACE_CATEGORIES = (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE)

# Character ranges wider than this (a class such as [\u4e00-\u9fff]) make the
# set of first characters too large to be worth testing.
_WIDEST_RANGE = 512


def quick_start(pattern: str, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, searched faster where its first characters can be listed.

    >>> quick_start(r"(?:(?P<y>[0-9]{4})年)?(?<![0-9])(?P<m>[0-9]{1,2})月").pattern
    '(?=[0123456789])(?:(?:(?P<y>[0-9]{4})年)?(?<![0-9])(?P<m>[0-9]{1,2})月)'
    >>> quick_start(r"[^，]+").pattern  # any character may start a match: unchanged
    '[^，]+'
    >>> quick_start(r"会见|会谈").pattern  # re skips to 会 by itself: unchanged
    '会见|会谈'
    """
    compiled = re.compile(pattern, flags)
    if compiled.flags & re.IGNORECASE or _starts_plainly(sre.parse(pattern, flags)):
        return compiled
    chars = first_chars(pattern, flags)
    if not chars:
        return compiled
    lead = "".join(re.escape(c) for c in sorted(chars))
    try:
        return re.compile(f"(?=[{lead}])(?:{pattern})", flags)
    except re.error:  # global inline flags, which must open the pattern
        return compiled


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The characters a non-empty match of ``pattern`` can start with; None if they cannot be
    listed (a negated class, ``.``, ``\\s``, a back reference, a case-insensitive group) or the
    pattern can match nothing.

    >>> sorted(first_chars(r"(?:今|去)?年|[0-9]+日"))
    ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '今', '去', '年']
    >>> sorted(first_chars(r"\\s*会") - first_chars(r"\\s"))
    ['会']
    >>> first_chars(r"[^会]议"), first_chars(r"(?:会议)?")
    (None, None)
    """
    chars, empty = _first(sre.parse(pattern, flags))
    return None if chars is None or empty else frozenset(chars)


def _starts_plainly(items) -> bool:
    """Whether ``re`` skips ahead by itself: the pattern opens with a character, a class, or
    alternatives that each open with a character (its search then tests only where those stand)."""
    if not len(items):
        return False
    op, av = items[0]
    if op is sre.SUBPATTERN:
        return _starts_plainly(av[-1])
    if op is sre.BRANCH:
        return all(len(branch) and branch[0][0] is sre.LITERAL for branch in av[1])
    if op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return True  # tried at the start only (re.search of ^…)
    return op is sre.LITERAL or op is sre.IN


def _first(items) -> tuple[set[str] | None, bool]:
    """First characters of a sequence of items, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, empty = _first_of(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def _first_of(op, av) -> tuple[set[str] | None, bool]:
    if op is sre.LITERAL:
        return {chr(av)}, False
    if op is sre.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] <= _WIDEST_RANGE:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            elif kind is sre.CATEGORY and value in _SPACE_CATEGORIES:
                chars |= _SPACES
            else:  # a negated class, another category (\d, \w), a wide range
                return None, False
        return chars, False
    if op is sre.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # (?i:…): its characters match others of another case
            return None, False
        return _first(av[-1])
    if op is sre.BRANCH:
        out: set[str] = set()
        empty = False
        for branch in av[1]:
            chars, branch_empty = _first(branch)
            if chars is None:
                return None, False
            out |= chars
            empty = empty or branch_empty
        return out, empty
    if op is sre.MAX_REPEAT or op is sre.MIN_REPEAT:
        low, _, item = av
        chars, empty = _first(item)
        return chars, empty or low == 0
    if op is sre.ASSERT or op is sre.ASSERT_NOT or op is sre.AT:
        return set(), True  # consumes nothing: the first character comes after it
    return None, False  # ., a back reference, a conditional: anything may come first
