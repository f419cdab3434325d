"""Benchmark: where a build's memory peaks, step by step (issue #11: the same peak at any size).

Runs ``govkg build CORPUS -o OUT -q --no-check`` in this process, as the
command does (its pool of two), with the build's steps wrapped in timers
(bench_add.py's), while a thread samples the proportional set size (PSS) of
this process and of each of its descendants every ``--every`` seconds.
Prints, for each step, its wall span and the peak of the whole process tree
and of this process (the command) while it ran; then the build's peak and
when it came. Steps overlap (phase 4 runs the RDF files in a pool process
while the command draws the views), so a tree's peak belongs to every step
running then. Each step's CPU is its own thread's; beside it, the cores the
whole tree kept busy meanwhile (every process and thread: the store's loader
and its RocksDB threads, the page index's helper), from the same samples: on
a quiet machine, 2.00 on two cores says the step had no idle core beside it,
whatever its own CPU. Asserts nothing; run it niced on a shared machine, with the
code to measure:

    python bench/gen_corpus.py 10000 /tmp/c10k
    nice python bench/bench_memory.py /tmp/c10k /tmp/out10k
    nice python bench/bench_memory.py --phase4 /tmp/out10k/shards /tmp/p10k   # phase 4 alone

``--trace N`` also follows the Python allocations (tracemalloc): each
step's peak above what it started with, and the N source lines holding
most as phase 4 and the rankings start. Tracing makes the build two to
three times slower and its resident memory larger (a record per block):
read its figures against each other, not against an untraced build.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import threading
import time
from functools import partial
from pathlib import Path

import bench_add  # beside this script: its timers
from memory import bracketed, heap_figures  # beside this script


class Sampler:
    """The PSS of a process and of each of its descendants, sampled: (seconds, {pid: MB}); with
    each sample, the CPU seconds each has used (all its threads) and the sampler's own, in
    ``cpu``: (seconds, {pid: CPU s}, the sampler's CPU s)."""

    def __init__(self, every: float) -> None:
        import psutil

        self.root = psutil.Process(os.getpid())
        self.every = every
        self.samples: list[tuple[float, dict[int, float]]] = []
        self.cpu: list[tuple[float, dict[int, float], float]] = []
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        while not self.stopped.is_set():
            when = time.time() - bench_add.START
            each, used = {}, {}
            for process in [self.root, *self.root.children(recursive=True)]:
                try:
                    each[process.pid] = process.memory_full_info().pss / 1e6
                    times = process.cpu_times()
                    used[process.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.samples.append((when, each))
            self.cpu.append((when, used, time.thread_time()))
            self.stopped.wait(self.every)

    def stop(self) -> list[tuple[float, dict[int, float]]]:
        self.stopped.set()
        self.thread.join()
        return self.samples


def cores_within(cpu, root: int, begin: float, end: float) -> float:
    """The cores the tree kept busy between begin and end: the CPU seconds its processes used
    between the first and the last sample taken inside (every thread's: a store's loader, a
    helper thread; not the sampler's own), over the seconds between those samples. A process
    that began in between (a pool's worker) counts from nothing; one that ended in between, up
    to the last sample that saw it.

    >>> cpu = [(0.0, {1: 5.0}, 0.0), (1.0, {1: 5.5, 2: 0.8}, 0.0), (2.0, {1: 6.0, 2: 1.6}, 0.1)]
    >>> round(cores_within(cpu, 1, 0.0, 2.0), 2)
    1.25
    """
    inside = [sample for sample in cpu if begin <= sample[0] <= end]
    if len(inside) < 2 or inside[-1][0] <= inside[0][0]:
        return float("nan")
    (first, before, own_before), (last, _, own_after) = inside[0], inside[-1]
    seen: dict[int, float] = {}
    for _, each, _ in inside:
        seen.update(each)  # each process's CPU at the last sample that saw it
    used = sum(at - before.get(pid, 0.0) for pid, at in seen.items())
    return (used - (own_after - own_before)) / (last - first)


def peaks_within(samples, root: int, begin: float, end: float) -> tuple[float, float, float]:
    """The peak MB of the tree, of the command (``root``) and of its largest other process over the
    samples taken between begin and end."""
    inside = [each for when, each in samples if begin <= when <= end]
    if not inside:
        return float("nan"), float("nan"), float("nan")
    return (
        max(sum(each.values()) for each in inside),
        max(each.get(root, 0.0) for each in inside),
        max((mb for each in inside for pid, mb in each.items() if pid != root), default=0.0),
    )


TRACED = (
    "write_rdf_files",
    "_write_gephi",
    "_make_rows",
    "_read_all",
    "resolve_kept",
    "write_release_shards",
    "network_units",
    "network_tables",
    "rankings",
    "tables_html",
    "write_page_index",
)
SNAPSHOTS = ("write_release_shards", "write_from_shards", "rankings", "write_page_index")  # as each starts


def traced(top: int) -> None:
    """Wrap the steps of :data:`TRACED` so that each prints the peak of the command's Python
    allocations while it ran (tracemalloc), and those of :data:`SNAPSHOTS` the ``top`` lines
    holding most as they start."""
    import tracemalloc

    from govkg.graph import incremental, sharded

    tracemalloc.start(1)
    tracing = os.getpid()

    def wrap(module, name):
        function = getattr(module, name)

        def report(before):
            now, peak = tracemalloc.get_traced_memory()
            print(
                f"[trace {os.getpid()}] {name:<22} held {before / 1e6:7.1f} MB before, "
                f"peak {peak / 1e6:7.1f} MB, "
                f"{now / 1e6:7.1f} MB after",
                flush=True,
            )

        def start():
            if os.getpid() != tracing and not tracemalloc.is_tracing():  # a pool's process
                tracemalloc.start(1)
            if name in SNAPSHOTS:
                snapshot = tracemalloc.take_snapshot()
                print(f"[trace] as {name} starts, the lines holding most:")
                for stat in snapshot.statistics("lineno")[:top]:
                    print(f"[trace]   {stat.size / 1e6:7.1f} MB {stat.count:9d}  {stat.traceback[0]}")
            tracemalloc.reset_peak()
            return tracemalloc.get_traced_memory()[0]

        run = bracketed(function, start, report)

        setattr(module, name, run)

    for name in dict.fromkeys(TRACED + SNAPSHOTS):  # each where the build calls it from
        wrap(next(module for module in (incremental, sharded) if hasattr(module, name)), name)


def heaped(names: tuple[str, ...]) -> None:
    """Wrap the steps ``names`` so that each prints, as it starts and ends, what the command holds
    (memory.heap_figures: resident, anonymous, glibc's heap in use and free, Python's blocks)."""
    from govkg.graph import incremental, indexing, sharded

    def line(what: str) -> None:
        figures = heap_figures()
        if os.getpid() == tracing:  # not the pool's processes
            shown = "  ".join(f"{key} {value:6.1f}" for key, value in figures.items())
            print(f"[heap {time.time() - bench_add.START:7.1f}] {what:<32} {shown}", flush=True)

    tracing = os.getpid()
    for name in names:
        module = next(module for module in (incremental, sharded, indexing) if hasattr(module, name))
        function = getattr(module, name)
        run = bracketed(function, partial(line, f"{name} starts"), lambda _, name=name: line(f"{name} ends"))
        setattr(module, name, run)


HEAPED = (
    "_read_all",
    "resolve_kept",
    "write_release_shards",
    "write_from_shards",
    "network_units",
    "network_tables",
    "rankings",
    "tables_html",
    "write_page_index",
    "write_coattendance",
    "_write_report",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="the releases to build (with --phase4: a build's shards)")
    parser.add_argument("out", type=Path, help="the output folder (made anew)")
    parser.add_argument("--every", type=float, default=0.25, help="seconds between samples")
    parser.add_argument(
        "--phase4", action="store_true", help="phase 4 alone (as bench_phase4.py), from the shards given"
    )
    parser.add_argument("--keep", action="store_true", help="keep the output folder")
    parser.add_argument("--batch", type=int, default=None, help="govkg build --batch")
    parser.add_argument(
        "--trace",
        type=int,
        default=0,
        metavar="N",
        help="also trace the command's Python allocations (tracemalloc; slow): each step's peak, and "
        "the N lines holding most when the network's tables are made and when phase 4 starts",
    )
    parser.add_argument(
        "--heap",
        action="store_true",
        help="print what the command holds as each of its main steps starts and ends (RSS, anonymous, "
        "glibc's heap in use and free, Python's blocks)",
    )
    args = parser.parse_args(argv)

    shutil.rmtree(args.out, ignore_errors=True)
    with contextlib.ExitStack() as stack:
        if args.phase4:  # the shards of a build: phase 4 alone, its pool started first (as a build's)
            from govkg.graph.interrupts import worker_pool

            args.out.mkdir(parents=True)
            shutil.copytree(args.corpus, args.out / "shards", copy_function=os.link)
            pool = stack.enter_context(worker_pool(2))
        if args.trace:
            traced(args.trace)
        if args.heap:
            heaped(HEAPED)
        bench_add.instrument()
        from govkg.graph import sharded
        from govkg.graph.cli import main as cli

        bench_add.START = time.time()
        sampler = Sampler(args.every)
        load_before = os.getloadavg()[0]
        if args.phase4:
            sharded.write_from_shards(  # as write_build calls it
                args.out / "shards",
                args.out,
                previous=args.out,
                state=args.out / "cache" / "rdf",
                pool=pool,
                index=True,
                retire=True,
            )
            status = 0
        else:
            status = cli(
                ["build", str(args.corpus), "-o", str(args.out), "-q", "--no-check"]
                + (["--batch", str(args.batch)] if args.batch else [])
            )
    wall = time.time() - bench_add.START
    samples = sampler.stop()
    load_after = os.getloadavg()[0]
    print(f"build of {args.corpus}: exit {status}, {wall:.1f} s, load {load_before:.1f} -> {load_after:.1f}")
    root = os.getpid()
    print(
        "step (wall span from the start; CPU: its thread's): peak PSS of the tree / the command / its "
        "largest child; the cores the tree kept busy meanwhile (every process and thread)"
    )
    for begin, end, name, cpu in bench_add.all_spans():
        tree, own, child = peaks_within(samples, root, begin, end)
        print(
            f"  {name:<32} {begin:7.1f} - {end:7.1f} s (CPU {cpu:6.1f})  "
            f"tree {tree:6.0f}  command {own:6.0f}  child {child:6.0f} MB  "
            f"busy {cores_within(sampler.cpu, root, begin, end):4.2f} cores"
        )
    when, each = max(samples, key=lambda s: sum(s[1].values()))
    others = ", ".join(f"{mb:.0f}" for pid, mb in sorted(each.items()) if pid != root)
    print(
        f"peak of the tree: {sum(each.values()):.0f} MB at {when:.1f} s "
        f"(the command {each.get(root, 0.0):.0f} MB, the others {others})"
    )
    print(f"peak of the command: {max(e.get(root, 0.0) for _, e in samples):.0f} MB; {len(samples)} samples")
    if not args.keep:
        shutil.rmtree(args.out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
