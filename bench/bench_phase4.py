"""Benchmark: a build's phase 4 alone (RDF files, store, page index, network views) from shards.

Runs ``sharded.write_from_shards`` as ``govkg build`` does once its shards
are written: into a fresh folder (the shards hard-linked into it, the state
of the RDF files and the views' rows kept in its cache, as in a build; the
network rows phase 3 makes with the shards made first, untimed, unless
``--rows-here``), with
a pool of two processes started first (``--workers 1``: everything in this
process, one step after another). Prints the wall seconds, the load average,
the CPU seconds of this process (the views, the store's loader thread) and
of the pool's processes (the RDF files), the wall span of each step and
the peak resident memory of this process and of the largest pool process;
asserts nothing. On a shared machine the kernel gives each session its share
of the cores (autogroup), so under load the wall clock follows the total CPU
and shows little of the overlap: the CPU of the longer of the two processes
is what an idle machine would take. Run it with the code to measure, e.g.
main's venv for figures before a change:

    govkg build /tmp/corpus5k -o /tmp/out5k -q --no-check
    python bench/bench_phase4.py /tmp/out5k/shards            # both cores
    python bench/bench_phase4.py /tmp/out5k/shards --workers 1
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from memory import children_peak_mb, cpu_seconds, peak_mb  # beside this script


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shards", type=Path, help="a build's shards folder (OUT/shards)")
    parser.add_argument("--workers", type=int, default=2, help="processes (1: all in this one)")
    parser.add_argument("--keep", type=Path, default=None, help="write the build here and keep it")
    parser.add_argument(
        "--rows-here",
        action="store_true",
        help="make every shard's network rows in phase 4 (a build makes all but the large ones in phase 3)",
    )
    args = parser.parse_args(argv)

    from govkg.graph import sharded
    from govkg.graph.interrupts import worker_pool

    start = time.perf_counter()
    spans: list[str] = []

    def timed(module, name: str) -> None:
        function = getattr(module, name)

        def run(*a, **k):
            begin = time.perf_counter()
            try:
                return function(*a, **k)
            finally:
                spans.append(f"{name} {begin - start:.1f}-{time.perf_counter() - start:.1f} s")

        setattr(module, name, run)

    for name in ("write_network_files", "load_store", "write_store", "write_page_index"):
        timed(sharded, name)
    timed(sharded, "restamp_store")

    with contextlib.ExitStack() as stack:
        if args.keep is not None:
            out = args.keep
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
        else:
            out = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="govkg-phase4-")))
        shutil.copytree(args.shards, out / "shards", copy_function=os.link)
        if not args.rows_here:
            _rows_of_phase_3(out)
        pool = stack.enter_context(worker_pool(args.workers)) if args.workers > 1 else None
        own, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        sharded.write_from_shards(  # as write_build calls it: the page index too, the pool retired
            out / "shards",
            out,
            previous=out,
            state=out / "cache" / "rdf",
            pool=pool,
            workers=args.workers,
            index=True,
            retire=True,
        )
        wall = time.perf_counter() - start
        own = cpu_seconds(resource.RUSAGE_SELF) - own
        if pool is not None:
            pool.shutdown()  # its processes reaped: their CPU counted
        children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
    load = os.getloadavg()[0]
    print(f"phase 4: {wall:.1f} s at load {load:.1f}; CPU {own:.1f} s here, {children:.1f} s in its pool")
    peak, _ = peak_mb()
    child = children_peak_mb()
    print(f"peak resident memory: {peak:.0f} MB here, {child:.0f} MB in the largest pool process")
    for span in spans:
        print(f"  {span}")
    return 0


def _rows_of_phase_3(out: Path) -> None:
    """The network rows a build's phase 3 makes where it writes the release shards, made here,
    untimed, by the same maker (graph/sharded.py's ``shard_rows_maker``: the large shards' left
    to phase 4, as the default graph's)."""
    from govkg.graph import sharded

    made = sharded.shard_rows_maker(out / "cache" / sharded.NETWORK_STATE)
    shards = out / "shards"
    index = sharded.index_rows(shards)
    digests = {name: (graph, digest) for graph, name, digest in index}
    for term, name in sharded.shard_names(shards, index):
        if term:  # a release's shard: the default graph's is written apart, its rows made in phase 4
            path = shards / name
            triples = [tuple(line.split(" ", 2)) for line in sharded.shard_triples(path, term)]
            graph, digest = digests[name]
            made(f"{graph}\t{name}\t{digest}\n", path.stat().st_size, triples)


if __name__ == "__main__":
    sys.exit(main())
