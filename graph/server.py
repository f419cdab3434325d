"""``govkg serve``: a graph as a read-only SPARQL 1.1 Protocol endpoint.

Queries come by GET (``?query=``) or POST (a form, or ``application/sparql-query``)
at ``/sparql`` (also at ``/``); the answer's format follows the Accept header
(or a ``format`` / ``output`` parameter): SPARQL JSON, XML, CSV or TSV results,
Turtle, N-Triples, JSON-LD or RDF/XML graphs. Every response allows any origin
(CORS), so browser tools such as YASGUI can use the endpoint; a browser that
asks for the page without a query gets a small query form. A parameter ``$VAR``
binds the query's variable ``?VAR`` (the convention of RDF4J's protocol), as
``govkg query --bind`` does: the engine binds it, nothing is pasted into the query
text, and a named query's name given as a plain string is tried as the graph
writes it, then plain. Updates are refused
(403), and so are federated queries (SERVICE) unless ``--allow-service``: the
server makes no requests of its own.

One query cannot take the server down: each runs in a worker process holding
its own copy of the graph (or the persistent store, read-only), and a worker
that has not answered within the time limit is killed and replaced, since a
pyoxigraph query cannot be interrupted from another thread. A result with more
rows or triples than allowed is refused rather than built in memory.
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import queue
import re
import signal
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from rdflib import URIRef

from govkg.graph.pages import Pages, media_ranges, rebase, respond, unbase
from govkg.graph.sparql import (
    NamedQuery,
    QueryError,
    ResultTooLarge,
    check_nesting,
    format_result,
    graph_file,
    named_queries,
    open_store,
    open_store_read_only,
    page_index,
    parse_binding,
    query_store,
)

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/xml": "rdfxml",
}
MEDIA_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv; charset=utf-8",
    "tsv": "text/tab-separated-values; charset=utf-8",
    "turtle": "text/turtle; charset=utf-8",
    "nt": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# Short names clients put in a format= or output= parameter (SPARQLWrapper, Virtuoso habits).
FORMAT_NAMES = {
    "json": "json",
    "xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "json-ld": "jsonld",
    "jsonld": "jsonld",
    "rdf+xml": "rdfxml",
    "rdfxml": "rdfxml",
}
MAX_BODY = 1 << 20  # bytes of a POSTed query
READ_TIMEOUT = 10.0  # seconds a connection may take to send a request, or sit idle between two
MAX_CONNECTIONS = 64  # connections served at once; more are answered 503 and closed


def body_length(value: str | None) -> tuple[int | None, HTTPStatus | None, str]:
    """A POST's Content-Length, checked before anything is read: (length, None, "") or (None, status, why).

    >>> body_length("12"), [int(body_length(v)[1]) for v in (None, "-1", "abc", "99999999")]
    ((12, None, ''), [411, 400, 400, 413])
    """
    if value is None:
        return None, HTTPStatus.LENGTH_REQUIRED, "a POST needs a Content-Length"
    value = value.strip()
    if not value.isascii() or not value.isdigit():
        return None, HTTPStatus.BAD_REQUEST, f"Content-Length must be a number of bytes, not {value[:20]!r}"
    length = int(value)
    if length > MAX_BODY:
        return None, HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "the request is too large"
    return length, None, ""


def negotiate(accept: str | None, kind: str, requested: str | None = None) -> str:
    """The result format for a query result of ``kind``, from the Accept header or a format parameter.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "solutions")
    'xml'
    >>> negotiate("*/*", "graph")
    'turtle'
    >>> negotiate(None, "solutions", requested="csv")
    'csv'
    """
    table = GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES
    if requested:
        name = FORMAT_NAMES.get(requested.lower()) or table.get(requested.lower())
        if name in (GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES).values():
            return name
    ranges = enumerate(media_ranges(accept))
    choices = [(-weight, position, media) for position, (media, weight) in ranges if weight > 0]
    for _, _, media in sorted(choices):
        if media in table:
            return table[media]
    return "turtle" if kind == "graph" else "json"


# The parts of a query that may contain the word SERVICE without meaning it: IRIs,
# strings (long ones first), comments.
_NOT_KEYWORDS = re.compile(
    "|".join(
        [
            r'<[^<>"{}|^`\\\s]*>',  # an IRI
            "'{3}.*?'{3}",
            '"{3}.*?"{3}',
            r"'(?:[^'\\\n]|\\.)*'",
            r'"(?:[^"\\\n]|\\.)*"',
            r"#[^\n]*",  # a comment
        ]
    ),
    re.DOTALL,
)
_SERVICE = re.compile(r"(?<![\w:?$-])service(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a query has a SERVICE clause (a federated query that fetches another endpoint).

    >>> uses_service("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    True
    >>> uses_service('SELECT ?service { ?service <http://x/service> "SERVICE" } # SERVICE')
    False
    """
    return bool(_SERVICE.search(_NOT_KEYWORDS.sub(" ", query)))


# ---------------------------------------------------------------------------
# Worker processes


def bindings_of(params: dict[str, list[str]], base: str | None = None) -> dict:
    """The ``$VAR=VALUE`` parameters of a request as bindings, each value read as ``govkg query
    --bind`` reads it (a plain string, ``<IRI>`` or an N-Triples literal); an IRI as served
    here is the graph's own. Raises QueryError for a value that cannot be read or given twice.

    >>> bindings_of({"query": ["…"], "$name": ["何平"], "$person": ["<http://h/id/person/x>"]}, "http://h")
    {'name': rdflib.term.Literal('何平'), 'person': rdflib.term.URIRef('https://w3id.org/govkg/id/person/x')}
    """
    bindings = {}
    for key, values in params.items():
        if not key.startswith("$"):
            continue
        if len(values) != 1:
            raise QueryError(f"the parameter {key} is given {len(values)} times; give it once")
        if "=" in key:  # the name is the key's, whole: $a%3Db=c is no binding of ?a to "b=c"
            raise QueryError(f"a binding is var=value, not {key[1:]!r}={values[0]!r}")
        name, value = parse_binding(f"{key[1:]}={values[0]}")
        if isinstance(value, URIRef):
            value = URIRef(unbase(str(value), base))
        bindings[name] = value
    return bindings


def _worker(conn, graph: str, store: str | None, max_results: int) -> None:
    """A worker process: load the graph, then answer queries from the pipe until it closes.

    A query whose text is a named query's is run as that named query, so that its
    parameters bind as ``govkg query`` binds them (:func:`govkg.graph.sparql.parameter_values`).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the server's to handle
    named: dict[str, NamedQuery] = {query.text: query for query in named_queries().values()}

    try:
        source = open_store_read_only(store) if store else open_store(graph)
        index = None if store else page_index(graph)  # a build's: co-attendance read in order
    except Exception as exc:  # report any load failure to the server, which gives up
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", None))
    while True:
        try:
            text, bindings, accept, requested = conn.recv()
        except (EOFError, OSError):
            return
        try:
            result = query_store(source, named.get(text, text), bindings, limit=max_results, index=index)
            fmt = negotiate(accept, result.kind, requested)
            answer = (HTTPStatus.OK, MEDIA_TYPES[fmt], format_result(result, fmt).encode("utf-8"))
        except ResultTooLarge as exc:
            answer = (HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", f"{exc}\n".encode())
        except QueryError as exc:
            answer = (HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", f"{exc}\n".encode())
        except Exception as exc:  # the worker survives whatever one query does
            answer = (HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", f"{exc}\n".encode())
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return


@dataclass(frozen=True)
class Answer:
    status: int
    media_type: str
    body: bytes


def _text_answer(status: HTTPStatus, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", f"{message}\n".encode())


class WorkerPool:
    """Worker processes that run queries with a time limit, each replaced when killed.

    One more worker than ``size`` is kept loaded and waiting: a worker killed
    for the time limit is replaced by it at once, and a new spare loads in the
    background. Without it, a query run again and again past the limit would
    leave the others one worker short for as long as a worker takes to start
    and load the graph (a second or more), and every query would queue.
    """

    def __init__(self, graph: str | Path, store: str | Path | None, size: int, max_results: int) -> None:
        self._context = multiprocessing.get_context("spawn")  # no fork of a threaded server
        self._args = (str(graph), str(store) if store else None, max_results)
        self._idle: queue.Queue = queue.Queue()
        self._spares: queue.Queue = queue.Queue()
        self._processes: set = set()
        self._lock = threading.Lock()
        self._failure: str | None = None
        self._ready = threading.Semaphore(0)
        self._closed = False
        for _ in range(size):
            self._start()
        self._start(spare=True)

    def _start(self, spare: bool = False) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker, args=(child, *self._args), daemon=True)
        process.start()
        child.close()
        with self._lock:
            self._processes.add(process)
        threading.Thread(target=self._await_ready, args=(process, parent, spare), daemon=True).start()

    def _replace(self) -> None:
        """A worker was stopped: the spare takes its place, and a new spare starts loading."""
        try:
            self._idle.put(self._spares.get_nowait())
            self._start(spare=True)
        except queue.Empty:  # the spare is still loading: it becomes a worker when ready
            self._start()

    def _await_ready(self, process, conn, spare: bool = False) -> None:
        try:
            status, detail = conn.recv()
        except (EOFError, OSError):
            status, detail = "error", f"worker exited with status {process.exitcode}"
        if status == "ready" and not self._closed:
            (self._spares if spare else self._idle).put((process, conn))
            if spare:
                return  # not counted by wait_ready
        else:
            self._failure = detail
            self._stop(process, conn)
        self._ready.release()

    def _stop(self, process, conn) -> None:
        process.kill()
        process.join()
        conn.close()
        with self._lock:
            self._processes.discard(process)

    def wait_ready(self, count: int) -> str | None:
        """Wait until ``count`` workers have loaded the graph or failed; the failure, if any."""
        for _ in range(count):
            self._ready.acquire()
        return self._failure

    def run(
        self,
        text: str,
        accept: str | None,
        requested: str | None,
        timeout: float,
        bindings: dict | None = None,
    ) -> Answer:
        """Run one query in an idle worker; kill it if it is not done within ``timeout`` seconds."""
        try:
            process, conn = self._idle.get(timeout=timeout)
        except queue.Empty:
            return _text_answer(HTTPStatus.SERVICE_UNAVAILABLE, "every worker is busy; try again later")
        try:
            conn.send((text, bindings or {}, accept, requested))
            if conn.poll(timeout):
                status, media_type, body = conn.recv()
                self._idle.put((process, conn))
                return Answer(status, media_type, body)
        except (EOFError, OSError):
            self._stop(process, conn)
            self._replace()
            return _text_answer(HTTPStatus.INTERNAL_SERVER_ERROR, "the query worker failed")
        self._stop(process, conn)
        self._replace()
        return _text_answer(
            HTTPStatus.SERVICE_UNAVAILABLE, f"query stopped: it ran longer than the {timeout:g} s time limit"
        )

    def close(self) -> None:
        self._closed = True
        with self._lock:
            processes = list(self._processes)
        for process in processes:
            process.kill()
            process.join()


# ---------------------------------------------------------------------------
# HTTP


def query_page() -> bytes:
    """The browser page: a query box, the named queries to start from, results as a table."""
    queries = {
        name: {"text": query.text, "parameters": dict(query.parameters), "languages": dict(query.languages)}
        for name, query in named_queries().items()
    }
    data = json.dumps(queries, ensure_ascii=False).replace("</", "<\\/")
    return _PAGE.replace("__QUERIES__", data).encode("utf-8")


_PAGE = r"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>govkg SPARQL</title>
<style>
body{font-family:system-ui,sans-serif;margin:1.5em;max-width:80em}
textarea{width:100%;height:16em;font-family:monospace;font-size:13px}
table{border-collapse:collapse;margin-top:1em;font-size:13px}
td,th{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
#status{margin-left:1em;color:#555}
#params label{display:inline-block;margin:0 1.2em .4em 0}#params input{width:12em}
</style></head><body>
<h1>govkg SPARQL</h1>
<p>Read-only endpoint: <code>/sparql</code> (GET or POST, SPARQL 1.1 Protocol).
Start from a named query: <select id="named"><option value="">…</option></select></p>
<div id="params"></div>
<textarea id="query">SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 20</textarea>
<p><button id="run">Run</button><span id="status"></span></p>
<div id="out"></div>
<script>
const queries = __QUERIES__;
const named = document.getElementById("named"), box = document.getElementById("query");
for (const name of Object.keys(queries)) {
  const o = document.createElement("option"); o.textContent = name; named.appendChild(o);
}
const params = document.getElementById("params");
named.onchange = () => {
  params.textContent = "";
  if (!named.value) return;
  box.value = queries[named.value].text;
  // A field for each parameter; a filled one is sent as $name, which the server binds (as --bind).
  for (const [name, help] of Object.entries(queries[named.value].parameters)) {
    const label = document.createElement("label"), input = document.createElement("input");
    label.textContent = "?" + name + " "; label.title = help;
    input.name = name; input.placeholder = help.split(",")[0].split("(")[0].trim();
    label.appendChild(input); params.appendChild(label);
  }
};
// An IRI as a short readable link: to its page on this server when it is one of ours.
const ours = location.origin + "/id/", w3id = "https:/" + "/w3id.org/govkg/id/";
function cell(td, binding) {
  if (!binding) return;
  if (binding.type !== "uri") { td.textContent = binding.value; return; }
  let iri = binding.value, href = iri, text = iri;
  for (const base of [ours, w3id]) {
    if (iri.startsWith(base)) {
      href = "/id/" + iri.slice(base.length);
      try { text = decodeURIComponent(iri.slice(base.length)); } catch (e) { text = iri.slice(base.length); }
    }
  }
  if (text === iri) { try { text = decodeURI(iri); } catch (e) { /* keep it */ } }
  const a = document.createElement("a"); a.href = href; a.textContent = text; a.title = iri;
  td.appendChild(a);
}
// The query, and each filled parameter as $name: a plain value (何平), <IRI> or "literal"@zh.
function request() {
  const body = new URLSearchParams({query: box.value});
  for (const input of params.querySelectorAll("input")) {
    if (input.value.trim()) body.append("$" + input.name, input.value.trim());
  }
  return body;
}
document.getElementById("run").onclick = async () => {
  const status = document.getElementById("status"), out = document.getElementById("out");
  status.textContent = "running…"; out.textContent = "";
  const started = performance.now();
  const response = await fetch("sparql", {method: "POST",
    headers: {"Content-Type": "application/x-www-form-urlencoded",
              "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
    body: request()});
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const type = response.headers.get("Content-Type") || "";
  if (!response.ok || !type.includes("json")) {
    const pre = document.createElement("pre"); pre.textContent = await response.text(); out.appendChild(pre);
    status.textContent = response.status + " " + response.statusText + ", " + seconds + " s"; return;
  }
  const data = await response.json();
  if ("boolean" in data) {
    out.textContent = String(data.boolean); status.textContent = seconds + " s"; return;
  }
  const table = document.createElement("table"), head = table.insertRow();
  for (const v of data.head.vars) {
    const th = document.createElement("th"); th.textContent = v; head.appendChild(th);
  }
  for (const row of data.results.bindings) {
    const tr = table.insertRow();
    for (const v of data.head.vars) cell(tr.insertCell(), row[v]);
  }
  out.appendChild(table);
  status.textContent = data.results.bindings.length + " rows, " + seconds + " s";
};
</script></body></html>
"""


class SparqlHandler(BaseHTTPRequestHandler):
    """The SPARQL 1.1 Protocol, query operation only."""

    server: SparqlServer
    server_version = "govkg-sparql"
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.read_timeout  # every read of this connection, idle keep-alive too
        super().setup()

    def _send(self, answer: Answer, head_only: bool = False) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.media_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Vary", "Accept")
        if answer.status == HTTPStatus.METHOD_NOT_ALLOWED:
            self.send_header("Allow", "GET, POST, OPTIONS")
        self.end_headers()
        if not head_only:
            self.wfile.write(answer.body)

    def _refuse_update(self) -> None:
        self._send(
            _text_answer(HTTPStatus.FORBIDDEN, "this endpoint is read-only: SPARQL updates are refused")
        )

    def _answer(self, params: dict[str, list[str]]) -> None:
        if "update" in params:
            self._refuse_update()
            return
        texts = params.get("query", [])
        if len(texts) != 1:
            self._send(_text_answer(HTTPStatus.BAD_REQUEST, "give exactly one query parameter"))
            return
        try:
            check_nesting(texts[0])  # before any engine parses it
        except QueryError as exc:
            self._send(_text_answer(HTTPStatus.BAD_REQUEST, str(exc)))
            return
        if not self.server.allow_service and uses_service(texts[0]):
            message = "SERVICE (federated query) is turned off on this endpoint: it would fetch other sites"
            self._send(_text_answer(HTTPStatus.FORBIDDEN, message))
            return
        try:
            bindings = bindings_of(params, self.server.base)
        except QueryError as exc:
            self._send(_text_answer(HTTPStatus.BAD_REQUEST, str(exc)))
            return
        requested = (params.get("format") or params.get("output") or [None])[0]
        text = unbase(texts[0], self.server.base)
        answer = self.server.pool.run(
            text, self.headers.get("Accept"), requested, self.server.time_limit, bindings
        )
        if answer.status == HTTPStatus.OK:  # IRIs as served here, so that they resolve on this server
            answer = Answer(answer.status, answer.media_type, rebase(answer.body, self.server.base))
        self._send(answer)

    def _resource(self, head_only: bool = False) -> bool:
        """Answer for an IRI this server publishes (``/id/…``): its page, or its RDF by the Accept header."""
        path = urlsplit(self.path).path
        if not path.startswith("/id/") or self.server.pages is None:
            return False
        status, media_type, body = respond(
            self.server.pages, path, self.headers.get("Accept"), self.server.base
        )
        self._send(Answer(status, media_type, body), head_only=head_only)
        return True

    def _is_endpoint(self) -> bool:
        if urlsplit(self.path).path in ("/", "/sparql"):
            return True
        self._send(_text_answer(HTTPStatus.NOT_FOUND, "the SPARQL endpoint is /sparql"))
        return False

    def do_GET(self) -> None:
        if self._resource():
            return
        if not self._is_endpoint():
            return
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if "query" in params or "update" in params:
            self._answer(params)
        else:
            self._send(Answer(HTTPStatus.OK, "text/html; charset=utf-8", query_page()))

    def do_HEAD(self) -> None:
        if self._resource(head_only=True):
            return
        if self._is_endpoint():
            self._send(Answer(HTTPStatus.OK, "text/html; charset=utf-8", query_page()), head_only=True)

    def do_POST(self) -> None:
        length, refusal, why = body_length(self.headers.get("Content-Length"))
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            refusal, why = HTTPStatus.LENGTH_REQUIRED, "chunked bodies are not read: send a Content-Length"
        if refusal is not None:
            self.close_connection = True  # the body, if any, is never read
            self._send(_text_answer(refusal, why))
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        if not self._is_endpoint():
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if media == "application/x-www-form-urlencoded":
            for key, values in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(key, []).extend(values)
        elif media == "application/sparql-query":
            params["query"] = [body]
        elif media == "application/sparql-update":
            self._refuse_update()
            return
        else:
            self._send(
                _text_answer(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, f"cannot read a {media or 'bodiless'} POST")
            )
            return
        self._answer(params)

    def do_OPTIONS(self) -> None:
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "86400")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _not_allowed(self) -> None:
        self._send(_text_answer(HTTPStatus.METHOD_NOT_ALLOWED, "read-only endpoint: GET, POST or OPTIONS"))

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def log_message(self, format: str, *args) -> None:
        if not self.server.quiet:
            super().log_message(format, *args)


class SparqlServer(ThreadingHTTPServer):
    """An HTTP server with a :class:`WorkerPool`, a time limit and a quiet switch.

    Each connection is read with a time limit (``read_timeout``: a client
    that sends nothing, or half a request, is dropped) and at most
    ``max_connections`` are served at once, a thread each; a connection
    beyond is answered 503 and closed at once.
    """

    daemon_threads = True

    def __init__(
        self,
        address,
        pool: WorkerPool,
        time_limit: float,
        quiet: bool = False,
        allow_service: bool = False,
        read_timeout: float = READ_TIMEOUT,
        max_connections: int = MAX_CONNECTIONS,
    ) -> None:
        super().__init__(address, SparqlHandler)
        self.pool = pool
        self.time_limit = time_limit
        self.quiet = quiet
        self.allow_service = allow_service
        self.pages: Pages | None = None  # the pages behind the IRIs (govkg.graph.pages)
        self.base: str | None = None  # where the id namespace is served
        self.read_timeout = read_timeout
        self._slots = threading.BoundedSemaphore(max(1, max_connections))

    def process_request(self, request, client_address) -> None:
        if not self._slots.acquire(blocking=False):
            with contextlib.suppress(OSError):
                request.settimeout(1.0)
                body = b"too many connections; try again\n"
                request.sendall(
                    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
                    b"Retry-After: 1\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body)
                )
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def handle_error(self, request, client_address) -> None:
        """A client that went away (reset, broken pipe, read timeout) is no server error to print."""
        import sys

        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()


def make_server(
    graph: str | Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    store: str | Path | None = None,
    time_limit: float = 10.0,
    max_results: int = 10_000,
    workers: int = 2,
    quiet: bool = False,
    allow_service: bool = False,
    base: str | None = None,
    read_timeout: float = READ_TIMEOUT,
    max_connections: int = MAX_CONNECTIONS,
) -> SparqlServer:
    """A SPARQL server for a graph file, its workers loaded; call ``serve_forever()`` on it.

    ``allow_service`` lets queries fetch other endpoints (SERVICE), off by
    default so that the server makes no requests of its own.
    ``store`` is a folder for a persistent store (loaded here once, then opened
    read-only by each worker). Raises :class:`~govkg.graph.sparql.QueryError`
    when the graph cannot be loaded.

    The server also answers for the IRIs of the graph's id namespace
    (``https://w3id.org/govkg/id/``), served under ``base`` + ``/id/``
    (``base`` defaults to the server's own address): a page for a browser,
    RDF for a linked-data client (see :mod:`govkg.graph.pages`). Query
    answers carry the IRIs as served, and queries may name them so.
    """
    graph = graph_file(graph)
    if store is not None:
        open_store(graph, store)  # parse into the store now if it is missing or stale; closed on return
    pool = WorkerPool(graph, store, max(1, workers), max_results)
    failure = pool.wait_ready(max(1, workers))
    if failure:
        pool.close()
        raise QueryError(failure)
    try:
        server = SparqlServer(
            (host, port), pool, time_limit, quiet, allow_service, read_timeout, max_connections
        )
    except OSError:
        pool.close()
        raise
    # The pages read the graph in this process (bound, one-resource queries), from the store if there is one.
    server.pages = Pages(open_store_read_only(store) if store is not None else open_store(graph))
    bound_host, bound_port = server.server_address[:2]
    server.base = (base or f"http://{bound_host}:{bound_port}").rstrip("/")
    return server
