"""Writing a build's files: every output written atomically, deterministically.

Writers are registered in one place, :data:`WRITERS`: output file name ->
function. A writer takes the :class:`SharedWork` of a build (the build result,
and what several writers need: the canonical form of the graph, the analysed
network, each made once) and returns the file's content (``str`` or
``bytes``); this module writes it to a temporary file and renames it into
place, so a crash or Ctrl-C never leaves a half-written file.

The RDF files are written by govkg itself rather than by rdflib's
serialisers, which take about 50 s per million triples: every triple is
turned into its canonical N-Triples terms once, sorted, and each format is
written from that sorted list. So the same graph always gives the same bytes,
``graph.nt`` is sorted canonical N-Triples, and ``graph.ttl``, ``graph.trig``
(one named graph per release) and ``graph.jsonld`` (compacted with the
context in ``ontology/context.jsonld``) are grouped by subject in the same
order.
"""

from __future__ import annotations

import contextlib
import json
import os
import pickle
import re
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property, wraps
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import XSD, BNode, Graph
from rdflib.compare import to_canonical_graph

from govkg.extract.identity import collector_paused, identity_report
from govkg.graph import network, tables, view
from govkg.graph.cache import CACHE
from govkg.graph.folders import atomic_open as atomic_open  # one atomic writer, re-exported
from govkg.graph.folders import atomic_write, staged_folder
from govkg.graph.indexing import write_page_index
from govkg.graph.interrupts import forked, pickled_error
from govkg.graph.shards import SHARDS, write_shards
from govkg.graph.store import STORE, write_store
from govkg.graph.store import read_graph as read_graph  # one graph reader, re-exported
from govkg.graph.terms import nt_literal, nt_term
from govkg.ontology import PREFIXES, resource_path

if TYPE_CHECKING:
    import networkx as nx

    from govkg.graph.build import BuildResult


class SharedWork:
    """A build result and the work its writers share, each piece made once, when first asked for.

    Made by :func:`write_outputs` for one call and handed to every writer: no
    module keeps a cache of its own.
    """

    def __init__(self, result: BuildResult) -> None:
        self.result = result

    @property
    def graph(self) -> Graph:
        return self.result.graph

    @cached_property
    def canonical(self) -> Canonical:
        """The canonical form of the graph, which the four RDF files are written from."""
        return canonical(self.result.graph)

    @cached_property
    def network(self) -> tuple[nx.DiGraph, network.NetworkStats]:
        """The analysed knowledge network, which the view and the Gephi exports draw."""
        return tables.analysed_network(self.result.graph)


# A writer gives its file whole, or as pieces of text (the files that grow with the corpus).
Writer = Callable[[SharedWork], "str | bytes | Iterable[str]"]

# Which shared work each writer uses. The RDF files are written by one forked
# process, which makes their canonical form; the network is made by the parent,
# just before it forks the first writer that needs it, and each child inherits it.
USES = {
    "graph.ttl": "canonical",
    "graph.trig": "canonical",
    "graph.jsonld": "canonical",
    "graph.nt": "canonical",
    "graph.html": "network",
    "graph.gexf": "network",
    "graph.graphml": "network",
}
MADE_BY_PARENT = {"network"}


# From this many releases on, writers run in parallel processes, one per core.
PARALLEL_RELEASES = 2000


def build_entries() -> set[str]:
    """The names a build writes in its folder: the files, and the cache, store and shards folders."""
    return set(WRITERS) | {CACHE, STORE, SHARDS}


# What a build carries over from the previous one, updated in place: the
# extraction cache and the shards (unchanged shards are not rewritten).
CARRIED = (CACHE, SHARDS)


def write_outputs(
    result: BuildResult,
    outdir: str | Path,
    only: list[str] | None = None,
    workers: int | None = None,
    before_swap: Callable[[Path], object] | None = None,
) -> dict[str, Path]:
    """Write the files of a build into ``outdir``; returns file name -> path written.

    A whole build (``only`` unset) is written into a staging folder beside
    ``outdir`` and swapped in for it when every file is written and
    ``before_swap(staging folder)`` has run (graph/folders.py): readers and
    an interrupted build see the previous build or this one, never a mix. A
    folder holding files a build does not write is updated in place, file by
    file. With ``only``, the files named are replaced in ``outdir`` one by one.

    With ``workers`` > 1 (default: one per core for builds of
    :data:`PARALLEL_RELEASES` releases or more, where fork is available) the
    files are written by forked processes, which see the build as it is: one
    makes the canonical form of the graph and writes the four RDF files from
    it, the others write the other files, one each. With ``graph.nt`` written
    (and ``only`` unset or naming ``"store"``), the graph is then bulk-loaded
    into the build's Oxigraph store, ``OUT/store`` (see graph/store.py); with
    ``graph.trig`` (and ``only`` unset or naming ``"shards"``), its graphs are
    written as N-Quads shards, ``OUT/shards`` (see graph/shards.py).
    """
    outdir = Path(outdir)
    if only is not None:
        return write_files(result, outdir, only, workers)
    with staged_folder(outdir, carry=CARRIED, owned=build_entries().__contains__) as stage:
        written = write_files(result, stage, None, workers)
        if before_swap is not None:
            before_swap(stage)
    return {name: outdir / path.relative_to(stage) for name, path in written.items()}


def write_files(
    result: BuildResult, outdir: Path, only: list[str] | None = None, workers: int | None = None
) -> dict[str, Path]:
    """Write the files of a build into ``outdir`` as they are (see :func:`write_outputs`), each atomically."""
    jobs = [(name, writer) for name, writer in WRITERS.items() if only is None or name in only]
    shared = SharedWork(result)
    if workers is None:
        large = len(result.extractions) >= PARALLEL_RELEASES
        workers = (os.cpu_count() or 1) if large and hasattr(os, "fork") else 1
    if workers <= 1 or len(jobs) <= 1:
        written = {name: atomic_write(outdir / name, writer(shared)) for name, writer in jobs}
        return _with_store(written, outdir, only)
    together = [(name, writer) for name, writer in jobs if USES.get(name) == "canonical"]
    groups = ([("canonical", together)] if together else []) + [
        (USES.get(name), [(name, writer)]) for name, writer in jobs if USES.get(name) != "canonical"
    ]
    written = _write_forked(shared, outdir, groups, workers)
    return _with_store({name: written[name] for name, _ in jobs}, outdir, only)


def _with_store(written: dict[str, Path], outdir: Path, only: list[str] | None) -> dict[str, Path]:
    """The build's store (``OUT/store``), loaded from the N-Triples just written (graph/store.py),
    and its N-Quads shards (``OUT/shards``), one a release graph, from the TriG (graph/shards.py)."""
    if "graph.trig" in written and (only is None or SHARDS in only):
        write_shards(outdir)
        written[SHARDS] = outdir / SHARDS
    if "graph.nt" in written and (only is None or STORE in only):
        written[STORE] = write_store(outdir)
        write_page_index(outdir)  # inside the store's folder (graph/page_index.py)
    return written


def _write_forked(shared: SharedWork, outdir: Path, groups: list[tuple], workers: int) -> dict[str, Path]:
    """Each group of files written by a forked child, at most ``workers`` at a time.

    ``groups`` holds (shared-work name, [(file name, writer)...]); before the
    first group whose work is in :data:`MADE_BY_PARENT` is forked, this process
    makes that work (while the children already forked write), so that every
    child of that work inherits it. A child's error is raised here, after the
    other children have finished.
    """
    running: dict[int, tuple[list[str], int]] = {}  # pid -> (file names, read end of its error pipe)
    failures: list[BaseException] = []
    pending = list(groups)
    written = {}

    def reap() -> None:
        pid, status = os.wait()
        names, pipe = running.pop(pid)
        with os.fdopen(pipe, "rb") as handle:
            message = handle.read()
        if os.waitstatus_to_exitcode(status) == 0:
            written.update((name, outdir / name) for name in names)
            return
        try:
            error = pickle.loads(message)
        except Exception:
            error = RuntimeError(message.decode("utf-8", "replace") or f"the writer of {names} died")
        failures.append(error)

    try:
        while pending or running:
            while pending and len(running) < workers:
                key, group = pending.pop(0)
                if key in MADE_BY_PARENT:
                    getattr(shared, key)
                read_end, write_end = os.pipe()

                def child(group=group, read_end=read_end, write_end=write_end) -> int:
                    # Write its files, report, and leave without cleanup (folders.forked).
                    os.close(read_end)
                    try:
                        for name, writer in group:
                            atomic_write(outdir / name, writer(shared))
                    except BaseException as exc:
                        payload = pickled_error(exc)
                        if len(payload) > 60_000:  # a pipe holds 64 KiB unread
                            payload = pickled_error(RuntimeError(traceback.format_exc()[-20_000:]))
                        os.write(write_end, payload)
                        return 1
                    return 0

                names = [name for name, _ in group]
                forked(child, lambda pid, names=names, pipe=read_end: running.__setitem__(pid, (names, pipe)))
                os.close(write_end)
            reap()
    except BaseException:
        # Interrupted: stop the others as Ctrl-C would, so that they remove their temporary files.
        for pid, (_, pipe) in running.items():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGINT)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(pid, 0)
            os.close(pipe)
        raise
    if failures:
        raise failures[0]
    return written


_XSD_STRING = str(XSD.string)
_XSD_STRING_NT = f"<{_XSD_STRING}>"
NTriple = tuple[str, str, str]
Block = tuple[str, int, str]  # subject, number of triples, Turtle text


@dataclass
class Canonical:
    """A graph as sorted N-Triples terms, and its partition into release graphs.

    ``named`` maps a release graph's name to its sorted triples; ``default``
    holds the triples of no release (the build, cross-release facts). The
    union of both is ``triples``.
    """

    triples: list[NTriple]
    named: dict[str, list[NTriple]]
    default: list[NTriple]
    blocks: list[Block] | None = None  # Turtle of each subject, made once for graph.ttl and graph.trig


def canonical(graph: Graph) -> Canonical:
    """Sorted canonical triples of a graph, with blank nodes labelled canonically (see ``_canonical``)."""
    with collector_paused():
        return _canonical(graph)


def _canonical(graph: Graph) -> Canonical:
    """Sorted canonical triples of a graph, with blank nodes labelled canonically.

    The mapping makes no blank nodes; should a later stage add some, they are
    relabelled from the graph's structure (``rdflib.compare``) so that the
    output stays deterministic, and their triples go to the default graph.
    """
    partition = getattr(graph, "release_triples", {})
    # Keyed by the term object's id: rdflib terms hash and compare in Python,
    # ids in C. The graph and its partition keep every term alive meanwhile.
    forms: dict[int, str] = {}
    blank = False

    def form(term) -> str:
        nonlocal blank
        text = forms[id(term)] = nt_term(term)
        if isinstance(term, BNode):
            blank = True
        return text

    get = forms.get
    # The store's own iterator: Graph.triples wraps every triple once more.
    triples = [
        (get(id(s)) or form(s), get(id(p)) or form(p), get(id(o)) or form(o))
        for (s, p, o), _ in graph.store.triples((None, None, None), graph)
    ]
    if blank:
        # Blank node labels from the graph's structure, the same on every run.
        forms.clear()
        graph = to_canonical_graph(graph)
        triples = [(get(id(s)) or form(s), get(id(p)) or form(p), get(id(o)) or form(o)) for s, p, o in graph]
    triples.sort()
    placed = dict.fromkeys(triples, False)
    named = {}
    for name, members in partition.items():
        block = []
        for s, p, o in members:
            triple = (get(id(s)) or form(s), get(id(p)) or form(p), get(id(o)) or form(o))
            if triple in placed:  # the graph may have lost a triple since it was mapped
                placed[triple] = True
                block.append(triple)
        if block:
            named[get(id(name)) or form(name)] = sorted(set(block))
    default = [t for t in triples if not placed[t]]
    return Canonical(triples=triples, named=dict(sorted(named.items())), default=default)


def _writer(writer=None, *, paused: bool = False):
    """A writer that may also be called on a bare BuildResult (its work then shared by nobody);
    ``paused``: run with the garbage collector paused (millions of small acyclic objects)."""

    def wrap(function):
        @wraps(function)
        def run(shared: SharedWork | BuildResult) -> str:
            if not isinstance(shared, SharedWork):
                shared = SharedWork(shared)
            if not paused:
                return function(shared)
            with collector_paused():
                return function(shared)

        return run

    return wrap(writer) if writer is not None else wrap


@_writer(paused=True)
def ntriples(shared: SharedWork) -> str:
    """``graph.nt``: the graph as sorted canonical N-Triples."""
    return "".join(f"{s} {p} {o} .\n" for s, p, o in shared.canonical.triples)


# A Turtle prefixed name's local part, conservatively (no escapes needed).
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


class _Names:
    """Shortens N-Triples IRIs to prefixed names where the local part allows (cached)."""

    def __init__(self, prefixes: dict[str, str]) -> None:
        # Longest namespace first, so that a namespace inside another wins.
        self.prefixes = sorted(prefixes.items(), key=lambda item: -len(item[1]))
        self.cache: dict[str, str] = {}
        self.predicates: dict[str, str] = {_RDF_TYPE: "a"}
        self.namespace = {namespace: prefix for prefix, namespace in self.prefixes}
        # The namespaces in that order, then a local part: one match tries them as a loop over them
        # would (a namespace whose rest is no local part gives way to the next).
        self.shortened = _namespaces_then(self.prefixes, _LOCAL.pattern[:-2] + ">")

    def iri(self, text: str) -> str:
        short = self.cache.get(text)
        if short is None:
            short = self.cache[text] = self.shorten(text)
        return short

    def shorten(self, text: str) -> str:
        """:meth:`iri`, not cached."""
        match = self.shortened.match(text)
        if match is None:
            return text
        local = match.start(1)
        return f"{self.namespace[text[1:local]]}:{text[local:-1]}"

    def object(self, text: str) -> str:
        """:meth:`term` not cached: an object as Turtle writes it."""
        if text[0] == "<":
            return self.cache.get(text) or self.shorten(text)
        if text[-1] != ">":
            return text
        return self.typed(text)

    def predicate(self, text: str) -> str:
        short = self.predicates.get(text)
        if short is None:
            short = self.predicates[text] = self.iri(text)
        return short

    def typed(self, text: str) -> str:
        """A typed literal with its datatype shortened."""
        lexical, _, datatype = text.rpartition("^^")
        return f"{lexical}^^{self.iri(datatype)}"

    def term(self, text: str) -> str:
        """An object as Turtle writes it: an IRI or a typed literal shortened (cached with the IRIs),
        any other term as it is."""
        if text[0] == "<":
            return self.iri(text)
        if text[-1] != ">":
            return text
        short = self.cache[text] = self.typed(text)
        return short


def _namespaces_then(prefixes: list[tuple[str, str]], rest: str) -> re.Pattern:
    """A pattern of an N-Triples IRI made of one of the namespaces of ``prefixes`` (tried in their
    order) and then ``rest``, its first group."""
    return re.compile("<(?:" + "|".join(re.escape(namespace) for _, namespace in prefixes) + f")({rest})\\Z")


_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"


def subject_groups(triples: Iterable[NTriple]) -> Iterator[list[NTriple]]:
    """Sorted triples in runs of one subject: the unit every RDF file is written in."""
    for _, group in groupby(triples, key=itemgetter(0)):
        yield list(group)


def turtle_block(triples: list[NTriple], names: _Names) -> str:
    """Turtle for one subject's sorted triples, with ``;`` and ``,`` lists (graph.ttl, graph.trig)."""
    return turtle_text(triples[0][0], map(_PREDICATE_OBJECT, triples), names)


_PREDICATE_OBJECT = itemgetter(1, 2)


def turtle_text(subject: str, pairs: Iterable[tuple[str, str]], names: _Names) -> str:
    """:func:`turtle_block` of a subject and its sorted (predicate, object) pairs."""
    get, pget = names.cache.get, names.predicates.get
    pieces = ["\n", get(subject) or names.iri(subject)]
    add = pieces.extend
    last_p = None
    for p, o in pairs:
        obj = (get(o) or names.term(o)) if o[0] == "<" or o[-1] == ">" else o
        if p == last_p:
            add((" ,\n        ", obj))
        else:
            add((" ;\n    " if last_p is not None else " ", pget(p) or names.predicate(p), " ", obj))
            last_p = p
    pieces.append(" .\n")
    return "".join(pieces)


def _subject_blocks(triples: list[NTriple], names: _Names) -> list[Block]:
    """Turtle for sorted triples, one block a subject."""
    return [(group[0][0], len(group), turtle_block(group, names)) for group in subject_groups(triples)]


def _blocks_of(canon: Canonical, names: _Names) -> list[Block]:
    if canon.blocks is None:
        canon.blocks = _subject_blocks(canon.triples, names)
    return canon.blocks


def prefix_lines(prefixes: dict[str, str]) -> str:
    """The ``@prefix`` lines that open graph.ttl and graph.trig."""
    return "".join(f"@prefix {name}: <{iri}> .\n" for name, iri in sorted(prefixes.items()))


@_writer(paused=True)
def turtle(shared: SharedWork) -> str:
    """``graph.ttl``: the whole graph in Turtle, subjects in sorted order."""
    blocks = _blocks_of(shared.canonical, _Names(PREFIXES))
    return prefix_lines(PREFIXES) + "".join(text for _, _, text in blocks)


@_writer(paused=True)
def trig(shared: SharedWork) -> str:
    """``graph.trig``: one named graph per release, named by the release's IRI.

    A release's graph holds every triple its text gives (the description of
    a person or place it names included), so that rebuilding one release
    replaces just its graph. Triples of no release (the build's provenance,
    facts merged across releases) are in the default graph, first.
    """
    canon = shared.canonical
    names = _Names(PREFIXES)
    # A subject whose triples all sit in one release graph is written as in graph.ttl.
    whole = {s: (count, text) for s, count, text in _blocks_of(canon, names)}
    parts = [prefix_lines(PREFIXES)]
    parts += [text for _, _, text in _subject_blocks(canon.default, names)]
    for name, triples in canon.named.items():
        parts.append(named_graph_head(name, names))
        start, end = 0, len(triples)
        while start < end:
            subject = triples[start][0]
            stop = start + 1
            while stop < end and triples[stop][0] == subject:
                stop += 1
            count, text = whole.get(subject, (0, ""))
            if count == stop - start:  # a subset of the subject's triples, as many: the same
                parts.append(text)
            else:
                parts += [text for _, _, text in _subject_blocks(triples[start:stop], names)]
            start = stop
        parts.append("}\n")
    return "".join(parts)


def named_graph_head(name: str, names: _Names) -> str:
    """What opens a named graph in graph.trig (``}\\n`` closes it)."""
    return f"\n{names.iri(name)} {{"


@cache
def jsonld_context() -> dict:
    """The compact JSON-LD context of govkg's terms (``ontology/context.jsonld``)."""
    return json.loads(resource_path("context.jsonld").read_text(encoding="utf-8"))["@context"]


class _JsonTerms:
    """How each predicate and value is written under the context."""

    def __init__(self, context: dict) -> None:
        self.prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}
        self.names = _Names(self.prefixes)
        # An IRI in a namespace, unless what follows begins with // (compact IRIs never do).
        self.compacted = _namespaces_then(self.names.prefixes, "(?!//).*")
        self.compact: dict[str, str] = {}
        self.terms: dict[str, str] = {}  # expanded IRI -> term
        self.coercion: dict[str, str | None] = {}  # term -> @type
        self.language: dict[str, str | None] = {}  # term -> @language
        self.keys: dict[str, str] = {_RDF_TYPE: "@type"}  # predicate (N-Triples) -> key
        self.shared_keys = False  # whether two predicates have one key (node_of merges their values)
        for term, definition in context.items():
            if term in self.prefixes:
                continue
            if isinstance(definition, str):
                definition = {"@id": definition}
            self.terms[self.expand(definition["@id"])] = term
            coercion = definition.get("@type")
            self.coercion[term] = self.expand(coercion) if coercion and coercion[0] != "@" else coercion
            self.language[term] = definition.get("@language")

    def expand(self, compact: str) -> str:
        prefix, _, rest = compact.partition(":")
        return self.prefixes[prefix] + rest if prefix in self.prefixes else compact

    def iri(self, text: str) -> str:
        """An IRI (N-Triples form) as a compact IRI, for @id and @id-coerced values."""
        compact = self.compact.get(text)
        if compact is None:
            compact = self.compact[text] = self.compacted_iri(text)
        return compact

    def compacted_iri(self, text: str) -> str:
        """:meth:`iri`, not cached."""
        match = self.compacted.match(text)
        if match is None:
            return text[1:-1]
        local = match.start(1)
        return f"{self.names.namespace[text[1:local]]}:{text[local:-1]}"

    def key(self, predicate: str) -> str:
        key = self.keys.get(predicate)
        if key is None:
            key = self.terms.get(predicate[1:-1]) or self.iri(predicate)
            if key in self.keys.values():  # another predicate's too (a term named as a compact IRI)
                self.shared_keys = True
            self.keys[predicate] = key
        return key

    def vocab(self, text: str) -> str:
        """An IRI as a term where the context has one (class names, roles)."""
        return self.terms.get(text[1:-1]) or self.iri(text)

    def value(self, key: str, text: str) -> str:
        """An object (N-Triples) as the JSON of the value of ``key``: bare where the context's coercion
        allows."""
        coercion = self.coercion.get(key)
        if text[0] == "<":
            if coercion == "@id":
                return _STRING(self.iri(text))
            if coercion == "@vocab":
                return _STRING(self.vocab(text))
            return f'{{"@id": {_STRING(self.iri(text))}}}'
        if text[0] == "_":
            return f'{{"@id": {_STRING(text)}}}'
        # The closing quote is the last one: a language tag or an IRI holds none.
        end = text.rindex('"')
        string = text[: end + 1]
        if _NOT_JSON.search(string, 1, end):  # else the literal's quoted form is its lexical form's JSON
            string = _STRING(nt_literal(text)[0])
        if end == len(text) - 1:
            language = datatype = None
        elif text[end + 1] == "@":
            language, datatype = text[end + 2 :], None
        else:
            language, datatype = None, text[end + 3 :]
        if language:
            if self.language.get(key) == language and coercion is None:
                return string
            return f'{{"@value": {string}, "@language": {_STRING(language)}}}'
        if datatype is None or datatype == _XSD_STRING_NT:
            if coercion == _XSD_STRING or (coercion is None and self.language.get(key) is None):
                return string
            return f'{{"@value": {string}}}'
        if coercion is not None and coercion[0] != "@" and f"<{coercion}>" == datatype:
            return string
        return f'{{"@value": {string}, "@type": {_STRING(self.iri(datatype))}}}'

    def node(self, triples: list[NTriple]) -> str:
        """The JSON of one subject's sorted triples: properties in order, several values in an array.

        Written as text, as ``json.dumps(node, ensure_ascii=False)`` writes the node's dict (its
        separators, its strings' escapes), without making the dict (a third of graph.jsonld's cost).

        >>> terms = _JsonTerms({"gov": "https://w3id.org/govkg/def#", "name": {"@id": "gov:name"}})
        >>> terms.node([("<https://w3id.org/govkg/def#a>", "<https://w3id.org/govkg/def#name>", '"甲"'),
        ...             ("<https://w3id.org/govkg/def#a>", "<https://w3id.org/govkg/def#name>", '"乙"@zh')])
        '{"@id": "gov:a", "name": ["甲", {"@value": "乙", "@language": "zh"}]}'
        """
        return self.node_of(triples[0][0], map(_PREDICATE_OBJECT, triples))

    def object_value(self, key: str, text: str) -> str:
        """The JSON of an object under ``key``, as :meth:`node_of` writes it."""
        if key == "@type":
            return _STRING(self.vocab(text) if text[0] == "<" else text)
        return self.value(key, text)

    def node_of(self, subject: str, pairs: Iterable[tuple[str, str]]) -> str:
        """:meth:`node` of a subject and its sorted (predicate, object) pairs."""
        keys = self.keys.get
        node: dict[str, list[str]] = {}
        for p, o in pairs:
            key = keys(p) or self.key(p)
            value = self.object_value(key, o)
            values = node.get(key)
            if values is None:
                node[key] = [value]
            else:
                values.append(value)
        parts = [f'{{"@id": {_STRING(self.iri(subject) if subject[0] == "<" else subject)}']
        for key, values in node.items():
            text = values[0] if len(values) == 1 else _array(values)
            parts.append(f"{_STRING(key)}: {text}")
        return ", ".join(parts) + "}"


class SubjectTexts:
    """A subject's text in graph.ttl (:func:`turtle_text`) and its node in graph.jsonld
    (:meth:`_JsonTerms.node_of`), made in one pass over its sorted (predicate, object) pairs: what a
    build writes of every subject (graph/sharded.py).

    Most objects come again under the same predicate (a release's IRI, a class, a person, a place,
    a date, an offset): each predicate keeps its objects' Turtle text and JSON value, looked up
    once instead of made twice again. Objects longer than :data:`HELD_OBJECT` (a sentence, a body
    text) are made each time; :meth:`forget` bounds the rest.

    >>> terms = _JsonTerms({"gov": "https://w3id.org/govkg/def#", "name": {"@id": "gov:name"}})
    >>> texts = SubjectTexts(_Names(terms.prefixes), terms)
    >>> name = "<https://w3id.org/govkg/def#name>"
    >>> ttl, node = texts.of("<https://w3id.org/govkg/def#a>", [(name, '"甲"'), (name, '"乙"@zh')])
    >>> print(ttl)
    <BLANKLINE>
    gov:a gov:name "甲" ,
            "乙"@zh .
    <BLANKLINE>
    >>> node
    '{"@id": "gov:a", "name": ["甲", {"@value": "乙", "@language": "zh"}]}'
    """

    def __init__(self, names: _Names, terms: _JsonTerms) -> None:
        self.names, self.terms = names, terms
        # predicate -> what opens it in Turtle (first, then after another), its JSON key as it opens
        # its values, and its objects: N-Triples -> (Turtle, JSON)
        self.predicates: dict[str, tuple[str, str, str, str, dict[str, tuple[str, str]]]] = {}
        self.held = 0  # objects held, under every predicate

    def of(self, subject: str, pairs: list[tuple[str, str]]) -> tuple[str, str]:
        """The subject's text in graph.ttl and in graph.jsonld."""
        if self.terms.shared_keys:  # node_of merges the values of two predicates
            return turtle_text(subject, pairs, self.names), self.terms.node_of(subject, pairs)
        names, terms = self.names, self.terms
        known = self.predicates.get
        turtle = ["\n", names.cache.get(subject) or names.iri(subject)]
        add = turtle.extend
        node = ['{"@id": ', _STRING(terms.compacted_iri(subject) if subject[0] == "<" else subject)]
        last_p = None
        name = ""  # the JSON key of last_p, as it opens its values
        values: list[str] = []
        for p, o in pairs:
            if p != last_p:
                first, after, opened, key, objects = known(p) or self._predicate(p)
                if last_p is None:
                    head = first
                else:
                    node += (", ", name, values[0] if len(values) == 1 else _array(values))
                    head = after
                name = opened
                values = []
                last_p = p
            else:
                head = " ,\n        "
            held = objects.get(o)
            if held is None:
                held = (names.object(o), terms.object_value(key, o))
                if len(o) <= HELD_OBJECT:
                    objects[o] = held
                    self.held += 1
            add((head, held[0]))
            values.append(held[1])
        if values:
            node += (", ", name, values[0] if len(values) == 1 else _array(values))
        if self.terms.shared_keys:  # found among these pairs' predicates
            return self.of(subject, pairs)
        turtle.append(" .\n")
        node.append("}")
        return "".join(turtle), "".join(node)

    def _predicate(self, predicate: str) -> tuple[str, str, str, str, dict[str, tuple[str, str]]]:
        short = self.names.predicate(predicate)
        key = self.terms.key(predicate)
        found = self.predicates[predicate] = (f" {short} ", f" ;\n    {short} ", f"{_STRING(key)}: ", key, {})
        return found

    def forget(self, most: int) -> None:
        """Drop the objects held once there are more than ``most``."""
        if self.held > most:
            for *_, objects in self.predicates.values():
                objects.clear()
            self.held = 0


HELD_OBJECT = 200  # the longest object (N-Triples characters) whose texts SubjectTexts keeps


def _array(values: list[str]) -> str:
    return f"[{', '.join(values)}]"


# What a literal's quoted form may not hold where it is also its lexical form's JSON string: an
# escape (N-Triples and JSON escape apart) or a control character (JSON escapes every one).
_NOT_JSON = re.compile(r"[\\\x00-\x1f]")


# A string as JSON, as json.dumps(..., ensure_ascii=False) writes it.
_STRING = json.encoder.encode_basestring


def jsonld_head(context: dict) -> str:
    """graph.jsonld up to its first node.

    The nodes follow, joined by :data:`JSONLD_SEPARATOR`, then :data:`JSONLD_TAIL`.
    """
    entries = ",\n".join(
        f"    {json.dumps(term)}: {json.dumps(definition, ensure_ascii=False)}"
        for term, definition in context.items()
    )
    return f'{{\n  "@context": {{\n{entries}\n  }},\n  "@graph": [\n    '


JSONLD_SEPARATOR = ",\n    "
JSONLD_TAIL = "\n  ]\n}\n"


@_writer(paused=True)
def jsonld(shared: SharedWork) -> str:
    """``graph.jsonld``: the whole graph, compacted with govkg's context, one node a line.

    Nodes come in the order of their IRIs, properties in the order of theirs;
    a property with one value has it bare, with several, in an array.
    """
    context = jsonld_context()
    terms = _JsonTerms(context)
    nodes = JSONLD_SEPARATOR.join(terms.node(group) for group in subject_groups(shared.canonical.triples))
    return jsonld_head(context) + nodes + JSONLD_TAIL


@_writer
def identity(shared: SharedWork) -> str:
    """``identity.tsv``: which node each mention went to and why (the resolved corpus's report)."""
    return identity_report(shared.result.resolved)


@_writer(paused=True)
def html(shared: SharedWork) -> str:
    """``graph.html``: the interactive view of the analysed network."""
    return view.html(shared.network[0])


@_writer
def gexf(shared: SharedWork) -> Iterator[str]:
    """``graph.gexf``: the analysed network for Gephi."""
    return network.gexf_lines(shared.network[0], network.latest_date(shared.graph))


@_writer
def graphml(shared: SharedWork) -> Iterator[str]:
    """``graph.graphml``: the analysed network as GraphML."""
    return network.graphml_lines(shared.network[0])


# The files of a build, filled in one place: a renamed writer fails here, at import.
WRITERS: dict[str, Writer] = {
    "graph.ttl": turtle,
    "graph.trig": trig,
    "graph.jsonld": jsonld,
    "graph.nt": ntriples,
    "graph.html": html,
    "graph.gexf": gexf,
    "graph.graphml": graphml,
    "identity.tsv": identity,
}
