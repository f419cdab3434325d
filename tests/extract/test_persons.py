import re
import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govkg.extract.persons import find_persons
from govkg.extract.records import Release
from govkg.extract.sentences import split_sentences


def persons(text, place=None):
    release = Release(id="t", text=text, place=place)
    return {p.name: p for p in find_persons(release, tuple(split_sentences(text)))}


def titles(text, place=None):
    return {name: sorted(h.title for h in p.holdings) for name, p in persons(text, place).items()}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title chain split at 、
        ("县委副书记、县长王小明出席会议。", {"王小明": ["县委副书记", "县长"]}),
        # a chain split at 兼
        ("区长兼开发区党工委书记李四主持。", {"李四": ["区长", "开发区党工委书记"]}),
        # names listed after a title share it
        (
            "县人大常委会副主任张三、李四、王五出席。",
            {n: ["县人大常委会副主任"] for n in ("张三", "李四", "王五")},
        ),
        # a given name that opens with 年, in a list sharing its title
        (
            "县人大常委会副主任张小东、李年贵、王大伟出席。",
            {n: ["县人大常委会副主任"] for n in ("张小东", "李年贵", "王大伟")},
        ),
        # 应对, 对外, 对口 hold 对 inside a title; it is no preposition before it there
        (
            "省委副书记、省长、省应对疫情工作领导小组总指挥王小明出席。",
            {"王小明": ["省委副书记", "省应对疫情工作领导小组总指挥", "省长"]},
        ),
        ("中共中央对外联络部部长王小明会见了代表团。", {"王小明": ["中共中央对外联络部部长"]}),
        ("某县对口支援工作组组长王小明出席。", {"王小明": ["某县对口支援工作组组长"]}),
        # control: 对 before a title is still a preposition
        ("会议对副县长王小明提出要求。", {"王小明": ["副县长"]}),
        # a party's 组织员 is a title of a chain
        ("街道党工委委员、组织员林小盛出席。", {"林小盛": ["组织员", "街道党工委委员"]}),
        # a surname and a post after an organ call another person: no title of the chain
        ("某街道党工委徐书记、街道党工委委员、组织员林小盛出席。", {"林小盛": ["组织员", "街道党工委委员"]}),
        ("县委办刘主任、县委常委王小明出席。", {"王小明": ["县委常委"]}),
        # controls: an organ's own head, a surname that follows no organ's end
        ("县纪委书记、县监委主任王小明出席。", {"王小明": ["县监委主任", "县纪委书记"]}),
        ("县委常委、县公安局长王小明出席。", {"王小明": ["县公安局长", "县委常委"]}),
        # a verb of receiving before a title is no part of it
        ("受到集团董事局主席王小明的热烈欢迎。", {"王小明": ["集团董事局主席"]}),
        ("会议得到市长王小明的肯定。", {"王小明": ["市长"]}),
        # a place before a level title is no name (黄浦 + 区长: the head of 黄浦区)
        ("市长王小明向黄浦区长期以来的支持表示感谢。", {"王小明": ["市长"]}),
        ("江宁区长王大伟出席。", {"王大伟": ["江宁区长"]}),
        # control: a name that makes no place with the level word
        ("王汇区长出席会议。", {"王汇": ["区长"]}),
        # a ministry's chief engineer or chief accountant is a post
        ("某部总工程师张小明一行抵达我市。", {"张小明": ["某部总工程师"]}),
        ("集团总会计师李小红陪同。", {"李小红": ["集团总会计师"]}),
        # a name after a title that opens its clause, not a title item after it
        ("9日，市委副书记、市长，王小明到某镇调研。", {"王小明": ["市委副书记", "市长"]}),
        (
            "主任李小红出席。某片区各社区党组织书记,相关工作组组长参加会议。",
            {"李小红": ["主任"]},
        ),
        # a group word is no title
        ("县领导张三、李四、王五参加会议。", {"张三": [], "李四": [], "王五": []}),
        # a title after the name
        ("要贯彻落实张小平总书记重要指示精神。", {"张小平": ["总书记"]}),
        # an appointment notice
        (
            "会议决定任命赵六同志为县政府副县长，免去钱七同志副县长一职。",
            {"赵六": ["县政府副县长"], "钱七": ["副县长"]},
        ),
        # a compound surname
        ("副县长欧阳晓东主持会议。", {"欧阳晓东": ["副县长"]}),
        # a foreign name after a foreign title
        ("国务院总理李四会见了德国外长施密特。", {"李四": ["国务院总理"], "施密特": ["德国外长"]}),
        # a foreign official after a title naming the country
        ("副总理李四会见了美国财政部长耶伦。", {"李四": ["副总理"], "耶伦": ["美国财政部长"]}),
        # a space between the title and the name, as scraped
        ("县委书记 张建国 出席并讲话。", {"张建国": ["县委书记"]}),
        # a notice naming a chain of titles, and one naming several people
        ("会议决定任命周七为县政府副县长、代理县长。", {"周七": ["代理县长", "县政府副县长"]}),
        ("会议还任命了吴九、郑十为县委员会委员。", {"吴九": ["县委员会委员"], "郑十": ["县委员会委员"]}),
        # heads of posts outside government offices: police, press, companies, units
        (
            "县公安局党委书记、局长、督察长张明出席。",
            {"张明": ["县公安局党委书记", "局长", "督察长"]},
        ),
        ("外交部发言人华小莹回答提问。", {"华小莹": ["外交部发言人"]}),
        ("公司董事、总经理王强介绍。", {"王强": ["公司董事", "总经理"]}),
        ("派出所指导员李伟参加。", {"李伟": ["派出所指导员"]}),
        # 赖, a common surname, opens a name after a title; the words it opens name no one
        ("镇党委委员、副镇长赖海清陪同。", {"赖海清": ["副镇长", "镇党委委员"]}),
        ("副县长赖明说，要抓好落实。", {"赖明": ["副县长"]}),
        ("县长王五指出，产业发展赖以生存。", {"王五": ["县长"]}),
        # 则 after a name before what the holder says (甲则表示): no character of the name
        ("县委常委、政法委书记余青岚则说，要抓好落实。", {"余青岚": ["县委常委", "政法委书记"]}),
        ("副县长王明则表示，要抓好落实。", {"王明": ["副县长"]}),
        # controls: 则 inside a given name, and inside a name written with ·
        ("县长李则明出席会议。", {"李则明": ["县长"]}),
        ("村长买买提·如则艾力作了汇报。", {"买买提·如则艾力": ["村长"]}),
        # names written with ·
        ("自治区主席雪克来提·扎克尔主持会议。", {"雪克来提·扎克尔": ["自治区主席"]}),
        ("会见澳大利亚总理托尼·阿博特。", {"托尼·阿博特": ["澳大利亚总理"]}),
        # the name's last character may start a word that follows names (买买提|出席, not 买买|提出)
        ("自治区副主席艾力·买买提出席会议。", {"艾力·买买提": ["自治区副主席"]}),
        ("自治区副主席艾力·阿不都提出要求。", {"艾力·阿不都": ["自治区副主席"]}),
        # titles after names, in a chain
        (
            "在张小平总书记、国家主席和本扬总书记、国家主席的共同引领下。张小平强调。",
            {"张小平": ["国家主席", "总书记"], "本扬": ["国家主席", "总书记"]},
        ),
        # a name before a word that is no cue, named again elsewhere
        ("会上，县委常委王小明领学了文件。王小明强调，要抓落实。", {"王小明": ["县委常委"]}),
        # a stray space inside a name, as scraped
        ("副县长王 小明主持会议。", {"王小明": ["副县长"]}),
        # an ordinal inside a title
        ("第5届运动会组委会主任王小明出席。", {"王小明": ["第5届运动会组委会主任"]}),
        # a leader's own title is not the title of what follows (来青 is no name)
        ("要落实张小平总书记来青考察时的讲话精神。张小平总书记强调。", {"张小平": ["总书记"]}),
        # a list whose items share one first character is no list of names
        ("县长王小明边走、边看、边问。", {"王小明": ["县长"]}),
        # notices with several comrades
        ("会议同意李四、赵六两位同志辞去县人大代表职务。", {"李四": ["县人大代表"], "赵六": ["县人大代表"]}),
        # a given name that begins with 会
        ("会议决定接受王会军同志辞去某县人民政府县长职务的请求。", {"王会军": ["某县人民政府县长"]}),
        # a bare name opening a clause before a verb
        ("会议由县委办主持。孙八主持会议并讲话。", {"孙八": []}),
        # 为 after a name in a notice is "as", no character of the name (王小明为 is no one)
        ("会议决定任命王小明为副县长。", {"王小明": ["副县长"]}),
        ("会议决定任命王小明、李大伟为副县长。", {"王小明": ["副县长"], "李大伟": ["副县长"]}),
        ("市长王小明以“四不两直”方式检查安全生产。", {"王小明": ["市长"]}),
        ("县委书记孙八与副县长王小明座谈时强调。", {"孙八": ["县委书记"], "王小明": ["副县长"]}),
        # 甲任…主任，乙、丙任副主任 in a notice: each takes his own post, never the clause before
        (
            "会议宣布，理事会聘任邬明远等人为理事，罗志坚任理事会主任，韩立新、庞静任副主任。",
            {"罗志坚": ["理事会主任"], "韩立新": ["副主任"], "庞静": ["副主任"]},
        ),
        # …and without a notice's verb, no post rather than the clause before the comma
        ("会上，罗志坚任理事会主任，韩立新、庞静任副主任。", {"罗志坚": [], "韩立新": [], "庞静": []}),
        # controls: a comma after a title clause still names its holder; 任 inside a title stays
        ("县委副书记、县长，王小明到某镇调研。", {"王小明": ["县委副书记", "县长"]}),
        ("市人大常委会副主任委员罗志坚出席。", {"罗志坚": ["市人大常委会副主任委员"]}),
        ("会议决定任命罗志坚同志任县教育局局长。", {"罗志坚": ["县教育局局长"]}),
        # 改任 / 均兼任 after a titled name: the name is read, and the clause is no title of the next
        (
            "原某办主任罗志坚改任常务副主任，某联络处主任韩立新均兼任某办副主任。",
            {"罗志坚": ["原某办主任"], "韩立新": ["某联络处主任"]},
        ),
        ("副县长韩立新、庞静均出席会议。", {"韩立新": ["副县长"], "庞静": ["副县长"]}),
        # 公布 and 新任 go before a title, no part of it
        (
            "国务院公布某省政协副主席韩立新兼任某办主任职务。",
            {"韩立新": ["某办主任", "某省政协副主席"]},
        ),
        ("医院新任党委书记韩立新深入科室调研。", {"韩立新": ["党委书记"]}),
        # 来 and a province's abbreviation is a visit, no name (来 is a surname too)
        ("主任对某地代表委员来沪参加会议表示欢迎。", {}),
        ("副县长来小红参加会议。", {"来小红": ["副县长"]}),
        # 边…边 (while … while) after a titled name is no name of surname 边
        ("会上，县政协副主席韩立新边听边记。", {"韩立新": ["县政协副主席"]}),
        ("副县长边小红出席会议。", {"边小红": ["副县长"]}),
        # a title's words after 、 in a chain are no foreign name (分管日常工作 + 副主席)
        (
            "某协会党组书记、分管日常工作副主席、书记处第一书记韩立新出席。",
            {"韩立新": ["书记处第一书记", "分管日常工作副主席", "某协会党组书记"]},
        ),
        ("会谈中，阿尔特总统、巴尔克总统先后发言。", {"阿尔特": ["总统"], "巴尔克": ["总统"]}),
        # the event a holder came to ends the clause before 的; an organ's 的 stays in the title
        (
            "来某县出席某馆开馆仪式的某院咨询委员会秘书长韩立新一行莅临。",
            {"韩立新": ["某院咨询委员会秘书长"]},
        ),
        ("某办公室分管日常工作的副主任韩立新出席。", {"韩立新": ["某办公室分管日常工作的副主任"]}),
        (
            "会议宣布，聘任邬明远等人为理事，罗志坚任理事会主任，韩立新、庞静均任副主任。",
            {"罗志坚": ["理事会主任"], "韩立新": ["副主任"], "庞静": ["副主任"]},
        ),
    ],
)
def test_titles(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "深入学习张小平新时代中国特色社会主义思想。",
        "参观了张三李四纪念馆。",
        "（记者 王小明）全县经济发展。",
        "会议强调，严格要求各部门落实责任。方案指出，要加强管理。",
        "协会会长单位代表出席会议。",
        "运动员代表宣誓。",  # a verb that follows names, after a title, is no name itself
        "重点检查了，柳林、金川、高平等地的防汛工作。",
        "分别在，马鞍山、黄山、宣城设分会场。",
    ],
)
def test_names_inside_other_names_are_no_mentions(text):
    assert persons(text) == {}


def test_every_mention_of_a_found_name():
    text = "县长王小明出席。王小明指出，要抓落实。王小明强调，要守底线。"
    (person,) = persons(text).values()
    assert [text[m.start : m.end] for m in person.mentions] == ["王小明"] * 3


@pytest.mark.parametrize(
    ("text", "place", "where", "organ"),
    [
        ("市长王小明出席。", "巴中市", "巴中市", "巴中市人民政府"),
        ("省委书记王小明出席。", "巴中市", "四川省", "中共四川省委员会"),
        ("国务院副总理王小明出席。", "巴中市", "中国", "中华人民共和国国务院"),
        ("县长王小明出席。", "巴中市", "?", "None"),
        ("副主任王小明出席。", None, "?", "None"),
        ("法国外长施密特出席。", "中国", "法国", "None"),
    ],
)
def test_jurisdiction(text, place, where, organ):
    (person,) = persons(text, place).values()
    assert person.jurisdiction == where
    assert str(person.holdings[0].organization) == organ


def test_traditional_text_and_glosses_come_out_as_written():
    text = "市委常委、統(tǒng)戰(zhàn)部部長(zhǎng)王小明出席會議。"
    (person,) = persons(text, "巴中市").values()
    assert person.name == "王小明"
    assert [h.title for h in person.holdings] == ["市委常委", "統(tǒng)戰(zhàn)部部長(zhǎng)"]


@given(st.text(alphabet="县长副书记王小明李四、，。出席主持同志领导等和在", max_size=40))
def test_spans_point_at_what_they_name(text):
    for person in persons(text).values():
        for span in person.mentions:
            assert text[span.start : span.end].replace(" ", "") == person.name
        for holding in person.holdings:
            assert text[holding.span.start : holding.span.end] == holding.title


def test_a_foreign_leader_without_a_country_is_no_national_official():
    text = "李四表示，同施密特总统举行了会谈。"
    people = persons(text, "中国")
    assert people["施密特"].jurisdiction == "?"


def test_a_bare_title_takes_the_place_of_its_chain():
    text = "县委常委、宣传部部长李四到某某镇调研。"
    (person,) = persons(text, "巴中市").values()
    assert [h.jurisdiction for h in person.holdings] == [None, None]
    assert person.jurisdiction == "?"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an adverb of how a visit is made may follow the name (随机, 突击, 不打招呼, 冒雪)
        ("6月9日，县长李小强随机暗访某镇农贸市场。", {"李小强": ["县长"]}),
        ("市长张明华突击检查某工地。", {"张明华": ["市长"]}),
        ("市长张明华不打招呼直奔某镇。", {"张明华": ["市长"]}),
        ("市长张明华冒雪走访群众。", {"张明华": ["市长"]}),
        # controls: the adverb right after the title is no name
        ("县长随机抽查企业。", {}),
        ("副县长突击检查企业。", {}),
    ],
)
def test_an_adverb_of_the_visit_after_the_name(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a list 等 and a word for people close: its first name needs no word before names
        ("这里走出张衡、蔡伦等历史名人。", ["张衡", "蔡伦"]),
        ("全县涌现出张明华、李红梅等一批先进个人。", ["张明华", "李红梅"]),
        ("这一带涌现出张华、李明等英雄。", ["张华", "李明"]),
        # controls: not closed so, or closed by a word places and firms are too
        ("这里走出张衡、蔡伦等地。", []),
        ("全县涌现出王庄、李营等先进典型。", []),
        ("这里走出张衡、蔡伦等历史名人和王明。", ["张衡", "蔡伦"]),
        ("推广了金银花、黄芪等一批品种。", []),
    ],
)
def test_a_list_of_people_closed_by_what_they_are(text, names):
    assert sorted(persons(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a four-character name without a Chinese surname between two names of a list
        (
            "省人大常委会副主任张光明、扎西卓玛、鸟成才、吴小昆出席会议。",
            ["吴小昆", "张光明", "扎西卓玛", "鸟成才"],
        ),
        ("副县长王小明、扎西卓玛、李四出席。", ["李四", "王小明", "扎西卓玛"]),
        # at the list's end, before a word for attending, where it is written in the characters
        # of such names (ethnic_names.tsv)
        ("副县长王小明、扎西卓玛出席。", ["王小明", "扎西卓玛"]),
        # controls: not at the list's end otherwise, nor a word of an organ or a place
        ("副县长王小明、文旅专班出席。", ["王小明"]),
        ("副县长王小明、李四、扎西卓玛、各乡镇负责人出席。", ["李四", "王小明"]),
        ("副县长王小明、李四、县人武部、赵五出席。", ["李四", "王小明", "赵五"]),
    ],
)
def test_a_four_character_name_between_names_of_a_list(text, names):
    assert sorted(persons(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name written with · in a list after a title is read whole, and the list goes on past it
        (
            "省政协副主席王建国、艾山·依明江、刘文明出席会议。",
            {"王建国": ["省政协副主席"], "艾山·依明江": ["省政协副主席"], "刘文明": ["省政协副主席"]},
        ),
        ("副主任王建国、古丽·阿不都出席。", {"王建国": ["副主任"], "古丽·阿不都": ["副主任"]}),
        # no part of it is a name of its own (阿不)
        (
            "副主席刘大海、阿不来提·买买提、李明光出席。",
            {"刘大海": ["副主席"], "阿不来提·买买提": ["副主席"], "李明光": ["副主席"]},
        ),
        # controls: not before a word of places, nor a name of things joined by ·
        ("副主任王建国、古丽·阿不都等地。", {"王建国": ["副主任"]}),
        ("副主任王建国、中国·东盟博览会、刘文明出席。", {"王建国": ["副主任"], "刘文明": []}),
    ],
)
def test_a_name_with_a_dot_in_a_list_after_a_title(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "place", "where"),
    [
        # a level title after a title that named its place is that place's
        ("汉中市委副书记、市长王小明来我市考察。", "巴中市", ["汉中市", "汉中市"]),
        ("通江县委副书记、县长王小明出席。", "巴中市", ["通江县", "通江县"]),
        # …and the title after it in the chain, from the place the chain gave the one before
        ("汉中市委常委、市委副书记、市长王小明来我市考察。", "巴中市", ["汉中市"] * 3),
        ("汉中市委常委、宣传部部长、副市长王小明来我市考察。", "巴中市", ["汉中市"] * 3),
        ("宜宾市高场镇党委委员、政法委员、副镇长王小明陪同。", "巴中市", ["宜宾市高场镇"] * 3),
        # control: a title of another level after a bare one keeps its own
        ("四川省委常委、宣传部部长、市委书记王小明出席。", "巴中市", ["四川省", "四川省", "巴中市"]),
        # controls: another level is not taken, nor a place across a name or a comma
        ("四川省委常委、市委书记王小明出席。", "巴中市", ["四川省", "巴中市"]),
        ("汉中市委副书记王小明，市长李四出席。", "巴中市", ["汉中市"]),
        ("市委副书记、市长王小明出席。", "巴中市", ["巴中市", "巴中市"]),
        # an autonomous region's bare title is of the region the release's city is in
        ("自治区党委常委、拉萨市委书记王小明会见客人。", "拉萨市", ["西藏自治区", "拉萨市"]),
        ("自治区主席王小明出席。", "乌鲁木齐市", ["新疆维吾尔自治区"]),
    ],
)
def test_a_level_title_takes_the_place_its_chain_named(text, place, where):
    person = persons(text, place)["王小明"]
    assert [h.jurisdiction for h in person.holdings] == where


@pytest.mark.parametrize(
    ("text", "place", "where"),
    [
        # a level title after 、 or 和 and a name whose title named the place takes that place:
        # a list of one place's leaders (a delegation's, in a host's release)
        ("汉中市委书记张三、市长王小明率团来我市考察。", "巴中市", ["汉中市"]),
        ("陕西省汉中市市委书记张三、市长王小明率团来我市考察。", "巴中市", ["汉中市"]),
        ("汉中市委书记张三和市委副书记、市长王小明来我市考察。", "巴中市", ["汉中市", "汉中市"]),
        ("河北省委书记张三、省长王小明陪同。", "中国", ["河北省"]),
        # …back across the items between that name no place
        ("汉中市人大常委会副主任张三、市检察院检察长李四、市法院院长王小明来访。", "巴中市", ["汉中市"]),
        ("汉中市常务副市长张三、组织部部长李四、副市长王小明接待了考察团。", "巴中市", ["汉中市"]),
        # controls: another level, a comma between them, a title before with no place, and
        # the host's leaders in the next sentence
        ("汉中市常务副市长张三、城固县委书记李四、县长王小明出席。", "巴中市", ["城固县"]),
        ("汉中市常务副市长张三、县委书记李四、县长王小明出席。", "巴中市", [None]),
        ("汉中市常务副市长张三，组织部部长李四、副市长王小明出席。", "巴中市", ["巴中市"]),
        ("陕西省副省长张三、市长王小明出席。", "巴中市", ["巴中市"]),
        ("汉中市委书记张三，市长王小明出席。", "巴中市", ["巴中市"]),
        ("市委书记张三、市长王小明出席。", "巴中市", ["巴中市"]),
        ("汉中市委书记张三来我市考察。市长王小明陪同。", "巴中市", ["巴中市"]),
        # across commas, a list of one place's leaders that leads a delegation (率团, 一行),
        # back over the holders whose titles name no place
        (
            "6日，汉中市委书记、市人大常委会主任张三，市委副书记、市长王小明，市政协主席李四等率团来我市考察。",
            "巴中市",
            ["汉中市", "汉中市"],
        ),
        (
            "6日，汉中市委书记张三，市委副书记、市长李四，市政协主席王小明率团来我市考察。",
            "巴中市",
            ["汉中市"],
        ),
        ("6日，汉中市委书记张三，市长王小明一行来我市考察。", "巴中市", ["汉中市"]),
        # controls: a list that does anything else; one that is no clause's subject; a later
        # title of a chain naming a place (the county-level city's secretary is a city's 常委 too)
        ("6日，汉中市委书记张三，市长王小明陪同客人考察。", "巴中市", ["巴中市"]),
        ("市委书记李四会见了汉中市委书记张三，市长王小明参加会见。", "巴中市", ["巴中市"]),
        (
            "6日，市委常委、阆中市委书记张三，市委常委、宣传部长王小明一行赴成都考察。",
            "南充市",
            ["南充市", "南充市"],
        ),
    ],
)
def test_a_level_title_takes_the_place_the_leader_listed_before_named(text, place, where):
    person = persons(text, place)["王小明"]
    assert [h.jurisdiction for h in person.holdings] == where


@pytest.mark.parametrize(
    ("text", "place", "office", "where"),
    [
        # a bare title after the list's first title and its holder takes that title's body
        ("区人大常委会主任张三，副主任王小明、李四出席会议。", "某某区", "区人大常委会副主任", "某某区"),
        ("团省委书记张三，副书记王小明、李四一行来我市考察。", "枣庄市", "团省委副书记", "山东省"),
        ("新华社某某分社社长张三、副社长王小明到我县调研。", "通江县", "新华社某某分社副社长", None),
        ("县公安局局长张三、副局长王小明陪同。", "通江县", "县公安局副局长", "通江县"),
        # controls: a title of its own level; no body to take; a clause between them
        ("市长张三，副市长王小明出席。", "巴中市", "副市长", "巴中市"),
        ("主任张三、副主任王小明出席。", "巴中市", "副主任", "巴中市"),
        ("区人大常委会主任张三主持会议，副主任王小明出席。", "某某区", "副主任", "某某区"),
        ("团省委书记张三来我市考察，副书记王小明陪同。", "枣庄市", "副书记", "枣庄市"),
    ],
)
def test_a_bare_title_of_a_list_takes_the_body_of_its_first_title(text, place, office, where):
    person = persons(text, place)["王小明"]
    (holding,) = person.holdings
    assert holding.title.startswith("副") and office.endswith(holding.title)  # as written
    assert holding.office.office == office
    assert holding.jurisdiction == where


@pytest.mark.parametrize(
    ("text", "place", "office", "organ"),
    [
        # the post after a party group's in one chain is the post of the organ the group is in
        ("县财政局党组书记、局长王小明主持会议。", "通江县", "县财政局局长", None),
        (
            "县人大常委会党组副书记、副主任王小明出席。",
            "通江县",
            "县人大常委会副主任",
            "通江县人民代表大会常务委员会",
        ),
        ("县法院党组书记、院长王小明出席。", "通江县", "县法院院长", "通江县人民法院"),
        # controls: a title of its own level; no organ before the group; a clause between them
        ("市政府党组成员、副市长王小明出席。", "巴中市", "副市长", "巴中市人民政府"),
        ("党组书记、局长王小明出席。", "巴中市", "局长", None),
        ("县财政局党组书记李四主持，局长王小明出席。", "通江县", "局长", None),
    ],
)
def test_the_post_after_a_party_groups_takes_its_organ(text, place, office, organ):
    (holding,) = [h for h in persons(text, place)["王小明"].holdings if "党组" not in h.title]
    assert office.endswith(holding.title)  # as written
    assert holding.office.office == office
    assert holding.organization == organ


@pytest.mark.parametrize(
    ("text", "place", "organs"),
    [
        # a committee's secretary-general or department head after its member: that committee's
        (
            "全国政协副主席兼秘书长王小明出席。",
            "中国",
            ["中国人民政治协商会议全国委员会", "中国人民政治协商会议全国委员会"],
        ),
        ("市委副书记、统战部部长王小明出席。", "巴中市", ["中共巴中市委员会", "中共巴中市委员会"]),
        ("市委常委、秘书长王小明出席。", "巴中市", ["中共巴中市委员会", "中共巴中市委员会"]),
        # controls: a post of a body of its own, a government's title, titles of two people
        ("市委副书记、开发区党工委书记王小明出席。", "巴中市", ["中共巴中市委员会", None]),
        ("副市长、秘书长王小明出席。", "巴中市", ["巴中市人民政府", None]),
        ("市委副书记李四，秘书长王小明出席。", "巴中市", [None]),
    ],
)
def test_a_bare_post_in_a_chain_takes_the_committee_before_it(text, place, organs):
    holdings = persons(text, place)["王小明"].holdings
    assert [h.organization for h in holdings] == organs


def test_by_whom_a_post_is_taken_is_no_surname():
    # 大会秘书长由甲担任: 由 is "by"; the one named after it takes no post before it
    found = persons("会议决定大会副秘书长由林青山、郑一民等2位同志担任。")
    assert "林青山" in found and "郑一民" in found
    assert not any(name.startswith("由") for name in found)
    assert not found["林青山"].holdings
    # control: the surname 由 of one who takes a post named after the verb
    assert "由喜贵" in persons("副县长由喜贵兼任县卫生健康局局长。")


@pytest.mark.parametrize(
    ("text", "place", "where"),
    [
        # a title that names a body or a place of its own is not the release's
        ("台南市议员王小明一行来我市参观。", "巴中市", [None]),
        ("新华社某某分社社长王小明到我县调研。", "通江县", [None]),
        ("世界某某论坛主席王小明出席。", "中国", [None]),
        ("中国国民党副主席王小明、秘书长李四来访。", "巴中市", [None]),
        # the officer of a company whose name opens with another province's or city's name
        ("佛山华锐电器有限公司董事长王小明出席签约仪式。", "通江县", [None]),
        ("签约仪式上，广东某某集团总经理王小明致辞。", "通江县", [None]),
        # a chain after such a title keeps it
        ("中国国民党副主席、秘书长王小明来访。", "巴中市", [None, None]),
        # controls: a title naming a Chinese place, a country, or none at all
        ("汉中市人大代表王小明来我市考察。", "巴中市", ["汉中市"]),
        ("德国驻成都总领事王小明来访。", "巴中市", ["德国"]),
        ("市外事办国际合作处处长王小明出席。", "巴中市", ["巴中市"]),
        ("县政协委员王小明发言。", "通江县", ["通江县"]),
        # controls: a company of the release's own city or province, of no place named, and one
        # whose name opens with a county's short name (a brand as often as a place)
        ("巴中某某集团董事长王小明出席。", "通江县", ["通江县"]),
        ("四川某某集团董事长王小明出席。", "通江县", ["通江县"]),
        ("华锐电器有限公司董事长王小明出席。", "通江县", ["通江县"]),
        ("兴业集团董事长王小明出席。", "日照市", ["日照市"]),
    ],
)
def test_a_title_of_a_body_of_its_own_gets_no_release_place(text, place, where):
    person = persons(text, place)["王小明"]
    assert [h.jurisdiction for h in person.holdings] == where
    assert person.jurisdiction == (where[0] or "?")


@pytest.mark.parametrize(
    ("text", "place", "where"),
    [
        # the city whose congress opens an election or appointment takes the title
        ("3月1日，安康市第五届人民代表大会第二次会议选举王小明为人民政府市长。", None, "安康市"),
        ("3月1日，汉中市第九届人民代表大会第二次会议选举王小明为人民政府市长。", None, "汉中市"),
        ("汉中市第九届人民代表大会第二次会议选举王小明为人民政府市长。", "陕西省", "汉中市"),
        ("汉中市人大常委会决定任命王小明为市人民政府副市长。", "巴中市", "汉中市"),
        ("通江县第八届人民代表大会选举王小明为县人民政府县长。", "巴中市", "通江县"),
        # controls: a congress of another level, a place that opens no clause of the
        # title, no notice verb between, or a place followed by no congress
        ("汉中市第九届人民代表大会第二次会议选举王小明为县长。", "巴中市", "?"),
        ("汉中市人大代表李四说，市长王小明出席。", "巴中市", "巴中市"),
        ("汉中市人大代表李四与市长王小明交流。", "巴中市", "巴中市"),
        ("汉中市人民政府任命王小明为市长。", None, "?"),
    ],
)
def test_a_title_elected_by_a_named_congress_is_of_its_place(text, place, where):
    person = persons(text, place)["王小明"]
    assert person.jurisdiction == where


@pytest.mark.parametrize(
    ("text", "name", "foreign"),
    [
        # a foreign guest: a foreign head after the name, a foreign title, a received guest
        ("李四表示，同奥朗德总统举行了会谈。", "奥朗德", True),
        ("国家主席李四会见了来访的法国总统奥朗德。", "奥朗德", True),
        ("李四会见俄罗斯客人科恰诺娃。科恰诺娃表示，愿同中方合作。", "科恰诺娃", True),
        # controls: the host, and a local official named bare after his title
        ("国家主席李四会见了来访的法国总统奥朗德。", "李四", False),
        ("县长王小明出席。王小明强调，要抓落实。", "王小明", False),
    ],
)
def test_a_foreign_guest_is_marked_foreign(text, name, foreign):
    assert persons(text, "中国")[name].foreign is foreign


@given(st.text(alphabet="县长副书记王小明李四、，。出席主持同志领导等和在严格高度金川柳林平", max_size=60))
def test_any_text_ends(text):
    # lists of rejected words once looped for ever; any text must come back, and
    # an endless loop must fail this test, not hang the suite: the call runs in a
    # daemon thread that is given up on after a generous deadline
    outcome: list[object] = []
    worker = threading.Thread(target=lambda: outcome.append(persons(text)), daemon=True)
    worker.start()
    worker.join(timeout=_HANG_DEADLINE)
    assert not worker.is_alive(), f"persons() did not return within {_HANG_DEADLINE} s on {text!r}"
    assert outcome, f"persons() raised on {text!r}"


_HANG_DEADLINE = 5.0  # seconds; a hang guard, not a speed check (one call takes milliseconds)


def untagged(text):
    return set(untagged_titles(text))


def untagged_titles(text):
    """The names the rules alone find, each with its titles, sorted."""
    release = Release(id="t", text=text)
    found = find_persons(release, tuple(split_sentences(text)), tagger=False)
    return {p.name: sorted(h.title for h in p.holdings) for p in found}


@pytest.mark.parametrize(
    ("text", "added"),
    [
        ("市长王建国主持会议。刘伟、张明参加会见。", {"刘伟"}),  # a list without titles
        ("得知吕平、张强两位党员支援机场防疫工作。", {"吕平", "张强"}),
        ("在病房，他同受伤的杨玉兰、高建军夫妇亲切交谈。", {"杨玉兰", "高建军"}),
        ("在会见史密斯时，王建国表示，中方愿同英方加强合作。英国首相来访。", {"史密斯"}),  # a foreign guest
        # one who leads a group, untitled (一行, 带队, 率队 follow a person)
        ("6月8日，张明一行拜会省人民政府。", {"张明"}),
        ("当天，李明率队赴某市考察。", {"李明"}),
        ("王强带队到某县调研。", {"王强"}),  # a name at the very start of the text
        # a kind of person before a name, no title (模范 ends in a surname character)
        ("全国劳动模范李桂兰参加座谈。", {"李桂兰"}),
        ("6月8日，工程师王强介绍了项目情况。", {"王强"}),
        ("律师李明说，要依法办事。", {"李明"}),
        ("县长王建国看望了驻村干部李明。", {"李明"}),  # a cadre posted to a village
        ("座谈会上，民革某委会主委王建国、无党派人士李明先后发言。", {"李明"}),  # a person of no party
    ],
)
def test_the_tagger_adds_names_the_rules_miss(text, added):
    assert set(persons(text)) - untagged(text) == added


@pytest.mark.parametrize(
    "text",
    [
        "要在勤学、修德、明辨、笃实上下功夫。",  # a list of virtues, not of people
        "中方愿同马方深化合作。马来西亚总统表示。",  # a side in talks
        "本报讯(记者王明)3月2日,县长李强参加会议。",  # a byline
        "县长李强先后到巴特尔养殖家庭牧场、乌兰农场调研。",  # a farm named after its owner
        "县长李强出席读书会，领读了《刘胡兰传》。",  # inside 《》
        "要把群众利益放在首位，请专家来华工作。",  # a kind of person, then no name
        "县长李强向广大干部群众致以问候。",
        "社会各界人士参加活动，县长李强讲话。",
        # items of a list 等 closes with a word for places or bodies
        "县委常委、组织部长刘剑分别深入舞泉、辛安、侯集、保和等乡镇看望慰问困难群众。",
        "县长李强先后走访了华兴、宏达、侯集等企业。",
        # controls (the rules read these names; the tagger adds none): the people of such places
        "县长李强看望了王小明、刘桂花等村干部。",
    ],
)
def test_the_tagger_adds_no_name_its_checks_reject(text):
    assert set(persons(text)) == untagged(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of telling or urging no lexicon lists ends a name after a title, where the
        # tagger reads the name and a verb after it
        ("省长王海峰告诫有关部门要守住底线。", {"王海峰": ["省长"]}),
        ("区长孙立军褒扬志愿者的奉献精神。", {"孙立军": ["区长"]}),
        ("市长马春雷敦促各地加快进度。", {"马春雷": ["市长"]}),
    ],
)
def test_the_tagger_ends_a_name_after_a_title_before_a_verb(text, expected):
    assert untagged(text) == set()
    assert titles(text) == expected


def test_the_tagger_does_not_cut_a_long_name_after_a_title():
    # LAC reads 胡日沁 and an adverb after it: the rest of the name is no verb
    text = "走访联系旗级人大代表胡日沁必力格时，宝龙与代表们亲切交谈。"
    assert "胡日沁" not in persons(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words of joining, urging and telling end a name (rules alone, no tagger)
        ("市委书记张建国会同市长李明到某区调研。", {"张建国": ["市委书记"], "李明": ["市长"]}),
        ("市委书记郑国强联合市长宋立新召开会议。", {"郑国强": ["市委书记"], "宋立新": ["市长"]}),
        ("市委书记何平偕夫人出席招待会。", {"何平": ["市委书记"]}),
        ("省长王海峰叮嘱有关部门抓好落实。", {"王海峰": ["省长"]}),
        ("县长吴建军寄语青年学子。", {"吴建军": ["县长"]}),
        # 受…委托: 受 is no part of the title; 受理 is
        ("受县委书记许红兵委托，县长王代强主持会议。", {"许红兵": ["县委书记"], "王代强": ["县长"]}),
        ("市政务服务中心受理科科长张三介绍情况。", {"张三": ["市政务服务中心受理科科长"]}),
        # a word before titles inside a place's name is part of the title (同 in 大同市)
        ("大同市市长张三出席会议。", {"张三": ["大同市市长"]}),
        ("向阳区区长李四出席会议。", {"李四": ["向阳区区长"]}),
        ("会同县县长王五出席会议。", {"王五": ["会同县县长"]}),
        # 联合 in an organisation's name is part of the title
        ("某市慈善联合会会长臧庆富介绍情况。", {"臧庆富": ["某市慈善联合会会长"]}),
        # a call paid (拜会, 拜访) ends the visitor's name and opens the title of whom he calls on
        (
            "省长刘志强前往北京拜访某部主任陈建华。",
            {"刘志强": ["省长"], "陈建华": ["某部主任"]},
        ),
        ("市长刘志强拜会了省委书记陈建华。", {"刘志强": ["市长"], "陈建华": ["省委书记"]}),
        # so does how one takes part (通过视频连线, 以视频方式)
        ("市长刘志强通过视频连线参加全省防汛工作电话会议。", {"刘志强": ["市长"]}),
        ("市长刘志强以视频方式出席全省防汛工作会议。", {"刘志强": ["市长"]}),
    ],
)
def test_names_end_before_words_of_joining_and_titles_keep_place_names(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # heads of national agencies, associations and firms, and of diplomacy
        ("海关总署署长倪某峰出席。", {"倪某峰": ["海关总署署长"]}),
        ("国家审计署审计长侯某作报告。", {"侯某": ["国家审计署审计长"]}),
        ("省慈善总会理事长张立新致辞。", {"张立新": ["省慈善总会理事长"]}),
        ("中国驻某国大使谢某锋会见该国官员。", {"谢某锋": ["中国驻某国大使"]}),
        ("美国国务卿布林肯通电话。", {"布林肯": ["美国国务卿"]}),
        ("世界卫生组织总干事谭德塞表示，将加强合作。", {"谭德塞": ["世界卫生组织总干事"]}),
        # a head inside a word is no title
        ("市场长期向好，全面完成重大使命。", {}),
    ],
)
def test_titles_of_agencies_associations_and_diplomacy(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("县人力资源和社会保障局局长张三出席会议。", {"张三": ["县人力资源和社会保障局局长"]}),
        ("教育和体育局局长孙七讲话。", {"孙七": ["教育和体育局局长"]}),
        # the special committees of congresses and CPPCC committees (学习 is also a word before titles)
        ("县政协社会和法制委员会主任孙七发言。", {"孙七": ["县政协社会和法制委员会主任"]}),
        (
            "文史和学习委员会主任孙七、监察和司法委员会副主任李四发言。",
            {"孙七": ["文史和学习委员会主任"], "李四": ["监察和司法委员会副主任"]},
        ),
        ("会上学习委员会主任孙七的讲话。", {"孙七": ["委员会主任"]}),  # control: 学习 a verb
        ("市长张三和副市长李四出席。", {"张三": ["市长"], "李四": ["副市长"]}),  # 和 between titles
        # 和 joins the last title of a list of one person's titles (A、B和C)
        ("市委常委、宣传部长和统战部长张三出席。", {"张三": ["宣传部长", "市委常委", "统战部长"]}),
        ("县委常委、组织部部长和县委办主任李四出席。", {"李四": ["县委办主任", "县委常委", "组织部部长"]}),
        # …not two titles alone, which may be two people's (县委书记 unnamed, 县长 张三)
        ("县委书记和县长张三出席。", {"张三": ["县长"]}),
        # 和 after a title and its name starts the next person's title, though 和县 is a county
        ("县委常委、副县长王小明和县长李四出席。", {"王小明": ["副县长", "县委常委"], "李四": ["县长"]}),
        ("安徽省和县县长张三出席。", {"张三": ["安徽省和县县长"]}),
    ],
)
def test_a_title_may_contain_a_sectors_and(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "副县长孙某某,黄旺,吕振,各乡镇负责人参加会议。",
            {"孙某某": ["副县长"], "黄旺": ["副县长"], "吕振": ["副县长"]},
        ),
        ("副市长王强，刘伟，张明参加。", {"王强": ["副市长"], "刘伟": ["副市长"], "张明": ["副市长"]}),
        ("县委书记张三，李四主持会议。", {"张三": ["县委书记"], "李四": []}),  # one bare name: no list
    ],
)
def test_a_title_is_shared_across_a_comma_list_of_bare_names(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a biography's subject, with the posts it held (ANNOTATION.md: every title the text gives)
        ("张伟，男，汉族，1970年3月生，历任某县县长。", {"张伟": ["某县县长"]}),
        ("拟任人选：\n李红，女，1975年生。", {"李红": []}),
        ("市长王强，男女老少都来了。", {"王强": ["市长"]}),  # 男女 is no biography
        ("巴彦苏木苏木达张三、嘎查达李四陪同调研。", {"张三": ["巴彦苏木苏木达"], "李四": ["嘎查达"]}),
        ("立法會議員招玉芳出席活動。", {"招玉芳": ["立法會議員"]}),  # a Cantonese surname, traditional
    ],
)
def test_bios_banner_offices_and_traditional_pages(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of an official's work after the name ends it
        ("县委书记张明发表讲话。", {"张明": ["县委书记"]}),
        ("县委书记张明发表重要讲话，强调要抓落实。", {"张明": ["县委书记"]}),
        ("会上，县委书记张明领学了文件。", {"张明": ["县委书记"]}),
        ("市委副书记王小军专题研究防汛工作。", {"王小军": ["市委副书记"]}),
        ("市委副书记王小军研究部署防汛工作。", {"王小军": ["市委副书记"]}),
        ("县长王小军视频调度防汛工作。", {"王小军": ["县长"]}),
        ("县长王小军调度防汛工作。", {"王小军": ["县长"]}),
        ("县委书记张明接受采访。", {"张明": ["县委书记"]}),
        ("县委书记张明莅临指导。", {"张明": ["县委书记"]}),
        ("县委书记张明亲临现场。", {"张明": ["县委书记"]}),
        ("县委书记张明答记者问。", {"张明": ["县委书记"]}),
        ("县委书记张明总结工作。", {"张明": ["县委书记"]}),
        ("县委书记张明授课。", {"张明": ["县委书记"]}),
        ("县委书记张明接待来访群众。", {"张明": ["县委书记"]}),
        # …not 宣讲, whose 宣 ends given names too
        ("县长王小宣讲话。", {"王小宣": ["县长"]}),
        # 所 before a verb begins the next word (a relative clause), not the name's last character
        ("会议听取了市长李强所作的政府工作报告。", {"李强": ["市长"]}),
        ("会议听取了市长李强所做的报告。", {"李强": ["市长"]}),
        ("学习县长王小军所讲的要求。", {"王小军": ["县长"]}),
    ],
)
def test_a_name_ends_before_a_verb_of_an_officials_work(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the title grammar reads traditional characters as the simplified ones; names and
        # titles stay as written
        ("縣委常委、常務副縣長王小明主持。", {"王小明": ["常務副縣長", "縣委常委"]}),
        ("鎮黨委書記、鎮長王小明主持。", {"王小明": ["鎮長", "鎮黨委書記"]}),
        ("縣發展和改革委員會主任王小明出席。", {"王小明": ["縣發展和改革委員會主任"]}),
        ("村黨支部書記、村委會主任王小明發言。", {"王小明": ["村委會主任", "村黨支部書記"]}),
        ("縣委辦公室主任王小明出席。", {"王小明": ["縣委辦公室主任"]}),
        ("廳長王小明、副廳長李大偉出席。", {"王小明": ["廳長"], "李大偉": ["副廳長"]}),
        ("縣委書記張明發表講話。", {"張明": ["縣委書記"]}),
        ("市長李強所作的報告。", {"李強": ["市長"]}),
        # a character lost before 委 (a garbled page): what is left is no title
        ("會議由??h委常委、縣紀委書記王小明主持。", {"王小明": ["縣紀委書記"]}),
    ],
)
def test_titles_on_traditional_pages(text, expected):
    assert titles(text) == expected


def test_a_glossed_title_is_read_as_the_text_reads_it():
    # one reading of a title for its office and its place: without the pinyin gloss
    release = Release(id="x", place="永豐縣", text="縣長(zhǎng)張三出席會議。")
    (person,) = find_persons(release, tuple(split_sentences(release.text)), tagger=False)
    (holding,) = person.holdings
    assert holding.title == "縣長(zhǎng)"
    office = holding.office
    assert (office.office, office.level, office.title) == ("县长", "县", "縣長(zhǎng)")
    assert holding.jurisdiction == "永丰县"


@pytest.mark.parametrize(
    "word",
    [
        "应约",
        "日前",
        "当天",
        "中午",
        "凌晨",
        "傍晚",
        "一早",
        "连夜",
        "冒雨",
        "第一时间",
        "亲自",
        "主动",
        "再",
    ],
)
def test_a_name_ends_before_a_word_of_when_or_how(word):
    # 县委书记张立新凌晨赶到…: the words between a doer and the verb end the name
    assert titles(f"3月9日，县委书记张立新{word}赶赴某镇检查防汛工作。") == {"张立新": ["县委书记"]}


def test_a_phone_call_names_both_sides():
    text = "3月9日晚，国家主席张立新应约同某国总统马克龙通电话。"
    assert titles(text) == {"张立新": ["国家主席"], "马克龙": ["某国总统"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月9日，市委书记，王建国到某镇调研防汛工作。", {"王建国": ["市委书记"]}),
        ("3月9日上午，某镇党委书记、镇长，李明华主持召开会议。", {"李明华": ["某镇党委书记", "镇长"]}),
        ("会议由县长张三主持，副县长，李四参加会议。", {"张三": ["县长"], "李四": ["副县长"]}),
        # the title is its name's before the comma: the next name has none
        ("县委书记张三，李四主持会议。", {"张三": ["县委书记"], "李四": []}),
        # a title inside a clause is not split from a name after the comma
        ("会议由县长主持，李明华指出，要加强防汛。", {"李明华": []}),
    ],
)
def test_a_title_chain_that_is_a_clause_of_its_own_names_who_follows_the_comma(text, expected):
    assert titles(text) == expected


def test_a_name_ends_before_the_local_time_of_a_visit_abroad():
    text = "国家主席张立新当地时间9日在某地同某国总统马克龙举行会谈。"
    assert titles(text) == {"张立新": ["国家主席"], "马克龙": ["某国总统"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3月9日，县委书记、县级总河长张立新开展巡河工作。", {"张立新": ["县委书记", "县级总河长"]}),
        ("3月9日，县级林长张立新到某林场巡林。", {"张立新": ["县级林长"]}),
    ],
)
def test_a_river_or_forest_chief_is_a_title(text, expected):
    # 河长 / 湖长 / 林长: the chiefs of the river and forest systems; 开展 ends the name
    assert titles(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "国务院总理张立新此间会见了法国总统马克龙。",
        "9日，市委书记张立新随同调研。",
        "9日，市委书记张立新认真听取了某项目情况汇报。",
        "9日，市委书记张立新逐一察看某项目建设情况。",
        "9日，市委书记张立新察看了某项目建设情况。",
        "9日，市委书记张立新询问了企业生产情况。",
    ],
)
def test_a_name_ends_before_a_word_of_how_a_visit_goes(text):
    assert "张立新" in titles(text)


# What name_lists looked for before it was tried only from the start of a run of characters.
_PLAIN_LIST = r"[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+"


@given(st.text(alphabet="张三李四王五、，。 1", max_size=40))
def test_name_lists_are_found_where_the_plain_pattern_finds_them(text):
    from govkg.extract.persons import _LIST

    assert [m.span() for m in _LIST.finditer(text)] == [m.span() for m in re.finditer(_PLAIN_LIST, text)]


def test_a_name_list_is_tried_from_the_start_of_its_run_only():
    # A long run with no 、 after it is passed over once, not again from each of its characters
    # (100,000 of them took name_lists 90 s).
    from govkg.extract.persons import _LIST

    assert _LIST.search("甲乙、丙丁", 1) is None


def test_a_tagged_name_that_opens_a_line_has_no_line_break():
    # the tagger reads the line break before 巴福平 as the name's first character
    people = persons("省长会见了某国客人。\n巴福平说，双方交往源远流长。")
    assert all(not any(c.isspace() for c in name) for name in people)
    assert "巴福平" in people


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name that is also a county's short name (吴兴, 黎平) between names or before a word
        # for attending, in a list that shares a title
        (
            "市人大常委会副主任潘俊兴、江华、吴兴、潘平，秘书长章强永出席会议。",
            {
                "潘俊兴": ["市人大常委会副主任"],
                "江华": ["市人大常委会副主任"],
                "吴兴": ["市人大常委会副主任"],
                "潘平": ["市人大常委会副主任"],
                "章强永": ["秘书长"],
            },
        ),
        (
            "县人大常委会副主任张三、黎平出席会议。",
            {"张三": ["县人大常委会副主任"], "黎平": ["县人大常委会副主任"]},
        ),
        # …or before a comma that goes on to a title and its name (…、吴国，秘书长某某出席)
        (
            "市人大常委会副主任林文、陈平华、吴国，秘书长余国涛出席会议。",
            {
                "林文": ["市人大常委会副主任"],
                "陈平华": ["市人大常委会副主任"],
                "吴国": ["市人大常委会副主任"],
                "余国涛": ["秘书长"],
            },
        ),
        ("县委书记张三到高平、黎平，县长李四陪同。", {"张三": ["县委书记"], "李四": ["县长"]}),
        # places after a name are places
        ("县委书记张三到高平、黎平等地调研。", {"张三": ["县委书记"]}),
        ("县委书记张三、高平等地负责人出席会议。", {"张三": ["县委书记"]}),
        # the last name joined by 和 shares the title of a list; of a single name it is not told
        (
            "县人大常委会副主任张三、李四和胡健发出席会议。",
            {
                "张三": ["县人大常委会副主任"],
                "李四": ["县人大常委会副主任"],
                "胡健发": ["县人大常委会副主任"],
            },
        ),
        ("县人大常委会副主任张三和胡健发出席会议。", {"张三": ["县人大常委会副主任"], "胡健发": []}),
        (
            "副县长张三、李四以及胡健发等陪同调研。",
            {"张三": ["副县长"], "李四": ["副县长"], "胡健发": ["副县长"]},
        ),
        # 和 joins a name only before a word for attending
        ("县长张三和胡健发镇的干部座谈。", {"张三": ["县长"]}),
        # a word that is a name after a title where 列席 follows (吴国, the old state)
        (
            "市委书记许某主持召开市委常委会，市政协主席吴国列席会议。",
            {"许某": ["市委书记"], "吴国": ["市政协主席"]},
        ),
    ],
)
def test_a_titled_list_takes_names_that_read_as_places_and_its_last_name_after_和(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list that starts after a clause in the same run of characters as an earlier list
        (
            "会议同意，张大伟、李强两位同志辞去县人大常委会委员以及王军、赵生中、刘刚等15位同志辞去县人大代表。",
            {"张大伟", "李强", "王军", "赵生中", "刘刚"},
        ),
        # whole words after one that is no name start no list
        ("会上，大家表示要增强获得感、幸福感、安全感。", set()),
        ("到石桥、东桥、中原、新生等村走访。", set()),
    ],
)
def test_every_list_of_bare_names_in_a_run_is_read(text, expected):
    assert untagged(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word for the people a leader visits heads a list of names as 市领导 does
        ("2月9日，县长张三到某村慰问96岁的老党员沈杰中，并致以新春的祝福。", {"张三", "沈杰中"}),
        ("县长张三看望了贫困户李大军、王小明。", {"张三", "李大军", "王小明"}),
        ("县长张三走访慰问老干部孙德胜。", {"张三", "孙德胜"}),
        ("村民刘德华说，日子越过越好。", {"刘德华"}),
        ("县长张三来到困难群众李大军家中。", {"张三", "李大军"}),  # the home visited
        # no name follows
        ("县长张三到村民家中走访。", {"张三"}),
        ("慰问困难群众和老党员。", set()),
        # a surname and a word of address is no name (王大妈, 张大爷)
        ("居民王大妈说，日子越过越好。", set()),
        ("村民张大爷高兴地说。", set()),
        ("农民工张师傅说，工资按时发了。", set()),
        ("村民李大姐高兴地说，日子好了。", set()),
    ],
)
def test_a_word_for_the_people_visited_heads_names(text, expected):
    assert untagged(text) == expected
    assert set(persons(text)) == expected  # and the tagger adds none


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name that is also a word after a title, before a word of going somewhere
        ("5月10日，旗人大常委会副主任宝海先后到某苏木、某镇调研。", {"宝海": ["旗人大常委会副主任"]}),
        ("5月10日，副县长宝海一行到某镇调研。", {"宝海": ["副县长"]}),
        # before any other word it stays a word
        ("会长单位代表参加会议。", {}),
    ],
)
def test_a_name_that_is_a_word_after_a_title_before_a_word_of_going(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice's title ends where the notice goes on: 以及 another list, 的请求 / 的辞呈
        (
            "会议审议了关于张大伟、李强两位同志辞去县人大常委会委员以及王军、赵生中、刘刚等15位同志辞去县人大代表的辞呈。",
            {
                "张大伟": ["县人大常委会委员"],
                "李强": ["县人大常委会委员"],
                "王军": ["县人大代表"],
                "赵生中": ["县人大代表"],
                "刘刚": ["县人大代表"],
            },
        ),
        ("会议接受张大伟同志辞去县人大常委会委员的请求。", {"张大伟": ["县人大常委会委员"]}),
        ("会议通过了任命张大伟为县人民政府副县长的决定。", {"张大伟": ["县人民政府副县长"]}),
    ],
)
def test_a_notices_title_ends_where_the_notice_goes_on(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the posts after 曾任 / 历任 / 现任 are the titles of the sentence's person
        (
            "刘某某同志是我国政法战线的杰出领导人，曾任中国共产党第十二届中央委员会委员，原中共中央顾问委员会委员，"
            "最高人民检察院检察长。",
            {
                "刘某某": [
                    "中国共产党第十二届中央委员会委员",
                    "原中共中央顾问委员会委员",
                    "最高人民检察院检察长",
                ]
            },
        ),
        (
            "李四同志历任某县县长、某市副市长，现任某省政协副主席。",
            {"李四": ["某县县长", "某市副市长", "某省政协副主席"]},
        ),
        ("市委书记张三曾任某县县长、县委书记等职。", {"张三": ["县委书记", "市委书记", "某县县长"]}),
        # of the person of its clause, not of one named before a comma (县长甲介绍，乙曾任…)
        ("县长张三介绍，李四曾任县委书记等职。", {"张三": ["县长"]}),
        # 曾任 begins no name (曾 is a surname); who opens the sentence receiving him is one
        ("张三会见了曾任某国总理的李四先生。", {"张三": []}),
    ],
)
def test_the_posts_a_sentence_says_a_person_held_are_titles(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title joined by 、 before a name whose title follows it is that name's, not the one before
        (
            "强某书记、省委常委、王小青秘书长在州委主要领导的陪同下，深入某镇调研视察工作。",
            {"强某": ["书记"], "王小青": ["省委常委", "秘书长"]},
        ),
        (
            "5月28日，省委强某书记、省委常委、王小青秘书长在州委主要领导的陪同下，深入某镇调研视察工作。",
            {"王小青": ["省委常委", "秘书长"]},
        ),
        ("张三书记、李四市长出席会议。", {"张三": ["书记"], "李四": ["市长"]}),
        ("会见了市委常委、张三副市长。", {"张三": ["副市长", "市委常委"]}),
        # titles after a name run on to a mark
        (
            "习近平总书记、国家主席、中央军委主席，李克强总理出席。",
            {"习近平": ["中央军委主席", "国家主席", "总书记"], "李克强": ["总理"]},
        ),
    ],
)
def test_a_title_before_a_name_and_its_title_is_that_names(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause that is a title alone, opening its sentence, before a comma and a titled name
        (
            "上海市某区经贸考察团团长，某区工商联党组书记陈楠在座谈中表示，两区合作很好。",
            {"陈楠": ["上海市某区经贸考察团团长", "某区工商联党组书记"]},
        ),
        # not a title after another clause, nor one that has its own name
        ("会上，县委书记，县长张三讲话。", {"张三": ["县长"]}),
        ("6月9日，县委书记张三，县长李四出席会议。", {"张三": ["县委书记"], "李四": ["县长"]}),
    ],
)
def test_a_clause_that_is_a_title_alone_is_the_next_names(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare name that opens a clause and holds talks with someone named by a post
        ("6月9日，王毅同美国国务卿布林肯通电话。", {"王毅", "布林肯"}),
        ("王毅在北京同俄罗斯外长拉夫罗夫举行会谈。", {"王毅", "拉夫罗夫"}),
        ("6月9日，李强与新加坡总理黄循财举行视频会晤。", {"李强", "黄循财"}),
        # …or receives him
        ("王毅会见某国外长陈建华。", {"王毅", "陈建华"}),
        ("6月9日，刘鹤与美国财政部长耶伦视频通话。", {"刘鹤", "耶伦"}),
        # not a word before 和, which joins a list, nor a body that holds talks
        ("6月9日，张家和李家村书记王立新举行会谈。", {"王立新"}),
        ("6月9日，全市上下同市委书记王立新举行会谈。", {"王立新"}),
    ],
)
def test_the_subject_of_talks_with_a_titled_person_is_a_person(text, expected):
    assert untagged(text) == expected


def headline_titles(title, text, place=None):
    release = Release(id="t", text=text, title=title, place=place)
    found = find_persons(release, tuple(split_sentences(text)))
    return sorted((p.name, h.title) for p in found for h in p.holdings if h.in_headline)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a title before a name the body names, that the body does not give
        (
            "方正县县长张小明检查春耕",
            "4月24日，县委副书记、县长张小明深入乡镇检查。",
            [("张小明", "方正县县长")],
        ),
        # a title after a word of appointment
        ("李四当选为某某区区长", "李四说，谢谢大家。", [("李四", "某某区区长")]),
        ("李四任某某县委书记、县长", "李四说，谢谢大家。", [("李四", "县长"), ("李四", "某某县委书记")]),
        # controls: a name the body does not name, a title the body gives too,
        ("县长张三检查工作", "张小明说，谢谢大家。", []),
        ("县长张小明检查工作", "县长张小明到乡镇检查工作。", []),
        # a title a list shares with the name before, a word that only starts with 任
        ("县长张小明、王五检查工作", "张小明和王五出席会议。", [("张小明", "县长")]),
        ("李四任务繁重", "李四说，谢谢大家。", []),
        # and another person's title: 张小明 is no 市委书记
        ("市委书记王五会见张小明", "张小明说，谢谢大家。", []),
    ],
)
def test_titles_the_headline_gives_a_person_the_body_names(title, text, expected):
    assert headline_titles(title, text) == expected


def test_a_headline_title_points_into_the_headline():
    title, text = "李四当选为某某区区长", "李四说，谢谢大家。"
    release = Release(id="t", text=text, title=title)
    (person,) = find_persons(release, tuple(split_sentences(text)))
    (holding,) = person.holdings
    assert holding.in_headline
    assert title[holding.span.start : holding.span.end] == "某某区区长"
    assert title[holding.evidence.start : holding.evidence.end] == title


@pytest.mark.parametrize(
    ("text", "place", "name", "where"),
    [
        # a guest of no title, named as a foreign name is written, takes no Chinese place
        ("张三在会见阿尔特时表示，中澳关系发展良好。阿尔特说，澳大利亚愿加强合作。", "中国", "阿尔特", "?"),
        ("省委書記張三會見德國客人巴爾克。巴爾克說，德方願意加強合作。", "广东省", "巴爾克", "?"),
        # controls: a Han name; a title of a place; a release that names no country
        ("省委书记张三会见李明华。李明华说，愿同德国加强合作。", "广东省", "李明华", "广东省"),
        (
            "自治区副主席巴特尔会见德国客人。巴特尔表示，愿加强合作。",
            "内蒙古自治区",
            "巴特尔",
            "内蒙古自治区",
        ),
        ("市长张三会见巴特尔。巴特尔说，愿加强合作。", "呼和浩特市", "巴特尔", "呼和浩特市"),
    ],
)
def test_a_transliterated_guest_takes_no_chinese_place(text, place, name, where):
    person = persons(text, place)[name]
    assert person.jurisdiction == where
    assert person.foreign == (where == "?")


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # names of a list that 等 and a word for the central state's officials close
        ("王小明、李四等国家部委主要领导同志参加会谈。", {"王小明": "中国", "李四": "中国"}),
        (
            "王小明、李四和赵五等中央和国家机关有关负责同志出席。",
            {"王小明": "中国", "李四": "中国", "赵五": "中国"},
        ),
        # controls: a province's own departments; a name outside the list; a titled name
        ("王小明、李四等省直部门负责同志参加会谈。", {"王小明": "四川省", "李四": "四川省"}),
        ("省长赵五同王小明等国家部委领导同志会谈。", {"赵五": "四川省", "王小明": "中国"}),
        ("王小明等国家部委领导同志与李四座谈。", {"王小明": "中国", "李四": "四川省"}),
    ],
)
def test_names_of_a_list_of_the_central_state_s_officials_are_national(text, where):
    assert {name: p.jurisdiction for name, p in persons(text, "四川省").items()} == where


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name before 一家 (whom a visit calls on, with their family) is a person, of no title
        ("村党支部书记张三看望了困难群众王小明一家。", {"张三": ["村党支部书记"], "王小明": []}),
        ("慰问组走访了贫困户李四一家，送去慰问金。", {"李四": []}),
        ("市领导看望了老党员赵五一家人。", {"赵五": []}),
        # controls: 一家 as a count of firms or households names no one
        ("该县引进了一家企业。", {}),
        ("张家港一家企业负责人出席。", {}),
        ("全市新增一家企业。王庄一家农户受灾。", {}),
    ],
)
def test_a_name_before_yijia_is_a_person(text, expected):
    assert titles(text, "巴中市") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a party branch's secretary written after the name, the branch before it
        ("接着，某某社区党支部王小明书记介绍了情况。", {"王小明": ["书记"]}),
        ("某村党支部赵小兰书记汇报了工作。", {"赵小兰": ["书记"]}),
        # a general branch (党总支, 党总支部): its last character starts no name
        ("接着，某某社区党总支王小明书记介绍了情况。", {"王小明": ["书记"]}),
        ("某村党总支部赵小兰书记汇报了工作。", {"赵小兰": ["书记"]}),
        ("某村党总支支小兰书记汇报了工作。", {"支小兰": ["书记"]}),
        # controls: the title before the name; no name between the organ and 书记
        ("村党总支书记王小明介绍了情况。", {"王小明": ["村党总支书记"]}),
        ("村党支部书记王小明介绍了情况。", {"王小明": ["村党支部书记"]}),
        ("某某社区党支部全体书记参加。", {}),
        ("党支部建设书记处研究。", {}),
    ],
)
def test_a_party_branch_s_secretary_after_the_name(text, expected):
    assert titles(text, "巴中市") == expected


@pytest.mark.parametrize(
    ("text", "place", "name", "private", "where"),
    [
        # a word for a private person before the name, after it, or across its list
        ("国家主席李四在湖南省花垣县，看望了困难群众王大明一家。", "中国", "王大明", True, "花垣县"),
        ("李四前往江西省井冈山市。他同村民王大明、赵小红亲切交谈。", "中国", "赵小红", True, "井冈山市"),
        ("家住河北省阜平县的王大明说，日子越过越好。", "中国", "王大明", True, "阜平县"),
        ("村民王大明说，今年收成好。王大明家住陕西省延川县。", "中国", "王大明", True, "延川县"),
        # the text names no place for them, in their sentence or paragraph: unknown
        ("在病房，李四同王大明、赵小红夫妇亲切交谈。", "中国", "王大明", True, "?"),
        ("李四前往江西省井冈山市。\n李四看望了村民王大明。", "中国", "王大明", True, "?"),
        # controls: untitled leaders in a list, and a private person in a local release
        ("王大明、赵小红陪同考察。", "中国", "王大明", False, "中国"),
        ("李四看望了村民王大明。", "巴中市", "王大明", True, "巴中市"),
        # a village is placed by the division the text names that contains it, else as before
        ("李四来到河北省阜平县骆驼湾村，走进村民唐宗秀家。", "中国", "唐宗秀", True, "阜平县"),
        ("李四来到河北省阜平县。在骆驼湾村，他看望了村民唐宗秀。", "中国", "唐宗秀", True, "阜平县"),
        ("李四来到骆驼湾村，看望村民唐宗秀。", "中国", "唐宗秀", True, "?"),
    ],
)
def test_a_private_person_in_national_news_is_placed_where_the_text_says(text, place, name, private, where):
    person = persons(text, place)[name]
    assert (person.private, person.jurisdiction) == (private, where)


@pytest.mark.parametrize(
    ("text", "place", "name", "titles", "where"),
    [
        # a foreign guest's title before the name, after 会见, with the country it names
        (
            "省委书记李四会见澳大利亚昆士兰州州督威尔逊。",
            "广东省",
            "威尔逊",
            ["澳大利亚昆士兰州州督"],
            "澳大利亚",
        ),
        (
            "省委書記李四會見澳大利亞昆士蘭州州督威爾遜。",
            "广东省",
            "威爾遜",
            ["澳大利亞昆士蘭州州督"],
            "澳大利亚",
        ),
        ("省委书记李四会见日本大阪府知事松井一郎。", "广东省", "松井一郎", ["日本大阪府知事"], "日本"),
        # after the name, no country named: the title as written, no Chinese place
        ("李四对奥朗德总统访华表示欢迎。", "中国", "奥朗德", ["总统"], "?"),
        ("自治州州长李四对威尔逊州督来访表示欢迎。", "甘孜藏族自治州", "威尔逊", ["州督"], "?"),
        ("李四会见奥朗德总统。", "中国", "奥朗德", ["总统"], "?"),
        # a second title after 兼: the name after it, both titles the country's
        ("李四会见日本副总理兼外长山本一郎。", "中国", "山本一郎", ["外长", "日本副总理"], "日本"),
        ("李四会见老挝副总理兼外长沙文强。", "中国", "沙文强", ["外长", "老挝副总理"], "老挝"),
    ],
)
def test_a_foreign_guests_title_is_read_beside_the_name(text, place, name, titles, where):
    guest = persons(text, place)[name]
    assert (sorted(h.title for h in guest.holdings), guest.jurisdiction) == (sorted(titles), where)


@pytest.mark.parametrize(
    ("text", "place", "names"),
    [
        # what follows a guest's name and title is no name
        ("李四对奥朗德总统访华表示欢迎。", "中国", {"奥朗德"}),
        ("自治州州长李四对威尔逊州督来访表示欢迎。", "甘孜藏族自治州", {"李四", "威尔逊"}),
        # control: 总督学 is a Chinese title, not a foreign governor's
        ("国家副总督学李四出席。", "中国", {"李四"}),
    ],
)
def test_no_name_is_read_after_a_guests_title(text, place, names):
    assert set(persons(text, place)) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a notice naming its appointee by a pronoun: the person named last before it
        (
            "总理李四在中南海会见王小明，颁发任命他为某特别行政区行政长官的国务院第9号令。",
            {"李四": ["总理"], "王小明": ["某特别行政区行政长官"]},
        ),
        ("县委书记李四主持会议。会议决定，任命他为县长。", {"李四": ["县委书记", "县长"]}),
        # controls: a list before the pronoun does not say which; no one named; a name given
        ("县长李四、王五出席。县人大常委会任命他为副县长。", {"李四": ["县长"], "王五": ["县长"]}),
        ("县人大常委会召开会议。会议任命她为副县长。", {}),
        ("县委书记李四主持会议。会议决定，任命王五为县长。", {"李四": ["县委书记"], "王五": ["县长"]}),
        # a removal or resignation by a pronoun: the title to where the notice goes on
        (
            "会议决定任命王小明为某市人民政府副市长，接受其辞去某市人大常委会副主任职务的请求。",
            {"王小明": ["某市人大常委会副主任", "某市人民政府副市长"]},
        ),
        ("会议决定，免去李四的县长职务，免去其县委副书记职务。", {"李四": ["县委副书记", "县长"]}),
        ("会议任命王小明为副县长。会议同意他辞去县教育局局长职务。", {"王小明": ["副县长", "县教育局局长"]}),
        # controls: 其他 is no pronoun; a list before the pronoun does not say which
        ("县委书记李四主持会议。会议决定，免去其他同志的职务。", {"李四": ["县委书记"]}),
        ("县长李四、王五出席。会议接受其辞去副县长职务的请求。", {"李四": ["县长"], "王五": ["县长"]}),
    ],
)
def test_a_title_given_through_a_pronoun_is_the_person_s_named_before(text, expected):
    assert titles(text, "巴中市") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pronoun that opens its clause and takes up a post: the paragraph's one person's
        (
            "王小明，男，1960年出生，现任某县人民法院院长。2005年，他出任某县人民法院院长、党组书记。",
            {"王小明": ["党组书记", "某县人民法院院长"]},
        ),
        (
            "李小红，女，汉族。她曾任乡长。2010年，她担任县委常委、宣传部部长，分管宣传工作。",
            {"李小红": ["县委常委", "宣传部部长", "乡长"]},
        ),
        (
            "王小明同志1980年参加工作。1998年，他调任某县副县长，2003年，他升任县长。",
            {"王小明": ["县长", "某县副县长"]},
        ),
        # controls: two persons before the pronoun; a title of someone unnamed between; no post
        ("县长李四、副县长王五出席。他担任县长三年。", {"李四": ["县长"], "王五": ["副县长"]}),
        ("县长李四会见了某公司总经理。他担任该公司总经理已有十年。", {"李四": ["县长"]}),
        ("县委书记李四主持会议。他任职期间成绩突出。", {"李四": ["县委书记"]}),
        ("县委书记李四主持会议。他任劳任怨。", {"李四": ["县委书记"]}),
        # control: the pronoun is no subject of the clause (给他任务)
        ("县委书记李四主持会议。会议交给他任务。", {"李四": ["县委书记"]}),
    ],
)
def test_a_post_a_subject_pronoun_takes_up_is_the_paragraph_s_one_person_s(text, expected):
    assert {name: sorted(ts) for name, ts in titles(text, "巴中市").items()} == {
        name: sorted(ts) for name, ts in expected.items()
    }


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a private person's home visited is not part of the name
        ("县委书记李四走进村民唐宗秀家。", {"李四", "唐宗秀"}),
        ("县委书记李四来到困难群众王明家，详细询问生活情况。", {"李四", "王明"}),
        # controls: a name ending in 家 in a list of officials or of villagers
        ("县领导王五、曹和家、张焕明参加。", {"王五", "曹和家", "张焕明"}),
        ("村民王保家、李四参加。", {"王保家", "李四"}),
    ],
)
def test_a_private_person_s_home_is_no_part_of_the_name(text, names):
    assert set(persons(text, "某县")) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a preposition that opens the clause is no part of the title after it
        ("据县农业局局长王五介绍，今年产量翻番。", {"王五": ["县农业局局长"]}),
        ("按县长王五要求，各部门立即行动。", {"王五": ["县长"]}),
        # 村支书, 党支书: a party branch's secretary
        ("村支书李大伟介绍了情况。", {"李大伟": ["村支书"]}),
        ("党总支书记李四主持。", {"李四": ["党总支书记"]}),
        # controls: a title holding the same characters keeps them
        ("县按摩医院院长王五出席。", {"王五": ["县按摩医院院长"]}),
    ],
)
def test_a_title_starts_after_the_preposition_opening_its_clause(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # 据 and a verb of saying around a bare name: the source the clause reports
        ("据李明介绍，今年产量翻番。", {"李明"}),
        ("据王小明说，村里有200户。", {"王小明"}),
        ("会上，据钟小山表示，疫情可控。", {"钟小山"}),
        # controls: no name in the slot (据了解, 据悉, an organ, a place, a pronoun, a group)
        ("据了解，今年产量翻番。", set()),
        ("据县农业局介绍，今年产量翻番。", set()),
        ("据汤阴县介绍，今年产量翻番。", set()),
        ("据他介绍，今年产量翻番。", set()),
        ("据工作人员介绍，今年产量翻番。", set()),
    ],
)
def test_a_bare_name_after_according_to_is_a_person(text, names):
    assert set(persons(text, "某县")) == names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name between a word for a kind of person (or a title) and an adverb in 地 before 说
        ("种植户赵小红高兴地说，今年收成好。", {"赵小红": []}),
        ("村民王山激动地说，路修好了。", {"王山": []}),
        ("人大代表李四高兴地说，路修好了。", {"李四": ["人大代表"]}),
        # controls: the adverb is no name; no name in the slot
        ("村民代表高兴地说，路修好了。", {}),
        ("村民们高兴地说，路修好了。", {}),
        ("贫困户老李高兴地说，日子好了。", {}),
    ],
)
def test_a_name_before_an_adverb_of_saying_is_read_without_it(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name and its verb before a second title are no part of it: 甲携副县长乙
        ("县委书记李四携副县长王五调研。", {"李四": ["县委书记"], "王五": ["副县长"]}),
        ("县委书记李四叮嘱副县长王五。", {"李四": ["县委书记"], "王五": ["副县长"]}),
        ("县委书记李四要求副县长王五抓好落实。", {"李四": ["县委书记"], "王五": ["副县长"]}),
        ("县委书记李四率县长王五等调研。", {"李四": ["县委书记"], "王五": ["县长"]}),
        # controls: a mark or a word before titles ends the title as before
        ("县委书记李四、县长王五出席。", {"李四": ["县委书记"], "王五": ["县长"]}),
        ("县委书记李四和县长王五一起调研。", {"李四": ["县委书记"], "王五": ["县长"]}),
    ],
)
def test_a_title_does_not_take_in_the_name_and_verb_before_it(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the tagger's name that starts inside the name after a title's head is cut: the whole
        # name is read, by its characters (test_a_name_of_no_han_surname_after_a_title_is_read)
        ("副旗长那顺巴雅尔出席。", {"那顺巴雅尔": ["副旗长"]}),
        ("会议由副旗长那顺巴雅尔主持。", {"那顺巴雅尔": ["副旗长"]}),
        # controls: a title's head and a word that completes the title, then the name
        ("市长助理李四出席。", {"李四": ["市长助理"]}),
        ("县长王五、李四出席。", {"王五": ["县长"], "李四": ["县长"]}),
        # control: a Han name after a rank the title heads do not end is still taken
        ("县人社局主任科员王小明参加会议。", {"王小明": []}),
    ],
)
def test_no_tagged_name_starts_inside_the_name_after_a_title(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Mongolian, Tibetan or Uyghur name with no Han surname right after a title's head
        ("苏木党委书记额尔敦主持会议。", {"额尔敦": ["苏木党委书记"]}),
        ("副县长扎西多吉出席并讲话。", {"扎西多吉": ["副县长"]}),
        ("嘎查达巴特尔朝鲁介绍了情况。", {"巴特尔朝鲁": ["嘎查达"]}),
        ("苏木达乌云其木格、副苏木达宝音出席。", {"乌云其木格": ["苏木达"], "宝音": ["副苏木达"]}),
        ("县委书记次仁卓玛强调，要抓好落实。", {"次仁卓玛": ["县委书记"]}),
        ("在走访旗级人大代表苏日古冷时，他说。", {"苏日古冷": ["旗级人大代表"]}),
        ("副州长买买提·艾力说，要加强团结。", {"买买提·艾力": ["副州长"]}),
        ("盟委副书记、盟长奇达拉图深入某旗调研。", {"奇达拉图": ["盟委副书记", "盟长"]}),  # 奇 opens one
        # the name ends before a one-character verb after it
        ("旗长巴特尔来到嘎查调研。", {"巴特尔": ["旗长"]}),
        # controls: an adverb, an organ, a body or a word after a title is no name
        ("旗委书记多次强调要抓好落实。", {}),
        ("县长扎根基层多年。", {}),
        ("书记德才兼备。", {}),
        ("书记处召开会议。", {}),
        ("旗长办公会研究了工作。", {}),
        ("书记奇迹般地赶到现场。", {}),
        ("主席团常务主席王五主持。", {"王五": ["主席团常务主席"]}),
        # controls: Han names read as before
        ("县委书记王小明出席。", {"王小明": ["县委书记"]}),
        ("市长洛桑、副市长王五出席。", {"洛桑": ["市长"], "王五": ["副市长"]}),
    ],
)
def test_a_name_of_no_han_surname_after_a_title_is_read(text, expected):
    assert titles(text, "某旗") == expected


def test_a_name_of_no_han_surname_is_keyed_as_a_local_official():
    found = persons("苏木党委书记额尔敦主持会议。", "某旗")
    assert found["额尔敦"].jurisdiction == "某旗"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of no Han surname listed after a titled name shares the title, as a Han name does
        ("副旗长那顺巴雅尔、额尔敦出席。", {"那顺巴雅尔": ["副旗长"], "额尔敦": ["副旗长"]}),
        ("副旗长王五、那顺巴雅尔出席。", {"王五": ["副旗长"], "那顺巴雅尔": ["副旗长"]}),
        (
            "副县长扎西多吉、次仁卓玛和李四出席会议。",
            {"扎西多吉": ["副县长"], "次仁卓玛": ["副县长"], "李四": ["副县长"]},
        ),
        (
            "旗人大常委会副主任额尔敦、萨仁高娃参加。",
            {n: ["旗人大常委会副主任"] for n in ("额尔敦", "萨仁高娃")},
        ),
        # joined by 和 before a word for attending: a name, of no title told (as 副主任甲和乙)
        ("县委书记李四和扎西多吉出席。", {"李四": ["县委书记"], "扎西多吉": []}),
        # controls: a list item that no name or word for attending follows is none
        ("县长李四、巴西等国客人出席。", {"李四": ["县长"]}),
        ("副县长李四、那里的群众参加。", {"李四": ["副县长"]}),
    ],
)
def test_a_name_of_no_han_surname_listed_after_a_titled_name_is_read(text, expected):
    assert titles(text, "某旗") == expected


@pytest.mark.parametrize(
    "text",
    [
        # a word the tagger reads as an adjective, adverb or time after a title, before a word of
        # one character (的, 在) or, for a common word, before a verb: no name
        "县长宝贵的时间不能浪费。",
        "书记严肃指出，要抓好落实。",
        "县长明确要求，各部门要抓好落实。",
        "局长时常强调，要守住底线。",
        "副县长白天一行到某镇调研。",
        "主席全天出席会议。",
        "代表齐声说好。",
        # …or two characters of the name at least (明显|感到)
        "书记明显感到了变化。",
    ],
)
def test_a_word_the_tagger_reads_as_no_name_after_a_title_is_no_name(text):
    assert persons(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # controls: names in the same frames, some of them words too (高明, 方正)
        ("县长高明出席会议。", {"高明": ["县长"]}),
        ("书记时光辉强调，要抓好落实。", {"时光辉": ["书记"]}),
        ("主任方正说，要抓好落实。", {"方正": ["主任"]}),
        ("局长常德胜在会上讲话。", {"常德胜": ["局长"]}),
        ("副县长于海波出席会议。", {"于海波": ["副县长"]}),
        # a surname the tagger reads as a preposition or adjective, the given name apart (向|东升)
        ("县长向东升说，要抓好落实。", {"向东升": ["县长"]}),
        ("在县长全永康的陪同下，客人参观了展览。", {"全永康": ["县长"]}),
        ("镇长原永生和大家一起劳动。", {"原永生": ["镇长"]}),
    ],
)
def test_a_name_the_tagger_does_not_read_as_a_word_stays_after_a_title(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the rules alone do not ask the tagger: a word after a title stays as they read it
        ("县长宝贵的时间不能浪费。", {"宝贵": ["县长"]}),
        ("局长时常强调，要守住底线。", {"时常": ["局长"]}),
    ],
)
def test_the_rules_alone_do_not_ask_the_tagger_how_it_reads_a_word(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of no Han surname that is also a county's, right after a title's head before a verb
        ("副县长尼玛出席会议。", {"尼玛": ["副县长"]}),
        ("旗长乌兰主持会议。", {"乌兰": ["旗长"]}),
        ("副县长李四、尼玛出席会议。", {"李四": ["副县长"], "尼玛": ["副县长"]}),
        # controls: a county's name after a title before no verb, or before a verb of visiting
        ("副县长尼玛、那曲等地的客人参加。", {}),
        ("书记尼玛调研。", {}),
    ],
)
def test_a_name_of_no_han_surname_that_is_a_countys_too_is_read_before_a_verb(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of no Han surname after a group word, or listed after a name that follows one
        ("市领导李四、额尔敦出席。", {"李四": [], "额尔敦": []}),
        ("市领导额尔敦、李四出席。", {"额尔敦": [], "李四": []}),
        ("旗领导王五、巴特尔和李四出席会议。", {"王五": [], "巴特尔": [], "李四": []}),
        # controls: a word of no name after a group word, and a list item that reads as a place
        ("市领导多次强调要抓好落实。", {}),
        ("市领导李四、那曲等地客人参加。", {"李四": []}),
    ],
)
def test_a_name_of_no_han_surname_after_a_group_word_is_read(text, expected):
    assert titles(text, "某旗") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place's name (full or short) after a title, before a verb of visiting: the place visited
        ("书记那曲调研。", {}),
        ("县长阿里考察。", {}),
        ("县委书记那曲调研时强调，要抓好项目建设。", {}),
        ("副县长林芝视察。", {}),
        # controls: the same names before a verb that is no visit are persons
        ("副县长尼玛出席会议。", {"尼玛": ["副县长"]}),
        ("县长阿里出席会议。", {"阿里": ["县长"]}),
        # and a name the release tells by a cue elsewhere is kept before a visit
        ("县长高平调研。高平指出，要抓好项目建设。", {"高平": ["县长"]}),
        ("副县长王小明调研。", {"王小明": ["副县长"]}),
    ],
)
def test_a_place_after_a_title_before_a_verb_of_visiting_is_no_name(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a list closed by 等 and a word for people, each item a phrase and the name it ends with
        ("历史上有医圣张仲景、科学家钱学森、诗人李白等一批名人。", ["张仲景", "钱学森", "李白"]),
        ("全县涌现出优秀共产党员王建国、致富带头人刘红梅等先进个人。", ["王建国", "刘红梅"]),
        ("这里走出了造车鼻祖奚仲、“凿壁偷光”的匡衡等历史名人。", ["奚仲", "匡衡"]),
        # an item that ends in no name is passed over; two names are still a list
        ("这里有科圣墨子、民族英雄岳飞、书圣王羲之等历史人物。", ["岳飞", "王羲之"]),
        # controls: items that end in no name, a place or a word; no word for people after 等
        ("会议表彰了全县种粮大户、养殖能手等先进个人。", []),
        ("这里有古都西安、古城洛阳等历史名城。", []),
        ("这里走出了民族英雄、书法大家等历史人物。", []),
        ("这里走出了民族英雄岳飞、书圣王羲之等地方。", []),
    ],
)
def test_a_list_of_people_each_after_a_phrase_gives_the_names(text, names):
    assert sorted(persons(text)) == sorted(names)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # without the tagger, an item that ends in two names (鼻祖|奚仲, 祖奚仲) gives none
        ("这里走出了造车鼻祖奚仲、“凿壁偷光”的匡衡、书圣王羲之等历史名人。", ["匡衡", "王羲之"]),
    ],
)
def test_the_rules_alone_take_no_name_of_a_list_item_they_cannot_cut(text, names):
    assert sorted(untagged(text)) == sorted(names)


@pytest.mark.parametrize(
    "text",
    [
        # a word and 的 and a noun after a title: a phrase about the holder, no name
        "县长文明的作风深受好评。",
        "书记平易近人的形象深入人心。",
        "主任高明的见解令人信服。",
        # 高明 may be a name, but 高明的讲话 reads as well as "a brilliant speech": taken as a
        # word, since a wrong person is worse than a missing one
        "县长高明的讲话鼓舞人心。",
    ],
)
def test_a_word_and_de_after_a_title_is_no_name(text):
    assert persons(text) == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # controls: a real name before 的
        ("县长王建国的讲话鼓舞人心。", {"王建国": ["县长"]}),
        ("在县长宝音的陪同下，客人参观了园区。", {"宝音": ["县长"]}),
        ("县委书记李明华的作风令人敬佩。", {"李明华": ["县委书记"]}),
    ],
)
def test_a_name_before_de_after_a_title_stays(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of no Han surname, two characters, before 说 or 讲 and a comma or a colon
        ("县长尼玛说，要抓好落实。", {"尼玛": ["县长"]}),
        ("旗长乌兰讲：要抓好落实。", {"乌兰": ["旗长"]}),
        # controls: no mark after the verb, a word of one character, a Han name
        ("县长尼玛说要抓好落实。", {}),
        ("书记德才兼备。", {}),
        ("县长王明说，要抓好落实。", {"王明": ["县长"]}),
    ],
)
def test_a_two_character_name_of_no_han_surname_before_a_verb_of_saying(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of thanks, esteem or praise before a title is no part of it
        ("群众纷纷感谢县委书记王建国。", {"王建国": ["县委书记"]}),
        ("大家都很敬佩书记李明华的作风。", {"李明华": ["书记"]}),
        ("村民们都称赞镇长王建国。", {"王建国": ["镇长"]}),
        ("他非常感激副县长王建国。", {"王建国": ["副县长"]}),
        # controls: the same verbs after a titled name, and a title with no verb before it
        ("县长王建国表扬了先进个人。", {"王建国": ["县长"]}),
        ("县委书记王建国感谢大家。", {"王建国": ["县委书记"]}),
    ],
)
def test_a_verb_of_thanks_or_praise_before_a_title_is_no_part_of_it(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a name after an epithet in quotes that ends in a word for a kind of person, or in 人, 者
        ("他询问了“中国环球航海第一人”张海涛驾驶的帆船的航行情况。", ["张海涛"]),
        ("他看望了“最美乡村教师”张丽华，详细了解她的生活。", ["张丽华"]),
        ("“最美奋斗者”王建国讲述了自己的故事。", ["王建国"]),
        # controls: a quotation of no person before a word, and an epithet before a building
        ("他参观了“中国第一人”纪念馆。", []),
        ("推广“公司+农户”模式。", []),
        ("他们是“新时代的建设者”陈列馆的讲解员。", []),
    ],
)
def test_a_name_after_an_epithet_in_quotes(text, names):
    assert sorted(persons(text)) == sorted(names)


def test_the_rules_alone_read_no_name_after_an_epithet_in_quotes():
    assert untagged("他询问了“中国环球航海第一人”张海涛驾驶的帆船。") == set()


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a surname and a post or a trade, in a list or before a cue, is no person
        ("引进了北京大学王教授、清华大学李博士等人才。", []),
        ("刘医生、张律师参加了活动。", []),
        ("王书记深入基层调研。", []),
        # controls: names in the same frames
        ("引进了北京大学教授王建国、清华大学博士李明华等人才。", ["王建国", "李明华"]),
        ("王建国教授出席会议。", ["王建国"]),
        ("刘明、张华参加了活动。", ["刘明", "张华"]),
    ],
)
def test_a_surname_and_a_post_or_a_trade_is_no_person(text, names):
    assert sorted(persons(text)) == sorted(names)


@pytest.mark.parametrize(
    "text, end",
    [
        ("市委副书记、市长何平出席。", 9),
        ("在市委常委、宣传部长和统战部长甲陪同下", 15),
        ("某考察团团长，某区工商联党组书记甲在座谈中表示", 16),
    ],
)
def test_a_title_asked_for_again_is_the_one_read_the_first_time(text, end):
    from govkg.extract.persons import _Finder
    from govkg.extract.titles import title_start

    finder = _Finder(Release(id="x", text=text), tuple(split_sentences(text)))
    start = finder.title_start(end)
    assert start == title_start(text, end) == finder.title_start(end)
    chain = finder.chain_before(start, end)
    assert chain == finder._chain_before(start, end)
    chain.append((0, 0))  # a caller's list is its own
    assert finder.chain_before(start, end) == finder._chain_before(start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day said relative to the report or the day told of ends the name, as 昨天 does
        ("县长王建国昨日在某县调研。", {"王建国": ["县长"]}),
        ("县长李四今日上午主持召开会议。", {"李四": ["县长"]}),
        ("县长王建国次日到某镇检查。", {"王建国": ["县长"]}),
        ("县长李四本周一到某县调研。", {"李四": ["县长"]}),
        ("县长王建国星期三到某县调研。", {"王建国": ["县长"]}),
        # …and a time of the year or of a day, a holiday, how often
        ("县长王建国今年到某县调研。", {"王建国": ["县长"]}),
        ("县长王建国昨晚到某县调研。", {"王建国": ["县长"]}),
        ("县长王建国国庆期间到某县调研。", {"王建国": ["县长"]}),
        ("县长王建国多次到某县调研。", {"王建国": ["县长"]}),
        ("县长王建春节期间到某县调研。", {"王建": ["县长"]}),
        # controls: a name that ends before a word a time word starts (王建国|庆祝), and one that
        # may end in the time word's first character (李永年|初到), read as no shorter name
        ("县长王建国庆祝大会上讲话。", {"王建国": ["县长"]}),
        ("县长李永年初到某县。", {}),
        # controls: a name that a day word could end is read whole
        ("县长王小周一行到某县调研。", {"王小周": ["县长"]}),
        ("县长王建国昨天在某县调研。", {"王建国": ["县长"]}),
    ],
)
def test_a_day_word_after_a_titled_name_ends_it(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a byline in brackets before the opening titled name is no part of the title
        ("本报讯（记者张晓明）县委书记王建国3日到某镇调研。", {"王建国": ["县委书记"]}),
        ("本报讯(记者张晓明)县长王建国3日到某镇调研。", {"王建国": ["县长"]}),
        ("新华社北京3月3日电（记者张晓明）国务院总理王建国3日会见代表团。", {"王建国": ["国务院总理"]}),
        ("本报讯（记者张晓明 通讯员李明华）副县长王建国出席。", {"王建国": ["副县长"]}),
        ("本报讯 (通讯员 李明华 刘红)县委副书记、县长王建国出席。", {"王建国": ["县委副书记", "县长"]}),
        # controls: brackets a title holds, and a title after brackets that close nothing of a byline
        ("某某（集团）有限公司董事长王建国出席。", {"王建国": ["某某（集团）有限公司董事长"]}),
        ("县委书记王建国（左二）出席。", {"王建国": ["县委书记"]}),
    ],
)
def test_a_byline_in_brackets_is_no_part_of_the_title_after_it(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an outlet's reporters listed without brackets are no persons of the story
        (
            "新华社北京3月4日电 新华社记者 林一山、韩洁、崔清新 记者从有关部门获悉，县长王建国将出席。",
            {"王建国": ["县长"]},
        ),
        ("本报记者林一山、韩洁 县长王建国3日到某镇调研。", {"王建国": ["县长"]}),
        # controls: names listed after no byline, and one reporter of the story
        (
            "县长王建国看望了林一山、韩洁、崔清新等一线职工。",
            {"王建国": ["县长"], "林一山": [], "韩洁": [], "崔清新": []},
        ),
    ],
)
def test_reporters_listed_after_an_outlets_byline_are_no_persons(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # names in brackets after the last sentence of a paragraph: its writers, no persons
        ("县长王建国出席会议并讲话。（林一山、韩洁）", {"王建国": ["县长"]}),
        ("县长王建国出席会议并讲话。\n(林一山、韩洁、崔清新)\n责任编辑：张红", {"王建国": ["县长"]}),
        # controls: bracketed names that the sentence goes on from, or that open no sentence's end
        (
            "县长王建国出席会议。（林一山、韩洁）两位代表作了发言。",
            {"王建国": ["县长"], "林一山": [], "韩洁": []},
        ),
        ("县领导（林一山、韩洁）出席会议。", {"林一山": [], "韩洁": []}),
    ],
)
def test_names_in_brackets_closing_a_paragraph_are_its_writers(text, expected):
    assert titles(text, "某县") == expected


def test_a_special_regions_officer_is_keyed_to_the_region_not_the_release():
    person = persons("市外办主任张三与香港特区政府驻沪办主任王小明座谈交流。", "温州市")["王小明"]
    assert [h.jurisdiction for h in person.holdings] == ["香港特别行政区"]


def test_the_abbreviated_friendship_association_keeps_its_word_for_abroad():
    # 市对外友协 (the city's association for friendship with foreign countries): 对 opens no clause
    assert titles("市对外友协专职副会长王建国参加活动。", "某市") == {"王建国": ["市对外友协专职副会长"]}


def test_how_a_host_receives_is_no_part_of_his_name():
    # 热情接待, 热烈欢迎: an adverb after the name, not its last characters
    assert titles("某市副市长王建国热情接待了考察团。", "某市") == {"王建国": ["某市副市长"]}
    assert titles("县长王建国热烈欢迎各位客商。", "某县") == {"王建国": ["县长"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a rank held in an organ is a title (市发改委副县级干部), and its holder one of the list
        (
            "县委书记王建国，市发改委副县级干部林一山，副县长韩洁出席。",
            {"王建国": ["县委书记"], "林一山": ["市发改委副县级干部"], "韩洁": ["副县长"]},
        ),
        # 全体 (all of) opens no title
        ("全体正处级干部林一山等参加会议。", {"林一山": ["正处级干部"]}),
        # controls: ranks of no one named
        ("全县副县级干部参加会议，县委书记王建国讲话。", {"王建国": ["县委书记"]}),
    ],
)
def test_a_rank_held_in_an_organ_is_a_title(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 迎来, 迎接 end the words before a title (首场记者会将迎来国家发展改革委主任甲)
        ("6日上午，首场记者会将迎来国家发展改革委主任王建国。", {"王建国": ["国家发展改革委主任"]}),
        ("全县干部群众列队迎接县委书记王建国。", {"王建国": ["县委书记"]}),
    ],
)
def test_whom_an_event_welcomes_is_named_after_its_title(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word after a title that goes on into a division's name is that place, no name
        ("区长张明华代表徐汇区委、区政府致辞。", {"张明华": ["区长"]}),
        ("区长过剑飞代表徐汇区委、区政府致辞。", {}),  # 过, a surname the table lacks
        ("他代表县委向徐汇区长期以来的支持表示感谢。", {}),
        ("县长李明华代表那曲市政府出席。", {"李明华": ["县长"]}),
        # a title's head that goes on into a group or an office names no one after it
        ("日本某市经济交流代表团访津。", {}),
        ("美国驻华代表处首席代表约翰出席。", {"约翰": ["美国驻华代表处首席代表"]}),
        ("会见了日本某协会代表团一行。", {}),
        # a head before 级 names a rank (外长级, 部长级), no title: nothing after it is a name
        ("国务委员兼外交部长李明将主持第二轮外长级战略对话。", {"李明": ["国务委员", "外交部长"]}),
        ("双方举行部长级会谈，处长级磋商同期举行。", {}),
        # controls: a name after a title, a name before one, with no level word after it
        ("区长徐汇明出席会议。", {"徐汇明": ["区长"]}),
        ("王建国区长出席会议。", {"王建国": ["区长"]}),
    ],
)
def test_a_place_or_a_group_after_a_title_is_no_name(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a given name that opens with 年, between two names of a list
        (
            "副主任李树明、李年贵、武威飚出席。",
            {"李树明": ["副主任"], "李年贵": ["副主任"], "武威飚": ["副主任"]},
        ),
        # controls: a word of time between two names is no name, nor ends the list's titles
        ("副主任李树明、周年庆、武威飚出席。", {"李树明": ["副主任"], "武威飚": []}),
        ("副主任李树明、全年度、武威飚出席。", {"李树明": ["副主任"], "武威飚": []}),
    ],
)
def test_a_given_name_that_opens_with_nian_in_a_list(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 电 of an organ's or a firm's name (广电, 供电, 光电, 水电) is no dateline's 电
        ("县广电局局长王建国出席。", {"王建国": ["县广电局局长"]}),
        ("国网某县供电公司总经理王建国出席。", {"王建国": ["国网某县供电公司总经理"]}),
        ("某某光电科技有限公司总经理王建国出席。", {"王建国": ["某某光电科技有限公司总经理"]}),
        ("某水电站站长王建国出席。", {"王建国": ["某水电站站长"]}),
        # controls: a dateline's 电 ends before the title
        ("新华社北京3月3日电县委书记王建国出席。", {"王建国": ["县委书记"]}),
        ("据新华社电国务院总理王建国出席。", {"王建国": ["国务院总理"]}),
    ],
)
def test_dian_of_an_organs_name_is_no_datelines(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word that may stand before a title, inside an organ's name (国有, 对外, 对口, 为民, 同济)
        ("县国有资产管理局局长王建国出席。", {"王建国": ["县国有资产管理局局长"]}),
        ("省委对外联络部部长王建国出席。", {"王建国": ["省委对外联络部部长"]}),
        ("市人民对外友好协会会长王建国出席。", {"王建国": ["市人民对外友好协会会长"]}),
        ("县对口支援办公室主任王建国出席。", {"王建国": ["县对口支援办公室主任"]}),
        ("县对台办主任王建国出席。", {"王建国": ["县对台办主任"]}),
        ("县为民服务中心主任王建国出席。", {"王建国": ["县为民服务中心主任"]}),
        ("同济大学校长王建国出席。", {"王建国": ["同济大学校长"]}),
        ("市黄埔军校同学会会长王建国出席。", {"王建国": ["市黄埔军校同学会会长"]}),
        # a section's chief (股长) is a title
        ("县财政局国库股股长王建国出席。", {"王建国": ["县财政局国库股股长"]}),
        # …or ending right before the head, whose first character ends the organ's name
        ("县烈士纪念馆馆长王建国出席。", {"王建国": ["县烈士纪念馆馆长"]}),
        ("省慰问团团长王建国出席。", {"王建国": ["省慰问团团长"]}),
        ("县烈士陵园纪念馆副馆长王建国出席。", {"王建国": ["县烈士陵园纪念馆副馆长"]}),
        ("省慰问团常务副团长王建国出席。", {"王建国": ["省慰问团常务副团长"]}),
        ("会议由县人民政府副县长王建国主持。", {"王建国": ["县人民政府副县长"]}),
        # controls: the words before a title end it
        ("甲会见局长王建国。", {"王建国": ["局长"]}),
        ("他对外交部部长王建国说。", {"王建国": ["外交部部长"]}),
    ],
)
def test_a_word_before_titles_inside_an_organs_name(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 怀 and 咸 are surnames
        ("教育部部长怀进鹏出席会议。", {"怀进鹏": ["教育部部长"]}),
        ("全国人大常委会副委员长咸辉出席会议。", {"咸辉": ["全国人大常委会副委员长"]}),
        # rare surnames (綦, 雒) whose character opens no common word
        ("文化部部长雒树刚出席会议。", {"雒树刚": ["文化部部长"]}),
        ("县长綦成元出席会议。", {"綦成元": ["县长"]}),
        ("县长阙明华出席会议。", {"阙明华": ["县长"]}),
        ("县长綦江调研。", {}),  # a place
        # controls: the words they open after a title, and a place they open
        ("县长怀着激动的心情走访群众。", {}),
        ("书记怀念老同志。", {}),
        ("县长咸阳考察。", {}),
    ],
)
def test_more_surnames_of_office_holders(text, expected):
    assert titles(text, "中国") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the posts a notice of appointments gives by name: 甲同志任…, to a mark that is not 、
        (
            "市委决定：王建国同志任县委委员、常委、书记，免去李明华同志的县委书记职务。",
            {"王建国": ["书记", "县委委员", "常委"], "李明华": ["县委书记"]},
        ),
        ("县委决定：王建国同志任县发展和改革局局长（试用期一年）。", {"王建国": ["县发展和改革局局长"]}),
        ("县委决定：王建国同志挂任某镇党委副书记，挂职时间两年。", {"王建国": ["某镇党委副书记"]}),
        ("王建国同志任某某（集团）有限公司董事长。", {"王建国": ["某某（集团）有限公司董事长"]}),
        # controls: 任 of no post
        ("王建国同志任劳任怨。", {"王建国": []}),
        ("县委书记王建国同志任职期间成绩突出。", {"王建国": ["县委书记"]}),
    ],
)
def test_the_posts_a_notice_gives_by_name(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ethnic names with 江, 村, 林, 地, 楞 inside, 恩 first, 和 last
        ("自治区主席洛桑江村出席会议。", {"洛桑江村": ["自治区主席"]}),
        ("自治区主席白玛赤林出席会议。", {"白玛赤林": ["自治区主席"]}),
        ("县长吾买尔江出席会议。", {"吾买尔江": ["县长"]}),
        ("副县长那顺孟和出席会议。", {"那顺孟和": ["副县长"]}),
        ("副县长恩和，副县长乌兰出席会议。", {"恩和": ["副县长"], "乌兰": ["副县长"]}),
        # a Mongolian name with 孟和 / 恩和 inside is read whole, not as a name 孟和 that the
        # release names elsewhere only as the end of a longer name (那顺孟和)
        ("旗委书记孟和巴雅尔主持会议。", {"孟和巴雅尔": ["旗委书记"]}),
        (
            "旗长那顺孟和出席。副旗长孟和吉日嘎拉讲话。",
            {"那顺孟和": ["旗长"], "孟和吉日嘎拉": ["副旗长"]},
        ),
        # controls: 孟和 of its own, named again elsewhere, and a Han name with 和 inside
        ("旗长孟和出席。副旗长孟和主持会议。", {"孟和": ["副旗长", "旗长"]}),
        ("县长孟和平出席会议。", {"孟和平": ["县长"]}),
        # controls: 和 that joins two names, words and places in those characters
        ("县长王建国和李明华出席。", {"王建国": ["县长"], "李明华": []}),
        ("县长王建国和记者交谈。", {"王建国": ["县长"]}),
        ("书记多地调研。", {}),
        ("州长恩施调研。", {}),
    ],
)
def test_more_ethnic_names_after_a_title(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what stands before 同 / 和 is no name of the title after it
        ("甲国总统表示，我愿同总统先生一道，推动两国关系发展。", {}),
        ("他说，我期待同王总统在北京会面。", {}),
        ("来信说，我愿同委员长同志一道努力。", {}),
        # controls: a name between the word and the title
        ("国家主席李明同奥朗德总统举行会谈。", {"李明": ["国家主席"], "奥朗德": ["总统"]}),
        ("国家主席李明和卢卡申科总统举行会谈。", {"李明": ["国家主席"], "卢卡申科": ["总统"]}),
    ],
)
def test_no_foreign_name_runs_past_the_word_before_it(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # more heads of titles: a farm's or a mine's head, court posts of a notice, diplomats,
        # grid and liaison workers
        ("6月3日，县国有林场场长王建国出席会议。", {"王建国": ["县国有林场场长"]}),
        ("会议决定任命王建国为县人民法院审判员。", {"王建国": ["县人民法院审判员"]}),
        ("6月3日，社区网格员王建国出席会议。", {"王建国": ["社区网格员"]}),
        ("6月3日，县委组织部干事王建国出席会议。", {"王建国": ["县委组织部干事"]}),
        # control: a head inside a word before a name is no title
        ("6月3日，建立市场长效机制王建国说。", {"王建国": []}),
    ],
)
def test_more_heads_of_titles(text, expected):
    assert titles(text, "某县") == expected


def test_the_look_alike_of_shi_is_read_as_shi():
    # 巿 (U+5DFF) typed for 市: the title as written, its place read
    found = persons("6月3日，北京巿長王建国出席会议。", "中国")["王建国"]
    assert [(h.title, h.jurisdiction) for h in found.holdings] == [("北京巿長", "北京市")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 应…邀请 "at the invitation of": neither 应 nor 邀请 is part of the title or the name
        ("应法国总统卡尔森邀请，国家主席李明将出席峰会。", {"卡尔森": ["法国总统"], "李明": ["国家主席"]}),
        ("应俄罗斯联邦总统卡尔森邀请，李明将出席。", {"卡尔森": ["俄罗斯联邦总统"]}),
        # 获任: the name ends before it
        ("国务院侨办主任王建军获任全国政协委员会主任。", {"王建军": ["国务院侨办主任"]}),
        # control: the county 应县, before no country
        ("应县县长王建军出席。", {"王建军": ["应县县长"]}),
        # a generation (75后, 80后) is no part of the title after it; 任上, 任内 (in office) no name
        ("上任不到两月的75后市长王建军成为第6个落马县官。", {"王建军": ["市长"]}),
        ("副市长王建军在采访中提及在某某县长任上的往事。", {"王建军": ["副市长"]}),
        # a given name of a character names seldom hold (周胜会) keeps the list going between names
        (
            "市领导赵志栋、周胜会、帅建军出席。市长王建军主持。",
            {"赵志栋": [], "周胜会": [], "帅建军": [], "王建军": ["市长"]},
        ),
        # 代表 alone is "on behalf of", no title (施工方 is the builder's side, no name)
        ("某集团副总经理王建军同志代表施工方发言。", {"王建军": ["某集团副总经理"]}),
        ("县人大代表王建军、李明发言。", {"王建军": ["县人大代表"], "李明": ["县人大代表"]}),
        # a chargé d'affaires (临时代办, 代办) is a head
        (
            "中国驻甲国使馆临时代办李明会见了副省长王建军。",
            {"李明": ["中国驻甲国使馆临时代办"], "王建军": ["副省长"]},
        ),
        ("中国驻甲国使馆代办王建军出席了午餐会。", {"王建军": ["中国驻甲国使馆代办"]}),
        # 以…为团长 "with … as head": 以 is no part of the title; 以色列 keeps it
        (
            "市长李明会见了以丹东市委书记王建军为团长的代表团。",
            {"李明": ["市长"], "王建军": ["丹东市委书记"]},
        ),
        ("以色列总统卡尔森会见了市长李明。", {"卡尔森": ["以色列总统"], "李明": ["市长"]}),
    ],
)
def test_at_the_invitation_of_a_titled_name(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name written often before a leader's title does not start inside a country's name
        ("各方祝贺他当选中国国家主席。他当选中国国家主席后首次出访。", {}),
        ("他祝贺朝鲜劳动党总书记。他感谢朝鲜劳动党总书记的支持。", {}),
        # control: a name of its own, written often before the title
        ("各方向王国华主席致以祝贺。他感谢王国华主席的支持。", {"王国华": ["主席"]}),
    ],
)
def test_no_name_starts_inside_a_country_before_a_leaders_title(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a letter's verb is no part of the title after it (致函, 致信, 复信, 回信), and ends a name
        ("各国领导人纷纷致电或致函中共中央总书记、国家主席李明。", {"李明": ["中共中央总书记", "国家主席"]}),
        ("某国总统致函国家主席李明。", {"李明": ["国家主席"]}),
        ("县长王五回信市长赵六。", {"王五": ["县长"], "赵六": ["市长"]}),
        ("国家主席李明复信某国友人。", {"李明": ["国家主席"]}),
        # nor is a verb of greeting (祝贺)
        ("各国领导人祝贺中共中央总书记李明。", {"李明": ["中共中央总书记"]}),
        # control: a title with no letter before it
        ("各国领导人来电。中共中央总书记李明表示感谢。", {"李明": ["中共中央总书记"]}),
    ],
)
def test_a_letters_verb_is_no_part_of_a_title(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a head that goes on into a longer one is read whole (国务委员长, not 国务委员 and a name 长…)
        ("朝鲜劳动党总书记、国务委员长金明浩表示欢迎。", {"金明浩": ["国务委员长", "朝鲜劳动党总书记"]}),
        # control: the Chinese 国务委员
        ("国务委员王五出席。", {"王五": ["国务委员"]}),
    ],
)
def test_the_head_of_a_state_affairs_commission(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a foreign office holder sends or says, after the bare title, is no name
        ("朝鲜劳动党总书记致以祝贺。", {}),
        ("美国总统致以问候。", {}),
        ("某国总统致贺电。", {}),
        ("美国总统发来贺电。", {}),
        ("俄罗斯总统致信表示感谢。", {}),
        # controls: the name between the title and the verb
        ("俄罗斯总统普京致电祝贺。", {"普京": ["俄罗斯总统"]}),
        ("美国总统拜登表示。", {"拜登": ["美国总统"]}),
    ],
)
def test_what_a_foreign_office_holder_sends_is_no_name(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # whom a person stands for (客商代表, 签约企业代表) is no part of the title after it
        ("客商代表佛山市某化工有限公司董事长李大旺作了发言。", {"李大旺": ["佛山市某化工有限公司董事长"]}),
        ("签约企业代表东莞市某科技有限公司总经理曾伟作了发言。", {"曾伟": ["东莞市某科技有限公司总经理"]}),
        # controls: 代表 that ends a title, or heads an office
        ("县人大代表王建国出席。", {"王建国": ["县人大代表"]}),
        ("美国驻华代表处首席代表约翰出席。", {"约翰": ["美国驻华代表处首席代表"]}),
    ],
)
def test_whom_a_person_stands_for_is_no_part_of_the_title(text, expected):
    assert titles(text, "某县") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word of career or election before a title is none of it
        (
            "曾任某区区长赵国华、某县县长李明远2人任县委书记。",
            {"赵国华": ["某区区长"], "李明远": ["某县县长"]},
        ),
        (
            "年龄最大的是出生于1960年的现任某市委常委、常务副市长孙德海。",
            {"孙德海": ["常务副市长", "某市委常委"]},
        ),
        ("会上，新当选镇长吴一平作表态发言。", {"吴一平": ["镇长"]}),
        (
            "某大学校长李新民先后担任过某研究院研究中心主任，某研究所所长等职。",
            {"李新民": ["某大学校长", "某研究所所长", "某研究院研究中心主任"]},
        ),
        # control: a title that holds no such word keeps all of it
        ("会上，新任县长吴一平作表态发言。", {"吴一平": ["新任县长"]}),
    ],
)
def test_a_word_of_election_or_career_before_a_title_is_no_part_of_it(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the posts a notice gives after the appointee's own titles, and a note of sex after a name
        (
            "国务院任命某大学党委书记钱立新为某部副部长；免去赵小红（女）的某局副局长职务。",
            {"钱立新": ["某大学党委书记", "某部副部长"], "赵小红": ["某局副局长"]},
        ),
        (
            "任命孙大伟、李丽(女)、王大海为某部副部长。",
            {"孙大伟": ["某部副部长"], "李丽": ["某部副部长"], "王大海": ["某部副部长"]},
        ),
        # a standing committee's decision naming an acting head, and a further post in a notice
        ("会议决定吴志成为代理县长。", {"吴志成": ["代理县长"]}),
        (
            "会议决定任命孟庆华为县人民政府副县长，并决定为代理县长。",
            {"孟庆华": ["代理县长", "县人民政府副县长"]},
        ),
        # 代理 as the verb of the decision: the person, and no title as written
        ("会议决定赵立军代理某市人民政府市长职务。", {"赵立军": []}),
        # posts a person no longer holds, as a notice's removal gives them
        (
            "中共中央决定：赵建国同志不再兼任某市委书记、常委、委员职务。",
            {"赵建国": ["委员", "常委", "某市委书记"]},
        ),
        # who is elected, by name or in a list counted before 当选: 当选 is none of the title
        (
            "全会选举产生了新一届领导机构，钱立新当选书记，孙一鸣当选副书记。",
            {"钱立新": ["书记"], "孙一鸣": ["副书记"]},
        ),
        (
            "新一届领导机构由3名副书记组成，孙一鸣、周大海、吴小兵等3人当选为副书记。",
            {"孙一鸣": ["副书记"], "周大海": ["副书记"], "吴小兵": ["副书记"]},
        ),
        # election results: the votes before 当选 are none of the title, a list's last name joined
        # by 和 shares the post, and a sentence may open with the one elected
        (
            "经计票，钱立新以88票的高票当选为某县人大常委会主任，孙一鸣、周大海和吴小兵当选为副主任。",
            {
                "钱立新": ["某县人大常委会主任"],
                "孙一鸣": ["副主任"],
                "周大海": ["副主任"],
                "吴小兵": ["副主任"],
            },
        ),
        ("会议应到代表91人。高文涛以全票当选为某县人民政府县长。", {"高文涛": ["某县人民政府县长"]}),
        (
            "委员；郭薪以90票当选为县长，马丽与赵一平当选副县长。",
            {"郭薪": ["县长"], "马丽": ["副县长"], "赵一平": ["副县长"]},
        ),
        # controls: 和 joins no elected list, a name that opens a sentence before 为 is no notice,
        # 以 of a name is no vote
        (
            "县委书记钱立新和县长孙一鸣出席会议，祝贺当选的同志。",
            {"钱立新": ["县委书记"], "孙一鸣": ["县长"]},
        ),
        ("会议任免了干部。高文涛为某县人民政府县长作说明。", {}),
        ("王以军当选为县长。", {"王以军": ["县长"]}),
        # a description after a comma in a sentence of 当选 is no notice's title (的 joins no post)
        ("2020年，赵立军当选某市市长后，成为当时全省最年轻的地级市市长。", {"赵立军": ["某市市长"]}),
        # a post proposed after a titled name is no character of the name
        ("某县委书记任刚拟任某市副市长。", {"任刚": ["某县委书记"]}),
        # controls: 的 before the post a notice removes; a decision on no person; 不再担任 with no 职务
        ("会议决定免去李明的某县副县长职务。", {"李明": ["某县副县长"]}),
        ("会议决定明年为改革年。", {}),
        ("赵建国同志不再担任领导工作。", {"赵建国": []}),
    ],
)
def test_notices_of_appointment_decision_and_removal(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a post proposed is no post held (拟任, 拟提名): the list of posts ends before it
        ("李红梅，女，1972年5月出生，现任某县副县长，拟任某县委常委。", {"李红梅": ["某县副县长"]}),
        ("赵大勇，男，1980年生，现任某局科长，拟提名为某区副区长候选人。", {"赵大勇": ["某局科长"]}),
        # a biography's subject after a lead-in keeps the posts it holds
        (
            "据资料显示：周大庆，男，汉族，1980年生，现任某镇党委副书记、镇长。",
            {"周大庆": ["某镇党委副书记", "镇长"]},
        ),
    ],
)
def test_a_biography_s_posts_are_the_held_ones(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a biography's later sentence that opens with its career word, after the time it starts at
        (
            "周大庆，男，汉族，1970年生，省委党校研究生学历。现任某县委书记。",
            {"周大庆": ["某县委书记"]},
        ),
        (
            "某省原副省长钱立新同志因病逝世。\n钱立新，1950年3月生于某县。1972年起历任某县副县长、县长，"
            "某市副市长。1990年离休。",
            {"钱立新": ["县长", "某县副县长", "某市副市长", "某省原副省长"]},
        ),
        # controls: a sentence that names another person first, a paragraph that opens with no name,
        # and a career word after other words, keep their posts from the biography's subject
        (
            "周大庆，男，1970年生。县长孙一鸣介绍了情况。现任某局局长。",
            {"周大庆": [], "孙一鸣": ["县长"]},
        ),
        ("县长孙一鸣出席。\n现任某局局长。", {"孙一鸣": ["县长"]}),
        ("周大庆，男，1970年生。会上强调，现任某局局长要履职。", {"周大庆": []}),
    ],
)
def test_a_biography_s_later_sentences_give_its_subject_posts(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # posts held then, before, or now, written before 的 and the name
        ("时任某市委常委、某县委书记的王晓明出席会议。", {"王晓明": ["某县委书记", "某市委常委"]}),
        ("原任某省某市委书记的丁小军，去年调任。", {"丁小军": ["某省某市委书记"]}),
        # controls: a pronoun, a withheld name, a group and no name, and the second of 和 after 的
        ("时任县长的他表示。", {}),
        ("时任某县县长的张某对此不满。", {}),
        ("感谢现任领导的支持。", {}),
        ("现任班子成员的平均年龄下降。", {}),
        ("时任县长的李四和王五出席。", {"李四": ["县长"]}),
    ],
)
def test_posts_before_de_and_the_name(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time since (以来) and 继 (following) are no part of the title after them
        ("自2019年以来副县长孙立明多次调研。", {"孙立明": ["副县长"]}),
        (
            "这是某会以来继某省原省委常委、组织部部长孙立明之后又一落马官员。",
            {"孙立明": ["某省原省委常委", "组织部部长"]},
        ),
        # control: a title with no time before it
        ("副县长孙立明多次调研。", {"孙立明": ["副县长"]}),
    ],
)
def test_a_time_since_and_following_open_no_title(text, expected):
    assert untagged_titles(text) == expected


def test_a_biography_s_later_post_is_evidenced_from_the_name():
    text = "周大庆，男，1970年生。现任某县委书记。"
    release = Release(id="t", text=text)
    (person,) = find_persons(release, tuple(split_sentences(text)), tagger=False)
    (holding,) = person.holdings
    assert text[holding.evidence.start : holding.evidence.end] == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of people is no name (37位人民陪审员: 位 counts them)
        ("会议通过了对37位人民陪审员的任命。", {}),
        ("会议任命了十二位人民陪审员。市长位大明出席会议。", {"位大明": ["市长"]}),
        # 此前 follows a name, and 此前任 lists what its person held
        (
            "某市代市长郄英才此前任某局副局长、巡视员。",
            {"郄英才": ["巡视员", "某局副局长", "某市代市长"]},
        ),
        ("此前任务繁重，县长王大明带队检查。", {"王大明": ["县长"]}),
        # posts held together (兼) are two, when each is a title
        (
            "某市副市长李大明曾任某局巡视员兼会议处处长、某大学兼职教授。",
            {"李大明": ["会议处处长", "某大学兼职教授", "某局巡视员", "某市副市长"]},
        ),
        # a list of posts ends where another person's begins
        (
            "2人由企业调入：某区区长诸葛宇杰此前任某港公司总裁，某市市长周海兵此前任某集团总经理。",
            {"诸葛宇杰": ["某区区长", "某港公司总裁"], "周海兵": ["某市市长", "某集团总经理"]},
        ),
    ],
)
def test_counts_and_careers(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the names a notice lists after its colon, each with the posts it takes up
        (
            "近日，某区调整党政主要领导职务：高明远任某区委书记，孙丽娟（女）任某区委副书记、代区长。",
            {"高明远": ["某区委书记"], "孙丽娟": ["代区长", "某区委副书记"]},
        ),
        # a post a named person holds as well (兼任), with no 同志 before it
        (
            "某市委常委沈立新兼任某开发区工作委员会委员、书记。",
            {"沈立新": ["书记", "某市委常委", "某开发区工作委员会委员"]},
        ),
        # controls: 任 of no post after a notice's colon; a colon of no notice
        ("会议决定：王大明任职期间表现突出，李小红任劳任怨。", {}),
        ("记者了解到：高明远任某区委书记已有三年。", {}),
    ],
)
def test_the_posts_a_notice_s_list_gives(text, expected):
    assert untagged_titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name after a title, followed by a preposition, a day to come, 曾 or a post taken
        ("市长周新民根据有关规定作出决定。", {"周新民": ["市长"]}),
        ("市商务局局长黄建明明日起出任市发改委主任。", {"黄建明": ["市商务局局长"]}),
        ("市长周新民曾表示，要确保运作。", {"周新民": ["市长"]}),
        ("副局长王海林署任局长。", {"王海林": ["副局长"]}),
        ("特首周新民出席活动。", {"周新民": ["特首"]}),
        # a title after 包括, 被, 委任: the word is no part of it
        ("出席的包括市委副书记赵晓峰、副市长钱立群等。", {"赵晓峰": ["市委副书记"], "钱立群": ["副市长"]}),
        ("委任市政府顾问委员会委员陈立新担任发言人。", {"陈立新": ["市政府顾问委员会委员"]}),
        # controls: a name the cue word begins stays whole; 机关 before 长 is no head of customs
        ("副市长陈曾宇出席。", {"陈曾宇": ["副市长"]}),
        ("县直机关长期坚持学习制度。", {}),
        # a list under one title: a given name opening with 加, a last name before 参会
        (
            "副县长陈时彪、李加生、鲁伟文出席会议。",
            {"陈时彪": ["副县长"], "李加生": ["副县长"], "鲁伟文": ["副县长"]},
        ),
        ("副主任胡维英、谢永翔、丁杰参会。", {n: ["副主任"] for n in ("胡维英", "谢永翔", "丁杰")}),
        # a foreign name written with another dot than ·, and 会面 after it
        (
            "市长周新民会见某国驻华大使阿卜杜•卡里姆一行。",
            {"周新民": ["市长"], "阿卜杜•卡里姆": ["某国驻华大使"]},
        ),
        (
            "行政长官周新民与某合作委员会秘书长贾米尔.布达维会面。",
            {"周新民": ["行政长官"], "贾米尔.布达维": ["某合作委员会秘书长"]},
        ),
        # an obituary: a titled name before 因病 or 逝世
        ("前中共某省委书记钱立国因病于4月1日在北京逝世。", {"钱立国": ["前中共某省委书记"]}),
        ("原某省人大常委会副主任赵德山逝世后，其墓碑安放在陵园内。", {"赵德山": ["原某省人大常委会副主任"]}),
        # control: 加 opening a word of doing more reads no name
        ("副县长王加强调研工作。", {}),
    ],
)
def test_a_name_after_a_title_ends_before_a_cue(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a visit after a leader's title is no foreign name
        ("某国总统杜兰特访华期间，市长周新民陪同参观。", "杜兰特访华期间"),
        ("40年前某国总统杜兰特访华，开启两国交往。", "访华"),
        ("市长周新民欢迎孔大使来访。", "来访"),
        # an organ's name after its head's title is no name
        ("市长周新民前往某国驻某市特派员公署，副特派员吴德才在场迎接。", "公署"),
        # 同 of 同志 joins no name after it
        ("在以钱卫国同志为总书记的党中央坚强领导下，全党团结奋斗。", "志为"),
    ],
)
def test_words_after_a_title_that_are_no_name(text, absent):
    assert absent not in persons(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence that names the posts filled, then one listing who takes each
        (
            "国务院5月1日任命了某区第一届政府主要官员。孙志宏为行政法务司司长,钱晓燕为保安司司长,郑立群为海关关长。",
            {"孙志宏": ["行政法务司司长"], "钱晓燕": ["保安司司长"], "郑立群": ["海关关长"]},
        ),
        # controls: no post named before, or a clause that is no appointment: no list read
        ("会议研究了人事工作。孙志宏为行政法务司司长,钱晓燕为保安司司长。", {}),
        ("国务院5月1日任命了某区第一届政府主要官员。孙志宏为此发表讲话,钱晓燕为保安司司长。", {}),
    ],
)
def test_appointments_listed_after_the_posts_they_fill(text, expected):
    assert titles(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 来 and a place's name after a group word is a coming, not a person 来X
        ("县领导多次外出招商，邀请企业负责人来通江考察。县长周文涛出席。", {"周文涛"}),
        ("县领导多次外出招商，邀请企业负责人来宜宾考察。县长周文涛出席。", {"周文涛"}),
        # controls: a person of the surname 来 after a group word, and one come to a place by title
        ("县领导来小明、周文涛出席。", {"来小明", "周文涛"}),
        ("副县长来明远到通江考察。", {"来明远"}),
    ],
)
def test_who_comes_to_a_place_after_a_group_word_is_no_person(text, expected):
    assert set(persons(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a title written after its holder's name, before a verb that opens with 会
        ("7月4日，周文涛董事长会见了来访的客人。", {"周文涛": ["董事长"]}),
        ("7月4日，周文涛书记会同有关部门负责人到园区调研。", {"周文涛": ["书记"]}),
        # controls: 常委会 is no title's head and no name before it
        ("7月4日，县委常委会召开会议。", {}),
        ("7月4日，市人大常委会见证了签约。", {}),
    ],
)
def test_a_title_after_the_name_before_a_verb_of_hui(text, expected):
    assert titles(text) == expected
