"""One dashboard chart on screen: its matplotlib canvas, hover tooltips and export menu.

Importing this module imports matplotlib (a second or so on a slow PC), so the
Dashboard tab imports it only once its frame is on screen and its figures are being
computed on the worker.
"""

from pathlib import Path

from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QFrame, QGridLayout, QMenu, QSizePolicy, QToolButton, QToolTip

from lifecrm_gui import charts
from lifecrm_gui.charts import style

HALF_HEIGHT = 360
FULL_HEIGHT = 380


def _icon(name: str):
    import qtawesome

    return qtawesome.icon(name, color="#3d7ea6")


def chart_inputs(key: str, dash, lang: str) -> tuple:
    """What a chart is drawn from (charts/<key>.py reads its own part of the figures, the
    currency and the as-of date; the churn chart also the churn rate): a chart whose
    inputs did not change since it was drawn need not be drawn again."""
    part = getattr(dash, key)
    extra = dash.headline.churn_rate if key == "churn" else None
    return lang, dash.currency, dash.filter.as_of, extra, part


class ChartCard(QFrame):
    """One chart: its canvas, hover tooltips and an export button."""

    def __init__(self, key: str, parent=None):
        super().__init__(parent)
        self.key = key
        self.drawn_from = None  # chart_inputs() of what the canvas shows
        self.setObjectName("chartCard")
        self.setStyleSheet("#chartCard { background: white; border: 1px solid #dde4ea; border-radius: 6px; }")
        wide = charts.chart(key).SPAN == 2
        self.figure = style.new_figure(13 if wide else 6.5, 3.6)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumHeight(FULL_HEIGHT if wide else HALF_HEIGHT)
        self.export_button = QToolButton(self)
        self.export_button.setIcon(_icon("fa5s.download"))
        self.export_button.setAutoRaise(True)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_menu = QMenu(self)
        self.png_action = self.export_menu.addAction("")
        self.svg_action = self.export_menu.addAction("")
        self.export_button.setMenu(self.export_menu)
        layout = QGridLayout(self)  # the export button floats over the chart's top right corner
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.canvas, 0, 0)
        layout.addWidget(self.export_button, 0, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.hover: list = []
        self.canvas.mpl_connect("motion_notify_event", self._on_motion)

    def is_current(self, dash, lang: str) -> bool:
        return self.drawn_from is not None and self.drawn_from == chart_inputs(self.key, dash, lang)

    def draw(self, dash, lang: str) -> None:
        """Draw the chart and render it now (the paint follows)."""
        self.hover = charts.draw(self.key, self.figure, dash, lang)
        self.canvas.draw()
        # A resize queues a redraw for the next turn of the event loop (the canvas's
        # draw_idle); this draw is at the current size, so that one would only repeat it.
        self.canvas._draw_pending = False
        self.drawn_from = chart_inputs(self.key, dash, lang)

    def in_view(self) -> bool:
        return self.isVisible() and not self.visibleRegion().isEmpty()

    def _on_motion(self, event) -> None:
        for artist, text in self.hover:
            if artist.axes is not None and event.inaxes is artist.axes and artist.contains(event)[0]:
                QToolTip.showText(QCursor.pos(), text, self.canvas)
                return
        QToolTip.hideText()

    def export(self, path) -> Path:
        path = Path(path)
        self.figure.savefig(path, dpi=150 if path.suffix.lower() == ".png" else None)
        return path


def make_cards() -> dict[str, ChartCard]:
    return {key: ChartCard(key) for key in charts.CHARTS}


def span(key: str) -> int:
    return charts.chart(key).SPAN
