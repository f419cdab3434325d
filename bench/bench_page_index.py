"""Benchmark: an update's page index alone (graph/indexing.py, ``write_index_files`` with a
previous index and the triples graph.nt lost and gained), on two builds at hand.

BEFORE is a build folder and AFTER the same build updated (``govkg build --add``, or
``bench_add.py --keep``). The triples AFTER's graph.nt lost and gained since BEFORE's are
found as an update finds them (graph/store.py, ``graph_changes``: the same files the
update handed to its page index); then the index of AFTER's store (opened read-only) is
written from BEFORE's index into a temporary folder, ``--runs`` times, printing the wall
time and the CPU of this process (user + sys, both threads: the busy values' files are
written on a second thread), and the load average. Each time it compares the files with
AFTER's own index and says which differ (an index written by other code: its index.json).
``--serial`` writes the busy files on this thread; ``--profile N`` (serial) prints the N
functions with most cumulative time. Asserts nothing.

    python bench/bench_add.py BUILT MORE --link --keep --copy /tmp/after
    python bench/bench_page_index.py BUILT /tmp/after --runs 2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from memory import serial_page_index  # beside this script


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path, help="a build folder")
    parser.add_argument("after", type=Path, help="the same build updated")
    parser.add_argument("--runs", type=int, default=1, help="how many times (default 1)")
    parser.add_argument("--serial", action="store_true", help="the busy files on this thread")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    args = parser.parse_args(argv)

    import pyoxigraph

    from govkg.graph import indexing
    from govkg.graph.page_index import INDEX, PageIndex
    from govkg.graph.store import DATABASE, MANIFEST, STORE, graph_changes

    def triples(folder: Path) -> int:
        return json.loads((folder / STORE / MANIFEST).read_text(encoding="utf-8"))["triples"]

    previous = PageIndex.open(args.before / STORE / INDEX, triples(args.before))
    if previous is None:
        print(f"{args.before}: no page index of its store", file=sys.stderr)
        return 1
    if args.serial or args.profile:
        serial_page_index()
    work = Path(tempfile.mkdtemp(prefix="govkg-page-index-"))
    try:
        changes = (work / "removed.nt", work / "added.nt")
        began = time.time()
        with open(changes[0], "wb") as removed, open(changes[1], "wb") as added:
            for adds, line in graph_changes(args.before / "graph.nt", args.after / "graph.nt"):
                (added if adds else removed).write(line)
        lines = [path.read_bytes().count(b"\n") for path in changes]
        print(f"changes: {lines[0]:,} lines removed, {lines[1]:,} added ({time.time() - began:.1f} s)")
        store = pyoxigraph.Store.read_only(str(args.after / STORE / DATABASE))
        own, count = args.after / STORE / INDEX, triples(args.after)
        for run in range(args.runs):
            out = work / f"index-{run}"
            began, cpu = time.time(), _cpu()
            if args.profile:
                import cProfile
                import pstats

                profile = cProfile.Profile()
                profile.runcall(indexing.write_index_files, store, out, count, previous, changes)
            else:
                indexing.write_index_files(store, out, count, previous, changes)
            wall, cpu = time.time() - began, _cpu() - cpu
            load = "?"
            if os.path.exists("/proc/loadavg"):
                load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
            differ = sorted(
                path.name
                for path in out.iterdir()
                if not (own / path.name).is_file() or (own / path.name).read_bytes() != path.read_bytes()
            )
            print(f"write_index_files: wall {wall:.2f} s, CPU {cpu:.2f} s; load average {load}")
            print(f"  files other than {own}'s: {', '.join(differ) or 'none'}")
            if args.profile:
                pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
            shutil.rmtree(out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
