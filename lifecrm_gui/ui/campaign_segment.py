"""The segment editor: who a campaign is for, by stage, value, profile, life events and
orders. Every change says so (`changed`); the page counts the audience."""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lifecrm_gui.domain.vocab import (
    CLASSES,
    CLIENT_KINDS,
    LOST_REASONS,
    NEEDS,
    QUADRANTS,
    SOURCES,
    STAGES,
    TIERS,
    label,
    tier_label,
)

from .campaign_widgets import MultiPick
from .style import MUTED

# filter -> vocabulary table (None: built by the editor)
CHOICES = {"stages": STAGES, "tiers": None, "classes": CLASSES, "quadrants": QUADRANTS, "lost_reasons": LOST_REASONS,
           "kinds": CLIENT_KINDS, "sources": SOURCES, "needs": NEEDS, "tags": None, "ordered": NEEDS,
           "never_ordered": NEEDS}
WHO = ("stages", "tiers", "classes", "quadrants", "lost_reasons", "kinds", "sources", "needs", "tags")
WINDOWS = ("birthday_within", "lunar_birthday_within", "anniversary_within", "child_milestone_within",
           "referral_within")
RANGES = {"spend": ("spend_min", "spend_max"), "idle": ("idle_min", "idle_max"),
          "child_age": ("child_age_min", "child_age_max"), "ordered_days": ("ordered_days_min", "ordered_days_max"),
          "delivered_days": ("delivered_days_min", "delivered_days_max")}
MONEY_FIELDS = ("spend_min", "spend_max")  # yuan on screen, minor units in the segment
DEFAULT_WINDOW = 7


class OptionalNumber(QWidget):
    """A number that counts only when ticked."""

    changed = Signal()

    def __init__(self, maximum: int, default: int, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.box = QCheckBox()
        self.spin = QSpinBox()
        self.spin.setRange(0, maximum)
        self.spin.setValue(default)
        self.spin.setEnabled(False)
        self.spin.setMinimumWidth(76)
        layout.addWidget(self.box)
        layout.addWidget(self.spin)
        self.box.toggled.connect(self.spin.setEnabled)
        self.box.toggled.connect(self.changed)
        self.spin.valueChanged.connect(lambda _v: self.box.isChecked() and self.changed.emit())

    def value(self) -> int | None:
        return self.spin.value() if self.box.isChecked() else None

    def set_value(self, value) -> None:
        for widget in (self.box, self.spin):
            widget.blockSignals(True)
        self.box.setChecked(value is not None)
        self.spin.setEnabled(value is not None)
        if value is not None:
            self.spin.setValue(int(value))
        for widget in (self.box, self.spin):
            widget.blockSignals(False)


class SegmentEditor(QWidget):
    changed = Signal()

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        self.lang = lang
        self.tags: list[str] = []
        self.hidden: dict = {}  # filters kept as loaded (a playbook's "not reached lately")
        self.picks = {name: MultiPick() for name in CHOICES}
        self.windows = {name: OptionalNumber(366, 14 if name in ("child_milestone_within", "referral_within")
                                             else DEFAULT_WINDOW) for name in WINDOWS}
        maxima = {"spend": 10_000_000, "idle": 36_500, "child_age": 30, "ordered_days": 36_500,
                  "delivered_days": 3650}
        self.ranges = {name: (OptionalNumber(maxima[name], 0), OptionalNumber(maxima[name], 0)) for name in RANGES}
        self.labels: dict[str, QLabel] = {}
        for widget in (*self.picks.values(), *self.windows.values(), *(w for pair in self.ranges.values()
                                                                      for w in pair)):
            widget.changed.connect(self.changed)

        self.who = QGroupBox()
        form = QFormLayout(self.who)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(3)
        for name in WHO:
            form.addRow(self._label(name), self.picks[name])

        self.value = QGroupBox()
        grid = QGridLayout(self.value)
        grid.setVerticalSpacing(6)
        self._range_row(grid, 0, "spend")
        self._range_row(grid, 1, "idle")

        self.life = QGroupBox()
        grid = QGridLayout(self.life)
        grid.setVerticalSpacing(6)
        for row, name in enumerate(("birthday_within", "lunar_birthday_within", "anniversary_within",
                                    "child_milestone_within")):
            grid.addWidget(self._label(name), row, 0)
            grid.addWidget(self.windows[name], row, 1)
            grid.addWidget(self._label(name + "_unit"), row, 2)
        self._range_row(grid, 4, "child_age")
        grid.setColumnStretch(4, 1)

        self.orders = QGroupBox()
        grid = QGridLayout(self.orders)
        grid.setVerticalSpacing(6)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self._label("ordered"), 0, 0)
        grid.addWidget(self.picks["ordered"], 0, 1)
        grid.addWidget(self._label("never_ordered"), 1, 0)
        grid.addWidget(self.picks["never_ordered"], 1, 1)
        for row, name in ((0, "ordered_days"), (1, "delivered_days")):
            low, high = self.ranges[name]
            grid.addWidget(self._label(name), row, 2)
            grid.addWidget(low, row, 3)
            grid.addWidget(self._label(name + "_to"), row, 4, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(high, row, 5)
            grid.addWidget(self._label(name + "_unit"), row, 6)
        grid.addWidget(self._label("referral_within"), 2, 0)
        referral = QHBoxLayout()
        referral.addWidget(self.windows["referral_within"])
        referral.addWidget(self._label("referral_within_unit"))
        referral.addStretch(1)
        grid.addLayout(referral, 2, 1)
        grid.setColumnStretch(1, 1)

        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED};")
        self.note.hide()

        content = QWidget()
        columns = QGridLayout(content)
        columns.setContentsMargins(0, 0, 6, 0)
        columns.setHorizontalSpacing(12)
        columns.setVerticalSpacing(6)
        columns.addWidget(self.who, 0, 0, 2, 1)
        columns.addWidget(self.life, 0, 1)
        columns.addWidget(self.value, 1, 1)
        columns.addWidget(self.orders, 2, 0, 1, 2)
        columns.addWidget(self.note, 3, 0, 1, 2)
        columns.setColumnStretch(0, 1)
        columns.setColumnStretch(1, 1)
        columns.setRowStretch(4, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.retranslate()

    def _label(self, name: str) -> QLabel:
        widget = QLabel()
        self.labels[name] = widget
        return widget

    def _range_row(self, grid: QGridLayout, row: int, name: str) -> None:
        low, high = self.ranges[name]
        grid.addWidget(self._label(name), row, 0)
        grid.addWidget(low, row, 1)
        grid.addWidget(self._label(name + "_to"), row, 2, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(high, row, 3)
        grid.addWidget(self._label(name + "_unit"), row, 4)

    # --- words ----------------------------------------------------------------------------
    def set_tags(self, tags) -> None:
        self.tags = list(tags)
        self._fill_picks()

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self._fill_picks()

    def _fill_picks(self) -> None:
        separator = "、" if self.lang == "zh" else ", "
        for name, pick in self.picks.items():
            if name == "tiers":
                items = [(n, tier_label(n, self.lang)) for n in range(len(TIERS))]
            elif name == "tags":
                items = [(t, t) for t in self.tags]
            else:
                items = [(key, label(CHOICES[name], key, self.lang)) for key in CHOICES[name]]
            pick.set_items(items, self.tr("Any"), separator)

    def retranslate(self) -> None:
        texts = {
            "stages": self.tr("Stage"), "tiers": self.tr("Tier"), "classes": self.tr("Class"),
            "quadrants": self.tr("Word of mouth"), "lost_reasons": self.tr("Lost because"),
            "kinds": self.tr("Client kind"), "sources": self.tr("Source"), "needs": self.tr("Needs"),
            "tags": self.tr("Tags"),
            "spend": self.tr("Spend (yuan)"), "spend_to": self.tr("to"), "spend_unit": "",
            "idle": self.tr("Days since last activity"), "idle_to": self.tr("to"), "idle_unit": self.tr("days"),
            "birthday_within": self.tr("Birthday within"), "lunar_birthday_within": self.tr("Lunar birthday within"),
            "anniversary_within": self.tr("Wedding anniversary within"),
            "child_milestone_within": self.tr("Child's milestone within"),
            "child_age": self.tr("A child aged"), "child_age_to": self.tr("to"), "child_age_unit": self.tr("years"),
            "ordered": self.tr("Ordered"), "ordered_days": self.tr("placed"), "ordered_days_to": self.tr("to"),
            "ordered_days_unit": self.tr("days ago"), "never_ordered": self.tr("Never ordered"),
            "delivered_days": self.tr("Photos delivered"), "delivered_days_to": self.tr("to"),
            "delivered_days_unit": self.tr("days ago"),
            "referral_within": self.tr("A referred friend booked within"), "referral_within_unit": self.tr("days"),
        }
        for name in WINDOWS:
            texts.setdefault(name + "_unit", self.tr("days"))
        for name, widget in self.labels.items():
            widget.setText(texts.get(name, ""))
        self.who.setTitle(self.tr("Who they are"))
        self.value.setTitle(self.tr("Value and activity"))
        self.life.setTitle(self.tr("Life events"))
        self.orders.setTitle(self.tr("Orders"))
        self._fill_picks()
        self._show_note()

    def _show_note(self) -> None:
        days = self.hidden.get("not_touched_days")
        if self.hidden.get("not_touched_by") and days:
            self.note.setText(self.tr("Clients this playbook reached in the last %1 days are left out.")
                              .replace("%1", str(days)))
        self.note.setVisible(bool(self.hidden.get("not_touched_by")))

    # --- values ---------------------------------------------------------------------------
    def segment(self) -> dict:
        """The filters as services.segments takes them."""
        data = {name: pick.chosen() for name, pick in self.picks.items() if pick.chosen()}
        for name, widget in self.windows.items():
            if widget.value() is not None:
                data[name] = widget.value()
        for low_name, high_name in RANGES.values():
            for field, widget in zip((low_name, high_name), self.ranges[self._range_key(low_name)]):
                value = widget.value()
                if value is not None:
                    data[field] = value * 100 if field in MONEY_FIELDS else value
        data.update(self.hidden)
        return data

    @staticmethod
    def _range_key(field: str) -> str:
        return next(key for key, pair in RANGES.items() if field in pair)

    def set_segment(self, data: dict | None) -> None:
        data = dict(data or {})
        self.hidden = {k: data[k] for k in ("not_touched_by", "not_touched_days") if k in data}
        if "tags" in data:
            missing = [t for t in data["tags"] if t not in self.tags]
            if missing:
                self.set_tags([*self.tags, *missing])
        for name, pick in self.picks.items():
            pick.blockSignals(True)
            pick.set_chosen(data.get(name, ()))
            pick.blockSignals(False)
        for name, widget in self.windows.items():
            widget.set_value(data.get(name))
        for low_name, high_name in RANGES.values():
            for field, widget in zip((low_name, high_name), self.ranges[self._range_key(low_name)]):
                value = data.get(field)
                widget.set_value(value // 100 if value is not None and field in MONEY_FIELDS else value)
        self._show_note()
        self.changed.emit()
