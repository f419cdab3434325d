"""bench/bench_names.py: it runs on the releases it is given and counts what the tagger reads
(a name of extract/lac.py that persons no longer calls stopped it once, unseen)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from govkg.graph.build import sample_paths

BENCH = Path(__file__).parents[2] / "bench"


def test_the_name_finder_benchmark_prints_its_figures_on_the_samples():
    source = sample_paths()[0].parent
    command = [sys.executable, str(BENCH / "bench_names.py"), "--source", str(source), "--repeat", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    rates = re.findall(r"rules (?:only|and tagger):\s+([0-9.]+) releases/s", done.stdout)
    assert len(rates) == 2 and all(float(rate) > 0 for rate in rates), done.stdout
    read = re.search(r"tagger read ([0-9.]+) % of the text \((\d+) calls", done.stdout)
    assert read and float(read.group(1)) > 0 and int(read.group(2)) > 0, done.stdout


def test_the_benchmark_counts_every_tagger_call_persons_makes():
    import govkg.extract.lac as lac
    import govkg.extract.persons as persons

    sys.path.insert(0, str(BENCH))
    try:
        import bench_names
    finally:
        sys.path.remove(str(BENCH))
    # lac's own functions that persons holds under their names
    tagger = {
        name
        for name, value in vars(lac).items()
        if getattr(value, "__module__", None) == lac.__name__ and getattr(persons, name, None) is value
    }
    assert tagger == set(bench_names.TAGGER_CALLS)
