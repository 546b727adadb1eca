"""The geoparse measures: halves, bootstrap intervals, and the gold places of
claims split by what the text says beside them."""

import json
from pathlib import Path

from foglift.geoparse.evaluate import (
    Share,
    bootstrap_interval,
    evaluate_claim_places,
    gold_place_cue,
    half_of,
)


def _cue(text: str, name: str) -> str:
    at = text.index(name)
    return gold_place_cue(text, at, at + len(name))


def test_the_cue_beside_a_gold_place_is_read_from_the_text() -> None:
    assert _cue("Russian forces took Zoria (south of Kostiantynivka).", "Zoria") == (
        "anchor"
    )
    assert _cue("They shelled Vodiane, 8km east of Avdiivka.", "Vodiane") == "anchor"
    assert _cue("Бои у Тарасовки южнее Константиновки.", "Тарасовки") == "anchor"
    assert _cue("Ворог атакував Зорю на південь від Бахмута.", "Зорю") == "anchor"
    assert _cue("Troops took Vesele in the DNR.", "Vesele") == "qualifier"
    assert _cue("Бої біля Іллінки на Донеччині.", "Іллінки") == "qualifier"
    assert _cue("На Харківщині ворог атакував Вовчанськ.", "Вовчанськ") == "qualifier"
    assert _cue("Russian troops seized Pryvillia.", "Pryvillia") == "none"
    # a sentence end closes what is beside the name
    assert _cue("They took Pryvillia. Kharkiv Oblast was shelled.", "Pryvillia") == (
        "none"
    )


def test_halves_and_intervals_are_fixed_and_contain_the_share() -> None:
    assert half_of("one article") == half_of("one article")
    assert {half_of(f"article {n}") for n in range(20)} == {"A", "B"}
    groups = [(3, 4), (1, 2), (5, 5), (0, 3), (2, 2)]
    low, high = bootstrap_interval(groups)
    assert (low, high) == bootstrap_interval(groups)  # a fixed seed
    share = Share.of(groups)
    assert low <= share.value <= high
    assert (share.hits, share.n) == (11, 16)
    assert bootstrap_interval([(2, 2), (3, 3)]) == (1.0, 1.0)


def test_gold_places_of_claims_are_resolved_in_their_text(tmp_path: Path) -> None:
    items = [
        {
            "id": "uk-0002",
            "text": "Сили оборони звільнили Іллінку на Донеччині.",
            "claims": [
                {
                    "places": [
                        # a village of that name in Donetsk Oblast
                        {"name": "Іллінку", "lat": 48.0072, "lon": 37.2966},
                        {"name": "Донеччині", "kind": "direction", "lat": None},
                    ]
                }
            ],
        },
        {"id": "uk-0003", "text": "Без місць.", "claims": []},
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8"
    )
    score = evaluate_claim_places(path)
    assert [(o.gold.name, o.gold.cue) for o in score.outcomes] == [
        ("Іллінку", "qualifier")
    ]
    table = score.table()
    assert (table["qualifier"].hits, table["qualifier"].n) == (1, 1)
    assert table["none"].n == 0 and table["even"].n == 1
