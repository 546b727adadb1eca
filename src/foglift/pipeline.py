"""The stage order. Each stage takes a Document and returns a new one.

normalise   text        -> repaired text, repairs, language of each paragraph
extract     text        -> sentences, claimants, places, numbers, times, claims
geoparse    places      -> resolved places, place findings
link        claims      -> findings about sourcing and repairs
verify      claims      -> verdicts against the evidence given (maps, series,
                           reference totals), and the findings they raise
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from foglift.errors import UsageError
from foglift.model import Document
from foglift.normalise.language import LANGUAGES

if TYPE_CHECKING:
    from foglift.verify import ControlMaps, MapSettings, ReferenceTable, SeriesStore


@dataclass(frozen=True, slots=True)
class Evidence:
    """Independent evidence claims are held against: control-map snapshots,
    an official series, reference totals. The same options as ``foglift check``
    and ``foglift verify`` (``--control-maps``, ``--series-db``,
    ``--reference`` ...); load once with :meth:`load`, pass to every check.
    """

    maps: ControlMaps | None = None
    settings: MapSettings | None = None  # thresholds; None: the defaults
    series: SeriesStore | None = None
    reference: ReferenceTable | None = None

    @property
    def given(self) -> bool:
        """Whether there is anything to verify against."""
        return any(e is not None for e in (self.maps, self.series, self.reference))

    @classmethod
    def load(
        cls,
        *,
        control_maps: str | Path | None = None,
        maps_config: str | Path | None = None,
        series_db: str | Path | None = None,
        reference: str | Path | None = None,
        window_days: int | None = None,
        buffer_m: float | None = None,
        late_days: int | None = None,
    ) -> Evidence:
        """Read the evidence files the CLI options name (None: not used)."""
        if not (control_maps or series_db or reference):
            return cls()  # nothing to verify against: no verify code loaded
        from foglift.verify import (
            JsonSeriesStore,
            MapSettings,
            read_control_maps,
            read_reference,
        )

        settings = MapSettings()
        if window_days is not None:
            settings = replace(settings, days_after=window_days)
        if buffer_m is not None:
            settings = replace(settings, buffer_m=buffer_m)
        if late_days is not None:
            settings = replace(settings, k_days=late_days)
        return cls(
            maps=read_control_maps(control_maps, maps_config) if control_maps else None,
            settings=settings,
            series=JsonSeriesStore(Path(series_db)) if series_db else None,
            reference=read_reference(reference) if reference else None,
        )


def document_id(source: str, text: str) -> str:
    """Stable id of a document: its source and content."""
    digest = hashlib.sha256(f"{source}\x00{text}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def check_text(
    text: str,
    *,
    source: str = "<text>",
    published: date | None = None,
    lang: str = "auto",
    sources_file: str | None = None,
    publisher: str | None = None,
    evidence: Evidence | None = None,
) -> Document:
    """Run every stage on one text and return the finished Document.

    ``publisher`` is the channel or site the text came from: what the text
    states in its own voice is that publisher's claim. With ``evidence`` the
    claims are verified too, as ``foglift check --control-maps DIR`` does.
    """
    from foglift.budget import check_time
    from foglift.extract import extract
    from foglift.geoparse import geoparse
    from foglift.link import assess_sourcing
    from foglift.normalise import normalise

    if lang not in ("auto", *LANGUAGES):
        raise UsageError(
            f"foglift reads {', '.join(LANGUAGES)}, not {lang!r}",
            hint="pass --lang auto to detect the language of each paragraph",
        )
    doc = Document(
        id=document_id(source, text),
        text=text,
        source=source,
        published=published,
        publisher=publisher,
    )
    doc = normalise(doc, lang)
    check_time()
    doc = extract(doc, sources_file)
    check_time()
    # the maps also say where the front line ran: evidence for the namesake
    # of a ground claim's place
    doc = geoparse(doc, evidence.maps if evidence is not None else None)
    check_time()
    doc = assess_sourcing(doc, sources_file)
    if evidence is not None and evidence.given:
        from foglift.verify import verify

        doc = verify(
            doc,
            evidence.maps,
            evidence.settings,
            series=evidence.series,
            reference=evidence.reference,
        )
    return doc
