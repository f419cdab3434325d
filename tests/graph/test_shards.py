"""N-Quads shards, one file per release graph (graph/shards.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import random

import pyoxigraph as ox
import pytest

from govkg.extract.identity import Corpus
from govkg.graph.build import BuildResult, sample_paths
from govkg.graph.build import build as build_paths
from govkg.graph.outputs import write_outputs
from govkg.graph.rdf import build_triples, release_iri, to_rdf
from govkg.graph.shards import (
    DEFAULT,
    SHARDS,
    KeptShards,
    ReleaseShards,
    SortedLines,
    Unkept,
    build_lines,
    default_change,
    edit_sorted,
    nt_lines,
    shard_name,
    update_release_shards,
    write_release_shards,
    write_shard_lines,
    write_shards,
)
from govkg.graph.version import __version__
from tests.graph.records import inspection, meeting


def build(folder, *extractions):
    result = BuildResult(graph=to_rdf(list(extractions)), extractions=list(extractions))
    write_outputs(result, folder, only=["graph.trig", "graph.nt", SHARDS])
    return folder / SHARDS


def quads(path):
    return {str(q) for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS)}


def test_one_shard_per_release_graph_and_the_default_graph(tmp_path):
    folder = build(tmp_path, meeting("r1"), inspection("r2"))
    names = sorted(p.name for p in folder.glob("*.nq"))
    assert names == sorted([DEFAULT, shard_name(str(release_iri("r1"))), shard_name(str(release_iri("r2")))])
    graphs = {
        q.graph_name
        for q in ox.parse(path=str(folder / shard_name(str(release_iri("r1")))), format=ox.RdfFormat.N_QUADS)
    }
    assert graphs == {ox.NamedNode(str(release_iri("r1")))}


def test_the_shards_hold_the_dataset_of_graph_trig(tmp_path):
    folder = build(tmp_path, meeting("r1"), inspection("r2"))
    from_shards = set().union(*(quads(path) for path in folder.glob("*.nq")))
    from_trig = {str(q) for q in ox.parse(path=str(tmp_path / "graph.trig"), format=ox.RdfFormat.TRIG)}
    assert from_shards == from_trig


def test_an_update_rewrites_only_the_graphs_that_changed(tmp_path):
    build(tmp_path, meeting("r1"), inspection("r2"))
    build(tmp_path, meeting("r1"), inspection("r3"))  # r2 gone, r3 new, r1 as it was
    report = write_shards(tmp_path)
    assert (report.written, report.removed) == (0, 0)
    result = BuildResult(graph=to_rdf([meeting("r1"), meeting("r4")]), extractions=[])
    write_outputs(result, tmp_path, only=["graph.trig"])
    report = write_shards(tmp_path)
    # r1 kept; r4 new, the default graph (the build's provenance) changed; r3 removed
    assert (report.written, report.unchanged, report.removed) == (2, 1, 1)
    assert not (tmp_path / SHARDS / shard_name(str(release_iri("r3")))).exists()


def test_sorted_lines_spill_runs_and_merge_them_each_once(tmp_path):
    lines = [f"{n % 7}\n" for n in range(50)]
    with SortedLines(tmp_path, run=4) as sorted_lines:
        sorted_lines.extend(lines)
        assert len(sorted_lines.runs) == 12
        assert list(sorted_lines) == sorted(set(lines)) == list(sorted_lines)  # again
    assert list(tmp_path.iterdir()) == []  # its runs removed


def test_sorted_lines_merge_runs_of_one_size_so_few_files_are_ever_open(tmp_path):
    rng = random.Random(7)
    lines = [f"{rng.randrange(5000):05d} 甲\n" for _ in range(3000)]
    most = 0
    with SortedLines(tmp_path, run=5, fan_in=4) as sorted_lines:
        for line in lines:
            sorted_lines.add(line)
            most = max(most, len(sorted_lines.runs))
        # 600 spills: runs of sizes 4^0..4^4, at most three of each size waiting
        assert most <= 3 * 5 + 1
        assert list(sorted_lines) == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("size", [1, 20, 1 << 20])
def test_sorted_lines_in_blocks_are_the_lines_merged_each_once(tmp_path, size):
    rng = random.Random(11)
    lines = [f"{rng.randrange(400):03d} 甲{rng.randrange(3)}\n" for _ in range(2000)]
    with SortedLines(tmp_path, run=97) as sorted_lines:
        sorted_lines.extend(lines)
        blocks = list(sorted_lines.blocks(size))
        assert len(sorted_lines.runs) > 2
        assert [line for block in blocks for line in block] == sorted(set(lines))
        assert all(blocks)


def test_sorted_lines_in_blocks_spill_the_lines_held_before_the_merge(tmp_path):
    lines = [f"{n:04d}\n" for n in range(1000, 0, -1)]
    with SortedLines(tmp_path, run=300) as sorted_lines:
        sorted_lines.extend(lines)
        assert len(sorted_lines.lines) == 100  # the last run, held
        blocks = sorted_lines.blocks(64)
        assert sorted_lines.lines == []  # spilled: merged a block at a time, as the other runs
        assert len(sorted_lines.runs) == 4
        assert [line for block in blocks for line in block] == sorted(lines)


@pytest.mark.parametrize(
    ("runs", "size", "each"),
    [
        (1, 8 << 20, 8 << 20),
        (4, 8 << 20, 2 << 20),
        (32, 8 << 20, 256 << 10),
        (512, 8 << 20, 64 << 10),  # at least MERGE_LEAST a run
        (8, 1000, 1000),  # at least the size asked, below that
    ],
)
def test_sorted_lines_in_blocks_share_the_size_among_the_runs(tmp_path, monkeypatch, runs, size, each):
    import govkg.graph.shards as shards

    given = []
    monkeypatch.setattr(shards, "_merged_blocks", lambda paths, lines, size, binary: given.append(size))
    with SortedLines(tmp_path, run=1, fan_in=1024) as sorted_lines:
        sorted_lines.extend(f"{n:04d}\n" for n in range(runs))
        sorted_lines.blocks(size)
        assert len(sorted_lines.runs) == runs
    assert given == [each]


def test_sorted_lines_of_bytes_sort_as_their_text(tmp_path):
    rng = random.Random(5)
    lines = [f"{rng.choice(['a', 'é', '甲', '𠀀'])}{rng.randrange(50)}\n" for _ in range(500)]
    with SortedLines(tmp_path, run_chars=300, binary=True) as sorted_lines:
        sorted_lines.extend(line.encode("utf-8") for line in lines)
        assert len(sorted_lines.runs) > 2
        wanted = [line.encode("utf-8") for line in sorted(set(lines))]
        assert list(sorted_lines) == wanted
        assert [line for block in sorted_lines.blocks(64) for line in block] == wanted


def test_sorted_lines_need_a_fan_in_of_two():
    with pytest.raises(ValueError, match="fan_in"):
        SortedLines(fan_in=1)


def test_shards_mapped_release_by_release_are_those_of_graph_trig(tmp_path):
    result = build_paths(sample_paths())
    write_outputs(result, tmp_path / "trig", only=["graph.trig", SHARDS])
    corpus = result.resolved
    shards = ReleaseShards(tmp_path / "mapped")
    report = write_release_shards(
        tmp_path / "mapped",
        corpus,
        (shards.write(e, corpus.release_keys(e.release.id)) for e in result.extractions),
    )
    assert (report.written, report.unchanged, report.removed) == (12, 0, 0)
    expected = {p.name: p.read_bytes() for p in (tmp_path / "trig" / SHARDS).iterdir()}
    assert {p.name: p.read_bytes() for p in (tmp_path / "mapped").iterdir()} == expected
    # three releases fewer: their shards go, the default graph changes
    fewer = (shards.write(e, corpus.release_keys(e.release.id)) for e in result.extractions[3:])
    report = write_release_shards(tmp_path / "mapped", corpus, fewer)
    assert (report.written, report.unchanged, report.removed) == (1, 8, 3)


def test_release_shards_tell_each_shard_with_its_triples_in_the_order_of_its_lines(tmp_path):
    result = build_paths(sample_paths())
    corpus = result.resolved
    told = []
    shards = ReleaseShards(tmp_path, made=lambda *shard: told.append(shard))
    for extraction in result.extractions:
        shards.write(extraction, corpus.release_keys(extraction.release.id))
    assert len(told) == len(result.extractions)
    for line, size, triples in told:
        graph, name, digest = line[:-1].split("\t")
        data = (tmp_path / name).read_bytes()
        assert (size, hashlib.sha256(data).hexdigest()) == (len(data), digest)
        end = f" <{graph}> .\n"
        assert "".join(f"{s} {p} {o}{end}" for s, p, o in triples).encode("utf-8") == data


def test_a_shard_written_from_its_lines_replaces_the_file_only_when_its_bytes_change(tmp_path):
    lines = ["<a> <p> <b> .\n", "<c> <p> <d> .\n"]
    assert write_shard_lines(tmp_path, "", lines)[1]
    first = (tmp_path / DEFAULT).stat().st_ino
    assert not write_shard_lines(tmp_path, "", lines)[1]
    assert (tmp_path / DEFAULT).stat().st_ino == first
    assert write_shard_lines(tmp_path, "", ["<a> <p> <e> .\n", "<c> <p> <d> .\n"])[1]  # same size
    assert write_shard_lines(tmp_path, "", lines[:1])[1]  # shorter
    assert (tmp_path / DEFAULT).read_text(encoding="utf-8") == lines[0]


def _edited(tmp_path, lines, wanted, block=1 << 20):
    path = tmp_path / "lines.nt"
    path.write_text("".join(lines), encoding="utf-8")
    removed, added = tmp_path / "removed", tmp_path / "added"
    digest = edit_sorted(path, wanted, removed, added, block=block)
    return digest, path.read_text(encoding="utf-8"), removed, added


@pytest.mark.parametrize("block", [1, 7, 1 << 20])
def test_a_sorted_file_edited_holds_the_lines_wanted_and_says_what_changed(tmp_path, block):
    lines = [f"<{c}> <p> <o> .\n" for c in "bdfhj"]
    wanted = [("<a> <p> <o> .\n", True), ("<d> <p> <o> .\n", False), ("<e> <p> <o> .\n", True)]
    wanted += [("<f> <p> <o> .\n", True), ("<g> <p> <o> .\n", False), ("<j> <p> <o> .\n", False)]
    wanted += [("<k> <p> <o> .\n", True)]
    digest, text, removed, added = _edited(tmp_path, lines, wanted, block)
    expected = "".join(f"<{c}> <p> <o> .\n" for c in "abefhk")
    assert text == expected
    assert digest == hashlib.sha256(expected.encode()).hexdigest()
    assert removed.read_text(encoding="utf-8") == "<d> <p> <o> .\n<j> <p> <o> .\n"
    assert added.read_text(encoding="utf-8") == "<a> <p> <o> .\n<e> <p> <o> .\n<k> <p> <o> .\n"


def test_a_sorted_file_holding_the_lines_wanted_already_is_left_as_it_is(tmp_path):
    lines = ["<a> <p> <o> .\n", "<c> <p> <o> .\n"]
    digest, text, removed, _ = _edited(
        tmp_path, lines, [("<a> <p> <o> .\n", True), ("<b> <p> <o> .\n", False)]
    )
    assert (digest, text, removed.exists()) == (None, "".join(lines), False)


def _mapped_by_release(tmp_path, result, extractions, folder):
    shards = ReleaseShards(folder)
    corpus = result.resolved
    return {e.release.id: shards.write(e, corpus.release_keys(e.release.id)) for e in extractions}


def test_an_update_of_the_shards_from_what_changed_gives_the_shards_written_whole(tmp_path):
    result = build_paths(sample_paths())
    corpus = result.resolved
    extractions = result.extractions
    folder, state = tmp_path / "updated", tmp_path / "state"
    first = _mapped_by_release(tmp_path, result, extractions[:9], folder)
    sources = {rid: rid for rid in first}  # a file a release, its digest its id
    write_release_shards(folder, corpus, first.values(), state, sources)
    kept = KeptShards.of(state, folder)
    assert kept is not None and kept.sources == sources
    # two releases added, one gone: the corpus of them all but the third
    added = _mapped_by_release(tmp_path, result, extractions[9:], folder)
    gone = extractions[2].release.id
    now = {**{rid: rid for rid in first if rid != gone}, **{rid: rid for rid in added}}
    report = update_release_shards(kept, corpus, added.values(), [first[gone][0]], now)
    whole = tmp_path / "whole"
    everyone = _mapped_by_release(tmp_path, result, [e for e in extractions if e.release.id != gone], whole)
    write_release_shards(whole, corpus, everyone.values())
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        p.name: p.read_bytes() for p in whole.iterdir()
    }
    assert (report.written, report.removed) == (3, 1)  # two shards and the default graph; one removed
    # what default.nq lost and gained is kept for the RDF files, and the state describes the new files
    removed, added_lines = default_change(
        state, kept.default_digest, KeptShards.of(state, folder).default_digest
    )
    assert removed.read_text(encoding="utf-8") and added_lines.read_text(encoding="utf-8")
    assert KeptShards.of(state, folder).sources == now


class _ReadCounted:
    """The corpus's tenures as a kept state gives them (read from it again at each pass), passes counted."""

    def __init__(self, tenures) -> None:
        self.tenures, self.passes = tuple(tenures), 0

    def __iter__(self):
        self.passes += 1
        return iter(self.tenures)

    def __len__(self) -> int:
        return len(self.tenures)


def test_an_update_of_the_shards_reads_the_corpus_s_tenures_once(tmp_path):
    """Each pass over a kept corpus's tenures reads every one from the identity state (0.12 s of
    CPU at 30,000 releases): the update reads them once, and writes the shards written whole."""
    result = build_paths(sample_paths())
    extractions = result.extractions
    folder, state = tmp_path / "updated", tmp_path / "state"
    first = _mapped_by_release(tmp_path, result, extractions[:9], folder)
    write_release_shards(folder, result.resolved, first.values(), state, {rid: rid for rid in first})
    added = _mapped_by_release(tmp_path, result, extractions[9:], folder)
    tenures = _ReadCounted(result.resolved.tenures)
    assert tenures.tenures  # the sample corpus holds some
    corpus = dataclasses.replace(result.resolved, tenures=tenures)
    sources = {rid: rid for rid in [*first, *added]}
    update_release_shards(KeptShards.of(state, folder), corpus, added.values(), [], sources)
    assert tenures.passes == 1
    whole = tmp_path / "whole"
    write_release_shards(
        whole, result.resolved, _mapped_by_release(tmp_path, result, extractions, whole).values()
    )
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == {
        p.name: p.read_bytes() for p in whole.iterdir()
    }


def test_an_update_of_the_shards_needs_each_release_s_default_lines_to_name_its_own_nodes(tmp_path):
    result = build_paths(sample_paths())
    corpus = result.resolved
    folder, state = tmp_path / "updated", tmp_path / "state"
    first = _mapped_by_release(tmp_path, result, result.extractions, folder)
    write_release_shards(folder, corpus, first.values(), state, {rid: rid for rid in first})
    release, written = next(iter(first.values()))
    odd = dataclasses.replace(release, default=(*release.default, "<a> <p> <b> .\n"))
    with pytest.raises(Unkept):
        update_release_shards(KeptShards.of(state, folder), corpus, [(odd, written)], [release], {})


@pytest.mark.parametrize(
    "releases",
    [
        (),
        ("r1",),
        ("r2", "r1", "r1"),
        ("a b", "新华社-1", "x<y>", "50%", "who@where", 'q"{|}^`\\'),
    ],
)
def test_the_build_s_lines_are_its_triples_lines_sorted_each_once(releases):
    """Each release's member line is formatted from its id, not made from its IRI's term: the
    same text, for ids that are escaped or percent-encoded too."""
    corpus = Corpus(releases=tuple(releases), keys={}, fingerprint="f")
    made = sorted(set(nt_lines(build_triples(corpus, __version__)))) if releases else []
    assert build_lines(corpus) == made


_GRAPH = "https://w3id.org/govkg/id/release/a"


@pytest.mark.parametrize(
    ("before", "data", "written"),
    [
        (None, b"<a> <b> <c> .\n", True),  # a new file
        (b"<a> <b> <c> .\n", b"<a> <b> <c> .\n", False),  # the same bytes: left as it is
        (b"<a> <b> <d> .\n", b"<a> <b> <c> .\n", True),  # as long, other bytes: replaced
        (b"<a> <b> <c> .\n", b"<a> <b> <cc> .\n", True),  # another size: replaced
    ],
)
def test_write_shard_gives_its_line_whether_written_and_the_status_of_the_file_in_place(
    tmp_path, before, data, written
):
    from govkg.graph.shards import shard_name, write_shard

    path = tmp_path / shard_name(_GRAPH)
    if before is not None:
        path.write_bytes(before)
    line, was_written, info = write_shard(tmp_path, _GRAPH, data)
    assert line == f"{_GRAPH}\t{path.name}\t{hashlib.sha256(data).hexdigest()}\n"
    assert was_written is written
    assert path.read_bytes() == data
    now = path.stat()
    assert (info.st_size, info.st_mtime_ns, info.st_ino) == (now.st_size, now.st_mtime_ns, now.st_ino)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no scratch file left


# index.tsv as written (bare IRIs, the default graph's row), with a graph in N-Triples, and
# without the default graph's row (its file there all the same); a line not of three cells.
_INDEXES = {
    "as written": "\tdefault.nq\tx\nhttps://example.org/release/2\tb.nq\ty\nhttps://example.org/release/1\ta.nq\tz\n",
    "a graph in N-Triples": "<https://example.org/release/1>\ta.nq\tz\n\tdefault.nq\tx\n",
    "no default row": "https://example.org/release/1\ta.nq\tz\nnot a row\n",
}


@pytest.mark.parametrize("case", sorted(_INDEXES))
def test_the_shards_listed_a_line_at_a_time_are_those_of_shard_files(tmp_path, case):
    from govkg.graph.sharded import shard_files
    from govkg.graph.shards import INDEX, iter_shards

    (tmp_path / INDEX).write_text("graph\tfile\tsha256\n" + _INDEXES[case], encoding="utf-8")
    (tmp_path / DEFAULT).write_bytes(b"")
    listed = list(iter_shards(tmp_path))
    assert sorted(listed) == shard_files(tmp_path)
    assert len(listed) == len(set(listed))
