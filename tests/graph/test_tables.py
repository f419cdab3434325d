"""The network views from tables on disk (graph/tables.py): the bytes of the in-memory writers."""

from __future__ import annotations

import json
import random
import shutil

import networkx as nx
import numpy as np
import pytest
from rdflib import RDF, XSD, Literal
from rdflib.namespace import OWL

from govkg.graph import sharded as sharded_module
from govkg.graph import tables as tables_module
from govkg.graph import view
from govkg.graph.build import BuildResult
from govkg.graph.network import (
    NETWORKS,
    GexfPieces,
    format_stats,
    gexf_text,
    graphml_text,
    latest_date,
)
from govkg.graph.outputs import write_outputs
from govkg.graph.rdf import to_rdf
from govkg.graph.sharded import (
    NETWORK_FILES,
    shard_files,
    shard_triples,
    write_from_shards,
    write_network_files,
)
from govkg.graph.tables import (
    ROWS_FORMAT,
    UNIT_ROWS,
    RowsFile,
    analysed_network,
    exports,
    gexf_of_tables,
    graph_tables,
    graphml_of_tables,
    knowledge_network,
    pairs_of_triples,
    rankings,
    streamed_rows,
    tables_stats,
    unit_rows,
    write_exports,
)
from govkg.ontology import GOV, ID, SCHEMA
from tests.graph.networks import bystander_release, inspection_release, meeting_release, sample_graph
from tests.graph.test_sharded import canonical_shards

VARIANT = ID["organization/%E5%B7%B4%E4%B8%AD%E5%B8%82%E6%94%BF%E5%BA%9C"]  # 巴中市政府
CANONICAL = ID["organization/%E5%B7%B4%E4%B8%AD%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"]
NAMESAKE = ID["person/%E4%BD%95%E5%B9%B3@%E5%AE%9D%E9%B8%A1%E5%B8%82"]  # 何平@宝鸡市


def awkward_graph():
    """The sample network with what the reduce must decide across releases: an organisation's variant
    spelling (its alias in the default graph), a namesake official, an unnamed organisation."""
    graph = sample_graph()
    for triple in [
        (VARIANT, RDF.type, GOV.Organization),
        (VARIANT, SCHEMA.name, Literal("巴中市政府", lang="zh")),
        (VARIANT, OWL.sameAs, CANONICAL),
        (NAMESAKE, RDF.type, GOV.Person),
        (NAMESAKE, SCHEMA.name, Literal("何平", lang="zh")),
        (ID["organization/nameless"], RDF.type, GOV.Organization),
        # tenures (careers' summary holdings): one with a named post, one whose post has no name
        # and no last attestation
        (ID["tenure/t1"], GOV.holder, ID["person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82"]),
        (ID["tenure/t1"], GOV.post, ID["post/mayor"]),
        (ID["post/mayor"], SCHEMA.name, Literal("市长", lang="zh")),
        (ID["tenure/t1"], GOV.firstAttested, Literal("2020-01-25", datatype=XSD.date)),
        (ID["tenure/t1"], GOV.lastAttested, Literal("2020-02-02", datatype=XSD.date)),
        (ID["tenure/t2"], GOV.holder, NAMESAKE),
        (ID["tenure/t2"], GOV.post, ID["post/unnamed"]),
        (ID["tenure/t2"], GOV.firstAttested, Literal("2019-05-01", datatype=XSD.date)),
    ]:
        graph.add(triple)
    return graph


@pytest.mark.parametrize("make", [sample_graph, awkward_graph])
def test_the_tables_give_the_exports_of_the_network_in_memory(make, tmp_path):
    graph = make()
    net, _ = analysed_network(graph)
    with graph_tables(graph, tmp_path) as tables:
        assert tables.ids == sorted(net)
        assert dict(tables.tenure_lines()) == net.graph["tenures"]
        figures = rankings(tables)
        exported = exports(tables, figures)
        assert "".join(gexf_of_tables(exported)) == gexf_text(net, latest_date(graph))
        assert "".join(graphml_of_tables(exported)) == graphml_text(net)
        assert "".join(view.tables_html(tables, figures)) == view.html(net)
    assert not list(tmp_path.iterdir())  # the tables are removed


def test_a_tenure_is_its_posts_name_else_its_id_from_first_to_last_attested(tmp_path):
    tenures = knowledge_network(awkward_graph()).graph["tenures"]
    assert tenures["person/何平@巴中市"] == [["市长", "2020-01-25", "2020-02-02"]]
    assert tenures["person/何平@宝鸡市"] == [["post/unnamed", "2019-05-01", "2019-05-01"]]


def test_a_build_from_its_shards_gives_the_views_in_memory_aliases_across_graphs(tmp_path):
    """The variant's alias and types sit in the default graph, its canonical node in a release's."""
    built = BuildResult(graph=awkward_graph(), extractions=[])
    write_outputs(built, tmp_path / "memory")
    shards = canonical_shards(built.graph, tmp_path / "shards")
    written = write_from_shards(shards, tmp_path / "streamed")
    for name in NETWORK_FILES:
        assert written[name].read_bytes() == (tmp_path / "memory" / name).read_bytes(), name
    assert "巴中市政府" in (tmp_path / "streamed" / "graph.gexf").read_text(encoding="utf-8")


def test_rows_are_kept_by_digest_and_made_again_when_cut_or_gone(tmp_path):
    built = BuildResult(graph=sample_graph(), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards")
    out, rows = tmp_path / "out", tmp_path / "rows"
    write_from_shards(shards, out, network=False)
    first = write_network_files(out, shards, rows)
    page = first["graph.html"].read_bytes()
    kept = sorted((rows / UNIT_ROWS).glob("*.tsv"))  # in their own folder (graph/folders.py's shared)
    assert len(kept) == len(list(shards.glob("*.nq")))
    assert all(RowsFile(path).complete() for path in kept)
    stamps = {path: path.stat().st_mtime_ns for path in kept}
    cut = kept[0]
    cut.write_bytes(cut.read_bytes()[:-3])  # a file a crash cut short
    stale = rows / UNIT_ROWS / "0000.tsv"
    stale.write_text("left by a build before\n", encoding="utf-8")
    beside = rows / cut.name  # where a govkg kept them before UNIT_ROWS
    beside.write_text("rows kept beside the state\n", encoding="utf-8")
    old_format = rows / UNIT_ROWS / cut.name.replace(f".{ROWS_FORMAT}.tsv", f".{ROWS_FORMAT - 1}.tsv")
    old_format.write_text("rows of another version\n", encoding="utf-8")
    again = write_network_files(out, shards, rows)
    assert again["graph.html"].read_bytes() == page
    assert not stale.exists() and not old_format.exists() and not beside.exists()
    assert RowsFile(cut).complete()
    assert all(path.stat().st_mtime_ns == stamps[path] for path in kept[1:])  # not read again


def test_the_page_is_written_after_the_rankings_and_the_views_choice_give_back_their_free_memory(
    tmp_path, monkeypatch
):
    """What the rankings and the choice of the page's nodes free (arrays over the whole network) is
    handed back before the page's text is made, not left resident beside the Gephi worker."""
    from govkg.graph import sharded

    steps = []

    def noted(name, function):
        def run(*args, **kwargs):
            steps.append(name)
            return function(*args, **kwargs)

        return run

    built = BuildResult(graph=sample_graph(), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards")
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(sharded, "give_back_memory", lambda: steps.append("given back"))
    monkeypatch.setattr(sharded, "rankings", noted("rankings", sharded.rankings))
    monkeypatch.setattr(sharded, "tables_html", noted("view chosen", sharded.tables_html))
    monkeypatch.setattr(sharded, "atomic_write", noted("page written", sharded.atomic_write))
    write_network_files(out, shards)
    at = steps.index("page written")
    assert steps[steps.index("rankings") + 1] == "given back"
    assert steps[at - 2 : at] == ["view chosen", "given back"]


def test_rows_made_by_a_pool_are_those_made_here(tmp_path, monkeypatch):
    """Tasks of one shard each, some run by the pool's workers, the rest taken back by this process."""
    from govkg.graph import sharded
    from govkg.graph.interrupts import worker_pool

    built = BuildResult(graph=awkward_graph(), extractions=[])
    shards = canonical_shards(built.graph, tmp_path / "shards")
    (tmp_path / "alone").mkdir()
    (tmp_path / "shared").mkdir()
    alone = write_network_files(tmp_path / "alone", shards, tmp_path / "rows-alone")
    monkeypatch.setattr(sharded, "ROWS_TASK", 1)
    with worker_pool(2) as pool:
        shared = write_network_files(tmp_path / "shared", shards, tmp_path / "rows-shared", pool=pool)
    for name in NETWORK_FILES:
        assert shared[name].read_bytes() == alone[name].read_bytes(), name
    made = {path.name: path.read_bytes() for path in (tmp_path / "rows-alone" / UNIT_ROWS).glob("*.tsv")}
    shared_rows = (tmp_path / "rows-shared" / UNIT_ROWS).glob("*.tsv")
    assert {path.name: path.read_bytes() for path in shared_rows} == made
    assert len(made) == len(list(shards.glob("*.nq")))


def random_network(seed: int, nodes: int = 300) -> nx.DiGraph:
    """Officials, events and other kinds tied at random, in several connected parts."""
    rng = random.Random(seed)
    kinds = ["official", "event", "organisation", "place", "document", "directive"]
    net = nx.DiGraph()
    ids = [f"n{number:04}" for number in range(nodes)]
    for nid in ids:
        net.add_node(nid, kind=rng.choices(kinds, weights=[5, 5, 2, 1, 1, 1])[0])
    for _ in range(nodes):
        a, b = rng.sample(ids[: nodes // 2] if rng.random() < 0.7 else ids, 2)
        net.add_edge(a, b)
    return net


@pytest.mark.parametrize(("seed", "limit"), [(0, 50), (1, 120), (2, 7), (3, 1), (4, 299), (5, 300)])
def test_a_trimmed_page_keeps_officials_and_events_then_what_they_are_tied_to(seed, limit):
    net = random_network(seed)
    found = view.select_view(net, max_nodes=limit)
    kept = set(found.net)
    assert len(kept) <= limit and (kept == set(net)) == (limit >= net.number_of_nodes())
    assert sum(found.left_out.values()) == net.number_of_nodes() - len(kept)
    undirected = net.to_undirected()
    backbone = {n for n in kept if net.nodes[n]["kind"] in ("official", "event")}
    if found.trimmed and backbone:  # the other kinds only as they are tied to the officials and events kept
        assert all(set(undirected[n]) & backbone for n in kept - backbone)


@pytest.mark.parametrize("chunk", [1, 2, 500])
def test_the_page_writes_its_lists_as_jinjas_tojson_does(chunk):
    from jinja2.utils import htmlsafe_json_dumps

    items = [{"id": "甲<b>&'乙'", "n": 1.5, "z": None}, {"id": "\u2028</script>", "a": [1, "x"]}, {}]
    kwargs = {"sort_keys": True, "ensure_ascii": False}
    written = "".join(view._json_list(items, json.dumps, kwargs, chunk=chunk))
    assert written == str(htmlsafe_json_dumps(items, **kwargs))
    assert "".join(view._json_list([], json.dumps, kwargs)) == "[]"


def test_a_large_unit_read_in_passes_gives_the_rows_of_the_unit_whole(sample_result, tmp_path):
    """The default graph is read in three passes (streamed_rows), a release shard whole: the same rows."""
    write_outputs(sample_result, tmp_path, only=["graph.trig", "shards"])
    shards = [list(shard_triples(path, graph)) for graph, path in shard_files(tmp_path / "shards")]
    combined = [t for shard in shards for t in shard]
    tags = {row.split("\t")[1] for row in unit_rows(pairs_of_triples(combined))}
    assert {"T", "N", "E", "H", "P", "U", "latest"} <= tags
    for triples in [combined, *shards]:
        whole = unit_rows(pairs_of_triples(triples))
        assert streamed_rows(lambda triples=triples: iter(triples)) == whole


def _unit_file(path, triples) -> None:
    """A default graph's shard of ``triples`` (``S P O``): sorted lines ``S P O .``, each once."""
    path.write_text("".join(f"{t} .\n" for t in sorted(set(triples))), encoding="utf-8")


def _sample_unit(sample_result, tmp_path) -> list[str]:
    """Every triple of the sample's shards, as one unit, less the releases' citations (a citation makes
    rows of its document from other releases: a change near one is made whole)."""
    write_outputs(sample_result, tmp_path, only=["graph.trig", "shards"])
    triples = {t for graph, path in shard_files(tmp_path / "shards") for t in shard_triples(path, graph)}
    return sorted(t for t in triples if f"<{tables_module._CITATION}>" not in t)


@pytest.mark.parametrize("seed", range(12))
def test_a_large_units_rows_updated_from_its_changes_are_those_made_whole(sample_result, tmp_path, seed):
    """An update's default graph: its rows and refs made from the previous ones and the lines taken out
    and put in (updated_streamed_rows) are those its three passes make (streamed_rows)."""
    triples = _sample_unit(sample_result, tmp_path)
    rng = random.Random(seed)
    published = f"<{tables_module._PUBLISHED}>"
    movable = [t for t in triples if f" {published} " not in t]
    gone = set(rng.sample(movable, rng.randint(1, 12)))
    old = [t for t in triples if t not in gone or rng.random() < 0.5]  # some put in, some taken out
    new = [t for t in triples if t not in gone]
    for number in range(rng.randint(0, 3)):  # a new tenure, its post named or renamed
        tenure, post = f"<{ID[f'tenure/new{number}']}>", f"<{ID['post/mayor']}>"
        new += [
            f"{tenure} <{tables_module._HOLDER}> <{NAMESAKE}>",
            f"{tenure} <{tables_module._POST}> {post}",
            f'{tenure} <{tables_module._FIRST}> "2020-0{number + 1}-01"^^<http://www.w3.org/2001/XMLSchema#date>',
            f'{post} <{SCHEMA.name}> "新市长{number}"@zh',
        ]
    _unit_file(tmp_path / "old.nq", old)
    _unit_file(tmp_path / "new.nq", new)
    old_refs: list[str] = []
    old_rows = streamed_rows(lambda: iter(sorted(set(old))), old_refs)
    refs: list[str] = []
    rows = tables_module.updated_streamed_rows(
        tmp_path / "new.nq",
        old_rows,
        old_refs,
        sorted(set(old) - set(new)),
        sorted(set(new) - set(old)),
        refs,
    )
    whole_refs: list[str] = []
    assert rows == streamed_rows(lambda: iter(sorted(set(new))), whole_refs)
    assert refs == whole_refs


def test_a_change_of_a_date_or_near_a_citation_makes_a_large_units_rows_whole(sample_result, tmp_path):
    """The newest publication date, and a document's citing events, are rows of the whole unit."""
    write_outputs(sample_result, tmp_path, only=["graph.trig", "shards"])
    triples = sorted(
        {t for graph, path in shard_files(tmp_path / "shards") for t in shard_triples(path, graph)}
    )
    _unit_file(tmp_path / "unit.nq", triples)
    refs: list[str] = []
    rows = streamed_rows(lambda: iter(triples), refs)
    published = next(t for t in triples if f" <{tables_module._PUBLISHED}> " in t)
    cited = next(t for t in triples if f" <{tables_module._CITATION}> " in t)
    for removed in ([published], [cited]):
        assert tables_module.updated_streamed_rows(tmp_path / "unit.nq", rows, refs, removed, [], []) is None


def _graph(*releases):
    return lambda: to_rdf([make() for make in releases])


def _less_tenure():
    graph = awkward_graph()
    graph.remove((ID["tenure/t2"], None, None))
    return graph


def _moved_aliases():
    """The awkward network with aliases that move what other nodes name: the organisation a holding
    names and the place an event happened become variants of others (a chain from the variant)."""
    graph = awkward_graph()
    office, town = ID["organization/%E5%B7%B4%E4%B8%AD%E5%B8%82%E5%8A%9E"], ID["place/%E5%B7%B4%E4%B8%AD"]
    for triple in [
        (office, RDF.type, GOV.Organization),
        (office, SCHEMA.name, Literal("巴中市办", lang="zh")),
        (CANONICAL, OWL.sameAs, office),
        (town, SCHEMA.name, Literal("巴中", lang="zh")),
        (ID["place/%E5%B7%B4%E4%B8%AD%E5%B8%82"], OWL.sameAs, town),
    ]:
        graph.add(triple)
    return graph


@pytest.mark.parametrize(
    ("before", "after", "updated"),
    [
        (_graph(meeting_release, inspection_release), sample_graph, True),  # a release added
        (sample_graph, _graph(meeting_release, bystander_release), True),  # one gone
        (_less_tenure, awkward_graph, True),  # the default graph changed
        (sample_graph, awkward_graph, True),  # an alias more: the variant's rows change node
        (awkward_graph, _moved_aliases, True),  # what a holding and an event name moves
        (_moved_aliases, awkward_graph, True),  # and back
        (sample_graph, _moved_aliases, True),
        (_moved_aliases, _graph(meeting_release, bystander_release), True),  # a release gone too
    ],
)
def test_an_update_of_the_tables_gives_the_views_of_tables_made_whole(
    before, after, updated, tmp_path, monkeypatch
):
    made = _spy(monkeypatch, tables_module, "_update_tables")
    rows = _first(tmp_path, before())
    assert not made  # nothing to update from
    second = canonical_shards(after(), tmp_path / "second")
    write_from_shards(second, tmp_path / "out2", network=False)
    write_from_shards(second, tmp_path / "whole", network=False)
    write_network_files(tmp_path / "out2", second, rows, previous=tmp_path / "out1")
    write_network_files(tmp_path / "whole", second, tmp_path / "fresh")
    assert made == ([True] if updated else [])  # not tried where the aliases moved
    for name in NETWORK_FILES:
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    kept = {path.name for path in (rows / UNIT_ROWS).iterdir()}
    fresh = {path.name for path in (tmp_path / "fresh" / UNIT_ROWS).iterdir()}
    assert kept == fresh and {path.name for path in rows.iterdir()} == {  # the rows of shards gone removed
        path.name for path in (tmp_path / "fresh").iterdir()
    }
    for name in sorted((rows / "tables").iterdir()):  # and the state is that of tables made whole
        assert name.read_bytes() == (tmp_path / "fresh" / "tables" / name.name).read_bytes(), name.name
    for name in ("nodes.tsv", "edges.bin"):  # the exports' state too (its meta says the files' times)
        assert (rows / "exports" / name).read_bytes() == (tmp_path / "fresh" / "exports" / name).read_bytes()


def test_an_update_writes_the_state_s_line_of_each_unit_it_knew_as_it_was(tmp_path, monkeypatch):
    """A unit's rows file is named by its content: the state's line of one it knew (its file's size
    and the rows it begins with) is written again, not made from its file; the new units' are made."""
    rows = _first(tmp_path, _graph(meeting_release, inspection_release)())
    before = (rows / "tables" / tables_module._UNITS).read_text(encoding="utf-8").splitlines(keepends=True)
    made: list[str] = []
    dump = tables_module._dump
    monkeypatch.setattr(tables_module, "_dump", lambda value: made.append(dump(value)) or made[-1])
    second = canonical_shards(sample_graph(), tmp_path / "second")
    write_from_shards(second, tmp_path / "out2", network=False)
    write_network_files(tmp_path / "out2", second, rows, previous=tmp_path / "out1")
    after = (rows / "tables" / tables_module._UNITS).read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in after if line in before]
    assert kept and len(kept) < len(after)  # some units known, some new
    heads = [line.rstrip("\n").split("\t", 2)[2] for line in after]
    assert [head for head in heads if head in made] == [
        line.rstrip("\n").split("\t", 2)[2] for line in after if line not in before
    ]


def test_a_state_without_its_index_of_edge_rows_is_updated_all_the_same(tmp_path, monkeypatch):
    """A state made by a govkg that kept no index of its edge rows: the update makes it from them."""
    made = _spy(monkeypatch, tables_module, "_update_tables")
    rows = _first(tmp_path, _graph(meeting_release, inspection_release)())
    (rows / "tables" / tables_module._EDGE_INDEX).unlink()
    second = canonical_shards(awkward_graph(), tmp_path / "second")
    write_from_shards(second, tmp_path / "out2", network=False)
    write_from_shards(second, tmp_path / "whole", network=False)
    write_network_files(tmp_path / "out2", second, rows, previous=tmp_path / "out1")
    write_network_files(tmp_path / "whole", second, tmp_path / "fresh")
    assert made == [True]
    for name in NETWORK_FILES:
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    for name in sorted((tmp_path / "fresh" / "tables").iterdir()):  # the index kept again
        assert (rows / "tables" / name.name).read_bytes() == name.read_bytes(), name.name


def test_a_stale_state_makes_the_tables_whole(tmp_path, monkeypatch):
    rows = _first(tmp_path, _graph(meeting_release)())
    (rows / ".tables.0123abcd.tmp").mkdir()  # left by a build that was killed
    keyed = rows / "tables" / "keyed.tsv"
    keyed.write_bytes(keyed.read_bytes()[:-30])  # cut short (a crash before the system wrote it out)
    second = canonical_shards(sample_graph(), tmp_path / "second")
    write_from_shards(second, tmp_path / "out2", network=False)
    write_from_shards(second, tmp_path / "whole", network=False)
    write_network_files(tmp_path / "out2", second, rows)
    write_network_files(tmp_path / "whole", second)
    for name in NETWORK_FILES:
        assert (tmp_path / "out2" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert sorted(path.name for path in rows.iterdir() if path.is_dir()) == ["exports", UNIT_ROWS, "tables"]


def _spy(monkeypatch, module, name: str, calls=None) -> list:
    """What each call of ``module.name`` returns, in a list (``calls``, the function called: by
    default the module's own)."""
    results = []
    call = calls or getattr(module, name)
    monkeypatch.setattr(module, name, lambda *a: results.append(call(*a)) or results[-1])
    return results


def _spliced(monkeypatch) -> list[int]:
    """How many nodes and edges each spliced write of the exports formats (the others are copied)."""
    return _spy(monkeypatch, sharded_module, "write_spliced_exports", tables_module.write_spliced_exports)


def _first(tmp_path, graph):
    """``graph``'s files written whole in out1, its network's state kept in ``rows`` (returned)."""
    rows = tmp_path / "rows"
    first = canonical_shards(graph, tmp_path / "first")
    write_from_shards(first, tmp_path / "out1", network=False)
    write_network_files(tmp_path / "out1", first, rows)
    return rows


def _exports(folder) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("graph.gexf", "graph.graphml")}


def _state_size(rows) -> int:
    """The nodes and edges the exports' state (``rows``/exports) describes (each edge's two lengths
    in edges.bin, of eight bytes each)."""
    nodes = len((rows / "exports" / "nodes.tsv").read_text(encoding="utf-8").splitlines())
    return nodes + (rows / "exports" / "edges.bin").stat().st_size // 16


def _updated(tmp_path, rows, graph) -> int:
    """``graph``'s exports written as an update of out1's (in out2) and whole (in whole), asserted
    byte-identical; returns the nodes and edges of the state it leaves."""
    second = canonical_shards(graph, tmp_path / "second")
    for out in ("out2", "whole"):
        write_from_shards(second, tmp_path / out, network=False)
    write_network_files(tmp_path / "out2", second, rows, previous=tmp_path / "out1")
    write_network_files(tmp_path / "whole", second)
    assert _exports(tmp_path / "out2") == _exports(tmp_path / "whole")
    return _state_size(rows)


def test_an_update_copies_the_exports_text_that_did_not_change(tmp_path, monkeypatch):
    """The same network formats no node or edge; a release added formats its own and copies the
    others, the officials' figures written again; either gives the bytes of files written whole."""
    counts = _spliced(monkeypatch)
    rows = tmp_path / "rows"
    first = canonical_shards(_graph(meeting_release, inspection_release)(), tmp_path / "first")
    write_from_shards(first, tmp_path / "out1", network=False)
    write_network_files(tmp_path / "out1", first, rows, previous=tmp_path / "none")
    size = _state_size(rows)
    assert counts == [size]  # no previous files: all formatted
    write_network_files(tmp_path / "out1", first, rows, previous=tmp_path / "out1")  # in place
    assert counts[-1] == 0
    _updated(tmp_path, rows, sample_graph())
    assert 0 < counts[-1] < size


def _with(*triples):
    """The sample network with ``triples`` added."""

    def make():
        graph = sample_graph()
        for triple in triples:
            graph.add(triple)
        return graph

    return make


# a namesake of 巴中市人民政府 (of the same attributes: the exports' types stay, their text is spliced)
_NAMESAKE = [
    (ID["organization/namesake"], RDF.type, GOV.Organization),
    (ID["organization/namesake"], SCHEMA.name, Literal("巴中市人民政府", lang="zh")),
]
# an organisation whose name holds a tab: its line of the exports' state keeps no name
_TABBED = [
    (ID["organization/tabbed"], RDF.type, GOV.Organization),
    (ID["organization/tabbed"], SCHEMA.name, Literal("巴中\t市委", lang="zh")),
]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (_with(), _with(*_NAMESAKE)),
        (_with(*_NAMESAKE), _with()),
        (_with(*_TABBED), _with(*_TABBED, *_NAMESAKE)),
        (_with(*_TABBED, *_NAMESAKE), _with(*_TABBED)),
    ],
    ids=["a namesake comes", "a namesake goes", "a tab in a name, a namesake comes", "a tab, one goes"],
)
def test_a_node_whose_exported_name_changes_with_its_line_unchanged_is_written_again(
    before, after, tmp_path, monkeypatch
):
    """巴中市人民政府 is exported by its name alone, then by its name and id once a namesake comes
    (and back): its line of the tables is the same, the name its exports' text gives is not."""
    counts = _spliced(monkeypatch)
    rows = _first(tmp_path, before())
    size = _updated(tmp_path, rows, after())
    assert 0 < counts[-1] < size  # the others copied


@pytest.mark.parametrize(
    ("before", "after", "formatted"),
    [
        (_graph(meeting_release), _graph(meeting_release, inspection_release), 2),
        (_graph(meeting_release, inspection_release), _graph(meeting_release), 0),
    ],
    ids=["edges come before others", "edges go before others"],
)
def test_an_update_of_the_exports_formats_only_the_edges_the_tables_reduced_again(
    before, after, formatted, tmp_path, monkeypatch
):
    """The edges the tables' update copied are copied from the previous exports, their GEXF numbers
    written again where edges came or went before them: the bytes of the files written whole."""
    made = _spy(monkeypatch, tables_module, "_write_edges")
    rows = _first(tmp_path, before())
    _updated(tmp_path, rows, after())
    assert made[-1] == formatted


def test_exports_of_tables_made_whole_format_every_edge(tmp_path, monkeypatch):
    """Tables made whole (their state lost) follow no update: the exports format their edges."""
    made = _spy(monkeypatch, tables_module, "_write_edges")
    rows = _first(tmp_path, _graph(meeting_release)())
    shutil.rmtree(rows / "tables")
    _updated(tmp_path, rows, _graph(meeting_release, inspection_release)())
    assert made[-1] == (rows / "exports" / "edges.bin").stat().st_size // 16


class _Previous:
    """A previous file read as :class:`tables_module._Copier` reads one, and the text written."""

    def __init__(self, data: bytes) -> None:
        self.data, self.written = data, b""

    def read(self, offset: int, size: int) -> bytes:
        return self.data[offset : offset + size]

    def write(self, data: bytes) -> None:
        self.written += data


@pytest.mark.parametrize(("was", "first"), [(8, 8), (8, 98), (98, 8), (0, 1), (9, 10), (10, 9)])
def test_gexf_edges_numbered_again_keep_their_text(was, first, monkeypatch):
    """Each edge's number is written again, however many digits it had and has."""
    monkeypatch.setattr(tables_module, "_RENUMBERED", 2)  # read a few at a time
    start = GexfPieces.EDGE_START.encode("utf-8")
    texts = [b'" source="a%d" target="b" />\n' % number for number in range(was + 5)]
    edges = [start + b"%d" % number + text for number, text in enumerate(texts)]
    starts = np.cumsum([4] + [len(edge) for edge in edges])  # after a head of four bytes
    out = _Previous(b"head" + b"".join(edges))
    tables_module._renumbered(out, start, starts, was, first, 5)
    assert out.written == b"".join(start + b"%d" % (first + i) + texts[was + i] for i in range(5))


@pytest.mark.parametrize("count", [0, 1, 9, 10, 11, 100, 101, 1000])
def test_digits_of_each_number(count):
    assert tables_module._digits(count).tolist() == [len(str(n)) for n in range(count)]


@pytest.mark.parametrize(
    "spoil",
    [
        lambda out, state: (out / "graph.gexf").write_bytes((out / "graph.gexf").read_bytes()[:-40]),
        lambda out, state: (out / "graph.graphml").write_bytes((out / "graph.graphml").read_bytes()),
        lambda out, state: (state / "edges.bin").write_bytes(b""),
        lambda out, state: (state / "meta.json").unlink(),
    ],
    ids=["file cut", "file written again", "state emptied", "no meta"],
)
def test_exports_whose_state_does_not_describe_them_are_written_whole(spoil, tmp_path, monkeypatch):
    counts = _spliced(monkeypatch)
    rows = _first(tmp_path, _graph(meeting_release, inspection_release)())
    spoil(tmp_path / "out1", rows / "exports")
    size = _updated(tmp_path, rows, sample_graph())
    assert counts[-1] == size  # all formatted again


# --- the commands' reading: stats and view from the tables --------------------

SELECTIONS = [
    {},
    {"max_nodes": 9},
    {"max_nodes": 1},
    {"kinds": ["official", "event"]},
    {"kinds": ["official", "organisation"], "max_nodes": 4},
    {"since": "2020-01-26"},
    {"until": "2020-01-25", "max_nodes": 5},
    {"since": "2030-01-01"},
    {"persons": ["何平"], "hops": 1},
    {"persons": ["何平"], "hops": 2, "max_nodes": 3},
    {"persons": ["温奇志", "何平"], "hops": 0},
    {"persons": ["何平"], "since": "2020-01-26", "kinds": ["official", "event", "place"]},
]


@pytest.mark.parametrize("make", [sample_graph, awkward_graph])
@pytest.mark.parametrize("selection", SELECTIONS)
def test_the_view_of_the_tables_is_select_views(make, selection, tmp_path):
    graph = make()
    expected = view.select_view(knowledge_network(graph), **selection)
    with graph_tables(graph, tmp_path) as tables:
        found = view.tables_view(tables, **selection)
    assert (found.left_out, found.notes, found.focus) == (expected.left_out, expected.notes, expected.focus)
    assert view.render_html(found) == view.render_html(expected)


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(
    "selection",
    [
        {"kinds": ["official", "event", "organisation"], "max_nodes": 40},
        {"kinds": ["official", "place", "document"], "max_nodes": 25},
        {"persons": 2, "hops": 2, "max_nodes": 12},
        {"persons": 3, "hops": 3},  # the first three officials
        {"persons": 1, "hops": 5, "max_nodes": 20, "kinds": ["official", "event"]},
        {"since": "2020-03-01", "until": "2020-06-30", "max_nodes": 30},
    ],
)
def test_a_filtered_view_keeps_what_its_filters_say(seed, selection):
    net = random_network(seed)
    rng = random.Random(seed)
    for nid, attrs in net.nodes(data=True):
        attrs["name"] = nid  # persons are found by name
        if attrs["kind"] == "event" and rng.random() < 0.9:
            attrs["date"] = f"2020-{rng.randint(1, 12):02}-15"
    if isinstance(selection.get("persons"), int):
        officials = sorted(n for n, a in net.nodes(data=True) if a["kind"] == "official")
        selection = {**selection, "persons": officials[: selection["persons"]]}
    found = view.select_view(net, **selection)
    kept = set(found.net)
    assert len(kept) <= selection.get("max_nodes", view.DEFAULT_MAX_NODES)
    if "kinds" in selection:
        assert {net.nodes[n]["kind"] for n in kept} <= set(selection["kinds"])
    if "since" in selection:
        dates = [net.nodes[n].get("date", "") for n in kept if net.nodes[n]["kind"] == "event"]
        assert dates and all(selection["since"] <= d <= selection["until"] for d in dates)
    if "persons" in selection:
        assert found.focus and set(found.focus) <= set(selection["persons"]) & kept
        undirected = net.to_undirected()
        reach = {n: nx.single_source_shortest_path_length(undirected, n) for n in found.focus}
        assert all(min(r.get(n, 99) for r in reach.values()) <= selection["hops"] for n in kept)
    assert list(found.net) == sorted(kept)  # in the order of the ids, as a build's page


@pytest.mark.parametrize("make", [sample_graph, awkward_graph])
def test_the_stats_of_the_tables_are_those_of_the_network_in_memory(make, tmp_path):
    graph = make()
    net, expected = analysed_network(graph)
    with graph_tables(graph, tmp_path) as tables:
        figures = rankings(tables, keep_ties=True)
        found = tables_stats(tables, figures)
        assert found == expected
        assert format_stats(found, 3) == format_stats(expected, 3)
        for name, network in NETWORKS.items():
            exported = exports(tables, figures, name)
            assert "".join(gexf_of_tables(exported)) == gexf_text(network(net), latest_date(graph)), name
            assert "".join(graphml_of_tables(exported)) == graphml_text(network(net)), name
            write_exports(exports(tables, figures, name), tmp_path / "g.gexf", tmp_path / "g.graphml")
            assert (tmp_path / "g.gexf").read_text(encoding="utf-8") == "".join(gexf_of_tables(exported))
            assert (tmp_path / "g.graphml").read_text(encoding="utf-8") == "".join(
                graphml_of_tables(exported)
            )


def _starts(tables, stale: bool = False) -> dict:
    """Where the tables' lines start, as their state keeps it (``stale``: of files one line longer)."""
    starts = {
        name: tables_module._line_starts(path)
        for name, path in (("nodes", tables.nodes), ("edges", tables.edges), ("tenures", tables.tenures))
    }
    if stale:
        starts = {name: [*at[:-1], at[-1] + 5] for name, at in starts.items()}
    tenured = tables_module.IdList(nid for nid, _ in tables.tenure_lines())
    return {**starts, "tenure_ids": tenured}


@pytest.mark.parametrize("run", [1, 2, 1 << 14])
@pytest.mark.parametrize("starts", [None, "kept", "stale"])
def test_the_lines_of_some_nodes_edges_and_tenures_are_those_of_the_whole_tables(
    starts, run, tmp_path, monkeypatch
):
    """Read where their lines start (the state's arrays; a run of them at once, ``run`` lines at
    most), or by reading the lines before them where none are known or they are not those of the
    files: the same lines."""
    import numpy as np

    monkeypatch.setattr(tables_module, "_RUN_LINES", run)
    seeks = []
    where = tables_module._lines_where
    monkeypatch.setattr(tables_module, "_lines_where", lambda *a: seeks.append(1) or where(*a))

    with graph_tables(awkward_graph(), tmp_path) as tables:
        nodes, edges, tenures = (
            list(tables.node_lines()),
            list(tables.edge_lines()),
            dict(tables.tenure_lines()),
        )
        if starts is not None:
            tables.starts = _starts(tables, stale=starts == "stale")
        runs = {0, 1, 2, len(nodes) - 1}  # a run of lines read at once, and the last line
        for numbers in [set(), {0}, set(range(0, len(nodes), 2)), runs, set(range(len(nodes)))]:
            assert list(tables.node_lines_at(numbers)) == [
                (n, *line) for n, line in enumerate(nodes) if n in numbers
            ]
            ids = {nodes[n][0] for n in numbers}
            assert dict(tables.tenure_lines_of(ids)) == {k: v for k, v in tenures.items() if k in ids}
            ends = np.array(tables.sources), np.array(tables.targets)
            wanted = np.isin(ends[0], list(numbers)) & np.isin(ends[1], list(numbers))
            assert list(tables.edge_lines_at(wanted)) == [e for e, w in zip(edges, wanted, strict=True) if w]
        assert tenures and edges and wanted.all()
        assert bool(seeks) == (starts == "kept")


def test_merging_keyed_rows_rewrites_only_the_touched_nodes(tmp_path):
    lines = ["甲\tx\n", "甲\ty\n", "甲 乙\tx\n", "甲乙\tz\n", "丙\tw\n"]  # sorted as a state's keyed rows
    lines.sort()
    path = tmp_path / "keyed.tsv"
    path.write_text("".join(f"2\t{line}" for line in lines), encoding="utf-8")
    changes = sorted([("甲\tx\n", -2), ("甲\tq\n", 1), ("甲乙\tz\n", 1), ("丁\tv\n", 3)])
    out = tmp_path / "out.tsv"
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        groups = tables_module._merge_keyed(path, changes, {"甲", "甲乙", "丁", "丙"}, handle)
    counts = {line: 2 for line in lines} | {"甲\tq\n": 1, "甲乙\tz\n": 3, "丁\tv\n": 3}
    del counts["甲\tx\n"]
    assert out.read_text(encoding="utf-8") == "".join(f"{counts[line]}\t{line}" for line in sorted(counts))
    assert groups == {
        "丁": ["丁\tv\n"],
        "丙": ["丙\tw\n"],
        "甲": ["甲\tq\n", "甲\ty\n"],
        "甲乙": ["甲乙\tz\n"],
    }
    with out.open("w", encoding="utf-8") as handle, pytest.raises(tables_module._StaleTables):
        tables_module._merge_keyed(path, [("甲\ty\n", -3)], {"甲"}, handle)  # fewer units than it says


def _edge_row(source: str, target: str, rank: int, number: int, payload: str = "x") -> str:
    return f"{source}\t{target}\t{rank}\t{number:09}\t{payload}\n"


def _index_arrays(index) -> list[list[int]]:
    return [index.at.tolist(), index.sources.tolist(), index.targets.tolist()]


@pytest.mark.parametrize("digests", ["own", "one"])  # "one": every id of one digest, every pair a candidate
def test_merging_edge_rows_rewrites_only_the_pairs_of_touched_nodes(digests, tmp_path, monkeypatch):
    if digests == "one":
        monkeypatch.setattr(tables_module.NameCounts, "_digest", staticmethod(lambda name: 7))
    cites = int(tables_module._CITES)
    rows = [
        _edge_row("事件甲", "地乙", 2, 1),  # touched source: gone, given again below
        _edge_row("事件甲", "官丙", 4, 2),  # touched source: gone
        _edge_row("事件丁", "官丙", 4, 1),  # neither end touched
        _edge_row("事件丁", "文戊", cites, 1),  # a citation, its target's row: touched, gone
        _edge_row("事件己", "事件甲", 4, 1),  # the same, the source moved
        _edge_row("官丙", "地乙", 3, 1),
        _edge_row("官丙", "地乙", 3, 2, "y"),  # two rows of one pair, neither end touched
        _edge_row("官丙", "事件甲", 4, 1),  # the touched node a target, the row its source's: kept
    ]
    rows.sort()
    path = tmp_path / "edge_rows.tsv"
    path.write_text("".join(rows), encoding="utf-8")
    touched, moved = {"事件甲", "文戊", "事件庚"}, {"事件己"}
    fresh = sorted(
        [
            _edge_row("事件甲", "地乙", 2, 1, "z"),
            _edge_row("事件庚", "官丙", 4, 1),  # a pair new to the file, between others
            _edge_row("事件己", "事件甲", 4, 2),  # a pair's row more, beside one kept
            _edge_row("丁", "文戊", cites, 1),  # a new pair before every other
            _edge_row("龙", "文戊", cites, 1),  # and after
        ]
    )
    out = tmp_path / "out.tsv"
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        pairs, index = tables_module._merge_edge_rows(
            path, fresh, touched, moved, handle, tables_module._EdgeIndex.of_file(path)
        )
    kept = [row for row in rows if tables_module._emitter(row)[2] not in touched]
    assert out.read_text(encoding="utf-8") == "".join(sorted(kept + fresh))
    assert _index_arrays(index) == _index_arrays(tables_module._EdgeIndex.of_file(out))
    row = _edge_row
    assert pairs == {
        "丁\t文戊": [row("丁", "文戊", cites, 1)],
        "事件丁\t文戊": [],
        "事件己\t事件甲": [row("事件己", "事件甲", 4, 1), row("事件己", "事件甲", 4, 2)],  # an end moved too
        "事件庚\t官丙": [row("事件庚", "官丙", 4, 1)],
        "事件甲\t地乙": [row("事件甲", "地乙", 2, 1, "z")],
        "事件甲\t官丙": [],
        "龙\t文戊": [row("龙", "文戊", cites, 1)],
    }  # not 官丙's (none of its rows changed), nor 事件丁's with 官丙 (no end touched)


def test_an_index_of_edge_rows_describes_only_its_file(tmp_path):
    state = tmp_path / "state"
    state.mkdir()
    row = _edge_row
    rows = "".join(sorted([row("甲", "乙", 0, 1), row("甲", "乙", 1, 1), row("丙", "乙", 0, 1)]))
    (state / tables_module._EDGE_ROWS).write_text(rows, encoding="utf-8")
    assert tables_module._EdgeIndex.read(state) is None  # none kept
    made = tables_module._EdgeIndex.of_file(state / tables_module._EDGE_ROWS)
    assert made.at.tolist() == [0, len(rows.split("\n")[0].encode()) + 1, len(rows.encode())]
    made.write(state / tables_module._EDGE_INDEX, len(rows.encode()))
    assert _index_arrays(tables_module._EdgeIndex.read(state)) == _index_arrays(made)
    (state / tables_module._EDGE_ROWS).write_text(rows + _edge_row("丁", "乙", 0, 1), encoding="utf-8")
    assert tables_module._EdgeIndex.read(state) is None  # of another file


def _lines_file(path, lines: dict[str, str]):
    """A file of lines in the order of their ids, as the tables write them, and its ids and starts."""
    import numpy as np

    ids = sorted(lines)
    data = [f"{lines[nid]}\n".encode() for nid in ids]
    path.write_bytes(b"".join(data))
    starts = np.cumsum([0] + [len(d) for d in data], dtype=np.int64)
    return tables_module.IdList(ids), starts


def test_splicing_lines_gives_the_file_and_arrays_written_whole(tmp_path):
    """A line changed, one gone, new ones first, between and last: the file, ids, starts and column
    are those of the lines written whole, the others' text copied; each old line's number now."""
    import numpy as np

    before = {"person/张三": "a", "person/李四": "bb", "person/王五": "ccc", "place/某市": "dddd"}
    ids, starts = _lines_file(tmp_path / "old.jsonl", before)
    column = np.array([10, 11, 12, 13], dtype=np.int64)
    changes = [  # in the order of their ids, as the tables' nodes reduced again
        ("event/会议", "new first", (20,)),
        ("person/张三", "", ()),  # gone
        ("person/李四", "changed", (21,)),
        ("person/李四甲", "new between", (22,)),
        ("某县", "new last", (23,)),
    ]
    assert [nid for nid, _, _ in changes] == sorted(nid for nid, _, _ in changes)
    now, at, remap, places, (values,) = tables_module._splice_lines(
        ids, starts, [column], changes, tmp_path / "old.jsonl", tmp_path / "new.jsonl"
    )
    after = {k: v for k, v in before.items() if k != "person/张三"}
    after |= {nid: text for nid, text, _ in changes if text}
    whole_ids, whole_starts = _lines_file(tmp_path / "whole.jsonl", after)
    assert (tmp_path / "new.jsonl").read_bytes() == (tmp_path / "whole.jsonl").read_bytes()
    assert list(now) == list(whole_ids) and bytes(now.ends) == bytes(whole_ids.ends)
    assert at.tolist() == whole_starts.tolist()
    assert values.tolist() == [20, 21, 22, 12, 13, 23]  # by id: 会议, 李四, 李四甲, 王五, 某市, 某县
    assert remap.tolist() == [-1, 1, 3, 4]  # 张三 gone, 李四 reduced again, 王五 and 某市 moved on
    assert places == [-1, 0, 1, -1, -1]


def test_splicing_lines_of_a_shorter_file_than_its_starts_say_is_stale(tmp_path):
    ids, starts = _lines_file(tmp_path / "old.jsonl", {"person/张三": "a", "person/李四": "bb"})
    (tmp_path / "old.jsonl").write_bytes(b"a\n")
    with pytest.raises(tables_module._StaleTables):
        tables_module._splice_lines(
            ids, starts, [], [("person/张三", "x", ())], tmp_path / "old.jsonl", tmp_path / "new.jsonl"
        )


_ROW_VALUES = [
    "甲",
    'a "quoted" \\ line\nwith\ttabs and \x01 a control',
    ["https://w3id.org/govkg/id/person/甲", "2020-01-26", 3, 12],
    [None, True, False, 0, -7, 2.5, 1e300, 10**30, ""],
    {"title": "市长", "weight": 2, "evidence": [["句子", 0, "标题", "2020-01-26", "r1"]]},
    {"b": 1, "a": {"nested": ["\u2028", "\ud83d\ude00"]}},
    [],
    {},
]


@pytest.mark.parametrize("value", _ROW_VALUES)
def test_row_json_is_json_dumps_text(value):
    assert tables_module._dump(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("value", _ROW_VALUES)
def test_row_json_reads_back_with_its_newline(value):
    text = tables_module._dump(value)
    assert tables_module._decode(text) == value
    assert tables_module._decode(text + "\n") == value


def test_row_json_without_the_c_encoder_is_the_same_text(monkeypatch):
    monkeypatch.setattr(tables_module, "c_make_encoder", None)
    assert tables_module._row_encoder() is None
    monkeypatch.setattr(tables_module, "_ROW_ENCODER", None)
    for value in _ROW_VALUES:
        assert tables_module._dump(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def test_row_json_encoder_of_other_arguments_is_not_used(monkeypatch):
    monkeypatch.setattr(
        tables_module, "c_make_encoder", lambda *arguments: (_ for _ in ()).throw(TypeError())
    )
    assert tables_module._row_encoder() is None
