"""Benchmark: the CPU of phase 3 a release, over the records a build keeps, in one process, split by part.

What a build's phase 3 task does (graph/incremental.py's ``map_sources``):
each release mapped with its keys and its shard written (``ReleaseShards``,
one per batch of ``--batch`` files, as a task makes), and its network rows
made from its triples in hand and written (graph/sharded.py's
``shard_rows_maker``). The records are those the build's cache keeps of its
files (``OUT/cache``, read before the clock starts); the keys are the
releases' as extracted (``identity.unresolved``), not resolved across the
corpus: the mapping's work is the same. CPU time of this process (the
machine is shared), in milliseconds a release, split into:

- ``map_release`` (graph/rdf.py: the terms of the release's triples);
- the shard's text (the triples' N-Triples forms, sorted, the N-Quads bytes):
  what ``ReleaseShards.write`` does besides the parts around it;
- ``write_shard`` (the file compared, written, renamed, and its digest);
- the network rows (``shard_rows_maker``: made and written);
- ``unpickle``: each file's records unpickled from the bytes of its cache entry, in the loop,
  as ``map_sources`` does (not held from the start: made among the shards' work, they cost
  two to five times what a loop of ``pickle.loads`` alone shows);

and how much of the whole is the kernel's (system time: creating, writing
and renaming two files a release, which varies most with what else the
machine's disk is doing).

``--out DIR`` keeps the shards and rows written there: two versions of the
code given the same build give the same files (``diff -r``). ``--profile N``
prints the N functions of most own time of a cProfile of the same work.
No assertions: this prints figures.

    nice python bench/bench_phase3.py /work/bench/out10k --files 3000
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

import govkg.graph.shards as shards_module
from govkg.extract.identity import unresolved
from govkg.graph.cache import CACHE, DATABASE, unpickled
from govkg.graph.incremental import BATCH_FILES
from govkg.graph.sharded import shard_rows_maker
from govkg.graph.shards import ReleaseShards


def kept_entries(build: Path, files: int) -> list[bytes]:
    """The cache entries (the records pickled) of up to ``files`` files the build's cache keeps,
    in the order of their keys; damaged ones left out."""
    database = sqlite3.connect(build / CACHE / DATABASE)
    try:
        query = "SELECT value FROM entries WHERE kind = '' ORDER BY key LIMIT ?"
        found = [value for (value,) in database.execute(query, (files,))]
    finally:
        database.close()
    return [value for value in found if unpickled(value)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build's output folder (its cache is read)")
    parser.add_argument("--files", type=int, default=3000, help="how many of its files")
    parser.add_argument("--batch", type=int, default=BATCH_FILES, help="files a ReleaseShards")
    parser.add_argument("--out", type=Path, help="keep the shards and rows in this folder")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print a profile's N first")
    args = parser.parse_args(argv)

    files = kept_entries(args.build, args.files)
    if not files:
        print(f"no records kept in {args.build / CACHE}", file=sys.stderr)
        return 1
    records = [unpickled(data)[0] for data in files]
    corpus = unresolved([item for found in records for item in found])
    work = [
        (data, {e.release.id: corpus.release_keys(e.release.id) for e in found})
        for data, found in zip(files, records, strict=True)
    ]
    count = sum(map(len, records))
    del records, corpus  # unpickled again in the loop, one file at a time
    folder = args.out or Path(tempfile.mkdtemp(prefix="govkg-bench-phase3-"))
    shutil.rmtree(folder, ignore_errors=True)

    cpu = time.process_time
    spent = dict.fromkeys(["map_release", "write_shard", "rows", "unpickle"], 0.0)

    def timed(part, function):
        def call(*args):
            began = cpu()
            try:
                return function(*args)
            finally:
                spent[part] += cpu() - began

        return call

    mapper, writer = shards_module.map_release, shards_module.write_shard
    shards_module.map_release = timed("map_release", mapper)
    shards_module.write_shard = timed("write_shard", writer)
    unpickle = timed("unpickle", unpickled)
    profile = cProfile.Profile() if args.profile else None
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    try:
        gc.collect()
        began, times = cpu(), os.times()
        if profile:
            profile.enable()
        for start in range(0, len(work), args.batch):
            shards = ReleaseShards(folder / "shards", timed("rows", shard_rows_maker(folder / "rows")))
            for data, keys in work[start : start + args.batch]:
                for item in unpickle(data)[0]:
                    shards.write(item, keys[item.release.id])
        if profile:
            profile.disable()
        whole = cpu() - began
        system = os.times().system - times.system
    finally:
        shards_module.map_release, shards_module.write_shard = mapper, writer
        if not args.out:
            shutil.rmtree(folder, ignore_errors=True)

    print(f"{count} releases of {len(files)} files of {args.build}; load average {load}")
    print("CPU a release:")
    parts = {"map_release": spent["map_release"], "shard's text": whole - sum(spent.values())}
    for part, seconds in (parts | spent).items():
        print(f"  {part:<14} {1000 * seconds / count:6.3f} ms  {100 * seconds / whole:4.0f} %")
    print(f"  {'total':<14} {1000 * whole / count:6.3f} ms ({count / whole:.0f} releases per CPU second)")
    print(f"  {'of which system':<14} {1000 * system / count:6.3f} ms (the kernel's: the files)")
    if profile:
        pstats.Stats(profile).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
