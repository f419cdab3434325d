"""Benchmark: the CPU of phase 1's pool task whole, in one process, split by stage.

What a build's pool process does for a file (graph/incremental.py's
``extract_packed``, then the pool's pickling of its result for the command),
timed as a whole and split among the stages below, each timed without the
stages it calls (CPU time of this process: the machine is shared), in
milliseconds a file, with their share of the whole:

- around the extraction: reading and decoding (``read_documents_lenient``),
  cleaning (``clean``), the release's jurisdiction (``find_jurisdiction``),
  the impossible dates' warnings, the rows and the packing for the cache
  (``rows_of``, ``packed``), the pool's pickling, and the glue between them
  (``extract_packed``: what no stage below takes, the pipeline's own steps);
- the extraction proper: sentences, the name rules (each step of
  ``find_persons``), LAC (``tagged_persons``: the model and the CRF),
  events, documents.

``--profile N`` also prints the N functions of most own time of a
cProfile of the same task (whose overhead weighs small Python functions
far more than C calls: read it for where, the split for how much).
bench/bench_release_cpu.py times phase 1 by three stages and phase 3.
No assertions: this prints figures.

    nice python bench/bench_worker.py /work/bench/c30k --every 10 --files 3000
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import io
import os
import pstats
import sys
import time
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from govkg.extract.reading import iter_paths
from govkg.graph import incremental

AROUND = [
    ("govkg.extract.reading", "read_documents_lenient", None),
    ("govkg.extract.cleaning", "clean", None),
    ("govkg.extract.places", "find_jurisdiction", None),
    ("govkg.extract.dates", "impossible_dates", None),
    ("govkg.graph.incremental", "rows_of", None),
    ("govkg.graph.incremental", "packed", None),
    ("govkg.graph.incremental", "extract_packed", None),
]
FINDER_STEPS = (
    "titled_names names_before_titles notices name_lists comrades group_lists clause_names bios "
    "tagged_names comma_lists careers persons"
).split()
EXTRACTION = [
    ("govkg.extract.sentences", "split_sentences", None),
    ("govkg.extract.persons", "find_persons", None),
    *(("govkg.extract.persons", step, "_Finder") for step in FINDER_STEPS),
    ("govkg.extract.lac", "tagged_persons", None),
    ("govkg.extract.events", "find_events", None),
    ("govkg.extract.documents", "find_documents", None),
]
POOL = "pool's pickling"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a folder or file of releases")
    parser.add_argument("--every", type=int, default=1, help="take every Nth file only")
    parser.add_argument("--files", type=int, default=None, help="at most this many files")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="and a cProfile's top N")
    args = parser.parse_args(argv)

    paths = list(iter_paths([args.source]))[:: args.every][: args.files]
    if not paths:
        print(f"no release files in {args.source}", file=sys.stderr)
        return 1
    incremental.extract_packed(paths[0])  # the model and the tables loaded, not timed
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(paths)} files of {args.source}; load average {load}")

    spent: dict[str, float] = {}
    undo = [_timed(spent, *stage) for stage in AROUND + EXTRACTION]
    cpu = time.process_time
    try:
        began = cpu()
        for path in paths:
            found = incremental.extract_packed(path)
            pickled = cpu()
            ForkingPickler.dumps(found)
            spent[POOL] = spent.get(POOL, 0.0) + cpu() - pickled
        whole = cpu() - began
    finally:
        for restore in reversed(undo):
            restore()

    def line(label: str, seconds: float) -> str:
        return f"  {label:<36} {1000 * seconds / len(paths):6.3f} ms {100 * seconds / whole:5.1f} %"

    around = [name for _, name, _ in AROUND] + [POOL]
    rate = len(paths) / whole
    print(f"CPU a file, whole: {1000 * whole / len(paths):.3f} ms ({rate:.0f} files per CPU second)")
    for title, outside in (("around the extraction", True), ("extraction", False)):
        chosen = {k: v for k, v in spent.items() if (k in around) == outside}
        print(line(title, sum(chosen.values())))
        for label, seconds in sorted(chosen.items(), key=lambda item: -item[1]):
            print("  " + line(label, seconds))
    print(line("not in any stage (timers, loop)", whole - sum(spent.values())))

    if args.profile:
        profile = cProfile.Profile()
        profile.enable()
        for path in paths:
            ForkingPickler.dumps(incremental.extract_packed(path))
        profile.disable()
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(args.profile)
        print(out.getvalue())
    return 0


def _timed(spent: dict[str, float], module: str, name: str, owner: str | None):
    """Time ``name`` of ``module`` (a method of its class ``owner``) without the timed stages it
    calls; it replaces the function where the modules of govkg imported it. Gives the undoing."""
    found = importlib.import_module(module)
    holder = getattr(found, owner) if owner else found
    function = getattr(holder, name)
    label = f"{owner}.{name}" if owner else name
    spent.setdefault(label, 0.0)
    cpu = time.process_time

    def timed(*args, **kwargs):
        began = cpu()
        _inner.append(0.0)
        try:
            value = function(*args, **kwargs)
            return list(value) if hasattr(value, "__next__") else value  # a generator's work, here
        finally:
            inner = _inner.pop()
            took = cpu() - began
            spent[label] += took - inner
            if _inner:
                _inner[-1] += took

    replaced = [holder]
    setattr(holder, name, timed)
    if owner is None:
        for other in list(sys.modules.values()):
            if getattr(other, "__name__", "").startswith("govkg") and getattr(other, name, None) is function:
                setattr(other, name, timed)
                replaced.append(other)

    def restore() -> None:
        for where in replaced:
            setattr(where, name, function)

    return restore


_inner: list[float] = []  # the CPU of timed stages called by the one running, innermost last


if __name__ == "__main__":
    sys.exit(main())
