"""Golden facts: what extraction takes from each bundled sample release, as text.

One file per sample (``tests/golden/NNNN.facts`` for ``graph/samples/NNNN.txt``),
one fact a line, so that a change to extraction shows as a readable diff.
Regenerate them all after an intended change with::

    .venv/bin/python -m pytest tests/test_golden.py --update-golden

and read the diff before committing it.
"""

from __future__ import annotations

from govkg.extract.records import Extraction

FOLDER = __path__[0]


def facts_text(extraction: Extraction) -> str:
    """A release's facts, one a line, in the order extraction gives them (spans left out).

    ``key`` is the release's jurisdiction as a canonical key (``Extraction.place``);
    an ``office`` line under a title is how extraction read it for identity
    (``Holding.office``: the office, its level, the place the title names).
    """
    release = extraction.release
    lines = [
        f"release\t{release.id}\tplace={release.place or '?'}\tkey={extraction.place or '?'}"
        f"\tpublished={release.published or '?'}",
        f"headline\t{release.title or ''}",
    ]
    for person in extraction.persons:
        lines.append(f"person\t{person.key}\t{person.name}\tjurisdiction={person.jurisdiction or '?'}")
        for holding in person.holdings:
            where, organ = holding.jurisdiction or "?", holding.organization or "?"
            lines.append(f"  title\t{holding.title}\tjurisdiction={where}\torgan={organ}")
            if holding.office:  # the title read as an office, for identity (titles.parse_title)
                read = holding.office
                level, names = read.level or "?", read.place or "?"
                lines.append(f"    office\t{read.office}\tlevel={level}\tnames={names}")
    for event in extraction.events:
        when, where = event.date or "?", event.place or "?"
        lines.append(f"event\t{event.key}\t{event.type}\t{event.name}\tdate={when}\tplace={where}")
        lines += [f"  role\t{part.role}\t{part.person}" for part in event.participations]
        lines += [f"  implements\t{what}" for what in event.implements]
    for document in extraction.documents:
        lines.append(f"document\t{document.title}\tissuer={document.issuer or '?'}")
    return "\n".join(lines) + "\n"
