"""The mention table: a Parquet file of :class:`~govkg.extract.identity.ReleaseMentions`, a row a release.

Identity resolution is the one step of a build that sees every release; it
reads the releases through this table, not through their extraction records
(text, sentences, spans, events), so a corpus of millions of releases resolves
in the memory of its names, titles and places. Workers make the rows
(:func:`~govkg.extract.identity.mentions_of`) next to the extraction; the
table is written batch by batch (:class:`MentionWriter`, one Parquet row group
per batch) and read back whole or in batches. What the rows mean, and what
resolution decides from them, belongs to :mod:`govkg.extract.identity`; this
module only stores them.

The same rows in the same order give the same bytes (no clock, no paths in
the file); the schema carries the table's format number, and a file of
another format is refused rather than misread.

>>> import tempfile
>>> from govkg.extract.identity import ReleaseMentions
>>> path = Path(tempfile.mkdtemp()) / "mentions.parquet"
>>> write_mentions(path, [ReleaseMentions("r1", date="2020-01-26", written_place="巴中")])
>>> read_mentions(path)[0].written_place
'巴中'
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from govkg.extract.identity import ReleaseMentions

FORMAT = "3"  # of the rows: a change of ReleaseMentions's fields bumps it
_FORMAT_KEY = b"govkg.mentions"

_OFFICE = pa.struct(
    [
        ("office", pa.string()),
        ("level", pa.string()),
        ("place", pa.string()),
        ("national", pa.bool_()),
        ("chief", pa.bool_()),
    ]
)
_TITLE = pa.struct(
    [
        ("title", pa.string()),
        ("jurisdiction", pa.string()),
        ("organization", pa.string()),
        ("office", _OFFICE),
    ]
)
_PERSON = pa.struct(
    [
        ("name", pa.string()),
        ("key", pa.string()),
        ("jurisdiction", pa.string()),
        ("titles", pa.list_(_TITLE)),
    ]
)
SCHEMA = pa.schema(
    [
        ("release", pa.string()),
        ("date", pa.string()),
        ("written_place", pa.string()),
        ("place", pa.string()),
        ("text_places", pa.list_(pa.string())),
        ("text", pa.string()),
        ("persons", pa.list_(_PERSON)),
        ("event_places", pa.list_(pa.string())),
        ("issuers", pa.list_(pa.string())),
        ("text_digest", pa.string()),
    ],
    metadata={_FORMAT_KEY: FORMAT.encode()},
)


def mentions_table(rows: Iterable[ReleaseMentions]) -> pa.Table:
    """The rows as an Arrow table of :data:`SCHEMA`, in the order given."""
    return pa.Table.from_pylist([row.to_row() for row in rows], schema=SCHEMA)


class MentionWriter:
    """A mention table written batch by batch, a row group each; the file appears whole on close.

    Written to a hidden file beside ``path`` and renamed on a clean exit, so
    a crash leaves no half table; on an error the partial file is removed.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._tmp = self.path.parent / f".{self.path.name}.{secrets.token_hex(4)}.tmp"
        self._writer = pq.ParquetWriter(self._tmp, SCHEMA, compression="zstd")
        self.rows = 0

    def write(self, rows: Iterable[ReleaseMentions]) -> None:
        table = mentions_table(rows)
        if table.num_rows:
            self._writer.write_table(table)
            self.rows += table.num_rows

    def close(self) -> None:
        self._writer.close()
        os.replace(self._tmp, self.path)

    def abort(self) -> None:
        self._writer.close()
        self._tmp.unlink(missing_ok=True)

    def __enter__(self) -> MentionWriter:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        else:
            self.abort()


def write_mentions(path: str | Path, rows: Iterable[ReleaseMentions]) -> None:
    """Write a whole mention table (rows in the order given)."""
    with MentionWriter(path) as writer:
        writer.write(rows)


def _opened(path: str | Path) -> pq.ParquetFile:
    table = pq.ParquetFile(path)
    found = (table.schema_arrow.metadata or {}).get(_FORMAT_KEY)
    if found != FORMAT.encode():
        raise ValueError(f"{path}: not a mention table of format {FORMAT} (found {found!r})")
    return table


def iter_mentions(path: str | Path, batch_size: int = 10_000) -> Iterator[ReleaseMentions]:
    """The rows of a mention table, in file order, read ``batch_size`` at a time."""
    for batch in _opened(path).iter_batches(batch_size=batch_size):
        for row in batch.to_pylist():
            yield ReleaseMentions.from_row(row)


def read_mentions(path: str | Path) -> list[ReleaseMentions]:
    """Every row of a mention table, in file order."""
    return list(iter_mentions(path))
