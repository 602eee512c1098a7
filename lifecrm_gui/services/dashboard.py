"""The figures behind the dashboard's charts and the printed report, for any period and
as of any date, as plain dataclasses.

The studio is read once as columns (store.dashboard_queries): a few attributes of every
live client, every order that counts, and each client's derivation as of the date
(stage, tier, quadrant, spend, lifetime value...). Every figure is then a handful of
vectorised counts and sums over those columns, for any filter, so a redraw after a
client filter changes reads nothing but the campaigns (a new period: its stage moves).

The derivation comes from one of two places:
- the columns recompute stored, when the as-of date is the day of the last
  whole-studio recompute (setting "last_recompute") and the rules are the saved ones:
  the clients' rows already hold the rules' verdict for that day, read in one scan;
- otherwise the rules applied to the whole studio as arrays in memory, nothing written
  (services.recompute_studio; about 1.5 s at 100,000 clients).
What was read is kept until `forget()` (the window calls it when data or settings
change): the clients per as-of date, the orders, and the stage moves per period.
"""

import math
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from lifecrm_gui.domain.bulk import NO_DAY
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.vocab import (CLIENT_KINDS, INDUSTRIES, LOST_REASONS, NEEDS, QUADRANTS, SOURCES, STAGES,
                                      TIERS)
from lifecrm_gui.store import dashboard_queries as queries
from lifecrm_gui.store.dashboard_queries import ClientScope

from .errors import FieldError, ValidationError
from .recompute import LAST_RECOMPUTE, LAST_RECOMPUTE_POLICY
from .session import database_path, thread_connection
from .settings import get_setting, load_policy, studio_name

FUNNEL_STAGES = ("lead", "prospect", "new", "active", "loyal")
LAPSED_STAGES = ("dormant", "churned")
COHORT_YEARS = 5  # cohorts of the last five years, followed for up to five more
INFLUENCE_BIN = 10
FREQUENCY_CAP = 12  # the quadrant grid's top row holds this many interactions a year and more

STORED = "stored"  # the derivation read from the columns the last whole-studio recompute wrote
EVALUATED = "evaluated"  # the derivation worked out by the rules for the date asked about

_STAGE = {key: i for i, key in enumerate(STAGES)}
_EPOCH = date(1970, 1, 1)


def _day(d: date) -> int:
    return (d - _EPOCH).days


def _month(d: date) -> int:
    return (d.year - 1970) * 12 + d.month - 1


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
    basis: str = field(default=EVALUATED, compare=False)  # where the as-of derivation came from
    timings: dict[str, float] = field(default_factory=dict, compare=False)


# --------------------------------------------------------------------------- the studio as columns


@dataclass
class Snapshot:
    """Every live client (attributes and derivation as of a date) and every order that
    counts, as numpy columns aligned by client position (clients in id order)."""
    as_of: date
    policy: Policy
    basis: str
    clients: dict  # store.dashboard_queries columns, plus "is_lost"
    orders: dict  # "client" (position), "day", "category", "paid"
    first_order_any: np.ndarray  # per client: day of the first order that counts, any date (NO_DAY: none)
    _needs: dict = field(default_factory=dict, repr=False)

    @property
    def size(self) -> int:
        return len(self.clients["id"])

    def position_of(self, client_ids: np.ndarray) -> np.ndarray:
        """Positions of the given client ids; -1 for a client that is not live."""
        return _positions(self.clients["id"], client_ids)

    def needs_mask(self, category: str) -> np.ndarray:
        """Clients who stated the needs category or bought it (an order that counts, any date)."""
        with _lock:
            found = self._needs.get(category)
        if found is None:
            token = f",{category},"
            found = np.fromiter((token in f",{text}," for text in self.clients["needs"]), dtype=bool,
                                count=self.size)
            bought = self.orders["client"][self.orders["category"] == list(NEEDS).index(category)]
            found[bought] = True
            with _lock:
                self._needs[category] = found
        return found


_lock = threading.Lock()
_snapshots: dict[tuple, Snapshot] = {}
_reading: dict[tuple, threading.Event] = {}  # (key, generation) -> set when that read ends
_orders: dict[tuple, dict] = {}  # (database, generation) -> the order columns, shared by every as-of date
_moves: dict[tuple, dict] = {}  # (database, generation, first, last) -> the period's stage moves
_generation = 0
_KEEP = 3


def derivation_basis(as_of: date, policy: Policy) -> str:
    """STORED when the clients' stored derivation is the one for `as_of` under `policy`:
    the last whole-studio recompute was for that day, applied `policy`, and `policy` is
    still the saved one (per-client writes re-derive at once; one for another day unsets
    the last recompute: services.recompute)."""
    if (get_setting(LAST_RECOMPUTE) == as_of.isoformat() and policy == load_policy()
            and get_setting(LAST_RECOMPUTE_POLICY) == policy.to_dict()):
        return STORED
    return EVALUATED


def snapshot(as_of: date, policy: Policy | None = None) -> Snapshot:
    """The studio as of a date, read once and kept until `forget()`. A thread asking
    while another reads the same waits for that read (the window's read ahead, then
    the tab's own build) instead of reading it a second time beside it."""
    policy = policy or load_policy()
    basis = derivation_basis(as_of, policy)
    path = database_path()
    key = (path, as_of, policy, basis)
    with _lock:
        found = _snapshots.get(key)
        generation = _generation
        reading = _reading.get((key, generation)) if found is None else None
        mine = None
        if found is None and reading is None:
            mine = _reading[(key, generation)] = threading.Event()
    if found is not None:
        return found
    if reading is not None:
        reading.wait()
        with _lock:
            found = _snapshots.get(key)
        return found if found is not None else _read_snapshot(key, generation)
    try:
        return _read_snapshot(key, generation)
    finally:
        with _lock:
            _reading.pop((key, generation), None)
        mine.set()


def _read_snapshot(key: tuple, generation: int) -> Snapshot:
    path, as_of, policy, basis = key
    with _lock:
        orders = _orders.get((path, generation))
    # The orders are read beside the clients, on a connection of their own: when the window
    # first opens the tab, the main thread imports matplotlib meanwhile.
    with ThreadPoolExecutor(max_workers=1) as pool:
        orders_later = None if orders is not None else pool.submit(_on_own_connection, queries.order_columns)
        clients, basis = _client_columns(as_of, policy, basis)
        orders = orders if orders_later is None else orders_later.result()
    made = _make_snapshot(as_of, policy, basis, clients, orders)
    with _lock:
        if generation == _generation:  # nothing was forgotten meanwhile
            _orders[(path, generation)] = orders
            while len(_snapshots) >= _KEEP:
                _snapshots.pop(next(iter(_snapshots)))
            _snapshots[key] = made
    return made


def prefetch(as_of: date) -> bool:
    """Read ahead what the dashboard's first opening for `as_of` (default filter) reads:
    the studio's columns and the period's stage moves, kept until `forget()`. Only when
    the stored derivation is the one for that day (the window's daily recompute done):
    working out the rules for the whole studio is not worth doing in advance. True when
    read (or already kept)."""
    policy = load_policy()
    if derivation_basis(as_of, policy) != STORED:
        return False
    flt = default_filter(as_of)
    snapshot(as_of, policy)
    _stage_moves(flt.first, flt.last)
    return True


def is_kept(as_of: date) -> bool:
    """Whether the columns for `as_of` are kept (read and not forgotten since)."""
    path = database_path()
    with _lock:
        return any(key[0] == path and key[1] == as_of for key in _snapshots)


def forget() -> None:
    """Drop everything kept (data or settings changed)."""
    global _generation
    with _lock:
        _generation += 1
        _snapshots.clear()
        _orders.clear()
        _moves.clear()


def _on_own_connection(fn, *args):
    with thread_connection():
        return fn(*args)


def _client_columns(as_of: date, policy: Policy, basis: str) -> tuple[dict, str]:
    if basis == STORED:
        columns = queries.client_columns(with_derived=True)
        if (columns["stage"] >= 0).all():
            columns["is_lost"] = _lost_from_columns(columns, as_of)
            return columns, STORED
        # a live client recompute never derived: the stored columns are not the whole story
    columns = queries.client_columns(with_derived=False)
    columns.update(_studio_columns(columns, as_of, policy))
    return columns, EVALUATED


def _lost_from_columns(c: dict, as_of: date) -> np.ndarray:
    """Churned because marked lost (domain.stages.derive_stage's first rule), not idle."""
    lost_on = c["lost_on"]
    return ((c["stage"] == _STAGE["churned"]) & (lost_on != NO_DAY) & (lost_on <= _day(as_of))
            & ((c["last_order"] == NO_DAY) | (c["last_order"] <= lost_on)))


def _studio_columns(columns: dict, as_of: date, policy: Policy) -> dict:
    """The rules' verdicts for every client as of the date (services.recompute_studio: the
    whole studio as arrays, nothing written), as the columns the stored path reads; a
    client the rules did not see (created meanwhile) gets stage -1 and is left out."""
    from .recompute_studio import StudioDerivation

    studio = StudioDerivation(as_of, policy)
    at = _positions(studio.ids, columns["id"])
    seen = at >= 0
    (stage, tier, _class, quadrant, influence, frequency, _satisfaction, order_count, spend, first_order,
     last_order, last_activity, _historical, _projected, _referral, ltv_total, *_kept_facts) = studio.derived

    def take(values, missing):
        return np.where(seen, np.asarray(values)[np.maximum(at, 0)], missing).astype(np.int64)

    out = {"stage": take(stage, -1), "quadrant": take(quadrant, -1)}
    for name, values in (("tier", tier), ("influence", influence), ("frequency", frequency),
                         ("order_count", order_count), ("spend", spend), ("ltv_total", ltv_total)):
        out[name] = take(values, 0)
    for name, values in (("first_order", first_order), ("last_order", last_order), ("last_activity", last_activity)):
        out[name] = take(values, NO_DAY)
    out["is_lost"] = _lost_from_columns({**columns, **out}, as_of) & seen
    return out


def _make_snapshot(as_of: date, policy: Policy, basis: str, clients: dict, raw_orders: dict) -> Snapshot:
    positions = _positions(clients["id"], raw_orders["client_id"])
    live = positions >= 0
    orders = {"client": positions[live], "day": raw_orders["day"][live], "category": raw_orders["category"][live],
              "paid": raw_orders["paid"][live]}
    first_any = np.full(len(clients["id"]), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_any, orders["client"], orders["day"])
    first_any[first_any == np.iinfo(np.int64).max] = NO_DAY
    return Snapshot(as_of, policy, basis, clients, orders, first_any)


def _positions(ids: np.ndarray, client_ids: np.ndarray) -> np.ndarray:
    """Positions in the sorted `ids` of each of `client_ids`; -1 where absent."""
    at = np.searchsorted(ids, client_ids)
    found = at < len(ids)
    found[found] = ids[at[found]] == client_ids[found]
    return np.where(found, at, -1)


# --------------------------------------------------------------------------- building the figures


@dataclass
class _Masks:
    """Which clients and orders a filter counts."""
    clients: np.ndarray  # live clients in scope (kind, source, needs stated or bought)
    as_of: np.ndarray  # of them, known to the studio on the as-of date and derived
    period_orders: np.ndarray  # orders in the period whose money counts (kind and source; needs: the category)


def _masks(snap: Snapshot, flt: DashboardFilter) -> _Masks:
    c, o = snap.clients, snap.orders
    money = np.ones(snap.size, dtype=bool)
    if flt.kind:
        money &= c["kind"] == list(CLIENT_KINDS).index(flt.kind)
    if flt.source:
        money &= c["source"] == list(SOURCES).index(flt.source)
    clients = money & snap.needs_mask(flt.needs) if flt.needs else money
    known = (c["first_seen"] == NO_DAY) | (c["first_seen"] <= _day(flt.as_of))
    in_period = (o["day"] >= _day(flt.first)) & (o["day"] <= _day(flt.last)) & money[o["client"]]
    if flt.needs:
        in_period &= o["category"] == list(NEEDS).index(flt.needs)
    return _Masks(clients, clients & known & (c["stage"] >= 0), in_period)


def build(flt: DashboardFilter, policy: Policy | None = None) -> Dashboard:
    """Every chart's figures for a filter."""
    import time

    flt.check()
    policy = policy or load_policy()
    timings = {}
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=1) as pool:
        with _lock:
            moves_kept = (database_path(), _generation, flt.first, flt.last) in _moves
        if not moves_kept:  # the period's stage moves are read meanwhile
            pool.submit(_on_own_connection, _stage_moves, flt.first, flt.last)
        snap = snapshot(flt.as_of, policy)
    timings["derive"] = time.perf_counter() - started

    def timed(name: str, fn: Callable, *args):
        t0 = time.perf_counter()
        value = fn(*args)
        timings[name] = time.perf_counter() - t0
        return value

    masks = timed("masks", _masks, snap, flt)
    funnel = timed("funnel", funnel_figures, snap, masks)
    flow = timed("flow", stage_flow, snap, masks, flt)
    pyramid = timed("pyramid", value_pyramid, snap, masks)
    revenue = timed("revenue", revenue_mix, snap, masks, flt)
    sources = timed("sources", source_rows, snap, masks, flt)
    churn = timed("churn", churn_figures, snap, masks, flt)
    cohorts = timed("cohorts", cohort_figures, snap, masks)
    campaigns = timed("campaigns", campaign_figures, flt.scope(), flt)
    word = timed("word_of_mouth", word_of_mouth, snap, masks)
    first_order = snap.clients["first_order"][masks.as_of]
    new_clients = int(((first_order >= _day(flt.first)) & (first_order <= _day(flt.last))).sum())
    headline = Headline(clients=int(masks.as_of.sum()), revenue=revenue.total, orders=revenue.orders,
                        new_clients=new_clients, win_backs=sum(flow.win_backs), churned=churn.churned,
                        churn_base=churn.base, top_share=pyramid.top_share)
    timings["total"] = time.perf_counter() - started
    return Dashboard(filter=flt, studio=studio_name(), currency=policy.currency, policy=policy,
                     headline=headline, funnel=funnel, flow=flow, pyramid=pyramid, revenue=revenue,
                     sources=sources, churn=churn, cohorts=cohorts, campaigns=campaigns, word_of_mouth=word,
                     basis=snap.basis, timings=timings)


def _sums(keys: np.ndarray, values: np.ndarray | None, size: int) -> np.ndarray:
    """Per key 0..size-1: the count of `keys` (values None) or the exact integer sum of `values`."""
    if values is None:
        return np.bincount(keys, minlength=size)[:size]
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, keys, values)
    return out


def funnel_figures(snap: Snapshot, masks: _Masks) -> Funnel:
    c, m = snap.clients, masks.as_of
    stage, orders = c["stage"][m], c["order_count"][m]
    counts = _sums(stage, None, len(STAGES))
    reached = {"lead": int(m.sum()),
               "prospect": int(((orders > 0) | (c["last_activity"][m] != NO_DAY)).sum()),
               "new": int((orders >= 1).sum()),
               "active": int((orders >= 2).sum()),
               "loyal": int(((stage == _STAGE["loyal"]) | (orders >= snap.policy.loyal_min_orders)).sum())}
    conversions = [(a, b, reached[b] / reached[a] if reached[a] else None)
                   for a, b in zip(FUNNEL_STAGES, FUNNEL_STAGES[1:])]
    return Funnel({key: int(counts[i]) for i, key in enumerate(STAGES)}, reached, conversions)


def _stage_moves(first: date, last: date) -> dict:
    """The period's stage moves, whatever the client filters: kept until `forget()`."""
    with _lock:
        key = (database_path(), _generation, first, last)
        found = _moves.get(key)
    if found is None:
        found = queries.stage_move_columns(first, last)
        with _lock:
            if key[1] == _generation:
                while len(_moves) >= _KEEP:
                    _moves.pop(next(iter(_moves)))
                _moves[key] = found
    return found


def stage_flow(snap: Snapshot, masks: _Masks, flt: DashboardFilter) -> StageFlow:
    months = month_keys(flt.first, flt.last)
    moves = _stage_moves(flt.first, flt.last)
    at = snap.position_of(moves["client_id"])
    counted = at >= 0
    counted[counted] = masks.clients[at[counted]]
    month = moves["month"][counted] - _month(flt.first)
    to, wins = moves["stage_to"][counted], moves["win_back"][counted]
    known = to >= 0
    grid = _sums(to[known] * len(months) + month[known], None, len(STAGES) * len(months)).reshape(len(STAGES), -1)
    moves_in = {key: grid[i].tolist() for i, key in enumerate(STAGES)}
    return StageFlow(months, moves_in, _sums(month, wins, len(months)).tolist())


def value_pyramid(snap: Snapshot, masks: _Masks) -> ValuePyramid:
    c, m = snap.clients, masks.as_of
    spend, tier = c["spend"][m], c["tier"][m]
    paying_mask = spend > 0
    clients = _sums(tier[paying_mask], None, len(TIERS)).tolist()
    spend_per_tier = _sums(tier[paying_mask], spend[paying_mask], len(TIERS)).tolist()
    paying = np.sort(spend[paying_mask])[::-1]
    top_percent = snap.policy.key_top_percent
    top_share, curve = None, []
    if len(paying):
        running = np.cumsum(paying)
        total = int(running[-1])
        count = len(paying)
        top = math.ceil(count * top_percent / 100)
        top_share = (int(running[top - 1]) if top else 0) / total
        steps = min(100, count)
        curve = [(0.0, 0.0)] + [(n / count, int(running[n - 1]) / total)
                                for n in sorted({max(1, round(count * s / steps)) for s in range(1, steps + 1)})]
    return ValuePyramid(clients, spend_per_tier, curve, top_percent, top_share, len(paying))


def revenue_mix(snap: Snapshot, masks: _Masks, flt: DashboardFilter) -> RevenueMix:
    months = month_keys(flt.first, flt.last)
    o, c, sel = snap.orders, snap.clients, masks.period_orders
    paid, client = o["paid"][sel], o["client"][sel]
    month = ((o["day"][sel].astype("datetime64[D]").astype("datetime64[M]").astype(np.int64))
             - _month(flt.first))
    category = o["category"][sel] + 1  # 0: not given
    categories = [None, *NEEDS]
    cells = len(categories) * len(months)
    counts = _sums(category * len(months) + month, None, cells).reshape(len(categories), -1)
    money = _sums(category * len(months) + month, paid, cells).reshape(len(categories), -1)
    by_category = {categories[i]: money[i].tolist() for i in range(len(categories)) if counts[i].any()}
    by_category = dict(sorted(by_category.items(), key=lambda kv: (-sum(kv[1]), kv[0] is None, kv[0] or "")))

    # segments: individual, or enterprise by industry (-1: none given)
    kinds, industries = [None, *CLIENT_KINDS], [None, *INDUSTRIES]
    enterprise = list(CLIENT_KINDS).index("enterprise")
    kind = c["kind"][client]
    industry = np.where(kind == enterprise, c["industry"][client], -1)
    segment = (kind + 1) * len(industries) + industry + 1
    size = len(kinds) * len(industries)
    present, revenue = _sums(segment, None, size), _sums(segment, paid, size)
    segments = [(kinds[s // len(industries)], industries[s % len(industries)], int(revenue[s]))
                for s in np.flatnonzero(present)]
    segments.sort(key=lambda s: (s[0] != "individual", -s[2], s[0] or "", s[1] or ""))
    return RevenueMix(months, by_category, int(sel.sum()), segments)


def source_rows(snap: Snapshot, masks: _Masks, flt: DashboardFilter) -> list[SourceRow]:
    c, o = snap.clients, snap.orders
    source = c["source"]
    known = source >= 0  # a source outside the vocabulary is not shown
    leads_mask = (masks.clients & known & (c["first_seen"] >= _day(flt.first))
                  & (c["first_seen"] <= _day(flt.last)))
    converted_mask = leads_mask & (snap.first_order_any != NO_DAY) & (snap.first_order_any <= _day(flt.as_of))
    leads = _sums(source[leads_mask], None, len(SOURCES))
    converted = _sums(source[converted_mask], None, len(SOURCES))
    sel = masks.period_orders & known[o["client"]]
    revenue = _sums(source[o["client"][sel]], o["paid"][sel], len(SOURCES))
    paying_mask = masks.as_of & known & (c["spend"] > 0)
    paying = _sums(source[paying_mask], None, len(SOURCES))
    ltv = _sums(source[paying_mask], c["ltv_total"][paying_mask], len(SOURCES))
    rows = []
    for i, src in enumerate(SOURCES):
        if flt.source and src != flt.source:
            continue
        count = int(paying[i])
        rows.append(SourceRow(src, int(leads[i]), int(converted[i]), int(revenue[i]), count,
                              round(int(ltv[i]) / count) if count else 0))
    return rows


def churn_days(snap: Snapshot) -> np.ndarray:
    """Per client, the day a churned client became churned: the lost mark, or the first
    day idle past the churn window (meaningless for clients not churned)."""
    c = snap.clients
    latest = np.maximum(c["last_activity"], c["last_order"])
    return np.where(c["is_lost"], c["lost_on"], latest + snap.policy.churned_after_days + 1)


def churn_figures(snap: Snapshot, masks: _Masks, flt: DashboardFilter) -> Churn:
    months = month_keys(flt.first, flt.last)
    c, m = snap.clients, masks.as_of
    first = _day(flt.first)
    bought_before = m & (c["first_order"] != NO_DAY) & (c["first_order"] < first)
    churned = m & (c["stage"] == _STAGE["churned"])
    # the reason: the lost mark's (no reason given: "other"), or "idle"
    reasons_table = [*LOST_REASONS, "idle"]
    lost_reason = np.where(c["lost_reason"] >= 0, c["lost_reason"], list(LOST_REASONS).index("other"))
    reason = np.where(c["is_lost"], lost_reason, len(LOST_REASONS))[churned]
    counts = _sums(reason, None, len(reasons_table)).tolist()
    reasons = {reasons_table[code]: counts[code]  # most first; ties in the vocabulary's order
               for code in sorted(range(len(reasons_table)), key=lambda code: -counts[code]) if counts[code]}
    day = churn_days(snap)
    in_period = churned & (day >= first) & (day <= _day(flt.last))
    month = day[in_period].astype("datetime64[D]").astype("datetime64[M]").astype(np.int64) - _month(flt.first)
    churned_before = int((churned & (day < first) & bought_before).sum())
    return Churn(months, _sums(month, None, len(months)).tolist(), reasons, int(in_period.sum()),
                 int(bought_before.sum()) - churned_before)


def quarter_start(day: date) -> date:
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def cohort_figures(snap: Snapshot, masks: _Masks) -> Cohorts:
    """Clients in scope by quarter of their first order (within the last COHORT_YEARS
    years), and in each year after it (days [365k, 365(k+1)) after the first order) the
    share who bought; in year 0, the share who bought again."""
    as_of = snap.as_of
    since = _day(quarter_start(date(as_of.year - COHORT_YEARS, as_of.month, 1)))
    first = snap.first_order_any
    in_cohort = masks.clients & (first != NO_DAY) & (first >= since) & (first <= _day(as_of))
    o = snap.orders
    sel = in_cohort[o["client"]] & (o["day"] <= _day(as_of))
    client = o["client"][sel]
    k = (o["day"][sel] - first[client]) // 365
    years = int(k.max()) + 1 if len(k) else 1
    per_year = _sums(client * years + k, None, snap.size * years)  # orders per (client, year)
    pairs = np.flatnonzero(per_year)
    client, k, n = pairs // years, pairs % years, per_year[pairs]
    start = first[client].astype("datetime64[D]")
    quarter = ((start.astype("datetime64[Y]").astype(np.int64) + 1970) * 4
               + (start.astype("datetime64[M]").astype(np.int64) % 12) // 3)
    base = int(quarter.min()) if len(quarter) else 0
    cell = (quarter - base) * years + k
    size = (int(quarter.max()) - base + 1) * years if len(quarter) else 0
    buyers, repeaters = _sums(cell, None, size), _sums(cell, (n >= 2).astype(np.int64), size)
    cells: dict[str, dict[int, tuple[int, int]]] = {}
    for at in np.flatnonzero(buyers).tolist():
        q, year = divmod(at, years)
        q += base
        cells.setdefault(f"{q // 4:04d}-Q{q % 4 + 1}", {})[year] = (int(buyers[at]), int(repeaters[at]))
    names, sizes, shares = [], [], []
    for cohort, by_year in cells.items():
        size = by_year.get(0, (0, 0))[0]
        start_day = date(int(cohort[:4]), 3 * (int(cohort[-1]) - 1) + 1, 1)
        end = (start_day + timedelta(days=92)).replace(day=1) - timedelta(days=1)
        row = []
        for k in range(COHORT_YEARS + 1):
            # a later year is shown once it has begun for every client of the cohort
            if not size or (k and end + timedelta(days=365 * k) > as_of):
                row.append(None)
            elif k == 0:
                row.append(by_year[0][1] / size)
            else:
                row.append(by_year.get(k, (0, 0))[0] / size)
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


def word_of_mouth(snap: Snapshot, masks: _Masks) -> WordOfMouth:
    c, m = snap.clients, masks.as_of
    bins = 100 // INFLUENCE_BIN
    frequency = np.minimum(c["frequency"][m], FREQUENCY_CAP)
    influence = np.clip(c["influence"][m] // INFLUENCE_BIN, 0, bins - 1)
    grid = _sums(frequency * bins + influence, None, (FREQUENCY_CAP + 1) * bins).reshape(FREQUENCY_CAP + 1, bins)
    quadrant = c["quadrant"][m]
    quadrants = _sums(quadrant[quadrant >= 0], None, len(QUADRANTS))

    # referral revenue: clients in scope referred by a live client, and their money in the period
    o = snap.orders
    referrer = snap.position_of(c["referrer"])
    referred = masks.clients & (referrer >= 0)
    sel = masks.period_orders & referred[o["client"]]
    money = _sums(o["client"][sel], o["paid"][sel], snap.size)
    referred_count = _sums(referrer[referred], None, snap.size)
    referred_money = _sums(referrer[referred], money[referred], snap.size)
    referrers = np.flatnonzero(referred_count)
    referrers = referrers[c["quadrant"][referrers] >= 0]
    by = c["quadrant"][referrers]
    per_quadrant = (_sums(by, None, len(QUADRANTS)), _sums(by, referred_count[referrers], len(QUADRANTS)),
                    _sums(by, referred_money[referrers], len(QUADRANTS)))
    referral = {key: tuple(int(v[i]) for v in per_quadrant) for i, key in enumerate(QUADRANTS)}
    return WordOfMouth(grid.tolist(), {key: int(quadrants[i]) for i, key in enumerate(QUADRANTS)},
                       snap.policy.influence_high, snap.policy.frequency_high, referral)
