import pytest

from lifecrm_gui.domain.referrals import ReferralCycle, check_referrer


def lookup(links: dict):
    return lambda client: links.get(client)


def test_no_referrer_is_always_fine():
    def never(_):
        raise AssertionError("no lookup needed")
    assert check_referrer(1, None, never) is None


def test_referrer_without_a_referrer():
    assert check_referrer(1, 2, lookup({})) is None


def test_chain_without_a_cycle():
    assert check_referrer(1, 2, lookup({2: 3, 3: 4, 4: 5})) is None


def test_shared_referrer_is_not_a_cycle():
    assert check_referrer(1, 3, lookup({2: 3, 3: 4})) is None


def test_self_referral_refused():
    with pytest.raises(ReferralCycle) as refused:
        check_referrer(7, 7, lookup({}))
    assert refused.value.chain == [7, 7]


def test_two_cycle_refused():
    with pytest.raises(ReferralCycle) as refused:
        check_referrer(1, 2, lookup({2: 1}))
    assert refused.value.chain == [1, 2, 1]


def test_longer_cycle_refused_with_the_chain():
    with pytest.raises(ReferralCycle) as refused:
        check_referrer(1, 2, lookup({2: 3, 3: 4, 4: 1}))
    assert refused.value.chain == [1, 2, 3, 4, 1]
    assert str(refused.value) == "referral cycle: 1 -> 2 -> 3 -> 4 -> 1"


def test_cycle_is_a_value_error():
    with pytest.raises(ValueError):
        check_referrer("a", "b", lookup({"b": "a"}))


def test_existing_loop_further_up_does_not_hang():
    with pytest.raises(ReferralCycle):
        check_referrer(1, 2, lookup({2: 3, 3: 2}))
