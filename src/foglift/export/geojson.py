"""Claims as GeoJSON (RFC 7946): one Point feature per claim and resolved place.

Coordinates are WGS 84 longitude, latitude (no ``crs`` member, as RFC 7946
requires) with six decimals; properties carry the claim's fields as the CSV
export has them, plus the place's. A claim with no resolved place has no
feature.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from typing import Any, TextIO

from foglift.export.records import flat_claim

# a feature's place properties: the mention's, then its resolution's
PLACE_PROPERTIES = ("name", "start", "end")
RESOLUTION_PROPERTIES = (
    ("gazetteer_id", "gazetteer_id"),
    ("resolved_name", "name"),
    ("country", "country"),
    ("admin1", "admin1"),
    ("admin2", "admin2"),
    ("precision", "precision"),
    ("confidence", "confidence"),
    ("coarsened_km", "coarsened_km"),
)


def claim_features(record: dict[str, Any]) -> list[dict[str, Any]]:
    flat = flat_claim(record)
    flat.pop("places", None)
    features = []
    for n, place in enumerate(record.get("places", [])):
        resolved = place.get("resolved") or {}
        lat, lon = resolved.get("lat"), resolved.get("lon")
        if lat is None or lon is None:
            continue
        if not (math.isfinite(lat) and math.isfinite(lon)):
            continue
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        properties = dict(flat)
        for key in PLACE_PROPERTIES:
            properties[f"place_{key}"] = place.get(key)
        for key, field in RESOLUTION_PROPERTIES:
            properties[f"place_{key}"] = resolved.get(field)
        features.append(
            {
                "type": "Feature",
                "id": f"{record['id']}:p{n + 1}",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(lon, 6), round(lat, 6)],
                },
                "properties": properties,
            }
        )
    return features


def write_geojson(records: Iterable[dict[str, Any]], out: TextIO) -> int:
    """A FeatureCollection, streamed feature by feature; returns the count."""
    n = 0
    out.write('{"type": "FeatureCollection", "features": [')
    for record in records:
        for feature in claim_features(record):
            out.write(",\n" if n else "\n")
            out.write(json.dumps(feature, ensure_ascii=False, sort_keys=True))
            n += 1
    out.write("\n]}\n")
    return n
