"""The Timeline tab: the selected client's story newest first (touches, stage changes,
orders), a filter by kind, quick-add of a touch, the order dialog, and follow-up
tasks. Every write re-derives the client at once and tells the other pages."""

from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QListWidget, QListWidgetItem, QPushButton, QStackedWidget, QVBoxLayout, QWidget)

from lifecrm_gui.domain.vocab import EVENT_KINDS, label
from lifecrm_gui.services import timeline
from lifecrm_gui.services.errors import NotFound, ValidationError
from lifecrm_gui.services.profile import client_profile
from lifecrm_gui.services.settings import load_policy

from .event_widgets import QuickAdd, TimelineDelegate, TimelineModel, kind_icon
from .form_widgets import (DateField, EmptyState, FieldMessage, PageWork, is_alive, show_worker_error,
                           translated_problem, with_message)
from .order_dialog import CANCEL_ORDER, OrderDialog
from .profile_header import ClientHeader
from .style import MUTED, icon

PAGE = 200
ALL_KINDS = ""


def load_timeline(client_id: int, as_of, lang: str, kinds, limit: int) -> dict:
    """Everything the page shows, read in one go (on a worker thread)."""
    profile = client_profile(client_id, as_of, lang, timeline_limit=1)
    profile["currency"] = load_policy().currency
    profile["lang"] = lang
    events = timeline.list_events(client_id, kinds=kinds, limit=limit + 1, lang=lang)
    return {"profile": profile, "events": events[:limit], "has_more": len(events) > limit,
            "orders": {o["id"]: o for o in timeline.list_orders(client_id)}}


def load_more_events(client_id: int, kinds, limit: int, lang: str) -> tuple[list, bool]:
    events = timeline.list_events(client_id, kinds=kinds, limit=limit + 1, lang=lang)
    return events[:limit], len(events) > limit


class TaskPanel(QFrame):
    """The client's open follow-ups (tick one to mark it done) and a line to add one."""

    addRequested = Signal(str, str)  # title, due date as typed
    completeRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("taskPanel")
        self.setStyleSheet("QFrame#taskPanel { background: #ffffff; border: 1px solid #e1e6e4; border-radius: 6px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 10)
        layout.setSpacing(6)
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListWidget()
        self.list.setFrameShape(QFrame.Shape.NoFrame)
        self.list.setWordWrap(True)
        self.list.itemChanged.connect(self._ticked)
        self.none = QLabel()
        self.none.setStyleSheet(f"color: {MUTED};")
        self.none.setWordWrap(True)
        self.new_title = QLineEdit()
        self.due = DateField()
        self.add_button = QPushButton(icon("fa6s.plus"), "")
        self.message = FieldMessage()
        self.due_message = FieldMessage()
        due_row = QHBoxLayout()
        due_row.setSpacing(6)
        due_row.addWidget(with_message(self.due, self.due_message), 1)
        due_row.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
        self.none.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.list)
        self.list_stack.addWidget(self.none)
        layout.addWidget(self.title)
        layout.addWidget(self.list_stack, 1)
        layout.addWidget(with_message(self.new_title, self.message))
        layout.addLayout(due_row)
        self.new_title.returnPressed.connect(self._add)
        self.add_button.clicked.connect(self._add)
        self.tasks: list[dict] = []
        self.today = None
        self.retranslate()

    def retranslate(self) -> None:
        self.new_title.setPlaceholderText(self.tr("New follow-up, e.g. send the album proofs"))
        self.add_button.setText(self.tr("Add"))
        self.none.setText(self.tr("No open follow-ups."))
        self.due.retranslate()
        self.due.setToolTip(self.tr("Due date"))
        if self.today is not None:
            self.set_tasks(self.tasks, self.today)
        else:
            self.title.setText(self.tr("Follow-ups"))

    def set_tasks(self, tasks: list[dict], today) -> None:
        self.tasks, self.today = list(tasks), today
        self.title.setText(self.tr("Follow-ups (%1 open)").replace("%1", str(len(tasks))))
        self.list.blockSignals(True)
        self.list.clear()
        for task in tasks:
            due = str(task["due_on"])[:10]
            overdue = due < today.isoformat()
            when = self.tr("due %1").replace("%1", due)
            if overdue:
                when += " · " + self.tr("overdue")
            item = QListWidgetItem(f"{task['title']}\n{when}")
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(Qt.ItemDataRole.UserRole, task["id"])
            item.setToolTip(self.tr("Tick when done"))
            if overdue:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list_stack.setCurrentWidget(self.list if tasks else self.none)
        if not self.due.text():
            self.due.set_value(today + timedelta(days=7))

    def task_done(self) -> None:
        self.new_title.clear()
        self.message.clear()
        self.due_message.clear()
        if self.today is not None:
            self.due.set_value(self.today + timedelta(days=7))

    def show_problems(self, error: ValidationError) -> None:
        for problem in error.errors:
            target = self.due_message if problem.field == "due_on" else self.message
            target.show_error(translated_problem(problem.message))

    def _add(self) -> None:
        self.message.clear()
        self.due_message.clear()
        self.addRequested.emit(self.new_title.text().strip(), self.due.text())

    def _ticked(self, item: QListWidgetItem) -> None:
        if item.checkState() == Qt.CheckState.Checked:
            self.completeRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))


class TimelineView(QListView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setUniformItemSizes(False)
        self.setWordWrap(True)  # re-lays rows out when the width changes
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)


class TimelineTab(QWidget):
    """Constructed as TimelineTab(ctx); follows ctx.clientSelected and ctx.clientsChanged."""

    loaded = Signal()  # after the page shows fresh data

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("timelineTab")
        self.client_id: int | None = None
        self.profile: dict | None = None
        self.orders: dict[int, dict] = {}
        self.order_dialog: OrderDialog | None = None
        self._generation = 0
        self.work = PageWork(self)
        self.lang = ctx.lang()

        self.stack = QStackedWidget()
        self.empty = EmptyState("fa6s.timeline")
        self.page = QWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)

        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(10)
        self.header = ClientHeader(compact=True)
        layout.addWidget(self.header)

        add_row = QHBoxLayout()
        add_row.setSpacing(8)
        self.quick_add = QuickAdd(self.lang)
        self.new_order_button = QPushButton(icon("fa6s.receipt"), "")
        add_row.addWidget(self.quick_add, 1)
        add_row.addWidget(self.new_order_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(add_row)

        body = QHBoxLayout()
        body.setSpacing(12)
        left = QVBoxLayout()
        left.setSpacing(6)
        filter_row = QHBoxLayout()
        self.filter_label = QLabel()
        self.kind_filter = QComboBox()
        self.kind_filter.addItem(icon("fa6s.layer-group"), "", ALL_KINDS)
        for kind in EVENT_KINDS:
            self.kind_filter.addItem(kind_icon(kind), label(EVENT_KINDS, kind, self.lang), kind)
        self.kind_filter.setMaxVisibleItems(len(EVENT_KINDS) + 1)
        self.kind_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hint = QLabel()
        self.hint.setStyleSheet(f"color: {MUTED};")
        filter_row.addWidget(self.filter_label)
        filter_row.addWidget(self.kind_filter)
        filter_row.addStretch(1)
        filter_row.addWidget(self.hint)
        left.addLayout(filter_row)
        self.model = TimelineModel(self)
        self.view = TimelineView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.list_stack = QStackedWidget()
        self.no_entries = QLabel()
        self.no_entries.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_entries.setStyleSheet(f"color: {MUTED};")
        self.list_stack.addWidget(self.view)
        self.list_stack.addWidget(self.no_entries)
        left.addWidget(self.list_stack, 1)
        body.addLayout(left, 1)
        self.tasks = TaskPanel()
        self.tasks.setFixedWidth(300)
        body.addWidget(self.tasks)
        layout.addLayout(body, 1)

        self.quick_add.submitted.connect(self.log_touch)
        self.new_order_button.clicked.connect(lambda: self.open_order(None))
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.view.doubleClicked.connect(self._entry_opened)
        self.view.activated.connect(self._entry_opened)
        self.model.moreRequested.connect(self._load_more)
        self.tasks.addRequested.connect(self.add_task)
        self.tasks.completeRequested.connect(self.complete_task)
        ctx.clientSelected.connect(self.show_client)
        ctx.clientsChanged.connect(self._clients_changed)
        ctx.settingsChanged.connect(self.reload)
        ctx.languageChanged.connect(self._language_changed)
        self.retranslate()
        self.show_client(ctx.current_client if ctx.current_client is not None else -1)

    # texts

    def retranslate(self) -> None:
        self.empty.set_texts(self.tr("No client selected"),
                             self.tr("Pick a client in the list to see their timeline."))
        self.new_order_button.setText(self.tr("New order…"))
        self.filter_label.setText(self.tr("Show"))
        self.kind_filter.setItemText(0, self.tr("All entries"))
        self.hint.setText(self.tr("Newest first · double-click an order to edit it"))
        self.no_entries.setText(self.tr("Nothing here yet: log the first touch above."))
        self.model.set_texts({"win_back": self.tr("Win-back"), "manual": self.tr("by staff"),
                              "paid": self.tr("paid %1"), "shoot": self.tr("shoot %1")})
        self.quick_add.retranslate()
        self.tasks.retranslate()
        self.header.retranslate()
        self.view.viewport().update()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.lang = lang
        self.quick_add.relabel(lang)
        for i in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(i, label(EVENT_KINDS, self.kind_filter.itemData(i), lang))
        self.retranslate()
        self.reload()

    # loading

    def busy(self) -> bool:
        return self.work.busy()

    def show_client(self, client_id: int) -> None:
        if client_id is None or client_id < 0:
            self.client_id = None
            self.profile = None
            self._generation += 1
            self.model.set_entries([], False, self.lang, "CNY")
            self.stack.setCurrentWidget(self.empty)
            return
        if client_id != self.client_id:
            self.client_id = client_id
            self.tasks.due.set_value(None)
        self.reload()

    def kinds(self):
        kind = self.kind_filter.currentData()
        return [kind] if kind else None

    def reload(self) -> None:
        if self.client_id is None:
            return
        self._generation += 1
        generation, client_id, kinds = self._generation, self.client_id, self.kinds()
        as_of, lang = self.ctx.today(), self.ctx.lang()
        self.work.run(lambda: load_timeline(client_id, as_of, lang, kinds, PAGE),
                       lambda data: self._apply(generation, data), lambda error: self._load_failed(generation, error),
                       read_only=True)

    def _apply(self, generation: int, data: dict) -> None:
        if generation != self._generation:
            return
        self.profile = data["profile"]
        self.orders = data["orders"]
        currency = self.profile.get("currency", "CNY")
        self.header.set_profile(self.profile)
        self.model.set_entries(data["events"], data["has_more"], self.ctx.lang(), currency, self.orders)
        self.list_stack.setCurrentWidget(self.view if data["events"] else self.no_entries)
        self.tasks.set_tasks(self.profile.get("tasks", []), self.ctx.today())
        deleted = bool(self.profile.get("deleted"))
        for widget in (self.quick_add, self.new_order_button, self.tasks):
            widget.setEnabled(not deleted)
        self.stack.setCurrentWidget(self.page)
        self.loaded.emit()

    def _load_failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        if isinstance(error, NotFound):  # erased meanwhile
            self.show_client(-1)
            self.loaded.emit()
            return
        show_worker_error(error, self)

    def _load_more(self, loaded: int) -> None:
        if self.client_id is None:
            return
        generation, client_id, kinds, lang = self._generation, self.client_id, self.kinds(), self.ctx.lang()
        self.work.run(lambda: load_more_events(client_id, kinds, loaded + PAGE, lang),
                       lambda result: self._more_arrived(generation, result), read_only=True)

    def _more_arrived(self, generation: int, result) -> None:
        if generation == self._generation:
            events, has_more = result
            self.model.append_entries(events, has_more)

    def _clients_changed(self, ids: list) -> None:
        if self.client_id is not None and (not ids or self.client_id in ids):
            self.reload()

    # writes

    def _stamp(self) -> datetime:
        """Now, on the page's date (the two differ only in tests and screenshots)."""
        return datetime.combine(self.ctx.today(), datetime.now().time()).replace(microsecond=0)

    def _written(self, message: str = "") -> None:
        if message:
            self.ctx.statusMessage.emit(message)
        self.ctx.clientsChanged.emit([self.client_id])

    def log_touch(self, kind: str, text: str, satisfaction) -> None:
        if self.client_id is None:
            return
        client_id, as_of, stamp = self.client_id, self.ctx.today(), self._stamp()

        def done(_event_id):
            self.quick_add.clear_text()
            self._written(self.tr("Added to the timeline"))

        def failed(error):
            if isinstance(error, ValidationError):
                self.quick_add.message.show_error("; ".join(translated_problem(e.message) for e in error.errors))
            else:
                show_worker_error(error, self)

        self.work.run(lambda: timeline.log_event(client_id, kind, text, satisfaction=satisfaction, occurred_at=stamp,
                                                as_of=as_of), done, failed)

    def open_order(self, order_id: int | None) -> OrderDialog | None:
        """The order dialog, new (None) or for an existing order; it opens without blocking."""
        if self.client_id is None or self.profile is None:
            return None
        order = self.orders.get(order_id) if order_id is not None else None
        currency = self.profile.get("currency", "CNY")
        dialog = OrderDialog(self.profile["client"]["name"], order, today=self.ctx.today(), lang=self.ctx.lang(),
                             currency=currency, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._order_chosen(dialog, order_id))
        self.order_dialog = dialog
        dialog.open()
        return dialog

    def _order_chosen(self, dialog: OrderDialog, order_id: int | None) -> None:
        client_id, as_of = self.client_id, self.ctx.today()
        values = dialog.values()
        if dialog.action == CANCEL_ORDER:
            work = lambda: timeline.cancel_order(order_id, as_of=as_of)  # noqa: E731
            message = self.tr("Order cancelled")
        elif order_id is None:
            work = lambda: timeline.add_order(client_id, values, as_of=as_of)  # noqa: E731
            message = self.tr("Order added")
        else:
            work = lambda: timeline.update_order(order_id, values, as_of=as_of)  # noqa: E731
            message = self.tr("Order saved")
        self.work.run(work, lambda _r: self._written(message))

    def _entry_opened(self, index) -> None:
        entry = self.model.entry(index.row()) if index.isValid() else None
        if entry and entry.get("kind") == "order" and entry.get("order") is not None:
            dialog = self.order_dialog
            if dialog is not None and is_alive(dialog) and dialog.isVisible():
                return  # a double-click is also an activation
            self.open_order(int(entry["order"]))

    def add_task(self, title: str, due: str) -> None:
        if self.client_id is None:
            return
        client_id = self.client_id

        def failed(error):
            if isinstance(error, ValidationError):
                self.tasks.show_problems(error)
            else:
                show_worker_error(error, self)

        def done(_task_id):
            self.tasks.task_done()
            self._written(self.tr("Follow-up added"))

        self.work.run(lambda: timeline.add_task(client_id, title, due), done, failed)

    def complete_task(self, task_id: int) -> None:
        self.work.run(lambda: timeline.complete_task(task_id), lambda _r: self._written(self.tr("Follow-up done")))
