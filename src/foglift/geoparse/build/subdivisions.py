"""ISO 3166-2 subdivisions the admin1 layer lacks."""

from __future__ import annotations

from pathlib import Path

from foglift.geoparse.build.admin1 import strip_area_word
from foglift.geoparse.build.common import (
    Gazetteer,
    fmt_coordinate,
    read_csv,
)
from foglift.names import name_key

_CITY_LIKE = frozenset(
    ["city", "municipality", "village", "commune", "town", "quarter",
     "borough", "london borough", "metropolitan district",
     "city with county rights", "metropolitan city", "urban municipality",
     "rural municipality", "district municipality", "local council",
     "popularate", "capital city", "capital territory", "city corporation",
     "country", "autonomous city", "city municipality"]
)  # fmt: skip
_DISTRICT_LIKE = frozenset(
    ["county", "district", "unitary authority", "council area",
     "two-tier county", "parish", "division", "metropolitan county"]
)  # fmt: skip


def add_subdivisions(gaz: Gazetteer, shared: Path) -> int:
    """ISO 3166-2 subdivisions (countries-states-cities) not already a first-level
    division; return how many were added."""
    known: set[tuple[str, str]] = set()
    for place_id, place in gaz.places.items():
        if place["precision"] in ("region", "country"):
            for alias in gaz.aliases[place_id]:
                known.add((place["country"], name_key(alias)))
                known.add((place["country"], name_key(strip_area_word(alias))))
    added = 0
    for row in read_csv(shared / "admin/countrystatecity/states.csv"):
        country, kind = row["country_code"], row["type"].strip().lower()
        if country in ("UA", "US") or kind in _CITY_LIKE or not row["latitude"]:
            continue
        name = row["name"].strip().strip('"')
        base = strip_area_word(name)
        if not name or (country, name_key(name)) in known:
            continue
        if (country, name_key(base)) in known:
            continue
        code = row["iso3166_2"] or f"{country}-{row['id']}"
        place_id = f"iso:{code}"
        if place_id in gaz.places:
            continue
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"iso3166-2:{code}",
            name=name,
            country=country,
            lat=fmt_coordinate(float(row["latitude"])),
            lon=fmt_coordinate(float(row["longitude"])),
            precision="district" if kind in _DISTRICT_LIKE else "region",
            fcode="ADM2",
            population="0",
            parents=f"country:{country}",
        )
        gaz.add_alias(place_id, name, "name")
        if base != name:
            gaz.add_alias(place_id, base, "name")
        if row["native"] and row["native"] != name:
            gaz.add_alias(place_id, row["native"], "alt")
        known.add((country, name_key(name)))
        added += 1
    return added
