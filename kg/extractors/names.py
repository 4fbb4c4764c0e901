"""Finding where a name begins: the left edge of 常州凯达重工科技有限公司 before its suffix.

Owns: walking jieba tokens leftwards from a name's ending until a word that cannot be part of a
name (a verb such as 实施, a function word such as 由, punctuation). Shared by the organisation,
programme and event extractors. The stop words are data: ``resources/gazetteers/name_stops.tsv``.
"""
from __future__ import annotations

import functools
import re

from kg.extractors.base import SentenceView
from kg.resources import table
from kg.segment import name_words, word_frequency

# characters a name may contain besides CJK letters and digits
_NAME_PUNCT = set("“”‘’\"'·-—（）()+")
_GLUED_FUNCTION_CHARS = set("将由在对与把被从向于为是及或等的了")
_CJK_OR_WORD = re.compile(r"^[\w\u4e00-\u9fff]+$")


@functools.cache
def stop_words() -> frozenset[str]:
    """Words a name never contains: name_stops.tsv and the pronouns, prepositions, particles and
    conjunctions of function_words.tsv."""
    return frozenset(r["word"] for f in ("name_stops.tsv", "function_words.tsv") for r in table(f))


@functools.cache
def name_verbs() -> frozenset[str]:
    """Verbs that may end a programme name right before its ending (name_verbs.tsv)."""
    return frozenset(r["word"] for r in table("name_verbs.tsv"))


@functools.cache
def generic_words() -> frozenset[str]:
    """Words that do not make a name specific (generic_words.tsv)."""
    return frozenset(r["word"] for r in table("generic_words.tsv"))


@functools.cache
def common_words() -> frozenset[str]:
    """Frequent common words of jieba's dictionary (common_words.tsv)."""
    return frozenset(r["word"] for r in table("common_words.tsv"))


@functools.cache
def predicates() -> frozenset[str]:
    """Verbs and adverbs of jieba's dictionary (predicates.tsv)."""
    return frozenset(r["word"] for r in table("predicates.tsv"))


def tokens_within(sv: SentenceView, start: int, end: int) -> list[tuple[int, int, str]]:
    """The jieba tokens of a sentence that lie wholly between ``start`` and ``end``."""
    return [(s, e, t) for s, e, t in token_spans(sv) if start <= s and e <= end]


# adverbs of one character, which jieba's word lists leave out (a place's 省, 市 are tokens too)
_ADVERB_CHARS = frozenset("新共已再又还均先正将都也曾刚")


def after_leading_predicates(sv: SentenceView, start: int, core_start: int) -> int:
    """Where a company's name starts once the verbs and adverbs before it are left out:
    严厉|查处|长春长生公司 -> 长春长生公司, 例如|鞍山钢铁公司 -> 鞍山钢铁公司; at least one word
    stays before the ending."""
    spans = tokens_within(sv, start, core_start)
    # the words that may go: all but the last, unless the name's first word runs on into its
    # ending (新引进|华为技术有限公司, one token for jieba, is not among them)
    last = len(spans) - 1 if spans and spans[-1][1] == core_start else len(spans)
    k = 0
    while k < last and (is_predicate(spans[k][2]) or (
            # a one-character adverb glued to the verb after it: 新|引进, 共|签约, 已|入驻
            spans[k][2] in _ADVERB_CHARS and k + 1 < last and is_predicate(spans[k + 1][2]))):
        k += 1
    if not k:
        return start
    return spans[k][0] if k < len(spans) else spans[k - 1][1]


# how rarely a word is met in jieba's dictionary when it is a proper name's, not a trade's or a
# sector's (三一, 星邦, 松井; not 钢铁, 交通)
RARE_WORD = 10


_LIST_MAX = 40  # items of a list read back from its end


def list_items(sv: SentenceView, end: int, item_chars: re.Pattern[str], longest: int
               ) -> list[tuple[int, int]]:
    """The spans of the items of a list written with 、 that ends at ``end`` (right before its
    等), read back from there, each item two to ``longest`` characters of ``item_chars``; the
    first one without the verbs before it (引导支持|松井新材、晓光模具). Fewer than two: none.
    Read back item by item, so a list of any length costs its length once."""
    text, spans, pos = sv.text, [], end
    while len(spans) < _LIST_MAX:
        j = pos
        while j > 0 and pos - j < longest and item_chars.match(text, j - 1):
            j -= 1
        if pos - j < 2:
            break
        spans.append((j, pos))
        if j > 0 and text[j - 1] == "、":
            pos = j - 1
            continue
        break
    if len(spans) < 2:
        return []
    spans.reverse()
    first = spans[0]
    spans[0] = (after_leading_predicates(sv, first[0], first[1]), first[1])
    return spans


def only_predicates(sv: SentenceView, start: int, core_start: int) -> bool:
    """Whether the words before a name's ending are all verbs, adverbs or stop words: 特别是在|
    集团 names nothing."""
    spans = tokens_within(sv, start, core_start)
    return bool(spans) and all(is_predicate(t) for _s, _e, t in spans)


@functools.lru_cache(maxsize=4096)
def is_predicate(token: str) -> bool:
    """A verb, adverb or stop word, or a token jieba made of them (严厉查处, 特别是在); never a
    body's known name (上交所 is not 上交|所)."""
    if token in predicates() or token in stop_words():
        return True
    if token in name_words():
        return False
    return any((token[:i] in predicates() or token[:i] in stop_words()) and is_predicate(token[i:])
               for i in range(1, len(token)))


def is_generic(sv: SentenceView, start: int, core_start: int, *, common: bool = False) -> bool:
    """Whether the words before a name's ending are all generic (高水平研究型 + 大学), or with
    ``common`` also all frequent common words (外贸 + 公司)."""
    from kg.segment import tokens
    words = tokens(sv.text[start:core_start])
    # a number and its measure word count things (57|户), as 多家 does (360|公司 is a name)
    measure = [len(w) == 1 and w in _MEASURES for w in words]
    counted = [w.isdigit() and i + 1 < len(words) and measure[i + 1]
               or measure[i] and i > 0 and words[i - 1].isdigit() for i, w in enumerate(words)]
    return all(w in generic_words() or not w.strip() or is_quantity(w) or _is_attribute(w)
               or (common and _is_common(w)) or c for w, c in zip(words, counted))


def _is_attribute(word: str) -> bool:
    """An attributive word in 性 (行政性, 竞争性, 全国性): it says what kind a thing is."""
    return len(word) >= 3 and word.endswith("性")


def _is_common(word: str) -> bool:
    """A frequent common word, or two of them jieba joined (严肃|查处)."""
    cw = common_words()
    return word in cw or (len(word) == 4 and word[:2] in cw and word[2:] in cw)


# 一家, 两家, 另一家, 这个, 57户: a count of things, never part of a name (国家 and 专家 are words)
_MEASURES = "家个所位批项户类种"
_QUANTITY = re.compile(f"^[另这那该每各某]?[一二两三四五六七八九十百千几多数\\d]*[{_MEASURES}]$")


def is_quantity(word: str) -> bool:
    """Whether a word counts things: 多家, 另一家, 这个."""
    return len(word) >= 2 and bool(_QUANTITY.match(word))


# （三）, 一是, 1. : list markers are not part of a name
_ENUMERATION = re.compile(r"(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]是|\d{1,2}[.、．])")


# what a count in digits inside a name's words follows: a word (新开工|10项), not an ordinal's 第
# or a quotation's mark; counts in numerals are names' own (和平共处五项原则, 第一个五年计划)
_COUNTS_AFTER = re.compile(r"[\u4e00-\u9fff](?<!第)")
_LEADING_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几多数]+)[家个位批项张所户座类种支]")
# an amount of money: never part of a name
_AMOUNT = re.compile(r"\d+(?:\.\d+)?(?:万亿|亿|万|千)?(?:元|美元|港元|欧元|日元)")
_COUNT_BEFORE = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几多数]+)[家个位批项张所户座类种支]$")


def counted_before(text: str, start: int) -> bool:
    """Whether a count stands right before ``start`` (1500所|县医院, 5家|国有银行): what is
    counted is a kind of thing, not one named."""
    return bool(_COUNT_BEFORE.search(text, max(0, start - 10), start))


def strip_enumeration(text: str, start: int) -> int:
    """The offset past a list marker (（三）, 一是, 1.) at ``start``, if any."""
    m = _ENUMERATION.match(text, start)
    return m.end() if m else start


# a year written right before a name: 2025年|新能源汽车下乡活动, 2023年度|院士增选指南 (not a
# deadline: 到2025年|…)
_YEAR_BEFORE_NAME = re.compile(r"(?<![到至止～~—–\-\d])(?:19|20)\d{2}年度?$")


def with_leading_year(text: str, start: int) -> int:
    """Where a programme's or event's name starts once the year written right before it is
    taken in: a yearly campaign, list or meeting is named with its year (2025年新能源汽车下乡
    活动, 2022年民生实事项目清单), as the year opens a numbered title (2024年度…推荐目录)."""
    m = _YEAR_BEFORE_NAME.search(text, max(0, start - 7), start)
    return m.start() if m else start


@functools.cache
def _stop_prefixes() -> tuple[frozenset[str], tuple[int, ...]]:
    """Stop words of two or more characters, also cut when jieba glued them to a name, and
    their lengths, longest first."""
    words = frozenset(w for w in stop_words() if len(w) >= 2)
    return words, tuple(sorted({len(w) for w in words}, reverse=True))


def _glued_stop(sv: SentenceView, start: int, core_start: int) -> int:
    """Characters of a stop word glued at ``start`` (推进|智能制造), or of one character and a
    stop word that jieba made one token (需提交|联席会议); 0 when there is none."""
    words, lengths = _stop_prefixes()
    text = sv.text
    for n in lengths:
        if start + n <= core_start and text[start:start + n] in words:
            if text[start:start + n] in _ATTRIBUTIVE and start + n in sv.bounds \
                    and not any(s == start + n and is_predicate(t) for s, _e, t in token_spans(sv)):
                return 0  # 重点|行业…工程: it qualifies the noun after it
            return n
    if start in sv.bounds and start + 1 not in sv.bounds:
        for n in lengths:
            glued = start + 1 + n
            if glued <= core_start and glued in sv.bounds and text[start + 1:glued] in words:
                return 1 + n
    return 0


def token_spans(sv: SentenceView) -> list[tuple[int, int, str]]:
    """(start, end, token) of each jieba token of the clean view, computed once a sentence."""
    if sv._spans is None:
        out, pos = [], 0
        for t in sv.tokens:
            out.append((pos, pos + len(t), t))
            pos += len(t)
        sv._spans = out
    return sv._spans


@functools.cache
def _is_name_token(tok: str) -> bool:
    if tok in stop_words() or is_quantity(tok):
        return False
    if len(tok) <= 3 and tok.endswith("是"):
        return False  # the copula glued to a pronoun or adverb: 这是|“七五”计划, 也是|…
    if len(tok) == 4 and tok[:2] in stop_words() and tok[2:] in stop_words() \
            and word_frequency(tok) < RARE_WORD:
        # two stop words jieba made one rare word are an adverb and its verb, not a name's word:
        # 认真落实|国家中长期科学和技术发展规划纲要, 继续抓好|保障性安居工程 (扶贫开发 stays)
        return False
    if _CJK_OR_WORD.match(tok):
        return True
    return all(ch in _NAME_PUNCT for ch in tok)


_QUOTE_MARKS = frozenset("“”《》（）()")
# 联合 is an adverb before a verb (联合|印发) and a body's word between nouns (苏州联合交易中心;
# not 组成|联合委员会)
_JOINT = frozenset({"联合"})


# stop words that qualify a noun as well as a verb: 重点|行业 inside a name (重点行业绿色升级工程),
# 重点|推进 before one (主要 is mostly an adverb: 主要|投向…工程)
_ATTRIBUTIVE = frozenset({"重点"})


def name_start(sv: SentenceView, core_start: int, max_len: int = 24, min_start: int = 0,
               extra_stops: frozenset[str] = frozenset(),
               allowed: frozenset[str] = frozenset()) -> int:
    """Where the name that ends in a suffix at ``core_start`` begins, in the clean view."""
    spans = token_spans(sv)
    start = core_start
    for s, e, _t in spans:  # the suffix may start inside a token: 科学院 in 中国科学院
        if s < core_start < e:
            start = s
            break
    idx = next((i for i, (s, e, _t) in enumerate(spans) if e == start), None)
    opened = 0
    quoted_stop = False  # a word inside the quotation would have stopped the name outside it
    # a verb right before a separate ending belongs to the name: …“智改数转”推进工程
    adjacent = start == core_start
    while idx is not None and idx >= 0:
        s, e, tok = spans[idx]
        word_ok = _is_name_token(tok) or (adjacent and tok in name_verbs()) \
            or (tok in _ATTRIBUTIVE and idx + 1 < len(spans) and spans[idx + 1][0] < core_start
                and not is_predicate(spans[idx + 1][2])) \
            or (tok in _JOINT and 0 < idx < len(spans) - 1 and not is_predicate(spans[idx + 1][2])
                and not is_predicate(spans[idx - 1][2]))
        adjacent = False
        if s < min_start or core_start - s > max_len:
            break
        if opened > 0 and tok not in _QUOTE_MARKS:
            # inside a quotation the words are the name's: “学历证书+若干…证书”制度试点
            quoted_stop = quoted_stop or tok in extra_stops or (tok not in allowed and not word_ok)
            start = s
            idx -= 1
            continue
        if tok in extra_stops or (tok not in allowed and not word_ok):
            break
        if tok in ("“", "《", "（", "("):
            if opened <= 0:
                break  # an opening quote before the name: it starts after it
            opened -= 1
            if quoted_stop and opened == 0:
                start = s  # a quoted phrase opens the name (学习运用|“千村示范、万村整治”工程)
                break
        if tok in ("”", "》", "）", ")"):
            opened += 1
        start = s
        idx -= 1
    # a stop word glued to the name's first token: 推进智能制造 -> 智能制造, or one character
    # before it: 需提交联席会议 -> 联席会议
    text = sv.text
    while cut := _glued_stop(sv, start, core_start):
        start += cut
    start = strip_enumeration(text, start)
    # 5家国有银行, 新开工10项|国家重点建设工程: a count is not part of a name
    counts = [m for m in _LEADING_COUNT.finditer(text, start, core_start)
              if m.start() == start or (text[m.start()].isdigit()
                                        and _COUNTS_AFTER.match(text[m.start() - 1]))]
    if counts:
        start = counts[-1].end()
    amount = None
    for amount in _AMOUNT.finditer(text, start, core_start):
        pass
    if amount is not None:  # 拟投资50亿元|建设…项目: an amount is what is spent, not a name's
        start = amount.end()
    # an English word glued before a Chinese name: "by江苏中科…研究院"
    latin = re.match(r"[a-z]+(?=[\u4e00-\u9fff])", text[start:core_start])
    if latin:
        start += latin.end()
    # a function word jieba glued to the name's first character: 将市科技孵化中心
    while start < core_start - 2 and text[start] in _GLUED_FUNCTION_CHARS:
        start += 1
    while start < core_start and text[start] in "”’）)、，":
        start += 1
    dateline = _DATELINE_END.match(text, start)
    if dateline and dateline.end() < core_start:
        start = dateline.end()  # 新华社北京6月24日电|2026年度…大会: a dateline is no name's
    ordinal = _ORDINAL_BEFORE.search(text, max(0, start - 8), start)
    if ordinal and text[start] in _ORDINAL_UNITS:
        start = ordinal.start()  # 第8.6代|AMOLED生产线项目: the generation is the name's
    return start


# the end of a dateline right before a name (…6月24日电, …日讯)
_DATELINE_END = re.compile(r"\d{1,2}日[电讯]")
# a number that names a generation, a phase or a batch with the character after it (第8.6代,
# 二期 is a word jieba keeps)
_ORDINAL_BEFORE = re.compile(r"第?\d+(?:\.\d+)?$")
_ORDINAL_UNITS = "代期批"


def after_leading_verbs(sv: SentenceView, start: int, core_start: int) -> int:
    """Where a programme's or event's name starts once the verbs before it are left out: names
    never begin at a verb (优化提升|江淮英才计划, 促进|体育竞赛); a verb right before the ending
    stays (提升行动 is left for the caller to judge)."""
    spans = tokens_within(sv, start, core_start)
    k = 0
    while k < len(spans) and spans[k][2] in name_verbs() and spans[k][1] < core_start:
        k += 1
    return (spans[k][0] if k < len(spans) else spans[k - 1][1]) if k else start
