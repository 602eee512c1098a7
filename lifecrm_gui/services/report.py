"""The printable dashboard: a multi-page PDF with a cover page (studio, period, headline
figures) and then one page per chart, for the window's export and `lifecrm report`."""

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, fields, is_dataclass
from datetime import date
from pathlib import Path

from lifecrm_gui.charts.collection import collection_paused
from lifecrm_gui.domain.vocab import CLIENT_KINDS, NEEDS, SOURCES

from .dashboard import Dashboard, DashboardFilter, build
from .money import format_money
from .session import thread_connection

A4_LANDSCAPE = (11.69, 8.27)


@dataclass
class ReportResult:
    path: Path
    pages: int
    seconds: float


def headline_items(dash: Dashboard, lang: str) -> list[tuple[str, str, str]]:
    """(name, figure, detail) of the six headline figures, as the cover and the window show them."""
    from lifecrm_gui.charts import style
    from lifecrm_gui.charts.texts import t

    h = dash.headline
    return [
        (t("head.clients", lang), style.count(h.clients), t("head.clients_detail", lang,
                                                            as_of=dash.filter.as_of.isoformat())),
        (t("head.revenue", lang), format_money(h.revenue, dash.currency), t("head.orders", lang,
                                                                           n=style.count(h.orders))),
        (t("head.new_clients", lang), style.count(h.new_clients), t("head.new_detail", lang)),
        (t("head.win_backs", lang), style.count(h.win_backs), t("head.win_detail", lang)),
        (t("head.churn_rate", lang), style.percent(h.churn_rate, 1),
         t("head.churned", lang, n=style.count(h.churned), base=style.count(h.churn_base))),
        (t("head.top_share", lang, p=dash.pyramid.top_percent), style.percent(h.top_share),
         t("head.top_detail", lang, n=style.count(dash.pyramid.paying))),
    ]


def filter_text(flt: DashboardFilter, lang: str) -> str:
    from lifecrm_gui.charts.texts import vocab

    parts = [vocab(table, key, lang) for table, key in ((CLIENT_KINDS, flt.kind), (SOURCES, flt.source),
                                                        (NEEDS, flt.needs)) if key]
    return (" · " if lang == "en" else "，").join(parts)


def draw_cover(fig, dash: Dashboard, lang: str, today: date) -> None:
    from lifecrm_gui.charts import style
    from lifecrm_gui.charts.texts import t

    style.apply()
    fig.clear()
    fig.set_layout_engine(None)
    studio = dash.studio or t("report.studio", lang)
    flt = dash.filter
    fig.text(0.07, 0.86, studio, fontsize=26, fontweight="bold", color=style.INK)
    fig.text(0.07, 0.80, t("report.title", lang), fontsize=16, color=style.ACCENT)
    fig.text(0.07, 0.74, t("report.period", lang, first=flt.first.isoformat(), last=flt.last.isoformat()),
             fontsize=11.5, color=style.INK)
    fig.text(0.07, 0.705, t("report.as_of", lang, as_of=flt.as_of.isoformat()), fontsize=10, color=style.MUTED)
    filters = filter_text(flt, lang)
    if filters:
        fig.text(0.07, 0.67, t("report.filters", lang, text=filters), fontsize=10, color=style.MUTED)
    fig.add_artist(_rule(fig, 0.07, 0.93, 0.64))
    for n, (name, figure, detail) in enumerate(headline_items(dash, lang)):
        column, row = n % 3, n // 3
        x, y = 0.07 + column * 0.29, 0.50 - row * 0.23
        fig.add_artist(_tile(fig, x - 0.012, y - 0.115, 0.265, 0.185))
        fig.text(x, y + 0.035, name, fontsize=11, color=style.MUTED)
        fig.text(x, y - 0.03, figure, fontsize=24, fontweight="bold", color=style.INK)
        fig.text(x, y - 0.085, detail, fontsize=9, color=style.MUTED)
    fig.text(0.07, 0.05, t("report.made", lang, today=today.isoformat()), fontsize=8.5, color=style.MUTED)


def _rule(fig, x0, x1, y):
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], transform=fig.transFigure, color="#d5dce3", linewidth=1)


def _tile(fig, x, y, w, h):
    from matplotlib.patches import FancyBboxPatch

    return FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.004,rounding_size=0.012", transform=fig.transFigure,
                          facecolor="#f4f7f9", edgecolor="#dde4ea", linewidth=0.8, figure=fig)


def page_count() -> int:
    from lifecrm_gui.charts import CHARTS

    return 1 + len(CHARTS)


def write_report(path, flt: DashboardFilter, lang: str = "zh", dash: Dashboard | None = None,
                 today: date | None = None) -> ReportResult:
    """Write the report to `path` (a PDF); `dash` reuses figures already built."""
    with collection_paused():
        return _write_report(path, flt, lang, dash, today)


def _write_report(path, flt: DashboardFilter, lang: str, dash: Dashboard | None, today: date | None) -> ReportResult:
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:  # the figures are computed while matplotlib loads
        later = None if dash is not None else pool.submit(_build_on_own_connection, flt)
        import matplotlib
        from matplotlib.backends.backend_pdf import PdfPages

        from lifecrm_gui import charts
        from lifecrm_gui.charts import print_font, style
        from lifecrm_gui.charts.texts import t

        print_font.families()  # the print fonts are cut once (about 7 s) when the cache has none
        dash = dash if later is None else later.result()
    fonts = print_font.families(text="".join(words(dash)))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    total = page_count()
    fig = style.new_figure(*A4_LANDSCAPE)
    tmp = path.with_name(path.name + ".part")
    metadata = {"Title": f"{dash.studio or t('report.studio', lang)} · {t('report.title', lang)}",
                "Subject": t("report.period", lang, first=flt.first.isoformat(), last=flt.last.isoformat()),
                "Creator": "LifeCRM"}
    try:
        # matplotlib sizes the PDF's font subsets by "ps.fonttype": at its default (3) a
        # Chinese font is cut into subsets of 256 glyphs and fontTools reads the whole
        # font file once per subset when the PDF closes. The print fonts
        # (charts.print_font) are small TrueType files to cut from. matplotlib falls back
        # glyph by glyph along the families of "font.family" (not along "font.sans-serif"),
        # so the texts drawn here name them all. (rcParams are process-wide: a chart the
        # window draws meanwhile shows the same glyphs, from the print font.)
        with matplotlib.rc_context({"ps.fonttype": 42, "font.family": fonts}), \
                PdfPages(tmp, metadata=metadata) as pdf:
            draw_cover(fig, dash, lang, today or date.today())
            _page_number(fig, 1, total, lang)
            _save_page(pdf, fig)
            for n, key in enumerate(charts.CHARTS, 2):
                fig.clear()
                charts.draw(key, fig, dash, lang)
                _page_number(fig, n, total, lang)
                _save_page(pdf, fig)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return ReportResult(path, total, time.perf_counter() - started)


def words(value) -> Iterator[str]:
    """Every string in the figures (names typed by the studio among them), for the fonts."""
    if isinstance(value, str):
        yield value
    elif is_dataclass(value):
        for item in fields(value):
            yield from words(getattr(value, item.name))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from words(key)
            yield from words(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from words(item)


def _save_page(pdf, fig) -> None:
    """Lay the page out once, then save it. With a layout engine set, savefig draws a page
    twice (a dry run to lay it out, then the real one) and lays it out in each: about a
    fifth of the time the pages take."""
    engine = fig.get_layout_engine()
    if engine is not None:
        engine.execute(fig)
        fig.set_layout_engine(None)  # charts.style.frame() sets it again for the next page
    pdf.savefig(fig)


def _build_on_own_connection(flt: DashboardFilter) -> Dashboard:
    with thread_connection():
        return build(flt)


def _page_number(fig, n: int, total: int, lang: str) -> None:
    from lifecrm_gui.charts import style
    from lifecrm_gui.charts.texts import t

    fig.text(0.985, 0.012, t("report.page", lang, n=n, total=total), ha="right", va="bottom", fontsize=7.5,
             color=style.MUTED)
