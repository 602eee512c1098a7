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
