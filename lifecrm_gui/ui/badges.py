"""Stage badges and tier stars: the palette of stage colours, painters any tab can use,
item delegates for tables, and a small badge label for forms.

A model feeds the delegates the stage id or tier number under Qt.UserRole and the
words to show under Qt.DisplayRole.
"""

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QLabel, QStyle, QStyledItemDelegate

# stage id -> (background, text): pale fills with dark text of the same hue.
STAGE_COLORS = {
    "lead": ("#eceff1", "#455a64"),
    "prospect": ("#e3f0fd", "#1d5fa8"),
    "new": ("#ddf4f1", "#00695c"),
    "active": ("#e6f4e6", "#2e7031"),
    "loyal": ("#f1e6f7", "#6a2c8c"),
    "dormant": ("#fff1d9", "#9a5b00"),
    "churned": ("#fde8e7", "#b3261e"),
}
UNKNOWN_STAGE = ("#f1f1f1", "#616161")
STAR_COLOR = "#e0a100"
STAR_EMPTY = "#c9c9c9"


def stage_colors(stage: str | None) -> tuple[QColor, QColor]:
    background, text = STAGE_COLORS.get(stage or "", UNKNOWN_STAGE)
    return QColor(background), QColor(text)


def stars_for_tier(tier: int) -> tuple[int, bool]:
    """(filled stars, one hollow star): 无星 none, 准星 a hollow star, 三星..七星 3 to 7."""
    tier = int(tier or 0)
    if tier <= 0:
        return 0, False
    if tier == 1:
        return 0, True
    return tier + 1, False


def badge_size(metrics: QFontMetrics, text: str) -> QSize:
    return QSize(metrics.horizontalAdvance(text) + 16, metrics.height() + 4)


def paint_badge(painter: QPainter, rect: QRectF, text: str, stage: str | None,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) -> None:
    """A rounded pill with the stage's colours, placed in `rect`."""
    background, foreground = stage_colors(stage)
    metrics = painter.fontMetrics()
    size = badge_size(metrics, text)
    width = min(size.width(), rect.width())
    height = min(size.height(), rect.height())
    x = rect.left() if align & Qt.AlignmentFlag.AlignLeft else rect.center().x() - width / 2
    y = rect.center().y() - height / 2
    pill = QRectF(x, y, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(background)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(foreground)
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(width - 12))
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()


@lru_cache(maxsize=8)
def _star_outline(radius: float) -> tuple[tuple[float, float], ...]:
    """The ten corners of a five-pointed star around the origin, worked out once per size."""
    corners = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = math.pi / 2 + i * math.pi / 5
        corners.append((r * math.cos(angle), -r * math.sin(angle)))
    return tuple(corners)


def _star(center: QPointF, radius: float) -> QPolygonF:
    cx, cy = center.x(), center.y()
    return QPolygonF([QPointF(cx + dx, cy + dy) for dx, dy in _star_outline(radius)])


def paint_stars(painter: QPainter, rect: QRectF, tier: int, size: float = 12.0) -> None:
    """Gold stars for 三星..七星, one hollow star for 准星, a faint dash for 无星."""
    filled, hollow = stars_for_tier(tier)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    y = rect.center().y()
    x = rect.left() + size / 2
    step = size + 1
    if not filled and not hollow:
        painter.setPen(QPen(QColor(STAR_EMPTY), 1.2))
        painter.drawLine(QPointF(x - 3, y), QPointF(x + 5, y))
    elif hollow:
        painter.setPen(QPen(QColor(STAR_COLOR), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolygon(_star(QPointF(x, y), size / 2))
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STAR_COLOR))
        path = QPainterPath()
        for i in range(filled):
            if x + i * step + size / 2 > rect.right():
                break
            path.addPolygon(_star(QPointF(x + i * step, y), size / 2))
            path.closeSubpath()
        painter.drawPath(path)
    painter.restore()


def stars_width(tier: int, size: float = 12.0) -> int:
    filled, _hollow = stars_for_tier(tier)
    return int(max(filled, 1) * (size + 1) + 8)


class _PlainBackground(QStyledItemDelegate):
    def _background(self, painter, option, index) -> None:
        opt = option.__class__(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)


class StageBadgeDelegate(_PlainBackground):
    """Paints the stage as a coloured pill: stage id under UserRole, its name under DisplayRole."""

    def paint(self, painter, option, index) -> None:
        self._background(painter, option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        if not text:
            return
        stage = index.data(Qt.ItemDataRole.UserRole)
        painter.save()
        painter.setFont(option.font)
        paint_badge(painter, QRectF(option.rect).adjusted(6, 3, -4, -3), text, stage)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        size = badge_size(QFontMetrics(option.font), text)
        return QSize(size.width() + 12, size.height() + 8)


class TierStarsDelegate(_PlainBackground):
    """Paints the tier as stars: the tier number under UserRole (its name is the tooltip)."""

    def paint(self, painter, option, index) -> None:
        self._background(painter, option, index)
        tier = index.data(Qt.ItemDataRole.UserRole)
        if tier is None:
            return
        paint_stars(painter, QRectF(option.rect).adjusted(8, 0, -4, 0), int(tier))

    def sizeHint(self, option, index) -> QSize:
        return QSize(stars_width(7) + 12, QFontMetrics(option.font).height() + 8)


class StageBadge(QLabel):
    """A stage badge as a widget, for forms and headers."""

    def __init__(self, stage: str | None = None, text: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("stageBadge")
        self.set_stage(stage, text)

    def set_stage(self, stage: str | None, text: str) -> None:
        self.stage = stage
        background, foreground = STAGE_COLORS.get(stage or "", UNKNOWN_STAGE)
        self.setText(text)
        self.setVisible(bool(text))
        self.setStyleSheet(f"QLabel#stageBadge {{ background: {background}; color: {foreground}; "
                           f"border-radius: 9px; padding: 1px 9px; }}")
