"""The Clients tab: every client of the studio in one table, found as you type.

The table model holds only the ids a search returned (services.search.search_ids,
run on the reading thread) and fetches the rows it is asked to show, a page at a
time (services.search.fetch_rows), so 100,000 clients cost a list of ints.
"""

from datetime import date

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
                               QSizePolicy, QStackedLayout, QTableView, QToolButton, QVBoxLayout, QWidget)
from shiboken6 import isValid

from lifecrm_gui.domain.vocab import CLASSES, NEEDS, SOURCES, STAGES, TIERS, label, tier_label
from lifecrm_gui.services.contacts import display_phone
from lifecrm_gui.services.money import format_money
from lifecrm_gui.services.search import (ClientFilter, count_clients, fetch_rows, search_ids, search_ids_at_once,
                                         warm_up)

from . import workers
from .badges import StageBadgeDelegate, TierStarsDelegate
from .i18n import format_count
from .style import icon

# (sort key of services.search.search_ids, index in a fetch_rows tuple)
COLUMNS = (("name", 1), ("phone", 2), ("stage", 3), ("tier", 4), ("client_class", 5), ("last_activity_on", 6),
           ("spend", 7), ("ltv_total", 8), ("source", 9), ("tags", 10))
COLUMN_KEYS = tuple(key for key, _ in COLUMNS)
STAGE_COLUMN = COLUMN_KEYS.index("stage")
TIER_COLUMN = COLUMN_KEYS.index("tier")
MONEY_COLUMNS = frozenset((COLUMN_KEYS.index("spend"), COLUMN_KEYS.index("ltv_total")))
COLUMN_WIDTHS = (116, 122, 104, 108, 100, 100, 96, 106, 96, 160)
PAGE_SIZE = 200
CACHE_LIMIT = 20_000
CLIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_ROOT = QModelIndex()
# data() runs some 1,500 times a repaint, mostly for roles it does not answer: plain ints
# compare far faster than the enums.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_USER = int(Qt.ItemDataRole.UserRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_CLIENT_ID = int(CLIENT_ID_ROLE)
_ANSWERED = frozenset((_DISPLAY, _USER, _TOOLTIP, _ALIGNMENT, _CLIENT_ID))
_ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class ClientTableModel(QAbstractTableModel):
    """The clients matching a filter, in the chosen order, read lazily."""

    refreshed = Signal()  # new ids are in place
    searchIndexReady = Signal()  # searches are answered from memory from now on
    countsChanged = Signal(int, int)  # shown, total

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._ids: list[int] = []
        self._rows: dict[int, tuple] = {}
        self._shown: dict[int, tuple] = {}
        self._positions: dict[int, int] | None = None
        self._filter = ClientFilter()
        self._sort = "name"
        self._descending = False
        self._total = 0
        self._counted = False  # the total is counted again after clients change
        self._generation = 0
        self._index_started = False
        self._task = None
        self._lang = "en"
        self._currency = "CNY"
        self.load_settings()

    # --- what the view asks -------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_titles()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in MONEY_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def column_titles(self) -> tuple[str, ...]:
        return (self.tr("Name"), self.tr("Phone"), self.tr("Stage"), self.tr("Tier"), self.tr("Class"),
                self.tr("Last activity"), self.tr("Spend"), self.tr("Lifetime value"), self.tr("Source"),
                self.tr("Tags"))

    def data(self, index, role=_DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        position = index.row()
        if position >= len(self._ids):
            return None
        column = index.column()
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column in MONEY_COLUMNS else _ALIGN_LEFT
        client_id = self._ids[position]
        if role == _CLIENT_ID:
            return client_id
        row = self._rows.get(client_id) or self._row(position)
        if row is None:
            return None
        if role == _DISPLAY:
            shown = self._shown.get(client_id) or self._display(client_id, row)
            return shown[column]
        raw = row[COLUMNS[column][1]]
        if role == _USER:
            return raw
        return self._tooltip(column, raw, self._display(client_id, row)[column])

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMN_KEYS[column]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    # --- reading ------------------------------------------------------------------------
    def _row(self, position: int) -> tuple | None:
        client_id = self._ids[position]
        row = self._rows.get(client_id)
        if row is None:
            self._fetch_page(position)
            row = self._rows.get(client_id)
        return row

    def _fetch_page(self, position: int) -> None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
            self._shown.clear()
        start = position - position % PAGE_SIZE
        wanted = [i for i in self._ids[start:start + PAGE_SIZE] if i not in self._rows]
        self._rows.update(fetch_rows(wanted))

    def _display(self, client_id: int, row: tuple) -> tuple:
        shown = self._shown.get(client_id)
        if shown is None:
            (_id, name, phone, stage, tier, client_class, last_activity, spend, ltv, source, tags) = row
            lang = self._lang
            shown = (name, display_phone(phone), label(STAGES, stage, lang) if stage else "",
                     tier_label(int(tier or 0), lang), label(CLASSES, client_class, lang) if client_class else "",
                     str(last_activity or "")[:10], format_money(spend, self._currency),
                     format_money(ltv, self._currency), label(SOURCES, source, lang) if source else "",
                     (tags or "").replace(", ", "、") if lang == "zh" else (tags or ""))
            self._shown[client_id] = shown
        return shown

    def _tooltip(self, column: int, raw, shown: str) -> str | None:
        if COLUMN_KEYS[column] == "last_activity_on" and raw:
            days = (self.ctx.today() - date.fromisoformat(str(raw)[:10])).days
            if days == 0:
                return self.tr("Today")
            if days == 1:
                return self.tr("Yesterday")
            return self.tr("%1 days ago").replace("%1", format_count(days))
        return shown or None

    # --- searching ----------------------------------------------------------------------
    def set_filter(self, flt: ClientFilter) -> None:
        if flt != self._filter:
            self._filter = flt
            self.refresh()

    def current_filter(self) -> ClientFilter:
        return self._filter

    def sort_key(self) -> tuple[str, bool]:
        return self._sort, self._descending

    def refresh(self) -> None:
        """Search again: at once when the index in memory can answer, else on the reading
        thread; the rows arrive with `refreshed`."""
        self._generation += 1
        generation = self._generation
        flt, sort, descending = self._filter, self._sort, self._descending
        recount = not self._counted
        if self._task is not None:
            self._task.cancel()
            self._task = None
        at_once = None if recount else search_ids_at_once(flt, sort, descending)
        if at_once is not None:  # a keystroke the index answers in milliseconds: no thread hop
            self._apply(generation, at_once, None)
            return

        def find(progress, should_cancel):
            # A keystroke or a sort leaves the number of clients as it was: no count.
            return search_ids(flt, sort=sort, descending=descending), count_clients() if recount else None

        self._task = workers.run_task(find, lambda found: self._apply(generation, *found),
                                      read_only=True)

    def _apply(self, generation: int, ids: list[int], total: int | None) -> None:
        if generation != self._generation:
            return
        self._task = None
        self.beginResetModel()
        self._ids = ids
        self._positions = None
        if total is not None:
            self._total = total
            self._counted = True
        self.endResetModel()
        self.countsChanged.emit(len(ids), self._total)
        self.refreshed.emit()
        if not self._index_started:
            # The search index is read on a thread of its own, after the list is on screen;
            # until it is ready the search box asks SQL.
            self._index_started = True
            workers.run_task(lambda _progress, _cancel: warm_up(), self._index_built, pool_name="search-index")

    def _index_built(self, _none) -> None:
        if isValid(self):  # the list may have closed while the index was read
            self.searchIndexReady.emit()

    def is_refreshing(self) -> bool:
        return self._task is not None and not self._task.finished

    def forget(self, client_ids) -> None:
        """Drop cached rows (all when `client_ids` is empty): they were written."""
        self._counted = False
        if not client_ids:
            self._rows.clear()
            self._shown.clear()
            return
        for client_id in client_ids:
            self._rows.pop(client_id, None)
            self._shown.pop(client_id, None)

    def load_settings(self) -> None:
        from lifecrm_gui.services.settings import load_policy

        self._lang = self.ctx.lang()
        self._currency = load_policy().currency
        self._shown.clear()

    def retranslate(self) -> None:
        self.load_settings()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1))

    # --- ids ----------------------------------------------------------------------------
    def client_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, client_id: int) -> int | None:
        if self._positions is None:
            self._positions = {cid: n for n, cid in enumerate(self._ids)}
        return self._positions.get(client_id)

    def shown(self) -> int:
        return len(self._ids)

    def total(self) -> int:
        return self._total


class FilterBar(QWidget):
    """The search box and the filters; `changed` carries the ClientFilter to apply."""

    changed = Signal(object)

    FILTERS = (("stages", STAGES), ("tiers", None), ("classes", CLASSES), ("needs", NEEDS), ("sources", SOURCES))

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setObjectName("searchBox")
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("mdi6.magnify"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(180)
        self.search.installEventFilter(self)
        self.search.textChanged.connect(self.emit_filter)
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.search, 3)
        for name, _table in self.FILTERS:
            combo = QComboBox()
            combo.setObjectName(f"filter_{name}")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self.emit_filter)
            self.combos[name] = combo
            layout.addWidget(combo)
        self.clear_button = QToolButton()
        self.clear_button.setIcon(icon("mdi6.filter-remove-outline"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button)
        self.retranslate()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _items(self, name: str, lang: str) -> list[tuple[str, object]]:
        if name == "tiers":
            return [(tier_label(n, lang), n) for n in range(len(TIERS))]
        table = dict(self.FILTERS)[name]
        return [(label(table, key, lang), key) for key in table]

    def _all_text(self, name: str) -> str:
        return {"stages": self.tr("All stages"), "tiers": self.tr("All tiers"), "classes": self.tr("All classes"),
                "needs": self.tr("All needs"), "sources": self.tr("All sources")}[name]

    def retranslate(self) -> None:
        lang = self.ctx.lang()
        self.search.setPlaceholderText(self.tr("Search name, pinyin, initials, phone, WeChat, email or tag"))
        self.search.setToolTip(self.tr("Search (Ctrl+F)"))
        self.clear_button.setToolTip(self.tr("Clear the search and every filter"))
        for name, combo in self.combos.items():
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self._all_text(name), None)
            for text, key in self._items(name, lang):
                combo.addItem(text, key)
            found = combo.findData(chosen) if chosen is not None else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)
        self.combos["stages"].setToolTip(self.tr("Lifecycle stage"))
        self.combos["tiers"].setToolTip(self.tr("Value tier"))
        self.combos["classes"].setToolTip(self.tr("Client class"))
        self.combos["needs"].setToolTip(self.tr("Needs"))
        self.combos["sources"].setToolTip(self.tr("Source"))

    def current(self) -> ClientFilter:
        values = {name: (() if combo.currentData() is None else (combo.currentData(),))
                  for name, combo in self.combos.items()}
        return ClientFilter(query=self.search.text(), **values)

    def emit_filter(self) -> None:
        self.changed.emit(self.current())

    def clear(self) -> None:
        for combo in self.combos.values():
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.emit_filter()

    def is_filtered(self) -> bool:
        return self.current() != ClientFilter()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.emit_filter()
            parent = self.parent()
            if isinstance(parent, ClientListPage):
                parent.focus_table()
            return True
        return super().eventFilter(watched, event)


class ClientTableView(QTableView):
    """The table: whole rows, one at a time; Enter or a double click opens the client."""

    openRequested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("clientTable")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(56)
        self.setItemDelegateForColumn(STAGE_COLUMN, StageBadgeDelegate(self))
        self.setItemDelegateForColumn(TIER_COLUMN, TierStarsDelegate(self))
        self.doubleClicked.connect(self._open_index)

    def setModel(self, model) -> None:
        super().setModel(model)
        for column, width in enumerate(COLUMN_WIDTHS):
            self.setColumnWidth(column, width)

    def current_client(self) -> int | None:
        index = self.currentIndex()
        return index.data(CLIENT_ID_ROLE) if index.isValid() else None

    def _open_index(self, index) -> None:
        client_id = index.data(CLIENT_ID_ROLE)
        if client_id is not None:
            self.openRequested.emit(client_id)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open_index(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class ClientListPage(QWidget):
    """The Clients tab: a New client button, the filter bar, the count and the table."""

    openRequested = Signal(int)  # open this client's profile
    newClientRequested = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("clientListPage")
        self.ctx = ctx
        self._selecting = False
        self._wanted: int | None = None
        self.model = ClientTableModel(ctx, self)
        self.filters = FilterBar(ctx, self)
        self.new_button = QPushButton(icon("mdi6.account-plus", "#ffffff"), "")
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(self.newClientRequested)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.count_label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.table = ClientTableView(self)
        self.table.setModel(self.model)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(self.new_button)
        top.addWidget(self.filters, 1)
        top.addWidget(self.count_label)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addLayout(self.stack, 1)

        self.setTabOrder(self.new_button, self.filters.search)
        previous = self.filters.search
        for combo in self.filters.combos.values():
            self.setTabOrder(previous, combo)
            previous = combo
        self.setTabOrder(previous, self.filters.clear_button)
        self.setTabOrder(self.filters.clear_button, self.table)

        self.filters.changed.connect(self.model.set_filter)
        self.model.countsChanged.connect(self._show_counts)
        self.model.refreshed.connect(self._after_refresh)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.openRequested.connect(self.openRequested)
        ctx.clientsChanged.connect(self.on_clients_changed)
        ctx.clientSelected.connect(self.select_client)
        ctx.languageChanged.connect(self.retranslate)
        ctx.settingsChanged.connect(self._settings_changed)
        # Turning sorting on sorts by the indicator's column, which runs the first search;
        # started before the texts are set, so the table (not "No clients yet") shows while
        # the ids arrive.
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.retranslate()

    def focus_search(self) -> None:
        self.filters.focus_search()

    # --- texts --------------------------------------------------------------------------
    def retranslate(self, *_args) -> None:
        self.new_button.setText(self.tr("New client"))
        self.new_button.setToolTip(self.tr("Add a client (Ctrl+N)"))
        self.filters.retranslate()
        self.model.retranslate()
        self._show_counts(self.model.shown(), self.model.total())

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_counts(self, shown: int, total: int) -> None:
        self.count_label.setText(self.tr("%1 of %2").replace("%1", format_count(shown))
                                 .replace("%2", format_count(total)))
        self.count_label.setToolTip(self.tr("Clients shown of all clients"))
        if total == 0:
            self.empty_label.setText(self.tr("No clients yet.\nPress Ctrl+N to add the first one, or use "
                                             "File > Import to bring in a list.\nTo look around first, fill a "
                                             "demo studio: python main.py demo --clients 2000"))
        else:
            self.empty_label.setText(self.tr("No client matches this search.\n"
                                             "Try fewer letters, the last four digits of the phone, or clear "
                                             "the filters."))
        self.stack.setCurrentWidget(self.empty_label if shown == 0 and not self.model.is_refreshing()
                                    else self.table)

    # --- selection ----------------------------------------------------------------------
    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))

    def _row_changed(self, current, _previous) -> None:
        if self._selecting:
            return
        client_id = current.data(CLIENT_ID_ROLE) if current.isValid() else None
        self._wanted = client_id
        self._selecting = True
        try:
            self.ctx.clientSelected.emit(client_id if client_id is not None else -1)
        finally:
            self._selecting = False

    def select_client(self, client_id: int) -> bool:
        """Show this client selected, if the current search lists them."""
        if self._selecting:
            return False
        self._wanted = client_id if client_id >= 0 else None
        row = self.model.row_of(client_id) if client_id >= 0 else None
        self._selecting = True
        try:
            if row is None:
                self.table.clearSelection()
                return False
            index = self.model.index(row, 0)
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            return True
        finally:
            self._selecting = False

    def current_client(self) -> int | None:
        return self.table.current_client()

    def _after_refresh(self) -> None:
        self._show_counts(self.model.shown(), self.model.total())
        if self._wanted is not None:
            self.select_client(self._wanted)

    # --- changes ------------------------------------------------------------------------
    def on_clients_changed(self, client_ids) -> None:
        self.model.forget(client_ids)
        self.model.refresh()

    def _settings_changed(self) -> None:
        self.model.load_settings()
        self.model.forget([])
        self.model.refresh()

    def set_query(self, text: str) -> None:
        """Type into the search box (the filter follows after the usual pause)."""
        self.filters.search.setText(text)
