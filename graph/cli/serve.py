"""``govkg serve GRAPH``: a graph as a read-only SPARQL endpoint."""

from __future__ import annotations

import argparse
import signal
from pathlib import Path

from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, error
from govkg.graph.server import MAX_CONNECTIONS, READ_TIMEOUT, make_server
from govkg.graph.sparql import QueryError

HELP = "serve a graph as a read-only SPARQL endpoint"


def serve_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph", type=Path, help="graph file (Turtle, TriG, N-Triples, JSON-LD) or build folder"
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default: loopback only)")
    parser.add_argument(
        "-p", "--port", type=int, default=8000, help="port (default: 8000; 0 picks a free one)"
    )
    parser.add_argument("--store", type=Path, default=None, help="folder of a persistent store of the graph")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds a query may run (default: 10)")
    parser.add_argument(
        "--max-results", type=int, default=10_000, help="most rows or triples in an answer (default: 10000)"
    )
    parser.add_argument("--workers", type=int, default=2, help="query worker processes (default: 2)")
    parser.add_argument(
        "--read-timeout",
        type=float,
        default=READ_TIMEOUT,
        help=f"seconds a connection may send nothing before it is closed (default: {READ_TIMEOUT:g})",
    )
    parser.add_argument(
        "--max-connections",
        type=int,
        default=MAX_CONNECTIONS,
        help=f"connections served at once, 503 beyond (default: {MAX_CONNECTIONS})",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="do not log requests")
    parser.add_argument(
        "--allow-service", action="store_true", help="let queries fetch other endpoints with SERVICE"
    )
    parser.add_argument(
        "--base",
        default=None,
        metavar="URL",
        help="where the IRIs https://w3id.org/govkg/id/… are served, as URL/id/… "
        "(default: this server's own address; https://w3id.org/govkg keeps them as they are)",
    )


def serve_cli(args: argparse.Namespace) -> int:
    try:
        server = make_server(
            args.graph,
            host=args.host,
            port=args.port,
            store=args.store,
            time_limit=args.timeout,
            max_results=args.max_results,
            workers=args.workers,
            quiet=args.quiet,
            allow_service=args.allow_service,
            base=args.base,
            read_timeout=args.read_timeout,
            max_connections=args.max_connections,
        )
    except (QueryError, OSError) as exc:
        error(str(exc), "serve")
        return EXIT_FAIL

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)  # so that workers are stopped too
    host, port = server.server_address[:2]
    print(
        f"govkg serve: SPARQL endpoint at http://{host}:{port}/sparql and the pages of the graph's IRIs "
        f"at {server.base}/id/… (Ctrl-C to stop)",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
