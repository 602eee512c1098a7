"""Pieces the Campaigns tab and the Today view share: recipient status badges, a card
with a title and a figure, a section frame, a column of one-click row actions, a
multi-choice button, and the signals by which a campaign made on one page is shown
on the other."""

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QVBoxLayout,
    QWidget,
)

from .badges import badge_size
from .style import ACCENT, BORDER, MUTED, TEXT, icon

# recipient status -> (background, text)
STATUS_COLORS = {
    "pending": ("#eceff1", "#455a64"),
    "sent": ("#e3f0fd", "#1d5fa8"),
    "replied": ("#ddf4f1", "#00695c"),
    "booked": ("#e6f4e6", "#2e7031"),
    "opted_out": ("#fde8e7", "#b3261e"),
    # Today's states
    "due": ("#ddf4f1", "#00695c"),
    "overdue": ("#fde8e7", "#b3261e"),
    "lined_up": ("#e3f0fd", "#1d5fa8"),
    "no_consent": ("#f1f1f1", "#616161"),
    "capped": ("#fff1d9", "#9a5b00"),
    "off": ("#f1f1f1", "#8a8a8a"),
    # campaigns
    "draft": ("#eceff1", "#455a64"),
    "active": ("#ddf4f1", "#00695c"),
    "closed": ("#f1e6f7", "#6a2c8c"),
}
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1  # the status id behind a badge cell


def paint_pill(painter: QPainter, rect: QRectF, text: str, status: str) -> None:
    background, foreground = (QColor(c) for c in STATUS_COLORS.get(status, ("#f1f1f1", "#616161")))
    metrics = painter.fontMetrics()
    size = badge_size(metrics, text)
    width, height = min(size.width(), rect.width() - 4), min(size.height(), rect.height() - 2)
    pill = QRectF(rect.left() + 2, rect.center().y() - height / 2, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(foreground)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                     metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 12)))
    painter.restore()


class StatusBadgeDelegate(QStyledItemDelegate):
    """A coloured pill: the words under DisplayRole, the status id under STATUS_ROLE."""

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if text:
            paint_pill(painter, QRectF(option.rect).adjusted(4, 0, -4, 0), text, index.data(STATUS_ROLE))

    def sizeHint(self, option, index) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(badge_size(option.fontMetrics, index.data() or "").width() + 12, hint.height())


class LinkDelegate(QStyledItemDelegate):
    """A cell that reads as a link; one click runs `clicked(row)`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.clicked = None

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        font = QFont(option.font)
        font.setUnderline(bool(option.state & QStyle.StateFlag.State_MouseOver))
        rect = option.rect.adjusted(6, 0, -4, 0)
        painter.save()
        painter.setFont(font)
        painter.setPen(QColor(ACCENT))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()

    def editorEvent(self, event, model, option, index) -> bool:
        if (event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton
                and self.clicked is not None):
            self.clicked(index.row())
            return True
        return super().editorEvent(event, model, option, index)


class RowActionsDelegate(QStyledItemDelegate):
    """Small icon buttons in a row: one click runs the action on that row. The model
    gives the row's action names under ACTIONS_ROLE; `triggered(row, action)` fires.
    After the buttons, a row may show its state as a coloured icon without a frame (the
    state under MARK_ROLE, one of `marks`; its words are the cell's tooltip): where a
    greeting cannot be sent, the mark says why in the place of the send button."""

    ACTIONS_ROLE = Qt.ItemDataRole.UserRole + 2
    MARK_ROLE = Qt.ItemDataRole.UserRole + 3
    SIZE = 26

    def __init__(self, icons: dict, tooltips, parent=None, marks: dict | None = None):
        super().__init__(parent)
        self.icons = icons  # action -> QIcon
        self.tooltips = tooltips  # callable(action) -> str
        self.marks = marks or {}  # state -> QIcon
        self.triggered = None  # callable(row, action), set by the owner

    def _rects(self, rect: QRect, actions) -> list[tuple[str, QRect]]:
        out = []
        x = rect.left() + 4
        for action in actions:
            out.append((action, QRect(x, rect.center().y() - self.SIZE // 2 + 1, self.SIZE, self.SIZE - 2)))
            x += self.SIZE + 2
        return out

    def paint(self, painter, option, index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        actions = index.data(self.ACTIONS_ROLE) or ()
        mark = self.marks.get(index.data(self.MARK_ROLE))
        for action, rect in self._rects(option.rect, (*actions, "mark") if mark else actions):
            if action == "mark":
                mark.paint(painter, rect.adjusted(5, 4, -5, -4))
                continue
            painter.setPen(QColor(BORDER))
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
            self.icons[action].paint(painter, rect.adjusted(5, 4, -5, -4))
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        count = len(index.data(self.ACTIONS_ROLE) or ()) + (index.data(self.MARK_ROLE) in self.marks)
        return QSize(8 + count * (self.SIZE + 2), self.SIZE + 4)

    def action_at(self, index, rect: QRect, pos) -> str | None:
        for action, button in self._rects(rect, index.data(self.ACTIONS_ROLE) or ()):
            if button.contains(pos):
                return action
        return None

    def editorEvent(self, event, model, option, index) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and event.button() == Qt.MouseButton.LeftButton:
            action = self.action_at(index, option.rect, event.position().toPoint())
            if action is not None and self.triggered is not None:
                self.triggered(index.row(), action)
                return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:
        from PySide6.QtWidgets import QToolTip

        action = self.action_at(index, option.rect, event.pos())
        if action is not None:
            QToolTip.showText(event.globalPos(), self.tooltips(action), view)
            return True
        return super().helpEvent(event, view, option, index)


class MetricCard(QFrame):
    """A figure with its name above and a line of context below."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("metricCard")
        self.setStyleSheet(f"QFrame#metricCard {{ background: #ffffff; border: 1px solid {BORDER}; "
                           "border-radius: 8px; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        self.title = QLabel()
        self.title.setStyleSheet(f"color: {MUTED};")
        self.value = QLabel("—")
        font = QFont(self.value.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setStyleSheet(f"color: {TEXT};")
        self.caption = QLabel()
        self.caption.setStyleSheet(f"color: {MUTED};")
        self.caption.setWordWrap(True)
        for widget in (self.title, self.value, self.caption):
            layout.addWidget(widget)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, title: str, value: str, caption: str = "", color: str | None = None) -> None:
        self.title.setText(title)
        self.value.setText(value)
        self.value.setStyleSheet(f"color: {color or TEXT};")
        self.caption.setText(caption)
        self.caption.setVisible(bool(caption))


class Section(QFrame):
    """A white card with an icon, a title, a count and a body."""

    def __init__(self, icon_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("section")
        self.setStyleSheet(f"QFrame#section {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 8px; }}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(8)
        self.icon = QLabel()
        self.icon.setPixmap(icon(icon_name, ACCENT).pixmap(QSize(18, 18)))
        self.title = QLabel()
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.count = QLabel()
        self.count.setStyleSheet(f"color: {MUTED};")
        head.addWidget(self.icon)
        head.addWidget(self.title)
        head.addWidget(self.count)
        head.addStretch(1)
        outer.addLayout(head)
        self.body = QVBoxLayout()
        self.body.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.body, 1)


class MultiPick(QPushButton):
    """Several values in one compact button: a menu of ticks; the button reads "Any"
    or the chosen names."""

    changed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("needsButton")  # the shared look of a value-picking button
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(120)
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._actions = {}
        self.placeholder = ""
        self.separator = ", "

    def set_items(self, items, placeholder: str, separator: str = ", ") -> None:
        """items: (value, words); the ticks survive a change of language."""
        chosen = self.chosen()
        self.placeholder, self.separator = placeholder, separator
        self._menu.clear()
        self._actions = {}
        for value, words in items:
            action = self._menu.addAction(words)
            action.setCheckable(True)
            action.setChecked(value in chosen)
            action.toggled.connect(self._update)
            self._actions[value] = action
        self._update()

    def chosen(self) -> list:
        return [value for value, action in self._actions.items() if action.isChecked()]

    def set_chosen(self, values) -> None:
        wanted = set(values or ())
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._update()

    def _update(self, *_args) -> None:
        self._show_text()
        self.changed.emit()

    def _show_text(self) -> None:
        names = [a.text() for a in self._actions.values() if a.isChecked()]
        text = self.separator.join(names) if names else self.placeholder
        self.setText(self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, max(80, self.width() - 34)))
        self.setToolTip(self.separator.join(names))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._show_text()


class CampaignBus(QObject):
    """Campaign news between pages: one lives on the AppContext."""

    changed = Signal()  # campaigns or recipients written
    openCampaign = Signal(int)  # show this campaign on the Campaigns tab


def bus(ctx) -> CampaignBus:
    found = ctx.findChild(CampaignBus, "campaignBus")
    if found is None:
        found = CampaignBus(ctx)
        found.setObjectName("campaignBus")
    return found


def open_client(page: QWidget, ctx, client_id: int) -> None:
    """Select a client and, in the main window, show the client's profile."""
    window = page.window()
    if hasattr(window, "open_profile"):
        window.open_profile(client_id)
    else:
        ctx.clientSelected.emit(client_id)


def show_page(page: QWidget, key: str) -> None:
    window = page.window()
    if hasattr(window, "show_page"):
        window.show_page(key)
