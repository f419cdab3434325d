"""Benchmark: the CPU a release costs in each per-release stage of a build, in one process.

What a pool's worker does for a release, stage by stage, timed apart (CPU
time of this process: the machine is shared), in milliseconds a release:

- phase 1: reading and cleaning the file (``read_releases``: decoding, the
  body, the headline, the jurisdiction), the name rules and the statistical
  name finder (LAC, ``extract/lac.py``, timed inside the extraction), the
  events and documents, and packing the records and rows for the cache;
- phase 3: mapping each release with its keys and writing its shard
  (``ReleaseShards.write``: the mapping to terms, the N-Triples forms, the
  shard's bytes, the file written), and its network rows made from the
  triples in hand and written, as the build's pool does
  (graph/sharded.py's ``shard_rows_maker``, timed apart inside it), and
  the kernel's part of it ("sys": system CPU, mostly making the two files
  of a release; on this machine's ext4 disk a file made cost 0.06 to 0.65 ms
  of it, more soon after many files were removed, on tmpfs about 0.03 ms:
  ``--scratch /dev/shm`` writes them there).

The keys are those of the releases as extracted (``identity.unresolved``),
not resolved across the corpus: the mapping's work is the same. What the
build's own process does (the cache, identity, the RDF files, the store, the
network views) is not here: bench/bench_add.py times the whole build's steps.
No assertions: this prints figures.

    nice python bench/bench_release_cpu.py /work/bench/c5k --every 5
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import govkg.extract.persons as persons
from govkg.extract.identity import unresolved
from govkg.extract.pipeline import extract, read_releases
from govkg.extract.reading import iter_paths
from govkg.graph.incremental import packed
from govkg.graph.sharded import shard_rows_maker
from govkg.graph.shards import ReleaseShards


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="a folder or file of releases")
    parser.add_argument("--every", type=int, default=1, help="time every Nth file only")
    parser.add_argument(
        "--scratch",
        type=Path,
        default=None,
        help="where the shards are written (default: the temporary folder)",
    )
    args = parser.parse_args(argv)

    paths = list(iter_paths([args.source]))[:: args.every]
    if not paths:
        print(f"no release files in {args.source}", file=sys.stderr)
        return 1
    extract(read_releases(paths[0])[0][0])  # the model and the tables loaded, not timed
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(paths)} files of {args.source}; load average {load}")

    cpu = time.process_time
    spent = dict.fromkeys(
        [
            "read and clean",
            "extract (all)",
            "  of which LAC",
            "pack",
            "map and write",
            "  of which rows",
            "  of which sys",
        ],
        0.0,
    )
    tagger = persons.tagged_persons

    def timed_tagger(texts):
        began = cpu()
        try:
            return tagger(texts)
        finally:
            spent["  of which LAC"] += cpu() - began

    persons.tagged_persons = timed_tagger
    found = []
    try:
        for path in paths:
            began = cpu()
            releases, errors = read_releases(path)
            spent["read and clean"] += cpu() - began
            began = cpu()
            extractions = [extract(release) for release in releases]
            spent["extract (all)"] += cpu() - began
            began = cpu()
            packed((extractions, errors))
            spent["pack"] += cpu() - began
            found.extend(extractions)
    finally:
        persons.tagged_persons = tagger

    corpus = unresolved(found)
    keys = [corpus.release_keys(item.release.id) for item in found]
    folder = Path(tempfile.mkdtemp(prefix="govkg-bench-shards-", dir=args.scratch))
    try:
        rows = shard_rows_maker(folder / "rows")

        def timed_rows(*shard):
            began = cpu()
            try:
                return rows(*shard)
            finally:
                spent["  of which rows"] += cpu() - began

        (folder / "shards").mkdir()
        shards = ReleaseShards(folder / "shards", timed_rows)
        began, system = cpu(), os.times().system
        for item, key in zip(found, keys, strict=True):
            shards.write(item, key)
        spent["map and write"] += cpu() - began
        # the kernel's part: making a release's two files (its shard, its rows) costs more than
        # writing them, and far more on some file systems than on others (ext4, tmpfs)
        spent["  of which sys"] += os.times().system - system
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    count = len(found)
    print(f"{count} releases; CPU a release:")
    for stage, seconds in spent.items():
        print(f"  {stage:<16} {1000 * seconds / count:6.3f} ms")
    total = sum(seconds for stage, seconds in spent.items() if not stage.startswith(" "))
    print(f"  {'total':<16} {1000 * total / count:6.3f} ms ({count / total:.0f} releases per CPU second)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
