"""Benchmark: where the time of an update (``govkg build --add MORE -o OUT``) goes, step by step.

Copies a built folder (``cp -a``, or hard links with ``--link``; the copy
is updated, the folder given is left as it is; ``--in-place`` updates it),
then runs ``govkg build --add MORE -o COPY -q --no-check`` in this process,
as the command does (its pool of two), with the build's steps wrapped in
timers. Prints the wall span and the CPU (of its thread) of each step
(seconds from the start, also for the steps run by a pool process: the RDF
files), the total wall time, the CPU of this process and of its children,
and the load average; with the full build's figures (``--full-wall``, ``--full-cpu``: its
wall time and the CPU of its process tree, e.g. from ``/usr/bin/time``), the update's as a
share of them (issue #11's target: 5 %); asserts nothing. ``--repeat N`` runs the update N
times, each on a fresh copy, and then prints each step's CPU in every run and its median, and
the medians of the totals (this machine is shared: one run's figures move by ±20 %). The runs
after the first share this process with it: govkg's modules and the extractor's model are
loaded already (their ``_read_all`` about 0.3 s less at 10,000 releases), as in no command.
``--profile N`` also prints the N
functions of this process with most cumulative time (cProfile: the pool's
work is not in it), and ``--profile-out FILE`` keeps that profile for
pstats. Run it with the code to measure, e.g. main's venv for figures
before a change.

Two traps. With ``--link`` the folder given keeps the previous build's
files, so the swap's removal of the old folder frees nothing: an update in
place (a chain of ``--in-place`` runs on a copy) frees the files it replaced
(about 3.5 GB at 30,000 releases: 3-4 s more of the swap under load). And a
build made while govkg's files were being edited, or measured by other code
than built it, finds every shard and state stale (their digests name the
software): the first update then writes nearly all again.

    govkg build CORPUS -o /tmp/out -q --no-check
    python bench/bench_add.py /tmp/out MORE              # MORE: 100 new releases (gen_corpus.py)
    python bench/bench_add.py /tmp/out MORE --full-wall 171 --full-cpu 380
    python bench/bench_add.py /tmp/out MORE --link --repeat 3 --full-cpu 380
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import inspect
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import cpu_seconds  # beside this script

START = time.time()
SPANS: list[tuple[float, float, str, float]] = []


def _record(name: str, begin: float, cpu: float) -> None:
    end, cpu = time.time(), time.thread_time() - cpu
    SPANS.append((begin - START, end - START, name, cpu))
    if os.getpid() != MAIN:  # a pool's or the build's child process: its list is not ours
        print(
            f"  [pool] {name:<30} {begin - START:7.1f} - {end - START:7.1f} s  (CPU {cpu:6.1f} s)",
            file=sys.stderr,
            flush=True,
        )
        with open(_OTHERS, "a", encoding="utf-8") as handle:  # one short line: appended whole
            handle.write(f"{begin - START}\t{end - START}\t{name}\t{cpu}\n")


MAIN = os.getpid()
# The steps timed in other processes (phases 1 and 2 of a build run in a forked child), for
# all_spans.
_OTHERS = os.path.join(tempfile.gettempdir(), f"govkg-bench-spans-{MAIN}.tsv")


def all_spans() -> list[tuple[float, float, str, float]]:
    """The steps timed, in order: this process's, and those of its children and pools (named
    with " [other process]"); read once, at the end."""
    others = []
    with contextlib.suppress(FileNotFoundError):
        with open(_OTHERS, encoding="utf-8") as handle:
            for line in handle:
                begin, end, name, cpu = line.rstrip("\n").split("\t")
                others.append((float(begin), float(end), f"{name} [other process]", float(cpu)))
        os.remove(_OTHERS)
    return sorted([*SPANS, *others])


def timed(module, name: str, label: str | None = None) -> None:
    """Wrap ``module.name`` (a function, generator function or context manager) in a timer."""
    function = getattr(module, name)
    label = label or name
    if inspect.isgeneratorfunction(function):

        @functools.wraps(function)
        def run(*args, **kwargs):
            begin, cpu = time.time(), time.thread_time()
            try:
                yield from function(*args, **kwargs)
            finally:
                _record(label, begin, cpu)

    elif inspect.isgeneratorfunction(getattr(function, "__wrapped__", None)):

        @functools.wraps(function)
        @contextlib.contextmanager
        def run(*args, **kwargs):  # a context manager: its entry and its exit timed apart
            begin, cpu = time.time(), time.thread_time()
            manager = function(*args, **kwargs)
            value = manager.__enter__()
            _record(f"{label} (enter)", begin, cpu)
            try:
                yield value
            except BaseException:
                if not manager.__exit__(*sys.exc_info()):
                    raise
            else:
                begin, cpu = time.time(), time.thread_time()
                manager.__exit__(None, None, None)
                _record(f"{label} (exit)", begin, cpu)

    else:

        @functools.wraps(function)
        def run(*args, **kwargs):
            begin, cpu = time.time(), time.thread_time()
            try:
                return function(*args, **kwargs)
            finally:
                _record(label, begin, cpu)

    setattr(module, name, run)


def instrument() -> None:
    from govkg.graph import folders, incremental, indexing, sharded, store, tables
    from govkg.graph.cli import build

    for name in ("build_into", "write_build", "forget_unused"):
        timed(build, name)
    steps = (
        "_read_all",
        "resolve_kept",
        "load_identity",
        "save_identity",
        "write_release_shards",
        "update_release_shards",
        "mapped_digests",
        "mapped_before",
        "write_from_shards",
        "identity_lines",
        "_write_report",  # identity.tsv, spliced from the previous one (or identity_lines)
        "prune_network",
        "_lines",
    )
    for name in steps:
        timed(incremental, name)
    for name in (
        "update_coattendance",
        "write_coattendance",
        "_answer_lines",
        "_update_answer",
        "_answer_near",
        "_near",
        "_update_keys",
        "_write_keys",
        "_update_walk",
        "_write_walk",
        "_write_busy",
        "_busy_edits",
    ):
        timed(indexing, name)
    timed(incremental, "staged_folder", "staged_folder: carry")
    timed(incremental.BuildRecord, "save", "BuildRecord.save")
    timed(folders, "swap_in", "swap_in (old removed)")
    for name in (
        "write_rdf_files",
        "write_network_files",
        "network_units",
        "network_tables",
        "rankings",
        "exports",
        "atomic_write",
        "tables_html",
        "write_store",
        "load_store",  # a build's store, by a thread of the command (its CPU: that thread's alone)
        "previous_store",
        "restamp_store",
        "write_page_index",  # once the store is, while the pool writes the Gephi files
    ):
        timed(sharded, name)
    for name in ("_make_rows", "streamed_rows", "updated_streamed_rows"):  # the units' rows (pool too)
        if hasattr(sharded, name):
            timed(sharded, name)
    timed(store, "apply_changes")
    timed(sharded, "write_exports", "write_exports (GEXF, GraphML)")
    timed(sharded, "write_spliced_exports", "write_spliced_exports (GEXF, GraphML)")
    for name in ("_update_tables", "_merge_keyed", "_merge_edge_rows"):
        timed(tables, name)


def step_cpu(spans: list[tuple[float, float, str, float]]) -> dict[str, float]:
    """The CPU seconds of each step timed, by name, its spans summed (a step run on both threads
    of the page index, or once a query, is timed each time), in the order first run.

    >>> step_cpu([(0.0, 1.0, "a", 0.5), (1.0, 2.0, "b", 1.0), (2.0, 3.0, "a", 0.25)])
    {'a': 0.75, 'b': 1.0}
    """
    found: dict[str, float] = {}
    for _, _, name, cpu in spans:
        found[name] = found.get(name, 0.0) + cpu
    return found


def medians(runs: list[dict[str, float]], least: float = 0.15) -> list[tuple[str, list[float], float]]:
    """Each name of ``runs`` (one dict of figures a run, such as :func:`step_cpu`'s) with its figure
    in every run (0 where a run has none) and their median, in the order first met; the names
    whose figure is under ``least`` in every run left out.

    >>> medians([{"a": 1.0, "b": 0.1}, {"a": 3.0}, {"a": 2.0, "c": 0.2}])
    [('a', [1.0, 3.0, 2.0], 2.0), ('c', [0.0, 0.0, 0.2], 0.0)]
    """
    import statistics

    names = list(dict.fromkeys(name for run in runs for name in run))
    rows = []
    for name in names:
        figures = [run.get(name, 0.0) for run in runs]
        if max(figures) >= least:
            rows.append((name, figures, statistics.median(figures)))
    return rows


def share(spent: float, full: float | None, what: str) -> list[str]:
    """The update's ``spent`` seconds as a share of the full build's, printed (none without it).

    >>> share(21.0, 420.0, "CPU")
    ['CPU 5.0 % (21.0 s of 420.0 s)']
    >>> share(21.0, None, "CPU")
    []
    """
    if not full:
        return []
    return [f"{what} {100 * spent / full:.1f} % ({spent:.1f} s of {full:.1f} s)"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("built", type=Path, help="a build's output folder (copied, not changed)")
    parser.add_argument("more", type=Path, help="the releases to add")
    parser.add_argument(
        "--copy", type=Path, default=None, help="where to copy it (default: a temporary folder)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the updated copy")
    parser.add_argument("--in-place", action="store_true", help="update the folder given, no copy")
    parser.add_argument("--summary", action="store_true", help="print the command's summary (no -q)")
    parser.add_argument("--batch", type=int, default=None, help="govkg build --batch")
    parser.add_argument(
        "--link",
        action="store_true",
        help="copy by hard links (the cache's database copied): quick, same disk; the old folder's "
        "removal then frees nothing",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        metavar="N",
        help="run the update N times, each on a fresh copy; print each step's median CPU",
    )
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print the N costliest functions")
    parser.add_argument(
        "--profile-out", metavar="FILE", help="with --profile, also keep the profile in FILE (pstats)"
    )
    parser.add_argument(
        "--full-wall", type=float, metavar="S", help="the full build's wall time: print the update's share"
    )
    parser.add_argument(
        "--full-cpu",
        type=float,
        metavar="S",
        help="the full build's CPU (its process and children): print the update's share",
    )
    args = parser.parse_args(argv)
    if args.repeat < 1 or (args.repeat > 1 and (args.in_place or args.keep or args.profile)):
        parser.error("--repeat N: N from 1, each run on a fresh copy (no --in-place, --keep or --profile)")
    instrument()
    runs = [_update(args) for _ in range(args.repeat)]
    if len(runs) > 1:
        print(
            f"{len(runs)} runs: the CPU seconds of each step (its own thread's) in each run, and their median"
        )
        for name, figures, median in medians([steps for steps, _ in runs]):
            print(f"  {name:<56} " + " ".join(f"{x:6.1f}" for x in figures) + f"   median {median:6.1f}")
        rows = {name: (figures, median) for name, figures, median in medians([t for _, t in runs], least=0)}
        for name, (figures, median) in rows.items():
            print(f"  {name:<56} " + " ".join(f"{x:6.1f}" for x in figures) + f"   median {median:6.1f}")
        wall, cpu = rows["wall"][1], rows["CPU (this process and its children)"][1]
        shares = share(wall, args.full_wall, "wall") + share(cpu, args.full_cpu, "CPU")
        if shares:
            print("medians of the full build's: " + ", ".join(shares))
    return 0


def _update(args: argparse.Namespace) -> tuple[dict[str, float], dict[str, float]]:
    """One update as :func:`main` asks, printed; returns the CPU of each step (:func:`step_cpu`)
    and its totals (wall, CPU of this process and of its children, their sum)."""
    if args.in_place:
        work = out = args.built
    else:
        work = args.copy or Path(tempfile.mkdtemp(prefix="govkg-add-"))
        out = work / args.built.name if args.copy is None else work
        if out.exists():
            shutil.rmtree(out)
        copying = time.time()
        subprocess.run(["cp", "-al" if args.link else "-a", str(args.built), str(out)], check=True)
        if args.link:  # a build replaces its files, never writes into them, but for the cache's database
            for database in list((out / "cache").glob("*.sqlite*")):
                copy = database.with_name(database.name + ".copy")
                shutil.copy2(args.built / "cache" / database.name, copy)
                os.replace(copy, database)
        print(f"copied {args.built} in {time.time() - copying:.1f} s", flush=True)

    from govkg.graph.cli import main as cli

    global START
    START = time.time()
    SPANS.clear()  # the steps of this run alone
    own, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    command = [
        "build",
        "--add",
        str(args.more),
        "-o",
        str(out),
        "--no-check",
        *([] if args.summary else ["-q"]),
        *(["--batch", str(args.batch)] if args.batch else []),
    ]
    if args.profile:
        import cProfile
        import pstats

        profile = cProfile.Profile()
        status = profile.runcall(cli, command)
    else:
        status = cli(command)
    wall = time.time() - START
    own, children = cpu_seconds(resource.RUSAGE_SELF) - own, cpu_seconds(resource.RUSAGE_CHILDREN) - children
    print(f"--add {args.more} into a copy of {args.built}: exit {status}")
    spans = all_spans()
    for begin, end, name, spent in spans:
        print(f"  {name:<36} {begin:7.1f} - {end:7.1f} s  ({end - begin:6.1f} s, CPU {spent:6.1f} s)")
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"]
    print(
        f"wall {wall:.1f} s; CPU: this process {own:.1f} s, its children {children:.1f} s; "
        f"load average {' '.join(load)}"
    )
    shares = share(wall, args.full_wall, "wall") + share(own + children, args.full_cpu, "CPU")
    if shares:
        print("of the full build's: " + ", ".join(shares))
    if args.profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.profile)
        if args.profile_out:
            profile.dump_stats(args.profile_out)
    if not args.keep and not args.in_place:
        shutil.rmtree(work if args.copy is None else out, ignore_errors=True)
    totals = {
        "wall": wall,
        "CPU: this process": own,
        "CPU: its children": children,
        "CPU (this process and its children)": own + children,
    }
    return step_cpu(spans), totals


if __name__ == "__main__":
    sys.exit(main())
