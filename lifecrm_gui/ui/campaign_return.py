"""What a campaign returned: reach, replies, bookings, revenue against cost, and where
its recipients stand."""

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from lifecrm_gui.domain.campaign_rules import RECIPIENT_STATUSES, CampaignFigures, percent
from lifecrm_gui.domain.vocab import label
from lifecrm_gui.services.money import format_money

from .campaign_widgets import STATUS_COLORS, MetricCard
from .i18n import format_count
from .style import MUTED

GOOD, BAD = "#2e7031", "#b3261e"


class StatusStrip(QWidget):
    """One bar split by recipient status, with a legend under it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: list[tuple[str, str, int]] = []  # (status, words, count)
        self.setMinimumHeight(58)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_counts(self, counts) -> None:
        self.counts = list(counts)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, 58)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        total = sum(c for _s, _w, c in self.counts)
        bar = QRectF(0, 2, self.width(), 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#eef1f0"))
        painter.drawRoundedRect(bar, 8, 8)
        x = 0.0
        for status, _words, count in self.counts:
            if not total or not count:
                continue
            width = bar.width() * count / total
            painter.setBrush(QColor(STATUS_COLORS[status][1]))
            painter.drawRect(QRectF(x, bar.top(), width, bar.height()))
            x += width
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QColor("#ffffff"))
        painter.drawRoundedRect(bar.adjusted(-1, -1, 1, 1), 9, 9)  # rounds the ends
        metrics = painter.fontMetrics()
        x = 0
        y = 30
        for status, words, count in self.counts:
            text = f"{words} {format_count(count)}"
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(STATUS_COLORS[status][1]))
            painter.drawEllipse(QRectF(x, y + metrics.height() / 2 - 5, 10, 10))
            painter.setPen(QColor("#37474f"))
            painter.drawText(int(x + 14), int(y + metrics.ascent()), text)
            x += 14 + metrics.horizontalAdvance(text) + 18
        painter.end()


class ReturnPanel(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.cards = {key: MetricCard() for key in ("reach", "replies", "bookings", "revenue", "cost", "roi")}
        grid = QGridLayout()
        grid.setSpacing(10)
        for n, card in enumerate(self.cards.values()):
            grid.addWidget(card, n // 3, n % 3)
        self.strip_title = QLabel()
        self.strip_title.setStyleSheet("font-weight: 600;")
        self.strip = StatusStrip()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(f"color: {MUTED};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(grid)
        row = QHBoxLayout()
        row.addWidget(self.strip_title)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.strip)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.figures = CampaignFigures()
        self.currency = "CNY"
        self.window_days = 30
        self.status_counts: dict[str, int] = {}

    def set_figures(self, figures: CampaignFigures, status_counts: dict, currency: str, window_days: int) -> None:
        self.figures, self.status_counts = figures, dict(status_counts)
        self.currency, self.window_days = currency, window_days
        self.retranslate()

    def retranslate(self) -> None:
        f, money = self.figures, (lambda minor: format_money(minor, self.currency))
        self.cards["reach"].set(self.tr("Reached"), format_count(f.reach),
                                self.tr("of %1 recipients").replace("%1", format_count(f.recipients)))
        self.cards["replies"].set(self.tr("Replies"), format_count(f.replied),
                                  self.tr("reply rate %1").replace("%1", percent(f.reply_rate)))
        self.cards["bookings"].set(self.tr("Bookings"), format_count(f.bookings),
                                   self.tr("%1 clients booked (%2 of those reached)")
                                   .replace("%1", format_count(f.booked)).replace("%2", percent(f.booking_rate)))
        self.cards["revenue"].set(self.tr("Revenue"), money(f.revenue), self.tr("the amount of the orders it brought"))
        self.cards["cost"].set(self.tr("Cost"), money(f.cost), self.tr("net %1").replace("%1", money(f.net)),
                               None)
        if f.roi is None:
            self.cards["roi"].set(self.tr("Return"), "—", self.tr("enter the campaign's cost to see its return"))
        else:
            self.cards["roi"].set(self.tr("Return"), percent(f.roi), self.tr("(revenue − cost) ÷ cost"),
                                  GOOD if f.roi >= 0 else BAD)
        lang = self.ctx.lang()
        self.strip_title.setText(self.tr("Where the recipients stand"))
        self.strip.set_counts((key, label(RECIPIENT_STATUSES, key, lang), self.status_counts.get(key, 0))
                              for key in RECIPIENT_STATUSES)
        self.note.setText(self.tr("An order placed within %1 days after a client's message counts for the campaign "
                                  "(the latest message wins when there were several). The window is a setting of "
                                  "the studio's policy.").replace("%1", str(self.window_days)))
