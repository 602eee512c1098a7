from datetime import date

import pytest

from lifecrm_gui.services import clients
from lifecrm_gui.services.search import ClientFilter, search, search_ids, warm_up

TODAY = date(2026, 6, 30)


@pytest.fixture(params=["sql", "index"])
def studio(db, request):
    """The same clients searched through SQL and through the index in memory."""
    people = {}
    for name, phone, extra in [
        ("张伟", "13800138000", {"tags": "VIP"}),
        ("单雨桐", "13912345678", {"wechat": "tongtong_88"}),
        ("曾小凡", "13700001234", {"email": "fan@example.com"}),
        ("解文", "13600002222", {}),
        ("区家明", "13500003333", {}),
        ("仇芳", "13400004444", {}),
        ("朴智妍", "13300005555", {}),
        ("欧阳娜娜", "13200006666", {}),
        ("张伟明", "13100007777", {}),
    ]:
        people[name] = clients.create_client({"name": name, "phone": phone, **extra}, as_of=TODAY)
    if request.param == "index":
        warm_up()
    return people


def names(query):
    return sorted(r["name"] for r in search(query))


@pytest.mark.parametrize("query, expected", [
    ("张", ["张伟", "张伟明"]),
    ("张伟", ["张伟", "张伟明"]),
    ("伟明", ["张伟明"]),
    ("zhangwei", ["张伟", "张伟明"]),
    ("ZW", ["张伟", "张伟明"]),
    ("zwm", ["张伟明"]),
    ("shanyutong", ["单雨桐"]),
    ("danyutong", ["单雨桐"]),  # a polyphonic character matches any of its readings
    ("syt", ["单雨桐"]),
    ("zengxiaofan", ["曾小凡"]),
    ("xiewen", ["解文"]),
    ("oujiaming", ["区家明"]),
    ("qiufang", ["仇芳"]),
    ("piaozhiyan", ["朴智妍"]),
    ("ouyangnana", ["欧阳娜娜"]),
    ("oynn", ["欧阳娜娜"]),
    ("1234", ["曾小凡", "单雨桐"]),
    ("5678", ["单雨桐"]),
    ("138 0013 8000", ["张伟"]),
    ("+86 138-0013-8000", ["张伟"]),
    ("tongtong", ["单雨桐"]),
    ("FAN@example", ["曾小凡"]),
    ("vip", ["张伟"]),
    ("nobody", []),
])
def test_search_finds_by_every_key(studio, query, expected):
    assert names(query) == sorted(expected)


def test_like_wildcards_are_plain_characters(studio):
    assert names("%") == [] and names("o_g") == [] and names("g_8") == ["单雨桐"]


def test_names_sort_by_pinyin_and_filters_combine(studio):
    ordered = [r["name"] for r in search("")]
    assert ordered == ["区家明", "欧阳娜娜", "朴智妍", "仇芳", "单雨桐", "解文", "曾小凡", "张伟", "张伟明"]
    assert search_ids(ClientFilter(query="zw", stages=("lead",))) == search_ids(ClientFilter(query="zw"))
    assert search_ids(ClientFilter(query="zw", stages=("new",))) == []
