"""Network views of the RDF graph: the knowledge network, co-attendance, rankings, exports."""

from __future__ import annotations

import io
import json
import random
from urllib.parse import unquote

import networkx as nx
import pytest
from networkx.algorithms.community import louvain_communities
from rdflib import RDF, Literal
from rdflib.namespace import OWL

from govkg.graph.cli import EXIT_OK, EXIT_USAGE, main
from govkg.graph.network import (
    NodeIds,
    _betweenness,
    _louvain,
    _xml,
    betweenness_sources,
    coattendance_network,
    format_stats,
    gexf_text,
    graphml_text,
    latest_date,
    network_stats,
    node_id,
    person_event_network,
    sorted_unique,
)
from govkg.graph.outputs import write_outputs
from govkg.graph.store import STORE, StoreGraph, build_graph, open_graph_store, read_graph
from govkg.graph.tables import analysed_network, knowledge_network
from govkg.ontology import GOV, ID, SCHEMA
from tests.graph.networks import sample_graph

HE, WEN, ZHANG, LI = "person/何平@巴中市", "person/温奇志@巴中市", "person/张三@通江县", "person/李四@南江县"
MEETING, INSPECTION = "release/r1/event/e0", "release/r2/event/e0"


@pytest.fixture(scope="module")
def net():
    return knowledge_network(sample_graph())


@pytest.mark.parametrize(
    ("node", "kind", "label"),
    [
        (HE, "official", "何平\n市委书记"),  # the title of the latest release
        (WEN, "official", "温奇志\n副市长"),
        (LI, "official", "李四\n县委书记"),  # in no event, still an official
        (MEETING, "event", "会议 2020-01-25\n防控工作会议"),
        (INSPECTION, "event", "调研检查 2020-02-02\n调研"),
        ("organization/巴中市人民政府", "organisation", "巴中市人民政府"),
        ("place/巴中市", "place", "巴中市"),
        ("document/关于加强防控工作的通知", "document", "关于加强防控工作的通知"),
        ("directive/上级指示精神", "directive", "上级指示精神"),
    ],
)
def test_every_kind_of_node_has_its_kind_and_label(net, node, kind, label):
    assert net.nodes[node]["kind"] == kind
    assert net.nodes[node]["label"] == label


@pytest.mark.parametrize(
    ("source", "target", "relation", "label"),
    [
        (HE, MEETING, "participation", "出席、讲话"),  # two roles, one edge
        (WEN, MEETING, "participation", "主持"),
        (HE, INSPECTION, "participation", "带队"),
        (ZHANG, INSPECTION, "participation", "陪同"),
        (HE, "organization/巴中市人民政府", "holding", "市长"),
        (MEETING, "place/巴中市", "location", "地点"),
        (MEETING, "directive/上级指示精神", "implements", "贯彻落实"),
        ("document/关于加强防控工作的通知", "organization/巴中市卫生健康委员会", "issuer", "发文机关"),
        (MEETING, "document/关于加强防控工作的通知", "cites", "文件"),
    ],
)
def test_edges_are_labelled_with_roles_and_relations(net, source, target, relation, label):
    assert net.edges[source, target]["relation"] == relation
    assert net.edges[source, target]["label"] == label


def test_participation_edges_carry_their_sentence_headline_and_date(net):
    edge = net.edges[WEN, MEETING]
    assert edge["evidence"] == "副市长温奇志主持会议。"
    assert (edge["headline"], edge["published"], edge["release"]) == (
        "全市防控工作会议召开",
        "2020-01-26",
        "r1",
    )


def test_an_official_carries_the_sentence_of_their_latest_title(net):
    he = net.nodes[HE]
    assert he["evidence"] == "2月2日，市委书记何平到通江县调研，县长张三陪同。"
    assert (he["headline"], he["published"]) == ("何平到通江县调研", "2020-02-03")


def test_node_ids_carry_no_url(net):
    assert all("://" not in n for n in net)
    assert node_id(ID["person/%E4%BD%95%E5%B9%B3@%3F0001"]) == "person/何平@?0001"


@pytest.mark.parametrize(
    "text",
    [
        "person/%E4%BD%95%E5%B9%B3@%E5%B7%B4%E4%B8%AD%E5%B8%82",
        "org/%e5%b7%b4x",  # lower-case escapes
        "a%E4%BDb%95",  # a character cut by plain text: replaced
        "%F0%9F%98",  # cut at the end
        "%FF%C3%A9",  # a byte no character starts with
        "%zz%4%%41%",  # no escapes
        "place/巴中%E5%B8%82",  # not ASCII
        "plain/name",
    ],
)
@pytest.mark.parametrize("base", [str(ID), "http://example.org/"])
def test_a_node_id_undoes_percent_encoding_as_unquote_does(base, text):
    assert node_id(base + text) == unquote(text if base == str(ID) else base + text)


def test_node_ids_remembered_are_bounded_and_the_latest_kept():
    ids = NodeIds({}, remember=2)
    for name in ("a", "b", "c"):
        assert ids.key(str(ID[name])) == name
    assert len(ids._ids) <= 2 and str(ID["c"]) in ids._ids


def test_variant_spellings_of_an_organisation_are_one_node():
    graph = sample_graph()
    variant = ID["organization/%E5%B7%B4%E4%B8%AD%E5%B8%82%E6%94%BF%E5%BA%9C"]  # 巴中市政府
    graph.add((variant, RDF.type, GOV.Organization))
    graph.add((variant, SCHEMA.name, Literal("巴中市政府", lang="zh")))
    graph.add(
        (
            variant,
            OWL.sameAs,
            ID["organization/%E5%B7%B4%E4%B8%AD%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C"],
        )
    )
    net = knowledge_network(graph)
    assert "organization/巴中市政府" not in net
    assert net.nodes["organization/巴中市人民政府"]["aliases"] == "巴中市政府"


def test_person_event_network_is_bipartite():
    bipartite = person_event_network(knowledge_network(sample_graph()))
    assert nx.is_bipartite(bipartite)
    assert sorted(bipartite.edges()) == sorted(
        [(HE, MEETING), (WEN, MEETING), (HE, INSPECTION), (ZHANG, INSPECTION)]
    )


def test_coattendance_weights_count_shared_events(net):
    co = coattendance_network(net)
    assert sorted(co) == sorted([HE, WEN, ZHANG, LI])
    assert {tuple(sorted(e)): w for *e, w in co.edges(data="weight")} == {
        tuple(sorted((HE, WEN))): 1,
        tuple(sorted((HE, ZHANG))): 1,
    }


def test_stats_rank_the_most_active_and_central_official(net):
    stats = network_stats(net)
    assert (stats.officials, stats.events, stats.participations) == (4, 2, 4)
    assert stats.most_active(1)[0].id == HE
    assert stats.most_active(1)[0].roles == {"出席": 1, "带队": 1, "讲话": 1}
    assert stats.most_central(1)[0].id == HE  # the only bridge
    assert LI not in {r.id for r in stats.most_active()}  # took part in nothing
    assert sorted(n for c in stats.communities for n in c) == sorted([HE, WEN, ZHANG])
    assert stats.ranks[LI].community == -1
    assert [(a.id, b.id, w) for a, b, w in stats.strongest_ties()] == [(HE, ZHANG, 1), (HE, WEN, 1)]


def test_exports_open_in_networkx_with_the_rankings():
    graph = sample_graph()
    net, _ = analysed_network(graph)
    from_gexf = nx.read_gexf(io.BytesIO(gexf_text(net, latest_date(graph)).encode()))
    from_graphml = nx.read_graphml(io.BytesIO(graphml_text(net).encode()))
    for read in (from_gexf, from_graphml):
        assert read.number_of_nodes() == net.number_of_nodes()
        assert read.number_of_edges() == net.number_of_edges()
    assert from_graphml.nodes[HE]["events"] == 2
    assert from_graphml.nodes[HE]["kind"] == "official"


def test_exports_are_byte_stable_and_dated_by_the_data():
    graph = sample_graph()
    net, _ = analysed_network(graph)
    text = gexf_text(net, latest_date(graph))
    assert 'lastmodifieddate="2020-02-03"' in text
    assert text == gexf_text(analysed_network(sample_graph())[0], latest_date(graph))
    assert graphml_text(net) == graphml_text(analysed_network(sample_graph())[0])


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld", ".trig"])
def test_graph_files_of_every_format_are_read(tmp_path, suffix):
    graph = sample_graph()
    path = tmp_path / f"graph{suffix}"
    if suffix == ".trig":  # one named graph, written by hand: rdflib's TriG writer warns
        nt = graph.serialize(format="nt", encoding="utf-8").decode()
        path.write_text("<urn:x:g> {\n" + nt + "}\n", encoding="utf-8")
    else:
        fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[suffix]
        graph.serialize(path, format=fmt, encoding="utf-8")
    assert len(read_graph(path)) == len(graph)


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle")
    return path


def test_stats_command_prints_rankings_and_writes_exports(graph_file, tmp_path, capsys):
    code = main(
        [
            "stats",
            str(graph_file),
            "--gexf",
            str(tmp_path / "n.gexf"),
            "--graphml",
            str(tmp_path / "n.graphml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert "4 officials, 2 events, 4 participations" in out
    assert "Most active" in out and "何平" in out
    assert nx.read_gexf(tmp_path / "n.gexf").number_of_nodes() == 11
    assert nx.read_graphml(tmp_path / "n.graphml").number_of_nodes() == 11


def test_stats_command_prints_json(graph_file, capsys):
    assert main(["stats", str(graph_file), "--json", "--top", "1"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in data["most_active"]] == ["何平"]


def test_stats_command_fails_on_a_missing_graph(tmp_path, capsys):
    assert main(["stats", str(tmp_path / "none.ttl")]) == EXIT_USAGE  # as every command (test_cli_grammar)
    assert "no such graph file" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("network", "nodes", "edges"),
    [("knowledge", 11, 9), ("person-event", 6, 4), ("co-attendance", 4, 2)],
)
def test_stats_command_exports_the_network_asked_for(graph_file, tmp_path, network, nodes, edges):
    out = tmp_path / "n.graphml"
    assert main(["stats", str(graph_file), "--network", network, "--graphml", str(out)]) == EXIT_OK
    read = nx.read_graphml(out)
    assert (read.number_of_nodes(), read.number_of_edges()) == (nodes, edges)
    if network == "co-attendance":
        assert read.edges[HE, WEN]["weight"] == 1
        assert read.nodes[HE]["events"] == 2  # the rankings travel with the officials


def test_exports_keep_awkward_text_and_types():
    import io

    import networkx as nx

    net = nx.DiGraph()
    net.add_node(
        "a", label="何平\n市长", kind='a&b<c>"d"', events=2, betweenness=0.25, flag=True, odd="x\x01y"
    )
    net.add_node("b", label="会议")
    net.add_edge("a", "b", label="主持\t讲话", weight=2, relation="participation")
    for read, text in ((nx.read_gexf, gexf_text(net, "2020-01-01")), (nx.read_graphml, graphml_text(net))):
        back = read(io.BytesIO(text.encode("utf-8")))
        node = back.nodes["a"]
        assert node["label"] == "何平\n市长"
        assert node["kind"] == 'a&b<c>"d"'
        assert (node["events"], node["betweenness"], node["flag"], node["odd"]) == (2, 0.25, True, "xy")
        assert back.edges["a", "b"]["label"] == "主持\t讲话"


def _namesakes():
    from rdflib import Graph

    graph = Graph()
    for place in ("巴中市", "宝鸡市"):
        person = ID[f"person/何平@{place}"]
        graph.add((person, RDF.type, GOV.Person))
        graph.add((person, SCHEMA.name, Literal("何平", lang="zh")))
    graph.add((ID["person/温奇志@巴中市"], RDF.type, GOV.Person))
    graph.add((ID["person/温奇志@巴中市"], SCHEMA.name, Literal("温奇志", lang="zh")))
    return knowledge_network(graph)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_exported_names_are_unique_and_labels_bare(fmt):
    net = _namesakes()
    if fmt == "gexf":
        back = nx.read_gexf(io.BytesIO(gexf_text(net, "2020-01-01").encode("utf-8")))
    else:
        back = nx.read_graphml(io.BytesIO(graphml_text(net).encode("utf-8")))
    names = {node: attrs["name"] for node, attrs in back.nodes(data=True)}
    assert names == {
        "person/何平@巴中市": "何平 (巴中市)",
        "person/何平@宝鸡市": "何平 (宝鸡市)",
        "person/温奇志@巴中市": "温奇志",
    }
    assert {attrs["label"] for attrs in back.nodes.values()} == {"何平", "温奇志"}


def test_every_node_of_a_sample_build_has_its_own_name_in_graphml(sample_graph):
    net, _ = analysed_network(sample_graph)
    back = nx.read_graphml(io.BytesIO(graphml_text(net).encode("utf-8")))
    names = [attrs["name"] for attrs in back.nodes.values()]
    assert len(names) == len(set(names)) == net.number_of_nodes()


def meetings(pairs: list[tuple[int, int]]) -> nx.DiGraph:
    """A knowledge network of officials ``p0``, ``p1`` ... who met in pairs, one event per pair."""
    net = nx.DiGraph()
    for number, pair in enumerate(pairs):
        event = f"event/e{number}"
        net.add_node(event, kind="event")
        for person in pair:
            net.add_node(f"person/p{person:03}", kind="official", name=f"p{person}")
            net.add_edge(f"person/p{person:03}", event, relation="participation", roles="出席")
    return net


# 40 officials in a row (39 ties) and 6 ties more: exact betweenness visits 40 * (40 + 45).
ROW = [(i, i + 1) for i in range(39)] + [(0, 20), (5, 30), (10, 35), (12, 25), (3, 33), (7, 17)]


@pytest.mark.parametrize(
    ("nodes", "edges", "work", "sources"),
    [
        (40, 45, 3_400, 40),  # exact: 40 * 85 visits
        (40, 45, 3_399, 39),  # a sample, as large as the budget pays for
        (40, 45, 1_000, 16),  # never fewer than 16 sources
        (10, 5, 0, 10),  # a small network has fewer nodes than the floor: all of them
        (13_723, 45_619, 4_000_000, 67),
        (100_000, 900_000, 4_000_000, 16),
    ],
)
def test_betweenness_sources_fit_the_work_budget(nodes, edges, work, sources):
    assert betweenness_sources(nodes, edges, work) == sources
    assert sources == min(nodes, 16) or sources * (nodes + edges) <= work


def test_betweenness_is_exact_within_the_budget_and_estimated_above():
    net = meetings(ROW)
    exact = network_stats(net, work=3_400)
    assert (exact.betweenness_exact, exact.betweenness_sources) == (True, 40)
    assert exact.ranks["person/p020"].betweenness == round(
        nx.betweenness_centrality(coattendance_network(net))["person/p020"], 6
    )
    sampled = network_stats(net, work=1_000)
    assert (sampled.betweenness_exact, sampled.betweenness_sources) == (False, 16)
    assert "estimated from 16 sources" in format_stats(sampled)


def test_estimated_betweenness_is_the_same_whatever_order_the_network_was_built_in():
    net = meetings(ROW)
    shuffled = meetings(list(reversed([(b, a) for a, b in ROW])))
    assert list(net) != list(shuffled)
    figures = [
        {n: (r.betweenness, r.community) for n, r in network_stats(g, work=1_000).ranks.items()}
        for g in (net, net, shuffled)
    ]
    assert figures[0] == figures[1] == figures[2]


def test_a_build_gives_one_network_from_its_store_its_graph_nt_and_rdflib(sample_result, tmp_path):
    write_outputs(sample_result, tmp_path, only=["graph.nt", STORE])
    networks = [
        knowledge_network(graph)
        for graph in (
            sample_result.graph,
            read_graph(tmp_path),
            StoreGraph(open_graph_store(tmp_path)),  # each predicate scanned in the store
            build_graph(tmp_path),  # graph.nt read once
        )
    ]
    assert networks[0].number_of_edges() > 100
    for net in networks[1:]:
        assert list(net.nodes(data=True)) == list(networks[0].nodes(data=True))
        assert list(net.edges(data=True)) == list(networks[0].edges(data=True))


def random_coattendance(seed: int, nodes: int = 120, edges: int = 300) -> nx.Graph:
    """A weighted graph of numbered nodes in several parts, built as network_stats builds its own."""
    rng = random.Random(seed)
    weights = {}
    for _ in range(edges):
        a, b = sorted(rng.sample(range(nodes), 2))
        weights[(a, b)] = rng.choice([1, 1, 1, 2, 3])
    graph = nx.Graph()
    graph.add_nodes_from(sorted({n for pair in weights for n in pair}))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return graph


def lists_of(graph: nx.Graph) -> tuple[list[int], list[list[int]], list[list[int]]]:
    nodes = list(graph)
    number = {n: i for i, n in enumerate(nodes)}
    neighbours = [[number[m] for m in graph[n]] for n in nodes]
    strengths = [[graph[n][m]["weight"] for m in graph[n]] for n in nodes]
    return nodes, neighbours, strengths


@pytest.mark.parametrize("seed", range(6))
def test_louvain_on_lists_finds_networkx_communities(seed):
    graph = random_coattendance(seed)
    nodes, neighbours, strengths = lists_of(graph)
    ours = sorted(sorted(nodes[i] for i in c) for c in _louvain(neighbours, strengths, seed=0))
    theirs = sorted(sorted(c) for c in nx.community.louvain_communities(graph, weight="weight", seed=0))
    assert ours == theirs


def clustered_coattendance(seed: int, groups: int = 12, size: int = 14, weight=int) -> nx.Graph:
    """Dense groups with a few ties between them: after Louvain's first pass most nodes have all
    their neighbours in their own community (those its later passes leave alone)."""
    rng = random.Random(seed)
    weights = {}
    for group in range(groups):
        members = range(group * size, (group + 1) * size)
        for a in members:
            for b in members:
                if a < b and rng.random() < 0.6:
                    weights[(a, b)] = weight(rng.choice([1, 1, 2, 3]))
    for _ in range(groups * 2):
        a, b = sorted(rng.sample(range(groups * size), 2))
        weights[(a, b)] = weights.get((a, b), 0) + weight(1)
    graph = nx.Graph()
    graph.add_nodes_from(sorted({n for pair in weights for n in pair}))
    graph.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return graph


@pytest.mark.parametrize(
    "graph",
    [
        *(clustered_coattendance(seed) for seed in range(4)),
        clustered_coattendance(4, groups=40, size=6),
        clustered_coattendance(5, weight=lambda w: w / 3),  # weights not whole: every node weighed
    ],
)
@pytest.mark.parametrize("resolution", [1, 2.5])
def test_louvain_passing_settled_nodes_over_finds_networkx_communities(graph, resolution):
    nodes, neighbours, strengths = lists_of(graph)
    ours = sorted(
        sorted(nodes[i] for i in c) for c in _louvain(neighbours, strengths, seed=0, resolution=resolution)
    )
    theirs = louvain_communities(graph, weight="weight", seed=0, resolution=resolution)
    assert ours == sorted(sorted(c) for c in theirs)


def test_sorted_unique_is_numpys_unique():
    import numpy as np

    rng = np.random.default_rng(0)
    for values in [[], [7], [3, 3], rng.integers(-50, 50, 1000), rng.integers(0, 1 << 40, 5000)]:
        assert sorted_unique(np.asarray(values, dtype=np.int64)).tolist() == np.unique(values).tolist()


@pytest.mark.parametrize(("seed", "k"), [(0, None), (1, None), (2, 16), (3, 40), (4, 1)])
def test_betweenness_on_lists_is_networkxs_to_the_bit(seed, k):
    graph = random_coattendance(seed)
    nodes, neighbours, _ = lists_of(graph)
    ours = dict(zip(nodes, _betweenness(neighbours, k, seed=0), strict=True))
    theirs = nx.betweenness_centrality(graph, k=k, seed=0, normalized=True)
    assert ours == pytest.approx(theirs, nan_ok=True) and [ours[n] for n in nodes if ours[n] == ours[n]] == [
        theirs[n] for n in nodes if theirs[n] == theirs[n]
    ]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("某市人民政府", "某市人民政府"),
        (3, "3"),
        ('张三 & 李四 <"某市">', "张三 &amp; 李四 &lt;&quot;某市&quot;&gt;"),
        ("甲\n乙\t丙\r", "甲&#10;乙&#9;丙&#13;"),
        ("甲\x00\x1f乙\ufffe\uffff", "甲乙"),
    ],
)
def test_xml_values_escape_markup_and_white_space_and_drop_what_xml_forbids(value, text):
    assert _xml(value) == text
