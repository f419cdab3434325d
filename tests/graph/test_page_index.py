"""A build's page index (graph/indexing.py, graph/page_index.py): its pages are the whole answer's."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from rdflib import Graph

from govkg.graph.cli import EXIT_OK, main
from govkg.graph.indexing import write_index_files
from govkg.graph.page_index import INDEX, PageIndex, digest
from govkg.graph.sparql import (
    ResultTooLarge,
    format_result,
    graph_to_store,
    named_queries,
    page_busy,
    page_keys,
    page_walk,
    query_store,
    run_query,
)
from govkg.graph.store import STORE
from tests.graph.test_query_shapes import SMALL, bindings_to_try

KEYED = sorted(name for name, query in named_queries().items() if page_keys(query))
WALKED = sorted(name for name, query in named_queries().items() if page_walk(query))
PAGES = [(0, 1), (0, 3), (2, 5), (1, 100), (-2, 10), (5, 0)]  # -2: two rows before the end

# Invented officials: 赵六 twice (namesakes), 孙七 with a name written twice (tagged and plain),
# an agent without a name, equal counts to break by name and IRI, and a second meeting.
INVENTED = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix p: <https://example.org/person/> .
@prefix e: <https://example.org/event/> .
p:a schema:name "张三"@zh . p:b schema:name "李四"@zh . p:c schema:name "王五" .
p:d1 schema:name "赵六"@zh . p:d2 schema:name "赵六"@zh .
p:f schema:name "孙七"@zh , "孙七" .
e:1 schema:name "会议" . e:2 schema:name "座谈会" . e:3 schema:name "调研" .
<https://example.org/x/1> gov:agent p:a ; gov:event e:1 .
<https://example.org/x/2> gov:agent p:b ; gov:event e:1 .
<https://example.org/x/3> gov:agent p:c ; gov:event e:1 .
<https://example.org/x/4> gov:agent p:nobody ; gov:event e:1 .
<https://example.org/x/5> gov:agent p:a ; gov:event e:2 .
<https://example.org/x/6> gov:agent p:b ; gov:event e:2 .
<https://example.org/x/7> gov:agent p:d1 ; gov:event e:2 .
<https://example.org/x/8> gov:agent p:d2 ; gov:event e:2 .
<https://example.org/x/9> gov:agent p:f ; gov:event e:2 .
<https://example.org/x/10> gov:agent p:a ; gov:event e:3 .
<https://example.org/x/11> gov:agent p:a ; gov:event e:3 .
<https://example.org/x/12> gov:agent p:d1 ; gov:event e:3 .
"""


@pytest.fixture(scope="module")
def indexed(sample_graph, tmp_path_factory):
    """Stores of four graphs, each with its page index."""
    plain = SMALL.read_text(encoding="utf-8")
    plain = plain.replace('"李四"@zh', '"李四"').replace('"通江县"@zh', '"通江县"')
    graphs = {
        "small": Graph().parse(SMALL),
        "plain names": Graph().parse(data=plain, format="turtle"),
        "samples": sample_graph,
        "invented": Graph().parse(data=INVENTED, format="turtle"),
    }
    found = {}
    for name, graph in graphs.items():
        store = graph_to_store(graph)
        folder = write_index_files(store, tmp_path_factory.mktemp("index"))
        found[name] = (store, PageIndex.open(folder, len(store)))
    return found


def _rows(result) -> list[tuple]:
    return [tuple(row) for row in result.solutions]


@pytest.mark.parametrize("graph", ["small", "plain names", "samples", "invented"])
@pytest.mark.parametrize("name", sorted(named_queries()))
def test_a_page_read_from_the_index_is_the_slice_of_the_whole_answer(indexed, graph, name):
    store, index = indexed[graph]
    query = named_queries()[name]
    whole = [tuple(row) for row in store.query(query.text)]
    variables = tuple(v.value for v in store.query(query.text).variables)
    for offset, first in PAGES:
        offset = max(0, len(whole) + offset if offset < 0 else offset)
        page = query_store(store, query, first=first, offset=offset, index=index)
        assert _rows(page) == whole[offset : offset + first], (offset, first)
        assert page.variables == variables
    if page_keys(query) is None:  # held whole: the whole answer too
        assert _rows(query_store(store, query, index=index)) == whole


@pytest.mark.parametrize("graph", ["small", "plain names", "samples", "invented"])
def test_co_attendance_from_the_index_is_the_engines_answer_bound_or_not(indexed, graph):
    store, index = indexed[graph]
    query = named_queries()["co-attendance"]
    tried = bindings_to_try(store, query)
    if graph == "invented":
        tried += [{"name": name} for name in ("张三", "赵六", "孙七", "王五", '"王五"', "")]
    for bindings in tried:
        engine = query_store(store, query, bindings)
        ours = query_store(store, query, bindings, index=index)
        assert _rows(ours) == _rows(engine), bindings
        assert ours.variables == engine.variables
        page = query_store(store, query, bindings, first=2, offset=1, index=index)
        assert _rows(page) == _rows(engine)[1:3]


@pytest.mark.parametrize("graph", ["small", "plain names", "samples"])
@pytest.mark.parametrize("name", WALKED)
@pytest.mark.parametrize("dense", [2048, 1, 2])  # 1, 2: every value of the walk read, not those listed
def test_a_page_of_a_bound_answer_read_by_its_walk_is_the_slice_of_the_bound_answer(
    indexed, graph, name, dense, monkeypatch
):
    from govkg.graph import sparql

    store, index = indexed[graph]
    query = named_queries()[name]
    assert index.walk(name, page_walk(query).text, set()) is not None
    walked = []
    monkeypatch.setattr(sparql, "_BUSY", 1)  # every bound answer walked, by blocks of one or two values
    monkeypatch.setattr(sparql, "_DENSE", dense)
    real = sparql._walked_page
    monkeypatch.setattr(sparql, "_walked_page", lambda *args: walked.append(page := real(*args)) or page)
    monkeypatch.setattr(
        type(index),
        "walk",
        lambda self, n, t, wanted, block=1, most=2: _walk(self, n, t, wanted, block, most),
    )
    answered = False
    for bindings in bindings_to_try(store, query)[1:]:
        whole = _rows(query_store(store, query, bindings))
        answered = answered or bool(whole)
        for offset, first in PAGES:
            offset = max(0, len(whole) + offset if offset < 0 else offset)
            page = query_store(store, query, bindings, first=first, offset=offset, index=index)
            assert _rows(page) == whole[offset : offset + first], (bindings, offset, first)
            assert page.variables == query_store(store, query, bindings).variables
    assert answered == any(page is not None and page.solutions for page in walked)  # the walk was taken


@pytest.mark.parametrize("name", WALKED)
def test_a_value_whose_rows_start_late_in_its_walk_is_listed_then_walked_alone(indexed, name, monkeypatch):
    """A value with too many values to list (``_DENSE``: here 1) is walked value by value; once
    ``_BLIND`` of them (here 1) gave no row, its values are listed whole and walked alone from the start:
    the same page as the bound answer's slice (the samples: several releases, people in some)."""
    from govkg.graph import sparql

    store, index = indexed["samples"]
    query = named_queries()[name]
    monkeypatch.setattr(sparql, "_BUSY", 1)
    monkeypatch.setattr(sparql, "_DENSE", 1)
    monkeypatch.setattr(sparql, "_BLIND", 1)
    asked = []  # each walk's values asked for (None: all of them)
    real = type(index).walk
    monkeypatch.setattr(
        type(index),
        "walk",
        lambda self, n, t, wanted, block=1, most=1: (
            asked.append(wanted) or real(self, n, t, wanted, block, most)
        ),
    )
    relisted = 0
    for bindings in bindings_to_try(store, query)[1:]:
        whole = _rows(query_store(store, query, bindings))
        for offset, first in PAGES:
            offset = max(0, len(whole) + offset if offset < 0 else offset)
            asked.clear()
            page = query_store(store, query, bindings, first=first, offset=offset, index=index)
            assert _rows(page) == whole[offset : offset + first], (bindings, offset, first)
            relisted += asked[:1] == [None] and len(asked) == 2 and bool(asked[1])
    assert relisted  # some value's first rows were past a value of its walk without any


@pytest.mark.parametrize("graph", ["small", "plain names", "samples"])
def test_a_page_bound_to_a_place_read_from_the_whole_answer_is_the_engines(indexed, graph, monkeypatch):
    """directives-implemented bound to a place (and days or not): the lines of that place in its
    whole answer (sorted by the place first), found by bisecting the file, within the days, are
    the engine's bound rows."""
    store, index = indexed[graph]
    query = named_queries()["directives-implemented"]
    assert index.manifest["answers"][query.name]["bound"] == {"place": [0, 3]}
    read = []
    real = PageIndex.bound
    monkeypatch.setattr(PageIndex, "bound", lambda self, *a: read.append(rows := real(self, *a)) or rows)
    places = [bindings for bindings in bindings_to_try(store, query) if list(bindings) == ["place"]]
    days = [{}, {"from": "2016-01-01"}, {"to": "2016-12-31"}, {"from": "2000-01-01", "to": "2030-01-01"}]
    days += [{"from": "2020-02-01"}, {"to": "2020-01-31"}, {"from": "2020-01-26", "to": "2020-01-26"}]
    days += [{"from": "2016-03-05", "to": "2016-03-05"}, {"from": "", "to": ""}]
    tried = [place | bounds for place in places for bounds in days]
    for bindings in [*tried, {"place": "无此地"}, {"place": ""}]:
        whole = _rows(query_store(store, query, bindings))
        assert _rows(query_store(store, query, bindings, index=index)) == whole, bindings
        for offset, first in PAGES:
            offset = max(0, len(whole) + offset if offset < 0 else offset)
            page = query_store(store, query, bindings, first=first, offset=offset, index=index)
            assert _rows(page) == whole[offset : offset + first], (bindings, offset, first)
            assert page.variables == query_store(store, query, bindings).variables
    assert any(rows for rows in read)  # the index answered, rows and all


@pytest.mark.parametrize("value", [5, 2.5, True, "5"])
def test_a_place_bound_to_a_number_is_the_engines_answer(indexed, value):
    """A number bound where the whole answer's column holds names: the index has no order between
    them (bisecting compared a number with a text: TypeError), the engine answers."""
    store, index = indexed["small"]
    query = named_queries()["directives-implemented"]
    whole = _rows(query_store(store, query, {"place": value}))
    assert _rows(query_store(store, query, {"place": value}, index=index)) == whole


_walk = PageIndex.walk


def test_a_walk_ends_a_block_only_where_the_order_key_changes(tmp_path):
    lines = ["<a>\t1", "<b>\t1", "<c>\t2", "<d>\t3", "<e>\t3", "<f>\t3", "<g>\t4"]
    (tmp_path / "w.tsv").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    text = "SELECT ?x WHERE { ?x ?p ?o }"
    index = PageIndex(tmp_path, {"walks": {"q": {"file": "w.tsv", "digest": digest(text)}}})
    every = {"<a>", "<b>", "<c>", "<d>", "<e>", "<f>", "<g>"}
    assert list(index.walk("q", text, every, block=1, most=2)) == [
        ["<a>", "<b>"],
        ["<c>", "<d>", "<e>", "<f>"],
        ["<g>"],
    ]
    # only the values wanted; a block still ends where the key changes
    assert list(index.walk("q", text, {"<a>", "<d>", "<f>", "<g>"}, block=1, most=1)) == [
        ["<a>"],
        ["<d>", "<f>"],
        ["<g>"],
    ]
    assert index.walk("q", text + " # changed", every) is None


def test_a_walk_file_is_written_as_the_engine_gives_it_and_not_where_a_value_comes_twice(tmp_path):
    import pyoxigraph as ox

    from govkg.graph.indexing import _write_walk

    store = ox.Store()
    key = ox.NamedNode("http://x/key")
    for value, order in [("a", "3"), ("b", "1"), ("c", "2")]:
        store.add(ox.Quad(ox.NamedNode(f"http://x/{value}"), key, ox.Literal(order)))
    text = "SELECT ?value ?order WHERE { ?value <http://x/key> ?order } ORDER BY ?order"
    path = tmp_path / "w.tsv"
    assert _write_walk(store, text, path, step=2) == 3  # written in pieces of two lines
    assert path.read_text(encoding="utf-8") == '<http://x/b>\t"1"\n<http://x/c>\t"2"\n<http://x/a>\t"3"\n'
    store.add(ox.Quad(ox.NamedNode("http://x/a"), key, ox.Literal("0")))  # a value with two order keys
    assert _write_walk(store, text, path, step=2) is None
    assert not path.exists() and not list(tmp_path.iterdir())  # no file, nor a half-written one


def test_the_invented_counts(indexed):
    store, index = indexed["invented"]
    result = query_store(store, named_queries()["co-attendance"], {"name": "张三"}, index=index)
    got = [(row[2].value, int(row[3].value), row[5].value.rsplit("/", 1)[1]) for row in result.solutions]
    # two events with 赵六 d1 (e:2, e:3), two with 李四; 孙七's two names each a row
    assert got == [
        ("李四", 2, "b"),
        ("赵六", 2, "d1"),
        ("孙七", 1, "f"),
        ("孙七", 1, "f"),
        ("王五", 1, "c"),
        ("赵六", 1, "d2"),
    ]


def test_an_answer_over_the_limit_read_from_the_index_is_refused(indexed):
    store, index = indexed["samples"]
    query = named_queries()["co-attendance"]
    rows = len(query_store(store, query, index=index).solutions)
    assert rows > 3
    assert len(query_store(store, query, limit=rows, index=index).solutions) == rows
    with pytest.raises(ResultTooLarge):
        query_store(store, query, limit=3, index=index)


def test_an_index_made_for_another_text_or_store_is_not_used(indexed, tmp_path):
    store, index = indexed["small"]
    query = named_queries()["person-events"]
    assert index.keys(query.name, page_keys(query).text) is not None
    assert index.keys(query.name, page_keys(query).text + "\n# changed") is None
    assert index.coattendance("SELECT * { ?s ?p ?o }", None, 1, 0) is None
    assert index.answer("documents-cited", "SELECT * { ?s ?p ?o }", 1, 0) is None
    assert index.answer("person-events", named_queries()["person-events"].text, 1, 0) is None
    assert PageIndex.open(index.folder, len(store) + 1) is None
    assert PageIndex.open(tmp_path) is None  # no index there


def _index_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((folder / STORE / INDEX).iterdir())}


def test_the_index_of_a_build_after_add_and_remove_is_that_of_a_whole_build(
    tmp_path, capsys, inputs, monkeypatch
):
    from govkg.graph import indexing

    first, second = inputs
    out, whole, kept = tmp_path / "out", tmp_path / "whole", tmp_path / "kept"
    assert main(["build", str(first), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    counted = indexing.write_coattendance
    with (
        monkeypatch.context() as patch
    ):  # an update makes co-attendance's tables, the keys, walks and answers from the previous ones
        patch.setattr(indexing, "write_coattendance", None)
        patch.setattr(indexing, "_ordered_keys", None)
        patch.setattr(indexing, "_write_walk", None)
        patch.setattr(indexing, "_answer_lines", None)
        assert main(["build", "--add", str(second), "-o", str(out), "-q", "--no-check"]) == EXIT_OK
    assert indexing.write_coattendance is counted
    assert main(["build", str(first), str(second), "-o", str(whole), "-q", "--no-check"]) == EXIT_OK
    assert _index_files(out) == _index_files(whole)
    gone = sorted(first.iterdir())[0]
    with monkeypatch.context() as patch:
        patch.setattr(indexing, "write_coattendance", None)
        patch.setattr(indexing, "_ordered_keys", None)
        patch.setattr(indexing, "_write_walk", None)
        patch.setattr(indexing, "_answer_lines", None)
        assert main(["remove", str(out), gone.stem, "-q", "--no-check"]) == EXIT_OK
    gone.unlink()
    assert main(["build", str(first), str(second), "-o", str(kept), "-q", "--no-check"]) == EXIT_OK
    assert _index_files(out) == _index_files(kept)
    # a build folder's queries read its index: the pages of the whole answer
    assert PageIndex.of(out) is not None
    for name in ("person-events", "co-attendance", "documents-cited", "directives-implemented"):
        everything = _rows(run_query(out, name, index=False))
        assert _rows(run_query(out, name, first=4, offset=2)) == everything[2:6]
        assert _rows(run_query(out / "graph.ttl", name, first=4)) == everything[:4]
        assert _rows(run_query(out, name)) == everything
    # and govkg query reads it: the first page of the whole answer, as TSV
    capsys.readouterr()
    assert main(["query", str(out), "--name", "co-attendance", "--first", "2", "-f", "tsv"]) == EXIT_OK
    expected = format_result(run_query(out, "co-attendance", index=False, first=2), "tsv")
    assert capsys.readouterr().out == expected and expected.count("\n") == 3


def _graph_nt(store) -> list[bytes]:
    """The store's triples as sorted N-Triples lines (as graph.nt holds them)."""
    return sorted({f"{_nt(q.subject)} {_nt(q.predicate)} {_nt(q.object)} .\n".encode() for q in store})


def _changes_between(tmp_path, before, after) -> tuple:
    """The files of the triples the store ``after`` lost and gained from the store ``before``, sorted
    (as an update has them): ``removed.nt`` and ``added.nt`` in ``tmp_path``."""
    lines_before, lines_after = set(_graph_nt(before)), set(_graph_nt(after))
    changes = (tmp_path / "removed.nt", tmp_path / "added.nt")
    changes[0].write_bytes(b"".join(sorted(lines_before - lines_after)))
    changes[1].write_bytes(b"".join(sorted(lines_after - lines_before)))
    return changes


def _nt(term) -> str:
    from govkg.graph.sparql import _nt_term

    return _nt_term(term)


# Changes to the invented graph: 李四 joins e:3 (its pairs with 张三 and 赵六 d1 gain one),
# 王五 leaves e:1 and is named 王五五 (its rows go, new ones come), a new official 周八 at
# e:2, 孙七 loses a name, and e:1's pair of 张三 and 李四 loses an event (x/1 moved to e:4).
CHANGED = (
    INVENTED.replace("<https://example.org/x/3> gov:agent p:c ; gov:event e:1 .", "")
    .replace('p:c schema:name "王五" .', 'p:c schema:name "王五五"@zh .')
    .replace('p:f schema:name "孙七"@zh , "孙七" .', 'p:f schema:name "孙七"@zh .')
    .replace(
        "<https://example.org/x/1> gov:agent p:a ; gov:event e:1 .",
        "<https://example.org/x/1> gov:agent p:a ; gov:event e:4 .",
    )
    + """
<https://example.org/x/13> gov:agent p:b ; gov:event e:3 .
<https://example.org/x/14> gov:agent p:g ; gov:event e:2 .
<https://example.org/x/15> gov:agent p:c ; gov:event e:5 .
p:g schema:name "周八"@zh .
"""
)


@pytest.mark.parametrize(
    ("before", "after"), [(INVENTED, CHANGED), (CHANGED, INVENTED), (INVENTED, INVENTED)]
)
def test_co_attendance_updated_from_the_changes_is_the_table_made_whole(tmp_path, before, after):
    from govkg.graph.indexing import update_coattendance, write_coattendance
    from govkg.graph.page_index import BY_NAME, UNBOUND

    old = graph_to_store(Graph().parse(data=before, format="turtle"))
    new = graph_to_store(Graph().parse(data=after, format="turtle"))
    folders = [tmp_path / name for name in ("old", "whole", "updated")]
    for folder in folders:
        folder.mkdir()
    assert write_coattendance(old, folders[0]) and write_coattendance(new, folders[1])
    removed, added = _changes_between(tmp_path, old, new)
    assert update_coattendance(new, folders[2], folders[0], removed, added)
    for name in (UNBOUND, BY_NAME):
        assert (folders[2] / name).read_bytes() == (folders[1] / name).read_bytes(), name
    assert (before == after) == ((folders[2] / UNBOUND).read_bytes() == (folders[0] / UNBOUND).read_bytes())


# Changes to the small graph that move every key: a participation becomes a chair's (its
# agent's name two steps from the changed triple), an event loses its day (its release one
# step), an official is renamed, a new one appears, a holding moves to another place.
SMALL_CHANGED = (
    SMALL.read_text(encoding="utf-8")
    .replace("gov:event id:e1 ; gov:role gov:Attendee", "gov:event id:e1 ; gov:role gov:Chair")
    .replace('schema:startDate "2020-01-25"^^xsd:date ;\n', "\n")
    .replace('"温奇志"@zh', '"温奇智"@zh')
    .replace(
        'gov:title "县长"@zh ; gov:jurisdiction id:place-tj',
        'gov:title "县长"@zh ; gov:jurisdiction id:place-bz',
    )
    + '\nid:person-ww a gov:Person ; schema:name "王五"@zh .\n'
    + "id:p7 a gov:Participation ; gov:agent id:person-ww ; gov:event id:e3 ; gov:role gov:Companion .\n"
)


@pytest.mark.parametrize("forward", [True, False])
def test_an_index_updated_from_the_changes_is_the_index_made_whole(tmp_path, forward):
    graphs = [Graph().parse(SMALL), Graph().parse(data=SMALL_CHANGED, format="turtle")]
    before, after = (graph_to_store(graph) for graph in (graphs if forward else graphs[::-1]))
    old, whole, updated = (tmp_path / name for name in ("old", "whole", "updated"))
    write_index_files(before, old)
    write_index_files(after, whole)
    changes = _changes_between(tmp_path, before, after)
    write_index_files(after, updated, previous=PageIndex.open(old), changes=changes)
    files = sorted(path.name for path in whole.iterdir())
    assert files == sorted(path.name for path in updated.iterdir())
    for name in files:
        assert (updated / name).read_bytes() == (whole / name).read_bytes(), name
    moved = [name for name in files if (old / name).read_bytes() != (whole / name).read_bytes()]
    assert {"events-in-range.nt", "events-of-official.nt", "meeting-chairs.nt"} <= set(moved)
    assert {"release-event-days.nt", "titles-over-time.nt"} <= set(moved)


def test_an_update_follows_each_step_back_from_the_changes_once(tmp_path, monkeypatch):
    """The queries of one index share the steps their paths take back from the changed triples
    (the same predicate from the same terms asked once), and the files are those made whole."""
    from govkg.graph import indexing

    _every_value_busy(monkeypatch)
    asked = []
    real = indexing._select

    def select(store, template, terms, *args, **kwargs):
        if template.startswith("SELECT ?x WHERE { VALUES ?y"):
            asked.append((template, tuple(terms)))
        return real(store, template, terms, *args, **kwargs)

    monkeypatch.setattr(indexing, "_select", select)
    graphs = [Graph().parse(SMALL), Graph().parse(data=SMALL_CHANGED, format="turtle")]
    before, after = (graph_to_store(graph) for graph in graphs)
    old, whole, updated = (tmp_path / name for name in ("old", "whole", "updated"))
    write_index_files(before, old)
    write_index_files(after, whole)
    changes = _changes_between(tmp_path, before, after)
    asked.clear()
    write_index_files(after, updated, previous=PageIndex.open(old), changes=changes)
    assert asked and len(asked) == len(set(asked))
    for name in sorted(path.name for path in whole.iterdir()):
        assert (updated / name).read_bytes() == (whole / name).read_bytes(), name


# Releases published on days and at times of day (the store orders the two kinds by their text),
# without a date, with equal dates broken by identifier; the changes add, drop and move some.
RELEASES = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix r: <https://example.org/release/> .
r:a a gov:Release ; schema:identifier "a" ; schema:datePublished "2020-01-02"^^xsd:date .
r:b a gov:Release ; schema:identifier "b" ; schema:datePublished "2020-01-01T23:00:00"^^xsd:dateTime .
r:c a gov:Release ; schema:identifier "c" .
r:d a gov:Release ; schema:identifier "d" ; schema:datePublished "2020-01-02T00:00:00"^^xsd:dateTime .
r:e a gov:Release ; schema:identifier "e" ; schema:datePublished "2020-01-02"^^xsd:date .
r:f a gov:Release ; schema:identifier "某" ; schema:datePublished "2019-12-31"^^xsd:date .
"""
RELEASES_CHANGED = (
    RELEASES.replace('r:c a gov:Release ; schema:identifier "c" .', "").replace(
        '"2020-01-02"^^xsd:date .\nr:b', '"2020-01-03T08:00:00"^^xsd:dateTime .\nr:b'
    )
    + """
r:g a gov:Release ; schema:identifier "g" ; schema:datePublished "2020-01-02"^^xsd:date .
r:h a gov:Release ; schema:identifier "h" .
"""
)


@pytest.mark.parametrize(
    ("before", "after"),
    [(RELEASES, RELEASES_CHANGED), (RELEASES_CHANGED, RELEASES), (RELEASES, RELEASES)],
)
def test_a_walk_updated_from_the_changes_is_the_walk_made_whole(tmp_path, before, after, monkeypatch):
    folders = _indexed_whole_and_updated(tmp_path, before, after, monkeypatch, "_write_walk")
    walk = "person-companions.walk.tsv"
    assert (folders[2] / walk).read_bytes() == (folders[1] / walk).read_bytes()
    assert (folders[2] / "index.json").read_bytes() == (folders[1] / "index.json").read_bytes()
    assert (folders[1] / walk).read_text(encoding="utf-8").count("\n") == after.count("gov:Release")


# Events carrying out directives and documents cited, in releases of two places dated by days
# and by times of day; the changes add a release (its event, its citations and a new document),
# drop an event, move an event's day and a release's, rename a place (every row of its
# releases' events moves) and a directive, drop a citation and an issuer's name, move an event
# to a place of its own.
ANSWERED = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://example.org/> .
x:pa a gov:Place ; schema:name "甲市"@zh .
x:pb a gov:Place ; schema:name "乙县"@zh .
x:pc a gov:Place ; schema:name "丙镇"@zh .
x:r1 a gov:Release ; schema:datePublished "2020-01-02"^^xsd:date ; gov:jurisdiction x:pa ;
    schema:citation x:d1 , x:d2 .
x:r2 a gov:Release ; schema:datePublished "2020-01-01T23:00:00"^^xsd:dateTime ; gov:jurisdiction x:pb ;
    schema:citation x:d1 .
x:r3 a gov:Release ; gov:jurisdiction x:pb ; schema:citation x:d3 .
x:r4 a gov:Release ; schema:datePublished "2020-01-02T00:00:00"^^xsd:dateTime ; schema:citation x:d2 , x:d3 .
x:g1 schema:name "某部"@zh .
x:g2 schema:name "某厅"@zh .
x:d1 a gov:Document ; schema:name "关于某事的通知"@zh ; gov:issuer x:g1 .
x:d2 a gov:Document ; schema:name "某市方案"@zh ; gov:issuer x:g2 .
x:d3 a gov:Document ; schema:name "某规划"@zh .
x:x1 schema:name "某会议精神"@zh .
x:x2 schema:name "某措施"@zh .
x:e1 a gov:Event ; schema:name "会议"@zh ; schema:startDate "2020-01-01"^^xsd:date ;
    gov:implements x:x1 ; prov:wasDerivedFrom x:r1 .
x:e2 a gov:Event ; schema:name "调研"@zh ; gov:implements x:x1 , x:x2 ; prov:wasDerivedFrom x:r2 .
x:e3 a gov:Event ; schema:startDate "2020-01-02"^^xsd:date ; gov:implements x:x2 ; prov:wasDerivedFrom x:r3 .
x:e4 a gov:Event ; schema:name "座谈"@zh ; schema:location x:pa ; gov:implements x:x2 ;
    prov:wasDerivedFrom x:r4 .
x:e5 a gov:Event ; schema:name "部署"@zh ; gov:implements x:x1 ; prov:wasDerivedFrom x:r3 .
"""
ANSWERED_CHANGED = (
    ANSWERED.replace(
        'x:e2 a gov:Event ; schema:name "调研"@zh ; gov:implements x:x1 , x:x2 ; prov:wasDerivedFrom x:r2 .',
        "",
    )
    .replace(
        'schema:startDate "2020-01-02"^^xsd:date ; gov:implements x:x2',
        'schema:startDate "2019-12-30"^^xsd:date ; gov:implements x:x2',
    )
    .replace('"2020-01-01T23:00:00"^^xsd:dateTime', '"2020-01-03T08:00:00"^^xsd:dateTime')
    .replace('"乙县"@zh', '"乙区"@zh')
    .replace('"某措施"@zh', '"某项措施"@zh')
    .replace("schema:citation x:d2 , x:d3 .", "schema:citation x:d3 .")
    .replace('x:g2 schema:name "某厅"@zh .', "")
    .replace(
        'schema:name "部署"@zh ; gov:implements',
        'schema:name "部署"@zh ; schema:location x:pc ; gov:implements',
    )
    + """
x:r5 a gov:Release ; schema:datePublished "2020-01-02"^^xsd:date ; gov:jurisdiction x:pb ;
    schema:citation x:d1 , x:d4 .
x:d4 a gov:Document ; schema:name "某办法"@zh ; gov:issuer x:g1 .
x:e6 a gov:Event ; schema:name "学习"@zh ; gov:implements x:x1 ; prov:wasDerivedFrom x:r5 .
"""
)


@pytest.mark.parametrize(
    ("before", "after"),
    [(ANSWERED, ANSWERED_CHANGED), (ANSWERED_CHANGED, ANSWERED), (ANSWERED, ANSWERED)],
)
def test_whole_answers_updated_from_the_changes_are_the_answers_made_whole(
    tmp_path, before, after, monkeypatch
):
    folders = _indexed_whole_and_updated(tmp_path, before, after, monkeypatch, "_answer_lines")
    for name in ("directives-implemented.tsv", "documents-cited.tsv", "index.json"):
        assert (folders[2] / name).read_bytes() == (folders[1] / name).read_bytes(), name
        if name != "index.json":
            moved = (folders[1] / name).read_bytes() != (folders[0] / name).read_bytes()
            assert moved == (before != after), name


def test_a_whole_answer_with_a_new_line_tied_in_its_order_is_made_whole(tmp_path, monkeypatch):
    from govkg.graph import indexing

    # an event named twice: two rows equal in the ORDER BY, which the store orders as it will
    before = ANSWERED
    after = ANSWERED.replace('schema:name "座谈"@zh ;', 'schema:name "座谈"@zh , "座谈会"@zh ;')
    old = graph_to_store(Graph().parse(data=before, format="turtle"))
    new = graph_to_store(Graph().parse(data=after, format="turtle"))
    folders = [tmp_path / name for name in ("old", "whole", "updated")]
    write_index_files(old, folders[0])
    write_index_files(new, folders[1])
    changes = (tmp_path / "removed.nt", tmp_path / "added.nt")
    changes[0].write_bytes(b"".join(sorted(set(_graph_nt(old)) - set(_graph_nt(new)))))
    changes[1].write_bytes(b"".join(sorted(set(_graph_nt(new)) - set(_graph_nt(old)))))
    made = []
    real = indexing._answer_lines
    monkeypatch.setattr(indexing, "_answer_lines", lambda store, text: made.append(text) or real(store, text))
    write_index_files(new, folders[2], previous=PageIndex.open(folders[0]), changes=changes)
    assert made == [named_queries()["directives-implemented"].text]  # made whole; documents-cited updated
    for name in ("directives-implemented.tsv", "documents-cited.tsv"):
        assert (folders[2] / name).read_bytes() == (folders[1] / name).read_bytes(), name


def _indexed_whole_and_updated(tmp_path, before, after, monkeypatch, whole_writer):
    """Index folders of ``before`` (old), ``after`` made whole, and ``after`` updated from old with
    the triples lost and gained, ``whole_writer`` (a function of graph/indexing.py) barred from
    the update so that what is tested is the update."""
    from govkg.graph import indexing

    old = graph_to_store(Graph().parse(data=before, format="turtle"))
    new = graph_to_store(Graph().parse(data=after, format="turtle"))
    folders = [tmp_path / name for name in ("old", "whole", "updated")]
    write_index_files(old, folders[0])
    write_index_files(new, folders[1])
    changes = _changes_between(tmp_path, old, new)
    monkeypatch.setattr(indexing, whole_writer, None)
    write_index_files(new, folders[2], previous=PageIndex.open(folders[0]), changes=changes)
    return folders


# Many meetings among invented officials (namesakes, two names, one without a name, one twice
# at an event), so that the tables' rows and the pairs span many ranges of a few rows each.
_OFFICIALS = ["张三", "李四", "王五", "赵六", "赵六", "孙七", "周八", "吴九", "郑十", "冯一"]
MANY = (
    "@prefix gov: <https://w3id.org/govkg/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
    + "".join(
        f'<https://example.org/person/{i}> schema:name "{name}"@zh .\n' for i, name in enumerate(_OFFICIALS)
    )
    + '<https://example.org/person/5> schema:name "孙七" .\n'
    + "".join(
        f"<https://example.org/x/{event}-{i}> gov:agent <https://example.org/person/{i}> ; "
        f"gov:event <https://example.org/event/{event}> .\n"
        for event in range(12)
        for i in range(11)
        if (i * 7 + event * 3) % 5 < 2 + event % 3
    )
    + "<https://example.org/x/again> gov:agent <https://example.org/person/1> ; "
    "gov:event <https://example.org/event/1> .\n"
)


@pytest.mark.parametrize("graph", [INVENTED, CHANGED, MANY])
def test_co_attendance_made_a_range_at_a_time_is_the_table_made_at_once(tmp_path, graph):
    from govkg.graph.indexing import write_coattendance
    from govkg.graph.page_index import BY_NAME, UNBOUND

    store = graph_to_store(Graph().parse(data=graph, format="turtle"))
    (tmp_path / "once").mkdir()
    assert write_coattendance(store, tmp_path / "once")
    whole = {name: (tmp_path / "once" / name).read_bytes() for name in (UNBOUND, BY_NAME)}
    assert whole[UNBOUND].count(b"\n") > 3
    for block in (1, 2, 3, 7):
        folder = tmp_path / str(block)
        folder.mkdir()
        assert write_coattendance(store, folder, block=block)
        assert sorted(path.name for path in folder.iterdir()) == sorted(whole)  # its scratch removed
        for name, data in whole.items():
            assert (folder / name).read_bytes() == data, (block, name)


# Officials whose IRIs are the start of others' (numbered by sorting lines that hold an IRI and
# more: person/1's before person/1-2's and person/10's), and one name plain and tagged.
PREFIXED = (
    "@prefix gov: <https://w3id.org/govkg/ontology#> .\n@prefix schema: <https://schema.org/> .\n"
    + "".join(
        f'<https://example.org/person/{key}> schema:name "{name}"{tag} .\n'
        for key, name, tag in (("1", "甲", "@zh"), ("1-2", "甲", ""), ("10", "乙", "@zh"), ("2", "丙", "@zh"))
    )
    + "".join(
        f"<https://example.org/x/{event}-{key}> gov:agent <https://example.org/person/{key}> ; "
        f"gov:event <https://example.org/event/{event}> .\n"
        for event, keys in ((1, ("1", "1-2", "10")), (2, ("1", "10", "2")), (3, ("1-2", "2", "1")))
        for key in keys
    )
)


@pytest.mark.parametrize("block", [1, 2, 1 << 18])
def test_co_attendance_numbered_outside_memory_is_the_engines_answer(tmp_path, block):
    from govkg.graph.indexing import write_coattendance

    store = graph_to_store(Graph().parse(data=PREFIXED, format="turtle"))
    folder = write_index_files(store, tmp_path / "index")
    assert write_coattendance(store, folder, block=block)  # the tables made again, runs of ``block`` lines
    index = PageIndex.open(folder, len(store))
    query = named_queries()["co-attendance"]
    for bindings in [{}, {"name": "甲"}, {"name": '"甲"'}, {"name": "乙"}]:
        engine = _rows(query_store(store, query, bindings))
        assert engine or bindings
        assert _rows(query_store(store, query, bindings, index=index)) == engine, bindings


# Shards of invented release graphs (and the default graph), as N-Triples lines "S P O" each:
# what co-attendance reads there rather than from the store loaded from them.
_G, _S = "https://w3id.org/govkg/ontology#", "https://schema.org/"


def _took(part: str, person: str, event: str) -> str:
    """A participation's two lines (invented IRIs under example.org)."""
    x = f"<https://example.org/x/{part}>"
    return (
        f"{x} <{_G}agent> <https://example.org/person/{person}>\n"
        f"{x} <{_G}event> <https://example.org/event/{event}>\n"
    )


def _named(person: str, name: str) -> str:
    return f"<https://example.org/person/{person}> <{_S}name> {name}\n"


# Each official named in each release that names them and again in the default graph; the same
# participation in two releases; 孙七 tagged and plain; 赵六 two officials; an event whose text
# holds the name predicate's IRI; an agent without a name.
RELEASES = {
    "https://example.org/release/1": _took(1, "a", 1)
    + _took(2, "b", 1)
    + _took(3, "c", 1)
    + _took(4, "nobody", 1)
    + _named("a", '"张三"@zh')
    + _named("b", '"李四"@zh')
    + _named("c", '"王五"')
    + f'<https://example.org/event/1> <{_S}description> "张三 <{_S}name> 李四"@zh\n',
    "https://example.org/release/2": _took(5, "a", 2)
    + _took(6, "b", 2)
    + _took(7, "d1", 2)
    + _took(8, "d2", 2)
    + _took(9, "f", 2)
    + _named("a", '"张三"@zh')
    + _named("b", '"李四"@zh')
    + _named("d1", '"赵六"@zh')
    + _named("d2", '"赵六"@zh')
    + _named("f", '"孙七"@zh')
    + _named("f", '"孙七"'),
    "https://example.org/release/3": _took(10, "a", 3)
    + _took(11, "d1", 3)
    + _took(5, "a", 2)
    + _took(6, "b", 2),
    "": _named("a", '"张三"@zh') + _named("d1", '"赵六"@zh') + _named("g", '"周八"@zh'),
}


class _Asked:
    """A store whose queries are counted."""

    def __init__(self, store) -> None:
        self.store, self.asked = store, 0

    def query(self, *args, **kwargs):
        self.asked += 1
        return self.store.query(*args, **kwargs)


def _shards_and_store(folder: Path, graphs: dict[str, str]):
    """A shards folder of ``graphs`` (graph IRI, "" the default: lines "S P O") and the store loaded
    from it, as a build loads its own (graph/sharded.py)."""
    import pyoxigraph

    from govkg.graph.sharded import load_store
    from govkg.graph.shards import ShardIndex, nquads, write_shard

    shards = folder / "shards"
    index = ShardIndex(shards)
    for graph, lines in graphs.items():
        triples = [tuple(line.split(" ", 2)) for line in lines.splitlines()]
        line, written, _ = write_shard(shards, graph, nquads(triples, f"<{graph}>" if graph else ""))
        index.add(line, written)
    index.finish()
    load_store(folder / "database", shards)
    return shards, pyoxigraph.Store(str(folder / "database"))


def _tables(folder: Path) -> dict[str, bytes]:
    from govkg.graph.page_index import BY_NAME, UNBOUND

    return {name: (folder / name).read_bytes() for name in (UNBOUND, BY_NAME)}


@pytest.mark.parametrize("block", [1, 3, 1 << 18])
def test_co_attendance_read_from_the_shards_is_the_stores_and_asks_it_nothing(tmp_path, block):
    from govkg.graph.indexing import write_coattendance

    shards, store = _shards_and_store(tmp_path, RELEASES)
    asked = _Asked(store)
    for folder, source, read in (("of store", store, None), ("of shards", asked, shards)):
        (tmp_path / folder).mkdir()
        assert write_coattendance(source, tmp_path / folder, block=block, shards=read)
    assert asked.asked == 0
    made = _tables(tmp_path / "of shards")
    assert made == _tables(tmp_path / "of store")
    assert made["co-attendance.tsv"].count(b"\n") > 5


# Shards whose co-attendance is not read there but from the store: a name that the store writes
# otherwise (a number's canonical form), a participation's agent in one release graph and its
# event in another, a name's language tag in upper case (the store's is in lower case; the
# tables are the same either way: read there, it is written as the store writes it).
_ELSEWHERE = {
    "a name of a datatype": (
        RELEASES | {"": _named("g", '"07"^^<http://www.w3.org/2001/XMLSchema#integer>') + _took(12, "g", 3)},
        True,
    ),
    "a participation in two graphs": (
        RELEASES
        | {
            "https://example.org/release/4": _took(13, "g", 3).splitlines()[0]
            + "\n"
            + _named("g", '"周八"@zh'),
            "https://example.org/release/5": _took(13, "g", 3).splitlines()[1] + "\n",
        },
        True,
    ),
    "a language tag in upper case": (
        RELEASES | {"https://example.org/release/4": _took(14, "g", 1) + _named("g", '"周八"@ZH')},
        False,
    ),
}


@pytest.mark.parametrize("case", sorted(_ELSEWHERE))
def test_co_attendance_from_shards_it_does_not_read_is_the_stores(tmp_path, case):
    from govkg.graph.indexing import write_coattendance

    graphs, from_store = _ELSEWHERE[case]
    shards, store = _shards_and_store(tmp_path, graphs)
    asked = _Asked(store)
    for folder, source, read in (("of store", store, None), ("of shards", asked, shards)):
        (tmp_path / folder).mkdir()
        assert write_coattendance(source, tmp_path / folder, shards=read)
    assert bool(asked.asked) == from_store
    assert _tables(tmp_path / "of shards") == _tables(tmp_path / "of store")


def test_co_attendance_of_shards_with_an_agent_not_an_iri_is_not_made(tmp_path):
    from govkg.graph.indexing import write_coattendance

    agent = f'<https://example.org/x/15> <{_G}agent> "张三"@zh\n<https://example.org/x/15> <{_G}event> <https://example.org/event/1>\n'
    shards, store = _shards_and_store(tmp_path, RELEASES | {"https://example.org/release/4": agent})
    (tmp_path / "index").mkdir()
    assert not write_coattendance(_Asked(store), tmp_path / "index", shards=shards)
    assert not write_coattendance(store, tmp_path / "index")
    assert not list((tmp_path / "index").iterdir())


BUSY = sorted(name for name, query in named_queries().items() if page_busy(query))


def _every_value_busy(monkeypatch, rows: int = 3) -> None:
    """Every value a busy listing finds counts as busy (HAVING a count of 1 or more) and keeps at
    most ``rows`` rows, so that the small graphs have busy pages, cut and whole."""
    from govkg.graph import indexing, sparql

    real = sparql.page_busy

    def busy(query):
        found = real(query)
        if found is None:
            return None
        text = re.sub(r"HAVING \(COUNT\(\*\) >= \d+\)", "HAVING (COUNT(*) >= 1)", found.text)
        return dataclasses.replace(found, text=text)

    monkeypatch.setattr(indexing, "page_busy", busy)
    monkeypatch.setattr(sparql, "page_busy", busy)
    monkeypatch.setattr(indexing, "_BUSY_ROWS", rows)


def test_the_busy_queries_list_values_of_a_parameter_with_a_count():
    assert BUSY == [
        "events-of-official",
        "meeting-chairs",
        "officials-of-place",
        "person-events",
        "person-posts",
        "person-titles",
        "titles-over-time",
    ]
    for name in BUSY:
        listing = page_busy(named_queries()[name])
        assert re.search(r"^SELECT \?(\w+) WHERE", listing.text, re.MULTILINE).group(1) in listing.parameters
        assert "HAVING (COUNT(*) >= " in listing.text


@pytest.mark.parametrize("graph", ["small", "plain names", "samples"])
@pytest.mark.parametrize("rows", [3, 1000])
def test_a_page_bound_to_a_busy_value_is_the_slice_of_the_bound_answer(
    indexed, graph, rows, monkeypatch, tmp_path
):
    """Each page of a busy query bound to a value, read from the rows the index keeps (the first
    ``rows``, or all of a query that groups), or from the engine past them, is the engine's."""
    _every_value_busy(monkeypatch, rows)
    store = indexed[graph][0]
    index = PageIndex.open(write_index_files(store, tmp_path), len(store))
    read = []
    real = PageIndex.busy
    monkeypatch.setattr(PageIndex, "busy", lambda self, *a: read.append(rows := real(self, *a)) or rows)
    for name in BUSY:
        query = named_queries()[name]
        assert index.manifest["busy"][name].get("rows") == (None if "GROUP BY" in query.text else rows)
        for bindings in bindings_to_try(store, query)[1:]:
            if len(bindings) != 1:
                continue
            whole = _rows(query_store(store, query, bindings))
            assert _rows(query_store(store, query, bindings, index=index)) == whole, (name, bindings)
            for offset, first in [*PAGES, (0, 2), (1, 2), (2, 1), (3, 1)]:
                offset = max(0, len(whole) + offset if offset < 0 else offset)
                page = query_store(store, query, bindings, first=first, offset=offset, index=index)
                assert _rows(page) == whole[offset : offset + first], (name, bindings, offset, first)
                assert page.variables == query_store(store, query, bindings).variables
    assert any(read) and None in read  # the index answered, and the engine past the rows kept


# Changes far from the names and places of the rows they move: a release's identifier (five
# patterns from the name in person-events), a release's day and an event's (four).
SMALL_FAR = (
    SMALL.read_text(encoding="utf-8")
    .replace('schema:identifier "r2"', 'schema:identifier "r2b"')
    .replace('"2020-01-26T15:22:00"^^xsd:dateTime', '"2020-01-24"^^xsd:date')
    .replace('schema:startDate "2020-02-12"^^xsd:date', 'schema:startDate "2020-01-12"^^xsd:date')
)


# An official at four events in turn; the changes drop the first and add one after the third:
# the first two rows of the name are then the second and third events, not the new one.
EVENTS = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://example.org/> .
x:a a gov:Person ; schema:name "张三"@zh .
x:e1 a gov:Meeting ; schema:startDate "2020-01-01"^^xsd:date .
x:e2 a gov:Meeting ; schema:startDate "2020-01-02"^^xsd:date .
x:e3 a gov:Meeting ; schema:startDate "2020-01-03"^^xsd:date .
x:e4 a gov:Meeting ; schema:startDate "2020-01-10"^^xsd:date .
x:p1 a gov:Participation ; gov:agent x:a ; gov:event x:e1 ; gov:role gov:Chair .
x:p2 a gov:Participation ; gov:agent x:a ; gov:event x:e2 ; gov:role gov:Chair .
x:p3 a gov:Participation ; gov:agent x:a ; gov:event x:e3 ; gov:role gov:Chair .
x:p4 a gov:Participation ; gov:agent x:a ; gov:event x:e4 ; gov:role gov:Chair .
"""
EVENTS_CHANGED = EVENTS.replace(
    "x:p1 a gov:Participation ; gov:agent x:a ; gov:event x:e1 ; gov:role gov:Chair .", ""
) + (
    'x:e5 a gov:Meeting ; schema:startDate "2020-01-05"^^xsd:date .\n'
    "x:p5 a gov:Participation ; gov:agent x:a ; gov:event x:e5 ; gov:role gov:Chair .\n"
)


@pytest.mark.parametrize("rows", [2, 1000])
@pytest.mark.parametrize("changed", ["changed", "far", "behind"])
@pytest.mark.parametrize("forward", [True, False])
def test_busy_pages_updated_from_the_changes_are_those_made_whole(
    tmp_path, forward, changed, rows, monkeypatch
):
    """An update edits or binds again only the busy values the changes reach; the files are those
    of an index made whole (SMALL_CHANGED: a chair, a day, a name, a new official, a holding
    moved; SMALL_FAR), the first two rows of a value kept or all of them."""
    from govkg.graph import indexing

    _every_value_busy(monkeypatch, rows)
    edits = []
    real = indexing._busy_edits
    monkeypatch.setattr(indexing, "_busy_edits", lambda *a: edits.append(found := real(*a)) or found)
    small = SMALL.read_text(encoding="utf-8")
    texts = {"changed": (small, SMALL_CHANGED), "far": (small, SMALL_FAR), "behind": (EVENTS, EVENTS_CHANGED)}
    graphs = [Graph().parse(data=text, format="turtle") for text in texts[changed]]
    before, after = (graph_to_store(graph) for graph in (graphs if forward else graphs[::-1]))
    old, whole, updated = (tmp_path / name for name in ("old", "whole", "updated"))
    write_index_files(before, old)
    write_index_files(after, whole)
    changes = (tmp_path / "removed.nt", tmp_path / "added.nt")
    changes[0].write_bytes(b"".join(sorted(set(_graph_nt(before)) - set(_graph_nt(after)))))
    changes[1].write_bytes(b"".join(sorted(set(_graph_nt(after)) - set(_graph_nt(before)))))
    bound = _Counting(after)
    write_index_files(bound, updated, previous=PageIndex.open(old), changes=changes)
    for name in sorted(path.name for path in whole.iterdir()):
        assert (updated / name).read_bytes() == (whole / name).read_bytes(), name
    moved = {
        name
        for name in BUSY
        if (old / f"{name}.busy.tsv").read_bytes() != (whole / f"{name}.busy.tsv").read_bytes()
    }
    if changed == "changed":
        assert {"events-of-official", "meeting-chairs", "officials-of-place", "titles-over-time"} <= moved
    elif changed == "far":
        assert {"events-of-official", "person-events", "officials-of-place", "titles-over-time"} <= moved
    else:
        assert {"events-of-official", "meeting-chairs"} <= moved
    counted = _Counting(after)  # as many as a whole index binds, bound again: fewer
    write_index_files(counted, tmp_path / "counted")
    assert all(bound.bound[name] <= counted.bound[name] for name in BUSY)
    if changed != "behind":  # one value, reached
        assert sum(bound.bound.values()) < sum(counted.bound.values())
    edited = any(edits)  # some value's rows edited
    # behind, two rows kept: one known up to the second before, the name bound again (the
    # other way, the first event back: three)
    assert edited == (changed != "behind" or rows > 2 or not forward)


class _Counting:
    """A store whose queries bound to a value (a busy page's) are counted, by the query's name."""

    def __init__(self, store) -> None:
        import threading

        self.store = store
        self.bound = dict.fromkeys(BUSY, 0)
        self.lock = threading.Lock()  # the busy pages are asked from two threads

    def __len__(self) -> int:
        return len(self.store)

    def query(self, text, substitutions=None):
        if substitutions:
            for name in BUSY:
                if text == named_queries()[name].text:
                    with self.lock:
                        self.bound[name] += 1
        return self.store.query(text, substitutions=substitutions)


def test_rows_put_in_order_here_are_left_to_the_store_where_two_that_differ_tie():
    from govkg.graph.indexing import _in_order

    query = named_queries()["events-of-official"]  # ?official ?person ?role ?date ?event
    name, person, role = '"张三"@zh', "<https://example.org/p>", "<https://w3id.org/govkg/ontology#Chair>"

    def row(day: str, event: str, kind: str = "") -> list[str]:
        date = f'"{day}"^^<http://www.w3.org/2001/XMLSchema#date>' if day else ""
        return [name, name, role, date, kind, "", person, f"<https://example.org/{event}>", ""]

    rows = [row("2020-01-02", "e1"), row("", "e3"), row("2020-01-01", "e2"), row("2020-01-01", "e2")]
    assert _in_order(query, rows) == [rows[1], rows[2], rows[3], rows[0]]  # the same row twice: either way
    assert _in_order(query, [*rows, row("2020-01-01", "e2", "<https://example.org/Meeting>")]) is None
    undated = row("", "e2")
    undated[3] = '"某日"'  # a day and a string in one column: ordered by the store
    assert _in_order(query, [row("2020-01-01", "e1"), undated]) is None
    marked = [row("2020-01-01", "e1"), row("2020-01-03", "e3"), [*row("2020-01-02", "e2"), "last"]]
    assert _in_order(query, marked, marked=True) == [marked[0]]  # cut at the marked row, left out


COUNTED = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix x: <https://example.org/> .
x:a schema:name "张三"@zh . x:b schema:name "李四"@zh . x:c schema:name "王五"@zh .
x:p1 gov:agent x:a . x:p2 gov:agent x:a . x:p3 gov:agent x:a .
x:p4 gov:agent x:b . x:p5 gov:agent x:b . x:p6 gov:agent x:c .
"""
LISTING = """# names with {at_least} participations or more
PREFIX gov:    <https://w3id.org/govkg/ontology#>
PREFIX schema: <https://schema.org/>

SELECT ?name WHERE {{
  ?participation gov:agent ?person .
  ?person schema:name ?name .
}}
GROUP BY ?name
HAVING (COUNT(*) >= {at_least})
"""


def test_busy_listings_that_differ_only_in_their_threshold_ask_the_store_once():
    """Two listings of one pattern and grouping, one of the names counted twice or more and one
    of those counted three times or more, are asked of the store once (with each name's count),
    and each lists the names the engine gives for its own text."""
    from govkg.graph.indexing import _Listings

    store = graph_to_store(Graph().parse(data=COUNTED, format="turtle"))
    asked = []

    class Counting:
        def query(self, text, **kwargs):
            asked.append(text)
            return store.query(text, **kwargs)

    texts = [LISTING.format(at_least=3), LISTING.format(at_least=2), LISTING.format(at_least=4)]
    listings = _Listings(texts)
    for text in texts:
        engine = sorted(str(row[0]) for row in store.query(text))
        assert sorted(listings.of(Counting(), text)) == engine
    assert len(asked) == 1
    assert _Listings().of(store, texts[0]) == ['"张三"@zh']  # a text not given: its own threshold


def test_tasks_beside_a_block_run_once_each_from_both_ends():
    """The helper thread takes the tasks from the first, this thread the ones not started from
    the last once the block is done; each runs once."""
    import threading

    from govkg.graph.indexing import _beside

    held, ran = threading.Event(), []

    def run(number):
        ran.append((number, threading.current_thread() is threading.main_thread()))
        if number == 0:
            assert held.wait(10)  # the helper held on the first until this thread has the others
        elif number == 1:
            held.set()

    with _beside(run, [(number,) for number in range(4)]):
        ran.append(("block", True))
    assert sorted(ran, key=str) == sorted(
        [("block", True), (0, False), (3, True), (2, True), (1, True)], key=str
    )
    assert [number for number, main in ran if main and number != "block"] == [3, 2, 1]


def test_a_task_beside_a_block_raises_its_error_after_it():
    from govkg.graph.indexing import _beside

    def run(number):
        if number == 0:
            raise ValueError(number)

    with pytest.raises(ValueError, match="0"), _beside(run, [(0,), (1,)]):
        pass


def test_an_error_in_the_block_cancels_the_tasks_not_started():
    import threading

    from govkg.graph.indexing import _beside

    started, ran = threading.Event(), []

    def run(number):
        ran.append(number)
        started.set()
        threading.Event().wait(1)  # the first held while the block fails

    with pytest.raises(KeyError), _beside(run, [(number,) for number in range(3)]):
        assert started.wait(10)
        raise KeyError("stop")
    assert ran == [0]


# Two officials at a meeting: 张三 (a chair, busy with one row) and 李四, named and at the
# meeting but not a gov:Person, so listed by person-events' listing and without rows; the
# changes give 张三 a second meeting and make 李四 a person (rows, the same count).
LISTED = """
@prefix gov: <https://w3id.org/govkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix x: <https://example.org/> .
x:r1 a gov:Release ; schema:identifier "r1" ; schema:datePublished "2020-01-01"^^xsd:date .
x:r2 a gov:Release ; schema:identifier "r2" ; schema:datePublished "2020-01-02"^^xsd:date .
x:e1 a gov:Meeting ; schema:name "常务会议"@zh ; schema:startDate "2020-01-01"^^xsd:date ;
  prov:wasDerivedFrom x:r1 .
x:e2 a gov:Meeting ; schema:startDate "2020-01-02"^^xsd:date ; prov:wasDerivedFrom x:r2 .
x:a a gov:Person ; schema:name "张三"@zh .
x:b schema:name "李四"@zh .
x:p1 a gov:Participation ; gov:agent x:a ; gov:event x:e1 ; gov:role gov:Chair .
x:p2 a gov:Participation ; gov:agent x:b ; gov:event x:e1 ; gov:role gov:Attendee .
"""
LISTED_CHANGED = LISTED + (
    "x:p3 a gov:Participation ; gov:agent x:a ; gov:event x:e2 ; gov:role gov:Chair .\nx:b a gov:Person .\n"
)


@pytest.mark.parametrize("kept", [True, False])
def test_an_update_asks_a_listing_only_of_values_whose_rows_it_may_have_lost_or_gained(
    tmp_path, monkeypatch, kept
):
    """A name listed before that gained rows and lost none is listed now, and is not counted
    again by the busy listings or looked up by the key queries; a name listed without rows
    (recorded in the index) is still listed, and bound again: the files are those made
    whole. An index without those records (older code's) has them found from the listing now
    (for the values not reached) and every value reached counted again."""
    import json

    from govkg.graph import indexing

    _every_value_busy(monkeypatch, rows=1000)
    asked = []
    real = indexing._select

    def select(store, template, terms, *args, **kwargs):
        if "HAVING" in template or "SELECT DISTINCT" in template:  # a busy listing or a key query
            asked.append((template, tuple(terms)))
        return real(store, template, terms, *args, **kwargs)

    monkeypatch.setattr(indexing, "_select", select)
    old, whole, updated = (tmp_path / name for name in ("old", "whole", "updated"))
    before, after = (
        graph_to_store(Graph().parse(data=text, format="turtle")) for text in (LISTED, LISTED_CHANGED)
    )
    write_index_files(before, old)
    write_index_files(after, whole)
    manifest = json.loads((old / "index.json").read_text(encoding="utf-8"))
    assert manifest["busy"]["person-events"]["empty"] == ['"李四"@zh']
    assert (
        json.loads((whole / "index.json").read_text(encoding="utf-8"))["busy"]["person-events"]["empty"] == []
    )
    if not kept:
        for entry in manifest["busy"].values():
            del entry["empty"]
        (old / "index.json").write_text(
            json.dumps(manifest, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    changes = _changes_between(tmp_path, before, after)
    asked.clear()
    write_index_files(after, updated, previous=PageIndex.open(old), changes=changes)
    for name in sorted(path.name for path in whole.iterdir()):
        assert (updated / name).read_bytes() == (whole / name).read_bytes(), name
    listings = {term for template, terms in asked if "HAVING" in template for term in terms}
    keys = {term for template, terms in asked if "HAVING" not in template for term in terms}
    assert '"张三"@zh' not in keys  # a chair before, and now; 李四 a person now: asked
    assert '"李四"@zh' in keys
    if kept:  # neither counted again (without the records, every name reached is)
        assert not {'"张三"@zh', '"李四"@zh'} & listings
    else:
        assert {'"张三"@zh', '"李四"@zh'} <= listings


@pytest.fixture
def on_disk(sample_graph, tmp_path) -> Path:
    """A store on disk (as a build's) holding the samples' graph."""
    from govkg.graph.store import load_ntriples

    database = tmp_path / "database"
    load_ntriples(database, [sample_graph.serialize(format="nt", encoding="utf-8")])
    return database


def test_an_index_read_from_its_store_opened_again_each_step_is_the_same(on_disk, tmp_path, monkeypatch):
    import pyoxigraph

    from govkg.graph import indexing

    whole = write_index_files(pyoxigraph.Store.read_only(str(on_disk)), tmp_path / "whole")
    opened = []
    reopen = indexing._Reopened.reopen
    monkeypatch.setattr(indexing._Reopened, "reopen", lambda self: opened.append(reopen(self)))
    stepped = write_index_files(indexing._Reopened(on_disk), tmp_path / "stepped")
    files = sorted(path.name for path in whole.iterdir())
    assert files == sorted(path.name for path in stepped.iterdir())
    assert all((whole / name).read_bytes() == (stepped / name).read_bytes() for name in files)
    # each key, walk and answer, co-attendance and each busy value's file
    assert len(opened) > len(named_queries())


def test_a_query_begun_before_the_store_is_opened_again_reads_to_its_end(on_disk):
    import pyoxigraph

    from govkg.graph.indexing import _Reopened

    every = len(pyoxigraph.Store.read_only(str(on_disk)))
    store = _Reopened(on_disk)
    rows = iter(store.query("SELECT ?s WHERE { ?s ?p ?o }"))
    first = next(rows)
    store.reopen()
    assert first is not None and 1 + sum(1 for _ in rows) == every == len(store)
