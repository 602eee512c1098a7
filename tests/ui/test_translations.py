"""Chinese and English ship complete, and switching language changes what is on screen."""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QRawFont

from lifecrm_gui import paths
from lifecrm_gui.services.settings import get_setting
from lifecrm_gui.ui import i18n
from lifecrm_gui.ui.client_list import COLUMN_KEYS

from .conftest import add_client, add_inquiry

CATALOGUES = {"zh": "lifecrm_zh_CN", "en": "lifecrm_en"}
PLACEHOLDER = re.compile(r"%\d")


def messages(lang):
    tree = ET.parse(paths.resource_path("translations", CATALOGUES[lang] + ".ts"))
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            yield context.findtext("name"), message.findtext("source"), translation


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_message_is_translated(lang):
    found = list(messages(lang))
    assert len(found) > 100
    missing = [(context, source) for context, source, translation in found
               if translation.get("type") == "unfinished" or not (translation.text or "").strip()]
    assert missing == []


def test_english_is_the_source_text():
    assert [(c, s) for c, s, t in messages("en") if t.text != s] == []


def test_chinese_keeps_placeholders_and_shortcut_letters():
    wrong = []
    for context, source, translation in messages("zh"):
        text = translation.text or ""
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            wrong.append((context, source, text))
        if re.search(r"&\w", source) and "&" not in text:
            wrong.append((context, source, text))
    assert wrong == []


def test_chinese_texts_are_chinese():
    latin_only = [(c, s, t.text) for c, s, t in messages("zh")
                  if re.search(r"[A-Za-z]{3}", s) and not re.search(r"[\u4e00-\u9fff]", t.text or "")
                  and s != "LifeCRM" and "(*." not in s and "@" not in s]
    assert latin_only == []


def test_compiled_files_match_the_sources():
    translator = QTranslator()
    assert translator.load(CATALOGUES["zh"], str(paths.resource_path("translations")))
    stale = [(c, s) for c, s, t in messages("zh") if translator.translate(c, s) != t.text]
    assert stale == []
    english = QTranslator()
    assert english.load(CATALOGUES["en"], str(paths.resource_path("translations")))


def visible_texts(window):
    model = window.clients.model
    return {
        "menus": [window.file_menu.title(), window.help_menu.title()],
        "tabs": [window.tabs.tabText(i) for i in range(window.tabs.count())],
        "headers": [model.headerData(n, Qt.Orientation.Horizontal) for n in range(len(COLUMN_KEYS))][:3],
        "stage": model.index(0, COLUMN_KEYS.index("stage")).data(),
        "filter": window.clients.filters.combos["stages"].itemText(0),
        "new": window.clients.new_button.text(),
        "count": window.count_label.text(),
    }


def test_switching_language_changes_visible_texts(ctx, make_window, qtbot):
    add_inquiry(add_client("王芳", "13800138000"))
    window = make_window()
    assert visible_texts(window) == {
        "menus": ["&File", "&Help"], "tabs": ["Clients", "Profile", "Dashboard"],
        "headers": ["Name", "Phone", "Stage"], "stage": "Prospect", "filter": "All stages",
        "new": "New client", "count": "Clients: 1"}

    with qtbot.waitSignal(ctx.languageChanged) as changed:
        i18n.switch_language(ctx, "zh")
    assert changed.args == ["zh"]
    assert visible_texts(window) == {
        "menus": ["文件(&F)", "帮助(&H)"], "tabs": ["客户", "客户档案", "经营概览"],
        "headers": ["姓名", "手机", "阶段"], "stage": "意向客户", "filter": "全部阶段",
        "new": "新建客户", "count": "共 1 位客户"}
    assert get_setting("language") == "zh" and ctx.lang() == "zh"

    i18n.switch_language(ctx, "en")
    assert visible_texts(window)["menus"] == ["&File", "&Help"]
    assert visible_texts(window)["stage"] == "Prospect"


def test_following_the_system_stores_the_language_in_effect(ctx):
    lang = i18n.save_choice("system")
    assert lang == i18n.system_language()
    assert get_setting("language_choice") == "system" and get_setting("language") == lang
    assert i18n.saved_choice() == "system"


def test_application_font_can_show_chinese(qapp):
    font = qapp.font()
    assert font.families()[:3] == ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC"]
    assert "Noto Sans CJK SC" in font.families() and "WenQuanYi Micro Hei" in font.families()
    assert QRawFont.fromFont(font).supportsCharacter("客")
