import pytest
from hypothesis import given
from hypothesis import strategies as st

from govkg.extract.chars import part_view, simplify, view


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("市委書記", "市委书记"),
        ("縣長張三", "县长张三"),
        ("市长", "市长"),
        # a dot between two Han characters is a foreign name's middle dot, however written
        ("大使阿卜杜•卡里姆", "大使阿卜杜·卡里姆"),
        ("大使阿卜杜・卡里姆", "大使阿卜杜·卡里姆"),
        ("秘書長賈米爾.布達維", "秘书长贾米尔·布达维"),
        # controls: a dot between digits, or after a sentence's last character
        ("第1.5条", "第1.5条"),
        ("会见大使.", "会见大使."),
    ],
)
def test_simplify_is_one_to_one(text, expected):
    assert simplify(text) == expected
    assert len(simplify(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "simple"),
    [
        ("統(tǒng)戰(zhàn)部部長(zhǎng)", "统战部部长"),
        ("總經(jīng)理", "总经理"),
        ("常委會(huì )主任", "常委会主任"),
        ("会议(草案)", "会议(草案)"),
    ],
)
def test_view_drops_pinyin_glosses_only(text, simple):
    assert view(text).text == simple


@given(st.text(alphabet="市長縣區(qū)zhǎng)書記张三 ，", max_size=30))
def test_view_offsets_point_at_the_same_characters(text):
    v = view(text)
    assert len(v.origin) == len(v.text)
    for i, c in enumerate(v.text):
        assert simplify(text[v.origin[i]]) == c


@pytest.mark.parametrize(
    "text",
    [
        "市委书记何平出席。会议强调，要抓落实。",  # simplified, no gloss
        "市委書記何平出席。縣長王明主持。",  # traditional characters
        "部長(zhǎng)慕建民出席。會議強調(diào)要抓落實。",  # glosses
        "会议A(zhǎng)结束。",  # what would be a gloss after no Han character is none
    ],
)
def test_a_part_of_a_text_has_the_view_made_of_it_alone(text):
    whole = view(text)
    for start in range(len(text)):
        for end in range(start, len(text) + 1):
            assert part_view(whole, text, start, end) == view(text[start:end])
