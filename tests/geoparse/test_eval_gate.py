"""Quality gate on the development corpora (skipped when ../shared is absent)."""

from pathlib import Path

import pytest

from foglift.geoparse.evaluate import evaluate

CORPORA = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "geoparse-dev"
)

# measured acc@161 (docs/geoparse.md), with gold spans and end to end; a gate
# may only go up
BASELINE = {
    ("TR-News.xml", True): 0.88,
    ("GeoVirus.xml", True): 0.855,
    ("TR-News.xml", False): 0.84,
    ("GeoVirus.xml", False): 0.835,
}


@pytest.mark.parametrize(("corpus", "gold_spans"), sorted(BASELINE))
def test_acc161_does_not_regress(corpus: str, gold_spans: bool) -> None:
    path = CORPORA / corpus
    if not path.exists():
        pytest.skip(f"development corpus {corpus} not present beside the project")
    score = evaluate(path, gold_spans=gold_spans)
    assert score.n > 1000
    assert score.acc161 >= BASELINE[(corpus, gold_spans)]


CLAIMS = CORPORA.parent / "claims-dev"

# share of the claims' gold places resolved within 10 km (docs/geoparse.md);
# a gate may only go up
CLAIM_PLACES_BASELINE = {"en.jsonl": 0.945, "ru.jsonl": 0.974, "uk.jsonl": 0.953}


@pytest.mark.parametrize("name", sorted(CLAIM_PLACES_BASELINE))
def test_claim_places_do_not_regress(name: str) -> None:
    from foglift.geoparse.evaluate import evaluate_claim_places

    path = CLAIMS / name
    if not path.exists():
        pytest.skip(f"claims development set {name} not present beside the project")
    share = evaluate_claim_places(path).share()
    assert share.n > 100
    assert share.value >= CLAIM_PLACES_BASELINE[name]
