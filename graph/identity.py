"""Person identity across releases: which mentions are one official.

The key of a person is ``NAME@PLACE`` where the place is the jurisdiction
of their office; when that is unknown the mention stays on its own
(``NAME@?RELEASE``), since keeping two nodes apart is a smaller error than
merging two people.
"""

from __future__ import annotations

from govkg.extract.records import Extraction
from govkg.graph.rdf import default_person_key


def person_keys(extractions: list[Extraction]) -> dict[tuple[str, str], str]:
    """Identity key of every person mention, by (release id, person key)."""
    return {
        (e.release.id, person.key): default_person_key(e.release, person)
        for e in extractions
        for person in e.persons
    }
