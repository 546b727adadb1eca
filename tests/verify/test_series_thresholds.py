"""A series' outlier test at its edges: the MAD threshold, the window, corrections."""

from __future__ import annotations

from datetime import date, timedelta

from foglift.settings import default
from foglift.verify.series import Series, find_anomalies

START = date(2025, 1, 1)
SCALE = 1.4826  # a MAD of 1 in standard deviations


def _series(last_increment: float, days: int = 31) -> Series:
    """Daily increments alternating 10 and 12 (median 11, MAD 1), then one more."""
    total, points = 1000.0, [(START, 1000.0)]
    for i in range(1, days):
        total += 10 if i % 2 else 12
        points.append((START + timedelta(days=i), total))
    points.append((START + timedelta(days=days), total + last_increment))
    return Series("test:losses", tuple(points), "test.csv", "0" * 64)


def _outlier(z: float) -> bool:
    series = _series(11 + z * SCALE)
    return any(a.kind == "outlier_increment" for a in find_anomalies(series))


def test_an_increment_under_the_threshold_is_no_outlier() -> None:
    threshold = float(default("series_mad_threshold"))
    assert threshold == 10.0
    assert not _outlier(threshold - 0.5)
    assert not _outlier(7.0)  # a busy day, not an anomaly


def test_an_increment_over_the_threshold_is_an_outlier() -> None:
    assert _outlier(float(default("series_mad_threshold")) + 0.5)


def test_too_short_a_history_flags_nothing() -> None:
    # fewer than 14 increments in the window: no range to compare with
    series = _series(500.0, days=14)
    assert find_anomalies(series) == []
    assert any(
        a.kind == "outlier_increment" for a in find_anomalies(_series(500.0, days=15))
    )


def test_the_window_forgets_old_increments() -> None:
    window = int(default("series_window_days"))
    series = _series(11 + 20 * SCALE, days=window + 40)
    assert find_anomalies(series, window_days=window)
    # a window shorter than 14 days never has enough history
    assert find_anomalies(series, window_days=10) == []


def test_a_correction_explains_a_fall_only_within_its_days() -> None:
    points = [(START + timedelta(days=i), 100.0 + i) for i in range(5)]
    points.append((START + timedelta(days=5), 90.0))
    tolerance = int(default("series_correction_days"))
    fall = START + timedelta(days=5)

    def corrected(days_after: int) -> Series:
        when = fall + timedelta(days=days_after)
        return Series("s", tuple(points), "s.csv", "0" * 64, ((when, -14.0),))

    near, far = corrected(tolerance), corrected(tolerance + 1)
    assert [a.kind for a in find_anomalies(near)] == ["explained_decrease"]
    assert [a.kind for a in find_anomalies(far)] == ["unexplained_decrease"]
