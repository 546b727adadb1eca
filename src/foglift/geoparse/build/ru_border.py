"""Russia's border oblasts: a separable file under CC BY-NC-SA 4.0."""

from __future__ import annotations

import re
from pathlib import Path

from foglift.geoparse.build.common import (
    DATA_DIR,
    fmt_coordinate,
    read_csv,
    write_tsv_gz,
)

RU_BORDER_DIR = "ru-border"
RU_BORDER_FILE = "settlements.tsv.gz"
RU_BORDER_COLUMNS = (
    "id", "name_ru", "name_en", "lat", "lon", "admin1", "district", "fcode",
    "population", "alt_names",
)  # fmt: skip
# the source's oblasts -> GeoNames admin1 codes
_RU_BORDER_OBLASTS = {
    "Белгородская область": "RU.09",
    "Брянская область": "RU.10",
    "Воронежская область": "RU.86",
    "Краснодарский край": "RU.38",
    "Курская область": "RU.41",
    "Ростовская область": "RU.61",
}
# the source's kinds of settlement -> the feature codes the resolver knows
# (a town, a village, a hamlet: their typical size when no population is given)
_RU_BORDER_KINDS = {
    "город": "PPL_M",
    "посёлок городского типа": "PPL_M",
    "рабочий посёлок": "PPL_M",
    "хутор": "PPL_C",
    "деревня": "PPL_C",
}
_RU_DISTRICT = re.compile(r"^(\w+(?:ский|цкий|ской))(?: район)?$")


def derive_ru_border(shared: Path, out_dir: Path = DATA_DIR) -> int:
    """Write every settlement of Russia's border oblasts (Kursk, Belgorod,
    Bryansk, Rostov, Voronezh, Krasnodar) to its own file, apart from the
    rest: its source is licensed CC BY-NC-SA 4.0 (see that folder's LICENSE).
    Returns the number of settlements, 0 when the source is absent."""
    source = shared / "gazetteer/ru-border/ru_border_settlements.tsv"
    if not source.exists():
        return 0
    rows = []
    for row in read_csv(source, delimiter="\t"):
        admin1 = _RU_BORDER_OBLASTS.get(row["admin1"])
        if admin1 is None or not row["lat"] or not row["name_ru"]:
            continue
        district = _RU_DISTRICT.match(row["admin2"].strip())
        rows.append(
            (
                row["source_id"],
                row["name_ru"],
                row["name_en"],
                fmt_coordinate(float(row["lat"])),
                fmt_coordinate(float(row["lon"])),
                f"admin1:{admin1}",
                f"{district.group(1)} район" if district else "",
                _RU_BORDER_KINDS.get(row["kind"], "PPL_X"),
                row["population"] or "0",
                row["alt_names"],
            )
        )
    folder = out_dir / RU_BORDER_DIR
    folder.mkdir(parents=True, exist_ok=True)
    write_tsv_gz(folder / RU_BORDER_FILE, RU_BORDER_COLUMNS, sorted(rows))
    return len(rows)
