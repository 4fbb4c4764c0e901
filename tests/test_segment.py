"""Sentences, the clean view and the jieba tokenizer."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.segment import TextView, clean, is_page_break, segment, tokens
from kg.types import Sentence

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "government_work_reports.jsonl"


def test_sentence_offsets_reproduce_the_text(newsletter, articles):
    for a in articles:
        for s in segment(newsletter, a):
            assert newsletter.text[s.start:s.end] == s.text
            assert a.body_start <= s.start < s.end <= a.end


def test_page_break_inside_a_sentence_is_joined(newsletter, articles):
    sentences = [s.text for s in segment(newsletter, articles[0])]
    joined = next(s for s in sentences if s.startswith("结合我国智能制造发展现状和基础"))
    assert "\n\n发展生态的四个体系" in joined


def test_headings_stay_sentences_of_their_own(newsletter, articles):
    texts = [s.text for s in segment(newsletter, articles[0])]
    assert "《规划》的编制背景" in texts


def test_is_page_break():
    assert is_page_break("结合我国智能制造发展现状和基础，《规划》紧扣智能制造")
    assert is_page_break("强化数据要素支撑，")
    assert not is_page_break("《规划》的编制背景")
    assert not is_page_break("四项重点任务。")


def test_an_indented_line_opens_a_paragraph_after_a_long_unpunctuated_heading():
    from kg.types import Article, Document
    # the 1988 work report: a heading with a comma, then an indented paragraph; a line cut by
    # a page break (no indent) is still joined
    text = ("四、正确处理建设和改革中目标和步骤之间的关系，保证建设和改革的顺利发展\n\n\n"
            "\u3000\u3000中国共产党第十三次全国代表大会确定了到下个世纪中叶分三步走的经济发展战略。\n"
            "结合我国智能制造发展现状和基础，《规划》紧扣智能制造\n\n发展生态的四个体系。\n")
    doc = Document("d", "d.txt", text)
    texts = [s.text for s in segment(doc, Article("d", 1, "", "", "", 0, len(text), 0))]
    assert texts[0] == "四、正确处理建设和改革中目标和步骤之间的关系，保证建设和改革的顺利发展"
    assert texts[1].startswith("中国共产党第十三次全国代表大会")
    assert texts[2].endswith("紧扣智能制造\n\n发展生态的四个体系。")


def test_a_line_that_begins_with_a_closing_mark_continues_the_line_before():
    from kg.types import Article, Document
    # the 2005 work report as web pages give it: a link on a line of its own
    text = "要认真贯彻《\n民族区域自治法\n》，全面执行民族政策。\n"
    doc = Document("d", "d.txt", text)
    texts = [s.text for s in segment(doc, Article("d", 1, "", "", "", 0, len(text), 0))]
    assert texts == ["要认真贯彻《\n民族区域自治法\n》，全面执行民族政策。"]


def test_rows_of_a_table_are_sentences_whose_cells_stay_apart():
    from kg.types import Article, Document
    # written for the test, in the form of a ministry's list of selected firms; a PDF's spaced
    # digits and a title broken by one space are no table
    text = ("序号 省份 单位名称\n1 北京 北京星河智能科技有限公司 星河智能工厂\n"
            "2 河北 保定长风汽车股份有限公司 长风汽车数字化车间\n3\t湖南\t湘江重工股份有限公司\n")
    doc = Document("d", "d.txt", text)
    sentences = segment(doc, Article("d", 1, "", "", "", 0, len(text), 0))
    views = [TextView.of(s).text for s in sentences]
    assert views == ["序号省份单位名称", "1 北京 北京星河智能科技有限公司 星河智能工厂",
                     "2 河北 保定长风汽车股份有限公司 长风汽车数字化车间", "3 湖南 湘江重工股份有限公司"]
    assert clean("1 9 8 7 年") == "1987年"
    assert clean("江苏省制造业智能化改造和数字化转型 三年行动计划") == "江苏省制造业智能化改造和数字化转型三年行动计划"


def test_clean_view_drops_layout_whitespace_and_maps_back():
    raw = "与美\n\n敦力、强生等合作，2021 世界智能制造大会与 AI Labs"
    s = Sentence("d", 10, 10 + len(raw), 1, raw)
    view = TextView.of(s)
    assert view.text == "与美敦力、强生等合作，2021世界智能制造大会与AI Labs"
    i = view.text.index("美敦力")
    a, b = view.span(i, i + 3)
    assert raw[a - 10:b - 10] == "美\n\n敦力"
    assert clean("十\n\n四五") == "十四五"


def test_jieba_segmentation_is_pinned():
    assert tokens("工业和信息化部等八部门联合印发智改数转方案") == [
        "工业和信息化部", "等", "八", "部门", "联合印发", "智改数转", "方案"]


# sentences of the 2024, 2019 and 1957 work reports (Latin, digits, old forms, unknown names)
WORK_REPORT_SENTENCES = [
    "数字经济加快发展，5G用户普及率超过50%。",
    "从国内看，经历三年新冠疫情冲击，经济恢复发展本身有不少难题，长期积累的深层次矛盾加速显现，"
    "很多新情况新问题又接踵而至。",
    "经济全球化遭遇波折，多边主义受到冲击，国际金融市场震荡，特别是中美经贸摩擦给一些企业生产经营、"
    "市场预期带来不利影响。",
    "这一年，手工業总产值达到一百一十七亿元，較1955年增長了16％；公私合营企業的工業总产值达到了一百"
    "亿九十一元，較1955年这些企業的总产值增加了約32％。",
    "显而易見，如果沒有这些运动的胜利，便不可能在新中国成立不久的短短时間内，就取得社会主义革命的基本胜利。",
]


def _plain_jieba(tok):
    """A tokenizer with jieba's own word graph and route over the same dictionary."""
    import jieba
    plain = jieba.Tokenizer()
    plain.FREQ, plain.total, plain.initialized = tok.FREQ, tok.total, True
    return plain


def test_faster_cut_gives_jiebas_words():
    from kg.segment import tokenizer
    tok = tokenizer()
    plain = _plain_jieba(tok)
    assert type(tok).get_DAG is not type(plain).get_DAG  # the faster route is in use
    for sentence in WORK_REPORT_SENTENCES:
        assert tok.lcut(sentence, HMM=True) == plain.lcut(sentence, HMM=True)
        assert tok.get_DAG(sentence) == plain.get_DAG(sentence)
        ours, theirs = {}, {}
        dag = plain.get_DAG(sentence)
        tok.calc(sentence, dag, ours)
        plain.calc(sentence, dag, theirs)
        assert ours == theirs  # the same scores to the last bit, the same ties


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_faster_cut_gives_jiebas_words_on_the_work_reports():
    import json
    from kg.segment import tokenizer
    tok = tokenizer()
    plain = _plain_jieba(tok)
    with open(CORPUS, encoding="utf-8") as f:
        reports = [json.loads(line)["content"] for line in f]
    for text in reports[::6]:  # every sixth report, 1954 to 2024
        assert tok.lcut(text, HMM=True) == plain.lcut(text, HMM=True)


def test_full_width_digits_read_as_digits_with_offsets_kept():
    from kg.pipeline import extract_document
    from kg.types import Document
    text = "报告\n１９８７年全国进出口总额达到８２７亿美元。到２０００年，国民生产总值达到１０万亿元。\n"
    r = extract_document(Document("d", "d.txt", text))
    # 1987 is a past year: only the 2000 goal is a target; its text is the document's own
    assert [(t.value, t.unit, t.year, t.text) for t in r.targets] == [("10", "万亿元", 2000, "１０万亿元")]
    assert all(text[t.start:t.end] == t.text for t in r.targets)


def test_dictionary_cache_gives_the_dictionary_it_was_built_from(tmp_path, monkeypatch):
    import kg.segment as seg
    monkeypatch.setattr(seg.tempfile, "gettempdir", lambda: str(tmp_path))
    (tmp_path / f"{seg._CACHE_PREFIX}0000000000000000.cache").write_bytes(b"another version")
    seg.tokenizer.cache_clear()
    try:
        built = seg.tokenizer()  # no cache: built from jieba's dictionary and the project's words
        caches = list(tmp_path.glob(f"{seg._CACHE_PREFIX}*.cache"))
        assert len(caches) == 1  # written, and the other version's cache dropped
        seg.tokenizer.cache_clear()
        cached = seg.tokenizer()
        assert cached is not built
        assert cached.FREQ == built.FREQ and cached.total == built.total
        assert cached.FREQ["工业和信息化部"] == 2000  # a gazetteer name is a word
        sentence = "工业和信息化部等部门印发《关于加快传统制造业转型升级的指导意见》"
        assert cached.lcut(sentence) == built.lcut(sentence)
        caches[0].write_bytes(b"\x00broken")  # a broken cache is rebuilt, not an error
        seg.tokenizer.cache_clear()
        assert seg.tokenizer().FREQ == built.FREQ
    finally:
        seg.tokenizer.cache_clear()
