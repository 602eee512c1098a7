"""The File menu's work with files: import, export and backup, each chosen in a small
dialog and run on a worker with progress and cancel."""

import importlib.util
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from lifecrm_gui import paths

from . import workers
from .errors import show_error
from .i18n import format_count

IMPORT_KINDS = ("clients", "orders", "events")
EXPORT_KINDS = ("clients", "orders")
MAX_PROBLEMS_SHOWN = 500


def kind_names() -> dict[str, str]:
    return {"clients": QCoreApplication.translate("FileActions", "Clients"),
            "orders": QCoreApplication.translate("FileActions", "Orders"),
            "events": QCoreApplication.translate("FileActions", "Timeline events")}


def service_available(name: str) -> bool:
    return importlib.util.find_spec(f"lifecrm_gui.services.{name}") is not None


class TransferDialog(QDialog):
    """What to import or export, and which file."""

    def __init__(self, exporting: bool, parent=None):
        super().__init__(parent)
        self.exporting = exporting
        self.setObjectName("exportDialog" if exporting else "importDialog")
        self.kind = QComboBox()
        self.path = QLineEdit()
        self.path.setMinimumWidth(360)
        self.browse = QPushButton()
        self.browse.clicked.connect(self.choose_file)
        self.dry_run = QCheckBox()
        self.hint = QLabel()
        self.hint.setObjectName("dialogHint")
        self.hint.setWordWrap(True)
        file_row = QWidget()
        row = QHBoxLayout(file_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        self.form = QFormLayout()
        self.form.setHorizontalSpacing(12)
        self.kind_label, self.file_label = QLabel(), QLabel()
        self.form.addRow(self.kind_label, self.kind)
        self.form.addRow(self.file_label, file_row)
        if not exporting:
            self.form.addRow("", self.dry_run)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._accept_if_ready)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.hint)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._update_ok)
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        chosen = self.kind.currentData()
        self.kind.clear()
        names = kind_names()
        for kind in (EXPORT_KINDS if self.exporting else IMPORT_KINDS):
            self.kind.addItem(names[kind], kind)
        self.kind.setCurrentIndex(max(self.kind.findData(chosen), 0))
        if self.exporting:
            self.setWindowTitle(self.tr("Export"))
            self.hint.setText(self.tr("Write clients or orders to an Excel (.xlsx) or CSV file."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        else:
            self.setWindowTitle(self.tr("Import"))
            self.hint.setText(self.tr("Read clients, orders or timeline events from an Excel (.xlsx) or CSV file. "
                                      "Every row is checked first: if any row has a problem, nothing is written."))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.kind_label.setText(self.tr("What"))
        self.file_label.setText(self.tr("File"))
        self.browse.setText(self.tr("Choose…"))
        self.dry_run.setText(self.tr("Only check the file, write nothing"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def choose_file(self) -> None:
        filters = self.tr("Excel or CSV (*.xlsx *.csv)")
        if self.exporting:
            suggested = str(Path.home() / f"lifecrm-{self.kind.currentData()}-{datetime.now():%Y%m%d}.xlsx")
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.path.text() or suggested,
                                                    self.tr("Excel (*.xlsx);;CSV (*.csv)"))
        else:
            chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Import from"), self.path.text(), filters)
        if chosen:
            self.path.setText(chosen)

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.path.text().strip()))

    def _accept_if_ready(self) -> None:
        if self.path.text().strip():
            self.accept()

    def choice(self) -> tuple[str, Path, bool]:
        return self.kind.currentData(), Path(self.path.text().strip()), self.dry_run.isChecked()


class ProblemsDialog(QDialog):
    """The rows an import could not take, to read, copy and fix in the file."""

    def __init__(self, title: str, summary: str, problems: list[str], parent=None):
        super().__init__(parent)
        self.setObjectName("problemsDialog")
        self.setWindowTitle(title)
        self.setMinimumSize(620, 400)
        self.summary = QLabel(summary)
        self.summary.setWordWrap(True)
        shown = problems[:MAX_PROBLEMS_SHOWN]
        if len(problems) > len(shown):
            shown.append(self.tr("…and %1 more.").replace("%1", format_count(len(problems) - len(shown))))
        self.text = QPlainTextEdit("\n".join(shown))
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class FileActions(QObject):
    """Import, export and backup for the main window. `finished(str)` names the action done."""

    finished = Signal(str)

    def __init__(self, ctx, window):
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.task = None
        self.last_result = None

    def _message(self, text: str) -> None:
        QMessageBox.information(self.window, self.tr("LifeCRM"), text)

    def _progress(self, text: str):
        return workers.make_progress_dialog(text, self.window)

    # --- import -------------------------------------------------------------------------
    def import_file(self) -> None:
        dialog = TransferDialog(exporting=False, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.run_import(*dialog.choice())

    def run_import(self, kind: str, path: Path, dry_run: bool = False):
        from lifecrm_gui.services.importer import import_file

        as_of = self.ctx.today()

        def work(progress, should_cancel):
            if not dry_run:
                from lifecrm_gui.services.backups import backup_before

                progress(0, 0)
                backup_before("import")  # a verified backup first; if it fails, nothing is imported
            return import_file(kind, path, dry_run=dry_run, as_of=as_of, progress=progress,
                               should_cancel=should_cancel)

        self.task = workers.run_task(work, lambda result: self._imported(kind, path, dry_run, result),
                                     lambda error: self._failed("import", error),
                                     on_cancel=lambda: self._cancelled("import"),
                                     progress_dialog=self._progress(self.tr("Importing %1…").replace("%1", path.name)))
        return self.task

    def _imported(self, kind: str, path: Path, dry_run: bool, result) -> None:
        self.last_result = result
        names = kind_names()
        if result.errors:
            summary = self.tr("Problems found in %1: %2 (rows read: %3). Nothing was written: fix these rows and "
                              "import the file again.").replace("%1", path.name) \
                .replace("%2", format_count(len(result.errors))).replace("%3", format_count(result.rows))
            ProblemsDialog(self.tr("Import problems"), summary, [str(e) for e in result.errors], self.window).exec()
        elif dry_run:
            self._message(self.tr("%1 has no problems. %2 that would be imported: %3 (rows read: %4).")
                          .replace("%1", path.name).replace("%2", names.get(kind, kind))
                          .replace("%3", format_count(result.would_write)).replace("%4", format_count(result.rows)))
        else:
            self.ctx.clientsChanged.emit([])
            self._message(self.tr("Import finished. %1 written: %2 (rows read: %3, file %4).")
                          .replace("%1", names.get(kind, kind)).replace("%2", format_count(result.written))
                          .replace("%3", format_count(result.rows)).replace("%4", path.name))
        self.finished.emit("import")

    # --- export -------------------------------------------------------------------------
    def export_file(self) -> None:
        dialog = TransferDialog(exporting=True, parent=self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            kind, path, _dry = dialog.choice()
            self.run_export(kind, path)

    def run_export(self, kind: str, path: Path):
        from lifecrm_gui.services.exporter import export_file

        def work(progress, should_cancel):
            progress(0, 0)
            return export_file(kind, path, progress=progress)

        def done(count):
            self.last_result = count
            self._message(self.tr("Rows exported: %1\nFile: %2").replace("%1", format_count(count or 0))
                          .replace("%2", str(path)))
            self.finished.emit("export")

        self.task = workers.run_task(work, done, lambda error: self._failed("export", error),
                                     progress_dialog=self._progress(self.tr("Exporting to %1…")
                                                                    .replace("%1", path.name)))
        return self.task

    # --- backup -------------------------------------------------------------------------
    def backup(self) -> None:
        folder = paths.backup_dir()
        suggested = folder / f"{self.ctx.db_path.stem}-{datetime.now():%Y%m%d-%H%M}.sqlite3"
        chosen, _ = QFileDialog.getSaveFileName(self.window, self.tr("Back up the database to"), str(suggested),
                                                self.tr("LifeCRM database (*.sqlite3)"))
        if chosen:
            self.run_backup(Path(chosen))

    def run_backup(self, dest: Path):
        from lifecrm_gui.services.backup import backup

        def work(progress, should_cancel):
            progress(0, 0)
            return backup(dest)

        def done(target):
            self.last_result = target
            self._message(self.tr("Backup written and verified:\n%1").replace("%1", str(target)))
            self.finished.emit("backup")

        self.task = workers.run_task(work, done, lambda error: self._failed("backup", error),
                                     progress_dialog=self._progress(self.tr("Backing up the database…")))
        return self.task

    # --- outcomes -----------------------------------------------------------------------
    def _failed(self, action: str, error) -> None:
        self.last_result = error
        show_error(error, self.window)
        self.finished.emit(action)

    def _cancelled(self, action: str) -> None:
        self.ctx.statusMessage.emit(self.tr("Cancelled; nothing was written."))
        self.finished.emit(action)
