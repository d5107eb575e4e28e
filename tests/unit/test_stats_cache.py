"""What the statistics caches key on and keep: the viewer, never the login; the chart builders' own
specs, validated here once (the pages keep them unvalidated)."""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import partial

import pytest
from streamlit.testing.v1 import AppTest

from db import stats
from db.districts import district_names
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.stats_filter import StatsFilter
from pages.components import stats_cache
from pages.components import stats_views as views
from tests import conftest
from tests.conftest import scope_of

LEADER = scope_of(1, "leder@example.com", (Role.PROJECT_LEADER, None))
CONTACT = scope_of(2, "kontakt@example.com", (Role.DISTRICT_CONTACT, "BOR"))
YEAR = StatsFilter(date(2024, 1, 1), date(2024, 12, 1))
LATER = date(2025, 6, 1)
SHARED_VIEWS = [  # the blocks of both statistics pages
    views.over_time, views.by_district, views.age_gender,
    partial(views.one_way, name="platforms", dim="platform"),
    partial(views.one_way, name="takedowns", dim="outcome"),
    partial(views.share_by_level, name="police", dim="police"),
    partial(views.share_by_level, name="status", dim="status"),
]
LEADER_VIEWS = [  # Landstal's measures, Modeljustering
    partial(views.measures, version="2018"),
    partial(views.calibration, version="2018"),
    partial(views.direction, version="2018"),
    partial(views.reasons, version="2018"),
    views.by_version,
]


@pytest.fixture
def cases(fresh_db):
    generate(GENERATOR, 300, seed=7, first_month=date(2024, 1, 1), months=12)


def test_every_chart_a_page_draws_is_its_builders_valid_spec(cases):
    leader = stats.dashboard(LEADER, YEAR, on=LATER)
    contact = stats.dashboard(CONTACT, YEAR, "BOR", on=LATER)
    charts = 0
    for tables, builds in ((leader.national, SHARED_VIEWS + LEADER_VIEWS),
                           (contact.national, SHARED_VIEWS), (contact.own, SHARED_VIEWS)):
        for build in builds:
            chart = build(tables, names=district_names()).chart
            if chart is not None:
                assert stats_cache.spec(chart) == chart.to_dict()  # to_dict() validates the spec
                charts += 1
    assert charts == 7 * 3 + 4  # by_version is a table only


def test_a_cache_key_names_what_the_caller_may_see_and_not_their_login(cases):
    again = dataclasses.replace(LEADER, session=conftest.test_session(LEADER.email, issued_at=1))
    first, second = (stats_cache.figures(s, YEAR) for s in (LEADER, again))
    assert first.national == second.national
    assert "session" not in repr(first.national)  # what the caches hash (stats_cache.HASHED)
    assert repr(first.national) == repr(second.national)
    assert repr(first.national) != repr(dataclasses.replace(first.national, on=LATER))
    contact = stats_cache.figures(CONTACT, YEAR, "BOR")
    assert contact.national.viewer != first.national.viewer  # fewer tables: never the leader's
    assert contact.own is not None and contact.own.viewer.district == "BOR"


def _draw_both_ways(blocks: list) -> None:
    """Each (spec, frame, shown) as a page would draw the spec and frame, then as it draws shown."""
    import streamlit as st

    for chart_spec, frame, shown in blocks:
        for chart, table in ((chart_spec, frame), shown):
            if chart is not None:
                st.vega_lite_chart(chart, theme=None, width="stretch", alt="a")
            st.dataframe(table, hide_index=True, width="stretch")


def test_a_block_is_sent_exactly_as_streamlit_sends_its_spec_and_frame(cases):
    """The cache keeps blocks converted to Arrow once (stats_cache.shown); what reaches the
    browser must be what Streamlit itself makes of the plain spec and frame, byte for byte."""
    leader = stats.dashboard(LEADER, YEAR, on=LATER)
    blocks = []
    for build in SHARED_VIEWS + LEADER_VIEWS:
        view = build(leader.national, names=district_names())
        chart_spec = stats_cache.spec(view.chart)
        blocks.append((chart_spec, view.table, stats_cache.shown(chart_spec, view.table)))
    at = AppTest.from_function(_draw_both_ways, args=(blocks,), default_timeout=30).run()
    assert not at.exception
    charts, tables = at.get("vega_lite_chart"), at.dataframe
    assert len(charts) == 2 * 11 and len(tables) == 2 * 12
    for plain, cached in zip(charts[::2], charts[1::2], strict=True):
        assert plain.proto == cached.proto and plain.proto.datasets
    for plain, cached in zip(tables[::2], tables[1::2], strict=True):
        assert plain.proto == cached.proto
