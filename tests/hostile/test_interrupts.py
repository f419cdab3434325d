"""Interrupting a real build at random moments (SIGINT, SIGTERM, SIGKILL): the output
folder is always the previous build or the new one, whole, and no process of the
build is left running. Small inputs keep each try short; the writers are forked
(as in a large build) so that their fate is tested too."""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from govkg.graph.build import sample_paths
from govkg.graph.incremental import outputs_current
from govkg.graph.interrupts import Interrupted, pool_workers, retire_workers, stop_workers, worker_pool
from govkg.graph.outputs import WRITERS


def start(inputs: list[Path], out: Path) -> subprocess.Popen:
    """A real ``govkg build``, with the writers forked as in a build of thousands of releases."""
    command = [sys.executable, "-m", "govkg.graph", "build", *map(str, inputs), "-o", str(out)]
    command += ["-q", "--no-check", "--writers", "2"]
    return subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)


def finish(process: subprocess.Popen) -> tuple[int, str]:
    """Its exit status and what it said on stderr."""
    _, stderr = process.communicate(timeout=120)
    return process.returncode, stderr.decode("utf-8", "replace")


def contents(out: Path) -> dict[str, str]:
    """Digest of every file a reader uses: the graph files and the shards."""
    found = {name: hashlib.sha256((out / name).read_bytes()).hexdigest() for name in WRITERS}
    for shard in sorted((out / "shards").iterdir()):
        found[f"shards/{shard.name}"] = hashlib.sha256(shard.read_bytes()).hexdigest()
    return found


def recorded_inputs(out: Path) -> set[str]:
    return set(json.loads((out / "cache" / "build.json").read_text(encoding="utf-8"))["files"])


def group_alive(pgid: int) -> list[int]:
    """Processes still in the build's process group."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def wait_for_handlers(process: subprocess.Popen) -> None:
    """Until the process catches SIGTERM: the interpreter's own start is no part of govkg."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        try:
            status = Path(f"/proc/{process.pid}/status").read_text()
        except OSError:
            return
        caught = int(next(line for line in status.splitlines() if line.startswith("SigCgt:")).split()[1], 16)
        if caught & (1 << (signal.SIGTERM - 1)):
            return
        time.sleep(0.001)


def wait_for_staging(out: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and process.poll() is None:
        if any(out.parent.glob(f".{out.name}.staging.{process.pid}.*")):
            return
        time.sleep(0.002)


@pytest.mark.skipif(
    not Path("/proc").is_dir() or not hasattr(os, "fork"), reason="needs Linux /proc and fork"
)
def test_an_interrupted_build_leaves_one_whole_build_and_no_process(tmp_path):
    samples = sample_paths()
    inputs = {"a": samples[:1], "b": samples[1:3]}
    expected = {}
    for key, paths in inputs.items():
        reference = tmp_path / f"ref-{key}"
        assert finish(start(paths, reference))[0] == 0
        expected[key] = (contents(reference), {str(p) for p in paths})
    out = tmp_path / "out"
    assert finish(start(inputs["a"], out))[0] == 0
    state = "a"
    rng = random.Random(13)
    signals = [signal.SIGINT, signal.SIGTERM, signal.SIGKILL] * 7
    for attempt, sig in enumerate(signals[:20]):
        other = "b" if state == "a" else "a"
        process = start(inputs[other], out)
        if attempt % 2:
            wait_for_handlers(process)
            time.sleep(rng.uniform(0, 0.8))  # anywhere: importing, reading, extracting, writing
        else:
            wait_for_staging(out, process)  # while the files are being written
            time.sleep(rng.uniform(0, 0.15))
        finished_first = process.poll() is not None
        with_signal = not finished_first
        if with_signal:
            os.killpg(process.pid, sig) if sig == signal.SIGKILL else process.send_signal(sig)
        code, stderr = finish(process)
        deadline = time.monotonic() + 5
        while group_alive(process.pid) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert group_alive(process.pid) == [], f"try {attempt}: a process of the build outlived it"
        found = contents(out)
        now = next((key for key, (files, _) in expected.items() if files == found), None)
        assert now in (state, other), f"try {attempt} ({sig.name}): the folder mixes two builds"
        assert recorded_inputs(out) == expected[now][1]
        assert outputs_current(out)  # the store stands for these very files
        if with_signal and code != 0 and sig != signal.SIGKILL:
            assert code == {signal.SIGINT: 130, signal.SIGTERM: 143}[sig], stderr
            assert "Traceback" not in stderr and len(stderr.strip().splitlines()) == 1, stderr
        state = now
    # A staging folder an interrupted build could not remove (a store's files still
    # open, SIGKILL) is removed by the next build into the folder.
    assert finish(start(inputs["b" if state == "a" else "a"], out))[0] == 0
    assert not list(out.parent.glob(f".{out.name}.*")), "a staging folder was left"


def ended(worker, within: float = 10) -> bool:
    """Whether a pool's worker process has ended: reaped here, or by the pool's own thread
    (then only that thread learns its exit, and ``is_alive`` here stays true: its pid is gone)."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        worker.join(0.1)
        if not worker.is_alive():
            return True
        try:
            os.kill(worker.pid, 0)
        except ProcessLookupError:
            return True
    return False


def test_a_pool_interrupted_while_it_starts_is_stopped_and_the_interrupt_goes_on(monkeypatch):
    """An interrupt can land while a pool starts its manager thread; shutting that pool
    down raises RuntimeError, which must neither replace the interrupt nor leave workers."""
    with pytest.raises(Interrupted) as raised:
        with worker_pool(2) as pool:
            assert pool.submit(os.getpid).result() != os.getpid()
            workers = list(pool._processes.values())

            def shutdown_of_a_pool_not_started(**_):
                raise RuntimeError("cannot join thread before it is started")

            monkeypatch.setattr(pool, "shutdown", shutdown_of_a_pool_not_started)
            raise Interrupted(signal.SIGTERM)
    assert raised.value.exit_status == 143
    assert all(ended(worker) for worker in workers)
    monkeypatch.undo()
    pool.shutdown()


def test_an_interrupt_while_a_compiled_module_loads_is_no_failed_release(monkeypatch):
    """pybind11 turns an interrupt during a module's initialisation into an ImportError:
    the batch must stop on it, not skip the release as failed and carry on."""
    import importlib

    from govkg.extract import Release

    build = importlib.import_module("govkg.graph.build")

    def extract_while_interrupted(release):
        try:
            raise Interrupted(signal.SIGINT)
        except KeyboardInterrupt as exc:
            raise ImportError("initialization failed") from exc

    monkeypatch.setattr(build, "extract", extract_while_interrupted)
    with pytest.raises(Interrupted):
        build.extract_each([Release(id="r1", text="会议召开。")])

    def extract_broken(release):
        raise ImportError("no module named onnxruntime")

    monkeypatch.setattr(build, "extract", extract_broken)
    extractions, errors = build.extract_each([Release(id="r1", text="会议召开。")])
    assert extractions == [] and "no module named onnxruntime" in errors[0].problem


def test_an_import_an_interrupt_broke_without_a_trace_is_that_interrupt():
    """numpy prints the interrupt that broke its import and raises an ImportError of its own,
    with no cause: after the handler raised one, such an error is the interrupt (exit 143, not
    1); an ImportError with no interrupt raised is a failure, as before."""
    from govkg.graph.interrupts import interrupt_within, interruptible, raise_interrupted

    cut = ImportError("numpy._core.multiarray failed to import")
    with interruptible():
        assert interrupt_within(cut) is None  # no signal came
        with pytest.raises(Interrupted):
            raise_interrupted(signal.SIGTERM, None)
        interrupt = interrupt_within(cut)
        assert isinstance(interrupt, Interrupted) and interrupt.exit_status == 143
        assert interrupt_within(OSError("disk full")) is None  # only an import it may have broken
    with interruptible():
        assert interrupt_within(cut) is None  # the next command's handlers start afresh


def _interrupt_self() -> int:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(0.2)  # the signal is handled by now, if the worker has a handler
    return os.getpid()


def test_pool_workers_leave_interrupts_to_the_build():
    """Ctrl-C reaches every process of the group: a worker carries on (the build stops it),
    rather than dying mid-task and leaving the pool broken."""
    with worker_pool(1) as pool:
        assert pool.submit(_interrupt_self).result(timeout=60) != os.getpid()


def test_a_pool_left_by_an_interrupt_kills_its_workers_at_once():
    """The build does not wait for the tasks running when it is interrupted (a worker blocked
    handing back a result would keep it waiting for ever)."""
    with pytest.raises(Interrupted):
        with worker_pool(1) as pool:
            assert pool.submit(os.getpid).result() != os.getpid()
            (worker,) = pool._processes.values()
            pool.submit(time.sleep, 120)
            left = time.monotonic()
            raise Interrupted(signal.SIGINT)
    assert time.monotonic() - left < 60  # not the two minutes of the task
    assert ended(worker)


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_a_retired_pool_s_workers_end_with_its_last_task_and_give_its_result():
    """A build's last task for its pool (the Gephi files) ends while it writes its page index:
    the workers end then, not when the build shuts the pool down after the index."""
    with worker_pool(2) as pool:
        workers = pool_workers(pool)
        assert len(workers) == 2
        last = pool.submit(_pid_after, 0.5)
        retire_workers(pool)
        with pytest.raises(RuntimeError):
            pool.submit(os.getpid)  # it takes no more
        assert last.result(timeout=60) in {worker.pid for worker in workers}
        assert all(ended(worker) for worker in workers)  # the block not left yet


def test_a_retired_pool_s_busy_worker_is_still_stopped():
    """A build failing while the retired pool's worker writes stops that worker before it
    removes the files the worker writes."""
    with worker_pool(1) as pool:
        (worker,) = pool_workers(pool)
        pool.submit(time.sleep, 120)
        retire_workers(pool)
        left = time.monotonic()
        stop_workers(pool)
        assert ended(worker)
        assert time.monotonic() - left < 60  # not the two minutes of the task
