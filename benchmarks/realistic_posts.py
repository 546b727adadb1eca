"""Realistic news-channel posts for benchmarks that must run without ../shared.

Posts the length and mix of a real Russian news channel's (about 400
characters, most not about the war): everyday news with people, firms, Moscow
streets and foreign cities, and war reports naming Ukrainian villages in their
case forms, with emoji, links and Markdown. Every sentence is made up here;
place names are drawn from the gazetteer, so a long run keeps meeting new
names as a real corpus does. Written as JSONL in the layout of
``../shared/data/telegram-ru-2024/posts.jsonl`` (id, channel, published,
category, text).

Run: `python benchmarks/realistic_posts.py 10000 > posts.jsonl`.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta

CHANNELS = ["Новости 24", "Городской дозор", "Фронтовая сводка", "Утро столицы"]
PEOPLE = [
    "Алексей Смирнов", "Ирина Кузнецова", "Дмитрий Орлов", "Марина Соколова",
    "Павел Лебедев", "Ольга Морозова", "Сергей Волков", "Наталья Зайцева",
]  # fmt: skip
FIRMS = ["«Северный банк»", "ООО «Ромашка»", "«Техносила»", "ГК «Восход»"]
FOREIGN = ["Париже", "Стамбуле", "Дубае", "Пекине", "Берлине", "Ереване", "Минске"]
EVERYDAY = [
    "{person} рассказал(а) журналистам, что {firm} закроет офис на Тверской улице.",
    "В {foreign} задержали туриста из Самары: он залез на крышу отеля ради фото.",
    "Цены на билеты в кино выросли на {n}% за год, подсчитали аналитики {firm}.",
    "Жители Марьино жалуются на шум: ремонт дороги идёт по ночам уже {n} дней.",
    "{person} выиграл(а) в лотерею {n} млн рублей и потратил(а) их на квартиру.",
    "Синоптики обещают до +{n} градусов в выходные, дожди начнутся в понедельник.",
    "Суд арестовал бывшего директора {firm} по делу о мошенничестве на {n} млн.",
    "В метро запустили новые поезда, интервал на кольцевой сократят до {n} минут.",
]
WAR = [
    "Минобороны РФ заявило, что подразделения группировки «Центр» освободили "
    "населённый пункт {village} в {region}.",
    "По данным Генштаба ВСУ, за сутки отражено {n} атак у {village_gen}.",
    "Военкоры сообщают о продвижении под {village_ins}, официального "
    "подтверждения нет.",
    "ВСУ потеряли до {n} военнослужащих и {m} танка на направлении {village_gen}.",
    "Повітряні сили повідомили, що збито {n} дронів над {region_uk}.",
    "Ukraine's General Staff said its forces repelled {n} attacks near {latin}.",
]
REGIONS = ["Донецкой области", "Харьковской области", "Запорожской области"]
REGIONS_UK = ["Дніпропетровщиною", "Харківщиною", "Сумщиною", "Одещиною"]
TAILS = [
    "\n\n👉 Подписывайтесь на @novosti24",
    "\n\n[Читать полностью](https://example.org/news/{n})",
    "\n\n**Срочно.** Подробности позже.",
    "",
]


def _villages(count: int, seed: int) -> list[tuple[str, str]]:
    """(Russian, Latin) names of Ukrainian settlements from the gazetteer."""
    from foglift.geoparse.index import connection

    rows = (
        connection()
        .execute(
            "SELECT p.name, n.key FROM places p JOIN names n USING (pk) "
            "WHERE p.country = 'UA' AND p.precision = 'settlement' "
            "AND n.kind IN ('ru', 'ru_guess') AND p.pk % 7 = ? LIMIT ?",
            (seed % 7, count),
        )
        .fetchall()
    )
    return [(str(key).title(), str(name)) for name, key in rows]


def _case(name: str, ending: str) -> str:
    # a rough case form: enough to send detection through the morphology
    if name.endswith("ка"):
        return name[:-1] + {"gen": "и", "ins": "ой"}[ending]
    if name.endswith(("ое", "ий", "ый")):
        return name[:-2] + {"gen": "ого", "ins": "ым"}[ending]
    return name + {"gen": "а", "ins": "ом"}[ending]


def posts(count: int, seed: int = 13) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)
    villages = _villages(5000, seed) or [("Андреевка", "Andriivka")]
    start = datetime(2024, 5, 1, 6, 0)
    for n in range(count):
        sentences = []
        war = rng.random() < 0.25
        while sum(len(s) for s in sentences) < rng.choice((150, 250, 400, 600, 900)):
            ru, latin = rng.choice(villages)
            template = rng.choice(WAR if war and rng.random() < 0.6 else EVERYDAY)
            sentences.append(
                template.format(
                    person=rng.choice(PEOPLE),
                    firm=rng.choice(FIRMS),
                    foreign=rng.choice(FOREIGN),
                    n=rng.randint(2, 90),
                    m=rng.randint(2, 9),
                    village=ru,
                    village_gen=_case(ru, "gen"),
                    village_ins=_case(ru, "ins"),
                    region=rng.choice(REGIONS),
                    region_uk=rng.choice(REGIONS_UK),
                    latin=latin,
                )
            )
        text = " ".join(sentences) + rng.choice(TAILS).format(n=n)
        channel = rng.choice(CHANNELS)
        yield {
            "id": f"{CHANNELS.index(channel)}-{n}",
            "channel": channel,
            "published": (start + timedelta(minutes=7 * n)).isoformat() + "+00:00",
            "category": "war" if war else "news",
            "text": text,
        }


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    for post in posts(count):
        sys.stdout.write(json.dumps(post, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
