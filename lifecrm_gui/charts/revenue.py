"""Revenue by month and needs category, and individual against enterprise clients by industry."""

from lifecrm_gui.domain.vocab import CLIENT_KINDS, INDUSTRIES, NEEDS

from . import style
from .texts import t, vocab

SPAN = 2
TOP_CATEGORIES = 6


def draw(fig, dash, lang):
    style.frame(fig, "revenue.title", "revenue.hint", lang)
    mix, currency = dash.revenue, dash.currency
    months_ax, segments_ax = fig.subplots(1, 2, width_ratios=(2.3, 1))
    if not mix.total:
        style.empty(months_ax, lang)
        segments_ax.set_axis_off()
        return []
    hover = []
    series = list(mix.by_category.items())
    shown, rest = series[:TOP_CATEGORIES], series[TOP_CATEGORIES:]
    if rest:
        shown.append(("__other__", [sum(v) for v in zip(*(values for _, values in rest))]))
    x = list(range(len(mix.months)))
    bottom = [0] * len(x)
    for n, (category, values) in enumerate(shown):
        name = (t("revenue.other", lang) if category == "__other__" else
                t("revenue.none", lang) if category is None else vocab(NEEDS, category, lang))
        colour = "#c3cbd3" if category == "__other__" else style.PALETTE[n % len(style.PALETTE)]
        bars = months_ax.bar(x, values, bottom=bottom, color=colour, width=0.72, label=name)
        hover += [(b, f"{m} {name}: {style.money_short(v, currency, lang)}")
                  for b, m, v in zip(bars, mix.months, values) if v]
        bottom = [b + v for b, v in zip(bottom, values)]
    if len(x) <= 18:
        for i, total in enumerate(bottom):
            if total:
                months_ax.annotate(style.money_short(total, currency, lang), (i, total), xytext=(0, 2),
                                   textcoords="offset points", ha="center", va="bottom", fontsize=7.5,
                                   color=style.MUTED)
    months_ax.set_ylim(0, max(bottom) * 1.42)
    style.money_axis(months_ax, currency, lang)
    style.month_ticks(months_ax, mix.months, lang)
    months_ax.set_ylabel(t("revenue", lang))
    months_ax.legend(loc="upper left", ncol=4, fontsize=7.5, handlelength=1, columnspacing=0.9)
    style.light_grid(months_ax)

    segments = mix.segments[::-1]
    names = [vocab(CLIENT_KINDS, kind, lang) if kind == "individual"
             else t("revenue.enterprise", lang, industry=vocab(INDUSTRIES, industry or "other", lang))
             for kind, industry, _ in segments]
    values = [revenue for _, _, revenue in segments]
    colours = [style.ACCENT if kind == "individual" else style.WARN for kind, _, _ in segments]
    bars = segments_ax.barh(range(len(values)), values, color=colours, height=0.6)
    money = [style.money_short(v, currency, lang) for v in values]
    style.hbar_labels(segments_ax, bars, money)
    segments_ax.set_yticks(range(len(values)), names)
    segments_ax.set_xlim(0, max(values) * 1.4 or 1)
    segments_ax.set_xticks([])
    segments_ax.spines["bottom"].set_visible(False)
    segments_ax.tick_params(axis="y", length=0, labelcolor=style.INK)
    segments_ax.set_title(t("revenue.segments", lang), fontsize=9.5)
    hover += [(b, f"{name}: {m}") for b, name, m in zip(bars, names, money)]
    return hover
