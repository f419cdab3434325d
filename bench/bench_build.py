"""Benchmark: build a large batch of releases and print releases per second and peak memory.

The corpus (or any folder of releases) is copied COPIES times under new file
names, so every copy is a release of its own, then built as ``govkg build``
would, outputs included. No assertions: this prints figures.

    python bench/bench_build.py --copies 100                 # ~20,000 releases
    python bench/bench_build.py --source path/to/releases --copies 10 --no-write
    python bench/bench_build.py --copies 20 --streamed       # and the files again from the shards

``--streamed`` then writes the graph files and the store again from the
build's N-Quads shards (graph/sharded.py), in a fresh process so that its
peak memory is its own, and prints its time and peak beside the in-memory
writers'.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from memory import children_peak_mb, peak_mb  # beside this script

from govkg.graph.build import build, sample_paths
from govkg.graph.outputs import write_outputs
from govkg.graph.sharded import NETWORK_FILES, RDF_FILES


def default_source() -> Path:
    corpus = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "releases"
    return corpus if corpus.is_dir() else sample_paths()[0].parent


def make_batch(source: Path, copies: int, folder: Path) -> int:
    """Copy every release file under new names; JSON records get new ids too."""
    files = sorted(p for p in source.iterdir() if p.is_file())
    count = 0
    for copy in range(copies):
        target = folder / f"c{copy:04d}"
        target.mkdir()
        for path in files:
            destination = target / f"c{copy:04d}-{path.name}"
            if path.suffix == ".json":
                record = json.loads(path.read_text(encoding="utf-8"))
                records = record if isinstance(record, list) else [record]
                for item in records:
                    if isinstance(item, dict) and "id" in item:
                        item["id"] = f"c{copy:04d}-{item['id']}"
                destination.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            else:
                shutil.copyfile(path, destination)
            count += 1
    return count


# Run in a fresh interpreter: its peak resident memory is the streaming writer's alone.
STREAMED = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
from memory import peak_mb
from govkg.graph.sharded import write_network_files, write_rdf_files
from govkg.graph.store import write_store
shards, out = sys.argv[1], Path(sys.argv[2])
start = time.perf_counter()
write_rdf_files(shards, out, run_chars=int(sys.argv[3]))
files = time.perf_counter()
write_store(out)
store = time.perf_counter()
write_network_files(out)
done = time.perf_counter()
peak, _ = peak_mb()
print(f"{files - start:.1f} {store - files:.1f} {done - store:.1f} {peak:.0f}")
"""
GRAPH_FILES = (*RDF_FILES, *NETWORK_FILES)
BENCH = Path(__file__).resolve().parent


def streamed(shards: Path, outdir: Path, run_chars: int) -> list[float]:
    """Seconds (RDF files, store, network views) and peak MB of writing them from shards, in a process
    of its own (sharded.write_from_shards, step by step)."""
    command = [sys.executable, "-c", STREAMED, str(shards), str(outdir), str(run_chars), str(BENCH)]
    figures = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return [float(x) for x in figures.split()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="folder of releases (default: the corpus)")
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    parser.add_argument("--no-write", action="store_true", help="build the graph only, write no files")
    parser.add_argument("--only", nargs="*", default=None, help="output files to write (default: all)")
    parser.add_argument("--streamed", action="store_true", help="also write the RDF files from the shards")
    parser.add_argument("--run-chars", type=int, default=40_000_000, help="sort run of --streamed")
    args = parser.parse_args(argv)
    source = args.source or default_source()
    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        batch = Path(tmp) / "in"
        batch.mkdir()
        files = make_batch(source, args.copies, batch)
        print(f"batch: {files} files from {source} x {args.copies}", flush=True)
        start = time.perf_counter()
        result = build([batch], workers=args.workers)
        built = time.perf_counter()
        n = len(result.extractions)
        print(
            f"extract + graph: {n} releases, {len(result.graph)} triples, {built - start:.1f} s, "
            f"{n / (built - start):.0f} releases/s",
            flush=True,
        )
        if not args.no_write:
            written = write_outputs(result, Path(tmp) / "out", only=args.only)
            done = time.perf_counter()
            sizes = ", ".join(f"{name} {path.stat().st_size / 1e6:.1f} MB" for name, path in written.items())
            print(f"write: {done - built:.1f} s ({sizes})")
        else:
            done = built
        own, children = peak_mb()[0], children_peak_mb()
        print(
            f"total: {done - start:.1f} s, {n / (done - start):.0f} releases/s; "
            f"peak memory {own:.0f} MB (main), {children:.0f} MB (largest worker); skipped {result.skipped}"
        )
        if args.streamed and not args.no_write:
            out, again = Path(tmp) / "out", Path(tmp) / "streamed"
            rdf, store, views, peak = streamed(out / "shards", again, args.run_chars)
            same = [name for name in GRAPH_FILES if (out / name).read_bytes() == (again / name).read_bytes()]
            print(
                f"from the shards: {rdf + store + views:.1f} s (RDF files {rdf:.1f} s, store {store:.1f} s, "
                f"network views {views:.1f} s), peak memory {peak:.0f} MB (run of {args.run_chars:,} "
                f"characters); byte-identical: {len(same)} of {len(GRAPH_FILES)} files"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
