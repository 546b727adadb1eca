"""Coverage figures that tests report, printed after the run at any verbosity."""

from __future__ import annotations

import pytest

REPORT_KEY = pytest.StashKey[list[str]]()


@pytest.fixture
def coverage_report(pytestconfig: pytest.Config) -> list[str]:
    """Lines a test appends here are printed in the terminal summary."""
    return pytestconfig.stash.setdefault(REPORT_KEY, [])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = terminalreporter.config.stash.get(REPORT_KEY, [])
    if lines:
        terminalreporter.write_sep("-", "geoparse coverage")
        for line in lines:
            terminalreporter.write_line(line)
