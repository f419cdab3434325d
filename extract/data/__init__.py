"""Lexicons and tables that extraction reads: data in data files, code in code.

Each file is TSV with ``#`` comment lines that say where its entries come
from, and a header row naming the columns.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


@cache
def load_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a TSV data file, without comments and the header row.

    >>> ("511900", "巴中市", "prefecture") in load_table("places.tsv")
    True
    """
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(tuple(cell.strip() for cell in row) for row in rows[1:])


@cache
def load_words(name: str) -> frozenset[str]:
    """The first column of a TSV data file, as a set."""
    return frozenset(row[0] for row in load_table(name) if row and row[0])


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first (so 全国人大 wins over 全国).

    >>> alternation(["市", "市委", "会议"])
    '市委|会议|市'
    """
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))
