"""A campaign's recipients: who gets the message, each one's status, and the work of
sending (exports, copying texts, marking sent) and of tracking (replies, bookings,
opt-outs)."""

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.domain.campaign_rules import CHANNEL_CONTACTS, RECIPIENT_STATUSES
from lifecrm_gui.domain.vocab import label
from lifecrm_gui.services import campaigns, outbox
from lifecrm_gui.services.contacts import display_phone
from lifecrm_gui.services.money import format_money

from .campaign_dialogs import ReplyDialog
from .campaign_widgets import STATUS_ROLE, StatusBadgeDelegate, open_client
from .form_widgets import PageWork
from .i18n import format_count
from .order_dialog import OrderDialog
from .style import MUTED, icon

_ROOT = QModelIndex()
COLUMNS = ("name", "contact", "status", "sent_at", "replied_at", "revenue", "message")
# Actions shown by their icon alone (their words in the tooltip): with every action in
# words the bar was wider than the campaign's pane at 1280 px in English.
ICON_ONLY = ("copy", "open")
YES = (QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok)


class RecipientModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.channel = "wechat"
        self.lang = "zh"
        self.currency = "CNY"
        self.titles = [""] * len(COLUMNS)

    def set_rows(self, rows: list[dict], channel: str, lang: str, currency: str) -> None:
        self.beginResetModel()
        self.rows, self.channel, self.lang, self.currency = rows, channel, lang, currency
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def contact(self, row: dict) -> str:
        for field in CHANNEL_CONTACTS.get(self.channel, ("phone",)):
            if row.get(field):
                return display_phone(row[field]) if field.startswith("phone") else row[field]
        return ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "contact":
                return self.contact(row) or "—"
            if column == "status":
                return label(RECIPIENT_STATUSES, row["status"], self.lang)
            if column in ("sent_at", "replied_at"):
                return (row[column] or "")[:10]
            if column == "revenue":
                return format_money(row["revenue"], self.currency) if row["revenue"] else ""
            if column == "message":
                return (row["message"] or "").replace("\n", " ")
            return row.get(column) or ""
        if role == STATUS_ROLE and column == "status":
            return row["status"]
        if role == Qt.ItemDataRole.ToolTipRole and column == "message":
            return row["message"]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "revenue":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class RecipientsPanel(QWidget):
    """`changed` after every write (the page reloads figures)."""

    changed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.work = PageWork(self)
        self.campaign: dict | None = None
        self.currency = "CNY"
        self.model = RecipientModel(self)
        self.view = QTableView()
        self.view.setObjectName("recipientsTable")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(30)
        self.view.setItemDelegateForColumn(COLUMNS.index("status"), StatusBadgeDelegate(self.view))
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in zip(COLUMNS, (110, 130, 90, 92, 92, 90)):
            self.view.setColumnWidth(COLUMNS.index(column), width)
        self.view.doubleClicked.connect(lambda index: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(self._enable)

        self.status_filter = QComboBox()
        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.buttons = {}
        for key, icon_name, slot in (("sent", "fa5s.paper-plane", self.mark_sent),
                                     ("replied", "fa5s.reply", self.mark_replied),
                                     ("booked", "fa5s.calendar-check", self.record_booking),
                                     ("opted_out", "fa5s.user-slash", self.mark_opted_out),
                                     ("copy", "fa5s.copy", self.copy_messages),
                                     ("open", "fa5s.user", self.open_selected)):
            button = QPushButton(icon(icon_name), "")
            button.clicked.connect(lambda _checked=False, run=slot: run())
            self.buttons[key] = button
        self.export_button = QToolButton()
        self.export_button.setIcon(icon("fa5s.file-export"))
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self.export_button)
        self.export_button.setMenu(self.export_menu)
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {MUTED};")

        bar = QHBoxLayout()
        bar.setSpacing(6)
        bar.addWidget(self.status_filter)
        for key in ("sent", "replied", "booked", "opted_out", "copy", "open"):
            bar.addWidget(self.buttons[key])
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        self.all_rows: list[dict] = []
        self.retranslate()

    # --- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.model.titles = [self.tr("Name"), self.tr("Contact"), self.tr("Status"), self.tr("Sent"),
                             self.tr("Replied"), self.tr("Revenue"), self.tr("Message")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        texts = {"sent": (self.tr("Mark sent"), self.tr("The selected recipients' messages went out (all pending "
                                                         "ones when none is selected)")),
                 "replied": (self.tr("Replied…"), self.tr("The client answered: logged on their timeline")),
                 "booked": (self.tr("Booking…"), self.tr("Record the order the message brought in")),
                 "opted_out": (self.tr("Opted out"), self.tr("No more marketing: withdraws the client's consent")),
                 "copy": (self.tr("Copy"), self.tr("Copy the selected messages (to paste into WeChat)")),
                 "open": (self.tr("Open client"), self.tr("Show the client's profile"))}
        for key, (text, tip) in texts.items():
            button = self.buttons[key]
            if key in ICON_ONLY:
                button.setAccessibleName(text)
                button.setToolTip(f"{text}: {tip}")
            else:
                button.setText(text)
                button.setToolTip(tip)
        self.export_button.setText(self.tr("Export"))
        self.export_menu.clear()
        for kind, suffix, words in (("sms", "csv", self.tr("SMS platform list (CSV)…")),
                                    ("sms", "xlsx", self.tr("SMS platform list (Excel)…")),
                                    ("wechat", "xlsx", self.tr("WeChat list (Excel)…")),
                                    ("mail_merge", "xlsx", self.tr("Mail merge: emails and cards (Excel)…")),
                                    ("calls", "xlsx", self.tr("Call list (Excel)…"))):
            action = self.export_menu.addAction(words)
            action.triggered.connect(lambda _checked=False, k=kind, s=suffix: self.export(k, s))
        self._fill_filter()
        self._show_rows()

    def _fill_filter(self) -> None:
        chosen = self.status_filter.currentData()
        lang = self.ctx.lang()
        counts = {}
        for row in self.all_rows:
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        self.status_filter.blockSignals(True)
        self.status_filter.clear()
        self.status_filter.addItem(self.tr("All (%1)").replace("%1", format_count(len(self.all_rows))), None)
        for key in RECIPIENT_STATUSES:
            self.status_filter.addItem(f"{label(RECIPIENT_STATUSES, key, lang)} ({format_count(counts.get(key, 0))})",
                                       key)
        self.status_filter.setCurrentIndex(max(0, self.status_filter.findData(chosen)))
        self.status_filter.blockSignals(False)

    # --- data -----------------------------------------------------------------------------
    def set_campaign(self, campaign: dict | None, rows: list[dict], currency: str) -> None:
        self.campaign, self.all_rows, self.currency = campaign, rows, currency
        self._fill_filter()
        self._show_rows()

    def _apply_filter(self, _index: int) -> None:
        self._show_rows()

    def _show_rows(self) -> None:
        wanted = self.status_filter.currentData()
        rows = [r for r in self.all_rows if wanted is None or r["status"] == wanted]
        channel = self.campaign["channel"] if self.campaign else "wechat"
        self.model.set_rows(rows, channel, self.ctx.lang(), self.currency)
        pending = sum(1 for r in self.all_rows if r["status"] == "pending")
        self.summary.setText(self.tr("%1 recipients · %2 still to send").replace("%1", format_count(
            len(self.all_rows))).replace("%2", format_count(pending)) if self.campaign else "")
        self._enable()

    def selected_rows(self) -> list[dict]:
        return [self.model.rows[i.row()] for i in self.view.selectionModel().selectedRows()]

    def _enable(self, *_args) -> None:
        chosen = self.selected_rows()
        statuses = {r["status"] for r in chosen}
        has_pending = any(r["status"] == "pending" for r in self.all_rows)
        self.buttons["sent"].setEnabled(bool(chosen) and "pending" in statuses or not chosen and has_pending)
        self.buttons["replied"].setEnabled(len(chosen) == 1 and statuses <= {"sent"})
        self.buttons["booked"].setEnabled(len(chosen) == 1 and statuses <= {"sent", "replied", "booked",
                                                                              "opted_out"})
        self.buttons["opted_out"].setEnabled(len(chosen) == 1 and "opted_out" not in statuses)
        self.buttons["copy"].setEnabled(bool(chosen))
        self.buttons["open"].setEnabled(len(chosen) == 1)
        self.export_button.setEnabled(bool(self.all_rows))

    # --- actions --------------------------------------------------------------------------
    def _write(self, fn, message: str, client_id: int) -> None:
        def done(_result):
            self.ctx.statusMessage.emit(message)
            self.ctx.clientsChanged.emit([client_id])
            self.changed.emit()
        self.work.run(fn, done)

    def mark_sent(self, recipient_ids=None) -> None:
        """The chosen recipients' (or the selected pending ones', or all pending ones')
        messages went out."""
        chosen = recipient_ids or [r["id"] for r in self.selected_rows() if r["status"] == "pending"] or None
        campaign_id, as_of = self.campaign["id"], self.ctx.today()

        def send():
            return campaigns.mark_sent(campaign_id, chosen, as_of=as_of)

        def done(result):
            words = self.tr("%1 messages recorded as sent").replace("%1", format_count(result.sent))
            left = result.no_consent + result.capped
            if left:
                words += self.tr("; %1 left pending (consent withdrawn or frequency cap reached)").replace(
                    "%1", format_count(left))
            self.ctx.statusMessage.emit(words)
            self.changed.emit()
        self.work.run(send, done)

    def mark_replied(self) -> None:
        row = self.selected_rows()[0]
        note = ReplyDialog.ask(row["name"], self)
        if note is None:
            return
        as_of = self.ctx.today()
        self._write(lambda: campaigns.mark_replied(row["id"], note, as_of=as_of),
                    self.tr("Reply from %1 logged on the timeline").replace("%1", row["name"]), row["client_id"])

    def record_booking(self) -> None:
        row = self.selected_rows()[0]
        dialog = OrderDialog(row["name"], today=self.ctx.today(), lang=self.ctx.lang(), currency=self.currency,
                             parent=self)
        if dialog.exec() != OrderDialog.DialogCode.Accepted:
            return
        values, as_of = dialog.values(), self.ctx.today()
        self._write(lambda: campaigns.record_booking(row["id"], values, as_of=as_of),
                    self.tr("Booking of %1 recorded for this campaign").replace("%1", row["name"]), row["client_id"])

    def mark_opted_out(self) -> None:
        row = self.selected_rows()[0]
        answer = QMessageBox.question(
            self, self.tr("Opted out"),
            self.tr("%1 asked for no more marketing messages. Withdraw their marketing consent?")
            .replace("%1", row["name"]), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer not in YES:
            return
        as_of = self.ctx.today()
        self._write(lambda: campaigns.mark_opted_out(row["id"], as_of=as_of),
                    self.tr("%1 opted out: marketing consent withdrawn").replace("%1", row["name"]), row["client_id"])

    def copy_messages(self) -> None:
        QGuiApplication.clipboard().setText("\n\n".join(r["message"] for r in self.selected_rows()))
        self.ctx.statusMessage.emit(self.tr("Messages copied"))

    def open_selected(self) -> None:
        rows = self.selected_rows()
        if rows:
            open_client(self, self.ctx, rows[0]["client_id"])

    def export(self, kind: str, suffix: str) -> None:
        pending = sum(1 for r in self.all_rows if r["status"] == "pending")
        statuses = ("pending",) if pending else ()
        filters = {"csv": self.tr("CSV files (*.csv)"), "xlsx": self.tr("Excel files (*.xlsx)")}
        default = f"{self.campaign['name'].replace('/', '-').replace(' · ', '-')}-{kind}.{suffix}"
        path, _chosen = QFileDialog.getSaveFileName(self, self.tr("Export recipients"), default, filters[suffix])
        if not path:
            return
        if not path.lower().endswith("." + suffix):
            path += "." + suffix
        campaign_id, lang = self.campaign["id"], self.ctx.lang()

        def write():
            return outbox.export_campaign(campaign_id, path, kind, lang, statuses=statuses)

        def done(result):
            self.ctx.statusMessage.emit(outbox.summary_line(result, lang))
            if pending and result.rows:
                answer = QMessageBox.question(
                    self, self.tr("Export recipients"),
                    self.tr("%1 recipients were written to %2. Once the messages have gone out, mark them as sent "
                            "now?").replace("%1", format_count(result.rows)).replace("%2", result.path.name),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
                if answer in YES:
                    self.mark_sent(list(result.recipient_ids))
        self.work.run(write, done)
