"""Fixtures of the graph tests: a headless Chromium with the network off, one per test module;
the sample releases in two folders, for builds and their updates."""

from __future__ import annotations

import shutil

import pytest

from govkg.graph.build import sample_paths
from tests.graph.chromium import Chromium, find_chromium


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with Chromium(binary, tmp_path_factory.mktemp("chromium") / "profile") as browser:
        yield browser


@pytest.fixture
def inputs(tmp_path):
    """The samples in two folders: the first six files, and the other five."""
    samples = sample_paths()
    first, second = tmp_path / "first", tmp_path / "second"
    for folder, paths in ((first, samples[:6]), (second, samples[6:])):
        folder.mkdir()
        for path in paths:
            shutil.copy(path, folder / path.name)
    return first, second
