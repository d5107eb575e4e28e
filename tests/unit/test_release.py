"""The release policy: whole months after they end, late registrations at the quarterly revision."""

from __future__ import annotations

from datetime import date, datetime

from model.release import Release, first_release, last_released_month, last_revision


def test_a_month_is_released_on_the_15th_of_the_next_month():
    assert first_release(date(2024, 3, 1)) == date(2024, 4, 15)
    assert first_release(date(2024, 12, 1)) == date(2025, 1, 15)
    assert last_released_month(date(2024, 4, 14)) == date(2024, 2, 1)
    assert last_released_month(date(2024, 4, 15)) == date(2024, 3, 1)


def test_revisions_are_quarterly_on_release_days():
    assert last_revision(date(2024, 4, 14)) == date(2024, 1, 15)
    assert last_revision(date(2024, 4, 15)) == date(2024, 4, 15)
    assert last_revision(date(2024, 12, 31)) == date(2024, 10, 15)
    assert last_revision(date(2025, 1, 14)) == date(2024, 10, 15)


def test_cutoff_of_a_revised_month_is_the_revision_and_of_a_newer_month_its_first_release():
    release = Release.on_day(date(2024, 6, 1))  # revision 15 April covers up to March
    assert release.cutoff(date(2024, 1, 1)) == datetime(2024, 4, 15)
    assert release.cutoff(date(2024, 3, 1)) == datetime(2024, 4, 15)
    assert release.cutoff(date(2024, 4, 1)) == datetime(2024, 5, 15)
    assert release.cutoff(date(2024, 5, 1)) is None  # released on 15 June


def test_nothing_changes_between_two_release_days():
    a, b = Release.on_day(date(2024, 5, 15)), Release.on_day(date(2024, 6, 14))
    assert (a.last_month, a.revision, a.revised_through) == (b.last_month, b.revision, b.revised_through)
    assert a.day == b.day == date(2024, 5, 15)
