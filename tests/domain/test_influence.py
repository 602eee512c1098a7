import pytest
from hypothesis import given, strategies as st

from lifecrm_gui.domain.influence import InfluenceFacts, influence_score, quadrant, quadrant_reason
from lifecrm_gui.domain.policy import Policy


def score(**facts) -> int:
    return influence_score(InfluenceFacts(**facts))


def test_unknown_reach_scores_zero():
    assert score() == 0


def test_full_marks():
    assert score(followers=100_000, engagement=1_000, relevant=True) == 100


def test_reach_and_engagement_are_capped():
    assert score(followers=10**9, engagement=10**9, relevant=True) == 100
    assert score(followers=10**9) == 60
    assert score(engagement=10**9) == 30


def test_reach_on_a_log_scale():
    assert score(followers=9) == 12
    assert score(followers=999) == 36
    assert score(followers=99_999) == 60


def test_relevance_adds_ten():
    assert score(followers=999, relevant=True) - score(followers=999) == 10


def test_negative_counts_are_read_as_zero():
    assert score(followers=-100, engagement=-5) == 0


@pytest.mark.parametrize("rank, expected", [(1, 20), (3, 60), (5, 100), (9, 100)])
def test_enterprise_reputation_rank(rank, expected):
    assert score(kind="enterprise", reputation_rank=rank) == expected


def test_enterprise_rank_counts_only_when_higher():
    own = score(kind="enterprise", followers=100_000, engagement=1_000)
    assert own == 90
    assert score(kind="enterprise", followers=100_000, engagement=1_000, reputation_rank=2) == 90
    assert score(kind="enterprise", followers=100_000, engagement=1_000, reputation_rank=5) == 100


def test_reputation_rank_ignored_for_individuals():
    assert score(kind="individual", reputation_rank=5) == 0


counts = st.integers(min_value=0, max_value=10**9)
facts = st.builds(
    InfluenceFacts,
    kind=st.sampled_from(["individual", "enterprise"]),
    followers=st.integers(min_value=-10**6, max_value=10**12),
    engagement=st.integers(min_value=-10**6, max_value=10**12),
    relevant=st.booleans(),
    reputation_rank=st.none() | st.integers(min_value=-3, max_value=10),
)


@given(facts)
def test_score_is_between_0_and_100(f):
    assert 0 <= influence_score(f) <= 100


@given(counts, counts, counts, st.booleans())
def test_monotonic_in_followers(a, b, engagement, relevant):
    low, high = sorted((a, b))
    assert score(followers=low, engagement=engagement, relevant=relevant) <= \
        score(followers=high, engagement=engagement, relevant=relevant)


@given(counts, counts, counts, st.booleans())
def test_monotonic_in_engagement(a, b, followers, relevant):
    low, high = sorted((a, b))
    assert score(followers=followers, engagement=low, relevant=relevant) <= \
        score(followers=followers, engagement=high, relevant=relevant)


@pytest.mark.parametrize("influence, frequency, expected", [
    (60, 4, "champion"),
    (100, 50, "champion"),
    (60, 3, "untapped"),
    (100, 0, "untapped"),
    (59, 4, "engaged"),
    (0, 50, "engaged"),
    (59, 3, "quiet"),
    (0, 0, "quiet"),
])
def test_quadrant_boundaries(influence, frequency, expected):
    assert quadrant(influence, frequency) == expected


def test_quadrant_custom_bars():
    policy = Policy(influence_high=80, frequency_high=6)
    assert quadrant(79, 6, policy) == "engaged"
    assert quadrant(80, 5, policy) == "untapped"
    assert quadrant(80, 6, policy) == "champion"


def test_quadrant_reason_quotes_the_numbers():
    reason = quadrant_reason(72, 3)
    assert reason.params == {"score": 72, "high": 60, "freq": 3, "fhigh": 4}
    assert reason.text("en") == "influence 72 (high from 60), 3 interactions in a year (high from 4)"
    zh = reason.text("zh")
    for number in ("72", "60", "3", "4"):
        assert number in zh
