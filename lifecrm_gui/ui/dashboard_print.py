"""Printing the dashboard: the report's pages rendered by matplotlib and painted onto a QPrinter."""

from datetime import date

from matplotlib.backends.backend_agg import FigureCanvasAgg
from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPageLayout, QPainter

from lifecrm_gui import charts
from lifecrm_gui.charts import style
from lifecrm_gui.services.report import A4_LANDSCAPE, draw_cover

PRINT_DPI = 150


def _image(fig) -> QImage:
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    width, height = canvas.get_width_height()
    return QImage(bytes(canvas.buffer_rgba()), width, height, QImage.Format.Format_RGBA8888).copy()


def print_report(printer, dash, lang: str) -> int:
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    pages = 0
    try:
        fig = style.new_figure(*A4_LANDSCAPE, dpi=PRINT_DPI)
        for n, key in enumerate((None, *charts.CHARTS)):
            if n:
                printer.newPage()
            if key is None:
                draw_cover(fig, dash, lang, date.today())
            else:
                charts.draw(key, fig, dash, lang)
            image = _image(fig)
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            target = QRectF(0, 0, image.width() * scale, image.height() * scale)
            painter.drawImage(target, image)
            pages += 1
    finally:
        painter.end()
    return pages
