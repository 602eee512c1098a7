"""The Dashboard tab: the studio's lifecycle in charts, for a period and as of a date,
with filters, export of each chart, the PDF report and printing.

The main window builds the tab the first time it is shown. The tab's frame (filters,
headline tiles) needs no matplotlib: the figures start computing on a worker at once
and the charts (ui.dashboard_cards, which imports matplotlib) are built meanwhile.
When figures arrive, the charts in view are drawn first; the others follow one per
turn of the event loop (or at once when scrolled into view), and a chart whose
figures did not change is not drawn again.
"""

from datetime import date
from pathlib import Path

from PySide6.QtCore import (QCoreApplication, QDate, QEvent, QObject, QRunnable, QThreadPool, QTimer,
                            Signal)
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFileDialog, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QMessageBox, QProgressBar, QScrollArea, QToolButton, QVBoxLayout, QWidget)

from lifecrm_gui.charts.collection import collection_paused
from lifecrm_gui.domain.vocab import CLIENT_KINDS, NEEDS, SOURCES, label
from lifecrm_gui.services import dashboard as figures


PRINT_FONT_DELAY_MS = 2000  # after every chart is drawn the first time


def _icon(name: str):
    import qtawesome

    return qtawesome.icon(name, color="#3d7ea6")


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Task(QRunnable):
    """Run `work()` on a pool thread with its own database connection; report back by signal."""

    def __init__(self, token: int, work):
        super().__init__()
        self.token = token
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        from lifecrm_gui.services.session import thread_connection

        try:
            with thread_connection():
                result = self.work()
        except Exception as error:  # shown to the user; the tab stays usable
            self.signals.failed.emit(self.token, f"{type(error).__name__}: {error}")
            return
        self.signals.done.emit(self.token, result)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DashboardTab(QWidget):
    shown = Signal()  # fresh figures arrived and every chart in view shows them
    redrawn = Signal()  # every chart drawn from fresh figures
    busyChanged = Signal(bool)
    failed = Signal(str)
    reportWritten = Signal(str)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.dash = None
        self._token = 0
        self._busy = False
        self._dirty = True
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tasks: dict[int, _Task] = {}
        self._to_draw: list[str] = []  # charts still to draw from self.dash
        self._draw_timer = QTimer(self, singleShot=True, interval=0)
        self._draw_timer.timeout.connect(self._draw_next)
        self._print_font_asked = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=250)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self._set_defaults()
        self.retranslate()
        ctx.languageChanged.connect(self._on_language)
        ctx.clientsChanged.connect(self._on_data_changed)
        ctx.settingsChanged.connect(self._on_data_changed)

    # -- building

    def _build(self) -> None:
        self.first_edit, self.last_edit, self.as_of_edit = QDateEdit(), QDateEdit(), QDateEdit()
        for edit in (self.first_edit, self.last_edit, self.as_of_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._schedule)
        self.kind_box, self.source_box, self.needs_box = QComboBox(), QComboBox(), QComboBox()
        for box in (self.kind_box, self.source_box, self.needs_box):
            box.currentIndexChanged.connect(self._schedule)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.first_label, self.last_label, self.as_of_label = QLabel(), QLabel(), QLabel()
        self.kind_label, self.source_label, self.needs_label = QLabel(), QLabel(), QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setFixedWidth(90)
        self.busy.setMaximumHeight(10)
        self.busy.setTextVisible(False)
        self.busy.hide()
        self.pdf_button = QToolButton()
        self.pdf_button.setIcon(_icon("fa5s.file-pdf"))
        self.pdf_button.setToolButtonStyle(self.pdf_button.toolButtonStyle().ToolButtonTextBesideIcon)
        self.pdf_button.clicked.connect(self.export_report_dialog)
        self.print_button = QToolButton()
        self.print_button.setIcon(_icon("fa5s.print"))
        self.print_button.setToolButtonStyle(self.print_button.toolButtonStyle().ToolButtonTextBesideIcon)
        self.print_button.clicked.connect(self.print_dialog)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        for lbl, widget in ((self.first_label, self.first_edit), (self.last_label, self.last_edit),
                            (self.as_of_label, self.as_of_edit), (self.kind_label, self.kind_box),
                            (self.source_label, self.source_box), (self.needs_label, self.needs_box)):
            bar.addWidget(lbl)
            bar.addWidget(widget)
            bar.addSpacing(6)
        bar.addStretch(1)
        bar.addWidget(self.busy)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.print_button)

        self.tiles = []
        tiles = QHBoxLayout()
        tiles.setSpacing(8)
        for _ in range(6):
            tile = QFrame()
            tile.setObjectName("tile")
            tile.setStyleSheet("#tile { background: #f4f7f9; border: 1px solid #dde4ea; border-radius: 6px; }")
            name, value, detail = QLabel(), QLabel(), QLabel()
            name.setStyleSheet("color: #7b8794;")
            value.setStyleSheet("color: #2f3a45; font-size: 17px; font-weight: 600;")
            detail.setStyleSheet("color: #7b8794; font-size: 11px;")
            box = QVBoxLayout(tile)
            box.setContentsMargins(10, 6, 10, 6)
            box.setSpacing(1)
            for w in (name, value, detail):
                box.addWidget(w)
            tiles.addWidget(tile, 1)
            self.tiles.append((name, value, detail))

        self.cards = {}  # built by _ensure_cards(), once the frame is on screen
        self.grid = QGridLayout()
        self.grid.setSpacing(10)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 4, 0)
        inner_layout.setSpacing(10)
        inner_layout.addLayout(tiles)
        inner_layout.addLayout(self.grid)
        inner_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(inner)
        self.scroll.verticalScrollBar().valueChanged.connect(self._draw_in_view)

        self.error_label = QLabel()
        self.error_label.setStyleSheet("color: #c0504d;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.scroll, 1)

    def _set_defaults(self) -> None:
        default = figures.default_filter(self.ctx.today())
        for edit, day in ((self.first_edit, default.first), (self.last_edit, default.last),
                          (self.as_of_edit, default.as_of)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.blockSignals(False)

    def _fill_choices(self, lang: str) -> None:
        for box, table, all_text in ((self.kind_box, CLIENT_KINDS, self.tr("All clients")),
                                     (self.source_box, SOURCES, self.tr("All sources")),
                                     (self.needs_box, NEEDS, self.tr("All needs"))):
            current = box.currentData()
            box.blockSignals(True)
            box.clear()
            box.addItem(all_text, None)
            for key in table:
                box.addItem(label(table, key, lang), key)
            box.setCurrentIndex(max(0, box.findData(current)) if current else 0)
            box.blockSignals(False)

    # -- texts

    def retranslate(self) -> None:
        lang = self.ctx.lang()
        self.first_label.setText(self.tr("From"))
        self.last_label.setText(self.tr("To"))
        self.as_of_label.setText(self.tr("As of"))
        self.kind_label.setText(self.tr("Kind"))
        self.source_label.setText(self.tr("Source"))
        self.needs_label.setText(self.tr("Needs"))
        self.pdf_button.setText(self.tr("PDF report"))
        self.pdf_button.setToolTip(self.tr("Save the whole dashboard as a PDF report"))
        self.print_button.setText(self.tr("Print"))
        self.print_button.setToolTip(self.tr("Print the dashboard report"))
        self.busy.setToolTip(self.tr("Computing the figures…"))
        self._translate_cards()
        self._fill_choices(lang)
        if self.dash is not None:
            self._draw(self.dash)

    def _translate_cards(self) -> None:
        for card in self.cards.values():
            card.export_button.setToolTip(self.tr("Export this chart"))
            card.png_action.setText(self.tr("Save as PNG image…"))
            card.svg_action.setText(self.tr("Save as SVG drawing…"))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _on_language(self, _lang: str) -> None:
        self.retranslate()

    # -- computing

    def current_filter(self) -> figures.DashboardFilter:
        return figures.DashboardFilter(first=_pydate(self.first_edit.date()), last=_pydate(self.last_edit.date()),
                                       as_of=_pydate(self.as_of_edit.date()), kind=self.kind_box.currentData(),
                                       source=self.source_box.currentData(), needs=self.needs_box.currentData())

    def is_busy(self) -> bool:
        return self._busy

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()
        if not self.cards:  # after the frame has painted, while the worker computes
            QTimer.singleShot(0, self, self._ensure_cards)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._draw_in_view()

    def _ensure_cards(self) -> None:
        """Build the chart cards (this imports matplotlib) and draw any figures already here."""
        if self.cards:
            return
        with collection_paused():  # importing matplotlib makes many objects, all of them kept
            from .dashboard_cards import make_cards, span

            self.cards = make_cards()
        row = column = 0
        for key, card in self.cards.items():
            card.png_action.triggered.connect(lambda _=False, k=key: self.export_chart_dialog(k, "png"))
            card.svg_action.triggered.connect(lambda _=False, k=key: self.export_chart_dialog(k, "svg"))
            width = span(key)
            if width == 2 and column:
                row, column = row + 1, 0
            self.grid.addWidget(card, row, column, 1, width)
            card.show()  # now, not on a later turn of the event loop: the first draw asks what is in view
            column += width
            if column >= 2:
                row, column = row + 1, 0
        self._translate_cards()
        # lay the cards out now, so that the ones in view are known before the first draw
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        if self.dash is not None:
            self._draw(self.dash)

    def _schedule(self, *_args) -> None:
        self._refresh_timer.start()

    def _on_data_changed(self, *_args) -> None:
        figures.forget()
        self._dirty = True
        if self.isVisible():
            self._schedule()

    def refresh(self) -> None:
        """Recompute every figure on a worker; the charts redraw when they arrive."""
        self._refresh_timer.stop()
        self._dirty = False
        flt = self.current_filter()
        if flt.first > flt.last:
            self._show_error(self.tr("The period starts after it ends: choose a “From” date before the “To” date."))
            return
        self._start(lambda: figures.build(flt), self._on_figures)

    def _start(self, work, on_done) -> None:
        self._token += 1
        token = self._token
        task = _Task(token, work)
        task.setAutoDelete(False)
        task.signals.done.connect(lambda t, result: self._finished(t, result, on_done))
        task.signals.failed.connect(self._failed)
        self._tasks[token] = task
        self._set_busy(True)
        self._pool.start(task)

    def _finished(self, token: int, result, on_done) -> None:
        self._tasks.pop(token, None)
        if token != self._token:  # a newer request is on its way
            return
        self._set_busy(False)
        on_done(result)

    def _failed(self, token: int, message: str) -> None:
        self._tasks.pop(token, None)
        if token == self._token:
            self._set_busy(False)
            self._show_error(self.tr("The figures could not be computed: %1").replace("%1", message))
            self.failed.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.busyChanged.emit(busy)

    def _show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def _on_figures(self, dash) -> None:
        self.error_label.hide()
        self.dash = dash
        self._draw(dash)

    def _draw(self, dash) -> None:
        """Show fresh figures: the tiles and the charts in view now (then `shown`), the
        other charts one per turn of the event loop (then `redrawn`)."""
        if not self.cards:
            return  # _ensure_cards() draws them
        from lifecrm_gui.services.report import headline_items

        lang = self.ctx.lang()
        for (name, value, detail), (n, v, d) in zip(self.tiles, headline_items(dash, lang)):
            name.setText(n)
            value.setText(v)
            detail.setText(d)
        self._to_draw = [key for key, card in self.cards.items() if not card.is_current(dash, lang)]
        with collection_paused():
            self._draw_in_view()
            if self.isVisible():
                self.repaint()  # on screen before the charts below the fold take their turns
        self.shown.emit()
        self._draw_timer.start()

    def _draw_in_view(self, *_args) -> None:
        for key in [k for k in self._to_draw if self.cards[k].in_view()]:
            self._draw_card(key)

    def _draw_next(self) -> None:
        if self._to_draw:
            self._draw_card(self._to_draw[0])
        if self._to_draw:
            self._draw_timer.start()
        else:
            self.redrawn.emit()
            if not self._print_font_asked:
                self._print_font_asked = True
                QTimer.singleShot(PRINT_FONT_DELAY_MS, self, self._prepare_print_font)

    def _prepare_print_font(self) -> None:
        """Cut the report's print font now, if it is not cached yet, so that the first
        report is not the one to wait for it (charts.print_font)."""
        from lifecrm_gui.charts import print_font

        print_font.prepare_in_background()

    def _draw_card(self, key: str) -> None:
        self._to_draw.remove(key)
        self.cards[key].draw(self.dash, self.ctx.lang())

    def wait_for_workers(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    # -- export and print

    def export_chart(self, key: str, path) -> Path:
        self._ensure_cards()
        if key in self._to_draw:
            self._draw_card(key)
        return self.cards[key].export(path)

    def export_chart_dialog(self, key: str, kind: str) -> None:
        name = f"{key}-{self.current_filter().last.isoformat()}.{kind}"
        pattern = self.tr("PNG image (*.png)") if kind == "png" else self.tr("SVG drawing (*.svg)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export chart"), name, pattern)
        if path:
            if not path.lower().endswith(f".{kind}"):
                path += f".{kind}"
            self.export_chart(key, path)
            self.ctx.statusMessage.emit(self.tr("Chart saved to %1").replace("%1", path))

    def export_report(self, path) -> None:
        """Write the PDF report on a worker; `reportWritten(path)` follows."""
        from lifecrm_gui.services.report import write_report

        flt, lang, dash = self.current_filter(), self.ctx.lang(), self.dash
        if dash is not None and dash.filter != flt:
            dash = None
        self._start(lambda: write_report(path, flt, lang, dash=dash), self._on_report)

    def _on_report(self, result) -> None:
        self.ctx.statusMessage.emit(self.tr("Report saved to %1").replace("%1", str(result.path)))
        self.reportWritten.emit(str(result.path))

    def export_report_dialog(self) -> None:
        flt = self.current_filter()
        name = f"lifecrm-report-{flt.first.isoformat()}-{flt.last.isoformat()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF report"), name, self.tr("PDF (*.pdf)"))
        if path:
            self.export_report(path if path.lower().endswith(".pdf") else path + ".pdf")

    def print_dialog(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self.dash is None:
            QMessageBox.information(self, self.tr("Print"), self.tr("The figures are still being computed."))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer) -> int:
        """Paint the report's pages (cover and charts) onto a printer; returns the pages printed."""
        from lifecrm_gui.ui.dashboard_print import print_report

        return print_report(printer, self.dash, self.ctx.lang())
