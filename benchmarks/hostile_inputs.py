"""How long `check` takes on inputs built to be slow: one endless line, thousands
of capitalised names, a list of 5,000 places, lost line breaks everywhere.

Each should take seconds, not minutes: every stage's cost must grow about
linearly with the input. Run: `.venv/bin/python benchmarks/hostile_inputs.py`.
"""

from __future__ import annotations

import time
from datetime import date

from foglift.pipeline import check_text

CASES = {
    "one line of 200,000 words": "word " * 200_000,
    "20,000 capitalised names": " ".join(["Krasnoarmeysk"] * 20_000),
    "a list of 5,000 places": "captured "
    + ", ".join(["Pokrovsk"] * 5000)
    + " and Kyiv.",
    "20,000 lost line breaks": "a.nnB" * 20_000,
    "Cyrillic then Latin, no breaks": "Войска " * 20_000 + "Troops " * 20_000,
    "50,000 opening tags": "<p>" * 50_000 + "text",
}


def main() -> None:
    check_text("warm up", published=date(2025, 11, 20))
    for name, text in CASES.items():
        start = time.perf_counter()
        doc = check_text(text, published=date(2025, 11, 20))
        seconds = time.perf_counter() - start
        claims = len(doc.claims)
        print(f"{name:<34} {len(text):>9,} chars {seconds:6.2f} s  {claims} claims")


if __name__ == "__main__":
    main()
