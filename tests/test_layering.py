"""The layering in docs/architecture.md holds for every import in the package."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "foglift"
ARCHITECTURE = ROOT / "docs" / "architecture.md"


@dataclass(frozen=True)
class Place:
    layer: int
    lane: int
    rank: int


def layers(text: str) -> dict[str, Place]:
    """Module prefix -> its place, from the ```layers block."""
    found = re.search(r"```layers\n(.*?)```", text, re.S)
    assert found, "docs/architecture.md has no ```layers block"
    places: dict[str, Place] = {}
    for line in found.group(1).splitlines():
        number, _, rest = line.partition(".")
        for lane, lane_text in enumerate(rest.split("|")):
            for rank, names in enumerate(lane_text.split("<")):
                for name in names.split():
                    assert name not in places, f"{name} is placed twice"
                    places[name] = Place(int(number), lane, rank)
    return places


def place_of(module: str, places: dict[str, Place]) -> tuple[str, Place] | None:
    """The longest listed name containing ``module``; the root only as itself."""
    best = None
    for name in places:
        inside = module == name or (name != "foglift" and module.startswith(name + "."))
        if inside and (best is None or len(name) > len(best)):
            best = name
    return (best, places[best]) if best else None


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every foglift import in ``path``, nested ones too."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}:{node.lineno}: use absolute imports"
            base = node.module or ""
            for alias in node.names:  # `from foglift import x`: module x if it is one
                sub = f"{base}.{alias.name}"
                as_module = PACKAGE.parent / Path(*sub.split("."))
                is_module = as_module.is_dir() or as_module.with_suffix(".py").exists()
                out.append((node.lineno, sub if is_module else base))
    return [(line, m) for line, m in out if m == "foglift" or m.startswith("foglift.")]


def allowed(importer: Place, target: Place) -> bool:
    if target.layer != importer.layer:
        return target.layer < importer.layer
    return target.lane == importer.lane and target.rank <= importer.rank


def violations(places: dict[str, Place]) -> list[str]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        module = module_name(path)
        own = place_of(module, places)
        if own is None:
            found.append(f"{module} has no place in docs/architecture.md")
            continue
        for line, target in imported(path):
            theirs = place_of(target, places)
            if theirs is None:
                found.append(f"{module}:{line} imports unplaced {target}")
            elif theirs[0] != own[0] and not allowed(own[1], theirs[1]):
                found.append(f"{module}:{line} ({own[0]}) imports {theirs[0]}")
    return found


def test_no_module_imports_a_higher_layer_or_a_sibling_lane() -> None:
    assert violations(layers(ARCHITECTURE.read_text(encoding="utf-8"))) == []


def test_the_store_imports_no_stage() -> None:
    places = layers(ARCHITECTURE.read_text(encoding="utf-8"))
    stages = ("ingest", "normalise", "extract", "geoparse", "link", "verify")
    for path in sorted((PACKAGE / "store").rglob("*.py")):
        for line, target in imported(path):
            owner = place_of(target, places)
            assert owner is not None
            assert owner[0] not in {f"foglift.{s}" for s in stages} | {
                "foglift.pipeline",
                "foglift.runs",
                "foglift",
            }, f"{module_name(path)}:{line} imports {target}"


def test_the_check_catches_a_store_that_runs_a_stage() -> None:
    # The same table with the store moved above the stages' lane would let
    # it import them; as written, an import of a stage from the store fails.
    places = layers(ARCHITECTURE.read_text(encoding="utf-8"))
    store = places["foglift.store"]
    for stage in (
        "foglift.ingest",
        "foglift.link",
        "foglift.verify",
        "foglift.pipeline",
    ):
        assert not allowed(store, places[stage])
        assert not allowed(places[stage], store)
    assert allowed(places["foglift.runs"], store)
    assert allowed(places["foglift.verify"], places["foglift.geoparse"])
    assert not allowed(places["foglift.geoparse"], places["foglift.verify"])
