"""The lifecycle funnel: clients who reached lead, prospect, new, active and loyal, the
conversion between steps, and the dormant and churned beside it."""

from lifecrm_gui.domain.vocab import STAGES
from lifecrm_gui.services.dashboard import FUNNEL_STAGES, LAPSED_STAGES

from . import style
from .texts import t, vocab

SPAN = 1


def draw(fig, dash, lang):
    style.frame(fig, "funnel.title", "funnel.hint", lang, as_of=dash.filter.as_of.isoformat())
    funnel = dash.funnel
    left, right = fig.subplots(1, 2, width_ratios=(3.2, 1))
    if not funnel.reached["lead"]:
        style.empty(left, lang, "as_of_empty")
        right.set_axis_off()
        return []
    hover = []
    widest = funnel.reached["lead"]
    rows = list(range(len(FUNNEL_STAGES)))[::-1]  # lead on top
    for y, key in zip(rows, FUNNEL_STAGES):
        n = funnel.reached[key]
        bar = left.barh(y, n, left=-n / 2, height=0.62, color=style.STAGE_COLOURS[key])[0]
        text = t("funnel.bar", lang, n=style.count(n), now=style.count(funnel.stages[key]))
        inside = n > widest * 0.7
        left.text(0 if inside else n / 2 + widest * 0.02, y, text, ha="center" if inside else "left", va="center",
                  fontsize=8.5, color="white" if inside and key in ("active", "loyal", "new") else style.INK)
        hover.append((bar, f"{vocab(STAGES, key, lang)}: {text}"))
    for (a, b, rate), y in zip(funnel.conversions, rows):
        left.text(-widest / 2, y - 0.5, "↓ " + t("funnel.conversion", lang, rate=style.percent(rate)),
                  ha="left", va="center", fontsize=7.5, color=style.MUTED)
    left.set_yticks(rows, [vocab(STAGES, k, lang) for k in FUNNEL_STAGES])
    left.set_xlim(-widest * 0.52, widest * 0.95)
    left.set_ylim(-0.6, len(FUNNEL_STAGES) - 0.4)
    left.set_xticks([])
    left.spines[["bottom", "left"]].set_visible(False)
    left.tick_params(axis="y", length=0, labelsize=9, labelcolor=style.INK)
    left.set_xlabel(t("clients", lang), color=style.MUTED)

    values = [funnel.stages[k] for k in LAPSED_STAGES]
    bars = right.bar(range(len(values)), values, color=[style.STAGE_COLOURS[k] for k in LAPSED_STAGES], width=0.6)
    style.bar_labels(right, bars, [style.count(v) for v in values])
    right.set_xticks(range(len(values)), [vocab(STAGES, k, lang) for k in LAPSED_STAGES])
    right.set_ylim(0, max(values + [1]) * 1.18)
    # set over its right edge: centred, the title is wider than this narrow axes and runs off the figure
    right.set_title(t("funnel.lapsed", lang), fontsize=9.5, loc="right")
    right.set_ylabel(t("clients", lang))
    style.light_grid(right)
    hover += [(bar, f"{vocab(STAGES, k, lang)}: {style.count(v)}") for bar, k, v in zip(bars, LAPSED_STAGES, values)]
    return hover
