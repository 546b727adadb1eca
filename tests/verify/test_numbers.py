"""Series import and anomalies, totals against series, counts against references."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from foglift.errors import DataError
from foglift.model import Claim, Document, Quantity, TimeSpan
from foglift.verify import (
    JsonSeriesStore,
    find_anomalies,
    import_series,
    read_reference,
    verify,
)
from foglift.verify.reference import reference_verdicts
from foglift.verify.series import series_verdicts

from ..conftest import shared_path
from .conftest import make_claim

START = date(2025, 1, 1)


def _series_file(folder: Path, values: list[float], name: str = "losses") -> Path:
    rows = [
        {"date": (START + timedelta(days=i)).isoformat(), "day": i, "tank": v}
        for i, v in enumerate(values)
    ]
    path = folder / f"{name}.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    return path


def _steady(n: int = 40) -> list[float]:
    # +3, +4, +5 tanks a day, repeating
    out, total = [], 100.0
    for i in range(n):
        total += 3 + i % 3
        out.append(total)
    return out


def test_import_and_reload(tmp_path: Path) -> None:
    store = JsonSeriesStore(tmp_path / "series.json")
    names = import_series(store, _series_file(tmp_path, _steady()))
    assert names == ["losses:tank"]
    store.save()
    again = JsonSeriesStore(tmp_path / "series.json").get("losses:tank")
    assert again is not None and len(again.points) == 40
    assert len(again.sha256) == 64


def test_csv_with_another_date_column(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text('day_of,tanks,note\n2025-01-02,"1,203",x\n2025-01-01,1200,y\n')
    store = JsonSeriesStore(tmp_path / "s.json")
    assert import_series(store, path, date_column="day_of") == ["claims:tanks"]
    series = store.get("claims:tanks")
    assert series and series.points == (
        (date(2025, 1, 1), 1200.0),
        (date(2025, 1, 2), 1203.0),
    )
    with pytest.raises(DataError) as exc:
        import_series(store, path)
    assert exc.value.hint and "--date-column" in exc.value.hint


def test_steady_series_has_no_anomaly(tmp_path: Path) -> None:
    store = JsonSeriesStore(tmp_path / "s.json")
    import_series(store, _series_file(tmp_path, _steady()))
    series = store.get("losses:tank")
    assert series is not None
    assert find_anomalies(series) == []


def test_decreases_and_outliers(tmp_path: Path) -> None:
    values = _steady()
    values[20:] = [v - 5 - values[19] + values[18] for v in values[20:]]  # a drop
    values[30:] = [v + 200 for v in values[30:]]  # one huge day
    store = JsonSeriesStore(tmp_path / "s.json")
    import_series(store, _series_file(tmp_path, values))
    series = store.get("losses:tank")
    assert series is not None
    kinds = [(a.kind, a.day) for a in find_anomalies(series)]
    assert kinds == [
        ("unexplained_decrease", START + timedelta(days=20)),
        ("outlier_increment", START + timedelta(days=30)),
    ]
    # A published correction on the day before explains the drop.
    fix = tmp_path / "losses_correction.json"
    fix.write_text(json.dumps([{"date": "2025-01-20", "tank": -5}]))
    import_series(store, fix)
    series = store.get("losses:tank")
    assert series is not None
    kinds = [(a.kind, a.day) for a in find_anomalies(series)]
    assert kinds[0] == ("explained_decrease", START + timedelta(days=20))
    assert find_anomalies(series, correction_days=0)[0].kind == "unexplained_decrease"


def _total_claim(total: float, day: date) -> Claim:
    base = make_claim(side="ukraine", action="destroyed", claim_type="losses", day=day)
    from dataclasses import replace

    return replace(
        base,
        places=(),
        quantity=Quantity(2, 2, 2, "tank", "2", 0, 1, total=total),
        time=TimeSpan(day - timedelta(days=1), day, "past day", "duration", 0, 1),
    )


def test_stated_total_against_the_series(tmp_path: Path) -> None:
    values = _steady()
    store = JsonSeriesStore(tmp_path / "s.json")
    import_series(store, _series_file(tmp_path, values))
    day = START + timedelta(days=10)
    [v] = series_verdicts(_total_claim(values[10], day), None, store)
    assert v.status == "consistent"
    [v] = series_verdicts(_total_claim(values[9], day), None, store)
    assert v.status == "consistent"  # the list of the day before
    [v] = series_verdicts(_total_claim(values[10] + 50, day), None, store)
    assert v.status == "inconsistent"
    [v] = series_verdicts(_total_claim(5, date(2020, 1, 1)), None, store)
    assert v.status == "no_data"
    assert v.evidence[0].sha256 == store.get("losses:tank").sha256  # type: ignore[union-attr]


def test_general_staff_series_reads_and_corrections_explain_drops(
    tmp_path: Path,
) -> None:
    folder = shared_path("data", "ua-general-staff-losses")
    store = JsonSeriesStore(tmp_path / "s.json")
    for name in (
        "russia_losses_equipment.json",
        "russia_losses_personnel.json",
        "russia_losses_equipment_correction.json",
    ):
        import_series(store, folder / name)
    tank = store.get("russia_losses_equipment:tank")
    assert tank is not None and len(tank.points) > 1500
    assert tank.corrections
    drops = {
        (a.series.split(":")[1], a.day): a.kind
        for name in store.names()
        for a in find_anomalies(store.get(name))  # type: ignore[arg-type]
        if a.kind.endswith("decrease")
    }
    assert drops[("tank", date(2023, 5, 28))] == "explained_decrease"
    assert drops[("APC", date(2022, 10, 13))] == "explained_decrease"
    assert drops[("aircraft", date(2023, 10, 3))] == "explained_decrease"
    # No correction record covers this drop in the data as published.
    assert drops[("field artillery", date(2026, 3, 4))] == "unexplained_decrease"


def _reference(tmp_path: Path) -> Path:
    path = tmp_path / "reference.csv"
    path.write_text(
        "place,kind,total,source\nTestivka,buildings,1000,synthetic count\n",
        encoding="utf-8",
    )
    return path


def _count_claim(cid: str, n: float, day: date, days: int = 1) -> Claim:
    from dataclasses import replace

    base = make_claim(day=day)
    return replace(
        base,
        id=cid,
        claim_type="objects",
        quantity=Quantity(n, n, n, "building", f"{n:g} buildings", 0, 1),
        time=TimeSpan(day - timedelta(days=days - 1), day, "x", "duration", 0, 1),
    )


def test_counts_against_the_reference_total(tmp_path: Path) -> None:
    table = read_reference(_reference(tmp_path))
    claims = (
        _count_claim("a", 200, date(2025, 6, 1)),
        _count_claim("b", 300, date(2025, 6, 2), days=7),
        _count_claim("c", 400, date(2025, 6, 3), days=10),
        _count_claim("d", 200, date(2025, 6, 4), days=10),
    )
    got = [(v.claim_id, v.status) for v in reference_verdicts(claims, None, table)]
    assert got == [
        ("a", "within_reference"),  # 20% in a day
        ("b", "within_reference"),  # 4% a day
        ("c", "within_reference"),  # sum 900 of 1000
        ("d", "exceeds_reference"),  # sum 1100
    ]
    fast = (_count_claim("e", 256, date(2025, 6, 1)),)
    [v] = reference_verdicts(fast, None, table)
    assert v.status == "implausible_rate"  # 25.6% of the town in one day
    other = replace_place(_count_claim("f", 5, date(2025, 6, 1)))
    [v] = reference_verdicts((other,), None, table)
    assert v.status == "no_data"


def replace_place(claim: Claim) -> Claim:
    from dataclasses import replace

    from foglift.model import PlaceMention

    return replace(claim, places=(PlaceMention("Elsewhere", 0, 1),))


def test_bad_reference_table(tmp_path: Path) -> None:
    path = tmp_path / "r.csv"
    path.write_text("place,kind,total\nX,buildings,many\n", encoding="utf-8")
    with pytest.raises(DataError):
        read_reference(path)


def test_verify_adds_number_findings(tmp_path: Path) -> None:
    table = read_reference(_reference(tmp_path))
    claim = _count_claim("a", 1200, date(2025, 6, 1))
    doc = Document(id="d", text="x" * 20, source="t", claims=(claim,))
    out = verify(doc, reference=table)
    assert [v.status for v in out.verdicts] == ["exceeds_reference"]
    assert [f.code for f in out.findings] == ["exceeds_reference"]
