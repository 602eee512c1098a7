"""Playbook settings: which ready-made playbooks are on and with what offer, the
frequency cap, and the holidays greeted (moved, switched off)."""

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.domain.campaign_rules import CHANNELS
from lifecrm_gui.domain.holidays import LUNAR, SOLAR
from lifecrm_gui.domain.playbooks import PLAYBOOKS
from lifecrm_gui.domain.vocab import label
from lifecrm_gui.services import campaigns, segments
from lifecrm_gui.services.errors import ValidationError

from .campaign_widgets import bus
from .errors import show_error
from .style import MUTED


class PlaybookDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.lang = ctx.lang()
        self.setWindowTitle(self.tr("Playbooks and campaign settings"))
        self.resize(860, 600)
        tabs = QTabWidget()
        tabs.addTab(self._playbooks_page(), self.tr("Playbooks"))
        tabs.addTab(self._holidays_page(), self.tr("Holidays"))
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _playbooks_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        cap = segments.frequency_cap()
        cap_box = QGroupBox(self.tr("Frequency cap"))
        row = QHBoxLayout(cap_box)
        self.cap_touches = QSpinBox()
        self.cap_touches.setRange(1, 50)
        self.cap_touches.setValue(cap.touches)
        self.cap_days = QSpinBox()
        self.cap_days.setRange(1, 365)
        self.cap_days.setValue(cap.days)
        row.addWidget(QLabel(self.tr("At most")))
        row.addWidget(self.cap_touches)
        row.addWidget(QLabel(self.tr("campaign messages to a client in any")))
        row.addWidget(self.cap_days)
        row.addWidget(QLabel(self.tr("days")))
        row.addStretch(1)
        layout.addWidget(cap_box)

        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for column, words in enumerate((self.tr("On"), self.tr("Playbook"), self.tr("Channel"), self.tr("Offer"))):
            caption = QLabel(words)
            caption.setStyleSheet("font-weight: 600;")
            grid.addWidget(caption, 0, column)
        switches = campaigns.playbook_switches()
        self.switches: dict[str, QCheckBox] = {}
        self.offers: dict[str, QLineEdit] = {}
        for n, (key, playbook) in enumerate(PLAYBOOKS.items(), 1):
            box = QCheckBox()
            box.setChecked(switches[key])
            name = QLabel(f"<b>{playbook.name(self.lang)}</b><br><span style='color:{MUTED}'>"
                          f"{playbook.hint(self.lang)}</span>")
            name.setWordWrap(True)
            offer = QLineEdit(campaigns.playbook_offer(key, self.lang))
            offer.setPlaceholderText(self.tr("no offer"))
            self.switches[key], self.offers[key] = box, offer
            grid.addWidget(box, n, 0)
            grid.addWidget(name, n, 1)
            grid.addWidget(QLabel(label(CHANNELS, playbook.channel, self.lang)), n, 2)
            grid.addWidget(offer, n, 3)
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(3, 2)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(grid_host)
        layout.addWidget(scroll, 1)
        return page

    def _holidays_page(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.setVerticalSpacing(8)
        for column, words in enumerate((self.tr("On"), self.tr("Holiday"), self.tr("Calendar"), self.tr("Month"),
                                        self.tr("Day"))):
            caption = QLabel(words)
            caption.setStyleSheet("font-weight: 600;")
            grid.addWidget(caption, 0, column)
        self.holiday_rows = []
        for n, holiday in enumerate(campaigns.holidays(), 1):
            box = QCheckBox()
            box.setChecked(holiday.enabled)
            calendar = QComboBox()
            calendar.addItem(self.tr("Gregorian"), SOLAR)
            calendar.addItem(self.tr("Lunar"), LUNAR)
            calendar.setCurrentIndex(calendar.findData(holiday.calendar))
            month, day = QSpinBox(), QSpinBox()
            month.setRange(1, 12)
            month.setValue(holiday.month)
            day.setRange(1, 31)
            day.setValue(holiday.day)
            self.holiday_rows.append((holiday, box, calendar, month, day))
            for column, widget in enumerate((box, QLabel(holiday.name(self.lang)), calendar, month, day)):
                grid.addWidget(widget, n, column)
        hint = QLabel(self.tr("Greetings come due five days before each holiday; lunar holidays follow the lunar "
                              "calendar each year."))
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {MUTED};")
        grid.addWidget(hint, len(self.holiday_rows) + 1, 0, 1, 5)
        grid.setRowStretch(len(self.holiday_rows) + 2, 1)
        grid.setColumnStretch(1, 1)
        return page

    def save(self) -> None:
        items = [{**holiday.to_dict(), "enabled": box.isChecked(), "calendar": calendar.currentData(),
                  "month": month.value(), "day": day.value()}
                 for holiday, box, calendar, month, day in self.holiday_rows]
        try:
            segments.set_frequency_cap(self.cap_touches.value(), self.cap_days.value())
            campaigns.set_holidays(items)
            for key, box in self.switches.items():
                campaigns.set_playbook_enabled(key, box.isChecked())
                if self.offers[key].text().strip() != campaigns.playbook_offer(key, self.lang):
                    campaigns.set_playbook_offer(key, self.lang, self.offers[key].text())
        except ValidationError as error:
            show_error(error, self)
            return
        bus(self.ctx).changed.emit()
        self.accept()
