"""Events, their dates and places, who did what, what they implement."""

from __future__ import annotations

from collections.abc import Iterator

from govkg.extract.records import Event, Person, Release, Sentence


def find_events(
    release: Release, sentences: tuple[Sentence, ...], persons: tuple[Person, ...]
) -> Iterator[Event]:
    """The events a release reports, with participants' roles."""
    return iter(())
