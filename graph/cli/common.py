"""What the commands share: exit statuses, the GRAPH argument, messages on stderr.

Exit status: 0 everything read and written; 1 a failure (nothing built, a
file that cannot be written, a graph that does not conform); 2 a usage
error; 3 the build finished but skipped some inputs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rdflib import Graph

from govkg.graph.store import read_graph

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130

# Where ``govkg build`` writes its graph, and where the other commands look for one.
DEFAULT_GRAPH = Path("output") / "graph.ttl"


def graph_argument(parser: argparse.ArgumentParser) -> None:
    """The optional GRAPH argument of the commands that read a built graph."""
    parser.add_argument(
        "graph",
        nargs="?",
        type=Path,
        default=DEFAULT_GRAPH,
        help=f"build folder or graph file: .ttl, .trig, .nt, .nq or .jsonld (default: {DEFAULT_GRAPH}; "
        "SPARQL reads a build through its store)",
    )


def error(message: str, command: str = "") -> None:
    """Say what went wrong on stderr, as ``govkg[ COMMAND]: message``."""
    print(f"govkg{' ' + command if command else ''}: {message}", file=sys.stderr)


def load_or_fail(path: Path) -> Graph | None:
    """Read a graph file for a command, or say why not on stderr."""
    if not path.exists():
        error(f"{path}: no such file (run govkg build first)")
        return None
    try:
        return read_graph(path)
    except Exception as exc:  # a parse error names the file and the problem
        error(f"{path}: cannot read the graph: {exc}")
        return None
