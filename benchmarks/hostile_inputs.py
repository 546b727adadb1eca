"""CPU seconds per megabyte of `check` on inputs built to be slow.

The classes of the hostile-input issue, each generated at several sizes (no
real text is used): plain Russian news prose, capitalised words, "near X"
repeated in one sentence, one line with no breaks, and HTML whose paragraph
carries a huge number of attributes (read by the HTML reader first). Every
stage must grow about linearly with the input, so the seconds per MB should
stay flat from 100 kB to 1 MB to 10 MB.

CPU time of this process (``time.process_time``); never asserted in tests.
Run: ``python benchmarks/hostile_inputs.py`` (100 kB and 1 MB), or
``--sizes 100000,1000000,10000000`` for the 10 MB column (minutes per case),
``--cases near,line`` to pick cases.
"""

from __future__ import annotations

import argparse
import io
import random
import time
from collections.abc import Callable
from datetime import date

from foglift.ingest.sources import ReadOptions, read_stream
from foglift.model import Item
from foglift.pipeline import check_text

# a small grammar of our own words: who, what, where, how many
_WHO = ["Минобороны", "Штаб", "Командование группировки", "Губернатор области"]
_DID = ["сообщило, что войска освободили", "заявил об ударе по", "отметил бои у"]
_WHERE = ["Новой Горки", "Светлого", "Каменки", "Лесного", "Речного", "Заречья"]
_COUNT = ["до 40 военнослужащих", "две единицы техники", "три беспилотника"]


def _russian(size: int, rng: random.Random) -> str:
    out: list[str] = []
    total = 0
    while total < size:
        sentence = (
            f"{rng.choice(_WHO)} {rng.choice(_DID)} {rng.choice(_WHERE)}, "
            f"уничтожены {rng.choice(_COUNT)}. "
        )
        if rng.random() < 0.2:
            sentence += "\n\n"
        out.append(sentence)
        total += len(sentence.encode())
    return "".join(out)


def _capitalised(size: int, rng: random.Random) -> str:
    names = ["Krasnohorivka", "Novoselivka", "Zarichne", "Kamianka", "Svitle"]
    words = []
    total = 0
    while total < size:
        word = f"{rng.choice(names)}{rng.randrange(100)}"
        words.append(word)
        total += len(word) + 1
    return " ".join(words)


def _near(size: int, _rng: random.Random) -> str:
    return "near Kamianka, " * (size // len("near Kamianka, "))


def _line(size: int, _rng: random.Random) -> str:
    return "word " * (size // 5)


def _attributes(size: int, _rng: random.Random) -> str:
    count = size // len(' a000000="x"')
    attributes = " ".join(f'a{i}="x"' for i in range(count))
    return f"<html><body><p {attributes}>Troops captured Kamianka.</p></body></html>"


CASES: dict[str, tuple[str, Callable[[int, random.Random], str]]] = {
    "russian": ("plain Russian news prose", _russian),
    "caps": ("capitalised words", _capitalised),
    "near": ('"near X" in one sentence', _near),
    "line": ("one line, no breaks", _line),
    "html": ("one <p> with many attributes", _attributes),
}


def _run(case: str, text: str) -> float:
    start = time.process_time()
    if case == "html":
        data = text.encode()
        stream = io.BytesIO(data)
        options = ReadOptions()
        items = list(read_stream(stream, "page.html", "html", "b", options, "b/p"))
        for item in items:
            if isinstance(item, Item) and item.text.strip():
                check_text(item.text, published=date(2025, 11, 20))
    else:
        check_text(text, published=date(2025, 11, 20))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--cases", default=",".join(CASES))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    check_text("warm up: troops captured Kamianka.", published=date(2025, 11, 20))
    header = "".join(f"{s / 1e6:>12g} MB" for s in sizes)
    print(f"{'CPU seconds per MB':<34}{header}")
    for case in args.cases.split(","):
        label, make = CASES[case]
        cells = []
        for size in sizes:
            text = make(size, random.Random(7))
            seconds = _run(case, text)
            cells.append(f"{seconds / (len(text.encode()) / 1e6):>15.1f}")
        print(f"{label:<34}{''.join(cells)}", flush=True)


if __name__ == "__main__":
    main()
