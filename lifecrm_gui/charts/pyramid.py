"""The value pyramid (paying clients and spend per star tier) and the 80/20 curve."""

from lifecrm_gui.domain.vocab import tier_label

from . import style
from .texts import t

SPAN = 2


def draw(fig, dash, lang):
    style.frame(fig, "pyramid.title", "pyramid.hint", lang, as_of=dash.filter.as_of.isoformat())
    pyramid, currency = dash.pyramid, dash.currency
    clients_ax, spend_ax, curve_ax = fig.subplots(1, 3, width_ratios=(1, 1, 1.25))
    if not pyramid.paying:
        for ax in (clients_ax, spend_ax):
            ax.set_axis_off()
        style.empty(curve_ax, lang, "as_of_empty")
        return []
    hover = []
    tiers = list(range(len(pyramid.clients)))
    names = [tier_label(i, lang) for i in tiers]
    bars = clients_ax.barh(tiers, pyramid.clients, color=style.TIER_COLOURS, height=0.7)
    clients_ax.invert_xaxis()
    clients_ax.yaxis.tick_right()
    clients_ax.set_yticks(tiers, names)
    clients_ax.tick_params(axis="y", length=0, labelcolor=style.INK, pad=6)
    clients_ax.spines[["left", "top"]].set_visible(False)
    clients_ax.spines["right"].set_visible(False)
    clients_ax.set_xlim(max(pyramid.clients) * 1.3, 0)
    for bar, n in zip(bars, pyramid.clients):
        clients_ax.annotate(style.count(n), (bar.get_width(), bar.get_y() + bar.get_height() / 2), xytext=(-3, 0),
                            textcoords="offset points", ha="right", va="center", fontsize=8)
    clients_ax.set_xlabel(t("pyramid.clients", lang))
    clients_ax.set_xticks([])
    hover += [(b, f"{name}: {style.count(n)}") for b, name, n in zip(bars, names, pyramid.clients)]

    bars = spend_ax.barh(tiers, pyramid.spend, color=style.TIER_COLOURS, height=0.7)
    spend_ax.set_yticks([])
    spend_ax.spines["left"].set_visible(False)
    spend_ax.set_xlim(0, max(pyramid.spend) * 1.35 or 1)
    spend_ax.set_xticks([])
    money = [style.money_short(v, currency, lang) for v in pyramid.spend]
    style.hbar_labels(spend_ax, bars, money)
    spend_ax.set_xlabel(t("pyramid.spend", lang))
    hover += [(b, f"{name}: {m}") for b, name, m in zip(bars, names, money)]

    xs = [p[0] for p in pyramid.curve]
    ys = [p[1] for p in pyramid.curve]
    curve_ax.plot(xs, ys, color=style.ACCENT, linewidth=2)
    curve_ax.fill_between(xs, ys, xs, color=style.ACCENT_LIGHT, alpha=0.35, linewidth=0)
    curve_ax.plot([0, 1], [0, 1], color=style.MUTED, linestyle="--", linewidth=0.9, label=t("pyramid.even", lang))
    share = pyramid.top_share
    top = pyramid.top_percent / 100
    curve_ax.plot([top], [share], marker="o", color=style.ALERT, markersize=6, zorder=5)
    curve_ax.annotate(t("pyramid.top", lang, p=pyramid.top_percent, s=style.percent(share)), (top, share),
                      xytext=(top + 0.08, max(0.12, share - 0.3)), fontsize=9, color=style.ALERT, fontweight="bold",
                      arrowprops={"arrowstyle": "->", "color": style.ALERT, "linewidth": 1})
    curve_ax.set_xlim(0, 1)
    curve_ax.set_ylim(0, 1.02)
    fmt = style.percent
    curve_ax.set_xticks([0, 0.2, 0.4, 0.6, 0.8, 1.0], [fmt(v) for v in (0, 0.2, 0.4, 0.6, 0.8, 1.0)])
    curve_ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0], [fmt(v) for v in (0, 0.2, 0.4, 0.6, 0.8, 1.0)])
    curve_ax.set_xlabel(t("pyramid.curve_x", lang))
    curve_ax.set_ylabel(t("pyramid.curve_y", lang))
    curve_ax.legend(loc="lower right")
    style.light_grid(curve_ax, "both")
    return hover
