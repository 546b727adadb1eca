"""One great-circle distance, bearing and buffer for every stage."""

import math

import pytest

from foglift.geography import (
    EARTH_KM,
    box_around,
    buffer_polygon,
    distance_km,
    distances_km,
    equirectangular_km,
    initial_bearing,
    within_km,
)


def test_a_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(48.0, 37.0, 49.0, 37.0) == pytest.approx(111.2, abs=0.1)
    assert distance_km(48.0, 37.0, 48.0, 37.0) == 0.0


def test_antipodes_do_not_fail_on_rounding() -> None:
    # without the clamp, rounding can push the haversine argument past 1
    assert distance_km(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_KM)
    assert distance_km(45.0, 10.0, -45.0, -170.0) == pytest.approx(math.pi * EARTH_KM)


def test_many_distances_agree_with_one() -> None:
    import numpy as np

    lats, lons = np.array([48.5, 50.45, -33.9]), np.array([37.9, 30.52, 151.2])
    many = distances_km(lats, lons, 48.0, 37.5)
    for lat, lon, km in zip(lats, lons, many, strict=True):
        assert km == pytest.approx(distance_km(lat, lon, 48.0, 37.5), rel=1e-9)


def test_equirectangular_is_close_at_short_range() -> None:
    exact = distance_km(48.0, 37.0, 48.5, 37.8)
    assert equirectangular_km(48.0, 37.0, 48.5, 37.8) == pytest.approx(exact, rel=1e-3)


def test_bearings_follow_the_compass() -> None:
    assert initial_bearing(48.0, 37.0, 49.0, 37.0) == pytest.approx(0.0)
    assert initial_bearing(48.0, 37.0, 48.0, 38.0) == pytest.approx(90.0, abs=0.5)
    assert initial_bearing(48.0, 37.0, 47.0, 37.0) == pytest.approx(180.0)
    assert initial_bearing(48.0, 37.0, 48.0, 36.0) == pytest.approx(270.0, abs=0.5)


def test_a_buffer_holds_what_is_within_its_radius() -> None:
    import shapely

    area = buffer_polygon(37.5, 48.0, 5000)
    north_4km = 48.0 + 4.0 / 111.32
    north_6km = 48.0 + 6.0 / 111.32
    assert shapely.contains_xy(area, 37.5, north_4km)
    assert not shapely.contains_xy(area, 37.5, north_6km)
    assert within_km(48.0, 37.5, north_4km, 37.5, 5.0)
    assert not within_km(48.0, 37.5, north_6km, 37.5, 5.0)
    assert shapely.get_type_id(buffer_polygon(37.5, 48.0, 0)) == 0  # a point


def test_a_box_holds_its_circle() -> None:
    south, north, west, east = box_around(48.0, 37.5, 50.0)
    for bearing in range(0, 360, 15):
        rad = math.radians(bearing)
        lat = 48.0 + 49.0 / 111.2 * math.cos(rad)
        lon = 37.5 + 49.0 / (111.2 * math.cos(math.radians(48.0))) * math.sin(rad)
        assert distance_km(48.0, 37.5, lat, lon) <= 50.0
        assert south <= lat <= north and west <= lon <= east
