"""The front-desk window: one tab per page, the File and Help menus, and a status bar
with the database and the number of clients.

Pages come from a registry of (module, class, title): a page whose module does not
exist yet is simply not shown, and the dashboard (which needs matplotlib) is built
the first time its tab is opened.

Every minute a worker asks for the automatic backup (taken when something changed
and half an hour has passed). A damaged database is shown read-only: the title
says so, the actions that write are off, and Restore offers the newest good backup.
Another launch on the same database brings this window forward (single_instance).
"""

import importlib
import importlib.util
import logging
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QByteArray, QCoreApplication, QEvent, QSettings, Qt, QTimer,
                            Signal)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget
from shiboken6 import isValid

from lifecrm_gui import APP_NAME, __version__, paths

from . import workers
from .client_list import ClientListPage
from .errors import show_error
from .file_actions import FileActions, service_available
from .i18n import format_count
from .style import ERROR, app_icon, icon

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PageSpec:
    key: str
    module: str
    class_name: str
    title: str  # English source text, translated in the "MainWindow" context
    icon: str
    lazy: bool = False  # built when its tab is first shown


PAGES = (
    PageSpec("today", "lifecrm_gui.ui.today_view", "TodayView", QT_TRANSLATE_NOOP("MainWindow", "Today"),
             "mdi6.calendar-today", lazy=True),
    PageSpec("clients", "lifecrm_gui.ui.client_list", "ClientListPage", QT_TRANSLATE_NOOP("MainWindow", "Clients"),
             "mdi6.account-group-outline"),
    PageSpec("profile", "lifecrm_gui.ui.profile_tab", "ProfileTab", QT_TRANSLATE_NOOP("MainWindow", "Profile"),
             "mdi6.card-account-details-outline", lazy=True),
    PageSpec("timeline", "lifecrm_gui.ui.timeline_tab", "TimelineTab", QT_TRANSLATE_NOOP("MainWindow", "Timeline"),
             "mdi6.timeline-text-outline", lazy=True),
    PageSpec("campaigns", "lifecrm_gui.ui.campaigns_tab", "CampaignsTab",
             QT_TRANSLATE_NOOP("MainWindow", "Campaigns"), "mdi6.bullhorn-outline", lazy=True),
    PageSpec("dashboard", "lifecrm_gui.ui.dashboard_tab", "DashboardTab",
             QT_TRANSLATE_NOOP("MainWindow", "Dashboard"), "mdi6.chart-box-outline", lazy=True),
)
# More File menu entries, shown once their module exists: (key, module, function(ctx,
# parent) that opens the dialog, menu text, icon).
FILE_EXTRAS = (
    ("merge", "lifecrm_gui.ui.merge_dialog", "open_merge_dialog",
     QT_TRANSLATE_NOOP("MainWindow", "&Merge from another database…"), "mdi6.call-merge"),
    ("restore", "lifecrm_gui.ui.restore_dialog", "open_restore_dialog",
     QT_TRANSLATE_NOOP("MainWindow", "&Restore from a backup…"), "mdi6.history"),
    ("expo", "lifecrm_gui.ui.expo_mode", "open_expo_mode",
     QT_TRANSLATE_NOOP("MainWindow", "E&xpo mode…"), "mdi6.account-multiple-plus-outline"),
)
EXPO_SHORTCUT = "F11"
# The File menu entries that write, switched off while a damaged database is shown read-only.
WRITING_EXTRAS = ("merge", "expo")
DEFAULT_SIZE = (1280, 760)
BACKUP_CHECK_MS = 60_000


def window_settings() -> QSettings:
    """Per-computer window state (size, columns), beside the user's data."""
    return QSettings(str(paths.data_dir() / "window.ini"), QSettings.Format.IniFormat)


def module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


class MainWindow(QMainWindow):
    readOnlyChanged = Signal(bool)
    broughtForward = Signal()  # another launch asked for this window
    backupChecked = Signal(object)  # after each automatic backup check: the BackupOutcome, None, or the error

    def __init__(self, ctx, pages=PAGES, parent=None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.read_only_report = None
        self.expo_window = None
        self.backup_task = None
        self.specs: dict[str, PageSpec] = {}
        self.pages: dict[str, QWidget | None] = {}
        self._containers: dict[str, QWidget] = {}
        self.setWindowIcon(app_icon())

        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        for spec in pages:
            self._add_page(spec)
        self.tabs.currentChanged.connect(self._tab_shown)
        self.clients: ClientListPage | None = self.pages.get("clients")
        if "dashboard" in self.specs:  # its columns are read when the pointer nears its tab
            from .dashboard_prefetch import DashboardPrefetch

            self.dashboard_prefetch = DashboardPrefetch(ctx, self, self.tabs, self._containers["dashboard"])

        self.files = FileActions(ctx, self)
        self._make_actions()
        self._make_menus()
        self.db_label = QLabel()
        self.db_label.setObjectName("statusPath")
        self.count_label = QLabel()
        self.count_label.setObjectName("statusCount")
        self.read_only_label = QLabel()
        self.read_only_label.setObjectName("statusReadOnly")
        self.read_only_label.setStyleSheet(f"color: {ERROR}; font-weight: 600;")
        self.read_only_label.hide()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.count_label)
        self.statusBar().setSizeGripEnabled(True)

        ctx.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 6000))
        ctx.languageChanged.connect(self.retranslate)
        ctx.settingsChanged.connect(self._update_title)
        if self.clients is not None:
            self.clients.openRequested.connect(self.open_profile)
            self.clients.newClientRequested.connect(self.new_client)
            self.clients.model.countsChanged.connect(self._show_count)
        self.backup_timer = QTimer(self)
        self.backup_timer.setObjectName("backupTimer")
        self.backup_timer.setInterval(BACKUP_CHECK_MS)
        self.backup_timer.timeout.connect(self.check_backup)
        self.backup_timer.start()
        self.retranslate()
        self.restore_state()

    # --- pages --------------------------------------------------------------------------
    def _add_page(self, spec: PageSpec) -> None:
        if not module_exists(spec.module):
            return
        self.specs[spec.key] = spec
        if spec.lazy:
            container = QWidget()
            container.setObjectName(f"{spec.key}Container")
            layout = QVBoxLayout(container)
            layout.setContentsMargins(0, 0, 0, 0)
            waiting = QLabel()
            waiting.setObjectName("pageLoading")
            waiting.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(waiting)
            self._containers[spec.key] = container
            self.pages[spec.key] = None
            self.tabs.addTab(container, icon(spec.icon), "")
            return
        try:
            page = self._build(spec)
        except Exception:
            log.exception("the %s page could not be built", spec.key)
            del self.specs[spec.key]
            return
        self.pages[spec.key] = page
        self.tabs.addTab(page, icon(spec.icon), "")

    def _build(self, spec: PageSpec) -> QWidget:
        if spec.key == "clients":
            return ClientListPage(self.ctx)
        module = importlib.import_module(spec.module)
        return getattr(module, spec.class_name)(self.ctx)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for key, container in self._containers.items():
            if widget is container and self.pages.get(key) is None:
                # Paint the "Opening…" line first; the build (matplotlib) follows.
                QTimer.singleShot(30, self, lambda k=key: self.page(k))  # not once the window is gone

    def _build_lazy(self, key: str) -> QWidget | None:
        spec = self.specs[key]
        try:
            page = self._build(spec)
        except Exception as error:
            log.exception("the %s page could not be built", key)
            show_error(error, self)
            return None
        container = self._containers[key]
        waiting = container.findChild(QLabel, "pageLoading")
        if waiting is not None:
            waiting.hide()
            waiting.setParent(None)  # out of the page at once; deleteLater() frees it only later
            waiting.deleteLater()
        container.layout().addWidget(page)
        self.pages[key] = page
        return page

    def page(self, key: str) -> QWidget | None:
        """The page of a key, building a lazy one now."""
        if key in self._containers and self.pages.get(key) is None:
            return self._build_lazy(key)
        return self.pages.get(key)

    def tab_index(self, key: str) -> int:
        widget = self._containers.get(key) or self.pages.get(key)
        return self.tabs.indexOf(widget) if widget is not None else -1

    def show_page(self, key: str) -> bool:
        index = self.tab_index(key)
        if index < 0:
            return False
        self.tabs.setCurrentIndex(index)
        return True

    def open_profile(self, client_id: int) -> None:
        if self.ctx.current_client != client_id:
            self.ctx.clientSelected.emit(client_id)
        if not self.show_page("profile"):
            self.statusBar().showMessage(self.tr("The profile page is not available in this version."), 5000)

    # --- menus --------------------------------------------------------------------------
    def _action(self, icon_name: str | None, slot, shortcut=None) -> QAction:
        action = QAction(self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _make_actions(self) -> None:
        self.new_client_action = self._action("mdi6.account-plus", self.new_client, QKeySequence.StandardKey.New)
        self.import_action = self._action("mdi6.database-import-outline", self.files.import_file, "Ctrl+I")
        self.export_action = self._action("mdi6.database-export-outline", self.files.export_file, "Ctrl+E")
        self.backup_action = self._action("mdi6.backup-restore", self.files.backup, "Ctrl+B")
        self.settings_action = self._action("mdi6.cog-outline", self.open_settings, "Ctrl+,")
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.quit_action = self._action("mdi6.exit-to-app", self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = self._action("mdi6.information-outline", self.about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.find_action = self._action(None, self.find_client, QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)
        self.extra_actions: dict[str, QAction] = {}
        for key, module, function, _text, icon_name in FILE_EXTRAS:
            if module_exists(module):
                self.extra_actions[key] = self._action(
                    icon_name, lambda _checked=False, k=key, m=module, f=function: self._extra(k, m, f))
        if "expo" in self.extra_actions:
            self.extra_actions["expo"].setShortcut(QKeySequence(EXPO_SHORTCUT))
            self.extra_actions["expo"].setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.import_action.setEnabled(service_available("importer"))
        self.export_action.setEnabled(service_available("exporter"))

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.new_client_action)
        self.file_menu.addSeparator()
        for action in (self.import_action, self.export_action, self.backup_action, *self.extra_actions.values()):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    # --- texts --------------------------------------------------------------------------
    def tab_title(self, key: str) -> str:
        return QCoreApplication.translate("MainWindow", self.specs[key].title)

    def retranslate(self, *_args) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_client_action.setText(self.tr("&New client…"))
        self.import_action.setText(self.tr("&Import…"))
        self.export_action.setText(self.tr("&Export…"))
        self.backup_action.setText(self.tr("&Backup…"))
        self.settings_action.setText(self.tr("&Settings…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About LifeCRM"))
        self.find_action.setText(self.tr("Find a client"))
        for key, _module, _function, text, _icon in FILE_EXTRAS:
            if key in self.extra_actions:
                self.extra_actions[key].setText(QCoreApplication.translate("MainWindow", text))
        if not service_available("importer"):
            self.import_action.setToolTip(self.tr("Import is not available in this version."))
        self.read_only_label.setText(self.tr("Read-only: the database failed its check"))
        self.read_only_label.setToolTip(self.tr("Restore a backup with File > Restore from a backup."))
        for key in self.specs:
            index = self.tab_index(key)
            if index >= 0:
                self.tabs.setTabText(index, self.tab_title(key))
        for container in self._containers.values():
            waiting = container.findChild(QLabel, "pageLoading")
            if waiting is not None:
                waiting.setText(self.tr("Opening…"))
        self.db_label.setText(self.tr("Database: %1").replace("%1", str(self.ctx.db_path)))
        self.db_label.setToolTip(str(self.ctx.db_path))
        if self.clients is not None:
            self._show_count(self.clients.model.shown(), self.clients.model.total())
        self._update_title()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        from lifecrm_gui.services.settings import studio_name

        try:
            name = studio_name()
        except Exception as error:  # noqa: BLE001 - a damaged file may not give its settings
            log.warning("the studio name cannot be read: %s", error)
            name = ""
        title = f"{name} — {APP_NAME}" if name else APP_NAME
        if self.read_only_report is not None:
            title = self.tr("%1 (read-only)").replace("%1", title)
        self.setWindowTitle(title)

    def _show_count(self, _shown: int, total: int) -> None:
        self.count_label.setText(self.tr("Clients: %1").replace("%1", format_count(total)))

    # --- actions ------------------------------------------------------------------------
    def new_client(self):
        from .new_client_dialog import NewClientDialog

        dialog = NewClientDialog(self.ctx, self)
        dialog.openClient.connect(self.open_profile)
        if dialog.exec() and dialog.client_id is not None:
            name = dialog.name.text().strip()
            self.statusBar().showMessage(self.tr("%1 was added.").replace("%1", name), 6000)
        return dialog

    def _extra(self, key: str, module: str, function: str):
        if key == "restore" and self.read_only_report is not None:
            return self.recover()
        if key == "expo":
            return self.open_expo()
        return self.open_extra(module, function)

    def open_extra(self, module: str, function: str):
        try:
            return getattr(importlib.import_module(module), function)(self.ctx, self)
        except Exception as error:  # noqa: BLE001 - shown; the window goes on
            show_error(error, self)
            return None

    def open_expo(self, fair: str | None = None):
        """Expo mode (File > Expo mode, F11, `lifecrm expo`); the fair's name is asked
        for when not given. Returns the expo window, or None when not opened."""
        if self.read_only_report is not None:
            QMessageBox.warning(self, self.tr("Expo mode"), self.tr(
                "Expo mode needs a database that can be written; this one failed its check and is open "
                "read-only."))
            return None
        if self.expo_open():
            self.expo_window.bring_forward()
            return self.expo_window
        try:
            from .expo_mode import open_expo_mode

            if self.expo_window is not None and isValid(self.expo_window):
                self.expo_window.deleteLater()  # the booth left earlier
            self.expo_window = open_expo_mode(self.ctx, self, fair=fair)
        except Exception as error:  # noqa: BLE001 - shown; the window goes on
            show_error(error, self)
            return None
        return self.expo_window

    def bring_forward(self) -> None:
        """Another launch on this database: show this window (or expo mode) on top."""
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()
        if self.expo_open():
            self.expo_window.bring_forward()
        self.broughtForward.emit()

    def expo_open(self) -> bool:
        return self.expo_window is not None and isValid(self.expo_window) and self.expo_window.isVisible()

    # --- a damaged database -------------------------------------------------------------
    def set_read_only(self, report) -> None:
        """Show the damaged database read-only (report: recovery.OpenReport), or, with
        None, writable again."""
        self.read_only_report = report
        read_only = report is not None
        for action in (self.new_client_action, self.import_action, self.settings_action,
                       *(self.extra_actions[k] for k in WRITING_EXTRAS if k in self.extra_actions)):
            action.setEnabled(not read_only and (action is not self.import_action
                                                 or service_available("importer")))
        self.read_only_label.setVisible(read_only)
        self.retranslate()
        self.readOnlyChanged.emit(read_only)

    def write_refused_message(self) -> str:
        """What a refused write says while the damaged database is shown read-only."""
        return self.tr("The database failed its check and is open read-only: nothing can be changed. Restore a "
                       "backup with File > Restore from a backup.")

    def recover(self):
        """Restore the newest good backup over the damaged database, after asking."""
        from lifecrm_gui.services import recovery

        from .restore_dialog import offer_recovery

        report = self.read_only_report
        if report is None:
            return None
        report.offered_backup = recovery.newest_good_backup(report.path) or report.offered_backup
        try:
            restored = offer_recovery(report, self)
        except Exception as error:  # noqa: BLE001 - shown; the damaged copy stays open read-only
            show_error(error, self)
            return None
        if restored is None:
            return None
        _db, new_report = restored
        self.set_read_only(None if new_report.writable else new_report)
        self.ctx.settingsChanged.emit()
        self.ctx.clientsChanged.emit([])
        self.statusBar().showMessage(self.tr("The backup was restored; the data can be changed again."), 8000)
        return new_report

    # --- automatic backups --------------------------------------------------------------
    def check_backup(self):
        """The timer's minute: a backup on a worker when one is due (see services.backups)."""
        if self.backup_task is not None and not self.backup_task.finished:
            return self.backup_task
        from lifecrm_gui.services import backups

        now = datetime.now().replace(microsecond=0)

        def work(progress, should_cancel):
            return backups.backup_if_changed(now)

        self.backup_task = workers.run_task(work, self._backed_up, self._backup_failed)
        return self.backup_task

    def _backed_up(self, outcome) -> None:
        if outcome is not None:
            log.info("automatic backup: %s", outcome.path)
            for warning in outcome.warnings:
                self.statusBar().showMessage(warning, 15000)
        self.backupChecked.emit(outcome)

    def _backup_failed(self, error) -> None:
        # Not a dialog every minute: the status bar and the log say it; the next minute tries again.
        log.warning("the automatic backup failed: %s", error)
        self.statusBar().showMessage(self.tr("The automatic backup failed: %1").replace("%1", str(error)), 15000)
        self.backupChecked.emit(error)

    def find_client(self) -> None:
        if self.clients is not None:
            self.show_page("clients")
            self.clients.focus_search()

    def open_settings(self):
        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self)
        dialog.exec()
        return dialog

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About LifeCRM"), self.tr(
            "<h3>LifeCRM %1</h3><p>Client lifecycle management for photography studios.</p>"
            "<p>Database: %2<br>Logs: %3</p>").replace("%1", __version__)
            .replace("%2", str(self.ctx.db_path)).replace("%3", str(paths.log_dir())))

    # --- state --------------------------------------------------------------------------
    def restore_state(self) -> None:
        settings = window_settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(*DEFAULT_SIZE)
        header = settings.value("clients/header")
        if self.clients is not None and isinstance(header, QByteArray) and not header.isEmpty():
            self.clients.table.horizontalHeader().restoreState(header)
        self.tabs.setCurrentIndex(0)
        # The tab current at start was never "changed to": build it once the window is up.
        QTimer.singleShot(0, self, lambda: self._tab_shown(self.tabs.currentIndex()))

    def save_state(self) -> None:
        settings = window_settings()
        settings.setValue("window/geometry", self.saveGeometry())
        if self.clients is not None:
            settings.setValue("clients/header", self.clients.table.horizontalHeader().saveState())
        settings.sync()

    def closeEvent(self, event) -> None:
        self.save_state()
        self.backup_timer.stop()
        if self.expo_open():
            self.expo_window.leave(ask=False)
        if workers.running():
            self.statusBar().showMessage(self.tr("Finishing the work in progress…"))
            workers.shutdown()
        super().closeEvent(event)
