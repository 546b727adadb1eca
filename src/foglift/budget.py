"""A time budget for one document, in CPU seconds of the thread reading it.

Batch runs give each document a budget (setting ``document_cpu_seconds``), so
one hostile or pathological post is rejected with a reason and the batch goes
on instead of stalling. The stages call :func:`check_time` between units of
work (stages, sentences, place names); the single-text ``check`` runs without
a budget. CPU time of the thread, not the wall clock, so a busy machine or a
neighbouring worker does not turn a normal document into a rejected one.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar(
    "foglift_deadline", default=None
)


class OutOfTime(Exception):
    """The document used up its budget; ``seconds`` is that budget."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"took more than {seconds:g} CPU seconds")
        self.seconds = seconds


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Run the body under a budget of ``seconds`` (None or 0: no budget)."""
    budget = (time.thread_time() + seconds, seconds) if seconds else None
    token = _DEADLINE.set(budget)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check_time() -> None:
    """Raise :class:`OutOfTime` when the current budget is spent."""
    budget = _DEADLINE.get()
    if budget is not None and time.thread_time() > budget[0]:
        raise OutOfTime(budget[1])
