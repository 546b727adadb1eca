"""Telegram Desktop JSON exports (``result.json``), streamed with ijson.

Handles a single chat's export (``{"name", "id", "messages": [...]}``) and a
whole-account export (``{"chats": {"list": [{... "messages": [...]}]}}``).
Messages are built one at a time, so memory stays flat for files of any size;
a truncated or corrupt file keeps every message before the damage and records
one rejection for the rest.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from foglift.ingest.items import (
    Reader,
    Skipped,
    TooDeep,
    make_item,
    parse_bounded,
    reject,
)
from foglift.ingest.text import skip_utf8_bom

_MESSAGE_PREFIXES = ("messages.item", "chats.list.item.messages.item")
_CHAT_FIELDS = {
    "name": "name",
    "id": "id",
    "chats.list.item.name": "name",
    "chats.list.item.id": "id",
}
_MEDIA_FIELDS = ("photo", "file", "thumbnail")


def message_text(value: Any) -> str:
    """Text given as a string or as a list of strings and text entities."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        parts = []
        for part in value:
            if isinstance(part, str):
                parts.append(part)
            elif isinstance(part, dict) and isinstance(part.get("text"), str):
                parts.append(part["text"])
        return "".join(parts)
    return ""


def _events(stream: IO[bytes]) -> Iterator[tuple[str, str, Any]]:
    skip_utf8_bom(stream)
    yield from parse_bounded(stream)


def read_telegram(stream: IO[bytes], name: str) -> Reader:
    """Yield one Item per text message of the export in ``stream``."""
    import ijson

    chat: dict[str, str] = {}
    builder: Any = None
    depth_prefix = ""
    count = 0
    seen_messages = False
    try:
        for prefix, event, value in _events(stream):
            if builder is not None:
                builder.event(event, value)
                if prefix == depth_prefix and event == "end_map":
                    count += 1
                    yield from _message_item(builder.value, chat, name)
                    builder = None
                continue
            if prefix in _MESSAGE_PREFIXES and event == "start_map":
                seen_messages = True
                builder = ijson.ObjectBuilder()
                builder.event(event, value)
                depth_prefix = prefix
            elif prefix in _CHAT_FIELDS and event in ("string", "number"):
                chat[_CHAT_FIELDS[prefix]] = str(value)
            elif prefix == "chats.list.item" and event == "start_map":
                chat = {}
    except TooDeep as exc:
        yield reject(name, "FL108", f"JSON {exc} after {count} message(s)")
        return
    except ijson.JSONError as exc:
        yield reject(
            name,
            "FL106",
            f"damaged or truncated JSON after {count} message(s): "
            + (str(exc).strip().splitlines() or ["parse error"])[0],
        )
        return
    except OSError as exc:
        yield reject(name, "FL100", f"cannot read: {exc.strerror or exc}")
        return
    if not seen_messages:
        yield reject(
            name,
            "FL107",
            "not a Telegram Desktop export: no messages list; a JSON array of "
            "objects, or an object holding one, is read as rows (choose fields "
            "with --map text=FIELD,published=FIELD,id=FIELD)",
        )


def _message_item(message: Any, chat: dict[str, str], name: str) -> Reader:
    if not isinstance(message, dict):
        yield reject(name, "FL107", "a message that is not a JSON object")
        return
    msg_id = message.get("id")
    chat_id = chat.get("id")
    chat_name = chat.get("name") or chat_id or name
    where = f"{name} message {msg_id}"
    if message.get("type", "message") != "message":
        yield Skipped(where, f"service message ({message.get('type')})")
        return
    if not isinstance(msg_id, int | str) or isinstance(msg_id, bool):
        yield reject(name, "FL107", "a message without an id")
        return
    text = message_text(message.get("text"))
    if not text.strip():
        yield Skipped(where, "no text (media only)")
        return
    key = f"telegram:{chat_id}/{msg_id}" if chat_id else f"{name}#{msg_id}"
    media = tuple(
        str(message[f])
        for f in _MEDIA_FIELDS
        if isinstance(message.get(f), str) and f in message
    )
    reply = message.get("reply_to_message_id")
    forwarded = message.get("forwarded_from")
    author = message.get("from") or message.get("author")
    posted = message.get("date")
    yield make_item(
        key=key,
        text=text,
        source_name=chat_name,
        kind="telegram",
        author=author if isinstance(author, str) else None,
        posted_at=posted if isinstance(posted, str) else None,
        forwarded_from=forwarded if isinstance(forwarded, str) else None,
        reply_to=str(reply) if isinstance(reply, int | str) else None,
        media=media,
        source_external_id=chat_id,
    )
