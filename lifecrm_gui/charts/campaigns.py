"""Campaign return: revenue of the attributed orders against cost, per campaign and per playbook."""

from lifecrm_gui.domain.playbooks import PLAYBOOKS

from . import style
from .texts import t

SPAN = 2
TOP = 10


def playbook_label(playbook: str | None, lang: str) -> str:
    if not playbook:
        return t("campaigns.custom", lang)
    known = PLAYBOOKS.get(playbook)
    return known.name(lang) if known else playbook


def _pairs(ax, rows, names, currency, lang):
    y = list(range(len(rows)))
    revenue = ax.barh([v + 0.19 for v in y], [r.revenue for r in rows], height=0.38, color=style.GOOD,
                      label=t("campaigns.revenue", lang))
    cost = ax.barh([v - 0.19 for v in y], [r.cost for r in rows], height=0.38, color="#c3cbd3",
                   label=t("campaigns.cost", lang))
    style.hbar_labels(ax, revenue, [f"{style.money_short(r.revenue, currency, lang)} · "
                                    + t("campaigns.roi", lang, roi=style.percent(r.roi)) for r in rows], fontsize=7.5)
    style.hbar_labels(ax, cost, [style.money_short(r.cost, currency, lang) for r in rows], fontsize=7.5,
                      color=style.MUTED)
    ax.set_yticks(y, names)
    ax.tick_params(axis="y", length=0, labelcolor=style.INK)
    ax.set_xlim(0, max(max(r.revenue, r.cost) for r in rows) * 1.75 or 1)
    ax.set_xticks([])
    ax.spines["bottom"].set_visible(False)
    hover = []
    for r, name, a, b in zip(rows, names, revenue, cost):
        hover.append((a, f"{name}: {t('campaigns.revenue', lang)} {style.money_short(r.revenue, currency, lang)}, "
                         f"{style.count(r.orders)} · {t('campaigns.roi', lang, roi=style.percent(r.roi))}"))
        hover.append((b, f"{name}: {t('campaigns.cost', lang)} {style.money_short(r.cost, currency, lang)}"))
    return hover


def _short(name: str, limit: int = 18) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"


def draw(fig, dash, lang):
    style.frame(fig, "campaigns.title", "campaigns.hint", lang)
    data, currency = dash.campaigns, dash.currency
    per_campaign, per_playbook = fig.subplots(1, 2, width_ratios=(1.3, 1))
    if not data.rows:
        style.empty(per_campaign, lang, "campaigns.none")
        per_playbook.set_axis_off()
        return []
    rows = data.rows[:TOP][::-1]
    hover = _pairs(per_campaign, rows, [_short(r.name) for r in rows], currency, lang)
    per_campaign.set_title(t("campaigns.per_campaign", lang), fontsize=9.5)
    per_campaign.legend(loc="lower right", fontsize=7.5)
    books = data.playbooks[:TOP][::-1]
    hover += _pairs(per_playbook, books, [_short(playbook_label(p.playbook, lang)) for p in books], currency, lang)
    per_playbook.set_title(t("campaigns.per_playbook", lang), fontsize=9.5)
    return hover
