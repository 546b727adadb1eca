"""Distances, bearings and buffers on the Earth, shared by every stage.

One mean Earth radius (IUGG, 6371.0088 km) and one great-circle formula:
the haversine, its argument clamped to 1 before ``asin`` so that rounding on
antipodal points never raises a domain error.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import shapely  # type: ignore[import-untyped]

EARTH_KM = 6371.0088
KM_PER_DEGREE = 111.0  # of latitude, and of longitude at the equator
_METRES_PER_DEGREE = 111_320.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two points in degrees."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlat, dlon = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dlat / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dlon / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def distances_km(
    lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64], lat: float, lon: float
) -> npt.NDArray[np.float64]:
    """:func:`distance_km` from many points (arrays in degrees) to one point."""
    import numpy as np

    p2 = math.radians(lat)
    h = (
        np.sin((p2 - np.radians(lats)) / 2) ** 2
        + np.cos(np.radians(lats))
        * math.cos(p2)
        * np.sin(np.radians(lon - lons) / 2) ** 2
    )
    km: npt.NDArray[np.float64] = 2 * EARTH_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return km


def equirectangular_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """A flat-Earth distance: within a fraction of a percent of
    :func:`distance_km` below a few hundred kilometres, and cheaper."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return EARTH_KM * math.hypot(x, y)


def equirectangular_kms(
    lats: npt.NDArray[np.float64], lons: npt.NDArray[np.float64], lat: float, lon: float
) -> npt.NDArray[np.float64]:
    """:func:`equirectangular_km` from one point to each of many."""
    import numpy as np

    x = np.radians(lons - lon) * np.cos(np.radians((lats + lat) / 2))
    km: npt.NDArray[np.float64] = EARTH_KM * np.hypot(x, np.radians(lats - lat))
    return km


def initial_bearing(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Degrees from point 1 to point 2, 0 north, clockwise."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dlon = math.radians(lon2 - lon1)
    x = math.sin(dlon) * math.cos(p2)
    y = math.cos(p1) * math.sin(p2) - math.sin(p1) * math.cos(p2) * math.cos(dlon)
    return math.degrees(math.atan2(x, y)) % 360.0


def box_around(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """(south, north, west, east) of a box that holds every point within
    ``km`` of a point: a cheap filter before :func:`distance_km`. A degree of
    longitude shrinks with the cosine of the latitude, taken at the box's
    poleward edge (89 degrees at most)."""
    band = km / KM_PER_DEGREE
    shrink = math.cos(math.radians(min(abs(lat) + band, 89.0)))
    lon_band = band / shrink if shrink > 0.01 else 360.0
    return lat - band, lat + band, lon - lon_band, lon + lon_band


def within_km(lat1: float, lon1: float, lat2: float, lon2: float, km: float) -> bool:
    """Whether point 2 lies in the buffer of ``km`` around point 1."""
    return distance_km(lat1, lon1, lat2, lon2) <= km


def buffer_polygon(lon: float, lat: float, buffer_m: float) -> shapely.Geometry:
    """A circle of ``buffer_m`` metres around a point, in degrees (an ellipse);
    the bare point when the buffer is not positive."""
    import numpy as np
    import shapely

    if buffer_m <= 0:
        return shapely.points(lon, lat)
    dlat = buffer_m / _METRES_PER_DEGREE
    dlon = dlat / max(math.cos(math.radians(lat)), 0.01)
    angles = np.linspace(0.0, 2 * math.pi, 65)
    ring = np.column_stack([lon + dlon * np.cos(angles), lat + dlat * np.sin(angles)])
    return shapely.polygons(ring)
