from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

Run = Callable[..., tuple[int, str, str]]

ARTICLE = (
    "On November 11, the Russian Defense Ministry said its forces had liberated "
    "the village of Andriivka. Ukraine's General Staff denied it."
)


def test_json_output_has_schema_and_offsets(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli(
        "check", str(path), "--published", "2025-11-12", "--format", "json"
    )
    assert code == 0
    report = json.loads(out)
    assert report["schema"] == "foglift.check/1"
    claim = report["claims"][0]
    assert report["text"][claim["action_start"] : claim["action_end"]] == "liberated"
    assert claim["time"]["first_day"] == "2025-11-11"


def test_text_report_lists_claims_then_findings(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run_cli("check", str(path), "--published", "2025-11-12")
    assert code == 0
    assert out.index("Claims (") < out.index("Findings (")
    assert 'stated as "liberated"' in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "holds no text"),
        (b"   \n\t ", "holds no text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0", "not valid utf-8"),
    ],
)
def test_bad_input_exits_1_with_a_hint(
    tmp_path: Path, run_cli: Run, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = run_cli("check", str(path))
    assert code == 1
    assert message in err
    assert "FL1" in err
    assert out == ""


def test_undecodable_input_names_the_fix(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Войска вошли в Покровск.".encode("cp1251"))
    code, _, err = run_cli("check", str(path))
    assert code == 1 and "--encoding cp1251" in err


def test_missing_file_and_usage_errors(run_cli: Run) -> None:
    code, _, err = run_cli("check", "no/such/file.txt")
    assert code == 1 and "no such file" in err
    code, _, err = run_cli("check", "x.txt", "--published", "12/11/2025")
    assert code == 2 and "not a date" in err
    code, _, _ = run_cli("check", "x.txt", "--format", "xml")
    assert code == 2


def test_hostile_html_is_text_only(tmp_path: Path, run_cli: Run) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>t</title><script>alert('x')</script></head><body>"
        "<p>[bold red]Fake[/] Russian forces captured Avdiivka.\x1b[31m</p>"
        "<style>p{}</style></body></html>",
        encoding="utf-8",
    )
    code, out, _ = run_cli("check", str(page), "--published", "2024-02-20")
    assert code == 0
    assert "alert" not in out and "\x1b" not in out
    assert "[bold red]Fake[/]" in out  # shown literally, never as markup
    code, out, _ = run_cli("check", str(page), "--format", "json")
    assert "alert" not in json.loads(out)["text"]


def test_help_starts_without_heavy_imports(run_cli: Run) -> None:
    code, out, _ = run_cli("--help")
    assert code == 0 and "check" in out


def test_russian_text_is_read_and_other_languages_refused(
    tmp_path: Path, run_cli: Run
) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(
        "Российские войска вошли в Покровск, заявили военкоры.", encoding="utf-8"
    )
    code, out, _ = run_cli("check", str(path), "--format", "json")
    assert code == 0 and json.loads(out)["lang"] == "ru"
    code, _, err = run_cli("check", str(path), "--lang", "de")
    assert code == 2 and "invalid choice" in err


def test_findings_can_be_filtered(tmp_path: Path, run_cli: Run) -> None:
    path = tmp_path / "a.txt"
    path.write_text(
        ARTICLE.replace(
            "Andriivka.", "Andriivka. Fighting goes on in Krasnokamensk, it said."
        ),
        encoding="utf-8",
    )

    def codes(*options: str) -> list[str]:
        code, out, _ = run_cli(
            "check", str(path), "--published", "2025-11-12", "--format", "json",
            *options,
        )  # fmt: skip
        assert code == 0
        return [f["code"] for f in json.loads(out)["findings"]]

    everything = codes()
    assert "claim.single_source" in everything  # info
    assert "place.outside_theatre" in everything  # warning
    assert codes("--findings", "none") == []
    warnings = codes("--findings", "warning")
    assert "claim.single_source" not in warnings
    assert "place.outside_theatre" in warnings
    assert set(codes("--code", "place.")) == {"place.outside_theatre"}
