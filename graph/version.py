"""govkg's version: the software agent of every build (``graph/rdf.py``) and ``govkg --version``.

A module of its own, importing nothing, so that any module can read it
without importing the ``govkg.graph`` package's API first.
"""

__version__ = "0.1.0"
