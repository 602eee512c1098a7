"""Timeline entries on screen: each kind's icon and colour, the words an entry shows
(stage changes from -> to with their reason, orders with amount and status), the
lazy list model and the delegate that paints it, and the quick-add bar."""

import json
import math
from datetime import date, datetime
from functools import lru_cache

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QIcon, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QPushButton, QStyle, QStyledItemDelegate,
                               QToolButton, QVBoxLayout, QWidget)

from lifecrm_gui.domain.reasons import Reason
from lifecrm_gui.domain.vocab import EVENT_KINDS, LOGGABLE_KINDS, NEEDS, ORDER_STATUSES, STAGES, label
from lifecrm_gui.services.money import format_money

from .badges import STAR_COLOR, STAR_EMPTY, badge_size, paint_badge
from .form_widgets import FieldMessage, VocabCombo
from .style import MUTED, TEXT, icon

# kind -> (qtawesome icon, colour)
KIND_STYLE = {
    "inquiry": ("fa6s.circle-question", "#1d5fa8"),
    "call": ("fa6s.phone", "#00838f"),
    "wechat": ("fa6b.weixin", "#2e7d32"),
    "visit": ("fa6s.store", "#6a2c8c"),
    "email": ("fa6s.envelope", "#3949ab"),
    "consultation": ("fa6s.comments", "#7b1fa2"),
    "booking": ("fa6s.calendar-check", "#00695c"),
    "shoot": ("fa6s.camera", "#ad1457"),
    "delivery": ("fa6s.images", "#d84315"),
    "feedback": ("fa6s.star", "#c78a00"),
    "complaint": ("fa6s.triangle-exclamation", "#b3261e"),
    "referral": ("fa6s.user-plus", "#558b2f"),
    "campaign": ("fa6s.bullhorn", "#607d8b"),
    "campaign_reply": ("fa6s.reply", "#0277bd"),
    "note": ("fa6s.note-sticky", "#795548"),
    "stage_change": ("fa6s.right-left", "#455a64"),
    "order": ("fa6s.receipt", "#9a5b00"),
}
UNKNOWN_KIND = ("fa6s.circle", "#78909c")
# order status -> (fill, text)
STATUS_COLORS = {
    "quoted": ("#eceff1", "#455a64"),
    "booked": ("#e3f0fd", "#1d5fa8"),
    "shot": ("#f1e6f7", "#6a2c8c"),
    "delivered": ("#e6f4e6", "#2e7031"),
    "cancelled": ("#fde8e7", "#b3261e"),
}
WIN_BACK_FILL = "#fff6dc"
WIN_BACK_TEXT = "#8a5a00"
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_ROLE = Qt.ItemDataRole.UserRole + 2


def kind_color(kind: str) -> QColor:
    return QColor(KIND_STYLE.get(kind, UNKNOWN_KIND)[1])


@lru_cache(maxsize=64)
def kind_icon(kind: str) -> QIcon:
    name, color = KIND_STYLE.get(kind, UNKNOWN_KIND)
    return icon(name, color)


def entry_time(entry: dict) -> str:
    """When it happened; an order shows its date only (its time of day is when it was typed in)."""
    value = entry.get("occurred_at")
    if entry.get("kind") == "order":
        return str(value)[:10]
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value or "")[:16]


def _data(entry: dict) -> dict:
    raw = entry.get("data")
    if isinstance(raw, dict):
        return raw
    try:
        return json.loads(raw) if raw else {}
    except (TypeError, ValueError):
        return {}


DEFAULT_TEXTS = {"win_back": "Win-back", "manual": "by staff", "paid": "paid %1", "shoot": "shoot %1"}


def order_words(order: dict, lang: str, currency: str, texts: dict) -> str:
    """An order in one line: category · package · amount (paid) · shoot date."""
    money = lambda minor: format_money(minor, currency)  # noqa: E731
    amount = money(order.get("amount"))
    if order.get("paid") and order.get("paid") != order.get("amount"):
        amount += f" ({texts['paid'].replace('%1', money(order.get('paid')))})"
    parts = [label(NEEDS, order.get("category"), lang) if order.get("category") else "",
             order.get("package") or "", amount]
    if order.get("shoot_on"):
        parts.append(texts["shoot"].replace("%1", str(order["shoot_on"])[:10]))
    if order.get("note"):
        parts.append(order["note"])
    return " · ".join(p for p in parts if p)


def entry_words(entry: dict, lang: str, currency: str = "CNY", order: dict | None = None,
                texts: dict | None = None) -> tuple[str, str]:
    """(headline, detail) of a timeline entry in the reader's language; `order` is the
    order row behind an order entry, when known."""
    texts = texts or DEFAULT_TEXTS
    kind = entry.get("kind") or ""
    text = entry.get("text") or ""
    if kind == "stage_change":
        old, new = label(STAGES, entry.get("stage_from"), lang) or "—", label(STAGES, entry.get("stage_to"), lang)
        headline = f"{old} → {new}"
        data = _data(entry)
        detail = text
        if isinstance(data.get("reason"), dict) and "code" in data["reason"]:
            try:
                detail = Reason.from_dict(data["reason"]).text(lang, lambda m: format_money(m, currency))
            except (KeyError, ValueError, IndexError):
                detail = text
            if data.get("note"):
                detail += f" — {data['note']}"
        return headline, detail
    if kind == "order":
        detail = order_words(order, lang, currency, texts) if order else text
        return label(EVENT_KINDS, "order", lang), detail
    return label(EVENT_KINDS, kind, lang), text


def is_manual_stage_change(entry: dict) -> bool:
    return entry.get("kind") == "stage_change" and _data(entry).get("auto") is False


class TimelineModel(QAbstractListModel):
    """The client's timeline, newest first, loaded a page at a time: the view asks for
    more as it scrolls (canFetchMore / fetchMore) and the page fetches it off the GUI thread."""

    moreRequested = Signal(int)  # how many entries are loaded now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[dict] = []
        self.has_more = False
        self.loading_more = False
        self.lang = "zh"
        self.currency = "CNY"
        self._words: dict[int, tuple[str, str]] = {}
        self.orders: dict[int, dict] = {}  # the rows behind order entries, by id
        self.texts = dict(DEFAULT_TEXTS)  # set by the page in its language

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role == KIND_ROLE:
            return entry.get("kind")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            headline, detail = self.words(index.row())
            return f"{headline}: {detail}" if detail else headline
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(entry.get("kind") or "")
        return None

    def words(self, row: int) -> tuple[str, str]:
        if row not in self._words:
            entry = self.entries[row]
            order = self.orders.get(entry.get("order")) if entry.get("kind") == "order" else None
            self._words[row] = entry_words(entry, self.lang, self.currency, order, self.texts)
        return self._words[row]

    def set_texts(self, texts: dict) -> None:
        """The words the page supplies in its language (chips, "paid", "shoot")."""
        self.texts = {**DEFAULT_TEXTS, **texts}
        self._words.clear()
        if self.entries:
            self.dataChanged.emit(self.index(0), self.index(len(self.entries) - 1))

    def set_entries(self, entries: list[dict], has_more: bool, lang: str, currency: str,
                    orders: dict | None = None) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.orders = dict(orders or {})
        self.has_more = has_more
        self.loading_more = False
        self.lang, self.currency = lang, currency
        self._words.clear()
        self.endResetModel()

    def append_entries(self, entries: list[dict], has_more: bool) -> None:
        """Add the next page (entries already shown are skipped)."""
        self.loading_more = False
        self.has_more = has_more
        fresh = entries[len(self.entries):]
        if not fresh:
            return
        start = len(self.entries)
        self.beginInsertRows(QModelIndex(), start, start + len(fresh) - 1)
        self.entries.extend(fresh)
        self.endInsertRows()

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802 - Qt naming
        return not parent.isValid() and self.has_more and not self.loading_more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802 - Qt naming
        if self.canFetchMore(parent):
            self.loading_more = True
            self.moreRequested.emit(len(self.entries))

    def entry(self, row: int) -> dict:
        return self.entries[row]


class TimelineDelegate(QStyledItemDelegate):
    """Paints an entry: the kind's icon on the timeline's spine, time, kind (or the stage
    badges of a stage change), staff, satisfaction stars, and up to two lines of text."""

    PAD = 8
    GUTTER = 52
    ICON = 30

    def __init__(self, view, parent=None):
        super().__init__(parent or view)
        self.view = view

    def _fonts(self, option):
        base = QFont(option.font)
        bold = QFont(base)
        bold.setBold(True)
        small = QFont(base)
        small.setPointSizeF(max(7.0, base.pointSizeF() - 1))
        return base, bold, small

    def _detail_width(self, width: int) -> int:
        return max(40, width - self.GUTTER - 2 * self.PAD)

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        base, _bold, _small = self._fonts(option)
        metrics = QFontMetrics(base)
        model = index.model()
        _headline, detail = model.words(index.row())
        width = self.view.viewport().width() if self.view is not None else 600
        lines = two_lines(detail, metrics, self._detail_width(width))
        top = max(metrics.height(), badge_size(metrics, "Xy").height())
        height = self.PAD + top + (4 + len(lines) * metrics.height() if lines else 0) + self.PAD
        return QSize(width, max(height, self.ICON + 2 * self.PAD))

    def paint(self, painter: QPainter, option, index) -> None:
        entry = index.data(ENTRY_ROLE)
        if entry is None:
            return
        model = index.model()
        headline, detail = model.words(index.row())
        kind = entry.get("kind") or ""
        base, bold, small = self._fonts(option)
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        win_back = bool(entry.get("win_back"))
        if selected:
            painter.fillRect(rect, option.palette.highlight())
        elif win_back:
            painter.fillRect(rect, QColor(WIN_BACK_FILL))
        # the spine and the kind's icon on it
        spine_x = rect.left() + self.GUTTER / 2
        painter.setPen(QPen(QColor("#dfe5e3"), 2))
        painter.drawLine(QPointF(spine_x, rect.top()), QPointF(spine_x, rect.bottom()))
        color = kind_color(kind)
        circle = QRectF(spine_x - self.ICON / 2, rect.top() + self.PAD, self.ICON, self.ICON)
        fill = QColor(color)
        fill.setAlpha(34)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(circle)
        painter.setBrush(fill)
        painter.drawEllipse(circle)
        kind_icon(kind).paint(painter, circle.adjusted(7, 7, -7, -7).toRect())

        metrics = QFontMetrics(base)
        small_metrics = QFontMetrics(small)
        x = rect.left() + self.GUTTER
        right = rect.right() - self.PAD
        top_height = max(metrics.height(), badge_size(metrics, "Xy").height())
        line_rect = QRectF(x, rect.top() + self.PAD, right - x, top_height)
        # time
        painter.setFont(small)
        painter.setPen(QColor(MUTED))
        time_text = entry_time(entry)
        time_width = small_metrics.horizontalAdvance(time_text) + 12
        painter.drawText(line_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, time_text)
        cursor = x + time_width
        # right side: staff, satisfaction, win-back chip, manual mark
        right_edge = right
        staff = entry.get("staff") or ""
        if staff:
            staff_width = small_metrics.horizontalAdvance(staff)
            painter.drawText(QRectF(right_edge - staff_width, line_rect.top(), staff_width, top_height),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, staff)
            right_edge -= staff_width + 10
        satisfaction = entry.get("satisfaction")
        if satisfaction:
            right_edge = self._paint_score(painter, int(satisfaction), right_edge, line_rect) - 10
        if kind == "order" and entry.get("status"):
            fill, ink = STATUS_COLORS.get(entry["status"], ("#eceff1", "#455a64"))
            right_edge = self._paint_chip(painter, label(ORDER_STATUSES, entry["status"], model.lang), right_edge,
                                          line_rect, small, QColor(fill), QColor(ink)) - 8
        if win_back:
            right_edge = self._paint_chip(painter, model.texts["win_back"], right_edge, line_rect, small,
                                          QColor("#ffe7a3"), QColor(WIN_BACK_TEXT)) - 8
        elif is_manual_stage_change(entry):
            right_edge = self._paint_chip(painter, model.texts["manual"], right_edge, line_rect, small,
                                          QColor("#eceff1"), QColor("#455a64")) - 8
        # headline
        painter.setFont(base)
        if kind == "stage_change":
            self._paint_stage_move(painter, entry, model.lang, QRectF(cursor, line_rect.top(),
                                                                      right_edge - cursor, top_height))
        else:
            painter.setFont(bold)
            painter.setPen(color if kind != "order" else QColor(TEXT))
            painter.drawText(QRectF(cursor, line_rect.top(), max(0.0, right_edge - cursor), top_height),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(bold).elidedText(headline, Qt.TextElideMode.ElideRight,
                                                           int(max(0.0, right_edge - cursor))))
        # detail
        lines = two_lines(detail, metrics, self._detail_width(int(rect.width())))
        if lines:
            painter.setFont(base)
            cancelled = kind == "order" and entry.get("status") == "cancelled"
            if cancelled:
                struck = QFont(base)
                struck.setStrikeOut(True)
                painter.setFont(struck)
            painter.setPen(QColor(MUTED if cancelled else TEXT))
            y = line_rect.bottom() + 4
            for line in lines:
                painter.drawText(QRectF(x, y, right - x, metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)
                y += metrics.height()
        painter.setPen(QPen(QColor("#edf0ef"), 1))
        painter.drawLine(QPointF(x, rect.bottom()), QPointF(right, rect.bottom()))
        painter.restore()

    def _paint_stage_move(self, painter, entry, lang, rect: QRectF) -> None:
        metrics = painter.fontMetrics()
        old, new = entry.get("stage_from"), entry.get("stage_to")
        old_text = label(STAGES, old, lang) if old else "—"
        new_text = label(STAGES, new, lang)
        width = badge_size(metrics, old_text).width()
        paint_badge(painter, QRectF(rect.left(), rect.top(), width, rect.height()), old_text, old)
        arrow_x = rect.left() + width + 6
        painter.setPen(QColor(MUTED))
        painter.drawText(QRectF(arrow_x, rect.top(), 18, rect.height()), Qt.AlignmentFlag.AlignCenter, "→")
        new_x = arrow_x + 24
        paint_badge(painter, QRectF(new_x, rect.top(), badge_size(metrics, new_text).width(), rect.height()),
                    new_text, new)

    def _paint_score(self, painter, score: int, right_edge: float, line_rect: QRectF) -> float:
        size = 11.0
        width = 5 * (size + 1)
        left = right_edge - width
        painter.setPen(Qt.PenStyle.NoPen)
        for i in range(5):
            painter.setBrush(QColor(STAR_COLOR if i < score else STAR_EMPTY))
            center = QPointF(left + size / 2 + i * (size + 1), line_rect.center().y())
            painter.drawPolygon(star_polygon(center, size / 2))
        return left

    def _paint_chip(self, painter, text, right_edge, line_rect, font, fill, color) -> float:
        metrics = QFontMetrics(font)
        width = metrics.horizontalAdvance(text) + 14
        height = metrics.height() + 2
        chip = QRectF(right_edge - width, line_rect.center().y() - height / 2, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(chip, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(chip, Qt.AlignmentFlag.AlignCenter, text)
        return chip.left()


def star_polygon(center: QPointF, radius: float) -> QPolygonF:
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        points.append(QPointF(center.x() + r * math.cos(angle), center.y() - r * math.sin(angle)))
    return QPolygonF(points)


def two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Up to two lines of text for the width: the first broken where it overflows, the
    second elided."""
    flat = " ".join((text or "").split())
    if not flat:
        return []
    if metrics.horizontalAdvance(flat) <= width:
        return [flat]
    low, high = 1, len(flat)
    while low < high:  # the longest prefix that fits
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(flat[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    cut = low
    space = flat.rfind(" ", 0, cut + 1)
    if space > cut * 0.6:
        cut = space
    first, rest = flat[:cut].rstrip(), flat[cut:].strip()
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]


class SatisfactionPicker(QWidget):
    """Five stars to click: the satisfaction of a feedback, 1 to 5 (0 while none is chosen)."""

    changed = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.buttons: list[QToolButton] = []
        self.score = 0
        for value in range(1, 6):
            button = QToolButton()
            button.setAutoRaise(True)
            button.clicked.connect(lambda _checked=False, v=value: self.set_score(v))
            self.buttons.append(button)
            layout.addWidget(button)
        self.set_score(0)

    def set_score(self, score: int) -> None:
        self.score = score
        for value, button in enumerate(self.buttons, 1):
            button.setIcon(icon("fa6s.star", STAR_COLOR if value <= score else STAR_EMPTY))
            button.setToolTip(self.tr("%1 of 5").replace("%1", str(value)))
        self.changed.emit(score)


class QuickAdd(QWidget):
    """Log a touch in one line: kind, text, satisfaction for feedback; Enter adds it."""

    submitted = Signal(str, str, object)  # kind, text, satisfaction (None unless feedback)

    def __init__(self, lang: str = "zh", parent=None):
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        row = QHBoxLayout()
        row.setSpacing(6)
        self.kind = VocabCombo(EVENT_KINDS, lang, keys=LOGGABLE_KINDS)
        for i in range(self.kind.count()):
            self.kind.setItemIcon(i, kind_icon(self.kind.itemData(i)))
        self.kind.setMaxVisibleItems(len(LOGGABLE_KINDS))
        self.text = QLineEdit()
        self.satisfaction = SatisfactionPicker()
        self.add_button = QPushButton(icon("fa6s.plus"), "")
        row.addWidget(self.kind)
        row.addWidget(self.text, 1)
        row.addWidget(self.satisfaction)
        row.addWidget(self.add_button)
        outer.addLayout(row)
        self.message = FieldMessage()
        outer.addWidget(self.message)
        self.text.returnPressed.connect(self.submit)
        self.add_button.clicked.connect(self.submit)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.text.textEdited.connect(lambda _t: self.message.clear())
        self._kind_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.text.setPlaceholderText(self.tr("What happened? Press Enter to add it to the timeline"))
        self.add_button.setText(self.tr("Add"))
        self.kind.setToolTip(self.tr("Kind of touch"))
        self.satisfaction.setToolTip(self.tr("Satisfaction, 1 to 5"))
        self.satisfaction.set_score(self.satisfaction.score)

    def relabel(self, lang: str) -> None:
        self.kind.relabel(lang)

    def set_kind(self, kind: str) -> None:
        self.kind.set_key(kind)

    def submit(self) -> None:
        kind = self.kind.key()
        text = self.text.text().strip()
        if kind in ("note", "complaint") and not text:
            self.message.show_error(self.tr("Write what the note or complaint says"))
            return
        score = self.satisfaction.score if kind == "feedback" and self.satisfaction.score else None
        self.submitted.emit(kind, text, score)

    def clear_text(self) -> None:
        self.text.clear()
        self.satisfaction.set_score(0)
        self.message.clear()

    def _kind_changed(self, *_args) -> None:
        self.satisfaction.setVisible(self.kind.key() == "feedback")
