"""The LAC tagger behind extract/lac.py: person spans into each text, one model per process."""

from __future__ import annotations

import pytest

from govkg.extract.lac import _model, _viterbi, person_spans, word_classes


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


def _best_path(emissions, transitions):
    """Viterbi written out one text, step and tag at a time: the first best predecessor of each."""
    length, tags = emissions.shape
    score = list(emissions[0])
    back = []
    for t in range(1, length):
        came, following = [], []
        for to in range(tags):
            sums = [score[before] + transitions[before, to] for before in range(tags)]
            best = max(range(tags), key=lambda before: (sums[before], -before))
            came.append(best)
            following.append(sums[best] + emissions[t, to])
        back.append(came)
        score = following
    path = [max(range(tags), key=lambda tag: (score[tag], -tag))]
    for came in reversed(back):
        path.append(came[path[-1]])
    return path[::-1]


@pytest.mark.parametrize("seed", range(6))
def test_viterbi_is_the_best_path_of_each_text(seed):
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    tags = 5
    transitions = rng.standard_normal((tags, tags)).astype(np.float32)
    emissions = rng.standard_normal((3, 7, tags)).astype(np.float32)
    if seed % 2:  # ties: the first best is taken
        transitions, emissions = np.round(transitions), np.round(emissions)
    found = _viterbi(emissions, transitions)
    assert found.shape == (3, 7)
    assert [list(row) for row in found] == [_best_path(text, transitions) for text in emissions]


@pytest.mark.parametrize("seed", range(6))
def test_viterbi_with_small_transitions_is_the_best_path(seed):
    """LAC's transitions are small beside its emissions' gaps: most steps have one best
    predecessor for every tag, found without the table of sums; near ties still build it."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    tags = 6
    transitions = (0.2 * rng.standard_normal((tags, tags))).astype(np.float32)
    emissions = (rng.standard_normal((4, 9, tags)) * [[[8.0]], [[2.0]], [[0.3]], [[0.0]]]).astype(np.float32)
    if seed % 2:  # ties: the first best is taken
        transitions = np.round(transitions, 1)
        emissions = np.round(emissions)
    found = _viterbi(emissions, transitions)
    assert [list(row) for row in found] == [_best_path(text, transitions) for text in emissions]


@pytest.mark.parametrize("seed", range(6))
def test_viterbi_through_runs_of_clear_characters_is_the_best_path(seed):
    """Characters whose best tag leads by far (the next step's leader, its scores not made) in runs,
    between characters whose tags are close (the scores made again there), far from zero too."""
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    tags = 7
    transitions = (0.2 * rng.standard_normal((tags, tags))).astype(np.float32)
    emissions = rng.standard_normal((3, 12, tags))
    clear = rng.random((3, 12)) < 0.7
    emissions[clear, rng.integers(0, tags, size=int(clear.sum()))] += 6.0
    emissions[1] += 1e4  # float32 sums whose rounding is coarse
    if seed % 2:  # ties: the first best is taken
        transitions = np.round(transitions, 1)
        emissions = np.round(emissions)
    emissions = emissions.astype(np.float32)
    found = _viterbi(emissions, transitions)
    assert [list(row) for row in found] == [_best_path(text, transitions) for text in emissions]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("县长宝贵的时间", [("县长", "n"), ("宝贵", "a"), ("的", "u"), ("时间", "n")]),
        ("书记严肃指出", [("书记", "n"), ("严肃", "ad"), ("指出", "v")]),
        # an entity's class, not its part of speech (PER, not nr)
        ("县长王小明出席", [("县长", "n"), ("王小明", "PER"), ("出席", "v")]),
    ],
)
def test_word_classes_tile_each_text(text, words):
    (found,) = word_classes([text])
    assert [(text[a:b], kind) for a, b, kind in found] == words
    assert [a for a, _, _ in found][1:] == [b for _, b, _ in found][:-1]


def test_word_classes_of_no_text_are_none():
    assert word_classes(["", "会议召开。"])[0] == []
