"""bench/memory.py: the one reading of peak memory the benchmarks share."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def _memory():
    spec = importlib.util.spec_from_file_location("bench_memory", BENCH / "memory.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_peak_grows_with_what_the_process_touches():
    memory = _memory()
    before, _ = memory.peak_mb()
    block = bytearray(96 * 1024 * 1024)
    block[::4096] = b"\1" * len(block[::4096])  # every page touched: resident
    peak, now = memory.peak_mb()
    assert peak >= before + 80 and now <= peak
    del block


def test_a_fresh_interpreter_reports_its_own_peak_not_its_parents():
    # ru_maxrss survives exec on Linux: a script started by a large process would report that one's.
    block = bytearray(160 * 1024 * 1024)
    block[::4096] = b"\1" * len(block[::4096])
    code = f"import sys; sys.path.insert(0, {str(BENCH)!r}); import memory; print(memory.peak_mb()[0])"
    child = float(
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    )
    assert child < 120
    del block
