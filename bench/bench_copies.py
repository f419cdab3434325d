"""Benchmark of generality: does extraction hold when the names and places change?

A ``gen_corpus.py`` corpus holds copies of each source release with every
person renamed and every place moved (``cNNNNN/cNNNNN-SOURCE``; copy 0 is the
source as it is). A rule that holds for the language, not for the releases it
was written against, finds as many persons, titles, events and roles in each
copy as in its original. This extracts copies ``--first`` to ``--last`` and
prints each release whose counts differ from its original's (with both sides'
persons and titles, and the events that differ), then how many differ per
source file. Asserts nothing; what differs is read by a person: the generator
itself makes some differences (it writes foreign names as Chinese-looking ones,
and two names it renames alike become one person).

    python bench/gen_corpus.py 5000 /tmp/c5k
    python bench/bench_copies.py /tmp/c5k --last 6
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from govkg.extract import extract
from govkg.extract.pipeline import read_releases


def summary(path: Path) -> list[tuple]:
    """What the extraction of each release of a file comes to, in counts: persons, titles, each
    event's type, whether it is dated and how many roles of each kind it gives."""
    out = []
    for release in read_releases(path)[0]:
        found = extract(release)
        events = sorted(
            (e.type, e.date is not None, tuple(sorted(Counter(p.role for p in e.participations).items())))
            for e in found.events
        )
        out.append((len(found.persons), sum(len(p.holdings) for p in found.persons), tuple(events)))
    return out


def details(path: Path) -> list[str]:
    """The persons with their titles, and the events with their roles, of a file's releases."""
    lines = []
    for release in read_releases(path)[0]:
        found = extract(release)
        lines.append(
            "persons " + ", ".join(f"{p.name}{[h.title for h in p.holdings]}" for p in found.persons)
        )
        lines.extend(
            f"{e.type} {e.date} {e.name} {[(p.person, p.role) for p in e.participations]}"
            for e in found.events
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", type=Path, help="a gen_corpus.py folder")
    parser.add_argument("--first", type=int, default=1, help="the first copy to compare (default 1)")
    parser.add_argument("--last", type=int, default=6, help="the last copy to compare (default 6)")
    args = parser.parse_args()
    originals = {p.name.split("-", 1)[1]: p for p in sorted((args.corpus / "c00000").iterdir())}
    expected = {source: summary(path) for source, path in originals.items()}
    differ: Counter[str] = Counter()
    compared = 0
    for copy in range(args.first, args.last + 1):
        folder = args.corpus / f"c{copy:05d}"
        if not folder.is_dir():
            continue
        for path in sorted(folder.iterdir()):
            source = path.name.split("-", 1)[1]
            compared += 1
            if summary(path) == expected.get(source):
                continue
            differ[source] += 1
            print(f"== {path} (original {originals[source].name})")
            for line in details(originals[source]):
                print("   was", line)
            for line in details(path):
                print("   now", line)
    print(f"{sum(differ.values())} of {compared} releases differ from their original", file=sys.stderr)
    for source, count in differ.most_common():
        print(f"  {source}: {count}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
