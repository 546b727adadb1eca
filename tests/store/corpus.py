"""Inputs the store tests ingest: a folder of mixed, partly hostile inputs."""

from __future__ import annotations

import json
from pathlib import Path

CLAIM = (
    "On November 11, the Russian Defense Ministry said its forces had liberated "
    "the village of Andriivka near Pokrovsk. Ukraine's General Staff denied it."
)
PLACES = ["Pokrovsk", "Kurakhove", "Toretsk", "Vuhledar", "Chasiv Yar", "Kupiansk"]

BOMB = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + ']>\n<rss version="2.0"><channel><title>Bomb</title><item><title>x</title>'
    "<description>&lol9;</description></item></channel></rss>\n"
)

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Front Wire</title><link>https://wire.example</link>
<item><title>Kupiansk</title><link>https://wire.example/1</link><guid>w-1</guid>
<pubDate>Tue, 11 Nov 2025 09:00:00 GMT</pubDate>
<author>desk@wire.example (Desk)</author>
<description>&lt;p&gt;Ukraine's General Staff said its forces destroyed 3 tanks
near Kupiansk on November 10.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;
</description>
</item></channel></rss>
"""

PAGE = """<!DOCTYPE html><html><head><title>Forces enter Kurakhove</title>
<meta name="author" content="Jane Roe">
<meta property="article:published_time" content="2025-11-12T08:00:00Z">
<link rel="canonical" href="https://news.example/kurakhove">
<script>document.write('SCRIPT-TEXT')</script><style>p{color:red}</style></head>
<body><nav>Home | World</nav><article><h1>Forces enter Kurakhove</h1>
<p>The Russian Defense Ministry claimed on November 11 that its troops captured
Kurakhove. Ukraine's General Staff denied it and said fighting continues.</p>
<p>Independent analysts could not confirm the claim. <script>evil('SCRIPT-TEXT')
</script></p></article></body></html>
"""


def telegram_export(messages: int, *, channel: int = 1001, start: int = 1) -> dict:
    posts = []
    for n in range(start, start + messages):
        place = PLACES[n % len(PLACES)]
        text: object = (
            f"Post {n}: the Russian Defense Ministry said its forces captured "
            f"positions near {place} on November {1 + n % 28}, 2025."
        )
        if n % 3 == 0:  # text as a list of entities, as Telegram writes links
            text = ["Post ", {"type": "bold", "text": str(n)}, f" mentions {place}."]
        posts.append(
            {
                "id": n,
                "type": "message",
                "date": f"2025-11-{1 + n % 28:02d}T10:00:00",
                "from": "Front Channel",
                "text": text,
                **({"reply_to_message_id": n - 1} if n % 5 == 0 else {}),
                **({"photo": f"photos/{n}.jpg"} if n % 7 == 0 else {}),
            }
        )
    return {
        "name": "Front Channel",
        "type": "public_channel",
        "id": channel,
        "messages": posts,
    }


def write_mixed_corpus(root: Path) -> Path:
    """A folder holding good and bad inputs of every kind the issue lists."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "articles").mkdir()
    (root / "articles" / "andriivka.txt").write_text(CLAIM + "\n", "utf-8")
    (root / "articles" / "repost.md").write_text(
        "Forwarded from @frontwire, read it:\n\n" + CLAIM + "\n", "utf-8"
    )
    (root / "articles" / "page.html").write_text(PAGE, "utf-8")
    (root / "articles" / "binary.txt").write_bytes(
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    )
    (root / "articles" / "empty.txt").write_bytes(b"")
    (root / "articles" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0")
    (root / ".hidden.txt").write_text("never read", "utf-8")
    export = json.dumps(telegram_export(12), ensure_ascii=False, indent=1)
    (root / "channel").mkdir()
    (root / "channel" / "result.json").write_text(export, "utf-8")
    (root / "broken").mkdir()
    (root / "broken" / "result.json").write_text(
        json.dumps(telegram_export(6, channel=2002), indent=1)[:-700], "utf-8"
    )
    (root / "feeds").mkdir()
    (root / "feeds" / "wire.xml").write_text(FEED, "utf-8")
    (root / "feeds" / "bomb.rss").write_text(BOMB, "utf-8")
    rows = [
        {
            "guid": "r1",
            "body": "Russian forces entered Toretsk, the ministry said.",
            "date": "2025-11-09",
        },
        {"guid": "r2", "body": ""},
        {
            "guid": "r3",
            "body": "Ukraine's General Staff said its forces destroyed "
            "5 tanks near Toretsk on November 8.",
            "date": "2025-11-09",
        },
    ]
    lines = [json.dumps(r) for r in rows]
    lines.insert(1, "{not json")
    (root / "posts.jsonl").write_text("\n".join(lines) + "\n", "utf-8")
    return root
