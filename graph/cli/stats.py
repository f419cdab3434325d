"""``govkg stats [GRAPH]``: rank officials, and export the network for Gephi."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from govkg.graph.cli.common import (
    EXIT_FAIL,
    EXIT_OK,
    EXIT_USAGE,
    error,
    graph_argument,
    tables_or_fail,
)
from govkg.graph.network import NETWORKS, format_stats, stats_json
from govkg.graph.outputs import atomic_write
from govkg.graph.sharded import tables_of
from govkg.graph.tables import exports, gexf_of_tables, graphml_of_tables, rankings, tables_stats

HELP = "rank officials: most active, most central, communities"


def stats_arguments(parser: argparse.ArgumentParser) -> None:
    graph_argument(parser)
    parser.add_argument("--top", type=int, default=10, help="rows per ranking (default: 10)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")
    parser.add_argument("--gexf", type=Path, default=None, help="also write the network as GEXF (Gephi)")
    parser.add_argument("--graphml", type=Path, default=None, help="also write the network as GraphML")
    parser.add_argument(
        "--network",
        choices=list(NETWORKS),
        default="knowledge",
        help="which network --gexf/--graphml write: every kind of node (default), "
        "officials and events, or officials linked by shared events",
    )


def stats_cli(args: argparse.Namespace) -> int:
    if args.top < 1:
        error("--top must be at least 1")
        return EXIT_USAGE
    with tables_or_fail(args.graph, tables_of, "stats") as tables:
        if tables is None:
            return EXIT_FAIL
        figures = rankings(tables, keep_ties=True)
        stats = tables_stats(tables, figures)
        if args.json:
            print(json.dumps(stats_json(stats, args.top), ensure_ascii=False, indent=1))
        else:
            print(format_stats(stats, args.top), end="")
        del stats
        try:
            if args.gexf or args.graphml:
                export = exports(tables, figures, args.network)
                if args.gexf:
                    atomic_write(args.gexf, gexf_of_tables(export))
                if args.graphml:
                    atomic_write(args.graphml, graphml_of_tables(export))
        except OSError as exc:
            error(f"cannot write: {exc}")
            return EXIT_FAIL
    return EXIT_OK
