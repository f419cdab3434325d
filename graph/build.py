"""The Python API: build a graph from release files or records, write the outputs.

>>> from govkg.graph import build
>>> result = build([])          # no inputs: nothing read, an empty graph
>>> len(result.graph), result.skipped
(0, 0)
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from rdflib import Graph

from govkg.extract import ReadError, Release, extract, read_releases
from govkg.extract.identity import Corpus, resolve
from govkg.extract.pipeline import releases_of
from govkg.extract.reading import RawDocument, document_from_record, iter_paths
from govkg.extract.records import Extraction
from govkg.graph.interrupts import interrupt_within, worker_pool
from govkg.graph.rdf import to_rdf

Progress = Callable[[int, int, str], None]


@dataclass
class BuildResult:
    """What a build made: the graph, the extraction records, what was skipped.

    ``corpus`` is the resolved corpus the graph was mapped from (persons,
    posts, tenures, aliases, and why: the identity report reads it).
    """

    graph: Graph
    extractions: list[Extraction] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    files: int = 0
    corpus: Corpus | None = None

    @property
    def resolved(self) -> Corpus:
        """The resolved corpus (resolved now for a result made without one)."""
        return self.corpus if self.corpus is not None else resolve(self.extractions)

    @property
    def releases(self) -> list[Release]:
        return [e.release for e in self.extractions]

    @property
    def skipped(self) -> int:
        return len(self.errors)

    @property
    def warnings(self) -> list[str]:
        """What reading had to replace or drop in releases that were built, one line each, naming the file."""
        return [f"{e.release.path}: {warning}" for e in self.extractions for warning in e.release.warnings]

    def summary(self) -> str:
        line = f"{len(self.extractions)} releases from {self.files} files, {len(self.graph)} triples"
        if self.errors:
            line += f"; skipped {len(self.errors)} (see the messages above)"
        return line


def sample_paths() -> list[Path]:
    """The sample releases that ship with govkg (scraped text, boilerplate and all)."""
    folder = resources.files("govkg.graph").joinpath("samples")
    return sorted(Path(str(folder)).glob("*.txt"))


def extract_file(path: str | Path) -> tuple[list[Extraction], list[ReadError]]:
    """Read one file and extract every release in it; failures come back as errors."""
    releases, errors = read_releases(path)
    extractions, failed = extract_each(releases)
    return extractions, errors + failed


def extract_each(releases: Iterable[Release]) -> tuple[list[Extraction], list[ReadError]]:
    """Extract every release; an exception on one release is that release's error."""
    extractions, errors = [], []
    for release in releases:
        try:
            extractions.append(extract(release))
        except Exception as exc:  # a bug on one release must not sink the batch
            if (interrupt := interrupt_within(exc)) is not None:
                raise interrupt from exc
            errors.append(ReadError(release.path, f"extraction failed: {type(exc).__name__}: {exc}"))
    return extractions, errors


# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 200


def iter_files(
    paths: list[Path],
    progress: Progress | None = None,
    workers: int | None = None,
    extractor: Callable[[Path], tuple[list[Extraction], list[ReadError]]] = extract_file,
) -> Iterator[tuple[list[Extraction], list[ReadError]]]:
    """What each file holds, in the order of ``paths`` (so builds are deterministic).

    With ``workers`` > 1 (default: one per core, for large batches) files are
    read and extracted in a process pool; ``extractor`` (a module-level
    function, for the pool) reads and extracts one.
    """
    if workers is None:
        workers = (os.cpu_count() or 1) if len(paths) >= PARALLEL_THRESHOLD else 1
    with worker_pool(workers) if workers > 1 else contextlib.nullcontext() as pool:
        if pool is None:
            results = map(extractor, paths)
        else:
            results = pool.map(extractor, paths, chunksize=max(1, min(64, len(paths) // (workers * 8))))
        for number, result in enumerate(results, 1):
            if progress:
                progress(number, len(paths), str(paths[number - 1]))
            yield result


def build(
    inputs: Iterable[str | Path], progress: Progress | None = None, workers: int | None = None
) -> BuildResult:
    """Read files and folders (walked recursively), extract, and build the graph.

    Unreadable files and records are collected in ``errors``; the rest of the
    batch is built. Duplicate release ids keep the first release read.
    """
    paths = list(iter_paths(list(inputs)))
    extractions, errors = releases_of_files(iter_files(paths, progress, workers))
    return from_extractions(extractions, errors, len(paths))


def releases_of_files(
    results: Iterable[tuple[list[Extraction], list[ReadError]]],
    removed: Collection[str] = (),
    dropped: set[str] | None = None,
) -> tuple[list[Extraction], list[ReadError]]:
    """The releases of the files in order, the first of each id, none of ``removed`` (noted in
    ``dropped``); and the files' errors, with one for each duplicate id."""
    extractions: list[Extraction] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    for found, failed in results:
        errors.extend(failed)
        kept = first_of_each_id(
            [(e.release.id, e.release.path) for e in found], seen, errors, removed, dropped
        )
        extractions += [item for item, keep in zip(found, kept, strict=True) if keep]
    return extractions, errors


def first_of_each_id(
    releases: Iterable[tuple[str, str]],
    seen: set[str],
    errors: list[ReadError],
    removed: Collection[str] = (),
    dropped: set[str] | None = None,
) -> list[bool]:
    """Which of a file's releases, (id, path), are built: not removed (else noted in ``dropped``),
    not ``seen`` before (else an error, the first read is kept; ``seen`` grows)."""
    kept = []
    for rid, path in releases:
        if rid in removed:
            if dropped is not None:
                dropped.add(rid)
            kept.append(False)
        elif rid in seen:
            errors.append(ReadError(path, f"duplicate release id {rid!r}, kept the first"))
            kept.append(False)
        else:
            seen.add(rid)
            kept.append(True)
    return kept


def build_records(records: Iterable[dict]) -> BuildResult:
    """Build from news records already in memory (dicts with the crawler field names).

    >>> result = build_records([{"id": "n1", "title": "会议召开",
    ...                          "content": "1月25日，我市召开会议。", "pubtime": "2020-01-26 15:22"}])
    >>> result.releases[0].published
    '2020-01-26T15:22'
    """
    extractions: list[Extraction] = []
    errors: list[ReadError] = []
    seen: set[str] = set()
    for index, record in enumerate(records):
        where = f"record[{index}]"
        try:
            document: RawDocument = document_from_record(
                record, where, Path(f"record-{index}"), f"record-{index}"
            )
        except ReadError as exc:
            errors.append(exc)
            continue
        except Exception as exc:  # a bug on one record must not sink the batch
            errors.append(ReadError(where, f"reading failed: {type(exc).__name__}: {exc}"))
            continue
        releases, failed = releases_of([document])  # the same path as a file's: cleaned, checked, warned
        found, failed_extraction = extract_each(releases)
        errors += failed + failed_extraction
        kept = first_of_each_id([(e.release.id, e.release.path) for e in found], seen, errors)
        extractions += [item for item, keep in zip(found, kept, strict=True) if keep]
    return from_extractions(extractions, errors, 0)


def from_extractions(
    extractions: list[Extraction], errors: list[ReadError] | None = None, files: int = 0
) -> BuildResult:
    """The graph of extraction records: resolved once across releases, then mapped in one pass."""
    extractions = sorted(extractions, key=lambda e: e.release.id)
    corpus = resolve(extractions)
    return BuildResult(
        graph=to_rdf(extractions, corpus),
        extractions=extractions,
        errors=list(errors or []),
        files=files,
        corpus=corpus,
    )


def stderr_progress(number: int, total: int, name: str) -> None:
    """A one-line progress bar on stderr (only used when stderr is a terminal)."""
    width = 30
    done = int(width * number / max(total, 1))
    label = Path(name).name[-30:]
    sys.stderr.write(f"\r[{'#' * done}{'.' * (width - done)}] {number}/{total} {label:<30}")
    if number == total:
        sys.stderr.write("\n")
    sys.stderr.flush()
