"""Control-of-terrain maps: dated GeoJSON snapshots read into a point index.

A directory holds one or more files per day. Each file is matched to a *map
source* (DeepStateMap, ISW, or one the user describes in ``maps.toml``) that says
whose map it is (its side), which feature property names the layer, and how
layer names translate to foglift's four layer statuses:

``occupied``   held by Russia (DeepState "Окуповано /// Occupied", CADR/CALR,
               Crimea; ISW "assessed Russian control")
``unknown``    unknown status / grey zone, contested
``liberated``  retaken by Ukraine (informational: anything not occupied or grey
               counts as held by Ukraine)
``ignore``     anything else (ISW "claimed" layers: a claim is not evidence)

A file with one unlabelled (Multi)Polygon is the community mirror's daily union
of the occupied layers. Point and line features (attack directions, units) are
skipped. Files of one source and one date are merged; a file that cannot be
read is recorded as a :class:`MapProblem` and left out whole, never half-read.

Reading a GeoJSON snapshot costs far more than using it, so each file's
polygons are kept in ``control-maps.sqlite`` in the cache directory under the
file's SHA-256 and the rules it was read by: a folder of a year's snapshots is
read once, and a revised file (a new hash) is read again.
"""

from __future__ import annotations

import bisect
import fnmatch
import hashlib
import re
import sqlite3
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import shapely  # type: ignore[import-untyped]
from shapely.geometry import shape  # type: ignore[import-untyped]

from foglift.errors import MapSourcesError
from foglift.geography import buffer_polygon
from foglift.model import Side

LayerStatus = Literal["occupied", "unknown", "liberated", "ignore"]
LAYER_STATUSES: tuple[LayerStatus, ...] = ("occupied", "unknown", "liberated", "ignore")
CONFIG_NAME = "maps.toml"
# how far from a text's day a snapshot still shows where the front line ran:
# lines move by kilometres a month, and the geoparser asks only whether a
# village lies within 15 or 40 km of it
FRONT_WINDOW_DAYS = 120


@dataclass(frozen=True, slots=True)
class MapSource:
    """How to read one publisher's files; ``layers`` is tried in order.

    ``layers`` maps a lower-case substring of the layer name to a status;
    ``unlabelled`` is the status of a polygon whose properties name no layer.
    """

    name: str
    pattern: str  # glob on the file name, case-insensitive
    side: Side
    layer_properties: tuple[str, ...]
    layers: tuple[tuple[str, LayerStatus], ...]
    unlabelled: LayerStatus = "ignore"


_DEEPSTATE_LAYERS: tuple[tuple[str, LayerStatus], ...] = (
    ("unknown", "unknown"),
    ("невідом", "unknown"),
    ("неизвест", "unknown"),
    ("liberated", "liberated"),
    ("звільнен", "liberated"),
    ("освобожд", "liberated"),
    ("occupied", "occupied"),
    ("окупован", "occupied"),
    ("оккупир", "occupied"),
    ("cadr", "occupied"),
    ("calr", "occupied"),
    ("ордло", "occupied"),
    ("crimea", "occupied"),
    ("крим", "occupied"),
)

DEFAULT_SOURCES: tuple[MapSource, ...] = (
    MapSource(
        name="deepstate",
        pattern="*deepstate*",
        side="ukraine",
        layer_properties=("status", "name", "name_raw", "layer", "Name"),
        layers=_DEEPSTATE_LAYERS,
        # The community mirror's daily file is one bare union of occupied layers.
        unlabelled="occupied",
    ),
    MapSource(
        name="isw",
        pattern="*isw*",
        side="independent",
        layer_properties=("layer", "Layer", "name", "Name", "layer_name", "status"),
        layers=(
            ("claimed", "ignore"),
            ("partisan", "ignore"),
            ("advance", "unknown"),
            ("contested", "unknown"),
            ("counteroffensive", "liberated"),
            ("ukrainian control", "liberated"),
            ("russian control", "occupied"),
            ("russian-control", "occupied"),
            ("occupied", "occupied"),
            ("crimea", "occupied"),
        ),
    ),
    MapSource(
        name="other",
        pattern="*",
        # Whose map an unnamed file is cannot be known: never "contradicted" by it.
        side="unknown",
        layer_properties=("status", "name", "name_raw", "layer", "Name"),
        layers=_DEEPSTATE_LAYERS,
        unlabelled="occupied",
    ),
)


@dataclass(frozen=True, slots=True)
class MapProblem:
    """A file, or part of one, that was left out, and why."""

    path: str
    code: str
    reason: str


@dataclass(frozen=True, slots=True)
class SnapshotFile:
    path: str
    sha256: str
    day: date
    source: str
    polygons: int
    skipped_features: int


@dataclass(slots=True)
class Snapshot:
    """Everything one source shows for one day, merged over its files."""

    day: date
    source: str
    side: Side
    files: list[SnapshotFile] = field(default_factory=list)
    parts: dict[str, list[shapely.Geometry]] = field(default_factory=dict)
    # Regional files state the box they were clipped to; None = no limit known.
    extents: list[tuple[float, float, float, float]] | None = field(
        default_factory=list
    )
    _index: dict[str, tuple[shapely.STRtree, npt.NDArray[Any]]] = field(
        default_factory=dict
    )

    def covers(self, lon: float, lat: float) -> bool:
        if self.extents is None:
            return True
        return any(
            x0 <= lon <= x1 and y0 <= lat <= y1 for x0, y0, x1, y1 in self.extents
        )

    def touches(self, status: str, area: shapely.Geometry) -> bool:
        """Whether ``area`` touches any polygon of the layer ``status``."""
        index = self._index.get(status)
        if index is None:
            parts = np.array(self.parts.get(status, []), dtype=object)
            # Prepared polygons make each test logarithmic in the polygon's
            # vertices; country-wide layers have tens of thousands.
            shapely.prepare(parts)
            index = (shapely.STRtree(parts), parts)
            self._index[status] = index
        tree, parts = index
        candidates = tree.query(area)
        if len(candidates) == 0:
            return False
        return bool(shapely.intersects(parts[candidates], area).any())

    def inside(
        self, status: str, points: list[tuple[float, float]]
    ) -> npt.NDArray[np.bool_]:
        """Whether each (lat, lon) lies in a polygon of the layer ``status``."""
        out = np.zeros(len(points), dtype=bool)
        if not points or not self.parts.get(status):
            return out
        self.touches(status, shapely.points(points[0][1], points[0][0]))  # index
        tree, _parts = self._index[status]
        geoms = shapely.points([(lon, lat) for lat, lon in points])
        hits = tree.query(geoms, predicate="intersects")
        out[np.unique(hits[0])] = True
        return out

    def share(self, statuses: tuple[str, ...], area: shapely.Geometry) -> float:
        """The share of ``area`` covered by the layers ``statuses`` (0..1).

        Layers may overlap (merged files, grey zone drawn over occupied land):
        the covered part is their union, counted once.
        """
        pieces: list[shapely.Geometry] = []
        x0, y0, x1, y1 = shapely.bounds(area)
        for status in statuses:
            if not self.touches(status, area):  # builds the layer's index
                continue
            tree, parts = self._index[status]
            for part in parts[tree.query(area)]:
                # Clipping to the area's box first keeps the intersection of a
                # country-wide polygon with a small circle cheap.
                clipped = shapely.clip_by_rect(part, x0, y0, x1, y1)
                if not clipped.is_empty:
                    pieces.append(shapely.intersection(clipped, area))
        if not pieces:
            return 0.0
        whole = shapely.area(area)
        covered = shapely.area(shapely.union_all(pieces))
        return min(1.0, float(covered / whole)) if whole > 0 else 1.0


@dataclass(slots=True)
class MapSeries:
    """One source's snapshots by day."""

    source: str
    side: Side
    snapshots: dict[date, Snapshot] = field(default_factory=dict)
    _days: list[date] = field(default_factory=list)

    def days(self) -> list[date]:
        if len(self._days) != len(self.snapshots):
            self._days = sorted(self.snapshots)
        return self._days

    def snapshot_for(
        self, day: date, lon: float, lat: float, max_stale_days: int
    ) -> Snapshot | None:
        """The latest snapshot on or before ``day`` that covers the point."""
        days = self.days()
        i = bisect.bisect_right(days, day) - 1
        while i >= 0:
            snap = self.snapshots[days[i]]
            if (day - snap.day).days > max_stale_days:
                return None
            if snap.covers(lon, lat):
                return snap
            i -= 1
        return None


@dataclass(slots=True)
class ControlMaps:
    """All sources read from a directory, with the problems met on the way."""

    directory: str
    series: dict[str, MapSeries] = field(default_factory=dict)
    problems: list[MapProblem] = field(default_factory=list)

    def russian_held(
        self, day: date, points: Sequence[tuple[float, float]]
    ) -> list[bool | None]:
        """For each (lat, lon): whether the snapshot nearest ``day`` (within
        FRONT_WINDOW_DAYS, before or after) that covers it shows it occupied;
        None where none does. What the geoparser reads the front line from."""
        snaps = sorted(
            (
                snap
                for series in self.series.values()
                for snap in series.snapshots.values()
                if abs((snap.day - day).days) <= FRONT_WINDOW_DAYS
            ),
            key=lambda snap: (abs((snap.day - day).days), snap.day, snap.source),
        )
        out: list[bool | None] = [None] * len(points)
        left = list(range(len(points)))
        for snap in snaps:
            if not left:
                break
            mine = [k for k in left if snap.covers(points[k][1], points[k][0])]
            if not mine:
                continue
            held = snap.inside("occupied", [points[k] for k in mine])
            for k, value in zip(mine, held, strict=True):
                out[k] = bool(value)
            taken = set(mine)
            left = [k for k in left if k not in taken]
        return out

    def files(self) -> list[SnapshotFile]:
        return [
            f
            for s in self.series.values()
            for snap in s.snapshots.values()
            for f in snap.files
        ]


@dataclass(frozen=True, slots=True)
class PlaceOnDay:
    """What one snapshot shows of a place's extent; ``snapshot_day`` may be
    earlier than ``day``. Shares are of the extent's area (0..1)."""

    day: date
    snapshot_day: date
    occupied: float  # share in the occupied layer
    grey: float  # share in the unknown-status layer and not occupied

    @property
    def russia(self) -> bool:
        """The extent touches the occupied layer."""
        return self.occupied > 0

    @property
    def unknown(self) -> bool:
        """The extent touches the unknown-status layer outside occupied land."""
        return self.grey > 0


place_area = buffer_polygon  # a claim's place and the buffer around it


def read_place(snap: Snapshot, day: date, area: shapely.Geometry) -> PlaceOnDay:
    """The occupied and grey shares of ``area`` on one snapshot."""
    if shapely.area(area) <= 0:  # a bare point: all or nothing
        occupied = 1.0 if snap.touches("occupied", area) else 0.0
        either = 1.0 if occupied or snap.touches("unknown", area) else 0.0
    else:
        occupied = snap.share(("occupied",), area)
        either = snap.share(("occupied", "unknown"), area)
    return PlaceOnDay(
        day=day,
        snapshot_day=snap.day,
        occupied=occupied,
        grey=max(0.0, either - occupied),
    )


def place_on_day(
    series: MapSeries,
    lon: float,
    lat: float,
    day: date,
    area: shapely.Geometry,
    max_stale_days: int,
) -> PlaceOnDay | None:
    snap = series.snapshot_for(day, lon, lat, max_stale_days)
    if snap is None:
        return None
    return read_place(snap, day, area)


# --- reading ---------------------------------------------------------------

_YMD = re.compile(r"(?<!\d)(20\d{2})-?(\d{2})-?(\d{2})(?!\d)")
_UNIX = re.compile(r"(?<!\d)(1\d{9})(?!\d)")


def date_from_name(name: str) -> date | None:
    """The date a file name carries: YYYYMMDD, YYYY-MM-DD or a unix timestamp."""
    for m in _YMD.finditer(name):
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            continue
    stamp = _UNIX.search(name)
    if stamp:
        return datetime.fromtimestamp(int(stamp[1]), tz=UTC).date()
    return None


def load_sources(config: Path | None) -> tuple[MapSource, ...]:
    """User sources from a TOML file first, then the defaults."""
    if config is None or not config.exists():
        return DEFAULT_SOURCES
    try:
        data = tomllib.loads(config.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise MapSourcesError(
            f"cannot read the map sources file {config.name}: {exc}",
            hint="see docs/verify.md for the [[source]] table layout",
        ) from exc
    sources = []
    for i, raw in enumerate(data.get("source", [])):
        try:
            layers = tuple((str(k).lower(), str(v)) for k, v in raw["layers"].items())
            side = str(raw.get("side", "unknown"))
            unlabelled = str(raw.get("unlabelled", "ignore"))
            bad = [s for _, s in layers if s not in LAYER_STATUSES]
            if side not in ("russia", "ukraine", "independent", "unknown"):
                bad.append(side)
            if unlabelled not in LAYER_STATUSES:
                bad.append(unlabelled)
            if bad:
                raise ValueError(f"unknown side or layer status {bad}")
            sources.append(
                MapSource(
                    name=str(raw["name"]),
                    pattern=str(raw.get("pattern", f"*{raw['name']}*")),
                    side=side,  # type: ignore[arg-type]
                    layer_properties=tuple(raw.get("layer_properties", ("name",))),
                    layers=layers,  # type: ignore[arg-type]
                    unlabelled=unlabelled,  # type: ignore[arg-type]
                )
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise MapSourcesError(
                f"{config.name}: [[source]] number {i + 1} is incomplete: {exc}",
                hint="each source needs name, side and a [source.layers] table",
            ) from exc
    return (*sources, *DEFAULT_SOURCES)


def source_for(name: str, sources: tuple[MapSource, ...]) -> MapSource:
    lowered = name.lower()
    for s in sources:
        if fnmatch.fnmatchcase(lowered, s.pattern.lower()):
            return s
    return DEFAULT_SOURCES[-1]


def layer_status(props: Mapping[str, Any], source: MapSource) -> LayerStatus | None:
    """The status of a feature's layer; None when its name matches no mapping."""
    labels = [
        str(props[p]) for p in source.layer_properties if props.get(p) not in (None, "")
    ]
    if not labels:
        return source.unlabelled
    for label in labels:
        lowered = label.lower()
        for needle, status in source.layers:
            if needle in lowered:
                return status
    return None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _features(path: Path) -> Iterator[tuple[str, Any]]:
    """Stream a FeatureCollection: ("feature", dict) and ("extent", bbox) items."""
    import ijson

    from foglift.ingest.items import parse_bounded

    with path.open("rb") as f:
        builder: Any = None
        bbox: list[float] = []
        for prefix, event, value in parse_bounded(f):
            if builder is not None:
                builder.event(event, value)
                if prefix == "features.item" and event == "end_map":
                    yield "feature", builder.value
                    builder = None
            elif prefix == "features.item" and event == "start_map":
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
            elif prefix == "clip_bbox_lon_lat.item" and event == "number":
                bbox.append(float(value))
            elif prefix == "clip_bbox_lon_lat" and event == "end_array":
                yield "extent", tuple(bbox)


def _read_file(
    path: Path, source: MapSource
) -> tuple[dict[str, list[shapely.Geometry]], tuple[float, ...] | None, int, list[str]]:
    """Polygons per status, the clip box, skipped features, unmatched layers."""
    parts: dict[str, list[shapely.Geometry]] = {}
    extent: tuple[float, ...] | None = None
    skipped = 0
    unmatched: list[str] = []
    for kind, item in _features(path):
        if kind == "extent":
            extent = item
            continue
        geometry = item.get("geometry") if isinstance(item, dict) else None
        gtype = geometry.get("type") if isinstance(geometry, dict) else None
        if gtype not in ("Polygon", "MultiPolygon"):
            skipped += 1  # points and lines: attack directions, unit markers
            continue
        props = item.get("properties") or {}
        status = layer_status(props if isinstance(props, dict) else {}, source)
        if status is None:
            label = next(
                (str(props[p]) for p in source.layer_properties if props.get(p)), "?"
            )
            if label not in unmatched:
                unmatched.append(label)
            skipped += 1
            continue
        if status == "ignore":
            skipped += 1
            continue
        geom = shape(geometry)
        x0, y0, x1, y1 = geom.bounds
        if not (-180 <= x0 <= x1 <= 180 and -90 <= y0 <= y1 <= 90):
            raise ValueError(
                "coordinates are not longitude/latitude (a projected CRS?)"
            )
        if not geom.is_valid:
            geom = shapely.make_valid(geom)
        polys = [
            p
            for p in shapely.get_parts(geom)
            if p.geom_type in ("Polygon", "MultiPolygon")
        ]
        parts.setdefault(status, []).extend(polys)
    if extent is not None and len(extent) != 4:
        extent = None
    return parts, extent, skipped, unmatched


Parsed = tuple[
    dict[str, list[shapely.Geometry]], tuple[float, ...] | None, int, list[str]
]
# bump when _read_file reads the same file differently
MAP_CACHE_VERSION = "1"


def _rules_key(source: MapSource) -> str:
    """What reading a file depends on besides its bytes."""
    rules = (
        MAP_CACHE_VERSION,
        source.layer_properties,
        source.layers,
        source.unlabelled,
    )
    return hashlib.sha256(repr(rules).encode()).hexdigest()[:16]


class _MapCache:
    """Parsed files by (SHA-256, rules) in one SQLite file; any failure of the
    cache (a read-only or full disk, a damaged file) only means reading again."""

    def __init__(self) -> None:
        self.db: sqlite3.Connection | None = None
        try:
            from foglift.geoparse.index import cache_dir

            folder = cache_dir()
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(folder / "control-maps.sqlite", timeout=30)
            db.executescript(
                """
                CREATE TABLE IF NOT EXISTS files (
                    sha256 TEXT, rules TEXT, extent TEXT, skipped INTEGER,
                    unmatched TEXT, PRIMARY KEY (sha256, rules));
                CREATE TABLE IF NOT EXISTS polygons (
                    sha256 TEXT, rules TEXT, n INTEGER, status TEXT, wkb BLOB);
                CREATE INDEX IF NOT EXISTS polygons_file
                    ON polygons (sha256, rules, n);
                """
            )
            self.db = db
        except (OSError, sqlite3.Error):
            self.db = None

    def get(self, digest: str, rules: str) -> Parsed | None:
        if self.db is None:
            return None
        try:
            head = self.db.execute(
                "SELECT extent, skipped, unmatched FROM files "
                "WHERE sha256 = ? AND rules = ?",
                (digest, rules),
            ).fetchone()
            if head is None:
                return None
            rows = self.db.execute(
                "SELECT status, wkb FROM polygons WHERE sha256 = ? AND rules = ? "
                "ORDER BY n",
                (digest, rules),
            ).fetchall()
        except sqlite3.Error:
            return None
        geoms = shapely.from_wkb([wkb for _, wkb in rows]) if rows else []
        parts: dict[str, list[shapely.Geometry]] = {}
        for (status, _), geom in zip(rows, geoms, strict=True):
            parts.setdefault(status, []).append(geom)
        extent = tuple(float(x) for x in head[0].split()) if head[0] else None
        return parts, extent, int(head[1]), head[2].split("\x1f") if head[2] else []

    def put(self, digest: str, rules: str, parsed: Parsed) -> None:
        if self.db is None:
            return
        parts, extent, skipped, unmatched = parsed
        polygons = [
            (digest, rules, n, status, wkb)
            for n, (status, wkb) in enumerate(
                (status, bytes(shapely.to_wkb(geom)))
                for status, geoms in parts.items()
                for geom in geoms
            )
        ]
        try:
            with self.db:
                self.db.execute(
                    "DELETE FROM polygons WHERE sha256 = ? AND rules = ?",
                    (digest, rules),
                )
                self.db.executemany("INSERT INTO polygons VALUES (?,?,?,?,?)", polygons)
                self.db.execute(
                    "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?)",
                    (
                        digest,
                        rules,
                        " ".join(repr(x) for x in extent) if extent else "",
                        skipped,
                        "\x1f".join(unmatched),
                    ),
                )
        except sqlite3.Error:
            pass

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def read_control_maps(
    directory: str | Path, config: str | Path | None = None
) -> ControlMaps:
    """Read every dated GeoJSON file in ``directory`` (not recursive).

    ``config`` is a TOML file of extra map sources; by default ``maps.toml`` in
    the directory is used when present.
    """
    root = Path(directory)
    if not root.is_dir():
        raise MapSourcesError(
            f"control-map directory not found: {root}",
            hint="pass a folder of dated GeoJSON snapshots, e.g. "
            "deepstatemap_data_20251115.geojson",
        )
    config_path = Path(config) if config else root / CONFIG_NAME
    if config and not config_path.exists():
        raise MapSourcesError(f"map sources file not found: {config_path}")
    sources = load_sources(config_path)
    maps = ControlMaps(directory=str(root))
    cache = _MapCache()
    try:
        _read_directory(root, sources, maps, cache)
    finally:
        cache.close()
    return maps


def _read_directory(
    root: Path, sources: tuple[MapSource, ...], maps: ControlMaps, cache: _MapCache
) -> None:
    for path in sorted(root.iterdir()):
        if not path.is_file() or path.suffix.lower() not in (".geojson", ".json"):
            continue
        day = date_from_name(path.name)
        if day is None:
            maps.problems.append(
                MapProblem(
                    str(path),
                    "no_date",
                    "the file name carries no date (YYYYMMDD or a unix timestamp)",
                )
            )
            continue
        source = source_for(path.name, sources)
        try:
            digest = sha256_file(path)
            rules = _rules_key(source)
            parsed = cache.get(digest, rules)
            if parsed is None:
                parsed = _read_file(path, source)
                cache.put(digest, rules, parsed)
            parts, extent, skipped, unmatched = parsed
        except Exception as exc:  # a broken file is a problem, not a crash
            maps.problems.append(
                MapProblem(str(path), "unreadable", f"{type(exc).__name__}: {exc}")
            )
            continue
        if unmatched:
            maps.problems.append(
                MapProblem(
                    str(path),
                    "unmapped_layers",
                    f"layers left out (no mapping in source {source.name}): "
                    + "; ".join(unmatched[:10]),
                )
            )
        if not parts:
            maps.problems.append(
                MapProblem(str(path), "no_polygons", "no polygon of a mapped layer")
            )
            continue
        series = maps.series.setdefault(
            source.name, MapSeries(source=source.name, side=source.side)
        )
        snap = series.snapshots.setdefault(
            day, Snapshot(day=day, source=source.name, side=source.side)
        )
        for status, polys in parts.items():
            snap.parts.setdefault(status, []).extend(polys)
        if extent is None:
            snap.extents = None
        elif snap.extents is not None:
            x0, y0, x1, y1 = extent
            snap.extents.append((x0, y0, x1, y1))
        snap.files.append(
            SnapshotFile(
                path=str(path),
                sha256=digest,
                day=day,
                source=source.name,
                polygons=sum(len(p) for p in parts.values()),
                skipped_features=skipped,
            )
        )
