"""Validate a graph against govkg's SHACL shapes (``ontology/shapes.ttl``) with pyshacl.

``govkg check GRAPH`` prints a readable report and exits 1 on violations;
``govkg build`` checks its own output (:func:`check_build`). pyshacl needs an
rdflib graph and takes about 8 s per 100,000 triples here, so a large build is
checked on a deterministic sample of whole releases (every release's graph
is self-contained: it describes every node it names).

>>> from rdflib import Graph
>>> check(Graph()).conforms
True
"""

from __future__ import annotations

import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, Namespace, URIRef

from govkg.graph.shards import index_rows
from govkg.graph.terms import converter, short_iri
from govkg.ontology import GOV, PREFIXES, SCHEMA, resource_path

if TYPE_CHECKING:
    from govkg.graph.build import BuildResult

SH = Namespace("http://www.w3.org/ns/shacl#")

# A build of more releases than this checks a sample of them: pyshacl takes
# about 8 s per 100,000 triples of govkg's graph (some 250 releases' worth in 2 s).
SAMPLE_RELEASES = 250


@dataclass(frozen=True)
class Finding:
    """One result of a validation: which node broke which constraint, and how."""

    severity: str  # Violation, Warning, Info
    focus: str
    path: str | None
    value: str | None
    message: str
    shape: str


@dataclass
class Report:
    """What a check found: conformance, the findings, and what was checked."""

    findings: list[Finding] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    sample: str | None = None  # how the graph was sampled, if it was

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def summary(self) -> str:
        """One line: conforms or how many violations, of how many triples checked.

        >>> Report(triples=10).summary()
        'SHACL check: conforms (10 triples checked against ontology/shapes.ttl)'
        """
        checked = f"{self.triples} triples checked against ontology/shapes.ttl"
        if self.sample:
            checked += f"; {self.sample}"
        if self.conforms:
            return f"SHACL check: conforms ({checked})"
        nodes = len({f.focus for f in self.violations})
        count = len(self.violations)
        found = f"{count} violation{'s' * (count != 1)} on {nodes} node{'s' * (nodes != 1)}"
        return f"SHACL check: {found} ({checked})"


def shapes_graph(path: str | Path | None = None) -> Graph:
    """The SHACL shapes: ``ontology/shapes.ttl``, or the file at ``path``."""
    return Graph().parse(path or resource_path("shapes.ttl"), format="turtle")


def ontology_graph() -> Graph:
    """The vocabulary, ``ontology/gov.ttl``: what RDFS inference reasons from."""
    return Graph().parse(resource_path("gov.ttl"), format="turtle")


def _short(term, names: dict[str, str]) -> str:
    text = str(term)
    if isinstance(term, Literal):
        value = text if len(text) <= 40 else text[:39] + "…"
        return f'"{value}"' + (f"@{term.language}" if term.language else "")
    return short_iri(text, names)


def _findings(results: Graph, names: dict[str, str]) -> list[Finding]:
    findings = []
    for result in results.subjects(SH.resultSeverity, None):
        severity = str(results.value(result, SH.resultSeverity)).rpartition("#")[2]
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        shape = results.value(result, SH.sourceShape)
        component = results.value(result, SH.sourceConstraintComponent)
        findings.append(
            Finding(
                severity=severity,
                focus=_short(results.value(result, SH.focusNode), names),
                path=_short(path, names) if isinstance(path, URIRef) else None,
                value=_short(value, names) if value is not None else None,
                message=str(message) if message is not None else _short(component, names),
                shape=_short(shape, names) if isinstance(shape, URIRef) else _short(component, names),
            )
        )
    return sorted(findings, key=lambda f: (f.severity != "Violation", f.message, f.focus, f.path or ""))


def check(
    graph: Graph,
    shapes: Graph | str | Path | None = None,
    inference: str = "none",
    *,
    owned: bool = False,
) -> Report:
    """Validate ``graph`` against the shapes.

    No inference by default (the shapes name every class); with
    ``inference="rdfs"`` the graph is first expanded with what ``gov.ttl``
    entails, as linked-data tools do, and the shapes hold that way too.
    ``owned``: the graph was made for this check alone (a build's sample), so
    pyshacl validates it in place; otherwise it validates a copy, which
    inference or a shapes file's rules may add to (the copy was a sixth of
    the check of a build's sample of 250 releases).
    """
    try:
        import pyshacl
    except ImportError as exc:  # pragma: no cover - a dependency, but say how to get it
        raise ImportError("govkg check needs pyshacl: pip install pyshacl") from exc
    if not isinstance(shapes, Graph):
        shapes = shapes_graph(shapes)
    start = time.perf_counter()
    data = graph
    if not graph.store.context_aware:  # pyshacl needs rdflib's context-aware store
        data = Graph()
        data.addN((s, p, o, data) for s, p, o in graph)
    with warnings.catch_warnings():
        # pyshacl reaches into rdflib APIs that rdflib marks deprecated.
        warnings.simplefilter("ignore", DeprecationWarning)
        _, results, _ = pyshacl.validate(
            data,
            shacl_graph=shapes,
            ont_graph=ontology_graph() if inference != "none" else None,
            inference=inference,
            advanced=True,
            allow_warnings=True,
            inplace=owned,
        )
    names = {**PREFIXES, "gsh": "https://w3id.org/govkg/shapes#", "sh": str(SH)}
    # A value two constraints of one property reject (datatype and pattern) is one finding.
    findings = list({(f.focus, f.path, f.value, f.message): f for f in _findings(results, names)}.values())
    findings += evidence_findings(graph, names)
    return Report(findings=findings, triples=len(graph), seconds=time.perf_counter() - start)


def evidence_findings(graph: Graph, names: dict[str, str] | None = None) -> list[Finding]:
    """Evidence whose sentence is not the text at [begin, end) of its release's body (its
    headline, for evidence ``gov:inHeadline``), or whose IRI is not ``<release>#char=begin,end``
    (``<release>/headline#char=begin,end``): a check SHACL core cannot state, done in Python.
    """

    names = names or PREFIXES
    texts: dict = {}
    findings = []
    for node in sorted(set(graph.subjects(GOV.sentence, None))):
        release = graph.value(node, GOV.release)
        begin, end = graph.value(node, GOV.beginIndex), graph.value(node, GOV.endIndex)
        sentence = graph.value(node, GOV.sentence)
        if release is None or begin is None or end is None:
            continue  # the shapes say what is missing
        headline = (node, GOV.inHeadline, None) in graph
        if (release, headline) not in texts:
            texts[release, headline] = graph.value(release, SCHEMA.headline if headline else GOV.bodyText)
        body = texts[release, headline]
        try:
            b, e = int(begin), int(end)
        except (TypeError, ValueError):
            continue  # the shapes say it is not a number
        part, where = ("headline", f"{release}/headline") if headline else ("body text", str(release))
        if body is not None and str(body)[b:e] != str(sentence):
            problem = f"the evidence sentence is not the text at [begin, end) of its release's {part}"
        elif str(node) != f"{where}#char={b},{e}":
            problem = (
                f"an evidence node's IRI is not {where.replace(str(release), '<release>')}#char=begin,end"
            )
        else:
            continue
        findings.append(
            Finding(
                "Violation",
                _short(node, names),
                _short(GOV.sentence, names),
                _short(sentence, names),
                problem,
                "gsh:EvidenceShape",
            )
        )
    return findings


def format_report(report: Report, limit: int = 20) -> str:
    """A readable report: the summary, then each kind of violation with its nodes, most frequent first."""
    lines = [report.summary()]
    groups: dict[str, dict[tuple, Finding]] = {}
    for finding in report.findings:  # a value two constraints reject is shown once
        key = (finding.focus, finding.path, finding.value)
        groups.setdefault(finding.message, {}).setdefault(key, finding)
    for message, found in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        findings = list(found.values())
        nodes = len({f.focus for f in findings})
        first = findings[0]
        lines.append(f"\n{first.severity}: {message} ({nodes} node{'s' * (nodes != 1)}; {first.shape})")
        for finding in findings[:limit]:
            where = f" {finding.path}" if finding.path else ""
            value = f" = {finding.value}" if finding.value else ""
            lines.append(f"  {finding.focus}{where}{value}")
        if len(findings) > limit:
            lines.append(f"  … and {len(findings) - limit} more")
    return "\n".join(lines)


def sample_graph(result: BuildResult, most: int = SAMPLE_RELEASES) -> tuple[Graph, str | None]:
    """The build's graph, or for a build of more than ``most`` releases, the graphs of every k-th.

    Each release's graph describes every node it names, so a sample of whole
    releases validates on its own; triples added across releases after the
    mapping (posts, tenures) are checked only in full checks (``govkg check``).
    """
    graph = result.graph
    partition = getattr(graph, "release_triples", None)
    if not partition or len(partition) <= most:
        return graph, None
    step = -(-len(partition) // most)
    names = sorted(partition)[::step]
    sample = Graph()
    sample.addN((s, p, o, sample) for name in names for s, p, o in partition[name])
    return sample, f"a sample of {len(names)} of {len(partition)} releases, one in {step}"


def sample_shards(folder: str | Path, most: int = SAMPLE_RELEASES) -> tuple[Graph, str | None]:
    """:func:`sample_graph` of a build's N-Quads shards (graph/shards.py), without reading the rest.

    Up to ``most`` release graphs, every shard is read (the whole graph);
    above, every k-th release graph in the order of their IRIs, the sample
    :func:`sample_graph` takes of the same build.
    """
    import pyoxigraph as ox

    folder = Path(folder)
    shards = index_rows(folder)
    releases = [(graph, name) for graph, name, _ in shards if graph]
    how = None
    if len(releases) <= most:
        names = [name for _, name, _ in shards]
    else:
        step = -(-len(releases) // most)
        names = [name for _, name in releases[::step]]
        how = f"a sample of {len(names)} of {len(releases)} releases, one in {step}"
    sample = Graph()
    term = converter()
    for name in names:
        quads = ox.parse(path=str(folder / name), format=ox.RdfFormat.N_QUADS)
        sample.addN((term(q.subject), term(q.predicate), term(q.object), sample) for q in quads)
    return sample, how


def check_shards(folder: str | Path, most: int = SAMPLE_RELEASES) -> Report:
    """Check a build from its shards folder: the whole graph, or a sample of ``most`` of its releases
    for a larger build (what :func:`check_build` checks of the same build; memory follows the sample)."""
    graph, how = sample_shards(folder, most)
    report = check(graph, owned=True)
    report.sample = how
    return report


def check_build(result: BuildResult, most: int = SAMPLE_RELEASES) -> Report:
    """Check a build's own graph, or a sample of ``most`` of its releases for a larger build."""
    graph, how = sample_graph(result, most)
    report = check(graph)
    report.sample = how
    return report
