"""Reading and extraction on a Dask cluster: ``govkg build ... --dask local`` or ``--dask tcp://HOST:PORT``.

The files are cut into partitions of consecutive paths; each partition is a
task that reads and extracts its files on a worker (the function a local
build runs per file, :func:`govkg.graph.remote.extract_any`) and sends back
the records. The results come back in the order of the paths, so the build
gives byte for byte the files of a single-process build. Identity
resolution is made by the client, from the rows of what identity needs of
each release; then the RDF mapping runs on the workers again
(graph/incremental.py, ``map_releases``): each task gets a batch of files'
records from the client (workers never open the cache) and writes their
releases' N-Quads shards into the output folder, which the workers must
therefore reach at the same path (a LocalCluster does; a cluster of other
machines needs it on a shared file system). The client writes the rest from
the shards.

``local`` starts a ``dask.distributed`` LocalCluster on this machine (one
worker process per core) and closes it at the end: ``govkg build`` starts one
for the whole build (:func:`dask_cluster`), when a phase first needs it, and
each phase's client connects to it; an address connects to a
running scheduler (``dask scheduler`` and ``dask worker`` on each machine, or
dask-jobqueue / dask-kubernetes), whose workers need govkg installed and the
input paths readable at the same paths (a shared file system), or inputs
given as fsspec URLs (``s3://…``, see graph/remote.py), which each worker reads
itself.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from govkg.extract import ReadError
from govkg.extract.records import Extraction
from govkg.graph.remote import extract_any

Progress = Callable[[int, int, str], None]
FileResult = tuple[list[Extraction], list[ReadError]]

# Files per task: large enough that scheduling costs little, small enough to spread the work.
PARTITION_FILES = 64


def extract_partition(paths: list[str]) -> list[FileResult]:
    """What a worker does with one partition: each file (path or fsspec URL) read and extracted, in order."""
    return [extract_any(path) for path in paths]


def _require_distributed():
    try:
        import distributed
    except ImportError as exc:
        raise ImportError('building on Dask needs dask.distributed: pip install "dask[distributed]"') from exc
    return distributed


class SharedCluster:
    """A LocalCluster for every phase of a build, started when a phase first asks for its
    address (a build with nothing to do starts none); :meth:`close` closes it."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers
        self.cluster = None

    def address(self) -> str:
        if self.cluster is None:
            distributed = _require_distributed()
            self.cluster = distributed.LocalCluster(
                n_workers=self.workers or os.cpu_count() or 1,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: another cluster may hold 8787
            )
        return self.cluster.scheduler_address

    def close(self) -> None:
        if self.cluster is not None:
            self.cluster.close()
            self.cluster = None


# What a build's ``dask`` is: an address (``local``, ``tcp://HOST:PORT``), or a cluster it shares.
Dask = str | SharedCluster


@contextmanager
def dask_cluster(address: Dask | None, workers: int | None = None) -> Iterator[Dask | None]:
    """One cluster for the phases of a build: for ``local``, a :class:`SharedCluster` (started when
    first used, closed at the end), which each phase's :func:`dask_client` connects to; any other
    ``address`` (a scheduler's, a cluster already shared, or None) as it is."""
    if address != "local":
        yield address
        return
    shared = SharedCluster(workers)
    try:
        yield shared
    finally:
        shared.close()


@contextmanager
def dask_client(address: Dask, workers: int | None = None):
    """A client of a cluster a build shares, of a LocalCluster of its own (``address == "local"``,
    closed with the client), or of a running scheduler."""
    distributed = _require_distributed()
    with dask_cluster(address, workers) as cluster:
        scheduler = cluster.address() if isinstance(cluster, SharedCluster) else cluster
        with distributed.Client(scheduler) as client:
            yield client


def partitions(paths: list[str], size: int = PARTITION_FILES) -> list[list[str]]:
    """Consecutive runs of ``size`` paths.

    >>> partitions(["a", "b", "c"], 2)
    [['a', 'b'], ['c']]
    """
    return [paths[start : start + size] for start in range(0, len(paths), size)]


def extract_with_client(
    client, paths: list[Path], progress: Progress | None = None, size: int = PARTITION_FILES
) -> Iterator[FileResult]:
    """Each file's records, in the order of ``paths``, extracted by the client's workers."""
    names = [str(path) for path in paths]
    parts = partitions(names, size)
    futures = client.map(extract_partition, parts, pure=False)
    done = 0
    try:
        for part, future in zip(parts, futures, strict=True):
            for name, value in zip(part, future.result(), strict=True):
                done += 1
                if progress:
                    progress(done, len(names), name)
                yield value
            future.release()
    finally:
        client.cancel(futures)


def extract_on_cluster(
    paths: list[Path], address: Dask, progress: Progress | None = None, workers: int | None = None
) -> Iterator[FileResult]:
    """Each file's records, in order, extracted on a Dask cluster (see the module doc)."""
    if not paths:
        return
    with dask_client(address, workers) as client:
        yield from extract_with_client(client, paths, progress)
