"""Cumulative official series: import, anomalies, and claims checked against them.

A series file (CSV, or JSON: a list of records) has a ``date`` column and one
column per counted thing; every numeric column becomes a series named
``<file stem>:<column>`` (``russia_losses_equipment:tank``). A file whose stem
ends in ``_correction`` holds published corrections (deltas by date) for the
series of the stem before it.

Series live in a :class:`SeriesStore`. :class:`JsonSeriesStore` is a single
JSON file, a stand-in until the corpus store takes series over: anything with
the same three methods will do.
"""

from __future__ import annotations

import csv
import io
import json
import os
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol

from foglift.errors import DataError
from foglift.ingest.items import loads_bounded
from foglift.model import Claim, EvidenceFile, Verdict
from foglift.settings import default
from foglift.verify.maps import sha256_file

CHECK = "series"
_NOT_SERIES = {"date", "day", "id"}

# Extractor units -> series column names they count (General Staff naming).
UNIT_COLUMNS: dict[str, tuple[str, ...]] = {
    "personnel": ("personnel",),
    "tank": ("tank",),
    "armoured_vehicle": ("apc",),
    "artillery": ("field artillery",),
    "mlrs": ("mrl",),
    "vehicle": ("vehicles and fuel tanks", "military auto"),
    "air_defence": ("anti-aircraft warfare",),
    "drone": ("drone",),
    "missile": ("cruise missiles",),
    "aircraft": ("aircraft",),
    "helicopter": ("helicopter",),
    "ship": ("naval ship",),
    "submarine": ("submarines",),
    "special_equipment": ("special equipment",),
}


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: tuple[tuple[date, float], ...]
    source: str
    sha256: str
    corrections: tuple[tuple[date, float], ...] = ()
    corrections_source: str | None = None
    corrections_sha256: str | None = None


class SeriesStore(Protocol):
    def put(self, series: Series) -> None: ...
    def get(self, name: str) -> Series | None: ...
    def names(self) -> list[str]: ...


@dataclass
class JsonSeriesStore:
    """All series in one JSON file, rewritten whole (they are small)."""

    path: Path
    _data: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        if self.path.exists():
            try:
                self._data = loads_bounded(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise DataError(
                    f"cannot read the series store {self.path}: {exc}",
                    hint="move the file away and import the series again",
                ) from exc
        self._data.setdefault("schema", "foglift.series/1")
        self._data.setdefault("series", {})

    def put(self, series: Series) -> None:
        self._data["series"][series.name] = {
            "source": series.source,
            "sha256": series.sha256,
            "points": [[d.isoformat(), v] for d, v in series.points],
            "corrections": [[d.isoformat(), v] for d, v in series.corrections],
            "corrections_source": series.corrections_source,
            "corrections_sha256": series.corrections_sha256,
        }

    def get(self, name: str) -> Series | None:
        raw = self._data["series"].get(name)
        if raw is None:
            return None
        return Series(
            name=name,
            points=tuple((date.fromisoformat(d), float(v)) for d, v in raw["points"]),
            source=raw["source"],
            sha256=raw["sha256"],
            corrections=tuple(
                (date.fromisoformat(d), float(v)) for d, v in raw["corrections"]
            ),
            corrections_source=raw.get("corrections_source"),
            corrections_sha256=raw.get("corrections_sha256"),
        )

    def names(self) -> list[str]:
        return sorted(self._data["series"])

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(json.dumps(self._data, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, self.path)


def _records(path: Path) -> list[dict[str, Any]]:
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() == ".json":
        data = loads_bounded(text)
        if isinstance(data, dict):  # {"data": [...]} or {"records": [...]}
            data = next((v for v in data.values() if isinstance(v, list)), None)
        if not isinstance(data, list):
            raise ValueError("a JSON series file holds a list of records")
        return [r for r in data if isinstance(r, dict)]
    return list(csv.DictReader(io.StringIO(text)))


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        cleaned = value.strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
        try:
            return float(cleaned)
        except ValueError:
            return None
    return None


def read_series_file(
    path: str | Path, date_column: str = "date"
) -> dict[str, list[tuple[date, float]]]:
    """Columns of a CSV/JSON file as (date, value) lists, sorted by date."""
    path = Path(path)
    try:
        records = _records(path)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise DataError(
            f"cannot read {path.name} as a series file: {exc}",
            hint="give a CSV or a JSON list of records with a date column",
        ) from exc
    columns: dict[str, list[tuple[date, float]]] = {}
    for i, record in enumerate(records):
        raw_day = record.get(date_column)
        try:
            day = date.fromisoformat(str(raw_day)[:10])
        except ValueError as exc:
            raise DataError(
                f"{path.name}: record {i + 1} has no {date_column!r} date "
                f"(found {raw_day!r})",
                hint="pass --date-column NAME if the date column has another name",
            ) from exc
        for key, value in record.items():
            if key in _NOT_SERIES or key == date_column:
                continue
            number = _number(value)
            if number is not None:
                columns.setdefault(key, []).append((day, number))
    if not columns:
        raise DataError(f"{path.name}: no numeric column beside {date_column!r}")
    return {k: sorted(v) for k, v in columns.items()}


def import_series(
    store: SeriesStore, path: str | Path, date_column: str = "date"
) -> list[str]:
    """Import one file into ``store``; returns the names of the series written."""
    path = Path(path)
    columns = read_series_file(path, date_column)
    digest = sha256_file(path)
    stem = path.stem
    written = []
    if stem.endswith("_correction"):
        prefix = stem.removesuffix("_correction")
        for column, points in columns.items():
            name = f"{prefix}:{column}"
            old = store.get(name) or Series(name, (), "", "")
            store.put(
                Series(
                    name=name,
                    points=old.points,
                    source=old.source,
                    sha256=old.sha256,
                    corrections=tuple(points),
                    corrections_source=str(path),
                    corrections_sha256=digest,
                )
            )
            written.append(name)
        return written
    for column, points in columns.items():
        name = f"{stem}:{column}"
        previous = store.get(name)
        store.put(
            Series(
                name=name,
                points=tuple(points),
                source=str(path),
                sha256=digest,
                corrections=previous.corrections if previous else (),
                corrections_source=previous.corrections_source if previous else None,
                corrections_sha256=previous.corrections_sha256 if previous else None,
            )
        )
        written.append(name)
    return written


@dataclass(frozen=True, slots=True)
class Anomaly:
    series: str
    day: date
    kind: str  # unexplained_decrease, explained_decrease, outlier_increment
    value: float
    detail: str


def find_anomalies(
    series: Series,
    window_days: int | None = None,
    threshold: float | None = None,
    correction_days: int | None = None,
) -> list[Anomaly]:
    """Decreases and daily increments far outside the series' recent range.

    An increment is compared with the median and MAD of the increments in the
    ``window_days`` before it (at least 14 of them); the scale is at least one
    unit, so a series of mostly zeros does not flag every single loss.
    """
    window = int(window_days or default("series_window_days"))
    z_max = float(threshold or default("series_mad_threshold"))
    tolerance = int(
        correction_days
        if correction_days is not None
        else default("series_correction_days")
    )
    out: list[Anomaly] = []
    increments: list[tuple[date, float]] = []
    for (d0, v0), (d1, v1) in zip(series.points, series.points[1:], strict=False):
        gap = max((d1 - d0).days, 1)
        delta = v1 - v0
        if delta < 0:
            fixes = [
                (cd, cv)
                for cd, cv in series.corrections
                if cv < 0 and abs((cd - d1).days) <= tolerance
            ]
            if fixes:
                cd, cv = fixes[0]
                out.append(
                    Anomaly(
                        series.name,
                        d1,
                        "explained_decrease",
                        delta,
                        f"falls by {-delta:g} from {v0:g}; correction of {cv:g} "
                        f"dated {cd}",
                    )
                )
            else:
                out.append(
                    Anomaly(
                        series.name,
                        d1,
                        "unexplained_decrease",
                        delta,
                        f"falls by {-delta:g} from {v0:g} on {d0}; no correction "
                        f"within {tolerance} day(s)",
                    )
                )
            continue
        per_day = delta / gap
        recent = [x for d, x in increments if (d1 - d).days <= window]
        if len(recent) >= 14:
            median = statistics.median(recent)
            mad = statistics.median(abs(x - median) for x in recent)
            scale = max(1.4826 * mad, 1.0)
            z = (per_day - median) / scale
            if abs(z) > z_max:
                out.append(
                    Anomaly(
                        series.name,
                        d1,
                        "outlier_increment",
                        per_day,
                        f"+{per_day:g}/day against a median of {median:g} "
                        f"(MAD {mad:g}) over the previous {window} days: "
                        f"robust z {z:.1f} > {z_max:g}",
                    )
                )
        increments.append((d1, per_day))
    return out


def _norm(text: str) -> str:
    return text.lower().replace("_", " ").strip()


def series_for_unit(store: SeriesStore, unit: str) -> list[Series]:
    wanted = {_norm(c) for c in UNIT_COLUMNS.get(unit, (unit,))}
    found = []
    for name in store.names():
        column = name.rsplit(":", 1)[-1]
        if _norm(column) in wanted:
            series = store.get(name)
            if series is not None and series.points:
                found.append(series)
    return found


def series_verdicts(
    claim: Claim, published: date | None, store: SeriesStore
) -> list[Verdict]:
    """A stated cumulative total held against the stored series of its unit.

    ``consistent`` when the series has that total on D or the day before or
    after (lists are published in the morning for the day before), else
    ``inconsistent``; ``no_data`` when no stored series covers D.
    """
    q = claim.quantity
    if q is None or q.total is None:
        return []
    day = claim.time.last_day if claim.time and claim.time.last_day else published
    steps = [
        f"claim {claim.id}: total {q.total:g} {q.unit} stated by "
        f"{claim.claimant.name} ({claim.claimant.side})",
        f"D = {day}",
    ]
    matching = series_for_unit(store, q.unit)
    if day is None or not matching:
        why = "no claim date" if day is None else f"no stored series counts {q.unit}"
        return [Verdict(claim.id, CHECK, "no_data", (*steps, f"no_data: {why}"))]
    verdicts = []
    for series in matching:
        values = dict(series.points)
        near = [
            (d, values[d])
            for d in (day, day - timedelta(days=1), day + timedelta(days=1))
            if d in values
        ]
        params = (
            ("series", series.name),
            ("day", day.isoformat()),
            ("total", f"{q.total:g}"),
            ("tolerance_days", "1"),
        )
        evidence = (EvidenceFile(series.source, series.sha256, CHECK),)
        head = [*steps, f"series {series.name}"]
        if not near:
            verdicts.append(
                Verdict(
                    claim.id,
                    CHECK,
                    "no_data",
                    (*head, f"no_data: the series has no value on {day} +-1 day"),
                    params,
                    evidence,
                )
            )
            continue
        same = [d for d, v in near if v == q.total]
        if same:
            status = "consistent"
            note = f"consistent: the series reads {q.total:g} on {same[0]}"
        else:
            status = "inconsistent"
            shown = ", ".join(f"{d}: {v:g}" for d, v in near)
            note = f"inconsistent: the series reads {shown}"
        verdicts.append(
            Verdict(claim.id, CHECK, status, (*head, note), params, evidence)
        )
    return verdicts
