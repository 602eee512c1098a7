"""How every chart looks: fonts that carry Chinese, a calm palette, money and percent
formats, and the frame (title, hint, empty state) shared by all charts."""

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure

from lifecrm_gui.services.money import SYMBOLS

from .texts import t

# Fonts with Chinese glyphs on Linux, Windows and macOS, best first; the first one
# installed carries the text, the rest (and DejaVu Sans) are fallbacks per glyph.
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
             "SimHei", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Heiti SC", "Arial Unicode MS")

INK = "#2f3a45"
MUTED = "#7b8794"
GRID = "#e4e8ec"
ACCENT = "#3d7ea6"
ACCENT_LIGHT = "#9cc3d9"
WARN = "#d0813b"
ALERT = "#c0504d"
GOOD = "#4f9a73"
PALETTE = ("#3d7ea6", "#e0a458", "#4f9a73", "#b56576", "#7d6fa8", "#6c9a8b", "#c98b5b", "#8aa1b1",
           "#a3a86b", "#5b8fa8", "#b0a8b9")
STAGE_COLOURS = {"lead": "#9aa9b8", "prospect": "#7fb3d5", "new": "#5fa8a0", "active": "#4f9a73",
                 "loyal": "#2e6f57", "dormant": "#e0a458", "churned": "#c0504d"}
QUADRANT_COLOURS = {"champion": "#2e6f57", "untapped": "#3d7ea6", "engaged": "#e0a458", "quiet": "#9aa9b8"}
TIER_COLOURS = ("#c9d3dc", "#b7cbd9", "#9cc3d9", "#7fb0cf", "#5e97bf", "#3d7ea6", "#2b5f80")

_applied = False


def installed_cjk_fonts() -> list[str]:
    names = {f.name for f in font_manager.fontManager.ttflist}
    return [name for name in CJK_FONTS if name in names]


def apply() -> None:
    """Set matplotlib's defaults for the studio's charts (once per process)."""
    global _applied
    if _applied:
        return
    matplotlib.rcParams.update({
        "font.family": "sans-serif",
        "font.sans-serif": [*installed_cjk_fonts(), "DejaVu Sans"],
        "axes.unicode_minus": False,  # CJK fonts lack U+2212; a plain hyphen shows everywhere
        "pdf.fonttype": 42,  # embed TrueType subsets: small files with real text
        "svg.fonttype": "path",
        "font.size": 9.5,
        "axes.titlesize": 10.5,
        "axes.labelsize": 9.5,
        "axes.edgecolor": "#b8c2cc",
        "axes.labelcolor": INK,
        "axes.titlecolor": INK,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "text.color": INK,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "grid.color": GRID,
        "legend.frameon": False,
        "legend.fontsize": 8.5,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
    })
    _applied = True


def new_figure(width: float = 9.0, height: float = 4.8, dpi: int = 100) -> Figure:
    apply()
    return Figure(figsize=(width, height), dpi=dpi, layout="constrained")


def frame(fig: Figure, title_key: str, hint_key: str, lang: str, **params) -> None:
    """Clear the figure, and put the chart's title above and its hint in words below."""
    apply()
    fig.clear()
    fig.set_layout_engine("constrained")
    fig.get_layout_engine().set(h_pad=0.06, w_pad=0.08)
    fig.suptitle(t(title_key, lang), x=0.01, ha="left", fontsize=13, fontweight="bold", color=INK)
    fig.supxlabel(t("hint", lang, text=t(hint_key, lang, **params)), x=0.01, ha="left", fontsize=8.5,
                  color=MUTED, wrap=True)


def empty(ax, lang: str, key: str = "empty") -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, t(key, lang), ha="center", va="center", color=MUTED, fontsize=11, transform=ax.transAxes)


def symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency + " ")


def money_short(minor: int | float, currency: str, lang: str) -> str:
    """¥3.2万 / ¥32k: money in few characters, for labels and axes."""
    value = (minor or 0) / 100
    sign = "-" if value < 0 else ""
    value = abs(value)
    s = symbol(currency)
    if lang == "en":
        for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
            if value >= limit:
                return f"{sign}{s}{_trim(value / limit)}{suffix}"
        return f"{sign}{s}{value:,.0f}"
    for limit, suffix in ((1e8, "亿"), (1e4, "万")):
        if value >= limit:
            return f"{sign}{s}{_trim(value / limit)}{suffix}"
    return f"{sign}{s}{value:,.0f}"


def _trim(number: float) -> str:
    text = f"{number:.1f}" if number < 100 else f"{number:.0f}"
    return text[:-2] if text.endswith(".0") else text


def money_axis(ax, currency: str, lang: str, axis: str = "y") -> None:
    from matplotlib.ticker import FuncFormatter

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_formatter(FuncFormatter(lambda v, _pos: money_short(v, currency, lang)))


def percent(value: float | None, digits: int = 0) -> str:
    return "—" if value is None else f"{value * 100:.{digits}f}%"


def count(n: int) -> str:
    return f"{n:,}"


def month_label(key: str, lang: str, with_year: bool) -> str:
    year, month = key.split("-")
    if lang == "en":
        names = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
        return f"{names[int(month) - 1]}\n{year}" if with_year else names[int(month) - 1]
    return f"{int(month)}月\n{year}" if with_year else f"{int(month)}月"


def month_ticks(ax, months: list[str], lang: str, max_ticks: int = 13) -> None:
    """Month names along x, thinned so they never collide; the year under each January
    and under the first month."""
    step = max(1, -(-len(months) // max_ticks))
    positions = list(range(0, len(months), step))
    ax.set_xticks(positions)
    ax.set_xticklabels([month_label(months[i], lang, i == 0 or months[i].endswith("-01")) for i in positions])


def bar_labels(ax, bars, texts, inside: bool = False, fontsize: float = 8, color=INK) -> None:
    """A value label on each bar (skipping empty bars)."""
    for bar, text in zip(bars, texts):
        if not text:
            continue
        width, height = bar.get_width(), bar.get_height()
        if inside:
            ax.text(bar.get_x() + width / 2, bar.get_y() + height / 2, text, ha="center", va="center",
                    fontsize=fontsize, color=color)
        else:
            ax.annotate(text, (bar.get_x() + width / 2, bar.get_y() + height), xytext=(0, 2),
                        textcoords="offset points", ha="center", va="bottom", fontsize=fontsize, color=color)


def hbar_labels(ax, bars, texts, fontsize: float = 8, color=INK) -> None:
    for bar, text in zip(bars, texts):
        if text:
            ax.annotate(text, (bar.get_x() + bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(3, 0),
                        textcoords="offset points", ha="left", va="center", fontsize=fontsize, color=color)


def light_grid(ax, axis: str = "y") -> None:
    ax.grid(True, axis=axis, color=GRID, linewidth=0.8)
    ax.set_axisbelow(True)
