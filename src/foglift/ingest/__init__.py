"""Ingest stage: read inputs into Documents, refusing what is not text."""

from __future__ import annotations

from foglift.ingest.text import read_text

__all__ = ["read_text"]
