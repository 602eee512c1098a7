import pytest

from lifecrm_gui.domain.classes import CLASS_ORDER, ClassFacts, classify, key_threshold
from lifecrm_gui.domain.policy import Policy


class TestKeyThreshold:
    def test_no_paying_clients(self):
        assert key_threshold([]) is None

    def test_single_client_is_the_top(self):
        assert key_threshold([500]) == 500

    @pytest.mark.parametrize("count, rank", [(5, 1), (6, 2), (10, 2), (11, 3), (15, 3), (16, 4), (100, 20)])
    def test_top_twenty_percent_rounded_up(self, count, rank):
        spends = list(range(count * 1000, 0, -1000))
        assert key_threshold(spends) == spends[rank - 1]

    def test_ties_at_the_threshold_are_all_key(self):
        spends = [9000, 7000, 7000, 7000, 5000, 4000, 3000, 2000, 1000, 500]
        threshold = key_threshold(spends)
        assert threshold == 7000
        key = [s for s in spends if classify(ClassFacts(spend=s), threshold)[0] == "key"]
        assert key == [9000, 7000, 7000, 7000]

    def test_custom_share(self):
        spends = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]
        assert key_threshold(spends, Policy(key_top_percent=50)) == 6
        assert key_threshold(spends, Policy(key_top_percent=100)) == 1
        assert key_threshold(spends, Policy(key_top_percent=1)) == 10


class TestClassify:
    THRESHOLD = 1_000_000

    def cls(self, threshold=THRESHOLD, policy=Policy(), **facts):
        return classify(ClassFacts(**facts), threshold, policy)[0]

    def reason(self, threshold=THRESHOLD, **facts):
        return classify(ClassFacts(**facts), threshold)[1]

    def test_nothing_special_is_general(self):
        assert self.cls(spend=50_000, tier=0) == "general"
        assert self.reason(spend=50_000).code == "class_general"

    @pytest.mark.parametrize("pinned", CLASS_ORDER)
    def test_pin_wins(self, pinned):
        name, reason = classify(ClassFacts(spend=5_000_000, tier=6, kind="enterprise", annual_contract=True,
                                           orders_last_year=9, influence=100, referrals=5), self.THRESHOLD)
        pinned_name, pinned_reason = classify(
            ClassFacts(spend=5_000_000, tier=6, kind="enterprise", annual_contract=True,
                       orders_last_year=9, influence=100, referrals=5, pinned=pinned), self.THRESHOLD)
        assert name == "key"
        assert pinned_name == pinned
        assert pinned_reason.code == "class_pinned"

    def test_pin_on_an_ordinary_client(self):
        assert self.cls(pinned="key") == "key"

    def test_unknown_pin_is_ignored(self):
        assert self.cls(pinned="vip") == "general"

    def test_top_share_at_the_threshold_is_key(self):
        assert self.cls(spend=self.THRESHOLD) == "key"
        reason = self.reason(spend=self.THRESHOLD)
        assert reason.code == "class_top"
        assert reason.params == {"percent": 20, "threshold": self.THRESHOLD}

    def test_just_below_the_threshold_is_not_key(self):
        assert self.cls(spend=self.THRESHOLD - 1) == "general"

    def test_no_threshold_means_no_top_share(self):
        assert self.cls(threshold=None, spend=10**9) == "general"

    def test_zero_spend_is_never_top_share(self):
        assert self.cls(threshold=0, spend=0) != "key"

    @pytest.mark.parametrize("tier, expected", [(3, "general"), (4, "key"), (5, "key"), (6, "key")])
    def test_five_stars_and_above_are_key(self, tier, expected):
        assert self.cls(threshold=None, tier=tier) == expected

    def test_tier_reason(self):
        assert self.reason(threshold=None, tier=4).code == "class_tier"

    def test_custom_key_tier(self):
        assert self.cls(threshold=None, tier=4, policy=Policy(key_tier=5)) == "general"
        assert self.cls(threshold=None, tier=5, policy=Policy(key_tier=5)) == "key"

    def test_enterprise_with_annual_contract_is_cooperative(self):
        assert self.cls(kind="enterprise", annual_contract=True) == "cooperative"
        assert self.reason(kind="enterprise", annual_contract=True).code == "class_contract"

    def test_enterprise_without_contract_is_not_cooperative(self):
        assert self.cls(kind="enterprise", orders_last_year=1) == "general"

    def test_individual_with_contract_flag_is_not_cooperative_by_contract(self):
        assert self.cls(kind="individual", annual_contract=True) == "general"

    @pytest.mark.parametrize("orders, expected", [(0, "general"), (1, "general"), (2, "cooperative"),
                                                  (7, "cooperative")])
    def test_two_orders_last_year_is_cooperative(self, orders, expected):
        assert self.cls(orders_last_year=orders) == expected

    def test_frequent_reason_counts_orders(self):
        reason = self.reason(orders_last_year=3)
        assert (reason.code, reason.params) == ("class_frequent", {"orders": 3})

    def test_custom_cooperative_frequency(self):
        assert self.cls(orders_last_year=2, policy=Policy(cooperative_orders_per_year=3)) == "general"

    @pytest.mark.parametrize("influence, expected", [(59, "general"), (60, "potential"), (100, "potential")])
    def test_high_influence_is_potential(self, influence, expected):
        assert self.cls(influence=influence) == expected

    def test_influence_reason(self):
        reason = self.reason(influence=75)
        assert (reason.code, reason.params) == ("class_influence", {"score": 75, "high": 60})

    def test_custom_influence_bar(self):
        assert self.cls(influence=60, policy=Policy(influence_high=80)) == "general"

    def test_a_referral_is_potential(self):
        assert self.cls(referrals=1) == "potential"
        assert self.reason(referrals=2).params == {"count": 2}

    @pytest.mark.parametrize("projected, expected", [(999_999, "general"), (1_000_000, "potential")])
    def test_projected_value_at_the_key_threshold_is_potential(self, projected, expected):
        assert self.cls(spend=200_000, projected_value=projected) == expected

    def test_projected_reason(self):
        reason = self.reason(projected_value=2_000_000)
        assert reason.code == "class_projected"
        assert reason.params == {"value": 2_000_000, "threshold": self.THRESHOLD}

    def test_projected_value_needs_a_threshold(self):
        assert self.cls(threshold=None, projected_value=10**9) == "general"

    def test_key_outranks_cooperative(self):
        assert self.cls(tier=4, kind="enterprise", annual_contract=True, orders_last_year=5) == "key"

    def test_cooperative_outranks_potential(self):
        assert self.cls(orders_last_year=2, influence=95, referrals=3,
                        projected_value=5_000_000) == "cooperative"

    def test_contract_reason_outranks_frequency_reason(self):
        assert self.reason(kind="enterprise", annual_contract=True, orders_last_year=4).code == "class_contract"

    def test_influence_reason_outranks_referrals(self):
        assert self.reason(influence=60, referrals=3).code == "class_influence"

    def test_top_share_reason_reads_well(self):
        text = self.reason(spend=2_000_000).text("en")
        assert text == "spend in the top 20% (from 10,000)"
