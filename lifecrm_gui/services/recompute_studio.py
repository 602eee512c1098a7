"""The whole studio re-derived at once: the same aggregates as a recompute of a few
clients, read as numbers into arrays (store.studio_facts), the rules applied as arrays
(domain.bulk), and only the clients whose derivation moved turned back into Python values.
The per-client rules give the words of each stage change's reason."""

import logging
from datetime import date, timedelta

import numpy as np

from lifecrm_gui.domain import bulk
from lifecrm_gui.domain.influence import InfluenceFacts, influence_score
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import StageFacts, derive_stage
from lifecrm_gui.domain.vocab import CLASSES, CLIENT_KINDS, QUADRANTS, STAGES
from lifecrm_gui.store import studio_facts

EPOCH = date(1970, 1, 1)
log = logging.getLogger(__name__)
_STAGE_KEYS, _CLASS_KEYS, _QUADRANT_KEYS = list(STAGES), list(CLASSES), list(QUADRANTS)


def day_number(day: date) -> int:
    return (day - EPOCH).days


def _iso(day: int) -> str | None:
    return None if day == bulk.NO_DAY else (EPOCH + timedelta(days=day)).isoformat()


def _table(rows: list[tuple], width: int, dtype=np.int64) -> np.ndarray:
    """Rows of numbers as a 2-d array, one column per field (none: zero rows)."""
    return np.array(rows, dtype=dtype) if rows else np.zeros((0, width), dtype=dtype)


def _influence(rows: np.ndarray) -> np.ndarray:
    """domain.influence.influence_score of each (kind, followers, engagement, relevant,
    rank) row, worked out once per distinct row (a studio has a few thousand)."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.lexsort(rows.T[::-1])  # np.unique(axis=0) does the same ten times slower
    ordered = rows[order]
    starts = np.ones(len(rows), bool)
    starts[1:] = (ordered[1:] != ordered[:-1]).any(axis=1)
    distinct = ordered[starts]
    inverse = np.empty(len(rows), np.int64)
    inverse[order] = np.cumsum(starts) - 1
    kinds = list(CLIENT_KINDS)
    scores = np.array([influence_score(InfluenceFacts(
        kind=kinds[kind] if 0 <= kind < len(kinds) else None, followers=followers, engagement=engagement,
        relevant=bool(relevant), reputation_rank=None if rank == studio_facts.NO_RANK else rank))
        for kind, followers, engagement, relevant, rank in distinct.tolist()], dtype=np.int64)
    return scores[inverse]


def _moved_since(kept: dict, next_day: str, year_ago: str) -> list[int] | None:
    """The clients whose facts may have moved since the kept day, or None (all of them)
    when that is not known or too many have for a partial read to pay."""
    kept_day = date.fromisoformat(kept["day"])
    if kept_day > date.fromisoformat(next_day) - timedelta(days=1):
        return None  # an earlier day: facts kept may be later than it
    before = ((kept_day + timedelta(days=1)).isoformat(), (kept_day - timedelta(days=365)).isoformat(),
              next_day, year_ago)
    moved = studio_facts.moved_clients(kept, before)
    if moved is None or len(moved) > max(1000, kept["clients"] // 5):
        return None
    return moved


class StudioDerivation:
    """Every live client's facts and stored derivation as arrays, as of a date, and what the
    rules say of them now."""

    def __init__(self, as_of: date, policy: Policy, kept: dict | None = None, seen_only: bool = False):
        """kept: the day and marks of the last whole-studio recompute (store.studio_facts.marks()),
        whose facts every live client keeps: then only the clients whose facts may have moved
        since are aggregated again. seen_only: only the clients first seen by as_of (a day
        looked back on, when the clients seen later had no stage yet)."""
        self.as_of, self.policy = as_of, policy
        next_day = (as_of + timedelta(days=1)).isoformat()
        year_ago = (as_of - timedelta(days=365)).isoformat()
        moved = self.moved = _moved_since(kept, next_day, year_ago) if kept else None
        clients = studio_facts.client_columns(as_of.isoformat() if seen_only else None)
        order_rows = studio_facts.order_rows(next_day, year_ago, moved)
        activity_rows = studio_facts.activity_rows(next_day, year_ago, moved)
        self.size = n = clients.shape[1]
        ids, referrer, kind, contract = clients[:4]
        lost_on, manual, manual_on, pin = clients[8:studio_facts.FACT_COLUMNS]
        self.ids = ids
        stored = list(clients[studio_facts.FACT_COLUMNS:])
        hundredths = stored[6]
        stored[6] = np.where(hundredths < 0, np.nan, hundredths / 100)
        self.stored = stored
        order = np.argsort(ids)
        sorted_ids = ids[order]

        def positions(client_ids) -> tuple[np.ndarray, np.ndarray]:
            """Where each of these clients sits in the arrays; whether it is a live client at all."""
            if n == 0:
                return np.zeros(client_ids.shape, np.int64), np.zeros(client_ids.shape, bool)
            at = np.minimum(np.searchsorted(sorted_ids, client_ids), n - 1)
            return order[at], sorted_ids[at] == client_ids

        orders = _table(order_rows, 6)
        activity = _table(activity_rows, 4, np.float64)
        o_at, o_live = positions(orders[:, 0])
        a_at, a_live = positions(activity[:, 0].astype(np.int64))
        orders, activity = orders[o_live], activity[a_live]
        o_at, a_at = o_at[o_live], a_at[a_live]
        if moved is None:
            def base(_stored, fill, dtype=np.int64):
                return np.full(n, fill, dtype=dtype)
        else:  # the facts kept, but for the moved clients, whose aggregates were read again
            m_at, m_live = positions(np.array(moved, dtype=np.int64))
            m_at = m_at[m_live]

            def base(kept_values, fill, dtype=np.int64):
                out = kept_values.astype(dtype)  # a copy
                out[m_at] = fill
                return out

        def per_client(at, values, kept_values, fill=0, dtype=np.int64):
            out = base(kept_values, fill, dtype)
            out[at] = values
            return out

        order_count, spend = per_client(o_at, orders[:, 1], stored[7]), per_client(o_at, orders[:, 2], stored[8])
        # round() as the per-client rules do (numpy rounds halves differently)
        satisfaction = np.array([round(v, 2) if v >= 0 else np.nan for v in activity[:, 3].tolist()])
        self.satisfaction = per_client(a_at, satisfaction, stored[6], np.nan, np.float64)

        referred = referrer >= 0
        r_at, r_live = positions(referrer[referred])
        r_at = r_at[r_live]
        bought = (order_count[referred] > 0)[r_live]

        def per_referrer(weights) -> np.ndarray:
            return np.bincount(r_at, weights=weights, minlength=n)[:n].round().astype(np.int64)

        self.facts = bulk.StudioFacts(
            order_count=order_count, spend=spend,
            first_order=per_client(o_at, orders[:, 3], stored[9], bulk.NO_DAY),
            last_order=per_client(o_at, orders[:, 4], stored[10], bulk.NO_DAY),
            last_activity=per_client(a_at, activity[:, 1].astype(np.int64), stored[11], bulk.NO_DAY),
            lost_on=lost_on, manual_stage=manual, manual_on=manual_on,
            referred_with_orders=per_referrer(bought.astype(np.float64)),
            referrals=per_referrer(np.ones(r_at.size)),
            referral_spend=per_referrer(spend[referred][r_live].astype(np.float64)),
            enterprise=kind == list(CLIENT_KINDS).index("enterprise"), annual_contract=contract != 0,
            influence=_influence(clients[[2, 4, 5, 6, 7]].T),
            orders_last_year=per_client(o_at, orders[:, 5], stored[16]),
            initiated_last_year=per_client(a_at, activity[:, 2].astype(np.int64), stored[17]), pin=pin)
        self._texts = None  # lost reasons and manual stages, read when stages move
        self.threshold = bulk.key_threshold(spend, policy)
        derived = bulk.derive_studio(self.facts, day_number(as_of), self.threshold, policy)
        f = self.facts
        self.derived = [derived.stage, derived.tier, derived.client_class, derived.quadrant, f.influence,
                        derived.frequency, self.satisfaction, f.order_count, f.spend, f.first_order, f.last_order,
                        f.last_activity, f.spend, derived.ltv_projected, f.referral_spend, derived.ltv_total,
                        f.orders_last_year, f.initiated_last_year]

    def stage_moves(self) -> list[tuple]:
        """(client id, stored stage, new stage, reason) of every client whose stage moves, the
        reason in words from the per-client rules (asked once for clients whose facts are the
        same: a whole import of new clients has a handful). Should the two sets of rules ever
        disagree, the per-client outcome is kept, and logged."""
        moves = []
        stage, stored = self.derived[0], self.stored[0]
        moving = np.flatnonzero(stage != stored)
        if moving.size == 0:
            return moves
        if self._texts is None:
            self._texts = studio_facts.client_texts()
        f = self.facts
        columns = (self.ids, f.order_count, f.last_order, f.last_activity, f.referred_with_orders, f.lost_on,
                   f.manual_on, stored, stage)
        verdicts: dict = {}
        for i, (cid, *facts, old_code, new_code) in zip(moving.tolist(),
                                                        zip(*(c[moving].tolist() for c in columns))):
            key = (*facts, self._texts.get(cid, (None, None)))
            verdict = verdicts.get(key)
            if verdict is None:
                verdict = verdicts[key] = self._verdict(*key)
            new = verdict.stage.value
            if bulk.STAGE_CODES[new] != new_code:
                log.error("client %s: the studio-wide rules give %s, the per-client rules %s; keeping %s",
                          cid, _STAGE_KEYS[new_code], new, new)
                stage[i] = bulk.STAGE_CODES[new]
            old = _STAGE_KEYS[old_code] if old_code >= 0 else None
            if new != old:
                moves.append((cid, old, new, verdict.reason))
        return moves

    def changes(self) -> dict[tuple[int, ...], list[tuple]]:
        """What to write (queries.write_derived): {positions in DERIVED_COLUMNS that changed:
        [(their new values..., client id)]}, clients grouped by the columns that changed."""
        differs = np.zeros((self.size, len(self.derived)), bool)
        for k, (new, old) in enumerate(zip(self.derived, self.stored)):
            if new.dtype == np.float64:
                differs[:, k] = ~((new == old) | (np.isnan(new) & np.isnan(old)))
            else:
                differs[:, k] = new != old
        rows = np.flatnonzero(differs.any(axis=1))
        patterns = differs[rows] @ (1 << np.arange(len(self.derived)))
        out = {}
        for pattern in np.unique(patterns).tolist():
            chosen = rows[patterns == pattern]
            positions = tuple(k for k in range(len(self.derived)) if pattern >> k & 1)
            columns = [self._values(k, chosen) for k in positions]
            out[positions] = list(zip(*columns, self.ids[chosen].tolist()))
        return out

    def _values(self, k: int, chosen: np.ndarray) -> list:
        """Column k of DERIVED_COLUMNS for the chosen clients, as stored (Python values)."""
        values = self.derived[k][chosen].tolist()
        keys = {0: _STAGE_KEYS, 2: _CLASS_KEYS, 3: _QUADRANT_KEYS}.get(k)
        if keys is not None:
            return [keys[v] for v in values]
        if k == 6:  # satisfaction
            return [None if v != v else v for v in values]
        if k in (9, 10, 11):  # first order, last order, last activity
            texts: dict = {}
            return [texts.get(v) or texts.setdefault(v, _iso(v)) for v in values]
        return values

    def _verdict(self, order_count, last_order, last_activity, referred_with_orders, lost_on, manual_on, texts):
        """The per-client rule's verdict (with its reason in words) on these facts."""
        def day(value):
            return None if value == bulk.NO_DAY else EPOCH + timedelta(days=value)

        lost_reason, manual = texts
        return derive_stage(StageFacts(
            order_count=order_count, last_order_on=day(last_order), last_activity_on=day(last_activity),
            referred_with_orders=referred_with_orders, lost_on=day(lost_on), lost_reason=lost_reason,
            manual_stage=manual, manual_stage_on=day(manual_on)), self.as_of, self.policy)
