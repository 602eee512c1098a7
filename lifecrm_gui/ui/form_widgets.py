"""Shared pieces of the client pages: a date field that may stay empty, a money field,
the message shown beside a field, vocabulary combos and check lists, the inline
banner, the calm empty state shown when no client is selected, and the way a page
runs its reads and writes in the background."""

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (QCalendarWidget, QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QLineEdit, QMenu, QSizePolicy, QSpinBox, QToolButton, QVBoxLayout, QWidget,
                               QWidgetAction)

from lifecrm_gui.domain.vocab import label
from lifecrm_gui.services.clients import parse_date
from lifecrm_gui.services.money import SYMBOLS, parse_money

from .style import ERROR, MUTED, icon

WARNING_COLOR = "#9a5b00"
INFO_COLOR = "#1d5fa8"


def translated_problem(message: str) -> str:
    """A service's field message in the reader's language; the details after the first
    colon (a value, a chain of names) are kept only where they add something."""
    head, sep, rest = str(message).partition(":")
    known = {
        "a name is required": QCoreApplication.translate("FieldMessages", "A name is required"),
        "not a phone number": QCoreApplication.translate("FieldMessages", "Not a phone number"),
        "not a valid phone number for CN": QCoreApplication.translate("FieldMessages", "Not a valid mobile number"),
        "not an email address": QCoreApplication.translate("FieldMessages", "Not an email address"),
        "not a WeChat id (6-20 letters, digits, - or _, starting with a letter)": QCoreApplication.translate(
            "FieldMessages", "Not a WeChat id (6-20 letters, digits, - or _, starting with a letter)"),
        "not a date (use YYYY-MM-DD)": QCoreApplication.translate("FieldMessages", "Not a date (use YYYY-MM-DD)"),
        "must be a whole number, zero or more": QCoreApplication.translate(
            "FieldMessages", "Must be a whole number, zero or more"),
        "must be 1 to 5": QCoreApplication.translate("FieldMessages", "Must be 1 to 5"),
        "this would make a referral cycle": QCoreApplication.translate(
            "FieldMessages", "This would make a referral cycle"),
        "no such client": QCoreApplication.translate("FieldMessages", "No such client"),
        "an amount is required": QCoreApplication.translate("FieldMessages", "An amount is required"),
        "not an amount": QCoreApplication.translate("FieldMessages", "Not an amount"),
        "cannot be negative": QCoreApplication.translate("FieldMessages", "Cannot be negative"),
        "more than two decimals": QCoreApplication.translate("FieldMessages", "More than two decimals"),
        "too large": QCoreApplication.translate("FieldMessages", "Too large"),
        "more than the amount": QCoreApplication.translate("FieldMessages", "More than the amount"),
        "a follow-up needs a title": QCoreApplication.translate("FieldMessages", "A follow-up needs a title"),
        "a family member needs a name or a birthday": QCoreApplication.translate(
            "FieldMessages", "A family member needs a name or a birthday"),
        "unknown relation": QCoreApplication.translate("FieldMessages", "Unknown relation"),
    }
    if head.startswith("already belongs to "):
        owner = head[len("already belongs to "):]
        return QCoreApplication.translate("FieldMessages", "Already belongs to %1").replace("%1", owner)
    if head.startswith("longer than "):
        return QCoreApplication.translate("FieldMessages", "Too long")
    if head in known:
        # "not a valid phone number for CN: 123": the value is in the field already;
        # a cycle's chain of names is worth showing
        keep_rest = head == "this would make a referral cycle"
        return known[head] + (sep + rest if keep_rest and sep else "")
    return str(message)


class FieldMessage(QLabel):
    """The problem with a field, shown right under it; hidden while there is none."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("fieldMessage")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
        self.setFont(font)
        self.level = ""
        self.target: QWidget | None = None  # the field that gets a red border with an error
        self.hide()

    def attach(self, field: QWidget) -> None:
        self.target = field.edit if isinstance(field, DateField) else field

    def show_error(self, text: str) -> None:
        self._show(text, "error", ERROR)

    def show_warning(self, text: str) -> None:
        self._show(text, "warning", WARNING_COLOR)

    def _show(self, text: str, level: str, color: str) -> None:
        self.level = level
        self.setText(text)
        self.setStyleSheet(f"QLabel#fieldMessage {{ color: {color}; }}")
        self.setVisible(bool(text))
        self._mark(level == "error" and bool(text))

    def clear(self) -> None:
        self.level = ""
        self.setText("")
        self.hide()
        self._mark(False)

    def _mark(self, invalid: bool) -> None:
        target = self.target
        if target is not None and is_alive(target) and bool(target.property("invalid")) != invalid:
            target.setProperty("invalid", invalid)
            target.style().unpolish(target)
            target.style().polish(target)

    def is_error(self) -> bool:
        return self.level == "error" and not self.isHidden()


def with_message(field: QWidget, message: FieldMessage, extra: QWidget | None = None) -> QWidget:
    """A field with its message underneath (and an optional widget beside the field)."""
    message.attach(field)
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if extra is None:
        compact = isinstance(field, (QComboBox, QSpinBox)) or field.maximumWidth() < 10_000
        column.addWidget(field, 0, Qt.AlignmentFlag.AlignLeft if compact else Qt.AlignmentFlag(0))
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(field, 1)
        row.addWidget(extra)
        column.addLayout(row)
    column.addWidget(message)
    return box


class DateField(QWidget):
    """A date typed as 2024-05-01, 2024/5/1 or 2024年5月1日, or picked on a calendar;
    empty means no date."""

    changed = Signal()
    editingFinished = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(110)
        self.button = QToolButton()
        self.button.setIcon(icon("fa6s.calendar-days"))
        self.button.setAutoRaise(True)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(False)
        menu = QMenu(self.button)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        self.calendar.clicked.connect(self._picked)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._finish)
        self.setFocusProxy(self.edit)
        self.retranslate()

    def retranslate(self) -> None:
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.button.setToolTip(self.tr("Pick a date"))

    def text(self) -> str:
        return self.edit.text().strip()

    def set_value(self, value) -> None:
        """A date, an ISO string or None."""
        if isinstance(value, date):
            value = value.isoformat()
        self.edit.setText((value or "")[:10])

    def value(self) -> date | None:
        """The date, or None when empty; ValueError when the text is not a date."""
        return parse_date(self.text(), "date")

    def problem(self) -> str | None:
        try:
            self.value()
        except ValueError:
            return translated_problem("not a date (use YYYY-MM-DD)")
        return None

    def setReadOnly(self, flag: bool) -> None:  # noqa: N802 - Qt naming, like QLineEdit
        self.edit.setReadOnly(flag)
        self.button.setEnabled(not flag)

    def _finish(self) -> None:
        try:
            parsed = self.value()
        except ValueError:
            parsed = None
        if parsed is not None and parsed.isoformat() != self.text():
            self.edit.setText(parsed.isoformat())
        self.editingFinished.emit()

    def _prepare_calendar(self) -> None:
        try:
            current = self.value()
        except ValueError:
            current = None
        if current is not None:
            self.calendar.setSelectedDate(QDate(current.year, current.month, current.day))

    def _picked(self, qdate: QDate) -> None:
        self.edit.setText(qdate.toString("yyyy-MM-dd"))
        self.button.menu().hide()
        self.editingFinished.emit()


class MoneyField(QLineEdit):
    """An amount as people type it ("1,280", "¥1280.50"), kept as minor units."""

    def __init__(self, currency: str = "CNY", parent=None):
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.set_currency(currency)

    def set_currency(self, currency: str) -> None:
        self.currency = currency
        self.setPlaceholderText(f"{SYMBOLS.get(currency, currency + ' ')}0.00")

    def set_minor(self, minor: int | None) -> None:
        if minor is None:
            self.setText("")
            return
        whole, cents = divmod(int(minor), 100)
        self.setText(f"{whole:,}" if not cents else f"{whole:,}.{cents:02d}")

    def minor(self) -> int:
        """Minor units; ValueError with the reason when the text is not an amount."""
        return parse_money(self.text())

    def problem(self, required: bool = True) -> str | None:
        if not required and not self.text().strip():
            return None
        try:
            self.minor()
        except ValueError as error:
            return translated_problem(str(error))
        return None


class VocabCombo(QComboBox):
    """A choice among vocabulary ids, shown in the reader's language; optionally blank."""

    def __init__(self, table, lang: str = "zh", *, blank: bool = False, keys=None, parent=None):
        super().__init__(parent)
        self.table = table
        self.blank = blank
        self._keys = list(keys if keys is not None else table)
        if blank:
            self.addItem("—", None)
        for key in self._keys:
            self.addItem(label(table, key, lang), key)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

    def key(self):
        return self.currentData()

    def set_key(self, key) -> None:
        index = self.findData(key)
        if index < 0:
            index = 0 if self.blank or key is None else self.currentIndex()
        self.setCurrentIndex(index)

    def relabel(self, lang: str) -> None:
        for i in range(self.count()):
            key = self.itemData(i)
            if key is not None:
                self.setItemText(i, label(self.table, key, lang))


class CheckList(QWidget):
    """Checkable vocabulary ids in a grid (styles, needs)."""

    changed = Signal()

    def __init__(self, table, lang: str = "zh", columns: int = 3, parent=None):
        super().__init__(parent)
        self.table = table
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        for i, key in enumerate(table):
            box = QCheckBox(label(table, key, lang))
            box.toggled.connect(self.changed)
            self.boxes[key] = box
            grid.addWidget(box, i // columns, i % columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)

    def checked(self) -> list[str]:
        return [key for key, box in self.boxes.items() if box.isChecked()]

    def set_checked(self, keys) -> None:
        wanted = set(keys or ())
        for key, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(key in wanted)
            box.blockSignals(False)
        self.changed.emit()

    def relabel(self, lang: str) -> None:
        for key, box in self.boxes.items():
            box.setText(label(self.table, key, lang))


class Banner(QFrame):
    """A message across the page (a refused move, a client in the trash), with a
    close button."""

    COLORS = {"info": ("#e3f0fd", INFO_COLOR, "fa6s.circle-info"),
              "warning": ("#fff1d9", WARNING_COLOR, "fa6s.triangle-exclamation"),
              "error": ("#fde8e7", ERROR, "fa6s.circle-exclamation")}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.icon = QLabel()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton()
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.close_button)
        self.level = "info"
        self.hide()

    def show_message(self, text: str, level: str = "info", closable: bool = True) -> None:
        background, color, icon_name = self.COLORS[level]
        self.level = level
        self.setStyleSheet(f"QFrame#banner {{ background: {background}; border-radius: 6px; }}"
                           f"QFrame#banner QLabel {{ color: {color}; }}")
        self.icon.setPixmap(icon(icon_name, color).pixmap(QSize(16, 16)))
        self.text.setText(text)
        self.close_button.setIcon(icon("fa6s.xmark", color))
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.setVisible(closable)
        self.show()


class EmptyState(QWidget):
    """What a page shows while no client is selected: calm, centred, one hint."""

    def __init__(self, icon_name: str, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.picture = QLabel()
        self.picture.setPixmap(icon(icon_name, "#b7c4c2").pixmap(QSize(64, 64)))
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() + 3)
        self.title.setFont(font)
        self.title.setStyleSheet(f"color: {MUTED};")
        self.hint = QLabel()
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {MUTED};")
        for widget in (self.picture, self.title, self.hint):
            layout.addWidget(widget)
        layout.addStretch(3)

    def set_texts(self, title: str, hint: str) -> None:
        self.title.setText(title)
        self.hint.setText(hint)


def fit_bold_text(button) -> None:
    """Room for a default button's text: the style sheet sets it in semi-bold, which Qt's
    size hint does not know about."""
    font = QFont(button.font())
    font.setWeight(QFont.Weight.DemiBold)
    icon_room = button.iconSize().width() + 8 if not button.icon().isNull() else 0
    button.setMinimumWidth(QFontMetrics(font).horizontalAdvance(button.text()) + icon_room + 36)


def caption_label(text: str = "") -> QLabel:
    """A small grey caption above a figure."""
    caption = QLabel(text)
    caption.setObjectName("caption")
    caption.setStyleSheet(f"color: {MUTED};")
    return caption


def is_alive(widget) -> bool:
    """False once Qt has deleted the widget (a result may arrive after its page closed)."""
    from shiboken6 import isValid

    return isValid(widget)


def show_worker_error(error: BaseException, parent) -> None:
    from .errors import show_error

    show_error(error, parent)


class PageWork:
    """A page's background work through ui.workers: results come back only while the
    page lives, and `busy()` says whether any is still out."""

    def __init__(self, page: QWidget):
        self.page = page
        self.pending = 0

    def busy(self) -> bool:
        return self.pending > 0

    def run(self, fn, on_done, on_error=None, read_only: bool = False):
        """Run `fn()` off the GUI thread; `on_done(result)` or `on_error(error)` back on it."""
        from . import workers

        self.pending += 1
        page = self.page

        def finish(callback):
            def call(result):
                try:
                    if callback is not None and is_alive(page):
                        callback(result)
                finally:
                    self.pending -= 1
            return call

        failed = on_error or (lambda error: show_worker_error(error, page))
        return workers.run_task(lambda _progress, _cancel: fn(), finish(on_done), finish(failed),
                                read_only=read_only)
