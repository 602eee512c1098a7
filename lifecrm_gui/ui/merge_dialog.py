"""File > Merge from another LifeCRM database: choose a field laptop's database file,
merge it on a worker (a verified backup is taken first), see what came over, then
resolve the fields that differ on both sides (keep ours or take theirs)."""

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFrame,
                               QGridLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from lifecrm_gui.services.merge import MergeRefused, conflict_count, merge_database, open_conflicts, resolve_conflicts

from . import workers
from .errors import show_error, user_message
from .i18n import format_count
from .style import ACCENT, ERROR, MUTED, icon

# How many changed clients are worth naming to the other pages; above it they reload everything.
MAX_NAMED_CHANGES = 500


class StatCard(QFrame):
    """A figure with its caption, e.g. "12 / New clients"."""

    def __init__(self, icon_name: str, color: str, parent=None):
        super().__init__(parent)
        self.setObjectName("statCard")
        self.setStyleSheet("QFrame#statCard { background: #ffffff; border: 1px solid #d9dedc; border-radius: 6px; }")
        self.icon = QLabel()
        self.icon.setPixmap(icon(icon_name, color).pixmap(22, 22))
        self.value = QLabel("0")
        self.value.setStyleSheet(f"font-size: 20px; font-weight: 600; color: {color};")
        self.caption = QLabel()
        self.caption.setStyleSheet(f"color: {MUTED};")
        layout = QGridLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setHorizontalSpacing(10)
        layout.setVerticalSpacing(0)
        layout.addWidget(self.icon, 0, 0, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.value, 0, 1)
        layout.addWidget(self.caption, 1, 1)

    def set_value(self, number: int) -> None:
        self.value.setText(format_count(number))


class MergeDialog(QDialog):
    """`merged(object)` carries the MergeSummary; `resolved(list)` the ids of the clients
    that a resolution changed."""

    merged = Signal(object)
    resolved = Signal(list)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.ctx = ctx
        self.task = None
        self.summary = None
        self.conflicts: list[dict] = []
        self.setMinimumSize(760, 620)

        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.intro = QLabel()
        self.intro.setObjectName("dialogHint")
        self.intro.setWordWrap(True)
        self.file_label = QLabel()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.choose_button = QPushButton(icon("fa5s.folder-open"), "")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_file)
        self.backup_note = QLabel()
        self.backup_note.setObjectName("dialogHint")
        self.backup_note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        self.error.setStyleSheet(f"color: {ERROR};")
        self.error.setWordWrap(True)
        self.error.hide()

        self.empty = QLabel()
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED}; padding: 24px;")

        self.result_box = QWidget()
        self.result_title = QLabel()
        self.result_title.setObjectName("sectionTitle")
        self.cards = {"new": StatCard("fa5s.user-plus", ACCENT), "matched": StatCard("fa5s.user-check", "#455a64"),
                      "conflicts": StatCard("fa5s.balance-scale", "#b26a00"),
                      "rows": StatCard("mdi6.database-import", "#455a64")}
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        cards = QHBoxLayout()
        cards.setSpacing(10)
        for card in self.cards.values():
            cards.addWidget(card, 1)
        result_layout = QVBoxLayout(self.result_box)
        result_layout.setContentsMargins(0, 4, 0, 0)
        result_layout.setSpacing(8)
        result_layout.addWidget(self.result_title)
        result_layout.addLayout(cards)
        result_layout.addWidget(self.details)
        self.result_box.hide()

        self.review_box = QWidget()
        self.review_title = QLabel()
        self.review_title.setObjectName("sectionTitle")
        self.review_hint = QLabel()
        self.review_hint.setObjectName("dialogHint")
        self.review_hint.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setMinimumHeight(160)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.keep_all = QPushButton()
        self.keep_all.clicked.connect(lambda: self.choose_all("ours"))
        self.take_all = QPushButton()
        self.take_all.clicked.connect(lambda: self.choose_all("theirs"))
        self.apply_button = QPushButton(icon("fa5s.check-circle", "#ffffff"), "")
        self.apply_button.setObjectName("primaryButton")
        self.apply_button.clicked.connect(self.apply_choices)
        for button in (self.keep_all, self.take_all, self.apply_button):
            button.setAutoDefault(False)
        review_buttons = QHBoxLayout()
        review_buttons.addWidget(self.keep_all)
        review_buttons.addWidget(self.take_all)
        review_buttons.addStretch(1)
        review_buttons.addWidget(self.apply_button)
        review_layout = QVBoxLayout(self.review_box)
        review_layout.setContentsMargins(0, 4, 0, 0)
        review_layout.setSpacing(6)
        review_layout.addWidget(self.review_title)
        review_layout.addWidget(self.review_hint)
        review_layout.addWidget(self.table, 1)
        review_layout.addLayout(review_buttons)
        self.review_box.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.merge_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.setIcon(icon("mdi6.merge", "#ffffff"))
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.start_merge)
        self.buttons.rejected.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_row.addWidget(self.file_label)
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(file_row)
        layout.addWidget(self.backup_note)
        layout.addWidget(self.error)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.result_box)
        layout.addWidget(self.review_box, 1)
        layout.addWidget(self.buttons)
        ctx.languageChanged.connect(self._language_changed)
        self.retranslate()
        self.load_conflicts()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Merge from another LifeCRM database"))
        self.title.setText(self.tr("Merge from another LifeCRM database"))
        self.intro.setText(self.tr(
            "Bring in what a laptop captured away from the studio. Clients are matched by phone, WeChat id or "
            "email; empty fields are filled in, and fields that differ on both sides wait for your choice "
            "below. Merging the same file twice changes nothing."))
        self.file_label.setText(self.tr("File:"))
        self.file_edit.setPlaceholderText(self.tr("Choose the other LifeCRM database (.sqlite3)"))
        self.choose_button.setText(self.tr("Choose…"))
        self.backup_note.setText(self.tr("A verified backup of this database is taken before anything is merged."))
        self.empty.setText(self.tr("Choose the laptop's database file, then Merge. What came over, and any fields "
                                   "that need your choice, will show here."))
        self.merge_button.setText(self.tr("Merge"))
        self.result_title.setText(self.tr("What the merge did"))
        self.cards["new"].caption.setText(self.tr("New clients"))
        self.cards["matched"].caption.setText(self.tr("Matched clients"))
        self.cards["conflicts"].caption.setText(self.tr("Conflicts to review"))
        self.cards["rows"].caption.setText(self.tr("Rows added"))
        self.review_title.setText(self.tr("Fields that differ"))
        self.review_hint.setText(self.tr("Both databases hold a different value for these fields. Choose, field "
                                         "by field, which one the client keeps."))
        self.table.setHorizontalHeaderLabels([self.tr("Client"), self.tr("Field"), self.tr("Ours (this database)"),
                                              self.tr("Theirs (incoming)"), self.tr("Keep")])
        self.keep_all.setText(self.tr("Keep all ours"))
        self.take_all.setText(self.tr("Take all theirs"))
        self.apply_button.setText(self.tr("Apply choices"))
        for row in range(self.table.rowCount()):
            self._fill_choice_texts(self.table.cellWidget(row, 4))
            item = self.table.item(row, 1)
            item.setText(self.field_label(item.data(Qt.ItemDataRole.UserRole)))
        if self.summary is not None:
            self.show_summary(self.summary)

    def _language_changed(self, _lang: str) -> None:
        self.retranslate()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def field_label(self, name: str) -> str:
        labels = {
            "name": self.tr("Name"), "kind": self.tr("Kind"), "industry": self.tr("Industry"),
            "contact_person": self.tr("Contact person"), "salutation": self.tr("Salutation"),
            "gender": self.tr("Gender"), "phone": self.tr("Phone"), "phone_alt": self.tr("Second phone"),
            "wechat": self.tr("WeChat"), "email": self.tr("Email"), "address": self.tr("Address"),
            "birthday": self.tr("Birthday"), "birthday_lunar": self.tr("Lunar birthday"),
            "wedding_date": self.tr("Wedding date"), "source": self.tr("Source"),
            "source_detail": self.tr("Source detail"), "referred_by": self.tr("Referred by"),
            "followers": self.tr("Followers"), "engagement": self.tr("Engagement"),
            "reputation_rank": self.tr("Reputation rank"), "class_pin": self.tr("Pinned class"),
            "consent_channel": self.tr("Consent channel"), "lost_reason": self.tr("Lost reason"),
            "manual_stage": self.tr("Stage set by hand"), "ref": self.tr("Reference"),
        }
        return labels.get(name, name)

    def _fill_choice_texts(self, combo: QComboBox) -> None:
        combo.setItemText(0, self.tr("Keep ours"))
        combo.setItemText(1, self.tr("Take theirs"))

    # --- choosing and merging -----------------------------------------------------------
    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(self, self.tr("Merge from another LifeCRM database"),
                                                str(Path.home()),
                                                self.tr("LifeCRM databases (*.sqlite3 *.db);;All files (*)"))
        if chosen:
            self.set_file(Path(chosen))

    def set_file(self, path: Path) -> None:
        self.file_edit.setText(str(path))
        self.merge_button.setEnabled(True)
        self.merge_button.setDefault(True)
        self.error.hide()

    def start_merge(self):
        path = Path(self.file_edit.text())
        as_of = self.ctx.today()
        self.error.hide()
        self.merge_button.setEnabled(False)
        self.choose_button.setEnabled(False)

        def work(progress, should_cancel):
            return merge_database(path, as_of=as_of, progress=progress, should_cancel=should_cancel)

        dialog = workers.make_progress_dialog(self.tr("Merging %1…").replace("%1", path.name), self)
        self.task = workers.run_task(work, self._merged, self._failed, on_cancel=self._cancelled,
                                     progress_dialog=dialog)
        return self.task

    def _merged(self, summary) -> None:
        self.summary = summary
        self.choose_button.setEnabled(True)
        self.merge_button.setEnabled(True)
        self.show_summary(summary)
        self.load_conflicts()
        if summary.client_ids:
            ids = list(summary.client_ids)
            self.ctx.clientsChanged.emit(ids if len(ids) <= MAX_NAMED_CHANGES else [])
        self.merged.emit(summary)

    def _failed(self, error) -> None:
        self.choose_button.setEnabled(True)
        self.merge_button.setEnabled(True)
        message = user_message(error)
        if message is None and isinstance(error, (MergeRefused, OSError, ValueError)):
            message = str(error)
        if message is None:
            show_error(error, self)
            return
        self.show_error_text(message)

    def _cancelled(self) -> None:
        self.choose_button.setEnabled(True)
        self.merge_button.setEnabled(True)
        self.show_error_text(self.tr("The merge was cancelled; nothing was changed."))

    def show_error_text(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def show_summary(self, summary) -> None:
        self.result_box.show()
        self.empty.hide()
        if summary.already_merged:
            for card in self.cards.values():
                card.set_value(0)
            self.details.setText(self.tr("This file was merged before and has not changed since: nothing to do."))
            return
        added = summary.rows_added
        self.cards["new"].set_value(summary.new_clients)
        self.cards["matched"].set_value(summary.matched)
        self.cards["conflicts"].set_value(summary.conflicts)
        self.cards["rows"].set_value(sum(added.values()))
        parts = [(self.tr("clients"), added.get("clients", 0)), (self.tr("timeline entries"), added.get("events", 0)),
                 (self.tr("orders"), added.get("orders", 0)), (self.tr("family members"), added.get("family", 0)),
                 (self.tr("tags"), added.get("tags", 0)), (self.tr("follow-ups"), added.get("tasks", 0))]
        shown = " · ".join(f"{what} {format_count(n)}" for what, n in parts if n) or self.tr("nothing new")
        lines = [self.tr("Added: %1").replace("%1", shown)]
        if summary.backup:
            lines.append(self.tr("Backup taken first: %1").replace("%1", summary.backup))
        lines.extend(summary.warnings)
        self.details.setText("\n".join(lines))

    # --- the review list ----------------------------------------------------------------
    def load_conflicts(self) -> None:
        self.conflicts = open_conflicts(lang=self.ctx.lang())
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            client = QTableWidgetItem(f"{conflict['client_name']}")
            client.setData(Qt.ItemDataRole.UserRole, conflict["id"])
            field_item = QTableWidgetItem(self.field_label(conflict["field"]))
            field_item.setData(Qt.ItemDataRole.UserRole, conflict["field"])
            ours = QTableWidgetItem(conflict["ours_text"] or "—")
            theirs = QTableWidgetItem(conflict["theirs_text"])
            for item in (ours, theirs):
                item.setToolTip(item.text())
            self.table.setItem(row, 0, client)
            self.table.setItem(row, 1, field_item)
            self.table.setItem(row, 2, ours)
            self.table.setItem(row, 3, theirs)
            combo = QComboBox()
            combo.addItem("", "ours")
            combo.addItem("", "theirs")
            self._fill_choice_texts(combo)
            self.table.setCellWidget(row, 4, combo)
        if self.conflicts:
            widest = max(self.table.cellWidget(row, 4).sizeHint().width() for row in range(len(self.conflicts)))
            self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Fixed)
            self.table.horizontalHeader().resizeSection(4, widest + 8)
        self.review_box.setVisible(bool(self.conflicts))
        self.empty.setVisible(not self.conflicts and not self.result_box.isVisible())
        self.apply_button.setEnabled(bool(self.conflicts))

    def choose_all(self, choice: str) -> None:
        for row in range(self.table.rowCount()):
            combo = self.table.cellWidget(row, 4)
            combo.setCurrentIndex(combo.findData(choice))

    def choices(self) -> dict[int, str]:
        return {self.table.item(row, 0).data(Qt.ItemDataRole.UserRole): self.table.cellWidget(row, 4).currentData()
                for row in range(self.table.rowCount())}

    def apply_choices(self):
        choices = self.choices()
        if not choices:
            return None
        as_of = self.ctx.today()
        self.apply_button.setEnabled(False)

        def work(progress, should_cancel):
            progress(0, 0)
            return resolve_conflicts(choices, as_of=as_of)

        def done(changed):
            self.load_conflicts()
            if changed:
                self.ctx.clientsChanged.emit(list(changed))
            self.resolved.emit(list(changed))

        self.task = workers.run_task(work, done, self._failed_resolve,
                                     progress_dialog=workers.make_progress_dialog(self.tr("Applying choices…"),
                                                                                  self, cancellable=False))
        return self.task

    def _failed_resolve(self, error) -> None:
        self.apply_button.setEnabled(True)
        message = user_message(error)
        if message is None:
            show_error(error, self)
            return
        self.show_error_text(message)


def open_merge_dialog(ctx, parent=None) -> MergeDialog:
    """For File > Merge from another LifeCRM database…: the dialog, shown."""
    dialog = MergeDialog(ctx, parent)
    dialog.show()
    return dialog


def pending_conflicts() -> int:
    """How many merged fields wait for review (for a badge on the menu entry)."""
    return conflict_count()
