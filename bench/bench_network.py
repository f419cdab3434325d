"""Benchmark: the network's units and tables of a build from nothing, alone, from a build's shards.

Runs ``sharded.network_units`` (each shard's rows made: with a pool of
``--workers`` processes as a build hands them out, here and in the pool) and
``tables.network_tables`` (the reduce, its state kept as a build keeps it)
into a fresh folder, as ``govkg build`` does in phase 4, without the RDF
files, the store and the page: the two steps' cost alone. With ``--page``,
then the officials' rankings (``tables.rankings``) and graph.html
(``view.tables_html``, no layout memo: as a build from nothing draws it) too,
each timed (and profiled with ``--profile``) as a step of its own. Prints each step's
wall seconds and CPU seconds of this process, the pool's CPU, the load
average, and with ``--profile`` the functions of this process that took the
most (cProfile: its own time, and the time below it). Asserts nothing. Run it
with the code to measure, e.g. a base's tree on PYTHONPATH for figures before a change:

    govkg build /tmp/corpus5k -o /tmp/out5k -q --no-check
    python bench/bench_network.py /tmp/out5k/shards /tmp/net5k
    python bench/bench_network.py /tmp/out5k/shards /tmp/net5k --workers 1 --profile

OUT is removed first: never give it a build's folder. The rows and the tables' state are left in
``OUT/cache/network`` to compare bytes with another version's (``diff -r``).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import os
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

from memory import cpu_seconds  # beside this script


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shards", type=Path, help="a build's shards folder (OUT/shards)")
    parser.add_argument("out", type=Path, help="a folder to write (removed first)")
    parser.add_argument("--workers", type=int, default=2, help="processes (1: all in this one)")
    parser.add_argument("--profile", action="store_true", help="print this process's cProfile")
    parser.add_argument("--page", action="store_true", help="then the rankings and graph.html too")
    args = parser.parse_args(argv)

    from govkg.graph import sharded
    from govkg.graph.interrupts import worker_pool
    from govkg.graph.tables import TABLES_STATE, network_tables, rankings
    from govkg.graph.view import tables_html

    shutil.rmtree(args.out, ignore_errors=True)
    rows = args.out / "cache" / sharded.NETWORK_STATE
    rows.mkdir(parents=True)
    profile = cProfile.Profile() if args.profile else None
    with contextlib.ExitStack() as stack:
        pool = stack.enter_context(worker_pool(args.workers)) if args.workers > 1 else None
        children = cpu_seconds(resource.RUSAGE_CHILDREN)
        begin, own = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        if profile is not None:
            profile.enable()
        units = sharded.network_units(args.shards, rows, stack, args.out, prune=False, pool=pool)
        made, own_units = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        tables = stack.enter_context(network_tables(units, args.out, rows / TABLES_STATE))
        end, own_tables = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
        steps = []  # (name, wall, CPU here) of the steps after the tables
        if args.page:
            figures = _timed(steps, "rankings", lambda: rankings(tables))
            _timed(steps, "graph.html", lambda: len("".join(tables_html(tables, figures))))
        if profile is not None:
            profile.disable()
        if pool is not None:
            pool.shutdown()  # its processes reaped: their CPU counted
        children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
    print(f"load {os.getloadavg()[0]:.1f}")
    spent = f"{made - begin:6.1f} s wall, CPU {own_units - own:5.1f} s here"
    print(f"network_units  {spent}, {children:5.1f} s in its pool")
    print(f"network_tables {end - made:6.1f} s wall, CPU {own_tables - own_units:5.1f} s here")
    for name, wall, cpu in steps:
        print(f"{name:14} {wall:6.1f} s wall, CPU {cpu:5.1f} s here")
    if profile is not None:
        stats = pstats.Stats(profile, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(25)
        stats.sort_stats("cumulative").print_stats(25)
    return 0


def _timed(steps: list, name: str, work):
    """``work()``'s result, its wall and CPU seconds (of this process) put in ``steps``."""
    begin, own = time.perf_counter(), cpu_seconds(resource.RUSAGE_SELF)
    result = work()
    steps.append((name, time.perf_counter() - begin, cpu_seconds(resource.RUSAGE_SELF) - own))
    return result


if __name__ == "__main__":
    sys.exit(main())
