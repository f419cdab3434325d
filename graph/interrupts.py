"""Interrupts that unwind, and child processes that never outlive the build.

Ctrl-C (SIGINT) and SIGTERM at any point of a command: :func:`interruptible`
turns both into :class:`Interrupted`, a KeyboardInterrupt raised where the
program was, so that ``finally`` blocks and context managers run (a staging
folder is removed, forked writers are stopped); the command then says so in
one line and exits with 130 or 143, as a shell reports a process killed by
the signal. :func:`forked` forks a writer that the kernel kills when its
parent dies, even by SIGKILL, so that it never renames files in afterwards.

This module imports only the standard library: the console command installs
its handlers before anything heavy is imported (graph/__main__.py).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import pickle
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM, raised where the program was, so that cleanups run."""

    def __init__(self, signum: int) -> None:
        self.signum = signum
        super().__init__(signal.Signals(signum).name)

    @property
    def exit_status(self) -> int:
        """128 + the signal's number: 130 for SIGINT, 143 for SIGTERM (as a shell reports it)."""
        return 128 + self.signum


def exit_status(interrupt: KeyboardInterrupt) -> int:
    """The exit status of an interrupt: 143 after SIGTERM, 130 after Ctrl-C."""
    return interrupt.exit_status if isinstance(interrupt, Interrupted) else 128 + signal.SIGINT


# The signal the handler last raised in this process, while its handlers stand (interruptible()
# forgets it on entry): an import it broke may have lost it (interrupt_within).
_raised: int | None = None


def raise_interrupted(signum: int, frame) -> None:
    """A signal handler: raise :class:`Interrupted` where the program was."""
    global _raised
    _raised = signum
    raise Interrupted(signum)


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` (a KeyboardInterrupt) in the main thread.

    Outside the main thread (a server's worker, a test runner's thread) the
    handlers are left as they are.
    """
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    global _raised
    _raised = None
    previous = {sig: signal.signal(sig, raise_interrupted) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None) -> None:
    """Have the kernel kill this process when its parent dies (Linux); elsewhere, nothing.

    Called first thing in a forked child or a pool worker: a writer must not
    go on renaming files in after the build that started it was killed.
    ``parent`` is the parent's pid at fork time: if it is already gone, this
    process leaves at once.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if parent is not None and os.getppid() != parent:
        os._exit(1)


def interrupt_within(error: BaseException) -> KeyboardInterrupt | None:
    """The interrupt an exception was raised from, if any (its causes and contexts followed).

    An interrupt that lands while a compiled extension initialises comes back
    as an ImportError (pybind11 turns whatever its init raised into one), at
    times with the interrupt printed and dropped (numpy: "numpy._core.multiarray
    failed to import"): an ImportError after the handler raised one is that
    interrupt. Whoever catches errors to carry on must not take it for a failure.

    >>> try:
    ...     try:
    ...         raise Interrupted(signal.SIGTERM)
    ...     except KeyboardInterrupt as exc:
    ...         raise ImportError("initialization failed") from exc
    ... except ImportError as exc:
    ...     interrupt_within(exc)
    Interrupted('SIGTERM')
    """
    chain = list(_chain(error))
    interrupt = next((e for e in chain if isinstance(e, KeyboardInterrupt)), None)
    if interrupt is None and _raised is not None and any(isinstance(e, ImportError) for e in chain):
        return Interrupted(_raised)
    return interrupt


def _chain(error: BaseException | None) -> Iterator[BaseException]:
    """An exception and those it was raised from (causes and contexts), each once."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM held back in the block and received at its end (Linux; elsewhere, as they come)."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _pool_worker() -> None:
    """A pool worker's start: it dies with its parent, leaves interrupts to it, and lets through
    the signals held while it was forked (:func:`worker_pool`).

    Ctrl-C reaches every process of the terminal's group: the build stops its
    workers itself. A forked worker would also run the build's inherited
    handlers, which raise :class:`Interrupted` wherever the worker is; SIGTERM
    kills a worker outright instead.
    """
    die_with_parent()
    # What it inherited is left to reference counting: a collection would touch every object,
    # copying the pages it shares with the build (a pool started late in a build that holds much).
    gc.freeze()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


@contextlib.contextmanager
def worker_pool(workers: int) -> Iterator[ProcessPoolExecutor]:
    """A process pool whose workers die with this process (:func:`die_with_parent`), shut down
    however the block ends, its futures not yet started cancelled.

    The pool is started (its workers forked, its manager thread running) with
    SIGINT and SIGTERM held, as :func:`forked` forks: an interrupt landing
    there was lost in the fork's hooks, or left a thread made but not started
    that shutdown cannot join (``RuntimeError``, which would replace the
    interrupt and its exit status; should one come all the same, the workers
    are killed and the interrupt goes on). The workers let the signals
    through once started. A block left by an interrupt or an error kills the
    workers before shutting down: a worker blocked handing back a result
    nobody reads kept shutdown waiting for ever (a build of 100,000 releases
    stopped by SIGTERM).

    Workers are forked: a pool started late in a build that holds much makes
    each worker count that again, as reference counting copies the pages they
    share (phase 3 of 100,000 releases: two workers of 1.2 GB RSS, 0.65 GB
    PSS each). Spawned workers would not, but a spawned worker interrupted
    while it starts prints a traceback of its own.
    """
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_pool_worker)
    try:
        with signals_held():
            pool.submit(int)  # starts the pool whole (fork: every worker at the first task)
        yield pool
    except BaseException:
        _kill_workers(pool)  # their results are not wanted
        raise
    finally:
        try:
            with signals_held():  # an interrupt cutting shutdown short left workers that exit waited for
                pool.shutdown(cancel_futures=True)
        except RuntimeError:
            _kill_workers(pool)
        for process in getattr(pool, _RETIRED, ()):  # shut down before: ending, their tasks done
            with contextlib.suppress(OSError, ValueError, AssertionError):
                process.join(5)


def pool_workers(pool) -> list:
    """A process pool's worker processes, those of a pool retired (:func:`retire_workers`) too."""
    processes = getattr(pool, "_processes", None)
    return list(processes.values()) if processes else list(getattr(pool, _RETIRED, ()))


# Where retire_workers keeps a pool's processes: shutdown forgets them at once.
_RETIRED = "_govkg_retired_workers"


def retire_workers(pool) -> None:
    """Let a pool's workers end as soon as the tasks handed to it are done: the pool takes no more.

    Its futures still give their results; its workers are still those
    :func:`stop_workers` kills (a pool shut down without waiting forgets them).
    A build's last task for its pool (the Gephi files) ends while the build
    writes its page index: the workers, idle from then on, held their
    memory beside the index's until the build shut the pool (at 100,000
    releases, 300 MB of the process tree's peak).
    """
    with contextlib.suppress(AttributeError):
        setattr(pool, _RETIRED, pool_workers(pool))
    pool.shutdown(wait=False)


def _kill_workers(pool) -> None:
    for process in pool_workers(pool):
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


def stop_workers(pool, within: float = 5) -> None:
    """Kill a pool's workers and wait (at most ``within`` seconds each) until they are gone: a
    build that gives up the work it handed them removes their files once none can write more."""
    processes = pool_workers(pool)
    _kill_workers(pool)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(within)  # returns once the worker is dead (its sentinel closed)


def pickled_error(exc: BaseException) -> bytes:
    """An error of a forked child pickled for its parent: the error itself where it can be
    unpickled, else a RuntimeError with its traceback (a KeyboardInterrupt: one plain)."""
    if isinstance(exc, KeyboardInterrupt):
        exc = KeyboardInterrupt()
    try:
        data = pickle.dumps(exc, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(data)
        return data
    except Exception:
        text = "".join(traceback.format_exception(exc))[-20_000:]
        return pickle.dumps(RuntimeError(text))


def forked(child: Callable[[], int], started: Callable[[int], object]) -> int:
    """Fork a child that runs ``child()`` and leaves with its return value; returns the child's pid.

    SIGINT and SIGTERM are held back while forking and until ``started(pid)``
    has noted the child, so that an interrupt is neither lost in the fork's
    hooks nor raised before the parent knows the child it has to stop; the
    parent receives it right after. The child dies with its parent
    (:func:`die_with_parent`) and leaves by ``os._exit``, without running the
    parent's cleanups.
    """
    parent = os.getpid()
    held = {signal.SIGINT, signal.SIGTERM}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                die_with_parent(parent)
                signal.pthread_sigmask(signal.SIG_SETMASK, before)
                code = child()
            finally:
                os._exit(code)
        started(pid)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)
    return pid
