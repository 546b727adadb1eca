"""Reading control-map directories: layouts, merging, sources, broken files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from foglift.errors import DataError
from foglift.verify import MapSettings, read_control_maps
from foglift.verify.maps import date_from_name, place_area, place_on_day
from foglift.verify.territorial import territorial_verdicts

from ..conftest import shared_path
from .conftest import (
    FAR,
    LAT,
    LIBERATED,
    LON,
    NEAR,
    OCCUPIED,
    UNKNOWN,
    box,
    make_claim,
    occupied_box,
    raw_file,
    union_file,
)

D = date(2025, 6, 20)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("deepstatemap_data_20251115.geojson", date(2025, 11, 15)),
        ("deepstate_raw_20250801.geojson", date(2025, 8, 1)),
        ("isw-2025-03-04.geojson", date(2025, 3, 4)),
        ("1754077960.geojson", date(2025, 8, 1)),
        ("map.geojson", None),
        ("deepstate_20251341.geojson", None),
    ],
)
def test_dates_from_file_names(name: str, day: date | None) -> None:
    assert date_from_name(name) == day


def test_files_of_one_date_merge(tmp_path: Path) -> None:
    """A country-wide occupied layer beside a regional raw file adding grey zone."""
    union_file(tmp_path / "deepstatemap_data_20250620.geojson", [occupied_box(FAR)])
    raw_file(
        tmp_path / "deepstate_raw_20250620.geojson",
        [
            (UNKNOWN, box(LON - 0.1, LAT - FAR, LON + 0.1, LAT + NEAR)),
            (LIBERATED, box(LON + 1, LAT + 1, LON + 2, LAT + 2)),
        ],
        extra={"clip_bbox_lon_lat": [36.5, 46.9, 39.0, 49.3]},
        points=3,
    )
    maps = read_control_maps(tmp_path)
    [series] = maps.series.values()
    [snap] = series.snapshots.values()
    assert len(snap.files) == 2
    assert {k: len(v) for k, v in snap.parts.items()} == {
        "occupied": 1,
        "unknown": 1,
        "liberated": 1,
    }
    assert snap.extents is None  # the country-wide file lifts the clip
    assert snap.files[0].skipped_features == 3  # points are skipped
    [v] = territorial_verdicts(make_claim(), None, maps, MapSettings())
    assert v.status == "contested"
    assert len(v.evidence) == 2


def test_regional_file_covers_only_its_box(tmp_path: Path) -> None:
    raw_file(
        tmp_path / "deepstate_raw_20250620.geojson",
        [(OCCUPIED, occupied_box(-NEAR))],
        extra={"clip_bbox_lon_lat": [LON + 0.5, LAT - 1, LON + 1, LAT + 1]},
    )
    maps = read_control_maps(tmp_path)
    series = maps.series["deepstate"]
    area = place_area(LON, LAT, 500)
    assert place_on_day(series, LON, LAT, D, area, 10) is None
    inside = place_on_day(series, LON + 0.6, LAT, D, area, 10)
    assert inside is not None


def test_broken_files_are_problems_not_crashes(tmp_path: Path) -> None:
    good = union_file(
        tmp_path / "deepstatemap_data_20250620.geojson", [occupied_box(0)]
    )
    text = good.read_text(encoding="utf-8")
    (tmp_path / "deepstatemap_data_20250621.geojson").write_text(
        text[: len(text) // 2], encoding="utf-8"
    )
    (tmp_path / "deepstatemap_data_20250622.geojson").write_bytes(b"\xff\x00garbage")
    union_file(
        tmp_path / "deepstatemap_data_20250623.geojson",
        [
            [
                [
                    [3_900_000, 6_100_000],
                    [4_000_000, 6_100_000],
                    [4_000_000, 6_200_000],
                    [3_900_000, 6_100_000],
                ]
            ]
        ],
    )
    union_file(tmp_path / "deepstatemap_latest.geojson", [occupied_box(0)])
    raw_file(
        tmp_path / "deepstate_raw_20250624.geojson",
        [("Something else", box(0, 0, 1, 1))],
    )
    (tmp_path / "notes.txt").write_text("not a map", encoding="utf-8")
    maps = read_control_maps(tmp_path)
    codes = {Path(p.path).name: p.code for p in maps.problems}
    assert codes == {
        "deepstatemap_data_20250621.geojson": "unreadable",
        "deepstatemap_data_20250622.geojson": "unreadable",
        "deepstatemap_data_20250623.geojson": "unreadable",
        "deepstatemap_latest.geojson": "no_date",
        "deepstate_raw_20250624.geojson": "no_polygons",
    }
    assert list(maps.series["deepstate"].snapshots) == [date(2025, 6, 20)]
    assert any(
        p.code == "unmapped_layers" and "Something else" in p.reason
        for p in maps.problems
    )


def test_isw_layers_through_the_mapping(tmp_path: Path) -> None:
    raw_file(
        tmp_path / "isw_20250620.geojson",
        [
            ("Claimed Russian Territory in Ukraine", occupied_box(-NEAR)),
            (
                "Assessed Russian Advances in Ukraine",
                box(LON - 1, LAT - NEAR, LON + 1, LAT + NEAR),
            ),
            ("Assessed Russian-controlled Ukrainian Territory", occupied_box(FAR)),
        ],
    )
    maps = read_control_maps(tmp_path)
    series = maps.series["isw"]
    assert series.side == "independent"
    [snap] = series.snapshots.values()
    # The claimed layer is not evidence and is left out.
    assert {k: len(v) for k, v in snap.parts.items()} == {"unknown": 1, "occupied": 1}


def test_user_mapping_overrides_defaults(tmp_path: Path) -> None:
    (tmp_path / "maps.toml").write_text(
        '[[source]]\nname = "ctp"\npattern = "isw_*"\nside = "independent"\n'
        'layer_properties = ["name"]\n[source.layers]\n'
        '"claimed" = "occupied"\n',
        encoding="utf-8",
    )
    raw_file(tmp_path / "isw_20250620.geojson", [("Claimed X", occupied_box(-NEAR))])
    maps = read_control_maps(tmp_path)
    assert list(maps.series) == ["ctp"]


@pytest.mark.parametrize(
    "toml",
    [
        "[[source]\n",
        '[[source]]\nname = "x"\nside = "martians"\n'
        '[source.layers]\n"a" = "occupied"\n',
        '[[source]]\nname = "x"\n[source.layers]\n"a" = "maybe"\n',
        '[[source]]\nside = "russia"\n',
    ],
)
def test_bad_mapping_file_says_how_to_fix(tmp_path: Path, toml: str) -> None:
    (tmp_path / "maps.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(DataError) as exc:
        read_control_maps(tmp_path)
    assert exc.value.hint


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(DataError):
        read_control_maps(tmp_path / "nope")


def test_real_snapshots_read_in_both_layouts() -> None:
    """Format only: the real files are read, dated, and sorted into layers."""
    folder = shared_path("data", "control-maps")
    maps = read_control_maps(folder)
    assert not [p for p in maps.problems if p.code != "unmapped_layers"]
    series = maps.series["deepstate"]
    assert series.side == "ukraine"
    assert set(series.snapshots) >= {
        date(2025, 8, 1),
        date(2025, 10, 1),
        date(2025, 11, 15),
    }
    raw = series.snapshots[date(2025, 8, 1)]
    assert set(raw.parts) == {"occupied", "unknown", "liberated"}
    assert raw.extents and len(raw.extents) == 1
    union = series.snapshots[date(2025, 10, 1)]
    assert set(union.parts) == {"occupied"} and union.extents is None
    for snap in series.snapshots.values():
        for f in snap.files:
            assert len(f.sha256) == 64
            assert json.loads(Path(f.path).read_text(encoding="utf-8"))["features"]


def test_parsed_files_are_cached_by_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A second read takes the polygons from the cache; a revised file, whose
    hash has changed, is read again."""
    import foglift.verify.maps as maps_module

    monkeypatch.setenv("FOGLIFT_CACHE", str(tmp_path / "cache"))
    folder = tmp_path / "maps"
    folder.mkdir()
    union_file(folder / "deepstatemap_data_20250620.geojson", [occupied_box(FAR)])
    raw_file(
        folder / "deepstate_raw_20250620.geojson",
        [(UNKNOWN, box(LON - 0.1, LAT - FAR, LON + 0.1, LAT + NEAR))],
        extra={"clip_bbox_lon_lat": [36.5, 46.9, 39.0, 49.3]},
        points=2,
    )
    first = read_control_maps(folder)
    reads: list[str] = []
    real_read = maps_module._read_file

    def counting_read(path: Path, source: maps_module.MapSource) -> object:
        reads.append(path.name)
        return real_read(path, source)

    monkeypatch.setattr(maps_module, "_read_file", counting_read)
    second = read_control_maps(folder)
    assert reads == []
    [a], [b] = (
        first.series["deepstate"].snapshots.values(),
        (second.series["deepstate"].snapshots.values()),
    )
    assert a.files == b.files
    assert a.extents == b.extents
    assert {k: [g.wkt for g in v] for k, v in a.parts.items()} == {
        k: [g.wkt for g in v] for k, v in b.parts.items()
    }
    union_file(folder / "deepstatemap_data_20250620.geojson", [occupied_box(NEAR)])
    third = read_control_maps(folder)
    assert reads == ["deepstatemap_data_20250620.geojson"]
    [c] = third.series["deepstate"].snapshots.values()
    hashes = {f.path: f.sha256 for f in a.files}
    assert [f.sha256 == hashes[f.path] for f in c.files] == [True, False]
    assert [g.wkt for g in c.parts["occupied"]] != [g.wkt for g in a.parts["occupied"]]
