"""foglift: check war claims against independent evidence."""

from __future__ import annotations

__version__ = "0.1.0"
