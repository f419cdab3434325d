"""Progress bars for the long phases of a command (reading, extraction, checking, writing).

Bars go to stderr through tqdm, and only when stderr is a terminal: into a
pipe or a log file a command prints nothing but its results and errors.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

Progress = Callable[[int, int, str], None]


def on_terminal(stream: TextIO | None = None) -> bool:
    """Whether bars are wanted: ``stream`` (default stderr) is a terminal."""
    stream = stream if stream is not None else sys.stderr
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def _tqdm(**options):
    from tqdm import tqdm

    # The terminal's size, or 100 x 20 where it reports none (tqdm draws nothing at 0).
    size = shutil.get_terminal_size((100, 20))
    return tqdm(file=sys.stderr, ncols=size.columns or 100, nrows=size.lines or 20, leave=True, **options)


class FileProgress:
    """A ``progress(number, total, name)`` callback drawing one tqdm bar, per file read and extracted."""

    def __init__(self, description: str = "reading and extracting") -> None:
        self.description = description
        self.bar = None

    def __call__(self, number: int, total: int, name: str) -> None:
        if self.bar is None:
            self.bar = _tqdm(total=total, desc=self.description, unit="file")
        self.bar.set_postfix_str(Path(name).name[-30:], refresh=False)
        self.bar.update(number - self.bar.n)
        if number >= total:
            self.close()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def file_progress(enabled: bool, description: str = "reading and extracting") -> FileProgress | None:
    """A per-file progress callback, or None when bars are not wanted."""
    return FileProgress(description) if enabled else None


@contextmanager
def phase(description: str, enabled: bool) -> Iterator[None]:
    """A bar for one long step that has no parts to count (the SHACL check, writing the files):
    its name while it runs, then how long it took."""
    if not enabled:
        yield
        return
    bar = _tqdm(total=1, desc=description, bar_format="{desc}: {elapsed}")
    try:
        yield
        bar.update(1)
    finally:
        bar.close()
