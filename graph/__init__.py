"""Records to graphs and the files users open: RDF, views, queries, the command.

This package knows RDF, networks and files, and no Chinese: it takes the
resolved ``Corpus`` of :mod:`govkg.extract` and decides only how it is
written. ``rdf`` maps it to one graph in one pass (``iris`` mints the IRIs);
``outputs`` writes the files from a registry of writers; ``network`` and
``view`` derive views from the graph, never from the records; ``sparql``,
``store`` and ``server`` query it; ``check`` validates it; ``cli`` is the
command, a thin shell over these functions.

The Python API::

    from govkg.graph import build, write_outputs
    result = build(["releases/"])        # files and folders
    result.graph                          # an rdflib Graph
    write_outputs(result, "output/")      # graph.ttl and friends
"""

from govkg.graph.build import BuildResult, build, build_records, sample_paths
from govkg.graph.outputs import write_outputs
from govkg.graph.version import __version__

__all__ = ["BuildResult", "__version__", "build", "build_records", "sample_paths", "write_outputs"]
