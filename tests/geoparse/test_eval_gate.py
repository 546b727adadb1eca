"""Quality gate on the development corpora (skipped when ../shared is absent)."""

from pathlib import Path

import pytest

from foglift.geoparse.evaluate import evaluate

CORPORA = (
    Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "geoparse-dev"
)

# measured acc@161 with gold spans (docs/geoparse.md); may only go up
BASELINE = {"TR-News.xml": 0.81, "GeoVirus.xml": 0.70}


@pytest.mark.parametrize("corpus", sorted(BASELINE))
def test_acc161_does_not_regress(corpus: str) -> None:
    path = CORPORA / corpus
    if not path.exists():
        pytest.skip(f"development corpus {corpus} not present beside the project")
    score = evaluate(path, gold_spans=True)
    assert score.n > 1000
    assert score.acc161 >= BASELINE[corpus]
