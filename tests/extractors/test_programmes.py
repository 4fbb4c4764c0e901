"""Programmes: 《》 titles, names by their endings, quoted instances."""
from __future__ import annotations

import pytest

from kg.keys import entity_key
from rdflib import RDFS

RDFS_LABEL = RDFS.label
from helpers import chosen, run


@pytest.mark.parametrize("text, expected", [
    ("八部门联合印发《“十四五”智能制造发展规划》（以下简称《规划》）",
     ["“十四五”智能制造发展规划", "规划"]),
    ("一是开展智能制造技术攻关行动，重点突破基础技术", ["智能制造技术攻关行动"]),
    ("二是推进中小企业数字化转型，实施中小企业数字化促进工程，加快发展", ["中小企业数字化促进工程"]),
    ("以及“机器人核心技术攻关行动”“‘机器人+’应用行动”等四大行动",
     ["机器人核心技术攻关行动", "‘机器人+’应用行动"]),
    ("制定科技支撑“双碳”行动方案", ["科技支撑“双碳”行动方案"]),
    ("帮助企业提供解决方案，实施系统工程", []),
    # a name never begins at a verb (the 2022 work report)
    ("出台促进中部地区崛起新十年规划", ["中部地区崛起新十年规划"]),
    # the state's science awards (the 1985 work report; written for the test)
    ("九百三十七项获得国家科技发明奖", ["国家科技发明奖"]),
    ("授予两位科学家国家最高科学技术奖，授予一项成果国家自然科学奖一等奖",
     ["国家最高科学技术奖", "国家自然科学奖"]),
    ("获得科技进步奖", []),
    # a plan's box label heads the name, it is not part of it (written for the test)
    ("专栏1  算力网络互联互通工程", ["算力网络互联互通工程"]),
    ("附件2：数字乡村建设行动", ["数字乡村建设行动"]),
    ("部署了六个专项行动", []),
    ("常州市六大工程增强创新第一动力", ["六大工程"]),
    ("江苏省制造业智能化改造和数字化转型 三年行动计划（2022—2024年）",
     ["江苏省制造业智能化改造和数字化转型三年行动计划（2022—2024年）"]),
    # a series and a counted set are named too: “1+X”系列规划, 七大重点工程
    ("发布了镇江市“十四五”制造业高质量发展“1+X”系列规划，内容涉及",
     ["镇江市“十四五”制造业高质量发展“1+X”系列规划"]),
    ("创新生态优化等科技创新七大重点工程。", ["科技创新七大重点工程"]),
    # 重点 qualifies the noun after it inside a name (the 2017 report), not a verb before one;
    # a count in digits is what is started, not the name's (written for the test)
    ("开展重点行业污染治理专项行动。", ["重点行业污染治理专项行动"]),
    ("重点推进智能制造工程", ["智能制造工程"]),
    ("今年新开工10项国家重点建设工程", []),
    # written for the test: a route's name runs from its origin (A至B…工程); a span of years
    # is no origin
    ("加快建设成都至重庆中线高速铁路工程", ["成都至重庆中线高速铁路工程"]),
    ("建设陇东至山东特高压直流工程", ["陇东至山东特高压直流工程"]),
    ("从2021年至2025年实施乡村振兴工程", ["乡村振兴工程"]),
    # written for the test: a generation written as a number is the project name's
    ("总投资110亿元的第8.6代AMOLED生产线项目落户合肥", ["第8.6代AMOLED生产线项目"]),
    # modifiers joined by 、 share the plan: both kinds of firm are doubled
    ("实施高新技术企业、科技型企业“双倍增”计划，建立", ["高新技术企业、科技型企业“双倍增”计划"]),
    ("推进智能制造工程、质量提升工程，", ["智能制造工程", "质量提升工程"]),
    # counted items are a class of projects, not a programme
    ("累计建成国家智能制造示范工厂项目30个、省级智能制造示范工厂项目300个", []),
    ("每年打造 20 个工业大数据应用示范项目。", []),
    ("编制 29 个专项科技规划、基础研究十年规划", ["基础研究十年规划"]),
    ("作为在科技领域的第一个五年规划，", []),
    # works counted by a measure word, some of a kind, a numbered phase (written for the
    # test; the 2021 work report; the 1980 report)
    ("今年新建山区小型蓄水工程120座，", []),
    ("提前实施部分“十四五”规划重大工程项目", []),
    ("第一期工程已有部分项目投产", []),
    # mechanisms, categories and two generic endings joined are no programmes
    ("引导企业完善技术防护体系和安全管理制度。", []),
    ("建立科技干部挂联高新技术产业企业制度，", []),
    ("鼓励制造业企业运用目录和清单内软件产品", []),
    ("建成国家级检验检测类标准化试点", []),
    ("科大讯飞秉持“平台+赛道”战略，", []),
    # descriptions, not names: a policy's description, an ending that qualifies a noun,
    # a verb and an ending
    ("实施好优化和创新结构性货币政策。", []),
    ("合理扩大地方政府专项债券支持范围", []),
    # 专项 before a word qualifies it (the 2025 and 2006 reports); before punctuation or a
    # function word it ends a name (written for the test)
    ("开展燃气、电动自行车等安全隐患全链条专项整治。", []),
    ("制定提升消费能力、增加优质供给、改善消费环境专项措施，", []),
    ("国家科技重大专项取得重要进展，", ["国家科技重大专项"]),
    # 研究部署 ("study and arrange") governs the name, it is none of it (written for the test)
    ("会议研究部署新一代智能农机装备科研项目。", ["新一代智能农机装备科研项目"]),
    # an amount of money is what a project costs, never part of its name (written for the test)
    ("集团拟投资120亿元建设新疆哈密煤制气示范工程。", ["新疆哈密煤制气示范工程"]),
    ("开展提升行动，", []),
    ("实施降低全社会物流成本专项行动。", ["降低全社会物流成本专项行动"]),
    # ... but an institution set up around a body is one
    ("同意建立由国务院领导同志牵头负责的国务院职业教育工作部际联席会议制度。",
     ["国务院职业教育工作部际联席会议制度"]),
    ("建立国务院职业教育工作部际联席会议（以下简称联席会议）制度。",
     ["国务院职业教育工作部际联席会议制度"]),
])
def test_programmes(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the 1980 work report: a year's plan is named with its year
    ("国务院确定，今年提前制定1981年国民经济计划，提请这次大会审议", ["1981年国民经济计划"]),
    # a deadline or the end of a range is no part of the name (the 1957 report; written for
    # the test)
    ("制定1956-1967年科学发展远景规划", ["科学发展远景规划"]),
    # a year titles a list as quotes do (written for the test): a list of names is one only
    # then; a list described is none (the 2025 report)
    ("龙华区在2023年民生实事项目清单里明确", ["2023年民生实事项目清单"]),
    ("据公布的2025年中国工程院院士增选候选人名单", ["2025年中国工程院院士增选候选人名单"]),
    ("动态调整债务高风险地区名单", []),
])
def test_a_year_before_a_name_is_part_of_it(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: a title issued may begin with its own verbs
    ("浙江省印发加快推进海洋经济高质量发展行动方案，提出", ["加快推进海洋经济高质量发展行动方案"]),
    # the work reports (2018, 2005, 2008): a verb paired with the issuing one, a particle, are
    # not the title's
    ("出台实施粤港澳大湾区发展规划纲要", ["粤港澳大湾区发展规划纲要"]),
    ("全面实施国务院颁布的依法行政纲要", ["依法行政纲要"]),
    ("颁布了应对气候变化国家方案", ["应对气候变化国家方案"]),
])
def test_a_title_issued_keeps_its_own_verbs(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the work reports (1959, 2005, 1998, 1986, 2000, 2019): a name's left edge stops at modal
    # verbs, light verbs, adverbs, an adverb jieba glued to its verb, the copula, and verbs
    # that act on a document (revise, fold into)
    ("要认真落实国家中长期科学和技术发展规划纲要", ["国家中长期科学和技术发展规划纲要"]),
    ("继续抓好保障性安居工程建设", ["保障性安居工程"]),
    ("慎重稳妥进行城镇职工医疗保险制度改革试点", ["城镇职工医疗保险制度改革试点"]),
    ("这是“七五”计划的关键性问题", ["“七五”计划"]),
    ("国债投资首先用于在建项目", []),
    ("抓紧修订外商投资产业指导目录", ["外商投资产业指导目录"]),
    ("把环境保护纳入经济和社会发展计划", ["经济和社会发展计划"]),
    # 和 after one programme's name begins another's; 与 between two fields joins them, the 与 of
    # 参与 joins nothing (the work reports; written for the test)
    ("三峡工程和小浪底工程的截流都将", ["三峡工程", "小浪底工程"]),
    ("实施耕地质量保护与提升行动", ["耕地质量保护与提升行动"]),
    ("开展用电大户与发电企业直接交易试点。", ["用电大户与发电企业直接交易试点"]),
    ("鼓励民间资本参与国家重大科技项目。", []),
    # the work on a named pilot is no part of its name (the 2012 and 2003 reports)
    ("重点是加快推进营业税改征增值税试点工作，完善试点", ["营业税改征增值税试点"]),
    ("开展了相对集中行政处罚权试点工作。", ["相对集中行政处罚权试点"]),
    # verbs before the place a plan is named for (the 2011 report)
    ("颁布实施全国主体功能区规划", ["全国主体功能区规划"]),
    # a speech that opens with common words quotes no name; a superlative describes a project
    # (written for the test)
    ("“实验项目的总投资约在几百万元”，他说。", []),
    ("全国单体规模最大光伏发电项目正式并网", []),
    # a national pilot or model city is a designation the state confers (written for the
    # test); a pilot's cities are its own (the 2015 report); 试点城市 alone is a kind
    ("获批国家海绵城市建设示范城市。", ["国家海绵城市建设示范城市"]),
    ("扩大公立医院综合改革试点城市范围", ["公立医院综合改革试点"]),
    ("对试点城市给予补助", []),
    # the place written before a name's year is the name's too (written for the test)
    ("印发苏州市2025年数字政府建设考评办法", ["苏州市2025年数字政府建设考评办法"]),
    # nor at the company a filing speaks of (written for the test)
    ("公司高纯硅材料一体化项目进展顺利。", ["高纯硅材料一体化项目"]),
    # nor at a time word (the 1980s reports; written for the test)
    ("全年工业总产值计划比上年增长6％", ["工业总产值计划"]),
    ("但全年货币发行还比年初计划少了近500亿元", []),
    # kinds of planning (the 1985 report) and projects counted (written for the test)
    ("指令性计划和指导性计划的范围", []),
    ("新开工建设3个以上十亿元级重点装备制造业项目", []),
    # 专项附加扣除 is a tax deduction, not a programme (the 2025 report)
    ("将3岁以下婴幼儿照护费用纳入个人所得税专项附加扣除", []),
    # ... while a verb in an idiom jieba knows stays (扶贫开发, 扩大开放; the 2012 and 2025
    # reports)
    ("颁布实施2011-2020年中国农村扶贫开发纲要", ["中国农村扶贫开发纲要"]),
    ("推动服务业有序开放，增设服务业扩大开放综合试点", ["服务业扩大开放综合试点"]),
])
def test_a_name_never_begins_at_a_modal_a_light_verb_or_an_adverb(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the work reports (2007, 1984, 2005): a law's title names a law, no programme; documents
    # ending in 办法 or 条例 stay programmes
    ("《中华人民共和国企业所得税法（草案）》将提请本次大会审议",
     [("Law", "中华人民共和国企业所得税法（草案）")]),
    ("要认真贯彻《民族区域自治法》", [("Law", "民族区域自治法")]),
    ("认真实施《信访条例》", [("Programme", "信访条例")]),
    # written for the test
    ("依照《宪法》和《民法典》，落实《土地管理办法》", [("Law", "宪法"), ("Law", "民法典"),
                                            ("Programme", "土地管理办法")]),
    # a book, a game or a film in 《》 is no document (the 1994 report; written for the test);
    # a plan named with its year, a draft, a contingency plan are (the 1982, 2016, 2006 reports)
    ("《邓小平文选》第三卷的出版", []),
    ("国产游戏《山海行者》上线首月销量过百万", []),
    ("实施《中国制造2025》", [("Programme", "中国制造2025")]),
    ("《1982年经济和社会发展计划要点（草案）》", [("Programme", "1982年经济和社会发展计划要点（草案）")]),
    ("制定《国家突发公共事件总体应急预案》", [("Programme", "国家突发公共事件总体应急预案")]),
])
def test_laws_books_and_documents_in_book_title_marks(text, expected):
    assert [(m.label.value, m.canonical) for m in run("pattern.programme", text)] == expected


def test_a_law_is_typed_kgo_law_in_the_graph(tmp_path):
    from kg.build import build
    from kg.vocab import KGO
    from rdflib import Graph, RDF
    src = tmp_path / "d.txt"
    src.write_text("通知\n根据《中华人民共和国企业所得税法》，制定《企业所得税优惠目录》。\n", encoding="utf-8")
    build([src], tmp_path / "out", html=False)
    g = Graph().parse(tmp_path / "out" / "graph.ttl")
    laws = {str(g.value(n, RDFS_LABEL)) for n in g.subjects(RDF.type, KGO.Law)}
    assert laws == {"中华人民共和国企业所得税法"}
    assert not any(str(g.value(n, RDFS_LABEL)) == "中华人民共和国企业所得税法"
                   for n in g.subjects(RDF.type, KGO.Programme))


def test_quoted_instance_after_a_programme():
    names = [m.canonical for m in run(
        "pattern.programme", "上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动")]
    assert names == ["上海市市级科技重大专项", "人工智能前沿基础理论与关键技术—自主智能无人系统"]


@pytest.mark.parametrize("text, expected", [
    # 1957 work report
    ("中共中央和国务院关于兴修农田水利和积肥运动的决定的发布，进一步地鼓舞了农民群众",
     ["关于兴修农田水利和积肥运动的决定"]),
    # 1984 work report: the title of a decision quoted in prose
    ("党的十二届三中全会通过的关于经济体制改革的决定，是指导我国经济体制改革的纲领性文件",
     ["关于经济体制改革的决定"]),
    # a title may quote the plan it issues, but is never cut by a quotation it only opens
    ("关于印发《赤峰市2023年政务服务考核办法》的通知", ["关于印发《赤峰市2023年政务服务考核办法》的通知"]),
    ("关于“这个问题的决定", []),
    # 关于 in prose, across a comma, is no title
    ("关于这个问题，大家的意见并不一致", []),
])
def test_official_titles(text, expected):
    assert [m.name for m in run("pattern.official_title", text)] == expected


def test_a_verb_ending_paired_with_a_verb_names_no_plan():
    # written for the test: 规划建设 is "plan and build"
    assert run("pattern.programme", "并与云南省政府规划建设的沿边旅游公路相连") == []


def test_a_plan_a_body_speaks_of_without_a_name_is_none():
    # written for the test (a finance wire): 计划 before a time is the verb "plans to", and the
    # company's plan, named by nothing but 公司, is no programme
    assert run("pattern.programme", "公司计划今年新增产能100GWh，并将建设第二座欧洲工厂") == []
    assert run("pattern.programme", "该集团方案已报国资委审批") == []
    # …计划 before 到/于/在 and a year plans to do by then (the 1956 report, with its full-width
    # digits; written for the test)
    assert run("pattern.programme", "宝鸡——成都线原计划在１９５７年底全线通车，也可以提前实现。") == []
    assert run("pattern.programme", "合肥国家实验室计划到2030年建成量子信息科学研究中心") == []
    assert run("pattern.programme", "研究团队计划在未来五年内实现1000个量子比特的纠错") == []
    assert run("pattern.programme", "项目二期计划于年底前投产") == []
    # the company's named project keeps its name
    assert [m.name for m in run("pattern.programme", "公司年产10万吨正极材料项目顺利投产")] == [
        "年产10万吨正极材料项目"]


def test_a_quoted_plan_name_keeps_its_ending_before_a_verb():
    # 2021 work report: the plan of the 13th five-year period, then its building tasks
    assert [m.name for m in run("pattern.programme", "全面完成“十三五”易地扶贫搬迁规划建设任务，加强后续扶持")] == [
        "“十三五”易地扶贫搬迁规划"]


def _work_reports(text: str) -> list[tuple[str, str]]:
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", text))
    return [(m.text, r.entities[entity_key(m)].name) for m in r.mentions
            if m.extractor == "pattern.work_report"]


def test_work_reports_are_named_by_place_and_year():
    # the corpus's titles (2025年中华人民共和国国务院政府工作报告) and the resolutions on them
    assert _work_reports("2025年中华人民共和国国务院政府工作报告\n各位代表：\n现在，我代表国务院，"
                         "向大会报告政府工作。\n") == [
        ("2025年中华人民共和国国务院政府工作报告", "2025年中华人民共和国国务院政府工作报告")]
    assert _work_reports("第十四届全国人民代表大会第三次会议关于政府工作报告的决议\n会议听取和审议了"
                         "国务院总理李强所作的政府工作报告。\n") == []
    # written for the test: in running text, with the place's full name
    assert _work_reports("新闻\n根据朝阳区2023年政府工作报告，全区生产总值增长5%。"
                         "2024年西藏政府工作报告提出，生产总值增长7%。\n") == [
        ("朝阳区2023年政府工作报告", "朝阳区2023年政府工作报告"),
        ("2024年西藏政府工作报告", "2024年西藏自治区政府工作报告")]


def test_a_bare_work_report_title_is_named_from_its_dateline_or_its_year_and_place():
    # written for the test: the article is the report; its later mentions name it too
    assert _work_reports("政府工作报告\n——2024年1月25日在苏州市第十七届人民代表大会第三次会议上\n"
                         "各位代表：现在，我代表市人民政府作政府工作报告。\n") == [
        ("政府工作报告", "苏州市2024年政府工作报告"), ("政府工作报告", "苏州市2024年政府工作报告")]
    assert _work_reports("政府工作报告\n二、2024年工作重点\n今年，无锡市将加快建设无锡经开区。"
                         "无锡市将推进产业强市。\n") == [("政府工作报告", "无锡市2024年政府工作报告")]
    # no year and no place: no name
    assert _work_reports("政府工作报告\n各位代表：现在作报告。\n") == []


def test_a_quoted_phrase_opens_a_programme_name_whatever_words_it_holds():
    # the 2024 and 2002 reports: words inside the quotation that would stop a name do not,
    # and the verbs before it are not the name's
    assert [m.canonical for m in run("pattern.programme", "学习运用“千村示范、万村整治”工程经验")] \
        == ["“千村示范、万村整治”工程"]
    assert [m.canonical for m in run("pattern.programme", "实行出口货物“免、抵、退”税办法")] \
        == ["“免、抵、退”税办法"]


def test_short_forms_defined_by_yixia_cheng():
    # written for the test: （以下称…） defines a short form like （以下简称…）
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n启动“学历证书+若干专项能力证书”制度试点"
                                                "（以下称1+X证书制度试点）。1+X证书制度试点稳步推进。\n"))
    names = {(m.text, r.entities[entity_key(m)].name) for m in r.mentions}
    assert ("1+X证书制度试点", "“学历证书+若干专项能力证书”制度试点") in names
    assert not any(m.text.startswith("以下称") for m in r.mentions)


def test_a_bodys_project_is_the_body_not_a_programme():
    # written for the test: a body named before 项目 is named; a facility is the project itself
    assert chosen("加快贵阳大数据交易所项目建设") == [
        ("Organization", "贵阳大数据交易所", "贵阳大数据交易所")]
    assert [m.canonical for m in run("pattern.programme", "推进苏州市公共数据中心项目建设")] == [
        "苏州市公共数据中心项目"]


@pytest.mark.parametrize("text, expected", [
    # the work reports: designations the state confers begin at 国家 (2017, 1990s, 2023)
    ("增强国家自主创新示范区等带动作用", ["国家自主创新示范区"]),
    ("加强国家商品粮基地建设", ["国家商品粮基地"]),
    ("新培育一批国家级先进制造业集群", ["国家级先进制造业集群"]),
    # without 国家 it is a kind (2023); written for the test: a zone hosting one
    ("培育壮大先进制造业集群", []),
    ("依托成都高新区国家数字服务出口基地", ["国家数字服务出口基地"]),
])
def test_national_designations(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text", [
    # the work reports (1950s-1980s) and written for the test: verbs and adverbs before an
    # ending name nothing (必须保证|国家计划, 重视|遗传工程, 开展|纠正|专项)
    "必须保证国家计划的完成", "重视遗传工程的研究", "开展纠正专项整治",
])
def test_verbs_and_an_ending_name_no_programme(text):
    assert run("pattern.programme", text) == []


@pytest.mark.parametrize("text, expected", [
    # the 1992 report and written for the test: well-known programmes that are words of
    # jieba's dictionary are names (named_programmes.tsv), verbs before them are not
    ("认为兴建三峡工程是必要的", ["三峡工程"]),
    ("继续实施火炬计划", ["火炬计划"]),
    ("必须保证国家计划的完成", []),
])
def test_well_known_programmes_that_are_dictionary_words(text, expected):
    assert [m.canonical for m in run("pattern.programme", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # the 1992 report and written for the test: the state's well-known programmes by their
    # official and short names
    ("实施西气东输、西电东送、南水北调等重大工程", ["西气东输工程", "西电东送工程", "南水北调工程"]),
    ("认为兴建三峡工程是必要的", ["长江三峡水利枢纽工程"]),
    ("项目得到国家重点研发计划和国家自然科学基金的资助", ["国家重点研发计划", "国家自然科学基金"]),
    ("组织实施863计划", ["国家高技术研究发展计划"]),
    # its committee is a body, not the fund
    ("国家自然科学基金委员会发布通知", []),
])
def test_well_known_national_programmes_by_their_names(text, expected):
    assert [m.canonical for m in run("gazetteer.programme", text)
            if (m.label.value, m.text, m.canonical) in chosen(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: projects listed before 等…项目, named by a rare word, a quotation,
    # a place or a known firm at their head
    ("推进望城智慧产业城、梅溪湖科技城、岳麓国际智造城等项目建设",
     ["望城智慧产业城", "梅溪湖科技城", "岳麓国际智造城"]),
    ("加快建设“数字+”未来科学城、河西智汇产业园、橘子洲博物馆等项目",
     ["“数字+”未来科学城", "河西智汇产业园", "橘子洲博物馆"]),
    # written for the test: the work done on a works (a phase, a saving) names no project
    ("推进梅溪湖科技城、岳麓国际智造城、“数字+”未来科学城、湘钢冷轧二期、华菱钢铁余热节能等重大项目建设",
     ["梅溪湖科技城", "岳麓国际智造城", "“数字+”未来科学城"]),
    # the work reports (2016, 2010, 1956): lists of sectors, kinds and works are none
    ("实施一批交通、能源、水利等重大工程项目", []),
    ("建设水电核电、特高压输电、智能电网、油气管网、城市轨道交通等重大项目", []),
    ("兰州炼油厂、洛阳第一拖拉机厂等重大建设项目", []),
    # written for the test: firms listed as the makers of projects are no projects
    ("推动北汽新能源、吉利汽车等项目达产", []),
])
def test_projects_listed_before_deng_xiangmu(text, expected):
    assert [m.canonical for m in run("pattern.listed_project", text)] == expected


def test_a_firms_informal_form_heading_a_project_names_it():
    # written for the test: 蓝思 of 蓝思科技, 三一 of 三一重工 (a trade word left out), only where
    # a project is named after the firm; the list's head noun (…城等项目) is no programme
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n加快蓝思智能制造产业园、楚天医药装备基地、"
                                                "三一桩机产业城等项目建设。\n"))
    named = {(m.text, r.entities[entity_key(m)].name, m.label.value) for m in r.mentions}
    assert {("蓝思", "蓝思科技", "Company"), ("楚天", "楚天科技", "Company"),
            ("三一", "三一重工股份有限公司", "Company"),
            ("蓝思智能制造产业园", "蓝思智能制造产业园", "Programme")} <= named
    assert "蓝思" in r.entities["org:蓝思科技"].aliases
    assert not any(m.text.endswith("等项目") for m in r.mentions)
    # alone, an informal form names no firm (written for the test)
    alone = extract_document(Document("d", "d.txt", "新闻\n蓝思集团表示，三一将加大投入。\n"))
    assert not any(alone.entities[entity_key(m)].name in ("蓝思科技", "三一重工股份有限公司")
                   for m in alone.mentions)


def test_the_known_firm_heading_a_project_is_named_there_too():
    from kg.pipeline import extract_document
    from kg.types import Document
    # written for the test
    r = extract_document(Document("d", "d.txt", "新闻\n加快推进华为溪流背坡村、比亚迪坪山产业园、宝武湛江钢铁二期等重大项目。"))
    named = [(m.text, r.entities[entity_key(m)].name) for m in r.mentions]
    assert ("华为", "华为技术有限公司") in named and ("比亚迪", "比亚迪股份有限公司") in named
    assert ("比亚迪坪山产业园", "比亚迪坪山产业园") in named
    assert not any(text.startswith("宝武湛江") for text, _name in named)


def test_a_plan_named_after_its_place_short_and_in_full_is_one():
    from kg.pipeline import extract_document
    from kg.types import Document
    # written for the test: the title writes 浙江, the text 浙江省; a national plan of the same
    # name without a place stays a plan of its own
    text = ("浙江数字贸易发展“十五五”规划印发\n省政府印发《浙江省数字贸易发展“十五五”规划》。"
            "各地要对照《数字贸易发展“十五五”规划》抓好落实。\n")
    r = extract_document(Document("d", "d.txt", text))
    plans = {r.entities[entity_key(m)].name for m in r.mentions if m.label.value == "Programme"}
    assert plans == {"浙江省数字贸易发展“十五五”规划", "数字贸易发展“十五五”规划"}
