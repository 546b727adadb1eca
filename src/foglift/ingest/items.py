"""What readers yield: an ``Item`` to store, a ``Rejected`` item, or a ``Skipped`` one.

A reader never raises for one bad item: it yields a ``Rejected`` with the
stage (``read``), a code and a reason, and goes on. ``Skipped`` is for input
that is fine but holds nothing to check (a photo-only Telegram post, a service
message, an image beside a Telegram export).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from foglift.model import Rejected

# NUL cannot be stored in PostgreSQL text and lone surrogates cannot be encoded
# as UTF-8; each becomes U+FFFD so character offsets stay where they were.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def clean_text(value: str) -> str:
    return _UNSTORABLE.sub("\ufffd", value)


@dataclass(frozen=True, slots=True)
class Item:
    """One document as read, before the pipeline.

    ``key`` identifies the item within its input across runs (a path, a
    channel and message id, a feed entry id); the document id hashes it with
    the text, so the same key with new text is a new version.
    """

    key: str
    text: str
    source_name: str
    kind: str  # file, html, telegram, feed, table
    title: str | None = None
    author: str | None = None
    url: str | None = None
    posted_at: str | None = None  # ISO date or date-time, as precise as given
    # where posted_at came from when the input had none of its own:
    # "--published", "dateline", "file name"
    published_from: str | None = None
    forwarded_from: str | None = None
    reply_to: str | None = None
    media: tuple[str, ...] = ()
    source_external_id: str | None = None
    source_url: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    # media files to record: (path as the input names it, type such as photo,
    # video_file, animation, img), relative to ``media_root``, the folder the
    # input was read from (None: no folder, e.g. stdin)
    media_refs: tuple[tuple[str, str], ...] = ()
    media_root: str | None = None

    @property
    def published(self) -> date | None:
        return parse_day(self.posted_at)


@dataclass(frozen=True, slots=True)
class Skipped:
    source: str
    reason: str
    # a post with media and no text: what media provenance needs of it
    post: Item | None = None


Read = Item | Rejected | Skipped
Reader = Iterator[Read]


def parse_day(value: str | None) -> date | None:
    """The calendar day of an ISO date or date-time string, or None."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def make_item(
    *, key: str, text: str, source_name: str, kind: str, **fields: object
) -> Item:
    """An Item with every string cleaned of characters a store cannot hold."""
    cleaned: dict[str, object] = {}
    for name, value in fields.items():
        if isinstance(value, str):
            cleaned[name] = clean_text(value)
        elif isinstance(value, tuple) and name == "media_refs":
            cleaned[name] = tuple(tuple(clean_text(str(v)) for v in r) for r in value)
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
