"""Facts from a release's sentences: persons, titles, events, roles, documents.

The stages are plain functions, each in its own module:

- :func:`govkg.extract.persons.find_persons`: named persons and the titles the
  text gives them (title chains, name lists), each title resolved to a
  jurisdiction and organ where the text allows;
- :func:`govkg.extract.events.find_events`: events, their types, names, dates,
  places, participants' roles and the directives they implement;
- :func:`govkg.extract.documents.find_documents`: documents cited in 《》.
"""

from __future__ import annotations

from govkg.extract.records import Extraction, Release, Sentence


def extract_facts(release: Release, sentences: tuple[Sentence, ...]) -> Extraction:
    """The persons, events and documents a release states, each with its evidence."""
    from govkg.extract.documents import find_documents
    from govkg.extract.events import find_events
    from govkg.extract.persons import find_persons

    persons = tuple(find_persons(release, sentences))
    events = tuple(find_events(release, sentences, persons))
    documents = tuple(find_documents(release, sentences))
    return Extraction(
        release=release, persons=persons, events=events, documents=documents, sentences=sentences
    )
