"""People by their titles, member lists, foreign names."""
from __future__ import annotations

import pytest

from helpers import chosen, run


@pytest.mark.parametrize("text, expected", [
    ("大国创新的关键之举——科技部部长王志刚为科技政策扎实落地“划重点”", ["王志刚"]),
    ("专家咨询委员会主任潘云鹤院士、副主任孙优贤院士", ["潘云鹤", "孙优贤", "潘云鹤", "孙优贤"]),
    ("巴符州经济部长霍夫迈斯特一克劳特分别视频致辞", ["霍夫迈斯特-克劳特"]),
    ("镇江市工信局主要负责人介绍", []),
    ("国务院总理和其他领导人出席", []),       # 和 is a family name, 和其他 no person
    ("主席宣布的名单", []),
    ("副召集人：陈宝生　　教育部部长", ["陈宝生"]),
    ("汤　涛　　人力资源社会保障部副部长", ["汤涛"]),
])
def test_people(text, expected):
    assert [m.canonical for m in run("pattern.person", text)] == expected


def test_a_person_wins_over_a_place_inside_the_name():
    assert ("Person", "顾海东", "顾海东") in chosen("副市长顾海东出席开幕式")
    assert not any(label == "City" for label, _n, _c in chosen("副市长顾海东出席开幕式"))
