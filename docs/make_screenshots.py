"""Screenshots of every tab in Chinese and English, on a demo studio of 2,000 clients.

    python docs/make_screenshots.py [--out docs/screenshots] [--clients 2000] [--as-of 2026-06-30]

Builds the demo database in a temporary folder, opens the main window at 1366x768 on
Qt's offscreen platform with the CJK font the app uses, selects a client, and saves
<tab>-zh.png and <tab>-en.png for each tab but the dashboard, which
docs/make_dashboard_screenshots.py draws (plus the new-client and settings dialogs).
Needs a Chinese font (fonts-noto-cjk on Debian/Ubuntu).
"""

import argparse
import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1366, 768


def wait(app, ms: int = 300) -> None:
    """Let timers, queued signals and paint events run for a moment."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


def pick_client() -> int:
    """A client with a story to show: a loyal family with children and many orders."""
    from lifecrm_gui.services.search import ClientFilter, search_ids

    for flt in (ClientFilter(stages=("loyal",), needs=("children",)), ClientFilter(stages=("loyal",)),
                ClientFilter()):
        ids = search_ids(flt, sort="ltv_total", descending=True, limit=40)
        if ids:
            return ids[min(len(ids) - 1, 7)]
    raise SystemExit("the demo database has no clients")


def build_database(folder: Path, clients: int, as_of: date) -> Path:
    from lifecrm_gui.services.demo import generate_demo
    from lifecrm_gui.services.recompute import recompute
    from lifecrm_gui.store.db import open_database

    path = folder / "demo.sqlite3"
    database = open_database(path)
    generate_demo(database, clients=clients, seed=1, as_of=as_of)
    recompute(as_of)
    add_campaigns(as_of)
    return path


def add_campaigns(as_of: date) -> None:
    """Two campaigns sent a month ago with some replies, so the Campaigns tab shows its return."""
    from datetime import timedelta

    from lifecrm_gui.services import campaigns
    from lifecrm_gui.store.models import CampaignRecipient

    sent_on = as_of - timedelta(days=30)
    for key in ("dormant", "family_portrait"):
        campaign_id = campaigns.start_playbook_campaign(key, as_of=sent_on)
        campaigns.mark_sent(campaign_id, as_of=sent_on)
        recipients = [r.id for r in CampaignRecipient.select(CampaignRecipient.id)
                      .where(CampaignRecipient.campaign == campaign_id).order_by(CampaignRecipient.id)]
        for recipient_id in recipients[::4]:
            campaigns.mark_replied(recipient_id, as_of=sent_on + timedelta(days=2))


def check_font(app) -> str:
    from PySide6.QtGui import QRawFont

    font = app.font()
    if not QRawFont.fromFont(font).supportsCharacter("客"):
        raise SystemExit("no Chinese font found: install fonts-noto-cjk (or another CJK font) first")
    return QRawFont.fromFont(font).familyName()


def shoot(app, path: Path, lang: str, as_of: date, out: Path, client_id: int) -> list[Path]:
    from lifecrm_gui.ui import i18n
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from lifecrm_gui.ui.new_client_dialog import NewClientDialog
    from lifecrm_gui.ui.settings_dialog import SettingsDialog

    ctx = AppContext(path, today=as_of)
    i18n.save_choice(lang)
    i18n.install_translators(lang)
    window = MainWindow(ctx)
    window.resize(WIDTH, HEIGHT)
    window.show()
    wait(app, 500)
    window.clients.select_client(client_id)
    ctx.clientSelected.emit(client_id)
    wait(app)
    saved = []
    for key in window.specs:
        if key == "dashboard":  # docs/make_dashboard_screenshots.py draws it, on a year of history
            continue
        window.show_page(key)
        wait(app, 500)
        target = out / f"{key}-{lang}.png"
        window.grab().save(str(target))
        saved.append(target)

    dialog = NewClientDialog(ctx, window)
    dialog.name.setText("王芳" if lang == "zh" else "Wang Fang")
    dialog.phone.setText("138 0013 8000")
    dialog.show()
    wait(app)
    target = out / f"new-client-{lang}.png"
    dialog.grab().save(str(target))
    saved.append(target)
    dialog.close()

    settings = SettingsDialog(ctx, window)
    settings.show()
    for index, name in enumerate(("settings-studio", "settings-lifecycle", "settings-value")):
        settings.tabs.setCurrentIndex(index)
        wait(app, 150)
        target = out / f"{name}-{lang}.png"
        settings.grab().save(str(target))
        saved.append(target)
    settings.close()
    window.close()
    window.deleteLater()
    wait(app, 100)
    return saved


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 30))
    parser.add_argument("--lang", choices=("zh", "en"), action="append", help="only this language (repeatable)")
    args = parser.parse_args(argv)

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="lifecrm-shots-") as folder:
        os.environ["LIFECRM_HOME"] = folder  # no window state or settings of the person running it
        path = build_database(Path(folder), args.clients, args.as_of)

        from PySide6.QtWidgets import QApplication

        from lifecrm_gui.ui import i18n, workers
        from lifecrm_gui.ui.style import app_icon, apply_style

        app = QApplication.instance() or QApplication([sys.argv[0]])
        apply_style(app)
        i18n.apply_font(app)
        app.setWindowIcon(app_icon())
        family = check_font(app)
        workers.set_inline(True)  # every page fills before its picture is taken
        client_id = pick_client()
        args.out.mkdir(parents=True, exist_ok=True)
        saved = []
        for lang in args.lang or ("zh", "en"):
            saved += shoot(app, path, lang, args.as_of, args.out, client_id)
        from lifecrm_gui.store.db import close_database

        close_database()
    print(f"font {family}; client #{client_id}; {len(saved)} screenshots in {args.out}")
    for target in saved:
        print(f"  {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
