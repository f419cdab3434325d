"""Properties of build_records on any text: nothing raises, every span is inside
the release's text, and a role or title cites a sentence that names its person."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govkg.extract.data import load_words
from govkg.graph import build_records

# Text that looks enough like a release to reach every stage: names, titles,
# role cues and dates among arbitrary characters (surrogates and controls too).
PIECES = st.sampled_from(
    ["何平", "张海", "市委书记", "副市长", "主持", "出席", "讲话", "会议", "。", "，", "他强调", "任命",
     "局长", "1月25日", "2月30日", "昨天", "<p>", "</p>", "<div>", "\n", "《通知》", "调研", "会见"]
)  # fmt: skip
TEXT = st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=40).map("".join)


def spans_of(extraction):
    for person in extraction.persons:
        yield from person.mentions
        for holding in person.holdings:
            yield holding.span
            yield holding.evidence
    for event in extraction.events:
        yield event.evidence
        yield from (p.evidence for p in event.participations)
    for document in extraction.documents:
        yield document.span
    for sentence in extraction.sentences:
        yield sentence.span


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, st.one_of(st.none(), st.text(max_size=20), st.sampled_from(["2020-02-30 10:00", "2020-01-26"])))
def test_build_records_on_any_text(text, pubtime):
    result = build_records([{"id": "r", "title": "会议", "content": text, "pubtime": pubtime}])
    pronouns = load_words("pronouns.tsv")
    for extraction in result.extractions:
        body = extraction.release.text
        for span in spans_of(extraction):
            assert 0 <= span.start <= span.end <= len(body)
        names = {person.key: person.name for person in extraction.persons}
        evidence = [(h.evidence, person.name) for person in extraction.persons for h in person.holdings]
        evidence += [(p.evidence, names[p.person]) for e in extraction.events for p in e.participations]
        for span, name in evidence:
            sentence = body[span.start : span.end]
            assert name in sentence or any(pronoun in sentence for pronoun in pronouns)
