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

from dataclasses import replace

from govkg.extract.chars import view
from govkg.extract.data import load_words
from govkg.extract.documents import find_documents
from govkg.extract.events import find_events
from govkg.extract.names import without_lookalikes
from govkg.extract.persons import find_persons
from govkg.extract.places import PlacesNamed, release_place
from govkg.extract.records import Event, Extraction, Person, Release, Sentence


def extract_facts(release: Release, sentences: tuple[Sentence, ...], tagger: bool = True) -> Extraction:
    """The persons, events and documents a release states, each with its evidence.

    ``tagger`` lets the statistical name finder read the sentences the name
    rules leave in doubt (:mod:`govkg.extract.lac`).
    """
    # the places the text names, found once: for titles' places and identity's divisions
    places = PlacesNamed(view(release.text).text)
    persons = tuple(
        _named_in_evidence(release, person)
        for person in find_persons(release, sentences, tagger=tagger, places=places)
    )
    events = tuple(
        _roles_named_in_evidence(release, e, persons) for e in find_events(release, sentences, persons)
    )
    documents = tuple(find_documents(release, sentences))
    offices = [h.office for person in persons for h in person.holdings if h.title and h.office]
    # identity asks which divisions the text names only for a title with a level
    leveled = any(office.level for office in offices)
    return Extraction(
        release=release,
        persons=persons,
        events=events,
        documents=documents,
        sentences=sentences,
        place=release_place(release, offices),
        divisions=places.divisions if leveled else (),
    )


def _refers_to(sentence: str, name: str) -> bool:
    """Whether a sentence names a person, or refers back to one by a pronoun (他指出…).

    A pronoun's character inside a word that refers to no one (其他工作, 他人) or inside a
    place's name (大沁他拉镇) is none:

    >>> _refers_to("他强调，要抓落实。", "甲"), _refers_to("对其他工作提出了要求。", "甲")
    (True, False)
    >>> _refers_to("对大沁他拉镇工作提出了要求。", "甲")
    False
    """
    if name in sentence:
        return True
    pronouns = load_words("pronouns.tsv")
    if not any(pronoun in sentence for pronoun in pronouns):
        return False
    sentence = without_lookalikes(sentence)
    return any(pronoun in sentence for pronoun in pronouns)


def _named_in_evidence(release: Release, person: Person) -> Person:
    """A person with only the titles whose evidence sentence names them (or a pronoun).

    A title stated in a sentence that does not name its holder would send a
    reader of the graph to a sentence that says nothing about them.
    """
    holdings = tuple(
        h
        for h in person.holdings
        if _refers_to(release.stated_in(h.in_headline)[h.evidence.start : h.evidence.end], person.name)
    )
    return person if len(holdings) == len(person.holdings) else replace(person, holdings=holdings)


def _roles_named_in_evidence(release: Release, event: Event, persons: tuple[Person, ...]) -> Event:
    """An event with only the roles whose evidence sentence names the person (or a pronoun).

    >>> from govkg.extract.records import Participation, Span
    >>> r = Release(id="x", text="张海主持。讲话#任命长局长")
    >>> p = Person(name="张海", key="张海", mentions=(Span(0, 2),))
    >>> e = Event(key="e0", type="meeting", name="", evidence=Span(5, 13), participations=(
    ...     Participation("张海", "speak", Span(5, 13)), Participation("张海", "chair", Span(0, 5))))
    >>> [p.role for p in _roles_named_in_evidence(r, e, (p,)).participations]
    ['chair']
    """
    names = {person.key: person.name for person in persons}
    kept = tuple(
        p
        for p in event.participations
        if _refers_to(release.text[p.evidence.start : p.evidence.end], names.get(p.person, p.person))
    )
    return event if len(kept) == len(event.participations) else replace(event, participations=kept)
