"""Targets and statistics on real sentences of the State Council's work reports (and sentences
written for the test): what is set, what is reported, which year each is of, and what is neither."""
from __future__ import annotations

import pytest

from kg.extractors.numbers import chinese_number, find_numbers
from kg.extractors.timeframe import time_marks
from kg.measures import measure_of
from kg.pipeline import extract_document
from kg.types import Document


def report(text: str, year: int | None, title: str = "政府工作报告"):
    return extract_document(Document("r", "r.txt", f"{title}\n{text}\n", None, title, year))


def targets(r) -> list[tuple]:
    return [(t.value, t.value_max, t.unit, t.comparator, t.year) for t in r.targets]


def statistics(r) -> list[tuple]:
    return [(s.value, s.unit, s.year) for s in r.statistics]


@pytest.mark.parametrize("text, expected", [
    ("建成500个以上", [("500", None, "个", ">=")]),
    ("分别超过70%和50%", [("70", None, "%", ">"), ("50", None, "%", "=")]),
    ("超万家", [("1", None, "万家", ">")]),
    ("净利润8.5亿元至10亿元", [("8.5", "10", "亿元", "range")]),
    ("国内生产总值增长6%－6.5%", [("6", "6.5", "%", "range")]),
    ("比上年增长百分之十三点四", [("13.4", None, "%", "=")]),
    ("报收每股6.47元", [("6.47", None, "元/股", "=")]),
    ("全员劳动生产率16.8万元/人左右", [("16.8", None, "万元/人", "~")]),
    ("逾八成盈利", [("80", None, "%", ">")]),
    ("两千多家", [("2000", None, "家", ">")]),
    ("占总课时一半以上", [("50", None, "%", ">=")]),
    ("超千亿元", [("1000", None, "亿元", ">")]),
    ("冲击4000亿产值", [("4000", None, "亿元", "=")]),
    # a magnitude and the unit it multiplies are one unit (the 2005, 1988, 1955 reports), and
    # a currency's name after a unit is no second unit (a press conference, written for the test)
    ("进出口贸易总额1.15万亿美元", [("1.15", None, "万亿美元", "=")]),
    ("城市新建职工住宅8.5亿平方米", [("8.5", None, "亿平方米", "=")]),
    ("铁路货物周转量将达到1210亿吨公里", [("1210", None, "亿吨公里", "=")]),
    ("实际使用外资金额2150.9亿元人民币", [("2150.9", None, "亿元", "=")]),
    # no quantity: a year, a count of a plan's parts in words, a magnitude naming a class
    ("到2025年", []), ("三个方面", []), ("亿元以上项目", []), ("一成不变", []),
])
def test_numbers_as_written(text, expected):
    assert [(n.value, n.value_max, n.unit, n.comparator) for n in find_numbers(text)] == expected


def test_chinese_numbers():
    assert str(chinese_number("二十二万零四百六十六")) == "220466"
    assert str(chinese_number("十一点八")) == "11.8"
    assert chinese_number("二十x") is None


def test_time_marks_resolve_against_the_documents_year():
    marks = [(t.year, t.kind) for t in time_marks("到2025年，比上年增长，2015年以来，去年同期，“十四五”期间", 2022)]
    assert marks == [(2025, "deadline"), (2021, "base"), (2015, "since"), (2021, "base"),
                     (2025, "period")]
    # 截至 is a time reached, not a deadline
    assert [(t.year, t.kind) for t in time_marks("截至2021年末", 2022)] == [(2021, "at")]


def test_a_reports_goals_are_targets_for_its_year():
    # 2025年政府工作报告
    r = report("今年发展主要预期目标是：国内生产总值增长5%左右；城镇调查失业率5.5%左右，"
               "城镇新增就业1200万人以上；居民消费价格涨幅2%左右。", 2025)
    assert targets(r) == [("5", None, "%", "~", 2025), ("5.5", None, "%", "~", 2025),
                          ("1200", None, "万人", ">=", 2025), ("2", None, "%", "~", 2025)]
    assert r.targets[0].indicator == "国内生产总值增长" and r.targets[0].measure == "国内生产总值增长"
    assert r.targets[0].setter == "place:100000"  # a national report's goals are China's
    assert not r.statistics


def test_a_goal_list_announced_by_a_colon_reads_on():
    # 2012年政府工作报告: the list is a paragraph of its own after the announcement
    r = report("今年经济社会发展的主要预期目标是：\n\n国内生产总值增长7.5％；城镇新增就业900万人以上。", 2012)
    assert targets(r) == [("7.5", None, "%", "=", 2012), ("900", None, "万人", ">=", 2012)]


def test_a_reports_review_reports_the_year_before():
    # 2025年政府工作报告, part one
    r = report("一、2024年工作回顾\n主要表现在，经济规模稳步扩大，国内生产总值达到134.9万亿元、增长5%，"
               "增速居世界主要经济体前列。", 2025)
    assert statistics(r) == [("134.9", "万亿元", 2024), ("5", "%", 2024)]
    growth = r.statistics[1]
    assert growth.indicator == "国内生产总值增长" and growth.measure == "国内生产总值增长"
    assert not r.targets


def test_a_review_without_a_year_in_its_heading():
    # 2021年政府工作报告 (全年 and 好于预期 say nothing of the future) and 2004年政府工作报告
    r = report("一、2020年工作回顾\n经过艰苦努力，我们率先实现复工复产，经济恢复好于预期，"
               "全年国内生产总值增长2.3％，宏观调控积累了新的经验。", 2021)
    assert statistics(r) == [("2.3", "%", 2020)] and not r.targets
    r = report("一、一年来工作回顾\n国内生产总值比上年增长9.1%，达到11.67万亿元。", 2004)
    assert statistics(r) == [("9.1", "%", 2003), ("11.67", "万亿元", 2003)]
    assert r.statistics[0].indicator == "国内生产总值比上年增长"  # a change keeps its verb


def test_a_year_compared_with_is_no_time_of_the_indicator():
    # 1956年政府工作报告: the year after 比 is the base of the change; what grew is the grain
    # output named before it, also when the clause only has the change (…亿斤，比1955年增长8.4%)
    r = report("二、1956年的国家计划\n如果没有特大的灾荒，粮食产量将要达到3,989亿斤，比1955年增长8.4%。", 1956)
    grown = [s for s in r.targets + r.statistics if s.value == "8.4"]
    assert [s.indicator for s in grown] == ["粮食产量将要比1955年增长"]
    # written for the test: a plan's goal of growth over its base year
    r = report("力争到2027年，工业领域设备投资规模较2023年增长25%以上。", 2024, "推动设备更新实施方案")
    assert [(t.indicator, t.value, t.year) for t in r.targets] == [
        ("工业领域设备投资规模较2023年增长", "25", 2027)]


def test_an_amount_in_a_currency_named_after_its_unit_is_reported():
    # written for the test: 亿元人民币 ends the number at 亿元 (人 was read as a second unit, and
    # the number then cut the word 人民币 and was dropped)
    r = report("今年1-2月，全国实际使用外资金额2150.9亿元人民币，同比下降19.9%。", 2024, "新闻发布会")
    assert statistics(r) == [("2150.9", "亿元", 2024), ("19.9", "%", 2024)]
    # a bare 占比 is a share of what the clause before measured
    r = report("从行业看，高技术产业实际使用外资676.5亿元，占比31.5%。", 2024, "新闻发布会")
    assert [s.indicator for s in r.statistics] == ["高技术产业实际使用外资", "高技术产业实际使用外资占比"]


def test_a_change_of_each_reads_the_list_right_before_it():
    # written for the test (a finance wire): 分别 after a pair of figures changes each of them,
    # and 完成 ends an indicator like 达到
    r = report("1至5月，全国汽车产销分别完成1200万辆和1190万辆，同比分别增长8%和7%。", 2024, "行业数据")
    assert [s.indicator for s in r.statistics] == ["汽车产销"] * 2 + ["汽车产销同比分别增长"] * 2
    # the 2008 work report: the list is in the clause without numbers right before the change, so
    # the energy intensity measured two clauses earlier is not what fell by 3.14%
    r = report("一、2007年工作回顾\n2007年单位国内生产总值能耗比上年下降3.27%，化学需氧量、二氧化硫排放总量"
               "近年来首次出现双下降，比上年分别下降3.14％和4.66％。", 2008)
    assert [s.indicator for s in r.statistics if s.value in ("3.14", "4.66")] == ["比上年分别下降"] * 2


def test_will_is_no_part_of_an_indicator():
    # written for the test, in the form of a company's plan
    r = report("到2027年，该公司智能网联汽车年产能将达到60万辆。", 2025, "某公司发布年报")
    assert [(t.indicator, t.value, t.year) for t in r.targets] == [("智能网联汽车年产能", "60", 2027)]


def test_who_speaks_and_a_first_time_are_no_part_of_an_indicator():
    # written for the test, in the form of a minister's answer at a press conference
    r = report("去年，全国粮食总产量达到14000亿斤，首次突破1.4万亿斤。今年，我们将确保粮食播种面积稳定在"
               "17亿亩以上。", 2026, "新闻发布会")
    assert [s.indicator for s in r.statistics] == ["粮食总产量", "粮食总产量"]
    assert [t.indicator for t in r.targets] == ["粮食播种面积"]


def test_a_part_of_the_year_after_a_plan_is_what_it_brought():
    # written for the test, in the form of regional news of July: the year's plan is a goal of
    # the year; the half year's investment and the rate after it are reported
    r = report("两地共同实施重大项目300个，年度计划投资4600亿元，上半年完成投资2900亿元，投资完成率63%。",
               2026, "区域经济运行情况")
    assert targets(r) == [("4600", None, "亿元", "=", 2026)]
    assert [(s.value, s.year) for s in r.statistics] == [("300", 2026), ("2900", 2026), ("63", 2026)]
    # the cue's own clause may name a part of the year: what follows is still a goal
    r = report("会议要求，确保一季度实现开门红，全年地区生产总值增长6%。", 2026, "工作简报")
    assert targets(r) == [("6", None, "%", "=", 2026)]


def test_places_listed_before_each_own_their_numbers():
    # written for the test, in the form of a city's briefing: each place its figure; the
    # city's own words (全市, 我市) make it the owner of the rest, and a goal for a part of the
    # year is the year's
    text = ("我市召开会议。1-5月，全市规模以上工业增加值同比增长7.2%。晋江市、南安市、石狮市工业增加值增速"
            "分别为8.1%、7.6%和6.9%。会议要求，力争上半年全市规上工业增加值增长7%以上。")
    r = extract_document(Document("r", "r.txt", f"工作简报\n泉州市工业和信息化局 2026年6月20日\n{text}\n",
                                  None, "工作简报", 2026))
    owners = [(s.value, s.indicator, s.subject) for s in r.statistics]
    assert owners == [("7.2", "规模以上工业增加值同比增长", "place:350500"),
                      ("8.1", "工业增加值增速", "place:350582"),
                      ("7.6", "工业增加值增速", "place:350583"),
                      ("6.9", "工业增加值增速", "place:350581")]
    assert targets(r) == [("7", None, "%", ">=", 2026)]


def test_a_change_since_a_month_end_and_a_bare_rate_of_fall():
    # written for the test, in the form of a central bank's release
    r = report("截至10月末，我国外汇储备规模为32000亿美元，较9月末下降500亿美元，降幅为1.5%。"
               "社会融资规模增量累计为30万亿元，比上年同期多2万亿元。", 2026, "金融统计数据")
    assert [s.indicator for s in r.statistics] == [
        "外汇储备规模", "外汇储备规模较9月末下降", "外汇储备规模降幅",
        "社会融资规模增量累计", "社会融资规模增量累计比上年同期多"]
    # since the start of the year, and a bare rate of growth (a bank's loans, written for the test)
    r = report("截至9月末，工商银行制造业贷款余额5万亿元，较年初增加6000亿元，增速12%。", 2026, "金融新闻")
    assert [s.indicator for s in r.statistics] == [
        "制造业贷款余额", "制造业贷款余额较年初增加", "制造业贷款余额增速"]


def test_a_provinces_report_that_names_a_city_twice_is_the_provinces():
    # written for the test, in the form of a provincial work report: its figures are the
    # province's, not those of the city it names most
    text = ("一、2025年工作回顾\n过去一年，全省地区生产总值增长5.4%。赣州建设示范区，赣州加快发展。"
            "江西省坚持改革，我省扩大开放。\n")
    r = extract_document(Document("r", "r.txt", "政府工作报告\n" + text, None, "政府工作报告", 2026))
    assert [(s.value, s.subject) for s in r.statistics] == [("5.4", "place:360000")]


def test_how_many_applied_is_a_figure_not_a_condition():
    # written for the test, in the form of a ministry's press conference
    r = report("截至7月31日，汽车以旧换新补贴申请量突破300万份。", 2026, "新闻发布会")
    assert statistics(r) == [("300", "万份", 2026)]
    r = report("申请企业年产量在5000辆以上。", 2026, "申报指南")
    assert not r.statistics and not r.targets


def test_who_reports_the_figures_owns_none_of_them():
    # written for the test, in the form of a provincial daily: the outlet and the statistics
    # bureau report the province's figures; the title names the province and three cities; the
    # places listed in the clause before 分别 own its numbers
    text = ("南方日报讯（记者 陈晨）10月28日，广东省统计局发布数据显示，前三季度全省实现地区生产总值10万亿元。"
            "湛江、茂名增速较快，分别增长5.6%和5.2%。")
    r = extract_document(Document("r", "r.txt", "广东前三季度经济运行 深圳广州佛山领跑\n" + text,
                                  None, "广东前三季度经济运行 深圳广州佛山领跑", 2026))
    assert [(s.value, s.subject) for s in r.statistics] == [
        ("10", "place:440000"), ("5.6", "place:440800"), ("5.2", "place:440900")]
    # a ministry that says what it will do sets the goal
    r = report("工业和信息化部介绍，到2027年将培育100家领军企业。", 2026, "新闻发布会")
    assert [(t.value, t.setter) for t in r.targets] == [("100", "org:工业和信息化部")]


def test_what_a_plans_task_builds_is_a_goal_of_no_year():
    # written for the test, in the form of a State Council opinion: counts a task builds are
    # goals though no year is given, and what is counted follows the verb of building
    text = ("（二）实施智慧养老产业发展行动。培育10个以上智慧养老产业集群。"
            "在京津冀、长三角等区域布局10个左右高水平银发经济产业园区。有关部门按职责分工负责。")
    r = report(text, 2026, "国务院办公厅关于发展银发经济的意见")
    assert [(t.indicator, t.value, t.comparator, t.year) for t in r.targets] == [
        ("智慧养老产业集群", "10", ">=", None), ("布局高水平银发经济产业园区", "10", "~", None)]
    # a plain count in a plan is neither (第3条, 10个部门)
    assert not report("本办法共10条，由10个部门负责解释。", 2026, "管理办法").targets


def test_thousands_separators_of_older_reports():
    # the 1956 report: full-width digits and commas, a comma between thousands
    r = report("一、1955年工作回顾\n在１９５５年，国家财政对少数民族地区公路投资５，２５０多万元，"
               "教育支出８，４００多万元，卫生支出３，６９０多万元。", 1956)
    assert [(s.value, s.unit, s.indicator) for s in r.statistics] == [
        ("5250", "万元", "国家财政对少数民族地区公路投资"), ("8400", "万元", "教育支出"),
        ("3690", "万元", "卫生支出")]


def test_a_change_between_two_years_measures_the_topic_before_it():
    # the 2003 report: the clause before the change names what changed; the years of its
    # ends are no part of the indicator
    r = report("一、过去五年的回顾\n全国研究与试验开发经费，从1997年的509亿元增加到2002年的1161亿元，"
               "占国内生产总值的比重从0.64%提高到1.13%。", 2003)
    assert [(s.value, s.year, s.indicator) for s in r.statistics][:2] == [
        ("509", 1997, "研究与试验开发经费"), ("1161", 2002, "研究与试验开发经费")]


def test_a_plans_review_of_where_it_starts_reports():
    # written for the test, in the form of a provincial five-year plan without a date: its
    # 发展基础 reports the past period, whose end is no deadline there
    text = ("一、发展目标\n到“十五五”末，全省数字经济核心产业增加值占地区生产总值比重达到15%。\n"
            "二、发展基础\n“十四五”时期，全省数字经济核心产业增加值从2020年的7020亿元增加到2025年的"
            "1.1万亿元，年均增长9.5%。\n")
    r = report(text, None, "浙江省“十五五”数字经济发展规划")
    assert targets(r) == [("15", None, "%", "=", 2030)]
    assert [(s.value, s.year) for s in r.statistics] == [("7020", 2020), ("1.1", 2025), ("9.5", 2025)]


def test_the_company_a_title_names_is_the_company_its_text_speaks_of():
    # written for the test (a finance wire): 公司 in the text is the firm of the title
    r = report("公告显示，2025年公司实现营业收入3620亿元，同比增长0.8%。", 2026,
               "宁德时代拟投资120亿元建设匈牙利二期项目")
    assert {s.subject for s in r.statistics} == {"org:宁德时代新能源科技股份有限公司"}


def test_what_a_meeting_asks_for_is_a_goal_and_a_grant_is_neither():
    # written for the test, in the form of a city's briefing and of regional news on a policy
    r = report("会议要求，2026年全市实施智改数转项目1.2万个以上。", 2026, "信息速报")
    assert targets(r) == [("1.2", None, "万个", ">=", 2026)]
    r = report("近日，某市出台若干政策，对获评国家级平台的企业给予最高500万元奖励。", 2026, "地方动态")
    assert not r.targets and not r.statistics


def test_a_rank_within_a_scope_and_a_goal_within_the_year():
    # written for the test, in the form of a provincial briefing: 全国 is where the province
    # ranks, not whose the rank is; 年内 is the year's, 五年内 no year
    text = "1-7月，全省规模以上工业增加值同比增长7.3%，居全国第5位。力争年内新增规上工业企业1500家。"
    r = extract_document(Document("r", "r.txt", "江西省工业经济运行简报\n" + text, None, "江西省工业经济运行简报", 2026))
    assert [(s.value, s.subject) for s in r.statistics] == [("7.3", "place:360000"), ("5", "place:360000")]
    assert targets(r) == [("1500", None, "家", "=", 2026)]
    assert targets(report("力争五年内新建农场91个。", 2026, "某省规划")) == [("91", None, "个", "=", None)]


def test_a_place_right_before_its_number_owns_it_in_a_list():
    # written for the test (provincial news): each city its count; the city is no indicator
    text = "全省共1200家企业入选，其中苏州412家、南京186家、无锡165家。"
    r = extract_document(Document("r", "r.txt", "江苏企业入选名单\n" + text, None, "江苏企业入选名单", 2026))
    owned = [(s.value, s.subject) for s in r.statistics]
    assert owned == [("1200", "place:320000"), ("412", "place:320500"), ("186", "place:320100"),
                     ("165", "place:320200")]
    assert "苏州" not in {s.indicator for s in r.statistics}


def test_a_change_from_one_value_to_another_and_its_bare_rates():
    # written for the test, in the form of a city's work report: 从/由 and 到2030年 are no part of
    # an indicator, and a bare 年均增长 or 是五年前的 takes the subject before it
    text = ("一、过去五年工作回顾\n过去五年，全市地区生产总值从1.2万亿元增加到1.65万亿元，年均增长5.8%。"
            "高新技术企业数量达到8500家，是五年前的2.1倍。\n二、今后五年的目标任务\n"
            "地区生产总值年均增长5%左右，到2030年突破2万亿元。\n")
    r = report(text, 2026)
    assert [s.indicator for s in r.statistics] == [
        "地区生产总值", "地区生产总值", "地区生产总值年均增长", "高新技术企业数量",
        "高新技术企业数量是五年前的"]
    assert [t.indicator for t in r.targets] == ["地区生产总值年均增长", "地区生产总值"]


def test_a_goal_for_the_whole_year_is_the_years():
    # written for the test, in the form of a provincial briefing of June
    r = report("会议指出，下一步要力争全年规模以上工业增加值增长6%以上。", 2023, "工作简报")
    assert targets(r) == [("6", None, "%", ">=", 2023)]


def test_the_time_of_a_reading_is_no_part_of_its_indicator():
    # the 2002 work report (年末), and a finance wire written for the test (5月末, 前五个月)
    r = report("一、2001年工作回顾\n年末国家外汇储备2122亿美元。", 2002)
    assert [s.indicator for s in r.statistics] == ["国家外汇储备"]
    r = report("5月末，广义货币余额同比增长7%。前五个月人民币贷款增加11.14万亿元。", 2024, "央行发布数据")
    assert [s.indicator for s in r.statistics] == ["广义货币余额同比增长", "人民币贷款增加"]


def test_a_company_planning_for_this_year_sets_a_target():
    # written for the test (a finance wire): 计划今年 looks forward
    r = report("公司计划今年新增产能100GWh。", 2024, "某公司发布一季度报告")
    assert targets(r) == [("100", None, "GWh", "=", 2024)] and not r.statistics


def test_a_change_since_a_base_and_an_average_are_of_the_spans_end():
    # 2006年政府工作报告: the total change is 2005's figure over 2000—2005; the yearly average is
    # reported for the year it ends in, as a report gives it
    r = report("一、过去五年工作回顾\n2005年与2000年相比，国内生产总值增长57.3%，年均增长9.5%。", 2006)
    assert [(s.value, s.year, s.period) for s in r.statistics] == [
        ("57.3", 2005, "2000—2005年"), ("9.5", 2005, "年均")]


def test_goals_met_are_outcomes():
    # 2013年政府工作报告: 实现…主要目标 reports them
    r = report("一、过去五年工作回顾\n2012年，全面实现年初确定的主要目标，国内生产总值增长7.8%，"
               "城镇新增就业1266万人。", 2013)
    assert statistics(r) == [("7.8", "%", 2012), ("1266", "万人", 2012)] and not r.targets


def test_a_range_goal_and_full_width_digits():
    # 2019年政府工作报告; 1994年政府工作报告 (full-width digits, a percentage in words)
    r = report("今年经济社会发展的主要预期目标是：国内生产总值增长6%－6.5%。", 2019)
    assert targets(r) == [("6", "6.5", "%", "range", 2019)]
    r = report("一、１９９３年国内工作的回顾\n国内生产总值突破３万亿元大关，比上年增长百分之十三点四。", 1994)
    assert statistics(r) == [("3", "万亿元", 1993), ("13.4", "%", 1993)]
    assert r.statistics[0].comparator == ">"


def test_the_first_value_of_a_change_is_its_base_years():
    # the 2013 report: 从2007年底的8.4%提升到去年底的13.3%, 由6.1%下降到0.95%
    r = report("资本充足率从2007年底的8.4%提升到去年底的13.3%，不良贷款率由6.1%下降到0.95%。", 2013)
    assert [(s.value, s.year) for s in r.statistics] == [
        ("8.4", 2007), ("13.3", 2012), ("6.1", 2007), ("0.95", 2012)]


def test_a_change_since_an_earlier_month_is_reported():
    # written for the test: what is expected by the month's end is ahead; 较8月底 reports
    r = report("电厂存煤月底有望突破1.2亿吨，目前可用20天，较8月底增加6天。", 2021, "发布会")
    assert [t[0] for t in targets(r)] == ["1.2"]
    assert statistics(r) == [("20", "天", 2021), ("6", "天", 2021)]


def test_conditions_to_apply_are_neither_goals_nor_figures():
    # written for the test: a call for applications bounds who may apply; 1-8个月 is a stretch
    r = report("要求申报车型今年1-8个月合计产量在3000辆以上，单一企业申报车型不超过两款。", 2024, "消息")
    assert not r.statistics and not r.targets


def test_news_reports_figures_of_the_year_it_names():
    # written for the test
    r = report("据统计，2023年上半年，临海市规模以上工业增加值同比增长6.8%，"
               "比一季度提升1.2个百分点。今年将新建5G基站2000个。", 2023, "临海市上半年经济运行情况")
    assert statistics(r) == [("6.8", "%", 2023), ("1.2", "个百分点", 2023)]
    assert targets(r) == [("2000", None, "个", "=", 2023)]
    assert r.statistics[0].measure == "规模以上工业增加值增长"


def test_a_city_that_will_push_an_industry_sets_a_goal():
    # written for the test: 将推动 looks forward; 前10个月 is a stretch of the calendar
    r = report("今年前10个月，全市地区生产总值增长5.6%。\n市长表示，全市将推动电子信息产业规模"
               "突破1.5万亿元。", 2024, "经济新闻")
    assert statistics(r) == [("5.6", "%", 2024)]
    assert targets(r) == [("1.5", None, "万亿元", ">", None)]


def test_one_number_for_several_indicators_is_a_goal_each():
    # the 2006 report's form (能耗、水耗均下降20%), written for the test: 均 gives each indicator
    # listed before it the number
    r = report("到2030年，单位产值能耗、水耗均下降15%以上，小麦种植、收获机械化率均达到95%。",
               2026, "规划")
    assert sorted((t.indicator, t.value) for t in r.targets) == sorted([
        ("单位产值能耗下降", "15"), ("单位产值水耗下降", "15"),
        ("小麦收获机械化率", "95"), ("小麦种植机械化率", "95")])
    # each is a node of its own in the graph
    from rdflib import RDF
    from kg.graph import to_graph
    from kg.vocab import KGO
    assert len(set(to_graph([r]).subjects(RDF.type, KGO.Target))) == 4


def test_what_is_neither():
    # written for the test: counts of a policy's parts, a condition on what is counted, a name
    r = report("会议审议通过了12项支持民营经济发展的具体措施。到2025年，新开工投资超100亿元的项目20个。"
               "2024世界智能制造大会在南京开幕。", 2024, "会议新闻")
    assert not r.statistics
    assert targets(r) == [("20", None, "个", "=", 2025)]


def test_a_plan_sets_its_numbers_for_its_own_period():
    # a plan named with its period: its numbers without a year run to the period's end
    r = report("推动全省100家企业实施网络安全分类分级管理。", 2022,
               "某省数字经济创新发展行动计划（2022-2024年）")
    assert targets(r) == [("100", None, "家", "=", 2024)]
    # a notice's numbers are neither goals nor figures unless it says so
    r = report("申请人应在30个工作日内提交材料，补贴标准为每户500元。", 2021, "关于做好补贴发放工作的通知")
    assert not r.targets and not r.statistics


@pytest.mark.parametrize("indicator, measure", [
    ("国内生产总值比上年增长", "国内生产总值增长"), ("GDP同比增长", "国内生产总值增长"),
    ("经济增长预期目标", "国内生产总值增长"), ("全省地区生产总值增长", "国内生产总值增长"),
    ("居民消费价格涨幅", "居民消费价格上涨"), ("单位国内生产总值能耗降低", "单位国内生产总值能耗下降"),
    ("规上工业增加值增长", "规模以上工业增加值增长"), ("新能源汽车产量增长", "新能源汽车产量增长"),
])
def test_measures(indicator, measure):
    assert measure_of(indicator) == measure


def test_an_early_estimate_of_a_period_is_reported_not_set():
    # written for the test, in the form of a listed company's 业绩预告
    r = report("公司预计前三季度归属于母公司股东的净利润6.2亿元至7亿元，同比增长12%-26%。", 2022,
               title="公司发布业绩预告")
    assert targets(r) == []
    assert ("6.2", "亿元", 2022) in statistics(r)
    # a forecast of what is still ahead stays a target
    ahead = report("公司预计到2025年产能达到50万吨。", 2022, title="公司发布业绩预告")
    assert [(v, u, y) for v, _m, u, _c, y in targets(ahead)] == [("50", "万吨", 2025)]


def test_the_count_of_a_list_written_out_is_neither_a_total_is_reported():
    # the 1984 report: the fourteen cities are all listed; the 2007 report: 29 regulations,
    # two of them named, is a total
    r = report("同时，进一步开放大连、秦皇岛、天津、烟台、青岛、连云港、南通、上海、宁波、温州、福州、广州、"
               "湛江、北海等十四个沿海港口城市和海南岛。", 1984)
    assert not r.statistics and not r.targets
    r = report("过去一年，颁布了艾滋病防治条例、外资银行管理条例等29个行政法规。", 2007)
    assert statistics(r) == [("29", "个", 2006)]


def test_counts_of_measures_are_neither():
    # written for the test: measures counted however they are called
    r = report("会议推出15项稳定外贸外资的具体举措和32项扩大内需的硬招实招。"
               "“15项外贸举措的着力点，是稳订单拓市场。", 2022, "会议新闻")
    assert not r.statistics and not r.targets
