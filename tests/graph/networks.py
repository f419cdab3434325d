"""Small RDF graphs for the network and view tests, built from invented releases."""

from __future__ import annotations

from rdflib import Graph

from govkg.extract.records import (
    Document,
    Event,
    Extraction,
    Holding,
    Participation,
    Person,
    Release,
    Span,
)
from govkg.extract.titles import parse_title
from govkg.graph.rdf import to_rdf


class Text:
    """A release body written sentence by sentence, each sentence's span remembered."""

    def __init__(self) -> None:
        self.text = ""

    def say(self, sentence: str) -> Span:
        start = len(self.text)
        self.text += sentence
        return Span(start, len(self.text))


def meeting_release() -> Extraction:
    """A city meeting: 温奇志 chairs, 何平 attends and speaks; a cited notice."""
    body = Text()
    s1 = body.say("1月25日，市长何平出席防控工作会议并讲话。")
    s2 = body.say("副市长温奇志主持会议。")
    s3 = body.say("会议传达了《关于加强防控工作的通知》。")
    he = Person(
        name="何平",
        key="p0",
        mentions=(Span(s1.start + 8, s1.start + 10),),
        holdings=(
            Holding(
                "市长",
                Span(s1.start + 6, s1.start + 8),
                s1,
                "巴中市",
                "巴中市人民政府",
                office=parse_title("市长"),
            ),
        ),
        jurisdiction="巴中市",
    )
    wen = Person(
        name="温奇志",
        key="p1",
        mentions=(Span(s2.start + 3, s2.start + 6),),
        holdings=(
            Holding("副市长", Span(s2.start, s2.start + 3), s2, "巴中市", None, office=parse_title("副市长")),
        ),
        jurisdiction="巴中市",
    )
    event = Event(
        key="e0",
        type="meeting",
        name="防控工作会议",
        evidence=s1,
        date="2020-01-25",
        place="巴中市",
        participations=(
            Participation("p0", "attend", s1),
            Participation("p0", "speak", s1),
            Participation("p1", "chair", s2),
        ),
        implements=("上级指示精神",),
    )
    document = Document("关于加强防控工作的通知", Span(s3.start + 6, s3.start + 16), "巴中市卫生健康委员会")
    release = Release(
        id="r1", text=body.text, title="全市防控工作会议召开", published="2020-01-26T15:22", place="巴中市"
    )
    return Extraction(release, (he, wen), (event,), (document,))


def inspection_release() -> Extraction:
    """A later inspection: 何平, now 市委书记, leads; 张三 accompanies."""
    body = Text()
    s1 = body.say("2月2日，市委书记何平到通江县调研，县长张三陪同。")
    he = Person(
        name="何平",
        key="p0",
        mentions=(Span(s1.start + 9, s1.start + 11),),
        holdings=(
            Holding(
                "市委书记",
                Span(s1.start + 5, s1.start + 9),
                s1,
                "巴中市",
                None,
                office=parse_title("市委书记"),
            ),
        ),
        jurisdiction="巴中市",
    )
    zhang = Person(
        name="张三",
        key="p1",
        mentions=(Span(s1.start + 20, s1.start + 22),),
        holdings=(
            Holding(
                "县长", Span(s1.start + 18, s1.start + 20), s1, "通江县", None, office=parse_title("县长")
            ),
        ),
        jurisdiction="通江县",
    )
    event = Event(
        key="e0",
        type="inspection",
        name="调研",
        evidence=s1,
        date="2020-02-02",
        participations=(Participation("p0", "lead", s1), Participation("p1", "accompany", s1)),
    )
    release = Release(
        id="r2", text=body.text, title="何平到通江县调研", published="2020-02-03", place="巴中市"
    )
    return Extraction(release, (he, zhang), (event,))


def bystander_release() -> Extraction:
    """A release naming an official who takes part in no event."""
    body = Text()
    s1 = body.say("县委书记李四在讲话中指出，要做好防控。")
    li = Person(
        name="李四",
        key="p0",
        mentions=(Span(4, 6),),
        holdings=(Holding("县委书记", Span(0, 4), s1, "南江县", None, office=parse_title("县委书记")),),
        jurisdiction="南江县",
    )
    release = Release(id="r3", text=body.text, title="南江县部署防控", published="2020-01-28", place="南江县")
    return Extraction(release, (li,), place="南江县")


def sample_graph() -> Graph:
    """Three invented releases: a meeting, an inspection, a bystander."""
    return to_rdf([meeting_release(), inspection_release(), bystander_release()])
