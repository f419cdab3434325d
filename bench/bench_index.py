"""Benchmark: the memory and CPU of writing a build's page index, alone, in a process of its own.

Opens the store of a built folder read-only (``BUILT/store``; its files are
linked into a scratch copy first, so the folder given is never written) and
writes its page index into ``OUT`` as a whole build does (graph/indexing.py,
``write_index_files``), in this process, while a thread samples its
proportional set size (PSS) every ``--every`` seconds. Prints each step's wall
span, CPU and peak PSS, the peak of the whole write, what the interpreter held
before it started (imports and the store opened) and the load average;
asserts nothing. ``--trace`` also prints each step's peak of Python's
allocations (tracemalloc: slower, and read against each other only). Run it
niced, with the code to measure:

    nice python bench/bench_index.py /work/bench/fin7-c30k /tmp/index30k
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import threading
import time
from pathlib import Path

import bench_add  # beside this script: its timers

STEPS = (
    "_ordered_keys",
    "_write_keys",
    "_write_walk",
    "_answer_lines",
    "write_coattendance",
)


def _rollup() -> dict[str, float]:
    """This process's PSS by kind (anonymous memory, mapped files), MB."""
    found = {}
    with open("/proc/self/smaps_rollup", encoding="ascii") as handle:
        for line in handle:
            name, _, value = line.partition(":")
            if name in ("Pss_Anon", "Pss_File"):
                found[name] = int(value.split()[0]) / 1e3
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("built", type=Path, help="a build's folder (its store is read, never written)")
    parser.add_argument("out", type=Path, help="the index folder to write (made anew)")
    parser.add_argument("--every", type=float, default=0.1, help="seconds between samples")
    parser.add_argument("--trace", action="store_true", help="each step's peak of Python's allocations")
    args = parser.parse_args(argv)

    import psutil

    from govkg.graph import indexing
    from govkg.graph.store import DATABASE, MANIFEST, STORE, _oxigraph

    shutil.rmtree(args.out, ignore_errors=True)
    database = args.out.with_name(args.out.name + ".store")
    shutil.rmtree(database, ignore_errors=True)
    shutil.copytree(args.built / STORE / DATABASE, database, copy_function=os.link)
    triples = json.loads((args.built / STORE / MANIFEST).read_text(encoding="utf-8"))["triples"]
    for name in STEPS:
        bench_add.timed(indexing, name)
    if args.trace:
        import tracemalloc

        tracemalloc.start(1)

    process = psutil.Process()
    samples: list[tuple[float, float]] = []
    kinds: dict[str, float] = {}  # the peak of each kind of PSS (smaps_rollup: anonymous, file)
    stopped = threading.Event()

    def sample() -> None:
        while not stopped.is_set():
            samples.append((time.time() - bench_add.START, process.memory_full_info().pss / 1e6))
            for kind, mb in _rollup().items():
                kinds[kind] = max(kinds.get(kind, 0.0), mb)
            stopped.wait(args.every)

    store = _oxigraph().Store.read_only(str(database))
    held = process.memory_full_info().pss / 1e6
    load_before = os.getloadavg()[0]
    bench_add.START = time.time()
    cpu = time.process_time()
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        indexing.write_index_files(store, args.out, triples)
    finally:
        stopped.set()
        thread.join()
    cpu = time.process_time() - cpu
    wall = time.time() - bench_add.START
    print(
        f"page index of {args.built}: {wall:.1f} s wall, {cpu:.1f} s CPU, load {load_before:.1f} -> "
        f"{os.getloadavg()[0]:.1f}; before it, with the store open: {held:.0f} MB"
    )
    for begin, end, name, seconds in bench_add.all_spans():
        inside = [mb for when, mb in samples if begin <= when <= end]
        peak = f"{max(inside):6.0f}" if inside else "   nan"
        print(f"  {name:<22} {begin:7.1f} - {end:7.1f} s (CPU {seconds:6.1f})  peak {peak} MB")
    print(f"peak of the process: {max(mb for _, mb in samples):.0f} MB; {len(samples)} samples")
    print("peak of each kind:", ", ".join(f"{kind} {mb:.0f} MB" for kind, mb in kinds.items()))
    if args.trace:
        print(f"peak of Python's allocations: {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB")
    shutil.rmtree(database, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
