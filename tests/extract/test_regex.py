"""quick_start: the same matches as re.compile, wherever a match may start."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govkg.extract.regex import first_chars, quick_start

PATTERNS = [
    r"(?:(?P<y>[0-9]{4})\s*年\s*|(?P<ry>今年|去年))?(?<![0-9])(?P<m>[0-9]{1,2})\s*月(?P<d>[0-9]{1,2})日",
    r"(?:^|(?<=[，。]))(?:市委|市政府)",
    r"(?<![第月])(?:[二三]十[一二]?|十[一二])日(?![内前])",
    r"\s*(?:上午|下午)|(?:星期|周)(?P<wd>[一二三日])",
    r"(?P<a>扫一扫.{0,4}关注)|(?P<b>^\s*[•·]\s*$)|(?P<c>(首页|主页)\s*(>|»))",
    r"x?(?:会见|会谈)+",
]

# Text made of the characters the patterns turn on, and a few others.
ALPHABET = "0123456789年月日今去第十二三一内前，。市委政府上下午星期周扫关注首页主页>»•· \n会见谈x甲"
TEXT = st.text(alphabet=ALPHABET, max_size=40)


def _matches(pattern: re.Pattern, text: str) -> list:
    return [(m.span(), m.groupdict(), m.lastgroup) for m in pattern.finditer(text)]


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_quick_start_matches_what_the_pattern_matches(pattern, text):
    plain, quick = re.compile(pattern), quick_start(pattern)
    assert _matches(quick, text) == _matches(plain, text)
    assert [bool(plain.search(text, i)) for i in range(len(text))] == [
        bool(quick.search(text, i)) for i in range(len(text))
    ]


@pytest.mark.parametrize(
    ("pattern", "first"),
    [
        (r"(?:今|去)?年", "今去年"),
        (r"(?<![0-9])(?P<d>[12])日", "12"),
        (r"(?:^|(?<=，))(?:市委|县委)", "市县"),
        (r"(?:会议)?召开", "会召"),
    ],
)
def test_first_chars_lists_where_a_match_can_start(pattern, first):
    assert first_chars(pattern) == frozenset(first)


@pytest.mark.parametrize("pattern", [r".会", r"[^会]议", r"\w+", r"(?:会议)?", r"\d+日"])
def test_first_chars_gives_up_where_any_character_may_start(pattern):
    assert first_chars(pattern) is None


def test_spaces_are_what_str_isspace_says():
    spaces = frozenset(chr(c) for c in range(0x110000) if chr(c).isspace())
    assert first_chars(r"\s") == spaces


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        (r"x?(?i:copyright)", "COPYRIGHT"),  # a group of its own case-insensitive
        (r"(?:ICP备|(?i:[a-c])号)", "B号"),
        (r"(?<![0-9])(?i:k)m", "\u212am"),  # the Kelvin sign is k without case
    ],
)
def test_a_case_insensitive_group_finds_what_re_finds(pattern, text):
    assert bool(quick_start(pattern).search(text)) is bool(re.search(pattern, text)) is True


@pytest.mark.parametrize("pattern", [r"会见|会谈", r"[0-9]日", r"^市委"])
def test_a_pattern_re_already_skips_through_is_left_as_it_is(pattern):
    assert quick_start(pattern).pattern == pattern
