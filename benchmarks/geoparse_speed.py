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


def clear_caches() -> None:
    """Empty the in-process caches, so a run measures SQLite and morphology."""
    from foglift import names
    from foglift.geoparse import index, morphology, resolve

    index.clear_caches()
    for cached in (
        morphology.word_nominatives,
        names.name_key,
        names.skeleton,
        resolve._matches,
    ):
        cached.cache_clear()


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
    runs, cpu = [], []
    for _ in range(3):
        clear_caches()  # every run starts cold, so the best of three is fair
        start, start_cpu = time.perf_counter(), time.process_time()
        for name in names:
            rank(find_matches(name))
        runs.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # CPU time is printed too: on a shared machine the wall clock also
    # measures the neighbours
    print(
        f"lookups: {len(names) / min(runs):,.0f} per second, "
        f"{len(names) / min(cpu):,.0f} per CPU second "
        f"({len(names)} distinct names, best of 3 cold-cache runs)"
    )
    start = time.perf_counter()
    for name in names[:5000]:
        lookup(name)
    elapsed = time.perf_counter() - start
    print(f"lookup() with records: {5000 / elapsed:,.0f} per second (warm)")

    parse_text(TEXT)
    start = time.perf_counter()
    documents = 50
    for i in range(documents):
        parse_text(TEXT + " " * i)
    elapsed = time.perf_counter() - start
    print(
        f"geo parse: {documents / elapsed:,.1f} documents per second "
        f"({len(TEXT)} chars)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
