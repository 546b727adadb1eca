"""The claims scorer: matching, fields, halves and the CLI, on items we write."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from foglift.extract.evaluate import evaluate, read_gold
from tests.conftest import shared_path

ITEMS = [
    {
        "id": "t-0001",
        "lang": "en",
        "source": "Example Wire, 2025-11-12",
        "published": "2025-11-12",
        "text": "The Russian Ministry of Defence said on November 11 that Russian "
        "forces had captured Kurakhove.",
        "claims": [
            {
                "claimant": "Russian Ministry of Defence",
                "claimant_kind": "official",
                "side": "russia",
                "stance": "asserts",
                "type": "territorial",
                "action": "captured",
                "agent_side": "russia",
                "quantity": None,
                "date": "2025-11-11",
                "places": [{"name": "Kurakhove", "lat": 47.98, "lon": 37.28}],
            }
        ],
    },
    # A negative: nothing here is a claim, so any claim found is spurious.
    {
        "id": "t-0002",
        "lang": "en",
        "source": "Example Wire",
        "published": "2025-11-12",
        "text": "The weather in the region was cold and wet all week.",
        "claims": [],
    },
    # A claim the extractor cannot be expected to find: it counts as missed.
    {
        "id": "t-0003",
        "lang": "en",
        "source": "Example Wire",
        "published": "2025-11-12",
        "text": "Nothing of note happened.",
        "claims": [
            {
                "claimant": "Example Wire",
                "stance": "asserts",
                "type": "strike",
                "action": "struck",
                "quantity": {"value": 7, "unit": "drone"},
                "date": None,
                "places": [],
            }
        ],
    },
]


@pytest.fixture
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in ITEMS) + "\n", encoding="utf-8")
    return path


def test_scores_matches_misses_and_fields(gold: Path) -> None:
    result = evaluate([gold], lang="en")
    tally = result.by_lang["en"]
    assert (tally.gold, tally.matched) == (2, 1)
    assert tally.recall == 0.5
    assert tally.predicted == 1 and tally.precision == 1.0
    for name in ("claimant", "stance", "type", "action", "agent_side", "date"):
        assert tally.share(name) == 1.0, name
    assert tally.share("place_point") == 1.0
    assert tally.scored["quantity"] == 0  # neither side has one
    assert [e.kind for e in result.errors] == ["missed"]
    assert set(result.by_half) == {("en", "odd"), ("en", "even")}
    assert result.by_half[("en", "even")].predicted == 0


def test_publisher_comes_from_the_source() -> None:
    path_items = [dict(ITEMS[0], source="Some Channel 12345")]
    item = next(iter(_items(path_items)))
    assert item.publisher == "Some Channel"
    assert item.half == "odd"


def _items(rows: list[dict[str, object]]) -> object:
    import tempfile

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as handle:
        handle.write("\n".join(json.dumps(r) for r in rows))
    return list(read_gold(Path(handle.name)))


def test_cli_prints_figures_and_errors(
    gold: Path, run_cli: Callable[..., tuple[int, str, str]]
) -> None:
    code, out, _ = run_cli("eval", "claims", str(gold), "--lang", "en", "--errors", "5")
    assert code == 0
    assert "recall" in out and "50.0%" in out
    assert "== missed" in out and "t-0003" in out
    code, out, _ = run_cli(
        "eval", "claims", str(gold), "--lang", "en", "--format", "json"
    )
    data = json.loads(out)
    assert data["languages"]["en"]["matched"] == 1
    assert data["halves"]["en-odd"]["recall"] == 0.5


def test_a_malformed_gold_line_names_its_line(tmp_path: Path) -> None:
    from foglift.extract.evaluate import GoldError

    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="line 1"):
        list(read_gold(path))


def test_dev_set_is_scored_when_present() -> None:
    """The real dev set runs end to end (figures: docs/evaluation.md)."""
    path = shared_path("data", "claims-dev", "uk.jsonl")
    result = evaluate([path])
    tally = result.by_lang["uk"]
    assert result.items >= 50 and not result.failed
    assert tally.gold > 200 and tally.matched > 0


def _claim_at(name: str, precision: str, lat: float, lon: float) -> object:
    from foglift.model import Claim, Claimant, PlaceMention, Resolution

    resolved = Resolution(
        "x", "Bryansk Oblast", (), "RU", "Bryansk Oblast", None, lat, lon,
        precision, 1.0,  # type: ignore[arg-type]
    )  # fmt: skip
    return Claim(
        "c1", "strike", "shot down", "сбиты", 0, 5,
        Claimant("author", "unknown", False, "unknown", 0, 0), "asserts", "author",
        0, 10, places=(PlaceMention(name, 0, len(name), resolved),),
    )  # fmt: skip


def test_a_region_is_placed_by_identity_a_settlement_by_its_point() -> None:
    from foglift.extract.evaluate import _placed

    region = {
        "name": "Брянской областью",
        "admin1": "Bryansk",
        "lat": 52.9,
        "lon": 33.4,
    }
    # the oblast's point is a convention: 40 km apart, still the same oblast
    assert _placed(region, _claim_at("Брянской областью", "region", 53.27, 34.32))  # type: ignore[arg-type]
    # a settlement must be within 10 km, whatever its oblast
    town = {"name": "Брянске", "admin1": "Bryansk", "lat": 52.9, "lon": 33.4}
    assert not _placed(town, _claim_at("Брянске", "settlement", 53.27, 34.32))  # type: ignore[arg-type]
    assert _placed(town, _claim_at("Брянске", "settlement", 52.95, 33.42))  # type: ignore[arg-type]
    # an adjective alone ("над Брянской и Курской областями") is the same
    # gazetteer entry, whatever point each gives it
    listed = {"name": "Брянской", "admin1": "Bryansk", "lat": 52.9, "lon": 33.4}
    claim = _claim_at("Брянской", "region", 53.27, 34.32)
    assert not _placed(listed, claim)  # type: ignore[arg-type]
    assert _placed({**listed, "id": "x"}, claim)  # type: ignore[arg-type]


def test_control_maps_weigh_the_namesakes_of_claim_places(tmp_path: Path) -> None:
    """With maps (``eval claims --control-maps``) a village of many namesakes
    is looked for by the front line on the item's day, as ``check`` does."""
    from foglift.geoparse.resolve import find_matches
    from foglift.pipeline import Evidence
    from tests.geoparse.test_frontline import DAY, TEXT, _maps

    namesakes = {round(m.place.lon, 2): m.place for m in find_matches("Dachne")}
    village = namesakes[36.27]  # one of the Dachnes by a front we draw
    item = {
        "id": "t-0010",
        "lang": "en",
        "source": "Example Wire",
        "published": DAY.isoformat(),
        "text": TEXT,
        "claims": [
            {
                "claimant": "defence ministry",
                "stance": "asserts",
                "type": "territorial",
                "action": "captured",
                "places": [{"name": "Dachne", "lat": village.lat, "lon": village.lon}],
            }
        ],
    }
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(item) + "\n", encoding="utf-8")
    evidence = Evidence.load(control_maps=_maps(tmp_path / "maps", 36.30))
    with_maps = evaluate([path], evidence=evidence).by_lang["en"]
    assert with_maps.matched == 1
    assert with_maps.value("place_point") == 1.0
    without = evaluate([path]).by_lang["en"]
    assert without.matched == 1
    assert without.value("place_point") == 0.0
