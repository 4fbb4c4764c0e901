"""Relations, posts and targets on the newsletter's real sentences."""
from __future__ import annotations

from kg.keys import entity_key
from kg.types import Predicate


def names(result, key):
    return result.entities[key].name


def pairs(result, predicate):
    return {(names(result, r.subject), names(result, r.object))
            for r in result.relations if r.predicate is predicate}


def test_joint_issuance_gives_one_issuer_each(result):
    issuers = {o for s, o in pairs(result, Predicate.ISSUED_BY) if s == "“十四五”智能制造发展规划"}
    assert issuers == {"工业和信息化部", "国家发展和改革委员会", "教育部", "科学技术部", "财政部",
                       "人力资源和社会保障部", "国家市场监督管理总局", "国务院国有资产监督管理委员会"}


def test_only_named_issuers_of_fifteen(result):
    issuers = {o for s, o in pairs(result, Predicate.ISSUED_BY) if s == "“十四五”机器人产业发展规划"}
    assert issuers == {"工业和信息化部", "国家发展和改革委员会"}


def test_leads_and_participates(result):
    project = "人工智能前沿基础理论与关键技术—自主智能无人系统"
    assert ("同济大学", project) in pairs(result, Predicate.LEADS)
    assert {("上海交通大学", project), ("复旦大学", project), ("中国电子科技集团有限公司", project)} \
        <= pairs(result, Predicate.PARTICIPATES_IN)


def test_event_relations(result):
    assert ("2021世界智能制造大会", "南京市") in pairs(result, Predicate.HELD_IN)
    assert ("2021世界智能制造大会", "工业和信息化部") in pairs(result, Predicate.ORGANIZED_BY)


def test_places_and_names(result):
    assert ("南京市", "江苏省") in pairs(result, Predicate.PART_OF)
    assert ("江山市", "衢州市") in pairs(result, Predicate.PART_OF)
    assert ("常州凯达重工科技有限公司", "常州市") in pairs(result, Predicate.LOCATED_IN)


def test_posts(result):
    posts = {(names(result, p.person), p.title, names(result, p.organization)) for p in result.posts}
    assert ("王志刚", "部长", "科学技术部") in posts
    assert ("费高云", "常委", "中国共产党江苏省委员会") in posts
    # a 副省长 serves in the province's people's government; a foreign state's minister in the
    # state itself (no Chinese government form applies)
    assert ("费高云", "常务副省长", "江苏省人民政府") in posts
    assert ("平克瓦特", "经济部长", "北莱茵-威斯特法伦州") in posts
    assert not any(org.endswith("省") or org.endswith("市") for _p, title, org in posts
                   if title.endswith(("省长", "市长")))


def test_targets(result):
    got = {(t.value, t.unit, t.comparator, t.year) for t in result.targets}
    assert ("70", "%", "=", 2025) in got          # 70%的规模以上制造业企业…
    assert ("500", "个", ">=", 2025) in got       # 建成 500 个以上…
    assert ("50", "%", ">", 2025) in got          # 分别超过 70%和 50%
    assert ("1", "万家", ">", 2025) in got        # 超万家
    assert ("12", "%", "~", 2025) in got          # 年均增长12%左右
    assert ("1000", "家", "=", None) in got       # 每年 1000 家
    assert not any(t.value == "1000" and t.unit == "亿元" for t in result.targets)  # past
    assert not any(t.value == "5000" for t in result.targets)  # 投资超5000万元的项目


def test_every_fact_offset_is_in_its_document(result):
    text = result.doc.text
    for m in result.mentions:
        assert text[m.start:m.end] == m.text
    for t in result.targets:
        assert text[t.start:t.end] == t.text
        assert t.sentence_start <= t.start < t.end <= t.sentence_end
    for r in result.relations:
        assert 0 <= r.start < r.end <= len(text)


def test_mention_keys_resolve(result):
    for m in result.mentions:
        assert entity_key(m) in result.entities


def test_past_periods_are_no_targets():
    from kg.pipeline import extract_document
    from kg.types import Document
    text = "报告\n比一九七八年前的二十六年平均每年增加49亿元。\n今后每年新增就业1100万人以上。\n"
    r = extract_document(Document("d", "d.txt", text))
    assert [(t.value, t.unit, t.period) for t in r.targets] == [("1100", "万人", "每年")]


def _facts(text: str, predicate):
    from kg.pipeline import extract_document
    from kg.types import Document
    return pairs(extract_document(Document("d", "d.txt", "新闻\n" + text)), predicate)


def test_who_launches_or_runs_a_campaign_leads_it():
    # written for the test: 启动, 组织开展 lead what follows them; who hosts an event organises it
    assert ("农业农村部", "2026年农机具下乡活动") in _facts(
        "农业农村部等四部门将于5月下旬在河南启动2026年农机具下乡活动。", Predicate.LEADS)
    assert _facts("商务部组织开展“人才江西行”活动。", Predicate.LEADS) == {("商务部", "人才江西行")}
    hosted = "由文化和旅游部主办的2026年全国“文旅消费月”活动在杭州举行。"
    assert not _facts(hosted, Predicate.LEADS)
    assert ("2026年全国“文旅消费月”", "文化和旅游部") in _facts(hosted, Predicate.ORGANIZED_BY)
    # the campaign a notice's title launches is named in its text too, and led by who runs it
    notice = _facts("关于开展农机具下乡活动的通知。为促进农机推广，农业农村部、财政部将于今年联合组织开展"
                    "农机具下乡活动。", Predicate.LEADS)
    assert notice == {("农业农村部", "农机具下乡活动"), ("财政部", "农机具下乡活动")}
    # 开展调研 runs nothing: no programme of the article is led by it
    assert not _facts("《数字经济发展规划》发布。工业和信息化部开展调研。", Predicate.LEADS)


def test_what_a_plan_sets_out_right_after_it_is_named_is_its_component():
    # written for the test
    parts = _facts("浙江省印发加快推进海洋经济高质量发展行动方案，提出全面实施“海上风电+”工程。",
                   Predicate.PART_OF)
    assert ("“海上风电+”工程", "加快推进海洋经济高质量发展行动方案") in parts
    # a plan named in another sentence's clause far before sets out nothing here
    assert not [p for p in _facts("数字经济发展规划发布后，各地积极推进，会议提出实施数据要素攻关行动。",
                                  Predicate.PART_OF) if p[0] == "数据要素攻关行动"]


def test_located_by_verbs_and_by_a_place_right_before(result):
    located = pairs(result, Predicate.LOCATED_IN)
    # 截至目前，高新区先后引进中科院苏州医工所: the bare 高新区 is the article's 苏州高新区
    assert ("中国科学院苏州医工所", "苏州高新技术产业开发区") in located \
        or ("中国科学院苏州生物医学工程技术研究所", "苏州高新技术产业开发区") in located
    # a zone is part of its city (the contract keeps locatedIn for organisations and events)
    assert ("苏州高新技术产业开发区", "苏州市") in pairs(result, Predicate.PART_OF)
    places = {e.name for e in result.entities.values() if e.label.is_place}
    assert not any(s in places for s, _o in located)
    # an organisation is where its name says: a province's department, a city's customs
    assert ("中国共产党江苏省委员会", "江苏省") in located
    assert ("合肥海关", "合肥市") in _facts("合肥海关发布通知。", Predicate.LOCATED_IN)
    assert ("国家煤化工产品质量监督检验中心（安徽）", "淮南市") in located
    assert ("江山市科技孵化中心", "江山市") in located
    # 常州市科技部门 is the city's department: nothing is located in 常州 as 科学技术部
    assert not any(s == "科学技术部" for s, _o in located)
    assert ("华为南京研究所", "南京市") in _facts("华为南京研究所落户南京。", Predicate.LOCATED_IN)
    assert ("华为技术有限公司", "深圳市") in _facts("华为总部位于深圳。", Predicate.LOCATED_IN)
    # written for the test: a firm that names the projects brought in is not brought in
    assert not _facts("芜湖经开区引进奇瑞汽车配套项目12个。", Predicate.LOCATED_IN)
    assert ("比亚迪股份有限公司", "芜湖经济技术开发区") in _facts(
        "芜湖经开区引进比亚迪、奇瑞汽车等企业。", Predicate.LOCATED_IN)


def test_the_chosen_and_the_winners_take_part(result):
    part = pairs(result, Predicate.PARTICIPATES_IN)
    report = "2021人工智能创新研究院（AI Labs）报告"
    # 遴选\n\n出包括…: a page break inside the verb
    assert {("阿里巴巴达摩院", report), ("华为中央研究院", report)} <= part
    assert ("大连理工江苏研究院有限公司", "国家中小企业公共服务示范平台") in part
    assert {("讯飞研究院", c) for c in ("CHiME", "Blizzard", "IWSLT")} <= part
    # 以内窥镜为主导的产业, 主导制定了标准: no one leads the article's programme
    assert pairs(result, Predicate.LEADS) == {
        ("同济大学", "人工智能前沿基础理论与关键技术—自主智能无人系统"),
        ("讯飞研究院", "语音及语言信息处理国家工程实验室"),
        ("讯飞研究院", "认知智能国家重点实验室"),
        ("江苏省制造强省建设领导小组办公室", "制造业智能化改造和数字化转型"),
        ("国家煤化工产品质量监督检验中心（安徽）", "检验检测社会管理和公共服务综合标准化试点项目")}


def test_short_references_resolve_within_their_article(result):
    def targets_of(surface):
        return {result.entities[entity_key(m)].name for m in result.mentions if m.text == surface}
    # four articles, four plans called 《规划》; art 14 never defines its 《规划》: its title does
    assert targets_of("《规划》") == {
        "“十四五”智能制造发展规划", "镇江市“十四五”制造业高质量发展规划",
        "“十四五”机器人产业发展规划", "常州市“十四五”科技创新发展规划"}
    # the Jiangsu plan names itself
    assert targets_of("本行动计划") == {"江苏省制造业智能化改造和数字化转型三年行动计划（2022—2024年）"}
    # neither becomes a name of its plan
    assert not any(a in ("《规划》", "本行动计划") for e in result.entities.values() for a in e.aliases)


def test_a_self_reference_needs_a_plan_in_the_title():
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n日本计划明年出台新规，该方案尚未公布。\n"))
    assert not any(m.label.value == "Programme" for m in r.mentions)


def test_issuers_before_and_after_the_plan():
    assert _facts("《人工智能产业发展规划》由工信部发布，科技部参与编制。", Predicate.ISSUED_BY) == {
        ("人工智能产业发展规划", "工业和信息化部")}
    assert _facts("由工信部、财政部联合印发的《智能制造试点示范行动实施方案》提出。",
                  Predicate.ISSUED_BY) == {("智能制造试点示范行动实施方案", "工业和信息化部"),
                                           ("智能制造试点示范行动实施方案", "财政部")}


def test_a_title_in_book_quotes_keeps_the_bodies_inside_it_and_its_issuer():
    issued = _facts("近日，国务院办公厅印发《国务院办公厅关于加快发展新型储能的指导意见》。"
                    "财政部《关于做好2024年地方政府专项债券发行工作的通知》明确。", Predicate.ISSUED_BY)
    assert issued == {("国务院办公厅关于加快发展新型储能的指导意见", "国务院办公厅"),
                      ("关于做好2024年地方政府专项债券发行工作的通知", "财政部")}


def test_doubling_is_a_target_without_digits():
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "规划\n到2025年，制造业机器人密度实现翻番，"
                                                "数字经济核心产业增加值比2020年翻两番。\n"))
    assert [(t.indicator, t.value, t.unit, t.year) for t in r.targets] == [
        ("制造业机器人密度", "2", "倍", 2025), ("数字经济核心产业增加值", "4", "倍", 2025)]


def test_a_bodys_document_is_its_title_and_what_it_sets_up_is_issued_too():
    assert _facts("国务院关于同意建立国务院职业教育工作部际联席会议制度的批复", Predicate.ISSUED_BY) == {
        ("国务院关于同意建立国务院职业教育工作部际联席会议制度的批复", "国务院"),
        ("国务院职业教育工作部际联席会议制度", "国务院")}
    # what a body only carries out (开展) it does not issue
    assert _facts("工业和信息化部办公厅关于开展2024年度智能制造试点示范行动的通知",
                  Predicate.ISSUED_BY) == {
        ("工业和信息化部办公厅关于开展2024年度智能制造试点示范行动的通知", "工业和信息化部办公厅")}


def test_a_governor_after_a_party_secretary_serves_the_province():
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "大会在合肥开幕\n安徽省委书记梁言顺、省长王清宪出席。\n"))
    posts = {(names(r, p.person), p.title, names(r, p.organization)) for p in r.posts}
    assert posts == {("梁言顺", "书记", "中国共产党安徽省委员会"), ("王清宪", "省长", "安徽省人民政府")}


def test_a_programme_named_again_without_its_level_is_the_same(result):
    again = {result.entities[entity_key(m)].name for m in result.mentions
             if m.text == "中小企业公共服务示范平台"}
    assert again == {"国家中小企业公共服务示范平台"}


def test_an_official_title_is_named_with_and_issued_by_the_bodies_before_it():
    # 1957 work report: two issuers joined by 和 head one decision
    text = ("全国农业发展纲要修正草案的公布，中共中央和国务院关于兴修农田水利和积肥运动的决定的发布，"
            "进一步地鼓舞了农民群众的生产积极性。")
    assert _facts(text, Predicate.ISSUED_BY) == {
        ("中共中央和国务院关于兴修农田水利和积肥运动的决定", "中国共产党中央委员会"),
        ("中共中央和国务院关于兴修农田水利和积肥运动的决定", "国务院")}


def test_a_notice_issues_the_plans_it_names():
    # written for the test, in the form of a provincial notice's title line; the plans are named
    # nowhere else and still become the document's programmes
    text = ("江苏省人民政府办公厅 江苏省财政厅关于印发江苏省制造业数字化转型若干政策和"
            "江苏省工业互联网行动计划（2024-2026年）的通知\n各设区市人民政府：现印发给你们。")
    issued = _facts(text, Predicate.ISSUED_BY)
    notice = ("江苏省人民政府办公厅 江苏省财政厅关于印发江苏省制造业数字化转型若干政策和"
              "江苏省工业互联网行动计划（2024-2026年）的通知")
    assert issued == {(doc, body) for doc in (notice, "江苏省制造业数字化转型若干政策",
                                              "江苏省工业互联网行动计划（2024-2026年）")
                      for body in ("江苏省人民政府办公厅", "江苏省财政厅")}


def test_a_quoted_title_names_its_issuers_inside_it():
    # written for the test
    text = ("鄂尔多斯市人民政府办公室印发通知。按照《鄂尔多斯市人民政府办公室关于印发鄂尔多斯市智慧城市建设"
            "行动方案（2022—2024年）的通知》要求推进。")
    issued = _facts(text, Predicate.ISSUED_BY)
    assert ("鄂尔多斯市人民政府办公室关于印发鄂尔多斯市智慧城市建设行动方案（2022—2024年）的通知",
            "鄂尔多斯市人民政府办公室") in issued
    assert ("鄂尔多斯市智慧城市建设行动方案（2022—2024年）", "鄂尔多斯市人民政府办公室") in issued


def test_a_quoted_joint_title_names_each_issuer_inside_it():
    # written for the test, in the form of a ministry's notice citing a joint one: the general
    # offices inside the quoted title, apart by spaces or run together
    for sep in (" ", ""):
        text = (f"关于公布名单的通知\n根据《工业和信息化部办公厅{sep}国家发展改革委办公厅{sep}财政部办公厅关于开展"
                "2026年度数字化转型试点工作的通知》，现予以公布。")
        issued = {body for _doc, body in _facts(text, Predicate.ISSUED_BY)}
        assert issued == {"工业和信息化部办公厅", "国家发展和改革委员会办公厅", "财政部办公厅"}, sep


def test_about_is_no_title_without_a_document_kind():
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n关于这个问题，大家的意见并不一致。\n"))
    assert not any(m.label.value == "Programme" for m in r.mentions)


def test_analysts_hold_posts_in_their_firm():
    # written for the test, in the form of finance news
    posts = _posts("华泰证券首席经济学家、研究院院长张明对记者表示，政策将加力。"
                   "中信证券分析师李华认为，市场将企稳。")
    assert posts == {("张明", "首席经济学家", "华泰证券"), ("李华", "分析师", "中信证券")}


def test_an_analysts_coverage_and_an_assistant_head_are_parts_of_the_title():
    # written for the test, in the form of finance news: the sector an analyst covers stands
    # between the firm and the title, and 所长助理 is one post, not 所长
    posts = _posts("广发证券电力设备行业首席分析师周明对记者表示，装机仍将增长。"
                   "东方证券研究所所长助理孙立认为，出口有韧性。")
    assert posts == {("周明", "电力设备行业首席分析师", "广发证券"),
                     ("孙立", "所长助理", "东方证券研究所")}
    # a firm no table knows keeps its name without the coverage after it
    assert _posts("长江期货金融业首席分析师钱明认为，利率将下行。") == {
        ("钱明", "金融业首席分析师", "长江期货")}


def test_names_listed_after_a_title_share_its_post():
    # written for the test, in the form of a press conference's opening: two deputies after
    # one title, a chief officer's title, and a family name missing from the table before
    posts = _posts("水利部部长李国英，副部长刘伟平、陈敏，总规划师吴文庆介绍情况。"
                   "国务院新闻办公室新闻局副局长、新闻发言人寿建华主持发布会。")
    assert posts >= {("刘伟平", "副部长", "水利部"), ("陈敏", "副部长", "水利部"),
                     ("吴文庆", "总规划师", "水利部"), ("寿建华", "副局长", "国务院新闻办公室新闻局")}


def test_later_speakers_after_a_first_speakers_unit_are_the_same_agencys():
    # written for the test, in the form of a bureau's press conference: the first speaker's
    # title follows a unit, and so do the later ones'
    posts = _posts("国家能源局发展规划司副司长王伟、电力司副司长李强出席发布会。")
    assert posts == {("王伟", "副司长", "国家能源局发展规划司"), ("李强", "副司长", "国家能源局电力司")}


def _posts(text: str) -> set[tuple[str, str, str]]:
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n" + text))
    return {(names(r, p.person), p.title, names(r, p.organization)) for p in r.posts}


def test_a_company_is_no_unit_of_the_company_its_name_begins_with():
    # written for the test: 中国石化 (中国石油化工集团) begins with 中国石油, CNPC's short form
    text = "国家发展改革委要求中石油、中石化、中海油做好冬季保供。"
    assert not _facts(text, Predicate.PART_OF)
    # a branch is a unit of its company
    branch = _facts("中国石油天然气股份有限公司兰州石化分公司开展检修。", Predicate.PART_OF)
    assert {s for s, _o in branch} == {"中国石油天然气股份有限公司兰州石化分公司"}


def test_bodies_the_table_lists_in_their_own_right_are_no_units():
    # written for the test; the 1958 report (北大西洋公约组织 begins with 北大, 北京大学's short form)
    assert not _facts("国务院办公厅印发通知。国务院新闻办公室举行发布会。", Predicate.PART_OF)
    assert not _facts("北大西洋公约集团、巴格达条约集团、东南亚条约集团", Predicate.PART_OF)
    # a unit written after its body still is one
    assert ("工业和信息化部节能与综合利用司", "工业和信息化部") in _facts(
        "工业和信息化部节能与综合利用司负责人介绍了情况。", Predicate.PART_OF)


def test_the_bodies_a_body_comprises_are_its_parts():
    # written for the test: a list right after 包括 or 下设; customers a firm names are no parts
    parts = _facts("苏州市公共数据平台包括：苏州市数据共享平台、苏州市数据开放平台两大子平台。",
                   Predicate.PART_OF)
    assert {("苏州市数据共享平台", "苏州市公共数据平台"), ("苏州市数据开放平台", "苏州市公共数据平台")} <= parts
    assert not _facts("公司主要客户包括华为、中兴、小米等。", Predicate.PART_OF)


def test_components_belong_only_to_a_plan_the_article_is_about():
    # written for the test, in the manner of a work report: plans named alike, none the topic
    text = ("实施“十四五”规划和乡村建设行动，推进“三北”工程。"
            "开展龙头企业保链稳链工程。落实“十四五”规划，深化乡村建设行动。")
    assert not _facts(text, Predicate.PART_OF)
    # an article about one plan: its projects are its parts
    plan = ("《智能制造发展规划》提出，实施智能制造技术攻关行动。《智能制造发展规划》要求，"
            "开展智能制造示范工厂建设行动。《智能制造发展规划》明确了目标。")
    assert ("智能制造技术攻关行动", "智能制造发展规划") in _facts(plan, Predicate.PART_OF)


def test_a_field_or_rank_between_body_and_title_and_heads_of_units():
    # written for the test, in the form of news and press conferences
    posts = _posts("南京大学经济学教授王明分析指出，消费将回暖。"
                   "江苏省软件行业协会执行会长张华说，产业链更完整。"
                   "工业和信息化部节能与综合利用司负责人李强说，生产将平稳。"
                   "该局负责人表示，将加快推进。")
    assert posts == {("王明", "经济学教授", "南京大学"), ("张华", "执行会长", "江苏省软件行业协会"),
                     ("李强", "负责人", "工业和信息化部节能与综合利用司")}


def test_issuers_of_letters_guides_and_drafts():
    # written for the test: a letter an authority issued, a dated guide, a draft for comments
    issued = _facts("苏州市公安局出具的《关于某某公司涉嫌违法排污的告知函》已送达。"
                    "中国科学院公布了2025年度院士增选指南。"
                    "国家网信办就网络数据安全管理办法公开征求意见。", Predicate.ISSUED_BY)
    assert issued == {("关于某某公司涉嫌违法排污的告知函", "苏州市公安局"),
                      ("2025年度院士增选指南", "中国科学院"),
                      ("网络数据安全管理办法", "国家互联网信息办公室")}


def test_the_receiver_of_a_document_is_not_its_issuer():
    # written for the test: who receives a letter (收到, 向…下发) did not issue it
    issued = _facts("某某能源公司于10月11日收到苏州市公安局出具的《关于某某公司涉嫌违法排污的告知函》。"
                    "苏州市生态环境局向某某能源公司下发《关于限期整改环境问题的告知函》。",
                    Predicate.ISSUED_BY)
    assert issued == {("关于某某公司涉嫌违法排污的告知函", "苏州市公安局"),
                      ("关于限期整改环境问题的告知函", "苏州市生态环境局")}


def test_a_company_named_in_full_is_named_again_by_its_short_name():
    # written for the test: a registered name (also inside a title) and its later short name;
    # a branch by its own name, with the city at its head no place of its own
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", (
        "新闻\n公司收到《关于对江西鑫源能源有限公司涉嫌违规排污的告知函》，鑫源能源全面停止了生产。"
        "中国石油天然气股份有限公司兰州石化分公司建成投产。今年兰州石化全力推进减油增化。\n")))
    named = {(m.text, r.entities[entity_key(m)].name, m.label.value) for m in r.mentions}
    assert {("鑫源能源", "江西鑫源能源有限公司", "Company"),
            ("兰州石化", "中国石油天然气股份有限公司兰州石化分公司", "Company")} <= named
    assert not any(m.text == "兰州" for m in r.mentions)


def test_a_firm_an_owned_unit_is_written_after_is_named_too():
    # written for the test (the table knows 比亚迪股份有限公司 and its short name 比亚迪)
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n加快建设比亚迪坪山研发中心等项目。\n"))
    assert ("比亚迪", "比亚迪股份有限公司") in {(m.text, r.entities[entity_key(m)].name)
                                       for m in r.mentions}
    assert ("比亚迪坪山研发中心", "比亚迪股份有限公司") in pairs(r, Predicate.PART_OF)


def test_a_company_named_by_its_short_form_is_located_only_where_the_text_says():
    # written for the test: the table knows 智谱's registered name (北京…), the text does not say it
    assert not _facts("智谱AI位居市场第三。", Predicate.LOCATED_IN)
    assert _facts("北京智谱华章科技有限公司发布新模型。", Predicate.LOCATED_IN) == {
        ("北京智谱华章科技有限公司", "北京市")}


def test_the_research_body_a_unit_is_written_after_is_named_too():
    # written for the test: the host of a unit is a mention of its own, and the unit its part
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n商务部研究院国际服务贸易研究所副所长王明说，"
                                                "南京大学新闻传播学院教授李华表示。\n"))
    named = {(m.text, m.label.value) for m in r.mentions}
    assert {("商务部研究院", "ResearchOrganization"), ("南京大学", "ResearchOrganization")} <= named
    assert {("商务部研究院国际服务贸易研究所", "商务部研究院"), ("南京大学新闻传播学院", "南京大学")} \
        <= pairs(r, Predicate.PART_OF)
    # a university alone names no host inside it
    assert not any(m.extractor == "relation.organisation_parts" for m in extract_document(
        Document("d", "d.txt", "新闻\n中国社会科学院大学举行开学典礼。\n")).mentions)


def test_components_of_a_notice_belong_to_the_plan_it_issues_and_names_most():
    # written for the test: a notice issuing a policy and a plan; the actions are the plan's
    text = ("某省人民政府办公厅关于印发促进数字经济发展若干措施和某省数字经济创新发展行动计划的通知\n"
            "现将《促进数字经济发展若干措施》和《某省数字经济创新发展行动计划》印发给你们。\n"
            "《某省数字经济创新发展行动计划》提出，实施算力设施强基行动，开展数据要素赋能行动。\n"
            "《某省数字经济创新发展行动计划》明确了目标。\n")
    from kg.pipeline import extract_document
    from kg.types import Document
    parts = pairs(extract_document(Document("d", "d.txt", text)), Predicate.PART_OF)
    assert {("算力设施强基行动", "某省数字经济创新发展行动计划"),
            ("数据要素赋能行动", "某省数字经济创新发展行动计划")} <= parts


def test_a_component_under_an_actions_heading_is_part_of_that_action():
    # written for the test: a plan's numbered actions, each with its project in a box
    text = ("某省制造业数字化转型行动计划\n"
            "为落实《某省制造业数字化转型行动计划》，制定本计划。\n"
            "二、行动步骤\n"
            "（一）算力设施强基行动。\n"
            "1．推进城市算力中心建设。\n"
            "专栏1  算力网络互联互通工程\n"
            "（二）数据要素赋能行动。\n"
            "专栏2  公共数据开放共享工程\n"
            "三、保障措施\n"
            "实施数字化转型人才培养工程。\n")
    from kg.pipeline import extract_document
    from kg.types import Document
    parts = pairs(extract_document(Document("d", "d.txt", text)), Predicate.PART_OF)
    plan = "某省制造业数字化转型行动计划"
    assert {("算力设施强基行动", plan), ("数据要素赋能行动", plan),
            ("算力网络互联互通工程", "算力设施强基行动"),
            ("公共数据开放共享工程", "数据要素赋能行动"),
            ("数字化转型人才培养工程", plan)} <= parts
    assert ("算力网络互联互通工程", plan) not in parts


def test_national_titles_stand_for_their_body():
    # the work reports (1995, 1988, 2023): no body is written after or before these titles
    assert _posts("中共中央总书记、国家主席江泽民同志最近就推进祖国和平统一进程提出八项主张。"
                  "国务委员宋平将对此作专门说明。根本在于习近平总书记领航掌舵。") == {
        ("江泽民", "总书记", "中国共产党中央委员会"), ("江泽民", "国家主席", "中国"),
        ("宋平", "国务委员", "国务院"), ("习近平", "总书记", "中国共产党中央委员会")}


def test_a_reply_names_who_sent_the_request_it_answers():
    # written for the test, in the form of the State Council's replies (批复): the request the
    # reply acknowledges (你们《…的请示》收悉) was sent by the bodies it addresses
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("国务院关于同意设立江南综合保税区的批复\n国函〔2026〕12号\n江苏省人民政府、商务部：\n"
            "你们《关于设立江南综合保税区的请示》收悉。现批复如下：\n一、同意设立江南综合保税区。\n")
    result = extract_document(Document("reply", "reply.txt", text))
    assert {o for s, o in pairs(result, Predicate.ISSUED_BY)
            if s == "关于设立江南综合保税区的请示"} == {"江苏省人民政府", "商务部"}


def test_who_issues_a_notice_leads_what_the_next_clause_launches():
    # written for the test: the subject of 印发通知 carries over the comma to 开展; a clause of
    # its own with no programme (开展调研) leads nothing
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("通知\n近日，科学技术部等部门印发通知，将在20个城市开展科技金融服务创新试点工作。"
            "财政部印发通知，明确了补贴标准，开展调研。\n")
    result = extract_document(Document("notice", "notice.txt", text))
    assert pairs(result, Predicate.LEADS) == {("科学技术部", "科技金融服务创新试点")}


def test_a_firm_named_after_a_county_the_article_names_is_there():
    # written for the test: 霞浦 is a short name (and a common word elsewhere), pinned by 霞浦县
    from kg.pipeline import extract_document
    from kg.types import Document
    text = "新闻\n同年，在霞浦县，霞浦时代新能源材料有限公司竣工投产。\n"
    result = extract_document(Document("news", "news.txt", text))
    assert ("霞浦时代新能源材料有限公司", "霞浦县") in pairs(result, Predicate.LOCATED_IN)
    text = "新闻\n霞浦时代新能源材料有限公司竣工投产。\n"
    result = extract_document(Document("news", "news.txt", text))
    assert not pairs(result, Predicate.LOCATED_IN)


def test_a_national_lab_is_named_without_its_host_and_is_its_unit():
    # written for the test: a national key lab's official name leaves out its 依托单位
    from kg.pipeline import extract_document
    from kg.types import Document
    r = extract_document(Document("d", "d.txt", "新闻\n浙江大学硅材料国家重点实验室主任介绍了进展。"
                                  "复旦大学专用集成电路与系统国家重点实验室也参加。"))
    assert pairs(r, Predicate.PART_OF) >= {("硅材料国家重点实验室", "浙江大学"),
                                           ("专用集成电路与系统国家重点实验室", "复旦大学")}
    assert {m.text for m in r.mentions} >= {"浙江大学", "复旦大学"}  # the host is named there too
    # a campus is where its university is: it names the university only inside its own name
    campus = extract_document(Document("d", "d.txt", "新闻\n加快建设同济大学临港校区。"))
    assert pairs(campus, Predicate.PART_OF) == {("同济大学临港校区", "同济大学")}
    assert [m.text for m in campus.mentions if m.label.is_organization] == ["同济大学临港校区"]


def test_a_speakers_posts_in_a_ministry_and_its_units():
    # written for the test, in the form of press conferences: a unit heading the next title is
    # the same ministry's (also when jieba glues 局 to 局长), and 委 names the commission again
    assert _posts("商务部新闻发言人、对外贸易司司长王强介绍情况。") == {
        ("王强", "新闻发言人", "商务部"), ("王强", "司长", "商务部对外贸易司")}
    assert _posts("工业和信息化部中小企业局副局长赵明表示。") == {
        ("赵明", "副局长", "工业和信息化部中小企业局")}
    assert _posts("国家发展改革委政策研究室副主任、委新闻发言人孙伟表示。") == {
        ("孙伟", "副主任", "国家发展和改革委员会政策研究室"),
        ("孙伟", "新闻发言人", "国家发展和改革委员会")}


def test_a_later_speakers_unit_is_the_same_agencys():
    # written for the test, in the form of press conferences: a unit that heads a later
    # speaker's title is a unit of the agency whose speakers are listed, until another agency
    # is named; a city's bureau is none of its units
    assert _posts("工业和信息化部新闻发言人、总工程师赵志国，消费品工业司司长何亚琼介绍情况。") >= {
        ("何亚琼", "司长", "工业和信息化部消费品工业司")}
    assert _posts("国家发展改革委副主任赵辰昕，产业发展司司长霍福鹏，财政部经济建设司副司长李明出席。") >= {
        ("霍福鹏", "司长", "国家发展和改革委员会产业发展司"), ("李明", "副司长", "财政部经济建设司")}
    assert not any(org.endswith("公安局") and org.startswith("公安部")
                   for _p, _t, org in _posts("公安部新闻发言人张明表示，市公安局局长李华介绍。"))


def test_who_leads_a_numbered_task_leads_the_programme_it_names():
    # written for the test, in the form of a State Council opinion: the lead body of a task
    # leads the programme its heading names, not the opinion; the next task names none
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("国务院办公厅关于推动农村电商发展的实施意见\n二、重点任务\n（一）实施“数商兴农”工程。"
            "由商务部牵头组织实施。\n（二）完善县域物流体系。由交通运输部牵头。\n")
    r = extract_document(Document("d", "d.txt", text))
    leads = pairs(r, Predicate.LEADS)
    assert ("商务部", "“数商兴农”工程") in leads
    assert ("交通运输部", "“数商兴农”工程") not in leads
    assert ("交通运输部", "国务院办公厅关于推动农村电商发展的实施意见") in leads


def test_who_hosts_a_numbered_task_hosts_the_event_it_names():
    # written for the test, in the form of a provincial action plan: the host and the
    # co-organiser of a task are the event's its heading names, not the plan's
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("江西省数字经济发展三年行动方案\n三、重点任务\n（四）办好世界数字经济大会。每年举办一届，"
            "由省人民政府主办，南昌市人民政府承办。\n")
    r = extract_document(Document("d", "d.txt", text))
    assert pairs(r, Predicate.ORGANIZED_BY) == {("世界数字经济大会", "江西省人民政府")}
    assert pairs(r, Predicate.PARTICIPATES_IN) == {("南昌市人民政府", "世界数字经济大会")}


def test_the_body_listed_first_in_a_tasks_closing_bracket_leads_it():
    # written for the test, in the form of a State Council opinion: official documents list the
    # lead body first; beside a 牵头 the bodies 负责 take part
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("国务院办公厅关于发展银发经济的意见\n三、重点任务\n（一）实施智慧养老产业发展行动。培育产业集群。"
            "（工业和信息化部、民政部负责）\n（二）扩大老年助餐服务。（民政部牵头，财政部、商务部按职责分工负责）\n")
    r = extract_document(Document("d", "d.txt", text))
    opinion = "国务院办公厅关于发展银发经济的意见"
    assert pairs(r, Predicate.LEADS) == {("工业和信息化部", "智慧养老产业发展行动"), ("民政部", opinion)}
    assert pairs(r, Predicate.PARTICIPATES_IN) == {
        ("民政部", "智慧养老产业发展行动"), ("财政部", opinion), ("商务部", opinion)}


def test_a_zones_two_committees_in_one_chain_of_posts():
    # written for the test (regional news): 管委会 after the zone's 党工委 is the same zone's
    assert _posts("两江新区党工委副书记、管委会主任段成刚表示，将加快建设。") == {
        ("段成刚", "副书记", "两江新区党工委"), ("段成刚", "主任", "两江新区管委会")}


def test_a_bare_title_after_the_one_body_a_sentence_names_is_its():
    # written for the test (a ministry's press conference): the ministry that holds it is the
    # spokesman's; with two bodies named, nobody's
    assert _posts("商务部召开例行新闻发布会，新闻发言人何亚东介绍近期商务工作有关情况。") == {
        ("何亚东", "新闻发言人", "商务部")}
    assert _posts("商务部与工业和信息化部召开联合发布会，新闻发言人何亚东介绍情况。") == set()


def test_a_chain_of_posts_in_one_body_and_in_two():
    # written for the test: two titles after one body are both of it, and a chain may name a
    # second body before its title (a city's standing committee member who heads a zone)
    assert _posts("工业和信息化部新闻发言人、总工程师赵志国介绍情况。") == {
        ("赵志国", "新闻发言人", "工业和信息化部"), ("赵志国", "总工程师", "工业和信息化部")}
    assert _posts("苏州市委常委、苏州工业园区党工委书记沈觅表示。") == {
        ("沈觅", "常委", "中国共产党苏州市委员会"), ("沈觅", "书记", "苏州工业园区党工委")}
    # the 1995 work report's form: a national title keeps the body it stands for
    assert ("江泽民", "国家主席", "中国") in _posts("中共中央总书记、国家主席江泽民同志指出。")


def test_who_is_entrusted_to_run_a_notices_campaign_leads_it():
    # written for the test: a notice that launches a campaign is about the campaign, and the
    # body entrusted to run "this campaign" leads it
    from kg.pipeline import extract_document
    from kg.types import Document
    text = ("商务部办公厅关于开展家电以旧换新活动的通知\n各省商务主管部门：\n为促进消费，商务部决定开展"
            "家电以旧换新活动。本次活动委托中国家用电器协会组织实施，请各地做好配合。\n")
    r = extract_document(Document("d", "d.txt", text))
    assert ("中国家用电器协会", "家电以旧换新活动") in pairs(r, Predicate.LEADS)
