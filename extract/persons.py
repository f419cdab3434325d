"""Named persons and their titles."""

from __future__ import annotations

from collections.abc import Iterator

from govkg.extract.records import Person, Release, Sentence


def find_persons(release: Release, sentences: tuple[Sentence, ...]) -> Iterator[Person]:
    """The persons a release names, each once, with every title it gives them."""
    return iter(())
