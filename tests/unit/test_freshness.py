"""The refresh timer's setting: on by default, off with 0, never a crash on a bad value."""

from __future__ import annotations

from datetime import timedelta

import pytest

from pages.components.freshness import DEFAULT_SECONDS, ENV, interval


@pytest.mark.parametrize(("value", "expected"), [
    (None, timedelta(seconds=DEFAULT_SECONDS)),
    ("2", timedelta(seconds=2)),
    ("0.5", timedelta(seconds=0.5)),
    ("0", None),
    ("", None),
    ("-3", None),
    ("tre", timedelta(seconds=DEFAULT_SECONDS)),
])
def test_the_interval_comes_from_the_environment(monkeypatch, value, expected):
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    assert interval() == expected
