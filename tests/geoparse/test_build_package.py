"""The gazetteer build: a package beside the runtime, reproducing the shipped files."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tests.conftest import shared_path

from foglift.geoparse.build import DATA_DIR, main

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "foglift"


def test_no_runtime_module_imports_the_build() -> None:
    for path in PACKAGE.rglob("*.py"):
        if "build" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("foglift.geoparse.build"), path


def test_the_driver_asks_for_the_data_directory() -> None:
    assert main([]) == 2


def test_the_build_reproduces_the_shipped_files(tmp_path: Path) -> None:
    shared = shared_path("data", "gazetteer")
    # in a process of its own: the build holds every source in memory at once
    subprocess.run(
        [
            sys.executable, "-c",
            "import sys; from pathlib import Path; "
            "from foglift.geoparse.build import derive; "
            "derive(Path(sys.argv[1]), Path(sys.argv[2]))",
            str(shared.parent), str(tmp_path),
        ],
        check=True, timeout=600,
    )  # fmt: skip
    for name in ("places.tsv.gz", "aliases.tsv.gz", "renamed.tsv.gz"):
        assert (tmp_path / name).read_bytes() == (DATA_DIR / name).read_bytes(), name
    border = Path("ru-border") / "settlements.tsv.gz"
    if (tmp_path / border).exists():
        assert (tmp_path / border).read_bytes() == (DATA_DIR / border).read_bytes()
