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

import sys
import types

from govkg.graph.version import __version__

# Imported when first used (PEP 562), so that a command that only queries a
# build (``govkg query``, ``person``) does not load extraction and the writers
# (a fifth of a second of its start).
_LAZY = {
    "BuildResult": "govkg.graph.build",
    "build": "govkg.graph.build",
    "build_records": "govkg.graph.build",
    "sample_paths": "govkg.graph.build",
    "write_outputs": "govkg.graph.outputs",
}

__all__ = ["BuildResult", "__version__", "build", "build_records", "sample_paths", "write_outputs"]


def __getattr__(name: str):
    if name not in _LAZY:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(_LAZY[name]), name)
    globals()[name] = value
    return value


class _Package(types.ModuleType):
    """This package, where importing the submodule ``build`` leaves ``govkg.graph.build`` the function.

    The import system sets a package's attribute to each submodule it loads;
    the names this package exports from a submodule of the same name keep
    meaning what they did when it imported them at once.
    """

    def __setattr__(self, name: str, value) -> None:
        if name in _LAZY and isinstance(value, types.ModuleType) and value.__name__ == _LAZY[name]:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
