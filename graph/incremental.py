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
kept. 2: identity is resolved once over those (:func:`build_into`). 3: the
releases are reloaded from the cache in batches of files and each is mapped
straight to its N-Quads shard; a shard whose bytes are unchanged is not
rewritten (graph/shards.py). 4: the graph files and the store are written
(:func:`write_build`). This gives byte for byte the files and shards a fresh
build of the same releases gives.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from govkg.extract import ReadError
from govkg.extract.identity import Corpus, ReleaseKeys
from govkg.extract.reading import iter_paths
from govkg.extract.records import Extraction
from govkg.graph.build import BuildResult, Progress, from_extractions, iter_files
from govkg.graph.cache import CACHE, ExtractionCache, software_fingerprint
from govkg.graph.cluster import extract_on_cluster
from govkg.graph.folders import staged_folder
from govkg.graph.outputs import CARRIED, WRITERS, build_entries, write_files
from govkg.graph.remote import extract_any, is_url, list_url
from govkg.graph.shards import SHARDS, ShardReport, write_release_shards
from govkg.graph.store import STORE, manifest, stamp

MANIFEST = "build.json"
# Files per batch of phase 3 (mapping to shards): what the build holds at a time.
BATCH_FILES = 500
FileResult = tuple[list[Extraction], list[ReadError]]


@dataclass
class BuildRecord:
    """What an output folder was built from: input files (path -> cache key) in order, releases removed."""

    files: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)
    software: str = ""  # digest of govkg's code and data that wrote the files (cache.software_fingerprint)
    skipped: int = 0  # inputs skipped (unreadable files, duplicate ids)

    @classmethod
    def load(cls, outdir: str | Path) -> BuildRecord | None:
        try:
            data = json.loads((Path(outdir) / CACHE / MANIFEST).read_text(encoding="utf-8"))
            return cls(
                files=dict(data["files"]),
                removed=list(data["removed"]),
                software=str(data.get("software", "")),
                skipped=int(data.get("skipped", 0)),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def save(self, outdir: str | Path) -> Path:
        path = Path(outdir) / CACHE / MANIFEST
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{MANIFEST}.{os.getpid()}.tmp")
        data = {
            "files": self.files,
            "removed": sorted(set(self.removed)),
            "software": self.software,
            "skipped": self.skipped,
        }
        tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, path)
        return path


@dataclass(frozen=True)
class Source:
    """A file of a build: the key of its cached records and the ids of its releases that are built."""

    path: str
    key: str | None
    releases: tuple[str, ...]


@dataclass
class Update:
    """A build into an output folder: its result, and how much of it was read anew."""

    result: BuildResult | None  # None when the folder was up to date (nothing built)
    record: BuildRecord
    extracted: int = 0  # files read and extracted by this build
    reused: int = 0  # files whose extraction came from the cache
    dropped: frozenset[str] = frozenset()  # ids of releases read but left out as removed
    sources: list[Source] = field(default_factory=list)  # the files built, in order
    cache: Path | None = None  # the folder whose cache holds their records
    shards: ShardReport | None = None  # what writing the shards did (write_build)

    @property
    def up_to_date(self) -> bool:
        return self.result is None

    def summary(self) -> str:
        if self.result is None:
            return f"up to date: {self.reused} files unchanged, nothing to do"
        return f"{self.result.summary()}; {self.extracted} files extracted, {self.reused} from the cache"


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


def _extract_missing(
    paths: list[Path | str], progress: Progress | None, workers: int | None, dask: str | None
) -> Iterator[FileResult]:
    if dask:
        yield from extract_on_cluster(paths, dask, progress=progress)
    else:
        yield from iter_files(paths, progress, workers, extractor=extract_any)


def _releases(
    results: Iterable[FileResult], removed: set[str], dropped: set[str]
) -> tuple[list[Extraction], list[ReadError]]:
    """The releases of the files in order, without duplicates and removed ids (noted in ``dropped``)."""
    extractions: list[Extraction] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    for found, failed in results:
        errors.extend(failed)
        for item in found:
            rid = item.release.id
            if rid in removed:
                dropped.add(rid)
                continue
            if rid in seen:
                errors.append(ReadError(item.release.path, f"duplicate release id {rid!r}, kept the first"))
            else:
                seen.add(rid)
                extractions.append(item)
    return extractions, errors


def identity_record(extraction: Extraction) -> Extraction:
    """What identity resolution keeps of a release while the build streams (phase 2 resolves these)."""
    return extraction


def _read_all(
    keys: dict[str, str | None],
    cache: ExtractionCache,
    progress: Progress | None,
    workers: int | None,
    dask: str | None,
) -> Iterator[tuple[str, FileResult, bool]]:
    """Phase 1: each file's records in order, as ``(path, records, extracted)``: from the cache, or
    read and extracted (in a pool or on Dask, streamed) and put in the cache."""
    missing = [path for path, key in keys.items() if not cache.has(key)]
    fresh = _extract_missing([_local(path) for path in missing], progress, workers, dask)
    missing_set = set(missing)
    for path, key in keys.items():
        value = next(fresh) if path in missing_set else cache.get(key)
        extracted = path in missing_set or value is None
        if value is None:  # its entry damaged: read again here
            value = extract_any(_local(path))
        if extracted:
            cache.put(key, value)
        yield path, value, extracted


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
    dask: str | None = None,
    reuse_outputs: bool = False,
) -> Update:
    """Build the releases of ``inputs`` for the output folder ``outdir``, reusing what it has extracted.

    Phases 1 and 2 of a build: each file's records are taken from the cache
    or read, extracted and cached, one file at a time, and what identity
    resolution needs of each release is kept (:func:`identity_record`); then
    identity is resolved once over them. Nothing is written but cache
    entries: :func:`write_build` writes the shards and files (phases 3 and
    4), then :meth:`BuildRecord.save` (which :func:`govkg.graph.cli.build`
    does), so that a build that fails to write leaves the folder's record as
    it was. With ``reuse_outputs``, a folder whose files this version of
    govkg wrote from the same files (same bytes) and removals is left as it
    is: the update's ``result`` is None.
    """
    cache = ExtractionCache(outdir)
    previous = BuildRecord.load(outdir) or BuildRecord()
    paths = input_files(inputs)
    keys = {str(path): cache.key_of_url(path) if is_url(path) else cache.key_of(path) for path in paths}
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
        return Update(result=None, record=previous, reused=len(keys))
    files: list[tuple[str, list[Extraction], list[ReadError]]] = []
    extracted = 0
    again: set[str] = set()
    for path, (found, failed), fresh in _read_all(keys, cache, progress, workers, dask):
        extracted += fresh
        if path in listed:
            again.update(item.release.id for item in found)
        files.append((path, [identity_record(item) for item in found], failed))
    if add:  # a release removed earlier comes back when a file holding it is listed again
        removed |= set(previous.removed) - again
    dropped: set[str] = set()
    extractions, errors = _releases(((found, failed) for _, found, failed in files), removed, dropped)
    kept = {id(item) for item in extractions}
    sources = [
        Source(path, keys[path], tuple(item.release.id for item in found if id(item) in kept))
        for path, found, _ in files
    ]
    record = BuildRecord(
        files={path: key for path, key in keys.items() if key},
        removed=sorted(removed),
        software=software,
        skipped=len(errors),
    )
    result = from_extractions(extractions, errors, len(keys))
    return Update(
        result=result,
        record=record,
        extracted=extracted,
        reused=len(keys) - extracted,
        dropped=frozenset(dropped),
        sources=sources,
        cache=Path(outdir),
    )


def release_batches(
    update: Update, corpus: Corpus, size: int = BATCH_FILES
) -> Iterator[list[tuple[Extraction, ReleaseKeys]]]:
    """Phase 3's input: the releases built, with their resolved keys, reloaded from the cache
    ``size`` files at a time (in the order of the files)."""
    cache = ExtractionCache(update.cache)
    batch: list[tuple[Extraction, ReleaseKeys]] = []
    for number, source in enumerate(update.sources, 1):
        if source.releases:
            found, _ = cache.get(source.key) or extract_any(_local(source.path))
            wanted = set(source.releases)
            for item in found:
                if item.release.id in wanted:
                    wanted.discard(item.release.id)  # of two with one id in a file, the first
                    batch.append((item, corpus.release_keys(item.release.id)))
        if number % size == 0 and batch:
            yield batch
            batch = []
    if batch:
        yield batch


def write_build(
    update: Update,
    outdir: str | Path,
    *,
    workers: int | None = None,
    before_swap: Callable[[Path], object] | None = None,
    batch: int = BATCH_FILES,
) -> dict[str, Path]:
    """Phases 3 and 4 of a build: its shards and files, written into a staging folder swapped in for
    ``outdir`` as a whole (graph/folders.py); returns name -> path written.

    Phase 3 maps the releases ``batch`` files at a time, each straight to its
    N-Quads shard (graph/shards.py; a shard whose bytes are unchanged is not
    rewritten); phase 4 writes the graph files and the store.
    ``before_swap(staging folder)`` runs when all is written.
    """
    outdir = Path(outdir)
    result = update.result
    corpus = result.resolved
    with staged_folder(outdir, carry=CARRIED, owned=build_entries().__contains__) as stage:
        report = write_release_shards(stage / SHARDS, corpus, release_batches(update, corpus, batch))
        written = write_files(result, stage, only=[*WRITERS, STORE], workers=workers)
        written[SHARDS] = stage / SHARDS
        update.shards = report
        if before_swap is not None:
            before_swap(stage)
    return {name: outdir / path.relative_to(stage) for name, path in written.items()}


def remove_releases(outdir: str | Path, ids: Iterable[str], **options) -> Update:
    """The build of ``outdir`` without the releases ``ids`` (from its cache; no input is read)."""
    return build_into(outdir, (), add=True, remove=ids, **options)


def forget_unused(outdir: str | Path, record: BuildRecord) -> int:
    """Drop the cache entries of files that are no longer part of the build; returns how many."""
    return ExtractionCache(outdir).keep_only(set(record.files.values()))
