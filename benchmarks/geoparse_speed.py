"""Geoparser speed: cold time to first lookup, lookups/s, documents/s for parse.

Run from the repository root (the index must have been built once)::

    python benchmarks/geoparse_speed.py
"""

from __future__ import annotations

import subprocess
import sys
import time

COLD = (
    "import time; t = time.perf_counter();"
    "from foglift.geoparse import lookup; lookup('Pokrovsk');"
    "print(time.perf_counter() - t)"
)
TEXT = (
    "Russian troops advanced near Pokrovsk and Myrnohrad in the Donetsk direction, "
    "while drones struck Kharkiv and Zaporizhzhia. Ukrainian forces held Kupiansk, "
    "Kharkiv Oblast, and repelled attacks 12 km southeast of Siversk. Officials in "
    "Kyiv and Moscow traded claims about Vovchansk and Kostiantynivka. Бої тривають "
    "у Покровську та біля Великої Новосілки."
)


def main() -> int:
    from foglift.geoparse import lookup, parse_text
    from foglift.geoparse.index import connection
    from foglift.geoparse.resolve import find_matches, rank

    connection()  # build the index if this is the first run
    cold = [
        float(subprocess.run([sys.executable, "-c", COLD], capture_output=True,
                             text=True, check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    print(f"cold time to first lookup: {min(cold):.3f} s (best of 3)")

    names = [
        row[0]
        for row in connection()
        .execute("SELECT key FROM names WHERE rowid % 37 = 0 LIMIT 50000")
        .fetchall()
    ]
    start = time.perf_counter()
    for name in names:
        rank(find_matches(name))
    elapsed = time.perf_counter() - start
    print(
        f"lookups: {len(names) / elapsed:,.0f} per second ({len(names)} distinct names)"
    )
    start = time.perf_counter()
    for name in names[:5000]:
        lookup(name)
    elapsed = time.perf_counter() - start
    print(f"lookup() with records: {5000 / elapsed:,.0f} per second (warm)")

    parse_text(TEXT)
    start = time.perf_counter()
    runs = 50
    for i in range(runs):
        parse_text(TEXT + " " * i)
    elapsed = time.perf_counter() - start
    print(f"geo parse: {runs / elapsed:,.1f} documents per second ({len(TEXT)} chars)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
