"""Identity resolution on a Dask cluster: the mention table shuffled by a key of the name.

:func:`~govkg.extract.identity.resolve` runs in three steps (see its
section "resolving persons, by partitions of names"); on a cluster:

1. map: the rows of the releases that say where they speak for go to the
   workers in chunks; each task (:func:`~govkg.extract.identity.route`)
   resolves each mention in the light of its release, splits the mentions
   into one bucket per partition by a key of their name
   (:func:`~govkg.extract.identity.partition_of`), and makes the table of where
   the names asked about by step 2 are known;
2. the client merges those tables (only names of releases that do not say
   where they speak for), places those releases in rounds
   (:func:`~govkg.extract.identity.place_unplaced`) and scatters their
   mentions' buckets;
3. reduce: task ``p`` takes bucket ``p`` of every map task, from the workers
   that made them, and resolves that partition of names
   (:func:`~govkg.extract.identity.resolve_partition`); the client puts the
   partitions' results together (:func:`~govkg.extract.identity.assemble`),
   a partition at a time, as ``resolve`` does.

The corpus is the one ``resolve`` gives the same rows, whatever the number
of partitions or workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain

from govkg.extract.identity import (
    ROUTE_RELEASES,
    Buckets,
    Corpus,
    Known,
    Named,
    Part,
    ReleaseMentions,
    assemble,
    collector_paused,
    merge_known,
    partitions_for,
    place_unplaced,
    resolve_partition,
    route,
    split_unplaced,
    unplaced_names,
)
from govkg.graph.cluster import Dask, dask_client


def _known(routed: tuple[Known, Buckets]) -> Known:
    return routed[0]


def _bucket(routed: tuple[Known, Buckets], index: int) -> list[Named]:
    return routed[1][index]


def _resolve_buckets(*buckets: list[Named]) -> Part:
    return resolve_partition(chain.from_iterable(buckets))


def resolve_with_client(
    client, items: Iterable[ReleaseMentions], partitions: int | None = None, chunk: int = ROUTE_RELEASES
) -> Corpus:
    """The corpus of the mention rows ``items``, resolved by the client's workers (see the module doc).

    ``partitions`` defaults to one for each 5,000 releases
    (:func:`~govkg.extract.identity.partitions_for`), and no fewer than the
    cluster has workers.
    """
    table = sorted(items, key=lambda release: release.release)
    if partitions is None:
        partitions = max(partitions_for(len(table)), len(client.scheduler_info()["workers"]))
    placed, unplaced = split_unplaced(table)
    # in a list: a set given to scatter is scattered element by element
    (names,) = client.scatter([unplaced_names(unplaced)], broadcast=True, hash=False)
    chunks = [placed[start : start + chunk] for start in range(0, len(placed), chunk)]
    routed = client.map(route, chunks, names=names, partitions=partitions, pure=False)
    tables = [client.submit(_known, future, pure=False) for future in routed]
    buckets = [
        [client.submit(_bucket, future, p, pure=False) for p in range(partitions)] for future in routed
    ]
    del routed  # each map task's result is dropped once its buckets and table are taken
    known: Known = {}
    for future in tables:
        merge_known(known, future.result())
        future.release()
    with collector_paused():  # what resolve does on the client: placing, and assembling below
        placed_now = place_unplaced(unplaced, known, partitions)
    scattered = client.scatter(placed_now, hash=False)
    del known, placed_now
    parts = [
        client.submit(_resolve_buckets, scattered[p], *(row[p] for row in buckets), pure=False)
        for p in range(partitions)
    ]
    del buckets, scattered
    with collector_paused():
        return assemble(table, _results(parts))


def _results(futures: list) -> Iterator[Part]:
    """Each future's result in order, each released once taken."""
    for index, future in enumerate(futures):
        yield future.result()
        future.release()
        futures[index] = None


def resolve_on_cluster(
    items: Iterable[ReleaseMentions], address: Dask, partitions: int | None = None
) -> Corpus:
    """:func:`resolve_with_client` on the Dask cluster at ``address`` (``local``: a LocalCluster)."""
    with dask_client(address) as client:
        return resolve_with_client(client, items, partitions)
