"""The cell key method's perturbation table: bounds, zeros, consistency, and what a value reveals."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.perturbation import CELL_KEY, EXACT, KEY_SPACE, cell_key

KEYS = st.integers(min_value=0, max_value=KEY_SPACE - 1)


@given(n=st.integers(min_value=0, max_value=10_000), key=KEYS)
def test_published_value_is_within_the_noise_bound_and_never_negative(n, key):
    p = CELL_KEY.publish(n, key)
    assert p >= 0
    assert abs(p - n) <= CELL_KEY.noise_bound == 2


@given(key=KEYS)
def test_zero_stays_zero(key):
    assert CELL_KEY.publish(0, key) == 0


@given(n=st.integers(min_value=0, max_value=10_000), key=KEYS)
def test_one_and_two_are_never_published(n, key):
    assert CELL_KEY.publish(n, key) not in (1, 2)


@given(n=st.integers(min_value=0, max_value=500), key=KEYS)
def test_the_same_cases_always_get_the_same_value(n, key):
    assert CELL_KEY.publish(n, key) == CELL_KEY.publish(n, key + KEY_SPACE)


@pytest.mark.parametrize("published", [0, 3, 4, 5, 6, 7, 8, 40])
def test_no_published_value_pins_a_count_of_one_to_four(published):
    possible = CELL_KEY.possible(published)
    assert len(possible) >= 3
    assert not (len(possible) == 1 and 1 <= possible[0] <= 4)


def test_what_a_published_value_allows_is_an_interval_containing_every_true_count_that_gives_it():
    rng = random.Random(3)
    for n in range(0, 60):
        for _ in range(400):
            p = CELL_KEY.publish(n, rng.randrange(KEY_SPACE))
            assert n in CELL_KEY.possible(p)


def test_every_row_sums_to_one_and_uses_only_its_listed_values():
    for n in range(0, 12):
        row = CELL_KEY.row(n)
        assert sum(row.values()) == pytest.approx(1.0)
        seen = {CELL_KEY.publish(n, k) for k in range(0, KEY_SPACE, KEY_SPACE // 4096)}
        assert seen == {p for p, w in row.items() if w > 0}


def test_a_cell_key_is_the_sum_of_record_keys_modulo_the_key_space():
    assert cell_key(KEY_SPACE + 5) == 5
    assert cell_key(3 * (KEY_SPACE - 1)) == (3 * (KEY_SPACE - 1)) % KEY_SPACE


def test_the_exact_method_publishes_true_counts():
    assert EXACT.noise_bound == 0
    assert [EXACT.publish(n, 12345) for n in range(8)] == list(range(8))


def test_categories_found_but_not_listed_come_in_one_order_whatever_the_query_returned():
    from db.stats_publish import categories

    assert categories(["b"], ["d", "a", "b", "c"]) == ["b", "a", "c", "d"]
    assert categories(["b"], ["c", "d", "a"]) == categories(["b"], ["a", "c", "d"])
    assert categories([1, 2], [10, 9, "x"]) == [1, 2, 9, 10, "x"]
