"""The figures behind the dashboard's charts and the printed report, for any period and
as of any date, as plain dataclasses.

Two kinds of figure:
- as of a date (funnel, value pyramid, 80/20, word-of-mouth quadrant, churn reasons,
  lifetime value per source): the rules applied to every client in memory by
  services.recompute.evaluate(as_of), nothing written; the derivation is kept per
  as-of date until `forget()` (the window calls it when data or settings change);
- over a period (stage flow, revenue, lead sources, campaigns, referral revenue):
  one SQL aggregate each in store.dashboard_queries, filters included.
"""

import math
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate

from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.vocab import CLIENT_KINDS, NEEDS, QUADRANTS, SOURCES, STAGES, TIERS
from lifecrm_gui.store import dashboard_queries as queries
from lifecrm_gui.store.dashboard_queries import ClientScope

from .errors import FieldError, ValidationError
from .recompute import Derived, evaluate
from .session import database_path, thread_connection
from .settings import load_policy, studio_name

FUNNEL_STAGES = ("lead", "prospect", "new", "active", "loyal")
LAPSED_STAGES = ("dormant", "churned")
COHORT_YEARS = 5  # cohorts of the last five years, followed for up to five more
INFLUENCE_BIN = 10
FREQUENCY_CAP = 12  # the quadrant grid's top row holds this many interactions a year and more


@dataclass(frozen=True)
class DashboardFilter:
    first: date
    last: date
    as_of: date
    kind: str | None = None
    source: str | None = None
    needs: str | None = None

    def scope(self) -> ClientScope:
        return ClientScope(self.kind, self.source, self.needs)

    def check(self) -> None:
        errors = []
        if self.first > self.last:
            errors.append(FieldError("from", f"the period starts after it ends ({self.last})", self.first))
        if self.kind is not None and self.kind not in CLIENT_KINDS:
            errors.append(FieldError("kind", "unknown client kind", self.kind))
        if self.source is not None and self.source not in SOURCES:
            errors.append(FieldError("source", "unknown source", self.source))
        if self.needs is not None and self.needs not in NEEDS:
            errors.append(FieldError("needs", "unknown needs category", self.needs))
        if errors:
            raise ValidationError(errors)


def default_filter(as_of: date) -> DashboardFilter:
    """The last twelve whole months up to the as-of date."""
    first = date(as_of.year - 1, as_of.month, 1) + timedelta(days=32)
    return DashboardFilter(first=first.replace(day=1), last=as_of, as_of=as_of)


def month_keys(first: date, last: date) -> list[str]:
    out, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


# --------------------------------------------------------------------------- figures


@dataclass
class Headline:
    clients: int = 0
    revenue: int = 0
    orders: int = 0
    new_clients: int = 0
    win_backs: int = 0
    churned: int = 0
    churn_base: int = 0
    top_share: float | None = None  # share of spend from the top `top_percent`% of paying clients

    @property
    def churn_rate(self) -> float | None:
        return self.churned / self.churn_base if self.churn_base else None


@dataclass
class Funnel:
    stages: dict[str, int]  # clients in each of the seven stages now
    reached: dict[str, int]  # clients who ever reached each funnel step
    conversions: list[tuple[str, str, float | None]]  # (step, next step, share of step that reached next)


@dataclass
class StageFlow:
    months: list[str]
    moves_in: dict[str, list[int]]  # stage moved into -> moves per month
    win_backs: list[int]

    @property
    def total(self) -> int:
        return sum(sum(v) for v in self.moves_in.values())


@dataclass
class ValuePyramid:
    clients: list[int]  # paying clients per tier (0 无星 .. 6 七星)
    spend: list[int]  # their spend to date per tier
    curve: list[tuple[float, float]]  # (share of paying clients, share of spend), largest spenders first
    top_percent: int
    top_share: float | None
    paying: int


@dataclass
class RevenueMix:
    months: list[str]
    by_category: dict[str | None, list[int]]  # needs category (None: not given) -> revenue per month
    orders: int
    segments: list[tuple[str, str | None, int]]  # (kind, industry of an enterprise, revenue)

    @property
    def total(self) -> int:
        return sum(sum(v) for v in self.by_category.values())


@dataclass
class SourceRow:
    source: str
    leads: int  # first seen in the period
    converted: int  # of them, with an order by the as-of date
    revenue: int  # the period's revenue from all of the source's clients
    paying: int  # the source's clients with spend as of the date
    average_ltv: int  # their average lifetime value

    @property
    def conversion(self) -> float | None:
        return self.converted / self.leads if self.leads else None


@dataclass
class Churn:
    months: list[str]
    per_month: list[int]  # clients who became churned in each month of the period
    reasons: dict[str, int]  # churned as of the date: a lost reason, or 'idle'
    churned: int  # churned during the period
    base: int  # clients who had bought before the period and had not churned before it


@dataclass
class Cohorts:
    cohorts: list[str]  # 'YYYY-Qn' of the first order
    sizes: list[int]
    shares: list[list[float | None]]  # [cohort][year]: share buying that year (year 0: a repeat order)
    years: int


@dataclass
class CampaignRow:
    campaign_id: int
    name: str
    playbook: str | None
    cost: int
    recipients: int
    replied: int
    orders: int
    revenue: int

    @property
    def roi(self) -> float | None:
        return (self.revenue - self.cost) / self.cost if self.cost else None


@dataclass
class Campaigns:
    rows: list[CampaignRow]
    playbooks: list[CampaignRow]  # summed per playbook (campaign_id 0, name = playbook or '')


@dataclass
class WordOfMouth:
    grid: list[list[int]]  # [frequency 0..FREQUENCY_CAP][influence bin]
    quadrants: dict[str, int]
    influence_high: int
    frequency_high: int
    referral: dict[str, tuple[int, int, int]]  # referrer's quadrant -> (referrers, referred clients, revenue)

    @property
    def referral_revenue(self) -> int:
        return sum(r[2] for r in self.referral.values())


@dataclass
class Dashboard:
    filter: DashboardFilter
    studio: str
    currency: str
    policy: Policy
    headline: Headline
    funnel: Funnel
    flow: StageFlow
    pyramid: ValuePyramid
    revenue: RevenueMix
    sources: list[SourceRow]
    churn: Churn
    cohorts: Cohorts
    campaigns: Campaigns
    word_of_mouth: WordOfMouth
    timings: dict[str, float] = field(default_factory=dict, compare=False)


# --------------------------------------------------------------------------- the as-of derivation


@dataclass
class Snapshot:
    """Every live client derived as of a date, and the facts the charts group them by."""
    as_of: date
    policy: Policy
    derived: dict[int, Derived]
    attributes: dict[int, tuple]  # id -> (source, kind, industry, lost_on, lost_reason, referred_by_id)
    cohorts: dict = field(default_factory=dict)  # ClientScope -> Cohorts


_lock = threading.Lock()
_snapshots: dict[tuple, Snapshot] = {}
_KEEP = 3


def snapshot(as_of: date, policy: Policy | None = None) -> Snapshot:
    """The derivation as of a date, computed once and kept until `forget()`."""
    policy = policy or load_policy()
    key = (database_path(), as_of, policy)
    with _lock:
        found = _snapshots.get(key)
    if found is not None:
        return found
    derived, _stored = evaluate(as_of, policy=policy)
    attributes = {row[0]: row[1:] for row in queries.client_attributes()}
    made = Snapshot(as_of, policy, derived, attributes)
    with _lock:
        while len(_snapshots) >= _KEEP:
            _snapshots.pop(next(iter(_snapshots)))
        _snapshots[key] = made
    return made


def forget() -> None:
    """Drop every kept derivation (data or settings changed)."""
    with _lock:
        _snapshots.clear()


# --------------------------------------------------------------------------- building the figures


def build(flt: DashboardFilter, policy: Policy | None = None) -> Dashboard:
    """Every chart's figures for a filter."""
    import time

    flt.check()
    policy = policy or load_policy()
    timings = {}
    started = time.perf_counter()
    snap = snapshot(flt.as_of, policy)
    timings["derive"] = time.perf_counter() - started
    scope = flt.scope()

    def timed(name, fn, *args):
        t0 = time.perf_counter()
        value = fn(*args)
        timings[name] = time.perf_counter() - t0
        return value

    ids = timed("clients", queries.client_ids, scope, flt.as_of)
    derived = [(cid, snap.derived[cid]) for cid in ids if cid in snap.derived]
    with ThreadPoolExecutor(max_workers=1) as pool:  # the slowest aggregate runs beside the rest
        cohorts_later = pool.submit(_on_own_connection, timed, "cohorts", cached_cohorts, snap, scope)
        period_rows = timed("period_revenue", queries.period_revenue, scope, flt.first, flt.last)
        funnel = timed("funnel", funnel_figures, [d for _, d in derived], policy)
        flow = timed("flow", stage_flow, scope, flt)
        pyramid = timed("pyramid", value_pyramid, [d for _, d in derived], policy)
        revenue = timed("revenue", revenue_mix, period_rows, flt)
        sources = timed("sources", source_rows, scope, flt, period_rows, derived, snap)
        churn = timed("churn", churn_figures, derived, snap, flt)
        campaigns = timed("campaigns", campaign_figures, scope, flt)
        word = timed("word_of_mouth", word_of_mouth, scope, flt, derived, snap)
        cohorts = cohorts_later.result()
    new_clients = sum(1 for _, d in derived
                      if d.first_order_on and flt.first.isoformat() <= d.first_order_on <= flt.last.isoformat())
    headline = Headline(clients=len(derived), revenue=revenue.total, orders=revenue.orders, new_clients=new_clients,
                        win_backs=sum(flow.win_backs), churned=churn.churned, churn_base=churn.base,
                        top_share=pyramid.top_share)
    timings["total"] = time.perf_counter() - started
    return Dashboard(filter=flt, studio=studio_name(), currency=policy.currency, policy=policy,
                     headline=headline, funnel=funnel, flow=flow, pyramid=pyramid, revenue=revenue,
                     sources=sources, churn=churn, cohorts=cohorts, campaigns=campaigns, word_of_mouth=word,
                     timings=timings)


def funnel_figures(derived: list[Derived], policy: Policy) -> Funnel:
    stages = Counter(d.stage for d in derived)
    reached = {"lead": len(derived),
               "prospect": sum(1 for d in derived if d.order_count > 0 or d.last_activity_on is not None),
               "new": sum(1 for d in derived if d.order_count >= 1),
               "active": sum(1 for d in derived if d.order_count >= 2),
               "loyal": sum(1 for d in derived if d.stage == "loyal" or d.order_count >= policy.loyal_min_orders)}
    conversions = [(a, b, reached[b] / reached[a] if reached[a] else None)
                   for a, b in zip(FUNNEL_STAGES, FUNNEL_STAGES[1:])]
    return Funnel({key: stages.get(key, 0) for key in STAGES}, reached, conversions)


def stage_flow(scope: ClientScope, flt: DashboardFilter) -> StageFlow:
    months = month_keys(flt.first, flt.last)
    position = {m: i for i, m in enumerate(months)}
    moves_in = {key: [0] * len(months) for key in STAGES}
    win_backs = [0] * len(months)
    for month, _from, to, count, wins in queries.stage_moves(scope, flt.first, flt.last):
        i = position[month]
        if to in moves_in:
            moves_in[to][i] += count
        win_backs[i] += int(wins)
    return StageFlow(months, moves_in, win_backs)


def value_pyramid(derived: list[Derived], policy: Policy) -> ValuePyramid:
    clients, spend = [0] * len(TIERS), [0] * len(TIERS)
    paying = sorted((d.spend for d in derived if d.spend > 0), reverse=True)
    for d in derived:
        if d.spend > 0:
            clients[d.tier] += 1
            spend[d.tier] += d.spend
    total = sum(paying)
    top_share, curve = None, []
    if paying:
        top = math.ceil(len(paying) * policy.key_top_percent / 100)
        top_share = sum(paying[:top]) / total
        running = list(accumulate(paying))
        steps = min(100, len(paying))
        curve = [(0.0, 0.0)] + [(n / len(paying), running[n - 1] / total)
                                for n in sorted({max(1, round(len(paying) * s / steps)) for s in range(1, steps + 1)})]
    return ValuePyramid(clients, spend, curve, policy.key_top_percent, top_share, len(paying))


def revenue_mix(period_rows, flt: DashboardFilter) -> RevenueMix:
    months = month_keys(flt.first, flt.last)
    position = {m: i for i, m in enumerate(months)}
    by_category: dict[str | None, list[int]] = {}
    segments: Counter = Counter()
    orders = 0
    for month, category, kind, industry, _source, revenue, count in period_rows:
        by_category.setdefault(category, [0] * len(months))[position[month]] += int(revenue)
        segments[(kind, industry if kind == "enterprise" else None)] += int(revenue)
        orders += count
    by_category = dict(sorted(by_category.items(), key=lambda kv: -sum(kv[1])))
    ordered = sorted(segments.items(), key=lambda kv: (kv[0][0] != "individual", -kv[1]))
    return RevenueMix(months, by_category, orders, [(kind, industry, revenue) for (kind, industry), revenue in ordered])


def source_rows(scope: ClientScope, flt: DashboardFilter, period_rows, derived, snap: Snapshot) -> list[SourceRow]:
    leads = {src: (count, converted or 0)
             for src, count, converted in queries.source_leads(scope, flt.first, flt.last, flt.as_of)}
    revenue: Counter = Counter()
    for _month, _category, _kind, _industry, src, money, _count in period_rows:
        revenue[src] += int(money)
    paying: Counter = Counter()
    ltv: Counter = Counter()
    for cid, d in derived:
        if d.spend > 0:
            src = snap.attributes[cid][0] or "other"
            paying[src] += 1
            ltv[src] += d.ltv_total
    rows = []
    for src in SOURCES:
        if scope.source and src != scope.source:
            continue
        count, converted = leads.get(src, (0, 0))
        rows.append(SourceRow(src, count, converted, revenue[src], paying[src],
                              round(ltv[src] / paying[src]) if paying[src] else 0))
    return rows


def churn_day(d: Derived, lost_on: str | None, policy: Policy) -> date:
    """The day a churned client became churned: the lost mark, or the first day idle
    past the churn window."""
    if d.stage_reason is not None and d.stage_reason.code == "lost" and lost_on:
        return date.fromisoformat(str(lost_on)[:10])
    latest = max(x for x in (d.last_activity_on, d.last_order_on) if x)
    return date.fromisoformat(latest) + timedelta(days=policy.churned_after_days + 1)


def churn_figures(derived, snap: Snapshot, flt: DashboardFilter) -> Churn:
    months = month_keys(flt.first, flt.last)
    position = {m: i for i, m in enumerate(months)}
    per_month = [0] * len(months)
    reasons: Counter = Counter()
    churned_in_period = churned_before = bought_before = 0
    first = flt.first.isoformat()
    for cid, d in derived:
        if d.first_order_on and d.first_order_on < first:
            bought_before += 1
        if d.stage != "churned":
            continue
        lost_on, lost_reason = snap.attributes[cid][3], snap.attributes[cid][4]
        is_lost = d.stage_reason is not None and d.stage_reason.code == "lost"
        reasons[(lost_reason or "other") if is_lost else "idle"] += 1
        day = churn_day(d, lost_on, snap.policy)
        if flt.first <= day <= flt.last:
            churned_in_period += 1
            per_month[position[day.isoformat()[:7]]] += 1
        elif day < flt.first and d.first_order_on and d.first_order_on < first:
            churned_before += 1
    return Churn(months, per_month, dict(reasons.most_common()), churned_in_period,
                 bought_before - churned_before)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _on_own_connection(fn, *args):
    with thread_connection():
        return fn(*args)


def cached_cohorts(snap: Snapshot, scope: ClientScope) -> Cohorts:
    """Cohorts follow the as-of date and the client filters, not the period: kept with the derivation."""
    with _lock:
        found = snap.cohorts.get(scope)
    if found is None:
        found = cohort_figures(scope, snap.as_of)
        with _lock:
            snap.cohorts[scope] = found
    return found


def cohort_figures(scope: ClientScope, as_of: date) -> Cohorts:
    since = quarter_start(date(as_of.year - COHORT_YEARS, as_of.month, 1))
    cells: dict[str, dict[int, tuple[int, int]]] = {}
    for cohort, k, clients, repeaters in queries.cohort_activity(scope, since, as_of):
        cells.setdefault(cohort, {})[k] = (clients, repeaters)
    names, sizes, shares = [], [], []
    for cohort, years in cells.items():
        size = years.get(0, (0, 0))[0]
        start = date(int(cohort[:4]), 3 * (int(cohort[-1]) - 1) + 1, 1)
        end = (start + timedelta(days=92)).replace(day=1) - timedelta(days=1)
        row = []
        for k in range(COHORT_YEARS + 1):
            # a later year is shown once it has begun for every client of the cohort
            if not size or (k and end + timedelta(days=365 * k) > as_of):
                row.append(None)
            elif k == 0:
                row.append(years[0][1] / size)
            else:
                row.append(years.get(k, (0, 0))[0] / size)
        names.append(cohort)
        sizes.append(size)
        shares.append(row)
    return Cohorts(names, sizes, shares, COHORT_YEARS + 1)


def campaign_figures(scope: ClientScope, flt: DashboardFilter) -> Campaigns:
    rows = [CampaignRow(cid, name, playbook, cost, recipients, replied, orders, int(revenue))
            for cid, name, playbook, cost, recipients, replied, orders, revenue
            in queries.campaign_returns(scope, flt.first, flt.last, flt.as_of)]
    per_playbook: dict[str | None, CampaignRow] = {}
    for r in rows:
        p = per_playbook.setdefault(r.playbook, CampaignRow(0, r.playbook or "", r.playbook, 0, 0, 0, 0, 0))
        p.cost += r.cost
        p.recipients += r.recipients
        p.replied += r.replied
        p.orders += r.orders
        p.revenue += r.revenue
    playbooks = sorted(per_playbook.values(), key=lambda p: -p.revenue)
    return Campaigns(rows, playbooks)


def word_of_mouth(scope: ClientScope, flt: DashboardFilter, derived, snap: Snapshot) -> WordOfMouth:
    bins = 100 // INFLUENCE_BIN
    grid = [[0] * bins for _ in range(FREQUENCY_CAP + 1)]
    quadrants: Counter = Counter()
    for _cid, d in derived:
        grid[min(d.frequency, FREQUENCY_CAP)][min(d.influence // INFLUENCE_BIN, bins - 1)] += 1
        quadrants[d.quadrant] += 1
    referral: dict[str, list[int]] = {key: [0, 0, 0] for key in QUADRANTS}
    for referrer, referred, revenue in queries.referral_revenue(scope, flt.first, flt.last):
        d = snap.derived.get(referrer)
        if d is None:  # the referrer is in the trash
            continue
        row = referral[d.quadrant]
        row[0] += 1
        row[1] += referred
        row[2] += int(revenue)
    return WordOfMouth(grid, {key: quadrants.get(key, 0) for key in QUADRANTS}, snap.policy.influence_high,
                       snap.policy.frequency_high, {k: tuple(v) for k, v in referral.items()})
