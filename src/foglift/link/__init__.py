"""Link stage: relate sources and claims to each other and judge independence."""

from __future__ import annotations

from foglift.link.sourcing import assess_sourcing

__all__ = ["assess_sourcing"]
