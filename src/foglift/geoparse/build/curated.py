"""The hand-written tables: US counties, curated places and renamed towns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from foglift.geoparse.build.common import (
    DATA_DIR,
    Gazetteer,
    read_csv,
    read_tsv_rows,
)
from foglift.names import has_cyrillic, name_key


def add_us_counties(gaz: Gazetteer, shared: Path, admin1_ids: dict[str, str]) -> None:
    for row in read_csv(shared / "admin/us_counties/us_counties.csv"):
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
    yield from read_tsv_rows(DATA_DIR / name)
