import pytest

from govkg.extract.data import load_table
from govkg.extract.names import (
    HAN,
    context_words,
    ethnic_name_at,
    holds_word,
    is_chinese_name,
    is_transliterated,
    name_at,
    name_before,
    strong_boundary,
    without_lookalikes,
)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("王小明", True),
        ("李强", True),
        ("欧阳晓东", True),
        ("司马文", True),
        ("全市", False),
        ("市长", False),
        ("王局长", False),
        ("文件", False),
        ("张三的", False),
        # 会 begins a given name of two characters, not a word after a surname
        ("王会军", True),
        ("李会长", False),
        ("王会议", False),
        ("孙会计", False),
        ("张会见", False),
        ("王会", False),
        # 年 begins a given name of two characters too, not a word of time or age
        ("李年贵", True),
        ("王年华", True),
        ("王年初", False),
        ("李年底", False),
        ("张年度", False),
        ("刘年轻", False),
        ("李年", False),
        # so does 加, not a word of doing more nor a place
        ("李加生", True),
        ("王加林", True),
        ("王加强", False),
        ("李加快", False),
        ("张加大", False),
        ("王加", False),
        # two surnames of a married woman, not a common word and more (平时很忙)
        ("林郑月娥", True),
        ("范徐丽泰", True),
        ("平时很忙", False),
        ("高度重视", False),
        # a preposition that is a surname and whom it addresses (向记者介绍) is no name
        ("向记者", False),
        ("向大家", False),
        ("向群众", False),
        # controls: 向 as a surname, and a given name of a word for a whole place (陈全国)
        ("向东升", True),
        ("陈全国", True),
        # a surname and a post or a trade (王教授, 李博士) is no name
        ("王教授", False),
        ("李博士", False),
        ("刘医生", False),
        ("王书记", False),
        # controls: given names that begin like one
        ("王博", True),
        ("李教", True),
    ],
)
def test_is_chinese_name(word, expected):
    assert is_chinese_name(word) is expected


@pytest.mark.parametrize(
    ("text", "start", "expected"),
    [
        ("县长王小明出席会议", 2, "王小明"),
        ("县长王明出席会议", 2, "王明"),
        ("县长王明在会上讲话", 2, "王明"),
        ("副县长欧阳晓东主持", 3, "欧阳晓东"),
        ("县长王小明、李四出席", 2, "王小明"),
        ("县长出席", 0, None),
        ("县长王小明说", 2, "王小明"),
        # a preposition and what it governs, not a third character of the name
        ("市长张明以普通游客身份暗访", 2, "张明"),
        ("市长张明以“四不两直”方式检查", 2, "张明"),
        ("县长张明为“优秀企业”授牌", 2, "张明"),
        ("副县长王强座谈时强调", 3, "王强"),
        # a visit verb after a name is no character of it
        ("市委书记李华暗访某县", 4, "李华"),
        ("县长王强巡查河道", 2, "王强"),
        ("副市长张明观摩项目", 3, "张明"),
        ("副市长温奇志，", 3, "温奇志"),
        # a post proposed (拟任, 拟提名) after a name is no character of it
        ("县委书记任刚拟任某市副市长", 4, "任刚"),
        ("县长吕东拟提名为某区区长候选人", 2, "吕东"),
        # 之后 (after) a name is no character of it
        ("继县长孙立明之后又一位", 3, "孙立明"),
        ("继县长孙立之后又一位", 3, "孙立"),
        # control: 拟 inside a three-character name before a mark or a verb
        ("县长王拟之出席会议", 2, "王拟之"),
        # a private person's home before a mark (走进村民王明家。) is no character of the name
        ("走进村民唐宗秀家。", 4, "唐宗秀"),
        ("来到困难群众王明家，询问生活情况", 6, "王明"),
        # controls: a name ending in 家 in a list, before a verb, or after no word for a private person
        ("村民王保家、李四参加", 2, "王保家"),
        ("村民王保家说，日子越过越好", 2, "王保家"),
        ("县领导曹和家。", 3, "曹和家"),
        # an adverb in 地 before a verb of saying is no name (代表高兴地说)
        ("代表高兴地说", 2, None),
        ("代表高兴地表示", 2, None),
        # …or before any verb of two characters (关切地询问)
        ("书记关切地询问群众", 2, None),
        ("局长认真地听取汇报", 2, None),
        # control: a name ending in 地 before a mark
        ("村民王大地，", 2, "王大地"),
        # a run that goes on to a middle dot is the first part of a dotted name, no Han name
        ("来到村民阿布来提·阿不力孜家中", 4, None),
        ("副主任马合来提·吐尔逊主持", 3, None),
        # controls: the same characters before a verb, and a Han name before 、 and a dotted name
        ("村民阿布来到地头", 2, "阿布"),
        ("副主任王建国、古丽·阿不都出席", 3, "王建国"),
    ],
)
def test_name_at(text, start, expected):
    assert name_at(text, start) == expected


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("贯彻落实张小平总书记", 7, "张小平"),
        ("和李四总理", 3, "李四"),
        # 为 / 任 join a name to the post after it: no name ends right before the post
        ("任命王小明为", 6, None),
        ("决定王小明任", 6, None),
        ("会见王小明主席", 5, "王小明"),
        # a verb that ends in a surname's character is no part of the name (成 of 赞成)
        ("完全赞成李明强总理所作的报告", 7, "李明强"),
    ],
)
def test_name_before(text, end, expected):
    assert name_before(text, end) == expected


@pytest.mark.parametrize(
    "name",
    [
        "surnames.tsv",
        "titles.tsv",
        "name_context.tsv",
        "organs.tsv",
        "countries.tsv",
        "t2s.tsv",
        "document_words.tsv",
        "transliteration.tsv",
        "ethnic_names.tsv",
    ],
)
def test_lexicons_say_where_they_come_from(name):
    from importlib import resources

    text = resources.files("govkg.extract.data").joinpath(name).read_text(encoding="utf-8")
    assert any(line.startswith("#") and "Source" in line for line in text.splitlines())
    assert load_table(name)


@pytest.mark.parametrize(
    ("text", "pronoun"),
    [
        # words of the lexicon hold no pronoun
        ("对其他工作提出要求", False),
        ("不要麻烦他人", False),
        # nor does a place's name with 他 in it, the level word a few characters on
        ("调研组对乌兰他拉镇的工作给予肯定", False),
        ("来到巴音他本嘎查", False),
        ("在某某他拉村召开现场会", False),
        ("前往阿拉他木苏木", False),
        # controls: 他 as a pronoun before a place word stays one
        ("随后他在镇上召开座谈会", True),
        ("随后他走访了村民", True),
        ("他到某镇调研", True),
        ("，他来到某村", True),
        ("陪同他视察乡村振兴工作", True),
        ("他们来到村里", True),
    ],
)
def test_without_lookalikes_keeps_only_pronouns(text, pronoun):
    blanked = without_lookalikes(text)
    assert len(blanked) == len(text)
    assert ("他" in blanked or "她" in blanked) == pronoun


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # every character a transliteration's, one seldom in a Han given name
        ("阿尔特", True),
        ("巴尔克", True),
        ("科斯塔娃", True),
        ("瓦尔德", True),
        # controls: a Han name of sound characters only, two characters, a Han character
        ("李明华", False),
        ("马丁", False),
        ("王特尔", False),
        ("张克强", False),
    ],
)
def test_a_name_written_as_a_transliteration(word, expected):
    assert is_transliterated(word) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("那顺巴雅尔出席", "那顺巴雅尔"),
        ("额尔敦主持", "额尔敦"),
        ("次仁卓玛，", "次仁卓玛"),
        ("胡日巴特尔时，", "胡日巴特尔"),
        ("买买提·艾力说", "买买提·艾力"),
        # the longest run a boundary follows: the verb after it is no part of it
        ("巴特尔来到", "巴特尔"),
        # no name: a run of one, a character no name starts with, no boundary, a word of no name
        ("巴出席", None),
        ("尔敦出席", None),
        ("巴特尔委员会", None),
        ("多次强调", None),
        # two characters need a mark or a cue word of two characters or more after them
        ("扎西出席", "扎西"),
        ("斯朗尼玛一同会见", "斯朗尼玛"),
        ("索朗次仁出席", "索朗次仁"),
        ("尼玛，", "尼玛"),
        ("德才兼备", None),
        ("宝贵的", None),
        # …or a verb of saying of one character and a comma or a colon
        ("尼玛说，要抓好落实", "尼玛"),
        ("乌兰讲：要抓好落实", "乌兰"),
        ("尼玛说要抓好落实", None),
        ("德才说明", None),
        ("那里，", None),
        ("次日，", None),
        # more than eight characters: no name ends at a boundary
        ("巴特尔朝鲁那顺巴雅尔出席", None),
        # 和 after 孟 or 恩 is a syllable of the name when the name goes on after it
        ("孟和巴雅尔主持", "孟和巴雅尔"),
        ("恩和吉日嘎拉出席", "恩和吉日嘎拉"),
        # controls: 和 last, and 和 that joins another name after any other character
        ("那顺孟和出席", "那顺孟和"),
        ("恩和，", "恩和"),
        ("巴特尔和乌云出席", "巴特尔"),
        ("孟和出席", "孟和"),
    ],
)
def test_ethnic_name_at(text, expected):
    assert ethnic_name_at(text, 0) == expected


def test_the_ethnic_name_table_holds_no_verb_a_name_ends_before():
    """A one-character word that may follow a name (来, 和, 向) is no character of the table, or
    the run would take it in (巴特尔来到 → 巴特尔来)."""
    rows = load_table("ethnic_names.tsv")
    chars = "".join(row[0] for row in rows if row[1] in ("start", "inner"))
    verbs = {w for w in context_words("after") if len(w) == 1}
    assert not verbs & set(chars)
    assert len(set(chars)) == len(chars)  # each character once
    assert all(set(row[0]) <= set(chars) for row in rows if row[1] == "notname")


@pytest.mark.parametrize(
    "text, at, expected",
    [
        ("县长王明出席会议", 4, True),  # a cue word of two characters
        ("县长王明", 4, True),  # the end
        ("县长王明，", 4, True),  # a mark
        ("县长宝贵的时间", 4, False),  # a word of one character
        ("买买提·艾力", 3, False),  # a middle dot goes on with the name
    ],
)
def test_strong_boundary(text, at, expected):
    assert strong_boundary(text, at) is expected


def test_a_cue_word_ends_a_name_surely_as_a_test_of_each_word_would_say():
    longer = [w for w in context_words("after") if len(w) > 1]
    for word in context_words("after"):
        for cut in range(1, len(word) + 1):  # the word whole, or cut by the end of the text
            text = "王明" + word[:cut]
            if text[2] == "·" or not HAN.match(text[2]):
                continue
            assert strong_boundary(text, 2) is any(text.startswith(w, 2) for w in longer), text


@pytest.mark.parametrize(
    "text, shortest, expected",
    [
        ("王出席", 1, True),
        ("王出席", 2, True),
        ("王出席", 3, False),  # no word of three characters or more in it
        ("王明", 1, False),
        ("", 1, False),
    ],
)
def test_holds_word(text, shortest, expected):
    assert holds_word("after", text, shortest=shortest) is expected


@pytest.mark.parametrize("word", ["王A", "王明1", "王·明", "王 明"])
def test_a_name_is_of_han_characters_only(word):
    assert not is_chinese_name(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # 时 opens a given name of two characters (李时珍, 陈时中) where it begins no word of time
        ("李时珍", True),
        ("陈时中", True),
        ("王时间", False),
        ("李时任", False),
        ("张时候", False),
        ("王时", False),
    ],
)
def test_shi_opens_a_given_name_of_two(word, expected):
    assert is_chinese_name(word) is expected
