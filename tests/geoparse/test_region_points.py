"""A region's point is a convention: Russia's oblasts at their area's centre,
Ukraine's at the settlement layer's oblast point, other divisions at the mean
of Natural Earth's label point and centroid (the news corpora's convention)."""

from __future__ import annotations

import csv

from tests.conftest import shared_path

from foglift.geography import distance_km
from foglift.geoparse.build.admin1 import _division_point
from foglift.geoparse.theatre import Span, resolve_spans


def _row(label: tuple[float, float], centroid: tuple[float, float]) -> dict[str, str]:
    return {
        "ne_lat": str(label[0]),
        "ne_lon": str(label[1]),
        "mainpoly_centroid_lat": str(centroid[0]),
        "mainpoly_centroid_lon": str(centroid[1]),
        "type_en": "Region",
    }


def test_a_russian_oblast_sits_at_its_centroid_others_between() -> None:
    row = _row((53.0, 33.0), (52.0, 34.0))
    assert _division_point(row, "RU") == (52.0, 34.0)
    assert _division_point(row, "US") == (52.5, 33.5)


def _point(text: str, name: str) -> tuple[float, float]:
    start = text.index(name)
    (hit,) = resolve_spans(text, [Span(start, start + len(name), name)])
    assert hit.best is not None, name
    place = hit.best.match.place
    assert place.precision == "region", place
    return place.lat, place.lon


def test_an_oblast_named_in_a_report_has_the_reference_point() -> None:
    folder = shared_path("data", "admin")
    ne = {
        r["name_ru"]: r
        for r in csv.DictReader(
            (folder / "naturalearth/ne_50m_admin_1_states_provinces.csv")
            .read_text(encoding="utf-8")
            .splitlines()
        )
    }
    ocha = {
        r["name_uk"]: r
        for r in csv.DictReader(
            (folder / "ukraine_activityinfo_2026_02/ukraine_adm1_adm2_adm3.csv")
            .read_text(encoding="utf-8")
            .splitlines()
        )
        if r["level"] == "adm1"
    }
    text = "Ночью дроны летели над Смоленской областью."
    row = ne["Смоленская область"]
    lat, lon = _point(text, "Смоленской областью")
    want = float(row["mainpoly_centroid_lat"]), float(row["mainpoly_centroid_lon"])
    assert distance_km(lat, lon, *want) < 1
    text = "Уночі дрони збили над Полтавською областю."
    row = ocha["Полтавська"]
    lat, lon = _point(text, "Полтавською областю")
    assert distance_km(lat, lon, float(row["lat"]), float(row["lon"])) < 1


def test_an_oblast_in_the_genitive_is_the_oblast_not_its_centre() -> None:
    # GeoNames lists "Воронежская область" among the city's alternate names
    text = "Беспилотник упал на склад в Воронежской области, пожар потушили."
    start = text.index("Воронежской")
    name = "Воронежской области"
    (hit,) = resolve_spans(text, [Span(start, start + len(name), name)])
    assert hit.best is not None
    assert hit.best.match.place.precision == "region"


def test_a_federal_city_is_placed_on_the_city() -> None:
    folder = shared_path("data", "admin")
    rows = {
        r["gn_id"]: r
        for r in csv.DictReader(
            (folder / "naturalearth/ne_50m_admin_1_states_provinces.csv")
            .read_text(encoding="utf-8")
            .splitlines()
        )
    }
    moscow = rows["524894"]
    assert moscow["type_en"] == "Federal City"
    label = (float(moscow["ne_lat"]), float(moscow["ne_lon"]))
    assert _division_point(moscow, "RU") == label
