"""The LAC tagger behind extract/lac.py: person spans into each text, one model per process."""

from __future__ import annotations

import pytest

from govkg.extract.lac import _model, person_spans


@pytest.mark.parametrize(
    ("texts", "names"),
    [
        (["刘伟、张明参加会见。"], [["刘伟", "张明"]]),
        (["会议召开。", "在病房，他同受伤的杨玉兰、高建军夫妇亲切交谈。"], [[], ["杨玉兰", "高建军"]]),
        (["", "刘伟参加。", ""], [[], ["刘伟"], []]),
        ([], []),
    ],
)
def test_person_spans_point_into_each_text(texts, names):
    spans = person_spans(texts)
    assert [[text[a:b] for a, b in found] for text, found in zip(texts, spans, strict=True)] == names


def test_the_model_is_loaded_once():
    assert _model() is _model()
