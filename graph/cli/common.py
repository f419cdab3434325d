"""What the commands share: exit statuses, the GRAPH argument, messages on stderr.

Exit status, the same in every command (:data:`EXIT_STATUS`): 0 everything
read and written; 1 a failure (nothing built, a graph that cannot be parsed, a
file that cannot be written, a graph that does not conform, nothing found); 2 a
usage error (a bad flag or value, an input or GRAPH that does not exist or is
not a graph); 3 the build finished but skipped some inputs; 130 / 143 interrupted
(Ctrl-C / SIGTERM).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from govkg.graph.progress import on_terminal, phase
from govkg.graph.store import GraphSourceError, rdf_format

if TYPE_CHECKING:
    from govkg.graph.tables import Tables

EXIT_OK, EXIT_FAIL, EXIT_USAGE, EXIT_SKIPPED = 0, 1, 2, 3
EXIT_INTERRUPTED = 130

EXIT_STATUS = """exit status (every command):
  0    done: everything read and written
  1    failed: nothing could be built, a graph could not be parsed, a file could not be
       written, the graph does not conform, nothing was found
  2    usage error: a bad flag or value, an input or GRAPH that does not exist or is no graph
  3    built, but some inputs were skipped (named on stderr)
  130  interrupted by Ctrl-C (143: by SIGTERM)"""

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


def graph_problem(graph: Path | str | None) -> str | None:
    """What is wrong with a GRAPH argument before it is read, in the same words for every command.

    A GRAPH is a build folder (holding ``graph.ttl``) or a graph file of a type
    govkg reads (by its extension); None when it is one, or not given.
    """
    if graph is None:
        return None
    path = Path(graph)
    if not path.exists():
        return f"{path}: no such graph file or build folder"
    if path.is_dir():
        if not (path / "graph.ttl").is_file():
            return f"{path}: not a build folder (no graph.ttl in it)"
        return None
    try:
        rdf_format(path)
    except GraphSourceError as exc:
        return str(exc)
    return None


def error(message: str, command: str = "") -> None:
    """Say what went wrong on stderr, as ``govkg[ COMMAND]: message``."""
    print(f"govkg{' ' + command if command else ''}: {message}", file=sys.stderr)


@contextlib.contextmanager
def tables_or_fail(
    path: Path, tables_of: Callable[[Path], contextlib.AbstractContextManager[Tables]], command: str = ""
) -> Iterator[Tables | None]:
    """What a network command reads: the network tables of a build folder or graph file, made by
    ``tables_of`` (:func:`~govkg.graph.sharded.tables_of`, which the command imports: a build's
    from its shards' rows, never a graph in memory), removed after; None when they cannot be
    made, the problem said on stderr."""
    problem = graph_problem(path)
    if problem:
        error(problem, command)
        yield None
        return
    stack = contextlib.ExitStack()
    try:
        with phase(f"reading {path}", on_terminal()):
            tables = stack.enter_context(tables_of(path))
    except Exception as exc:  # a parse error names the file and the problem
        stack.close()
        error(f"{path}: cannot read the graph: {exc}", command)
        yield None
        return
    with stack:
        yield tables
