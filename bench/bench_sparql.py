"""Time every named query on a synthetic graph shaped like govkg's, on pyoxigraph and on rdflib.

The graph has what a build writes for each release (metadata, mentions,
position holdings, events, participations, directives, cited documents, every
fact with its evidence node), for as many invented releases as it takes to
reach the number of triples asked for (about 200 triples a release). Each named
query runs unbound (the whole answer) and with its parameters bound to a value
that occurs; rdflib runs each query in a forked process stopped after
``--rdflib-timeout`` seconds.

    .venv/bin/python bench/bench_sparql.py                       # one million triples
    .venv/bin/python bench/bench_sparql.py --triples 200000 --engines oxigraph
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import tempfile
import time
from pathlib import Path

from govkg.graph.sparql import named_queries, query_graph, query_store

GOV = "https://w3id.org/govkg/ontology#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
ID = "https://w3id.org/govkg/id/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD = "http://www.w3.org/2001/XMLSchema#"

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = "建国平明华军伟志强红文斌勇静敏丽涛超军海波宇浩磊洋杰峰鹏飞辉刚健毅"
TITLES = ["市长", "副市长", "市委书记", "市委副书记", "县长", "副县长", "县委书记", "秘书长", "局长", "主任"]
EVENTS = [
    ("Meeting", "工作会议"),
    ("Inspection", "调研"),
    ("Reception", "会见"),
    ("Signing", "签约仪式"),
    ("Ceremony", "开工仪式"),
    ("Appointment", "任免"),
]
ROLES = ["Chair", "Attendee", "Speaker", "Leader", "Companion", "Host", "Guest"]
DIRECTIVES = [
    "习近平总书记重要指示精神",
    "国务院常务会议精神",
    "省委全会精神",
    "各项防控措施",
    "安全生产部署",
]
ISSUERS = ["国务院", "国务院办公厅", "省人民政府", "市人民政府", "国家发展改革委"]


def iri(path: str) -> str:
    return f"<{ID}{path}>"


def zh(text: str) -> str:
    return f'"{text}"@zh'


def synthetic_graph(triples: int, seed: int = 7) -> str:
    """N-Triples of invented releases in govkg's shape, about ``triples`` triples in all."""
    rng = random.Random(seed)
    places = [f"{a}{b}市" for a in "东西南北中" for b in "山河湖海江川林原岭泉"] * 6
    places = [f"{p}{i}" if i else p for i, p in enumerate(places)][:300]
    persons = [
        (f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{rng.choice(GIVEN)}", rng.choice(places))
        for _ in range(20_000)
    ]
    lines: list[str] = []

    def add(s: str, p: str, o: str) -> None:
        lines.append(f"{s} <{p}> {o} .")

    def evidence(release: str, start: int) -> str:
        node = f"<{release[1:-1]}#char={start},{start + 40}>"
        add(node, RDF_TYPE, f"<{GOV}Evidence>")
        add(node, GOV + "release", release)
        add(node, GOV + "beginIndex", f'"{start}"^^<{XSD}nonNegativeInteger>')
        add(node, GOV + "endIndex", f'"{start + 40}"^^<{XSD}nonNegativeInteger>')
        add(node, GOV + "sentence", zh(f"第{start}句。"))
        return node

    number = 0
    while len(lines) < triples:
        number += 1
        place = rng.choice(places)
        day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        release = iri(f"release/{number:06d}")
        add(release, RDF_TYPE, f"<{GOV}Release>")
        add(release, SCHEMA + "identifier", f'"{number:06d}"')
        add(release, SCHEMA + "headline", zh(f"{place}召开第{number}次会议"))
        add(release, SCHEMA + "datePublished", f'"{day}T10:00:00"^^<{XSD}dateTime>')
        add(release, GOV + "sourceName", f'"{place}人民政府网站"')
        add(release, GOV + "bodyText", zh(f"{place}召开会议。" * 20))
        add(release, GOV + "jurisdiction", iri(f"place/{place}"))
        add(iri(f"place/{place}"), RDF_TYPE, f"<{GOV}Place>")
        add(iri(f"place/{place}"), SCHEMA + "name", zh(place))
        cast = rng.sample(range(len(persons)), 6)
        for k, index in enumerate(cast):
            name, home = persons[index]
            person = iri(f"person/{name}@{home}")
            add(person, RDF_TYPE, f"<{GOV}Person>")
            add(person, SCHEMA + "name", zh(name))
            add(release, SCHEMA + "mentions", person)
            holding = f"<{release[1:-1]}/holding/{k}>"
            add(holding, RDF_TYPE, f"<{GOV}PositionHolding>")
            add(holding, GOV + "holder", person)
            add(holding, GOV + "title", zh(TITLES[index % len(TITLES)]))
            add(holding, GOV + "jurisdiction", iri(f"place/{home}"))
            add(holding, PROV + "wasDerivedFrom", release)
            add(holding, GOV + "evidence", evidence(release, 10 * k))
        for e in range(2):
            kind, label = rng.choice(EVENTS)
            event = f"<{release[1:-1]}/event/{e}>"
            add(event, RDF_TYPE, f"<{GOV}{kind}>")
            add(event, RDF_TYPE, f"<{GOV}Event>")  # as the build types every event
            add(event, SCHEMA + "name", zh(f"{place}{label}"))
            add(event, SCHEMA + "startDate", f'"{day}"^^<{XSD}date>')
            add(event, SCHEMA + "location", iri(f"place/{place}"))
            add(event, PROV + "wasDerivedFrom", release)
            add(event, GOV + "evidence", evidence(release, 100 + e))
            if rng.random() < 0.5:
                directive = rng.choice(DIRECTIVES)
                add(event, GOV + "implements", iri(f"directive/{directive}"))
                add(iri(f"directive/{directive}"), SCHEMA + "name", zh(directive))
            for k, index in enumerate(rng.sample(cast, 4)):
                name, home = persons[index]
                part = f"<{event[1:-1]}/{k}>"
                add(part, RDF_TYPE, f"<{GOV}Participation>")
                add(part, GOV + "agent", iri(f"person/{name}@{home}"))
                add(part, GOV + "event", event)
                add(part, GOV + "role", f"<{GOV}{ROLES[(index + k) % len(ROLES)]}>")
                add(part, PROV + "wasDerivedFrom", release)
                add(part, GOV + "evidence", evidence(release, 200 + 10 * e + k))
        document = iri(f"document/文件{rng.randint(1, 3000)}")
        add(release, SCHEMA + "citation", document)
        add(document, RDF_TYPE, f"<{GOV}Document>")
        add(document, SCHEMA + "name", zh(f"关于{document[-6:-1]}的通知"))
        issuer = rng.choice(ISSUERS)
        add(document, GOV + "issuer", iri(f"organization/{issuer}"))
        add(iri(f"organization/{issuer}"), SCHEMA + "name", zh(issuer))
    return "\n".join(lines) + "\n"


def bound_values(store) -> dict[str, str]:
    """A value that occurs for each parameter: the busiest person and place, a month, an issuer."""
    ask = (
        "PREFIX gov: <https://w3id.org/govkg/ontology#> PREFIX schema: <https://schema.org/>\n"
        "SELECT ?name (COUNT(*) AS ?n) WHERE { ?x gov:agent/schema:name ?name }"
        " GROUP BY ?name ORDER BY DESC(?n) LIMIT 1"
    )
    name = next(iter(store.query(ask)))["name"].value
    place = next(iter(store.query(ask.replace("gov:agent/schema:name", "gov:jurisdiction/schema:name"))))[
        "name"
    ].value
    return {"name": name, "place": place, "from": "2020-03-01", "to": "2020-03-31", "issuer": "国务院"}


def cases(values: dict[str, str]):
    for name, query in named_queries().items():
        yield name, query, {}
        if query.parameters:
            yield f"{name} (bound)", query, {p: values[p] for p in query.parameters}


def _rdflib_run(graph, query, bindings, conn) -> None:
    start = time.process_time()
    rows = len(query_graph(graph, query, bindings).solutions)
    conn.send((rows, time.process_time() - start))


def rdflib_time(graph, query, bindings, timeout: float) -> str:
    context = multiprocessing.get_context("fork")  # the parsed graph is shared, not parsed again
    parent, child = context.Pipe()
    process = context.Process(target=_rdflib_run, args=(graph, query, bindings, child))
    process.start()
    if parent.poll(timeout):
        _rows, seconds = parent.recv()
        process.join()
        return f"{seconds:8.2f} s"  # CPU
    process.kill()
    process.join()
    return f"  >{timeout:.0f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--triples", type=int, default=1_000_000, help="size of the graph (default: 1,000,000)"
    )
    parser.add_argument("--engines", default="oxigraph,rdflib", help="comma-separated: oxigraph, rdflib")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds per rdflib query")
    parser.add_argument("--repeat", type=int, default=3, help="oxigraph runs per query, best kept")
    args = parser.parse_args()
    engines = args.engines.split(",")

    import pyoxigraph

    start = time.perf_counter()
    data = synthetic_graph(args.triples)
    print(f"generated {data.count(chr(10)):,} triples in {time.perf_counter() - start:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.nt"
        path.write_text(data, encoding="utf-8")
        del data
        start = time.perf_counter()
        store = pyoxigraph.Store()
        store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
        print(f"oxigraph: loaded {len(store):,} triples in {time.perf_counter() - start:.1f} s")
        graph = None
        if "rdflib" in engines:
            from rdflib import Graph

            start = time.perf_counter()
            graph = Graph().parse(path, format="nt")
            print(f"rdflib:   parsed {len(graph):,} triples in {time.perf_counter() - start:.1f} s")
    values = bound_values(store)
    print(f"bound: {values}\n")
    print("seconds of CPU (wall clock in brackets), best of --repeat runs; a query's time includes")
    print("fetching every row of its answer (terms become Python objects only when read)\n")
    print(f"{'query':34} {'rows':>7} {'oxigraph':>20} {'rdflib':>10}")
    for label, query, bindings in cases(values):
        cpu, wall, rows = float("inf"), float("inf"), 0
        for _ in range(args.repeat):
            began, began_cpu = time.perf_counter(), time.process_time()
            rows = len(query_store(store, query, bindings).solutions)
            cpu = min(cpu, time.process_time() - began_cpu)
            wall = min(wall, time.perf_counter() - began)
        slow = rdflib_time(graph, query, bindings, args.rdflib_timeout) if graph is not None else "-"
        print(f"{label:34} {rows:7,} {cpu:8.3f} s ({wall:6.3f} s) {slow:>10}", flush=True)


if __name__ == "__main__":
    main()
