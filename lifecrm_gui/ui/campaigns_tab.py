"""The Campaigns tab: the studio's campaigns with what each returned, and the one
chosen: its audience (segment editor with the live count and who was left out), its
message (template editor with a preview per recipient), its recipients (exports,
replies, bookings, opt-outs) and its return."""

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.domain.campaign_rules import CAMPAIGN_STATUSES, percent
from lifecrm_gui.domain.playbooks import PLAYBOOKS
from lifecrm_gui.domain.vocab import label
from lifecrm_gui.services import campaigns, segments
from lifecrm_gui.services.clients import all_tags
from lifecrm_gui.services.errors import ValidationError
from lifecrm_gui.services.money import format_money
from lifecrm_gui.services.search import fetch_rows
from lifecrm_gui.services.settings import load_policy

from .campaign_playbooks import PlaybookDialog
from .campaign_recipients import YES, RecipientsPanel
from .campaign_return import ReturnPanel
from .campaign_segment import SegmentEditor
from .campaign_template import TemplateEditor
from .campaign_widgets import STATUS_COLORS, STATUS_ROLE, StatusBadgeDelegate, bus, show_page
from .errors import show_error
from .form_widgets import EmptyState, PageWork
from .i18n import format_count
from .style import ACCENT, MUTED, icon

_ROOT = QModelIndex()
LIST_COLUMNS = ("name", "status", "reach", "revenue", "roi")
COUNT_DELAY_MS = 250
SAMPLE_SIZE = 30
BLANK_TEMPLATE = {"zh": "{称呼},您好!", "en": "Hi {salutation}, "}
# The shared style sheet colours primary buttons even when disabled: say "nothing to do" plainly.
DISABLED_PRIMARY = ("QPushButton#primaryButton:disabled { background: #f3f4f4; color: #a7b0b3; "
                    "border: 1px solid #dde2e0; }")


class CampaignListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.lang, self.currency = "zh", "CNY"
        self.titles = [""] * len(LIST_COLUMNS)

    def set_rows(self, rows, lang: str, currency: str) -> None:
        self.beginResetModel()
        self.rows, self.lang, self.currency = rows, lang, currency
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:
        return 0 if parent.isValid() else len(LIST_COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], LIST_COLUMNS[index.column()]
        figures = row["figures"]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"name": row["name"], "status": label(CAMPAIGN_STATUSES, row["status"], self.lang),
                    "reach": format_count(figures.reach),
                    "revenue": format_money(figures.revenue, self.currency) if figures.revenue else "",
                    "roi": percent(figures.roi) if figures.roi is not None else ""}[column]
        if role == STATUS_ROLE and column == "status":
            return row["status"]
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":  # the whole name, when cut short
            playbook = PLAYBOOKS.get(row["playbook"])
            return row["name"] + (f"\n{playbook.name(self.lang)}" if playbook else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("reach", "revenue", "roi"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, campaign_id) -> int | None:
        return next((n for n, r in enumerate(self.rows) if r["id"] == campaign_id), None)


def load_campaign(campaign_id: int, as_of) -> dict:
    """All the tab shows of one campaign (read on a worker)."""
    data = campaigns.get_campaign(campaign_id)
    rows = campaigns.recipients(campaign_id)
    people = [(r["client_id"], r["name"]) for r in rows[:SAMPLE_SIZE]]
    if not people:
        ids = segments.members(data["segment"], as_of, SAMPLE_SIZE)
        found = fetch_rows(ids)
        people = [(cid, found[cid][1]) for cid in ids if cid in found]
    counts: dict[str, int] = {}
    for r in rows:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return {"campaign": data, "recipients": rows, "sample": people, "figures": campaigns.figures(campaign_id),
            "status_counts": counts, "tags": all_tags()}


class CampaignsTab(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.setObjectName("campaignsTab")
        self.ctx = ctx
        self.work = PageWork(self)
        self.bus = bus(ctx)
        self.policy = load_policy()
        self.current: dict | None = None
        self.dirty = False
        self.stale = False
        self._loading = False
        self._count_generation = 0
        self.count_timer = QTimer(self)
        self.count_timer.setSingleShot(True)
        self.count_timer.setInterval(COUNT_DELAY_MS)
        self.count_timer.timeout.connect(self.count_audience)

        # left: the campaigns
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() + 2)
        font.setBold(True)
        self.title.setFont(font)
        self.new_button = QToolButton()
        self.new_button.setObjectName("newCampaign")
        self.new_button.setIcon(icon("fa5s.plus", "#ffffff"))
        self.new_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.new_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.new_button.setStyleSheet(f"QToolButton#newCampaign {{ background: {ACCENT}; color: white; "
                                      "font-weight: 600; padding: 5px 12px; border-radius: 5px; }"
                                      "QToolButton#newCampaign::menu-indicator { image: none; }")
        self.new_menu = QMenu(self.new_button)
        self.new_button.setMenu(self.new_menu)
        self.settings_button = QToolButton()
        self.settings_button.setIcon(icon("fa5s.sliders-h"))
        self.settings_button.clicked.connect(self.open_settings)
        self.model = CampaignListModel(self)
        self.list = QTableView()
        self.list.setObjectName("campaignList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(32)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(False)
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a cut name keeps its date
        self.list.setItemDelegateForColumn(LIST_COLUMNS.index("status"), StatusBadgeDelegate(self.list))
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 70), (2, 68), (3, 82), (4, 60)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.list.setColumnWidth(column, width)
        self.list.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.totals.setStyleSheet(f"color: {MUTED};")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(12, 12, 6, 12)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.settings_button)
        head.addWidget(self.new_button)
        left_layout.addLayout(head)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.totals)

        # right: the campaign chosen
        self.name = QLineEdit()
        self.name.setObjectName("campaignName")
        name_font = QFont(self.name.font())
        name_font.setPointSizeF(name_font.pointSizeF() + 1.5)
        name_font.setBold(True)
        self.name.setFont(name_font)
        self.name.textEdited.connect(self._edited)
        self.status_badge = QLabel()
        self.save_button = QPushButton(icon("fa6s.floppy-disk", "#ffffff"), "")
        self.save_button.setObjectName("primaryButton")
        self.save_button.setStyleSheet(DISABLED_PRIMARY)
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button = QPushButton(icon("fa5s.flag-checkered"), "")
        self.close_button.clicked.connect(self.close_campaign)
        self.delete_button = QPushButton(icon("fa5s.trash-alt", "#b3261e"), "")
        self.delete_button.clicked.connect(self.delete_campaign)
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addWidget(self.status_badge)
        top.addWidget(self.save_button)
        top.addWidget(self.close_button)
        top.addWidget(self.delete_button)

        self.segment = SegmentEditor(ctx.lang())
        self.segment.changed.connect(self._segment_edited)
        self.count_value = QLabel("—")
        count_font = QFont(self.count_value.font())
        count_font.setPointSizeF(count_font.pointSizeF() * 1.5)
        count_font.setBold(True)
        self.count_value.setFont(count_font)
        self.count_value.setStyleSheet(f"color: {ACCENT};")
        self.count_words = QLabel()
        self.count_words.setWordWrap(True)
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)
        self.left_out.setStyleSheet(f"color: {MUTED};")
        self.draw_button = QPushButton(icon("fa5s.users", "#ffffff"), "")
        self.draw_button.setObjectName("primaryButton")
        self.draw_button.setStyleSheet(DISABLED_PRIMARY)
        self.draw_button.clicked.connect(self.draw_recipients)
        count_bar = QFrame()
        count_bar.setObjectName("countBar")
        count_bar.setStyleSheet("QFrame#countBar { background: #ffffff; border: 1px solid #d9dedc; "
                                "border-radius: 8px; }")
        bar = QHBoxLayout(count_bar)
        bar.setContentsMargins(14, 8, 14, 8)
        bar.addWidget(self.count_value)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.count_words)
        words.addWidget(self.left_out)
        bar.addLayout(words, 1)
        bar.addWidget(self.draw_button)
        audience = QWidget()
        audience_layout = QVBoxLayout(audience)
        audience_layout.setContentsMargins(8, 8, 8, 8)
        audience_layout.addWidget(self.segment, 1)
        audience_layout.addWidget(count_bar)

        self.template = TemplateEditor(ctx.lang())
        self.template.preview_fn = self._preview
        self.template.changed.connect(self._edited)
        message = QWidget()
        message_layout = QVBoxLayout(message)
        message_layout.setContentsMargins(8, 8, 8, 8)
        message_layout.addWidget(self.template)
        self.recipients = RecipientsPanel(ctx)
        self.recipients.changed.connect(self._recipients_changed)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.setContentsMargins(8, 8, 8, 8)
        people_layout.addWidget(self.recipients)
        self.returns = ReturnPanel(ctx)
        figures = QWidget()
        figures_layout = QVBoxLayout(figures)
        figures_layout.setContentsMargins(8, 8, 8, 8)
        figures_layout.addWidget(self.returns)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("campaignTabs")
        for page in (audience, message, people, figures):
            self.tabs.addTab(page, "")
        self.tabs.setTabIcon(0, icon("fa5s.users"))
        self.tabs.setTabIcon(1, icon("fa5s.comment-dots"))
        self.tabs.setTabIcon(2, icon("fa5s.list-ul"))
        self.tabs.setTabIcon(3, icon("fa5s.chart-line"))

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(6, 12, 12, 12)
        detail_layout.addLayout(top)
        detail_layout.addWidget(self.tabs, 1)
        self.empty = EmptyState("mdi6.bullhorn-outline")
        self.right = QStackedWidget()
        self.right.addWidget(self.empty)
        self.right.addWidget(detail)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([590, 770])  # names of 20-odd characters show whole at 1366x768
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        ctx.languageChanged.connect(self._language_changed)
        ctx.clientsChanged.connect(self._data_changed)
        ctx.settingsChanged.connect(self._data_changed)
        self.bus.changed.connect(self.reload)
        self.bus.openCampaign.connect(self.show_campaign)
        self.retranslate()
        self.reload()

    # --- words ----------------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self.ctx.lang()
        self.title.setText(self.tr("Campaigns"))
        self.new_button.setText(self.tr("New"))
        self.new_menu.clear()
        self.new_menu.addAction(icon("fa5s.file"), self.tr("Blank campaign"), self.new_blank)
        self.new_menu.addSeparator()
        self.new_menu.addSection(self.tr("From a playbook"))
        switches = campaigns.playbook_switches()
        for key, playbook in PLAYBOOKS.items():
            action = self.new_menu.addAction(playbook.name(lang), lambda k=key: self.new_from_playbook(k))
            action.setToolTip(playbook.hint(lang))
            action.setEnabled(switches[key])
        self.settings_button.setToolTip(self.tr("Playbooks, offers, holidays and the frequency cap"))
        self.model.titles = [self.tr("Campaign"), self.tr("Status"), self.tr("Reached"), self.tr("Revenue"),
                             self.tr("Return")]
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(LIST_COLUMNS) - 1)
        self.save_button.setText(self.tr("Save"))
        self.close_button.setText(self.tr("Close"))
        self.close_button.setToolTip(self.tr("The campaign is over: it keeps its figures"))
        self.delete_button.setText(self.tr("Delete"))
        self.draw_button.setText(self.tr("Draw recipients"))
        self.draw_button.setToolTip(self.tr("Add everyone the audience finds now as recipients, each with their "
                                            "own message"))
        for n, words in enumerate((self.tr("Audience"), self.tr("Message"), self.tr("Recipients"),
                                   self.tr("Return"))):
            self.tabs.setTabText(n, words)
        self.name.setPlaceholderText(self.tr("Campaign name"))
        self.empty.set_texts(self.tr("No campaign chosen"),
                             self.tr("Start one from a ready-made playbook (New ▸ From a playbook) or a blank one."))
        self.segment.retranslate()
        self.template.retranslate()
        self.recipients.retranslate()
        self.returns.retranslate()
        self._show_totals()
        self._show_status()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, lang: str) -> None:
        self.segment.set_language(lang)
        self.template.set_ui_language(lang)
        self.retranslate()
        self.reload()

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
        """The list (orders attributed first, so every figure is current), then the campaign chosen."""
        self.stale = False
        as_of = self.ctx.today()

        def read():
            campaigns.attribute(as_of)
            return campaigns.list_campaigns(), load_policy()
        self.work.run(read, self._show_list)

    def _show_list(self, result) -> None:
        rows, self.policy = result
        keep = self.current["id"] if self.current else None
        self.model.set_rows(rows, self.ctx.lang(), self.policy.currency)
        self._show_totals()
        row = self.model.row_of(keep)
        if row is not None:
            self.list.selectionModel().blockSignals(True)
            self.list.selectRow(row)
            self.list.selectionModel().blockSignals(False)
            if not self.dirty:
                self.load(keep)
        elif keep is None:
            self.right.setCurrentWidget(self.empty)

    def _show_totals(self) -> None:
        rows = self.model.rows
        revenue = sum(r["figures"].revenue for r in rows)
        bookings = sum(r["figures"].bookings for r in rows)
        self.totals.setText(self.tr("Campaigns: %1 · Bookings: %2 · Revenue: %3")
                            .replace("%1", format_count(len(rows))).replace("%2", format_count(bookings))
                            .replace("%3", format_money(revenue, self.policy.currency)))

    def _row_chosen(self, current, _previous) -> None:
        if not current.isValid():
            return
        campaign_id = self.model.rows[current.row()]["id"]
        if self.current and campaign_id == self.current["id"]:
            return
        if not self.confirm_leave():
            row = self.model.row_of(self.current["id"])
            self.list.selectionModel().blockSignals(True)
            self.list.selectRow(row)
            self.list.selectionModel().blockSignals(False)
            return
        self.load(campaign_id)

    def load(self, campaign_id: int) -> None:
        as_of = self.ctx.today()
        self.work.run(lambda: load_campaign(campaign_id, as_of), self._show_campaign)

    def _show_campaign(self, data: dict) -> None:
        self._loading = True
        campaign = data["campaign"]
        self.current = campaign
        self.name.setText(campaign["name"])
        self.segment.set_tags(data["tags"])
        self.segment.set_segment(campaign["segment"])
        self.template.set_values(campaign, self.policy.currency)
        self.template.set_sample(data["sample"])
        self.recipients.set_campaign(campaign, data["recipients"], self.policy.currency)
        self.returns.set_figures(data["figures"], data["status_counts"], self.policy.currency,
                                 self.policy.attribution_window_days)
        self.right.setCurrentWidget(self.right.widget(1))
        self._loading = False
        self._set_dirty(False)
        self._show_status()
        self.count_audience()

    def _show_status(self) -> None:
        if not self.current:
            return
        status = self.current["status"]
        lang = self.ctx.lang()
        background, color = STATUS_COLORS[status]
        self.status_badge.setText(label(CAMPAIGN_STATUSES, status, lang))
        self.status_badge.setStyleSheet(f"background: {background}; color: {color}; border-radius: 9px; "
                                        "padding: 2px 10px;")
        has_recipients = bool(self.recipients.all_rows)
        self.close_button.setEnabled(status != "closed")
        self.draw_button.setEnabled(status != "closed")
        self.tabs.setTabText(2, self.tr("Recipients (%1)").replace("%1", format_count(
            len(self.recipients.all_rows))) if has_recipients else self.tr("Recipients"))

    # --- the audience ---------------------------------------------------------------------
    def _segment_edited(self) -> None:
        self._edited()
        self.count_timer.start()

    def count_audience(self) -> None:
        self.count_timer.stop()
        try:
            segment = segments.parse_segment(self.segment.segment())
        except ValidationError as error:
            self.count_value.setText("—")
            self.count_words.setText(str(error))
            self.left_out.setText("")
            return
        self._count_generation += 1
        generation, as_of = self._count_generation, self.ctx.today()

        def count():
            return segments.count(segment, as_of), segments.frequency_cap()

        def show(result):
            if generation == self._count_generation:
                self._show_count(*result)
        self.work.run(count, show, read_only=True)

    def _show_count(self, count, cap) -> None:
        self.count_value.setText(format_count(count.eligible))
        self.count_words.setText(self.tr("clients will receive this (of %1 the filters find)")
                                 .replace("%1", format_count(count.matched)))
        parts = [self.tr("%1 without marketing consent left out").replace("%1", format_count(count.no_consent))]
        if count.capped:
            parts.append(self.tr("%1 at the frequency cap (%2 messages in %3 days)")
                         .replace("%1", format_count(count.capped)).replace("%2", str(cap.touches))
                         .replace("%3", str(cap.days)))
        if count.touched:
            parts.append(self.tr("%1 reached or lined up by this playbook lately").replace(
                "%1", format_count(count.touched)))
        self.left_out.setText(" · ".join(parts))

    # --- editing --------------------------------------------------------------------------
    def _edited(self, *_args) -> None:
        if not self._loading and self.current is not None:
            self._set_dirty(True)

    def _set_dirty(self, dirty: bool) -> None:
        self.dirty = dirty
        self.save_button.setEnabled(dirty)

    def values(self) -> dict:
        return {"name": self.name.text(), "segment": self.segment.segment(), **self.template.values()}

    def save(self, then=None) -> None:
        """Write the edits; `then()` runs once they are saved."""
        campaign_id, values, as_of = self.current["id"], self.values(), self.ctx.today()

        def write():
            campaigns.update_campaign(campaign_id, values, as_of=as_of)

        def done(_result):
            self._set_dirty(False)
            self.ctx.statusMessage.emit(self.tr("Campaign saved"))
            if then is not None:
                then()
            else:
                self.reload()
        self.work.run(write, done, lambda error: show_error(error, self))

    def confirm_leave(self) -> bool:
        """Unsaved edits: save them, drop them, or stay."""
        if not self.dirty:
            return True
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"),
            self.tr("Save the changes to “%1” first?").replace("%1", self.name.text()),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Cancel:
            return False
        if answer in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Ok):
            self.save()
        self._set_dirty(False)
        return True

    # --- actions --------------------------------------------------------------------------
    def new_blank(self) -> None:
        lang, as_of = self.ctx.lang(), self.ctx.today()
        name = self.tr("New campaign %1").replace("%1", as_of.isoformat())
        self._create(lambda: campaigns.create_campaign(
            {"name": name, "template": BLANK_TEMPLATE[lang], "lang": lang, "segment": {}}, as_of=as_of))

    def new_from_playbook(self, key: str) -> None:
        lang, as_of = self.ctx.lang(), self.ctx.today()
        if PLAYBOOKS[key].mode == "holiday" and campaigns.due_holidays(as_of):
            self._create(lambda: campaigns.start_holiday_campaign(as_of, lang))
        else:
            self._create(lambda: campaigns.campaign_from_playbook(key, as_of=as_of, lang=lang))

    def _create(self, make) -> None:
        if not self.confirm_leave():
            return
        self.current = None

        def done(campaign_id):
            self.show_campaign(campaign_id)
            self.tabs.setCurrentIndex(0)
        self.work.run(make, done, lambda error: show_error(error, self))

    def show_campaign(self, campaign_id: int) -> None:
        """Choose a campaign (made here or on the Today view) and show this tab."""
        self.current = {"id": campaign_id}
        self.dirty = False
        self.reload()
        show_page(self, "campaigns")

    def draw_recipients(self) -> None:
        if self.dirty:
            self.save(then=self.draw_recipients)
            return
        campaign_id, as_of = self.current["id"], self.ctx.today()

        def done(added):
            self.ctx.statusMessage.emit(self.tr("%1 recipients added, each with their own message")
                                        .replace("%1", format_count(added)))
            self.tabs.setCurrentIndex(2)
            self.reload()
        self.work.run(lambda: campaigns.build_recipients(campaign_id, as_of=as_of), done)

    def close_campaign(self) -> None:
        campaign_id = self.current["id"]
        self.work.run(lambda: campaigns.set_campaign_status(campaign_id, "closed"), lambda _r: self.reload())

    def delete_campaign(self) -> None:
        answer = QMessageBox.question(
            self, self.tr("Delete campaign"),
            self.tr("Delete “%1” and its list of recipients? Messages already on the clients' timelines and "
                    "orders stay.").replace("%1", self.current.get("name", "")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if answer not in YES:
            return
        campaign_id = self.current["id"]
        self.current = None
        self._set_dirty(False)
        self.work.run(lambda: campaigns.delete_campaign(campaign_id), lambda _r: self.reload())

    def _recipients_changed(self) -> None:
        self.bus.changed.emit()

    def open_settings(self) -> None:
        PlaybookDialog(self.ctx, self).exec()

    def _preview(self, template: str, lang: str, offer: str, client_ids) -> dict:
        if self.current is None or "segment" not in self.current:
            return {}
        return campaigns.preview(self.current["id"], client_ids, as_of=self.ctx.today(), template=template,
                                 lang=lang, offer=offer)
