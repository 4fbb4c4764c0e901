"""People, found next to the titles of their posts: 科技部部长王志刚, 潘云鹤院士.

Owns: person mentions. A name is a family name (``surnames.tsv``) and one or two more characters
ending on a jieba token boundary; a foreign name is a run of transliteration characters, with 一
read as the hyphen it stands for (霍夫迈斯特一克劳特 -> 霍夫迈斯特-克劳特). Unnamed officials
(主要负责人) are not people. Posts themselves are facts, extracted in :mod:`kg.extractors.posts`.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from kg.extractors.base import Gazetteer, Passage, SentenceView, register
from kg.extractors.gazetteers import foreign_names
from kg.extractors.names import common_words, is_predicate, stop_words
from kg.resources import surnames, table
from kg.segment import word_frequency
from kg.types import Label, Mention

# characters no given name is made of, and family names that are mostly function words
_NOT_IN_GIVEN_NAMES = set("的了们这那和与及或在是为于把被从向对等之所以而且也都就还")
_FUNCTION_SURNAMES = set("和关于宣向同及与从对把将都")
COMMON_WORD = 1000  # jieba frequency above which a two- or three-character word is not a name
# characters that end a Chinese name when they follow it: 王志刚为…, 胡广杰在…
_AFTER_NAME = set("为在表说指介称等和与出主致一同率会到对向还也就是将及作、，。；：（）")


# what an analyst covers, written between the firm and the title: 电力设备行业|首席分析师,
# 金融业|首席分析师, 宏观|分析师
COVERAGE = re.compile(r"[\u4e00-\u9fff]{1,6}行业|[\u4e00-\u9fff]{1,4}业|宏观|策略|固收|固定收益|"
                      r"金融工程|量化")


@functools.cache
def transliteration_chars() -> frozenset[str]:
    """Characters of transliterated foreign names (transliteration.tsv)."""
    return frozenset("".join(r["chars"] for r in table("transliteration.tsv")))


@functools.cache
def titles() -> tuple[Gazetteer, Gazetteer]:
    """(titles written before a name, titles written after one)."""
    rows = table("posts.tsv")
    return (Gazetteer((r["title"], r["level"]) for r in rows if r["position"] == "before"),
            Gazetteer((r["title"], r["level"]) for r in rows if r["position"] == "after"))


@functools.cache
def implied_bodies() -> dict[tuple[str, str], str]:
    """The body a national title stands for when none is written, by (title, position):
    (国家主席, before) -> place:100000, (总书记, after) -> org:中国共产党中央委员会."""
    return {(r["title"], r["position"]): r["body"] for r in table("posts.tsv") if r["body"]}


def _cjk(s: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in s)


def _tokens_at(sv: SentenceView, i: int) -> list[str]:
    """The jieba tokens that start at ``i`` in the clean view."""
    pos, out = 0, []
    for t in sv.tokens:
        if pos == i:
            out.append(t)
        pos += len(t)
    return out


def chinese_name_after(sv: SentenceView, i: int) -> int:
    """End of a Chinese personal name starting at ``i`` in the clean view, or ``i``."""
    text = sv.text
    sn = surnames()
    for L in (3, 2):
        cand = text[i:i + L]
        if len(cand) < L or not _cjk(cand):
            continue
        if cand[0] not in sn and cand[:2] not in sn:
            continue
        nxt = text[i + L] if i + L < len(text) else "。"
        # 王明|和李华; 包信和表示 is one name: nothing follows its 和 to be joined
        ends_in_he = L == 3 and cand[2] == "和" and bool(_SPEECH.match(text, i + 3)
                                                         or nxt in "，。；：、（")
        if L == 3 and cand[2] in _AFTER_NAME and not ends_in_he:
            continue
        if L == 3 and (said := _SPEECH.match(text, i + 2)) and said.end() - said.start() >= 2:
            continue  # 李华认为: the name ends where a verb of speech begins
        if word_frequency(cand) >= COMMON_WORD or (L == 2 and is_predicate(cand)):
            continue  # 关于, 负责: a common word, not a name; 教授|来访: a verb
        if set(cand[1:2 if ends_in_he else None]) & _NOT_IN_GIVEN_NAMES \
                or _function_word_inside(cand):
            continue  # 和其他, 宣布的: a clause, not a name (薛其坤 is one)
        if cand[0] in _FUNCTION_SURNAMES and not (i in sv.bounds and i + L in sv.bounds
                                                  and any(len(t) == L for t in _tokens_at(sv, i))):
            continue  # 和, 关, 于 are family names but mostly words: trust jieba's segmentation
        if (i + L) in sv.bounds:
            return i + L
        if nxt in _AFTER_NAME and cand[:2] not in common_words() and not is_predicate(cand[:2]):
            return i + L  # the name ends inside a token only where no verb begins it (连续|发表)
    return i


def _function_word_inside(cand: str) -> bool:
    """Whether a function word of two characters follows the family name: 和其他, 关于."""
    return len(cand) >= 3 and cand[1:3] in stop_words()


def foreign_name_after(sv: SentenceView, i: int) -> int:
    """End of a transliterated foreign name starting at ``i`` (three characters at least), or ``i``."""
    chars = transliteration_chars()
    j = i
    while j < len(sv.text) and (sv.text[j] in chars or (sv.text[j] in "一-·" and j > i)):
        j += 1
    while j > i and sv.text[j - 1] in "一-·":
        j -= 1
    return j if j - i >= 3 else i


def _after_foreign_place(sv: SentenceView, a: int) -> bool:
    """Whether another country's name is written right before a title at ``a`` (美国|总统)."""
    names = foreign_names()
    return any(sv.text[max(0, a - n):a] in names for n in (2, 3, 4, 5))


def _short_foreign_name(sv: SentenceView, i: int) -> int:
    """End of a two-character transliterated name at ``i`` (拜登, 普京), or ``i``."""
    chars = transliteration_chars()
    j = i + 2
    if j <= len(sv.text) and all(ch in chars for ch in sv.text[i:j]) and j in sv.bounds:
        return j
    return i


def canonical_person(name: str) -> str:
    """霍夫迈斯特一克劳特 -> 霍夫迈斯特-克劳特: 一 between transliterated parts is a hyphen."""
    chars = transliteration_chars()
    return re.sub(r"(?<=[\u4e00-\u9fff])一(?=[\u4e00-\u9fff])",
                  lambda m: "-" if name[m.start() - 1] in chars and name[m.start() + 1] in chars
                  else m.group(), name) if len(name) > 4 else name


def name_after_title(sv: SentenceView, end: int) -> int:
    """End of the name written right after a title ending at ``end``, or ``end``."""
    foreign = foreign_name_after(sv, end)
    if foreign > end and foreign < len(sv.text) and foreign not in sv.bounds:
        foreign = end  # 尼赫鲁总理|连续发|表: a name ends where a word does
    if foreign - end >= 4:  # longer than any Chinese given name: 平克瓦特
        return foreign
    e = chinese_name_after(sv, end)
    return e if e > end else foreign


@register("pattern.person", labels={Label.PERSON})
def make_person_extractor(name: str):
    """People by their titles.

    科技部部长王志刚为科技政策…划重点 -> 王志刚 (Person); 副主任孙优贤院士 -> 孙优贤;
    经济部长霍夫迈斯特一克劳特 -> 霍夫迈斯特一克劳特 (canonical 霍夫迈斯特-克劳特).
    """
    before, after = titles()
    sn = surnames()

    def extract(passage: Passage) -> Iterator[Mention]:
        for sv in passage.sentences:
            before_titles = list(before.find(sv.text))
            for a, b, _lvl in before_titles:
                if a not in sv.bounds and b not in sv.bounds:
                    continue  # 办事处|长丰村: 处长 across two words is no title (协会会长 is)
                if sv.text.startswith(("：", ":"), b) and b + 1 in sv.bounds:
                    b += 1  # 联系人：张伟, 记者：钟欣
                e = name_after_title(sv, b)
                if e == b and _after_foreign_place(sv, a):
                    e = _short_foreign_name(sv, b)  # 美国总统拜登: two characters suffice
                if e > b:
                    surface = sv.text[b:e]
                    yield sv.mention(b, e, Label.PERSON, name,
                                     canonical=canonical_person(surface), doc=passage.doc)
                    for i, j in _listed_after(sv, e):  # 副部长张兴旺、麻吉亚
                        yield sv.mention(i, j, Label.PERSON, name, canonical=sv.text[i:j],
                                         doc=passage.doc)
            line = member_line(sv.sentence.text)
            if line:
                a, b = (sv.sentence.start + line.start("name"), sv.sentence.start + line.end("name"))
                i, j = sv.view.offsets.index(a), sv.view.offsets.index(b - 1) + 1
                yield sv.mention(i, j, Label.PERSON, name, canonical=sv.text[i:j],
                                 doc=passage.doc)
            for i, e in _speakers(sv):
                yield sv.mention(i, e, Label.PERSON, name, canonical=sv.text[i:e],
                                 doc=passage.doc)
            inside_before = {i for ta, tb, _l in before_titles for i in range(ta + 1, tb)}
            for a, b, _lvl in after.find(sv.text):
                if (a not in sv.bounds and b not in sv.bounds) or a in inside_before:
                    continue  # 高级研究员焦善伟: a title before a name, not after one
                foreign = _dotted_foreign_name_before(sv, a)
                if foreign is not None:  # 授予约翰·保罗·史密斯教授
                    yield sv.mention(foreign, a, Label.PERSON, name,
                                     canonical=canonical_person(sv.text[foreign:a]),
                                     doc=passage.doc)
                    continue
                for L in (3, 2):
                    s = a - L
                    cand = sv.text[s:a] if s >= 0 else ""
                    if cand and _cjk(cand) and (cand[0] in sn or cand[:2] in sn) and s in sv.bounds \
                            and _could_be_name(cand, famous=True) \
                            and not _counted_or_common(sv.text, s, cand):
                        yield sv.mention(s, a, Label.PERSON, name, canonical=cand,
                                         doc=passage.doc)
                        break
            for i, e in _team_leaders(sv):
                yield sv.mention(i, e, Label.PERSON, name, canonical=sv.text[i:e],
                                 doc=passage.doc)
    return extract


_LIST_MAX = 6  # names listed after one title


def _listed_after(sv: SentenceView, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the Chinese names listed with 、 right after a titled name ending at
    ``end`` (副部长张兴旺、麻吉亚), each a whole name: ended by 、, a clause's end or a title, and
    no title itself (部长王某、副部长李某: the second has its own)."""
    text = sv.text
    before = titles()[0]
    for _ in range(_LIST_MAX):
        i = end + 1
        if not text.startswith("、", end) or any(a == 0 for a, _b, _l in before.find(text[i:i + 6])):
            return
        j = chinese_name_after(sv, i)
        if j == i or (j < len(text) and text[j] not in "、，。；：" and not any(
                a == 0 for a, _b, _l in before.find(text[j:j + 6]))):
            return
        yield i, j
        end = j


# a research team or group is named after who leads it: 该校潘建伟团队, 某某课题组, and after
# several: 潘建伟、陆朝阳等组成的研究团队
_TEAM = re.compile(r"(?:等(?:人)?(?:组成的|领衔的|带领的|牵头的)?(?:研究|科研|联合|创新)?)?"
                   r"(?:团队|课题组|研究组)")
_TEAM_LEADERS_MAX = 4


def _team_leaders(sv: SentenceView) -> Iterator[tuple[int, int]]:
    """(start, end) of the Chinese names written right before 团队 or 课题组, or listed with 、
    before 等…团队; with no title to vouch for it, a name must be unknown to the dictionary
    (管理团队, 高校团队 are none)."""
    text = sv.text
    for m in _TEAM.finditer(text):
        a = m.start()
        listed = text.startswith("等", a)
        for _ in range(_TEAM_LEADERS_MAX if listed else 1):
            s = _leader_before(sv, a)
            if s is None:
                break
            yield s, a
            if s < 1 or text[s - 1] != "、":
                break
            a = s - 1


def _leader_before(sv: SentenceView, a: int) -> int | None:
    """Where a leader's name ending at ``a`` starts, if one does."""
    text, sn = sv.text, surnames()
    if a not in sv.bounds:
        return None
    for L in (3, 2):
        s = a - L
        cand = text[s:a] if s >= 0 else ""
        if cand and _cjk(cand) and (cand[0] in sn or cand[:2] in sn) and s in sv.bounds \
                and word_frequency(cand) == 0 and _could_be_name(cand) \
                and not _counted_or_common(text, s, cand):
            return s
    return None


# a person who speaks, at the start of a clause: 钱卫东分析说, 据何志强介绍, 冯建国：…
_SPEECH = re.compile(r"(?:也|还|则|就|更|进一步|同时|曾|在会上|在发言中|对记者)?"
                     r"(?:表示|说|指出|认为|介绍|透露|强调|称|坦言|告诉|分析|解释|提到|建议|呼吁|坦承)")
_CLAUSE_OPENERS = set("，。；：“”‘’（）、!！?？")


def _speakers(sv: SentenceView) -> Iterator[tuple[int, int]]:
    """(start, end) of Chinese names that open a clause and are followed by a verb of saying,
    or open a sentence and are followed by a colon (an interview's speaker)."""
    text = sv.text
    # where a name would have to start: two to four characters before a verb of saying, or
    # at the start of the sentence before a colon (cheap tests before any segmentation)
    candidates = {m.start() - n for m in _SPEECH.finditer(text) for n in (2, 3, 4)}
    if "：" in text[2:5]:
        candidates.add(0)
    sn = surnames()
    for i in sorted(c for c in candidates if c >= 0):
        if (i > 0 and text[i - 1] not in _CLAUSE_OPENERS and not text.startswith("据", i - 1)) \
                or (text[i] not in sn and text[i:i + 2] not in sn) or i not in sv.bounds:
            continue
        e = chinese_name_after(sv, i)
        if e == i or e not in sv.bounds:
            continue
        # with no title to vouch for it, a name must be unknown to the dictionary: 万科称 and
        # 原煤：… are words of it, 钱卫东 and 冯建国 are not
        if word_frequency(text[i:e]) == 0 and _could_be_name(text[i:e]) \
                and (_SPEECH.match(text, e) or (i == 0 and text.startswith("：", e))):
            yield i, e


def _could_be_name(cand: str, famous: bool = False) -> bool:
    """Whether a surname and what follows can be a name: 原作品 is a family name before a
    common word, 焦善伟 a name. Unless ``famous`` (江泽民同志), a frequent word is none."""
    if (not famous and word_frequency(cand) >= COMMON_WORD) \
            or set(cand[1:]) & _NOT_IN_GIVEN_NAMES or _function_word_inside(cand):
        return False
    given = cand[2:] if cand[:2] in surnames() else cand[1:]
    return given not in common_words()


def _dotted_foreign_name_before(sv: SentenceView, end: int) -> int | None:
    """Where a transliterated name with its parts joined by · that ends at ``end`` begins
    (约翰·保罗·史密斯, 玛丽·居里), or None. Each part is a run of transliteration characters or a
    word of one to three characters (授予|简·…)."""
    text, chars = sv.text, transliteration_chars()
    pos, start, parts = end, end, 0
    while True:
        j = pos
        while j > 0 and text[j - 1] in chars and pos - j < _PART_MAX:
            j -= 1
        if j == pos or (j - 1 >= 0 and _cjk(text[j - 1]) and text[j - 1] != "·"
                        and j not in sv.bounds):
            k = next((pos - n for n in (1, 2, 3) if pos - n in sv.bounds), -1)  # its word
            if k < 0 or not _cjk(text[k:pos]):
                break
            j = k
        parts, start = parts + 1, j
        if j > 0 and text[j - 1] == "·":
            pos = j - 1
            continue
        break
    return start if parts >= 2 else None


_PART_MAX = 6  # characters of one part of a transliterated name


def _counted_or_common(text: str, start: int, cand: str) -> bool:
    """Whether the words before an honorific count or qualify people rather than name one:
    诸多|院士, 众多|专家 (an adverb or adjective), 74|位新|院士 (after a number)."""
    return is_predicate(cand) or (start > 0 and text[start - 1] in _NUMERALS)


_NUMERALS = set("0123456789０１２３４５６７８９一二三四五六七八九十百千万两几多")


# a line of a member list: "副召集人：陈宝生　　教育部部长", "孙　尧　　教育部副部长"
MEMBER_LINE = re.compile(r"^(?:[^：:\n]{1,8}[：:]\s*)?(?P<name>[\u4e00-\u9fff](?:[\u3000 ]?[\u4e00-\u9fff]){1,3})"
                         r"[\u3000 ]{2,}(?P<rest>[^\s]{3,30})$")


def member_line(text: str) -> re.Match[str] | None:
    """The parts of a member-list line (name, then organisation and title), if it is one."""
    m = MEMBER_LINE.match(text)
    if m and (m.group("name")[0] in surnames() or m.group("name")[:2] in surnames()):
        return m
    return None
