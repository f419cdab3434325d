"""``govkg check [GRAPH]``: validate a graph against the SHACL shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from govkg.graph.check import check, format_report, shapes_graph
from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, EXIT_USAGE, error, graph_argument
from govkg.graph.progress import on_terminal, phase
from govkg.graph.store import read_graph

HELP = "validate a graph against the SHACL shapes"


def check_arguments(parser: argparse.ArgumentParser) -> None:
    graph_argument(parser)
    parser.add_argument(
        "--shapes", type=Path, default=None, help="SHACL shapes (default: ontology/shapes.ttl)"
    )
    parser.add_argument("--limit", type=int, default=10, help="example nodes shown per kind of violation")
    parser.add_argument(
        "--inference",
        choices=("none", "rdfs"),
        default="none",
        help="expand the graph with what ontology/gov.ttl entails first, as linked-data tools do",
    )


def check_cli(args: argparse.Namespace) -> int:
    try:
        with phase(f"reading {args.graph}", on_terminal()):
            graph = read_graph(args.graph)
    except (OSError, SyntaxError, ValueError) as exc:
        error(f"cannot read {args.graph}: {exc}", "check")
        return EXIT_FAIL
    try:
        shapes = shapes_graph(args.shapes)
    except (OSError, SyntaxError, ValueError) as exc:
        error(f"cannot read the shapes {args.shapes}: {exc}")
        return EXIT_USAGE
    with phase("checking (SHACL" + (", RDFS inference)" if args.inference != "none" else ")"), on_terminal()):
        report = check(graph, shapes, inference=args.inference)
    print(format_report(report, args.limit))
    return EXIT_OK if report.conforms else EXIT_FAIL
