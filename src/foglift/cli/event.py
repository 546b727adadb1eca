"""``foglift event ID``: one event's sources as a tree."""

from __future__ import annotations

from foglift.cli.events import add_event_arguments as add_arguments
from foglift.cli.events import run_event as run

__all__ = ["add_arguments", "run"]
