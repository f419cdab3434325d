"""Facts from a release's sentences: persons, titles, events, roles, documents."""

from __future__ import annotations

from govkg.extract.records import Extraction, Release, Sentence


def extract_facts(release: Release, sentences: tuple[Sentence, ...]) -> Extraction:
    """The persons, events and documents a release states (see issue 3)."""
    return Extraction(release=release, sentences=sentences)
