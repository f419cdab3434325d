"""Benchmark: a build's page index written from nothing (graph/indexing.py, ``write_index_files``)
from a kept build's store, with the memory it takes, step by step.

Opens ``STORE`` (a build's ``OUT/store``, read-only) as a build does (opened again as each
step starts, its caches given back between: graph/indexing.py's ``_Reopened``; ``--one-store``:
opened once and handed in, as a caller with a store of its own does) and writes its page index
into a temporary folder (``--keep DIR``: there, kept), sampling this process's resident memory
(VmRSS) every ``--every`` seconds; prints the wall time, the CPU of this process (user + sys,
both threads), the load average, the resident memory once the store is open and the peak,
and for each step (the functions of graph/indexing.py named below, each on the thread that
runs it) its wall span and the peak seen while it ran. ``--serial`` writes the busy values'
files on this thread, after the others (each step's memory its own); ``--trace`` also traces
Python's allocations (tracemalloc, slow): each step's peak of them. Asserts nothing.

    python bench/bench_index_memory.py /tmp/out30k/store --serial
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from memory import bracketed, cpu_seconds, peak_mb, serial_page_index  # beside this script

STEPS = ("_write_busy", "_write_keys", "_write_walk", "_answer_lines", "write_coattendance")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("store", type=Path, help="a build's store folder (OUT/store)")
    parser.add_argument("--keep", type=Path, default=None, help="write the index here and keep it")
    parser.add_argument("--serial", action="store_true", help="the busy files on this thread, after")
    parser.add_argument("--trace", action="store_true", help="trace Python's allocations (slow)")
    parser.add_argument("--every", type=float, default=0.05, help="seconds between samples")
    parser.add_argument(
        "--one-store", action="store_true", help="the store opened once and handed in, not per step"
    )
    args = parser.parse_args(argv)

    import pyoxigraph

    from govkg.graph import indexing
    from govkg.graph.store import DATABASE, MANIFEST

    if args.trace:
        import tracemalloc

        tracemalloc.start()
    start = time.perf_counter()
    peaks: dict[str, float] = {}
    traced: dict[str, float] = {}
    spans: list[tuple[str, float, float]] = []
    running: set[str] = set()
    lock = threading.Lock()
    stopped = threading.Event()

    def sample() -> None:
        while not stopped.wait(args.every):
            rss = peak_mb()[1]
            with lock:
                for name in running | {"all"}:
                    peaks[name] = max(peaks.get(name, 0.0), rss)

    def timed(name: str) -> None:
        def enter() -> float:
            with lock:
                running.add(name)
            if args.trace:
                tracemalloc.reset_peak()
            return time.perf_counter()

        def leave(begin: float) -> None:
            with lock:
                running.discard(name)
            if args.trace:
                traced[name] = max(traced.get(name, 0.0), tracemalloc.get_traced_memory()[1] / 2**20)
            spans.append((name, begin - start, time.perf_counter() - start))

        run = bracketed(getattr(indexing, name), enter, leave)
        setattr(indexing, name, run)

    for name in STEPS:
        timed(name)
    if args.serial:
        serial_page_index()
    if args.one_store:
        store = pyoxigraph.Store.read_only(str(args.store / DATABASE))
    else:
        store = indexing._Reopened(args.store / DATABASE)  # as write_page_index opens a build's
    triples = json.loads((args.store / MANIFEST).read_text(encoding="utf-8"))["triples"]
    opened = peak_mb()[1]
    out = args.keep or Path(tempfile.mkdtemp(prefix="govkg-index-memory-")) / "index"
    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    began, cpu = time.perf_counter(), cpu_seconds()
    try:
        indexing.write_index_files(store, out, triples)
        wall, cpu = time.perf_counter() - began, cpu_seconds() - cpu
    finally:
        stopped.set()
        thread.join()
        if args.keep is None:
            shutil.rmtree(out.parent, ignore_errors=True)
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if os.path.exists("/proc/loadavg") else "?"
    print(f"write_index_files: wall {wall:.1f} s, CPU {cpu:.1f} s; load average {load}")
    print(f"resident: {opened:.0f} MB once the store is open, peak {max(peaks.get('all', 0), opened):.0f} MB")
    for name, low, high in sorted(spans, key=lambda span: span[1]):
        extra = f", traced peak {traced[name]:.0f} MB" if name in traced else ""
        peak = peaks.get(name, 0)
        print(f"  {name:20} {low:7.1f} - {high:7.1f} s  (peak while running {peak:.0f} MB{extra})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
