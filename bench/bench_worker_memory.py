"""Benchmark: what one phase-1 worker holds after reading N files (issue #11: a worker that grows).

Runs a build's pool task (graph/incremental.py's ``extract_packed``, then the
pool's pickling of its result) over the files in order, in this one process,
as a worker of the build's pool does; every ``--every`` files prints what the
process holds (memory.heap_figures: resident, anonymous, glibc's heap in use
and free, Python's blocks) and the fullest caches of govkg.extract (entries,
and their bound: None for none). With ``--clear`` it then clears each of
those caches in turn and prints the Python blocks each freed (what the cache
held, its keys and values; one block is 16 to 512 bytes). Asserts nothing;
a worker of a build reads its share of the files (half, with two).

    nice python bench/bench_worker_memory.py /work/bench/c30k --every 2500 --files 30000
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import pkgutil
import sys
from multiprocessing.reduction import ForkingPickler
from pathlib import Path

from memory import heap_figures  # beside this script

import govkg.extract
from govkg.extract.reading import iter_paths
from govkg.graph import incremental


def extract_caches() -> list[tuple[str, object]]:
    """Every function of govkg.extract's modules wrapped in functools' caches: (module.name, it)."""
    found = []
    for info in pkgutil.iter_modules(govkg.extract.__path__):
        module = importlib.import_module(f"govkg.extract.{info.name}")
        for name, value in vars(module).items():
            if hasattr(value, "cache_info") and getattr(value, "__module__", None) == module.__name__:
                found.append((f"{info.name}.{name}", value))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a folder or file of releases")
    parser.add_argument("--every", type=int, default=1000, help="print after each N files")
    parser.add_argument("--files", type=int, default=None, help="at most this many files")
    parser.add_argument("--top", type=int, default=6, help="the caches shown, fullest first")
    parser.add_argument("--clear", action="store_true", help="then what each cache held")
    args = parser.parse_args(argv)

    paths = list(iter_paths([args.source]))[: args.files]
    if not paths:
        print(f"no release files in {args.source}", file=sys.stderr)
        return 1
    caches = extract_caches()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(paths)} files of {args.source}; load average {load}")
    for number, path in enumerate(paths, 1):
        ForkingPickler.dumps(incremental.extract_packed(path))
        if number % args.every == 0 or number == len(paths):
            shown = "  ".join(f"{key} {value:6.1f}" for key, value in heap_figures().items())
            print(f"{number:7d} files  {shown}")
            fullest = sorted(((f.cache_info().currsize, name, f) for name, f in caches), reverse=True)
            print(
                "          "
                + ", ".join(
                    f"{name} {size} ({f.cache_info().maxsize})" for size, name, f in fullest[: args.top]
                )
            )
    if args.clear:
        gc.collect()
        for name, function in caches:
            entries = function.cache_info().currsize
            if entries:
                before = sys.getallocatedblocks()
                function.cache_clear()
                gc.collect()
                print(f"  {name:<32} {entries:7d} entries held {before - sys.getallocatedblocks():9d} blocks")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
