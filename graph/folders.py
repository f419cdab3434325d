"""An output folder that changes as a whole, and processes that stop as a whole.

:func:`staged_folder` gives a writer a staging folder beside ``OUT`` and, when
the writer is done, swaps it in for ``OUT`` in one step: on Linux with
``renameat2(RENAME_EXCHANGE)``, which exchanges two folders atomically, and
elsewhere with two renames (``OUT`` moved aside, the staging folder moved in;
a reader may then find no ``OUT`` for that instant, never a mixed one). The
previous build stays in place until the swap has succeeded and is removed
after it. A writer that fails or is interrupted leaves ``OUT`` as it was;
staging folders left by a process that was killed are removed by the next
build into the same folder. Readers, and an interrupted build, only ever see
one complete build.

A writer's scratch files and folders inside a build (temporary files, a link
to the previous graph.nt, the tables' work folder) are named by
:func:`scratch`, with the writer's process id: a build into a folder written
in place, killed (SIGKILL), leaves them in ``OUT`` itself, and the next build
removes those whose writer no longer runs (:func:`remove_leftovers`), never a
live reader's or writer's.

Each file in it is written by :func:`atomic_open` (:func:`atomic_write`): to a
temporary file beside it, renamed into place when whole.

The mechanism knows nothing of what is written. Entries of the previous
build that a writer updates incrementally (a cache, shards) can be
``carry``-ed: hard-linked into the staging folder, so that the writer finds
them; writers must replace such files (write a temporary file and rename it),
never write into them, or the previous build would change too.

Interrupts and child processes: graph/interrupts.py.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

_STAGING = "staging"
_OLD = "old"


def atomic_write(path: str | Path, data: bytes | str | Iterable[str], sync: bool = True) -> Path:
    """Write a file so that a crash or Ctrl-C never leaves it half-written (``sync``: :func:`atomic_open`).

    ``data`` is the whole file, or its pieces of text in order (a generator:
    a file larger than memory is never held whole).
    """
    if isinstance(data, (str, bytes)):
        with atomic_open(path, "wb", sync) as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
    else:
        with atomic_open(path, "w", sync) as handle:
            handle.writelines(data)
    return Path(path)


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", sync: bool = True, buffering: int = -1) -> Iterator[IO]:
    """A file to write piece by piece (``"w"``: UTF-8 text, ``"wb"``: bytes), put in place whole on success.

    What :func:`atomic_write` does for a file too large to hold in memory: the
    pieces go to a temporary file beside ``path``, which replaces ``path``
    only when the ``with`` block ends without an error. With ``sync`` its
    bytes reach the disk before it does; files written by the thousand (a
    build's shards, made again from the cache if lost) pass ``sync=False``.
    ``buffering`` is ``open``'s (a large buffer: fewer, larger writes of a large file).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    # readable too: a writer may read back what it wrote (graph/sharded.py's release graphs)
    fd, tmp = scratch_file(os.fspath(path), os.O_RDWR)
    try:
        text = {"w": {"encoding": "utf-8", "newline": "\n"}, "wb": {}}[mode]
        with os.fdopen(fd, mode, buffering, **text) as handle:
            yield handle
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def scratch(path: str | Path, kind: str) -> Path:
    """A writer's scratch entry beside ``path``: ``.NAME.PID.HEX.KIND``, PID this process's.

    What a writer killed before removing it leaves, :func:`remove_leftovers`
    removes once PID no longer runs (``kind``: lower-case letters).

    >>> scratch("out/graph.nt", "previous").name.startswith(f".graph.nt.{os.getpid()}.")
    True
    """
    return Path(scratch_path(os.fspath(path), kind))


def scratch_path(path: str, kind: str) -> str:
    """:func:`scratch` of a path given and returned as a string (a file written by the thousand).

    >>> scratch_path("out/a.nq", "tmp").startswith(f"out/.a.nq.{os.getpid()}.")
    True
    """
    folder, name = os.path.split(path)
    return os.path.join(folder, f".{name}.{os.getpid()}.{secrets.token_hex(4)}.{kind}")


def scratch_file(path: str, flags: int = os.O_WRONLY) -> tuple[int, str]:
    """A new file beside ``path`` under a :func:`scratch_path` name, opened with ``flags``: its
    descriptor and path. Not tempfile.mkstemp: its files are private (0600); outputs get the
    permissions the user's umask gives any new file."""
    while True:
        tmp = scratch_path(path, "tmp")
        try:
            return os.open(tmp, flags | os.O_CREAT | os.O_EXCL, 0o666), tmp
        except FileExistsError:
            continue


def scratch_folder(path: str | Path, kind: str = "tmp") -> Path:
    """A new, empty :func:`scratch` folder beside ``path``."""
    while True:
        folder = scratch(path, kind)
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            continue


_SCRATCH = re.compile(r"\..+\.(\d+)\.[0-9a-f]{8}\.[a-z]+")


def remove_leftovers(folder: str | Path, owned: Callable[[str], bool] | None = None) -> list[Path]:
    """Remove the :func:`scratch` entries of writers that no longer run from ``folder``, and from
    its subfolders that ``owned`` claims (all, by default), at any depth; returns those removed.

    A folder written in place holds the user's files too: only the build's
    own folders are searched, and only names of the scratch pattern removed.
    """
    folder = Path(folder)
    removed = []
    if not folder.is_dir():
        return removed
    for root, dirs, files in os.walk(folder):
        top = Path(root) == folder
        for name in [*dirs, *files]:
            found = _SCRATCH.fullmatch(name)
            if found is not None and not _alive(int(found[1])):
                path = Path(root) / name
                if name in dirs:
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
                removed.append(path)
        dirs[:] = [
            name
            for name in dirs
            if not _SCRATCH.fullmatch(name) and (not top or owned is None or owned(name))
        ]
    return removed


def _sibling(outdir: Path, kind: str) -> Path:
    return outdir.with_name(f".{outdir.name}.{kind}.{os.getpid()}.{secrets.token_hex(4)}")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale(outdir: str | Path) -> list[Path]:
    """Remove the staging and old folders of ``outdir`` left by processes that no longer run."""
    outdir = Path(outdir)
    removed = []
    if not outdir.parent.is_dir():
        return removed
    for kind in (_STAGING, _OLD):
        for path in outdir.parent.glob(f".{outdir.name}.{kind}.*"):
            parts = path.name.rsplit(".", 2)
            if len(parts) == 3 and parts[1].isdigit() and not _alive(int(parts[1])):
                shutil.rmtree(path, ignore_errors=True)
                removed.append(path)
    return removed


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE); False where that is unavailable."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # an old kernel, or a file system without it
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, outdir: Path) -> None:
    """Put the folder ``staging`` where ``outdir`` is; the previous ``outdir`` is removed after."""
    if not outdir.exists():
        os.rename(staging, outdir)
    elif _exchange(staging, outdir):
        shutil.rmtree(staging, ignore_errors=True)  # the previous build, now at the staging path
    else:
        old = _sibling(outdir, _OLD)
        os.rename(outdir, old)
        try:
            os.rename(staging, outdir)
        except BaseException:
            os.rename(old, outdir)
            raise
        shutil.rmtree(old, ignore_errors=True)
    with contextlib.suppress(OSError):  # the renames durable, where the system allows
        fd = os.open(outdir.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _link_tree(source: Path, target: Path, skip: frozenset[str] = frozenset()) -> None:
    """A copy of ``source`` at ``target`` made of hard links (a plain copy where links fail),
    without the folders ``skip`` (their paths within ``source``)."""
    if source.is_dir() and not source.is_symlink():
        _link_folder(str(source), str(target), skip)
    else:
        link_or_copy(source, target)


def _link_folder(source: str, target: str, skip: frozenset[str] = frozenset()) -> None:
    # os.scandir's entries know their type: one system call a file (the link), not three
    # (a build's shards and caches are tens of thousands of files, linked at every update)
    os.makedirs(target, exist_ok=True)
    shutil.copymode(source, target)
    with os.scandir(source) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                if entry.path not in skip:
                    _link_folder(entry.path, os.path.join(target, entry.name), skip)
            else:
                link_or_copy(entry.path, os.path.join(target, entry.name))


def link_or_copy(source: str | Path, target: str | Path) -> None:
    """``target`` the file ``source``: a hard link, or a copy where there can be none (another
    file system). For files that are replaced, never written into."""
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, target, follow_symlinks=False)


def _swappable(outdir: Path, owned: Callable[[str], bool] | None) -> bool:
    """Whether ``outdir`` may be replaced as a whole: new, or holding only what ``owned`` claims.

    A folder that holds anything else (the user's own files, the inputs, the
    working directory) is never swapped away.
    """
    if not outdir.exists():
        return True
    if not outdir.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", str(outdir))
    cwd = Path.cwd().resolve()
    if cwd == outdir or outdir in cwd.parents:
        return False
    if owned is None:
        return True
    return all(entry.name.startswith(".") or owned(entry.name) for entry in outdir.iterdir())


@contextlib.contextmanager
def staged_folder(
    outdir: str | Path,
    carry: Iterable[str] = (),
    owned: Callable[[str], bool] | None = None,
    shared: Iterable[str] = (),
) -> Iterator[Path]:
    """A folder to write a whole build into, swapped in for ``outdir`` when the block succeeds.

    ``carry`` names entries of the present ``outdir`` hard-linked into the
    staging folder first. ``shared`` names folders within them (paths such as
    ``cache/network/rows``) whose files are only ever added, never replaced
    or removed while the block runs (files named by their content): instead
    of a link for each file, the staging folder gets a symbolic link to the
    present folder's, which is moved into the staging folder whole (one
    rename) just before the swap. The files added meanwhile are in the
    present folder too; an interrupt between that rename and the swap leaves
    ``outdir`` whole but for that folder (a cache's, whose files are made
    again where missing). ``owned`` says which entry names a build writes:
    a folder holding anything else is written in place (the block gets
    ``outdir`` itself), as is the working directory or a folder above it.
    On an error or an interrupt the staging folder is removed and ``outdir``
    is left as it was.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "out"
    >>> with staged_folder(out) as stage:
    ...     _ = (stage / "a.txt").write_text("new")
    ...     out.exists()
    False
    >>> sorted(p.name for p in out.iterdir())
    ['a.txt']
    """
    outdir = Path(os.path.abspath(outdir))
    if outdir.is_symlink():
        outdir = outdir.resolve()
    outdir.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(outdir)
    remove_leftovers(outdir, owned)
    if not _swappable(outdir, owned):
        outdir.mkdir(exist_ok=True)
        yield outdir
        return
    staging = _sibling(outdir, _STAGING)
    staging.mkdir()
    try:
        linked = []
        if outdir.is_dir():
            os.chmod(staging, stat.S_IMODE(outdir.stat().st_mode))
            linked = [path for path in shared if _plain_folder(outdir / path)]
            skip = frozenset(str(outdir / path) for path in linked)
            for name in carry:
                if (outdir / name).exists():
                    _link_tree(outdir / name, staging / name, skip)
            for path in linked:
                (staging / path).parent.mkdir(parents=True, exist_ok=True)
                os.symlink(outdir / path, staging / path, target_is_directory=True)
        yield staging
        for path in linked:  # the present folder's, moved in whole
            if (staging / path).is_symlink():
                os.unlink(staging / path)
                os.rename(outdir / path, staging / path)
        swap_in(staging, outdir)
    except BaseException:
        _remove(staging)
        raise


def _plain_folder(path: Path) -> bool:
    return path.is_dir() and not path.is_symlink()


def _remove(folder: Path) -> None:
    """Remove a folder, again if files appeared meanwhile (a store's background thread closing)."""
    for _ in range(3):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            return
        time.sleep(0.05)
