"""pyproject.toml installs every package and data file of the source tree.

The editable install hides a folder missing from ``packages`` (it imports
from the checkout); a wheel does not. These tests read the configuration and
walk the tree, so they need the checkout: run against an installed wheel
(.ci/run), where the checkout is not beside the tests, they are skipped and
.ci/check_dist.py checks the built files instead.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if not (ROOT / "pyproject.toml").is_file() or not (ROOT / "extract").is_dir():
    pytest.skip("needs the source tree (tests run against an installed package)", allow_module_level=True)

tomllib = pytest.importorskip("tomllib")
SETUPTOOLS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def folders() -> dict[str, Path]:
    """Every folder of the installed packages, by the package name it installs as."""
    found = {}
    for package, folder in SETUPTOOLS["package-dir"].items():
        for path in [ROOT / folder, *sorted((ROOT / folder).rglob("*"))]:
            if path.is_dir() and path.name != "__pycache__" and not path.name.startswith("."):
                found[".".join([package, *path.relative_to(ROOT / folder).parts])] = path
    return found


def test_every_folder_of_the_source_tree_is_a_listed_package():
    assert sorted(folders()) == sorted(SETUPTOOLS["packages"])


def test_the_package_list_has_the_three_parts_of_the_project():
    parts = {"govkg.extract", "govkg.extract.data", "govkg.graph", "govkg.ontology"}
    assert parts <= set(SETUPTOOLS["packages"])


def test_every_data_file_is_package_data():
    data = SETUPTOOLS.get("package-data", {})
    excluded = SETUPTOOLS.get("exclude-package-data", {})
    left_out = []
    for package, folder in folders().items():
        patterns = data.get("*", []) + data.get(package, [])
        exclusions = excluded.get("*", []) + excluded.get(package, [])
        for path in sorted(folder.iterdir()):
            if path.is_file() and path.suffix not in {".py", ".pyc"}:
                name = path.name
                if not any(fnmatch(name, p) for p in patterns) or any(fnmatch(name, p) for p in exclusions):
                    left_out.append(str(path.relative_to(ROOT)))
    assert left_out == []


def test_the_sdist_carries_the_tests():
    manifest = (ROOT / "MANIFEST.in").read_text(encoding="utf-8").split("\n")
    assert "graft tests" in manifest
