"""Documents cited by title in 《》.

A title in 《》 is a document when it ends in a document word (通知, 意见,
报告, 办法, 条例, 规划, 方案, 法...; ``data/document_words.tsv``), possibly
followed by a bracketed stage (草案, 征求意见稿); books, poems, songs and
newspapers in 《》 are not. The issuer is the organ the title opens with
(国务院关于…, 四川省市场监督管理局等3部门关于…, 海南省人民政府工作规则).
Matching runs on the simplified view of the text; titles come out as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from govkg.extract.chars import view
from govkg.extract.data import alternation, load_table
from govkg.extract.records import Document, Release, Sentence, Span

_CITED = re.compile(r"《([^《》\n]{2,120})》")
_STAGE = re.compile(r"[(（][^()（）]{1,12}[)）]$")
# An issuer before 关于: an organ's name, optionally with co-issuers (等3部门).
_ISSUER_ABOUT = re.compile(
    r"^(?P<org>[\u4e00-\u9fff]{2,40}?(?:局|部|委|院|会|厅|办|办公室|政府|中央|委员会|中心|署|总局|小组|指挥部))"
    r"(?:等\d*[个家]?(?:部门|单位))?关于"
)


@cache
def _organ_openings() -> re.Pattern:
    def alternatives(kind: str) -> str:
        words = [row[0] for row in load_table("document_words.tsv") if row[1] == kind]
        return alternation(words)

    place = r"[\u4e00-\u9fff]{2,10}?(?:省|市|县|区|州|旗)"
    return re.compile(rf"^(?:{alternatives('organ')}|{place}(?:{alternatives('local_organ')}))")


@cache
def _document_types() -> tuple[str, ...]:
    return tuple(row[0] for row in load_table("document_words.tsv") if row[1] == "type")


def is_document(title: str) -> bool:
    """Whether a title in 《》 names a document (not a book, poem or newspaper).

    >>> is_document("政府工作报告(送审稿)"), is_document("共产党宣言"), is_document("上海黄浦")
    (True, False, False)
    """
    return _STAGE.sub("", title).endswith(_document_types())


def issuer(title: str) -> str | None:
    """The organ a document's title names as its issuer (simplified title).

    >>> issuer("国务院关于鼓励和引导民间投资健康发展的若干意见")
    '国务院'
    >>> issuer("四川省市场监督管理局等3部门关于加强疫情防控期间群体性聚餐监管的紧急通知")
    '四川省市场监督管理局'
    >>> issuer("海南省人民政府工作规则"), issuer("政府工作报告")
    ('海南省人民政府', None)
    """
    m = _ISSUER_ABOUT.match(title)
    if m:
        return m.group("org")
    m = _organ_openings().match(title)
    if m and m.end() < len(title):
        return m.group()
    return None


# An issuer before the title: 国务院办公厅印发《…》, 党的二十届二中全会审议通过的《…》.
_ISSUER_BEFORE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{2,30}?(?:局|部|委|院|厅|办|办公室|政府|中央|委员会|常委会|全会|署|总局|小组|指挥部))"
    r"(?:联合)?(?:印发|发布|出台|制定|颁布|下发|公布|审议通过|通过|批准)(?:了|的)?$"
)
_LEAD_IN = re.compile(r".*(?:根据|按照|依据|依照|贯彻|落实|，|,|。|；|;|：|:|\n)", re.DOTALL)


def issuer_before(text: str) -> str | None:
    """The organ the words just before a 《 name as the document's issuer.

    >>> issuer_before("近日，国务院办公厅印发")
    '国务院办公厅'
    >>> issuer_before("根据党的二十届二中全会审议通过的"), issuer_before("会议讨论了")
    ('党的二十届二中全会', None)
    """
    lead = _LEAD_IN.match(text)
    tail = text[lead.end() :] if lead else text
    m = _ISSUER_BEFORE.search(tail)
    return m.group("org") if m and m.start() == 0 else None


def find_documents(release: Release, sentences: tuple[Sentence, ...]) -> Iterator[Document]:
    """Every document the release cites in 《》, once each, with its issuer where named.

    >>> r = Release(id="x", text="落实《国务院关于加强安全生产的通知》《政府工作报告》，朗诵《沁园春》。")
    >>> [(d.title, d.issuer) for d in find_documents(r, ())]
    [('国务院关于加强安全生产的通知', '国务院'), ('政府工作报告', None)]
    """
    v = view(release.text)
    seen = set()
    for m in _CITED.finditer(v.text):
        simple = m.group(1).strip()
        if not is_document(simple):
            continue
        start, end = v.start(m.start(1)), v.end(m.end(1), glosses=True)
        title = release.text[start:end].strip()
        if title in seen:
            continue
        seen.add(title)
        org = issuer(simple)
        if org:
            # the issuer as written: the same characters of the title
            org = release.text[start : v.end(m.start(1) + len(org), glosses=True)]
        else:
            lo = max(0, m.start() - 40)
            before = issuer_before(v.text[lo : m.start()])
            if before:
                at = lo + v.text[lo : m.start()].rfind(before)
                org = release.text[v.start(at) : v.end(at + len(before), glosses=True)]
        yield Document(title=title, span=Span(start, end), issuer=org)
