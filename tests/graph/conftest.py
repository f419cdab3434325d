"""Fixtures of the graph tests: a headless Chromium with the network off, one per test module."""

from __future__ import annotations

import pytest

from tests.graph.chromium import Chromium, find_chromium


@pytest.fixture(scope="module")
def chromium(tmp_path_factory):
    binary = find_chromium()
    if binary is None:
        pytest.skip("chromium is not installed (apt-get install chromium fonts-wqy-microhei)")
    with Chromium(binary, tmp_path_factory.mktemp("chromium") / "profile") as browser:
        yield browser
