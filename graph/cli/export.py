"""``govkg export [GRAPH] --format csv|parquet|neo4j -o FOLDER``: the graph as tables."""

from __future__ import annotations

import argparse
from pathlib import Path

from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, error, graph_argument
from govkg.graph.export import FORMATS, neo4j_import_command, write_export
from govkg.graph.progress import on_terminal, phase
from govkg.graph.sparql import QueryError

HELP = "write the graph as tables: CSV, Parquet, or Neo4j import files"


def export_arguments(parser: argparse.ArgumentParser) -> None:
    graph_argument(parser)
    parser.add_argument("-f", "--format", choices=FORMATS, default="csv", help="table format (default: csv)")
    parser.add_argument(
        "-o", "--output", type=Path, default=Path("tables"), help="folder to write (default: ./tables)"
    )


def export_cli(args: argparse.Namespace) -> int:
    try:
        with phase(f"exporting {args.format} tables", on_terminal()):
            written = write_export(args.graph, args.output, args.format)
    except QueryError as exc:
        error(str(exc), "export")
        return EXIT_FAIL
    except OSError as exc:
        error(f"cannot write to {args.output}: {exc}", "export")
        return EXIT_FAIL
    for path in written:
        print(f"  wrote {path}")
    if args.format == "neo4j":
        print("load into Neo4j 5 (stopped, the database empty or replaced) with:")
        print(neo4j_import_command(args.output))
    return EXIT_OK
