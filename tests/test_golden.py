"""Each bundled sample release gives the facts of its golden file (see tests/golden/__init__.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from govkg.graph.build import extract_file, sample_paths
from tests.golden import FOLDER, facts_text


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_a_sample_release_gives_its_golden_facts(path, request):
    extractions, errors = extract_file(path)
    assert not errors
    text = "".join(facts_text(extraction) for extraction in extractions)
    golden = Path(FOLDER) / f"{path.stem}.facts"
    if request.config.getoption("--update-golden"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8"), (
        f"{path.name}: extraction changed; if intended, run pytest tests/test_golden.py --update-golden"
    )
