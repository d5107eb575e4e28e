"""The disclosure audit: it finds nothing in what the pages publish, and it does find real leaks."""

from __future__ import annotations

import random
from datetime import date

import pytest

from db.synthetic import GENERATOR, generate
from model.perturbation import CELL_KEY, EXACT
from model.stats_filter import StatsFilter
from scripts import audit_disclosure as audit
from tools.disclosure_audit import Attack, Part, View, true_values


@pytest.fixture
def data(fresh_db):
    generate(GENERATOR, 700, seed=4, first_month=audit.FIRST, months=audit.MONTHS)
    return fresh_db


def test_no_count_of_one_to_four_follows_from_nested_pairs_of_published_views(data):
    rng = random.Random(5)
    checked = 0
    for i in range(12):
        viewer, a, b, d_zero, b_zero = audit.random_pair(rng)
        targets, disclosed, _ = audit.attack_pair(viewer, a, b, d_zero, b_zero, audit.LOOK, seed=i)
        assert disclosed == [], (viewer, a, b)
        checked += targets
    assert checked > 100  # the small data set has many counts of 1-4 to attack


@pytest.mark.parametrize("viewer", ["leader", "contact:BOR"])
def test_no_count_of_one_to_four_follows_from_the_same_view_before_and_after_a_release(data, viewer):
    flt = StatsFilter(audit.FIRST, date(2025, 12, 1))
    targets, disclosed, _ = audit.attack_dates(viewer, flt, date(2024, 7, 14), date(2024, 7, 15))
    assert targets > 0 and disclosed == []


def test_the_audit_catches_plain_publication_of_true_counts(data):
    a = StatsFilter(date(2024, 3, 1), date(2024, 4, 1), levels=(4,))
    b = StatsFilter(date(2024, 3, 1), date(2024, 3, 1), levels=(4,))
    _, disclosed, _ = audit.attack_pair("leader", a, b, audit._zero_outside("month", {"2024-04"}),
                                        audit._zero_outside("month", {"2024-03"}), audit.LOOK, EXACT)
    assert disclosed  # exact small counts are disclosed outright


def test_the_audit_catches_a_contact_subtracting_their_own_district_from_exact_figures(data):
    flt = StatsFilter(date(2024, 3, 1), date(2024, 3, 1))
    pub, true, own = audit.docs("contact:KBH", flt, audit.LOOK, EXACT)
    version = "2018"
    whole, mine = true_values(pub, true, version), true_values(own, own, version)
    others = {k: v - mine.get(k, 0) for k, v in whole.items()}
    parts = [Part("own", mine, known=True), Part("others", others)]
    result = Attack([View(pub, true, ["own", "others"])], parts, EXACT, version).run()
    assert result.disclosed


def table(name: str, rows: list[str], cells: list, total) -> dict:
    return {"name": name, "title": name, "rows": rows, "cols": ["n"], "cells": [[c] for c in cells],
            "row_totals": None, "col_totals": None, "total": total, "exact_sums": True}


def test_the_audit_catches_suppression_undone_by_differencing():
    """All districts with the Faroe Islands hidden, and all but the Faroe Islands: their 3 follows."""
    a = {"tables": [table("by_district", ["FAR", "BOR", "KBH"], [None, 40, 100], 143)]}
    a_true = {"tables": [table("by_district", ["FAR", "BOR", "KBH"], [3, 40, 100], 143)]}
    b = {"tables": [table("by_district", ["BOR", "KBH"], [40, 100], 140)]}
    va, vb = true_values(a, a_true, ""), true_values(b, b, "")
    parts = [Part("B", vb, audit._zero_outside("district", {"BOR", "KBH"})),
             Part("D", {k: v - vb.get(k, 0) for k, v in va.items()},
                  audit._zero_outside("district", {"FAR"}))]
    result = Attack([View(a, a_true, ["B", "D"]), View(b, b, ["B"])], parts, EXACT, "").run()
    assert any("FAR" in d for d in result.disclosed)


def test_the_same_suppressed_pair_perturbed_is_safe():
    a = {"tables": [table("by_district", ["FAR", "BOR", "KBH"], [3, 40, 100], 143)]}
    a_true = {"tables": [table("by_district", ["FAR", "BOR", "KBH"], [3, 40, 100], 143)]}
    b = {"tables": [table("by_district", ["BOR", "KBH"], [40, 100], 141)]}
    b_true = {"tables": [table("by_district", ["BOR", "KBH"], [40, 100], 140)]}
    va, vb = true_values(a, a_true, ""), true_values(b, b_true, "")
    parts = [Part("B", vb, audit._zero_outside("district", {"BOR", "KBH"})),
             Part("D", {k: v - vb.get(k, 0) for k, v in va.items()},
                  audit._zero_outside("district", {"FAR"}))]
    result = Attack([View(a, a_true, ["B", "D"]), View(b, b_true, ["B"])], parts, CELL_KEY, "").run()
    assert result.targets >= 2 and result.disclosed == []
