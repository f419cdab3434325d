"""The HTML view: selection, trimming, a self-contained page, the command, and a real browser."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal
from rdflib.namespace import OWL, PROV

from govkg.graph.cli import EXIT_FAIL, EXIT_OK, main
from govkg.graph.tables import knowledge_network
from govkg.graph.view import render_html, select_view, view_html
from govkg.ontology import GOV, ID, SCHEMA
from tests.graph.chromium import LABEL_OVERLAPS
from tests.graph.networks import sample_graph

HE, WEN, ZHANG, LI = "person/何平@巴中市", "person/温奇志@巴中市", "person/张三@通江县", "person/李四@南江县"
MEETING, INSPECTION = "release/r1/event/e0", "release/r2/event/e0"


@pytest.fixture(scope="module")
def net():
    return knowledge_network(sample_graph())


@pytest.mark.parametrize(
    ("selection", "shown", "hidden"),
    [
        ({}, {HE, WEN, ZHANG, LI, MEETING, INSPECTION, "place/巴中市"}, set()),
        ({"kinds": ["official", "event"]}, {HE, WEN, MEETING}, {"place/巴中市", "directive/上级指示精神"}),
        ({"since": "2020-02-01"}, {HE, ZHANG, INSPECTION}, {MEETING, WEN, LI, "place/巴中市"}),
        ({"until": "2020-01-31"}, {HE, WEN, MEETING, "place/巴中市"}, {INSPECTION, ZHANG, LI}),
        ({"persons": ["张三"], "hops": 1}, {ZHANG, INSPECTION}, {HE, MEETING}),
        ({"persons": ["张三"], "hops": 2}, {ZHANG, INSPECTION, HE}, {MEETING, WEN}),
        ({"persons": ["张三"], "hops": 3}, {ZHANG, HE, MEETING}, {WEN, LI}),
    ],
)
def test_filters_keep_what_they_say(net, selection, shown, hidden):
    view = select_view(net, **selection)
    assert shown <= set(view.net)
    assert not hidden & set(view.net)
    assert not view.trimmed


def test_a_large_network_keeps_its_most_connected_part_and_says_what_it_left_out(net):
    view = select_view(net, max_nodes=6)
    assert view.net.number_of_nodes() == 6
    assert {HE, MEETING} <= set(view.net)  # the hub and its best-connected neighbours
    assert LI not in view.net  # alone: the first to go
    assert sum(view.left_out.values()) == net.number_of_nodes() - 6
    assert view.left_out["official"] >= 1
    page = render_html(view)
    assert '"trimmed": true' in page
    assert "graph.gexf" in page  # the page points at the Gephi export


@pytest.fixture(scope="module")
def page():
    return view_html(sample_graph())


def test_the_page_loads_nothing_from_anywhere(page):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page, re.I)
    assert "@import" not in page
    assert not re.search(r"cdnjs|jsdelivr|unpkg|bootstrap", page, re.I)
    assert "sourceMappingURL" not in page
    # Not even as text: vis-network's licence links and SVG namespace name are rewritten.
    assert not re.search(r"https?://", page)


def test_the_page_inlines_vis_network_and_carries_the_evidence(page):
    assert "vis-network" in page and "new vis.Network(" in page
    assert "副市长温奇志主持会议。" in page  # an evidence sentence
    assert "全市防控工作会议召开" in page  # a headline
    assert '"g_label": "出席、讲话"' in page
    for label in ("人物", "事件", "机构", "地点", "文件", "指示精神"):  # the legend
        assert f"{label} <span" in page


def test_a_large_view_centred_on_an_official_keeps_what_is_nearest_to_them(net):
    view = select_view(net, persons=["张三"], hops=9, max_nodes=3)
    assert set(view.net) == {ZHANG, INSPECTION, HE}
    assert view.focus == [ZHANG]


def test_a_view_centred_on_officials_opens_on_them(net):
    view = select_view(net, persons=["何平"], hops=1)
    assert view.focus == [HE]
    assert '"focus": ["person/何平@巴中市"]' in render_html(view)


def test_an_empty_graph_gives_an_empty_page():
    page = view_html(Graph())
    assert "var NODES = [];" in page and '"nodes": 0' in page


def test_the_page_names_other_spellings_and_marks_dates_taken_from_the_release():
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
    event = next(graph.subjects(SCHEMA.name, Literal("调研", lang="zh")))
    graph.remove((event, SCHEMA.startDate, None))
    page = view_html(graph)
    assert '"g_aliases": "巴中市政府"' in page
    assert '"g_date": "≈2020-02-03"' in page
    assert "调研检查 ≈2020-02-03" in page


def test_the_page_is_byte_stable(page):
    assert view_html(sample_graph()) == page


def test_text_from_releases_cannot_close_the_script():
    graph = sample_graph()
    release = next(graph.subjects(SCHEMA.identifier, Literal("r1")))
    graph.set((release, SCHEMA.headline, Literal("</script><script>alert(1)</script>", lang="zh")))
    page = view_html(graph)
    assert page.count("</script>") == 2  # vis-network's, and the page's own
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert(1)" in page


def test_build_writes_the_view(tmp_path):
    from govkg.graph.build import build_records
    from govkg.graph.outputs import write_outputs

    result = build_records([{"id": "n1", "title": "会议召开", "content": "县委书记李四主持会议。"}])
    written = write_outputs(result, tmp_path, only=["graph.html", "graph.gexf", "graph.graphml"])
    assert sorted(written) == ["graph.gexf", "graph.graphml", "graph.html"]
    assert "new vis.Network(" in (tmp_path / "graph.html").read_text(encoding="utf-8")


@pytest.fixture
def graph_file(tmp_path):
    path = tmp_path / "graph.ttl"
    sample_graph().serialize(path, format="turtle", encoding="utf-8")
    return path


def test_view_command_writes_a_filtered_page(graph_file, tmp_path, capsys):
    out = tmp_path / "he.html"
    code = main(["view", str(graph_file), "--person", "张三", "--hops", "1", "-o", str(out)])
    assert code == EXIT_OK
    assert "2 nodes, 1 edges" in capsys.readouterr().out
    assert "张三" in out.read_text(encoding="utf-8")


def test_view_command_defaults_to_view_html_beside_the_graph(graph_file):
    assert main(["view", str(graph_file), "--types", "official", "event"]) == EXIT_OK
    assert (graph_file.parent / "view.html").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--person", "王五"], EXIT_FAIL, "no official named 王五"),
        (["--since", "2020-03-01", "--until", "2020-01-01"], 2, "--since is after --until"),
    ],
)
def test_view_command_refuses_what_it_cannot_show(graph_file, capsys, args, code, message):
    assert main(["view", str(graph_file), *args]) == code
    assert message in capsys.readouterr().err


def test_view_command_rejects_a_bad_date(graph_file):
    with pytest.raises(SystemExit) as exit_info:
        main(["view", str(graph_file), "--since", "2020-13-01"])
    assert exit_info.value.code == 2


# --- in a real browser, offline ------------------------------------------------

SETTLED = "document.body && document.body.dataset.settled === '1'"
READ = {
    "nodes": "govkg.nodes.length",
    "edges": "govkg.edges.length",
    "drawn": "Object.keys(govkg.network.getPositions()).length",
    "counts": "document.getElementById('counts').textContent",
    "physics": "govkg.network.physics.physicsEnabled",
    "settle_ms": "Number(document.body.dataset.settleMs)",
}
# The graph's own count of what the view shows, in SPARQL over the contract.
NODES_QUERY = """
SELECT (COUNT(DISTINCT ?n) AS ?count) WHERE {
  { ?m a ?class . VALUES ?class { gov:Person gov:Event gov:Meeting gov:Inspection gov:Reception
        gov:Signing gov:Ceremony gov:Appointment gov:Organization gov:Document gov:Directive } }
  UNION { ?event schema:location ?m }
  OPTIONAL { ?m owl:sameAs ?canonical }
  BIND (COALESCE(?canonical, ?m) AS ?n)
}"""
EDGES_QUERY = """
SELECT (COUNT(DISTINCT ?pair) AS ?count) WHERE {
  { ?p gov:agent ?a0 ; gov:event ?b0 } UNION { ?a0 schema:location ?b0 } UNION { ?a0 gov:implements ?b0 }
  UNION { ?h gov:holder ?a0 ; gov:organization ?b0 } UNION { ?a0 gov:issuer ?b0 }
  UNION { ?r schema:citation ?b0 . ?a0 prov:wasDerivedFrom ?r ; a ?eventClass .
          VALUES ?eventClass { gov:Event gov:Meeting gov:Inspection gov:Reception gov:Signing gov:Ceremony
                               gov:Appointment } }
  OPTIONAL { ?a0 owl:sameAs ?a1 }
  OPTIONAL { ?b0 owl:sameAs ?b1 }
  BIND (CONCAT(STR(COALESCE(?a1, ?a0)), " ", STR(COALESCE(?b1, ?b0))) AS ?pair)
}"""


def graph_counts(graph: Graph) -> tuple[int, int]:
    ns = {"gov": GOV._NS, "schema": SCHEMA, "prov": PROV, "owl": OWL}
    nodes = int(next(iter(graph.query(NODES_QUERY, initNs=ns)))[0])
    edges = int(next(iter(graph.query(EDGES_QUERY, initNs=ns)))[0])
    return nodes, edges


SEARCH_TOP_OFFICIAL = """(function () {
  var officials = govkg.view.get({ filter: function (n) { return n.kind === "official"; } });
  officials.sort(function (a, b) { return b.value - a.value || (a.id < b.id ? -1 : 1); });
  if (officials.length) { govkg.search(officials[0].g_name); }
  return officials.length ? document.getElementById("details").textContent : "";
})()"""


MIDDLE_OF_AN_EDGE = """(function () {
  var p = govkg.network.getPositions(["person/温奇志@巴中市", "release/r1/event/e0"]);
  var a = p["person/温奇志@巴中市"], b = p["release/r1/event/e0"];
  var c = govkg.network.canvasToDOM({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
  var box = document.getElementById("network").getBoundingClientRect();
  return [c.x + box.left, c.y + box.top];
})()"""


def open_offline(chromium, path: Path, extra: dict[str, str] | None = None, hover: str | None = None):
    report = chromium.open(path, SETTLED, {**READ, **(extra or {})}, hover=hover)
    assert report.errors == []
    assert [u for u in report.requests if not u.startswith(("file:", "data:"))] == []
    return report


def test_the_view_works_offline_in_a_browser(chromium, tmp_path):
    graph = sample_graph()
    path = tmp_path / "graph.html"
    path.write_text(view_html(graph), encoding="utf-8")
    search = "govkg.search('温奇志'), document.getElementById('details').textContent"
    tooltip = "document.getElementById('tip').innerText"
    colours = "[govkg.nodes.get('person/温奇志@巴中市').color, govkg.nodes.get('person/李四@南江县').color]"
    report = open_offline(
        chromium, path, {"tooltip": tooltip, "search": search, "colours": colours}, hover=MIDDLE_OF_AN_EDGE
    )
    nodes, edges = graph_counts(graph)
    assert (report.values["nodes"], report.values["edges"]) == (nodes, edges) == (11, 9)
    assert report.values["drawn"] == nodes
    assert report.values["counts"] == f"节点 {nodes} · 连线 {edges}"
    assert report.values["physics"] is False  # settled, then still
    assert "副市长温奇志主持会议。" in report.values["search"]  # search, click-through evidence
    assert report.values["colours"] == [
        "#d9480f",
        "#e9ecef",
    ]  # the found official stands out, the rest is dimmed
    # Hovering over an edge shows its sentence, release headline and date.
    assert report.values["tooltip"].splitlines() == [
        "温奇志 —主持→ 防控工作会议",
        "“副市长温奇志主持会议。”",
        "—— 全市防控工作会议召开 2020-01-26",
    ]
    assert report.screenshot.startswith(b"\x89PNG")


def test_the_view_of_the_bundled_samples_in_a_browser(chromium, tmp_path, sample_result):
    """The sample build's page: counts as in the graph, and the README's screenshot.

    Set GOVKG_SCREENSHOT=docs/view.png to refresh the README's picture.
    """
    from govkg.graph.outputs import write_outputs

    result = sample_result
    write_outputs(result, tmp_path, only=["graph.html"])
    # Before the screenshot, search for the most connected official: the picture
    # shows their neighbourhood and their facts with the sentences that state them.
    report = open_offline(chromium, tmp_path / "graph.html", {"searched": SEARCH_TOP_OFFICIAL})
    nodes, edges = graph_counts(result.graph)
    if nodes <= 400:  # under the view's size limit: everything is shown
        assert (report.values["nodes"], report.values["edges"]) == (nodes, edges)
    assert report.values["physics"] is False
    (tmp_path / "view.png").write_bytes(report.screenshot)
    if os.environ.get("GOVKG_SCREENSHOT"):
        Path(os.environ["GOVKG_SCREENSHOT"]).write_bytes(report.screenshot)


def test_an_empty_view_settles_without_errors_in_a_browser(chromium, tmp_path):
    path = tmp_path / "empty.html"
    path.write_text(view_html(Graph()), encoding="utf-8")
    report = open_offline(chromium, path)
    assert (report.values["nodes"], report.values["edges"]) == (0, 0)


def test_a_centred_view_opens_on_its_official_in_a_browser(chromium, tmp_path):
    path = tmp_path / "he.html"
    path.write_text(view_html(sample_graph(), persons=["何平"], hops=1), encoding="utf-8")
    details = "document.getElementById('details').textContent"
    report = open_offline(
        chromium, path, {"details": details, "selected": "govkg.network.getSelectedNodes()"}
    )
    assert report.values["selected"] == [HE]
    assert "1月25日，市长何平出席防控工作会议并讲话。" in report.values["details"]


def test_the_view_counts_what_the_graph_states_without_a_browser(sample_graph):
    graph = sample_graph
    net = knowledge_network(graph)
    assert (net.number_of_nodes(), net.number_of_edges()) == graph_counts(graph)


def test_rendering_writes_nothing_beside_the_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # pyvis's local mode would write lib/ here
    view_html(sample_graph())
    assert list(tmp_path.iterdir()) == []


def test_labels_shown_do_not_overlap_at_the_initial_zoom(chromium, tmp_path):
    from govkg.graph.view import View
    from tests.graph.test_layout import crowd

    net = crowd(officials=600, events=80)
    path = tmp_path / "crowd.html"
    path.write_text(render_html(View(net, net.number_of_nodes(), net.number_of_edges())), encoding="utf-8")
    report = open_offline(chromium, path, {"labels": LABEL_OVERLAPS, "level": "govkg.level()"})
    shown, overlaps = report.values["labels"]
    assert report.values["level"] == 0
    assert 10 < shown < net.number_of_nodes()  # some labels, not all: the rest would collide
    assert overlaps == 0
    assert report.values["drawn"] < net.number_of_nodes()  # a budget at this zoom, the rest further in
    assert report.values["physics"] is False


ZOOM_IN = """(function () {
  var before = govkg.view.length;
  govkg.network.moveTo({ scale: govkg.network.getScale() * 4.2 });
  govkg.network.emit("zoom", {});
  return [before, govkg.view.length, govkg.level()];
})()"""


def test_zooming_in_shows_more_nodes(chromium, tmp_path):
    from govkg.graph.view import View
    from tests.graph.test_layout import crowd

    net = crowd(officials=600, events=80)
    path = tmp_path / "crowd.html"
    path.write_text(render_html(View(net, net.number_of_nodes(), net.number_of_edges())), encoding="utf-8")
    report = open_offline(chromium, path, {"zoom": ZOOM_IN})
    before, after, level = report.values["zoom"]
    assert before < after == net.number_of_nodes()
    assert level == 1  # 680 nodes: the first 400 at level 0, the rest at level 1


def test_an_officials_details_group_events_by_year_and_role_with_a_career(chromium, tmp_path, sample_graph):
    graph = sample_graph
    path = tmp_path / "graph.html"
    path.write_text(view_html(graph), encoding="utf-8")
    official = SEARCH_TOP_OFFICIAL.replace(
        'return officials.length ? document.getElementById("details").textContent : "";',
        """var d = document.getElementById("details");
  return [Array.prototype.map.call(d.querySelectorAll("h4"), function (h) { return h.textContent; }),
          d.querySelectorAll("svg.career rect").length, d.querySelectorAll("details q").length,
          d.querySelectorAll("details[open] > details[open]").length];""",
    ).replace("b.value - a.value", "a.g_rank - b.g_rank")
    report = open_offline(chromium, path, {"official": official})
    years, bars, sentences, opened = report.values["official"]
    assert years and years == sorted(years, reverse=True)  # newest year first, each with its count
    assert all(re.fullmatch(r"\d{4} \d+", y) for y in years)
    assert bars >= 1  # a post held, as a bar
    assert sentences >= 1 and opened == 0  # the sentences are there, closed until asked for


def test_the_officials_a_view_is_centred_on_are_drawn_at_every_zoom_level():
    from govkg.graph.view import View
    from tests.graph.test_layout import crowd

    net = crowd(officials=600, events=80)
    last = max(net, key=lambda n: (n.startswith("person/"), -net.degree(n), n))  # least connected official
    page = render_html(View(net, net.number_of_nodes(), net.number_of_edges(), focus=[last]))
    node = re.search(r'\{[^{}]*"id": "' + re.escape(last) + r'"[^{}]*\}', page).group(0)
    assert '"g_level": 0' in node
