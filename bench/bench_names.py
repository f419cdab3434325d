"""Benchmark: what the statistical name finder (LAC) costs extraction.

Reads the corpus (or any folder of releases) once, then extracts every release
REPEAT times with the name rules alone and with the tagger beside them, in one
process, and prints releases per second of CPU time for each (the machine is
shared: a wall clock would count the other processes' turns), the model's load
time and how much of the text the tagger read. No assertions: this prints figures.

    nice -n 10 python bench/bench_names.py --repeat 5
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import govkg.extract.lac as lac
import govkg.extract.persons as persons
from govkg.extract.pipeline import extract, read_releases
from govkg.extract.reading import iter_paths

# The functions of extract/lac.py that persons calls, by the names persons holds them under:
# all the tagger's reading is counted through them.
TAGGER_CALLS = ("tagged_persons", "word_classes")


def default_source() -> Path:
    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "releases"
    if corpus.is_dir():
        return corpus
    from govkg.graph.build import sample_paths

    return sample_paths()[0].parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=default_source())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)

    releases = []
    for path in iter_paths([args.source]):
        releases.extend(read_releases(path)[0])
    characters = sum(len(r.text) for r in releases)
    print(f"{len(releases)} releases, {characters:,} characters, repeated {args.repeat} times")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    started = time.perf_counter()
    lac._model()
    print(f"LAC model load: {time.perf_counter() - started:.2f} s (once per process)")

    read = {"characters": 0, "calls": 0, "seconds": 0.0}
    calls = {name: getattr(persons, name) for name in TAGGER_CALLS}

    def counted(call):
        def timed(texts):
            began = time.process_time()
            try:
                return call(texts)
            finally:
                read["seconds"] += time.process_time() - began
                read["characters"] += sum(map(len, texts))
                read["calls"] += 1

        return timed

    rates = {}
    try:
        for name, call in calls.items():  # the names persons calls the tagger by
            setattr(persons, name, counted(call))
        for tagger in (False, True, False, True):  # interleaved, so a change in load hits both
            began = time.process_time()
            for _ in range(args.repeat):
                for release in releases:
                    extract(release, tagger=tagger)
            rates.setdefault(tagger, []).append(len(releases) * args.repeat / (time.process_time() - began))
    finally:
        for name, call in calls.items():
            setattr(persons, name, call)

    best = {tagger: max(values) for tagger, values in rates.items()}
    print(f"extraction, rules only:        {best[False]:8.1f} releases/s of CPU (one process)")
    print(f"extraction, rules and tagger:  {best[True]:8.1f} releases/s of CPU (one process)")
    cost = 100 * (1 - best[True] / best[False])
    print(f"cost of the tagger:            {cost:8.1f} % of extraction throughput")
    runs = 2 * args.repeat
    share = read["characters"] / (characters * runs) if characters else 0.0
    print(
        f"tagger read {100 * share:.1f} % of the text ({read['calls'] // runs} calls for {len(releases)} "
        f"releases), at {read['characters'] / read['seconds']:,.0f} characters/s of CPU"
        if read["seconds"]
        else "tagger read nothing"
    )
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
