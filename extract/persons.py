"""Named persons and their titles.

Officials are found by rules anchored on titles, not by a tagger over every
character, so that a build stays fast:

1. a title chain before a name (市委副书记、市长何平出席), and the bare names
   listed after it (副主任康金铁、牛永芳), who share its titles; the name as
   the surname lexicon and the word after it tell (a verb, a mark), also when
   written with · (雪克来提·扎克尔) or a stray space (何 平), and a foreign
   name after a title that names a country (德国外长韦斯特维勒);
2. a title after the name (习近平总书记、国家主席, 胡绍军副市长, 奥朗德总统);
3. a 任命 / 免去 notice (任命邢晟同志为政府副县长, 免除路正阳同志常务副县长一职,
   李四、赵六两位同志辞去…);
4. weaker cues: lists of names (王沪宁、刘延东、李源潮和…), lists headed by a
   group word (市领导王忠源、柴宇明), a name before 同志, a name that opens a
   clause before a verb (郭建清主持会议); a name so found must not be a common
   word (严格, 高度: ``data/common_words.tsv``).

The headline gives titles too (方正县县长董文琴检查…, 盛阅春任武汉代理市长): read by
the same rules, and by a title after 任 / 当选, they are kept only for a person the
body names by the same name, marked as stated in the headline.

Every later occurrence of a name found so is a mention too (何平指出), except
inside the name of something else (习近平新时代中国特色社会主义思想,
周恩来邓颖超纪念馆) or in a byline. Matching runs on the simplified view of
the text (:mod:`govkg.extract.chars`); names and titles come out as written.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from functools import cache, cached_property

from govkg.extract.chars import View, simplified, view
from govkg.extract.data import alternation, load_words
from govkg.extract.lac import tagged_persons, word_classes
from govkg.extract.names import (
    HAN,
    NO_POST_AFTER_REN,
    NOT_GIVEN,
    boundary_after,
    context_words,
    ends_with,
    ethnic_name_at,
    holds_word,
    is_chinese_name,
    is_common_word,
    is_transliterated,
    name_at,
    name_before,
    saying_verbs,
    strong_boundary,
    surname_starts,
    surnames,
    verb_at,
)
from govkg.extract.places import (
    LEVEL_WORDS,
    NATIONAL,
    PlacesNamed,
    countries,
    find_places,
    gazetteer,
    level_word,
    place_key,
    province_abbreviations,
)
from govkg.extract.records import Holding, Office, Person, Release, Sentence, Span
from govkg.extract.sentences import split_sentences
from govkg.extract.titles import (
    MAX_TITLE,
    Resolution,
    chained_title,
    country_in,
    country_of,
    country_pattern,
    head_pattern,
    heads,
    heads_after_name,
    is_title,
    lent_organ,
    organization,
    parse_title,
    place_from_chain,
    resolve,
    shared_title,
    split_chain,
    title_start,
)

# Heads after which a name need not be Chinese (德国外长韦斯特维勒).
_FOREIGN_HEADS = ("总统", "副总统", "首相", "国王", "女王", "外长", "议长", "州督", "知事")
# Verbs after which a name that opens a clause is taken without a title.
_CLAUSE_VERBS = ("主持", "出席", "列席", "指出", "强调", "表示", "要求", "讲话", "参加", "陪同", "致辞")
# …and after which a name that is also a word is taken after a title (副主任宝海先后到…),
# where any other word makes it a word (会长单位代表).
_TITLED_WORD_VERBS = (*_CLAUSE_VERBS, "先后", "一行", "带队", "率队", "深入", "来到", "前往", "赴")
_NOTICE = re.compile(r"任命|免去|免除|任免|提名|聘任|聘为|拟任|当选|选举")
# Words before the posts a person holds or held (过 after them is none of the post: 先后担任过A),
# and one post of their list (to a mark; 等职
# ends the list).
_CAREER = re.compile(r"(?:曾任|历任|现任|此前任|曾担任|先后担任|先后任|现担任)过?")
# A post proposed for a person, which they do not hold yet (拟任某局局长, 拟提名为…候选人).
_PROPOSED = re.compile(r"拟(?:任|提名|推荐|提拔|聘)")
_CAREER_ITEM = re.compile(
    r"(?P<title>[\u4e00-\u9fff()（）]{2,40}?)(?:(?P<stop>等职务?|$|[。；;\n])|[，,、])", re.MULTILINE
)
# A people's congress after the place that opens an election or appointment sentence
# (柳州市第十三届人民代表大会…选举X为人民政府市长; 某市人大常委会决定任命X为…).
_CONGRESS = re.compile(r"第[一二三四五六七八九十百零〇\d]{1,4}届|人民代表大会|人大")
_CLAUSE_MARK = re.compile(r"[，,；;：:。\n]")
# Another name and a word for a place named after people: 周恩来邓颖超纪念馆.
_NAMED_AFTER = re.compile(r"[\u4e00-\u9fff]{2,3}(?:纪念馆|故居|旧居|铜像|陵园)")
# The verbs of a notice that name someone to a post: the notice patterns below share them.
_NAMES_TO_POST = "任命|补选|选举|提名|聘任|推选"
# A standing committee's decision naming a person to a post, or to act in it (决定甲为代理县长,
# 决定乙代理某市市长职务): 决定 before a name and 为 or 代理.
_DECIDES_POST = r"决定(?=[\u4e00-\u9fff]{2,4}(?:同志)?(?:为|代理))"
# A notice that goes on to a further post for the same person (任命甲为副市长，并决定为代理市长).
_FURTHER_POST = re.compile(r"[，,](?:并|同时)?决定(?=为)")
# A sentence that names the posts it fills before the people who take them (国务院任命了某区
# 政府主要官员和检察长。): 任命了 and no clause after it, the list following in the next sentence.
_NAMES_TO_POST_AT_END = re.compile(rf"(?:{_NAMES_TO_POST})了[^，,；;。]*。?$")
# The marks between the clauses of a list of appointments.
_LIST_CLAUSE = re.compile(r"[，,；;]")
_NOTICE_PATTERN = re.compile(rf"{_NAMES_TO_POST}|免去|免除|撤销|辞去|任免|当选|{_DECIDES_POST}")
# A notice naming its appointee by a pronoun: 任命他为…, 提名她为….
_PRONOUN_NOTICE = re.compile(rf"(?:{_NAMES_TO_POST})(?:他|她)(?=为)")
_PRONOUN_TITLE = re.compile(r"为([\u4e00-\u9fff]{2,40})")
# …or removing them, or taking their resignation, by a pronoun: 免去其…职务, 接受其辞去…职务的请求
# (not 其他, 其中, 其余).
_PRONOUN_REMOVAL = re.compile(r"(?:免去|免除|撤销)(?:其(?![他中余它])|他|她)的?|(?:其|他|她)辞去")
# A clause whose subject is a pronoun and whose verb gives a post (1998年，他出任某院检察长、党组书记),
# and one post of its list: the list goes on at 、 only.
_PRONOUN_POST = re.compile(
    r"(?:^|(?<=[，,。；;：:\n]))[ \u3000]*(?:他|她)(?:先后|曾|又|还|现|同时|随后|后)?"
    r"(?:出任|担任|调任|升任|兼任|改任|转任|任)",
    re.MULTILINE,
)
# A post a person named before 同志 takes up, in a notice of appointments (甲同志任…, 担任, 兼任,
# 挂任), not 任 of no post (甲同志任劳任怨, 任职期间: as events.py reads it).
_TAKES_POST = re.compile(rf"同志(?:任|担任|兼任|挂任)(?![{NO_POST_AFTER_REN}])|兼任")
# A notice's decision that lists who takes which post after its colon (市委决定：甲任…，乙任…), the
# items of that list (from the colon or a mark), and the verb after a name that takes up a post.
_NOTICE_COLON = re.compile(r"(?:决定|调整|批准|任免)[^。：:\n]{0,30}[：:]")
_SENTENCE_CLOSE = re.compile(r"[。！？!?\n]")
_NOTICE_ITEM = re.compile(r"(?:(?<=[：:，,；;])|^)(?=[\u4e00-\u9fff])", re.MULTILINE)
_TAKES = re.compile(rf"均?(?:任|担任|兼任|改任|调任)(?![{NO_POST_AFTER_REN}])")
# A note in brackets that closes a post's words (（试用期一年）, （正处级）, （挂职）).
_POST_NOTE = re.compile(r"[（(][^（()）]*[）)]$")
_POST_ITEM = re.compile(r"(?P<title>[\u4e00-\u9fff()（）]{2,40}?)(?=[、，,。；;\n]|等职|职务|一职|$)")
# Where a name starts in a notice: after a notice verb or a list mark.
_NOTICE_NAME = re.compile(rf"(?:{_NAMES_TO_POST}|免去|免除|撤销|接受|同意|决定|关于)了?|以及|[、，,；;]")
# A title in a notice ends at a mark, 一职 / 职务, or where the notice goes on: 以及 another,
# 的请求 / 的辞呈 / 的申请 / 的决定 (辞去县人大常委会委员的请求), or 后 and a comma (甲当选县长后，…);
# 当选 is no part of it (甲当选书记).
_NOTICE_TITLE = re.compile(
    rf"(?:为|的|辞去|当选为?|均?(?:改任|调任|担任|兼任|任)(?![{NO_POST_AFTER_REN}]))?"
    r"(?P<title>[\u4e00-\u9fff()（）]{2,40}?)"
    r"(?=一职|职务|的职务|以及|的(?:辞职)?(?:请求|辞呈|申请|决定)|后[，,]|，|,|。|；|;|、|$)"
)
# The rest of a list that 等 closes with a word for places or bodies (深入甲、乙、丙等乡镇, 走访甲、乙等
# 企业): its items are no names of people, whatever the tagger reads.
_LIST_OF_PLACES = re.compile(
    r"(?:、[\u4e00-\u9fff]{1,6})*\s*等[0-9一二三四五六七八九十几多个家处]*\s*"
    r"(?:乡镇|镇|乡|村|社区|街道|苏木|嘎查|县区|县市区|县市|区县|市县|企业|学校|园区|地区|城市|省份|省市)"
    # …not one of the people of such places (甲、乙等村干部, 甲等乡镇负责同志)
    r"(?!干部|党员|负责|领导|群众|代表|书记|主任|村民|居民|职工|人员|工作人员|老人|两委|的)"
)
# What follows a name that is part of the name of a thing: a farm, shop or
# office named after a person (苏日戈养殖家庭牧场), a place (…苏木, …嘎查).
_NAMED_THING = re.compile(
    r"[\u4e00-\u9fff]{0,4}?(?:家庭农场|家庭牧场|牧场|农场|林场|合作社|公司|厂|店|馆|所|站|中心|基地|小区|"
    r"苏木|嘎查|镇|乡|村|屯|街道|社区|路|街)"
    r"(?=[，,。；;、\s）)”]|$)"
)
_DOTTED = re.compile(r"[\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})*·")
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff]{2,20}?(?=[和与及的、，,。；;]|$)")
# What follows the name a notice gives a post to (任命甲为…, 任命甲同志为…).
_AS_POST = re.compile(r"(?:同志)?为")
# A note of sex after a name in a notice (任命甲（女）为…, 免去乙(女)的…职务): of the person, no title.
_SEX_NOTE = re.compile(r"[（(][男女][）)]")
# The votes a person is elected by, between the name and 当选 (甲以95票当选为…, 乙以全票当选…), and the
# 和 / 与 / 及 that joins the last name of a list elected together (甲、乙和丙当选副县长).
_BY_VOTES = re.compile(r"(?:以(?:[\d一二两三四五六七八九十百千零〇]+票|全票)(?:的高票)?|全票)(?=当选)")
_LAST_ELECTED = re.compile(r"[和与及](?=[\u4e00-\u9fff]{2,4}(?:同志)?(?:以|全票|当选))")
_ELECTED = re.compile(r"当选")
_COMRADES = re.compile(
    r"(?:等?[\d一二两三四五六七八九十]+(?:位|名))?同志|等[\d一二两三四五六七八九十]+人(?=当选)"
)
# From the start of a run of characters only: tried again from each of its characters, a long run
# with no 、 after it was read to its end once a character (quadratic; a match never starts inside).
_LIST = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]+(?:、[\u4e00-\u9fff]+)+")
_COMRADE = re.compile("同志")
# How many, between 等 and the word for the people a list is of (等一批先进个人, 等众多名人)
_SOME_OF = re.compile(r"(?:一大?批|众多|诸多|多位|一些)?")
# Where the clause that holds a list opens.
_CLAUSE_MARKS = ("，", ",", "。", "；", ";", "：", ":", "！", "？", "\n")


@cache
def _closing_persons() -> re.Pattern:
    """等 and a word for people that close a list (等历史名人, 等一批先进个人: ``persons`` words)."""
    return re.compile(f"等{_SOME_OF.pattern}(?:{_alternatives('persons').pattern})")


_BYLINE_MARK = re.compile(r"[（(]|记者|通讯员")
# Reporters' names listed after an outlet's 记者 (新华社记者 甲、乙、丙), up to the one at ``s``: the
# names before it (``names``), none for the first, whose list goes on after it.
_BYLINE_LIST = re.compile(r"(?:[社报台网站]记者|通讯员)\s*(?P<names>(?:[\u4e00-\u9fff]{2,4}\s*、\s*)*)$")
_LISTED_NAMES = re.compile(r"[\u4e00-\u9fff]+")
_NEXT_LISTED = re.compile(r"[\u4e00-\u9fff]{2,4}\s*、")
_IN_BYLINE = re.compile(r"[（(](?:[^）)]*\s)?(?:记者|通讯员|摄影|文|图|编辑)[^）)]*$")
# Names in brackets with no label after the last sentence of a paragraph (…。（甲、乙）): who wrote it.
_CREDITED = re.compile(
    r"[（(](?P<names>[\u4e00-\u9fff]{2,4}(?:[、，,\s]+[\u4e00-\u9fff]{2,4})+)\s*[)）]\s*(?:\n|$)"
)
_CREDIT_OPENS = frozenset("。！？!?”")
# A bare name that opens a clause and holds talks with someone named by a post (王毅同美国国务卿
# 布林肯通电话, 甲在北京与某国外长乙举行会谈), or receives him (王毅会见某国外长乙): the subject of a
# meeting verb, where the grammar says so; not 和, which also joins the items of a list.
_POST = r"(?:总统|总理|首相|国务卿|外长|部长|主席|书记|大使|秘书长|国王|议长|长|理事|委员)"
_MEETS_WITH = re.compile(
    r"(?:在[^，,。；;：:！!？?\n同与会]{1,12}?)?(?:"
    rf"(?:同|与)[^，,。；;：:！!？?\n]{{0,20}}?{_POST}"
    r"[^，,。；;：:！!？?\n]{1,12}?(?:举行|进行)?(?:了)?(?:视频|电话)?(?:会谈|会晤|通电话|通话)"
    # …or receives him (王毅会见某国外长乙)
    rf"|(?:会见|会晤|接见)了?[^，,。；;：:！!？?\n]{{0,20}}?{_POST})"
)
# A name a clause opens with as the source of what it reports (据甲介绍，…; 据甲说): the slot of 据
# and a verb of saying; not 据了解, 据悉, which no name follows.
_ACCORDING_VERBS = ("介绍", "说", "表示", "讲")
_ACCORDING = re.compile(
    r"(?:^|(?<=[，,。；;：:！!？?\n]))据(?=[\u4e00-\u9fff]{2,4}?(?:" + "|".join(_ACCORDING_VERBS) + "))",
    re.MULTILINE,
)


@cache
def _says_gladly() -> re.Pattern[str]:
    """A verb of saying (``said_verbs.tsv``) after a two-character adverb in 地 (高兴地说, 激动地
    表示): what a person of no title says, named after a word for a kind of person (种植户赵小红
    高兴地说)."""
    return re.compile(r"[\u4e00-\u9fff]{2}地(?:" + alternation(saying_verbs()) + ")")


_CLAUSE_OPENING = re.compile(
    r"(?:^|(?<=[，,。；;：:！!？?\n]))[\u4e00-\u9fff]{2,3}(?=同|与|在|会见|会晤|接见)", re.MULTILINE
)
_CLAUSE_NAME = re.compile(
    r"(?:^|(?<=[，,。；;：:！!？?\n、]))[\u4e00-\u9fff]{2,4}?(?:" + "|".join(_CLAUSE_VERBS) + ")",
    re.MULTILINE,
)


@cache
def _slot_cues() -> re.Pattern:
    """Where a name may stand just before: a list mark or a cue word for people."""
    words = sorted(_TAGGER_CUES, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))


# Words that follow a person (a list item, a companion, a speaker, a bio).
_TAGGER_CUES = (
    "、", "参加", "出席", "列席", "陪同", "交谈", "会见", "会谈", "说", "表示", "指出", "强调",
    "宣誓", "致辞", "发言", "讲话", "主持", "辞去", "夫妇", "两位", "等", "，男", "，女", "，", ",",
    "一行", "带队", "率队",
)  # fmt: skip
# Words that count people after a number (3位代表, 两名委员), and the numerals before them.
_MEASURES = frozenset("位名")
_NUMERALS = frozenset("一二两三四五六七八九十百千几多")
# The sex a biography gives right after its subject's name (乙，男，…).
_BIO_SEX = re.compile(r"[，,](?:男|女)[，,]")
# A notice that a person no longer holds posts (甲同志不再担任…职务), and where its list of posts
# closes: 职务 before the clause's end (a list of posts may run on past commas: 不再担任某党组成员，某委
# 副书记、委员职务).
_LEAVES_POST = re.compile(r"(?:同志)?不再(?:担任|兼任)")
_POSTS_CLOSE = re.compile(r"职务|(?P<end>[。；;\n])")
_POST_LEFT = re.compile(r"[^、，,]+")
# A sentence that opens with a career word, after the time it starts at (现任…, 1975年起历任…,
# 1980年3月至1985年5月先后任…): its posts are of the biography's subject.
_OPENS_CAREER = re.compile(
    r"\s*(?:[\d〇零一二三四五六七八九十]{2,4}年(?:[\d一二三四五六七八九十]{1,2}月)?(?:起|以来|后|至今)?"
    r"(?:至[\d〇零一二三四五六七八九十]{2,4}年(?:[\d一二三四五六七八九十]{1,2}月)?)?[，,]?)?"
)
# Posts written before 的 and the name of who held or holds them (时任某县县长的甲, 原任某市委书记的乙,
# 现任某局局长、党组书记的丙): the chain, each of its parts a title, to the first 的.
_POSTS_OF = re.compile(r"(?:时任|原任|现任)(?P<chain>[\u4e00-\u9fff、]{2,60}?)的(?=[\u4e00-\u9fff])")
# A name that opens a paragraph, before a comma (乙，男，…; 丙，1950年生…).
_OPENING_NAME = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4})[，,]")
_BIO = re.compile(r"(?:^|(?<=[。；;：:\n]))\s*([\u4e00-\u9fff]{2,4})[，,](?:男|女)[，,]", re.MULTILINE)
_LIST_MARKS = ("、", "，", ",", "等")
# Where an item of a list of people ends.
_ITEM_END = re.compile(r"[，,。；;、：:\n]")
_ATTEND = ("参加", "出席", "列席", "陪同", "等")
# The mark or word that joins the last item of a list of people, and what may follow that item.
_JOINED = re.compile(r"以及|[和及]")
_LIST_ATTEND = re.compile(
    r"(?:等(?:\d+|[一二两三四五六七八九十]+)?(?:位|名|人|同志|领导|负责同志)?)?(?:一同|一起|共同)?"
    r"(?:参加|出席|列席|陪同)|等(?:人|同志|领导)"
)
_PEOPLE_VERBS = re.compile(
    r"参加|出席|列席|陪同|交谈|会见|会谈|看望|慰问|宣誓|辞去|夫妇|两位|三位|同志|党员|代表"
)
# Verbs of receiving a guest, and of speaking, for foreign names (会见法比尤斯, 法比尤斯表示).
_RECEIVE = ("会见", "会谈", "会晤", "接见")
_SPEAKS = ("表示", "说", "指出", "强调", "时")


@cache
def _visits() -> tuple[str, ...]:
    """The verbs of visiting (``inspection_verbs.tsv``: 调研, 考察), longest first."""
    return tuple(sorted(load_words("inspection_verbs.tsv"), key=len, reverse=True))


@cache
def _alternatives(kind: str) -> re.Pattern:
    """One pattern for the context words of a kind, longest first."""
    return re.compile("|".join(map(re.escape, context_words(kind))))


@dataclass
class _Found:
    """A person being collected: the name (simplified) and titles (view offsets)."""

    name: str
    # start, end, sentence: each once, in a dict (a test of a list was quadratic in a name's titles)
    titles: dict[tuple[int, int, int], None] = field(default_factory=dict)
    foreign: bool = False
    spaced: list[tuple[int, int]] = field(default_factory=list)  # 何 平: spans with a space
    # a title's span and the earlier sentence its evidence starts at: the one that names its holder,
    # where the title's own sentence does not (乙，男，…。现任C。)
    reach: dict[tuple[int, int], int] = field(default_factory=dict)


class _Finder:
    def __init__(self, release: Release, sentences: tuple[Sentence, ...], tagger: bool = False) -> None:
        self.release = release
        self.tagger = tagger  # whether the statistical tagger may be asked (:meth:`read_as_word`)
        self.readings: dict[tuple[int, int], bool] = {}
        self.view: View = view(release.text)
        self.text = self.view.text
        self.found: dict[str, _Found] = {}
        self.unnamed: list[int] = []
        # where each sentence starts in the view (origin is increasing)
        self.sentences = sentences
        self.sentence_starts = [bisect_left(self.view.origin, s.span.start) for s in sentences]
        # 外长级战略对话, 部长级会议: a head before 级 names a rank, no one's title
        self.heads = {
            m.end(): m.group()
            for m in head_pattern().finditer(self.text)
            if not self.text.startswith("级", m.end())
        }
        # where each title head starts (a title may start there)
        self.title_starts = {end - len(head) for end, head in self.heads.items()}
        self.countries = [m.start() for m in country_pattern().finditer(self.text)]
        self.starts: dict[int, int] = {}  # title_start's answers, by the end asked
        self.chains: dict[tuple[int, int], list[tuple[int, int]]] = {}  # chain_before's

    # -- helpers -------------------------------------------------------------

    def sentence_of(self, i: int) -> int:
        return max(0, bisect_right(self.sentence_starts, i) - 1)

    def known(self) -> frozenset[str]:
        return frozenset(self.found)

    def add(self, name: str, titles=(), foreign: bool = False, named_at: int | None = None) -> None:
        """Add a person and titles (view spans); ``named_at``, where the name stands when it is in
        an earlier sentence than the titles, for their evidence to run from it."""
        if not titles and name not in self.found and is_common_word(name):
            return  # a name by a weak cue alone (严格要求, 高度重视) must be no common word
        entry = self.found.setdefault(name, _Found(name, foreign=foreign))
        entry.foreign = entry.foreign or foreign
        for start, end in titles:
            k = self.sentence_of(start)
            entry.titles.setdefault((start, end, k))
            if named_at is not None and self.sentence_of(named_at) < k:
                entry.reach.setdefault((start, end), self.sentence_of(named_at))

    def foreign_name_at(self, i: int) -> str | None:
        """A foreign name starting at ``i``: the shortest run of two or more
        characters (and ·) that a boundary follows."""
        t = self.text
        j = i
        while j < len(t) and j - i < 12 and (HAN.match(t[j]) or t[j] == "·"):
            j += 1
            if j - i >= 2 and t[j - 1] != "·" and boundary_after(t, j):
                return t[i:j]
        return None

    def title_start(self, end: int) -> int:
        """Where a title that ends at ``end`` starts (:func:`~govkg.extract.titles.title_start`),
        read once for each end: several passes ask for the same title."""
        start = self.starts.get(end)
        if start is None:
            start = self.starts[end] = title_start(self.text, end)
        return start

    def chain_before(self, start: int, end: int) -> list[tuple[int, int]]:
        """The titles of the chain ending at ``end``, whose last part starts at ``start`` (read
        once for each; half the chains asked for were asked for before)."""
        if (start, end) not in self.chains:
            self.chains[start, end] = self._chain_before(start, end)
        return list(self.chains[start, end])

    def _chain_before(self, start: int, end: int) -> list[tuple[int, int]]:
        t = self.text
        parts = [p for p in split_chain(t, start, end) if is_title(t[p[0] : p[1]])]
        s = start
        joined = self.joined_title_before(s)
        if joined:
            parts = [p for p in split_chain(t, joined, s - 1) if is_title(t[p[0] : p[1]])] + parts
            s = joined
        while s > 0 and t[s - 1] in "、兼":
            e = s - 1
            while e > 0 and t[e - 1] in "、兼":
                e -= 1
            s2 = self.title_start(e)
            chunk = t[s2:e]
            if not is_title(chunk) or self._surname_before_head(s2, e):
                break  # 某街道党工委徐书记、组织员甲: 徐书记 is another person, called by the post
            parts = [p for p in split_chain(t, s2, e) if is_title(t[p[0] : p[1]])] + parts
            s = s2
        return parts

    def _surname_before_head(self, start: int, end: int) -> bool:
        """Whether a title read from ``start`` to ``end`` calls someone by a surname and the
        post after an organ (党工委徐书记, 县委办刘主任): a person, not a title of the chain.

        Nothing else puts a lone surname between an organ's last character and a head (县纪委书记,
        公安局长: 委 and 局 are no surnames; 安 follows no organ's end)."""
        t = self.text
        k = end - len(self.heads.get(end, "")) - 1
        return start < k < end and t[k] in surnames() and t[k - 1] in _ORGAN_ENDS

    def joined_title_before(self, start: int) -> int | None:
        """Where the title before a 和 that joins the last title of a list starts (市委常委、
        宣传部长和统战部长甲: all three are 甲's): the list needs a 、 before it, or 和 may
        join two people's titles (县委书记和县长甲)."""
        t = self.text
        if start < 2 or t[start - 1] != "和":
            return None
        first = self.title_start(start - 1)
        if first >= start - 1 or not is_title(t[first : start - 1]) or t[first - 1 : first] != "、":
            return None
        before = self.title_start(first - 1)
        return first if before < first - 1 and is_title(t[before : first - 1]) else None

    def title_clause_before(self, start: int) -> list[tuple[int, int]]:
        """The titles of a clause that is a title chain alone, before the comma before a
        chain that starts at ``start`` (某考察团团长，某区工商联党组书记甲在座谈中表示:
        甲 is both), where that clause opens its sentence or line."""
        t = self.text
        if start < 2 or t[start - 1] not in "，,":
            return []
        first = self.title_start(start - 1)
        if first >= start - 1 or (first > 0 and t[first - 1] not in "。；;：:！!？?\n \u3000"):
            return []
        parts = [p for p in split_chain(t, first, start - 1) if is_title(t[p[0] : p[1]])]
        if not parts or parts[0][0] != first or parts[-1][1] != start - 1:
            return []  # the whole clause must be titles
        return parts

    def titled_name_after_comma(self, i: int) -> bool:
        """Whether a comma at ``i`` goes on to a title chain and its name (…，秘书长王某出席):
        the list before it was of people too."""
        t = self.text
        if t[i : i + 1] not in ("，", ","):
            return False
        for end in range(i + 3, min(len(t), i + 2 + MAX_TITLE) + 1):
            if end in self.heads and self.title_start(end) == i + 1 and name_at(t, end, self.known()):
                return True
        return False

    def list_after(self, i: int, ethnic: bool = False) -> list[tuple[int, str]]:
        """Bare names listed from ``i`` on: 、王五、赵六 (each a name before a boundary),
        and the last one joined by 和 / 及 / 以及 before a word for attending
        (、王五和赵六出席). An item that reads as a place or a word (吴兴, 高平: a
        county too) is a name between two names or before a word for attending
        (副主任甲、吴兴、乙出席; 副主任甲、吴兴出席), not before anything else
        (甲、高平等地). With ``ethnic`` (a list after a title), an item may be a name of no Han
        surname (:meth:`ethnic_name_after`: 副旗长甲、额尔敦出席), on the same terms as an item
        that reads as a place: between two names or before a word for attending, or joined
        by 和 before one."""
        t = self.text
        out: list[tuple[int, str]] = []
        doubtful: list[tuple[int, str]] = []  # items that read as places or words, until a name
        while i + 1 < len(t):
            joined = _JOINED.match(t, i)
            if t[i] != "、" and not joined:
                break  # a comma does not continue a list of bare names
            at = joined.end() if joined else i + 1
            # a name written with · is read whole first: 、阿不来提·买买提 is no 阿不
            dotted = None if joined else self.dotted_name_at(at)
            name = dotted or name_at(t, at, self.known()) or (None if joined else self.list_item(at))
            unsurnamed = None if dotted is None else True  # of no Han surname: in doubt (not after 和)
            if not name and ethnic:
                name = self.ethnic_name_after(at)
                unsurnamed = None if name is None else not joined
            if not name and not joined and (odd := self._odd_given_name(at)):
                # 甲、周胜会、乙: a surname and a given name of characters names seldom hold (会
                # ends 会议 too), in doubt until a name follows
                doubtful.append((at, odd))
                i = at + len(odd)
                continue
            if not name:
                break
            end = at + len(name)
            if joined and not _LIST_ATTEND.match(t, end):
                break  # 县长甲和乙镇…: 和 joins a list only before a word for attending
            doubt = unsurnamed if unsurnamed is not None else _not_a_name(name) or _unsurnamed(name)
            if name not in self.found and doubt:
                if joined:
                    break
                doubtful.append((at, name))
            else:
                out += [*doubtful, (at, name)]
                doubtful = []
            i = end
            if joined:
                break
        if doubtful and (
            (_LIST_ATTEND.match(t, i) and not t.startswith("等", i)) or self.titled_name_after_comma(i)
        ):
            out += doubtful
        return out

    def _odd_given_name(self, i: int) -> str | None:
        """A list item of three characters between two 、, a surname and a given name whose last
        character names seldom end with (周胜会: :data:`_ODD_LAST`), no common word: a name only
        where a name follows it in the list (:meth:`list_after`)."""
        m = _LIST_ITEM.match(self.text, i)
        if not m or len(m.group()) != 3:
            return None
        word = m.group()
        if word[2] not in _ODD_LAST or not is_chinese_name(word[:2] + "明"):
            return None  # only the last character is odd (周胜会), not the given name (周年庆)
        if is_common_word(word) or _not_a_name(word):
            return None
        return word

    def list_item(self, i: int) -> str | None:
        """A list item between two 、 that reads as a name though its surname is
        rare (干利强): two or three characters, none of them a function word; or
        four that may be a name without a Chinese surname (尼玛卓玛), which
        :meth:`list_after` keeps only between two names."""
        m = _LIST_ITEM.match(self.text, i)
        if not m:
            return None
        word = m.group()
        if len(word) == 4:
            return word if _foreign_like(word) and not _not_a_name(word) else None
        if not is_chinese_name("王" + word[1:]) or word in context_words("notname"):
            return None
        return word

    # -- passes --------------------------------------------------------------

    def titled_names(self, ends: list[int] | None = None) -> None:
        """Title chains before names, and the names listed after them.

        ``ends`` limits the search to those title ends; the ends where no name
        was found are kept in ``self.unnamed`` for a second look.
        """
        t = self.text
        self.unnamed = []
        for end in sorted(self.heads) if ends is None else ends:
            at = _name_start(t, end)  # 县委书记 张建国
            head = self.heads[end]
            if head in heads_after_name() and self.named_before(end - len(head)):
                continue  # 习近平总书记来青: the title is the name's before it
            if head in _FOREIGN_HEADS:
                start = self.title_start(end)
                guest = t[start : end - len(head)]
                opens = t[start - 1 : start] in "、和同与及对，,：:。\n" or t.endswith(_RECEIVE, 0, start)
                if opens and len(guest) >= 2 and _foreign_like(guest) and not country_in(guest):
                    # 对奥朗德总统访华表示欢迎: the guest is named before the title, not after it
                    if not is_chinese_name(guest) or is_transliterated(guest):
                        self.add(guest, [(end - len(head), end)], foreign=True)
                        continue
            name = name_at(t, at, self.known())
            if name and name not in self.found and _coming_to(name):
                name = None  # 对港澳代表委员来京参加两会: 来 and a province's abbreviation, no name
            if name and name not in self.found and is_common_word(name):
                after = t[at + len(name) : at + len(name) + 1]
                if HAN.match(after or "。") and not t.startswith(_TITLED_WORD_VERBS, at + len(name)):
                    name = None  # 会长单位代表: a common word, unless a mark or a verb follows
                elif holds_word("after", name, shortest=len(name)):
                    name = None  # 运动员代表宣誓。: a verb that follows a name is none itself
            if name and name not in self.found and self.unsure(at, name) and self.read_as_word(at, name):
                name = None  # 县长宝贵的时间, 书记严肃指出: the tagger reads a word of no name there
            if name and name not in self.found and self.place_visited(at, name):
                name = None  # 书记那曲调研: the title's holder visits 那曲
            if name and self.place_goes_on(at, name):
                name = None  # 区长甲代表徐汇区委…: 徐汇 is the place 徐汇区, no name
            if name and t.startswith("和", at + len(name)):
                # 那顺孟和出席: 和 joins no name after it; the (ethnic) name runs on
                ethnic = ethnic_name_at(t, at)
                name = ethnic if ethnic and len(ethnic) > len(name) else name
            foreign = False
            if not name and (self.heads[end] in _FOREIGN_HEADS or self.country_before(end)):
                start = self.title_start(end)
                chunk = t[start:end]
                if t.startswith("兼", at):
                    pass  # 某国副总理兼外长甲: 兼 joins a second title, the name comes after it
                elif is_title(chunk) and (chunk.endswith(_FOREIGN_HEADS) or country_in(chunk)):
                    name = self.foreign_name_at(at)
                    if name and not _foreign_like(name):
                        name = None
                    foreign = name is not None
                    if name and self._byline(end):
                        name = None
            spaced = None
            if not name:
                name, spaced = self.spaced_name_at(at)
            if not name and not self.country_before(end):
                name = self.dotted_name_at(at)  # 雪克来提·扎克尔
            if not name and not self.country_before(end):
                name = self.ethnic_name_after(at)  # 副旗长那顺巴雅尔出席
            if not name and ends is not None:
                name = self.repeated_name_at(at)  # 陈景军领学: 陈景军 is named elsewhere
            if not name and ends is None:
                name = self.name_after_comma(end)  # 县委书记，王建国到某镇调研
                at = end + 1 if name else at
            if not name:
                self.unnamed.append(end)
                continue
            if self._byline(end):
                continue
            start = self.after_named(self.title_start(end), end - len(head))
            if start is None:
                self.add(name)
                continue
            titles = self.chain_before(start, end)
            if not titles:
                continue
            titles = self.title_clause_before(titles[0][0]) + titles
            self.add(name, titles, foreign)
            if spaced:
                self.found[name].spaced.append(spaced)
            for k, (where, other) in enumerate(
                self.list_after(spaced[1] if spaced else at + len(name), ethnic=True)
            ):
                # 副主任甲、乙和丙 share the title; 副主任甲和丙 do not tell 丙's
                self.add(other, titles if k or t[where - 1] == "、" else ())

    def unsure(self, i: int, name: str) -> bool:
        """Whether the rules are unsure of a name read after a title at ``i``: it is a common word
        (kept only for the verb or mark after it: 书记严肃指出), or a word of one character ends it
        (县长宝贵的时间), not a mark or a cue word of two or more (县长王明出席)."""
        return is_common_word(name) or not strong_boundary(self.text, i + len(name))

    def read_as_word(self, i: int, name: str) -> bool:
        """Whether the tagger reads a word of a class that names no one (``_NO_NAME_CLASSES``: an
        adjective, adverb, time, preposition…) at ``i``, over the whole of ``name`` or two characters
        of it at least: 宝贵 in 县长宝贵的时间, 严肃 in 书记严肃指出, 明显 in 书记明显感到; not a
        name it reads as a preposition and a word (向|东升). The tagger reads a window of
        ``_WINDOW`` characters around it; never without ``tagger``."""
        if not self.tagger:
            return False
        key = (i, len(name))
        if key not in self.readings:
            ((a, b),) = _windows([i], len(self.text))
            (words,) = word_classes([self.text[a:b]])
            # the word read at i covers the name, or two characters of it (明显|感到, 关切|地询问):
            # not one (向|东升 is a name)
            self.readings[key] = any(
                s + a == i and (e + a >= i + len(name) or e - s >= 2) and kind in _NO_NAME_CLASSES
                for s, e, kind in words
            )
        return self.readings[key]

    def after_named(self, start: int, head: int) -> int | None:
        """Where a title read from ``start`` to its head at ``head`` starts, when the text
        before the head holds a name found already (县委书记甲携副县长乙: 副县长 is 乙's, not
        县委书记甲携副县长): after that name and the verb that follows it (``after`` words);
        None when no such verb follows it (no title is read rather than a wrong one)."""
        t = self.text
        named = max(
            (k + len(name) for name in self.found for k in _occurrences_before(t, name, start, head)),
            default=None,
        )
        if named is None:
            return start
        verb = next((w for w in context_words("after") if t.startswith(w, named)), None)
        return named + len(verb) if verb and named + len(verb) <= head else None

    def name_after_comma(self, end: int) -> str | None:
        """The name after a title chain that is a clause of its own (市委副书记、市长，王建国到…):
        the chain opens its clause, and a cue word ends the name (not 的: 市长，王某的…)."""
        t = self.text
        if t[end : end + 1] not in ("，", ","):
            return None
        chain = self.chain_before(self.title_start(end), end)
        first = chain[0][0] if chain else end
        if not chain or (first > 0 and t[first - 1] not in "，,。；;：:\n"):
            return None
        name = name_at(t, end + 1, self.known())
        if not name or t.startswith("的", end + 1 + len(name)):
            return None
        stop = _ITEM_END.search(t, end + 1)
        if any(end + 1 + len(name) < head <= (stop.start() if stop else len(t)) for head in self.heads):
            # 社区党组织书记，相关工作组组长参加: the next item is a title of its own, no name.
            return None
        return name

    def repeated_name_at(self, i: int) -> str | None:
        """A name after a title before a word that is no cue, taken because the
        text names it again elsewhere before a cue (区委常委陈景军领学…陈景军指出). Not where
        it is named only as the end of a longer name found (旗长那顺孟和出席 names no 孟和: the
        word before 巴雅尔 in 书记孟和巴雅尔主持 is no name of its own)."""
        t = self.text
        for length in (3, 2):
            word = t[i : i + length]
            if len(word) < length or not is_chinese_name(word) or is_common_word(word):
                continue
            j = t.find(word)
            while j != -1:
                if j != i and strong_boundary(t, j + length) and not self.ends_a_longer_name(j, word):
                    return word
                j = t.find(word, j + 1)
        return None

    def ends_a_longer_name(self, j: int, word: str) -> bool:
        """Whether ``word`` at ``j`` is the end of a longer name found (那顺孟和 holds 孟和)."""
        t = self.text
        return any(
            len(name) > len(word) and name.endswith(word) and t.startswith(name, j + len(word) - len(name))
            for name in self.found
        )

    def dotted_name_at(self, i: int) -> str | None:
        """A name written with · (雪克来提·扎克尔) that a boundary follows."""
        t = self.text
        m = _DOTTED.match(t, i)
        if not m:
            return None
        for end in range(m.end() + 1, min(m.end() + 9, len(t) + 1)):
            if not HAN.match(t[end - 1]):
                break
            if boundary_after(t, end):
                if _reach(t, end + 1) > _reach(t, end) > end + 1 and boundary_after(t, end + 1):
                    end += 1  # 买买提出席: 买买|提出 reads a word 席 cannot finish, 买买提|出席 does
                word = t[i:end]
                return word if _foreign_like(word.replace("·", "")) else None
        return None

    def ethnic_name_after(self, i: int) -> str | None:
        """A Mongolian, Tibetan or Uyghur name with no Han surname right after a title's head
        (苏木党委书记额尔敦主持, 副县长扎西多吉出席: :func:`names.ethnic_name_at`), which is
        no common word and no byline's, and no place unless a verb follows it (副县长尼玛出席:
        the name of a county too, which no title goes before)."""
        name = ethnic_name_at(self.text, i)
        if not name or self._byline(i):
            return None
        bare = name.replace("·", "")
        if is_common_word(bare) or (bare in gazetteer() and not self.verb_of_a_person(i + len(name))):
            return None
        return name

    def place_visited(self, i: int, name: str) -> bool:
        """Whether a name read after a title at ``i`` is a place the holder visits: a name of the
        gazetteer (full or short) right before a verb of visiting (书记那曲调研, 县长阿里考察:
        那 and 阿 are surnames too). Ambiguous by nature (a 高平 may be a person too), the
        place is taken: a wrong person is worse than a missing one, and a name the release
        tells by a cue elsewhere (高平指出) is kept (``name not in self.found``)."""
        return name in gazetteer() and self.text.startswith(_visits(), i + len(name))

    def place_goes_on(self, i: int, name: str) -> bool:
        """Whether a name read at ``i`` goes on into a division's name of the gazetteer with the
        level word after it (代表徐汇区委, 代表徐汇区政府): a place, no name."""
        j = i + len(name)
        return _place_of_level(name, self.text[j : j + 1])

    def verb_of_a_person(self, i: int) -> bool:
        """Whether a verb starts at ``i`` that tells a name before it from a place's: a cue word
        (:func:`names.verb_at`) but not a verb of visiting (某书记那曲调研 visits 那曲)."""
        return verb_at(self.text, i) and not self.text.startswith(_visits(), i)

    def spaced_name_at(self, i: int) -> tuple[str | None, tuple[int, int] | None]:
        """A name with a stray space from scraping (市长何 平出席): the name without
        it, and its span with it."""
        t = self.text
        for gap in (i + 1, i + 2):
            if t[gap : gap + 1] == " " and HAN.match(t[gap - 1 : gap]) and HAN.match(t[gap + 1 : gap + 2]):
                compact = t[i:gap] + t[gap + 1 : gap + 8]
                name = name_at(compact, 0, self.known())
                if name and len(name) > gap - i:
                    return name, (i, i + len(name) + 1)
        return None, None

    def named_before(self, i: int) -> bool:
        """Whether a name that may bear a title ends at ``i`` (习近平|总书记)."""
        name = name_before(self.text, i, self.known())
        if not name or country_in(self.text[max(0, i - 8) : i]):
            return False  # 保加利亚议长: a country, not a name, before the title
        return name in self.found or self.text.count(name) > 1

    def country_before(self, end: int) -> bool:
        """Whether a country is named in the title-long stretch before ``end``."""
        i = bisect_left(self.countries, end - MAX_TITLE)
        return i < len(self.countries) and self.countries[i] < end

    def clean_left(self, i: int) -> bool:
        """Whether a name may start at ``i``: after a mark or a word before names, and not at a
        measure word after a number (37位人民陪审员: 位 counts them, no surname)."""
        t = self.text
        if i > 0 and t[i] in _MEASURES and (t[i - 1].isdigit() or t[i - 1] in _NUMERALS):
            return False
        return i == 0 or not HAN.match(t[i - 1]) or ends_with("before", t, i)

    def names_before_titles(self) -> None:
        """Titles written after the name: 习近平总书记, 胡绍军副市长, 奥朗德总统."""
        t = self.text
        leaders = heads_after_name()
        for end in sorted(self.heads):
            head = self.heads[end]
            if (head in context_words("after") and head not in leaders) or (
                t.startswith("会", end) and not t.startswith(_MEETS_AFTER_HEAD, end)
            ):
                continue  # 代表 is a verb too; 常委会 is no title (甲董事长会见乙: 会见 is a verb)
            start = end - len(head)
            while start > 0 and t[start - 1] in "副" and head[0] != "副":
                start -= 1
            if start == 0 or name_at(t, end, self.known()):
                continue
            name = name_before(t, start, self.known())
            if name and (country_in(name) or is_common_word(name) or _place_of_level(name, head)):
                name = None  # 安哥拉总统: a country, not a name; 徐汇区长: a place and its head
            if name:
                left = start - len(name)
                # 党总支王某书记: no name starts inside the organ before it (支王某 is none)
                cut = next((k for k in range(1, len(name) - 1) if ends_with("organ", t, left + k)), 0)
                if cut and is_chinese_name(name[cut:]):
                    name, left = name[cut:], left + cut
                clean = self.clean_left(left)
                often = t.count(name) > 1 or name in self.found
                if head in leaders:
                    ok = (clean and (len(name) >= 3 or often)) or (
                        len(name) >= 3 and often and not _country_ends_in(t, left + 1)
                    )
                elif head.endswith("书记") and ends_with("organ", t, left):
                    ok = True  # 社区党支部王某书记: the organ's secretary, written after the name
                else:
                    ok = clean and t[left - 1 : left] not in ("市", "县", "区", "省", "委", "会")
                if ok:
                    # China has no 总统 or 首相: who holds one is foreign
                    foreign = head in _FOREIGN_HEADS and head != "外长"
                    titles = [*self.titles_before_named(left), (start, end), *self.titles_after(end)]
                    self.add(name, titles, foreign=foreign)
                    continue
            if head in _FOREIGN_HEADS or head in leaders:
                name = self.foreign_name_before(start)
                if name:
                    self.add(name, [(start, end), *self.titles_after(end)], foreign=True)

    def _named_title(self, start: int, end: int) -> bool:
        """Whether a title read from ``start`` to ``end`` is a name and its title (强卫书记,
        省委强卫书记)."""
        head = self.heads.get(end, "")
        word = self.text[start : end - len(head)]
        if not head:
            return False
        return any(word.endswith(n) for n in self.found) or any(
            len(word) >= n and is_chinese_name(word[-n:]) for n in (2, 3)
        )

    def titles_before_named(self, left: int) -> list[tuple[int, int]]:
        """Titles joined by 、 before a name whose title follows it (省委常委、王某秘书长),
        back to one that follows another name (甲书记、省委常委、乙秘书长: 书记 is 甲's)."""
        t = self.text
        out: list[tuple[int, int]] = []
        end = left
        while end > 1 and t[end - 1] == "、":
            start = self.title_start(end - 1)
            if start >= end - 1 or not is_title(t[start : end - 1]):
                break
            parts = [p for p in split_chain(t, start, end - 1) if is_title(t[p[0] : p[1]])]
            if not parts or name_before(t, parts[0][0], self.known()) or self._named_title(*parts[0]):
                break  # 甲书记、…: the title is the name's before it
            out[:0] = parts
            end = parts[0][0]
        return out

    def titles_after(self, end: int) -> list[tuple[int, int]]:
        """More titles after a name's title: 习近平总书记、国家主席 (to a 和 or a mark)."""
        t = self.text
        out = []
        while t[end : end + 1] == "、":
            m = _TITLE_AFTER.match(t, end + 1)
            if not m or not is_title(m.group()) or m.end() not in self.heads:
                break
            if name_at(t, m.end(), self.known()):
                break  # 、国家主席习近平: the next title is the next person's
            if t[m.end() : m.end() + 1] == "、" and any(
                m.end() + 1 + n in self.title_starts and is_chinese_name(t[m.end() + 1 : m.end() + 1 + n])
                for n in (2, 3)
            ):
                break  # 、省委常委、王某秘书长: so is a title before a name its title follows
            out.append(m.span())
            end = m.end()
        return out

    def foreign_name_before(self, end: int) -> str | None:
        """A foreign name ending at ``end`` between a word before names and a title:
        同奥朗德总统, 和卢卡申科总统."""
        t = self.text
        i = end
        while i > 0 and end - i < 8 and (HAN.match(t[i - 1]) or t[i - 1] == "·"):
            if t[i - 1] in "和同与及":
                break  # 我愿同委员长一道, 期待同习主席会面: no name between the word and the title
            if t[i - 2 : i] == "同志":
                return None  # 以甲同志为总书记的党中央: 同 of 同志 joins no name after it
            i -= 1
            if end - i >= 2 and (i == 0 or t[i - 1] in "、和同与及，,：:。\n"):
                word = t[i:end]
                if t[i - 1 : i] == "、" and t.endswith(heads(), 0, i - 1) and not is_transliterated(word):
                    return None  # 某协会党组书记、分管日常工作副主席甲: a title's words in a chain
                return word if _foreign_like(word) and not is_chinese_name(word) else None
        return None

    def _electing_place(self, office, start: int, sentence_index: int) -> str | None:
        """The place whose congress opens the clause that elects or appoints to a level title at ``start``.

        In 柳州市第十三届人民代表大会第五次会议选举X为人民政府市长 the 市长 is 柳州市's,
        whatever the release's place: the place must open the clause, be followed by its
        congress, a notice verb must follow before the title, and its level be the title's.
        """
        if office.place or office.national or not office.level:
            return None
        t = self.text
        a = self.sentence_starts[sentence_index] if self.sentences else 0
        clause = max((m.end() for m in _CLAUSE_MARK.finditer(t, a, start)), default=a)
        while clause < start and t[clause] in " \u3000":
            clause += 1
        if not _NOTICE.search(t, clause, start):
            return None
        named = find_places(t[clause:start])
        if not named or named[0][0] != 0 or level_word(named[0][2]) != office.level:
            return None
        _, end, place = named[0]
        if not _CONGRESS.match(t, clause + end) or not _NOTICE.search(t, clause + end, start):
            return None
        return place

    def notices(self) -> None:
        """任命 / 免去 notices: 任命X为TITLE, 免除X同志TITLE一职, X辞去TITLE职务."""
        t = self.text
        named_before = False
        for sentence_index in range(len(self.sentences)):
            a = self.sentence_starts[sentence_index]
            b = (
                self.sentence_starts[sentence_index + 1]
                if sentence_index + 1 < len(self.sentences)
                else len(t)
            )
            if not _NOTICE_PATTERN.search(t, a, b):
                if named_before:
                    self._notice_list(a, b)
                named_before = False
                continue
            named_before = bool(_NAMES_TO_POST_AT_END.search(t, a, b))
            opening = a
            while opening < b and t[opening] in " \u3000\n":
                opening += 1
            # a name that opens the sentence is read for 当选 only (甲以90票当选为县长。)
            for i in (opening, *(m.end() for m in _NOTICE_NAME.finditer(t, a, b))):
                opens = i == opening
                name = name_at(t, i, self.known())
                if not name and not opens:
                    i, name = self.titled_appointee(i, b)
                if not name or _NOTICE_PATTERN.match(name):
                    continue  # ，任命他为县长: the verb, no name (the pronoun: pronoun_notices)
                name = _before_votes(t, i, name)
                names = [name]
                i += len(name)
                i = _after_sex_note(t, i)
                while t[i : i + 1] == "、" or _LAST_ELECTED.match(t, i):  # 李四、赵六两位同志辞去…
                    other = name_at(t, i + 1, self.known())
                    other = other and _before_votes(t, i + 1, other)
                    if not other or (t[i] != "、" and not self._elected_after(i + 1 + len(other))):
                        break  # 甲和乙: the last of a list only before 当选, as the lookahead meant
                    names.append(other)
                    i = _after_sex_note(t, i + 1 + len(other))
                group = _COMRADES.match(t, i)  # 同志, 三位同志, 等15位同志
                if group:
                    i = group.end()
                if votes := _BY_VOTES.match(t, i):  # 甲以95票当选为…: the votes are none of the title
                    i = votes.end()
                if opens and not _ELECTED.match(t, i):
                    continue
                if (
                    not group
                    and len(names) > 1
                    and not (t.startswith("为", i) or _TAKES.match(t, i) or _ELECTED.match(t, i))
                ):
                    continue  # 甲、乙为副主任, 甲、乙任副主任 and 甲、乙当选副主任 give both the post
                if t.startswith("代理", i):
                    # 决定甲代理某县县长职务: a verb, the post acted in is no title as written
                    for one in names:
                        self.add(one)
                    continue
                titles = []
                tail = _NOTICE_TITLE.match(t, i, b)
                while tail and _notice_title(t[tail.start("title") : tail.end("title")]):
                    titles.append(tail.span("title"))
                    # 为县政府副县长、代理县长: each title of the chain; 为副市长，并决定为代理市长:
                    # the further post the notice gives
                    further = _FURTHER_POST.match(t, tail.end("title"))
                    if further:
                        tail = _NOTICE_TITLE.match(t, further.end(), b)
                        continue
                    if t[tail.end("title") : tail.end("title") + 1] != "、":
                        break
                    tail = _NOTICE_TITLE.match(t, tail.end("title") + 1, b)
                if titles:
                    for one in names:
                        self.add(one, titles)

    def _elected_after(self, i: int) -> bool:
        """Whether 当选 follows ``i``, after 同志 and the votes (…丙同志以90票当选)."""
        t = self.text
        if t.startswith("同志", i):
            i += 2
        if votes := _BY_VOTES.match(t, i):
            i = votes.end()
        return bool(_ELECTED.match(t, i))

    def _notice_list(self, a: int, b: int) -> None:
        """The appointments listed in the sentence ``[a, b)`` after one that names posts to be
        filled and no one yet (国务院任命了某区政府主要官员。甲为某司司长，乙为某局局长。): each
        clause is a name, 为 and the title it is given, and nothing else, or none is read."""
        t = self.text
        items = []
        for i in (a, *(m.end() for m in _LIST_CLAUSE.finditer(t, a, b))):
            while i < b and t[i] in " \u3000\n":
                i += 1
            if i >= b:
                break
            name = name_at(t, i, self.known())
            tail = name and t.startswith("为", i + len(name)) and _NOTICE_TITLE.match(t, i + len(name), b)
            if not tail or not _notice_title(tail.group("title")) or t[tail.end() : tail.end() + 1] == "、":
                return  # a clause that is no appointment: the sentence is no list of them
            items.append((name, tail.span("title")))
        for name, title in items:
            self.add(name, [title])

    def titled_appointee(self, i: int, b: int) -> tuple[int, str | None]:
        """The name a notice gives after the posts its person holds (任命某大学党委书记甲为某部
        副部长): where the name starts and the name, when a chain of titles runs from ``i`` right
        to it and 为 follows it; else ``i`` and no name."""
        t = self.text
        for end in sorted(e for e in self.heads if i < e <= min(b, i + MAX_TITLE)):
            chain = self.chain_before(self.title_start(end), end)
            if not chain or chain[0][0] != i:
                continue
            name = name_at(t, end, self.known())
            if name and name in self.found and _AS_POST.match(t, end + len(name)):
                return end, name
        return i, None

    def pronoun_notices(self) -> None:
        """Notices naming their appointee by a pronoun (会见甲，颁发任命他为某行政长官的命令): the
        title is the person's named last before the pronoun, in its sentence or the one before,
        unless a list ends there; the title ends where the notice's document is named (的命令,
        的国务院第1号令). Likewise a removal or a resignation by a pronoun (任命甲为副市长，接受其
        辞去某职务的请求; 免去其某职务): the title to where the notice goes on."""
        t = self.text
        starts = self.sentence_starts
        notices = [(m, True) for m in _PRONOUN_NOTICE.finditer(t)]
        notices += [(m, False) for m in _PRONOUN_REMOVAL.finditer(t)]
        for m, naming in notices:
            sentence = bisect_right(starts, m.start()) - 1
            lo = starts[sentence - 1] if sentence > 0 else 0
            last = max(
                ((k, name) for name in self.found for k in _occurrences_before(t, name, lo, m.start())),
                default=None,
            )
            if last is None:
                continue
            k, _ = last
            if t[k - 1 : k] in _LIST_JOINS and any(t.endswith(name, 0, k - 1) for name in self.found):
                continue  # 甲、乙出席。…任命他为…: which of the list is not said
            if not naming:
                # 接受其辞去某职务的请求: the title to where the notice goes on
                tail = _NOTICE_TITLE.match(t, m.end())
                if tail and _notice_title(tail["title"]) and tail.start("title") == m.end():
                    self.add(last[1], [tail.span("title")])
                continue
            tail = _PRONOUN_TITLE.match(t, m.end())
            if not tail:
                continue
            title = tail.group(1)
            while not _notice_title(title) and title.rfind("的") > 0:
                title = title[: title.rfind("的")]  # 为某行政长官的国务院第754号令
            if _notice_title(title):
                start = tail.start(1)
                self.add(last[1], [(start, start + len(title))])

    def pronoun_posts(self) -> None:
        """The posts a pronoun takes up as the subject of its clause (张某，男，…。1998年，他出任
        某院检察长、党组书记): the person's, when the paragraph names no one else before the
        pronoun, and no title stands between their last mention and the pronoun but their own
        (某厂厂长甲会见了来访的公司总经理。他担任…: which of the two is not said)."""
        t = self.text
        for m in _PRONOUN_POST.finditer(t):
            paragraph = t.rfind("\n", 0, m.start()) + 1
            named = {
                name: k
                for name in self.found
                if (k := max(_occurrences_before(t, name, paragraph, m.start()), default=None)) is not None
            }
            if len(named) != 1:
                continue
            (name, k), *_ = named.items()
            own = {end for _, end, _ in self.found[name].titles}
            if any(k < end <= m.start() and end not in own for end in self.heads):
                continue
            titles = []
            i = m.end()
            while (item := _POST_ITEM.match(t, i)) and is_title(item["title"]):
                titles.append(item.span("title"))
                if t[item.end() : item.end() + 1] != "、":
                    break
                i = item.end() + 1
            if titles:
                self.add(name, titles)

    def posts_taken(self) -> None:
        """The posts a notice of appointments gives a person by name (市委决定：甲同志任县委委员、
        常委、书记; 乙同志任某局局长（试用期一年）): each title of the list after the verb, to a mark
        that is not 、."""
        t = self.text
        for m in _TAKES_POST.finditer(t):
            name = next((n for n in self.found if t.endswith(n, 0, m.start())), None)
            if name is None:
                continue
            titles = self.posts_after(m.end())
            if titles:
                self.add(name, titles)
        # 市委决定：甲任某县委书记，乙（女）任某县委副书记、代县长: the names of a notice's list
        for colon in _NOTICE_COLON.finditer(t):
            close = _SENTENCE_CLOSE.search(t, colon.end())
            b = close.start() if close else len(t)
            for item in _NOTICE_ITEM.finditer(t, colon.end(), b):
                name = name_at(t, item.start(), self.known())
                if not name or not is_chinese_name(name) or _not_a_name(name):
                    continue
                verb = _TAKES.match(t, _after_sex_note(t, item.start() + len(name)))
                titles = self.posts_after(verb.end()) if verb else []
                if titles:
                    self.add(name, titles)

    def posts_after(self, i: int) -> list[tuple[int, int]]:
        """The posts a notice's verb at ``i`` goes on to: each title of the list, to a mark that is
        not 、 (某局局长（试用期一年）: the note on the post left out)."""
        t = self.text
        titles = []
        while item := _POST_ITEM.match(t, i):
            start, end = item.span("title")
            note = _POST_NOTE.search(t, start, end)
            if note and not is_title(t[start:end]):
                end = note.start()  # 某局局长（试用期一年）: a note on the post
            if not is_title(t[start:end]):
                break
            titles.append((start, end))
            if t[item.end() : item.end() + 1] != "、":
                break
            i = item.end() + 1
        return titles

    def name_lists(self) -> None:
        """Bare lists of names: 王沪宁、刘延东、李源潮和…, 庞震凤、全新明、莫中厚等.

        The items between two 、 must each be a name; the first is the name that
        ends the text before the first 、, the last the name that starts after
        the last. Two items need a three-character one among them.
        """
        for items, closed in self._bare_lists():
            if len({w[0] for w in items}) == 1:
                continue  # 边走、边看、边问: one "surname" for all is no list of names
            if any(_not_a_name(w) for w in items):
                continue  # 柳林、金川、高平等地: places and words, not people
            if len(items) >= 3 or (len(items) == 2 and (closed or any(len(w) >= 3 for w in items))):
                for w in items:
                    self.add(w)

    def _bare_lists(self) -> Iterator[tuple[list[str], bool]]:
        """The lists of names in runs of characters joined by 、: a part that is no name
        ends one list with the name it starts with, and a part longer than a name starts
        the next with the name it ends with (关于甲、乙两位同志辞去…以及丙、丁、戊等:
        甲、乙 and 丙、丁、戊); each with whether words for people close it."""
        t = self.text
        for m in _LIST.finditer(t):
            items: list[str] | None = None
            loose = False  # the list's first name read with no word before names ahead of it
            at = m.start()
            for part in m.group().split("、"):
                if items is not None and (is_chinese_name(part) or part in self.found):
                    items.append(part)
                else:
                    if items is not None:
                        last = name_at(t, at, self.known())
                        closed = bool(last) and self._closed_as_persons(at + len(last))
                        if not loose or closed:
                            yield ([*items, last] if last else items), closed
                    # a list starts with the first part, or a longer part that ends with a
                    # name, not with a part that is a whole word after one that was none
                    # (获得感、幸福感、安全感; 东桥、中原、新生 after a village that is no name)
                    whole = items is None and at > m.start() and len(part) <= 4
                    head = None if whole else self._list_head(at, part)
                    loose = head is None and not whole and items is None
                    if loose:  # 涌现出甲、乙等先进个人: the list's closing words say they are people
                        head = self._list_head(at, part, clean=False)
                    items = [head] if head else None
                at += len(part) + 1
            if items is not None and len(items) > 1 and not loose:
                yield items, False

    def epithet_lists(self) -> None:
        """Lists that 等 and a word for people close, whose items each put a phrase before the name
        (科圣甲某、造车鼻祖乙某、“凿壁偷光”的丙某等历史名人; 全国劳模张三、技术能手李四等先进个人):
        the name that ends each item (:meth:`_epithet_name`), where two items end in one at least.
        The list starts after the mark that opens its clause."""
        t = self.text
        for m in _closing_persons().finditer(t):
            end = m.start()
            start = max(t.rfind(mark, 0, end) for mark in _CLAUSE_MARKS) + 1
            ends = [k for k in range(start, end) if t[k] == "、"] + [end]
            if len(ends) < 2:
                continue  # one item is no list
            names = [self._epithet_name(a + 1, b) for a, b in zip([start - 1, *ends], ends, strict=False)]
            names = [name for name in names if name]
            if len(names) >= 2:
                for name in names:
                    self.add(name)

    def _epithet_name(self, start: int, end: int) -> str | None:
        """The name that ends an item of a list of people from ``start`` to ``end``: a name of two
        or three characters, no common word or place; where both read as names (鼻祖|奚仲 and
        祖奚仲, 医圣|张仲景 and 仲景), the one the tagger reads as a person, or none."""
        t = self.text
        options = [
            t[end - k : end]
            for k in (3, 2)
            if end - k >= start and is_chinese_name(t[end - k : end]) and not _not_a_name(t[end - k : end])
        ]
        if len(options) < 2:
            return options[0] if options else None
        if not self.tagger:
            return None
        a = max(start, end - _WINDOW)
        (spans,) = tagged_persons([t[a : end + 1]])
        read = {(a + i, a + j) for i, j, _ in spans}
        return next((name for name in options if (end - len(name), end) in read), None)

    def _closed_as_persons(self, end: int) -> bool:
        """Whether 等 and a word for people close a list at ``end`` (甲、乙等历史名人, 等一批先进个人;
        ``name_context.tsv``: persons)."""
        return _closing_persons().match(self.text, end) is not None

    def _list_head(self, start: int, part: str, clean: bool = True) -> str | None:
        """The name a list starts with: the end of ``part`` after a clean boundary (with
        ``clean``), else the longest name it ends with."""
        for length in (3, 2, 4) if clean else (3, 2):
            if length > len(part):
                continue
            word = part[-length:]
            if is_chinese_name(word) and (not clean or self.clean_left(start + len(part) - length)):
                return word
        return None

    def comrades(self) -> None:
        """A name before 同志 (纪念刘复之同志诞辰): a mention when not inside a longer name."""
        t = self.text
        for m in _COMRADE.finditer(t):
            name = name_before(t, m.start(), self.known())
            if name and self.clean_left(m.start() - len(name)):
                self.add(name)

    def appointments(self, names: frozenset[str]) -> None:
        """Titles a known name is given after a word of appointment, as headlines
        write it (张三任某县代县长, 李四当选为市长): a chain of titles to the next
        mark or the end, every part of it a title."""
        t = self.text
        words = context_words("appointed")
        for name in sorted(names):
            for m in _occurrences(t, name):
                at = m.end()
                word = next((w for w in words if t.startswith(w, at)), None)
                if word is None:
                    continue
                start = end = at + len(word)
                while end < len(t) and (HAN.match(t[end]) or t[end] == "、"):
                    end += 1
                parts = _chain_titles(t, start, end)
                if parts:
                    self.add(name, parts)

    def group_lists(self) -> None:
        """Names listed after a group word (市领导X、Y) or joined to a known name; after a group
        word, a name of no Han surname too, as after a title (市领导李四、额尔敦出席)."""
        t = self.text
        for m in _alternatives("group").finditer(t):
            name = name_at(t, m.end(), self.known()) or self.ethnic_name_after(m.end())
            if not name or (name not in self.found and _coming_to(name)):
                continue  # 邀请企业负责人来通江考察: who comes to a place, no name
            self.add(name)
            for _, other in self.list_after(m.end() + len(name), ethnic=True):
                self.add(other)
        # lists joined to a known name: X、Y等 / known、Y
        changed = True
        while changed:
            changed = False
            for name in list(self.found):
                for m in _occurrences(t, name):
                    for _, other in self.list_after(m.end()):
                        if other not in self.found:
                            self.add(other)
                            changed = changed or other in self.found
                    # the items before a known name in a list: Y、known
                    i = m.start()
                    while i > 2 and t[i - 1] == "、":
                        other = None
                        for length in (3, 2, 4):
                            cand = t[i - 1 - length : i - 1]
                            left = t[i - 2 - length : i - 1 - length] if i - 1 - length > 0 else ""
                            if is_chinese_name(cand) and (not left or not HAN.match(left)):
                                other = cand
                                break
                        if not other:
                            break
                        if other not in self.found:
                            self.add(other)
                            changed = changed or other in self.found
                        i = i - 1 - len(other)

    def bios(self) -> None:
        """The subject of a biography: 张某，男，汉族，1970年生… (a name that
        opens a sentence or line before 男 / 女 between commas)."""
        t = self.text
        for m in _BIO.finditer(t):
            name = m.group(1)
            if is_chinese_name(name) or name in self.found:
                self.add(name)

    def careers(self) -> None:
        """The posts a sentence says a person holds or held (甲同志是…，曾任A，B，C;
        乙，男，…，历任A、B，现任C): each item after 曾任 / 历任 / 现任 that is a title,
        to the first that is not, for the last name found before it in the sentence."""
        t = self.text
        for m in _CAREER.finditer(t):
            k = self.sentence_of(m.start())
            a = self.sentence_starts[k]
            subject = None
            for name in self.found:
                for o in _occurrences(t, name):
                    if a <= o.start() and o.end() <= m.start() and (subject is None or o.end() > subject[1]):
                        subject = (name, o.end())
            if subject is None and _OPENS_CAREER.fullmatch(t, a, m.start()):
                subject = self.biography_subject(a)
                opens = bio = True
            elif subject is None or any(c in "。；;\n" for c in t[subject[1] : m.start()]):
                continue
            else:
                opens = not t[a : subject[1] - len(subject[0])].strip()
                bio = _BIO_SEX.match(t, subject[1])  # 资料显示，乙，男，…，现任C: a biography's subject
            if subject is None:
                continue
            if not opens and not bio and any(c in "，," for c in t[subject[1] : m.start()]):
                continue  # 县长甲介绍，乙曾任…: the posts are of whom the clause names
            titles = []
            i = m.end()
            # to the first item that is no title, or starts the next list (…，现任C), or holds another
            # (…，市长乙此前任D: 乙's), or names a post proposed, not held (…，拟任D: a nominee's)
            while (
                (item := _CAREER_ITEM.match(t, i))
                and not _CAREER.search(item["title"])
                and not _PROPOSED.match(t, i)
                and is_title(item["title"])
            ):
                titles += _held_together(t, *item.span("title"))
                i = item.end()
                if item["stop"]:
                    break
            if titles:
                self.add(subject[0], titles, named_at=subject[1] - len(subject[0]))

    def _evidence(self, found: _Found, start: int, end: int, k: int) -> Span:
        """The sentence that states a title, from the earlier one that names its holder if any."""
        if not self.sentences:
            return Span(0, len(self.release.text))
        first = self.sentences[found.reach.get((start, end), k)].span
        return Span(first.start, self.sentences[k].span.end)

    def biography_subject(self, a: int) -> tuple[str, int] | None:
        """Whom a biography is of, for its sentence at ``a`` that names no one (乙，男，1970年生，…
        研究生学历。现任C。, 丙，1950年生于某县。1975年起历任D、E。): the name that opens the
        paragraph before a comma, when no other person is named between it and ``a``."""
        t = self.text
        line = t.rfind("\n", 0, a) + 1
        while line < a and t[line] in " \u3000":
            line += 1
        m = _OPENING_NAME.match(t, line, a)
        if not m or m["name"] not in self.found:
            return None
        name = m["name"]
        for other in self.found:
            if other != name and other not in name and t.find(other, m.end(), a) >= 0:
                return None
        return name, m.end("name")

    def posts_of(self) -> None:
        """The posts written before 的 and a name (时任某市委常委、某县委书记的甲): each part of the
        chain a title, the name where the rules read one after 的."""
        t = self.text
        for m in _POSTS_OF.finditer(t):
            name = name_at(t, m.end(), self.known())
            if not name or is_common_word(name) or "某" in name:
                continue  # 时任县长的张某: a name withheld is no one's name
            titles = _chain_titles(t, m.start("chain"), m.end("chain"))
            if titles:
                self.add(name, titles)

    def posts_left(self) -> None:
        """The posts a notice says a person no longer holds (甲同志不再担任某县委书记、常委、委员职务;
        乙不再兼任某局局长职务): each title of the list, to 职务, as a notice's removal gives them."""
        t = self.text
        for m in _LEAVES_POST.finditer(t):
            name = next((n for n in self.found if t.endswith(n, 0, m.start())), None)
            close = _POSTS_CLOSE.search(t, m.end())
            if name is None or close is None or close["end"]:
                continue
            titles = []
            for item in _POST_LEFT.finditer(t[m.end() : close.start()]):
                start, end = m.end() + item.start(), m.end() + item.end()
                if not is_title(t[start:end]):
                    break
                titles.append((start, end))
            if titles:
                self.add(name, titles)

    def clause_names(self) -> None:
        """A bare name that opens a clause before a verb (郭建清主持会议), or before whom it
        holds talks with, named by a post (王毅同美国国务卿布林肯通电话), or after 据 as the
        source of what the clause reports (据王小明介绍，…)."""
        t = self.text
        for m in _CLAUSE_NAME.finditer(t):
            i = m.start()
            name = name_at(t, i, self.known())
            if name and t.startswith(_CLAUSE_VERBS, i + len(name)):
                self.add(name)
        for m in _CLAUSE_OPENING.finditer(t):
            name = name_at(t, m.start(), self.known())
            if name and _MEETS_WITH.match(t, m.start() + len(name)):
                self.add(name)
        kinds = context_words("noun") + context_words("private")
        for m in _says_gladly().finditer(t):
            # 村民王大山激动地说: the name between the word for a kind of person and the adverb
            for size in (3, 2):
                i = m.start() - size
                # after a word for a kind of person, or a title (人大代表李四高兴地说)
                before = t.endswith(kinds, 0, i) or i in self.heads
                if i > 0 and before and name_at(t[: m.start()], i, self.known()):
                    name = t[i : m.start()]
                    if is_chinese_name(name) and not _not_a_name(name):
                        self.add(name)
                        break
        for m in _ACCORDING.finditer(t):
            name = name_at(t, m.end(), self.known())
            if name and t.startswith(_ACCORDING_VERBS, m.end() + len(name)) and not _not_a_name(name):
                self.add(name)

    def tagged_names(self) -> None:
        """Names LAC tags around the places the rules leave in doubt, where the
        project's own checks accept them (:meth:`_accept_tagged`).

        A place is in doubt where a name may stand that no known name fills:
        before a list mark or a cue word for people (参加, 陪同, 交谈, 说, 男),
        after a list mark, or after a verb of receiving (会见). The tagger reads
        a window of ``_WINDOW`` characters around each such place, all windows
        of a release in one batch; a name cut by a window's edge is not taken.
        """
        t = self.text
        windows = _windows(self._doubtful_places(), len(t))
        if not windows:
            return
        spans = tagged_persons([t[a:b] for a, b in windows])
        candidates: dict[tuple[int, int], bool] = {}
        for (a, b), found in zip(windows, spans, strict=True):
            for i, j, verb in found:
                if (i == 0 and a > 0) or (a + j == b and b < len(t)):
                    continue  # the window may have cut the name
                verb = verb and (a + j + 2 < b or b == len(t))  # and the verb after it, whole
                candidates[a + i, a + j] = candidates.get((a + i, a + j), False) or verb
        tagged = frozenset(t[i:j] for i, j in candidates)
        after_title = self._unnamed_starts() | set(self._epithet_ends)
        for (i, j), verb in sorted(candidates.items()):
            name = self._accept_tagged(i, j, tagged, verb and i in after_title)
            if name:
                self.add(name, foreign=not is_chinese_name(name))

    def comma_lists(self) -> None:
        """Bare names listed by commas after a titled name share its titles
        (副县长孙某,黄某,吕某,各乡镇负责人参加): two or more names (known, or
        read by the surname table), each followed by a comma, a list mark or a
        verb of attending."""
        t = self.text
        known = self.known()
        for end in sorted(self.heads):
            name = name_at(t, end, known)
            if not name or name not in self.found:
                continue
            titles = self.chain_before(self.title_start(end), end)
            items = []
            j = end + len(name)
            while t[j : j + 1] in ("，", ","):
                other = next((t[j + 1 : j + 1 + n] for n in (4, 3, 2) if t[j + 1 : j + 1 + n] in known), None)
                if not other:
                    other = name_at(t, j + 1, known)
                    if not other or _not_a_name(other):
                        break
                after = j + 1 + len(other)
                if not (t[after : after + 1] in "，,、" or t.startswith(_ATTEND, after)):
                    break
                items.append(other)
                j = after
            if len(items) >= 2 and titles:
                for other in items:
                    self.add(other, titles)

    def _doubtful_places(self) -> list[int]:
        """Offsets where a name may stand that no rule took (see :meth:`tagged_names`).

        A list mark or a comma counts only in a sentence about people: one with
        a title, a known name or a verb of taking part (教育、卫生 is no list of
        people, 刘伟、张明参加 is).
        """
        t = self.text
        places = []
        people: dict[int, bool] = {}
        starts = surname_starts()
        for m in _slot_cues().finditer(t):
            i, cue = m.start(), m.group()
            found = []
            # :meth:`_open_slot`'s first test, asked here: at 4 cues in 5 (most are commas after
            # words) no surname starts a name of two or three characters before it
            if (i >= 3 and t[i - 3] in starts and self._open_slot(i - 3, i)) or (
                i >= 2 and t[i - 2] in starts and self._open_slot(i - 2, i)
            ):
                if cue not in "，," or t[i - 4 : i - 3] in "，,、" or t[i - 3 : i - 2] in "，,、":
                    found.append(i - 1)  # a comma is a slot only between bare items: 副县长甲乙,丙丁,
            if cue == "、" and (self._open_slot(i + 1, i + 3) or self._open_slot(i + 1, i + 4)):
                found.append(i + 2)
            if cue in _RECEIVE and HAN.match(t[m.end() : m.end() + 1]):
                if not any(t.startswith(name, m.end()) for name in self.found):
                    found.append(m.end() + 2)  # 会见法比尤斯: a guest the rules did not name
            if found and cue in _LIST_MARKS:
                # whether the sentence is about people is asked only where a slot is open
                k = self.sentence_of(i)
                if k not in people:
                    people[k] = self._about_people(k)
                if not people[k]:
                    continue
            places += found
        for at in self._unnamed_starts():
            if self._open_slot(at, at + 3) or self._open_slot(at, at + 2):
                places.append(at + 1)  # 市委书记张建国会同…: a name before a verb of no list
        for m in _alternatives("noun").finditer(t):
            at = m.end()
            if self._open_slot(at, at + 3) or self._open_slot(at, at + 2):
                places.append(at + 1)  # 工程师王强介绍…: a name after a kind of person
        for at in self._epithet_ends:
            if self._open_slot(at, at + 3) or self._open_slot(at, at + 2):
                places.append(at + 1)  # “全国道德模范”李明华发言: a name after an epithet in quotes
        return places

    @cached_property
    def _epithet_ends(self) -> list[int]:
        """Where a quoted epithet of a person ends: a quotation of two to twelve characters that
        ends in a word for a kind of person (``name_context.tsv``: noun) or in 人 or 者
        (“全国道德模范”, “中国环球航海第一人”, “最美奋斗者”); a name may follow it, as a verb may
        follow the name that follows a title (“中国好人”李明驾驶…)."""
        nouns = tuple(context_words("noun")) + _PERSON_ENDS
        return [m.end() for m in _QUOTED.finditer(self.text) if m.group(1).endswith(nouns)]

    def _unnamed_starts(self) -> set[int]:
        """Where a name would start after each title end the rules left unnamed
        (:meth:`titled_names`)."""
        t = self.text
        return {_name_start(t, end) for end in self.unnamed}

    def _about_people(self, k: int) -> bool:
        """Whether sentence ``k`` has a title, a known name or a verb of taking part."""
        a, b = self._sentence_bounds(k)
        t = self.text
        if any(a < end <= b for end in self.heads):
            return True
        if _PEOPLE_VERBS.search(t, a, b):
            return True
        return any(t.find(name, a, b) != -1 for name in self.found)

    def _sentence_bounds(self, k: int) -> tuple[int, int]:
        a = self.sentence_starts[k]
        b = self.sentence_starts[k + 1] if k + 1 < len(self.sentences) else len(self.text)
        return a, b

    def _open_slot(self, i: int, j: int) -> bool:
        """Whether ``[i, j)`` may hold a name the rules did not take: it reads
        as a Chinese name by the surname table, is no common word or place, and
        is not part of a known name."""
        t = self.text
        if i < 0 or j > len(t) or t[i] not in surname_starts():
            return False
        word = t[i:j]
        if not is_chinese_name(word) or _not_a_name(word):
            return False
        return not any(word in name for name in self.found)

    def _accept_tagged(self, i: int, j: int, tagged: frozenset[str], title_verb: bool = False) -> str | None:
        """A name LAC tagged at ``[i, j)``, if the rules' checks accept it.

        A Chinese name by the surname table (or a foreign guest received or
        speaking in a release that names a country), no common word or place,
        no surname just before it and a clean boundary after it, not in a byline, inside 《》, inside a
        longer known name or around one (巴赫来华), not the start of an
        organisation or place (苏日戈养殖家庭牧场, 江钦所), not a side in
        talks (中方, 马方), and in a list only beside another name
        (勤学、修德、明辨 is no list of people).
        """
        t = self.text
        name = t[i:j]
        if name in self.found or _not_a_name(name):
            return None
        chinese = is_chinese_name(name)
        if not chinese and not self._foreign_guest(i, j):
            return None
        # a byline (王五), or the end of a longer name (籍|兰英), not after a kind of person (劳动模范|李桂兰)
        clean = self.clean_left(i) or ends_with("noun", t, i)
        if i and (t[i - 1] in "(（" or (not clean and t[i - 1] in surnames())):
            return None
        if not clean and (is_transliterated(name) or not chinese) and self._cut_after_title(i):
            return None
        if not (boundary_after(t, j) or t[j : j + 1] in "和与及等"):
            # right after a title the rules left unnamed, a verb they do not know may end the
            # name, where the tagger reads one (``title_verb``: 市长赵国庆嘱咐…, not 人大代表胡日沁|必力格)
            if not (chinese and title_verb):
                return None
        if self._byline(i) or self._in_byline(i):
            return None
        a, _ = self._sentence_bounds(self.sentence_of(i))
        if t.count("《", a, i) > t.count("》", a, i):
            return None
        if any(name in other or other in name for other in self.found):
            return None
        if _NAMED_THING.match(t, j) or (name.endswith("方") and "中方" in t) or _LIST_OF_PLACES.match(t, j):
            return None
        if len(name) == 2 and (t[i - 1 : i] == "、" or t[j : j + 1] == "、"):
            before = t[max(0, i - 5) : i - 1] if t[i - 1 : i] == "、" else ""
            after = t[j + 1 : j + 5] if t[j : j + 1] == "、" else ""
            known = tagged | self.found.keys()
            if not any(before.endswith(w) or after.startswith(w) for w in known if w != name):
                return None
        return name

    def _cut_after_title(self, i: int) -> bool:
        """Whether ``i`` falls inside the name a title's head is followed by (副旗长那顺|巴雅尔出席:
        the holder's name starts at the head, not inside it): a head ends one to three characters
        before ``i``, with characters only between, which with the title are no title themselves
        (市长助理李四 is a title and a name). Asked of a tagged name written as a transliteration
        only: a Han name after a rank the heads do not end (主任科员王小明) is taken."""
        t = self.text
        for k in range(max(0, i - 3), i):
            if k in self.heads and all(HAN.match(c) for c in t[k:i]):
                return not is_title(t[self.title_start(i) : i])
        return False

    def _foreign_guest(self, i: int, j: int) -> bool:
        """Whether a non-Chinese name at ``[i, j)`` is a foreign guest or speaker:
        received (会见法比尤斯) or speaking (法比尤斯表示), in a release that names a
        country or a foreign office holder (奥朗德总统)."""
        t = self.text
        abroad = self.countries or any(f.foreign for f in self.found.values())
        if not abroad or not _foreign_like(t[i:j]) or j - i < 2:
            return False
        received = any(t.endswith(cue, 0, i) for cue in _RECEIVE)
        return received or t.startswith(_SPEAKS, j)

    def _byline(self, i: int) -> bool:
        """Whether offset ``i`` follows a byline word (记者 张祺) closely."""
        window = self.text[max(0, i - 6) : i]
        return bool(_BYLINE_MARK.search(window)) and bool(_alternatives("byline").search(window))

    # -- mentions and records ------------------------------------------------

    def mentions(self, name: str) -> list[tuple[int, int]]:
        t = self.text
        inside = context_words("inside")
        others = [n for n in self.found if n != name and name in n]
        spans = []
        for m in _occurrences(t, name):
            s, e = m.span()
            if t.startswith(inside, e) or _NAMED_AFTER.match(t, e):
                continue
            if any(t.startswith(o, s - o.index(name)) for o in others if s - o.index(name) >= 0):
                continue
            if s > 0 and HAN.match(t[s - 1]) and is_chinese_name(t[s - 1] + name):
                # part of a longer name (王勇 inside 李王勇?) only if that one is known
                if t[s - 1] + name in self.found:
                    continue
            if self._byline(s) and not boundary_after(t, e):
                continue
            if self._in_byline(s):
                continue
            spans.append((s, e))
        if name in self.found:
            spans.extend(self.found[name].spaced)
        return sorted(set(spans))

    def _in_byline(self, s: int) -> bool:
        t = self.text
        window = t[max(0, s - 12) : s]
        if _IN_BYLINE.search(window):
            return True
        opened = max(t.rfind("（", max(0, s - 30), s), t.rfind("(", max(0, s - 30), s))
        credited = _CREDITED.match(t, opened) if opened > 0 else None
        if (
            credited
            and credited.start("names") <= s < credited.end("names")
            and t[:opened].rstrip()[-1:] in _CREDIT_OPENS
            and all(is_chinese_name(name) for name in _LISTED_NAMES.findall(credited["names"]))
        ):
            # …作了介绍。（甲、乙）: the writers credited after the last sentence
            return True
        # 新华社记者 甲、乙、丙: a list of reporters, each a name
        listed = _BYLINE_LIST.search(t, max(0, s - 24), s)
        if not listed or not all(
            is_chinese_name(name) for name in _LISTED_NAMES.findall(listed.group("names"))
        ):
            return False
        return bool(listed.group("names")) or bool(_NEXT_LISTED.match(t, s))

    def persons(self, places: PlacesNamed | None = None) -> Iterator[Person]:
        release, v = self.release, self.view
        text_places = places if places is not None else PlacesNamed(self.text)
        # where each title of anyone ends, and where it starts
        title_starts = {e: s for f in self.found.values() for s, e, _ in f.titles}
        national = place_key(release.place) == NATIONAL
        for found in self.found.values():
            spans = self.mentions(found.name)
            if not spans:
                continue
            s0, e0 = spans[0]
            # the name as written, without a stray space (何 平 → 何平)
            written = release.text[v.start(s0) : v.end(e0)].replace(" ", "")
            holdings = []
            seen = set()
            resolved = []
            last = None  # the last title that told its place, and its sentence
            # the title before: its office as read, where it ends, the title read, its organ
            before = None
            for start, end, sentence_index in sorted(found.titles):
                title_written = release.text[v.start(start) : v.end(end, glosses=True)]
                if title_written in seen:
                    continue
                seen.add(title_written)
                office_read = None  # the title's office with the place its chain or list gave it
                joined = self.text[before[1] : start] if before else None  # what joins it to this
                # 区人大常委会主任甲，副主任乙: the office of the list's body, read as written;
                # 县财政局党组书记、局长: the body of the party group's organ
                chained = joined in _CHAIN_JOINS
                title = (
                    self._shared(start, end, title_starts)
                    or (chained and chained_title(before[2], self.text[start:end]))
                    or self.text[start:end]
                )
                # a foreign leader's bare title (总统) is not the release's office
                home = None if found.foreign else release.place
                # one reading of the title, of the text as read (simplified, glosses out), for
                # both the office kept on the holding and its place
                office = parse_title(title)
                if office.title != title_written:
                    office = replace(office, title=title_written)
                resolution = resolve(title, home, text_places)
                if found.foreign and resolution.jurisdiction == "中国":
                    resolution = Resolution(None)
                abroad = country_of(before[2])[0] if before and joined in _ORGAN_JOINS else ""
                if abroad and not any(country_of(title)):
                    # 某国副总理兼外长, 某国总统、总理: a title joined to a foreign state's is of it
                    # too (a bare 外长 is China's only alone)
                    resolution = Resolution(abroad, explicit=True)
                    office_read = replace(office, place=abroad)
                elif not resolution.explicit and last and last[1] == sentence_index:
                    # 县委常委、宣传部部长: a bare title takes the place of the chain
                    resolution = Resolution(last[0].jurisdiction)
                    if last[0].jurisdiction:
                        # …and hands it on (某镇党委委员、政法委员、副镇长: the 副镇长 is 某镇's)
                        office_read = replace(office, place=last[0].jurisdiction)
                elif chained and (place := place_from_chain(before[0], office)):
                    # 汉中市委副书记、市长: a level title takes the place its chain named
                    resolution = Resolution(place, explicit=True)
                    office_read = replace(office, place=place)
                elif not found.foreign and (place := self._listed_place(start, office, title_starts)):
                    # 甲市市委书记张三、市长李四: the list's first holder named the place once
                    # (and the chain after it: 甲市委书记张三和市委副书记、市长李四)
                    resolution = Resolution(place, explicit=True)
                    office_read = replace(office, place=place)
                elif not found.foreign and (place := self._electing_place(office, start, sentence_index)):
                    # 柳州市第十三届人民代表大会…选举X为人民政府市长: the congress's city
                    resolution = Resolution(place, explicit=True)
                if resolution.explicit:
                    last = (resolution, sentence_index)
                resolved.append(resolution)
                where = resolution.jurisdiction
                # a foreign state's office is of no organ of China's (某国副总理 is no 国务院's)
                organ = None if found.foreign or where in countries() else organization(title, where)
                if organ is None and before and before[3] and joined in _ORGAN_JOINS:
                    # 全国政协副主席兼秘书长, 市委副书记、统战部部长: the body the chain named
                    organ = lent_organ(before[3], self.text[start:end])
                before = (office_read or office, end, title, organ)
                holdings.append(
                    Holding(
                        title=title_written,
                        span=Span(v.start(start), v.end(end, glosses=True)),
                        evidence=self._evidence(found, start, end, sentence_index),
                        jurisdiction=where,
                        organization=organ,
                        office=office,
                    )
                )
            # 会见阿尔特: a guest of no title, named as a foreign name is written, is no local's
            foreign = found.foreign or (not found.titles and self._transliterated_guest(found.name, spans))
            jurisdiction = _person_place(resolved, None if foreign else release.place)
            private = False
            if not found.titles and not foreign and self._listed_national(spans):
                jurisdiction = NATIONAL  # 甲、乙等国家部委主要领导同志: the central state's
            elif not found.titles and not foreign and self._private(spans):
                private = True
            if private and national:
                # 看望困难群众甲一家: no office, so not the country's; where the text places them
                jurisdiction = self._placed(spans) or "?"
            yield Person(
                name=written,
                key=written,
                mentions=tuple(Span(v.start(s), v.end(e)) for s, e in spans),
                holdings=tuple(holdings),
                jurisdiction=jurisdiction,
                foreign=foreign,
                private=private,
            )

    def _listed_national(self, spans: list[tuple[int, int]]) -> bool:
        """Whether a name is of a list that 等 and a word for the central state's officials
        close (甲、乙等国家部委主要领导同志; ``name_context.tsv``: national)."""
        t = self.text
        names = sorted(self.found, key=len, reverse=True)
        national = context_words("national")
        for _, k in spans:
            while t[k : k + 1] in ("、", "和"):
                following = next((n for n in names if t.startswith(n, k + 1)), None)
                if following is None:
                    break
                k += 1 + len(following)
            if t.startswith("等", k) and t.startswith(national, k + 1):
                return True
        return False

    def _private(self, spans: list[tuple[int, int]]) -> bool:
        """Whether a name is a private person's: a word for one (``name_context.tsv``: private)
        right before it or right after it, across a list of names (村民甲、乙; 甲、乙夫妇;
        看望困难群众甲一家), or 家住 in the clause before (家住某村的甲)."""
        t = self.text
        words = context_words("private")
        names = sorted(self.found, key=len, reverse=True)
        for s, e in spans:
            k = s
            while t[k - 1 : k] in _LIST_JOINS and (
                other := next((n for n in names if t.endswith(n, 0, k - 1)), None)
            ):
                k -= 1 + len(other)
            if t.endswith(words, 0, k):
                return True
            k = e
            while t[k : k + 1] in _LIST_JOINS and (
                other := next((n for n in names if t.startswith(n, k + 1)), None)
            ):
                k += 1 + len(other)
            if t.startswith(words, k):
                return True
            clause = _CLAUSE_MARK.split(t[max(0, s - 30) : s])[-1]
            if "家住" in clause and clause.endswith("的"):
                return True
        return False

    def _placed(self, spans: list[tuple[int, int]]) -> str | None:
        """The division the text places a person in: in the sentence of a mention, the last one
        named before the name (在某区某村，看望村民甲; 家住某县的甲), else the last named after it
        in its clause (甲家住某省某县); else the last named before the first mention in its paragraph
        (习近平前往唐山市某疗养院……同村民甲交谈); None when the text names none there."""
        t = self.text
        paragraph = None
        for s, e in spans:
            start = max(t.rfind("\n", 0, s) + 1, *(t.rfind(mark, 0, s) + 1 for mark in _SENTENCE_ENDS))
            clause = _CLAUSE_MARK.search(t, e)
            # the last named, the most local of 某省某县
            found = _divisions(t[start:s]) or _divisions(t[e : clause.start() if clause else len(t)])
            if found:
                return found[-1]
            if paragraph is None:
                paragraph = _divisions(t[t.rfind("\n", 0, s) + 1 : start])
        return paragraph[-1] if paragraph else None

    def _transliterated_guest(self, name: str, spans: list[tuple[int, int]]) -> bool:
        """Whether a name read by the surname table is a foreign guest's written as Chinese
        transliterates (会见阿尔特; 巴尔克说): a guest received or speaking, in a release
        that names a country, whose name reads as a transliteration (``names.is_transliterated``)."""
        return is_transliterated(name) and any(self._foreign_guest(s, e) for s, e in spans)

    def _listed_place(self, start: int, office: Office, title_starts: Mapping[int, int]) -> str | None:
        """The place a level title that names none takes from the title of a name listed
        before it (甲市市委书记张三、市长李四; 甲市委书记张三和市委副书记、市长李四):
        a list of one place's leaders names the place once, with its first holder's title,
        whatever the release's own place (a visiting delegation's leaders in a host's
        release). Only across 、 or 和 right after each name, back to the first title that
        names a place (甲县人大常委会副主任张三、县人民检察院检察长李四、县人民法院院长王五),
        or across a comma in a list that opens its clause and leads a delegation (22日，甲省委
        书记张三，省委副书记、省长李四，省政协主席王五等率团…), back over the holders whose
        chains name no place to the first title of a chain that names one; and only a place
        of the title's own level (:func:`~govkg.extract.titles.place_from_chain`: 甲省省长张三、
        市长李四 gives the 市长 nothing).
        """
        t = self.text
        at = self._listed_title_start(start, _LEADERS_JOINS | _CLAUSE_LIST_MARKS, title_starts)
        if at is None:
            return None
        while t[start - 1] in _LEADERS_JOINS:
            before = parse_title(t[at[0] : at[1]])
            if before.place or before.national or before.elsewhere:
                return place_from_chain(before, office)
            # 甲县人大常委会副主任张三、县人民检察院检察长李四、县人民法院院长王五; 甲市常务副市长
            # 张三、组织部部长李四、副市长王五: the items between, naming no place, are of the
            # place the list names first
            start, at = at[0], self._listed_title_start(at[0], _LEADERS_JOINS, title_starts)
            if at is None:
                return None
        # across commas, only in a list of leaders that leads a delegation (甲省委书记张三，
        # 省长李四等率团…): 甲市委书记张三，市长李四出席 may name the host's mayor
        verb = _LIST_PREDICATE.search(t, start, _sentence_end(t, start))
        if not verb or not verb.group(1):
            return None
        # back over the holders whose chains name no place, to the first title of a chain
        # (甲省委书记、省人大常委会主任张三) that names one; not a later title of a chain
        # (市委常委、某县委书记张三，市委常委、统战部长李四: 李四 is no county's)
        for _ in range(8):
            k = at[0]
            while t[k - 1 : k] in _CHAIN_JOINS and k - 1 in title_starts:
                k = title_starts[k - 1]  # the start of that holder's chain
            first = parse_title(t[k : min(e for e, s in title_starts.items() if s == k)])
            if first.place or first.national:
                if k > 0 and t[k - 1] not in _CLAUSE_OPENERS:
                    return None  # 会见了甲市委书记张三，市长李四参加: the list is no clause's subject
                return place_from_chain(first, office)
            at = self._listed_title_start(k, _LEADERS_JOINS | _CLAUSE_LIST_MARKS, title_starts)
            if at is None:
                return None
        return None

    def _shared(self, start: int, end: int, title_starts: Mapping[int, int]) -> str | None:
        """The title at ``[start, end)`` with the body of the list's title before it, if any.

        Only right after the title and name of the one before, one mark between
        (区人大常委会主任甲，副主任乙; 某报社社长甲、副社长乙): a list of holders of one
        body, named once; ``titles.shared_title`` says which titles share it.
        """
        at = self._listed_title_start(start, _HOLDERS_MARKS, title_starts)
        return shared_title(self.text[at[0] : at[1]], self.text[start:end]) if at else None

    def _listed_title_start(
        self, start: int, marks: frozenset[str], title_starts: Mapping[int, int]
    ) -> tuple[int, int] | None:
        """Where the title of the name listed right before ``start`` starts and ends, one of
        ``marks`` between them (甲市委书记张三、市长…: 甲市委书记), for :meth:`_listed_place`
        and :meth:`_shared`."""
        t = self.text
        mark = start - 1
        if mark < 1 or t[mark] not in marks:
            return None
        for name in self.found:
            at = mark - len(name)
            if at in title_starts and t.endswith(name, 0, mark):
                return title_starts[at], at
        return None


def _chain_titles(t: str, start: int, end: int) -> list[tuple[int, int]]:
    """The titles of the chain at ``t[start:end]``, each item between 、 a title (split_chain
    splits it further), or none at all if any item is no title."""
    parts = []
    for chunk in re.finditer(r"[^、]+", t[start:end]):
        a, b = start + chunk.start(), start + chunk.end()
        if not is_title(t[a:b]):
            return []
        parts += split_chain(t, a, b)
    return parts


# What joins the names of one place's leaders listed with their titles (甲市市委书记张三、市长李四).
_LEADERS_JOINS = frozenset("、和")
# What the holders of a list of leaders do, the first said after them: lead a delegation
# (率团, 带队, 一行; group 1), or anything else.
_LIST_PREDICATE = re.compile(
    r"(率|带队|带领|一行)|出席|参加|陪同|会见|会谈|主持|在座|列席|考察|调研|讲话|致辞|指出|强调|表示"
)


_SENTENCE_END = re.compile(r"[。；;\n]")


def _sentence_end(text: str, i: int) -> int:
    """Where the sentence that ``i`` is in ends (its 。, ；, ; or line break), or the text's end."""
    found = _SENTENCE_END.search(text, i)
    return found.start() if found else len(text)


# A comma between the holders of a list of leaders (甲省委书记张三，省委副书记、省长李四，…)…
_CLAUSE_LIST_MARKS = frozenset("，,")
# …which names one place's leaders only where the list opens its clause (22日，甲省委书记…).
_CLAUSE_OPENERS = frozenset("，,。；;：:\n")
# What separates the holders of a list of one body's offices (主任甲，副主任乙; 社长甲、副社长乙).
_HOLDERS_MARKS = frozenset("、，,；;")


# Characters that end some given names (周胜会, 李国会) though they begin words that follow a
# name (会议, 会见): names.NOT_GIVEN keeps them out of names read anywhere else.
_ODD_LAST = frozenset("会")
# A list item between two 、 (list_item): two to four characters.
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,4}(?=、)")


def _unsurnamed(word: str) -> bool:
    """Whether a list item is four characters and no Chinese name (尼玛卓玛, not 欧阳清新)."""
    return len(word) == 4 and not is_chinese_name(word)


# The last characters of an organ's name, before which a surname and a post call someone (县委办刘主任).
_ORGAN_ENDS = frozenset("委办处局部会")
# What joins two titles of one chain (市委副书记、市长; 县委常委 副县长).
_CHAIN_JOINS = frozenset(("、", " ", "　"))
# …and what joins one holder's titles where the second may take the first's organ (甲兼秘书长).
_ORGAN_JOINS = _CHAIN_JOINS | {"兼"}
_LIST_JOINS = frozenset("、和与及")  # between the names of a list (村民甲、乙; 甲和乙夫妇)
_SENTENCE_ENDS = ("。", "！", "？")


def _place_of_level(name: str, head: str) -> bool:
    """Whether a name is a place that the level word opening ``head`` completes (徐汇 + 区长:
    the head of 徐汇区, not a person 徐汇; 吴江区长 alike; 徐汇 + 区委 after a name too).

    >>> _place_of_level("徐汇", "区长"), _place_of_level("徐汇", "副区长"), _place_of_level("王汇", "区长")
    (True, True, False)
    """
    level = head.removeprefix("常务").removeprefix("副")[:1]
    if not level or level not in LEVEL_WORDS:
        return False
    return any(place.name == name + level for place in gazetteer().get(name + level, ()))


def _not_a_name(word: str) -> bool:
    """Whether a list item that reads as a name is a common word or a place."""
    return is_common_word(word) or word in gazetteer()


_WINDOW = 24  # characters the tagger reads around a place in doubt
# A quotation, and the last characters of a word for a person (第一人, 奋斗者) an epithet may end in.
_QUOTED = re.compile(r"“([^“”]{2,12})”")
_PERSON_ENDS = ("人", "者")
# The tagger's word classes (LAC's tags) that name no one: adjectives (a, ad, an), adverbs (d, vd),
# times, prepositions, conjunctions, pronouns, numerals, measure words, locality words, particles.
_NO_NAME_CLASSES = frozenset(("a", "ad", "an", "d", "vd", "TIME", "p", "c", "r", "m", "q", "f", "u"))


def _windows(places: list[int], length: int) -> list[tuple[int, int]]:
    """Windows of ``_WINDOW`` characters centred on ``places`` (one window for a
    shorter text), skipping a place already well inside the window before."""
    if not places:
        return []
    if length <= _WINDOW:
        return [(0, length)]
    out: list[tuple[int, int]] = []
    margin = _WINDOW // 4
    for place in sorted(set(places)):
        if out and out[-1][0] + margin <= place < out[-1][1] - margin:
            continue
        start = max(0, min(place - _WINDOW // 2, length - _WINDOW))
        out.append((start, start + _WINDOW))
    return out


def _reach(text: str, i: int) -> int:
    """Where the longest word that may follow a name, starting at ``i``, ends (``i`` if none)."""
    return i + next((len(w) for w in context_words("after") if text.startswith(w, i)), 0)


def _held_together(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The posts of one item of a career, split at 兼 when each side is a title (某局副局长、巡视员兼
    某处处长: 巡视员 and 某处处长); else the item whole (某大学兼职教授).

    >>> t = "巡视员兼某处处长"
    >>> [t[a:b] for a, b in _held_together(t, 0, len(t))]
    ['巡视员', '某处处长']
    """
    cut = text.find("兼", start, end)
    if cut > start and is_title(text[start:cut]) and is_title(text[cut + 1 : end]):
        return [(start, cut), *_held_together(text, cut + 1, end)]
    return [(start, end)]


def _after_sex_note(text: str, i: int) -> int:
    """Where a notice goes on after a name at ``i``: past a note of the person's sex, if any.

    >>> t = "免去李丽（女）的某局副局长职务"
    >>> t[_after_sex_note(t, 4) :], t[_after_sex_note(t, 2) :][:2]
    ('的某局副局长职务', '李丽')
    """
    note = _SEX_NOTE.match(text, i)
    return note.end() if note else i


@cache
def _visited_abbreviations() -> frozenset[str]:
    """The one-character names of provinces and of China a visit comes to (来湘, 来华)."""
    return frozenset(province_abbreviations()) | {"华"}


# Verbs that open with 会, after a title written after its holder's name (甲董事长会见乙,
# 甲书记会同乙): the title ends there, and is no 常委会's head.
_MEETS_AFTER_HEAD = ("会见", "会晤", "会谈", "会同")


def _coming_to(word: str) -> bool:
    """Whether a word read as a name is 来 and the abbreviation of the province or country come
    to (来京, 来沪, 来华), or a place's name of the gazetteer, full or short (邀请客商来通江考察):
    a visit, though 来 is a surname too.

    >>> _coming_to("来京"), _coming_to("来华"), _coming_to("来通江"), _coming_to("来小明")
    (True, True, True, False)
    """
    return word[:1] == "来" and (
        (len(word) == 2 and word[1] in _visited_abbreviations())
        or (len(word) > 2 and word[1:] in gazetteer())
    )


def _before_votes(text: str, i: int, name: str) -> str:
    """The name at ``i`` without the 以 of the votes it is elected by, read as its last character
    (郭薪以90票当选: 郭薪, not 郭薪以)."""
    if len(name) > 2 and name[-1] == "以" and _BY_VOTES.match(text, i + len(name) - 1):
        return name[:-1]
    return name


def _notice_title(chunk: str) -> bool:
    """A title in a notice; not the next appointment (、查中才同志为…), nor a description of the
    person (…，成为当时全国最年轻的市长: 的 joins no post's name)."""
    return is_title(chunk) and "同志" not in chunk and "为" not in chunk and "的" not in chunk


class _At:
    """A match of a plain string: its span, as a regex match would give."""

    __slots__ = ("e", "s")

    def __init__(self, s: int, e: int) -> None:
        self.s, self.e = s, e

    def span(self) -> tuple[int, int]:
        return self.s, self.e

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


def _occurrences(text: str, word: str) -> Iterator[_At]:
    """Every occurrence of ``word`` in ``text``, left to right, not overlapping."""
    i = text.find(word)
    while i != -1:
        yield _At(i, i + len(word))
        i = text.find(word, i + len(word))


def _name_start(text: str, end: int) -> int:
    """Where a name after a title ending at ``end`` starts: past one space (县委书记 张建国)."""
    return end + 1 if text[end : end + 1] == " " else end


def _country_ends_in(text: str, end: int) -> bool:
    """Whether a country's name (China's too) ends at ``end`` and starts before ``end - 1``:
    a name read from ``end - 1`` would start inside it (朝鲜劳动党总书记 has no 鲜劳动党,
    当选中国国家主席 no 国国家)."""
    return any(len(c) > 1 and text.startswith(c, end - len(c)) for c in (NATIONAL, *countries()))


# Verbs of sending or saying that may follow a foreign office holder's bare title (某国总统致以问候,
# 致电祝贺, 致贺电, 发来贺电, 表示感谢): a foreign name never starts with one.
_SENDS = ("致", "发来", "发表", "发出", "表示", "祝贺", "感谢", "欢迎", "回信", "复信", "来信", "来电")


def _foreign_like(word: str) -> bool:
    """Whether a word may be a foreign name as Chinese writes it (科恰诺娃)."""
    # 团, 处: a title's head goes on into a group or an office (代表团, 代表处), no name after it
    if word.startswith(context_words("notname")) or word[0] in "的和与同在了是为对向及等团处":
        return False
    if word.startswith(_SENDS):
        return False  # 某国总统致以祝贺, 致电, 发来贺电: what the office holder sends, no name
    if any(c in "国省市县区委会党中央部局院" or c in NOT_GIVEN for c in word) or country_in(word):
        return False
    if any(w in word for w in context_words("notpart")):
        return False
    return not any(w in word for w in context_words("after") if len(w) > 1)


def _occurrences_before(text: str, name: str, lo: int, hi: int) -> Iterator[int]:
    """Where ``name`` is written in ``text[lo:hi]``."""
    k = text.find(name, lo, hi)
    while k >= 0:
        yield k
        k = text.find(name, k + 1, hi)


def _divisions(text: str) -> list[str]:
    """The divisions a text names, canonical, in the order written."""
    return [key for _, _, full in find_places(text) if (key := place_key(full)) and level_word(key)]


def _person_place(resolved, home: str | None) -> str:
    """Where a person's office is: 中国 for a central office, else the first
    place a title tells, else the release's place, else "?"."""
    if any(r.national for r in resolved):
        return "中国"
    for r in resolved:
        if r.explicit:
            return r.jurisdiction or "?"
    return home or "?"


def find_persons(
    release: Release, sentences: tuple[Sentence, ...], tagger: bool = True, places: PlacesNamed | None = None
) -> Iterator[Person]:
    """The persons a release names, each once, with every title it gives them.

    ``places`` holds the places the release's text (as read: :func:`~govkg.extract.chars.view`)
    names, found once for the release (:class:`~govkg.extract.places.PlacesNamed`).

    With ``tagger`` (the default), the sentences the rules leave in doubt are
    also read by the statistical tagger (:mod:`govkg.extract.lac`), whose
    names the rules' own checks accept or reject.

    >>> from govkg.extract.sentences import split_sentences
    >>> r = Release(id="x", place="巴中市", text="市委副书记、市长何平出席。何平指出，要抓落实。")
    >>> [(p.name, [h.title for h in p.holdings], p.jurisdiction, len(p.mentions))
    ...  for p in find_persons(r, tuple(split_sentences(r.text)))]
    [('何平', ['市委副书记', '市长'], '巴中市', 2)]
    """
    finder = _Finder(release, sentences, tagger=tagger)
    finder.titled_names()
    finder.names_before_titles()
    finder.notices()
    finder.name_lists()
    finder.epithet_lists()
    finder.comrades()
    finder.group_lists()
    finder.clause_names()
    finder.bios()
    if tagger:
        finder.tagged_names()
    finder.comma_lists()
    finder.careers()
    finder.pronoun_notices()
    finder.pronoun_posts()
    finder.posts_taken()
    finder.posts_left()
    finder.posts_of()
    # names found later may sit after titles whose next word is no cue (陈景军领学)
    finder.titled_names(finder.unnamed)
    return iter(with_headline_titles(release, tuple(finder.persons(places))))


def _next_to(text: str, holding: Holding, person: Person) -> bool:
    """Whether a title stands next to one of its holder's mentions: nothing between them but
    the holder's other titles, list marks, spaces, or (after the name) a word of appointment.
    A title a list shares (县长甲乙、丙丁: 丙丁's 县长) is not next to its holder.

    >>> text = "县长甲乙、丙丁检查工作"
    >>> first = Person("甲乙", "甲乙", mentions=(Span(2, 4),))
    >>> second = Person("丙丁", "丙丁", mentions=(Span(5, 7),))
    >>> title = Holding("县长", Span(0, 2), Span(0, 11))
    >>> _next_to(text, title, first), _next_to(text, title, second)
    (True, False)
    """
    covered = set()
    for other in person.holdings:
        covered.update(range(other.span.start, other.span.end))

    def bare(a: int, b: int) -> str:
        return "".join(c for i, c in enumerate(text[a:b], a) if i not in covered and c not in "、 　")

    for mention in person.mentions:
        if holding.span.end <= mention.start and not bare(holding.span.end, mention.start):
            return True
        if mention.end <= holding.span.start:
            between = bare(mention.end, holding.span.start)
            if not between or between in context_words("appointed"):
                return True
    return False


def with_headline_titles(release: Release, persons: tuple[Person, ...]) -> tuple[Person, ...]:
    """The persons with the titles the headline gives them too.

    The headline is read by the title rules (a chain before a name) and by a
    title after a word of appointment (盛阅春任武汉代理市长). A title is kept only
    for a person the body names by the same name (a headline often shortens
    names; another person's title is never given), and only when the body does
    not give the same title; its span and evidence are offsets into the
    headline (``Holding.in_headline``).

    >>> r = Release(id="x", title="张小明任某某县代县长", text="张小明作表态发言。")
    >>> p = Person(name="张小明", key="张小明", mentions=(Span(0, 3),))
    >>> (holding,) = with_headline_titles(r, (p,))[0].holdings
    >>> holding.title, holding.in_headline, r.title[holding.span.start : holding.span.end]
    ('某某县代县长', True, '某某县代县长')
    """
    if not release.title or not persons:
        return persons
    body = {simplified(person.name): person for person in persons}
    named = simplified(release.title)
    if not any(name in named for name in body):  # no one the body names: nothing to read
        return persons
    headline = Release(id=release.id, text=release.title, place=release.place)
    finder = _Finder(headline, tuple(split_sentences(release.title)))
    finder.titled_names()
    finder.names_before_titles()
    finder.appointments(frozenset(body))
    added: dict[str, tuple[Holding, ...]] = {}
    for found in finder.persons(None):
        person = body.get(simplified(found.name))
        if person is None:
            continue
        stated = {simplified(h.title) for h in person.holdings}
        new = tuple(
            replace(h, in_headline=True)
            for h in found.holdings
            if simplified(h.title) not in stated and _next_to(release.title, h, found)
        )
        if new:
            added[person.key] = new
    if not added:
        return persons
    return tuple(replace(p, holdings=p.holdings + added[p.key]) if p.key in added else p for p in persons)
