"""Screenshots of expo mode at 1366x768, in Chinese and English:

    python docs/make_expo_screenshots.py          # docs/screenshots/expo-zh.png, expo-en.png
    python docs/make_expo_screenshots.py --ts FILE  # also write the Chinese below as a Qt .ts file

The texts added with expo mode, the read-only mode and the second backup folder are
not in resources/translations/lifecrm_zh_CN.ts yet: their Chinese is kept here
(ZH_CN), compiled on the fly for the screenshots, and written with --ts for merging
into the catalogue (`pyside6-lconvert -i lifecrm_zh_CN.ts -i FILE -o lifecrm_zh_CN.ts`).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
FAIR_DAY = date(2026, 4, 18)
FAIR = {"zh": "2026 春季婚博会 · 国际会展中心", "en": "Spring Wedding Expo 2026 · Expo Centre"}

ZH_CN = {
    "App": {},
    "ExpoWindow": {
        "Expo mode — %1": "展会模式 — %1",
        "Expo mode": "展会模式",
        "leads today": "今日新线索",
        "Leave (Esc)": "退出（Esc）",
        "Name": "姓名",
        "Mobile phone": "手机",
        "Interested in": "意向",
        "Wedding date": "婚期",
        "Budget": "预算",
        "Notes": "备注",
        "e.g. 王芳": "例如 王芳",
        "e.g. 138 0013 8000": "例如 138 0013 8000",
        "What they are looking for, when to call back…": "想要什么风格、何时回电……",
        "Agrees to receive the studio's offers and news (marketing consent)": "同意接收影楼的优惠与资讯（营销许可）",
        "Save and next": "保存，下一位",
        "Captured today": "今日登记",
        "The leads of the day appear here.": "今天登记的客户会显示在这里。",
        "Change the phone": "改手机号",
        "Enter saves and clears the form for the next visitor  ·  Esc leaves expo mode  ·  Everything is saved "
        "on this computer: no network needed": "回车保存并清空，接待下一位  ·  Esc 退出展会模式  ·  "
                                              "数据保存在本机，无需网络",
        "Please check the marked fields.": "请检查标红的项目。",
        "Saved: %1. Ready for the next visitor.": "已保存：%1。请接待下一位。",
        "%1 (%2)": "%1（%2）",
        "%1 was already captured today at %2: %3.": "%1 今天 %2 已登记过：%3。",
        "%1 was already captured today: %3.": "%1 今天已登记过：%3。",
        "%1 belongs to %3, a client since %2.": "%1 是老客户 %3 的号码（%2 起）。",
        "%1 belongs to %3.": "%1 是 %3 的号码。",
        "(%1 clients have this phone.)": "（%1 位客户使用此号码。）",
        "Add what they said to %1's timeline instead of a new lead?": "不新建客户，把这次咨询记到 %1 的时间线上？",
        "Add to %1's timeline": "记到 %1 的时间线",
        "Added to %1's timeline. Ready for the next visitor.": "已记到 %1 的时间线。请接待下一位。",
        "Leave expo mode": "退出展会模式",
        "Leave expo mode? Every lead captured is saved (%1 today).": "退出展会模式？登记的客户都已保存（今天 %1 位）。",
    },
    "FairDialog": {
        "Expo mode": "展会模式",
        "Which fair is this?": "这是哪个展会？",
        "Every lead captured is marked with the fair's name, so you can see later which fair brought whom.":
            "每位登记的客户都会记下展会名称，以后可以看出哪个展会带来了哪些客户。",
        "e.g. Spring Wedding Expo 2026": "例如 2026 春季婚博会",
        "Start expo mode": "开始展会模式",
        "Cancel": "取消",
    },
    "MainWindow": {
        "E&xpo mode…": "展会模式(&X)…",
        "Read-only: the database failed its check": "只读：数据库未通过检查",
        "Restore a backup with File > Restore from a backup.": "请用 文件 > 从备份恢复 恢复一个备份。",
        "%1 (read-only)": "%1（只读）",
        "Expo mode": "展会模式",
        "Expo mode needs a database that can be written; this one failed its check and is open read-only.":
            "展会模式需要可写入的数据库；当前数据库未通过检查，以只读方式打开。",
        "The backup was restored; the data can be changed again.": "备份已恢复，数据可以再次修改。",
        "The automatic backup failed: %1": "自动备份失败：%1",
        "The database failed its check and is open read-only: nothing can be changed. Restore a backup with "
        "File > Restore from a backup.": "数据库未通过检查，已以只读方式打开，不能修改。请用 文件 > 从备份恢复 "
                                        "恢复一个备份。",
    },
    "SettingsDialog": {
        "Second backup folder": "第二备份位置",
        "None: backups stay on this computer only": "无：备份只保存在本机",
        "Choose…": "选择…",
        "A USB stick or a network folder: every backup is copied there too. When it is not connected, the backup "
        "stays here and you are told.":
            "U 盘或网络文件夹：每次备份都会再复制一份到这里。未连接时，备份仍保存在本机，并会提示您。",
        "This folder does not exist. Is the USB stick or the network folder connected?":
            "此文件夹不存在。U 盘或网络文件夹连接好了吗？",
        "The backups are kept in this folder already: choose another drive.":
            "备份已经保存在这个文件夹：请选择另一个磁盘。",
        "This folder cannot be read.": "无法读取此文件夹。",
    },
}


def write_ts(path: Path) -> Path:
    root = ET.Element("TS", version="2.1", language="zh_CN", sourcelanguage="en")
    for context, texts in ZH_CN.items():
        if not texts:
            continue
        node = ET.SubElement(root, "context")
        ET.SubElement(node, "name").text = context
        for source, translation in texts.items():
            message = ET.SubElement(node, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    ET.indent(root)
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + ET.tostring(root, encoding="unicode")
                    + "\n", encoding="utf-8")
    return path


def compile_qm(folder: Path) -> Path:
    source = write_ts(folder / "expo_zh_CN.ts")
    target = folder / "expo_zh_CN.qm"
    subprocess.run([shutil.which("pyside6-lrelease") or "pyside6-lrelease", "-silent", str(source), "-qm",
                    str(target)], check=True)
    return target


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, help="also write the Chinese texts as a .ts file here")
    args = parser.parse_args(argv)
    if args.ts:
        write_ts(args.ts)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LIFECRM_HOME"] = str(folder / "home")
        qm = compile_qm(folder)
        from PySide6.QtCore import QCoreApplication, QTranslator
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
        from lifecrm_gui.services import expo
        from lifecrm_gui.store.db import close_database, open_database
        from lifecrm_gui.ui import i18n
        from lifecrm_gui.ui.context import AppContext
        from lifecrm_gui.ui.expo_mode import ExpoWindow
        from lifecrm_gui.ui.style import apply_style

        apply_style(app)
        i18n.apply_font(app)
        OUT.mkdir(parents=True, exist_ok=True)
        for lang in ("zh", "en"):
            db_path = folder / f"laptop-{lang}.sqlite3"
            open_database(db_path)
            i18n.save_choice(lang)
            i18n.install_translators(lang)
            extra = QTranslator(app)
            if lang == "zh":
                extra.load(str(qm))
                QCoreApplication.installTranslator(extra)
            visitors = [("王芳", "138 0013 8000", ["wedding_portrait"], "9:42"), ("李娜", "139 1234 5678",
                        ["wedding_portrait", "travel"], "10:05"), ("张伟", "137 0000 1111", ["wedding_day"], "10:31"),
                        ("陈静", "136 5555 0199", ["couple"], "10:58"), ("刘洋", "135 2468 1357",
                        ["wedding_portrait", "wedding_day"], "11:20")]
            for name, phone, needs, at in visitors:
                hour, minute = map(int, at.split(":"))
                lead = expo.clean_lead({"name": name, "phone": phone, "needs": needs, "budget": "12000",
                                        "consent": True})
                expo.capture(lead, fair=FAIR[lang], day=FAIR_DAY, at=datetime.combine(FAIR_DAY, time(hour, minute)))
            window = ExpoWindow(AppContext(db_path, today=FAIR_DAY), FAIR[lang])
            window.resize(*SIZE)
            window.show()
            if lang == "zh":  # a phone seen this morning: flagged, with who it is
                window.name.setText("王芳")
                window.phone.setText("+86 138-0013-8000")
                window.chips["maternity"].setChecked(True)
                window.notes.setText("上午来过，想加拍孕妇照")
                window.submit()
            else:  # saved one, typing the next
                expo.now = lambda: datetime.combine(FAIR_DAY, time(11, 41))  # the booth's clock, for the picture
                window.name.setText("周婷")
                window.phone.setText("158 8888 6666")
                window.chips["wedding_portrait"].setChecked(True)
                window.chips["travel"].setChecked(True)
                window.wedding_date.edit.setText("2026-10-01")
                window.budget.setText("15,000")
                window.notes.setText("Likes film and outdoor; call back after 6 pm")
                window.consent.setChecked(True)
                window.submit()
                window.name.setText("黄磊")
                window.phone.setText("186 1234 0000")
                window.chips["wedding_day"].setChecked(True)
            app.processEvents()
            target = OUT / f"expo-{lang}.png"
            window.grab().save(str(target))
            print(f"wrote {target}")
            window._leaving = True
            window.close()
            window.deleteLater()
            QCoreApplication.removeTranslator(extra)
            close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
