"""Lead sources: leads and their conversion to a first order, revenue, and lifetime value."""

from lifecrm_gui.domain.vocab import SOURCES

from . import style
from .texts import t, vocab

SPAN = 2


def draw(fig, dash, lang):
    style.frame(fig, "sources.title", "sources.hint", lang)
    rows, currency = dash.sources, dash.currency
    leads_ax, revenue_ax, ltv_ax = fig.subplots(1, 3, sharey=True, width_ratios=(1.4, 1, 1))
    if not any(r.leads or r.revenue or r.paying for r in rows):
        style.empty(leads_ax, lang)
        revenue_ax.set_axis_off()
        ltv_ax.set_axis_off()
        return []
    hover = []
    rows = sorted(rows, key=lambda r: r.leads)
    names = [vocab(SOURCES, r.source, lang) for r in rows]
    y = list(range(len(rows)))
    leads = leads_ax.barh([v + 0.19 for v in y], [r.leads for r in rows], height=0.38, color=style.ACCENT_LIGHT,
                          label=t("sources.leads", lang))
    converted = leads_ax.barh([v - 0.19 for v in y], [r.converted for r in rows], height=0.38, color=style.ACCENT,
                              label=t("sources.converted", lang))
    style.hbar_labels(leads_ax, leads, [style.count(r.leads) for r in rows], fontsize=7.5)
    style.hbar_labels(leads_ax, converted, [f"{style.count(r.converted)} · {style.percent(r.conversion)}"
                                            for r in rows], fontsize=7.5)
    leads_ax.set_yticks(y, names)
    leads_ax.tick_params(axis="y", length=0, labelcolor=style.INK)
    leads_ax.set_xlim(0, max(r.leads for r in rows) * 1.5 or 1)
    leads_ax.set_xlabel(t("clients", lang))
    leads_ax.legend(loc="lower right", fontsize=7.5)
    style.light_grid(leads_ax, "x")
    for r, name, a, b in zip(rows, names, leads, converted):
        hover.append((a, f"{name}: {t('sources.leads', lang)} {style.count(r.leads)}"))
        hover.append((b, f"{name}: {t('sources.converted', lang)} {style.count(r.converted)} "
                         f"({style.percent(r.conversion)})"))

    for ax, values, colour, key in ((revenue_ax, [r.revenue for r in rows], style.GOOD, "sources.revenue"),
                                    (ltv_ax, [r.average_ltv for r in rows], style.WARN, "sources.ltv")):
        bars = ax.barh(y, values, height=0.6, color=colour)
        money = [style.money_short(v, currency, lang) if v else "" for v in values]
        style.hbar_labels(ax, bars, money, fontsize=7.5)
        ax.set_xlim(0, max(values) * 1.45 or 1)
        ax.set_xticks([])
        ax.spines[["bottom", "left"]].set_visible(False)
        ax.tick_params(axis="y", length=0)
        ax.set_title(t(key, lang), fontsize=9.5)
        hover += [(b, f"{name}: {m}") for b, name, m in zip(bars, names, money) if m]
    return hover
