"""Reference data about sources: who they are, which side, who owns them."""

from __future__ import annotations

from foglift.sources.registry import (
    Registry,
    Source,
    load_registry,
    name_key,
    translit_skeleton,
)

__all__ = ["Registry", "Source", "load_registry", "name_key", "translit_skeleton"]
