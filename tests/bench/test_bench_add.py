"""bench/bench_add.py: the steps it times are the build's functions (a renamed one stops it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parents[2] / "bench"


def _with_bench_add(code: str) -> subprocess.CompletedProcess:
    """``code`` run in a fresh interpreter after importing bench/bench_add.py."""
    code = f"import sys; sys.path.insert(0, {str(BENCH)!r}); import bench_add\n{code}"
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_every_step_the_update_benchmark_times_is_a_function_of_the_build():
    # in a fresh interpreter: instrument() wraps the build's modules for good
    done = _with_bench_add("bench_add.instrument()")
    assert done.returncode == 0, done.stderr


def test_the_steps_of_a_child_process_are_in_the_table():
    # a build from nothing runs phases 1 and 2 in a forked child: their steps must not be lost
    done = _with_bench_add("""
import os, time
bench_add._record("here", time.time(), time.thread_time())
pid = os.fork()
if pid == 0:
    bench_add._record("resolve_kept", time.time(), time.thread_time())
    os._exit(0)
os.waitpid(pid, 0)
print([name for _, _, name, _ in bench_add.all_spans()])
""")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "['here', 'resolve_kept [other process]']"


def test_the_update_is_printed_as_a_share_of_the_full_build_given():
    done = _with_bench_add("""
print(bench_add.share(21.0, 420.0, "CPU"), bench_add.share(9.0, 180.0, "wall"))
print(bench_add.share(9.0, None, "wall"))
""")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [
        "['CPU 5.0 % (21.0 s of 420.0 s)'] ['wall 5.0 % (9.0 s of 180.0 s)']",
        "[]",
    ]


def test_repeated_updates_are_summed_by_step_and_given_with_their_medians():
    # a step timed twice in one run (both threads of the page index) is one figure; a step a run
    # lacks counts 0 there; a step under the least in every run is left out
    done = _with_bench_add("""
first = bench_add.step_cpu([(0.0, 1.0, "busy", 0.5), (0.5, 2.0, "page", 2.0), (1.0, 3.0, "busy", 0.75)])
second = bench_add.step_cpu([(0.0, 1.0, "page", 3.0), (1.0, 1.1, "tiny", 0.1)])
third = bench_add.step_cpu([(0.0, 1.0, "busy", 2.0), (1.0, 2.0, "page", 1.0)])
print(first)
print(bench_add.medians([first, second, third]))
""")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == [
        "{'busy': 1.25, 'page': 2.0}",
        "[('busy', [1.25, 0.0, 2.0], 1.25), ('page', [2.0, 3.0, 1.0], 2.0)]",
    ]


def test_repeated_updates_need_a_fresh_copy_each():
    for asked in (["--repeat", "2", "--in-place"], ["--repeat", "2", "--keep"], ["--repeat", "0"]):
        done = subprocess.run(
            [sys.executable, str(BENCH / "bench_add.py"), "built", "more", *asked],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 2, asked
        assert "--repeat N" in done.stderr, asked
