"""Benchmark: build a large batch of releases and print releases per second and peak memory.

The corpus (or any folder of releases) is copied COPIES times under new file
names, so every copy is a release of its own, then built as ``govkg build``
would, outputs included. No assertions: this prints figures.

    python bench/bench_build.py --copies 100                 # ~20,000 releases
    python bench/bench_build.py --source path/to/releases --copies 10 --no-write
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from govkg.graph.build import build, sample_paths
from govkg.graph.outputs import write_outputs


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


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=None, help="folder of releases (default: the corpus)")
    parser.add_argument("--copies", type=int, default=100)
    parser.add_argument("--workers", type=int, default=None, help="processes (default: one per core)")
    parser.add_argument("--no-write", action="store_true", help="build the graph only, write no files")
    parser.add_argument("--only", nargs="*", default=None, help="output files to write (default: all)")
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
        own, children = peak_mb()
        print(
            f"total: {done - start:.1f} s, {n / (done - start):.0f} releases/s; "
            f"peak memory {own:.0f} MB (main), {children:.0f} MB (largest worker); skipped {result.skipped}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
