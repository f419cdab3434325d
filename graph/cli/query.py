"""``govkg query GRAPH QUERY|--name NAME``: run a SPARQL query or a named question."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, error
from govkg.graph.sparql import (
    ENGINES,
    GRAPH_FORMATS,
    RESULT_FORMATS,
    NamedQuery,
    QueryError,
    check_nesting,
    format_named_queries,
    format_result,
    load_graph,
    named_query,
    open_store,
    page_index,
    parse_binding,
    query_text,
    run_query,
)

HELP = "run a SPARQL query or a named question on a graph"


def query_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "graph", nargs="?", type=Path, help="graph file (Turtle, TriG, N-Triples, JSON-LD) or build folder"
    )
    parser.add_argument(
        "query", nargs="?", help="a .rq file, the text of a SPARQL query, or - to read it from standard input"
    )
    parser.add_argument("-n", "--name", help="run a named query (see --list)")
    parser.add_argument("--list", action="store_true", help="list the named queries and their parameters")
    parser.add_argument(
        "-b",
        "--bind",
        action="append",
        default=[],
        metavar="VAR=VALUE",
        help="bind a parameter: place=巴中市, person=<IRI>, or an N-Triples literal",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=RESULT_FORMATS + GRAPH_FORMATS,
        default=None,
        help="output format (default: table on a terminal, else tsv; turtle for CONSTRUCT, DESCRIBE)",
    )
    parser.add_argument(
        "--engine", choices=ENGINES, default="oxigraph", help="query engine (default: oxigraph)"
    )
    parser.add_argument(
        "--first",
        type=int,
        default=None,
        metavar="N",
        help="print only the first N rows (the rest are never fetched)",
    )
    parser.add_argument(
        "--offset",
        type=int,
        default=0,
        metavar="M",
        help="skip the first M rows: --offset 200 --first 100 prints rows 201 to 300",
    )
    parser.add_argument(
        "--store", type=Path, default=None, help="folder of a persistent store: the graph is parsed once"
    )


def query_cli(args: argparse.Namespace) -> int:
    if args.list:
        sys.stdout.write(format_named_queries())
        return EXIT_OK
    if args.graph is None or (args.query is None) == (args.name is None):
        error("give GRAPH and either a QUERY (file or text) or --name NAME", "query")
        return EXIT_USAGE
    try:
        if args.name:
            query: str | NamedQuery = named_query(args.name)
        elif args.query == "-":  # the query text on standard input
            query = sys.stdin.read()
        else:
            query = query_text(args.query)  # a file's text, or the query itself (never taken for a path)
        check_nesting(query.text if isinstance(query, NamedQuery) else query)
        bindings = dict(parse_binding(item) for item in args.bind)
        if args.engine == "rdflib" and args.store:
            raise QueryError("--store is for the oxigraph engine")
        if args.first is not None and args.first < 0:
            raise QueryError("--first takes a number of rows, 0 or more")
        if args.offset < 0:
            raise QueryError("--offset takes a number of rows, 0 or more")
    except (QueryError, OSError) as exc:
        error(str(exc), "query")
        return EXIT_USAGE if not isinstance(exc, OSError) else EXIT_FAIL
    try:  # a graph that cannot be read is a failure, as in every command
        source = open_store(args.graph, args.store) if args.engine == "oxigraph" else load_graph(args.graph)
    except QueryError as exc:
        error(str(exc), "query")
        return EXIT_FAIL
    try:
        index = page_index(args.graph) if args.engine == "oxigraph" and not args.store else None
        result = run_query(
            source, query, bindings, engine=args.engine, first=args.first, offset=args.offset, index=index
        )
    except (QueryError, OSError) as exc:
        error(str(exc), "query")
        return EXIT_USAGE if not isinstance(exc, OSError) else EXIT_FAIL
    fmt = args.format or ("table" if sys.stdout.isatty() else "tsv")
    if result.kind != "graph" and fmt in GRAPH_FORMATS:
        error(f"{fmt} is for CONSTRUCT and DESCRIBE results", "query")
        return EXIT_USAGE
    sys.stdout.write(format_result(result, fmt))
    return EXIT_OK
