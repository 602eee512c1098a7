"""Chinese and English ship complete, and switching language changes what is on screen."""

import re
import shutil
import subprocess
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


class Message:
    def __init__(self, context, message):
        self.context, self.source = context, message.findtext("source")
        self.translation = message.find("translation")
        self.numerus = message.get("numerus") == "yes"
        # what it is translated as: the text, or each plural form of a %n message
        self.texts = ([form.text or "" for form in self.translation.findall("numerusform")] if self.numerus
                      else [self.translation.text or ""])


def messages(lang, path=None):
    tree = ET.parse(path or paths.resource_path("translations", CATALOGUES[lang] + ".ts"))
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            if message.find("translation").get("type") in ("vanished", "obsolete"):
                continue
            yield Message(context.findtext("name"), message)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_message_is_translated(lang):
    found = list(messages(lang))
    assert len(found) > 100
    missing = [(m.context, m.source) for m in found
               if m.translation.get("type") == "unfinished" or not m.texts or not all(t.strip() for t in m.texts)]
    assert missing == []


def test_every_text_of_the_window_is_in_the_catalogues(tmp_path):
    """Collected afresh from the sources, no message is missing from the shipped
    catalogues (run resources/translations/update.py after adding a text)."""
    lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate comes with PySide6"
    sources = sorted(p for p in (paths.resource_path("..") / "lifecrm_gui" / "ui").resolve().glob("*.py")
                     if p.name != "__init__.py")
    fresh = tmp_path / "fresh.ts"
    subprocess.run([lupdate, "-silent", "-no-obsolete", *map(str, sources), "-ts", str(fresh)], check=True)
    collected = {(m.context, m.source) for m in messages("zh", fresh)}
    assert len(collected) > 100
    for lang in CATALOGUES:
        assert collected - {(m.context, m.source) for m in messages(lang)} == set()


def test_english_is_the_source_text():
    assert [(m.context, m.source) for m in messages("en") if any(t != m.source for t in m.texts)] == []


def test_chinese_keeps_placeholders_and_shortcut_letters():
    wrong = []
    for m in messages("zh"):
        wanted = sorted(set(PLACEHOLDER.findall(m.source))) if m.numerus else sorted(PLACEHOLDER.findall(m.source))
        for text in m.texts:
            found = sorted(set(PLACEHOLDER.findall(text))) if m.numerus else sorted(PLACEHOLDER.findall(text))
            if found != wanted or (m.numerus and "%n" in m.source and "%n" not in text):
                wrong.append((m.context, m.source, text))
            if re.search(r"&\w", m.source) and "&" not in text:
                wrong.append((m.context, m.source, text))
    assert wrong == []


def test_chinese_texts_are_chinese():
    latin_only = [(m.context, m.source, m.texts) for m in messages("zh")
                  if re.search(r"[A-Za-z]{3}", m.source)
                  and not all(re.search(r"[\u4e00-\u9fff]", t) for t in m.texts)
                  and m.source != "LifeCRM" and "(*." not in m.source and "@" not in m.source]
    assert latin_only == []


def test_compiled_files_match_the_sources():
    translator = QTranslator()
    assert translator.load(CATALOGUES["zh"], str(paths.resource_path("translations")))
    stale = [(m.context, m.source) for m in messages("zh")
             if translator.translate(m.context, m.source, None, 1 if m.numerus else -1) != m.texts[0]]
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
