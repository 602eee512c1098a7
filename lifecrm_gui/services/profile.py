"""One client's whole story for the screen and the `show` command: profile, each
derived figure with its reason in words, and the timeline."""

from datetime import date, datetime

from lifecrm_gui.domain.influence import quadrant_reason
from lifecrm_gui.domain.tiers import tier_reason
from lifecrm_gui.domain.vocab import (CLASSES, CLIENT_KINDS, INDUSTRIES, LOST_REASONS, NEEDS, QUADRANTS,
                                      SOURCES, STAGES, STYLES, label, tier_label)
from lifecrm_gui.store.models import Client

from .clients import family_of, get_model, tags_of
from .contacts import display_phone
from .money import format_money
from .recompute import evaluate
from .settings import language, load_policy
from .timeline import list_events, list_orders, open_tasks


def _plain(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else value


def client_profile(client_id: int, as_of: date, lang: str | None = None, timeline_limit: int | None = 200) -> dict:
    lang = lang or language()
    policy = load_policy()
    client = get_model(client_id)
    money = lambda minor: format_money(minor, policy.currency)  # noqa: E731
    derived_map, _ = evaluate(as_of, [client_id], policy)
    d = derived_map.get(client_id)
    record = {k: _plain(v) for k, v in client.__data__.items()}
    referrer = Client.get_or_none(Client.id == client.referred_by_id) if client.referred_by_id else None
    out = {
        "client": record,
        "display": {
            "phone": display_phone(client.phone), "phone_alt": display_phone(client.phone_alt),
            "kind": label(CLIENT_KINDS, client.kind, lang), "industry": label(INDUSTRIES, client.industry, lang),
            "source": label(SOURCES, client.source, lang),
            "needs": [label(NEEDS, n, lang) for n in client.needs.split(",") if n],
            "styles": [label(STYLES, n, lang) for n in client.styles.split(",") if n],
            "referred_by": referrer.name if referrer else None,
            "lost_reason": label(LOST_REASONS, client.lost_reason, lang) if client.lost_reason else None,
        },
        "tags": tags_of(client_id),
        "family": [{k: _plain(v) for k, v in m.items()} for m in family_of(client_id)],
        "referrals": [{"id": r.id, "name": r.name, "spend": r.spend}
                      for r in Client.select(Client.id, Client.name, Client.spend)
                      .where((Client.referred_by == client_id) & Client.deleted_at.is_null())],
        "deleted": client.deleted_at is not None,
        "orders": [{k: _plain(v) for k, v in o.items()} for o in list_orders(client_id)],
        "timeline": [{k: _plain(v) for k, v in e.items()} for e in list_events(client_id, limit=timeline_limit)],
        "tasks": [{k: _plain(v) for k, v in t.items()} for t in open_tasks(client_id)],
    }
    if d is None:  # in the trash: derived figures are as last stored
        return out
    out["derived"] = {
        "as_of": as_of.isoformat(),
        "stage": d.stage, "stage_label": label(STAGES, d.stage, lang),
        "stage_reason": d.stage_reason.text(lang, money),
        "tier": d.tier, "tier_label": tier_label(d.tier, lang),
        "tier_reason": tier_reason(d.spend, policy).text(lang, money),
        "client_class": d.client_class, "class_label": label(CLASSES, d.client_class, lang),
        "class_reason": d.class_reason.text(lang, money), "class_pinned": client.class_pin is not None,
        "quadrant": d.quadrant, "quadrant_label": label(QUADRANTS, d.quadrant, lang),
        "quadrant_reason": quadrant_reason(d.influence, d.frequency, policy).text(lang, money),
        "influence": d.influence, "frequency": d.frequency, "satisfaction": d.satisfaction,
        "order_count": d.order_count, "spend": d.spend,
        "first_order_on": d.first_order_on, "last_order_on": d.last_order_on,
        "last_activity_on": d.last_activity_on,
        "ltv": {"historical": d.ltv_historical, "projected": d.ltv_projected, "referral": d.ltv_referral,
                "total": d.ltv_total, "expected_years": policy.expected_years},
    }
    return out
