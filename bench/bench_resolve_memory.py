"""Benchmark: what identity resolution holds, step by step, resolving a build's rows from nothing.

Reads the rows a build keeps in its cache (bench_identity.py's ``load_rows``:
values shared, as the build's child holds them; the cache opened read-only),
then runs ``resolve_kept`` from an empty state in a temporary folder, as a
build from nothing does in its child process (graph/incremental.py), and
prints what this process holds (memory.heap_figures: resident, anonymous,
glibc's heap in use and free, Python's blocks; and pymalloc's arenas) once
the rows are read and at each ``Resolved.flush`` (after step 1, step 2, step
3 and the keys: the line of extract/resolved.py it was called from), then the
peak resident memory (sampled) and the CPU. Asserts nothing.

    nice python bench/bench_resolve_memory.py /tmp/out30k
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

from bench_identity import load_rows  # beside this script
from memory import heap_figures, peak_mb  # beside this script

from govkg.extract import resolved
from govkg.graph.cache import code_fingerprint


def arenas() -> int:
    """pymalloc's arenas allocated now (sys._debugmallocstats, which writes to file descriptor 2)."""
    read, write = os.pipe()
    saved = os.dup(2)
    os.dup2(write, 2)
    os.close(write)
    try:
        sys._debugmallocstats()
    finally:
        os.dup2(saved, 2)
        os.close(saved)
    os.set_blocking(read, False)
    data = b""
    with contextlib.suppress(BlockingIOError):
        while chunk := os.read(read, 1 << 16):
            data += chunk
    os.close(read)
    found = re.search(rb"# arenas allocated current\s*=\s*([\d,]+)", data)
    return int(found.group(1).replace(b",", b"")) if found else -1


def line(what: str) -> None:
    shown = "  ".join(f"{key} {value:6.1f}" for key, value in heap_figures().items())
    print(f"  {what:<24} {shown}  arenas {arenas()}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a build's output folder")
    args = parser.parse_args(argv)

    rows = load_rows(args.folder)
    table = {row.release: row for row in sorted(rows, key=lambda row: row.release)}
    del rows
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"{len(table)} releases of {args.folder}; load average {load}")
    line("rows held")
    peak = [0.0]
    stopped = threading.Event()

    def sample() -> None:
        while not stopped.is_set():
            peak[0] = max(peak[0], peak_mb()[1])
            stopped.wait(0.05)

    flush = resolved.Resolved.flush

    def noted(state) -> None:
        flush(state)
        line(f"flush from line {traceback.extract_stack(limit=2)[0].lineno}")

    resolved.Resolved.flush = noted
    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    began = time.process_time()
    try:
        with tempfile.TemporaryDirectory() as folder:
            state = resolved.Resolved(Path(folder) / "identity.sqlite")
            resolved.resolve_kept(table, {rid: rid for rid in table}, state, code_fingerprint())
            cpu = time.process_time() - began
            line("resolved")
            state.db.close()
    finally:
        resolved.Resolved.flush = flush
        stopped.set()
        sampler.join()
    print(f"resolve_kept: CPU {cpu:.1f} s, peak resident {peak[0]:.0f} MB (sampled)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
