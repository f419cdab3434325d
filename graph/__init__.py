"""Records to graphs and the files users open: RDF, views, queries, the command.

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
