"""The SHACL check: a good graph conforms; each shape rejects a small graph that breaks it."""

from __future__ import annotations

import pytest
from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef

from govkg.graph.build import BuildResult, build, sample_paths
from govkg.graph.check import check, check_build, check_shards, evidence_findings, format_report, sample_graph
from govkg.graph.cli import EXIT_FAIL, EXIT_OK, EXIT_USAGE, main
from govkg.graph.iris import release_iri
from govkg.graph.outputs import write_outputs
from govkg.graph.rdf import to_rdf
from govkg.graph.shards import SHARDS
from govkg.ontology import GOV, SCHEMA
from tests.graph.records import inspection, meeting

PROV = Namespace("http://www.w3.org/ns/prov#")
ID = Namespace("https://w3id.org/govkg/id/")


def good() -> Graph:
    return to_rdf([meeting("r1"), inspection("r2")])


def one(graph: Graph, cls: URIRef) -> URIRef:
    return sorted(graph.subjects(RDF.type, cls))[0]


def drop(predicate):
    def change(graph, node):
        graph.remove((node, predicate, None))

    return change


def put(predicate, value):
    def change(graph, node):
        graph.set((node, predicate, value))

    return change


def also(predicate, value):
    def change(graph, node):
        graph.add((node, predicate, value))

    return change


# (what breaks, the class of the node broken, how, a word of the expected message)
BROKEN = [
    ("release without identifier", GOV.Release, drop(SCHEMA.identifier), "identifier"),
    ("release with two identifiers", GOV.Release, also(SCHEMA.identifier, Literal("x2")), "identifier"),
    ("date not ISO", GOV.Release, put(SCHEMA.datePublished, Literal("2022年3月3日")), "ISO 8601"),
    ("ill-typed date", GOV.Release, put(SCHEMA.datePublished, Literal("2022-3-3", datatype=XSD.date)), "ISO"),
    (
        "date with seconds lost",
        GOV.Release,
        put(SCHEMA.datePublished, Literal("2022-03-03T09:30", datatype=XSD.string)),
        "ISO",
    ),
    ("release without body", GOV.Release, drop(GOV.bodyText), "body text"),
    ("jurisdiction not a place", GOV.Release, put(GOV.jurisdiction, ID["person/x"]), "jurisdiction"),
    ("person without name", GOV.Person, drop(SCHEMA.name), "name"),
    ("editor without name", SCHEMA.Person, drop(SCHEMA.name), "name"),
    ("mentions a non-person", GOV.Release, also(SCHEMA.mentions, ID["place/x"]), "gov:Person"),
    ("cites a non-document", GOV.Release, also(SCHEMA.citation, ID["place/x"]), "gov:Document"),
    ("build used no collection", GOV.Build, put(PROV.used, ID["place/x"]), "Collection"),
    ("corpus holds a non-release", PROV.Collection, also(PROV.hadMember, ID["place/x"]), "gov:Release"),
    ("place without name", GOV.Place, drop(SCHEMA.name), "name"),
    ("organization without name", GOV.Organization, drop(SCHEMA.name), "name"),
    ("directive without name", GOV.Directive, drop(SCHEMA.name), "name"),
    ("document without title", GOV.Document, drop(SCHEMA.name), "title"),
    ("issuer not an organisation", GOV.Document, put(GOV.issuer, ID["place/x"]), "issuer"),
    ("holding without evidence", GOV.PositionHolding, drop(GOV.evidence), "evidence"),
    ("holding without holder", GOV.PositionHolding, drop(GOV.holder), "holder"),
    ("holding with two titles", GOV.PositionHolding, also(GOV.title, Literal("县长", lang="zh")), "title"),
    ("title not language-tagged", GOV.PositionHolding, put(GOV.title, Literal("县长")), "title"),
    ("holding of no release", GOV.PositionHolding, drop(PROV.wasDerivedFrom), "derived"),
    ("holding without title or post", GOV.PositionHolding, drop(GOV.title), "title"),
    ("event type not allowed", GOV.Meeting, also(RDF.type, GOV.Directive), "typed"),
    ("event not typed gov:Event", GOV.Meeting, lambda g, n: g.remove((n, RDF.type, GOV.Event)), "typed"),
    ("event without name", GOV.Meeting, drop(SCHEMA.name), "name"),
    ("event date not ISO", GOV.Meeting, put(SCHEMA.startDate, Literal("3月2日")), "ISO"),
    ("event without evidence", GOV.Meeting, drop(GOV.evidence), "evidence"),
    ("event of no release", GOV.Meeting, drop(PROV.wasDerivedFrom), "derived"),
    ("implements a non-directive", GOV.Meeting, also(GOV.implements, ID["place/x"]), "Directive"),
    ("role not allowed", GOV.Participation, put(GOV.role, GOV.Meeting), "role"),
    ("participation without agent", GOV.Participation, drop(GOV.agent), "agent"),
    ("participation without evidence", GOV.Participation, drop(GOV.evidence), "evidence"),
    ("participation in a non-event", GOV.Participation, put(GOV.event, ID["place/x"]), "event"),
    ("evidence without sentence", GOV.Evidence, drop(GOV.sentence), "sentence"),
    (
        "evidence begins after its end",
        GOV.Evidence,
        put(GOV.beginIndex, Literal("999", datatype=XSD.nonNegativeInteger)),
        "begin index",
    ),
    ("evidence of no release", GOV.Evidence, drop(GOV.release), "Release"),
    (
        "evidence sentence not the text",
        GOV.Evidence,
        put(GOV.sentence, Literal("别的话。", lang="zh")),
        "text at",
    ),
    ("build without software", GOV.Build, drop(PROV.wasAssociatedWith), "SoftwareAgent"),
    ("software without version", PROV.SoftwareAgent, drop(SCHEMA.softwareVersion), "version"),
]


def test_a_good_graph_conforms():
    report = check(good())
    assert report.conforms, format_report(report)
    assert report.summary().startswith("SHACL check: conforms")


@pytest.mark.parametrize(("what", "cls", "change", "word"), BROKEN, ids=[b[0] for b in BROKEN])
def test_each_shape_rejects_a_graph_that_breaks_it(what, cls, change, word):
    graph = good()
    change(graph, one(graph, cls))
    report = check(graph)
    assert not report.conforms, what
    assert any(word in f.message for f in report.violations), format_report(report)


@pytest.mark.parametrize(
    ("first", "last", "conforms"),
    [("2020-01-26", "2021-03-01", True), ("2021-03-01", "2020-01-26", False)],
)
def test_a_tenure_is_attested_first_before_last(first, last, conforms):
    graph = good()
    holding = one(graph, GOV.PositionHolding)
    post, tenure = ID["post/x"], ID["tenure/x"]
    graph.add((post, RDF.type, GOV.Post))
    graph.add((post, SCHEMA.name, Literal("通江县县委书记", lang="zh")))
    graph.add((holding, GOV.post, post))
    graph.add((tenure, RDF.type, GOV.PositionHolding))
    graph.add((tenure, GOV.holder, graph.value(holding, GOV.holder)))
    graph.add((tenure, GOV.post, post))
    graph.add((tenure, PROV.wasDerivedFrom, holding))
    graph.add((tenure, GOV.evidence, graph.value(holding, GOV.evidence)))
    graph.add((tenure, GOV.firstAttested, Literal(first, datatype=XSD.date)))
    graph.add((tenure, GOV.lastAttested, Literal(last, datatype=XSD.date)))
    assert check(graph).conforms is conforms


def test_evidence_iri_must_name_its_span():
    graph = good()
    node = one(graph, GOV.Evidence)
    wrong = URIRef(f"{release_iri('r1')}#char=0,1")
    for p, o in list(graph.predicate_objects(node)):
        graph.add((wrong, p, o))
    assert [f.message for f in evidence_findings(graph)] == [
        "an evidence node's IRI is not <release>#char=begin,end"
    ]


def test_evidence_in_the_headline_is_checked_against_the_headline():
    graph = good()
    release = release_iri("r1")
    graph.set((release, SCHEMA.headline, Literal("甲乙丙丁", lang="zh")))
    node = URIRef(f"{release}/headline#char=1,3")
    for p, o in (
        (RDF.type, GOV.Evidence),
        (GOV.release, release),
        (GOV.beginIndex, Literal(1, datatype=XSD.nonNegativeInteger)),
        (GOV.endIndex, Literal(3, datatype=XSD.nonNegativeInteger)),
        (GOV.sentence, Literal("乙丙", lang="zh")),
        (GOV.inHeadline, Literal(True)),
    ):
        graph.add((node, p, o))
    assert evidence_findings(graph) == []
    assert check(graph).conforms
    graph.set((node, GOV.sentence, Literal("丙丁", lang="zh")))
    assert [f.message for f in evidence_findings(graph)] == [
        "the evidence sentence is not the text at [begin, end) of its release's headline"
    ]


def test_the_report_groups_violations_with_examples():
    graph = good()
    for node in graph.subjects(RDF.type, GOV.Participation):
        graph.remove((node, GOV.evidence, None))
    text = format_report(check(graph), limit=1)
    assert "Violation: a participation carries its evidence, a gov:Evidence (4 nodes" in text
    assert "… and 3 more" in text


def test_a_large_build_is_checked_on_a_sample_of_whole_releases():
    extractions = [meeting(f"r{i}") for i in range(6)]
    result = BuildResult(graph=to_rdf(extractions), extractions=extractions)
    sample, how = sample_graph(result, most=2)
    assert how == "a sample of 2 of 6 releases, one in 3"
    assert 0 < len(sample) < len(result.graph)
    report = check_build(result, most=2)
    assert report.conforms and report.sample == how


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.jsonld", "graph.nt"])
def test_check_command_reads_every_output_and_exits_0(tmp_path, capsys, name):
    write_outputs(BuildResult(graph=good()), tmp_path, only=[name])
    assert main(["check", str(tmp_path / name)]) == EXIT_OK
    assert "conforms" in capsys.readouterr().out


def test_check_command_exits_1_on_violations(tmp_path, capsys):
    graph = good()
    graph.remove((one(graph, GOV.PositionHolding), GOV.evidence, None))
    write_outputs(BuildResult(graph=graph), tmp_path, only=["graph.nt"])
    assert main(["check", str(tmp_path / "graph.nt")]) == EXIT_FAIL
    assert "a stated position holding carries its evidence" in capsys.readouterr().out


def test_check_command_missing_file_is_a_usage_error(tmp_path, capsys):
    assert main(["check", str(tmp_path / "none.ttl")]) == EXIT_USAGE
    assert "no such graph file" in capsys.readouterr().err


def test_build_says_it_checked_its_graph(tmp_path, capsys):
    source = tmp_path / "a.txt"
    source.write_text(
        "会议召开\n2022年03月03日\n3月2日，我县召开春耕生产工作会议。县委书记李四主持会议并讲话。\n"
    )
    assert main(["build", str(source), "-o", str(tmp_path / "out")]) == EXIT_OK
    assert "SHACL check: conforms" in capsys.readouterr().out
    # (another folder: the first is up to date, and a build into it would do nothing)
    assert main(["build", str(source), "-o", str(tmp_path / "other"), "--no-check"]) == EXIT_OK
    assert "SHACL check: skipped" in capsys.readouterr().out


def test_the_bundled_samples_build_a_conforming_graph(tmp_path, sample_result):
    built = sample_result
    report = check(built.graph)
    assert report.conforms, format_report(report)
    holdings = set(built.graph.subjects(RDF.type, GOV.PositionHolding))
    participations = set(built.graph.subjects(RDF.type, GOV.Participation))
    assert holdings and participations
    assert all(built.graph.value(node, GOV.evidence) for node in holdings | participations)


def test_a_post_needs_a_name():
    graph = good()
    post = ID["post/x"]
    graph.add((post, RDF.type, GOV.Post))
    graph.add((one(graph, GOV.PositionHolding), GOV.post, post))
    report = check(graph)
    assert "a post is a gov:Post with a name" in {f.message for f in report.violations}


@pytest.mark.parametrize(
    ("name", "content", "status", "words"),
    [
        ("bad.ttl", "<a> <b> .\n", EXIT_FAIL, "cannot read"),
        ("graph.xyz", "x", EXIT_USAGE, "unknown RDF file type"),
    ],
)
def test_check_command_names_a_file_it_cannot_read(tmp_path, capsys, name, content, status, words):
    (tmp_path / name).write_text(content, encoding="utf-8")
    assert main(["check", str(tmp_path / name)]) == status  # unparsable 1, no graph type 2 (every command)
    err = capsys.readouterr().err
    assert str(tmp_path / name) in err and words in err


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_the_shapes_hold_with_and_without_rdfs_inference(inference, sample_graph):
    for graph in (good(), sample_graph):
        report = check(graph, inference=inference)
        assert report.conforms, format_report(report)


@pytest.mark.parametrize("inference", ["none", "rdfs"])
def test_an_event_of_two_releases_fails_both_ways(inference):
    graph = good()
    event = one(graph, GOV.Meeting)
    for release in graph.subjects(RDF.type, GOV.Release):  # r1 and r2
        graph.add((event, PROV.wasDerivedFrom, release))
    report = check(graph, inference=inference)
    assert not report.conforms
    assert any("derived" in f.message for f in report.violations), format_report(report)


@pytest.mark.parametrize("most", [2, 250])
def test_a_check_of_the_shards_is_the_check_of_the_build(tmp_path, most):
    result = build(sample_paths())
    write_outputs(result, tmp_path, only=["graph.trig", SHARDS])
    from_shards, expected = check_shards(tmp_path / SHARDS, most), check_build(result, most)
    assert (from_shards.findings, from_shards.triples, from_shards.sample) == (
        expected.findings,
        expected.triples,
        expected.sample,
    )


@pytest.mark.parametrize("inference", ["none", "rdfs"])
@pytest.mark.parametrize(("what", "cls", "change", "word"), BROKEN[:3], ids=[b[0] for b in BROKEN[:3]])
def test_a_graph_made_for_the_check_is_checked_in_place_to_the_same_report(
    inference, what, cls, change, word
):
    # owned (a build's sample of its shards): no copy of it validated, the same findings
    graph = good()
    change(graph, one(graph, cls))
    expected = check(graph, inference=inference)
    found = check(graph, inference=inference, owned=True)
    assert (found.findings, found.triples) == (expected.findings, expected.triples), what
    assert not found.conforms


def test_a_graph_not_owned_is_left_as_it_was_by_inference():
    graph = good()
    before = set(graph)
    check(graph, inference="rdfs")  # what RDFS entails goes into pyshacl's copy, not the caller's graph
    assert set(graph) == before
