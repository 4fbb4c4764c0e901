"""The source line of an article."""
from __future__ import annotations

from helpers import chosen, run


def test_source_line():
    assert [m.canonical for m in run("pattern.source", "（来源：中国机器人网）")] == ["中国机器人网"]


def test_an_agency_named_as_source_keeps_its_class():
    assert chosen("（来源：科技部）") == [("GovernmentAgency", "科技部", "科学技术部")]


def _credits(text: str):
    """(sources, {(journalist, title, outlet)}) of a one-article document written for the test."""
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", text))
    name = lambda k: r.entities[k].name  # noqa: E731
    return ([name(k) for _n, k in r.sources],
            {(name(p.person), p.title, name(p.organization)) for p in r.posts})


def test_a_dateline_names_the_agency_and_its_reporters():
    sources, posts = _credits("稳就业政策加力\n新华社北京3月5日电（记者张明、李华）国务院常务会议今天部署稳就业。\n")
    assert sources == ["新华通讯社"]
    assert posts == {("张明", "记者", "新华通讯社"), ("李华", "记者", "新华通讯社")}


def test_this_papers_reporter_belongs_to_the_paper_the_article_names():
    sources, posts = _credits("制造业投资回升\n本报记者 赵立新\n专家对《经济日报》记者表示，投资将继续回升。\n")
    assert sources == ["经济日报"]
    assert posts == {("赵立新", "记者", "经济日报")}


def test_this_paper_is_no_outlet_of_its_own():
    assert not any(m.label.value == "MediaOutlet" for m in run("pattern.source", "本报记者 赵立新"))
