"""Cohort retention: clients by the quarter of their first order and the share still
buying in each later year, as a heat map."""

import numpy as np
from matplotlib import colormaps

from . import style
from .texts import t

SPAN = 1


def draw(fig, dash, lang):
    style.frame(fig, "cohorts.title", "cohorts.hint", lang)
    cohorts = dash.cohorts
    ax = fig.subplots()
    if not cohorts.cohorts:
        style.empty(ax, lang, "as_of_empty")
        return []
    values = np.array([[np.nan if v is None else v for v in row] for row in cohorts.shares], dtype=float)
    cmap = colormaps["Blues"].with_extremes(bad="#f4f6f8")
    image = ax.imshow(values, aspect="auto", cmap=cmap, vmin=0, vmax=1, interpolation="nearest")
    rows, cols = values.shape
    small = rows > 14
    for r in range(rows):
        for c in range(cols):
            v = values[r, c]
            if not np.isnan(v):
                ax.text(c, r, f"{v * 100:.0f}%", ha="center", va="center", fontsize=6.5 if small else 8,
                        color="white" if v > 0.55 else style.INK)
    ax.set_xticks(range(cols), [t("cohorts.year", lang, k=k) for k in range(cols)])
    ax.xaxis.tick_top()
    ax.set_xlabel(t("cohorts.years", lang))
    ax.set_yticks(range(rows), [f"{name} ({style.count(size)})" for name, size in zip(cohorts.cohorts, cohorts.sizes)],
                  fontsize=6.5 if small else 8)
    ax.set_ylabel(t("cohorts.cohort", lang))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    bar = fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, format=lambda v, _p: f"{v * 100:.0f}%")
    bar.outline.set_visible(False)
    bar.ax.tick_params(labelsize=7)
    return []
