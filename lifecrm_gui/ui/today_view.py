"""The Today view: the first thing the front desk sees in the morning. Follow-ups due,
shoots today and tomorrow, birthdays, anniversaries and milestones coming up,
playbook touches due and clients just gone dormant; every row one click from the
client, from logging the call, and from being done."""

from PySide6.QtCore import QAbstractTableModel, QDate, QEvent, QLocale, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.services import campaigns
from lifecrm_gui.services import today as today_service
from lifecrm_gui.services.timeline import client_name

from .campaign_dialogs import CallDialog, FollowUpDialog
from .campaign_widgets import (
    STATUS_COLORS,
    LinkDelegate,
    RowActionsDelegate,
    Section,
    bus,
    open_client,
)
from .form_widgets import PageWork
from .i18n import format_count
from .style import ACCENT, MUTED, icon

_ROOT = QModelIndex()
ACTIONS_ROLE, MARK_ROLE = RowActionsDelegate.ACTIONS_ROLE, RowActionsDelegate.MARK_ROLE
ACTION_ICONS = {"call": "fa5s.phone", "done": "fa5s.check", "send": "fa5s.paper-plane", "campaign": "fa5s.bullhorn"}
# A row's state, shown where its send button would be (in STATUS_COLORS' text colour)
STATE_ICONS = {"sent": "mdi6.check-all", "lined_up": "mdi6.playlist-check", "no_consent": "mdi6.bell-off-outline",
               "capped": "mdi6.timer-sand", "off": "mdi6.pause-circle-outline"}


class TodayModel(QAbstractTableModel):
    """Rows of Today items: when, the client (a link), what, and the row's one-click
    actions with its state when it matters (in words in the tooltip)."""

    COLUMNS = ("when", "client", "what", "actions")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.titles = [""] * len(self.COLUMNS)
        self.state_words: dict[str, str] = {}

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    @staticmethod
    def actions(item) -> tuple:
        if item.kind == "task":
            return ("call", "done")
        return ("call", "send") if item.can_mark_done else ("call",)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item, column = self.items[index.row()], self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "when":
                return item.when
            if column == "client":
                return item.name
            if column == "what":
                return item.title + (f" · {item.detail}" if item.detail and item.kind == "task" else "")
            return None
        if role == MARK_ROLE and column == "actions":
            return item.state  # overdue shows in red in the first column
        if role == ACTIONS_ROLE and column == "actions":
            return self.actions(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == "what":
                return "\n".join(t for t in (item.title, item.detail, self.state_words.get(item.state, "")) if t)
            if column == "client":
                return item.phone or ""
            if column == "actions" and item.state in STATE_ICONS:
                return self.state_words.get(item.state)
        if role == Qt.ItemDataRole.ForegroundRole and column == "when" and item.state == "overdue":
            return QColor("#b3261e")
        return None


class PlaybookModel(QAbstractTableModel):
    """Standing playbook audiences: name, how many, and the action that starts a campaign."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list = []
        self.titles = ["", "", ""]

    def set_items(self, items) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return item.name + (f" · {item.holiday}" if item.holiday else "")
            if index.column() == 1:
                return format_count(item.eligible)
            return None
        if role == ACTIONS_ROLE and index.column() == 2:
            return ("campaign",)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return item.hint
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model, delegate: RowActionsDelegate, widths: dict, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(30)
    view.setMouseTracking(True)
    header = view.horizontalHeader()
    header.setHighlightSections(False)
    for column in range(model.columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            view.setColumnWidth(column, widths.get(column, 80))
    view.setItemDelegateForColumn(model.columnCount() - 1, delegate)
    return view


class TodayView(QWidget):
    SECTIONS = (("tasks", "fa5s.tasks"), ("shoots", "fa5s.camera"), ("occasions", "fa5s.birthday-cake"),
                ("touches", "fa5s.hand-holding-heart"), ("dormant", "mdi6.sleep"))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("todayView")
        self.ctx = ctx
        self.work = PageWork(self)
        self.data: today_service.Today | None = None
        self.stale = False
        self.loading = False

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() + 5)
        font.setBold(True)
        self.heading.setFont(font)
        self.date_label = QLabel()
        self.date_label.setStyleSheet(f"color: {MUTED};")
        self.summary = QLabel()
        self.summary.setStyleSheet(f"color: {ACCENT}; font-weight: 600;")
        self.follow_up_button = QPushButton(icon("fa5s.plus"), "")
        self.follow_up_button.clicked.connect(self.new_follow_up)
        self.refresh_button = QPushButton(icon("fa5s.sync-alt"), "")
        self.refresh_button.clicked.connect(self.reload)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(self.heading)
        head.addWidget(self.date_label)
        head.addSpacing(8)
        head.addWidget(self.summary, 1)
        head.addWidget(self.follow_up_button)
        head.addWidget(self.refresh_button)

        icons = {name: icon(path, ACCENT if name in ("done", "send", "campaign") else "#455a64")
                 for name, path in ACTION_ICONS.items()}
        marks = {state: icon(path, STATUS_COLORS[state][1]) for state, path in STATE_ICONS.items()}
        self.sections: dict[str, Section] = {}
        self.models: dict[str, TodayModel] = {}
        self.views: dict[str, QTableView] = {}
        self.empty: dict[str, QLabel] = {}
        for key, icon_name in self.SECTIONS:
            section = Section(icon_name)
            model = TodayModel(self)
            actions = RowActionsDelegate(icons, self._action_tip, self, marks)
            actions.triggered = lambda row, action, k=key: self.act(k, row, action)
            view = _table(model, actions, {0: 76, 1: 74, 3: 66}, stretch=2)
            view.setObjectName(f"today_{key}")
            link = LinkDelegate(view)
            link.clicked = lambda row, k=key: self._open_row(k, row)
            view.setItemDelegateForColumn(1, link)
            view.doubleClicked.connect(lambda index, k=key: self._open_row(k, index.row()))
            empty = QLabel()
            empty.setStyleSheet(f"color: {MUTED}; padding: 6px 2px;")
            empty.setWordWrap(True)
            section.body.addWidget(view, 1)
            section.body.addWidget(empty)
            self.sections[key], self.models[key], self.views[key], self.empty[key] = section, model, view, empty

        self.playbook_model = PlaybookModel(self)
        playbook_actions = RowActionsDelegate(icons, self._action_tip, self)
        playbook_actions.triggered = lambda row, _action: self.start_campaign(row)
        self.playbook_view = _table(self.playbook_model, playbook_actions, {1: 64, 2: 40}, stretch=0)
        self.playbook_view.setObjectName("today_playbooks")
        self.playbook_view.horizontalHeader().hide()
        self.playbook_title = QLabel()
        self.playbook_title.setStyleSheet("font-weight: 600;")
        touches = self.sections["touches"]
        touches.body.addWidget(self.playbook_title)
        touches.body.addWidget(self.playbook_view, 1)

        columns = QHBoxLayout()
        columns.setSpacing(12)
        for stacked in ((("tasks", 1), ("shoots", 1)), (("occasions", 1),), (("touches", 3), ("dormant", 2))):
            column = QVBoxLayout()
            column.setSpacing(12)
            for key, stretch in stacked:
                column.addWidget(self.sections[key], stretch)
            columns.addLayout(column, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(columns, 1)

        ctx.clientsChanged.connect(self._data_changed)
        ctx.settingsChanged.connect(self._data_changed)
        ctx.clientSelected.connect(self._client_selected)
        ctx.languageChanged.connect(lambda _lang: (self.retranslate(), self.reload()))
        bus(ctx).changed.connect(self._data_changed)
        self.retranslate()
        self._client_selected(ctx.current_client if ctx.current_client is not None else -1)
        self.reload()

    # --- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Today"))
        lang = self.ctx.lang()
        locale = QLocale(QLocale.Language.Chinese if lang == "zh" else QLocale.Language.English)
        day = self.ctx.today()
        self.date_label.setText(locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat))
        self.follow_up_button.setText(self.tr("New follow-up"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.refresh_button.setToolTip(self.tr("Read everything again"))
        titles = {"tasks": self.tr("Follow-ups due"), "shoots": self.tr("Shoots today and tomorrow"),
                  "occasions": self.tr("Coming up: birthdays, anniversaries, milestones"),
                  "touches": self.tr("Playbook touches due"), "dormant": self.tr("Just gone dormant, worth a call")}
        states = {"due": self.tr("Due"), "overdue": self.tr("Overdue"), "sent": self.tr("Sent"),
                  "lined_up": self.tr("Lined up"), "no_consent": self.tr("No consent"),
                  "capped": self.tr("Cap reached"), "off": self.tr("Playbook off")}
        columns = [self.tr("When"), self.tr("Client"), self.tr("What"), ""]
        for key, section in self.sections.items():
            section.title.setText(titles[key])
            model = self.models[key]
            model.titles = columns
            model.state_words = states
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(columns) - 1)
            self.views[key].viewport().update()
        self.playbook_title.setText(self.tr("Ready for a campaign"))
        self._show()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _action_tip(self, action: str) -> str:
        return {"call": self.tr("Log a call"),
                "done": self.tr("Mark done"),
                "send": self.tr("Copy the message and record it as sent"),
                "campaign": self.tr("Start a campaign for these clients")}[action]

    # --- loading --------------------------------------------------------------------------
    def _data_changed(self, *_args) -> None:
        if self.isVisible():
            self.reload()
        else:
            self.stale = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.stale:
            self.reload()

    def reload(self) -> None:
        self.stale = False
        self.loading = True
        as_of, lang = self.ctx.today(), self.ctx.lang()
        self.work.run(lambda: today_service.today(as_of, lang), self._loaded, read_only=True)

    def _loaded(self, data) -> None:
        self.loading = False
        self.data = data
        self._show()

    def _show(self) -> None:
        data = self.data
        if data is None:
            return
        lists = {"tasks": data.tasks, "shoots": data.shoots, "occasions": data.occasions, "touches": data.touches,
                 "dormant": data.dormant}
        for key, items in lists.items():
            self.models[key].set_items(items)
            self.views[key].setVisible(bool(items))
        self.playbook_model.set_items(data.playbooks)
        self.playbook_view.setVisible(bool(data.playbooks))
        self.playbook_title.setVisible(bool(data.playbooks))
        counts = {"tasks": data.tasks_total, "shoots": len(data.shoots), "occasions": len(data.occasions),
                  "touches": len(data.touches), "dormant": data.dormant_total}
        for key, section in self.sections.items():
            section.count.setText(format_count(counts[key]))
        empty = {"tasks": self.tr("No follow-ups due. Add one for the client you are looking at with "
                                  "“New follow-up”."),
                 "shoots": self.tr("No shoots booked for today or tomorrow."),
                 "occasions": self.tr("No birthdays, anniversaries or milestones in the coming days."),
                 "touches": self.tr("Nothing due from the playbooks today."),
                 "dormant": self.tr("Nobody has gone dormant in the last 30 days.")}
        for key, label in self.empty.items():
            nothing = counts[key] == 0 and not (key == "touches" and data.playbooks)
            label.setText(empty[key])
            label.setVisible(nothing)
        if data.dormant_no_consent:
            self.sections["dormant"].count.setText(
                self.tr("%1 · %2 without consent").replace("%1", format_count(data.dormant_total))
                .replace("%2", format_count(data.dormant_no_consent)))
        overdue = sum(1 for t in data.tasks if t.state == "overdue")
        parts = [self.tr("%1 follow-ups").replace("%1", format_count(data.tasks_total))]
        if overdue:
            parts[0] += self.tr(" (%1 overdue)").replace("%1", format_count(overdue))
        parts.append(self.tr("%1 shoots").replace("%1", format_count(len(data.shoots))))
        parts.append(self.tr("%1 greetings to send").replace("%1", format_count(
            sum(1 for i in data.occasions + data.touches if i.can_mark_done))))
        self.summary.setText(" · ".join(parts))

    def _client_selected(self, client_id: int) -> None:
        self.follow_up_button.setEnabled(client_id is not None and client_id >= 0)
        self.follow_up_button.setToolTip(self.tr("A follow-up task for the client you are looking at")
                                         if client_id is not None and client_id >= 0
                                         else self.tr("Choose a client first (in the list or here)"))

    # --- actions --------------------------------------------------------------------------
    def item(self, key: str, row: int):
        return self.models[key].items[row]

    def _open_row(self, key: str, row: int) -> None:
        open_client(self, self.ctx, self.item(key, row).client_id)

    def act(self, key: str, row: int, action: str) -> None:
        item = self.item(key, row)
        if action == "call":
            self.log_call(item)
        elif action in ("done", "send"):
            self.mark_done(item)

    def log_call(self, item) -> None:
        text = CallDialog.ask(item.name, self)
        if text is None:
            return
        as_of = self.ctx.today()
        note = text or self.tr("Called about: %1").replace("%1", item.title)
        self._write(lambda: today_service.log_call(item.client_id, note, as_of=as_of), item.client_id,
                    self.tr("Call with %1 logged").replace("%1", item.name))

    def mark_done(self, item) -> None:
        as_of = self.ctx.today()

        def done(message):
            if message:
                QGuiApplication.clipboard().setText(message)
                self.ctx.statusMessage.emit(self.tr("Message for %1 copied and recorded as sent")
                                            .replace("%1", item.name))
            else:
                self.ctx.statusMessage.emit(self.tr("Done: %1").replace("%1", item.title))
            self.ctx.clientsChanged.emit([item.client_id])
            bus(self.ctx).changed.emit()
        self.work.run(lambda: today_service.mark_done(item, as_of=as_of), done)

    def _write(self, fn, client_id: int, message: str) -> None:
        def done(_result):
            self.ctx.statusMessage.emit(message)
            self.ctx.clientsChanged.emit([client_id])
        self.work.run(fn, done)

    def new_follow_up(self) -> None:
        client_id = self.ctx.current_client
        if client_id is None:
            return
        if FollowUpDialog.ask(client_id, client_name(client_id), self.ctx.today(), self) is not None:
            self.ctx.clientsChanged.emit([client_id])

    def start_campaign(self, row: int) -> None:
        due = self.playbook_model.items[row]
        as_of, lang = self.ctx.today(), self.ctx.lang()

        def done(campaign_id):
            self.ctx.statusMessage.emit(self.tr("Campaign “%1” created: its recipients are on the Campaigns tab")
                                        .replace("%1", due.name))
            b = bus(self.ctx)
            b.changed.emit()
            b.openCampaign.emit(campaign_id)
        self.work.run(lambda: campaigns.start_playbook_campaign(due.playbook, as_of=as_of, lang=lang), done)
