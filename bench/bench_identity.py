"""Identity resolution over a build's mention rows, whole or a partition of names at a time.

Reads the rows a build keeps in its cache (``govkg build ... -o FOLDER``
first; the cache opened read-only), as the build holds them (values shared), then resolves them and
prints the time, the process's peak resident memory (VmHWM: rows and
resolution) and what the rows alone held, and, with ``--compare``, whether
the partitioned corpus is the one resolved whole, and identity.tsv the
folder's byte for byte. The process tree's peak (PSS, sampled: with
``--dask local``, the cluster's workers too) is that of resolution alone.

    python bench/bench_identity.py /tmp/out20k --partitions 1
    python bench/bench_identity.py /tmp/out20k --partitions 8 --compare
    python bench/bench_identity.py /tmp/out20k --partitions 8 --dask local
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import time
from pathlib import Path

from memory import PeakMemory, peak_mb  # beside this script

from govkg.extract.identity import SharedValues, identity_report, resolve
from govkg.graph.cache import CACHE, DATABASE, _key, unpickled
from govkg.graph.incremental import ROWS, BuildRecord


def load_rows(folder: Path) -> list:
    """The rows of every release the build at ``folder`` holds (first of each id), values shared.

    The cache is opened read-only (immutable): the folder may be another's build, not to be touched.
    """
    record = BuildRecord.load(folder)
    if record is None:
        raise SystemExit(f"{folder}: no build record")
    shared, rows, seen = SharedValues(), [], set()
    removed = set(record.removed)
    db = sqlite3.connect(f"{(folder / CACHE / DATABASE).as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        for key in record.files.values():
            (data,) = db.execute(
                "SELECT value FROM entries WHERE key = ? AND kind = ?", (_key(key), ROWS)
            ).fetchone()
            found, _ = unpickled(data)
            for row in found:
                if row.release not in seen and row.release not in removed:
                    seen.add(row.release)
                    rows.append(shared(row.mentions))
    finally:
        db.close()
    return rows


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a build's output folder")
    parser.add_argument("--partitions", type=int, default=1)
    parser.add_argument("--dask", default=None, help="resolve on this Dask cluster (local or tcp://...)")
    parser.add_argument("--compare", action="store_true", help="check against the whole resolution")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    rows = load_rows(args.folder)
    _, rss = peak_mb()
    print(f"{len(rows):,} rows read in {time.perf_counter() - start:.1f} s; {rss:,.0f} MB resident")
    meter = PeakMemory(os.getpid())  # this process and its children: a LocalCluster's workers
    start, cpu = time.perf_counter(), time.process_time()
    if args.dask:
        from govkg.graph.shuffle import resolve_on_cluster

        corpus = resolve_on_cluster(rows, args.dask, partitions=args.partitions)
    else:
        corpus = resolve(rows, partitions=args.partitions) if args.partitions > 1 else resolve(rows)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    tree = meter.stop()
    hwm, _ = peak_mb()
    print(
        f"resolve, {args.partitions} partition(s){' on Dask' if args.dask else ''}: {took:.1f} s "
        f"({cpu:.1f} s CPU in this process); peak resident {hwm:,.0f} MB "
        f"({hwm - rss:,.0f} MB over the rows); process tree (PSS, sampled) {tree:,.0f} MB"
    )
    if args.compare:
        whole = resolve(rows) if args.partitions > 1 or args.dask else corpus
        print(f"same corpus as resolved whole: {corpus == whole}")
        written = (args.folder / "identity.tsv").read_text(encoding="utf-8")
        print(f"identity.tsv byte-identical to the folder's: {identity_report(corpus) == written}")


if __name__ == "__main__":
    main()
