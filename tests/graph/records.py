"""Invented releases as extraction records, for the RDF mapping, output and check tests."""

from __future__ import annotations

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


def span_of(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span(start, start + len(piece))


def meeting(release_id: str = "r1", chair: str = "李四") -> Extraction:
    """A county meeting: the county party secretary chairs and speaks, citing a notice."""
    first = "3月2日，我县召开春耕生产工作会议。"
    second = f"县委书记{chair}主持会议并讲话。"
    third = "会议学习了《关于做好春耕生产工作的通知》。"
    text = f"{first}\n{second}\n{third}\n"
    s1, s2, s3 = span_of(text, first), span_of(text, second), span_of(text, third)
    title = span_of(text, "县委书记")
    person = Person(
        name=chair,
        key=chair,
        mentions=(span_of(text, chair),),
        holdings=(
            Holding("县委书记", title, s2, "通江县", "中共通江县委员会", office=parse_title("县委书记")),
        ),
        jurisdiction="通江县",
    )
    event = Event(
        key="e0",
        type="meeting",
        name="春耕生产工作会议",
        evidence=s1,
        date="2022-03-02",
        place="通江县",
        participations=(Participation(chair, "chair", s2), Participation(chair, "speak", s2)),
        implements=("春耕生产各项部署",),
    )
    document = Document(title="关于做好春耕生产工作的通知", span=s3, issuer="通江县人民政府")
    release = Release(
        id=release_id,
        text=text,
        title="我县召开春耕生产工作会议",
        published="2022-03-03T09:30",
        source="通江县人民政府网站",
        editor="王五",
        place="通江县",
    )
    return Extraction(release=release, persons=(person,), events=(event,), documents=(document,))


def inspection(release_id: str = "r2") -> Extraction:
    """An inspection with a leader and a companion, no publication time, no title."""
    sentence = "3月5日，县长张三到乡镇检查春耕工作，副县长赵六陪同。"
    text = f"  {sentence}  "
    s = span_of(text, sentence)
    people = tuple(
        Person(name=name, key=name, mentions=(span_of(text, name),), holdings=(), jurisdiction="?")
        for name in ("张三", "赵六")
    )
    event = Event(
        key="e0",
        type="inspection",
        name="检查春耕工作",
        evidence=Span(0, len(text)),  # the sentence with the white space around it
        date="2022-03-05",
        participations=(Participation("张三", "lead", s), Participation("赵六", "accompany", s)),
    )
    other = Event(key="e1", type="other", name="春耕", evidence=s)
    release = Release(id=release_id, text=text, published="2022-03-06", place="通江县")
    return Extraction(release=release, persons=people, events=(event, other), place="通江县")
