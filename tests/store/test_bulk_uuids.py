"""The UUIDs a bulk insert gives its rows: random version 4, in the canonical form
every other write uses, distinct, in ascending order, made either way (small and large
counts)."""

import uuid

import pytest

from lifecrm_gui.store import bulk


@pytest.mark.parametrize("count", [0, 1, 2, bulk._ARRAYS_FROM - 1, bulk._ARRAYS_FROM, 20_000])
def test_sorted_uuids_are_distinct_canonical_version_4_in_order(count):
    made = bulk.sorted_uuids(count)
    assert len(made) == count == len(set(made))
    assert made == sorted(made)
    for text in made:
        value = uuid.UUID(text)
        assert str(value) == text
        assert value.version == 4 and value.variant == uuid.RFC_4122


def test_the_array_way_spreads_its_uuids_over_the_whole_range():
    made = bulk.sorted_uuids(20_000)
    assert made[0] < "01" and made[-1] > "fe"  # random, not counting up from a base
    assert len({text[19] for text in made}) == 4  # every variant digit 8, 9, a, b occurs
