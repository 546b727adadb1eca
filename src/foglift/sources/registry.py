"""The source registry: known claimants, their kind, side and owner.

The shipped ``registry.toml`` can be extended by a user file with the same
layout; an entry with an existing ``id`` replaces the shipped one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from foglift.errors import RegistryError
from foglift.model import ClaimantKind, Side
from foglift.names import name_key, skeleton

_KINDS = {"official", "military_blogger", "media", "independent_analyst", "anonymous"}
_SIDES = {"russia", "ukraine", "independent"}


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    name: str
    kind: ClaimantKind
    side: Side
    owner: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)  # identity hash: one cached index per registry
class Registry:
    sources: dict[str, Source]

    def __iter__(self) -> Iterator[Source]:
        return iter(self.sources.values())

    def find_aliases(self, text: str) -> Iterator[tuple[re.Match[str], Source]]:
        """Every alias of every source in ``text``, with the source it names."""
        # One alternation of hundreds of aliases is slow to try at every
        # character; try it only where a word starts as some alias starts.
        pattern, owners, prefixes = _alias_pattern(self)
        resume = 0
        for word in _WORD_START.finditer(text):
            pos = word.start()
            if pos < resume or (
                text[pos : pos + 3].casefold() not in prefixes
                and text[pos : pos + 2].casefold() not in prefixes
            ):
                continue
            m = pattern.match(text, pos)
            if m is not None and m.lastgroup is not None:
                resume = m.end()
                yield m, owners[int(m.lastgroup[1:])]

    def by_alias(self, text: str) -> Source | None:
        return _alias_index(self).get(name_key(text))

    def fuzzy(self, name: str, min_score: float) -> tuple[Source, float] | None:
        """The source whose alias skeleton is closest to ``name``'s, if close enough."""
        from rapidfuzz import fuzz, process

        skeletons = _skeleton_index(self)
        found = process.extractOne(skeleton(name), list(skeletons), scorer=fuzz.ratio)
        if found is None or found[1] < min_score:
            return None
        return skeletons[found[0]], float(found[1])

    def with_role(self, role: str) -> list[Source]:
        return [s for s in self if role in s.roles]


@cache
def _alias_index(registry: Registry) -> dict[str, Source]:
    return {name_key(a): s for s in registry for a in (s.name, *s.aliases)}


@cache
def _skeleton_index(registry: Registry) -> dict[str, Source]:
    return {skeleton(a): s for s in registry for a in (s.name, *s.aliases)}


_WORD_START = re.compile(r"(?<![\w-])\w")


_VOWEL_ENDINGS = frozenset("аяоеёиыуюіїєьй")


def _alias_word(word: str) -> str:
    """A word of an alias; Cyrillic words take any case ending ("Генштаба")."""
    lead, core, tail = re.fullmatch(r"(\W*)(.*?)(\W*)", word).groups()  # type: ignore[union-attr]
    if re.search(r"[а-яёіїєґ]", core) and len(core) >= 4 and not core.isupper():
        stem = core[:-2] if len(core) >= 7 else core[:-1]
        if len(core) == 4 and core[-1].lower() not in _VOWEL_ENDINGS:
            stem = core  # "Двач" declines from its whole stem; "Два" is a number
        return re.escape(lead) + re.escape(stem) + r"\w{0,3}" + re.escape(tail)
    return re.escape(word).replace("'", "['’ʼ]")


@cache
def _alias_pattern(
    registry: Registry,
) -> tuple[re.Pattern[str], list[Source], frozenset[str]]:
    # Short all-capital aliases (AP, RT, ISW) match case-sensitively so that
    # ordinary words are never taken for agencies. Each alias is a named group
    # so a match says which source it is, inflected or not.
    alternatives: list[str] = []
    owners: list[Source] = []
    aliases = {(a, s.id) for s in registry for a in (s.name, *s.aliases)}
    for alias, source_id in sorted(aliases, key=lambda a: (-len(a[0]), a)):
        body = r"\s+".join(_alias_word(w) for w in alias.split())
        body = f"(?-i:{body})" if alias.isupper() else body
        alternatives.append(f"(?P<a{len(owners)}>{body})")
        owners.append(registry.sources[source_id])
    joined = "|".join(alternatives)
    pattern = re.compile(rf"(?<![\w-])(?:{joined})(?![\w-])", re.IGNORECASE)
    prefixes = frozenset(a[:3].casefold() for a, _ in aliases)
    return pattern, owners, prefixes


def _parse(raw: str, origin: str) -> dict[str, Source]:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise RegistryError(
            f"source registry {origin} is not valid TOML: {exc}"
        ) from exc
    found: dict[str, Source] = {}
    for n, entry in enumerate(data.get("source", []), 1):
        missing = {"id", "name", "kind", "side", "aliases"} - set(entry)
        if missing:
            raise RegistryError(
                f"source #{n} in {origin} lacks {', '.join(sorted(missing))}",
                hint="every [[source]] needs id, name, kind, side and aliases",
            )
        if entry["kind"] not in _KINDS or entry["side"] not in _SIDES:
            raise RegistryError(
                f"source {entry['id']!r} in {origin}: kind {entry['kind']!r} or "
                f"side {entry['side']!r} is not one foglift knows",
                hint=f"kind is one of {sorted(_KINDS)}; side one of {sorted(_SIDES)}",
            )
        found[entry["id"]] = Source(
            id=entry["id"],
            name=entry["name"],
            kind=entry["kind"],
            side=entry["side"],
            owner=entry.get("owner", entry["id"]),
            aliases=tuple(entry["aliases"]),
            roles=tuple(entry.get("roles", ())),
        )
    return found


@cache
def load_registry(user_file: str | None = None) -> Registry:
    """The shipped registry, extended (and overridden by id) by ``user_file``."""
    shipped = resources.files("foglift.sources").joinpath("registry.toml")
    sources = _parse(shipped.read_text("utf-8"), "registry.toml")
    if user_file is not None:
        path = Path(user_file)
        try:
            raw = path.read_text("utf-8")
        except OSError as exc:
            raise RegistryError(
                f"cannot read source registry {path}: {exc.strerror}",
                hint="pass a readable TOML file to --sources",
            ) from exc
        sources.update(_parse(raw, str(path)))
    return Registry(sources)
