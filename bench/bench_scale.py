"""Benchmark at scale: corpora of 10k / 50k / 100k releases, built end to end as ``govkg build`` does.

For each size it generates the corpus (bench/gen_corpus.py: new officials and
places per copy), then prints, side by side:

- the full build, one process (its process pool) and on a Dask LocalCluster:
  seconds, releases/s and the peak memory of the whole process tree (the
  command, its pool or cluster, and the writers it forks), sampled;
- adding 100 new releases to the built folder (``govkg build --add``, run by
  bench_add.py, which prints the wall span and CPU of each of its steps), and
  rebuilding with nothing changed, against the full build's time;
- each named SPARQL query (``ontology/queries``) on the build's store: bound to
  the busiest value, its first page of 100, and its whole answer (CPU seconds);
- at the end, each full build's peak against issue #11's target (at most
  2 GB, the same at every size) and how much it grew with the corpus.

No assertions: it prints figures. Run it niced on a shared machine:

    nice -n 10 python bench/bench_scale.py --sizes 10000 50000 100000
    python bench/bench_scale.py --sizes 2000 --no-dask          # a quick look
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from bench_queries import typical_values  # noqa: E402
from gen_corpus import generate  # noqa: E402
from memory import PeakMemory  # noqa: E402

from govkg.graph.page_index import PageIndex  # noqa: E402
from govkg.graph.sparql import named_queries, open_store, query_store  # noqa: E402


def run(command: list[str]) -> tuple[float, float, int]:
    """Run a command; its wall seconds, the peak MB of its process tree, its exit status."""
    seconds, peak, status, _ = _measured(command)
    return seconds, peak, status


def govkg(*args: str, quiet: bool = True) -> list[str]:
    return [sys.executable, "-m", "govkg.graph", "build", *args, *(["-q"] if quiet else []), "--no-check"]


def run_output(command: list[str]) -> tuple[float, float, str]:
    """Run a command; its wall seconds, the peak MB of its process tree, its standard output."""
    seconds, peak, _, out = _measured(command)
    return seconds, peak, out


def _measured(command: list[str]) -> tuple[float, float, int, str]:
    """Run a command, sampling its process tree's memory: seconds, peak MB, exit status, standard output.

    Its standard error is shown when it fails (exit status other than 0, or 3: some inputs skipped).
    """
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    meter = PeakMemory(process.pid)
    out, err = process.communicate()
    seconds = time.perf_counter() - start
    peak = meter.stop()
    if process.returncode not in (0, 3):
        sys.stderr.write(err.decode("utf-8", "replace")[-2000:])
    return seconds, peak, process.returncode, out.decode("utf-8", "replace")


def same_build(first: Path, second: Path) -> bool:
    """Whether two build folders hold the same RDF files, identity.tsv and shards, byte for byte."""
    names = ["graph.nt", "graph.ttl", "graph.trig", "graph.jsonld", "identity.tsv"]
    names += sorted(p.relative_to(first).as_posix() for p in (first / "shards").iterdir())
    return all((first / name).read_bytes() == (second / name).read_bytes() for name in names)


def time_queries(folder: Path) -> list[tuple[str, float, float, float, int]]:
    """Each named query's CPU seconds bound to the busiest value of its parameters (as
    bench_queries.py picks them; NaN for a query without one), its first page of 100
    unbound (``govkg query --first 100``) and its whole answer unbound, and the whole
    answer's rows; read as ``govkg query`` reads them, from the build's page index too
    (graph/page_index.py) where it has them."""
    store = open_store(folder)
    index = PageIndex.of(folder)
    busiest = typical_values(store)
    rows = []
    for name, query in sorted(named_queries().items()):
        bindings = {p: busiest[p] for p in query.parameters if p in busiest}
        bound = _cpu(query_store, store, query, bindings, index=index)[0] if bindings else float("nan")
        page, _ = _cpu(query_store, store, query, first=100, index=index)
        whole, result = _cpu(query_store, store, query, index=index)
        rows.append((name, bound, page, whole, len(result.solutions)))
    return rows


def _cpu(function, *args, **kwargs):
    """The CPU seconds of a call, and what it returned."""
    start = time.process_time()
    value = function(*args, **kwargs)
    return time.process_time() - start, value


def bench_size(
    size: int,
    tmp: Path,
    dask: bool,
    batch: int,
    given: tuple[Path, Path] | None = None,
    keep: Path | None = None,
) -> tuple[int, float]:
    """Build one corpus and print its figures; returns (releases, peak MB of the full build)."""
    if given:
        corpus, more = given
        made = sum(1 for p in corpus.rglob("*") if p.is_file())
    else:
        corpus, more = tmp / f"corpus{size}", tmp / f"more{size}"
        made = generate(size, corpus)
        extra_copy = made // 100 + 10  # a copy number the corpus has not used
        generate(100, more, first_copy=extra_copy)
    print(f"\n== {made} releases (corpus), +100 to add; batches of {batch} files ==", flush=True)
    out = tmp / f"out{size}"
    seconds, peak, _ = run(govkg(str(corpus), "-o", str(out), "--batch", str(batch)))
    print(
        f"full build, one process : {seconds:7.1f} s  {made / seconds:6.0f} releases/s  peak {peak:6.0f} MB"
    )
    if dask:
        dask_out = tmp / f"dask{size}"
        d_seconds, d_peak, _ = run(
            govkg(str(corpus), "-o", str(dask_out), "--dask", "local", "--batch", str(batch))
        )
        same = same_build(out, dask_out)
        print(
            f"full build, LocalCluster: {d_seconds:7.1f} s  {made / d_seconds:6.0f} releases/s  "
            f"peak {d_peak:6.0f} MB"
            f"  (x{seconds / d_seconds:.2f}; files and shards {'byte-identical' if same else 'DIFFER'})"
        )
        shutil.rmtree(dask_out, ignore_errors=True)
    # the --add as govkg build runs it, its steps timed (bench_add.py, in place)
    add = [str(BENCH / "bench_add.py"), str(out), str(more), "--in-place", "--summary", "--batch", str(batch)]
    a_seconds, a_peak, said = run_output([sys.executable, *add])
    shards = next((line for line in said.splitlines() if line.startswith("shards:")), "shards: ?")
    print(
        f"add 100 releases (--add) : {a_seconds:7.1f} s  = {100 * a_seconds / seconds:5.1f} % of the full"
        f"  peak {a_peak:6.0f} MB  ({shards})"
    )
    print("  its steps (wall span from its start, CPU of the thread that ran each):")
    for line in said.splitlines():
        if (line.startswith("  ") and "CPU" in line) or line.startswith("wall "):
            print(f"  {line.strip()}")
    n_seconds, _, _ = run(govkg("--add", "-o", str(out)))
    print(f"rebuild, nothing changed: {n_seconds:7.1f} s  = {100 * n_seconds / seconds:5.1f} % of the full")
    sizes = {p.name: p.stat().st_size for p in out.iterdir() if p.is_file()}
    store_size = sum(p.stat().st_size for p in (out / "store").rglob("*") if p.is_file())
    cache_size = sum(p.stat().st_size for p in (out / "cache").rglob("*") if p.is_file())
    print(
        f"sizes: graph.nt {sizes.get('graph.nt', 0) / 1e6:.0f} MB, store {store_size / 1e6:.0f} MB, "
        f"cache {cache_size / 1e6:.0f} MB, all files {sum(sizes.values()) / 1e6:.0f} MB"
    )
    print("named queries on the store, CPU s: bound to the busiest value, first page of 100, whole:")
    for name, bound, page, whole, count in time_queries(out):
        print(f"  {name:<24} {bound:6.3f} {page:6.3f} {whole:7.3f} s  {count:7d} rows")
    if keep is not None:  # the build, with the 100 added, for a closer look at its store
        shutil.rmtree(keep / out.name, ignore_errors=True)
        shutil.move(out, keep / out.name)
        print(f"build kept in {keep / out.name}")
    shutil.rmtree(out, ignore_errors=True)
    if not given:
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.rmtree(more, ignore_errors=True)
    return made, peak


# Issue #11's target for a build's memory: the whole process tree at most this, at every size.
TARGET_MB = 2048


def print_peaks(peaks: list[tuple[int, float]]) -> None:
    """The full builds' peaks side by side, against the target: at most TARGET_MB, and flat (the
    same at every size: set by the batch, not the corpus)."""
    target = f"at most {TARGET_MB} MB, the same at every size"
    print(f"\npeak memory of the full build (process tree; target: {target}):")
    for made, peak in peaks:
        verdict = "within" if peak <= TARGET_MB else "OVER"
        print(f"  {made:>9,} releases  {peak:6.0f} MB  ({verdict} the target)")
    if len(peaks) > 1:
        (small, low), (large, high) = min(peaks), max(peaks)
        print(f"  {large / small:.0f} times the releases: x{high / low:.2f} the peak")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--no-dask", action="store_true", help="skip the LocalCluster build")
    parser.add_argument("--tmp", type=Path, default=None, help="scratch folder (default: a temporary one)")
    parser.add_argument("--batch", type=int, default=500, help="files mapped at a time (govkg build --batch)")
    parser.add_argument(
        "--corpus",
        type=Path,
        nargs=2,
        metavar=("CORPUS", "MORE"),
        default=None,
        help="use these folders (made by gen_corpus.py: the corpus, 100 more releases) instead of --sizes",
    )
    parser.add_argument(
        "--keep", type=Path, default=None, help="move each build folder here (outN) instead of deleting it"
    )
    args = parser.parse_args(argv)
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
    load = os.getloadavg()
    print(f"machine: {os.cpu_count()} cores, load average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at start")
    if args.tmp is not None:
        args.tmp.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="govkg-scale-", dir=args.tmp) as tmp:
        peaks = []
        if args.corpus:
            peaks.append(
                bench_size(0, Path(tmp), not args.no_dask, args.batch, tuple(args.corpus), args.keep)
            )
        for size in [] if args.corpus else args.sizes:
            peaks.append(bench_size(size, Path(tmp), not args.no_dask, args.batch, keep=args.keep))
    print_peaks(peaks)
    load = os.getloadavg()
    print(f"\nload average {load[0]:.1f} {load[1]:.1f} {load[2]:.1f} at the end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
