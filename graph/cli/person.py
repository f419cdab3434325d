"""``govkg person NAME [GRAPH]``: an official's timeline."""

from __future__ import annotations

import argparse

from govkg.graph.careers import format_timeline, timeline
from govkg.graph.cli.common import EXIT_FAIL, EXIT_OK, error, graph_argument
from govkg.graph.sparql import QueryError

HELP = "an official's timeline: posts, events by role, companions"


def person_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the official's name as written, such as 何平")
    graph_argument(parser)
    parser.add_argument("--top", type=int, default=10, help="how many of the people named with them (10)")


def person_cli(args: argparse.Namespace) -> int:
    try:
        lines = timeline(args.graph, args.name, top=args.top)
    except QueryError as exc:
        error(str(exc), "person")
        return EXIT_FAIL
    if not lines:
        error(f"nobody named {args.name} in {args.graph}", "person")
        return EXIT_FAIL
    print("\n\n".join(format_timeline(line) for line in lines))
    return EXIT_OK
