"""Reference data about sources: who they are, which side, who owns them."""

from __future__ import annotations

from foglift.names import name_key
from foglift.sources.registry import Registry, Source, load_registry

__all__ = ["Registry", "Source", "load_registry", "name_key"]
