"""What identity resolution holds: the mention rows against the extraction records, and resolve's time.

Extracts a folder of releases (the shared corpus beside the clone by
default; ``bench/gen_corpus.py`` makes bigger ones), then prints per release:
the pickled rows' bytes (as a build's cache keeps them, graph/cache.py), the
pickled extraction records' bytes, the
Python heap each list takes once loaded (tracemalloc), and the time of
``mentions_of`` and of ``resolve`` from the rows and from the records (which
makes the rows first). Both resolutions must decide the same.

    python bench/bench_mentions.py /tmp/corpus10k
"""

from __future__ import annotations

import argparse
import gc
import pickle
import sys
import time
import tracemalloc
from pathlib import Path

from gen_corpus import default_source  # beside this script

from govkg.extract.identity import mentions_of, resolve
from govkg.extract.reading import iter_paths
from govkg.graph.build import iter_files


def heap_of(load) -> tuple[object, int, int]:
    """What ``load()`` returns, the bytes of Python heap it holds once made, and the peak on the way."""
    gc.collect()
    tracemalloc.start()
    value = load()
    gc.collect()
    held, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return value, held, peak


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=default_source())
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)

    paths = list(iter_paths([args.folder]))
    start = time.perf_counter()
    extractions, seen = [], set()
    for found, _ in iter_files(paths, workers=args.workers):
        for extraction in found:
            if extraction.release.id not in seen:
                seen.add(extraction.release.id)
                extractions.append(extraction)
    n = len(extractions)
    print(f"{n} releases from {len(paths)} files, extracted in {time.perf_counter() - start:.1f} s")

    cpu = time.process_time()
    rows = [mentions_of(e) for e in extractions]
    made = time.process_time() - cpu
    print(f"mentions_of: {made / n * 1e6:.0f} µs CPU a release ({made:.2f} s)")
    kept = sum(1 for r in rows if r.text is not None)
    print(f"rows keeping their text (no place of their own, persons named): {kept} ({kept / n:.0%})")

    # each release pickled alone, as the cache keeps a file's (graph/cache.py)
    table = [pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL) for row in rows]
    records = [pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL) for e in extractions]
    print(f"on disk: pickled rows {sum(map(len, table)) / n:,.0f} B a release; ")
    print(f"         pickled extraction records {sum(map(len, records)) / n:,.0f} B a release")
    del extractions, rows
    loaded_records, records_heap, _ = heap_of(lambda: [pickle.loads(data) for data in records])
    loaded_rows, rows_heap, _ = heap_of(lambda: [pickle.loads(data) for data in table])
    print(f"in memory: {rows_heap / n:,.0f} B a release as ReleaseMentions (unpickled), ")
    print(f"           {records_heap / n:,.0f} B a release as Extraction records (unpickled)")

    start, cpu = time.perf_counter(), time.process_time()
    from_rows = resolve(loaded_rows)
    print(f"resolve from rows: {time.perf_counter() - start:.2f} s ({time.process_time() - cpu:.2f} s CPU)")
    start, cpu = time.perf_counter(), time.process_time()
    from_records = resolve(loaded_records)
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"resolve from records (rows made first): {took:.2f} s ({cpu:.2f} s CPU)")
    if from_rows != from_records:
        sys.exit("the two resolutions differ")
    print(f"same decisions: {len(from_rows.decisions)} mentions, {len(from_rows.tenures)} tenures")
    del from_rows, from_records, loaded_records
    _, corpus_heap, resolve_peak = heap_of(lambda: resolve(loaded_rows))
    print(f"the Corpus resolve returns: {corpus_heap / n:,.0f} B a release; ")
    print(f"resolve's peak over the rows it reads: {resolve_peak / n:,.0f} B a release (traced, slower)")


if __name__ == "__main__":
    main()
