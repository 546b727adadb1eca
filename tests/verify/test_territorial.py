"""Every territorial status where it should be, and nowhere else (synthetic maps)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from foglift.model import Document
from foglift.verify import MapSettings, read_control_maps, replay, verify
from foglift.verify.territorial import territorial_verdicts

from .conftest import (
    FAR,
    LAT,
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
FIRST, LAST = date(2025, 5, 20), date(2025, 8, 10)


def days(n: int) -> date:
    return D + timedelta(days=n)


# (label, side, stance, action, russia holds the place from day offset (None:
#  never; a pair: held only in [a, b]), expected status, expected lag)
CASES = [
    ("capture shown 4 days later", "russia", "asserts", "captured", 4, "confirmed", 4),
    ("capture shown on D", "russia", "asserts", "captured", 0, "confirmed", 0),
    ("map ahead of the claim", "russia", "asserts", "captured", -3, "confirmed", -3),
    ("edge of the window", "russia", "asserts", "captured", 30, "confirmed", 30),
    ("after the window", "russia", "asserts", "captured", 31, "not_confirmed", None),
    ("late claim", "russia", "asserts", "captured", -7, "already_held", None),
    ("long held", "russia", "asserts", "captured", -40, "already_held", None),
    ("entered", "russia", "asserts", "entered", 2, "confirmed", 2),
    ("russia holds", "russia", "asserts", "held", -40, "confirmed", 0),
    ("russia does not hold", "russia", "asserts", "held", 3, "not_confirmed", None),
    (
        "never on ukraine's map",
        "russia",
        "asserts",
        "captured",
        None,
        "not_confirmed",
        None,
    ),
    # Ukraine claims a recapture: S = ukraine, and DeepState is Ukraine's own map.
    ("recapture shown", "ukraine", "asserts", "captured", (-40, 5), "confirmed", 6),
    (
        "recapture never shown",
        "ukraine",
        "asserts",
        "captured",
        -40,
        "contradicted",
        None,
    ),
    (
        "recapture late",
        "ukraine",
        "asserts",
        "captured",
        (-40, -10),
        "already_held",
        None,
    ),
    # Ukraine denies a capture: scored as "Ukraine still held it on D".
    ("denial holds", "ukraine", "denies", "captured", 5, "confirmed", 0),
    ("denial, russia holds", "ukraine", "denies", "captured", -2, "contradicted", None),
    (
        "dispute, russia holds",
        "ukraine",
        "disputes",
        "captured",
        -2,
        "contradicted",
        None,
    ),
]


def _held(spec: int | tuple[int, int] | None) -> Callable[[date], bool]:
    if spec is None:
        return lambda d: False
    if isinstance(spec, tuple):
        a, b = spec
        return lambda d: days(a) <= d <= days(b)
    return lambda d: d >= days(spec)


@pytest.mark.parametrize(
    ("label", "side", "stance", "action", "spec", "status", "lag"),
    CASES,
    ids=[c[0] for c in CASES],
)
def test_status_on_daily_maps(
    daily_maps: Callable[..., Path],
    label: str,
    side: str,
    stance: str,
    action: str,
    spec: int | tuple[int, int] | None,
    status: str,
    lag: int | None,
) -> None:
    folder = daily_maps(FIRST, LAST, _held(spec))
    maps = read_control_maps(folder)
    assert not maps.problems
    claim = make_claim(side=side, stance=stance, action=action)
    [v] = territorial_verdicts(claim, None, maps, MapSettings())
    assert (v.status, v.lag_days) == (status, lag), v.steps
    assert dict(v.parameters)["side"] == side
    assert v.evidence and all(len(e.sha256) == 64 for e in v.evidence)


def test_status_is_one_of_the_documented(daily_maps: Callable[..., Path]) -> None:
    """Sweep the day russia takes the place: only the expected status appears."""
    claim = make_claim()
    for start in range(-45, 45):
        folder = daily_maps(FIRST, LAST, _held(start))
        [v] = territorial_verdicts(
            claim, None, read_control_maps(folder), MapSettings()
        )
        if start <= -7:
            expected = ("already_held", None)
        elif start <= 30:
            expected = ("confirmed", max(start, -6))
        else:
            expected = ("not_confirmed", None)
        assert (v.status, v.lag_days) == expected, (start, v.steps)


def test_contested_grey_zone_on_d(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for n in range(-10, 31):
        raw_file(
            folder / f"deepstate_raw_{days(n):%Y%m%d}.geojson",
            [
                (OCCUPIED, occupied_box(FAR)),
                (UNKNOWN, box(LON - 0.1, LAT - FAR, LON + 0.1, LAT + NEAR)),
            ],
        )
    maps = read_control_maps(folder)
    [v] = territorial_verdicts(make_claim(), None, maps, MapSettings())
    assert v.status == "contested"
    # Ukraine's claim to hold a grey-zone place is contested too ...
    [v] = territorial_verdicts(
        make_claim(side="ukraine", action="held"), None, maps, MapSettings()
    )
    assert v.status == "contested"


def test_grey_zone_with_russia_holding_is_not_contested(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for n in range(-10, 31):
        raw_file(
            folder / f"deepstate_raw_{days(n):%Y%m%d}.geojson",
            [
                (OCCUPIED, occupied_box(FAR if n < 0 else -NEAR)),
                (UNKNOWN, box(LON - 0.1, LAT - NEAR, LON + 0.1, LAT + FAR)),
            ],
        )
    [v] = territorial_verdicts(
        make_claim(), None, read_control_maps(folder), MapSettings()
    )
    assert (v.status, v.lag_days) == ("confirmed", 0)


def test_missing_days_use_the_nearest_earlier_snapshot(
    daily_maps: Callable[..., Path],
) -> None:
    gap = [days(n) for n in range(1, 6)]
    folder = daily_maps(FIRST, LAST, _held(3), skip=gap)
    [v] = territorial_verdicts(
        make_claim(), None, read_control_maps(folder), MapSettings()
    )
    # Russia took it on D+3, but the first snapshot showing it is D+6.
    assert (v.status, v.lag_days) == ("confirmed", 6)
    text = "\n".join(v.steps)
    assert "nearest earlier" in text
    assert f"{days(1)}..{days(5)} <- {D}" in text


def test_stale_snapshots_are_no_data(daily_maps: Callable[..., Path]) -> None:
    folder = daily_maps(days(-60), days(-20), _held(None))
    [v] = territorial_verdicts(
        make_claim(), None, read_control_maps(folder), MapSettings()
    )
    assert v.status == "no_data" and v.lag_days is None
    assert not v.evidence
    # ... unless the user allows older snapshots to stand in.
    [v] = territorial_verdicts(
        make_claim(), None, read_control_maps(folder), MapSettings(max_stale_days=40)
    )
    assert v.status == "not_confirmed"


def test_one_late_snapshot_is_enough(daily_maps: Callable[..., Path]) -> None:
    folder = daily_maps(days(4), days(4), _held(0))
    [v] = territorial_verdicts(
        make_claim(), None, read_control_maps(folder), MapSettings()
    )
    assert (v.status, v.lag_days) == ("confirmed", 4)
    assert any("already_held not tested" in s for s in v.steps)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (make_claim(side="independent"), "no side to test"),
        (make_claim(action="withdrew"), "does not record which side"),
        (make_claim(day=None), "no claim date"),
    ],
)
def test_no_data_reasons(
    daily_maps: Callable[..., Path], claim: object, reason: str
) -> None:
    folder = daily_maps(FIRST, LAST, _held(0))
    [v] = territorial_verdicts(claim, None, read_control_maps(folder), MapSettings())  # type: ignore[arg-type]
    assert v.status == "no_data"
    assert reason in "\n".join(v.steps)


@pytest.mark.parametrize(
    ("claim", "reason"),
    [
        (make_claim(resolved=False), "not resolved to a point"),
        (make_claim(precision="region"), "only to a region"),
        (make_claim(precision="country"), "only to a country"),
        # a name the gazetteer lacks, placed near another town: not its point
        (make_claim(precision="vicinity"), "only to a vicinity"),
        (make_claim(action="advanced", claim_type="advance"), "'advanced' is not"),
        # a strike report the extractor typed as territorial
        (make_claim(action="struck"), "'struck' is not a change of control"),
    ],
)
def test_not_judged_reasons(
    daily_maps: Callable[..., Path], claim: object, reason: str
) -> None:
    folder = daily_maps(FIRST, LAST, _held(0))
    [v] = territorial_verdicts(claim, None, read_control_maps(folder), MapSettings())  # type: ignore[arg-type]
    assert v.status == "not_judged"
    assert v.steps[-1].startswith("not_judged: ")
    assert reason in v.steps[-1]
    assert not v.evidence


def test_publication_date_stands_in_for_a_missing_time(
    daily_maps: Callable[..., Path],
) -> None:
    folder = daily_maps(FIRST, LAST, _held(2))
    [v] = territorial_verdicts(
        make_claim(day=None), D, read_control_maps(folder), MapSettings()
    )
    assert (v.status, v.lag_days) == ("confirmed", 2)
    assert any("publication date" in s for s in v.steps)


def test_other_actions_get_no_verdict(daily_maps: Callable[..., Path]) -> None:
    folder = daily_maps(FIRST, LAST, _held(0))
    maps = read_control_maps(folder)
    assert not territorial_verdicts(
        make_claim(action="destroyed", claim_type="losses"), None, maps, MapSettings()
    )


def test_map_of_the_claimants_own_side_contradicts(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    (folder / "maps.toml").write_text(
        '[[source]]\nname = "mod"\npattern = "mod_*"\nside = "russia"\n'
        'unlabelled = "occupied"\nlayer_properties = ["layer"]\n'
        '[source.layers]\n"controlled" = "occupied"\n',
        encoding="utf-8",
    )
    for n in range(-10, 31):
        union_file(folder / f"mod_{days(n):%Y%m%d}.geojson", [occupied_box(FAR)])
    maps = read_control_maps(folder)
    [v] = territorial_verdicts(make_claim(), None, maps, MapSettings())
    assert v.status == "contradicted"
    assert dict(v.parameters)["map_side"] == "russia"


def test_one_verdict_per_map_source(tmp_path: Path) -> None:
    folder = tmp_path / "maps"
    folder.mkdir()
    for n in range(-10, 31):
        union_file(
            folder / f"deepstatemap_data_{days(n):%Y%m%d}.geojson",
            [occupied_box(FAR if n < 5 else -NEAR)],
        )
        raw_file(
            folder / f"isw_{days(n):%Y%m%d}.geojson",
            [("Assessed Russian Control", occupied_box(FAR if n < 2 else -NEAR))],
        )
    maps = read_control_maps(folder)
    verdicts = territorial_verdicts(make_claim(), None, maps, MapSettings())
    by_source = {dict(v.parameters)["map_source"]: v for v in verdicts}
    assert by_source["deepstate"].lag_days == 5
    assert by_source["isw"].lag_days == 2
    assert dict(by_source["isw"].parameters)["map_side"] == "independent"


def test_buffer_is_the_extent_of_a_feature(daily_maps: Callable[..., Path]) -> None:
    # The occupied edge lies 0.006 deg (~670 m) south of a feature (an airport):
    # outside a 500 m circle, and most of a 3 km one.
    folder = daily_maps(FIRST, LAST, lambda d: False)
    for path in folder.iterdir():
        union_file(path, [occupied_box(0.006)])
    maps = read_control_maps(folder)
    feature = make_claim(precision="feature")
    [v] = territorial_verdicts(feature, None, maps, MapSettings())
    assert v.status == "not_confirmed"
    assert dict(v.parameters)["extent_m"] == "500"
    [v] = territorial_verdicts(feature, None, maps, MapSettings(buffer_m=3000))
    assert v.status == "contested"
    assert dict(v.parameters)["buffer_m"] == "3000"


def test_verdict_replays_from_its_record(daily_maps: Callable[..., Path]) -> None:
    folder = daily_maps(FIRST, LAST, _held(4), skip=[days(2)])
    maps = read_control_maps(folder)
    [v] = territorial_verdicts(make_claim(), None, maps, MapSettings(k_days=5))
    again = replay(v, read_control_maps(folder))
    assert (again.status, again.lag_days, again.evidence) == (
        v.status,
        v.lag_days,
        v.evidence,
    )
    assert v.steps[-len(again.steps) :] == again.steps
    # After the maps are revised, the replay differs and the hashes show why.
    for path in folder.iterdir():
        union_file(path, [occupied_box(FAR)])
    revised = replay(v, read_control_maps(folder))
    assert revised.status == "not_confirmed"
    from foglift.verify.maps import sha256_file

    changed = [e for e in v.evidence if sha256_file(Path(e.path)) != e.sha256]
    assert changed
    assert all(e.day and e.day >= days(4) for e in changed)


def test_verify_stage_adds_verdicts_and_findings(
    daily_maps: Callable[..., Path],
) -> None:
    folder = daily_maps(FIRST, LAST, _held(-20))
    doc = Document(id="d", text="x" * 20, source="t", claims=(make_claim(),))
    out = verify(doc, read_control_maps(folder))
    assert [v.status for v in out.verdicts] == ["already_held"]
    assert [f.code for f in out.findings] == ["late_claim"]
    assert out.stages[-1] == "verify"
