"""The Dashboard tab: it opens, computes on a worker, redraws when a filter changes, and exports."""

from datetime import date

import pytest

from lifecrm_gui.services import clients, dashboard, timeline
from tests.conftest import AS_OF

# The offscreen platform cannot pass a top-level window's size hints on; a real one can.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def tab(db, db_path, qtbot):
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.dashboard_tab import DashboardTab

    dashboard.forget()
    person = clients.create_client({"name": "安然", "source": "social"}, as_of=date(2026, 1, 5))
    timeline.add_order(person, {"ordered_on": date(2026, 1, 10), "amount": 3000, "paid": 3000},
                       as_of=date(2026, 1, 10))
    firm = clients.create_client({"name": "晨光服饰", "kind": "enterprise", "industry": "fashion",
                                  "source": "expo"}, as_of=date(2026, 2, 1))
    timeline.add_order(firm, {"ordered_on": date(2026, 2, 3), "amount": 12000, "paid": 12000,
                              "category": "product"}, as_of=date(2026, 2, 3))
    ctx = AppContext(db_path, today=AS_OF)
    page = DashboardTab(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 720)
    with qtbot.waitSignal(page.redrawn, timeout=60_000):
        page.show()
    yield page
    page.wait_for_workers()
    dashboard.forget()


def tile_values(page):
    return [value.text() for _name, value, _detail in page.tiles]


def test_the_tab_opens_with_the_figures_drawn(tab):
    assert tab.dash.headline.clients == 2
    assert tile_values(tab)[0] == "2"
    assert tile_values(tab)[1] == "¥15,000"
    assert all(card.figure.axes for card in tab.cards.values())


def test_changing_a_filter_redraws_the_charts(tab, qtbot):
    funnel_axes = tab.cards["funnel"].figure.axes[0]
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        tab.kind_box.setCurrentIndex(tab.kind_box.findData("enterprise"))
    assert tab.dash.filter.kind == "enterprise"
    assert tile_values(tab)[:2] == ["1", "¥12,000"]
    assert tab.cards["funnel"].figure.axes[0] is not funnel_axes
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        tab.first_edit.setDate(tab.first_edit.date().addMonths(1))
    assert tab.dash.filter.first == date(2025, 8, 1)
    assert not tab.is_busy()


def test_a_backwards_period_says_so_instead_of_drawing(tab, qtbot):
    tab.first_edit.setDate(tab.last_edit.date().addDays(1))
    qtbot.waitUntil(lambda: not tab.error_label.isHidden())
    assert "“From”" in tab.error_label.text()


def test_each_chart_exports_to_png_and_svg(tab, tmp_path):
    png = tab.export_chart("pyramid", tmp_path / "pyramid.png")
    svg = tab.export_chart("funnel", tmp_path / "funnel.svg")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in svg.read_bytes()[:400]


def test_the_whole_dashboard_exports_as_the_pdf_report(tab, qtbot, tmp_path):
    with qtbot.waitSignal(tab.reportWritten, timeout=60_000) as written:
        tab.export_report(tmp_path / "dashboard.pdf")
    assert written.args == [str(tmp_path / "dashboard.pdf")]
    assert (tmp_path / "dashboard.pdf").read_bytes()[:5] == b"%PDF-"


def test_printing_paints_every_report_page(tab, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from lifecrm_gui.services.report import page_count

    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert tab.print_to(printer) == page_count()
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000


def test_new_data_is_picked_up(tab, qtbot):
    cid = clients.create_client({"name": "新来的"}, as_of=AS_OF)
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        tab.ctx.clientsChanged.emit([cid])
    assert tab.dash.headline.clients == 3


def current(tab, key):
    return tab.cards[key].is_current(tab.dash, tab.ctx.lang())


def test_the_charts_in_view_are_drawn_first_and_the_others_follow(tab, qtbot):
    with qtbot.waitSignal(tab.shown, timeout=60_000):
        tab.source_box.setCurrentIndex(tab.source_box.findData("social"))
    in_view = [key for key, card in tab.cards.items() if card.in_view()]
    below = [key for key in tab.cards if key not in in_view]
    assert "funnel" in in_view and "word_of_mouth" in below
    assert all(current(tab, key) for key in in_view)
    assert not current(tab, "word_of_mouth")  # below the fold: drawn one chart per turn of the event loop
    tab.scroll.verticalScrollBar().setValue(tab.scroll.verticalScrollBar().maximum())
    assert current(tab, "word_of_mouth")  # scrolled into view: drawn at once
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        pass
    assert all(current(tab, key) for key in tab.cards)


def test_a_chart_whose_figures_did_not_change_is_not_drawn_again(tab, qtbot):
    funnel_axes = tab.cards["funnel"].figure.axes[0]
    flow_axes = tab.cards["flow"].figure.axes[0]
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        tab.first_edit.setDate(tab.first_edit.date().addMonths(2))  # the period, not the as-of date
    assert tab.dash.filter.first == date(2025, 9, 1)
    assert tab.cards["funnel"].figure.axes[0] is funnel_axes  # as of the same day: the same funnel
    assert tab.cards["flow"].figure.axes[0] is not flow_axes  # other months
    with qtbot.waitSignal(tab.redrawn, timeout=60_000):
        tab.ctx.languageChanged.emit("en" if tab.ctx.lang() == "zh" else "zh")
    assert tab.cards["funnel"].figure.axes[0] is not funnel_axes


def test_figures_ready_before_the_charts_exist_are_drawn_in_view_at_once(db, db_path, qtbot):
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.dashboard_tab import DashboardTab

    dashboard.forget()
    person = clients.create_client({"name": "安然", "source": "social"}, as_of=date(2026, 1, 5))
    timeline.add_order(person, {"ordered_on": date(2026, 1, 10), "amount": 3000, "paid": 3000},
                       as_of=date(2026, 1, 10))
    page = DashboardTab(AppContext(db_path, today=AS_OF))
    qtbot.addWidget(page)
    page.resize(1366, 720)
    page.refresh()
    page.wait_for_workers()  # the figures are computed before the tab is shown and its charts built
    with qtbot.waitSignal(page.shown, timeout=60_000):
        page.show()
    in_view = [key for key, card in page.cards.items() if card.in_view()]
    assert "funnel" in in_view and "word_of_mouth" not in in_view
    assert all(current(page, key) for key in in_view)
    with qtbot.waitSignal(page.redrawn, timeout=60_000):
        pass
    page.wait_for_workers()
    dashboard.forget()


@pytest.fixture
def studio_derived_today(db):
    from lifecrm_gui.services.recompute import recompute

    dashboard.forget()
    person = clients.create_client({"name": "安然", "source": "social"}, as_of=date(2026, 1, 5))
    timeline.add_order(person, {"ordered_on": date(2026, 1, 10), "amount": 3000, "paid": 3000},
                       as_of=date(2026, 1, 10))
    recompute(AS_OF)  # as the window's daily recompute leaves it
    yield person
    dashboard.forget()


def test_the_columns_are_read_ahead_when_the_pointer_is_on_the_dashboard_tab_or_it_opens(studio_derived_today, db_path,
                                                                             qtbot):
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication, QLabel, QTabWidget

    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.dashboard_prefetch import DashboardPrefetch

    ctx = AppContext(db_path, today=AS_OF)
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("clients"), "Clients")
    page = QLabel("dashboard")
    tabs.addTab(page, "Dashboard")
    tabs.show()
    prefetch = DashboardPrefetch(ctx, tabs, tabs, page)
    bar = tabs.tabBar()

    def move_to(index):
        where = QPointF(bar.tabRect(index).center())
        QApplication.sendEvent(bar, QMouseEvent(QEvent.Type.MouseMove, where, where, Qt.MouseButton.NoButton,
                                                Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))

    move_to(0)
    assert not prefetch.is_reading()  # not for the other tabs
    with qtbot.waitSignal(prefetch.readAhead, timeout=30_000) as read:
        move_to(1)
    assert read.args == [True] and dashboard.is_kept(AS_OF)
    ctx.clientsChanged.emit([studio_derived_today])
    assert not dashboard.is_kept(AS_OF)  # stale: the tab reads afresh if opened now
    with qtbot.waitSignal(prefetch.readAhead, timeout=30_000):
        tabs.setCurrentIndex(1)  # opened with the keyboard, or a click the pointer did not lead up to
    assert dashboard.is_kept(AS_OF)


def test_nothing_is_read_ahead_before_the_stages_are_today_s(studio_derived_today, db_path, qtbot):
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.dashboard_prefetch import DashboardPrefetch

    tomorrow = date.fromordinal(AS_OF.toordinal() + 1)  # the daily recompute has not run yet today
    prefetch = DashboardPrefetch(AppContext(db_path, today=tomorrow))
    with qtbot.waitSignal(prefetch.readAhead, timeout=30_000) as read:
        prefetch.read_now()
    assert read.args == [False] and not dashboard.is_kept(tomorrow)


def test_a_build_while_the_columns_are_read_ahead_waits_for_that_read(studio_derived_today, db_path, qtbot,
                                                                      monkeypatch):
    from lifecrm_gui.store import dashboard_queries
    from lifecrm_gui.ui.context import AppContext
    from lifecrm_gui.ui.dashboard_prefetch import DashboardPrefetch

    reads, original = [], dashboard_queries.order_columns
    monkeypatch.setattr(dashboard_queries, "order_columns", lambda: reads.append(1) or original())
    prefetch = DashboardPrefetch(AppContext(db_path, today=AS_OF))
    with qtbot.waitSignal(prefetch.readAhead, timeout=30_000):
        prefetch.read_now()
        built = dashboard.build(dashboard.default_filter(AS_OF))  # the tab's build, as the click comes
    assert built.headline.clients == 1 and len(reads) == 1
