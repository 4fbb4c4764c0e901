"""People by their titles, member lists, foreign names."""
from __future__ import annotations

import pytest

from helpers import chosen, run


@pytest.mark.parametrize("text, expected", [
    ("大国创新的关键之举——科技部部长王志刚为科技政策扎实落地“划重点”", ["王志刚"]),
    ("专家咨询委员会主任潘云鹤院士、副主任孙优贤院士", ["潘云鹤", "孙优贤", "潘云鹤", "孙优贤"]),
    ("巴符州经济部长霍夫迈斯特一克劳特分别视频致辞", ["霍夫迈斯特-克劳特"]),
    # the 1959 report: after a title, a word that begins a verb is no name (连续|发表)
    ("我们伟大的友好邻邦印度尼赫鲁总理连续发表了不干涉中国内政和继续巩固中印友好的谈话", []),
    ("镇江市工信局主要负责人介绍", []),
    ("国务院总理和其他领导人出席", []),       # 和 is a family name, 和其他 no person
    ("主席宣布的名单", []),
    ("副召集人：陈宝生　　教育部部长", ["陈宝生"]),
    ("汤　涛　　人力资源社会保障部副部长", ["汤涛"]),
    # titles of business, research and the press introduce people too
    ("远航传媒市场经理张波表示", ["张波"]),
    ("新华社香港1月25日电（记者陈思武）", ["陈思武"]),
    ("中国农业信息网高级研究员焦明远介绍，", ["焦明远"]),
    ("我们特别邀请音乐总监许文博先生为观众讲解", ["许文博", "许文博"]),
    # a title is a word of its own: 处长 across 办事处|长丰村 introduces nobody
    ("3户落户在桃源街道办事处桃源村。", []),
    # people who speak open their clause; an interview's speaker opens the sentence
    ("目前企业最常用的维权方式是仲裁。钱卫东分析说，这也不够", ["钱卫东"]),
    ("据张连志介绍，瓷房子的灵感来自古瓷碎片", ["张连志"]),
    ("冯建国：我们看企业如果有好的产品", ["冯建国"]),
    # written for the test: a given name may end in 和 when nothing follows it to be joined
    ("中国科学院院士张信和表示，储能是重要方向", ["张信和"]),
    ("院士王明和李华出席", ["王明"]),
    ("原煤：全部建成后增加的发电能力", []),
    ("原作品：《半条命》", []),
    ("万科称，销售回暖。", []),  # a company the dictionary knows, not a speaker
    # another country's leader may have a two-character name; a bare title needs three
    ("美国总统拜登、俄罗斯总统普京出席", ["拜登", "普京"]),
    ("总统府表示", []),
    ("苏州分公司总经理王强作交流发言", ["王强"]),  # 作 is the verb after the name
    ("联系人：张伟 010-68205245", ["张伟"]),
    ("中国科学院院士、清华大学教授薛其坤出席", ["薛其坤"]),  # 其 in a given name
    # a Tibetan name after a title, a work report's byline (written for the test)
    ("自治区主席 次旺多吉", ["次旺多吉"]),
    # a research team named after who leads it; teams of a kind are no one's (written for the
    # test)
    ("该校郑秋岚团队与合作者完成研究", ["郑秋岚"]),
    ("公司管理团队调整，高校团队参与，科研团队攻关", []),
    # ... and after the several who lead it, one of them with a place's name as given name
    ("该校郑秋岚、陆朝阳等组成的研究团队取得突破", ["陆朝阳", "郑秋岚"]),
    ("高校、院所等组成的联合团队", []),
])
def test_people(text, expected):
    assert [m.canonical for m in run("pattern.person", text)] == expected


def test_a_person_wins_over_a_place_inside_the_name():
    assert ("Person", "顾海东", "顾海东") in chosen("副市长顾海东出席开幕式")
    assert not any(label == "City" for label, _n, _c in chosen("该校郑秋岚、陆朝阳等组成的研究团队取得突破"))
    assert not any(label == "City" for label, _n, _c in chosen("副市长顾海东出席开幕式"))


def test_a_name_ends_where_a_verb_of_speech_begins():
    # written for the test: 李华|认为, 李强|调研 is not 李强调
    assert [m.name for m in run("pattern.person", "中信证券分析师李华认为，市场将企稳。")] == ["李华"]


@pytest.mark.parametrize("text, expected", [
    # written for the test: words that count or qualify people before an honorific name none
    ("两院今年分别增选出61位和68位新院士", []),
    ("不少院士认为评选应当从严", []),
    # the 1979 report: a name before an honorific is one
    ("贯彻执行毛泽东同志、周恩来同志为我们奠定的方针", ["毛泽东", "周恩来"]),
])
def test_counted_or_qualified_people_before_an_honorific(text, expected):
    assert [m.canonical for m in run("pattern.person", text)] == expected


@pytest.mark.parametrize("text, expected", [
    # written for the test: a transliterated name with its parts joined by · before an
    # honorific, its parts transliteration characters or words of their own
    ("向让·皮埃尔·拉法兰先生颁发中国政府友谊奖", ["让·皮埃尔·拉法兰"]),
    ("欢迎玛丽·居里教授", ["玛丽·居里"]),
    # a verb after a title is no name (教授|来访); a name that is also a word still is one
    ("欢迎玛丽·居里教授来访", ["玛丽·居里"]),
    ("北京大学教授张扬表示", ["张扬"]),
])
def test_dotted_foreign_names_before_an_honorific(text, expected):
    assert [m.canonical for m in run("pattern.person", text)] == expected
