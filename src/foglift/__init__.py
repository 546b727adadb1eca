"""foglift: check war claims against independent evidence.

>>> from foglift import check_text
>>> doc = check_text(article, published=date(2025, 11, 12))
>>> [(c.claimant.name, c.action, c.places) for c in doc.claims]
>>> maps = Evidence.load(control_maps="maps/")  # as foglift check --control-maps
>>> check_text(article, published=date(2025, 11, 12), evidence=maps).verdicts
"""

from __future__ import annotations

from foglift.errors import DataError, FogliftError, InputError, UsageError
from foglift.model import (
    SCHEMA,
    Claim,
    Claimant,
    Document,
    Finding,
    PlaceMention,
    Quantity,
    Reaction,
    Rejected,
    Repair,
    Resolution,
    TimeSpan,
)
from foglift.pipeline import Evidence, check_text
from foglift.version import __version__

__all__ = [
    "SCHEMA",
    "Claim",
    "Claimant",
    "DataError",
    "Document",
    "Evidence",
    "Finding",
    "FogliftError",
    "InputError",
    "PlaceMention",
    "Quantity",
    "Reaction",
    "Rejected",
    "Repair",
    "Resolution",
    "TimeSpan",
    "UsageError",
    "__version__",
    "check_text",
]
