# ruff: noqa: E501  (sentence templates are data: one template a line)
"""A synthetic corpus of realistic channel posts in Russian, Ukrainian and English.

For scale runs (millions of posts) without any real text: every sentence is
made up here from templates in each language's own grammar, place names are
drawn from the gazetteer (Ukrainian, Russian and Latin spellings, so detection
and resolution meet a long tail of names as a real corpus does), numbers, dates
and people vary, and lengths follow a long-tailed spread like a news channel's
(a third under 250 characters, a median near 450, a few posts of several
thousand). About a third of the posts report the war; some are reposts of
another channel's post with a line added (near-duplicates), as forwarding
makes them.

Written as JSON Lines, one file per ``--per-file`` posts (so a run can be cut
and resumed by file), in a stable order for a given seed, with bounded memory.

Run: ``python benchmarks/synthetic_corpus.py 1000000 corpus/`` (about 450 bytes a
post: 1,000,000 posts are about 0.5 GB).
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

LANGS = (("ru", 0.55), ("uk", 0.30), ("en", 0.15))
WAR_SHARE = 0.35
REPOST_SHARE = 0.04

# Channel names are composed, so a large corpus has thousands of sources.
CHANNEL_WORDS = {
    "ru": (["Сводки", "Новости", "Вести", "Хроника", "Обзор"], ["дня", "фронта", "региона", "часа", "недели"]),
    "uk": (["Новини", "Зведення", "Хроніка", "Вісті", "Огляд"], ["дня", "фронту", "області", "години", "тижня"]),
    "en": (["Daily", "Front", "Regional", "Morning", "Open"], ["Brief", "Wire", "Digest", "Monitor", "Report"]),
}  # fmt: skip

PEOPLE = {
    "ru": ["Андрей Ковалёв", "Елена Титова", "Глеб Руденко", "Вера Полякова", "Игорь Седов"],
    "uk": ["Олена Гнатюк", "Тарас Мельник", "Ірина Бондар", "Богдан Кравець", "Марта Лисенко"],
    "en": ["Daniel Hart", "Sophie Lane", "Mark Ellison", "Grace Whitman", "Owen Pryce"],
}  # fmt: skip

# Everyday news: most of a channel is not about the war.
EVERYDAY = {
    "ru": [
        "{person} сообщил(а), что ремонт набережной продлится ещё {n} дней.",
        "В городе открыли новую библиотеку, за первый день её посетили {big} человек.",
        "Стоимость проезда в автобусах вырастет на {n} рублей с первого числа.",
        "Синоптики обещают до {n} градусов тепла и короткие дожди к вечеру.",
        "Школьники из области заняли {n} место на олимпиаде по информатике.",
        "Местный завод получил заказ на {big} тонн продукции до конца года.",
        "Футбольный клуб объявил о подписании контракта с молодым вратарём.",
        "На дорогах области за выходные произошло {n} аварий, пострадавших нет.",
    ],
    "uk": [
        "{person} повідомив(ла), що ремонт мосту триватиме ще {n} днів.",
        "У місті відкрили нову бібліотеку, першого дня її відвідали {big} людей.",
        "Вартість проїзду в тролейбусах зросте на {n} гривень з першого числа.",
        "Синоптики обіцяють до {n} градусів тепла та короткі дощі ввечері.",
        "Школярі з області посіли {n} місце на олімпіаді з математики.",
        "Місцеве підприємство отримало замовлення на {big} тонн продукції.",
        "Футбольний клуб оголосив про підписання контракту з молодим воротарем.",
        "Енергетики попереджають про планові відключення у {n} районах.",
    ],
    "en": [
        "{person} said the bridge repairs will take another {n} days.",
        "A new library opened in the city and {big} people visited on its first day.",
        "Bus fares will rise by {n} cents from the first of next month.",
        "Forecasters expect up to {n} degrees and short showers in the evening.",
        "Students from the region took {n} place in a programming contest.",
        "The local plant won an order for {big} tonnes of steel this year.",
        "The football club announced a contract with a young goalkeeper.",
        "Power engineers warned of scheduled outages in {n} districts.",
    ],
}

# War reports: claims with claimants, places in their case forms, numbers.
WAR = {
    "ru": [
        "Министерство обороны России заявило, что войска заняли населённый пункт {place}.",
        "По данным Генштаба ВСУ, за сутки у {place_gen} отражено {n} атак.",
        "Военкоры сообщают о продвижении у {place_gen}, официального подтверждения нет.",
        "Минобороны сообщило об уничтожении {n} танков и {m} бронемашин в районе {place_gen}.",
        "Украинская сторона опровергла сообщения о захвате {place_gen}.",
        "Аналитики отмечают бои на окраинах {place_gen} в течение {n} дней.",
    ],
    "uk": [
        "Генштаб ЗСУ повідомив, що за добу біля {place_gen} відбито {n} атак.",
        "Сили оборони знищили {n} танків та {m} бронемашин поблизу {place_gen}.",
        "Міноборони росії заявило про захоплення {place_gen}, у ЗСУ це спростували.",
        "Повітряні сили повідомили, що над областю збито {n} дронів.",
        "Бої тривають на околицях {place_gen} вже {n} днів, повідомляє бригада.",
        "Військові спростовують чутки про відступ з {place_gen}.",
    ],
    "en": [
        "Russia's defence ministry said its forces captured {latin}.",
        "Ukraine's General Staff said its troops repelled {n} attacks near {latin}.",
        "Analysts said fighting continued on the outskirts of {latin} for {n} days.",
        "The ministry claimed {n} tanks and {m} armoured vehicles were destroyed near {latin}.",
        "Ukrainian officials denied reports that {latin} had fallen.",
        "Local authorities said {n} drones were shot down overnight.",
    ],
}  # fmt: skip

TAILS = {
    "ru": ["", "", "\n\n👉 Подписывайтесь на канал", "\n\nПодробнее: https://example.org/{n}"],
    "uk": ["", "", "\n\n🇺🇦 Підписуйтесь на канал", "\n\nДетальніше: https://example.org/{n}"],
    "en": ["", "", "\n\nFollow us for updates", "\n\nMore: https://example.org/{n}"],
}  # fmt: skip

REPOST_LINE = {
    "ru": "Пересылаем без комментариев:\n\n",
    "uk": "Пересилаємо без коментарів:\n\n",
    "en": "Sharing as received:\n\n",
}

# post lengths in characters: a long-tailed spread around a median near 450
LENGTHS = [120, 180, 250, 320, 400, 450, 520, 650, 800, 1000, 1400, 2200, 3500]
LENGTH_WEIGHTS = [6, 9, 12, 12, 11, 10, 9, 8, 7, 6, 4, 2, 1]


def _places(limit: int, seed: int) -> list[tuple[str, str, str]]:
    """(Russian, Ukrainian, Latin) names of Ukrainian settlements from the
    gazetteer; the Cyrillic forms are lower-case keys, capitalised here."""
    from foglift.geoparse.index import connection

    rows = (
        connection()
        .execute(
            "SELECT p.name, n.kind, n.key FROM places p JOIN names n USING (pk) "
            "WHERE p.country = 'UA' AND p.precision = 'settlement' "
            "AND n.kind IN ('ru', 'uk') AND n.key NOT LIKE '% %' "
            "AND n.key NOT LIKE '%-%' AND p.pk % 5 = ? ORDER BY p.pk LIMIT ?",
            (seed % 5, limit * 2),
        )
        .fetchall()
    )
    found: dict[str, dict[str, str]] = {}
    for latin, kind, key in rows:
        found.setdefault(str(latin), {})[str(kind)] = str(key).title()
    return [
        (names.get("ru", names.get("uk", latin)), names.get("uk", latin), latin)
        for latin, names in found.items()
    ][:limit] or [("Андреевка", "Андріївка", "Andriivka")]


def _genitive(name: str, lang: str, cache: dict[tuple[str, str], str]) -> str:
    """The genitive of a one-word place name, by the language's dictionary
    (pymorphy3); the name itself when the dictionary has no such form."""
    from foglift.geoparse.morphology import analyzer

    key = (name, lang)
    if key not in cache:
        form = None
        for parse in analyzer(lang).parse(name):
            inflected = parse.inflect({"gent"})
            if inflected is not None:
                form = inflected.word
                break
        cache[key] = form.title() if form else name
    return cache[key]


def posts(count: int, seed: int = 2024) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    places = _places(6000, seed)
    channels: dict[str, list[str]] = {
        lang: [f"{a} {b} {i}" for i in range(1, 40) for a in words[0] for b in words[1]]
        for lang, words in CHANNEL_WORDS.items()
    }
    start = datetime(2024, 3, 1, 5, 0)
    recent: list[dict[str, str]] = []
    genitives: dict[tuple[str, str], str] = {}
    langs = [lang for lang, _ in LANGS]
    weights = [w for _, w in LANGS]
    for n in range(count):
        lang = rng.choices(langs, weights)[0]
        channel = rng.choice(channels[lang])
        published = start + timedelta(seconds=37 * n)
        if recent and rng.random() < REPOST_SHARE:
            original = rng.choice(recent)
            lang = original["lang"]
            text = REPOST_LINE[lang] + original["text"]
            forwarded = original["channel"]
        else:
            text = _text(rng, lang, places, n, genitives)
            forwarded = ""
        post = {
            "id": f"{n:08d}",
            "channel": channel,
            "published": published.isoformat() + "+00:00",
            "lang": lang,
            "text": text,
        }
        if forwarded:
            post["forwarded_from"] = forwarded
        recent.append(post)
        if len(recent) > 200:
            recent.pop(0)
        yield post


def _text(
    rng: random.Random,
    lang: str,
    places: list[tuple[str, str, str]],
    n: int,
    genitives: dict[tuple[str, str], str],
) -> str:
    target = rng.choices(LENGTHS, LENGTH_WEIGHTS)[0]
    war = rng.random() < WAR_SHARE
    sentences: list[str] = []
    while sum(len(s) + 1 for s in sentences) < target:
        ru, uk, latin = rng.choice(places)
        name = {"ru": ru, "uk": uk, "en": latin}[lang]
        pool = WAR[lang] if war and rng.random() < 0.7 else EVERYDAY[lang]
        sentences.append(
            rng.choice(pool).format(
                person=rng.choice(PEOPLE[lang]),
                n=rng.randint(2, 60),
                m=rng.randint(2, 9),
                big=rng.randint(100, 9000),
                place=name,
                place_gen=name if lang == "en" else _genitive(name, lang, genitives),
                latin=latin,
            )
        )
    paragraphs: list[str] = []
    while sentences:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return "\n\n".join(paragraphs) + rng.choice(TAILS[lang]).format(n=n)


def write_corpus(count: int, folder: Path, per_file: int, seed: int = 2024) -> int:
    """Write ``count`` posts under ``folder``; returns the bytes written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    handle = None
    try:
        for n, post in enumerate(posts(count, seed)):
            if n % per_file == 0:
                if handle is not None:
                    handle.close()
                handle = (folder / f"posts-{n // per_file:05d}.jsonl").open(
                    "w", encoding="utf-8"
                )
            line = json.dumps(post, ensure_ascii=False) + "\n"
            handle.write(line)
            written += len(line.encode("utf-8"))
    finally:
        if handle is not None:
            handle.close()
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--per-file", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    size = write_corpus(args.count, args.folder, args.per_file, args.seed)
    print(f"{args.count:,} posts, {size / 1e6:,.1f} MB in {args.folder}")


if __name__ == "__main__":
    main()
