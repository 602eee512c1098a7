"""Churn: clients who became churned per month, and why the churned clients left."""

from lifecrm_gui.domain.vocab import LOST_REASONS

from . import style
from .texts import t, vocab

SPAN = 1


def reason_label(key: str, lang: str) -> str:
    return t("churn.idle", lang) if key == "idle" else vocab(LOST_REASONS, key, lang)


def draw(fig, dash, lang):
    style.frame(fig, "churn.title", "churn.hint", lang, as_of=dash.filter.as_of.isoformat())
    churn = dash.churn
    months_ax, reasons_ax = fig.subplots(1, 2, width_ratios=(1.6, 1))
    hover = []
    if any(churn.per_month):
        x = list(range(len(churn.months)))
        bars = months_ax.bar(x, churn.per_month, color=style.STAGE_COLOURS["churned"], width=0.7)
        if len(x) <= 18:
            style.bar_labels(months_ax, bars, [style.count(v) if v else "" for v in churn.per_month], fontsize=7)
        months_ax.set_ylim(0, max(churn.per_month) * 1.18)
        style.month_ticks(months_ax, churn.months, lang, max_ticks=7)
        months_ax.set_ylabel(t("churn.per_month", lang))
        rate = dash.headline.churn_rate
        months_ax.set_title(t("churn.rate", lang, rate=style.percent(rate, 1)), fontsize=9.5)
        style.light_grid(months_ax)
        hover += [(b, f"{m}: {style.count(v)}") for b, m, v in zip(bars, churn.months, churn.per_month) if v]
    else:
        style.empty(months_ax, lang)
    if churn.reasons:
        items = sorted(churn.reasons.items(), key=lambda kv: kv[1])
        names = [reason_label(k, lang) for k, _ in items]
        values = [v for _, v in items]
        colours = [style.MUTED if k == "idle" else style.WARN for k, _ in items]
        bars = reasons_ax.barh(range(len(items)), values, color=colours, height=0.6)
        total = sum(values)
        style.hbar_labels(reasons_ax, bars, [f"{style.count(v)} · {style.percent(v / total)}" for v in values],
                          fontsize=7.5)
        reasons_ax.set_yticks(range(len(items)), names)
        reasons_ax.tick_params(axis="y", length=0, labelcolor=style.INK)
        reasons_ax.set_xlim(0, max(values) * 1.6)
        reasons_ax.set_xticks([])
        reasons_ax.spines["bottom"].set_visible(False)
        reasons_ax.set_title(t("churn.reasons", lang), fontsize=9.5)
        hover += [(b, f"{n}: {style.count(v)}") for b, n, v in zip(bars, names, values)]
    else:
        reasons_ax.set_axis_off()
    return hover
