"""bench/bench_add.py: the steps it times are the build's functions (a renamed one stops it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def test_every_step_the_update_benchmark_times_is_a_function_of_the_build():
    # in a fresh interpreter: instrument() wraps the build's modules for good
    code = f"import sys; sys.path.insert(0, {str(BENCH)!r}); import bench_add; bench_add.instrument()"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
