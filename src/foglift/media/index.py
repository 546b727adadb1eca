"""A near-duplicate index over PDQ hashes: every stored hash within Hamming
distance d of a query, by brute force in numpy.

Hashes are held as four columns of uint64 (bits 0-63, 64-127 ...), so a query
is, per block of rows, four XORs, four popcounts (``np.bitwise_count``) and
three additions into a uint8 distance, all in buffers reused from block to
block: about 5 ms of CPU per query at a million hashes, no Python loop
over rows. Exact (no recall lost to approximation), and simple to keep in step
with the store: rows are appended as media are recorded.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

BLOCK = 1 << 15  # rows per block: four uint64 columns of it stay in cache


@dataclass(frozen=True, slots=True)
class Hit:
    query: int  # index of the query hash
    row: int  # index of the stored hash
    distance: int


def pack(hashes: Sequence[bytes]) -> Any:
    """(n, 4) uint64 from 32-byte PDQ hashes (big-endian words)."""
    if not hashes:
        return np.zeros((0, 4), dtype=np.uint64)
    raw = np.frombuffer(b"".join(hashes), dtype=">u8").reshape(len(hashes), 4)
    return raw.astype(np.uint64)


class HashIndex:
    """Stored hashes with a payload per row (here: a hash's id in the store)."""

    def __init__(self, capacity: int = 1024) -> None:
        self._columns = np.zeros((4, max(capacity, 1)), dtype=np.uint64)
        self._payload = np.zeros(max(capacity, 1), dtype=np.int64)
        self._matchable = np.zeros(max(capacity, 1), dtype=bool)
        self.size = 0

    def __len__(self) -> int:
        return self.size

    def add(
        self,
        hashes: Sequence[bytes] | Any,
        payload: Iterable[int],
        matchable: Iterable[bool] | None = None,
    ) -> None:
        """Append hashes (32-byte strings, or an (n, 4) uint64 array)."""
        words = hashes if isinstance(hashes, np.ndarray) else pack(hashes)
        n = int(words.shape[0])
        if n == 0:
            return
        need = self.size + n
        if need > self._columns.shape[1]:
            grown = max(need, 2 * self._columns.shape[1])
            columns = np.zeros((4, grown), dtype=np.uint64)
            columns[:, : self.size] = self._columns[:, : self.size]
            payloads = np.zeros(grown, dtype=np.int64)
            payloads[: self.size] = self._payload[: self.size]
            flags = np.zeros(grown, dtype=bool)
            flags[: self.size] = self._matchable[: self.size]
            self._columns, self._payload, self._matchable = columns, payloads, flags
        self._columns[:, self.size : need] = words.T
        self._payload[self.size : need] = np.fromiter(payload, dtype=np.int64, count=n)
        self._matchable[self.size : need] = (
            True if matchable is None else np.fromiter(matchable, dtype=bool, count=n)
        )
        self.size = need

    def payload(self, rows: Any) -> Any:
        return self._payload[rows]

    def arrays(self) -> tuple[Any, Any, Any]:
        """(columns (4, n) uint64, payload, matchable) of the rows held."""
        n = self.size
        return self._columns[:, :n], self._payload[:n], self._matchable[:n]

    @classmethod
    def from_arrays(cls, columns: Any, payload: Any, matchable: Any) -> HashIndex:
        """An index over arrays saved by :meth:`arrays` (no copy of ``columns``
        beyond making room to grow)."""
        index = cls(int(columns.shape[1]) + 1024)
        index.add(np.ascontiguousarray(columns.T), payload, matchable)
        return index

    def search(self, queries: Sequence[bytes], max_distance: int) -> list[Hit]:
        """Every (query, stored row) pair within ``max_distance`` bits, nearest
        first for each query. Rows marked not matchable (low quality) are
        never returned."""
        q = pack(queries)
        hits: list[Hit] = []
        if not len(q) or not self.size:
            return hits
        x = np.empty(BLOCK, dtype=np.uint64)
        count = np.empty(BLOCK, dtype=np.uint8)
        dist = np.empty(BLOCK, dtype=np.uint8)
        cap = min(max_distance, 255)
        for start in range(0, self.size, BLOCK):
            end = min(self.size, start + BLOCK)
            n = end - start
            block = self._columns[:, start:end]
            for qi in range(len(q)):
                d = dist[:n]
                np.bitwise_xor(block[0], q[qi, 0], out=x[:n])
                np.bitwise_count(x[:n], out=d)
                for j in (1, 2, 3):
                    np.bitwise_xor(block[j], q[qi, j], out=x[:n])
                    np.bitwise_count(x[:n], out=count[:n])
                    np.add(d, count[:n], out=d)
                close = np.flatnonzero((d <= cap) & self._matchable[start:end])
                if not close.size:
                    continue
                # uint8 wraps at 256 (every bit differs): recount the few
                # candidates exactly
                exact = np.bitwise_count(block[:, close] ^ q[qi, :, None]).sum(
                    axis=0, dtype=np.int64
                )
                hits.extend(
                    Hit(qi, int(start + r), int(e))
                    for r, e in zip(close.tolist(), exact.tolist(), strict=True)
                    if e <= max_distance
                )
        hits.sort(key=lambda h: (h.query, h.distance, h.row))
        return hits
