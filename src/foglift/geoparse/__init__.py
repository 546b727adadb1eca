"""Geoparsing: find places in a text and resolve them in the text's theatre.

``geoparse(doc)`` is the pipeline stage; ``lookup`` and ``parse_text`` are the
library functions under ``foglift geo``. Importing this package is cheap: the
gazetteer index is opened (and built, once, into the cache directory) on the
first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foglift.geoparse.stage import geoparse, lookup, parse_text

__all__ = ["geoparse", "lookup", "parse_text"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from foglift.geoparse import stage

        return getattr(stage, name)
    raise AttributeError(f"module 'foglift.geoparse' has no attribute {name!r}")
