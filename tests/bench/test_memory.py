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


def _bench_memory():
    sys.path.insert(0, str(BENCH))  # bench_memory imports its neighbours
    try:
        spec = importlib.util.spec_from_file_location("bench_memory_script", BENCH / "bench_memory.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


def test_a_step_counts_the_workers_it_started_and_those_that_ended_within_it():
    cores_within = _bench_memory().cores_within
    # (seconds, {pid: CPU s}, the sampler's CPU s); pid 1 the command, 2 a pool worker started
    # after the step's first sample, 3 one that ended before its last
    cpu = [
        (10.0, {1: 5.0, 3: 2.0}, 0.0),
        (11.0, {1: 5.2, 2: 0.9, 3: 2.9}, 0.0),
        (12.0, {1: 5.4, 2: 1.9}, 0.0),
    ]
    assert abs(cores_within(cpu, 1, 10.0, 12.0) - (0.4 + 1.9 + 0.9) / 2) < 1e-9
    # the sampler's own CPU is not the tree's work
    sampled = [(t, each, own * 0.5) for own, (t, each, _) in enumerate(cpu)]
    assert abs(cores_within(sampled, 1, 10.0, 12.0) - (3.2 - 1.0) / 2) < 1e-9
    # one sample inside: no span to divide by
    assert cores_within(cpu, 1, 10.5, 11.5) != cores_within(cpu, 1, 10.5, 11.5)  # nan
