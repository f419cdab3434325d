"""Sentence splitting that keeps offsets: sentences tile the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govkg.extract.records import Sentence, Span

# A sentence ends after 。！？ (and a closing quote or bracket that follows),
# after ；, or at a line break.
_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")


def split_sentences(text: str) -> Iterator[Sentence]:
    """Split text into sentences whose spans tile it exactly.

    >>> [s.text for s in split_sentences("何平出席。温奇志主持！\\n赵建仁参加")]
    ['何平出席。', '温奇志主持！\\n', '赵建仁参加']
    """
    start = 0
    for match in _END.finditer(text):
        end = match.end()
        # Keep a line break with the sentence it closes.
        if end < len(text) and text[end] == "\n":
            end = len(text) - len(text[end:].lstrip("\n"))
        if end > start:
            yield Sentence(Span(start, end), text[start:end])
            start = end
    if start < len(text):
        yield Sentence(Span(start, len(text)), text[start:])
