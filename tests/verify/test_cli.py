"""``foglift check --control-maps`` and ``foglift series``, end to end."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from .conftest import union_file

Run = Callable[..., tuple[int, str, str]]

ARTICLE = (
    "On November 11, the Russian Defense Ministry said its forces had captured "
    "Pokrovsk."
)
POKROVSK = (37.179, 48.283)  # a public gazetteer point, not map data


def _maps(folder: Path, held_from: date) -> Path:
    folder.mkdir()
    lon, lat = POKROVSK
    day = date(2025, 10, 20)
    while day <= date(2025, 12, 20):
        reach = -0.003 if day >= held_from else 0.05
        poly = [
            [
                [lon - 1, lat - 1],
                [lon + 1, lat - 1],
                [lon + 1, lat - reach],
                [lon - 1, lat - reach],
                [lon - 1, lat - 1],
            ]
        ]
        union_file(folder / f"deepstatemap_data_{day:%Y%m%d}.geojson", [poly])
        day += timedelta(days=1)
    return folder


def test_check_with_control_maps(tmp_path: Path, run_cli: Run) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    maps = _maps(tmp_path / "maps", date(2025, 11, 14))
    (maps / "broken_20251101.geojson").write_text("{", encoding="utf-8")
    code, out, err = run_cli(
        "check",
        str(article),
        "--published",
        "2025-11-12",
        "--control-maps",
        str(maps),
        "--format",
        "json",
    )
    assert code == 0, err
    assert "unreadable" in err
    [verdict] = json.loads(out)["verdicts"]
    assert (verdict["status"], verdict["lag_days"]) == ("confirmed", 3)
    code, out, _ = run_cli(
        "check",
        str(article),
        "--published",
        "2025-11-12",
        "--control-maps",
        str(maps),
        "--window-days",
        "2",
    )
    assert code == 0
    assert "Verdicts (1)" in out and "not_confirmed" in out


def test_report_escapes_hostile_names(tmp_path: Path) -> None:
    import io

    from foglift.export.report import render_report
    from foglift.model import Document, Verdict

    doc = Document(
        id="d",
        text="x",
        source="s",
        verdicts=(Verdict("c1", "control_map", "[bold red]x[/]", ("[link=y]z",)),),
        stages=("verify",),
    )
    buf = io.StringIO()
    render_report(doc, file=buf, color=False)
    assert "[bold red]x[/]" in buf.getvalue() and "[link=y]z" in buf.getvalue()


def test_series_import_and_check(tmp_path: Path, run_cli: Run) -> None:
    rows = [
        {"date": f"2025-01-{d:02d}", "tank": 100 + 3 * d - (20 if d == 25 else 0)}
        for d in range(1, 31)
    ]
    src = tmp_path / "gs.json"
    src.write_text(json.dumps(rows), encoding="utf-8")
    db = tmp_path / "series.json"
    code, out, err = run_cli("series", "import", str(src), "--series-db", str(db))
    assert code == 0, err
    code, out, err = run_cli(
        "series", "check", "--series-db", str(db), "--format", "json"
    )
    assert code == 0, err
    kinds = [(a["date"], a["kind"]) for a in json.loads(out)["anomalies"]]
    assert ("2025-01-25", "unexplained_decrease") in kinds
    code, _, err = run_cli("series", "check", "nope", "--series-db", str(db))
    assert code == 2 and "no such series" in err
    code, _, err = run_cli("series", "import", str(tmp_path / "missing.csv"))
    assert code == 1
