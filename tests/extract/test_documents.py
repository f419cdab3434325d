import pytest

from govkg.extract.documents import find_documents, is_document, issuer
from govkg.extract.records import Release


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("政府工作报告", True),
        ("政府工作报告（征求意见稿）", True),
        ("某某市安全生产条例(草案)", True),
        ("关于做好春节期间安全工作的通知", True),
        ("中华人民共和国宪法", True),
        ("共产党宣言", False),
        ("沁园春·雪", False),
        ("某某日报", False),
    ],
)
def test_is_document(title, expected):
    assert is_document(title) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("国务院关于加强农村公路建设的意见", "国务院"),
        ("某某省交通运输厅等4部门关于做好春运工作的通知", "某某省交通运输厅"),
        ("中共中央关于加强党的建设的决定", "中共中央"),
        ("某某县人民代表大会常务委员会关于召开县人大会议的决定(草案)", "某某县人民代表大会常务委员会"),
        ("某某省人民政府工作规则", "某某省人民政府"),
        ("国务院工作规则", "国务院"),
        ("政府工作报告", None),
        ("某某市城市绿化管理办法", None),
    ],
)
def test_issuer(title, expected):
    assert issuer(title) == expected


def test_documents_once_each_with_spans_as_written():
    text = "會議審議《某某省人民政府工作規則》，再審議《某某省人民政府工作規則》和《詩選》。"
    release = Release(id="x", text=text)
    documents = list(find_documents(release, ()))
    assert [d.title for d in documents] == ["某某省人民政府工作規則"]
    assert documents[0].issuer == "某某省人民政府"
    span = documents[0].span
    assert text[span.start : span.end] == documents[0].title


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日，某某省人民政府办公厅印发《某某省防汛应急预案管理办法》。", "某某省人民政府办公厅"),
        ("根据党的某某全会审议通过的《某某机构改革方案》，调整机构。", "党的某某全会"),
        ("会议讨论了《政府工作报告》。", None),
    ],
)
def test_issuer_named_before_the_title(text, expected):
    (document,) = find_documents(Release(id="x", text=text), ())
    assert document.issuer == expected
