"""Merge fields: every field filled, and a missing value never shows as None or {field}."""

from datetime import date

import pytest

from lifecrm_gui.domain.playbooks import PLAYBOOKS
from lifecrm_gui.domain.templates import (
    FIELDS,
    MergeFacts,
    fields_used,
    merge_values,
    problems,
    render,
    sms_parts,
    token,
)

ON = date(2026, 6, 30)
FULL = MergeFacts(name="王丽", salutation="王女士", last_shoot_category="family", last_shoot_on=date(2025, 5, 12),
                  child_name="豆豆", child_birthday=date(2025, 7, 5), tier=4, offer="立减200元",
                  studio="拾光影像", holiday="中秋节")


def test_every_field_renders_with_a_recipients_values_in_chinese():
    text = render("{称呼},{孩子姓名}{孩子年龄}啦!{上次拍摄日期}的{上次拍摄}还记得吗?{星级}客户享{优惠}。——{工作室}",
                  merge_values(FULL, "zh", date(2026, 7, 5)), "zh")
    assert text == "王女士,豆豆1岁啦!2025年5月12日的全家福还记得吗?五星客户享立减200元。——拾光影像"


def test_english_keys_work_in_chinese_and_english_values_read_as_english():
    values = merge_values(FULL, "en", ON)
    assert render("{name}: your {last_shoot} on {last_shoot_date}, {tier} client, {child_age}", values, "en") == \
        "王丽: your family on 12 May 2025, 5-star client, 11 months old"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_with_nothing_known_no_field_shows_none_or_braces(lang):
    template = "".join(token(key, lang) for key in FIELDS)
    text = render(template, merge_values(MergeFacts(), lang, ON), lang)
    assert "None" not in text and "{" not in text and "}" not in text
    assert text == "".join((FIELDS[k].fallback_en if lang == "en" else FIELDS[k].fallback_zh) for k in FIELDS)


def test_each_missing_field_takes_its_own_fallback():
    values = merge_values(MergeFacts(name="李娜", tier=0), "zh", ON)
    assert render("{称呼}", values) == "李娜"  # no salutation: the name stands in
    assert render("{星级}", values) == "尊贵"  # 无星 is nothing to boast of
    assert render("{孩子姓名}{孩子年龄}啦", values) == "宝贝长大啦"
    assert render("还记得{上次拍摄日期}的{上次拍摄}吗", values) == "还记得之前的拍摄吗"
    assert render("{salutation}", merge_values(MergeFacts(), "en", ON), "en") == "there"


def test_blank_values_count_as_missing():
    values = merge_values(MergeFacts(name="  ", salutation="", offer="   "), "zh", ON)
    assert render("{称呼}|{优惠}", values) == "亲爱的客户|老客户专属礼遇"


def test_inline_words_replace_a_fallback_and_braces_can_be_written():
    values = merge_values(MergeFacts(name="李娜"), "zh", ON)
    assert render("{offer|九折优惠}", values) == "九折优惠"
    assert render("{name|朋友}", values) == "李娜"
    assert render("{{name}} = {name}", values) == "{name} = 李娜"


def test_an_unknown_field_is_reported_and_never_shown_raw():
    assert problems("你好{nmae},{优惠}") == [("nmae", problems("{nmae}")[0][1])]
    assert "unknown merge field" in problems("{nmae}")[0][1]
    assert render("你好{nmae}!", {}) == "你好!"
    assert render("你好{nmae|朋友}!", {}) == "你好朋友!"
    assert fields_used("{称呼}{name}{优惠}{nmae}") == ["salutation", "name", "offer"]


def test_a_lone_brace_is_left_as_typed():
    assert render("价格 {100 元", {}) == "价格 {100 元"


@pytest.mark.parametrize("key", list(PLAYBOOKS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_playbook_message_is_sound_and_reads_without_any_value(key, lang):
    template = PLAYBOOKS[key].template(lang)
    assert problems(template) == []
    text = render(template, merge_values(MergeFacts(), lang, ON), lang)
    assert "None" not in text and "{" not in text


def test_sms_parts_at_their_boundaries():
    assert sms_parts("") == 0
    assert sms_parts("好" * 70) == 1
    assert sms_parts("好" * 71) == 2
    assert sms_parts("好" * 134) == 2
    assert sms_parts("好" * 135) == 3
    assert sms_parts("a" * 160) == 1
    assert sms_parts("a" * 161) == 2
