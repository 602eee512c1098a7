"""The whole studio re-derived at once: the same aggregates as a recompute of a few
clients, read into arrays, the rules applied as arrays (domain.bulk), and only the
clients whose derivation moved turned back into Python values. The per-client rules
give the words of each stage change's reason."""

import logging
from datetime import date, timedelta

import numpy as np

from lifecrm_gui.domain import bulk
from lifecrm_gui.domain.influence import InfluenceFacts, influence_score
from lifecrm_gui.domain.policy import Policy
from lifecrm_gui.domain.stages import StageFacts, derive_stage
from lifecrm_gui.domain.vocab import CLASSES, QUADRANTS, STAGES
from lifecrm_gui.store import queries

EPOCH = date(1970, 1, 1)
log = logging.getLogger(__name__)
_STAGE_KEYS, _CLASS_KEYS, _QUADRANT_KEYS = list(STAGES), list(CLASSES), list(QUADRANTS)
_MANUAL = {"lead": bulk.MANUAL_LEAD, "prospect": bulk.MANUAL_PROSPECT, None: bulk.NO_MANUAL, "": bulk.NO_MANUAL}


def day_number(day: date) -> int:
    return (day - EPOCH).days


def _days(texts) -> np.ndarray:
    """ISO dates (or date-times) as day numbers, NO_DAY for None."""
    try:
        values = np.array(texts, dtype="datetime64[D]").astype(np.int64)
    except ValueError:  # anything numpy does not read: its first ten characters, as the rules do
        values = np.array([t[:10] if t else None for t in texts], dtype="datetime64[D]").astype(np.int64)
    values[values == np.iinfo(np.int64).min] = bulk.NO_DAY
    return values


def _iso(day: int) -> str | None:
    return None if day == bulk.NO_DAY else (EPOCH + timedelta(days=day)).isoformat()


def _codes(values, table: dict, missing: int = -1) -> np.ndarray:
    return np.fromiter((table.get(v, missing) for v in values), np.int64, len(values))


def _satisfaction(values) -> np.ndarray:
    return np.array([np.nan if v is None else round(v, 2) for v in values], dtype=np.float64)


def _scatter(positions: np.ndarray, values, size: int, fill, dtype) -> np.ndarray:
    out = np.full(size, fill, dtype=dtype)
    out[positions] = values
    return out


class StudioDerivation:
    """Every live client's facts and stored derivation as arrays, as of a date, and what the
    rules say of them now."""

    def __init__(self, as_of: date, policy: Policy):
        self.as_of, self.policy = as_of, policy
        next_day = (as_of + timedelta(days=1)).isoformat()
        year_ago = (as_of - timedelta(days=365)).isoformat()
        rows = queries.client_rows().fetchall()
        self.size = n = len(rows)
        columns = list(zip(*rows)) if rows else [()] * (len(queries.PROFILE_COLUMNS) + len(queries.DERIVED_COLUMNS))
        (ids, referrer, kind, contract, followers, engagement, relevant, rank, lost_on, self.lost_reason, manual,
         manual_on, pin, *stored) = columns
        self.ids = np.array(ids, dtype=np.int64)
        order = np.argsort(self.ids)
        sorted_ids = self.ids[order]

        def positions(client_ids) -> tuple[np.ndarray, np.ndarray]:
            """Where each of these clients sits in the arrays; whether it is a live client at all."""
            client_ids = np.asarray(client_ids, dtype=np.int64)
            if n == 0:
                return np.zeros(client_ids.shape, np.int64), np.zeros(client_ids.shape, bool)
            at = np.minimum(np.searchsorted(sorted_ids, client_ids), n - 1)
            return order[at], sorted_ids[at] == client_ids

        order_rows = queries.order_aggregates(next_day, year_ago).fetchall()
        activity_rows = queries.activity_aggregates(next_day, year_ago).fetchall()
        o_ids, o_count, o_spend, o_first, o_last, o_recent = zip(*order_rows) if order_rows else [()] * 6
        a_ids, a_last, a_initiated, a_satisfaction = zip(*activity_rows) if activity_rows else [()] * 4
        o_at, o_live = positions(o_ids)
        a_at, a_live = positions(a_ids)
        o_at, a_at = o_at[o_live], a_at[a_live]

        def live(values, mask):
            return np.asarray(values)[mask] if len(values) else np.asarray(values)

        order_count = _scatter(o_at, live(np.array(o_count, dtype=np.int64), o_live), n, 0, np.int64)
        spend = _scatter(o_at, live(np.array(o_spend, dtype=np.float64), o_live).astype(np.int64), n, 0, np.int64)
        satisfaction = np.full(n, np.nan)
        satisfaction[a_at] = live(_satisfaction(a_satisfaction), a_live)
        self.satisfaction = satisfaction

        referrer_ids = np.array([r if r is not None else -1 for r in referrer], dtype=np.int64)
        referred = referrer_ids >= 0
        r_at, r_live = positions(referrer_ids[referred])
        r_at = r_at[r_live]
        bought = (order_count[referred] > 0)[r_live]

        def per_referrer(weights) -> np.ndarray:
            return np.bincount(r_at, weights=weights, minlength=n)[:n].round().astype(np.int64)

        scores: dict = {}
        influence = np.empty(n, dtype=np.int64)
        for i, key in enumerate(zip(kind, followers, engagement, relevant, rank)):
            score = scores.get(key)
            if score is None:
                score = scores[key] = influence_score(InfluenceFacts(
                    kind=key[0], followers=key[1], engagement=key[2], relevant=bool(key[3]),
                    reputation_rank=key[4]))
            influence[i] = score

        self.facts = bulk.StudioFacts(
            order_count=order_count, spend=spend,
            first_order=_scatter(o_at, live(_days(o_first), o_live), n, bulk.NO_DAY, np.int64),
            last_order=_scatter(o_at, live(_days(o_last), o_live), n, bulk.NO_DAY, np.int64),
            last_activity=_scatter(a_at, live(_days(a_last), a_live), n, bulk.NO_DAY, np.int64),
            lost_on=_days(lost_on),
            manual_stage=_codes(manual, _MANUAL, bulk.MANUAL_OTHER), manual_on=_days(manual_on),
            referred_with_orders=per_referrer(bought.astype(np.float64)),
            referrals=per_referrer(np.ones(r_at.size)),
            referral_spend=per_referrer(spend[referred][r_live].astype(np.float64)),
            enterprise=np.array([k == "enterprise" for k in kind], dtype=bool),
            annual_contract=np.array([bool(c) for c in contract], dtype=bool), influence=influence,
            orders_last_year=_scatter(o_at, live(np.array([r or 0 for r in o_recent], dtype=np.int64), o_live),
                                      n, 0, np.int64),
            initiated_last_year=_scatter(a_at, live(np.array([i or 0 for i in a_initiated], dtype=np.int64),
                                                    a_live), n, 0, np.int64),
            pin=_codes(pin, {key: i for i, key in enumerate(_CLASS_KEYS)}))
        self.manual_text = manual
        (s_stage, s_tier, s_class, s_quadrant, s_influence, s_frequency, s_satisfaction, s_count, s_spend,
         s_first, s_last, s_activity, s_historical, s_projected, s_referral, s_total) = stored
        ints = lambda values: np.array([v or 0 for v in values], dtype=np.int64)  # noqa: E731
        self.stored = [
            _codes(s_stage, bulk.STAGE_CODES), ints(s_tier), _codes(s_class, bulk.CLASS_CODES),
            _codes(s_quadrant, bulk.QUADRANT_CODES), ints(s_influence), ints(s_frequency),
            np.array([np.nan if v is None else v for v in s_satisfaction], dtype=np.float64), ints(s_count),
            ints(s_spend), _days(s_first), _days(s_last), _days(s_activity), ints(s_historical),
            ints(s_projected), ints(s_referral), ints(s_total)]
        self.stored_stage_text = s_stage
        self.threshold = bulk.key_threshold(spend, policy)
        derived = bulk.derive_studio(self.facts, day_number(as_of), self.threshold, policy)
        f = self.facts
        self.derived = [derived.stage, derived.tier, derived.client_class, derived.quadrant, f.influence,
                        derived.frequency, satisfaction, f.order_count, f.spend, f.first_order, f.last_order,
                        f.last_activity, f.spend, derived.ltv_projected, f.referral_spend, derived.ltv_total]

    def stage_moves(self) -> list[tuple]:
        """(client id, stored stage, new stage, reason) of every client whose stage moves, the
        reason in words from the per-client rules. Should the two sets of rules ever disagree,
        the per-client outcome is kept, and logged."""
        moves = []
        stage = self.derived[0]
        for i in np.flatnonzero(stage != self.stored[0]).tolist():
            verdict = self.stage_verdict(i)
            new = verdict.stage.value
            if bulk.STAGE_CODES[new] != stage[i]:
                log.error("client %s: the studio-wide rules give %s, the per-client rules %s; keeping %s",
                          int(self.ids[i]), _STAGE_KEYS[stage[i]], new, new)
                stage[i] = bulk.STAGE_CODES[new]
            old = self.stored_stage_text[i]
            if new != old:
                moves.append((int(self.ids[i]), old, new, verdict.reason))
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

    def stage_verdict(self, i: int):
        """The per-client rule's verdict (with its reason in words) for client i."""
        f = self.facts

        def day(value):
            return None if value == bulk.NO_DAY else EPOCH + timedelta(days=int(value))

        return derive_stage(StageFacts(
            order_count=int(f.order_count[i]), last_order_on=day(f.last_order[i]),
            last_activity_on=day(f.last_activity[i]), referred_with_orders=int(f.referred_with_orders[i]),
            lost_on=day(f.lost_on[i]), lost_reason=self.lost_reason[i], manual_stage=self.manual_text[i],
            manual_stage_on=day(f.manual_on[i])), self.as_of, self.policy)
