"""How fast claims are placed into events: claims per second at 10k and 100k.

Synthetic claims over 3,000 places in the east of Ukraine, 40 claimants and a
year of days, added in batches of 1,000 as a daily `foglift link` would. If
blocking works, the rate holds as the corpus grows tenfold. Run:
`.venv/bin/python benchmarks/link_speed.py`.
"""

from __future__ import annotations

import random
import time
from datetime import date, timedelta

from foglift.link.events import EventLinker, LinkClaim
from foglift.model import Claimant
from foglift.sources import load_registry

SIDES = ("russia", "ukraine", "independent")


def synthetic(n: int, seed: int = 7) -> list[LinkClaim]:
    rng = random.Random(seed)
    places = [
        (f"p{i}", 47.0 + rng.random() * 3.0, 35.5 + rng.random() * 4.0)
        for i in range(3000)
    ]
    claimants = [
        Claimant(f"source {i}", "military_blogger", True, SIDES[i % 3], 0, 0, None)
        for i in range(40)
    ]
    start = date(2025, 1, 1)
    out = []
    for i in range(n):
        place_id, lat, lon = rng.choice(places)
        day = start + timedelta(days=rng.randrange(365))
        out.append(
            LinkClaim(
                id=f"d{i}:c1",
                document_id=f"d{i}",
                source=f"channel {i % 200}",
                claim_type="territorial",
                action=rng.choice(("captured", "entered", "fighting")),
                stance="asserts" if rng.random() > 0.1 else "denies",
                claimant=rng.choice(claimants),
                published=day,
                first_day=day,
                last_day=day,
                place_id=place_id,
                lat=lat,
                lon=lon,
            )
        )
    return out


def rate(n: int) -> tuple[float, int]:
    claims = synthetic(n)
    linker = EventLinker(load_registry())
    started = time.perf_counter()
    for i in range(0, n, 1000):
        linker.add(claims[i : i + 1000])
    return n / (time.perf_counter() - started), len(linker.events)


def main() -> None:
    for n in (10_000, 100_000):
        per_second, events = rate(n)
        print(f"link {n:>7,} claims: {per_second:8,.0f} claims/s ({events:,} events)")


if __name__ == "__main__":
    main()
