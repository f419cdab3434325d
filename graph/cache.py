"""Per-file extraction results in the output folder, content-addressed: unchanged files are not read again.

A file's entry is keyed by a digest of the extraction code and data (every
file of ``govkg.extract``: a changed rule invalidates every entry), the path
as given (it is part of the records: release ids are made from file names) and
the file's bytes. The entry is what :func:`govkg.graph.build.extract_file`
returned for it: its extraction records and its read errors, pickled.
Beside a file's records, entries of other ``kind``s hold what a streaming
build keeps of each of its releases and what it mapped them to
(graph/incremental.py): an update reads those, not every record.

Every entry lives in one SQLite database, ``OUT/cache/extractions.sqlite``
(a row per entry, not a file: at millions of releases, files per release
cost more to create than to fill, and fill the folder's inodes). Entries
are put in transactions of :data:`COMMIT_EVERY` (and on :meth:`~ExtractionCache.commit`
or :meth:`~ExtractionCache.close`), in WAL mode: a build that crashes loses
at most its last transaction, and the next one opening the database
finds it whole. A damaged entry, or a database that is not one, is a miss:
the file is read again (a damaged database is replaced by an empty one).
A build keeps the entries of its inputs and drops the others
(:meth:`ExtractionCache.keep_only`).

The database is opened by one process, the build's own, and always through
the output folder's path (never through a staging folder's hard link of it,
graph/folders.py): its journal files belong to that path. Pool and Dask
workers get the entries they need from the build and hand back what they
made (graph/incremental.py).

>>> import tempfile
>>> cache = ExtractionCache(tempfile.mkdtemp())
>>> key = cache.key_of_bytes("a.txt", b"text")
>>> cache.get(key) is None
True
>>> cache.put(key, ([], []))
>>> cache.get(key)
([], [])
>>> cache.close()
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Iterable
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from govkg.graph.remote import file_version

CACHE = "cache"  # inside the output folder
DATABASE = "extractions.sqlite"
FORMAT = 3  # of the entries: a change of the records' pickled form bumps it
SOURCES = (".py", ".tsv", ".toml", ".json", ".jsonld", ".txt", ".ttl", ".rq", ".html", ".js", ".css")
COMMIT_EVERY = 500  # entries put per transaction
# What SQLite says of a file that is no database, or a damaged one.
_DAMAGED = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_UNPICKLING = (
    pickle.UnpicklingError,
    EOFError,
    AttributeError,
    ImportError,
    TypeError,
    ValueError,
    IndexError,
    KeyError,
)


@cache
def code_fingerprint(packages: tuple[str, ...] = ("govkg.extract",)) -> str:
    """A digest of the code and data files of ``packages``: by default, all that extraction depends on."""
    digest = hashlib.sha256(f"govkg cache {FORMAT}\n".encode())
    for package in packages:
        root = Path(str(resources.files(package)))
        for path in sorted(root.rglob("*")):
            if path.is_file() and path.suffix in SOURCES and "__pycache__" not in path.parts:
                digest.update(f"{package}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def software_fingerprint() -> str:
    """A digest of all of govkg's code and data: what wrote a build's files."""
    return code_fingerprint(("govkg.extract", "govkg.ontology", "govkg.graph"))


def unpickled(data: bytes | None) -> Any | None:
    """An entry's value from its stored bytes (:meth:`ExtractionCache.raw`); None when damaged."""
    if data is None:
        return None
    try:
        return pickle.loads(data)
    except _UNPICKLING:
        return None


def _damaged(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorname", "") in _DAMAGED


def _key(key: str) -> bytes:
    """A key as stored: a hex digest's 32 bytes (half the index of its text)."""
    try:
        return bytes.fromhex(key)
    except ValueError:
        return key.encode("utf-8")


class ExtractionCache:
    """Extraction results of files, by the digest of (extraction code, path, bytes).

    Use it as a context manager, or :meth:`close` it: entries put since the
    last transaction are committed then (and lost if the process dies first).
    """

    def __init__(
        self, outdir: str | Path, fingerprint: str | None = None, commit_every: int = COMMIT_EVERY
    ) -> None:
        self.path = Path(outdir) / CACHE / DATABASE
        self.fingerprint = fingerprint or code_fingerprint()
        self.commit_every = commit_every
        self.hits = self.misses = 0
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        self._kinds: dict[tuple[str, ...], frozenset[str]] = {}

    def key_of_bytes(self, path: str | Path, data: bytes) -> str:
        digest = hashlib.sha256(f"{self.fingerprint}\0{path}\0".encode())
        digest.update(data)
        return digest.hexdigest()

    def key_of(self, path: str | Path) -> str | None:
        """The key of a file as it is on disk now; None when it cannot be read (not cached then)."""
        try:
            data = Path(path).read_bytes()
        except OSError:
            return None
        return self.key_of_bytes(path, data)

    def key_of_url(self, url: str) -> str | None:
        """The key of a file on an fsspec file system, from what the store says of its version.

        Its ETag (a digest of the bytes on S3, GCS, HTTP servers that give
        one), else its size and modification time: content-addressed without
        downloading every file at every build. None when it cannot be listed.
        """
        try:
            version = file_version(url)
        except (OSError, ValueError):
            return None
        return self.key_of_bytes(url, f"version:{version}".encode())

    # -- the database

    def _connection(self, create: bool) -> sqlite3.Connection | None:
        """The open database; None when there is none and ``create`` is false (reading makes no folder)."""
        if self._db is None:
            if not create and not self.path.is_file():
                return None
            self.path.parent.mkdir(parents=True, exist_ok=True)
            try:
                self._db = _connect(self.path)
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
                self._replace_damaged()
        return self._db

    def _replace_damaged(self) -> None:
        """Put an empty database in place of a damaged one (unlinked: a previous build may share it)."""
        if self._db is not None:
            self._db.close()
        self._db, self._pending = None, 0
        for suffix in ("", "-wal", "-shm", "-journal"):
            self.path.with_name(self.path.name + suffix).unlink(missing_ok=True)
        self._db = _connect(self.path)

    def raw(self, key: str | None, kind: str = "") -> bytes | None:
        """An entry's stored bytes, not unpickled (for a worker to unpickle: :func:`unpickled`)."""
        if key is None:
            return None
        row = self._select("SELECT value FROM entries WHERE key = ? AND kind = ?", key, kind)
        return row[0] if row else None

    def has(self, key: str | None, kind: str = "") -> bool:
        """Whether an entry is stored for ``key`` (it may still turn out damaged: :meth:`get`)."""
        if key is None:
            return False
        return self._select("SELECT 1 FROM entries WHERE key = ? AND kind = ?", key, kind) is not None

    def kinds_of(self, keys: Iterable[str | None]) -> list[frozenset[str]]:
        """The kinds of the entries stored for each of ``keys``, in their order: one query for all
        (a temporary table of the keys joined to the entries), not one a file."""
        keys = list(keys)
        found: list[list[str]] = [[] for _ in keys]
        try:
            db = self._connection(create=False)
            if db is not None:
                self.commit()
                with db:
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS asked (pos INTEGER PRIMARY KEY, key BLOB)")
                    db.execute("DELETE FROM asked")
                    db.executemany(
                        "INSERT INTO asked VALUES (?, ?)",
                        ((pos, _key(key)) for pos, key in enumerate(keys) if key is not None),
                    )
                    rows = db.execute(
                        "SELECT asked.pos, entries.kind FROM asked JOIN entries ON entries.key = asked.key"
                    )
                    for pos, kind in rows:
                        found[pos].append(kind)
                    db.execute("DELETE FROM asked")
        except sqlite3.Error:
            found = [[] for _ in keys]
        shared = self._kinds  # a few sets, shared by millions of files
        return [shared.setdefault(k := tuple(sorted(kinds)), frozenset(k)) for kinds in found]

    def _select(self, query: str, key: str, kind: str) -> tuple | None:
        """The row ``query`` finds, None when there is none or the database cannot be read."""
        try:
            db = self._connection(create=False)
            return None if db is None else db.execute(query, (_key(key), kind)).fetchone()
        except sqlite3.Error:
            return None

    def get(self, key: str | None, kind: str = "") -> Any | None:
        if key is None:
            return None
        value = unpickled(self.raw(key, kind))
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
        return value

    def put(self, key: str | None, value: Any, kind: str = "") -> None:
        if key is not None:
            self.put_pickled(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL), kind)

    def put_pickled(self, key: str | None, data: bytes, kind: str = "") -> None:
        """Put a value pickled already (by a pool's process: the command need not unpickle it)."""
        if key is None:
            return
        try:
            self._insert(key, kind, data)
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc):
                raise
            self._replace_damaged()
            self._insert(key, kind, data)

    def _insert(self, key: str, kind: str, data: bytes) -> None:
        db = self._connection(create=True)
        if not db.in_transaction:
            db.execute("BEGIN")
        db.execute("INSERT OR REPLACE INTO entries VALUES (?, ?, ?)", (_key(key), kind, data))
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        """Make the entries put so far durable (one transaction)."""
        if self._db is not None and self._db.in_transaction:
            self._db.commit()
        self._pending = 0

    def close(self) -> None:
        """Commit and close the database (its write-ahead log folded in and removed)."""
        if self._db is not None:
            try:
                self.commit()
            finally:
                self._db.close()
                self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def keep_only(self, keys: Iterable[str], gone: Iterable[str] | None = None) -> int:
        """Remove the entries of keys not in ``keys`` (files no longer part of the build); how many.

        ``gone`` (optional) are the keys that left ``keys`` since the cache last
        kept only the keys then named (the previous build's files not built
        now): their entries are removed, and the others are not looked at unless
        the cache still holds more keys than ``keys`` names then (the entries
        of a build stopped before it kept only its own), when every entry is
        checked, as without ``gone``.
        """
        db = self._connection(create=False)
        if db is None:
            return 0
        self.commit()
        keys = set(keys)
        try:
            with db:
                removed = 0
                if gone is not None:
                    dropped = ((_key(k),) for k in set(gone) - keys)
                    removed = db.executemany("DELETE FROM entries WHERE key = ?", dropped).rowcount
                    held = db.execute("SELECT count(DISTINCT key) FROM entries").fetchone()[0]
                if gone is None or held > len(keys):
                    db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (key BLOB PRIMARY KEY)")
                    db.execute("DELETE FROM kept")
                    db.executemany("INSERT OR IGNORE INTO kept VALUES (?)", ((_key(k),) for k in keys))
                    removed += db.execute(
                        "DELETE FROM entries WHERE key NOT IN (SELECT key FROM kept)"
                    ).rowcount
                    db.execute("DELETE FROM kept")
            db.execute("PRAGMA incremental_vacuum")  # the freed pages given back to the file system
        except sqlite3.DatabaseError as exc:
            if not _damaged(exc):
                raise
            self._replace_damaged()
            return 0
        return removed


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)  # transactions begun and committed here
    try:
        db.execute("PRAGMA auto_vacuum = INCREMENTAL")  # takes effect in a new database only
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")  # WAL: a crash loses the last commits, never the database
        db.execute(
            "CREATE TABLE IF NOT EXISTS entries (key BLOB NOT NULL, kind TEXT NOT NULL, value BLOB NOT NULL, "
            "PRIMARY KEY (key, kind))"
        )
    except BaseException:
        db.close()
        raise
    return db
