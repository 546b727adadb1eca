"""Airports with an IATA code, from the ``airportsdata`` package (MIT).

News names airports as places ("flights from Gatwick", "Toronto Pearson
International Airport"); GeoNames' cities do not carry them. Each airport is a
``feature`` entry under its full name, the name without "Airport", the part
after a slash ("Ottawa / Macdonald-Cartier ...") and, when the name opens with
its city or with a word of its region ("London Heathrow Airport", "Toronto
Pearson ..."), the rest: "Heathrow Airport" as a name, bare "Heathrow" as a
weak alternate (a village or a surname may share it; context decides). A
core without its city is not a name: "John F Kennedy" is mostly a person.
The derived entries are shipped; the runtime never reads this module.
"""

from __future__ import annotations

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


def add_airports(gaz: Gazetteer) -> int:
    import airportsdata

    regions = {
        (p["country"], name_key(p["name"])): place_id
        for place_id, p in gaz.places.items()
        if p["fcode"] == "ADM1"
    }
    count = 0
    for icao, row in airportsdata.load("ICAO").items():
        # an airport named as one ("... Airport"), not a strip named like its
        # village ("Kabwum")
        if not row["iata"] or not _SUFFIX.search(row["name"]):
            continue
        place_id = f"airport:{row['iata']}"
        country = row["country"]
        region = regions.get((country, name_key(row["subd"])))
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
        for alias, kind in airport_names(row["name"], row["city"]):
            gaz.add_alias(place_id, alias, kind)
        count += 1
    return count
