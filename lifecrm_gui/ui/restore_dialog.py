"""Restore from a chosen backup: the backups listed newest first with their date, size,
kind and whether they pass their check (checked on a worker); the chosen one replaces
the data after the current data has itself been backed up."""

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QMessageBox, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout)

from lifecrm_gui import paths
from lifecrm_gui.services import recovery
from lifecrm_gui.services.backups import available_backups, restore

from . import workers
from .errors import show_error, user_message
from .style import ACCENT, ERROR, icon

GOOD_COLOR = "#2e7d32"


class RestoreDialog(QDialog):
    """`restored(object)` carries the RestoreResult."""

    restored = Signal(object)
    listed = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.ctx = ctx
        self.backups = []
        self.task = None
        self.setMinimumSize(720, 460)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("dialogHint")
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.count = QLabel()
        self.count.setObjectName("dialogHint")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.hide()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.folder_button = QPushButton(icon("fa5s.folder-open"), "")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.open_folder)
        self.restore_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.setDefault(True)  # drawn as the main action once a backup is chosen
        self.restore_button.setIcon(icon("fa5s.history", "#ffffff"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addWidget(self.folder_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        ctx.languageChanged.connect(self._language_changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.title.setText(self.tr("Restore from a backup"))
        self.intro.setText(self.tr(
            "Choose the backup to bring back. The data as it is now is backed up first, so a restore can itself "
            "be undone. Only backups that pass their check can be restored."))
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Made"),
                                              self.tr("Check"), self.tr("Folder")])
        self.folder_button.setText(self.tr("Open backup folder"))
        self.restore_button.setText(self.tr("Restore…"))
        self._fill()

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def reason_label(self, reason: str) -> str:
        return {"auto": self.tr("Automatic"), "close": self.tr("On closing"), "merge": self.tr("Before a merge"),
                "import": self.tr("Before an import"), "restore": self.tr("Before a restore"),
                "migration": self.tr("Before an update")}.get(reason, self.tr("By hand"))

    # --- listing ------------------------------------------------------------------------
    def load(self):
        """List and check the backups on a worker (a check reads every page of a file)."""
        self.count.setText(self.tr("Checking the backups…"))
        self.restore_button.setEnabled(False)

        def work(progress, should_cancel):
            progress(0, 0)
            return available_backups(check=True)

        self.task = workers.run_task(work, self._listed, self._failed, read_only=True)
        return self.task

    def _listed(self, backups) -> None:
        self.backups = list(backups)
        self._fill()
        good = sum(b.good for b in self.backups)
        if not self.backups:
            self.count.setText(self.tr("There are no backups yet."))
        else:
            self.count.setText(self.tr("%1 backups, %2 of them pass their check.")
                                .replace("%1", str(len(self.backups))).replace("%2", str(good)))
        self.listed.emit(len(self.backups))

    def _fill(self) -> None:
        locale = QLocale()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            taken = QTableWidgetItem(info.taken_at.strftime("%Y-%m-%d %H:%M"))
            taken.setData(Qt.ItemDataRole.UserRole, str(info.path))
            size = QTableWidgetItem(locale.formattedDataSize(info.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            made = QTableWidgetItem(self.reason_label(info.reason))
            if info.good:
                check = QTableWidgetItem(icon("fa5s.check-circle", GOOD_COLOR), self.tr("Verified"))
            else:
                check = QTableWidgetItem(icon("fa5s.times-circle", ERROR), self.tr("Damaged"))
                check.setToolTip(str(info.verified))
            folder = QTableWidgetItem(str(info.path.parent))
            folder.setToolTip(str(info.path))
            for column, item in enumerate((taken, size, made, check, folder)):
                if not info.good:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, item)

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def selected(self):
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        info = self.backups[rows.pop()]
        return info if info.good else None

    def select_row(self, row: int) -> None:
        self.table.selectRow(row)

    # --- restoring ----------------------------------------------------------------------
    def restore_selected(self):
        info = self.selected()
        if info is None:
            return None
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the data with the backup taken %1? The data as it is now is backed up first.")
            .replace("%1", info.taken_at.strftime("%Y-%m-%d %H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        self.restore_button.setEnabled(False)

        def work(progress, should_cancel):
            progress(0, 0)
            return restore(info.path)

        dialog = workers.make_progress_dialog(self.tr("Restoring the backup…"), self, cancellable=False)
        self.task = workers.run_task(work, self._restored, self._failed, progress_dialog=dialog)
        return self.task

    def _restored(self, result) -> None:
        lines = [self.tr("Restored from the backup taken %1.").replace(
            "%1", self.backups_taken_at(result.restored_from))]
        if result.safety_backup:
            lines.append(self.tr("The data as it was before is kept in %1.").replace("%1", str(result.safety_backup)))
        lines.extend(result.warnings)
        self.show_status("\n".join(lines), ACCENT)
        self.ctx.clientsChanged.emit([])
        self.ctx.settingsChanged.emit()
        self.restored.emit(result)
        self.load()

    def backups_taken_at(self, path) -> str:
        for info in self.backups:
            if info.path == path:
                return info.taken_at.strftime("%Y-%m-%d %H:%M")
        return str(path)

    def _failed(self, error) -> None:
        message = user_message(error) or (str(error) if isinstance(error, (ValueError, OSError)) else None)
        if message is None:
            show_error(error, self)
            return
        self.show_status(message, ERROR)
        self._selection_changed()

    def show_status(self, text: str, color: str) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {color};")
        self.status.show()

    def open_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.backup_dir())))


def open_restore_dialog(ctx, parent=None) -> RestoreDialog:
    """For File > Restore from a backup…: the dialog, shown, its list loading."""
    dialog = RestoreDialog(ctx, parent)
    dialog.show()
    dialog.load()
    return dialog


def offer_recovery(report, parent=None):
    """At start-up, when recovery.open_checked found the database damaged: say so and
    offer the newest backup that passes its check. Returns (db, report) once restored,
    or None when the person declines or there is no backup (the damaged copy then
    stays open read-only, if it could be read at all)."""
    title = QCoreApplication.translate("Recovery", "The database is damaged")
    lines = [QCoreApplication.translate("Recovery", "The database failed its check and was moved aside, untouched, to:"),
             str(report.moved_to)]
    offered = report.offered_backup
    if offered is None:
        lines += ["", QCoreApplication.translate("Recovery", "No backup that passes its check was found. LifeCRM "
                                                             "shows what can still be read, and nothing can be changed.")]
        QMessageBox.critical(parent, title, "\n".join(lines))
        return None
    taken = offered.taken_at.strftime("%Y-%m-%d %H:%M")
    lines += ["", QCoreApplication.translate("Recovery", "Restore the backup taken %1?").replace("%1", taken),
              str(offered.path)]
    answer = QMessageBox.question(parent, title, "\n".join(lines),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.Yes)
    if answer != QMessageBox.StandardButton.Yes:
        return None
    return recovery.restore_offered(report)


def warn_about_location(report, parent=None) -> bool:
    """Show the warnings about where the database file sits (a network share, a synced
    folder); False when there were none."""
    if not report.warnings:
        return False
    QMessageBox.warning(parent, QCoreApplication.translate("Recovery", "Where the database is kept"),
                        "\n\n".join(report.warnings))
    return True
