"""Files written anew from text and from byte ranges of their previous version, copied in the kernel.

An update of a build rewrites files of which most of the text is unchanged
(graph/sharded.py's RDF files, graph/tables.py's keyed rows): what changed
is written again, and every run of unchanged text is copied from the
previous file by ``os.copy_file_range``, without passing through Python.
What describes the previous file (where each piece of text starts) is the
writer's own state; a previous file shorter than its state says raises
:class:`Stale`, and the writer then writes the file whole. The lines of a
sorted file a writer (or a reader) needs are found by bisecting its bytes
(:func:`sorted_line_start`), not read from its start.
"""

from __future__ import annotations

import os
from collections.abc import Callable


class Stale(Exception):
    """The state of the previous files does not describe them: they are written whole."""


class Splice:
    """A file written anew (bytes) from text and from spans of its previous version, if any.

    The previous version is an open file descriptor; spans are counted in
    bytes from its start, copied in the kernel (``os.copy_file_range``: no
    byte passes through Python, and file systems with reflinks share the
    blocks), passed over without reading, and runs of spans copied one after
    the other are copied at once.
    """

    def __init__(self, new, old: int | None = None) -> None:
        self.new, self.old, self.at, self.pending = new, old, 0, 0

    def write(self, data: bytes) -> None:
        if not data:
            return
        if self.pending:
            self._copy()
        self.new.write(data)

    def copy(self, size: int) -> None:
        self.pending += size

    def skip(self, size: int) -> None:
        if self.pending:
            self._copy()
        self.at += size

    def rest(self, most: int = 4096) -> bytes:
        """What is left of the previous file after the spans (at most ``most`` bytes, else stale)."""
        if self.pending:
            self._copy()
        if self.old is None:
            return b""
        left = os.fstat(self.old).st_size - self.at
        if left < 0 or left > most:
            raise Stale
        data = os.pread(self.old, left, self.at)
        self.at += left
        return data

    def _copy(self) -> None:
        size, self.pending = self.pending, 0
        if self.old is None:
            raise Stale
        copy_range(self.old, self.at, size, self.new)
        self.at += size


def copy_range(source: int, offset: int, size: int, target) -> None:
    """Copy ``size`` bytes of the file ``source`` from ``offset`` to the end of the buffered ``target``."""
    target.flush()
    fd = target.fileno()
    kernel = hasattr(os, "copy_file_range")
    while size:
        done = 0
        if kernel:
            try:
                done = os.copy_file_range(source, fd, size, offset)
            except OSError:  # not between these files (another file system, an old kernel)
                kernel = False
        if not kernel:
            data = os.pread(source, min(size, 1 << 24), offset)
            target.write(data)
            target.flush()
            done = len(data)
        if not done:
            raise Stale  # the previous file is shorter than its state says
        offset += done
        size -= done


def sorted_line_start(handle, before: Callable[[bytes], bool], low: int = 0, size: int | None = None) -> int:
    """Where, in a file of lines in order (opened in binary), the first line for which
    ``before`` is false starts: looked for from byte ``low`` (a line's start) to ``size`` (the
    file's end by default) by bisecting the bytes, a line read after each probe; the file is
    left there.
    """
    if size is None:
        size = os.fstat(handle.fileno()).st_size
    lo, hi = low, size
    while lo < hi:
        mid = (lo + hi) // 2
        start = _line_start(handle, mid, low)
        if start >= size:
            hi = mid
            continue
        raw = handle.readline()
        if before(raw):
            lo = start + len(raw)
        else:
            hi = mid
    return _line_start(handle, lo, low)


def _line_start(handle, offset: int, low: int) -> int:
    """The start of the first line at or after byte ``offset`` (``low``: a line's start), the file
    there."""
    if offset <= low:
        handle.seek(low)
        return low
    handle.seek(offset - 1)
    handle.readline()
    return handle.tell()
