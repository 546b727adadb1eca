"""Error codes and finding codes: one code per error, and docs/errors.md lists
exactly the codes the code raises and writes."""

from __future__ import annotations

import re
from pathlib import Path

from foglift import errors
from foglift.findings import FINDING_CODES

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
SRC = ROOT / "src" / "foglift"


def _table(heading: str) -> list[list[str]]:
    section = DOC.split(f"## {heading}", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[1:]]


def test_every_error_class_has_its_own_code_in_its_family() -> None:
    classes = [
        c for c in errors._classes(errors.FogliftError) if c is not errors.FogliftError
    ]
    codes = [c.code for c in classes]
    assert len(codes) == len(set(codes)), "two errors share a code"
    family = {
        errors.InputError: "FL1",
        errors.UsageError: "FL2",
        errors.DataError: "FL3",
    }
    for cls in classes:
        assert re.fullmatch(r"FL\d{3}", cls.code)
        assert cls.__doc__, f"{cls.__name__} says nothing about what it means"
        (base,) = [b for b in family if issubclass(cls, b)]
        assert cls.code.startswith(family[base]), cls


def test_the_docs_list_every_error_code() -> None:
    listed = {code: name for code, name, _meaning in _table("Errors")}
    assert listed == {code: cls.__name__ for code, cls in errors.ERROR_CODES.items()}


def test_a_raise_without_a_hint_takes_its_errors_hint() -> None:
    exc = errors.DateRangeError("--since is after --until")
    assert str(exc) == "FL202: --since is after --until\n  Try: swap the two dates"
    assert errors.DateRangeError("x", hint="other").hint == "other"
    assert isinstance(exc, errors.UsageError)  # callers catching the family still do


def test_the_docs_list_every_finding_code() -> None:
    listed = {row[0]: tuple(row[1:]) for row in _table("Findings")}
    assert listed == {
        c.code: (c.stage, c.severity, c.meaning) for c in FINDING_CODES.values()
    }


def _written_finding_codes() -> dict[str, str | None]:
    """The finding codes the stages write, with their severity where stated."""
    from foglift.verify import _NUMBER_FINDINGS
    from foglift.verify.territorial import _FINDINGS

    found: dict[str, str | None] = {}
    for code, severity, _text in _FINDINGS.values():
        found[code] = severity
    for code, _text in _NUMBER_FINDINGS.values():
        found[code] = "warning"
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r'code="([a-z_]+\.[a-z_.]+)",\s*severity="(\w+)"', text):
            found[m.group(1)] = m.group(2)
        for m in re.finditer(r'Flag\(\s*"([a-z_.]+)",\s*"(\w+)"', text):
            found[m.group(1)] = m.group(2)
    return found


def test_the_stages_write_only_registered_finding_codes() -> None:
    written = _written_finding_codes()
    assert set(written) == set(FINDING_CODES)
    for code, severity in written.items():
        assert severity == FINDING_CODES[code].severity, code
