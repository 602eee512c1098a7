"""Screenshots of expo mode at 1366x768, in Chinese and English:

    python docs/make_expo_screenshots.py          # docs/screenshots/expo-zh.png, expo-en.png
"""

import argparse
import os
import sys
import tempfile
from datetime import date, datetime, time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
FAIR_DAY = date(2026, 4, 18)
FAIR = {"zh": "2026 春季婚博会 · 国际会展中心", "en": "Spring Wedding Expo 2026 · Expo Centre"}

def main(argv=None) -> int:
    argparse.ArgumentParser(description=__doc__.splitlines()[0]).parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ["LIFECRM_HOME"] = str(folder / "home")
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
            close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
