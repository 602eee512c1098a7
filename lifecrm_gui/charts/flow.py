"""Stage flow over time: the recorded stage changes per month by the stage moved into,
with the win-backs highlighted."""

from lifecrm_gui.domain.vocab import STAGES

from . import style
from .texts import t, vocab

SPAN = 1
ORDER = ("new", "active", "loyal", "prospect", "lead", "dormant", "churned")


def draw(fig, dash, lang):
    style.frame(fig, "flow.title", "flow.hint", lang)
    flow = dash.flow
    ax = fig.subplots()
    if not flow.total:
        style.empty(ax, lang)
        return []
    hover = []
    x = list(range(len(flow.months)))
    bottom = [0] * len(x)
    for key in ORDER:
        values = flow.moves_in[key]
        if not any(values):
            continue
        bars = ax.bar(x, values, bottom=bottom, color=style.STAGE_COLOURS[key], width=0.72,
                      label=vocab(STAGES, key, lang))
        for bar, month, v in zip(bars, flow.months, values):
            if v:
                hover.append((bar, f"{month} → {vocab(STAGES, key, lang)}: {style.count(v)}"))
        bottom = [b + v for b, v in zip(bottom, values)]
    totals = bottom
    if len(x) <= 18:
        for i, total in enumerate(totals):
            if total:
                ax.annotate(style.count(total), (i, total), xytext=(0, 2), textcoords="offset points",
                            ha="center", va="bottom", fontsize=7.5, color=style.MUTED)
    if any(flow.win_backs):
        ax.plot(x, flow.win_backs, color=style.ALERT, marker="o", markersize=4, linewidth=1.8,
                label=t("flow.win_backs", lang), zorder=5)
        for i, v in enumerate(flow.win_backs):
            if v:
                ax.annotate(style.count(v), (i, v), xytext=(0, 6), textcoords="offset points", ha="center",
                            fontsize=7.5, color=style.ALERT, fontweight="bold", zorder=6,
                            bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none"})
    ax.set_ylim(0, max(totals) * 1.15 or 1)
    style.month_ticks(ax, flow.months, lang, max_ticks=12)
    ax.set_ylabel(t("flow.moves", lang))
    style.light_grid(ax)
    fig.legend(loc="outside right upper", fontsize=8)
    return hover
