"""Derive stage, tier, class, quadrant and lifetime value for the studio's
clients as of a date: a handful of set-based aggregates, the pure rules in
Python, and one write of whatever moved."""

import json
import math
import time as clock
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from lifecrm_gui.domain.classes import ClassFacts, classify, key_threshold
from lifecrm_gui.domain.influence import InfluenceFacts, influence_score, quadrant
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import StageFacts, derive_stage, is_win_back
from lifecrm_gui.domain.tiers import tier_for
from lifecrm_gui.domain.value import lifetime_value
from lifecrm_gui.domain.vocab import STAGES, label
from lifecrm_gui.store import queries
from lifecrm_gui.store.bulk import sorted_uuids
from lifecrm_gui.store.models import database

from .settings import delete_setting, get_setting, language, load_policy, set_setting


# The day of the last whole-studio recompute, and the rules it applied: the stored
# derivation is that day's for every live client (the dashboard reads it as such).
LAST_RECOMPUTE, LAST_RECOMPUTE_POLICY = "last_recompute", "last_recompute_policy"
# What that recompute had seen (store.studio_facts.marks()): the next one aggregates
# again only the clients whose facts may have moved since.
LAST_RECOMPUTE_MARKS = "last_recompute_marks"

# Search key changes kept for search indexes held in memory to catch up with; one further
# behind rebuilds (services.search_index).
SEARCH_LOG_KEPT = 5000


class Cancelled(Exception):
    pass


@dataclass(slots=True)
class ClientFacts:
    """Everything the rules need about one client, as of a date."""
    client_id: int
    stage: StageFacts
    influence: InfluenceFacts
    influence_score: int = 0
    spend: int = 0
    first_order_on: date | None = None
    orders_last_year: int = 0
    initiated_last_year: int = 0
    satisfaction: float | None = None
    referrals: int = 0
    referral_spend: int = 0
    annual_contract: bool = False
    class_pin: str | None = None
    dates_text: tuple = (None, None, None)  # first order, last order, last activity as ISO text


@dataclass(slots=True)
class Derived:
    stage: str
    tier: int
    client_class: str
    quadrant: str
    influence: int
    frequency: int
    satisfaction: float | None
    order_count: int
    spend: int
    first_order_on: str | None
    last_order_on: str | None
    last_activity_on: str | None
    ltv_historical: int
    ltv_projected: int
    ltv_referral: int
    ltv_total: int
    orders_last_year: int  # facts kept for the next whole-studio recompute (services.recompute_studio)
    initiated_last_year: int
    stage_reason: object = field(default=None, compare=False)
    class_reason: object = field(default=None, compare=False)

    def row(self) -> tuple:
        """The values in DERIVED_COLUMNS order."""
        return (self.stage, self.tier, self.client_class, self.quadrant, self.influence, self.frequency,
                self.satisfaction, self.order_count, self.spend, self.first_order_on, self.last_order_on,
                self.last_activity_on, self.ltv_historical, self.ltv_projected, self.ltv_referral, self.ltv_total,
                self.orders_last_year, self.initiated_last_year)


@dataclass
class RecomputeResult:
    as_of: date
    clients: int = 0
    changed: int = 0
    moved: int = 0
    win_backs: int = 0
    seconds: float = 0.0
    moves: dict = field(default_factory=dict)  # (from, to) -> count
    aggregated: int = 0  # clients whose facts were aggregated again (the others' were kept)


class _Dates(dict):
    """ISO text -> date, each distinct day parsed once (a studio has a few thousand)."""

    def __missing__(self, text):
        value = self[text] = date.fromisoformat(text[:10]) if text else None
        return value


def gather_facts(as_of: date, ids=None) -> tuple[dict[int, ClientFacts], dict[int, tuple]]:
    """The facts for the given clients (all live clients when None) from a handful of
    aggregates, and what is stored for them now."""
    next_day = (as_of + timedelta(days=1)).isoformat()
    year_ago = (as_of - timedelta(days=365)).isoformat()
    order_rows = queries.order_aggregates(next_day, year_ago, ids)
    activity_rows = queries.activity_aggregates(next_day, year_ago, ids)
    stored, facts_rows = {}, []
    width = len(queries.PROFILE_COLUMNS)
    for row in queries.client_rows(ids):
        facts_rows.append(row[:width])
        stored[row[0]] = row[width:]
    orders = {cid: (count, int(spend), first, last, recent)
              for cid, count, spend, first, last, recent in order_rows}
    events = {cid: (last, initiated, satisfaction) for cid, last, initiated, satisfaction in activity_rows}
    referred = _referral_facts(facts_rows, orders, ids, next_day)

    facts = {}
    no_orders = (0, 0, None, None, 0)
    no_events = (None, 0, None)
    no_referrals = (0, 0, 0)
    day = _Dates()
    influences = {}
    for (cid, _referrer, kind, contract, followers, engagement, relevant, rank, lost_on, lost_reason,
         manual, manual_on, pin) in facts_rows:
        count, spend, first, last, recent = orders.get(cid, no_orders)
        last_event, initiated, satisfaction = events.get(cid, no_events)
        referrals, with_orders, referral_spend = referred.get(cid, no_referrals)
        influence_key = (kind, followers, engagement, relevant, rank)
        known = influences.get(influence_key)
        if known is None:
            influence = InfluenceFacts(kind=kind, followers=followers, engagement=engagement,
                                       relevant=bool(relevant), reputation_rank=rank)
            known = influences[influence_key] = (influence, influence_score(influence))
        influence, score = known
        facts[cid] = ClientFacts(
            client_id=cid,
            stage=StageFacts(order_count=count, last_order_on=day[last], last_activity_on=day[last_event],
                             referred_with_orders=with_orders, lost_on=day[lost_on], lost_reason=lost_reason,
                             manual_stage=manual, manual_stage_on=day[manual_on]),
            influence=influence, influence_score=score,
            spend=spend, first_order_on=day[first], orders_last_year=recent or 0,
            initiated_last_year=initiated or 0,
            satisfaction=round(satisfaction, 2) if satisfaction is not None else None,
            referrals=referrals, referral_spend=referral_spend, annual_contract=bool(contract), class_pin=pin,
            dates_text=(first, last, last_event[:10] if last_event else None))
    return facts, stored


def _referral_facts(facts_rows, orders, ids, next_day) -> dict[int, tuple[int, int, int]]:
    """Per referrer: clients referred, how many of them have ordered, and their spend.
    Worked out from the rows already read when all clients are; asked of the
    database for a few."""
    if ids is not None:
        return {referrer: (count, with_orders, int(spend))
                for referrer, count, with_orders, spend in queries.referral_aggregates(next_day, ids)}
    out = {}
    for row in facts_rows:
        referrer = row[1]
        if referrer is None:
            continue
        count, with_orders, spend = out.get(referrer, (0, 0, 0))
        bought = orders.get(row[0])
        out[referrer] = (count + 1, with_orders + (bought is not None), spend + (bought[1] if bought else 0))
    return out


def current_key_threshold(policy: Policy, fresh: dict[int, int]) -> int | None:
    """The key-client spend threshold (domain.classes.key_threshold) over all live
    clients, where `fresh` holds the just-derived spend of the clients being
    recomputed and the others count as last stored: only the top of the others is read."""
    paying_fresh = [s for s in fresh.values() if s > 0]
    paying = queries.paying_count(tuple(fresh)) + len(paying_fresh)
    if paying == 0:
        return None
    rank = math.ceil(paying * policy.key_top_percent / 100)
    top = sorted(queries.top_spends(rank, tuple(fresh)) + paying_fresh, reverse=True)
    return top[rank - 1]


def derive(facts: ClientFacts, as_of: date, threshold: int | None, policy: Policy) -> Derived:
    """The pure rules applied to one client's facts."""
    s = facts.stage
    verdict = derive_stage(s, as_of, policy)
    tier = tier_for(facts.spend, policy)
    value = lifetime_value(facts.spend, s.order_count, facts.first_order_on, as_of, facts.referral_spend, policy)
    score = facts.influence_score
    frequency = facts.initiated_last_year + facts.orders_last_year
    client_class, class_reason = classify(ClassFacts(
        spend=facts.spend, tier=tier, kind=facts.influence.kind, annual_contract=facts.annual_contract,
        orders_last_year=facts.orders_last_year, influence=score, referrals=facts.referrals,
        projected_value=value.projected, pinned=facts.class_pin), threshold, policy)
    first, last, last_activity = facts.dates_text
    return Derived(
        stage=verdict.stage.value, tier=tier, client_class=client_class,
        quadrant=quadrant(score, frequency, policy), influence=score, frequency=frequency,
        satisfaction=facts.satisfaction, order_count=s.order_count, spend=facts.spend,
        first_order_on=first, last_order_on=last, last_activity_on=last_activity,
        ltv_historical=value.historical, ltv_projected=value.projected, ltv_referral=value.referral,
        ltv_total=value.total, orders_last_year=facts.orders_last_year,
        initiated_last_year=facts.initiated_last_year, stage_reason=verdict.reason, class_reason=class_reason)


def event_stamp(as_of: date, at: datetime | None = None) -> str:
    """When an event caused by a change as of a date happened: now if that is today."""
    if at is None:
        today = date.today()
        at = datetime.now() if as_of == today else datetime.combine(as_of, time(23, 59, 59))
    return at.replace(microsecond=0).isoformat(sep=" ")


def evaluate(as_of: date, ids=None, policy: Policy | None = None) -> tuple[dict[int, Derived], dict[int, tuple]]:
    """What the rules say of every live client (or the given ids) as of a date, and what
    is stored now; nothing is written, so any date can be asked about."""
    policy = policy or load_policy()
    facts, stored = gather_facts(as_of, ids)
    if ids is None:
        threshold = key_threshold(sorted((f.spend for f in facts.values() if f.spend > 0), reverse=True), policy)
    else:
        threshold = current_key_threshold(policy, {cid: f.spend for cid, f in facts.items()})
    return {cid: derive(f, as_of, threshold, policy) for cid, f in facts.items()}, stored


def recompute(as_of: date, ids=None, *, policy: Policy | None = None, at: datetime | None = None,
              staff: str | None = None, progress=None, should_cancel=None, seen_only: bool = False) -> RecomputeResult:
    """Re-derive every live client (or the given ids) as of `as_of`, writing only what
    changed and a stage-change event for every client whose stage moved. The whole
    studio is derived as arrays (services.recompute_studio), a few clients one by one.

    seen_only: the whole studio as it stood on an earlier day, only the clients first
    seen by then (services.demo replays a year of month-ends this way): their stage moves
    are recorded and their stages written, nothing else; the next recompute of a day of
    its own writes the rest."""
    started = clock.perf_counter()
    result = RecomputeResult(as_of=as_of)
    policy = policy or load_policy()

    def check_cancel():
        if should_cancel is not None and should_cancel():
            raise Cancelled()

    with database.atomic():
        if progress:
            progress(0, 0)
        if ids is None:
            total, changes, moves, result.aggregated = _studio_changes(
                as_of, policy, check_cancel, None if seen_only else _kept_facts(), seen_only)
        else:
            total, changes, moves = _client_changes(as_of, ids, policy, check_cancel, progress)
            result.aggregated = total
        check_cancel()
        lang = language()
        stamp = event_stamp(as_of, at)
        events = []
        uuids = iter(sorted_uuids(len(moves)))  # in order: the unique index grows at its end
        words: dict = {}  # clients with the same facts share one reason (StudioDerivation.stage_moves)
        for cid, old_stage, new_stage, reason in moves:
            win_back = is_win_back(old_stage, new_stage)
            result.moved += 1
            result.win_backs += win_back
            key = (old_stage, new_stage)
            result.moves[key] = result.moves.get(key, 0) + 1
            said = words.get((old_stage, new_stage, id(reason)))
            if said is None:
                moved = f"{label(STAGES, old_stage, lang) or '—'} → {label(STAGES, new_stage, lang)}"
                said = words[old_stage, new_stage, id(reason)] = (
                    f"{moved}: {reason.text(lang)}",
                    json.dumps({"reason": reason.to_dict(), "as_of": as_of.isoformat(), "auto": True},
                               ensure_ascii=False))
            text, data = said
            events.append((next(uuids), cid, stamp, text, staff, old_stage, new_stage, int(win_back), data, stamp))
        result.clients = total
        result.changed = sum(len(rows) for rows in changes.values())
        if changes:
            queries.write_derived(changes)
        if events:
            queries.insert_stage_changes(events)
        if ids is None and not seen_only:
            set_setting(LAST_RECOMPUTE, as_of.isoformat())
            set_setting(LAST_RECOMPUTE_POLICY, policy.to_dict())
            from lifecrm_gui.store import studio_facts  # numpy: never at start-up

            seen = studio_facts.marks()
            studio_facts.trim_fact_log(seen["changes"])
            set_setting(LAST_RECOMPUTE_MARKS, {**seen, "day": as_of.isoformat()})
            queries.trim_search_log(keep=SEARCH_LOG_KEPT)
        elif get_setting(LAST_RECOMPUTE) not in (None, as_of.isoformat()):
            # Some clients now hold another day's derivation: the stored columns no longer
            # describe one day until the next whole-studio recompute (which is then due).
            delete_setting(LAST_RECOMPUTE)
    if progress:
        progress(total, total)
    result.seconds = clock.perf_counter() - started
    return result


def _changed_columns(changes: dict, cid: int, row: tuple, old: tuple) -> None:
    """File a changed row under the DERIVED_COLUMNS positions that moved (queries.write_derived)."""
    positions = tuple(i for i, (new, was) in enumerate(zip(row, old)) if new != was)
    changes.setdefault(positions, []).append((*(row[i] for i in positions), cid))


def _client_changes(as_of: date, ids, policy: Policy, check_cancel, progress):
    """(clients, changes, stage moves) for a few clients, one by one."""
    derived_all, stored = evaluate(as_of, ids, policy)
    check_cancel()
    changes, moves = {}, []
    total = len(derived_all)
    for n, (cid, derived) in enumerate(derived_all.items(), 1):
        if n % 10000 == 0:
            check_cancel()
            if progress:
                progress(n, total)
        row, old = derived.row(), stored[cid]
        if row != old:
            _changed_columns(changes, cid, row, old)
        if derived.stage != old[0]:
            moves.append((cid, old[0], derived.stage, derived.stage_reason))
    return total, changes, moves


def _kept_facts() -> dict | None:
    """The day and marks of the last whole-studio recompute, while every live client keeps
    that day's facts (a client re-derived for another day unsets the last recompute)."""
    kept = get_setting(LAST_RECOMPUTE_MARKS)
    return kept if kept and kept.get("day") == get_setting(LAST_RECOMPUTE) else None


def _studio_changes(as_of: date, policy: Policy, check_cancel, kept: dict | None, seen_only: bool = False):
    """(clients, changes, stage moves, clients whose facts were aggregated again) for the
    whole studio, as arrays (numpy is loaded here, never at start-up)."""
    from .recompute_studio import StudioDerivation

    studio = StudioDerivation(as_of, policy, kept, seen_only)
    check_cancel()
    moves = studio.stage_moves()
    if seen_only:  # of a day looked back on, only the stages (the next recompute writes the rest)
        changes = {(0,): [(new, cid) for cid, _old, new, _reason in moves]} if moves else {}
    else:
        changes = studio.changes()
    return studio.size, changes, moves, studio.size if studio.moved is None else len(studio.moved)


def recompute_clients(client_ids, as_of: date, **kwargs) -> RecomputeResult:
    """Re-derive some clients and the clients who referred them (whose referral value
    and loyalty depend on them)."""
    ids = {i for i in client_ids if i is not None}
    if not ids:
        return RecomputeResult(as_of=as_of)
    return recompute(as_of, sorted(ids | queries.referrers_of(ids)), **kwargs)
