"""SPARQL over a govkg graph: named questions, a fast engine, result formats, ``govkg query``.

Queries run on pyoxigraph by default: it loads Turtle, TriG or N-Triples
directly and answers in well under a second at a million triples, where
rdflib's own engine takes tens of seconds (rdflib issues 1261, 2181). rdflib's
engine stays available (``engine="rdflib"``) for an in-memory rdflib graph and
for comparison. Both give the same :class:`QueryResult`, whose rows hold rdflib
terms.

Parameters are bound, never formatted into the query text: a named query's
parameters are variables of its projection, so the query runs unchanged in any
store (unbound, the parameter filters nothing) and the engines bind them
natively (pyoxigraph substitutions, rdflib ``initBindings``). A name
parameter stands in the query's pattern itself (``?person schema:name
?name``), so that a bound name is looked up in the store's index rather than
compared with every name; it is the name as the graph writes it, a literal
tagged ``@zh``, and a plain string given for it is tried tagged so, then plain
(:func:`parameter_values`). Dates are compared as text.

The named questions are the ``.rq`` files of ``govkg.ontology/queries``; the
first comment line says what a query asks, and comment lines such as
``# ?place  the place's name, such as "巴中市"@zh`` name its parameters (the
example's language tag is the one a plain string is given).
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from itertools import chain, islice
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from govkg.graph import store as sources
from govkg.graph.page_index import COATTENDANCE, PageIndex
from govkg.graph.store import GraphSourceError, stamp
from govkg.graph.terms import converter, nt_escape, short_iri, to_oxigraph
from govkg.ontology import PREFIXES, resource_path

ENGINES = ("oxigraph", "rdflib")
RESULT_FORMATS = ("table", "csv", "tsv", "json", "xml")
GRAPH_FORMATS = ("turtle", "nt", "jsonld", "rdfxml")


_LITERAL = re.compile(r'"(?:[^"\\]|\\.)*"(?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*|\^\^<[^<>"\s]+>)?')
_PARAMETER = re.compile(r"^#\s+\?(\w+)\s+(.+?)\s*$")
_TAGGED_EXAMPLE = re.compile(r'such as "[^"]*"@([A-Za-z]+(?:-[A-Za-z0-9]+)*)')


class QueryError(ValueError):
    """A query that cannot run: bad syntax, an unknown parameter, an unreadable graph."""


class ResultTooLarge(QueryError):
    """A query whose result has more rows or triples than allowed."""


@dataclass(frozen=True)
class NamedQuery:
    """A named question: a ``.rq`` file of the ontology package."""

    name: str
    description: str
    parameters: Mapping[str, str]
    text: str
    path: Path
    languages: Mapping[str, str] = field(default_factory=dict)  # parameter: the tag of its values


@dataclass(frozen=True)
class QueryResult:
    """The answer to a query, whichever engine gave it.

    ``kind`` is ``"solutions"`` (SELECT: ``variables`` and ``rows``, each row a
    tuple of rdflib terms or ``None`` where unbound), ``"boolean"`` (ASK:
    ``boolean``) or ``"graph"`` (CONSTRUCT, DESCRIBE: ``triples``).

    ``solutions`` and ``statements`` hold the rows and triples as the engine
    gave them (sequences of its terms);
    ``rows`` and ``triples`` are made from them on first use, since making
    rdflib terms costs more than the query itself on a large answer, and the
    result formats do not need them.
    """

    kind: str
    variables: tuple[str, ...] = ()
    solutions: tuple[tuple[Any, ...], ...] = ()
    boolean: bool | None = None
    statements: tuple[tuple[Any, Any, Any], ...] = ()
    seconds: float = field(default=0.0, compare=False)

    @cached_property
    def rows(self) -> tuple[tuple[Node | None, ...], ...]:
        convert = converter()
        return tuple(tuple(map(convert, row)) for row in self.solutions)

    @cached_property
    def triples(self) -> tuple[tuple[Node, Node, Node], ...]:
        convert = converter()
        return tuple(tuple(map(convert, triple)) for triple in self.statements)

    def records(self) -> list[dict[str, str]]:
        """Rows as dicts of strings (lexical forms and IRIs), unbound variables left out."""
        return [
            {var: _parts(term)[1] for var, term in zip(self.variables, row, strict=True) if term is not None}
            for row in self.solutions
        ]

    def graph(self) -> Graph:
        """A CONSTRUCT or DESCRIBE result as an rdflib graph with the project's prefixes."""
        graph = Graph(bind_namespaces="core")
        for prefix, iri in PREFIXES.items():
            graph.bind(prefix, iri, override=True, replace=True)
        for triple in self.triples:
            graph.add(triple)
        return graph


# ---------------------------------------------------------------------------
# Named queries


@cache
def _named_queries(folder: Path) -> dict[str, NamedQuery]:
    found = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        comments = []
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            comments.append(line)
        summary = []
        for line in comments:
            body = line.lstrip("#").strip()
            if not body:
                break
            summary.append(body)
        parameters = {m.group(1): m.group(2) for m in map(_PARAMETER.match, comments) if m}
        languages = {
            name: tag.group(1) for name, doc in parameters.items() if (tag := _TAGGED_EXAMPLE.search(doc))
        }
        found[path.stem] = NamedQuery(path.stem, " ".join(summary), parameters, text, path, languages)
    return found


def named_queries(folder: str | Path | None = None) -> dict[str, NamedQuery]:
    """The named questions, by name (the ``.rq`` file's stem), from the ontology package.

    >>> named_queries()["events-in-range"].parameters["from"]
    'the first day, such as 2020-01-01 (unbound: no lower bound)'
    >>> named_queries()["officials-of-place"].languages
    {'place': 'zh'}
    """
    return _named_queries(Path(folder) if folder else resource_path("queries"))


def named_query(name: str) -> NamedQuery:
    """One named question; an unknown name raises :class:`QueryError` listing the known ones."""
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}; known: {', '.join(queries)}")
    return queries[name]


# A named query's closing ORDER BY: its last clause, on a line of its own.
_CLOSING_ORDER = re.compile(r"\n[ \t]*ORDER[ \t]+BY\b[^\n]*\s*\Z", re.IGNORECASE)


def unordered(query: NamedQuery) -> NamedQuery:
    """The query without its closing ORDER BY: the same rows, in whatever order the engine gives.

    For a reader of whole answers that orders what it makes of them itself
    (``govkg person``): Oxigraph has no top-k sort and compares IRIs by
    reading their text, so the order of every row can cost as much as the
    rows (about 40 % of ``govkg person 习近平``'s CPU at 20,000 releases).

    >>> query = named_query("person-nodes")
    >>> "ORDER BY" in query.text, "ORDER BY" in unordered(query).text
    (True, False)
    """
    return replace(query, text=_CLOSING_ORDER.sub("\n", query.text))


# ---------------------------------------------------------------------------
# Bindings


def parse_binding(text: str) -> tuple[str, Node]:
    """``var=value`` from the command line to a variable name and an RDF term.

    A value in angle brackets is an IRI, one in double quotes a literal in
    N-Triples syntax (``"何平"@zh``, ``"2020-01-25"^^<...#date>``); anything
    else is a plain string, which the named queries compare by its text.

    >>> parse_binding("place=巴中市")
    ('place', rdflib.term.Literal('巴中市'))
    >>> parse_binding("?person=<https://w3id.org/govkg/id/person/x>")
    ('person', rdflib.term.URIRef('https://w3id.org/govkg/id/person/x'))
    """
    name, sep, value = text.partition("=")
    name = name.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", name):
        raise QueryError(f"a binding is var=value, not {text!r}")
    if value.startswith("<") and value.endswith(">"):
        iri = value[1:-1]
        if not iri or _BAD_IRI.search(iri) or ":" not in iri:
            raise QueryError(
                f"cannot read the IRI {value!r}: an absolute IRI without spaces, <, >, quotes or braces"
            )
        return name, URIRef(iri)
    if value.startswith('"'):
        from rdflib.util import from_n3

        if not _LITERAL.fullmatch(value):
            raise QueryError(f"cannot read the literal {value!r}")
        try:
            term = from_n3(value)
        except Exception as exc:  # rdflib raises several kinds here
            raise QueryError(f"cannot read the literal {value!r}: {exc}") from exc
        if isinstance(term, Literal):
            return name, term
        raise QueryError(f"cannot read the literal {value!r}")
    return name, Literal(value)


# Characters an IRI may not hold (RFC 3987 and the SPARQL grammar's IRIREF).
_BAD_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


def _term(value: Node | str | int | float) -> Node:
    if isinstance(value, Node):
        return value
    if isinstance(value, str):
        return Literal(value)
    return Literal(value)


# ---------------------------------------------------------------------------
# Loading


def _oxigraph():
    try:
        import pyoxigraph
    except ImportError as exc:  # pragma: no cover - a dependency, but say how to get it
        raise ImportError("the fast SPARQL engine needs pyoxigraph: pip install pyoxigraph") from exc
    return pyoxigraph


def _stamp(path: Path) -> dict[str, Any]:
    return {"source": str(path.resolve()), **stamp(path)}


def graph_file(path: str | Path) -> Path:
    """The graph file to read: ``path`` itself, or a build folder's ``graph.ttl``."""
    try:
        return sources.graph_file(path)
    except GraphSourceError as exc:
        raise QueryError(str(exc)) from exc


def open_store(path: str | Path, store: str | Path | None = None):
    """A pyoxigraph store holding the graph of ``path``, a build folder or a graph file.

    Without ``store``, a build's own store is opened read-only
    (:func:`govkg.graph.store.open_graph_store`), and any other graph file is
    loaded into memory. With ``store``, a folder, the graph file is bulk-loaded
    into a persistent store there once and reused while the file is unchanged
    (size and modification time, noted in ``source.json`` beside the store),
    so a big graph file is parsed once.
    """
    ox = _oxigraph()
    try:
        if store is None:
            return sources.open_graph_store(path)
        path = sources.graph_file(path)
        sources.rdf_format(path)
    except GraphSourceError as exc:
        raise QueryError(str(exc)) from exc
    folder = Path(store)
    folder.mkdir(parents=True, exist_ok=True)
    stamp_file = folder / "source.json"
    wanted = _stamp(path)
    try:
        current = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        current = None
    disk = ox.Store(str(folder / "oxigraph"))
    if current != wanted:
        stamp_file.unlink(missing_ok=True)
        disk.clear()
        try:
            sources.load_file(disk, path)
        except GraphSourceError as exc:
            raise QueryError(str(exc)) from exc
        disk.flush()
        stamp_file.write_text(json.dumps(wanted), encoding="utf-8")
    return disk


def page_index(path: str | Path):
    """The page index of the store of ``path`` (a build folder, or one of its graph files while
    its store is current), or None (graph/page_index.py)."""
    return PageIndex.of(path)


def open_store_read_only(store: str | Path):
    """A persistent store made by :func:`open_store`, opened read-only (for server workers)."""
    return _oxigraph().Store.read_only(str(Path(store) / "oxigraph"))


def load_graph(path: str | Path) -> Graph:
    """A graph file as one rdflib graph, for the rdflib engine (the store's one reader:
    :func:`govkg.graph.store.read_graph`, parsed by pyoxigraph). A dataset's graphs
    (TriG, N-Quads) are merged into one graph, as :func:`open_store` merges them.
    """
    try:
        return sources.read_graph(path)
    except (GraphSourceError, OSError, SyntaxError, ValueError) as exc:
        raise QueryError(str(exc)) from exc


# ---------------------------------------------------------------------------
# Term conversion between pyoxigraph and rdflib


_XSD_STRING = str(XSD.string)


def _parts(term) -> tuple[str, str, str | None, str | None]:
    """``(kind, value, language, datatype)`` of an rdflib or a pyoxigraph term.

    ``kind`` is ``uri``, ``bnode`` or ``literal`` (as in SPARQL JSON results);
    the datatype is ``None`` for plain strings and language-tagged ones.
    """
    if isinstance(term, Node):
        if isinstance(term, URIRef):
            return "uri", str(term), None, None
        if isinstance(term, BNode):
            return "bnode", str(term), None, None
        datatype = term.datatype
        if term.language or datatype is None or datatype == XSD.string:
            return "literal", str(term), term.language, None
        return "literal", str(term), None, str(datatype)
    kind = type(term).__name__
    if kind == "NamedNode":
        return "uri", term.value, None, None
    if kind == "BlankNode":
        return "bnode", term.value, None, None
    if kind == "Literal":
        if term.language:
            return "literal", term.value, term.language, None
        datatype = term.datatype.value
        return "literal", term.value, None, None if datatype == _XSD_STRING else datatype
    return "literal", str(term), None, None  # an RDF-star triple term: shown, not modelled


def _to_ox(term: Node):
    try:
        return to_oxigraph(term)
    except (TypeError, ValueError) as exc:  # ValueError: an IRI or datatype oxigraph cannot read
        raise QueryError(f"cannot bind {term.n3() if isinstance(term, Node) else term!r}: {exc}") from None


def _substitutions(values: Mapping[str, Node]) -> dict | None:
    """Bindings as pyoxigraph's substitutions; a name that is no SPARQL variable's is a QueryError."""
    ox = _oxigraph()
    out = {}
    for name, value in values.items():
        try:
            variable = ox.Variable(name)
        except ValueError:
            raise QueryError(f"cannot bind ?{name}: not a SPARQL variable's name") from None
        out[variable] = _to_ox(value)
    return out or None


def graph_to_store(graph: Graph):
    """An rdflib graph copied into an in-memory pyoxigraph store (a dataset's graphs merged too)."""
    ox = _oxigraph()
    store = ox.Store()
    store.load(graph.serialize(format="nquads" if graph.context_aware else "nt"), format=ox.RdfFormat.N_QUADS)
    if graph.context_aware:
        sources.merge_into_default_graph(store)
    return store


# ---------------------------------------------------------------------------
# Running


def _text(query: str | NamedQuery) -> str:
    text = query.text if isinstance(query, NamedQuery) else query
    check_nesting(text)
    return text


# Deeper than this, a query is refused before any engine parses it: a parser
# that recurses on each level can exhaust a thread's stack (pyoxigraph
# crashed on 5,000 nested groups). Real queries stay under ten.
MAX_NESTING = 100

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r'|<[^<>"{}|^`\\\s]*>|#[^\n]*|[{}()\[\]]'
)


def nesting_depth(text: str) -> int:
    """How deep a query's groups, brackets and parentheses nest (strings, IRIs and comments skipped).

    >>> nesting_depth('SELECT * { ?s <http://x/#a> "{" . FILTER(?s) } # {{{')
    2
    """
    depth = deepest = 0
    for match in _TOKENS.finditer(text):
        token = match.group()
        if token in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif token in "})]":
            depth = max(0, depth - 1)
    return deepest


def check_nesting(text: str, most: int = MAX_NESTING) -> None:
    """Raise QueryError for a query nested deeper than ``most``."""
    if len(text) > most and text.count("{") + text.count("(") + text.count("[") > most:
        depth = nesting_depth(text)
        if depth > most:
            raise QueryError(f"the query nests {depth} levels deep; at most {most} are allowed")


def query_text(argument: str) -> str:
    """A query given on the command line: the text of a ``.rq`` file, or the query itself.

    Only an argument that names a query file (``.rq``/``.sparql``) or an
    existing file is read; anything else, however long, is the query's text.

    >>> query_text("SELECT * { ?s ?p ?o }")
    'SELECT * { ?s ?p ?o }'
    """
    if argument.lower().endswith((".rq", ".sparql")):
        try:
            return Path(argument).read_text(encoding="utf-8")
        except OSError as exc:
            raise QueryError(f"cannot read the query file {argument}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise QueryError(f"the query file {argument} is not UTF-8 text") from None
    if "\n" in argument or "{" in argument or len(argument) > 4096:
        return argument
    try:
        is_file = Path(argument).is_file()
    except (OSError, ValueError):  # a name too long, a NUL byte: no file, a query
        return argument
    if is_file:
        try:
            return Path(argument).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise QueryError(f"cannot read the query file {argument}: {exc}") from None
    return argument


def parameter_values(query: str | NamedQuery, bindings: Mapping[str, Any] | None) -> list[dict[str, Node]]:
    """The terms to bind, in the order to try them: rdflib terms as given, strings and numbers
    as literals.

    A named query's parameter whose values are tagged (a name, ``"何平"@zh``) is matched
    in the query's pattern as the graph writes it: a plain string given for it is tried
    tagged first (how govkg writes names) and, when that finds nothing, plain (a graph
    whose names are plain strings, which the shapes allow).

    >>> parameter_values(named_query("events-of-official"), {"name": "何平"})
    [{'name': rdflib.term.Literal('何平', lang='zh')}, {'name': rdflib.term.Literal('何平')}]
    """
    values = {name.lstrip("?$"): _term(value) for name, value in (bindings or {}).items()}
    tagged = dict(values)
    if isinstance(query, NamedQuery):
        for name, tag in query.languages.items():
            value = values.get(name)
            if isinstance(value, Literal) and value.language is None and value.datatype in (None, XSD.string):
                tagged[name] = Literal(str(value), lang=tag)
    return [tagged, values] if tagged != values else [values]


def _check_limit(count: int, limit: int | None, what: str) -> None:
    if limit is not None and count > limit:
        raise ResultTooLarge(f"the result has more than {limit} {what}; add a LIMIT to the query")


class _Peeked:
    """A pyoxigraph answer whose first solution has been read: it, then the rest."""

    def __init__(self, first, rest) -> None:
        self.variables = rest.variables
        self._rows = chain((first,), rest)

    def __iter__(self):
        return self._rows


def _beside(query: NamedQuery, *folders: str) -> NamedQuery | None:
    """The query of the same name in a folder beside a named query (``keys/NAME.rq``), if any."""
    path = query.path.parent.joinpath(*folders, f"{query.name}.rq")
    return named_queries(path.parent).get(query.name) if path.is_file() else None


def page_keys(query: NamedQuery) -> NamedQuery | None:
    """The query that lists, in order, the values of the first key of a named query's order.

    It is ``keys/NAME.rq`` beside the named query: one projected variable, a
    variable the query projects (a parameter, or a day), every value that the
    query's unbound rows hold in it (more do no harm), ordered as the query
    orders its rows. None for a query without one (its first key is an
    aggregate, or is unbound in some rows).

    >>> page_keys(named_query("person-events")).text.splitlines()[-1]
    'ORDER BY ?name'
    >>> page_keys(named_query("co-attendance")) is None
    True
    """
    return _beside(query, "keys")


def page_walk(query: NamedQuery) -> NamedQuery | None:
    """The query that lists, in order, the values a page of a named query bound to its first key
    is read by, a block at a time; None for a query without one.

    It is ``walks/NAME.rq`` beside the named query: its first projected variable a variable
    of the named query's pattern (its values IRIs, each once), the others that value's order
    key, the variables of the named query's ORDER BY after its first that the value decides,
    ordered by them (then by the value). So the rows of one first key whose values walked
    are a block of the list, ordered by the named query, are its rows between those before
    the block and those after it (tests/graph/test_page_index.py).

    >>> page_walk(named_query("person-companions")).text.splitlines()[-1]
    'ORDER BY ?published ?id ?release'
    >>> page_walk(named_query("co-attendance")) is None
    True
    """
    return _beside(query, "walks")


def page_busy(query: NamedQuery) -> NamedQuery | None:
    """The query that lists the values of a named query's parameter whose bound answers are large
    (``busy/NAME.rq`` beside it: the parameter its one projected variable, a GROUP BY with a
    HAVING of a count), whose first rows a build keeps in its page index (all of them for a
    query that groups: graph/indexing.py, ``_write_busy``); None for a query without one.

    >>> page_busy(named_query("person-events")).text.splitlines()[-1]
    'HAVING (COUNT(*) >= 1000)'
    """
    return _beside(query, "busy")


# The variable a key query lists (its one projected variable).
_KEY = re.compile(r"^SELECT\s+DISTINCT\s+\?(\w+)", re.MULTILINE | re.IGNORECASE)


def _ordered_keys(store, query: NamedQuery, keys: NamedQuery) -> tuple[Any, Iterable]:
    """The variable of a :func:`page_keys` query and its values, in its order, read as needed.

    Names, places and days are ordered by the store (a name of a few characters is held in
    the store's index entry, and compares without reading its text), and only the values a
    page needs are made Python objects. Oxigraph compares IRIs by reading their text on each
    comparison (sorting 5,630 release IRIs cost 0.34 s of CPU), so a key the query documents
    as an IRI (``such as <https://…>``) is listed and sorted here, by its text code point by
    code point as the store orders IRIs; a list that is not all IRIs is left to the store.
    """
    name = _KEY.search(keys.text)
    if name and "such as <" in query.parameters.get(name.group(1), ""):
        listed = store.query(_text(unordered(keys)))
        values = [solution[0] for solution in listed]
        if None not in values and all(_parts(value)[0] == "uri" for value in values):
            return listed.variables[0], sorted(values, key=lambda value: value.value)
    ordered = store.query(_text(keys))  # sorted here, its terms made as they are read
    return ordered.variables[0], (solution[0] for solution in ordered)


def _keyed_page(
    store, query: NamedQuery, keys: NamedQuery, first: int, offset: int, index=None
) -> QueryResult | None:
    """A page of a named query's unbound answer read key by key: the rows of each value of its
    first key, bound, in the order of the values, until the page is full.

    The rows of one value, bound, are the unbound answer's rows of that value in the same
    order (tests/graph/test_query_shapes.py), so the page is the page the whole answer
    gives; but only the values before its end are looked up (by the store's index), where
    the whole answer's ORDER BY sorts every row of the store's. The values are read from
    the build's page index (``index``, graph/page_index.py: a file of them in order, read as
    far as the page needs) where it has them, else listed by the store.
    None when there is no key.
    """
    listed = index.keys(query.name, keys.text) if index else None
    if listed is not None:
        variable, values = _oxigraph().Variable(_KEY.search(keys.text).group(1)), listed
    else:
        variable, values = _ordered_keys(store, query, keys)
    text = _text(query)
    rows: list = []
    variables = None
    skip = offset
    for value in values:
        answer = store.query(text, substitutions={variable: value})
        variables = answer.variables
        for solution in answer:
            if skip:
                skip -= 1
                continue
            if len(rows) == first:
                break
            rows.append(solution)
        if len(rows) == first:
            break
    if variables is None:
        return None
    return QueryResult("solutions", tuple(v.value for v in variables), tuple(rows))


# Values walked (:func:`walk_values`) past which a page of a bound answer is read by its walk
# (``_walked_page``): below, the engine's whole answer costs less than reading the walk's file.
_BUSY = 500
# Values walked past which they are not listed (a lookup each, for some walks: 33,349 holdings
# of the busiest name at 100,000 releases, 0.7 s) and every value of the walk is read in turn:
# at least one in _DENSE of them holds rows (100 rows at 100,000 releases: 5,000 values at most).
_DENSE = 2048
# Values of the walk read in turn without a row (a value not listed: _DENSE) past which the
# value's own are listed whole and walked alone: its rows start late in the walk. At 100,000
# releases, 李克强's first page of person-companions read in turn took 2.8 s (his 12,559
# releases listed: 0.12 s), 习近平's rows are in the walk's first block.
_BLIND = 512


def walk_values(query: NamedQuery) -> NamedQuery | None:
    """The query that lists the values of a named query's walk (:func:`page_walk`) that may hold
    its rows for a value of its first key, bound (more do no harm, unordered):
    ``walks/of/NAME.rq``; None for a query without one.

    >>> list(walk_values(named_query("person-titles")).parameters)
    ['name']
    """
    return _beside(query, "walks", "of")


def _walked_page(store, query: NamedQuery, bindings, first: int, offset: int, index) -> QueryResult | None:
    """A page of a named query bound to its first key (its key query's variable) alone, read a
    block of the values of its walk (:func:`page_walk`) at a time, where the bound answer is
    large; None where it has no walk, or is not (the engine gives the page from the whole
    answer, sorted).

    Bound, the engine reads and sorts every row of the value before it gives the first (the
    rows of 习近平 in ``person-companions``: 90,965, 6.1 s at 100,000 releases). Here the
    values that may hold its rows (:func:`walk_values`: 习近平's releases, one pattern's
    values, read unordered) are put in the walk's order, read from the page index (the
    store's order of every value, written by the build), and the named query is run with a
    block of them at a time pinned (a ``VALUES`` block put first in its text: the block's
    rows only, ordered) until the page is full; a block ends only where the order key
    changes, so the blocks' rows in turn are the bound answer's rows in its order. A value
    with :data:`_DENSE` values or more to walk is not listed (some walks' values are a lookup
    each): every value of the walk is read, in blocks, those without its rows giving none, until
    :data:`_BLIND` of them gave no row: then its values are listed whole and walked alone.
    """
    keys, walk, of = page_keys(query), page_walk(query), walk_values(query)
    if keys is None or walk is None or of is None or not first:
        return None
    if set(bindings) != {_KEY.search(keys.text).group(1)}:
        return None
    wanted: set[str] | None = set()
    for values in parameter_values(query, bindings):
        # listed up to _DENSE values: past them, every value of the walk is read
        found = list(store.query(f"{_text(of)}\nLIMIT {_DENSE}", substitutions=_substitutions(values)))
        wanted = _iris(found)
        if len(found) == _DENSE:
            wanted = None
        if wanted is None or wanted:
            break
    if wanted is not None and len(wanted) < _BUSY:
        return None
    blocks = index.walk(query.name, walk.text, wanted)
    if blocks is None:
        return None
    variable = _PROJECTED.search(walk.text).group(1)
    where = next(m for m in _WHERE.finditer(query.text) if _comment_free(query.text, m.start()))
    head, tail = query.text[: where.end()], query.text[where.end() :]
    rows: list = []
    skip = offset
    variables = None
    seen = False  # whether any row came (skipped or not)
    blind = 0 if wanted is None else None  # values of the walk read in turn, none of them listed
    blocks = iter(blocks)
    while (block := next(blocks, None)) is not None:
        # the values are IRIs the page index wrote in N-Triples (no parameter of the user's)
        text = f"{head}\n  VALUES ?{variable} {{ {' '.join(block)} }}{tail}"
        answer = store.query(text, substitutions=_substitutions(values))
        variables = answer.variables
        for solution in answer:
            seen = True
            if skip:
                skip -= 1
                continue
            rows.append(solution)
            if len(rows) == first:
                break
        if len(rows) == first:
            break
        if blind is not None and not seen:
            blind += len(block)
            if blind >= _BLIND:
                # _BLIND values read in turn and no row: the value's rows start late in the walk.
                # Its values are listed whole now, and those alone walked from the start (the
                # ones read already gave no row, and give none again)
                wanted = _iris(store.query(_text(of), substitutions=_substitutions(values)))
                blocks = iter(index.walk(query.name, walk.text, wanted) or ())
                blind = None
    names = _projection(query) if variables is None else tuple(v.value for v in variables)
    return QueryResult("solutions", names, tuple(rows))


def _iris(rows) -> set[str]:
    """The IRIs of the first column of ``rows`` (a walk's values), in N-Triples."""
    return {f"<{row[0].value}>" for row in rows if type(row[0]).__name__ == "NamedNode"}


def _comment_free(text: str, at: int) -> bool:
    """Whether ``text[at]`` is outside a comment (no ``#`` before it on its line)."""
    return "#" not in text[text.rfind("\n", 0, at) + 1 : at]


# The first projected variable of a query, and the opening of its WHERE clause.
_PROJECTED = re.compile(r"^SELECT\s+(?:DISTINCT\s+)?\?(\w+)", re.MULTILINE | re.IGNORECASE)
_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def query_store(
    store,
    query: str | NamedQuery,
    bindings: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
    first: int | None = None,
    offset: int = 0,
    index=None,
) -> QueryResult:
    """Run a query on a pyoxigraph store; ``first`` keeps only the first rows or triples,
    after the ``offset`` first are skipped (a page: ``offset=200, first=100``).

    Rows are read from the engine as it gives them, so with ``first`` the rest
    are never made; the skipped ones are (an ORDER BY sorts them all, and
    without one, a page deep in a large answer costs every row before it).
    A page of a named query's unbound answer that has :func:`page_keys` is read
    a value of its first key at a time (:func:`_keyed_page`): the same rows,
    without sorting the whole answer. ``index``, the store's page index
    (:class:`~govkg.graph.page_index.PageIndex`, a build's), lists those values
    in order, and holds ``co-attendance``'s answer counted and ordered (its
    rows are read from there, bound or not), the unbound answers of the
    queries without a key, and the first rows of a query bound to a value whose
    answer is large (:func:`page_busy`).
    """
    ox = _oxigraph()
    text = _text(query)
    _stop(offset, first)
    if index and isinstance(query, NamedQuery):
        # with a limit and no page, one row past the limit is enough to refuse the answer
        most = first if first is not None or limit is None else limit + 1
        rows = _indexed_rows(index, query, bindings, most, offset)
        if rows is None and bindings:
            rows = _busy_rows(index, query, bindings, most, offset)
        if rows is not None:
            _check_limit(len(rows), limit, "rows")
            return QueryResult("solutions", _projection(query), rows)
    if first and bindings and index and isinstance(query, NamedQuery):
        page = _walked_page(store, query, bindings, first, offset, index)
        if page is not None:
            _check_limit(len(page.solutions), limit, "rows")
            return page
    if first and not bindings and isinstance(query, NamedQuery) and (keys := page_keys(query)):
        page = _keyed_page(store, query, keys, first, offset, index)
        if page is not None:
            _check_limit(len(page.solutions), limit, "rows")
            return page
    tries = parameter_values(query, bindings)
    for values in tries:
        try:
            answer = store.query(text, substitutions=_substitutions(values))
        except SyntaxError as exc:
            raise QueryError(f"query syntax: {exc}") from exc
        except RuntimeError as exc:  # e.g. a bound variable the query does not project
            raise QueryError(str(exc)) from exc
        if values is tries[-1] or not isinstance(answer, ox.QuerySolutions):
            break
        peeked = next(answer, None)
        if peeked is not None:  # a name written as tried: these are its rows
            answer = _Peeked(peeked, answer)
            break
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("boolean", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        triples = []
        for triple in islice(answer, offset, _stop(offset, first)):
            triples.append((triple.subject, triple.predicate, triple.object))
            _check_limit(len(triples), limit, "triples")
        return QueryResult("graph", statements=tuple(triples))
    variables = tuple(v.value for v in answer.variables)
    if limit is None:
        rows = tuple(islice(answer, offset, _stop(offset, first)))
    else:
        rows = []
        for solution in islice(answer, offset, _stop(offset, first)):
            rows.append(solution)
            _check_limit(len(rows), limit, "rows")
    # Each row stays a pyoxigraph QuerySolution (a sequence of its terms): making
    # Python objects of every term costs as much as the query on a large answer.
    return QueryResult("solutions", variables, tuple(rows))


def _indexed_rows(index, query: NamedQuery, bindings: Mapping[str, Any] | None, first, offset):
    """The rows of a named query that ``index`` holds whole (unbound, the queries without a key;
    bound to one parameter, those whose rows of a value are together in that answer,
    :meth:`~govkg.graph.page_index.PageIndex.bound`; co-attendance's, bound or not), or None:
    the rows bound to a name are those of the first form of it tried that has any
    (:func:`parameter_values`), as the engine gives them."""
    if not bindings and query.name != COATTENDANCE:
        return index.answer(query.name, query.text, first, offset)
    if query.name != COATTENDANCE:
        tries = parameter_values(query, bindings)
        named = [parameter for parameter in tries[0] if parameter in query.languages]
        if len(named) != 1:
            return None  # one name or place, and days besides it
        (parameter,) = named
        values = [tried[parameter] for tried in tries]
        if not all(isinstance(value, Literal) and str(value) for value in values):
            return None  # an IRI, or "": the engine says what those give
        if not all(isinstance(value, Literal) for value in tries[0].values()):
            return None
        ranges = {
            other: (_nt_term(value), str(value)) for other, value in tries[0].items() if other != parameter
        }
        terms = [_nt_term(value) for value in values]
        return index.bound(query.name, query.text, parameter, terms, first, offset, ranges)
    if set(bindings or ()) - {"name"}:
        return None
    if not bindings:
        return index.coattendance(query.text, None, first, offset)
    names = [values["name"] for values in parameter_values(query, bindings)]
    if not all(isinstance(name, Literal) and str(name) for name in names):
        return None  # an IRI, or "": the engine says what those give
    return index.coattendance(query.text, [_nt_term(name) for name in names], first, offset)


def _busy_rows(index, query: NamedQuery, bindings: Mapping[str, Any], first, offset):
    """The rows of a named query bound to its one parameter that ``index`` keeps for a value
    whose answer is large (:func:`page_busy`; :meth:`~govkg.graph.page_index.PageIndex.busy`:
    the first rows, or all of them), or None: the value tried first (:func:`parameter_values`),
    which the engine answers with its rows when it has any, as the rows kept are; None where
    the page runs past them, or the value has none kept (the engine answers)."""
    busy = page_busy(query)
    if busy is None:
        return None
    values = parameter_values(query, bindings)[0]
    parameter = _PROJECTED.search(busy.text).group(1)
    if set(values) != {parameter} or not str(values[parameter]):
        return None
    return index.busy(query.name, query.text, _nt_term(values[parameter]), first, offset)


# A query's projection: the variables after SELECT (DISTINCT), on its line.
_SELECT = re.compile(r"^SELECT(?:\s+DISTINCT)?((?:\s+\?\w+)+)\s*(?:WHERE)?\s*\{?\s*$", re.MULTILINE)


def _projection(query: NamedQuery) -> tuple[str, ...]:
    """The variables a named query selects, in order.

    >>> _projection(named_query("person-nodes"))
    ('name', 'person')
    """
    return tuple(re.findall(r"\?(\w+)", _SELECT.search(query.text).group(1)))


def _stop(offset: int, first: int | None) -> int | None:
    if offset < 0 or (first is not None and first < 0):
        raise QueryError("a page is a number of rows to skip and to keep, each 0 or more")
    return None if first is None else offset + first


def query_graph(
    graph: Graph,
    query: str | NamedQuery,
    bindings: Mapping[str, Any] | None = None,
    *,
    limit: int | None = None,
) -> QueryResult:
    """Run a query on an rdflib graph with rdflib's own engine."""
    from pyparsing import ParseException

    tries = parameter_values(query, bindings)
    for values in tries:
        try:
            answer = graph.query(_text(query), initBindings=values)
        except ParseException as exc:
            raise QueryError(f"query syntax: {exc}") from exc
        if answer.type != "SELECT" or len(answer) or values is tries[-1]:
            break
    if answer.type == "ASK":
        return QueryResult("boolean", boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        triples = tuple(answer.graph) if answer.graph is not None else ()
        _check_limit(len(triples), limit, "triples")
        return QueryResult("graph", statements=triples)
    variables = tuple(str(v) for v in answer.vars)
    missing = sorted(set(values) - set(variables))
    if missing:  # as pyoxigraph does: a parameter is a projected variable
        raise QueryError(f"the query does not select ?{', ?'.join(missing)}, so it cannot be bound")
    rows = []
    for row in answer:
        rows.append(tuple(row))
        _check_limit(len(rows), limit, "rows")
    return QueryResult("solutions", variables, tuple(rows))


def run_query(
    source,
    query: str | NamedQuery,
    bindings: Mapping[str, Any] | None = None,
    *,
    engine: str = "oxigraph",
    store: str | Path | None = None,
    limit: int | None = None,
    first: int | None = None,
    offset: int = 0,
    index=None,
) -> QueryResult:
    """Run a SPARQL query, or a named one, on a graph file, an rdflib graph or a pyoxigraph store.

    ``bindings`` maps parameter names to rdflib terms or plain strings.
    ``engine`` is ``"oxigraph"`` (fast) or ``"rdflib"``; ``store`` is a folder
    for a persistent pyoxigraph store of a graph file (see :func:`open_store`);
    ``limit`` the most rows or triples the result may have
    (:class:`ResultTooLarge` beyond); ``first`` keeps only the first rows
    (the others are never fetched from the engine), after ``offset`` rows
    skipped: a page of an answer whose ORDER BY ends in a key of its own
    row (the named queries that order their rows) is the same on every run.
    ``index`` is a store's page index (:class:`~govkg.graph.page_index.PageIndex`);
    a build folder's own (or a graph file's, while its store is current) is
    found without it (``index=False``: read without one).
    """
    import time

    if isinstance(query, str) and query in named_queries():
        query = named_query(query)
    if engine not in ENGINES:
        raise QueryError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    start = time.perf_counter()
    if engine == "rdflib":
        graph = source if isinstance(source, Graph) else load_graph(source)
        result = query_graph(graph, query, bindings, limit=limit)
        if first is not None or offset:
            page = slice(offset, _stop(offset, first))
            result = replace(result, solutions=result.solutions[page], statements=result.statements[page])
    else:
        if isinstance(source, Graph):
            source = graph_to_store(source)
        elif isinstance(source, (str, Path)):
            if index is None and store is None:
                index = page_index(source)
            source = open_store(source, store)
        result = query_store(source, query, bindings, limit=limit, first=first, offset=offset, index=index)
    return replace(result, seconds=time.perf_counter() - start)


# ---------------------------------------------------------------------------
# Result formats (W3C SPARQL 1.1 Query Results JSON, XML, CSV and TSV)


def _json_term(term) -> dict[str, str]:
    kind, value, language, datatype = _parts(term)
    out = {"type": kind, "value": value}
    if language:
        out["xml:lang"] = language
    elif datatype:
        out["datatype"] = datatype
    return out


def _nt_term(term) -> str:
    kind, value, language, datatype = _parts(term)
    if kind == "uri":
        return f"<{value}>"
    if kind == "bnode":
        return f"_:{value}"
    text = '"' + nt_escape(value) + '"'
    if language:
        return f"{text}@{language}"
    if datatype:
        return f"{text}^^<{datatype}>"
    return text


def _csv_term(term) -> str:
    if term is None:
        return ""
    kind, value, _, _ = _parts(term)
    return f"_:{value}" if kind == "bnode" else value


def _table_term(term, most: int) -> str:
    if term is None:
        return ""
    kind, value, _, _ = _parts(term)
    return short_iri(value) if kind == "uri" else _clip(_csv_term(term), most)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, most: int) -> str:
    text = " ".join(text.split())
    if _width(text) <= most:
        return text
    out, used = [], 0
    for ch in text:
        used += _width(ch)
        if used > most - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def _table(result: QueryResult, max_width: int = 48) -> str:
    header = list(result.variables)
    cells = [[_table_term(term, max_width) for term in row] for row in result.solutions]
    widths = [max([_width(h)] + [_width(row[i]) for row in cells]) for i, h in enumerate(header)]

    def line(values: list[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    lines = [line(header), line(["-" * w for w in widths])]
    lines += [line(row) for row in cells]
    count = len(result.solutions)
    lines.append(f"({count} row{'s' if count != 1 else ''})")
    return "\n".join(lines) + "\n"


def _xml(result: QueryResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"  <variable name={quoteattr(v)}/>" for v in result.variables]
    out.append("</head>")
    if result.kind == "boolean":
        out.append(f"<boolean>{'true' if result.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in result.solutions:
            out.append("  <result>")
            for var, term in zip(result.variables, row, strict=True):
                if term is None:
                    continue
                kind, text, language, datatype = _parts(term)
                if kind != "literal":
                    value = f"<{kind}>{escape(text)}</{kind}>"
                elif language:
                    value = f"<literal xml:lang={quoteattr(language)}>{escape(text)}</literal>"
                elif datatype:
                    value = f"<literal datatype={quoteattr(datatype)}>{escape(text)}</literal>"
                else:
                    value = f"<literal>{escape(text)}</literal>"
                out.append(f"    <binding name={quoteattr(var)}>{value}</binding>")
            out.append("  </result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """A result as text: solutions and booleans in ``table``, ``json``, ``xml``, ``csv``, ``tsv``;
    graphs in ``turtle`` (also for any solutions format), ``nt``, ``jsonld``, ``rdfxml``.

    >>> result = QueryResult("solutions", ("name",), ((Literal("何平", lang="zh"),),))
    >>> print(format_result(result, "tsv"), end="")
    ?name
    "何平"@zh
    """
    if result.kind == "graph":
        if fmt == "nt":
            return "".join(sorted(" ".join(map(_nt_term, t)) + " .\n" for t in result.statements))
        rdflib_format = {"jsonld": "json-ld", "rdfxml": "xml"}.get(fmt, "turtle")
        return result.graph().serialize(format=rdflib_format)
    if fmt == "json":
        head = {"vars": list(result.variables)} if result.kind == "solutions" else {}
        if result.kind == "boolean":
            return json.dumps({"head": head, "boolean": result.boolean}) + "\n"
        bindings = [
            {
                var: _json_term(term)
                for var, term in zip(result.variables, row, strict=True)
                if term is not None
            }
            for row in result.solutions
        ]
        return json.dumps({"head": head, "results": {"bindings": bindings}}, ensure_ascii=False) + "\n"
    if fmt == "xml":
        return _xml(result)
    if result.kind == "boolean":
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        writer.writerows([_csv_term(term) for term in row] for row in result.solutions)
        return buffer.getvalue()
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in result.variables)]
        lines += ["\t".join("" if t is None else _nt_term(t) for t in row) for row in result.solutions]
        return "\n".join(lines) + "\n"
    if fmt == "table":
        return _table(result)
    raise QueryError(f"unknown format {fmt!r}")


def format_named_queries(queries: Iterable[NamedQuery] | None = None) -> str:
    """The named queries (default: all of them), each with its description and parameters."""
    lines = []
    for query in named_queries().values() if queries is None else queries:
        lines.append(f"{query.name}\n    {query.description}")
        pad = max(map(len, query.parameters), default=0)
        lines += [f"    ?{name:<{pad}}  {text}" for name, text in query.parameters.items()]
    return "\n".join(lines) + "\n"
