"""Re-assessments and answers at close in the statistics: counted per release, published with the
cell key method, and frozen between release days, also for the dashboards' own tables."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from db import stats
from db.case_closing import close_case
from db.case_queries import get_case
from db.case_reassessment import reassess
from db.case_updates import reopen_case
from db.cases import create_case
from db.model_outcomes import outcomes
from model.access import Role
from model.case import CaseFacts
from model.closing import Closing
from model.errors import AccessDenied
from model.perturbation import CELL_KEY
from model.published import TOTAL
from model.reassessment import Reassessment
from model.release import Release
from model.stats_filter import StatsFilter
from tests.conftest import scope_of
from tests.unit.case_helpers import NSJ, draft, release_long_ago

LEADER = scope_of(41, "projektleder@example.com", (Role.PROJECT_LEADER, None))
TODAY = date.today()
MONTH = (TODAY - timedelta(days=200)).replace(day=1)  # released today, with its cutoff passed
NOW = Release.on_day(TODAY)
LEVEL_2 = CaseFacts("16_17", "partly_nude", platforms=("snapchat",))
WORSE = CaseFacts("16_17", "nude", face_recognisable=True, platforms=("snapchat", "tiktok"))
ALL = StatsFilter()


def value(frame, **where) -> int:
    mask = True
    for name, wanted in where.items():
        mask = mask & (frame[name].astype(object) == wanted)
    [found] = frame.loc[mask, "n"].tolist()
    return int(found)


def near(published: int, true: int) -> bool:
    return abs(published - true) <= CELL_KEY.noise_bound


@pytest.fixture
def history(fresh_db) -> list[str]:
    """Twelve level-2 cases of MONTH: ten re-assessed to level 3, seven of those closed."""
    codes = []
    for i in range(12):
        code = create_case(NSJ, "NSJ", draft(LEVEL_2, chosen_level=2, month=MONTH), today=TODAY).code
        if i < 10:
            v = reassess(NSJ, code, 1, Reassessment(WORSE, "2018", 3), today=TODAY)
            if i < 7:
                close_case(NSJ, code, v, Closing("too_low", "better", confirm_open_musts=True),
                           today=TODAY)
        codes.append(code)
    release_long_ago(MONTH)
    return codes


def test_reassessments_and_answers_are_counted_and_perturbed_consistently(history):
    t = outcomes(LEADER, ALL, NOW)
    moves = value(t["moves:2018"], from_level=2, to_level=3)
    assert near(moves, 10)
    assert value(t["direction:2018"], direction="raised") == moves  # the same re-assessments
    assert value(t["direction:2018"], direction="lowered") == 0
    assert near(value(t["reassessed"], version="2018", reassessed="ja"), 10)
    fit = value(t["fit:2018"], level=3, level_fit="too_low")
    assert near(fit, 7)
    assert value(t["situation:2018"], level=3, situation="better") == fit  # the same closes
    assert value(t["fit:2018"], level=TOTAL, level_fit=TOTAL) == fit


def test_nothing_after_triage_is_counted_before_its_release(history):
    early = Release.on_day(MONTH + timedelta(days=3))  # MONTH is not released yet
    t = outcomes(LEADER, ALL, early)
    assert "moves:2018" not in t and "fit:2018" not in t
    assert value(t["reassessed"], version=TOTAL, reassessed=TOTAL) == 0


def test_a_reassessment_or_close_after_the_release_changes_no_released_figure(history):
    before = stats.dashboard(LEADER, ALL, on=TODAY).national
    outcomes_before = outcomes(LEADER, ALL, NOW)
    open_case = history[-1]
    threatened = replace(WORSE, threats=True, spread="public", platforms=("discord",))
    reassess(NSJ, open_case, 1, Reassessment(threatened, "2018", 4), today=TODAY)
    closed = history[0]
    v = reopen_case(NSJ, closed, get_case(NSJ, closed).row_version)
    reassess(NSJ, closed, v, Reassessment(LEVEL_2, "2018", 2), today=TODAY)
    assert get_case(NSJ, open_case).chosen_level == 4  # the case itself has moved ...
    after = stats.dashboard(LEADER, ALL, on=TODAY).national
    for name, frame in before.items():  # ... the released figures have not
        assert frame.equals(after[name]), name
    for name, frame in outcomes_before.items():
        assert frame.equals(outcomes(LEADER, ALL, NOW)[name]), name


def test_only_project_leaders_see_these_figures(history):
    with pytest.raises(AccessDenied):
        outcomes(NSJ, ALL, NOW)
