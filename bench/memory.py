"""What the benchmarks say of memory and CPU time, read one way: a process's peak, its children's,
a tree's; the CPU seconds of a process or of its children.

- :func:`peak_mb`: this process's peak resident memory (``VmHWM``), and its
  resident memory now (``VmRSS``). VmHWM, not ``ru_maxrss``: Linux keeps
  ru_maxrss across exec, so a fresh interpreter started by a large process
  would report its parent's peak. ru_maxrss where /proc cannot be read.
- :func:`children_peak_mb`: the peak of the largest child process reaped
  (``ru_maxrss`` of ``RUSAGE_CHILDREN``: a pool's workers, once shut down).
- :class:`PeakMemory`: the peak of a process and all its descendants, sampled
  (a command, its pool or cluster, the writers it forks).
- :func:`cpu_seconds`: user and system CPU time of this process
  (``RUSAGE_SELF``) or of its children reaped (``RUSAGE_CHILDREN``).

Imported by the scripts beside it (``from memory import peak_mb``); a script
run with ``python -c`` puts this folder on ``sys.path`` first.
"""

from __future__ import annotations

import contextlib
import resource
import threading
from pathlib import Path


def _status(text: str) -> dict[str, float]:
    """The memory lines of a /proc status file, in MB.

    >>> _status("Name:\\tpython\\nVmHWM:\\t  204800 kB\\nVmRSS:\\t  102400 kB\\n")
    {'VmHWM': 200.0, 'VmRSS': 100.0}
    """
    found = {}
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.startswith("Vm") and value.strip().endswith("kB"):
            found[key] = int(value.split()[0]) / 1024
    return found


def peak_mb() -> tuple[float, float]:
    """This process's (peak, current) resident memory in MB: VmHWM and VmRSS."""
    try:
        found = _status(Path("/proc/self/status").read_text())
        return found["VmHWM"], found["VmRSS"]
    except (OSError, KeyError):
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        return own, own


def heap_figures() -> dict[str, float]:
    """What this process holds, in MB, as one step of a build ends and the next starts: resident
    (``Rss``), anonymous (``Anonymous``: the heaps, Python's arenas, threads' stacks) and mapped
    from files, from /proc/self/smaps_rollup; the C library's heap, in use and free, and its
    blocks mapped apart (glibc's ``mallinfo2``, every arena; free memory stays resident until
    given back, as extract/identity.py's ``give_back_memory`` does, but counts as free either
    way: read the resident figure beside it); the blocks Python has allocated, in millions; what
    Arrow's memory pool holds (pyarrow's ``total_allocated_bytes``, once pyarrow is imported) and
    the Python allocations traced (tracemalloc, while it traces). Each figure only where it can be
    read."""
    import ctypes
    import sys

    found: dict[str, float] = {}
    try:
        for line in Path("/proc/self/smaps_rollup").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("Rss", "Anonymous") and value.strip().endswith("kB"):
                found[key.lower()] = int(value.split()[0]) / 1024
        found["files"] = found["rss"] - found["anonymous"]
    except (OSError, KeyError):
        found.clear()

    class _Mallinfo2(ctypes.Structure):
        _fields_ = [
            (name, ctypes.c_size_t)
            for name in "arena ordblks smblks hblks hblkhd usmblks fsmblks uordblks fordblks keepcost".split()
        ]

    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        mallinfo2 = None
    if mallinfo2 is not None:
        mallinfo2.restype = _Mallinfo2
        info = mallinfo2()
        found |= {
            "heap used": info.uordblks / 1e6,
            "heap free": info.fordblks / 1e6,
            "mmapped": info.hblkhd / 1e6,
        }
    found["python blocks (M)"] = sys.getallocatedblocks() / 1e6
    if "pyarrow" in sys.modules:  # Arrow's own pool (jemalloc or mimalloc), apart from glibc's heap
        found["arrow"] = sys.modules["pyarrow"].total_allocated_bytes() / 1e6
    import tracemalloc

    if tracemalloc.is_tracing():  # Python's allocations, where they are traced (bench_memory --trace)
        found["traced"] = tracemalloc.get_traced_memory()[0] / 1e6
    return found


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    """User and system CPU seconds of ``who``: ``resource.RUSAGE_SELF`` or ``RUSAGE_CHILDREN``."""
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def children_peak_mb() -> float:
    """The peak resident memory in MB of the largest child process reaped so far."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


class PeakMemory:
    """The peak of the memory of a process and all its descendants, sampled.

    Summed as proportional set sizes (PSS: a page shared by n processes counts
    1/n in each), so forked writers that share their parent's pages are not
    counted twice; as resident sizes (RSS) where PSS cannot be read.
    """

    def __init__(self, pid: int, every: float = 0.2) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.every = every
        self.peak = 0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        while not self.stopped.is_set():
            try:
                processes = [self.root, *self.root.children(recursive=True)]
            except psutil.Error:
                break
            total = 0
            for process in processes:
                try:
                    total += process.memory_full_info().pss
                except (psutil.Error, AttributeError):
                    try:
                        total += process.memory_info().rss
                    except psutil.Error:
                        pass
            self.peak = max(self.peak, total)
            self.stopped.wait(self.every)

    def stop(self) -> float:
        """Stop sampling; the peak in MB."""
        self.stopped.set()
        self.thread.join()
        return self.peak / 1e6


def serial_page_index() -> None:
    """Make the page index run its side tasks one after the other in this thread, after the main
    ones (graph/indexing.py ``_beside``), not on a second thread: for a profile or a step's memory
    taken alone. The same files are written."""
    from govkg.graph import indexing

    @contextlib.contextmanager
    def serial(run, tasks):
        yield
        for task in tasks:
            run(*task)

    indexing._beside = serial


def bracketed(function, enter, leave):
    """``function`` (a function or a generator function) with ``enter()`` called as it starts
    and ``leave(what enter gave)`` as it ends, however it ends: the benchmarks' probes around
    a build's steps."""
    import functools
    import inspect

    if inspect.isgeneratorfunction(function):

        @functools.wraps(function)
        def run(*args, **kwargs):
            entered = enter()
            try:
                yield from function(*args, **kwargs)
            finally:
                leave(entered)

    else:

        @functools.wraps(function)
        def run(*args, **kwargs):
            entered = enter()
            try:
                return function(*args, **kwargs)
            finally:
                leave(entered)

    return run
