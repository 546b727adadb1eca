"""How fast `foglift check` answers: start-up, and a 5,000-word article.

Prints medians over repeated runs (never asserted in tests: shared 2-core
machines are too noisy for timed unit tests). Run: `python benchmarks/check_speed.py`
(`make bench` runs `real_text.py`, the targets on real-length text).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "extract" / "cases" / "synthetic.json"
CASES_RU_UK = ROOT / "tests" / "extract" / "cases" / "russian_ukrainian.json"
EXAMPLE = ROOT / "examples" / "pokrovsk-wire.txt"
FOGLIFT = [sys.executable, "-m", "foglift.cli.main"]


def article(words: int) -> str:
    """A long article made of the bundled example and the gold-case texts."""
    parts = [EXAMPLE.read_text("utf-8")]
    parts += [case["input"] for case in json.loads(CASES.read_text("utf-8"))]
    text, n = [], 0
    while n < words:
        for part in parts:
            text.append(part)
            n += len(part.split())
    return "\n\n".join(text)


def median_seconds(run: list[str], repeat: int, stdin: str | None = None) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(run, input=stdin, capture_output=True, text=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from foglift.pipeline import check_text

    text = article(5000)
    n_words = len(text.split())
    help_s = median_seconds([*FOGLIFT, "--help"], 7)
    cold_s = median_seconds([*FOGLIFT, "check", "-", "--format", "json"], 5, stdin=text)
    check_text(text, published=date(2025, 11, 12))  # warm: lexicons, registry, models
    warm, cpu = [], []
    for _ in range(7):
        start, start_cpu = time.perf_counter(), time.process_time()
        doc = check_text(text, published=date(2025, 11, 12))
        warm.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    warm_s = statistics.median(warm)
    # CPU time is what the work costs; wall time also counts other jobs on a
    # shared machine.
    cpu_s = statistics.median(cpu)
    by_lang = docs_per_second()
    print(
        f"foglift --help                      median {help_s * 1000:7.0f} ms (7 runs)"
    )
    print(
        f"foglift check, {n_words} words, cold   median {cold_s * 1000:7.0f} ms "
        "(5 runs, process start included)"
    )
    print(
        f"check_text, {n_words} words, warm      median {warm_s * 1000:7.0f} ms "
        f"(7 runs; {len(doc.claims)} claims, {n_words / warm_s:,.0f} words/s)"
    )
    print(f"check_text, {n_words} words, warm CPU  median {cpu_s * 1000:7.0f} ms")

    for lang, (docs, rate) in sorted(by_lang.items()):
        label = f"check_text, {lang} documents"
        print(f"{label:<36}median {rate:7.1f} docs/s ({docs} docs)")


def docs_per_second() -> dict[str, tuple[int, float]]:
    """Warm documents per second for each language, over the gold-case texts."""
    from foglift.pipeline import check_text

    texts: dict[str, list[str]] = {}
    for path in (CASES, CASES_RU_UK):
        for case in json.loads(path.read_text("utf-8")):
            doc = check_text(case["input"])
            texts.setdefault(doc.lang, []).append(case["input"])
    rates = {}
    for lang, group in texts.items():
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            for text in group:
                check_text(text)
            runs.append(time.perf_counter() - start)
        rates[lang] = (len(group), len(group) / statistics.median(runs))
    return rates


if __name__ == "__main__":
    main()
