"""Reading files and splitting the newsletter into its 16 articles."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.errors import InputError
from kg.ingest import read_document, split_articles
from kg.ingest.reader import find_date

from conftest import GOLD, REPLY


def test_document_date_from_masthead(newsletter):
    assert newsletter.date == dt.date(2022, 1, 15)


def test_reply_date_from_its_own_line():
    assert read_document(REPLY).date == dt.date(2018, 11, 20)


@pytest.mark.parametrize("text, expected", [
    ("2022 年 1 月 15 日\n正文", dt.date(2022, 1, 15)),
    ("国务院\n2018年11月20日\n（此件公开发布）", dt.date(2018, 11, 20)),
    ("没有日期的文字", None),
    # a web page's time stamp and source on one line, a release date's label; a range is none
    ("标题\n2026-07-15 08:30 来源：重庆日报\n正文", dt.date(2026, 7, 15)),
    ("标题\n发布时间：2026/7/5\n正文", dt.date(2026, 7, 5)),
    ("“十四五”（2021-2025年）规划", None),
    # written for the test: a date in the text after the document's number is no date of it
    ("关于发布申报指南的通知\n国科发资〔2026〕21号\n申报单位注册时间为2025年6月30日前。", None),
])
def test_find_date(text, expected):
    assert find_date(text) == expected


def test_sixteen_articles_with_gold_titles_sections_and_sources(articles):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == 16
    for a, g in zip(articles, gold):
        assert a.n == g["n"]
        assert a.title == g["title"]
        assert a.section == g["section"]
        assert a.source == (g["source"] or "")


def test_article_offsets_point_into_the_file(newsletter, articles):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    for a, g in zip(articles, gold):
        assert newsletter.text[a.body_start:].replace("\n", "").startswith(g["first_chars_nobreak"])
        assert a.start <= a.body_start < a.end <= len(newsletter.text)


def test_run_together_article_is_cut_at_the_lost_title(newsletter, articles):
    jiangsu, shanghai = articles[2], articles[3]
    assert newsletter.text[jiangsu.start:jiangsu.end].rstrip().endswith("强化数据要素支撑，")
    assert newsletter.text[shanghai.body_start:].startswith("王晔在致辞中表示")
    assert jiangsu.source == "" and shanghai.source == "科技部"


def test_single_article_file_takes_its_first_line_as_title():
    doc = read_document(REPLY)
    (article,) = split_articles(doc)
    assert article.title == "国务院关于同意建立国务院职业教育工作部际联席会议制度的批复"
    assert article.section == ""


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"\x00\x01\x02binary\x00", "binary"),
    (bytes(range(256)) * 40, "binary"),
])
def test_bad_files_raise_input_error_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=reason) as e:
        read_document(path)
    assert "bad.txt" in str(e.value)
