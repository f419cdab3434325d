"""Fixtures shared by the whole test session."""

from __future__ import annotations

import pytest

from govkg.graph.build import BuildResult, build, sample_paths


def pytest_addoption(parser):
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/*.facts from the sample releases (read the diff before committing)",
    )


@pytest.fixture(scope="session")
def sample_result() -> BuildResult:
    """The build of the bundled sample releases, made once per session: read it, never change it."""
    return build(sample_paths())


@pytest.fixture(scope="session")
def sample_graph(sample_result):
    """The graph of the sample build (shared: read it, never change it)."""
    return sample_result.graph
