"""Builds into an output folder that remembers them: unchanged files are not read again.

``govkg build INPUTS -o OUT`` records in ``OUT/cache/build.json`` which files
it was built from (each with the key of its cached extraction, see
graph/cache.py) and which release ids were removed. The next build into the
same folder:

- re-reads and re-extracts only the files that are new or whose bytes changed
  (the others come from the cache), and makes OUT match its INPUTS;
- with ``add=True`` (``govkg build --add NEW -o OUT``), keeps every file of the
  previous build, as it was then, and adds the new ones, without the old
  inputs being listed (or even present);
- :func:`remove_releases` (``govkg remove OUT ID...``) drops releases by id.

A build runs in phases. 1: each file's records come from the cache or are
read, extracted (in a process pool, or on a Dask cluster: ``dask=``, see
graph/cluster.py) and cached, and what identity needs of each release is
kept. 2: identity is resolved once over those (:func:`build_into`), a partition of names
at a time (or shuffled by name on Dask: graph/shuffle.py). 3: the
releases are reloaded from the cache in batches of files and each is mapped
straight to its N-Quads shard; a shard whose bytes are unchanged is not
rewritten (graph/shards.py). 4: the graph files and the store are written
(:func:`write_build`). This gives byte for byte the files and shards a fresh
build of the same releases gives.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import signal
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from govkg.extract import ReadError
from govkg.extract.identity import (
    Corpus,
    ReleaseKeys,
    ReleaseMentions,
    SharedValues,
    collector_paused,
    fingerprint,
    give_back_memory,
    identity_lines,
    mentions_of,
)
from govkg.extract.reading import iter_paths
from govkg.extract.records import Extraction
from govkg.extract.resolved import KeptCorpus, KeptDecisions, Resolved, forget_read_keys, resolve_kept
from govkg.graph.build import PARALLEL_THRESHOLD, BuildResult, Progress, first_of_each_id, iter_files
from govkg.graph.cache import CACHE, ExtractionCache, code_fingerprint, software_fingerprint, unpickled
from govkg.graph.cluster import Dask, dask_client, extract_on_cluster
from govkg.graph.folders import atomic_open, scratch, staged_folder
from govkg.graph.interrupts import forked, pickled_error, worker_pool
from govkg.graph.iris import forget_parts
from govkg.graph.outputs import CARRIED, WRITERS, atomic_write, build_entries
from govkg.graph.rdf import to_rdf
from govkg.graph.remote import extract_any, is_url, list_url
from govkg.graph.sharded import (
    NETWORK_STATE,
    RDF_STATE,
    UNIT_ROWS,
    prune_network,
    shard_rows_maker,
    write_from_shards,
)
from govkg.graph.shards import (
    SHARDS,
    SHARDS_STATE,
    KeptShards,
    MappedRelease,
    ReleaseShards,
    ShardReport,
    Unkept,
    update_release_shards,
    write_release_shards,
)
from govkg.graph.shuffle import resolve_on_cluster
from govkg.graph.store import manifest, stamp

MANIFEST = "build.json"
# Files per batch of phase 3 (mapping to shards): what the build holds at a time.
BATCH_FILES = 500
ROWS = "rows"  # the cache entries of what phase 1 keeps of each release (Row)
# Every built file's rows and read errors in one file (OUT/cache/rows.pickle), by cache key: what an
# update reads of the files it does not read anew (see _read_all)
ROWS_FILE = "rows.pickle"
# What identity resolution decided, by release, by name and by block of names (extract/resolved.py),
# a SQLite database: an update resolves again what its changed releases touch, reading only that
IDENTITY_FILE = "identity.sqlite"
OLD_IDENTITY_FILE = "identity.pickle"  # the same kept whole in one pickle, by govkg before
MAPPED = "mapped"  # and of what phase 3 made of a file's releases (shards.MappedRelease)
FileResult = tuple[list[Extraction], list[ReadError]]


@dataclass
class BuildRecord:
    """What an output folder was built from: input files (path -> cache key) in order, releases removed.

    A removed release added again (``--add`` of a file that holds it) stays
    removed from every other file: ``restored`` maps its id to that file.
    """

    files: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    software: str = ""  # digest of govkg's code and data that wrote the files (cache.software_fingerprint)
    skipped: int = 0  # inputs skipped (unreadable files, duplicate ids)
    restored: dict[str, str] = field(default_factory=dict)  # removed id -> the one file it is built from

    @classmethod
    def load(cls, outdir: str | Path) -> BuildRecord | None:
        try:
            data = json.loads((Path(outdir) / CACHE / MANIFEST).read_text(encoding="utf-8"))
            return cls(
                files=dict(data["files"]),
                removed=list(data["removed"]),
                software=str(data.get("software", "")),
                skipped=int(data.get("skipped", 0)),
                restored={str(rid): str(path) for rid, path in data.get("restored", {}).items()},
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, outdir: str | Path) -> Path:
        data = {
            "files": self.files,
            "removed": sorted(set(self.removed)),
            "software": self.software,
            "skipped": self.skipped,
            **({"restored": dict(sorted(self.restored.items()))} if self.restored else {}),
        }
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        return atomic_write(Path(outdir) / CACHE / MANIFEST, text)


@dataclass(frozen=True)
class Source:
    """A file of a build: the key of its cached records and the ids of its releases that are built."""

    path: str
    key: str | None
    releases: tuple[str, ...]


@dataclass
class Update:
    """A build into an output folder: what it resolved, and how much of it was read anew.

    ``corpus`` is None when the folder was up to date (nothing built). The
    releases' records stay in the cache: :func:`write_build` streams them to
    the shards and files; :attr:`result` makes the in-memory build of them
    (an rdflib graph: for small builds, tests and the Python API).
    """

    record: BuildRecord
    corpus: Corpus | None = None  # identity resolved over the releases built
    extracted: int = 0  # files read and extracted by this build
    reused: int = 0  # files whose extraction came from the cache
    dropped: frozenset[str] = frozenset()  # ids of releases read but left out as removed
    sources: list[Source] = field(default_factory=list)  # the files built, in order
    errors: list[ReadError] = field(default_factory=list)  # unreadable inputs, duplicate ids
    warnings: list[str] = field(default_factory=list)  # what reading changed, by release id
    files: int = 0  # input files
    cache: Path | None = None  # the folder whose cache holds their records
    # the cache keys of the previous build's files not built now (None: no record of one)
    gone: frozenset[str] | None = None
    shards: ShardReport | None = None  # what writing the shards did (write_build)
    triples: int | None = None  # in graph.nt (write_build)

    @property
    def up_to_date(self) -> bool:
        return self.corpus is None

    @property
    def releases(self) -> int:
        return len(self.corpus.releases) if self.corpus is not None else 0

    @cached_property
    def result(self) -> BuildResult | None:
        """The build in memory: records reloaded from the cache, one rdflib graph (None if up to date)."""
        if self.corpus is None:
            return None
        with ExtractionCache(self.cache) as cache:
            extractions = sorted(
                (item for source in self.sources for item in built_records(source, cache)),
                key=lambda e: e.release.id,
            )
        return BuildResult(
            graph=to_rdf(extractions, self.corpus),
            extractions=extractions,
            errors=self.errors,
            files=self.files,
            corpus=self.corpus,
        )

    def summary(self) -> str:
        if self.corpus is None:
            return f"up to date: {self.reused} files unchanged, nothing to do"
        line = f"{self.releases} releases from {self.files} files"
        if self.triples is not None:
            line += f", {self.triples} triples"
        if self.errors:
            line += f"; skipped {len(self.errors)} (see the messages above)"
        return line


def outputs_current(outdir: str | Path) -> bool:
    """Whether the folder holds every file a build writes, the graph files as its store recorded them."""
    outdir = Path(outdir)
    found = manifest(outdir)
    if found is None:
        return False
    stamps = found.get("files", {})
    for name in WRITERS:
        path = outdir / name
        if not path.is_file() or (name in stamps and stamps[name] != stamp(path)):
            return False
    return True


def input_files(inputs: Iterable[str | Path]) -> list[Path | str]:
    """The files of the inputs in order: local files and folders walked, fsspec URLs listed (remote.py)."""
    files: list[Path | str] = []
    for item in inputs:
        files.extend(list_url(item) if is_url(item) else iter_paths([item]))
    return files


# Threads that read and hash the input files for their keys: reading waits on the disk (or, for a
# URL, the file system's answer) and hashlib's digest of more than 2 KB lets go of the lock
KEY_THREADS = 4
KEY_GROUP = 256  # files a thread's task reads


def file_keys(cache: ExtractionCache, paths: Iterable[Path | str]) -> dict[str, str | None]:
    """Each file's cache key (None: unreadable, not cached), by its path, in the order of ``paths``;
    read and hashed by :data:`KEY_THREADS` threads (100,000 files of the page cache: 5.8 s in one)."""

    def keys_of(group: list[Path | str]) -> list[str | None]:
        return [cache.key_of_url(path) if is_url(path) else cache.key_of(path) for path in group]

    paths = list(paths)
    groups = [paths[start : start + KEY_GROUP] for start in range(0, len(paths), KEY_GROUP)]
    if len(groups) < 2:
        found = keys_of(paths)
    else:
        with ThreadPoolExecutor(KEY_THREADS, thread_name_prefix="govkg-keys") as threads:
            found = [key for keys in threads.map(keys_of, groups) for key in keys]
    return {str(path): key for path, key in zip(paths, found, strict=True)}


def _extract_missing(
    paths: list[Path | str], progress: Progress | None, workers: int | None, dask: Dask | None
) -> Iterator[Packed]:
    if dask:
        yield from map(packed, extract_on_cluster(paths, dask, progress=progress))
    else:
        yield from iter_files(paths, progress, workers, extractor=extract_packed)


@dataclass(frozen=True)
class Packed:
    """A file's extraction as the cache stores it, with its rows: what a pool's process hands the
    build's. The records travel as the cache's bytes, never unpickled by the command, which keeps
    only the rows (unpickling the records cost it three times what it took to pickle them)."""

    value: bytes  # the file's (extractions, errors), pickled
    rows: bytes  # its (rows, errors), pickled
    unpacked_rows: tuple[list[Row], list[ReadError]]

    def __reduce__(self):
        # handed to the command as the two byte strings only: the rows are unpickled there from
        # their bytes, not pickled a second time by the pool's process (object by object)
        return _unpacked, (self.value, self.rows)


def _unpacked(value: bytes, rows: bytes) -> Packed:
    return Packed(value, rows, pickle.loads(rows))


def packed(value: FileResult) -> Packed:
    """A file's extraction packed for the cache (:class:`Packed`)."""
    found, failed = value
    rows = (rows_of(found), failed)
    return Packed(
        pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL),
        pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL),
        rows,
    )


def extract_packed(path: str | Path) -> Packed:
    """A local file or a URL read, extracted and packed (a pool's task: :func:`_read_all`)."""
    return packed(extract_any(path))


@dataclass(frozen=True)
class Row:
    """What phase 1 keeps of a release while the build streams: its id, path, the warnings of
    its reading, and what identity resolution reads of it (:func:`~govkg.extract.identity.mentions_of`)."""

    release: str
    path: str
    warnings: tuple[str, ...]
    mentions: ReleaseMentions


def rows_of(found: list[Extraction]) -> list[Row]:
    """The rows of a file's releases (cached beside its records: an update reads these only)."""
    return [Row(e.release.id, e.release.path, tuple(e.release.warnings), mentions_of(e)) for e in found]


FileRows = tuple[list[Row], list[ReadError]]


class Kept(NamedTuple):
    """What the rows file keeps of a release's row: all but its mentions (read from the
    cache's entry of its file when identity asks for them: :class:`CachedRows`), and the
    digest of its text, for the corpus's fingerprint."""

    release: str
    path: str
    warnings: tuple[str, ...]
    digest: str


KeptRows = tuple[list[Kept], list[ReadError]]


def kept_of(rows: list[Row]) -> list[Kept]:
    return [Kept(r.release, r.path, r.warnings, r.mentions.text_digest) for r in rows]


def load_rows_file(outdir: str | Path) -> dict[str, KeptRows]:
    """What the rows file of the folder's last build keeps of the rows of each file it read, and
    their read errors, by cache key (:data:`ROWS_FILE`); empty when there is none, or it is
    damaged (or of a govkg that kept the rows whole)."""
    found = _load_kept(outdir, ROWS_FILE)
    if not isinstance(found, dict):
        return {}
    for rows, _ in islice(found.values(), 1):
        if rows and not isinstance(rows[0], Kept):
            return {}
    return found


def save_rows_file(outdir: str | Path, files: dict[str, KeptRows]) -> Path:
    """Keep ``files`` (cache key -> what is kept of its rows, and its read errors) in the
    folder's :data:`ROWS_FILE`, one pickle."""
    return _keep(outdir, ROWS_FILE, files)


class CachedRows(Mapping):
    """Release id -> its mention row: those ``held`` (read now), the others read from the cache
    entry of the file they come from (``origins``: release -> cache key; ``paths``: cache key ->
    path, read again when the entry is missing or damaged) when asked for. Iterates over
    ``releases``, sorted; what identity resolution reads (extract/resolved.py): an update asks
    for the rows of the releases it touches only."""

    FILES = 64  # files' rows held, the last read

    def __init__(
        self,
        releases: list[str],
        held: dict[str, ReleaseMentions],
        origins: Mapping[str, str],
        paths: Mapping[str, str],
        cache: ExtractionCache,
    ) -> None:
        self._releases = releases
        self._held = held
        self._origins = origins
        self._paths = paths
        self._cache = cache
        self._files: dict[str, dict[str, ReleaseMentions]] = {}
        self.read = 0  # files whose rows were read

    def __getitem__(self, rid: str) -> ReleaseMentions:
        found = self._held.get(rid)
        if found is not None:
            return found
        key = self._origins[rid]
        rows = self._files.get(key)
        if rows is None:
            rows = self._files[key] = self._read(key)
            if len(self._files) > self.FILES:
                del self._files[next(iter(self._files))]
        return rows[rid]

    def _read(self, key: str) -> dict[str, ReleaseMentions]:
        self.read += 1
        value = self._cache.get(key, ROWS)
        if value is None:
            found = self._cache.get(key)
            if found is None:
                found = extract_any(_local(self._paths[key]))
            value = (rows_of(found[0]), found[1])
        rows: dict[str, ReleaseMentions] = {}
        for row in value[0]:
            rows.setdefault(row.release, row.mentions)  # of two with one id in a file, the first
        return rows

    def __contains__(self, rid: object) -> bool:
        return rid in self._origins

    def __iter__(self) -> Iterator[str]:
        return iter(self._releases)

    def __len__(self) -> int:
        return len(self._releases)


def load_identity(outdir: str | Path) -> Resolved:
    """What the folder's last build resolved (:data:`IDENTITY_FILE`), opened, nothing read yet;
    empty when there is none, or it is damaged."""
    folder = Path(outdir) / CACHE
    folder.mkdir(parents=True, exist_ok=True)
    (folder / OLD_IDENTITY_FILE).unlink(missing_ok=True)
    return Resolved(folder / IDENTITY_FILE)


def save_identity(outdir: str | Path, state: Resolved) -> Path:
    """Keep what a build resolved for the next (:func:`load_identity`): its last rows committed."""
    state.commit()
    return Path(outdir) / CACHE / IDENTITY_FILE


def _load_kept(outdir: str | Path, name: str):
    """What the pickle ``name`` of the folder's cache holds; None when there is none, or it is
    damaged (:func:`~govkg.graph.cache.unpickled`)."""
    try:
        data = (Path(outdir) / CACHE / name).read_bytes()
    except OSError:
        return None
    # its objects hold no cycles: the collector, run every few hundred of them made, would
    # walk all those made so far again and again (at 20,000 releases 0.6 of 0.8 s of CPU)
    with collector_paused():
        return unpickled(data)


def _keep(outdir: str | Path, name: str, value) -> Path:
    """``value`` pickled into ``name`` of the folder's cache, atomically."""
    with collector_paused():  # its memo of every object pickled: 0.59 -> 0.25 s at 20,000 releases
        data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return atomic_write(Path(outdir) / CACHE / name, data)


def _read_all(
    keys: dict[str, str | None],
    cache: ExtractionCache,
    progress: Progress | None,
    workers: int | None,
    dask: Dask | None,
    kept: Mapping[str, KeptRows] | None = None,
) -> Iterator[tuple[str, list[Row] | list[Kept], list[ReadError], bool | None]]:
    """Phase 1: each file's rows and read errors in order, and whether it was extracted now
    (None: what the last build kept of its rows, :class:`Kept`, from ``kept``).

    A file whose rows the last build kept (``kept``: :func:`load_rows_file`,
    by cache key, one pickle read for all files instead of an entry a file)
    or the cache holds is not opened again; one whose records only are
    cached gets its rows from them; the others are read and extracted (in a
    pool or on Dask, streamed), and their records and rows put in the cache.
    """
    kept = kept or {}
    stored = cache.kinds_of(keys.values())  # one query for every file
    missing = [path for path, kinds in zip(keys, stored, strict=True) if not kinds & {"", ROWS}]
    fresh = _extract_missing([_local(path) for path in missing], progress, workers, dask)
    missing_set = set(missing)
    for (path, key), kinds in zip(keys.items(), stored, strict=True):
        # the rows alone stand for the file while its records are there for phase 3
        rows = kept.get(key) if "" in kinds else None
        if rows is not None:
            yield path, *rows, None
            continue
        rows = cache.get(key, ROWS) if {"", ROWS} <= kinds else None
        if rows is not None:
            yield path, *rows, False
            continue
        if path in missing_set:
            fresh_file = next(fresh)
        else:
            value = cache.get(key)
            fresh_file = packed(extract_any(_local(path))) if value is None else None  # damaged: read again
        if fresh_file is not None:
            cache.put_pickled(key, fresh_file.value)
            cache.put_pickled(key, fresh_file.rows, ROWS)
            yield path, *fresh_file.unpacked_rows, True
            continue
        found, failed = value
        rows = (rows_of(found), failed)
        cache.put(key, rows, ROWS)
        yield path, *rows, False


def _local(path: str) -> Path | str:
    return path if is_url(path) else Path(path)


def build_into(
    outdir: str | Path,
    inputs: Iterable[str | Path] = (),
    *,
    add: bool = False,
    remove: Iterable[str] = (),
    progress: Progress | None = None,
    workers: int | None = None,
    dask: Dask | None = None,
    reuse_outputs: bool = False,
    pool: ProcessPoolExecutor | None = None,
    apart: bool = False,
) -> Update:
    """Build the releases of ``inputs`` for the output folder ``outdir``, reusing what it has extracted.

    Phases 1 and 2 of a build: each file's records are taken from the cache
    or read, extracted and cached, one file at a time, and what identity
    resolution needs of each release is kept (:func:`rows_of`); then
    identity is resolved once over them. Nothing is written but cache
    entries: :func:`write_build` writes the shards and files (phases 3 and
    4), then :meth:`BuildRecord.save` (which :func:`govkg.graph.cli.build`
    does), so that a build that fails to write leaves the folder's record as
    it was. With ``reuse_outputs``, a folder whose files this version of
    govkg wrote from the same files (same bytes) and removals is left as it
    is: the update's ``result`` is None. ``pool``, a process pool (phase 3's, see
    :func:`write_build`), resolves identity's groups of name blocks beside
    this process (extract/resolved.py).

    With ``apart`` (the command's), both phases run in a forked child process
    that hands back the update and exits (:func:`_build_apart`; not with
    ``dask`` or ``pool``, which a child cannot use, nor where processes are not
    forked): the corpus read from the identity state, as it is, by this one.
    What the rows and the resolving made and freed goes with the child:
    freed memory stays with a process, scattered through its heap and
    Python's arenas where what lives on pins it, so that the process
    writing the build held what grew with the corpus from then on (at
    30,000 releases about 228 MB, at 100,000 about 500, for the 80 of a
    build that holds only the update).
    """
    if apart and dask is None and pool is None and hasattr(os, "fork"):
        options = {"add": add, "remove": remove, "progress": progress, "workers": workers}
        return _build_apart(outdir, list(inputs), reuse_outputs=reuse_outputs, **options)
    with ExtractionCache(outdir) as cache:
        return _build_into(cache, outdir, inputs, add, remove, progress, workers, dask, reuse_outputs, pool)


def _build_apart(outdir: str | Path, inputs: list, **options) -> Update:
    """:func:`build_into` in a forked child (``options``: its own), the update handed back in a
    temporary file of the folder's cache, its corpus reopened here on the identity state
    (extract/resolved.py's KeptCorpus). The child's error is raised here; an interrupt here
    stops the child (SIGTERM: it unwinds as the build would) and waits for it."""
    folder = Path(outdir) / CACHE
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryFile(dir=folder) as handle:

        def child() -> int:
            code = 1
            try:
                update = build_into(outdir, inputs, **options)
                kept = None if update.corpus is None else KeptCorpus.of(update.corpus)
                if kept is not None:  # read from the state again there, not pickled whole
                    update.corpus = None
                payload = pickle.dumps((update, kept), protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BaseException as exc:  # raised by the parent
                payload = pickled_error(exc)
            finally:
                progress = options.get("progress")
                if progress is not None and hasattr(progress, "close"):
                    progress.close()
            handle.write(payload)
            handle.flush()
            return code

        started: list[int] = []
        pid = forked(child, started.append)
        try:
            _, status = os.waitpid(pid, 0)
        except BaseException:  # interrupted: the child unwinds (its pool and scratch) and leaves
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            raise
        handle.seek(0)
        data = handle.read()
    if not data:
        raise RuntimeError(f"the build's child process ended with status {status}, saying nothing")
    found = pickle.loads(data)
    if isinstance(found, BaseException):
        raise found
    update, kept = found
    if kept is not None:
        update.corpus = kept.corpus(load_identity(outdir))
    return update


def _build_into(
    cache: ExtractionCache,
    outdir: str | Path,
    inputs: Iterable[str | Path],
    add: bool,
    remove: Iterable[str],
    progress: Progress | None,
    workers: int | None,
    dask: Dask | None,
    reuse_outputs: bool,
    pool: ProcessPoolExecutor | None = None,
) -> Update:
    found = BuildRecord.load(outdir)
    previous = found or BuildRecord()
    paths = input_files(inputs)
    keys = file_keys(cache, paths)
    listed = set(keys)
    removed = set(remove)
    if add:
        order = [*(p for p in previous.files if p not in keys), *keys]
        keys = {path: keys.get(path) or previous.files[path] for path in order}
    software = software_fingerprint()
    same_removals = not removed and not previous.removed if add else removed == set(previous.removed)
    # the files in the same order: of two releases with one id, the first read is kept
    same_files = list(keys.items()) == list(previous.files.items())
    unchanged = same_removals and same_files and software == previous.software
    if reuse_outputs and unchanged and outputs_current(outdir):
        return Update(record=previous, reused=len(keys))
    files: list[tuple[str, list[Row] | list[Kept], list[ReadError]]] = []
    extracted = 0
    kept = load_rows_file(outdir)
    shared = SharedValues()  # the rows read now are held until identity is resolved: each value once
    now: dict[str, KeptRows] = {}
    for path, rows, failed, fresh in _read_all(keys, cache, progress, workers, dask, kept):
        extracted += bool(fresh)
        if fresh is not None:
            rows = [Row(r.release, r.path, r.warnings, shared(r.mentions)) for r in rows]
        if keys[path]:
            now[keys[path]] = (rows if fresh is None else kept_of(rows), failed)
        files.append((path, rows, failed))
    del shared
    if now.keys() != kept.keys():  # a key's rows are always the same: only new or dropped keys change it
        save_rows_file(outdir, now)
    del kept, now
    restored: dict[str, str] = {}
    if add:  # a release removed earlier comes back from a file holding it listed again, that file only
        back = set(previous.removed) - removed  # not removed again now
        restored = {rid: path for rid, path in previous.restored.items() if rid not in removed}
        listed_again: dict[str, str] = {}  # the first listed file that holds it
        for path, rows, _ in files:
            if path in listed:
                for row in rows:
                    if row.release in back:
                        listed_again.setdefault(row.release, path)
        restored |= listed_again
        removed |= back
    restored_in: dict[str, set[str]] = {}
    for rid, path in restored.items():
        restored_in.setdefault(path, set()).add(rid)
    dropped: set[str] = set()
    errors: list[ReadError] = []
    seen: set[str] = set()
    sources, built = [], []
    origins: dict[str, str] = {}  # release -> the key of the file its row is from
    for path, rows, failed in files:
        errors.extend(failed)
        kept = [
            row
            for row, keep in zip(
                rows,
                first_of_each_id(
                    [(r.release, r.path) for r in rows],
                    seen,
                    errors,
                    removed - restored_in[path] if path in restored_in else removed,
                    dropped,
                ),
                strict=True,
            )
            if keep
        ]
        sources.append(Source(path, keys[path], tuple(row.release for row in kept)))
        origins.update((row.release, keys[path]) for row in kept)
        built += kept
    del files
    built.sort(key=lambda row: row.release)
    record = BuildRecord(
        files={path: key for path, key in keys.items() if key},
        removed=sorted(removed),
        restored=restored,
        software=software,
        skipped=len(errors),
    )
    # the rows read now, held; the others read from the cache as identity asks for them
    held = {row.release: row.mentions for row in built if isinstance(row, Row)}
    table = CachedRows(
        [row.release for row in built],
        held,
        origins,
        {key: path for path, key in keys.items() if key},
        cache,
    )
    digest = fingerprint(
        (row.release, row.digest if isinstance(row, Kept) else row.mentions.text_digest) for row in built
    )
    if dask:
        corpus = resolve_on_cluster([table[rid] for rid in table], dask)
    else:  # what the last build resolved kept: this one resolves again what changed (identity
        # depends on extraction's code and data alone, as the rows do: a change to graph/ keeps it)
        corpus, state = resolve_kept(
            table, origins, load_identity(outdir), code_fingerprint(), digest=digest, pool=pool
        )
        save_identity(outdir, state)
        del state
    del table, held
    give_back_memory()  # what resolving freed, before phase 3 (and the page index) runs
    return Update(
        record=record,
        corpus=corpus,
        extracted=extracted,
        reused=len(keys) - extracted,
        dropped=frozenset(dropped),
        sources=sources,
        errors=errors,
        warnings=[f"{row.path}: {warning}" for row in built for warning in row.warnings],
        files=len(keys),
        cache=Path(outdir),
        gone=None if found is None else frozenset(previous.files.values()) - frozenset(record.files.values()),
    )


def built_records(source: Source, cache: ExtractionCache) -> Iterator[Extraction]:
    """The records of a file's releases that are built, from the cache (or the file read again)."""
    return _built(source, cache.get(source.key))


def _built(source: Source, value: FileResult | None) -> Iterator[Extraction]:
    """The records of ``source``'s releases that are built, of its cache entry's ``value``
    (the file read again when that is None: missing or damaged)."""
    found, _ = value or extract_any(_local(source.path))
    wanted = set(source.releases)
    for item in found:
        if item.release.id in wanted:
            wanted.discard(item.release.id)  # of two with one id in a file, the first
            yield item


def _key_digests(corpus: Corpus) -> Callable[[str], str]:
    """A release's id -> a digest of its resolved keys: of the row identity keeps (read for every
    release in one query, no keys made), or of the keys themselves (a corpus resolved elsewhere)."""
    kept = getattr(corpus.keys, "digests", None)
    if kept is not None:
        found = kept()
        return lambda rid: found.get(rid, "")

    def digest(rid: str) -> str:
        keys = corpus.release_keys(rid)
        parts = (sorted(keys.persons.items()), sorted(keys.organizations.items()), sorted(keys.posts.items()))
        return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()

    return digest


def _mapped_digest(source: Source, digest_of: Callable[[str], str]) -> str:
    """What a file's shards are made from: its records (their cache key), govkg, its releases' keys
    (``digest_of``: :func:`_key_digests`)."""
    digest = hashlib.sha256(f"{software_fingerprint()}\0{source.key}\0".encode())
    for rid in source.releases:
        digest.update(f"{rid}\0{digest_of(rid)}\n".encode())
    return digest.hexdigest()


def _file_digests(update: Update) -> dict:
    """Each built file's key (None for a file without one) -> :func:`_mapped_digest`."""
    digest_of = _key_digests(update.corpus)
    return {source.key: _mapped_digest(source, digest_of) for source in update.sources if source.releases}


def mapped_digests(update: Update) -> dict[str, str] | None:
    """Each built file's key -> :func:`_mapped_digest` (None if a file has no key)."""
    if any(source.key is None for source in update.sources if source.releases):
        return None
    return _file_digests(update)


Work = list[tuple[Source, dict[str, ReleaseKeys], bytes | None]]


def map_sources(
    folder: str | Path, work: Work, rows: str | Path | None = None
) -> list[list[tuple[MappedRelease, bool]]]:
    """Phase 3 for some files, in the build's process, a pool worker or a Dask task: each release
    of each file mapped with its resolved keys and its shard written into ``folder`` (the shards);
    per file, what its releases gave the build and whether each shard was written. With ``rows``
    (the network state of the build's cache), each shard's network rows are made there from its
    triples as it is written (sharded.shard_rows_maker), not read back from the file in phase 4.

    A file's records come as the bytes of its cache entry, read by the
    build's process (workers never open the cache: graph/cache.py); the file
    is read again when the entry is missing (None) or damaged.
    """
    shards = ReleaseShards(folder, shard_rows_maker(rows) if rows is not None else None)
    return [
        [shards.write(item, keys[item.release.id]) for item in _built(source, unpickled(data))]
        for source, keys, data in work
    ]


def map_releases(
    update: Update,
    folder: Path,
    cache: ExtractionCache,
    *,
    batch: int = BATCH_FILES,
    workers: int | None = None,
    dask: Dask | None = None,
    pool: ProcessPoolExecutor | None = None,
    digests: Mapping[str, str] | None = None,
    kept: Mapping[str, str] | None = None,
    rows: Path | None = None,
) -> Iterator[tuple[MappedRelease, bool]]:
    """Phase 3: each release built mapped to its shard in ``folder``, ``batch`` files a task.

    A file whose records and releases' keys are those the previous build
    mapped (its ``MAPPED`` cache entry) and whose shards are all there is not
    read again: its shards are unchanged, and what they gave the build is
    taken from that entry. The other files are mapped by :func:`map_sources`
    in a process pool (``workers``: default one per core for 200 files or
    more), on the Dask cluster at ``dask``, or here; this process alone
    writes their ``MAPPED`` entries, a transaction per batch. The releases
    come in no particular order (what is made of them is sorted).

    ``digests`` are the files' :func:`mapped_digests` (made here if not
    given); a file whose digest is the one ``kept`` gives (what the shards
    folder was made from: shards.KeptShards) is left out: nothing is read of it.
    With ``rows`` (the network state of the build's cache), the shards mapped have their network
    rows made there as they are written (:func:`map_sources`).
    """
    corpus = update.corpus
    if digests is None:
        digests = _file_digests(update)
    kept = kept or {}
    sources = [s for s in update.sources if s.releases and kept.get(s.key) != digests[s.key]]
    with _submitter(dask, workers, len(sources), pool) as (submit, window):
        pending: deque = deque()
        for start in range(0, len(sources), batch):
            work: Work = []
            made = []
            for source in sources[start : start + batch]:
                digest = digests[source.key]
                known = cache.get(source.key, MAPPED)
                if known is not None and known[0] == digest and all(m.present(folder) for m in known[1]):
                    yield from ((mapped, False) for mapped in known[1])
                else:
                    keys = {rid: corpus.release_keys(rid) for rid in source.releases}
                    work.append((source, keys, cache.raw(source.key)))
                    made.append((source.key, digest))
            if work:
                pending.append((made, submit(map_sources, folder, work, rows)))
            while len(pending) >= window:
                yield from _mapped(cache, *pending.popleft())
        while pending:
            yield from _mapped(cache, *pending.popleft())


def mapped_before(
    kept: KeptShards, digests: Mapping[str, str], cache: ExtractionCache
) -> list[MappedRelease] | None:
    """What the previous build mapped of the files whose digest changed since, or that are gone
    (their ``MAPPED`` entries, of the digests ``kept`` names); None when one is not at hand."""
    found: list[MappedRelease] = []
    for key, digest in kept.sources.items():
        if digests.get(key) != digest:
            entry = cache.get(key, MAPPED)
            if entry is None or entry[0] != digest:
                return None
            found.extend(entry[1])
    return found


def _changed(kept: KeptShards, digests: Mapping[str, str]) -> int:
    """How many of the files built now have another digest than the one ``kept`` names (or none)."""
    return sum(1 for key, digest in digests.items() if kept.sources.get(key) != digest)


# An update maps again at most this share of the files to follow the change in the shards
# (update_release_shards holds what they give); more, and the shards are written whole.
FOLLOWED_SHARE = 0.25


def _mapped(cache: ExtractionCache, digests: list, future) -> Iterator[tuple[MappedRelease, bool]]:
    for (key, digest), mapped in zip(digests, future.result(), strict=True):
        cache.put(key, (digest, [release for release, _ in mapped]), MAPPED)
        yield from mapped
    cache.commit()


@contextmanager
def _submitter(
    dask: Dask | None, workers: int | None, files: int, pool: ProcessPoolExecutor | None = None
) -> Iterator[tuple[Callable, int]]:
    """``submit(function, *args)`` giving a future, and how many tasks to keep in flight."""
    if dask:
        with dask_client(dask) as client:
            yield partial(client.submit, pure=False), 2 * max(1, len(client.scheduler_info()["workers"]))
        return
    if workers is None:
        workers = (os.cpu_count() or 1) if files >= PARALLEL_THRESHOLD else 1
    if workers <= 1:
        yield _Done.of, 1
    elif pool is not None:  # started before phase 1 (see write_build)
        yield pool.submit, 2 * workers
    else:
        with worker_pool(workers) as pool:  # none outlives the build
            yield pool.submit, 2 * workers


@dataclass(frozen=True)
class _Done:
    """The future of a task run at once, in this process."""

    value: Any

    @classmethod
    def of(cls, function: Callable, *args) -> _Done:
        return cls(function(*args))

    def result(self) -> Any:
        return self.value


def write_build(
    update: Update,
    outdir: str | Path,
    *,
    workers: int | None = None,
    before_swap: Callable[[Path], object] | None = None,
    batch: int = BATCH_FILES,
    dask: Dask | None = None,
    pool: ProcessPoolExecutor | None = None,
) -> dict[str, Path]:
    """Phases 3 and 4 of a build: its shards and files, written into a staging folder swapped in for
    ``outdir`` as a whole (graph/folders.py); returns name -> path written.

    Phase 3 maps the releases ``batch`` files at a time, each straight to its
    N-Quads shard (graph/shards.py; a shard whose bytes are unchanged is not
    rewritten), each batch a task of a process pool of ``workers`` (default:
    one per core, from 200 files) or, with ``dask``, of that Dask cluster
    (graph/cluster.py): :func:`map_releases`. Phase 4 writes the graph files,
    the store and the views from the shards (sharded.write_from_shards: the
    graph is never held; the store is the previous build's, updated by what
    changed), the store's page index from the store (graph/indexing.py; an
    update's co-attendance tables from the previous build's and the triples
    graph.nt lost and gained; written while the pool writes GEXF and GraphML), and
    ``identity.tsv`` from the corpus. ``before_swap(staging
    folder)`` runs when all is written.

    ``pool``, a pool of ``workers`` processes (:func:`~govkg.graph.interrupts.worker_pool`)
    started before phase 1, maps instead of one forked now: workers forked
    this late would each count the build's rows and resolved corpus again,
    as reference counting copies the pages they share (at 100,000 releases,
    2.3 GB for the process tree instead of 1.3). Phase 4 hands it the RDF
    files and the Gephi files (and, for many shards, the rows of the views);
    its workers end once the last is written, not idle beside the page index
    (:func:`~govkg.graph.interrupts.retire_workers`), and it is shut down
    after phase 4.
    """
    outdir = Path(outdir)
    corpus = update.corpus
    if corpus is None:
        raise ValueError("the folder is up to date: nothing to write")
    # the network's rows files, only added to meanwhile, shared with the previous build (one rename)
    shared = [f"{CACHE}/{NETWORK_STATE}/{UNIT_ROWS}"]
    with staged_folder(outdir, carry=CARRIED, owned=build_entries().__contains__, shared=shared) as stage:
        folder = stage / SHARDS
        folder.mkdir(parents=True, exist_ok=True)
        state = stage / CACHE / SHARDS_STATE
        digests = mapped_digests(update)
        kept = KeptShards.of(state, folder) if digests is not None and corpus.releases else None
        options = {"batch": batch, "workers": workers, "dask": dask, "pool": pool, "digests": digests}
        # each shard's network rows made where it is written (phase 4's network_units finds them)
        options["rows"] = stage / CACHE / NETWORK_STATE
        # the cache through its own folder's path, not the staging folder's link (graph/cache.py)
        with ExtractionCache(update.cache or outdir) as cache:
            update.shards = None
            before = mapped_before(kept, digests, cache) if kept is not None else None
            if before is not None and _changed(kept, digests) <= FOLLOWED_SHARE * len(digests):
                # closed on an error or interrupt too: its pool is shut down then, not at exit
                with closing(map_releases(update, folder, cache, kept=kept.sources, **options)) as mapped:
                    with contextlib.suppress(Unkept):  # then written whole
                        update.shards = update_release_shards(kept, corpus, mapped, before, digests)
            if update.shards is None:
                with closing(map_releases(update, folder, cache, **options)) as mapped:
                    update.shards = write_release_shards(folder, corpus, mapped, state, digests)
        # what phase 3 read, a line or more a release, not held through phase 4
        del digests, kept, before, options
        forget_read_keys()
        forget_parts()
        give_back_memory()  # phase 3's batches, freed
        # phase 3's pool (its workers hold little) shares phase 4 with this process
        changes = (scratch(stage / "graph.nt", "removed"), scratch(stage / "graph.nt", "added"))
        try:
            written = write_from_shards(
                folder,
                stage,
                previous=outdir,
                state=stage / CACHE / RDF_STATE,
                pool=pool,
                workers=workers,
                changes=changes,
                index=True,  # the store's page index, from it (and what changed)
                retire=True,  # its workers end with their last task
            )
            if pool is not None:  # its workers are done
                pool.shutdown()
        finally:
            for path in changes:
                path.unlink(missing_ok=True)
        written["identity.tsv"] = _write_report(corpus, stage / "identity.tsv", outdir / "identity.tsv")
        written[SHARDS] = folder
        update.triples = _triples(stage)
        if before_swap is not None:
            before_swap(stage)
    prune_network(outdir)  # once swapped in: the previous build's rows are its own until then
    if isinstance(corpus.decisions, KeptDecisions):  # the report in place: the next update splices it
        corpus.decisions.report_written(outdir / "identity.tsv")
    return {name: outdir / path.relative_to(stage) for name, path in written.items()}


def _write_report(corpus: Corpus, path: Path, previous: Path) -> Path:
    """``identity.tsv`` at ``path``: of a corpus kept between builds, spliced from ``previous``
    (the last build's) where it can be (extract/resolved.py's KeptDecisions.report_pieces)."""
    decisions = corpus.decisions
    if not isinstance(decisions, KeptDecisions):
        return atomic_write(path, identity_lines(corpus))
    with atomic_open(path, "wb") as handle:
        handle.writelines(decisions.report_pieces(previous))
    return path


def _triples(folder: Path) -> int:
    """The triples of the folder's graph.nt: what its store's manifest says it holds when the
    manifest stamps graph.nt as it is (the store holds the same triples, each once, as graph.nt
    its lines), else its lines counted."""
    path = folder / "graph.nt"
    found = manifest(folder)
    if found is not None and isinstance(found.get("triples"), int):
        if found.get("files", {}).get("graph.nt") == stamp(path):
            return found["triples"]
    return _lines(path)


def _lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 22):
            count += chunk.count(b"\n")
    return count


def remove_releases(outdir: str | Path, ids: Iterable[str], **options) -> Update:
    """The build of ``outdir`` without the releases ``ids`` (from its cache; no input is read)."""
    return build_into(outdir, (), add=True, remove=ids, **options)


def forget_unused(outdir: str | Path, record: BuildRecord, gone: Iterable[str] | None = None) -> int:
    """Drop the cache entries of files that are no longer part of the build; returns how many.

    ``gone``: the keys of the previous build's files not built now (:attr:`Update.gone`):
    only those are looked up, not every entry (cache.ExtractionCache.keep_only).
    """
    return ExtractionCache(outdir).keep_only(set(record.files.values()), gone)
