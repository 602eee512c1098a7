"""Word of mouth: influence against interaction frequency (the four quadrants), and the
revenue referred clients brought, by their referrer's quadrant."""

import numpy as np
from matplotlib import colormaps
from matplotlib.colors import LogNorm

from lifecrm_gui.domain.vocab import QUADRANTS
from lifecrm_gui.services.dashboard import FREQUENCY_CAP, INFLUENCE_BIN

from . import style
from .texts import t, vocab

SPAN = 2


def draw(fig, dash, lang):
    style.frame(fig, "wom.title", "wom.hint", lang, as_of=dash.filter.as_of.isoformat())
    wom, currency = dash.word_of_mouth, dash.currency
    grid_ax, referral_ax = fig.subplots(1, 2, width_ratios=(1.5, 1))
    if not sum(wom.quadrants.values()):
        style.empty(grid_ax, lang, "as_of_empty")
        referral_ax.set_axis_off()
        return []
    counts = np.array(wom.grid, dtype=float)
    counts[counts == 0] = np.nan
    cmap = colormaps["GnBu"].with_extremes(bad="#f7f9fa")
    edges_x = np.arange(0, 100 + INFLUENCE_BIN, INFLUENCE_BIN)
    edges_y = np.arange(0, FREQUENCY_CAP + 2)
    top = np.nanmax(counts)
    grid_ax.pcolormesh(edges_x, edges_y, counts, cmap=cmap, norm=LogNorm(vmin=1, vmax=max(top, 2)),
                       edgecolors="white", linewidth=0.6)
    grid_ax.axvline(wom.influence_high, color=style.INK, linewidth=1, linestyle="--")
    grid_ax.axhline(wom.frequency_high, color=style.INK, linewidth=1, linestyle="--")
    spots = {"champion": (99, FREQUENCY_CAP + 0.9, "right", "top"), "untapped": (99, 0.1, "right", "bottom"),
             "engaged": (1, FREQUENCY_CAP + 0.9, "left", "top"), "quiet": (1, 0.1, "left", "bottom")}
    for key, (x, y, ha, va) in spots.items():
        grid_ax.text(x, y, f"{vocab(QUADRANTS, key, lang)}\n{style.count(wom.quadrants[key])}", ha=ha, va=va,
                     fontsize=8.5, color=style.INK, fontweight="bold",
                     bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": style.QUADRANT_COLOURS[key],
                           "alpha": 0.9})
    grid_ax.set_xlim(0, 100)
    grid_ax.set_ylim(0, FREQUENCY_CAP + 1)
    grid_ax.set_yticks([0.5, 4.5, 8.5, FREQUENCY_CAP + 0.5], ["0", "4", "8", f"{FREQUENCY_CAP}+"])
    grid_ax.set_xlabel(t("wom.influence", lang))
    grid_ax.set_ylabel(t("wom.frequency", lang))

    keys = list(QUADRANTS)
    values = [wom.referral[k][2] for k in keys]
    names = [vocab(QUADRANTS, k, lang) for k in keys]
    bars = referral_ax.bar(range(len(keys)), values, color=[style.QUADRANT_COLOURS[k] for k in keys], width=0.6)
    labels = [f"{style.money_short(v, currency, lang)}\n{t('wom.referred', lang, n=style.count(wom.referral[k][1]))}"
              for k, v in zip(keys, values)]
    style.bar_labels(referral_ax, bars, labels, fontsize=7.5)
    referral_ax.set_xticks(range(len(keys)), names)
    referral_ax.set_ylim(0, max(values) * 1.35 or 1)
    style.money_axis(referral_ax, currency, lang)
    referral_ax.set_title(t("wom.referral", lang), fontsize=9.5)
    referral_ax.set_xlabel(t("wom.quadrant", lang))
    style.light_grid(referral_ax)
    return [(b, f"{n}: {label}".replace("\n", " · ")) for b, n, label in zip(bars, names, labels)]
