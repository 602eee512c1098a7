"""Render the window on its Dashboard tab with demo data at 1366x768, in Chinese and in English:

    QT_QPA_PLATFORM=offscreen python docs/make_dashboard_screenshots.py

The demo studio is replayed month by month over its last two years (a recompute at the
end of each month) so the timeline holds the stage changes a studio using LifeCRM would
have, and a few campaigns are given their recipients and attributed orders.
"""

import random
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

AS_OF = date(2026, 6, 30)
CLIENTS = 3000
OUT = ROOT / "docs" / "screenshots"
CAMPAIGNS = (("春节全家福预约", "holiday", 2026, 1, 20, 80_000), ("宝宝周岁提醒", "milestone", 2026, 3, 1, 30_000),
             ("沉睡客户唤醒", "dormant", 2026, 4, 10, 50_000), ("老客户推荐感谢", "referral_thanks", 2025, 11, 5, 20_000),
             ("结婚纪念日", "anniversary", 2026, 5, 15, 25_000))


def month_ends(last: date, months: int) -> list[date]:
    out, day = [], last
    for _ in range(months):
        out.append(day)
        day = day.replace(day=1) - timedelta(days=1)
    return out[::-1]


def make_studio(path: Path) -> None:
    from lifecrm_gui.services.demo import generate_demo
    from lifecrm_gui.services.recompute import recompute
    from lifecrm_gui.services.settings import set_setting
    from lifecrm_gui.store.db import open_database
    from lifecrm_gui.store.models import Campaign, CampaignRecipient, Client, Order, database

    db = open_database(path)
    generate_demo(db, CLIENTS, seed=7, as_of=AS_OF)
    for day in month_ends(AS_OF, 24):
        recompute(day)
    set_setting("studio_name", "拾光摄影工作室")
    rng = random.Random(7)
    consenting = [c for (c,) in Client.select(Client.id).where(Client.consent == True).tuples()]  # noqa: E712
    with database.atomic():
        for name, playbook, year, month, day, cost in CAMPAIGNS:
            start = date(year, month, day)
            campaign = Campaign.create(name=name, playbook=playbook, cost=cost * 100, status="sent", starts_on=start)
            for client_id in rng.sample(consenting, min(len(consenting), 120)):
                replied = rng.random() < 0.25
                CampaignRecipient.create(campaign=campaign, client=client_id, status="replied" if replied else "sent",
                                         sent_at=start, replied_at=start + timedelta(days=2) if replied else None)
                booked = (Order.select(Order.id).where(
                    (Order.client == client_id) & (Order.ordered_on >= start)
                    & (Order.ordered_on <= start + timedelta(days=30)) & Order.campaign.is_null()).first())
                if booked is not None and replied:
                    Order.update(campaign=campaign.id).where(Order.id == booked.id).execute()


def wait(ms: int) -> None:
    """Let timers, queued signals and paint events run for a moment (in an event loop: PySide6
    6.12 on Python 3.11 loses a reference to None on every processEvents() call)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for_charts(page, timeout_ms: int = 120_000) -> None:
    """Until every chart is drawn, those below the fold too."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    page.redrawn.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    page.redrawn.disconnect(loop.quit)


def render(path: Path) -> None:
    """The main window on the Dashboard tab, in each language (translations installed),
    as docs/make_screenshots.py frames every other tab; then the tab scrolled down, into
    the temporary folder, to look at every chart."""
    from PySide6.QtWidgets import QApplication

    from lifecrm_gui.ui import i18n
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.main_window import MainWindow
    from lifecrm_gui.ui.style import apply_style

    app = QApplication.instance() or QApplication([sys.argv[0]])
    apply_style(app)
    i18n.apply_font(app)
    for lang in ("zh", "en"):
        i18n.save_choice(lang)
        i18n.install_translators(lang)
        window = MainWindow(AppContext(path, today=AS_OF))
        window.resize(1366, 768)
        window.show()
        wait(300)
        window.show_page("dashboard")
        page = window.page("dashboard")
        wait_for_charts(page)
        wait(100)
        window.grab().save(str(OUT / f"dashboard-{lang}.png"))
        bar = page.scroll.verticalScrollBar()
        for n, offset in enumerate((760, 1560, 2400, 3300)):
            bar.setValue(offset)
            wait(50)
            window.grab().save(str(Path(tempfile.gettempdir()) / f"dashboard-{lang}-{n + 1}.png"))
        page.wait_for_workers()
        window.close()
        window.deleteLater()
        wait(100)


if __name__ == "__main__":
    import os

    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ["LIFECRM_HOME"] = folder  # no window state or settings of the person running it
        studio = Path(folder) / "demo.sqlite3"
        make_studio(studio)
        render(studio)
    print(f"written: {OUT / 'dashboard-zh.png'}, {OUT / 'dashboard-en.png'}")
