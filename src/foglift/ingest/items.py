"""What readers yield: an ``Item`` to store, a ``Rejected`` item, or a ``Skipped`` one.

A reader never raises for one bad item: it yields a ``Rejected`` with the
stage (``read``), a code and a reason, and goes on. ``Skipped`` is for input
that is fine but holds nothing to check (a photo-only Telegram post, a service
message, an image beside a Telegram export). The records themselves live in
:mod:`foglift.model`, below every stage and the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from foglift.model import Item, Read, Rejected, Skipped, clean_text, parse_day

__all__ = [
    "Item",
    "Read",
    "Reader",
    "Skipped",
    "TooDeep",
    "clean_text",
    "guard_depth",
    "make_item",
    "parse_day",
    "reject",
]

Reader = Iterator[Read]


def make_item(
    *, key: str, text: str, source_name: str, kind: str, **fields: object
) -> Item:
    """An Item with every string cleaned of characters a store cannot hold."""
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            cleaned[name] = clean_text(value)
        elif isinstance(value, tuple):
            cleaned[name] = tuple(clean_text(str(v)) for v in value)
        else:
            cleaned[name] = value
    return Item(
        key=clean_text(key),
        text=clean_text(text),
        source_name=clean_text(source_name),
        kind=kind,
        **cleaned,  # type: ignore[arg-type]
    )


def reject(source: str, code: str, reason: str, stage: str = "read") -> Rejected:
    return Rejected(
        source=clean_text(source),
        stage=stage,
        code=code,
        reason=clean_text(reason),
    )


class TooDeep(ValueError):
    """A JSON input nested deeper than ``max_json_depth``."""


def guard_depth(
    events: Iterator[tuple[str, str, Any]],
) -> Iterator[tuple[str, str, Any]]:
    """Pass streaming JSON events through, raising TooDeep past the limit."""
    from foglift.settings import default

    limit = int(default("max_json_depth"))
    depth = 0
    for prefix, event, value in events:
        if event in ("start_map", "start_array"):
            depth += 1
            if depth > limit:
                raise TooDeep(f"nested deeper than {limit} levels")
        elif event in ("end_map", "end_array"):
            depth -= 1
        yield prefix, event, value
