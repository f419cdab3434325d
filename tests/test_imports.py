"""Imports: at the top of each module, pointing one way, with no cycle.

The dependency graph of govkg's modules is read from their source (module-level
imports; a ``TYPE_CHECKING`` block is for annotations only), so a cycle fails
here even where Python would happen to tolerate it.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = {"extract": "govkg.extract", "graph": "govkg.graph", "ontology": "govkg.ontology"}


def _modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = [p for p in path.relative_to(ROOT / folder).with_suffix("").parts if p != "__init__"]
            found[".".join([package, *parts])] = path
    return found


MODULES = _modules()


def _imports(body: list[ast.stmt], top: bool = True):
    """(imported module, at module level?) for every govkg import in a body of statements."""
    for node in body:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("govkg"):
            for alias in node.names:  # `from govkg.graph import view` imports the module govkg.graph.view
                name = f"{node.module}.{alias.name}"
                yield (name if name in MODULES else node.module), top, node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("govkg"):
                    yield alias.name, top, node.lineno
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            yield from _imports(node.body, False)
        else:
            for field in ("body", "orelse", "finalbody", "handlers"):
                inner = getattr(node, field, None)
                if isinstance(inner, list):
                    yield from _imports([n for n in inner if isinstance(n, ast.AST)], top)


def _parse(path: Path) -> list[ast.stmt]:
    return ast.parse(path.read_text(encoding="utf-8")).body


def test_no_govkg_import_hides_inside_a_function():
    inside = [
        f"{MODULES[name].relative_to(ROOT)}:{line} imports {target}"
        for name in MODULES
        for target, top, line in _imports(_parse(MODULES[name]))
        if not top and MODULES[name].name != "__main__.py"  # the command sets its signal handlers first
    ]
    assert inside == []


def test_the_modules_import_each_other_without_a_cycle():
    graph = nx.DiGraph()
    for name, path in MODULES.items():
        graph.add_node(name)
        graph.add_edges_from((name, target) for target, _, _ in _imports(_parse(path)) if target in MODULES)
    assert list(nx.simple_cycles(graph)) == []


def test_extraction_imports_nothing_of_the_graph_layer():
    offenders = [
        name
        for name, path in MODULES.items()
        if name.startswith(("govkg.extract", "govkg.ontology"))
        and any(target.startswith("govkg.graph") for target, _, _ in _imports(_parse(path)))
    ]
    assert offenders == []


@pytest.mark.parametrize("module", ["govkg.graph.cli", "govkg.extract", "govkg.graph.rdf"])
def test_each_entry_point_imports_on_its_own(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


def test_the_graph_layer_reads_no_word_table():
    readers = [
        name
        for name, path in MODULES.items()
        if name.startswith("govkg.graph")
        and any(target == "govkg.extract.data" for target, _, _ in _imports(_parse(path)))
    ]
    assert readers == []
    assert not list((ROOT / "graph").glob("data/*.tsv"))
