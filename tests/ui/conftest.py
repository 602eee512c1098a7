"""GUI test fixtures: a fresh studio database per test, an AppContext with a fixed
today, the English translation installed, and helpers to add clients."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tests.conftest import AS_OF

HERE = Path(__file__).resolve().parent
# Qt's offscreen platform says this of every shown top-level window with a layout;
# it is about the platform plugin, not about the window.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture(autouse=True)
def gui_basics(qapp):
    """The application's look and error handling, as app.main sets them up."""
    from lifecrm_gui.app import store_message
    from lifecrm_gui.ui import errors, i18n
    from lifecrm_gui.ui.style import apply_style

    apply_style(qapp)
    i18n.apply_font(qapp)
    errors.add_classifier(store_message)
    yield
    i18n.install_translators("en")


@pytest.fixture
def ctx(db, db_path):
    from lifecrm_gui.ui import i18n
    from lifecrm_gui.ui.context import AppContext

    i18n.save_choice("en")
    i18n.install_translators("en")
    return AppContext(db_path, today=AS_OF)


@pytest.fixture
def inline_workers():
    """Background work runs at once, in the test's thread."""
    from lifecrm_gui.ui import workers

    with workers.inline():
        yield


@pytest.fixture
def no_messages(monkeypatch):
    """Message boxes are recorded instead of shown: a list of (kind, text)."""
    from PySide6.QtWidgets import QMessageBox

    shown = []
    for kind in ("information", "warning", "critical", "question"):
        def fake(parent, title, text, *args, _kind=kind, **kwargs):
            shown.append((_kind, text))
            return QMessageBox.StandardButton.Ok
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake))
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda parent, title, text: shown.append(("about", text))))
    return shown


def add_client(name, phone=None, **values):
    """A client created the way the window creates one; returns the id."""
    from lifecrm_gui.services.clients import create_client

    return create_client({"name": name, "phone": phone, **values}, as_of=AS_OF)


def add_order(client_id, days_before, amount, status="delivered"):
    from datetime import timedelta

    from lifecrm_gui.services.timeline import add_order as add

    return add(client_id, {"ordered_on": AS_OF - timedelta(days=days_before), "amount": amount, "paid": amount,
                           "status": status}, as_of=AS_OF)


def add_inquiry(client_id, days_before=3):
    from datetime import datetime, time, timedelta

    from lifecrm_gui.services.timeline import log_event

    return log_event(client_id, "inquiry", "asked about prices",
                     occurred_at=datetime.combine(AS_OF - timedelta(days=days_before), time(10)), as_of=AS_OF)


class StandInPage(QWidget):
    """A page for registry tests: counts how often it was built."""

    built = 0

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        type(self).built += 1
        self.ctx = ctx
        self.selected = []
        ctx.clientSelected.connect(self.selected.append)
        QVBoxLayout(self).addWidget(QLabel("stand-in"))


def stand_in_pages(lazy_key="dashboard"):
    """The window's registry with Profile and a lazy page replaced by StandInPage."""
    from lifecrm_gui.ui.main_window import PageSpec

    return (
        PageSpec("clients", "lifecrm_gui.ui.client_list", "ClientListPage", "Clients", "mdi6.account-group-outline"),
        PageSpec("profile", "tests.ui.conftest", "StandInPage", "Profile", "mdi6.card-account-details-outline"),
        PageSpec(lazy_key, "tests.ui.conftest", "StandInPage", "Dashboard", "mdi6.chart-box-outline", lazy=True),
    )


@pytest.fixture
def make_window(ctx, qtbot):
    """A shown main window on the test database, its client list loaded."""
    from lifecrm_gui.ui.main_window import MainWindow

    def make(pages=None, context=None):
        window = MainWindow(context or ctx, pages=pages or stand_in_pages())
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: not window.clients.model.is_refreshing())
        return window

    return make
