"""The dashboard's charts, each drawn onto a matplotlib `Figure` (never pyplot) from the
figures of services.dashboard, in Chinese or English.

Each chart module has `draw(fig, dash, lang) -> list[(artist, text)]` (the artists a
pointer can hover, with the number to show) and SPAN (1: half the dashboard's width,
2: the whole width)."""

import importlib

CHARTS = ("funnel", "flow", "pyramid", "revenue", "sources", "churn", "cohorts", "campaigns", "word_of_mouth")


def chart(key: str):
    if key not in CHARTS:
        raise KeyError(key)
    return importlib.import_module(f"{__name__}.{key}")


def draw(key: str, fig, dash, lang: str = "zh") -> list:
    return chart(key).draw(fig, dash, lang)


def title(key: str, lang: str = "zh") -> str:
    from .texts import t

    return t(f"{'wom' if key == 'word_of_mouth' else key}.title", lang)
