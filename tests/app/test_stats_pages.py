"""The statistics pages in AppTest, per role: what each shows and what it never shows."""

from __future__ import annotations

import json
import re
from datetime import date

import pandas as pd
import pyarrow as pa
import pytest
from streamlit.testing.v1 import AppTest

from db.published import published, viewer_scope
from db.synthetic import GENERATOR, generate
from model.access import Role
from model.published import TABLES, TOTAL
from model.stats_filter import StatsFilter
from pages.components.stats_sections import CHART_TOOLBAR_CSS, SECTION_KEY
from tests.app.helpers import claims_for, run_page
from tests.conftest import ROOT

LEADER = "leder@example.com"
CONTACT = "kontakt@example.com"
ORGANISER = "kursus@example.com"


@pytest.fixture
def data(member):
    """400 cases over 2024, many of them in small cells; Bornholm has only a handful."""
    generate(GENERATOR, 400, seed=11, first_month=date(2024, 1, 1), months=12)
    member(LEADER, (Role.PROJECT_LEADER, None))
    member(CONTACT, (Role.DISTRICT_CONTACT, "BOR"))
    member(ORGANISER, (Role.COURSE_ORGANISER, "BOR"))


def number(text: object) -> int | None:
    """A count as the page shows it ("1.234" -> 1234); None for labels and the mark."""
    if isinstance(text, str) and re.fullmatch(r"\d{1,3}(\.\d{3})*", text):
        return int(text.replace(".", ""))
    return None


def counts(frame: pd.DataFrame) -> list[int]:
    return [n for col in frame.columns[1:] for v in frame[col] if (n := number(v)) is not None]


def chart_data(at) -> list[pd.DataFrame]:
    frames = []
    for chart in at.get("vega_lite_chart"):
        frames += [pa.ipc.open_stream(d.data.data).read_pandas() for d in chart.proto.datasets]
        spec = json.loads(chart.proto.spec)
        frames += [pd.DataFrame(v) for v in spec.get("datasets", {}).values()]
    return frames


def small(values) -> list[int]:
    """Values a perturbed table never shows (1 and 2)."""
    return [v for v in values if v is not None and not pd.isna(v) and 1 <= v <= 2]


def captions(at) -> str:
    return " ".join(c.value for c in at.caption)


def open_section(at, label: str):
    """The page with section `label` open (only the open section is drawn)."""
    at.session_state[SECTION_KEY] = label
    return at.run()


def every_section(at) -> tuple[list[pd.DataFrame], list[pd.DataFrame], list[str]]:
    """The tables, chart data and download labels of all sections, each opened in turn."""
    tables, charts, downloads = [], [], []
    for tab in [t.label for t in at.tabs]:
        open_section(at, tab)
        assert not at.exception
        tables += [d.value for d in at.dataframe]
        charts += chart_data(at)
        downloads += [b.proto.label for b in at.get("download_button")]
    return tables, charts, downloads


def test_project_leader_sees_adjusted_nationwide_figures_and_is_told_so(data):
    at = run_page("pages/national_stats.py", claims_for(LEADER))
    assert not at.exception
    assert at.title[0].value == "Landstal"
    assert "let justeret (højst ±2)" in captions(at) and "frigivet" in captions(at)
    tables, charts, labels = every_section(at)
    assert len(tables) == 8
    shown = [v for d in tables for v in counts(d)]
    assert shown and not small(shown)
    for frame in charts:
        if "n" in frame:
            assert not small(frame["n"].tolist())
    assert {label.split(" **")[0] for label in labels} == {"CSV", "Excel", "PNG", "SVG"}
    assert len(set(labels)) == len(labels)  # each names its table for screen readers


def test_only_the_open_section_is_drawn_and_the_url_names_it(data):
    at = run_page("pages/national_stats.py", claims_for(LEADER))
    assert at.tabs[0].label == "Over tid"
    assert [d.value.columns[0] for d in at.dataframe] == ["Måned"]  # by month only
    linked = AppTest.from_file(str(ROOT / "pages/national_stats.py"), default_timeout=30)
    linked.user = claims_for(LEADER)
    linked.query_params[SECTION_KEY] = "Politikredse"  # a link to the section, or a reload
    linked.run()
    assert [d.value.columns[0] for d in linked.dataframe] == ["Politikreds"]


def test_the_page_shows_exactly_what_db_published_prints(data):
    at = open_section(run_page("pages/national_stats.py", claims_for(LEADER)), "Politikredse")
    page = at.dataframe[0].value.set_index("Politikreds")["Antal"].map(number)
    flt = StatsFilter(date(2024, 1, 1), date(2024, 12, 1))
    doc = published(viewer_scope("leader")[0], None, flt)
    table = next(t for t in doc["tables"] if t["name"] == "by_district")
    assert [page.iloc[i] for i in range(len(table["rows"]))] == [c[0] for c in table["cells"]]
    assert page[TOTAL] == table["total"]


def test_statistics_pages_hide_streamlits_own_chart_toolbar(data):
    at = run_page("pages/national_stats.py", claims_for(LEADER))
    assert any(CHART_TOOLBAR_CSS in h.proto.body for h in at.get("html"))


def test_project_leader_sees_calibration_per_model_version(data):
    at = run_page("pages/calibration.py", claims_for(LEADER))
    assert not at.exception
    assert [h.value for h in at.header] == ["Modelversion 2018", TABLES["by_version"].title]
    assert at.subheader[0].value == TABLES["calibration"].title  # h3 under the version
    first = at.dataframe[0].value
    assert list(first.columns) == ["Foreslået niveau", "Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4",
                                   TOTAL]
    assert not small([v for d in at.dataframe for v in counts(d.value)])


def test_district_contact_sees_own_district_exact_beside_the_adjusted_country(data):
    at = run_page("pages/district_stats.py", claims_for(CONTACT))
    assert not at.exception
    assert "Bornholms Politi" in at.title[0].value
    frames, _, _ = every_section(at)
    own, national = frames[0:12:2], frames[1:12:2]
    assert any(small(counts(f)) for f in own)  # Bornholm's own small counts are there, exact
    assert not any(small(counts(f)) for f in national)
    assert "præcise og løbende opdateret" in captions(at)
    doc = published(*viewer_scope("contact:BOR"), StatsFilter(date(2024, 1, 1), date(2024, 12, 1)))
    own_months = next(t for t in doc["tables"] if t["name"] == "own:by_month")
    assert own_months["exact_sums"] and own_months["total"] == counts(own[0])[-1]


def test_district_contact_sees_other_districts_only_adjusted(data):
    at = open_section(run_page("pages/district_stats.py", claims_for(CONTACT)), "Politikredse")
    by_district = at.dataframe[-1].value
    others = by_district[~by_district["Politikreds"].isin([TOTAL])]
    assert not small(number(v) for v in others["Antal"])
    for frame in chart_data(at):
        if "name" in frame and "n" in frame:  # the district tile map
            assert not small(frame["n"].dropna().tolist())


@pytest.mark.parametrize("page", ["pages/national_stats.py", "pages/calibration.py"])
def test_district_contact_cannot_open_the_project_leaders_pages(data, page):
    at = run_page(page, claims_for(CONTACT))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]
    assert not at.dataframe


@pytest.mark.parametrize("page", ["pages/national_stats.py", "pages/district_stats.py",
                                  "pages/calibration.py"])
def test_course_organiser_sees_no_statistics(data, page):
    at = run_page(page, claims_for(ORGANISER))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]
    assert not at.dataframe


def test_project_leader_cannot_open_the_district_page(data):
    at = run_page("pages/district_stats.py", claims_for(LEADER))
    assert [e.value for e in at.error] == ["Du har ikke adgang til denne side."]


def test_an_impossible_period_is_explained_and_nothing_is_shown(data):
    at = run_page("pages/national_stats.py", claims_for(LEADER))
    at.selectbox(key="national-from").set_value(date(2024, 12, 1))
    at.selectbox(key="national-to").set_value(date(2024, 2, 1)).run()
    assert "Perioden skal begynde før den slutter" in at.error[0].value
    assert not at.dataframe


def test_filtering_by_district_narrows_the_nationwide_tables(data):
    at = run_page("pages/national_stats.py", claims_for(LEADER))
    at.multiselect(key="national-districts").set_value(["KBH", "OJY"]).run()
    assert not at.exception
    by_district = open_section(at, "Politikredse").dataframe[0].value
    assert list(by_district["Politikreds"]) == ["Østjyllands Politi", "Københavns Politi", TOTAL]
