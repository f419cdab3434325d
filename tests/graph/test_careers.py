"""Careers: posts as entities, holders over time, an official's timeline and the person command."""

from __future__ import annotations

from rdflib import RDF, Literal

from govkg.extract.places import release_place
from govkg.extract.records import Event, Extraction, Holding, Participation, Person, Release, Span
from govkg.extract.titles import parse_title
from govkg.graph.build import from_extractions
from govkg.graph.careers import format_timeline, timeline
from govkg.graph.cli import EXIT_OK, main
from govkg.graph.outputs import write_outputs
from govkg.ontology import GOV, SCHEMA

SPAN = Span(0, 4)


def person(name: str, *titles: str, where: str | None = None) -> Person:
    holdings = tuple(
        Holding(title=t, span=SPAN, evidence=SPAN, jurisdiction=where, office=parse_title(t)) for t in titles
    )
    return Person(name=name, key=name, mentions=(SPAN,), holdings=holdings, jurisdiction=where or "?")


def release(rid: str, date: str, *persons: Person, place: str = "巴中市", events=()) -> Extraction:
    record = Release(id=rid, text="会议召开。会议召开。", place=place, published=date)
    offices = [h.office for p in persons for h in p.holdings if h.office]
    return Extraction(record, persons=persons, events=events, place=release_place(record, offices))


def career() -> list[Extraction]:
    """何平: 市长 in two releases, then 市委书记; 温奇 named with him twice."""
    chair = Event(
        key="e1",
        type="meeting",
        name="常务会议",
        evidence=SPAN,
        date="2021-02-28",
        participations=(Participation("何平", "chair", SPAN),),
    )
    return [
        release("a", "2019-05-01", person("何平", "市委副书记", "市长", where="巴中市"), person("温奇")),
        release("b", "2020-06-01", person("何平", "市长", where="巴中市"), person("温奇", "副市长")),
        release("c", "2021-03-01", person("何平", "市委书记", where="巴中市"), events=(chair,)),
        release("d", "2021-03-02", person("何平", "区长", where="盐田区"), place="盐田区"),
    ]


def _tenures(graph):
    found = {}
    for node in graph.subjects(GOV.firstAttested, None):
        post = graph.value(node, GOV.post)
        found[str(graph.value(post, SCHEMA.name))] = (
            str(graph.value(node, GOV.firstAttested)),
            str(graph.value(node, GOV.lastAttested)),
        )
    return found


def test_each_post_has_its_holders_first_and_last_attested_dates():
    graph = from_extractions(career()).graph
    assert _tenures(graph) == {
        "巴中市市长": ("2019-05-01", "2020-06-01"),
        "巴中市委副书记": ("2019-05-01", "2019-05-01"),
        "巴中市委书记": ("2021-03-01", "2021-03-01"),
        "巴中市副市长": ("2020-06-01", "2020-06-01"),
        "盐田区区长": ("2021-03-02", "2021-03-02"),
    }
    assert len(set(graph.subjects(RDF.type, GOV.Post))) == 5


def test_every_holding_of_a_post_points_at_it_and_tenures_add_no_title_statements():
    graph = from_extractions(career()).graph
    statements = [h for h in graph.subjects(GOV.title, None) if (h, RDF.type, GOV.PositionHolding) in graph]
    assert statements and all(graph.value(h, GOV.post) is not None for h in statements)
    tenures = set(graph.subjects(GOV.firstAttested, None))
    assert not any((t, GOV.title, None) in graph for t in tenures)


def test_the_timeline_is_read_from_the_graph():
    graph = from_extractions(career()).graph
    lines = timeline(graph, "何平")
    assert [line.node for line in lines] == [
        "何平@巴中市",
        "何平@盐田区",
    ]  # namesakes apart, best attested first
    first = lines[0]
    assert [(h.post, h.first, h.last) for h in first.posts][:2] == [
        ("巴中市委副书记", "2019-05-01", "2019-05-01"),
        ("巴中市市长", "2019-05-01", "2020-06-01"),
    ]
    assert first.events == [("2021-02-28", "主持", "常务会议", "c")]
    assert first.companions[0][0] == "温奇" and first.companions[0][2] == ("a", "b")
    text = format_timeline(first)
    assert "巴中市市长" in text and "[a, b]" in text


def test_the_person_command_prints_each_namesake_and_fails_on_nobody(tmp_path, capsys):
    write_outputs(from_extractions(career()), tmp_path, only=["graph.ttl"])
    assert main(["person", "何平", str(tmp_path / "graph.ttl")]) == EXIT_OK
    out = capsys.readouterr().out
    assert "何平@巴中市" in out and "何平@盐田区" in out and "巴中市委书记" in out
    assert main(["person", "无名", str(tmp_path / "graph.ttl")]) == 1
    assert "nobody named 无名" in capsys.readouterr().err


def test_a_place_spelt_two_ways_is_linked_to_one_canonical_node():
    from rdflib import OWL

    graph = from_extractions(
        [release("a", "2020-01-01", person("何平", "市长", where="巴中"), place="巴中")]
    ).graph
    variants = [(s, o) for s, o in graph.subject_objects(OWL.sameAs)]
    assert any(str(graph.value(o, SCHEMA.name)) == "巴中市" for _, o in variants)
    assert Literal("巴中", lang="zh") in set(graph.objects(variants[0][0], SCHEMA.name))


def test_a_release_without_a_date_takes_the_latest_day_of_its_events():
    meeting = Event(
        key="e1", type="meeting", name="常务会议", evidence=SPAN, date="2021-04-01", participations=()
    )
    visit = Event(
        key="e2", type="inspection", name="调研", evidence=SPAN, date="2021-04-03", participations=()
    )
    undated = release("u", None, person("何平", "市长", where="巴中市"), events=(meeting, visit))
    graph = from_extractions([*career(), undated]).graph
    first = timeline(graph, "何平")[0]
    assert ("2021-04-03", "市长", ("u",)) in first.titles
    assert ("2021-04-03", "u") in first.releases
