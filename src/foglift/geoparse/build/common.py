"""What every data source of the build shares: the entries being collected,
readers of the source files, and the writer of the compact files."""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

from foglift.geoparse.names import is_indexable

DATA_DIR = Path(__file__).parent.parent / "data"

PLACE_COLUMNS = (
    "id",
    "gazetteer_id",
    "name",
    "country",
    "lat",
    "lon",
    "precision",
    "fcode",
    "population",
    "parents",
    "merged_geonameid",
)


class Gazetteer:
    """Entries and aliases being collected, in the shape of the output files."""

    def __init__(self) -> None:
        self.places: dict[str, dict[str, str]] = {}
        self.aliases: dict[str, dict[str, str]] = defaultdict(dict)

    def add_place(self, **fields: str) -> None:
        self.places[fields["id"]] = {c: fields.get(c, "") for c in PLACE_COLUMNS}

    def add_alias(self, place_id: str, alias: str, kind: str) -> None:
        alias = " ".join(alias.split())
        if not alias or not is_indexable(alias) or place_id not in self.places:
            return
        known = self.aliases[place_id]
        # keep the strongest kind when one alias arrives twice
        if alias not in known or _KIND_RANK[kind] < _KIND_RANK[known[alias]]:
            known[alias] = kind


_KIND_RANK = {
    k: i
    for i, k in enumerate(
        ("name", "qualified", "uk", "ru", "abbr", "old", "alt", "demonym")
    )
}


def read_csv(path: Path, delimiter: str = ",") -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        yield from csv.DictReader(handle, delimiter=delimiter)


def read_tsv_rows(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def fmt_coordinate(value: float) -> str:
    return f"{value:.5f}".rstrip("0").rstrip(".")


def write_tsv_gz(
    path: Path, header: Iterable[str], rows: Iterable[Iterable[str]]
) -> None:
    # mtime=0 keeps the gzip bytes stable, so the files only change with the data
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as handle,
    ):
        handle.write(("\t".join(header) + "\n").encode())
        for row in rows:
            handle.write(("\t".join(row) + "\n").encode())
