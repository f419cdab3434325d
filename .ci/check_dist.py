"""Check a built wheel and sdist against the clean clone they were built from.

The wheel must hold every file git tracks under extract/, graph/ and ontology/
(as govkg/extract/..., govkg/graph/..., govkg/ontology/...), and nothing
compiled; the sdist must hold every tracked file of those folders, tests/ and
pyproject.toml. Prints what is missing and exits 1, so CI fails the day a new
module or data file would not be installed.

    python .ci/check_dist.py dist/govkg-*.whl dist/govkg-*.tar.gz
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

PACKAGES = ("extract", "graph", "ontology")


def tracked(*folders: str) -> set[str]:
    """Files git tracks under the folders, as paths relative to the clone."""
    out = subprocess.run(["git", "ls-files", "-z", "--", *folders], capture_output=True, check=True)
    return {name for name in out.stdout.decode().split("\0") if name}


def missing_from_wheel(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    problems = [f"wheel lacks {name}" for name in sorted(tracked(*PACKAGES)) if f"govkg/{name}" not in names]
    problems += [f"wheel holds compiled {name}" for name in sorted(names) if name.endswith((".pyc", ".pyo"))]
    return problems


def missing_from_sdist(sdist: Path) -> list[str]:
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    wanted = tracked(*PACKAGES, "tests") | {"pyproject.toml", "README.md"}
    return [f"sdist lacks {name}" for name in sorted(wanted) if name not in names]


def main(argv: list[str]) -> int:
    wheel, sdist = (Path(arg) for arg in argv)
    problems = missing_from_wheel(wheel) + missing_from_sdist(sdist)
    for problem in problems:
        print(f"check_dist: {problem}", file=sys.stderr)
    if not problems:
        print(f"check_dist: {wheel.name} and {sdist.name} hold every tracked package and data file")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
