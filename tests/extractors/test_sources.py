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


def test_credit_lines_of_their_own():
    # written for the test: a source line under an unpunctuated subtitle, a 文| byline (the
    # clean view has no space between outlet and writer), an outlet's name alone under the date
    assert _credits("2025年某省政府工作报告\n——2025年1月16日在某省人民代表大会上\n来源：辽宁日报\n"
                    "一、工作回顾\n正文。\n") == (["辽宁日报"], set())
    assert _credits("评选结果揭晓\n本次竞争激烈。\n文|财经E法 周敏\n编辑 |吴芳\n正文。\n") == (
        ["财经E法"], {("周敏", "作者", "财经E法"), ("吴芳", "编辑", "财经E法")})
    assert _credits("关于开展活动的通知\n2020-07-16\n中国电源产业网\n各省工业和信息化主管部门：\n"
                    "正文。\n")[0] == ["中国电源产业网"]



def test_a_wires_closing_editor_is_the_wires_a_portals_is_not():
    # written for the test: （编辑 X） closing a wire is a post in it; a bare 责任编辑 line closing a
    # web page is the republishing portal's, which the text does not name
    text = "央行发布数据\n财联社6月13日讯，中国人民银行今日发布数据。\n正文。\n（编辑 刘洋）\n"
    assert _credits(text) == (["财联社"], {("刘洋", "编辑", "财联社")})
    text = "央行发布数据\n财联社6月13日讯，中国人民银行今日发布数据。\n正文。\n责任编辑：王芳\n"
    assert _credits(text) == (["财联社"], set())


def test_a_closing_credit_of_several_roles():
    # written for the test, in the form of a provincial daily's web page: the date and time
    # stamp give the year, the closing credit a reporter and an intern (who holds no post)
    text = ("全市经济运行平稳\n2026-07-15 08:30 来源：江西日报\n全市经济运行平稳。\n"
            "（记者 王立新 实习生 陈晓 通讯员 刘强）\n")
    assert _credits(text) == (["江西日报"], {("王立新", "记者", "江西日报"),
                                             ("刘强", "通讯员", "江西日报")})
    assert "陈晓" in chosen_people(text)


def test_a_dated_source_line_and_a_bodys_website():
    # written for the test, in the form of a ministry's web page: the body whose website is
    # the source; a foreign agency's reporter asking a question is no source
    text = ("商务部召开例行新闻发布会\n2026年8月14日 来源：商务部网站\n商务部召开例行新闻发布会，"
            "新闻发言人何咏前介绍情况。\n"
            "路透社记者：中方将如何回应？\n")
    sources, posts = _credits(text)
    assert sources == ["商务部"]
    assert ("何咏前", "新闻发言人", "商务部") in posts
    # a web page's date without a time, then its source
    assert _credits("特斯拉工厂整车下线\n2026-05-12 来源：第一财经\n正文。\n")[0] == ["第一财经"]


def test_this_papers_dateline_is_no_outlet_named_this_paper():
    # written for the test, in the form of a securities daily's web page: 本报讯 is the paper
    # the source line names
    text = "某公司发布公告\n2026-03-21 19:45 来源：证券日报\n本报讯（记者 王明）3月20日晚间，公司发布公告。\n"
    assert _credits(text) == (["证券日报"], {("王明", "记者", "证券日报")})


def chosen_people(text: str) -> set[str]:
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", text))
    return {e.name for e in r.entities.values() if e.label.value == "Person"}


def test_two_reporters_written_without_a_mark_between_are_two():
    # written for the test: （记者王明李华） is two reporters of two characters each
    sources, posts = _credits("稳就业政策加力\n新华社北京3月5日电（记者王明李华）国务院常务会议今天部署稳就业。\n")
    assert posts == {("王明", "记者", "新华通讯社"), ("李华", "记者", "新华通讯社")}


def test_a_portal_time_stamp_gives_the_source_after_it():
    # written for the test: a digest's time stamp line with its source, a brand or an outlet;
    # a schedule's time and what happens then are no source
    assert _credits("财经晨报2026年3月2日星期一\n03-02 07:10Wind\n要闻\n正文。\n")[0] == ["Wind"]
    assert _credits("每日要闻\n2026-03-02 07:10 证券时报\n正文。\n")[0] == ["证券时报"]
    assert _credits("会议日程\n03-15 14:00报到\n正文。\n")[0] == []
