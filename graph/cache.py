"""Per-file extraction results in the output folder, content-addressed: unchanged files are not read again.

A file's entry is keyed by a digest of the extraction code and data (every
file of ``govkg.extract``: a changed rule invalidates every entry), the path
as given (it is part of the records: release ids are made from file names) and
the file's bytes. The entry is what :func:`govkg.graph.build.extract_file`
returned for it: its extraction records and its read errors, pickled.

Entries live in ``OUT/cache/extractions/ab/abcdef….pickle``, written
atomically; a build keeps the entries of its inputs and drops the others
(:meth:`ExtractionCache.keep_only`). A damaged or unreadable entry is a miss.
Beside a file's records, a second, small entry of another ``kind``
(``abcdef….rows.pickle``) holds what a streaming build keeps of each of its
releases (graph/incremental.py): an update reads those, not every record.

>>> import tempfile
>>> cache = ExtractionCache(tempfile.mkdtemp())
>>> key = cache.key_of_bytes("a.txt", b"text")
>>> cache.get(key) is None
True
>>> cache.put(key, ([], []))
>>> cache.get(key)
([], [])
"""

from __future__ import annotations

import hashlib
import os
import pickle
import secrets
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from govkg.graph.remote import file_version

CACHE = "cache"  # inside the output folder
ENTRIES = "extractions"
FORMAT = 1  # of the entries: a change of the records' pickled form bumps it
SOURCES = (".py", ".tsv", ".toml", ".json", ".jsonld", ".txt", ".ttl", ".rq", ".html", ".js", ".css")


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


class ExtractionCache:
    """Extraction results of files, by the digest of (extraction code, path, bytes)."""

    def __init__(self, outdir: str | Path, fingerprint: str | None = None) -> None:
        self.folder = Path(outdir) / CACHE / ENTRIES
        self.fingerprint = fingerprint or code_fingerprint()
        self.hits = self.misses = 0

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

    def _path(self, key: str, kind: str = "") -> Path:
        return self.folder / key[:2] / (f"{key}.{kind}.pickle" if kind else f"{key}.pickle")

    def has(self, key: str | None, kind: str = "") -> bool:
        """Whether an entry is stored for ``key`` (it may still turn out damaged: :meth:`get`)."""
        return key is not None and self._path(key, kind).is_file()

    def get(self, key: str | None, kind: str = "") -> Any | None:
        if key is None:
            return None
        try:
            with self._path(key, kind).open("rb") as handle:
                value = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str | None, value: Any, kind: str = "") -> None:
        if key is None:
            return
        path = self._path(key, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            with tmp.open("wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def keep_only(self, keys: set[str]) -> int:
        """Remove the entries not in ``keys`` (files no longer part of the build); returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*.pickle"):
            if path.name.split(".", 1)[0] not in keys:
                path.unlink(missing_ok=True)
                removed += 1
        return removed
