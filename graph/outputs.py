"""Writing a build's files: every output written atomically, deterministically.

Writers are registered in one place, :data:`WRITERS`: output file name ->
``"module:function"``. A writer takes the build result and returns the file's
content (``str`` or ``bytes``); this module writes it to a temporary file and
renames it into place, so a crash or Ctrl-C never leaves a half-written file.
A writer whose module is not part of this version is passed over.
"""

from __future__ import annotations

import importlib
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govkg.graph.build import BuildResult
    from rdflib import Graph

WRITERS: dict[str, str] = {
    "graph.ttl": "govkg.graph.outputs:turtle",
    "graph.trig": "govkg.graph.outputs:trig",
    "graph.jsonld": "govkg.graph.outputs:jsonld",
    "graph.nt": "govkg.graph.outputs:ntriples",
    "graph.html": "govkg.graph.view:html",
    "graph.gexf": "govkg.graph.network:gexf",
    "graph.graphml": "govkg.graph.network:graphml",
    "identity.tsv": "govkg.graph.identity:report",
}


def atomic_write(path: str | Path, data: bytes | str) -> Path:
    """Write a file so that a crash or Ctrl-C never leaves it half-written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def _writer(spec: str):
    module_name, _, function = spec.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name != module_name:
            raise
        return None
    return getattr(module, function, None)


def write_outputs(result: BuildResult, outdir: str | Path, only: list[str] | None = None) -> dict[str, Path]:
    """Write the files of a build into ``outdir``; returns file name -> path written."""
    outdir = Path(outdir)
    written = {}
    for name, spec in WRITERS.items():
        if only is not None and name not in only:
            continue
        writer = _writer(spec)
        if writer is None:
            continue
        written[name] = atomic_write(outdir / name, writer(result))
    return written


def serialize_turtle(graph: Graph) -> str:
    """Deterministic Turtle: rdflib's sorted ``longturtle`` serialiser."""
    return graph.serialize(format="longturtle")


def turtle(result: BuildResult) -> str:
    return serialize_turtle(result.graph)
