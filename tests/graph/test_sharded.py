"""RDF files from the N-Quads shards in bounded memory (graph/sharded.py): the in-memory writers' bytes."""

from __future__ import annotations

import hashlib
import random
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor

import pyoxigraph as ox
import pytest
from rdflib import RDF, XSD, BNode, Literal, URIRef

from govkg.graph import sharded
from govkg.graph import store as store_module
from govkg.graph.build import BuildResult
from govkg.graph.interrupts import pool_workers, worker_pool
from govkg.graph.iris import release_iri
from govkg.graph.outputs import _Names, canonical, named_graph_head, write_outputs
from govkg.graph.page_index import INDEX as PAGE_INDEX
from govkg.graph.rdf import to_rdf
from govkg.graph.sharded import (
    NETWORK_FILES,
    RDF_FILES,
    ShardError,
    shard_files,
    shard_triples,
    write_from_shards,
    write_rdf_files,
)
from govkg.graph.shards import DEFAULT, INDEX, SHARDS, shard_name
from govkg.graph.splice import Splice
from govkg.graph.store import STORE, manifest, stamp
from govkg.ontology import GOV, PREFIXES, SCHEMA
from tests.graph.records import inspection, meeting


@pytest.fixture(scope="module")
def pool():
    """A pool of two processes, as a build hands phase 4 (graph/interrupts.py)."""
    with worker_pool(2) as started:
        yield started


def in_memory(result: BuildResult, folder):
    """The four RDF files as today's writers write them, from the graph in memory."""
    write_outputs(result, folder, only=list(RDF_FILES))
    return folder


def canonical_shards(graph, folder, shuffle: bool = True):
    """Shards as a streaming build writes them: canonical N-Quads, in any line order."""
    folder.mkdir(parents=True)
    canon = canonical(graph)
    rows = ["graph\tfile\tsha256"]
    graphs = [("", canon.default), *canon.named.items()]
    for name, triples in graphs:
        end = f" {name} .\n" if name else " .\n"
        lines = [f"{s} {p} {o}{end}" for s, p, o in triples]
        if shuffle:
            random.Random(0).shuffle(lines)
        data = "".join(lines).encode("utf-8")
        file = shard_name(name[1:-1]) if name else DEFAULT
        (folder / file).write_bytes(data)
        rows.append(f"{name[1:-1]}\t{file}\t{hashlib.sha256(data).hexdigest()}")
    (folder / INDEX).write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def assert_same_files(expected, actual):
    for name in RDF_FILES:
        assert (actual / name).read_bytes() == (expected / name).read_bytes(), name


def odd_result() -> BuildResult:
    """Releases whose ids sort apart as IRIs and in N-Triples (1, 12), and literals that need escapes."""
    graph = to_rdf([meeting("1"), meeting("12", chair="王五"), inspection("123")])
    person = URIRef("https://w3id.org/govkg/id/person/odd")
    own = graph.release_triples[release_iri("12")]
    for triple in [
        (person, RDF.type, GOV.Person),
        (person, SCHEMA.name, Literal('引号"与\\反斜杠\n换行\r\t\x00\x01\x7f\ufffe', lang="zh")),
        (person, SCHEMA.name, Literal("Mixed Case", lang="EN-gb")),
        (person, SCHEMA.description, Literal("space <not an IRI> _:b0 \u2028")),
        (person, SCHEMA.birthDate, Literal("1960-05-01", datatype=XSD.date)),
        (person, SCHEMA.identifier, Literal("07", datatype=URIRef("https://example.org/x y#code"))),
        (person, SCHEMA.url, URIRef("https://example.org/a b|c")),
    ]:
        graph.add(triple)
        own.append(triple)
    graph.add((person, SCHEMA.alternateName, Literal("默认图")))  # in no release graph
    return BuildResult(graph=graph, extractions=[])


def test_the_sample_build_from_its_shards_is_byte_identical(sample_result, tmp_path):
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder, only=[*RDF_FILES, SHARDS])
    write_rdf_files(folder / SHARDS, tmp_path / "streamed")
    assert_same_files(folder, tmp_path / "streamed")


def test_a_whole_build_from_its_shards_gives_every_graph_file_and_the_store(sample_result, tmp_path):
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder)
    written = write_from_shards(folder / SHARDS, tmp_path / "streamed")
    assert sorted(written) == sorted([*RDF_FILES, *NETWORK_FILES, STORE])
    for name in (*RDF_FILES, *NETWORK_FILES):
        assert written[name].read_bytes() == (folder / name).read_bytes(), name
    stored = manifest(tmp_path / "streamed")
    assert stored["triples"] == manifest(folder)["triples"]
    assert sorted(stored["files"]) == sorted(RDF_FILES)  # written before the store, named in its manifest


def test_many_small_runs_give_the_same_bytes(sample_result, tmp_path):
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder, only=[*RDF_FILES, SHARDS])
    write_rdf_files(folder / SHARDS, tmp_path / "streamed", run_chars=2_000)
    assert_same_files(folder, tmp_path / "streamed")
    assert not list((tmp_path / "streamed").glob(".*"))  # the runs are removed


def test_a_writer_that_forgets_the_names_it_made_gives_the_same_bytes(sample_result, tmp_path, monkeypatch):
    """The prefixed names of IRIs are cached up to CACHED_NAMES (memory bounded), then made again."""
    monkeypatch.setattr(sharded, "CACHED_NAMES", 3)
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder, only=[*RDF_FILES, SHARDS])
    write_rdf_files(folder / SHARDS, tmp_path / "streamed")
    assert_same_files(folder, tmp_path / "streamed")


def assert_streamed_as_in_memory(built, tmp_path, run_chars):
    """The RDF files written from ``built``'s canonical shards (into tmp_path/streamed) are those
    the in-memory writers give."""
    shards = canonical_shards(built.graph, tmp_path / "shards")
    write_rdf_files(shards, tmp_path / "streamed", run_chars=run_chars)
    assert_same_files(in_memory(built, tmp_path / "memory"), tmp_path / "streamed")


@pytest.mark.parametrize("run_chars", [300, 10_000_000])
def test_odd_literals_and_release_ids_give_the_same_bytes(tmp_path, run_chars):
    assert_streamed_as_in_memory(odd_result(), tmp_path, run_chars)


def test_release_graphs_come_in_the_order_of_their_names_in_n_triples(tmp_path):
    shards = canonical_shards(odd_result().graph, tmp_path / "shards")
    names = [graph for graph, _ in shard_files(shards) if graph]
    assert names == [f"<{release_iri(i)}>" for i in ("123", "12", "1")]


def test_a_default_graph_triple_that_a_release_graph_holds_is_in_that_graph_only(tmp_path):
    built = BuildResult(graph=to_rdf([meeting("r1")]), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards", shuffle=False)
    (named,) = [path for graph, path in shard_files(shards) if graph]
    repeated = named.read_text(encoding="utf-8").splitlines()[0].rsplit(" ", 2)[0]
    with (shards / DEFAULT).open("a", encoding="utf-8") as handle:
        handle.write(f"{repeated} .\n")
    write_rdf_files(shards, tmp_path / "streamed")
    assert_same_files(in_memory(built, tmp_path / "memory"), tmp_path / "streamed")


def test_shards_with_blank_nodes_are_labelled_as_in_memory(tmp_path):
    built = BuildResult(graph=to_rdf([meeting("r1")]), extractions=[])
    node = BNode()
    built.graph.add((node, RDF.type, GOV.Post))
    built.graph.add((node, SCHEMA.name, Literal("县长", lang="zh")))
    shards = canonical_shards(built.graph, tmp_path / "shards")
    write_rdf_files(shards, tmp_path / "streamed")
    assert_same_files(in_memory(built, tmp_path / "memory"), tmp_path / "streamed")


def test_a_line_of_another_graph_is_refused_and_no_file_is_written(tmp_path):
    shards = canonical_shards(to_rdf([meeting("r1")]), tmp_path / "shards")
    (named,) = [path for graph, path in shard_files(shards) if graph]
    with named.open("a", encoding="utf-8") as handle:
        handle.write("<urn:x> <urn:p> <urn:x> <urn:g> .\n")
    with pytest.raises(ShardError, match=named.name):
        write_rdf_files(shards, tmp_path / "streamed")
    assert not list((tmp_path / "streamed").iterdir())


@pytest.mark.parametrize("graph", ["<urn:g>", ""])
def test_a_shard_larger_than_a_block_is_read_line_by_line_in_order(tmp_path, graph):
    end = f" {graph} ." if graph else " ."
    triples = [f'<urn:s{n:06d}> <urn:p> "某市{n}"@zh' for n in range(40_000)]  # about 1.3 MB: two blocks
    path = tmp_path / "shard.nq"
    path.write_text("".join(f"{t}{end}\n" for t in triples[:-1]) + f"\n{triples[-1]}{end}", encoding="utf-8")
    assert list(shard_triples(path, graph)) == triples  # a blank line; the last without its newline


def test_a_bad_line_past_the_first_block_is_told_by_its_number(tmp_path):
    lines = [f"<urn:s{n:06d}> <urn:p> <urn:o> <urn:g> .\n" for n in range(40_000)]
    lines[35_000] = "<urn:x> <urn:p> <urn:x> <urn:h> .\n"
    path = tmp_path / "shard.nq"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ShardError, match=f"{path.name}:35001: not a triple"):
        list(shard_triples(path, "<urn:g>"))


def test_a_folder_without_an_index_says_so(tmp_path):
    with pytest.raises(ShardError, match=INDEX):
        write_rdf_files(tmp_path, tmp_path / "out")


def test_blank_lines_and_a_last_line_without_its_newline_are_read(tmp_path):
    built = BuildResult(graph=to_rdf([meeting("r1")]), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards")
    (named,) = [path for graph, path in shard_files(shards) if graph]
    lines = named.read_text(encoding="utf-8").splitlines(keepends=True)
    named.write_text("".join(lines[:2]) + "\n" + "".join(lines[2:])[:-1], encoding="utf-8")
    write_rdf_files(shards, tmp_path / "streamed")
    assert_same_files(in_memory(built, tmp_path / "memory"), tmp_path / "streamed")


def _graphs():
    """Graphs an update goes through: subjects changed, added, then removed, and back."""
    return [
        to_rdf([meeting("1"), meeting("12"), inspection("123")]),
        odd_result().graph,
        to_rdf([meeting("1")]),
        to_rdf([meeting("1"), meeting("12", chair="王五"), inspection("123")]),
    ]


@pytest.mark.parametrize("run_chars", [300, 10_000_000])
def test_files_updated_from_the_previous_ones_are_those_written_whole(tmp_path, run_chars, monkeypatch):
    out, state = tmp_path / "out", tmp_path / "state"
    spliced = []
    real = sharded._write_rdf
    monkeypatch.setattr(sharded, "_write_rdf", lambda *a: spliced.append(a[5] is not None) or real(*a))
    for number, graph in enumerate(_graphs()):
        shards = canonical_shards(graph, tmp_path / f"shards{number}")
        write_rdf_files(shards, out, run_chars=run_chars, previous=out, state=state)
        assert spliced == [number > 0]
        write_rdf_files(shards, tmp_path / f"whole{number}", run_chars=run_chars)
        assert_same_files(tmp_path / f"whole{number}", out)
        spliced.clear()
    assert not list(out.glob(".*"))


@pytest.mark.parametrize("shuffle", [False, True])
def test_an_update_from_the_previous_builds_shards_is_the_whole_write(tmp_path, monkeypatch, shuffle):
    """As a build updates: the new shards in the new folder, the previous build's beside its files.
    The default graph's changes are its shard's, and the lines to write again those of the previous
    shards' subjects: the same files as written whole (shards not sorted: found by their tags)."""
    found = []
    real = sharded._Previous.subjects
    monkeypatch.setattr(sharded._Previous, "subjects", lambda *a: found.append(real(*a)) or found[-1])
    before = None
    for number, graph in enumerate(_graphs()):
        out = tmp_path / f"build{number}"
        shards = canonical_shards(graph, out / SHARDS, shuffle=shuffle)
        state = out / "state"
        if before is not None:
            shutil.copytree(before / "state", state)
        write_rdf_files(shards, out, previous=before, state=state, changes=(out / "rm.nt", out / "add.nt"))
        write_rdf_files(shards, tmp_path / f"whole{number}")
        assert_same_files(tmp_path / f"whole{number}", out)
        if before is not None:  # the store's changes: the previous graph.nt less removed, plus added
            lines = set((before / "graph.nt").read_bytes().splitlines(keepends=True))
            lines -= set((out / "rm.nt").read_bytes().splitlines(keepends=True))
            lines |= set((out / "add.nt").read_bytes().splitlines(keepends=True))
            assert lines == set((out / "graph.nt").read_bytes().splitlines(keepends=True))
        before = out
    assert found and all(subjects is not None for subjects in found)


def test_the_default_graphs_changes_are_its_lines_removed_and_added(tmp_path):
    old, new = tmp_path / "old.nq", tmp_path / "new.nq"
    old.write_bytes(b"<a> <p> <b> .\n<c> <p> <d> .\n<e> <p> <f> .\n")
    new.write_bytes(b"<a> <p> <b> .\n<c> <q> <d> .\n<g> <p> <h> .\n")
    digest = hashlib.sha256(old.read_bytes()).hexdigest()
    changes = sharded._DefaultChanges.of(old, new, digest)
    assert changes.removed == {f"<c> <p> <d>\t{DEFAULT}", f"<e> <p> <f>\t{DEFAULT}"}
    assert changes.added == [f"<c> <q> <d>\t{DEFAULT}\n", f"<g> <p> <h>\t{DEFAULT}\n"]
    assert changes.subjects == [b"<c>", b"<e>"]
    assert sharded._DefaultChanges.of(old, new, "another digest") is None
    new.write_bytes(b"<c> <q> <d> .\n<a> <p> <b> .\n")  # not sorted: not a build's
    assert sharded._DefaultChanges.of(old, new, digest) is None


@pytest.mark.parametrize("block", [1, 7, 40, 1 << 20])
@pytest.mark.parametrize("limit", [None, b"<a>", b"<b>", b"<bb>", b"<c>", b"<d>"])
def test_runs_of_lines_before_a_subject_whatever_the_block(tmp_path, block, limit):
    lines = [b"<a> x\n", b"<b> y\n", b"<b> z\n", b"<c> w w w\n"]
    path = tmp_path / "triples.tsv"
    path.write_bytes(b"".join(lines))
    with path.open("rb") as handle:
        runs = sharded._Runs(handle, block=block)
        taken = b""
        while run := runs.before(limit):
            taken += run
        assert taken == b"".join(line for line in lines if limit is None or line.split(b" ")[0] < limit)
        if limit is not None and taken != b"".join(lines):
            line = runs.line()
            assert line == lines[len(taken.splitlines())]
            runs.take(len(line))


@pytest.mark.parametrize(
    "damage",
    [
        lambda out, state: (out / "graph.ttl").write_text("changed since", encoding="utf-8"),
        lambda out, state: (state / "triples.tsv").write_text("<a> <b> <c>\tdefault.nq\x1e1\t2\t3\t4\n"),
        lambda out, state: (state / "triples.tsv").write_text("no triple\x1ex\n", encoding="utf-8"),
        lambda out, state: (state / "graphs.tsv").unlink(),
    ],
)
def test_previous_files_their_state_does_not_describe_are_written_whole(tmp_path, damage):
    out, state = tmp_path / "out", tmp_path / "state"
    first, second = _graphs()[:2]
    write_rdf_files(canonical_shards(first, tmp_path / "first"), out, previous=out, state=state)
    damage(out, state)
    shards = canonical_shards(second, tmp_path / "second")
    write_rdf_files(shards, out, previous=out, state=state)
    write_rdf_files(shards, tmp_path / "whole")
    assert_same_files(tmp_path / "whole", out)


def test_spans_are_copied_where_the_kernel_cannot_copy_them(tmp_path, monkeypatch):
    def refuse(*args):
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr("os.copy_file_range", refuse, raising=False)
    out, state = tmp_path / "out", tmp_path / "state"
    for number, graph in enumerate(_graphs()[:2]):
        shards = canonical_shards(graph, tmp_path / f"shards{number}")
        write_rdf_files(shards, out, previous=out, state=state)
    write_rdf_files(shards, tmp_path / "whole")
    assert_same_files(tmp_path / "whole", out)


INTEGER = "<http://www.w3.org/2001/XMLSchema#integer>"


@pytest.mark.parametrize(
    "before, after, removed, added",
    [
        (["<a> <p> <b>"], ["<a> <p> <b>", "<a> <q> <c>"], [], ["<a> <q> <c>"]),
        (["<a> <p> <b>", "<a> <q> <c>"], [], ["<a> <p> <b>", "<a> <q> <c>"], []),
        # Oxigraph keeps "05" and "5" as one value: removing one takes the other, which is added again
        (
            [f'<a> <p> "05"^^{INTEGER}', f'<a> <p> "5"^^{INTEGER}'],
            [f'<a> <p> "5"^^{INTEGER}'],
            [f'<a> <p> "05"^^{INTEGER}'],
            [f'<a> <p> "5"^^{INTEGER}'],
        ),
        (['<a> <p> "x"@zh-CN', '<a> <q> "y"'], ['<a> <q> "y"'], ['<a> <p> "x"@zh-CN'], []),
    ],
)
def test_the_changes_of_a_subject_for_the_store(before, after, removed, added):
    def records(triples):
        return [f"{triple}\t{DEFAULT}" for triple in triples]

    assert sharded._changes(records(before), records(after)) == (removed, added)


def test_the_store_of_an_update_holds_its_graph_nt(tmp_path):
    out, state = tmp_path / "out", tmp_path / "state"
    for number, graph in enumerate(_graphs()):
        shards = canonical_shards(graph, tmp_path / f"shards{number}")
        write_from_shards(shards, out, network=False, previous=out, state=state)
        stored = ox.Store.read_only(str(out / STORE / "oxigraph"))
        fresh = ox.Store()
        fresh.bulk_load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
        assert sorted(map(str, stored)) == sorted(map(str, fresh))
        del stored
    assert not list(out.glob(".*"))


# Written whole by two processes and a thread (write_from_shards with a pool): the same bytes.


def test_a_build_by_two_processes_gives_the_same_files_and_store(sample_result, tmp_path, pool):
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder)
    one = write_from_shards(folder / SHARDS, tmp_path / "one", workers=1)
    two = write_from_shards(folder / SHARDS, tmp_path / "two", pool=pool)
    assert list(two) == list(one)  # the same files, named in the same order
    for name in (*RDF_FILES, *NETWORK_FILES):
        assert two[name].read_bytes() == (folder / name).read_bytes(), name
    stored = ox.Store.read_only(str(two[STORE] / "oxigraph"))
    fresh = ox.Store()
    fresh.bulk_load(path=str(two["graph.nt"]), format=ox.RdfFormat.N_TRIPLES)
    assert sorted(map(str, stored)) == sorted(map(str, fresh))
    del stored
    found = manifest(tmp_path / "two")
    assert found["triples"] == manifest(folder)["triples"]
    assert found["files"] == {name: stamp(two[name]) for name in RDF_FILES}  # the files as they are
    assert not list((tmp_path / "two").glob(".*"))


def test_an_update_by_two_processes_is_the_whole_write(tmp_path, pool, monkeypatch):
    out, state = tmp_path / "out", tmp_path / "state"
    applied = []
    real = store_module.apply_changes
    monkeypatch.setattr(store_module, "apply_changes", lambda *a, **k: applied.append(real(*a, **k)))
    for number, graph in enumerate(_graphs()):
        shards = canonical_shards(graph, tmp_path / f"shards{number}")
        written = write_from_shards(shards, out, previous=out, state=state, pool=pool)
        assert len(applied) == number  # the previous store, updated by what changed
        whole = write_from_shards(shards, tmp_path / f"whole{number}", workers=1)
        for name in (*RDF_FILES, *NETWORK_FILES):
            assert written[name].read_bytes() == whole[name].read_bytes(), name
        stored = ox.Store.read_only(str(out / STORE / "oxigraph"))
        fresh = ox.Store()
        fresh.bulk_load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
        assert sorted(map(str, stored)) == sorted(map(str, fresh))
        del stored
        assert manifest(out)["files"] == {name: stamp(written[name]) for name in RDF_FILES}
    assert not list(out.glob(".*"))


@pytest.mark.parametrize("chunk", [60, 500, 20_000_000])  # every shard in pieces of a line or so; whole
def test_the_store_from_the_shards_holds_each_triple_once_in_the_default_graph(tmp_path, chunk):
    built = BuildResult(graph=to_rdf([meeting("r1"), meeting("r2")]), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards", shuffle=False)
    (named, *_) = [(graph, path) for graph, path in shard_files(shards) if graph]
    with named[1].open("a", encoding="utf-8") as handle:  # the graph's name as an object, and a repeat
        handle.write(f"<urn:x> <urn:p> {named[0]} {named[0]} .\n")
    with (shards / DEFAULT).open("a", encoding="utf-8") as handle:
        handle.write(f"<urn:x> <urn:p> {named[0]} .\n")
    write_rdf_files(shards, tmp_path / "files")
    sharded.load_store(tmp_path / "db", shards, chunk=chunk)
    stored = ox.Store.read_only(str(tmp_path / "db"))
    fresh = ox.Store()
    fresh.bulk_load(path=str(tmp_path / "files" / "graph.nt"), format=ox.RdfFormat.N_TRIPLES)
    assert sorted(map(str, stored)) == sorted(map(str, fresh))
    assert {quad.graph_name for quad in stored} == {ox.DefaultGraph()}


def test_shards_with_blank_nodes_by_two_processes_are_labelled_as_in_memory(tmp_path, pool):
    built = BuildResult(graph=to_rdf([meeting("r1")]), extractions=[])
    built.graph.add((BNode(), RDF.type, GOV.Post))
    shards = canonical_shards(built.graph, tmp_path / "shards")
    written = write_from_shards(shards, tmp_path / "streamed", pool=pool)
    assert_same_files(in_memory(built, tmp_path / "memory"), tmp_path / "streamed")
    assert manifest(tmp_path / "streamed")["files"] == {name: stamp(written[name]) for name in RDF_FILES}
    assert written["graph.html"].is_file()


def test_the_store_and_page_index_are_written_while_the_pool_writes_the_gephi_files(
    sample_result, tmp_path, monkeypatch
):
    """Neither reads graph.gexf nor graph.graphml: a stand-in pool of threads, whose Gephi task
    ends only once the page index is written, gives the files and index of one process."""
    folder = tmp_path / "memory"
    write_outputs(sample_result, folder)
    one = write_from_shards(folder / SHARDS, tmp_path / "one", workers=1, index=True)
    indexed, steps = threading.Event(), []
    real_index, real_gephi = sharded.write_page_index, sharded._write_gephi

    def index(*args, **kwargs):
        steps.append("index")
        found = real_index(*args, **kwargs)
        indexed.set()
        return found

    def gephi(*args):
        assert indexed.wait(60), "the page index waited for the Gephi files"
        steps.append("gephi")
        return real_gephi(*args)

    monkeypatch.setattr(sharded, "write_page_index", index)
    monkeypatch.setattr(sharded, "_write_gephi", gephi)
    with ThreadPoolExecutor(2) as threads:
        two = write_from_shards(folder / SHARDS, tmp_path / "two", pool=threads, index=True)
    assert steps == ["index", "gephi"]
    assert list(two) == list(one)  # the same files, named in the same order
    assert f"{STORE}/{PAGE_INDEX}" in two
    written = sorted(path.relative_to(tmp_path / "one") for path in one[f"{STORE}/{PAGE_INDEX}"].iterdir())
    assert len(written) > 3
    for name in (*RDF_FILES, *NETWORK_FILES, *written):
        assert (tmp_path / "two" / name).read_bytes() == (tmp_path / "one" / name).read_bytes(), name
    assert manifest(tmp_path / "two")["files"] == {name: stamp(two[name]) for name in RDF_FILES}


def test_a_build_by_two_processes_that_fails_stops_the_other_and_leaves_no_file(tmp_path):
    shards = canonical_shards(to_rdf([meeting("r1")]), tmp_path / "shards")
    (named,) = [path for graph, path in shard_files(shards) if graph]
    with named.open("a", encoding="utf-8") as handle:
        handle.write("<urn:x> <urn:p> <urn:x> <urn:g> .\n")
    with worker_pool(2) as own:
        with pytest.raises(ShardError, match=named.name):
            write_from_shards(shards, tmp_path / "streamed", pool=own)
        assert not any(process.is_alive() for process in pool_workers(own))
    assert not list((tmp_path / "streamed").iterdir())


def test_a_store_load_given_up_stops_between_shards(tmp_path):
    shards = canonical_shards(to_rdf([meeting("r1"), meeting("r2")]), tmp_path / "shards")
    stop = threading.Event()
    stop.set()
    with pytest.raises(sharded._Stopped):
        sharded.load_store(tmp_path / "db", shards, stop=stop)


def shared_result() -> BuildResult:
    """A person in two release graphs, each holding a triple the other does not and one both hold,
    and in the default graph (a triple of its own, one also in a release graph), beside nodes of one
    release alone."""
    graph = to_rdf([meeting("1"), meeting("2", chair="王五"), inspection("3")])
    person = URIRef("https://w3id.org/govkg/id/person/shared")
    both = (person, RDF.type, GOV.Person)
    for release, name in (("1", "张三"), ("2", "张叁")):
        for triple in (both, (person, SCHEMA.name, Literal(name, lang="zh"))):
            graph.add(triple)
            graph.release_triples[release_iri(release)].append(triple)
    graph.add((person, SCHEMA.alternateName, Literal("张三丰", lang="zh")))  # in no release graph
    graph.add(both)
    return BuildResult(graph=graph, extractions=[])


@pytest.mark.parametrize("run_chars", [300, 10_000_000])
def test_a_subject_in_several_release_graphs_is_written_in_each_with_its_own_triples(tmp_path, run_chars):
    assert_streamed_as_in_memory(shared_result(), tmp_path, run_chars)
    trig = (tmp_path / "streamed" / "graph.trig").read_text(encoding="utf-8")
    assert trig.count("id/person/shared>") == 3  # in each release graph, and in the default graph


@pytest.mark.parametrize("chunk", [1, 2, 3, 4096])
def test_tagged_lines_come_in_runs_of_one_subject_whatever_the_chunk(chunk):
    lines = ["<a> <p> <b>\tx.nq\n", "<a> <q> <c>\ty.nq\n", "<ab> <p> <a>\tx.nq\n", "<b> <p> <a>\tx.nq\n"]
    runs = list(sharded._subject_lines(iter(lines), chunk))
    assert runs == [("<a>", lines[:2]), ("<ab>", lines[2:3]), ("<b>", lines[3:])]


def test_tagged_lines_of_bytes_come_in_runs_of_one_subject_across_blocks():
    lines = [b"<a> <p> <b>\tx.nq\n", b"<a> <q> <c>\ty.nq\n", b"<ab> <p> <a>\tx.nq\n", b"<b> <p> <a>\tx.nq\n"]
    runs = list(sharded._subject_runs([lines[:1], lines[1:3], [], lines[3:]], b" "))
    assert runs == [(b"<a>", lines[:2]), (b"<ab>", lines[2:3]), (b"<b>", lines[3:])]


def test_a_pool_task_hands_back_its_workers_free_memory_whether_it_returns_or_raises(monkeypatch):
    # a worker done with its task waits, idle, for the pool's last one: not with its free heap
    given = []
    monkeypatch.setattr(sharded, "give_back_memory", lambda: given.append("trimmed"))
    assert sharded._given_back(divmod, 7, 2) == (3, 1)
    assert given == ["trimmed"]
    with pytest.raises(ZeroDivisionError):
        sharded._given_back(divmod, 1, 0)
    assert given == ["trimmed", "trimmed"]


def test_release_graph_parts_of_subjects_one_after_another_are_one_run(tmp_path):
    """A full build tells where each release graph's text is in graph.ttl a run of subjects at a time
    (those whose texts follow one another there), not a subject at a time: the same graph.trig."""
    shards = [("", tmp_path / DEFAULT), ("<g:a>", tmp_path / "a.nq"), ("<g:b>", tmp_path / "b.nq")]
    parts = sharded._GraphParts(shards, tmp_path, 1 << 20)
    ttl = (tmp_path / "graph.ttl").open("w+b")
    # graph.ttl's subjects in order: a's, a's, b's, a's, one in a whole and in b in part, a's
    for subject, text, wholes in [
        ("<s1>", b"A1.", ["a.nq"]),
        ("<s2>", b"A2..", ["a.nq"]),
        ("<s3>", b"B3", ["b.nq"]),
        ("<s4>", b"A4", ["a.nq"]),
        ("<s5>", b"M5", ["a.nq"]),
        ("<s6>", b"A6", ["a.nq"]),
    ]:
        for tag in wholes:
            parts.whole(tag, subject, len(text))
        if subject == "<s5>":
            parts.partial("b.nq", subject, b"b5")
        ttl.write(text)
        parts.at += len(text)
    parts._held()
    assert len(list(parts.lines)) == 4  # a: s1-s2 and s4-s6; b: s3, and s5's part
    trig = tmp_path / "graph.trig"
    with trig.open("wb") as out:
        parts.write(Splice(out), ttl, {}, None)
    parts.close()
    ttl.close()
    names = _Names(PREFIXES)
    heads = [named_graph_head(graph, names).encode() for graph in ("<g:a>", "<g:b>")]
    assert trig.read_bytes() == heads[0] + b"A1.A2..A4M5A6}\n" + heads[1] + b"B3b5}\n"


def test_a_pool_task_of_phase_4_starts_without_the_segments_phase_3_encoded(tmp_path):
    from govkg.graph import iris
    from govkg.graph.sharded import _given_back

    iris.part("张三@通江县")
    assert iris._PARTS
    assert _given_back(len, iris._PARTS) == 0
    assert iris.part("张三@通江县") == "%E5%BC%A0%E4%B8%89@%E9%80%9A%E6%B1%9F%E5%8E%BF"


def test_a_builds_co_attendance_is_read_from_its_shards_not_its_store(sample_result, tmp_path, monkeypatch):
    """The page index's co-attendance tables of a build counted from its shards, the tables the
    store's queries give."""
    from govkg.graph import indexing
    from govkg.graph.indexing import write_index_files
    from govkg.graph.page_index import BY_NAME, UNBOUND

    folder = tmp_path / "memory"
    write_outputs(sample_result, folder)
    real = indexing._sorted_inputs
    read = []

    def inputs(store, shards, *args):
        read.append(shards)
        return real(None, shards, *args)  # no store to fall back on

    monkeypatch.setattr(indexing, "_sorted_inputs", inputs)
    built = write_from_shards(folder / SHARDS, tmp_path / "built", workers=1, index=True)
    assert read == [folder / SHARDS]
    monkeypatch.setattr(indexing, "_sorted_inputs", real)
    asked = write_index_files(store_module.open_graph_store(tmp_path / "built"), tmp_path / "asked")
    assert b"\n" in (asked / UNBOUND).read_bytes()
    for name in (UNBOUND, BY_NAME):
        assert (built[f"{STORE}/{PAGE_INDEX}"] / name).read_bytes() == (asked / name).read_bytes(), name
